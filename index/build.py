"""Rebuild the index from the corpus: incremental by content hash, one rebuild at a time.

A rebuild loads the corpus, reuses the sentences, chunks and vectors of every document whose
text is unchanged since the live build, embeds only the sentences of new and changed documents,
writes a complete new build and publishes it atomically. When nothing changed it writes nothing.

Besides the builds, the data folder holds `fingerprints.json`: the raw-bytes SHA-256 of every
file the live build saw. It lets an unchanged corpus be recognised from a directory scan and
file hashes alone, without extracting text or detecting languages (which costs a second).
It is only a shortcut: when it is missing, stale or unreadable the rebuild compares documents.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.errors import (
    CorruptIndex,
    EmbedderUnavailable,
    EmptyCorpus,
    IndexingError,
    IndexNotBuilt,
    RebuildInProgress,
)
from index.store import (
    BuildInfo,
    DocumentParts,
    IndexBuild,
    builds_dir,
    collect_garbage,
    current_build_id,
    open_current,
    publish,
    write_build,
)
from index.types import CONTEXT_VERSION, LOADER_VERSION, ChunkingConfig, Document, Skipped

if TYPE_CHECKING:
    from index.embedding import Embedder
    from index.settings import Settings

log = logging.getLogger(__name__)

LOCK_NAME = "rebuild.lock"
FINGERPRINTS_NAME = "fingerprints.json"
SUPPORTED_TYPES = ".txt, .md, .html, .pdf or .docx"


@dataclass(frozen=True)
class BuildReport:
    """What a rebuild did. Paths are relative to the corpus root; counts are of the live build."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0
    build_id: str = ""
    seconds: float = 0.0
    # texts sent to the embedder (sentences, and sentence pairs); 0 when nothing changed
    embedded: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "updated": list(self.updated),
            "removed": list(self.removed),
            "unchanged": list(self.unchanged),
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "documents": self.documents,
            "chunks": self.chunks,
            "build_id": self.build_id,
            "seconds": round(self.seconds, 3),
            "embedded": self.embedded,
        }


@dataclass(frozen=True)
class _Plan:
    """Documents sorted into what can be reused and what must be (re-)embedded."""

    reused: dict[str, DocumentParts]  # by document id
    fresh: list[Document]
    added: list[str]
    updated: list[str]
    removed: list[str]
    unchanged: list[str]


def rebuild(
    corpus_dir: Path,
    data_dir: Path,
    embedder: Embedder,
    chunking: ChunkingConfig,
    *,
    max_file_bytes: int,
    batch_size: int = 32,
    full: bool = False,
    chroma_url: str | None = None,
    keep_builds: int = 2,
    progress: bool = False,
) -> BuildReport:
    """Bring the index in `data_dir` up to date with `corpus_dir` and make it live.

    Raises RebuildInProgress when another rebuild holds the lock, CorpusNotFound when the corpus
    folder is missing and EmptyCorpus when it holds no usable document.
    """
    from filelock import FileLock, Timeout

    started = time.perf_counter()
    data_dir.mkdir(parents=True, exist_ok=True)
    lock_path = data_dir / LOCK_NAME
    # flock-based: a holder killed with SIGKILL releases it with its file descriptors.
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise RebuildInProgress(
            f"Another rebuild is running (lock: {lock_path}). Wait for it to finish."
        ) from exc
    try:
        return _rebuild_locked(corpus_dir, data_dir, embedder, chunking, started,
                               max_file_bytes=max_file_bytes, batch_size=batch_size, full=full,
                               chroma_url=chroma_url, keep_builds=keep_builds, progress=progress)
    finally:
        lock.release()


