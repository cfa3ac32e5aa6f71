"""Plain data carried between the index's stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    """A PDF page: `number` is 1-based, `start`/`end` are offsets into the document text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One loaded file. `text` is what every offset in the index points into."""

    id: str
    source: str  # path relative to the corpus root, with forward slashes
    title: str
    language: str
    text: str
    content_hash: str
    pages: tuple[Page, ...] = ()

    def page_at(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None


@dataclass(frozen=True)
class Sentence:
    """A sentence: `document_text[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences. `first_sentence`/`last_sentence` index the document's sentences
    (last exclusive)."""

    id: str
    document_id: str
    position: int
    start: int
    end: int
    text: str
    first_sentence: int
    last_sentence: int
    page: int | None = None


@dataclass(frozen=True)
class Skipped:
    """A file the build did not index, and why."""

    path: str
    reason: str


# What a loaded document looks like (its title, say) can change with the loader's code: a
# rebuild by another version reloads every file, even one whose bytes did not change.
# 2: a breadcrumb trail's last part is the title.
LOADER_VERSION = 2
# 2: an opening quote mark starts the sentence it opens; 3: straight quotes too; 5: "No. 4"
# ends no sentence; 6: a time of day alone ("19.40 uur.") heads the sentence after it; 7:
# "p.m." before a capital ends a sentence.
SPLITTER_VERSION = 7
# How a sentence's search vector is made. 0: its own vector only; 1: also the vectors of the
# two-sentence windows it is part of (see index.store.context_vectors).
CONTEXT_VERSION = 1


@dataclass(frozen=True)
class ChunkingConfig:
    target_tokens: int
    overlap_tokens: int
    # The version of the sentence splitter: a build made by another one is redone in full
    # rather than mixing its sentences with new ones.
    splitter: int = SPLITTER_VERSION
    context: int = CONTEXT_VERSION


@dataclass(frozen=True)
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def document_id(source: str) -> str:
    """Stable id of a document: it depends on its path in the corpus only."""
    import hashlib

    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]


def chunk_id(document: str, position: int) -> str:
    return f"{document}:{position:05d}"
