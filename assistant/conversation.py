"""Follow-up questions: resolve "he", "it", "there" and "what about X?" against earlier
turns before retrieval, and leave self-contained questions alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.errors import InvalidHistory
from assistant.questions import (
    DUTCH_PREPOSITIONS,
    INTERROGATIVE,
    MONTH,
    ORDINALS,
    WHERE_ADVERBS,
    Expect,
    analyse,
    asks_for_someone,
    capitalised_runs,
    describes_person,
    is_function_word,
    is_listed_nationality,
    is_nationality,
    is_office,
    places_in,
    soft_overlap,
    years_in,
)
from assistant.types import Turn
from index.lexical import fold, words

_PERSON = r"he|him|she|her|hij|hem|zij|ze"
_POSSESSIVE = r"his|hers|zijn|haar"
# Dutch pronominal adverbs: "ermee", "ervan" (a final "mee" is the split "er … mee").
_ER = r"ermee|ervan|erdoor|erover|eraan|erop|erin|eruit|erbij|ernaar|ervoor|eronder|" \
      r"ertegen|erom|ertoe|erachter"
# "daaronder", "hiermee": "daar" or "hier" and a preposition
_THERE = rf"(daar|hier)({'|'.join(DUTCH_PREPOSITIONS)})"
_THING = r"it|its|they|them|their|this|that|these|those|there|then|thereby|het|hun|hen|daar|" \
         rf"dit|dat|deze|die|toen|{_THERE}|{_ER}|erna|mee(?=\W*$)|" \
         r"the others?|the rest|de anderen?|de rest|de overigen?|" \
         r"the (first|second|third|last|latter|former|other) one|the latter|the former"
# A Dutch pronominal adverb points back to a thing, whatever else the question names; not
# one that points ahead ("Wie werd ervan beschuldigd de brand te stichten?", "… ervan
# overtuigd dat …"), nor the "mee" of "met Amundsen mee".
_PRONOMINAL = re.compile(rf"\b({_ER})\b(?!.*\b(dat|om|te)\b)|"
                         r"^(?!.*\bmet\s+[A-Z]\w*\s+mee\W*$).*\bmee(?=\W*$)",
                         re.IGNORECASE)
_PLURAL = re.compile(r"\b(they|them|their|hen|hun)\b", re.IGNORECASE)
_ANAPHOR = re.compile(rf"\b({_PERSON}|{_POSSESSIVE}|{_THING})\b", re.IGNORECASE)
_ELLIPSIS = re.compile(
    r"^\s*(and what about|and how about|what about|how about|and|en wat met|wat dan met|"
    r"wat met|hoe zit het met|en)\b\s*(?P<rest>.*)$", re.IGNORECASE)
_MAX_CONTEXT_WORDS = 12
_SHORT_REPLY = 12  # words: a reply that gives the answer, not an account
_MAX_TURNS = 12
_POSSESSIVE_S = re.compile(r"['’]s?$")
_NOT_NAMES = frozenset(
    "who what when where why how which whom whose wie wat wanneer waar waarom hoe welk "
    "welke the a an de het een in on at op and en did does do was were is are had has "
    "waarvan waardoor waarmee waarover waarin waarop hoeveel "
    # what a chat turn opens with: "Hello! Ask me …", "Sure, …", "Hallo! Stel een vraag."
    "hello hi hey welcome sure okay ok yes no sorry thanks ask please hallo hoi welkom "
    "prima ja nee bedankt stel vraag".split())
# What a reply may open on before a figure: "Ongeveer driehonderd mensen …". (Only as a
# name's first word: "Jan van der Meer", "Thomas More".)
_OPENING_ADVERBS = frozenset("ongeveer about around approximately nearly almost bijna circa "
                             "rond ruim some only slechts meer more over".split())


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
    """Runs of capitalised words, dropping a capitalised question word or article and a
    possessive "'s" ("Veldkamp's nickname" names Veldkamp). An adjective ("uit Hollandse
    steden") names no one."""
    found = []
    for start, end in capitalised_runs(text):
        before = text[:start].split()[-1:]
        if " " not in text[start:end] and _DUTCH_ADJECTIVE.search(text[start:end]) \
                and before and before[0].islower() and text[end:end + 2][1:].islower():
            continue  # (not "Rose died", nor "with Christian Falk")
        parts = _parts(text[start:end])
        if parts:
            found.append(_POSSESSIVE_S.sub("", " ".join(parts)))
    return found


# A Dutch adjective of a place or people: "Hollandse", "Thaise", "Amsterdamse".
_DUTCH_ADJECTIVE = re.compile(r"(?:sche|(?<!s)se)$")


def _parts(run: str) -> list[str]:
    """A name's words without a capitalised question word, article or other word that opens
    a sentence ("Met Wendela Bicker …"); a particle inside it ("Maria de Bruijne") stays."""
    split = run.split()
    while split and (len(split) > 1 and is_function_word(split[0])
                     or split[0].lower() in _OPENING_ADVERBS):
        split = split[1:]
    if all(p.isdigit() for p in split):
        return []  # "Around 300 people": no name
    return [p for i, p in enumerate(split) if p.lower() not in _NOT_NAMES
            or p.islower() and 0 < i < len(split) - 1]


def own_names(question: str) -> list[str]:
    """Names in the question itself. A lone capitalised first word ("Tell me about his
    death", "Werd hij vermoord?") is only the start of a sentence."""
    found = []
    for start, end in capitalised_runs(question):
        run = question[start:end]
        if start == 0 and " " not in run:
            continue
        if start == 0:
            run = run.split(" ", 1)[1]
        if " " not in run and is_nationality(run, question[end:]):
            continue  # "Which Dutch city did his army besiege?"
        folded = fold(run)
        if MONTH.match(folded) and not MONTH.sub("", folded).strip(" ,0123456789"):
            continue  # a date: "in May 1585" (not "May Smith")
        parts = _parts(run)
        if parts:
            found.append(_POSSESSIVE_S.sub("", " ".join(parts)))
    return found


def subject_of(history: Sequence[Turn], person: bool = False,
               someone: bool = False) -> str | None:
    """The most recent named subject: the last user turn first, then the reply to it. For
    "he" a place ("in Leiden") or an acronym ("the KDV") is no subject, nor, for a pronoun
    only said of people (`someone`: "he", "hij", not "she" or "haar", which may be a ship's
    or a committee's), a thing. Of several, the first is most often the one the sentence is
    about ("What did Tarrant do when Holloway demanded …?")."""
    users = [t for t in history if t.role == "user"]
    replies = [t for t in history if t.role == "assistant"]
    ordered = users[-1:] + replies[-1:] + users[-2::-1]
    things: list[str] = []
    for turn in ordered:
        places = places_in(turn.content) if person else set()
        # A question's first word is a question word or a verb ("Waarvan werd hij …?").
        named = own_names(turn.content) if turn.role == "user" else names(turn.content)
        found = [n for n in named if set(words(n)) - _FRAMING - places
                 and re.search(r"[^\W\d]", n)]
        if person:
            found = [n for n in found if not n.isupper()] or found
        # A name after an article is a thing's ("de replica van de Batavia"): "he" is rather
        # someone the reply names ("op initiatief van Willem Vos"), but not someone of older
        # turns. (In a question, only when it names nothing else: "What did the Kaiser do
        # after Verdun?")
        thing = [n for n in found if _after_article(turn.content, n)] if someone else []
        if thing and (turn.role == "assistant" or len(thing) == len(found)):
            things += thing
            found = [n for n in found if n not in thing]
        if found:
            return found[0]
        if things and turn.role == "assistant":
            break
    return things[0] if things else None


def _after_article(text: str, name: str) -> bool:
    """The name follows an article, as a thing's does ("the Titanic"), and opens on no title
    ("the Emperor Hirohito")."""
    return re.search(rf"\b(?i:the|de|het)\s+{re.escape(name)}\b", text) is not None \
        and not (describes_person(name.split()[0]) or is_office(fold(name.split()[0])))


def exchanges(history: Sequence[Turn]) -> list[tuple[str, str]]:
    """(question, reply) pairs, the latest first."""
    pairs = [(a.content, b.content) for a, b in zip(history, history[1:], strict=False)
             if a.role == "user" and b.role == "assistant"]
    return pairs[::-1]


# "that year" and "there" stand for a date or place; the article-like ones ("die stad") are
# noun phrases, "there"/"daar" an adverb that needs "in" once replaced.
_TIME = re.compile(r"\b(that year|that time|then|dat jaar|die tijd|toen)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(there|that (city|place|town|village|country|building|prison|island)|"
                    r"daar|die (stad|plaats|gevangenis)|dat (land|dorp|gebouw|eiland))\b",
                    re.IGNORECASE)
# ("Who was Tarrant's assassin?" asks for someone new: a name's possessive is no description.)
_DESCRIBE = re.compile(r"^\s*(?i:who|what|wie|wat)\s+(?i:is|was|are|were|waren)\s+"
                       r"(?:(?i:the|de|het)\s+)?[A-Z\u00C0-\u024F](?![\w-]*(?:['’]s?|s)\s+[a-z])")
_WHICH = re.compile(r"^\s*(?:which|what|welke|welk)\s+(?!is\b|was\b|are\b|were\b|did\b|"
                    r"does\b|do\b|had\b|has\b|werd\b|werden\b|waren\b|heeft\b|"
                    # ("What happened at …?" asks no "which")
                    r"happened\b|happens\b|caused\b|followed\b|became\b|gebeurde\b)\w+",
                    re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"\b(?:that|this|these|those|die|deze|dat|dit)\s+(\w+)",
                            re.IGNORECASE)
# What someone leads or belongs to: "the leader of …", "lid van …".
_HEAD_OF = (r"(?:leader|head|chief|member|secretary|chairman|president|director|commander|"
            r"leider|hoofd|lid|voorzitter|secretaris|directeur|commandant)")
# A reply that opens on a pronoun tells of the one its question asked about.
_ABOUT_THEM = re.compile(r"\s*(?:he|she|they|hij|zij|ze)\b", re.IGNORECASE)
# Capitalised words a reply uses to frame its answer, not names.
# (A preposition opening a reply is no name: "Near the Vismarkt, …".)
_PLACE_WORDS = frozenset("near in at by bij nabij op aan".split())
_FRAMING = frozenset("according volgens dutch english nederlandse engelse article artikel".split())


def answered_entity(question: str, reply: str, expect: Expect) -> str | None:
    """What a reply answered, when its question asked for a person, place or date: the name
    or year the reply adds to the question ("Which admiral was arrested?" → "Overbeek
    was …"). A follow-up's "he", "there" or "that year" most often means it."""
    asked = analyse(question)
    if expect is Expect.DATE:
        if asked.expect is not Expect.DATE:
            return None
        years = [str(y) for y in years_in(reply) if y not in asked.years]
        return years[0] if years else None
    if _DESCRIBE.match(question):  # "Who was Tarrant?" asks about Tarrant, not for someone new
        return None
    if expect is Expect.PERSON and asked.expect is not Expect.PERSON and own_names(question) \
            and (_ABOUT_THEM.match(reply) or _opens_on_one_of(reply, question)):
        # "Welke rol speelde Ibarra?" "Hij was de hoofdgetuige … van Holloway": the reply tells
        # of the one asked about; the others it names are not who "he" means next. (After
        # "Who shot Tarrant?" "He was shot by Veyrin" the one named is the answer.)
        return None
    # ("Is there a survivor who …?" "Yes, Maria de Bruijne …": asked for a person too. The
    # one who answers "Welk lid van de familie bezocht Veendam?" is no place.)
    if expect is Expect.PLACE and asked.expect is Expect.PERSON:
        return None
    if asked.expect is not expect and not _WHICH.match(question) and not (
            expect is Expect.PERSON and asked.polar and asks_for_someone(question)):
        return None
    known = {w for name in names(question) for w in words(name)}
    places = places_in(reply) if expect is Expect.PERSON else set()
    candidates = []
    for name in names(reply):
        # "liet Veldkamp Jelnik arresteren": a run of two names, one of them asked about.
        rest = " ".join(p for p in name.split() if not set(words(p)) & known)
        # ("the British Wreck Commissioner" is what someone was, not who.)
        title = expect is Expect.PERSON and is_listed_nationality(rest.split(" ", 1)[0])
        # (Nor is a date: "in January 1889".)
        dated = MONTH.match(fold(rest)) is not None
        if rest and set(words(rest)) - _FRAMING - places and not title and not dated:
            candidates.append(rest)
    # A reply introduces the one it answers with by full name: "Holloway replaced Yelnik with
    # Daan Brenner" answers "Who replaced Yelnik?" with Brenner. A place it names first,
    # then where that lies ("In de Gevangenpoort aan het Buitenhof in Den Haag"), and a
    # place is named after "in", "at", "near" ("Veyrin shot Tarrant in the Vlietzaal").
    if expect is Expect.PERSON:
        # ... but not what someone leads or belongs to ("Anton Tarrant, the leader of the
        # Brinkport Rowing Club").
        candidates.sort(key=lambda n: (bool(re.search(
            rf"\b{_HEAD_OF}\s+(?:of|van)\s+(?:(?:the|de|het)\s+)?{re.escape(n)}\b", reply,
            re.IGNORECASE)), -len(n.split())))
    else:
        candidates.sort(key=lambda n: not re.search(
            rf"\b(in|at|near|te|bij|nabij|naar|to)\s+(?:(the|de|het)\s+)?{re.escape(n)}",
            reply, re.IGNORECASE))
    noun = _which_noun(question)
    if noun is not None:
        # "Which admiral …?": the name the reply gives that title ("admiraal Joris …").
        candidates = [n for n in candidates if _titled(reply, n, noun)] + candidates
    return candidates[0] if candidates else None


def _opens_on_one_of(reply: str, question: str) -> bool:
    """The reply opens on a name the question gives: "What part did Marco Ibarra play?"
    "Ibarra, a famous journalist, was …" tells of Ibarra."""
    found = names(reply)
    known = {w for name in names(question) for w in words(name)}
    return bool(found) and reply.lstrip().startswith(found[0]) \
        and bool(set(words(found[0])) & known)


def _which_noun(question: str) -> str | None:
    """"admiral" in "Which admiral was arrested?"."""
    which = _WHICH.match(question)
    return which.group().split()[-1].lower() if which is not None else None


def _titled(reply: str, name: str, noun: str) -> bool:
    """Whether the reply gives `name` the title `noun` (or its cognate): in one of the three
    words before it, as its own first word ("Admiral Joris Overbeek") or right after it
    ("Jan Smit, the Minister of Trade")."""
    at = reply.find(name)
    tokens = re.findall(r"[\w'’-]+", reply[:at])[-3:] if at > 0 else []
    # (Not what a title is of: "the Minister of Trade and Shipping Affairs".)
    cut = max((i + 1 for i, t in enumerate(tokens) if t.lower() in _TITLE_OF), default=0)
    after = _APPOSITION.match(reply[at + len(name):]) if at >= 0 else None
    told = words(" ".join(tokens[cut:])) + words(name)[:1] \
        + (words(after.group(1)) if after else [])
    return soft_overlap((noun,), told) > 0


_TITLE_OF = frozenset("of van and en for voor".split())
# A title in apposition after a name: ", the Minister", ", een admiraal" (not a list's next
# one: ", minister Piet Kok")
_APPOSITION = re.compile(r"\s*,\s*(?:(?:the|a|an|de|het|een)\s+)?([\w'’-]+)(?!\s+[A-Z])")


def resolve(question: str, history: Sequence[Turn]) -> str:
    """Rewrite a follow-up into a self-contained question; return others unchanged."""
    if not history:
        return question
    history = list(history[-_MAX_TURNS:])  # a follow-up refers to the last few exchanges
    users = [i for i, t in enumerate(history) if t.role == "user"]
    previous = raw_previous = None
    if users:
        # The last question as it was understood, its own "he" or "it" resolved.
        raw_previous = history[users[-1]].content
        previous = resolve(raw_previous, history[:users[-1]])
        history[users[-1]] = Turn("user", previous)
    if previous and _bare(question):  # "Why?", "In which year?", "Hoeveel?"
        return _asked_anew(question, previous) or f"{question} ({previous})"
    ellipsis = _ELLIPSIS.match(question)
    if ellipsis and _opens_question(ellipsis.group("rest")):
        # "And when was the admiral convicted?" is a question of its own after the "and".
        rest = ellipsis.group("rest")
        question, ellipsis = rest[:1].upper() + rest[1:], None
        if previous and _bare(question):  # "En waar precies?", "En waarom?"
            return _asked_anew(question, previous) or f"{question} ({previous})"
    if ellipsis and previous:
        if names(ellipsis.group("rest")):
            old = subject_of([Turn("user", previous)])
            new = names(ellipsis.group("rest"))[0]
            if old and old in previous:
                return previous.replace(old, new)
        swapped = _swap_ordinal(ellipsis.group("rest"), previous)
        if swapped is not None:
            return swapped
        return f"{question} ({previous})"
    pairs = exchanges(history)
    titled = _the_one_asked_about(question, pairs[:1])
    if titled is not None:
        return titled
    for pattern, expect in ((_TIME, Expect.DATE), (_PLACE, Expect.PLACE)):
        match = pattern.search(question)
        if match is None:
            continue
        # A date can come from any earlier answer; a place only from the last one.
        for asked, reply in (pairs if expect is Expect.DATE else pairs[:1]):
            entity = answered_entity(asked, reply, expect)
            if entity:
                adverb = match.group().lower() in ("there", "daar", "then", "toen")
                replacement = f"in {entity}" if adverb else entity
                question = question[:match.start()] + replacement + question[match.end():]
                # "Hoeveel verdachten waren er toen?" after "Wanneer vond het tweede
                # fraudeproces plaats?": 1887 is when, the trial still what.
                # (A question that names its own topic keeps it: "How many railway
                # accidents happened in Vellmark in that year?")
                named = set(words(question))
                topic = [w for w in words(asked) if w not in named]
                return f"{question} ({' '.join(topic[:_MAX_CONTEXT_WORDS])})" \
                    if topic and not own_names(question) else question
    # Only after "Which village …?": after "Where did the ship crash?" its is the ship's.
    its = re.search(r"\bits\b", question, re.IGNORECASE)
    place = answered_entity(*pairs[0], Expect.PLACE) if its and pairs \
        and _WHICH.match(pairs[0][0]) and analyse(pairs[0][0]).expect is Expect.PLACE \
        and not own_names(question) else None
    if its is not None and place:
        # "Which village was hit hardest?" "Oude-Tonge." "How many of its people died?"
        return f"{question[:its.start()]}{place}'s{question[its.end():]}"
    if not _ANAPHOR.search(question) or not _refers_back(question, pairs[:1]):
        return question
    person = next((m for m in re.finditer(rf"\b({_PERSON}|{_POSSESSIVE})\b", question,
                                          re.IGNORECASE)
                   if not _verb_zijn(question, m) and not _plural_ze(question, m)), None)
    if person is not None and person.group().lower() in ("he", "she", "hij") \
            and describes_person(question[:person.start()]):
        # "What happened to the killer after he confessed?": "he" is the killer, and the
        # killer the one of the killing asked about before. ("Why did the killer shoot
        # him?" still asks about the one before.)
        person = None
    subject = (answered_entity(*pairs[0], Expect.PERSON) if pairs else None) \
        or subject_of(history, person=person is not None, someone=person is not None and bool(
            re.fullmatch(r"he|him|his|hij|hem", person.group(), re.IGNORECASE)))
    if person and subject:
        name = f"{subject}'s" if re.fullmatch(_POSSESSIVE, person.group(), re.IGNORECASE) \
            and not _object_haar(question, person) else subject
        question = question[:person.start()] + name + question[person.end():]
        # "How many voted against him there?": "there" still needs the last topic.
        if not re.search(r"\b(there|daar)\b", question, re.IGNORECASE):
            return question
    # "it", "that trial", "die organisatie": the topic of the last question, itself resolved
    # against the turns before it.
    context = " ".join(words(previous)) if previous else ""
    if previous and len(users) > 1 and previous == raw_previous and not own_names(previous):
        # "Who was the prosecutor?" names nothing: it too is about the topic before it. (A
        # previous question with "it" of its own already carries that topic.)
        context += " " + " ".join(words(history[users[-2]].content))
    if pairs:
        context = _named_in_reply(question, pairs[0][1]) + " " + context
        asked, reply = pairs[0]
        first = _first_named(reply) if its is not None and _which_noun(asked) else None
        if first:
            # "Which church was hit?" "The Sint-Jansbasiliek, near the market, …" "What
            # happened to its roof?": the one the reply names first.
            context = " ".join(words(first)) + " " + context
        if len(reply.split()) <= _SHORT_REPLY and not own_names(asked) \
                and fold(asked).split()[:1] not in (["who"], ["wie"]):
            # "Welke maatschappij vloog vlucht 1736?" "Dat was Pan Am, met de Clipper
            # Victor." "Waarom kon dat toestel niet eerder vertrekken?": a short reply to a
            # question that named nothing names what "it" is. (After "Who was Ekdahl?"
            # the reply's "Lindholm" is not, nor, after "Who was the prosecutor?", the one it
            # names: "that trial" is no person.)
            told = set(words(question))
            context = " ".join(w for name in names(reply) for w in words(name)
                               if w not in told) + " " + context
    # Repeated follow-ups must not grow the question without bound.
    context = " ".join(list(dict.fromkeys(context.split()))[:_MAX_CONTEXT_WORDS]) \
        or subject or ""
    return f"{question} ({context})" if context else question


def _first_named(reply: str) -> str | None:
    """The first name a reply gives, not a place it says something is near: "Near the
    Vismarkt, the Sint-Jansbasiliek …" names the basilica."""
    near = rf"\b(?i:{'|'.join(_PLACE_WORDS)})\s+(?:(?i:the|de|het)\s+)?"
    return next((n for n in names(reply) if set(words(n)) - _FRAMING - _PLACE_WORDS
                 and not re.search(near + re.escape(n), reply)), None)


def _verb_zijn(question: str, pronoun: re.Match[str]) -> bool:
    """Dutch "zijn" is "his" before a noun ("zijn vrouw"), and otherwise the verb "to be":
    "Hoeveel eiken zijn daarvoor gekapt?", "Waar zijn de kinderen?"."""
    if pronoun.group().lower() != "zijn":
        return False
    before, after = _around(question, pronoun)
    # (A closing participle after no other verb: "… zijn gekapt?", not "Wat was zijn
    # gewicht?")
    return not after or is_function_word(after[0]) \
        or len(after) == 1 and bool(_PARTICIPLE.match(after[0])) and not before & _FINITE \
        or bool(re.fullmatch(rf"er|erna|{_THERE}|{_ER}", after[0]))


def _plural_ze(question: str, pronoun: re.Match[str]) -> bool:
    """Dutch "ze" and "zij" are "they" beside a plural verb: "Waar staan ze nu?", "Waar
    werden zij begraven?" ask about things or people the turns before counted, not about
    her."""
    if pronoun.group().lower() not in ("ze", "zij"):
        return False
    # (After it, "zijn" is "his": "Heeft ze zijn brief gelezen?")
    last = re.findall(r"\w+", question[:pronoun.start()].lower())[-1:]
    after = _around(question, pronoun)[1][:1]
    return any(w in _PLURAL_VERBS or w.endswith(("en", "aan")) and len(w) > 4
               and not is_function_word(w) for w in last) \
        or after != ["zijn"] and bool(set(after) & _PLURAL_VERBS)


_PLURAL_VERBS = frozenset("zijn waren werden worden hebben hadden kwamen komen gingen gaan "
                          "konden kunnen moesten moeten wilden willen zullen zouden lagen "
                          "stonden bleven".split())


def _object_haar(question: str, pronoun: re.Match[str]) -> bool:
    """Dutch "haar" is "her" as well as "hers": an object before "te" or a closing participle
    ("om haar te vervangen", "Wie heeft haar vermoord?"), a possessive before a noun ("haar
    man")."""
    if pronoun.group().lower() != "haar":
        return False
    before, after = _around(question, pronoun)
    # (A closing participle after a verb of the perfect: "Wie heeft haar gekozen?", not
    # "Wat was haar gewicht?")
    return not after or after[0] == "te" or len(after) == 1 \
        and bool(_PARTICIPLE.match(after[0])) and bool(before & _PERFECT)


def _around(question: str, pronoun: re.Match[str]) -> tuple[set[str], list[str]]:
    """The words before a pronoun, as a set, and those after it, in order (lower case)."""
    return ({w.lower() for w in re.findall(r"\w+", question[:pronoun.start()])},
            [w.lower() for w in re.findall(r"\w+", question[pronoun.end():])])


_PARTICIPLE = re.compile(r"ge\w+(d|t|en)$|(be|ver|ont|her)\w+[dt]$")
_PERFECT = frozenset("heeft hebben had hadden werd werden wordt worden zal zullen".split())
_FINITE = _PERFECT | frozenset("is was waren".split())


def _named_in_reply(question: str, reply: str) -> str:
    """"that trial" after a reply that told of "a defendant in the second fraud trial": the
    words the reply gives it in its clause, up to three content words before the noun
    ("defendant second fraud trial")."""
    found: list[str] = []
    for noun in _DEMONSTRATIVE.findall(question):
        folded = fold(noun)
        for clause in re.split(r"[,;:.!?()–—]", reply):
            said = words(clause)
            if folded in said:
                at = said.index(folded)
                found += said[max(0, at - 3):at + 1]
                break
    return " ".join(found)


def _asked_anew(question: str, previous: str) -> str | None:
    """"Why?" after "When was Tarrant murdered?": "Why was Tarrant murdered?". Only a lone
    question word in place of one that opens the question before ("Waaraan?" after
    "Wanneer overleed Carter?"), not of "How many" or "Which year"."""
    asked = [t.lower() for t in re.findall(r"\w+", question)
             if t.lower() not in ("and", "en") and t.lower() not in _FILLERS]
    opening = _OPENING.match(previous)
    if len(asked) != 1 or opening is None or opening.group(2).lower() in _NO_VERB:
        return None
    word, opened = asked[0], opening.group(1).lower()
    # Adverbs for adverbs ("Who?" after "What happened?" asks of something else), in one
    # language ("Why?" after a Dutch question is no Dutch question).
    if word not in _ADVERBIAL | WHERE_ADVERBS \
            or (word in _DUTCH_OPENINGS) != (opened in _DUTCH_OPENINGS):
        return None
    return word[:1].upper() + word[1:] + previous[opening.end(1):]


_ADVERBIAL = frozenset("when where why how wanneer waar waarom hoe hoezo".split())
_DUTCH_OPENINGS = frozenset("wanneer waar waarom hoe hoezo".split()) | WHERE_ADVERBS
_OPENING = re.compile(rf"^\s*({'|'.join(_ADVERBIAL)})\s+(\w+)", re.IGNORECASE)
# what follows "how" or "hoe" when they open a longer question word: "How many", "Hoe hoog"
_NO_VERB = frozenset(
    "many much long old far often large big high deep heavy fast tall wide severe bad badly "
    "kind sort type well veel lang oud ver vaak groot laat hoog diep zwaar snel breed erg "
    "ernstig goed voor".split())


def _opens_question(text: str) -> bool:
    """Opens on a question word, after a preposition or not: "when …", "in welk jaar …",
    "waarmee …"."""
    folded = _PREPOSITION.sub("", fold(text), count=1)
    return bool(INTERROGATIVE.match(folded)) or folded.split(" ", 1)[0].strip("?") \
        in WHERE_ADVERBS


_PREPOSITION = re.compile(r"^\s*(in|on|at|to|from|with|for|by|since|until|op|aan|met|voor|"
                          r"van|tot|naar|door|bij|sinds|uit)\s+(?=\w)")
# Fillers: "Waarom eigenlijk?", "Why, actually?", "En hoezo dan wel?"
_FILLERS = frozenset("eigenlijk actually really toch nou wel so dus".split())
# Words that say what kind of answer is wanted but not what about: "In which year?"
_BARE = _FILLERS | frozenset(
    "who whom whose what which when where why how many much wie wat welk welke wanneer waar "
    "waarom hoe hoeveel year jaar date datum day dag month maand place plaats reason reden "
    "hoezo exactly precies precisely then dan "
    # "And by whom?", "En met welk doel?"
    "in op on at by with for from to since until door met voor van tot naar bij uit aan "
    "sinds doel purpose weapon wapen".split()) | WHERE_ADVERBS


_ENGLISH_ORDINALS = frozenset("first second third fourth fifth last final".split())
_ORDINAL = re.compile(rf"\b({'|'.join(ORDINALS)})\b", re.IGNORECASE)


def _swap_ordinal(rest: str, previous: str) -> str | None:
    """ "And the third one?" after "When did the second trial open?" asks when the third one
    opened: the previous question with the new ordinal in place of the old."""
    new, old = _ORDINAL.search(rest), _ORDINAL.search(previous)
    if new is None or old is None or len(rest.split()) > 4:
        return None
    # In the previous question's language: "de derde" in an English question reads oddly.
    value = ORDINALS[new.group().lower()]
    word = next(w for w, v in ORDINALS.items() if v == value
                and (w in _ENGLISH_ORDINALS) == (old.group().lower() in _ENGLISH_ORDINALS))
    return previous[:old.start()] + word + previous[old.end():]


def _bare(question: str) -> bool:
    """A question with nothing of its own to ask about ("Why?", "In which year?")."""
    tokens = re.findall(r"\w+", question.lower())
    return bool(tokens) and all(t in _BARE for t in tokens) and not own_names(question)


def _the_one_asked_about(question: str, last: Sequence[tuple[str, str]]) -> str | None:
    """After "Which admiral …?", "the admiral" / "die admiraal" is the one the reply named:
    the question with that name in its place."""
    if not last:
        return None
    asked, reply = last[0]
    noun = _which_noun(asked)
    if noun is None:
        return None
    mention = re.search(rf"\b(?:the|that|this|de|die|deze)\s+{re.escape(noun)}\b", question,
                        re.IGNORECASE)
    if mention is None:
        return None
    # Only a name the reply itself gives that title; a guess would mislead the search.
    titled = [n for n in names(reply) if _titled(reply, n, noun)]
    if not titled:
        return None
    return question[:mention.start()] + titled[0] + question[mention.end():]


def _refers_back(question: str, last: Sequence[tuple[str, str]]) -> bool:
    """Whether the question's pronoun points back to earlier turns. Without names of its own
    it does. With them, only a "he" before the first name ("What did he oppose when Holloway
    …", not "When did Holloway say he …") or "that"/"die" before a noun the last exchange used
    ("that trial" after a question about a trial)."""
    anaphor = _ANAPHOR.search(question)
    found = own_names(question)
    if not found:
        return True
    if len(found) == 1 and _PLURAL.search(question):
        return True  # one name is no "them": "How did Holloway react to them?"
    if anaphor is not None and anaphor.start() < question.find(found[0]) \
            and re.fullmatch(rf"{_PERSON}|{_POSSESSIVE}", anaphor.group(), re.IGNORECASE):
        return True
    if _PRONOMINAL.search(question):
        return True  # "Wat gebeurde er na de ramp in Lakehurst mee?": with what was asked
    said = {w for pair in last for text in pair for w in words(text)}
    return any(w.lower() in said for w in _DEMONSTRATIVE.findall(question))
