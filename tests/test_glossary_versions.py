"""Glossary versions: every save keeps the file it replaces in .versions/ (the newest 20), and any of them can be restored."""

import polars as pl
import pytest

from align.errors import InputError
from align.terms.glossary import VERSIONS_KEPT, glossary_versions, parse_glossary_text, restore_glossary_version, save_glossary
from tests.conftest import write_glossary

ROWS = [("victim", "fr", "victime", "preferred"), ("victim", "en", "victim", "preferred")]


def test_saves_keep_the_newest_versions_and_a_restore_brings_one_back(tmp_path) -> None:
    path = write_glossary(tmp_path / "glossary.csv", ROWS)
    first = path.read_text(encoding="utf-8")
    frame = pl.read_csv(path, infer_schema=False)
    for number in range(VERSIONS_KEPT + 2):
        save_glossary(frame.with_columns(pl.lit(f"note {number}").alias("note")), path)
    versions = glossary_versions(path)
    assert len(versions) == VERSIONS_KEPT and len(list((tmp_path / ".versions").iterdir())) == VERSIONS_KEPT
    assert "note 20" in versions[0].path.read_text(encoding="utf-8"), "newest first"
    assert all(version.path.read_text(encoding="utf-8") != first for version in versions), "the oldest were pruned"
    oldest = versions[-1].path.read_text(encoding="utf-8")
    restore_glossary_version(versions[-1], path)  # (the save it makes prunes that oldest version: it was read first)
    assert path.read_text(encoding="utf-8") == oldest
    assert "note 21" in glossary_versions(path)[0].path.read_text(encoding="utf-8"), "the glossary a restore replaces is kept too"


def test_typed_text_is_validated_with_its_line(tmp_path) -> None:
    path = tmp_path / "glossary.csv"
    text = "concept,subject,lang,term,status,type,note,definition,source\nvictim,,fr,victime,preferred,,,,\nvictim,,xx,v,preferred,,,,\n"
    with pytest.raises(InputError, match="line 3"):
        parse_glossary_text(text, path)
