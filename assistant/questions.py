"""What a question asks for, and the values a sentence states, in English and Dutch."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import pairwise, takewhile

from rapidfuzz import fuzz, process

from index.lexical import fold, stem, words


class Expect(Enum):
    QUANTITY = "quantity"
    DATE = "date"
    PERSON = "person"
    PLACE = "place"
    REASON = "reason"
    OTHER = "other"


# ("In which German town …?", "In welke Zeeuwse plaats …?": with an adjective of
# nationality; not "What took place …?") Group 5 or 7 is the kind of place asked.
_PLACE_ASKED = re.compile(r"\b(where|waar|(which|what) ([a-z]+(an|ese|ish|ch) )?(city|country|"
                          r"place|town|village|region|island|province|port|harbou?r|street|"
                          r"river|strait|bay)|welke? ([a-z]+se )?"
                          r"(stad|plaats|land|dorp|streek|eiland|provincie|haven|havenstad|"
                          r"straat|rivier|baai|zeestraat))\b"
                          r"(?!['’]s)")

_PATTERNS: list[tuple[Expect, re.Pattern[str]]] = [
    (Expect.QUANTITY, re.compile(
        r"\b(how (many|much|old|long|large|big|high|deep|heavy|fast|tall|wide|cold|hot|warm)|"
        r"what (number|percentage|share)|"
        # ("Hoe heet de theorie …?" asks a name, "Hoe heet was …?" a temperature)
        r"hoeveel|hoe (oud|lang|groot|hoog|diep|zwaar|snel|breed|koud|warm|heet (?=(was|is|"
        r"werd|waren|wordt|werden)\b))|welk aantal|"
        r"aantal|"
        # a measure: "What peak water level was recorded …?", "Welke hoogte bereikte …?"
        r"(what|which|welke?|wat)( (was|is|were|waren) (the|de|het))? ([a-z]+ ){0,2}?(level|"
        r"height|depth|length|speed|temperature|weight|distance|volume|waterstand|"
        r"waterhoogte|hoogte|diepte|lengte|snelheid|temperatuur|gewicht|afstand|"
        # (not "prijs", "reward" or "beloning": a prize or an award as often)
        r"oppervlakte|price|sum|amount|fee|ransom|salary|wage|bedrag|som|losgeld|salaris|"
        r"loon|age|leeftijd|inwonertal)|"
        # "What was Antwerp's population …?"
        r"(what|wat) (was|is|were|waren) (the|de|het|[\w-]+['’]s)( [a-z]+)? (population|"
        r"inwonertal)\b(?!['’]|\s+(?!of|van|in|at|around|before|after|by)[a-z])|"
        r"how far (inland|upstream|downstream|offshore|out to sea)|"
        # "What did the dome cost?", "Wat kostte de bouw?"
        r"(what|wat) (did|does|do) [\w' -]{1,40}?\bcost|wat kost(te|ten)?|"
        # "What was the death toll …?": only as what is asked ("Was the number of victims
        # higher …?" asks yes or no)
        r"(what|wat) (was|is|were|waren) (the|het|de) (total |totale )?(death toll|number of|"
        r"loss of life|dodental|dodenaantal|aantal)|"
        # a distance: "How far is it from …?", not "How far did Holloway trust him?"
        r"how far (away |apart )?(is|was|are|were|lies|lay|from|off|outside)|"
        r"how far (did|does|do|could|can|would) [\w' -]{1,40}?\b(advance|spread|travel|go|"
        r"reach|move|fly|walk|drive|get|extend|march|run|sail|swim)\b|"
        r"hoe ver (weg |uit elkaar )?(ligt|lag|is|was|liggen|lagen|van|uit|buiten|"
        r"reisde|reisden|trok|"
        r"trokken|kwam|kwamen|reikte|verspreidde|rukte|rukten|drong|liep|reed|vloog))\b")),
    (Expect.DATE, re.compile(
        r"\b(when|what (year|date|month|day|weekday|time)|which (year|years|date|month|day|"
        r"weekday)|in what year|wanneer|welk jaar|welke (datum|maand|dag|weekdag|jaren)|"
        r"in welk jaar|"
        r"sinds wanneer|tot wanneer|hoe laat|welk tijdstip|at what hour|welk uur)\b")),
    (Expect.PERSON, re.compile(r"\b(who|whom|whose|wie|wiens|what (is|was|were) the names?|"
                               r"wat (is|was|waren) de naam|hoe (heet|heette|heetten))\b")),
    (Expect.PLACE, _PLACE_ASKED),
    (Expect.REASON, re.compile(r"\b(why|for what reason|waarom|om welke reden)\b")),
]

_ENGLISH_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "twee": 2, "drie": 3, "vier": 4,
    "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "twintig": 20,
    "dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100, "duizend": 1000,
    "tweeduizend": 2000, "drieduizend": 3000, "vierduizend": 4000, "vijfduizend": 5000,
    "tienduizend": 10000,
}
# Words that tell a name as one: "Snoek – Veldkamps bijnaam", "known as", "heette".
_NICKNAME_WORDS = "nickname nicknamed alias pseudonym bijnaam schuilnaam roepnaam pseudoniem"
_NICKNAME = re.compile(rf"\b({'|'.join(_NICKNAME_WORDS.split())})\b")
_NICKNAMES = frozenset(_NICKNAME_WORDS.split()) | {"known as", "bekend als"}
_NAMING = re.compile(rf"\b(names?|named|surname|called|known as|born as|naam|namen|"
                     r"achternaam|voornaam|genoemd|noemde|noemden|heette|heetten|bekend als|"
                     rf"geboren als|{'|'.join(_NICKNAME_WORDS.split())})\b")
_REAL_NAME = re.compile(r"\b(real|original|family|birth|surname|actual|echte|oorspronkelijke|"
                        r"eigenlijke|achternaam|familienaam|geboortenaam)\b")
# A sentence that opens on a name: "Snoek was Veldkamp's nickname."
_FIRST_NAME = re.compile(r"\W*([A-Z\u00C0-\u024F][\w-]+)\s+(?:was|is|werd|heette|stond)\b")
# "What was Veldkamp's real name?", "Wat was de bijnaam van Veldkamp?": a name.
_NAME_QUESTION = re.compile(
    r"\b(what (is|was|were) (the|[\w-]+['’]s|his|her|their) ((real|full|first|last|family|"
    r"official|original|birth|maiden|code|pen) )*(names?|nicknames?|surname)|"
    r"wat (is|was|waren) (de|het|zijn|haar|hun) ((echte|volledige|officiele|eigenlijke|"
    r"oorspronkelijke) )*(naam|namen|bijnaam|achternaam|voornaam|schuilnaam|roepnaam))\b")
# Words said or written: "What did he keep saying?", "Which famous quote …?", "Welke woorden
# van de verslaggever …?", "Wat riep hij?" (not "What did the report say about …?": what a
# text says is its content, not a quotation).
_QUOTE_QUESTION = re.compile(
    r"\b(what did (he|she|they|(?!the |a |an |its |their )[a-z]+ [a-z]+|(?!the\b)[a-z]+) "
    r"(keep )?(say|said|saying|shout|shouted|cry|"
    r"exclaim|whisper|mutter|write|wrote)(?! (about|of|to))\b|"
    r"(which|what) ([a-z]+ ){0,2}(words|phrase|quote|quotation|slogan|motto)\b|"
    # (not "uitspraak": mostly a court's verdict)
    r"(welke?|wat waren de|met welke?) ([a-z]+ ){0,2}(woorden|citaat|leus|kreet|slogan)\b|"
    r"wat (zei|riep|schreef|fluisterde|mompelde) (hij|zij|ze)(?! (over|van|aan|tegen|in))\b)")
_CLOCK_QUESTION = re.compile(r"\b(what time(?! (of (the )?(year|month|season)|period|frame|"
                             r"span|scale|zone)\b)|"
                             r"at what hour|hoe laat|welk tijdstip|welk uur)\b")
# The day asked for, not only the year: "On what date …?", "Op welke dag …?".
_DAY_QUESTION = re.compile(r"\b((what|which) (date|day)|the date|(welke|de) (datum|dag))\b")
# A time of day: "1:23 a.m.", "01.23 uur", "om 14.00 uur", "2 p.m.", "midnight"; not
# "1.500 mensen", "1.25 million" or "binnen 24 uur".
_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# (Not "een uur": "rond een uur" is as often an hour long.)
_UREN = "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
# A part of the day after an hour: "at about 4.20 in the afternoon", "om 4 's nachts" (not
# one that goes on to name a thing: "in the afternoon trading").
_PART_OF_DAY = (r"(?i:in the (?:morning|afternoon|evening)|at night|['’]s (?:ochtends|morgens|"
                r"middags|avonds|nachts)|in de (?:ochtend|morgen|voormiddag|middag|namiddag|"
                r"avond|nacht))(?![\w-])(?!\s+(?!the\b|de\b|het\b|he\b|she\b|they\b|hij\b|"
                r"zij\b|ze\b|it\b|and\b|en\b|when\b|toen\b)[a-z])")
# Words of time before an hour: "at", "om", "shortly after" (not "about": "about 15 in the
# morning were arrested" is a count).
_AT_HOUR = r"(?i:om|at|around|rond|tegen|vanaf|after|before|until|till|by|omstreeks|tot)"
# Not a price, an amount or a length: "at about 1.25 million", "om 2.15 meter".
_NO_UNIT = (r"(?!\s*(?i:million|billion|miljoen|miljard|meter|metres?|meters|km|kilo\w*|tons?|"
            r"tonnes?|dollars?|euros?|guilders?|gulden|pounds?|procent|percent|%|a\s|per\s))")
_CLOCK = re.compile(
    # "1:23", "01:23:40"
    r"(?<![\d.,:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d.,:]?\d)|"
    # "14.00 uur", "om 01.23.40 uur", "at 9.30": a dotted time needs "uur" or "om"/"at"
    r"(?<![\d.,])(?:[01]?\d|2[0-3])\.[0-5]\d(?:\.[0-5]\d)?\s*(?i:uur|u|h)\b|"
    # … or "it was" before it and a part of the day after it: "It was 6.40 in the morning"
    # (not a score: "The team won 2.15 in the afternoon")
    r"(?:(?<=\b(?i:it was) )|(?<=\b(?i:het was) ))"
    rf"(?:1[0-2]|0?[1-9])\.[0-5]\d(?=\s+{_PART_OF_DAY})|"
    r"\b(?i:om|at|around|rond|tegen|vanaf)\s+(?:(?i:about|around|approximately|roughly|"
    rf"exactly|precisely|ongeveer|omstreeks|circa|precies)\s+)?(?:[01]?\d|2[0-3])\.[0-5]\d\b{_NO_UNIT}|"
    # "shortly after 9 in the morning", "om 4 's nachts": an hour of the clock's face
    rf"\b{_AT_HOUR}\s+(?:1[0-2]|[1-9])(?=\s+{_PART_OF_DAY})|"
    r"\b\d{1,2}\s*(?i:a\.\s?m\b|p\.\s?m\b|am\b|pm\b|o['’]clock)|"
    r"\b(?i:om|at|around|rond|tegen) \d{1,2}\s*(?i:uur|u)\b|"
    r"\b(?i:midnight|middernacht|noon)\b|"
    # "around six o'clock", "rond vier uur", "omstreeks zessen"
    rf"\b(?i:{_HOURS}) o['’]clock\b|\b(?i:om|rond|omstreeks|tegen) (?i:{_UREN}) uur\b|"
    r"\b(?i:om|rond|omstreeks|tegen) (?i:enen|tweeën|drieën|vieren|vijven|zessen|zevenen|"
    r"achten|negenen|tienen|elven|twaalven)\b|"
    # "kwart over acht", "half negen" (half past eight), "a quarter to nine"
    rf"\b(?i:kwart over|kwart voor|half) (?i:een|{_UREN})\b|"
    rf"\b(?i:quarter past|quarter to|half past) (?i:{_HOURS})\b")
_AGE_QUESTION = re.compile(r"\b(how old|hoe oud|what age|welke leeftijd|at what age)\b")
# Whose age: "How old was Holloway when …", not "How old was the man who shot Tarrant?".
# (After a title: "Hoe oud was tweede vlieger Arnon Ohad?"; not "the son of Holloway".)
_AGE_OF = re.compile(r"\b(?i:how old (?:was|were|is)|hoe oud (?:was|waren|werd|is)|"
                     r"what age (?:was|were)|welke leeftijd (?:had|hadden|heeft))\s+"
                     r"(?:(?:the|de|het)\s+)?(?:(?!(?:of|van|who|die|that|dat|wie|when|toen|"
                     r"he|she|it|they|hij|zij|ze|in|at|on|by|from|uit|during|after|before|bij|op|"
                     r"tijdens|na|voor|was|werd|is|were|waren)\b)"
                     r"[a-z][\w-]*\s+){0,2}?"
                     r"([A-Z\u00C0-\u024F][\w-]*(?:\s+[A-Z\u00C0-\u024F][\w-]*)*)")
# After whose age a question asks, the clause goes on: "How old was Holloway when …".
_CLAUSE_GOES_ON = frozenset("when at in during after before on by toen bij op tijdens ten na "
                            "voor was werd is".split())
# What a follow-up carries from earlier turns, in brackets after it: not what it asks.
CONTEXT = re.compile(r"\([^)]*\)")
# (An English number may take two words: "twenty-three", "twenty three".)
_SPELLED_AGE = rf"\d+|(?:(?:{'|'.join(sorted(_ENGLISH_TENS))})[ -])?[a-z]+"
_AGE_STATED = re.compile(rf"\b({_SPELLED_AGE})[ -]?(years?[ -]old|jarige|jaar oud)\b|"
                         r"\b(aged|age of|leeftijd van)(?: (?:just|only|barely|nearly|almost|"
                         rf"about|bijna|pas|slechts|amper|ongeveer))? (?P<aged>{_SPELLED_AGE})"
                         r"(?![.,]?\d)\b|"
                         # "a boy of 11", "een jongen van 11 jaar" (not "a man of 6 feet")
                         r"\b(?:boy|girl|man|woman|child|lad|youth|jongen|meisje|vrouw|kind|"
                         rf"jongeman|knaap) (?:of|van) (?P<person>{_SPELLED_AGE})(?![.,]?\d)\b"
                         r"(?=\s*(?:[,;.)]|$)|\s+(?:years?|jaar|and|en|who|die|from|uit)\b)|"
                         # "Jan Smit was twelve and at school", "Jan Smit, who was 12, …" (of the
                         # one asked, right before: see `_ages_told`)
                         r"\b(?:was|werd) (?P<bare>\d{1,3}|[a-z]+(?:-[a-z]+)?)(?![.,]?\d)"
                         r"(?= (?:and|en|when|toen|at the time|destijds|at that time)\b)|"
                         r",? (?:who|die) was (?P<who>\d{1,3}|[a-z]+(?:-[a-z]+)?)(?![.,]?\d)"
                         r"(?=[,;.]| (?:and|en|when|toen|at the time)\b)|"
                         # "op zijn zevenentwintigste", "op haar 27ste" (see `_ages_told`)
                         r"\bop (zijn|haar) (?P<ordinal>\d+|[a-z]+?)(ste|de|e)\b")
# An age in brackets after a name, as newspapers give it: "eerste officier Klaas Meurs (42)".
_AGE_AFTER_NAME = re.compile(r"\b([A-Z\u00C0-\u024F][\w-]+) \((\d{1,3})\)")
_DECADE = {"jaren", "the", "mid", "late", "early", "eind", "begin", "midden"}  # "jaren dertig"
_DETERMINERS = {"de", "het", "the", "those", "these", "die", "deze", "all", "alle"}
_AGE = {"jarige", "year", "years", "jaar"}
_RANGE_WORDS = {"tot", "to", "until", "till", "en", "and", "-", "–"}
_SOME = {"enkele", "enige", "several", "some", "paar", "few"}  # "enkele honderdduizend"
_ONE = {"een", "one"}  # Dutch "een" is also the article "a": only with a scale after it
_SCALES = {
    "thousand": 1e3, "duizend": 1e3, "million": 1e6, "millions": 1e6, "miljoen": 1e6,
    "billion": 1e9, "miljard": 1e9, "honderdduizend": 1e5,
}
_VAGUE = {"hundreds", "thousands", "millions", "honderden", "duizenden", "honderdduizenden",
          "miljoenen", "tienduizenden", "dozens", "tientallen", "countless", "talloze"}
_NUMERAL = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
_MONTHS = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|januari|februari|maart|mei|juni|juli|augustus|oktober|jan|feb|mrt|apr|jun|"
    r"jul|aug|sep|sept|okt|oct|nov|dec)\b")
# Full month names only: "Jan" and "May" are names too.
_MONTH_NAMES = frozenset(
    "january february march april june july august september october november december "
    "januari februari maart juni juli augustus oktober".split())
# Capitalised words that name no one: months ("6 May"), days and "I".
_WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DUTCH_WEEKDAYS = frozenset("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split())
_CALENDAR_NAMES = _MONTH_NAMES | _WEEKDAY_NAMES | frozenset("may i".split())
_REASON_CUES = re.compile(
    r"\b(because|since|due to|as a result|in order to|so that|feared|fear|alarmed|worried|"
    r"reason|cause|caused|omdat|doordat|want|vanwege|uit angst|vreesde|angst|oorzaak|reden|"
    r"daardoor|waardoor|"
    # purposes and consequences answer "why" too
    r"in the hope|hoping|meant|led to|leading to|resulted|consequence|purpose|aim|aimed|"
    r"motive|pretext|sought to|wanted to|thanks to|in de hoop|zodat|betekende|leidde tot|"
    r"gevolg|doel|motief|voorwendsel|wilde|dankzij|therefore|hence|consequently|daarom|"
    r"derhalve)\b")
# What made someone act: "When they learned that they were to be sent away, …", "toen zij
# vernamen dat …".
_LEARNING = re.compile(r"\b(when|once|after|toen|nadat|zodra)\b[^.;]{0,60}\b(learned|learnt|"
                       r"realised|realized|discovered|vernamen|vernam|ontdekten|ontdekte|"
                       r"beseften|besefte|vernomen) (that|dat)\b")
# Words for causing, in questions and in the sentences that answer them.
_CAUSING = r"cause|caused|causes|trigger|triggered|led to|oorzaak|oorzaken|aanleiding|" \
    r"veroorzaakt|veroorzaakte|leidde tot"
# A question about what caused something, in whatever form: "What was the real cause …?",
# "Waardoor ging de markt onderuit?", "Why …?".
_CAUSE_QUESTION = re.compile(rf"\b(why|waarom|reason|reasons|lead to|reden|redenen|waardoor|"
                             rf"{_CAUSING})\b")
# A sentence that says what caused something: "The dam's collapse triggered the flood", "de
# echte oorzaak … was niet …".
_CAUSE_CUES = re.compile(rf"\b(because|due to|triggering|sparked|leading to|resulted from|"
                         rf"startschot|doordat|omdat|vanwege|te wijten|{_CAUSING})\b")


def asks_cause(question: str) -> bool:
    return _CAUSE_QUESTION.search(fold(question)) is not None


# What caused an event, asked outright in the question's first words: "What caused the fire?",
# "How did the fire start?", "Waardoor ontstond de brand?", "Wat was de oorzaak …?" (not "the
# damage caused by the fire", nor "waardoor" in a clause further on; nor a passive or a verb
# without an object, which ask what followed or what began: "What was caused by the storm?",
# "What started in 1911?").
_WHAT_CAUSED = re.compile(
    r"^\W*(?:(?:and|en)\s+)?(?:"
    r"what\s+(?!(?:was|were|is|are|has|had|have)\b)(?:\w+\s+)?"
    r"(?:caused|triggered|started|sparked|ignited|set off|led to)\s+(?!(?:in|on|at|by|during|after|"
    r"before|when|with|from|to)\b)\w|"
    r"how\s+did\s+[^?]{1,60}\b(?:start|begin|break out)\W*$|"
    r"what\s+(?:was|were|is)\s+(?:[\w,]+\s+){0,3}?the\s+(?:\w+\s+){0,2}(?:cause|causes|trigger)\b|"
    r"waardoor\b|wat\s+veroorzaakte\b|hoe\s+(?:ontstond|begon)\b|"
    r"wat\s+(?:was|waren|is)\s+(?:[\w,]+\s+){0,4}?de\s+(?:\w+\s+){0,2}(?:oorzaak|oorzaken|aanleiding)\b|"
    r"hoe\s+is\s+[^?]{1,60}\bontstaan\b)")
# A sentence that names a cause: the cue words of `_CAUSE_CUES`, or how a fire or failure
# began ("was started by a lantern", "ontstaan door blikseminslag", "toegeschreven aan …").
_CAUSE_TOLD = re.compile(
    r"\b(?:(?:started|ignited|set off|brought about) (?:\w+ )?by|blamed on|attributed to|"
    r"as a result of|the result of|ontstaan door|ontstond door|ontstaan doordat|"
    r"ontstond doordat|ontstoken door|toegeschreven aan|toe te schrijven|als gevolg van|"
    r"het gevolg van)\b")


def asks_what_caused(question: str) -> bool:
    """Whether a question asks outright what caused an event."""
    return _WHAT_CAUSED.match(fold(question)) is not None


@lru_cache(maxsize=1 << 16)
def states_cause(sentence: str) -> bool:
    """Whether a sentence names what caused something: "The fire was started by a lantern"."""
    folded = fold(sentence)
    # ("The disaster led to stricter rules" tells what followed. An event said to cause
    # something, "The fire caused the collapse", is not told apart from its cause.)
    return any(m.group() not in _CONSEQUENCES for m in _CAUSE_CUES.finditer(folded)) \
        or _CAUSE_TOLD.search(folded) is not None


_CONSEQUENCES = frozenset(("led to", "leading to", "leidde tot"))

# The words that name a cause, after the words that say it is one: "was started by a
# lantern", "ontstaan door blikseminslag", "blamed on the signalman", "de oorzaak was …";
# or around them: "wees een lekkende gasleiding aan als oorzaak". (Not "X caused the fire":
# a sentence that names the cause first also names what else it caused; nor a sentence that
# opens on its cause, "Due to the fire, the match was cancelled", which tells what the
# event caused. Nor a bare "because" or "doordat": it gives the reason for anything the
# sentence says.)
_CAUSE_NAMED = re.compile(
    r"\b(?:(?:caused|started|ignited|set off|triggered|sparked|brought about) (?:\w+ )?by|"
    r"blamed on|attributed (?:\w+ )?to|due to|because of|as a result of|"
    r"the result of|resulted from|(?:the|its) (?:\w+ )?cause (?:of [^,.;:]{1,60}? )?(?:was|is)"
    r"(?!\s+(?:still|long|much|widely|hotly)\b)|"
    r"(?:ontstaan|ontstond|ontstoken|veroorzaakt|ingezet) (?:\w+ )?door|"
    r"(?:ontstaan|ontstond|ontstoken) (?:\w+ )?doordat|"
    r"toegeschreven aan|te wijten aan|als gevolg van|het gevolg van|"
    r"(?:de|het) (?:\w+ )?oorzaak (?:van [^,.;:]{1,60}? )?(?:was|is)"
    r"(?!\s+(?:lang|nog|veel|fel)\b))\s+(?P<named>[^,.;:!?()]{3,160})|"
    r"\b(?:wees|wezen) (?P<first>[^,.;:]{3,120}?) aan als (?:de )?oorzaak\b", re.IGNORECASE)


def named_cause(sentence: str) -> str | None:
    """The words a sentence names a cause in (see `_CAUSE_NAMED`), up to a relative clause and
    at most twelve ("…" when cut): "a cigar dropped by a visitor in the gallery". None when
    it names none, names none known ("unknown", "onbekend"), or doubts it before or in those
    words ("It is unclear whether it was started by …"; a denial after a comma is of
    something else: "…, and the rain played no part")."""
    match = _CAUSE_NAMED.search(sentence)
    if match is None or _FRONTED.match(match.group()) \
            and not sentence[:match.start()].strip(" \"'‘“(-–"):
        return None
    first = match.group("first")
    start = match.start("first") if first else match.start("named")
    named = _THE_FACT.sub("", first or match.group("named"))
    words_ = _RELATIVE_CLAUSE.split(named)[0].split()
    cause = " ".join(words_[:12]) + " …" * (len(words_) > 12)
    if not words_ or _UNKNOWN.match(cause) or doubts(sentence[:start]) or doubts(cause):
        return None
    return cause


_RELATIVE_CLAUSE = re.compile(r"\s(?:that|which|who|where|die|dat|waar|welke)\s", re.IGNORECASE)
_FRONTED = re.compile(r"(?:due to|because of|as a result of|als gevolg van)\b", re.IGNORECASE)
_THE_FACT = re.compile(r"^(?:the fact that|het feit dat)\s+", re.IGNORECASE)
_UNKNOWN = re.compile(r"(?:unknown|undetermined|not known|onbekend|niet bekend)\b",
                      re.IGNORECASE)


def tells_cause(sentence: str) -> bool:
    return _CAUSE_CUES.search(fold(sentence)) is not None


# What followed, for a question that asks it ("Why did it matter?"): "a wave of closures
# that left the harbour crippled".
_EFFECT_QUESTION = re.compile(r"\b(matter|mattered|important|importance|significance|"
                              r"significant|impact|effect|effects|belang|belangrijk|betekenis|"
                              r"uitwerking|invloed)\b")
_EFFECT_CUES = re.compile(r"\b((that|which) left|leaving \w+ (weak|weakened|crippled|"
                          r"vulnerable|defenceless|defenseless)|crippled|weakened|verzwakt|"
                          r"verlamd|lamgelegd|paved the way|opened the way|made possible|"
                          r"enabled|effende de weg|maakte de weg vrij|maakte mogelijk|"
                          r"zorgde ervoor|had tot gevolg|tot gevolg)\b")
# Dutch prepositions that join "daar", "hier" or "waar" in one word: "daaronder", "waarmee".
DUTCH_PREPOSITIONS = tuple("aan achter bij binnen boven door in langs mee na naar naast om "
                           "onder op over tegen toe tussen uit van voor zonder".split())
# Dutch "waar" and a preposition asks a question: "waarmee", "waaraan", "waartegen".
WHERE_ADVERBS = frozenset(["waar" + p for p in DUTCH_PREPOSITIONS] + ["waarheen"])
_WH_WORDS = frozenset(
    "who whom whose what which when where why how wie wat welk welke wanneer waar waarom "
    "hoe hoeveel many much according sources source documents document hoezo".split()) \
    | WHERE_ADVERBS
# Capitalised but no names: articles, and the languages a question may ask sources in.
_STOP_CAPITALS = frozenset(
    "i de het een the a an english dutch engelse engelstalige nederlandse nederlandstalige "
    "nederlands engels tv ok".split())
# The lower-case words inside a name: "Johan van Veen", "Maria de Bruijne", "Ludwig von …".
PARTICLES = r"(?:van|von|de|der|den|ter|ten|du|da|di|del|della|la|le)"
_PARTICLE_WORDS = frozenset(PARTICLES[3:-1].split("|"))
# A run of capitalised words, with its particles (an elided one too: "Prince d'Orville") and
# the number that may identify it ("Order 485").
_NAME_RUN = re.compile(r"[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]*"
                       # (a middle initial: "Walter K. Brandt"; not "Charles I. Then …")
                       r"(?:\s+(?![IVX]\.)[A-Z]\.(?=\s+(?!(?:The|Then|He|She|It|In|De|Het|Daarna|"
                       r"Hij|Zij|Een|A)\b)[A-Z\u00C0-\u024F]))*"
                       rf"(?:\s+(?:{PARTICLES}\s+)*(?:d['’])?[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]*)*"
                       r"(?:\s+\d+\b)?")
_CAPITALISED = re.compile(r"\b[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]+")


def capitalised_runs(text: str) -> list[tuple[int, int]]:
    """The spans of runs of capitalised words (see `_NAME_RUN`). A particle joins two words
    only into a person's name, one given name and one surname ("Johan van Veen", "Maria de
    Bruijne"); elsewhere it parts two names ("Jelnik van de KDV", "de Hindenburg van
    Frankfurt", "de Staten van Holland")."""
    spans: list[tuple[int, int]] = []
    for match in _NAME_RUN.finditer(text):
        parts = match.group().split()
        if not any(p in _PARTICLE_WORDS for p in parts):
            spans.append(match.span())
            continue
        before = text[:match.start()].split()[-1:]
        first = next(i for i, p in enumerate(parts) if p in _PARTICLE_WORDS)
        rest = [p for p in parts[first:] if p not in _PARTICLE_WORDS]
        # (A sentence's first word is capitalised for that alone: "Did Maria de Bruijne …")
        opening = not before or before[0].endswith((".", "?", "!", ":"))
        person = (first == 1 or first == 2 and opening) and len(rest) == 1 \
            and not rest[0].isupper() and not (before and fold(before[0]) in _ARTICLES)
        if person:
            spans.append(match.span())
            continue
        # (Each stretch of capitalised words between the particles.)
        spans.extend((match.start() + m.start(), match.start() + m.end())
                     for m in _CAPITAL_STRETCH.finditer(match.group()))
    return spans


