"""What the assistant returns. Plain frozen data; `to_dict` gives the public JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class Turn:
    role: Role
    content: str


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk. `text == document_text[start:end]`."""

    id: str  # chunk id
    document_id: str
    source: str
    title: str
    language: str
    start: int
    end: int
    text: str
    score: float
    page: int | None = None


@dataclass(frozen=True)
class Citation:
    """One `[n]` of an answer. `quote == document_text[start:end]`; `passage` is its chunk."""

    n: int
    document_id: str
    source: str
    title: str
    language: str
    start: int
    end: int
    quote: str
    passage: str
    score: float
    page: int | None = None


@dataclass(frozen=True)
class Conflict:
    summary: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    conflicts: tuple[Conflict, ...]
    language: str
    index_build: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    resolved_question: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["citations"] = [asdict(c) for c in self.citations]
        data["passages"] = [asdict(p) for p in self.passages]
        data["conflicts"] = [
            {"summary": c.summary, "citations": list(c.citations)} for c in self.conflicts
        ]
        return data
