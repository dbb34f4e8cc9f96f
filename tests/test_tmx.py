"""TMX 1.4b export and import: valid against the DTD, readable by translate-toolkit, safe to parse."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from align.errors import InputError
from align.interchange.tmx import DTD_PATH, read_tmx, tmx_alignment, tmx_bytes, validate_tmx, xml_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "interchange"
SCHEMA = {"link": pl.Int64, "fr_ids": pl.List(pl.Int64), "en_ids": pl.List(pl.Int64), "fr": pl.Utf8, "mt": pl.Utf8,
          "en": pl.Utf8, "score": pl.Float64, "status": pl.Utf8, "mt_engine": pl.Utf8}

# Text that breaks naive writers: markup characters, quotes, non-breaking and narrow spaces,
# emoji, a control character (illegal in XML 1.0) and a carriage return.
TRICKY_FR = "La traite <des> personnes & l'« exploitation »\u00a0: \"crime\"\u202f! 🚫\x07"
TRICKY_EN = "Trafficking <in> persons & 'exploitation'\u00a0: \"crime\"! 🚫\r\nline two"


def alignment(rows: list[tuple]) -> pl.DataFrame:
    """An alignment frame from (fr_ids, en_ids, fr, mt, en, score, status) tuples."""
    return pl.DataFrame(
        [{"link": index, "fr_ids": list(fr_ids), "en_ids": list(en_ids), "fr": fr, "mt": mt, "en": en, "score": score,
          "status": status, "mt_engine": "apertium" if mt else ""}
         for index, (fr_ids, en_ids, fr, mt, en, score, status) in enumerate(rows)],
        schema=SCHEMA,
    )


@pytest.fixture
def official() -> pl.DataFrame:
    """A document with an official English version: two 1-1 links, a 1-0 and a 0-1 null link."""
    return alignment([
        ((0,), (0,), TRICKY_FR, "Trafficking <of> persons & exploitation 🚫", TRICKY_EN, 0.91, "confirmed"),
        ((1,), (1,), "Les victimes ont besoin de protection.", "The victims need protection.", "Victims need protection.", 0.55,
         "needs-review"),
        ((2,), (), "Phrase sans équivalent.", "Sentence without equivalent.", "", 0.0, "auto"),
        ((), (2,), "", "", "An English sentence alone.", 0.0, "auto"),
    ])


@pytest.fixture
def machine_only() -> pl.DataFrame:
    """A document with no official English: every link is French + machine translation."""
    return alignment([
        ((0,), (), "La traite est un crime.", "Trafficking is a crime.", "", 1.0, "auto"),
        ((1,), (), "Aidez les victimes.", "Help the victims.", "", 1.0, "confirmed"),
    ])


def units(data: bytes) -> list[etree._Element]:
    return etree.fromstring(data).findall("body/tu")


def props(unit: etree._Element) -> dict[str, str]:
    return {prop.get("type"): prop.text or "" for prop in unit.findall("prop")}


def seg(unit: etree._Element, lang: str) -> str:
    return unit.find(f"tuv[@{{http://www.w3.org/XML/1998/namespace}}lang='{lang}']/seg").text


@pytest.mark.parametrize("english", ["official", "mt", "both"])
@pytest.mark.parametrize("frame_name", ["official", "machine_only"])
def test_every_export_validates_against_the_tmx_dtd(english: str, frame_name: str, request) -> None:
    data = tmx_bytes(request.getfixturevalue(frame_name), "doc", english=english)
    assert validate_tmx(data) == []


def test_the_dtd_rejects_what_tmx_forbids() -> None:
    """The DTD is a real check: a <tuv> without xml:lang, or a <tu> with no <tuv>, fails."""
    header = ('<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="fr" '
              'datatype="plaintext"/>')
    assert validate_tmx(f'<tmx version="1.4">{header}<body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>'.encode())
    assert validate_tmx(f'<tmx version="1.4">{header}<body><tu><prop type="x">y</prop></tu></body></tmx>'.encode())
    assert validate_tmx(b'<tmx version="1.4"><header creationtool="t"/><body/></tmx>')
    assert DTD_PATH.exists()


def test_header_has_the_required_attributes(official) -> None:
    created = datetime(2024, 7, 30, 9, 15, tzinfo=UTC)
    header = etree.fromstring(tmx_bytes(official, "doc", created=created)).find("header")
    assert header.get("srclang") == "fr-FR" and header.get("segtype") == "sentence" and header.get("datatype") == "plaintext"
    assert header.get("creationtool") == "align" and header.get("creationtoolversion") and header.get("o-tmf") and header.get("adminlang")
    assert header.get("creationdate") == "20240730T091500Z"


def test_official_english_one_unit_per_link_and_no_unit_for_null_links(official) -> None:
    found = units(tmx_bytes(official, "doc"))
    assert [unit.get("tuid") for unit in found] == ["doc-0", "doc-1"]
    assert seg(found[1], "en") == "Victims need protection."
    assert props(found[0]) == {"x-document": "doc", "x-link": "0", "x-score": "0.9100", "x-status": "confirmed",
                               "x-english-source": "official"}
    assert found[0].find("note") is None


def test_machine_translation_is_used_and_marked_when_there_is_no_official_english(machine_only) -> None:
    found = units(tmx_bytes(machine_only, "doc"))
    assert [seg(unit, "en") for unit in found] == ["Trafficking is a crime.", "Help the victims."]
    for unit in found:
        assert props(unit)["x-english-source"] == "machine-translation" and props(unit)["x-engine"] == "apertium"
        assert "Machine translation (apertium)" in unit.find("note").text


def test_mt_option_writes_the_machine_translation_even_where_there_is_an_official_one(official) -> None:
    found = units(tmx_bytes(official, "doc", english="mt"))
    assert [seg(unit, "en") for unit in found] == ["Trafficking <of> persons & exploitation 🚫", "The victims need protection.",
                                                   "Sentence without equivalent."]
    assert {props(unit)["x-english-source"] for unit in found} == {"machine-translation"}


def test_both_option_writes_the_mt_as_a_second_unit_never_two_english_variants(official) -> None:
    found = units(tmx_bytes(official, "doc", english="both"))
    assert [unit.get("tuid") for unit in found] == ["doc-0", "doc-0-mt", "doc-1", "doc-1-mt", "doc-2-mt"]
    for unit in found:
        languages = [variant.get("{http://www.w3.org/XML/1998/namespace}lang") for variant in unit.findall("tuv")]
        assert languages == ["fr-FR", "en"]
    assert seg(found[1], "en") == "Trafficking <of> persons & exploitation 🚫"


def test_status_option_keeps_only_confirmed_links(official, machine_only) -> None:
    assert [unit.get("tuid") for unit in units(tmx_bytes(official, "doc", status="confirmed"))] == ["doc-0"]
    assert [unit.get("tuid") for unit in units(tmx_bytes(machine_only, "doc", status="confirmed"))] == ["doc-1"]


def test_translate_toolkit_reads_every_unit_back_unchanged(official, machine_only) -> None:
    for frame, english in ((official, "both"), (machine_only, "official")):
        data = tmx_bytes(frame, "doc", english=english)
        store = tmxfile.parsestring(data)
        expected = [unit for unit in units(data)]
        assert len(store.units) == len(expected) > 0
        for read, written in zip(store.units, expected, strict=True):
            assert read.getid() == written.get("tuid")
            assert read.source == seg(written, "fr-FR")
            assert read.target == seg(written, "en")
    store = tmxfile.parsestring(tmx_bytes(official, "doc"))
    assert store.units[0].source == xml_text(TRICKY_FR) == TRICKY_FR.replace("\x07", "")
    assert store.units[0].target == TRICKY_EN


def test_our_reader_reads_our_writer(official) -> None:
    data = tmx_bytes(official, "doc", english="official")
    read = read_tmx("aligned.tmx", data)
    assert [(unit.fr, unit.en) for unit in read] == [(TRICKY_FR.replace("\x07", ""), TRICKY_EN),
                                                    ("Les victimes ont besoin de protection.", "Victims need protection.")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("omegat-project_save.tmx", [("La traite des personnes est un crime grave.", "Human smuggling is a serious crime."),
                                     ("Les victimes ont besoin de protection.", "Victims need protection."),
                                     ("Le trafic d'êtres humains & l'exploitation « sexuelle ».", "Trafficking in persons & sexual exploitation.")]),
        ("trados-studio.tmx", [("Le Protocole de Palerme définit la traite des personnes.", "The Palermo Protocol defines human trafficking."),
                               ("Une prostituée a été identifiée comme victime.", "A prostitute was identified as a victim.")]),
        ("memoq.tmx", [("Journée mondiale de la dignité des victimes de la traite d'êtres humains", "World Day against Trafficking in Persons"),
                       ("Aucune victime ne doit être poursuivie.", "No victim should be prosecuted.")]),
    ],
)
def test_reads_tmx_written_by_cat_tools(name: str, expected: list[tuple[str, str]]) -> None:
    """OmegaT (TMX 1.1, `lang`, upper-case codes), Trados Studio and memoQ (inline codes, `hi`)."""
    read = read_tmx(FIXTURES / name)
    assert [(unit.fr.strip(), unit.en.strip()) for unit in read] == expected
    frame = tmx_alignment(read)
    assert frame.columns == list(SCHEMA) and frame["link"].to_list() == list(range(len(expected)))
    assert (frame["mt"] == "").all()


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("no-french.tmx", "no French side"),
        ("malformed.tmx", "malformed XML"),
        ("billion-laughs.tmx", "entity"),
        ("xxe.tmx", "external entity (XXE)"),
        ("glossary.csv", "malformed XML"),
        ("tbx-basic-2019.tbx", "not a TMX file"),
    ],
)
def test_bad_or_hostile_tmx_gives_a_clear_error_naming_the_file(name: str, problem: str) -> None:
    with pytest.raises(InputError) as error:
        read_tmx(FIXTURES / name)
    assert problem in error.value.problem and name in str(error.value)


def test_xxe_never_reads_the_referenced_file(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    hostile = (FIXTURES / "xxe.tmx").read_text(encoding="utf-8").replace("file:///etc/passwd", secret.as_uri())
    with pytest.raises(InputError) as error:
        read_tmx("hostile.tmx", hostile.encode())
    assert "TOP-SECRET" not in str(error.value)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_check_command_flags_forbidden_terms_in_a_cat_tool_tmx(tmp_path) -> None:
    result = run_cli("check", str(FIXTURES / "trados-studio.tmx"), "--glossary", str(FIXTURES / "glossary.csv"), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    flags = pl.read_csv(tmp_path / "flags.csv", infer_schema=False)
    forbidden = flags.filter(pl.col("kind") == "forbidden-term")
    found = set(zip(forbidden["link"].to_list(), forbidden["side"].to_list(), forbidden["text"].str.to_lowercase().to_list()))
    assert ("1", "fr", "prostituée") in found and ("1", "en", "prostitute") in found
    assert "trados-studio.tmx: 2 units" in result.stdout


def test_check_command_writes_next_to_the_file_by_default(tmp_path) -> None:
    copy = tmp_path / "memoq.tmx"
    copy.write_bytes((FIXTURES / "memoq.tmx").read_bytes())
    result = run_cli("check", str(copy), "--glossary", str(FIXTURES / "glossary.csv"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "flags.csv").exists()


@pytest.mark.parametrize("name", ["no-french.tmx", "billion-laughs.tmx", "xxe.tmx", "malformed.tmx"])
def test_check_command_exits_2_with_one_line_for_bad_tmx(name: str, tmp_path) -> None:
    result = run_cli("check", str(FIXTURES / name), "--glossary", str(FIXTURES / "glossary.csv"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert name in result.stderr and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "flags.csv").exists()


def test_a_frame_read_back_from_alignment_csv_exports_the_same_tmx(official, tmp_path) -> None:
    """The app may hold the alignment as read from alignment.csv: all text, no mt_engine column."""
    from align.export.tables import write_csv

    write_csv(official.drop("mt_engine"), tmp_path / "alignment.csv")
    from_csv = pl.read_csv(tmp_path / "alignment.csv", infer_schema=False)
    created = datetime(2024, 1, 1, tzinfo=UTC)
    assert tmx_bytes(from_csv, "doc", created=created) == tmx_bytes(official, "doc", created=created)
