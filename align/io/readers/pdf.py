"""PDF with a text layer → SourceText, paragraphs rebuilt from the lines on the page.

pdfplumber opens the file and pdfminer.six's layout analysis (LAParams) gives text boxes in reading order,
columns included; measured against pypdf and pdfplumber's own `extract_text` in bench/measure_pdf.py
(pdfplumber's `extract_text` reads two-column pages across the columns; pypdf keeps content-stream order
but gives no font sizes or positions to find headers, footers and footnotes with).

- Running headers and footers: a line in the top or bottom 12 % of the page whose text (digits ignored) recurs on
  at least half of the pages (two pages at least) goes to `left_out`; so does a page number there ("7", "Page 7",
  "7 / 12", "- 7 -", "Page 7 de 12", "vii").
- Footnotes: lines at the bottom of a page in a smaller type than the body are moved to the end of the text;
  footnote reference marks (small raised digits) are dropped from the body.
- Paragraphs: lines are joined until a paragraph ends: a gap larger than the line spacing (pdfminer box
  boundary) with the previous line ending a sentence or short, a line under 60 % of the column width, a change of
  type size (headings), or a bullet. Paragraphs running over a column or page break are joined.
- Hyphenation: "exploi-⏎tation" → "exploitation"; a real hyphen at a line end is kept ("follow-⏎up" →
  "follow-up", "États-⏎Unis"), judged with the document's own words and simplemma's dictionaries
  (`_lexicon.keep_line_end_hyphen`).
- Bullets drawn with Symbol/Wingdings glyphs (private-use characters) become "• "; ligatures (ﬁ, ﬂ…) are expanded.

A PDF whose pages have images but (almost) no text is a scan: InputError "has no text layer (a scanned PDF?);
run OCR first". A password needed to open the file: InputError saying so. An owner password (printing/copying
restrictions only) does not stop reading.
"""

from __future__ import annotations

import logging
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from . import _lexicon
from ._common import InputError, check_file, clean_line, finish
from .source import SourceText

FORMAT = "pdf"
SUFFIXES = (".pdf",)
MAX_PAGES = 2000
_EDGE = 0.12  # top/bottom share of the page where running headers, footers and page numbers live
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?)\s*)?(\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:/|de|of|sur)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE)
_BULLETS = "•◦▪▫●○■□‣⁃∙·–—-*"
_PUA_BULLETS = {"\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "\uf0fc", "\uf06e", "\uf0a8", "\uf02d", "\uf0e8"}
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]]\s*$")
_HYPHENS = ("-", "\u00ad", "\u2010")
_NUMBERED = re.compile(r"^(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s")
_NOTE_NUMBER = re.compile(r"^\d{1,3}\s?(?=[^\W\d_])")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    box: int
    column_x0: float = 0.0
    column_x1: float = 0.0
    page_height: float = 0.0
    bold: bool = False
    flags: set = field(default_factory=set)


