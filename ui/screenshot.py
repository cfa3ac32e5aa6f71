"""Screenshot of the UI in use: ask a question, open a citation, save the page.

    python -m ui.screenshot --url http://127.0.0.1:7860/ --out docs/screenshot.png

Drives headless Chromium (the Debian `chromium` package) with Playwright.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_QUESTIONS = [
    "Who was Sergei Kirov?",
    "How many people were arrested during Stalin's purges?",
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    parser.add_argument(
        "--question",
        action="append",
        help="A question to ask; repeat for a conversation (default: two sample questions).",
    )
    parser.add_argument("--key", default=None, help="Access key, when the UI asks for one.")
    parser.add_argument("--card", type=int, default=1, help="Which citation card to open.")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--timeout", type=float, default=120.0, help="Seconds per step.")
    return parser.parse_args(argv)


def ask(page: Any, question: str, timeout_ms: float) -> None:
    """Type a question, send it, and wait until its answer and cards are shown."""
    answers_before = page.locator("#sources .sources-question").count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator("#sources .sources-question", has_text=question).wait_for(timeout=timeout_ms)
    if answers_before:  # the panel re-renders per answer; wait for the new one only
        page.wait_for_timeout(200)


def unlock(page: Any, key: str, timeout_ms: float) -> None:
    page.locator("#access-key input").fill(key)
    page.locator("#unlock").click()
    page.locator("#access-key").wait_for(state="hidden", timeout=timeout_ms)


def open_card(page: Any, n: int, timeout_ms: float) -> None:
    page.locator(f'#sources .cite-card[data-n="{n}"]').first.click()
    page.locator("#doc-viewer mark.cite-mark").wait_for(timeout=timeout_ms)
    page.wait_for_timeout(800)  # let the smooth scroll settle


def take_screenshot(args: argparse.Namespace) -> Path:
    from playwright.sync_api import sync_playwright

    timeout_ms = args.timeout * 1000
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(args.url, wait_until="domcontentloaded", timeout=timeout_ms)
            page.locator("#question textarea").wait_for(timeout=timeout_ms)
            if args.key:
                unlock(page, args.key, timeout_ms)
            for question in args.question or DEFAULT_QUESTIONS:
                ask(page, question, timeout_ms)
            open_card(page, args.card, timeout_ms)
            page.evaluate("window.scrollTo(0, 0)")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
        finally:
            browser.close()
    return args.out


def main(argv: list[str] | None = None) -> int:
    out = take_screenshot(parse_args(argv))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
