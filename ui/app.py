"""The Gradio web UI: a streaming chat with numbered, clickable citation cards.

Layout: the chat on the left; on the right the sources of the selected answer (cards) and a
document viewer that shows the whole cited document with the quoted span highlighted.

Rendering is done by pure `render_*` functions (HTML strings, all text escaped); `UiHandlers`
holds the event handlers; `build_ui` wires them into `gr.Blocks`; `mount` is the
`assistant.ui` entry point. gradio is imported at module level here (not in `ui/__init__`)
because it resolves the `gr.Request` / `gr.EventData` annotations of the handlers by name.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import gradio as gr
from fastapi import FastAPI

from assistant.errors import AssistantError, Busy, Forbidden, NotFound
from assistant.examples import load_examples
from assistant.service import Authorizer, bearer_token
from assistant.types import Answer, Citation
from index.errors import IndexingError
from index.settings import Settings

logger = logging.getLogger(__name__)

TITLE = "Cited answers"
TAGLINE = (
    "Ask about the document collection in English or Dutch. Every sentence of an answer "
    "carries a numbered citation; click a source to read the exact passage in its document."
)
QUESTION_PLACEHOLDER = "Ask a question in English or Dutch…"
LOCKED_PLACEHOLDER = "Enter the access key above to start"
# Chats run in parallel (the service is thread-safe); Gradio's default would be one at a time.
CHAT_CONCURRENCY = 4
# Whole documents can be huge (up to max_file_bytes); the viewer shows a window around the span.
VIEWER_MAX_CHARS = 200_000
STATUS_FIELDS = (
    ("documents", "Documents"),
    ("chunks", "Passages"),
    ("embedder", "Embedder"),
    ("build_id", "Build"),
    ("built_at", "Built at"),
)

# `[3]`, `[1, 2]`: the citation markers of an answer (after HTML escaping, which keeps them).
_CITE_MARKER = re.compile(r"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
_BANNER_BLOCK = re.compile(r'<div class="banner\b[^"]*"[^>]*>.*?</div>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ERROR_CLASS = 'class="chat-error"'
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}")

ChatMessage = dict[str, str]
Answers = list[Answer | None]
ChatUpdate = tuple[Any, ...]  # (chat, sources, viewer, question box, answers)


class AssistantLike(Protocol):
    """What the UI needs of `assistant.service.AssistantService` (tests pass fakes)."""

    def stream(
        self, question: str, history: Any = None, top_k: int | None = None
    ) -> Iterator[str | Answer]: ...

    def status(self) -> dict[str, Any]: ...

    def document(self, doc_id: str) -> dict[str, Any]: ...

    def rebuild(self) -> dict[str, Any]: ...


# -- rendering: answers ------------------------------------------------------------------------


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def render_language_tag(language: str) -> str:
    """`en` -> a small `EN` tag; anything that is not a language code shows as `?`."""
    code = language.strip() if _LANGUAGE_CODE.fullmatch(language.strip()) else ""
    label = code.upper() or "?"
    css = f"lang-tag lang-{code.lower()}" if code else "lang-tag"
    return f'<span class="{css}" title="Language: {escape(language or "unknown")}">{label}</span>'


def render_citation_refs(numbers: Sequence[int]) -> str:
    return " ".join(f'<span class="cite-ref">[{n}]</span>' for n in numbers)


def mark_citations(escaped: str) -> str:
    """Style the `[n]` markers of already escaped text as citation chips."""
    return _CITE_MARKER.sub(lambda m: f'<span class="cite-ref">[{m.group(1)}]</span>', escaped)


def render_answer_text(text: str) -> str:
    """Answer text as HTML paragraphs, escaped, with `[n]` chips.

    Everything stays on one line: the chat renders Markdown, and one raw HTML block without
    blank lines is passed through untouched (no `*`/`_`/`$` surprises from quoted sources).
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    parts = []
    for paragraph in paragraphs or [""]:
        lines = [mark_citations(escape(line)) for line in paragraph.splitlines()]
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


def render_banners(answer: Answer) -> str:
    """The abstention (amber) and disagreement (red) banners of an answer; '' if neither."""
    banners = []
    if answer.abstained:
        banners.append(
            '<div class="banner banner-abstain" role="status">'
            '<span class="banner-icon" aria-hidden="true">?</span>'
            '<span class="banner-text"><strong>Not in the documents.</strong> '
            "No passage in the collection answers this question.</span></div>"
        )
    if answer.conflicts:
        items = "".join(
            f"<li>{escape(c.summary)} {render_citation_refs(c.citations)}</li>"
            for c in answer.conflicts
        )
        banners.append(
            '<div class="banner banner-conflict" role="alert">'
            '<span class="banner-icon" aria-hidden="true">!</span>'
            '<span class="banner-text"><strong>Sources disagree.</strong> '
            f"Check the cited passages before relying on this answer.<ul>{items}</ul></span></div>"
        )
    return "".join(banners)


