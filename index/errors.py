"""Errors of the index layer. The CLI maps each to an exit code in one place."""

from __future__ import annotations


class IndexingError(Exception):
    """Base class for everything the index layer raises on purpose."""

    exit_code = 1


class CorpusNotFound(IndexingError):
    exit_code = 2


class EmptyCorpus(IndexingError):
    exit_code = 3


class IndexNotBuilt(IndexingError):
    exit_code = 4


class EmbedderMismatch(IndexingError):
    exit_code = 5


class RebuildInProgress(IndexingError):
    exit_code = 6


class EmbedderUnavailable(IndexingError):
    exit_code = 7


class CorruptIndex(IndexingError):
    exit_code = 8
