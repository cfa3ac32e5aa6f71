"""The web UI without a browser: pure rendering helpers, handlers and `build_ui` on a fake."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.errors import Busy, IndexUnavailable
from assistant.types import Answer, Citation, Conflict
from index.settings import Settings

# -- a fake service with canned answers (also used by test_ui_browser.py) -----------------------

FILLER = (
    "The archive holds many reports of meetings, decrees and letters from these years. "
    "Historians still debate how much was planned in advance and how much was improvised. "
)
DOCUMENTS: dict[str, dict[str, str]] = {
    "kirov": {
        "id": "kirov",
        "source": "corpus/000_kirov.txt",
        "title": "Assassination of Sergei Kirov Sparks Repression",
        "language": "en",
        "text": (
            "Assassination of Sergei Kirov Sparks Repression\n\n"
            + FILLER * 12
            + "\n\nSergei Kirov, the leader of the Leningrad chapter of the Communist Party, "
            "was assassinated on December 1, 1934, in Leningrad. "
            "His murder became a catalyst for the Great Purge.\n\n" + FILLER * 8
        ),
    },
    "terreur": {
        "id": "terreur",
        "source": "corpus/002_terreur.txt",
        "title": "Stalin en de Grote Terreur",
        "language": "nl",
        "text": (
            "Stalin en de Grote Terreur\n\n"
            "Tijdens de Grote Terreur, die de Sovjet-Unie tussen 1936 en 1938 teisterde, "
            "verdwenen honderdduizenden burgers in werkkampen.\n\n"
            "Rond 1,5 miljoen mensen werden gearresteerd.\n\n"
            + "Het archief bevat veel verslagen van vergaderingen en brieven. "
            * 10
        ),
    },
    "purges": {
        "id": "purges",
        "source": "corpus/001_purges.txt",
        "title": 'Stalin\'s Purges <1936–1938> & "show trials"',
        "language": "en",
        "text": (
            "Stalin's Purges\n\n"
            + FILLER * 4
            + "Estimates say that about 680,000 people were executed and that more than "
            "three million people were arrested.\n\n" + FILLER * 4
        ),
    },
}


def cite(n: int, doc_id: str, quote: str, score: float = 0.8) -> Citation:
    doc = DOCUMENTS[doc_id]
    start = doc["text"].index(quote)
    return Citation(
        n=n,
        document_id=doc_id,
        source=doc["source"],
        title=doc["title"],
        language=doc["language"],
        start=start,
        end=start + len(quote),
        quote=quote,
        passage=quote,
        score=score,
    )


def make_answer(
    question: str,
    text: str,
    citations: tuple[Citation, ...] = (),
    *,
    abstained: bool = False,
    conflicts: tuple[Conflict, ...] = (),
    resolved: str | None = None,
) -> Answer:
    return Answer(
        question=question,
        answer=text,
        abstained=abstained,
        citations=citations,
        passages=(),
        conflicts=conflicts,
        language="en",
        index_build="build-test-1",
        timings_ms={"total": 12.0},
        resolved_question=resolved,
    )


KIROV_QUOTE = "was assassinated on December 1, 1934, in Leningrad"
TERREUR_QUOTE = "tussen 1936 en 1938 teisterde"


def canned_answer(question: str, history: list[dict[str, str]]) -> Answer:
    """A plausible answer for the handful of questions the tests and the screenshot ask."""
    q = question.lower()
    if "kirov" in q:
        return make_answer(
            question,
            "Sergei Kirov led the Communist Party in Leningrad and was assassinated on "
            "December 1, 1934 [1]. His murder became a catalyst for the Great Purge [2].",
            (
                cite(1, "kirov", KIROV_QUOTE),
                cite(2, "kirov", "His murder became a catalyst for the Great Purge"),
            ),
        )
    if "terror" in q or "terreur" in q or ("when" in q and history):
        return make_answer(
            question,
            "The Great Terror took place between 1936 and 1938 [1] (Dutch source).",
            (cite(1, "terreur", TERREUR_QUOTE),),
            resolved="In which years did the Great Terror take place?" if history else None,
        )
    if "arrested" in q:
        return make_answer(
            question,
            "The sources give different figures: about 1.5 million arrests [1] (Dutch source), "
            "or more than three million [2].",
            (
                cite(1, "terreur", "Rond 1,5 miljoen mensen werden gearresteerd."),
                cite(2, "purges", "more than three million people were arrested"),
            ),
            conflicts=(Conflict("The number of people arrested differs.", (1, 2)),),
        )
    return make_answer(
        question,
        "The documents don't say. None of the indexed sources answers this question.",
        abstained=True,
    )


class FakeService:
    """Looks like `AssistantService` to the UI; records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[dict[str, str]]]] = []
        self.rebuilds = 0
        self.fail_with: Exception | None = None
        self.rebuild_error: Exception | None = None

    def stream(
        self, question: str, history: Any = None, top_k: int | None = None
    ) -> Iterator[str | Answer]:
        self.calls.append((question, list(history or [])))
        if self.fail_with is not None:
            raise self.fail_with
        answer = canned_answer(question, list(history or []))
        words = answer.answer.split(" ")
        for i in range(0, len(words), 3):
            yield " ".join(words[i : i + 3]) + " "
        yield answer

    def ask(self, question: str, history: Any = None, top_k: int | None = None) -> Answer:
        return canned_answer(question, list(history or []))

    def status(self) -> dict[str, Any]:
        return {
            "documents": len(DOCUMENTS),
            "chunks": 42,
            "embedder": "fake:64",
            "build_id": "build-test-1",
            "built_at": "2025-01-01T12:00:00Z",
        }

    def sources(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in d.items() if k != "text"} for d in DOCUMENTS.values()]

    def document(self, doc_id: str) -> dict[str, Any]:
        return dict(DOCUMENTS[doc_id])

    def rebuild(self) -> dict[str, Any]:
        if self.rebuild_error is not None:
            raise self.rebuild_error
        self.rebuilds += 1
        return {"build_id": f"build-test-{self.rebuilds + 1}"}

    def ready(self) -> bool:
        return True