def render_answer_message(answer: Answer) -> str:
    """The chat bubble of a finished answer: banners first, then the cited text."""
    css = "answer-msg abstained" if answer.abstained else "answer-msg"
    body = render_answer_text(answer.answer)
    return f'<div class="{css}">{render_banners(answer)}<div class="answer-body">{body}</div></div>'


def render_streaming_message(text: str) -> str:
    if not text:
        return (
            '<div class="answer-msg pending"><div class="answer-body"><p>'
            '<span class="pending-dot"></span> Searching the documents…</p></div></div>'
        )
    body = render_answer_text(text)
    return f'<div class="answer-msg streaming"><div class="answer-body">{body}</div></div>'


def render_error_message(message: str) -> str:
    return f'<div {_ERROR_CLASS} role="alert"><strong>No answer.</strong> {escape(message)}</div>'


def render_user_message(text: str) -> str:
    return escape(text)


# -- rendering: sources and the document viewer --------------------------------------------------


def render_citation_card(citation: Citation, turn: int, disputed: bool = False) -> str:
    """One clickable card. `data-turn`/`data-n` say which citation the click opens."""
    where = [citation.source]
    if citation.page is not None:
        where.append(f"p. {citation.page}")
    css = "cite-card is-disputed" if disputed else "cite-card"
    flag = '<span class="disputed-tag">disputed</span>' if disputed else ""
    title = citation.title or citation.source
    label = f"Source {citation.n}: {title}. Open the document at the cited passage."
    return (
        f'<button type="button" class="{css}" data-turn="{turn}" data-n="{citation.n}" '
        f'aria-label="{escape(label)}">'
        f'<span class="cite-head"><span class="cite-n">{citation.n}</span>'
        f'<span class="cite-title">{escape(title)}</span>{flag}'
        f"{render_language_tag(citation.language)}</span>"
        f'<span class="cite-quote">{escape(citation.quote)}</span>'
        f'<span class="cite-source">{escape(" · ".join(where))}</span>'
        "</button>"
    )


def disputed_numbers(answer: Answer) -> set[int]:
    return {n for conflict in answer.conflicts for n in conflict.citations}


def render_sources(answer: Answer | None, turn: int) -> str:
    """The right-hand panel for one answer: its question, then one card per citation."""
    if answer is None:
        return render_sources_placeholder(
            "The sources of this answer are not available in this session."
        )
    disputed = disputed_numbers(answer)
    cards = "".join(
        render_citation_card(c, turn, disputed=c.n in disputed) for c in answer.citations
    )
    searched = ""
    if answer.resolved_question and answer.resolved_question != answer.question:
        searched = (
            f'<div class="sources-searched">Searched for: {escape(answer.resolved_question)}</div>'
        )
    if cards:
        body = f'<div class="cite-list">{cards}</div>'
        hint = "Click a source to open its document with the cited passage highlighted."
    else:
        body = '<div class="sources-none">No passage is cited for this answer.</div>'
        hint = "The assistant only states what a passage supports, so it says so instead."
    count = len(answer.citations)
    return (
        '<div class="sources">'
        f'<div class="sources-head"><span class="sources-label">Sources</span>'
        f'<span class="sources-count">{count} cited</span></div>'
        f'<div class="sources-question">{escape(answer.question)}</div>{searched}'
        f'{body}<div class="sources-hint">{hint}</div>'
        f'<div class="sources-build">Index build {escape(answer.index_build)}</div></div>'
    )


def render_sources_placeholder(text: str | None = None) -> str:
    message = text or (
        "Sources appear here. Each numbered card is the exact passage an answer relies on."
    )
    return f'<div class="sources sources-empty">{escape(message)}</div>'


