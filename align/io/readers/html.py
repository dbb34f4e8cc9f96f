"""Web pages (.html, .htm, .xhtml) → SourceText: the page's main text, furniture in `left_out`.

selectolax (lexbor) parses the page; the main text is found by page structure, because on pages shaped like
canada.ca, un.org, coe.int and a WordPress repost this measured better than trafilatura and than line rules
alone (bench/measure_html.py, REPORT.md): trafilatura kept the Government of Canada page-details block
("Détails de la page", "Signaler un problème…", "Date de modification :") and a side column, and dropped the page
title (h1) on two pages of four.

1. The text encoding: byte-order mark, else <meta charset> / http-equiv, else UTF-8, else cp1252.
2. Scripts, styles, templates, SVG, form controls and hidden elements (hidden, display:none, aria-hidden) are
   not text.
3. The main region is <main> / [role=main] (the one with most text), else a lone <article>, else <body>. Text
   outside it is furniture (`left_out`).
4. Inside it, furniture is removed and reported: <nav>, <aside>, <footer>, <form>, <header> without a heading,
   ARIA landmarks (navigation, complementary, search, banner, contentinfo); elements whose class or id names
   navigation, breadcrumbs, menus, share/social buttons, related posts, comments, widgets, page details (GCWeb
   `pagedetails`, `wb-dtmd`), screen-reader-only text (`wb-inv`, `visually-hidden`, `sr-only`,
   `screen-reader-text`); lists and blocks that are mostly links (3 links or more, 80 % of the text in links);
   a Bootstrap side column (col-*-N / spanN) next to a wider column holding the text.
5. Lines are blocks: paragraphs, headings, list items ("• " or "1. "), table cells, <br> breaks.
6. Lines left that are page furniture by their wording (the project's boilerplate rules, extended: "Détails de la
   page", "Date de modification :", "Signaler un problème…", "Partager cette page", "Haut de la page"…) go to
   `left_out` as well.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ._common import InputError, check_file, clean_line, finish
from .source import SourceText

FORMAT = "html"
SUFFIXES = (".html", ".htm", ".xhtml")

_DROP_SILENTLY = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video",
                  "audio", "map", "head", "link", "meta", "title", "base", "input", "select", "option", "textarea",
                  "button", "img", "picture", "source", "track", "datalist", "dialog"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td",
           "th", "thead", "tbody", "tfoot", "caption", "section", "article", "main", "header", "footer", "nav",
           "aside", "blockquote", "pre", "figure", "figcaption", "address", "details", "summary", "fieldset",
           "legend", "hr", "center", "body", "html", "form", "hgroup", "menu", "time_block"}
_FURNITURE_TAGS = {"nav", "aside", "footer", "form"}
_FURNITURE_ROLES = {"navigation", "complementary", "search", "banner", "contentinfo", "menu", "menubar", "toolbar"}
_FURNITURE_WORDS = {
    "breadcrumb", "breadcrumbs", "menu", "menus", "nav", "navbar", "navigation", "sidebar", "widget", "widgets",
    "share", "sharing", "sharedaddy", "social", "socials", "related", "relatedposts", "comments", "comment",
    "respond", "pagedetails", "dtmd", "skip", "cookie", "cookies", "masthead", "colophon", "pagination", "pager",
    "feedback", "toolbar", "subscribe", "newsletter", "advert", "advertisement", "promo", "tags", "footer",
    "languages", "language", "switcher", "lng", "srch", "search", "print", "byline", "signup", "tphp",
}
_SCREEN_READER_ONLY = {"wb-inv", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
                       "hide-accessible", "element-invisible", "offscreen", "skip-link", "wb-sl"}
_COLUMN = re.compile(r"^(?:col-(?:xs|sm|md|lg|xl)-(\d{1,2})|span(\d{1,2}))$")
_LIST_LABEL = re.compile(r"^(?:• |\d{1,3}\. )")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
FURNITURE_LINE = re.compile(
    r"^(détails de la page|page details|date de modification\s*:?.*|date modified\s*:?.*"
    r"|partage[rz] cette page|share this page|imprimer( cette page)?|print( this page)?"
    r"|signaler un problème.*|report a problem.*|haut de la page|top of page|retour en haut( de la page)?|back to top"
    r"|(partager|share)\s*(sur|on|:)?\s*(facebook|twitter|x|linkedin|courriel|e-?mail)?"
    r"|facebook|twitter|x|linkedin|instagram|youtube|courriel|e-?mail|rss"
    r"|avez-vous trouvé ce que vous cherchiez\s*\??|did you find what you were looking for\s*\??"
    r"|passer au contenu principal|skip to main content|aller au contenu( principal)?"
    r"|recherche de nouvelles connexes|search for related information"
    r"|recherchez et filtrez les nouvelles.*|search and filter (all )?news.*"
    r"|vous êtes ici\s*:?|you are here\s*:?)\s*$",
    re.IGNORECASE,
)


def read(path: Path) -> SourceText:
    from selectolax.lexbor import LexborHTMLParser

    path = check_file(Path(path))
    text = _decode(path.read_bytes(), path)
    if "<" not in text:
        raise InputError(path, "is not a web page (no HTML markup); rename it to .txt if it is plain text")
    try:
        tree = LexborHTMLParser(text)
    except Exception as error:  # noqa: BLE001 - lexbor raises plain errors on input it cannot take
        raise InputError(path, f"cannot be parsed as HTML ({error})") from None
    body = tree.body or tree.root
    if body is None:
        raise InputError(path, "the page has no body")
    for node in list(body.traverse()):
        if node.tag in _DROP_SILENTLY or _hidden(node):
            node.decompose()
    root = _main_region(body)
    left_out: list[str] = []
    if root is not body:
        left_out += _outside_lines(body, root)
    for node in _furniture(root):
        left_out += _lines(node)
        node.decompose()
    lines: list[str] = []
    for line in _lines(root):
        (left_out if FURNITURE_LINE.match(line) else lines).append(line)
    result = finish(lines)
    if not result:
        raise InputError(path, "the page holds no main text (only navigation, or text drawn by scripts)")
    left_out = [_LIST_LABEL.sub("", line) for line in left_out]
    return SourceText(text=result, format=FORMAT, left_out=tuple(dict.fromkeys(line for line in left_out if line)))


# ---------------------------------------------------------------------------------------------- decoding


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError(path, "is a binary file, not a web page")
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}.get(name, name)
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# ---------------------------------------------------------------------------------------------- structure


def _attrs(node) -> dict[str, str]:
    try:
        return {key: value or "" for key, value in (node.attributes or {}).items()}
    except Exception:  # noqa: BLE001 - malformed attributes
        return {}


def _hidden(node) -> bool:
    attrs = _attrs(node)
    return ("hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(attrs.get("style", ""))))


def _words(node) -> set[str]:
    attrs = _attrs(node)
    words: set[str] = set()
    for token in (attrs.get("class", "") + " " + attrs.get("id", "")).lower().split():
        words.add(token)
        words.update(part for part in re.split(r"[-_]+", token) if part)
    return words


def _text_length(node) -> int:
    return len((node.text(deep=True, separator=" ") or "").split())


def _main_region(body):
    candidates = [node for node in body.traverse() if node.tag == "main" or _attrs(node).get("role") == "main"]
    if candidates:
        return max(candidates, key=_text_length)
    articles = [node for node in body.traverse() if node.tag == "article"]
    if len(articles) == 1:
        return articles[0]
    if articles:
        best = max(articles, key=_text_length)
        if _text_length(best) >= 0.6 * sum(_text_length(a) for a in articles):
            return best
    return body


def _outside_lines(body, root) -> list[str]:
    """Text of the page outside the main region, in page order."""
    marker = "\uE000MAIN\uE000"
    root_html = root.html
    clone_tree = __import__("selectolax.lexbor", fromlist=["LexborHTMLParser"]).LexborHTMLParser(body.html or "")
    clone_body = clone_tree.body or clone_tree.root
    for node in clone_body.traverse():
        if node.html == root_html:
            node.replace_with(marker)
            break
    return [line for line in _lines(clone_body) if line != marker and marker not in line]


def _is_furniture(node, root) -> bool:
    if node is root:
        return False
    tag = node.tag
    attrs = _attrs(node)
    words = _words(node)
    if words & _SCREEN_READER_ONLY:
        return True
    if tag in _FURNITURE_TAGS or attrs.get("role", "").lower() in _FURNITURE_ROLES:
        return True
    if tag == "header" and not node.css_first("h1, h2, h3"):
        return True
    return bool(words & _FURNITURE_WORDS) and tag not in ("main", "article", "body")


def _link_dense(node) -> bool:
    if node.tag not in ("ul", "ol", "div", "section", "table", "dl", "p", "span"):
        return False
    links = node.css("a")
    if len(links) < 3:
        return False
    total = len(node.text(deep=True, separator=" ").split())
    linked = sum(len(link.text(deep=True, separator=" ").split()) for link in links)
    return total > 0 and linked >= 0.8 * total


def _side_column(node, main_block) -> bool:
    """A narrow Bootstrap column next to a wider one that holds the main text."""
    width = _column_width(node)
    if width is None or main_block is None:
        return False
    parent = node.parent
    if parent is None:
        return False
    for sibling in parent.iter():
        other = _column_width(sibling)
        if sibling is not node and other is not None and other > width and _contains(sibling, main_block):
            return not _contains(node, main_block)
    return False


def _column_width(node) -> int | None:
    widths = [int(m.group(1) or m.group(2)) for token in _attrs(node).get("class", "").split() if (m := _COLUMN.match(token))]
    return max(widths) if widths else None


def _contains(outer, inner) -> bool:
    node = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def _densest_block(root):
    """The element whose own <p> children hold the most words: where the text is."""
    best, best_score = None, 0
    for node in root.traverse():
        score = sum(_text_length(child) for child in node.iter() if child.tag == "p")
        if score > best_score:
            best, best_score = node, score
    return best


def _furniture(root) -> list:
    main_block = _densest_block(root)
    found: list = []

    def visit(node) -> None:
        for child in node.iter():
            if child.tag == "-text":
                continue
            furniture = _is_furniture(child, root) or _link_dense(child) or _side_column(child, main_block)
            # never drop the block that holds the text, unless it is itself a landmark or screen-reader text
            if furniture and (main_block is None or not _contains(child, main_block) or child.tag in _FURNITURE_TAGS
                              or _words(child) & _SCREEN_READER_ONLY):
                found.append(child)
                continue
            visit(child)

    visit(root)
    return found


# ---------------------------------------------------------------------------------------------- lines


def _lines(root) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = clean_line("".join(current).replace("\n", " ").replace("\r", " "))
        if text:
            lines.append(text)
        current.clear()

    def walk(node, counters: list[int]) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append(child.text_content or "")
            elif tag == "br":
                flush()
            elif tag in _DROP_SILENTLY or tag == "-comment":
                continue
            elif tag == "li":
                flush()
                parent = child.parent
                if parent is not None and parent.tag == "ol":
                    counters[-1] += 1
                    current.append(f"{counters[-1]}. ")
                else:
                    current.append("• ")
                walk(child, counters)
                flush()
            elif tag in ("ul", "ol", "menu"):
                flush()
                start = _attrs(child).get("start", "1")
                walk(child, counters + [int(start) - 1 if start.isdigit() else 0])
                flush()
            elif tag in _BLOCKS:
                flush()
                walk(child, counters)
                flush()
            else:
                walk(child, counters)

    walk(root, [0])
    flush()
    return [line for line in lines if line not in ("•", "• ")]