# -- rendering ---------------------------------------------------------------------------------


def test_card_escapes_quotes_and_html() -> None:
    from ui.app import render_citation_card

    nasty = Citation(
        n=3,
        document_id="x",
        source='docs/"a"&<b>.txt',
        title='<script>alert("t")</script>',
        language="nl",
        start=0,
        end=10,
        quote='He said "<img src=x onerror=alert(1)>" & left',
        passage="",
        score=0.5,
        page=7,
    )
    card = render_citation_card(nasty, turn=2)
    assert "<script>" not in card and "<img" not in card and "<b>" not in card
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in card
    assert "He said &quot;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; left" in card
    assert 'data-turn="2"' in card and 'data-n="3"' in card
    assert ">NL</span>" in card and "p. 7" in card
    assert '<span class="cite-n">3</span>' in card


def test_language_tag() -> None:
    from ui.app import render_language_tag

    assert ">EN<" in render_language_tag("en")
    assert "lang-nl" in render_language_tag("nl")
    assert ">?<" in render_language_tag('"><x')  # not a code: no class injection either
    assert "<x" not in render_language_tag('"><x')


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("abc <def> & ghi", 4, 9), ("x" * 5, 0, 5), ("héllo wörld", 6, 11), ("ab", 1, 1)],
)
def test_highlight_wraps_exactly_the_span(text: str, start: int, end: int) -> None:
    from ui.app import highlight_span

    rendered = highlight_span(text, start, end, mark_id="m1")
    match = re.fullmatch(r'(.*)<mark class="cite-mark" id="m1">(.*)</mark>(.*)', rendered, re.S)
    assert match is not None
    before, inside, after = (html.unescape(g) for g in match.groups())
    assert (before, inside, after) == (text[:start], text[start:end], text[end:])


