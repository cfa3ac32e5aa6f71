"""Example questions for a corpus, kept beside its documents in `.examples.txt`.

A folder of documents may suggest what to ask of it: one question a line, `#` for comments.
The file starts with a dot, so the index never reads it as a document. Without it the UI
shows no examples rather than questions about some other collection.
"""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)

EXAMPLES_FILE = ".examples.txt"
MAX_EXAMPLES = 8
MAX_EXAMPLE_CHARS = 200
_MAX_FILE_BYTES = 64_000


def load_examples(corpus_dir: Path, limit: int = MAX_EXAMPLES) -> list[str]:
    """The example questions of the corpus in `corpus_dir`, at most `limit`, each at most
    `MAX_EXAMPLE_CHARS` long; none when it has no examples file or the file cannot be read.
    A file that links outside the corpus is not read."""
    path = corpus_dir / EXAMPLES_FILE
    try:
        root = corpus_dir.resolve(strict=True)
        real = path.resolve(strict=True)
        if not real.is_relative_to(root) or not real.is_file():
            logger.warning("Ignoring %s: not a file inside the corpus folder.", path)
            return []
        with real.open("rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return []
    except OSError as exc:
        logger.warning("Cannot read %s: %s", path, exc)
        return []
    lines = raw.decode("utf-8-sig", errors="replace").splitlines()
    if len(raw) > _MAX_FILE_BYTES:
        lines = lines[:-1]  # (the last one is cut off)
    found: list[str] = []
    for line in lines:
        if len(found) >= limit:
            break
        question = " ".join(line.split())
        if not question or question.startswith("#"):
            continue
        if len(question) > MAX_EXAMPLE_CHARS:
            logger.warning("Skipping an example of %d characters in %s (the limit is %d).",
                           len(question), path, MAX_EXAMPLE_CHARS)
            continue
        if question not in found:
            found.append(question)
    return found
