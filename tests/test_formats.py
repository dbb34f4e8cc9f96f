"""What a reviewer would notice when a Word, Writer, RTF, web, PDF or XLIFF file is read.

The fixtures are made by the real tools (tests/fixtures/formats/make_fixtures.py: python-docx, LibreOffice, Pillow, pypdf,
translate-toolkit, OmegaT); expected.json there holds the corpus sentences they carry.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from align.checks.base import CheckContext
from align.errors import InputError
from align.io.readers import _lexicon, read_source, read_units
from align.io.readers.source import BilingualUnit, SourceText
from align.io.readers.xliff import read_bilingual
from tests.conftest import ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
TRI = EXPECTED["trilateral_fr"]
UN = EXPECTED["pythondocx_un_fr"]


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def lines_of(text: str) -> list[str]:
    return [norm(line) for line in text.splitlines() if line.strip()]


def assert_in_order(text: str, wanted: list[str], strip_labels: bool = True) -> None:
    """Each wanted paragraph is a whole line of the text, and they come in the given order."""
    lines = lines_of(text)
    if strip_labels:
        lines = [re.sub(r"^(?:• |\d{1,3}\. )", "", line) for line in lines]
    positions = []
    for paragraph in wanted:
        assert norm(paragraph) in lines, f"paragraph not found whole on one line: {paragraph[:80]!r}"
        positions.append(lines.index(norm(paragraph)))
    assert positions == sorted(positions), "paragraphs out of order"


# ---------------------------------------------------------------------------------------------- Word, Writer, RTF

TRILATERAL_FILES = ["lo_trilateral_fr.docx", "lo_trilateral_fr.odt", "lo_trilateral_fr.fodt", "lo_trilateral_fr.rtf"]


@pytest.mark.parametrize("name", TRILATERAL_FILES)
def test_office_documents_give_the_paragraphs_in_order(name):
    result = read_source(FIXTURES / name)
    assert isinstance(result, SourceText)
    assert result.format == {"docx": "docx", "odt": "odt", "fodt": "odt", "rtf": "rtf"}[name.rsplit(".", 1)[1]]
    assert_in_order(result.text, [TRI["title"], TRI["date_line"], *TRI["bullets"], *TRI["paragraphs"]])
    lines = lines_of(result.text)
    assert "• " + norm(TRI["bullets"][0]) in lines  # list items keep a bullet


@pytest.mark.parametrize("name", TRILATERAL_FILES)
def test_tracked_changes_read_as_accepted_and_hidden_text_and_comments_left_out(name):
    text = norm(read_source(FIXTURES / name).text)
    assert "contre le travail forcé et le trafic sexuel, et ce" in text  # the insertion, in place
    assert TRI["deleted"] not in text  # the deletion
    assert TRI["hidden"] not in text
    assert TRI["comment"] not in text


@pytest.mark.parametrize("name", TRILATERAL_FILES)
def test_table_cells_one_per_line_footnote_at_the_end_header_in_left_out(name):
    result = read_source(FIXTURES / name)
    lines = lines_of(result.text)
    for row in TRI["table"]:
        for cell in row:
            assert norm(cell) in lines
    assert lines[-1] == norm(TRI["footnote"])
    assert TRI["header"] not in result.text
    assert TRI["header"] in result.left_out


def test_python_docx_file_tracked_changes_fields_hidden_text_and_lists():
    result = read_source(FIXTURES / "pythondocx_un_fr.docx")
    text, lines = result.text, lines_of(result.text)
    assert_in_order(text, [UN["title"], UN["date_line"], *UN["paragraphs"], *UN["bullets"], *UN["numbered"], UN["attribution"]])
    # the third paragraph was two paragraphs joined with change tracking on (its mark deleted): one line now
    assert norm(UN["paragraphs"][2]) in lines
    assert UN["deleted"] not in text and UN["hidden"] not in text and UN["comment"] not in text
    assert UN["field_instruction"] not in text and "DATE" not in text  # field codes are not text, results are
    assert f"1. {norm(UN['numbered'][0])}" in lines and f"2. {norm(UN['numbered'][1])}" in lines
    assert f"• {norm(UN['bullets'][0])}" in lines
    assert lines[-1] == norm(UN["footnote"])
    assert UN["header"] in result.left_out and UN["header"] not in text


@pytest.mark.parametrize("name, words", [
    ("bad_odt_renamed.docx", "OpenDocument"), ("bad_truncated.docx", "not a valid Word"),
    ("bad_text_renamed.docx", "not a valid Word"),
])
def test_damaged_or_misnamed_word_files_are_refused_in_plain_words(name, words):
    with pytest.raises(InputError) as error:
        read_source(FIXTURES / name)
    assert words in error.value.problem
    assert error.value.path.endswith(name)


# ---------------------------------------------------------------------------------------------- web pages

HTML_PAGES = ["canada_ca_fr", "un_org_fr", "coe_int_fr", "wordpress_fr", "canada_ca_en", "gouv_fr"]


@pytest.mark.parametrize("page", HTML_PAGES)
def test_web_page_main_text_in_order_and_furniture_left_out(page):
    truth = EXPECTED["html"][page]
    result = read_source(FIXTURES / f"{page}.html")
    assert result.format == "html"
    assert_in_order(result.text, truth["body"])
    lines = lines_of(result.text)
    for furniture in truth["furniture"]:
        assert norm(furniture) not in lines and not (len(furniture) >= 15 and norm(furniture) in norm(result.text)), furniture
    left_out = " | ".join(norm(line) for line in result.left_out)
    reported = sum(norm(furniture) in left_out for furniture in truth["furniture"])
    assert reported >= 0.9 * len(truth["furniture"])


def test_government_of_canada_page_details_are_furniture():
    result = read_source(FIXTURES / "canada_ca_fr.html")
    for furniture in ("Détails de la page", "Date de modification :", "Signaler un problème ou une erreur sur cette page"):
        assert furniture not in result.text
        assert furniture in result.left_out


def test_windows_1252_page_declared_in_meta_reads_accents():
    result = read_source(FIXTURES / "un_org_fr_cp1252.htm")
    assert_in_order(result.text, EXPECTED["html"]["un_org_fr_cp1252"]["body"])
    assert "Aujourd’hui" in result.text


# ---------------------------------------------------------------------------------------------- PDF


def test_pdf_paragraphs_rebuilt_whole_and_in_order():
    result = read_source(FIXTURES / "lo_trilateral_fr.pdf")
    assert result.format == "pdf"
    assert_in_order(result.text, [TRI["title"], TRI["date_line"], *TRI["bullets"], *TRI["paragraphs"][:4]])


def test_pdf_hyphenation_undone_but_real_hyphens_kept():
    french = norm(read_source(FIXTURES / "lo_trilateral_fr.pdf").text)
    source_words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", " ".join(TRI["paragraphs"] + TRI["bullets"])))
    for compound in re.findall(r"[^\W\d_]+-[^\W\d_]+", french):
        assert compound in source_words, f"hyphenation left in: {compound}"
    for word in ("encourage", "personnes", "collaboration", "l’exploitation", "l’intérieur", "main-d’œuvre", "États-Unis"):
        assert word in french
    english = norm(read_source(FIXTURES / "lo_trilateral_en.pdf").text)
    assert "in follow-up to the commitments" in english  # a real hyphen at a line end
    assert "three countries" in english and "coun-" not in english and "Working Group discussed potential" in english


def test_pdf_running_header_page_numbers_and_footnote_marks_removed():
    result = read_source(FIXTURES / "lo_trilateral_fr.pdf")
    lines = lines_of(result.text)
    assert TRI["header"] not in result.text and TRI["header"] in result.left_out
    assert not any(re.fullmatch(r"(Page )?\d+", line) for line in lines)
    assert "Page 1" in result.left_out and "Page 2" in result.left_out
    assert "personnes.1" not in result.text
    assert lines[-1] == norm(TRI["footnote"])  # the footnote, without its number, at the end
    # the paragraph broken by the page break (and by header, footer and footnote) is whole
    assert norm(TRI["paragraphs"][2]) in lines


def test_pdf_two_columns_read_column_by_column():
    result = read_source(FIXTURES / "lo_columns_fr.pdf")
    assert_in_order(result.text, EXPECTED["columns_fr"]["paragraphs"])


def test_pdf_with_owner_password_only_is_read():
    assert norm(TRI["paragraphs"][0]) in lines_of(read_source(FIXTURES / "owner_password.pdf").text)


@pytest.mark.parametrize("name", ["scanned_lo.pdf", "scanned_pillow.pdf"])
def test_scanned_pdf_says_run_ocr_first(name):
    with pytest.raises(InputError) as error:
        read_source(FIXTURES / name)
    assert "has no text layer (a scanned PDF?); run OCR first" in error.value.problem


@pytest.mark.parametrize("name, words", [("encrypted.pdf", "password-protected"), ("bad_truncated.pdf", "damaged"),
                                         ("bad_empty.pdf", "empty")])
def test_protected_damaged_or_empty_pdf_refused(name, words):
    with pytest.raises(InputError) as error:
        read_source(FIXTURES / name)
    assert words in error.value.problem


# ---------------------------------------------------------------------------------------------- XLIFF

XLIFF_FILES = {"ttk_un_fr.xlf": "ttk_un_fr", "ttk_un_fr_20.xlf": "ttk_un_fr_20", "xliff21_inline.xlf": "xliff21_inline",
               "trados_trilateral.sdlxliff": "trados_trilateral", "memoq_us.mqxliff": "memoq_us", "sub_12.xlf": "sub_12"}


@pytest.mark.parametrize("name", list(XLIFF_FILES))
def test_xliff_units_match_the_file(name):
    truth = EXPECTED["xliff"][XLIFF_FILES[name]]
    units = read_bilingual(FIXTURES / name)
    assert all(isinstance(unit, BilingualUnit) for unit in units)
    assert {unit.id: (unit.fr, unit.en) for unit in units} == {key: tuple(value) for key, value in truth.items()}
    assert [unit.id for unit in units] == list(truth)  # document order
    # as the checks take them: the file's ids kept, so a reviewer finds the segment in the CAT tool
    checked = read_units(FIXTURES / name)
    assert [(unit.source_id, unit.fr, unit.en) for unit in checked] == [(unit.id, unit.fr, unit.en) for unit in units]
    assert all(unit.status == "confirmed" and unit.mt == "" for unit in checked)


def test_inline_tags_between_words_give_a_space_inside_a_word_none():
    units = {unit.id: unit for unit in read_bilingual(FIXTURES / "ttk_un_fr.xlf")}
    assert units["u3"].fr.endswith("contre la traite des personnes")  # des<ph>&lt;w:br/&gt;</ph>personnes
    assert units["u1"].fr.startswith("La traite des êtres humains")  # tra<g>ite</g>
    assert units["u2"].fr == "Elle exploite la vulnérabilité et prospère en période de conflit et d’instabilité."
    assert "<w:br/>" not in units["u3"].fr and "{1}" not in units["u3"].fr  # native code is not text
    memoq = {unit.id: unit for unit in read_bilingual(FIXTURES / "memoq_us.mqxliff")}
    assert memoq["2"].fr.startswith("La lutte contre la traite des personnes nécessite")  # des<bpt/>personnes<ept/>


def test_sub_text_is_returned_as_its_own_unit_after_its_parent():
    units = read_bilingual(FIXTURES / "sub_12.xlf")
    assert [unit.id for unit in units] == ["t1", "t1#sub1", "t2", "t2#sub1"]
    assert units[1].fr == EXPECTED["xliff"]["sub_12"]["t1#sub1"][0]
    assert units[1].en == "World Day against Trafficking in Persons, 30 July 2023."
    assert "Journée mondiale" not in units[0].fr  # the footnote is not glued into the sentence


def test_xliff_states_and_match_quality_in_note():
    trados = read_bilingual(FIXTURES / "trados_trilateral.sdlxliff")
    assert "ApprovedTranslation" in trados[0].note and "100%" in trados[0].note
    memoq = read_bilingual(FIXTURES / "memoq_us.mqxliff")
    assert "ManuallyConfirmed" in memoq[0].note and memoq[2].en == ""
    ttk = {unit.id: unit for unit in read_bilingual(FIXTURES / "ttk_un_fr.xlf")}
    assert ttk["u2"].note == "state: needs-review-translation" and ttk["u5"].en == ""


def test_omegat_output_is_read_with_its_translations():
    units = read_bilingual(FIXTURES / "omegat_trilateral.xlf")
    pairs = {unit.fr: unit.en for unit in units}
    for french, english in EXPECTED["omegat"]["translated"].items():
        assert pairs.get(french) == english, french[:60]
    # OmegaT copies the source into segments nobody translated: the English column shows the French
    for french in EXPECTED["omegat"]["untranslated"]:
        assert pairs[french] == french


@pytest.mark.parametrize("name, found", [("ttk_english_source.xlf", "'en-US'"), ("ttk_odf2xliff_raw.xlf", "'en'")])
def test_xliff_without_french_source_is_refused_naming_the_language(name, found):
    with pytest.raises(InputError) as error:
        read_bilingual(FIXTURES / name)
    assert f"the source language is {found}, not French" in error.value.problem


def test_odf2xliff_wrong_language_says_the_text_reads_as_french():
    with pytest.raises(InputError) as error:
        read_bilingual(FIXTURES / "ttk_odf2xliff_raw.xlf")
    assert "reads as French" in error.value.problem


@pytest.mark.parametrize("name", ["bad_billion_laughs.xlf", "bad_xxe.xlf"])
def test_hostile_xml_is_refused(name):
    with pytest.raises(InputError) as error:
        read_bilingual(FIXTURES / name)
    assert "entity" in error.value.problem


@pytest.mark.parametrize("left, right, placeholder, space", [
    ("des", "personnes", True, True), ("des", "personnes", False, True), ("tra", "ite", False, False),
    ("tra", "ite", True, False), ("exploi", "tation", True, False), ("de", "conflit", True, True),
    ("Hernández", "García", True, True), ("Xq", "Zw", True, True), ("Xq", "Zw", False, False),
])
def test_tag_spacing_rule(left, right, placeholder, space):
    assert _lexicon.tag_separates_words(left, right, ("fr", "en"), placeholder) is space


@pytest.mark.parametrize("left, right, keep", [
    ("exploi", "tation", False), ("per", "sonnes", False), ("plu", "part", False), ("follow", "up", True),
    ("anti", "trafficking", True), ("main", "d’œuvre", True), ("États", "Unis", True), ("2021", "2023", True),
])
def test_line_end_hyphen_rule(left, right, keep):
    assert _lexicon.keep_line_end_hyphen(left, right, ("fr", "en")) is keep


# ---------------------------------------------------------------------------------------------- registry, fuzz


def test_unknown_suffixes_are_refused_by_the_registry(tmp_path):
    for name in ("notes.doc", "units.xlz", "scan.tiff"):
        path = tmp_path / name
        path.write_bytes(b"x")
        with pytest.raises(InputError):
            (read_units if name.endswith(".xlz") else read_source)(path)
    with pytest.raises(InputError) as error:
        read_source(FIXTURES / "ttk_un_fr.xlf")
    assert "bilingual" in error.value.problem


SUFFIXES = [".docx", ".odt", ".fodt", ".rtf", ".html", ".pdf", ".txt", ".xlf", ".sdlxliff", ".mqxliff"]
SEEDS_FROM = {".docx": "lo_trilateral_fr.docx", ".odt": "lo_trilateral_fr.odt", ".fodt": "lo_trilateral_fr.fodt",
              ".rtf": "lo_trilateral_fr.rtf", ".html": "canada_ca_fr.html", ".pdf": "lo_columns_fr.pdf",
              ".txt": "lo_trilateral_fr.fodt", ".xlf": "ttk_un_fr.xlf", ".sdlxliff": "trados_trilateral.sdlxliff",
              ".mqxliff": "memoq_us.mqxliff"}


def _read(path: Path):
    return read_units(path) if path.suffix in (".xlf", ".sdlxliff", ".mqxliff") else read_source(path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_random_and_damaged_bytes_give_input_error_never_a_traceback(tmp_path, suffix):
    rng = random.Random(20231024)
    real = (FIXTURES / SEEDS_FROM[suffix]).read_bytes()
    samples = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))) for _ in range(8)]
    for _ in range(8):  # real files with bytes flipped, cut short, or with a slice repeated
        data = bytearray(real)
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        samples.append(bytes(data))
        samples.append(real[: rng.randrange(1, len(real))])
        start = rng.randrange(len(real))
        samples.append(real[:start] + real[start:start + 500] * 3 + real[start:])
    for index, data in enumerate(samples):
        path = tmp_path / f"sample{index}{suffix}"
        path.write_bytes(data)
        try:
            result = _read(path)
        except InputError as error:
            assert error.problem and str(path) in str(error)
        else:
            assert isinstance(result, (SourceText, list))


# ---------------------------------------------------------------------------------------------- callers: corpus, CLI, checks


def test_web_page_navigation_is_one_boilerplate_flag_a_few_page_headers_one_each():
    from align.checks.layout import MAX_SEPARATE_LEFT_OUT, boilerplate
    from align.io.documents import read_document

    document = read_document(FIXTURES / "canada_ca_fr.html", FIXTURES / "lo_trilateral_en.pdf")
    assert len([text for side, text in document.left_out if side == "fr"]) > 3 * MAX_SEPARATE_LEFT_OUT  # canada.ca menus
    flags = boilerplate([], CheckContext(None, True, left_out=document.left_out))
    french = [flag for flag in flags if flag.side == "fr"]
    assert len(french) == 1 and "Détails de la page" in french[0].text and "lines of page furniture" in french[0].message
    english = [flag.text for flag in flags if flag.side == "en"]  # the PDF's running header and page numbers
    assert 1 <= len(english) <= MAX_SEPARATE_LEFT_OUT and "Page 1" in english


def test_uploads_in_any_registered_format_are_saved_with_their_suffix(tmp_path):
    from align.io import corpus

    docx, pdf = (FIXTURES / "lo_trilateral_fr.docx").read_bytes(), (FIXTURES / "lo_trilateral_en.pdf").read_bytes()
    document = corpus.save_document("Déclaration.docx", ("Déclaration.docx", docx), ("statement.PDF", pdf), folder=tmp_path)
    assert document.name == "declaration"
    assert (tmp_path / "fr" / "declaration.docx").read_bytes() == docx and (tmp_path / "en" / "declaration.pdf").read_bytes() == pdf
    assert norm(TRI["paragraphs"][0]) in lines_of(document.fr_text) and "Trilateral Working Group" in document.en_text
    assert ("fr", TRI["header"]) in document.left_out
    # replaced by a .txt: the .docx is set aside, so the document has one French file again
    corpus.save_document("declaration", ("declaration.txt", b"La traite des personnes est un crime."), overwrite=True, folder=tmp_path)
    assert sorted(path.name for path in (tmp_path / "fr").iterdir()) == ["declaration.docx.bak", "declaration.txt"]
    assert corpus.open_document("declaration", tmp_path).en_text is None
    with pytest.raises(InputError, match=r"rapport\.docx: .*not a valid Word"):
        corpus.save_document("rapport", ("rapport.docx", b"plain text, not a Word file"), folder=tmp_path)
    with pytest.raises(InputError, match=r"scan\.pdf: .*has no text layer"):
        corpus.save_document("scan", ("fr.txt", b"Bonjour."), ("scan.pdf", (FIXTURES / "scanned_lo.pdf").read_bytes()), folder=tmp_path)
    with pytest.raises(InputError, match=r"notes\.doc: unsupported file type"):
        corpus.save_document("notes", ("notes.doc", b"x"), folder=tmp_path)
    assert corpus.document_names(tmp_path) == ["declaration"], "nothing is written when a file is refused"
    assert "docx" in corpus.UPLOAD_TYPES and "pdf" in corpus.UPLOAD_TYPES and "html" in corpus.UPLOAD_TYPES


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=900)


def test_run_on_a_word_french_and_a_pdf_english_aligns_as_their_plain_text_does(tmp_path):
    formatted, plain = tmp_path / "formatted", tmp_path / "plain"
    for folder in (formatted, plain):
        (folder / "fr").mkdir(parents=True)
        (folder / "en").mkdir()
    shutil.copy(FIXTURES / "lo_trilateral_fr.docx", formatted / "fr" / "trilateral.docx")
    shutil.copy(FIXTURES / "lo_trilateral_en.pdf", formatted / "en" / "trilateral.pdf")
    # the same text as a reviewer would paste it into .txt files: paragraphs, no page furniture
    (plain / "fr" / "trilateral-txt.txt").write_text(read_source(FIXTURES / "lo_trilateral_fr.docx").text, encoding="utf-8")
    (plain / "en" / "trilateral-txt.txt").write_text(read_source(FIXTURES / "lo_trilateral_en.pdf").text, encoding="utf-8")
    result = run_cli("run", str(formatted), str(plain), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    alignment = pl.read_csv(tmp_path / "out" / "trilateral" / "alignment.csv", infer_schema=False)
    baseline = pl.read_csv(tmp_path / "out" / "trilateral-txt" / "alignment.csv", infer_schema=False)
    assert alignment.height == baseline.height
    assert alignment.select("fr_ids", "en_ids").equals(baseline.select("fr_ids", "en_ids"))
    met = alignment.filter(pl.col("fr").str.contains("réuni pour la dernière fois en 2018"))
    assert met.height == 1 and "had not met since 2018" in met["en"][0]
    flags = pl.read_csv(tmp_path / "out" / "trilateral" / "flags.csv", infer_schema=False)
    furniture = flags.filter(pl.col("kind") == "boilerplate")
    assert TRI["header"] in furniture["text"].to_list() and "Page 1" in furniture.filter(pl.col("side") == "en")["text"].to_list()
    assert not alignment["fr"].str.contains("Page 2").any()


def test_check_on_an_xliff_writes_flags_with_the_files_unit_ids(tmp_path):
    xliff = tmp_path / "omegat_trilateral.xlf"
    shutil.copy(FIXTURES / "omegat_trilateral.xlf", xliff)
    result = run_cli("check", str(xliff))
    assert result.returncode == 0, result.stderr
    assert "omegat_trilateral.xlf: 24 units" in result.stdout
    flags = pl.read_csv(tmp_path / "flags.csv", infer_schema=False)
    assert flags.columns[-1] == "unit_id"
    ids = {unit.id for unit in read_bilingual(xliff)}
    untranslated = flags.filter(pl.col("kind") == "untranslated")
    assert untranslated.height >= 1 and set(untranslated["unit_id"].to_list()) <= ids  # OmegaT's French copies are flagged
    refused = run_cli("check", str(FIXTURES / "ttk_english_source.xlf"), "--out", str(tmp_path))
    assert refused.returncode == 2 and "the source language is 'en-US', not French" in refused.stderr


@pytest.fixture
def without_hunspell(tmp_path, monkeypatch):
    """As on a machine without Debian's hunspell-fr / hunspell-en-us: simplemma's word lists only."""
    monkeypatch.setattr(_lexicon, "HUNSPELL_DIRS", [tmp_path])
    _lexicon.hunspell_words.cache_clear()
    _lexicon.known.cache_clear()
    yield
    _lexicon.hunspell_words.cache_clear()
    _lexicon.known.cache_clear()


def test_without_hunspell_dictionaries_pdf_and_xliff_still_read(without_hunspell):
    assert _lexicon.hunspell_words("fr") == frozenset()
    english = read_source(FIXTURES / "lo_trilateral_en.pdf")
    assert "follow-up" in english.text and "coun-tries" not in english.text
    units = {unit.id: unit for unit in read_bilingual(FIXTURES / "ttk_un_fr.xlf")}
    assert units["u3"].fr.endswith("contre la traite des personnes") and units["u1"].fr.startswith("La traite des êtres humains")