_CAPITAL_STRETCH = re.compile(r"[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]*"
                              r"(?:\s+[A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]*)*(?:\s+\d+\b)?")


@dataclass(frozen=True)
class Question:
    text: str
    expect: Expect
    content: tuple[str, ...]  # folded content words, no question words
    years: frozenset[int]
    plural_date: bool
    polar: bool  # a yes/no question: "Did Holloway order …?", "Gaf Veldkamp opdracht …?"
    language: str = "en"
    last: bool = False  # asks how things ended: "in the end", "eventually", "uiteindelijk"
    definition: bool = False  # asks what a name is: "Who was Veyrin?", "What was the KDV?"
    # asks the name something has now: "What is Brinkport called today?"
    current_name: bool = False
    penalty: bool = False  # asks what punishment someone got: "What sentence did Ibarra get?"
    onset: bool = False  # asks when something began: "When did the Great Strike start?"
    deaths: bool = False  # counts deaths: "How many people were executed?"
    # asks who came after someone: "Who succeeded Tarrant?", "Wie verving Jelnik?"
    succession: bool = False
    # asks what became of someone: "What happened to him after he confessed?"
    fate: bool = False
    # asks who did the killing: "Who shot Tarrant?", "Wie was de dader?"
    culprit: bool = False
    # asks the time of day: "At what time did the reactor explode?", "Hoe laat …?"
    clock: bool = False
    # asks what someone or something is called: "What was Veldkamp's real name?"
    name: bool = False
    # asks the day, not only the year: "On what date was the last breach closed?"
    day: bool = False
    # asks for words said or written: "What did Lehmann keep saying?", "Welk citaat …?"
    quote: bool = False
    # asks what caused an event: "What caused the fire?", "Waardoor ontstond de brand?"
    caused: bool = False

    @property
    def checked_kind(self) -> bool:
        """A kind whose answer check finds what its words ask for (a successor, a
        punishment, a fate, the doer, the age of one named), in whatever language."""
        return self.succession or self.penalty or self.fate or self.culprit or (
            self.expect is Expect.QUANTITY and _asks_age_of_someone(self.text))


def analyse(question: str) -> Question:
    folded = fold(question)
    expect = _expectation(folded)
    definition = bool(_DEFINITION.match(folded)) and not focus_words(question) \
        and bool(question_names(question))
    if expect is Expect.PERSON and definition:
        # "Who was Tomas Veyrin?" asks what he was, not for another name.
        expect = Expect.OTHER
    content = tuple(w for w in words(question) if w not in _WH_WORDS and len(w) > 1)
    plural = bool(re.search(r"\b(years|jaren|period|periode)\b", folded))
    # Yes or no: the question's last sentence opens on its verb ("Did Holloway order …?",
    # "Wist Veldkamp wat …?"), not on a question word ("Tarrant died in Brinkport. What is it
    # called now?", "And what about …?") or a preposition ("Met welk citaat …?").
    opening = [w for w in re.split(r"(?<=[.!?])\s+", folded.strip())[-1].split()
               if w.isalpha() or w in _WH_WORDS]
    while opening and opening[0] in _LEADING_CONJUNCTIONS:
        opening = opening[1:]
    first = opening[0] if opening else ""
    polar = expect is Expect.OTHER and bool(first) and first not in _WH_WORDS \
        and first not in _OPENERS and first not in _PREPOSITIONS
    last = bool(_LAST.search(folded))
    return Question(question, expect, content, frozenset(years_in(question)), plural, polar,
                    last=last, definition=definition,
                    current_name=bool(_CURRENT_NAME_QUESTION.search(folded)),
                    penalty=expect is Expect.OTHER and bool(_PENALTY_QUESTION.search(folded)),
                    succession=expect is Expect.PERSON and bool(
                        _SUCCESSION.search(folded) or _AFTER_SOMEONE.search(question)
                        and _POST.search(folded)),
                    fate=expect is Expect.OTHER and asks_fate(question),
                    culprit=expect is Expect.PERSON and asks_culprit(folded),
                    onset=expect is Expect.DATE and bool(_ONSET_QUESTION.search(folded)),
                    clock=expect is Expect.DATE and bool(_CLOCK_QUESTION.search(folded)),
                    day=expect is Expect.DATE and bool(_DAY_QUESTION.search(folded)),
                    name=expect is Expect.OTHER and bool(_NAME_QUESTION.search(folded)),
                    quote=expect is Expect.OTHER and bool(_QUOTE_QUESTION.search(folded)),
                    caused=expect is Expect.OTHER and not polar and asks_what_caused(question),
                    deaths=expect is Expect.QUANTITY and asks_deaths(question))


INTERROGATIVE = re.compile(r"\b(who|whom|whose|what|which|when|where|why|how|wie|wiens|wat|"
                            r"welk|welke|wanneer|waar|waarom|hoe|hoeveel)\b")
# ", and how many …?", ", en hoeveel …?": a second question joined to the first. Without the
# comma it is one question ("Who decided when and where …?"), and "or" joins alternatives of
# one question ("Was he shot, or was he punished differently?").
_SECOND_QUESTION = re.compile(
    r",\s+(?:and|en)\s+(?=(?:how|what|when|where|who|whom|which|why|hoeveel|hoe|wat|"
    r"wanneer|waar|wie|welke|welk|waarom)\b)", re.IGNORECASE)
_MAX_PART_CONTEXT = 12


def split_compound(question: str) -> list[str]:
    """The parts of a question that asks two things ("On what day did it open, and how many
    stood trial?"), each as a question of its own. Each later part carries the first one's
    words as context: "how many stood trial" is about the trial the first part names. Context
    that a follow-up was given ("… there? (dock strike 1890)") goes with every part. Parts
    of fewer than three words ("…, and why?") stay with the question."""
    body, context = _given_context(question.strip())
    if "(" in body:  # a follow-up that repeats a question in brackets is asked as a whole
        return [question]
    pieces = [p.strip(" ,?") for p in _SECOND_QUESTION.split(body)]
    if len(pieces) < 2 or any(len(p.split()) < 3 for p in pieces):
        return [question]
    first = pieces[0] + "?"
    words_ = list(dict.fromkeys([*analyse(first).content, *context.split()]))
    later = " ".join(words_[:_MAX_PART_CONTEXT])
    return [f"{first} ({context})" if context else first] + \
        [f"{p[:1].upper()}{p[1:]}? ({later})" for p in pieces[1:]]


def split_alternatives(question: Question) -> list[str]:
    """The two yes/no questions a question that offers alternatives holds: "Waren Doorn en
    Falk bondgenoten of rivalen?" → "Waren Doorn en Falk bondgenoten?", "Waren Doorn en
    Falk rivalen?". Each side is looked for on its own, so that the answer cites what
    speaks for either. The second alternative replaces as many words before "or" as it has
    ("een rivaal van Falk of juist een trouwe bondgenoot"), or, when it is a clause of its
    own ("…, of was zijn positie beperkt?"), stands alone."""
    body, context = _given_context(question.text.strip())
    if "(" in body or not offers_alternatives(question):
        return []
    # (Found in the text itself: folding may change its length.)
    matches = list(re.finditer(_ALTERNATIVE[question.language].pattern, body, re.IGNORECASE))
    if not matches:
        return []
    at = matches[-1]
    first = body[:at.start()].strip(" ,")
    second = body[at.end():].strip(" ?").split()
    while second and fold(second[0]) in _RATHER:
        second = second[1:]
    stem = first.split()
    if not second or len(stem) < 2:
        return []
    if fold(second[0]) in _AUXILIARIES:
        other = " ".join(second)
    else:
        articles = [i for i, w in enumerate(stem) if i >= 2 and fold(w) in _ARTICLES]
        if fold(second[0]) in _ARTICLES and articles:
            # "Was Doorn a rival of Falk or an ally?": "Was Doorn an ally?"
            kept = stem[:articles[0]]
        elif len(stem) - len(second) >= 2:
            kept = stem[:len(stem) - len(second)]
        else:
            return []  # "Did Falk or Doorn sign it?": the subject would be lost
        other = " ".join(kept + second)
    suffix = f" ({context})" if context else ""
    return [f"{first}?{suffix}", f"{other[:1].upper()}{other[1:]}?{suffix}"]


# Words that open the second alternative without being part of it: "of juist", "or rather".
_RATHER = frozenset("juist eerder veeleer toch rather instead perhaps maybe".split())


