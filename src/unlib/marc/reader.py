"""Reading MARC 21 slim XML (MARCXML): records as control fields and data fields.

Namespace prefixes vary between exports (``marc:``, ``ns0:``, none), so elements are matched
by local name. Entities are not resolved and nothing is fetched from the network.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

# ASCII whitespace only: a no-break space may be a byte of mis-decoded UTF-8 (see undl).
_SPACES = re.compile(r"[ \t\r\n]+")


class MarcError(ValueError):
    """A file that is not readable MARCXML."""


@dataclass(frozen=True, slots=True)
class DataField:
    tag: str
    ind1: str
    ind2: str
    subfields: tuple[tuple[str, str], ...]

    def first(self, code: str) -> str | None:
        return next((value for c, value in self.subfields if c == code), None)

    def all(self, code: str) -> list[str]:
        return [value for c, value in self.subfields if c == code]


@dataclass(frozen=True, slots=True)
class MarcRecord:
    controls: dict[str, str]
    fields: tuple[DataField, ...]
    digest: str  # of the record's canonical XML: changes when the record does

    @property
    def control_number(self) -> str | None:
        return self.controls.get("001")

    def fields_of(self, *tags: str) -> list[DataField]:
        return [f for f in self.fields if f.tag in tags]

    def first(self, tag: str, code: str) -> str | None:
        for found in self.fields_of(tag):
            value = found.first(code)
            if value:
                return value
        return None


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def read_records(path: Path) -> Iterator[MarcRecord]:
    """Every ``record`` element of the MARCXML file ``path``, in order."""
    try:
        for _, element in etree.iterparse(
            str(path), events=("end",), resolve_entities=False, no_network=True, huge_tree=False
        ):
            if _local(element.tag) != "record":
                continue
            yield _record(element)
            element.clear()
    except etree.XMLSyntaxError as exc:
        raise MarcError(f"{path}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise MarcError(f"{path}: cannot read ({exc})") from None


def _record(element: etree._Element) -> MarcRecord:
    controls: dict[str, str] = {}
    fields: list[DataField] = []
    for child in element:
        name = _local(child.tag)
        if name == "controlfield":
            controls[child.get("tag", "")] = (child.text or "").strip()
        elif name == "datafield":
            subfields = tuple(
                (sub.get("code", ""), _SPACES.sub(" ", sub.text or "").strip(" "))
                for sub in child
                if _local(sub.tag) == "subfield"
            )
            fields.append(
                DataField(
                    child.get("tag", ""), child.get("ind1", " "), child.get("ind2", " "), subfields
                )
            )
    digest = hashlib.sha256(etree.tostring(element, method="c14n")).hexdigest()[:24]
    return MarcRecord(controls, tuple(fields), digest)
