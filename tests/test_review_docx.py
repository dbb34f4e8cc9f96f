"""review.docx: the French text back as Word with each flag as a comment on its span, read back with python-docx
(and converted by LibreOffice when it is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from align.export import ExportOptions, export_result
from align.export.review_docx import review_docx_bytes
from tests.exported_result import FRENCH, small_result


@pytest.fixture(scope="module")
def result():
    return small_result()


def anchored_texts(document: docx.document.Document) -> dict[int, str]:
    """The text between each comment's range start and range end, in document order."""
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for comment_id in open_ids:
                texts[comment_id] = texts.get(comment_id, "") + (element.text or "")
    return texts


def test_each_french_flag_is_a_comment_on_its_span(result, tmp_path) -> None:
    written = export_result(result, tmp_path, ExportOptions(docx=True))
    assert tmp_path / "review.docx" in written
    document = docx.Document(str(tmp_path / "review.docx"))
    assert [paragraph.text for paragraph in document.paragraphs] == [line for line in FRENCH.split("\n") if line.strip()]
    anchors = anchored_texts(document)
    comments = {comment.comment_id: comment for comment in document.comments}
    by_anchor = {anchors[comment_id]: comment for comment_id, comment in comments.items() if comments[comment_id].text.startswith("error")}
    assert set(by_anchor) == {"trafic d'êtres humains", "prostituées"}  # the second is in the link's second sentence
    assert "Suggestion: traite des personnes" in by_anchor["trafic d'êtres humains"].text
    assert by_anchor["prostituées"].author == "align"
    # A flag on the English is shown on the whole French of its link (two sentences here).
    english = next(comment_id for comment_id, comment in comments.items() if comment.text.startswith("[EN]") and "Human smuggling" in comment.text)
    assert anchors[english] == "Le trafic d'êtres humains touche 2 000 personnes. Les prostituées sont des victimes."
    assert len(comments) == len([flag for flag in result.flags if flag.link is not None])


def test_given_paragraphs_are_kept_and_offsets_follow_them(result) -> None:
    paragraphs = ["Rapport <annuel> & bilan", "Le trafic d'êtres humains touche 2 000 personnes. Les prostituées sont des victimes.",
                  "La traite des personnes est un crime grave."]
    from io import BytesIO

    document = docx.Document(BytesIO(review_docx_bytes(result, paragraphs)))
    assert [paragraph.text for paragraph in document.paragraphs] == paragraphs
    assert "prostituées" in anchored_texts(document).values()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_review_docx_with_its_comments(result, tmp_path) -> None:
    source = tmp_path / "review.docx"
    source.write_bytes(review_docx_bytes(result))
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    import zipfile

    content = zipfile.ZipFile(Path(tmp_path / "review.odt")).read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == len([f for f in result.flags if f.link is not None])
    assert content.count("<office:annotation-end ") == content.count("<office:annotation ")  # anchored on spans, not points
    assert "trafic d&apos;êtres humains" in content or "trafic d'êtres humains" in content


def test_a_french_docx_input_is_read_for_its_paragraphs_and_comments_still_land_on_their_spans(tmp_path) -> None:
    from dataclasses import replace
    from io import BytesIO

    source = docx.Document()
    heading = source.add_paragraph()
    heading.add_run("Rapport <annuel> ").bold = True
    heading.add_run("& bilan")
    source.add_paragraph("")
    source.add_paragraph("Le trafic d'êtres humains touche 2 000 personnes. Les prostituées sont des victimes.")
    source.add_paragraph("La traite des personnes est un crime grave.")
    path = tmp_path / "rapport.docx"
    source.save(str(path))
    base = small_result()
    result = replace(base, document=replace(base.document, fr_path=path))
    document = docx.Document(BytesIO(review_docx_bytes(result)))
    assert [paragraph.text for paragraph in document.paragraphs] == [line for line in FRENCH.split("\n") if line.strip()]
    assert "trafic d'êtres humains" in anchored_texts(document).values()
