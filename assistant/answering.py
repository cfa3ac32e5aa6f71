"""Extractive answers: pick the documents' own sentences, cite each one, decline when none
answers, and show both sides when documents disagree. Nothing is generated, so nothing can
be invented."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.questions import (
    Expect,
    Question,
    matches_expectation,
    quantities_in,
    soft_overlap,
    years_in,
)
from assistant.retrieval import Retrieval
from index.lexical import words
from index.store import IndexBuild

_TERMINAL = re.compile(r"[.!?…:;\"'’”)\]]\s*$")
_CONTINUATION = re.compile(
    r"^(he|she|it|they|his|her|its|their|this|these|those|that|there|then|hij|zij|ze|het|"
    r"hem|zijn|haar|hun|dit|deze|die|dat|daar|daarop|daarna|toen)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AnswerConfig:
    """Weights and thresholds, calibrated on development questions (see README)."""

    overlap_weight: float = 0.08
    type_weight: float = 0.03
    fragment_penalty: float = 0.05
    support_margin: float = 0.02  # other documents' sentences this close also answer
    conflict_margin: float = 0.10
    max_sentences: int = 3
    # Abstain unless the best sentence clears one of these bars.
    min_similarity: float = 0.815
    confident_similarity: float = 0.86
    min_overlap: float = 0.3


@dataclass(frozen=True)
class Candidate:
    row: int
    chunk_row: int
    document_id: str
    text: str
    similarity: float
    overlap: float
    typed: bool
    fragment: bool
    score: float


@dataclass(frozen=True)
class Selection:
    """The sentences an answer cites, in order, and which of them disagree."""

    sentences: list[Candidate]
    abstained: bool
    conflict_groups: list[list[int]]  # indices into `sentences`, one list per conflict
    best: Candidate | None


def is_fragment(text: str) -> bool:
    """Headings, menu trails and captions: short, or without a closing mark."""
    return len(text.split()) < 5 or not _TERMINAL.search(text) or ">" in text


def score_candidates(question: Question, retrieval: Retrieval, build: IndexBuild,
                     config: AnswerConfig) -> list[Candidate]:
    candidates = []
    for row, scored in retrieval.sentences.items():
        document, sentence = build.sentence(row)
        overlap = soft_overlap(question.content, words(sentence.text))
        typed = matches_expectation(question, sentence.text)
        fragment = is_fragment(sentence.text)
        score = (scored.similarity + config.overlap_weight * overlap
                 + config.type_weight * typed - config.fragment_penalty * fragment)
        candidates.append(Candidate(row, scored.chunk_row, document.id, sentence.text,
                                    scored.similarity, overlap, typed, fragment, score))
    candidates.sort(key=lambda c: -c.score)
    return candidates


def is_answerable(best: Candidate, question: Question, config: AnswerConfig) -> bool:
    if best.fragment or not best.typed:
        return False
    if best.similarity >= config.confident_similarity:
        return True
    return best.similarity >= config.min_similarity and best.overlap >= config.min_overlap


def select(question: Question, retrieval: Retrieval, build: IndexBuild,
           config: AnswerConfig) -> Selection:
    candidates = score_candidates(question, retrieval, build, config)
    if not candidates:
        return Selection([], True, [], None)
    best = candidates[0]
    if not is_answerable(best, question, config):
        return Selection([], True, [], best)

    chosen = [best]
    continuation = _continuation(best, candidates, build, config)
    if continuation is not None:
        chosen.append(continuation)
    for other in candidates[1:]:
        if len(chosen) >= config.max_sentences:
            break
        if other.document_id in {c.document_id for c in chosen} or other.fragment:
            continue
        if other.typed and other.score >= best.score - config.support_margin:
            chosen.append(other)

    groups: list[list[int]] = []
    if question.expect in (Expect.QUANTITY, Expect.DATE):
        rival = _disagreeing(best, candidates, question, config)
        if rival is not None:
            if rival not in chosen:
                chosen = chosen[: config.max_sentences - 1] + [rival]
            groups.append([chosen.index(best), chosen.index(rival)])
    return Selection(chosen, False, groups, best)


def _continuation(best: Candidate, candidates: list[Candidate], build: IndexBuild,
                  config: AnswerConfig) -> Candidate | None:
    """The next sentence, when it carries on about the same subject ("He was …") and is
    nearly as relevant: an answer often spans two sentences."""
    row = best.row + 1
    if row >= len(build.sentence_spans):
        return None
    for candidate in candidates:
        if candidate.row == row and candidate.document_id == best.document_id:
            if _CONTINUATION.match(candidate.text) and not candidate.fragment and \
                    candidate.score >= best.score - 2 * config.support_margin:
                return candidate
    return None


def values_of(question: Question, text: str) -> set[float]:
    if question.expect is Expect.DATE:
        return {float(y) for y in years_in(text)} - {float(y) for y in question.years}
    return {round(v, 6) for v in quantities_in(text)}


def _disagreeing(best: Candidate, candidates: list[Candidate], question: Question,
                 config: AnswerConfig) -> Candidate | None:
    """The best sentence of another document that states a different figure for the same
    question, if one is close enough to count as an answer to it."""
    mine = values_of(question, best.text)
    if not mine:
        return None
    for other in candidates:
        if other.document_id == best.document_id or other.fragment or not other.typed:
            continue
        if other.score < best.score - config.conflict_margin:
            break
        theirs = values_of(question, other.text)
        if theirs and not _close(mine, theirs):
            return other
    return None


def _close(a: set[float], b: set[float]) -> bool:
    """Two sets of figures agree when some pair is within 10 % of each other."""
    return any(abs(x - y) <= 0.1 * max(abs(x), abs(y)) for x in a for y in b)