def test_document_viewer_marks_the_citation() -> None:
    from ui.app import render_document

    citation = cite(1, "purges", "more than three million people were arrested")
    doc = DOCUMENTS["purges"]
    rendered = render_document(doc, citation)
    assert '<mark class="cite-mark" id="cite-mark-1">' + citation.quote + "</mark>" in rendered
    assert "&lt;1936–1938&gt; &amp; &quot;show trials&quot;" in rendered  # title escaped
    assert "doc-warning" not in rendered
    changed = dict(doc, text="short text")
    assert "doc-warning" in render_document(changed, citation)  # never silently off


def test_long_documents_are_windowed_around_the_span() -> None:
    from ui.app import VIEWER_MAX_CHARS, clip_window, render_document

    text = "a" * VIEWER_MAX_CHARS + "THE QUOTE" + "b" * VIEWER_MAX_CHARS
    window, start, end, clipped = clip_window(text, VIEWER_MAX_CHARS, VIEWER_MAX_CHARS + 9, 1000)
    assert clipped and window[start:end] == "THE QUOTE" and len(window) <= 1000
    citation = Citation(
        1, "d", "s", "t", "en", VIEWER_MAX_CHARS, VIEWER_MAX_CHARS + 9, "THE QUOTE", "", 1.0
    )
    rendered = render_document({"text": text}, citation)
    assert ">THE QUOTE</mark>" in rendered and "doc-note" in rendered


def test_abstention_and_conflict_banners() -> None:
    from ui.app import render_answer_message, render_banners, render_sources

    abstained = canned_answer("What is the weather?", [])
    assert "banner-abstain" in render_banners(abstained)
    assert "Not in the documents" in render_answer_message(abstained)
    assert "banner-conflict" not in render_banners(abstained)
    assert "No passage is cited" in render_sources(abstained, 0)

    disputed = canned_answer("How many people were arrested?", [])
    banners = render_banners(disputed)
    assert "banner-conflict" in banners and "Sources disagree" in banners
    assert "The number of people arrested differs." in banners
    assert '<span class="cite-ref">[1]</span> <span class="cite-ref">[2]</span>' in banners
    assert "banner-abstain" not in banners
    assert render_sources(disputed, 0).count("is-disputed") == 2

    plain = canned_answer("Who was Sergei Kirov?", [])
    assert render_banners(plain) == ""


def test_answer_text_is_escaped_one_html_block_with_citation_chips() -> None:
    from ui.app import render_answer_message

    answer = make_answer("q", "Costs were $5 *a* <b>day</b> [1].\n\nSecond [2, 3] (Dutch source).")
    rendered = render_answer_message(answer)
    assert "\n" not in rendered  # one raw HTML block: Markdown leaves it alone
    assert "&lt;b&gt;day&lt;/b&gt;" in rendered and "<b>" not in rendered
    assert '<span class="cite-ref">[1]</span>' in rendered
    assert '<span class="cite-ref">[2, 3]</span>' in rendered
    assert "</p><p>Second" in rendered and "(Dutch source)" in rendered


def test_sources_panel_lists_cards_in_order() -> None:
    from ui.app import render_sources

    answer = canned_answer("Who was Sergei Kirov?", [])
    panel = render_sources(answer, 4)
    assert panel.count('class="cite-card"') == 2
    assert panel.index('data-n="1"') < panel.index('data-n="2"')
    assert 'data-turn="4"' in panel and "2 cited" in panel and "build-test-1" in panel


