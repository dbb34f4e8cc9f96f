"""Glossary-constrained translation: protect French glossary terms with numeric placeholders an engine copies, then put the English back."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from align.io.reading import normalise_for_matching
from align.terms.glossary import Glossary, TermMatch, find_terms

CONSTRAINED_STATUSES = ("preferred", "admitted")

_LEAD = re.compile(
    r"^\s*(?:[•◦▪●·‣∙○■□*\-–—]\s+|(?:\d{1,3}|[a-z]|[IVX]{1,5}|[ivx]{1,5})[.)]\s+|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)\s+)?"
)

_OPEN_QUOTE = re.compile(r"^[«\"“„‘‹]\s*")

_CLOSE_QUOTE = re.compile(r"\s*[»\"”“’›][.!?…]*\s*$")

_LETTER = re.compile(r"[^\W\d_]")

_SPACE = re.compile(r"\s+")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

def normalise_source(text: str) -> str:
    """The text an engine sees and the cache is keyed by: NFC, plain apostrophes and spaces, one line."""

    text = normalise_for_matching(unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()

@dataclass
class _Placeholder:
    token: str
    match: TermMatch
    rendering: str

@dataclass
class _Prepared:
    lead: str
    trail: str
    source: str  # normalised protected core; "" when there is nothing to translate
    placeholders: list[_Placeholder]

def _split_decoration(segment: str) -> tuple[str, str, str]:
    """(leading bullet/number/quote, core, closing quote) — quotes only when the segment is quoted as a whole."""
    lead = _LEAD.match(segment).group(0)
    rest = segment[len(lead):]
    opening = _OPEN_QUOTE.match(rest)
    closing = _CLOSE_QUOTE.search(rest)
    if opening and closing and closing.start() > opening.end():
        return lead + opening.group(0), rest[opening.end():closing.start()], rest[closing.start():]
    return lead, rest, ""

def english_rendering(glossary: Glossary, match: TermMatch) -> str | None:
    """The English the engine must write for a French glossary match.

    An acronym renders as the concept's English acronym (SLNA → NALS), a short form of the
    French preferred term as the matching short form of the English one ("Groupe de travail
    trilatéral" → "Trilateral Working Group"); anything else as the English preferred term.
    """
    preferred = glossary.preferred(match.concept, "en")
    english = [entry for entry in glossary.concept_entries(match.concept, "en") if entry.status in CONSTRAINED_STATUSES]
    english.sort(key=lambda entry: entry.status != "preferred")
    if match.type == "acronym":
        acronyms = [entry.term for entry in english if entry.type == "acronym"]
        return acronyms[0] if acronyms else preferred
    french_preferred = glossary.preferred(match.concept, "fr") or ""
    entry = (match.entry or match.term).lower()
    if preferred and match.status == "admitted" and len(entry) < len(french_preferred) and french_preferred.lower().startswith(entry):
        short_forms = [candidate.term for candidate in english
                       if candidate.type != "acronym" and candidate.term != preferred and preferred.lower().startswith(candidate.term.lower())]
        if short_forms:
            return max(short_forms, key=len)
    return preferred

def _constraints(segment: str, glossary: Glossary | None) -> list[tuple[TermMatch, str]]:
    """Longest non-overlapping preferred/admitted French glossary terms with an English preferred term, by position."""
    if glossary is None:
        return []

    candidates = []
    for match in find_terms(segment, "fr", glossary):
        # a match with a word inside it ("traite transfrontalière des personnes") is left to the engine: protecting it would drop that word
        if match.status in CONSTRAINED_STATUSES and match.end > match.start and not match.gap:
            rendering = english_rendering(glossary, match)
            if rendering:
                candidates.append((match, rendering))
    chosen: list[tuple[TermMatch, str]] = []
    for match, rendering in sorted(candidates, key=lambda item: (-(item[0].end - item[0].start), item[0].start)):
        if all(match.end <= other.start or match.start >= other.end for other, _ in chosen):
            chosen.append((match, rendering))
    return sorted(chosen, key=lambda item: item[0].start)

def prepare_segment(segment: str, glossary: Glossary | None) -> _Prepared:
    """Split off the decoration, protect glossary terms with placeholders, normalise: what the engine will see (`.source`)."""
    lead, core, trail = _split_decoration(segment)
    if not _LETTER.search(core):
        return _Prepared(segment, "", "", [])
    offset = len(lead)
    matches = [(m, r) for m, r in _constraints(segment, glossary) if m.start >= offset and m.end <= offset + len(core)]
    number = 701
    while any(str(n) in segment for n in range(number, number + len(matches))):
        number += 100
    placeholders = []
    pieces = []
    position = offset
    for index, (match, rendering) in enumerate(matches):
        token = str(number + index)
        before = " " if match.start > 0 and segment[match.start - 1].isalnum() else ""
        after = " " if match.end < len(segment) and segment[match.end].isalnum() else ""
        pieces += [segment[position:match.start], f"{before}{token}{after}"]
        placeholders.append(_Placeholder(token, match, rendering))
        position = match.end
    pieces.append(segment[position:offset + len(core)])
    return _Prepared(lead, trail, normalise_source("".join(pieces)), placeholders)

def _token_pattern(token: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d){token}(?!\d)")

def _restore(text: str, placeholders: list[_Placeholder], at_start: bool) -> tuple[str, list[tuple[_Placeholder, int, int]]] | None:
    """Replace each placeholder by its rendering; None when one is missing or repeated."""
    if not placeholders:
        return text, []
    found = []
    for placeholder in placeholders:
        hits = list(_token_pattern(placeholder.token).finditer(text))
        if len(hits) != 1:
            return None
        found.append((hits[0].start(), hits[0].end(), placeholder))
    out, spans, position = [], [], 0
    for start, end, placeholder in sorted(found, key=lambda item: item[0]):
        out.append(text[position:start])
        rendering = placeholder.rendering
        if at_start and start == 0:
            rendering = rendering[:1].upper() + rendering[1:]
        begin = sum(len(part) for part in out)
        out.append(rendering)
        spans.append((placeholder, begin, begin + len(rendering)))
        position = end
    out.append(text[position:])
    return "".join(out), spans

def _pieces(prepared: _Prepared) -> list[str]:
    """The protected source split at the placeholders (empty strings where two placeholders touch)."""
    if not prepared.placeholders:
        return [prepared.source]
    pattern = re.compile("|".join(rf"(?<!\d){p.token}(?!\d)" for p in prepared.placeholders))
    return [piece.strip() for piece in pattern.split(prepared.source)]

def _join_pieces(translated: list[str], placeholders: list[_Placeholder]) -> tuple[str, list[tuple[_Placeholder, int, int]]]:
    """Interleave translated pieces and glossary renderings, recording where each rendering lands."""
    text, spans = "", []
    for index, piece in enumerate(translated):
        if piece:
            text += ("" if not text or piece[0] in ",.;:!?)]" else " ") + piece
        if index < len(placeholders):
            rendering = placeholders[index].rendering
            if not text:
                rendering = rendering[:1].upper() + rendering[1:]
            elif not text.endswith(("'", "(", "[")):
                text += " "
            spans.append((placeholders[index], len(text), len(text) + len(rendering)))
            text += rendering
    return text, spans