def _rebuild_locked(
    corpus_dir: Path, data_dir: Path, embedder: Embedder, chunking: ChunkingConfig,
    started: float, *, max_file_bytes: int, batch_size: int, full: bool,
    chroma_url: str | None, keep_builds: int, progress: bool,
) -> BuildReport:
    from index.loading import load_corpus, scan_corpus

    paths, scan_skipped = scan_corpus(corpus_dir, max_file_bytes)
    fingerprints = _fingerprint(corpus_dir, paths)
    if not full:
        report = _unchanged_report(data_dir, embedder, chunking, max_file_bytes, fingerprints,
                                   scan_skipped, started)
        if report is not None:
            collect_garbage(data_dir, keep_builds, chroma_url)  # debris of a crashed rebuild
            return report

    loaded = load_corpus(corpus_dir, max_file_bytes)
    if not loaded.documents:
        raise EmptyCorpus(_empty_corpus_message(corpus_dir, loaded.skipped))

    live = _open_live(data_dir, chroma_url)
    compatible = live is not None and not full and _same_config(live.info, embedder, chunking)
    plan = _plan(loaded.documents, live, compatible)

    if live is not None and compatible and not (plan.added or plan.updated or plan.removed):
        _save_fingerprints(data_dir, live.build_id, max_file_bytes, fingerprints,
                           loaded.documents, loaded.skipped)
        collect_garbage(data_dir, keep_builds, chroma_url)
        return BuildReport(unchanged=plan.unchanged, skipped=loaded.skipped,
                           documents=live.info.documents, chunks=live.info.chunks,
                           build_id=live.build_id, seconds=time.perf_counter() - started)

    fresh_parts, embedded = _index_documents(plan.fresh, embedder, chunking, batch_size,
                                             progress)
    parts = [plan.reused.get(doc.id) or fresh_parts[doc.id] for doc in loaded.documents]
    info = write_build(data_dir, parts, embedder.name, embedder.dimension, chunking,
                       chroma_url=chroma_url)
    publish(data_dir, info.build_id)
    _save_fingerprints(data_dir, info.build_id, max_file_bytes, fingerprints,
                       loaded.documents, loaded.skipped)
    removed = collect_garbage(data_dir, keep_builds, chroma_url)
    if removed:
        log.info("removed old or unfinished builds: %s", ", ".join(removed))
    return BuildReport(
        added=plan.added, updated=plan.updated, removed=plan.removed, unchanged=plan.unchanged,
        skipped=loaded.skipped, documents=info.documents, chunks=info.chunks,
        build_id=info.build_id, seconds=time.perf_counter() - started,
        embedded=embedded,
    )


def rebuild_from_settings(settings: Settings, full: bool = False,
                          progress: bool = False) -> BuildReport:
    from index.embedding import load_embedder

    embedder = load_embedder(settings.embedder, settings.embed_threads)
    return rebuild(
        settings.corpus_dir,
        settings.data_dir,
        embedder,
        ChunkingConfig(settings.chunk_tokens, settings.chunk_overlap,
                       context=CONTEXT_VERSION if settings.sentence_windows else 0),
        max_file_bytes=settings.max_file_bytes,
        batch_size=settings.batch_size,
        full=full,
        chroma_url=settings.chroma_url,
        keep_builds=settings.keep_builds,
        progress=progress,
    )


def index_status(data_dir: Path, chroma_url: str | None = None) -> dict[str, Any]:
    """What the live build holds, from its manifest alone (no Chroma, no model: fast).

    `chroma_url` is accepted for symmetry with the other entry points; the manifest is always
    local, so it is not needed here.
    """
    build_id = current_build_id(data_dir)
    if build_id is None:
        raise IndexNotBuilt(
            f"No index in {data_dir}. Build one with `python -m index rebuild` "
            "(or `assistant index rebuild`)."
        )
    info = _read_manifest(data_dir, build_id)
    if info is None:
        raise IndexNotBuilt(
            f"The live build {build_id} in {data_dir} is missing or incomplete. "
            "Run `python -m index rebuild --full`."
        )
    return {
        "documents": info.documents,
        "chunks": info.chunks,
        "sentences": info.sentences,
        "embedder": info.embedder,
        "dimension": info.dimension,
        "chunking": asdict(info.chunking),
        "build_id": info.build_id,
        "built_at": info.built_at,
        "data_dir": str(data_dir),
    }


# --- deciding what changed ------------------------------------------------------------------


