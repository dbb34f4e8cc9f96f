"""Bilingual XLIFF → list[BilingualUnit]: XLIFF 1.0–1.2 (translate-toolkit, OmegaT, Okapi…), Trados .sdlxliff,
memoQ .mqxliff, XLIFF 2.0–2.2.

Read with align.safexml and lxml, not translate-toolkit: measured on the fixtures (bench/measure_xliff.py),
translate-toolkit's `unit.source` glues words a placeholder separates ("traite des<x/>personnes" →
"traite despersonnes"), puts a <ph>'s native code into the text ("vulnérabilité{1}"), prefixes ids with
the file name, and reads neither Trados segments (<seg-source><mrk mtype="seg">) nor memoQ's statuses.

Units:
- XLIFF 1.x: one unit per <trans-unit>; when the unit is segmented (<seg-source> with <mrk mtype="seg">, as Trados
  and Okapi write), one unit per segment, id "TRANS-UNIT-ID/MID", the target segment paired by mid.
  Units marked translate="no" and units with no text (structure placeholders) are skipped; <alt-trans>
  (earlier matches) is not read.
- XLIFF 2.x: one unit per <segment>; id is the <unit> id, or "UNIT-ID/SEGMENT-ID" when the unit has several
  segments (the position from 1 when a segment has no id). <ignorable> is not text.
- <sub> (XLIFF 1.x: translatable text inside a native code — a footnote, an image's alt text) becomes an extra
  unit right after its parent, id "PARENT-ID#subN" (N from 1 in document order), its English the N-th <sub> of the
  target; the parent's text reads the code as a placeholder. XLIFF 2 sub-flows are ordinary units already.
- `note`: what the file says about the translation: state (target state / segment state), Trados confirmation
  level, origin and match percentage, memoQ status and match rate, approved="yes".

Inline codes: the text of a code (<ph>, <bpt>, <ept>, <it>, originalData) is never read. Where a code sits between
two letters with no space around it, the reader decides whether it separates two words or sits inside one:
"tra<g>ite</g>" stays "traite", "traite des<ph/>personnes" becomes "traite des personnes". The decision uses the
words of the file itself, then simplemma's French and English dictionaries (`_lexicon.tag_separates_words`), then
the kind of code: a placeholder (x, ph, it) separates, formatting (g, bpt/ept, bx/ex, pc, sc/ec, mrk) does not.
Whitespace runs become one space; each text is stripped.

The source language must be French (fr, fr-CA, fr-FR…, memoQ's fre/fra): otherwise InputError naming the language
found. A target language other than English is refused too (the checks compare with English).
"""

from __future__ import annotations

import re
from pathlib import Path

from align.model import Unit

from . import _lexicon
from ._common import InputError, check_file, clean_line, local_name, parse_xml, primary_language
from .source import BilingualUnit

FORMAT = "xliff"
SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
_PAIRED_V1 = {"g", "bx", "ex", "bpt", "ept", "mrk"}
_PLACEHOLDER_V1 = {"x", "ph", "it"}
_CODE_WITH_CONTENT = {"bpt", "ept", "ph", "it"}  # their text is the native code, not translatable text
_PAIRED_V2 = {"pc", "sc", "ec", "mrk", "sm", "em"}
_PLACEHOLDER_V2 = {"ph"}
_LANGUAGE_ALIASES = {"fre": "fr", "fra": "fr", "eng": "en"}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_units(path: Path) -> list[Unit]:
    """The units as the checks take them: a translator's pairs (score 1, status `confirmed`, no MT), each keeping
    the file's unit id (`Unit.source_id`) so a reviewer can find the segment in the CAT tool."""
    return [Unit(number, (number,) if unit.fr else (), (number,) if unit.en else (), unit.fr, "", unit.en, 1.0, "confirmed", source_id=unit.id)
            for number, unit in enumerate(read_bilingual(path))]


