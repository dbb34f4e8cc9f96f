"""The near-miss matcher: spans one word-edit away from a glossary term (blends, dropped or doubled words, misspellings)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from align.terms.glossary import Entry, Glossary, concept_label, per_glossary
from align.terms.matching import TermMatch, find_terms
from align.terms.words import STOPWORDS, Word, content_words, fold, is_known, same_form, word_keys


@dataclass(frozen=True)
class Garble:
    """A span close to a glossary term: `suggestions` are the terms probably meant."""

    start: int
    end: int
    text: str
    suggestions: tuple[str, ...]
    message: str


_GARBLED: dict[int, tuple[Glossary, dict[tuple, tuple[Garble, ...]]]] = {}
GARBLED_TEXTS = 20_000
"""How many texts keep their near misses per glossary: a TMX repeats its sentences (headings, boilerplate, recurring phrases),
and the grammar check reads a text's near misses again; about 1 KB a text."""


def find_garbled(text: str, lang: str, glossary: Glossary, *, matches: list[TermMatch] | None = None) -> list[Garble]:
    """Spans of `text` one word-edit away from a multiword glossary term, or misspelt single terms (found once per text,
    its language and its glossary matches; see `_find_garbled`)."""
    by_text = per_glossary(_GARBLED, glossary, dict)
    key = (text, lang, None if matches is None else tuple(matches))
    found = by_text.get(key)
    if found is None:
        if len(by_text) >= GARBLED_TEXTS:
            del by_text[next(iter(by_text))]
        found = by_text[key] = tuple(_find_garbled(text, lang, glossary, matches=matches))
    return list(found)


def _find_garbled(text: str, lang: str, glossary: Glossary, *, matches: list[TermMatch] | None = None) -> list[Garble]:
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
    # a term found with one extra word inside ("trafficking for the purpose of labour exploitation") is there: a window
    # inside it is a piece of it, not a garble of another variant of its concept
    gapped = [(match.start, match.end, match.concept) for match in matches if match.gap]
    exact_spans = [(match.start, match.end) for match in exact]
    found: list[tuple[int, int, Entry, str]] = []  # (first word, last word, entry, reason)
    candidates = _windows_by_entry(words, lang, glossary)
    breaks_before = [0]  # breaks_before[i]: words before i that follow a punctuation break (a window may not hold one)
    for word in words:
        breaks_before.append(breaks_before[-1] + word.break_before)
    # for the windows' tests against real term occurrences: reach[i] is the furthest end of an occurrence starting at or before
    # word i (a window from i ending before it lies inside one); starts_inside/ends_inside: word i starts/ends strictly inside one
    if exact_spans:
        reach = _furthest_ends(exact_spans, [word.start for word in words], inclusive=True)
        starts_inside = [end > word.start for end, word in zip(_furthest_ends(exact_spans, [word.start for word in words]), words)]
        ends_inside = [end > word.end for end, word in zip(_furthest_ends(exact_spans, [word.end for word in words]), words)]
    # what may make a word the odd word of a garble (a superset of what `_edit_reason` accepts): doubled, or unknown to the
    # lemmatiser (a misspelling, which also needs the initial of the term's word unless it is a first-letter slip in a word
    # of five letters or more: see `_misspelt`), a word of another variant (a blend), or
    # another preposition than the term's; indexed here, then looked up with each entry's facts
    surfaces = [word.surface for word in words]
    doubled = [index for index, surface in enumerate(surfaces)
               if (index and surfaces[index - 1] == surface) or surfaces[index + 1:index + 2] == [surface]]
    unknown_by_initial: dict[str, list[int]] = {}
    unknown_long: list[int] = []  # may be a first-letter slip of any term word
    by_lemma: dict[str, list[int]] = {}
    prepositions_at: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        if not word.stop:
            by_lemma.setdefault(word.folded[1], []).append(index)
            if len(word.surface) >= 4 and word.surface.isalpha() and not is_known(word.surface, lang):
                unknown_by_initial.setdefault(fold(word.surface[0]), []).append(index)
                if len(word.surface) >= 5:
                    unknown_long.append(index)
            elif len(word.surface) >= 4 and word.surface.isalpha() and _rare(word.surface.lower(), lang):
                unknown_by_initial.setdefault(fold(word.surface[0]), []).append(index)  # a slip that made a rare word (`_misspelt`)
        if word.surface in _PREPOSITIONS[lang]:
            prepositions_at.setdefault(word.surface, []).append(index)
    odd_in_any_term = set(doubled) | set(unknown_long)
    known_forms = _known_forms(glossary)
    word_forms = [(word.surface, word.lemma, word.stem, word.accentless) for word in words]

    word_count = len(words)
    for entry, fact, positions in candidates.values():
        if len(positions) < fact.needed:
            continue
        size = len(entry.words)
        shapes_possible = fact.shapes
        odd: list[int] | None = None  # the words that may be the odd word of a garble of this entry (None: any word of a name)
        if not fact.is_name:
            odd_words = set(odd_in_any_term)
            if unknown_by_initial:
                for initial in fact.initials & unknown_by_initial.keys():
                    odd_words.update(unknown_by_initial[initial])
            if fact.blend_lemmas:
                for lemma in fact.blend_lemmas & by_lemma.keys():
                    odd_words.update(by_lemma[lemma])
            if fact.prepositions:
                for surface, indexes in prepositions_at.items():
                    if len(fact.prepositions) > 1 or surface not in fact.prepositions:  # another preposition than the term's
                        odd_words.update(indexes)
            odd = sorted(odd_words)
            if not odd:
                # without an odd word, the only garble left is a dropped word
                if size == 2 or len(positions) < fact.needed_dropped:
                    continue
                shapes_possible = fact.shapes[:1]
        # (window length, content words it must hold, whether it needs an odd word), shortest first
        shapes = [(length, needed, length >= size and odd is not None) for length, needed in shapes_possible if len(positions) >= needed]
        if not shapes:
            continue
        # which term words each text word is a form of, computed once per (word, entry): windows overlap heavily
        forms_of: dict[int, tuple[bool, ...]] = {}
        for start in _window_starts(positions, shapes):
            positions_before = bisect_left(positions, start)
            odd_before = bisect_left(odd, start) if odd else 0
            for length, needed, needs_odd in shapes:
                stop = start + length
                if stop > word_count:
                    break
                if needs_odd and bisect_left(odd, stop) == odd_before:
                    continue  # a window as long as the term or longer needs its odd word inside
                if bisect_left(positions, stop) - positions_before < needed:
                    continue
                if breaks_before[stop] - breaks_before[start + 1] > fact.breaks:
                    continue
                cuts_a_term = False
                if exact_spans:  # (the cheap tests first; none depends on the others)
                    if reach[start] >= words[stop - 1].end:
                        continue  # inside a real term occurrence
                    # a window cutting through a real term is a combination of terms, not a garble — except for a wrong
                    # preposition (« la prévention à la traite des personnes »), decided once the reason is known
                    cuts_a_term = bool(starts_inside[start] or ends_inside[stop - 1])
                equal = []
                hits = 0
                for index in range(start, stop):
                    forms = forms_of.get(index)
                    if forms is None:
                        key = (word_forms[index], id(entry))
                        forms = known_forms.get(key)
                        if forms is None:
                            forms = known_forms[key] = tuple(same_form(words[index], term_word) for term_word in entry.words)
                        forms_of[index] = forms
                    equal.append(forms)
                    hits += True in forms
                if hits < size - 1:
                    continue  # one edit away needs all but one term word present: `_edit_reason` would say no
                window = words[start:stop]
                outcome = _edit_reason(window, entry, glossary, equal)
                if outcome is None:
                    continue
                reason, blend_word = outcome
                if blend_word is not None and (_variant_begun(window, words[stop:stop + 1], entry, blend_word, glossary)
                                               or _variant_begun_on_another_noun(window, words[stop:stop + 1], entry, blend_word, glossary)
                                               or _one_alternative(window, entry, blend_word, glossary)
                                               or _variants_joined(window, words[stop:stop + 1], entry, glossary)):
                    continue
                if lang == "fr" and _infinitive_of_its_noun(window, entry, text):
                    continue  # « on ne peut pas traiter un être humain comme … »: the verb, not the crime's name
                if blend_word is not None and any(m.start <= blend_word.start and blend_word.end <= m.end and m.concept != entry.concept
                                                  for m in exact):
                    continue  # the stray word belongs to a term of another concept: "human trafficking victims" is two terms
                span = (window[0].start, window[-1].end)
                if reason.endswith((_NAME_WORD, OTHER_NAME)) and any(span[0] <= m.start and m.end <= span[1] and (m.start, m.end) != span
                                                       and glossary.subject(m.concept) in NAME_SUBJECTS
                                                       and (not m.entry[:1].isupper() or glossary.subject(m.concept) == glossary.subject(entry.concept)
                                                            or sum(not w.stop and not m.start <= w.start < m.end for w in window) <= 1) for m in exact):
                    continue  # another name built on a listed one (« Réseau des Nations Unies » is not a garbled « Organisation des Nations
                    # Unies »): the listed name and one word; with more of the name around it, a word of the name was changed
                    # ("United Nations Convention against Affairs Organized Crime")
                if reason.endswith((_NAME_WORD, OTHER_NAME)) and _named_by_own_acronym(text, window, entry):
                    continue
                if reason.endswith((_NAME_WORD, OTHER_NAME)) and _cuts_a_hyphenated_word(text, window[0].start, window[-1].end):
                    continue  # « la Loi de 2000 des Etats-Unis sur la Protection des Victimes »: « Unis » is half of a word, not the name's « Loi »
                if reason.endswith(WORD_MISSING) and fact.is_name and _NAME_GOES_ON.match(text, window[-1].end):
                    continue  # "the United Nations General Assembly": the words begin a longer name, they do not garble this one
                if cuts_a_term and not reason.endswith(_PREPOSITION) and not (not fact.is_name and blend_word is not None
                                                                                      and len(window) == size and _chained(window, equal, exact)):
                    continue  # (a blend chained on one word to a real term is one in English too: "human trafficking for sex exploitation")
                if reason.endswith(_PREPOSITION) and lang == "en" and not entry.term[:1].isupper() and _free_english_preposition(text, window, reason, entry):
                    continue
                if reason.endswith(_PREPOSITION) and not fact.is_name and _shared_complement(text, window, lang, glossary):
                    continue
                if any(first <= span[0] and span[1] <= last and concept == entry.concept for first, last, concept in gapped) and _MISSPELT not in reason:
                    continue  # (a misspelt word read as the gap of a shorter variant, « trafic illicte de migrants », is still misspelt)
                if blend_word is not None and not fact.is_name and _inside_introduced_name(text, words, start, stop):
                    continue
                if lang == "en" and not window[0].surface.endswith("ing") and _VERB_AFTER.search(text, 0, window[0].start):
                    continue  # "criminals who traffic in human beings": the verb, not a term's noun
                found.append((start, stop - 1, entry, reason))
                if blend_word is not None:  # the variant the stray word comes from is a suggestion too
                    source = _source_variant(blend_word, window, entry, glossary)
                    if source is not None:
                        found.append((start, stop - 1, source, reason))
    garbles = _merge_garbles(text, words, found, glossary, lang)
    garbles += _misspelt_inside_matches(text, words, lang, glossary, exact, [(g.start, g.end) for g in garbles])
    garbles += _misspelt_single_terms(text, words, lang, glossary, [(g.start, g.end) for g in garbles] + exact_spans)
    garbles += _coordinations_swapped(text, words, lang, glossary, [(g.start, g.end) for g in garbles] + exact_spans)
    garbles += _term_words_run_together(text, words, lang, glossary, [(g.start, g.end) for g in garbles])
    return sorted(garbles, key=lambda garble: garble.start)

