"""TMX 1.4b: writing aligned links as translation memory, and reading TMX from CAT tools.

Writing. One `<tu>` per link with a French `<tuv>` and an English one:
- `english="official"` (default): the official English where the document has one; in a
  document with no official English, the machine translation, marked as such (a `<note>`
  and the `x-english-source` / `x-engine` properties). Null links (French or English alone)
  give no `<tu>`: OmegaT, the most permissive reader, drops a unit with a single variant
  anyway, and other tools treat it as an empty match.
- `english="mt"`: the machine translation for every French segment.
- `english="both"`: the official `<tu>` and, next to it, a second `<tu>` with the same French
  and the machine translation (tuid ending `-mt`). Two English `<tuv>`s in one `<tu>` are
  not used: Trados, memoQ and translate-toolkit read one variant per language, so the second
  would be dropped or would overwrite the first; two units with the same source are what
  every tool shows as two matches, with the MT one flagged by its note and properties.
`status="confirmed"` keeps only links a reviewer confirmed.

Properties (user-defined, so prefixed `x-` as TMX requires): `x-document`, `x-link`,
`x-score`, `x-status`, `x-english-source` (`official` or `machine-translation`) and, for
machine translation, `x-engine`.

Reading (`read_tmx`): units are read with `align.io.safexml` (no entities, no DTD, no network);
inline codes (`bpt`, `ept`, `it`, `ph`, `ut`) are dropped and highlighted text (`hi`) kept,
so the text is what the translator reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from lxml import etree

import align
from align.errors import InputError
from align.io.safexml import XML_LANG, language_of, local_name, parse_xml, primary_language, read_bytes
from align.model import Flag

ENGLISH_CHOICES = ("official", "mt", "both")
STATUS_CHOICES = ("confirmed", "all")
DTD_PATH = Path(__file__).resolve().parent / "schemas" / "tmx14b.dtd"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
MT_NOTE = "Machine translation ({engine}), not an official translation."

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut"})


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text)


def _has_official(alignment: pl.DataFrame) -> bool:
    return bool(alignment.height) and bool((alignment["en"].fill_null("").str.len_chars() > 0).any())


def tmx_bytes(
    alignment: pl.DataFrame,
    document: str,
    src_lang: str = "fr-FR",
    tgt_lang: str = "en",
    *,
    english: str = "official",
    status: str = "all",
    has_official: bool | None = None,
    created: datetime | None = None,
    mt_fallback: bool = True,
    header_note: str = "",
    notes: Mapping[int, Sequence[str]] | None = None,
) -> bytes:
    """TMX 1.4b bytes for an alignment frame (columns as `align.pipeline.ALIGNMENT_COLUMNS`).

    `english` is one of `ENGLISH_CHOICES`, `status` one of `STATUS_CHOICES` (see the module
    docstring). `has_official` says whether the document has an official English version;
    by default it is true when any link has English text. `created` fixes the header date.
    With `mt_fallback=False`, `english="official"` writes official English only, never machine
    translation, even in a document without an official English (`run` puts machine translation
    in its own file). `header_note` is written as a `<note>` of the header; `notes` (link → texts, see `flag_notes`) as `<note>`s
    of the link's units.
    """
    if english not in ENGLISH_CHOICES:
        raise ValueError(f"english must be one of {ENGLISH_CHOICES}, not {english!r}")
    if status not in STATUS_CHOICES:
        raise ValueError(f"status must be one of {STATUS_CHOICES}, not {status!r}")
    official = _has_official(alignment) if has_official is None else has_official
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root, "header",
        creationtool="align", creationtoolversion=align.__version__, segtype="sentence", **{"o-tmf": "align"},
        adminlang="en", srclang=src_lang, datatype="plaintext",
        creationdate=(created or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ"),
    )
    if header_note:
        etree.SubElement(root[0], "note").text = xml_text(header_note)
    body = etree.SubElement(root, "body")
    for row in alignment.iter_rows(named=True):
        if status == "confirmed" and row.get("status") != "confirmed":
            continue
        fr, en, mt = (row.get(name) or "" for name in ("fr", "en", "mt"))
        if not fr.strip():
            continue
        if official and english in ("official", "both") and en.strip():
            _unit(body, row, document, src_lang, tgt_lang, fr, en, machine=False, notes=(notes or {}).get(row["link"], ()))
        if mt.strip() and (english in ("mt", "both") or (not official and mt_fallback)):
            _unit(body, row, document, src_lang, tgt_lang, fr, mt, machine=True, suffix="-mt" if official and english == "both" else "",
                  notes=(notes or {}).get(row["link"], ()))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=DOCTYPE)


def _unit(body: etree._Element, row: dict, document: str, src_lang: str, tgt_lang: str, fr: str, english: str, *,
          machine: bool, suffix: str = "", notes: Sequence[str] = ()) -> None:
    unit = etree.SubElement(body, "tu", tuid=xml_text(f"{document}-{row['link']}{suffix}"))
    engine = xml_text(row.get("mt_engine") or "unknown")
    if machine:
        etree.SubElement(unit, "note").text = MT_NOTE.format(engine=engine)
    if comment := (row.get("comment") or "").strip():
        etree.SubElement(unit, "note").text = xml_text(f"Reviewer's comment: {comment}")
    for note in notes:
        etree.SubElement(unit, "note").text = xml_text(note)
    props = [("x-document", document), ("x-link", str(row["link"])), ("x-score", _score(row.get("score"))),
             ("x-status", row.get("status") or ""), ("x-english-source", "machine-translation" if machine else "official")]
    if machine:
        props.append(("x-engine", engine))
    for name, value in props:
        etree.SubElement(unit, "prop", type=name).text = xml_text(value)
    for lang, text in ((src_lang, fr), (tgt_lang, english)):
        variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
        etree.SubElement(variant, "seg").text = xml_text(text)


def flag_notes(flags: Iterable[Flag]) -> dict[int, list[str]]:
    """The reviewer's verdicts on flags, as TMX notes by link: accepted, dismissed (why), fixed by a correction, outdated."""
    notes: dict[int, list[str]] = {}
    for flag in flags:
        if flag.link is not None and flag.review_state:
            what = f"{flag.severity} {flag.kind} flag on {flag.side.upper()} “{flag.text[:80]}”"
            notes.setdefault(flag.link, []).append(f"Reviewer's verdict: {what}: {flag.review_state}" + (f" — {flag.review_note}" if flag.review_note else ""))
    return notes