def highlight_span(text: str, start: int, end: int, mark_id: str = "cite-mark") -> str:
    """`text` escaped, with exactly `text[start:end]` wrapped in `<mark class="cite-mark">`."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return (
        f"{escape(text[:start])}"
        f'<mark class="cite-mark" id="{escape(mark_id)}">{escape(text[start:end])}</mark>'
        f"{escape(text[end:])}"
    )


def clip_window(text: str, start: int, end: int, limit: int) -> tuple[str, int, int, bool]:
    """A window of at most about `limit` characters around [start:end], with shifted offsets."""
    if len(text) <= limit:
        return text, start, end, False
    margin = max(0, (limit - (end - start)) // 2)
    lo = max(0, start - margin)
    hi = min(len(text), max(end + margin, lo + limit))
    return text[lo:hi], start - lo, end - lo, True


def render_document(document: Mapping[str, Any], citation: Citation) -> str:
    """The viewer: the whole document, escaped, with the cited span marked."""
    text = str(document.get("text", ""))
    window, start, end, clipped = clip_window(text, citation.start, citation.end, VIEWER_MAX_CHARS)
    notes = []
    if text[citation.start : citation.end] != citation.quote:
        # Trust: never silently show a span that is not what the answer quoted.
        notes.append(
            '<div class="doc-warning" role="alert">The document changed since this answer was '
            "given: the highlighted span may not match the quote.</div>"
        )
    if clipped:
        notes.append(
            '<div class="doc-note">Long document: showing the part around the citation.</div>'
        )
    title = str(document.get("title") or citation.title or citation.source)
    source = str(document.get("source") or citation.source)
    language = str(document.get("language") or citation.language)
    body = highlight_span(window, start, end, mark_id=f"cite-mark-{citation.n}")
    return (
        f'<div class="doc-view" data-n="{citation.n}">'
        f'<div class="doc-head"><span class="cite-n">{citation.n}</span>'
        f'<div class="doc-meta"><div class="doc-title">{escape(title)} '
        f"{render_language_tag(language)}</div>"
        f'<div class="doc-source">{escape(source)}</div></div></div>'
        f'{"".join(notes)}<div class="doc-text">{body}</div></div>'
    )


def render_viewer_placeholder(text: str | None = None) -> str:
    message = text or "Click a numbered source to read it in its document."
    return f'<div class="doc-view doc-empty">{escape(message)}</div>'


# -- rendering: index status -------------------------------------------------------------------


def render_status(status: Mapping[str, Any]) -> str:
    rows = "".join(
        f"<div><dt>{label}</dt><dd>{escape(_or_dash(status.get(key)))}</dd></div>"
        for key, label in STATUS_FIELDS
    )
    return f'<dl class="status-grid">{rows}</dl>'


def _or_dash(value: object) -> object:
    return "–" if value is None or value == "" else value


def render_status_line(status: Mapping[str, Any]) -> str:
    return (
        '<span class="status-chip"><span class="status-dot ok"></span>'
        f"{escape(status.get('documents', '?'))} documents · "
        f"{escape(status.get('chunks', '?'))} passages · "
        f"build {escape(status.get('build_id', '?'))}"
        "</span>"
    )


def render_status_problem(message: str) -> tuple[str, str]:
    panel = f'<div class="status-problem">{escape(message)}</div>'
    chip = f'<span class="status-chip"><span class="status-dot bad"></span>{escape(message)}</span>'
    return panel, chip


def render_header(status_chip: str = "") -> str:
    """Title, one-line explanation and (once loaded) the index status chip."""
    logo = '<span class="logo" aria-hidden="true">&#10077;</span>'
    return (
        f'<div class="app-header"><div><h1>{logo}{escape(TITLE)}</h1>'
        f"<p>{escape(TAGLINE)}</p></div>{status_chip}</div>"
    )


# -- chat history ------------------------------------------------------------------------------


def message_text(content: Any) -> str:
    """A chat message's content as one string (Gradio 6 sends a list of typed parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        return str(content.get("text") or "")
    if isinstance(content, Sequence):
        return "".join(message_text(part) for part in content)
    return ""


def normalize_history(history: Sequence[Mapping[str, Any]] | None) -> list[ChatMessage]:
    """Chatbot messages as `{role, content: str}`; other roles and empty messages dropped."""
    messages = []
    for message in history or []:
        role = str(message.get("role", ""))
        content = message_text(message.get("content"))
        if role in ("user", "assistant") and content.strip():
            messages.append({"role": role, "content": content})
    return messages


def plain_text(content: str) -> str:
    """What a rendered message says, for the assistant: no banners, tags or entities."""
    text = _BANNER_BLOCK.sub("", content)
    text = text.replace("</p><p>", "\n\n").replace("<br>", "\n")
    return html.unescape(_TAG.sub("", text)).strip()


def history_for_service(history: Sequence[ChatMessage]) -> list[ChatMessage]:
    """The conversation as the service wants it; failed turns (error + question) left out."""
    turns: list[ChatMessage] = []
    for message in history:
        if message["role"] == "assistant" and _ERROR_CLASS in message["content"]:
            if turns and turns[-1]["role"] == "user":
                turns.pop()
            continue
        text = plain_text(message["content"])
        if text:
            turns.append({"role": message["role"], "content": text})
    return turns


def align_answers(answers: Answers | None, history: Sequence[ChatMessage]) -> Answers:
    """One entry per assistant message; unknown (None) when the history came from elsewhere."""
    count = sum(1 for message in history if message["role"] == "assistant")
    kept = list(answers or [])
    return kept if len(kept) == count else [None] * count


def answer_ordinal(history: Sequence[ChatMessage], index: int) -> int | None:
    """The 0-based answer number of chat message `index` (a question maps to its answer)."""
    ordinal = -1
    for position, message in enumerate(history):
        if message["role"] == "assistant":
            ordinal += 1
            if position >= index:
                return ordinal
    return None


def find_citation(answer: Answer | None, n: int) -> Citation | None:
    if answer is None:
        return None
    return next((c for c in answer.citations if c.n == n), None)


def describe_error(exc: Exception) -> str:
    if isinstance(exc, IndexingError) or getattr(exc, "code", "") == "index_unavailable":
        return f"The index is not available ({exc}). An administrator can rebuild it."
    return str(exc) or exc.__class__.__name__


# -- event handlers ----------------------------------------------------------------------------


