"""The QA report a reviser sends on: every flag of a document, grouped by severity then kind, with counts.

Two forms of the same content:
- `qa_report_html`: one self-contained HTML file (inline CSS, no script, no image, no font, no link
  to anything), so it opens offline in any browser and survives being attached to an e-mail;
- `qa_report_xlsx`: one `issues` sheet with readable column widths, wrapped text and row heights
  set from the number of wrapped lines (LibreOffice and Excel do not grow rows on their own).

Each issue shows its link number (as in alignment.csv and flags.csv), the French and English of
the link (and the machine translation when the flag is on it) with the flagged span highlighted,
the message, the suggestion and its review state. The review state is the link's status; a
caller holding per-flag verdicts passes `verdicts` (flag position in `result.flags` → verdict),
shown next to it.
"""

from __future__ import annotations

import html
import io
import math
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import xlsxwriter

from align.export.tables import SEVERITY_COLOURS, row_height
from align.io.atomic import write_atomic
from align.model import DocumentResult, Flag, Unit, severity_rank

SIDE_NAMES = {"fr": "FR", "mt": "MT", "en": "EN"}
_SIDE_RANK = {"fr": 0, "mt": 1, "en": 2}

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto; max-width: 60em; color: #222; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { margin-top: 1.6em; border-bottom: 2px solid #ccc; } h3 { margin-top: 1.2em; font-size: 1.05em; }
table.counts { border-collapse: collapse; margin: .5em 0 1em; }
table.counts td, table.counts th { border: 1px solid #bbb; padding: .2em .6em; text-align: left; }
table.counts td.n, table.counts td.open { text-align: right; }
.issue { border: 1px solid #ddd; border-left: 6px solid #999; border-radius: 4px; padding: .5em .8em; margin: .6em 0; page-break-inside: avoid; }
.issue.sev-error { border-left-color: #c62828; } .issue.sev-warning { border-left-color: #e0a800; } .issue.sev-info { border-left-color: #1e88e5; }
.meta { font-size: .9em; color: #555; } .side { font-weight: bold; display: inline-block; min-width: 2.2em; }
.text { margin: .2em 0; } .suggestion { color: #1b5e20; } .state { font-size: .9em; }
mark.sev-error { background: #F4B6B6; } mark.sev-warning { background: #FFE08A; } mark.sev-info { background: #CFE2F3; }
mark { padding: 0 .1em; border-bottom: 2px solid #555; }
@media print { body { margin: 0; max-width: none; } }
"""


def _ordered(result: DocumentResult) -> list[tuple[int, Flag]]:
    """Flags with their position in `result.flags`, by severity, kind, link (document-level last), side (FR, MT, EN), offset."""
    return sorted(enumerate(result.flags), key=lambda item: (severity_rank(item[1].severity), item[1].kind,
                                                             item[1].link if item[1].link is not None else math.inf,
                                                             _SIDE_RANK.get(item[1].side, 3), item[1].start))


def _unit(result: DocumentResult, flag: Flag) -> Unit | None:
    return result.units[flag.link] if flag.link is not None and 0 <= flag.link < len(result.units) else None


def _locate(text: str, flag: Flag) -> tuple[int, int] | None:
    """The flag's span in `text`: its offsets when they hold the flagged text, else the text's first occurrence."""
    if 0 <= flag.start < flag.end <= len(text) and (not flag.text or text[flag.start:flag.end] == flag.text):
        return flag.start, flag.end
    found = text.find(flag.text) if flag.text else -1
    return (found, found + len(flag.text)) if found >= 0 else None


def review_state(result: DocumentResult, flag: Flag, verdict: str | None = None) -> str:
    """`link STATUS` (from the alignment) and, when given, `flag VERDICT` (from the review file)."""
    unit = _unit(result, flag)
    parts = [f"link {unit.status}"] if unit is not None else ["document-level"]
    if verdict:
        parts.append(f"flag {verdict}")
    elif flag.review_state:  # the reviewer's verdict carried by the flag (a saved review applied)
        parts.append(f"flag {flag.review_state}" + (f": {flag.review_note}" if flag.review_note else ""))
    return ", ".join(parts)


def _context_sides(result: DocumentResult, flag: Flag) -> list[str]:
    sides = ["fr", "en"] if result.has_official else ["fr", "mt"]
    if flag.side not in sides:
        sides.insert(1, flag.side)
    return sides


def _side_html(text: str, flag: Flag, side: str) -> str:
    """`text` escaped, with the flag's span in `<mark class="sev-SEVERITY">` when the flag is on this side."""
    span = _locate(text, flag) if side == flag.side else None
    if span is None:
        return html.escape(text)
    start, end = span
    title = html.escape(f"{flag.severity} · {flag.kind}: {flag.message}")
    return (f"{html.escape(text[:start])}<mark class=\"sev-{html.escape(flag.severity)}\" title=\"{title}\">{html.escape(text[start:end])}</mark>"
            f"{html.escape(text[end:])}")


def qa_report_html(result: DocumentResult, verdicts: Mapping[int, str] | None = None) -> bytes:
    """The report as one self-contained UTF-8 HTML page (see the module docstring)."""
    verdicts = verdicts or {}
    name = html.escape(result.document.name)
    severities = Counter(flag.severity for flag in result.flags)

    def is_open(position: int, flag: Flag) -> bool:
        """No verdict yet: a flag dismissed, accepted, fixed or outdated still counts under its severity, but is not left to do."""
        return not verdicts.get(position) and not flag.review_state

    ordered = _ordered(result)
    open_total = sum(is_open(position, flag) for position, flag in ordered)
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">',
           f"<title>QA report: {name}</title>\n<style>{_CSS}</style>\n</head>\n<body>",
           f"<h1>QA report: {name}</h1>",
           f'<p class="meta">{len(result.units)} links, {len(result.flags)} issues, {open_total} open (no reviewer verdict yet); '
           f'{"official English" if result.has_official else "no official English (machine translation shown)"}. '
           "Link numbers are those of alignment.csv and flags.csv (counting from 0).</p>",
           '<table class="counts" id="counts"><tr><th>severity</th><th>kind</th><th>issues</th><th>open</th></tr>']
    groups: dict[tuple[str, str], list[tuple[int, Flag]]] = {}
    for position, flag in ordered:
        groups.setdefault((flag.severity, flag.kind), []).append((position, flag))
    for (severity, kind), found in groups.items():
        out.append(f'<tr class="sev-{html.escape(severity)}"><td>{html.escape(severity)}</td><td>{html.escape(kind)}</td>'
                   f'<td class="n">{len(found)}</td><td class="open">{sum(is_open(position, flag) for position, flag in found)}</td></tr>')
    out.append(f'<tr><th colspan="2">total</th><td class="n">{len(result.flags)}</td><td class="open">{open_total}</td></tr></table>')
    if not result.flags:
        out.append("<p>No issues found.</p>")
    current_severity = None
    for (severity, kind), found in groups.items():
        if severity != current_severity:
            current_severity = severity
            out.append(f'<h2 id="sev-{html.escape(severity)}">{html.escape(severity.capitalize())} ({severities[severity]})</h2>')
        out.append(f"<h3>{html.escape(kind)} ({len(found)})</h3>")
        for position, flag in found:
            out.append(_issue_html(result, flag, verdicts.get(position)))
    out.append("</body>\n</html>\n")
    return "\n".join(out).encode("utf-8")


def _issue_html(result: DocumentResult, flag: Flag, verdict: str | None) -> str:
    unit = _unit(result, flag)
    where = f"link {flag.link}" if unit is not None else "document"
    lines = [f'<div class="issue sev-{html.escape(flag.severity)}" data-link="{flag.link if flag.link is not None else ""}">',
             f'<div class="meta"><b>{html.escape(where)}</b> · {html.escape(flag.severity)} · {html.escape(flag.kind)} · '
             f'on {SIDE_NAMES.get(flag.side, html.escape(flag.side))}</div>']
    if unit is not None:
        for side in _context_sides(result, flag):
            text = unit.text(side)
            shown = _side_html(text, flag, side) if text else "<i>(none)</i>"
            lines.append(f'<div class="text" lang="{"fr" if side == "fr" else "en"}"><span class="side">{SIDE_NAMES[side]}</span> {shown}</div>')
    elif flag.text:
        lines.append(f'<div class="text"><span class="side">{SIDE_NAMES.get(flag.side, "")}</span> <mark class="sev-{html.escape(flag.severity)}">'
                     f"{html.escape(flag.text)}</mark></div>")
    lines.append(f'<div class="message">{html.escape(flag.message)}</div>')
    if flag.suggestion:
        lines.append(f'<div class="suggestion">Suggestion: {html.escape(flag.suggestion)}</div>')
    if unit is not None and unit.comment:
        lines.append(f'<div class="comment">Reviewer\'s comment on the link: {html.escape(unit.comment)}</div>')
    lines.append(f'<div class="state">Review state: {html.escape(review_state(result, flag, verdict))}</div></div>')
    return "\n".join(lines)


# --- XLSX -----------------------------------------------------------------------------------

REPORT_COLUMNS = (("severity", 9), ("kind", 16), ("link", 6), ("side", 5), ("FR", 50), ("EN", 50), ("flagged", 22),
                  ("message", 40), ("suggestion", 28), ("review state", 18))
"""Columns of the issues sheet and their widths in characters (what xlsxwriter's set_column takes)."""
def qa_report_rows(result: DocumentResult, verdicts: Mapping[int, str] | None = None) -> list[list[object]]:
    """One row per issue, in report order, with the columns of `REPORT_COLUMNS`."""
    verdicts = verdicts or {}
    rows = []
    for position, flag in _ordered(result):
        unit = _unit(result, flag)
        english = (unit.en if result.has_official else unit.mt) if unit is not None else ""
        rows.append([flag.severity, flag.kind, flag.link if flag.link is not None else "", flag.side, unit.fr if unit is not None else "",
                     english, flag.text, flag.message, flag.suggestion, review_state(result, flag, verdicts.get(position))])
    return rows


def qa_report_xlsx(result: DocumentResult, verdicts: Mapping[int, str] | None = None) -> bytes:
    """The report as an XLSX workbook: an `issues` sheet and a `counts` sheet."""
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}) as workbook:
        header = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "valign": "top", "text_wrap": True})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        severity_formats = {severity: workbook.add_format({"bg_color": colour, "valign": "top", "text_wrap": True})
                            for severity, colour in SEVERITY_COLOURS.items()}
        sheet = workbook.add_worksheet("issues")
        for column, (name, width) in enumerate(REPORT_COLUMNS):
            sheet.set_column(column, column, width, wrap)
            sheet.write_string(0, column, name, header)
        sheet.freeze_panes(1, 0)
        rows = qa_report_rows(result, verdicts)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                cell_format = severity_formats.get(str(value), wrap) if column == 0 else wrap
                if isinstance(value, int):
                    sheet.write_number(number, column, value, cell_format)
                else:
                    sheet.write_string(number, column, str(value), cell_format)
            sheet.set_row(number, row_height([(str(value), width) for value, (_, width) in zip(row, REPORT_COLUMNS)]))
        sheet.autofilter(0, 0, max(1, len(rows)), len(REPORT_COLUMNS) - 1)
        counts = workbook.add_worksheet("counts")
        for column, (name, width) in enumerate((("severity", 10), ("kind", 22), ("issues", 8))):
            counts.set_column(column, column, width)
            counts.write_string(0, column, name, header)
        tally = Counter((flag.severity, flag.kind) for _, flag in _ordered(result))
        for number, ((severity, kind), count) in enumerate(tally.items(), start=1):
            counts.write_string(number, 0, severity, severity_formats.get(severity, wrap))
            counts.write_string(number, 1, kind)
            counts.write_number(number, 2, count)
    return buffer.getvalue()


def write_qa_report_html(result: DocumentResult, path: str | Path, verdicts: Mapping[int, str] | None = None) -> Path:
    return write_atomic(path, qa_report_html(result, verdicts))


def write_qa_report_xlsx(result: DocumentResult, path: str | Path, verdicts: Mapping[int, str] | None = None) -> Path:
    return write_atomic(path, qa_report_xlsx(result, verdicts))
