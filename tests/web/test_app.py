"""The application around the API: headers, body limits, errors for people and programs,
HEAD/OPTIONS, compression, the OpenAPI document, and ``unlib serve``."""

from __future__ import annotations

import asyncio
import gzip
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import make_settings
from unlib.cli.main import app as cli_app
from unlib.settings import Settings
from unlib.web.app import create_app

PATH_EXAMPLES = {
    "symbol": "A/RES/73/3",
    "field": "year",
    "scheme": "unbis",
    "ident": "1000544",
    "ref": "charter-text",
}
QUERY_EXAMPLES = {
    "symbol": "A/RES/73/3",
    "para": "1",
    "a": "en",
    "b": "en",
    "q": "Charter",
    "work": "A/RES/73/3",
}
# Voting records and speeches are answered from a library of their own (``votes_client``).
RECORD_TAGS = frozenset({"votes", "speeches"})
RECORD_EXAMPLES = {"symbol": "A/RES/60/251", "code": "USA", "speech_id": "USA_73_2018"}
RECORD_QUERIES = {"a": "USA", "b": "CAN"}


def assert_secure(response: httpx.Response) -> None:
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


def test_security_headers_on_every_kind_of_response(client: TestClient) -> None:
    for response in (
        client.get("/api/v1/stats"),
        client.get("/api/v1/nowhere"),
        client.get("/nowhere", headers={"accept": "text/html"}),
        client.post("/api/v1/stats"),
        client.options("/api/v1/search"),
        client.get("/api/v1/openapi.json"),
    ):
        assert_secure(response)


