"""Hybrid retrieval: dense sentences and chunks, BM25 chunks, fused by reciprocal rank, then
re-scored at sentence level with a per-document diversity penalty."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.embedding import Embedder
from index.store import Hit, IndexBuild


@dataclass(frozen=True)
class SentenceScore:
    row: int
    chunk_row: int
    similarity: float


@dataclass(frozen=True)
class RankedPassage:
    chunk_row: int
    # similarity of its best sentence, less the diversity penalty, plus the cross-lingual
    # offset for a passage in another language than the question
    score: float
    similarity: float  # similarity of its best sentence
    best_sentence: int  # sentence row
    fused: float  # reciprocal-rank-fusion score before re-scoring


@dataclass(frozen=True)
class Retrieval:
    query: str
    vector: np.ndarray
    passages: list[RankedPassage]
    sentences: dict[int, SentenceScore]  # every sentence of every candidate passage


@dataclass(frozen=True)
class RetrievalConfig:
    dense_sentences: int = 120
    dense_chunks: int = 30
    bm25_chunks: int = 40
    rrf_k: int = 60
    candidates: int = 40
    diversity_penalty: float = 0.01  # per passage already taken from the same document
    # Sentences in another language than the question score lower for it alone; this much
    # makes up for it when passages are ranked.
    cross_lingual_offset: float = 0.03


def fuse(rankings: Sequence[Sequence[int]], k: int) -> dict[int, float]:
    """Reciprocal rank fusion (Cormack et al., 2009)."""
    scores: dict[int, float] = defaultdict(float)
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] += 1.0 / (k + rank + 1)
    return dict(scores)


def chunk_ranking(build: IndexBuild, sentence_hits: Sequence[Hit]) -> list[int]:
    """Chunks in the order of their best sentence hit."""
    seen: dict[int, None] = {}
    for hit in sentence_hits:
        seen.setdefault(int(build.sentence_chunk[hit.row]), None)
    return list(seen)


class HybridRetriever:
    def __init__(self, build: IndexBuild, embedder: Embedder,
                 config: RetrievalConfig | None = None) -> None:
        self.build = build
        self.embedder = embedder
        self.config = config or RetrievalConfig()

    def retrieve(self, query: str, k: int, vector: np.ndarray | None = None,
                 language: str | None = None) -> Retrieval:
        config = self.config
        build = self.build
        if vector is None:
            vector = self.embedder.embed_query(query)
        vector = np.asarray(vector, dtype=np.float32)
        dense_sentences = build.search_sentences(vector, config.dense_sentences)
        dense_chunks = build.search_chunks(vector, config.dense_chunks)
        lexical = build.search_bm25(query, config.bm25_chunks)
        fused = fuse(
            [chunk_ranking(build, dense_sentences), [h.row for h in dense_chunks],
             [h.row for h in lexical]],
            config.rrf_k,
        )
        candidates = sorted(fused, key=fused.__getitem__, reverse=True)[: config.candidates]
        sentences: dict[int, SentenceScore] = {}
        best: dict[int, tuple[float, int]] = {}
        for chunk_row in candidates:
            lo, hi = build.chunk_sentence_rows(chunk_row)
            if hi <= lo:
                continue
            similarities = np.asarray(build.context_vectors[lo:hi]) @ vector
            top = int(np.argmax(similarities))
            best[chunk_row] = (float(similarities[top]), lo + top)
            for offset, similarity in enumerate(similarities):
                row = lo + offset
                if row not in sentences:  # keep the better-ranked chunk of an overlap
                    sentences[row] = SentenceScore(row, chunk_row, float(similarity))
        passages = self._diversify(
            [RankedPassage(c, s, s, r, fused[c]) for c, (s, r) in best.items()], k, language)
        return Retrieval(query, vector, passages, sentences)

    def _foreign(self, chunk_row: int, language: str | None) -> bool:
        if language is None:
            return False
        document_id = self.build.chunks[chunk_row].document_id
        return self.build.documents[self.build.document_row[document_id]].language != language

    def _diversify(self, passages: list[RankedPassage], k: int,
                   language: str | None = None) -> list[RankedPassage]:
        """Greedy selection: each passage already taken from a document lowers the next one's
        score, so one long document does not crowd out the rest; one in another language
        than the question is raised by `cross_lingual_offset`."""
        remaining = sorted(passages, key=lambda p: (-p.similarity, -p.fused))
        taken: list[RankedPassage] = []
        per_document: dict[str, int] = defaultdict(int)
        config = self.config
        foreign = {p.chunk_row for p in passages if self._foreign(p.chunk_row, language)}
        while remaining and len(taken) < k:
            def adjusted(p: RankedPassage) -> float:
                doc = self.build.chunks[p.chunk_row].document_id
                return p.similarity - config.diversity_penalty * per_document[doc] \
                    + config.cross_lingual_offset * (p.chunk_row in foreign)

            choice = max(remaining, key=lambda p: (adjusted(p), p.fused))
            remaining.remove(choice)
            per_document[self.build.chunks[choice.chunk_row].document_id] += 1
            taken.append(RankedPassage(choice.chunk_row, adjusted(choice), choice.similarity,
                                       choice.best_sentence, choice.fused))
        return taken