def test_history_round_trip_gives_the_service_plain_text() -> None:
    from ui.app import (
        history_for_service,
        normalize_history,
        render_answer_message,
        render_error_message,
        render_user_message,
    )

    answer = canned_answer("How many people were arrested?", [])
    chatbot_value: list[dict[str, Any]] = [  # Gradio 6 sends content as a list of parts
        {"role": "user", "content": [{"type": "text", "text": render_user_message("a < b?")}]},
        {"role": "assistant", "content": [{"type": "text", "text": "oops"}]},
        {"role": "user", "content": "How many people were arrested?"},
        {"role": "assistant", "content": render_answer_message(answer)},
        {"role": "user", "content": "broken"},
        {"role": "assistant", "content": render_error_message("Index unavailable")},
    ]
    turns = history_for_service(normalize_history(chatbot_value))
    assert turns[0] == {"role": "user", "content": "a < b?"}
    assert turns[2] == {"role": "user", "content": "How many people were arrested?"}
    assert turns[3] == {"role": "assistant", "content": answer.answer}  # no banner text
    assert len(turns) == 4  # the failed turn is left out


def test_status_rendering() -> None:
    from ui.app import render_status, render_status_line

    status = FakeService().status()
    panel = render_status(status)
    for value in ("3", "42", "fake:64", "build-test-1", "2025-01-01T12:00:00Z"):
        assert f"<dd>{value}</dd>" in panel
    assert "3 documents" in render_status_line(status)


# -- handlers ----------------------------------------------------------------------------------


def handlers(**settings: Any) -> tuple[Any, FakeService]:
    from ui.app import UiHandlers

    service = FakeService()
    return UiHandlers(service, Settings(**settings)), service


def run_chat(h: Any, message: str, history: Any, answers: Any, unlocked: bool = False) -> Any:
    updates = list(h.chat(message, history, answers, unlocked, None))
    assert len(updates) >= 2
    return updates[-1]


def test_chat_streams_then_shows_cards_and_passes_history() -> None:
    h, service = handlers()
    updates = list(h.chat("Who was Sergei Kirov?", [], [], False, None))
    assert "Searching the documents" in updates[0][0][-1]["content"]
    assert any("streaming" in u[0][-1]["content"] for u in updates[1:-1])
    chat, sources, _viewer, box, answers = updates[-1]
    assert box == "" and len(answers) == 1 and answers[0].citations
    assert 'class="cite-card"' in sources
    assert '<span class="cite-ref">[1]</span>' in chat[-1]["content"]

    chat2 = run_chat(h, "And when was the Great Terror?", chat, answers)[0]
    question, history = service.calls[-1]
    assert question == "And when was the Great Terror?"
    assert [t["role"] for t in history] == ["user", "assistant"]
    assert history[0]["content"] == "Who was Sergei Kirov?"
    assert history[1]["content"].startswith("Sergei Kirov led the Communist Party")
    assert "(Dutch source)" in chat2[-1]["content"]


def test_open_citation_uses_the_sessions_answer() -> None:
    h, _ = handlers()
    _, _, _, _, answers = run_chat(h, "Who was Sergei Kirov?", [], [])
    viewer = h.open_citation(answers, False, SimpleNamespace(_data={"turn": 0, "n": 1}), None)
    assert f'<mark class="cite-mark" id="cite-mark-1">{KIROV_QUOTE}</mark>' in viewer
    for bad in ({"turn": 5, "n": 1}, {"turn": 0, "n": 9}, {"n": "x"}, None):
        viewer = h.open_citation(answers, False, SimpleNamespace(_data=bad), None)
        assert "cite-mark" not in viewer


def test_service_errors_become_a_visible_message() -> None:
    h, service = handlers()
    service.fail_with = IndexUnavailable("no index yet")
    chat, _, _, _, answers = run_chat(h, "Who was Sergei Kirov?", [], [])
    assert "chat-error" in chat[-1]["content"] and "no index yet" in chat[-1]["content"]
    assert answers == [None]
    service.fail_with = RuntimeError("a bug")
    chat = run_chat(h, "Who was Sergei Kirov?", [], [])[0]
    assert "chat-error" in chat[-1]["content"] and "Something went wrong" in chat[-1]["content"]