def _open_live(data_dir: Path, chroma_url: str | None) -> IndexBuild | None:
    try:
        return open_current(data_dir, chroma_url)
    except (IndexNotBuilt, CorruptIndex) as exc:
        if current_build_id(data_dir) is not None:
            log.warning("ignoring the live build, it cannot be read: %s", exc)
        return None


def _same_config(info: BuildInfo, embedder: Embedder, chunking: ChunkingConfig) -> bool:
    return (info.embedder == embedder.name and info.dimension == embedder.dimension
            and info.chunking == chunking)


def _plan(documents: Sequence[Document], live: IndexBuild | None, compatible: bool) -> _Plan:
    reused: dict[str, DocumentParts] = {}
    fresh: list[Document] = []
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for doc in documents:
        old = live.document(doc.id) if live is not None and compatible else None
        if live is None or old is None:
            fresh.append(doc)
            added.append(doc.source)
        elif (old.content_hash, old.language, old.pages) == (doc.content_hash, doc.language,
                                                             doc.pages):
            # Same text, split the same way: reuse everything, with the newest metadata.
            parts = live.parts(doc.id)
            reused[doc.id] = DocumentParts(doc, parts.sentences, parts.chunks, parts.vectors,
                                           parts.windows)
            (unchanged if old == doc else updated).append(doc.source)
        else:
            fresh.append(doc)
            updated.append(doc.source)
    current = {doc.id for doc in documents}
    removed = ([d.source for d in live.documents if d.id not in current]
               if live is not None else [])
    return _Plan(reused, fresh, added, updated, removed, unchanged)


# --- the shortcut for an unchanged corpus ---------------------------------------------------


def _fingerprint(corpus_dir: Path, paths: Sequence[Path]) -> dict[str, str] | None:
    """Raw-bytes hashes by path. Taken before loading, so a file edited during the rebuild
    looks changed next time rather than unchanged."""
    from index.loading import file_fingerprint

    fingerprints: dict[str, str] = {}
    try:
        for path in paths:
            fingerprints[path.relative_to(corpus_dir).as_posix()] = file_fingerprint(path)
    except (OSError, ValueError, IndexingError):  # only a shortcut: compare documents instead
        return None
    return fingerprints


def _unchanged_report(
    data_dir: Path, embedder: Embedder, chunking: ChunkingConfig, max_file_bytes: int,
    fingerprints: dict[str, str] | None, scan_skipped: list[Skipped], started: float,
) -> BuildReport | None:
    """The report of a no-op rebuild when the files are byte for byte those of the live build,
    else None."""
    build_id = current_build_id(data_dir)
    if build_id is None or fingerprints is None:
        return None
    saved = _load_fingerprints(data_dir)
    if (saved is None or saved.get("build_id") != build_id
            or saved.get("max_file_bytes") != max_file_bytes
            or saved.get("loader", 1) != LOADER_VERSION
            or saved.get("files") != fingerprints):
        return None
    try:
        skipped = [Skipped(str(s["path"]), str(s["reason"])) for s in saved["skipped"]]
        documents = [str(source) for source in saved["documents"]]
    except (KeyError, TypeError):
        return None
    if [s for s in skipped if s.path not in fingerprints] != scan_skipped:
        return None
    try:
        info = _read_manifest(data_dir, build_id)
    except CorruptIndex:
        return None
    if info is None or not _same_config(info, embedder, chunking):
        return None
    return BuildReport(unchanged=documents, skipped=skipped, documents=info.documents,
                       chunks=info.chunks, build_id=build_id,
                       seconds=time.perf_counter() - started)