def read(path: Path) -> SourceText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    path = check_file(Path(path))
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged files make pdfminer log a warning per object
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        raise InputError(path, "is not a PDF file (no %PDF header)")
    lines: list[_Line] = []
    images = 0
    try:
        with pdfplumber.open(path, laparams={"line_margin": 0.5, "char_margin": 2.0, "boxes_flow": 0.5}) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise InputError(path, f"has {len(pages)} pages; the limit is {MAX_PAGES}")
            for number, page in enumerate(pages, 1):
                images += len(page.images)
                lines += _page_lines(page, number)
                page.flush_cache()
    except InputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise InputError(path, "is password-protected; open it with its password and save or print an unprotected "
                               f"copy (Acrobat: File > Properties > Security), then read that ({type(error).__name__})") from None
    except (PDFSyntaxError, PSException) as error:
        raise InputError(path, f"is damaged or not a PDF ({type(error).__name__}: {error})") from None
    except Exception as error:  # noqa: BLE001 - pdfminer raises many plain exception types on broken files
        inner = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(inner).lower():
            raise InputError(path, "is password-protected; open it with its password and save an unprotected copy") from None
        raise InputError(path, f"is damaged or not a PDF ({type(inner).__name__}: {inner})") from None
    letters = sum(sum(ch.isalnum() for ch in line.text) for line in lines)
    if letters < 20:
        if images:
            raise InputError(path, "has no text layer (a scanned PDF?); run OCR first (e.g. ocrmypdf, or your "
                                   "scanner's or Acrobat's text recognition) and read the result")
        raise InputError(path, "holds no text")
    left_out = _remove_furniture(lines)
    body = [line for line in lines if not line.flags]
    notes = [line for line in lines if "note" in line.flags]
    langs = ("fr", "en")
    seen = _document_words([line for line in lines if "furniture" not in line.flags])
    paragraphs = _paragraphs(body, langs, seen)
    for line in notes:
        line.text = _NOTE_NUMBER.sub("", line.text, count=1)
    note_paragraphs = _paragraphs(notes, langs, seen) if notes else []
    text = finish(paragraphs + ([""] + note_paragraphs if note_paragraphs else []))
    return SourceText(text=text, format=FORMAT, left_out=tuple(dict.fromkeys(left_out)))


# ---------------------------------------------------------------------------------------------- lines


def _page_lines(page, number: int) -> list[_Line]:
    from pdfminer.layout import LTChar, LTTextBoxHorizontal, LTTextLineHorizontal

    lines: list[_Line] = []
    height = float(page.height)
    for box_index, box in enumerate(obj for obj in page.layout if isinstance(obj, LTTextBoxHorizontal)):
        for item in box:
            if not isinstance(item, LTTextLineHorizontal):
                continue
            chars = [ch for ch in item if isinstance(ch, LTChar)]
            if not chars:
                continue
            sizes = [round(ch.size, 1) for ch in chars if ch.get_text().strip()]
            fonts = [ch.fontname for ch in chars if ch.get_text().strip()]
            bold = bool(fonts) and sum("bold" in font.lower() or "black" in font.lower() for font in fonts) > len(fonts) / 2
            size = statistics.median(sizes) if sizes else 0.0
            baseline = statistics.median(ch.y0 for ch in chars)
            text = []
            for element in item:
                value = element.get_text()
                # footnote reference marks: small digits raised above the line
                if (isinstance(element, LTChar) and value.isdigit() and size and element.size < 0.8 * size
                        and element.y0 > baseline + 0.15 * size):
                    continue
                text.append(value)
            value = _clean("".join(text))
            if value:
                lines.append(_Line(value, float(item.x0), float(item.x1), height - float(item.y1), height - float(item.y0),
                                   float(size), number, box_index, float(box.x0), float(box.x1), height, bold))
    _column_edges(lines)
    return lines


def _column_edges(lines: list[_Line]) -> None:
    """The right edge of the column each line sits in: the commonest line end among lines starting near it
    (justified text ends its lines at one x), else the 80th percentile of their ends (ragged text)."""
    clusters: dict[int, list[_Line]] = {}
    for line in lines:
        clusters.setdefault(round(line.column_x0 / 24), []).append(line)
    for members in clusters.values():
        ends = sorted(round(line.x1 / 2) * 2 for line in members)
        commonest = max(set(ends), key=ends.count)
        right = commonest if ends.count(commonest) >= 3 else ends[min(len(ends) - 1, int(0.8 * len(ends)))]
        left = min(line.x0 for line in members)
        for line in members:
            line.column_x0, line.column_x1 = left, max(right, left + 1)


def _clean(text: str) -> str:
    text = text.translate(_LIGATURES)
    stripped = text.lstrip()
    if stripped[:1] in _PUA_BULLETS:
        text = "• " + stripped[1:].lstrip()
    text = "".join(ch for ch in text if not ("\ue000" <= ch <= "\uf8ff"))
    return clean_line(text.replace("\n", " "))


# ---------------------------------------------------------------------------------------------- furniture