@pytest.fixture(scope="module")
def failing_client(web_settings: Settings) -> Iterator[TestClient]:
    """The app with two routes that fail as a bug would: the 500 answer, never its details."""
    app = create_app(web_settings)

    async def boom() -> None:
        raise RuntimeError("internal detail /srv/secret.sqlite3")

    app.add_api_route("/api/v1/boom", boom)
    app.add_api_route("/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_unexpected_errors_are_500_without_internals(failing_client: TestClient) -> None:
    for url, accept, media in (
        ("/api/v1/boom", "text/html", "application/problem+json"),
        ("/boom", "text/html", "text/html"),
        ("/boom", "application/json", "application/problem+json"),
    ):
        response = failing_client.get(url, headers={"accept": accept})
        assert response.status_code == 500
        assert response.headers["content-type"].startswith(media)
        assert "secret" not in response.text and "Traceback" not in response.text
        if media == "application/problem+json":
            assert "unexpected error" in response.json()["detail"]
        assert_secure(response)


def test_errors_are_pages_for_people_and_problems_for_programs(client: TestClient) -> None:
    page = client.get("/nowhere", headers={"accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<html" in page.text and "Traceback" not in page.text
    for url, headers in (
        ("/nowhere", {"accept": "application/json"}),
        ("/nowhere.json", {"accept": "text/html"}),
        ("/api/v1/nowhere", {"accept": "text/html"}),
        ("/nowhere", {"accept": "text/html;q=0.5, application/json"}),
    ):
        response = client.get(url, headers=headers)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/problem+json", url
        assert response.json()["instance"] == url


def test_request_bodies_are_limited(client: TestClient) -> None:
    big = b'{"text": "' + b"x" * 1_100_000 + b'"}'
    declared = client.post(
        "/api/v1/symbols/extract", content=big, headers={"content-type": "application/json"}
    )
    assert declared.status_code == 413
    assert declared.json()["detail"].endswith("(1 MB)")

    def streamed() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(12):
            yield b"x" * 100_000
        yield b'"}'

    chunked = client.post(
        "/api/v1/symbols/extract", content=streamed(), headers={"content-type": "application/json"}
    )
    assert chunked.status_code == 413 and chunked.json()["type"].endswith("too-large")
    page = client.post("/", content=big, headers={"accept": "text/html"})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")


def test_head_and_options(client: TestClient) -> None:
    get = client.get("/api/v1/stats")
    head = client.head("/api/v1/stats")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]
    options = client.options("/api/v1/works/A/RES/73/3")
    assert options.status_code == 204 and options.headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/api/v1/ingest").headers["allow"] == "POST, OPTIONS"
    assert client.options("/api/v1/nowhere").status_code == 404
    refused = client.delete("/api/v1/stats")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, HEAD, OPTIONS"
    assert (
        refused.json()["detail"]
        == "DELETE is not allowed on /api/v1/stats (allowed: GET, HEAD, OPTIONS)"
    )


def test_json_is_compressed_for_clients_that_accept_gzip(client: TestClient) -> None:
    url = "/api/v1/search?q=Council"
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    plain = client.get(url, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert int(plain.headers["content-length"]) > len(gzip.compress(plain.content, 6)) > 0


def test_openapi_document(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "unlib"
    assert all(path.startswith("/api/v1") for path in spec["paths"])
    assert {"Problem", "SearchResponse", "WorkRecord"} <= set(spec["components"]["schemas"])
    upload = spec["paths"]["/api/v1/ingest"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert spec["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    for url in ("/docs", "/redoc", "/openapi.json"):  # no docs UI loading assets from a CDN
        assert client.get(url).status_code == 404


def _get_url(path: str, operation: dict[str, Any], sha256: str) -> str:
    record = bool(RECORD_TAGS & set(operation.get("tags", ())))
    values = RECORD_EXAMPLES if record else {**PATH_EXAMPLES, "sha256": sha256}
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    required = [p for p in operation.get("parameters", []) if p["in"] == "query" and p["required"]]
    query = "&".join(
        f"{p['name']}={(RECORD_QUERIES if record else QUERY_EXAMPLES)[p['name']]}" for p in required
    )
    return path + ("?" + query if query else "")


def test_every_openapi_get_path_answers_json(client: TestClient, votes_client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    sha256 = client.get("/api/v1/works/A/RES/73/3").json()["versions"][0]["files"][0]["sha256"]
    charter = client.get("/api/v1/search", params={"q": "Charter of the United Nations"}).json()[
        "results"
    ][0]["id"]
    checked = 0
    for path, operations in spec["paths"].items():
        if "get" not in operations or path.startswith("/api/v1/files/"):
            continue
        url = _get_url(path, operations["get"], sha256)
        if path == "/api/v1/compare/{symbol}":  # needs a work held in two languages
            url = f"/api/v1/compare/{charter}?a=en&b=zh&para=2"
        on = votes_client if RECORD_TAGS & set(operations["get"].get("tags", ())) else client
        response = on.get(url, headers={"accept": "text/html"})
        assert response.status_code == 200, (url, response.text)
        assert response.headers["content-type"] == "application/json", url
        response.json()
        checked += 1
    assert checked >= 9


# -- unlib serve --------------------------------------------------------------------------------


def _taken_port() -> tuple[socket.socket, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, sock.getsockname()[1]


def test_serve_says_clearly_when_the_port_is_taken(tmp_path: Path) -> None:
    sock, port = _taken_port()
    with sock:
        result = CliRunner().invoke(
            cli_app, ["--data", str(tmp_path / "data"), "serve", "--port", str(port)]
        )
    assert result.exit_code == 2
    assert f"port {port} on 127.0.0.1 is already in use" in result.output
    assert "Traceback" not in result.output


def test_serve_runs_workers_over_the_library(web_data: Path, tmp_path: Path) -> None:
    sock, port = _taken_port()
    sock.close()  # a port that was free a moment ago
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNLIB_")}
    env["UNLIB_CONFIG"] = str(tmp_path / "absent.toml")
    command = [sys.executable, "-m", "unlib", "--data", str(web_data), "serve"]
    command += ["--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        first_line = server.stdout.readline().decode()  # type: ignore[union-attr]
        assert first_line.strip() == f"unlib: serving {web_data} at http://127.0.0.1:{port}/"
        answer = _wait_for(f"http://127.0.0.1:{port}/api/v1/health", server)
        assert answer.json()["works"] == 38
        search = httpx.get(f"http://127.0.0.1:{port}/api/v1/search", params={"q": "数字图书馆"})
        assert search.json()["total"] >= 2 and "server" not in search.headers
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    assert server.returncode == 0


def _wait_for(url: str, server: subprocess.Popen[bytes]) -> httpx.Response:
    for _ in range(300):
        assert server.poll() is None, "unlib serve exited"
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"no answer from {url}")


def test_app_starts_without_settings_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNLIB_DATA", str(tmp_path / "env-data"))
    monkeypatch.setenv("UNLIB_CONFIG", str(tmp_path / "absent.toml"))
    app: FastAPI = create_app()
    with TestClient(app) as test_client:
        assert test_client.get("/api/v1/health").json()["works"] == 0
    assert (tmp_path / "env-data" / "catalogue.sqlite3").is_file()
    assert make_settings(tmp_path).data_dir == tmp_path


def test_worker_sockets_spread_connections_and_disable_nagle() -> None:
    from unlib.web.server import listening_socket

    async def nodelay_of_accepted_connection() -> int:
        sock = listening_socket("127.0.0.1", 0, reuse_port=True)
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            conn = writer.get_extra_info("socket")
            accepted.set_result(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=sock)
        async with server:
            _, writer = await asyncio.open_connection(*sock.getsockname())
            value = await accepted
            writer.close()
        return value

    # Without TCP_NODELAY, Nagle's algorithm and delayed ACKs hold each answer ~40 ms.
    # A thread of its own: another test in this worker (Playwright) may hold a running loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        value = pool.submit(asyncio.run, nodelay_of_accepted_connection()).result()
    assert value != 0


def test_a_worker_warms_up_only_when_the_setting_says_so(web_data: Path) -> None:
    for warm_up in (True, False):
        settings = make_settings(web_data, workers=1, warm_up=warm_up)
        with TestClient(create_app(settings)) as started:
            library = started.app.state.library  # type: ignore[attr-defined]
            # the retriever (embedder and vector index) is opened by the warm-up, else lazily
            assert (library._retriever is not None) is warm_up
