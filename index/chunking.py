"""Sentence-aware, multilingual chunking with exact character offsets.

Every sentence and chunk satisfies `text[start:end] == piece.text`. Line breaks are hard
sentence boundaries (headings and list items carry no full stop); inside a line spaCy's
rule-based sentencizer decides, with the tokenizer exceptions of the document's language so
that abbreviations such as "dec." and "St." do not end a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from index.types import Chunk, ChunkingConfig, Sentence, chunk_id

if TYPE_CHECKING:
    from spacy.language import Language

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_LINE = re.compile(r"[^\n]+")
_DANGLING_OPENER = re.compile(r"""(?<=\s)[‘“„«(\["']+\s*$""")
# (Capitalised where the word is also a common one: Dutch "vol", English "no".)
_NUMBERING = re.compile(r"(?<![\w.])(No|Nos|Nr|nr|Nrs|nrs|Vol|p|pp|Art|art|Fig|fig|Ch|Sec|"
                        r"sec|Par|blz)\.\s*$")
# A time of day alone, heading a timeline's entry on the same line: "19.40 uur. De
# burgemeester opende …", "Around 9.40 p.m. The gates …". It belongs to the sentence it
# heads.
_TIME_LABEL = re.compile(r"(?i:(?:rond|om|omstreeks|tegen|ca\.|circa|around|about|at)\s+)?"
                         r"(?:[01]?\d|2[0-3])[.:][0-5]\d\s*(?i:uur|u|h|a\.\s?m|p\.\s?m)?\.?")
# "at 4:20 p.m. About 300 cows drowned": spaCy keeps "p.m." as an abbreviation that ends
# no sentence, but before a capital it mostly does.
_CLOCK_END = re.compile(r"\b[ap]\.\s?m\.(?=\s+[A-Z][a-z])")  # (not "p.m. GMT")
_SPACY_LANGUAGES = {"en", "nl", "de", "fr", "es", "it", "pt", "da", "sv", "nb", "fi", "pl", "ru"}


def count_tokens(text: str) -> int:
    """Words and punctuation marks: a cheap, model-independent stand-in for subword tokens."""
    return len(_TOKEN.findall(text))


@lru_cache(maxsize=16)
def sentencizer(language: str) -> Language:
    import spacy

    nlp = spacy.blank(language if language in _SPACY_LANGUAGES else "xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**8
    return nlp


def split_sentences(text: str, language: str = "en", max_tokens: int = 160) -> list[Sentence]:
    """Split `text` into sentences, none over `max_tokens` tokens, with exact offsets."""
    nlp = sentencizer(language)
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    sentences: list[Sentence] = []
    for (line_start, line), doc in zip(lines, nlp.pipe(line for _, line in lines), strict=True):
        bounds = [span.start_char for span in doc.sents] + [len(line)]
        # "the No. 4 reactor", "Vol. 2": a numbering abbreviation ends no sentence.
        bounds = [b for i, b in enumerate(bounds)
                  if i in (0, len(bounds) - 1) or not (_NUMBERING.search(line, 0, b)
                                                       and line[b:b + 1].isdigit())]
        bounds = sorted({*bounds, *(m.end() for m in _CLOCK_END.finditer(line))})
        bounds = [b for i, b in enumerate(bounds)
                  if i in (0, len(bounds) - 1)
                  or not _TIME_LABEL.fullmatch(
                      _DANGLING_OPENER.sub("", line[bounds[i - 1]:b]).strip())]
        for i in range(1, len(bounds) - 1):
            # spaCy leaves the next sentence's opening quote on this one ("… datsja. ‘Ik …").
            opening = _DANGLING_OPENER.search(line, bounds[i - 1], bounds[i])
            if opening is not None and opening.start() > bounds[i - 1]:
                bounds[i] = opening.start()
        for start, end in zip(bounds, bounds[1:], strict=False):
            sentences.extend(_trimmed_pieces(text, line_start + start, line_start + end,
                                             max_tokens))
    return sentences


def _trimmed_pieces(text: str, start: int, end: int, max_tokens: int) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return []
    piece = text[start:end]
    if count_tokens(piece) <= max_tokens:
        return [Sentence(start, end, piece)]
    return [Sentence(start + offset, start + offset + len(part), part)
            for offset, part in _split_long(piece, max_tokens)]


def _split_long(piece: str, max_tokens: int) -> list[tuple[int, str]]:
    """Cut a run-on sentence at clause, then word boundaries, keeping offsets."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=max_tokens,
        chunk_overlap=0,
        length_function=count_tokens,
        separators=["; ", ", ", " ", ""],
        keep_separator="end",
        add_start_index=True,
    )
    parts: list[tuple[int, str]] = []
    for document in splitter.create_documents([piece]):
        offset = int(document.metadata["start_index"])
        content: str = document.page_content
        if piece[offset : offset + len(content)] != content:  # the splitter guessed the offset
            offset = piece.find(content, parts[-1][0] + 1 if parts else 0)
        parts.append((offset, content))
    return parts


def chunk_sentences(
    document: str, text: str, sentences: list[Sentence], config: ChunkingConfig,
    page_at: Any = None,
) -> list[Chunk]:
    """Pack whole sentences into chunks of about `config.target_tokens`, overlapping by up to
    `config.overlap_tokens` tokens of trailing sentences."""
    sizes = [count_tokens(s.text) for s in sentences]
    chunks: list[Chunk] = []
    first = 0
    while first < len(sentences):
        last, total = first, 0
        while last < len(sentences) and (
                last == first or total + sizes[last] <= config.target_tokens):
            total += sizes[last]
            last += 1
        start, end = sentences[first].start, sentences[last - 1].end
        chunks.append(Chunk(
            id=chunk_id(document, len(chunks)),
            document_id=document,
            position=len(chunks),
            start=start,
            end=end,
            text=text[start:end],
            first_sentence=first,
            last_sentence=last,
            page=page_at(start) if page_at else None,
        ))
        if last == len(sentences):
            break
        # The overlap must leave room for the next sentence, or the next chunk would hold nothing
        # but sentences the previous one already has.
        room = config.target_tokens - sizes[last]
        back, overlap = last, 0
        while (back - 1 > first and overlap + sizes[back - 1] <= config.overlap_tokens
               and overlap + sizes[back - 1] <= room):
            back -= 1
            overlap += sizes[back]
        first = back
    return chunks
