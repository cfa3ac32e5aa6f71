"""`assistant ask | eval | index | serve`: the product's command line.

Settings are built here. Errors of both layers become exit codes in `main`, in one place.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from assistant.errors import AssistantError
from index.cli import COMMAND, add_index_commands
from index.cli import run as run_index
from index.errors import IndexingError

if TYPE_CHECKING:
    from assistant.core import Assistant
    from assistant.types import Answer
    from index.settings import Settings

EXIT_CODES = {"invalid_question": 10, "invalid_history": 11, "index_unavailable": 12,
              "not_found": 13, "busy": 14}
GATES = ("answer", "recall@5", "cited", "abstention", "conflict", "offsets")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Ask questions about a folder of documents and get answers that cite the "
                    "exact passages. Settings come from ASSISTANT_* environment variables.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", help="Answer a question, or a JSONL file of them.")
    ask.add_argument("question", nargs="?", help="The question (omit with --jsonl).")
    ask.add_argument("--jsonl", metavar="FILE",
                     help="Read {question, history?} objects, one a line ('-' for stdin); "
                          "write one answer JSON a line, in order.")
    ask.add_argument("--json", action="store_true", help="Print the answer as JSON.")
    ask.add_argument("--top-k", type=int, metavar="N", help="Passages to return (1-50).")
    ask.add_argument("--data-dir", type=Path, metavar="DIR", help="Where the index is.")

    evaluate = commands.add_parser("eval", help="Score the assistant on a question file.")
    evaluate.add_argument("questions", type=Path, metavar="QA.jsonl")
    evaluate.add_argument("--json", action="store_true", help="Print rates as JSON.")
    evaluate.add_argument("--data-dir", type=Path, metavar="DIR", help="Where the index is.")
    evaluate.add_argument("--show-failures", action="store_true",
                          help="List each question that failed a check.")
    for gate in GATES:
        evaluate.add_argument(f"--min-{gate.replace('@', '-at-')}", type=float, metavar="RATE",
                              dest=f"min_{gate.replace('@', '_at_')}",
                              help=f"Exit 1 if the overall {gate} rate is below RATE.")

    index = commands.add_parser("index", help="Build or inspect the index.")
    add_index_commands(index.add_subparsers(dest=COMMAND, required=True, metavar="COMMAND"))

    serve = commands.add_parser(
        "serve", help="Run the web app and the API (builds the index first if there is none).")
    serve.add_argument("--host", help="Interface to bind (default 127.0.0.1).")
    serve.add_argument("--port", type=int, help="Port (default 7860).")
    serve.add_argument("--no-build", action="store_true",
                       help="Do not build a missing index before serving.")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "index":
        return run_index(args)
    try:
        settings = _settings(args)
        if args.command == "ask":
            return _ask(settings, args)
        if args.command == "eval":
            return _eval(settings, args)
        return _serve(settings, args)
    except AssistantError as exc:
        return _fail(exc.code, str(exc), EXIT_CODES.get(exc.code, 1), args)
    except IndexingError as exc:
        return _fail("index_unavailable", str(exc), exc.exit_code, args)
    except OSError as exc:  # a question file that is missing or unreadable
        where = f" {exc.filename}" if exc.filename else ""
        return _fail("io_error", f"Cannot read{where}: {exc.strerror or exc}.", 2, args)


def _fail(code: str, message: str, exit_code: int, args: argparse.Namespace) -> int:
    print(f"error: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": {"code": code, "message": message}}))
    return exit_code


def _settings(args: argparse.Namespace) -> Settings:
    from pydantic import ValidationError

    from assistant.errors import InvalidQuestion
    from index.settings import Settings

    overrides: dict[str, Any] = {}
    for option, field in (("data_dir", "data_dir"), ("host", "host"), ("port", "port")):
        if getattr(args, option, None) is not None:
            overrides[field] = getattr(args, option)
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise InvalidQuestion(f"Invalid settings: {exc}") from exc


def _assistant(settings: Settings) -> Assistant:
    from assistant.core import Assistant

    return Assistant.from_settings(settings)


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.errors import InvalidQuestion

    if args.jsonl is None and not args.question:
        raise InvalidQuestion("Give a question, e.g. assistant ask \"Who was ...?\", "
                              "or --jsonl FILE.")
    assistant = _assistant(settings)
    if args.jsonl is None:
        answer = assistant.ask(args.question, top_k=args.top_k)
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) if args.json
              else render(answer))
        return 0
    failures = 0
    with contextlib.ExitStack() as stack:
        stream = sys.stdin if args.jsonl == "-" else stack.enter_context(
            Path(args.jsonl).open(encoding="utf-8"))
        for number, row in _requests(stream):
            try:
                answer = assistant.ask(row.get("question", ""), row.get("history"),
                                       top_k=row.get("top_k", args.top_k))
                print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
            except AssistantError as exc:
                failures += 1
                print(json.dumps({"line": number, "error": {"code": exc.code,
                                                             "message": str(exc)}}), flush=True)
    return 1 if failures else 0


def _requests(stream: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-empty line as an object; a malformed line becomes an empty request, so its
    answer is an error line in the same place and the order is kept."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            row = {"question": ""}
        yield number, row if isinstance(row, dict) else {"question": ""}


def render(answer: Answer) -> str:
    lines = [answer.answer, ""]
    for citation in answer.citations:
        page = f", page {citation.page}" if citation.page else ""
        lines.append(f"[{citation.n}] {citation.title} ({citation.source}{page}, "
                     f"chars {citation.start}-{citation.end}, {citation.language})")
    if answer.abstained and answer.passages:
        lines.append("Related reading:")
        lines.extend(f"  - {p.title} ({p.source}, chars {p.start}-{p.end})"
                     for p in answer.passages)
    return "\n".join(lines).rstrip()


def _eval(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.evaluation import evaluate, load_questions

    assistant = _assistant(settings)
    rows = load_questions(args.questions)

    def text_of(doc_id: str) -> str:
        document = assistant.build.document(doc_id)
        return document.text if document else ""

    report = evaluate(rows, lambda q, h: assistant.ask(q, h), text_of)
    rates = report.rates()
    if args.json:
        print(json.dumps({"rates": rates, "failures": [o.__dict__ for o in report.failures()]},
                         ensure_ascii=False))
    else:
        print(report.table())
        if args.show_failures:
            for outcome in report.failures():
                failed = ", ".join(k for k, v in outcome.checks.items() if not v)
                print(f"\n{outcome.id} ({outcome.type}) failed {failed}:\n  {outcome.answer}")
    below = [f"{gate} {rates['all'].get(gate, 1.0):.2f} < {minimum}"
             for gate in GATES
             if (minimum := getattr(args, f"min_{gate.replace('@', '_at_')}")) is not None
             and rates.get("all", {}).get(gate, 1.0) < minimum]
    if below:
        print("below threshold: " + "; ".join(below), file=sys.stderr)
        return 1
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.api import serve
    from index.store import current_build_id

    if current_build_id(settings.data_dir) is None and not args.no_build:
        from index.build import rebuild_from_settings
        from index.cli import summarise

        print(f"No index in {settings.data_dir}: building one from {settings.corpus_dir} ...",
              file=sys.stderr)
        report = rebuild_from_settings(settings, progress=sys.stderr.isatty())
        print(summarise(report), file=sys.stderr)
    serve(settings, settings.host, settings.port)
    return 0
