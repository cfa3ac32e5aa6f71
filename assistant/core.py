"""The assistant: a question (and the conversation so far) in, a cited answer out."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import zip_longest
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answering import (
    AnswerConfig,
    Candidate,
    FocusContribution,
    Selection,
    asked_part,
    combine,
    corrects,
    select,
    timed_span,
    values_of,
)
from assistant.conversation import parse_history, resolve
from assistant.errors import IndexUnavailable, InvalidQuestion, NotFound
from assistant.questions import (
    Expect,
    Question,
    analyse,
    dates_in,
    doubts,
    durations_in,
    named_cause,
    split_alternatives,
    split_compound,
    times_in,
    unfocused,
    vague_amounts,
)
from assistant.retrieval import HybridRetriever, RankedPassage, Retrieval, RetrievalConfig
from assistant.types import Answer, Citation, Conflict, Passage, Turn
from index.embedding import Embedder, load_embedder
from index.errors import IndexingError
from index.lexical import fold
from index.settings import Settings
from index.store import IndexBuild, current_build_id, open_current

LANGUAGE_NAMES = {
    "en": ("English", "Engelstalige"), "nl": ("Dutch", "Nederlandstalige"),
    "de": ("German", "Duitstalige"), "fr": ("French", "Franstalige"),
    "es": ("Spanish", "Spaanstalige"), "it": ("Italian", "Italiaanstalige"),
}
PHRASES = {
    "en": {
        "abstain": "The documents don't say. The closest passages are listed as related reading.",
        "disagree": "The sources disagree: {sides}.",
        "side": "{title} [{n}] says {value}",
        "affirms": "{title} [{n}] affirms it",
        "doubts": "{title} [{n}] doubts or denies it",
        "states": "{title} [{n}] says so",
        "corrects": "{title} [{n}] denies it and names something else",
        "source": "({name} source)",
    },
    "nl": {
        "abstain": "De documenten zeggen hier niets over. De meest verwante passages staan "
                   "hieronder.",
        "disagree": "De bronnen spreken elkaar tegen: {sides}.",
        "side": "{title} [{n}] noemt {value}",
        "affirms": "{title} [{n}] bevestigt het",
        "doubts": "{title} [{n}] betwijfelt of ontkent het",
        "states": "{title} [{n}] zegt dat",
        "corrects": "{title} [{n}] ontkent dat en noemt iets anders",
        "source": "({name_nl} bron)",
    },
}


@lru_cache(maxsize=8)
def _language_identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN

    english, dutch = set(STOPWORDS_EN) | {"who", "what", "when", "where", "why", "how", "did",
                                          "which", "many", "much", "was", "were"}, \
        set(STOPWORDS_DUTCH) | {"wie", "wat", "wanneer", "waar", "waarom", "hoe", "welke",
                                "welk", "hoeveel", "werd", "werden"}
    return {"en": frozenset(english - dutch), "nl": frozenset(dutch - english)}


def detect_language(text: str, candidates: Iterable[str]) -> str:
    """The question's language. Function words settle English against Dutch at once; other
    corpus languages, or a tie, go to py3langid restricted to the plausible ones (a short
    question is too little text for an open choice)."""
    languages = tuple(sorted({"en", "nl", *(c for c in candidates if len(c) == 2)}))
    tokens = fold(text).split()
    votes = {lang: sum(t.strip("?!.,;:'\"") in words for t in tokens)
             for lang, words in _function_words().items()}
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if set(languages) == {"en", "nl"} and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    language, _ = _language_identifier(languages).classify(text)
    return str(language)


class Assistant:
    def __init__(self, build: IndexBuild, embedder: Embedder, *, data_dir: Path,
                 top_k: int = 5, max_question_chars: int = 1000,
                 answer_config: AnswerConfig | None = None,
                 retrieval_config: RetrievalConfig | None = None,
                 cache_size: int = 1024) -> None:
        build.check_embedder(embedder)
        self.build = build
        self.embedder = embedder
        self.data_dir = data_dir
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self.answer_config = answer_config or AnswerConfig()
        self.retriever = HybridRetriever(build, embedder, retrieval_config)
        self.languages = tuple(sorted({d.language for d in build.documents}))
        # Answers are deterministic for a build, so repeated questions are served from memory.
        # A new build gets a new Assistant (see `reopen`) and so an empty cache.
        self._cache: OrderedDict[tuple[Any, ...], Answer] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.cache_size = cache_size

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder | None = None) -> Assistant:
        try:
            build = open_current(settings.data_dir, settings.chroma_url)
            embedder = embedder or load_embedder(settings.embedder, settings.embed_threads)
            return cls(build, embedder, data_dir=settings.data_dir, top_k=settings.top_k,
                       max_question_chars=settings.max_question_chars,
                       cache_size=settings.answer_cache)
        except IndexingError as exc:
            raise IndexUnavailable(str(exc)) from exc

    @property
    def build_id(self) -> str:
        return self.build.build_id

    def is_current(self) -> bool:
        return current_build_id(self.data_dir) == self.build.build_id

    def reopen(self) -> Assistant:
        """The same assistant on the newest published build, reusing the loaded model."""
        try:
            build = open_current(self.data_dir, self.build.chroma_url)
            return Assistant(build, self.embedder, data_dir=self.data_dir, top_k=self.top_k,
                             max_question_chars=self.max_question_chars,
                             answer_config=self.answer_config,
                             retrieval_config=self.retriever.config,
                             cache_size=self.cache_size)
        except IndexingError as exc:
            raise IndexUnavailable(str(exc)) from exc

    def status(self) -> dict[str, Any]:
        info = self.build.info
        return {"documents": info.documents, "chunks": info.chunks,
                "sentences": info.sentences, "embedder": info.embedder,
                "build_id": info.build_id, "built_at": info.built_at}

    def sources(self) -> list[dict[str, Any]]:
        counts: dict[str, int] = {}
        for chunk in self.build.chunks:
            counts[chunk.document_id] = counts.get(chunk.document_id, 0) + 1
        return [{"id": d.id, "source": d.source, "title": d.title, "language": d.language,
                 "chunks": counts.get(d.id, 0)} for d in self.build.documents]

    def document(self, doc_id: str) -> dict[str, Any]:
        document = self.build.document(doc_id)
        if document is None:
            raise NotFound(f"No document with id {doc_id!r}. GET /api/sources lists them.")
        return {"id": document.id, "source": document.source, "title": document.title,
                "language": document.language, "text": document.text}

    def ask(self, question: str, history: Iterable[Any] | None = None,
            top_k: int | None = None) -> Answer:
        started = time.perf_counter()
        question = self._validate(question)
        k = self._validate_top_k(top_k)
        turns = parse_history(history)
        key = (question, tuple(turns), k)
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
        if hit is not None:
            elapsed = (time.perf_counter() - started) * 1000
            return replace(hit, timings_ms={"total": round(elapsed, 2), "cached": 1.0})
        answer = self._answer(question, turns, k, started)
        if self.cache_size:
            with self._cache_lock:
                self._cache[key] = answer
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return answer

    def _answer(self, question: str, turns: list[Turn], k: int, started: float) -> Answer:
        resolved = resolve(question, turns)
        language = detect_language(question, self.languages)
        timings = {"embed": 0.0, "retrieve": 0.0, "answer": 0.0}
        parts: list[tuple[Question, Retrieval, Selection]] = []
        # "On what day did it open, and how many stood trial?" is answered as a whole and
        # part by part.
        whole = replace(analyse(resolved), language=language)
        pieces = split_compound(resolved)
        config = self.answer_config
        if len(pieces) < 2:
            # "Bondgenoten of rivalen?": each side asked on its own as well.
            pieces = split_alternatives(whole)
            if pieces:
                # A side differs from the whole question only by its option ("bondgenoten"):
                # a sentence close to the best that the option raises at all speaks for it.
                config = replace(config, min_fallback_contribution=config.min_focus_contribution)
        for index, text in enumerate([resolved, *pieces] if len(pieces) > 1 else [resolved]):
            analysed = replace(analyse(text), language=language) if index else whole
            embed_started = time.perf_counter()
            vector = self.embedder.embed_query(text)
            retrieve_started = time.perf_counter()
            retrieval = self.retriever.retrieve(text, k, vector, language)
            answer_started = time.perf_counter()
            selection = select(analysed, retrieval, self.build,
                               config if index else self.answer_config,
                               self._focus_contribution(text, language, vector),
                               self._phrase_similarity)
            parts.append((analysed, retrieval, selection))
            timings["embed"] += (retrieve_started - embed_started) * 1000
            timings["retrieve"] += (answer_started - retrieve_started) * 1000
            timings["answer"] += (time.perf_counter() - answer_started) * 1000
        answer_started = time.perf_counter()
        answer = self._compose(question, resolved, language, parts, k)
        finished = time.perf_counter()
        timings["answer"] += (finished - answer_started) * 1000
        timings["total"] = (finished - started) * 1000
        return replace(answer, timings_ms={name: round(value, 2)
                                           for name, value in timings.items()})

    def _focus_contribution(self, question: str, language: str,
                            vector: np.ndarray) -> FocusContribution | None:
        """How much the question's focus words add to a sentence's similarity: the question
        without them is embedded only when the answer check asks (one more model call)."""
        text = unfocused(question, language)
        if text == question:
            return None
        plain: list[np.ndarray] = []

        def contribution(row: int) -> float:
            if not plain:
                plain.append(self.embedder.embed_query(text))
            # The sentence's own vector: whether the focus words raise it is about what it
            # says, not its neighbours.
            sentence = np.asarray(self.build.sentence_vectors[row])
            return float(sentence @ vector - sentence @ plain[0])

        return contribution

    def _phrase_similarity(self, a: str, b: str) -> float:
        """How alike two phrases mean, in whatever language (see `PhraseSimilarity`)."""
        return float(_phrase_vector(self.embedder, a) @ _phrase_vector(self.embedder, b))

    def _validate(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InvalidQuestion("The question is empty. Ask something about the documents.")
        question = question.strip()
        if len(question) > self.max_question_chars:
            raise InvalidQuestion(
                f"The question has {len(question)} characters; the limit is "
                f"{self.max_question_chars} (ASSISTANT_MAX_QUESTION_CHARS). Shorten it.")
        return question.strip()

    def _validate_top_k(self, top_k: int | None) -> int:
        if top_k is None:
            return self.top_k
        if not isinstance(top_k, int) or isinstance(top_k, bool) or not 1 <= top_k <= 50:
            raise InvalidQuestion(f"top_k must be an integer from 1 to 50, not {top_k!r}.")
        return top_k

    def _passage(self, chunk_row: int, score: float) -> Passage:
        chunk = self.build.chunks[chunk_row]
        document = self.build.documents[self.build.document_row[chunk.document_id]]
        return Passage(id=chunk.id, document_id=document.id, source=document.source,
                       title=document.title, language=document.language, start=chunk.start,
                       end=chunk.end, text=chunk.text, score=round(score, 4), page=chunk.page)

    def _citation(self, n: int, candidate: Candidate) -> Citation:
        document, sentence = self.build.sentence(candidate.row)
        chunk = self.build.chunks[candidate.chunk_row]
        return Citation(n=n, document_id=document.id, source=document.source,
                        title=document.title, language=document.language,
                        start=sentence.start, end=sentence.end, quote=sentence.text,
                        passage=chunk.text, score=round(candidate.score, 4),
                        page=document.page_at(sentence.start))

    def _compose(self, question: str, resolved: str, language: str,
                 parts: list[tuple[Question, Retrieval, Selection]], k: int) -> Answer:
        phrases = PHRASES.get(language, PHRASES["en"])
        selection, found_by = parts[0][2], [0] * len(parts[0][2].conflict_groups)
        if len(parts) > 1:
            selection, found_by = combine(parts[0][2], [p[2] for p in parts[1:]],
                                          self.answer_config.max_sentences + 2)
        # Each disagreement is described in the terms of the part that found it.
        asked = [parts[i][0] for i in found_by]
        citations = [self._citation(n, c) for n, c in enumerate(selection.sentences, start=1)]
        passages = self._passages([r.passages for _, r, _ in parts], selection, k)
        if selection.abstained:
            text = phrases["abstain"]
        else:
            parts_text = []
            for citation in citations:
                part = f"{citation.quote} [{citation.n}]"
                if citation.language != language and citation.language in LANGUAGE_NAMES:
                    name, name_nl = LANGUAGE_NAMES[citation.language]
                    part += " " + phrases["source"].format(name=name, name_nl=name_nl)
                parts_text.append(part)
            text = " ".join(parts_text)
        conflicts = []
        for analysed, group in zip(asked, selection.conflict_groups, strict=True):
            sides = ", ".join(_side(phrases, analysed, citations[i]) for i in group)
            summary = phrases["disagree"].format(sides=sides)
            conflicts.append(Conflict(summary, tuple(citations[i].n for i in group)))
            text = f"{text}\n\n⚠ {summary}"
        return Answer(question=question, answer=text, abstained=selection.abstained,
                      citations=tuple(citations), passages=tuple(passages),
                      conflicts=tuple(conflicts), language=language,
                      index_build=self.build.build_id,
                      resolved_question=resolved if resolved != question else None)

    def _passages(self, rankings: list[list[RankedPassage]], selection: Selection,
                  k: int) -> list[Passage]:
        """The top-k passages, with every cited passage among them; a question asked in parts
        takes them from each part's ranking in turn."""
        scores: dict[int, float] = {}
        for ranked in rankings:
            for p in ranked:
                scores[p.chunk_row] = max(p.score, scores.get(p.chunk_row, p.score))
        interleaved = [p.chunk_row for rank in zip_longest(*rankings) for p in rank
                       if p is not None]
        cited = list(dict.fromkeys(c.chunk_row for c in selection.sentences))
        rows = list(dict.fromkeys(cited + interleaved))
        return [self._passage(r, scores.get(r, 0.0)) for r in rows[:max(k, len(cited))]]