def _remove_furniture(lines: list[_Line]) -> list[str]:
    """Flag running headers/footers and page numbers ("furniture") and footnotes ("note"); return furniture texts."""
    pages = sorted({line.page for line in lines})
    left_out: list[str] = []
    key = lambda line: re.sub(r"\d+", "#", line.text.lower())  # noqa: E731
    in_edge = lambda line: line.top < _EDGE * line.page_height or line.bottom > (1 - _EDGE) * line.page_height  # noqa: E731
    counts: dict[str, set[int]] = {}
    for line in lines:
        if in_edge(line):
            counts.setdefault(key(line), set()).add(line.page)
    repeated = {text for text, on in counts.items() if len(on) >= max(2, (len(pages) + 1) // 2)}
    for line in lines:
        if in_edge(line) and (key(line) in repeated or _PAGE_NUMBER.match(line.text)):
            line.flags.add("furniture")
            left_out.append(line.text)
    body_sizes = [line.size for line in lines if not line.flags and len(line.text) > 30]
    if body_sizes:
        body_size = statistics.median(body_sizes)
        for page in pages:
            on_page = [line for line in lines if line.page == page and not line.flags]
            # footnotes: the bottom run of lines in a smaller type than the body, below the body text
            for line in sorted(on_page, key=lambda candidate: -candidate.top):
                if line.size < 0.92 * body_size and line.top > 0.5 * line.page_height:
                    line.flags.add("note")
                else:
                    break
    return left_out


# ---------------------------------------------------------------------------------------------- paragraphs


def _document_words(lines: list[_Line]) -> set[str]:
    """Words and hyphenated compounds standing whole inside lines (not at a line's ends)."""
    words: set[str] = set()
    for line in lines:
        tokens = re.findall(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*", line.text)
        words.update(token.lower() for token in tokens[1:-1])
    return words


def _paragraphs(lines: list[_Line], langs: tuple[str, ...], seen: set[str]) -> list[str]:
    if not lines:
        return []
    sizes = [line.size for line in lines if len(line.text) > 30] or [line.size for line in lines]
    body_size = statistics.median(sizes)
    paragraphs: list[str] = []
    current = ""
    previous: _Line | None = None
    for line in lines:
        if previous is None or _breaks(previous, line, body_size):
            if current:
                paragraphs.append(current)
            current = _bullet(line.text)
        else:
            current = _join(current, line.text, langs, seen)
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _bullet(text: str) -> str:
    if text[:1] in _BULLETS and len(text) > 2 and text[1] == " ":
        return "• " + text[2:]
    return text


def _breaks(previous: _Line, line: _Line, body_size: float) -> bool:
    """Does `line` start a new paragraph after `previous`?"""
    if line.text[:1] in _BULLETS and line.text[1:2] == " " or _NUMBERED.match(line.text) and _SENTENCE_END.search(previous.text):
        return True
    if abs(line.size - previous.size) > 0.12 * max(line.size, previous.size) or line.bold != previous.bold:
        return True
    width = max(previous.column_x1 - previous.column_x0, 1.0)
    short = previous.x1 < previous.column_x1 - 0.12 * width
    ends_sentence = bool(_SENTENCE_END.search(previous.text))
    if previous.x1 - previous.x0 < 0.6 * width:
        return True
    if line.page == previous.page and line.box == previous.box:
        return short and ends_sentence
    # another pdfminer box: a paragraph gap, or a column / page break inside a paragraph
    if short or ends_sentence:
        return True
    return not line.text[:1].islower() and not previous.text.endswith(_HYPHENS) and not previous.text.endswith(",")


def _join(current: str, text: str, langs: tuple[str, ...], seen: set[str]) -> str:
    if current.endswith(_HYPHENS) and len(current) > 1 and current[-2].isalpha() and text[:1].isalpha():
        left = re.search(r"([^\W\d_]+)[-\u00ad\u2010]$", current)
        right = re.match(r"[^\W\d_]+", text)
        if left and right:
            if current.endswith("\u00ad") or not _lexicon.keep_line_end_hyphen(left.group(1), right.group(0), langs, seen):
                return current[:-1] + text
            return current + text
    return f"{current} {text}"
