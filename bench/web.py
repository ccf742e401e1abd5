"""Web benchmark: ``unlib serve`` (2 workers) under 20 concurrent clients, and page weight.

    python bench/web.py [--data DIR] [--requests 2000] [--clients 20] [--workers 2]

Ingests the demo sample (``unlib.demo.SAMPLE``) into DIR (a temporary folder by default; an
existing library is reused as it is), starts ``unlib serve`` on a free port and measures:

* the search API (``/api/v1/search``) over a fixed mixed-language query list, closed loop:
  each client sends its next request as soon as the previous answer arrives;
* record pages (``/record/<symbol>``) of every work the library holds, the same way;
* the bytes of a first load of a search results page: the HTML and every stylesheet, script,
  icon and image it references (and what the stylesheets reference), uncompressed and gzip.

Prints one table, with the CPU time each request cost the server (all its processes) and the
load generator itself: on a small machine both share the cores, so read latencies with them.
Targets: search p95 < 100 ms, record p95 < 50 ms, first page < 200 KB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("UNLIB_SHARED_DATA") or ROOT.parent / "shared" / "data")
QUERIES = (
    "数字图书馆",
    "可持续发展目标",
    "安全理事会 决议",
    "联合国宪章",
    "peacekeeping operations",
    "climate change",
    '"human rights"',
    "tuberculosis political declaration",
    "sustainable development lang:en",
    "S/RES/687 (1991)",
    "A/RES/73/3",
    "Iraq Kuwait year:1990..1991",
    "paix et sécurité",
    "desarrollo sostenible",
    "Совет Безопасности",
    "الأمم المتحدة",
)
FIRST_PAGE = "/search?q=" + quote("数字图书馆")
TARGETS = {"search": 100.0, "record": 50.0}


# -- the library and the server -------------------------------------------------------------


def prepare(data: Path) -> None:
    from unlib.demo import sample_files
    from unlib.services.library import Library
    from unlib.settings import load_settings

    settings = load_settings({}, config=data / "absent.toml", data=str(data))
    with Library(settings, create=True) as library:
        report = library.ingest(sample_files(SHARED))
        works = library.works(page=1, per_page=1)["total"]
    print(f"library: {data} — {works} works ({report.ingested} files ingested now)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(self, base: str, pid: int) -> None:
        self.base = base
        self.pid = pid

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server and its worker processes (Linux /proc)."""
        total = 0.0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if stat.parent.name == str(self.pid) or fields[1] == str(self.pid):
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total


@contextmanager
def server(data: Path, workers: int, log: Path) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNLIB_")}
    env["UNLIB_CONFIG"] = str(data / "absent.toml")
    command = [sys.executable, "-m", "unlib", "--data", str(data), "serve"]
    command += ["--port", str(port), "--workers", str(workers)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, process, log)
        yield Server(base, process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"unlib serve exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"unlib serve did not become healthy:\n{log.read_text()[-3000:]}")


# -- load -------------------------------------------------------------------------------------


async def closed_loop(base: str, urls: list[str], total: int, clients: int) -> list[float]:
    """Latencies (ms) of ``total`` requests cycling through ``urls``, ``clients`` at a time."""
    latencies: list[float] = []
    issued = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one_client() -> None:
            nonlocal issued
            while issued < total:
                url = urls[issued % len(urls)]
                issued += 1
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies


def run_load(served: Server, urls: list[str], total: int, clients: int) -> dict[str, float]:
    asyncio.run(closed_loop(served.base, urls, min(total, 200), clients))  # warm-up
    started, cpu, own = time.perf_counter(), served.cpu_seconds(), time.process_time()
    latencies = asyncio.run(closed_loop(served.base, urls, total, clients))
    seconds = time.perf_counter() - started
    cpu, own = served.cpu_seconds() - cpu, time.process_time() - own
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "p99": ordered[int(0.99 * (len(ordered) - 1))],
        "rps": len(latencies) / seconds,
        "server_ms": cpu * 1000 / len(latencies),
        "client_ms": own * 1000 / len(latencies),
    }


def record_urls(base: str) -> list[str]:
    works = httpx.get(base + "/api/v1/works", params={"per_page": 500}).json()["works"]
    return ["/record/" + quote(work["id"], safe="/:") for work in works]


# -- page weight ------------------------------------------------------------------------------


