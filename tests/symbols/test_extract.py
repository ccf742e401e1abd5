"""Finding UN document references in running text, in the six languages, with exact spans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unlib.model import Mention
from unlib.symbols import extract


def _found(text: str, lang: str | None, body: str | None = None) -> list[tuple[str, str]]:
    mentions = extract(text, lang, body=body)
    _check_spans(text, mentions)
    return [(m.symbol, m.text) for m in mentions]


def _check_spans(text: str, mentions: list[Mention]) -> None:
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "lang", "body", "expected"),
    [
        # Bare symbols, brackets, markdown links, continuations.
        ("见报告(A/74/5(Vol.I))。", "zh", None, [("A/74/5 (Vol.I)", "A/74/5(Vol.I)")]),
        (
            "两份报告([A/AC.198/2023/2](#) 和 [A/AC.198/202\n3/3](#))",
            "zh",
            None,
            [("A/AC.198/2023/2", "A/AC.198/2023/2"), ("A/AC.198/2023/3", "A/AC.198/202\n3/3")],
        ),
        (
            "See documents S/26649 and Add.1.",
            "en",
            None,
            [("S/26649", "S/26649"), ("S/26649/Add.1", "Add.1")],
        ),
        (
            "Voir A/78/1 et Corr.1, par. 3.",
            "fr",
            None,
            [("A/78/1", "A/78/1"), ("A/78/1/Corr.1", "Corr.1")],
        ),
        ("见A/78/1和Corr.1。", "zh", None, [("A/78/1", "A/78/1"), ("A/78/1/Corr.1", "Corr.1")]),
        (
            "documents S/1/Add.4, Add.5 and 6;",
            "en",
            None,
            [("S/1/Add.4", "S/1/Add.4"), ("S/1/Add.5", "Add.5"), ("S/1/Add.6", "6")],
        ),
        ("(S/2/Add.7-9)", "en", None, [("S/2/Add.7", "S/2/Add.7"), ("S/2/Add.9", "9")]),
        (
            "A/35/89-S/13784 and ＳＴ／ＳＧＢ／２０１９／８.",
            "en",
            None,
            [
                ("A/35/89", "A/35/89"),
                ("S/13784", "S/13784"),
                ("ST/SGB/2019/8", "ＳＴ／ＳＧＢ／２０１９／８"),
            ],
        ),
        (
            "https://undocs.org/en/S/RES/2535(2020)",
            "en",
            None,
            [("S/RES/2535 (2020)", "S/RES/2535(2020)")],
        ),
        # English phrases and organs.
        (
            "Recalling its resolutions 661 (1990) of 6 August 1990, 665 (1990) of 25 August\n1990 "
            "and 678 (1990),",
            "en",
            None,
            [
                ("S/RES/661 (1990)", "resolutions 661 (1990)"),
                ("S/RES/665 (1990)", "665 (1990)"),
                ("S/RES/678 (1990)", "678 (1990)"),
            ],
        ),
        (
            "in line with Human Rights Council resolution 33/11 and decision 77/545",
            "en",
            None,
            [("A/HRC/RES/33/11", "resolution 33/11"), ("A/DEC/77/545", "decision 77/545")],
        ),
        (
            "under Economic and Social Council resolution 2008/5",
            "en",
            None,
            [("E/RES/2008/5", "resolution 2008/5")],
        ),
        (
            "General Assembly resolutions 1514 (XV) and 217 A (III), and resolution ES-10/19",
            "en",
            None,
            [
                ("A/RES/1514 (XV)", "resolutions 1514 (XV)"),
                ("A/RES/217 A (III)", "217 A (III)"),
                ("A/RES/ES-10/19", "resolution ES-10/19"),
            ],
        ),
        (
            "the General Assembly, in its resolution 35/219 A and B,",
            "en",
            None,
            [
                ("A/RES/35/219 A", "resolution 35/219 A and B"),
                ("A/RES/35/219 B", "resolution 35/219 A and B"),
            ],
        ),
        (
            "In its resolution 5/1, the Council",
            "en",
            "A/HRC",
            [("A/HRC/RES/5/1", "resolution 5/1")],
        ),
        (
            "the Council, in its resolution 1817 (LV)",
            "en",
            None,
            [("E/RES/1817 (LV)", "resolution 1817 (LV)")],
        ),
        ("paragraph 24 of resolution 687 as amended", "en", "S", [("S/RES/687", "resolution 687")]),
        # Not UN symbols.
        (
            "World Health Assembly resolution 69.2, ILO Convention No. 182, ISBN 978-92-1-002844-8, "
            "job 18-16895, paragraph 3 (a), the 2021/22 period, page 12/24",
            "en",
            None,
            [],
        ),
        ("the Caribbean resolution 689 (XXXV) and WHO resolution 60/2", "en", None, []),
        ("the Commission on the Status of Women, in its resolution 60/2", "en", None, []),
        ("two resolutions 31 adopted; from the date of this resolution 4 programme", "en", "S", []),
        # Meetings.
        (
            "Adopted unanimously at the\n2754th meeting.",
            "en",
            "S",
            [("S/PV.2754", "2754th meeting")],
        ),
        ("Adopted unanimously at the 2754th meeting.", "en", None, []),
        (
            "Adopted by the Security Council at its 3157th meeting,",
            "en",
            None,
            [("S/PV.3157", "3157th meeting")],
        ),
        ("the 24th meeting of the Commission", "en", "S", []),
        (
            "Provisional agenda for the 7364th meeting of the Security Council",
            "en",
            None,
            [("S/PV.7364", "7364th meeting")],
        ),
        (
            "made at the 1354th and 1355th meetings",
            "en",
            "S",
            [("S/PV.1354", "1354th"), ("S/PV.1355", "1355th meetings")],
        ),
        # Chinese.
        (
            "大会第 [77/128 B](#) 号决议编写",
            "zh",
            None,
            [("A/RES/77/128 B", "第 [77/128 B](#) 号决议")],
        ),
        (
            "安全理事会第1160(1998)、1199(1998)和1244(1999)号决议",
            "zh",
            None,
            [
                ("S/RES/1160 (1998)", "第1160(1998)"),
                ("S/RES/1199 (1998)", "1199(1998)"),
                ("S/RES/1244 (1999)", "1244(1999)号决议"),
            ],
        ),
        ("大会第 77/545 号决定", "zh", None, [("A/DEC/77/545", "第 77/545 号决定")]),
        ("安全理事会第4011次会议", "zh", None, [("S/PV.4011", "第4011次会议")]),
        ("人权理事会第33/11号决议", "zh", None, [("A/HRC/RES/33/11", "第33/11号决议")]),
        ("经济及社会理事会第2008/5号决议", "zh", None, [("E/RES/2008/5", "第2008/5号决议")]),
        ("第 1 244（1999）号决议", "zh", None, [("S/RES/1244 (1999)", "第 1 244（1999）号决议")]),
        (
            "大会第 52/214 号、第 73/27\n0 号和第 74/252\n\n号决议",
            "zh",
            None,
            [
                ("A/RES/52/214", "第 52/214"),
                ("A/RES/73/270", "73/27\n0"),
                ("A/RES/74/252", "74/252\n\n号决议"),
            ],
        ),
        (
            "大会第75/101 A-B号决议",
            "zh",
            None,
            [("A/RES/75/101 A", "第75/101 A-B号决议"), ("A/RES/75/101 B", "第75/101 A-B号决议")],
        ),
        (
            "人权理事会在其2012年9月27日第21/11号决议中",
            "zh",
            None,
            [("A/HRC/RES/21/11", "第21/11号决议")],
        ),
        ("社会发展委员会2004年2月13日第42/1号决议", "zh", None, []),
        ("人权理事会第 S-30/1 号决议", "zh", None, [("A/HRC/RES/S-30/1", "第 S-30/1 号决议")]),
        (
            "大会第七十八届会议第12次全体会议",
            "zh",
            None,
            [("A/78/PV.12", "大会第七十八届会议第12次全体会议")],
        ),
        ("安理会第 8 967 次会议", "zh", None, [("S/PV.8967", "第 8 967 次会议")]),
        ("大会第 83 次全体会议; 全体工作组第2次会议", "zh", "S", []),
        # Arabic (with Arabic-Indic digits and spelled part letters), Russian, French, Spanish.
        ("وإذ يشير إلى القرار ٧٧/١٢٨ باء", "ar", None, [("A/RES/77/128 B", "القرار ٧٧/١٢٨ باء")]),
        (
            "قرار مجلس الأمن 1244 (1999) وقرارات الجمعية العامة",
            "ar",
            None,
            [("S/RES/1244 (1999)", "قرار مجلس الأمن 1244 (1999)")],
        ),
        (
            "ссылаясь на резолюцию 77/128 В и резолюции 1160 (1998) и 1244 (1999)",
            "ru",
            None,
            [
                ("A/RES/77/128 B", "резолюцию 77/128 В"),
                ("S/RES/1160 (1998)", "резолюции 1160 (1998)"),
                ("S/RES/1244 (1999)", "1244 (1999)"),
            ],
        ),
        ("на своем 4011-м заседании", "ru", "S", [("S/PV.4011", "4011-м заседании")]),
        (
            "rappelant la résolution 1244 (1999) du Conseil de sécurité",
            "fr",
            None,
            [("S/RES/1244 (1999)", "résolution 1244 (1999)")],
        ),
        ("à sa 4011e séance", "fr", "S", [("S/PV.4011", "4011e séance")]),
        (
            "recordando la resolución 77/128 B y la resolución 33/11 del Consejo de Derechos Humanos",
            "es",
            None,
            [("A/RES/77/128 B", "resolución 77/128 B"), ("A/HRC/RES/33/11", "resolución 33/11")],
        ),
        ("en su 4011ª sesión", "es", "S", [("S/PV.4011", "4011ª sesión")]),
    ],
)
def test_references(
    text: str, lang: str, body: str | None, expected: list[tuple[str, str]]
) -> None:
    assert _found(text, lang, body) == expected


def test_language_unknown_tries_every_language() -> None:
    text = "resolución 77/128 B; 第1244(1999)号决议; резолюция 60/251"
    symbols = [m.symbol for m in extract(text)]
    assert symbols == ["A/RES/77/128 B", "S/RES/1244 (1999)", "A/RES/60/251"]


def test_kinds_and_keys() -> None:
    mentions = extract("resolution 1244 (1999), decision 77/545, S/PV.4011 and A/78/251*", "en")
    assert [(m.kind, m.key) for m in mentions] == [
        ("resolution", "S/RES/1244"),
        ("decision", "A/DEC/77/545"),
        ("meeting", "S/PV.4011"),
        ("document", "A/78/251"),
    ]


def test_mandate_list_under_a_heading() -> None:
    text = "大会决议\n\n13 (I) 秘书处的组织\n\n32/40 B 巴勒斯坦问题\n\n70/93 A 信息问题\n标题续行\n"
    assert _found(text, "zh") == [
        ("A/RES/13 (I)", "13 (I)"),
        ("A/RES/32/40 B", "32/40 B"),
        ("A/RES/70/93 A", "70/93 A"),
    ]


def test_spans_on_real_reports(shared_data: Path) -> None:
    for path in sorted((shared_data / "zh-reports").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = extract(text, "zh")
        assert mentions, path.name
        _check_spans(text, mentions)


def test_english_and_chinese_versions_agree(shared_data: Path) -> None:
    """Aligned sentences of the UN Parallel Corpus must cite the same documents in both
    languages (the Chinese side is word-segmented there: spaces between CJK are removed)."""
    folder = shared_data / "unpc-v1.0-en-zh"
    english = (folder / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    chinese = (folder / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    cjk = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
    agree = differ = 0
    for en, zh in zip(english, chinese, strict=True):
        zh = re.sub(rf"(?<={cjk}) +(?={cjk}|[0-9A-Za-z(])|(?<=[0-9A-Za-z)]) +(?={cjk})", "", zh)
        en_symbols = sorted(m.symbol for m in extract(en, "en"))
        zh_symbols = sorted(m.symbol for m in extract(zh, "zh"))
        if en_symbols or zh_symbols:
            agree += en_symbols == zh_symbols
            differ += en_symbols != zh_symbols
    assert agree >= 90
    assert differ <= 0.03 * (agree + differ)
