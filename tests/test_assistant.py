"""The assistant layer, fast: question analysis, follow-ups, retrieval, cited answers, the
evaluation, the CLI and the LangChain adapters. The fake embedder stands in for the model;
Chroma and BM25 are real, in temporary folders."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.answering import (
    AnswerConfig,
    Candidate,
    Selection,
    SentenceScorer,
    _allies,
    _beside_role,
    _bounds,
    _close,
    _compounds_of,
    _continuation,
    _corrected,
    _counting,
    _dated_onset,
    _dated_rivals,
    _dating,
    _day_of,
    _defining,
    _disagreeing,
    _figure_disagreement,
    _focused_alternative,
    _hedged,
    _in_own_words,
    _latest,
    _named_compound,
    _names_part,
    _naming_doer,
    _opposing,
    _other_cause,
    _precise,
    _row_context,
    _stated,
    _stating,
    asked_part,
    combine,
    corrects,
    fitting_rivals,
    is_answerable,
    is_fragment,
    labels_in,
    onset_rows,
    ranges_of,
    rarity_weights,
    refers_back,
    score_candidates,
    select,
    values_of,
    with_sides,
)
from assistant.cli import main
from assistant.conversation import _titled, names, own_names, parse_history, resolve
from assistant.core import PHRASES, Assistant, _describe, detect_language
from assistant.errors import IndexUnavailable, InvalidHistory, InvalidQuestion
from assistant.evaluation import Outcome, Report, check, load_questions
from assistant.questions import (
    Expect,
    Fate,
    Question,
    _count_noun,
    _vocabulary,
    ages_told,
    analyse,
    asked_role,
    asked_unit,
    asks_duration,
    asks_ending,
    asks_fate_of_killer,
    asks_life_event_only,
    asks_life_year,
    asks_trade,
    asks_weekday,
    bracketed_ages,
    capitalised_runs,
    counted_words,
    counts_asked,
    counts_deaths,
    counts_other_things,
    dates_in,
    defines,
    doer_mentions,
    doubts,
    durations_in,
    dutch_numeral,
    family_hits,
    fate_asked,
    figure_kinds,
    focus_overlap,
    focus_words,
    gives_lifespan,
    initialisms,
    is_thing_noun,
    kind_asked,
    making_words,
    matches_expectation,
    name_coverage,
    name_runs,
    named_cause,
    names_title,
    new_names,
    offers_alternatives,
    ordinals_in,
    origin_share,
    other_bearers,
    other_years,
    party_share,
    quantities_in,
    question_names,
    role_by_which,
    role_holders,
    setting_names,
    small_counts,
    soft_overlap,
    spells_other_things,
    split_alternatives,
    split_compound,
    states_cause,
    states_day,
    states_fate,
    states_onset,
    states_quantity,
    states_succession,
    states_unit,
    survival_share,
    tells_life_event,
    tells_making,
    tells_origin,
    tells_party,
    tells_survival,
    tells_weekday,
    times_in,
    trade_share,
    transliterate,
    unfocused,
    vague_amounts,
    weekday_share,
    without_kin,
    word_hits,
    years_in,
)
from assistant.retrieval import HybridRetriever, RetrievalConfig, fuse
from assistant.types import Answer, Citation, Conflict, Passage, Turn
from index.build import rebuild
from index.errors import EmbedderMismatch
from index.lexical import words
from index.settings import Settings
from index.store import IndexBuild, open_current
from index.types import ChunkingConfig
from tests.conftest import FakeEmbedder

CHUNKING = ChunkingConfig(60, 10)
# The fake embedder's similarities are bag-of-words cosines over hashed words: a question
# sharing three of its four content words with a sentence scores about 0.5-0.7, one sharing
# none about 0-0.3 (hash collisions). The defaults (min_confidence 0.86) are calibrated for
# multilingual-e5, whose scores sit on another scale, so the fake embedder needs its own bar.
FAKE_CONFIG = AnswerConfig(min_confidence=0.3)

FLOOD_A = "The flood of 1953 killed 1,836 people in the Netherlands."
FLOOD_B = "The flood of 1953 killed 2,551 people in the Netherlands."
SMEATON = "The Eddystone lighthouse was completed by John Smeaton in 1759."
MAIN_CORPUS = {
    "flood_a.txt": f"The North Sea Flood\n{FLOOD_A} The storm surge struck on the night of "
                   "31 January. Dikes in Zeeland gave way in many places.\n",
    "flood_b.txt": f"Storm of 1953\n{FLOOD_B} Many farms were lost to the sea. The Delta Works "
                   "were built afterwards to protect the coast.\n",
    "lighthouse.txt": f"Lighthouse Keepers\n{SMEATON} His tower stood on the rocks for more "
                      "than a century. Keepers lived in the tower for weeks at a time and "
                      "trimmed the lamps every night.\n",
}
AFSLUITDIJK = "The Afsluitdijk in the Zuiderzee was opened in 1932 after five years of work."
KERING = "De Oosterscheldekering werd in 1986 geopend door koningin Beatrix."
BILINGUAL_CORPUS = {
    "afsluitdijk.txt": f"Closing the Zuiderzee\n{AFSLUITDIJK} Engineers used boulder clay to "
                       "build the dam across the shallow sea. The new lake behind it was named "
                       "the IJsselmeer.\n",
    "kering.txt": f"De Oosterscheldekering\n{KERING} De kering bestaat uit tweeënzestig "
                  "beweegbare schuiven tussen betonnen pijlers. Bij zware storm gaan de "
                  "schuiven dicht en blijft het water buiten.\n",
}
ANSWER_KEYS = {"question", "answer", "abstained", "citations", "passages", "conflicts",
               "language", "index_build", "timings_ms", "resolved_question"}
CITATION_KEYS = {"n", "source", "title", "language", "start", "end", "quote", "passage",
                 "score"}


def write_corpus(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def build_index(corpus: Path, data: Path, embedder: FakeEmbedder | None = None) -> None:
    rebuild(corpus, data, embedder or FakeEmbedder(), CHUNKING, max_file_bytes=10**6)


def make_assistant(data: Path, config: AnswerConfig = FAKE_CONFIG) -> Assistant:
    return Assistant(open_current(data), FakeEmbedder(), data_dir=data, answer_config=config)


@pytest.fixture
def main_assistant(tmp_path: Path) -> Assistant:
    corpus = write_corpus(tmp_path / "corpus", MAIN_CORPUS)
    build_index(corpus, tmp_path / "data")
    return make_assistant(tmp_path / "data")


@pytest.fixture
def bilingual_assistant(tmp_path: Path) -> Assistant:
    corpus = write_corpus(tmp_path / "corpus", BILINGUAL_CORPUS)
    build_index(corpus, tmp_path / "data")
    return make_assistant(tmp_path / "data")


def document_text(assistant: Assistant, document_id: str) -> str:
    document = assistant.build.document(document_id)
    assert document is not None
    return document.text


def assert_cited_exactly(assistant: Assistant, answer: Answer) -> None:
    """Every citation quotes its document verbatim, at its offsets, inside its passage."""
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for citation in answer.citations:
        assert citation.quote
        assert document_text(assistant, citation.document_id)[citation.start:citation.end] \
            == citation.quote
        assert citation.quote in citation.passage
        assert f"[{citation.n}]" in answer.answer
    for passage in answer.passages:
        assert document_text(assistant, passage.document_id)[passage.start:passage.end] \
            == passage.text


# --- questions ------------------------------------------------------------------------------


@pytest.mark.parametrize(("question", "expect"), [
    ("How many people died in the flood?", Expect.QUANTITY),
    ("Hoeveel mensen kwamen om bij de overstroming?", Expect.QUANTITY),
    ("When was Kirov murdered?", Expect.DATE),
    ("Wanneer werd Kirov vermoord?", Expect.DATE),
    ("In which year did Stalin come to power?", Expect.DATE),
    ("Who led the NKVD after Yezhov?", Expect.PERSON),
    ("Wie leidde de NKVD na Jezjov?", Expect.PERSON),
    ("Where was Kirov shot?", Expect.PLACE),
    ("Waar werd Kirov doodgeschoten?", Expect.PLACE),
    ("Why was Stalin worried about Kirov?", Expect.REASON),
    ("Waarom was Stalin verontrust over Kirov?", Expect.REASON),
    ("Did Stalin order the murder of Kirov?", Expect.OTHER),
    # A "when" or "who" after the question word starts a clause; it asks nothing.
    ("What did Kirov oppose when Stalin wanted arrests?", Expect.OTHER),
    ("Who was killed when the tower fell?", Expect.PERSON),
    ("How many people died when the dikes broke?", Expect.QUANTITY),
    ("Tell me when Kirov died.", Expect.DATE),
    ("Did Stalin order the arrest when Kirov died?", Expect.OTHER),  # yes or no
    ("Was Yezhov the man who ran the NKVD?", Expect.OTHER),
    ("What was the name of the keeper?", Expect.PERSON),
    # "Who was X?" asks what X was, not for another name; "Who was X's wife?" does.
    ("Who was Leonid Nikolayev?", Expect.OTHER),
    ("Wie was Vysjinski?", Expect.OTHER),
    ("Who was Kirov's wife?", Expect.PERSON),
    ("Who was the prosecutor?", Expect.PERSON),
    ("Hoe heet die stad tegenwoordig?", Expect.PERSON),
    ("What was the death toll in Belgium?", Expect.QUANTITY),
    ("Wat was het dodental in Zeeland?", Expect.QUANTITY),
    ("What was Antwerp's population in 1585?", Expect.QUANTITY),
    ("Wat was het inwonertal van de stad?", Expect.QUANTITY),
    ("What was the population of Pompeii at the time?", Expect.QUANTITY),
    ("What was the effect on the population of Antwerp?", Expect.OTHER),
    ("What was the attitude of the population?", Expect.OTHER),
    ("Which crew member raised the alarm?", Expect.PERSON),
    # What the question word asks comes first: a place, though a figure is spoken of.
    ("Which village had the highest death toll?", Expect.PLACE),
    ("Op welk eiland verdronken de meeste mensen?", Expect.PLACE),
    ("Who decided how many would be arrested?", Expect.PERSON),
    # "Which" with a word for a person asks for one.
    ("Which marshal was arrested?", Expect.PERSON),
    ("Van welke medewerker is het lichaam nooit gevonden?", Expect.PERSON),
    ("Welke Nederlandse minister bezocht het gebied?", Expect.PERSON),
    ("Which trial came first?", Expect.OTHER),
    ("Which of the men who stabbed him was caught?", Expect.PERSON),
    # … after a noun that says which kind
    ("Which railway employee warned the train?", Expect.PERSON),
    ("Which city council member proposed it?", Expect.OTHER),
    # … as the head of its phrase: not a ship, a strike, a diary or a council.
    ("Which passenger ship sank in 1912?", Expect.OTHER),
    ("Which general strike paralysed the country?", Expect.OTHER),
    ("Which child's diary was published?", Expect.OTHER),
    ("Which country's leader signed the pact?", Expect.OTHER),
    ("Which city council member proposed the plan?", Expect.OTHER),
    ("What took place after the murder?", Expect.OTHER),
    ("Welke Nederlandse minister bezocht het gebied?", Expect.PERSON),
    ("Which city opened its gates?", Expect.PLACE),
    ("Naar welke Franse haven was het schip onderweg?", Expect.PLACE),
    ("Which river did they cross?", Expect.PLACE),
    ("Which port authority was blamed?", Expect.OTHER),
    # A clause before the question; a figure spoken of in a yes/no question.
    ("When the dike broke, how many people drowned?", Expect.QUANTITY),
    ("Was the number of victims higher in Zeeland?", Expect.OTHER),
    ("In which German town was the airship built?", Expect.PLACE),
    ("In welke Zeeuwse plaats brak de dijk?", Expect.PLACE),
    ("Hoe laat werden zij gedood?", Expect.DATE),
    ("Did the judge say who fired?", Expect.OTHER),  # yes or no
])
def test_analyse_expects_the_kind_of_answer_asked_for(question: str, expect: Expect) -> None:
    assert analyse(question).expect is expect


def test_analyse_content_words_years_and_polarity() -> None:
    question = analyse("Who led the NKVD after Yezhov in 1938?")
    assert "nkvd" in question.content and "yezhov" in question.content
    assert "who" not in question.content
    assert question.years == frozenset({1938})
    assert not question.polar
    assert analyse("Did Stalin order the murder of Kirov?").polar
    assert analyse("Heeft Stalin zelf opdracht gegeven tot de moord op Kirov?").polar
    assert analyse("Waren Kirov en Stalin bondgenoten of rivalen?").polar
    # A question word after a preposition, or after a statement, asks no yes or no.
    assert not analyse("Met welk beroemd citaat wordt zijn bewind gedefinieerd?").polar
    assert not analyse("Kirov was killed in Leningrad. What is that city called now?").polar
    assert not analyse("And what about the military?").polar
    assert analyse("Wist Stalin wat er ging gebeuren?").polar  # the verb opens it
    assert analyse("Zijn de bronnen het eens?").polar
    assert analyse("In which years did the Great Terror take place?").plural_date


@pytest.mark.parametrize(("text", "values"), [
    ("1,5 miljoen", [1.5e6]),
    ("800.000", [8e5]),
    ("one million", [1e6]),
    ("Drieduizend", [3000.0]),
    ("twee honderdduizend mensen", [2e5]),  # a scale word after a number is its scale
    ("enkele honderdduizend mensen", []),
    ("20 million", [2e7]),
    ("700,000 prisoners", [7e5]),
    ("The flood of 1953 killed 1,836 people.", [1836.0]),
    # A teen is a figure; a smaller number word seldom is ("one of them").
    ("Thirteen passengers died.", [13.0]),
    ("Zestien personen werden voorgeleid.", [16.0]),
    ("Twaalf van hen, one of them.", []),
    # A day beside a month is no count; a number that cannot be a day is ("Semper Augustus").
    ("Op 5 mei 1940 vielen 300 doden.", [300.0]),
    ("de Semper Augustus 5.500 gulden", [5500.0]),
    # A number glued to a letter names a thing: a launch pad, not 39 of anything.
    ("Hij steeg op van lanceerplatform 39B.", []),
])
def test_quantities_in_reads_scales_and_separators(text: str, values: list[float]) -> None:
    assert quantities_in(text) == values


@pytest.mark.parametrize(("word", "value"), [
    ("tweehonderd", 200.0), ("driehonderdvijftig", 350.0), ("eenendertig", 31.0),
    ("vijfentwintigduizend", 25000.0), ("zeshonderdduizend", 6e5), ("honderden", None),
    ("entree", None), ("tweehonderdduizendtwee", 200002.0), ("honderdhonderd", None),
])
def test_dutch_numerals_are_one_word(word: str, value: float | None) -> None:
    assert dutch_numeral(word) == value


def test_a_word_made_of_many_scale_words_is_no_numeral() -> None:
    assert dutch_numeral("duizend" * 1000) is None
    assert dutch_numeral("honderdjarig") is None


def test_vague_amounts_are_ranges_that_can_disagree_with_a_figure() -> None:
    assert vague_amounts("Hundreds of millions lived there.") == \
        [(2e8, 1e9, "hundreds of millions")]
    assert [w for _, _, w in vague_amounts("Honderdduizenden burgers, duizenden boeren")] == \
        ["honderdduizenden", "duizenden"]
    assert vague_amounts("hundreds of thousands died") == [(2e5, 1e6, "hundreds of thousands")]
    # A span of time is no amount of anything.
    assert vague_amounts("Tientallen jaren later rook het er nog.") == []
    assert vague_amounts("It lasted hundreds of years.") == []
    assert vague_amounts("Tientallen jaren later vond men er tientallen graven.") == \
        [(24.0, 100.0, "tientallen")]
    millions, hundreds_of_thousands = [(2e6, 1e8)], [(2e5, 1e6)]
    assert not _close(millions, [(7e5, 7e5)])  # "millions" disagrees with 700,000
    assert _close(hundreds_of_thousands, [(7e5, 7e5)])
    assert _close(hundreds_of_thousands, [(3e3, 3e3)])  # 66-fold apart: other things
    assert not _close([(2e7, 2e7)], hundreds_of_thousands)  # 20-fold: a disagreement
    assert not _close([(1836.0, 1836.0)], [(2551.0, 2551.0)])
    assert _close([(1836.0, 1836.0)], [(1800.0, 1800.0)])


def test_two_figures_no_one_rounded_agree_only_when_they_are_the_same() -> None:
    assert not _close([(1836.0, 1836.0)], [(1835.0, 1835.0)])
    assert not _close([(4.55, 4.55)], [(4.25, 4.25)])
    assert _close([(1800.0, 1800.0)], [(1835.0, 1835.0)])  # "1,800" may be rounded
    assert _close([(35.0, 35.0)], [(35.0, 35.0)])
    # Round figures agree as far as they were rounded, estimates give or take 5 %.
    assert not _close([(49000.0, 49000.0)], [(45000.0, 45000.0)],
                      hedged=frozenset({49000.0, 45000.0}))
    assert not _close([(1e6, 1e6)], [(8e5, 8e5)])
    assert not _close([(5800.0, 5800.0)], [(5398.0, 5398.0)], hedged=frozenset({5800.0}))
    assert _close([(1200.0, 1200.0)], [(1198.0, 1198.0)])
    assert _close([(35.0, 35.0)], [(36.0, 36.0)], hedged=frozenset({35.0}))
    assert _close([(2e5, 1e6)], [(8e5, 8e5)])  # "hundreds of thousands"
    # Two times "around" each other only touch when they are twice the slack apart
    # (about 22.35 and about 22.15): they disagree. A time on the edge of one agrees.
    assert not _close([(1345.0, 1365.0)], [(1325.0, 1345.0)], exact=True)
    assert _close([(1345.0, 1365.0)], [(1345.0, 1345.0)], exact=True)
    assert _close([(1345.0, 1365.0)], [(1335.0, 1355.0)], exact=True)
    assert quantities_in("Thirty-five of the 97 people on board were killed.") == [35.0, 97.0]
    assert quantities_in("twenty-one men, thirty-five thousand people") == [21.0, 35000.0]
    # A time of day is no figure: only the distance counts.
    assert quantities_in("At about 14:10 she was hit some 11 miles off the coast.") == [11.0]
    assert quantities_in("Om 14.10 uur werd zij op 13 kilometer getroffen.") == [13.0]
    # A figure that only looks like a time keeps its worth.
    assert quantities_in("A population of around 1.25 million people fled.") == [1.25e6]
    assert quantities_in("The water rose to around 2.50 metres.") == [2.5]
    assert quantities_in("Het water stond rond 3.40 meter hoog.") == [3.4]
    four, other = quantities_in("4.1 million"), quantities_in("4.2 million")
    assert not _close([(four[0], four[0])], [(other[0], other[0])])
    for question in ("What peak water level was recorded at Vlissingen?",
                     "Hoe hoog kwam het water?", "What was the length of the ship?",
                     "What was the maximum height of the waves?",
                     "How far inland did the wave carry the steamer?",
                     "How far off the coast was the liner hit?",
                     "Hoe ver uit de kust werd het schip getroffen?",
                     "How far outside the city did they camp?",
                     "Hoe ver buiten de stad lag het kamp?",
                     "What volume of rock did the volcano throw out?"):
        assert analyse(question).expect is Expect.QUANTITY, question
    assert analyse("Which area was hit hardest?").expect is not Expect.QUANTITY
    assert analyse("How far out of favour had Bukharin fallen?").expect is not Expect.QUANTITY
    assert analyse("Hoe ver voor de aanslag wist Stalin ervan?").expect is not Expect.QUANTITY
    # A height is a length, and asked as one: "18 kubieke kilometer" is a volume.
    assert asked_unit("What was the maximum height of the waves?") == ("distance", "")
    assert asked_unit("What peak water level was recorded?") == ("distance", "")
    assert not states_unit("distance", "", "Zo'n 18 kubieke kilometer gesteente verdween.")
    assert states_unit("distance", "", "Tsunamis reached heights of up to 30 metres.")


def test_a_side_of_a_disagreement_is_described_by_its_figures() -> None:
    assert _describe(analyse("In which year did the flood strike?"),
                     "The flood struck in 1953, as the 1500 farmers recall.") == "1953"
    assert _describe(analyse("How many farms were lost?"),
                     "Duizenden boerderijen, 1,5 miljoen euro.") == "1,500,000 / “duizenden”"


def test_the_days_of_a_date_range_are_no_count() -> None:
    assert quantities_in("Het proces liep van 23 tot 29 januari 1937.") == []
    assert quantities_in("From 23 to 29 January 1937 some 17 men stood trial.") == [17.0]


def test_a_time_told_from_another_answers_when_and_is_cited_with_that_date(
        tmp_path: Path) -> None:
    when = analyse("When was the keeper arrested?")
    assert matches_expectation(when, "Two months later the keeper was arrested.")
    assert matches_expectation(when, "De volgende dag werd hij gearresteerd.")
    assert not matches_expectation(when, "The keeper was arrested.")
    dated = "In March 1759 the tower of Eddystone was finished."
    later = "Two months later the keeper of Eddystone was arrested."
    files = {"keeper.txt": f"Keeper\n{dated} The lamp was lit at once.\nA keeper at work.\n"
                           f"{later}\n"}
    build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask("When was the keeper of Eddystone arrested?")
    # The caption and the sentence between are skipped: the date it counts from is cited.
    assert [c.quote for c in answer.citations][:2] == [dated, later]


def test_years_are_not_quantities() -> None:
    assert quantities_in("In 1937 the purge reached its height.") == []
    assert quantities_in("Tussen 1936 en 1938 verdwenen 700.000 mensen.") == [7e5]
    # Small number words without a scale are rarely the figure asked for; decades and ages
    # are not counts either.
    assert quantities_in("one of them") == []
    assert quantities_in("in the 1930s and the jaren dertig") == []


def test_how_long_is_answered_by_spans_of_time_and_described_in_their_words() -> None:
    assert durations_in("the judges needed all of five minutes to acquit him") == \
        (("five minutes", 5.0),)
    assert durations_in("about two hours and forty minutes later") == ()
    assert durations_in("De uitbarsting duurde ongeveer twee dagen.") == (("twee dagen", 2880.0),)
    assert durations_in("Zola werd veroordeeld tot een jaar gevangenisstraf.")[0][0] == "een jaar"
    # Times, not spans: after another time, and times of day; nor ages, rates, idioms,
    # fractions and names.
    for text in ("two days after the fire started", "Twee maanden later volgde hij.",
                 "Na 206 dagen was de sarcofaag klaar.", "Om 01.23.04 uur begon de test.",
                 "om 2.20 uur", "the second trial", "Op 6 maart 1987, om 18.24 uur, kapseisde",
                 "after only two days", "na ruim twee dagen", "The 20-year-old", "74 jaar oud",
                 "three times a day", "One day he left", "the Thirty Years' War",
                 "half an hour", "an hour and a half", "1 1/2 hours", "2½ hours"):
        assert durations_in(text) == (), text
    # One unit is another's multiple: "a year" is "365 days".
    assert durations_in("one year")[0][1] == durations_in("365 days")[0][1]
    assert durations_in("Hij kreeg vijf jaar voor doodslag.") == (("vijf jaar", 2628000.0),)
    # "How long after …?" and "How long ago …?" ask a distance between times.
    assert not asks_duration("How long after the explosion did the ship sink?")
    assert not asks_duration("Hoeveel dagen na de brand stierf hij?")
    assert not asks_duration("How long ago was the city founded?")
    assert asks_duration("Hoe lang beraadslaagden de rechters voordat ze hem vrijspraken?")
    assert asks_duration("Hoeveel tijd kregen de protestanten om de stad te verlaten?")
    assert asks_duration("How much time did the crew have?")
    assert not asks_duration("Na hoeveel tijd werd het meisje bevrijd?")
    assert not asks_duration("En hoeveel tijd verstreek er daarna voordat ze vertrokken?")
    question = replace(analyse("Hoe lang beraadslaagden de rechters?"), language="nl")
    assert asks_duration(question.text) and not asks_duration("How many died?")
    assert values_of(question, "acquitted after a deliberation of only three minutes") == {3.0}
    # Another figure is no span of time, unless "how long" asks a length.
    assert values_of(question, "Esterhazy diende bij het 74e infanterieregiment.") == set()
    assert ranges_of(question, "He arrested hundreds of thousands.") == []
    assert values_of(analyse("How long was the ship?"), "It was 269 metres long.") == {269.0}
    assert values_of(analyse("How long was the ferry?"),
                     "The ferry, built over two years, is 131 metres long.") == {131.0}
    assert _describe(question, "the judges needed all of five minutes") == "five minutes"


def test_two_spans_of_time_disagree_when_both_tell_how_long_the_thing_asked_took() -> None:
    question, config = analyse("How long did the graphite keep burning?"), AnswerConfig()
    best = replace(_candidate(1, 0.95), overlap=0.4,
                   text="The exposed graphite burned for about ten days.")
    other = replace(_candidate(2, 0.93), document_id="e", overlap=0.4,
                    text="The graphite kept burning for two weeks.")
    assert _disagreeing(best, [best, other], question, config) == [other]
    # A span of another thing in the question's language shares none of its words.
    built = replace(other, overlap=0.2, text="It took builders 206 days to finish the tomb.")
    assert _disagreeing(best, [best, built], question, config) == []
    agrees = replace(other, text="The graphite kept burning for ten days.")
    assert _disagreeing(best, [best, agrees], question, config) == []


def test_a_count_after_an_article_is_no_year_and_the_is_no_decade() -> None:
    assert quantities_in("93 of the 139 council members and 81 of the 103 mayors") == \
        [93.0, 139.0, 81.0, 103.0]
    assert quantities_in("Tweehonderd van de 1225 leden stemden tegen.") == [200.0, 1225.0]
    assert years_in("Tweehonderd van de 1225 leden stemden in 1934 tegen.") == [1934]
    assert years_in("The 1917 revolution and the 1934 congress.") == [1917, 1934]
    assert quantities_in("In 1934 waren er meer dan 60.000 ongelukken.") == [60000.0]
    assert quantities_in("the events of 1917 and the 30s") == []


@pytest.mark.parametrize("question", ["In which town was the painter born?",
                                      "In welk dorp werd hij geboren?", "Where did it happen?"])
def test_place_questions(question: str) -> None:
    assert analyse(question).expect is Expect.PLACE


def test_unfocused_drops_the_words_a_question_asks_about_its_names() -> None:
    assert unfocused("Who was Kirov's wife?", "en") == "Who was Kirov's ?"
    assert unfocused("Hoe heette de vrouw van Jan Smit?", "nl") == "Hoe heette de  van Jan Smit?"
    assert unfocused("Who was Jan Smit?", "en") == "Who was Jan Smit?"


def test_the_kind_of_answer_asked_for_is_no_focus_word() -> None:
    # "year" and "land" say what kind of answer to give; a sentence need not repeat them.
    assert focus_words("In which year did Stalin come to power?", "en") == ("come", "power")
    assert focus_words("In welk land werd Trotski vermoord?", "nl") == ("vermoord",)
    assert focus_words("Op welke dag begon het proces?", "nl") == ("begon", "proces")
    assert focus_words("In welke jaren vond de Grote Terreur plaats?", "nl") == ()
    # Only the noun after the question word goes: "year" later on is asked about.
    assert focus_words("In which year did the year of terror begin?", "en") == \
        ("year", "terror", "begin")
    # Elsewhere in the question they are what it asks about.
    assert focus_words("What year was the land reform?", "en") == ("land", "reform")


def _candidate(row: int, score: float, focus: float = 0.0) -> Candidate:
    return Candidate(row=row, chunk_row=0, document_id="d", text=f"Sentence {row} was said.",
                     similarity=score, effective=score, overlap=0.0, names=1.0, own_names=1.0,
                     typed=True, focus=focus, fragment=False, score=score)


def test_a_follow_up_prefers_a_sentence_in_its_own_words() -> None:
    config = AnswerConfig()
    question = analyse("Who opposed that? (mayor flood plan 1911)")
    context = replace(_candidate(1, 0.95, focus=0.5), overlap=0.5, text="In 1911 there was "
                      "real opposition to the mayor's flood plan within the council.")
    own = replace(_candidate(2, 0.93, focus=0.6), overlap=0.5,
                  text="Alderman Jan Smit opposed this plan, and the vote went his way.")
    assert _in_own_words(context, [context, own], question, config, None) is own
    # Not one in the other language, where the words cannot be checked, nor one much lower.
    dutch = replace(own, translated=True)
    assert _in_own_words(context, [context, dutch], question, config, None) is context
    low = replace(own, score=0.80)
    assert _in_own_words(context, [context, low], question, config, None) is context
    # A question asked on its own, or a best sentence with its words, stays.
    alone = analyse("Who opposed the mayor's flood plan in 1911?")
    assert _in_own_words(context, [context, own], alone, config, None) is context
    told = replace(context, text="In 1911 the council opposed the mayor's flood plan.")
    assert _in_own_words(told, [told, own], question, config, None) is told
    # Dying is told in many words: "claimed 312 lives" has the follow-up's "died".
    deaths = analyse("How many died? (flood Heerdam 1911)")
    lives = replace(context, text="The flood of 1911 claimed 312 lives in Heerdam.")
    children = replace(own, text="Many people died, among them 12 children.")
    assert _in_own_words(lives, [lives, children], deaths, config, None) is lives


def test_a_name_that_only_owns_kin_is_not_who_the_sentence_is_about(tmp_path: Path) -> None:
    assert without_kin("Trotski's zoon Sedov woonde in Kopenhagen.") == \
        " zoon Sedov woonde in Kopenhagen."
    assert without_kin("De zoon van Trotski woonde daar.") == "De zoon van woonde daar."
    assert without_kin("Stalins beste kameraad Kirov.") == "Stalins beste kameraad Kirov."
    assert without_kin("De zoon van Leon Trotski kwam.") == "De zoon van kwam."
    assert without_kin("Leon Trotsky's son Sedov") == " son Sedov"
    son = "In 1936 woonde Trotski's zoon Sedov in Kopenhagen."
    corpus = write_corpus(tmp_path / "corpus", {"zoon.txt": f"De zoon\n{son}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data", AnswerConfig(min_confidence=0.2))
    assert assistant.ask("In welk land woonde Trotski in 1936?").abstained
    answer = assistant.ask("Waar woonde de zoon van Trotski in 1936?")
    assert not answer.abstained and answer.citations[0].quote == son


def test_a_question_word_inside_a_dutch_compound() -> None:
    text = "De Grote Terreur begint met de zogenoemde showprocessen."
    assert _compounds_of(("first", "show", "trial"), text)
    assert not _compounds_of(("trial", "open"), text)
    assert not _compounds_of(("de",), "De dertig demonstranten.")  # too short to count


def test_figures_in_different_units_count_different_things() -> None:
    question, config = analyse("How much material did the crews drop?"), AnswerConfig()
    best = replace(_candidate(1, 0.90), text="They dropped some 5000 tons of sand.",
                   overlap=0.5)
    people = replace(_candidate(2, 0.88), document_id="e", overlap=0.5,
                     text="In total 116,000 people were moved by the crews.")
    tons = replace(people, text="In total the crews dropped 2400 tons.")
    assert _disagreeing(best, [best, people], question, config) == []
    assert _disagreeing(best, [best, tons], question, config) == [tons]
    # A sentence with figures of both kinds may disagree with either.
    died = replace(best, text="3.9 million people died, while 1.7 million tons of grain left.")
    others = replace(people, text="Some 7 million people died then.")
    assert _disagreeing(died, [died, others], analyse("How many people died?"), config) == \
        [others]


def test_a_figure_for_the_place_asked_and_one_without_it_count_different_things() -> None:
    question, config = analyse("Hoeveel doden vielen er in Engeland?"), AnswerConfig()
    england = replace(_candidate(1, 0.90), text="In England 307 people lost their lives.",
                      overlap=0.2)
    total = replace(_candidate(2, 0.88), document_id="e", overlap=0.2, own_names=0.0,
                    text="By the official count 1,835 people died.")
    assert _disagreeing(england, [england, total], question, config) == []
    there = replace(total, own_names=1.0, text="In England 58 people died.")
    assert _disagreeing(england, [england, there], question, config) == [there]


def test_a_side_may_name_who_is_asked_about_in_the_sentence_before() -> None:
    question, config = analyse("How many men did Radek lead?"), AnswerConfig()
    best = replace(_candidate(1, 0.90), text="Radek led 2,500 men into the town.",
                   overlap=0.5)
    # "he" is Radek, named in the sentence before it.
    his = replace(_candidate(2, 0.88), document_id="e", overlap=0.5, own_names=0.0,
                  names=1.0, text="In the end he led 900 men into the town.")
    assert _disagreeing(best, [best, his], question, config) == [his]
    anyone = replace(his, text="In the end the rebels led 900 men into the town.")
    assert _disagreeing(best, [best, anyone], question, config) == []
    # Dutch "zijn" is as often "are".
    are = replace(his, text="Uiteindelijk zijn 900 mannen de stad in geleid.")
    assert _disagreeing(best, [best, are], question, config) == []
    quoted = replace(his, text="“He led 900 men into the town,” they said.")
    assert _disagreeing(best, [best, quoted], question, config) == [quoted]


def test_on_what_date_adds_the_day_to_an_answer_that_gives_the_year() -> None:
    question, config = analyse("On what date was the last breach at Ouwerkerk closed?"), \
        AnswerConfig()
    assert question.day and analyse("Op welke dag werd het gat gedicht?").day
    assert not analyse("In which year was the gap closed?").day
    year = replace(_candidate(1, 0.93), text="The last breach, at Ouwerkerk, closed in 1953.")
    day = replace(_candidate(2, 0.90), document_id="e",
                  text="Het laatste gat bij Ouwerkerk werd op 6 november 1953 gedicht.")
    other = replace(day, text="Op 4 oktober 1986 ging de kering dicht.")
    assert _day_of(year, [year, other, day], question, config) == day
    assert _day_of(year, [year, other], question, config) is None  # another year's day
    assert _day_of(day, [day, year], question, config) is None  # the day is already told
    assert _day_of(year, [year, day], analyse("When was it closed?"), config) is None


def test_a_focus_word_finds_its_family_in_either_language() -> None:
    assert focus_overlap(("finished",), "De Deltawerken werden in 1997 voltooid.") == 1.0
    assert focus_overlap(("mensen", "woonden"), "Pripjat telde 45.000 inwoners.") == 0.5
    assert focus_overlap(("cost",), "Het kostte 1,5 miljard euro.") == 1.0
    assert focus_overlap(("finished",), "The works began in 1958.") == 0.0
    assert focus_overlap(("appointed", "chairman"), "Voorzitter werd A.G. Maris.") == 0.5
    assert focus_overlap(("accused",), "De beklaagden bekenden alles.") == 1.0
    assert focus_overlap(("begraven",), "They were buried at night in the Nieuwe Kerk.") == 1.0
    assert focus_overlap(("depart",), "Op 4 mei vertrok de Hindenburg.") == 1.0
    assert focus_overlap(("kwam", "macht"), "Stalin came to power in 1922.") == 0.5
    # Dying is no family: in a text about killings every death would answer.
    assert focus_overlap(("die",), "Stalin ordered his death in 1936.") == 0.0
    # A short word is not matched fuzzily, but its inflections are its own.
    assert focus_overlap(("die",), "He died in debt in 1656.") == 0.8
    assert focus_overlap(("werk",), "Hij werkte in Wenen.") == 0.8
    assert focus_overlap(("die",), "The diet was poor.") == 0.0
    # Arrests, bans, faiths, fines and pardons in other words or the other language.
    assert focus_overlap(("opgepakt",), "He was arrested on 15 October 1894.") == 1.0
    assert focus_overlap(("faiths", "outlawed"), "Christianity and the Muslim religions "
                                                 "were also banned.") == 1.0
    assert focus_overlap(("fine",), "Zola kreeg een boete van 3.000 frank.") == 1.0
    assert focus_overlap(("pardoned",), "Loubet verleende hem gratie.") == 1.0
    # Killing and exile are none either: the unanswerable "What weapon was used to kill
    # Kirov?" would find every murder.
    assert focus_overlap(("kill",), "Kirov werd vermoord.") == 0.0
    # Nor trials: "during the show trials" frames many a question that none answers.
    assert focus_overlap(("trial",), "Het derde showproces begon in maart 1938.") == 0.0
    # As a verb only, a word after an article or a possessive is a noun: the news of an
    # arrest dates the news.
    news = "The paper had broken the news of the arrest on 1 November 1894."
    assert focus_overlap(("opgepakt",), news) == 1.0
    assert focus_overlap(("opgepakt",), news, verbs=True) == 0.0
    assert focus_overlap(("opgepakt",), "Hij werd gearresteerd.", verbs=True) == 1.0
    # ("zijn" and "haar" are also a verb and a pronoun.)
    assert focus_overlap(("executed",), "Veertien mannen zijn terechtgesteld.", verbs=True) == 1.0
    assert focus_overlap(("sentenced",), "De rechtbank heeft haar veroordeeld.", verbs=True) == 1.0
    assert focus_overlap(("opgepakt",), "…", verbs=True) == 0.0
    # A word for an office finds any title, and only a title.
    assert focus_overlap(("post", "hold"), "Stalin ruled as General Secretary.") == 0.5
    assert focus_overlap(("functie",), "Voorzitter werd Marten Oosting.") == 1.0
    assert focus_overlap(("post",), "Stalin ruled the party from 1922.") == 0.0
    # An English word for an office asks for one only with a verb of holding: "the post
    # office" and "the ship's position" are none.
    assert focus_overlap(("post", "office"), "The mayor opened the town hall.") == 0.0
    assert focus_overlap(("position", "ship"), "The general alarm sounded.") == 0.0
    assert focus_overlap(("official", "title"), "Stalin ruled as General Secretary.") == 0.5
    assert focus_overlap(("title", "book"), "Stalin ruled as General Secretary.") == 0.0


def test_a_question_that_counts_the_dead_finds_any_word_of_dying_beside_a_figure() -> None:
    counted = "Van hen werden er 800.000 geëxecuteerd."
    assert focus_overlap(("gedood",), counted, deaths=True) == 1.0
    assert focus_overlap(("gedood",), counted) == 0.0  # (only when the dead are counted)
    # (`deaths` says the sentence counts the dead itself: a death without a figure counts
    # no one, nor does "Of them, most died", whatever the sentence before counts.)
    assert not counts_deaths("Zinovjev werd geëxecuteerd.")
    assert not counts_deaths("Of them, most died in the camps.")
    # "Van hen …" counts of whom the sentence before tells.
    assert refers_back(counted) and refers_back("Of these, 800 died.")
    assert not refers_back("Of all the trials, the third was held in 1938.")


def test_two_years_disagree_only_as_dates_of_the_event_asked() -> None:
    question, config = analyse("When were the Delta Works finished?"), AnswerConfig()
    completed = replace(_candidate(1, 0.95, focus=1.0), overlap=0.6,
                        text="The Delta Works were completed in 1986.")
    finished = replace(_candidate(2, 0.94, focus=1.0), document_id="e", overlap=0.6,
                       text="The Delta Works were only finished in 1997.")
    assert _disagreeing(completed, [completed, finished], question, config) == [finished]
    # A year told of something else near the question is no other date of the event.
    opened = replace(finished, focus=0.0, text="The Delta Works museum opened in 1997.")
    assert _disagreeing(completed, [completed, opened], question, config) == []
    same = replace(finished, text="The Delta Works were finished in 1986.")
    assert _disagreeing(completed, [completed, same], question, config) == []
    # The best sentence in another language tells the event by being the answer; a rival
    # must tell it in the question's words.
    hanged = analyse("On what date was Robert Hubert hanged?")
    dutch = replace(_candidate(1, 0.95), translated=True, overlap=0.3,
                    text="Hubert werd op 28 september 1666 in Tyburn opgehangen.")
    english = replace(_candidate(2, 0.93), document_id="e", overlap=0.6,
                      text="Robert Hubert was hanged at Tyburn on 27 October 1666.")
    assert _disagreeing(dutch, [dutch, english], hanged, config) == [english]
    # A best sentence in the question's language must tell the event in its words, unless
    # the question asks for the day: days are told of fewer things than years.
    assert _disagreeing(replace(dutch, translated=False), [dutch, english],
                        analyse("When was Robert Hubert hanged?"), config) == []
    assert _disagreeing(replace(dutch, translated=False), [dutch, english], hanged,
                        config) == [english]
    # A side in the other language cannot be checked word by word: a year is no side, a day
    # is.
    assert _disagreeing(english, [english, dutch], analyse("When was Robert Hubert hanged?"),
                        config) == []
    assert _disagreeing(english, [english, dutch], hanged, config) == [dutch]


def test_a_day_told_without_a_year_is_of_the_year_the_other_side_tells() -> None:
    question, config = analyse("On what date was the bridge reopened?"), AnswerConfig()
    dated = replace(_candidate(1, 0.95, focus=1.0), overlap=0.6,
                    text="The bridge was reopened on 14 March 1931.")
    yearless = replace(_candidate(2, 0.94, focus=1.0), document_id="e", overlap=0.6,
                       text="The bridge was reopened on Monday 16 March.")
    # Either way round: the day without a year takes the other side's year.
    assert _disagreeing(dated, [dated, yearless], question, config) == [yearless]
    assert _disagreeing(yearless, [yearless, dated], question, config) == [dated]
    same = replace(yearless, text="The bridge was reopened on 14 March.")
    assert _disagreeing(dated, [dated, same], question, config) == []
    # Beside a month or a year, a day may be of another event in it.
    month = replace(dated, text="The bridge was reopened in March 1931.")
    assert _disagreeing(month, [month, yearless], question, config) == []


def test_dates_are_spans_of_time_a_day_a_month_or_a_year() -> None:
    assert dates_in("He was made stadtholder on 4 July 1672.") == \
        [("4 July 1672", 1672.228, 1672.228)]
    assert [d for d, _, _ in dates_in("Op 2 juli 1672 en in 1673; May 3, 1937.")] == \
        ["2 juli 1672", "May 3, 1937", "1673"]
    assert [d for d, _, _ in dates_in("on the 5th of May 1940")] == ["5th of May 1940"]
    # A day without a year takes the text's only year; the question's year alone is none.
    assert [d for d, _, _ in dates_in("In 1953, on 1 February, the dikes broke.")] == \
        ["1 February"]
    assert dates_in("on 12 June and 3 July") == []
    # ... unless it is given one: the year of another sentence.
    assert [low for _, low, _ in dates_in("on 12 June and 3 July", default_year=1922)] == \
        [1922.204, 1922.227]
    assert [d for d, _, _ in dates_in("on 12 June 1923", default_year=1922)] == ["12 June 1923"]
    assert dates_in("in June", default_year=1922) == []  # (a month alone is no date)
    assert dates_in("in de zomer van 1672", frozenset({1672})) == []
    assert dates_in("De 1225 leden") == []


def test_a_question_for_words_said_is_answered_by_a_quotation() -> None:
    for asked in ("What did Ernst Lehmann keep saying on his deathbed?",
                  "Welke woorden van de radioverslaggever zijn beroemd geworden?",
                  "Met welk beroemd citaat wordt zijn bewind gekenmerkt?",
                  "Which chilling quote is his rule defined by?", "Wat riep hij?"):
        assert analyse(asked).quote, asked
    for content in ("What did the report say about the fire?",
                    "Wat zei Jan Smit over de moord?", "Wat schreef hij aan Stalin?",
                    "Who said 'never again'?"):
        assert not analyse(content).quote, content
    question = analyse("What did Ernst Lehmann keep saying?")
    assert matches_expectation(question, "Hij zei steeds: 'Ich verstehe es nicht' (ik begrijp "
                                         "het niet).")
    assert matches_expectation(question, "His rule is defined by one chilling quote.")
    assert matches_expectation(question, 'He cried "Oh, the humanity" into the microphone.')
    assert not matches_expectation(question, "Tot zijn ‘grote schrik’ kwam Lehmann erachter.")
    assert not matches_expectation(question, "Lehmann's burns were severe.")
    # A short quotation is one after a colon.
    assert matches_expectation(question, 'The last words came from Lehmann: "Uh oh."')
    assert not matches_expectation(question, 'Lehmann had "lost" a colleague.')


def test_times_of_day_are_minutes_after_midnight() -> None:
    assert times_in("Om 19.32 uur zagen toeschouwers een vlam.") == [("19.32", 1172, 1172)]
    assert times_in("At 7:25 p.m. the first flames appeared.") == [("7:25", 1165, 1165)]
    # A dotted time needs "uur", or "om"/"at" before it, or "it was" before it and a part
    # of the day after it (a figure alone is none: "8.21" below).
    assert times_in("It was 6.40 in the morning when the ferry sailed.") == \
        [("6.40", 400, 400)]
    assert times_in("Het was 10.15 in de avond.") == [("10.15", 1335, 1335)]
    assert times_in("The share price was 8.21 in the morning.") == []
    # "around" a round hour is the quarter hour either side; an hour of either half of the
    # day is both
    assert times_in("At around four o'clock in the afternoon they broke in.") == \
        [("four o'clock", 945, 975)]
    assert [(low, high) for _, low, high in times_in("om 4 uur")] == [(240, 240), (960, 960)]
    # Quarters and halves: Dutch "half negen" is half past eight.
    assert [low for _, low, _ in times_in("Zij vertrok om kwart over acht.")] == [495, 1215]
    assert [low for _, low, _ in times_in("om half negen")] == [510, 1230]
    assert [low for _, low, _ in times_in("at a quarter to nine")] == [525, 1245]
    assert [low for _, low, _ in times_in("half past eight in the evening")] == [1230]
    assert [low for _, low, _ in times_in("om kwart voor een")] == [45, 765]
    # A time is no count: "Met hoeveel passagiers vertrok zij?" is not answered by it.
    passengers = analyse("Met hoeveel passagiers vertrok de Hindenburg?")
    assert not matches_expectation(passengers, "Zij vertrok om kwart over acht uit Frankfurt.")
    # Nor by a length; a count of them does, and "Hoeveel gas …?" by cubic metres.
    assert not matches_expectation(passengers, "The ship was 245 metres (804 ft) long.")
    assert matches_expectation(passengers, "Aan boord waren 36 passagiers.")
    assert matches_expectation(analyse("Hoeveel gas kon het bevatten?"),
                               "Het bevatte 200.000 kubieke meter gas.")
    # A count in words beside a length still counts.
    assert matches_expectation(analyse("How many passengers were aboard?"),
                               "The 245-metre ship carried thirty-six passengers.")
    assert matches_expectation(passengers, "De 245 meter lange Hindenburg vertrok met "
                                           "zesendertig passagiers.")
    assert matches_expectation(analyse("How many people died?"),
                               "The 30-metre wave killed thousands of people.")
    # A figure the question gives itself is no answer to it; vague amounts still answer, and
    # "How many of the 16 …?" may be answered by "all 16".
    trial = "Hoeveel toeschouwers zaten er bij het proces tegen de zestien verdachten?"
    for question, text, answers in (
            (trial, "Op 19 augustus werden zestien personen voorgeleid.", False),
            (trial, "Driehonderdvijftig toeschouwers woonden het bij.", True),
            ("How many people were on the 2 ships?", "Hundreds of people were aboard.", True),
            ("How many of the 16 defendants were sentenced?",
             "All 16 defendants were sentenced to death.", True)):
        assert matches_expectation(analyse(question), text) is answers, text
    assert not matches_expectation(analyse("How many German soldiers were there?"),
                                   "The fort was 245 metres long.")
    assert times_in("at 1:23 a.m.") == [("1:23", 83, 83)]
    assert times_in("om 01.23 uur") == [("01.23", 83, 83)]
    assert times_in("rond vier uur 's middags") == [("vier uur", 945, 975)]
    # A dotted time after "at about", or before a part of the day; a bare hour before a part
    # of the day after a word of time (not a count: "killed 9 in the afternoon raid").
    assert times_in("The bells rang at about 4.20 in the afternoon.") == [("4.20", 970, 990)]
    assert times_in("Het vuur brak uit om ongeveer 14.30.") == [("14.30", 860, 880)]
    assert times_in("It ended shortly after 9 in the morning.") == [("9", 540, 540)]
    assert times_in("om 4 's nachts") == [("4", 240, 240)]
    assert times_in("The raid killed 9 in the afternoon attack.") == []
    for text in ("The team won 2.15 in the afternoon.", "About 15 in the morning were held.",
                 "It was valued at about 1.25 million.", "at 9 in the morning heat"):
        assert times_in(text) == [], text
    question = analyse("At what time did the first flames appear?")
    first = replace(_candidate(1, 0.95, focus=1.0), overlap=0.6,
                    text="The first flames appeared at 7:25 p.m. on the tail.")
    second = replace(_candidate(2, 0.94, focus=1.0), document_id="e", overlap=0.6,
                     text="The first flames appeared at 19.32 uur near the fin.")
    assert _disagreeing(first, [first, second], question, AnswerConfig()) == [second]
    same = replace(second, text="The first flames appeared at 19:25 near the fin.")
    assert _disagreeing(first, [first, same], question, AnswerConfig()) == []
    assert _describe(question, second.text) == "19.32"


def test_a_time_of_day_in_other_words_or_the_other_language_is_a_side() -> None:
    question, config = analyse("Hoe laat ging de bom op het vliegveld af?"), AnswerConfig()
    dutch = replace(_candidate(1, 0.95), overlap=0.4,
                    text="Om 13.30 uur ontplofte een bom in de vertrekhal.")
    english = replace(_candidate(2, 0.85), document_id="e", translated=True, similarity=0.89,
                      text="At 13:15 a bomb exploded in the terminal.")
    assert _disagreeing(dutch, [dutch, english], question, config) == [english]
    # Taken on its time alone, a side must be nearly as like the question as the best one.
    landed = replace(english, similarity=0.80, text="Flight 1736 landed at 14:15.")
    assert _disagreeing(dutch, [dutch, landed], question, config) == []
    # In the best one's language a side is checked in the question's words, however far
    # apart the times.
    same = replace(english, translated=False, overlap=0.6,
                   text="De bom ging af op het vliegveld om 17.45 uur.")
    assert _disagreeing(dutch, [dutch, same], question, config) == [same]
    # A time hours away is of another moment ("the tower called at 21.40").
    other = replace(english, text="At 21:40 a telegram reached the tower.")
    assert _disagreeing(dutch, [dutch, other], question, config) == []
    # A document that gives the same time anywhere has told it; its timeline's other times
    # are of other moments.
    agrees = replace(english, score=0.5, text="It is 13:30.")
    later = replace(english, row=3, score=0.84, text="At 14:20 the airport was closed.")
    assert _disagreeing(dutch, [dutch, later, agrees], question, config) == []
    about = replace(agrees, text="It was about 13:15.")  # (a time near it is not the same)
    assert _disagreeing(dutch, [dutch, later, about], question, config) == [later]
    assert _disagreeing(dutch, [dutch, later], question, config) == [later]
    # (0.85 is further down than a figure's side may be; far down a time is none either.)
    assert not _disagreeing(dutch, [dutch, replace(english, score=0.80)], question, config)
    # When the best one is in the other language, a side in that language is taken on its
    # time alone too: neither can be checked in the question's words.
    first = replace(english, score=0.95, similarity=0.81,
                    text="At 9:05 the boiler of the Oude Waag burst.")
    second = replace(english, row=4, document_id="f", score=0.89, similarity=0.79,
                     text="At 9:12 the Oude Waag's boiler burst, witnesses said.")
    assert _disagreeing(first, [first, second], question, config) == [second]
    # … in the best one's words, a name among them: two times of day near each other may be
    # of two moments.
    crowd = replace(second, text="At about 9:30 the first reports of a boiler came in.")
    assert _disagreeing(first, [first, crowd], question, config) == []


def test_a_time_of_day_asked_of_a_date_is_told_without_the_date() -> None:
    question, config = analyse("Hoe laat bezweek de dijk op 3 maart 1911?"), AnswerConfig()
    dutch = replace(_candidate(1, 0.95), overlap=0.6,
                    text="Op 3 maart 1911 bezweek de dijk omstreeks 17.25 uur.")
    english = replace(_candidate(2, 0.90), document_id="e", translated=True, similarity=0.89,
                      text="The dike gave way at about 16:10 on a mild Friday.")
    assert _disagreeing(dutch, [dutch, english], question, config) == [english]
    # One that names another year or day tells of another day.
    other = replace(english, text="In 1907 the dike gave way at about 16:10.")
    assert _disagreeing(dutch, [dutch, other], question, config) == []
    again = replace(dutch, row=5, document_id="f", score=0.93,
                    text="Op 5 maart bezweek de dijk opnieuw om 19.40 uur.")
    assert _disagreeing(dutch, [dutch, again], question, config) == []


def test_a_day_in_the_other_language_is_a_side_on_its_date_alone() -> None:
    question, config = analyse("On what date was the report published?"), AnswerConfig()
    report = replace(_candidate(1, 0.95, focus=1.0), overlap=0.6,
                     text="The report was published on 30 July 1912.")
    dutch = replace(_candidate(2, 0.90), document_id="e", translated=True,
                    text="Het rapport verscheen op 3 augustus 1912.")
    assert _disagreeing(report, [report, dutch], question, config) == [dutch]
    # One in the best one's language must tell the event in the question's words.
    inquiry = replace(dutch, translated=False, text="The inquiry opened on 19 April 1912.")
    assert _disagreeing(report, [report, inquiry], question, config) == []
    # Days a few days apart across a year's end are close; months apart, of two events.
    new_year = replace(dutch, text="Het rapport verscheen op 2 januari 1913.")
    assert _disagreeing(replace(report, text="The report was published on 30 December 1912."),
                        [report, new_year], question, config) == [new_year]
    later = replace(dutch, text="Het rapport verscheen op 12 oktober 1912.")
    assert _disagreeing(report, [report, later], question, config) == []


def test_two_days_of_one_year_disagree_and_a_day_agrees_with_its_month() -> None:
    question, config = analyse("On which date was Willem Bos made stadtholder?"), \
        AnswerConfig()
    first = replace(_candidate(1, 0.95, focus=1.0), overlap=0.6,
                    text="Willem Bos was made stadtholder on 4 July 1672.")
    second = replace(_candidate(2, 0.94, focus=1.0), document_id="e", overlap=0.6,
                     text="Op 2 juli 1672 werd Willem Bos tot stadtholder gemaakt.")
    assert _disagreeing(first, [first, second], question, config) == [second]
    month = replace(second, text="In juli 1672 werd Willem Bos tot stadtholder gemaakt.")
    assert _disagreeing(first, [first, month], question, config) == []
    assert _describe(question, second.text) == "2 juli 1672"


def test_a_figure_for_the_year_asked_and_one_for_no_year_count_different_things() -> None:
    question = analyse("Met hoeveel beklaagden begon het showproces in augustus 1936?")
    config = AnswerConfig()
    tried = replace(_candidate(1, 0.90), text="Op 19 augustus 1936 worden zestien personen "
                    "voorgeleid.", overlap=0.2)
    generals = replace(_candidate(2, 0.88), document_id="e", overlap=0.2,
                       text="Later 81 of the 103 generals were executed.")
    assert _disagreeing(tried, [tried, generals], question, config) == []
    dated = replace(generals, text="In August 1936 some 14 men were tried.")
    assert _disagreeing(tried, [tried, dated], question, config) == [dated]
    spanned = replace(generals, text="In 1936-1938 some 14 men were tried at first.")
    assert _disagreeing(tried, [tried, spanned], question, config) == [spanned]
    # So for a year alone: "Hoeveel verdachten waren er in 1937?"
    year = analyse("Hoeveel verdachten stonden er in 1936 terecht?")
    assert _disagreeing(tried, [tried, generals], year, config) == []


def test_who_held_a_post_after_someone_asks_a_succession() -> None:
    for question in ("Who led the NKVD after Yezhov?", "Who headed it after Genrikh Yagoda?",
                     "After Yezhov, who led the NKVD?",
                     "Wie werd na Jezjov het nieuwe hoofd van de NKVD?"):
        assert analyse(question).succession, question
    # Not after something that befell someone, nor without a word for leading.
    for question in ("Who was arrested after Kirov's murder?", "Who ruled after Stalin died?",
                     "Wie haalde na Grigorij Zinovjev's executie de kogel eruit?",
                     "Wie haalde na Zinovjevs executie de kogel eruit?",
                     "Who testified after Radek?", "Wie werd na één dag vrijgelaten?"):
        assert not analyse(question).succession, question
    # So "verving Jagoda door Jezjov" does not tell who came after Yezhov.
    after = analyse("Who led the NKVD after Yezhov?")
    assert not matches_expectation(after, "Stalin verving Jagoda door Nikolaj Jezjov.")


def test_a_count_in_another_language_with_two_names_asked_stands_for_the_rest() -> None:
    question = replace(analyse("Hoeveel leden van het Centraal Comité overleefden de "
                               "zuiveringen niet?"), language="nl")
    executed = replace(_candidate(1, 0.95), overlap=0.2, focus=0.0, own_names=1.0,
                       translated=True,
                       text="93 of the 139 Central Committee members were executed.")
    # Its words cannot be compared: a figure beside both words of the name asked answers.
    assert is_answerable(executed, question, AnswerConfig(), lambda row: -0.003)
    assert not is_answerable(replace(executed, translated=False), question, AnswerConfig(),
                             lambda row: -0.003)
    # One name is too little to go by: "Cornelis promised 30,000 guilders" is no cost of
    # his trial.
    trial = replace(analyse("How much did Cornelis pay for his trial?"), language="en")
    promised = replace(executed, text="Cornelis zou hem 30.000 gulden hebben beloofd.")
    assert not is_answerable(promised, trial, AnswerConfig(), lambda row: -0.003)
    # A decade in words is no count.
    assert not states_quantity("Stalin werd begin jaren dertig met oppositie geconfronteerd.")
    assert states_quantity("In de jaren twintig vielen er dertig doden.")


def test_the_year_asked_stands_for_the_rest_only_in_another_language() -> None:
    question = analyse("Wie won de 100 meter op de Olympische Spelen van 1936?")
    circled = replace(_candidate(1, 0.95), overlap=0.3,
                      text="In augustus 1936 cirkelde de Hindenburg boven de Olympische Spelen.")
    # In the question's language it would share the focus words ("won", "meter"), if it
    # answered; the year alone does not make it an answer.
    assert not is_answerable(circled, question, AnswerConfig(), lambda row: -0.007)
    assert is_answerable(replace(circled, translated=True), question, AnswerConfig(),
                         lambda row: -0.007)


def test_a_count_of_the_dead_disagrees_in_any_words() -> None:
    question, config = analyse("How many people lost their lives in the eruption?"), \
        AnswerConfig()
    killed = replace(_candidate(1, 0.92), overlap=0.4,
                     text="The eruption killed more than 120,000 people.")
    toll = replace(_candidate(2, 0.88), document_id="e", overlap=0.0,
                   text="The colonial government put the official death toll at 36,417.")
    assert _disagreeing(killed, [killed, toll], question, config) == [toll]
    # A figure in words that share nothing with the question and count no dead is none.
    ships = replace(toll, text="The colonial government sent 36 steamers.")
    assert _disagreeing(killed, [killed, ships], question, config) == []


def test_a_sentence_that_opens_on_it_counts_for_what_the_one_before_names() -> None:
    question, config = analyse("How many of Farnese's soldiers were killed?"), AnswerConfig()
    told = replace(_candidate(1, 0.92), overlap=0.4,
                   text="About 1,000 of Farnese's soldiers were killed.")
    # (its names, 1.0, come from the sentence before: "A hellburner hit Farnese's bridge.")
    it = replace(_candidate(2, 0.88), document_id="e", overlap=0.3, own_names=0.0,
                 text="It killed some 800 of Parma's men.")
    assert _disagreeing(told, [told, it], question, config) == [it]
    named = replace(it, text="The flood killed some 800 of Parma's men.")
    assert _disagreeing(told, [told, named], question, config) == []
    # "It is estimated that …" refers to nothing before it.
    estimated = replace(it, text="It is estimated that 800 of Parma's men were killed.")
    assert _disagreeing(told, [told, estimated], question, config) == []


def test_two_ages_of_the_one_asked_disagree_to_the_year() -> None:
    question, config = replace(analyse("Hoe oud was Piet Smit toen hij stierf?"),
                               language="nl"), AnswerConfig()
    nineteen = replace(_candidate(1, 0.95), overlap=0.5,
                       text="Onder de doden was stuurman Piet Smit, 19 jaar oud, uit Gouda.")
    twenty = replace(_candidate(2, 0.93), document_id="e", translated=True, overlap=0.0,
                     text="The mate, Piet Smit, a sailor from Gouda aged twenty, drowned.")
    # (The town between the name and the age is no one else's: the age is his.)
    assert matches_expectation(question, twenty.text)
    assert values_of(question, nineteen.text) == {19.0}
    assert values_of(question, twenty.text) == {20.0}
    assert _disagreeing(nineteen, [nineteen, twenty], question, config) == [twenty]
    same = replace(twenty, text="The mate, Piet Smit, a sailor from Gouda aged nineteen, drowned.")
    assert _disagreeing(nineteen, [nineteen, same], question, config) == []
    # An age given as an estimate may be a year off, however it is rounded; another
    # figure's estimate makes no age one.
    about = replace(twenty, text="The mate, Piet Smit, aged about 18, drowned.")
    assert _disagreeing(nineteen, [nineteen, about], question, config) == []
    crowd = replace(twenty, text="The mate, Piet Smit, aged 20, drowned with about 300 others.")
    assert _disagreeing(nineteen, [nineteen, crowd], question, config) == [crowd]
    # A document that gives the same age elsewhere tells another age of the same life.
    later = replace(_candidate(3, 0.80), document_id="e", translated=True, overlap=0.0,
                    text="Piet Smit went to sea, aged 19.")
    assert _disagreeing(nineteen, [nineteen, twenty, later], question, config) == []


def test_an_age_is_of_the_one_asked_and_in_any_number_words() -> None:
    how_old = "How old was Piet Smit?"
    assert ages_told(how_old, "Piet Smit, a twenty-three-year-old clerk, fled.") == {23.0}
    assert ages_told(how_old, "Piet Smit was twenty three years old.") == {23.0}
    assert ages_told(how_old, "Piet Smit, aged twenty-three, fled.") == {23.0}
    assert ages_told(how_old, "Piet Smit was barely a year old when the dike broke.") == {1.0}
    # Not a relative's, a thing's, or the age of another full name beside his.
    assert ages_told(how_old, "Piet Smit had a twelve-year-old son.") == set()
    assert ages_told(how_old, "Piet Smit sold his 300-year-old mill.") == set()
    assert ages_told(how_old, "Piet Smit bought the boat from Jan de Vries, aged 40.") == set()
    # Of no one named, the ages in a sentence may be anyone's: no figures.
    anyone = replace(analyse("Hoe oud werd ze?"), language="nl")
    assert values_of(anyone, "Ze was 19 jaar oud.") == set()


def test_a_count_in_words_disagrees_only_with_a_figure_of_the_same_things() -> None:
    question, config = analyse("How many pilots were lost?"), AnswerConfig()
    four = replace(_candidate(1, 0.95), overlap=0.5, text="Four pilots were lost that night.")
    six = replace(_candidate(2, 0.93), document_id="e", overlap=0.4,
                  text="Six pilots were lost over the sea.")
    assert _disagreeing(four, [four, six], question, config) == [six]
    crews = replace(six, text="In all 212 airmen were killed, 40 of them gunners.")
    assert _disagreeing(four, [four, crews], question, config) == []
    # Across languages only the short list of things counted tells: no side on trust.
    dutch = replace(six, translated=True, text="Zes vliegers kwamen niet terug.")
    assert _disagreeing(four, [four, dutch], question, config) == []
    # Such a count stands for its document: not a figure of something else beside it.
    aged = replace(_candidate(3, 0.94), text="Their leader, Jan Vos, aged 37, came back.")
    assert _stated(four, [four, aged], question, config) is four


def test_a_small_count_in_words_is_a_figure_when_it_counts_what_was_asked() -> None:
    question, config = replace(
        analyse("Hoeveel mensen kwamen om bij de overstroming?"), language="nl"), \
        AnswerConfig()
    counted = counted_words(question.text)
    assert small_counts(counted, "Er kwamen vier mensen om.") == {4.0}
    assert small_counts(counted, "Six people drowned.") == {6.0}
    # (Not one that counts something else, nor part of a larger number.)
    assert small_counts(counted, "Twee keer brak de dijk.") == set()
    assert small_counts(counted, "Two of the people fled.") == set()
    assert small_counts(counted, "Thirty-five people drowned.") == set()
    assert small_counts(counted, "Three million people fled.") == set()
    four = replace(_candidate(1, 0.95), overlap=0.5,
                   text="Bij de overstroming kwamen vier mensen om.")
    six = replace(_candidate(2, 0.93), document_id="e", overlap=0.3,
                  text="Zes mensen kwamen om in het water.")
    assert _disagreeing(four, [four, six], question, config) == [six]
    # Only when the best sentence gives no other figure: beside "212", "Six people drowned
    # later" is no figure.
    many = replace(four, text="Bij de overstroming kwamen 212 mensen om.")
    later = replace(six, text="Zes mensen kwamen later om.")
    assert _disagreeing(many, [many, later], question, config) == []
    assert values_of(question, later.text) == set()
    assert values_of(question, later.text, small=True) == {6.0}


def test_a_figure_that_counts_other_things_than_asked_does_not_disagree() -> None:
    question, config = analyse("How many passengers died in the fire?"), AnswerConfig()
    assert counted_words(question.text) == ("passengers", "died")
    passengers = replace(_candidate(1, 0.90), overlap=0.3,
                         text="Thirteen passengers and 22 crew members died.")
    elsewhere = replace(_candidate(2, 0.88), document_id="e", overlap=0.3,
                        text="In 1930 48 soldiers and in 1933 73 sailors drowned.")
    assert counts_asked(counted_words(question.text), elsewhere.text) is False
    assert _disagreeing(passengers, [passengers, elsewhere], question, config) == []
    other = replace(elsewhere, text="Thirty passengers died.")
    assert _disagreeing(passengers, [passengers, other], question, config) == [other]
    # A figure that says not what it counts may still disagree.
    unsaid = replace(elsewhere, text="In all 40 died.")
    assert _disagreeing(passengers, [passengers, unsaid], question, config) == [unsaid]
    # Counted as one word in the other language: "gas cells", "gascellen".
    cells = counted_words("How many gas cells held the gas?")
    assert counts_asked(cells, "Zestien gascellen van katoen.") is True
    assert counts_asked(cells, "Vier dieselmotoren van elk duizend pk.") is False
    # People are told of in many words: "20 million ordinary Russians".
    people = analyse("How many people were sent to the camps?")
    camps = replace(passengers, text="In total 1,5 miljoen mensen went to the camps.")
    russians = replace(elsewhere, text="Some 20 million ordinary Russians were sent there.")
    assert _disagreeing(camps, [camps, russians], people, config) == [russians]


def test_across_languages_known_words_tell_what_a_figure_counts() -> None:
    spectators = counted_words("Hoeveel toeschouwers waren er aanwezig?")
    members = "93 of the 139 Central Committee members and 81 of the 103 generals were shot."
    assert counts_other_things(spectators, members)
    # Not when a figure counts people at large, a word it does not know, or nothing said.
    assert not counts_other_things(spectators, "Some 350 people watched.")
    assert not counts_other_things(spectators, "Some 350 journalists watched.")
    assert not counts_other_things(spectators, "About 350 watched.")
    assert not counts_other_things(spectators, "Some 350 spectators watched.")
    assert counts_asked(counted_words("How many children died?"), "Er stierven 94 kinderen.")
    # People at large, or by what befell them, may be those asked; nor is the object of a
    # verb what a figure counts.
    for question, text in (("Hoeveel slachtoffers eiste de ramp?",
                             "The disaster killed 2,100 inhabitants."),
                           ("How many soldiers were killed?", "Er sneuvelden 25.000 man."),
                           ("Hoeveel overlevenden waren er?",
                            "Only 712 passengers and crew were rescued."),
                           ("Hoeveel toeschouwers waren er?",
                            "Some 20,000 watched the ships leave the harbour.")):
        assert not counts_other_things(counted_words(question), text), question
    assert counts_other_things(counted_words("How many passengers were aboard?"),
                               "Er waren 61 bemanningsleden aan boord.")
    # A Dutch compound by its last part, unless it is listed whole.
    graves = counted_words("How many graves were dug?")
    assert not counts_other_things(graves, "Zij werden in 3 massagraven begraven.")
    assert counts_other_things(graves, "Er waren 35 bemanningsleden aan boord.")
    assert [_count_noun(w) for w in ("massagraven", "reddingssloepen", "everybody",
                                     "somebody", "mankind", "ecosystem")] == \
        ["graves", "boats", None, None, None, None]
    question, config = analyse("Hoeveel toeschouwers waren er aanwezig?"), AnswerConfig()
    best = replace(_candidate(1, 0.90), overlap=0.5,
                   text="Driehonderdvijftig toeschouwers woonden de zitting bij.")
    other = replace(_candidate(2, 0.88), document_id="e", translated=True, text=members)
    assert _disagreeing(best, [best, other], question, config) == []
    assert _disagreeing(best, [best, replace(other, text="Some 500 spectators came.")],
                        question, config) != []


def test_a_figure_placed_elsewhere_does_not_disagree() -> None:
    question, config = analyse("How many died in the crash at Lakehurst?"), AnswerConfig()
    crash = replace(_candidate(1, 0.90), overlap=0.3, text="In all 36 people died.")
    france = replace(_candidate(2, 0.88), document_id="e", overlap=0.3,
                     text="In the crash in France 48 people died.")
    assert _disagreeing(crash, [crash, france], question, config) == []
    here = replace(france, text="At Lakehurst 20 people died.")
    assert _disagreeing(crash, [crash, here], question, config) == [here]


def test_a_time_of_day_and_an_age_told_in_words() -> None:
    clock = analyse("Hoe laat werden zij gedood?")
    assert matches_expectation(clock, "Around six o'clock in the evening they were killed.")
    assert matches_expectation(clock, "Rond vier uur braken ze binnen.")
    assert matches_expectation(clock, "Omstreeks zessen was het gedaan.")
    assert not matches_expectation(clock, "Hij had vier kinderen.")
    age = analyse("Hoe oud was Johan toen?")
    assert matches_expectation(age, "Johan werd op zijn zevenentwintigste gekozen.")
    # As newspapers give it, in brackets after the name; not a year or a page.
    meurs = analyse("Hoe oud was Klaas Meurs?")
    assert matches_expectation(meurs, "Naast hem zat eerste officier Klaas Meurs (42).")
    assert not matches_expectation(meurs, "Klaas Meurs (1935) vloog naast hem.")
    assert not matches_expectation(meurs, "Klaas Meurs vloog naast hem (zie 4).")
    # (Only the age of whom it asks: not the captain's beside him, nor a chapter's number.)
    assert not matches_expectation(meurs, "Kapitein Van Zanten (50) en Klaas Meurs vlogen.")
    assert not matches_expectation(meurs, "Over Klaas Meurs, zie Hoofdstuk (3).")


def test_an_age_is_of_the_one_it_is_told_beside() -> None:
    # Whose age, after a title or in "Welke leeftijd had …", but no organisation's.
    ohad = analyse("Hoe oud was tweede vlieger Arnon Ohad?")
    crew = ("Gezagvoerder was de 59-jarige Jitschak Fuchs, een van de meest ervaren vliegers "
            "van El Al. Naast hem zaten tweede vlieger Arnon Ohad en boordwerktuigkundige "
            "Gedalja Sofer.")
    assert not matches_expectation(ohad, crew)
    assert matches_expectation(analyse("Hoe oud was gezagvoerder Jitschak Fuchs?"), crew)
    assert matches_expectation(analyse("Welke leeftijd had Jitschak Fuchs toen?"), crew)
    assert matches_expectation(analyse("What age was Andrei Vyshinsky then?"),
                               "De 53-jarige procureur-generaal Andrej Vysjinski eiste de dood.")
    assert matches_expectation(analyse("Hoe oud was de KLM-gezagvoerder toen?"),
                               "De 50-jarige vlieger was hoofd van de opleiding.")
    # (Not whose "the son of Stalin" is: the son's, whom the question does not name.)
    assert matches_expectation(analyse("How old was the son of Stalin then?"),
                               "His 20-year-old son Yakov, far from Stalin, was captured.")


def test_a_figure_is_compared_by_the_clause_that_counts_what_was_asked() -> None:
    question, config = analyse("Hoeveel woningen werden volledig verwoest?"), AnswerConfig()
    dutch = replace(_candidate(1, 0.95), overlap=0.4, text="Ongeveer 200 woningen werden "
                    "verwoest en zo'n 1.500 panden raakten beschadigd.")
    english = replace(_candidate(2, 0.92), document_id="e", translated=True,
                      text="Around 400 homes were destroyed and about 1,500 buildings were "
                           "damaged; some 1,250 residents lost their homes.")
    # (The 1,500 buildings both give are not the homes asked about.)
    assert _disagreeing(dutch, [dutch, english], question, config) == [english]
    assert asked_part(question, dutch.text) == "Ongeveer 200 woningen werden verwoest"
    assert _describe(question, english.text) == "400"
    # A sentence with no clause that counts what was asked is read whole.
    assert asked_part(question, "Er vielen 23 doden.") == "Er vielen 23 doden."
    assert asked_part(analyse("How many people died?"), english.text) == english.text


def test_a_sentence_that_names_nothing_counts_for_the_names_around_it() -> None:
    question, config = analyse("How many teachers applied to the Teacher project?"), \
        AnswerConfig()
    best = replace(_candidate(1, 0.95), overlap=0.4, text="McAuliffe was picked from more "
                   "than 11,000 teachers who applied to the Teacher project.")
    # Its own sentence names nothing; the one before names the project.
    bare = replace(_candidate(2, 0.92), document_id="n", own_names=0.0, overlap=0.2,
                   text="Bijna 8.000 teachers stuurden een aanmelding in.")
    assert _disagreeing(best, [best, bare], question, config) == [bare]
    # … but not when it counts something else, nor when the question asks of a place.
    other = replace(bare, text="Bijna 8.000 brieven kwamen binnen.")
    assert _disagreeing(best, [best, other], question, config) == []
    there = analyse("How many teachers in Boston applied to the Teacher project?")
    assert _disagreeing(best, [best, bare], there, config) == []


def test_a_document_that_gives_one_side_s_figure_is_shown_with_that_side() -> None:
    question, config = analyse("Hoeveel minuten duurde het voordat het schip zonk?"), \
        AnswerConfig()
    best = replace(_candidate(1, 0.95), text="Achttien minuten na de inslag zonk het schip.")
    rival = replace(_candidate(2, 0.92), document_id="e", translated=True,
                    text="The ship went down in just fifteen minutes.")
    ally = replace(_candidate(3, 0.90), document_id="o", translated=True,
                   text="The ship sank in 18 minutes.")
    knots = replace(ally, text="The ship was steaming at 18 knots when the torpedo struck.")
    both = replace(ally, text="Some say 15 minutes, others say 18 minutes.")
    assert _allies(best, [best, rival], [best, rival, ally], question, config, 2) == [ally]
    # Not a figure of another kind, nor one that fits both sides; none without room.
    assert _allies(best, [best, rival], [best, rival, knots], question, config, 2) == []
    assert _allies(best, [best, rival], [best, rival, both], question, config, 2) == []
    assert _allies(best, [best, rival], [best, rival, ally], question, config, 0) == []


def test_review_mends_names_money_ages_degrees_and_allies() -> None:
    # "Hoe heet zijn vrouw?" asks a name; "is" in "Israels" is no verb.
    assert analyse("Hoe heet zijn vrouw?").expect is not Expect.QUANTITY
    assert asked_unit("Hoe heet Israels premier?") == ("", "")
    # A degree may be a diploma or a burn's.
    assert asked_unit("How many students earned a degree that year?") == ("", "")
    assert asked_unit("Hoeveel passagiers liepen brandwonden van de derde graad op?") == \
        ("", "")
    # A unit that is also a name, a verb or an adjective after a year leaves it a year.
    assert years_in("In 1945 Pound was arrested in Italy.") == [1945]
    assert years_in("The 1971 dollar crisis ended Bretton Woods.") == [1971]
    # "$5M" and "20M" are amounts, "39B" a name.
    assert quantities_in("The ransom was $5M in cash.") == [5.0]
    assert quantities_in("The price was 20M euros.") == [20.0]
    # Whose age: not a name of the clause after ("when Stalin died"), nor one the age is
    # not nearest to.
    assert matches_expectation(analyse("How old was he when Stalin died?"),
                               "The 30-year-old Nikolayev was arrested at the scene.")
    assert not matches_expectation(analyse("How old was Kirov?"),
                                   "Then Nikolayev, 30 years old, shot Kirov.")
    assert matches_expectation(analyse("Hoe oud was Nikolayev?"),
                               "Dader was de 30-jarige Leonid Nikolayev.")
    # An ally gives the very figure of a side: 20 is not 18.
    question, config = analyse("Hoeveel minuten duurde het voordat het schip zonk?"), \
        AnswerConfig()
    best = replace(_candidate(1, 0.95), text="Achttien minuten na de inslag zonk het schip.")
    rival = replace(_candidate(2, 0.92), document_id="e", translated=True,
                    text="The ship went down in just fifteen minutes.")
    twenty = replace(_candidate(3, 0.90), document_id="o", translated=True,
                     text="The ship sank in 20 minutes.")
    assert _allies(best, [best, rival], [best, rival, twenty], question, config, 2) == []


def test_review_mends_zijn_haar_and_he_after_an_article() -> None:
    radek = [Turn("user", "Wie was Karl Radek?"), Turn("assistant", "Een journalist.")]
    assert resolve("Wat was zijn gewicht?", radek) == "Wat was Karl Radek's gewicht?"
    mcauliffe = [Turn("user", "Wie was Christa McAuliffe?"), Turn("assistant", "Een lerares.")]
    assert resolve("Wat was haar gewicht?", mcauliffe) == \
        "Wat was Christa McAuliffe's gewicht?"
    # A titled name after "the" is someone; the question's own name beats older turns.
    kaiser = [Turn("user", "What did the Kaiser do after Verdun?"),
              Turn("assistant", "He stayed at headquarters.")]
    assert resolve("When did he abdicate?", kaiser) == "When did Kaiser abdicate?"
    emperor = [Turn("user", "Who was Stalin?"), Turn("assistant", "The Soviet leader."),
               Turn("user", "What did the Emperor Hirohito say?"),
               Turn("assistant", "He spoke on the radio.")]
    assert resolve("How old was he?", emperor) == "How old was Emperor Hirohito?"


def test_temperatures_are_a_measure_of_their_own() -> None:
    assert asked_unit("Hoe koud was het zeewater?") == ("temperature", "")
    assert asked_unit("How hot did the fire get?") == ("temperature", "")
    assert analyse("Hoe heet was de gloedwolk?").expect is Expect.QUANTITY
    # ("Hoe heet de theorie …?" asks what it is called.)
    assert analyse("Hoe heet de theorie van de omsingeling?").expect is not Expect.QUANTITY
    assert figure_kinds("The water was only 3°C, and 193 died.") == {"temperature", ""}
    assert figure_kinds("Het water was ongeveer 8 graden Celsius.") == {"temperature"}
    # A year-like number before a unit measures: 1250 degrees, not the year 1250.
    assert quantities_in("temperaturen tot ongeveer 1250 graden Celsius") == [1250.0]
    assert years_in("In 1666 brandde het bij 1250 graden.") == [1666]
    # (A unit that is also a name or a verb after a year leaves it a year.)
    assert years_in("In 1998 Ton Koopman speelde; 1990 marks the end.") == [1998, 1990]


def test_a_count_given_as_a_bound_agrees_with_a_little_more_or_less() -> None:
    question, config = analyse("How many people lost their lives?"), AnswerConfig()
    bound = replace(_candidate(1, 0.95), overlap=0.5,
                    text="The blast killed more than twenty people.")
    exact = replace(_candidate(2, 0.93), document_id="e", overlap=0.5,
                    text="The disaster killed 23 people, and injured 947.")
    assert _disagreeing(bound, [bound, exact], question, config) == []
    more = replace(exact, text="The disaster killed 31 people, and injured 947.")
    assert _disagreeing(bound, [bound, more], question, config) == [more]
    # "ruim 5.800" is not 5,398; "nearly 1,835" is not more than 1,835.
    tons = replace(bound, text="Carter telde ruim 5.800 voorwerpen.")
    fewer = replace(exact, translated=True, text="In total 5,398 objects were recorded.")
    objects = analyse("Hoeveel voorwerpen telde Carter?")
    assert _disagreeing(tons, [tons, fewer], objects, config) == [fewer]
    assert _bounds(question, "nearly 1,835 died, more than twenty were hurt") == \
        (frozenset({20.0}), frozenset({1835.0}))
    # Only counts: "over 1934" is no bound on a year.
    assert _bounds(analyse("When did it end?"), "over 1934") == (frozenset(), frozenset())
    # The count of the dead is the clause that tells of dying, not of the injured beside it.
    assert asked_part(question, exact.text) == "The disaster killed 23 people"
    # A total a part is told of is no count of what was asked: "Of the 1,500 homes …".
    homes = analyse("How many homes were destroyed?")
    part = "Of the 1,500 homes in the town, 200 were destroyed."
    assert asked_part(homes, part) == part
    about = replace(exact, text="About 200 homes were destroyed.")
    assert _disagreeing(replace(bound, text=part), [replace(bound, text=part), about], homes,
                        config) == []


def test_a_figure_of_other_things_beside_the_answer_is_no_side() -> None:
    question = analyse("How many generals were put to death?")
    generals = "Of the 103 generals, 81 were executed."
    members = "And 93 party members were executed."
    assert counts_asked(counted_words(question.text), generals) is True
    assert counts_asked(counted_words(question.text), members) is False
    assert figure_kinds("200.000 kubieke meter gas") == {"volume"}
    assert figure_kinds("245 metres (804 ft) long") == {"distance"}


def test_a_number_that_names_a_thing_is_no_figure() -> None:
    assert quantities_in("The R101 crashed and the LZ 129 burned; 36 died.") == [36.0]
    assert not states_quantity("De LZ 129 landde.")


def test_the_year_that_names_an_event_does_not_part_figures() -> None:
    question, config = analyse("How many people died in the 1953 flood?"), AnswerConfig()
    flood = replace(_candidate(1, 0.90), overlap=0.3, text="In 1953 1,836 people died.")
    other = replace(_candidate(2, 0.88), document_id="e", overlap=0.3,
                    text="The flood killed 2,551 people.")
    assert _disagreeing(flood, [flood, other], question, config) == [other]
    # A month is no place: "In May 36 died" is told of the event asked about.
    may = replace(other, text="In May some 3,500 people died.")
    assert _disagreeing(flood, [flood, may], analyse("How many died at Lakehurst?"),
                        config) == [may]


def test_review_mends_of_names_figures_and_kinds() -> None:
    # A particle joins only a given name and a surname.
    assert question_names("Wanneer vertrok de Hindenburg van Frankfurt?") == \
        [("hindenburg",), ("frankfurt",)]
    assert question_names("Welke rol speelde Jagoda van de NKVD?") == [("jagoda",), ("nkvd",)]
    assert question_names("Welke rol speelde de Prins van Oranje?") == [("prins",), ("oranje",)]
    # A title is no other bearer's given name.
    assert other_bearers("Wanneer stierf Jacob de Witt?", "Burgemeester De Witt stierf.") == set()
    # Country and currency codes are no names of things.
    assert quantities_in("In the UK 307 people died.") == [307.0]
    assert quantities_in("Het kostte DM 3000.") == [3000.0]
    # Ordinals of ten and more are ages; "op zijn hoede", "op zijn tweede reis" are not.
    age = analyse("Hoe oud was Johan toen?")
    assert not matches_expectation(age, "Johan was op zijn hoede.")
    assert not matches_expectation(age, "Johan ging op zijn tweede reis.")
    # A day is a number beside a month.
    assert not states_day("Jan Kole was rescued in November 1953.")
    assert states_day("It left on May 3.")
    # "rond een uur" is as often a duration.
    assert not matches_expectation(analyse("Hoe laat brak het vuur uit?"),
                                   "Het vuur woedde rond een uur.")
    # Dutch puts "benoemd" last.
    assert analyse("Wie werd na de moord op Kirov benoemd?").succession
    # Survivors are not the dead.
    assert not counts_deaths("Van de 97 opvarenden overleefden er 62, alleen 35 niet.")
    assert not counts_deaths("De 62 passagiers overleefden niet alleen de brand.")
    # Killing as a purpose asks no deaths: the reward is a sum of money.
    assert not analyse("How large a reward was he offered to kill the prince?").deaths
    assert not analyse("Hoeveel geld kreeg hij om de prins te doden?").deaths
    assert analyse("How many were killed in the attack?").deaths
    assert analyse("How many people were burned to death in the fire?").deaths
    # The dead are no money.
    assert asked_unit("Hoeveel doden heeft de watersnood gekost?") == ("", "")
    assert asked_unit("Hoeveel geld heeft de bouw gekost?") == ("currency", "")
    # Paying and compensation are money too, whatever the counted word.
    assert asked_unit("How much compensation did the company pay?") == ("currency", "")
    assert asked_unit("Hoeveel schadevergoeding heeft El Al betaald?") == ("currency", "")
    assert not states_quantity("Het toestel steeg op van lanceerplatform 39B.")


def test_a_count_of_everyone_does_not_answer_how_many_of_some_died() -> None:
    children = analyse("How many children died in Zeeland?")
    everyone = replace(_candidate(1, 0.95), text="In Zeeland kwamen 865 mensen om het leven.")
    assert not is_answerable(everyone, children, AnswerConfig(), {1: -0.01}.__getitem__)


def test_resolve_its_only_after_a_question_that_asked_which_place() -> None:
    history = [Turn("user", "Where did the Hindenburg crash?"),
               Turn("assistant", "The Hindenburg crashed at Lakehurst, New Jersey.")]
    assert "Jersey" not in resolve("How many of its passengers survived?", history)
    named = [Turn("user", "Did Stalin speak to the victims' families?"),
             Turn("assistant", "Yes, Stalin met Kirov's widow Maria Markus.")]
    assert resolve("What did he say?", named) == "What did Stalin say?"


def test_the_number_of_a_type_is_no_year() -> None:
    assert years_in("Er draaiden vier reactoren van het type RBMK-1000.") == []
    assert years_in("Code A1934 was used.") == []
    assert years_in("In mid-1937 and pre-1917 Russia, 1936-1938.") == [1937, 1917, 1936, 1938]
    assert 1891 in years_in("The M1891 rifle was adopted in 1891.")
    assert years_in("He died in1934.") == [1934]


def test_a_rival_figure_must_be_about_the_question() -> None:
    question, config = analyse("How many spectators attended the trial?"), AnswerConfig()
    best = replace(_candidate(1, 0.90), text="About 350 spectators attended the trial.",
                   overlap=0.5)
    unrelated = replace(_candidate(2, 0.85), document_id="e", overlap=0.0,
                        text="Of the 103 generals, 81 were shot.")
    related = replace(unrelated, overlap=0.5, text="Some 500 spectators attended the trial.")
    translated = replace(unrelated, translated=True, text="Er waren 500 toeschouwers.")
    assert _disagreeing(best, [best, unrelated], question, config) == []
    assert _disagreeing(best, [best, related], question, config) == [related]
    # In another language a sentence shares no words with the question, yet may be about it.
    assert _disagreeing(best, [best, translated], question, config) == [translated]


def test_every_other_document_with_another_figure_is_a_side() -> None:
    question, config = analyse("How many spectators attended the trial?"), AnswerConfig()
    best = replace(_candidate(1, 0.90), text="About 350 spectators attended the trial.",
                   overlap=0.5)
    second = replace(best, row=2, score=0.88, document_id="e",
                     text="Some 500 spectators attended the trial.")
    same_document = replace(second, row=3, score=0.87, text="Later 900 spectators came.")
    agreeing = replace(second, row=4, score=0.86, document_id="f",
                       text="Some 350 spectators attended it.")
    third = replace(second, row=5, score=0.85, document_id="g",
                    text="Over 2,000 spectators attended the trial.")
    far = replace(second, row=6, score=0.70, document_id="h",
                  text="Only 20 spectators attended the trial.")
    # One side per document, its best sentence; an agreeing one is none, nor one too far below.
    assert _disagreeing(best, [best, second, same_document, agreeing, third, far], question,
                        config) == [second, third]


def test_a_yes_no_side_may_be_further_below_than_a_figure() -> None:
    config = AnswerConfig()  # "Was the flood the cause of the new dikes?"
    best = replace(_candidate(1, 0.95), text="The flood was not the cause of the dikes.",
                   overlap=0.6)
    other = replace(_candidate(2, 0.86), document_id="e", overlap=0.6,
                    text="The flood was the cause of the new dikes.")
    assert config.polar_margin > 0.95 - 0.86 > config.conflict_margin
    assert _opposing(best, [best, other], config) is other
    assert _opposing(best, [best, replace(other, score=0.84)], config) is None


def test_a_sentence_that_says_not_x_but_y_disagrees_with_one_that_says_x() -> None:
    config = AnswerConfig()
    question = analyse("What was the real cause of the Great Flood?")
    stating = replace(_candidate(1, 0.95), overlap=0.6,
                      text="The storm of 1953 triggered the Great Flood.")
    correcting = replace(_candidate(2, 0.90), document_id="e", overlap=0.5,
                         text="De werkelijke oorzaak van de ramp was niet de storm, maar het "
                              "achterstallige onderhoud van de dijken.")
    assert corrects(correcting.text) and not corrects(stating.text)
    assert _corrected(stating, [stating, correcting], question, config) == \
        (stating, correcting)
    # ("storm" is found in the other sentence, in either order)
    assert _corrected(correcting, [correcting, stating], question, config) == \
        (stating, correcting)
    # Not when what is denied is not what the other says, nor within one document.
    other = replace(stating, text="The neglect of the dikes caused the Great Flood.")
    assert _corrected(other, [other, correcting], question, config) is None
    same = replace(correcting, document_id="d")
    assert _corrected(stating, [stating, same], question, config) is None
    # Not "not only … but also", nor a sentence that says nothing of a cause, nor one too
    # far below the best, nor one about something else.
    also = replace(correcting, text="The cause was not only the storm but also neglect.")
    assert _corrected(stating, [stating, also], question, config) is None
    plain = replace(correcting, text="Het was niet de storm, maar de zee die het land nam.")
    assert _corrected(stating, [stating, plain], question, config) is None
    low = replace(correcting, score=0.80)
    assert _corrected(stating, [stating, low], question, config) is None
    unrelated = replace(correcting, overlap=0.1)
    assert _corrected(stating, [stating, unrelated], question, config) is None
    # What the question names itself ("flood", "floods"), or a word for causing, links
    # nothing: every side names it.
    flood = replace(correcting, text="De oorzaak was niet de floods, maar de dijken.")
    assert _corrected(stating, [stating, flood], question, config) is None
    # A sentence that also names what the correction names instead agrees with it.
    both = replace(stating, text="The storm of 1953 and the neglected dikes triggered it.")
    agreeing = replace(correcting, text="De oorzaak was niet de storm, maar neglected dikes.")
    assert _corrected(both, [both, agreeing], question, config) is None
    alone = replace(both, text="The storm of 1953 triggered it.")
    assert _corrected(alone, [alone, agreeing], question, config) == (alone, agreeing)
    # A "not" and a "but" of two clauses, or "but also", are no correction.
    for text in ("Not surprisingly, the storm caused the dikes to fail, but the dams held.",
                 "It was not the storm alone but also neglect.",
                 "De oorzaak was niet uitsluitend de storm, maar ook het onderhoud.",
                 "Het kon niet anders, maar de oorzaak bleef onbekend."):
        assert not corrects(text), text


def test_the_words_a_sentence_names_a_cause_in() -> None:
    assert named_cause("The blaze was started by a lantern in the hayloft.") == \
        "a lantern in the hayloft"
    assert named_cause("De molen was in brand geraakt en ontstaan door een omgevallen lamp, "
                       "zo bleek.") == "een omgevallen lamp"
    assert named_cause("De inspectie wees een lekkende gasleiding aan als oorzaak.") == \
        "een lekkende gasleiding"
    assert named_cause("The cause of the collapse was rust in the bolts.") == "rust in the bolts"
    # Not a cause still argued about, or unknown, nor an event that causes something else.
    assert named_cause("Over de oorzaak van de overstroming is lang getwist.") is None
    assert named_cause("The cause of the collapse is unknown.") is None
    assert named_cause("The fire caused the collapse of the roof.") is None
    assert named_cause("Due to the fire, the concert was cancelled.") is None
    assert named_cause("The fire was due to a lamp.") == "a lamp"
    assert named_cause("It was blamed on the fact that the fuses were old.") == \
        "the fuses were old"
    assert named_cause("The mill stood by the river.") is None
    # A cause doubted up to where it is named is none; a denial after it is of another.
    assert named_cause("It is unclear whether it was started by a lantern.") is None
    assert named_cause("It was caused by the drought, and the rain played no part.") == \
        "the drought"


def test_two_documents_that_name_different_causes_disagree() -> None:
    config = AnswerConfig()
    # (A stand-in for the embedder: causes that share a word mean alike.)
    def alike(a: str, b: str) -> float:
        return 1.0 if set(a.lower().split()) & set(b.lower().split()) - {"a", "the"} else 0.5

    lantern = replace(_candidate(1, 0.95), overlap=0.6,
                      text="The fire was started by a lantern in the hayloft.")
    lightning = replace(_candidate(2, 0.90), document_id="e", overlap=0.6,
                        text="The fire was started by lightning striking the roof.")
    assert _other_cause(lantern, [lantern, lightning], config, alike) == (lantern, lightning)
    # One cause in other words agrees; so does a document that also names the same cause.
    same = replace(lightning, text="The fire was caused by a lantern that fell over.")
    assert _other_cause(lantern, [lantern, same], config, alike) is None
    also = replace(same, row=3, score=0.89)
    assert _other_cause(lantern, [lantern, lightning, also], config, alike) is None
    # Not a side too far below, nor one that doubts or corrects, nor one of the same
    # document, nor one about something else.
    assert _other_cause(lantern, [lantern, replace(lightning, score=0.86)], config,
                        alike) is None
    doubting = replace(lightning, text="It is unclear if it was started by lightning.")
    assert _other_cause(lantern, [lantern, doubting], config, alike) is None
    assert _other_cause(lantern, [lantern, replace(lightning, document_id="d")], config,
                        alike) is None
    assert _other_cause(lantern, [lantern, replace(lightning, overlap=0.1)], config,
                        alike) is None


def test_a_disagreement_on_a_cause_is_shown_with_both_sides(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {
        "a.txt": "The flood\nThe storm of 1953 was the real cause of the great flood in Zeeland.\n",
        "b.txt": "The neglect\nThe real cause of the great flood in Zeeland was not the "
                 "storm, but the neglect of the dikes.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data", AnswerConfig(min_confidence=0.2))
    answer = assistant.ask("What was the real cause of the great flood in Zeeland?")
    assert len(answer.conflicts) == 1
    assert {answer.citations[n - 1].source for n in answer.conflicts[0].citations} == \
        {"a.txt", "b.txt"}
    assert "denies it and names something else" in answer.conflicts[0].summary
    assert "says so" in answer.conflicts[0].summary


def test_a_rival_claim_in_another_language_must_be_nearly_as_similar() -> None:
    config = AnswerConfig()  # "Was the flood the cause of the new dikes?"
    best = replace(_candidate(1, 0.95), text="The flood was not the cause of the dikes.",
                   overlap=0.6)
    weak = replace(_candidate(2, 0.92), document_id="e", overlap=0.1,
                   text="The dikes were built after the flood.")
    close = replace(weak, translated=True, similarity=0.93,
                    text="De dijken kwamen er door de watersnood.")
    assert _opposing(best, [best, weak], config) is None
    assert _opposing(best, [best, close], config) is close
    assert _opposing(best, [best, replace(close, similarity=0.86)], config) is None
    # Another language scores lower for the same relevance: 0.025 lower is as similar.
    lower = replace(close, similarity=0.88)
    assert _opposing(best, [best, lower], config) is lower
    assert _opposing(replace(best, translated=True), [best, lower], config) is None


def test_a_vague_figure_is_stood_for_by_a_nearly_as_good_exact_one() -> None:
    question = analyse("How many prisoners vanished into the camps?")
    vague = replace(_candidate(1, 0.90), text="Hundreds of thousands vanished into camps.")
    exact = replace(_candidate(2, 0.89), text="About 700,000 prisoners died in the camps.")
    far = replace(_candidate(3, 0.80), text="In all 20 million were sent to the camps.")
    rival = replace(_candidate(4, 0.85), document_id="e", overlap=0.7,
                    text="Some 20 million prisoners were sent to the camps.")
    config = AnswerConfig()
    assert _stated(vague, [vague, exact, rival], question, config) is exact
    assert _stated(vague, [vague, far, rival], question, config) is vague  # too far below
    assert _stated(exact, [vague, exact], question, config) is exact
    assert _disagreeing(exact, [vague, exact, rival], question, config) == [rival]


@pytest.mark.parametrize("question", ["What happened to Yezhov in the end?",
                                      "Wat gebeurde er daarna met Rjoetin?",
                                      "What happened to him afterwards?",
                                      "What became of Yezhov?",
                                      "Hoe liep het uiteindelijk met Jezjov af?",
                                      "Hoe is het met Jezjov afgelopen?"])
def test_questions_about_how_things_ended(question: str) -> None:
    analysed = analyse(question)
    assert analysed.last
    assert focus_words(question, "nl" if question.startswith(("Hoe", "Wat")) else "en") == ()


@pytest.mark.parametrize("question", ["What happened to him after he confessed?",
                                      "What happened to Nikolayev once he had confessed?",
                                      "Wat gebeurde er met hem nadat hij bekend had?"])
def test_what_happened_after_something_asks_what_followed(question: str) -> None:
    assert analyse(question).last
    assert not analyse("What happened once in Leningrad?").last


def test_who_was_asks_for_the_sentence_that_says_what_the_name_is() -> None:
    question = analyse("Who was Leonid Nikolayev?")
    assert question.definition and analyse("What was the NKVD?").definition
    assert not analyse("Who was Kirov's wife?").definition
    assert not analyse("What was the name of the keeper?").definition
    assert defines(question, "Dader was de 30-jarige Leonid Nikolayev, een voormalig lid.")
    assert defines(analyse("What was the NKVD?"),
                   "The NKVD (People's Commissariat for Internal Affairs) arrested many.")
    assert not defines(question, "Na zijn bekentenis werd Nikolayev snel geëxecuteerd.")
    kirov = analyse("Who was Kirov?")
    assert defines(kirov, "Sergei Kirov was a key figure in the party.")
    # After a preposition, inside the sentence, or as part of a longer word it is no
    # description of the name.
    assert not defines(kirov, "After the murder of Kirov, the NKVD arrested thousands.")
    assert not defines(kirov, "The man who shot Kirov was a disgruntled party member.")
    assert not defines(kirov, "Kirovsk, a town, was named after him.")
    config = AnswerConfig()
    did = replace(_candidate(1, 0.95), text="Nikolayev claimed he was incited by others.")
    was = replace(_candidate(2, 0.90), text="The killer was Leonid Nikolayev, a former member.")
    assert _defining(did, [did, was], question, config) is was
    # Too far below the best sentence, it does not take its place.
    assert _defining(did, [did, replace(was, score=0.80)], question, config) is did


@pytest.mark.parametrize("question", ["What is the city of Leningrad called today?",
                                      "Hoe heet die stad tegenwoordig?",
                                      "What's the present-day name of the city?",
                                      "Kirov died in Leningrad. What is it called nowadays?"])
def test_what_it_is_called_today_asks_for_the_name_beside_the_old_one(question: str) -> None:
    analysed = analyse(question)
    assert analysed.current_name
    assert matches_expectation(analysed, "He was shot in Leningrad (now St. Petersburg).")
    assert matches_expectation(analysed, "Hij stierf in het huidige Sint-Petersburg.")
    assert not matches_expectation(analysed, "He was shot in Leningrad in 1934.")
    assert not matches_expectation(analysed, "Stalin is now remembered as a tyrant.")
    # The "(now …)" is what the question's words ask for, in whatever language.
    best = replace(_candidate(1, 0.95), text="He was shot in Leningrad (now St. Petersburg).")
    assert is_answerable(best, analysed, AnswerConfig(), {1: -0.01}.__getitem__)


def test_what_punishment_asks_for_a_sentence_that_names_one() -> None:
    question = analyse("What punishment did Karl Radek receive after the trial?")
    assert question.penalty and analyse("Welke straf kreeg Radek?").penalty
    assert matches_expectation(question, "Hij werd niet geëxecuteerd, maar naar een werkkamp "
                                         "gestuurd.")
    assert matches_expectation(question, "He was sentenced to ten years.")
    assert not matches_expectation(question, "Radek testified against everyone at the trial.")
    # "Who was sentenced …?" still asks for a name.
    who = analyse("Wie werd veroordeeld wegens spionage?")
    assert not who.penalty and who.expect is Expect.PERSON


def test_what_punishment_is_answered_by_a_penalty_in_other_words() -> None:
    # "straf" is not in "tien jaar naar een werkkamp gestuurd", yet that is what is asked.
    question = analyse("Welke straf kreeg Karl Radek?")
    best = replace(_candidate(1, 0.95), text="Hij werd tien jaar naar een werkkamp gestuurd.")
    assert is_answerable(best, question, AnswerConfig(), {1: -0.01}.__getitem__)


@pytest.mark.parametrize("question", [
    "Who succeeded Kirov as party leader in Leningrad?",
    "Who took over from Yagoda as head of the NKVD?",
    "Who did Stalin appoint to replace Yagoda?",
    "Wie volgde Kirov op als partijleider?",
    "Wie verving Jagoda als hoofd van de NKVD?",
    "Wie volgde Kirov na zijn dood op als partijleider?",
])
def test_who_succeeded_asks_for_a_sentence_that_tells_who_took_the_place(
        question: str) -> None:
    analysed = analyse(question)
    assert analysed.succession and analysed.expect is Expect.PERSON
    named = "Kirov" if "Kirov" in question else "Jagoda"
    assert matches_expectation(analysed, f"Hij verving {named} door Nikolaj Jezjov.")
    assert matches_expectation(analysed, f"{named} was succeeded by Andrei Zhdanov.")
    # Naming the predecessor and someone else is not saying who took the place.
    assert not matches_expectation(analysed, f"{named} was shot by Leonid Nikolayev.")
    # Nor is a successor of someone else.
    assert not matches_expectation(analysed, "Lenin saw no good successor in Koba.")
    best = replace(_candidate(1, 0.95), text=f"Hij verving {named} door Nikolaj Jezjov.")
    assert is_answerable(best, analysed, AnswerConfig(), {1: -0.01}.__getitem__)


def test_who_killed_is_no_succession_question() -> None:
    assert not analyse("Who killed Kirov?").succession
    assert not analyse("Wie vermoordde Kirov?").succession
    # Appointed to a post, not after someone.
    assert not analyse("Who was appointed chairman of the committee?").succession
    assert analyse("Who was appointed after Yagoda?").succession
    assert not states_succession("Stalin succeeded in blaming Kirov's death on others.")
    # The one asked about must be the one replaced, not the one who replaced him.
    successor = analyse("Who was the successor of Yezhov?")
    assert successor.succession
    assert not matches_expectation(successor, "Hij verving Jagoda door Nikolaj Jezjov.")
    assert not matches_expectation(successor, "Zijn opvolger Jezjov zette Jagoda onder druk.")
    # Named anywhere is not named as the one replaced.
    stalin = analyse("Who succeeded Stalin?")
    assert not matches_expectation(stalin, "Hij verving Jagoda – die Stalins plannen kende – "
                                           "door Nikolaj Jezjov.")
    kirov = analyse("Who succeeded Kirov?")
    assert matches_expectation(kirov, "Kirov was succeeded by Andrei Zhdanov.")
    assert matches_expectation(kirov, "De opvolger van Kirov was Andrej Zjdanov.")
    assert states_succession("Yezhov succeeded Yagoda.")


def test_a_figure_told_for_the_year_asked_needs_no_focus_word() -> None:
    question = analyse("How many stood trial with Zinoviev in 1936?")
    text = "In augustus 1936 werden zestien personen met Zinovjev voorgeleid."
    best = replace(_candidate(1, 0.95), text=text, translated=True)
    assert is_answerable(best, question, AnswerConfig(), {1: -0.01}.__getitem__)
    # Another year is no such sign: the focus words must still raise it.
    other = replace(best, text=text.replace("1936", "1937"))
    assert not is_answerable(other, question, AnswerConfig(), {1: -0.01}.__getitem__)
    # Nor does the year answer a yes/no question: his murder in 1934 says nothing of a wife.
    married = analyse("Was Kirov married in 1934?")
    murdered = replace(best, text="Kirov werd in 1934 vermoord.")
    assert not is_answerable(murdered, married, AnswerConfig(), {1: -0.01}.__getitem__)
    # Nor a question that names nothing the documents discuss.
    cars = analyse("How many cars were sold in 1936?")
    assert not is_answerable(best, cars, AnswerConfig(), {1: -0.01}.__getitem__)


@pytest.mark.parametrize(("focus", "sentence"), [
    (("gevangengezet",), "Hij liet hem opsluiten op Slot Loevestein."),
    (("named",), "Het luchtschip werd vernoemd naar de president."),
    (("advised",), "De commandant raadde per radio aan te wachten; hij adviseerde uitstel."),
    (("sank",), "Het schip zonk binnen drie uur."),
    (("evacuated",), "De evacuatie van de stad begon om twee uur."),
    (("signed",), "Onder dwang tekende hij het besluit."),
    (("bijnaam",), "The smith was nicknamed the Hammer."),
    (("floors",), "Het kantoor lag op de derde verdieping."),
    (("injury",), "Zij liep ernstig letsel op."),
    (("getuige",), "The witness described the fire."),
    (("verdediging",), "The defence called three doctors."),
    (("straf",), "The punishment was a fine."),
    (("memorial",), "Bij de haven staat een gedenkteken."),
    (("designed",), "Het monument werd ontworpen door Piet Bakker."),
])
def test_a_focus_word_finds_its_family_in_the_other_language(
        focus: tuple[str, ...], sentence: str) -> None:
    assert focus_overlap(focus, sentence) > 0


def test_light_verbs_are_no_focus_words() -> None:
    # (Their other forms are stop words: "became", "had", "werd".)
    assert focus_words("In what year did the mill become a museum?", "en") == ("mill", "museum")
    assert focus_words("Welke namen hadden de molens?", "nl") == ("namen", "molens")
    assert focus_words("Wanneer werden de molens gesloopt?", "nl") == ("molens", "gesloopt")


def test_how_late_and_hedges_are_no_focus_words() -> None:
    assert focus_words("Hoe laat ongeveer werden de broers uit de gevangenis gesleurd?", "nl") \
        == ("broers", "gevangenis", "gesleurd")
    assert focus_words("Op welk tijdstip zagen de toeschouwers de vlammen?", "nl") == \
        ("zagen", "toeschouwers", "vlammen")
    assert focus_words("At what time exactly did the ship sink?", "en") == ("ship", "sink")
    assert focus_words("Roughly how many people died?", "en") == ("people", "died")


def test_review_mends_dates_units_and_deaths() -> None:
    assert [d for d, _, _ in dates_in("Johan (geboren 1625) werd op 20 augustus 1672 vermoord.")] \
        == ["20 augustus 1672", "1625"]
    assert [d for d, _, _ in dates_in("In 1943 werden 12 meisjes gedeporteerd.")] == ["1943"]
    assert [d for d, _, _ in dates_in("In 1937, 12 may have died.")] == ["1937"]
    assert [d for d, _, _ in dates_in("The Long March of 1934 began.")] == ["1934"]
    assert [d for d, _, _ in dates_in("Hij schreef … dat hij op 4 juli 1672 vertrok.")] == \
        ["4 juli 1672"]
    # "Hoe hoog was het dodental?" asks deaths, not a length
    assert asked_unit("Hoe hoog was het dodental?") == ("", "")
    assert analyse("Hoe hoog was het dodental?").deaths
    assert counts_deaths("Bij de ramp verloren 35 mensen het leven.")
    assert counts_deaths("The fire caused the loss of 35 lives.")
    assert not counts_deaths("No lives were lost, but 35 passengers were injured.")
    assert not counts_deaths("Er gingen geen levens verloren, maar 35 mensen raakten gewond.")
    # "één" with its accents is the numeral, "een" the article; "overleed" is dying too.
    assert counts_deaths("Negenendertig man overleefden; één matroos overleed.")
    assert not counts_deaths("Een matroos overleed later.")
    assert counts_deaths("Twee matrozen overleed er nog.")


def test_review_mends_times_roles_fates_quotes() -> None:
    assert [(low, high) for _, low, high in times_in("om 3 uur 's nachts")] == [(180, 180)]
    assert [(low, high) for _, low, high in times_in("at eleven o'clock at night")] == \
        [(1380, 1380)]
    assert [(low, high) for _, low, high in times_in("at noon")] == [(720, 720)]
    assert times_in("omstreeks tweeën")  # a Dutch hour word with a diaeresis
    assert [(low, high) for _, low, high in times_in("rond 4 uur")] == [(225, 255), (945, 975)]
    assert asked_role("What was the name of the chef aboard the airship?") == ("chef",)
    # Not a possessive's owner, but the noun after it.
    assert asked_role("What was the name of the airship's commander?") == ("commander",)
    assert asked_role("What was the name of the mill's head miller on that day?") == \
        ("miller",)
    assert not analyse("What happened to prices in Germany after 1923?").fate
    assert not analyse("What did the report say?").quote
    assert not analyse("Welke uitspraak deed het hof?").quote
    # a word of two meanings is no family: "vlucht" is a flight as often as an escape
    assert focus_overlap(("fled",), "De vlucht duurde drie dagen.") == 0


def test_a_hedged_figure_may_be_rounded() -> None:
    assert not _close([(35.0, 35.0)], [(36.0, 36.0)])
    assert _close([(35.0, 35.0)], [(36.0, 36.0)], hedged=_hedged("ongeveer 35 mensen"))
    assert _hedged("Of the estimated 2,224 on board, 1,517 died.") == frozenset({2224.0})


def test_lives_lost_ask_and_tell_deaths() -> None:
    for asked in ("How many lives were lost when the ship went down?",
                  "What was the loss of life in the flood?",
                  "Hoeveel mensen verloren het leven bij de ramp?"):
        question = analyse(asked)
        assert question.expect is Expect.QUANTITY and question.deaths, asked
    assert counts_deaths("Bij de ramp gingen 1.503 levens verloren.")
    assert counts_deaths("In all 1,517 lives were lost.")
    # "set sail" is departing: "left Southampton", "verliet de haven"
    assert focus_overlap(("set", "sail"), "Op 10 april verliet de Titanic de haven.") > 0


def test_a_count_of_deaths_of_the_one_named_needs_no_focus_word() -> None:
    question = analyse("Hoeveel mensen uit Stavenisse overleefden de ramp niet?")
    assert question.deaths
    drowned = replace(_candidate(1, 0.95), text="In Stavenisse verdronken 156 inwoners.")
    assert is_answerable(drowned, question, AnswerConfig(), {1: -0.01}.__getitem__)
    # Another count of the place is no answer, and a count of deaths needs the name told.
    evacuated = replace(drowned, text="In Stavenisse werden 900 inwoners geëvacueerd.")
    assert not is_answerable(evacuated, question, AnswerConfig(), {1: -0.01}.__getitem__)
    elsewhere = replace(drowned, text="Daar verdronken 156 inwoners.", told_of=False)
    assert not is_answerable(elsewhere, question, AnswerConfig(), {1: -0.01}.__getitem__)


@pytest.mark.parametrize("question", [
    "What happened to Leonid Nikolayev after he confessed?",
    "What became of him in the end?",
    "Wat gebeurde er met hem nadat hij bekend had?",
    "Hoe liep het uiteindelijk met Jagoda af?",
])
def test_what_became_of_someone_asks_for_a_sentence_that_tells_it(question: str) -> None:
    analysed = analyse(question)
    assert analysed.fate
    assert matches_expectation(analysed, "Na zijn bekentenis werd hij snel geëxecuteerd.")
    assert matches_expectation(analysed, "He was sent to a labour camp, where he died.")
    assert matches_expectation(analysed, "Lenins kameraden kregen de kogel.")
    assert not matches_expectation(analysed, "Dader was de 30-jarige Leonid Nikolayev.")
    # A book about an executioner tells no one's fate.
    assert not matches_expectation(analysed, "Stalin's Loyal Executioner is a biography.")
    assert matches_expectation(analysed, "Met een kogel werd zijn leven beëindigd.")
    # Found, the fate is what the question's words asked for, in whatever language; but
    # only of someone named ("What happened to him after the divorce?" alone names no one).
    best = replace(_candidate(1, 0.95), text="Na zijn bekentenis werd hij geëxecuteerd.")
    assert is_answerable(best, analysed, AnswerConfig(), {1: -0.01}.__getitem__) \
        == bool(question_names(question))


def test_a_fate_told_of_someone_else_is_no_answer() -> None:
    analysed = analyse("What happened to Zinoviev and Kamenev?")
    assert analysed.fate
    assert not matches_expectation(analysed, "Na zijn bekentenis werd Nikolayev geëxecuteerd.")
    assert matches_expectation(analysed, "Zinovjev en Kamenev werden geëxecuteerd.")
    # Without a name it may be about them: "He was executed", "Het NKVD-hoofd werd …"
    assert matches_expectation(analysed, "Hij werd snel geëxecuteerd.")
    assert matches_expectation(analysed, "Het NKVD-hoofd werd schuldig bevonden en "
                                         "geëxecuteerd.")
    # Nor is their deed their fate.
    assert not matches_expectation(analysed, "Zinoviev shot a guard.")
    assert not matches_expectation(analysed, "Twee man werden door Zinovjev gearresteerd.")
    assert not matches_expectation(analysed, "Kamenev tried to flee.")
    # But what was done to them is: "had X shot", "by the court, X was shot".
    assert matches_expectation(analysed, "Stalin had Zinoviev shot.")
    assert matches_expectation(analysed, "Zinoviev had been sentenced to death and was shot.")
    assert matches_expectation(analysed, "Sentenced by the court, Zinoviev was shot.")
    assert matches_expectation(analysed, "Stalin ordered Zinoviev shot.")
    # Only the one whose fate is asked can be its doer.
    after = analyse("What happened to Zinoviev after Stalin ordered the trial?")
    assert matches_expectation(after, "Stalin ordered Zinoviev shot.")
    assert matches_expectation(after, "Zinovjev kreeg de doodstraf.")


@pytest.mark.parametrize("question", [
    "What happened to Kirov's killer?", "Wat gebeurde er met Kirovs moordenaar?",
    "Wat gebeurde er met de moordenaar van Kirov nadat hij had bekend?",
    "What became of Kirov's assassin after he confessed?",
])
def test_what_became_of_someone_described_through_another_asks_the_fate_of_another(
        question: str) -> None:
    analysed = analyse(question)
    assert analysed.fate
    assert fate_asked(question).kind == "role"
    assert fate_asked(question).owner == (("kirov",),)
    assert matches_expectation(analysed, "Na zijn bekentenis werd Nikolayev geëxecuteerd.")
    assert matches_expectation(analysed, "He was executed soon after.")
    # Not what became of the one named, nor what the one described did.
    assert not matches_expectation(analysed, "Kirov werd in Leningrad vermoord.")
    assert not matches_expectation(analysed, "Kirov was shot by Nikolayev.")


def test_what_became_of_someone_named_after_what_they_were_asks_a_fate() -> None:
    question = analyse("What became of lookout Frederick Fleet in the years after?")
    assert question.fate
    assert fate_asked(question.text).names == (("frederick", "fleet"),)
    assert fate_asked("Wat gebeurde er met kapitein Lehmann?").names == (("lehmann",),)
    assert not matches_expectation(question, "Lookout Frederick Fleet sighted an iceberg.")
    assert matches_expectation(question, "Frederick Fleet later committed suicide in 1965.")


def test_what_eventually_became_of_someone_asks_a_fate() -> None:
    assert analyse("What eventually became of Johan van Banchem?").fate
    assert analyse("What finally happened to him?").fate


def test_what_became_of_a_named_one_asks_the_fate_of_that_one() -> None:
    assert fate_asked("Wat gebeurde er met Jagoda?").kind == "person"
    assert analyse("Wat gebeurde er met Jagoda?").fate
    assert fate_asked("What happened to Nicholas afterwards?").kind == "person"
    # What was done to someone, or what someone did to them, asks it too.
    for question in ("What was done to Mikhail Ryutin as a result?",
                     "What did Stalin do to Zinoviev?", "Wat werd er met Jagoda gedaan?"):
        assert analyse(question).fate, question
    # ("Wat werd er met … bedoeld?" asks what was meant.)
    assert not analyse("Wat werd er met Operatie Barbarossa bedoeld?").fate


def test_what_became_of_a_described_one_without_a_name() -> None:
    killer = analyse("What happened to the killer?")
    assert matches_expectation(killer, "Nikolayev was executed in December 1934.")
    assert matches_expectation(killer, "He was executed soon after.")
    assert not matches_expectation(killer, "Kirov was shot by Nikolayev.")
    # A group is named with what it is: its fate is told of that name.
    members = analyse("What happened to the members of the Politburo?")
    assert fate_asked(members.text).role == "members"
    assert matches_expectation(members, "Most members of the Politburo were shot.")
    assert matches_expectation(analyse("What happened to the defendants?"),
                               "All sixteen defendants were shot.")
    # Named as well as described, the one asked about may be named.
    assert matches_expectation(analyse("What happened to Kirov's assassin Nikolayev?"),
                               "Nikolayev was executed in December 1934.")
    # Only the one described is the killer: "the defendants after the killer confessed".
    assert not asks_fate_of_killer("What happened to the defendants after the killer confessed?")
    assert asks_fate_of_killer("Wat gebeurde er met de dader nadat hij had bekend?")


def test_what_a_fate_sentence_opens_on_went_before_what_followed() -> None:
    after = analyse("What happened to him after he confessed?")
    assert not matches_expectation(after, "Na zijn arrestatie bekende hij en verklaarde alles.")
    assert not matches_expectation(after, "After his arrest, he confessed.")
    assert matches_expectation(after, "After his arrest, he was shot.")
    assert matches_expectation(after, "Na zijn bekentenis werd hij geëxecuteerd.")
    # Asked what became of him, an arrest he was last heard of in is his fate.
    assert matches_expectation(analyse("What happened to Yagoda?"),
                               "After his arrest in 1937, nothing more was heard of him.")
    assert states_fate("Na zijn arrestatie bekende hij.")
    assert not states_fate("Na zijn arrestatie bekende hij.", opening=False)


def test_the_doers_a_document_names() -> None:
    text = ("Stalin blamed Zinoviev and Kamenev, whom he called Kirov's murderers. Kirov "
            "was shot dead by Leonid Nikolayev at the Smolny Institute.\nDader was de "
            "30-jarige Leonid Nikolajev.\nIn December Pietersen shot the guard.")
    assert [name for _, name in doer_mentions(text)] == ["nikolajev", "nikolajev", "pietersen"]
    # Not the victim, an initial or a title.
    for sentence, doer in (("The killer of Kirov was Leonid Nikolayev.", "nikolajev"),
                           ("De moordenaar van Kirov, Leonid Nikolajev, vluchtte.", "nikolajev"),
                           ("Kirov was killed by Leonid V. Nikolayev in 1934.", "nikolajev"),
                           ("He was killed by Mr. Jansen at home.", "jansen")):
        assert [name for _, name in doer_mentions(sentence)] == [doer], sentence


def test_whose_fate_a_question_asks() -> None:
    assert fate_asked("What happened to Sergei Kirov's killer?") == \
        Fate("role", role="killer", owner=(("sergei", "kirov"),))
    assert fate_asked("Wat gebeurde er met Sergej Kirovs moordenaar?").owner == \
        (("sergej", "kirov"),)
    assert fate_asked("Wat gebeurde er met de sluipmoordenaars van Kirov?").kind == "role"
    assert fate_asked("What happened to the killer's family?") == Fate()
    killer = analyse("What happened to Kirov's killer?")
    assert matches_expectation(killer, "Kirov’s killer was executed.")
    assert not matches_expectation(killer, "In Leningrad, Kirov was murdered.")
    assert not matches_expectation(analyse("What happened to Kirov's killer in Leningrad?"),
                                   "Kirov was murdered in Leningrad.")


def test_what_became_of_a_killer_is_told_of_the_one_the_documents_name_as_doer(
        tmp_path: Path) -> None:
    fate = "Na zijn bekentenis werd Pietersen snel geëxecuteerd."
    corpus = write_corpus(tmp_path / "corpus", {
        "moord.txt": "De moord\nDe burgemeester Van Dam werd in 1950 in Delft vermoord. "
                     "Dader was de jonge Jan Pietersen uit Leiden. Na zijn arrestatie bekende "
                     f"hij alles. {fate}\n\nDe rechter Klaas Bakker werd in 1952 "
                     "geëxecuteerd na een ander proces.\n"})
    build_index(corpus, tmp_path / "data")
    # (The fake embedder's similarities are low; what is chosen is what is tested.)
    assistant = make_assistant(tmp_path / "data", AnswerConfig(min_confidence=0.2))
    answer = assistant.ask("Wat gebeurde er met de moordenaar van Van Dam?")
    assert not answer.abstained
    assert answer.citations[0].quote == fate


@pytest.mark.parametrize(("question", "ending"), [
    ("What became of Yagoda?", True), ("Wat werd er van Jagoda?", True),
    ("What happened to Yagoda in the end?", True), ("Hoe liep het met hem af?", True),
    ("What happened to him after he confessed?", False),
    ("Wat gebeurde er daarna met hem?", False),
])
def test_how_it_ended_is_not_what_followed(question: str, ending: bool) -> None:
    assert asks_ending(question) is ending


def test_how_it_ended_for_someone_is_the_last_fate_the_document_tells(
        tmp_path: Path) -> None:
    arrested = "In 1937 Jan Pietersen was arrested in the harbour of Delft."
    executed = "In 1938 Jan Pietersen was executed in the harbour of Delft."
    corpus = write_corpus(tmp_path / "corpus", {
        "thief.txt": f"The thief\nJan Pietersen stole the crown jewels in 1936. {arrested} "
                     f"The museum reopened. {executed}\n"})
    build_index(corpus, tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask(
        "What happened to Jan Pietersen in the end?")
    assert answer.citations[0].quote == executed


@pytest.mark.parametrize("question", [
    "And what happened to those bullets afterwards?",
    "What happened to his mental state?",
    "What happened in Leningrad in 1934?",
])
def test_what_happened_to_a_thing_asks_for_no_fate(question: str) -> None:
    assert not analyse(question).fate


@pytest.mark.parametrize("question", [
    "Who actually shot Kirov?",
    "Who was the gunman who killed Kirov?",
    "Who was the man who actually carried out the murder of Kirov?",
    "Wie was de dader van de moord op Kirov?",
])
def test_who_killed_asks_for_a_sentence_that_names_the_doer(question: str) -> None:
    analysed = analyse(question)
    assert analysed.culprit
    assert matches_expectation(analysed, "Dader was de 30-jarige Leonid Nikolayev.")
    assert matches_expectation(analysed, "Kirov was shot by the young Leonid Nikolayev.")
    assert matches_expectation(analysed, "Kirov werd door Leonid Nikolayev vermoord.")
    # That he was killed, or someone else named near it, does not say who did it.
    assert not matches_expectation(analysed, "Kirov was murdered on Stalin's orders.")
    assert not matches_expectation(analysed, "His death was used in a bid by Stalin to rule.")
    best = replace(_candidate(1, 0.95), text="Dader was de 30-jarige Leonid Nikolayev.")
    assert is_answerable(best, analysed, AnswerConfig(), {1: -0.01}.__getitem__)


@pytest.mark.parametrize("question", [
    "Who ordered the murder of Kirov?",
    "Who was responsible for Kirov's assassination?",
    "Who headed the NKVD at the time Kirov was murdered?",
    "Who took over Kirov's job after he was killed?",
    "Who headed the NKVD when Nikolayev shot Kirov?",
    "Who was eventually killed?",
    "Who got shot?",
])
def test_who_ordered_it_or_who_was_there_asks_for_no_doer(question: str) -> None:
    assert not analyse(question).culprit


def test_who_did_it_in_dutch_word_orders() -> None:
    assert analyse("Wie heeft Kirov vermoord?").culprit
    question = analyse("Wie was de dader?")
    assert matches_expectation(question, "Kirov werd door Leonid Nikolayev vermoord.")
    assert matches_expectation(question, "In december schoot Leonid Nikolayev Kirov neer.")
    # "door" says who did it only of a killing: not "verving Jagoda door Jezjov".
    assert not matches_expectation(question, "Stalin verving Jagoda door Nikolaj Jezjov.")
    assert not matches_expectation(question, "Door de moord kreeg Jozef Stalin vrij spel.")


@pytest.mark.parametrize("question", [
    "At what time of night did the reactor explode?", "Hoe laat ontplofte de reactor?",
    "Op welk tijdstip vertrokken de bussen?",
])
def test_at_what_time_is_answered_by_a_time_of_day(question: str) -> None:
    analysed = analyse(question)
    assert analysed.expect is Expect.DATE and analysed.clock
    assert matches_expectation(analysed, "At 1:23 a.m. the power surged.")
    assert matches_expectation(analysed, "Om 14.00 uur reden de bussen de stad in.")
    assert matches_expectation(analysed, "The buses came at 2 p.m. on 27 April.")
    assert not matches_expectation(analysed, "In de nacht van 26 april 1986 ontplofte hij.")
    assert not matches_expectation(analysed, "Van hen werden er 800.000 geëxecuteerd.")
    assert not analyse("What time of year was it?").clock
    assert not analyse("In what time period did the Great Terror take place?").clock
    assert analyse("At what hour did it start?").clock
    assert matches_expectation(analysed, "Het gebeurde om 01.23.40 uur.")
    assert matches_expectation(analysed, "It started at 2 P.M.")
    for figure in ("Er kwamen 1.500 mensen.", "It cost 1.25 million.", "Binnen 24 uur.",
                   "Under Article 58.10 he got ten years.", "It cost € 2.50.",
                   "He ran it in 9.58 seconds.", "Versie 1.10 kwam uit."):
        assert not matches_expectation(analysed, figure), figure


@pytest.mark.parametrize("question", [
    "What was Stalin's real family name?", "Wat was de echte achternaam van Stalin?",
    "Wat was de bijnaam van Stalin ten tijde van de Revolutie?", "What was his nickname?",
])
def test_what_someone_was_called_is_answered_by_a_name(question: str) -> None:
    analysed = analyse(question)
    assert analysed.name
    assert not matches_expectation(analysed, "Het was de enige échte samenzwering tegen hem.")
    # A name told as one: a nickname for a nickname, a real name for a real name.
    nickname = "Hij had in Koba – zijn bijnaam – een slechte opvolger gezien."
    real = "Dzhugashvili was his real name."
    asks_nickname = "bijnaam" in question or "nickname" in question
    assert matches_expectation(analysed, nickname) is asks_nickname
    assert matches_expectation(analysed, real) is not asks_nickname
    assert not matches_expectation(analysed, "There was opposition from Leon Trotsky.")


def test_the_full_name_of_an_abbreviation_is_its_expansion() -> None:
    question = analyse("What is the full name of the NKVD?")
    assert matches_expectation(question, "The NKVD (People's Commissariat for Internal "
                                         "Affairs) arrested many.")
    assert not matches_expectation(question, "Het NKVD-hoofd werd geëxecuteerd.")


def test_a_figure_in_the_unit_asked() -> None:
    rubles = analyse("Hoeveel roebel kostte de bouw van de sarcofaag?")
    assert matches_expectation(rubles, "De bouw kostte 3 miljoen roebel.")
    assert not matches_expectation(rubles, "De bouw kostte zo'n 1,5 miljard euro.")
    cost = analyse("How much did the new arch cost?")
    assert matches_expectation(cost, "It cost about 1.5 billion euros.")
    assert matches_expectation(cost, "It cost $5 million.")
    assert not matches_expectation(cost, "It is 108 metres high.")
    money = analyse("Hoeveel geld heeft de bouw van het schip gekost?")
    assert not matches_expectation(money, "Het schip was 245 meter lang.")
    assert matches_expectation(money, "De bouw kostte 9 miljoen mark.")
    far = analyse("Hoe ver ligt de centrale van Kiev?")
    assert far.expect is Expect.QUANTITY
    assert matches_expectation(far, "The plant lies about 100 kilometres north of Kyiv.")
    assert not matches_expectation(far, "Om 14.00 uur reden 1200 bussen uit Kiev weg.")
    # Without a unit, any figure answers.
    assert matches_expectation(analyse("How many buses came?"), "Some 350 buses came.")
    # Names and other costs are no units.
    assert matches_expectation(analyse("Hoeveel kinderen had Ton Koopman?"), "Hij had 3 kinderen.")
    assert matches_expectation(analyse("How many lives did the famine cost?"),
                               "The famine cost 3.9 million lives.")
    assert analyse("How far did Stalin trust Yagoda?").expect is Expect.OTHER
    assert analyse("How far did the German army advance?").expect is Expect.QUANTITY
    assert analyse("Hoe ver reisde hij?").expect is Expect.QUANTITY
    assert matches_expectation(cost, "It cost USD 5 million.")


def test_how_old_someone_was_is_answered_by_an_age_of_that_one() -> None:
    age = "Dader was de 30-jarige Leonid Nikolayev."
    assert matches_expectation(analyse("How old was Nikolayev?"), age)
    assert matches_expectation(analyse("How old was Leonid Nikolayev at the time?"), age)
    assert not matches_expectation(analyse("How old was Stalin when he died?"), age)
    # The age of someone the question describes, not names
    assert matches_expectation(analyse("How old was the man who killed Kirov?"), age)
    assert matches_expectation(analyse("Hoe oud was Sergej Kirov's moordenaar?"), age)
    assert matches_expectation(analyse("Hoe oud was Kirovs moordenaar?"), age)
    assert not matches_expectation(analyse("How old was Stalins when he died?"), age)
    # An English name ending in "s" is no genitive; "were"/"werd" ask the same.
    assert not matches_expectation(analyse("How old was Boris then?"), age)
    assert not matches_expectation(analyse("Hoe oud werd Kamenev?"), age)
    assert not matches_expectation(analyse("How old were Kamenev and Zinoviev?"), age)
    assert not matches_expectation(analyse("How old was Nikolayev?"), "Nikolayev was shot.")
    # A place after "uit" is nobody's age: any age told of the cooper answers.
    cooper = analyse("Hoe oud was de kuiper uit Wexby die de vaten leverde?")
    assert matches_expectation(cooper, "De vaten kwamen van de 51-jarige kuiper Sem Ras.")
    # An age in hyphenated number words, right after the name; not another hyphenated word
    asked = analyse("How old was the organist Ida Brem?")
    assert matches_expectation(asked, "By then Ida Brem was sixty-one and nearly blind.")
    assert not matches_expectation(asked, "By then Ida Brem was well-known and nearly blind.")


def test_a_span_of_years_answers_how_many_years_it_took() -> None:
    question = analyse("How many years did the canal works last?")
    assert matches_expectation(question, "Digging the canal went on for 14 years.")
    assert not matches_expectation(question, "Digging the canal went on for years.")
    # a span of years answers no question asked in days
    assert not matches_expectation(analyse("How many days did the works last?"),
                                   "Digging the canal went on for 14 years.")


def test_a_number_that_names_is_a_count_only_when_one_is_asked() -> None:
    told = "Pilots of Squadron 61 flew the mail to the islands."
    assert not matches_expectation(analyse("How many pilots flew the mail?"), told)
    assert not matches_expectation(analyse("How many pilots did the squadron lose?"), told)
    assert matches_expectation(analyse("Which squadron flew the mail, by number?"), told)
    assert matches_expectation(analyse("How many pilots flew?"), "Some 61 pilots flew.")
    # An everyday word is a label only written as a name or with a number sign.
    hurt = "Along the route 300 spectators were hurt."
    assert matches_expectation(analyse("How many spectators were hurt?"), hurt)
    assert labels_in("They met in Room 12.") == {12.0} and labels_in(hurt) == frozenset()


def test_a_day_of_the_week_is_answered_by_its_name() -> None:
    question = analyse("Which weekday was the fair at Lorn held on?")
    assert question.expect is Expect.DATE and asks_weekday(question.text)
    assert not asks_weekday("On what day was the fair held?")
    assert matches_expectation(question, "The fair at Lorn was held on a Thursday.")
    assert matches_expectation(question, "De kermis begon op donderdagavond.")
    assert not matches_expectation(question, "The fair at Lorn was held on 3 June 1920.")
    # A weekday as a surname or in a paper's name tells no day.
    assert not tells_weekday("De kermis werd geopend door Kees Vrijdag.")
    assert not tells_weekday("The Sunday Times praised the fair.")
    assert tells_weekday("Vrijdag ging de kermis open.")
    assert tells_weekday("On Sunday March 3 the fair opened.")
    assert weekday_share(("weekday", "fair")) == 0.5


def test_the_kind_of_place_asked_may_be_part_of_its_name() -> None:
    told = "The lamplighter Ove Brink kept his ladders in Lantern Street behind the inn."
    for asked in ("In which street did Ove Brink keep his ladders?",
                  "Which street did Ove Brink keep his ladders in?"):
        assert new_names(analyse(asked), told) == ["lantern street"]
        assert matches_expectation(analyse(asked), told)
    # the kind alone is no name of one
    assert not matches_expectation(analyse("Which street did Ove Brink use?"),
                                   "Ove Brink used the street behind the inn.")


def test_the_title_a_who_question_asks_for_and_who_bears_it() -> None:
    assert asked_role("Wie trad op als aanklager tijdens het proces?") == ("aanklager",)
    # Names and prepositions are no titles.
    assert asked_role("Who was the Soviet prosecutor?") == ("prosecutor",)
    assert asked_role("Who was appointed chairman of the committee?") == ("chairman",)
    assert asked_role("Who became chairman?") == ("chairman",)
    assert asked_role("Wie werd tot voorzitter benoemd?")[0] == "voorzitter"
    assert asked_role("Wie was er zo machtig als Stalin?") == ()
    assert "aanklager" in asked_role("Wie trad op als openbaar aanklager?")
    assert asked_role("Who was the prosecutor at the trial?")[0] == "prosecutor"
    assert asked_role("Welke straf kreeg Radek?") == ("straf",)
    assert asked_role("Welke Nederlandse minister kondigde het af?") == ("minister",)
    assert asked_role("Which Soviet leader ordered it?") == ("leader",)
    assert asked_role("Welke Nederlandse historicus schreef het?") == ("historicus",)
    assert asked_role("When did Kirov die?") == ()
    text = "Stalin schreeuwde tegen aanklager Vysjinski. Later sprak aanklager Andrej Vysjinski."
    assert role_holders(text, "aanklager") == {"vysjinski", "andrej"}
    assert role_holders(text, "tijdens") == frozenset()
    # Only a whole word, on the same line: no "generaal" in "procureur-generaal Andrej".
    other = "De procureur-generaal Andrej Vysjinski.\nStalin\nBekijk meer"
    assert role_holders(other, "generaal") == frozenset()
    assert role_holders(other, "stalin") == frozenset()
    # A title is found in the other language too, and only as that title.
    assert role_holders(text + " " + other, "prosecutor") == {"vysjinski", "andrej"}
    assert role_holders(text, "judge") == frozenset()
    # A title not listed finds its cognate, when it names a doer.
    digs = "Vanaf 1927 legde de archeoloog Amedeo Maiuri de stad bloot. Wethouder Jan Smit."
    assert role_holders(digs, "archaeologist") == {"amedeo", "maiuri"}
    assert role_holders(digs, "archaeologists") == {"amedeo", "maiuri"}
    assert role_holders(digs, "architect") == frozenset()
    # (The cognate is a word for a doer too: "operated" is no "operator".)
    assert role_holders("The company operated Herald of Free Enterprise.\n", "operator") == \
        frozenset()
    assert role_holders("het volkscommissariaat Zware Industrie en volkscommissaris Jagoda",
                        "commissariat") == frozenset()
    assert role_holders("The judge Ulrich read the verdict.", "rechter") == {"ulrich"}


def _ask_about(tmp_path: Path, title: str, text: str, question: str) -> Answer:
    """The answer to `question` from one document of `text`, built afresh."""
    write_corpus(tmp_path / "corpus", {"doc.txt": f"{title}\n{text}\n"})
    build_index(tmp_path / "corpus", tmp_path / "data")
    return make_assistant(tmp_path / "data", AnswerConfig(min_confidence=0.2)).ask(question)


def test_a_title_no_one_bears_is_not_answered_with_another_name(tmp_path: Path) -> None:
    trial = "Het proces tegen Jan Pietersen begon in 1950 in Delft met Klaas Bakker."
    question = "Wie was de rechter bij het proces tegen Jan Pietersen in 1950?"
    assert _ask_about(tmp_path, "Het proces", trial, question).abstained
    # Given the title, before or after his name, he is the answer.
    for told in ("Klaas Bakker was de rechter bij het proces in 1950.",
                 "In 1950 was rechter Klaas Bakker streng voor Pietersen."):
        answer = _ask_about(tmp_path, "Het proces", f"{trial} {told}", question)
        assert not answer.abstained, told
        assert "Klaas Bakker" in answer.citations[0].quote, told


def test_which_title_describes_the_one_who_did_it(tmp_path: Path) -> None:
    # "Which general commanded …?" asks for the commander, whatever the sentence calls him;
    # "Who was the general?" needs a sentence that uses the title.
    assert role_by_which("Which general commanded the army?")
    assert not role_by_which("Who was the general in command?")
    told = "The army of Alexander Farnese besieged the city of Lier in 1584."
    answer = _ask_about(tmp_path, "The siege", told,
                        "Which general commanded the army that besieged Lier in 1584?")
    assert not answer.abstained and "Farnese" in answer.citations[0].quote
    # … but not by another title.
    other = "In 1584 the prosecutor Jan Smit sentenced the mayor of Lier."
    assert _ask_about(tmp_path / "other", "The trial", other,
                      "Which judge sentenced the mayor of Lier in 1584?").abstained


def test_the_full_form_of_an_abbreviation_asks_no_focus_word() -> None:
    assert focus_words("Waar staat de afkorting NKVD voluit voor?", "nl") == ()
    assert focus_words("What does NKVD stand for in full?", "en") == ()
    assert focus_words("Was the ship full?", "en") == ("ship", "full")
    assert focus_words("Wat betekent NKVD voluit?", "nl") == ()


def test_the_name_of_one_described_needs_a_sentence_that_describes_them_so(
        tmp_path: Path) -> None:
    assert asked_role("Hoe heette de fotograaf die de foto's maakte?") == ("fotograaf",)
    assert asked_role("What was the name of the photographer on board?") == ("photographer",)
    assert asked_role("Wie bekleedde het ambt van resident van Bantam?") == ("resident",)
    assert asked_role("Welk bemanningslid stond aan het roer?") == ("bemanningslid",)
    landed = "Op 11 augustus zette kapitein Jan Ferwerda in Bantam voet aan wal."
    question = "Hoe heette de fotograaf die in augustus in Bantam voet aan wal zette?"
    assert _ask_about(tmp_path, "De reis", landed, question).abstained
    told = "De fotograaf Piet Smit zette op 11 augustus in Bantam voet aan wal."
    answer = _ask_about(tmp_path, "De reis", f"{landed} {told}", question)
    assert not answer.abstained and "Piet Smit" in answer.citations[0].quote


def test_who_bore_a_title_is_answered_from_a_document_in_the_other_language(
        tmp_path: Path) -> None:
    leads = "In 1950 leidde aanklager Pieter Bakker het proces in Delft."
    corpus = write_corpus(tmp_path / "corpus", {
        "proces.txt": "Het proces\nIn 1950 zweeg rechter Jan Smit in Delft. "
                      f"{leads}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data", AnswerConfig(min_confidence=0.2))
    answer = assistant.ask("Who was the prosecutor in Delft in 1950?")
    assert not answer.abstained
    assert answer.citations[0].quote == leads
    assert assistant.ask("Who was the judge in Delft in 1950?").citations[0].quote \
        == "In 1950 zweeg rechter Jan Smit in Delft."


def test_a_name_is_not_the_question_s_own_for_looking_like_a_common_word() -> None:
    question = analyse("Wie leidde het proces tegen Zinovjev en de anderen?")
    # "Andrej" is spelt close to "anderen", but only names are spelt in several ways.
    assert new_names(question, "Procureur-generaal Andrej Vysjinski leidde het.") == \
        ["andrej vysjinski"]
    assert new_names(question, "Grigori Zinovjev bekende.") == []
    # Typed in lower case, the question's longer words may still be the name.
    assert new_names(analyse("wie volgde chroesjtsjov op?"), "Then Khrushchev spoke.") == []


def test_who_bore_a_title_is_answered_by_a_sentence_that_names_its_bearer(
        tmp_path: Path) -> None:
    full = "Tijdens het proces sprak procureur-generaal Andrej Vysjinski."
    later = "De zaal is vol. Aanklager Vysjinski was de aanklager van het proces."
    corpus = write_corpus(tmp_path / "corpus", {
        "proces.txt": "Het proces\nOp 19 augustus 1936 begint het proces van de aanklager "
                      f"in de Oktoberzaal. {full} {later}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse("Wie was de aanklager tijdens het proces?"), language="nl")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    # (A procureur-generaal is an aanklager too.)
    assert scorer.holders == {"andrej", "vysjinski"}
    by_text = {c.text: c for c in score_candidates(scorer)}
    # "de Oktoberzaal" is a name, but not of one the documents call the aanklager.
    opening = next(c for t, c in by_text.items() if t.startswith("Op 19"))
    assert not opening.typed and opening.bearer == 0
    assert by_text[later].bearer == 1 and by_text[full].bearer == 2
    assert by_text[later].score > by_text[full].score
    # The sentence that introduces the bearer by full name answers.
    answer = assistant.ask(question.text)
    assert answer.citations[0].quote == full


def _scorer(tmp_path: Path, files: dict[str, str], text: str,
            config: AnswerConfig) -> SentenceScorer:
    """A scorer for an English question over a small corpus, indexed once per folder."""
    if not (tmp_path / "data").exists():
        build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse(text), language="en")
    retrieval = assistant.retriever.retrieve(text, 5, assistant.embedder.embed_query(text))
    return SentenceScorer(question, retrieval, assistant.build, config)


def test_a_sentence_that_names_the_kind_of_thing_asked_ranks_higher(tmp_path: Path) -> None:
    def kind(text: str, language: str = "en") -> str | None:
        return kind_asked(replace(analyse(text), language=language))

    assert kind("Which religions were banned under Stalin?") == "religions"
    assert kind("What kind of weapon did Nikolayev use?") == "weapon"
    assert kind("Met welk wapen werd Kirov vermoord?", "nl") == "wapen"
    assert kind("Welke speciale wet werd ingevoerd?", "nl") == "wet"
    assert kind("Which famous quote is said to define his rule?") == "quote"
    assert kind("Which trial sentenced Bukharin?") == "trial"
    assert kind("Welke functie bekleedde Kirov?", "nl") == "functie"
    # Not a person, place, time or figure, nor a verb after "what", nor the context a
    # follow-up carries.
    for question in ("Which marshal was arrested?", "In which year did he die?",
                     "What did Yagoda do with the bullets?", "What caused the famine?",
                     "What made Stalin suspicious?",
                     "How many died?", "En wat deed die dienst nog meer? (welke organisatie)"):
        assert kind(question) is None, question
    banned = "Christianity and the Muslim religions were also banned then."
    purges = "At the end of the purges twenty million Russians went to the camps."
    # (The same index and retrieval, scored with and without the weight.)
    scorers = [_scorer(tmp_path, {"purges.txt": f"Purges\n{purges} {banned}\n"},
                       "Which religions were banned during Stalin's purges?", config)
               for config in (FAKE_CONFIG, replace(FAKE_CONFIG, kind_weight=0.0))]
    with_kind, without = ({c.text: c.score for c in score_candidates(scorer)}
                          for scorer in scorers)
    assert with_kind[banned] - without[banned] == pytest.approx(FAKE_CONFIG.kind_weight)
    assert all(with_kind[t] == without[t] for t in with_kind if t != banned)


def test_a_name_asked_for_without_today_is_no_current_name() -> None:
    assert not analyse("Who was called Koba?").current_name
    assert not analyse("What is the name of the city where Kirov died?").current_name
    # "known today" and "which name … now" ask it too.
    assert analyse("By what name is the city where Kirov died known today?").current_name
    assert analyse("Onder welke naam kennen we die stad tegenwoordig?").current_name
    assert analyse("Onder welke naam kennen we Leningrad vandaag?").current_name
    assert not analyse("Was Kirov known to Stalin?").current_name
    assert not analyse("What is known today about the cause of the fire?").current_name


def test_an_ending_is_told_by_the_sentence_that_says_so_or_else_by_the_last() -> None:
    best = replace(_candidate(1, 0.90), text="Yezhov replaced Yagoda at the NKVD.")
    later = replace(_candidate(5, 0.88), text="Yezhov purged the NKVD in turn.")
    ended = replace(_candidate(3, 0.85), text="Yezhov was eventually executed as well.")
    config = AnswerConfig()
    assert _latest(best, [best, later, ended], config) is ended
    assert _latest(best, [best, later], config) is later
    assert _latest(best, [best, replace(ended, score=0.80)], config) is best  # too far


def test_a_nearly_as_good_sentence_that_states_what_is_asked_answers_first() -> None:
    config = AnswerConfig()
    untyped = replace(_candidate(1, 0.90), typed=False)
    typed, far = _candidate(2, 0.84), _candidate(3, 0.80)
    heading = replace(_candidate(4, 0.90), fragment=True)
    assert _stating([untyped, typed], config) is typed
    assert _stating([untyped, far], config) is untyped  # too far below: the answer check decides
    assert _stating([heading, typed], config) is typed
    assert _stating([typed, untyped], config) is typed


def test_the_sentence_before_stands_in_only_if_it_names_what_is_asked_itself() -> None:
    # "Kirov's murder sparked the Vinnytsia massacre." has no figure; the sentence before it
    # ("The NKVD arrested hundreds of thousands.") borrows the name from it and is about
    # something else. The sentence after it may carry on ("The killer was 30.").
    config = AnswerConfig()
    named = replace(_candidate(5, 0.90), typed=False)
    before = replace(_candidate(4, 0.88), own_names=0.0)
    after = replace(_candidate(6, 0.88), own_names=0.0)
    elsewhere = replace(_candidate(9, 0.88), own_names=0.0)
    assert _stating([named, before], config) is named
    assert _stating([named, after], config) is after
    assert _stating([named, elsewhere], config) is elsewhere
    assert _stating([named, replace(before, own_names=1.0)], config).row == 4


def test_both_sides_of_a_disagreement_and_the_best_sentence_always_stay() -> None:
    he, these, best, extra, anchor, rival = (_candidate(row, 0.9 - row / 100)
                                             for row in range(6))
    # The anchor already among the last of four, the rival missing (this once raised).
    kept = with_sides([he, best, extra, anchor], best, [anchor, rival], 4)
    assert kept == [he, best, anchor, rival]
    # Best after two context sentences, both sides missing: the context goes, not best.
    kept = with_sides([he, these, best], best, [anchor, rival], 4)
    assert kept == [he, best, anchor, rival]
    assert with_sides([best], best, [best, rival], 1) == [best, rival]


def test_focus_words_must_raise_a_sentence_that_shares_none_of_them() -> None:
    question = analyse("Who was the wife of Jan Smit?")
    config = AnswerConfig()
    contributions = {1: -0.01, 2: 0.04}
    best = _candidate(1, 0.95)
    assert not is_answerable(best, question, config, contributions.__getitem__)
    assert is_answerable(_candidate(2, 0.95), question, config, contributions.__getitem__)
    # Sharing a focus word, or having no second embedding, skips the check.
    assert is_answerable(_candidate(1, 0.95, focus=0.5), question, config,
                         contributions.__getitem__)
    assert is_answerable(best, question, config, None)
    # A question that offers alternatives is answered by what bears on them, in whatever
    # words; a plain yes/no question is checked like any other.
    assert is_answerable(best, analyse("Were Jan Smit and Piet Jansen friends or rivals?"),
                         config, contributions.__getitem__)
    dutch = replace(analyse("Waren Jan Smit en Piet Jansen vrienden of rivalen?"), language="nl")
    assert is_answerable(best, dutch, config, contributions.__getitem__)
    assert not is_answerable(best, analyse("Was Jan Smit married?"), config,
                             contributions.__getitem__)
    for plain, language in (("Did Jan Smit sign it or not?", "en"),
                            ("Heeft Jan Smit getekend of niet?", "nl"),
                            ("Is bekend of Jan Smit tekende?", "nl"),  # "of" is "whether"
                            ("Weet men of Jan Smit tekende?", "nl")):
        assert not offers_alternatives(replace(analyse(plain), language=language)), plain
    # A nearly as good sentence that the focus words do raise answers instead; one too far
    # below, or raised too little, does not.
    close, far = _candidate(2, 0.93), _candidate(2, 0.80)
    assert _focused_alternative(best, [best, close], question, config,
                                contributions.__getitem__) is close
    assert _focused_alternative(best, [best, far], question, config,
                                contributions.__getitem__) is None
    # Raised only a little (as "weapon" raises "the massacre after the murder") is chance.
    assert _focused_alternative(best, [best, close], question, config,
                                {1: -0.01, 2: 0.02}.__getitem__) is None
    # … unless it goes on about whom the best one names and shares a focus word: "… led by
    # Jan Smit. He was tried together with Piet Bakker." (Not one further on, nor one that
    # names its own subject or opens on "Two years later".)
    he = replace(_candidate(2, 0.90, focus=0.4), text="He was tried with Piet Bakker.")
    little = {1: -0.01, 2: 0.002}.__getitem__
    assert _focused_alternative(best, [best, he], question, config, little) is he
    later = replace(he, row=3)
    assert _focused_alternative(best, [best, later], question, config, little) is None
    named = replace(he, text="Piet Bakker was tried with him.")
    assert _focused_alternative(best, [best, named], question, config, little) is None
    later_on = replace(he, text="Two years later Piet Bakker was tried.")
    assert _focused_alternative(best, [best, later_on], question, config, little) is None


def test_a_sentence_sharing_all_the_words_asked_about_may_be_further_below() -> None:
    question = analyse("When did the wife of Jan Smit die?")
    config = AnswerConfig()
    little = {1: 0.0, 2: 0.005, 3: 0.005}.__getitem__
    best = _candidate(1, 0.95)
    # "She died in 1668." right after the sentence that names her, 0.05 below it.
    died = replace(_candidate(2, 0.90, focus=0.8), own_names=0.0)
    assert _focused_alternative(best, [best, died], question, config, little) is died
    # Not when it shares only some of them, lies too far below, or names no one itself
    # and follows no sentence that does.
    assert _focused_alternative(best, [best, replace(died, focus=0.5)], question, config,
                                little) is None
    assert _focused_alternative(best, [best, replace(died, score=0.85)], question, config,
                                little) is None
    elsewhere = replace(died, row=3)
    assert _focused_alternative(best, [best, elsewhere], question, config, little) is None
    # Right after a heading, in a text whose other sentences name her, it opens a section
    # about her ("Her death. She died in 1668.").
    heading = replace(_candidate(2, 0.70), own_names=0.0, fragment=True, text="Her death")
    opening = replace(elsewhere, names=1.0)
    assert _focused_alternative(best, [best, heading, opening], question, config,
                                little) is opening
    assert _focused_alternative(best, [best, heading, replace(opening, names=0.0)], question,
                                config, little) is None


def test_a_sentence_sharing_the_words_asked_about_outranks_one_sharing_only_names(
        tmp_path: Path) -> None:
    names_only = "John Smeaton built many bridges and harbours in Cornwall."
    focused = "John Smeaton also designed a lighthouse lamp for keepers."
    corpus = write_corpus(tmp_path / "corpus",
                          {"smeaton.txt": f"Smeaton\n{names_only} {focused}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse("What lamp did John Smeaton design?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))

    def scores(config: AnswerConfig) -> dict[str, Candidate]:
        scorer = SentenceScorer(question, retrieval, assistant.build, config)
        rows = range(len(assistant.build.sentence_spans))
        return {c.text: c for c in map(scorer.candidate, rows)}

    plain, weighted = scores(replace(FAKE_CONFIG, focus_weight=0.0)), scores(FAKE_CONFIG)
    assert weighted[focused].focus > 0 and weighted[names_only].focus == 0
    assert weighted[focused].score - plain[focused].score == \
        pytest.approx(FAKE_CONFIG.focus_weight * weighted[focused].focus)
    assert weighted[names_only].score == plain[names_only].score


def test_a_sentence_about_he_borrows_more_from_the_sentence_that_names_him(
        tmp_path: Path) -> None:
    named = "Karl Radek testified at the second trial in January."
    he = "He was sent to a labour camp for ten years."
    plain = "The camp was sent a new commander for ten years."
    corpus = write_corpus(tmp_path / "corpus", {
        "radek.txt": f"Radek\n{named} {he}\n", "camp.txt": f"Camp\n{named} {plain}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse("What did Karl Radek get at the trial?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    candidates = [scorer.candidate(row) for row in range(len(assistant.build.sentence_spans))]
    by_text = {c.text: c for c in candidates}
    # After the same sentence, "he" borrows half the gap to it, another sentence a quarter
    # (context_weight 0.5 of half the gap).
    for text, share in ((he, FAKE_CONFIG.antecedent_weight), (plain, 0.25)):
        candidate = by_text[text]
        assert candidates[candidate.row - 1].text == named
        gap = candidates[candidate.row - 1].similarity - candidate.similarity
        assert candidate.effective == pytest.approx(candidate.similarity + share * gap)


def test_years_in() -> None:
    assert years_in("Tussen 1936 en 1938, periode 1936-1938") == [1936, 1938, 1936, 1938]
    assert years_in("20 million people, 800.000 camps, 12345") == []
    assert years_in("from 2024 on") == [2024]


def test_transliterate_folds_spellings_together() -> None:
    assert transliterate("yezhov") == transliterate("jezjov")
    assert transliterate("tukhachevsky") != transliterate("kirov")
    assert soft_overlap(("moscow",), ["moskou"]) > 0  # c and k, w and v
    assert soft_overlap(("khrushchev",), ["chroesjtsjov"]) > 0


def test_soft_overlap_counts_cognates_in_part_and_exact_words_fully() -> None:
    exact = soft_overlap(("arrested",), ["arrested", "1937"])
    cognate = soft_overlap(("arrested",), ["gearresteerd", "1937"])
    transliterated = soft_overlap(("yezhov",), ["jezjov"])
    unrelated = soft_overlap(("arrested",), ["tulip", "bulbs"])
    assert exact == 1.0
    assert transliterated == 1.0
    assert 0.0 < cognate < 1.0
    assert unrelated == 0.0
    assert soft_overlap(("arrested", "yezhov"), ["arrested"]) == 0.5
    assert soft_overlap((), ["arrested"]) == 0.0


def test_a_dutch_participle_and_a_compound_share_in_part() -> None:
    sentence = words("Ida Straus weigerde in een sloep te stappen.")
    assert soft_overlap(("gestapt",), sentence) == 0.6
    assert soft_overlap(("reddingssloep",), sentence) == 0.6
    assert soft_overlap(("stapte",), words("Zij is niet in de boot gestapt.")) == 0.6
    assert soft_overlap(("lifeboat",), words("The boat was lowered.")) == 0.6
    assert soft_overlap(("boat",), words("The lifeboat was lowered.")) == 0.6
    assert soft_overlap(("sloep",), words("De reddingssloep sloeg om.")) == 0.6
    assert soft_overlap(("schip",), words("Het troepenschip zonk.")) == 0.6
    # Not a word that only ends in another, nor a noun that looks like a participle.
    for word, other in (("leden", "overleden"), ("stand", "understand"),
                        ("nation", "assassination"), ("gebied", "bieden"),
                        ("gezond", "zonden")):
        assert soft_overlap((word,), [other]) == 0.0, word
        assert soft_overlap((other,), [word]) == 0.0, other


def test_a_rare_question_word_counts_more_than_a_common_one() -> None:
    build = SimpleNamespace(sentence_frequency={"purges": 40, "stalin": 60, "religions": 1},
                            sentence_spans=[None] * 100)
    content = ("stalin", "religions", "purges")
    weights = rarity_weights(content, build)  # type: ignore[arg-type]
    assert weights is not None and weights[1] > weights[2] > weights[0] > 0
    rare = soft_overlap(content, ["religions", "banned"], weights)
    common = soft_overlap(content, ["stalin", "purges", "gulag"], weights)
    assert rare > common  # unweighted, the second shares twice as much
    assert soft_overlap(content, ["religions"]) < soft_overlap(content, ["stalin", "purges"])
    # A word in every sentence tells nothing; no words, no weights.
    assert rarity_weights(("stalin",), SimpleNamespace(  # type: ignore[arg-type]
        sentence_frequency={"stalin": 100}, sentence_spans=[None] * 100)) is None
    assert rarity_weights((), build) is None  # type: ignore[arg-type]


def test_a_compound_name_is_found_by_its_head() -> None:
    assert name_coverage([("sovjetspoor",)], ["ongelukken", "op", "het", "spoor"]) == 1.0
    assert name_coverage([("kirovlaan",)], ["kirov", "woonde"]) == 1.0
    assert name_coverage([("sovjetspoor",)], ["het", "oor"]) == 0.0  # too short to be a head


def test_a_compound_may_hold_the_name_spelled_the_other_way() -> None:
    # "Veizelramp" is made with "Veysel" as the Dutch would spell it; "Jakobsen" is another name.
    assert name_coverage([("veysel",)], ["de", "veizelramp"]) == 1.0
    assert name_coverage([("jakob",)], ["jakobsen"]) == 0.0
    assert name_coverage([("bakker",)], ["bakkerij"]) == 0.0
    assert name_coverage([("veldkamp",)], ["veldkampisme"]) == 0.0
    assert name_coverage([("walter",)], ["de", "watersnoodramp"]) == 0.0
    assert name_coverage([("brandt",)], ["de", "brandstichting"]) == 0.0


def test_a_name_is_not_the_start_of_a_longer_name() -> None:
    assert name_coverage([("nikolayev",)], ["nikolaj", "boecharin"]) == 0.0
    assert name_coverage([("nikolayev",)], ["nikolai", "bukharin"]) == 0.0
    assert name_coverage([("nikolajev",)], ["nikolaj"]) == 0.0
    assert name_coverage([("kirovlaan",)], ["kirov"]) == 1.0
    assert name_coverage([("stalin",)], ["het", "stalinisme"]) == 0.0
    assert name_coverage([("nikolayev",)], ["nikolajev"]) == 1.0
    assert name_coverage([("zinoviev",)], ["zinovjev"]) == 1.0
    # A name of several words may be one word in the other language.
    assert name_coverage([("delta", "works")], ["de", "deltawerken"]) == 1.0
    assert name_coverage([("delta", "committee")], ["deltacommissie"]) == 1.0
    assert name_coverage([("delta", "works")], ["deltaplan"]) == 0.0
    # Nor the end of one: "Germany" is not "many".
    assert name_coverage([("germany",)], ["many", "of", "them"]) == 0.0
    assert name_coverage([("kirov",)], ["kirovs", "moordenaar"]) == 1.0  # a genitive


def test_question_names() -> None:
    assert question_names("Who led the NKVD after Yezhov?") == [("nkvd",), ("yezhov",)]
    # The number that identifies a name is part of it ("Verordening 485" matches); a year
    # after a sentence-initial word is no name.
    assert question_names("Who was targeted under Order 485?") == [("order", "485")]
    assert question_names("In 1934, who killed Kirov?") == [("kirov",)]
    # A second sentence in the question opens with a capital too.
    assert question_names("How many were shot? Do the documents agree?") == []
    # A name offered as an alternative to a common word need not be found.
    assert question_names("Hoeveel mensen belandden in de Goelag of werkkampen?") == []
    assert question_names("How many died in camps or Gulag?") == []
    assert question_names("What was the murder of Kirov about?") == [("kirov",)]
    assert question_names("Was Stalin of Kirov de schuldige?") == [("stalin",), ("kirov",)]
    assert question_names("Wist Jagoda of er een complot was?") == [("jagoda",)]
    assert question_names("Did Stalin or his men plan it?") == [("stalin",)]
    assert question_names("Who led the Politburo of that time?") == [("politburo",)]
    # "of" is "or" only in Dutch.
    assert question_names("Was Stalin of humble origin?") == [("stalin",)]
    assert question_names("Hoeveel mensen belandden in werkkampen of Siberië?") == []
    # Dutch "of" after "weet men", "duidelijk" means whether.
    assert question_names("Weet men of Stalin de moord beval?") == [("stalin",)]
    assert question_names("Is het duidelijk of Jagoda het wist?") == [("jagoda",)]
    # An adjective of nationality names no one, as in a sentence.
    assert question_names("Wat gebeurde er met de Russische koninklijke familie?") == []
    assert question_names("Who chaired the American inquiry into the crash?") == []
    # Nor one of a nation asked about: it says what kind of person is asked for.
    assert question_names("Welke Amerikaan werd eigenaar van het wrak?") == []
    assert question_names("Welke Duitser bouwde de Hindenburg?") == [("hindenburg",)]
    assert question_names("Hoeveel Londenaren werden dakloos?") == []
    assert question_names("Wat deden de Hagenaars met de lichamen?") == []
    assert question_names("Welke Hagenaar sloeg als eerste?") == []
    assert question_names("When did Gorbachev first speak on TV?") == [("gorbachev",)]
    # "-sse" ends a place's name, not an adjective of nationality.
    assert question_names("Hoeveel mensen uit Stavenisse overleefden het niet?") \
        == [("stavenisse",)]
    # A month is a date, not a name.
    assert question_names("Who spoke at the trial in August 1936?") == []
    assert question_names("When did the Great Terror end?") == [("great", "terror")]
    assert question_names("how many people died?") == []


# --- conversation ---------------------------------------------------------------------------


KIROV_HISTORY = [Turn("user", "Who was Sergei Kirov?"),
                 Turn("assistant", "Kirov was the leader of the Leningrad party. [1]")]


def test_resolve_replaces_a_pronoun_with_the_subject_of_the_last_question() -> None:
    assert resolve("When was he murdered?", KIROV_HISTORY) == "When was Sergei Kirov murdered?"


def test_resolve_he_to_the_first_person_the_last_question_names() -> None:
    cases = [
        # The first name is the one the question is about, not the longest.
        ("What did Kirov do when Stalin demanded the arrests?", "He opposed it.",
         "And what happened to him later?", "What happened to Kirov later?"),
        # An acronym is no "he" while a person is named.
        ("Why did the NKVD arrest Genrikh Yagoda?", "For treason.",
         "When was he shot?", "When was Genrikh Yagoda shot?"),
        # A reply that opens on "he" tells of the one asked about, not of those it names ...
        ("Welke rol speelde Karl Radek in het proces?",
         "Hij was de hoofdgetuige: hij kreeg zijn instructies van Stalin.",
         "Is hij daarna zelf gefusilleerd?", "Is Karl Radek daarna zelf gefusilleerd?"),
        # ... but one that names someone new still answers "Which marshal …?" ...
        ("Which marshal was arrested in 1937?", "He was Mikhail Tukhachevsky.",
         "When was he shot?", "When was Mikhail Tukhachevsky shot?"),
        # ... and "Who shot Kirov?": the one the reply names answers it.
        ("Who shot Kirov?", "He was shot by Leonid Nikolayev in the Smolny.",
         "When was he executed?", "When was Leonid Nikolayev executed?"),
        # "that trial" is the one the reply told of, in its own clause, before the topic.
        ("Who was Georgy Pyatakov?",
         "One of Lenin's old comrades, a defendant in the second show trial.",
         "When was that trial held?",
         "When was that trial held? (defendant second show trial georgy pyatakov)"),
        # Not what someone is the leader "of", however long its name.
        ("Which party leader opposed Stalin's demand?",
         "That was Sergei Kirov, the leader of the Leningrad Communist Party.",
         "What happened to him two years later?",
         "What happened to Sergei Kirov two years later?"),
    ]
    for asked, reply, question, resolved in cases:
        history = [Turn("user", asked), Turn("assistant", reply)]
        assert resolve(question, history) == resolved, question
    tried = [Turn("user", "Who was Radek?"),
             Turn("assistant", "He was tried with Pyatakov; the defendants of that trial "
                               "confessed.")]
    assert resolve("When was that trial held?", tried).startswith(
        "When was that trial held? (defendants trial")


def test_resolve_he_after_a_reply_that_tells_of_the_one_asked_about() -> None:
    def turn(question: str, reply: str) -> list[Turn]:
        return [Turn("user", question), Turn("assistant", reply)]

    # The reply opens on the one asked about; a date it gives is no one.
    radek = turn("What part did Karl Radek play in the show trials?",
                 "Radek, a famous journalist, was the star defendant of the second show trial "
                 "in January 1937 and accused Stalin's rivals.")
    assert resolve("Was he sentenced to death as well?", radek) == \
        "Was Karl Radek sentenced to death as well?"
    # "Who was Kirov's assassin?" asks for someone new, as "Who was Kirov?" does not.
    assassin = turn("Who was Kirov's assassin?", "Leonid Nikolayev, a disillusioned former "
                                                 "member of the communist youth organisation.")
    assert resolve("What became of him after his confession?", assassin) == \
        "What became of Leonid Nikolayev after his confession?"
    assert resolve("When was he born?", turn("Who was Kirov?", "A leader of Leningrad.")) == \
        "When was Kirov born?"


def test_resolve_it_to_what_a_short_reply_names() -> None:
    flight = [Turn("user", "Welke maatschappij vloog vlucht 1736?"),
              Turn("assistant", "Dat was Pan Am, met de Clipper Victor.")]
    assert resolve("Waarom kon dat toestel niet eerder vertrekken?", flight) == \
        "Waarom kon dat toestel niet eerder vertrekken? (pan clipper victor welke " \
        "maatschappij vloog vlucht 1736)"
    # A long reply is an account: what it names need not be what "it" is.
    account = [Turn("user", "What happened at the airport?"),
               Turn("assistant", "A bomb planted by the MPAIAC exploded in the terminal, "
                                 "and the airport was closed, so the Pan Am and KLM jets "
                                 "were sent to Tenerife.")]
    assert resolve("Why was it shut?", account) == \
        "Why was it shut? (happened airport)"
    # Nor is the one a reply names after "Who was …?" what "that trial" is.
    prosecutor = [Turn("user", "Who was the prosecutor?"), Turn("assistant", "Vyshinsky.")]
    assert "vyshinsky" not in resolve("When did that trial begin?", prosecutor)
    # After a question about someone named, the reply's other names are not "it".
    radek = [Turn("user", "Who was Radek?"), Turn("assistant", "One of Lenin's comrades.")]
    assert resolve("When did it end?", radek) == "When did it end? (radek)"


def test_review_mends_of_this_round() -> None:
    def turn(question: str, reply: str) -> list[Turn]:
        return [Turn("user", question), Turn("assistant", reply)]

    # A preposition and a question word alone still need the question before.
    assert resolve("And by whom?", turn("Where was Kirov murdered?", "In Leningrad.")) == \
        "By whom? (Where was Kirov murdered?)"
    # First names that end like adjectives are names.
    assert resolve("When was he born?", turn(
        "Who replaced Yagoda?", "Stalin replaced Yagoda with Christian Rakovsky.")) == \
        "When was Christian Rakovsky born?"
    # "there" is a place the reply names after "in", not the first name in it.
    assert resolve("Who lived there?", turn(
        "Where was Kirov murdered?", "Nikolayev shot Kirov in the Smolny Institute.")) == \
        "Who lived in Smolny Institute?"
    # "Hoe hoog" opens a longer question word; "Why?" after Dutch is no Dutch question.
    high = turn("Hoe hoog stond het water in Dordrecht?", "4,55 meter.")
    assert resolve("Waar?", high) == "Waar? (Hoe hoog stond het water in Dordrecht?)"
    assert resolve("En waarom?", turn("Wanneer werd Kirov vermoord?", "In 1934.")) == \
        "Waarom werd Kirov vermoord?"
    assert resolve("Why?", turn("Wanneer overleed Carter?", "In 1939.")) == \
        "Why? (Wanneer overleed Carter?)"
    # A filler asks nothing of its own either.
    assert resolve("Waarom eigenlijk?", turn("Wanneer werd Kirov vermoord?", "In 1934.")) == \
        "Waarom werd Kirov vermoord?"
    assert resolve("So why?", turn("When was Kirov murdered?", "In 1934.")) == \
        "Why was Kirov murdered?"
    assert not analyse("Waartegen protesteerde Boecharin?").polar
    # "Slechts" before a number or a time is no doubt.
    assert not doubts("Slechts 712 van de 2224 opvarenden overleefden de ramp.")
    assert not doubts("Barely a month after the congress, Kirov was dead.")
    # "voor 1937" is for that year; a span holds only its own years.
    assert other_years(analyse("Wat was de begroting voor 1937?"), "In 1936 steeg het budget.")
    assert other_years(analyse("Who ruled from 1936 until 1938?"), "In 1950 he died.")
    assert not other_years(analyse("Was Stalin vóór 1934 al de baas?"), "Hij kwam in 1922.")
    # Alternatives that would lose the subject are not split; an article starts the other.
    def split(text: str) -> list[str]:
        return split_alternatives(replace(analyse(text), language="en"))

    assert split("Did Stalin or Kirov sign the order?") == []
    assert split("Did the purges strengthen or weaken the army?") == []
    assert split("Was Kirov a rival or an ally of Stalin?") == \
        ["Was Kirov a rival?", "Was Kirov an ally of Stalin?"]
    # Short words: English by their stems, not "kin" in "kind".
    assert soft_overlap(("kin",), ["kind"]) == soft_overlap(("win",), ["wind"]) == 0.0
    assert soft_overlap(("war",), ["wars"]) == 0.8


def test_resolve_to_the_name_not_the_title_and_to_the_first_place_named() -> None:
    mersey = [Turn("user", "Who led the British investigation into the disaster?"),
              Turn("assistant", "Lord Mersey, the British Wreck Commissioner.")]
    assert resolve("When was his report published?", mersey) == \
        "When was Lord Mersey's report published?"
    prison = [Turn("user", "Waar zat Cornelis de Witt gevangen?"),
              Turn("assistant", "In de Gevangenpoort aan het Buitenhof in Den Haag.")]
    assert resolve("En wat is dat gebouw nu?", prison) == "Wat is Gevangenpoort nu?"


def test_resolve_there_not_to_the_person_a_which_question_asked_for() -> None:
    visit = [Turn("user", "Welk lid van de familie bezocht Veendam na de brand?"),
             Turn("assistant", "Gravin Ida bracht een bezoek aan het getroffen dorp.")]
    resolved = resolve("Met wie sprak zij daar?", visit)
    assert resolved.startswith("Met wie sprak Gravin Ida daar?")
    assert "in Gravin Ida" not in resolved
    town = [Turn("user", "Welk dorp bezocht de prinses?"),
            Turn("assistant", "Zij bezocht Veendam.")]
    assert resolve("Met wie sprak zij daar?", town).startswith("Met wie sprak zij in Veendam")


def test_resolve_a_plural_ze_and_an_opening_adverb_to_no_one() -> None:
    hurt = [Turn("user", "Hoeveel mensen raakten gewond bij de brand in Dalfsterveen?"),
            Turn("assistant", "Ruim tachtig mensen raakten gewond.")]
    assert resolve("En waar werden zij begraven?", hurt) == \
        "Waar werden zij begraven? (hoeveel mensen raakten gewond brand dalfsterveen)"
    stones = [Turn("user", "Wanneer zijn de gedenkstenen voor de Dalfsterveen-ramp onthuld?"),
              Turn("assistant", "In het voorjaar van 1990.")]
    assert resolve("En waar staan ze nu?", stones).startswith("Waar staan ze nu? (")
    # "ze" beside a verb in the singular is still her, and so before "zijn" as "his".
    anna = [Turn("user", "Wie was Anna Smit?"), Turn("assistant", "Een boerin.")]
    assert resolve("Wat deed ze daarna?", anna) == "Wat deed Anna Smit daarna?"
    assert resolve("Heeft ze zijn brief ooit gelezen?", anna) == \
        "Heeft Anna Smit zijn brief ooit gelezen?"
    # An adverb opens no name, but a particle's word inside one stays.
    assert names("Ruim tachtig mensen raakten gewond.") == []
    assert names("Jan van der Meer leidde de ploeg.") == ["Jan van der Meer"]


def test_resolve_its_after_a_which_question_to_what_the_reply_names() -> None:
    church = [Turn("user", "Which church in the old town was hit by the bombs?"),
              Turn("assistant", "Near the Vismarkt, the Sint-Jansbasiliek was among the many "
                                "buildings of the town that were hit that night.")]
    resolved = resolve("What happened to its tower?", church)
    assert resolved.startswith("What happened to its tower? (sint jansbasiliek ")
    assert "vismarkt" not in resolved.lower()
    for asked in ("Which village was hit hardest?", "Which Dutch village was hit hardest?"):
        village = [Turn("user", asked), Turn("assistant", "Oosterhoeve, on the island.")]
        assert resolve("How many of its farms burned?", village) == \
            "How many of Oosterhoeve's farms burned?"


def test_resolve_a_lone_question_word_asks_the_question_before_anew() -> None:
    when = [Turn("user", "When was Kirov murdered?"), Turn("assistant", "In 1934. [1]")]
    assert resolve("Why?", when) == "Why was Kirov murdered?"
    died = [Turn("user", "Wanneer overleed Howard Carter?"), Turn("assistant", "In 1939.")]
    assert resolve("Waaraan?", died) == "Waaraan overleed Howard Carter?"
    assert focus_words("Waaraan overleed Howard Carter?", "nl") == ("overleed",)
    # Not "How many" nor a "who" for a "what": those keep the question before beside them.
    many = [Turn("user", "How many people died?"), Turn("assistant", "Many. [1]")]
    assert resolve("And why?", many) == "Why? (How many people died?)"
    what = [Turn("user", "Wat gebeurde er in 1934?"), Turn("assistant", "Een moord. [1]")]
    assert resolve("Wie?", what) == "Wie? (Wat gebeurde er in 1934?)"
    # A question word after a preposition still opens a question of its own.
    winkel = [Turn("user", "Wie was Wouter Winkel?"), Turn("assistant", "Een herbergier.")]
    assert resolve("En in welk jaar is hij gestorven?", winkel) == \
        "In welk jaar is Wouter Winkel gestorven?"


def test_resolve_a_dutch_adverb_of_daar_and_a_preposition() -> None:
    history = parse_history([
        {"role": "user", "content": "Wat hield verordening 485 in?"},
        {"role": "assistant", "content": "De vernietiging van nationale contingenten."}])
    for question in ("Welke groepen vielen daaronder?", "Wie werkte hieraan mee?",
                     "Hoeveel mensen kwamen erop af?"):
        assert "485" in resolve(question, history), question


def test_resolve_they_not_to_an_adjective_of_the_reply() -> None:
    history = parse_history([
        {"role": "user", "content": "Wat gebeurde er op 23 februari 1637 in Amsterdam?"},
        {"role": "assistant", "content": "Toen kwamen afgevaardigden uit verschillende "
                                         "Hollandse steden bijeen."}])
    resolved = resolve("Wat stelden zij voor?", history)
    assert "Hollandse" not in resolved and "1637" in resolved


def test_resolve_a_dutch_pronominal_adverb_even_beside_a_name() -> None:
    history = parse_history([
        {"role": "user", "content": "Wat was de Graf Zeppelin?"},
        {"role": "assistant", "content": "Het oudere luchtschip LZ 127, dat in 1929 rond de "
                                         "wereld vloog."}])
    resolved = resolve("Wat gebeurde er na de ramp in Lakehurst mee?", history)
    assert "zeppelin" in resolved.lower()
    assert resolve("Wat deed de regering ermee?", history) != "Wat deed de regering ermee?"
    # "mee" only at the end: "Ging hij mee naar Lakehurst?" has no thing to point back to;
    # nor "met Amundsen mee", nor "ervan" that points ahead.
    for own in ("Wie ging mee naar Lakehurst?", "Wie ging er met Amundsen mee?",
                "Wie werd ervan beschuldigd de Reichstag in brand te steken?"):
        assert resolve(own, history) == own, own


def test_resolve_leaves_he_after_the_one_the_question_describes() -> None:
    # "he" is the killer, who is the one of the killing asked about before.
    resolved = resolve("What happened to the killer after he confessed?", KIROV_HISTORY)
    assert resolved.startswith("What happened to the killer after he confessed?")
    assert "kirov" in resolved.lower()
    # "him" cannot be the killer, nor "him" the leaders.
    assert resolve("Why did the killer shoot him?", KIROV_HISTORY) == \
        "Why did the killer shoot Sergei Kirov?"
    assert resolve("Why did the party leaders fear him?", KIROV_HISTORY) == \
        "Why did the party leaders fear Sergei Kirov?"


def test_resolve_prefers_the_user_question_over_other_names_in_the_reply() -> None:
    history = [Turn("user", "Who was Sergei Kirov?"),
               Turn("assistant", "The Leningrad party chose him as its leader in 1926. [1]")]
    assert "Sergei Kirov" in resolve("When was he murdered?", history)
    assert "Leningrad" not in resolve("When was he murdered?", history)


def test_resolve_falls_back_to_the_reply_when_the_question_names_nobody() -> None:
    history = [Turn("user", "who ran the party there?"), Turn("assistant", "Kirov ran it. [1]")]
    assert resolve("When was he murdered?", history) == "When was Kirov murdered?"


def test_resolve_he_to_someone_not_to_a_thing_named_after_an_article() -> None:
    history = [Turn("user", "Waar werd de replica van de Batavia gebouwd?"),
               Turn("assistant", "Op de Bataviawerf in Lelystad, op initiatief van Willem Vos.")]
    assert resolve("Hoe oud was hij?", history) == "Hoe oud was Willem Vos?"
    # "haar" and "she" may be a committee's or a ship's.
    committee = [Turn("user", "Wanneer kwam de Deltacommissie er?"),
                 Turn("assistant", "Op 18 februari 1953.")]
    assert resolve("Welke minister heeft haar geïnstalleerd?", committee) == \
        "Welke minister heeft Deltacommissie geïnstalleerd?"


def test_resolve_dutch_zijn_and_haar_by_what_follows() -> None:
    history = [Turn("user", "Wie was Christa McAuliffe?"),
               Turn("assistant", "Een lerares uit Concord in New Hampshire.")]
    # "haar" as an object ("om haar te vervangen") and as "hers" ("haar man")
    assert resolve("Wie stond klaar om haar te vervangen?", history) == \
        "Wie stond klaar om Christa McAuliffe te vervangen?"
    assert resolve("Wie heeft haar gekozen?", history) == \
        "Wie heeft Christa McAuliffe gekozen?"
    assert resolve("Wie was haar man?", history) == "Wie was Christa McAuliffe's man?"
    # "zijn" as the verb, and as "his" before a noun that looks like a participle
    ship = [Turn("user", "Wie was Karl Radek?"), Turn("assistant", "Een journalist.")]
    assert "Radek" not in resolve("Hoeveel mensen zijn er gearresteerd?", ship)
    assert resolve("Wat was er met zijn gebit gebeurd?", ship) == \
        "Wat was er met Karl Radek's gebit gebeurd?"


def test_resolve_him_and_there_in_one_follow_up() -> None:
    history = [Turn("user", "What did Stalin call the party congress of 1934?"),
               Turn("assistant", "He proclaimed it the Congress of Victors.")]
    assert resolve("How many delegates voted against him there?", history) == \
        "How many delegates voted against Stalin there? (stalin call party congress 1934)"
    assert resolve("How many delegates voted against him?", history) == \
        "How many delegates voted against Stalin?"


def test_a_part_adds_its_best_sentence_with_the_one_that_says_who_he_is() -> None:
    whole = Selection([_candidate(1, 0.9)], False, [])
    named, he = _candidate(5, 0.8), _candidate(6, 0.85)
    part = Selection([named, he, _candidate(9, 0.84)], False, [], best=1)
    combined, _ = combine(whole, [part], limit=6)
    assert [c.row for c in combined.sentences] == [1, 5, 6]
    # … and the sentences that go on from it in its passage ("He was tried together with
    # …" after the sentence that names the trial), not one further off.
    going_on = Selection([named, he, _candidate(9, 0.84)], False, [], best=0)
    assert [c.row for c in combine(whole, [going_on], limit=6)[0].sentences] == [1, 5, 6]
    # (Not the next row of another document.)
    elsewhere = replace(_candidate(6, 0.85), document_id="e")
    assert [c.row for c in combine(whole, [Selection([named, elsewhere], False, [], best=0)],
                                   limit=6)[0].sentences] == [1, 5]
    # A part's disagreement keeps its room: its sides come before what goes on.
    full = Selection([_candidate(r, 0.9) for r in (1, 2, 3, 4)], False, [])
    side = replace(_candidate(50, 0.8), document_id="e")
    disputed = Selection([_candidate(20, 0.9), _candidate(21, 0.8), _candidate(22, 0.8), side],
                         False, [[0, 3]], best=0)
    combined, found_by = combine(full, [disputed], limit=6)
    assert [c.row for c in combined.sentences] == [1, 2, 3, 4, 20, 50]
    assert combined.conflict_groups == [[4, 5]] and found_by == [1]
    # When the whole already cites a part's best sentence, the part adds its next one.
    again = Selection([_candidate(1, 0.9), _candidate(8, 0.8), _candidate(9, 0.7)], False, [])
    assert [c.row for c in combine(whole, [again], limit=6)[0].sentences] == [1, 8]
    # Declined parts add nothing, and all declined is declined.
    assert combine(Selection([], True, []), [Selection([], True, [])], limit=6)[0].abstained


def test_the_same_two_documents_disagree_once() -> None:
    mine, theirs = _candidate(1, 0.9), replace(_candidate(2, 0.85), document_id="e")
    other_theirs = replace(_candidate(3, 0.84), document_id="e")
    whole = Selection([mine, theirs], False, [[0, 1]])
    part = Selection([mine, other_theirs], False, [[0, 1]])
    combined, found_by = combine(whole, [part], limit=6)
    assert combined.conflict_groups == [[0, 1]] and found_by == [0]


def test_every_side_fits_in_the_answer_beside_the_best_sentence() -> None:
    best, anchor = _candidate(1, 0.9), _candidate(2, 0.89)
    rivals = [replace(_candidate(row, 0.85), document_id=doc)
              for row, doc in ((3, "e"), (4, "f"), (5, "g"))]
    # The anchor stands in for the best sentence: one rival less fits.
    assert fitting_rivals(best, anchor, rivals, 4) == rivals[:2]
    assert fitting_rivals(best, best, rivals, 4) == rivals
    sides = [anchor, *fitting_rivals(best, anchor, rivals, 4)]
    assert len(with_sides([best], best, sides, 4)) == 4


def test_a_part_shows_a_disagreement_with_all_its_sides_or_not_at_all() -> None:
    mine = _candidate(1, 0.9)
    second, third = (replace(_candidate(row, 0.85), document_id=doc)
                     for row, doc in ((2, "e"), (3, "f")))
    whole = Selection([mine, _candidate(4, 0.88), _candidate(5, 0.87)], False, [])
    part = Selection([mine, second, third], False, [[0, 1, 2]])
    # The part adds its next sentence; its third side does not fit in four, so no warning.
    combined, found_by = combine(whole, [part], limit=4)
    assert [c.row for c in combined.sentences] == [1, 4, 5, 2] and found_by == []
    assert combined.conflict_groups == []
    combined, found_by = combine(whole, [part], limit=5)
    assert [c.row for c in combined.sentences] == [1, 4, 5, 2, 3]
    assert combined.conflict_groups == [[0, 3, 4]] and found_by == [1]
    # Documents already shown to disagree, with more besides, are not warned of again.
    whole = Selection([mine, second, third], False, [[0, 1, 2]])
    pair = Selection([mine, replace(second, row=6)], False, [[0, 1]])
    assert combine(whole, [pair], limit=6)[0].conflict_groups == [[0, 1, 2]]


def test_resolve_the_others_to_the_last_topic() -> None:
    history = [Turn("user", "Who was Mikhail Tukhachevsky?"),
               Turn("assistant", "One of the five marshals of the Soviet Union.")]
    assert resolve("And who were the other four?", history) == \
        "Who were the other four? (mikhail tukhachevsky)"
    assert resolve("Wie waren de anderen?", history) == \
        "Wie waren de anderen? (mikhail tukhachevsky)"
    assert resolve("Did Zinoviev and Kamenev know each other?", history) == \
        "Did Zinoviev and Kamenev know each other?"


def test_resolve_the_second_one_to_the_last_topic() -> None:
    history = [Turn("user", "What did the council approve in 1953?"),
               Turn("assistant", "It approved plans 12 and 14.")]
    assert resolve("Which towns did the second one protect?", history) == \
        "Which towns did the second one protect? (council approve 1953)"


def test_resolve_he_to_the_name_a_reply_introduces_in_full() -> None:
    history = [Turn("user", "Who replaced Yagoda as head of the NKVD?"),
               Turn("assistant", "Stalin replaced Yagoda with Nikolai Yezhov.")]
    assert resolve("What happened to him in the end?", history) == \
        "What happened to Nikolai Yezhov in the end?"


def test_resolve_keeps_the_particles_of_a_name() -> None:
    history = [Turn("user", "Who was Johan van Veen?"),
               Turn("assistant", "He was an engineer, secretary of the Delta Committee.")]
    assert resolve("When did he die?", history) == "When did Johan van Veen die?"
    assert names("Yes, Maria de Bruijne, 88, from Stavenisse.") == \
        ["Maria de Bruijne", "Stavenisse"]
    # A particle is no name of its own, nor the start of one.
    # A name with a particle is known by what follows it; "Johan" alone is another Johan.
    assert question_names("Wanneer stierf Johan van Veen?") == [("veen",)]
    assert question_names("What became of Johan van Banchem?") == [("banchem",)]
    # … and its first name tells it from another of that name, not what is asked about it.
    assert focus_words("Where was Jacob de Witt jailed?", "en") == ("jailed",)
    jacob = "Where was Jacob de Witt jailed?"
    assert other_bearers(jacob, "Johan de Witt led the Republic.") == {"witt"}
    assert other_bearers(jacob, "Their father, Jacob de Witt, was jailed.") == set()
    assert other_bearers(jacob, "Jacob and Johan de Witt travelled.") == set()
    assert other_bearers(jacob, "The brothers De Witt were killed.") == set()
    # Nor does the particle make an English question Dutch ("of" is no "or" here).
    assert question_names("Who was the brother of Cornelis de Witt?") == [("witt",)]
    assert question_names("Wanneer stierf Van Veen?") == [("veen",)]
    assert question_names("Was Kirov de leider?") == [("kirov",)]


def test_resolve_her_to_the_person_a_yes_no_question_about_one_was_answered_with() -> None:
    history = [Turn("user", "Is there a survivor from Stavenisse who is quoted?"),
               Turn("assistant", "Yes, Maria de Bruijne, 88, from Stavenisse.")]
    assert resolve("What stays with her most?", history) == \
        "What stays with Maria de Bruijne most?"
    # A yes/no question about no one keeps its own subject.
    asked = [Turn("user", "Was Stavenisse flooded?"),
             Turn("assistant", "Yes, Maria de Bruijne remembers it.")]
    assert resolve("What does she remember?", asked) != "What does Maria de Bruijne remember?"


def test_a_month_and_year_name_no_one() -> None:
    assert own_names("Which dyke did the rebels fight for in May 1585?") == []
    assert own_names("Who was May Smith?") == ["May Smith"]
    # So a short reply to a question that names no one tells what "that embankment" is.
    history = [Turn("user", "Which dyke did the rebels fight for in May 1585?"),
               Turn("assistant", "The Kouwenstein dyke, north of Antwerp.")]
    assert "kouwenstein" in resolve("Why did that embankment matter?", history)


def test_resolve_that_building_to_the_place_the_last_answer_gave() -> None:
    history = [Turn("user", "Waar zat Cornelis gevangen?"),
               Turn("assistant", "In de Gevangenpoort aan het Buitenhof.")]
    assert resolve("En wat is dat gebouw nu?", history) == "Wat is Gevangenpoort nu?"


def test_resolve_its_to_the_place_a_which_question_was_answered_with() -> None:
    history = [Turn("user", "Which village had the highest death toll?"),
               Turn("assistant", "Oude-Tonge, on the island of Goeree-Overflakkee.")]
    assert resolve("And how many of its people died?", history) == \
        "How many of Oude-Tonge's people died?"
    # After a question that asked for no place, "its" is the topic, as before.
    asked = [Turn("user", "What was the Delta Committee?"),
             Turn("assistant", "A committee set up by the Dutch government.")]
    assert "its" in resolve("Who was its chairman?", asked)


def test_resolve_skips_the_word_that_opens_a_reply_and_an_adjective_of_nationality() -> None:
    history = [Turn("user", "Met wie trouwde hij?"),
               Turn("assistant", "Met Wendela Bicker, een burgemeestersdochter.")]
    assert resolve("Wanneer is zij overleden?", history) == \
        "Wanneer is Wendela Bicker overleden?"
    prince = [Turn("user", "Who was William III?"), Turn("assistant", "The prince.")]
    assert resolve("Which Dutch city did his army besiege?", prince) == \
        "Which Dutch city did William III's army besiege?"


def test_resolve_and_the_third_one_to_the_previous_question_with_that_ordinal() -> None:
    history = [Turn("user", "When did the second Moscow trial take place?"),
               Turn("assistant", "From 23 to 29 January 1937.")]
    assert resolve("And the third one?", history) == \
        "When did the third Moscow trial take place?"
    # In the previous question's language, and after "and what about".
    assert resolve("En de derde?", history) == "When did the third Moscow trial take place?"
    assert resolve("And what about the first?", history) == \
        "When did the first Moscow trial take place?"
    dutch = [Turn("user", "Wanneer begon het tweede proces?"), Turn("assistant", "In 1937.")]
    assert resolve("And the last one?", dutch) == "Wanneer begon het laatste proces?"


def test_resolve_them_next_to_a_single_name() -> None:
    history = [Turn("user", "What did Bukharin do in prison?"),
               Turn("assistant", "He wrote Stalin dozens of begging letters.")]
    assert resolve("How did Stalin react to them?", history) == \
        "How did Stalin react to them? (bukharin prison)"
    # Two names can be "they".
    assert resolve("What did Zinoviev and Kamenev say when they were tried?", history) == \
        "What did Zinoviev and Kamenev say when they were tried?"


def test_resolve_possessive() -> None:
    resolved = resolve("What was his role in the party?", KIROV_HISTORY)
    assert "Sergei Kirov's role" in resolved
    assert "his" not in resolved.split()


def test_resolve_what_about_swaps_the_subject_of_the_previous_question() -> None:
    history = [Turn("user", "What happened to Yagoda in the end?"),
               Turn("assistant", "Yagoda was tried and executed. [1]")]
    assert resolve("What about Yezhov?", history) == "What happened to Yezhov in the end?"


def test_resolve_leaves_self_contained_questions_alone() -> None:
    question = "When did Joseph Stalin come to power?"
    assert resolve(question, KIROV_HISTORY) == question
    assert resolve("How many people died in the purges?", KIROV_HISTORY) \
        == "How many people died in the purges?"
    assert resolve("When was he murdered?", []) == "When was he murdered?"


@pytest.mark.parametrize("question", ["Tell me about his death.", "Werd hij vermoord?"])
def test_resolve_a_follow_up_that_opens_with_a_verb(question: str) -> None:
    assert "Sergei Kirov" in resolve(question, KIROV_HISTORY)


def test_resolve_he_to_the_person_a_which_question_was_answered_with() -> None:
    history = [Turn("user", "Which admiral was arrested in 1921?"),
               Turn("assistant", "Admiral Pieter Bas was arrested in 1921. [1]")]
    assert resolve("What was he accused of?", history) == \
        "What was Admiral Pieter Bas accused of?"


def test_resolve_he_after_a_who_was_question_keeps_its_subject() -> None:
    history = [Turn("user", "Wie was Jan Smit?"),
               Turn("assistant", "Smit was burgemeester van Zwolle. [1]")]
    assert resolve("Wanneer stierf hij?", history) == "Wanneer stierf Jan Smit?"


def test_resolve_that_year_and_that_city_to_the_answer_given() -> None:
    history = [Turn("user", "In what year did the flood happen?"),
               Turn("assistant", "The flood happened in 1916. [1]"),
               Turn("user", "Who was blamed?"), Turn("assistant", "The dike board. [2]")]
    # (What the year was asked of is still the topic.)
    assert resolve("How many ships sank in that year?", history) == \
        "How many ships sank in 1916? (year flood happen)"
    assert resolve("How many ships sank on the Rhine in that year?", history) == \
        "How many ships sank on the Rhine in 1916?"
    city = [Turn("user", "In welke stad begon de staking?"),
            Turn("assistant", "De staking begon in Deventer. [1]")]
    assert resolve("Hoe heet die stad tegenwoordig?", city) == "Hoe heet Deventer tegenwoordig?"
    assert resolve("Who lived there?", city) == "Who lived in Deventer?"


def test_resolve_a_pronoun_before_a_name_and_a_demonstrative_noun_from_the_last_turn() -> None:
    assert resolve("What did he say when Stalin spoke?", KIROV_HISTORY) == \
        "What did Sergei Kirov say when Stalin spoke?"
    trial = [Turn("user", "When was the second lighthouse trial held?"),
             Turn("assistant", "In 1911. [1]")]
    assert "(" in resolve("Who testified at that trial in Zwolle?", trial)
    assert resolve("When did Stalin say he was ill?", KIROV_HISTORY) == \
        "When did Stalin say he was ill?"
    assert resolve("Who built that lighthouse in Zwolle?", KIROV_HISTORY) == \
        "Who built that lighthouse in Zwolle?"


def test_resolve_with_only_a_greeting_in_the_history() -> None:
    greeting = [Turn("assistant", "Hello, ask me about the documents.")]
    assert resolve("What is it?", greeting).startswith("What is it?")
    # A greeting names nobody: "Hello" is not who "he" is.
    assert resolve("What is it?", [Turn("assistant", "Hello! Ask me anything.")]) == \
        "What is it?"
    assert resolve("Wanneer stierf hij?", [Turn("assistant", "Hallo! Stel een vraag.")]) == \
        "Wanneer stierf hij?"


def test_resolve_a_possessive_name_and_a_place_that_is_no_person() -> None:
    nickname = [Turn("user", "What was Stalin's nickname?"),
                Turn("assistant", "Koba was his nickname. [1]")]
    assert resolve("Who gave him that name?", nickname) == "Who gave Stalin that name?"
    # The reply to "who" names only a place: "he" stays the question's subject.
    shot = [Turn("user", "Who shot the mayor?"),
            Turn("assistant", "The mayor was shot in Leiden. [1]")]
    assert "Leiden" not in resolve("Why did he do it?", shot)


def test_resolve_it_after_a_question_that_names_nothing_keeps_the_earlier_topic() -> None:
    history = [Turn("user", "When did the first show trial start?"),
               Turn("assistant", "It started on 19 August 1936. [1]"),
               Turn("user", "Who was the prosecutor?"),
               Turn("assistant", "Vyshinsky led the trial. [2]")]
    resolved = resolve("Where was it held?", history)
    assert "prosecutor" in resolved and "trial" in resolved


def test_the_next_sentence_that_states_what_is_asked_joins_the_answer(tmp_path: Path) -> None:
    scene = "In 1932 Ryutin wrote a letter to the committee."
    answer = "The content was only made public in 1989."
    aside = "The committee met in a large hall."
    corpus = write_corpus(tmp_path / "corpus",
                          {"letter.txt": f"Letter\n{scene} {answer} {aside}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse("When was Ryutin's letter made public?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    document_id = assistant.build.sentence(rows[scene])[0].id

    def candidate(text: str, score: float, typed: bool = True) -> Candidate:
        return replace(_candidate(rows[text], score), text=text, document_id=document_id,
                       typed=typed, similarity=score)

    best = candidate(scene, 0.95)
    margin = FAKE_CONFIG.continuation_margin
    # A text sets the scene in one sentence and answers in the next: within the margin, a
    # next sentence that states what is asked (a date) belongs to the answer.
    stated = candidate(answer, 0.95 - margin + 0.01)
    assert _continuation(best, [best, stated], scorer, FAKE_CONFIG) == stated
    too_far = candidate(answer, 0.95 - margin - 0.01)
    assert _continuation(best, [best, too_far], scorer, FAKE_CONFIG) is None
    # One that states nothing of the kind must be nearly as good as the best one.
    unstated = candidate(answer, 0.95 - margin + 0.01, typed=False)
    assert _continuation(best, [best, unstated], scorer, FAKE_CONFIG) is None
    # Unless it carries on about what the best one names: "Of them, …", "Van hen …".
    for opening in ("Of them, eight were released.", "Van hen werden er acht vrijgelaten."):
        part = replace(unstated, text=opening)
        assert _continuation(best, [best, part], scorer, FAKE_CONFIG) == part
    # Only the next sentence: a later one is no continuation.
    far = candidate(aside, 0.95)
    assert _continuation(best, [best, far], scorer, FAKE_CONFIG) is None
    # "Who was Ryutin?" is answered by the sentence that says what he was, alone.
    who = SentenceScorer(replace(analyse("Who was Ryutin?"), language="en"), retrieval,
                         assistant.build, FAKE_CONFIG)
    assert _continuation(best, [best, stated], who, FAKE_CONFIG) is None


def test_a_sentence_about_another_one_of_a_series_does_not_answer(tmp_path: Path) -> None:
    assert ordinals_in("Het tweede en laatste proces") == {2, -1}
    assert ordinals_in("What happened to him at last?") == frozenset()
    # The first of a year's may be the last of all.
    assert ordinals_in("It left on its first North American trip of the year.") == frozenset()
    assert ordinals_in("de eerste tocht van het seizoen 1937") == frozenset()
    assert ordinals_in("the first trial of 1936") == {1}
    # Nor is which one of a series a telling of the event a date is for; an irregular past
    # tells it too.
    question, config = analyse("What day did the Hindenburg depart from Frankfurt on its "
                               "last crossing?"), AnswerConfig()
    left = replace(_candidate(1, 0.95), overlap=0.5,
                   text="The Hindenburg left Frankfurt on the evening of 3 May 1937.")
    vertrok = replace(_candidate(2, 0.94), document_id="e", translated=True,
                      text="Op de avond van 4 mei 1937 vertrok de Hindenburg uit Frankfurt.")
    assert _disagreeing(left, [left, vertrok], question, config) == [vertrok]
    first = "The first storm trial began in 1954."
    second = "The second storm trial opened in Zwolle court in 1955."
    corpus = write_corpus(tmp_path / "corpus", {"trials.txt": f"Trials\n{first} {second}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    # The second sentence shares more words, but it is about the other trial.
    answer = assistant.ask("When did the first storm trial open?")
    assert answer.citations[0].quote == first


def test_a_sentence_dated_to_other_years_is_about_something_else() -> None:
    question = analyse("Who led the trial in August 1936?")
    assert other_years(question, "In June 1937 he was sentenced in a secret trial.")
    assert not other_years(question, "On 19 August 1936 sixteen men stood trial.")
    assert not other_years(question, "Fear ruled in the years 1935-1938.")  # a span covers it
    assert not other_years(question, "Vyshinsky led the trial.")
    # Asking for a date means asking for another year than the one named.
    assert not other_years(analyse("When, after 1934, did the trials start?"), "In 1936.")
    # "by 1934" holds what held before; "since 1934" what followed.
    by = analyse("Was Stalin already the undisputed ruler by 1934?")
    assert not other_years(by, "Stalin came to power in 1922.")
    assert other_years(by, "In 1938 he ruled alone.")
    since = analyse("Wie leidde de partij sinds 1934?")
    assert not other_years(since, "In 1938 leidde Jezjov de NKVD.")
    assert other_years(since, "In 1922 kwam Stalin aan de macht.")
    # A claim made small doubts the claim asked about.
    assert doubts("Stalin, die in 1934 slechts primus inter pares was, moest overtuigen.")


def test_only_names_the_question_lacks_answer_who() -> None:
    assert name_runs("Sergei Kirov died in Leningrad (now St. Petersburg). Dr. Jansen wrote.") \
        == [("kirov",), ("leningrad",), ("st", "petersburg"), ("jansen",)]
    who = analyse("Who succeeded Kirov in Leningrad?")
    # Kirov's first name, a month, a place and an adjective of nationality name no one new.
    assert new_names(who, "Sergei Kirov was shot in December in Leningrad.") == []
    assert new_names(who, "De Russische geheime dienst schoot Kirov neer.") == []
    # A place's other name is a place too.
    assert new_names(analyse("Who shot Kirov?"), "Kirov was shot in Leningrad (now "
                                                 "St. Petersburg).") == []
    assert new_names(analyse("Where was Kirov shot?"), "Kirov was shot in Leningrad (now "
                                                       "St. Petersburg).") == \
        ["leningrad", "st petersburg"]
    assert new_names(who, "Kirov was succeeded by Andrei Zhdanov.") == ["andrei zhdanov"]
    assert new_names(analyse("Who replaced Yagoda?"), "Hij verving Jagoda door Jezjov.") == \
        ["jezjov"]  # "Jagoda" is the asked "Yagoda"
    assert analyse("Waar staat de afkorting NKVD eigenlijk voor?").expect is Expect.OTHER


def test_a_name_after_a_place_preposition_and_an_article_is_no_one() -> None:
    sculptor = analyse("Which sculptor made the statue of Mayor Vos in Oudendam?")
    assert new_names(sculptor, "A statue of Mayor Vos was unveiled on the Brink in 1921.") == []
    assert new_names(sculptor, "It stands at the Westerkade in The Hague.") == []
    assert new_names(analyse("Wie hield de toespraak?"), "Op de Vismarkt sprak Anna Berg.") \
        == ["anna berg"]
    # A possessive after the article is someone's ("at the Governor's request" may name
    # him), a capital "De" begins a surname, and a ship may bear a person's name.
    assert "governor's" in new_names(sculptor, "It was cast at the Governor's request.")
    assert new_names(sculptor, "Zij wachtten op De Jong, die het beeld maakte.") == \
        ["de jong"]
    assert "karel smit" in new_names(
        sculptor, "Aan boord van de Johan Vos werkte beeldhouwer Karel Smit.")


def test_an_abbreviation_in_the_question_finds_the_name_it_abbreviates(
        tmp_path: Path) -> None:
    assert initialisms("Tweehonderd leden van het Centraal Comité stemden tegen.") == ("cc",)
    assert initialisms("Toen begon de Grote Terreur.") == ("gt",)
    assert initialisms("Toen viel Kirov.") == ()  # a one-word name abbreviates to nothing
    text = "The Royal Meteorological Institute gave a storm warning in 1953."
    files = {"storm.txt": f"Storm\n{text} Nobody listened.\n"}
    build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask("When did the RMI give a storm warning?")
    assert [c.quote for c in answer.citations] == [text]


def test_a_name_counts_up_to_two_sentences_away(tmp_path: Path) -> None:
    lamp = "Its lamp burned whale oil every night."
    supplies = "Supplies came by boat from the docks every week."
    files = {"keepers.txt": "Keepers\nJan Smit kept the Eddystone light for years. The tower "
                            f"stood on red rocks. {lamp} The keepers rowed out in spring. "
                            f"Their bread was baked on shore. {supplies}\n"}
    build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    answer = assistant.ask("What oil did the lamp of Jan Smit burn every night?")
    assert [c.quote for c in answer.citations][:1] == [lamp]
    assert assistant.ask("What came by boat for Jan Smit every week?").abstained


def test_a_place_is_no_answer_to_who() -> None:
    question = analyse("Who killed the mayor?")
    assert not matches_expectation(question, "The mayor was killed in Leiden.")
    assert matches_expectation(question, "The mayor was killed by Jan Smit.")
    assert matches_expectation(analyse("Who gave the order?"), "The order came from Jan Smit.")
    assert matches_expectation(analyse("Where was the mayor killed?"),
                               "The mayor was killed in Leiden.")


def test_a_person_is_no_answer_to_where() -> None:
    question = analyse("In welk land werd Trotski vermoord?")
    assert not matches_expectation(
        question, "Nikolayev noemde de aanhangers van Trotski, Zinovjev en Kamenev.")
    assert matches_expectation(question, "Trotski werd in 1940 in Mexico vermoord.")
    where = analyse("Where did the two ships collide?")
    for placed in ("The two ships met in the Narrows.", "The ship was bound for Bordeaux.",
                   "Hulp kwam uit het nabijgelegen Gronau.", "It sank off Kinsale."):
        assert matches_expectation(where, placed), placed
    assert not matches_expectation(where, "Captain From and pilot Hayes were killed.")
    for placed in ("The two planes collided on Tenerife.", "It sank off the coast of Ireland.",
                   "Ze botsten in de buurt van Vlissingen."):
        assert matches_expectation(where, placed), placed
    # Before a person as often, "to", "for", "at", "aan", "over" … name no place at the
    # start of a sentence or before a possessive.
    for person in ("For Stalin, the murder was a pretext.", "At Stalin's request they met.",
                   "Op Stalins bevel botsten ze.", "Stalin gaf de opdracht aan Mercader.",
                   "Trotski schreef over Stalin.", "Hij stierf bij Stalins datsja.",
                   "They met at Stalin's dacha."):
        assert not matches_expectation(question, person), person
    assert matches_expectation(question, "Trotski werd in Mexico vermoord en in Paris and "
                                         "London betreurd.")


def test_follow_ups_build_on_the_last_question_as_it_was_understood() -> None:
    history = [Turn("user", "Wie was Boecharin?"), Turn("assistant", "Boecharin was … [1]"),
               Turn("user", "Wanneer werd hij berecht?"), Turn("assistant", "In 1938. [2]")]
    assert resolve("En Rykov?", history) == "Wanneer werd Rykov berecht?"
    assert resolve("Waarom?", history) == "Waarom werd Boecharin berecht?"
    assert resolve("In which year?", history).startswith("In which year? (Wanneer werd Boech")
    # "En" before a bare question asks it of the last question as well.
    assert resolve("En waar precies?", history) == \
        "Waar precies? (Wanneer werd Boecharin berecht?)"
    killer = [Turn("user", "Who was Nikolayev?"), Turn("assistant", "A former member. [1]"),
              Turn("user", "Why did he kill Kirov?"), Turn("assistant", "Nobody knows. [2]")]
    assert resolve("Was he executed?", killer) == "Was Nikolayev executed?"


def test_which_marshal_is_the_name_the_reply_gives_that_title() -> None:
    history = [Turn("user", "Which marshal was accused of a coup?"),
               Turn("assistant", "Jezjov made him say that maarschalk Michail Toechatsjevski "
                                 "planned a coup. [1]")]
    assert resolve("What happened to him?", history) == \
        "What happened to Michail Toechatsjevski?"
    # A title after the name is its too, and what a title is of is no one.
    reply = "Karel Vos named Jan Smit, the Minister of Water Affairs."
    assert _titled(reply, "Jan Smit", "minister")
    assert not _titled(reply, "Water Affairs", "minister")
    assert not _titled(reply, "Karel Vos", "minister")
    history = [Turn("user", "Which minister set up the inquiry?"), Turn("assistant", reply)]
    assert resolve("When did he resign?", history) == "When did Jan Smit resign?"


def test_the_title_a_which_question_asked_for_is_the_name_the_reply_gave() -> None:
    history = [Turn("user", "Which marshal was accused of a coup?"),
               Turn("assistant", "Under pressure, Yagoda named Marshal Mikhail Tukhachevsky. [1]")]
    assert resolve("And when was the marshal convicted?", history) == \
        "When was Marshal Mikhail Tukhachevsky convicted?"
    # Without a name the reply itself calls "marshal", nothing is guessed.
    vague = [Turn("user", "Which marshal was accused?"), Turn("assistant", "Yagoda did. [1]")]
    assert "Yagoda" not in resolve("When was the marshal convicted?", vague)
    assert focus_words("Wat gebeurde er met hem nadat hij bekend had?", "nl") == ("bekend",)


def test_he_is_the_one_named_next_to_the_asked_name_not_the_question_word() -> None:
    history = [Turn("user", "Wie liet Stalin in maart 1937 arresteren?"),
               Turn("assistant", "In maart 1937 liet Stalin Jagoda arresteren. [1]"),
               Turn("user", "Waarvan werd hij beschuldigd?"),
               Turn("assistant", "Van verraad. [2]")]
    assert resolve("Waarvan werd hij beschuldigd?", history[:2]) == \
        "Waarvan werd Jagoda beschuldigd?"
    assert resolve("En wie moest hij daarna aanwijzen?", history) == \
        "Wie moest Jagoda daarna aanwijzen?"


def test_dutch_pronominal_adverbs_refer_back() -> None:
    history = [Turn("user", "Wat was verordening 447?"), Turn("assistant", "Een bevel. [1]")]
    assert "447" in resolve("Hoeveel mensen werden daardoor getroffen?", history)


def test_repeated_follow_ups_stay_short() -> None:
    history = [Turn("user", "What was its verdict?"), Turn("assistant", "Guilty. [1]")] * 30
    assert len(resolve("Why was it so?", history)) < 200


def test_parse_history() -> None:
    turns = parse_history([
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Who was Kirov?"},
        Turn("assistant", "A Soviet leader."),
    ])
    assert turns == [Turn("user", "Who was Kirov?"), Turn("assistant", "A Soviet leader.")]
    assert parse_history(None) == []


@pytest.mark.parametrize("history", [
    [{"role": "moderator", "content": "hi"}],
    [{"role": "user", "content": 42}],
    [{"role": "user"}],
    ["Who was Kirov?"],
    [{"role": "user", "content": "ok"}, {"role": "assistant", "content": None}],
])
def test_parse_history_rejects_malformed_turns(history: list[Any]) -> None:
    with pytest.raises(InvalidHistory, match=r"history\[\d+\]"):
        parse_history(history)


# --- retrieval ------------------------------------------------------------------------------


def test_fuse_is_reciprocal_rank_fusion() -> None:
    scores = fuse([[1, 2, 3], [3, 1]], k=60)
    assert scores[1] == pytest.approx(1 / 61 + 1 / 62)
    assert scores[2] == pytest.approx(1 / 62)
    assert scores[3] == pytest.approx(1 / 63 + 1 / 61)
    assert set(scores) == {1, 2, 3}
    assert sorted(scores, key=scores.__getitem__, reverse=True) == [1, 3, 2]
    assert fuse([], k=60) == {}


# One long document repeats the topic sentence; the short ones state it with one word more,
# which makes them a little (0.0116) less similar to the query than the long one.
TOPIC = ("Beavers build dams across cold northern rivers with branches mud stones and patience "
         "every autumn while otters watch from the reeds.")
TOPIC_SHORT = TOPIC.replace("patience", "great patience")
DIVERSITY_CORPUS = {
    "long.txt": "Field Almanac\n" + " ".join([TOPIC] * 30) + "\n",
    # The same sentence three times, so that the middle one's windows are as much on topic as
    # the long document's.
    "short_a.txt": f"River Engineers\n{TOPIC_SHORT} {TOPIC_SHORT} {TOPIC_SHORT} Their lodges "
                   "keep the family warm.\n",
    "short_b.txt": f"Field Almanac Two\n{TOPIC_SHORT} {TOPIC_SHORT} {TOPIC_SHORT} Kits stay "
                   "with their parents for two years.\n",
}


def _sources(build: IndexBuild, retriever: HybridRetriever, query: str, k: int) -> list[str]:
    sources = []
    for passage in retriever.retrieve(query, k).passages:
        document = build.document(build.chunks[passage.chunk_row].document_id)
        assert document is not None
        sources.append(document.source)
    return sources


def test_one_long_document_does_not_crowd_out_the_rest(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", DIVERSITY_CORPUS)
    build_index(corpus, tmp_path / "data")
    build = open_current(tmp_path / "data")
    assert sum(c.document_id == build.documents[0].id for c in build.chunks) >= 5
    embedder = FakeEmbedder()
    query = "beavers build dams rivers"

    # Without the penalty, the long document's slightly better sentence takes every place.
    plain = HybridRetriever(build, embedder, RetrievalConfig(diversity_penalty=0.0))
    assert _sources(build, plain, query, 4) == ["long.txt"] * 4

    diverse = HybridRetriever(build, embedder)
    sources = _sources(build, diverse, query, 4)
    assert sources[0] == "long.txt"
    assert {"short_a.txt", "short_b.txt"} <= set(sources)
    passages = diverse.retrieve(query, 4).passages
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


def test_a_passage_in_another_language_is_raised_when_passages_are_ranked(
        tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {
        "en.txt": "Beavers\nBeavers build dams on rivers. Their lodges keep the family warm.\n",
        "nl.txt": "Bevers\nBevers bouwen dammen in de rivieren. Dat doen ze al eeuwen en de "
                  "jongen blijven twee jaar bij hun ouders.\n"})
    build_index(corpus, tmp_path / "data")
    build = open_current(tmp_path / "data")
    assert {d.language for d in build.documents} == {"en", "nl"}
    retriever = HybridRetriever(build, FakeEmbedder(), RetrievalConfig(diversity_penalty=0.0))
    offset = retriever.config.cross_lingual_offset
    assert offset > 0
    for language in ("en", "nl"):
        for passage in retriever.retrieve("beavers dams", 2, language=language).passages:
            document = build.document(build.chunks[passage.chunk_row].document_id)
            assert document is not None
            raised = passage.score - passage.similarity
            assert raised == pytest.approx(offset if document.language != language else 0.0)
    # Without a language nothing is raised.
    assert all(p.score == p.similarity for p in retriever.retrieve("beavers dams", 2).passages)


# --- the assistant over a small corpus ------------------------------------------------------


def test_answer_cites_the_documents_own_sentences(main_assistant: Assistant) -> None:
    answer = main_assistant.ask("Who completed the Eddystone lighthouse?")
    assert not answer.abstained
    assert answer.citations
    assert answer.citations[0].quote == SMEATON
    assert answer.citations[0].source == "lighthouse.txt"
    assert answer.citations[0].title == "Lighthouse Keepers"
    assert "[1]" in answer.answer
    assert answer.answer.startswith(SMEATON)
    assert answer.language == "en"
    assert answer.index_build == main_assistant.build_id
    assert answer.resolved_question is None
    assert answer.passages[0].source == "lighthouse.txt"
    assert len(answer.passages) <= main_assistant.top_k
    assert_cited_exactly(main_assistant, answer)
    assert {"embed", "retrieve", "answer", "total"} <= set(answer.timings_ms)


def test_absent_topic_abstains_and_lists_related_reading(main_assistant: Assistant) -> None:
    # None of the question's words occur in the corpus.
    answer = main_assistant.ask("How many penguins nest on icebergs?")
    assert answer.abstained
    assert answer.citations == ()
    assert answer.conflicts == ()
    assert answer.answer == PHRASES["en"]["abstain"]
    assert "[1]" not in answer.answer
    assert 1 <= len(answer.passages) <= main_assistant.top_k
    assert_cited_exactly(main_assistant, answer)


def test_a_question_about_a_missing_name_abstains(main_assistant: Assistant) -> None:
    # The question's name must be found near the answer; "Zwolle" is nowhere.
    answer = main_assistant.ask("Who completed the Zwolle lighthouse?")
    assert answer.abstained
    assert answer.citations == ()


def test_an_announced_quotation_and_the_antecedent_of_this_are_cited_with_the_answer(
        tmp_path: Path) -> None:
    proposal = "The mayor proposed to close the harbour of Delfzijl for good."
    rejection = "The council rejected this proposal in a public vote."
    announcement = "The keeper of Eddystone is remembered for one famous quote."
    quotation = "“The lamp must never go out,” he wrote in his log."
    corpus = write_corpus(tmp_path / "corpus", {
        "harbour.txt": f"Harbour\n{proposal} {rejection} Ships kept sailing.\n",
        "keeper.txt": f"Keeper\n{announcement} {quotation} He retired in 1800.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")

    voted = assistant.ask("What did the council reject in a public vote?")
    assert [c.quote for c in voted.citations][:2] == [proposal, rejection]
    quoted = assistant.ask("Which famous quote is the keeper of Eddystone remembered for?")
    assert [c.quote for c in quoted.citations][:2] == [announcement, quotation]
    assert_cited_exactly(assistant, quoted)


def test_what_an_abbreviation_stands_for_is_spelled_out_in_brackets() -> None:
    question = analyse("What does the abbreviation KNMI stand for?")
    assert matches_expectation(question, "The KNMI (Royal Meteorological Institute) warned.")
    assert matches_expectation(question, "Het Koninklijk Instituut (KNMI) waarschuwde.")
    assert not matches_expectation(question, "The KNMI warned of the storm in 1953.")
    assert focus_words(question.text, "en") == ()
    # Without an abbreviation to spell out, any sentence may say what a thing stands for.
    assert matches_expectation(analyse("What does the red flag stand for?"),
                               "The red flag stands for the blood of workers.")


def test_he_is_explained_by_the_sentence_before_unless_that_one_is_unrelated(
        tmp_path: Path) -> None:
    box = "Subscribe to our free weekly newsletter today."
    lit = "He lit the lamp of the tower every night at dusk."
    named = "The keeper of the tower was Henry Hall."
    trimmed = "He trimmed the wicks of the lamp at dawn."
    corpus = write_corpus(tmp_path / "corpus", {
        "lamp.txt": f"Lamp\n{box} {lit}\n", "wicks.txt": f"Wicks\n{named} {trimmed}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")

    assert assistant.ask("What was lit every night at dusk?").citations[0].quote == lit
    assert [c.quote for c in assistant.ask("What was trimmed at dawn?").citations][:2] == \
        [named, trimmed]


@pytest.mark.parametrize("sentence", [
    "Zij bekenden in de hoop hun familie te sparen.",
    "The army lost its generals, which meant it was crippled in 1941.",
    "Met dit doel werd de dienst gezuiverd.",
    "De generaals werden gedood; het leger was daarom verzwakt.",
])
def test_purposes_and_consequences_answer_why(sentence: str) -> None:
    assert matches_expectation(analyse("Why did they confess?"), sentence)
    assert not matches_expectation(analyse("Why did they confess?"), "They confessed in 1936.")


def test_what_followed_answers_why_it_mattered_not_why_it_happened() -> None:
    effect = "They shot 81 generals, an orgy of executions that left the army crippled."
    assert matches_expectation(analyse("Why did the executions matter later on?"), effect)
    assert not matches_expectation(analyse("Why were the generals executed?"), effect)
    assert not matches_expectation(analyse("Why was he arrested?"),
                                   "He was arrested when leaving the building.")
    assert matches_expectation(analyse("Why was the treaty important?"),
                               "The treaty paved the way for the invasion.")


def test_why_is_the_sentence_before_one_that_opens_on_therefore(tmp_path: Path) -> None:
    cause = "Ingenieurs verwachtten dat het bouwwerk hooguit dertig jaar zou meegaan."
    result = "Daarom werd in 2016 een nieuwe stalen overkapping gebouwd."
    corpus = write_corpus(tmp_path / "corpus", {
        "bouw.txt": f"De bouw\nDe sarcofaag kreeg scheuren. {cause}\n\n{result} Het kostte "
                    "veel geld.\n"})
    build_index(corpus, tmp_path / "data")
    answer = make_assistant(tmp_path / "data", AnswerConfig(min_confidence=0.2)).ask(
        "Waarom werd er een nieuwe overkapping gebouwd?")
    assert [c.quote for c in answer.citations][:2] == [cause, result]


def test_a_pointer_to_a_web_page_is_no_answer(tmp_path: Path) -> None:
    pointer = "An interesting article on the flood of 1953 is at www.example.org/flood.html."
    assert is_fragment(pointer)
    assert is_fragment("More photographs of the dikes: https://example.org/dikes.")
    assert is_fragment("Dit artikel op Geschiedenisblad.nl is alleen voor abonnees.")
    assert is_fragment("According to memo.ru, 700,000 were shot.")
    assert is_fragment("Log in om als abonnee direct verder te kunnen lezen.")
    assert is_fragment("Subscribe to our free weekly newsletter today.")
    assert not is_fragment("Hij werd in 1938 geexecuteerd.De NKVD arresteerde hem later.")
    assert not is_fragment(FLOOD_A)
    files = {"flood.txt": f"The North Sea Flood\n{pointer} {FLOOD_A}\n"}
    build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask("What is said about the flood of 1953?")
    assert [c.quote for c in answer.citations] == [FLOOD_A]


def test_a_place_the_whole_document_is_about_need_not_be_in_the_answer(
        tmp_path: Path) -> None:
    assert setting_names("How many accidents were there in the Soviet Union?") == \
        [("soviet", "union")]
    assert setting_names("Hoeveel ongelukken waren er in de Sovjet-Unie?") == \
        [("sovjet", "unie")]
    assert setting_names("Who led the NKVD after Yezhov?") == []
    assert setting_names("Who led the first Moscow show trial?") == [("moscow",)]
    assert setting_names("Who drove the NKVD car?") == []  # initials name no place
    assert setting_names("Who was arrested in the NKVD car?") == []
    assert setting_names("What happened in ×?") == []
    # A name that owns the topic sets the scene too: "Stalin's purges", "Stalins zuiveringen".
    assert setting_names("Who was shot in Stalin's purges?") == [("stalin",)]
    assert setting_names("Wie stierf tijdens Stalins zuiveringen?") == [("stalins",)]
    accidents = "In 1934 there were more than 600 accidents on the tracks."
    files = {"rail.txt": "Railways\nThe railways of Friesland grew fast after 1900. Lines "
                         "reached every town of the province. Stations were built of brick. "
                         f"Freight trains carried peat and butter. {accidents}\n"}
    build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    answer = assistant.ask("How many accidents on the tracks were there in 1934 in Friesland?")
    assert [c.quote for c in answer.citations][:1] == [accidents]
    # A place the document never names still has to be found.
    assert assistant.ask("How many accidents on the tracks were there in 1934 in "
                         "Groningen?").abstained
    # Outside "in …" a name must be near the answer, as before.
    assert assistant.ask("How many Friesland accidents on the tracks were there in "
                         "1934?").abstained


def test_each_side_of_alternatives_is_answered_with_a_lower_focus_bar(
        main_assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.core as core

    seen: list[tuple[str, float]] = []
    real = core.select

    def spy(question: Question, *args: Any, **kwargs: Any) -> Any:
        seen.append((question.text, args[2].min_fallback_contribution))
        return real(question, *args, **kwargs)

    monkeypatch.setattr(core, "select", spy)
    main_assistant.ask("Were Kirov and Stalin allies or rivals?")
    config = main_assistant.answer_config
    assert seen == [("Were Kirov and Stalin allies or rivals?", config.min_fallback_contribution),
                    ("Were Kirov and Stalin allies?", config.min_focus_contribution),
                    ("Were Kirov and Stalin rivals?", config.min_focus_contribution)]


def test_a_question_that_offers_alternatives_asks_each_on_its_own() -> None:
    def split(text: str, language: str) -> list[str]:
        return split_alternatives(replace(analyse(text), language=language))

    assert split("Waren Kirov en Stalin bondgenoten of rivalen?", "nl") == \
        ["Waren Kirov en Stalin bondgenoten?", "Waren Kirov en Stalin rivalen?"]
    # A second alternative that is a clause of its own stands alone.
    assert split("Had Stalin vrij spel, of was zijn positie beperkt?", "nl") == \
        ["Had Stalin vrij spel?", "Was zijn positie beperkt?"]
    assert split("Was Kirov a rival of Stalin or rather a loyal ally?", "en") == \
        ["Was Kirov a rival of Stalin?", "Was Kirov a loyal ally?"]
    # Not "whether", "or not", nor a question that asks no yes or no.
    for text, language in (("Is bekend of Stalin opdracht gaf?", "nl"),
                           ("Was he guilty or not?", "en"),
                           ("Who shot him, Nikolayev or a guard?", "en")):
        assert split(text, language) == [], text


def test_a_question_that_asks_two_things_is_split_into_its_parts() -> None:
    assert split_compound("Op welke dag begon het eerste proces, en hoeveel mensen stonden "
                          "er terecht?") == [
        "Op welke dag begon het eerste proces?",
        "Hoeveel mensen stonden er terecht? (dag begon eerste proces)"]
    assert split_compound("How many voted against him, and what result was announced?")[1] \
        == "What result was announced? (voted)"
    # What a follow-up was resolved with goes with every part.
    assert split_compound("How many voted there, and what was announced? (party congress)") \
        == ["How many voted there? (party congress)",
            "What was announced? (voted party congress)"]
    # A follow-up that repeats a two-part question in brackets is asked as a whole.
    repeated = "Why? (On what day did it open, and how many stood trial? (first trial))"
    assert split_compound(repeated) == [repeated]
    for single in ("Who were Zinoviev and Kamenev?", "What did he do, and why?",
                   "Who decided when and where the trial would be held?",
                   "Was he shot, or what happened to him?", "When and where was he born?"):
        assert split_compound(single) == [single]


def test_each_part_of_a_two_part_question_is_answered_and_cited(
        main_assistant: Assistant) -> None:
    answer = main_assistant.ask("Who completed the Eddystone lighthouse, and how many people "
                                "did the flood of 1953 kill in the Netherlands?")
    quotes = [c.quote for c in answer.citations]
    assert quotes[0] == SMEATON
    assert len(quotes) == len(set(quotes))  # a sentence both parts chose is cited once
    assert {FLOOD_A, FLOOD_B} <= set(quotes)
    # The flood part's disagreement is found and described by its figures.
    assert len(answer.conflicts) == 1
    assert "1,836" in answer.conflicts[0].summary and "2,551" in answer.conflicts[0].summary
    assert {quotes[n - 1] for n in answer.conflicts[0].citations} == {FLOOD_A, FLOOD_B}
    assert_cited_exactly(main_assistant, answer)
    assert len(answer.citations) <= main_assistant.answer_config.max_sentences + 2


def test_documents_that_disagree_are_shown_side_by_side(main_assistant: Assistant) -> None:
    answer = main_assistant.ask("How many people did the flood of 1953 kill in the "
                                "Netherlands?")
    assert not answer.abstained
    assert len(answer.conflicts) == 1
    conflict = answer.conflicts[0]
    cited = {main_assistant.build.document(c.document_id).source  # type: ignore[union-attr]
             for c in answer.citations if c.n in conflict.citations}
    assert cited == {"flood_a.txt", "flood_b.txt"}
    quotes = {c.quote for c in answer.citations}
    assert {FLOOD_A, FLOOD_B} <= quotes
    assert "1,836" in conflict.summary and "2,551" in conflict.summary
    assert conflict.summary in answer.answer
    assert_cited_exactly(main_assistant, answer)


def test_agreeing_documents_raise_no_conflict(tmp_path: Path) -> None:
    files = dict(MAIN_CORPUS)
    files["flood_b.txt"] = files["flood_b.txt"].replace("2,551", "1,836")
    build_index(write_corpus(tmp_path / "corpus", files), tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask(
        "How many people did the flood of 1953 kill in the Netherlands?")
    assert not answer.abstained
    assert answer.conflicts == ()
    assert "⚠" not in answer.answer


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "x" * 1001])
def test_invalid_questions_are_rejected(main_assistant: Assistant, question: str) -> None:
    with pytest.raises(InvalidQuestion):
        main_assistant.ask(question)


def test_question_at_the_length_limit_is_accepted(main_assistant: Assistant) -> None:
    question = "Who completed the Eddystone lighthouse? "
    question = question + "x" * (1000 - len(question))
    assert len(question) == 1000
    assert main_assistant.ask(question).question == question.strip()


@pytest.mark.parametrize("top_k", [0, 51, -1, True, 2.0, "3"])
def test_invalid_top_k_is_rejected(main_assistant: Assistant, top_k: Any) -> None:
    with pytest.raises(InvalidQuestion, match="top_k"):
        main_assistant.ask("Who completed the Eddystone lighthouse?", top_k=top_k)


def test_top_k_limits_the_passages(main_assistant: Assistant) -> None:
    one = main_assistant.ask("How many penguins nest on icebergs?", top_k=1)
    assert len(one.passages) == 1
    many = main_assistant.ask("How many penguins nest on icebergs?", top_k=50)
    assert len(many.passages) == len(main_assistant.build.chunks)


def test_answer_to_dict_has_the_documented_shape(main_assistant: Assistant) -> None:
    answer = main_assistant.ask("Who completed the Eddystone lighthouse?")
    data = answer.to_dict()
    assert set(data) == ANSWER_KEYS
    assert set(data["citations"][0]) >= CITATION_KEYS
    assert data["citations"][0]["quote"] == SMEATON
    assert {"text", "source", "start", "end", "score"} <= set(data["passages"][0])
    json.loads(json.dumps(data))  # plain JSON


def test_conflicts_serialise_with_citation_numbers(main_assistant: Assistant) -> None:
    data = main_assistant.ask(
        "How many people did the flood of 1953 kill in the Netherlands?").to_dict()
    assert data["conflicts"] == [{"summary": data["conflicts"][0]["summary"],
                                  "citations": [1, 2]}]


def test_follow_up_is_resolved_against_the_history(main_assistant: Assistant) -> None:
    history = [{"role": "user", "content": "Who completed the Eddystone lighthouse?"},
               {"role": "assistant", "content": SMEATON + " [1]"}]
    answer = main_assistant.ask("What about Zwolle?", history)
    assert answer.resolved_question == "Who completed the Zwolle lighthouse?"
    with pytest.raises(InvalidHistory):
        main_assistant.ask("When was it completed?", [{"role": "bot", "content": "hi"}])


def test_repeated_question_is_served_from_the_cache(main_assistant: Assistant) -> None:
    first = main_assistant.ask("Who completed the Eddystone lighthouse?")
    again = main_assistant.ask("Who completed the Eddystone lighthouse?")
    assert again.timings_ms.get("cached") == 1.0
    assert again.citations == first.citations and again.answer == first.answer


@pytest.mark.parametrize(("question", "language"), [
    ("How many people died in the flood?", "en"),
    ("Who completed the Eddystone lighthouse?", "en"),
    ("Hoeveel mensen kwamen om bij de overstroming?", "nl"),
    ("Wie heeft de vuurtoren van Eddystone gebouwd?", "nl"),
    ("Wanneer werd de Oosterscheldekering geopend?", "nl"),
])
def test_detect_language(question: str, language: str) -> None:
    assert detect_language(question, ["en", "nl"]) == language


def test_dutch_question_citing_an_english_source_is_tagged(
        bilingual_assistant: Assistant) -> None:
    answer = bilingual_assistant.ask("Wanneer werd de Afsluitdijk in de Zuiderzee geopend?")
    assert answer.language == "nl"
    assert not answer.abstained
    assert answer.citations[0].quote == AFSLUITDIJK
    assert answer.citations[0].language == "en"
    assert f"{AFSLUITDIJK} [1] (Engelstalige bron)" in answer.answer
    assert "(Dutch source)" not in answer.answer
    assert_cited_exactly(bilingual_assistant, answer)


def test_english_question_citing_a_dutch_source_is_tagged(
        bilingual_assistant: Assistant) -> None:
    answer = bilingual_assistant.ask("When was the Oosterscheldekering opened by Beatrix?")
    assert answer.language == "en"
    assert not answer.abstained
    assert answer.citations[0].quote == KERING
    assert answer.citations[0].language == "nl"
    assert f"{KERING} [1] (Dutch source)" in answer.answer
    assert_cited_exactly(bilingual_assistant, answer)


def test_same_language_citation_is_not_tagged(bilingual_assistant: Assistant) -> None:
    answer = bilingual_assistant.ask("Wanneer werd de Oosterscheldekering geopend?")
    assert not answer.abstained
    assert answer.citations[0].language == "nl"
    assert "bron)" not in answer.answer and "source)" not in answer.answer


def test_dutch_abstention_is_in_dutch(bilingual_assistant: Assistant) -> None:
    # Antarctica is named nowhere in the documents, so nothing can answer.
    answer = bilingual_assistant.ask("Hoeveel pinguïns broeden op Antarctica?")
    assert answer.abstained
    assert answer.answer == PHRASES["nl"]["abstain"]


def test_status_sources_and_document(main_assistant: Assistant) -> None:
    status = main_assistant.status()
    assert status["documents"] == 3
    assert status["embedder"] == "fake:64"
    assert status["build_id"] == main_assistant.build_id
    sources = main_assistant.sources()
    assert sorted(s["source"] for s in sources) == sorted(MAIN_CORPUS)
    assert sum(s["chunks"] for s in sources) == status["chunks"]
    lighthouse = next(s for s in sources if s["source"] == "lighthouse.txt")
    document = main_assistant.document(lighthouse["id"])
    assert SMEATON in document["text"]
    assert document["title"] == "Lighthouse Keepers"


def test_is_current_and_reopen_follow_a_new_build(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", MAIN_CORPUS)
    data = tmp_path / "data"
    build_index(corpus, data)
    old = make_assistant(data)
    assert old.is_current()
    question = "When did the windmill at Kinderdijk start pumping?"
    assert old.ask(question).abstained

    (corpus / "windmill.txt").write_text(
        "Kinderdijk Mills\nThe windmill at Kinderdijk started pumping water in 1740. The mills "
        "kept the polder dry for two centuries.\n", encoding="utf-8")
    build_index(corpus, data)
    assert not old.is_current()
    new = old.reopen()
    assert new.is_current()
    assert new.build_id != old.build_id
    assert new.embedder is old.embedder
    assert new.answer_config == old.answer_config
    assert new.status()["documents"] == 4
    answer = new.ask(question)
    assert not answer.abstained
    assert answer.citations[0].source == "windmill.txt"
    assert answer.index_build == new.build_id
    # The old assistant still answers from its own, complete build.
    assert old.ask(question).abstained


def test_index_built_with_another_embedder_is_refused(tmp_path: Path) -> None:
    build_index(write_corpus(tmp_path / "corpus", MAIN_CORPUS), tmp_path / "data")
    with pytest.raises(EmbedderMismatch, match="fake:64"):
        Assistant(open_current(tmp_path / "data"), FakeEmbedder(32), data_dir=tmp_path / "data")


def test_from_settings_without_an_index_says_to_rebuild(tmp_path: Path) -> None:
    settings = Settings(corpus_dir=tmp_path / "corpus", data_dir=tmp_path / "data",
                        embedder="fake:64")
    with pytest.raises(IndexUnavailable, match="rebuild"):
        Assistant.from_settings(settings)


def test_from_settings_with_another_embedder_is_unavailable(tmp_path: Path) -> None:
    build_index(write_corpus(tmp_path / "corpus", MAIN_CORPUS), tmp_path / "data")
    settings = Settings(corpus_dir=tmp_path / "corpus", data_dir=tmp_path / "data",
                        embedder="fake:32")
    with pytest.raises(IndexUnavailable, match="rebuild"):
        Assistant.from_settings(settings)
    assistant = Assistant.from_settings(settings.model_copy(update={"embedder": "fake:64"}))
    assert assistant.build_id == open_current(tmp_path / "data").build_id


# --- evaluation -----------------------------------------------------------------------------


DOC_TEXT = {"d1": "Intro. The flood of 1953 killed 1,836 people. End.",
            "d2": "De ramp van 1953 kostte 2.551 mensen het leven."}


def citation(n: int, document_id: str, source: str, quote: str, *,
             start: int | None = None) -> Citation:
    text = DOC_TEXT[document_id]
    begin = text.find(quote) if start is None else start
    return Citation(n=n, document_id=document_id, source=source, title=source,
                    language="en", start=begin, end=begin + len(quote), quote=quote,
                    passage=text, score=0.9)


def answer_of(text: str, citations: tuple[Citation, ...] = (), *, abstained: bool = False,
              conflicts: tuple[Conflict, ...] = ()) -> Answer:
    passages = tuple(Passage(id=f"{c.document_id}:00000", document_id=c.document_id,
                             source=c.source, title=c.title, language=c.language, start=0,
                             end=len(DOC_TEXT[c.document_id]), text=DOC_TEXT[c.document_id],
                             score=c.score) for c in citations)
    return Answer(question="q", answer=text, abstained=abstained, citations=citations,
                  passages=passages, conflicts=conflicts, language="en", index_build="b")


def text_of(document_id: str) -> str:
    return DOC_TEXT[document_id]


def test_check_answer_and_citation() -> None:
    cite = citation(1, "d1", "corpus/001_flood.txt", "The flood of 1953 killed 1,836 people.")
    answer = answer_of("The flood of 1953 killed 1,836 people. [1]", (cite,))
    row = {"id": "q1", "type": "factoid", "answer_all": [["1,836", "1836"], ["flood"]],
           "passage_any": ["killed 1,836"]}
    outcome = check(row, answer, text_of)
    assert outcome == Outcome("q1", "factoid", {"offsets": True, "abstention": True,
                                                "answer": True, "recall@5": True,
                                                "cited": True}, answer.answer)
    wrong = check({**row, "answer_all": [["2,551"], ["flood"]],
                   "passage_any": ["kostte 2.551"]}, answer, text_of)
    assert wrong.checks["answer"] is False
    assert wrong.checks["cited"] is False
    assert wrong.checks["recall@5"] is False
    declined = check(row, answer_of("The documents don't say.", abstained=True), text_of)
    assert declined.checks["abstention"] is False
    assert declined.checks["answer"] is False


def test_check_unanswerable_needs_an_abstention() -> None:
    row = {"id": "u", "type": "unanswerable"}
    declined = check(row, answer_of("The documents don't say.", abstained=True), text_of)
    assert declined.checks == {"offsets": True, "abstention": True}
    cite = citation(1, "d1", "a.txt", "Intro.")
    answered = check(row, answer_of("Intro. [1]", (cite,)), text_of)
    assert answered.checks == {"offsets": True, "abstention": False}


def test_check_conflict_needs_every_source() -> None:
    a = citation(1, "d1", "corpus/001_flood.txt", "The flood of 1953 killed 1,836 people.")
    b = citation(2, "d2", "002_ramp.txt", "De ramp van 1953 kostte 2.551 mensen het leven.")
    conflict = (Conflict("The sources disagree.", (1, 2)),)
    row = {"type": "conflict", "answer_all": [["1,836"]], "sources_all": ["001_", "002_"]}
    both = check(row, answer_of("… [1] … [2]", (a, b), conflicts=conflict), text_of)
    assert both.checks["conflict"] is True
    one = check(row, answer_of("… [1]", (a,), conflicts=conflict), text_of)
    assert one.checks["conflict"] is False
    unflagged = check(row, answer_of("… [1] … [2]", (a, b)), text_of)
    assert unflagged.checks["conflict"] is False
    assert "conflict" not in check({**row, "type": "factoid"}, answer_of("x", (a, b)),
                                   text_of).checks


def test_check_offsets_fail_when_a_quote_is_not_at_its_offsets() -> None:
    good = citation(1, "d1", "a.txt", "The flood of 1953 killed 1,836 people.")
    shifted = citation(1, "d1", "a.txt", "The flood of 1953 killed 1,836 people.", start=1)
    row = {"type": "factoid"}
    assert check(row, answer_of("x [1]", (good,)), text_of).checks["offsets"] is True
    assert check(row, answer_of("x [1]", (shifted,)), text_of).checks["offsets"] is False


def test_report_rates_and_table() -> None:
    report = Report([
        Outcome("1", "factoid", {"answer": True, "offsets": True}, "a"),
        Outcome("2", "factoid", {"answer": False, "offsets": True}, "b"),
        Outcome("3", "unanswerable", {"abstention": True, "offsets": True}, "c"),
    ])
    rates = report.rates()
    assert rates["factoid"]["answer"] == 0.5
    assert rates["all"]["answer"] == 0.5
    assert rates["all"]["offsets"] == 1.0
    assert rates["unanswerable"] == {"abstention": 1.0, "offsets": 1.0}
    table = report.table().splitlines()
    assert table[0].split() == ["type", "n", "answer", "recall@5", "cited", "abstention",
                                "conflict", "offsets"]
    rows = {line.split()[0]: line.split()[1:] for line in table[2:]}
    assert list(rows) == ["factoid", "unanswerable", "all"]
    assert rows["factoid"] == ["2", "0.50", "-", "-", "-", "-", "1.00"]
    assert rows["all"][0] == "3"
    assert [o.id for o in report.failures()] == ["2"]


def test_load_questions(tmp_path: Path) -> None:
    path = tmp_path / "qa.jsonl"
    path.write_text('{"question": "Who?", "type": "factoid"}\n\n{"question": "When?"}\n',
                    encoding="utf-8")
    assert [r["question"] for r in load_questions(path)] == ["Who?", "When?"]


@pytest.mark.parametrize("bad", ['{"question": "When?"', '{"type": "factoid"}',
                                 '["question"]', '{"question": 3}'])
def test_load_questions_names_the_bad_line(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "qa.jsonl"
    path.write_text('{"question": "Who?"}\n{"question": "Why?"}\n' + bad + "\n",
                    encoding="utf-8")
    with pytest.raises(InvalidQuestion, match=r"qa\.jsonl:3:"):
        load_questions(path)


# --- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The fake embedder over the small corpus; returns the data folder (not built yet)."""
    corpus = write_corpus(tmp_path / "corpus", MAIN_CORPUS)
    data = tmp_path / "data"
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "fake:64")
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data))
    return data


@pytest.fixture
def cli_index(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["index", "rebuild", "--json"]) == 0
    capsys.readouterr()
    return cli_env


def test_cli_index_rebuild_json(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "rebuild", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["added"]) == sorted(MAIN_CORPUS)
    assert report["documents"] == 3
    assert report["build_id"] == open_current(cli_env).build_id


def test_cli_ask_json(cli_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Who completed the Eddystone lighthouse?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == ANSWER_KEYS
    assert data["question"] == "Who completed the Eddystone lighthouse?"
    assert data["index_build"] == open_current(cli_index).build_id
    assert data["passages"][0]["source"] == "lighthouse.txt"


def test_cli_ask_prints_text_without_json(cli_index: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "How many penguins nest on icebergs?", "--top-k", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(PHRASES["en"]["abstain"])
    assert "Related reading:" in out
    assert out.count("  - ") == 2


def test_cli_ask_jsonl_keeps_order_and_reports_bad_lines(
        cli_index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    requests = tmp_path / "questions.jsonl"
    requests.write_text("\n".join([
        json.dumps({"question": "Who completed the Eddystone lighthouse?"}),
        "{not json",
        json.dumps({"question": "How many penguins nest on icebergs?", "top_k": 1}),
        json.dumps({"question": "When was it finished?",
                    "history": [{"role": "user", "content": "Who completed the Eddystone "
                                                            "lighthouse?"},
                                {"role": "assistant", "content": "Smeaton. [1]"}]}),
        json.dumps({"question": "ok?", "top_k": 0}),
    ]) + "\n", encoding="utf-8")
    assert main(["ask", "--jsonl", str(requests)]) == 1  # some lines failed
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5
    assert lines[0]["question"] == "Who completed the Eddystone lighthouse?"
    assert lines[1] == {"line": 2, "error": {"code": "invalid_question",
                                             "message": lines[1]["error"]["message"]}}
    assert lines[2]["question"] == "How many penguins nest on icebergs?"
    assert len(lines[2]["passages"]) == 1
    assert lines[3]["question"] == "When was it finished?"
    assert lines[4]["line"] == 5 and lines[4]["error"]["code"] == "invalid_question"


def test_cli_ask_jsonl_all_good_exits_zero(cli_index: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    requests = tmp_path / "questions.jsonl"
    questions = ["How many penguins nest on icebergs?", "Who completed the Eddystone lighthouse?"]
    requests.write_text("".join(json.dumps({"question": q}) + "\n" for q in questions),
                        encoding="utf-8")
    assert main(["ask", "--jsonl", str(requests)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["question"] for o in out] == questions


def test_cli_ask_without_an_index_says_to_rebuild(
        cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "Who completed the Eddystone lighthouse?"])
    assert code == 12
    captured = capsys.readouterr()
    assert "rebuild" in captured.err
    assert captured.out == ""
    assert main(["ask", "Who completed the Eddystone lighthouse?", "--json"]) == 12
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "index_unavailable" and "rebuild" in error["message"]


def test_cli_ask_without_a_question(cli_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 10
    assert "question" in capsys.readouterr().err


def test_cli_eval_gates(cli_index: Path, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    questions = tmp_path / "qa.jsonl"
    questions.write_text("\n".join(json.dumps(row) for row in [
        {"id": "a", "type": "factoid", "question": "Who completed the Eddystone lighthouse?",
         "answer_all": [["Smeaton"]], "passage_any": ["John Smeaton"]},
        {"id": "b", "type": "unanswerable", "question": "How many penguins nest on icebergs?"},
    ]) + "\n", encoding="utf-8")
    assert main(["eval", str(questions)]) == 0
    table = capsys.readouterr().out
    assert "factoid" in table and "unanswerable" in table and "\nall " in table
    assert main(["eval", str(questions), "--min-answer", "1.1"]) == 1
    captured = capsys.readouterr()
    assert "below threshold: answer" in captured.err
    assert main(["eval", str(questions), "--json", "--min-offsets", "1.0"]) == 0
    rates = json.loads(capsys.readouterr().out)["rates"]
    assert rates["all"]["offsets"] == 1.0
    assert rates["unanswerable"]["abstention"] == 1.0


def test_cli_eval_rejects_a_bad_question_file(cli_index: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    questions = tmp_path / "qa.jsonl"
    questions.write_text('{"question": "Who?"}\nnot json\n', encoding="utf-8")
    assert main(["eval", str(questions)]) == 10
    assert "qa.jsonl:2:" in capsys.readouterr().err


def test_cli_eval_of_an_empty_question_file(cli_index: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    questions = tmp_path / "qa.jsonl"
    questions.write_text("\n", encoding="utf-8")
    assert main(["eval", str(questions)]) == 10
    assert "holds no questions" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["ask", "--jsonl"], ["eval"]])
def test_cli_missing_question_file_is_an_error_message(
        cli_index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        argv: list[str]) -> None:
    missing = tmp_path / "missing.jsonl"
    assert main([*argv, str(missing)]) != 0
    assert "missing.jsonl" in capsys.readouterr().err


# --- LangChain ------------------------------------------------------------------------------


def test_as_retriever_returns_langchain_documents(main_assistant: Assistant) -> None:
    from langchain_core.documents import Document

    from assistant.langchain import as_retriever

    documents = as_retriever(main_assistant, k=2).invoke("Who completed the Eddystone "
                                                         "lighthouse?")
    assert 1 <= len(documents) <= 2
    assert all(isinstance(d, Document) for d in documents)
    assert documents[0].metadata["source"] == "lighthouse.txt"
    assert documents[0].metadata["best_sentence"] == SMEATON
    for document in documents:
        meta = document.metadata
        assert document.id is not None
        chunk = main_assistant.build.chunks[main_assistant.build.chunk_row[document.id]]
        assert document.page_content == chunk.text
        assert (meta["start"], meta["end"]) == (chunk.start, chunk.end)
        text = document_text(main_assistant, chunk.document_id)
        assert text[meta["start"]:meta["end"]] == document.page_content
        assert text[meta["best_sentence_start"]:meta["best_sentence_end"]] \
            == meta["best_sentence"]


def test_as_vectorstore_searches_the_chunk_collection(main_assistant: Assistant) -> None:
    from assistant.langchain import as_vectorstore

    store = as_vectorstore(main_assistant.build, main_assistant.embedder)
    found = store.similarity_search("Who completed the Eddystone lighthouse?", k=1)
    assert len(found) == 1
    assert found[0].metadata["source"] == "lighthouse.txt"
    assert SMEATON in found[0].page_content
    with pytest.raises(EmbedderMismatch):
        as_vectorstore(main_assistant.build, FakeEmbedder(32))


def test_a_question_about_when_something_began_and_a_sentence_about_what_it_began_with(
        ) -> None:
    for text in ("When did the Great Purge begin?", "In which year did the purges start?",
                 "Wanneer begon de Grote Terreur?", "In welk jaar brak de oorlog uit?",
                 "On what date did the first trial open?", "Wanneer opende het proces?"):
        assert analyse(text).onset, text
    for text in ("When did Kirov die?", "Who started the purge?", "Why did the purge begin?",
                 "When was the open letter published?"):
        assert not analyse(text).onset, text
    assert states_onset("The murder marked the beginning of the Great Purge.")
    assert states_onset("De Grote Terreur begint met de showprocessen.")
    assert states_onset("Kirov's death triggered the purge.")
    assert not states_onset("The purge killed many party members.")


def test_years_agree_only_when_they_are_the_same() -> None:
    assert _close([(1930.0, 1930.0)], [(1936.0, 1936.0)])  # as figures: 0.3 % apart
    assert not _close([(1934.0, 1934.0)], [(1936.0, 1936.0)], exact=True)
    assert _close([(1934.0, 1934.0), (1886.0, 1886.0)], [(1934.0, 1934.0)], exact=True)


ONSET = "The drowning of Pieter Jansen marked the beginning of the Delta Works."
DROWNED = "Pieter Jansen, the dike warden of Veere, drowned on 3 March 1953 near the harbour."
DUTCH_ONSET = "De Delta Works begint met de afsluiting van het Veerse Gat."
CLOSED = "Op 21 april 1961 werd de dam gesloten."


def test_when_it_began_is_the_date_of_what_it_began_with(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{ONSET} The works were praised abroad.\n",
        "delta.txt": f"Delta\n{DUTCH_ONSET} {CLOSED} Later kwam er een wet.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    answer = assistant.ask("When did the Delta Works begin?")
    # Neither document dates the beginning itself: each says what it began with, and dates
    # that event elsewhere (the next sentence, or the one that names the same man).
    # Each event follows the sentence that names it, and the two dates disagree.
    quotes = [c.quote for c in answer.citations]
    assert quotes.index(ONSET) + 1 == quotes.index(DROWNED)
    assert quotes.index(DUTCH_ONSET) + 1 == quotes.index(CLOSED)
    [conflict] = answer.conflicts
    assert "1953" in conflict.summary and "1961" in conflict.summary
    assert {answer.citations[n - 1].quote for n in conflict.citations} == {DROWNED, CLOSED}


def test_a_date_is_borrowed_only_for_when_it_began_and_from_the_event_named(
        tmp_path: Path) -> None:
    lone = "The Storm Board marked the beginning of the reforms."
    dated_onset = "In 1950 the Pieter Jansen fund marked the beginning of the Delta Works."
    began = "The works began with the closing of the estuary."
    closed = "On 21 April 1961 the dam was closed."
    flooded = "The flooding of Veere that drowned Pieter Jansen set off the Delta Works."
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met in the old hall. {ONSET} "
                     f"The works were praised abroad. {lone} It was popular. "
                     f"In 1960 a bridge opened. {dated_onset} {began} {closed} {flooded} "
                     f"The Delta Works ended in 1997.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}

    def dating(question: str, sentence: str) -> str | None:
        analysed = replace(analyse(question), language="en")
        retrieval = assistant.retriever.retrieve(
            question, 5, assistant.embedder.embed_query(question))
        scorer = SentenceScorer(analysed, retrieval, assistant.build, FAKE_CONFIG)
        dated = _dating(scorer.candidate(rows[sentence]), scorer)
        return dated.text if dated is not None else None

    assert dating("When did the Delta Works begin?", ONSET) == DROWNED
    # Not for another question, nor for a sentence that gives a date itself.
    assert dating("When was the Delta Works praised?", ONSET) is None
    assert dating("When did the Delta Works begin?", dated_onset) is None
    # No dated sentence names the Storm Board, and the bridge of 1960 is not what it named.
    assert dating("When did the reforms begin?", lone) is None
    # The next sentence dates what the one before names, names or not.
    assert dating("When did the works begin?", began) == closed
    # A dated sentence about what is asked dates that, not the event named.
    assert dating("When did the Delta Works begin?", flooded) == DROWNED


def test_how_many_were_killed_asks_for_a_figure_told_with_a_word_of_dying() -> None:
    question = analyse("How many people were executed in the purges?")
    assert question.deaths and analyse("Hoeveel mensen werden er geëxecuteerd?").deaths
    assert not analyse("How many people were arrested?").deaths
    assert not analyse("When was he executed?").deaths  # not a count
    for told in ("Around one million members were killed.", "Van hen werden er 800.000 "
                 "geëxecuteerd.", "The flood killed 1,836 people.",
                 "Stalin jaagt honderdduizenden burgers de dood in."):
        assert counts_deaths(told) and matches_expectation(question, told), told
    # The figure counts something else; the dying is told of others.
    sentenced = "Some 20 million were sentenced to the camps, where many died in the cold."
    assert not counts_deaths(sentenced) and not matches_expectation(question, sentenced)
    assert matches_expectation(analyse("How many were sentenced?"), sentenced)


def test_how_many_is_answered_by_a_figure_rather_than_a_vague_amount() -> None:
    question, config = analyse("How many people were killed?"), AnswerConfig()
    vague = replace(_candidate(1, 0.95), text="Hundreds of thousands of people were killed.")
    figure = replace(_candidate(2, 0.95 - config.typed_margin + 0.01),
                     text="Around 800,000 people were killed.")
    assert _precise(vague, [vague, figure], question, config) == figure
    too_far = replace(figure, score=0.95 - config.typed_margin - 0.01)
    assert _precise(vague, [vague, too_far], question, config) == vague
    # A figure in words is no vague amount.
    words_ = replace(vague, text="Sixteen people were killed in the first trial.")
    assert _precise(words_, [words_, figure], question, config) == words_


def test_a_disagreement_is_looked_for_with_each_figure_of_the_answer(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": f"Purge\n{FLOOD_A}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse("How many people were executed in the purges?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    best = replace(_candidate(1, 0.95), document_id="a", overlap=0.5,
                   text="In the purges 93 of the 139 committee members were executed.")
    then = replace(_candidate(2, 0.93), document_id="a", overlap=0.5,
                   text="Around one million party members were killed.")
    rival = replace(_candidate(7, 0.90), document_id="b", translated=True,
                    text="Van hen werden er 800.000 geëxecuteerd.")
    # 93 and 800,000 count different things (over a hundredfold apart): no disagreement.
    anchor, rivals, named = _figure_disagreement(best, None, [best], [best, rival],
                                                 [best, rival], scorer)
    assert (anchor, rivals, named) == (best, [], [])
    # The answer's next figure, one million, is what the other document disagrees with.
    anchor, rivals, named = _figure_disagreement(best, None, [best, then],
                                                 [best, then, rival], [best, then, rival], scorer)
    assert (anchor, rivals, named) == (then, [rival], [])
    # Still within the disagreement margin of the best sentence, not of the later one.
    low = replace(rival, score=0.95 - FAKE_CONFIG.conflict_margin - 0.01)
    anchor, rivals, _ = _figure_disagreement(best, None, [best, then], [best, then, low],
                                             [best, then, low], scorer)
    assert rivals == []
    # A later figure that may count other things than the first one, which counts what
    # was asked, stands for nothing: "zeventien beklaagden" beside "350 toeschouwers".
    watched = replace(question, text="Hoeveel toeschouwers zaten er in de zaal?",
                      content=("toeschouwers", "zaten", "zaal"))
    seats = replace(best, text="Driehonderdvijftig toeschouwers zaten in de zaal.")
    accused = replace(then, text="Tien van de zeventien beklaagden werkten voor Zware Industrie.")
    members = replace(rival, text="93 of the 139 committee members were executed.")
    watching = SentenceScorer(watched, retrieval, assistant.build, FAKE_CONFIG)
    _, rivals, _ = _figure_disagreement(seats, None, [seats, accused], [seats, accused, members],
                                        [seats, accused, members], watching)
    assert rivals == []


def test_the_next_sentence_that_names_what_the_best_one_leaves_out_completes_it(
        tmp_path: Path) -> None:
    said = "Molotov said the stars above them were Orion."
    reply = "Kaganovich replied that it could only be Cassiopeia."
    corpus = write_corpus(tmp_path / "corpus", {"stars.txt": f"Stars\n{said} {reply}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    question = replace(analyse("Which stars did Molotov and Kaganovich argue about?"),
                       language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    document_id = assistant.build.sentence(rows[said])[0].id
    best = replace(_candidate(rows[said], 0.95), text=said, document_id=document_id,
                   own_names=0.5, typed=False)
    margin = 2 * FAKE_CONFIG.continuation_margin
    close = replace(best, row=rows[reply], text=reply, score=0.95 - margin + 0.01)
    assert _continuation(best, [best, close], scorer, FAKE_CONFIG) == close
    assert _continuation(best, [best, replace(close, score=0.95 - margin - 0.01)], scorer,
                         FAKE_CONFIG) is None
    # When the best one names all the question asks about, the next adds nothing.
    whole = replace(best, own_names=1.0)
    assert _continuation(whole, [whole, close], scorer, FAKE_CONFIG) is None


def test_a_dated_event_that_does_not_answer_leaves_the_choice_to_dated_sentences(
        tmp_path: Path) -> None:
    planned = "In 1953 the Delta Works plan was drawn up by engineers."
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{ONSET} {planned}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    question = replace(analyse("When did the Delta Works begin?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    # The focus words do not raise the sentence that names the event: it does not answer,
    # and the sentence that does give a year competes as it would without it.
    selection = select(question, retrieval, assistant.build, FAKE_CONFIG,
                       lambda row: -1.0 if row == rows[ONSET] else 1.0)
    assert not selection.abstained
    assert ONSET not in [c.text for c in selection.sentences]


def test_a_disagreement_about_when_it_began_fits_in_the_answer(tmp_path: Path) -> None:
    dutch = {f"delta{n}.txt": f"Delta {n}\n{DUTCH_ONSET} Op 21 april 196{n} werd de dam "
                              f"gesloten. Later kwam er een wet.\n" for n in range(1, 4)}
    onset = "The Delta Works began with Pieter Jansen, who drowned near the harbour."
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{onset} The works were praised abroad.\n", **dutch})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    answer = assistant.ask("When did the Delta Works begin?")
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == FAKE_CONFIG.max_sentences
    # Each side takes two sentences (the event named, then its date): of three other
    # documents that disagree, one fits beside the answer.
    [conflict] = answer.conflicts
    assert len(conflict.citations) == 2
    for n in conflict.citations:
        assert n >= 2 and quotes[n - 2] in (onset, DUTCH_ONSET)


def test_dutch_words_of_dying_and_what_they_do_not_count() -> None:
    assert analyse("Hoeveel mensen werden er terechtgesteld?").deaths
    assert counts_deaths("Ongeveer 680.000 mensen werden terechtgesteld.")
    assert counts_deaths("Zo'n 200 officieren kwamen om.")
    assert counts_deaths("Bij de watersnood kwamen 2.551 mensen om het leven.")
    assert counts_deaths("In total 2,551 people lost their lives.")
    assert counts_deaths("About 680,000 people – mostly peasants – were shot.")
    assert counts_deaths("Executions: 681,692 in two years.")
    # Not surviving is dying.
    assert analyse("Hoeveel inwoners overleefden de ramp niet?").deaths
    assert analyse("How many passengers did not survive?").deaths
    assert counts_deaths("In het dorp hebben 305 mensen de nacht niet overleefd.")
    assert not analyse("Hoeveel inwoners overleefden de ramp?").deaths
    # "Sentenced to death" asks for a count like any other, and is answered by one.
    sentenced = analyse("How many people were sentenced to death?")
    assert not sentenced.deaths
    assert matches_expectation(sentenced, "In the first trial 16 people were sentenced to death.")
    assert not counts_deaths("Zestien officieren die ter dood werden veroordeeld.")
    assert not counts_deaths("Hij werd op 12 mei doodgeschoten.")
    # A death sentence, a date, and a figure in another clause are no count of deaths.
    assert not counts_deaths("Zestien mensen werden ter dood veroordeeld.")
    assert not counts_deaths("Some 20 million were sentenced to death by the courts.")
    assert not counts_deaths("Some 20,000 were arrested; Tukhachevsky was executed in June.")
    assert not counts_deaths("Hij werd op 12 juni doodgeschoten.")


def test_a_figure_that_stands_in_keeps_the_rule_for_the_sentence_before() -> None:
    question, config = analyse("How many people were killed?"), AnswerConfig()
    first = replace(_candidate(5, 0.95), text="The purge reached the party.", typed=False,
                    own_names=1.0)
    before = replace(_candidate(4, 0.94), text="About 800,000 people were killed.",
                     own_names=0.0)
    vague = replace(_candidate(9, 0.93), text="Hundreds of thousands of people were killed.")
    # The sentence just before the best one only borrows its names: it does not stand in.
    assert _precise(vague, [first, before, vague], question, config) == vague
    elsewhere = replace(before, row=20)
    assert _precise(vague, [first, elsewhere, vague], question, config) == elsewhere


def test_dating_finds_a_name_in_any_form_and_only_a_name_excludes(tmp_path: Path) -> None:
    possessive = "Jansen's drowning marked the beginning of the Delta Works."
    watched = "Pieter Jansen drowned on 3 March 1953 while the workers watched."
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{watched} The town council met every week in the old hall. "
                     f"{possessive} The works were praised abroad.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    question = replace(analyse("When did the Delta Works begin?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    # "Jansen's", the first word, is a name; "the workers" does not name the Delta Works.
    dated = _dating(scorer.candidate(rows[possessive]), scorer)
    assert dated is not None and dated.text == watched


def test_a_dated_event_that_does_not_answer_is_no_side_either(tmp_path: Path) -> None:
    began = "In 1958 the Delta Works began, engineers said."
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{ONSET} The works were praised abroad.\n",
        "later.txt": f"Later\n{began}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    question = replace(analyse("When did the Delta Works begin?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    selection = select(question, retrieval, assistant.build, FAKE_CONFIG,
                       lambda row: -1.0 if row == rows[ONSET] else 1.0)
    texts = [c.text for c in selection.sentences]
    assert ONSET not in texts and DROWNED not in texts and not selection.conflict_groups


def test_completing_next_sentence_not_for_who_was_x(tmp_path: Path) -> None:
    said = "He was a dike warden in Veere."
    then = "Pieter Jansen drowned in 1953."
    corpus = write_corpus(tmp_path / "corpus", {"jansen.txt": f"Jansen\n{said} {then}\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    document_id = assistant.build.sentence(rows[said])[0].id
    for text, joins in (("Who was Pieter Jansen?", False),
                        ("What did Pieter Jansen do in Veere?", True)):
        question = replace(analyse(text), language="en")
        retrieval = assistant.retriever.retrieve(text, 5, assistant.embedder.embed_query(text))
        scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
        best = replace(_candidate(rows[said], 0.95), text=said, document_id=document_id,
                       own_names=0.0, typed=False)
        nxt = replace(best, row=rows[then], text=then, score=0.90)
        assert (_continuation(best, [best, nxt], scorer, FAKE_CONFIG) == nxt) is joins, text


def test_a_side_that_dates_what_it_began_with_may_score_a_little_lower(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{ONSET} The works were praised abroad.\n",
        "delta.txt": f"Delta\n{DUTCH_ONSET} {CLOSED} Later kwam er een wet.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    question = replace(analyse("When did the Delta Works begin?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    best = replace(scorer.candidate(rows[ONSET]), typed=True, score=0.98)
    anchor = scorer.candidate(rows[DROWNED])
    side = scorer.candidate(rows[DUTCH_ONSET])
    margin = FAKE_CONFIG.onset_margin
    assert margin > FAKE_CONFIG.conflict_margin
    close = replace(side, score=0.95 - margin + 0.01)
    assert [d.text for _, d in _dated_rivals(anchor, best, [best, close], scorer, set())] \
        == [CLOSED]
    far = replace(side, score=0.95 - margin - 0.01)
    assert _dated_rivals(anchor, best, [best, far], scorer, set()) == []
    # A side the search did not bring up is found among the few sentences that say what
    # something began with.
    assert rows[DUTCH_ONSET] in onset_rows(assistant.build)
    assert rows[DROWNED] not in onset_rows(assistant.build)
    low = replace(best, score=side.score + margin)
    assert [d.text for _, d in _dated_rivals(anchor, low, [low], scorer, set())] == [CLOSED]
    # In the question's language a side must share much of it: sharing a word or two, it
    # tells what something else began with.
    for overlap, found in ((0.2, []), (0.5, [CLOSED])):
        own = replace(close, translated=False, overlap=overlap)
        assert [d.text for _, d in _dated_rivals(anchor, best, [best, own], scorer, set())] \
            == found
    assert analyse("In which year did the wave of terror get under way?").onset
    assert analyse("Wanneer kwam de evacuatie van de stad op gang?").onset


def test_a_sentence_about_what_it_began_with_may_answer_from_below_the_best(
        tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{ONSET} The works were praised abroad.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    question = replace(analyse("When did the Delta Works begin?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    # A sentence with some year ranks first; the one about what the works began with is
    # dated through the drowning it names.
    first = replace(scorer.candidate(rows["The works were praised abroad."]), typed=True,
                    score=0.95)
    onset = scorer.candidate(rows[ONSET])
    assert onset.overlap > 0
    margin = FAKE_CONFIG.onset_margin
    close = replace(onset, score=0.95 - margin + 0.01)
    found, dated = _dated_onset([first, close], scorer)
    assert found is close and dated is not None and dated.text == DROWNED
    assert _dated_onset([first, replace(onset, score=0.95 - margin - 0.01)], scorer) \
        == (first, None)
    # Below the best, it must share a word with the question to be about what it asks.
    unrelated = replace(close, overlap=0.0, focus=0.0)
    assert _dated_onset([first, unrelated], scorer) == (first, None)


def test_a_side_about_when_it_began_is_the_one_most_like_the_answer(tmp_path: Path) -> None:
    other_onset = "Het protest van de vissers begint met een brief."
    letter = "Op 2 mei 1957 werd de brief verstuurd."
    corpus = write_corpus(tmp_path / "corpus", {
        "flood.txt": f"Floods\n{DROWNED} The town council met every week in the old hall. "
                     f"{ONSET} The works were praised abroad.\n",
        "delta.txt": f"Delta\n{other_onset} {letter} Later kwam er een wet. "
                     f"{DUTCH_ONSET} {CLOSED} Daarna werd het stil.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}
    question = replace(analyse("When did the Delta Works begin?"), language="en")
    retrieval = assistant.retriever.retrieve(question.text, 5,
                                             assistant.embedder.embed_query(question.text))
    scorer = SentenceScorer(question, retrieval, assistant.build, FAKE_CONFIG)
    best = replace(scorer.candidate(rows[ONSET]), typed=True, score=0.98)
    anchor = scorer.candidate(rows[DROWNED])
    # Both Dutch sentences say what something began with and date it; ranked first or
    # not, the side is the one about what the answer is about.
    sides = [replace(scorer.candidate(rows[other_onset]), score=0.96, translated=True),
             replace(scorer.candidate(rows[DUTCH_ONSET]), score=0.95, translated=True)]
    assert [d.text for _, d in _dated_rivals(anchor, best, [best, *sides], scorer, set())] \
        == [CLOSED]


def test_what_became_of_someone_is_the_sentence_that_tells_it_not_the_last_one(
        tmp_path: Path) -> None:
    fate = "After he confessed, Jan Pietersen was executed in the harbour of Delft."
    later = "After he confessed, Jan Pietersen was remembered in the harbour of Delft."
    corpus = write_corpus(tmp_path / "corpus", {
        "thief.txt": f"The thief\nJan Pietersen stole the crown jewels in 1950. {fate} "
                     f"The museum reopened. {later}\n"})
    build_index(corpus, tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask(
        "What happened to Jan Pietersen after he confessed?")
    assert not answer.abstained
    assert answer.citations[0].quote == fate


def test_the_doer_of_another_killing_does_not_answer_who_killed(tmp_path: Path) -> None:
    doer = "Dader was de jonge Leonid Nikolayev uit Leningrad."
    corpus = write_corpus(tmp_path / "corpus", {
        "moord.txt": f"De moord\nKirov werd in december vermoord in Leningrad. {doer} "
                     "Zinovjev werd later berecht in Moskou.\n"})
    build_index(corpus, tmp_path / "data")
    assistant = make_assistant(tmp_path / "data")
    rows = {assistant.build.sentence(r)[1].text: r
            for r in range(len(assistant.build.sentence_spans))}

    def candidate(text: str) -> Candidate:
        question = replace(analyse(text), language="nl")
        retrieval = assistant.retriever.retrieve(
            question.text, 5, assistant.embedder.embed_query(question.text))
        return SentenceScorer(question, retrieval, assistant.build,
                              FAKE_CONFIG).candidate(rows[doer])

    # The killing before the doer names Kirov: he answers for Kirov, not for Zinovjev,
    # whom the sentence after names.
    assert candidate("Wie was de dader van de moord op Kirov?").typed
    assert not candidate("Wie was de dader van de moord op Zinovjev?").typed


def test_a_who_question_is_not_answered_by_a_label_a_place_or_a_thing() -> None:
    mayor = analyse("Who was mayor of Heerdam at the time of the flood?")
    assert new_names(mayor, "The Heerdam flood (Dutch: Heerdamse ramp) was the breach of "
                            "a dike in the centre of Heerdam.") == []
    assert ("indonesian",) not in name_runs("The volcano (Indonesian: Gunung Api) erupted.")
    garden = analyse("Who designed the garden?")
    assert new_names(garden, "Waar vroeger de Brug-school stond, ligt nu een tuin.") == []
    manager = analyse("Who was the manager of the mine?")
    assert new_names(manager, "De ingenieur van de gemeente Oud Heerdam schreef een brief "
                              "aan de mijn.") == []
    assert new_names(manager, "The engineer of the town of Heerdam wrote to the mine.") == []
    statue = analyse("Which sculptor made the statue of the brothers?")
    assert statue.expect is Expect.PERSON
    assert analyse("Welke schilder maakte het portret?").expect is Expect.PERSON
    assert analyse("Which architect built the church?").expect is Expect.PERSON
    assert new_names(statue, "The statue was made by the sculptor Jan Smit.") == ["jan smit"]
    # … but one whose city it is, one stood up to, or one with a double name is someone.
    assert new_names(statue, "Heerdam, de stad van Vermeer, kreeg een beeld.") == ["vermeer"]
    assert new_names(statue, "The mob turned on the Emperor Franz Joseph.") == \
        ["emperor franz joseph"]
    assert new_names(statue, "Het beeld is van mevrouw Smit-de Vries.") == ["smit-de vries"]
    # Where something came from is a place: "arrived from Marrow", "een lading uit Terrano";
    # not any "from", nor a Dutch possessive after "uit".
    assert new_names(statue, "The marble had been shipped from Marrow in the spring.") == []
    assert new_names(statue, "Het beeld kwam met een lading uit Terrano.") == []
    assert new_names(statue, "A letter arrived from Jansen.") == ["jansen"]
    assert new_names(statue, "A letter from Mr Jansen arrived.") == ["mr jansen"]
    assert new_names(statue, "The sculptor returned from General Smit.") == ["general smit"]
    assert new_names(statue, "Hij kreeg hulp uit Jansens hand.") == ["jansens"]
    # A listed adjective may be who is asked: "an American crew".
    assert name_runs("He was saved by an American crew.") == [("american",)]
    assert name_runs("She thanked Piet Dutch and left.") == [("piet", "dutch")]
    # Months and days are no one: "on 6 May", "that Saturday".
    assert new_names(statue, "It was unveiled on 6 May, a Saturday.") == []
    # Where-questions still take the place: "de gemeente Ede" is where.
    assert new_names(analyse("Where did the engineer live?"),
                     "Hij woonde in de gemeente Ede.") == ["ede"]


def test_who_made_something_is_answered_by_a_sentence_that_tells_it(tmp_path: Path) -> None:
    assert making_words(focus_words("Which artist designed the fountain in Heerdam?", "en")) \
        == ("designed",)
    # A noun for what was made tells no making: "The building was opened by …".
    assert tells_making("Het werd ontworpen door Piet Bakker.") and tells_making("built by him")
    assert not tells_making("The building was opened by Jan Smit.")
    opened = ("In 1931 a fountain was opened in Heerdam by mayor Jan Smit. "
              "Thousands came to the ceremony.")
    question = "Who designed the fountain in Heerdam?"
    assert _ask_about(tmp_path, "The fountain", opened, question).abstained
    designed = "The fountain in Heerdam was designed by the artist Piet Bakker."
    answer = _ask_about(tmp_path / "told", "The fountain", f"{opened} {designed}", question)
    assert not answer.abstained and "Piet Bakker" in answer.answer


def test_who_was_with_a_title_and_no_article_asks_for_its_bearer(tmp_path: Path) -> None:
    assert asked_role("Who was mayor of Heerdam in 1807?") == ("mayor",)
    assert asked_role("Wie was burgemeester van Heerdam?") == ("burgemeester",)
    # (A Dutch question may tell the time first.)
    assert asked_role("Wie was in mei 1862 burgemeester van Heerdam?") == ("burgemeester",)
    assert asked_role("Wie waren in 1862 de burgemeesters van Heerdam?") == ("burgemeesters",)
    # (An article is a word of its own: not "stijds" in "destijds".)
    assert asked_role("Wie was destijds burgemeester?") == ()
    assert asked_role("Wie was in 1862 Jan Smit?") == ()
    # Not a word that is no title, nor a title before a name: "Who was General Smith?"
    # asks who that one was.
    assert asked_role("Who was executed first?") == ()
    assert asked_role("Who was General Smith?") == ()
    assert asked_role("Wie was burgemeester Van der Laan?") == ()
    assert asked_role("Who was General Smith, and which judge tried him?") == ("judge",)
    fire = "In 1807 a mill exploded in Heerdam. Fire engines came from Delft and Gouda."
    question = "Who was mayor of Heerdam in 1807?"
    assert _ask_about(tmp_path, "The explosion", fire, question).abstained
    told = "In 1807 the mayor of Heerdam was Jan Smit, who led the rescue."
    answer = _ask_about(tmp_path / "told", "The explosion", f"{fire} {told}", question)
    assert not answer.abstained and "Jan Smit" in answer.citations[0].quote


def test_the_years_after_a_name_say_when_its_bearer_was_born_and_died(tmp_path: Path) -> None:
    assert asks_life_year("In which year was he born?")
    assert asks_life_year("Wanneer overleed Jan Smit?")
    assert asks_life_year("When did Jan Smit die?")
    assert not asks_life_year("In which year did the mill burn down?")
    # (the Dutch "die" is "which")
    assert not asks_life_year("Wanneer werd de kerk gebouwd die Jan Smit ontwierp?")
    assert gives_lifespan([("smit",)], "the murder of Jan Smit (1850-1920), party secretary")
    assert gives_lifespan([("smit",)], "Jan Smit (c. 1590 – 1650)")
    assert not gives_lifespan([("smit",)], "the murder of Jan Smit in 1920 (in Delft)")
    assert not gives_lifespan([("bakker",)], "the murder of Jan Smit (1850-1920)")
    # A ruler's or an office holder's years are no lifetime.
    assert not gives_lifespan([("willem", "iii")], "Willem III (1672-1702) was stadhouder.")
    assert not gives_lifespan([("smit",)], "Burgemeester Smit (1802-1810) liet de dijk bouwen.")
    text = ("Jan Smit was murdered in Gouda in 1920. The trial dealt with the murder of "
            "Jan Smit (1850-1920), the town's party secretary.")
    answer = _ask_about(tmp_path, "The murder", text, "In which year was Jan Smit born?")
    assert not answer.abstained and "1850" in answer.answer


def test_a_middle_initial_is_part_of_a_name() -> None:
    text = "In 1871 Otto K. Brandt bought the mill. Then Brandt left."
    assert [text[a:b] for a, b in capitalised_runs(text)] == ["In 1871", "Otto K. Brandt",
                                                             "Then Brandt"]
    assert asks_life_year("When did Otto K. Brandt die?")
    told = "The order came from Charles I. Then Cromwell ruled."
    assert [told[a:b] for a, b in capitalised_runs(told)] == ["The", "Charles I", "Then Cromwell"]


def test_a_sentence_that_tells_the_death_asked_answers_when_someone_died() -> None:
    names = [("otto", "brandt")]
    question = "When did Otto K. Brandt die?"
    assert tells_life_event(names, question, "Brandt stierf in 1893; zijn zoon volgde hem op.")
    assert tells_life_event(names, question, "After the death of Brandt in 1893 the mill shut.")
    assert tells_life_event(names, "In welk jaar is Brandt overleden?", "Hij overleed in 1893.",
                            before="Brandt werd daarna lid van de raad.")
    assert tells_life_event(names, question, "In 1893 overleed Brandt in zijn molen.")
    # Not another's death.
    assert not tells_life_event(names, question, "Brandt's wife died in 1880.")
    assert not tells_life_event(names, question, "Brandt reported the death of Kok in 1880.")
    assert not tells_life_event(names, question, "She died in 1880.",
                                before="Otto Brandt married Anna Kok.")
    assert not tells_life_event(names, question, "Hij overleed in 1893.",
                                before="De molen werd daarna verkocht.")
    # (The Dutch "die" is "who"; a year is needed; a birth is not a death.)
    assert not tells_life_event(names, question, "Brandt, die in 1893 de molen kocht, won.")
    assert not tells_life_event(names, question, "Brandt died soon after.")
    assert tells_life_event(names, "When was Brandt born?", "Brandt was born in 1840.")
    assert not tells_life_event(names, "When was Brandt born?", "Brandt died in 1893.")
    # Only a question that asks that alone: not when his wife died.
    assert asks_life_event_only(("die",)) and asks_life_event_only(("overleden",))
    assert not asks_life_event_only(("wife", "die"))
    assert asks_life_year("In welk jaar is Karel Smit gestorven?")
    # The year must be near the name: another event's year is no year of the death.
    storm = ("De storm van november 1911 verwoestte de haven en alle schuren van de polder, "
             "ook de boerderij van Kok, de man in wiens huis Brandt stierf.")
    assert not tells_life_event(names, question, storm)
    assert tells_life_event(names, question, storm, dated=False)
    assert tells_life_event(names, question, "Otto Brandt died at his home in Ommen on 3 March "
                            "1893.")
    assert tells_life_event(names, "In welk jaar is Brandt overleden?", "Hij overleed in 1893.",
                            before="Burgemeester Otto Brandt werd lid van de raad.")
    assert asks_life_event_only(focus_words("In welk jaar is Karel Smit gestorven?", "nl"))
    # A first name alone is another's: "Otto XIV" is not Otto Brandt.
    assert not tells_life_event(names, question, "Na de dood van Otto XIV in 1802 viel het rijk.")
    assert not tells_life_event(names, question, "Otto Kok died in 1880.")
    assert tells_life_event(names, question, "In 1893 was Otto Karel Brandt overleden.")
    assert tells_life_event([("koning", "otto", "xiv")], "When did King Otto XIV die?",
                            "Otto XIV died in 1802.")


def test_a_question_for_a_trade_asks_a_title() -> None:
    assert asks_trade("What was Karel Smit's job?") and asks_trade("Wat was zijn beroep?")
    assert asks_trade("Welk vak leerde hij als jongen?")
    assert asks_trade("Wat was het vak van zijn vader?")
    assert not asks_trade("What work did he do?")
    assert asks_trade("What did Karel Smit do for a living?")
    assert asks_trade("Hoe verdiende hij de kost?") and not asks_trade("Wat kost de kaart?")
    assert trade_share(focus_words("What did Karel Smit do for a living?", "en")) == 1.0
    # (An appeal is no trade, nor a stand.)
    assert not asks_trade("Wat besliste het hof in hoger beroep?")
    assert not asks_trade("Ging hij in beroep tegen het vonnis?")
    assert not asks_trade("Tekende hij beroep aan?")
    assert not asks_trade("Deed hij een beroep op de koning?")
    assert not asks_trade("Hoeveel kostte een kaart voor vak C?")
    assert names_title("Karel Smit, the village schoolmaster, wrote it down.")
    assert names_title("Hij was de zoon van de portretschilder Karel Smit.")
    assert names_title("Burgemeester Karel Smit leidde de hulp.")
    assert not names_title("Karel Smit wrote it down.")
    assert not names_title("Karel Smit (Visser) wrote it down in the nachtvorst.")
    # What follows an age describes the person: "a 24-year-old weaver", not "a 30-year-old man".
    assert names_title("Anna Kok, then a 24-year-old lace maker, hid them.")
    assert names_title("De 42-jarige stoker Karel Smit sprong overboord.")
    assert not names_title("Anna Kok, then a 24-year-old woman from Ommen, hid them.")
    assert not names_title("De 42-jarige Karel Smit sprong overboord.")
    assert trade_share(focus_words("What was Karel Smit's job?", "en")) == 1.0


def test_where_someone_came_from_and_their_party_are_told_in_forms_of_their_own() -> None:
    assert origin_share(focus_words("Uit welk dorp kwam zij?", "nl")) == 0.5
    assert tells_origin("Het jongste slachtoffer was een scholier uit Pergola.")
    assert tells_origin("The youngest was a schoolboy from Pergola, aged ten.")
    assert not tells_origin("The youngest was a schoolboy from the town, aged ten.")
    assert not tells_origin("He worked there from Monday until January 1920.")
    assert party_share(("political", "party", "belong")) == 2 / 3
    assert party_share(("threw", "party")) == 0.5 and party_share(("political", "view")) == 0
    assert party_share(("welke", "partijen")) == 0.5
    smit = [("karel", "smit")]
    assert tells_party(smit, "Minister Karel Smit (CDA) kwam onder vuur te liggen.")
    assert tells_party([("joop", "mol")], "Wethouder Joop Mol (D66) trad af.")
    assert not tells_party(smit, "Karel Smit (65) kwam onder vuur te liggen.")
    assert not tells_party(smit, "Karel Smit (Amsterdam) kwam onder vuur te liggen.")
    assert not tells_party(smit, "Karel Smit joined the Royal Air Force (RAF).")


def test_whether_someone_survived_is_told_by_their_death_or_survival() -> None:
    assert survival_share(("survive", "disaster")) == 0.5
    assert survival_share(("make", "alive")) == 0.5 and survival_share(("ship",)) == 0
    keeper = [("jan", "vos")]
    assert tells_survival(keeper, "Brugwachter Vos en twee knechten kwamen om.")
    assert tells_survival(keeper, "Jan Vos died at his post.")
    assert tells_survival(keeper, "Jan Vos and his son survived the night on the roof.")
    assert tells_survival(keeper, "Hij overleed de volgende dag.", before="Vos werd gevonden.")
    assert tells_survival(keeper, "Jan Vos drowned that night.")
    assert not tells_survival(keeper, "Hij overleed de volgende dag.", before="De brug viel.")
    assert not tells_survival(keeper, "Jan Vos rang the bell for an hour.")
    assert not tells_survival(keeper, "Vos haalde de doden uit het water.")
    assert not tells_survival(keeper, "Vos reported that 30 people had died.")


def test_a_count_of_more_counts_what_the_one_before_it_counts() -> None:
    text = "The blast killed some 300 people and injured about 900 more."
    assert counts_asked(("horses",), text) is False
    assert counts_asked(("people",), text) is True
    assert counts_asked(("horses",), "About 900 more were hurt.") is None


def test_an_age_in_brackets_after_a_name_is_no_count() -> None:
    assert bracketed_ages("De oudste was Greet Mol (81), die in haar huis verdronk.") == {81.0}
    assert bracketed_ages("De meeste doden vielen in Oosterhoeve (45).") == frozenset()
    how_many = replace(analyse("How many witnesses were heard?"), language="en")
    assert ranges_of(how_many, "De oudste getuige was Greet Mol (81).") == []
    assert ranges_of(how_many, "Zo'n 400 getuigen werden gehoord.") == [(400.0, 400.0)]
    how_old = replace(analyse("How old was Greet Mol?"), language="en")
    assert ranges_of(how_old, "De oudste getuige was Greet Mol (81).") == [(81.0, 81.0)]


def test_words_for_writing_speaking_and_collapsing_find_the_other_language() -> None:
    assert focus_overlap(("schreef", "boek"), "He wrote about it in his memoir.") == 1.0
    assert focus_overlap(("gesprekken",), "She spoke with the fishermen.") > 0
    assert focus_overlap(("onderscheiding",), "He was awarded the Albert Medal.") > 0
    assert focus_overlap(("collapse",), "Om 16.20 uur bezweek de sluis.") > 0


def test_a_time_told_as_about_reaches_a_little_way_and_a_part_of_the_day() -> None:
    # Told to the quarter, ten minutes either side; a round hour, a quarter hour.
    assert times_in("Omstreeks half vijf in de middag brak de dijk.") == \
        [("half vijf", 980, 1000)]
    assert times_in("Omstreeks kwart over elf in de ochtend brak de dijk.") == \
        [("kwart over elf", 665, 685)]
    assert times_in("Rond vier uur in de middag brak de dijk.") == [("vier uur", 945, 975)]
    assert [low for _, low, _ in times_in("om drie uur in de nacht")] == [180]
    assert [low for _, low, _ in times_in("om twaalf uur in de nacht")] == [0]
    assert [low for _, low, _ in times_in("at midnight")] == [0]


def test_how_many_of_a_kind_takes_the_sentence_that_counts_that_kind() -> None:
    brought = replace(_candidate(3, 0.90), text="On 19 May 1950 sixteen people were brought "
                                               "before the court in the Town Hall.")
    watched = replace(_candidate(4, 0.86), text="Three hundred and fifty spectators, mostly "
                                               "police agents, attended the session.")
    config = AnswerConfig()
    asked = replace(analyse("How many spectators attended the trial in May 1950?"),
                    language="en")
    assert _counting(brought, [brought, watched], asked, config) is watched
    # People at large may be any who took part; a sentence that counts what was asked stays.
    people = replace(analyse("How many people attended the trial in May 1950?"), language="en")
    assert _counting(brought, [brought, watched], people, config) is brought
    assert _counting(watched, [watched, brought], asked, config) is watched


def test_a_name_after_or_and_an_article_is_an_alternative_to_a_common_word() -> None:
    assert question_names("Hoeveel mensen kwamen in de kampen of de Goelag terecht?") == []
    assert question_names("How many were sent to the camps or the Gulag?") == []
    # (Not one name against another.)
    assert question_names("Was Jansen a friend of Smit or the Tsar?") == \
        [("jansen",), ("smit",), ("tsar",)]


def test_examples_are_read_from_the_corpus_folder_only(tmp_path: Path) -> None:
    from assistant.examples import EXAMPLES_FILE, MAX_EXAMPLE_CHARS, load_examples

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert load_examples(corpus) == []
    lines = ["# comments and blank lines are skipped", "", "Who built  the mill?",
             "Who built the mill?", "x" * (MAX_EXAMPLE_CHARS + 1), "Wie bouwde de molen?",
             "When did it burn?"]
    (corpus / EXAMPLES_FILE).write_text("\n".join(lines), encoding="utf-8")
    assert load_examples(corpus) == ["Who built the mill?", "Wie bouwde de molen?",
                                     "When did it burn?"]
    assert load_examples(corpus, limit=2) == ["Who built the mill?", "Wie bouwde de molen?"]
    assert load_examples(corpus, limit=0) == []
    # A byte order mark is no part of the first line; a line cut off at the size cap is no
    # question.
    (corpus / EXAMPLES_FILE).write_bytes("\ufeff# note\nWho?\n".encode() + b"x" * 70_000)
    assert load_examples(corpus) == ["Who?"]
    # A link that leads outside the corpus is not followed.
    outside = tmp_path / "secret.txt"
    outside.write_text("Do not show this\n", encoding="utf-8")
    (corpus / EXAMPLES_FILE).unlink()
    (corpus / EXAMPLES_FILE).symlink_to(outside)
    assert load_examples(corpus) == []
    # The file is no document: an index of the folder does not read it.
    from index.loading import load_corpus

    (corpus / EXAMPLES_FILE).unlink()
    (corpus / EXAMPLES_FILE).write_text("Who built the mill?\n", encoding="utf-8")
    (corpus / "mill.txt").write_text("The mill was built in 1650.\n", encoding="utf-8")
    assert [d.source for d in load_corpus(corpus, 10_000).documents] == ["mill.txt"]


def test_the_name_of_one_described_stands_beside_the_word_for_them(tmp_path: Path) -> None:
    roles = frozenset({"fotograaf"})
    far = "Deze fotograaf had net een collega-fotograaf verloren: hij werd door de NKVD opgepakt."
    assert not _beside_role(roles, ["nkvd"], far)
    assert _beside_role(roles, ["piet smit"], "Piet Smit, een fotograaf, legde de brand vast.")
    assert _beside_role(roles, ["o'brien"], "De fotograaf, O'Brien, legde de brand vast.")
    # … or told as the name further on
    assert _beside_role(frozenset({"kok"}), ["piet smit"],
                        "De kok aan boord van het schip was Piet Smit.")
    # (not the role's word inside the name: "son" in "Johnson")
    assert not _beside_role(frozenset({"son"}), ["johnson"],
                            "According to Johnson the crash was survived by one boy.")
    question = "Hoe heette de fotograaf die de brand vastlegde?"
    assert _ask_about(tmp_path, "De brand", far, question).abstained


def test_the_name_of_a_thing_may_be_a_word_made_with_the_word_for_it(tmp_path: Path) -> None:
    assert is_thing_noun("theorie") and is_thing_noun("beweging") and is_thing_noun("theory")
    for word in ("kok", "scheepsarts", "krant", "fotograaf", "stad", "partij"):
        assert not is_thing_noun(word), word
    # (a compound called the name, not any compound: "hoofdstad", "arbeiderspartij")
    assert _named_compound(frozenset({"theorie"}), "Deze zogeheten belegeringstheorie gold.")
    assert not _named_compound(frozenset({"theorie"}), "De belegeringstheorie gold.")
    files = {"stad.txt": "De stad\nMen meende dat de stad door vijanden omringd was. Deze "
                         "zogeheten belegeringstheorie moest de muren rechtvaardigen.\n"}
    scorer = _scorer(tmp_path, files, "Hoe heet de theorie dat de stad omringd was?",
                     AnswerConfig())
    scorer = SentenceScorer(replace(scorer.question, language="nl"), scorer.retrieval,
                            scorer.build, AnswerConfig())
    build = scorer.build
    typed = {build.sentence(row)[1].text[:4]: scorer.candidate(row).typed
             for row in range(len(build.sentence_vectors))}
    assert typed == {"De s": False, "Men ": False, "Deze": True}


def test_an_elided_particle_keeps_a_name_whole() -> None:
    assert names("The land was owned by the Prince d'Elbeuf.") == ["Prince d'Elbeuf"]
    assert name_runs("The land was owned by the Prince d'Elbeuf.") == [("prince", "d'elbeuf")]
    history = [Turn("user", "Who found the town?"),
               Turn("assistant", "Workmen digging a well hit marble on land owned by the "
                                 "Prince d'Elbeuf.")]
    assert resolve("What did he do with the finds?", history) == \
        "What did Prince d'Elbeuf do with the finds?"


def test_an_age_told_of_a_child_bare_or_after_aged() -> None:
    how_old = replace(analyse("Hoe oud was Piet Smit toen hij stierf?"), language="nl")
    assert matches_expectation(how_old, "Het jongste slachtoffer was Piet Smit, een jongen "
                                        "van 11 jaar uit Gouda.")
    assert matches_expectation(how_old, "Piet Smit was twelve and at school when it began.")
    assert matches_expectation(how_old, "Piet Smit, a schoolboy aged just 10, died too.")
    # Not a word that is no number, a number no life reaches, a measure, or a figure of
    # something else beside the name.
    assert not matches_expectation(how_old, "Piet Smit was aged and frail.")
    assert not matches_expectation(how_old, "Piet Smit was 120 and more.")
    assert not matches_expectation(how_old, "Piet Smit was a man of 6 feet.")
    assert not matches_expectation(how_old, "The death toll at Piet Smit's mine was 1,836.")
    assert not matches_expectation(how_old, "The toll at Piet Smit's mine was 39, and more.")
    assert not matches_expectation(how_old, "In the final standings Piet Smit was 12.")
    assert not matches_expectation(how_old, "Piet Smit was a man of 6 ft.")
    assert matches_expectation(how_old, "Piet Smit, who was 12, died in the fire.")


def test_lives_claimed_or_cost_are_deaths() -> None:
    assert counts_deaths("The uprising cost the lives of 565 soldiers and 120 islanders.")
    assert counts_deaths("The fire claimed 39 lives.")
    assert counts_deaths("De ramp kostte 39 mensen het leven.")
    assert counts_deaths("De opstand eiste 565 levens.")
    # (with an aside in brackets between)
    assert counts_deaths("Drieduizend agenten (de oude geheime politie) werden omgebracht.")
    assert not counts_deaths("The war cost 3 million dollars.")
    assert not counts_deaths("It took 39 minutes, saving lives.")
    assert not counts_deaths("Rescuers took 12 hours; many lives were saved.")
    assert not counts_deaths("The crew took 12 life jackets aboard.")
    assert not counts_deaths("De reis kostte 200 gulden en veranderde het leven van het gezin.")
    assert not counts_deaths("The bank was liquidated and 300 employees lost their jobs.")
    assert not counts_deaths("Doctors claimed 40 lives could be saved.")
    assert analyse("How many lives did the fire claim?").deaths
    assert analyse("How many lives were lost?").deaths
    assert analyse("Hoeveel mensenlevens eiste de brand?").deaths
    assert not analyse("How many lives were saved by the lifeboats?").deaths


def test_a_place_set_out_from_and_a_successor_told_after_a_clause() -> None:
    where = replace(analyse("Vanuit welke havenstad kwamen de versterkingen?"), language="nl")
    assert matches_expectation(where, "Op 3 mei zetten de soldaten vanuit Harlingen "
                                      "driehonderd man over.")
    # ("vanaf" is mostly about time)
    assert not matches_expectation(where, "Vanaf Pasen kwamen er elke week versterkingen.")
    after = replace(analyse("Who took over from Joe Smith?"), language="en")
    assert after.succession
    assert matches_expectation(after, "It was the last match of manager Joe Smith, who had "
                                      "announced his retirement and was succeeded by Ken Dale.")
    assert matches_expectation(after, "Joe Smith resigned and was succeeded by Ken Dale.")
    assert matches_expectation(after, "Manager Joe Smith resigned and was replaced by Ken Dale.")
    # Whom "who" is about is unsure; one named later may be the object; a clause may have
    # its own subject.
    assert not matches_expectation(after, "Joe Smith praised Jan Bakker, who was succeeded by "
                                          "Ken Dale.")
    assert not matches_expectation(after, "Later Jan Bakker praised Joe Smith and was replaced "
                                          "by Ken Dale.")
    assert not matches_expectation(after, "Bakker fired Joe Smith and was succeeded by Dale.")
    assert not matches_expectation(after, "Joe Smith, who saw that his coach Tom Brown was "
                                          "replaced by Ken Dale, stayed on.")
    assert matches_expectation(after, "Joe Smith, who announced that he would retire, was "
                                      "succeeded by Ken Dale.")
    assert matches_expectation(after, "The coach Joe Smith resigned and was succeeded by Dale.")


def test_which_player_asks_for_a_person_and_learning_that_is_a_reason() -> None:
    assert analyse("Which Ajax player was brought down?").expect is Expect.PERSON
    assert analyse("Welke speler scoorde?").expect is Expect.PERSON
    assert analyse("Which player positions exist?").expect is Expect.OTHER
    why = replace(analyse("Why did the soldiers revolt in April?"), language="en")
    assert matches_expectation(why, "When the soldiers learned that they were to be sent to "
                                    "the front, they decided to strike.")
    assert not matches_expectation(why, "The soldiers revolted in April.")
    stationed = replace(analyse("Why were the soldiers stationed near the Smit plant?"),
                        language="en")
    assert not matches_expectation(stationed, "They were stationed near the Smit plant, which "
                                              "made rifles for the army.")


def test_a_country_or_people_is_named_in_either_language() -> None:
    asked = question_names("How old was Jan Zijl when the Germans executed him?")
    assert name_coverage(asked, words("Door de Duitsers werd de 17-jarige Jan Zijl "
                                      "gefusilleerd.")) == 1.0
    assert name_coverage([("belgium",)], words("de verkiezingen in België")) == 1.0
    assert name_coverage([("ussr",)], words("de Sovjet-Unie als belegerd eiland")) == 1.0
    assert name_coverage([("germans",)], words("de Fransen trokken zich terug")) == 0.0
    # Not a word that is also a common one, nor one word of a longer name.
    assert name_coverage([("poland",)], words("Telegraph poles fell")) == 0.0
    assert name_coverage([("new", "england")], words("The English coast")) == 0.0


def test_a_part_of_the_dead_answers_when_asked_for() -> None:
    text = "Bij de brand vielen 200 doden, van wie dertig in de eerste week."
    week = replace(analyse("Hoeveel mensen kwamen in de eerste week om het leven?"),
                   language="nl")
    assert asked_part(week, text) == "van wie dertig in de eerste week."
    total = replace(analyse("Hoeveel mensen kwamen om het leven?"), language="nl")
    assert asked_part(total, text) == "Bij de brand vielen 200 doden"


def test_a_number_that_names_a_unit_is_no_count() -> None:
    assert labels_in("The rebels belonged to Infantry Regiment 417, a unit of the army.") \
        == {417.0}
    assert labels_in("On 3 May 1921 the minister signed Order No. 118.") == {118.0}
    assert labels_in("Het bestuur keurde verordeningen 12 en 15 goed.") == {12.0, 15.0}
    # A count after a name or a time is no label.
    assert labels_in("In Gouda 300 were arrested.") == frozenset()
    assert labels_in("By Sunday 300 had died.") == frozenset()
    how_many = replace(analyse("How many of the rebels survived?"), language="en")
    assert ranges_of(how_many, "The rebels of Regiment 417, a unit of the army, fought on.") \
        == []
    assert ranges_of(how_many, "Of the rebels 141 survived.") == [(141.0, 141.0)]
    assert ranges_of(how_many, "In Gouda 58 people survived.") == [(58.0, 58.0)]


def test_a_date_side_tells_the_event_in_the_follow_ups_own_words() -> None:
    config = AnswerConfig()
    question = replace(analyse("On which date did they leave the camp? (what happened to "
                               "the prisoners who survived the revolt)"), language="en")
    best = replace(_candidate(1, 0.95), overlap=0.4,
                   text="The surviving prisoners left the camp on 2 March 1921.")
    came = replace(_candidate(2, 0.93), document_id="e", overlap=0.4,
                   text="The prisoners of the revolt were first moved to the coast on 9 "
                        "October 1920.")
    assert _disagreeing(best, [best, came], question, config) == []
    left = replace(came, text="The prisoners left the camp on 20 April 1921.")
    assert _disagreeing(best, [best, left], question, config) == [left]


def test_the_age_of_one_named_is_found_by_its_own_check(tmp_path: Path) -> None:
    assert analyse("Welke leeftijd had Jan Smit op dat moment?").checked_kind
    assert analyse("How old was Jan Smit?").checked_kind
    assert not analyse("How old was the ship?").checked_kind
    assert not analyse("Hoe oud was de moordenaar?").checked_kind
    # Nor when it names another moment, which the age told may not be of.
    assert not analyse("How old was Jan Smit when he married?").checked_kind
    assert not analyse("Hoe oud was Jan Smit toen hij stierf?").checked_kind
    text = ("In 1950 begon in Gouda het proces tegen Piet Bakker. De 53-jarige aanklager Jan "
            "Smit, een klein man met rood haar, eiste de doodstraf.")
    answer = _ask_about(tmp_path, "Het proces", text, "Welke leeftijd had Jan Smit op dat "
                                                      "moment?")
    assert not answer.abstained and "53-jarige" in answer.answer


def test_a_letter_is_no_one() -> None:
    who = replace(analyse("Wie stond er bij Ajax in doel tijdens de finale?"), language="nl")
    assert new_names(who, "The supporters stood in rows A and B of the ground.") == []
    assert new_names(who, "Doelman Piet Smit van Ajax stond in vak B.") == ["piet smit"]


def test_what_a_sentence_was_found_to_have_is_kept_and_the_same() -> None:
    # Kept across questions, since a corpus's names and topic words recur; the verdicts do
    # not change with the order or company a word is asked in.
    sentence = words("De gearresteerde vissers werden naar de kampen bij Tromsø gestuurd.")
    first = word_hits(("arrested", "tromso", "camps"), sentence)
    assert first[0] > 0 and first[1] > 0
    assert word_hits(("camps", "arrested"), sentence) == [first[2], first[0]]
    assert len(_vocabulary(tuple(sentence)).hits) >= 3
    text = "Later werd Jansen in Antwerpen berecht."
    assert [_names_part(name, text, False) for name in (("janssen",), ("pieters",),
                                                        ("antwerp",))] == [True, False, False]
    # (The initialisms are part of what is kept: "NKB" is named only with them.)
    spelled = "Het Nationaal Kaas Bureau vergaderde."
    assert _names_part(("nkb",), spelled, True)
    assert not _names_part(("nkb",), spelled, False)


def test_a_word_whose_family_the_sentence_has_counts_as_a_cognate() -> None:
    sentence = words("Both creeds were outlawed in the valley that winter.")
    content = ("faiths", "forbidden", "harvest")
    plain = word_hits(content, sentence)
    assert plain == [0.0, 0.0, 0.0]
    assert family_hits(("religions", "prohibited", "harvest"), sentence, plain) == \
        [0.0, 0.8, 0.0]
    assert family_hits(("injured",), words("Veertig mensen raakten gewond."), [0.0]) == [0.8]
    assert family_hits(("injured",), words("De dijk brak."), [0.0]) == [0.0]
    assert family_hits(("injured",), words("Forty were injured."), [1.0]) == [1.0]
    # Common nouns spelled apart in the two languages
    assert family_hits(("bridge",), words("De brug stortte in."), [0.0]) == [0.8]
    assert focus_overlap(("bridge",), "Twee bruggen over de rivier stortten in.") == 1.0


def test_a_sentences_context_is_kept_per_build_and_stays_in_its_document(
        tmp_path: Path) -> None:
    files = {"mill.txt": "The mill\nIn 1902 the old mill burned down. Of them, three died. "
                         "Jansen's son Piet rebuilt it.\n",
             "dike.txt": "The dike\nThe dike broke in 1903.\n"}
    build = _scorer(tmp_path, files, "When did the mill burn down?", FAKE_CONFIG).build
    rows = {build.sentence(r)[1].text: r for r in range(len(build.sentence_spans))}
    row = rows["Of them, three died."]
    near = _row_context(build, row)
    # "Of them" counts of whom the sentence before tells.
    assert near.told == "In 1902 the old mill burned down. Of them, three died."
    assert _row_context(build, row) is near
    assert near.parts[0] == "The mill" and near.parts[1] == "Of them, three died."
    document = build.sentence(row)[0].id
    assert {build.sentence(r)[0].id for r in near.neighbours} == {document}
    assert len(near.neighbours) == 2 and "The dike broke in 1903." not in near.parts
    # (Without kin: the son is not his father.)
    assert "Jansen" in near.parts[-1]
    assert "Piet" in near.kin_free_parts[-1] and "Jansen" not in near.kin_free_parts[-1]


def test_a_title_known_in_both_languages_is_asked_in_the_other_one_too(
        tmp_path: Path) -> None:
    # (No one in these documents is called a skipper, in either language: were someone so,
    # the question would be answered by naming that one, see `role_holders`.)
    files = {"sluis.txt": "De sluis\nIn 1911 leidde ingenieur Piet Bakker de bouw van de "
                          "sluis in Oudewater. In 1911 voer Klaas Vlot als stuurman naar "
                          "Oudewater.\n"}
    scorer = _scorer(tmp_path, files, "What was the name of the skipper in Oudewater in 1911?",
                     FAKE_CONFIG)
    assert {"skipper", "schipper"} <= scorer.role_forms
    typed = {c.text.split()[2]: c.typed for c in score_candidates(scorer)}
    assert typed == {"leidde": False, "voer": False}
    # A word the list does not know, or knows in one language only, says nothing in the
    # other language.
    for role in ("gardener", "lookout"):
        unknown = _scorer(tmp_path, files,
                          f"What was the name of the {role} in Oudewater in 1911?", FAKE_CONFIG)
        assert unknown.role_forms == frozenset(), role
        assert [c.typed for c in score_candidates(unknown)] == [True, True], role


def test_common_occupations_are_known_in_both_languages(tmp_path: Path) -> None:
    files = {"sluis.txt": "De sluis\nIn 1911 leidde ingenieur Piet Bakker de bouw van de "
                          "sluis in Oudewater. In 1911 voer Klaas Vlot als stuurman naar "
                          "Oudewater.\n"}
    # (A cognate is a form of its own: "piloot".)
    for role, other in (("diver", "duiker"), ("reporter", "verslaggever"),
                        ("photographer", "fotograaf"), ("firefighter", "brandweerman"),
                        ("pilot", "piloot")):
        scorer = _scorer(tmp_path, files,
                         f"What was the name of the {role} in Oudewater in 1911?", FAKE_CONFIG)
        assert {role, other} <= scorer.role_forms, role
        assert [c.typed for c in score_candidates(scorer)] == [False, False], role
    # A short one is asked for too; an occupation is no post held, nor a title before a
    # lifespan, which is still one's life.
    assert asked_role("Who was the pilot?") == ("pilot",)
    assert asked_role("Which one was it?") == ()
    assert focus_overlap(("post",), "He went to guard the bridge as a pilot.") == 0.0
    assert gives_lifespan([("anna", "berg")], "De fotograaf Anna Berg (1850-1920) woonde er.")
    assert not gives_lifespan([("berg",)], "De burgemeester Berg (1850-1870) woonde er.")
    # One named beside the word in the other language answers.
    files = {"sluis.txt": "De sluis\nIn 1911 daalde duiker Jan Smit af in de sluis van "
                          "Oudewater.\n"}
    scorer = _scorer(tmp_path / "named", files,
                     "What was the name of the diver in Oudewater in 1911?", FAKE_CONFIG)
    assert [c.typed for c in score_candidates(scorer)] == [True]


def test_one_who_bears_a_title_is_named_by_the_surname(tmp_path: Path) -> None:
    text = "Zijn advocaat Karel Mertens sprak met de pers.\n"
    assert role_holders(text, "lawyer") == {"karel", "mertens"}
    assert role_holders(text, "lawyer", surnames=True) == {"mertens"}
    # … past particles, initials and apostrophes
    for named, surname in (("advocaat Jan van der Berg sprak", "berg"),
                           ("advocaat Van der Berg sprak", "berg"),
                           ("advocaat J. Mertens sprak", "mertens"),
                           ("advocaat Sean O'Brien sprak", "o'brien")):
        assert role_holders(named, "lawyer", surnames=True) == {surname}, named
    files = {"zaak.txt": "De zaak\nIn 1921 vertegenwoordigde advocaat Karel Mertens de bakker "
                         "Dekker. Captain Karel Vos sailed to Riga in 1921.\n"}
    scorer = _scorer(tmp_path, files, "Which lawyer represented the baker Dekker in 1921?",
                     FAKE_CONFIG)
    bearers = {c.text.split()[1]: c.bearer for c in score_candidates(scorer)}
    assert bearers["1921"] > 0 and bearers["Karel"] == 0
    # Spelled alike, in either language, is the same surname.
    files = {"zaak.txt": "De zaak\nIn 1921 vertegenwoordigde advocaat Pjotr Zajtsev de bakker "
                         "Dekker. In 1921 Pyotr Zaytsev represented the baker Dekker. "
                         "In 1921 Pyotr Zaitsov represented the baker Dekker.\n"}
    scorer = _scorer(tmp_path / "spelled", files,
                     "Which lawyer represented the baker Dekker in 1921?", FAKE_CONFIG)
    bearers = {c.text.split()[3]: c.bearer for c in score_candidates(scorer)}
    assert bearers["Zaytsev"] > 0 and bearers["Zaitsov"] == 0
    # Not the one asked about, however spelled: then no one else bears the title.
    scorer = _scorer(tmp_path / "spelled", files,
                     "Which lawyer worked with Zaytsev in 1921?", FAKE_CONFIG)
    assert scorer.surnames == frozenset() and scorer.holders == frozenset()


def test_a_peoples_name_compounded_with_a_noun_is_found_by_the_people_in_another_language(
) -> None:
    navy = [("sovjetvloot",)]
    assert name_coverage(navy, words("twelve ships of the Soviet navy")) == 1.0
    assert name_coverage(navy, words("twelve ships of the navy")) == 0.0
    # Not a short people's name ("Belg"), nor before a short word.
    assert name_coverage([("belgrado",)], words("the Belgian leaders")) == 0.0
    assert name_coverage([("duitsbos",)], words("the German leaders")) == 0.0


def test_the_sentence_that_names_the_doer_answers_who_killed_someone() -> None:
    config = AnswerConfig()
    question = analyse("Who was the assassin of Pieter Vos?")
    told = replace(_candidate(1, 0.95), typed=False,
                   text="Pieter Vos was assassinated in Delft in 1901.")
    doer = replace(_candidate(2, 0.86), document_id="e", translated=True,
                   text="De schutter was de klerk Jan Kraai.")
    assert matches_expectation(question, doer.text)
    assert _naming_doer(told, [told, doer], config) is doer
    # Not one too far below, a heading, nor the sentence just before the best one.
    assert _naming_doer(told, [told, replace(doer, score=0.80)], config) is told
    assert _naming_doer(told, [told, replace(doer, fragment=True)], config) is told
    before = replace(doer, document_id="d", row=0)
    assert _naming_doer(told, [told, before], config) is told


@pytest.mark.parametrize(("question", "asked"), [
    ("What caused the fire in Heerdam?", True),
    ("How did the fire at the mill start?", True),
    ("What ignited the gas in the boiler room?", True),
    ("What was the real cause of the flood?", True),
    ("Waardoor ontstond de storing in het gemaal?", True),
    ("Wat was volgens de kronieken eigenlijk de oorzaak van de dijkdoorbraak?", True),
    ("How large were the losses caused by the storm?", False),
    ("Welke burgemeester nam een besluit waardoor de markt sloot?", False),
    ("Why did the mill burn down?", False),
    # A passive, or a verb without an object, asks what followed or what began.
    ("What was caused by the storm?", False),
    ("What started in Heerdam in 1911?", False),
    ("How did Jansen begin his speech?", False),
])
def test_a_question_that_asks_what_caused_an_event(question: str, asked: bool) -> None:
    assert analyse(question).caused is asked


def test_a_sentence_that_says_what_caused_something() -> None:
    for sentence in ("The barn fire was started by a lantern left in the hayloft.",
                     "De brand in de schuur was ontstaan door blikseminslag.",
                     "Wat de storing veroorzaakte, is nooit opgehelderd.",
                     "The collapse was blamed on poor maintenance."):
        assert states_cause(sentence), sentence
    # What the event led to is no cause of it, nor is telling the event or where it began.
    for sentence in ("The storm led to new rules for the dikes.",
                     "The fire broke out in the mill at night.",
                     "The fire started on the third floor."):
        assert not states_cause(sentence), sentence


def test_what_caused_an_event_is_answered_by_the_sentence_that_says_it(
        tmp_path: Path) -> None:
    intro = "The great fire in the Heerdam mill in 1911 is the subject of this page."
    cause = "The great fire in the Heerdam mill was started by a cigar."
    corpus = write_corpus(tmp_path / "corpus", {
        "mill.txt": f"The Heerdam mill fire\n{intro} {cause} The mill was rebuilt.\n"})
    build_index(corpus, tmp_path / "data")
    question = "What caused the great fire in the Heerdam mill in 1911?"
    none = make_assistant(tmp_path / "data", replace(FAKE_CONFIG, cause_margin=0.0))
    assert none.ask(question).citations[0].quote == intro
    assert make_assistant(tmp_path / "data", FAKE_CONFIG).ask(question).citations[0].quote \
        == cause


def test_a_heading_does_not_say_what_this_refers_to(tmp_path: Path) -> None:
    heading = "Overzicht: de storm in de molen van Heerdam, 1911"
    opening = "Dit overzicht vat samen wat de storm in de molen van Heerdam in mei 1911 deed."
    corpus = write_corpus(tmp_path / "corpus", {
        "molen.txt": f"{heading}\n\n{opening} De molen werd herbouwd.\n"})
    build_index(corpus, tmp_path / "data")
    answer = make_assistant(tmp_path / "data").ask(
        "In welke maand trof de storm de molen van Heerdam in 1911?")
    assert refers_back(opening)
    assert [c.quote for c in answer.citations] == [opening]


def test_a_count_in_the_other_language_of_what_was_asked_may_be_a_little_further_down(
        ) -> None:
    question, config = analyse("Hoeveel brandweerlieden bestreden het vuur?"), AnswerConfig()
    best = replace(_candidate(1, 0.95), overlap=0.4,
                   text="Er bestreden 60 brandweerlieden het vuur in de molen.")
    floor = 0.95 - config.conflict_margin
    english = replace(_candidate(2, floor - config.counted_side_margin / 2), document_id="e",
                      translated=True, text="About 90 firemen fought the blaze at the mill.")
    assert _disagreeing(best, [best, english], question, config) == [english]
    # Not further down, nor one that does not say what it counts.
    lower = replace(english, score=floor - config.counted_side_margin - 0.01)
    assert _disagreeing(best, [best, lower], question, config) == []
    unsaid = replace(english, text="About 90 fought the blaze at the mill that night.")
    assert _disagreeing(best, [best, unsaid], question, config) == []
    # Nor one in the question's language, whose language costs it nothing: not beside a best
    # sentence in the other language either.
    dutch = replace(english, translated=False, overlap=0.4,
                    text="Er bestreden 90 brandweerlieden het vuur in de molen.")
    assert _disagreeing(best, [best, dutch], question, config) == []
    translated = replace(best, translated=True, text="Some 60 firemen fought the blaze.")
    assert _disagreeing(translated, [translated, dutch], question, config) == []


def test_a_destination_is_a_place_told() -> None:
    where = replace(analyse("Naar welke haven voer de veerboot uit Lemmer?"), language="nl")
    assert matches_expectation(where, "De veerboot voer vanuit Lemmer met bestemming Urk.")
    assert matches_expectation(where, "De veerboot voer vanuit Lemmer richting Urk.")
    assert not matches_expectation(where, "De veerboot voer vanuit Lemmer naar het oosten.")
    # ("richting" is a noun too: "de religieuze richting van Kuyper" names no place)
    assert not matches_expectation(
        replace(analyse("In welke stad woonde de dominee?"), language="nl"),
        "De dominee volgde de religieuze richting van Kuyper.")


def test_a_count_in_words_of_other_things_is_no_count_of_what_was_asked() -> None:
    travellers = ("reizigers", "vervoerde")
    assert spells_other_things(travellers, "Het was de laatste van drie late treinen.")
    assert not matches_expectation(analyse("Hoeveel reizigers vervoerde de veerboot?"),
                                   "Het was de laatste van drie late treinen uit Lemmer.")
    # Not what it counts by its last word, not a count of those asked, not votes of people,
    # and not a sentence with figures, which are checked as figures.
    assert not spells_other_things(("ships",), "Nine cargo ships lay at anchor.")
    assert not spells_other_things(travellers, "Twee reizigers raakten gewond.")
    assert not spells_other_things(("delegates", "voted"), "Smit kreeg drie stemmen tegen.")
    assert not spells_other_things(travellers, "Twee treinen vervoerden 300 mensen.")
    assert not spells_other_things(("lanterns",), "Twee treinen botsten.")  # (unknown)
    # Those counted by their job are people counted: "twee mannen" may be the firefighters.
    assert matches_expectation(analyse("Hoeveel brandweerlieden bestreden het vuur?"),
                               "Slechts twee mannen bestreden het vuur.")


def test_a_word_that_joins_a_name_is_no_focus_word() -> None:
    assert focus_words("When did the Huis voor Muziek first admit visitors?", "en") == \
        ("first", "admit", "visitors")
    assert focus_words("Who organised the Tour de Flandre in 1950?", "en") == ("organised",)
    # Not any function word between two names: "want" is an English verb.
    assert focus_words("Did Smit want Jansen to resign?", "en") == ("want", "resign")


def test_opening_is_found_in_either_language() -> None:
    assert focus_overlap(("open",), "De brug werd in 1902 door de burgemeester geopend.") > 0
    assert focus_overlap(("geopend",), "The bridge was opened in 1902.") > 0
    assert focus_overlap(("open",), "De brug werd in 1902 door de burgemeester gesloten.") == 0