def _given_context(question: str) -> tuple[str, str]:
    """The question and the "(…)" it ends with, which may hold brackets of its own."""
    if not question.endswith(")"):
        return question, ""
    depth = 0
    for i in range(len(question) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(question[i], 0)
        if depth == 0:
            return question[:i].rstrip(), question[i + 1:-1]
    return question, ""


# Question words that also start clauses ("… when Holloway wanted", "… die man wie").
_CONJUNCTIONS = frozenset("when where who whom whose wanneer waar wie wiens".split())


# "Which admiral", "Which of the men", "Welke Nederlandse minister": the noun, or an
# adjective and the noun.
_WHICH_NOUN = re.compile(r"(?:which|welke|welk)\s+(?:of the\s+|van de\s+)?([a-z-]+)"
                         r"(?:\s+([a-z-]+))?")
# Words for people that are no title: "Which employee …?", "Welke overlevende …?".
_PEOPLE = frozenset(
    "man woman person people men women employee employees worker workers official officials "
    "soldier soldiers politician politicians scientist scientists survivor survivors witness "
    "witnesses victim victims passenger passengers sailor sailors captain crew pilot "
    "journalist journalists reporter doctor nurse child children boy girl "
    "vrouw persoon mensen mannen vrouwen medewerker medewerkers werknemer werknemers "
    "arbeider arbeiders ambtenaar ambtenaren soldaat soldaten politicus politici "
    "wetenschapper wetenschappers overlevende overlevenden getuige getuigen slachtoffer "
    "slachtoffers passagier passagiers matroos matrozen kapitein bemanningslid piloot "
    "journalist journalisten verslaggever arts dokter verpleegster kind kinderen jongen "
    "meisje player players speler spelers supporter supporters spectator spectators "
    "toeschouwer toeschouwers student students studenten farmer farmers boer boeren "
    "referee scheidsrechter coach coaches".split())


# Verbs in the past that end in none of the usual ways: "Which architect built …?".
_STRONG_PAST = frozenset(
    "built wrote led made found gave took saw sent shot sold spoke stood struck taught told "
    "won drew held kept brought bought caught ran fought threw "
    "schreef vond gaf nam zag stierf ontwierp schoot hield liet bracht kocht won sprak "
    "stond sloeg trok vloog zat lag bouwde".split())


def _is_head(folded: str, end: int) -> bool:
    """The noun ending at `end` heads its phrase: no noun or "'s" follows it ("Which city
    was …", not "Which city council …"). What follows is a function word, a verb in the past
    or the end."""
    after = re.match(r"\s*([\w'’-]*)", folded[end:])
    following = after.group(1) if after else ""
    return not following or following in _stopwords_of("") or following in _AUXILIARIES \
        or following.endswith(("ed", "de", "te", "den", "ten", "en")) \
        or following in _STRONG_PAST


def _heads_place(folded: str, match: re.Match[str]) -> bool:
    """The place word heads its phrase (see `_is_head`). Dutch writes its compounds as one
    word, so "welke plaats brak …" needs no check, nor "where"."""
    return match.group().startswith(("welk", "waar", "where")) or _is_head(folded, match.end())


def _is_person_word(word: str) -> bool:
    return word in _PEOPLE or word in _TITLE_FORMS or word in _PERSON_NOUNS


def is_thing_noun(word: str) -> bool:
    """A word for an idea, an act or a state by its ending: "theorie", "beweging",
    "vrijheid", "theory", "operation", not "kok" or "krant", whose kind the ending does not
    tell."""
    return not _is_person_word(word) and bool(_THING_ENDING.search(word))


_THING_ENDING = re.compile(r"(?:ie|ing|heid|isme|schap|teit|ory|ism|tion|sion|ment|ness|ity)s?$")


def _expectation(folded: str) -> Expect:
    """What the question asks for. A "when" or "who" after the question word starts a
    clause: "What did Tarrant oppose when Holloway …?" does not ask for a date."""
    if _EXPANSION_QUESTION.search(folded):  # "Waar staat KDV voor?" asks no place
        return Expect.OTHER
    first = INTERROGATIVE.search(folded)
    polar = bool(folded.split()) and folded.split()[0] in _AUXILIARIES
    # ("When the dike broke, how many drowned?": a clause before the question.)
    clause = first is not None and first.group() in _CONJUNCTIONS \
        and "," in folded[first.end():]
    if first is not None and not polar and not clause:
        # What the question word itself asks: "Which village had the highest death toll?"
        # asks for a place, though it speaks of a figure.
        for kind, pattern in _PATTERNS:
            match = pattern.match(folded, first.start())
            if match and (kind is not Expect.PLACE or _heads_place(folded, match)):
                return kind
        # "Which admiral …?", "Van welke medewerker …?" ask for a person; "Which passenger
        # ship …?", "Which child's diary …?" do not.
        which = _WHICH_NOUN.match(folded, first.start())
        if which is not None:
            noun, after = which.groups()
            # (After a Dutch adjective, the noun: "Welke Nederlandse minister bezocht …")
            # (… or after a noun that says which kind: "Which railway employee …")
            if _is_person_word(noun) and _is_head(folded, which.end(1)) or after and (
                    noun.endswith("e") or _is_head(folded, which.end(2))) \
                    and _is_person_word(after):
                return Expect.PERSON
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            if kind is Expect.PLACE and not _heads_place(folded, match):
                continue  # "Which city council member …?"
            if match.group() not in _CONJUNCTIONS or \
                    not polar and (first is None or match.start() == first.start()):
                return kind
    return Expect.OTHER


# "Who was Tomas Veyrin?", "What was the KDV?": asks what a name is.
_DEFINITION = re.compile(r"^\s*(who|wie|what|wat)\s+(was|is|were|are|waren|zijn)\b")
_LEADING_CONJUNCTIONS = frozenset("and en but maar so dus or of".split())
_PREPOSITIONS = frozenset(
    "of on at by with from to into about after before against over under between "
    "van op aan bij met uit naar in over onder tussen tegen voor na door om tot".split())


def defines(question: Question, sentence: str) -> bool:
    """The sentence says what one of the question's names is, where it names it: "the KDV
    (Keuringsdienst …)", "de 30-jarige Tomas Veyrin, een ontevreden …", or,
    opening the sentence, "Tarrant was a …". A name after a preposition ("the murder of
    Tarrant, the …") is no subject of a description."""
    folded = fold(sentence)
    for name in question_names(question.text):
        for match in re.finditer(rf"\b{re.escape(name[-1])}\b[’']?", folded):
            before = folded[:match.start()].split()
            rest = folded[match.end():]
            if re.match(r"\s*\(", rest):
                return True
            if before and before[-1] in _PREPOSITIONS:
                continue
            if re.match(r",\s*(a|an|the|een|de|het)\b", rest):
                return True
            # Only capitalised words (a first name, a title) or an article come before it.
            opens = all(w[:1].isupper() or fold(w) in ("the", "de", "het")
                        for w in sentence.split()[:len(before)])
            if opens and re.match(r"\s(was|is|werd|wordt)\s+(a|an|the|een|de|het)\b", rest):
                return True
    return False


def offers_alternatives(question: Question) -> bool:
    """A yes/no question that names the options: "Were they allies or rivals?", "Werd hij
    geëxecuteerd, of kreeg hij een andere straf?". Not "… or not?", nor the Dutch "of" that
    means "whether" ("Is bekend of Veldkamp …?")."""
    pattern = _ALTERNATIVE.get(question.language)
    if not question.polar or pattern is None:
        return False
    folded = fold(question.text)
    for match in pattern.finditer(folded):
        before = folded[:match.start()].split()
        if re.match(r"\s+(not|niet)\b", folded[match.end():]):
            continue
        if any(w.strip(",") in _WHETHER for w in before[-2:]):  # "weet men of …
            continue
        return True
    return False


_ALTERNATIVE = {"en": re.compile(r"\bor\b"), "nl": re.compile(r"\bof\b")}
# Dutch words after which "of" means "whether": "bekend of", "weet men of", "de vraag of".
_WHETHER = frozenset("bekend duidelijk zeker weet weten wist vraag vragen vraagt vroeg "
                     "onduidelijk onbekend twijfel betwijfeld".split())


# A question opening on one of these asks yes or no: "Did Holloway act when Tarrant died?"
_AUXILIARIES = frozenset(
    "did does do was were is are has have had can could would will should werd werden "
    "wordt worden heeft hebben hadden kan kon zou zouden waren zijn".split())


_ENDED = r"in the end|eventually|finally|ultimately|at last|uiteindelijk|ten slotte|tenslotte"
_LAST = re.compile(rf"\b({_ENDED}|op het eind|aan het eind|what became of|"
                   r"how did [^?.!]{0,80} end\b(?! up)|hoe (liep|is) [^?.!]{0,80} af(gelopen)?|"
                   r"wat werd er van|"
                   # what came next: "Wat gebeurde er daarna met hem?"
                   r"(what happened|wat gebeurde) [^?.!]{0,60}\b(next|afterwards|after that|"
                   r"daarna|vervolgens|nadat|"
                   # … after something else happened: "after he confessed", "na zijn bekentenis"
                   r"(after|once) (he|she|they|it|his|her|their|\w+ (was|were|had))|"
                   r"na (zijn|haar|hun|de|het)))\b")
_ENDING = re.compile(rf"\b({_ENDED}|ten einde|eindigde|ended|"
                     r"daarop|thereupon|subsequently|vervolgens)\b")


# What followed something, not how it all ended: "after he confessed", "daarna".
_FOLLOWED = re.compile(r"\b(next|afterwards|after|once|daarna|vervolgens|nadat|"
                       r"na (zijn|haar|hun|de|het))\b")


def asks_ending(question: str) -> bool:
    """The question asks how things ended ("in the end", "What became of …?", "Hoe liep het
    met hem af?"), not what followed something ("What happened to him after he confessed?")."""
    folded = fold(question)
    return bool(_LAST.search(folded)) and (
        bool(re.search(rf"\b({_ENDED})\b", folded)) or not _FOLLOWED.search(folded))


def states_ending(text: str) -> bool:
    """The sentence tells how things ended ("… would eventually be executed")."""
    return bool(_ENDING.search(fold(text)))


_OPENERS = frozenset(
    "in on at for from according during tell describe explain give list name noem geef "
    "beschrijf leg volgens tijdens".split())
_DOUBT = re.compile(
    r"\b(not|never|no evidence|no proof|unclear|uncertain|disputed|doubt|doubts|divided|"
    r"debated|unproven|denied|denies|niet|geen|nooit|onduidelijk|onzeker|verdeeld|betwist|"
    r"twijfel|twijfelen|ontkende|ontkent|"
    # a claim made small, "in 1890 slechts primus inter pares"; not a small number or time,
    # "Slechts 712 overleefden", "Barely a month later"
    r"(slechts|merely|hardly|barely|nauwelijks)(?!\s+(\d|(a|an|een|one|two|three|twee|drie|"
    r"vier|four|five|vijf|ten|tien|half|enkele|some|few|weinig|days?|weeks?|months?|years?|"
    r"dagen|weken|maanden|jaren|uur|hours?)\b)))\b")


def doubts(text: str) -> bool:
    """The sentence denies or questions its claim ("historians are divided", "no evidence")."""
    return bool(_DOUBT.search(fold(text)))


def years_in(text: str) -> list[int]:
    """Years a text names; "de 1460 leden" is a count, not a year."""
    return list(_years_in(text))


# Cached, as the other facts of a sentence alone below: every question asks them again of the
# same sentences.
@lru_cache(maxsize=1 << 16)
def _years_in(text: str) -> tuple[int, ...]:
    tokens = _tokens(text)
    # … nor the number of a type ("RBMK-1000", "A1934"; "mid-1937" is a year), unless that
    # number is also told alone ("The M1891 rifle was adopted in 1891.")
    glued = set(_GLUED_NUMBER.findall(text)) - set(_LONE_NUMBER.findall(text))
    return tuple(int(t) for i, t in enumerate(tokens)
                 if _YEAR.fullmatch(t) and not _is_count(tokens, i) and t not in glued)


_LONE_NUMBER = re.compile(r"(?<![\w-])(\d{4})(?!\d)")
_GLUED_NUMBER = re.compile(r"(?<![a-z])[A-Z]+-?(\d{4})(?!\d)")


def _tokens(text: str) -> list[str]:
    return re.findall(r"\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?|[a-z]+", _fold_numerals(text))


def _fold_numerals(text: str) -> str:
    """The folded text, with Dutch "één" as the figure 1: the numeral has accents, the
    article none ("één matroos overleed" counts, "een matroos" need not), and folding drops
    them."""
    return fold(_ACCENTED_ONE.sub("1", text))


_ACCENTED_ONE = re.compile(r"(?<!\w)[EeÉé][éÉ]n(?!\w)")


def _is_count(tokens: list[str], i: int) -> bool:
    """A year-like number between an article and a plural noun counts things: "the 1500
    soldiers", "de 1460 leden"; "the 1899 strike" and "the 1921 fire" are years.
    Before a unit it measures: "1250 graden", "2300 km" (not "In 1945 Pound …")."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return 0 < i < len(tokens) - 1 and tokens[i - 1] in _DETERMINERS \
        and _plural(following) or following in _MEASURING


def _plural(word: str) -> bool:
    if not word.isalpha() or len(word) < 4:
        return False
    return word.endswith("en") or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def quantities_in(text: str) -> list[float]:
    return list(_quantities(text))


# "How long did the judges deliberate?", "Hoeveel jaar zat hij vast?": a duration. (Not
# "How long after …?" nor "How many days before …?", which ask a distance between times.)
_DURATION_QUESTION = re.compile(r"\b(how long|hoe lang|(?<!\bna )(?<!\bafter )(how much time|"
                                r"hoeveel tijd)(?!.*\b(daarna|nadien|afterwards|later)\b)|"
                                r"(how many|hoeveel) (?P<unit>seconds|seconden|"
                                r"minutes|minuten|hours|uur|uren|days|dagen|weeks|weken|"
                                r"months|maanden|years|jaar|jaren))\b(?!\s+(after|before|"
                                r"later|since|na|nadat|voor|voordat|sinds)\b)"
                                r"(?!.*\b(ago|geleden)\b)")


def asks_duration(question: str) -> bool:
    return _DURATION_QUESTION.search(fold(question)) is not None


def _spans_unit_asked(question: str, text: str) -> bool:
    """The text gives a span of time in the unit asked ("How many years …?": "12 years",
    not "12 days"), or in any unit when none is."""
    asked = _DURATION_QUESTION.search(fold(question))
    unit = _TIME_UNITS.get(asked.group("unit") or "") if asked else None
    return any(unit is None or _TIME_UNITS.get(told.split()[-1]) == unit
               for told, _ in durations_in(text))


# Each unit of time in minutes (a month is thirty days, a year 365: "a year" is "365 days").
_TIME_UNITS = {
    **dict.fromkeys("second seconds seconde seconden".split(), 1 / 60),
    **dict.fromkeys("minute minutes minuut minuten".split(), 1.0),
    **dict.fromkeys("hour hours uur uren".split(), 60.0),
    **dict.fromkeys("day days dag dagen".split(), 1440.0),
    **dict.fromkeys("week weeks weken".split(), 10080.0),
    **dict.fromkeys("month months maand maanden".split(), 43200.0),
    **dict.fromkeys("year years jaar jaren".split(), 525600.0),
}
# Before or after a span, what makes it a time told from another ("two days after the fire
# started", "after only two days", "Twee maanden later"), an age ("74 jaar oud"), a rate
# ("drie keer per dag") or part of a fraction ("half an hour").
_NOT_A_SPAN_AFTER = frozenset("later earlier after before ago eerder daarna daarvoor voordat "
                              "nadat geleden old oud oude per half".split())
_NOT_A_SPAN_BEFORE = frozenset("after na per half times keer".split())


@lru_cache(maxsize=1 << 14)
def durations_in(text: str) -> tuple[tuple[str, float], ...]:
    """Spans of time a text states, as its words and in minutes: "all of five minutes" →
    ("five minutes", 5), "two hours and forty minutes" → 160. Small numbers in words count
    here, where a unit of time says what they count ("twee keer" and "one of them" do not).
    The number and its unit stand side by side: not "the 20-year-old", "2½ hours", "the
    Thirty Years' War" or a time of day ("om 18.24 uur")."""
    folded = fold(text)
    tokens = list(re.finditer(r"(?<![\d.:/\u2044])\d+(?:[.,]\d+)?(?![\d.,:/\u2044]?\d)|[a-z]+",
                              folded))
    found: list[tuple[str, float]] = []
    i = 0
    while i + 1 < len(tokens):
        minutes = _span(tokens, i, folded)
        if minutes is None:
            i += 1
            continue
        end = i + 1
        # "two hours and forty minutes"
        if end + 3 < len(tokens) and tokens[end + 1].group() in ("and", "en") \
                and (more := _span(tokens, end + 2, folded)) is not None:
            minutes, end = minutes + more, end + 3
        after = {t.group() for t in tokens[end + 1:end + 3]}
        before = {t.group() for t in tokens[max(0, i - 2):i]}
        if not after & _NOT_A_SPAN_AFTER and not before & _NOT_A_SPAN_BEFORE:
            found.append((folded[tokens[i].start():tokens[end].end()], minutes))
        i = end + 1
    return tuple(found)


def _span(tokens: list[re.Match[str]], i: int, folded: str) -> float | None:
    """Minutes of the number at `i` and the unit of time after it, if they are that."""
    if i + 1 >= len(tokens):
        return None
    number, unit = tokens[i].group(), tokens[i + 1].group()
    if unit not in _TIME_UNITS or folded[tokens[i].end():tokens[i + 1].start()] != " " \
            or folded[tokens[i + 1].end():tokens[i + 1].end() + 1] in ("'", "’", "-"):
        return None
    if number[0].isdigit():
        # "18.24 uur" is a time of day, "2.5 hours" a span.
        if re.fullmatch(r"\d{1,2}[.:]\d\d", number) and unit in ("uur", "hours"):
            return None
        value = _parse_numeral(number)
    else:
        # ("one year", "een jaar"; "a day", "one day" and "een dag" are too often a rate or
        # an idiom.)
        if number in _ONE and unit in ("day", "dag"):
            return None
        value = 1.0 if number in _ONE else _NUMBER_WORDS.get(number) or dutch_numeral(number)
    return None if value is None else float(value) * _TIME_UNITS[unit]


# A number that names a thing, not a count: "R101", "RBMK-1000", "LZ 129", "pad 39B"; but not an
# amount in a currency or a count in a country ("USD 100", "DM 3000", "in the UK 307").
_IDENTIFIER = re.compile(r"\b([A-Z]+)-?\d+\b|\b([A-Z]{2,})[ -]\d+\b|"
                         r"(?<![$€£ƒ])\b\d+(?![MK]\b)[A-Z]+\b")  # (not "$5M", "20M")
_CODES = frozenset("usd eur gbp dm hfl fl chf uk us usa vs eu nl".split())


@lru_cache(maxsize=1 << 14)
def without_times(text: str) -> str:
    """The text less its times of day, but not a figure that looks like one: "around 2.50
    metres", "rond 1.25 miljoen"."""
    def blank(match: re.Match[str]) -> str:
        following = re.match(r"\s*(%|[^\W\d_]+)", text[match.end():])
        word = fold(following.group(1)) if following else ""
        figure = word == "%" or word in _SCALES or word in _UNIT_FORMS \
            or word in ("percent", "procent")
        return match.group() if figure else " "
    return _CLOCK.sub(blank, text)


def _without_identifiers(text: str) -> str:
    return _IDENTIFIER.sub(
        lambda m: m.group() if fold(m.group(1) or m.group(2) or "") in _CODES else " ", text)


def _spelled_tens(tens: str, unit: str) -> float | None:
    """ "twenty" and "three" → 23; None unless a ten and a unit below ten."""
    if tens in _ENGLISH_TENS and _NUMBER_WORDS.get(unit, 10) < 10:
        return float(_NUMBER_WORDS[tens] + _NUMBER_WORDS[unit])
    return None


@lru_cache(maxsize=1 << 16)
def _quantities(text: str) -> tuple[float, ...]:
    """Numbers a sentence states, with their scale: "1,5 miljoen" → 1.5e6, "800.000" → 8e5,
    "one million" → 1e6, "Drieduizend" → 3000. Years and names ("LZ 129") are left out."""
    # (Not the hours and minutes of a time of day: "At about 14:10 …, 11 miles off …")
    tokens = _tokens(_without_identifiers(without_times(text)))
    values: list[float] = []
    for i, token in enumerate(tokens):
        value: float | None = None
        end = i  # the last token of the number
        if i and tokens[i - 1] in _ENGLISH_TENS and _NUMBER_WORDS.get(token, 10) < 10:
            continue  # the "five" of "thirty-five", counted with it
        if token[0].isdigit():
            if _YEAR.fullmatch(token) and not _is_count(tokens, i):
                continue
            value = _parse_numeral(token)
        elif (spelled := _NUMBER_WORDS.get(token) or dutch_numeral(token)) is not None:
            before = tokens[i - 1] if i else ""
            if token in _SCALES and (before[:1].isdigit() or before in _NUMBER_WORDS
                                     or before in _ONE or before in _SOME):
                continue  # the scale of the number before it ("twee honderdduizend")
            value = float(spelled)
            # "Thirty-five": English writes the units as a word of their own.
            both = _spelled_tens(token, tokens[i + 1]) if i + 1 < len(tokens) else None
            if both is not None:
                value, end = both, i + 1
            # "one of them", "twee keer": number words up to twelve are too often no count
            # to be a figure, unless a scale follows ("one million", "drie miljoen");
            # "zestien personen" mostly is one.
            if value < 13 and (i + 1 >= len(tokens) or tokens[i + 1] not in _SCALES):
                continue
        elif token in _VAGUE:
            continue
        if value is None:
            continue
        before = tokens[i - 1] if i else ""
        scale = tokens[end + 1] if end + 1 < len(tokens) else ""
        # Days of the month, decades ("jaren dertig", "the 1930s") and ages are no counts.
        decade = scale == "s" or before in _DECADE and token in _NUMBER_WORDS
        # "van 12 tot 18 maart": the first day of a range is a day too.
        later = tokens[end + 3] if end + 3 < len(tokens) else ""
        day_range = scale in _RANGE_WORDS and _MONTHS.fullmatch(later) is not None
        # (Only a number that can be one is a day: "Semper Augustus 5.500 gulden" is no
        # date.)
        day = value <= 31 and value == int(value)
        if day and (_MONTHS.fullmatch(scale) or _MONTHS.fullmatch(before)) or decade \
                or scale in _AGE or day_range:
            continue
        values.append(value * _SCALES.get(scale, 1.0))
    return tuple(values)


# Vague amounts as ranges, so that "millions" disagrees with "700.000" but "hundreds of
# thousands" does not. Longer phrases first.
_VAGUE_RANGES: tuple[tuple[re.Pattern[str], float, float], ...] = tuple(
    (re.compile(rf"\b{phrase}\b"), low, high) for phrase, low, high in (
        ("hundreds of millions|honderden miljoenen", 2e8, 1e9),
        ("thousands of millions|duizenden miljoenen", 2e9, 1e10),
        ("tienduizenden miljoenen", 2e10, 1e11),
        ("hundreds of thousands|honderdduizenden", 2e5, 1e6),
        ("tens of thousands|tienduizenden", 2e4, 1e5),
        ("tens of millions|tientallen miljoenen", 2e7, 1e8),
        ("millions|miljoenen", 2e6, 1e8),
        ("thousands|duizenden", 2e3, 1e4),
        ("hundreds|honderden", 200.0, 1e3),
        ("dozens|tientallen", 24.0, 100.0),
    ))


def vague_amounts(text: str) -> list[tuple[float, float, str]]:
    """Amounts given in words without a figure, as (low, high, the words): "millions" →
    (2e6, 1e8, "millions"). (Not a span of time: "tientallen jaren", "hundreds of years".)"""
    folded = fold(text)
    found = []
    for pattern, low, high in _VAGUE_RANGES:
        for match in pattern.finditer(folded):
            after = re.match(r"\s+(?:of\s+)?(\w+)", folded[match.end():])
            if after is None or after.group(1) not in _TIME_UNITS:
                found.append((low, high, match.group()))
                break
        folded = pattern.sub(" ", folded)
    return found


_DUTCH_UNITS = {
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
_DUTCH_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
               "zeventig": 70, "tachtig": 80, "negentig": 90}

_DUTCH_COMPOUND = re.compile(  # "vijfentwintig": five-and-twenty
    r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|"
    r"zestig|zeventig|tachtig|negentig)")


def dutch_numeral(word: str) -> float | None:
    """Dutch writes numbers as one word: "tweehonderd" → 200, "driehonderdvijftig" → 350,
    "vijfentwintigduizend" → 25000. None for any other word."""
    if len(word) > 60:  # longer than any numeral, and it would recurse too deep
        return None
    for scale, factor in (("duizend", 1000), ("honderd", 100)):
        if scale in word:
            head, _, tail = word.partition(scale)
            high = dutch_numeral(head) if head else 1.0
            low = dutch_numeral(tail) if tail else 0.0
            if high is None or low is None or (tail and low >= factor):
                return None
            return high * factor + low
    if word in _DUTCH_UNITS:
        return float(_DUTCH_UNITS[word])
    if word in _DUTCH_TENS:
        return float(_DUTCH_TENS[word])
    match = _DUTCH_COMPOUND.fullmatch(word)
    if match is None:
        return None
    return float(_DUTCH_UNITS[match.group(1)] + _DUTCH_TENS[match.group(2)])


def _parse_numeral(token: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        return float(re.sub(r"[.,]", "", token))
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


# Words that say what a count counts is deaths.
_DEATH = re.compile(
    r"kill|killed|killing|killings|executed|executions?|shot|murdered|murders|massacred|died|"
    r"dies|dead|deaths?|perished|slain|drowned|fatalities|casualties|"
    r"gedood|doodde|doodden|geexecuteerd|executeerde|executeerden|executies?|doodgeschoten|"
    r"afgeschoten|gefusilleerd|terechtgesteld|omgebracht|vermoord|omgekomen|omkwamen|stierf|"
    r"stierven|sterven|sterft|gestorven|overleden|overleed|overlijdt|verdronken|verdronk|dood|"
    r"doden|dodental|"
    r"dodenaantal")
# Dying told in several words, read as one: "lost their lives", "kwamen om het leven".
# A Dutch verb split around its object ("kwamen 2.551 mensen om") becomes the word at its
# head, so that the figure between stays where it is.
# Not surviving is dying too: "did not survive", "overleefden de ramp niet".
_DYING = re.compile(r"\b(lost (their|his|her) lives?|put to death|om het leven|"
                    # (not "No lives were lost", "Er gingen geen levens verloren")
                    r"(?<!\bno )lives (were |was |had been )?lost|"
                    r"(?<!\bgeen )levens? (gingen |ging )?verloren|"
                    r"loss(?= of (\S+ ){0,2}li(fe|ves)\b)|"
                    # "cost the lives of 565 men", "claimed 39 lives", "kostte 39 mensen het
                    # leven", "eiste 39 levens"
                    # ("How many lives were lost/did it claim?", not "… were saved")
                    r"(?<=how many )lives"
                    r"(?=(\s+[^\s,;]*[^\s,;.]){0,5}?\s+(lost|claim|claimed|cost)\b)|"
                    r"(?<=hoeveel )(mensen)?levens(?=(\s+[^\s,;]*[^\s,;.]){0,5}?\s+(verloren|eiste|"
                    r"eisten|geeist|kostte|kostten|gekost)\b)|"
                    r"(cost|claimed) the li(fe|ves) of|"
                    r"(cost|claimed)(?=( [^\s,;]*[^\s,;.]){0,3}? lives\b(?!( \w+){0,3} saved\b))|"
                    r"(kostte|kostten|eiste|eisten)"
                    r"(?=(\s+(?!en\b|and\b|maar\b)[^\s,;]*[^\s,;.]){0,3}?"
                    r"\s+(het leven|levens|mensenlevens)\b)|"
                    r"(verloren|verloor)(?=(\s+\S+){0,4}?\s+het leven\b)|"
                    r"(did not|didn't|never) survive|niet overleefd(en)?|"
                    # "overleefden de ramp niet", not "overleefden er 62, alleen 35 niet" or
                    # "overleefden niet alleen de brand"
                    r"(overleefden|overleefde)(?=(\s+[^\s,;.:\d]+){0,3}?\s+niet\b(?!\s+alleen))|"
                    r"(kwamen|kwam)(?=(\s+\S+){0,4}?\s+om\b))\b")
# Dying is not what these count: "sentenced to death", "ter dood (werden) veroordeeld".
_DEATH_SENTENCE = re.compile(r"\b(sentenced|condemned) to death\b|"
                             r"\bdeath sentences?\b|\bter dood (\w+ )?\w*veroordee?l\w*")


def _is_death(token: str) -> bool:
    return _DEATH.fullmatch(token) is not None


def is_death_word(word: str) -> bool:
    """ "killed", "doden": a word that tells of dying (what "How many dead …?" counts)."""
    return _is_death(fold(word))


def _dying_words(text: str) -> str:
    """The folded text with death sentences left out and dying told in one word."""
    return _DYING.sub(" dood ", _DEATH_SENTENCE.sub(" ", _fold_numerals(text)))


def asks_deaths(question: str) -> bool:
    """ "How many were executed?", "Hoeveel mensen kwamen om?"; not "How many were sentenced
    to death?", nor "How large a reward was offered to kill him?" (a purpose, no death)."""
    tokens = _tokens(_dying_words(question))
    # (An infinitive only: "burned to death" still asks deaths.)
    return any(_is_death(t) and not (i and tokens[i - 1] in ("to", "te")
                                     and t not in ("death", "dood", "dead"))
               for i, t in enumerate(tokens))


# Words that ask or tell the same thing in other words, in both languages: a question's
# "lived" is answered by "inhabitants", "finished" by "voltooid". (Not dying: in a text about
# killings "When did Holloway die?" would find every death Holloway is named beside.)
_FAMILIES = {
    "living": "live lived living inhabitants inhabitant residents population populated "
              "inhabited woonden woonde wonen woont inwoners bewoners bevolking bewoond",
    "finishing": "finish finished finishing complete completed completion ready voltooid "
                 "voltooide voltooiing afgerond gereed klaar opgeleverd",
    "costing": "cost costs costed price priced paid pay spent expense kostte kosten kost "
               "prijs betaald betaalde uitgegeven",
    "finding": "found find discovered discovery located ontdekt ontdekte ontdekking gevonden "
               "vond vonden teruggevonden aangetroffen",
    "building": "built build building constructed construction gebouwd bouwde bouw "
                "bouwen aangelegd",
    "accused": "defendant defendants accused verdachte verdachten beklaagde beklaagden "
               "gedaagde gedaagden",
    "together": "together alongside samen",
    "burial": "buried burial grave tomb begraven begrafenis bijgezet graf",
    "departing": "depart departed departs departure left sail sailed vertrok vertrokken "
                 "vertrek vertrekt verliet verlieten",
    "arriving": "arrive arrived arrives arrival aankomst arriveerde arriveerden",
    "surviving": "survive survived survives survivor survivors overleefde overleefden "
                 "overleefd overlevende overlevenden overleven",
    "birth": "born birth birthplace geboren geboorte geboorteplaats",
    "marrying": "married marry marriage wedding trouwde trouwden getrouwd huwelijk huwde",
    "founding": "founded founding established oprichting opgericht richtte",
    "imprisoning": "imprisoned imprisonment jailed prison gevangengezet gevangenschap "
                   "opgesloten opsluiten gevangenis",
    "arresting": "arrest arrested arrests arrestatie gearresteerd arresteerde arresteerden "
                 "aangehouden detained detention opgepakt oppakken",
    "naming": "named naming vernoemd naamgever",
    "sinking": "sank sink sunk sinking zonk zonken gezonken zinken",
    "fleeing": "fled flee escape escaped fleeing vluchtte vluchtten gevlucht ontsnapte "
               "ontsnapt ontsnapping",
    "signing": "signed sign signing signature tekende tekenden getekend ondertekend "
               "handtekening",
    "advising": "advised advise advice recommended recommendation warned adviseerde "
                "adviseerden advies raadde aangeraden waarschuwde gewaarschuwd",
    "evacuating": "evacuated evacuate evacuation geevacueerd evacuatie evacueerde",
    "rescuing": "rescued rescue rescuers saved gered redde redden redding",
    "commanding": "commanded command commander captain bevelhebber gezagvoerder "
                  "kapitein commandant",
    "destroying": "destroyed destroy destruction verwoest verwoestte verwoesting vernietigd "
                  "vernietigde vernietiging",
    "selling": "sold sell sale selling verkocht verkoop verkochten",
    "buying": "bought buy purchase purchased kocht kochten gekocht aankoop",
    "power": "power macht",
    "banning": "banned ban bans outlawed prohibited prohibit forbidden forbade forbid "
               "verboden verbood verbod",
    "religion": "faith faiths religion religions religious geloof religie religies godsdienst "
                "godsdiensten",
    "writing": "wrote write writes written writing schreef schreven geschreven schrijft "
               "schrijven",
    "designing": "designed design designs designer designers ontworpen ontwierp ontwierpen "
                 "ontwerp ontwerpen ontwerper ontwerpers",
    "collapsing": "collapse collapsed collapses collapsing bezweek bezweken bezwijken "
                  "ingestort instortte instortten instorten begaf",
    "speaking": "spoke speak speaks spoken talked talk conversation conversations sprak "
                "spraken gesproken spreken gesprek gesprekken praatte praatten",
    "award": "award awards awarded medal medals decoration decorated onderscheiding "
             "onderscheidingen onderscheiden medaille medailles",
    "book": "book books memoir memoirs boek boeken memoires",
    "publishing": "published publish publication printed print gepubliceerd publiceerde "
                  "publicatie gedrukt",
    "fining": "fine fined fines boete boetes beboet",
    "pardoning": "pardon pardoned gratie begenadigd begenadiging",
    "sentencing": "sentenced convicted convict conviction condemned condemn veroordeeld "
                  "veroordeelde veroordeelden veroordeling",
    "acquitting": "acquitted acquittal acquit vrijgesproken vrijspraak vrijsprak vrijspraken",
    "appointing": "appointed appoint appointment benoemd benoemde benoeming",
    "sending": "sent send transferred transfer stuurde stuurden gestuurd overgeplaatst",
    "wounding": "wounded wound injured injure injury injuries gewond gewonden verwond "
                "verwondingen letsel",
    "visiting": "visited visit visitors bezocht bezoek bezoekers",
    "resigning": "resigned resign resignation aftreden",
    "electing": "elected elect election verkozen verkiezing verkiezingen",
    "confessing": "confessed confess confession confessions bekende bekentenis "
                   "bekentenissen",
    "executing": "executed execute execution executions geexecuteerd executie executies "
                 "terechtgesteld terechtstelling",
    "torturing": "tortured torture gemarteld marteling martelingen",
    "investigating": "investigated investigate investigation inquiry onderzoek onderzocht",
    "witnessing": "witness witnesses testified testify testimony getuige getuigen getuigde "
                  "getuigden getuigenis",
    "defending": "defence defense defended defend defending verdediging verdedigde "
                 "verdedigden verdedigd verdedigen",
    "punishing": "punishment punished punish penalty straf straffen bestraft gestraft",
    "nickname": "nickname nicknamed nicknames bijnaam bijnamen",
    # Common nouns of events, places and people, spelled too differently across the two
    # languages to match ("bridge"/"brug"). (Not what a whole corpus is about, such as
    # "disaster"/"ramp" or "trial"/"proces", nor the time of day, "on the night of …":
    # found in every other sentence, they would tell nothing of what a question asks.)
    "explosion": "explosion explosions blast exploded explode ontploffing ontploffingen "
                 "explosie explosies ontplofte ontploft",
    "blaze": "fire fires blaze flames brand vuur vlammen",
    "vessel": "ship ships vessel vessels schip schepen vaartuig",
    "bridge": "bridge bridges brug bruggen",
    "gunpowder": "gunpowder buskruit kruit",
    "government": "government governments regering regeringen kabinet overheid",
    "painting": "painting paintings schilderij schilderijen",
    "weapon": "weapon weapons wapen wapens",
    "bullet": "bullet bullets kogel kogels",
    "railway": "train trains railway railways trein treinen spoorweg spoorwegen",
    "church": "church churches kerk kerken",
    "army": "army armies leger legers",
    "town": "city cities town towns stad steden",
    "island": "island islands eiland eilanden",
    "river": "river rivers rivier rivieren",
    "harbour": "harbour harbours harbor harbors havens",
    "court": "court courts rechtbank",
    "opening": "open opened opens inaugurated inauguration geopend opende openden "
               "openen opent ingewijd inwijding",
    "report": "report reports rapport rapporten verslag",
    "newspaper": "newspaper newspapers krant kranten",
    "dike": "dike dikes dyke dykes dijk dijken",
    "flooding": "flood floods flooding flooded overstroming overstromingen overstroomd "
                "overstroomde overstroomden",
    "house": "house houses huis huizen woning woningen",
    "floor": "floor floors storey storeys verdieping verdiepingen",
    "memorial": "memorial memorials monument monumenten gedenkteken",
    "hospital": "hospital hospitals ziekenhuis ziekenhuizen",
    "crew": "crew crews bemanning bemanningen",
    "victim": "victim victims slachtoffer slachtoffers",
    "causing": "cause causes caused oorzaak oorzaken veroorzaakt veroorzaakte",
    "blaming": "blame blamed schuld",
    "responsible": "responsible responsibility verantwoordelijk verantwoordelijke "
                   "verantwoordelijkheid",
    "police": "police politie",
    "money": "money geld",
    "sea": "sea seas zee zeeen",
    "coast": "coast coasts kust kusten",
    "daughter": "daughter daughters dochter dochters",
    "father": "father vader",
    "mother": "mother moeder",
    "brother": "brother brothers broer broers",
}
_FAMILY_OF = {w: name for name, forms in _FAMILIES.items() for w in forms.split()}
# Words that ask for an office, which any title answers: Dutch ones always; English ones,
# which have other senses ("the post office", "the ship's position"), with a verb of
# holding or "official" ("What post did he hold?", "his official title").
_OFFICE_WORDS = frozenset("functie ambt regeringsfunctie partijfunctie".split())
_HELD_OFFICE_WORDS = frozenset("post office position function rank title".split())
_HOLDING = frozenset("hold held holds occupy occupied fill filled official".split())
_TRADE_WORDS = frozenset("job jobs occupation occupations profession professions beroep "
                         "beroepen vak living kost".split())
# (Not the appeal of "in hoger beroep", "ging in beroep", "tekende beroep aan", nor "een
# beroep op de koning", nor a stand's "vak Z".)
_TRADE_ASKED = re.compile(r"\b(?:jobs?|occupations?|professions?|beroepen|vak(?!\s+(?-i:[A-Z0-9]))|"
                          r"for\s+a\s+living|de\s+kost|"
                          r"(?<!\bin )(?<!\bhoger )(?<!\been )beroep(?!\s+aan\b))\b",
                          re.IGNORECASE)


@lru_cache(maxsize=256)  # (asked of the same question for every figure compared)
def asks_age(question: str) -> bool:
    return _AGE_QUESTION.search(fold(question)) is not None


def bracketed_ages(text: str) -> frozenset[float]:
    """Ages in brackets after a person's name, "Greet Mol (81)": no count of anything. (Not
    after a place: "in Oosterhoeve (305)".)"""
    return frozenset(float(m.group(1)) for m in _AGE_AFTER_FULL_NAME.finditer(text)
                     if 0 < int(m.group(1)) <= 110)


_AGE_AFTER_FULL_NAME = re.compile(rf"[A-Z\u00C0-\u024F][\w-]+\s+(?:{PARTICLES}\s+)*"
                                  r"[A-Z\u00C0-\u024F][\w-]+\s*\((\d{1,3})\)")


def asks_trade(question: str) -> bool:
    """"What was Smit's job?", "Wat was zijn beroep?"."""
    return _TRADE_ASKED.search(question) is not None


def names_title(text: str) -> bool:
    """The text names an office, a role or an occupation in lower case: "schoolmaster",
    "burgemeester", "smid", also as the head of a Dutch compound: "portretschilder",
    "hoofdconducteur" (not the surname "Visser"), or after an age: "a 24-year-old weaver"."""
    tokens = re.findall(r"\b[^\W\d_][\w-]*", text)
    return any(w in _TITLE_FORMS or w in _TRADES or len(w) > 8 and w.endswith(_TRADE_HEADS)
               for w in (fold(t) for i, t in enumerate(tokens) if t.islower() or i == 0)) \
        or any(_describes(fold(m.group(1))) for m in _AGED.finditer(text))


def _describes(word: str) -> bool:
    """The word after an age names what someone was: not their sex, age or kin, nor a word
    that qualifies the next or a thing ("a 100-year-old bridge", "the 19-year-old was")."""
    return word not in _NO_TRADE and not word.startswith("oud-") \
        and not is_function_word(word) and not is_thing_noun(word) and not word.endswith("ed")


# "a 24-year-old weaver", "de 42-jarige stoker": what follows an age describes the person.
_AGED = re.compile(r"\b\d{1,3}[- ](?:year[- ]old|jarige)\s+((?-i:[a-z])[\w-]+)", re.IGNORECASE)
# (Not who someone is by sex, age or kin, nor a word that qualifies the next.)
_NO_TRADE = frozenset("""
man men woman women boy boys girl girls child children son sons daughter daughters wife wives
husband husbands widow widower mother father brother brothers sister sisters jongen jongens
meisje meisjes vrouw vrouwen mannen kind kinderen zoon zonen dochter dochters weduwe weduwnaar
moeder vader broer broers zus zussen person persoon people mensen victim victims slachtoffer
slachtoffers survivor survivors overlevende resident residents inwoner inwoners bewoner
bewoners local former voormalige voormalig
""".split())


def trade_share(focus: Sequence[str]) -> float:
    """The share of the focus words that ask for a trade, which a title answers."""
    return _share(focus, _TRADE_WORDS)


def _share(focus: Sequence[str], asking: frozenset[str]) -> float:
    """The share of the focus words in `asking`."""
    return sum(w in asking for w in focus) / len(focus) if focus else 0.0


def _name_words(names: Sequence[tuple[str, ...]]) -> set[str]:
    return {transliterate(w) for name in names for w in name}


def _surnames(names: Sequence[tuple[str, ...]]) -> set[str]:
    """The word each name goes by, its last but a numeral: a first name alone is another's
    ("the death of Otto III" tells nothing of Otto Brandt's)."""
    return {transliterate(next((w for w in reversed(name) if w not in _REGNAL), name[-1]))
            for name in names}


# (Not "li" or "xi", which are surnames too.)
_REGNAL = frozenset("ii iii iv v vi vii viii ix x xii xiii xiv xv xvi xvii xviii".split())


def _offices_asked(focus: tuple[str, ...]) -> frozenset[str]:
    held = _HELD_OFFICE_WORDS if _HOLDING & set(focus) else frozenset()
    return frozenset(focus) & (_OFFICE_WORDS | held)
# How a verb in the past or a participle ends: "completed", "voltooid".
_VERB_ENDINGS = ("ed", "d", "t", "de", "te", "den", "ten")
# (Not "her", "haar" or "zijn", which are also a pronoun and a verb: "Drie mannen zijn
# gearresteerd".)
_NOUN_MARKERS = frozenset("the a an his its their de het een hun".split())
# The families' verbs in the past that end otherwise.
_IRREGULAR_PAST = frozenset("vertrok vertrokken zonk zonken sank sunk".split())


def focus_overlap(focus: tuple[str, ...], text: str, verbs: bool = False,
                  deaths: bool = False) -> float:
    """`soft_overlap` of the question's focus words with a sentence, where a word also finds
    one of its family: "How many people lived there?" finds "45.000 inwoners". With `verbs`,
    only a verb of the family ("completed", "voltooid"), not a noun that may belong to
    another event ("his grave", "her birthplace"). With `deaths` (the question counts the
    dead and the sentence does), any word of dying finds the sentence: "gedood" finds "Van
    hen verdronken er 1.200"."""
    if not focus:
        return 0.0
    sentence_words = words(text)
    if verbs:
        # (After an article or a possessive a word is a noun, whatever its ending: "the news
        # of the arrest", "zijn verbod".)
        tokens = re.findall(r"\w+", fold(text))
        told = {_FAMILY_OF.get(w) for before, w in pairwise(["", *tokens])
                if (w.endswith(_VERB_ENDINGS) or w.startswith("ge") or w in _IRREGULAR_PAST)
                and before not in _NOUN_MARKERS} - {None}
    else:
        told = {_FAMILY_OF.get(w) for w in sentence_words} - {None}
    # A title finds its other forms too: "chairman" is "voorzitter". A word for an office
    # finds any title: "What post did Holloway hold?" finds "as mayor of Brinkport".
    offices = _offices_asked(focus) if any(w in _POST_FORMS for w in sentence_words) \
        else frozenset()
    extra = sum(1 - soft_overlap((w,), sentence_words) for w in focus
                if _FAMILY_OF.get(w) in told
                or set(_TITLE_FORMS.get(w, ())) & set(sentence_words)
                or w in offices
                or deaths and _is_death(w))
    return min(1.0, soft_overlap(focus, sentence_words) + extra / len(focus))


@lru_cache(maxsize=1 << 16)
def counts_deaths(text: str) -> bool:
    """A figure told with a word of dying: "one million cattle were killed", "van hen
    verdronken er 1.200", "killed 1,836 people", not "2,000 were sent to the
    colonies, where many died" nor "he was shot on 12 June 1897"."""
    # (An aside in brackets may stand between: "3,000 miners (the whole night shift)
    # were killed".)
    plain = _ASIDE.sub(" ", text)
    clauses = _dying_words(text).split(";") + (
        _dying_words(plain).split(";") if plain != text else [])
    for clause in clauses:
        tokens = _tokens(clause)
        if any(_is_figure(tokens, i)
               and any(map(_is_death, tokens[max(0, i - 3):i] + tokens[i + 1:i + 6]))
               for i in range(len(tokens))):
            return True
    return False


_ASIDE = re.compile(r"\s*\([^()]*\)")


def _is_figure(tokens: list[str], i: int) -> bool:
    """A count: not a year, not a day of a month, not the article "een"."""
    token = tokens[i]
    if token in _SCALES or token in _VAGUE:
        return True
    if _YEAR.fullmatch(token) and not _is_count(tokens, i):
        return False
    around = " ".join(tokens[max(0, i - 1):i] + tokens[i + 1:i + 2])
    if token.isdigit() and int(token) <= 31 and _MONTHS.search(around):
        return False  # "12 June", "mei 12"
    if _NUMERAL.fullmatch(token):
        return True
    value = _NUMBER_WORDS.get(token) or dutch_numeral(token)
    return value is not None and value >= 2


# A number that names a unit, an order or a flight: "Infantry Regiment 417", "Flight 212",
# "Order No. 52", "verordeningen 12 en 15". It disagrees with no count. (Words in everyday
# use name only written as a name or with a number sign: not "along the route 300 were
# hurt", "in de kamer 33 zetels".)
_UNIT_LABELS = ("battalion|bataljon|regiment|division|divisie|brigade|squadron|flight|vlucht|"
                "decree|verordening|verordeningen|besluit|article|artikel|platform|perron")
_COMMON_LABELS = ("order", "room", "kamer", "gate", "route", "line", "lijn")
_NUMBER_SIGN = r"(?i:no|nr)\.?\s+"
_LABEL = re.compile(rf"\b(?:(?i:{_UNIT_LABELS})\s+(?:{_NUMBER_SIGN})?|"
                    rf"(?:{'|'.join(w.capitalize() for w in _COMMON_LABELS)})\s+"
                    rf"(?:{_NUMBER_SIGN})?|(?i:{'|'.join(_COMMON_LABELS)})\s+{_NUMBER_SIGN})"
                    r"(\d+)\b(?![.,]\d)(?:\s+(?:en|and)\s+(\d+)\b)?")
# A question that asks for such a number: "What was the battalion's number?", "Which flight
# …?" (not "How many men did the battalion lose?").
_LABEL_ASKED = re.compile(rf"\b(?:number|nummer|(?:which|what|welke|welk)\s+(?:[a-z]+\s+)?"
                          rf"(?:{_UNIT_LABELS}|{'|'.join(_COMMON_LABELS)}))\b")


@lru_cache(maxsize=1 << 14)
def labels_in(text: str) -> frozenset[float]:
    """The numbers a sentence gives as names, not counts: they disagree with no figure."""
    return frozenset(float(n) for m in _LABEL.finditer(text) for n in m.groups() if n)


@lru_cache(maxsize=1 << 16)
def states_quantity(text: str, labels: bool = True) -> bool:
    """A count or amount, in digits or words, compounds included ("Driehonderdvijftig"); with
    `labels` false, not a number that names ("Squadron 61")."""
    folded = _SPELLED_DECADE.sub(" ", fold(_without_identifiers(without_times(text))))
    values = set(quantities_in(text))
    return bool(values if labels else values - labels_in(text)) \
        or bool(_NUMBER_MORPHEME.search(folded)) \
        or any(w in _VAGUE for w in re.findall(r"[a-z]+", folded))


_MORPHEMES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fifteen "
    "eighteen teen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien "
    "veertien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd "
    "duizend miljoen miljard").split()
_MORPHEME = "|".join(sorted(_MORPHEMES, key=len, reverse=True))
# Whole words made only of number parts: "zestien", "Tweehonderd", "Driehonderdvijftig".
_NUMBER_MORPHEME = re.compile(
    rf"\b(?!(?:een|one)\b)(?:{_MORPHEME})(?:{_MORPHEME}|en)*\b")  # "een" alone is "a"


# "How many of the 16 …?": the figure the question gives is the whole counted from.
_PARTITIVE = re.compile(r"\b(how many|hoeveel)\s+(of|van)\b")
# A decade in words is no count: "begin jaren dertig", "in de jaren twintig".
_SPELLED_DECADE = re.compile(r"\bjaren\s+(?:twintig|dertig|veertig|vijftig|zestig|zeventig|"
                             r"tachtig|negentig)\b")

# Units in both languages, one unit a line; the first word of a block names its kind.
_MEASURES = {
    "currency": """euro euros eur
        dollar dollars usd
        roebel roebels ruble rubles rouble roubles
        gulden guldens guilder guilders
        pound pounds pond ponden
        frank franken franc francs
        mark marken marks""",
    "distance": """kilometer kilometers kilometre kilometres km
        mile miles mijl mijlen
        meter meters metre metres
        foot feet ft voet""",
    "weight": """ton tons tonne tonnes
        kilo kilos kilogram kilograms kg""",
    "temperature": """degrees degree graden graad °
        celsius
        fahrenheit""",
}
# Units after which a year-like number measures: not those that are also names, verbs or
# adjectives ("In 1945 Pound was arrested", "the 1971 dollar crisis", "1990 marks the end").
_MEASURING = frozenset("degrees graden graad celsius fahrenheit km kilometer kilometers "
                       "kilometre kilometres meter meters metre metres kg kilogram kilograms "
                       "tonnes".split())
_UNIT_FORMS = {form: (kind, line.split()[0]) for kind, block in _MEASURES.items()
               for line in block.splitlines() for form in line.split()}
_SYMBOLS = {"€": "euro", "$": "dollar", "£": "pound", "ƒ": "gulden"}
# Kinds a question asks without naming a unit: "How far …?", "Hoeveel kostte …?"
_MEASURE_QUESTION = (
    # "How far is it from …?", not "How far did Holloway trust him?"
    ("distance", re.compile(r"\b(how far|hoe ver|afstand|distance)\b")),
    # "What was the maximum height …?", "Hoe diep …?": a length too; not "Hoe hoog was het
    # dodental?", "How high was the price?"
    ("distance", re.compile(r"^(?!.*\b(toll|dodental|dodenaantal|aantal|number|schade|damage|"
                            r"bedrag|price|prijs|cost|kosten|percentage|boete|fine|tax|"
                            r"belasting)\b).*"
                            r"\b(how (high|deep|tall|wide)|hoe (hoog|diep|breed)|height|depth|"
                            r"water level|hoogte|diepte|waterstand|waterhoogte|waterpeil)\b")),
    ("weight", re.compile(r"\b(how heavy|hoe zwaar|weight|gewicht)\b")),
    ("temperature", re.compile(r"\b(how (cold|hot|warm)|hoe (koud|warm|heet (?=(was|is|werd|"
                               r"waren|wordt|werden)\b))|temperature|temperatuur|"
                               r"how many degrees|hoeveel graden)\b")),
    # "How much did it cost?", not "How many lives did the famine cost?"
    ("currency", re.compile(r"^(?!.*\b(lives|life|levens|leven|mensenlevens)\b).*"
                            r"\b(cost|costs|kost|kostte|kostten|gekost|kosten|price|prijs|spent|"
                            r"uitgegeven|betaald|betalen|betaalde|betaalden|paid|pay|pays|paying|"
                            r"money|geld|budget|bedrag|sum|som|fee|compensation|schadevergoeding|"
                            r"ransom|salary|wage|losgeld|salaris|loon)\b")))


@lru_cache(maxsize=256)
def asked_unit(question: str) -> tuple[str, str]:
    """The unit a "how much" question asks its figure in: ("currency", "gulden") for
    "Hoeveel gulden kostte het?", ("distance", "") for "How far is it?"; empty for none."""
    folded = fold(question)
    # (In lower case only: "Ton", "Mark" and "Frank" are names too.)
    for word in re.findall(r"[a-z]+", question):
        # (A degree may be a diploma or a burn's: "third-degree burns" count no heat.)
        if word in _UNIT_FORMS and _UNIT_FORMS[word][0] != "temperature":
            return _UNIT_FORMS[word]
    # "Hoeveel doden heeft de ramp gekost?" counts the dead, not money.
    counted = counted_words(question)
    for kind, pattern in _MEASURE_QUESTION:
        if pattern.search(folded) and not (kind == "currency" and (
                asks_deaths(question) or counted and counted[0] not in _MONEY)):
            return kind, ""
    return "", ""


# Amounts of money by another name: "Hoeveel schadevergoeding werd er betaald?"
_MONEY = frozenset("geld money compensation schadevergoeding vergoeding compensatie losgeld "
                   "ransom boete fine salaris salary".split())


def states_unit(kind: str, unit: str, sentence: str) -> bool:
    """A figure in the unit asked (any of its kind when none is named): "1,5 miljard euro",
    "$5 million", "100 kilometres"; not euros for "Hoeveel gulden?"."""
    tokens = _UNIT_TOKEN.findall(fold(sentence))
    for i, token in enumerate(tokens):
        found = _UNIT_FORMS.get(token) or (
            ("currency", _SYMBOLS[token]) if token in _SYMBOLS else None)
        if found is not None and i and tokens[i - 1] in _DIMENSIONS:
            found = (_DIMENSIONS[tokens[i - 1]], found[1])  # "18 kubieke kilometer"
        if found is None or found[0] != kind or unit and found[1] != unit:
            continue
        # the figure before it ("1,5 miljard euro"), or after a symbol or code ("$ 5",
        # "USD 5 million"; not "which marks 90 years")
        near = tokens[max(0, i - 3):i] + (tokens[i + 1:i + 2] if token in _PREFIXED else [])
        if any(_figure_token(t) for t in near):
            return True
    return False


_DIMENSIONS = {"cubic": "volume", "kubieke": "volume", "square": "area", "vierkante": "area"}
_PREFIXED = frozenset(_SYMBOLS) | {"usd", "eur", "gbp"}
_UNIT_TOKEN = re.compile(r"[€$£ƒ°]|\d[\d.,]*|[a-z]+")


def _figure_token(token: str) -> bool:
    return token[0].isdigit() or token in _SCALES or bool(_NUMBER_WORDS.get(token)) \
        or dutch_numeral(token) is not None


def figure_kinds(text: str) -> frozenset[str]:
    """The kinds of unit the text's figures are told in, "" for a figure without one:
    {"weight"} for "5000 ton zand", {""} for "116,000 people" or "one million cattle"."""
    tokens = _UNIT_TOKEN.findall(fold(text))
    kinds: set[str] = set()
    for i, token in enumerate(tokens):
        if not token[0].isdigit():
            continue
        before = tokens[i - 1] if i else ""
        after = [t for t in tokens[i + 1:i + 3] if t not in _SCALES]
        unit = _UNIT_FORMS.get(after[0]) if after else None
        if before in _PREFIXED:
            kinds.add("currency")
        elif len(after) > 1 and after[0] in _DIMENSIONS and after[1] in _UNIT_FORMS:
            kinds.add(_DIMENSIONS[after[0]])  # "200.000 kubieke meter" is no distance
        elif unit is not None:
            kinds.add(unit[0])
        else:
            kinds.add("")
    return frozenset(kinds or {""})  # (figures in words: "one million cattle")


# What "how many" counts: "How many passengers …?" → ("passengers",).
_COUNTED = re.compile(r"\b(?:how many|hoeveel)\s+([\w-]+(?:\s+[\w-]+){0,2})")
# Words for people in general, which count the same: "people", "mensen", "personen".
ANYONE = frozenset("people persons individuals mensen personen".split())


@lru_cache(maxsize=256)
def counted_words(question: str) -> tuple[str, ...]:
    """The words after "how many", up to three and up to the first function word: "How many
    separate gas cells held …" → ("separate", "gas", "cells"). (A verb may come along:
    "How many people died?" → ("people", "died").)"""
    match = _COUNTED.search(fold(question))
    if match is None:
        return ()
    stop = _stopwords_of("")
    found: list[str] = []
    for word in match.group(1).split():
        if word in stop or word in _AUXILIARIES:
            break
        found.append(word)
    return tuple(found)


# Common things counted, in both languages: across them "toeschouwers" and "workers" count
# different things, where spelling alone cannot tell. (Plural and singular; a Dutch compound
# is known by its last part, "massagraven" by "graven", unless listed whole.)
_COUNT_NOUNS = {
    "people": "people persons person mensen personen mens",
    "children": "children child kinderen kind",
    "women": "women woman vrouwen vrouw",
    "men": "men man mannen",
    "soldiers": "soldiers soldier troops soldaten soldaat troepen militairen",
    "officers": "officers officer officieren officier",
    "generals": "generals general generaals generaal",
    "members": "members member leden lid",
    "crew": "crew crewmen bemanningsleden bemanning",
    "firefighters": "firefighters firefighter firemen fireman brandweerlieden brandweerman "
                    "brandweermannen brandweerlui",
    "passengers": "passengers passenger passagiers passagier reizigers reiziger travellers "
                  "traveller",
    "spectators": "spectators onlookers audience toeschouwers toeschouwer toehoorders",
    "victims": "victims victim slachtoffers slachtoffer",
    "survivors": "survivors survivor overlevenden overlevende",
    "prisoners": "prisoners prisoner gevangenen gevangene",
    "workers": "workers worker arbeiders arbeider",
    "inhabitants": "inhabitants inhabitant residents inwoners inwoner bewoners",
    "delegates": "delegates delegate afgevaardigden afgevaardigde",
    "votes": "votes vote stemmen stem",
    "houses": "houses house homes home huizen huis woningen woning",
    "buildings": "buildings building gebouwen gebouw",
    "churches": "churches church kerken kerk",
    "ships": "ships ship vessels schepen schip",
    "trains": "trains train treinen trein",
    "boats": "boats boat lifeboats lifeboat sloepen sloep boten boot",
    "graves": "graves grave graven graf",
    "bodies": "bodies body lichamen lichaam",
    "books": "books book boeken boek",
    "letters": "letters letter brieven brief",
    "days": "days day dagen dag",
    "weeks": "weeks week weken",
    "months": "months month maanden maand",
    "years": "years year jaar jaren",
    "hours": "hours hour uur uren",
    "minutes": "minutes minute minuten minuut",
    "seconds": "seconds second seconden seconde",
}
_COUNT_NOUN_OF = {w: name for name, forms in _COUNT_NOUNS.items() for w in forms.split()}
_PERSONS = frozenset("people children women men soldiers officers generals members crew "
                     "passengers spectators victims survivors prisoners workers inhabitants "
                     "delegates firefighters".split())
_ANYONE_OF = frozenset("people children women men victims survivors".split())
_TIME_COUNTS = frozenset("days weeks months years hours minutes seconds".split())


_NO_COMPOUNDS = frozenset("somebody anybody nobody everybody mankind humankind".split())


@lru_cache(maxsize=4096)
def _count_noun(word: str) -> str | None:
    """What a word counts, by `_COUNT_NOUNS`: "massagraven" → "graves" (a compound, its
    parts joined as `_compound_of` has them: not "every|body"); None when unknown."""
    if word in _COUNT_NOUN_OF:
        return _COUNT_NOUN_OF[word]
    if word in _NO_COMPOUNDS:
        return None
    return next((name for form, name in _COUNT_NOUN_OF.items()
                 if len(form) >= 4 and len(word) > len(form) + 2 and word.endswith(form)
                 and word[-len(form) - 1] in _JOINTS), None)


def _counts_known_things(question: str) -> bool:
    """ "Met hoeveel passagiers …?": counts what `_COUNT_NOUNS` knows as things counted,
    not time ("How many years …?"), nor an amount ("Hoeveel gas …?")."""
    kind = _kind_counted(counted_words(question))
    return kind is not None and kind not in _TIME_COUNTS


def _kind_counted(counted: tuple[str, ...]) -> str | None:
    """What the question's counted words count, by `_COUNT_NOUNS`: the first one known."""
    return next((n for n in map(_count_noun, counted) if n is not None), None)


def _spells_count(sentence: str) -> bool:
    """A count in words: "thirty-six passengers", "zesendertig", "thousands of people"."""
    folded = fold(sentence)
    return bool(_NUMBER_MORPHEME.search(folded)) \
        or any(w in _VAGUE for w in re.findall(r"[a-z]+", folded))


def _counts_in(tokens: list[str]) -> Iterator[int]:
    """Where the tokens give a count: a figure, not a scale, a vague amount or a year."""
    for i, token in enumerate(tokens):
        if _is_figure(tokens, i) and token not in _SCALES and token not in _VAGUE \
                and not (token[0].isdigit() and _YEAR.fullmatch(token)
                         and not _is_count(tokens, i)):
            yield i


def counts_other_things(counted: tuple[str, ...], text: str) -> bool:
    """Whether each figure of the text is followed by a word for something else than the
    question counts, both known to `_COUNT_NOUNS`: "12 of the 40 workers" counts no
    "toeschouwers". False when it cannot tell."""
    asked = _kind_counted(counted)
    if asked is None:
        return False
    tokens = _tokens(_without_identifiers(without_times(text)))
    stop = _stopwords_of("")
    told: set[str | None] = set()
    for i in _counts_in(tokens):
        after = [t for t in tokens[i + 1:i + 7] if t not in _SCALES]
        # "12 of the 40 workers", "43 van de 157 leden": what the second figure counts
        if after[:1] in (["of"], ["van"]):
            rest = [t for t in after[1:] if t not in stop]
            after = rest[1:] if rest and _figure_token(rest[0]) else []
        # ("157 Technical Committee members": the first word it knows, of the next three, up
        # to a function word: "20,000 watched the ships" counts no ships)
        head = after[:next((k for k, t in enumerate(after) if t in stop), len(after))][:3]
        kind = next((k for t in head if (k := _count_noun(t)) is not None), None)
        told.add(None if _may_be(kind, asked) else kind)
    return bool(told) and None not in told and asked not in told


def _may_be(kind: str | None, asked: str) -> bool:
    """People at large, or by what befell them, may be any of those who had a part: "2,100
    inhabitants" may be the victims asked, "25.000 man" the soldiers; spectators are no
    workers, passengers no crew."""
    return kind in _PERSONS and asked in _PERSONS and (kind in _ANYONE_OF or asked in _ANYONE_OF)


def _spelled_numbers(tokens: list[str]) -> Iterator[tuple[int, float]]:
    """Where the tokens spell a number of two or more in words, and its value."""
    for i, token in enumerate(tokens):
        value = None if token[0].isdigit() else _NUMBER_WORDS.get(token) or dutch_numeral(token)
        if value is not None and value >= 2:
            yield i, value


def counts_asked(counted: tuple[str, ...], text: str) -> bool | None:
    """Whether the text's figures count what was asked ("Zestien gascellen" for "gas cells"):
    True when one does, False when each is followed by words for something else ("Vier
    dieselmotoren", "48 doden" for passengers), None when a figure says not what it counts
    ("2,000 were sent")."""
    tokens = _tokens(_without_identifiers(text))
    stop = _stopwords_of("")
    verdict: bool | None = False
    first = next(iter(_counts_in(tokens)), None)
    for i in _counts_in(tokens):
        after = [t for t in tokens[i + 1:i + 4] if t not in _SCALES][:2]
        if after[:1] and after[0] in _MORE_OF_THEM and i != first:
            continue  # "killed 300 people and injured 900 more": what the one before counts
        after = _until_stop(after, stop)
        if not after:
            verdict = None
            continue
        if _counts_what(counted, after):
            return True
    return verdict


def _until_stop(after: list[str], stop: frozenset[str]) -> list[str]:
    """The words after a figure up to a function word or another figure: what it counts."""
    return after[:next((k for k, t in enumerate(after) if t in stop or t.isdigit()),
                       len(after))]


def _counts_what(counted: tuple[str, ...], after: list[str]) -> bool:
    """The words after a figure name what the question counts."""
    return soft_overlap(counted, after) > 0 or _compounds_of_words(counted, after) \
        or bool(set(counted) & ANYONE and set(after) & ANYONE) \
        or bool({_count_noun(w) for w in counted} & {_count_noun(w) for w in after} - {None})


def small_counts(counted: tuple[str, ...], text: str) -> frozenset[float]:
    """Counts spelled under thirteen that name what was asked: "seven lifeboats" for boats,
    "vier mensen" or "Four people" for people. (Elsewhere such words are too often no count
    to be a figure: see `_quantities`.) Not part of a larger number: "thirty-five",
    "three million"."""
    if not counted:
        return frozenset()
    tokens = _tokens(_without_identifiers(without_times(text)))
    stop = _stopwords_of("")
    found = set()
    for i, value in _spelled_numbers(tokens):
        if value >= 13:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if i and tokens[i - 1] in _ENGLISH_TENS or following in _SCALES \
                or following in ("hundred", "honderd"):
            continue
        after = _until_stop(tokens[i + 1:i + 3], stop)
        if after and _counts_what(counted, after):
            found.add(float(value))
    return frozenset(found)


@lru_cache(maxsize=1 << 16)  # (asked of every sentence scored for a "how many" question)
def spells_other_things(counted: tuple[str, ...], text: str) -> bool:
    """Whether a text without figures counts, in words, only things other than those asked,
    both known to `_COUNT_NOUNS`: "de laatste van drie late treinen" counts no passengers."""
    asked = _kind_counted(counted)
    if asked is None or quantities_in(text):
        return False
    tokens = _tokens(_without_identifiers(without_times(text)))
    stop = _stopwords_of("")
    told: set[str | None] = set()
    for i, _ in _spelled_numbers(tokens):
        # What a count counts is the last word of its noun: "drie late treinen", "nine cargo
        # ships" (the last word it knows, of the two after it).
        after = _until_stop(tokens[i + 1:i + 3], stop)
        kind = next((k for t in reversed(after) if (k := _count_noun(t)) is not None), None)
        # (Votes are cast by people: "drie stemmen" may count the delegates asked.)
        alike = _may_be(kind, asked) or "votes" in (kind, asked) and bool({kind, asked} & _PERSONS)
        told.add(None if alike else kind)
    return bool(told) and None not in told and asked not in told


_MORE_OF_THEM = frozenset("more others meer anderen".split())


def _compounds_of_words(counted: tuple[str, ...], after: list[str]) -> bool:
    """A word of four letters or more inside the other ("gas" is too short), or the counted
    words written as one, spelled alike ("gas cells", "gascellen")."""
    joined = ["".join(counted[i:]) for i in range(len(counted) - 1)]
    return any(len(short) >= 4 and short in long
               for a in counted for b in after
               for short, long in (sorted((a, b), key=len),)) \
        or any(len(j) >= 6 and fuzz.ratio(transliterate(j), transliterate(b)) >= 72
               for j in joined for b in after)


KIN = re.compile(r"\b(sons?|daughters?|wife|wives|husbands?|father|mother|brothers?|"
                 r"sisters?|children|child|family|zoons?|zonen|dochters?|vrouw|echtgenote|"
                 r"echtgenoot|man|vader|moeder|broers?|zussen|zus|zusters?|kinderen|kind|"
                 r"familie|gezin)\b")
_KIN_WORDS = r"zoon|dochter|vrouw|echtgenote|vader|moeder|broer|zus|son|daughter|wife|husband|" \
    r"father|mother|brother|sister"
_KIN_OWNER = re.compile(rf"\b(?:[A-Z\u00C0-\u024F][\w-]*\s+)*[A-Z\u00C0-\u024F][\w-]*?"
                        rf"(?:['’]s?|s)(?=\s+(?:{_KIN_WORDS})\b)")
_KIN_OF = re.compile(rf"\b({_KIN_WORDS}) (van|of) [A-Z\u00C0-\u024F][\w-]*"
                     r"(?:\s+[A-Z\u00C0-\u024F][\w-]*)*")
_KIN_WORD = re.compile(rf"\b({_KIN_WORDS})\b")


@lru_cache(maxsize=8192)
def without_kin(text: str) -> str:
    """The text less the names of whose kin it speaks: "Tuinstra's zoon Wiebe" → " zoon
    Wiebe", "de zoon van Tuinstra" → "de zoon van"."""
    if _KIN_WORD.search(text) is None:  # (most sentences: a cheap test first)
        return text
    return _KIN_OF.sub(r"\1 \2", _KIN_OWNER.sub("", text))


def names_in(text: str) -> set[str]:
    """Capitalised words that do not start the sentence: a cheap stand-in for named entities."""
    found = set()
    for match in _CAPITALISED.finditer(text):
        if match.start() == 0 or not match.group()[0].isupper():  # "één" is lower case
            continue
        found.add(fold(match.group()))
    return found


def capitalised_words(text: str) -> list[str]:
    """The words of a text's capitalised words, its first one too ("Tarrant's murder …" →
    "tarrant"): where it names things. "the workers" does not name "the Delta Works"."""
    return [w for match in _CAPITALISED.finditer(text) if match.group()[0].isupper()
            for w in words(match.group())]


# "in Leiden", and a place's other name: "Brinkport (now Westerholt)".
_LOCATIVE = re.compile(r"(?:\b(?:[Ii]n|[Nn]ear|[Tt]e|[Nn]abij)|\((?:now|nu|today|thans|"
                       r"tegenwoordig|formerly|voorheen))\s+"
                       r"([A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]+)")


# Words for a kind of place, which the place's name may follow: "the city of Gouda", "de
# gemeente Ede".
_PLACE_KINDS_EN = "city|town|village|island|port|harbour|province|region"
_PLACE_KINDS_NL = "stad|dorp|eiland|haven|havenstad|provincie|regio"
# Where a name is a place: after a preposition of place or direction, or named as one.
_SITED = re.compile(
    # (Before a person as often, "to", "for", "at", "op" … count only inside a
    # sentence: "Op Jansens bevel", "For Jansen, …" name no place.)
    r"(?:(?:\b(?:[Ii]n|[Nn]ear|[Tt]e|[Nn]abij|[Ii]nto|[Nn]aar|[Uu]it|[Oo]ff|[Oo]utside|"
    r"[Bb]uiten|[Aa]cross|[Vv]ia|[Bb]etween|[Ww]ithin|[Oo]nto|[Bb]ereikte|[Vv]anuit)"
    r"|(?<=[a-z,] )(?:at|to|from|bij|op|for|on|towards?|leaving|reached))"
    # ("uit het nabijgelegen Gronau", "on the southern coast of Ireland", "in de buurt
    # van Vlissingen")
    r"(?:\s+(?:the|de|het))?(?:\s+[a-z\u00DF-\u00FF]+){0,2}"
    r"(?:\s+(?:of|van)(?:\s+(?:the|de|het))?)?"
    # (a destination: "met bestemming Urk", "richting Urk"; not "de richting van Kuyper")
    r"|\b(?:[Bb]estemming|[Rr]ichting)"
    rf"|\b(?:{_PLACE_KINDS_EN}|{_PLACE_KINDS_NL}|plaats|land|country)"
    r"(?:\s+(?:of|van))?)\s+"
    # (not a possessive: "at Jansen's request")
    r"([A-Z\u00C0-\u024F][\w\u00C0-\u024F-]+)(?![\w-])(?!['’]s\b)")


@lru_cache(maxsize=1 << 16)
def _sited(text: str) -> frozenset[str]:
    return _named_after(_SITED, text)


def _named_after(pattern: re.Pattern[str], text: str) -> frozenset[str]:
    """The folded names a pattern's first group finds, less a Dutch possessive before its
    noun: "bij Jansens huis", not "in Paris and"."""
    return frozenset(fold(m.group(1)) for m in pattern.finditer(text)
                     if not (m.group(1).endswith("s") and _genitive(text[m.end():])))


def _genitive(after: str) -> bool:
    following = re.match(r"\s+([a-z][\w-]*)", after)
    return following is not None and not is_function_word(following.group(1))


@lru_cache(maxsize=1 << 16)
def places_in(text: str) -> frozenset[str]:
    """Capitalised words after "in", "near", "te": places, not people ("from Holloway" and
    "naar Holloway" may well name a person)."""
    return frozenset(fold(m.group(1)) for m in _LOCATIVE.finditer(text))


# "Thaise kustwacht", "German tanks": a capitalised adjective of nationality.
# (Not "-sse": "Stavenisse" is a village.)
_DEMONYM = re.compile(r"(?:ische|sche|(?<!s)se|ian|ese|ish|enaren|enaars?)$")
_WORD = re.compile(r"[\w'’-]+")
_OPENS = (".", "!", "?", ":", "‘", "“", '"')


# Adjectives of nationality without those endings.
_NATIONALITIES = frozenset(
    "german american dutch french british greek swiss czech african mexican korean "
    "european canadian brazilian".split())
# One of a nation: "Welke Amerikaan …?" asks who, and names no one. ("de Amerikanen" may
# be who a conversation is about.)
_NATIONAL = frozenset(
    "englishman frenchman dutchman amerikaan duitser brit engelsman fransman nederlander "
    "rus ier italiaan spanjaard belg japanner canadees".split())
_LISTED = _NATIONALITIES | _NATIONAL
# What names a place by its kind: "the city of Gouda", "de gemeente Ede", "het dorp Ede",
# and the name of no one. (Not "de stad van Vermeer", whose city it is.)
_PLACE_NAMED = re.compile(
    rf"(?:\b(?:{_PLACE_KINDS_EN}|county|parish|district|municipality)\s+of"
    rf"|\b(?:{_PLACE_KINDS_NL}|gemeente|wijk|buurt|parochie))"
    r"\s+([A-Z\u00C0-\u024F][\w\u00C0-\u024F-]+)(?![\w-])(?!['’]s\b)")
_ELIDED = re.compile(r"d['’][A-Z\u00C0-\u024F]")
# A word made with a common one: "Brug-school", "GGD-arts" (not "Smit-de Vries": a name's
# particle may follow its hyphen).
_COMPOUND = re.compile(r"\b\w+-(?!(?:de|van|der|den|le|la|el)\b)[a-z][\w-]*")


def is_function_word(word: str) -> bool:
    """A stop word of either language: "Met", "With" opening a sentence name nothing."""
    return fold(word) in _stopwords_of("")


def is_nationality(word: str, after: str) -> bool:
    """ "Dutch" in "Which Dutch city …?": an adjective, not a name."""
    return _nationality(word, after, listed=True)


def is_listed_nationality(word: str) -> bool:
    """ "British", "German": an adjective of nationality, known by name (not by its ending,
    which "Christian" and "Rose" share)."""
    return fold(word) in _NATIONALITIES


def _nationality(word: str, after: str, listed: bool = False) -> bool:
    """A capitalised adjective of nationality: "Thaise" in "de Thaise dienst". With
    `listed`, also those without such an ending ("the American inquiry"): in a question they
    name nothing to look for, while in a sentence "an American crew" may be who is asked."""
    return bool(_DEMONYM.search(word) or listed and fold(word) in _LISTED) \
        and after[:1] == " " and after[1:2].islower()


def name_runs(sentence: str) -> list[tuple[str, ...]]:
    """Runs of capitalised words, folded, leaving out the word that opens a sentence and
    adjectives of nationality: "De Thaise dienst arresteerde Marta Kowal" →
    [("marta", "kowal")]."""
    return list(_name_runs(sentence))


@lru_cache(maxsize=1 << 16)
def _name_runs(sentence: str) -> tuple[tuple[str, ...], ...]:
    runs: list[list[str]] = []
    run_end = previous_end = -1
    previous_word = ""
    for match in _WORD.finditer(sentence):
        word, gap = match.group(), sentence[max(previous_end, 0):match.start()]
        # A full stop after "St" or "Dr" ends an abbreviation, not a sentence.
        abbreviation = gap.startswith(".") and len(previous_word) <= 3 \
            and previous_word[:1].isupper()
        opens = previous_end < 0 or gap.rstrip().endswith(_OPENS) and not abbreviation
        after = sentence[match.end():]
        going_on = bool(runs) and run_end == previous_end and (gap.isspace() or abbreviation)
        # (A label in brackets names no one: "(Dutch: Leidse ramp)". A listed adjective
        # before its noun may: "an American crew" may be who is asked.)
        adjective = _nationality(word, after) or gap.endswith("(") and after[:1] == ":"
        # ("Prince d'Orville": an elided particle before a capital)
        capital = word[0].isupper() or _ELIDED.match(word) is not None
        if capital and not opens and not adjective:
            if going_on:
                runs[-1].append(fold(word))
            else:
                runs.append([fold(word)])
            run_end = match.end()
        previous_end, previous_word = match.end(), word
    return tuple(tuple(run) for run in runs)


@lru_cache(maxsize=65536)
def initialisms(text: str) -> tuple[str, ...]:
    """What the text's names of several words abbreviate to: "het Technisch Comité" → "tc",
    so that a question about the TC finds it."""
    return tuple("".join(word[0] for word in run) for run in name_runs(text) if len(run) >= 2)


def new_names(question: Question, sentence: str) -> list[str]:
    """Names the sentence adds to the question: what a "who" or "where" question needs. A
    name counts whole ("Anton Tarrant" is not new when Tarrant is asked about); months, days,
    adjectives of nationality and, for "who", places ("in Brinkport", "de gemeente Ede") and
    words made with a common one ("de Brug-school") are no answer."""
    asked, named = _asked_words(question.text)
    if question.expect is Expect.PLACE and (noun := _place_noun(question.text)):
        # The kind of place asked is part of its name: "Lantern Street" for "In which
        # street …?"
        asked, named = asked - {noun}, tuple(w for w in named if w != noun)
    places: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    if question.expect is Expect.PERSON:
        places, things = _no_ones(sentence)
    found = []
    for run in name_runs(sentence):
        words_ = [w for w in run if w not in _CALENDAR_NAMES]
        if words_ and not {transliterate(w) for w in words_} & asked \
                and not soft_overlap(tuple(words_), named) and words_[0] not in places \
                and not (len(words_) == 1 and words_[0] in things) \
                and not (question.expect is Expect.PERSON and _names_no_one(words_)):
            found.append(" ".join(words_))
    return found


def _place_noun(question: str) -> str:
    """The noun a "which" question asks a place by: "street" in "On which street …?"."""
    match = _PLACE_ASKED.search(fold(question))
    return (match.group(5) or match.group(7) or "") if match else ""


def _names_no_one(words_: list[str]) -> bool:
    """A name that is no person's: one letter ("rows A and B"). (Not a people: "a Danish
    crew" may be who rescued him.)"""
    return len(words_) == 1 and len(words_[0]) == 1


@lru_cache(maxsize=1 << 16)
def _no_ones(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a sentence names that is no one: its places ("in Leiden", "de gemeente Ede") and
    its words made with a common one ("de Brug-school"). Cached: asked of every candidate."""
    places = places_in(sentence) | {fold(m.group(1)) for m in _PLACE_NAMED.finditer(sentence)} \
        | {word for m in _ARTICLED_PLACE.finditer(sentence)
           if (word := fold(m.group(1))) not in _TITLE_FORMS} \
        | (_named_after(_COME_FROM, sentence) - _TITLE_FORMS.keys())
    return places, frozenset(fold(w) for w in _COMPOUND.findall(sentence))


# Where someone or something came from is a place: "had sailed from Marrow", "een lading
# uit Terrano". (Not any "from", nor a verb that also takes a sender or a person: "a letter
# arrived from Jansen", "the order came from Jansen", "he fled from Jansen".)
_COME_FROM = re.compile(
    r"\b(?:(?:sailed|returned|departed|travell?ed|flew|emigrated|shipped|imported|"
    r"hailed)\s+(?:[a-z]+\s+){0,3}?from"
    r"|(?<=[a-z,] )uit)"
    r"\s+(?:the\s+)?([A-Z\u00C0-\u024F][\w\u00C0-\u024F-]+)(?![\w-])(?!['’]s\b)")


# "Where did he come from?", "Uit welk dorp kwam zij?": where someone is from, which "a
# miller from Oosterhoeve" or "afkomstig uit Dalfsterveen" tells, whatever its verb.
_COMING = frozenset("come came comes kwam kwamen komt afkomstig vandaan".split())
_ORIGIN_TOLD = re.compile(
    r"\b(?:from|uit|afkomstig van)\s+(?:the\s+)?([A-Z\u00C0-\u024F][\w\u00C0-\u024F-]+)")
_NO_PLACES = _CALENDAR_NAMES | _DUTCH_WEEKDAYS | frozenset(["mei"])


# "Op welke dag van de week …?", "On which day of the week …?": a weekday answers it.
_WEEKDAY_ASKED = re.compile(r"\b(?:day of the week|dag van de week|weekday|weekdag)\b")
# (A Dutch one also in a compound: "op zondagavond".)
_WEEKDAY = re.compile(rf"\b(?i:({'|'.join(_WEEKDAY_NAMES)})|({'|'.join(_DUTCH_WEEKDAYS)})"
                      r"(?:avond|middag|ochtend|morgen|nacht)?)\b(?:\s+([A-Z]\w*))?")
_WEEKDAY_WORDS = frozenset("day dag week weekday weekdag".split())


def asks_weekday(question: str) -> bool:
    """The question asks the day of the week, which a date alone does not tell."""
    return _WEEKDAY_ASKED.search(fold(question)) is not None


def tells_weekday(text: str) -> bool:
    """The text names a day of the week: not a Dutch one written as a name within the
    sentence ("Kees Vrijdag"), nor one that opens a name ("the Sunday Times")."""
    for match in _WEEKDAY.finditer(text):
        after = match.group(3)
        if after and fold(after) not in _MONTH_NAMES:
            continue
        if match.group(2) and match.group(2)[0].isupper() and match.start() > 0:
            continue
        return True
    return False


def weekday_share(focus: Sequence[str]) -> float:
    """The share of the focus words that ask a day of the week, which its name answers."""
    return _share(focus, _WEEKDAY_WORDS)


def origin_share(focus: Sequence[str]) -> float:
    """The share of the focus words that ask where someone came from."""
    return _share(focus, _COMING)


def tells_origin(text: str) -> bool:
    """"a schoolboy from Pergola", "een molenaar uit Oosterhoeve" (not "from Monday", "from
    January")."""
    return any(fold(m.group(1)) not in _NO_PLACES for m in _ORIGIN_TOLD.finditer(text))


# "Which party did he belong to?": a party's initials in brackets after a name answer it,
# as lists of politicians give them: "Karel Smit (CDA)".
_PARTY_WORDS = frozenset("party parties partij partijen political politieke".split())
_PARTY_TOLD = re.compile(r"([A-Z\u00C0-\u024F][\w\u00C0-\u024F'’-]+)\s+"
                         r"\(((?=[\w-]*[A-Z][\w-]*[A-Z0-9])[A-Z][\w-]{1,7})\)")


def party_share(focus: Sequence[str]) -> float:
    """The share of the focus words that ask for a political party ("political" alone asks
    none)."""
    return _share(focus, _PARTY_WORDS) if {"party", "parties", "partij", "partijen"} & set(focus) \
        else 0.0


def tells_party(names: Sequence[tuple[str, ...]], text: str) -> bool:
    """One of `names` with a party's initials in brackets: "Karel Smit (CDA)", "Paul Dupont
    (PRL)" (not "Jan Smit (65)", "(Amsterdam)", "the Royal Air Force (RAF)" nor "Willem
    (II)")."""
    wanted = _name_words(names)
    return any(transliterate(fold(m.group(1))) in wanted and not _ROMAN.fullmatch(m.group(2))
               for m in _PARTY_TOLD.finditer(text))


# A name after a preposition of place and an article is a place or a thing, not someone: "on
# the Plaats", "in The Hague", "op de Markt". (Not a possessive: "at the Mayor's request";
# nor a capital "De", which begins a surname: "op De Jong"; nor "aboard the …": ships are
# named after people; nor a title: "turned on the Emperor …".)
_ARTICLED_PLACE = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Aa]t|[Nn]ear|[Ii]nto|[Oo]nto|[Ii]nside|[Oo]utside|[Oo]p|"
    r"[Bb]ij|[Nn]aar|[Uu]it)\s+(?:[Tt]he|de|het)\s+"
    r"([A-Z\u00C0-\u024F][\w\u00C0-\u024F-]+)(?![\w-])(?!['’]s\b)")


@lru_cache(maxsize=256)
def _asked_words(question: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The question's words, and those a new name must not resemble. Cached: `new_names`
    asks them once per candidate sentence."""
    asked = frozenset(transliterate(fold(w)) for w in _WORD.findall(question))
    # Spellings differ only for names: "Andreas" is not the question's "anderen". (A question
    # typed in lower case has no names to tell: its longer words stand in for them.)
    named = tuple(w for name in question_names(question) for w in name) \
        or tuple(w for w in asked if len(w) >= 5)
    return asked, named


# The title a "who" question asks the bearer of: "Wie trad op als (openbaar) aanklager?",
# "Who was the prosecutor …?", "Welke aanklager …?".
# (A time may come before the title: "Wie was in mei 1862 burgemeester van …?")
_ROLE_TIME = r"(?:\s+(?:in|op|tijdens|during|rond|around)\s+(?:[\w-]+\s+){0,2}\d{3,4})?"
_ROLE_ASKED = re.compile(r"\b(?:(?:who|wie) (?:was|were|is|waren)" + _ROLE_TIME
                         + r" (?:the|de|het)|"
                         # "Who was appointed chairman?", "Wie werd tot voorzitter benoemd?"
                         r"(?:who|wie) (?:was|were|is|became) (?:appointed|named|elected|"
                         r"made|chosen)(?: as| to be)?(?: the)?|who became(?: the)?|"
                         r"(?:wie) (?:werd|werden|is|was) (?:tot|als)(?: de)?|"
                         r"(?:op|optrad|fungeerde|diende) als|(?:served|acted) as(?: the)?|"
                         # "What was the name of the chef …?", "Hoe heette de fotograaf …?"
                         r"what (?:was|were|is) the names? of the|"
                         r"(?:wat (?:was|is) de naam van|hoe (?:heette|heetten|heet)) de|"
                         r"het ambt van|which|welke?|"
                         # "Who was mayor of Gouda …?": a title without its article
                         r"(?P<bare>(?:who|wie) (?:was|is|were|waren)" + _ROLE_TIME
                         + r"))\s+([\w-]+)(?:\s+([\w-]+))?",
                         re.IGNORECASE)
_NAME_ASKED = re.compile(r"(?i:what (?:was|were|is) the names? of|wat (?:was|is) de naam van|"
                         r"hoe (?:heette|heetten|heet)|het ambt van)\b")
# Words after "als" or "Who was the" that are no title: "als aanklager tijdens het proces".
_NO_TITLES = frozenset(
    "tijdens during before after voor na bij tegen against with met under onder about over "
    "first eerste second tweede last laatste other andere".split())


def asked_role(question: str) -> tuple[str, ...]:
    """The words that may be the title a question asks the bearer of: the noun after "Who
    was the" (or a known title after "Who was": "Who was mayor of …?"), "als" or "Which",
    or the one after that ("als openbaar aanklager"), leaving
    out names ("Who was the Brinkport prosecutor?") and prepositions. Which of them is a title
    shows in the documents (see `role_holders`)."""
    match = _role_asked(question)
    if match is None:
        return ()
    # After "which" the noun comes first ("Which hotel was it?", not "Welke straf kreeg …?"),
    # unless a name's adjective does ("Welke Nederlandse minister …?").
    found = match.groups()[1:]
    if match.group("bare"):
        return (fold(found[0]),)
    if _NAME_ASKED.match(match.group()):
        # "the name of the chef aboard …": the one word after it, not a possessive's owner
        # ("the airship's commander")
        first = found[0]
        after = question[match.start(2) + len(first):]
        while after.startswith(("'s ", "’s ")):
            # … but the noun after it: "the airship's chief engineer" asks an engineer, "the
            # ship's captain's wife" a wife
            tokens = list(re.finditer(r"[\w-]+|['’]s\b|[^\w\s]", after[3:]))
            nouns = list(takewhile(lambda m: m.group()[0].isalpha() and m.group().islower()
                                   and not is_function_word(m.group()), tokens))
            first = nouns[-1].group() if nouns else ""
            after = after[3 + nouns[-1].end():] if nouns else ""
        return () if not first or not first.islower() or fold(first) in _NO_TITLES \
            or is_function_word(first) else (fold(first),)
    if match.group().lower().startswith(("which", "welk")):
        title = found[1] is not None and fold(found[1]) in _TITLE_FORMS
        found = found[1:] if not found[0].islower() and title else found[:1]
    # (A short word only when it is a known title: "Who was the pilot?", not "Which one …?")
    return tuple(fold(w) for w in found if w and (len(w) >= 5 or fold(w) in _TITLE_FORMS)
                 and w.islower() and fold(w) not in _NO_TITLES)


def _role_asked(question: str) -> re.Match[str] | None:
    # "Who was" without an article asks for a title only before a known one: "Who was
    # mayor of …?", not "Who was executed first?" or "Who was Jansen?".
    # (Nor "Who was General Smith?", which asks who a named one was.)
    return next((m for m in _ROLE_ASKED.finditer(question)
                 if not m.group("bare") or fold(m.group(2)) in _TITLE_FORMS
                 and not (m.group(3) or "a")[0].isupper()), None)


def role_by_which(question: str) -> bool:
    """The title is asked as "Which general commanded …?", which describes the one asked
    for, not "Who was the general?", which asks who bore it."""
    match = _role_asked(question)
    return match is not None and match.group().lower().startswith(("which", "welk"))


_TITLED = re.compile(r"(?<![\w-])([^\W\d_][\w'-]*)[ \t]+"
                     r"([A-Z\u00C0-\u024F][\w-]*(?:[ \t]+[A-Z\u00C0-\u024F][\w-]*)*)")


# A title's word and the name after it, read to its surname: past initials ("J. Mertens"),
# particles ("Jan van der Berg", "Van der Berg") and apostrophes ("Sean O'Brien").
_NAME_PARTICLES = r"(?:van|von|de|der|den|ten|ter|du|le|la|da|di)"
_TITLED_SURNAME = re.compile(
    rf"(?<![\w-])([^\W\d_][\w'-]*)[ \t]+(?:[A-Z]\.[ \t]*)*"
    rf"((?:[A-Z\u00C0-\u024F][\w'’-]*)(?:[ \t]+(?:{_NAME_PARTICLES}[ \t]+)*"
    rf"[A-Z\u00C0-\u024F][\w'’-]*)*)")


@lru_cache(maxsize=128)
def _titled_names(document_text: str, surnames: bool = False) -> dict[str, frozenset[str]]:
    """Each word of a document → the folded words of the names that follow it on the same
    line ("aanklager" → {"rietveld"}); with `surnames`, the surname of each name only. One
    pass a document, whatever the question: about 40 ms a megabyte, paid by the first
    question that asks for a title."""
    found: dict[str, set[str]] = {}
    for match in (_TITLED_SURNAME if surnames else _TITLED).finditer(document_text):
        name = match.group(2).split()
        found.setdefault(fold(match.group(1)), set()).update(
            fold(w) for w in (name[-1:] if surnames else name))
    return {word: frozenset(names) for word, names in found.items()}


def role_holders(document_text: str, role: str, surnames: bool = False) -> frozenset[str]:
    """The names a document gives right after a title, or the title's other-language word,
    who so bear it: "aanklager Rietveld" and "procureur-generaal Rietveld" for "Who was
    the prosecutor?". Folded words; with `surnames`, the last word of each name only
    ("advocaat Karel Mertens": "mertens", which "Captain Karel Vos" does not name; "advocaat
    Jan van der Berg": "berg")."""
    titled = _titled_names(document_text, surnames)
    forms = title_words(role)
    if role not in _TITLE_FORMS and _AGENT_NOUN.search(role):
        # A title not listed is known in the other language by its cognate: "archaeologist",
        # "archeoloog". (A word for a doer, not "secretariat" or "gevangenisstraf".)
        spelled = transliterate(role)
        forms = tuple(t for t in titled if t == role or len(t) >= 5 and t[0] == role[0]
                      and _AGENT_NOUN.search(t) and fuzz.ratio(transliterate(t), spelled) >= 75)
    return frozenset().union(*(titled.get(t, frozenset()) for t in forms))


_AGENT_NOUN = re.compile(r"(?:ist|er|or|ian|ant|ent|eur|oog|aar|ier)s?$")


# Titles in English and Dutch, each line one title in its forms. Questions and documents
# may be in different languages, and a small multilingual embedder does not tell
# "prosecutor" from "judge" well enough to match them ("aanklager" is nearer "judge").
# Offices are named when their holders are ("aanklager Rietveld", "the judge, Moreau, …").
_OFFICES = """
prosecutor prosecutors prosecutor-general attorney-general aanklager aanklagers
  procureur procureurs procureur-generaal openbaar-aanklager
judge judges rechter rechters
lawyer lawyers attorney attorneys advocaat advocaten
defender defenders counsel verdediger verdedigers raadsman
chairman chairwoman chairperson voorzitter voorzitters
mayor mayors burgemeester burgemeesters
minister ministers
president presidents presidenten
premier premiers prime-minister minister-president
general generals generaal generaals
marshal marshals maarschalk maarschalken
admiral admirals admiraal admiraals
commander commanders commandant commandanten bevelhebber bevelhebbers
king kings koning koningen
queen queens koningin koninginnen
emperor emperors keizer keizers
tsar tsars czar czars tsaar tsaren
prince princes prins prinsen
pope popes paus pausen
bishop bishops bisschop bisschoppen
governor governors gouverneur gouverneurs
ambassador ambassadors ambassadeur ambassadeurs
"""
# Roles a text may tell in other words ("led by", "founded", "wrote").
_ROLES = """
engineer engineers ingenieur ingenieurs
priest priests priester priesters
secretary secretaries secretaris secretarissen
leader leaders leider leiders
director directors directeur directeuren
historian historians historicus historici
writer writers author authors schrijver schrijvers auteur auteurs
spokesman spokeswoman spokesperson woordvoerder woordvoerders
founder founders oprichter oprichters
commissar commissars commissaris commissarissen volkscommissaris
executioner executioners beul beulen
sculptor sculptors beeldhouwer beeldhouwers
painter painters schilder schilders
architect architects architecten
designer designers ontwerper ontwerpers
artist artists kunstenaar kunstenaars
poet poets dichter dichters
composer composers componist componisten
inventor inventors uitvinder uitvinders
builder builders bouwer bouwers
manager managers bedrijfsleider bedrijfsleiders
headteacher headteachers headmaster headmasters headmistress headmistresses schoolhoofd
  hoofdonderwijzer
teacher teachers leraar leraren onderwijzer onderwijzers
surgeon surgeons chirurg chirurgen
physician physicians geneesheer geneesheren
skipper skippers schipper schippers
preacher preachers predikant predikanten dominee dominees
merchant merchants koopman kooplieden
ruler rulers monarch monarchs vorst vorsten heerser heersers
statesman statesmen staatsman staatslieden
novelist novelists romanschrijver romanschrijvers romanschrijfster
florist florists bloemist bloemisten
envoy envoys gezant gezanten
lookout lookouts
representative representatives vertegenwoordiger vertegenwoordigers
explorer explorers ontdekkingsreiziger ontdekkingsreizigers
"""
# Occupations, asked for as "the name of the diver": no post someone holds. (Not words that
# are also common surnames or mean something else: "Kok", "Visser", "De Klerk", Dutch
# "chef" (a boss), "arts" ("fine arts"), "guard" and "cook" as verbs, "captain", which
# names every ship's.)
_OCCUPATIONS = """
pilot pilots piloot piloten
diver divers duiker duikers
doctor doctors dokter dokters artsen
nurse nurses verpleegster verpleegsters verpleegkundige verpleegkundigen verpleger
reporter reporters journalist journalists journalisten verslaggever verslaggevers
photographer photographers fotograaf fotografen
detective detectives rechercheur rechercheurs
soldier soldiers soldaat soldaten
firefighter firefighters brandweerman brandweerlieden brandweermannen
driver drivers chauffeur chauffeurs
sailor sailors matroos matrozen
miner miners mijnwerker mijnwerkers
officer officers officier officieren
policeman policemen politieagent politieagenten
servant servants bediende bedienden
professor professors hoogleraar hoogleraren professoren
scientist scientists wetenschapper wetenschappers
chemist chemists scheikundige scheikundigen
conductor conductors conducteur conducteurs
signalman signalmen seinwachter seinwachters
"""


def _forms(lines: str) -> dict[str, tuple[str, ...]]:
    return {form: line for line in (tuple(row.split()) for row in re.split(r"\n(?! )",
                                                                           lines.strip()))
            for form in line}


_OFFICE_FORMS = _forms(_OFFICES)
_POST_FORMS = {**_OFFICE_FORMS, **_forms(_ROLES)}
_TITLE_FORMS = {**_POST_FORMS, **_forms(_OCCUPATIONS)}
# Trades that answer "What was his job?", beside the titles (`_TITLE_FORMS`); many are
# surnames too ("Mason", "Visser"), so only a word in lower case counts.
_TRADES = frozenset("""
bricklayer bricklayers mason masons metselaar metselaars foreman foremen opzichter
opzichters inspector inspectors inspecteur inspecteurs farmer farmers boer boeren landbouwer
landbouwers carpenter carpenters timmerman timmerlieden labourer labourers laborer laborers
arbeider arbeiders fisherman fishermen visser vissers barber barbers barbier kapper
schoolmaster schoolmeester lawyer lawyers advocaat advocaten notary notaris clerk clerks
klerk shopkeeper winkelier innkeeper herbergier tailor kleermaker shoemaker schoenmaker
butcher slager baker bakker blacksmith smid miller molenaar weaver wever student studenten
contractor aannemer hotelier banker bankier industrialist industrieel typist typists typiste
typistes secretaresse seamstress seamstresses naaister naaisters maid maids dienstmeid
dienstbode waitress serveerster stoker stokers machinist machinisten shipbuilder scheepsbouwer
lerares scholier scholieren pastor
""".split())
# (Not heads that end other words: "nachtvorst", "screwdriver", "autopilot", "typewriter".)
_TRADE_HEADS = tuple(t for t in {*_TITLE_FORMS, *_TRADES} if len(t) >= 5
                     and t not in ("vorst", "driver", "pilot", "writer", "stoker"))


def is_office(word: str) -> bool:
    return word in _OFFICE_FORMS


def uses_title(forms: frozenset[str], sentence: str) -> bool:
    """The sentence uses one of a title's forms ("procureur-generaal" whole, too)."""
    folded = fold(sentence)
    return bool(forms & (set(re.findall(r"[\w'-]+", folded)) | set(words(sentence))))


def title_words(role: str) -> tuple[str, ...]:
    """A title's forms in both languages ("prosecutor" → "aanklager", "procureur-generaal",
    …); an unknown word stands for itself."""
    return _TITLE_FORMS.get(role, (role,))


_EXPANSION_QUESTION = re.compile(r"\b(stands? for|abbreviation|acronym|afkorting|staat voor|"
                                 r"voluit|in full|written out)\b"
                                 # "Waar staat KDV (eigenlijk) voor?", not "Waar staat het
                                 # monument voor de gevallenen?"
                                 r"|\bsta(?:at|an)(?:\s+[\w.-]+){1,3}\s+voor\s*\?")


def _expands(question: str, sentence: str) -> bool:
    """For "What does KDV stand for?": the sentence spells an abbreviation of the question
    out in brackets, "KDV (Keuringsdienst …)" or "Keuringsdienst … (KDV)"."""
    acronyms = re.findall(r"\b[A-Z][A-Z0-9]{1,9}\b", question)
    if not acronyms:  # "What does the anchor on the flag stand for?": any sentence may say
        return True
    return any(re.search(rf"\b{a}\s*\(|\(\s*{a}\s*\)", sentence) for a in acronyms)


# "Twee maanden later", "the following year": a time told from another one.
_UNITS = r"(days?|weeks?|months?|years?|dagen|dag|weken|week|maanden|maand|jaar|jaren)"
_RELATIVE_TIME = re.compile(
    rf"\b(\w+ {_UNITS} (later|earlier|after|before|eerder|daarna|daarvoor|na)|"
    rf"(the )?(next|following) {_UNITS}|(de|het) (volgende|daaropvolgende) {_UNITS}|"
    rf"(een|a) {_UNITS} later)\b")


_FULL_MONTHS = r"january|february|march|april|may|june|july|august|september|october|" \
    r"november|december|januari|februari|maart|mei|juni|juli|augustus|oktober"
MONTH = re.compile(rf"\b(?:{_FULL_MONTHS})\b")
_DAY = re.compile(rf"\b\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s+(?:{_FULL_MONTHS})\b|"
                  rf"\b(?:{_FULL_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)")


def states_day(text: str) -> bool:
    """A day of a month: "op 6 november 1953", "on May 3", not "in November 1953"."""
    return _DAY.search(fold(text)) is not None


# "In what year was he born?", "Wanneer overleed Jansen?": a year of someone's life.
_LIFE_EVENT = re.compile(r"\b(?:born|birth|geboren|geboorte\w*|died|death|overleed|gestorven|"
                         # (English "did … die", not the Dutch "die" of "de kerk die …")
                         r"overleden|overlijden|stierf|sterfjaar|did\s+(?:[\w.]+\s+){1,4}die)\b")
_YEAR_ASKED = re.compile(r"\b(?:when|wanneer|year|jaar)\b")
_ROMAN = re.compile(r"[IVXL]+")
# "Jan Jansen (1850-1920)": the years of birth and death after a name.
_LIFESPAN = re.compile(r"([A-Z\u00C0-\u024F][\w'’-]+)\s*\((?:c\.|ca\.|circa)?\s*\d{3,4}\s*"
                       r"[-–—]\s*(?:c\.|ca\.|circa)?\s*\d{3,4}\)")


def asks_life_year(question: str) -> bool:
    """The question asks when someone was born or died."""
    folded = fold(question)
    return bool(_LIFE_EVENT.search(folded) and _YEAR_ASKED.search(folded))


def gives_lifespan(names: Sequence[tuple[str, ...]], sentence: str) -> bool:
    """The sentence gives the years of one of `names` in brackets: "Jansen (1850-1920)"."""
    asked = _name_words(names)
    # (Not a ruler's or an office holder's years: "Willem III (1672-1702)", "burgemeester
    # Smit (1802-1810)".)
    return any(transliterate(fold(m.group(1))) in asked
               and not _ROMAN.fullmatch(m.group(1))
               and not set(words(sentence[max(0, m.start() - 40):m.start()])[-2:])
               & _OFFICE_FORMS.keys() for m in _LIFESPAN.finditer(sentence))


# A death or a birth told of someone: "Brandt stierf in 1893", "Jansen was born in 1850",
# "after Smit's death in 1920", "de dood van Smit".
_DEATH_TOLD = frozenset("died dies death stierf overleed overleden gestorven sterven sterft "
                        "overlijden dood".split())
_BIRTH_TOLD = frozenset("born birth geboren geboorte".split())


def asks_life_event_only(focus: Sequence[str]) -> bool:
    """The question's focus words ask for a birth or death and nothing else: not "When did
    Brandt's wife die?"."""
    return bool(focus) and all(w in _DEATH_TOLD or w in _BIRTH_TOLD
                               or w in ("die", "year", "jaar")
                               for w in focus)


def tells_life_event(names: Sequence[tuple[str, ...]], question: str, sentence: str,
                     before: str = "", dated: bool = True) -> bool:
    """For "When did Brandt die?": the sentence tells the death (or birth) of one of `names`
    in its own words, a name and up to four words on ("Brandt stierf in 1893", "Jansen, then
    mayor, died in 1850"), or "the death of Smit", "In 1886 overleed Smit", with a year (not
    with `dated` False). "He" opening it is the one the sentence `before` opens on ("Brandt
    werd lid van de raad. Hij overleed in 1893.")."""
    told, near = life_event_told(names, question, sentence, before)
    return near if dated else told


def life_event_told(names: Sequence[tuple[str, ...]], question: str, sentence: str,
                    before: str = "") -> tuple[bool, bool]:
    """Whether the sentence tells the birth or death asked (see `tells_life_event`), and
    whether it does with a year near the name, in one reading."""
    asked = set(_tokens(question))
    # (The question's "die" is English; a sentence's may be the Dutch "Smit, die in 1934 …".)
    event = _BIRTH_TOLD if asked & _BIRTH_TOLD else _DEATH_TOLD \
        if asked & (_DEATH_TOLD | {"die"}) else None
    if event is None:
        return False, False
    wanted = _surnames(names)
    tokens = _named_subject(_tokens(sentence), wanted, before)
    told = [i for i, t in enumerate(tokens) if transliterate(t) in wanted
            and _told_of(tokens, i, lambda t: t in event, reach=4)]
    # (A year near the name: not "the storm of 1911, … in whose house Smit died".)
    years = {str(y) for y in years_in(sentence)} if told else set()
    return bool(told), any(years & set(tokens[max(0, i - 8):i + 14]) for i in told)


def _told_of(tokens: list[str], i: int, tells: Callable[[str], bool], reach: int) -> bool:
    """The name at `i` does what `tells` finds, up to `reach` words on in its clause ("Smit,
    then mayor, died"), or it is done to it ("the death of Smit", "In 1886 overleed Smit").
    Not another's: "Smit's wife died", "Smit reported the death of Kok"."""
    following = tokens[i + 1:i + 2 + reach]
    for j, token in enumerate(following[:reach]):
        if token in ("s", "of", "van", "that", "dat"):
            break
        if tells(token) and following[j + 1:j + 2] not in (["of"], ["van"]):
            return True
    before = tokens[max(0, i - 3):i]
    return bool(before) and before[-1] in ("of", "van", "overleed", "stierf", "died") \
        and any(map(tells, before))


def _named_subject(tokens: list[str], wanted: set[str], before: str) -> list[str]:
    """A sentence's tokens with an opening "he" or "zij" read as the name asked for that the
    sentence `before` opens on, its first name or surname: "Brandt werd lid van de raad. Hij
    overleed …"."""
    # (Not when it names someone else too: "Otto Brandt married Anna Kok. She died …")
    if tokens[:1] in (["he"], ["she"], ["hij"], ["zij"]) and before \
            and len(capitalised_runs(before)) == 1:
        opening = [t for t in _tokens(before)[:4] if transliterate(t) in wanted]
        return [*opening[:1], *tokens[1:]] if opening else tokens
    return tokens


# "Did he survive?", "Heeft hij de ramp overleefd?": told by a sentence that he survived or
# died ("Smit died at his post", "Hij verdronk die nacht").
_SURVIVAL_ASKED = frozenset("survive survived survives alive overleefd overleefde overleven "
                            "levend".split())
_SURVIVING = frozenset("survived survives overleefde overleefden overleefd".split())


def survival_share(focus: Sequence[str]) -> float:
    """The share of the focus words that ask whether someone survived."""
    return _share(focus, _SURVIVAL_ASKED)


def tells_survival(names: Sequence[tuple[str, ...]], sentence: str, before: str = "") -> bool:
    """The sentence tells that one of `names` died or survived, a name and up to six words
    on in its clause ("Smit died at his post", "sluiswachter Vos en twee knechten kwamen
    om"), "he" opening it being the one the sentence `before` opens on. (Not "Vos haalde de
    doden uit het water", "Vos reported that 30 had died".)"""
    wanted = _surnames(names)
    tokens = _named_subject(_tokens(_dying_words(sentence)), wanted, before)
    return any(_told_of(tokens, i, _tells_fate, reach=6)
               for i, t in enumerate(tokens) if transliterate(t) in wanted)


def _tells_fate(token: str) -> bool:
    return token in _SURVIVING or _is_death(token) and token not in _DEATH_NOUNS


_DEATH_NOUNS = frozenset("doden deaths death victims slachtoffers".split())


def states_date(text: str) -> bool:
    """A year or a month: "in 1889", "op 19 augustus"."""
    return bool(years_in(text)) or _MONTHS.search(fold(text)) is not None


_MONTH_NUMBER = {name: i % 12 + 1 for i, name in enumerate(
    "january february march april may june july august september october november december "
    "januari februari maart april mei juni juli augustus september oktober november december"
    .split())}
_DATED = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_FULL_MONTHS})\b"
    rf"|(?P<month2>{_FULL_MONTHS})\b(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d))?)"
    rf",?(?:\s+(?:of\s+|van\s+)?(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?", re.IGNORECASE)