def read_bilingual(path: Path) -> list[BilingualUnit]:
    """Every unit of the file with its id and what the file says about its state (`note`)."""
    path = check_file(Path(path))
    root = parse_xml(path.read_bytes(), path)
    if local_name(root) != "xliff":
        raise InputError(path, f"not an XLIFF file: the root element is <{local_name(root)}>, expected <xliff>")
    namespace = root.nsmap.get(root.prefix) or ""
    version = (root.get("version") or "").strip()
    reader = _Reader(path, root)
    units = reader.version_2(root) if version.startswith("2") or namespace.endswith(":2.0") else reader.version_1(root)
    if not units:
        raise InputError(path, "the XLIFF has no translatable text (no unit with a source)")
    return units


def _lang(code: str) -> str:
    primary = primary_language(code)
    return _LANGUAGE_ALIASES.get(primary, primary)


def _attr(element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (mq:status, sdl:conf…)."""
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def _children(element, name: str) -> list:
    return [child for child in element if local_name(child) == name]


class _Reader:
    def __init__(self, path: Path, root) -> None:
        self.path = path
        self.root = root
        self.seen: set[str] = set()

    @property
    def looks_french(self) -> bool:
        """Do the source texts read as French? (words only French's dictionary knows outnumber English-only ones)"""
        words: list[str] = []
        for element in self.root.iter():
            if local_name(element) == "source" and len(words) < 400:
                words += re.findall(r"[^\W\d_]{3,}", "".join(_text_nodes(element, _CODE_WITH_CONTENT)))
        french = sum(1 for w in words if _lexicon.known(w, ("fr",)) and not _lexicon.known(w, ("en",)))
        english = sum(1 for w in words if _lexicon.known(w, ("en",)) and not _lexicon.known(w, ("fr",)))
        return french > 2 * english and french >= 3

    # ------------------------------------------------------------------------------------------ languages

    def _check_languages(self, source: str | None, target: str | None, where: str) -> None:
        if not source or not source.strip():
            raise InputError(self.path, f"{where} does not say its source language; expected French (fr, fr-CA, fr-FR…)")
        if _lang(source) != "fr":
            hint = (" — yet the text reads as French: the tool that wrote the file set the wrong language; set "
                    "source-language to fr in the file or in that tool" if self.looks_french else "")
            raise InputError(self.path, f"the source language is {source.strip()!r}, not French: this tool reviews "
                                        f"French→English translations{hint}")
        if target and target.strip() and _lang(target) != "en":
            raise InputError(self.path, f"the target language is {target.strip()!r}, not English: this tool reviews "
                                        "French→English translations")

    # ------------------------------------------------------------------------------------------ XLIFF 1.x

    def version_1(self, root) -> list[BilingualUnit]:
        files = _children(root, "file")
        if not files:
            raise InputError(self.path, "not an XLIFF file: no <file> element")
        trans_units = []
        for file in files:
            self._check_languages(file.get("source-language"), file.get("target-language"), "a <file>")
            body = next(iter(_children(file, "body")), None)
            if body is not None:
                trans_units += list(_walk_units(body, "trans-unit"))
        for unit in trans_units:
            for part in ("source", "seg-source", "target"):
                for element in _children(unit, part):
                    self._collect(element, _CODE_WITH_CONTENT)
        units: list[BilingualUnit] = []
        for position, unit in enumerate(trans_units, 1):
            if (unit.get("translate") or "yes").lower() == "no":
                continue
            unit_id = unit.get("id") or str(position)
            source = next(iter(_children(unit, "source")), None)
            target = next(iter(_children(unit, "target")), None)
            seg_source = next(iter(_children(unit, "seg-source")), None)
            segments = _segments(seg_source) if seg_source is not None else []
            if segments:
                target_segments = dict(_segments(target)) if target is not None else {}
                seg_defs = _sdl_segments(unit)
                for mid, fr_element in segments:
                    en_element = target_segments.get(mid)
                    note = seg_defs.get(mid) or self._note_v1(unit, target)
                    units += self._unit_v1(f"{unit_id}/{mid}", fr_element, en_element, note)
            elif source is not None:
                units += self._unit_v1(unit_id, source, target, self._note_v1(unit, target))
        return units

    def _unit_v1(self, unit_id: str, source, target, note: str) -> list[BilingualUnit]:
        fr = self._flatten(source, _PAIRED_V1, _PLACEHOLDER_V1, ("fr", "en"))
        en = self._flatten(target, _PAIRED_V1, _PLACEHOLDER_V1, ("en", "fr")) if target is not None else ""
        out = [BilingualUnit(unit_id, fr, en, note)] if fr else []
        source_subs = _subs(source)
        target_subs = _subs(target) if target is not None else []
        for index, sub in enumerate(source_subs, 1):
            sub_fr = self._flatten(sub, _PAIRED_V1, _PLACEHOLDER_V1, ("fr", "en"))
            sub_en = (self._flatten(target_subs[index - 1], _PAIRED_V1, _PLACEHOLDER_V1, ("en", "fr"))
                      if index <= len(target_subs) else "")
            if sub_fr:
                out.append(BilingualUnit(f"{unit_id}#sub{index}", sub_fr, sub_en, note))
        return out

    @staticmethod
    def _note_v1(unit, target) -> str:
        parts = []
        if target is not None:
            if target.get("state"):
                parts.append(f"state: {target.get('state')}")
            if target.get("state-qualifier"):
                parts.append(f"qualifier: {target.get('state-qualifier')}")
        if (unit.get("approved") or "").lower() == "yes":
            parts.append("approved")
        status = _attr(unit, "status") if any(k.startswith("{MQXliff}") for k in unit.attrib) else None
        if status:
            parts.append(f"memoQ status: {status}")
        percent = unit.get("{MQXliff}percent")
        if percent:
            parts.append(f"match: {percent}%")
        return "; ".join(parts)

    # ------------------------------------------------------------------------------------------ XLIFF 2.x

    def version_2(self, root) -> list[BilingualUnit]:
        self._check_languages(root.get("srcLang"), root.get("trgLang"), "the <xliff> element")
        files = _children(root, "file")
        if not files:
            raise InputError(self.path, "not an XLIFF 2 file: no <file> element")
        all_units = [unit for file in files for unit in _walk_units(file, "unit")]
        for unit in all_units:
            for segment in _children(unit, "segment"):
                for part in ("source", "target"):
                    for element in _children(segment, part):
                        self._collect(element, set())
        units: list[BilingualUnit] = []
        for position, unit in enumerate(all_units, 1):
            if (unit.get("translate") or "yes").lower() == "no":
                continue
            unit_id = unit.get("id") or str(position)
            segments = _children(unit, "segment")
            for index, segment in enumerate(segments, 1):
                source = next(iter(_children(segment, "source")), None)
                target = next(iter(_children(segment, "target")), None)
                if source is None:
                    continue
                fr = self._flatten(source, _PAIRED_V2, _PLACEHOLDER_V2, ("fr", "en"))
                en = self._flatten(target, _PAIRED_V2, _PLACEHOLDER_V2, ("en", "fr")) if target is not None else ""
                if not fr:
                    continue
                segment_id = unit_id if len(segments) == 1 else f"{unit_id}/{segment.get('id') or index}"
                note = "; ".join(part for part in (f"state: {segment.get('state')}" if segment.get("state") else "",
                                                    f"substate: {segment.get('subState')}" if segment.get("subState") else "")
                                 if part)
                units.append(BilingualUnit(segment_id, fr, en, note))
        return units

    # ------------------------------------------------------------------------------------------ inline content

    def _collect(self, element, code_tags: set[str]) -> None:
        """Words standing whole in the file's text nodes (not touching a code): evidence for the spacing rule."""
        for text in _text_nodes(element, code_tags):
            words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text)
            if words and _lexicon.is_word_char(text[:1]):
                words = words[1:]
            if words and _lexicon.is_word_char(text[-1:]):
                words = words[:-1]
            self.seen.update(word.lower() for word in words)

    def _flatten(self, element, paired: set[str], placeholders: set[str], langs: tuple[str, ...]) -> str:
        pieces: list[tuple[str, object]] = []  # ("text", str) or ("code", is_placeholder)
        _pieces(element, paired, placeholders, pieces, top=True)
        out = ""
        pending: bool | None = None  # a code boundary waiting between two texts: True if a placeholder
        for kind, value in pieces:
            if kind == "code":
                pending = bool(value) or bool(pending)
                continue
            text = str(value)
            if pending is not None and out and text:
                left = re.search(r"[^\W_]+$", out)
                right = re.match(r"[^\W_]+", text)
                if left and right and _lexicon.tag_separates_words(left.group(0), right.group(0), langs, pending, self.seen):
                    out += " "
            pending = None
            out += text
        return clean_line(_XML_ILLEGAL.sub("", out.replace("\n", " ").replace("\r", " ")))


def _walk_units(container, name: str):
    """Units in document order, inside groups at any depth."""
    for child in container:
        local = local_name(child)
        if local == name:
            yield child
        elif local == "group":
            if (child.get("translate") or "yes").lower() == "no":
                continue
            yield from _walk_units(child, name)


def _segments(element) -> list[tuple[str, object]]:
    """The <mrk mtype="seg"> of a Trados/Okapi segmented source or target, with their mid, in order."""
    found = []
    for mrk in element.iter():
        if local_name(mrk) == "mrk" and mrk.get("mtype") == "seg":
            found.append((mrk.get("mid") or str(len(found) + 1), mrk))
    return found


def _sdl_segments(unit) -> dict[str, str]:
    notes: dict[str, str] = {}
    for defs in unit:
        if local_name(defs) != "seg-defs":
            continue
        for seg in defs:
            parts = []
            if seg.get("conf"):
                parts.append(f"Trados: {seg.get('conf')}")
            if seg.get("origin"):
                parts.append(f"origin: {seg.get('origin')}")
            if seg.get("percent"):
                parts.append(f"match: {seg.get('percent')}%")
            if (seg.get("locked") or "").lower() == "true":
                parts.append("locked")
            notes[seg.get("id") or ""] = "; ".join(parts)
    return notes


def _subs(element) -> list:
    """The <sub> elements under the codes of `element`, in document order (not those nested in another <sub>)."""
    found: list = []

    def walk(node) -> None:
        for child in node:
            if local_name(child) == "sub":
                found.append(child)
            else:
                walk(child)

    if element is not None:
        walk(element)
    return found


def _text_nodes(element, code_tags: set[str]):
    if element.text and local_name(element) not in code_tags:
        yield element.text
    for child in element:
        name = local_name(child)
        if name not in code_tags and name != "sub":
            yield from _text_nodes(child, code_tags)
        if child.tail:
            yield child.tail


def _pieces(element, paired: set[str], placeholders: set[str], pieces: list, top: bool = False) -> None:
    name = local_name(element)
    if not top:
        if name == "cp":  # XLIFF 2: a character XML cannot carry
            try:
                char = chr(int(element.get("hex") or "", 16))
            except (ValueError, OverflowError):
                char = ""
            pieces.append(("text", "" if _XML_ILLEGAL.match(char or "a") else char))
            return
        if name in placeholders:
            pieces.append(("code", True))
            return
        if name in ("bpt", "ept", "bx", "ex", "sc", "ec", "sm", "em"):
            pieces.append(("code", False))
            return
        pieces.append(("code", False))  # g, pc, mrk, unknown markup: a boundary, then the text inside
    if element.text:
        pieces.append(("text", element.text))
    for child in element:
        if local_name(child) == "sub":
            pass  # sub text is read as its own unit
        else:
            _pieces(child, paired, placeholders, pieces)
        if child.tail:
            pieces.append(("text", child.tail))
    if not top:
        pieces.append(("code", False))
