"""Metrics of the MT on the eval/ pairs (`python -m bench translate --set real`): documents, term accuracy, harmful renderings.

- Documents: the eval/ pairs with both sides, by the `split` column of eval/documents.csv (dev/test reported apart);
  the hypothesis of a document is its French alignable segments' MT joined, the reference its English alignable
  segments joined (chrF/BLEU at corpus level over documents, sacrebleu).
- Term accuracy: French occurrences of glossary concepts (longest exact `find_terms` matches, every status) and of the
  field's short forms (`SHORT_FORMS`); an occurrence is right when the MT of its segment holds an accepted English
  rendering of its concept (a preferred/admitted English glossary term, one extra word allowed as in the checks, or
  the short form's accepted pattern), counted up to the number of French occurrences of that concept in the segment.
- Harmful renderings: `HARMFUL` regexes on the MT (some only where the French segment has a given word; "treat" not where
  the French has the verb « traiter », which it translates rightly — counted before the third round of #15).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from align.io.reading import read_text
from align.mt.lexicon import is_noun_position
from align.mt.postedit import has_verb_traiter
from align.settings import REPO_ROOT
from align.terms.glossary import Glossary
from align.terms.matching import find_terms, longest_matches
from align.text.segmentation import segment_text

EVAL = REPO_ROOT / "eval"
ACCEPTED = ("preferred", "admitted")


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass
class Doc:
    id: str
    split: str
    fr: list[str]
    en: list[str]

    @property
    def en_text(self) -> str:
        return " ".join(self.en)


def _segments(path: Path, lang: str) -> list[str]:
    return [segment.text for segment in segment_text(read_text(path)[0], lang) if segment.alignable]


def load_docs(split: str, root: Path = EVAL, kinds: tuple[str, ...] = ("pair",)) -> list[Doc]:
    """The eval pairs (both sides present) of `split` (dev|test|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|
    heldout8|heldout9|heldout10|heldout11|heldout12), by id;
    with `kinds=("fr-only",)` the French-only documents (no English: `en` empty)."""
    with open(root / "documents.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == split and row["kind"] in kinds]
    docs = []
    for row in sorted(rows, key=lambda row: row["id"]):
        fr, en = root / "texts" / "fr" / f"{row['id']}.txt", root / "texts" / "en" / f"{row['id']}.txt"
        if fr.exists() and (en.exists() or row["kind"] != "pair"):
            docs.append(Doc(row["id"], split, _segments(fr, "fr"), _segments(en, "en") if en.exists() else []))
    return docs


def is_name(word: str) -> bool:
    """A leftover that is a name, an acronym or a code (« OSCE », « Blaney », « COVID-19 »), not a word the engine should know."""
    return word[:1].isupper() or any(character.isdigit() for character in word)


# ---------------------------------------------------------------------------------------------
# Short forms and term accuracy


@dataclass(frozen=True)
class ShortForm:
    name: str
    concept: str
    pattern: re.Pattern[str]  # in the French
    accepted: re.Pattern[str]  # in the MT
    noun_check: bool = False  # the span starts with « traite » used as a verb is not an occurrence


_TRAFFICKING_EN = _ci(r"\btrafficking\b|\btraffic in persons\b|\bTIP\b|\bTHB\b")
SHORT_FORMS: tuple[ShortForm, ...] = (
    ShortForm("victime(s) de la traite", "victim-of-trafficking",
              _ci(r"\bvictimes?\s+de\s+(?:la\s+)?traite\b(?!\s+(?:des\s|de\s|d['’]))"),
              _ci(r"\bvictims?\s+of\s+(?:\w+\s+)?trafficking\b|\btrafficking\s+victims?\b|\bvictims?\s+of\s+trafficking\s+in\s+persons\b")),
    ShortForm("traite sexuelle", "sex-trafficking", _ci(r"\btraite\s+sexuelle\b"),
              _ci(r"\bsex(?:ual)?\s+trafficking\b|\btrafficking\s+for\s+(?:the\s+purpose\s+of\s+)?sexual\s+exploitation\b"), True),
    ShortForm("en matière de traite", "trafficking", _ci(r"\ben\s+matière\s+de\s+traite\b"), _TRAFFICKING_EN),
    ShortForm("contre la traite", "trafficking", _ci(r"\bcontre\s+la\s+traite\b"), _TRAFFICKING_EN),
    ShortForm("de la traite", "trafficking", _ci(r"\bde\s+la\s+traite\b"), _TRAFFICKING_EN),
    ShortForm("la traite", "trafficking", _ci(r"\bla\s+traite\b"), _TRAFFICKING_EN, True),
    ShortForm("traite (other noun uses)", "trafficking", _ci(r"\btraite\b"), _TRAFFICKING_EN, True),
    # the legal sense only: « poursuites », or « poursuite » before its object (« la poursuite des activités » = continuation)
    ShortForm("poursuite(s)", "prosecution",
              _ci(r"\bpoursuites\b|\bpoursuite\s+(?:des|de|d['’])\s*(?:trafiquants|auteurs|responsables|criminels|délinquants)\b|\bpoursuite\s+(?:pénale|judiciaire)"),
              _ci(r"\bprosecut\w*")),
)


@dataclass(frozen=True)
class Occurrence:
    concept: str
    form: str  # glossary term or short-form name
    start: int
    end: int
    short: bool


def french_occurrences(fr: str, glossary: Glossary) -> list[Occurrence]:
    """Glossary concepts (longest exact matches) and short forms outside them; « victime(s) de la traite » replaces the
    glossary's lenient `victim` match (whose bare « victim » would count as right)."""
    glossary_matches = longest_matches(find_terms(fr, "fr", glossary))
    found: list[Occurrence] = []
    taken: list[tuple[int, int]] = []
    for form in SHORT_FORMS:
        for hit in form.pattern.finditer(fr):
            start, end = hit.span()
            verb_at = hit.start() + hit.group(0).lower().rfind("traite") if "traite" in hit.group(0).lower() else -1
            if form.noun_check and verb_at >= 0 and not is_noun_position(fr, verb_at):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            inside = [m for m in glossary_matches if m.start < end and start < m.end]
            if inside and (form.concept != "victim-of-trafficking" or any(m.end - m.start > end - start for m in inside)):
                continue  # part of a full glossary term (a longer one for « victime(s) de la traite »)
            found.append(Occurrence(form.concept, form.name, start, end, True))
            taken.append((start, end))
    for match in glossary_matches:
        if not any(match.start < e and s < match.end for s, e in taken):
            found.append(Occurrence(match.concept, match.entry or match.term, match.start, match.end, False))
    return sorted(found, key=lambda occurrence: occurrence.start)


