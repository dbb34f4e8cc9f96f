"""OpenDocument text (.odt, and flat .fodt) → SourceText.

Read from content.xml / styles.xml directly (zipfile + align.safexml); measured against odfpy and LibreOffice's
own text export in bench/measure_office.py. ODF keeps tracked deletions in a <text:tracked-changes> region
apart from the body (which already holds insertions), so the accepted text is the body without that region.

- paragraphs and headings one per line; list items with "• " or their number ("1. ", "a) ", per the list style);
- tables: one cell per line, a blank line around the table; covered (merged) cells skipped;
- fields (date, title, page number, cross-references…): their displayed text kept;
- hidden text left out: text:hidden-text, text:hidden-paragraph, paragraphs marked text:is-hidden, and text
  whose style (or parent style) says text:display="none";
- comments (office:annotation) and the footnote/endnote citation marks left out; notes at the end;
- frames/text boxes after the paragraph holding them; sections and indexes read through;
- page headers and footers (master pages in styles.xml) go to `left_out`.
"""

from __future__ import annotations

from pathlib import Path

from ._common import InputError, check_file, finish, local_name, open_zip, parse_xml, read_member, zip_xml
from .source import SourceText

FORMAT = "odt"
SUFFIXES = (".odt", ".fodt", ".ott")
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SKIP_BLOCKS = {"tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
                "forms", "alphabetical-index-auto-mark-file", "soft-page-break", "index-title-template",
                "table-of-content-source", "illustration-index-source", "bibliography-source", "user-index-source",
                "table-columns", "table-column", "table-header-columns", "table-column-group"}
_SKIP_INLINE = {"note-citation", "annotation", "annotation-end", "change", "change-start", "change-end",
                "bookmark", "bookmark-start", "bookmark-end", "reference-mark", "reference-mark-start",
                "reference-mark-end", "toc-mark", "toc-mark-start", "toc-mark-end", "alphabetical-index-mark",
                "alphabetical-index-mark-start", "alphabetical-index-mark-end", "user-index-mark", "soft-page-break",
                "hidden-text", "hidden-paragraph", "ruby-text", "tracked-changes", "script"}


def read(path: Path) -> SourceText:
    path = check_file(Path(path))
    if path.suffix.lower() == ".fodt":
        root = parse_xml(path.read_bytes(), path)
        content = styles = root
    else:
        with open_zip(path, "OpenDocument text (.odt)") as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                raise InputError(path, "is a Word document (.docx), not .odt; rename it to .docx")
            mimetype = (read_member(archive, "mimetype", path) or b"").decode("ascii", "replace").strip()
            if mimetype and not mimetype.startswith("application/vnd.oasis.opendocument.text"):
                raise InputError(path, f"is not an OpenDocument text: its type is {mimetype}")
            if b"encryption-data" in (read_member(archive, "META-INF/manifest.xml", path) or b""):
                raise InputError(path, "is password-protected; open it in LibreOffice, remove the password "
                                       "(File > Properties > Security) and save it again")
            content = zip_xml(archive, "content.xml", path)
            styles = zip_xml(archive, "styles.xml", path)
            if content is None:
                raise InputError(path, "is not an OpenDocument text: the package has no content.xml")
    walker = _Walker(_Styles([styles, content]))
    office_text = _find_office_text(content)
    if office_text is None:
        raise InputError(path, "is not an OpenDocument text: no <office:text> body")
    lines = walker.blocks(office_text)
    left_out: list[str] = []
    if styles is not None:
        for master in styles.iter(f"{{{'urn:oasis:names:tc:opendocument:xmlns:style:1.0'}}}master-page"):
            for part in master:
                if local_name(part) in ("header", "footer", "header-left", "footer-left", "header-first", "footer-first"):
                    left_out += _Walker(walker.styles).blocks(part)
    text = finish(lines + ([""] + walker.notes if walker.notes else []))
    if not text:
        raise InputError(path, "the document holds no text")
    return SourceText(text=text, format=FORMAT, left_out=tuple(dict.fromkeys(finish(left_out).splitlines())))


def _find_office_text(root):
    for element in root.iter("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text"):
        return element
    return None


