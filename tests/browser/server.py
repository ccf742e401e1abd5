"""A real unlib service for the browser tests: a sample of the shared UN data ingested with the
``unlib ingest`` command, served by ``unlib serve`` in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

# (folder under the shared data, glob): the Chinese reports, the Charter in six languages, both
# GA resolutions (PDF) and 30 Security Council resolutions of 1990-1991 that cite each other.
SAMPLE = (
    ("zh-reports", "*.txt"),
    ("un-charter", "un_charter_*.txt"),
    ("ga-resolution-pdfs-en", "*.pdf"),
    *(("unsc-resolutions-en/texts", f"S_RES_0{n}_*_EN_GOLD.txt") for n in range(660, 720, 2)),
)

# Our own document, so the escaping of text taken from documents can be tested.
SCRIPT_PROBE_NAME = "script-probe.html"
SCRIPT_PROBE_TEXT = 'Probe <script>alert("x")</script>'
SCRIPT_PROBE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Probe &lt;script&gt;alert("x")&lt;/script&gt;</title></head>
<body><p>This probe document quotes &lt;script&gt;alert("x")&lt;/script&gt; in its text,
and it must be shown as text, never run.</p></body></html>
"""

HEALTH_PATH = "/api/v1/health"
START_SECONDS = 60.0


def sample_files(shared: Path, own_dir: Path) -> list[Path]:
    files: list[Path] = []
    for folder, pattern in SAMPLE:
        found = sorted((shared / folder).glob(pattern))
        if not found:
            raise FileNotFoundError(f"no {pattern} in {shared / folder}")
        files.extend(found)
    probe = own_dir / SCRIPT_PROBE_NAME
    probe.write_text(SCRIPT_PROBE_HTML, encoding="utf-8")
    files.append(probe)
    return files


def _unlib(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "unlib", "--data", str(data_dir), *args]


def _environment(work_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNLIB_")}
    env["UNLIB_CONFIG"] = str(work_dir / "absent.toml")  # no stray unlib.toml
    env["UNLIB_HOST"] = "127.0.0.1"
    return env


def run_unlib(data_dir: Path, *args: str) -> str:
    """Run the ``unlib`` command on ``data_dir`` and return what it printed; fails with its
    error output."""
    done = subprocess.run(
        _unlib(data_dir, *args),
        capture_output=True,
        text=True,
        env=_environment(data_dir.parent),
        cwd=data_dir.parent,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"unlib {' '.join(args[:2])} failed ({done.returncode}):\n{done.stderr[-4000:]}"
        )
    return done.stdout


def ingest(data_dir: Path, files: list[Path]) -> dict[str, Any]:
    """Run ``unlib ingest --json`` and return its report."""
    report: dict[str, Any] = json.loads(run_unlib(data_dir, "ingest", "--json", *map(str, files)))
    return report


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """``unlib serve`` with one worker on a free port; a context manager."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.data_dir = data_dir
        self.log_path = log_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        command = _unlib(self.data_dir, "serve", "--port", str(self.port), "--workers", "1")
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=_environment(self.data_dir.parent),
                cwd=self.data_dir.parent,
                start_new_session=True,  # its own process group, ended as one at teardown
            )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]

    def _wait_until_healthy(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + START_SECONDS
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"unlib serve exited with {self._process.returncode}:\n{self.log_tail()}"
                )
            try:
                answer = httpx.get(self.url + HEALTH_PATH, timeout=2.0)
                if answer.status_code == 200:
                    return
                last_error = f"{HEALTH_PATH} answered {answer.status_code}: {answer.text[:300]}"
            except httpx.TransportError as error:
                last_error = repr(error)
            time.sleep(0.2)
        raise RuntimeError(
            f"unlib serve not healthy after {START_SECONDS:.0f} s ({last_error}):\n"
            f"{self.log_tail()}"
        )

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
