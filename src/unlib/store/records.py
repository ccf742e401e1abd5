"""Rows the catalogue hands back: small frozen dataclasses, independent of the SQL dialect."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class WorkRow:
    id: int
    key: str
    symbol: str | None
    doc_type: str
    body: str | None
    session: str | None
    date: str | None
    adopted: str | None
    meeting: str | None
    year: int | None
    agenda: tuple[str, ...]
    created_at: str
    updated_at: str

    @property
    def label(self) -> str:
        """What a reader calls this work: its symbol, else its local id."""
        return self.symbol or self.key


@dataclass(frozen=True, slots=True)
class VersionRow:
    id: int
    work_id: int
    lang: str
    title: str | None
    date: str | None
    lang_confidence: float | None
    needs_ocr: bool
    primary_sha: str
    n_chars: int
    indexed: bool


@dataclass(frozen=True, slots=True)
class FileRow:
    sha256: str
    version_id: int
    original_name: str
    source_path: str
    size: int
    format: str
    media_type: str
    symbol_source: str | None
    warnings: tuple[str, ...]
    ingested_at: str


@dataclass(frozen=True, slots=True)
class PassageRow:
    id: int
    version_id: int
    seq: int
    para: str | None
    kind: str
    page: int | None
    start: int | None
    end: int | None
    text: str


@dataclass(frozen=True, slots=True)
class CitationLink:
    """A cited (or citing) work, resolved against the catalogue when we hold it."""

    symbol: str
    key: str
    kind: str
    count: int
    work_id: int | None  # None: we do not hold this document
    languages: tuple[str, ...] = ()  # languages of the citing text (for "cited by")


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What adding one ingested file did to the catalogue."""

    action: str  # "new-work" | "new-version" | "added-file" | "replaced-text"
    work_id: int
    version_id: int
    work_label: str
    lang: str
    # (passage id, seq) of the passages written for this version, title (seq -1) first;
    # empty when the file was only attached to an existing version.
    passage_ids: list[tuple[int, int]] = field(default_factory=list)
    # Other versions of the work whose index entries carry work facts that just changed.
    stale_versions: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RejectionRow:
    id: int
    sha256: str | None
    path: str
    reason: str
    quarantined_as: str | None
    at: str