# Months that are words too: "12 may have died", "the Long March of 1934".
_MONTH_WORDS = frozenset({"may", "march"})


def dates_in(text: str, skip_years: frozenset[int] = frozenset(),
             default_year: int | None = None) -> list[tuple[str, float, float]]:
    """The dates a text gives, each as its words and a span of time: a day ("4 July 1672",
    "2 juli 1672") is a point, a month ("juli 1672") its days, a year alone the whole year.
    A day told without a year takes the text's only year, if it names one, or else
    `default_year`. Years in `skip_years` count only as part of a day or month (the
    question's own year is no answer, the day in it is)."""
    told = years_in(text)
    years = told or ([default_year] if default_year is not None else [])
    found: list[tuple[str, float, float]] = []
    used: set[int] = set()
    # (On the text itself, not folded: folding changes the length of "…" and "ĳ".)
    for match in _DATED.finditer(text):
        name = match["month"] or match["month2"]
        if name.lower() in _MONTH_WORDS and (name[0].islower() or not match["day"] and re.search(
                r"\b(the|a|de|het)\s+(long\s+)?$", text[:match.start()], re.IGNORECASE)):
            continue
        month = _MONTH_NUMBER[name.lower()]
        day = match["day"] or match["day2"]
        year = int(match["year"]) if match["year"] else \
            years[0] if len(set(years)) == 1 else None
        if year is None or (day is None and match["year"] is None) \
                or day is not None and not 1 <= int(day) <= 31:
            continue
        used.add(year)
        low = year + (month * 32 + (int(day) if day else 1)) / 1000
        high = year + (month * 32 + (int(day) if day else 31)) / 1000
        found.append((text[match.start():match.end()].strip(" ,"), low, high))
    found += [(str(y), float(y), y + 0.999) for y in dict.fromkeys(told)
              if y not in used and y not in skip_years]
    return found


