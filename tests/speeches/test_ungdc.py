"""Reading the General Debate corpus: files, speaker list, and the rule that matches them."""

from __future__ import annotations

from pathlib import Path

from unlib.speeches.ungdc import read_corpus

HEADER = "Year,Session,ISO Code,Country,Name of Person Speaking,Post,\n"


def test_real_corpus(shared_data: Path) -> None:
    corpus = read_corpus(shared_data / "ungdc")
    assert len(corpus.speeches) == 1361
    by_ref = {s.ref: s for s in corpus.speeches}
    # Misspelt codes in the speaker list find their files through the country name.
    assert by_ref["PRT_75_2020"].speaker == "Mr. Antonio Costa"
    assert by_ref["PRT_75_2020"].notes == [
        "speaker list code POR read as PRT (by country name 'Portuguese Republic')"
    ]
    assert by_ref["ZAF_71_2016"].speaker == "Mr. Jacob Zuma"
    assert by_ref["PRK_72_2017"].speaker == "Mr. Ri Yong Ho"
    assert by_ref["USA_75_2020"].post == "President"
    assert by_ref["EU_75_2020"].country_name == "European Union"
    # Speakers without a file and files without a speaker are warnings.
    assert sum("has no speech file" in w for w in corpus.warnings) == 3
    assert any("EU_69_2014.txt: no speaker" in w for w in corpus.warnings)
    assert by_ref["EU_69_2014"].speaker is None


def test_one_session_folder_finds_the_list(shared_data: Path) -> None:
    corpus = read_corpus(shared_data / "ungdc" / "TXT" / "Session 75 - 2020")
    assert len(corpus.speeches) == 193
    assert all(s.session == 75 for s in corpus.speeches)
    assert all(s.speaker for s in corpus.speeches)
    assert corpus.warnings == []


def test_quirks(tmp_path: Path) -> None:
    folder = tmp_path / "TXT" / "Session 80 - 2025"
    folder.mkdir(parents=True)
    for name in ("ATG_80_2025", "EU_80_2025", "NRU_80_2025", "FRA_80_2025", "readme"):
        (folder / f"{name}.txt").write_bytes(b"\xef\xbb\xbfA paragraph.\r\nAnother.\r\n")
    (tmp_path / "speakers_by_session.csv").write_text(
        HEADER
        + "2025,80,ATG,Antigua and Barbuda,Mr. A,Prime Minister,\n"
        + "2025,80,ATG,Antigua and Barbuda,Mr. B,Prime Minister,\n"  # a second row
        + "2025,80,EC,Europian Union,Mr. C,President of the European Council,\n"  # alias
        + "2025,80,NUR,Republic of Nauru,Mr. D,President,\n"  # by name
        + "2025,80,CMR,Cameroon,,,\n"  # no file
        + "2025,79,USA,United States,Mr. E,President,\n",  # another session: not here
        encoding="utf-8",
    )
    corpus = read_corpus(tmp_path)
    by_ref = {s.ref: s for s in corpus.speeches}
    assert set(by_ref) == {"ATG_80_2025", "EU_80_2025", "NRU_80_2025", "FRA_80_2025"}
    assert by_ref["ATG_80_2025"].speaker == "Mr. A"
    assert by_ref["EU_80_2025"].notes == ["speaker list code EC read as EU (known misspelling)"]
    assert by_ref["NRU_80_2025"].speaker == "Mr. D"
    assert by_ref["FRA_80_2025"].country_name == "France"
    warnings = "\n".join(corpus.warnings)
    assert "readme.txt: not named ISO_SESSION_YEAR.txt" in warnings
    assert "second row for ('ATG', 80)" in warnings
    assert "CMR 'Cameroon' in session 80 has no speech file" in warnings
    assert "FRA_80_2025.txt: no speaker" in warnings
    assert "USA" not in warnings
