"""What every check shares: the link as the checks see it, the run's context, and the `Check` record.

A check is a small function registered in `align.checks.CHECKS` with its scope:
- `side`: one text of one link (`fr`, `mt`, `en`) — `run(link, side, context)`;
- `pair`: the French of a link against one of its English texts (`en`, `mt`) — `run(link, target, context)`;
- `link`: one link as a whole — `run(link, context)`;
- `document`: all links at once — `run(links, context)`;
- `revise`: a pass over the flags found so far — `run(flags, links, context)` returns the revised flags.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, wraps

from align.model import Flag, Segment, Unit
from align.terms.glossary import Glossary, concept_label  # noqa: F401 (checks import it from here)
from align.terms.matching import TermMatch
from align.terms.words import is_known

SUGGESTION_SEPARATOR = " | "
SIDE_NAMES = {"fr": "the French", "mt": "the machine translation", "en": "the official English"}
LANG_OF_SIDE = {"fr": "fr", "mt": "en", "en": "en"}
SCOPES = ("side", "pair", "link", "document", "revise")


@dataclass
class LinkView:
    """A unit with what the checks compute once per link: the glossary matches of each side and the neighbouring links."""

    unit: Unit
    matches: dict[str, list[TermMatch]] = field(default_factory=dict)
    neighbours: list[LinkView] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.unit.number

    @property
    def status(self) -> str:
        return self.unit.status

    @cached_property
    def texts(self) -> dict[str, str]:
        """The unit's texts by side (built once: the checks read them often)."""
        return {"fr": self.unit.fr, "mt": self.unit.mt, "en": self.unit.en}


def reads_language(text: str, lang: str) -> bool:
    """Whether a line holds a word of `lang` the other language does not have (by the lemmatisers' dictionaries)."""
    other = "en" if lang == "fr" else "fr"
    return any(is_known(word.lower(), lang) and not is_known(word.lower(), other) for word in re.findall(r"[^\W\d_]{3,}", text))


@dataclass(frozen=True)
class CheckContext:
    """What a check may need beyond the link: the glossary, whether there is an official English, what the MT did,
    and the document's segments (empty when checking a TMX or XLIFF file, which has none)."""

    glossary: Glossary
    has_official: bool
    mt_constrained: bool = False
    mt_unknown_words: Mapping[int, Iterable[str]] = field(default_factory=dict)
    fr_segments: tuple[Segment, ...] = ()
    en_segments: tuple[Segment, ...] = ()
    left_out: tuple[tuple[str, str], ...] = ()
    """(side, text) of page furniture a reader removed before segmentation."""

    @cached_property
    def english_texts(self) -> frozenset[str]:
        """The texts of the official English segments, once per document."""
        return frozenset(segment.text for segment in self.en_segments)

    @cached_property
    def bilingual_lines(self) -> frozenset[str]:
        """The lines both pages carry, when they are a bilingual letterhead: among them a line in French and one in English (« Comité
        permanent de la justice … » and "Standing Committee on Justice …" on both pages). Lines one page only borrowed from the other
        (English headings left on the French page, a French sentence in the English) are no letterhead and are checked."""
        shared = self.english_texts & {segment.text for segment in self.fr_segments}
        if not (any(reads_language(text, "fr") for text in shared) and any(reads_language(text, "en") for text in shared)):
            return frozenset()
        return frozenset(shared)

    @cached_property
    def alignable_english(self) -> tuple[str, ...]:
        """The official English sentences the links' `en_ids` count (boilerplate aside), once per document."""
        return tuple(segment.text for segment in self.en_segments if segment.alignable)

    @cached_property
    def document_texts(self) -> dict[str, str]:
        """Each side's whole text, its segments joined by spaces, once per document (a check reading it for every link joined it again
        each time: quadratic in the document's length). Empty when checking a file without segments."""
        return {side: " ".join(segment.text for segment in segments) for side, segments in (("fr", self.fr_segments), ("en", self.en_segments))}

    @cached_property
    def folded_texts(self) -> dict[str, str]:
        """`document_texts` folded (`align.terms.words.fold`) with straight apostrophes, once per document: what a name is looked for in."""
        from align.terms.words import fold

        return {side: fold(text.replace("’", "'")) for side, text in self.document_texts.items()}

    @cached_property
    def alignable_segments(self) -> dict[str, list[Segment]]:
        """Each side's alignable segments, the ones a unit's ids count, once per document."""
        return {side: [segment for segment in segments if segment.alignable]
                for side, segments in (("fr", self.fr_segments), ("en", self.en_segments))}


@dataclass(frozen=True)
class Check:
    """One registered check: `kinds` are the flag kinds it may raise."""

    name: str
    scope: str
    run: Callable[..., list[Flag]]
    kinds: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"check {self.name}: unknown scope {self.scope!r}")


