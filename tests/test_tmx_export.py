"""The TMX files `run` writes: official English in aligned.tmx, machine translation apart in aligned-mt.tmx, language codes
as asked; read back with translate-toolkit and loaded by OmegaT in console mode (when OmegaT is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from align.export import ExportOptions, export_notices, export_result
from align.interchange.tmx import validate_tmx
from tests.exported_result import FRENCH, small_result

OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat><project version="1.0">
<source_dir>__DEFAULT__</source_dir><source_dir_excludes/><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
<glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
<source_lang>{source}</source_lang><target_lang>{target}</target_lang>
<source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok><target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
<sentence_seg>true</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags>
</project></omegat>
"""


def english_sources(path: Path) -> set[str]:
    return {prop.text for prop in etree.parse(str(path)).iter("prop") if prop.get("type") == "x-english-source"}


@pytest.fixture(scope="module")
def official(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("official")
    export_result(small_result(), folder, ExportOptions(tmx_source_lang="fr-CA", tmx_target_lang="en-CA"))
    return folder


def test_official_and_machine_translation_go_to_separate_tmx_files_with_the_languages_asked(official) -> None:
    for name in ("aligned.tmx", "aligned-mt.tmx"):
        data = (official / name).read_bytes()
        assert validate_tmx(data) == []
        store = tmxfile.parsestring(data)
        assert store.getsourcelanguage() == "fr-CA"
        assert len(store.units) == 3
        assert {node.get("{http://www.w3.org/XML/1998/namespace}lang") for unit in store.units for node in unit.getlanguageNodes()} == {"fr-CA", "en-CA"}
    assert english_sources(official / "aligned.tmx") == {"official"}
    assert english_sources(official / "aligned-mt.tmx") == {"machine-translation"}
    official_targets = [unit.target for unit in tmxfile.parsestring((official / "aligned.tmx").read_bytes()).units]
    assert official_targets[2] == "Trafficking in persons is a serious crime."
    machine = tmxfile.parsestring((official / "aligned-mt.tmx").read_bytes()).units
    assert all("not an official translation" in unit.getnotes() for unit in machine)


def test_without_official_english_aligned_tmx_holds_no_machine_translation(tmp_path) -> None:
    export_result(small_result(official=False), tmp_path, ExportOptions())
    aligned = (tmp_path / "aligned.tmx").read_bytes()
    assert validate_tmx(aligned) == []
    assert tmxfile.parsestring(aligned).units == []
    assert "aligned-mt.tmx" in etree.fromstring(aligned).findtext("header/note")
    assert len(tmxfile.parsestring((tmp_path / "aligned-mt.tmx").read_bytes()).units) == 3


def test_confirmed_only_with_nothing_confirmed_says_so() -> None:
    result = small_result()
    assert any("no link is confirmed yet" in line for line in export_notices(result, ExportOptions(tmx_status="confirmed")))
    assert export_notices(small_result(statuses=("confirmed",)), ExportOptions(tmx_status="confirmed")) == []


def test_run_refuses_a_malformed_language_code(tmp_path) -> None:
    import sys

    done = subprocess.run([sys.executable, "-m", "align", "run", str(tmp_path), "--tmx-source-lang", "fr_CA!"], capture_output=True, text=True)
    assert done.returncode == 2 and "not a language code" in done.stderr


@pytest.mark.skipif(shutil.which("omegat") is None, reason="OmegaT is not installed (Debian package omegat)")
def test_omegat_inserts_the_official_english_and_not_the_machine_translation(official, tmp_path) -> None:
    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "tm/penalty-30", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT.format(source="fr-CA", target="en-CA"), encoding="utf-8")
    (project / "source" / "doc.txt").write_text(FRENCH, encoding="utf-8")
    shutil.copy(official / "aligned.tmx", project / "tm" / "auto")
    shutil.copy(official / "aligned-mt.tmx", project / "tm" / "penalty-30")
    done = subprocess.run(["omegat", str(project), "--mode=console-translate"], capture_output=True, text=True, timeout=300,
                          env=os.environ | {"HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stdout + done.stderr
    assert (done.stdout + done.stderr).count("Reading of TMX file complete") == 2
    translated = (project / "target" / "doc.txt").read_text(encoding="utf-8").splitlines()
    assert translated[0] == "Annual <report> & review"
    assert translated[4] == "Trafficking in persons is a serious crime."
    # OmegaT segments the second paragraph into two sentences; the 2:2 unit does not match them and no MT is inserted.
    assert translated[2] == FRENCH.splitlines()[2]
