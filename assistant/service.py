"""The server's handle on the live assistant: lazy loading, hot swaps to new builds, rebuilds.

The API and the UI talk to an `AssistantService`, never to `Assistant` directly, so that a
rebuild published on disk (by this process or by `python -m index rebuild`) is picked up
without a restart, while requests already running finish on the build they started with.
"""

from __future__ import annotations

import hmac
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from assistant.errors import AssistantError, Busy
from assistant.settings import Settings
from assistant.types import Answer, Turn
from index.errors import IndexingError, RebuildInProgress

logger = logging.getLogger(__name__)

History = Sequence[dict[str, Any]] | Sequence[Turn] | None


class LiveAssistant(Protocol):
    """What the service needs of `assistant.core.Assistant` (tests pass look-alikes)."""

    @property
    def build_id(self) -> str: ...

    def ask(self, question: str, history: Any = None, top_k: int | None = None) -> Answer: ...

    def status(self) -> dict[str, Any]: ...

    def sources(self) -> list[dict[str, Any]]: ...

    def document(self, doc_id: str) -> dict[str, Any]: ...

    def is_current(self) -> bool: ...

    def reopen(self) -> LiveAssistant: ...


class BuildReportLike(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


OpenAssistant = Callable[[Settings], LiveAssistant]
RebuildIndex = Callable[[Settings], BuildReportLike]


def open_assistant(settings: Settings) -> LiveAssistant:
    """Load the real assistant (heavy: the embedder and the index)."""
    from assistant.core import Assistant  # heavy, and only needed once a request arrives

    return Assistant.from_settings(settings)


def rebuild_index(settings: Settings) -> BuildReportLike:
    from index.build import rebuild_from_settings

    return rebuild_from_settings(settings)


# Boundaries between a whitespace run and the next word: the pieces concatenate back exactly.
_WORD_START = re.compile(r"(?<=\s)(?=\S)")


def split_into_pieces(text: str, words_per_piece: int = 3) -> list[str]:
    """Cut `text` into groups of words; `"".join(pieces) == text`."""
    if not text:
        return []
    words = _WORD_START.split(text)
    size = max(1, words_per_piece)
    return ["".join(words[i : i + size]) for i in range(0, len(words), size)]


class AssistantService:
    """Thread-safe owner of the current `Assistant`.

    Every call first checks whether a newer build was published; if so it swaps in
    `current.reopen()` under a lock. Callers that already hold the old object keep using it.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        open_assistant: OpenAssistant = open_assistant,
        rebuild_index: RebuildIndex = rebuild_index,
        reopen_retry_s: float = 5.0,
    ) -> None:
        self.settings = settings
        self._open = open_assistant
        self._rebuild = rebuild_index
        self._reopen_retry_s = reopen_retry_s
        self._lock = threading.Lock()  # guards _assistant and _retry_reopen_at
        self._rebuild_lock = threading.Lock()  # one rebuild per process
        self._assistant: LiveAssistant | None = None
        self._retry_reopen_at = 0.0

    # -- the live assistant ------------------------------------------------------------------

    def current(self) -> LiveAssistant:
        """The assistant on the newest build, loading or swapping it first if needed."""
        assistant = self._assistant
        if assistant is not None and (self._reopen_deferred() or assistant.is_current()):
            return assistant
        with self._lock:
            if self._assistant is None:
                # Raises IndexUnavailable / IndexingError when there is no index yet; not
                # cached, so a build published later is picked up by the next request.
                self._assistant = self._open(self.settings)
            elif not self._assistant.is_current():
                self._assistant = self._reopened(self._assistant)
            return self._assistant

    def ready(self) -> bool:
        """True when an index is loaded (loading it now if it was not yet)."""
        try:
            self.current()
        except (AssistantError, IndexingError) as exc:
            logger.info("assistant not ready: %s", exc)
            return False
        except Exception:  # a probe must answer, not crash; the log keeps the cause
            logger.exception("assistant failed to load")
            return False
        return True

    def _reopen_deferred(self) -> bool:
        return time.monotonic() < self._retry_reopen_at

    def _reopened(self, old: LiveAssistant) -> LiveAssistant:
        # A broken new build must not take the service down: keep answering from the old
        # one and try again a little later.
        if self._reopen_deferred():
            return old
        try:
            new = old.reopen()
        except Exception:
            logger.exception("could not open the newest build; still serving %s", old.build_id)
            self._retry_reopen_at = time.monotonic() + self._reopen_retry_s
            return old
        self._retry_reopen_at = 0.0
        logger.info("switched from build %s to %s", old.build_id, new.build_id)
        return new

    # -- questions ---------------------------------------------------------------------------

    def ask(self, question: str, history: History = None, top_k: int | None = None) -> Answer:
        return self.current().ask(question, history=_as_list(history), top_k=top_k)

    def stream(
        self,
        question: str,
        history: History = None,
        top_k: int | None = None,
        *,
        words_per_piece: int = 3,
    ) -> Iterator[str | Answer]:
        """Yield the answer text in word groups, then the whole `Answer`.

        The answer is computed on the first `next()`, so input and index errors surface there,
        before any text has been yielded.
        """
        answer = self.ask(question, history, top_k)
        yield from split_into_pieces(answer.answer, words_per_piece)
        yield answer

    # -- the collection ----------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        return self.current().status()

    def sources(self) -> list[dict[str, Any]]:
        return self.current().sources()

    def document(self, doc_id: str) -> dict[str, Any]:
        return self.current().document(doc_id)

    @property
    def build_id(self) -> str | None:
        """The build being served, or None when nothing is loaded yet (never loads)."""
        assistant = self._assistant
        return assistant.build_id if assistant is not None else None

    # -- rebuilding --------------------------------------------------------------------------

    def rebuild(self) -> dict[str, Any]:
        """Rebuild the index in the calling thread, then serve the new build.

        Raises `Busy` when a rebuild is already running, here or in another process.
        """
        if not self._rebuild_lock.acquire(blocking=False):
            raise Busy("A rebuild is already running in this server.")
        try:
            report = self._rebuild(self.settings)
        except RebuildInProgress as exc:
            raise Busy("A rebuild is already running (the index lock is held).") from exc
        finally:
            self._rebuild_lock.release()
        self._switch_after_rebuild()
        return report.to_dict()

    def _switch_after_rebuild(self) -> None:
        with self._lock:
            old = self._assistant
            if old is None:
                return  # nothing loaded yet: the next request loads the new build
            self._retry_reopen_at = 0.0  # a fresh build deserves a fresh try
            if not old.is_current():
                self._assistant = self._reopened(old)


def _as_list(history: History) -> list[Any] | None:
    return list(history) if history is not None else None


@dataclass(frozen=True)
class Authorizer:
    """Checks `Authorization: Bearer <token>` headers against one configured token.

    With no token configured nobody is authorized. Compares in constant time.
    """

    token: str | None

    @property
    def configured(self) -> bool:
        return bool(self.token)

    def allows(self, authorization: str | None) -> bool:
        """Whether an `Authorization` header value carries the token."""
        return self.allows_token(bearer_token(authorization))

    def allows_token(self, given: str | None) -> bool:
        """Like `allows`, for a token already taken out of its header."""
        if not self.token or given is None:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header value, or None."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token