def segment_texts(link: LinkView, context: CheckContext, side: str) -> set[str]:
    """The texts of the link's segments on `side` ("fr" or "en"; empty when checking a file without segments)."""
    ids = link.unit.fr_ids if side == "fr" else link.unit.en_ids
    alignable = context.alignable_segments[side]
    return {alignable[index].text for index in ids if index < len(alignable)}


_UPPER_CASE = re.compile(r"[^\W\d_a-zà-ÿ]")
_LETTER = re.compile(r"[^\W\d_]")


def letters_in_order(letters: str, initials: str) -> bool:
    """Whether `letters` are among `initials`, in their order (an acronym's letters among a name's initials)."""
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


def written_in_capitals(text: str) -> bool:
    """Whether most of the text's letters are capitals (a headline set in capitals): its capitals are the typesetting's, not acronyms."""
    return len(_UPPER_CASE.findall(text)) > 0.5 * len(_LETTER.findall(text))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def suggestions(terms: Iterable[str]) -> str:
    return SUGGESTION_SEPARATOR.join(dict.fromkeys(term for term in terms if term))


_FOUND: dict[int, tuple[re.Pattern, dict[str, tuple[re.Match, ...]]]] = {}
FOUND_TEXTS = 20_000
"""How many texts keep their matches, per pattern."""


def matches_in(pattern: re.Pattern, text: str) -> tuple[re.Match, ...]:
    """`tuple(pattern.finditer(text))`, searched once per distinct text (a TMX repeats its sentences). Kept per pattern by identity
    (a compiled pattern's hash reads its whole compiled code), the pattern beside its texts so that its id is never another's."""
    cached = _FOUND.get(id(pattern))
    if cached is None or cached[0] is not pattern:
        if len(_FOUND) > 64:
            _FOUND.clear()
        cached = _FOUND[id(pattern)] = (pattern, {})
    found = cached[1].get(text)
    if found is None:
        if len(cached[1]) >= FOUND_TEXTS:
            cached[1].clear()
        found = cached[1][text] = tuple(pattern.finditer(text))
    return found


REMEMBERED_LINKS = 20_000
"""How many distinct links (by their three texts) a `same_flags_for_same_texts` check keeps the flags of."""


def same_flags_for_same_texts(run: Callable[[LinkView, str, CheckContext], list[Flag]]) -> Callable[[LinkView, str, CheckContext], list[Flag]]:
    """For a `side` check whose flags depend on the link's texts (and their glossary matches) and the run's context alone — not on its
    neighbours, number, ids or status: a link whose three texts an earlier link of the run had gets that link's flags, renumbered
    (a TMX repeats its units)."""
    return _flags_remembered(run, lambda link, side: (side, link.unit.fr, link.unit.mt, link.unit.en))


def same_flags_for_same_neighbourhood(run: Callable[[LinkView, str, CheckContext], list[Flag]]) -> Callable[[LinkView, str, CheckContext], list[Flag]]:
    """`same_flags_for_same_texts` for a `side` or `pair` check that reads its neighbours' texts too (numbers said in the next link, a
    term rendered there): a link whose three texts, and whose neighbours' texts on the same sides of it, an earlier link of the run
    had gets that link's flags, renumbered (a TMX repeats runs of units: each of its windows is checked once)."""
    def neighbourhood(link: LinkView, side: str) -> tuple:
        unit = link.unit
        return (side, unit.fr, unit.mt, unit.en,
                tuple((other.unit.number < unit.number, other.unit.fr, other.unit.mt, other.unit.en) for other in link.neighbours))

    return _flags_remembered(run, neighbourhood)


def _flags_remembered(run: Callable[[LinkView, str, CheckContext], list[Flag]],
                      key_of: Callable[[LinkView, str], tuple]) -> Callable[[LinkView, str, CheckContext], list[Flag]]:
    """`run`, whose flags for one key of a link are computed once per run and renumbered for each link with that key. Kept for one
    context at a time, held beside the flags so that its id is never another's."""
    store: dict[str, tuple[CheckContext, dict[tuple, list[Flag]]]] = {}

    @wraps(run)
    def remembered(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
        cached = store.get("run")
        if cached is None or cached[0] is not context:
            cached = store["run"] = (context, {})
        flags_of = cached[1]
        key = key_of(link, side)
        flags = flags_of.get(key)
        if flags is None:
            if len(flags_of) >= REMEMBERED_LINKS:
                flags_of.clear()
            flags = flags_of[key] = run(link, side, context)
        number = link.number
        return [flag.on_link(number) for flag in flags]

    return remembered


COLLECT_AFTER = 20_000
"""New container objects between two runs of Python's cyclic garbage collector during a check run (Python's default: 700)."""


def fewer_collections() -> None:
    """For a process that runs the checks over a whole file (`align check`, its worker processes, the review app whose corrections re-check
    the whole document): a check run makes millions of small
    objects that last to its end (each distinct text's matches, words and flags), and at Python's default threshold the collector walked
    them again and again — about a tenth of `check`'s CPU on the 15,000-unit bench TMX, against a few MB more at the peak now."""
    gc.set_threshold(COLLECT_AFTER, 10, 10)
