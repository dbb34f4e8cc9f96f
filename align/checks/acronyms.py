"""Acronyms: the glossary's acronym map (SLNA ↔ NALS) across a link."""

from __future__ import annotations

import re

from align.checks.base import SIDE_NAMES, Check, CheckContext, LinkView
from align.model import Flag

_ACRONYM = re.compile(r"\b[A-ZÀ-Ý]{2,}s?\b")

def acronyms(link: LinkView, target: str, context: CheckContext) -> list[Flag]:
    """A French acronym left in the English, or another acronym in place of the glossary's English one."""
    glossary = context.glossary
    if target == "mt" and not context.mt_constrained:
        return []
    flags = []
    target_text = link.texts[target]
    target_acronyms = {found.group(0): found for found in _ACRONYM.finditer(target_text)}
    french_acronyms = {found.group(0) for found in _ACRONYM.finditer(link.texts["fr"])}
    target_concepts = {match.concept for match in link.matches.get(target, [])}
    for match in link.matches["fr"]:
        if match.type not in ("acronym", "abbreviation") or match.status == "forbidden":
            continue
        english = [entry.term for entry in glossary.concept_entries(match.concept, "en")
                   if entry.is_acronym and entry.status != "forbidden"]
        if not english or match.term in english:
            continue
        if any(term in target_acronyms for term in english):
            continue
        severity = "warning" if target == "mt" else "error"
        if match.term in target_acronyms:
            found = target_acronyms[match.term]
            flags.append(Flag(link.number, target, "acronym-mismatch", severity, found.start(), found.end(), found.group(0),
                              f"The French acronym “{match.term}” is left in {SIDE_NAMES[target]}; the English acronym is “{english[0]}”.",
                              english[0]))
            continue
        strangers = [found for name, found in target_acronyms.items() if name not in french_acronyms and name not in english]
        if len(strangers) == 1 and match.concept not in target_concepts:
            found = strangers[0]
            flags.append(Flag(link.number, target, "acronym-mismatch", "warning", found.start(), found.end(), found.group(0),
                              f"The French “{match.term}” is “{english[0]}” in English, but {SIDE_NAMES[target]} has “{found.group(0)}”.",
                              english[0]))
    return flags


ACRONYMS = Check("acronyms", "pair", acronyms, ("acronym-mismatch",))
