"""The checks of one large document (a TMX or XLIFF file) on several processes, with the flags one process gives.

The per-link checks (`side`, `pair`, `link`) read a link, its two neighbours and the run's context, nothing else, so the
units are cut into consecutive parts: this process checks the first part while each other part is checked in a worker
process (spawned: a fresh interpreter, as the corpus runner's workers), each part with one unit more on either side for
the neighbours' texts. The parts' flags and glossary matches come back in unit order, and the `document` checks and the
`revise` passes then run here once over the whole document, as `align.checks.check_run` does with an earlier run's flags.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

from align.checks import CHECKS, CheckRun, check_run, grammar
from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView, fewer_collections
from align.model import Flag, Unit
from align.terms.glossary import Glossary

MIN_UNITS_PER_PROCESS = 2_000
"""Below this many units a part is not worth a process: starting one (imports, the glossary's indexes, lingua's language models,
the lemmatiser's dictionaries) costs 3–4 CPU seconds, the checks of 2,000 units about 5."""
REPEATS_PER_UNIT = 8
"""A unit whose texts the process has checked before costs about an eighth of a new one (its texts' words, matches, near misses
are remembered: 0.35 against 3 ms of CPU, the bench TMX with and without repeated texts), so it counts as an eighth of a unit."""

MIN_UNITS_GRAMMAR_APART = 1_000
"""A file checked in one process for want of work for two still has its grammar check's work done in a second process, from this many
units: loading Grammalecte and the three English dictionaries and checking each distinct text (5–10 s of CPU at 15,000 units) then
runs beside the other checks instead of before them."""

_context: CheckContext | None = None


def _start_worker(context: CheckContext) -> None:
    global _context
    _context = context
    fewer_collections()


def _worker_part(units: list[Unit], first: int, stop: int) -> tuple[list[list[Flag]], dict]:
    assert _context is not None, "worker not initialised"
    return check_part(units, _context, first, stop)


def check_part(units: list[Unit], context: CheckContext, first: int, stop: int) -> tuple[list[list[Flag]], dict]:
    """The per-link flags of `units[first:stop]` (`units` holds the part's neighbours too) and the glossary matches of its texts."""
    matches: dict = {}
    run = check_run(units, context, only=range(first, stop), own=[[] for _ in units], matches=matches, whole_document=False)
    return run.own[first:stop], matches


def _parts(count: int, processes: int, distinct: int | None = None) -> list[tuple[int, int]]:
    """Consecutive parts of `count` units for up to `processes` processes, each with `MIN_UNITS_PER_PROCESS` units' work at least
    (`distinct`: how many different units, by their texts, there are among them when known; see `REPEATS_PER_UNIT`)."""
    work = count if distinct is None else distinct + (count - distinct) // REPEATS_PER_UNIT
    processes = max(1, min(processes, work // MIN_UNITS_PER_PROCESS))
    bounds = [round(count * index / processes) for index in range(processes + 1)]
    return list(zip(bounds, bounds[1:]))


def check_run_parallel(units: list[Unit], context: CheckContext, processes: int) -> CheckRun:
    """`check_run(units, context)` on up to `processes` processes (this one included); the same flags in the same order."""
    parts = _parts(len(units), processes, len({(unit.fr, unit.mt, unit.en) for unit in units}))
    if len(parts) < 2:
        if processes > 1 and len(units) >= MIN_UNITS_GRAMMAR_APART and grammar.enabled() and grammar.GRAMMAR in CHECKS:
            return _check_run_grammar_apart(units, context)
        return check_run(units, context)
    # the glossary travels without what this process has cached on it (indexes, recent matches): the worker builds its own
    fresh = Glossary(context.glossary.terms, context.glossary.path, context.glossary.fingerprint)
    with ProcessPoolExecutor(len(parts) - 1, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                             initargs=(replace(context, glossary=fresh),)) as pool:
        futures: list[Future] = []
        for start, stop in parts[1:]:
            low, high = start - 1, min(len(units), stop + 1)  # (a part after the first always has a unit before it)
            futures.append(pool.submit(_worker_part, units[low:high], start - low, stop - low))
        start, stop = parts[0]
        results = [check_part(units[:min(len(units), stop + 1)], context, start, stop)]
        results += [future.result() for future in futures]
    own: list[list[Flag]] = []
    matches: dict = {}
    for part_flags, part_matches in results:
        own += part_flags
        matches.update(part_matches)
    return check_run(units, context, only=(), own=own, matches=matches)


_GRAMMAR_SLOT = "grammar-slot"


def _grammar_slot(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """Where the grammar check's flags of this link and side go, once its findings have come back from the other process."""
    return [Flag(link.number, side, _GRAMMAR_SLOT, "", 0, 0, "", "")]


def _check_run_grammar_apart(units: list[Unit], context: CheckContext) -> CheckRun:
    """`check_run(units, context)` with the grammar check's findings (`grammar.findings_of`) made in a second process meanwhile: the
    per-link checks run here with a slot in each link's flags where the grammar check's go, filled once the findings are back."""
    sides = ("fr", "en") if context.has_official else ("fr",)
    texts = {side: list(dict.fromkeys(getattr(unit, side) for unit in units if getattr(unit, side))) for side in sides}
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        future = pool.submit(grammar.findings_of, texts["fr"], texts.get("en", []))
        checks = [Check(check.name, check.scope, _grammar_slot, check.kinds) if check is grammar.GRAMMAR else check for check in CHECKS]
        matches: dict = {}
        own = check_run(units, context, checks, matches=matches, whole_document=False).own
        found, notice = future.result()
    grammar.GIVEN_NOTICE[:] = [notice]
    grammar.GIVEN.update(found)
    try:
        for unit, flags in zip(units, own):
            if any(flag.kind == _GRAMMAR_SLOT for flag in flags):
                link = LinkView(unit)
                flags[:] = [filled for flag in flags for filled in (
                    grammar.GRAMMAR.run(_with_matches(link, flag.side, matches), flag.side, context) if flag.kind == _GRAMMAR_SLOT else [flag])]
    finally:
        grammar.GIVEN.clear()  # (for this run only: another may check the same texts with Grammalecte or a dictionary gone)
    return check_run(units, context, only=(), own=own, matches=matches)


def _with_matches(link: LinkView, side: str, matches: dict) -> LinkView:
    link.matches[side] = matches[(link.texts[side], LANG_OF_SIDE[side])]
    return link
