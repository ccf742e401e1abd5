"""Organ names and codes in the six languages."""

from __future__ import annotations

import pytest

from unlib.symbols import body_code, body_name, parse
from unlib.symbols.bodies import ORGAN_NAMES, SERIES


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("GA", "A"),
        ("General Assembly", "A"),
        ("general  assembly ", "A"),  # spacing and case do not matter
        ("大会", "A"),
        ("Assemblée générale", "A"),
        ("assemblee generale", "A"),
        ("a", "A"),
        ("Security Council", "S"),
        ("安理会", "S"),
        ("Совет Безопасности", "S"),
        ("مجلس الأمن", "S"),
        ("ECOSOC", "E"),
        ("Consejo Económico y Social", "E"),
        ("Human Rights Council", "A/HRC"),
        ("crc", "CRC"),
        ("World Health Assembly", None),
        ("", None),
    ],
)
def test_body_code(alias: str, code: str | None) -> None:
    assert body_code(alias) == code


def test_body_name() -> None:
    assert body_name("A") == "General Assembly"
    assert body_name("S") == "Security Council"
    assert body_name("s", "fr") == "Conseil de sécurité"
    assert body_name("E", "zh") == "经济及社会理事会"
    assert body_name("CRC") == "Committee on the Rights of the Child"
    assert body_name("CRC", "ru") == "Committee on the Rights of the Child"  # English only
    assert body_name("XYZ") is None


def test_every_organ_name_round_trips() -> None:
    for code, names in ORGAN_NAMES.items():
        for lang, name in names.items():
            assert body_code(name) == code, (lang, name)
            assert body_name(code, lang) == name


def test_every_series_prefix_makes_a_valid_symbol() -> None:
    for code in SERIES:
        assert parse(f"{code.lower()}/2023/1").body == code
