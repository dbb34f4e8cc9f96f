"""Word .docx (Office Open XML, transitional and strict) → SourceText.

Read from the package's XML directly (zipfile + align.safexml), because the libraries measured on the
fixtures lose text a reviewer must see (bench/measure_docx.py): python-docx's `Paragraph.text` drops tracked
insertions and the results of simple fields and keeps hidden text; docx2python keeps hidden text, puts
page headers in the text and fails on a footnotes part that does not declare the `r:` prefix.

What the text holds, as Word shows it with all changes accepted:
- paragraphs, headings, list items ("• " for bullets, "1. ", "a) "… as numbered), one per line;
- tables: one cell per line (each paragraph of a cell on its own line), a blank line around the table;
  nested tables in place; rows deleted as tracked changes are dropped;
- tracked changes accepted: insertions (w:ins, w:moveTo) kept, deletions (w:del, w:moveFrom, w:delText)
  dropped, a paragraph whose mark was deleted is joined to the next one;
- fields: the result text kept, the instruction (w:instrText) dropped; simple fields (w:fldSimple) likewise;
- hidden text (w:vanish on the run, its character style or its paragraph style) left out;
- text boxes after the paragraph that holds them; content controls (w:sdt), hyperlinks, smart tags read through;
- footnotes and endnotes at the end, after a blank line, one per line;
- page headers and footers go to `left_out`; comments are not document text and are not read.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from ._common import InputError, check_file, finish, local_name, open_zip, zip_xml
from .source import SourceText

FORMAT = "docx"
SUFFIXES = (".docx", ".docm", ".dotx")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REL_OFFICE_DOCUMENT = ("officeDocument",)
_SKIP_RUN_CHILDREN = {"rPr", "delText", "instrText", "delInstrText", "footnoteReference", "endnoteReference",
                      "commentReference", "annotationRef", "footnoteRef", "endnoteRef", "separator",
                      "continuationSeparator", "lastRenderedPageBreak", "fldData"}
_TRANSPARENT = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent",
                "oMathPara", "oMath", "e", "num", "den", "sub", "sup", "deg", "fName", "lim"}
_DROPPED = {"del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "bookmarkStart", "bookmarkEnd", "proofErr",
            "commentRangeStart", "commentRangeEnd", "permStart", "permEnd", "customXmlPr", "smartTagPr", "fldData"}


def read(path: Path) -> SourceText:
    path = check_file(Path(path))
    head = path.open("rb").read(8)
    if head == _OLE_MAGIC:
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(path, "is password-protected; open it in Word, remove the password "
                                   "(File > Info > Protect Document) and save it again")
        raise InputError(path, "is an old Word 97–2003 document (.doc) or another OLE file, not .docx; "
                               "save it as .docx (Word or LibreOffice: File > Save As)")
    with open_zip(path, "Word (.docx)") as archive:
        names = set(archive.namelist())
        if "mimetype" in names and "content.xml" in names:
            raise InputError(path, "is an OpenDocument file (LibreOffice/OpenOffice), not .docx; rename it to .odt")
        main = _main_part(archive, names, path)
        rels = _relationships(archive, main, path)
        styles = _Styles(zip_xml(archive, rels.get_target("styles") or "word/styles.xml", path))
        numbering = _Numbering(zip_xml(archive, rels.get_target("numbering") or "word/numbering.xml", path))
        document = zip_xml(archive, main, path)
        body = next((child for child in document if local_name(child) == "body"), None)
        if local_name(document) != "document" or body is None:
            raise InputError(path, f"is not a Word document: {main} has no <w:body>")
        walker = _Walker(styles, numbering)
        lines = walker.blocks(body)
        notes: list[str] = []
        for kind in ("footnotes", "endnotes"):
            for target in rels.get_targets(kind):
                part = zip_xml(archive, target, path)
                if part is None:
                    continue
                for note in part:
                    if local_name(note) in ("footnote", "endnote") and not _is_separator_note(note):
                        notes += [line for line in _Walker(styles, numbering).blocks(note) if line]
        left_out: list[str] = []
        for kind in ("header", "footer"):
            for target in rels.get_targets(kind):
                part = zip_xml(archive, target, path)
                if part is not None:
                    left_out += [line for line in _Walker(styles, numbering).blocks(part) if line.strip()]
    text = finish(lines + ([""] + notes if notes else []))
    if not text:
        raise InputError(path, "the Word document holds no text")
    return SourceText(text=text, format=FORMAT, left_out=tuple(dict.fromkeys(finish(left_out).splitlines())))


# ---------------------------------------------------------------------------------------------- package


def _main_part(archive, names: set[str], path: Path) -> str:
    root_rels = zip_xml(archive, "_rels/.rels", path)
    if root_rels is not None:
        for rel in root_rels:
            if (rel.get("Type") or "").rsplit("/", 1)[-1] in _REL_OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                target = (rel.get("Target") or "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise InputError(path, "is not a Word document: the package has no main document part (word/document.xml)")


class _Rels:
    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = items

    def get_targets(self, kind: str) -> list[str]:
        return [target for rel_type, target in self.items if rel_type == kind]

    def get_target(self, kind: str) -> str | None:
        targets = self.get_targets(kind)
        return targets[0] if targets else None


def _relationships(archive, part: str, path: Path) -> _Rels:
    folder, name = posixpath.split(part)
    rels = zip_xml(archive, posixpath.join(folder, "_rels", name + ".rels"), path)
    items: list[tuple[str, str]] = []
    if rels is not None:
        for rel in rels:
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            items.append(((rel.get("Type") or "").rsplit("/", 1)[-1], resolved))
    return _Rels(items)


def _attr(element, name: str) -> str | None:
    """A w: attribute whatever the namespace (transitional or strict)."""
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def _child(element, name: str):
    if element is None:
        return None
    return next((child for child in element if local_name(child) == name), None)


def _on(element) -> bool:
    """A toggle property (<w:vanish/>, <w:vanish w:val="false"/>)."""
    if element is None:
        return False
    return (_attr(element, "val") or "true").lower() not in ("0", "false", "off")


def _is_separator_note(note) -> bool:
    return (_attr(note, "type") or "normal") in ("separator", "continuationSeparator", "continuationNotice")


# ---------------------------------------------------------------------------------------------- styles, numbering


class _Styles:
    """Hidden character/paragraph styles, heading styles, and list numbering carried by paragraph styles."""

    def __init__(self, root) -> None:
        self.hidden: set[str] = set()
        self.numbered: dict[str, tuple[str, str]] = {}
        if root is None:
            return
        based_on: dict[str, str] = {}
        own_hidden: dict[str, bool] = {}
        for style in root:
            if local_name(style) != "style":
                continue
            style_id = _attr(style, "styleId") or ""
            parent = _child(style, "basedOn")
            if parent is not None:
                based_on[style_id] = _attr(parent, "val") or ""
            rpr = _child(style, "rPr")
            vanish = _child(rpr, "vanish")
            if vanish is not None:
                own_hidden[style_id] = _on(vanish)
            num_pr = _child(_child(style, "pPr"), "numPr")
            if num_pr is not None:
                num_id = _child(num_pr, "numId")
                level = _child(num_pr, "ilvl")
                self.numbered[style_id] = (_attr(num_id, "val") if num_id is not None else "0") or "0", \
                    (_attr(level, "val") if level is not None else "0") or "0"
        for style_id in set(based_on) | set(own_hidden):
            seen, current = set(), style_id
            while current and current not in seen:
                seen.add(current)
                if current in own_hidden:
                    if own_hidden[current]:
                        self.hidden.add(style_id)
                    break
                current = based_on.get(current, "")


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
          (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for amount, digits in _ROMAN:
            while value >= amount:
                out, value = out + digits, value - amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class _Numbering:
    """numId → levels (format, text pattern, start), and the running counters of numbered lists."""

    def __init__(self, root) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for element in root:
            if local_name(element) == "abstractNum":
                abstract[_attr(element, "abstractNumId") or ""] = self._levels(element)
        for element in root:
            if local_name(element) == "num":
                ref = _child(element, "abstractNumId")
                levels = dict(abstract.get(_attr(ref, "val") or "", {})) if ref is not None else {}
                for override in element:
                    if local_name(override) == "lvlOverride":
                        level = int(_attr(override, "ilvl") or 0)
                        start = _child(override, "startOverride")
                        if start is not None and level in levels:
                            fmt, text, _ = levels[level]
                            levels[level] = (fmt, text, int(_attr(start, "val") or 1))
                        lvl = _child(override, "lvl")
                        if lvl is not None:
                            levels.update(self._levels(override))
                self.levels[_attr(element, "numId") or ""] = levels

    @staticmethod
    def _levels(element) -> dict[int, tuple[str, str, int]]:
        levels = {}
        for lvl in element:
            if local_name(lvl) != "lvl":
                continue
            fmt = _child(lvl, "numFmt")
            text = _child(lvl, "lvlText")
            start = _child(lvl, "start")
            levels[int(_attr(lvl, "ilvl") or 0)] = ((_attr(fmt, "val") if fmt is not None else "decimal") or "decimal",
                                                    (_attr(text, "val") if text is not None else "") or "",
                                                    int((_attr(start, "val") if start is not None else 1) or 1))
        return levels

    def label(self, num_id: str, level: int) -> str:
        """The visible label of the next item of list `num_id` at `level`: '• ', '1. ', 'a) ', or ''."""
        levels = self.levels.get(num_id)
        if num_id in ("", "0") or levels is None:
            return "• " if num_id not in ("", "0") else ""
        fmt, pattern, start = levels.get(level, ("bullet", "", 1))
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "• "
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        text = pattern or f"%{level + 1}."
        for index in range(level + 1):
            lfmt, _, lstart = levels.get(index, ("decimal", "", 1))
            text = text.replace(f"%{index + 1}", _format_number(counters.get(index, lstart), lfmt))
        return text.strip() + " " if text.strip() else ""


# ---------------------------------------------------------------------------------------------- body


class _Walker:
    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.fields: list[str] = []  # "instr" or "result" for each open complex field
        self.carry = ""  # text of a paragraph whose mark was deleted, waiting for the next paragraph

    def blocks(self, container) -> list[str]:
        lines: list[str] = []
        for child in container:
            name = local_name(child)
            if name == "p":
                lines += self.paragraph(child)
            elif name == "tbl":
                lines += ["", *self.table(child), ""]
            elif name in ("sdt", "customXml", "sdtContent", "ins", "moveTo", "txbxContent"):
                inner = _child(child, "sdtContent") if name == "sdt" else child
                if inner is not None:
                    lines += self.blocks(inner)
            elif name == "AlternateContent":
                choice = _alternate(child)
                if choice is not None:
                    lines += self.blocks(choice)
        if self.carry:
            lines.append(self.carry)
            self.carry = ""
        return lines

    def table(self, table) -> list[str]:
        lines: list[str] = []
        for row in _rows(table):
            tr_pr = _child(row, "trPr")
            if tr_pr is not None and _child(tr_pr, "del") is not None:
                continue
            for cell in _cells(row):
                lines += [line for line in self.blocks(cell) if line.strip()]
        return lines

    def paragraph(self, p) -> list[str]:
        ppr = _child(p, "pPr")
        style = _child(ppr, "pStyle")
        style_id = (_attr(style, "val") if style is not None else "") or ""
        para_hidden = style_id in self.styles.hidden
        parts: list[str] = []
        extra: list[str] = []
        self._inline(p, parts, extra, para_hidden)
        text = self.carry + "".join(parts)
        self.carry = ""
        mark = _child(ppr, "rPr")
        if mark is not None and (_child(mark, "del") is not None or _child(mark, "moveFrom") is not None):
            self.carry = text  # accepted: this paragraph runs on into the next
            return extra
        label = ""
        num_pr = _child(ppr, "numPr")
        if num_pr is not None or style_id in self.styles.numbered:
            if num_pr is not None:
                num_id_el, level_el = _child(num_pr, "numId"), _child(num_pr, "ilvl")
                num_id = (_attr(num_id_el, "val") if num_id_el is not None else None)
                level = (_attr(level_el, "val") if level_el is not None else None)
                if num_id is None and style_id in self.styles.numbered:
                    num_id = self.styles.numbered[style_id][0]
                num_id, level = num_id or "0", level or "0"
            else:
                num_id, level = self.styles.numbered[style_id]
            if text.strip():
                label = self.numbering.label(num_id, int(level or 0))
        lines = [label + line for line in text.split("\n")[:1]] + text.split("\n")[1:]
        return lines + extra

    def _inline(self, element, parts: list[str], extra: list[str], hidden: bool) -> None:
        for child in element:
            name = local_name(child)
            if name == "r":
                self._run(child, parts, extra, hidden)
            elif name in _TRANSPARENT:
                self._inline(child, parts, extra, hidden)
            elif name == "sdt":
                content = _child(child, "sdtContent")
                if content is not None:
                    self._inline(content, parts, extra, hidden)
            elif name == "AlternateContent":
                choice = _alternate(child)
                if choice is not None:
                    self._inline(choice, parts, extra, hidden)

    def _run(self, run, parts: list[str], extra: list[str], para_hidden: bool) -> None:
        rpr = _child(run, "rPr")
        hidden = para_hidden
        if rpr is not None:
            vanish = _child(rpr, "vanish")
            style = _child(rpr, "rStyle")
            if style is not None and (_attr(style, "val") or "") in self.styles.hidden:
                hidden = True
            if vanish is not None:
                hidden = _on(vanish)
        for child in run:
            name = local_name(child)
            if name == "fldChar":
                kind = _attr(child, "fldCharType")
                if kind == "begin":
                    self.fields.append("instr")
                elif kind == "separate" and self.fields:
                    self.fields[-1] = "result"
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if hidden or name in _SKIP_RUN_CHILDREN or "instr" in self.fields:
                continue
            if name == "t":
                parts.append(child.text or "")
            elif name in ("tab", "ptab"):
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("\u2011")
            elif name == "sym":
                code = _attr(child, "char") or ""
                try:
                    value = int(code, 16)
                except ValueError:
                    continue
                if value >= 0xF000:  # a Symbol/Wingdings glyph in the private use area
                    value -= 0xF000
                    if value in (0xB7, 0xA7, 0x6C, 0x6E, 0xA8, 0xFC):
                        parts.append("•")
                    continue
                parts.append(chr(value))
            elif name in ("drawing", "pict", "object", "AlternateContent"):
                for box in _text_boxes(child):
                    extra += [line for line in _Walker(self.styles, self.numbering).blocks(box) if line.strip()]


def _alternate(element):
    """mc:AlternateContent: the first mc:Choice (Word's own markup), else mc:Fallback."""
    for option in element:
        if local_name(option) == "Choice":
            return option
    return next((option for option in element if local_name(option) == "Fallback"), None)


def _text_boxes(element) -> list:
    """The w:txbxContent under a drawing, taking only the first mc:Choice of an alternate-content pair."""
    boxes = []
    stack = [element]
    while stack:
        node = stack.pop()
        for child in reversed(list(node)):
            name = local_name(child)
            if name == "txbxContent":
                boxes.append(child)
            elif name == "AlternateContent":
                choice = _alternate(child)
                if choice is not None:
                    stack.append(choice)
            elif name != "Fallback":
                stack.append(child)
    return boxes


def _rows(table):
    for child in table:
        name = local_name(child)
        if name == "tr":
            yield child
        elif name in ("sdt", "customXml"):
            inner = _child(child, "sdtContent") if name == "sdt" else child
            if inner is not None:
                yield from _rows(inner)


def _cells(row):
    for child in row:
        name = local_name(child)
        if name == "tc":
            yield child
        elif name in ("sdt", "customXml"):
            inner = _child(child, "sdtContent") if name == "sdt" else child
            if inner is not None:
                yield from _cells(inner)
