"""TBX termbases: exporting the glossary, and importing TBX written by other tools.

Export (`tbx_bytes`) writes TBX-Basic, ISO 30042:2019 (`dialect="2019"`, namespace
`urn:iso:std:iso:30042:ed-2`, `conceptEntry`/`langSec`/`termSec`), or the older TBX 2008 /
MARTIF form (`dialect="2008"`, `martif`/`termEntry`/`langSet`/`tig`) that many CAT tools and
translate-toolkit still read. One concept entry per glossary concept, one language section per
language, one term section per glossary row:

| glossary column | TBX |
|---|---|
| concept | `id` of the concept entry (an XML name; other names kept in a `<note>align-concept: …</note>`) |
| subject | concept-level `<descrip type="subjectField">` |
| status | `<termNote type="administrativeStatus">`: preferred → `preferredTerm-admn-sts`, |
|  | admitted → `admittedTerm-admn-sts`, forbidden → `deprecatedTerm-admn-sts` |
| type | `<termNote type="termType">`: term → `fullForm`, acronym, abbreviation (none when empty) |
| definition | language-level `<descrip type="definition">` (glossary: on the preferred row) |
| note, source | term-level `<note>` and `<admin type="source">` |

Import (`read_tbx`, `merge_terms`, `import_tbx`) reads both forms (any namespace, `tig` or
`ntig`), maps region subtags to the glossary's `fr`/`en`, skips other languages and reports
them, and merges into the glossary: see `merge_terms`. Nothing is saved unless the merged
glossary validates.

Written here rather than with translate-toolkit's `tbxfile` because that class only reads
and writes the MARTIF form with one term per language, and loses administrative status,
term type and sources, which the checks depend on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from lxml import etree

from align.errors import InputError
from align.io.safexml import XML_LANG, language_of, local_name, parse_xml, primary_language, read_bytes

TBX_NS = "urn:iso:std:iso:30042:ed-2"
DIALECTS = ("2019", "2008")
COLUMNS = ("concept", "subject", "lang", "term", "status", "type", "note", "definition", "source")
GLOSSARY_LANGUAGES = ("fr", "en")
STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "forbidden": "deprecatedTerm-admn-sts"}
_STATUS_ORDER = {"preferred": 0, "admitted": 1, "forbidden": 2}
TYPE_TO_TBX = {"term": "fullForm", "acronym": "acronym", "abbreviation": "abbreviation"}
# Administrative status values seen in TBX files (TBX-Basic, TBX 2008 and ISO 12620 normativeAuthorization), lower-cased.
_STATUS_FROM_TBX = {
    "preferredterm": "preferred", "standardizedterm": "preferred", "legalterm": "preferred", "regulatedterm": "preferred",
    "preferred": "preferred", "admittedterm": "admitted", "admitted": "admitted",
    "deprecatedterm": "forbidden", "supersededterm": "forbidden", "deprecated": "forbidden", "superseded": "forbidden",
    "notrecommended": "forbidden", "forbidden": "forbidden",
}
_TYPE_FROM_TBX = {"fullform": "term", "acronym": "acronym", "abbreviation": "abbreviation", "shortform": "abbreviation",
                  "initialism": "acronym", "variant": "term", "phrase": "term", "term": "term"}
_CONCEPT_NOTE = "align-concept: "
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


# --- export ---------------------------------------------------------------------------------

def _xml_id(concept: str, used: set[str]) -> str:
    """An XML ID for a concept: the name itself when it is a valid XML name, else a slug."""
    candidate = concept if _NCNAME.match(concept) else "c-" + (re.sub(r"[^\w.\-]+", "-", concept).strip("-") or "concept")
    unique, number = candidate, 2
    while unique in used:
        unique, number = f"{candidate}-{number}", number + 1
    used.add(unique)
    return unique


def _text(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    from align.interchange.tmx import xml_text

    element = etree.SubElement(parent, tag, attributes)
    element.text = xml_text(text)
    return element


def tbx_bytes(glossary: object, *, dialect: str = "2019", title: str = "Anti-trafficking glossary (align)") -> bytes:
    """The glossary (a `Glossary` or a polars frame with the glossary columns) as TBX bytes."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}, not {dialect!r}")
    frame: pl.DataFrame = getattr(glossary, "terms", glossary)  # type: ignore[assignment]
    frame = frame.select(COLUMNS).fill_null("")
    modern = dialect == "2019"
    ns = f"{{{TBX_NS}}}" if modern else ""
    names = {"entry": "conceptEntry", "lang": "langSec", "term": "termSec"} if modern else {"entry": "termEntry", "lang": "langSet", "term": "tig"}
    if modern:
        root = etree.Element(ns + "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}, nsmap={None: TBX_NS})
        header = etree.SubElement(root, ns + "tbxHeader")
    else:
        root = etree.Element("martif", {"type": "TBX-Basic-V1", XML_LANG: "en"})
        header = etree.SubElement(root, "martifHeader")
    description = etree.SubElement(header, ns + "fileDesc")
    if modern:
        _text(etree.SubElement(description, ns + "titleStmt"), ns + "title", title)
    _text(etree.SubElement(description, ns + "sourceDesc"), ns + "p", f"{title}; exported by align")
    if not modern:
        _text(etree.SubElement(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = etree.SubElement(etree.SubElement(root, ns + "text"), ns + "body")
    used: set[str] = set()
    for concept, rows in _concepts(frame):
        entry = etree.SubElement(body, ns + names["entry"], id=_xml_id(concept, used))
        subject = next((row["subject"] for row in rows if row["subject"]), "")
        if subject:
            _text(entry, ns + "descrip", subject, type="subjectField")
        if entry.get("id") != concept or not _meaningful(concept):
            _text(entry, ns + "note", _CONCEPT_NOTE + concept)
        for lang in dict.fromkeys(row["lang"] for row in rows):
            section = etree.SubElement(entry, ns + names["lang"], {XML_LANG: lang})
            # Preferred first, forbidden last: readers that keep one term per language (translate-toolkit) keep the first.
            in_lang = sorted((row for row in rows if row["lang"] == lang), key=lambda row: _STATUS_ORDER.get(row["status"], 3))
            definition = next((row["definition"] for row in sorted(in_lang, key=lambda row: row["status"] != "preferred") if row["definition"]), "")
            if definition:
                _text(section, ns + "descrip", definition, type="definition")
            for row in in_lang:
                term = etree.SubElement(section, ns + names["term"])
                _text(term, ns + "term", row["term"])
                if row["type"]:
                    _text(term, ns + "termNote", TYPE_TO_TBX.get(row["type"], row["type"]), type="termType")
                if row["status"]:
                    _text(term, ns + "termNote", STATUS_TO_TBX.get(row["status"], row["status"]), type="administrativeStatus")
                if row["source"]:
                    _text(term, ns + "admin", row["source"], type="source")
                if row["note"]:
                    _text(term, ns + "note", row["note"])
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    prolog = declaration if modern else declaration + b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
    return prolog + etree.tostring(root, encoding="UTF-8", pretty_print=True)


def _concepts(frame: pl.DataFrame) -> list[tuple[str, list[dict]]]:
    """Rows grouped by concept, in order of first appearance."""
    grouped: dict[str, list[dict]] = {}
    for row in frame.iter_rows(named=True):
        grouped.setdefault(row["concept"], []).append(row)
    return list(grouped.items())


RNG_PATH = Path(__file__).resolve().parent / "schemas" / "tbx-basic-dca.rng"


def validate_tbx(data: bytes) -> list[str]:
    """Problems found validating TBX-Basic 2019 bytes against `schemas/tbx-basic-dca.rng` (empty when valid)."""
    schema = etree.RelaxNG(etree.parse(str(RNG_PATH)))
    if schema.validate(parse_xml(data, "<tbx>")):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log.filter_from_errors()]


def write_tbx(glossary: object, path: str | Path, **options: object) -> Path:
    """Write `tbx_bytes(glossary, **options)` atomically."""
    from align.io.atomic import write_atomic

    return write_atomic(path, tbx_bytes(glossary, **options))  # type: ignore[arg-type]


# --- import ---------------------------------------------------------------------------------

@dataclass
class ImportReport:
    """What an import did (or would do): counts, and one line per skipped term or language."""

    concepts_added: int = 0
    terms_added: int = 0
    terms_merged: int = 0
    terms_updated: int = 0
    terms_unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the command line."""
        return (f"{self.concepts_added} concepts added ({self.terms_added} terms), {self.terms_merged} terms merged into existing concepts, "
                f"{self.terms_updated} terms updated, {self.terms_unchanged} unchanged, {len(self.skipped)} skipped")


def _clean(text: str) -> str:
    """Whitespace runs (pretty-printing, line breaks inside elements) collapsed to one space."""
    return " ".join(text.split())


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def _typed(element: etree._Element, name: str, kind: str) -> list[str]:
    """Text of the direct children `<name type="kind">`, cleaned."""
    return [_clean("".join(child.itertext())) for child in _children(element, name) if (child.get("type") or "").lower() == kind.lower()]


def _definition_and_source(section: etree._Element) -> tuple[str, str]:
    """A language (or concept) level definition, direct or in a `<descripGrp>`, with the group's source."""
    direct = _typed(section, "descrip", "definition")
    if direct:
        return direct[0], ""
    for group in _children(section, "descripGrp"):
        definition = _typed(group, "descrip", "definition")
        if definition:
            source = _typed(group, "admin", "source")
            return definition[0], source[0] if source else ""
    return "", ""


def read_tbx(path: str | Path, data: bytes | None = None) -> tuple[pl.DataFrame, ImportReport]:
    """Read a TBX file (TBX-Basic 2019 or TBX 2008 / MARTIF) into glossary rows (`COLUMNS`).

    Terms in languages other than French and English are skipped and reported. Raises
    `InputError` naming the file for unsafe or malformed XML, a file that is not TBX, a
    language section without a valid `xml:lang`, and a file with no French or English terms.
    """
    root = parse_xml(read_bytes(path) if data is None else data, path)
    if local_name(root) not in ("tbx", "martif"):
        raise InputError(path, f"not a TBX file: the root element is <{local_name(root)}>, expected <tbx> or <martif>")
    report = ImportReport()
    default_lang = language_of(root)
    rows: list[dict] = []
    other_languages: dict[str, int] = {}
    entries = [element for element in root.iter() if local_name(element) in ("conceptEntry", "termEntry")]
    if not entries:
        raise InputError(path, "the TBX has no concept entries (<conceptEntry> or <termEntry>)")
    for number, entry in enumerate(entries, start=1):
        entry_id = (entry.get("id") or "").strip()
        where = f"entry {entry_id or number}"
        notes = [_clean("".join(note.itertext())) for note in _children(entry, "note")]
        named = next((note[len(_CONCEPT_NOTE):] for note in notes if note.startswith(_CONCEPT_NOTE)), "")
        concept = named or (entry_id if _meaningful(entry_id) else "")
        subjects = _typed(entry, "descrip", "subjectField")
        subject = subjects[0] if subjects else ""
        concept_definition = _definition_and_source(entry)
        entry_rows: list[dict] = []
        for section in [child for child in entry if local_name(child) in ("langSec", "langSet")]:
            code = language_of(section)
            if not code:
                raise InputError(path, f"{where}: a <{local_name(section)}> has no xml:lang, so its language is unknown")
            if not _LANGUAGE_CODE.match(code):
                raise InputError(path, f"{where}: unknown language {code!r} (expected a code such as fr, fr-FR, en or en-GB)")
            lang = primary_language(code)
            terms = _section_terms(section, path, where)
            if lang not in GLOSSARY_LANGUAGES:
                other_languages[lang] = other_languages.get(lang, 0) + len(terms)
                continue
            definition, definition_source = _definition_and_source(section)
            if not definition and concept_definition[0] and lang == primary_language(default_lang or "en"):
                definition, definition_source = concept_definition
            section_rows = [{"concept": concept, "subject": subject, "lang": lang, **term, "definition": ""} for term in terms]
            for row in section_rows:
                if not row["term"]:
                    report.skipped.append(f"{where} ({lang}): an empty term")
            section_rows = [row for row in section_rows if row["term"]]
            _settle_statuses(section_rows, report, where)
            if definition and section_rows:
                holder = next((row for row in section_rows if row["status"] == "preferred"), section_rows[0])
                holder["definition"] = definition
                if definition_source and not holder["source"]:
                    holder["source"] = definition_source
            entry_rows.extend(section_rows)
        if not concept:
            concept = _concept_name(entry_rows) or f"tbx-{number}"
            for row in entry_rows:
                row["concept"] = concept
        rows.extend(entry_rows)
    for lang, count in sorted(other_languages.items()):
        report.skipped.append(f"{count} term(s) in language {lang!r} (the glossary holds {' and '.join(GLOSSARY_LANGUAGES)} only)")
    if not rows:
        found = ", ".join(sorted(other_languages)) or "none"
        raise InputError(path, f"no French or English terms in the TBX (languages found: {found})")
    for row in rows:
        row.pop("_stated", None)
    return pl.DataFrame(rows, schema=dict.fromkeys(COLUMNS, pl.Utf8)), report


def _meaningful(entry_id: str) -> bool:
    """Whether an entry id reads as a concept name ("debt-bondage") rather than a number ("_1042", "c7")."""
    return len(re.findall(r"[^\W\d_]", entry_id)) >= 3


def _concept_name(rows: list[dict]) -> str:
    """A readable concept name for an entry whose id is missing or opaque ("_1042", "c7"):
    the English preferred term (else the French one, else the first term) as a slug."""
    ranked = sorted(rows, key=lambda row: (row["lang"] != "en", row["status"] != "preferred"))
    return re.sub(r"[^\w]+", "-", ranked[0]["term"].casefold()).strip("-") if ranked else ""


def _section_terms(section: etree._Element, path: str | Path, where: str) -> list[dict]:
    """Terms of a language section: `termSec` (2019), `tig` or `ntig` (2008)."""
    terms = []
    for holder in section:
        kind = local_name(holder)
        if kind not in ("termSec", "tig", "ntig"):
            continue
        group = next(iter(_children(holder, "termGrp")), holder) if kind == "ntig" else holder
        term = next(iter(_children(group, "term")), None)
        notes = _typed(group, "termNote", "administrativeStatus") + _typed(group, "termNote", "normativeAuthorization")
        types = _typed(group, "termNote", "termType")
        raw_status = notes[0] if notes else ""
        status_key = raw_status.lower().replace("-admn-sts", "").replace(" ", "")
        if raw_status and status_key not in _STATUS_FROM_TBX:
            raise InputError(path, f"{where}: unknown administrative status {raw_status!r}")
        status = _STATUS_FROM_TBX.get(status_key, "")
        note = "; ".join(_clean("".join(child.itertext())) for child in _children(holder, "note"))
        if status == "forbidden" and status_key.startswith("superseded") and not note:
            note = "superseded term"
        sources = _typed(holder, "admin", "source")
        raw_type = types[0] if types else ""
        terms.append({
            "term": _clean("".join(term.itertext())) if term is not None else "",
            "status": status, "type": _TYPE_FROM_TBX.get(raw_type.lower(), "term") if raw_type else "",
            "note": note, "source": sources[0] if sources else "", "_stated": bool(status),
        })
    return terms


def _settle_statuses(rows: list[dict], report: ImportReport, where: str) -> None:
    """Give terms without an administrative status one: the first becomes preferred when the
    language has no preferred term, the others admitted (tools often omit the status)."""
    has_preferred = any(row["status"] == "preferred" for row in rows)
    for row in rows:
        if row["status"]:
            continue
        if not has_preferred:
            row["status"], has_preferred = "preferred", True
            report.notes.append(f"{where} ({row['lang']}): “{row['term']}” has no administrative status; taken as preferred")
        else:
            row["status"] = "admitted"


def _key(lang: str, term: str) -> tuple[str, str]:
    from align.io.reading import normalise_for_matching

    return lang, normalise_for_matching(term).casefold().strip()


def merge_terms(existing: pl.DataFrame, imported: pl.DataFrame) -> tuple[pl.DataFrame, ImportReport]:
    """Merge imported glossary rows into existing ones; returns the merged frame and a report.

    Each imported concept is matched to the existing concept that shares a term with it
    (same language, same term ignoring case, apostrophes and spacing), else to an existing
    concept of the same name, else added as a new concept. In a matched concept, new terms
    are added ("merged"); known terms only get their empty fields filled ("updated"). The
    glossary wins on conflicts: a term whose status differs, or that belongs to another
    concept, is skipped and reported.
    """
    report = ImportReport()
    rows = [dict(row) for row in existing.select(COLUMNS).fill_null("").iter_rows(named=True)]
    owner = {_key(row["lang"], row["term"]): row for row in rows}
    names = {row["concept"] for row in rows}
    merged: dict[str, list[dict]] = {}  # new terms of an existing concept, placed after its rows at the end (one pass, not one per term)
    subjects: dict[str, str] = {}
    for concept, incoming in _concepts(imported.select(COLUMNS).fill_null("")):
        keys = [_key(row["lang"], row["term"]) for row in incoming]
        target = next((owner[key]["concept"] for key in keys if key in owner), None)
        if target is None and concept in names:
            target = concept
        if target is None:
            name, number = concept, 2
            while name in names:
                name, number = f"{concept}-{number}", number + 1
            names.add(name)
            report.concepts_added += 1
            for row, key in zip(incoming, keys):
                if key in owner:
                    report.skipped.append(f"“{row['term']}” ({row['lang']}): listed twice in concept {concept}")
                    continue
                new = {**row, "concept": name}
                rows.append(new)
                owner[key] = new
                report.terms_added += 1
            continue
        for row, key in zip(incoming, keys):
            known = owner.get(key)
            if known is None:
                if target not in subjects:
                    subjects[target] = _subject_of(rows, target)
                new = {**row, "concept": target, "subject": row["subject"] or subjects[target]}
                subjects[target] = subjects[target] or row["subject"]  # (the concept's first subject, its merged terms' included)
                merged.setdefault(target, []).append(new)
                owner[key] = new
                report.terms_merged += 1
            elif known["concept"] != target:
                report.skipped.append(f"“{row['term']}” ({row['lang']}): already in concept {known['concept']}, not added to {target}")
            elif known["status"] != row["status"]:
                report.skipped.append(f"“{row['term']}” ({row['lang']}, concept {target}): {row['status']} in the file but "
                                      f"{known['status']} in the glossary; the glossary is kept")
            else:
                filled = [column for column in ("subject", "type", "note", "definition", "source") if row[column] and not known[column]]
                for column in filled:
                    known[column] = row[column]
                if filled:
                    report.terms_updated += 1
                else:
                    report.terms_unchanged += 1
        names.add(target)
    return pl.DataFrame(_placed(rows, merged), schema=dict.fromkeys(COLUMNS, pl.Utf8)), report


def _placed(rows: list[dict], merged: dict[str, list[dict]]) -> list[dict]:
    """The rows with each concept's merged terms right after that concept's last row."""
    last = {row["concept"]: index for index, row in enumerate(rows)}
    placed = []
    for index, row in enumerate(rows):
        placed.append(row)
        if last[row["concept"]] == index:
            placed += merged.get(row["concept"], [])
    return placed


def _subject_of(rows: list[dict], concept: str) -> str:
    return next((row["subject"] for row in rows if row["concept"] == concept and row["subject"]), "")


def import_tbx(path: str | Path, glossary_path: str | Path, *, dry_run: bool = False) -> tuple[pl.DataFrame, ImportReport]:
    """Import a TBX file into the glossary CSV at `glossary_path`; returns the merged frame and report.

    The merged glossary is built in full and validated before anything is written; on any
    problem an `InputError` is raised and the glossary file is left untouched. The previous
    glossary is kept as `NAME.bak`. Nothing is written with `dry_run`, or when nothing changed.
    """
    from align.io.atomic import file_lock

    target = Path(glossary_path)
    imported, read_report = read_tbx(path)
    if dry_run:
        return _merge_into(target, imported, read_report, path, dry_run=True)
    with file_lock(target):  # a second import (or the app) waits: reading, merging and writing are one step
        return _merge_into(target, imported, read_report, path, dry_run=False)


def _merge_into(target: Path, imported: pl.DataFrame, read_report: ImportReport, path: str | Path, *,
                dry_run: bool) -> tuple[pl.DataFrame, ImportReport]:
    from align.terms import glossary as glossary_module

    if target.exists():
        current = glossary_module.load_glossary(target)
    else:
        current = glossary_module.Glossary(pl.DataFrame(schema=dict.fromkeys(COLUMNS, pl.Utf8)), target, "")
    merged, report = merge_terms(current.terms, imported)
    report.skipped = read_report.skipped + report.skipped
    report.notes = read_report.notes + report.notes
    problems = glossary_module.validate_glossary(merged)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise InputError(path, f"not imported, the merged glossary would be invalid: {shown}")
    changed = report.concepts_added or report.terms_added or report.terms_merged or report.terms_updated
    if changed and not dry_run:
        glossary_module.save_glossary(merged, target, read_fingerprint=current.fingerprint)
    return merged, report
