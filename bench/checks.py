"""`python -m align bench checks`: recall and false alarms of the checks on planted errors.

The fixtures in `tests/fixtures/checks/` are French/English texts of the field written for
this purpose, one segment per line, line i of the French translating line i of the English
(an empty line is a null link). `cleanN.*` are correct translations; `plantedN.*` are copies
with errors planted, listed in `planted.json` with their link, side, kind and offsets. The
fixtures are aligned by line, so the figures measure the checks, not the aligner.
`clean4`/`planted4` were written after the checks were developed and measured once before
any change (9 of 10 planted errors with exact offsets, no false alarm on the clean text; the
tenth was flagged over the whole link, which `planted.json` now expects, see make_planted.py).

Figures printed:
- recall: planted errors found with the right link, side, kind and offsets;
- false alarms: warnings and errors raised on the clean texts (the target is zero), and
  warnings and errors on the planted texts that match no planted error;
- the word-form comparison behind term matching (Snowball alone, simplemma alone, both
  combined) on inflection pairs that must match and derivation pairs that must not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from align.checks import CheckContext, run_checks
from align.model import Document, Flag, Unit
from align.terms.glossary import DEFAULT_PATH, Glossary, load_glossary
from align.terms.words import same_form, tokenize

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "checks"

INFLECTION_PAIRS = {
    "fr": [("traite", "traites"), ("trafiquant", "trafiquantes"), ("victime", "victimes"), ("forcé", "forcés"), ("forcé", "forcées"),
           ("rescapé", "rescapées"), ("humain", "humaines"), ("travail", "travaux"), ("sexuel", "sexuelles"), ("survivant", "survivantes"),
           ("personne", "personnes"), ("passeur", "passeurs"), ("exploité", "exploitées"), ("être", "êtres"), ("recruteur", "recruteurs")],
    "en": [("trafficker", "traffickers"), ("victim", "victims"), ("survivor", "survivors"), ("person", "persons"), ("smuggler", "smugglers"),
           ("child", "children"), ("woman", "women"), ("network", "networks"), ("worker", "workers"), ("bride", "brides")],
}
DERIVATION_PAIRS = {
    "fr": [("traite", "traitement"), ("traite", "traité"), ("trafiquant", "trafic"), ("exploitation", "exploiter"), ("personne", "personnel"),
           ("victime", "victimisation"), ("travail", "travailleur"), ("recrutement", "recruteur"), ("humain", "humanitaire")],
    "en": [("trafficking", "trafficker"), ("trafficking", "traffic"), ("exploitation", "exploit"), ("person", "personnel"),
           ("victim", "victimization"), ("labour", "laborious"), ("recruitment", "recruiter"), ("smuggling", "smuggler"),
           ("migrant", "migration")],
}


@dataclass
class DocumentScore:
    name: str
    planted: int
    found: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    unexpected: list[Flag] = field(default_factory=list)
    clean_alarms: list[Flag] = field(default_factory=list)
    clean_info: int = 0


def read_lines(path: Path) -> list[str]:
    """One segment per line; the file's final newline ends the last line (an empty last line is a null segment)."""
    text = path.read_text(encoding="utf-8")
    return (text[:-1] if text.endswith("\n") else text).split("\n")


def line_units(fr_lines: list[str], en_lines: list[str], mt_lines: list[str] | None = None) -> list[Unit]:
    """Units pairing line i of the French with line i of the English (empty = null)."""
    if len(fr_lines) != len(en_lines):
        raise ValueError(f"{len(fr_lines)} French lines but {len(en_lines)} English lines")
    rows = []
    fr_index = en_index = 0
    for number, (french, english) in enumerate(zip(fr_lines, en_lines)):
        rows.append(Unit(number, (fr_index,) if french else (), (en_index,) if english else (), french,
                         mt_lines[number] if mt_lines else "", english, 1.0, "auto"))
        fr_index += bool(french)
        en_index += bool(english)
    return rows


def load_planted(folder: Path = FIXTURES) -> list[dict]:
    """The planted-error documents; each error's text is checked against its offsets."""
    documents = json.loads((folder / "planted.json").read_text(encoding="utf-8"))["documents"]
    for document in documents:
        lines = {side: read_lines(folder / f"{document['name']}.{side}.txt") for side in ("fr", "en")}
        for error in document["errors"]:
            actual = lines[error["side"]][error["link"]][error["start"]:error["end"]]
            if actual != error["text"]:
                raise ValueError(f"{document['name']}: planted error {error} does not match the text ({actual!r})")
    return documents