def _attr(element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


class _Styles:
    """Which styles hide their text, and list styles (bullet or number format per level)."""

    def __init__(self, roots) -> None:
        self.hidden: set[str] = set()
        self.lists: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        self.paragraph_list: dict[str, str] = {}
        parents: dict[str, str] = {}
        display: dict[str, bool] = {}
        for root in roots:
            if root is None:
                continue
            for element in root.iter():
                name = local_name(element)
                if name == "style":
                    style_name = _attr(element, "name") or ""
                    if _attr(element, "parent-style-name"):
                        parents[style_name] = _attr(element, "parent-style-name") or ""
                    if _attr(element, "list-style-name"):
                        self.paragraph_list[style_name] = _attr(element, "list-style-name") or ""
                    for props in element:
                        if local_name(props) == "text-properties" and _attr(props, "display") is not None:
                            display[style_name] = _attr(props, "display") == "none"
                elif name == "list-style":
                    levels = {}
                    for level in element:
                        kind = local_name(level)
                        number = int(_attr(level, "level") or 1)
                        if kind == "list-level-style-bullet":
                            levels[number] = ("bullet", "", "", 1)
                        elif kind == "list-level-style-number":
                            levels[number] = (_attr(level, "num-format") or "", _attr(level, "num-prefix") or "",
                                              _attr(level, "num-suffix") or "", int(_attr(level, "start-value") or 1))
                    self.lists[_attr(element, "name") or ""] = levels
        for style_name in set(parents) | set(display):
            seen, current = set(), style_name
            while current and current not in seen:
                seen.add(current)
                if current in display:
                    if display[current]:
                        self.hidden.add(style_name)
                    break
                current = parents.get(current, "")


def _number(value: int, fmt: str) -> str:
    if fmt in ("a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "A" else letters
    if fmt in ("i", "I"):
        out = ""
        for amount, digits in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                               (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]:
            while value >= amount:
                out, value = out + digits, value - amount
        return out.upper() if fmt == "I" else out
    return str(value) if fmt else ""


class _Walker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.notes: list[str] = []

    def blocks(self, container, list_style: str = "", level: int = 0, counters: dict | None = None) -> list[str]:
        lines: list[str] = []
        for child in container:
            name = local_name(child)
            if name in _SKIP_BLOCKS:
                continue
            if name in ("p", "h"):
                lines += self.paragraph(child)
            elif name == "list":
                style = _attr(child, "style-name") or list_style
                lines += self.list(child, style, level + 1)
            elif name == "table":
                lines += ["", *self.table(child), ""]
            elif name in ("section", "index-body", "table-of-content", "illustration-index", "alphabetical-index",
                          "user-index", "bibliography", "object-index", "table-index", "index-title", "text-box",
                          "note-body", "header", "footer", "header-left", "footer-left", "header-first",
                          "footer-first", "deletion"):
                lines += self.blocks(child, list_style, level)
            elif name == "frame":
                lines += self._frame(child)
        return lines

    def list(self, element, style: str, level: int) -> list[str]:
        lines: list[str] = []
        levels = self.styles.lists.get(style, {})
        fmt, prefix, suffix, start = levels.get(level, ("bullet", "", "", 1))
        count = start - 1
        for item in element:
            if local_name(item) not in ("list-item", "list-header"):
                continue
            if _attr(item, "start-value"):
                count = int(_attr(item, "start-value") or 1) - 1
            count += 1
            label = "• " if fmt == "bullet" else (f"{prefix}{_number(count, fmt)}{suffix} " if fmt else "")
            if local_name(item) == "list-header":
                label = ""
            first = True
            for child in item:
                name = local_name(child)
                if name in ("p", "h"):
                    para = self.paragraph(child)
                    if para and first and para[0].strip():
                        para[0] = label + para[0]
                        first = False
                    lines += para
                elif name == "list":
                    lines += self.list(child, _attr(child, "style-name") or style, level + 1)
        return lines

    def table(self, table) -> list[str]:
        lines: list[str] = []
        for row in _rows(table):
            for cell in row:
                if local_name(cell) == "table-cell":
                    lines += [line for line in self.blocks(cell) if line.strip()]
        return lines

    def paragraph(self, p) -> list[str]:
        if (_attr(p, "is-hidden") or "").lower() == "true":
            return []
        style = _attr(p, "style-name") or ""
        if style in self.styles.hidden:
            return []
        parts: list[str] = []
        extra: list[str] = []
        self._inline(p, parts, extra)
        return ["".join(parts).split("\n")[0], *"".join(parts).split("\n")[1:], *extra]

    def _inline(self, element, parts: list[str], extra: list[str]) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            name = local_name(child)
            if name in _SKIP_INLINE or (_attr(child, "style-name") or "") in self.styles.hidden and name == "span":
                pass
            elif name == "s":
                parts.append(" " * int(_attr(child, "c") or 1))
            elif name == "tab":
                parts.append("\t")
            elif name == "line-break":
                parts.append("\n")
            elif name == "note":
                body = next((c for c in child if local_name(c) == "note-body"), None)
                if body is not None:
                    self.notes += [line for line in _Walker(self.styles).blocks(body) if line.strip()]
            elif name == "frame":
                extra += self._frame(child)
            elif name in ("custom-shape", "rect", "ellipse", "image", "object", "line", "connector", "g", "a_draw"):
                pass
            else:  # span, a, meta, fields (date, title, page-number…), ruby-base, conditional text
                self._inline(child, parts, extra)
            if child.tail:
                parts.append(child.tail)

    def _frame(self, frame) -> list[str]:
        lines: list[str] = []
        for child in frame:
            if local_name(child) == "text-box":
                lines += [line for line in self.blocks(child) if line.strip()]
        return lines


def _rows(table):
    for child in table:
        name = local_name(child)
        if name == "table-row":
            yield child
        elif name in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _rows(child)
