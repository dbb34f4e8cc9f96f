"""Glossary export for CAT tools, measured with the tools' own readers: translate-toolkit's TBX reader and, when
OmegaT is installed, OmegaT 3.6's glossary readers (tests/fixtures/omegat/ReadGlossary.java)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tbx import tbxfile

from align.interchange.flat_glossary import flat_glossary_bytes
from align.interchange.tbx import tbx_bytes
from align.terms.glossary import load_glossary
from tests.conftest import ROOT, write_glossary

SAMPLE = ROOT / "tests" / "fixtures" / "interchange" / "glossary.csv"
READER = ROOT / "tests" / "fixtures" / "omegat" / "ReadGlossary.java"
FORBIDDEN_EN = {"human smuggling", "prostitute"}


@pytest.fixture
def forbidden_first(tmp_path):
    """A glossary whose forbidden terms come first in each language."""
    return load_glossary(write_glossary(tmp_path / "glossary.csv", [
        ("trafficking", "fr", "trafic de personnes", "forbidden"), ("trafficking", "fr", "traite des personnes", "preferred"),
        ("trafficking", "en", "human smuggling", "forbidden"), ("trafficking", "en", "trafficking in persons", "preferred"),
    ]))


def test_glossary_export_defaults_to_the_tbx_form_translate_toolkit_reads(tmp_path) -> None:
    out = tmp_path / "glossary.tbx"
    done = subprocess.run([sys.executable, "-m", "align", "glossary", "export", "--out", str(out), "--glossary", str(SAMPLE)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert etree.parse(str(out)).getroot().tag == "martif"
    store = tbxfile.parsestring(out.read_bytes())
    assert [(unit.source, unit.target) for unit in store.units][0] == ("traite des personnes", "trafficking in persons")
    with pytest.raises(AssertionError):  # translate-toolkit 3.20 reads MARTIF only: the 2019 form is refused
        tbxfile.parsestring(tbx_bytes(load_glossary(SAMPLE), dialect="2019"))


def test_forbidden_terms_are_marked_deprecated_and_never_the_term_a_one_term_reader_keeps(forbidden_first) -> None:
    data = tbx_bytes(forbidden_first, dialect="2008")
    statuses = {tig.findtext("term"): tig.findtext("termNote[@type='administrativeStatus']") for tig in etree.fromstring(data).iter("tig")}
    assert statuses["human smuggling"] == statuses["trafic de personnes"] == "deprecatedTerm-admn-sts"
    unit = tbxfile.parsestring(data).units[0]
    assert (unit.source, unit.target) == ("traite des personnes", "trafficking in persons")


def test_tsv_is_omegat_source_target_comment_without_forbidden_targets(forbidden_first) -> None:
    lines = flat_glossary_bytes(forbidden_first, "tsv").decode("utf-8").splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["traite des personnes", "trafficking in persons"],
                                                       ["trafic de personnes", "trafficking in persons"]]
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert "avoid in EN: human smuggling" in lines[0] and "FR term to avoid" in lines[1]


def test_flat_csv_has_a_header_and_the_bom_on_request(tmp_path) -> None:
    out = tmp_path / "glossary.csv"
    done = subprocess.run([sys.executable, "-m", "align", "glossary", "export", "--format", "flat-csv", "--csv-bom", "--out", str(out),
                           "--glossary", str(SAMPLE)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource,target,comment\n")
    assert not FORBIDDEN_EN & {line.split(",")[1] for line in data.decode("utf-8-sig").splitlines()[1:]}


def read_in_omegat(tmp_path: Path, *files: Path) -> dict[str, list[tuple[str, str]] | str]:
    project = tmp_path / "omegat-project"
    for folder in ("source", "target", "tm", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True, exist_ok=True)
    from tests.test_tmx_export import OMEGAT_PROJECT

    (project / "omegat.project").write_text(OMEGAT_PROJECT.format(source="fr", target="en"), encoding="utf-8")
    done = subprocess.run(["java", "-cp", "/usr/share/omegat/OmegaT.jar", str(READER), str(project), *map(str, files)],
                          capture_output=True, text=True, timeout=300, env=os.environ | {"HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stdout + done.stderr
    found: dict[str, list[tuple[str, str]] | str] = {}
    current = ""
    for line in done.stdout.splitlines():
        fields = line.split("\t")
        if fields[0] == "FILE":
            current = fields[1]
            found[current] = fields[2] if fields[2].startswith("ERROR") else []
        elif fields[0] == "ENTRY":
            found[current].append((fields[1], fields[2]))  # type: ignore[union-attr]
    return found


@pytest.mark.skipif(shutil.which("omegat") is None or shutil.which("java") is None, reason="OmegaT is not installed (Debian package omegat)")
def test_omegat_reads_the_default_tbx_and_the_tsv_and_only_the_tsv_keeps_forbidden_terms_out(tmp_path) -> None:
    glossary = load_glossary(SAMPLE)
    files = {"2019": tmp_path / "g2019.tbx", "2008": tmp_path / "g2008.tbx", "tsv": tmp_path / "glossary.txt"}
    files["2019"].write_bytes(tbx_bytes(glossary, dialect="2019"))
    files["2008"].write_bytes(tbx_bytes(glossary, dialect="2008"))
    files["tsv"].write_bytes(flat_glossary_bytes(glossary, "tsv"))
    found = read_in_omegat(tmp_path, *files.values())
    assert str(found[str(files["2019"])]).startswith("ERROR javax.xml.bind.UnmarshalException")  # OmegaT 3.6 reads MARTIF only
    martif = found[str(files["2008"])]
    assert ("traite des personnes", "trafficking in persons") in martif
    # OmegaT 3.6 ignores administrativeStatus: it pairs every French term with every English one, forbidden included.
    assert ("traite des personnes", "human smuggling") in martif
    tsv = found[str(files["tsv"])]
    assert ("traite des êtres humains", "trafficking in persons") in tsv
    assert not FORBIDDEN_EN & {target for _, target in tsv}