def document_flags(folder: Path, name: str, glossary: Glossary) -> list[Flag]:
    units = line_units(read_lines(folder / f"{name}.fr.txt"), read_lines(folder / f"{name}.en.txt"))
    return run_checks(units, CheckContext(glossary, has_official=True))


def score(glossary: Glossary, folder: Path = FIXTURES) -> list[DocumentScore]:
    """Run the checks on every clean and planted fixture document and compare with planted.json."""
    results = []
    for document in load_planted(folder):
        result = DocumentScore(document["name"], len(document["errors"]))
        flags = document_flags(folder, document["name"], glossary)
        used: set[int] = set()
        for error in document["errors"]:
            hit = next((index for index, flag in enumerate(flags) if index not in used and flag.link == error["link"]
                        and flag.side == error["side"] and flag.kind == error["kind"]
                        and (flag.start, flag.end) == (error["start"], error["end"])), None)
            if hit is None:
                result.missed.append(error)
            else:
                used.add(hit)
                result.found.append(error)
        result.unexpected = [flag for index, flag in enumerate(flags) if index not in used and flag.severity != "info"]
        clean = document_flags(folder, document["clean"], glossary)
        result.clean_alarms = [flag for flag in clean if flag.severity != "info"]
        result.clean_info = sum(flag.severity == "info" for flag in clean)
        results.append(result)
    return results


def matcher_accuracy() -> dict[str, tuple[int, int, int, int]]:
    """For each method: (inflection pairs matched, inflection pairs, derivation pairs kept apart, derivation pairs)."""
    figures = {}
    for method in ("snowball", "simplemma", "combined"):
        matched = total = apart = derivations = 0
        for lang in ("fr", "en"):
            for first, second in INFLECTION_PAIRS[lang]:
                total += 1
                matched += same_form(tokenize(second, lang)[0], tokenize(first, lang)[0], method)
            for first, second in DERIVATION_PAIRS[lang]:
                derivations += 1
                apart += not same_form(tokenize(second, lang)[0], tokenize(first, lang)[0], method)
        figures[method] = (matched, total, apart, derivations)
    return figures


def run_bench(glossary_file: str | Path | None = None, folder: Path = FIXTURES) -> int:
    """Print the figures; return 0."""
    glossary = load_glossary(glossary_file or DEFAULT_PATH)
    results = score(glossary, folder)
    planted = sum(result.planted for result in results)
    found = sum(len(result.found) for result in results)
    clean_alarms = sum(len(result.clean_alarms) for result in results)
    unexpected = sum(len(result.unexpected) for result in results)
    print(f"checks on {len(results)} planted documents and their clean versions (glossary: {glossary.terms.height} terms)")
    for result in results:
        print(f"  {result.name}: {len(result.found)}/{result.planted} planted errors found; "
              f"clean text: {len(result.clean_alarms)} warning/error, {result.clean_info} info; "
              f"planted text: {len(result.unexpected)} unexpected warning/error")
        for error in result.missed:
            print(f"    missed: link {error['link']} {error['side']} {error['kind']} {error['text']!r}")
        for flag in result.clean_alarms + result.unexpected:
            print(f"    false alarm: link {flag.link} {flag.side} {flag.kind} {flag.severity} {flag.text[:60]!r}")
    by_kind: dict[str, list[int]] = {}
    for result in results:
        for error in result.found:
            by_kind.setdefault(error["kind"], [0, 0])[0] += 1
        for error in result.found + result.missed:
            by_kind.setdefault(error["kind"], [0, 0])[1] += 1
    print("recall by kind: " + ", ".join(f"{kind} {hit}/{total}" for kind, (hit, total) in sorted(by_kind.items())))
    print(f"recall: {found}/{planted} = {found / planted:.2f}")
    print(f"false alarms: {clean_alarms} on clean texts, {unexpected} unexpected on planted texts")
    print("word forms (inflections matched / derivations kept apart):")
    for method, (matched, total, apart, derivations) in matcher_accuracy().items():
        print(f"  {method:9s}: {matched}/{total} inflections, {apart}/{derivations} derivations")
    return 0


# --- real texts: the eval/ corpus ---------------------------------------------------------------

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
SCORED_SEVERITIES = ("error", "warning")
MISMATCH_FAMILIES = ({"concept-confusion", "term-missing"}, {"number-mismatch"}, {"date-mismatch"}, {"acronym-mismatch"},
                     {"omission", "addition"}, {"name-mismatch"})