class UiHandlers:
    """The UI's event handlers around one service. Access state lives in `gr.State` (server
    side, per browser session), never in anything the browser could forge."""

    def __init__(self, service: AssistantLike, settings: Settings) -> None:
        self.service = service
        self.api_key = Authorizer(settings.api_key)
        self.admin = Authorizer(settings.admin_token)

    # -- access

    def has_access(self, unlocked: bool, request: gr.Request | None = None) -> bool:
        """Open when no key is configured; else unlocked in this session, or a Bearer header
        (so `gradio_client.Client(url, headers={"Authorization": "Bearer KEY"})` works)."""
        if not self.api_key.configured or unlocked:
            return True
        header = request.headers.get("authorization") if request is not None else None
        return self.api_key.allows_token(bearer_token(header))

    def require_access(self, unlocked: bool, request: gr.Request | None) -> None:
        if not self.has_access(unlocked, request):
            raise gr.Error("This assistant needs an access key: enter it above and press Unlock.")

    def unlock(self, key: str) -> tuple[Any, ...]:
        """Check the access key; on success hide the key box and enable the question box.

        Returns (unlocked, key box, key error, status panel, header, question box, ask button).
        """
        if not self.api_key.allows_token((key or "").strip()):
            message = '<div class="key-error" role="alert">That key is not valid.</div>'
            return False, gr.update(visible=True), message, *([gr.skip()] * 4)
        panel, header = self.show_status(True, None)
        question = gr.update(interactive=True, placeholder=QUESTION_PLACEHOLDER)
        return (
            True,
            gr.update(visible=False),
            "",
            panel,
            header,
            question,
            gr.update(interactive=True),
        )

    # -- chat

    def chat(
        self,
        message: str,
        history: list[dict[str, Any]] | None,
        answers: Answers | None,
        unlocked: bool,
        request: gr.Request | None = None,
    ) -> Iterator[ChatUpdate]:
        """Stream one answer. Yields (chat, sources, viewer, textbox, answers)."""
        question = (message or "").strip()
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        self.require_access(unlocked, request)
        past = normalize_history(history)
        yield from self.stream_answer(question, past, align_answers(answers, past))

    def stream_answer(
        self, question: str, past: list[ChatMessage], answers: Answers
    ) -> Iterator[ChatUpdate]:
        asked = [*past, {"role": "user", "content": render_user_message(question)}]
        waiting = render_sources_placeholder("Searching the documents…")
        viewer = render_viewer_placeholder()

        def update(content: str, sources: str = waiting, known: Answers = answers) -> ChatUpdate:
            return [*asked, _assistant(content)], sources, viewer, "", known

        yield update(render_streaming_message(""))
        text = ""
        final: Answer | None = None
        try:
            for piece in self.service.stream(question, history=history_for_service(past)):
                if isinstance(piece, Answer):
                    final = piece
                else:
                    text += piece
                    yield update(render_streaming_message(text))
        except (AssistantError, IndexingError) as exc:
            final_error = describe_error(exc)
        except Exception:  # a bug must not leave the chat "searching" forever
            logger.exception("answering %r failed", question)
            final_error = "Something went wrong while answering; the server log has details."
        else:
            if final is not None:
                sources = render_sources(final, len(answers))
                yield update(render_answer_message(final), sources, [*answers, final])
                return
            final_error = "The assistant stopped before finishing its answer."
        error = render_error_message(final_error)
        yield update(error, render_sources_placeholder(), [*answers, None])

    def select_answer(
        self, history: list[dict[str, Any]] | None, answers: Answers | None, evt: gr.SelectData
    ) -> tuple[Any, Any]:
        """Clicking a chat message shows that answer's sources."""
        index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        past = normalize_history(history)
        ordinal = answer_ordinal(past, int(index))
        known = align_answers(answers, past)
        if ordinal is None or ordinal >= len(known):
            return gr.skip(), gr.skip()
        return render_sources(known[ordinal], ordinal), render_viewer_placeholder()

    def open_citation(
        self,
        answers: Answers | None,
        unlocked: bool,
        evt: gr.EventData,
        request: gr.Request | None = None,
    ) -> str:
        """A card was clicked: show its document with the span marked. The browser only says
        which card (turn, n); the span itself comes from this session's own answers."""
        self.require_access(unlocked, request)
        data = evt._data if isinstance(evt._data, dict) else {}
        try:
            turn, n = int(data["turn"]), int(data["n"])
        except (KeyError, TypeError, ValueError):
            return render_viewer_placeholder()
        known = answers or []
        citation = find_citation(known[turn] if 0 <= turn < len(known) else None, n)
        if citation is None:
            return render_viewer_placeholder("That source is no longer available; ask again.")
        try:
            document = self.service.document(citation.document_id)
        except NotFound:
            return render_viewer_placeholder("That document is no longer in the index.")
        except (AssistantError, IndexingError) as exc:
            return render_viewer_placeholder(describe_error(exc))
        return render_document(document, citation)

    def new_conversation(self) -> tuple[list[ChatMessage], str, str, Answers]:
        return [], render_sources_placeholder(), render_viewer_placeholder(), []

    # -- index status and rebuild

    def show_status(self, unlocked: bool, request: gr.Request | None = None) -> tuple[str, str]:
        """(status panel, page header with a status chip)."""
        if not self.has_access(unlocked, request):
            panel, chip = render_status_problem("Locked: enter the access key to ask questions.")
            return panel, render_header(chip)
        try:
            status = self.service.status()
        except (AssistantError, IndexingError) as exc:
            panel, chip = render_status_problem(describe_error(exc))
            return panel, render_header(chip)
        return render_status(status), render_header(render_status_line(status))

    def admin_sign_in(self, token: str) -> tuple[bool, Any, str]:
        """Reveal the rebuild button to whoever knows the admin token."""
        if self.admin.allows_token((token or "").strip()):
            return True, gr.update(visible=True), "Signed in: you can rebuild the index."
        return False, gr.update(visible=False), "That admin token is not valid."

    def rebuild(self, token: str, is_admin: bool) -> tuple[str, Any, Any]:
        """(message, status panel, header). Checks the token again: state can go stale."""
        if not (is_admin and self.admin.allows_token((token or "").strip())):
            return "Rebuilding needs a valid admin token.", gr.skip(), gr.skip()
        try:
            report = self.service.rebuild()
        except Busy:
            return "A rebuild is already running; try again when it has finished.", *_skip2()
        except Forbidden as exc:
            return f"Not allowed: {exc}", *_skip2()
        except (AssistantError, IndexingError) as exc:
            logger.warning("rebuild from the UI failed: %s", exc)
            return f"The rebuild failed: {describe_error(exc)}", *_skip2()
        panel, chip = self.show_status(True, None)
        build = report.get("build_id") or report.get("build") or ""
        return f"Index rebuilt{f' (build {build})' if build else ''}.", panel, chip


