"""The glossary: line-precise loading errors, validation, atomic saving, and form-aware matching."""

from pathlib import Path

import polars as pl
import pytest

from align.errors import InputError
from align.terms.glossary import COLUMNS, DEFAULT_PATH, load_glossary, save_glossary, validate_glossary
from align.terms.matching import find_terms, longest_matches

HEADER = ",".join(COLUMNS)
ROWS = [
    "trafficking,core,fr,traite des personnes,preferred,term,,,",
    "trafficking,core,fr,traite des êtres humains,admitted,term,,,",
    "trafficking,core,fr,trafic de personnes,forbidden,term,confusion avec le trafic illicite de migrants,,",
    "trafficking,core,en,trafficking in persons,preferred,term,,,",
    "trafficking,core,en,human trafficking,admitted,term,,,",
    "trafficking,core,en,trafficking of persons,forbidden,term,,,",
    "survivor,core,fr,personne rescapée,preferred,term,,,",
    "survivor,core,en,survivor,preferred,term,,,",
    "forced-labour,core,fr,travail forcé,preferred,term,,,",
    "forced-labour,core,en,forced labour,preferred,term,,,",
    "trafficker,core,fr,trafiquant,preferred,term,,,",
    "trafficker,core,en,trafficker,preferred,term,,,",
    "labour-force,core,fr,main-d'œuvre,preferred,term,,,",
    "labour-force,core,en,labour force,preferred,term,,,",
    "nals,org,fr,SLNA,preferred,acronym,,,",
    "nals,org,en,NALS,preferred,acronym,,,",
]


