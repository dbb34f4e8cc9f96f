"""Terminology and quality checks over aligned links; each finding is a `Flag`.

Checks, by kind:
- `term-garbled`: a span close to a glossary term without being one — a blend of two variants
  of a concept ("traite des êtres personnes"), a dropped or doubled word, a misspelt word —
  found by comparing word windows with every multiword term (one edit away, word by word).
- `forbidden-term`: a glossary term whose status is `forbidden`.
- `term-missing`: a French term whose concept has no term in the linked English.
- `term-inconsistent`: one French term rendered by different English terms in one document.
- `number-mismatch`, `date-mismatch`, `acronym-mismatch`: values that differ across a link.
- `omission`, `addition`: null links and links whose lengths disagree strongly.
- `untranslated`: French left in the English (glossary terms, language identification with
  lingua), and words the MT engine did not know.
- `typography`: two sentences run together without a space ("abuse.Yet").
- `boilerplate`: web furniture kept out of alignment.

Severities: `error` is a mistake to correct, `warning` something to look at, `info` context.
Flags on the machine translation are at most warnings: rough MT is expected to be rough, so it
is checked only for what helps the reviewer (forbidden or garbled terms, failed glossary
constraints, numbers, dates, words left untranslated).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

import polars as pl
import simplemma
from rapidfuzz.distance import OSA

from align.glossary import Entry, Glossary, TermMatch, Word, content_words, find_terms, fold, longest_matches, same_form, tokenize
from align.quantities import (
    FRENCH_NOTATION_IN_ENGLISH,
    find_dates,
    find_numbers,
    format_date,
    format_number,
    same_date,
    same_number,
    unmatched,
)
from align.segmentation import Segment

FLAG_COLUMNS = ("link", "side", "kind", "severity", "start", "end", "text", "message", "suggestion")
SEVERITIES = ("error", "warning", "info")
KINDS = (
    "term-garbled", "forbidden-term", "term-missing", "term-inconsistent", "number-mismatch", "date-mismatch",
    "acronym-mismatch", "omission", "addition", "untranslated", "typography", "boilerplate",
)
SUGGESTION_SEPARATOR = " | "
_FLAG_SCHEMA = {
    "link": pl.Int64, "side": pl.Utf8, "kind": pl.Utf8, "severity": pl.Utf8, "start": pl.Int64,
    "end": pl.Int64, "text": pl.Utf8, "message": pl.Utf8, "suggestion": pl.Utf8,
}
_SIDE_NAMES = {"fr": "the French", "mt": "the machine translation", "en": "the official English"}
_LANG_OF_SIDE = {"fr": "fr", "mt": "en", "en": "en"}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]

LENGTH_RATIO_LOW = 0.45
LENGTH_RATIO_HIGH = 2.2
LENGTH_MIN_CHARS = 80
"""English is usually 0.8–1.0 times as long as its French; a link below 0.45 or above 2.2
(with at least 80 characters on the longer side) has lost or gained a clause."""


@dataclass(frozen=True)
class Flag:
    """One finding: `start`/`end` are offsets in the text of `side` in link `link` (None for boilerplate)."""

    link: int | None
    side: str
    kind: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str = ""


def flags_frame(flags: list[Flag]) -> pl.DataFrame:
    """Flags as a polars frame with `FLAG_COLUMNS`, in link order (document-level flags last)."""
    ordered = sorted(flags, key=lambda flag: (flag.link is None, flag.link if flag.link is not None else 0))
    return pl.DataFrame([asdict(flag) for flag in ordered], schema=_FLAG_SCHEMA)


# --- the whole alignment ----------------------------------------------------------------------


@dataclass
class _Link:
    number: int
    texts: dict[str, str]
    status: str
    matches: dict[str, list[TermMatch]] = field(default_factory=dict)


def check_alignment(
    alignment: pl.DataFrame,
    glossary: Glossary,
    has_official: bool,
    *,
    mt_constrained: bool = False,
    mt_unknown_words: dict[int, Iterable[str]] | None = None,
) -> list[Flag]:
    """Run every check over an alignment frame (columns as in alignment.csv).

    `mt_constrained`: the MT was constrained by the glossary, so a French term whose English
    term is missing from the MT means the constraint failed (flagged); unconstrained MT is not
    checked for missing terms. `mt_unknown_words`: words the MT engine left untranslated, by link.
    """
    links = [
        _Link(row["link"], {side: row.get(side) or "" for side in ("fr", "mt", "en")}, row.get("status") or "auto")
        for row in alignment.iter_rows(named=True)
    ]
    sides = ("fr", "mt", "en") if has_official else ("fr", "mt")
    flags: list[Flag] = []
    for link in links:
        for side in sides:
            link.matches[side] = find_terms(link.texts[side], _LANG_OF_SIDE[side], glossary, max_gap=1) if link.texts[side] else []
    for position, link in enumerate(links):
        neighbours = links[max(0, position - 1):position] + links[position + 1:position + 2]
        for side in sides:
            if link.texts[side]:
                flags += _side_flags(link, side, glossary)
        length_flags = _length_flags(link) if has_official else []
        targets = (["en"] if has_official else []) + (["mt"] if link.texts["mt"] else [])
        for target in targets:
            if link.texts["fr"] and link.texts[target]:
                if not (target == "en" and length_flags):  # a shortened link already says part is missing
                    flags += _term_missing(link, target, glossary, neighbours, mt_constrained)
                flags += _number_flags(link, target, neighbours)
                flags += _date_flags(link, target, neighbours)
                flags += _acronym_flags(link, target, glossary, mt_constrained)
        if has_official:
            flags += length_flags
            if link.texts["en"]:
                flags += _untranslated_official(link, glossary)
        for word in (mt_unknown_words or {}).get(link.number, ()):
            flags += _unknown_word_flags(link, word)
    if has_official:
        flags += _inconsistency_flags(links, glossary)
        flags = _moved_content(flags, links)
    return _dedupe(flags)


def check_text(text: str, lang: str, glossary: Glossary, *, side: str | None = None, link: int | None = None) -> list[Flag]:
    """Single-text checks (garbled and forbidden terms) on one French or English text."""
    side = side or lang
    holder = _Link(link if link is not None else 0, {side: text}, "auto", {side: find_terms(text, _LANG_OF_SIDE[side], glossary, max_gap=1)})
    return _side_flags(holder, side, glossary)


def typography_flags(segments: list[Segment], alignment: pl.DataFrame, side: str) -> list[Flag]:
    """Sentences run together without a space ("abuse.Yet"), found between consecutive segments.

    `segments` are the alignable segments whose indices the alignment's `fr_ids`/`en_ids` use.
    The flag sits on the link holding the first sentence, over its last word.
    """
    ids_column = "fr_ids" if side == "fr" else "en_ids"
    place: dict[int, tuple[int, int]] = {}  # segment index -> (link, offset of the segment in the link's text)
    for row in alignment.iter_rows(named=True):
        offset = 0
        for index in row[ids_column] or []:
            place[index] = (row["link"], offset)
            offset += len(segments[index].text) + 1
    flags = []
    for index in range(len(segments) - 1):
        first, second = segments[index], segments[index + 1]
        if first.end != second.start or index not in place or not re.search(r"[a-zà-ÿ]{2}[.!?;]$", first.text):
            continue
        if not re.match(r"[A-ZÀ-Ý][a-zà-ÿ]", second.text):
            continue
        link, offset = place[index]
        last_word = re.search(r"[^\s]+$", first.text)
        start = offset + last_word.start()
        next_word = second.text.split()[0]
        flags.append(Flag(link, side, "typography", "warning", start, offset + len(first.text), last_word.group(0),
                          f"No space between “{last_word.group(0)}” and “{next_word}”: two sentences run together.",
                          f"{last_word.group(0)} {next_word}"))
    return flags


def boilerplate_flags(segments: list[Segment], side: str) -> list[Flag]:
    """Report web furniture that was kept out of alignment."""
    return [
        Flag(None, side, "boilerplate", "info", 0, len(segment.text), segment.text,
             "web page furniture, excluded from alignment")
        for segment in segments
        if not segment.alignable
    ]


def _dedupe(flags: list[Flag]) -> list[Flag]:
    seen = set()
    result = []
    for flag in flags:
        key = (flag.link, flag.side, flag.kind, flag.start, flag.end)
        if key not in seen:
            seen.add(key)
            result.append(flag)
    return result


def _concept_label(glossary: Glossary, concept: str) -> str:
    english = glossary.preferred(concept, "en")
    french = glossary.preferred(concept, "fr")
    if english and french:
        return f"“{french}” / “{english}”"
    return f"“{english or french or concept}”"


def _suggestions(terms: Iterable[str]) -> str:
    return SUGGESTION_SEPARATOR.join(dict.fromkeys(term for term in terms if term))


# --- one side: forbidden and garbled terms ------------------------------------------------------


def _side_flags(link: _Link, side: str, glossary: Glossary) -> list[Flag]:
    text = link.texts[side]
    lang = _LANG_OF_SIDE[side]
    on_mt = side == "mt"
    flags = []
    for match in longest_matches(link.matches[side]):
        if match.status != "forbidden":
            continue
        accepted = glossary.variants(match.concept, lang)
        note = glossary.note(match.concept, lang, match.entry)
        message = (f"“{match.term}” is a forbidden rendering of {_concept_label(glossary, match.concept)}"
                   + (f": {note}" if note else "") + (f"; write “{accepted[0]}”" if accepted else ""))
        flags.append(Flag(link.number, side, "forbidden-term", "warning" if on_mt else "error", match.start, match.end,
                          match.term, message, _suggestions(accepted[:3])))
    for garble in find_garbled(text, lang, glossary, matches=link.matches[side]):
        flags.append(Flag(link.number, side, "term-garbled", "warning" if on_mt else "error", garble.start, garble.end,
                          garble.text, garble.message, _suggestions(garble.suggestions)))
    return flags


@dataclass(frozen=True)
class Garble:
    """A span close to a glossary term: `suggestions` are the terms probably meant."""

    start: int
    end: int
    text: str
    suggestions: tuple[str, ...]
    message: str


def find_garbled(text: str, lang: str, glossary: Glossary, *, matches: list[TermMatch] | None = None) -> list[Garble]:
    """Spans of `text` one word-edit away from a multiword glossary term, or misspelt single terms.

    A window of words is compared with each multiword term; at one edit away it is garbled when
    the edit is a blend (the extra or substituted word belongs to another variant of the same
    concept), a doubled word, a dropped inner content word, or a misspelt word (unknown to the
    lemmatiser's dictionary, within one or two letters). Any other single edit is ordinary
    language ("traite des femmes", "traite transfrontalière des personnes") and is left alone, as
    is any window inside a real term occurrence.
    """
    if matches is None:
        matches = find_terms(text, lang, glossary, max_gap=1)
    words = content_words(text, lang)
    exact = [match for match in matches if not match.gap]
    exact_spans = [(match.start, match.end) for match in exact]
    found: list[tuple[int, int, Entry, str]] = []  # (first word, last word, entry, reason)
    candidates = _windows_by_entry(words, lang, glossary)
    for entry, positions in candidates.items():
        size = len(entry.words)
        needed = max(1, sum(not word.stop for word in entry.words) - 1)
        if len(positions) < needed:
            continue
        starts = {position - offset for position in positions for offset in range(size + 1)}
        for start in sorted(starts):
            for length in (size - 1, size, size + 1):
                stop = start + length
                if start < 0 or length < 2 or stop > len(words):
                    continue
                if sum(start <= position < stop for position in positions) < needed:
                    continue
                window = words[start:stop]
                if any(word.break_before for word in window[1:]):
                    continue
                outcome = _edit_reason(window, entry, glossary)
                if outcome is None:
                    continue
                reason, blend_word = outcome
                if blend_word is not None and any(m.start <= blend_word.start and blend_word.end <= m.end and m.concept != entry.concept
                                                  for m in exact):
                    continue  # the stray word belongs to a term of another concept: "human trafficking victims" is two terms
                span = (window[0].start, window[-1].end)
                if any(first <= span[0] and span[1] <= last for first, last in exact_spans):
                    continue
                if any(first < span[0] < last or first < span[1] < last for first, last in exact_spans):
                    continue  # the window cuts through a real term: a combination of terms, not a garble
                found.append((start, stop - 1, entry, reason))
                if blend_word is not None:  # the variant the stray word comes from is a suggestion too
                    source = _source_variant(blend_word, window, entry, glossary)
                    if source is not None:
                        found.append((start, stop - 1, source, reason))
    garbles = _merge_garbles(text, words, found, glossary, lang)
    garbles += _misspelt_single_terms(text, words, lang, glossary, [(g.start, g.end) for g in garbles] + exact_spans)
    return sorted(garbles, key=lambda garble: garble.start)


def _windows_by_entry(words: list[Word], lang: str, glossary: Glossary) -> dict[Entry, set[int]]:
    """Multiword entries with the text positions of words that are one of their words."""
    result: dict[Entry, set[int]] = {}
    for index, word in enumerate(words):
        if word.stop:
            continue
        for entry in glossary.containing(word, lang):
            result.setdefault(entry, set()).add(index)
    return result


def _source_variant(word: Word, window: list[Word], entry: Entry, glossary: Glossary) -> Entry | None:
    """The accepted variant of `entry`'s concept that `word` comes from (most words shared with the window, then shortest)."""
    candidates = [other for other in glossary.concept_entries(entry.concept, entry.lang)
                  if other is not entry and other.status != "forbidden" and any(same_form(word, t) for t in other.words)]
    if not candidates:
        return None

    def shared(other: Entry) -> int:
        return sum(any(same_form(w, t) for w in window) for t in other.words if not t.stop)

    return max(candidates, key=lambda other: (shared(other), -len(other.words), other.status == "preferred"))


def _edit_reason(window: list[Word], entry: Entry, glossary: Glossary) -> tuple[str, Word | None] | None:
    """Why `window` is a garbled form of `entry` (and the stray word of a blend), or None (identical, too far, or ordinary language)."""
    terms = entry.words
    equal = [[same_form(word, term_word) for term_word in terms] for word in window]
    vocabulary = glossary.vocabulary(entry.concept, entry.lang)
    own = {fold(term_word.lemma) for term_word in terms}
    # a blend keeps at least two content words of the term: one shared word is a neighbouring
    # phrase ("human beings" beside "human trafficking"), not a garbled term
    blend_possible = sum(1 for word in window if not word.stop and any(same_form(word, term_word) for term_word in terms)) >= 2
    if len(window) == len(terms):
        different = [index for index in range(len(terms)) if not equal[index][index]]
        if len(different) != 1:
            return None
        word, term_word = window[different[0]], terms[different[0]]
        if blend_possible and not word.stop and fold(word.lemma) in vocabulary - own:
            return f"“{word.text}” comes from another variant", word
        if _misspelt(word, term_word, entry.lang):
            return f"“{word.text}” looks like a misspelling of “{term_word.text}”", None
        return None
    if len(window) == len(terms) + 1:
        for extra in range(len(window)):
            rest = [index for index in range(len(window)) if index != extra]
            if all(equal[index][position] for position, index in enumerate(rest)):
                word = window[extra]
                neighbours = [window[index] for index in (extra - 1, extra + 1) if 0 <= index < len(window)]
                if any(word.surface == other.surface for other in neighbours):
                    return f"“{word.text}” is doubled", None
                if blend_possible and not word.stop and fold(word.lemma) in vocabulary - own:
                    return f"“{word.text}” comes from another variant", word
        return None
    if len(window) == len(terms) - 1:
        for missing in range(1, len(terms) - 1):
            rest = [position for position in range(len(terms)) if position != missing]
            if all(equal[index][position] for index, position in enumerate(rest)) and not terms[missing].stop and blend_possible:
                return f"“{terms[missing].text}” is missing", None
        return None
    return None


def _misspelt(word: Word, term_word: Word, lang: str) -> bool:
    """An unknown word within one edit (two for words of ten letters or more; a swap of two letters is one) of the
    term's word, with the same first letter (slips rarely hit it; "hestitation" is not "restitution")."""
    if word.stop or term_word.stop or len(word.surface) < 4 or not word.surface.isalpha():
        return False
    if fold(word.surface[0]) != fold(term_word.surface[0]) or simplemma.is_known(word.surface, lang):
        return False
    allowed = 1 if len(term_word.surface) < 10 else 2
    forms = {word.surface} | ({word.surface[:-1]} if word.surface[-1] in "sx" and term_word.surface[-1] not in "sx" else set())
    return any(OSA.distance(form, term_word.surface) <= allowed for form in forms)  # a misspelt plural of the term


def _merge_garbles(text: str, words: list[Word], found: list[tuple[int, int, Entry, str]], glossary: Glossary, lang: str) -> list[Garble]:
    """Overlapping windows become one span; its suggestions are every term it was close to."""
    groups: list[list[tuple[int, int, Entry, str]]] = []
    for item in sorted(found, key=lambda item: (item[0], item[1])):
        if groups and item[0] <= max(other[1] for other in groups[-1]):
            groups[-1].append(item)
        else:
            groups.append([item])
    garbles = []
    order = {"preferred": 0, "admitted": 1, "forbidden": 2}
    for group in groups:
        first, last = min(item[0] for item in group), max(item[1] for item in group)
        start, end = words[first].start, words[last].end
        rank = {id(entry): index for index, entry in enumerate(glossary.entries(lang))}
        entries = sorted({item[2] for item in group}, key=lambda entry: (order[entry.status], rank.get(id(entry), 0)))
        suggestions: list[str] = []
        seen_keys = set()
        for entry in entries:
            terms = [entry.term] if entry.status != "forbidden" else glossary.variants(entry.concept, lang)[:1]
            for term in terms:
                key = next((e.key for e in glossary.entries(lang) if e.term == term), (term,))
                if key not in seen_keys:
                    seen_keys.add(key)
                    suggestions.append(term)
        reasons = list(dict.fromkeys(item[3] for item in group))
        concept = entries[0].concept
        blend = any("another variant" in reason for reason in reasons)
        if len(suggestions) > 1:
            alternatives = ", ".join(f"“{s}”" for s in suggestions[:-1]) + f" or “{suggestions[-1]}”"
            what = "blends two forms of" if blend else "garbles"
            message = f"“{text[start:end]}” {what} the term {_concept_label(glossary, concept)}: write {alternatives}"
            if blend:
                reasons = [reason for reason in reasons if "another variant" not in reason]
        else:
            message = f"“{text[start:end]}” is a garbled form of “{suggestions[0]}”" if suggestions else "garbled term"
        garbles.append(Garble(start, end, text[start:end], tuple(suggestions), message + (f" ({'; '.join(reasons)})." if reasons else ".")))
    return garbles


def _misspelt_single_terms(text: str, words: list[Word], lang: str, glossary: Glossary, taken: list[tuple[int, int]]) -> list[Garble]:
    singles = [entry for entry in glossary.entries(lang) if len(entry.words) == 1 and not entry.is_acronym and len(entry.words[0].surface) >= 5]
    garbles = []
    for word in words:
        if word.text[:1].isupper() or any(first <= word.start < last for first, last in taken):
            continue
        for entry in singles:
            if _misspelt(word, entry.words[0], lang) and not same_form(word, entry.words[0]):
                accepted = [entry.term] if entry.status != "forbidden" else glossary.variants(entry.concept, lang)[:1]
                garbles.append(Garble(word.start, word.end, word.text, tuple(accepted),
                                      f"“{word.text}” looks like a misspelling of “{accepted[0] if accepted else entry.term}”."))
                break
    return garbles


# --- across a link: terms ---------------------------------------------------------------------


def _is_name(match: TermMatch) -> bool:
    """A capitalised multiword occurrence is part of a proper name ("Working Group on Trafficking in Persons")."""
    content = [word for word in tokenize(match.term, match.lang) if not word.stop]
    return len(content) >= 2 and all(word.text[:1].isupper() for word in content)


def _term_missing(link: _Link, target: str, glossary: Glossary, neighbours: list[_Link], mt_constrained: bool) -> list[Flag]:
    if target == "mt" and not mt_constrained:
        return []
    flags = []
    target_concepts = {match.concept for match in link.matches.get(target, [])}
    target_words = tokenize(link.texts[target], "en")
    target_stems = {word.stem for word in target_words} | {word.lemma for word in target_words}
    left_in_french = {m.concept for m in find_terms(link.texts[target], "fr", glossary) if m.type == "term" and " " in m.term}
    neighbour_concepts = {match.concept for other in neighbours for match in other.matches.get(target, [])}
    french_concepts = {match.concept for match in link.matches["fr"]}
    for match in longest_matches(link.matches["fr"]):
        if match.status == "forbidden" or match.type != "term" or (target == "mt" and match.gap):
            continue  # (the MT constraint covers exact matches only)
        accepted = glossary.variants(match.concept, "en")
        if not accepted or match.concept in target_concepts or match.concept in left_in_french:
            continue
        # a term of another concept of the same subject that the French does not have is what was written instead
        # ("victims" for "survivantes", "human smuggling" for "traite des personnes")
        others = [m for m in longest_matches(link.matches.get(target, [])) if m.concept not in french_concepts and m.type == "term"]
        same_subject = [m for m in others if glossary.subject(m.concept) and glossary.subject(m.concept) == glossary.subject(match.concept)]
        instead = same_subject if len(same_subject) == 1 else others if len(others) == 1 else []
        if not same_subject and any(all(word.stem in target_stems or word.lemma in target_stems for word in entry.words if not word.stop)
                                    for entry in glossary.concept_entries(match.concept, "en") if entry.status != "forbidden"):
            continue  # a related form is there ("réseaux de trafiquants" → "trafficking networks")
        if target == "en" and match.concept in neighbour_concepts and not same_subject:
            continue  # the rendering sits in the next link: an alignment matter, not a translation error
        message = f"The French has “{match.term}”, but {_SIDE_NAMES[target]} has no term for {_concept_label(glossary, match.concept)}"
        if target == "mt":
            message += " (the glossary constraint failed)"
        elif instead:
            message += f"; it says “{instead[0].term}” instead"
        elif len(same_subject) > 1:
            message += f"; it says {' or '.join(f'“{m.term}”' for m in same_subject)} instead"
        message += f": expected “{accepted[0]}”" + (f" or an accepted variant ({', '.join(accepted[1:4])})" if len(accepted) > 1 else "") + "."
        # a single ordinary word ("victime", "exploitation") is often paraphrased: context (info) unless a term of the
        # same subject stands in its place; a multiword term missing is worth a look (warning)
        paraphrasable = len(tokenize(match.entry or match.term, "fr")) == 1 and not same_subject
        severity = "info" if (link.status == "needs-review" and target == "en") or paraphrasable else "warning"
        if target == "en" and instead:
            start, end, text = instead[0].start, instead[0].end, instead[0].term
        else:
            start, end, text = 0, len(link.texts[target]), link.texts[target]
        flags.append(Flag(link.number, target, "term-missing", severity, start, end, text, message, _suggestions(accepted[:3])))
    return flags


def _inconsistency_flags(links: list[_Link], glossary: Glossary) -> list[Flag]:
    """The same French term rendered by different English terms in one document (names aside)."""
    renderings: dict[tuple[str, tuple[str, ...]], list[tuple[_Link, TermMatch, tuple[str, ...]]]] = {}
    entries = {(entry.concept, entry.term): entry for lang in ("fr", "en") for entry in glossary.entries(lang)}
    for link in links:
        english = [m for m in longest_matches(link.matches.get("en", [])) if m.status != "forbidden" and not _is_name(m)]
        for french in longest_matches(link.matches.get("fr", [])):
            if french.status == "forbidden" or french.type != "term":
                continue
            same = [m for m in english if m.concept == french.concept]
            if len(same) != 1:
                continue
            french_key = entries[(french.concept, french.entry)].key
            english_key = entries[(same[0].concept, same[0].entry)].key
            renderings.setdefault((french.concept, french_key), []).append((link, same[0], english_key))
    flags = []
    for (concept, _), uses in renderings.items():
        counts = Counter(key for _, _, key in uses)
        if len(counts) < 2:
            continue
        preferred = glossary.preferred(concept, "en")
        preferred_key = next((e.key for e in glossary.entries("en") if e.term == preferred), None)
        majority = max(counts, key=lambda key: (counts[key], key == preferred_key))
        majority_term = next(match.entry for _, match, key in uses if key == majority)
        for link, match, key in uses:
            if key == majority:
                continue
            message = (f"“{match.term}” renders the same French term that this document elsewhere renders as "
                       f"“{majority_term}” ({counts[majority]}×); keep one rendering.")
            flags.append(Flag(link.number, "en", "term-inconsistent", "warning", match.start, match.end, match.term, message, majority_term))
    return flags


# --- across a link: numbers, dates, acronyms ------------------------------------------------------


def _number_flags(link: _Link, target: str, neighbours: list[_Link]) -> list[Flag]:
    french = find_numbers(link.texts["fr"], "fr")
    english = find_numbers(link.texts[target], "en", lenient=target == "mt")
    missing, extra = unmatched(french, english, same_number)
    nearby_en = [value.value for other in neighbours for value in find_numbers(other.texts[target], "en", lenient=target == "mt")]
    nearby_fr = [value.value for other in neighbours for value in find_numbers(other.texts["fr"], "fr")]
    missing = [value for value in missing if not any(same_number(value.value, other) for other in nearby_en)]
    extra = [value for value in extra if not any(same_number(value.value, other) for other in nearby_fr)]
    flags = []
    pairs = list(zip(extra, missing)) if len(extra) == len(missing) == 1 else [
        pair for spelt in (False, True)
        for pair in zip([v for v in extra if v.spelt == spelt], [v for v in missing if v.spelt == spelt])]
    paired = {id(value) for pair in pairs for value in pair}
    for wrong, right in pairs:
        severity = "warning" if target == "mt" or (wrong.spelt and right.spelt) else "error"
        flags.append(Flag(link.number, target, "number-mismatch", severity, wrong.start, wrong.end, wrong.text,
                          f"{_capitalised(_SIDE_NAMES[target])} has {wrong.text} where the French has {right.text}.",
                          format_number(right.value)))
    # a number on one side only: a warning when written in digits, context (info) when spelt out ("these two")
    for value in missing:
        if id(value) not in paired:
            flags.append(Flag(link.number, "fr", "number-mismatch", "info" if value.spelt else "warning", value.start, value.end, value.text,
                              f"The French number {value.text} is not in {_SIDE_NAMES[target]}.", ""))
    for value in extra:
        if id(value) not in paired:
            flags.append(Flag(link.number, target, "number-mismatch", "info" if value.spelt else "warning", value.start, value.end, value.text,
                              f"{_capitalised(_SIDE_NAMES[target])} has the number {value.text}, which is not in the French.", ""))
    if target == "en":
        for found in FRENCH_NOTATION_IN_ENGLISH.finditer(link.texts["en"]):
            if any(flag.start <= found.start() < flag.end for flag in flags if flag.side == "en"):
                continue
            raw = found.group(0)
            fixed = raw.replace("\u00a0", ",").replace("\u202f", ",").replace(" ", ",") if re.search(r"\s", raw) else raw.replace(",", ".")
            flags.append(Flag(link.number, "en", "number-mismatch", "warning", found.start(), found.end(), raw,
                              f"“{raw}” is written in French notation; English writes “{fixed}”.", fixed))
    return flags


def _date_flags(link: _Link, target: str, neighbours: list[_Link]) -> list[Flag]:
    french = find_dates(link.texts["fr"], "fr")
    english = find_dates(link.texts[target], "en")
    missing, extra = unmatched(french, english, same_date)
    nearby_en = [value.value for other in neighbours for value in find_dates(other.texts[target], "en")]
    nearby_fr = [value.value for other in neighbours for value in find_dates(other.texts["fr"], "fr")]
    missing = [value for value in missing if not any(same_date(value.value, other) for other in nearby_en)]
    extra = [value for value in extra if not any(same_date(value.value, other) for other in nearby_fr)]
    flags = []
    cap = "warning" if target == "mt" else "error"
    for wrong, right in zip(extra, missing):
        suggestion = format_date(right.value, link.texts[target])
        flags.append(Flag(link.number, target, "date-mismatch", cap, wrong.start, wrong.end, wrong.text,
                          f"{_capitalised(_SIDE_NAMES[target])} dates this “{wrong.text}”; the French says “{right.text}”.", suggestion))
    for value in missing[len(extra):]:
        flags.append(Flag(link.number, "fr", "date-mismatch", "warning", value.start, value.end, value.text,
                          f"The French date “{value.text}” is not in {_SIDE_NAMES[target]}.", ""))
    for value in extra[len(missing):]:
        flags.append(Flag(link.number, target, "date-mismatch", "info", value.start, value.end, value.text,
                          f"{_capitalised(_SIDE_NAMES[target])} adds the date “{value.text}”, which the French does not give.", ""))
    return flags


_ACRONYM = re.compile(r"\b[A-ZÀ-Ý]{2,}s?\b")


def _acronym_flags(link: _Link, target: str, glossary: Glossary, mt_constrained: bool) -> list[Flag]:
    if target == "mt" and not mt_constrained:
        return []
    flags = []
    target_text = link.texts[target]
    target_acronyms = {found.group(0): found for found in _ACRONYM.finditer(target_text)}
    french_acronyms = {found.group(0) for found in _ACRONYM.finditer(link.texts["fr"])}
    target_concepts = {match.concept for match in link.matches.get(target, [])}
    for match in link.matches["fr"]:
        if match.type not in ("acronym", "abbreviation") or match.status == "forbidden":
            continue
        english = [entry.term for entry in glossary.concept_entries(match.concept, "en")
                   if entry.is_acronym and entry.status != "forbidden"]
        if not english or match.term in english:
            continue
        if any(term in target_acronyms for term in english):
            continue
        severity = "warning" if target == "mt" else "error"
        if match.term in target_acronyms:
            found = target_acronyms[match.term]
            flags.append(Flag(link.number, target, "acronym-mismatch", severity, found.start(), found.end(), found.group(0),
                              f"The French acronym “{match.term}” is left in {_SIDE_NAMES[target]}; the English acronym is “{english[0]}”.",
                              english[0]))
            continue
        strangers = [found for name, found in target_acronyms.items() if name not in french_acronyms and name not in english]
        if len(strangers) == 1 and match.concept not in target_concepts:
            found = strangers[0]
            flags.append(Flag(link.number, target, "acronym-mismatch", "warning", found.start(), found.end(), found.group(0),
                              f"The French “{match.term}” is “{english[0]}” in English, but {_SIDE_NAMES[target]} has “{found.group(0)}”.",
                              english[0]))
    return flags


# --- across a link: omissions, additions, untranslated text -----------------------------------------


def _length_flags(link: _Link) -> list[Flag]:
    french, english = link.texts["fr"], link.texts["en"]
    if not french and not english:
        return []
    if not english:
        return [Flag(link.number, "fr", "omission", "warning", 0, len(french), french,
                     "This French text has no counterpart in the official English: it was left out, or sits elsewhere.")]
    if not french:
        return [Flag(link.number, "en", "addition", "warning", 0, len(english), english,
                     "This English text has no counterpart in the French: it was added, or sits elsewhere.")]
    ratio = len(english) / len(french)
    if ratio < LENGTH_RATIO_LOW and len(french) >= LENGTH_MIN_CHARS:
        return [Flag(link.number, "en", "omission", "warning", 0, len(english), english,
                     f"The English is {ratio:.0%} as long as its French ({len(english)} vs {len(french)} characters): part may be missing.")]
    if ratio > LENGTH_RATIO_HIGH and len(english) >= LENGTH_MIN_CHARS:
        return [Flag(link.number, "en", "addition", "warning", 0, len(english), english,
                     f"The English is {ratio:.1f} times as long as its French ({len(english)} vs {len(french)} characters): part may be added.")]
    return []


def _content_lemmas(text: str, lang: str) -> set[str]:
    return {fold(word.lemma) for word in tokenize(text, lang) if not word.stop and len(word.surface) > 1}


MOVED_OVERLAP = 0.5


def _moved_content(flags: list[Flag], links: list[_Link]) -> list[Flag]:
    """An unmatched French text and an unmatched English text that say the same thing were moved, not lost.

    The French side is compared through its machine translation (and its names), word lemmas
    against word lemmas; half of the smaller set in common, and at least three words, is a move.
    """
    by_number = {link.number: link for link in links}
    omitted = [flag for flag in flags if flag.kind == "omission" and flag.side == "fr" and not by_number[flag.link].texts["en"]]
    added = [flag for flag in flags if flag.kind == "addition" and flag.side == "en" and not by_number[flag.link].texts["fr"]]
    replaced: dict[int, Flag] = {}
    for omission in omitted:
        french = by_number[omission.link].texts
        source = _content_lemmas(french["mt"], "en") | {fold(w.text) for w in tokenize(french["fr"], "fr") if w.text[:1].isupper()}
        for addition in added:
            if id(addition) in replaced:
                continue
            target = _content_lemmas(by_number[addition.link].texts["en"], "en")
            common = source & target
            if len(common) >= 3 and len(common) >= MOVED_OVERLAP * min(len(source), len(target)):
                replaced[id(omission)] = replace(omission, severity="info", message=(
                    f"This French text is not translated here; the official English has it elsewhere (link {addition.link}): moved, not lost."))
                replaced[id(addition)] = replace(addition, severity="info", message=(
                    f"This English text has no French counterpart here; it renders French text found elsewhere (link {omission.link})."))
                break
    return [replaced.get(id(flag), flag) for flag in flags]


_CLAUSE = re.compile(r"[^,;:()\[\]–—\"“”«»]+")
UNTRANSLATED_MIN_WORDS = 4
UNTRANSLATED_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _language_detector():
    """lingua's offline detector for the languages a French text's English may be mixed with."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN, Language.GERMAN,
    ).with_preloaded_language_models().build()


def french_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of an English text (at least four words) that lingua identifies as French."""
    from lingua import Language

    detector = _language_detector()
    spans = []
    for found in _CLAUSE.finditer(text):
        clause = found.group(0).strip()
        words = clause.split()
        if len(words) < UNTRANSLATED_MIN_WORDS or sum(word[:1].isupper() for word in words) > len(words) / 2:
            continue
        french_only = sum(1 for word in re.findall(r"[^\W\d_]+", clause)
                          if word.islower() and simplemma.is_known(word, "fr") and not simplemma.is_known(word, "en"))
        if french_only < 2:
            continue  # names and loanwords ("neither Cuvier nor Lacépède") are not French sentences
        confidences = detector.compute_language_confidence_values(clause)
        top = confidences[0]
        if top.language == Language.FRENCH and top.value >= UNTRANSLATED_CONFIDENCE:
            start = found.start() + found.group(0).index(clause)
            spans.append((start, start + len(clause)))
    return spans


def _untranslated_official(link: _Link, glossary: Glossary) -> list[Flag]:
    english = link.texts["en"]
    flags = []
    covered: list[tuple[int, int]] = []
    for match in longest_matches(find_terms(english, "fr", glossary)):
        if match.type != "term" or len(tokenize(match.term, "fr")) < 2:
            continue
        if find_terms(match.term, "en", glossary):
            continue  # spelt the same in English
        accepted = glossary.variants(match.concept, "en")
        flags.append(Flag(link.number, "en", "untranslated", "error", match.start, match.end, match.term,
                          f"“{match.term}” is French left in the English.", _suggestions(accepted[:3])))
        covered.append((match.start, match.end))
    for start, end in french_spans(english):
        if any(first < end and start < last for first, last in covered):
            continue
        flags.append(Flag(link.number, "en", "untranslated", "error", start, end, english[start:end],
                          "This passage of the English is in French: it was left untranslated.", ""))
    return flags


def _unknown_word_flags(link: _Link, word: str) -> list[Flag]:
    if len(word) < 3 or word[:1].isupper():
        return []  # names and initials are rightly left as they are
    mt = link.texts["mt"]
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", mt)
    if not found:
        return []
    return [Flag(link.number, "mt", "untranslated", "info", found.start(), found.end(), word,
                 f"The machine translation engine did not know “{word}” and left it as is.", "")]