def english_concepts(mt: str, glossary: Glossary) -> Counter[str]:
    """Accepted English renderings in the MT, by concept (glossary concepts and short-form concepts)."""
    counts: Counter[str] = Counter()
    # one extra word inside an English term is accepted, as in the project's checks ("for the purpose of sexual exploitation")
    spans = {(m.concept, m.start, m.end) for m in find_terms(mt, "en", glossary, max_gap=1) if m.status in ACCEPTED}
    counts.update(concept for concept, _, _ in spans)
    for concept in {form.concept for form in SHORT_FORMS}:
        pattern = next(form.accepted for form in SHORT_FORMS if form.concept == concept)
        if concept not in counts or concept in ("trafficking", "victim-of-trafficking", "sex-trafficking"):
            counts[concept] = max(counts[concept], len(pattern.findall(mt)))
    return counts


@dataclass
class TermScore:
    total: int = 0
    right: int = 0
    by_form: Counter[str] | None = None
    right_by_form: Counter[str] | None = None

    def __post_init__(self) -> None:
        self.by_form = Counter()
        self.right_by_form = Counter()

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else float("nan")


def score_terms(fr: str, mt: str, glossary: Glossary, score: TermScore) -> None:
    """Add one segment's occurrences to `score`: per concept, right = min(French occurrences, accepted renderings)."""
    occurrences = french_occurrences(fr, glossary)
    if not occurrences:
        return
    available = english_concepts(mt, glossary)
    for occurrence in occurrences:
        key = occurrence.form if occurrence.short else "glossary:" + occurrence.concept
        score.total += 1
        score.by_form[key] += 1
        if available[occurrence.concept] > 0:
            available[occurrence.concept] -= 1
            score.right += 1
            score.right_by_form[key] += 1


# ---------------------------------------------------------------------------------------------
# Harmful renderings


@dataclass(frozen=True)
class Harm:
    name: str
    mt: re.Pattern[str]
    french_has: re.Pattern[str] | None = None
    french_lacks: re.Pattern[str] | None = None
    core: bool = True  # one of the brief's list (else: an extra one found while reading the output)
    right_when: Callable[[str], bool] | None = None  # the French has a word of that sense: the rendering is right there


HARMFUL: tuple[Harm, ...] = (
    # "treat" is right for the verb « traiter » (« traiter les causes profondes », « il la traite »): counted only without it
    Harm("treat(s) it", _ci(r"\btreats?\s+it\b"), right_when=has_verb_traiter),
    Harm("treat", _ci(r"\btreat\b(?!\s+it\b)"), right_when=has_verb_traiter),
    # "milk" is right where the French names milk (« la Commission canadienne du lait », the Canadian Dairy Commission)
    Harm("milking", _ci(r"\bmilk(?:ing|s)?\b"), None, _ci(r"\blait")),
    Harm("persecution", _ci(r"\bpersecut\w*")),
    Harm("explode", _ci(r"\bexplod\w*")),
    Harm("boys (enfants)", _ci(r"\bboys?\b"), _ci(r"\benfants?\b"), _ci(r"\bgarçons?\b")),
    Harm("executive (gouvernement)", _ci(r"\bexecutives?\b"), _ci(r"\bgouvernements?\b"), _ci(r"\bexécuti")),
    # extras seen in the pivots' output
    Harm("rape (violation)", _ci(r"\brap(?:e|es|ed)\b"), _ci(r"\bviolations?\b"), _ci(r"\bviols?\b"), False),
    Harm("slave traffic (traite)", _ci(r"\b(?:traffic|trade)\s+of\s+(?:\w+\s+)?slaves\b|\bslave\s+trade\b"), _ci(r"\btraite\b"), _ci(r"\besclav"), False),
    Harm("dealer(s) (trafiquant)", _ci(r"\bdealers?\b"), _ci(r"\btrafiquants?\b"), None, False),
    Harm("royalties (droits)", _ci(r"\broyalt"), _ci(r"\bdroits?\b"), _ci(r"\bredevance"), False),
)


def harmful(fr: str, mt: str) -> Counter[str]:
    """Harmful renderings in one segment's MT, by name."""
    counts: Counter[str] = Counter()
    for harm in HARMFUL:
        if harm.french_has is not None and not harm.french_has.search(fr):
            continue
        if harm.french_lacks is not None and harm.french_lacks.search(fr):
            continue
        if harm.right_when is not None and harm.right_when(fr):
            continue
        hits = len(harm.mt.findall(mt))
        if hits:
            counts[harm.name] += hits
    return counts
