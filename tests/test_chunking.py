"""Sentence splitting and chunking: exact offsets, bounded sizes, ordered coverage."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from index.chunking import chunk_sentences, count_tokens, split_sentences
from index.types import Chunk, ChunkingConfig, Sentence, chunk_id

# Pieces that stress the splitter: abbreviations, ellipses, odd whitespace, scripts, emoji.
_FRAGMENTS = [
    "Op 1 dec. 1934 werd Kirov vermoord.", "St. Petersburg", "Mr. Smith", "e.g.", "i.e.",
    "Dr.", "a.s.", "z.g.a.n.", "...", "!", "?", " ", "  ", "\n", "\n\n", "\r\n", "\t",
    "Stalin's", "geëxecuteerd", "Ñandú", "Москва", "東京", "🙂", "—", "«quoted»", "(1937–1938)",
    ";", ",", "word", "Word.", "1.", "2.5", "U.S.S.R.", "\u00a0", "\u2028",
    "Hij zei het. ‘Ja,’ zei ze.", " ‘", "“", " (", "End. “Quote", "[ ", "„Nee.”",
]
_texts = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=30)), max_size=60,
).map("".join)
# Long run-on text with no sentence ends, so the max_tokens cut has to do the work.
_run_on = st.builds(
    lambda words, sep: sep.join(words),
    st.lists(st.from_regex(r"[A-Za-zëé]{1,12}", fullmatch=True), min_size=50, max_size=400),
    st.sampled_from([" ", ", ", "; ", "-", ""]),
)


def check_sentences(text: str, sentences: list[Sentence], max_tokens: int) -> None:
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip(), "empty sentence"
        assert sentence.start >= previous_end, "sentences overlap or are out of order"
        assert count_tokens(sentence.text) <= max_tokens
        previous_end = sentence.end


def check_chunks(document: str, text: str, sentences: list[Sentence], chunks: list[Chunk],
                 config: ChunkingConfig) -> None:
    if not sentences:
        assert chunks == []
        return
    sizes = [count_tokens(s.text) for s in sentences]
    assert chunks[0].first_sentence == 0
    assert chunks[-1].last_sentence == len(sentences)
    for position, chunk in enumerate(chunks):
        assert chunk.id == chunk_id(document, position)
        assert chunk.position == position and chunk.document_id == document
        assert text[chunk.start:chunk.end] == chunk.text
        assert 0 <= chunk.first_sentence < chunk.last_sentence <= len(sentences)
        assert chunk.start == sentences[chunk.first_sentence].start
        assert chunk.end == sentences[chunk.last_sentence - 1].end
        # Over target only when one sentence alone is over it.
        if chunk.last_sentence - chunk.first_sentence > 1:
            assert sum(sizes[chunk.first_sentence:chunk.last_sentence]) <= config.target_tokens
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert after.first_sentence > before.first_sentence, "no progress"
        assert after.last_sentence > before.last_sentence, "no progress"
        assert after.first_sentence <= before.last_sentence, "a sentence is in no chunk"
        shared = range(after.first_sentence, before.last_sentence)
        assert sum(sizes[i] for i in shared) <= config.overlap_tokens


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(_texts, _run_on),
    language=st.sampled_from(["en", "nl", "xx-unknown"]),
    max_tokens=st.integers(min_value=4, max_value=60),
    overlap=st.integers(min_value=0, max_value=40),
)
@example(text="Op 1 dec. 1934 werd Kirov vermoord. Daarna.", language="nl", max_tokens=20,
         overlap=4)
@example(text="x," * 300, language="en", max_tokens=8, overlap=3)
@example(text="Een. ‘ ‘Twee.’ “ (Drie.) ‘", language="nl", max_tokens=6, overlap=2)
@example(text="a" * 500 + " " + "b " * 200, language="en", max_tokens=5, overlap=0)
def test_sentences_and_chunks_keep_exact_offsets(
    text: str, language: str, max_tokens: int, overlap: int,
) -> None:
    sentences = split_sentences(text, language, max_tokens=max_tokens)
    check_sentences(text, sentences, max_tokens)
    config = ChunkingConfig(target_tokens=max_tokens, overlap_tokens=overlap)
    chunks = chunk_sentences("doc", text, sentences, config)
    check_chunks("doc", text, sentences, chunks, config)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Op 1 dec. 1934 werd Kirov vermoord. Daarna volgde de terreur.", "nl",
         ["Op 1 dec. 1934 werd Kirov vermoord.", "Daarna volgde de terreur."]),
        ("Kirov was born far from St. Petersburg. He died there.", "en",
         ["Kirov was born far from St. Petersburg.", "He died there."]),
        ("It blew up in the No. 4 reactor. See Vol. 2. It was 1986. 1987 was calm.", "en",
         ["It blew up in the No. 4 reactor.", "See Vol. 2.", "It was 1986.", "1987 was calm."]),
        ("Het gebeurde in reactor nr. 4 van de centrale. Hij kwam in Kiev. 1200 bussen.", "nl",
         ["Het gebeurde in reactor nr. 4 van de centrale.", "Hij kwam in Kiev.",
          "1200 bussen."]),
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str, language: str,
                                             expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text, language)] == expected


def test_a_time_of_day_alone_heads_the_sentence_after_it() -> None:
    text = "21.25 uur. De burgemeester opende de markt. Rond 22.00 uur. Het was rustig."
    assert [s.text for s in split_sentences(text, "nl")] == [
        "21.25 uur. De burgemeester opende de markt.", "Rond 22.00 uur. Het was rustig."]
    # … also before a quotation; a count alone is a sentence still.
    assert [s.text for s in split_sentences("Om 19.40 uur. ‘Vuur!’ riep hij.", "nl")] == [
        "Om 19.40 uur. ‘Vuur!’", "riep hij."]
    assert [s.text for s in split_sentences("Rond 300. Daarna kwam de rest.", "nl")] == [
        "Rond 300.", "Daarna kwam de rest."]


def test_a_clock_abbreviation_before_a_capital_ends_a_sentence() -> None:
    text = "The gate gave way at 4:20 p.m. About 300 cows drowned. It rained till 9 a.m. on Monday."
    assert [s.text for s in split_sentences(text, "en")] == [
        "The gate gave way at 4:20 p.m.", "About 300 cows drowned.",
        "It rained till 9 a.m. on Monday."]
    # Not before a time zone; a time alone still heads the sentence after it.
    assert [s.text for s in split_sentences("At 5 p.m. GMT the ship sank.", "en")] == [
        "At 5 p.m. GMT the ship sank."]
    assert [s.text for s in split_sentences("Around 9.40 p.m. The gates opened.", "en")] == [
        "Around 9.40 p.m. The gates opened."]


def test_an_opening_quote_starts_the_next_sentence() -> None:
    text = "Hij zat in de datsja (buitenhuis). ‘Dat is Orion,’ zegt hij. “Nee.” (Zie boven.)"
    assert [s.text for s in split_sentences(text, "nl")] == [
        "Hij zat in de datsja (buitenhuis).", "‘Dat is Orion,’ zegt hij.", "“Nee.”",
        "(Zie boven.)"]
    plain = 'He was known for one quote. "Death solves all problems," he said.'
    assert [s.text for s in split_sentences(plain, "en")] == [
        "He was known for one quote.", '"Death solves all problems," he said.']


def test_line_breaks_end_sentences() -> None:
    text = "Stalin en de Grote Terreur\n\n • Auteur:\n  Menno Bos\nDe tekst begint hier."
    assert [s.text for s in split_sentences(text, "nl")] == [
        "Stalin en de Grote Terreur", "• Auteur:", "Menno Bos", "De tekst begint hier."]


def test_chunks_overlap_by_trailing_sentences() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(12))
    sentences = split_sentences(text, "en")
    assert len(sentences) == 12
    chunks = chunk_sentences("d", text, sentences, ChunkingConfig(target_tokens=18,
                                                                  overlap_tokens=6))
    # Each sentence is 6 tokens: 3 per chunk, the last one repeated as overlap.
    assert [(c.first_sentence, c.last_sentence) for c in chunks][:3] == [(0, 3), (2, 5), (4, 7)]


def test_page_numbers_come_from_page_at() -> None:
    text = "First page text. Second page text."
    sentences = split_sentences(text, "en")
    chunks = chunk_sentences("d", text, sentences, ChunkingConfig(4, 0),
                             page_at=lambda offset: 1 if offset < 17 else 2)
    assert [c.page for c in chunks] == [1, 2]
