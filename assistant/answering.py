"""Extractive answers: pick the documents' own sentences, cite each one, decline when none
answers, and show both sides when documents disagree. Nothing is generated, so nothing can
be invented."""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from assistant.questions import (
    ANNOUNCES,
    ANYONE,
    CONTEXT,
    KIN,
    MONTH,
    ORDINALS,
    Expect,
    Question,
    age_subject,
    ages_told,
    asked_role,
    asks_age,
    asks_cause,
    asks_duration,
    asks_ending,
    asks_fate_of_killer,
    asks_life_event_only,
    asks_life_year,
    asks_trade,
    asks_weekday,
    bracketed_ages,
    capitalised_words,
    counted_words,
    counts_asked,
    counts_deaths,
    counts_other_things,
    dates_in,
    defines,
    doer_mentions,
    doubts,
    durations_in,
    family_hits,
    figure_kinds,
    focus_overlap,
    focus_words,
    gives_lifespan,
    initialisms,
    is_death_word,
    is_function_word,
    is_office,
    is_thing_noun,
    kind_asked,
    labels_in,
    life_event_told,
    making_words,
    matches_expectation,
    name_coverage,
    name_runs,
    named_cause,
    names_in,
    names_title,
    new_names,
    offers_alternatives,
    opens_on_relative_time,
    ordinals_in,
    origin_share,
    other_bearers,
    other_years,
    party_share,
    places_in,
    quantities_in,
    question_names,
    role_by_which,
    role_holders,
    same_nation,
    setting_names,
    small_counts,
    soft_overlap,
    states_cause,
    states_date,
    states_day,
    states_ending,
    states_onset,
    states_quantity,
    states_year_asked,
    survival_share,
    tells_cause,
    tells_making,
    tells_origin,
    tells_party,
    tells_survival,
    tells_weekday,
    times_in,
    title_words,
    trade_share,
    transliterate,
    uses_title,
    vague_amounts,
    weekday_share,
    weighted_share,
    without_kin,
    word_hits,
    years_in,
)
from assistant.retrieval import Retrieval
from index.lexical import fold, words
from index.store import IndexBuild
from index.types import Document, Sentence

_TERMINAL = re.compile(r"[.!?…:;\"'’”)\]]\s*$")
_LIST_ITEM = re.compile(r"^\s*([•·▪*–-]|\d+[.)])\s")
# A web address, or a domain ("Dagbladwest.nl"; a lower-case ending, so that
# "gearresteerd.De KDV" with a missing space is no domain).
_LINK = re.compile(r"(?i:\b(https?://|www\.)\S)|"
                   r"\b[\w-]+\.(com|org|net|info|nl|be|de|fr|uk|eu|au|ru|su|edu|gov)\b")
_PERSONAL = frozenset("he she they hij zij ze".split())
_REFERRING = _PERSONAL | frozenset("him his her them their hem zijn haar hun".split())
_DEMONSTRATIVES = frozenset("this these dit deze".split())
# A part of those the sentence before tells of: "Of these, 800 died", "Van hen werden …".
_OF_THESE = re.compile(r"\s*(van hen|van wie|daarvan|hiervan|of them|of these|of those|"
                       r"of whom)\b", re.IGNORECASE)
# "What was the name of the chef …?": asks for one described so.
_NAME_OF = re.compile(r"\b(what (was|were|is) the names? of the|wat (was|is) de naam van de|"
                      r"hoe (heette|heetten|heet) de|het ambt van)\b", re.IGNORECASE)
# A figure told as an estimate: "ongeveer 35", "nearly 1,835", "more than 400".
_HEDGE = re.compile(r"\b(about|around|some|approximately|nearly|almost|roughly|more than|"
                    r"over|at least|up to|an estimated|estimated|ongeveer|circa|ca|bijna|ruim|"
                    r"zo['’]n|meer dan|rond|omstreeks|minstens|ruwweg|naar schatting)\b",
                    re.IGNORECASE)