def _score(value: object) -> str:
    """A link score with four decimals; frames read from CSV carry it as text."""
    try:
        return f"{float(value):.4f}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


def write_tmx(alignment: pl.DataFrame, path: str | Path, document: str, **options: object) -> Path:
    """Write `tmx_bytes(alignment, document, **options)` to `path` atomically (previous kept as .bak)."""
    from align.io.atomic import write_atomic

    return write_atomic(path, tmx_bytes(alignment, document, **options))  # type: ignore[arg-type]


def validate_tmx(data: bytes) -> list[str]:
    """Problems found validating TMX bytes against the TMX 1.4b DTD (empty when valid)."""
    root = parse_xml(data, "<tmx>")
    dtd = etree.DTD(str(DTD_PATH))
    if dtd.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in dtd.error_log.filter_from_errors()]


@dataclass(frozen=True)
class TmxUnit:
    """One `<tu>` read from a TMX file: its position, tuid, and the first French and English text."""

    position: int
    tuid: str
    fr: str
    en: str


def segment_text(seg: etree._Element) -> str:
    """The translatable text of a `<seg>`: text and `<hi>` content, without inline codes."""
    parts: list[str] = [seg.text or ""]
    for child in seg:
        if local_name(child) not in _CODE_ELEMENTS and local_name(child) != "sub":
            parts.append(segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx(path: str | Path, data: bytes | None = None, *, src_lang: str = "fr", tgt_lang: str = "en") -> list[TmxUnit]:
    """Read the units of a bilingual TMX file (any TMX version from 1.1 on, any region subtags).

    Languages are matched on their primary subtag (`fr-FR`, `fr-CA` and `FR` are all French).
    Raises `InputError` naming the file for malformed or unsafe XML, a file that is not TMX,
    and a TMX with no French or no English side.
    """
    root = parse_xml(read_bytes(path) if data is None else data, path)
    if local_name(root) != "tmx":
        raise InputError(path, f"not a TMX file: the root element is <{local_name(root)}>, expected <tmx>")
    body = next((child for child in root if local_name(child) == "body"), None)
    if body is None:
        raise InputError(path, "not a TMX file: no <body>")
    units: list[TmxUnit] = []
    languages: set[str] = set()
    for position, unit in enumerate(child for child in body if local_name(child) == "tu"):
        texts: dict[str, str] = {}
        for variant in unit:
            if local_name(variant) != "tuv":
                continue
            code = language_of(variant)
            if not code:
                raise InputError(path, f"<tu> number {position + 1} has a <tuv> without xml:lang")
            languages.add(code)
            seg = next((child for child in variant if local_name(child) == "seg"), None)
            lang = primary_language(code)
            if seg is not None and lang not in texts:
                texts[lang] = segment_text(seg)
        units.append(TmxUnit(position, unit.get("tuid") or "", texts.get(src_lang, ""), texts.get(tgt_lang, "")))
    found = ", ".join(sorted(languages)) or "none"
    if not units:
        raise InputError(path, "the TMX has no translation units (<tu>)")
    if not any(unit.fr for unit in units):
        raise InputError(path, f"no French side: no <tuv> in {src_lang} (languages found: {found})")
    if not any(unit.en for unit in units):
        raise InputError(path, f"no English side: no <tuv> in {tgt_lang} (languages found: {found})")
    return units


def tmx_alignment(units: list[TmxUnit]) -> pl.DataFrame:
    """TMX units as an alignment frame (`ALIGNMENT_COLUMNS`) that the checks accept.

    `link` is the unit's position in the file (0-based); a unit is one French and one English
    segment, already accepted by a translator, so `score` is 1 and `status` `confirmed`;
    there is no machine translation (`mt` empty).
    """
    rows = [{
        "link": unit.position,
        "fr_ids": [unit.position] if unit.fr else [],
        "en_ids": [unit.position] if unit.en else [],
        "fr": unit.fr, "mt": "", "en": unit.en, "score": 1.0, "status": "confirmed", "mt_engine": "",
    } for unit in units]
    schema = {"link": pl.Int64, "fr_ids": pl.List(pl.Int64), "en_ids": pl.List(pl.Int64), "fr": pl.Utf8, "mt": pl.Utf8,
              "en": pl.Utf8, "score": pl.Float64, "status": pl.Utf8, "mt_engine": pl.Utf8}
    return pl.DataFrame(rows, schema=schema)