def _load_fingerprints(data_dir: Path) -> dict[str, Any] | None:
    try:
        saved = json.loads((data_dir / FINGERPRINTS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return saved if isinstance(saved, dict) else None


def _save_fingerprints(
    data_dir: Path, build_id: str, max_file_bytes: int, fingerprints: dict[str, str] | None,
    documents: Sequence[Document], skipped: Sequence[Skipped],
) -> None:
    target = data_dir / FINGERPRINTS_NAME
    if fingerprints is None:
        target.unlink(missing_ok=True)
        return
    state = {
        "build_id": build_id,
        "max_file_bytes": max_file_bytes,
        "loader": LOADER_VERSION,
        "files": fingerprints,
        "documents": [d.source for d in documents],
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }
    pending = data_dir / f"{FINGERPRINTS_NAME}.{uuid.uuid4().hex}.tmp"
    pending.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    os.replace(pending, target)  # a reader sees the old state or the new, never half


def _read_manifest(data_dir: Path, build_id: str) -> BuildInfo | None:
    root = builds_dir(data_dir) / build_id
    if not (root / "COMPLETE").exists():
        return None
    try:
        return BuildInfo.from_dict(json.loads((root / "manifest.json").read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptIndex(
            f"Build {build_id} has an unreadable manifest ({exc}). "
            "Run `python -m index rebuild --full`."
        ) from exc


# --- splitting, chunking, embedding ---------------------------------------------------------


def _index_documents(
    documents: Sequence[Document], embedder: Embedder, chunking: ChunkingConfig,
    batch_size: int, progress: bool,
) -> tuple[dict[str, DocumentParts], int]:
    """Each document's parts, and how many texts were embedded for them."""
    from index.chunking import chunk_sentences, split_sentences

    split = []
    for doc in documents:
        sentences = split_sentences(doc.text, doc.language, max_tokens=chunking.target_tokens)
        chunks = chunk_sentences(doc.id, doc.text, sentences, chunking,
                                 page_at=doc.page_at if doc.pages else None)
        split.append((doc, sentences, chunks))
    # Sentences are embedded, alone and each with the one before it (the first one's window is
    # itself; without windows, every sentence's is). Chunk vectors are derived from them when
    # the build is written.
    texts = [s.text for _, sentences, _ in split for s in sentences]
    pairs = [doc.text[before.start:after.end] for doc, sentences, _ in split
             for before, after in itertools.pairwise(sentences)] if chunking.context else []
    vectors = _embed(texts + pairs, embedder, batch_size, progress)
    parts: dict[str, DocumentParts] = {}
    offset, pair_offset = 0, len(texts)
    for doc, sentences, chunks in split:
        own = vectors[offset:offset + len(sentences)]
        offset += len(sentences)
        if chunking.context:
            following = vectors[pair_offset:pair_offset + max(0, len(sentences) - 1)]
            pair_offset += len(following)
        else:
            following = own[1:]
        parts[doc.id] = DocumentParts(doc, sentences, chunks, own,
                                      np.concatenate([own[:1], following]))
    return parts, len(vectors)


def _embed(texts: Sequence[str], embedder: Embedder, batch_size: int,
           progress: bool) -> np.ndarray:
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    from tqdm import tqdm

    blocks: list[np.ndarray] = []
    with tqdm(total=len(texts), desc="Embedding", unit="text", disable=not progress,
              dynamic_ncols=True) as bar:
        for begin in range(0, len(texts), batch_size):
            batch = texts[begin:begin + batch_size]
            block = np.asarray(embedder.embed_documents(batch), dtype=np.float32)
            if block.shape != (len(batch), embedder.dimension):
                raise EmbedderUnavailable(
                    f"The embedder {embedder.name} returned vectors of shape {block.shape} for "
                    f"{len(batch)} texts; expected ({len(batch)}, {embedder.dimension})."
                )
            blocks.append(block)
            bar.update(len(batch))
    return np.concatenate(blocks)


def _empty_corpus_message(corpus_dir: Path, skipped: Sequence[Skipped]) -> str:
    message = (f"No usable documents in {corpus_dir}. Add {SUPPORTED_TYPES} files "
               "(set ASSISTANT_CORPUS_DIR or pass --corpus to use another folder).")
    if skipped:
        shown = "; ".join(f"{s.path} ({s.reason})" for s in skipped[:5])
        more = f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        message += f" Skipped {len(skipped)}: {shown}{more}."
    return message