@lru_cache(maxsize=4096)
def _phrase_vector(embedder: Embedder, text: str) -> np.ndarray:
    """A phrase's vector, kept: a corpus's causes recur question after question, and a new
    build (see `reopen`) keeps its embedder."""
    vector = embedder.embed_documents([text])[0]
    vector.setflags(write=False)
    return vector


def _side(phrases: dict[str, str], question: Question, citation: Citation) -> str:
    if question.polar:
        key = "doubts" if doubts(citation.quote) else "affirms"
        return phrases[key].format(title=citation.title, n=citation.n)
    if question.expect not in (Expect.QUANTITY, Expect.DATE):
        # (see `corrects`: "not X but Y" against "X"; for what caused an event, the cause
        # each names is shown in its words)
        correcting = corrects(citation.quote)
        cause = named_cause(citation.quote) if question.caused and not correcting else None
        if cause is not None:
            return phrases["side"].format(title=citation.title, n=citation.n,
                                          value=f"“{cause}”")
        key = "corrects" if correcting else "states"
        return phrases[key].format(title=citation.title, n=citation.n)
    return phrases["side"].format(title=citation.title, n=citation.n,
                                  value=_describe(question, citation.quote))


def _describe(question: Question, quote: str) -> str:
    if question.clock:
        return " / ".join(dict.fromkeys(words for words, _, _ in times_in(quote))) \
            or "another time"
    if question.expect is Expect.DATE:
        # (A day told without a year, "on 15 June", as told: any year shows its words.)
        dates = dates_in(quote, frozenset(question.years), default_year=1)
        return " / ".join(dict.fromkeys(words for words, _, _ in dates)) or "another date"
    if timed_span(question, quote) and (spans := durations_in(quote)):
        return " / ".join(dict.fromkeys(words for words, _ in spans))
    quote = asked_part(question, quote)
    values = [f"{v:,.0f}" if v >= 1000 or v == int(v) else f"{v:g}"
              for v in sorted(values_of(question, quote))]
    if question.expect is Expect.QUANTITY:
        values += [f"“{words}”" for _, _, words in vague_amounts(quote)]
    return " / ".join(values) or "a different figure"