_QUOTATION = re.compile(r"^\s*[‘“„«\"']")
_CONTINUATION = re.compile(
    r"^(he|she|it|they|his|her|its|their|this|these|those|that|there|then|hij|zij|ze|het|"
    r"hem|zijn|haar|hun|dit|deze|die|dat|daar|daarop|daarna|toen|"
    # "Of them, 800 were rescued": a part of what the sentence before counted
    r"(of|among|van|onder) (them|these|those|whom|hen|hun|die|deze)|daarvan)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AnswerConfig:
    """Weights and thresholds, calibrated on development questions (see README)."""

    overlap_weight: float = 0.08
    focus_weight: float = 0.015  # the words a question asks about its names count extra
    context_weight: float = 0.5  # how much a sentence borrows from its neighbours' relevance
    type_weight: float = 0.03
    # the same for a sentence that names the kind of thing asked ("religions" for "Which
    # religions were banned?")
    kind_weight: float = 0.02
    # the same for a sentence that refers back ("He …", "… this suggestion")
    antecedent_weight: float = 0.5
    fragment_penalty: float = 0.05
    list_item_penalty: float = 0.04
    ordinal_penalty: float = 0.05  # the sentence is about another one of a series
    # multilingual-e5 scores a sentence in another language than the question lower than an
    # equally relevant one in the same language: 0.03 to 0.04 over the top 20 sentences of
    # either language (mean and median over 604 questions); 0.05 answers the most (README).
    cross_lingual_offset: float = 0.05
    support_margin: float = 0.03  # other documents' sentences this close also answer
    conflict_margin: float = 0.08  # how far below the best sentence a side may be
    # ... that takes the other side of a yes/no question: one that only shares the question's
    # words is no side (see `_opposing`), so it may be further below.
    polar_margin: float = 0.1
    # Two documents that name causes: how far below the best sentence the other's may be,
    # and how alike (cosine of the embedder's vectors) two causes' words must be to be one.
    # (Calibrated for multilingual-e5, whose cosines are high and close together; another
    # model needs its own value.)
    cause_conflict_margin: float = 0.08
    same_cause_similarity: float = 0.88
    # The same for a side that says what the thing asked about began with and dates that
    # event: saying so, it is about the question, even in another language's words.
    onset_margin: float = 0.12
    # How much further than `conflict_margin` a side in another language than the question,
    # beside a best sentence in the question's, may be when it counts what was asked.
    counted_side_margin: float = 0.02
    claim_overlap: float = 0.4  # a rival claim must share this much of the question
    # two years disagree as dates of one event when both sentences share this much of the
    # question's focus words
    dated_claim_focus: float = 0.4
    clock_margin_factor: float = 0.5  # how much further down a time of day may be
    clock_apart: float = 180.0  # minutes: times further apart tell two moments
    day_apart: float = 62.0  # days: days further apart tell two events
    time_alone_similarity_margin: float = 0.13  # how much less like the question it may be
    claim_similarity_margin: float = 0.05  # or, in another language, be this similar
    # ... after this much is added to its similarity: half the cross-lingual offset, which
    # found as many disagreements on the files read and fewer false ones on the rest.
    claim_language_offset: float = 0.025
    max_sentences: int = 4
    score_window: float = 0.15  # only sentences this close to the most similar are scored
    # Abstain unless the best sentence clears one of these bars.
    min_confidence: float = 0.86
    # When the best sentence shares none of the question's focus words ("wife" in "Who was
    # Tarrant's wife?"), those words must still raise its similarity: the question matches it
    # better than the question without them does. Otherwise the sentence is about the right
    # names but answers another question.
    min_focus_contribution: float = 0.002
    # How far below such a sentence another may answer instead, and how much more clearly
    # the focus words must raise that one.
    focus_fallback_margin: float = 0.03
    min_fallback_contribution: float = 0.03
    # A sentence that shares nearly all of them may be further below.
    full_focus: float = 0.75
    # Every name of the question must be found, unless it names three or more: then names
    # that were translated ("Kestwick"/"Kestwijk", "German"/"Duitse") may be missing.
    min_name_coverage: float = 1.0
    many_names_coverage: float = 0.6
    ending_margin: float = 0.03  # how close a later sentence must be to win "in the end"
    tie_margin: float = 0.01
    typed_margin: float = 0.08  # how far below an untyped best sentence a typed one may be
    # how far below the best sentence one that tells the birth, death or survival asked may be
    life_margin: float = 0.12
    # … or one that names the doer of the killing asked about
    doer_margin: float = 0.12
    # How far below a best sentence that does not say what caused an event asked about one
    # that does may be.
    cause_margin: float = 0.15
    continuation_margin: float = 0.08  # same-document sentences this close are shown together


@dataclass(frozen=True)
class Candidate:
    row: int
    chunk_row: int
    document_id: str
    text: str
    similarity: float
    effective: float  # similarity, raised a little by relevant neighbours
    overlap: float  # question words the sentence shares (cognates count in part)
    names: float  # share of the question's names found in the sentence or its neighbours
    own_names: float  # share of the question's names found in the sentence itself
    typed: bool  # states the kind of thing asked for (a figure, a date, a name, a reason)
    focus: float  # share of the question's non-name words it shares (cognates in part)
    fragment: bool
    score: float
    translated: bool = False  # in another language than the question
    # words of the fullest name it gives of someone the documents call by the title asked
    # for ("Andreas Rietveld" for "Wie was de aanklager?"): 0 for none
    bearer: int = 0
    # names one the question names itself, or opens on "he" after a sentence that does
    told_of: bool = True
    # tells the fate asked of one the documents name as the doer ("Veyrin" for "What
    # happened to Tarrant's killer?")
    doer: bool = False
    # tells the birth or death of one the question asks the year of (`tells_life_event`), or
    # whether one it asks about survived (`tells_survival`)
    life: bool = False


@dataclass(frozen=True)
class Selection:
    """The sentences an answer cites, in order, and which of them disagree."""

    sentences: list[Candidate]
    abstained: bool
    conflict_groups: list[list[int]]  # indices into `sentences`, one list per conflict
    best: int = 0  # index of the sentence that answers; those before it say who "he" is


# A web page's furniture: log-in and subscription prompts, newsletter boxes.
_FURNITURE = re.compile(r"\b(log ?in|inloggen|sign (in|up)|subscribe|subscriber|abonnee|"
                        r"abonnees|abonnement|newsletter|nieuwsbrief)\b", re.IGNORECASE)


# (Cached, as the other facts of a sentence alone: every question asks them again of the
# same sentences.)
@lru_cache(maxsize=1 << 16)
def is_fragment(text: str) -> bool:
    """Headings, menu trails, captions, pointers to other pages ("more on this at www…")
    and log-in prompts: short, without a closing mark, or web-page furniture."""
    return len(text.split()) < 5 or _is_heading(text) or ">" in text \
        or bool(_LINK.search(text) or _FURNITURE.search(text))


def _is_heading(text: str) -> bool:
    """A line without a closing mark: a title or heading, not a statement."""
    return not _TERMINAL.search(text)



@lru_cache(maxsize=16)
def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(transliterate(w) for w in words(text))


@lru_cache(maxsize=16)
def _plain_vocabulary(text: str) -> frozenset[str]:
    return frozenset(words(text))


@lru_cache(maxsize=1024)
def names_place(document_text: str, name: tuple[str, ...]) -> bool:
    """Whether a document names a place anywhere. Spellings may differ ("Kestwick", "Kestwijk"),
    but only a little: over a whole document a loose match finds anything ("vellmark" in
    "hallmark"). Cached: a document is read once, not once per question."""
    if len(name) == 1 and same_nation(name[0], _plain_vocabulary(document_text)):
        return True  # "Belgium's", "in België" (as in `name_coverage`: one word only)
    vocabulary = _vocabulary(document_text)
    return any(transliterate(w) in vocabulary or process.extractOne(
        transliterate(w), vocabulary, scorer=fuzz.ratio, score_cutoff=80) for w in name)


@lru_cache(maxsize=1 << 16)
def _names_part(name: tuple[str, ...], part: str, initials: bool) -> bool:
    """Whether a text (with its initialisms) names the name: cached, as the names of a
    corpus recur in question after question."""
    told = words(part) + list(initialisms(part)) if initials else words(part)
    return name_coverage([name], told) > 0


def _loosely(word: str) -> str:
    """A name as transliterated, its i, j and y alike: "Yelnik" is "Jelnik"."""
    return re.sub("[jy]", "i", transliterate(word))


@dataclass(frozen=True)
class _RowContext:
    """What scoring a sentence takes of it and its neighbours, whatever the question."""

    document: Document
    sentence: Sentence
    # The sentence, after the one before it when it counts of whom that one tells: "Van hen
    # kwamen er dertig om".
    told: str
    told_words: tuple[str, ...]
    neighbours: tuple[int, ...]  # the sentences just before and after it in its document
    # Where names are looked for: its document's title, the sentence and those up to two
    # before and after it, as they are and without kin ("Jansens zoon Piet").
    parts: tuple[str, ...]
    kin_free_parts: tuple[str, ...]


# Per index build, and gone with it (bounded, for an index of millions of sentences).
_ROW_CONTEXTS: weakref.WeakKeyDictionary[IndexBuild, dict[int, _RowContext]] = \
    weakref.WeakKeyDictionary()
_ROW_CONTEXTS_KEPT = 1 << 16


def _row_context(build: IndexBuild, row: int) -> _RowContext:
    kept = _ROW_CONTEXTS.get(build)
    if kept is None:
        kept = _ROW_CONTEXTS.setdefault(build, {})
    found = kept.get(row)
    if found is not None:
        return found
    document, sentence = build.sentence(row)
    document_row = build.document_row[document.id]
    told = sentence.text
    if row > 0 and _OF_THESE.match(told) \
            and int(build.sentence_spans[row - 1][0]) == document_row:
        told = f"{build.sentence(row - 1)[1].text} {told}"
    nearby = [r for r in range(row - 2, row + 3) if r != row
              and 0 <= r < len(build.sentence_spans)
              and int(build.sentence_spans[r][0]) == document_row]
    parts = (document.title, sentence.text, *(build.sentence(r)[1].text for r in nearby))
    found = _RowContext(document, sentence, told, tuple(words(told)),
                        tuple(r for r in nearby if abs(r - row) == 1), parts,
                        tuple(without_kin(part) for part in parts))
    if len(kept) >= _ROW_CONTEXTS_KEPT:
        kept.clear()
    kept[row] = found
    return found


def score_candidates(scorer: SentenceScorer) -> list[Candidate]:
    retrieval, config = scorer.retrieval, scorer.config
    if not retrieval.sentences:
        return []
    # Bonuses add at most about 0.12, so a sentence further below the best cannot win.
    floor = max(s.similarity for s in retrieval.sentences.values()) - config.score_window
    rows = sorted(r for r, s in retrieval.sentences.items() if s.similarity >= floor)
    candidates = [scorer.candidate(row) for row in rows]
    candidates.sort(key=lambda c: -c.score)
    return candidates


def rarity_weights(content: tuple[str, ...], build: IndexBuild) -> tuple[float, ...] | None:
    """A weight for each question word: the square root of the log of its inverse sentence
    frequency, sqrt(log((N + 1) / (n + 1))) for a word in n of N sentences, so that a word
    in one sentence in a hundred counts two to three times as much as one in every other
    sentence. (The square root ranked best on the files read; the log alone let a rare word
    outweigh the question's names.)"""
    if not content:
        return None
    frequency, total = build.sentence_frequency, len(build.sentence_spans)
    weights = tuple(math.sqrt(math.log((total + 1) / (frequency.get(w, 0) + 1)))
                    for w in content)
    return weights if sum(weights) > 0 else None


class SentenceScorer:
    """Scores any sentence of the index against one question."""

    def __init__(self, question: Question, retrieval: Retrieval, build: IndexBuild,
                 config: AnswerConfig) -> None:
        self.question = question
        self.retrieval = retrieval
        self.build = build
        self.config = config
        self.vectors = np.asarray(build.context_vectors)
        self.names = question_names(question.text)
        self.focus_words = focus_words(question.text, question.language)
        self.ordinals = ordinals_in(question.text)
        # A question word common in these documents ("strikes" in a corpus on the strikes)
        # tells less of what is asked than a rare one ("religions").
        self.weights = rarity_weights(question.content, build)
        # "Tuinstra's zoon Wiebe" is about the son: unless the question asks about kin, the
        # father's name there does not count.
        self.kin_free = not KIN.search(question.text.lower())
        self.life_year = question.expect is Expect.DATE and asks_life_year(question.text)
        self.life_event = self.life_year and asks_life_event_only(self.focus_words)
        self.trade = question.expect is Expect.OTHER and asks_trade(CONTEXT.sub("", question.text))
        self.trade_share = trade_share(self.focus_words)
        self.origin = origin_share(self.focus_words) if question.expect is Expect.PLACE else 0.0
        self.party = party_share(self.focus_words)
        self.survival = survival_share(self.focus_words) if question.polar else 0.0
        self.weekday = weekday_share(self.focus_words) \
            if question.expect is Expect.DATE and asks_weekday(question.text) else 0.0
        self._similarity: dict[int, float] = {}
        self._named: dict[tuple[str, bool], tuple[bool, ...]] = {}  # see _coverage
        self.settings = setting_names(question.text)
        self.abbreviates = bool(re.search(r"\b[A-Z]{2,}\b", question.text))
        self.dated: dict[int, Candidate | None] = {}  # see _dating
        # "Wie was de aanklager?": when the documents call someone so ("aanklager
        # Rietveld"), a sentence answers by naming one of them.
        self.holders: frozenset[str] = frozenset()
        self.surnames: frozenset[str] = frozenset()
        # ("Welke aanklager …?" asks for one as well.)
        # A question whose kind has its own check ("Welke straf kreeg Ibarra?") keeps it.
        special = question.checked_kind or question.current_name
        roles = asked_role(question.text) \
            if question.expect in (Expect.PERSON, Expect.OTHER) and not special else ()
        # The retrieved documents, in which titles and doers are looked up: those of the
        # passages of the best sentences, not only the top passages, whose order should not
        # change the answer, and not every candidate's, which may be many books.
        best_rows = sorted(retrieval.sentences.values(), key=lambda s: -s.similarity)
        documents = sorted({build.chunks[s.chunk_row].document_id
                            for s in best_rows[:_LOOKUP_SENTENCES]})
        if roles:
            asked = {w for name in self.names for w in name}
            # (Not the one asked about: "Wie was de opvolger van Brenner?")
            self.holders = frozenset().union(*(
                role_holders(build.documents[build.document_row[d]].text, role)
                for d in documents for role in roles)) - asked
            # (A sentence names one of them by the surname, spelled alike: a first name is
            # anyone's, and "Pietersz" is not "Pieters".)
            self.surnames = frozenset(_loosely(w) for w in frozenset().union(*(
                role_holders(build.documents[build.document_row[d]].text, role, True)
                for d in documents for role in roles))) - {_loosely(w) for w in asked}
            if not self.surnames:
                self.holders = frozenset()  # only the one asked about bears it
        # When no one is given a title known to be one ("Wie was de rechter?"), a sentence
        # answers only by using it ("Rietveld, the prosecutor, …"). "Which general
        # commanded the army?" asks for the one who did, whatever the sentence calls him
        # ("the army of Alexander Farnese"), but not by another title: "Which judge
        # sentenced him?" is not answered by "prosecutor Jan Smit demanded …".
        titles = frozenset() if self.holders else frozenset(
            w for role in roles if is_office(role) for w in title_words(role))
        described = question.expect is Expect.PERSON and role_by_which(question.text)
        self.title_words: frozenset[str] = frozenset() if described else titles
        self.described_by: frozenset[str] = titles if described else frozenset()
        # Any other word for what someone was, when the question asks the name of the one
        # it describes so ("Hoe heette de scheepsarts?", "the name of the photographer"): a
        # sentence in the question's language answers only by using it, whole or in a
        # compound. (In the other language its words are unknown; "Welke schrijver …?" may
        # well be answered by "de historicus …".)
        own = CONTEXT.sub("", question.text)
        self.role_words: frozenset[str] = frozenset() if self.holders or self.title_words \
            or question.expect is not Expect.PERSON or not _NAME_OF.search(own) \
            else frozenset(asked_role(own))
        # The name of a thing may be a Dutch word made with the word for it, called so:
        # "Hoe heet de theorie …?" is answered by "de zogeheten belegeringstheorie".
        self.thing_named = bool(self.role_words) and question.language == "nl" and all(
            is_thing_noun(role) for role in self.role_words)
        # … but a title the list knows in both languages is known there too: "the name of
        # the headteacher" is answered by "schoolhoofd Jan Smit", not "ingenieur Piet
        # Bakker". (Known in both: a form that neither starts with the word nor begins it,
        # a cognate too: "piloot".)
        forms = {role: title_words(role) for role in self.role_words}
        self.role_forms: frozenset[str] = frozenset().union(*forms.values()) if forms and all(
            any(not form.startswith(role) and not role.startswith(form) for form in found)
            for role, found in forms.items()) else frozenset()

        # "Which religions …?": a sentence that names the kind asked ranks a little higher.
        self.kind = kind_asked(question) if not special else None
        # "Who designed the fountain?" asks who made it so, in a sentence that tells it.
        self.making = making_words(focus_words(CONTEXT.sub("", question.text),
                                               question.language)) \
            if question.expect is Expect.PERSON else ()
        # "What happened to Tarrant's killer?": to the one the documents name as the doer
        # ("Dader was … Veyrin"), wherever the sentence that tells it is.
        self.doers: frozenset[str] = frozenset()
        if question.fate and asks_fate_of_killer(question.text):
            self.doers = frozenset().union(*(self._doers(d) for d in documents))

    def _doers(self, document_id: str) -> frozenset[str]:
        """The surnames a document gives the doer of the killing of the question's names,
        told in the same sentence or the one before (see `doer_mentions`)."""
        build = self.build
        row = build.document_row[document_id]
        lo, hi = int(build.sentence_offset[row]), int(build.sentence_offset[row + 1])
        starts = build.sentence_spans[lo:hi, 1]
        asked = {transliterate(w) for name in self.names for w in name}
        found: set[str] = set()
        for offset, surname in doer_mentions(build.documents[row].text):
            at = lo + int(np.searchsorted(starts, offset, side="right")) - 1
            if at < lo or surname in asked:
                continue
            told = words(build.sentence(at)[1].text)
            if at > lo:
                told += words(build.sentence(at - 1)[1].text)
            if not self.names or name_coverage(self.names, told) > 0:
                found.add(surname)
        return frozenset(found)

    def names_doer_of_question(self, row: int, text: str) -> bool:
        """The sentence, or the one before it for "he", names one of `doers`."""
        named = {transliterate(w) for w in words(text)}
        if not named & self.doers and refers_back(text) and row > 0:
            named = {transliterate(w) for w in words(self.build.sentence(row - 1)[1].text)}
        return bool(named & self.doers)

    def _window(self, parts: Sequence[str], others: set[str]) -> list[str]:
        window = [w for part in parts for w in words(part) if w not in others]
        if self.abbreviates:
            window += [w for part in parts for w in initialisms(part)]
        return window

    def _coverage(self, parts: Sequence[str], initials: bool) -> float:
        """`name_coverage` of the question's names in the words of all `parts` (and their
        initialisms): each part is looked up once per question, not once for every sentence
        whose window holds it."""
        if not self.names:
            return 1.0
        found = []
        for part in parts:
            named = self._named.get((part, initials))
            if named is None:
                named = self._named[part, initials] = tuple(
                    _names_part(name, part, initials) for name in self.names)
            found.append(named)
        return sum(any(named[i] for named in found) for i in range(len(self.names))) \
            / len(self.names)

    def similarity(self, row: int) -> float:
        if row not in self._similarity:
            scored = self.retrieval.sentences.get(row)
            self._similarity[row] = scored.similarity if scored is not None else \
                float(self.vectors[row] @ self.retrieval.vector)
        return self._similarity[row]

    def candidate(self, row: int) -> Candidate:
        question, build, config = self.question, self.build, self.config
        scored = self.retrieval.sentences.get(row)
        near = _row_context(build, row)
        document, sentence, told, told_words = near.document, near.sentence, near.told, \
            near.told_words
        chunk_row = scored.chunk_row if scored is not None else int(build.sentence_chunk[row])
        similarity = self.similarity(row)
        hits = word_hits(question.content, told_words)
        overlap = weighted_share(hits)
        # (Ranked by the rare words, and by their families; `overlap` stays the plain share,
        # which the thresholds for abstaining and disagreeing were set on.)
        ranked = weighted_share(family_hits(question.content, told_words, hits), self.weights)
        neighbours = near.neighbours
        context = max((self.similarity(r) for r in neighbours), default=similarity)
        parts = near.kin_free_parts if self.kin_free else near.parts
        # "Johan de Witt" is not the Jacob de Witt asked about.
        others = other_bearers(question.text, sentence.text)
        coverage = name_coverage(self.names, self._window(parts, others)) if others \
            else self._coverage(parts, self.abbreviates)
        if self.settings and coverage < 1.0:
            found = [n for n in self.settings if names_place(document.text, n)]
            local = [n for n in self.names if n not in found]
            coverage = (len(found) + name_coverage(local, self._window(parts, others))
                        * len(local)) / len(self.names)
        own_coverage = name_coverage(self.names, [w for w in words(parts[1]) if w not in others]) \
            if others else self._coverage(parts[1:2], False)
        # (The dead are counted by the sentence itself: "Of them, most died" counts none.)
        focus = focus_overlap(self.focus_words, told,
                              deaths=question.deaths and counts_deaths(sentence.text)) \
            if self.focus_words else 1.0
        earlier = build.sentence(row - 1)[1].text \
            if (self.life_event or self.survival) and row - 1 in neighbours else ""
        mentioned, life = life_event_told(self.names, question.text, sentence.text, earlier) \
            if self.life_event else (False, False)
        # "… in whose house Smit died" beside the year of another event gives no year of his
        # death.
        undated_life = mentioned and not life
        if life or self.life_year and gives_lifespan(self.names, sentence.text):
            focus = 1.0  # it tells the birth or death asked, or gives the years in brackets
        titled = self.trade and names_title(sentence.text)
        if titled:
            # A word for a trade finds any title or occupation: "What was Smit's job?" finds
            # "Karel Smit, the village schoolmaster".
            focus = min(1.0, focus + self.trade_share)
        if self.origin and own_coverage > 0 and tells_origin(sentence.text):
            # "Where did Smit come from?": "Smit, a miller from Ommen"
            focus = min(1.0, focus + self.origin)
        if self.survival and tells_survival(self.names, sentence.text, earlier):
            focus = min(1.0, focus + self.survival)  # "Did he survive?": "Smit verdronk …"
            life = True
        if self.weekday and tells_weekday(sentence.text):
            focus = min(1.0, focus + self.weekday)  # "Which day of the week?": "on a Friday"
        if self.party and tells_party(self.names, sentence.text):
            focus = min(1.0, focus + self.party)  # "Which party?": "Karel Smit (CDA)"
        fragment = is_fragment(sentence.text) and not life  # (not "Hij overleed in 1893.")
        # A sentence among relevant neighbours is more likely on topic than a lone match.
        effective = similarity + config.context_weight * max(0.0, (context - similarity) / 2)
        if refers_back(sentence.text) and row - 1 in neighbours:
            # "He was sent to a camp" is about whom the sentence before names: it is read
            # with that one, as half of one passage.
            before = self.similarity(row - 1)
            effective = max(effective,
                            similarity + config.antecedent_weight * (before - similarity))
        if document.language != question.language:
            effective += config.cross_lingual_offset
        # "the second trial" does not answer a question about the first one, nor "in 1887"
        # one about 1886.
        stated = ordinals_in(sentence.text)
        other_one = bool(self.ordinals and stated and not stated & self.ordinals) \
            or other_years(question, sentence.text)
        typed = not other_one and not undated_life \
            and matches_expectation(question, sentence.text)
        told_of = own_coverage > 0
        if not told_of and row - 1 in neighbours and (
                question.culprit or refers_back(sentence.text)):
            # "Tarrant werd … vermoord. Dader was …", "Ibarra … Hij werd … gestuurd"
            told_of = name_coverage(self.names, words(build.sentence(row - 1)[1].text)) > 0
        if question.culprit and not told_of:
            typed = False  # the doer of another killing: "Who killed Orlan?"
        if self.making and typed:
            typed = tells_making(sentence.text)  # "ontworpen door …"
        doer = False
        if self.doers and typed:
            # (The doer found is the link to the question's names.)
            typed = told_of = doer = self.names_doer_of_question(row, sentence.text)
            if doer:
                coverage = 1.0  # (however far from the killing it is told)
        if self.title_words and typed:
            typed = uses_title(self.title_words, sentence.text)
        if self.trade and typed:
            typed = titled  # "What was his job?" asks a title
        if self.described_by and typed and not uses_title(self.described_by, sentence.text):
            typed = not any(is_office(w) for w in words(sentence.text))
        if self.role_words and document.language == question.language \
                and (typed or self.thing_named and not other_one):
            typed = _beside_role(self.role_words, new_names(question, sentence.text),
                                 sentence.text) \
                or self.thing_named and _named_compound(self.role_words, sentence.text)
        elif self.role_forms and typed and document.language != question.language:
            typed = _beside_role(self.role_forms, new_names(question, sentence.text),
                                 sentence.text)
        bearer = 0
        if self.holders and (typed or question.expect is Expect.OTHER):
            bearer = max((len(run) for run in name_runs(sentence.text)
                          if {_loosely(w) for w in run} & self.surnames), default=0)
            typed = bearer > 0 and not other_one
        kind = self.kind is not None and (focus_overlap((self.kind,), sentence.text) > 0
                                          or _compounds_of((self.kind,), sentence.text))
        score = (effective + config.overlap_weight * ranked
                 + config.type_weight * (typed + (bearer > 0)) + config.kind_weight * kind
                 + config.focus_weight * focus
                 - config.fragment_penalty * fragment
                 - config.list_item_penalty * bool(_LIST_ITEM.match(sentence.text))
                 - config.ordinal_penalty * other_one)
        return Candidate(row, chunk_row, document.id, sentence.text, similarity, effective,
                         overlap, coverage, own_coverage, typed, focus, fragment, score,
                         document.language != question.language, bearer,
                         told_of or not self.names, doer, life)


# Of how many of the best sentences the documents are searched for titles and doers.
_LOOKUP_SENTENCES = 20

# How many words from the word for what someone was their name may stand: "the
# photographer, Sam Smit", "Piet Smit, een fotograaf".
_ROLE_REACH = 4
# … or further on, told as the name: "De kok aan boord van de veerboot was Piet Smit".
_NAMING_VERBS = frozenset("was is were heette heet named called genaamd".split())
# What calls a word its name: "de zogeheten belegeringstheorie".
_SO_CALLED = frozenset("zogeheten zogenaamde zogenaamd zogenoemde zogenoemd genaamd".split())


def _beside_role(roles: frozenset[str], names: list[str], text: str) -> bool:
    """A new name stands beside a word for the role (whole, in a compound or in another
    form: "fotograaf", "fotografen"), or is told after it as its name ("was Piet Smit"):
    "de fotograaf Piet Smit", not "een collega-fotograaf werd door de politie opgepakt"."""
    tokens = re.findall(r"\w+", fold(text))  # (function words count too)
    named = {w for name in names for w in re.findall(r"\w+", name)}
    at = [i for i, w in enumerate(tokens) if w not in named for role in roles
          if role in w or w.startswith(role[:max(4, len(role) - 2)])]
    return any(abs(i - j) <= _ROLE_REACH or j > i and tokens[j - 1] in _NAMING_VERBS
               for i in at for j, w in enumerate(tokens) if w in named)


def _named_compound(roles: frozenset[str], text: str) -> bool:
    """A word made with the role's word, called its name: "de zogeheten
    belegeringstheorie" for "Hoe heet de theorie …?"."""
    tokens = re.findall(r"\w+", fold(text))
    return any(w.endswith(role) and len(w) >= len(role) + 4 and tokens[i - 1] in _SO_CALLED
               for role in roles for i, w in enumerate(tokens) if i)


# How far from the sentence that names an event its date is looked for.
_DATING_REACH = 50

# A sentence row → how much the question's focus words add to its similarity.
FocusContribution = Callable[[int], float]
# How alike two phrases mean, in whatever language: the cosine of the embedder's vectors.
PhraseSimilarity = Callable[[str, str], float]


def is_answerable(best: Candidate, question: Question, config: AnswerConfig,
                  focus_contribution: FocusContribution | None = None) -> bool:
    if best.fragment or not best.typed or best.names < _names_needed(question, config):
        return False
    # (A sentence that tells the birth, death or survival asked is on point however short:
    # "Hij overleed in 1893.")
    if confidence(best, config) < config.min_confidence and not best.life:
        return False
    # A question that offers alternatives is answered by whatever bears on them, which need
    # not repeat the words that state them ("bondgenoten of rivalen?": "which alarmed
    # Holloway"). A plain yes/no question ("Was Tarrant married?") is checked like any other.
    # For "What is it called today?", "Who succeeded him?", "What sentence did he get?",
    # "What became of him?" or "Who shot him?" the type check has already found what is
    # asked: a "(now …)", a successor, a penalty, a fate, the doer.
    # When a question asks for a figure, a name or a place, a sentence that gives one, with
    # the question's names and the year it asks about ("Hoeveel verdachten stonden er in 1886
    # terecht?"), is on point when it words the rest in another language: in the question's
    # language it would share the focus words. (A yes/no question is not: "Was Tarrant
    # married in 1890?" is not answered by his murder in 1890.) A count that names two or
    # more words of the question's names is on point too ("43 of the 157 Technical Committee
    # members" for "Hoeveel leden van het Technisch Comité …?"); a single word of a name is
    # too little ("Cornelis promised 30,000 guilders" for what his trial cost him).
    dated_like = question.expect in (Expect.QUANTITY, Expect.PERSON, Expect.PLACE) \
        and best.translated and (bool(question.years & set(years_in(best.text)))
                                 or question.expect is Expect.QUANTITY and best.own_names >= 1.0
                                 and sum(map(len, question_names(question.text))) >= 2)
    # These exemptions need a name the sentence is about: "Who was the pope in 1938?" or
    # "What sentence did the bank robber get?" names nothing the documents discuss, and
    # "Who killed Orlan?" is not answered by the doer of another killing. A sentence
    # that names one the documents give the title asked for, or tells the fate of one they
    # name as the doer asked about, has found what was asked.
    # A count of deaths answers "how many died" of the one named, when it asks of people at
    # large ("How many children died?" is not answered by how many people did).
    counted = counted_words(question.text)
    dead = question.deaths and counts_deaths(best.text) \
        and (not counted or counted[0] in ANYONE or is_death_word(counted[0]))
    kind_found = bool(question_names(question.text)) and best.told_of and (
        question.checked_kind or dated_like or dead) or best.bearer > 0 or best.doer
    if best.focus == 0 and focus_contribution is not None \
            and not offers_alternatives(question) and not question.current_name \
            and not kind_found:
        return focus_contribution(best.row) >= config.min_focus_contribution
    return True


def _names_needed(question: Question, config: AnswerConfig) -> float:
    many = len(question_names(question.text)) >= 3
    return config.many_names_coverage if many else config.min_name_coverage


def confidence(candidate: Candidate, config: AnswerConfig) -> float:
    """How surely a sentence answers: its similarity, plus the question words it shares and
    whether it states the kind of thing asked for."""
    return (candidate.effective + config.overlap_weight * candidate.overlap
            + config.type_weight * (candidate.typed + (candidate.bearer > 0)))


def select(question: Question, retrieval: Retrieval, build: IndexBuild,
           config: AnswerConfig,
           focus_contribution: FocusContribution | None = None,
           phrase_similarity: PhraseSimilarity | None = None) -> Selection:
    scorer = SentenceScorer(question, retrieval, build, config)
    candidates = score_candidates(scorer)
    if not candidates:
        return Selection([], True, [])
    # A sentence that misses a name the question asks about answers another question.
    needed = _names_needed(question, config)
    eligible = [c for c in candidates if c.names >= needed] or candidates
    onset, dated = _dated_onset(eligible, scorer)
    if dated is not None:
        # It states the date asked for through the sentence that dates what it names.
        best = replace(onset, typed=True, score=onset.score + config.type_weight)
        if not is_answerable(best, question, config, focus_contribution):
            # Then the sentences that do give a date compete as usual, and this one is no
            # side of a disagreement either.
            dated = scorer.dated[onset.row] = None
    if dated is None:
        stated = _stating(eligible, config)
        best = _counting(_precise(stated, eligible, question, config), eligible, question,
                         config)
        if best is stated:  # (not one chosen for its figure)
            best = _in_own_words(best, eligible, question, config, focus_contribution)
        if not best.life:
            # "When did Brandt die?" is answered by "Brandt stierf in 1893", "Did he survive?"
            # by "Brandt verdronk die nacht", however few words of the question they share.
            best = next((c for c in eligible if c.life and c.typed
                         and c.score >= best.score - config.life_margin), best)
        if question.culprit and not best.typed:
            best = _naming_doer(best, eligible, config)
        if question.caused and not states_cause(best.text):
            # "What caused the fire?" is not answered by the sentence that tells the fire
            # best, but by one that says what started it.
            best = _nearly_as_good(best, eligible, config, lambda c: states_cause(c.text),
                                   config.cause_margin)
        if best.bearer:
            best = _introducing(best, eligible, config)
        if question.definition:
            best = _defining(best, eligible, question, config)
        # What became of someone is a sentence that tells it (see `states_fate`): the last
        # of those when the question asks how it ended, the best one when it asks what
        # followed something ("after he confessed").
        if question.last and not question.fate:
            best = _latest(best, eligible, config)
        elif question.fate and best.typed and asks_ending(question.text):
            best = _latest(best, [c for c in eligible if c.typed], config)
    if not is_answerable(best, question, config, focus_contribution):
        alternative = _focused_alternative(best, eligible, question, config,
                                           focus_contribution)
        if alternative is None:
            return Selection([], True, [])
        best = alternative

    chosen = [best]
    by_row = {c.row: c for c in candidates}
    current = best
    # "He …" needs the sentence that names him; walk back at most two sentences.
    while len(chosen) < 3 and _needs_antecedent(current.text, question):
        row = current.row - 1
        if opens_on_relative_time(current.text):
            # "Two months later" counts from the last date told before it.
            row = next((r for r in range(row, row - 6, -1) if _same_document(build, r, best)
                        and states_date(build.sentence(r)[1].text)), -1)
        if row < 0 or not _same_document(build, row, best):
            break
        antecedent = by_row.get(row) or scorer.candidate(row)
        if _is_heading(antecedent.text):
            break  # a heading is no antecedent: "Dit dossier …" after the document's title
        if not _coheres(antecedent.text, current.text, question) and not (
                question.expect is Expect.REASON and _CONSEQUENCE.match(current.text)):
            break  # a newsletter box or caption between paragraphs says nothing about "he"
        chosen.insert(0, antecedent)
        current = antecedent
    _extend(chosen, dated, config)
    _extend(chosen, _day_of(best, eligible, question, config), config)
    _extend(chosen, _continuation(best, candidates, scorer, config), config)
    for other in eligible[1:]:
        if len(chosen) >= config.max_sentences:
            break
        if other in chosen or other.fragment or not other.typed or best.life and not other.life:
            continue  # (beside one that tells the death or survival asked, only those that do)
        same_document = other.document_id in {c.document_id for c in chosen}
        margin = config.tie_margin if same_document else config.support_margin
        if other.score >= best.score - margin:
            chosen.append(other)
            _extend(chosen, _continuation(other, candidates, scorer, config), config)

    groups: list[list[int]] = []
    anchor = best
    rivals: list[Candidate] = []
    naming: dict[int, Candidate] = {}
    if question.expect in (Expect.QUANTITY, Expect.DATE):
        anchor, rivals, named = _figure_disagreement(best, dated, chosen, eligible, candidates,
                                                     scorer)
        room = config.max_sentences - 1 - (anchor is not best)
        rivals = fitting_rivals(best, anchor, rivals, config.max_sentences)
        # A dated event is shown after the sentence that names it: two sentences a side.
        fitting = named[:max(0, room - len(rivals)) // 2]
        rivals += [d for _, d in fitting]
        naming = {d.row: c for c, d in fitting}
        if rivals and not fitting:
            rivals += _allies(best, [anchor, *rivals], eligible, question, config,
                              room - len(rivals))
    elif question.polar:
        # A side in another language may name what is asked in its own words ("Great Depression",
        # "crisisjaren"): one of the question's names is enough.
        pool = [c for c in candidates if c in eligible or c.translated and c.names > 0]
        rival = _opposing(best, pool, config)
        rivals = [rival] if rival is not None else []
    elif question.expect in (Expect.OTHER, Expect.REASON) \
            and (asks_cause(question.text) or question.caused):
        # (A side in another language may name what is asked in its own words: "Great
        # Depression", "crisisjaren".)
        pool = [c for c in candidates if c in eligible or c.translated]
        pair = _corrected(best, pool, question, config)
        if pair is None and question.caused and phrase_similarity is not None:
            # (What caused an event is one thing; reasons why are many, and add up. A side
            # may name only part of the event's name, hence any name: "The fire was started
            # by …" in a document about the Grand Hall.)
            pair = _other_cause(best, [c for c in candidates if c.names > 0 or c in pool],
                                config, phrase_similarity)
        if pair is not None:
            anchor, rivals = pair[0], [pair[1]]
    if rivals:
        chosen = with_sides(chosen, best, [anchor, *rivals],
                            config.max_sentences - len(naming))
        for row, sentence in naming.items():
            at = next(i for i, c in enumerate(chosen) if c.row == row)
            if sentence not in chosen:
                chosen.insert(at, sentence)
        groups.append([chosen.index(side) for side in (anchor, *rivals)])
    return Selection(chosen, False, groups, chosen.index(best))


def combine(whole: Selection, parts: list[Selection],
            limit: int) -> tuple[Selection, list[int]]:
    """One answer to a question that asks two things: the sentences chosen for the whole
    question, then what each part adds, at most `limit` sentences in all. A part adds its
    best sentence, with those before it that say who "he" is, or, when the whole already
    cites that one, its next sentence; then the sides of its disagreements, unless the same
    documents (or more) are already shown to disagree, and only if all its sides fit; then
    the sentences that go on from its best one in the same passage, as room allows. A part
    the documents do not answer adds nothing; the whole is declined only when it and every
    part are. Also returns, for each disagreement, which selection found it (0 for the
    whole, 1 for the first part)."""
    chosen: list[Candidate] = []
    groups: list[list[Candidate]] = []
    found_by: list[int] = []
    for index, selection in enumerate([whole, *parts]):
        if selection.abstained:
            continue
        sentences = selection.sentences
        own = [[sentences[i] for i in group] for group in selection.conflict_groups]
        # The same sentence scores differently for each part: compare rows.
        present = {c.row for c in chosen}
        going_on: list[Candidate] = []
        if index == 0:
            wanted = sentences
        elif sentences[selection.best].row not in present:
            wanted = sentences[:selection.best + 1]
            # … and the sentences that go on from it: "… the trial of Jansen. He was tried
            # together with De Vries." may answer "who was tried with him?" in the second.
            # (After its disagreements, which need room for all their sides.)
            for following in sentences[selection.best + 1:]:
                last = (going_on or wanted)[-1]
                if following.row != last.row + 1 or following.document_id != last.document_id:
                    break
                going_on.append(following)
        else:
            wanted = [c for c in sentences if c.row not in present][:1]
        for candidate in wanted:
            if len(chosen) < limit and candidate.row not in present:
                chosen.append(candidate)
                present.add(candidate.row)
        for group in own:
            documents = {c.document_id for c in group}
            if any(documents <= {c.document_id for c in g} for g in groups):
                continue  # these documents are already shown to disagree
            missing = [c for c in group if c.row not in present]
            if len(chosen) + len(missing) > limit:
                continue  # a disagreement is shown with all its sides, or not at all
            chosen.extend(missing)
            present.update(c.row for c in missing)
            groups.append(group)
            found_by.append(index)
        for candidate in going_on:
            if len(chosen) < limit and candidate.row not in present:
                chosen.append(candidate)
                present.add(candidate.row)
    if not chosen:
        return Selection([], True, []), []
    rows_ = [c.row for c in chosen]
    return Selection(chosen, False, [[rows_.index(c.row) for c in group] for group in groups]), \
        found_by


def _allies(best: Candidate, sides: list[Candidate], eligible: list[Candidate],
            question: Question, config: AnswerConfig, room: int) -> list[Candidate]:
    """Other documents that give the figure of one of the sides, nearly as well: a
    disagreement shows every document that takes part in it ("[1] and [3] say 4 June, [2]
    says 14 June"), as far as the answer has room."""
    taken = {c.document_id for c in sides}
    figures = [ranges_of(question, asked_part(question, side.text)) for side in sides]
    exact = question.expect is Expect.DATE
    # (What it counts, and in what units, as the sides do: not "18 knots" for "18 minutes".)
    counted = counted_words(question.text) if question.expect is Expect.QUANTITY else ()
    kinds = set().union(*(figure_kinds(side.text) for side in sides))
    found: list[Candidate] = []
    for c in eligible:
        if len(found) >= room:
            break
        if c.document_id in taken or not c.typed or c.fragment \
                or c.score < best.score - config.conflict_margin \
                or counted and counts_asked(counted, c.text) is not True \
                or not kinds & figure_kinds(c.text) \
                or _hedged(c.text) or any(_bounds(question, c.text)):
            continue  # (nor a bound or an estimate: "more than twenty" fits 22 and 23)
        theirs = ranges_of(question, asked_part(question, c.text))
        # Each of its figures is one side's, and that side's alone ("January 1898" is both
        # 13 and 14 January; "dozens" is many figures).
        agreeing = [i for i, mine in enumerate(figures)
                    if theirs and all(_same_figure(mine, y, exact) for y in theirs)]
        if len(agreeing) == 1 and not any(
                _same_figure(mine, y, exact) for i, mine in enumerate(figures)
                if i != agreeing[0] for y in theirs):
            found.append(c)
            taken.add(c.document_id)
    return found


def _same_figure(mine: list[tuple[float, float]], y: tuple[float, float],
                 exact: bool) -> bool:
    """A figure is one of a side's: the same date or time, or the very same count (not
    "20" for "18", though they agree as far as 20 was rounded); not a vague amount."""
    if exact:
        return any(x[0] <= y[1] and y[0] <= x[1] for x in mine)
    return y[0] == y[1] and any(x[0] == x[1] == y[0] for x in mine)


def fitting_rivals(best: Candidate, anchor: Candidate, rivals: list[Candidate],
                   limit: int) -> list[Candidate]:
    """The rivals that fit in an answer of `limit` sentences beside the anchor and the best
    sentence (which may be the anchor): every side of a disagreement is shown."""
    return rivals[:max(0, limit - 1 - (anchor is not best))]


def with_sides(chosen: list[Candidate], best: Candidate, sides: list[Candidate],
               limit: int) -> list[Candidate]:
    """The answer's sentences with every side of a disagreement added. Room is made by
    dropping sentences from the end, but never the best one or a side."""
    chosen = chosen + [side for side in sides if side not in chosen]
    while len(chosen) > limit:
        spare = [c for c in chosen if c is not best and c not in sides]
        if not spare:
            break
        chosen.remove(spare[-1])
    return chosen


def _stated(best: Candidate, candidates: list[Candidate], question: Question,
            config: AnswerConfig) -> Candidate:
    """The sentence whose figure stands for its document: the best one, or, when that gives
    none ("hundreds of thousands"), a nearly as good one of the same document that does. (A
    count in words that names what was asked, "five lifeboats", is one.)"""
    if values_of(question, best.text, small=True):
        return best
    return next((c for c in candidates if c.document_id == best.document_id
                 and c.score >= best.score - config.support_margin and not c.fragment
                 and values_of(question, c.text)), best)


def _stating(eligible: list[Candidate], config: AnswerConfig) -> Candidate:
    """The best sentence, unless it does not state what is asked (no figure for "how many")
    or is a heading: then a nearly as good one that does. The sentence just before the best
    one must name what is asked itself: it only borrows those names from the best one, and
    a text goes on about what it names, it does not lead up to it."""
    best = eligible[0]
    if best.typed and not best.fragment:
        return best
    return _nearly_as_good(best, eligible, config, lambda c: c.own_names >= best.own_names
                           or not _precedes(c, best))


def _in_own_words(best: Candidate, eligible: list[Candidate], question: Question,
                  config: AnswerConfig,
                  focus_contribution: FocusContribution | None) -> Candidate:
    """For a follow-up read with words of earlier turns ("Who opposed that? (mayor flood
    plan 1911)"): a nearly as good sentence that has the follow-up's own words, rather than
    one that has only the earlier turns' ("opposition to the mayor's plan in 1911" beside
    "Alderman Smit opposed this plan"). Only in the question's language, where the words
    can be checked."""
    own = CONTEXT.sub("", question.text)
    if own == question.text or best.translated:
        return best
    focus = focus_words(own, question.language)
    if not focus or focus_overlap(focus, best.text, deaths=question.deaths) > 0:
        return best
    return _nearly_as_good(best, eligible, config, lambda c: not c.translated
                           and focus_overlap(focus, c.text, deaths=question.deaths) >= 0.5
                           and is_answerable(c, question, config, focus_contribution))


def _precise(best: Candidate, eligible: list[Candidate], question: Question,
             config: AnswerConfig) -> Candidate:
    """For "how many": a nearly as good sentence that gives a figure, rather than one that
    only says "hundreds of thousands"."""
    if question.expect is not Expect.QUANTITY or values_of(question, best.text) \
            or not vague_amounts(best.text):
        return best
    first = eligible[0]
    return _nearly_as_good(best, eligible, config, lambda c: bool(values_of(question, c.text))
                           and (c.own_names >= first.own_names or not _precedes(c, first)))


def _counting(best: Candidate, eligible: list[Candidate], question: Question,
              config: AnswerConfig) -> Candidate:
    """For "how many spectators": a nearly as good sentence whose figure counts them
    ("Driehonderd toeschouwers …"), rather than one whose figures count only other things
    ("twaalf personen voorgeleid"). (People at large may be counted as any who
    took part: "How many people attended?" is answered by "350 spectators".)"""
    counted = counted_words(question.text) if question.expect is Expect.QUANTITY else ()
    if not counted or counted[0] in ANYONE or counts_asked(counted, best.text) is not False:
        return best
    first = eligible[0]
    return _nearly_as_good(best, eligible, config,
                           lambda c: counts_asked(counted, c.text) is True
                           and (c.own_names >= first.own_names or not _precedes(c, first)))


def _defining(best: Candidate, eligible: list[Candidate], question: Question,
              config: AnswerConfig) -> Candidate:
    """For "Who was Veyrin?": a nearly as good sentence that says what he was ("Tomas
    Veyrin, een ontevreden voormalig klerk …") rather than what he did."""
    if defines(question, best.text):
        return best
    return _nearly_as_good(best, eligible, config, lambda c: defines(question, c.text))


def _introducing(best: Candidate, eligible: list[Candidate], config: AnswerConfig) -> Candidate:
    """Of the nearly as good sentences that name the bearer of the title asked for, the one
    that names them most fully: a text introduces someone by their whole name ("De
    procureur-generaal Andreas Rietveld leidt het proces") and later says "aanklager
    Rietveld"."""
    close = [c for c in eligible if c.bearer and not c.fragment
             and c.score >= best.score - config.typed_margin]
    return max(close, key=lambda c: (c.bearer, c.score), default=best)


def _naming_doer(best: Candidate, eligible: list[Candidate], config: AnswerConfig) -> Candidate:
    """ "Who killed X?": a sentence that names the doer (see `matches_expectation`) up to
    `doer_margin` below a best one that only tells the killing."""
    return _nearly_as_good(best, eligible, config, lambda c: not _precedes(c, best),
                           config.doer_margin)


def _day_of(best: Candidate, eligible: list[Candidate], question: Question,
            config: AnswerConfig) -> Candidate | None:
    """For "On what date …?" answered by a sentence that gives only the year: a nearly as
    good one about the same names and year that gives the day ("werd op 6 november 1953
    gedicht"), told beside it."""
    if not question.day or states_day(best.text) or not years_in(best.text):
        return None
    year = set(years_in(best.text))
    return next((c for c in eligible if c is not best and c.typed and not c.fragment
                 and c.score >= best.score - config.typed_margin and states_day(c.text)
                 and c.own_names >= best.own_names and year & set(years_in(c.text))), None)


def _nearly_as_good(best: Candidate, eligible: list[Candidate], config: AnswerConfig,
                    test: Callable[[Candidate], bool], margin: float | None = None) -> Candidate:
    """The first sentence up to `typed_margin` (or `margin`) below the best one that states
    what is asked, is no heading, and passes `test`; else the best one."""
    floor = best.score - (config.typed_margin if margin is None else margin)
    return next((c for c in eligible if c.typed and not c.fragment
                 and c.score >= floor and test(c)), best)


def _precedes(a: Candidate, b: Candidate) -> bool:
    return a.document_id == b.document_id and a.row == b.row - 1


# "He …", "Zij …": a sentence that goes on about someone named before.
_PERSONAL_OPENING = re.compile(r"(?:He|She|They|Hij|Zij|Ze)\b")


def _focused_alternative(best: Candidate, eligible: list[Candidate], question: Question,
                         config: AnswerConfig,
                         focus: FocusContribution | None) -> Candidate | None:
    """When the best sentence only matches the question's names, a nearly as good one that
    the focus words do raise may answer it ("How many clerks were dismissed?")."""
    if focus is None or best.focus > 0:
        return None
    needed = _names_needed(question, config)
    naming = {(c.document_id, c.row) for c in eligible if c.own_names >= needed}
    headings = {(c.document_id, c.row) for c in eligible if c.fragment}

    def full(c: Candidate) -> bool:
        # It shares nearly all focus words and names the question's names itself, or right
        # after a sentence that does ("Zij overleed in 1668" after "… met Wendela Bicker"),
        # or opens a section of a text that names them ("Construction. The ship was built
        # in Belfast").
        opens = (c.document_id, c.row - 1) in headings and c.names >= needed
        return c.focus >= config.full_focus and c.score >= best.score - config.typed_margin \
            and (bool({(c.document_id, c.row), (c.document_id, c.row - 1)} & naming)
                 or opens)

    def going_on(c: Candidate) -> bool:
        # It goes on about whom the best one names, and says what was asked of them ("…
        # onder leiding van Jan Smit. Hij werd samen met Piet Bakker ontslagen.")
        return c.row == best.row + 1 and c.document_id == best.document_id and c.focus > 0 \
            and _PERSONAL_OPENING.match(c.text) is not None

    close = [c for c in eligible if c is not best
             and (c.score >= best.score - config.focus_fallback_margin or full(c)
                  or going_on(c) and c.score >= best.score - config.typed_margin)]
    close.sort(key=lambda c: -(c.score + focus(c.row)))
    return next((c for c in close if is_answerable(c, question, config, focus)
                 and (focus(c.row) >= config.min_fallback_contribution or full(c)
                      or going_on(c))), None)


def _dated_onset(eligible: list[Candidate],
                 scorer: SentenceScorer) -> tuple[Candidate, Candidate | None]:
    """For "When did the strike begin?": the best sentence that says what it began with and
    is dated through the event it names (see `_dating`), up to `onset_margin` below the
    best sentence, with that dating; else the best sentence and None. Saying what the thing
    began with, it is on the question even when a sentence with any year scores higher. One
    below the best must share a word of the question, and one in another language a word
    of what it asks about: "Tarrant's dismissal sparked the Brinkport riots" tells what
    began, but not that the strike asked about ("grote staking onder Veldkamp") did."""
    first = eligible[0]
    floor = first.score - scorer.config.onset_margin
    for candidate in eligible:
        if candidate.score < floor:
            break
        about = candidate.focus or _compounds_of(scorer.focus_words, candidate.text) \
            if candidate.translated else candidate.overlap
        if candidate is not first and not about:
            continue
        dated = _dating(candidate, scorer)
        if dated is not None:
            return candidate, dated
    return first, None


def _compounds_of(focus: tuple[str, ...], text: str) -> bool:
    """A word of the question begins or ends a longer word of the sentence: "fraud" in the
    Dutch compound "fraudeprocessen"."""
    return any(len(w) >= 4 and len(v) >= len(w) + 4 and (v.startswith(w) or v.endswith(w))
               for w in focus for v in words(text))


def _dating(best: Candidate, scorer: SentenceScorer) -> Candidate | None:
    """For "When did the strike begin?", when the best sentence gives no date but says what it
    began with ("Tarrant's dismissal marked the beginning of the strike"): the sentence of the same
    document that dates that event. That is the next sentence if it gives a date; else, up
    to `_DATING_REACH` sentences away, the dated sentence that shares the most of what the
    best one adds to the question, with at least one of its names and one other word. A
    dated sentence that names what the question asks about dates that, not the event: it
    would answer directly, or tells another date of it ("… ended in 1888")."""
    question, build = scorer.question, scorer.build
    if not question.onset or best.typed or best.fragment or not states_onset(best.text):
        return None
    if best.row in scorer.dated:
        return scorer.dated[best.row]
    document_row = build.document_row[best.document_id]
    first, end = (int(x) for x in build.sentence_offset[document_row:document_row + 2])
    texts = {r: build.sentence(r)[1].text
             for r in range(max(first, best.row - _DATING_REACH),
                            min(end, best.row + _DATING_REACH + 1)) if r != best.row}
    dated = [r for r, text in texts.items()
             if matches_expectation(question, text) and not is_fragment(text)
             and not (scorer.names and name_coverage(scorer.names, capitalised_words(text)))]
    found: Candidate | None = None
    if best.row + 1 in dated:
        found = scorer.candidate(best.row + 1)
    else:
        # What the best sentence adds: its words that match none of the question's, in
        # either language ("depressie" is "depression").
        asked = [*question.content, *(w for n in scorer.names for w in n)]
        added = tuple(w for w in dict.fromkeys(words(best.text))
                      if len(w) > 3 and not soft_overlap((w,), asked))
        capitalised = set(capitalised_words(best.text))
        names = tuple(w for w in added if w in capitalised)
        shared = {r: (soft_overlap(names, words(texts[r])), soft_overlap(added, words(texts[r])))
                  for r in dated if names}
        fitting = [r for r in shared if shared[r][0] > 0
                   and shared[r][1] * len(added) >= shared[r][0] * len(names) + 0.6]
        if fitting:
            found = scorer.candidate(
                max(fitting, key=lambda r: (shared[r][1], -abs(r - best.row))))
    scorer.dated[best.row] = found
    return found


def _latest(best: Candidate, eligible: list[Candidate], config: AnswerConfig) -> Candidate:
    """For "what happened in the end": of the nearly best sentences of the best document, the
    one that comes last, since a narrative ends with the outcome."""
    same = [c for c in eligible if c.document_id == best.document_id and not c.fragment]
    # A sentence that says how it ended ("… would eventually be executed") may sit further
    # below the best one.
    ended = [c for c in same if c.score >= best.score - 2 * config.ending_margin
             and states_ending(c.text)]
    close = ended or [c for c in same if c.score >= best.score - config.ending_margin]
    return max(close, key=lambda c: c.row, default=best)


def _extend(chosen: list[Candidate], candidate: Candidate | None, config: AnswerConfig) -> None:
    if candidate is not None and candidate not in chosen and len(chosen) < config.max_sentences:
        chosen.append(candidate)


def _same_document(build: IndexBuild, row: int, candidate: Candidate) -> bool:
    return 0 <= row < len(build.sentence_spans) and \
        int(build.sentence_spans[row][0]) == build.document_row[candidate.document_id]


def _coheres(antecedent: str, sentence: str, question: Question) -> bool:
    """The sentence before names someone, or shares a word with the sentence that refers
    back to it or with the question: adjacent sentences about the same thing repeat words."""
    if names_in(antecedent):
        return True
    shared = {w for w in words(antecedent) if len(w) > 3}
    return bool(shared & set(words(sentence))) or bool(shared & set(question.content))


def _needs_antecedent(text: str, question: Question) -> bool:
    """A sentence that names its subject only as "he" or "she", or that opens on "this
    suggestion", needs the one before it; with a "who" question, so does any "his"."""
    head = [w.strip(",.").lower() for w in text.split()[:6]]
    if question.expect is Expect.PERSON and any(w in _REFERRING for w in head):
        return True
    if question.expect is Expect.REASON and _CONSEQUENCE.match(text):
        return True  # "Daarom werd …": why is the sentence before
    return refers_back(text)


_CONSEQUENCE = re.compile(r"\W*(therefore|thus|hence|consequently|as a result(?! of)|that is why|"
                          r"this is why|daarom|daardoor|dus|derhalve|zodoende|dat is waarom|"
                          r"vandaar)\b", re.IGNORECASE)


# (Not "zijn" or "zij": "Er zijn 900 mannen …" and "zij" may be a plural.)
_THIRD_PERSON = frozenset("he his him she her hij hem haar".split())


def _speaks_of_someone(text: str) -> bool:
    """A third person within the first words: "Even his judges …", "Toen hij …"."""
    return any(w.strip(",.;:“”\"'‘’()[]").lower() in _THIRD_PERSON for w in text.split()[:8])


def _speaks_of_it(text: str) -> bool:
    """Opens on what the sentence before names: "It killed some 800 of Parma's men", "Dit
    kostte …" (not "It is estimated that …", which refers to nothing)."""
    return bool(re.match(r"(?:It|This|These|Dit|Deze)\s", text)) and not _IMPERSONAL.match(text)


_IMPERSONAL = re.compile(r"It (?:is|was|has been|had been) (?:\w+ )?(?:estimated|thought|said|"
                         r"believed|reported|likely|unclear|known|possible|probable|clear)\b")


@lru_cache(maxsize=1 << 16)
def refers_back(text: str) -> bool:
    """Opens on a pronoun or a time told from another ("Two months later"), or has a
    demonstrative within its first words ("Tarrant opposed this suggestion", "Met dit doel …"):
    what it is about is said in the sentence before."""
    if opens_on_relative_time(text) or _OF_THESE.match(text):
        return True
    head = [w.strip(",.;:").lower() for w in text.split()[:8]]
    return bool(head) and (head[0] in _PERSONAL or any(w in _DEMONSTRATIVES for w in head))


def _continuation(best: Candidate, candidates: list[Candidate], scorer: SentenceScorer,
                  config: AnswerConfig) -> Candidate | None:
    """The next sentence, when it carries on about the same subject ("He was …") and is
    nearly as relevant, or is the quotation the best one announces: an answer often spans
    two sentences."""
    build = scorer.build
    row = best.row + 1
    if row >= len(build.sentence_spans) or \
            int(build.sentence_spans[row][0]) != build.document_row[best.document_id]:
        return None
    if ANNOUNCES.search(best.text.strip()) and _QUOTATION.match(build.sentence(row)[1].text):
        return scorer.candidate(row)
    for candidate in candidates:
        if candidate.row != row or candidate.document_id != best.document_id \
                or candidate.fragment:
            continue
        # A sentence that carries on about the same subject ("He was …") may be a little
        # less similar. So may any other that states what is asked (a date for "when"): a
        # text often sets the scene in one sentence ("In 1882 Ekdahl wrote a letter") and
        # answers in the next ("Its content was only made public in 1939"). Not for "Who was
        # X?": the sentence that says what X was answers it alone.
        carries_on = bool(_CONTINUATION.match(candidate.text)) and \
            candidate.similarity >= best.similarity - config.continuation_margin
        states_it = candidate.typed and not scorer.question.definition and \
            candidate.score >= best.score - config.continuation_margin
        # One that names what the question asks about and the best one leaves out ("Dekker
        # said Tuesday." "Greve said Friday.") completes it.
        completes = best.own_names < 1.0 and not scorer.question.definition \
            and candidate.score >= best.score - 2 * config.continuation_margin \
            and name_coverage(scorer.names,
                              words(best.text) + words(candidate.text)) > best.own_names
        if carries_on or states_it or completes \
                or candidate.score >= best.score - config.support_margin:
            return candidate
    return None


def values_of(question: Question, text: str, small: bool = False) -> set[float]:
    """The figures a sentence gives for the question; with `small`, also the counts under
    thirteen spelled before what it asks to count (see `small_counts`)."""
    if question.clock:
        return {(low + high) / 2 for _, low, high in times_in(text)}
    if question.expect is Expect.DATE:
        return {float(y) for y in years_in(text)} - {float(y) for y in question.years}
    if timed_span(question, text):
        return {round(minutes, 6) for _, minutes in durations_in(text)}
    if asks_named_age(question):
        return set(ages_told(question.text, text))
    counts = small_counts(counted_words(question.text), text) if small else frozenset()
    return {round(v, 6) for v in quantities_in(text)} | counts


def asks_named_age(question: Question) -> bool:
    """ "How old was Piet Smit?": the ages told of him are its figures. (Of no one named,
    "Hoe oud werd ze?", the ages in a sentence may be anyone's: "the crew were 18 to 40
    years old".)"""
    return question.expect is Expect.QUANTITY and asks_age(question.text) \
        and bool(age_subject(question.text))


_LONG = frozenset("long lang".split())


def timed_span(question: Question, text: str) -> bool:
    """How long something took is told in units of time ("all of five minutes"); other
    figures count other things ("het 74e regiment", "hundreds of thousands"). (Unless "how
    long" asks a length: "269 metres".)"""
    return question.expect is Expect.QUANTITY and asks_duration(question.text) \
        and "distance" not in figure_kinds(text)


def ranges_of(question: Question, text: str, small: bool = False) -> list[tuple[float, float]]:
    """The figures a sentence gives for the question, each as a range: a stated number is a
    point, "millions" is (2e6, 1e8), a day a point in its year, a year the whole year, a
    time of day its minutes. (`small`: see `values_of`.)"""
    if question.clock:
        return [(low, high) for _, low, high in times_in(text)]
    if question.expect is Expect.DATE:
        return [(low, high) for _, low, high in dates_in(text, frozenset(question.years))]
    values = values_of(question, text, small)
    aged = asks_named_age(question)
    if question.expect is Expect.QUANTITY and not timed_span(question, text):
        values -= labels_in(text)
        if not asks_age(question.text):
            values -= bracketed_ages(text)
    ranges = [(v, v) for v in values]
    if question.expect is Expect.QUANTITY and not timed_span(question, text) and not aged:
        ranges += [(low, high) for low, high, _ in vague_amounts(text)]
    return ranges


def _figure_disagreement(best: Candidate, dated: Candidate | None, chosen: list[Candidate],
                         eligible: list[Candidate], candidates: list[Candidate],
                         scorer: SentenceScorer) -> tuple[Candidate, list[Candidate],
                                                          list[tuple[Candidate, Candidate]]]:
    """The figure of the best document that other documents contradict, those that do, and
    (for "when did it begin") the sentences naming an event that others date differently.
    A dated event stands for the sentence that names it, with that one's score. When the
    first figure of the best document finds no document that disagrees, its other figures in
    the answer are tried in turn: "43 of the 157 members drowned" does not count what
    another document counts, "one million were killed" may."""
    question, config = scorer.question, scorer.config
    anchors: list[tuple[Candidate, float | None]] = \
        [(dated, best.score)] if dated is not None and dated in chosen else \
        [(_stated(best, eligible, question, config), None)]
    # (Not one that counts other things than the first, or may, which counts what was asked:
    # "Vier dieselmotoren" or "zeventien beklaagden" beside "Zestien gascellen" or
    # "Driehonderdvijftig toeschouwers"; nor one in other units: "200 meter
    # deep" beside "18 kubieke kilometer", where years count as figures without a unit; nor
    # one that names fewer of the question's names: "the loss of 133 lives" on a ferry,
    # beside "In England 307 people lost their lives".)
    first = anchors[0][0]
    counted = _counted(question, first)
    kinds = figure_kinds(first.text) - {""}

    def counts_alike(c: Candidate) -> bool:
        return c.typed and bool(values_of(question, c.text)) \
            and not (counted and counts_asked(counted, c.text) is not True) \
            and (not kinds or bool(kinds & figure_kinds(c.text)))

    anchors += [(c, best.score) for c in chosen if c.document_id == best.document_id
                and c.row != first.row and counts_alike(c) and c.own_names >= first.own_names]
    if question.expect is Expect.QUANTITY and _hedged(first.text):
        # A bound or an estimate ("more than twenty") agrees with the 22 and the 23 that two
        # other documents give: those documents' own figures in the answer are tried too.
        anchors += [(c, best.score) for c in chosen if c.document_id != best.document_id
                    and not _hedged(c.text) and counts_alike(c)]
    for anchor, reference in anchors:
        rivals = _disagreeing(anchor, eligible, question, config, reference)
        named = _dated_rivals(anchor, best, candidates, scorer, {c.document_id for c in rivals})
        if rivals or named:
            return anchor, rivals, named
    return anchors[0][0], [], []


def _disagreeing(best: Candidate, candidates: list[Candidate], question: Question,
                 config: AnswerConfig, reference: float | None = None) -> list[Candidate]:
    """For each other document, its best sentence that states a different figure for the
    same question, if one is close enough (to `best`, or to a `reference` score) to count as
    an answer to it: every side is shown, not only the first."""
    part = asked_part(question, best.text)
    mine = ranges_of(question, part)
    # A count in words under thirteen ("Four pilots", "zes mensen") is a figure only beside
    # what it counts, and then so for each side, which must say it counts the same (in the
    # question's words, or in the other language by the short list of things counted).
    asked = counted_words(question.text) if question.expect is Expect.QUANTITY else ()
    spelled = not mine and question.expect is Expect.QUANTITY
    if spelled:
        mine = ranges_of(question, part, small=True)
    dating = question.expect is Expect.DATE
    # (A day without a year is dated by a side that tells the year: see below.)
    if not mine and not (dating and not question.clock and _days_without_year(question, part)):
        return []
    units = figure_kinds(best.text)
    counted = _counted(question, best)
    # A figure for the time asked ("in 1886", "in augustus 1886") and one told for no such
    # time count different things. ("the 1953 flood" names the event, not a time.)
    timed = bool(MONTH.search(fold(question.text)) or _IN_YEAR.search(question.text)) \
        and states_year_asked(question, best.text)
    # Years are told of many things near a question: two differ only as dates of the same
    # event, which both sentences tell in the question's own words ("completed in 1986",
    # "voltooid in 1997"; a family's "grave" or "birthplace" is no such telling).
    # (Which one of a series is no telling of the event: "on its last crossing". Nor are a
    # follow-up's words from earlier turns, when it has two or more of its own: "When did
    # they leave the camp? (prisoners revolt)" is not dated by when they came. One word
    # alone, "Who opened it?", tells too little.)
    own_focus = focus_words(CONTEXT.sub("", question.text), question.language)
    if len(own_focus) < 2:
        own_focus = focus_words(question.text, question.language)
    focus = tuple(w for w in own_focus
                  if w not in ORDINALS) if dating else ()
    # The best sentence in another language than the question cannot be checked word by
    # word: it tells the event by being the answer. A rival must share the words: however
    # similar to the question, "Tarrant was murdered in 1890" is no date of when a letter
    # was published.
    def tells(c: Candidate) -> bool:
        return focus_overlap(focus, c.text, verbs=True) >= config.dated_claim_focus \
            or c.row == best.row and c.translated

    # A time of day, or a day, is told of fewer things than a year: two documents' times
    # near the question are two times of it, in whatever words they tell it ("Om 13.30 uur
    # ontplofte een bom", "at 13:15 a bomb … exploded"), and a side may be a little further
    # down.
    clock = question.clock or question.day
    telling = dating and bool(focus) and (clock or tells(best))
    # How long something lasted: a span of another thing shares none of the question's words.
    lasting = tuple(w for w in focus_words(question.text, question.language)
                    if w not in _LONG) if timed_span(question, best.text) else ()
    floor = (best.score if reference is None else reference) - config.conflict_margin \
        * (1 + clock * config.clock_margin_factor)
    estimates = _hedged(best.text)
    bounds = _bounds(question, best.text)
    aged = asks_named_age(question)
    rivals: dict[str, Candidate] = {}
    # A side in the best one's language can be checked in the question's words; one in the
    # other language is taken on its time alone, if it is nearly as like the question as
    # the best one, and near enough in time to be a time of the same moment: times hours
    # apart, or days months apart, are of two moments.
    # (When both are in the other language, neither can be checked in the question's words:
    # a time of day then needs a side that tells it in the best one's words, a name among
    # them: "At 9:12 the boiler of the Oude Waag burst" beside "At 9:05 the Oude Waag's
    # boiler burst".)
    def on_time_alone(c: Candidate) -> bool:
        return clock and (c.translated != best.translated or question.clock
                          and c.translated and _tells_alike(best.text, c.text)) \
            and c.similarity >= best.similarity - config.time_alone_similarity_margin

    # (A document that gives the very same time anywhere has told it: its timeline's other
    # times are of other moments. "Around one o'clock" and "rond twee uur" touch, but are
    # not the same. So with an age: "19 when he enlisted" and "84 when he died" are ages
    # of one life.)
    told = {(low + high) / 2 for low, high in mine}
    agreed = {c.document_id for c in candidates if (clock or aged)
              and c.document_id != best.document_id
              and told & {(low + high) / 2 for low, high in ranges_of(question, c.text)}}
    for other in candidates:
        if other.document_id == best.document_id or other.fragment or not other.typed \
                or other.document_id in rivals or other.document_id in agreed:
            continue
        if other.score < floor:
            # A side in another language than the question, beside a best sentence in the
            # question's, scores lower for its language alone: one that counts what was
            # asked, by the list of things counted in both languages ("90 firemen" for
            # "brandweerlieden"), may be a little further down.
            if other.score < floor - config.counted_side_margin:
                break
            if not other.translated or best.translated or not asked \
                    or counts_asked(asked, other.text) is not True:
                continue
        if not other.translated and other.overlap == 0 \
                and not (question.deaths and counts_deaths(other.text)):
            # It shares no word with the question: its figure counts something else. (A
            # count of the dead answers "how many lost their lives" in any words.)
            continue
        if units and not units & figure_kinds(other.text):
            continue  # 5000 tons and 116,000 people count different things
        # Told of fewer of the question's names, or of another place, a figure counts
        # something else: "307 in England" against "1835 died", "Bij de ramp met de R101 in
        # Frankrijk vielen 48 doden". (On the files read this kept every disagreement found.)
        # (A sentence that speaks of "he" may name him in the sentence before: "Even his
        # judges thought he was confused, but he was hanged … on 27 October"; "It killed
        # some 800 of Parma's men" is about what the sentence before names. One that
        # names nothing at all and counts what was asked, of no place asked, tells of what
        # the sentences around it name: "Bijna 8.000 leraren stuurden een aanmelding in"
        # after "Het Teacher in Space Project …".)
        if other.own_names < best.own_names and not (
                other.names >= best.own_names
                and (_speaks_of_someone(other.text) or _speaks_of_it(other.text)
                     or asked and not name_runs(other.text)
                     and not places_in(question.text)
                     and counts_asked(asked, other.text) is True)) \
                or _elsewhere(question, other.text):
            continue
        if timed and not states_year_asked(question, other.text) \
                and not (question.clock and not years_in(other.text)
                         and not MONTH.search(fold(other.text))):
            # (A time of day is told without the day it is of: "The dike gave way at about
            # 16:10" gives a time of the day asked, unless it names another year or day.)
            continue  # 17 tried in August 1886, and 81 workers at no time said
        # What "how many" counts: when the best sentence's figure counts it ("Zestien
        # gascellen"), one in its language that counts only other things ("Vier
        # dieselmotoren") is no other answer, nor one in the question's language. (In the
        # other language "toeschouwers" may well count the "spectators".)
        if counted and ((best.translated or not other.translated)
                        and counts_asked(counted, other.text) is False
                        or counts_other_things(counted, other.text)) \
                or spelled and counts_asked(asked, other.text) is not True:
            continue
        alone = dating and telling and not tells(other) and on_time_alone(other)
        if dating and not (telling and (alone or tells(other))):
            continue
        if lasting and not other.translated and focus_overlap(lasting, other.text) == 0:
            continue  # "the sarcophagus took 206 days" is not how long the graphite burned
        their_part = asked_part(question, other.text)
        theirs = ranges_of(question, their_part, small=spelled)
        ours = mine
        if dating and not question.clock and not alone:
            # A day told without a year ("on Friday 9 May") is of the year the other side
            # tells, if it tells one: 8 May 1931 is another day. (Not for a side taken on
            # its time alone: it must tell the event in the question's words.)
            if not theirs:
                theirs = _in_year_of(mine, question, their_part)
            elif not ours:
                ours = _in_year_of(theirs, question, part)
        if not theirs or not ours or alone and _gap(ours, theirs, question.clock) > (
                config.clock_apart if question.clock else config.day_apart):
            continue  # (13:15 and 16:56 are times of two moments, not two of one)
        at_least, at_most = (a | b for a, b in zip(bounds, _bounds(question, other.text),
                                                    strict=True))
        hedged = estimates | _hedged(other.text)
        if aged:
            # An age is told to the year: 10 and 11 are no rounding of one another, unless
            # either is given as an estimate ("aged about 12").
            slack = 1.0 if hedged & {v for r in ours + theirs for v in r} else 0.0
            apart = not _close([(lo - slack, hi + slack) for lo, hi in ours], theirs, exact=True)
        else:
            apart = not _close(ours, theirs, exact=dating, hedged=hedged, at_least=at_least,
                               at_most=at_most)
        if apart:
            rivals[other.document_id] = other
    return list(rivals.values())


def _days_without_year(question: Question, text: str) -> bool:
    """Whether a text tells a day without a year ("on 9 May"), and no year."""
    return not years_in(text) and bool(dates_in(text, frozenset(question.years),
                                                default_year=1))


def _in_year_of(told: list[tuple[float, float]], question: Question,
                text: str) -> list[tuple[float, float]]:
    """The days a text tells without a year, in the one year of the days `told` (a day
    beside a month or a year may be of another event in it)."""
    years = {int(low) for low, _ in told}
    if len(years) != 1 or any(low != high for low, high in told):
        return []
    return [(low, high) for _, low, high in dates_in(text, frozenset(question.years),
                                                     default_year=years.pop())]


def _tells_alike(a: str, b: str) -> bool:
    """Two sentences share two words of four letters or more that are not stop words, one
    of them a name in both ("the first reports" are told of many things)."""
    def own(text: str) -> set[str]:
        return {w for w in words(text) if len(w) >= 4 and w.isalpha()
                and not is_function_word(w)}
    shared = own(a) & own(b)
    return len(shared) >= 2 and bool(shared & set(capitalised_words(a))
                                      & set(capitalised_words(b)))


# A total a part is told of: "Of the 1,500 homes in the town, 200 were destroyed".
_OF_ALL = re.compile(r"\s*(?:of|van)\s+(?:the|de|het|all|alle)?\s*\d", re.IGNORECASE)
# Where a sentence's clauses part: "200 woningen werden verwoest en 1.500 panden …".
_CLAUSE_BREAK = re.compile(r";|,\s|\s(?:and|en|but|maar|while|terwijl)\s")


def asked_part(question: Question, text: str) -> str:
    """The clauses of a sentence whose figure counts what "how many" asks, when some clause
    does: "Ongeveer 200 woningen werden verwoest en zo'n 1.500 panden raakten beschadigd"
    gives 200 homes, not the 1,500 buildings that another document also gives."""
    counted = counted_words(question.text) if question.expect is Expect.QUANTITY else ()
    if asks_named_age(question):
        return text  # ("How old was X when he died?": the age, not a count of the dead)
    if question.deaths:
        # (a count of the dead, not of the injured beside it: "killed 23 people, and
        # injured 947"; with a part of the dead told after it: "200 doden, van wie
        # dertig in de eerste week")
        clauses = _CLAUSE_BREAK.split(text)
        own = [clause for clause in clauses if counts_deaths(clause)]
        # When the question asks for such a part ("in de eerste week"), the clause that
        # tells of it.
        parts = [clause for i, clause in enumerate(clauses) if i and _OF_THESE.match(clause)
                 and counts_deaths(clauses[i - 1]) and states_quantity(clause)]
        asked = tuple(w for w in focus_words(question.text, question.language)
                      if not is_death_word(w))
        if parts and asked:
            told = max(focus_overlap(asked, clause) for clause in own)
            own = [clause for clause in parts if focus_overlap(asked, clause) > told] or own
    elif not counted or counted[0] in ANYONE:
        return text
    else:
        clauses = [c for c in _CLAUSE_BREAK.split(text) if not _OF_ALL.match(c)]
        if not any(counts_asked(counted, clause) for clause in clauses):
            return text
        # (and a clause whose figure says not what it counts: "Of the 1,500 homes in the
        # town, 200 were destroyed")
        own = [clause for clause in clauses if counts_asked(counted, clause) is not False]
    return "; ".join(own) if own else text


_IN_YEAR = re.compile(r"\b(in|during|tijdens|gedurende)\s+((early|late|mid|begin|eind|"
                      r"midden)\s+)?(1\d{3}|20\d{2})\b", re.IGNORECASE)


def _counted(question: Question, best: Candidate) -> tuple[str, ...]:
    """What "how many" counts, when the best sentence's figure counts it: then another
    sentence that counts only other things gives no other answer. ("How many people …?" may
    be answered by "2,000 ordinary townsfolk": people are told of in many words.)"""
    counted = counted_words(question.text) if question.expect is Expect.QUANTITY else ()
    if not counted or counted[0] in ANYONE or counts_asked(counted, best.text) is not True:
        return ()
    return counted


def _elsewhere(question: Question, text: str) -> bool:
    """The text places what it tells somewhere the question does not name, and names none
    of the question's names: it tells of something else. ("In August" is no place.)"""
    names = question_names(question.text)
    if not names or name_coverage(names, words(text)) > 0:
        return False
    asked = {w for name in names for w in name}
    return bool(places_in(text) - asked - set(MONTH.findall(fold(text))))


def _dated_rivals(anchor: Candidate, best: Candidate, candidates: list[Candidate],
                  scorer: SentenceScorer, taken: set[str]) -> list[tuple[Candidate, Candidate]]:
    """For "When did the strike begin?": other documents that say what it began with and date
    that event differently ("De staking begint met de ontslagen. Op 19 augustus 1886 …").
    Such a sentence gives no date itself and need not repeat the question's names in the
    question's language: saying what the thing asked about began with, and being nearly as
    similar to the question, it answers the same question. Returns (sentence, dated event)
    pairs, at most one per document: the one most like the best sentence, since a document
    may say what several things began with ("… sparked the Brinkport riots")."""
    question, config = scorer.question, scorer.config
    mine = ranges_of(question, anchor.text)
    if not question.onset or not mine:
        return []
    found: dict[str, list[tuple[Candidate, Candidate]]] = {}
    floor = best.score - config.type_weight * best.typed - config.onset_margin
    # Few sentences say what something began with: those the search did not bring up are
    # scored too ("De Grote Staking begint met de ontslagen" for an English question).
    # (Bonuses add at most about 0.2: one less similar than that cannot reach the floor.)
    seen = {c.row for c in candidates}
    candidates = sorted(candidates + [scorer.candidate(row) for row in onset_rows(scorer.build)
                                      if row not in seen and scorer.similarity(row) + 0.2 >= floor],
                        key=lambda c: -c.score)
    for other in candidates:
        if other.score < floor:
            break
        if other.document_id in taken | {best.document_id} or other.typed \
                or not other.translated and other.overlap < config.claim_overlap:
            # (sharing little with the question, it tells what something else began with:
            # the strike, not the first lockout asked about)
            continue
        dated = _dating(other, scorer)
        theirs = ranges_of(question, dated.text) if dated is not None else []
        if dated is not None and theirs and not _close(mine, theirs, exact=True):
            found.setdefault(other.document_id, []).append((other, dated))
    vectors = scorer.build.sentence_vectors
    return [max(pairs, key=lambda pair: float(np.dot(vectors[pair[0].row], vectors[best.row])))
            for pairs in found.values()]


# Per index build, and gone with it: a server that reopens a rebuilt index keeps no old one.
_ONSET_ROWS: weakref.WeakKeyDictionary[IndexBuild, tuple[int, ...]] = weakref.WeakKeyDictionary()


def onset_rows(build: IndexBuild) -> tuple[int, ...]:
    """The rows of the sentences that say what something began with (see `states_onset`),
    found on the first question that needs them."""
    if build not in _ONSET_ROWS:
        _ONSET_ROWS[build] = tuple(row for row in range(len(build.sentence_spans))
                                   if states_onset(build.sentence(row)[1].text))
    return _ONSET_ROWS[build]


def _opposing(best: Candidate, candidates: list[Candidate],
              config: AnswerConfig) -> Candidate | None:
    """For a yes/no question: another document whose own best sentence takes the other side,
    affirming what the first doubts or denies. Only each document's best sentence counts, so
    a stray "not" further down does not make a disagreement. It must be about the question:
    share its words, or, in another language, be nearly as similar to it."""
    seen = {best.document_id}
    for other in candidates:
        if other.score < best.score - config.polar_margin:
            break
        if other.document_id in seen or other.fragment:
            continue
        seen.add(other.document_id)
        if best.life and not other.life and not other.own_names:
            continue  # "Did Smit survive?" is not denied by "none of the divers survived"
        if _about(other, best, config) and doubts(other.text) != doubts(best.text):
            return other
    return None


def _about(other: Candidate, best: Candidate, config: AnswerConfig) -> bool:
    """A claim is about the question when it shares enough of its words, or, in another
    language, is nearly as similar to it as the best sentence. (A sentence in another
    language than the best one scores lower for the same relevance: see
    `cross_lingual_offset`.)"""
    offset = config.claim_language_offset * (other.translated and not best.translated)
    return other.overlap >= config.claim_overlap or other.translated and \
        other.similarity + offset >= best.similarity - config.claim_similarity_margin


# "niet de storm, maar het achterstallige onderhoud", "not in the fields but in the
# inns": what a sentence denies (an article or a preposition after "not") in favour of
# something else. Not "not only … but also", "niet alleen … maar ook", nor a "not" and a
# "but" of two clauses ("Not surprisingly, the dikes failed, but …").
_CORRECTION = re.compile(
    r"\b(?:not|niet)\s+(?:the|a|an|by|in|from|at|de|het|een|door|bij|uit|aan)\b"
    r"(?P<denied>[^.;:!?,]{2,120}?),?\s+(?:but|maar)\b(?!\s+(?:also|ook)\b)"
    r"(?P<named>[^.;:!?]*)", re.IGNORECASE)


def corrects(text: str) -> bool:
    """The sentence says something was not X but something else."""
    return _CORRECTION.search(text) is not None


def _corrected(best: Candidate, candidates: list[Candidate], question: Question,
               config: AnswerConfig) -> tuple[Candidate, Candidate] | None:
    """For what caused something: a sentence of one document that says it was not X but Y,
    and another document's sentence that says X and not Y: "The storm caused the flood"
    against "de echte oorzaak … was niet de storm, maar het achterstallige onderhoud van de
    dijk" (and a sentence that also names the latter agrees).
    Both must be nearly as good answers as the best sentence. X must name something besides
    the question's words and words for causing, which every side shares; only a word
    itself, a cognate or a spelling counts, not a look-alike ("murder"/"order"). Returns
    (the sentence that says X, the one that denies it)."""
    floor = best.score - config.polar_margin
    close = [c for c in candidates if c.score >= floor and not c.fragment
             and tells_cause(c.text) and _about(c, best, config)]
    for correcting in close:
        for match in _CORRECTION.finditer(correcting.text):
            denied = _own_words(match.group("denied"), question)
            # (What it names instead is said in its first words: "maar het achterstallige
            # onderhoud waarover Veldkamp …" is not about Veldkamp.)
            named = _own_words(match.group("named"), question)[:3]
            if not denied:
                continue
            for stating in close:
                if stating.document_id != correcting.document_id \
                        and not doubts(stating.text) and not corrects(stating.text) \
                        and _says(denied, stating.text) and not _says(named, stating.text):
                    return stating, correcting
    return None


def _other_cause(best: Candidate, candidates: list[Candidate], config: AnswerConfig,
                 alike: PhraseSimilarity) -> tuple[Candidate, Candidate] | None:
    """For what caused something: another document that names only causes unlike those the
    best one's names (`named_cause`; not a correction: see `_corrected`), in a sentence
    nearly as good an answer. Causes are compared by what their words mean (`alike`), so
    in either language. Returns (the best document's sentence, the other's)."""
    floor = best.score - config.cause_conflict_margin
    naming: dict[str, list[tuple[Candidate, str]]] = {}
    for c in candidates:
        if c.score < floor:
            break
        cause = None if c.fragment or corrects(c.text) or not _about(c, best, config) \
            else named_cause(c.text)
        if cause is not None:
            naming.setdefault(c.document_id, []).append((c, cause))
    own = naming.pop(best.document_id, [])
    if not own:
        return None
    for sides in naming.values():
        if all(alike(mine, theirs) < config.same_cause_similarity
               for _, mine in own for _, theirs in sides):
            return own[0][0], sides[0][0]
    return None


def _own_words(text: str, question: Question) -> tuple[str, ...]:
    """The words of a part of a sentence that are neither the question's nor words for
    causing."""
    return tuple(w for w in words(text) if not tells_cause(w)
                 and not _says(question.content, w))


def _says(content: tuple[str, ...], text: str) -> bool:
    return any(hit >= 0.8 for hit in word_hits(content, words(text)))


def _close(a: list[tuple[float, float]], b: list[tuple[float, float]],
           exact: bool = False, hedged: frozenset[float] = frozenset(),
           at_least: frozenset[float] = frozenset(),
           at_most: frozenset[float] = frozenset()) -> bool:
    """Two sets of figures agree when some pair does (see `_agree`). Figures over a
    hundredfold apart, or a vague amount over thirtyfold from the other, count as answers about
    different things, not a disagreement. Years (`exact`) agree only when they are the same:
    1884 and 1886 are 0.1 % apart, but they disagree. (Only where both sentences are known
    to date the same thing: any two sentences near a question give years, and most differ.)
    Two spans (`exact`) that only touch do not agree: "about 14.40" and "about 2.20 p.m."
    reach 14.30 from either side, but are twenty minutes apart.
    `hedged` are the figures given as estimates ("ongeveer 35")."""
    pairs = [(x, y) for x in a for y in b]
    if exact:
        return any(x[0] <= y[1] and y[0] <= x[1] and not (
            x[0] < x[1] and y[0] < y[1] and (x[0] == y[1] or y[0] == x[1])) for x, y in pairs)
    if any(_agree(x, y, hedged) or _within_bound(x, y, at_least, at_most)
           or _within_bound(y, x, at_least, at_most) for x, y in pairs):
        return True
    return all(max(x[0], y[0]) > _apart(x, y) * max(min(x[1], y[1]), 1e-9) for x, y in pairs)


def _gap(a: list[tuple[float, float]], b: list[tuple[float, float]], clock: bool) -> float:
    """How close two sets of times come: times of day in minutes, round the clock; dates in
    days."""
    if not clock:
        a = [(_in_days(x), _in_days(y)) for x, y in a]
        b = [(_in_days(x), _in_days(y)) for x, y in b]
    gaps = [max(0.0, max(x[0], y[0]) - min(x[1], y[1])) for x in a for y in b]
    return min((min(gap, 1440 - gap) if clock else gap for gap in gaps), default=0.0)


def _in_days(value: float) -> float:
    """A date as `dates_in` gives it (the year, and a thousandth for each day of a month of
    32), in days: 30 December 1912 and 2 January 1913 are three days apart."""
    year = int(value)
    months, day = divmod(round((value - year) * 1000), 32)
    return year * 365.25 + (months - 1) * 30.44 + day


def _within_bound(x: tuple[float, float], y: tuple[float, float], at_least: frozenset[float],
                  at_most: frozenset[float]) -> bool:
    """A figure given as a bound agrees with one a little beyond it, the way it points:
    "more than twenty" with 23, not with 31; "ruim 5.800" not with 5,398."""
    if x[0] != x[1] or y[0] != y[1]:
        return False
    a, b = x[0], y[0]
    return a in at_least and a <= b <= 1.2 * a or a in at_most and a / 1.2 <= b <= a


def _agree(x: tuple[float, float], y: tuple[float, float], hedged: frozenset[float]) -> bool:
    """Two figures agree as far as they were rounded: "1,800" and "1,835", but not "about
    49,000" and "zo'n 45.000", nor "one million" and "800,000". A range ("millions") agrees
    give or take 10 %; an estimate ("ongeveer 35") give or take 5 %."""
    if x[0] != x[1] or y[0] != y[1]:
        return x[0] <= 1.1 * y[1] and y[0] <= 1.1 * x[1]
    a, b = x[0], y[0]
    slack = max(_rounding(a), _rounding(b))
    if a in hedged or b in hedged:
        slack = max(slack, 0.05 * max(a, b))
    return abs(a - b) <= slack


def _rounding(value: float) -> float:
    """How far a figure may be from what it stands for, by the zeros it ends in: 100 for
    "1,800", 0 for "1,835", never more than a tenth of it (not a million for "one million")."""
    value = round(value, 6)  # (4.1 million is 4099999.9999999995 in floating point)
    if value != int(value) or value == 0:
        return 0.0
    unit, number = 1, int(value)
    while number % 10 == 0:
        number //= 10
        unit *= 10
    return min(float(unit) if unit > 1 else 0.0, value / 10)


def _hedged(text: str) -> frozenset[float]:
    """The figures a text gives as estimates: "ongeveer 35", "nearly 1,835"; not the 1,517
    of "Of the estimated 2,224 on board, 1,517 died"."""
    return frozenset(v for m in _HEDGE.finditer(text)
                     for v in quantities_in(text[m.end():m.end() + 16])[:1])


# A count given as a bound: "more than twenty" is 20 or a little more, "nearly 1,835" a
# little less.
_AT_LEAST = re.compile(r"\b(more than|over|at least|upwards of|well over|meer dan|ruim|"
                       r"minstens|ten minste)\s+$", re.IGNORECASE)
_AT_MOST = re.compile(r"\b(nearly|almost|less than|fewer than|under|bijna|minder dan|"
                      r"nog geen)\s+$", re.IGNORECASE)


def _bounds(question: Question, text: str) -> tuple[frozenset[float], frozenset[float]]:
    """The counts a text gives as a lower bound ("more than twenty", "ruim 2.300") and as an
    upper bound ("nearly 1,835")."""
    if question.expect is not Expect.QUANTITY:
        return frozenset(), frozenset()
    found: tuple[set[float], set[float]] = (set(), set())
    for match in re.finditer(r"\d[\d.,]*|\b[a-z]+\b", text, re.IGNORECASE):
        before = text[max(0, match.start() - 20):match.start()]
        for pattern, bound in zip((_AT_LEAST, _AT_MOST), found, strict=True):
            if pattern.search(before):
                bound.update(quantities_in(match.group())[:1])
    return frozenset(found[0]), frozenset(found[1])


def _apart(x: tuple[float, float], y: tuple[float, float]) -> float:
    vague = x[0] != x[1] or y[0] != y[1]
    return 30.0 if vague else 100.0
