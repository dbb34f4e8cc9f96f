"""Finding glossary terms in a text: every inflected form of every term (`find_terms`), and the longest that do not overlap.

Words are compared by their forms (`align.terms.words`): case, apostrophes, elision, articles, plural and gender do not
hide a term; acronyms match as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.io.reading import normalise_for_matching
from align.terms.glossary import STATUSES, Entry, Glossary
from align.terms.words import Word, content_words, fold, same_form


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a text.

    `term` is the text as written, `start`/`end` its offsets in the original text, `entry` the
    glossary term it matched, `gap` whether a word stands inside it ("traite transfrontalière
    des personnes").
    """

    concept: str
    lang: str
    term: str
    status: str
    start: int
    end: int
    entry: str = ""
    type: str = "term"
    gap: bool = False


MATCHED_TEXTS = 20_000
"""How many texts keep their glossary matches, per glossary (a few hundred bytes a text)."""


def _acronym_equal(word: Word, term_word: Word) -> bool:
    # (an English plural, "MEPs", "NGOs", is the acronym)
    written, listed = normalise_for_matching(word.text), normalise_for_matching(term_word.text)
    return written == listed or (written == listed + "s" and listed.isupper())


def find_terms(text: str, lang: str, glossary: Glossary, *, max_gap: int = 0) -> list[TermMatch]:
    """Find glossary terms of `lang` in `text`, in any inflected form.

    Case, apostrophes, non-breaking spaces, elision, articles, plural and gender are ignored;
    missing accents are tolerated; acronyms match case-sensitively. With `max_gap=1` (what the
    checks use) a multiword term may hold one extra content word ("traite transfrontalière des
    personnes"; never across punctuation, never a word of another variant of the same concept,
    which would be a blend); such matches have `gap=True`. The default is exact, because a
    caller that replaces the matched span (glossary-constrained MT) would drop the extra word.
    Offsets are offsets in `text`.
    Every match is returned, overlapping ones included, sorted by start then longest first;
    `longest_matches` keeps the longest non-overlapping ones.
    """
    recent = glossary._recent_matches
    key = (text, lang, max_gap)
    found = recent.get(key)
    if found is None:
        if len(recent) >= MATCHED_TEXTS:
            del recent[next(iter(recent))]
        found = recent[key] = _find_terms(text, lang, glossary, max_gap)
    return list(found)


def _find_terms(text: str, lang: str, glossary: Glossary, max_gap: int) -> tuple[TermMatch, ...]:
    words = tuple(content_words(text, lang))
    matches: list[TermMatch] = []
    for index, word in enumerate(words):
        for entry in glossary.first_word_candidates(word, lang):
            end = _match_at(words, index, entry, glossary, max_gap)
            if end is None:
                continue
            last, gap = end
            if entry.status == "forbidden" and _accepted_form(words[index:last + 1], entry, glossary):
                continue
            start, stop = words[index].start, words[last].end
            matches.append(TermMatch(entry.concept, lang, text[start:stop], entry.status, start, stop, entry.term, entry.type, gap))
    unique = {(match.concept, match.entry, match.start, match.end): match for match in matches}
    return tuple(sorted(unique.values(), key=lambda match: (match.start, -match.end, STATUSES.index(match.status))))


def _accepted_form(written: tuple[Word, ...], forbidden: Entry, glossary: Glossary) -> bool:
    """Whether text words matching a forbidden entry are those of an accepted variant that differs from it only by inflection
    (« travail forcë », a slip in « travail forcé », is not the forbidden « travaux forcés »): a forbidden form is its own word
    forms, so where the two entries' words differ the text must have the forbidden one's."""
    for accepted in glossary.concept_entries(forbidden.concept, forbidden.lang):
        if accepted.status == "forbidden" or not len(accepted.words) == len(forbidden.words) == len(written):
            continue
        pairs = list(zip(written, forbidden.words, accepted.words))
        if all(own.lemma == other.lemma or own.stem == other.stem for _, own, other in pairs) and any(
                own.surface != other.surface and text.surface == other.surface for text, own, other in pairs):
            return True
    return False


def _match_at(words: tuple[Word, ...], index: int, entry: Entry, glossary: Glossary, max_gap: int) -> tuple[int, bool] | None:
    """Index of the last text word if `entry` matches from `words[index]`, and whether a gap was used."""
    if entry.is_acronym:
        if len(entry.words) == 1:
            return (index, False) if _acronym_equal(words[index], entry.words[0]) else None
        equal = _acronym_equal
    else:
        equal = same_form
    if not equal(words[index], entry.words[0]):
        return None
    position = index
    gaps = 0
    for term_word in entry.words[1:]:
        position += 1
        if position >= len(words) or words[position].break_before and not term_word.break_before:
            return None  # (a comma the term has too, as in a title's list of verbs, is part of it)
        if equal(words[position], term_word):
            continue
        # one extra content word may stand inside a multiword term ("traite transfrontalière des personnes")
        gap_word = words[position]
        if (gaps < max_gap and not entry.is_acronym and not gap_word.stop and gap_word.surface.isalpha()
                and fold(gap_word.lemma) not in glossary.vocabulary(entry.concept, entry.lang)
                and position + 1 < len(words) and not words[position + 1].break_before
                and equal(words[position + 1], term_word)):
            gaps += 1
            position += 1
            continue
        return None
    return position, gaps > 0


def longest_matches(matches: list[TermMatch]) -> list[TermMatch]:
    """The longest matches that do not overlap (earlier and exact ones win ties; of two entries on one span, the one written as the
    text writes it: « travaux forcés » is the forbidden entry, not a plural of « travail forcé »)."""
    chosen: list[TermMatch] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.gap, m.start, m.term.lower() != m.entry.lower(), STATUSES.index(m.status))):
        if all(match.end <= other.start or match.start >= other.end for other in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda match: match.start)