"""Kinds of problem that lie between the two texts, not in one: the tool reports "traffickers" in the English against « passeurs » in the
French where a reader quoted the French; the problem is one. A flag of one of these kinds counts on an annotation of its family on the
other side of the same link (an omission from one side is an addition to the other)."""


@dataclass(frozen=True)
class Annotation:
    """One reviser's finding in eval/annotations.jsonl, with its span in the decoded text of its side."""

    doc: str
    side: str
    kind: str
    quote: str
    start: int
    end: int
    checkable: bool
    note: str


@dataclass(frozen=True)
class PlacedFlag:
    """A flag on the French or official English with its span in that side's document text (MT flags have none)."""

    doc: str
    flag: Flag
    start: int
    end: int
    counterpart: tuple[int, int] | None = None
    """The span of the link's other side (fr for a flag on en, en for one on fr) in that side's document text."""


@dataclass
class RealDocument:
    name: str
    kind: str
    split: str
    annotations: list[Annotation]
    flags: list[PlacedFlag] = field(default_factory=list)
    mt_flags: list[Flag] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return self.kind == "pair" and not any(a.checkable for a in self.annotations)

    def scored_flags(self) -> list[PlacedFlag]:
        return [placed for placed in self.flags if placed.flag.severity in SCORED_SEVERITIES]