_HOUR_WORDS = {w: i + 1 for i, w in enumerate(_HOURS.split("|"))} | \
    {w: i + 2 for i, w in enumerate(_UREN.split("|"))} | \
    {fold(w): i + 1 for i, w in enumerate("enen tweeën drieën vieren vijven zessen zevenen "
                                          "achten negenen tienen elven twaalven".split())}
_AFTERNOON = re.compile(r"^\W*(p\.?\s?m\b|in the (afternoon|evening)|(’|')s (middags|avonds)|"
                        r"in de (middag|namiddag|avond))", re.IGNORECASE)
# "at night", "'s nachts": one to five is early morning, six to eleven evening
_NIGHT = re.compile(r"^\W*(at night|(’|')s nachts|in de nacht)", re.IGNORECASE)
_MORNING = re.compile(r"^\W*(a\.?\s?m\b|in the morning|(’|')s (ochtends|morgens)|"
                      r"in de (ochtend|morgen|voormiddag))", re.IGNORECASE)
_ABOUT = re.compile(r"\b(around|about|roughly|approximately|some|rond|omstreeks|ongeveer|"
                    r"circa|tegen|ca)\W*$", re.IGNORECASE)


# How far either side of a time "around" it reaches, in minutes: a round hour is vaguer
# ("around four" may be 3.50) than a time told to the quarter ("omstreeks half vijf" is not
# "a quarter past four").
_ROUND_HOUR_SLACK = 15.0
_CLOCK_SLACK = 10.0
_CLOCK_LEAD = re.compile(r"^(?:(?i:om|at|around|rond|omstreeks|tegen|vanaf|about|after|before|"
                         r"until|till|by|ongeveer|tot|approximately|roughly|exactly|precisely|"
                         r"circa|precies)\s+)+")


