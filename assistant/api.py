"""The HTTP edge: JSON, Server-Sent Events and an OpenAI-compatible chat endpoint.

It only translates: request bodies into `AssistantService` calls, answers into JSON, and every
error into `{"error": {"code", "message"}}` (in one place, `_describe_error`). The web UI is a
plugin (entry point group `assistant.ui`) mounted at `/` after the API routes, so this layer
never imports `ui`.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import AssistantError, Forbidden, InvalidQuestion, NotFound, Unauthorized
from assistant.examples import load_examples
from assistant.service import AssistantService, Authorizer
from assistant.settings import Settings
from assistant.types import Answer, Citation, Turn
from index.errors import IndexingError

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "citing-assistant"
UI_PLUGIN_GROUP = "assistant.ui"
MAX_TOP_K = 50
REBUILD_HINT = "Build it with `python -m index rebuild`."

# Document ids are short hex hashes; anything that could spell a path never reaches a lookup.
_DOC_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# What the chat endpoint appends to an answer; stripped again when the answer comes back as
# history, so the assistant sees its own words only.
_SOURCES_HEADER = "\n\nSources:\n"

UiPlugin = Callable[[FastAPI, AssistantService, Settings], None]

# Optional bearer credentials; the guards below decide (and answer in our error shape).
_BEARER = HTTPBearer(auto_error=False, description="`Authorization: Bearer <token>`")
BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)]


# -- request bodies ----------------------------------------------------------------------------


# Generous bounds on what a conversation may carry, so one request cannot tie up a worker.
MAX_HISTORY_TURNS = 200
MAX_TURN_CHARS = 20_000


class HistoryTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=MAX_TURN_CHARS)


class AskRequest(BaseModel):
    question: str = Field(min_length=1, description="The question, in English or Dutch.")
    history: list[HistoryTurn] = Field(
        default_factory=list, max_length=MAX_HISTORY_TURNS,
        description="Earlier turns of the conversation, oldest first (at most 200, each at "
                    "most 20,000 characters).",
    )
    top_k: int | None = Field(
        None, ge=1, le=MAX_TOP_K, description="Passages to retrieve (default: server setting)."
    )


class ChatContentPart(BaseModel):
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ChatContentPart] | None = None


class ChatCompletionRequest(BaseModel):
    """OpenAI's request shape; sampling options (temperature, ...) are accepted and ignored."""

    model_config = ConfigDict(extra="ignore")

    model: str = DEFAULT_MODEL
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_HISTORY_TURNS)
    stream: bool = False
    top_k: int | None = Field(None, ge=1, le=MAX_TOP_K, description="Extension: passages.")


# -- the app -----------------------------------------------------------------------------------


