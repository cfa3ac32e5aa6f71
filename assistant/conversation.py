"""Follow-up questions: resolve "he", "it", "there" and "what about X?" against earlier
turns before retrieval, and leave self-contained questions alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.errors import InvalidHistory
from assistant.types import Turn
from index.lexical import words

_PERSON = r"he|him|she|her|hij|hem|zij|ze"
_POSSESSIVE = r"his|hers|zijn|haar"
_THING = r"it|its|they|them|their|this|that|these|those|there|then|het|hun|hen|daar|dit|dat|" \
         r"deze|die|toen|daarna"
_ANAPHOR = re.compile(rf"\b({_PERSON}|{_POSSESSIVE}|{_THING})\b", re.IGNORECASE)
_ELLIPSIS = re.compile(
    r"^\s*(and|what about|how about|and what about|en|en wat met|wat dan met|wat met|"
    r"hoe zit het met)\b\s*(?P<rest>.*)$", re.IGNORECASE)
_NAME = re.compile(r"(?:[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]+)(?:\s+[A-Z\u00C0-\u024F]"
                   r"[\w\u00C0-\u024F'’-]+)*")
_NOT_NAMES = frozenset(
    "who what when where why how which whom whose wie wat wanneer waar waarom hoe welk "
    "welke the a an de het een in on at op and en did does do was were is are had has".split())


def parse_history(raw: Iterable[Any] | None) -> list[Turn]:
    """Accept `Turn`s or `{role, content}` mappings; reject anything else with a clear error."""
    turns: list[Turn] = []
    for position, item in enumerate(raw or []):
        if isinstance(item, Turn):
            turns.append(item)
            continue
        role = item.get("role") if isinstance(item, dict) else None
        content = item.get("content") if isinstance(item, dict) else None
        if role == "system":
            continue
        if role not in ("user", "assistant") or not isinstance(content, str):
            raise InvalidHistory(
                f"history[{position}] must be {{'role': 'user'|'assistant', 'content': str}}.")
        turns.append(Turn(role, content))
    return turns


def names(text: str) -> list[str]:
    """Runs of capitalised words, dropping a capitalised question word or article."""
    found = []
    for match in _NAME.finditer(text):
        parts = [p for p in match.group().split() if p.lower() not in _NOT_NAMES]
        if parts:
            found.append(" ".join(parts))
    return found


def own_names(question: str) -> list[str]:
    """Names in the question itself. A lone capitalised first word ("Tell me about his
    death", "Werd hij vermoord?") is only the start of a sentence."""
    found = []
    for match in _NAME.finditer(question):
        run = match.group()
        if match.start() == 0 and " " not in run:
            continue
        if match.start() == 0:
            run = run.split(" ", 1)[1]
        parts = [p for p in run.split() if p.lower() not in _NOT_NAMES]
        if parts:
            found.append(" ".join(parts))
    return found


def subject_of(history: Sequence[Turn]) -> str | None:
    """The most recent named subject: the last user turn first, then the reply to it."""
    users = [t for t in history if t.role == "user"]
    replies = [t for t in history if t.role == "assistant"]
    ordered = users[-1:] + replies[-1:] + users[-2::-1]
    for turn in ordered:
        found = names(turn.content)
        if found:
            return max(found, key=len) if turn.role == "user" else found[0]
    return None


def last_user_question(history: Sequence[Turn]) -> str | None:
    return next((t.content for t in reversed(history) if t.role == "user"), None)


def resolve(question: str, history: Sequence[Turn]) -> str:
    """Rewrite a follow-up into a self-contained question; return others unchanged."""
    if not history:
        return question
    previous = last_user_question(history)
    ellipsis = _ELLIPSIS.match(question)
    if ellipsis and previous:
        if names(ellipsis.group("rest")):
            old = subject_of([Turn("user", previous)])
            new = names(ellipsis.group("rest"))[0]
            if old and old in previous:
                return previous.replace(old, new)
        return f"{question} ({previous})"
    if own_names(question) or not _ANAPHOR.search(question):
        return question
    subject = subject_of(history)
    if subject:
        replaced = re.sub(rf"\b({_PERSON})\b", subject, question, count=1, flags=re.IGNORECASE)
        replaced = re.sub(rf"\b({_POSSESSIVE})\b", f"{subject}'s", replaced, count=1,
                          flags=re.IGNORECASE)
        if replaced != question:
            return replaced
        return f"{question} ({subject})"
    context = " ".join(words(previous or ""))
    return f"{question} ({context})" if context else question
