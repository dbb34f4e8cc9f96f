"""Document-level checks over the segments: sentences run together (typography) and web furniture (boilerplate)."""

from __future__ import annotations

import re

from align.checks.base import Check, CheckContext, LinkView
from align.model import Flag, Segment


def run_together(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """Sentences run together without a space ("abuse.Yet"), in the French and in the official English."""
    return _run_together(links, context.fr_segments, "fr") + _run_together(links, context.en_segments, "en")


def _run_together(links: list[LinkView], all_segments: tuple[Segment, ...], side: str) -> list[Flag]:
    """Found between consecutive alignable segments; the flag sits on the link holding the first sentence, over its last word."""
    segments = [segment for segment in all_segments if segment.alignable]
    if not segments:
        return []  # units without a segmented source (a TMX, an XLIFF) have no layout to check
    place: dict[int, tuple[int, int]] = {}  # segment index -> (link, offset of the segment in the link's text)
    for link in links:
        offset = 0
        for index in link.unit.fr_ids if side == "fr" else link.unit.en_ids:
            place[index] = (link.number, offset)
            offset += len(segments[index].text) + 1
    flags = []
    for index in range(len(segments) - 1):
        first, second = segments[index], segments[index + 1]
        if first.end != second.start or index not in place or not re.search(r"[a-zà-ÿ]{2}[.!?;]$", first.text):
            continue
        if not re.match(r"[A-ZÀ-Ý][a-zà-ÿ]", second.text):
            continue
        link, offset = place[index]
        last_word = re.search(r"[^\s]+$", first.text)
        start = offset + last_word.start()
        next_word = second.text.split()[0]
        flags.append(Flag(link, side, "typography", "warning", start, offset + len(first.text), last_word.group(0),
                          f"No space between “{last_word.group(0)}” and “{next_word}”: two sentences run together.",
                          f"{last_word.group(0)} {next_word}"))
    return flags


def boilerplate(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """Report web furniture that was kept out of alignment."""
    return [
        Flag(None, side, "boilerplate", "info", 0, len(segment.text), segment.text,
             "web page furniture, excluded from alignment")
        for side, segments in (("fr", context.fr_segments), ("en", context.en_segments))
        for segment in segments
        if not segment.alignable
    ] + _left_out_flags(context.left_out)


MAX_SEPARATE_LEFT_OUT = 5
"""Up to this many furniture lines removed by a reader get a flag each; more (a web page's menus, about 50 lines on
canada.ca) are one flag per side, so the reviewer's list is not buried under navigation."""


def _left_out_flags(left_out: tuple[tuple[str, str], ...]) -> list[Flag]:
    flags = []
    for side in ("fr", "en"):
        lines = [text for line_side, text in left_out if line_side == side]
        if len(lines) <= MAX_SEPARATE_LEFT_OUT:
            flags += [Flag(None, side, "boilerplate", "info", 0, len(text), text, "page furniture left out by the reader") for text in lines]
        else:
            text = " · ".join(lines)
            flags.append(Flag(None, side, "boilerplate", "info", 0, len(text), text,
                              f"{len(lines)} lines of page furniture (navigation, headers, footers) left out by the reader"))
    return flags


TYPOGRAPHY = Check("run-together", "document", run_together, ("typography",))
BOILERPLATE = Check("boilerplate", "document", boilerplate, ("boilerplate",))
