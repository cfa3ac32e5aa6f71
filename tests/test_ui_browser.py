"""The web UI in a real browser: uvicorn on loopback, headless Debian Chromium via Playwright.

The server mounts the UI on a bare FastAPI app with the fake service of `test_ui`, so these
tests do not depend on an index.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from index.settings import Settings
from tests.test_ui import KIROV_QUOTE, TERREUR_QUOTE, FakeService

pytestmark = [
    pytest.mark.slow,
    # gradio's queue trips pandas 3 deprecations; not ours to fix
    pytest.mark.filterwarnings("ignore:'future.no_silent_downcasting' is deprecated"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

CHROMIUM = "/usr/bin/chromium"
STEP_MS = 30_000

if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """uvicorn in a thread, serving a FastAPI app with the UI mounted at `/`."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn
        from fastapi import FastAPI

        from ui.app import mount

        self.service = FakeService()
        app = FastAPI()
        mount(app, self.service, settings)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the UI server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from ui.screenshot import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with Server(Settings()) as running:
        yield running


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1366, "height": 860})
    page.set_default_timeout(STEP_MS)
    page.goto(server.url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for()
    yield page
    page.close()


def ask(page: Any, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator("#sources .sources-question", has_text=question).wait_for()


def test_ask_open_citation_and_follow_up(page: Any, server: Server) -> None:
    from playwright.sync_api import expect

    ask(page, "Who was Sergei Kirov?")
    cards = page.locator("#sources .cite-card")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Assassination of Sergei Kirov")
    expect(cards.first).to_contain_text("EN")
    expect(cards.first).to_contain_text(KIROV_QUOTE)
    expect(page.locator("#chat .cite-ref").first).to_have_text("[1]")

    cards.first.click()
    mark = page.locator("#doc-viewer mark.cite-mark")
    expect(mark).to_have_text(KIROV_QUOTE)
    expect(mark).to_be_in_viewport()  # scrolled to, deep inside a long document
    expect(cards.first).to_have_class("cite-card is-active")

    ask(page, "And when did the Great Terror happen?")
    question, history = server.service.calls[-1]
    assert question == "And when did the Great Terror happen?"
    assert [turn["role"] for turn in history] == ["user", "assistant"]
    assert history[0]["content"] == "Who was Sergei Kirov?"
    assert "[1]" in history[1]["content"] and "<" not in history[1]["content"]
    expect(page.locator("#chat").get_by_text("(Dutch source)")).to_be_visible()
    expect(page.locator("#sources .sources-searched")).to_contain_text("Great Terror")

    card = page.locator("#sources .cite-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("NL")
    card.click()
    expect(page.locator("#doc-viewer mark.cite-mark")).to_have_text(TERREUR_QUOTE)


def test_abstention_and_conflict_banners_stand_out(page: Any) -> None:
    from playwright.sync_api import expect

    ask(page, "What was the weather in Leningrad?")
    abstain = page.locator("#chat .banner-abstain")
    expect(abstain).to_be_visible()
    expect(abstain).to_contain_text("Not in the documents")
    expect(page.locator("#sources .cite-card")).to_have_count(0)

    ask(page, "How many people were arrested during Stalin's purges?")
    conflict = page.locator("#chat .banner-conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Sources disagree")
    expect(conflict).to_contain_text("The number of people arrested differs.")
    expect(page.locator("#sources .cite-card.is-disputed")).to_have_count(2)

    # Clicking the earlier answer brings its (empty) sources back.
    page.locator("#chat .banner-abstain").click()
    expect(page.locator("#sources .sources-question")).to_have_text(
        "What was the weather in Leningrad?"
    )


def test_examples_fill_the_question_box(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_text("Wat was de bijnaam van Stalin ten tijde van de Revolutie?").click()
    expect(page.locator("#question textarea")).to_have_value(
        "Wat was de bijnaam van Stalin ten tijde van de Revolutie?"
    )


def test_access_key_is_asked_first(browser: Any) -> None:
    from gradio_client import Client
    from playwright.sync_api import expect

    with Server(Settings(api_key="s3cret", admin_token="adm1n")) as server:
        page = browser.new_page(viewport={"width": 1366, "height": 860})
        page.set_default_timeout(STEP_MS)
        page.goto(server.url, wait_until="domcontentloaded")
        box = page.locator("#question textarea")
        expect(box).to_be_disabled()
        expect(box).to_have_attribute("placeholder", re.compile("access key"))
        expect(page.get_by_text("This assistant is private.")).to_be_visible()

        # The server refuses too, whatever the page shows.
        with pytest.raises(Exception, match="access key"):
            Client(server.url, verbose=False).predict("Who was Sergei Kirov?", [], api_name="/chat")
        assert server.service.calls == []
        keyed = Client(server.url, verbose=False, headers={"Authorization": "Bearer s3cret"})
        assert "[1]" in str(keyed.predict("Who was Sergei Kirov?", [], api_name="/chat")[0])

        page.locator("#access-key input").fill("wrong")
        page.locator("#unlock").click()
        expect(page.get_by_text("That key is not valid.")).to_be_visible()
        expect(box).to_be_disabled()
        page.locator("#access-key input").fill("s3cret")
        page.locator("#access-key input").press("Enter")
        expect(page.locator("#access-key")).to_be_hidden()
        expect(box).to_be_enabled()
        ask(page, "Who was Sergei Kirov?")
        expect(page.locator("#sources .cite-card")).to_have_count(2)

        # Rebuild: hidden until the admin token is accepted.
        page.locator("#index-panel").get_by_text("Index").first.click()
        expect(page.locator("#status-panel")).to_contain_text("fake:64")
        expect(page.locator("#rebuild")).to_be_hidden()
        page.locator("#admin-token input").fill("adm1n")
        page.locator("#admin-token input").press("Enter")
        page.locator("#rebuild").click()
        expect(page.get_by_text("Index rebuilt")).to_be_visible()
        assert server.service.rebuilds == 1
        page.close()


def test_gradio_client_can_chat(server: Server) -> None:
    from gradio_client import Client

    client = Client(server.url, verbose=False)
    first = client.predict("Who was Sergei Kirov?", [], api_name="/chat")
    chat = first[0]
    assert chat[-1]["role"] == "assistant" and "[1]" in str(chat[-1]["content"])
    second = client.predict("And when did the Great Terror happen?", chat, api_name="/chat")
    assert "1936" in str(second[0][-1]["content"])
    assert len(server.service.calls[-1][1]) == 2  # the follow-up carried the history