# Words between quotation marks, at least three of them (not scare quotes, "‘grote
# storm’"): “…”, "…", ‘…’, '…' (not the apostrophe of "Morrison's"), „…”, «…».
_QUOTED = re.compile(r"[“„«\"]([^”»\"]+)[”»\"]|(?<!\w)['‘]([^'’]+)['’](?!\w)")
# A sentence that announces the quotation after it: "… summed up in one short remark."
ANNOUNCES = re.compile(r"(:|\b(quote|quotation|words|saying|remark|citaat|uitspraak|woorden)"
                       r"\W*)$", re.IGNORECASE)


def quotes(sentence: str) -> bool:
    """The sentence quotes words said or written (three words or more, or any after a colon:
    "came from the pilot: 'Uh oh.'"; not the scare quotes of "'verloren'"), or announces the
    quotation after it."""
    return bool(ANNOUNCES.search(sentence.strip())) or any(
        len(re.findall(r"\w+", m.group(1) or m.group(2))) >= 3
        or sentence[:m.start()].rstrip().endswith(":")
        for m in _QUOTED.finditer(sentence))


def times_in(text: str) -> list[tuple[str, float, float]]:
    """The times of day a text gives, each as its words and a span of minutes after
    midnight: "19.32 uur" is a point, "around six o'clock in the evening" the quarter hour
    either side of 18:00. An hour that may be either half of the day ("om 4 uur") is both."""
    found: list[tuple[str, float, float]] = []
    for match in _CLOCK.finditer(text):
        words_ = _CLOCK_LEAD.sub("", match.group().strip())
        folded = fold(words_)
        digits = re.findall(r"\d+", folded)
        if digits:
            hour, minute = int(digits[0]), int(digits[1]) if len(digits) > 1 else 0
        elif "midnight" in folded or "middernacht" in folded:
            hour, minute = 0, 0
        elif "noon" in folded:
            hour, minute = 12, 0
        else:
            hour = next((v for w, v in _HOUR_WORDS.items() if re.search(rf"\b{w}\b", folded)),
                        1 if folded.endswith(" een") else -1)
            minute = 0
            # (Dutch "half negen" is half past eight.)
            if folded.startswith(("kwart over", "quarter past", "half past")):
                minute = 30 if folded.startswith("half") else 15
            elif folded.startswith(("kwart voor", "quarter to", "half ")) and hour > 0:
                hour, minute = hour - 1 or 12, 30 if folded.startswith("half") else 45
        if not 0 <= hour <= 24:
            continue
        after, before = text[match.end():match.end() + 24], text[max(0, match.start() - 14):
                                                                 match.start()]
        halves = [hour]
        if re.search(r"midnight|middernacht|noon", folded):
            pass  # midnight, noon (a "twaalf uur" is placed by the part of the day below)
        elif _NIGHT.search(after):
            halves = [hour % 12 + 12 * (hour % 12 >= 6)]
        elif re.search(r"p\.?\s?m", folded) or _AFTERNOON.search(after):
            halves = [hour % 12 + 12]
        elif re.search(r"a\.?\s?m", folded) or _MORNING.search(after):
            halves = [hour % 12]
        elif 1 <= hour <= 12 and not re.match(r"0\d", folded.split()[-1] if not digits
                                                 else digits[0]):
            halves = [hour % 12, hour % 12 + 12]
        # "around", "rond": before the time or leading it ("rond vier uur", "rond 4 uur")
        lead = match.group().split()[:2]
        about = _ABOUT.search(before) or any(_ABOUT.search(w + " ") for w in lead)
        slack = 0.0 if not about else _ROUND_HOUR_SLACK if minute == 0 else _CLOCK_SLACK
        for h in halves:
            at = h * 60.0 + minute
            found.append((words_, at - slack, at + slack))
    return found


@lru_cache(maxsize=1 << 16)
def opens_on_relative_time(text: str) -> bool:
    """ "Twee maanden later …", "The following year …": later than what came before."""
    return _RELATIVE_TIME.match(" ".join(fold(text).split()[:4])) is not None


def gives_current_name(sentence: str) -> bool:
    """The sentence gives a name beside an older one: "Brinkport (now Westerholt)", "het
    huidige Westerholt"."""
    return bool(_CURRENT_NAME.search(sentence))


# "What is Brinkport called today?", "Hoe heet die stad tegenwoordig?", "the present-day name"
_CURRENT_NAME_QUESTION = re.compile(
    r"\b(called|named|heet|heten|genoemd)\b[^?]*\b(today|now|nowadays|tegenwoordig|nu|"
    r"thans|vandaag|heden)\b|"
    # "By what name is the city known today?", "Onder welke naam kennen we die stad nu?"
    r"\b(what|which|welke) name\b[^?]*\b(today|now|nowadays)\b|"
    r"\bwelke naam\b[^?]*\b(tegenwoordig|nu|thans|vandaag|heden)\b|"
    r"\b(present[- ]day|current|modern|huidige|hedendaagse)\s+(name|naam)\b")
_CURRENT_NAME = re.compile(
    r"(?i:\b(now|today|nowadays|nu|thans|tegenwoordig|present-day|het huidige|de huidige)\b)"
    r"[\s,:]+(?:(?i:the|de|het)\s+)?[A-Z]")


# "When did the strike begin?", "Wanneer begon de staking?"
_ONSET_QUESTION = re.compile(
    r"\b(begin|begins|began|begun|start|starts|started|broke out|break out|beginnen|begint|"
    r"begon|begonnen|startte|startten|ontstond|uitbrak|brak( \w+){1,5} uit|opened|opens|"
    # "get under way", "kwam op gang"
    r"(get|got|gets|getting) under ?way|(kwam|komt|kwamen) (\w+ ){0,5}op gang|"
    # "When did the trial open?", not "the open letter"
    r"open(?=\s*\?)|geopend|opende|openden)\b")
# A sentence that says what something began with: "The dismissal marked the beginning of the
# strike", "The lockout triggered the strike", "De staking begint met de ontslagen".
_ONSET = re.compile(
    # "At the beginning of the war, …" tells when, not what it began with.
    r"(?<!\bat )(?<!\bfrom )(?<!\bsince )(?<!\bby )(?<!\bin )(?<!\baan )(?<!\bbij )"
    r"(?<!\bvanaf )(?<!\bsinds )"
    r"\b(the (beginning|start|onset) of|(began|begins|begin|started|starts) with|triggered|"
    r"sparked|launched|set off|catalyst|het begin van|(begint|begon|beginnen|begonnen|"
    r"startte|start) met|ontketende|luidde|aanleiding|aanzet)\b")


def states_onset(sentence: str) -> bool:
    """The sentence says what something began with, or what set it off; not that it did
    not ("The strike did not start with the dismissal")."""
    return bool(_ONSET.search(fold(sentence))) and not doubts(sentence)


# "What punishment did Ibarra receive?", "Welke straf kreeg hij?": a sentence that names one.
_PENALTY_QUESTION = re.compile(
    r"\b(punishment|penalty|sentence|sentenced|punished|straf|gestraft|vonnis|veroordeeld)\b")
# Punishments, which are also fates (see `_FATE`).
_PUNISHED = (r"geexecuteerd|shot|doodgeschoten|gefusilleerd|hanged|opgehangen|sentenced|"
             r"veroordeeld|prison|gevangenis|camps?|kamp|werkkamp\w*|exiled?|verbannen|"
             r"ballingschap")
_PENALTY = re.compile(rf"\b(execut\w*|{_PUNISHED})\b")


# "What happened to him …?", "Wat werd er van Jelnik?", "What became of Tarrant's killer?":
# what became of a person, named, referred to or described; "What happened to the bullets?"
# asks about a thing.
_FATE_QUESTION = re.compile(
    r"\b(?i:what (\w+ )?(happened|became|has become) (to|of)|what was the fate of|"
    r"what (was|were) done (to|with)|what did (they|the \w+|(?-i:[A-Z]\w+)) do (to|with)|"
    r"how did things end for|wat (gebeurde|is|was) er( \w+)? met|wat werd er( \w+)? van|"
    r"wat (werd|is) er( \w+)? met(?=[^?]*\bgedaan\b)|"
    r"hoe (liep|is) het( \w+)? met|wat was het lot van)\s+"
    r"(?P<who>(?i:(him|her|them|hem|haar|hen)\b|(the|de|het|die|deze|that|those|these)\s)|"
    # (also after what the one named was: "lookout Frederick Fleet", "kapitein Lehmann")
    r"(?-i:(?:[a-z][\w-]*\s+){0,2}[A-Z\u00C0-\u024F]))")
# What someone named was, before the name: "lookout Frederick Fleet".
_DESCRIPTOR = re.compile(r"^([a-z][\w-]*)\s+(?:[a-z][\w-]*\s+)?(?=[A-Z\u00C0-\u024F])")
# Who may be described rather than named when their fate is asked: "the killer", "Tarrant's
# assassin", "de moordenaar van Tarrant", "the accused".
_KILLER = frozenset("killer assassin murderer gunman perpetrator culprit dader moordenaar "
                    "schutter sluipmoordenaar".split())
_KILLERS = _KILLER | frozenset("killers assassins murderers gunmen perpetrators culprits "
                               "daders moordenaars schutters sluipmoordenaars".split())
_SINGULAR_PERSONS = _KILLER | frozenset("defendant accused verdachte beklaagde prisoner "
                                        "gevangene general generaal officer officier member "
                                        "lid leader leider".split())
_PERSON_NOUNS = _KILLERS | _SINGULAR_PERSONS | frozenset(
    "defendants verdachten beklaagden prisoners gevangenen generals generaals officers "
    "officieren members leden leaders leiders".split())
# What may become of someone: death, prison, exile, release, disgrace.
_FATE = re.compile(
    rf"\b(execut(e|ed|ion|ions)|{_PUNISHED}|terechtgesteld|"
    r"killed|murdered|vermoord|gedood|died|stierf|overleed|overleden|"
    r"om het leven|arrest\w*|gearresteerd|opgepakt|imprisoned|jailed|gevangen\w*|"
    r"deported|gedeporteerd|vrijgelaten|fled|vluchtte|gevlucht|"
    r"suicide|zelfmoord|rehabilitated|gerehabiliteerd|expelled|geroyeerd|"
    r"ontslagen|disappeared|verdween|berecht|doodstraf|death (penalty|sentence)|"
    # "kregen … de kogel", "a bullet in the back of the head": were shot
    r"kogel|bullet|(het leven|life|lives) \w+( \w+){0,6} (beeindigd|ended))\b")
# … but of the one who did it: "door Jelnik", "Veyrin shot Tarrant"
_BY = frozenset("door by".split())
_DOING = frozenset("shot killed murdered executed arrested vermoordde doodde schoot "
                   "ordered beval".split())
# "Holloway had Orlan shot", "liet Jelnik arresteren": the name is who it was done to.
_CAUSATIVE = frozenset("had liet lieten ordered beval made got".split())
_ARTICLES = frozenset("the a an de het een".split())


def _same_word(token: str, word: str) -> bool:
    """The same word, in either language's spelling of a name ("jelnik", "yelnik")."""
    token, word = transliterate(token), transliterate(word)
    return token == word or len(word) >= 5 and fuzz.ratio(token, word) >= 80


def _is_named(token: str, names: Sequence[tuple[str, ...]]) -> bool:
    return any(_same_word(token, w) for name in names for w in name)


def _does_it(names: Sequence[tuple[str, ...]], sentence: str) -> bool:
    """A name of the question is the doer: after "door"/"by", or before an active verb."""
    tokens = re.findall(r"[\w'’-]+|[,;:]", fold(sentence))
    for i, token in enumerate(tokens):
        if not _is_named(token, names):
            continue
        before = [t for t in tokens[max(0, i - 3):i] if t not in _ARTICLES]
        agent = bool(before) and before[-1] in _BY  # "door (de) X", not "by the court, X"
        acting = i + 1 < len(tokens) and tokens[i + 1] in _DOING \
            and not (i > 0 and tokens[i - 1] in _CAUSATIVE)
        if agent or acting:
            return True
    return False


def _people(question: Question, sentence: str) -> list[str]:
    """`new_names`, less words made with a common one ("Het KDV-hoofd werd …")."""
    compounds = {fold(w) for w in _COMPOUND.findall(sentence)}
    return [n for n in new_names(question, sentence) if n not in compounds]


@dataclass(frozen=True)
class Fate:
    """Whose fate a question asks (see `_fate_of`)."""

    kind: str = ""  # "person", "role" or "" for none
    names: tuple[tuple[str, ...], ...] = ()  # the one named: "Orlan"
    role: str = ""  # the one described: "killer"
    # whom the described one is described through: "Tarrant" in "Tarrant's killer"
    owner: tuple[tuple[str, ...], ...] = ()


@lru_cache(maxsize=256)
def fate_asked(question: str) -> Fate:
    """Whose fate a question asks: a name ("What happened to Orlan after Holloway ordered
    the trial?"), a pronoun ("him"), or one described ("the killer", "Tarrant's killer", "de
    moordenaar van Tarrant"), whose name is not the one asked about."""
    match = _FATE_QUESTION.search(question)
    if match is None:
        return Fate()
    rest = question[match.start("who"):]
    if re.match(r"(?i:him|her|them|hem|haar|hen)\b", rest):
        return Fate("person")
    # (The Dutch genitive has no apostrophe; an English name may end in "s": "Nicholas".)
    described = re.match(r"(?i:the|de|het|die|deze|that|those|these)\s+"
                         r"((?:(?!(?:van|of)\b)[\w-]+\s+){0,2}(?!(?:van|of)\b)[\w-]+)", rest)
    # (A name of several words: "Anton Tarrant's killer", "Anton Tarrants moordenaar".)
    owner_run = r"((?:[A-Z\u00C0-\u024F][\w-]*\s+)*[A-Z\u00C0-\u024F][\w-]*?)"
    possessive = re.match(owner_run + (r"(?:['’]s\s+|s\s+(?=[a-z]))([\w-]+)"
                                       if looks_dutch(question) else r"['’]s\s+([\w-]+)"), rest)
    if described is not None and re.match(r"['’]s\s", rest[described.end():]):
        # "the killer's family": whose fate is asked is the family's
        following = re.match(r"['’]s\s+([\w-]+)", rest[described.end():])
        role = fold(following.group(1)) if following is not None else ""
        return Fate("role", role=role) if role in _PERSON_NOUNS else Fate()
    if described is not None:
        role = next((w for w in fold(described.group(1)).split() if w in _PERSON_NOUNS), "")
        # "de moordenaar van Tarrant nadat …": the name after "van"/"of", up to a clause
        owner = re.match(r"\s*(?:van|of)\s+([^?,]*?)(?=\s+(?:after|nadat|na|toen|when|once)\b|"
                         r"[?,]|$)", rest[described.end():])
        owned = tuple(tuple(fold(w) for w in run.split())
                      for run in _NAME_RUN.findall(owner.group(1))) if owner is not None else ()
        return Fate("role", role=role, owner=owned) if role else Fate()
    if possessive is not None:
        role = fold(possessive.group(2))
        whose = tuple(fold(w) for w in possessive.group(1).split())
        return Fate("role", role=role, owner=(whose,)) if role in _PERSON_NOUNS else Fate()
    descriptor = _DESCRIPTOR.match(rest)
    named = rest[descriptor.end():] if descriptor else rest
    run = re.match(r"[A-Z\u00C0-\u024F][\w-]*(?:\s+[A-Z\u00C0-\u024F][\w-]*)*", named)
    if descriptor is not None and not (
            len(descriptor.group().split()) == 1 and run is not None
            and (len(run.group().split()) >= 2 or _is_person_word(fold(descriptor.group(1))))):
        # What they were is one word before a full name ("lookout Frederick Fleet") or a
        # word for a person ("kapitein Lehmann"); "prices in Germany" is no one.
        return Fate()
    return Fate("person", ((tuple(fold(w) for w in run.group().split()),) if run else ()))