def create_app(
    settings: Settings,
    service: AssistantService | None = None,
    *,
    ui_plugins: Iterable[UiPlugin] | None = None,
) -> FastAPI:
    """Build the API around `service` (default: a lazily loading `AssistantService`).

    `ui_plugins` replaces the `assistant.ui` entry points (tests pass `[]`).
    """
    live = service if service is not None else AssistantService(settings)
    app = FastAPI(
        title="Citing assistant",
        version="0.1.0",
        description="Answers about a document collection; every sentence cites its passage.",
    )
    app.state.service = live
    app.state.settings = settings
    _add_error_handlers(app)

    api_key = Authorizer(settings.api_key)
    admin = Authorizer(settings.admin_token)

    async def require_api_key(credentials: BearerCredentials) -> None:
        if not api_key.allows_token(credentials.credentials if credentials else None):
            raise Unauthorized("A valid API key is required: `Authorization: Bearer <key>`.")

    async def require_admin(credentials: BearerCredentials) -> None:
        if not admin.configured:
            raise Forbidden("Rebuilding over HTTP is disabled: no admin token is configured.")
        if not admin.allows_token(credentials.credentials if credentials else None):
            raise Forbidden("A valid admin token is required: `Authorization: Bearer <token>`.")

    # No key configured: the routes are open (and the docs show no lock).
    guarded = [Depends(require_api_key)] if api_key.configured else []
    api = APIRouter(prefix="/api", dependencies=guarded, tags=["assistant"])
    # The admin token alone guards rebuilds: one Authorization header cannot carry two tokens.
    admin_api = APIRouter(prefix="/api", dependencies=[Depends(require_admin)], tags=["admin"])
    v1 = APIRouter(prefix="/v1", dependencies=guarded, tags=["openai"])

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], response_model=None)
    def readyz() -> dict[str, Any] | JSONResponse:
        if not live.ready():
            return _error_response(503, "index_unavailable", f"No index is loaded. {REBUILD_HINT}")
        return {"status": "ready", "build_id": live.build_id}

    @api.post("/ask", summary="Answer a question, with citations")
    def ask(body: AskRequest) -> dict[str, Any]:
        _check_question(body.question, settings)
        return live.ask(body.question, _turns(body.history), body.top_k).to_dict()

    @api.post(
        "/ask/stream",
        summary="Answer a question as Server-Sent Events",
        description="Events: `delta` {text} ..., then `answer` (the /api/ask JSON), then "
        "`done`; or `error` {error} instead. Bad input fails before the stream, as JSON.",
        response_class=EventSourceResponse,
    )
    async def ask_stream(body: AskRequest) -> EventSourceResponse:
        _check_question(body.question, settings)
        items = live.stream(body.question, _turns(body.history), body.top_k)
        # The first item carries the whole answer's work: its errors still get a real status.
        first = await run_in_threadpool(_next_item, items)
        return EventSourceResponse(_answer_events(first, items))

    @api.get("/sources", summary="The documents of the collection")
    def sources() -> list[dict[str, Any]]:
        return live.sources()

    @api.get("/sources/{doc_id}", summary="One document's text, by id")
    def document(doc_id: str) -> dict[str, Any]:
        if not _DOC_ID.fullmatch(doc_id):
            raise NotFound(f"No document with id {doc_id[:80]!r}.")
        return live.document(doc_id)

    @api.get("/status", summary="The index being served")
    def status() -> dict[str, Any]:
        return live.status()

    @api.get("/examples", summary="Example questions for the collection")
    def examples() -> dict[str, list[str]]:
        return {"examples": load_examples(settings.corpus_dir)}

    @admin_api.post("/index/rebuild", summary="Rebuild the index now (admin)")
    def rebuild() -> dict[str, Any]:
        return live.rebuild()

    @v1.get("/models")
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [_model_card(DEFAULT_MODEL)]}

    @v1.get("/models/{model_id}")
    async def model(model_id: str) -> dict[str, Any]:
        if model_id != DEFAULT_MODEL:
            raise NotFound(f"No model {model_id[:80]!r}; this server has {DEFAULT_MODEL!r}.")
        return _model_card(model_id)

    @v1.post("/chat/completions", summary="OpenAI-compatible chat", response_model=None)
    async def chat_completions(body: ChatCompletionRequest) -> dict[str, Any] | EventSourceResponse:
        question, history = _chat_to_question(body.messages)
        _check_question(question, settings)
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        if not body.stream:
            answer = await run_in_threadpool(live.ask, question, history, body.top_k)
            return _chat_completion(answer, body.model, completion_id)
        items = live.stream(question, history, body.top_k)
        first = await run_in_threadpool(_next_item, items)
        return EventSourceResponse(_chat_chunks(first, items, body.model, completion_id))

    app.include_router(api)
    app.include_router(admin_api)
    app.include_router(v1)
    # Last: a UI mounted at "/" must not shadow any API route.
    _mount_ui(app, live, settings, ui_plugins)
    return app


def serve(settings: Settings, host: str, port: int) -> None:
    """Run the API (and any installed UI) with uvicorn until interrupted."""
    import threading

    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1") and not settings.api_key:
        logger.warning("listening on %s without an API key: anyone who can reach it may ask", host)
    service = AssistantService(settings)
    app = create_app(settings, service)
    # Load the model while uvicorn starts, so /readyz turns 200 without waiting for a request.
    threading.Thread(target=service.ready, name="assistant-warmup", daemon=True).start()
    uvicorn.run(app, host=host, port=port)


def _mount_ui(
    app: FastAPI,
    service: AssistantService,
    settings: Settings,
    plugins: Iterable[UiPlugin] | None,
) -> None:
    if plugins is None:
        plugins = _discover_ui_plugins()
    for mount in plugins:
        try:
            mount(app, service, settings)
        except Exception:
            # A broken UI must not take the API down with it.
            logger.exception("UI plugin %r failed to mount; serving the API only", mount)


def _discover_ui_plugins() -> list[UiPlugin]:
    from importlib.metadata import entry_points

    plugins: list[UiPlugin] = []
    for entry in entry_points(group=UI_PLUGIN_GROUP):
        try:
            plugins.append(entry.load())
        except Exception:
            logger.exception("UI plugin %s (%s) failed to load", entry.name, entry.value)
    return plugins


# -- input translation -------------------------------------------------------------------------


def _check_question(question: str, settings: Settings) -> None:
    # Cheap limits enforced at the edge so bad input is a 422 whatever the backend does.
    if not question.strip():
        raise InvalidQuestion("The question is empty.")
    if len(question) > settings.max_question_chars:
        raise InvalidQuestion(
            f"The question is longer than {settings.max_question_chars} characters."
        )


def _turns(history: list[HistoryTurn]) -> list[Turn]:
    return [Turn(role=turn.role, content=turn.content) for turn in history]


def _message_text(content: str | list[ChatContentPart] | None) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(part.text or "" for part in content if part.type == "text")