def test_api_key_gate() -> None:
    import gradio as gr

    h, service = handlers(api_key="s3cret")
    with pytest.raises(gr.Error, match="access key"):
        list(h.chat("Who was Sergei Kirov?", [], [], False, None))
    assert service.calls == []
    assert h.unlock("wrong")[0] is False
    ok, _, _, panel, *_ = h.unlock("s3cret")
    assert ok is True and "fake:64" in panel
    assert run_chat(h, "Who was Sergei Kirov?", [], [], unlocked=True)[4][0] is not None
    header = SimpleNamespace(headers={"authorization": "Bearer s3cret"})
    assert h.has_access(False, header) and not h.has_access(False, None)
    assert "Locked" in h.show_status(False, None)[0]


def test_rebuild_needs_the_admin_token() -> None:
    h, service = handlers(admin_token="adm1n")
    assert h.admin_sign_in("nope")[0] is False
    assert h.admin_sign_in("adm1n")[0] is True
    assert "valid admin token" in h.rebuild("nope", True)[0]
    assert "valid admin token" in h.rebuild("adm1n", False)[0]
    assert service.rebuilds == 0
    message, panel, _ = h.rebuild("adm1n", True)
    assert service.rebuilds == 1 and "Index rebuilt" in message and "fake:64" in panel
    service.rebuild_error = Busy("running")
    assert "already running" in h.rebuild("adm1n", True)[0]

    h_off, service_off = handlers()
    assert h_off.admin_sign_in("")[0] is False and h_off.rebuild("", True)[0]
    assert service_off.rebuilds == 0


def test_select_answer_maps_messages_to_answers() -> None:
    h, _ = handlers()
    chat, _, _, _, answers = run_chat(h, "Who was Sergei Kirov?", [], [])
    chat, _, _, _, answers = run_chat(h, "How many people were arrested?", chat, answers)
    first = h.select_answer(chat, answers, SimpleNamespace(index=1))[0]
    assert "Sergei Kirov" in first and 'data-turn="0"' in first
    from_question = h.select_answer(chat, answers, SimpleNamespace(index=2))[0]
    assert 'data-turn="1"' in from_question


# -- the Blocks --------------------------------------------------------------------------------


def test_build_ui_exposes_chat_api_and_serves_no_files() -> None:
    from fastapi import FastAPI
    from starlette.routing import Mount

    from ui.app import build_ui, mount

    blocks = build_ui(FakeService(), Settings(admin_token="t", api_key="k"))
    names = {fn.api_name for fn in blocks.fns.values() if fn.api_visibility == "public"}
    assert {"chat", "unlock"} <= names
    app = FastAPI()
    mount(app, FakeService(), Settings())
    mounted = app.routes[-1]
    assert isinstance(mounted, Mount) and mounted.path == ""  # i.e. mounted at "/"
    gradio_blocks = mounted.app.get_blocks()  # type: ignore[attr-defined]
    assert gradio_blocks.allowed_paths == []
    assert gradio_blocks.run_history is False  # questions are not kept in the browser


def test_ui_package_does_not_import_gradio() -> None:
    import subprocess
    import sys

    code = "import sys, ui; assert 'gradio' not in sys.modules"
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_examples_come_from_the_corpus_and_are_none_without_its_file(tmp_path: Path) -> None:
    import gradio as gr

    from ui.app import build_ui

    def shown(corpus: Path) -> list[list[list[str]]]:
        blocks = build_ui(FakeService(), Settings(corpus_dir=corpus))
        return [c.samples for c in blocks.blocks.values() if isinstance(c, gr.Dataset)]

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert shown(corpus) == []  # no questions about some other collection
    (corpus / ".examples.txt").write_text("# about the mill\nWho built the mill?\n\n"
                                          "Wie bouwde de molen?\n", encoding="utf-8")
    assert shown(corpus) == [[["Who built the mill?"], ["Wie bouwde de molen?"]]]
    # A page locked by a key does not tell what the documents are about.
    locked = build_ui(FakeService(), Settings(corpus_dir=corpus, api_key="k"))
    assert not [c for c in locked.blocks.values() if isinstance(c, gr.Dataset)]