def asks_fate(question: str) -> bool:
    return bool(fate_asked(question).kind)


def asks_fate_of_killer(question: str) -> bool:
    """What became of the one who did a killing: whom the documents name as its doer."""
    return fate_asked(question).role in _KILLERS


_SOMEONE = re.compile(r"\b(?:a|an|any|some|een|enige|enkele)\s+([a-z-]+)(?:\s+([a-z-]+))?|"
                      r"\b(anyone|someone|anybody|somebody|iemand)\b")


def asks_for_someone(text: str) -> bool:
    """The question asks whether there is someone of a kind: "Is there a survivor …?", "Was
    er een getuige …?", "Did anyone …?" (a word for a person, or an adjective and one)."""
    return any(m.group(3) or any(_is_person_word(w) for w in m.groups()[:2] if w)
               for m in _SOMEONE.finditer(fold(text)))


def describes_person(text: str) -> bool:
    """The text speaks of one person by what they are: "the killer", "de dader"."""
    return bool(_SINGULAR_PERSONS & set(words(text)))


def states_fate(sentence: str, opening: bool = True) -> bool:
    """The sentence tells what became of someone: "Na zijn bekentenis werd Veyrin spoedig
    opgehangen", not "Dader was de 24-jarige Tomas Veyrin". Without `opening`, not in
    what it opens on: "Na zijn arrestatie bekende hij" tells a confession."""
    folded = fold(sentence)
    return bool(_FATE.search(folded if opening else _AFTER_EVENT.sub("", folded, count=1)))


_AFTER_EVENT = re.compile(r"^\W*(after|following|upon|na|sinds|since) (his|her|their|the|"
                          r"zijn|haar|hun|de|het) \w+,?\s")


# "Who shot Tarrant?", "Who was the gunman?", "Wie pleegde de moord?": who did it, not who was
# killed ("Who headed the KDV when Tarrant was murdered?") or who ordered it.
_CULPRIT_QUESTION = re.compile(
    r"^\W*(\w+\W+){0,3}?(who|wie)\b(?P<between>[^?]{0,40}?)\b"
    r"(killed|shot|murdered|assassinated|killer|assassin|gunman|murderer|perpetrator|"
    r"carried out the (killing|murder|assassination)|vermoordde|doodde|schoot|dader|"
    r"moordenaar|schutter|pleegde de moord|"
    # "Wie heeft Tarrant vermoord?"
    r"(heeft|hebben|had)\b[^?]{0,30}\b(vermoord|doodgeschoten|neergeschoten|gedood))\b")
_INSTIGATION = re.compile(r"\b(order\w*|opdracht|bevel|behind|achter|responsible|"
                          r"verantwoordelijk|suspect\w*|blamed|accused|beschuldig\w*)\b")
# "Who headed the KDV when Veyrin shot Tarrant?": the killing is not what is asked about.
_CLAUSES = frozenset("when while after before as toen nadat terwijl voordat".split())
# "Who was (eventually) killed?", "Who got shot?": who died, not who did it.
_PASSIVE = frozenset("was were werd werden is are got get been".split())
_ADVERBS = frozenset("eventually finally actually then uiteindelijk eigenlijk".split())
# Who did it: named as the doer ("Dader was …", "the killer, …"), the agent of a passive
# ("shot dead by the 30-year-old Veyrin", "werd door Veyrin vermoord"; not "a bid by
# Holloway"), or the subject of the act ("Veyrin shot Tarrant", "schoot Veyrin Tarrant").
_AGENT = re.compile(
    r"\b(?i:killers?|assassins?|murderers?|gunman|perpetrators?|culprits?|daders?|"
    r"moordenaars?|schutter|sluipmoordenaar)\b|"
    r"\b(?i:(killed|shot|murdered|assassinated)( dead)? by) ([a-z0-9-]+ ){0,3}"
    r"[A-Z\u00C0-\u024F]|"
    r"\b[A-Z\u00C0-\u024F]\w+ (?i:shot|killed|murdered|assassinated|vermoordde|doodde|"
    r"schoot)\b|"
    r"\b(?i:schoot|vermoordde|doodde) [A-Z\u00C0-\u024F]")
_AGENT_DOOR = re.compile(r"\bdoor ([a-z0-9-]+ ){0,3}[A-Z\u00C0-\u024F]")
_KILLED_NL = re.compile(r"\b(vermoord|doodgeschoten|neergeschoten|gedood|omgebracht)\b")


def asks_culprit(folded: str) -> bool:
    match = _CULPRIT_QUESTION.search(folded)
    if match is None or _INSTIGATION.search(folded):
        return False
    between = match.group("between").split()
    if _CLAUSES & set(between):
        return False
    while between and (between[-1].endswith("ly") or between[-1] in _ADVERBS):
        between.pop()
    return not (between and between[-1] in _PASSIVE)


@lru_cache(maxsize=64)
def doer_mentions(document_text: str) -> tuple[tuple[int, str], ...]:
    """Where a document names the doer of a killing, with the doer's surname (folded and
    transliterated): "Dader was de 24-jarige Tomas Veyrin" → "vejrin". The name is
    the first after the words that say so, in the same sentence ("Holloway called Orlan
    and Falk Tarrant's murderers." names none), and not the victim ("the killer of Tarrant
    was …"). One pass over the document, cached."""
    found: list[tuple[int, str]] = []
    cues = [(m.start(), m.end()) for m in _AGENT.finditer(document_text)]
    cues += [(m.start(), m.end()) for m in _AGENT_DOOR.finditer(document_text)
             if _KILLED_NL.search(fold(_sentence_at(document_text, m.start())))]
    for start, end in sorted(cues):
        stop = _SENTENCE_END.search(document_text, end, end + _DOER_REACH)
        region = document_text[start:stop.start() if stop else end + _DOER_REACH]
        places = places_in(region)
        for run in _INITIALLED_RUN.finditer(region):
            name = [w for w in run.group().split() if fold(w).rstrip(".") not in _HONORIFICS]
            first = fold(name[0]).rstrip(".") if name else ""
            victim = re.search(r"\b(of|van|op|on)\s+$", region[:run.start()])
            if not first or first in _KILLERS or first in _STOP_CAPITALS or first in places \
                    or victim is not None:
                continue
            found.append((start, transliterate(fold(name[-1]))))
            break
    return tuple(found)


_DOER_REACH = 200  # characters after what says who did it
# The end of a sentence: not after an initial or a title ("Tomas J. Veyrin", "Mr. X").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})[.!?](?=\s|$)|[!?;\n]")
_INITIALLED_RUN = re.compile(r"[A-Z\u00C0-\u024F][\w'’-]*(?:\.?\s+[A-Z\u00C0-\u024F][\w'’-]*)*")
_HONORIFICS = frozenset("mr mrs ms dr prof sir st".split())


def _sentence_at(text: str, at: int) -> str:
    """The sentence around `at`, at most 400 characters either side."""
    start = max(text.rfind(".", max(0, at - 400), at), text.rfind("\n", max(0, at - 400), at)) + 1
    stop = _STOP.search(text, at, at + 400)
    return text[max(start, at - 400):stop.start() if stop else at + 400]


_STOP = re.compile(r"[.\n]")


def names_doer(sentence: str) -> bool:
    """The sentence says who did the killing (see `_AGENT`)."""
    return bool(_AGENT.search(sentence)) or bool(
        _AGENT_DOOR.search(sentence) and _KILLED_NL.search(fold(sentence)))


# Taking someone's place: "Who succeeded Tarrant?", "Hij verving Jelnik door Brenner".
_SUCCESSION = re.compile(
    r"\b(succeed(ed|s)?(?! in\b)|successors?|succession|"
    r"(took|take|takes|taken|taking) over|replac\w*|in (his|her) place|"
    r"opvolg\w*|opgevolgd|volgde( \w+){1,4} op|verv(i|a)ng\w*|"
    r"(nam|namen|neemt) \w+( \w+)? over|overgenomen|in zijn plaats|"
    # appointed after someone, not to a post: "Who was appointed chairman?", "Wie werd na de
    # moord benoemd?"
    r"(appointed|benoemd|aangesteld) (after|na)\b|\b(after|na)\b[^?.]{0,40}"
    r"\b(appointed|benoemd|aangesteld))\b")


# Who held a post after someone: "Who led the KDV after Brenner?", "Wie werd na Brenner het
# hoofd?" (a word for leading and "after" a name); not after something that befell someone
# ("after Tarrant's murder", "na Orlans executie", "after Holloway died").
_AFTER_SOMEONE = re.compile(
    r"\b(?i:after|na)\s+(?:[A-ZÀ-ÖØ-Þ][\w-]*\s+)*[A-ZÀ-ÖØ-Þ][\w-]*"
    r"(?![\w'’-])(?!\s+[A-ZÀ-ÖØ-Þ])(?<!s(?=\s+[a-z]))"  # (nor "na Orlans executie")
    r"(?!\s+(?i:death|dood|murder|moord|died|stierf|overleed|was|werd|had|arrest\w*|"
    r"fall|val|resign\w*|aftreden)\b)")
_POST = re.compile(r"\b(led|lead|leads|headed|heads|head|ran|runs|commanded|chief|leader|"
                   r"chairman|director|in charge|leidde|leidden|leider|leiding|hoofd|chef|"
                   r"commandant|voorzitter|directeur)\b")


_REPLACING = re.compile(r"^(verving|vervingen|vervangt|vervangen|replace[sd]?|replacing|"
                        r"succeed(ed|s)?|opgevolgd|volgde|overnam|opvolgde)$")
_SUCCESSOR = frozenset("opvolger opvolgster successor".split())


def _replaced(names: Sequence[tuple[str, ...]], sentence: str) -> bool:
    """A name of the question stands where the one replaced does: right after the verb
    ("verving Jelnik", "succeeded Yelnik", "took over from Yelnik"), after "successor
    of"/"opvolger van", or before "was succeeded"/"werd opgevolgd". Not "Zijn opvolger
    Brenner" (he is the successor), nor "by/door Brenner", nor across a comma."""
    tokens = re.findall(r"[\w'’-]+|[,;:–—()]", fold(sentence))
    for i, token in enumerate(tokens):
        if not _is_named(token, names):
            continue
        before = tokens[max(0, i - 3):i]
        while before and any(not t[0].isalnum() for t in before):
            before = before[[not t[0].isalnum() for t in before].index(True) + 1:]
        after = tokens[i + 1:i + 4]
        if before and before[-1] in {"by", "door", "with", "met"}:
            continue
        if any(_REPLACING.match(t) for t in before) \
                or " ".join(before[-2:]) in ("over from", "over van") \
                or len(before) >= 2 and before[-2] in _SUCCESSOR and before[-1] in (
                    "of", "to", "van") \
                or " ".join(after[:2]) in _PASSIVE_SUCCESSION \
                or _later_succeeded(tokens[i + 1:], opens=all(
                    t in _ARTICLES or _is_person_word(t) for t in tokens[:i])):
            return True
    return False


_PASSIVE_SUCCESSION = ("was succeeded", "was replaced", "werd opgevolgd", "werd vervangen")


def _later_succeeded(tokens: list[str], opens: bool) -> bool:
    """The one named goes on to be replaced in a clause of their own: "Jan Smit, who had
    announced his retirement, was succeeded by …", or, named first, "Manager Jan Smit trad
    af en werd opgevolgd door …"; not "Jan Smit praised Piet Bakker, who was succeeded by …"
    (whom "who" is about is unsure), "Bakker fired Smit and was replaced by …", nor "Smit,
    who saw that his coach was replaced by …"."""
    tokens = tokens[:20]
    for j in range(len(tokens) - 1):
        if " ".join(tokens[j:j + 2]) in _PASSIVE_SUCCESSION:
            between = tokens[:j]
            # (A clause with its own subject after the last comma: "Smit, who saw that his
            # coach was replaced"; not "Smit, who said that he would go, was replaced".)
            tail = between[len(between) - between[::-1].index(","):] if "," in between \
                else between
            if not between or {"by", "door"} & set(between) \
                    or {"that", "dat", "whom", "wie"} & set(tail):
                return False
            relative = between[0] in ("who", "die") or between[:1] == [","] \
                and between[1:2] in (["who"], ["die"])
            coordinated = opens and between[-1] in ("and", "en") \
                and not {",", "who", "die", "which"} & set(between)
            return relative or coordinated
    return False


def states_succession(sentence: str) -> bool:
    """The sentence tells who took someone's place: what "Who succeeded X?" asks. Any other
    sentence that names X and someone else (X's killer, X's rival) answers another question."""
    return bool(_SUCCESSION.search(fold(sentence)))


def _ages_told(folded: str, whose: tuple[str, ...] = (),
               others: frozenset[str] = frozenset()) -> list[float]:
    """The ages told: "30 years old", "de 30-jarige", "op zijn zevenentwintigste" (an
    ordinal of ten or more: not "op zijn tweede reis" or "op zijn hoede"); of whose, when
    given, told near their name: in "de 59-jarige Jitschak Fuchs … tweede vlieger Arnon Ohad"
    the age is Fuchs's, not Ohad's."""
    tokens = list(re.finditer(r"\w+", folded)) if whose else []
    spots = [m.start() for m in tokens if soft_overlap(whose, [m.group()]) > 0]
    # (… and nearer than anyone else's: "Veyrin, 30 years old, shot Tarrant.")
    rivals = [m.start() for m in tokens if m.group() in others and m.start() not in spots]
    ages = []
    for match in _AGE_STATED.finditer(folded):
        ordinal = match.group("ordinal")
        value = None if ordinal is None else (
            float(ordinal) if ordinal.isdigit() else dutch_numeral(ordinal))
        if not (ordinal is None or value is not None and value >= 10):
            continue
        # (A count must be a number of years a life may have: not "aged and frail", nor
        # "his 300-year-old mill".)
        count = match.group("aged") or match.group("person") or match.group("bare") \
            or match.group("who")
        told = value if ordinal is not None else _age_value(count or match.group(1))
        if (count is not None or ordinal is None) and not 1 <= (told or 0) <= 110:
            continue
        # (Nor a relative's: "Smit had a twelve-year-old son".)
        if whose and _RELATIVE.match(folded, match.end() + 1):
            continue
        # "was 12" is an age only right after the name of the one asked: "The toll at Smit's
        # mine was 39, and …" is none.
        if (match.group("bare") or match.group("who")) is not None and not (
                whose and (before := re.findall(r"\w+", folded[:match.start()]))
                and soft_overlap(whose, before[-1:]) > 0):
            continue
        if whose:
            near = min((abs(spot - match.start()) for spot in spots), default=_AGE_REACH + 1)
            if near > _AGE_REACH or any(abs(r - match.start()) <= near for r in rivals):
                continue
        if told is not None:
            ages.append(told)
    return ages


_RELATIVE = re.compile(r"(?:sons?|daughters?|wife|husband|father|mother|brothers?|sisters?|"
                       r"grand(?:son|daughter)s?|zoon(?:tje)?|dochter(?:tje)?|echtgeno(?:te|ot)|"
                       r"vader|moeder|broer(?:tje)?|zus(?:je)?|zuster|klein(?:zoon|dochter))\b")


def _age_value(spelled: str) -> float | None:
    """ "30", "twenty-three", "twenty three", "a" (year old) → the number."""
    if spelled in ("a", "an", "een"):
        return 1.0
    return _count_value(spelled.replace(" ", "-"))


_AGE_REACH = 60  # characters between an age and the name it belongs to


def ages_told(question: str, sentence: str) -> frozenset[float]:
    """The ages a sentence gives of whom an age question asks about (of anyone when it names
    no one): "de 30-jarige Veyrin" tells not how old Holloway was."""
    whose = age_subject(question)
    # ("Klaas Meurs (42)": the name before the brackets is whose age it is)
    # (the other names, whole: "Tomas" goes with "Veyrin"; a lone first word may only open
    # the sentence: "Dader was de 24-jarige …". Nor a place: "Smit, a clerk from Delft aged
    # 30", though "from" may come before a person's full name.)
    sited, located = _sited(sentence), places_in(sentence)
    runs = [run for start, end in capitalised_runs(sentence)
            if (start or " " in sentence[start:end])
            and not ((run := words(sentence[start:end]))
                     and (run[0] in located or len(run) == 1 and run[0] in sited))]
    rivals = frozenset(w for run in runs if not soft_overlap(whose, run) > 0
                       for w in run if w.isalpha() and not is_function_word(w))
    bracketed = [float(m.group(2)) for m in _AGE_AFTER_NAME.finditer(sentence)
                 if 0 < int(m.group(2)) <= 110
                 and (not whose or soft_overlap(whose, words(m.group(1))) > 0)]
    return frozenset(_ages_told(fold(sentence), whose, rivals) + bracketed)


def _asks_age_of_someone(question: str) -> bool:
    """ "Hoe oud was Jan Smit?", "Welke leeftijd had Jan Smit op dat moment?": an age told
    beside the name answers it (see `_ages_told`); not when the question names another
    moment ("… when he married?", "… toen hij stierf?"), which the age may not be of."""
    folded = fold(CONTEXT.sub("", question))
    return bool(_AGE_QUESTION.search(folded)) and bool(age_subject(question)) \
        and not _AGE_MOMENT.search(folded)


_AGE_MOMENT = re.compile(r"\b(when|toen|wanneer|in \d{4}|ten tijde van|at the time of|bij (zijn|"
                         r"haar) \w+|at (his|her) \w+)\b")


def _count_value(word: str) -> float | None:
    """ "15", "fifteen", "twenty-three", "vijftien" → 15; None for any other word."""
    if word.isdigit():
        return float(word)
    tens, _, unit = word.partition("-")
    if (both := _spelled_tens(tens, unit)) is not None:
        return both
    value = _NUMBER_WORDS.get(word)
    return float(value) if value is not None else dutch_numeral(word)


@lru_cache(maxsize=256)
def age_subject(question: str) -> tuple[str, ...]:
    """Whose age is asked: "Holloway" in "How old was Holloway when …"; none for "How old was
    Tarrant's murderer?" or "Hoe oud was Tarrants moordenaar?", nor without a name."""
    whose = _AGE_OF.search(question)
    # (An organisation is nobody's age: "Hoe oud was de KLM-gezagvoerder?")
    if whose is None or re.match(r"[A-Z]{2,}\b", whose.group(1)):
        return ()
    after = question[whose.end():]
    following = re.match(r"\s+([a-z]+)", after)
    if after[:2] in ("'s", "’s") or looks_dutch(question) and whose.group(1).endswith("s") \
            and following is not None and following.group(1) not in _CLAUSE_GOES_ON:
        return ()
    return tuple(words(whose.group(1)))


def matches_expectation(question: Question, sentence: str) -> bool:
    if question.current_name:
        return gives_current_name(sentence)
    if question.penalty:
        return bool(_PENALTY.search(fold(sentence)))
    if question.fate:
        # … of the one asked about: named, or not said of someone else ("Veyrin was
        # executed" is no answer to what became of Orlan), and not as the doer
        names = question_names(question.text)
        fate = fate_asked(question.text)
        # What a sentence opens on went before ("Na zijn arrestatie bekende hij"), when the
        # question asks what followed something.
        if not states_fate(sentence, opening=not _FOLLOWED.search(fold(question.text))) \
                or _does_it(fate.names or names, sentence):
            return False
        if fate.role in _KILLERS:
            # … of the doer, not of whom the doer is described through ("Tarrant werd vermoord"
            # for "Tarrant's killer"): a sentence that names only that one tells that one's
            # fate. Nor is the doer's deed a fate ("Tarrant was shot by Veyrin").
            places = places_in(sentence) | places_in(question.text)
            people = [p for p in _people(question, sentence) if p.split()[0] not in places]
            owner = [w for name in fate.owner for w in name]
            others = [n for n in names if not soft_overlap(n, owner) and n[0] not in places]
            named = bool(people) or bool(others) and name_coverage(others, words(sentence)) > 0 \
                or bool(_KILLERS & set(words(sentence)))  # "Tarrant's killer was executed"
            owner_only = bool(fate.owner) and not named \
                and name_coverage(list(fate.owner), words(sentence)) > 0
            return not owner_only and not _does_it([tuple(words(p)) for p in people], sentence)
        if fate.kind == "role":
            return True  # "What happened to the members of the Polder Council?"
        return name_coverage(names, words(sentence)) > 0 or not _people(question, sentence)
    expect = question.expect
    if question.quote:
        return quotes(sentence)
    if question.name:
        # a name told as one ("Snoek – Veldkamps bijnaam", "known as …", "Kooistra was his
        # real name"), or an abbreviation spelled out ("the KDV (Keuringsdienst …)")
        if re.search(r"\b[A-Z]{2,}\b", question.text) and _expands(question.text, sentence):
            return True
        first = _FIRST_NAME.match(sentence)
        named = bool(new_names(question, sentence)) or first is not None and fold(
            first.group(1)) not in {w for name in question_names(question.text) for w in name}
        naming = {m.group() for m in _NAMING.finditer(fold(sentence))}
        # A nickname is no real name, nor a real name a nickname.
        nickname = bool(_NICKNAME.search(fold(question.text)))
        return named and bool(naming) and (
            bool(naming & _NICKNAMES) if nickname else
            not naming <= _NICKNAMES or not _REAL_NAME.search(fold(question.text)))
    if expect is Expect.OTHER and _EXPANSION_QUESTION.search(fold(question.text)):
        return _expands(question.text, sentence)
    if expect is Expect.QUANTITY:
        if asks_age(question.text):
            # … of whom it asks about: "de 30-jarige Veyrin" tells not how old Holloway was
            return bool(ages_told(question.text, sentence))
        # "How many were executed?" is not answered by how many were sentenced, nor
        # "Hoeveel gulden kostte het?" by a price in euros.
        # Nor "Met hoeveel passagiers …?" by a length ("245 metres long"): a count of things
        # is a figure without a unit.
        kind, unit = asked_unit(question.text)
        # A figure the question itself gives is not what it asks: "zeventien personen" for
        # "Hoeveel toeschouwers zaten er bij het proces tegen de zeventien verdachten?"
        # (Not "How many of the 17 defendants …?", which "All 17" may answer.)
        given = set(quantities_in(question.text))
        found = set(quantities_in(sentence))
        if given and found and found <= given and not _PARTITIVE.search(fold(question.text)):
            return False
        if spells_other_things(counted_words(question.text), sentence):
            return False  # "drie late treinen" for "Hoeveel reizigers …?"
        # ("14 years" is no count but a span: it answers "How many years did the works
        # last?". A number that names counts only when the question asks one: "Which
        # squadron, by number?", not "How many pilots flew?")
        counts = states_quantity(
            sentence, labels=bool(_LABEL_ASKED.search(fold(question.text)))) \
            or (asks_duration(question.text) and _spans_unit_asked(question.text, sentence))
        return counts and (not question.deaths or counts_deaths(sentence)) \
            and (states_unit(kind, unit, sentence) if kind else
                 not _counts_known_things(question.text) or "" in figure_kinds(sentence)
                 or _spells_count(sentence))
    if expect is Expect.DATE:
        if question.clock:
            return bool(_CLOCK.search(sentence))
        if asks_weekday(question.text):
            return tells_weekday(sentence)
        years = set(years_in(sentence)) - question.years
        folded = fold(sentence)
        return bool(years) or bool(_MONTHS.search(folded) or _RELATIVE_TIME.search(folded))
    if expect in (Expect.PERSON, Expect.PLACE):
        if question.culprit and not names_doer(sentence):
            return False  # "Tarrant was murdered in 1890" does not say by whom
        added = new_names(question, sentence)
        if expect is Expect.PLACE and added:
            # A place is told where it is one: "in Leiden", "naar Bordeaux", "at the
            # Narrows"; a new name elsewhere may be someone's ("In welk land werd Jansen
            # vermoord?" is not answered by "Jansens aanhangers De Vries en Bakker").
            sited = _sited(sentence)
            added = [n for n in added if fold(n.split()[0]) in sited]
        return bool(added) and (not question.succession or (
            # whose place: "Lindholm saw no good successor in him" is about someone else's
            # … with the one asked about as the one replaced: not "verving Jelnik door
            # Brenner" for Brenner
            states_succession(sentence) and _replaced(question_names(question.text), sentence)))
    if expect is Expect.REASON:
        folded = fold(sentence)
        return bool(_REASON_CUES.search(folded) or _LEARNING.search(folded)) or bool(
            _EFFECT_QUESTION.search(fold(question.text)) and _EFFECT_CUES.search(folded))
    return True


ORDINALS = {
    "first": 1, "eerste": 1, "second": 2, "tweede": 2, "third": 3, "derde": 3, "fourth": 4,
    "vierde": 4, "fifth": 5, "vijfde": 5, "last": -1, "final": -1, "laatste": -1,
}


_YEAR_RANGE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\s*(?:-|–|—|to|tot|until|en|and)\s*"
                         r"(1[0-9]{3}|20[0-9]{2})\b")


def states_year_asked(question: Question, text: str) -> bool:
    """The text states a year the question names, or a span that holds it."""
    if not question.years:
        return False
    spans = [(int(a), int(b)) for a, b in _YEAR_RANGE.findall(text)]
    return bool(question.years & set(years_in(text))) \
        or any(a <= y <= b for a, b in spans for y in question.years)


def other_years(question: Question, text: str) -> bool:
    """The text dates itself to other years than the question names: "in juni 1887" for a
    question about August 1886. A span ("1886-1888") that covers the question's year is
    no other year. A question that asks for a date wants another year than it names."""
    if not question.years or question.expect is Expect.DATE:
        return False
    stated = set(years_in(text))
    if not stated or stated & question.years:
        return False
    # "Was Holloway the undisputed ruler by 1884?" is answered by what held from 1872 on;
    # "since 1884" by what followed.
    until = [int(m.group(2)) for m in _BY_YEAR.finditer(question.text)]
    since = [int(m.group(2)) for m in _SINCE_YEAR.finditer(question.text)]
    if any(min(since, default=0) <= y <= max(until, default=9999) for y in stated) \
            and (until or since):
        return False  # (both: within "from 1886 until 1888")
    spans = [(int(a), int(b)) for a, b in _YEAR_RANGE.findall(text)]
    return not any(a <= y <= b for a, b in spans for y in question.years)