def write(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def glossary(tmp_path):
    return load_glossary(write(tmp_path / "glossary.csv", ROWS))


def spans(text: str, lang: str, glossary) -> list[tuple[str, str]]:
    return [(match.concept, text[match.start:match.end]) for match in longest_matches(find_terms(text, lang, glossary))]


# --- loading and validation ----------------------------------------------------------------------


def test_bundled_glossary_is_valid_and_large() -> None:
    glossary = load_glossary(DEFAULT_PATH)
    assert glossary.terms.columns == list(COLUMNS)
    assert glossary.terms["concept"].n_unique() >= 80
    assert validate_glossary(glossary.terms) == []


def test_every_bundled_term_is_found_as_written() -> None:
    """A term the matcher cannot find (punctuation inside it, say) would never be checked."""
    glossary = load_glossary(DEFAULT_PATH)
    unmatched = [(entry.lang, entry.term) for lang in ("fr", "en") for entry in glossary.entries(lang)
                 if not any(m.entry == entry.term and (m.start, m.end) == (0, len(entry.term)) for m in find_terms(entry.term, lang, glossary))]
    assert unmatched == []


def test_writing_the_bundled_glossary_back_changes_no_byte(tmp_path) -> None:
    """Saving from the app must not reformat the file: diffs show only what the user changed."""
    from align.terms.glossary import glossary_csv

    assert glossary_csv(load_glossary(DEFAULT_PATH)) == DEFAULT_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("rows", "header", "problem"),
    [
        ([*ROWS[:3], "trafficking,core,fr,traite,wrong,term,,,"], HEADER, "line 5: status must be one of"),
        ([*ROWS[:3], "trafficking,core,de,Menschenhandel,preferred,term,,,"], HEADER, "line 5: lang must be fr or en"),
        ([*ROWS[:3], ",core,fr,traite,admitted,term,,,"], HEADER, "line 5: concept is required"),
        ([*ROWS[:3], "trafficking,core,fr,traite,admitted,term,,"], HEADER, "line 5: 8 fields, the header has 9"),
        (ROWS[:2], "concept,lang,term,status", "line 1: missing column(s) subject, type, note, definition, source"),
        ([*ROWS[:4], "trafficking,core,fr,traite des personnes,preferred,term,,,"], HEADER, "line 6: duplicate of line 2"),
        ([*ROWS[:4], "trafficking,core,en,human trafficking,preferred,term,,,"], HEADER,
         "line 6: concept 'trafficking' has more than one preferred en term (lines 5, 6)"),
    ],
)
def test_malformed_glossary_names_file_line_and_problem(tmp_path, rows, header, problem) -> None:
    path = write(tmp_path / "bad.csv", rows, header)
    with pytest.raises(InputError) as caught:
        load_glossary(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_line_numbers_count_quoted_newlines(tmp_path) -> None:
    rows = ['trafficking,core,fr,traite des personnes,preferred,term,"a note\non two lines",,', "trafficking,core,fr,traite,admitted,bogus,,,"]
    with pytest.raises(InputError, match="line 4: type must be one of"):
        load_glossary(write(tmp_path / "g.csv", rows))


def test_validator_reports_forbidden_term_that_is_also_accepted_and_missing_preferred() -> None:
    frame = pl.DataFrame([
        dict(zip(COLUMNS, ["trafficking", "", "fr", "traite des personnes", "preferred", "term", "", "", ""])),
        dict(zip(COLUMNS, ["smuggling", "", "fr", "traite des personnes", "forbidden", "term", "", "", ""])),
        dict(zip(COLUMNS, ["smuggling", "", "en", "migrant smuggling", "admitted", "term", "", "", ""])),
    ])
    problems = validate_glossary(frame)
    assert any(p.startswith("line 3:") and "forbidden here but preferred on line 2" in p for p in problems)
    assert any("concept 'smuggling' has no preferred en term" in p for p in problems)
    assert any("concept 'smuggling' has no preferred fr term" in p for p in problems)


def test_missing_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_glossary(tmp_path / "absent.csv")


def test_save_is_atomic_keeps_previous_version_and_round_trips(tmp_path, glossary) -> None:
    path = tmp_path / "glossary.csv"
    before = path.read_text(encoding="utf-8")
    extra = pl.DataFrame([dict(zip(COLUMNS, ["victim", "core", "fr", "victime", "preferred", "term", 'note, with "quotes"', "", ""])),
                          dict(zip(COLUMNS, ["victim", "core", "en", "victim", "preferred", "term", "", "", ""]))])
    save_glossary(pl.concat([glossary.terms, extra]), path)
    assert (tmp_path / "glossary.csv.bak").read_text(encoding="utf-8") == before
    reloaded = load_glossary(path)
    assert reloaded.terms.height == glossary.terms.height + 2
    assert reloaded.terms.filter(pl.col("term") == "victime")["note"][0] == 'note, with "quotes"'
    assert not list(tmp_path.glob(".glossary.csv.*.tmp"))


def test_save_refuses_an_invalid_glossary_and_leaves_the_file(tmp_path, glossary) -> None:
    path = tmp_path / "glossary.csv"
    before = path.read_text(encoding="utf-8")
    broken = glossary.terms.with_columns(pl.when(pl.col("term") == "survivor").then(pl.lit("bogus")).otherwise(pl.col("status")).alias("status"))
    with pytest.raises(InputError, match="not saved"):
        save_glossary(broken, path)
    assert path.read_text(encoding="utf-8") == before


# --- matching ------------------------------------------------------------------------------------------


def test_inflected_forms_elision_apostrophes_and_spaces_match(glossary) -> None:
    text = "Les trafiquantes exploitent la main\u2011d’œuvre ; des personnes rescapées du travail\u00a0forcé et des TRAVAUX FORCÉS."
    assert spans(text, "fr", glossary) == [
        ("trafficker", "trafiquantes"), ("labour-force", "main\u2011d’œuvre"), ("survivor", "personnes rescapées"),
        ("forced-labour", "travail\u00a0forcé"), ("forced-labour", "TRAVAUX FORCÉS"),
    ]


def test_offsets_are_offsets_in_the_original_text(glossary) -> None:
    text = "« La traite d’êtres\u202fhumains » et la traite des personnes"
    for match in find_terms(text, "fr", glossary):
        assert text[match.start:match.end] == match.term
    assert [m.term for m in longest_matches(find_terms(text, "fr", glossary))] == ["traite d’êtres\u202fhumains", "traite des personnes"]


def test_missing_accents_match_but_a_different_accent_does_not(glossary) -> None:
    assert spans("la traite des etres humains et le travail force", "fr", glossary) == [
        ("trafficking", "traite des etres humains"), ("forced-labour", "travail force")]
    assert spans("le traité des personnes", "fr", glossary) == []


def test_derivations_are_not_forms_of_a_term(glossary) -> None:
    assert spans("le traitement des personnes détenues", "fr", glossary) == []
    assert spans("human trafficking is fought by arresting traffickers", "en", glossary) == [
        ("trafficking", "human trafficking"), ("trafficker", "traffickers")]


def test_a_small_gap_is_allowed_inside_a_multiword_term_but_not_across_punctuation(glossary) -> None:
    matches = find_terms("la traite transfrontalière des personnes", "fr", glossary, max_gap=1)
    assert [(m.entry, m.gap) for m in matches] == [("traite des personnes", True)]
    assert find_terms("la traite transfrontalière des personnes", "fr", glossary) == []  # exact by default
    assert find_terms("la traite, des personnes", "fr", glossary, max_gap=1) == []
    assert find_terms("la traite des êtres personnes", "fr", glossary, max_gap=1) == []  # a blend is not a gap


def test_acronyms_match_case_sensitively(glossary) -> None:
    assert spans("Les Sommets (SLNA) et slna", "fr", glossary) == [("nals", "SLNA")]


def test_forbidden_terms_are_matched_with_their_status(glossary) -> None:
    [match] = find_terms("the trafficking of persons", "en", glossary)
    assert (match.status, match.entry) == ("forbidden", "trafficking of persons")


def test_cli_validate_lists_every_problem(tmp_path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = write(tmp_path / "bad.csv", [*ROWS, "victim,core,fr,victime,wrong,term,,,", "victim,core,en,victim,preferred,term,,,",
                                        "trafficker,core,en,trafficker,preferred,term,,,"])
    result = subprocess.run([sys.executable, "-m", "align", "glossary", "validate", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any("line 18: status must be one of" in line for line in lines)
    assert any("line 20: duplicate of line 13" in line for line in lines)
    assert all(line.startswith(str(path)) for line in lines)
    ok = subprocess.run([sys.executable, "-m", "align", "glossary", "validate"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert ok.returncode == 0 and "valid" in ok.stdout
