"""Load test: N concurrent clients asking questions of `POST /api/ask` for T seconds.

    python -m benchmarks.load                        # starts its own server on the settings' index
    python -m benchmarks.load --url http://127.0.0.1:7860 --clients 50 --duration 60 --json

Only loopback servers are accepted: this is a benchmark, not a load generator for other hosts.
Latency percentiles are over successful answers; failures are counted by kind.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import math
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

# Generic enough for any collection, in both languages the assistant speaks.
DEFAULT_QUESTIONS = (
    "What is this collection about?",
    "Who are the most important people in these documents?",
    "When did the main events take place?",
    "What were the consequences of these events?",
    "Why did it happen?",
    "How many people were affected?",
    "Waar gaan deze documenten over?",
    "Wie waren de belangrijkste personen?",
    "Wanneer gebeurde dit?",
    "Wat waren de gevolgen?",
)


@dataclass(frozen=True)
class LoadConfig:
    url: str
    clients: int = 20
    duration_s: float = 30.0
    max_requests: int = 5000
    questions: tuple[str, ...] = DEFAULT_QUESTIONS
    api_key: str | None = None
    top_k: int | None = None
    timeout_s: float = 60.0


@dataclass(frozen=True)
class LoadReport:
    url: str
    clients: int
    requests: int
    ok: int
    errors: int
    errors_by_kind: dict[str, int] = field(default_factory=dict)
    duration_s: float = 0.0
    throughput_rps: float = 0.0
    p50_ms: float | None = None
    p95_ms: float | None = None
    max_ms: float | None = None
    mean_ms: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def is_loopback_url(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_questions(path: Path) -> tuple[str, ...]:
    """One question a line: a JSON string, or an object with a "question" field."""
    questions = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        question = item.get("question") if isinstance(item, dict) else item
        if not isinstance(question, str) or not question.strip():
            raise ValueError(f"{path}:{number}: no question")
        questions.append(question)
    if not questions:
        raise ValueError(f"{path}: no questions")
    return tuple(questions)


def percentile(sorted_values: Sequence[float], fraction: float) -> float | None:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


async def run_load(config: LoadConfig) -> LoadReport:
    import httpx

    latencies: list[float] = []
    failures: Counter[str] = Counter()
    issued = 0  # one event loop: plain counters are safe
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    limits = httpx.Limits(max_connections=config.clients, max_keepalive_connections=config.clients)
    started = time.perf_counter()
    deadline = started + config.duration_s

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < config.max_requests and time.perf_counter() < deadline:
            question = config.questions[issued % len(config.questions)]
            issued += 1
            body: dict[str, Any] = {"question": question}
            if config.top_k is not None:
                body["top_k"] = config.top_k
            sent = time.perf_counter()
            try:
                response = await client.post("/api/ask", json=body)
            except httpx.HTTPError as exc:
                failures[type(exc).__name__] += 1
                continue
            if response.status_code == 200:
                latencies.append((time.perf_counter() - sent) * 1000)
            else:
                failures[f"http_{response.status_code}"] += 1

    async with httpx.AsyncClient(
        base_url=config.url, headers=headers, limits=limits, timeout=config.timeout_s
    ) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(config.clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    errors = sum(failures.values())
    return LoadReport(
        url=config.url,
        clients=config.clients,
        requests=len(latencies) + errors,
        ok=len(latencies),
        errors=errors,
        errors_by_kind=dict(failures),
        duration_s=round(elapsed, 3),
        throughput_rps=round(len(latencies) / elapsed, 2) if elapsed > 0 else 0.0,
        p50_ms=_round(percentile(latencies, 0.50)),
        p95_ms=_round(percentile(latencies, 0.95)),
        max_ms=_round(latencies[-1] if latencies else None),
        mean_ms=_round(sum(latencies) / len(latencies) if latencies else None),
    )


def _round(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def format_table(report: LoadReport) -> str:
    def ms(value: float | None) -> str:
        return f"{value:.1f} ms" if value is not None else "-"

    rows = [
        ("server", report.url),
        ("clients", str(report.clients)),
        ("duration", f"{report.duration_s:.1f} s"),
        ("requests", str(report.requests)),
        ("ok", str(report.ok)),
        ("errors", str(report.errors)),
        *((f"  {kind}", str(count)) for kind, count in sorted(report.errors_by_kind.items())),
        ("throughput", f"{report.throughput_rps:.2f} answers/s"),
        ("latency p50", ms(report.p50_ms)),
        ("latency p95", ms(report.p95_ms)),
        ("latency max", ms(report.max_ms)),
        ("latency mean", ms(report.mean_ms)),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def local_server(startup_timeout_s: float = 300.0) -> Iterator[str]:
    """Serve the settings' index (ASSISTANT_* variables) on a free loopback port.

    A separate process, so the server does not share a GIL with the clients it is measured by.
    """
    import httpx

    port = _free_port()
    code = (
        "from assistant.api import serve; from assistant.settings import Settings; "
        f"serve(Settings(), '127.0.0.1', {port})"
    )
    # stdout carries uvicorn's access log: dropped, it would bury the report (and --json).
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with status {process.returncode}")
            try:
                ready = httpx.get(f"{url}/readyz", timeout=startup_timeout_s)
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not start in time") from None
                time.sleep(0.2)
                continue
            if ready.status_code != 200:
                message = ready.json().get("error", {}).get("message", ready.text)
                raise RuntimeError(f"the server has no index: {message}")
            break
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--url", help="a running server (loopback only); default: start one")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds to run (30)")
    parser.add_argument("--max-requests", type=int, default=5000, help="stop after (5000)")
    parser.add_argument("--questions", type=Path, help="JSONL file of questions")
    parser.add_argument("--top-k", type=int, help="passages per question (server default)")
    parser.add_argument("--api-key", help="bearer key (default: ASSISTANT_API_KEY)")
    parser.add_argument("--timeout", type=float, default=60.0, help="per request, seconds (60)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.duration <= 0 or args.max_requests < 1:
        parser.error("--clients, --duration and --max-requests must be positive")
    if args.url and not is_loopback_url(args.url):
        parser.error(f"refusing {args.url!r}: only 127.0.0.1 / localhost servers may be loaded")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from assistant.settings import Settings

    # The entry point: the one place that reads ASSISTANT_* variables. (The ignore is for mypy
    # without the pydantic plugin, which cannot see that every field has a default.)
    settings = Settings()  # type: ignore[call-arg]
    try:
        questions = load_questions(args.questions) if args.questions else DEFAULT_QUESTIONS
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    def config(url: str) -> LoadConfig:
        return LoadConfig(
            url=url.rstrip("/"),
            clients=args.clients,
            duration_s=args.duration,
            max_requests=args.max_requests,
            questions=questions,
            api_key=args.api_key or settings.api_key,
            top_k=args.top_k,
            timeout_s=args.timeout,
        )

    try:
        if args.url:
            report = asyncio.run(run_load(config(args.url)))
        else:
            with local_server() as url:
                report = asyncio.run(run_load(config(url)))
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_table(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