class _Assets(HTMLParser):
    """What a browser fetches for a page: stylesheets, icons, scripts, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        rel = (found.get("rel") or "").lower().split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.urls.append(found.get("href") or "")
        elif tag in ("script", "img") and found.get("src"):
            self.urls.append(found["src"] or "")


def first_load(base: str) -> dict[str, int]:
    """Body bytes of the page and everything it loads: uncompressed and as sent with gzip."""
    sizes = {"files": 0, "raw": 0, "gzip": 0}
    pending, seen = [base + FIRST_PAGE], set()
    with httpx.Client() as client:
        while pending:
            url = pending.pop()
            if url in seen or not url.startswith(base):
                continue
            seen.add(url)
            plain = client.get(url, headers={"accept-encoding": "identity"})
            with client.stream("GET", url, headers={"accept-encoding": "gzip"}) as packed:
                wire = sum(len(chunk) for chunk in packed.iter_raw())
            sizes["files"] += 1
            sizes["raw"] += len(plain.content)
            sizes["gzip"] += wire
            pending += [urljoin(url, ref) for ref in _references(plain)]
    return sizes


def _references(response: httpx.Response) -> list[str]:
    media = response.headers.get("content-type", "")
    if media.startswith("text/html"):
        parser = _Assets()
        parser.feed(response.text)
        return [u for u in parser.urls if u]
    if media.startswith("text/css"):
        return [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", response.text) if ":" not in u]
    return []


# -- load with wrk (a C load generator: the Python client above costs as much CPU as the
#    server on a 2-core machine, and its own scheduling shows up in the tail) ------------------

WRK_SCRIPT = """
urls = {%s}
i = 0
request = function()
  i = i %% #urls + 1
  return wrk.format("GET", urls[i], {["Accept-Encoding"] = "gzip"})
end
done = function(summary, latency, requests)
  io.write(string.format("WRK %%d %%f %%f %%f %%f\\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.duration / 1e6))
end
"""


def run_wrk(served: Server, urls: list[str], seconds: int, clients: int) -> dict[str, float] | None:
    """p50/p95/p99 under ``clients`` connections for ``seconds`` with wrk, if installed."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ",".join(json.dumps(u) for u in urls))
    cpu = served.cpu_seconds()
    out = subprocess.run(
        [wrk, "-t2", f"-c{clients}", f"-d{seconds}s", "-s", script.name, served.base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    requests, p50, p95, p99, duration = (float(v) for v in line.split()[1:])
    return {
        "requests": requests,
        "p50": p50,
        "p95": p95,
        "p99": p99,
        "rps": requests / duration,
        "server_ms": (served.cpu_seconds() - cpu) / requests * 1000,
        "client_ms": 0.0,
    }


# -- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="library to use (default: a temporary one)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="unlib-bench-web-") as scratch:
        data = (args.data or Path(scratch) / "data").resolve()
        prepare(data)
        with server(data, args.workers, Path(scratch) / "serve.log") as served:
            search_urls = ["/api/v1/search?q=" + quote(q) for q in QUERIES]
            search = run_load(served, search_urls, args.requests, args.clients)
            records = record_urls(served.base)
            record = run_load(served, records, args.requests, args.clients)
            with_wrk = {
                "search": run_wrk(served, search_urls, 15, args.clients),
                "record": run_wrk(served, records, 15, args.clients),
            }
            weight = first_load(served.base)
    report(args, search, record, weight)
    if with_wrk["search"] and with_wrk["record"]:
        print("\nthe same with wrk as the load generator (C; 15 s per phase):")
        report_rows(with_wrk["search"], with_wrk["record"])
    else:
        print("\n(install wrk — apt-get install wrk — for a load generator that costs no Python)")
    return 0


def report(
    args: argparse.Namespace,
    search: dict[str, float],
    record: dict[str, float],
    weight: dict[str, int],
) -> None:
    cores = os.cpu_count()
    print(f"\n{args.workers} workers, {args.clients} clients (closed loop), {cores} cores")
    print(
        f"{'':14}{'requests':>9}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'req/s':>7}"
        f"{'CPU ms/req: server':>19}{'client':>7}  target p95"
    )
    report_rows(search, record)
    verdict = "ok" if weight["gzip"] < 200_000 else "MISSED"
    print(
        f"first load of {FIRST_PAGE}: {weight['files']} files, {weight['raw'] / 1000:.1f} KB "
        f"uncompressed, {weight['gzip'] / 1000:.1f} KB with gzip (target < 200 KB: {verdict})"
    )


def report_rows(search: dict[str, float], record: dict[str, float]) -> None:
    for name, row in (("search API", search), ("record page", record)):
        target = TARGETS[name.split()[0]]
        verdict = "ok" if row["p95"] < target else "MISSED"
        print(
            f"{name:14}{row['requests']:>9.0f}{row['p50']:>8.1f}{row['p95']:>8.1f}"
            f"{row['p99']:>8.1f}{row['rps']:>7.0f}{row['server_ms']:>19.2f}{row['client_ms']:>7.2f}"
            f"  < {target:.0f} ms {verdict}"
        )


if __name__ == "__main__":
    sys.exit(main())
