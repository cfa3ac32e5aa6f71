"""Rebuilds with the fake embedder and real Chroma files: incremental, locked, crash-safe."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from filelock import FileLock

from index import loading
from index.build import FINGERPRINTS_NAME, LOCK_NAME, BuildReport, index_status, rebuild
from index.cli import error_code, main
from index.errors import EmbedderMismatch, IndexNotBuilt, RebuildInProgress
from index.store import builds_dir, completed_build_ids, current_build_id, open_current
from index.types import (
    CONTEXT_VERSION,
    LOADER_VERSION,
    SPLITTER_VERSION,
    ChunkingConfig,
    document_id,
)
from tests.conftest import CORPUS, ROOT, FakeEmbedder

CHUNKING = ChunkingConfig(target_tokens=160, overlap_tokens=32)
LIMIT = 20_000_000
# (Not `.examples.txt`: a file starting with a dot is no document.)
SOURCES = sorted(p.name for p in CORPUS.iterdir() if not p.name.startswith("."))
SMALL = SOURCES[0]  # the short English article about Kirov
REPORT_KEYS = {"added", "updated", "removed", "unchanged", "skipped", "documents", "chunks",
               "build_id", "seconds"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus (its files are read-only)."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    for path in root.iterdir():
        path.chmod(0o644)
    return root


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def fake_env(monkeypatch: pytest.MonkeyPatch, corpus: Path, data: Path) -> None:
    """Settings for the CLI: the fake embedder over the corpus copy."""
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "fake:64")
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data))


def build(corpus: Path, data: Path, embedder: FakeEmbedder | None = None,
          chunking: ChunkingConfig = CHUNKING, *, max_file_bytes: int = LIMIT,
          full: bool = False) -> BuildReport:
    return rebuild(corpus, data, embedder or FakeEmbedder(), chunking,
                   max_file_bytes=max_file_bytes, full=full)


def texts_embedded(data: Path, source: str) -> int:
    """A document's sentences, and each sentence with the one before it."""
    live = open_current(data)
    return 2 * len(live.parts(document_id(source)).sentences) - 1


