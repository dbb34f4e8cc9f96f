"""TBX glossary export and import: round trip, files from other tools, merging, hostile XML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from lxml import etree
from translate.storage.tbx import tbxfile

from align.errors import InputError
from align.interchange.tbx import TBX_NS, import_tbx, merge_terms, read_tbx, tbx_bytes, validate_tbx
from align.terms.glossary import DEFAULT_PATH, load_glossary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "interchange"
SAMPLE = FIXTURES / "glossary.csv"
GLOSSARIES = [pytest.param(SAMPLE, id="sample"), pytest.param(DEFAULT_PATH, id="project-glossary")]
NS = {"t": TBX_NS}


def glossary_at(path: Path):
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    return load_glossary(path)


def same_rows(first: pl.DataFrame, second: pl.DataFrame) -> bool:
    """Same glossary rows; TBX groups a concept's rows by language, so row order is not compared."""
    columns = ["concept", "subject", "lang", "term", "status", "type", "note", "definition", "source"]
    return first.select(columns).fill_null("").sort(columns).equals(second.select(columns).fill_null("").sort(columns))


@pytest.mark.parametrize("path", GLOSSARIES)
@pytest.mark.parametrize("dialect", ["2019", "2008"])
def test_export_then_import_gives_the_same_glossary(path: Path, dialect: str, tmp_path) -> None:
    glossary = glossary_at(path)
    exported = tmp_path / "glossary.tbx"
    exported.write_bytes(tbx_bytes(glossary, dialect=dialect))
    read, report = read_tbx(exported)
    assert same_rows(read, glossary.terms), "TBX read back differs from the glossary"
    if path == SAMPLE:  # rows already grouped by concept and language keep their order
        assert read["term"].to_list() == glossary.terms["term"].to_list()
    assert report.skipped == []
    target = tmp_path / "imported.csv"
    merged, report = import_tbx(exported, target)
    assert same_rows(load_glossary(target).terms, glossary.terms)
    assert report.terms_added == glossary.terms.height and report.concepts_added == glossary.terms["concept"].n_unique()


def test_reimporting_our_own_export_changes_nothing(tmp_path) -> None:
    target = tmp_path / "glossary.csv"
    target.write_bytes(SAMPLE.read_bytes())
    exported = tmp_path / "glossary.tbx"
    exported.write_bytes(tbx_bytes(load_glossary(SAMPLE)))
    _, report = import_tbx(exported, target)
    assert report.terms_unchanged == load_glossary(SAMPLE).terms.height and report.skipped == []
    assert target.read_bytes() == SAMPLE.read_bytes() and not (tmp_path / "glossary.csv.bak").exists()


@pytest.mark.parametrize("path", GLOSSARIES)
def test_tbx_basic_export_validates_against_the_schema(path: Path) -> None:
    assert validate_tbx(tbx_bytes(glossary_at(path))) == []


def test_the_tbx_schema_rejects_misordered_or_unknown_content() -> None:
    data = tbx_bytes(load_glossary(SAMPLE))
    misordered = data.replace(b"<term>TIP</term>\n            <termNote type=\"termType\">acronym</termNote>",
                              b"<termNote type=\"termType\">acronym</termNote><term>TIP</term>")
    assert misordered != data and validate_tbx(misordered)
    assert validate_tbx(data.replace(b"deprecatedTerm-admn-sts", b"forbiddenTerm"))
    assert validate_tbx(data.replace(b'xml:lang="fr"', b"", 1))


def test_tbx_basic_2019_structure() -> None:
    root = etree.fromstring(tbx_bytes(load_glossary(SAMPLE)))
    assert root.tag == f"{{{TBX_NS}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entries = root.findall(".//t:conceptEntry", NS)
    assert [entry.get("id") for entry in entries] == ["trafficking-in-persons", "victim", "sex-work"]
    first = entries[0]
    assert first.findtext("t:descrip[@type='subjectField']", namespaces=NS) == "trafficking"
    english = first.find("t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='en']", NS)
    assert english.findtext("t:descrip[@type='definition']", namespaces=NS).startswith("The recruitment")
    statuses = {term.findtext("t:term", namespaces=NS): term.findtext("t:termNote[@type='administrativeStatus']", namespaces=NS)
                for term in english.findall("t:termSec", NS)}
    assert statuses == {"trafficking in persons": "preferredTerm-admn-sts", "human trafficking": "admittedTerm-admn-sts",
                        "TIP": "admittedTerm-admn-sts", "human smuggling": "deprecatedTerm-admn-sts"}
    tip = next(term for term in english.findall("t:termSec", NS) if term.findtext("t:term", namespaces=NS) == "TIP")
    assert tip.findtext("t:termNote[@type='termType']", namespaces=NS) == "acronym"
    smuggling = english.findall("t:termSec", NS)[3]
    assert smuggling.findtext("t:note", namespaces=NS) == "Smuggling of migrants is a different crime."
    preferred = english.findall("t:termSec", NS)[0]
    assert preferred.findtext("t:admin[@type='source']", namespaces=NS) == "Palermo Protocol, art. 3 (a)"