_CONTAINING: dict[tuple[int, str], tuple[Glossary, dict[tuple, tuple[tuple[Entry, _EntryFacts], ...]]]] = {}


def _containing_by_form(glossary: Glossary, lang: str) -> dict[tuple, tuple[tuple[Entry, _EntryFacts], ...]]:
    """`glossary.containing(word, lang)` with each entry's facts, remembered per word form (`(surface, lemma, stem, accentless)`, what
    `same_form` reads): a text repeats its words and a corpus repeats its texts' words. Filled by `_windows_by_entry`."""
    by_form = per_glossary(_CONTAINING, glossary, dict, lang)
    if len(by_form) > 200_000:
        by_form.clear()
    return by_form


_FORMS: dict[int, tuple[Glossary, dict[tuple[tuple[str, str, str, bool], int], tuple[bool, ...]]]] = {}


def _known_forms(glossary: Glossary) -> dict[tuple[tuple[str, str, str, bool], int], tuple[bool, ...]]:
    """For a word form (the keys `same_form` reads) and an entry (by id): which of the entry's words it is a form of.

    Remembered per glossary: a corpus repeats its words, and the same form meets the same terms in text after text."""
    by_form = per_glossary(_FORMS, glossary, dict)
    if len(by_form) > 100_000:  # (about 30 MB)
        by_form.clear()
    return by_form


@dataclass(frozen=True, slots=True)
class _EntryFacts:
    needed: int
    """Content words a window as long as the term must hold: all but one of the term's."""
    needed_dropped: int
    """Content words a window one word shorter must hold: the term's but the dropped inner word."""
    needed_extra: int
    """Content words a window one word longer must hold: all the term's."""
    initials: frozenset[str]
    """Folded first letters of the term's words (a misspelling keeps its word's first letter)."""
    blend_lemmas: frozenset[str]
    """Folded lemmas of the other variants' words that are not the term's (a word that makes a blend)."""
    is_name: bool
    """An official name, any word of which may be swapped (`_wrong_name_word`)."""
    prepositions: frozenset[str]
    """The term's prepositions that another preposition may replace (`_wrong_small_word`); empty when none may be."""
    breaks: int
    """Punctuation breaks inside the term ("Protocol to Prevent, Suppress and Punish …, Especially …"): a window may hold as many."""
    shapes: tuple[tuple[int, int], ...]
    """(length, content words it must hold) of the windows one edit away: a word dropped (`needed_dropped`), as long as the term
    (`needed`), a word more (`needed_extra`); none shorter than two words."""


_FACTS: dict[int, tuple[Glossary, dict[int, _EntryFacts]]] = {}


def _entry_facts(glossary: Glossary):
    """A function giving the `_EntryFacts` of an entry of `glossary`; computed once per entry."""
    by_entry = per_glossary(_FACTS, glossary, dict)

    def facts(entry: Entry) -> _EntryFacts:
        found = by_entry.get(id(entry))
        if found is None:
            own = {fold(term_word.lemma) for term_word in entry.words}
            content = sum(not word.stop for word in entry.words)
            swappable = content >= 2
            inner = entry.words[1:-1]
            size, needed, needed_extra = len(entry.words), max(1, content - 1), max(1, content)
            needed_dropped = max(1, content - any(not word.stop for word in inner))
            found = by_entry[id(entry)] = _EntryFacts(
                needed,
                needed_dropped,
                needed_extra,
                frozenset(fold(term_word.surface[0]) for term_word in entry.words if term_word.surface),
                frozenset(glossary.vocabulary(entry.concept, entry.lang) - own),
                entry.term[:1].isupper() and glossary.subject(entry.concept) in NAME_SUBJECTS,
                frozenset(word.surface for word in entry.words if word.surface in _PREPOSITIONS[entry.lang]) if swappable else frozenset(),
                sum(word.break_before for word in entry.words[1:]),
                tuple((length, count) for length, count in ((size - 1, needed_dropped), (size, needed), (size + 1, needed_extra)) if length >= 2))
        return found

    return facts


def _windows_by_entry(words: list[Word], lang: str, glossary: Glossary) -> dict[int, tuple[Entry, _EntryFacts, list[int]]]:
    """Multiword entries (by id: hashing an entry hashes all its words) with their facts and the text positions (ascending) of words
    that are one of their words."""
    by_form = _containing_by_form(glossary, lang)
    facts = _entry_facts(glossary)
    result: dict[int, tuple[Entry, _EntryFacts, list[int]]] = {}
    for index, word in enumerate(words):
        if word.stop:
            continue
        form = (word.surface, word.lemma, word.stem, word.accentless)
        containing = by_form.get(form)
        if containing is None:
            containing = by_form[form] = tuple((entry, facts(entry)) for entry in glossary.containing(word, lang))
        for entry, fact in containing:
            found = result.get(id(entry))
            if found is None:
                result[id(entry)] = (entry, fact, [index])
            else:
                found[2].append(index)
    return result


def _furthest_ends(spans: list[tuple[int, int]], offsets: list[int], *, inclusive: bool = False) -> list[int]:
    """For each of the ascending `offsets`, the furthest end of the spans that start before it (or at it, when `inclusive`); -1 when none."""
    ordered = sorted(spans)
    ends = []
    furthest, taken = -1, 0
    for offset in offsets:
        while taken < len(ordered) and (ordered[taken][0] < offset or (inclusive and ordered[taken][0] == offset)):
            furthest = max(furthest, ordered[taken][1])
            taken += 1
        ends.append(furthest)
    return ends


def _window_starts(positions: list[int], shapes: list[tuple[int, int, bool]]) -> list[int]:
    """The first words (ascending) of the windows of some shape (length, content words it must hold, …) that hold as many of `positions`
    (ascending) as the shape needs: a window from `start` holds positions i to i + needed - 1 when it starts at or before the first and
    ends after the last. Windows around a term word that cannot hold enough of the term's words (the usual case: one word of a
    three-word term) are never tried; every window tried before either holds enough or was passed over."""
    starts: set[int] = set()
    for length, needed, _ in shapes:
        for first, last in zip(positions, positions[needed - 1:]):
            if last - first < length:
                starts.update(range(max(0, last - length + 1), first + 1))
    return sorted(starts)


def _source_variant(word: Word, window: list[Word], entry: Entry, glossary: Glossary) -> Entry | None:
    """The accepted variant of `entry`'s concept that `word` comes from (most words shared with the window, then shortest)."""
    candidates = [other for other in glossary.concept_entries(entry.concept, entry.lang)
                  if other is not entry and other.status != "forbidden" and any(same_form(word, t) for t in other.words)]
    if not candidates:
        return None

    def shared(other: Entry) -> int:
        return sum(any(same_form(w, t) for w in window) for t in other.words if not t.stop)

    return max(candidates, key=lambda other: (shared(other), -len(other.words), other.status == "preferred"))


def _first_word_put_last(word: Word, window: list[Word], entry: Entry, glossary: Glossary) -> bool:
    """Whether the French word from another variant opens that variant (its head) and closes the window after a bare « de »: the
    complement of another phrase (« à des fins de traite »), not two variants blended in their own order (« victimes des personnes »,
    "smuggling of human")."""
    source = _source_variant(word, window, entry, glossary)
    return (entry.lang == "fr" and source is not None and len(window) > 2 and word is window[-1] and window[-2].text.lower() == "de"
            and same_form(word, source.words[0]) and not any(same_form(word, term_word) for term_word in entry.words))


def _variant_begun(window: list[Word], following: list[Word], entry: Entry, blend_word: Word, glossary: Glossary) -> bool:
    """Whether the window is the first words of the variant its odd word comes from, and the text goes on with that variant's next word
    ("trafficking for the purpose of forced marriage": the long variant, "trafficking for the purpose of exploitation", naming another
    purpose, not "trafficking for exploitation" with a word of the long one)."""
    source = _source_variant(blend_word, window, entry, glossary)
    if source is None or len(source.words) <= len(window) or not following:
        return False
    return _begins_with(window, source.words, len(window)) and same_form(following[0], source.words[len(window)])


