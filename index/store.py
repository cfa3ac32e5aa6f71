"""Index builds on disk (and in Chroma), published atomically.

Layout under the data folder::

    CURRENT                  the id of the live build, replaced atomically
    rebuild.lock             held by the one rebuild allowed at a time
    fingerprints.json        raw-byte hashes of the corpus files, so an unchanged rebuild is
                             a directory scan (written by index.build)
    builds/<build_id>/
        manifest.json        what built it: embedder, dimension, chunking, counts
        documents.jsonl      every document, with its text
        chunks.jsonl         chunk offsets and their sentence ranges
        sentences.npy        int64 rows (document row, start, end)
        vectors.npy          float32 sentence vectors, L2-normalised
        windows.npy          float32 vectors of each sentence read with the one before it
        context_vectors.npy  float32 search vectors of the sentences: own and windows mixed
        sentence_frequency.json  in how many sentences each word occurs
        bm25/                a bm25s index over the chunks
        chroma/              Chroma's files (local mode)
        COMPLETE             written last; a build without it is debris of a crash

A build is never modified once COMPLETE exists. Readers follow CURRENT, so a rebuild killed
at any moment leaves the previous build untouched and live.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.errors import CorruptIndex, EmbedderMismatch, IndexNotBuilt
from index.lexical import tokens, word_frequency
from index.types import Chunk, ChunkingConfig, Document, Page, Sentence

if TYPE_CHECKING:
    from index.embedding import Embedder

FORMAT_VERSION = 1
CHUNKS = "chunks"
SENTENCES = "sentences"
# Below this many vectors an exact dot product beats an HNSW lookup and spares the query
# path the Chroma import (about a second of a cold start). Chroma still holds every build.
EXACT_SEARCH_LIMIT = 50_000


@dataclass(frozen=True)
class BuildInfo:
    build_id: str
    built_at: str
    embedder: str
    dimension: int
    chunking: ChunkingConfig
    documents: int
    chunks: int
    sentences: int
    format_version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BuildInfo:
        data = dict(data)
        # Builds from before the splitter was versioned were made by version 1, and those from
        # before sentence windows searched by each sentence's own vector.
        data["chunking"] = ChunkingConfig(**{"splitter": 1, "context": 0, **data["chunking"]})
        return cls(**data)


@dataclass(frozen=True)
class DocumentParts:
    """A document as indexed: its sentences, chunks and one vector per sentence, and one per
    sentence read with the sentence before it (the first sentence's is its own vector)."""

    document: Document
    sentences: list[Sentence]
    chunks: list[Chunk]
    vectors: np.ndarray
    windows: np.ndarray


@dataclass(frozen=True)
class Hit:
    row: int
    score: float


def new_build_id() -> str:
    # Microseconds: ids must sort in creation order (garbage collection keeps the newest by
    # name), also for builds made within the same second.
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"{stamp}-{uuid.uuid4().hex[:8]}"


def builds_dir(data_dir: Path) -> Path:
    return data_dir / "builds"


def current_build_id(data_dir: Path) -> str | None:
    """The live build's id, or None. Cheap: one small file read."""
    try:
        value = (data_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return value or None


def completed_build_ids(data_dir: Path) -> list[str]:
    root = builds_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "COMPLETE").exists())


def chroma_client(path: Path | None, chroma_url: str | None) -> Any:
    """A Chroma client: HTTP when `chroma_url` is set, else files under `path`."""
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    if chroma_url:
        from urllib.parse import urlparse

        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    assert path is not None
    return chromadb.PersistentClient(path=str(path), settings=settings)


def collection_name(build_id: str, kind: str, chroma_url: str | None) -> str:
    # On a shared server every build needs its own names; locally each build has its own files.
    return f"b{build_id.replace('T', '').lower()}-{kind}" if chroma_url else kind


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    for folder, _, files in os.walk(root):
        for name in files:
            _fsync_file(Path(folder) / name)
        _fsync_file(Path(folder))


