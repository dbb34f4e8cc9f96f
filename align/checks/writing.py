"""Slips a French reviser catches on reading: doubled words, a locution without its preposition, a split ordinal,
a glossary term with a wrong number or a missing article, an official name not written word for word, and one
name or word written two ways in the same French text."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView
from align.model import Flag
from align.terms.glossary import fold, longest_matches, tokenize
from align.terms.nearmiss import find_garbled

_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1)(?![\w'’-])", re.IGNORECASE)
_LEGITIMATE_DOUBLES = {"fr": {"nous", "vous"}, "en": {"that", "had", "is"}}
"""Doubles that grammar allows (« nous nous sommes », "that that", "had had")."""
_LOCUTION = re.compile(r"\b(afin|en matière|au sein|à l['’]égard|en raison|lors)\s+(?!de\b|d['’]|du\b|des\b|que\b|qu['’])([^\W\d_]+)", re.IGNORECASE)
"""Locutions that cannot stand without « de » (« afin d'être », « en matière de lutte »)."""
_SPLIT_ORDINAL = re.compile(r"\b1\s+er\b|\b\d{1,2}°(?=\s*(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)",
                            re.IGNORECASE)
_CURRENCY_TWICE = re.compile(r"(?<=\d)\s*(\$\s*(?:(?:millions?|milliards?)\s+)?de\s+dollars)\b", re.IGNORECASE)
"""« 10,28 $ millions de dollars »: the amount says dollars twice (« 10,28 millions de dollars » or « 10,28 M$ »)."""
_NAME_SUBJECTS = ("event", "institution", "law")
_CONTRACTIONS = {"d": "de", "des": "des", "de": "de", "du": "du", "au": "au", "aux": "aux", "à": "à", "la": "la", "l": "l", "le": "le", "les": "les"}


def writing_slips(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """Doubled words (French and English), and in French: locutions missing « de », split ordinals, garbled term forms."""
    if side == "mt":
        return []
    text = link.texts[side]
    lang = LANG_OF_SIDE[side]
    flags = []
    for found in _DOUBLED.finditer(text):
        if found.group(1).lower() in _LEGITIMATE_DOUBLES[lang]:
            continue
        if any(match.start < found.end() and found.start() < match.end for match in link.matches.get(side, [])) and any(
                garble.start <= found.start() and found.end() <= garble.end
                for garble in find_garbled(text, lang, context.glossary, matches=link.matches.get(side))):
            continue  # a doubled word inside a glossary term is a garbled term (« travail travail forcé »), reported as such
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"“{found.group(1)}” is written twice.", found.group(1)))
    if lang != "fr":
        return flags
    for found in _LOCUTION.finditer(text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(1)} » needs « de » before « {found.group(2)} ».", f"{found.group(1)} de {found.group(2)}"))
    for found in _CURRENCY_TWICE.finditer(text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(1), found.end(1), found.group(1),
                          f"« {found.group(1)} » says dollars twice: write « millions de dollars » or « M$ ».", found.group(1)[1:].strip()))
    for found in _SPLIT_ORDINAL.finditer(text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(0)} » is not how French writes an ordinal: « 1er ».", "1er"))
    flags += _garbled_forms(link, side, context)
    return flags


