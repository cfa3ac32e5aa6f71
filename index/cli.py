"""`python -m index rebuild|status`: the index's command line.

Kept light: building the parser imports nothing heavy, so `--help` is instant. Settings are
built here, at the entry point; errors of the index layer become exit codes in one place.

`assistant/cli.py` reuses the same commands::

    index_parser = subparsers.add_parser("index", help="Build or inspect the index.")
    add_index_commands(index_parser.add_subparsers(dest=COMMAND, required=True))
    ...
    return run(args)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.errors import IndexingError

if TYPE_CHECKING:
    from index.build import BuildReport
    from index.settings import Settings

COMMAND = "index_command"  # the argparse dest that names the subcommand
SKIPPED_SHOWN = 5


class InvalidSettings(IndexingError):
    """An ASSISTANT_* variable that does not parse."""


class StorageError(IndexingError):
    """The data folder or the corpus cannot be written or read (permissions, a full disk)."""


class Interrupted(IndexingError):
    """Ctrl-C. The live build is untouched; the next rebuild clears what was half written."""

    exit_code = 130


def add_index_commands(subparsers: Any) -> None:
    """Add `rebuild` and `status` to `subparsers` (from `add_subparsers(dest=COMMAND)`)."""
    rebuild = subparsers.add_parser(
        "rebuild", help="Index the corpus (incrementally, unless --full).",
        description="Bring the index up to date with the corpus folder. Only new and changed "
                    "documents are embedded; nothing is written when nothing changed.",
    )
    rebuild.add_argument("--full", action="store_true",
                         help="Re-embed every document instead of reusing unchanged ones.")
    rebuild.add_argument("--json", action="store_true",
                         help="Print one JSON object on stdout (logs go to stderr).")
    rebuild.add_argument("--corpus", type=Path, metavar="DIR",
                         help="Folder of documents (default: $ASSISTANT_CORPUS_DIR or corpus).")
    rebuild.add_argument("--data-dir", type=Path, metavar="DIR",
                         help="Where builds are kept (default: $ASSISTANT_DATA_DIR or data).")
    rebuild.set_defaults(**{COMMAND: "rebuild"})

    status = subparsers.add_parser("status", help="Describe the live index.",
                                   description="Describe the live build (fast: no model, no "
                                               "Chroma).")
    status.add_argument("--json", action="store_true", help="Print one JSON object on stdout.")
    status.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="Where builds are kept (default: $ASSISTANT_DATA_DIR or data).")
    status.set_defaults(**{COMMAND: "status"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m index",
        description="Build and inspect the search index of the document folder. Settings come "
                    "from ASSISTANT_* environment variables; options override them.",
    )
    add_index_commands(parser.add_subparsers(dest=COMMAND, required=True, metavar="COMMAND"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the index command that `args` names; returns the exit code."""
    as_json = bool(getattr(args, "json", False))
    _configure_logging()
    try:
        # Anything a library prints goes to stderr: with --json stdout holds one object only.
        with contextlib.redirect_stdout(sys.stderr):
            settings = _settings(args)
            command = getattr(args, COMMAND)
            result = (_rebuild(settings, args, as_json) if command == "rebuild"
                      else _status(settings))
    except IndexingError as exc:
        return _report_error(exc, as_json)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return _report_error(StorageError(f"{exc.strerror or exc}{where}"), as_json)
    except KeyboardInterrupt:
        interrupted = Interrupted("Interrupted; the live index is still a complete build.")
        return _report_error(interrupted, as_json)
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(_describe(command, result))
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    from pydantic import ValidationError

    from index.settings import Settings

    overrides: dict[str, Any] = {}
    if getattr(args, "corpus", None) is not None:
        overrides["corpus_dir"] = args.corpus
    if getattr(args, "data_dir", None) is not None:
        overrides["data_dir"] = args.data_dir
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"ASSISTANT_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
            for e in exc.errors()
        )
        raise InvalidSettings(f"Invalid settings: {problems}.") from exc


def _rebuild(settings: Settings, args: argparse.Namespace, as_json: bool) -> dict[str, Any]:
    from index.build import rebuild_from_settings

    report = rebuild_from_settings(settings, full=bool(args.full),
                                   progress=sys.stderr.isatty() and not as_json)
    return report.to_dict()


def _status(settings: Settings) -> dict[str, Any]:
    from index.build import index_status

    return index_status(settings.data_dir, settings.chroma_url)


def _report_error(exc: IndexingError, as_json: bool) -> int:
    """The one place where an index error becomes a message and an exit code."""
    message = str(exc)
    print(f"error: {message}", file=sys.stderr)
    if as_json:
        print(json.dumps({"error": {"code": error_code(exc), "message": message}},
                         ensure_ascii=False))
    return int(exc.exit_code)


def error_code(exc: BaseException) -> str:
    """`RebuildInProgress` -> `rebuild_in_progress`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower()


def _describe(command: str, result: dict[str, Any]) -> str:
    if command == "status":
        chunking = result["chunking"]
        return (f"Index {result['build_id']} (built {result['built_at']}): "
                f"{result['documents']} documents, {result['chunks']} chunks, "
                f"{result['sentences']} sentences; embedder {result['embedder']} "
                f"({result['dimension']} dims); chunks of {chunking['target_tokens']} tokens, "
                f"overlap {chunking['overlap_tokens']}; data in {result['data_dir']}.")
    return summarise(result)


def summarise(report: dict[str, Any] | BuildReport) -> str:
    """One line for people: what was indexed, what changed, what was skipped and why."""
    data = report if isinstance(report, dict) else report.to_dict()
    changed = data["added"] or data["updated"] or data["removed"]
    head = (f"Indexed {data['documents']} documents ({data['chunks']} chunks) "
            f"in {data['seconds']:.1f} s" if changed else
            f"Index is up to date: {data['documents']} documents ({data['chunks']} chunks), "
            f"checked in {data['seconds']:.1f} s")
    line = (f"{head}: {len(data['added'])} added, {len(data['updated'])} updated, "
            f"{len(data['removed'])} removed, {len(data['unchanged'])} unchanged")
    skipped = data["skipped"]
    if skipped:
        shown = ", ".join(f"{s['path']} ({s['reason']})" for s in skipped[:SKIPPED_SHOWN])
        more = (f", and {len(skipped) - SKIPPED_SHOWN} more"
                if len(skipped) > SKIPPED_SHOWN else "")
        line += f"; skipped {len(skipped)}: {shown}{more}"
    return line


def _configure_logging() -> None:
    """Warnings from libraries, progress notes from the index, all on stderr. Handler levels,
    not logger levels: bm25s sets its own logger to DEBUG when it is imported."""
    root = logging.getLogger()
    if root.handlers:  # the embedding program's own configuration wins
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(lambda record: record.levelno >= logging.WARNING
                      or record.name.startswith("index"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("index").setLevel(logging.INFO)
