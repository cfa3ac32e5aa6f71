"""The HTTP API and the service behind it, with test doubles instead of an index."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import anyio
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api import create_app, format_sources
from assistant.errors import Busy, IndexUnavailable, InvalidHistory, NotFound
from assistant.service import AssistantService, Authorizer, bearer_token, split_into_pieces
from assistant.settings import Settings
from assistant.types import Answer, Citation, Conflict, Passage, Turn
from index.errors import IndexNotBuilt, RebuildInProgress

DOC_ID = "0909c4763354616d"
DOC_TEXT = (
    "Sergei Kirov was assassinated in Leningrad on 1 December 1934. "
    "His death was used to justify the Great Purge."
)
QUOTE_1 = "Sergei Kirov was assassinated in Leningrad on 1 December 1934."
QUOTE_2 = "His death was used to justify the Great Purge."
ANSWER_TEXT = "Kirov was killed in Leningrad in 1934 [1]. Stalin used it to start the purge [2]."
PASSWD_MARKERS = ("root:x:", "root:*:", "/bin/bash", "daemon:")


def make_answer(question: str = "Who was Kirov?", build: str = "build-1") -> Answer:
    start_2 = DOC_TEXT.index(QUOTE_2)
    passage = Passage(
        id=f"{DOC_ID}:00000",
        document_id=DOC_ID,
        source="000_kirov.txt",
        title="Assassination of Sergei Kirov",
        language="en",
        start=0,
        end=len(DOC_TEXT),
        text=DOC_TEXT,
        score=0.9,
    )
    citations = (
        Citation(1, DOC_ID, passage.source, passage.title, "en", 0, len(QUOTE_1), QUOTE_1,
                 passage.text, 0.9),
        Citation(2, DOC_ID, passage.source, passage.title, "en", start_2,
                 start_2 + len(QUOTE_2), QUOTE_2, passage.text, 0.8, page=None),
    )  # fmt: skip
    return Answer(
        question=question,
        answer=ANSWER_TEXT,
        abstained=False,
        citations=citations,
        passages=(passage,),
        conflicts=(Conflict("none really", (1, 2)),),
        language="en",
        index_build=build,
        timings_ms={"total": 1.5},
    )


class FakeService:
    """Stands in for `AssistantService`: canned answers, recorded calls."""

    def __init__(self) -> None:
        self.is_ready = True
        self.ask_error: Exception | None = None
        self.stream_error_after: int | None = None  # raise after this many pieces
        self.rebuild_error: Exception | None = None
        self.calls: list[tuple[str, Any, int | None]] = []
        self.build_id: str | None = "build-1"

    def ask(self, question: str, history: Any = None, top_k: int | None = None) -> Answer:
        self.calls.append((question, history, top_k))
        if self.ask_error is not None:
            raise self.ask_error
        return make_answer(question)

    def stream(
        self, question: str, history: Any = None, top_k: int | None = None
    ) -> Iterator[str | Answer]:
        answer = self.ask(question, history, top_k)
        for n, piece in enumerate(split_into_pieces(answer.answer, 3)):
            if self.stream_error_after is not None and n >= self.stream_error_after:
                raise IndexUnavailable("The index went away.")
            yield piece
        yield answer

    def status(self) -> dict[str, Any]:
        return {"documents": 1, "chunks": 1, "embedder": "fake", "build_id": "build-1",
                "built_at": "2024-01-01T00:00:00Z"}  # fmt: skip

    def sources(self) -> list[dict[str, Any]]:
        return [{"id": DOC_ID, "source": "000_kirov.txt", "title": "Kirov", "language": "en",
                 "chunks": 1}]  # fmt: skip

    def document(self, doc_id: str) -> dict[str, Any]:
        if doc_id != DOC_ID:
            raise NotFound(f"No document {doc_id}.")
        return {"id": DOC_ID, "source": "000_kirov.txt", "title": "Kirov", "language": "en",
                "text": DOC_TEXT}  # fmt: skip

    def rebuild(self) -> dict[str, Any]:
        if self.rebuild_error is not None:
            raise self.rebuild_error
        return {"build_id": "build-2", "documents": 1}

    def ready(self) -> bool:
        return self.is_ready


def make_client(
    fake: FakeService, raise_server_exceptions: bool = True, **settings: Any
) -> TestClient:
    app = create_app(Settings(**settings), fake, ui_plugins=[])  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=raise_server_exceptions)


@pytest.fixture
def fake() -> FakeService:
    return FakeService()


@pytest.fixture
def client(fake: FakeService) -> TestClient:
    return make_client(fake, max_question_chars=200)


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]  # type: ignore[no-any-return]


def parse_sse(text: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a text/event-stream body; comments (pings) skipped."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        event, data = "message", []
        for line in block.split("\n"):
            if line.startswith(":") or not line:
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "event":
                event = value
            elif name == "data":
                data.append(value)
        if data:
            events.append((event, "\n".join(data)))
    return events


# -- health and docs ---------------------------------------------------------------------------


def test_healthz_is_always_ok(client: TestClient, fake: FakeService) -> None:
    fake.is_ready = False
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_follows_the_service(client: TestClient, fake: FakeService) -> None:
    assert client.get("/readyz").status_code == 200
    fake.is_ready = False
    error = assert_error(client.get("/readyz"), 503, "index_unavailable")
    assert "python -m index rebuild" in error["message"]


def test_docs_and_openapi_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    expected = ["/api/ask", "/api/ask/stream", "/api/sources", "/api/sources/{doc_id}",
                "/api/index/rebuild", "/v1/chat/completions", "/v1/models", "/healthz"]  # fmt: skip
    assert set(expected) <= set(paths)


# -- /api/ask ----------------------------------------------------------------------------------


def test_ask_returns_the_answer_json(client: TestClient, fake: FakeService) -> None:
    response = client.post(
        "/api/ask",
        json={
            "question": "Who was Kirov?",
            "history": [
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello"},
            ],
            "top_k": 7,
        },
    )
    assert response.status_code == 200
    assert response.json() == make_answer("Who was Kirov?").to_dict()
    question, history, top_k = fake.calls[-1]
    assert question == "Who was Kirov?" and top_k == 7
    assert history == [Turn("user", "Hi"), Turn("assistant", "Hello")]


def test_ask_keeps_dutch_text_intact(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "Wie was Kirov? Één vraag."})
    assert response.json()["question"] == "Wie was Kirov? Één vraag."


@pytest.mark.parametrize(
    "body",
    [
        {"question": ""},
        {"question": "   \n\t "},
        {"question": "x" * 201},
        {"question": "ok?", "top_k": 0},
        {"question": "ok?", "top_k": 1000},
        {"question": "ok?", "top_k": -1},
        {"question": "ok?", "top_k": "many"},
        {"question": "ok?", "history": [{"role": "system", "content": "obey"}]},
        {"question": "ok?", "history": [{"role": "user"}]},
        {"question": "ok?", "history": "not a list"},
        {"question": "ok?", "history": [{"role": "user", "content": "x"}] * 201},
        {"question": "ok?", "history": [{"role": "user", "content": "x" * 20_001}]},
        {"question": 42},
        {"question": None},
        {},
        [],
        "just a string",
    ],
)
def test_ask_rejects_bad_input_with_422(client: TestClient, fake: FakeService, body: Any) -> None:
    error = assert_error(client.post("/api/ask", json=body), 422)
    assert error["code"] in {"invalid_request", "invalid_question", "invalid_history"}
    assert fake.calls == []


def test_ask_accepts_a_question_of_exactly_the_limit(client: TestClient) -> None:
    assert client.post("/api/ask", json={"question": "x" * 200}).status_code == 200


@pytest.mark.parametrize("raw", [b"{not json", b'{"question": "a",}', b"\xff\xfe", b""])
def test_ask_rejects_malformed_json(client: TestClient, raw: bytes) -> None:
    response = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert response.status_code in (400, 422)
    assert_error(response, response.status_code)


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (IndexUnavailable("no index"), 503, "index_unavailable"),
        (IndexNotBuilt("nothing built"), 503, "index_unavailable"),
        (InvalidHistory("turns must alternate"), 422, "invalid_history"),
        (RuntimeError("boom"), 500, "internal_error"),
    ],
)
def test_ask_translates_errors(fake: FakeService, error: Exception, status: int, code: str) -> None:
    fake.ask_error = error
    client = make_client(fake, raise_server_exceptions=False)
    body = assert_error(client.post("/api/ask", json={"question": "Who?"}), status, code)
    if isinstance(error, IndexNotBuilt):
        assert "python -m index rebuild" in body["message"]
    if isinstance(error, RuntimeError):
        assert "boom" not in body["message"]  # internals stay in the log


# -- /api/ask/stream ---------------------------------------------------------------------------


def test_stream_sends_deltas_then_answer_then_done(client: TestClient) -> None:
    response = client.post("/api/ask/stream", json={"question": "Who was Kirov?"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[-2:] == ["answer", "done"]
    assert set(names[:-2]) == {"delta"} and len(names) > 3
    text = "".join(json.loads(data)["text"] for name, data in events if name == "delta")
    assert text == ANSWER_TEXT
    assert json.loads(events[-2][1]) == make_answer("Who was Kirov?").to_dict()


def test_stream_rejects_bad_input_before_streaming(client: TestClient) -> None:
    assert_error(client.post("/api/ask/stream", json={"question": ""}), 422)
    assert_error(client.post("/api/ask/stream", json={"question": "q", "top_k": 0}), 422)


def test_stream_error_before_any_text_is_a_json_error(
    client: TestClient, fake: FakeService
) -> None:
    fake.ask_error = IndexUnavailable("no index")
    assert_error(client.post("/api/ask/stream", json={"question": "q"}), 503, "index_unavailable")


def test_stream_error_midway_is_an_error_event(client: TestClient, fake: FakeService) -> None:
    fake.stream_error_after = 2
    response = client.post("/api/ask/stream", json={"question": "q"})
    assert response.status_code == 200
    events = parse_sse(response.text)
    assert [name for name, _ in events] == ["delta", "delta", "error"]
    assert json.loads(events[-1][1])["error"]["code"] == "index_unavailable"


# -- sources -----------------------------------------------------------------------------------


def test_sources_and_document(client: TestClient) -> None:
    assert client.get("/api/sources").json()[0]["id"] == DOC_ID
    document = client.get(f"/api/sources/{DOC_ID}").json()
    assert document["text"] == DOC_TEXT
    assert client.get("/api/status").json()["build_id"] == "build-1"


@pytest.mark.parametrize("doc_id", ["ffffffffffffffff", "nope", "a" * 65, "x.txt", "%2e%2e"])
def test_unknown_or_malformed_document_id_is_404(client: TestClient, doc_id: str) -> None:
    assert_error(client.get(f"/api/sources/{doc_id}"), 404, "not_found")


# -- rebuild -----------------------------------------------------------------------------------


def test_rebuild_is_forbidden_without_an_admin_token_configured(fake: FakeService) -> None:
    client = make_client(fake)
    assert_error(client.post("/api/index/rebuild"), 403, "forbidden")
    headers = {"Authorization": "Bearer anything"}
    assert_error(client.post("/api/index/rebuild", headers=headers), 403, "forbidden")


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"},
     {"Authorization": "s3cret"}, {"Authorization": "Bearer s3cret-and-more"}],
)  # fmt: skip
def test_rebuild_needs_the_admin_token(fake: FakeService, headers: dict[str, str]) -> None:
    client = make_client(fake, admin_token="s3cret")
    assert_error(client.post("/api/index/rebuild", headers=headers), 403, "forbidden")


def test_rebuild_with_the_admin_token_returns_the_report(fake: FakeService) -> None:
    client = make_client(fake, admin_token="s3cret", api_key="k3y")
    response = client.post("/api/index/rebuild", headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200 and response.json()["build_id"] == "build-2"


def test_concurrent_rebuild_is_409(fake: FakeService) -> None:
    fake.rebuild_error = Busy("A rebuild is already running.")
    client = make_client(fake, admin_token="s3cret")
    response = client.post("/api/index/rebuild", headers={"Authorization": "Bearer s3cret"})
    assert_error(response, 409, "busy")


# -- API key -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/ask", {"question": "q"}),
        ("POST", "/api/ask/stream", {"question": "q"}),
        ("GET", "/api/sources", None),
        ("GET", f"/api/sources/{DOC_ID}", None),
        ("GET", "/api/status", None),
        ("GET", "/api/examples", None),
        ("GET", "/v1/models", None),
        ("POST", "/v1/chat/completions", {"messages": [{"role": "user", "content": "q"}]}),
    ],
)
def test_api_key_guards_api_and_v1(fake: FakeService, method: str, path: str, body: Any) -> None:
    client = make_client(fake, api_key="k3y")
    for headers in [{}, {"Authorization": "Bearer nope"}, {"Authorization": "k3y"}]:
        response = client.request(method, path, json=body, headers=headers)
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
    response = client.request(method, path, json=body, headers={"Authorization": "Bearer k3y"})
    assert response.status_code == 200


def test_api_key_leaves_health_and_docs_open(fake: FakeService) -> None:
    client = make_client(fake, api_key="k3y")
    for path in ["/healthz", "/readyz", "/docs", "/openapi.json"]:
        assert client.get(path).status_code == 200, path


def test_without_api_key_routes_are_open(client: TestClient) -> None:
    assert client.get("/api/sources").status_code == 200


def test_examples_are_the_corpus_folders_own(fake: FakeService, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    client = make_client(fake, corpus_dir=corpus)
    assert client.get("/api/examples").json() == {"examples": []}
    (corpus / ".examples.txt").write_text("# about the mill\nWho built the mill?\n",
                                          encoding="utf-8")
    assert client.get("/api/examples").json() == {"examples": ["Who built the mill?"]}


# -- OpenAI-compatible -------------------------------------------------------------------------

CHAT = {
    "model": "my-model",
    "messages": [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "Who was Kirov?"},
        {"role": "assistant", "content": "A Soviet leader [1].\n\nSources:\n[1] x — y: “z”"},
        {"role": "user", "content": [{"type": "text", "text": "When did he die?"}]},
    ],
    "temperature": 0.2,
}


def test_models_lists_one_model(client: TestClient) -> None:
    body = client.get("/v1/models").json()
    assert body["object"] == "list" and [m["id"] for m in body["data"]] == ["citing-assistant"]
    assert client.get("/v1/models/citing-assistant").status_code == 200
    assert_error(client.get("/v1/models/gpt-4"), 404, "not_found")


def test_chat_completion_shape(client: TestClient, fake: FakeService) -> None:
    response = client.post("/v1/chat/completions", json=CHAT)
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion" and body["model"] == "my-model"
    assert body["id"].startswith("chatcmpl-")
    (choice,) = body["choices"]
    assert choice["finish_reason"] == "stop" and choice["message"]["role"] == "assistant"
    content = choice["message"]["content"]
    assert content.startswith(ANSWER_TEXT + "\n\nSources:\n[1] ")
    assert (
        f"[1] Assassination of Sergei Kirov — 000_kirov.txt, chars 0–{len(QUOTE_1)}: “{QUOTE_1}”"
        in content
    )
    assert body["citations"] == make_answer().to_dict()["citations"]
    # System ignored, the earlier turns are history (our own Sources block stripped).
    question, history, _ = fake.calls[-1]
    assert question == "When did he die?"
    assert history == [Turn("user", "Who was Kirov?"), Turn("assistant", "A Soviet leader [1].")]


def test_chat_completion_defaults_the_model(client: TestClient) -> None:
    body = {"messages": [{"role": "user", "content": "Who?"}]}
    assert client.post("/v1/chat/completions", json=body).json()["model"] == "citing-assistant"


@pytest.mark.parametrize(
    "body",
    [
        {"messages": []},
        {"messages": [{"role": "system", "content": "only system"}]},
        {"messages": [{"role": "user", "content": ""}]},
        {"messages": [{"role": "user", "content": "x" * 201}]},
        {"messages": [{"role": "wizard", "content": "hi"}]},
        {"messages": [{"role": "user", "content": "hi"}], "top_k": 0},
        {"model": "m"},
    ],
)
def test_chat_completion_rejects_bad_input(client: TestClient, body: Any) -> None:
    for stream in (False, True):
        assert_error(client.post("/v1/chat/completions", json={**body, "stream": stream}), 422)


def test_chat_completion_stream_shape(client: TestClient) -> None:
    response = client.post("/v1/chat/completions", json={**CHAT, "stream": True})
    assert response.status_code == 200
    events = parse_sse(response.text)
    assert events[-1][1] == "[DONE]"
    chunks = [json.loads(data) for _, data in events[:-1]]
    assert all(c["object"] == "chat.completion.chunk" and c["model"] == "my-model" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert text == ANSWER_TEXT + format_sources(make_answer().citations)
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert chunks[-1]["citations"] == make_answer().to_dict()["citations"]
    assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1])


def test_chat_completion_stream_error_midway(client: TestClient, fake: FakeService) -> None:
    fake.stream_error_after = 1
    response = client.post("/v1/chat/completions", json={**CHAT, "stream": True})
    events = parse_sse(response.text)
    assert json.loads(events[-1][1])["error"]["code"] == "index_unavailable"
    assert all(data != "[DONE]" for _, data in events)


def openai_client(client: TestClient, api_key: str = "unused") -> Any:
    import openai

    return openai.OpenAI(
        base_url="http://testserver/v1", api_key=api_key, http_client=client, max_retries=0
    )


def test_openai_sdk_non_streaming(client: TestClient) -> None:
    sdk = openai_client(client)
    completion = sdk.chat.completions.create(
        model="citing-assistant", messages=[{"role": "user", "content": "Who was Kirov?"}]
    )
    assert completion.choices[0].message.content.startswith(ANSWER_TEXT)
    assert completion.model == "citing-assistant"
    assert completion.model_extra["citations"][0]["quote"] == QUOTE_1
    assert [m.id for m in sdk.models.list()] == ["citing-assistant"]


def test_openai_sdk_streaming(client: TestClient) -> None:
    sdk = openai_client(client)
    stream = sdk.chat.completions.create(
        model="citing-assistant",
        messages=[{"role": "user", "content": "Who was Kirov?"}],
        stream=True,
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text.startswith(ANSWER_TEXT + "\n\nSources:\n")
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][1]["quote"] == QUOTE_2


def test_openai_sdk_sees_errors(fake: FakeService) -> None:
    import openai

    client = make_client(fake, api_key="k3y", max_question_chars=50)
    with pytest.raises(openai.AuthenticationError):
        openai_client(client, "wrong").chat.completions.create(
            model="m", messages=[{"role": "user", "content": "q"}]
        )
    with pytest.raises(openai.UnprocessableEntityError):
        openai_client(client, "k3y").chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x" * 51}]
        )
    fake.stream_error_after = 1
    stream = openai_client(client, "k3y").chat.completions.create(
        model="m", messages=[{"role": "user", "content": "q"}], stream=True
    )
    with pytest.raises(openai.APIError, match="index went away"):
        list(stream)


# -- unknown routes and files ------------------------------------------------------------------


def test_unknown_route_is_404_json(client: TestClient) -> None:
    assert_error(client.get("/nope"), 404, "not_found")
    assert_error(client.get("/api/nope"), 404, "not_found")
    assert_error(client.get("/api/ask"), 405, "method_not_allowed")


def raw_get(app: FastAPI, raw_path: bytes) -> tuple[int, bytes]:
    """GET with the path exactly as sent on the wire (HTTP clients would normalise `..`)."""
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": unquote(raw_path.decode("latin-1")), "raw_path": raw_path,
        "query_string": b"", "root_path": "", "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {},
    }  # fmt: skip

    async def run() -> None:
        await app(scope, receive, send)  # type: ignore[arg-type]

    anyio.run(run)
    status = next(m["status"] for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return status, body


TRAVERSALS = [
    b"/api/sources/..%2F..%2Fetc%2Fpasswd",
    b"/api/sources/../../etc/passwd",
    b"/api/sources/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    b"/api/sources/..%5C..%5Cetc%5Cpasswd",
    b"/file=/etc/passwd",
    b"/gradio_api/file=/etc/passwd",
    b"/gradio_api/file=../../../../etc/passwd",
    b"/static/../../etc/passwd",
    b"/static/..%2F..%2Fetc%2Fpasswd",
    b"/assets/../../../etc/passwd",
    b"/../../../../etc/passwd",
    b"/etc/passwd",
]


@pytest.mark.parametrize("raw_path", TRAVERSALS)
def test_no_route_serves_files_outside_the_corpus(fake: FakeService, raw_path: bytes) -> None:
    app = create_app(Settings(), fake, ui_plugins=[])  # type: ignore[arg-type]
    status, body = raw_get(app, raw_path)
    assert status != 200
    assert not any(marker.encode() in body for marker in PASSWD_MARKERS)
    client = TestClient(app)
    response = client.get(raw_path.decode())
    assert response.status_code != 200
    assert not any(marker in response.text for marker in PASSWD_MARKERS)


# -- UI plugins --------------------------------------------------------------------------------


def test_ui_plugins_mount_after_the_api(fake: FakeService) -> None:
    seen: list[Any] = []

    def mount(app: FastAPI, service: Any, settings: Settings) -> None:
        # Like Gradio: a whole app at "/", which must not shadow the API routes.
        ui = FastAPI()

        @ui.api_route("/{path:path}", methods=["GET", "POST"])
        def catch_all(path: str) -> dict[str, str]:
            return {"ui": path}

        app.mount("/", ui)
        seen.append((service, settings))

    def broken(app: FastAPI, service: Any, settings: Settings) -> None:
        raise RuntimeError("UI failed")

    settings = Settings()
    client = TestClient(create_app(settings, fake, ui_plugins=[broken, mount]))  # type: ignore[arg-type]
    ((service, passed),) = seen
    assert service is fake and passed is settings
    assert client.get("/").json() == {"ui": ""}
    assert client.post("/api/ask", json={"question": "q"}).json()["answer"] == ANSWER_TEXT
    assert client.get("/v1/models").json()["object"] == "list"
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/docs").status_code == 200


def test_ui_plugins_come_from_entry_points(
    fake: FakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.metadata

    mounted: list[str] = []

    class Entry:
        name, value = "fake", "tests.fake:mount"

        def load(self) -> Any:
            return lambda app, service, settings: mounted.append("fake")

    class Broken(Entry):
        def load(self) -> Any:
            raise ImportError("no gradio here")

    groups: list[str] = []

    def entry_points(*, group: str) -> list[Any]:
        groups.append(group)
        return [Broken(), Entry()]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    client = TestClient(create_app(Settings(), fake))  # type: ignore[arg-type]
    assert groups == ["assistant.ui"] and mounted == ["fake"]
    assert client.get("/healthz").status_code == 200


# -- the service -------------------------------------------------------------------------------


class FakeAssistant:
    """Stands in for `assistant.core.Assistant`; `builds` is the newest build on 'disk'."""

    def __init__(self, build_id: str, disk: dict[str, Any]) -> None:
        self.build_id = build_id
        self.disk = disk
        self.asked: list[tuple[str, Any, int | None]] = []

    def ask(self, question: str, history: Any = None, top_k: int | None = None) -> Answer:
        self.asked.append((question, history, top_k))
        return make_answer(question, build=self.build_id)

    def status(self) -> dict[str, Any]:
        return {"build_id": self.build_id}

    def sources(self) -> list[dict[str, Any]]:
        return []

    def document(self, doc_id: str) -> dict[str, Any]:
        raise NotFound(doc_id)

    def is_current(self) -> bool:
        return self.build_id == self.disk["newest"]

    def reopen(self) -> FakeAssistant:
        self.disk["reopens"] += 1
        if self.disk.get("broken"):
            raise RuntimeError("corrupt build")
        return FakeAssistant(self.disk["newest"], self.disk)


class Report:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return self.data


def make_service(disk: dict[str, Any], **kwargs: Any) -> AssistantService:
    disk.setdefault("newest", "b1")
    disk.setdefault("reopens", 0)
    disk.setdefault("opens", 0)

    def open_assistant(settings: Settings) -> FakeAssistant:
        disk["opens"] += 1
        if disk.get("missing"):
            raise IndexNotBuilt("no build yet")
        return FakeAssistant(disk["newest"], disk)

    return AssistantService(Settings(), open_assistant=open_assistant, **kwargs)


def test_service_loads_once_even_under_concurrency() -> None:
    disk: dict[str, Any] = {}
    service = make_service(disk)
    assert service.build_id is None  # lazy
    barrier = threading.Barrier(8)

    def ask() -> None:
        barrier.wait()
        service.ask("q")

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert disk["opens"] == 1 and service.build_id == "b1"


def test_service_swaps_to_a_new_build_and_old_holders_keep_theirs() -> None:
    disk: dict[str, Any] = {}
    service = make_service(disk)
    old = service.current()
    assert service.ask("q").index_build == "b1"
    disk["newest"] = "b2"
    assert service.ask("q", [Turn("user", "hi")], 3).index_build == "b2"
    assert old.build_id == "b1" and old.ask("q").index_build == "b1"  # in-flight keeps working
    assert disk["reopens"] == 1
    service.ask("q")
    assert disk["reopens"] == 1  # swapped once
    assert service.current().asked[0] == ("q", [Turn("user", "hi")], 3)  # type: ignore[attr-defined]


def test_service_keeps_serving_when_the_new_build_fails_to_open() -> None:
    disk: dict[str, Any] = {"broken": True}
    service = make_service(disk, reopen_retry_s=60)
    service.ask("q")
    disk["newest"] = "b2"
    assert service.ask("q").index_build == "b1"
    assert service.ask("q").index_build == "b1"
    assert disk["reopens"] == 1  # not retried on every request


def test_service_ready_and_errors_without_an_index() -> None:
    disk: dict[str, Any] = {"missing": True}
    service = make_service(disk)
    assert service.ready() is False
    with pytest.raises(IndexNotBuilt):
        service.ask("q")
    disk["missing"] = False  # a build appears: picked up without a restart
    assert service.ready() is True


def test_service_stream_yields_word_groups_then_the_answer() -> None:
    service = make_service({})
    items = list(service.stream("q", words_per_piece=2))
    assert isinstance(items[-1], Answer)
    pieces = items[:-1]
    assert all(isinstance(p, str) for p in pieces) and "".join(pieces) == ANSWER_TEXT  # type: ignore[arg-type]
    assert len(pieces) == (len(ANSWER_TEXT.split()) + 1) // 2


@pytest.mark.parametrize(
    "text", ["", "one", "  leading and trailing  ", "a\n\nb\tc  d", "één twee drie vier"]
)
def test_split_into_pieces_round_trips(text: str) -> None:
    for size in (1, 2, 3, 10):
        assert "".join(split_into_pieces(text, size)) == text


def test_service_rebuild_swaps_to_the_new_build() -> None:
    disk: dict[str, Any] = {}

    def rebuild(settings: Settings) -> Report:
        disk["newest"] = "b2"
        return Report({"build_id": "b2"})

    service = make_service(disk, rebuild_index=rebuild)
    service.ask("q")
    assert service.rebuild() == {"build_id": "b2"}
    assert service.build_id == "b2"


def test_service_rebuild_refuses_a_second_one() -> None:
    started, release = threading.Event(), threading.Event()

    def slow_rebuild(settings: Settings) -> Report:
        started.set()
        release.wait(5)
        return Report({})

    service = make_service({}, rebuild_index=slow_rebuild)
    thread = threading.Thread(target=service.rebuild)
    thread.start()
    started.wait(5)
    with pytest.raises(Busy):
        service.rebuild()
    release.set()
    thread.join()
    assert service.rebuild() == {}  # the lock was released


def test_service_rebuild_maps_the_index_lock_to_busy() -> None:
    def locked(settings: Settings) -> Report:
        raise RebuildInProgress("held by pid 1")

    service = make_service({}, rebuild_index=locked)
    with pytest.raises(Busy):
        service.rebuild()


# -- bearer tokens -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, None), ("", None), ("Bearer", None), ("Bearer   ", None), ("Basic abc", None),
     ("Bearer abc", "abc"), ("bearer abc", "abc"), ("  Bearer  abc  ", "abc")],
)  # fmt: skip
def test_bearer_token(header: str | None, expected: str | None) -> None:
    assert bearer_token(header) == expected


def test_authorizer() -> None:
    auth = Authorizer("s3cret")
    assert auth.configured and auth.allows("Bearer s3cret")
    for header in [None, "", "Bearer s3cre", "Bearer s3cret2", "s3cret", "Bearer S3CRET"]:
        assert not auth.allows(header)
    assert not auth.allows("Bearer é")  # non-ASCII compares, and fails, without raising
    for token in (None, ""):
        nobody = Authorizer(token)
        assert not nobody.configured and not nobody.allows("Bearer ") and not nobody.allows(None)


def test_format_sources_is_empty_without_citations() -> None:
    assert format_sources(()) == ""
    cited: Sequence[Citation] = make_answer().citations
    assert format_sources(cited).startswith("\n\nSources:\n[1] ")