def _assistant(content: str) -> ChatMessage:
    return {"role": "assistant", "content": content}


def _skip2() -> tuple[Any, Any]:
    return gr.skip(), gr.skip()


# -- the page ----------------------------------------------------------------------------------

# Cards are plain HTML buttons; one delegated listener reports which card was clicked through
# the component's own `click` event (Gradio 6 `js_on_load` + `trigger(event, data)`).
CARDS_JS = """
if (!element.dataset.citeBound) {
  element.dataset.citeBound = "1";
  element.addEventListener("click", (event) => {
    const card = event.target.closest(".cite-card");
    if (!card || !element.contains(card)) return;
    const active = element.querySelectorAll(".cite-card.is-active");
    active.forEach((c) => c.classList.remove("is-active"));
    card.classList.add("is-active");
    trigger("click", {turn: Number(card.dataset.turn), n: Number(card.dataset.n)});
  });
}
"""

# Bring the highlighted span into view whenever the viewer gets new content.
SCROLL_TO_MARK = """
const mark = element.querySelector("mark.cite-mark");
if (mark) mark.scrollIntoView({block: "center", behavior: "smooth"});
"""
VIEWER_JS = f"""
if (typeof watch === "function") {{
  watch("value", () => {{ {SCROLL_TO_MARK} }});
}}
"""
# Fallback run after the click handler's output has landed (also covers a missing `watch`).
SCROLL_JS = """
() => {
  const go = (tries) => {
    const mark = document.querySelector("#doc-viewer mark.cite-mark");
    if (mark) { mark.scrollIntoView({block: "center", behavior: "smooth"}); }
    else if (tries > 0) { setTimeout(() => go(tries - 1), 100); }
  };
  requestAnimationFrame(() => go(10));
}
"""