def test_translate_toolkit_reads_the_2008_export() -> None:
    store = tbxfile.parsestring(tbx_bytes(load_glossary(SAMPLE), dialect="2008"), sourcelanguage="fr", targetlanguage="en")
    assert [unit.getid() for unit in store.units] == ["trafficking-in-persons", "victim", "sex-work"]
    first = store.units[0]
    assert "traite des personnes" in first.get_source_terms()[0].text
    english = [term.text for term in first.get_target_terms(lang="en")]
    assert english == ["trafficking in persons", "human trafficking", "TIP", "human smuggling"]
    assert [term.deprecated for term in first.get_target_terms(lang="en")] == [False, False, False, True]


def test_imports_a_multiterm_style_tbx_2008_file() -> None:
    """UTF-16, `ntig`/`termGrp`, region subtags, a German language set, definitions in a `descripGrp`."""
    read, report = read_tbx(FIXTURES / "multiterm-2008.tbx")
    rows = {(row["lang"], row["term"]): row for row in read.iter_rows(named=True)}
    assert set(rows) == {("en", "forced labour"), ("en", "slave labour"), ("fr", "travail forcé"), ("en", "trafficking in persons"),
                         ("en", "trafficking in human beings"), ("fr", "traite des personnes")}
    assert rows[("en", "forced labour")]["status"] == "preferred" and rows[("en", "forced labour")]["source"] == "ILO C029"
    assert rows[("en", "forced labour")]["definition"].startswith("Forced labour: all work")
    assert rows[("en", "slave labour")]["status"] == "forbidden" and rows[("en", "slave labour")]["note"] == "Use only for historical slavery."
    assert rows[("fr", "travail forcé")]["concept"] == "forced-labour" and rows[("fr", "travail forcé")]["subject"] == "Human rights"
    assert report.skipped == ["1 term(s) in language 'de' (the glossary holds fr and en only)"]


def test_imports_a_tbx_basic_2019_file_from_another_tool() -> None:
    read, report = read_tbx(FIXTURES / "tbx-basic-2019.tbx")
    rows = {(row["lang"], row["term"]): row for row in read.iter_rows(named=True)}
    assert rows[("en", "debt bondage")]["definition"] == ("The status arising from a pledge by a debtor of personal services as "
                                                          "security for a debt.")
    assert rows[("en", "debt bondage")]["source"] == "Supplementary Slavery Convention, 1956"
    assert rows[("en", "peonage")]["status"] == "forbidden" and rows[("en", "peonage")]["note"] == "superseded term"
    assert rows[("fr", "servitude pour dettes")]["concept"] == "debt-bondage"
    assert rows[("en", "UNODC")]["type"] == "acronym" and rows[("fr", "ONUDC")]["status"] == "admitted"
    assert ("es", "servidumbre por deudas") not in rows and "language 'es'" in report.skipped[0]


def test_imports_what_translate_toolkit_writes(tmp_path) -> None:
    """A minimal termbase from another tool: no ids, no administrative status."""
    store = tbxfile(sourcelanguage="fr", targetlanguage="en")
    store.addsourceunit("travail forcé").target = "forced labour"
    store.addsourceunit("mariage forcé").target = "forced marriage"
    path = tmp_path / "toolkit.tbx"
    path.write_bytes(bytes(store))
    read, report = read_tbx(path)
    assert sorted(read.select("lang", "term", "status").rows()) == [
        ("en", "forced labour", "preferred"), ("en", "forced marriage", "preferred"),
        ("fr", "mariage forcé", "preferred"), ("fr", "travail forcé", "preferred")]
    assert read.filter(pl.col("term") == "forced marriage")["concept"][0] == "forced-marriage"
    assert len(report.notes) == 4


def test_merge_reports_added_merged_updated_and_skipped() -> None:
    existing = load_glossary(SAMPLE).terms
    imported = pl.DataFrame([
        # shares "trafficking in persons" with an existing concept: the new term is merged into it
        ("tip", "", "en", "trafficking in persons", "preferred", "term", "", "", ""),
        ("tip", "", "en", "trafficking in human beings", "admitted", "term", "", "", "EU Directive 2011/36"),
        ("tip", "", "fr", "traite des êtres humains", "admitted", "term", "", "", "Directive 2011/36/UE"),  # fills an empty source
        ("tip", "", "en", "human smuggling", "preferred", "term", "", "", ""),  # status conflict: the glossary wins
        ("forced-marriage", "", "en", "forced marriage", "preferred", "term", "", "", ""),  # a new concept
        ("forced-marriage", "", "fr", "mariage forcé", "preferred", "term", "", "", ""),
    ], schema=dict.fromkeys(existing.columns, pl.Utf8), orient="row")
    merged, report = merge_terms(existing, imported)
    assert (report.concepts_added, report.terms_added, report.terms_merged, report.terms_updated, report.terms_unchanged) == (1, 2, 1, 1, 1)
    assert len(report.skipped) == 1 and "human smuggling" in report.skipped[0] and "forbidden in the glossary" in report.skipped[0]
    rows = {(row["lang"], row["term"]): row for row in merged.iter_rows(named=True)}
    assert rows[("en", "trafficking in human beings")]["concept"] == "trafficking-in-persons"
    assert rows[("fr", "traite des êtres humains")]["source"] == "Directive 2011/36/UE"
    assert rows[("en", "human smuggling")]["status"] == "forbidden"
    concepts = merged["concept"].to_list()
    assert concepts.index("victim") > max(i for i, c in enumerate(concepts) if c == "trafficking-in-persons")  # merged term stays with its concept
    assert merged.height == existing.height + 3


