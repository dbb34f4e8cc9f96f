"""The typed data passed between the stages: read → segment → translate → embed → align → check → export.

    Document ──segment──▶ Segment ──translate──▶ Translation ──align──▶ Link ──▶ Unit ──check──▶ Flag
                                                                          └──────── DocumentResult ─┘

Tables (polars) appear only at the edges: `align.export.tables` turns units and flags into the
CSV/XLSX columns, the app turns them into what it displays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

SEVERITIES = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """0 for the most severe of SEVERITIES, then 1, 2; an unknown severity after them all."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


LINK_STATUSES = ("auto", "confirmed", "needs-review")
SIDES = ("fr", "mt", "en")
"""The three texts of a link: the French, its machine translation, the official English."""


@dataclass(frozen=True)
class Document:
    """A French text and, when there is one, its official English version."""

    name: str
    fr_text: str
    en_text: str | None = None
    fr_path: Path | None = None
    en_path: Path | None = None
    fr_encoding: str = "utf-8"
    en_encoding: str | None = None
    left_out: tuple[tuple[str, str], ...] = ()
    """(side, text) of page furniture a reader removed before segmentation (reported as boilerplate)."""
    warnings: tuple[str, ...] = ()
    """What reading the files had to repair or doubt (invalid bytes, a file in another language), for the summary and stderr."""


@dataclass(frozen=True)
class Segment:
    """A unit of the document: a sentence, heading, bullet item, date line, signature or boilerplate.

    `start`/`end` are character offsets of `text` in the decoded document.
    """

    text: str
    kind: str
    start: int
    end: int
    opens_paragraph: bool = True
    """Whether the segment is the first of its line of the document (a sentence after another of the same paragraph: False)."""

    @property
    def alignable(self) -> bool:
        """Boilerplate is reported but kept out of alignment."""
        return self.kind != "boilerplate"


@dataclass(frozen=True)
class ConstrainedTerm:
    """A glossary term rendered by the glossary, not by the engine.

    `start`/`end` are offsets of the French term in the segment; `mt_start`/`mt_end` of its
    rendering in `Translation.text`.
    """

    concept: str
    source: str
    rendering: str
    start: int
    end: int
    mt_start: int
    mt_end: int


@dataclass(frozen=True)
class Translation:
    """The English machine translation of one French segment.

    `engine` names the engine and model version (`none` when there is no translation);
    `unknown_words` are words the engine left untranslated (Apertium marks them: French words of its first
    stage, Spanish words of its second); `constrained` the glossary terms rendered from the glossary (the MT
    lexicon's renderings are not listed).
    """

    text: str
    engine: str
    unknown_words: tuple[str, ...] = field(default=())
    constrained: tuple[ConstrainedTerm, ...] = field(default=())


@dataclass(frozen=True)
class Link:
    """French sentence indices linked to English sentence indices (either side may be empty)."""

    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    score: float
    status: str = "auto"
    comment: str = ""
    """The reviewer's comment on the link ('' when none)."""


@dataclass(frozen=True)
class Unit:
    """A link with its texts: one row of alignment.csv, one translation unit of a TMX or XLIFF file.

    `number` is the link's position in the document (0-based); `fr`, `mt`, `en` are the joined
    sentences of each side; `mt_engine` names the engine that produced `mt` ('' when none).
    """

    number: int
    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    fr: str
    mt: str
    en: str
    score: float
    status: str
    mt_engine: str = ""
    comment: str = ""
    source_id: str = ""
    """The unit's id in the bilingual file it came from (an XLIFF trans-unit/segment id), so a reviewer can find it in the CAT tool."""

    def text(self, side: str) -> str:
        return {"fr": self.fr, "mt": self.mt, "en": self.en}[side]


PAST_VERDICT_STATES = ("fixed", "outdated")
"""`Flag.review_state` of a verdict whose flag is no longer raised as it was: a correction removed it (`fixed`), or the flag changed
(a text correction, a redrawn link, a re-check) so the verdict no longer applies (`outdated`; the flag raised now is open and listed apart).
Such a flag has no span (`start` = `end` = 0): exports that mark spans leave it out."""


@dataclass(frozen=True)
class Flag:
    """One finding: `start`/`end` are offsets in the text of `side` in link `link` (None for document-level flags)."""

    link: int | None
    side: str
    kind: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str = ""
    review_state: str = ""
    """The reviewer's verdict on the flag: '' (open), `accepted` or `dismissed` (a false positive, with `review_note` saying why),
    or one of `PAST_VERDICT_STATES`."""
    review_note: str = ""

    def on_link(self, link: int | None) -> Flag:
        """This flag on link `link` (a link renumbered by a correction before it, one text flagged once for several links): a
        re-check renumbers thousands, and `dataclasses.replace` took twice as long for each."""
        return self if link == self.link else Flag(**{**self.__dict__, "link": link})


def make_units(links: list[Link], fr: list[str], mt: list[str], en: list[str], engines: list[str]) -> list[Unit]:
    """Units of `links` over the sentence texts of each side (`mt[i]`/`engines[i]` belong to French sentence i)."""
    return [
        Unit(
            number,
            tuple(link.fr_ids),
            tuple(link.en_ids),
            " ".join(fr[i] for i in link.fr_ids),
            " ".join(mt[i] for i in link.fr_ids if mt[i]),
            " ".join(en[i] for i in link.en_ids),
            link.score,
            link.status,
            engines[link.fr_ids[0]] if link.fr_ids else "",
            link.comment,
        )
        for number, link in enumerate(links)
    ]


@dataclass
class DocumentResult:
    """Everything the pipeline produced for one document."""

    document: Document
    fr_segments: list[Segment]
    en_segments: list[Segment]
    translations: list[Translation]
    """Machine translation of each alignable French segment (what `Link.fr_ids` index)."""
    links: list[Link]
    flags: list[Flag]
    notices: list[str] = field(default_factory=list)
    link_check_flags: tuple[tuple[Link, ...], list[list[Flag]]] | None = field(default=None, repr=False, compare=False)
    """(links, per link what its own checks found): what the review app's re-check after a correction reuses (`align.checks.CheckRun`)."""

    @property
    def has_official(self) -> bool:
        return self.document.en_text is not None

    @cached_property
    def units(self) -> list[Unit]:
        fr = [segment.text for segment in self.fr_segments if segment.alignable]
        en = [segment.text for segment in self.en_segments if segment.alignable]
        return make_units(self.links, fr, [t.text for t in self.translations], en, [t.engine for t in self.translations])

    def summary(self) -> str:
        """One line: counts of links, review status, flags by severity and by kind."""
        statuses = Counter(link.status for link in self.links)
        severities = Counter(flag.severity for flag in self.flags)
        kinds = Counter(flag.kind for flag in self.flags)
        english = "official EN" if self.has_official else "no official EN"
        return (
            f"{self.document.name}: {len(self.fr_segments)} FR segments, "
            f"{english}, {len(self.links)} links ({statuses.get('needs-review', 0)} need review), flags: "
            f"{severities.get('error', 0)} error, {severities.get('warning', 0)} warning, {severities.get('info', 0)} info"
            + (f" ({', '.join(f'{kind} {count}' for kind, count in sorted(kinds.items()))})" if self.flags else "")
            + "".join(f"; {notice}" for notice in self.notices)
        )
