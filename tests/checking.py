"""Run the checks on a few sentences the way a document's links hold them, for the tests of the check rules."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, grammar, run_checks
from align.model import Flag, Segment
from align.text.segmentation import segment_text
from bench.checks import line_units

REPORTED = ("warning", "error")
EVERY_SEVERITY = ("info", "warning", "error")
"""For what a check points out as context (an acronym with no counterpart on the other side, information since the forty-third round)."""

needs_grammalecte = pytest.mark.skipif(grammar.french_checker() is None, reason="Grammalecte is not installed")


def link_flags(fr: list[str], en: list[str], glossary, *, mt: list[str] | None = None, has_official: bool | None = None,
               french_segments: bool = True) -> list[Flag]:
    """Every flag on links made line by line (fr[i] with en[i], and mt[i] when given). An empty `en` is a French-only document;
    `has_official` defaults to whether `en` has text; `french_segments` gives the French lines as the document's sentences too."""
    context = CheckContext(glossary, bool(en) if has_official is None else has_official,
                           fr_segments=tuple(Segment(text, "sentence", 0, len(text)) for text in fr) if french_segments else ())
    return run_checks(line_units(fr, en or [""] * len(fr), mt), context)


def reported(flags: list[Flag], severities: tuple[str, ...] = REPORTED) -> set[tuple[str, str, str]]:
    """(side, kind, text) of the flags on the French and the English at `severities` (warnings and errors: what the bench counts)."""
    return {(flag.side, flag.kind, flag.text) for flag in flags if flag.side != "mt" and flag.severity in severities}


def reported_on_lines(fr: str | list[str], glossary, en: str | list[str] | None = None,
                      severities: tuple[str, ...] = REPORTED) -> set[tuple[str, str, str]]:
    """`reported` on links made line by line (see `link_flags`); a string is one line."""
    lines = [fr] if isinstance(fr, str) else fr
    english = [en] if isinstance(en, str) else en or []
    return reported(link_flags(lines, english, glossary), severities)


def texts_of_kind(fr: str | list[str], glossary, kind: str, en: str | list[str] | None = None,
                  severities: tuple[str, ...] = REPORTED) -> set[str]:
    """The texts of the reported flags of `kind` on links made line by line (see `reported_on_lines`)."""
    return {text for _, found, text in reported_on_lines(fr, glossary, en, severities) if found == kind}


def document_typography(text: str, glossary, lang: str = "fr") -> dict[str, str]:
    """The typography warnings of a French-only (or English-only) document segmented as the pipeline segments it, by flagged text."""
    segments = segment_text(text, lang)
    lines = [segment.text for segment in segments if segment.alignable]
    if lang == "fr":
        units = line_units(lines, [""] * len(lines))
        context = CheckContext(glossary, False, fr_segments=tuple(segments))
    else:
        units = line_units([""] * len(lines), lines)
        context = CheckContext(glossary, True, en_segments=tuple(segments))
    return {flag.text: flag.message for flag in run_checks(units, context)
            if flag.kind == "typography" and flag.severity in ("warning", "error") and flag.side == lang}