def _write_json_lines(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_json_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def write_build(
    data_dir: Path,
    parts: Sequence[DocumentParts],
    embedder: str,
    dimension: int,
    chunking: ChunkingConfig,
    chroma_url: str | None = None,
    build_id: str | None = None,
) -> BuildInfo:
    """Write a complete build. It is not live until `publish` points CURRENT at it."""
    build_id = build_id or new_build_id()
    root = builds_dir(data_dir) / build_id
    root.mkdir(parents=True, exist_ok=False)

    documents: list[dict[str, Any]] = []
    chunk_rows: list[dict[str, Any]] = []
    spans: list[tuple[int, int, int]] = []
    vectors: list[np.ndarray] = []
    windows: list[np.ndarray] = []
    for row, part in enumerate(parts):
        doc = part.document
        documents.append({
            "id": doc.id, "source": doc.source, "title": doc.title, "language": doc.language,
            "content_hash": doc.content_hash, "text": doc.text,
            "pages": [asdict(p) for p in doc.pages],
            "sentences": len(part.sentences), "chunks": len(part.chunks),
        })
        chunk_rows.extend(
            {"id": c.id, "document_id": c.document_id, "position": c.position, "start": c.start,
             "end": c.end, "first_sentence": c.first_sentence, "last_sentence": c.last_sentence,
             "page": c.page}
            for c in part.chunks
        )
        spans.extend((row, s.start, s.end) for s in part.sentences)
        if not len(part.sentences) == len(part.vectors) == len(part.windows):
            raise ValueError(f"{doc.source}: {len(part.sentences)} sentences, "
                             f"{len(part.vectors)} vectors, {len(part.windows)} windows")
        vectors.append(np.asarray(part.vectors, dtype=np.float32).reshape(-1, dimension))
        windows.append(np.asarray(part.windows, dtype=np.float32).reshape(-1, dimension))

    empty = np.zeros((0, dimension), dtype=np.float32)
    sentence_vectors = np.concatenate(vectors) if vectors else empty
    window_vectors = np.concatenate(windows) if windows else empty
    # Without windows a sentence is searched by its own vector.
    search_vectors = np.concatenate([context_vectors(v, w) for v, w in zip(vectors, windows,
                                                                           strict=True)]) \
        if vectors and chunking.context else sentence_vectors
    sentence_spans = np.asarray(spans, dtype=np.int64).reshape(-1, 3)
    _write_json_lines(root / "documents.jsonl", documents)
    _write_json_lines(root / "chunks.jsonl", chunk_rows)
    np.save(root / "sentences.npy", sentence_spans)
    np.save(root / "vectors.npy", sentence_vectors)
    np.save(root / "windows.npy", window_vectors)
    np.save(root / "context_vectors.npy", search_vectors)
    (root / "sentence_frequency.json").write_text(json.dumps(word_frequency(
        documents[int(d)]["text"][int(a):int(b)] for d, a, b in sentence_spans)),
        encoding="utf-8")

    texts = {d["id"]: d["text"] for d in documents}
    chunk_texts = [texts[c["document_id"]][c["start"]:c["end"]] for c in chunk_rows]
    _write_bm25(root / "bm25", chunk_texts)
    chunk_vectors = _chunk_vectors(parts, sentence_vectors, dimension)
    np.save(root / "chunk_vectors.npy", chunk_vectors)
    _write_chroma(root, build_id, chroma_url, documents, chunk_rows, chunk_texts, chunk_vectors,
                  sentence_spans, search_vectors)

    info = BuildInfo(
        build_id=build_id,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        embedder=embedder,
        dimension=dimension,
        chunking=chunking,
        documents=len(documents),
        chunks=len(chunk_rows),
        sentences=len(sentence_spans),
    )
    (root / "manifest.json").write_text(json.dumps(info.to_dict(), indent=2), encoding="utf-8")
    _fsync_tree(root)
    (root / "COMPLETE").write_text(build_id, encoding="utf-8")
    _fsync_file(root / "COMPLETE")
    _fsync_file(root)
    return info


def context_vectors(vectors: np.ndarray, windows: np.ndarray) -> np.ndarray:
    """The vectors a document's sentences are searched by: half the sentence's own vector,
    a quarter each the two-sentence windows it is part of (with the sentence before it, and
    with the one after). The model reads "Of them, 800,000 were executed" together with the
    sentence that says who "them" are. The mix of unit vectors is left unnormalised, so a
    similarity is the same mix of the three cosines. (Chosen over the own vector alone on the
    development questions: see README.)"""
    if not len(vectors):
        return np.asarray(vectors, dtype=np.float32)
    following = np.concatenate([windows[1:], vectors[-1:]])
    return np.asarray(0.5 * vectors + 0.25 * windows + 0.25 * following, dtype=np.float32)


def _chunk_vectors(parts: Sequence[DocumentParts], sentence_vectors: np.ndarray,
                   dimension: int) -> np.ndarray:
    """A chunk's vector is the normalised mean of its sentences' vectors: no second pass of the
    model, and a passage still ranks by what its sentences say."""
    rows: list[np.ndarray] = []
    offset = 0
    for part in parts:
        for chunk in part.chunks:
            block = sentence_vectors[offset + chunk.first_sentence: offset + chunk.last_sentence]
            mean = block.mean(axis=0) if len(block) else np.zeros(dimension, dtype=np.float32)
            rows.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
        offset += len(part.sentences)
    return np.asarray(rows, dtype=np.float32).reshape(-1, dimension)


def _write_bm25(path: Path, chunk_texts: list[str]) -> None:
    import bm25s

    corpus = [tokens(text) or ["_"] for text in chunk_texts]
    retriever = bm25s.BM25()
    if corpus:
        retriever.index(corpus, show_progress=False)
    retriever.save(str(path))


def _write_chroma(
    root: Path, build_id: str, chroma_url: str | None, documents: list[dict[str, Any]],
    chunk_rows: list[dict[str, Any]], chunk_texts: list[str], chunk_vectors: np.ndarray,
    sentence_spans: np.ndarray, search_vectors: np.ndarray,
) -> None:
    client = chroma_client(root / "chroma", chroma_url)
    by_id = {d["id"]: d for d in documents}
    chunks = client.create_collection(
        collection_name(build_id, CHUNKS, chroma_url),
        configuration={"hnsw": {"space": "cosine"}}, embedding_function=None,
        metadata={"build_id": build_id},
    )
    # Inner product: the search vectors are a mix of unit vectors, left unnormalised, and
    # Chroma must rank them as the exact search does.
    sentences = client.create_collection(
        collection_name(build_id, SENTENCES, chroma_url),
        configuration={"hnsw": {"space": "ip"}}, embedding_function=None,
        metadata={"build_id": build_id},
    )
    batch = 4000  # below Chroma's max batch size
    for begin in range(0, len(chunk_rows), batch):
        rows = chunk_rows[begin:begin + batch]
        chunks.add(
            ids=[r["id"] for r in rows],
            embeddings=chunk_vectors[begin:begin + batch],
            documents=chunk_texts[begin:begin + batch],
            metadatas=[_chunk_metadata(r, by_id[r["document_id"]], begin + i)
                       for i, r in enumerate(rows)],
        )
    ids = [f"{documents[int(d)]['id']}:s{row}" for row, (d, _, _) in enumerate(sentence_spans)]
    for begin in range(0, len(ids), batch):
        sentences.add(
            ids=ids[begin:begin + batch],
            embeddings=search_vectors[begin:begin + batch],
            metadatas=[{"row": begin + i} for i in range(len(ids[begin:begin + batch]))],
        )


def _chunk_metadata(row: dict[str, Any], doc: dict[str, Any], index: int) -> dict[str, Any]:
    meta = {"row": index, "document_id": row["document_id"], "source": doc["source"],
            "title": doc["title"], "language": doc["language"], "start": row["start"],
            "end": row["end"], "position": row["position"]}
    if row["page"] is not None:
        meta["page"] = row["page"]
    return meta


def publish(data_dir: Path, build_id: str) -> None:
    """Make `build_id` live with one atomic rename."""
    if not (builds_dir(data_dir) / build_id / "COMPLETE").exists():
        raise CorruptIndex(f"Build {build_id} is incomplete and cannot be published.")
    pending = data_dir / f"CURRENT.{uuid.uuid4().hex}.tmp"
    pending.write_text(build_id + "\n", encoding="utf-8")
    _fsync_file(pending)
    os.replace(pending, data_dir / "CURRENT")
    _fsync_file(data_dir)


def collect_garbage(data_dir: Path, keep: int, chroma_url: str | None = None) -> list[str]:
    """Delete crash debris and all but the newest `keep` complete builds. Call it only while
    holding the rebuild lock. The live build is always kept."""
    root = builds_dir(data_dir)
    if not root.is_dir():
        return []
    live = current_build_id(data_dir)
    complete = completed_build_ids(data_dir)
    keep_ids = set(complete[-keep:]) | ({live} if live else set())
    removed = []
    for folder in root.iterdir():
        if folder.name in keep_ids:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
        if chroma_url:
            _drop_remote_collections(folder.name, chroma_url)
    for debris in data_dir.glob("CURRENT.*.tmp"):
        debris.unlink(missing_ok=True)
    return removed


def _drop_remote_collections(build_id: str, chroma_url: str) -> None:
    client = chroma_client(None, chroma_url)
    for kind in (CHUNKS, SENTENCES):
        # Already gone, or never created before a crash.
        with contextlib.suppress(Exception):
            client.delete_collection(collection_name(build_id, kind, chroma_url))


_SENTENCES_KEPT = 1 << 17


class IndexBuild:
    """A complete, read-only build, opened for querying."""

    def __init__(self, data_dir: Path, build_id: str, chroma_url: str | None = None) -> None:
        self.root = builds_dir(data_dir) / build_id
        if not (self.root / "COMPLETE").exists():
            raise IndexNotBuilt(
                f"Build {build_id} in {data_dir} is missing or incomplete. "
                "Run `python -m index rebuild`."
            )
        self.build_id = build_id
        self.chroma_url = chroma_url
        self._sentences: dict[int, tuple[Document, Sentence]] = {}
        try:
            self.info = BuildInfo.from_dict(
                json.loads((self.root / "manifest.json").read_text(encoding="utf-8")))
            self.documents = [
                Document(id=d["id"], source=d["source"], title=d["title"],
                         language=d["language"], text=d["text"],
                         content_hash=d["content_hash"],
                         pages=tuple(Page(**p) for p in d["pages"]))
                for d in _read_json_lines(self.root / "documents.jsonl")
            ]
            self.chunk_rows = _read_json_lines(self.root / "chunks.jsonl")
            self.sentence_spans: np.ndarray = np.load(self.root / "sentences.npy")
            self.sentence_vectors: np.ndarray = np.load(self.root / "vectors.npy", mmap_mode="r")
            # What sentences are searched by: see context_vectors. Older builds have their own
            # vectors only.
            windowed = self.info.chunking.context >= 1
            self.window_vectors: np.ndarray = np.load(
                self.root / "windows.npy", mmap_mode="r") if windowed else self.sentence_vectors
            self.context_vectors: np.ndarray = np.load(
                self.root / "context_vectors.npy", mmap_mode="r") if windowed \
                else self.sentence_vectors
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CorruptIndex(
                f"Build {build_id} cannot be read ({exc}). Run `python -m index rebuild --full`."
            ) from exc
        self.document_row = {d.id: i for i, d in enumerate(self.documents)}
        counts = np.bincount(self.sentence_spans[:, 0], minlength=len(self.documents)) \
            if len(self.sentence_spans) else np.zeros(len(self.documents), dtype=np.int64)
        self.sentence_offset = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.chunks = [
            Chunk(id=r["id"], document_id=r["document_id"], position=r["position"],
                  start=r["start"], end=r["end"],
                  text=self.documents[self.document_row[r["document_id"]]].text[r["start"]:r["end"]],
                  first_sentence=r["first_sentence"], last_sentence=r["last_sentence"],
                  page=r["page"])
            for r in self.chunk_rows
        ]
        self.chunk_row = {c.id: i for i, c in enumerate(self.chunks)}
        self.sentence_chunk = self._sentence_to_chunk()

    def _sentence_to_chunk(self) -> np.ndarray:
        """For each sentence row, the first chunk row that holds it."""
        owner = np.full(len(self.sentence_spans), -1, dtype=np.int64)
        for row in range(len(self.chunks) - 1, -1, -1):
            lo, hi = self.chunk_sentence_rows(row)
            owner[lo:hi] = row
        return owner

    def check_embedder(self, embedder: Embedder) -> None:
        if embedder.name != self.info.embedder or embedder.dimension != self.info.dimension:
            raise EmbedderMismatch(
                f"The index was built with {self.info.embedder} ({self.info.dimension} dims) "
                f"but the embedder is {embedder.name} ({embedder.dimension} dims). "
                f"Rebuild it with `python -m index rebuild --full`, or set "
                f"ASSISTANT_EMBEDDER back to what built it."
            )

    def chunk_sentence_rows(self, chunk_row: int) -> tuple[int, int]:
        chunk = self.chunks[chunk_row]
        offset = int(self.sentence_offset[self.document_row[chunk.document_id]])
        return offset + chunk.first_sentence, offset + chunk.last_sentence

    def sentence(self, row: int) -> tuple[Document, Sentence]:
        # Kept: a question reads some hundreds of sentences, each several times, and the next
        # question many of the same. (Bounded, for an index of millions.)
        found = self._sentences.get(row)
        if found is None:
            if len(self._sentences) >= _SENTENCES_KEPT:
                self._sentences.clear()
            doc_row, start, end = (int(v) for v in self.sentence_spans[row])
            doc = self.documents[doc_row]
            found = self._sentences[row] = (doc, Sentence(start, end, doc.text[start:end]))
        return found

    def document(self, doc_id: str) -> Document | None:
        row = self.document_row.get(doc_id)
        return None if row is None else self.documents[row]

    def parts(self, doc_id: str) -> DocumentParts:
        """Everything indexed for one document, for reuse by an incremental rebuild."""
        row = self.document_row[doc_id]
        doc = self.documents[row]
        lo, hi = int(self.sentence_offset[row]), int(self.sentence_offset[row + 1])
        sentences = [Sentence(int(s), int(e), doc.text[int(s):int(e)])
                     for _, s, e in self.sentence_spans[lo:hi]]
        chunks = [c for c in self.chunks if c.document_id == doc_id]
        return DocumentParts(doc, sentences, chunks, np.array(self.sentence_vectors[lo:hi]),
                             np.array(self.window_vectors[lo:hi]))

    @cached_property
    def sentence_frequency(self) -> dict[str, int]:
        """In how many sentences each word occurs (folded, without stop words): how common a
        word is in these documents. Written with the build; counted here for a build made
        before that."""
        path = self.root / "sentence_frequency.json"
        if path.exists():
            try:
                return {str(w): int(n) for w, n in
                        json.loads(path.read_text(encoding="utf-8")).items()}
            except (OSError, ValueError, AttributeError) as exc:
                raise CorruptIndex(f"{path} cannot be read ({exc}). "
                                   "Run `python -m index rebuild --full`.") from exc
        return word_frequency(self.sentence(row)[1].text
                              for row in range(len(self.sentence_spans)))

    @cached_property
    def _bm25(self) -> Any:
        import bm25s

        return bm25s.BM25.load(str(self.root / "bm25"))

    @cached_property
    def _client(self) -> Any:
        return chroma_client(self.root / "chroma", self.chroma_url)

    @cached_property
    def chunk_collection(self) -> Any:
        return self._client.get_collection(
            collection_name(self.build_id, CHUNKS, self.chroma_url), embedding_function=None)

    @cached_property
    def sentence_collection(self) -> Any:
        return self._client.get_collection(
            collection_name(self.build_id, SENTENCES, self.chroma_url), embedding_function=None)

    def search_bm25(self, query: str, k: int) -> list[Hit]:
        """Chunk rows by BM25 score; only chunks sharing a term with the query."""
        query_tokens = tokens(query)
        if not query_tokens or not self.chunks:
            return []
        scores = np.asarray(self._bm25.get_scores(query_tokens))
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [Hit(int(r), float(scores[r])) for r in top if scores[r] > 0]

    @cached_property
    def chunk_vectors(self) -> np.ndarray:
        return np.load(self.root / "chunk_vectors.npy", mmap_mode="r")

    def exact_search(self) -> bool:
        """Search in memory when the index is local and small; otherwise ask Chroma."""
        return self.chroma_url is None and len(self.sentence_spans) <= EXACT_SEARCH_LIMIT \
            and (self.root / "chunk_vectors.npy").exists()

    def search_sentences(self, vector: np.ndarray, k: int) -> list[Hit]:
        """Sentence rows by the dot product with their search vectors."""
        if self.exact_search():
            return _top(np.asarray(self.context_vectors) @ vector, k)
        return self._query(self.sentence_collection, vector, k)

    def search_chunks(self, vector: np.ndarray, k: int) -> list[Hit]:
        if self.exact_search():
            return _top(np.asarray(self.chunk_vectors) @ vector, k)
        return self._query(self.chunk_collection, vector, k)

    @staticmethod
    def _query(collection: Any, vector: np.ndarray, k: int) -> list[Hit]:
        count = collection.count()
        if count == 0:
            return []
        result = collection.query(query_embeddings=[np.asarray(vector, dtype=np.float32)],
                                  n_results=min(k, count), include=["metadatas", "distances"])
        return [Hit(int(meta["row"]), 1.0 - float(distance))
                for meta, distance in zip(result["metadatas"][0], result["distances"][0],
                                          strict=True)]


def _top(scores: np.ndarray, k: int) -> list[Hit]:
    k = min(k, len(scores))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    return [Hit(int(r), float(scores[r])) for r in top[np.argsort(-scores[top])]]


def open_current(data_dir: Path, chroma_url: str | None = None) -> IndexBuild:
    build_id = current_build_id(data_dir)
    if build_id is None:
        raise IndexNotBuilt(
            f"No index in {data_dir}. Build one with `python -m index rebuild` "
            "(or `assistant index rebuild`)."
        )
    return IndexBuild(data_dir, build_id, chroma_url)
