"""Errors of the assistant layer. The CLI and the API each translate them in one place."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class. `status` is the HTTP status the API answers with; `code` a stable name."""

    status = 500
    code = "assistant_error"


class InvalidQuestion(AssistantError):
    status = 422
    code = "invalid_question"


class InvalidHistory(AssistantError):
    status = 422
    code = "invalid_history"


class IndexUnavailable(AssistantError):
    """No index yet, or it was built with another embedder: rebuild it."""

    status = 503
    code = "index_unavailable"


class Unauthorized(AssistantError):
    status = 401
    code = "unauthorized"


class Forbidden(AssistantError):
    status = 403
    code = "forbidden"


class NotFound(AssistantError):
    status = 404
    code = "not_found"


class Busy(AssistantError):
    status = 409
    code = "busy"
