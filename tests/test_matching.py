"""The word and name matching that scores every candidate sentence looks its words up in
indexes built once per sentence (and, for names, once per sentence and question). These
property tests hold it to the plain definitions it replaced, word by word."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.answering import AnswerConfig
from assistant.questions import (
    _DUTCH_ENDINGS,
    _JOINTS,
    _compounds,
    _participle_root,
    _verb_forms,
    name_coverage,
    transliterate,
    word_hits,
)
from index.lexical import stem, words

from .test_assistant import _scorer

# Words from a small alphabet, so that compounds, inflections and participles occur often.
_WORD = st.text(alphabet="geastbrnoldkij", min_size=1, max_size=14)
_WORDS = st.lists(_WORD, max_size=12)


def _plain_hits(content: tuple[str, ...], sentence_words: list[str]) -> list[float]:
    """`word_hits` as first written: every question word against every sentence word."""
    from rapidfuzz import fuzz, process

    vocabulary = {transliterate(w) for w in sentence_words}

    def compound(word: str) -> bool:
        n = len(word)
        return any(len(o) >= n + 3 and n >= 4 and o.endswith(word) and o[-n - 1] in _JOINTS
                   or n >= len(o) + 3 and len(o) >= 4 and word.endswith(o)
                   and word[-len(o) - 1] in _JOINTS for o in vocabulary)

    def participle(word: str) -> bool:
        root = _participle_root(word)
        if root is not None and not vocabulary.isdisjoint(_verb_forms(root)):
            return True
        return any(o.startswith("ge") and (r := _participle_root(o)) is not None
                   and word.startswith(r) and word in _verb_forms(r) for o in vocabulary)

    def inflected(word: str) -> bool:
        return any(w.startswith(word[:3]) and (stem(w) == stem(word) or w in (
            word + ending for ending in _DUTCH_ENDINGS)) for w in vocabulary)

    hits: list[float] = []
    for word in (transliterate(w) for w in content):
        if word in vocabulary:
            hits.append(1.0)
        elif len(word) < 5:
            hits.append(0.8 if len(word) >= 3 and inflected(word)
                        else 0.6 if len(word) == 4 and compound(word) else 0.0)
        elif vocabulary and (match := process.extractOne(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=72)) is not None:
            hits.append(0.8 if match[1] >= 80 else 0.6)
        else:
            hits.append(0.6 if participle(word) or compound(word) else 0.0)
    return hits


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=5), _WORDS)
@example(["sloep"], ["reddingssloep"])
@example(["reddingssloep"], ["sloep"])
@example(["gewerkt"], ["werkte"])
@example(["werkte"], ["gewerkt"])
@example(["werk"], ["werkte"])
@example(["leden"], ["overleden"])
def test_word_hits_match_the_plain_definition(content: list[str], sentence: list[str]) -> None:
    assert word_hits(tuple(content), sentence) == _plain_hits(tuple(content), sentence)


def test_word_hits_find_compounds_participles_and_inflections() -> None:
    assert word_hits(("sloep",), ["reddingssloep"]) == [0.6]
    assert word_hits(("gewerkt",), ["werkte"]) == [0.6]
    assert word_hits(("werk",), ["werkte"]) == [0.8]
    assert word_hits(("leden",), ["overleden"]) == [0.0]  # "over|leden" joins on no vowel


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=3), _WORDS)
@example(["sovjetspoor"], ["spoor"])
@example(["kirov"], ["kirovlaan"])
@example(["kirovlaan"], ["kirov"])
def test_compounds_match_the_plain_definition(name: list[str], text: list[str]) -> None:
    plain = any(len(w) >= 5 and (p.endswith(w) and len(p) > len(w)
                                 or p.startswith(w) and len(p) >= len(w) + 3)
                for p in name for w in text)
    assert _compounds(tuple(name), text) == plain


def test_name_coverage_of_a_window_is_looked_up_sentence_by_sentence(tmp_path: Path) -> None:
    files = {"a.txt": "The Plague\n\nDe pest bereikte Londen in 1665. Many fled the city. "
                      "Samuel Pepys kept a diary. The King left for Oxford.\n"}
    scorer = _scorer(tmp_path, files, "What did Samuel Pepys write about London?",
                     AnswerConfig())
    parts = ["The Plague", "Many fled the city.", "De pest bereikte Londen in 1665.",
             "Samuel Pepys kept a diary."]
    window = [w for part in parts for w in words(part)]
    for chosen in (parts, parts[:2], parts[1:2], parts[2:]):
        joined = [w for part in chosen for w in words(part)]
        assert scorer._coverage(chosen, False) == name_coverage(scorer.names, joined)
    assert 0 < scorer._coverage(parts, False) == name_coverage(scorer.names, window) <= 1