_DETERMINER_BEFORE = re.compile(r"\b(?:la|le|les|l['’]|des|du|une|un|cette|ce|sa|son|leur|à|de)\s*$", re.IGNORECASE)


def _infinitive_of_its_noun(window: list[Word], entry: Entry, text: str) -> bool:
    """Whether the window opens on a verb, where the term names a thing: the term's first word right after a subject pronoun (« on traite
    un être humain »), or a word of the window that is the infinitive of the term's noun (« traiter » for « traite ») with no determiner
    before the window (« la traiter des personnes » would be the noun with a slip)."""
    if window[0].surface == entry.words[0].surface and _SUBJECT_BEFORE.search(text, 0, window[0].start):
        return True  # « j'ai vu comment on traite un être humain »: the verb « traiter » after its subject, not the noun
    return (any(word.surface == term_word.surface + "r" for word, term_word in zip(window, entry.words))
            and not _DETERMINER_BEFORE.search(text, 0, window[0].start))


_SUBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:on|il|elle|ils|elles|qui|cela|ça|je|j['’]|tu|nous|vous)\s+(?:ne\s+|n['’])?$", re.IGNORECASE)
"""A subject pronoun right before the window: its first word is a verb (« on traite un être humain »), not a term's noun after its
determiner (« à qui le département d'État a rendu hommage »)."""


def _variant_begun_on_another_noun(window: list[Word], following: list[Word], entry: Entry, blend_word: Word, glossary: Glossary) -> bool:
    """Whether the English window, ending on its odd word, is the first words of an accepted variant and the text goes on with another
    noun than that variant's ("trafficking in human bodies": "trafficking in human beings" begun, "human" qualifying "bodies")."""
    if (entry.lang != "en" or blend_word is not window[-1] or not following or following[0].stop or following[0].break_before
            or not following[0].text.isalpha()):
        return False  # (in French the modifier follows its noun: « la traite des êtres, notre gouvernement » is a blend)
    return any(other.status != "forbidden" and len(other.words) > len(window) and _begins_with(window, other.words, len(window))
               and blend_word.surface == other.words[len(window) - 1].surface  # ("Trafficking in Humans now": a noun, no modifier)
               for other in glossary.concept_entries(entry.concept, entry.lang))


_VERB_AFTER = re.compile(r"\b(?:who|they|we|you|will|would|can|could|may|might|must|should|shall)\s+$", re.IGNORECASE)
"""Words after which an English word is a verb (a subject, a modal): "those who traffic in human beings"."""


def _variants_joined(window: list[Word], following: list[Word], entry: Entry, glossary: Glossary) -> bool:
    """Whether the window is one whole variant of the concept followed by the words another variant puts after the head both share
    (« poursuite pénale » + « poursuite des trafiquants » → « la poursuite pénale des trafiquants », « Protocole de Palerme » +
    « Protocole visant à prévenir … » → « le Protocole de Palerme visant à prévenir … »): two accepted forms composed, not blended.
    The second variant must be complete in the window or go on in the text after it."""
    accepted = [other for other in glossary.concept_entries(entry.concept, entry.lang) if other.status != "forbidden" and not other.is_acronym]
    for first in accepted:
        size = len(first.words)
        if not 2 <= size < len(window) or not _begins_with(window, first.words, size):
            continue
        rest = window[size:]
        for second in accepted:
            tail = second.words[1:]
            if (second is first or not same_form(window[0], second.words[0]) or len(tail) < len(rest)
                    or not all(same_form(word, term_word) for word, term_word in zip(rest, tail))):
                continue
            if len(tail) == len(rest) or (following and same_form(following[0], tail[len(rest)])):
                return True
    return False


_DISJUNCTIONS = frozenset({"ou", "or"})