# (Not "voor": "de begroting voor 1889" is for that year; "vóór" is before it.)
_BY_YEAR = re.compile(r"(?<!\w)(by|before|until|till|up to|vóór|tegen|tot|uiterlijk)\s+"
                      r"(?:(?:early|late|the end of|eind|begin|het einde van)\s+)?"
                      r"(1\d{3}|20\d{2})\b", re.IGNORECASE)
_SINCE_YEAR = re.compile(r"\b(after|since|from|na|sinds|vanaf|sedert)\s+(1\d{3}|20\d{2})\b",
                         re.IGNORECASE)

_NOT_ORDINAL = re.compile(r"\b(at last|at first|first of all|op het laatst|ten laatste)\b")


# One of a year's or a season's: "its first North American trip of the year" may well be
# the "last crossing" asked about.
_OF_THE_YEAR = re.compile(r"\b[a-z]+(?=(?: [\w-]+){0,4} (?:of|van) (?:the|that|het|dat|dit) "
                          r"(?:year|season|jaar|seizoen)\b)")


@lru_cache(maxsize=1 << 16)
def ordinals_in(text: str) -> frozenset[int]:
    """Which one of a series a text speaks of: "the first trial" → {1}, "laatste" → {-1}."""
    text = _NOT_ORDINAL.sub(" ", fold(text))
    text = _OF_THE_YEAR.sub(lambda m: " " if m.group() in ORDINALS else m.group(), text)
    return frozenset(ORDINALS[w] for w in re.findall(r"[a-z]+", text) if w in ORDINALS)


def soft_overlap(content: tuple[str, ...], sentence_words: Sequence[str],
                 weights: tuple[float, ...] | None = None) -> float:
    """Share of the question's content words that the sentence contains, counting cognates and
    transliterations ("arrested"/"gearresteerd", "Kholushchev"/"Choloesjtsjov") as partial matches,
    so that related languages still overlap. With `weights`, a weighted share."""
    return weighted_share(word_hits(content, sentence_words), weights)


def family_hits(content: tuple[str, ...], sentence_words: Sequence[str],
                hits: list[float]) -> list[float]:
    """`word_hits`, where a word whose family the sentence has counts as a cognate: "faiths"
    finds "religions", "injured" "gewond" (see `_FAMILIES`)."""
    told = {_FAMILY_OF.get(w) for w in sentence_words} - {None}
    if not told:
        return hits
    return [max(hit, _FAMILY_HIT) if _FAMILY_OF.get(w) in told else hit
            for w, hit in zip(content, hits, strict=True)]


# What a word of the same family counts for: as much as another spelling of it.
_FAMILY_HIT = 0.8


def weighted_share(hits: list[float], weights: tuple[float, ...] | None = None) -> float:
    """The share `soft_overlap` gives for `word_hits`, each word weighted (equally without
    weights, or when they sum to nothing)."""
    if not hits:
        return 0.0
    if weights is None or len(weights) != len(hits) or sum(weights) <= 0:
        return sum(hits) / len(hits)
    return sum(h * w for h, w in zip(hits, weights, strict=True)) / sum(weights)


def word_hits(content: tuple[str, ...], sentence_words: Sequence[str]) -> list[float]:
    """For each content word, how well the sentence has it: 1 for the word itself, 0.8 or 0.6
    for a cognate or another spelling, 0.8 for a short word's inflection, 0.6 for another form
    of a Dutch participle's verb or for a compound's last part, else 0."""
    vocabulary = _vocabulary(tuple(sentence_words))
    known, found = vocabulary.words, vocabulary.hits
    hits: list[float] = []
    for word in (transliterate(w) for w in content):
        # (Each word is looked up once per sentence: names and topic words recur in every
        # question about a corpus.)
        if word in found:
            hits.append(found[word])
            continue
        if word in known:
            hits.append(1.0)
        elif len(word) < 5:
            # Too short to match fuzzily, but not to be inflected: "die"/"died", "werk"/
            # "werkte"; not "kin"/"kind" (English words compare by their stems).
            hits.append(0.8 if len(word) >= 3 and _inflected(word, vocabulary)
                        else 0.6 if len(word) == 4 and _compound_of(word, vocabulary) else 0.0)
        elif known and (match := process.extractOne(
                word, known, scorer=fuzz.ratio, score_cutoff=72)) is not None:
            hits.append(0.8 if match[1] >= 80 else 0.6)
        elif _participle_of(word, vocabulary) or _compound_of(word, vocabulary):
            hits.append(0.6)
        else:
            hits.append(0.0)
        if len(found) < _KEPT_HITS:
            found[word] = hits[-1]
    return hits


# How many words' verdicts a sentence keeps (the questions' words recur; a bound all the same).
_KEPT_HITS = 64


@dataclass(frozen=True)
class _Vocabulary:
    """A sentence's words, transliterated, with what `word_hits` looks up in them: the tails
    that end its compounds, the roots of its participles and its words by their first three
    letters. (Built once per sentence, not once per question word.)"""

    words: frozenset[str]
    tails: frozenset[str]
    roots: tuple[str, ...]
    by_start: dict[str, tuple[str, ...]]
    hits: dict[str, float] = field(default_factory=dict, compare=False)  # `word_hits` found


@lru_cache(maxsize=1 << 14)
def _vocabulary(sentence_words: tuple[str, ...]) -> _Vocabulary:
    known = frozenset(transliterate(w) for w in sentence_words)
    # (A tail of four letters or more, after a linking letter or a vowel and three letters
    # at least: see `_compound_of`.)
    tails = frozenset(w[-k:] for w in known for k in range(4, len(w) - 2) if w[-k - 1] in _JOINTS)
    roots = tuple(root for w in known if w.startswith("ge")
                  and (root := _participle_root(w)) is not None)
    by_start: dict[str, list[str]] = {}
    for w in known:
        by_start.setdefault(w[:3], []).append(w)
    return _Vocabulary(known, tails, roots, {k: tuple(v) for k, v in by_start.items()})


def _participle_of(word: str, vocabulary: _Vocabulary) -> bool:
    """A Dutch participle and another form of its verb, either way round: "gestapt" and
    "stappen", "gewerkt" and "werkte"."""
    forms = _forms_of_participle(word)
    if forms and not vocabulary.words.isdisjoint(forms):
        return True
    return any(word.startswith(root) and word in _verb_forms(root) for root in vocabulary.roots)


@lru_cache(maxsize=4096)
def _forms_of_participle(word: str) -> frozenset[str]:
    root = _participle_root(word)
    return frozenset() if root is None else frozenset(_verb_forms(root))


def _participle_root(word: str) -> str | None:
    return word[2:-1] if len(word) >= 6 and word.startswith("ge") and word[-1] in "td" \
        and word not in _GE_WORDS else None


# Words that look like participles and are none: "gebied" is no form of "bieden".
_GE_WORDS = frozenset("gebied gebieden gezond gewicht gevecht gebed geluid gemiddeld gelijkt "
                      "geheimt gerucht gesticht geslacht gezicht".split())


def _verb_forms(root: str) -> set[str]:
    return {root + e for e in ("", "t", "en", "te", "de", "ten", "den")} | {root + root[-1] + "en"}


def _compound_of(word: str, vocabulary: _Vocabulary) -> bool:
    """A compound and its last part, either way round: "reddingssloep" and "sloep",
    "lifeboat" and "boat". The parts join after a linking letter or a vowel ("reddings|sloep",
    "troepen|schip", "life|boat"): "over|leden", "under|stand" and "assassi|nation" are none."""
    n = len(word)
    if n >= 4 and word in vocabulary.tails:
        return True
    return any(word[-k:] in vocabulary.words and word[-k - 1] in _JOINTS for k in range(4, n - 2))


_JOINTS = frozenset("saeon")


def _inflected(word: str, vocabulary: _Vocabulary) -> bool:
    root = stem(word)
    return any(stem(w) == root or w in (word + ending for ending in _DUTCH_ENDINGS)
               for w in vocabulary.by_start.get(word[:3], ()))


# Dutch verbs' past and plural endings: "werkte", "leefde", "werken".
_DUTCH_ENDINGS = ("en", "te", "de")

_TRANSLITERATIONS = (("tsj", "ch"), ("sj", "sh"), ("zj", "zh"), ("kh", "ch"), ("oe", "u"),
                     ("y", "j"), ("ai", "aj"), ("w", "v"), ("c", "k"))


@lru_cache(maxsize=65536)
def transliterate(word: str) -> str:
    """Bring the usual English and Dutch spellings of transliterated names close enough for
    the fuzzy match ("Kholushchev"/"Choloesjtsjov" become "kholushkhev"/"kholushkhov")."""
    for source, target in _TRANSLITERATIONS:
        word = word.replace(source, target)
    return word


# (Not before an article, a pronoun or a possessive: "Wist Jelnik of er …" means whether,
# "Holloway or his men" and "the Polder Council of that time" keep their names.)
# "Of" is "or" only in Dutch: "Was Holloway of humble origin?" keeps its name.
_NOT_ALTERNATIVES = (r"the|a|an|de|het|een|er|his|her|its|their|zijn|haar|hun|he|she|it|"
                     r"they|hij|zij|ze|that|this|these|those|dat|dit|die|deze|wat|what|"
                     r"which|welke|wie|who|van|in|op|bij|voor|met|aan|naar|uit|om|tot")
_ALTERNATIVE_AFTER = {
    "en": re.compile(rf"\s+or\s+(?!(?:{_NOT_ALTERNATIVES})\b)[a-z]"),
    "nl": re.compile(rf"\s+(?:or|of)\s+(?!(?:{_NOT_ALTERNATIVES})\b)[a-z]")}
# ("in de kampen of de Vesting": an article may come between)
_ALTERNATIVE_BEFORE = {"en": re.compile(r"\b([a-z]{2,})\s+or\s+(?:the\s+|an?\s+)?$"),
                       "nl": re.compile(r"\b([a-z]{2,})\s+(?:or|of)\s+(?:de\s+|het\s+|een\s+)?$")}
_DUTCH_SIGNS = re.compile(r"\b(de|het|een|wie|wat|welke|welk|hoeveel|waar|wanneer|waarom|"
                          r"hoe|er|werd|werden|zijn|van|en)\b")


def looks_dutch(text: str) -> bool:
    """Dutch by its function words; enough to read "of" and a genitive "-s" rightly."""
    return bool(_DUTCH_SIGNS.search(text.lower()))


def _opens_sentence(text: str, start: int) -> bool:
    """The first word of the question, or of a second sentence in it ("… strikes? Do the
    documents agree?"), is capitalised for that reason alone."""
    return start == 0 or re.search(r"[.?!:]\s*$", text[:start]) is not None


def question_names(question: str) -> list[tuple[str, ...]]:
    """The names a question mentions, each as its folded words: "the Great Strike" gives
    ("great", "strike"), "Brenner" gives ("brenner",)."""
    return list(_question_names(question))


# Cached: the answer checks ask for a question's names once per candidate sentence.
@lru_cache(maxsize=256)
def _question_names(question: str) -> tuple[tuple[str, ...], ...]:
    found: list[tuple[str, ...]] = []
    runs = capitalised_runs(question)
    # (By the words outside names of several words: "Johan van Banchem" makes no question
    # Dutch.)
    named = [(start, end) for start, end in runs if start and " " in question[start:end]]
    outside = "".join(question[end:start] for (_, end), (start, _) in
                      zip([(0, 0), *named], [*named, (len(question), 0)], strict=True))
    language = "nl" if looks_dutch(outside) else "en"
    for start, end in runs:
        run = question[start:end]
        if not run[0].isupper():  # the class also holds "é", "ë"
            continue
        parts = [fold(p) for p in run.split()]
        if _opens_sentence(question, start):
            parts = parts[1:]
        # A person's name with a particle is known by its surname: "Johan van Banchem" is not
        # every Johan (`other_bearers` tells them apart by the given name).
        if any(p in _PARTICLE_WORDS for p in parts[1:-1]):
            parts = parts[-1:]
        parts = [p for p in parts if p not in _WH_WORDS and p not in _STOP_CAPITALS
                 and p not in _MONTH_NAMES and p not in _PARTICLE_WORDS]
        # "de Thaise koninklijke familie": an adjective of nationality, as in `name_runs`.
        if len(parts) == 1 and _nationality(parts[0], question[end:], listed=True):
            continue
        name = tuple(w for p in parts for w in re.findall(r"\w+", p) if len(w) > 1)
        # "in de Steenhof of werkkampen": an alternative to a common word need not be named.
        before = _ALTERNATIVE_BEFORE[language].search(question[:start])
        whether = before is not None and before.group(1).lower() in _WHETHER | {"men", "we"}
        if _ALTERNATIVE_AFTER[language].match(question, end) \
                or before is not None and not whether:
            continue
        if name and not all(w.isdigit() for w in name) and name not in found:
            found.append(name)
    return tuple(found)


_SETTING = re.compile(r"\b(?:in|te|throughout|across)\s+(?:the\s+|de\s+|het\s+)?"
                      r"([A-Z\u00C0-\u024F][a-z\u00C0-\u024F'’-]+)|"
                      # a name that qualifies a noun: "the first Kestwick fraud trial"
                      # (initials name an organisation, "the KDV car", not a place)
                      r"\b(?:the|de|het)\s+(?:[a-z]\w*\s+){0,2}([A-Z\u00C0-\u024F][a-z\u00C0-\u024F'’-]+)"
                      r"(?=\s+[a-z])|"
                      # or owns it: "Holloway's reforms", "Veldkamps hervormingen"
                      r"\b([A-Z\u00C0-\u024F][a-z\u00C0-\u024F-]+)(?:'s|’s|s)\s+(?=[a-z])")


def setting_names(question: str) -> list[tuple[str, ...]]:
    """The question's names that set the scene ("in the Vellmark Federation", "in Kestwijk", "the
    Kestwick trial", "Holloway's reforms"): a document about it need not repeat the name in every
    sentence."""
    places = {found[0] for m in _SETTING.finditer(question)
              if (found := re.findall(r"\w+", fold(m.group(1) or m.group(2) or m.group(3))))}
    return [name for name in question_names(question)
            if name and (name[0] in places or name[0].removesuffix("s") in places)]


def _particle_names(question: str) -> set[str]:
    """All words of the names with a particle ("Johan van Banchem"), which `question_names`
    knows by their last part (and `other_bearers` by their first)."""
    return {w for first, rest in _full_names(question) for w in (first, *rest)} \
        | {w for start, end in capitalised_runs(question)
           for w in fold(question[start:end]).split() if w in _PARTICLE_WORDS}


@lru_cache(maxsize=256)
def _full_names(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The question's names with a first name and a particle: "Wanneer stierf Jacob de
    Witt?" → (("jacob", ("witt",)),)."""
    found = []
    for start, end in capitalised_runs(question):
        parts = question[start:end].split()
        if _opens_sentence(question, start):
            parts = parts[1:]
        if len(parts) >= 3 and parts[1] in _PARTICLE_WORDS:
            found.append((fold(parts[0]), (fold(parts[-1]),)))
    return tuple(found)


def other_bearers(question: str, sentence: str) -> set[str]:
    """The surnames the sentence gives to another than the question names: "Johan de Witt"
    when it asks about Jacob de Witt, unless it names Jacob too. Their words do not count as
    the name asked."""
    found: set[str] = set()
    full = _full_names(question)
    if not full:  # (the common case, asked of every candidate sentence)
        return found
    folded = set(words(sentence))
    for first, rest in full:
        if first in folded:
            continue
        for match in re.finditer(rf"\b([A-Z\u00C0-\u024F][\w-]+)\s+(?:{PARTICLES}\s+)+"
                                 rf"{re.escape(rest[0])}\b", sentence, re.IGNORECASE):
            given = match.group(1)
            # (Not a title: "Burgemeester De Witt", "Baljuw Van Banchem".)
            if given[0].isupper() and not is_function_word(given) and fold(given) != first \
                    and not _is_person_word(fold(given)):
                found.update(rest)
    return found


def focus_words(question: str, language: str = "") -> tuple[str, ...]:
    """What a question asks about its names: its content words that are not names.
    "Who was Tarrant's wife?" → ("wife",)."""
    names = {w for name in question_names(question) for w in name} | _particle_names(question)
    # Only the question's own language's stop words: "die" is a Dutch stop word but the
    # point of "When did Lindholm die?".
    stop = _stopwords_of(language)
    # "In which year", "In welk land": the noun after the question word names the kind of
    # answer, which the sentence must state, not a word it must share.
    asked = _ANSWER_KIND.sub(r"\1", fold(question))
    # "Waar staat KDV voluit voor?", "What does KDV stand for in full?": how it is spelled
    # out, not a word the expansion shares.
    framing = _SCAFFOLD | (_SPELLED_OUT if _EXPANSION_QUESTION.search(asked) else frozenset())
    # A word that joins the parts of a name is part of it, in whatever language: "Huis voor
    # Muziek", "Tour de France". (Not any function word: "want" in "Did Smit want Jansen to
    # resign?" is a Dutch one.)
    inside = {fold(m.group(1)) for m in _INSIDE_NAME.finditer(question)
              if m.group(1) in _NAME_CONNECTORS}
    content = tuple(w for w in re.findall(r"\w+", asked)
                    if w not in stop and w not in _WH_WORDS and w not in names
                    and w not in framing and w not in inside and len(w) > 1
                    and not w.isdigit())
    return tuple(dict.fromkeys(content))


_NAME_CONNECTORS = frozenset("van voor de der den des het en of the and la le du di da y op "
                             "aan ter ten te von zu am".split())
_INSIDE_NAME = re.compile(r"\b[A-Z\u00C0-\u024F][\w'’-]* ([a-z]{1,5}) (?=[A-Z\u00C0-\u024F])")


_ANSWER_KIND = re.compile(
    r"\b(which|what|welk|welke|wat voor)\s+(years?|jaar|jaren|dates?|datum|data|days?|dag|dagen|"
    r"months?|maand|maanden|country|countries|land|landen|city|cities|stad|steden|towns?|"
    r"places?|plaats|plaatsen|time|tijdstip|uur|hour)\b|\b(hoe) laat\b")


def unfocused(question: str, language: str = "") -> str:
    """The question without its focus words: "Who was Tarrant's wife?" → "Who was Tarrant's ?"."""
    drop = set(focus_words(question, language))
    tokens = re.findall(r"\w+|\W+", question)
    return "".join(t for t in tokens if fold(t) not in drop)


@lru_cache(maxsize=8)
def _stopwords_of(language: str) -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN_PLUS

    lists = {"en": STOPWORDS_EN_PLUS, "nl": STOPWORDS_DUTCH}
    chosen = lists.get(language) or (*STOPWORDS_EN_PLUS, *STOPWORDS_DUTCH)
    return frozenset(fold(w) for w in chosen)


# Words that frame a question rather than say what it asks ("What happened to X in the end?").
_SCAFFOLD = frozenset(
    "happen happened happens happening end ending eventually finally ultimately later "
    "afterwards know known tell say said mean meant gebeurd gebeurde gebeurt einde eind "
    "uiteindelijk later daarna weten zeggen betekent betekende take takes took taken "
    "place occur occurred occurs vond vinden vindt plaats plaatsvinden plaatsvond "
    "voorgevallen gebeuren liep af afliep afgelopen verging became fared heet heette "
    # light verbs whose other forms are stop words ("become", "hadden")
    "become becomes hadden werden geworden "
    "abbreviation acronym stand stands afkorting staat "
    # fillers: "Waar staat KDV eigenlijk voor?", "Where exactly …?"
    "eigenlijk precies actually exactly precisely really "
    # hedges: "Hoe laat ongeveer …?", "Roughly how many …?"
    "ongeveer ruwweg circa approximately roughly "
    # Dutch conjunctions that open a clause ("… nadat hij bekend had")
    "nadat voordat terwijl zodra "
    # Dutch "do", as English "did" and "does" are stop words: "Wanneer deed hij dat?"
    "deed deden doet".split())


_SPELLED_OUT = frozenset("full fully written out voluit uitgeschreven letters".split())


def name_coverage(names: list[tuple[str, ...]], text_words: list[str]) -> float:
    """Share of the names the text mentions; a name counts when any of its words does, since
    "Great Depression" becomes "Grote Depressie" in Dutch."""
    if not names:
        return 1.0
    return sum(_names(name, text_words) or _compounds(name, text_words)
               or _joined(name, text_words) for name in names) / len(names)


# Countries and their peoples, each line one in its English and Dutch forms: "Germans" and
# "Duitsers" are spelled too differently to match ("Belgium", "België").
_NATIONS = """
germany german germans duitsland duits duitse duitser duitsers
france french frenchman frenchmen frankrijk franse fransen fransman
belgium belgian belgians belgie belgisch belgische belg belgen
england english englishman englishmen engeland engelse engelsen engelsman
britain british briton britons brittannie brits britse britten
netherlands dutch dutchman nederland nederlands nederlandse nederlanders
spain spanish spaniard spaniards spanje spaans spaanse spanjaard spanjaarden
italy italian italians italie italiaans italiaanse italiaan italianen
russia russian russians rusland russisch russische russen
america american americans usa amerika amerikaans amerikaanse amerikaan amerikanen
ussr soviet soviets sovjet sovjets sovjetunie sovjet-unie
japan japanese japans japanse japanner japanners
chinese chinees
poland polish poolse
sweden swedish zweden zweeds zweedse
norway norwegian norwegians noorwegen noors noorse noren
denmark danish dane danes denemarken deens deense denen
austria austrian austrians oostenrijk oostenrijks oostenrijkse oostenrijker oostenrijkers
switzerland swiss zwitserland zwitsers zwitserse
turkish turks turkije turkse turken
greece greek greeks griekenland grieks griekse griek grieken
egypt egyptian egyptians egypte egyptisch egyptische egyptenaar egyptenaren
portugal portuguese portugees portugese portugezen
ireland irish ierland iers ierse ier ieren
scotland scottish scots schotland schots schotse
georgians georgie georgisch georgische georgier georgiers
ukraine ukrainian ukrainians oekraine oekraiens oekraiense oekrainer oekrainers
hungary hungarian hungarians hongarije hongaars hongaarse hongaren
"""
_NATION_FORMS = {form: frozenset(line) for form, line in _forms(_NATIONS).items()}


@lru_cache(maxsize=1024)
def _nation_of_compound(word: str) -> str | None:
    """The people or country a word opens on, five letters or more, with five or more after
    it: "sovjet" in "sovjetvloot"; none for "sovjetunie", nor for a name listed whole
    ("duitsland")."""
    if word in _NATION_FORMS:
        return None
    return next((form for form in _NATION_FORMS if len(form) >= 5 and word.startswith(form)
                 and len(word) - len(form) >= 5 and word[len(form):].isalpha()), None)


def same_nation(word: str, text_words: Iterable[str]) -> bool:
    """The text names the country or people `word` does, in either language."""
    forms = _NATION_FORMS.get(word)
    return forms is not None and not forms.isdisjoint(text_words)


def _names(name: tuple[str, ...], text_words: list[str]) -> bool:
    """A word of the name is in the text, spelled alike ("Darovjev"/"Daroviev"), but not as
    the start or the end of a longer word: "Jakob" is not "Jakobsen", nor "Veldkampisme"
    "Veldkamp", nor "Germany" "many". A country or people may be named in the other language
    ("Germans", "Duitsers")."""
    if len(name) == 1 and same_nation(name[0], text_words):
        return True
    # "de Sovjetvloot" is named by "the Soviet navy": the people's name is what another
    # language keeps of it.
    if len(name) == 1 and (nation := _nation_of_compound(name[0])) is not None \
            and same_nation(nation, text_words):
        return True
    vocabulary = {transliterate(w) for w in text_words}
    for word in (transliterate(w) for w in name):
        if word in vocabulary:
            return True
        if len(word) < 5:
            continue
        for match, _, _ in process.extract(word, vocabulary, scorer=fuzz.ratio,
                                           score_cutoff=72, limit=5):
            short, long = sorted((word, match), key=len)
            if not ((long.startswith(short) or long.endswith(short))
                    and len(long) - len(short) >= 2):
                return True
        # A compound made with the name spelled the other language's way: "Veizelramp" for
        # "Veysel". (Not the name itself before a suffix: "Jakobsen", "Veldkampisme".)
        loose = _respelled(word)
        if any(len(w) >= len(word) + 4 and not w.startswith(word)
               and _respelled(w[:len(word)]) == loose for w in vocabulary):
            return True
    return False


def _respelled(word: str) -> str:
    """A name with the letters English and Dutch swap made alike: "veysel", "veizel"."""
    return word.translate(_RESPELLING)


_RESPELLING = str.maketrans("yjzc", "iisk")


def _joined(name: tuple[str, ...], text_words: list[str]) -> bool:
    """A name of several words written as one in the other language: "Delta Works" is
    "Deltawerken", "Delta Committee" "Deltacommissie"."""
    joined = transliterate("".join(name))
    if len(name) < 2 or len(joined) < 8:
        return False
    return any(len(w) >= 8 and fuzz.ratio(joined, transliterate(w)) >= 72 for w in text_words)


def _compounds(name: tuple[str, ...], text_words: list[str]) -> bool:
    """A Dutch compound holds the name's head: "Kestwijkspoor" is about the "spoor"."""
    # (Not a name's start: "Anders" is no part of "Andersen", as "Tarrant" is of "Tarrantlaan".)
    told = set(text_words)
    return any(part[-k:] in told for part in name for k in range(5, len(part))) \
        or any(part[:k] in told for part in name for k in range(5, len(part) - 2))


_KIND_ASKED = re.compile(r"\W*(?:(?:and|en)\s+)?(?:(?:in|on|at|by|with|for|from|of|op|met|bij|"
                         r"van|voor|door|tegen|aan|uit|naar|onder|over)\s+)?"
                         r"(?:which|what|welke?|wat voor(?: een)?)\s+"
                         r"(?:(?:kinds?|types?|sorts?) of\s+|soort\s+)?([a-z]+)(?:\s+([a-z]+))?"
                         r"(?:\s+([a-z]+))?")


def kind_asked(question: Question) -> str | None:
    """The noun a "which"/"what" question asks a thing of: "religions" in "Which religions
    were banned?", "wapen" in "Met welk wapen …?". None when it asks for a person, place,
    time or figure, or no noun follows the question word ("What caused …", "What made …"):
    the noun is a focus word followed by a verb or a preposition."""
    if question.expect is not Expect.OTHER:
        return None
    match = _KIND_ASKED.match(fold(question.text))
    if match is None:
        return None
    focus = set(focus_words(question.text, question.language))
    first, second, third = match.groups()
    # (an adjective first: "Welke speciale wet werd …", "Which famous quote is …")
    for word, following in ((first, second), (second, third)):
        if word in focus and following and _after_noun(following, question.language):
            return word
    return None


def making_words(focus: Sequence[str]) -> tuple[str, ...]:
    """The focus words that ask how something was made: "designed", "bouwde" ("Who designed
    the bridge?" is not answered by who opened it)."""
    return tuple(w for w in focus if w in _MAKING)


def tells_making(text: str) -> bool:
    """The text tells that something was designed or built, by a verb ("ontworpen door",
    "built by"), not a noun ("the building", "de bouw")."""
    return bool(_MAKING & set(words(text)))


_MAKING = frozenset("designed design ontworpen ontwierp ontwierpen ontwerpen built build "
                    "constructed gebouwd bouwde bouwden bouwen aangelegd".split())


def _after_noun(word: str, language: str) -> bool:
    """What may follow the noun a question asks for: a verb or a preposition ("weapon did",
    "religions were", "trial sentenced", "functie bekleedde", "gebouw in"). (A Dutch past
    tense by its ending only in Dutch: "quote" is no verb.)"""
    past = ("de", "te", "den", "ten") if language == "nl" else ("ed",)
    return word in _AUXILIARIES or word in _PREPOSITIONS or word.endswith(past)
