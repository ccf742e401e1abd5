"""``unlib serve``: the web application in several uvicorn worker processes.

The parent opens the library once (creating or upgrading the catalogue and the index before
workers could race to), checks the port, then hands every setting to the workers through
``UNLIB_*`` environment variables; each worker builds its app with
:func:`unlib.web.app.create_app` and holds one :class:`Library`.

On Linux each worker listens on a socket of its own bound with ``SO_REUSEPORT``, so the kernel
spreads connections over the workers. With one shared socket (uvicorn's own multi-worker mode,
used elsewhere) the first worker to wake accepts a whole burst of connections: measured here,
20 keep-alive clients all ended on one of two workers, halving throughput.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any, Final

import uvicorn

from unlib.services.library import Library
from unlib.settings import SETTINGS, Settings

APP_FACTORY: Final = "unlib.web.app:create_app"
UVICORN_OPTIONS: Final[dict[str, Any]] = {
    "factory": True,
    "server_header": False,
    "timeout_graceful_shutdown": 10,
}
# A worker that dies sooner than this after its start is not restarted: something is wrong.
MIN_WORKER_SECONDS: Final = 10.0
STOP_SECONDS: Final = 15.0


class ServeError(RuntimeError):
    """The server cannot start; the message says why and what to do."""


def serve(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
) -> None:
    """Serve the library of ``settings`` until interrupted (Ctrl-C or SIGTERM)."""
    host = host or settings.host
    port = port if port is not None else settings.port
    workers = max(1, workers or settings.web_workers)
    settings = settings.with_overrides(data=str(settings.data_dir.resolve()))
    prepare_library(settings)
    check_port(host, port)
    os.environ.update(worker_environment(settings))
    print(f"unlib: serving {settings.data_dir} at {url(host, port)}", flush=True)
    if workers > 1 and sys.platform.startswith("linux"):
        Supervisor(host, port, workers).run()
    else:
        uvicorn.run(APP_FACTORY, host=host, port=port, workers=workers, **UVICORN_OPTIONS)


def prepare_library(settings: Settings) -> None:
    """Create or upgrade the catalogue and the index once, before the workers open them."""
    try:
        with Library(settings, create=True) as library:
            library.index.passage_count()  # creates the index folder when it is missing
    except OSError as error:
        raise ServeError(
            f"cannot use the data folder {settings.data_dir}: {error.strerror or error}"
        ) from error


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def worker_environment(settings: Settings) -> dict[str, str]:
    """Every setting as its ``UNLIB_*`` variable, so workers see what the parent saw."""
    return {s.env: str(settings.values[s.name]) for s in SETTINGS}


def check_port(host: str, port: int) -> None:
    """Raise :class:`ServeError` when ``host:port`` cannot be listened on."""
    try:
        listening_socket(host, port, reuse_port=False).close()
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use (another unlib serve?): stop that "
                "server or choose another port with --port"
            ) from error
        reason = error.strerror or str(error)
        raise ServeError(f"cannot listen on {host}:{port}: {reason}") from error


def listening_socket(host: str, port: int, *, reuse_port: bool) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named explicitly: asyncio then sets TCP_NODELAY on each connection (without
    # it, Nagle and delayed ACKs add 40 ms to every answer).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def run_worker(host: str, port: int) -> None:
    """One worker process: its own ``SO_REUSEPORT`` socket, one uvicorn server."""
    sock = listening_socket(host, port, reuse_port=True)
    uvicorn.Server(uvicorn.Config(APP_FACTORY, **UVICORN_OPTIONS)).run(sockets=[sock])


class Supervisor:
    """Starts the workers, restarts one that dies, stops them all on SIGINT or SIGTERM."""

    def __init__(self, host: str, port: int, count: int) -> None:
        self.host, self.port, self.count = host, port, count
        self.context = multiprocessing.get_context("spawn")
        self.stopping = threading.Event()
        self.workers: list[tuple[BaseProcess, float]] = []

    def run(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._on_signal)
        self.workers = [self._start() for _ in range(self.count)]
        try:
            while not self.stopping.wait(0.5):
                self._restart_dead()
        finally:
            self._stop_all()

    def _on_signal(self, sig: int, frame: FrameType | None) -> None:
        self.stopping.set()

    def _start(self) -> tuple[BaseProcess, float]:
        process = self.context.Process(target=run_worker, args=(self.host, self.port))
        process.start()
        return process, time.monotonic()

    def _restart_dead(self) -> None:
        for n, (process, started) in enumerate(self.workers):
            if process.is_alive() or self.stopping.is_set():
                continue
            if time.monotonic() - started < MIN_WORKER_SECONDS:
                print(
                    f"unlib: a web worker stopped right after starting (exit code "
                    f"{process.exitcode}); see its messages above — stopping the server",
                    file=sys.stderr,
                    flush=True,
                )
                self.stopping.set()
                return
            print(
                f"unlib: web worker {process.pid} stopped (exit code {process.exitcode}); "
                "starting another",
                file=sys.stderr,
                flush=True,
            )
            self.workers[n] = self._start()

    def _stop_all(self) -> None:
        for process, _ in self.workers:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        deadline = time.monotonic() + STOP_SECONDS
        for process, _ in self.workers:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
