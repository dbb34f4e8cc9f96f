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
from align.model import Flag, Unit
from align.terms.glossary import DEFAULT_PATH, Glossary, load_glossary, same_form, tokenize

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
