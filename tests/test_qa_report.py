"""The QA report (qa-report.html, qa-report.xlsx) as a reviser and the person they send it to see it:
the HTML rendered offline in Debian's Chromium, the XLSX opened with openpyxl."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import openpyxl
import pytest

from align.export import ExportOptions, export_result
from align.export.qa_report import REPORT_COLUMNS, qa_report_html
from align.export.tables import alignment_frame, flags_frame, xlsx_bytes
from tests.exported_result import small_result

CHROMIUM = Path("/usr/bin/chromium")
# As tests/test_browser.py launches it (headless as root in a container); not imported, as that module skips itself without Chromium.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def column_width(sheet, header: str) -> float:
    """The width (characters) of the column headed `header`; openpyxl keeps adjacent equal widths as one range."""
    index = [cell.value for cell in sheet[1]].index(header) + 1
    return next(dimension.width for dimension in sheet.column_dimensions.values() if dimension.min <= index <= dimension.max)


@pytest.fixture(scope="module")
def result():
    return small_result(statuses=("auto", "confirmed"))


@pytest.fixture(scope="module")
def written(result, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    verdicts = {index: "accepted" for index, flag in enumerate(result.flags) if flag.text == "Human smuggling"}
    export_result(result, folder, ExportOptions(xlsx=True, verdicts=verdicts))
    return folder


def test_the_html_report_is_self_contained(written) -> None:
    page = (written / "qa-report.html").read_text(encoding="utf-8")
    assert "<style>" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"(src|href)=|url\(|@import", page)


@pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"), reason="Debian's chromium is not installed")
def test_the_html_report_in_chromium_shows_counts_and_highlighted_spans_offline(written, result, tmp_path) -> None:
    from playwright.sync_api import expect, sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
                                                               args=CHROMIUM_ARGS, offline=True)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.goto((written / "qa-report.html").as_uri())
            expect(page.get_by_role("heading", name="QA report: rapport")).to_be_visible()
            counts = page.locator("#counts")
            expect(counts.locator("tr", has_text="error").filter(has_text="forbidden-term").locator("td.n")).to_have_text("4")
            expect(counts.locator("tr", has_text="warning").filter(has_text="forbidden-term").locator("td.n")).to_have_text("1")
            expect(counts.locator("tr", has_text="total").locator("td.n")).to_have_text(str(len(result.flags)))
            # The one accepted flag ("Human smuggling", an error) is counted under its severity but no longer left to do.
            expect(counts.locator("tr", has_text="error").filter(has_text="forbidden-term").locator("td.open")).to_have_text("3")
            expect(counts.locator("tr", has_text="total").locator("td.open")).to_have_text(str(len(result.flags) - 1))
            expect(page.locator("p.meta").first).to_contain_text(f"{len(result.flags) - 1} open")
            expect(page.get_by_role("heading", name="Error (4)")).to_be_visible()
            mark = page.locator("mark.sev-error", has_text="trafic d'êtres humains")
            expect(mark).to_be_visible()
            assert mark.evaluate("element => getComputedStyle(element).backgroundColor") == "rgb(244, 182, 182)"
            issue = page.locator(".issue", has=page.locator("mark", has_text="trafic d'êtres humains"))
            expect(issue).to_contain_text("link 1")
            expect(issue).to_contain_text("Suggestion: traite des personnes | traite des êtres humains")
            expect(issue).to_contain_text("Human smuggling affects 2,000 people.")  # the English of the link, for context
            expect(issue).to_contain_text("Review state: link confirmed")
            # Markup in the glossary note is text, not HTML.
            expect(page.get_by_text("Terme stigmatisant & inexact <à éviter>").first).to_be_visible()
            smuggling = page.locator(".issue", has=page.locator("mark", has_text="Human smuggling"))
            expect(smuggling).to_contain_text("Review state: link confirmed, flag accepted")
            assert page.locator("mark").count() == len(result.flags)
        finally:
            browser.close()
    assert all(url.startswith("file://") for url in requests), requests


def test_the_html_escapes_text_and_highlights_the_span_at_its_offsets(result) -> None:
    page = qa_report_html(result).decode("utf-8")
    assert "<à éviter>" not in page and "&lt;à éviter&gt;" in page
    assert "Les <mark class=\"sev-error\"" in page  # "prostituées" at offsets 54-65 of the joined French of link 1


def test_the_xlsx_report_has_readable_widths_wrapped_text_and_tall_enough_rows(written, result) -> None:
    sheet = openpyxl.load_workbook(written / "qa-report.xlsx")["issues"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [name for name, _ in REPORT_COLUMNS]
    widths = {name: column_width(sheet, name) for name, _ in REPORT_COLUMNS}
    assert 45 <= widths["FR"] <= 55 and 35 <= widths["message"] <= 45  # characters, not pixels
    assert sheet.max_row == len(result.flags) + 1
    for row in sheet.iter_rows(min_row=2):
        message = row[headers.index("message")]
        assert message.alignment.wrap_text
        lines_needed = len(message.value) / widths["message"]
        assert sheet.row_dimensions[message.row].height >= 15 * lines_needed * 0.9
    assert [cell.value for cell in sheet["A"][1:]] == ["error"] * 4 + ["warning"]


def test_review_xlsx_column_widths_are_characters_and_rows_fit_the_wrapped_text(result) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(alignment_frame(result.units), flags_frame(result.flags))))
    sheet = workbook["alignment"]
    headers = [cell.value for cell in sheet[1]]
    letter = openpyxl.utils.get_column_letter(headers.index("fr") + 1)
    assert 55 <= column_width(sheet, "fr") <= 65
    assert sheet[f"{letter}2"].alignment.wrap_text
    # Link 1 joins two sentences: 84 characters of French in a 60-character column take two lines.
    assert sheet.row_dimensions[3].height >= 30
    assert 35 <= column_width(workbook["flags"], "message") <= 45


def test_without_official_english_the_report_shows_the_machine_translation() -> None:
    result = small_result(official=False)
    page = qa_report_html(result).decode("utf-8")
    assert "no official English (machine translation shown)" in page
    assert any(flag.side == "mt" for flag in result.flags) and ">prostitutes</mark>" in page  # the MT's own flag, highlighted in the MT
    assert '<span class="side">MT</span>' in page and '<span class="side">EN</span>' not in page
    assert page.count('<div class="issue ') == len(result.flags)
