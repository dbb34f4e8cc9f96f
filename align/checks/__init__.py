"""Terminology and quality checks over the units of a document; each finding is a `Flag`.

`CHECKS` is the one list of checks, run in this order by the pipeline, by the app's re-check and
by `python -m align check`: adding a check is a module with a `Check` record and one line here.
Per link the order is: every `side` check on each side (fr, mt, en), every `pair` check on each
English text (en, mt), every `link` check; then the `document` checks, then the `revise` passes.

Severities: `error` is a mistake to correct, `warning` something to look at, `info` context.
Flags on the machine translation are at most warnings: rough MT is expected to be rough, so it
is checked only for what helps the reviewer (forbidden or garbled terms, failed glossary
constraints, numbers, dates, words left untranslated).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from align.checks import (
    acronyms,
    capitals,
    commas,
    grammar,
    language,
    layout,
    lengths,
    meaning,
    names,
    omissions,
    places,
    quantities,
    slips,
    spelling,
    terms,
    typography,
    writing,
)
from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView
from align.model import Flag, Unit, severity_rank
from align.terms.glossary import Glossary
from align.terms.matching import find_terms

CHECKS: list[Check] = [
    terms.FORBIDDEN,
    terms.GARBLED,
    names.REWORDED_NAMES,
    names.COPIED_NAMES,
    writing.WRITING,
    grammar.GRAMMAR,
    places.MISSPELT_COUNTRIES,
    places.ENGLISH_COUNTRY_NAMES,
    terms.MISSING,
    terms.TRAFIC,
    terms.TRAFIQUES_PEOPLE,
    quantities.NUMBERS,
    quantities.DATES,
    quantities.WEEKDAYS,
    acronyms.ACRONYMS,
    acronyms.ACRONYM_AFTER_NAME,
    lengths.LENGTHS,
    omissions.CHUNK_OMISSIONS,
    omissions.VOCATIVES_LEFT_OUT,
    language.UNTRANSLATED,
    language.ENGLISH_IN_FRENCH,
    language.ENGLISH_WORDS_IN_FRENCH,
    language.UNKNOWN_WORDS,
    terms.INCONSISTENT,
    writing.SPELT_TWO_WAYS,
    layout.TYPOGRAPHY,
    typography.TYPOGRAPHY,
    commas.COMMA_CUTS,
    capitals.CAPITALS,
    slips.SLIPS,
    spelling.SPELLING_SYSTEM,
    layout.BOILERPLATE,
    lengths.MOVED,
    meaning.MEANING,
    omissions.ACRONYM_OMISSIONS,
    omissions.ACRONYMS_INTRODUCED_ONCE,
    acronyms.ACRONYMS_ONE_LETTER_OFF,
]
KINDS = tuple(dict.fromkeys(kind for check in CHECKS for kind in check.kinds))


def run_checks(units: list[Unit], context: CheckContext, checks: list[Check] | None = None) -> list[Flag]:
    """Every check of `checks` (default `CHECKS`) over `units`, in link order; document-level flags (link None) last."""
    return check_run(units, context, checks).flags


@dataclass
class CheckRun:
    """The flags of one run of the checks, with what a later re-check of some links reuses."""

    flags: list[Flag]
    """Every flag, as `run_checks` returns them."""
    own: list[list[Flag]]
    """Per unit (by index): what its `side`, `pair` and `link` checks found, before the `revise` passes."""


def kept_matches(text: str, lang: str, glossary: Glossary, matches: dict) -> list:
    """The glossary matches of `text` as the checks read them, found once and kept in `matches` (a dict its caller keeps for `glossary`:
    see `check_run`)."""
    key = (text, lang)
    if key not in matches:
        matches[key] = find_terms(text, lang, glossary, max_gap=1)
    return matches[key]


def check_run(units: list[Unit], context: CheckContext, checks: list[Check] | None = None, *, only: Collection[int] | None = None,
              own: list[list[Flag]] | None = None, matches: dict | None = None, whole_document: bool = True) -> CheckRun:
    """`run_checks`, able to re-check a document after a correction without running every check on every link.

    With `only` (indices into `units`), the per-link checks (`side`, `pair`, `link`) run on those units alone and the
    others take theirs from `own` (an earlier run's `CheckRun.own`, indexed like `units`); the `document` checks and
    the `revise` passes always see the whole document, so the flags are those a full run would give. `matches`, a dict
    kept by the caller between runs, keeps the glossary matches of each text (the document checks read every link's).
    With `whole_document=False` only the per-link checks run (`CheckRun.flags` is empty): a part of a document checked in
    another process (`align.checks.parallel`), whose document checks run once the parts are put together.
    """
    checks = CHECKS if checks is None else checks
    sides = ("fr", "mt", "en") if context.has_official else ("fr", "mt")
    links = [LinkView(unit) for unit in units]
    for position, link in enumerate(links):
        link.neighbours = links[max(0, position - 1):position] + links[position + 1:position + 2]
    chosen = set(range(len(units))) if only is None or own is None or len(own) != len(units) else set(only)

    def find_matches(link: LinkView) -> None:
        for side in sides:
            text = link.texts[side]
            if not text:
                link.matches[side] = []
            elif matches is None:
                link.matches[side] = find_terms(text, LANG_OF_SIDE[side], context.glossary, max_gap=1)
            else:
                link.matches[side] = kept_matches(text, LANG_OF_SIDE[side], context.glossary, matches)

    found: list[list[Flag]] = [[] for _ in links]
    by_scope = {scope: [check for check in checks if check.scope == scope] for scope in ("side", "pair", "link", "document", "revise")}
    if links:
        find_matches(links[0])
    for position, link in enumerate(links):
        # a link's matches are found just before the link before it is checked (its checks read their neighbours' matches),
        # so each text is analysed while its words are still among the recent ones (`align.terms.glossary.RECENT_TEXTS`)
        if position + 1 < len(links):
            find_matches(links[position + 1])
        if position not in chosen:
            number = link.number  # a unit kept from the earlier run may sit at another position now
            found[position] = [flag.on_link(number) for flag in own[position]]  # type: ignore[index]
            continue
        flags = found[position]
        for side in sides:
            if link.texts[side]:
                for check in by_scope["side"]:
                    flags += check.run(link, side, context)
        targets = (["en"] if context.has_official else []) + (["mt"] if link.texts["mt"] else [])
        for target in targets:
            if link.texts["fr"] and link.texts[target]:
                for check in by_scope["pair"]:
                    flags += check.run(link, target, context)
        for check in by_scope["link"]:
            flags += check.run(link, context)
    if not whole_document:
        return CheckRun([], found)
    flags = [flag for link_flags in found for flag in link_flags]
    for check in by_scope["document"]:
        flags += check.run(links, context)
    for check in by_scope["revise"]:
        flags = check.run(flags, links, context)
    return CheckRun(sorted(_dedupe(flags), key=lambda flag: (flag.link is None, flag.link if flag.link is not None else 0)), found)


def check_text(text: str, lang: str, glossary: Glossary, *, side: str | None = None, link: int | None = None) -> list[Flag]:
    """The single-text checks (forbidden and garbled terms) on one French or English text."""
    side = side or lang
    unit = Unit(link if link is not None else 0, (), (), *(text if name == side else "" for name in ("fr", "mt", "en")), 1.0, "auto")
    view = LinkView(unit, {side: find_terms(text, LANG_OF_SIDE[side], glossary, max_gap=1)})
    context = CheckContext(glossary, has_official=True)
    return [flag for check in CHECKS if check.scope == "side" for flag in check.run(view, side, context)]


def _dedupe(flags: list[Flag]) -> list[Flag]:
    """The same span flagged twice for one kind (two paths of one check) is reported once, by its most severe flag: a French term
    without its rendering points at the one stranger of the English as context (info) before the term that stranger replaced
    is found swapped (warning), and the context must not hide the finding. A grammar flag on a span another warning or error
    reports is dropped."""
    position: dict[tuple, int] = {}
    result: list[Flag] = []
    for flag in flags:
        key = (flag.link, flag.side, flag.kind, flag.start, flag.end)
        if flag.link is not None and key in position:
            kept = position[key]
            if severity_rank(flag.severity) < severity_rank(result[kept].severity):
                result[kept] = flag
            continue
        position[key] = len(result)
        result.append(flag)
    # one slip, one flag: where a rule of the tool reports a span, Grammalecte's reading of the same span adds nothing but
    # another wording, sometimes a wrong one (« pourcent » is two words, not a noun to put in the plural)
    explained = {(flag.link, flag.side, flag.start, flag.end) for flag in result if flag.kind != "grammar" and flag.severity != "info"}
    return [flag for flag in result if flag.kind != "grammar" or (flag.link, flag.side, flag.start, flag.end) not in explained]