def _one_alternative(window: list[Word], entry: Entry, blend_word: Word, glossary: Glossary) -> bool:
    """Whether the stray word is, in the variant it comes from, the alternative to a term word the window leaves out (« travail
    obligatoire » beside « travail forcé ou obligatoire », "compulsory labour" beside "forced or compulsory labour"): one of the two
    alternatives named alone, not a blend."""
    source = _source_variant(blend_word, window, entry, glossary)
    if source is None:
        return False
    words = source.words
    return any(same_form(blend_word, word) and 0 <= other < len(words) and words[(index + other) // 2].surface in _DISJUNCTIONS
               and not any(same_form(seen, words[other]) for seen in window)
               for index, word in enumerate(words) for other in (index - 2, index + 2))


def _edit_reason(window: list[Word], entry: Entry, glossary: Glossary,
                 equal: list[tuple[bool, ...]] | None = None) -> tuple[str, Word | None] | None:
    """Why `window` is a garbled form of `entry` (and the stray word of a blend), or None (identical, too far, or ordinary language).

    `equal[i][j]` says whether window word i is a form of term word j (computed here when not given)."""
    terms = entry.words
    if equal is None:
        equal = [tuple(same_form(word, term_word) for term_word in terms) for word in window]

    def blend_possible() -> bool:
        # a blend keeps at least two content words of the term: one shared word is a neighbouring
        # phrase ("human beings" beside "human trafficking"), not a garbled term
        return sum(1 for word, forms in zip(window, equal) if not word.stop and True in forms) >= 2

    def from_other_variant(word: Word) -> bool:
        # (a form that does not keep its lemma's first three letters is another word: « serait », « était » are forms of « être », not « êtres »)
        # (a number is no variant's word: "the 2011 EU Anti-trafficking Directive" dates the name, the numbers check reads it)
        return (not word.stop and not word.surface.isdigit()
                and fold(word.lemma) in glossary.vocabulary(entry.concept, entry.lang) - {fold(term_word.lemma) for term_word in terms}
                and fold(word.surface)[:3] == fold(word.lemma)[:3])

    size = len(terms)
    if len(window) == size:
        different = [index for index in range(size) if not equal[index][index]]
        if len(different) != 1:
            return None
        word, term_word = window[different[0]], terms[different[0]]
        if different[0] == 0 and word.surface in _INSTRUMENTS and term_word.surface in _INSTRUMENTS:
            return None  # "Declaration on the protection of children against sexual exploitation …" beside the Convention: another
            # instrument on the same subject, not the convention's name garbled
        if different[0] == 0 and entry.term[:1].isupper() and word.text[:1].islower() and glossary.subject(entry.concept) in NAME_SUBJECTS:
            return None  # a name's first word replaced by a lower-case word describes something else (« la lutte mondiale contre
            # la traite de personnes » is not the World Day « Journée mondiale contre la traite des personnes »)
        if entry.lang == "en" and not entry.term[:1].isupper() and _adjective_before_noun(different[0], window):
            return None  # "sexual trafficking", "contemporary slavery", "modern form of slavery": English paraphrases freely (not names)
        if entry.lang == "en" and not entry.term[:1].isupper() and _british_and_american(word.surface, term_word.surface):
            return None  # "forced labor or services" beside the listed "forced labour or services": the same words spelt the American
            # way (the spelling check compares the conventions), no blend; a name keeps its own spelling ("International Labour Office")
        if entry.status == "forbidden" and from_other_variant(word):
            return None  # a forbidden rendering with a word of an accepted one (« traite de main-d'œuvre » beside the forbidden « trafic de
            # main-d'œuvre »): no blend of two renderings, the forbidden one set right
        if from_other_variant(word) and not _head_replaced(different[0], window, entry, glossary) and (blend_possible() or _cut_short(word, term_word)
                                         or (entry.status != "forbidden" and _keeps_head(different[0], terms, entry.lang)
                                             and not _is_term_alone(word, entry, glossary))):
            if _compound_said_with_of(window, entry, glossary):
                return None  # "smuggling of people" is the listed "people smuggling" said with "of", not a blend
            if _first_word_put_last(word, window, entry, glossary):
                return None  # « recrutées à des fins de traite »: the purpose is trafficking, not « traite à des fins d'exploitation » blended
            return f"“{word.text}” comes from another variant", word
        if _misspelt(word, term_word, entry.lang):
            return f"“{word.text}{_MISSPELT}“{term_word.text}”", None
        return _wrong_small_word(different[0], word, term_word, terms, entry, glossary) or _wrong_name_word(different[0], window, terms, entry, glossary)
    if len(window) == size + 1:
        # the window is the term with one extra word at `extra` when the words before it are the term's first words and the
        # words after it its last ones: `extra` at most `prefix` (leading words in place), at least `shifted - 1` (words from
        # `shifted` on are the term's, one place later)
        prefix = 0
        while prefix < size and equal[prefix][prefix]:
            prefix += 1
        shifted = size + 1
        while shifted > 1 and equal[shifted - 1][shifted - 2]:
            shifted -= 1
        for extra in range(max(0, shifted - 1), prefix + 1):
            word = window[extra]
            neighbours = [window[index] for index in (extra - 1, extra + 1) if 0 <= index < len(window)]
            if any(word.surface == other.surface for other in neighbours):
                return f"“{word.text}” is doubled", None
            if extra == len(window) - 1 and word.text.isupper() and glossary.acronym_concept(word.text, entry.lang) == entry.concept:
                return None  # "International Organization for Migration IOM": the name and its acronym without brackets, no blend
            if from_other_variant(word) and blend_possible():
                if not entry.term[:1].isupper() and _reordered_variant(window, entry, glossary):
                    return None  # « normes du travail internationales »: a listed variant's words in another order (an adjective
                    # moved: French places it either side of the complement), not a blend; names keep their order (`align.checks.names`)
                return f"“{word.text}” comes from another variant", word
        return None
    if len(window) == size - 1:
        if entry.status == "forbidden":
            return None  # a forbidden rendering short of a word is another phrase ("child workers" beside "child sex workers")
        if entry.term[:1].isupper() and _inflected_in_small_letters(window, terms):
            return None  # "UN agencies" beside "UN Migration Agency": a name's word in small letters and another number is the common noun
        for missing in range(1, size - 1):
            rest = [position for position in range(size) if position != missing]
            if all(equal[index][position] for index, position in enumerate(rest)) and blend_possible():
                if entry.term[terms[missing].start - 1:terms[missing].start] == "-" and not entry.term[:1].isupper():
                    return None  # the second half of a compound dropped leaves another word ("slavery practices" is no garbled
                    # "slavery-like practices"); a name's is still a name garbled ("Secretary of the United Nations")
                if not terms[missing].stop:
                    if not entry.term[:1].isupper() and terms[missing].text[:1].isupper():
                        return None  # "Member of Parliament" beside "member of the European Parliament": a term in small letters
                        # without its proper adjective names the general thing
                    if entry.term[:1].isupper() and window[0].text[:1].islower() and terms[missing].text[:1].islower():
                        return None  # « à l'occasion de la journée contre la traite des êtres humains »: a name's words in small
                        # letters without one of its own (« européenne ») are the common noun, the day spoken of
                    if not entry.term[:1].isupper() and size >= 3 and _modifier_of_the_head(missing, terms, entry.lang):
                        return None  # "temporary workers" beside "temporary foreign worker", « travailleurs temporaires »: the term
                        # without one of its adjectives names the wider thing, not the term garbled
                    if _begins_another_variant(window, entry, glossary):
                        return None  # "trafficking for labour [and sexual exploitation]": the first words of "trafficking for labour
                        # exploitation", its last word shared with the next phrase, not "trafficking for forced labour" short of a word
                    return f"“{terms[missing].text}{WORD_MISSING}", None
                if _dropped_preposition(window, missing, terms[missing], entry):
                    return f"“{terms[missing].text}” is missing{_PREPOSITION}", None
        return None
    return None

_INSTRUMENTS = frozenset({"convention", "declaration", "déclaration", "protocol", "protocole", "recommendation", "recommandation", "resolution",
                          "résolution", "directive", "strategy", "stratégie", "charter", "charte", "plan", "report", "rapport", "guidelines"})
"""The kinds of instrument a name opens with: one put for another names another text on the same subject."""
_CONVENTION_ENDINGS = (("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"), ("yse", "yze"), ("tre", "ter"))


def _british_and_american(one: str, other: str) -> bool:
    """Whether two words are one word in British and American spelling ("labour" and "labor", "organisation" and "organization")."""
    return any(first.replace(british, american) == second.replace(british, american) and first != second
               for british, american in _CONVENTION_ENDINGS for first, second in ((one, other), (other, one)))


def _modifier_of_the_head(index: int, words: list[Word], lang: str) -> bool:
    """Whether the word at `index` of a term without small words is a modifier of its head: English puts them before the last word
    ("temporary foreign worker"), French after the first (« travailleur étranger temporaire »)."""
    if any(word.stop for word in words):
        return False
    return index < len(words) - 1 if lang == "en" else index > 0


def _begins_another_variant(window: list[Word], entry: Entry, glossary: Glossary) -> bool:
    """Whether `window` is the first words of a longer variant of the entry's concept."""
    return any(len(other.words) > len(window) and all(same_form(word, other_word) for word, other_word in zip(window, other.words))
               for other in glossary.concept_entries(entry.concept, entry.lang) if other is not entry and other.status != "forbidden")


_DETERMINERS = re.compile(r"(?:\b(?:the|a|an|this|that|these|those|its|their|our|his|her|my|your|of|for|in|on|to|by|with|from|against|into)|’s|'s)\s+$",
                          re.IGNORECASE)


def _free_english_preposition(text: str, window: list[Word], reason: str, entry: Entry) -> bool:
    """Whether an English term's preposition, dropped or changed outside a name, is the sentence's own construction rather than a slip:
    "from human trafficking to forced labour" (a range), "liberate and support victims" (a verb and its object: with the preposition
    dropped, the term's head is a noun only after a determiner or a preposition, "the purpose exploitation"; after "to" only when it is
    no verb, "to support victims" being an infinitive)."""
    if WORD_MISSING in reason:
        # the head: the window word the term's preposition followed
        # (written as the term's noun, or its plural: "a smuggled migrant" is another phrase, not "smuggling of migrants")
        heads = [word for word in window if any(word.surface in (term_word.surface, term_word.surface + "s", term_word.surface + "es")
                                                and following.surface in _PREPOSITIONS["en"] for term_word, following in zip(entry.words, entry.words[1:]))]
        if not heads:
            return True
        before = _DETERMINERS.search(text[:heads[0].start])
        return not before or (before.group(0).strip().lower() == "to" and _verb_base(heads[0].surface))
    changed = next((word for word in window if word.stop and f"“{word.text}” where" in reason), None)
    if changed is not None and _after_verb_without_determiner(text, window[0]):
        return True
    return changed is not None and changed.surface == "to" and bool(re.search(r"\bfrom\b", text[:window[0].start], re.IGNORECASE))


_COORDINATED_BEFORE = {"fr": re.compile(r"([^\W\d_]{3,})\s+(?:et|ou)\s+(?:(?:la|le|les|des|du|de\s+la)\s+|l['’]|d['’])?$", re.IGNORECASE),
                       "en": re.compile(r"([^\W\d_]{3,})\s+(?:and|or)\s+(?:the\s+)?$", re.IGNORECASE)}


def _shared_complement(text: str, window: list[Word], lang: str, glossary: Glossary) -> bool:
    """Whether a term's head, changed preposition and all, shares its complement with a noun coordinated before it whose own term takes
    that preposition (« l'assistance et la protection aux victimes »: « assistance aux victimes » is a term, and one complement serves
    both nouns): the sentence's construction, not a slip in « protection des victimes »."""
    coordinated = _COORDINATED_BEFORE[lang].search(text, 0, window[0].start)
    if coordinated is None:
        return False
    phrase = coordinated.group(1) + text[window[0].end:window[-1].end]
    return any(match.start == 0 and match.end == len(phrase) and match.status != "forbidden" and not match.gap
               for match in find_terms(phrase, lang, glossary))


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _after_verb_without_determiner(text: str, head: Word) -> bool:
    """Whether the term's head, a countable noun in the singular, follows a verb with no determiner ("falling victim to trafficking",
    "fell prey to"): such a noun stands bare only as the complement of the verb, whose set phrase chooses the preposition after it."""
    before = _WORD_BEFORE.search(text[:head.start])
    if before is None or head.surface.endswith("s") or not _frequent(head.surface + "s"):
        return False  # a plural, or a mass noun ("combating trafficking against…"), stands bare anywhere
    verb = before.group(1).lower()
    return (verb.endswith(("ing", "ed")) and _frequent(verb)) or _verb_base(verb)


def _frequent(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= VERB_ING_ZIPF


def _verb_base(word: str) -> bool:
    """Whether `word` is an English verb's base form (its "-ing" form a frequent word: "support" → "supporting"), so that "to" before it
    is the infinitive's ("to support victims"), not a preposition before a noun ("assistance to victims")."""
    from wordfreq import zipf_frequency

    forms = [word + "ing", word[:-1] + "ing" if word.endswith("e") else "", word + word[-1:] + "ing"]
    return max(zipf_frequency(form, "en") for form in forms if form) >= VERB_ING_ZIPF


VERB_ING_ZIPF = 3.0


def _chained(window: list[Word], equal: list[tuple[bool, ...]], exact: list[TermMatch]) -> bool:
    """Whether the real terms the window cuts only share its first or last word, written as the term's: two terms chained on one
    word (« victimes de la traite » + « traite des personnes »), so the edit lies in the window's own part (« victimes de la traite
    des êtres personnes »)."""
    first, last = window[0], window[-1]
    for match in exact:
        if match.end <= first.start or last.end <= match.start or (first.start <= match.start and match.end <= last.end):
            continue  # outside the window, or inside it
        if match.end <= first.end and match.start < first.start and equal[0][0]:
            continue
        if match.start >= last.start and match.end > last.end and equal[-1][-1]:
            continue
        return False
    return True


def _cut_short(word: Word, term_word: Word) -> bool:
    """Whether a word is the term's word with its ending cut off ("traffic" for "trafficking", "enforce" for "enforcement"): a
    slip between two words of one family, not another phrase."""
    short, full = fold(word.surface), fold(term_word.surface)
    return len(short) >= 5 and len(full) - len(short) >= 3 and full.startswith(short)


def _compound_said_with_of(window: list[Word], entry: Entry, glossary: Glossary) -> bool:
    """Whether an English window "A of B" is a listed two-word variant "B A" of the entry's concept ("smuggling of people" for "people
    smuggling", as "smuggling of migrants" is "migrant smuggling")."""
    content = [word for word in window if not word.stop]
    if entry.lang != "en" or len(content) != 2 or not any(word.surface == "of" for word in window):
        return False
    if not (content[1].surface.endswith("s") or content[1].surface == "people"):
        return False  # the people smuggled, a plural noun: "smuggling of human [beings]" holds the adjective of "human smuggling"
    for other in glossary.concept_entries(entry.concept, "en"):
        listed = [word for word in other.words if not word.stop]
        if (other.status != "forbidden" and len(listed) == 2 and len(other.words) == 2
                and same_form(content[0], listed[1]) and same_form(content[1], listed[0])):
            return True
    return False


def _reordered_variant(window: list[Word], entry: Entry, glossary: Glossary) -> bool:
    """Whether the window's words are those of another listed variant of the entry's concept, in another order."""
    for other in glossary.concept_entries(entry.concept, entry.lang):
        if other is entry or other.status == "forbidden" or len(other.words) != len(window):
            continue
        remaining = list(other.words)
        for word in window:
            partner = next((term_word for term_word in remaining if same_form(word, term_word)), None)
            if partner is None:
                break
            remaining.remove(partner)
        else:
            return True
    return False


_ACRONYM_IN_BRACKETS = re.compile(r"\s*\([A-Z][A-Za-z]*[A-Z]\)")


def _inside_introduced_name(text: str, words: list[Word], start: int, stop: int) -> bool:
    """Whether the window words[start:stop] is written in capitals inside a name that its acronym follows ("Persons Against the
    Crime of Trafficking in Humans Ottawa (PACT)"): an organisation names itself as it likes, its words are not a blended term."""
    if not all(word.text[:1].isupper() for word in words[start:stop] if not word.stop):
        return False
    after = stop
    while after < len(words) and not words[after].break_before and (words[after].stop or words[after].text[:1].isupper()):
        after += 1
    return bool(_ACRONYM_IN_BRACKETS.match(text, words[after - 1].end))


def _cuts_a_hyphenated_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins or ends inside a hyphenated word (« Etats-|Unis », « Nations-|Unies »)."""
    return (start >= 2 and text[start - 1] in "-‐‑" and text[start - 2].isalpha()) or (text[end:end + 1] in ("-", "‐", "‑")
                                                                                       and text[end + 1:end + 2].isalpha())


def _named_by_own_acronym(text: str, window: list[Word], entry: Entry) -> bool:
    """Whether the window is followed by an acronym in brackets that its own words' initials give and the listed name's do not
    (« Groupe de travail interministériel sur la traite des personnes (GTITP) » beside the listed « Groupe de travail trilatéral … »):
    the text introduces another body under its own name, not the listed one misnamed."""
    found = _ACRONYM_IN_BRACKETS.match(text, window[-1].end)
    if not found:
        return False
    acronym = fold(found.group(0).strip().strip("()")).upper()
    return _initials_give(acronym, [word.text for word in window]) and not _initials_give(acronym, [word.text for word in entry.words])


def _initials_give(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` is the first word's initial followed by initials of later words, in order."""
    initials = [fold(word[:1]).upper() for word in words if word]
    if not initials or not acronym or initials[0] != acronym[0]:
        return False
    position = 1
    for letter in acronym[1:]:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


_ADJECTIVE_ENDINGS = ("al", "ary", "ern", "ic", "ous", "ive", "ful", "ible", "able", "ian", "ing")
"""Endings of English adjectives (sexual, contemporary, modern, domestic, exploitative, sporting)."""


def _adjective_before_noun(position: int, window: list[Word]) -> bool:
    """Whether the odd word of an English window is an adjective standing before a noun of the term (by its ending: English
    has no inflection to tell it): English swaps adjectives in a phrase freely, a noun put before another is a blend
    ("persons trafficking", "slavery trafficking")."""
    word = window[position]
    following = window[position + 1] if position + 1 < len(window) else None
    lower = word.text.lower()
    if any(other is not word and not other.stop and (fold(other.text.lower()).startswith(lower) or lower.startswith(fold(other.text.lower())))
           for other in window):
        return False  # a word of the same family as another word of the window ("traffic trafficking") is a slip
    return (following is not None and not following.stop and not word.stop and word.text.isalpha() and word.text[1:].islower()
            and lower.endswith(_ADJECTIVE_ENDINGS) and is_known(lower, "en"))


def _is_term_alone(word: Word, entry: Entry, glossary: Glossary) -> bool:
    """Whether `word` is by itself an accepted term of the entry's concept (« formes de coercition »: « coercition » is the term)."""
    return any(len(other.words) == 1 and other.status != "forbidden" and same_form(word, other.words[0])
               for other in glossary.concept_entries(entry.concept, entry.lang))


def _inflected_in_small_letters(window: list[Word], terms: tuple[Word, ...]) -> bool:
    """Whether a window word is a capitalised term word in small letters and inflected otherwise ("agencies" for "Agency")."""
    return any(not word.stop and word.text[:1].islower() and term.text[:1].isupper() and same_form(word, term)
               and fold(word.surface) != fold(term.surface) for word in window for term in terms)


def _head_replaced(position: int, window: list[Word], entry: Entry, glossary: Glossary) -> bool:
    """Whether the window replaces the head noun of a common term of several content words by a word that is no head in the variant it
    comes from: the window then names something else (« manipuler cette personne à des fins sexuelles » beside « traite à des fins
    sexuelles »: « personnes » is a complement in « traite des personnes à des fins … »), not a blend; a head for a head is one
    (« trafic à des fins sexuelles »), and a name keeps every word (`_wrong_name_word`)."""
    if entry.term[:1].isupper() or position != _head(entry.words, entry.lang) or sum(not word.stop for word in entry.words) < 3:
        return False
    source = _source_variant(window[position], window, entry, glossary)
    if source is None:
        return False
    head = _head(source.words, source.lang)
    return head is None or not same_form(window[position], source.words[head])


def _head(terms: tuple[Word, ...], lang: str) -> int | None:
    """The head noun's position: the content word before the first preposition, else the last content word in English and the first
    in French."""
    content = [index for index, word in enumerate(terms) if not word.stop]
    if not content:
        return None
    first_preposition = next((index for index, word in enumerate(terms) if index > content[0] and word.surface in _PREPOSITIONS[lang]), None)
    if first_preposition is not None:
        return max(index for index in content if index < first_preposition)
    return content[-1] if lang == "en" else content[0]


def _keeps_head(position: int, terms: tuple[Word, ...], lang: str) -> bool:
    """Whether the term word at `position` is a modifier, not the head noun: a two-word term whose modifier is taken from
    another variant is a blend ("persons trafficking", « traite des êtres », « forces de l'détection »), one whose head is
    replaced is another phrase ("human beings" beside "human trafficking"). The head is the content word before the first
    preposition, else the last content word in English and the first in French (`_head`)."""
    content = [index for index, word in enumerate(terms) if not word.stop]
    return len(content) == 2 and position in content and position != _head(terms, lang)


_PREPOSITIONS = {
    "fr": frozenset({"de", "à", "pour", "par", "en", "contre", "sur", "dans", "avec", "sans", "sous", "entre", "vers", "chez"}),
    "en": frozenset({"of", "in", "on", "at", "to", "for", "by", "with", "from", "against", "into"}),
}
"""Prepositions as `Word.surface` has them (« des », « du », « au » folded to « de », « à »: an article change is not a slip)."""
_PREPOSITION = " (the term's preposition)"
_MISSPELT = "” looks like a misspelling of "
WORD_MISSING = "” is missing"
_NAME_GOES_ON = re.compile(r"[ \u00a0]+[A-ZÀ-Ý][a-zà-ÿ]")
_NAME_WORD = "” (names are written word for word)"
OTHER_NAME = "” (it begins another listed name, written here in a form not listed)"
NAME_SUBJECTS = ("law", "institution", "event", "policy")
"""Subjects whose capitalised terms are official names (laws, conventions, strategies, days, institutions)."""


def _dropped_preposition(window: list[Word], missing: int, term_word: Word, entry: Entry) -> bool:
    """French nouns do not stand side by side (« traite personnes »): a preposition of the term is missing when the words around
    its place touch. An article between them is a verb and its object (« aider les victimes »). English compounds nouns, but
    a compound keeps its head last: with the preposition gone, the term's head stands first and now qualifies the word after it
    ("purpose exploitation", "victims trafficking", "Council Europe"), unless it is a gerund taking its object ("trafficking
    human beings")."""
    if term_word.surface not in _PREPOSITIONS[entry.lang] or window[missing - 1].end + 1 != window[missing].start:
        return False
    if entry.lang == "fr":
        return True
    before = window[missing - 1]
    return entry.term[:1].isupper() or not before.text.lower().endswith("ing")


def _wrong_small_word(position: int, word: Word, term_word: Word, terms: tuple[Word, ...], entry: Entry, glossary: Glossary) -> tuple[str, None] | None:
    """A term with another preposition (« prévention à la traite », "Council by Europe"): the term is fixed, its preposition too."""
    prepositions = _PREPOSITIONS[entry.lang]
    if word.surface == _GENITIVE[entry.lang] and not entry.term[:1].isupper():
        return None  # « de » and "of" link any noun to its complement (« soutien des victimes », "trafficking of children"): outside
        # names they say the same thing another way, not a slip in the term
    if entry.lang == "en" and not entry.term[:1].isupper():
        if any(word.surface == other.surface for variant in glossary.concept_entries(entry.concept, "en") if variant.status != "forbidden"
               for other in variant.words):
            return None  # another accepted variant of the concept uses that preposition ("assistance for victims" beside "support for victims")
        following = next((other for other in terms[position + 1:] if not other.stop), None)
        if following is not None and (word.surface, following.lemma) in _prepositions_before(glossary):
            return None  # the glossary writes that preposition before that word elsewhere ("protection for victims": "support for victims")
    if (entry.lang == "fr" and word.surface in ("contre", "pour") and term_word.surface == "de" and not entry.term[:1].isupper()
            and position and _ACTION_NOUN.search(terms[position - 1].surface)):
        following = next((other for other in terms[position + 1:] if not other.stop), None)
        if following is not None and ((word.surface, following.lemma) in _prepositions_before(glossary, "fr")
                                      or (word.surface == "contre" and following.lemma in _PEOPLE_PROCEEDED_AGAINST)):
            return None  # « prévention contre la traite » for « prévention de la traite », « protection pour les victimes » for « protection
            # des victimes »: the action against the crime or for the people, as the glossary's « lutte contre la traite » and « services
            # pour les victimes » say it; the object of the action is the same (« des poursuites contre les trafiquants »)
    if word.surface in prepositions and term_word.surface in prepositions and sum(not other.stop for other in terms) >= 2:
        return f"“{word.text}” where the term has “{term_word.text}”{_PREPOSITION}", None
    return None


_GENITIVE = {"fr": "de", "en": "of"}
_ACTION_NOUN = re.compile(r"(?:tion|sion|ment|lutte|poursuite|plainte|sanction|mesure)s?$")
_PEOPLE_PROCEEDED_AGAINST = frozenset({"trafiquant", "auteur", "exploiteur", "proxénète", "responsable", "délinquant", "criminel", "passeur"})
"""A French noun of an action (« prévention », « signalement », « lutte »), which may take « contre » for its object; « victimes contre la
traite » or « réseaux contre traite » may not."""
_BEFORE: dict[tuple[int, str], tuple[Glossary, frozenset[tuple[str, str]]]] = {}


def _prepositions_before(glossary: Glossary, lang: str = "en") -> frozenset[tuple[str, str]]:
    """(preposition, lemma of the next content word) pairs the accepted terms of the glossary write in `lang`, built once per glossary;
    English names aside: "Special Rapporteur on trafficking in persons" is a name's wording, no licence for "victims on trafficking" (French
    writes « contre la traite » in names and in prose alike, « la Journée mondiale contre la traite », « la lutte contre la traite »)."""
    def build() -> frozenset[tuple[str, str]]:
        pairs = set()
        for entry in glossary.entries(lang):
            if entry.status == "forbidden" or (lang == "en" and entry.term[:1].isupper()):
                continue
            for index, word in enumerate(entry.words):
                if word.surface in _PREPOSITIONS[lang]:
                    following = next((other for other in entry.words[index + 1:] if not other.stop), None)
                    if following is not None:
                        pairs.add((word.surface, following.lemma))
        return frozenset(pairs)

    return per_glossary(_BEFORE, glossary, build, lang)


def _ends_as_the_name_not_the_other(window: list[Word], terms: tuple[Word, ...], other: tuple[Word, ...]) -> bool:
    """Whether a window as long as the name, and as long as the other name it begins like, ends on the name's last word, not the other's
    (« Organisation mondiale du travail »: the ILO's « Travail », not the World Tourism Organization's « tourisme »): the name garbled."""
    return (len(window) == len(terms) == len(other) and fold(window[-1].surface).lower() == fold(terms[-1].surface).lower()
            != fold(other[-1].surface).lower())


def _wrong_name_word(position: int, window: list[Word], terms: tuple[Word, ...], entry: Entry, glossary: Glossary) -> tuple[str, None] | None:
    """An official name with one word changed ("World Day against Protection in Persons", « Organisation mondiale du Travail »):
    a name is written word for word. The word is capitalised as the name's word is; at either end of the name three other
    content words must be there, since a shorter name plus a neighbouring word is ordinary text ("Says Secretary-General")."""
    word, term_word = window[position], terms[position]
    if word.stop or term_word.stop or not entry.term[:1].isupper() or glossary.subject(entry.concept) not in NAME_SUBJECTS:
        return None
    if not window[0].text[:1].isupper():
        return None  # not written as a name (« le rapport mondial sur la traite des enfants » describes a report)
    if word.text[:1].isupper() != term_word.text[:1].isupper() or not word.text.isalpha():
        return None
    if _spelling_variant(word.surface, term_word.surface):
        return None  # "Transnational Organised Crime": the name's word in the other English spelling, no other word
    if {fold(word.surface).lower(), fold(term_word.surface).lower()} <= _INSTRUMENT_KINDS:
        return None  # "Immigration and Refugee Protection Regulations" beside the Act: another instrument, a name of its own (a scope
        # changed is a garble: « Organisation mondiale du Travail », « Journée mondiale pour l'abolition de l'esclavage »)
    others = sum(not other.stop for index, other in enumerate(terms) if index != position)
    if others < (3 if position in (0, len(terms) - 1) else 2):
        return None
    if position == 0 and fold(term_word.surface).lower() not in _INSTRUMENTS and _mandate_after_head(terms):
        return None  # "the President's Interagency Task Force to Monitor and Combat Trafficking in Persons" beside the Office "to
        # Monitor and Combat …": the first word names the body, the rest a mandate other bodies share (an instrument's first word is
        # its own: "Convention to Prevent, Suppress and Punish …" is the Protocol misnamed)
    if word.text.isupper() and glossary.acronym_concept(word.text, entry.lang) not in (None, entry.concept):
        return None  # another body's acronym for a name word: that body's own (the "ECOWAS Plan of Action to Combat Trafficking in
        # Persons" is no Global Plan of Action misnamed)
    if any(other.concept != entry.concept and position < len(other.words) - 1 < len(window) - 1 and glossary.subject(other.concept) in NAME_SUBJECTS
           and _begins_with(window, other.words, len(other.words))
           for other in glossary.entries(entry.lang) if other.term[:1].isupper()):
        return None  # the changed word begins another listed name, written whole (« la campagne de la Commission européenne contre la
        # traite des êtres humains » names the Commission, not the European Day misnamed)
    if any(other.concept != entry.concept and len(other.words) > position and glossary.subject(other.concept) == glossary.subject(entry.concept)
           and _begins_with(window, other.words, min(len(other.words), position + 2))
           and not _ends_as_the_name_not_the_other(window, terms, other.words)
           for other in glossary.entries(entry.lang) if other.term[:1].isupper()):
        # the changed word begins another listed name, and the word after it goes on as that name does (« Journée mondiale contre … »
        # is the World Day, not the European Day misnamed; "Global of Experts" is no "Global Affairs Canada"): a garble only when the
        # text also writes that name as listed (`align.checks.terms.garbled_terms`)
        return f"“{word.text}” where the official name has “{term_word.text}{OTHER_NAME}", None
    return f"“{word.text}” where the official name has “{term_word.text}{_NAME_WORD}", None


_FRENCH_MANDATES = frozenset({"lutte", "surveillance", "prévention"})


def _mandate_after_head(terms: tuple[Word, ...]) -> bool:
    """Whether a name is a body's head noun then its mandate ("Office to Monitor …", « Bureau de surveillance et de lutte … »)."""
    following = [word.surface for word in terms[1:3]]
    return following[:1] == ["to"] or (len(following) == 2 and following[0] == "de" and following[1] in _FRENCH_MANDATES)


_INSTRUMENT_KINDS = frozenset({"loi", "reglement", "code", "decret", "ordonnance", "arrete", "act", "regulations", "regulation", "decree",
                               "ordinance"})
"""Kinds of legal instrument: one for another names another instrument under the same title (the Act and its Regulations)."""


def ize_spelling(word: str) -> str:
    """`word` in small letters with its -ise ending spelt -ize ("Organisations" → "organizations"): both are British usage."""
    return re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word.lower())


def _spelling_variant(word: str, other: str) -> bool:
    """Whether two words are one word with -ise and -ize ("Organised", "Organized"), both British usage; "Labor" for the ILO's
    "Labour" is another country's spelling of the name, which its readers mark."""
    return word.lower() != other.lower() and ize_spelling(word) == ize_spelling(other)


def _begins_with(window: list[Word], words: tuple[Word, ...], count: int) -> bool:
    """Whether the window's first `count` words are the first `count` words of a term, form for form."""
    return count <= len(window) and all(same_form(window[index], words[index]) for index in range(count))


def _misspelt(word: Word, term_word: Word, lang: str) -> bool:
    """An unknown word within one edit (two for words of ten letters or more; a swap of two letters is one) of the
    term's word, with the same first letter (slips rarely hit it; "hestitation" is not "restitution")."""
    if word.stop or term_word.stop or len(word.surface) < 4 or not word.surface.isalpha():
        return False
    if fold(word.surface[0]) != fold(term_word.surface[0]):
        # a slip at the first letter only when the rest is the term's word exactly (`first_letter_slip`), in a word long
        # enough not to be another word by chance
        forms = {word.surface, word.surface[:-1]} if word.surface[-1] in "sx" else {word.surface}  # a slip in a plural of the term
        return (len(word.surface) >= 5 and any(first_letter_slip(form, term_word.surface) for form in forms)
                and not is_known(word.surface, lang))
    if is_known(word.surface, lang) and not _rare_beside(word.surface.lower(), term_word.surface.lower(), lang):
        return False
    allowed = 1 if len(term_word.surface) < 10 else 2
    forms = {word.surface} | ({word.surface[:-1]} if word.surface[-1] in "sx" and term_word.surface[-1] not in "sx" else set())
    return any(OSA.distance(form, term_word.surface) <= allowed for form in forms)  # a misspelt plural of the term

RARE_ZIPF = 2.5
RARER_BY = 2.0
"""A known word this rare (wordfreq Zipf 2.5: about 3 in ten million words) and a hundred times rarer than the term's word it is a letter away
from is a slip that happened to make a word (« la traie des personnes »: traire; « êtres humais »: humer), not that word chosen: inside
a term whose other words are all there. Inflections of the term's word are frequent words and stay apart."""


@lru_cache(maxsize=50_000)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def _rare(word: str, lang: str) -> bool:
    return _zipf(word, lang) < RARE_ZIPF


def _rare_beside(word: str, term_word: str, lang: str) -> bool:
    return _rare(word, lang) and _zipf(term_word, lang) - _zipf(word, lang) >= RARER_BY


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn")
"""QWERTY and AZERTY rows: a slip hits a key beside the right one, or the row above or below."""


@lru_cache(maxsize=64)
def _keyboard_neighbours(letter: str) -> frozenset[str]:
    found = set()
    for layout in (_KEYBOARD_ROWS[:3], _KEYBOARD_ROWS[3:]):
        for row_index, row in enumerate(layout):
            column = row.find(letter)
            if column < 0:
                continue
            for other_index in (row_index - 1, row_index, row_index + 1):
                if 0 <= other_index < len(layout):
                    found.update(layout[other_index][max(0, column - 1):column + 2])
    return frozenset(found - {letter})


def first_letter_slip(word: str, term: str) -> bool:
    """Whether `word` is `term` with a slip at its first letter: dropped ("ictimes"), swapped with the second ("usrvivants"),
    or struck on a neighbouring key ("fictims")."""
    if word in (term[1:], term[1:2] + term[:1] + term[2:]):
        return True
    return len(word) == len(term) and word[1:] == term[1:] and fold(word[0]) in _keyboard_neighbours(fold(term[0]))


_LOOKUPS: dict[tuple[int, str], tuple[Glossary, tuple[dict[int, int], dict[str, tuple[str, ...]]]]] = {}


def _entry_lookups(glossary: Glossary, lang: str) -> tuple[dict[int, int], dict[str, tuple[str, ...]]]:
    """Each entry's rank (by id) and each term's first key, built once per glossary (they cost more than the matching)."""
    def build() -> tuple[dict[int, int], dict[str, tuple[str, ...]]]:
        rank = {id(entry): index for index, entry in enumerate(glossary.entries(lang))}
        key_of_term: dict[str, tuple[str, ...]] = {}
        for entry in glossary.entries(lang):
            key_of_term.setdefault(entry.term, entry.key)
        return rank, key_of_term

    return per_glossary(_LOOKUPS, glossary, build, lang)


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
    rank, key_of_term = _entry_lookups(glossary, lang)
    for group in groups:
        first, last = min(item[0] for item in group), max(item[1] for item in group)
        start, end = words[first].start, words[last].end
        entries = sorted({item[2] for item in group}, key=lambda entry: (order[entry.status], rank.get(id(entry), 0)))
        suggestions: list[str] = []
        seen_keys = set()
        for entry in entries:
            terms = [entry.term] if entry.status != "forbidden" else glossary.variants(entry.concept, lang)[:1]
            for term in terms:
                key = key_of_term.get(term, (term,))
                if key not in seen_keys:
                    seen_keys.add(key)
                    suggestions.append(term)
        reasons = list(dict.fromkeys(item[3] for item in group))
        concept = entries[0].concept
        blend = any("another variant" in reason for reason in reasons)
        if len(suggestions) > 1:
            alternatives = ", ".join(f"“{s}”" for s in suggestions[:-1]) + f" or “{suggestions[-1]}”"
            what = "blends two forms of" if blend else "garbles"
            message = f"“{text[start:end]}” {what} the term {concept_label(glossary, concept)}: write {alternatives}"
            if blend:
                reasons = [reason for reason in reasons if "another variant" not in reason]
        else:
            message = f"“{text[start:end]}” is a garbled form of “{suggestions[0]}”" if suggestions else "garbled term"
        garbles.append(Garble(start, end, text[start:end], tuple(suggestions), message + (f" ({'; '.join(reasons)})." if reasons else ".")))
    return garbles

def _misspelt_inside_matches(text: str, words: list[Word], lang: str, glossary: Glossary, exact: list[TermMatch],
                             taken: list[tuple[int, int]]) -> list[Garble]:
    """A term matched through its stem although one of its words is misspelt (« la traite des personns »: stem « person »):
    the word is unknown to the lemmatiser and within a slip of the term's word."""
    garbles = []
    listed_words: dict[tuple[int, int], set[str]] = {}  # a span's words as some listed variant writes them (« eurodéputées »)
    for match in exact:
        for entry in glossary.concept_entries(match.concept, lang):
            if entry.term == match.entry:
                listed_words.setdefault((match.start, match.end), set()).update(word.surface for word in entry.words)
    for match in exact:
        if match.type != "term" or any(first < match.end and match.start < last for first, last in taken):
            continue
        entry = next((entry for entry in glossary.concept_entries(match.concept, lang) if entry.term == match.entry), None)
        if entry is None:
            continue
        for word in words:
            if not (match.start <= word.start and word.end <= match.end) or word.stop or is_known(word.surface, lang):
                continue
            if word.surface in listed_words[(match.start, match.end)]:
                continue
            if lang == "en" and is_known(word.surface, "fr") and _FRENCH_SMALL_WORD_BESIDE.search(text[max(0, word.start - 5):word.end + 4]):
                continue  # a French word among French words (« victimes » in "the Centre d’aide aux victimes d’actes criminels"): a
                # French name kept, or French left in the English, which the language check reports
            if word.text[:1].isupper() and not entry.term[:1].isupper():
                continue  # (a capitalised word in a term listed in small letters is another name's: "Victim Services Toronto" in a French
                # text; in a listed name, « Sécurit publique Canada », it is the name's own word misspelt)
            slipped = next((term_word for term_word in entry.words if same_form(word, term_word) and word.surface != term_word.surface
                            and not (word.accentless and fold(word.surface) in _inflections(fold(term_word.surface)))
                            and _misspelt(word, term_word, lang)), None)
            # (a lost accent alone, in the term's word or its plural, is the accent check's warning; a wrong accent, « mariages forcës »,
            # is a misspelling)
            if slipped is not None:
                suggestion = entry.term if entry.status != "forbidden" else (glossary.variants(entry.concept, lang) or [entry.term])[0]
                garbles.append(Garble(match.start, match.end, match.term, (suggestion,),
                                      f"“{word.text}” looks like a misspelling of “{slipped.text}” in “{suggestion}”."))
                taken.append((match.start, match.end))
                break
    return garbles


_FRENCH_SMALL_WORD_BESIDE = re.compile(r"(?<![\w’'-])(?:aux|des|du|les)\s|\s[dl][’']\w", re.IGNORECASE)
"""« aux » before a word, « d’ » after it: French words around it."""


def _inflections(word: str) -> tuple[str, str, str]:
    """A word and its regular plurals."""
    return word, word + "s", word + "x"


_SINGLES: dict[tuple[int, str], tuple[Glossary, tuple[dict[str, list[Entry]], dict[tuple[str, str, str, bool], Entry | None]]]] = {}


def _singles(glossary: Glossary, lang: str) -> tuple[dict[str, list[Entry]], dict[tuple[str, str, str, bool], Entry | None]]:
    """Single-word terms (not acronyms, five letters or more) by their folded first letter, in glossary order, built once per
    glossary; and the term each word form is a misspelling of (None: none), filled by `_misspelt_single_terms`."""
    def build() -> tuple[dict[str, list[Entry]], dict[tuple[str, str, str, bool], Entry | None]]:
        index: dict[str, list[Entry]] = {}
        for entry in glossary.entries(lang):
            if len(entry.words) == 1 and not entry.is_acronym and len(entry.words[0].surface) >= 5:
                index.setdefault(fold(entry.words[0].surface[0]), []).append(entry)
        return index, {}

    index, misspelt = per_glossary(_SINGLES, glossary, build, lang)
    if len(misspelt) > 100_000:
        misspelt.clear()
    return index, misspelt


def _misspelt_single_terms(text: str, words: list[Word], lang: str, glossary: Glossary, taken: list[tuple[int, int]]) -> list[Garble]:
    singles_by_initial, misspelt_by_form = _singles(glossary, lang)
    garbles = []
    for word in words:
        if (word.stop or len(word.surface) < 4 or not word.surface.isalpha() or (word.text[:1].isupper() and not _opens_sentence(text, word.start))
                or is_known(word.surface, lang)):
            continue  # `_misspelt` is false for such a word whatever the term (and a capitalised word inside a sentence may be a name)
        if any(first <= word.start < last for first, last in taken):
            continue
        form = (word.surface, word.lemma, word.stem, word.accentless)  # what `_misspelt` and `same_form` read of the word
        if form not in misspelt_by_form:
            slipped = [entry for initial, entries in singles_by_initial.items() if initial != fold(word.surface[0])
                       for entry in entries]  # a slip at the term's first letter (see `_misspelt`)
            misspelt_by_form[form] = next((entry for entry in [*singles_by_initial.get(fold(word.surface[0]), ()), *slipped]
                                           if _misspelt(word, entry.words[0], lang) and not same_form(word, entry.words[0])), None)
        entry = misspelt_by_form[form]
        if entry is not None:
            accepted = [entry.term] if entry.status != "forbidden" else glossary.variants(entry.concept, lang)[:1]
            garbles.append(Garble(word.start, word.end, word.text, tuple(accepted),
                                  f"“{word.text}” looks like a misspelling of “{accepted[0] if accepted else entry.term}”."))
    return garbles


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins the text or a sentence in it (its capital is the sentence's: "Victis assisted by IOM …")."""
    return not text[:start].strip() or bool(re.search(r"[.!?]\s+$", text[:start]))


_SWAPPED: dict[tuple[int, str], tuple[Glossary, dict[str, list[tuple[tuple[str, ...], Entry]]]]] = {}
_CONJUNCTIONS = frozenset({"et", "and"})


def _swapped_forms(glossary: Glossary, lang: str) -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
    """Per folded first word, each term with the words on either side of its « et » / "and" exchanged, one to as many as the shorter
    side holds (« délai de rétablissement et de réflexion » → « délai de réflexion et de rétablissement »), unless a listed variant
    reads that way; built once per glossary."""
    def build() -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
        listed = {tuple(word.folded[0] for word in entry.words) for entry in glossary.entries(lang) if entry.status != "forbidden"}
        result: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in glossary.entries(lang):
            folded = tuple(word.folded[0] for word in entry.words)
            if entry.status == "forbidden" or not _CONJUNCTIONS & set(folded):
                continue
            middle = next(index for index, word in enumerate(folded) if word in _CONJUNCTIONS)
            left, right = folded[:middle], folded[middle + 1:]
            for size in range(1, min(len(left), len(right)) + 1):
                swapped = left[:-size] + right[:size] + (folded[middle],) + left[-size:] + right[size:]
                if swapped != folded and swapped not in listed:
                    result.setdefault(swapped[0], []).append((swapped, entry))
        return result

    return per_glossary(_SWAPPED, glossary, build, lang)


def _coordinations_swapped(text: str, words: list[Word], lang: str, glossary: Glossary, taken: list[tuple[int, int]]) -> list[Garble]:
    """A term with its coordinated words the other way round (« délai de réflexion et de rétablissement » for the Convention's « délai
    de rétablissement et de réflexion »): a term is quoted in its own order."""
    swapped_forms = _swapped_forms(glossary, lang)
    garbles = []
    for index, word in enumerate(words):
        for swapped, entry in swapped_forms.get(word.folded[0], ()):
            window = words[index:index + len(swapped)]
            if (len(window) == len(swapped) and all(other.folded[0] == form for other, form in zip(window, swapped))
                    and not any(other.break_before for other in window[1:])
                    and not any(first < window[-1].end and window[0].start < last for first, last in taken)):
                written = text[window[0].start:window[-1].end]
                garbles.append(Garble(window[0].start, window[-1].end, written, (entry.term,),
                                      f"“{written}” is “{entry.term}” with its coordinated words the other way round: a term keeps its order."))
                taken = [*taken, (window[0].start, window[-1].end)]
    return garbles


def find_changed_names(text: str, lang: str, glossary: Glossary, concepts: set[str], matches: list[TermMatch], linked: str = "") -> list[Garble]:
    """Official names of `concepts` (named by the linked text in the other language, not by this one) written here with one word
    changed (« les Nations État », « le Protocole de l'Europe », "Public Safety World"): the linked text says which name is meant,
    so even a short name, whose changed word the one-sided matcher cannot tell from ordinary text, is a garble."""
    words = content_words(text, lang)
    named = [(match.start, match.end) for match in matches if not match.gap]
    garbles: list[Garble] = []
    for concept in sorted(concepts):
        if glossary.subject(concept) not in NAME_SUBJECTS:
            continue
        for entry in glossary.concept_entries(concept, lang):
            content = [word for word in entry.words if not word.stop]
            if entry.status == "forbidden" or entry.is_acronym or len(content) < 2 or not all(word.text[:1].isupper() for word in content):
                continue
            size = len(entry.words)
            for start in range(len(words) - size + 1):
                window = words[start:start + size]
                if any(word.break_before for word in window[1:]):
                    continue
                different = [index for index in range(size) if not same_form(window[index], entry.words[index])]
                if len(different) != 1:
                    continue
                word, term_word = window[different[0]], entry.words[different[0]]
                if word.stop or term_word.stop or not word.text.isalpha() or not word.text[:1].isupper():
                    continue  # (a lower-case word there is a description, « la convention des Nations Unies »)
                if fold(word.surface[:1]) == fold(term_word.surface[:1]) and OSA.distance(fold(word.surface), fold(term_word.surface)) <= 2:
                    continue  # a spelling of the same word ("Organisation", "Labor"), not another word
                if {word.text.lower(), term_word.text.lower()} == {"bill", "act"}:
                    continue  # "the … in Supply Chains Bill": the act named as the bill it was before it passed
                span = (window[0].start, window[-1].end)
                if any(garble.start < span[1] and span[0] < garble.end for garble in garbles):
                    continue
                if any(first <= word.start < last for first, last in named):
                    continue  # the changed word begins or belongs to another listed term: another name
                if _capitalised_cognate(word.text, linked):
                    continue  # the linked text writes that word too ("International Labour Conference" beside « Conférence internationale
                    # du Travail »): another body of the same name, the Conference of the Organization, named in both versions
                garbles.append(Garble(span[0], span[1], text[span[0]:span[1]], (entry.term,),
                                      f"“{word.text}” where the official name has “{term_word.text}”: the linked text names "
                                      f"{concept_label(glossary, concept)}, written here “{entry.term}”."))
    return sorted(garbles, key=lambda garble: garble.start)


def _capitalised_cognate(word: str, linked: str) -> bool:
    """Whether `linked` holds a capitalised word beginning with the same five letters as `word` (accents aside): « Conférence » / "Conference"."""
    stem = fold(word.lower())[:5]
    return len(stem) == 5 and any(fold(other.lower())[:5] == stem for other in re.findall(r"\b[A-ZÀ-Ý][^\W\d_]{4,}", linked))


_RUN_TOGETHER: dict = {}
"""Per glossary and language (`per_glossary`)."""
RUN_TOGETHER_WRITTEN_ZIPF = 2.0
"""How often (wordfreq's Zipf scale) two words written as one may be written so in general, for the word to be read as a slip: "HumanTrafficking"
never is, "lapersonne" 1.7 in web text; "roundtable" (3.1), "recordkeeping" (2.2), "dela" (3.3) and "inhuman" are, so the spelling
check leaves them alone and the term checks read them as two words only inside the term (« victimes dela traite », "trafficking inhuman
beings")."""


RUN_TOGETHER_WORDS = 50_000
"""How many unknown words keep where they split (a 100,000-unit TMX holds tens of thousands: names, codes, slips)."""


def _lemma(word: str, lang: str) -> str:
    return fold(word_keys(word.lower(), lang)[1])


@dataclass
class _RunTogether:
    pairs: dict[tuple[str, str], set[tuple[str, str]]]
    """Per pair of lemmas of consecutive words of an accepted term (« traite », « de »; "victim", "of"), the lemmas of the words
    around them in the term ("" at its ends)."""
    joined: frozenset[str]
    """The folded pairs of consecutive words as the glossary writes them, glued (« dela », "inhuman"): the words people write that
    can be such a pair."""
    cuts: dict[str, int | None]
    """Per word met, where it splits into such a pair (None: nowhere)."""
    openings: frozenset[str]
    """The first two letters (folded) of the first words of such pairs: a word beginning otherwise is not searched."""


def _run_together(glossary: Glossary, lang: str) -> _RunTogether:
    def build() -> _RunTogether:
        pairs: dict[tuple[str, str], set[tuple[str, str]]] = {}
        joined, openings = set(), set()
        for entry in glossary.entries(lang):
            if entry.status == "forbidden" or entry.is_acronym:
                continue
            # (words a space parts: "Co-operation" and « d'êtres » keep their hyphen and apostrophe when the space goes)
            tokens = [re.findall(r"[^\W\d_]+", token) for token in entry.term.split()]
            tokens = [pieces for pieces in tokens if pieces]
            for index in range(len(tokens) - 1):
                first, second = tokens[index][-1], tokens[index + 1][0]
                before = tokens[index][-2] if len(tokens[index]) > 1 else tokens[index - 1][-1] if index else ""
                after = tokens[index + 1][1] if len(tokens[index + 1]) > 1 else tokens[index + 2][0] if index + 2 < len(tokens) else ""
                around = (_lemma(before, lang) if before else "", _lemma(after, lang) if after else "")
                pairs.setdefault((_lemma(first, lang), _lemma(second, lang)), set()).add(around)
                joined.add(fold(first + second))
                openings.add(fold(first)[:2].lower())
        return _RunTogether(pairs, frozenset(joined), {}, frozenset(openings))

    return per_glossary(_RUN_TOGETHER, glossary, build, lang)


def _small_words_by_chance(first: str, second: str, lang: str) -> bool:
    """Whether two halves of a word are small words only through their lemmas ("Insan": "ins", "an"): a name, not « dela » run together."""
    stop = STOPWORDS.get(lang, ())
    halves = (first.lower(), second.lower())
    return all(_lemma(half, lang) in stop for half in halves) and not all(half in stop for half in halves)


def _term_words_run_together(text: str, words: list[Word], lang: str, glossary: Glossary, taken: list[tuple[int, int]]) -> list[Garble]:
    """A word that is two consecutive words of a glossary term, in any of their forms, with the space between them lost (« Traitedes
    êtres humains », "Victimsof trafficking", "NationsUnies", « chaînesd’approvisionnement »), in any case: a name is never two words of
    a term glued together. A word people write (a dictionary's or wordfreq's: « dela », "inhuman") is one only between the term's other
    words."""
    from wordfreq import zipf_frequency

    run_together = _run_together(glossary, lang)
    garbles = []
    for position, word in enumerate(words):
        if (len(word.text) < 4 or not word.text.isalpha() or fold(word.text[:2]).lower() not in run_together.openings
                or any(first <= word.start < last for first, last in taken)):
            continue
        known = is_known(word.surface, lang)
        if known and fold(word.text) not in run_together.joined:
            continue  # (the search below, for every word of every text, would cost more than the rest of the near-miss matcher)
        if word.text not in run_together.cuts:
            if len(run_together.cuts) >= RUN_TOGETHER_WORDS:
                run_together.cuts.clear()
            run_together.cuts[word.text] = next((cut for cut in range(1, len(word.text))
                                                 if (_lemma(word.text[:cut], lang), _lemma(word.text[cut:], lang)) in run_together.pairs), None)
        cut = run_together.cuts[word.text]
        if cut is None or _small_words_by_chance(word.text[:cut], word.text[cut:], lang):
            continue
        if known or zipf_frequency(word.surface, lang) >= RUN_TOGETHER_WRITTEN_ZIPF:
            before = _lemma(words[position - 1].text, lang) if position else ""
            after = _lemma(words[position + 1].text, lang) if position + 1 < len(words) else ""
            around = run_together.pairs[(_lemma(word.text[:cut], lang), _lemma(word.text[cut:], lang))]
            if not any((first and first == before) or (last and last == after) for first, last in around):
                continue
        spaced = f"{word.text[:cut]} {word.text[cut:]}" + (text[word.end] if text[word.end:word.end + 1] in ("'", "’") else "")
        garbles.append(Garble(word.start, word.end, word.text, (spaced,), f"“{word.text}” is two words of a term run together: “{spaced}”."))
    return garbles
