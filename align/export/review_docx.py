"""review.docx: the French document back as Word, with every flag as a Word comment on its span.

The document is rebuilt, not patched: one Word paragraph per French paragraph (the paragraphs a
.docx reader found, else the lines of the French text), in the default style. Formatting of an
original .docx is not carried over; the point is a file a translator opens in Word or
LibreOffice and sees the issues where they are.

Offsets. A flag on side `fr` of link L is at [start, end) of `units[L].fr`, which is the link's
French segments joined with one space; each segment knows its offsets in the document text
(`result.fr_segments`), so a span maps to document offsets piece by piece, and document offsets
to paragraphs. Flags on the English or the machine translation are anchored on the whole French
of their link, their comment starting with `[EN]` or `[MT]`. Document-level flags have no anchor
and are left out.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import docx

from align.io.atomic import write_atomic
from align.model import PAST_VERDICT_STATES, DocumentResult, Flag

AUTHOR = "align"
INITIALS = "AL"


def paragraph_offsets(text: str, paragraphs: Sequence[str] | None = None) -> list[tuple[int, str]]:
    """(offset in `text`, paragraph) for each paragraph: given ones found in order in `text`, else the non-blank lines."""
    if paragraphs is not None:
        found, cursor = [], 0
        for paragraph in paragraphs:
            at = text.find(paragraph, cursor) if paragraph else -1
            if at < 0:
                break
            found.append((at, paragraph))
            cursor = at + len(paragraph)
        else:
            return found
    offsets, cursor = [], 0
    for line in text.split("\n"):
        if line.strip():
            offsets.append((cursor, line))
        cursor += len(line) + 1
    return offsets


def flag_document_spans(result: DocumentResult, flag: Flag) -> list[tuple[int, int]]:
    """The flag's span as [start, end) ranges of the French document text (one per French segment it touches)."""
    if flag.link is None or not 0 <= flag.link < len(result.units):
        return []
    unit = result.units[flag.link]
    alignable = [segment for segment in result.fr_segments if segment.alignable]
    start, end = (flag.start, flag.end) if flag.side == "fr" else (0, len(unit.fr))
    spans, position = [], 0
    for index in unit.fr_ids:
        segment = alignable[index]
        length = len(segment.text)
        low, high = max(start, position), min(end, position + length)
        if low < high:
            spans.append((segment.start + low - position, segment.start + high - position))
        position += length + 1
    return spans


def comment_text(flag: Flag) -> str:
    side = "" if flag.side == "fr" else f"[{flag.side.upper()}] "
    text = f"{side}{flag.severity} · {flag.kind}: {flag.message}"
    return text + (f"\nSuggestion: {flag.suggestion}" if flag.suggestion else "")


def docx_paragraphs(path: Path) -> list[str]:
    """The non-empty body paragraphs of a .docx, as python-docx reads them."""
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs if paragraph.text.strip()]


def review_docx_bytes(result: DocumentResult, paragraphs: Sequence[str] | None = None) -> bytes:
    """The French document as .docx bytes with a comment per flag (see the module docstring).

    Without `paragraphs`, a French input read from a .docx gives its own paragraphs (those found in the text, in order).
    """
    text = result.document.fr_text
    source = result.document.fr_path
    if paragraphs is None and source is not None and source.suffix.lower() == ".docx" and source.exists():
        paragraphs = docx_paragraphs(source)
    placed = paragraph_offsets(text, paragraphs)
    anchored = [(flag, spans) for flag in result.flags if flag.review_state not in PAST_VERDICT_STATES and (spans := flag_document_spans(result, flag))]
    cuts = {cut for _, spans in anchored for span in spans for cut in span}
    document = docx.Document()
    document.core_properties.title = result.document.name
    runs: list[tuple[int, int, object]] = []  # (document start, document end, run)
    for offset, paragraph_text in placed:
        paragraph = document.add_paragraph()
        inside = sorted({0, len(paragraph_text), *(cut - offset for cut in cuts if offset < cut < offset + len(paragraph_text))})
        for low, high in zip(inside, inside[1:]):
            runs.append((offset + low, offset + high, paragraph.add_run(paragraph_text[low:high])))
    for flag, spans in anchored:
        start, end = spans[0][0], spans[-1][1]
        covered = [run for run_start, run_end, run in runs if start <= run_start and run_end <= end]
        if covered:
            document.add_comment(covered, comment_text(flag), author=AUTHOR, initials=INITIALS)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_review_docx(result: DocumentResult, path: str | Path, paragraphs: Sequence[str] | None = None) -> Path:
    return write_atomic(path, review_docx_bytes(result, paragraphs))