def test_thousands_of_terms_merged_into_one_concept_stay_together_in_order() -> None:
    # issue #16: merging 20,000 terms into one concept took minutes (each term looked for its concept's last row); they land after the
    # concept's rows, in the file's order, with the concept's subject, and the rest of the glossary keeps its order
    existing = load_glossary(SAMPLE).terms
    terms = [f"traite variante {number}" for number in range(3000)]
    imported = pl.DataFrame([("tip", "", "fr", "traite des personnes", "preferred", "term", "", "", "")]
                            + [("tip", "", "fr", term, "admitted", "term", "", "", "") for term in terms],
                            schema=dict.fromkeys(existing.columns, pl.Utf8), orient="row")
    merged, report = merge_terms(existing, imported)
    assert report.terms_merged == 3000
    concepts, listed = merged["concept"].to_list(), merged["term"].to_list()
    last_own = max(index for index, concept in enumerate(existing["concept"].to_list()) if concept == "trafficking-in-persons")
    assert listed[last_own + 1:last_own + 3001] == terms
    assert set(concepts[last_own + 1:last_own + 3001]) == {"trafficking-in-persons"}
    assert set(merged.filter(pl.col("term").is_in(terms))["subject"].to_list()) == set(existing.filter(
        pl.col("concept") == "trafficking-in-persons")["subject"].to_list()) - {""}
    assert [row for row in concepts if row != "trafficking-in-persons"] == [row for row in existing["concept"].to_list()
                                                                            if row != "trafficking-in-persons"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("billion-laughs.tbx", "entity"),
        ("xxe-network.tbx", "external entity (XXE)"),
        ("unknown-language.tbx", "unknown language 'français'"),
        ("german-only.tbx", "no French or English terms in the TBX (languages found: de, nl)"),
        ("memoq.tmx", "not a TBX file"),
        ("malformed.tmx", "malformed XML"),
    ],
)
def test_bad_or_hostile_tbx_is_refused_and_nothing_is_saved(name: str, problem: str, tmp_path) -> None:
    target = tmp_path / "glossary.csv"
    target.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(InputError) as error:
        import_tbx(FIXTURES / name, target)
    assert problem in error.value.problem and name in str(error.value)
    assert target.read_bytes() == SAMPLE.read_bytes() and not (tmp_path / "glossary.csv.bak").exists()


def test_an_import_that_would_make_the_glossary_invalid_saves_nothing(tmp_path) -> None:
    """A second preferred English term for an existing concept: the merged glossary fails validation."""
    target = tmp_path / "glossary.csv"
    target.write_bytes(SAMPLE.read_bytes())
    clash = tmp_path / "clash.tbx"
    clash.write_bytes(b"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="victim"><langSet xml:lang="en">
<tig><term>trafficked person</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
</langSet></termEntry></body></text></martif>""")
    with pytest.raises(InputError) as error:
        import_tbx(clash, target)
    assert "not imported" in error.value.problem and "victim" in error.value.problem
    assert target.read_bytes() == SAMPLE.read_bytes()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_glossary_export_and_import_commands(tmp_path) -> None:
    exported = tmp_path / "glossary.tbx"
    result = run_cli("glossary", "export", "--glossary", str(SAMPLE), "--format", "tbx", "--out", str(exported))
    assert result.returncode == 0, result.stderr
    assert "13 terms in 3 concepts" in result.stdout
    target = tmp_path / "glossary.csv"
    target.write_bytes(SAMPLE.read_bytes())
    result = run_cli("glossary", "import", str(FIXTURES / "tbx-basic-2019.tbx"), "--glossary", str(target))
    assert result.returncode == 0, result.stderr
    assert "2 concepts added (8 terms)" in result.stdout and "skipped: 1 term(s) in language 'es'" in result.stdout
    assert load_glossary(target).terms.height == 13 + 8
    assert (tmp_path / "glossary.csv.bak").read_bytes() == SAMPLE.read_bytes()
    csv_out = tmp_path / "export.csv"
    assert run_cli("glossary", "export", "--glossary", str(target), "--format", "csv", "--out", str(csv_out)).returncode == 0
    assert same_rows(load_glossary(csv_out).terms, load_glossary(target).terms)


def test_glossary_import_command_exits_2_for_hostile_tbx(tmp_path) -> None:
    target = tmp_path / "glossary.csv"
    target.write_bytes(SAMPLE.read_bytes())
    result = run_cli("glossary", "import", str(FIXTURES / "billion-laughs.tbx"), "--glossary", str(target))
    assert result.returncode == 2 and "billion-laughs.tbx" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and target.read_bytes() == SAMPLE.read_bytes()
