"""Rich Text Format (.rtf) → SourceText, with a small RTF reader written here.

Measured in bench/measure_office.py against striprtf (PyPI) and LibreOffice's own text export: both keep text a
reviewer must not see: tracked deletions ("l’exploitation sexuellele trafic sexuel") and hidden text;
striprtf also drops footnotes and joins table cells with "|". Converting with LibreOffice to .docx and reading
that is right but needs LibreOffice at run time and 2–4 s a file; this reader needs nothing.

- paragraphs (\\par), line breaks (\\line) and table cells (\\cell, one per line) end lines; list labels
  written by the application (\\listtext, \\pntext) become "• " or the number;
- Unicode (\\uN with its \\ucN fallback), \\'hh bytes in the document's code page (\\ansicpg, default cp1252),
  \\~ (no-break space), \\_ (non-breaking hyphen), \\- (optional hyphen, dropped), named characters
  (\\emdash, \\rquote…);
- tracked changes accepted: \\deleted text dropped, \\revised (inserted) text kept;
- hidden text (\\v) left out; field instructions (\\fldinst) left out, results (\\fldrslt) kept;
- comments (\\annotation), pictures, objects, style/font/colour tables and document information skipped;
- footnotes and endnotes (\\footnote) at the end; page headers and footers (\\header…, \\footer…) in `left_out`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ._common import InputError, check_file, finish
from .source import SourceText

FORMAT = "rtf"
SUFFIXES = (".rtf",)
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")
_SKIP_DESTINATIONS = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "themedata", "colorschememapping",
    "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator",
    "pgdsctbl", "fldinst", "annotation", "atnid", "atnauthor", "atndate", "atnref", "atrfstart", "atrfend",
    "bkmkstart", "bkmkend", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "shppict", "nonshppict",
    "blipuid", "mmathPr", "docvar", "userprops", "filetbl", "protusertbl", "passwordhash", "template", "falt",
    "panose", "keywords", "fontemb", "fontfile", "wgrffmtfilter", "pnseclvl", "listpicture", "tc", "xe", "sp", "sn",
    "sv", "shpinst", "datafield", "formfield", "ffname", "ffdeftext", "ffstattext", "ffhelptext", "ffentrymcr",
    "ffexitmcr", "pn", "pntxta", "pntxtb", "oldcprops", "oldpprops", "oldsprops", "oldtprops", "factoidname",
}
_HEADERS = {"header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"}
_LABELS = {"listtext", "pntext"}
_CHARACTERS = {"emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
               "bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " ", "zwj": "", "zwnj": "", "tab": "\t",
               "ltrmark": "", "rtlmark": "", "zwbo": "", "zwnbo": ""}
_ENDS_LINE = {"par", "sect", "page", "row", "cell", "nestcell", "nestrow"}


class _State:
    __slots__ = ("skip", "hidden", "deleted", "uc", "target", "label")

    def __init__(self) -> None:
        self.skip = False
        self.hidden = False
        self.deleted = False
        self.uc = 1
        self.target = "body"  # body, note, furniture
        self.label = False

    def copy(self) -> _State:
        other = _State()
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        return other


def read(path: Path) -> SourceText:
    path = check_file(Path(path))
    data = path.read_bytes()
    if not data.lstrip()[:5] == b"{\\rtf":
        raise InputError(path, "is not an RTF file (it does not start with {\\rtf)")
    codepage = "cp1252"
    match = re.search(rb"\\ansicpg(\d{3,5})", data[:4096])
    if match:
        candidate = f"cp{int(match.group(1))}"
        try:
            "".encode(candidate)
            codepage = candidate
        except LookupError:
            pass
    body, notes, furniture = _Builder(), _Builder(), _Builder()
    outputs = {"body": body, "note": notes, "furniture": furniture}
    stack: list[_State] = []
    state = _State()
    skip_fallback = 0
    pending_bytes = bytearray()
    first_in_group = False
    position, size = 0, len(data)

    def flush_bytes() -> None:
        if pending_bytes:
            emit(pending_bytes.decode(codepage, errors="replace"))
            pending_bytes.clear()

    def emit(text: str) -> None:
        if state.skip or state.hidden or state.deleted or not text:
            return
        outputs[state.target].add(text, label=state.label)

    while position < size:
        token = _TOKEN.match(data, position)
        if token is None:  # a lone backslash at the end, or bytes the pattern cannot take
            position += 1
            continue
        position = token.end()
        word, number, hexbyte, symbol, brace, text = token.groups()
        if hexbyte is not None:
            if skip_fallback:
                skip_fallback -= 1
                continue
            pending_bytes.append(int(hexbyte, 16))
            first_in_group = False
            continue
        flush_bytes()
        if brace == b"{":
            stack.append(state)
            state = state.copy()
            first_in_group = True
            if len(stack) > 500:
                raise InputError(path, "is damaged: groups nested over 500 deep")
            continue
        if brace == b"}":
            if state.label and not stack[-1].label:
                outputs[state.target].end_label()
            state = stack.pop() if stack else _State()
            first_in_group = False
            continue
        if text is not None:
            value = text.decode(codepage, errors="replace")
            if skip_fallback:
                cut = min(skip_fallback, len(value))
                value, skip_fallback = value[cut:], skip_fallback - cut
            emit(value)
            first_in_group = False
            continue
        if symbol is not None:
            skip_fallback = 0
            char = symbol.decode("latin-1")
            if char == "*":
                state.skip = state.skip or "ignorable"  # decided by the next control word
            elif char in "\\{}":
                emit(char)
            elif char == "~":
                emit("\u00a0")
            elif char == "_":
                emit("\u2011")
            elif char in "\r\n":
                _end_line(state, outputs)
            first_in_group = False
            continue
        if word is None:
            continue
        name = word.decode("ascii")
        value = int(number) if number is not None else None
        if state.skip == "ignorable":
            state.skip = name not in ("footnote",) and name not in _HEADERS
            if name == "footnote":
                state.target = "note"
        if name == "bin" and value:
            position += value
            continue
        if first_in_group and (name in _SKIP_DESTINATIONS) or name in ("fldinst",):
            state.skip = True
        elif name == "footnote":
            state.target = "note"
            outputs["note"].end_line()
        elif name in _HEADERS:
            state.target = "furniture"
            outputs["furniture"].end_line()
        elif name in _LABELS:
            state.label = True
        elif name == "u" and value is not None:
            emit(chr(value + 65536 if value < 0 else value) if -32768 <= value < 65536 else "")
            skip_fallback = state.uc
        elif name == "uc" and value is not None:
            state.uc = max(0, value)
        elif name == "v":
            state.hidden = value != 0
        elif name == "deleted":
            state.deleted = value != 0
        elif name == "plain":
            state.hidden = state.deleted = False
        elif name in _ENDS_LINE:
            _end_line(state, outputs)
        elif name == "line":
            if not (state.skip or state.hidden or state.deleted):
                outputs[state.target].end_line()
        elif name in _CHARACTERS:
            emit(_CHARACTERS[name])
        first_in_group = False
    flush_bytes()
    lines = body.lines()
    note_lines = [line for line in notes.lines() if line.strip()]
    text = finish(lines + ([""] + note_lines if note_lines else []))
    if not text:
        raise InputError(path, "the RTF document holds no text")
    left_out = [line for line in finish(furniture.lines()).splitlines() if line.strip()]
    return SourceText(text=text, format=FORMAT, left_out=tuple(dict.fromkeys(left_out)))


def _end_line(state: _State, outputs: dict) -> None:
    if not state.skip:
        outputs[state.target].end_line()


class _Builder:
    def __init__(self) -> None:
        self._lines: list[str] = []
        self._current: list[str] = []
        self._label: list[str] = []

    def add(self, text: str, label: bool = False) -> None:
        (self._label if label else self._current).append(text)

    def end_label(self) -> None:
        label = "".join(self._label).replace("\t", " ").strip()
        self._label.clear()
        if label:
            if label in ("\u2022", "\u00b7", "o", "§", "\uf0b7", "\uf0a7", "-", "–", "▪", "◦", "\u25cf"):
                label = "•"
            self._current.insert(0, label + " ")

    def end_line(self) -> None:
        self._lines.append("".join(self._current))
        self._current.clear()
        self._label.clear()

    def lines(self) -> list[str]:
        if self._current:
            self.end_line()
        return self._lines
