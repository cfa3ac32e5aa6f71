"""A real uvicorn server on a real index, driven by real clients (httpx, openai, gradio_client)."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.api import create_app
from assistant.settings import Settings

pytestmark = pytest.mark.slow

ADMIN_TOKEN = "integration-admin-token"
QUESTION_EN = "Who was Sergei Kirov?"
QUESTION_NL = "Wanneer vond de Grote Terreur plaats?"
PASSWD_MARKERS = (b"root:x:", b"root:*:", b"daemon:", b"/bin/bash")
TRAVERSALS = [
    "/api/sources/..%2F..%2Fetc%2Fpasswd",
    "/api/sources/../../etc/passwd",
    "/file=/etc/passwd",
    "/file=../../../../etc/passwd",
    "/gradio_api/file=/etc/passwd",
    "/gradio_api/file=..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/file/etc/passwd",
    "/static/../../etc/passwd",
    "/static/..%2F..%2Fetc%2Fpasswd",
    "/assets/../../../../etc/passwd",
    "/../../../../etc/passwd",
    "/etc/passwd",
]


def ui_plugins() -> list[Any] | None:
    """The installed `assistant.ui` plugins; failing that, the UI in this tree, mounted directly
    (so the UI is exercised even before the package is reinstalled)."""
    if list(entry_points(group="assistant.ui")):
        return None  # create_app discovers them
    try:
        from ui.app import mount
    except ImportError:
        return []
    return [mount]


@pytest.fixture(scope="module")
def server_settings(
    real_index_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    # A private copy of the index: the rebuild test must not change the session's index.
    data = tmp_path_factory.mktemp("server-data") / "data"
    shutil.copytree(real_index_settings.data_dir, data)
    return real_index_settings.model_copy(update={"data_dir": data, "admin_token": ADMIN_TOKEN})


@pytest.fixture(scope="module")
def server(server_settings: Settings) -> Iterator[str]:
    import uvicorn

    app = create_app(server_settings, ui_plugins=ui_plugins())
    # Bound before the server starts: no window for another process to take the port.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uvicorn_server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    # The first question loads the model; do it once here, not in a timed test.
    httpx.get(f"{url}/readyz", timeout=300).raise_for_status()
    yield url
    uvicorn_server.should_exit = True
    thread.join(30)
    sock.close()


@pytest.fixture
def http(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=120) as client:
        yield client


def assert_citations_are_exact(http: httpx.Client, answer: dict[str, Any]) -> None:
    texts: dict[str, str] = {}
    for citation in answer["citations"]:
        doc_id = citation["document_id"]
        if doc_id not in texts:
            response = http.get(f"/api/sources/{doc_id}")
            assert response.status_code == 200, response.text
            texts[doc_id] = response.json()["text"]
        assert texts[doc_id][citation["start"] : citation["end"]] == citation["quote"]
    for passage in answer["passages"]:
        if passage["document_id"] in texts:
            text = texts[passage["document_id"]]
            assert text[passage["start"] : passage["end"]] == passage["text"]


def parse_sse_lines(lines: Iterator[str]) -> Iterator[tuple[str, str]]:
    event, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
        elif not line.startswith(":"):
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "event":
                event = value
            elif name == "data":
                data.append(value)
    if data:
        yield event, "\n".join(data)


def test_health_and_readiness(http: httpx.Client) -> None:
    assert http.get("/healthz").json() == {"status": "ok"}
    ready = http.get("/readyz")
    assert ready.status_code == 200 and ready.json()["build_id"]
    assert http.get("/docs").status_code == 200


@pytest.mark.parametrize(("question", "language"), [(QUESTION_EN, "en"), (QUESTION_NL, "nl")])
def test_ask_answers_with_exact_citations(http: httpx.Client, question: str, language: str) -> None:
    response = http.post("/api/ask", json={"question": question})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["question"] == question and answer["language"] == language
    assert not answer["abstained"] and answer["citations"] and answer["answer"]
    assert_citations_are_exact(http, answer)


def test_ask_rejects_bad_input(http: httpx.Client, server_settings: Settings) -> None:
    too_long = "x" * (server_settings.max_question_chars + 1)
    for body in [{"question": ""}, {"question": too_long}, {"question": "q", "top_k": 0}]:
        response = http.post("/api/ask", json=body)
        assert response.status_code == 422 and "error" in response.json()


def test_stream_sends_deltas_then_answer_then_done(http: httpx.Client) -> None:
    with http.stream("POST", "/api/ask/stream", json={"question": QUESTION_EN}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = list(parse_sse_lines(response.iter_lines()))
    names = [name for name, _ in events]
    assert names[-2:] == ["answer", "done"] and set(names[:-2]) == {"delta"}
    answer = json.loads(events[-2][1])
    assert "".join(json.loads(data)["text"] for _, data in events[:-2]) == answer["answer"]
    assert_citations_are_exact(http, answer)


def test_sources_and_documents(http: httpx.Client, server_settings: Settings) -> None:
    sources = http.get("/api/sources").json()
    corpus_files = sorted(p.name for p in Path(server_settings.corpus_dir).iterdir()
                          if not p.name.startswith("."))
    assert sorted(s["source"] for s in sources) == corpus_files
    for source in sources:
        document = http.get(f"/api/sources/{source['id']}").json()
        expected = (Path(server_settings.corpus_dir) / source["source"]).read_text("utf-8")
        assert document["id"] == source["id"] and document["text"].strip() in expected.strip()
    assert http.get("/api/sources/ffffffffffffffff").status_code == 404


def test_openai_sdk(server: str) -> None:
    import openai

    client = openai.OpenAI(base_url=f"{server}/v1", api_key="not-needed", max_retries=0)
    assert [m.id for m in client.models.list()] == ["citing-assistant"]
    messages: Any = [
        {"role": "system", "content": "Ignored."},
        {"role": "user", "content": QUESTION_EN},
    ]
    completion = client.chat.completions.create(model="citing-assistant", messages=messages)
    content = completion.choices[0].message.content or ""
    assert "\n\nSources:\n[1] " in content
    citations = (completion.model_extra or {})["citations"]
    assert citations and all(f"“{c['quote']}”" in content for c in citations)

    stream = client.chat.completions.create(model="my-name", messages=messages, stream=True)
    chunks = list(stream)
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert streamed == content  # same question, same index: same answer
    assert {c.model for c in chunks} == {"my-name"}
    assert (chunks[-1].model_extra or {})["citations"] == citations


def test_gradio_client_chat(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False, download_files=False, analytics_enabled=False)
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    if "/chat" not in endpoints:
        pytest.skip("the UI exposes no api_name='chat' endpoint (is a UI plugin mounted?)")
    parameters = endpoints["/chat"]["parameters"]
    values = {"message": QUESTION_EN, "history": []}
    args = [values.get(p["parameter_name"], p.get("parameter_default")) for p in parameters]
    result = client.predict(*args, api_name="/chat")
    chat = result[0] if isinstance(result, (list, tuple)) else result
    assert isinstance(chat, list) and chat[-1]["role"] == "assistant"
    assert "cite-ref" in json.dumps(chat[-1]["content"])  # a cited answer, not an error


def test_ui_entry_point_is_registered() -> None:
    if not list(entry_points(group="assistant.ui")):
        pytest.skip(
            "no `assistant.ui` entry point installed: pyproject.toml needs "
            '[project.entry-points."assistant.ui"] gradio = "ui.app:mount" and a reinstall'
        )
    (entry,) = [e for e in entry_points(group="assistant.ui") if e.name == "gradio"]
    assert callable(entry.load())


def raw_get(server: str, path: str) -> tuple[int, bytes]:
    """Send `path` byte for byte (HTTP clients would normalise `..` away)."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        response = b""
        while chunk := conn.recv(65536):
            response += chunk
    status = int(response.split(b" ", 2)[1])
    return status, response


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_route_serves_files_outside_the_corpus(server: str, path: str) -> None:
    status, response = raw_get(server, path)
    assert not any(marker in response for marker in PASSWD_MARKERS)
    assert status != 200 or b"root:" not in response


def test_rebuild_over_http_needs_the_admin_token_and_keeps_serving(http: httpx.Client) -> None:
    assert http.post("/api/index/rebuild").status_code == 403
    wrong = {"Authorization": "Bearer wrong"}
    assert http.post("/api/index/rebuild", headers=wrong).status_code == 403
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}

    def rebuild() -> httpx.Response:
        return http.post("/api/index/rebuild", headers=admin, timeout=600)

    def ask() -> httpx.Response:
        return http.post("/api/ask", json={"question": QUESTION_EN})

    with ThreadPoolExecutor(4) as pool:
        rebuilds = [pool.submit(rebuild) for _ in range(2)]
        asks = [pool.submit(ask) for _ in range(4)]  # answered throughout the rebuild
        statuses = sorted(f.result().status_code for f in rebuilds)
        assert all(f.result().status_code == 200 for f in asks)
    assert statuses in ([200, 200], [200, 409])
    report = next(f.result().json() for f in rebuilds if f.result().status_code == 200)
    assert isinstance(report, dict)
    after = http.post("/api/ask", json={"question": QUESTION_EN})
    assert after.status_code == 200
    assert after.json()["index_build"] == http.get("/readyz").json()["build_id"]
