"""Glossary-constrained translation: protect French glossary terms with numeric placeholders an engine copies, then put the English back.

`prepare` also protects the domain lexicon's forms (`align.mt.lexicon`, Apertium only) and applies the rendering fixes of
`RenderingOptions` (measured on the eval/ corpus, `python -m bench translate --set real`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from align.io.reading import normalise_for_matching
from align.mt.lexicon import LEXICON_STATUS, Lexicon, lexicon_candidates, lexicon_matches
from align.mt.postedit import POSTEDITS
from align.terms.glossary import Glossary
from align.terms.matching import TermMatch, find_terms
from align.terms.words import content_words

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
    drop_the: set[str] = field(default_factory=set)  # tokens of uncountable renderings: an English "the" right before them goes

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

@dataclass(frozen=True)
class RenderingOptions:
    """Fixes of the glossary renderings, each measured separately on the eval/ corpus.

    `coverage`: among overlapping glossary/lexicon matches keep the set covering the most French characters, not the
    longest match first (« victimes de la traite des personnes »: "victims of trafficking in persons", not "victims of
    the people"). `plural`: a plural French term of a countable concept gets a plural English rendering ("the
    traffickers", not "the trafficker"). `article`: the engine's "the" right before the rendering of an uncountable
    concept is dropped ("Trafficking in persons is…"). The French article stays in the engine's input: without it
    Apertium takes the placeholder for a non-subject and adds a pronoun ("Trafficking in persons it is").
    `postedits`: the names of the English post-edits of `align.mt.postedit` to apply (all by default).
    """

    coverage: bool = True
    plural: bool = True
    article: bool = True
    postedits: tuple[str, ...] = tuple(rule.name for rule in POSTEDITS)


NO_FIXES = RenderingOptions(False, False, False, ())
ALL_FIXES = RenderingOptions()
COUNTABLE_SUBJECTS = frozenset({"actors", "victims"})
COUNTABLE_CONCEPTS = frozenset({
    "migrant-worker", "domestic-worker", "labour-inspector", "scam-centre", "shelter", "residence-permit",
    "international-organization", "major-events", "national-rapporteur", "supply-chain", "partnership", "online-scam",
    "national-mechanism", "forced-marriage", "conviction", "prosecution", "criminal-network", "trafficking-network",
})
UNCOUNTABLE_ACTORS = frozenset({"law-enforcement", "civil-society", "private-sector"})
MASS_SUBJECTS = frozenset({"crime", "purpose", "means", "acts"})
MASS_CONCEPTS = frozenset({
    "decent-work", "fair-recruitment", "labour-migration", "temporary-labour-migration", "temporary-migration",
    "irregular-migration", "impunity", "labour-inspection", "worker-empowerment", "due-diligence", "anti-trafficking",
    "prevention-of-trafficking", "protection-of-victims", "victim-identification", "victim-assistance", "victim-referral",
})
NOT_MASS = frozenset({"scam-centre", "online-scam", "sale-of-children", "worst-forms-of-child-labour"})
_PREPOSITION = re.compile(r"\s(?:of|in|for|to|on|against)\s")
_IRREGULAR_PLURALS = {"child": "children", "man": "men", "woman": "women", "person": "persons"}


def _countable(glossary: Glossary, concept: str) -> bool:
    return concept in COUNTABLE_CONCEPTS or (glossary.subject(concept) in COUNTABLE_SUBJECTS and concept not in UNCOUNTABLE_ACTORS)


def _mass(glossary: Glossary, concept: str) -> bool:
    return concept in MASS_CONCEPTS or (glossary.subject(concept) in MASS_SUBJECTS and concept not in NOT_MASS)


def french_plural(term: str) -> bool:
    """The head (first content word) of a French term is plural: « personnes rescapées », « trafiquants »."""
    words = [word for word in content_words(term, "fr") if not word.stop]
    if not words:
        return False
    head = words[0]
    return head.surface.lower().endswith(("s", "x")) and head.lemma.lower() != head.surface.lower()


def pluralise(english: str) -> str:
    """Plural of an English term: its head (last word before of/in/for/to/on/against, else the last word)."""
    found = _PREPOSITION.search(english)
    head_end = found.start() if found else len(english)
    head_start = english.rfind(" ", 0, head_end) + 1
    head = english[head_start:head_end]
    if not head.isalpha() or head.isupper() or head.endswith("s"):
        return english
    if head.lower() in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[head.lower()]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        plural = head[:-1] + "ies"
    elif head.endswith(("x", "z", "ch", "sh")):
        plural = head + "es"
    else:
        plural = head + "s"
    return english[:head_start] + plural + english[head_end:]


@dataclass(frozen=True)
class _Span:
    """A protected French span, its English, and whether an English "the" before it is dropped."""

    start: int
    end: int
    match: TermMatch
    rendering: str
    drop_the: bool = False


def _glossary_candidates(segment: str, glossary: Glossary | None) -> list[tuple[TermMatch, str]]:
    if glossary is None:
        return []
    found = []
    for match in find_terms(segment, "fr", glossary):
        if match.status in CONSTRAINED_STATUSES and match.end > match.start and not match.gap:
            rendering = english_rendering(glossary, match)
            if rendering:
                found.append((match, rendering))
    return found


def _glossary_span(glossary: Glossary, match: TermMatch, rendering: str, options: RenderingOptions) -> _Span:
    if options.plural and match.type == "term" and _countable(glossary, match.concept) and french_plural(match.term):
        rendering = pluralise(rendering)
    return _Span(match.start, match.end, match, rendering, options.article and match.type == "term" and _mass(glossary, match.concept))


def _lexicon_span(match: TermMatch, rendering: str, lexicon: Lexicon, options: RenderingOptions) -> _Span:
    return _Span(match.start, match.end, match, rendering, options.article and lexicon.kind_of(match.entry) == "mass")


def _best_cover(spans: list[_Span]) -> list[_Span]:
    """Non-overlapping spans covering the most French characters (weighted-interval DP; ties: lexicon forms, then fewer spans)."""
    ordered = sorted(spans, key=lambda span: (span.end, span.start))
    best: list[tuple[tuple[int, int, int], list[_Span]]] = [((0, 0, 0), [])]  # best[i]: over the first i spans
    for index, span in enumerate(ordered):
        previous = max((i for i in range(index + 1) if i == 0 or ordered[i - 1].end <= span.start), default=0)
        (covered, lexicon, count), chosen = best[previous]
        take = ((covered + span.end - span.start, lexicon + int(span.match.status == LEXICON_STATUS), count - 1), chosen + [span])
        best.append(max(best[index], take, key=lambda item: item[0]))
    return sorted(best[-1][1], key=lambda span: span.start)


def _cuts(form: _Span, term: _Span) -> bool:
    """Whether `form` overlaps `term` without holding it whole or lying inside it."""
    overlap = form.start < term.end and term.start < form.end
    return overlap and not (form.start <= term.start and term.end <= form.end) and not (term.start <= form.start and form.end <= term.end)


def _tails(segment: str, spans: list[_Span]) -> list[_Span]:
    """The rest of each glossary term that begins with the last word of a longer one (« prévention de la traite » and « traite d'êtres
    humains »), when the two renderings share that word too ("prevention of trafficking", "trafficking in human beings"): that rest
    rendered on its own (« d'êtres humains »: "in human beings"), so that the first term no longer leaves it to the engine
    ("prevention of trafficking of human beings")."""
    tails = []
    for first in spans:
        for second in spans:
            if (not first.start < second.start < first.end < second.end or LEXICON_STATUS in (first.match.status, second.match.status)
                    or first.end - first.start < second.end - second.start):
                continue  # (the longer of the two is taken whole anyway)
            last_word, (first_word, _, rest) = first.rendering.split()[-1].lower(), second.rendering.partition(" ")
            if rest and first_word.lower().rstrip("s") == last_word.rstrip("s"):
                start = first.end + len(segment[first.end:second.end]) - len(segment[first.end:second.end].lstrip())
                tails.append(_Span(start, second.end, second.match, rest))
    return tails


def _select_spans(segment: str, glossary: Glossary | None, lexicon: Lexicon | None, options: RenderingOptions, offset: int, stop: int) -> list[_Span]:
    def inside(span: _Span) -> bool:
        return span.start >= offset and span.end <= stop

    if options.coverage:
        spans = [_glossary_span(glossary, m, r, options) for m, r in _glossary_candidates(segment, glossary)]
        forms = [_lexicon_span(m, r, lexicon, options) for m, r in (lexicon_candidates(segment, lexicon) if lexicon else [])]
        # a lexicon form that cuts through a glossary term ends it too early (« en matière de traite » inside « … de traite des
        # personnes »: "on trafficking of people"): the term is protected whole, the form only where it holds whole terms
        spans += [form for form in forms if not any(_cuts(form, span) for span in spans)]
        spans += _tails(segment, spans)
        return _best_cover([span for span in spans if inside(span)])
    # longest glossary terms first; a lexicon form covering glossary terms replaces them
    spans = [s for s in (_glossary_span(glossary, m, r, options) for m, r in _constraints(segment, glossary)) if inside(s)]
    for match, rendering in (lexicon_matches(segment, lexicon) if lexicon else []):
        span = _lexicon_span(match, rendering, lexicon, options)
        if not inside(span):
            continue
        overlapping = [s for s in spans if s.start < span.end and span.start < s.end]
        if all(span.start <= s.start and s.end <= span.end for s in overlapping):
            spans = [s for s in spans if s not in overlapping] + [span]
    return sorted(spans, key=lambda span: span.start)


def prepare(segment: str, glossary: Glossary | None, lexicon: Lexicon | None = None, options: RenderingOptions = ALL_FIXES) -> _Prepared:
    """Split off the decoration, protect glossary terms and lexicon forms with placeholders, normalise: what the engine will see (`.source`).

    `prepare(segment, glossary, None, NO_FIXES)` is the former glossary-only, longest-first behaviour."""
    lead, core, trail = _split_decoration(segment)
    if not _LETTER.search(core):
        return _Prepared(segment, "", "", [])
    offset, stop = len(lead), len(lead) + len(core)
    spans = _select_spans(segment, glossary, lexicon, options, offset, stop)
    number = 701
    while any(str(n) in segment for n in range(number, number + len(spans))):
        number += 100
    placeholders, pieces, drop_the, position = [], [], set(), offset
    for index, span in enumerate(spans):
        token = str(number + index)
        before = " " if span.start > 0 and segment[span.start - 1].isalnum() else ""
        after = " " if span.end < len(segment) and segment[span.end].isalnum() else ""
        pieces += [segment[position:span.start], f"{before}{token}{after}"]
        placeholders.append(_Placeholder(token, span.match, span.rendering))
        if span.drop_the:
            drop_the.add(token)
        position = span.end
    pieces.append(segment[position:stop])
    return _Prepared(lead, trail, normalise_source("".join(pieces)), placeholders, drop_the)


def prepare_segment(segment: str, glossary: Glossary | None) -> _Prepared:
    """Glossary terms only, longest first, no rendering fixes."""
    return prepare(segment, glossary, None, NO_FIXES)


def drop_articles(text: str, tokens: set[str]) -> str:
    """Remove the English "the" right before the placeholders in `tokens` (raw engine output, placeholders still in)."""
    for token in tokens:
        text = re.sub(rf"(?<![\w-])[Tt]he\s+(?={token}(?!\d))", "", text)
    return text


def drop_trailing_the(piece: str) -> str:
    """A translated piece that ends with "the" before an uncountable rendering (the piecewise fallback)."""
    return re.sub(r"(?:^|\s)[Tt]he\s*$", "", piece)


def is_lexicon(match: TermMatch) -> bool:
    return match.status == LEXICON_STATUS


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