CSS = """
.gradio-container { max-width: 1440px !important; margin: 0 auto !important; }
.app-header { display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem;
  flex-wrap: wrap; padding: .25rem .25rem .9rem;
  border-bottom: 1px solid var(--border-color-primary); }
.app-header h1 { font-size: 1.65rem; font-weight: 700; margin: 0; letter-spacing: -.01em; }
.app-header h1 .logo { display: inline-grid; place-items: center; width: 2rem; height: 2rem;
  margin-right: .5rem; border-radius: .55rem; background: #4f46e5; color: #fff; font-size: 1.1rem;
  vertical-align: .1rem; }
#ask, #new-chat { white-space: nowrap; }
.app-header p { margin: .3rem 0 0; color: var(--body-text-color-subdued); max-width: 62ch; }
.status-chip { display: inline-flex; align-items: center; gap: .45rem; font-size: .8rem;
  padding: .3rem .7rem; border-radius: 999px; border: 1px solid var(--border-color-primary);
  background: var(--background-fill-secondary); color: var(--body-text-color-subdued); }
.status-dot { width: .5rem; height: .5rem; border-radius: 50%; background: #94a3b8; }
.status-dot.ok { background: #16a34a; } .status-dot.bad { background: #dc2626; }
.panel-label { font-size: .75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .08em;
  color: var(--body-text-color-subdued); margin: .25rem 0 .4rem; }

/* chat */
#chat .answer-body p { margin: 0 0 .55em; line-height: 1.6; }
#chat .answer-body p:last-child { margin-bottom: 0; }
.cite-ref { display: inline-block; font-size: .7em; font-weight: 700; line-height: 1.2;
  padding: .05em .35em; margin: 0 .08em; border-radius: .35em; position: relative; top: -.45em;
  background: #e0e7ff; color: #3730a3; white-space: nowrap; }
.answer-msg.pending { color: var(--body-text-color-subdued); font-style: italic; }
.pending-dot { display: inline-block; width: .55rem; height: .55rem; border-radius: 50%;
  background: #6366f1; margin-right: .35rem; animation: cite-pulse 1s ease-in-out infinite; }
@keyframes cite-pulse { 50% { opacity: .25; } }
.banner { display: flex; gap: .65rem; align-items: flex-start; padding: .6rem .8rem;
  margin: 0 0 .7rem; border-radius: .6rem; border: 1px solid; font-size: .92em;
  line-height: 1.45; }
.banner ul { margin: .35rem 0 0 1.1rem; padding: 0; } .banner li { margin: .15rem 0; }
.banner-icon { flex: none; display: inline-grid; place-items: center; width: 1.4rem;
  height: 1.4rem;
  border-radius: 50%; font-weight: 800; font-size: .85rem; color: #fff; }
.banner-abstain { background: #fffbeb; border-color: #f59e0b; color: #78350f; }
.banner-abstain .banner-icon { background: #d97706; }
.banner-conflict { background: #fef2f2; border-color: #ef4444; color: #7f1d1d; }
.banner-conflict .banner-icon { background: #dc2626; }
.answer-msg.abstained .answer-body { color: var(--body-text-color-subdued); }
.chat-error { padding: .55rem .8rem; border-radius: .6rem; background: #fef2f2; color: #7f1d1d;
  border: 1px solid #fca5a5; }

/* sources */
.sources { display: flex; flex-direction: column; gap: .6rem; }
.sources-empty, .doc-empty { padding: 1.1rem 1rem; border: 1px dashed var(--border-color-primary);
  border-radius: .7rem; color: var(--body-text-color-subdued); font-size: .92rem;
  text-align: center; }
.sources-head { display: flex; justify-content: space-between; align-items: baseline; }
.sources-label { font-size: .75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .08em;
  color: var(--body-text-color-subdued); }
.sources-count { font-size: .8rem; color: var(--body-text-color-subdued); }
.sources-question { font-weight: 600; font-size: .98rem; }
.sources-searched { font-size: .82rem; color: var(--body-text-color-subdued);
  margin-top: -.35rem; }
.sources-none { padding: .8rem; border-radius: .6rem; background: #fffbeb; color: #78350f;
  border: 1px solid #fcd34d; font-size: .9rem; }
.sources-hint, .sources-build { font-size: .78rem; color: var(--body-text-color-subdued); }
.sources-build { font-family: var(--font-mono); }
.cite-list { display: flex; flex-direction: column; gap: .55rem; }
.cite-card { appearance: none; display: flex; flex-direction: column; gap: .35rem; width: 100%;
  text-align: left; font: inherit; color: var(--body-text-color); cursor: pointer;
  padding: .65rem .8rem .6rem; border-radius: .65rem;
  border: 1px solid var(--border-color-primary);
  border-left: 4px solid #6366f1; background: var(--block-background-fill);
  box-shadow: 0 1px 2px rgba(15, 23, 42, .05);
  transition: box-shadow .15s, border-color .15s, background .15s; }
.cite-card:hover { border-color: #a5b4fc; border-left-color: #4f46e5;
  box-shadow: 0 4px 14px rgba(79, 70, 229, .14); }
.cite-card:focus-visible { outline: 2px solid #6366f1; outline-offset: 2px; }
.cite-card.is-active { background: #eef2ff; border-color: #818cf8; border-left-color: #4338ca; }
.cite-card.is-disputed { border-left-color: #ef4444; }
.cite-head { display: flex; align-items: center; gap: .5rem; min-width: 0; }
.cite-n { flex: none; display: inline-grid; place-items: center; min-width: 1.55rem;
  height: 1.55rem;
  padding: 0 .3rem; border-radius: .45rem; background: #4f46e5; color: #fff; font-weight: 700;
  font-size: .82rem; }
.cite-title { flex: 1; min-width: 0; font-weight: 600; font-size: .92rem; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
.lang-tag { flex: none; font-size: .68rem; font-weight: 700; letter-spacing: .06em;
  padding: .08rem .38rem;
  border-radius: .3rem; background: #f1f5f9; color: #334155; border: 1px solid #cbd5e1; }
.lang-tag.lang-nl { background: #fff7ed; color: #9a3412; border-color: #fdba74; }
.disputed-tag { flex: none; font-size: .68rem; font-weight: 700; padding: .08rem .38rem;
  border-radius: .3rem; background: #fee2e2; color: #991b1b; border: 1px solid #fca5a5; }
.cite-quote { font-size: .88rem; line-height: 1.5; padding-left: .6rem;
  border-left: 2px solid #e2e8f0;
  color: var(--body-text-color); display: -webkit-box; -webkit-line-clamp: 4;
  -webkit-box-orient: vertical; overflow: hidden; }
.cite-quote::before { content: "\\201C"; } .cite-quote::after { content: "\\201D"; }
.cite-source { font-family: var(--font-mono); font-size: .72rem;
  color: var(--body-text-color-subdued);
  overflow-wrap: anywhere; }

/* document viewer */
.doc-view { display: flex; flex-direction: column; gap: .55rem; }
.doc-head { display: flex; gap: .6rem; align-items: flex-start; }
.doc-title { font-weight: 600; line-height: 1.35; }
.doc-title .lang-tag { margin-left: .35rem; vertical-align: .1rem; }
.doc-source { font-family: var(--font-mono); font-size: .75rem;
  color: var(--body-text-color-subdued);
  overflow-wrap: anywhere; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .9rem; line-height: 1.65;
  max-height: 46vh; overflow: auto; padding: .8rem 1rem; border-radius: .6rem;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); }
mark.cite-mark { background: #fde68a; color: inherit; padding: .05em .1em; border-radius: .2em;
  box-shadow: 0 0 0 2px rgba(245, 158, 11, .45); scroll-margin: 3rem; }
.doc-warning { padding: .5rem .7rem; border-radius: .5rem; background: #fef2f2; color: #7f1d1d;
  border: 1px solid #fca5a5; font-size: .85rem; }
.doc-note { font-size: .8rem; color: var(--body-text-color-subdued); }

/* index status */
.status-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
  gap: .5rem; margin: 0; }
.status-grid div { padding: .45rem .6rem; border-radius: .5rem;
  background: var(--background-fill-secondary); }
.status-grid dt { font-size: .7rem; text-transform: uppercase; letter-spacing: .06em;
  color: var(--body-text-color-subdued); }
.status-grid dd { margin: 0; font-weight: 600; font-size: .88rem; overflow-wrap: anywhere; }
.key-intro { font-size: .95rem; padding: .15rem .1rem; }
#key-box { padding: .9rem 1rem; border-radius: .75rem; border: 1px solid #c7d2fe;
  background: var(--block-background-fill); margin-bottom: .5rem; }
.status-problem, .key-error { padding: .55rem .75rem; border-radius: .5rem; background: #fef2f2;
  color: #7f1d1d; border: 1px solid #fca5a5; font-size: .88rem; }

/* dark mode */
.dark .cite-ref { background: #312e81; color: #e0e7ff; }
.dark .banner-abstain, .dark .sources-none { background: #451a03; color: #fde68a; }
.dark .banner-conflict, .dark .chat-error, .dark .doc-warning, .dark .status-problem,
.dark .key-error { background: #450a0a; color: #fecaca; }
.dark .cite-card.is-active { background: #1e1b4b; }
.dark .lang-tag { background: #1e293b; color: #cbd5e1; border-color: #475569; }
.dark .lang-tag.lang-nl { background: #431407; color: #fdba74; border-color: #9a3412; }
.dark mark.cite-mark { background: #a16207; color: #fff; }
"""


