"""Score the assistant on a question file (one JSON object a line).

Each line: `question`, optional `history`, `type` (factoid, crosslingual, followup,
unanswerable, conflict), `answer_all` (groups of alternatives; the answer must contain one of
each group), `passage_any` (one must appear in a cited passage), `sources_all` (file-name
prefixes that must all be cited). Unanswerable questions must be declined.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import InvalidQuestion
from assistant.types import Answer

METRICS = ("answer", "recall@5", "cited", "abstention", "conflict", "offsets")


@dataclass(frozen=True)
class Outcome:
    id: str
    type: str
    checks: dict[str, bool]
    answer: str


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def rates(self) -> dict[str, dict[str, float]]:
        """Per type and overall ("all"): the share of questions passing each check that
        applies to them."""
        sums: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
        for outcome in self.outcomes:
            for metric, passed in outcome.checks.items():
                sums[outcome.type][metric].append(passed)
                sums["all"][metric].append(passed)
        return {kind: {m: sum(v) / len(v) for m, v in metrics.items()}
                for kind, metrics in sums.items()}

    def table(self) -> str:
        rates = self.rates()
        counts: dict[str, int] = defaultdict(int)
        for outcome in self.outcomes:
            counts[outcome.type] += 1
            counts["all"] += 1
        kinds = sorted(k for k in rates if k != "all") + ["all"]
        header = f"{'type':<14}{'n':>4}" + "".join(f"{m:>12}" for m in METRICS)
        lines = [header, "-" * len(header)]
        for kind in kinds:
            cells = "".join(
                f"{rates[kind][m]:>12.2f}" if m in rates[kind] else f"{'-':>12}" for m in METRICS)
            lines.append(f"{kind:<14}{counts[kind]:>4}{cells}")
        return "\n".join(lines)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not all(o.checks.values())]


def load_questions(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidQuestion(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidQuestion(f"{path}:{number}: not JSON ({exc.msg}).") from exc
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise InvalidQuestion(f"{path}:{number}: needs a string field 'question'.")
        rows.append(row)
    if not rows:
        raise InvalidQuestion(f"{path} holds no questions: one JSON object a line.")
    return rows


def check(row: dict[str, Any], answer: Answer, document_text: Callable[[str], str]) -> Outcome:
    kind = str(row.get("type", "factoid"))
    checks: dict[str, bool] = {}
    text = answer.answer.lower()
    offsets = all(document_text(c.document_id)[c.start:c.end] == c.quote
                  for c in answer.citations)
    checks["offsets"] = offsets
    if kind == "unanswerable":
        checks["abstention"] = answer.abstained
        return Outcome(str(row.get("id", "")), kind, checks, answer.answer)
    checks["abstention"] = not answer.abstained
    groups = row.get("answer_all") or []
    if groups:
        checks["answer"] = all(any(alt.lower() in text for alt in group) for group in groups)
    gold = row.get("passage_any") or []
    if gold:
        passages = [p.text for p in answer.passages[:5]]
        checks["recall@5"] = any(g in p for g in gold for p in passages)
        checks["cited"] = any(g in c.passage or g in c.quote for g in gold
                              for c in answer.citations)
    if kind == "conflict":
        cited = {c.source.rsplit("/", 1)[-1] for c in answer.citations}
        prefixes = row.get("sources_all") or []
        checks["conflict"] = bool(answer.conflicts) and all(
            any(name.startswith(p) for name in cited) for p in prefixes)
    return Outcome(str(row.get("id", "")), kind, checks, answer.answer)


def evaluate(rows: Iterable[dict[str, Any]], ask: Callable[[str, Any], Answer],
             document_text: Callable[[str], str]) -> Report:
    report = Report()
    for row in rows:
        answer = ask(row["question"], row.get("history"))
        report.outcomes.append(check(row, answer, document_text))
    return report