def _chat_to_question(messages: list[ChatMessage]) -> tuple[str, list[Turn]]:
    """The last user message is the question; earlier user/assistant messages the history."""
    turns: list[Turn] = []
    for message in messages:
        if message.role == "user":
            turns.append(Turn(role="user", content=_message_text(message.content)))
        elif message.role == "assistant":
            text = _message_text(message.content).split(_SOURCES_HEADER, 1)[0]
            turns.append(Turn(role="assistant", content=text))
    last_user = max((i for i, turn in enumerate(turns) if turn.role == "user"), default=None)
    if last_user is None:
        raise InvalidQuestion("The conversation has no user message.")
    history = [turn for turn in turns[:last_user] if turn.content.strip()]
    return turns[last_user].content, history


def _next_item(items: Iterator[str | Answer]) -> str | Answer | None:
    return next(items, None)


# -- output translation ------------------------------------------------------------------------


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


async def _answer_events(
    first: str | Answer | None, rest: Iterator[str | Answer]
) -> AsyncIterator[ServerSentEvent]:
    item = first
    try:
        while item is not None:
            if isinstance(item, Answer):
                yield ServerSentEvent(_json(item.to_dict()), event="answer")
            else:
                yield ServerSentEvent(_json({"text": item}), event="delta")
            item = await run_in_threadpool(_next_item, rest)
    except Exception as exc:
        _, body = _describe_error(exc, log=True)
        yield ServerSentEvent(_json(body), event="error")
        return
    yield ServerSentEvent("{}", event="done")


def format_sources(citations: Iterable[Citation]) -> str:
    """The "Sources:" block appended to chat answers (empty when nothing is cited)."""
    lines = [
        f"[{c.n}] {c.title} — {c.source}, chars {c.start}–{c.end}: “{c.quote}”" for c in citations
    ]
    return _SOURCES_HEADER + "\n".join(lines) if lines else ""


def _model_card(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": 0, "owned_by": "citing-assistant"}


def _chat_completion(answer: Answer, model: str, completion_id: str) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": answer.index_build,
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": answer.answer + format_sources(answer.citations),
                },
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": None,
        "citations": answer.to_dict()["citations"],
    }


async def _chat_chunks(
    first: str | Answer | None, rest: Iterator[str | Answer], model: str, completion_id: str
) -> AsyncIterator[dict[str, str]]:
    created = int(time.time())

    def chunk(delta: dict[str, str], finish: str | None = None, **extra: Any) -> dict[str, str]:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
            **extra,
        }
        return {"data": _json(body)}

    yield chunk({"role": "assistant", "content": ""})
    item = first
    try:
        while item is not None:
            if isinstance(item, Answer):
                sources = format_sources(item.citations)
                if sources:
                    yield chunk({"content": sources})
                yield chunk(
                    {},
                    "stop",
                    citations=item.to_dict()["citations"],
                    system_fingerprint=item.index_build,
                )
            else:
                yield chunk({"content": item})
            item = await run_in_threadpool(_next_item, rest)
    except Exception as exc:
        # OpenAI clients raise on a data chunk that carries "error".
        _, body = _describe_error(exc, log=True)
        yield {"data": _json(body)}
        return
    yield {"data": "[DONE]"}


# -- errors: the one translation ---------------------------------------------------------------


def _error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(_error_body(code, message), status_code=status, headers=headers)


def _describe_error(exc: Exception, log: bool = False) -> tuple[int, dict[str, Any]]:
    """HTTP status and JSON body for any exception. `log`: log unexpected ones (inside a
    stream; elsewhere Starlette re-raises them after our handler, and uvicorn logs them)."""
    if isinstance(exc, AssistantError):
        message = str(exc) or exc.code.replace("_", " ")
        return exc.status, _error_body(exc.code, message)
    if isinstance(exc, IndexingError):
        detail = f" ({exc})" if str(exc) else ""
        message = f"The index is not available: {type(exc).__name__}{detail}. {REBUILD_HINT}"
        return 503, _error_body("index_unavailable", message)
    if log:
        logger.error("unexpected error while streaming", exc_info=exc)
    return 500, _error_body("internal_error", "Internal server error.")


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


def _add_error_handlers(app: FastAPI) -> None:
    async def on_known_error(request: Request, exc: Exception) -> JSONResponse:
        status, body = _describe_error(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        if any(error.get("type") == "json_invalid" for error in errors):
            return _error_response(400, "invalid_json", "The request body is not valid JSON.")
        return _error_response(422, "invalid_request", _summarize(errors))

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return _error_response(exc.status_code, code, message, headers=exc.headers)

    async def on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        status, body = _describe_error(exc)
        return JSONResponse(body, status_code=status)

    app.add_exception_handler(AssistantError, on_known_error)
    app.add_exception_handler(IndexingError, on_known_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected_error)


def _summarize(errors: Iterable[Any]) -> str:
    parts = []
    for error in list(errors)[:5]:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        parts.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "Invalid request."