def load_eval(folder: Path = EVAL_DIR, splits: tuple[str, ...] = ("dev", "test")) -> list[tuple[dict, Document]]:
    """The corpus rows of eval/documents.csv in `splits` with their documents, read as the CLI reads files.

    The held-out part is read only when asked for: no run touches it before its one final measurement.
    """
    import csv

    from align.io.documents import read_document

    result = []
    with (folder / "documents.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] not in splits:
                continue
            en = folder / "texts" / "en" / f"{row['id']}.txt"
            result.append((row, read_document(folder / "texts" / "fr" / f"{row['id']}.txt", en if row["kind"] == "pair" else None, row["id"])))
    return result


def place_annotations(document: Document, folder: Path = EVAL_DIR) -> list[Annotation]:
    """The annotations of a document, each located at its `occurrence` of `quote` in the decoded text of its side."""
    import unicodedata

    result = []
    for line in (folder / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record["doc"] != document.name:
            continue
        text = document.fr_text if record["side"] == "fr" else document.en_text or ""
        quote = unicodedata.normalize("NFC", record["quote"])
        start = -1
        for _ in range(record["occurrence"]):
            start = text.find(quote, start + 1)
            if start < 0:
                raise ValueError(f"{document.name}: annotation quote {record['quote']!r} (occurrence {record['occurrence']}) not in the {record['side']} text")
        result.append(Annotation(document.name, record["side"], record["kind"], quote, start, start + len(quote), record["checkable"], record["note"]))
    return result


def place_flags(result) -> tuple[list[PlacedFlag], list[Flag]]:
    """Flags on fr/en with spans in the document text, and the flags on the MT.

    A flag's offsets are in its unit's text, which joins the unit's segments with one space; walking
    the segments gives each character's offset in the document (a flag spanning two segments runs
    from the first's start to the second's end).
    """
    segments = {"fr": [s for s in result.fr_segments if s.alignable], "en": [s for s in result.en_segments if s.alignable]}
    placed, mt = [], []
    for flag in result.flags:
        if flag.side == "mt":
            mt.append(flag)
            continue
        if flag.link is None:
            continue  # document-level (page furniture, info)
        link = result.links[flag.link]
        ids = link.fr_ids if flag.side == "fr" else link.en_ids
        bounds = []  # (start in unit text, segment)
        offset = 0
        for index in ids:
            segment = segments[flag.side][index]
            bounds.append((offset, segment))
            offset += len(segment.text) + 1

        other = [segments["en" if flag.side == "fr" else "fr"][index] for index in (link.en_ids if flag.side == "fr" else link.fr_ids)]
        counterpart = (other[0].start, other[-1].start + len(other[-1].text)) if other else None
        if bounds:
            placed.append(PlacedFlag(result.document.name, flag, _document_offset(bounds, flag.start, False), _document_offset(bounds, flag.end, True),
                                     counterpart))
    return placed, mt


def _document_offset(bounds: list, position: int, closing: bool) -> int:
    """The document offset of `position` in a unit text made of `bounds` ((offset in the unit text, segment) pairs)."""
    for unit_start, segment in reversed(bounds):
        if position > unit_start or (position == unit_start and not closing):
            return segment.start + min(position - unit_start, len(segment.text))
    return bounds[0][1].start


def run_real(glossary: Glossary, folder: Path = EVAL_DIR, progress=None, splits: tuple[str, ...] = ("dev", "test")) -> list[RealDocument]:
    """Run the real pipeline (Apertium MT, cached) on the eval documents of `splits` and place flags and annotations."""
    from align.pipeline import RunOptions, run_document

    options = RunOptions(mt_engine="apertium")
    documents = []
    for row, document in load_eval(folder, splits):
        if progress:
            progress(document.name)
        result = run_document(document, glossary, options)
        placed, mt = place_flags(result)
        documents.append(RealDocument(document.name, row["kind"], row["split"], place_annotations(document, folder), placed, mt))
    return documents


def overlaps(placed: PlacedFlag, annotation: Annotation) -> bool:
    if placed.flag.side == annotation.side:
        return placed.start < annotation.end and annotation.start < placed.end
    return (placed.counterpart is not None and any({placed.flag.kind, annotation.kind} <= family for family in MISMATCH_FAMILIES)
            and placed.counterpart[0] < annotation.end and annotation.start < placed.counterpart[1])


@dataclass
class RealFigures:
    flags: int = 0
    true_flags: int = 0
    annotations: int = 0
    found: int = 0
    clean_pairs: int = 0
    clean_pairs_quiet: int = 0
    clean_alarms: int = 0
    by_flag_kind: dict = field(default_factory=dict)  # kind -> [true, total]
    by_annotation_kind: dict = field(default_factory=dict)  # kind -> [found, total]
    false_alarms: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    mt_over: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_flags / self.flags if self.flags else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.annotations if self.annotations else 1.0


def score_real(documents: list[RealDocument], split: str) -> RealFigures:
    figures = RealFigures()
    for document in documents:
        if document.split != split:
            continue
        checkable = [a for a in document.annotations if a.checkable]
        scored = document.scored_flags()
        for placed in scored:
            true = any(overlaps(placed, a) for a in checkable)
            figures.flags += 1
            figures.true_flags += true
            counts = figures.by_flag_kind.setdefault(placed.flag.kind, [0, 0])
            counts[0] += true
            counts[1] += 1
            if not true:
                figures.false_alarms.append((document.name, placed))
        for annotation in checkable:
            found = any(overlaps(placed, annotation) for placed in scored)
            figures.annotations += 1
            figures.found += found
            counts = figures.by_annotation_kind.setdefault(annotation.kind, [0, 0])
            counts[0] += found
            counts[1] += 1
            if not found:
                figures.misses.append(annotation)
        if document.clean:
            figures.clean_pairs += 1
            figures.clean_alarms += len(scored)
            figures.clean_pairs_quiet += not scored
        mt_scored = [flag for flag in document.mt_flags if flag.severity in SCORED_SEVERITIES]
        official = len(scored)
        if mt_scored:
            figures.mt_over.append((document.name, len(mt_scored), official))
    return figures


MEANING_FLAG = "meaning-divergence"
MEANING_ANNOTATION = "meaning"


def on_meaning(placed: PlacedFlag, annotation: Annotation) -> bool:
    """A meaning flag (on the English of a link) counts on an annotation its French or English segments overlap."""
    span = (placed.start, placed.end) if annotation.side == placed.flag.side else placed.counterpart
    return span is not None and span[0] < annotation.end and annotation.start < span[1]


@dataclass
class MeaningFigures:
    """`meaning-divergence` (any severity) against the `meaning` annotations (checkable false) of the pairs: a French-only document has no
    official English to diverge from, so its annotations are out of this flag's reach and not counted."""

    hits: list = field(default_factory=list)  # (document name, flag) on an annotation
    false_flags: list = field(default_factory=list)  # (document name, flag) on none
    beside_other_errors: int = 0
    """False flags on a link that holds a checkable annotation (another kind of error): not a meaning error, not a clean link either."""
    found: list = field(default_factory=list)  # annotations a flag overlaps
    misses: list = field(default_factory=list)  # annotations no flag overlaps

    @property
    def flags(self) -> int:
        return len(self.hits) + len(self.false_flags)

    @property
    def annotations(self) -> int:
        return len(self.found) + len(self.misses)


def score_meaning(documents: list[RealDocument], split: str) -> MeaningFigures:
    figures = MeaningFigures()
    for document in documents:
        if document.split != split or document.kind != "pair":
            continue
        annotations = [a for a in document.annotations if a.kind == MEANING_ANNOTATION]
        flags = [placed for placed in document.flags if placed.flag.kind == MEANING_FLAG]
        checkable = [a for a in document.annotations if a.checkable]
        for placed in flags:
            hit = any(on_meaning(placed, a) for a in annotations)
            (figures.hits if hit else figures.false_flags).append((document.name, placed))
            figures.beside_other_errors += not hit and any(on_meaning(placed, a) for a in checkable)
        for annotation in annotations:
            (figures.found if any(on_meaning(placed, annotation) for placed in flags) else figures.misses).append(annotation)
    return figures


def print_meaning(figures: MeaningFigures, split: str, *, details: bool = True) -> None:
    print(f"  {MEANING_FLAG} (against the `meaning` annotations of the pairs, not counted above): "
          f"precision {len(figures.hits)}/{figures.flags}, recall {len(figures.found)}/{figures.annotations}; "
          f"{figures.beside_other_errors} of the {len(figures.false_flags)} false flags on a link holding an annotated error of another kind")
    if not details:
        return
    for label, flags in (("hit", figures.hits), ("false flag", figures.false_flags)):
        for name, placed in flags:
            print(f"    meaning {label}: {name} link {placed.flag.link} {placed.flag.severity} {placed.flag.text[:70]!r}")
    for annotation in figures.misses:
        print(f"    meaning missed: {annotation.doc} {annotation.side} {annotation.quote[:70]!r}")


def print_real(figures: RealFigures, split: str, *, details: bool = True) -> None:
    clean_rate = figures.clean_pairs_quiet / figures.clean_pairs if figures.clean_pairs else 1.0
    print(f"{split.upper()}: precision {figures.true_flags}/{figures.flags} = {figures.precision:.2f}; "
          f"recall {figures.found}/{figures.annotations} = {figures.recall:.2f}; "
          f"clean pairs: {figures.clean_alarms / max(figures.clean_pairs, 1):.2f} false alarms per pair, "
          f"{figures.clean_pairs_quiet}/{figures.clean_pairs} = {clean_rate:.0%} with no error/warning")
    print("  precision by flag kind: " + ", ".join(f"{kind} {true}/{total}" for kind, (true, total) in sorted(figures.by_flag_kind.items())))
    print("  recall by annotation kind: " + ", ".join(f"{kind} {found}/{total}" for kind, (found, total) in sorted(figures.by_annotation_kind.items())))
    over = [(name, mt, official) for name, mt, official in figures.mt_over if mt > official]
    print(f"  MT flags (error/warning): {sum(mt for _, mt, _ in figures.mt_over)} in {len(figures.mt_over)} documents; "
          f"more than on the official texts in {len(over)}" + (": " + ", ".join(f"{name} {mt}>{official}" for name, mt, official in over) if over else ""))
    if not details:
        return
    for name, placed in figures.false_alarms:
        flag = placed.flag
        print(f"    false alarm: {name} {flag.side} {flag.kind} {flag.severity} {flag.text[:70]!r}")
    for annotation in figures.misses:
        print(f"    missed: {annotation.doc} {annotation.side} {annotation.kind} {annotation.quote[:70]!r}")


def run_real_bench(glossary_file: str | Path | None = None, splits: tuple[str, ...] = ("dev",), folder: Path = EVAL_DIR, *,
                   details: bool = True) -> int:
    """Print the figures on the eval/ corpus for the given splits (tune on dev; run test once at the end)."""
    glossary = load_glossary(glossary_file or DEFAULT_PATH)
    documents = run_real(glossary, folder, splits=splits)
    counts = {split: sum(d.split == split for d in documents) for split in splits}
    print(f"checks on real texts: eval/ corpus ({', '.join(f'{split} {count} documents' for split, count in counts.items())}), "
          f"Apertium MT, glossary {glossary.terms.height} terms; a flag is true when its span overlaps a checkable annotation, "
          f"or, for a mismatch between the texts, when its link holds one of the same family on the other side")
    for split in splits:
        print_real(score_real(documents, split), split, details=details)
        print_meaning(score_meaning(documents, split), split, details=details)
    if len(splits) > 1:
        total = MeaningFigures()
        for split in splits:
            figures = score_meaning(documents, split)
            for name in ("hits", "false_flags", "found", "misses"):
                getattr(total, name).extend(getattr(figures, name))
            total.beside_other_errors += figures.beside_other_errors
        print(f"ALL {len(splits)} PARTS ({', '.join(splits)}):")
        print_meaning(total, "all", details=False)
    return 0
