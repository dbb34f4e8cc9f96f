"""Country names misspelt: a capitalised word that neither the French nor the English dictionary knows and that is a country's name
(CLDR, through babel) with two of its letters swapped (« Lybie » for « Libye ») or, in a name of six letters or more, one letter dropped,
doubled or changed ("Phillipines"). The first letter stays: a word that differs there is another name. A word the other version writes too
is a name both pages give (a person's, a town's), not a slip. And a country's English name left in the French (« COMOROS (Catégorie 2) »
on a French page that says « les Comores »).
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView, same_flags_for_same_texts
from align.checks.grammar import _french_known, english_word
from align.checks.language import among_english_words
from align.model import Flag
from align.terms.words import fold

_CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ]{3,}(?![\w’'-])")
ONE_EDIT_MIN_LETTERS = 6
"""Below this, one letter changed makes another name too often (Omar and Oman, Malik and Mali)."""


@lru_cache(maxsize=2)
def _countries(lang: str) -> frozenset[str]:
    from babel import Locale

    return frozenset(name for code, name in Locale(lang).territories.items() if code.isalpha() and re.fullmatch(r"[^\W\d_]+", name))


def _one_edit(word: str, name: str) -> bool:
    """Whether `word` is `name` with one letter dropped, added or changed (not its first)."""
    if abs(len(word) - len(name)) > 1 or word[0] != name[0]:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name)) == 1
    shorter, longer = sorted((word, name), key=len)
    return any(longer[:index] + longer[index + 1:] == shorter for index in range(1, len(longer)))


def _letters_swapped(word: str, name: str) -> bool:
    """Whether `word` is `name` with two of its letters (not the first) changing places."""
    differing = [index for index, (a, b) in enumerate(zip(word, name)) if a != b]
    return (len(word) == len(name) and len(differing) == 2 and differing[0] > 0
            and word[differing[0]] == name[differing[1]] and word[differing[1]] == name[differing[0]])


@lru_cache(maxsize=2)
def _folded_countries(lang: str) -> frozenset[str]:
    return frozenset(fold(name) for name in _countries(lang))


@lru_cache(maxsize=20_000)
def _country_meant(word: str, lang: str) -> str | None:
    if word in _countries(lang) or _french_known(word) or english_word(word) or fold(word) in _folded_countries(lang):
        return None  # (« Nigéria », « Libéria »: the accented spelling French writes too)
    for name in _countries(lang):
        if _letters_swapped(word, name) or (len(name) >= ONE_EDIT_MIN_LETTERS and _one_edit(word, name)):
            return name
    return None


def misspelt_countries(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    if side == "mt":
        return []
    text, lang = link.texts[side], LANG_OF_SIDE[side]
    other_side = "en" if side == "fr" else "fr"
    other = context.document_texts[other_side] or link.texts[other_side] or ""
    flags = []
    for found in _CAPITALISED.finditer(text):
        country = _country_meant(found.group(0), lang)
        if country and not re.search(rf"(?<![\w-]){re.escape(found.group(0))}(?![\w-])", other):
            flags.append(Flag(link.number, side, "spelling", "warning", found.start(), found.end(), found.group(0),
                              f"“{found.group(0)}” reads like the country “{country}” misspelt.", country))
    return flags


MISSPELT_COUNTRIES = Check("misspelt-countries", "side", same_flags_for_same_texts(misspelt_countries), ("spelling",))


@lru_cache(maxsize=1)
def _english_only_country_names() -> dict[str, str]:
    """CLDR's English names of one word whose French name is another word, not the same one with or without its accents (Comoros /
    Comores, Morocco / Maroc), by English name: the French name."""
    from babel import Locale

    english, french = Locale.parse("en").territories, Locale.parse("fr").territories
    return {english[code]: french[code] for code in english.keys() & french.keys()
            if code.isalpha() and re.fullmatch(r"[A-Z][a-z]+", english[code]) and fold(english[code]) != fold(french[code])
            and english[code] not in _countries("fr") and english[code] not in _FRENCH_USES_TOO and not _french_known(english[code])}


_FRENCH_USES_TOO = frozenset({"Moldova", "Belarus"})
"""English names the United Nations' French uses too (« la République de Moldova », « le Bélarus »); the dictionary knows others as French
names or first names (« Vietnam », « Mexico », Chad, Jordan)."""


_CAPITALISED_OR_CAPITALS = re.compile(r"(?<![\w’'-])[A-Z](?:[a-z]{3,}|[A-Z]{3,})(?![\w’'-])(?! [A-Z][a-z])")
_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:Le|La|Les|Au|Aux|Du|Des|En|Et|De)\b)[A-Z][a-z]+ $")
"""A capitalised word or one in capitals, no capitalised word of a name beside it (Chad Smith, Michael Jordan are people)."""


def english_country_names(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    if side != "fr":
        return []
    text, names = link.texts["fr"], _english_only_country_names()
    flags = []
    for found in _CAPITALISED_OR_CAPITALS.finditer(text):
        name = found.group(0).capitalize()
        if (name in names and not _french_known(name.lower()) and not among_english_words(text, found.start(), found.end())
                and not _NAME_BEFORE.search(text, max(0, found.start() - 30), found.start())):
            french = names[name].upper() if found.group(0).isupper() else names[name]
            flags.append(Flag(link.number, side, "untranslated", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} » is the country's English name; French writes « {french} ».", french))
    return flags


ENGLISH_COUNTRY_NAMES = Check("english-country-names", "side", same_flags_for_same_texts(english_country_names), ("untranslated",))