def _garbled_forms(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A French glossary term with a plural word made singular after « de/des » (« traite de personne », « des être humains »),
    without its article after « contre » (« contre traite des êtres humains »), or an official name whose small words differ
    from every listed form (« …contre la traite des êtres humains » for the Day's « …d'êtres humains »)."""
    text = link.texts[side]
    glossary = context.glossary
    words = tokenize(text, "fr")
    flags = []
    for match in longest_matches(link.matches.get(side, [])):
        if match.status == "forbidden" or match.type != "term" or match.gap:
            continue
        entry = next((e for e in glossary.concept_entries(match.concept, "fr") if e.term == match.entry), None)
        if entry is None:
            continue
        inside = [word for word in words if match.start <= word.start and word.end <= match.end and not word.article]
        before = [word for word in words if word.end <= match.start]
        message = ""
        if len(inside) == len(entry.words):
            for index, (word, term_word) in enumerate(zip(inside, entry.words)):
                if (index and term_word.surface.endswith(("s", "x")) and not word.surface.endswith(("s", "x")) and word.lemma == term_word.lemma
                        and inside[index - 1].surface in ("de", "d", "des")):
                    message = f"« {word.text} » should be plural here, as in « {entry.term} »."
                    break
        if not message and before and before[-1].surface == "contre" and not inside[0].stop and inside[0].surface == fold(inside[0].surface):
            message = f"« contre » needs an article before « {match.term} » (« contre la {match.term} »)."
        if not message and glossary.subject(match.concept) in _NAME_SUBJECTS and match.term[:1].isupper():
            listed = glossary.concept_entries(match.concept, "fr")
            if "-" in match.term and not any("-" in other.term for other in listed):
                message = f"« {match.term} » is an official name, written without a hyphen: « {entry.term} »."
            elif (_small_words(match.term) not in {_small_words(other.term) for other in listed}
                  and len(_small_words(match.term)) == len(_small_words(entry.term)) and _written_as_listed(listed, context)):
                # house styles differ (« des êtres humains » at the Council of Europe): a deviation counts when the same
                # text also writes the name as listed
                message = f"« {match.term} » is an official name, written « {entry.term} » (as elsewhere in this text)."
        if message:
            flags.append(Flag(link.number, side, "term-garbled", "error", match.start, match.end, match.term, message, entry.term))
        elif len(inside) == len(entry.words):
            flags += _lost_accents(link.number, side, text, inside, entry.words)
    return flags


def _lost_accents(number: int, side: str, text: str, inside: list, term_words: tuple) -> list[Flag]:
    """A word of a glossary term written without an accent of a lower-case letter (« etres humains », « travail force »).

    The matcher accepts the accentless form so that the term is still recognised; in an official text it is still a slip.
    Capitals are left alone: French usage often drops accents on them (« Etats »)."""
    flags = []
    for word, term_word in zip(inside, term_words):
        written, listed = word.text, term_word.text
        lost = [index for index in range(min(len(written), len(listed)))
                if listed[index].islower() and fold(listed[index]) != listed[index] and written[index] == fold(listed[index])
                and fold(written[:index + 1]).lower() == fold(listed[:index + 1]).lower()]
        if lost:
            right = "".join(listed[index] if index in lost else char for index, char in enumerate(written))
            flags.append(Flag(number, side, "term-garbled", "warning", word.start, word.end, written,
                              f"« {written} » has lost its accent: « {right} ».", right))
    return flags


def _written_as_listed(entries: list, context: CheckContext) -> bool:
    """Whether the French document writes one of these glossary names exactly (apostrophes and case aside)."""
    text = fold(" ".join(segment.text for segment in context.fr_segments).replace("’", "'"))
    return any(fold(entry.term.replace("’", "'")) in text for entry in entries)


def _small_words(term: str) -> tuple[str, ...]:
    """The function words of a name in order, elision kept (« d' » is not « des »)."""
    return tuple(_CONTRACTIONS[word] for word in re.findall(r"[^\W\d_]+", fold(term.replace("’", "'"))) if word in _CONTRACTIONS)


_NAME_PHRASE = re.compile(r"\b(?=(([A-ZÀ-Ý][a-zà-ÿ]+)\s+([A-Za-zÀ-ÿ][a-zà-ÿ]+)\b))")
"""Two words, the first capitalised; a lookahead, so that « La Représentante Spéciale » yields both pairs."""
_HYPHENATED = re.compile(r"\b([a-zà-ÿ]+)-([a-zà-ÿ]+)\b")


@lru_cache(maxsize=50_000)
def _spellings(text: str) -> tuple[tuple, tuple, tuple]:
    """(key, span, form) of the capitalised two-word names, hyphenated words and plain words of six letters or more of a text."""
    phrases = []
    for match in _NAME_PHRASE.finditer(text):
        if match.group(3).lower() in ("de", "des", "du", "la", "le", "les", "et", "en"):
            continue
        phrase = match.group(1)
        phrases.append(("case:" + phrase.lower(), (match.start(), match.start() + len(phrase)), phrase))
    hyphens = [("hyphen:" + match.group(1) + match.group(2), match.span(), match.group(0)) for match in _HYPHENATED.finditer(text)]
    words = [("hyphen:" + word.group(0), word.span(), word.group(0)) for word in re.finditer(r"\b[a-zà-ÿ]{6,}\b", text)]
    return tuple(phrases), tuple(hyphens), tuple(words)


def spelt_two_ways(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """In one French text: a name capitalised two ways (« Conseil Permanent » / « Conseil permanent »), a word with and
    without a hyphen (« co-ordinatrice » / « coordinatrice »). The form in the minority is flagged (ties: the capitalised,
    the hyphenated form, which French usage avoids)."""
    spellings = [_spellings(link.texts["fr"]) for link in links]
    # a plain word matters only when some text writes it with a hyphen (the review app re-runs this over a whole document per correction)
    hyphenated = {key for phrases, hyphens, _ in spellings for key, _, _ in hyphens}
    found: dict[str, list[tuple[LinkView, tuple[int, int], str]]] = {}
    for link, (phrases, hyphens, words) in zip(links, spellings):
        for key, span, form in phrases + hyphens:
            found.setdefault(key, []).append((link, span, form))
        for key, span, form in words:
            if key in hyphenated:
                found.setdefault(key, []).append((link, span, form))
    flags = []
    for key, uses in found.items():
        forms = Counter(form for _, _, form in uses)
        if len(forms) < 2 or (key.startswith("hyphen:") and not any("-" in form for form in forms)):
            continue
        if key.startswith("case:") and not all(form[:1].isupper() for form in forms):
            continue
        usual = max(forms, key=lambda form: (forms[form], "-" not in form, -sum(char.isupper() for char in form)))
        for link, (start, end), form in uses:
            if form != usual:
                flags.append(Flag(link.number, "fr", "term-inconsistent", "warning", start, end, form,
                                  f"« {form} » is written « {usual} » elsewhere in this text ({forms[usual]}×); write it one way.", usual))
    return flags


WRITING = Check("writing-slips", "side", writing_slips, ("typography", "term-garbled"))
SPELT_TWO_WAYS = Check("spelt-two-ways", "document", spelt_two_ways, ("term-inconsistent",))