def run_cli(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- building -----------------------------------------------------------------------------


def test_full_build_indexes_every_document_and_is_searchable(corpus: Path, data: Path) -> None:
    embedder = FakeEmbedder()
    report = build(corpus, data, embedder)

    assert report.added == SOURCES
    assert report.updated == report.removed == report.unchanged == report.skipped == []
    assert current_build_id(data) == report.build_id
    live = open_current(data)
    assert report.documents == len(live.documents) == 3
    assert report.chunks == len(live.chunks) > 3
    # Only sentences are embedded, alone and in pairs; chunk vectors are derived from them.
    assert report.embedded == embedder.calls == 2 * len(live.sentence_spans) - 3
    assert live.info.sentences == len(live.sentence_spans)
    live.check_embedder(embedder)
    hits = live.search_sentences(embedder.embed_query("Sergei Kirov assassinated Leningrad"), 3)
    document, sentence = live.sentence(hits[0].row)
    assert document.source == SMALL and "Kirov" in sentence.text
    assert document.text[sentence.start:sentence.end] == sentence.text
    assert live.search_chunks(embedder.embed_query("Stalin"), 2)
    assert live.search_bm25("Kirov", 2)


def test_sentence_frequency_counts_sentences_not_occurrences(corpus: Path,
                                                             data: Path) -> None:
    build(corpus, data, FakeEmbedder())
    live = open_current(data)
    texts = [live.sentence(row)[1].text.lower() for row in range(len(live.sentence_spans))]
    frequency = live.sentence_frequency
    with_kirov = [t for t in texts if re.search(r"\bkirov\b", t)]
    assert 0 < frequency["kirov"] == len(with_kirov) < sum(t.count("kirov") for t in texts) + 1
    assert "the" not in frequency and "de" not in frequency  # stop words
    # Written with the build, and the same as counting afresh.
    assert (live.root / "sentence_frequency.json").exists()
    (live.root / "sentence_frequency.json").unlink()
    assert open_current(data).sentence_frequency == frequency


def test_report_json_contract(corpus: Path, data: Path) -> None:
    (corpus / "blob.bin").write_bytes(b"\x00\x01binary")
    payload = json.loads(json.dumps(build(corpus, data).to_dict()))

    assert REPORT_KEYS <= set(payload) <= REPORT_KEYS | {"embedded"}
    assert payload["added"] == SOURCES
    assert payload["skipped"] == [{"path": "blob.bin", "reason": payload["skipped"][0]["reason"]}]
    assert payload["skipped"][0]["reason"].startswith("binary file")
    assert isinstance(payload["seconds"], float) and payload["seconds"] > 0
    assert isinstance(payload["documents"], int) and isinstance(payload["chunks"], int)
    assert payload["build_id"] == current_build_id(data)


def test_unchanged_rebuild_embeds_nothing_and_keeps_the_build(corpus: Path, data: Path) -> None:
    first = build(corpus, data)
    embedder = FakeEmbedder()
    started = time.perf_counter()
    again = build(corpus, data, embedder)
    elapsed = time.perf_counter() - started

    assert again.build_id == first.build_id and embedder.calls == again.embedded == 0
    assert again.unchanged == SOURCES and not (again.added or again.updated or again.removed)
    assert (again.documents, again.chunks) == (first.documents, first.chunks)
    assert completed_build_ids(data) == [first.build_id]
    assert elapsed < 1.0


def test_unchanged_rebuild_without_fingerprints_still_writes_nothing(
    corpus: Path, data: Path,
) -> None:
    first = build(corpus, data)
    (data / FINGERPRINTS_NAME).unlink()  # the shortcut is gone: documents are compared
    embedder = FakeEmbedder()
    again = build(corpus, data, embedder)

    assert again.build_id == first.build_id and embedder.calls == 0
    assert again.unchanged == SOURCES
    assert (data / FINGERPRINTS_NAME).exists()  # and the shortcut is back for next time


def test_a_new_loader_reloads_unchanged_files_but_embeds_nothing(
    corpus: Path, data: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as patch:  # an older loader, which read titles differently
        patch.setattr(loading, "_tidy_title", lambda title: "stale title")
        first = build(corpus, data)
    assert {d.title for d in open_current(data).documents} == {"stale title"}
    saved = json.loads((data / FINGERPRINTS_NAME).read_text(encoding="utf-8"))
    assert saved["loader"] == LOADER_VERSION
    del saved["loader"]  # as written before loaders had versions
    (data / FINGERPRINTS_NAME).write_text(json.dumps(saved), encoding="utf-8")
    embedder = FakeEmbedder()
    again = build(corpus, data, embedder)

    # Every file is read again, but the same text keeps its vectors.
    assert again.build_id != first.build_id and embedder.calls == again.embedded == 0
    assert again.updated == SOURCES
    assert "stale title" not in {d.title for d in open_current(data).documents}
    assert build(corpus, data).build_id == again.build_id  # and next time nothing changes


def test_unchanged_rebuild_is_fast_and_imports_no_heavy_library(corpus: Path, data: Path) -> None:
    build(corpus, data)
    script = (
        "import sys, time, json\n"
        "from pathlib import Path\n"
        "from tests.conftest import FakeEmbedder\n"
        "from index.build import rebuild\n"
        "from index.types import ChunkingConfig\n"
        "started = time.perf_counter()\n"
        f"report = rebuild(Path({str(corpus)!r}), Path({str(data)!r}), FakeEmbedder(),\n"
        "                 ChunkingConfig(160, 32), max_file_bytes=20_000_000)\n"
        "heavy = [m for m in ('spacy', 'chromadb', 'py3langid', 'bm25s', 'torch')\n"
        "         if m in sys.modules]\n"
        "print(json.dumps({'seconds': time.perf_counter() - started, 'heavy': heavy,\n"
        "                  'embedded': report.embedded}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    outcome = json.loads(result.stdout)
    assert outcome["heavy"] == [] and outcome["embedded"] == 0
    assert outcome["seconds"] < 0.5, outcome


def test_add_modify_delete_embed_only_what_changed(corpus: Path, data: Path) -> None:
    first = build(corpus, data)

    (corpus / "new.md").write_text("# Gulag\n\nThe Gulag was a system of labour camps. "
                                   "Millions were sent there.\n", encoding="utf-8")
    embedder = FakeEmbedder()
    added = build(corpus, data, embedder)
    assert added.added == ["new.md"] and added.unchanged == SOURCES
    assert added.updated == added.removed == []
    assert embedder.calls == added.embedded == texts_embedded(data, "new.md") == 5
    assert added.build_id != first.build_id and added.documents == 4

    with (corpus / SMALL).open("a", encoding="utf-8") as out:
        out.write("\nA new closing sentence was added. And another one.\n")
    embedder = FakeEmbedder()
    modified = build(corpus, data, embedder)
    assert modified.updated == [SMALL] and modified.added == modified.removed == []
    assert sorted(modified.unchanged) == sorted([*SOURCES[1:], "new.md"])
    assert embedder.calls == modified.embedded == texts_embedded(data, SMALL)
    assert "another one" in open_current(data).document(document_id(SMALL)).text  # type: ignore[union-attr]

    (corpus / SOURCES[1]).unlink()
    embedder = FakeEmbedder()
    removed = build(corpus, data, embedder)
    assert removed.removed == [SOURCES[1]] and removed.added == removed.updated == []
    assert embedder.calls == removed.embedded == 0
    live = open_current(data)
    assert removed.documents == len(live.documents) == 3
    assert live.document(document_id(SOURCES[1])) is None


def test_reused_vectors_are_those_of_the_previous_build(corpus: Path, data: Path) -> None:
    build(corpus, data)
    before = open_current(data).parts(document_id(SOURCES[2]))
    (corpus / "new.txt").write_text("Something new entirely.", encoding="utf-8")
    build(corpus, data)
    after = open_current(data).parts(document_id(SOURCES[2]))

    assert after.sentences == before.sentences and after.chunks == before.chunks
    np.testing.assert_array_equal(after.vectors, before.vectors)


def test_full_rebuild_embeds_everything_again(corpus: Path, data: Path) -> None:
    first = build(corpus, data)
    embedder = FakeEmbedder()
    again = build(corpus, data, embedder, full=True)

    assert again.added == SOURCES and again.unchanged == []
    assert embedder.calls == again.embedded == first.embedded
    assert again.build_id != first.build_id


def test_changed_chunking_rebuilds_everything(corpus: Path, data: Path) -> None:
    first = build(corpus, data)
    embedder = FakeEmbedder()
    again = build(corpus, data, embedder, chunking=ChunkingConfig(60, 10))

    assert again.added == SOURCES and again.unchanged == []
    assert embedder.calls == again.embedded > 0
    assert again.chunks > first.chunks
    assert open_current(data).info.chunking == ChunkingConfig(60, 10)


def test_a_build_by_an_older_sentence_splitter_is_redone_in_full(
    corpus: Path, data: Path,
) -> None:
    first = build(corpus, data)
    manifest = builds_dir(data) / first.build_id / "manifest.json"
    saved = json.loads(manifest.read_text(encoding="utf-8"))
    del saved["chunking"]["splitter"]  # as written before the splitter had a version
    manifest.write_text(json.dumps(saved), encoding="utf-8")
    assert open_current(data).info.chunking.splitter == 1

    embedder = FakeEmbedder()
    again = build(corpus, data, embedder)
    assert again.added == SOURCES and again.unchanged == []
    assert embedder.calls == again.embedded > 0
    assert open_current(data).info.chunking.splitter == SPLITTER_VERSION


def test_a_build_from_before_sentence_windows_searches_own_vectors_and_is_redone(
    corpus: Path, data: Path,
) -> None:
    first = build(corpus, data)
    root = builds_dir(data) / first.build_id
    saved = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    del saved["chunking"]["context"]  # as written before sentence windows
    (root / "manifest.json").write_text(json.dumps(saved), encoding="utf-8")
    (root / "windows.npy").unlink()
    (root / "context_vectors.npy").unlink()
    old = open_current(data)
    assert old.info.chunking.context == 0
    np.testing.assert_array_equal(old.context_vectors, old.sentence_vectors)
    assert old.search_sentences(FakeEmbedder().embed_query("Kirov"), 3)

    embedder = FakeEmbedder()
    again = build(corpus, data, embedder)
    assert again.added == SOURCES and again.unchanged == []
    new = open_current(data)
    assert new.info.chunking.context == CONTEXT_VERSION
    assert embedder.calls == again.embedded == 2 * len(new.sentence_spans) - 3


def test_search_vectors_mix_each_sentence_with_its_two_windows(corpus: Path,
                                                                data: Path) -> None:
    build(corpus, data)
    live = open_current(data)
    own, windows = np.asarray(live.sentence_vectors), np.asarray(live.window_vectors)
    lo, hi = int(live.sentence_offset[0]), int(live.sentence_offset[1])
    # The first sentence has no window of its own; the last none after it.
    np.testing.assert_allclose(windows[lo], own[lo])
    expected = 0.5 * own[lo:hi] + 0.25 * windows[lo:hi] + \
        0.25 * np.concatenate([windows[lo + 1:hi], own[hi - 1:hi]])
    np.testing.assert_allclose(live.context_vectors[lo:hi], expected, rtol=1e-6, atol=1e-7)
    # A window is the two sentences read together, not a mix of their vectors.
    assert not np.allclose(windows[lo + 1], own[lo + 1])
    parts = live.parts(live.documents[0].id)
    np.testing.assert_array_equal(parts.windows, windows[lo:hi])


def test_without_sentence_windows_only_sentences_are_embedded_and_searched(
    corpus: Path, data: Path,
) -> None:
    build(corpus, data)
    embedder = FakeEmbedder()
    plain = build(corpus, data, embedder, ChunkingConfig(160, 32, context=0))
    live = open_current(data)
    # A change of the setting is a change of config: everything is embedded again.
    assert plain.added == SOURCES and live.info.chunking.context == 0
    assert embedder.calls == plain.embedded == len(live.sentence_spans)
    np.testing.assert_array_equal(live.context_vectors, live.sentence_vectors)
    np.testing.assert_array_equal(np.asarray(live.window_vectors), live.sentence_vectors)


@pytest.mark.parametrize("context", [CONTEXT_VERSION, 0])
def test_chroma_ranks_sentences_as_the_exact_search_does(corpus: Path, data: Path,
                                                         context: int) -> None:
    build(corpus, data, chunking=ChunkingConfig(160, 32, context=context))
    live = open_current(data)
    query = FakeEmbedder().embed_query("Kirov was murdered in Leningrad")
    exact = live.search_sentences(query, 5)
    via_chroma = live._query(live.sentence_collection, query, 5)
    # The same sentences with the same scores, in the same order but for ties: HNSW may
    # order two sentences of equal score either way.
    assert {h.row for h in via_chroma} == {h.row for h in exact}
    assert [h.score for h in via_chroma] == pytest.approx([h.score for h in exact], abs=1e-4)
    for mine, theirs in zip(via_chroma, exact, strict=True):
        assert mine.row == theirs.row or mine.score == pytest.approx(theirs.score, abs=1e-4)


def test_another_embedder_is_refused_by_readers_and_rebuilds_everything(
    corpus: Path, data: Path,
) -> None:
    build(corpus, data)
    other = FakeEmbedder(32)
    with pytest.raises(EmbedderMismatch, match="rebuild --full"):
        open_current(data).check_embedder(other)

    report = build(corpus, data, other)
    assert report.added == SOURCES and other.calls == report.embedded > 0
    open_current(data).check_embedder(other)


# --- locking, errors and the command line -------------------------------------------------


def test_rebuild_refused_while_the_lock_is_held(corpus: Path, data: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 fake_env: None) -> None:
    data.mkdir()
    with FileLock(data / LOCK_NAME, timeout=0):
        with pytest.raises(RebuildInProgress, match="Another rebuild is running"):
            build(corpus, data)
        code, out, err = run_cli(["rebuild", "--json"], capsys)
    assert code == RebuildInProgress.exit_code == 6
    assert json.loads(out)["error"]["code"] == "rebuild_in_progress"
    assert "Wait for it to finish" in err
    assert current_build_id(data) is None
    assert build(corpus, data).added == SOURCES  # the lock is free again


def test_failed_rebuild_releases_the_lock_and_keeps_the_live_build(
    corpus: Path, data: Path,
) -> None:
    first = build(corpus, data)

    class Broken(FakeEmbedder):
        def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
            raise RuntimeError("model crashed")

    (corpus / "new.txt").write_text("A new document arrives.", encoding="utf-8")
    with pytest.raises(RuntimeError, match="model crashed"):
        build(corpus, data, Broken())
    assert current_build_id(data) == first.build_id
    assert build(corpus, data).added == ["new.txt"]


def test_cli_rebuild_json_prints_one_object(fake_env: None,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["rebuild", "--json"], capsys)
    assert code == 0
    payload = json.loads(out)  # the whole of stdout is one JSON object
    assert set(payload) >= REPORT_KEYS and payload["added"] == SOURCES

    code, out, _ = run_cli(["rebuild", "--json"], capsys)
    assert code == 0 and json.loads(out)["build_id"] == payload["build_id"]


def test_cli_human_summary_and_status(fake_env: None, corpus: Path, data: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "a.bin").write_bytes(b"\x00\x00\x00")
    code, out, _ = run_cli(["rebuild"], capsys)
    assert code == 0
    assert out.startswith("Indexed 3 documents (")
    assert "3 added, 0 updated, 0 removed, 0 unchanged; skipped 1: a.bin (binary file" in out

    code, out, _ = run_cli(["rebuild"], capsys)
    assert code == 0 and out.startswith("Index is up to date: 3 documents")

    code, out, _ = run_cli(["status", "--json"], capsys)
    status = json.loads(out)
    assert code == 0
    assert set(status) == {"documents", "chunks", "sentences", "embedder", "dimension",
                           "chunking", "build_id", "built_at", "data_dir"}
    assert status["documents"] == 3 and status["embedder"] == "fake:64"
    assert status["chunking"] == {"target_tokens": 160, "overlap_tokens": 32,
                                  "splitter": SPLITTER_VERSION, "context": CONTEXT_VERSION}
    assert status == index_status(data, None)
    code, out, _ = run_cli(["status"], capsys)
    assert code == 0 and status["build_id"] in out


def test_cli_options_override_the_environment(fake_env: None, tmp_path: Path, corpus: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other-data"
    code, out, _ = run_cli(["rebuild", "--json", "--data-dir", str(other),
                            "--corpus", str(corpus)], capsys)
    assert code == 0 and current_build_id(other) == json.loads(out)["build_id"]


def test_status_without_an_index(fake_env: None, data: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(IndexNotBuilt):
        index_status(data, None)
    code, out, err = run_cli(["status", "--json"], capsys)
    assert code == IndexNotBuilt.exit_code
    assert json.loads(out)["error"]["code"] == "index_not_built"
    assert "python -m index rebuild" in err


def test_empty_corpus_fails_with_advice(fake_env: None, corpus: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(corpus)
    corpus.mkdir()
    (corpus / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (corpus / "empty.txt").write_text("")
    code, out, err = run_cli(["rebuild"], capsys)
    assert code == 3 and out == ""
    assert err.startswith("error: No usable documents in")
    assert ".txt, .md, .html, .pdf or .docx" in err
    assert "Skipped 2: empty.txt (empty file); image.png (binary file" in err

    code, out, _ = run_cli(["rebuild", "--json"], capsys)
    assert code == 3 and json.loads(out)["error"]["code"] == "empty_corpus"


def test_missing_corpus_fails_with_advice(fake_env: None, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["rebuild", "--corpus", str(tmp_path / "nowhere")], capsys)
    assert code == 2 and out == ""
    assert "nowhere" in err and "--corpus" in err

    code, out, _ = run_cli(["rebuild", "--json", "--corpus", str(tmp_path / "nowhere")], capsys)
    assert code == 2 and json.loads(out)["error"]["code"] == "corpus_not_found"


def test_invalid_settings_are_reported(fake_env: None, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ASSISTANT_BATCH_SIZE", "lots")
    code, out, err = run_cli(["rebuild", "--json"], capsys)
    assert code == 1 and "ASSISTANT_BATCH_SIZE" in err
    assert json.loads(out)["error"]["code"] == "invalid_settings"


def test_unknown_embedder_is_reported(fake_env: None, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "no-such-backend")
    code, _, err = run_cli(["rebuild"], capsys)
    assert code == 7 and "Unknown embedder" in err


def test_unwritable_data_folder_is_reported(fake_env: None, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = run_cli(["rebuild", "--json", "--data-dir", str(blocker / "data")], capsys)
    assert code == 1 and err.startswith("error: ") and str(blocker) in err
    assert json.loads(out)["error"]["code"] == "storage_error"


def test_error_codes_are_snake_case() -> None:
    assert error_code(RebuildInProgress("x")) == "rebuild_in_progress"
    assert error_code(IndexNotBuilt("x")) == "index_not_built"


def test_help_imports_no_heavy_library() -> None:
    script = (
        "import runpy, sys\n"
        "sys.argv = ['index', '--help']\n"
        "try:\n"
        "    runpy.run_module('index', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "heavy = ('torch', 'chromadb', 'gradio', 'sentence_transformers', 'spacy', 'bm25s')\n"
        "print('HEAVY', [m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert "rebuild" in result.stdout and "status" in result.stdout
    assert "HEAVY []" in result.stdout


def test_the_latency_benchmark_refuses_counts_it_cannot_use() -> None:
    # (Refused by argparse before the index is built or the model loaded.)
    for flag, value in (("--rounds", "0"), ("--first-asked", "-1"), ("--cold-runs", "two")):
        result = subprocess.run(
            [sys.executable, "benchmarks/query_latency.py", flag, value], cwd=ROOT,
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, (flag, result.stderr)
        assert flag in result.stderr and ("or more" in result.stderr
                                          or "whole number" in result.stderr)


# --- hostile corpora, garbage, crashes -------------------------------------------------------


def test_hostile_files_are_skipped_and_the_build_succeeds(corpus: Path, data: Path,
                                                          tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Outside the corpus: never indexed.")
    (corpus / "escape.txt").symlink_to(outside)
    (corpus / "dangling.md").symlink_to(tmp_path / "missing.md")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "big.txt").write_text("word " * 50_000)
    (corpus / "garbage.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (corpus / "program.exe").write_bytes(b"MZ\x00\x00\x90")
    (corpus / "nul.txt").write_bytes(b"text\x00with\x00nul" * 10)

    report = build(corpus, data, max_file_bytes=100_000)

    skipped = {s.path: s.reason for s in report.skipped}
    assert set(skipped) == {"escape.txt", "dangling.md", "pipe.txt", "empty.txt", "big.txt",
                            "garbage.pdf", "broken.docx", "program.exe", "nul.txt"}
    assert skipped["escape.txt"].startswith("symlink outside the corpus")
    assert skipped["pipe.txt"].startswith("not a regular file")
    assert skipped["big.txt"].startswith("file too large")
    assert report.added == SOURCES and report.documents == 3
    live = open_current(data)
    assert all("Outside the corpus" not in d.text for d in live.documents)
    # The same hostile corpus again: nothing to do, and the same files reported.
    again = build(corpus, data, max_file_bytes=100_000)
    assert again.build_id == report.build_id and again.skipped == report.skipped


def test_garbage_collection_keeps_two_builds(corpus: Path, data: Path) -> None:
    ids = []
    for number in range(4):
        (corpus / f"extra{number}.txt").write_text(f"Extra document number {number}.")
        ids.append(build(corpus, data).build_id)
    assert completed_build_ids(data) == sorted(ids[-2:])
    assert sorted(p.name for p in builds_dir(data).iterdir()) == sorted(ids[-2:])
    assert current_build_id(data) == ids[-1]


def test_crashed_build_is_ignored_by_readers_and_cleaned_up(corpus: Path, data: Path) -> None:
    first = build(corpus, data)
    debris = builds_dir(data) / "20990101T000000000000-deadbeef"  # newer than any real build
    debris.mkdir()
    (debris / "documents.jsonl").write_text('{"id": "half a')
    (debris / "manifest.json").write_text("{")
    (data / "CURRENT.0123abcd.tmp").write_text(debris.name)

    assert open_current(data).build_id == first.build_id
    assert index_status(data, None)["build_id"] == first.build_id
    assert completed_build_ids(data) == [first.build_id]

    again = build(corpus, data)  # nothing changed, but the debris still goes
    assert again.build_id == first.build_id
    assert not debris.exists() and not list(data.glob("CURRENT.*.tmp"))


def test_live_build_that_vanished_is_rebuilt_in_full(corpus: Path, data: Path) -> None:
    first = build(corpus, data)
    shutil.rmtree(builds_dir(data) / first.build_id)
    embedder = FakeEmbedder()
    again = build(corpus, data, embedder)
    assert again.added == SOURCES and embedder.calls == first.embedded
    assert open_current(data).build_id == again.build_id