def make_theme() -> gr.themes.Base:
    # System fonts: nothing fetched from third parties (privacy), and they read well.
    return gr.themes.Soft(
        primary_hue="indigo",
        secondary_hue="slate",
        neutral_hue="slate",
        radius_size="md",
        font=["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    )


def build_ui(service: AssistantLike, settings: Settings) -> gr.Blocks:
    """The whole page. Theme and CSS are applied by `mount` (Gradio 6 takes them there)."""
    handlers = UiHandlers(service, settings)
    locked = handlers.api_key.configured
    with gr.Blocks(title=TITLE, analytics_enabled=False) as blocks:
        answers = gr.State([])
        unlocked = gr.State(False)
        is_admin = gr.State(False)
        header = gr.HTML(render_header(), elem_id="app-header")
        with gr.Column(visible=locked, elem_id="key-box") as key_box:
            gr.HTML(
                '<div class="key-intro"><strong>This assistant is private.</strong> '
                "Enter its access key to start asking questions.</div>"
            )
            with gr.Row(equal_height=True):
                key = gr.Textbox(
                    show_label=False,
                    type="password",
                    placeholder="Access key",
                    scale=4,
                    elem_id="access-key",
                )
                unlock = gr.Button(
                    "Unlock", variant="primary", scale=0, min_width=120, elem_id="unlock"
                )
            key_error = gr.HTML("")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    label="Conversation",
                    show_label=False,
                    height="62vh",
                    min_height=420,
                    latex_delimiters=[],  # `$` in sources is money, not maths
                    feedback_options=None,
                    buttons=[],  # its copy button would copy our HTML; selecting text works
                    placeholder=(
                        "**Ask a question about the documents.**\n\n"
                        "Answers cite their sources as [1], [2], … — click a source on the "
                        "right to check it."
                    ),
                )
                with gr.Row(equal_height=True):
                    message = gr.Textbox(
                        show_label=False,
                        placeholder=LOCKED_PLACEHOLDER if locked else QUESTION_PLACEHOLDER,
                        interactive=not locked,
                        scale=6,
                        lines=1,
                        max_lines=4,
                        autofocus=True,
                        elem_id="question",
                    )
                    ask = gr.Button(
                        "Ask",
                        variant="primary",
                        scale=0,
                        min_width=96,
                        interactive=not locked,
                        elem_id="ask",
                    )
                    clear = gr.Button("New chat", scale=0, min_width=110, elem_id="new-chat")
                # (the corpus's own `.examples.txt`: questions about these documents, which
                # a page locked by a key does not show)
                examples = [] if locked else load_examples(settings.corpus_dir)
                if examples:
                    gr.Examples(examples, inputs=[message], label="Try asking")
            with gr.Column(scale=2, min_width=340):
                sources = gr.HTML(
                    render_sources_placeholder(),
                    js_on_load=CARDS_JS,
                    elem_id="sources",
                    padding=False,
                )
                gr.HTML('<div class="panel-label">Document</div>', padding=False)
                viewer = gr.HTML(
                    render_viewer_placeholder(),
                    js_on_load=VIEWER_JS,
                    elem_id="doc-viewer",
                    padding=False,
                )
                with gr.Accordion("Index", open=False, elem_id="index-panel"):
                    status_panel = gr.HTML("", elem_id="status-panel")
                    refresh = gr.Button("Refresh status", size="sm")
                    build_admin_controls(handlers, settings, is_admin, status_panel, header)

        chat_outputs = [chatbot, sources, viewer, message, answers]
        gr.on(
            triggers=[message.submit, ask.click],
            fn=handlers.chat,
            inputs=[message, chatbot, answers, unlocked],
            outputs=chat_outputs,
            api_name="chat",
            show_progress="hidden",
            concurrency_limit=CHAT_CONCURRENCY,
        )
        chatbot.select(
            handlers.select_answer,
            inputs=[chatbot, answers],
            outputs=[sources, viewer],
            api_visibility="private",
        )
        sources.click(
            handlers.open_citation,
            inputs=[answers, unlocked],
            outputs=[viewer],
            api_visibility="private",
            show_progress="hidden",
            concurrency_limit=None,  # a dictionary lookup: never queue behind chats
        ).then(None, js=SCROLL_JS)
        clear.click(
            handlers.new_conversation,
            outputs=[chatbot, sources, viewer, answers],
            api_visibility="private",
        )
        chatbot.clear(  # the chat's own trash button
            handlers.new_conversation,
            outputs=[chatbot, sources, viewer, answers],
            api_visibility="private",
        )
        gr.on(
            triggers=[unlock.click, key.submit],
            fn=handlers.unlock,
            inputs=[key],
            outputs=[unlocked, key_box, key_error, status_panel, header, message, ask],
            api_name="unlock",
        )
        gr.on(
            triggers=[blocks.load, refresh.click],
            fn=handlers.show_status,
            inputs=[unlocked],
            outputs=[status_panel, header],
            api_visibility="private",
        )
    return blocks


def build_admin_controls(
    handlers: UiHandlers,
    settings: Settings,
    is_admin: gr.State,
    status_panel: gr.HTML,
    header: gr.HTML,
) -> None:
    """Admin token box + rebuild button (hidden until the token is accepted)."""
    if not settings.admin_token:
        gr.Markdown(
            "Rebuilding from the browser is off: set `ASSISTANT_ADMIN_TOKEN` to enable it.",
            elem_classes=["admin-off"],
        )
        return
    with gr.Row(equal_height=True):
        token = gr.Textbox(
            show_label=False,
            placeholder="Admin token",
            type="password",
            scale=3,
            elem_id="admin-token",
        )
        sign_in = gr.Button("Sign in", scale=1, min_width=90)
    rebuild = gr.Button("Rebuild index", variant="stop", visible=False, elem_id="rebuild")
    admin_message = gr.Markdown("")
    gr.on(
        triggers=[sign_in.click, token.submit],
        fn=handlers.admin_sign_in,
        inputs=[token],
        outputs=[is_admin, rebuild, admin_message],
        api_visibility="private",
    )
    rebuild.click(
        handlers.rebuild,
        inputs=[token, is_admin],
        outputs=[admin_message, status_panel, header],
        api_visibility="private",
        concurrency_limit=1,
    )


def mount(app: FastAPI, service: AssistantLike, settings: Settings) -> None:
    """`assistant.ui` entry point: serve the UI at `/` (after the API routes, which win).

    No `allowed_paths`: the UI serves no files; document text only comes from the service.
    """
    blocks = build_ui(service, settings)
    gr.mount_gradio_app(
        app,
        blocks,
        path="/",
        theme=make_theme(),
        css=CSS,
        ssr_mode=False,  # no Node.js side server
        run_history=False,  # questions are not kept in the browser's storage
        footer_links=["api", "settings"],
    )
