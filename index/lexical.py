"""Lexical tokens for BM25 and term overlap, the same for documents and questions."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN_PLUS

    return frozenset(fold(w) for w in (*STOPWORDS_EN_PLUS, *STOPWORDS_DUTCH))


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and strip diacritics, so "geëxecuteerd" matches "geexecuteerd"."""
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _content_words(folded: str) -> Iterator[str]:
    stop = _stopwords()
    return (w for w in _WORD.findall(folded) if w not in stop and w != "_")


def words(text: str) -> list[str]:
    """Folded words, stop words removed, not stemmed."""
    return list(_words(text))


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    # Cached: the same sentences are scored for many questions.
    return tuple(_content_words(fold(text)))


@lru_cache(maxsize=1 << 15)
def stem(word: str) -> str:
    """A word's stem, as BM25 takes it: "died" and "dies" are "die"."""
    return str(_stemmer().stemWord(word))


def tokens(text: str) -> list[str]:
    """Folded, stop-word-free, stemmed tokens. One stemmer for every language keeps a query
    and a passage in the same language comparable, which is all BM25 needs."""
    return list(_stemmer().stemWords(words(text)))


def word_frequency(texts: Iterable[str]) -> dict[str, int]:
    """In how many of the texts each word occurs, folded and without stop words, as `words`
    gives them. Each text is folded afresh, which leaves the caches of `fold` and `words` to
    the texts that questions score."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(_content_words(_fold(text))))
    return dict(counts)
