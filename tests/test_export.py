"""Tables for people: CSV (with a BOM for Excel on request) and XLSX with flagged cells highlighted."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from align.export.tables import SEVERITY_COLOURS, csv_bytes, flags_frame, validate_tmx, write_csv, xlsx_bytes
from align.model import Flag

ROOT = Path(__file__).resolve().parent.parent
BOM = b"\xef\xbb\xbf"
GLOSSARY = ROOT / "tests" / "fixtures" / "interchange" / "glossary.csv"


@pytest.fixture
def alignment() -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"link": 0, "fr_ids": [0], "en_ids": [0], "fr": "Les prostituées & la traite « forcée »", "mt": "Prostitutes and trafficking",
             "en": "Prostitutes and forced trafficking", "score": 0.9, "status": "confirmed", "mt_engine": "apertium"},
            {"link": 1, "fr_ids": [1, 2], "en_ids": [], "fr": "Deux phrases. Sans équivalent 😀", "mt": "Two sentences.", "en": "",
             "score": 0.0, "status": "auto", "mt_engine": "apertium"},
            {"link": 2, "fr_ids": [3], "en_ids": [1], "fr": "=SOMME(A1)", "mt": "=SUM(A1)", "en": "=SUM(A1)", "score": 0.7,
             "status": "needs-review", "mt_engine": "apertium"},
        ],
        schema={"link": pl.Int64, "fr_ids": pl.List(pl.Int64), "en_ids": pl.List(pl.Int64), "fr": pl.Utf8, "mt": pl.Utf8, "en": pl.Utf8,
                "score": pl.Float64, "status": pl.Utf8, "mt_engine": pl.Utf8},
    )


@pytest.fixture
def flags() -> pl.DataFrame:
    return flags_frame([
        Flag(0, "fr", "forbidden-term", "error", 4, 15, "prostituées", "“prostituées” is not an accepted rendering", "personnes prostituées"),
        Flag(0, "fr", "style", "info", 0, 3, "Les", "an info flag on the same cell"),
        Flag(0, "en", "forbidden-term", "error", 0, 11, "Prostitutes", "“Prostitutes” is not an accepted rendering"),
        Flag(1, "fr", "omission", "warning", 0, 32, "Deux phrases. Sans équivalent 😀", "French text with no counterpart"),
        Flag(None, "fr", "boilerplate", "info", 0, 4, "Menu", "web page furniture, excluded from alignment"),
    ])


def test_csv_with_bom_starts_with_the_utf8_mark_and_reads_back_the_same(alignment) -> None:
    plain, marked = csv_bytes(alignment), csv_bytes(alignment, bom=True)
    assert not plain.startswith(BOM) and marked.startswith(BOM) and marked[len(BOM):] == plain
    read = pl.read_csv(io.BytesIO(marked), infer_schema=False)
    assert read.columns[0] == "link"  # the BOM does not leak into the first column name
    # a cell a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection), the rest as it is
    assert read["fr"].to_list() == alignment["fr"].to_list()[:2] + ["'=SOMME(A1)"]
    assert read["en"].to_list()[2] == "'=SUM(A1)"
    assert read["fr_ids"].to_list() == ["0", "1 2", "3"]
    assert marked.decode("utf-8-sig").splitlines()[0] == "link,fr_ids,en_ids,fr,mt,en,score,status,mt_engine"


def test_write_csv_keeps_the_previous_file(alignment, tmp_path) -> None:
    path = tmp_path / "alignment.csv"
    write_csv(alignment.head(1), path)
    write_csv(alignment, path, bom=True)
    assert path.read_bytes().startswith(BOM) and pl.read_csv(tmp_path / "alignment.csv.bak").height == 1


def fill(cell) -> str | None:
    return cell.fill.fgColor.rgb[-6:].upper() if cell.fill is not None and cell.fill.fill_type == "solid" else None


def test_xlsx_has_one_sheet_per_table_with_the_same_data(alignment, flags) -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(alignment, flags)))
    assert book.sheetnames == ["alignment", "flags"]
    sheet = book["alignment"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == alignment.columns
    assert [row[3] for row in rows[1:]] == alignment["fr"].to_list()
    assert rows[2][1] == "1 2"
    assert rows[3][3] == "=SOMME(A1)" and sheet.cell(4, 4).data_type == "s"  # text stays text, never a formula
    flag_rows = list(book["flags"].iter_rows(values_only=True))
    assert list(flag_rows[0]) == list(flags.columns) and len(flag_rows) == flags.height + 1


def test_xlsx_highlights_flagged_cells_with_their_worst_severity(alignment, flags) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(alignment, flags)))["alignment"]
    column = {name: index + 1 for index, name in enumerate(alignment.columns)}
    error, warning = SEVERITY_COLOURS["error"][1:].upper(), SEVERITY_COLOURS["warning"][1:].upper()
    assert fill(sheet.cell(2, column["fr"])) == error  # an error and an info: the error wins
    assert "error: “prostituées”" in sheet.cell(2, column["fr"]).comment.text and "info:" in sheet.cell(2, column["fr"]).comment.text
    assert fill(sheet.cell(2, column["en"])) == error
    assert fill(sheet.cell(3, column["fr"])) == warning
    for row, side in ((2, "mt"), (3, "en"), (4, "fr"), (4, "en")):
        assert fill(sheet.cell(row, column[side])) is None and sheet.cell(row, column[side]).comment is None


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_run_command_writes_bom_csv_xlsx_and_tmx_options(tmp_path) -> None:
    french, english = tmp_path / "communique.txt", tmp_path / "communique.en.txt"
    french.write_text("La traite des personnes est un crime grave.\n\nLes victimes ont besoin de protection et de soutien.\n", encoding="utf-8")
    english.write_text("Trafficking in persons is a serious crime.\n\nVictims need protection and support.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("run", str(french), "--en", str(english), "--out", str(out), "--glossary", str(GLOSSARY), "--mt-engine", "apertium",
                     "--csv-bom", "--xlsx", "--tmx-english", "both")
    assert result.returncode == 0, result.stderr
    folder = out / "communique"
    assert (folder / "alignment.csv").read_bytes().startswith(BOM) and (folder / "flags.csv").read_bytes().startswith(BOM)
    assert openpyxl.load_workbook(folder / "review.xlsx").sheetnames == ["alignment", "flags"]
    tmx = (folder / "aligned.tmx").read_bytes()
    assert validate_tmx(tmx) == []
    units = etree.fromstring(tmx).findall("body/tu")
    store = tmxfile.parsestring(tmx)
    assert [(unit.source, unit.target) for unit in store.units] == [(unit.findtext("tuv[1]/seg"), unit.findtext("tuv[2]/seg")) for unit in units]
    sources = [next(prop.text for prop in unit.findall("prop") if prop.get("type") == "x-english-source") for unit in units]
    assert set(sources) == {"official"}  # machine translation never shares a TM with official translations
    machine = etree.fromstring((folder / "aligned-mt.tmx").read_bytes()).findall("body/tu")
    assert {prop.text for unit in machine for prop in unit.findall("prop") if prop.get("type") == "x-english-source"} == {"machine-translation"}
    assert "--tmx-english both is no longer used" in result.stderr
    result = run_cli("run", str(french), "--en", str(english), "--out", str(out), "--glossary", str(GLOSSARY), "--mt-engine", "none",
                     "--tmx-status", "confirmed")
    assert result.returncode == 0, result.stderr
    statuses = pl.read_csv(folder / "alignment.csv", infer_schema=False)["status"].to_list()
    assert len(etree.parse(str(folder / "aligned.tmx")).findall("body/tu")) == statuses.count("confirmed")
    if not statuses.count("confirmed"):
        assert "no link is confirmed yet" in result.stderr
