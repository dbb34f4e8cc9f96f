"""Slips of text pasted from a PDF or edited in haste, on the French and the official English: what no house style writes.

- a word cut in two by a space, each half not a word or one of them not, the two together a word (« ser vices »: PDF line justification);
- a space between an elided letter and its apostrophe (« d ’être », « d’ y »: PDF kerning);
- a French heading in English Title Case, shown by a capitalised conjunction or preposition between capitalised words
  (« Prévention Et Soutiens Communautaires »: French capitalises a heading's first word only);
- "at-risk" with a hyphen where it is not before a noun ("may be at-risk of", "at-risk and removed"): the compound takes its hyphen
  only as an adjective before its noun ("at-risk youth");
- a quotation mark doubled (two closing quotation marks after "harm.");
- two determiners in a row ("of the those": an edit left half done);
- a country's French name written without its hyphens (« Papouasie Nouvelle Guinée »; the names are CLDR's, through babel).

Each one was found on the eval/ corpus only where a reader had marked it (eval/README.md, "Seventh round"); all are warnings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.checks.base import Check, CheckContext, LinkView
from align.checks.grammar import _french_known
from align.model import Flag
from align.terms.glossary import is_known

_TWO_WORDS = re.compile(r"(?<![\w’'-])(?=([a-zà-ÿ]{2,}) ([a-zà-ÿ]{2,})(?![\w’'-]))")
_SPLIT_MIN_LETTERS = 6
_SPACED_APOSTROPHE = {
    "fr": re.compile(r"(?<![\w’'])(?:[dlnmtsjc]|qu|jusqu|lorsqu|puisqu)(?:\s[’']\s?|[’']\s)(?=[^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"(?<=[a-z])\s[’'](?=(?:s|t|re|ve|ll|d|m)\b)"),
}
_FRENCH_TITLE_CASE = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ]+ (?:Et|Ou|Pour|Sur|Contre|Avec|Dans|Aux)(?: [A-ZÀ-Ý][a-zà-ÿ]+)+")
"""(« De », « Du », « La », « Le » are left out: they begin surnames, « Michaëlle De Cock », « Karel De Gucht ».)"""
_AT_RISK_ALONE = re.compile(r"\bat-risk\b(?=\s+(?:of|to|for|and|or|in|from|because|when|if)\b|\s*[.,;:)])", re.IGNORECASE)
_DOUBLED_QUOTE = re.compile(r"(?<=[.!?,])([\"”»])\s?\1(?=\s|$)")
"""A closing quotation mark after the sentence's punctuation, written twice (the space: a segment may end between the two)."""
_TWO_DETERMINERS = re.compile(r"\b(?:the|a|an)\s+(?:the|a|an|those|these)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _unhyphenated_places() -> tuple[re.Pattern, dict[str, str]]:
    """CLDR's French names of countries and regions that take hyphens, as written without them, and the pattern finding them."""
    from babel import Locale

    names = {name.replace("-", " "): name for locale in ("fr", "fr_CA") for name in Locale.parse(locale).territories.values() if "-" in name}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?![\w-])")
    return pattern, names


def slips(links: list[LinkView], context: CheckContext) -> list[Flag]:
    flags = []
    for link in links:
        for side in ("fr", "en") if context.has_official else ("fr",):
            text = link.texts[side]
            if text:
                flags += _slips_in(link.number, side, text)
    return flags


def _slips_in(number: int, side: str, text: str) -> list[Flag]:
    return [Flag(number, side, "typography", "warning", start, end, text[start:end], message, suggestion)
            for start, end, message, suggestion in _slips_found("fr" if side == "fr" else "en", text)]


@lru_cache(maxsize=20_000)
def _slips_found(lang: str, text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, message, suggestion) of each slip in `text`, once per distinct text (a TMX repeats its sentences)."""
    found: list[tuple[int, int, str, str]] = []
    for pair in _TWO_WORDS.finditer(text):
        first, second = pair.group(1), pair.group(2)
        joined = first + second
        # (the halves first, each looked up once per word form: most are words, and most pairs stop there)
        if len(joined) >= _SPLIT_MIN_LETTERS and not (_known(first, lang) and _known(second, lang)) and _known(joined, lang):
            start = pair.start(1)
            found.append((start, pair.end(2), f"“{first} {second}” is the word “{joined}” cut by a space (text pasted from a PDF?).", joined))
    for apostrophe in _SPACED_APOSTROPHE[lang].finditer(text):
        written = apostrophe.group(0)
        fixed = re.sub(r"\s", "", written)
        found.append((apostrophe.start(), apostrophe.end(), f"A space around the apostrophe: “{written.strip()}” is written “{fixed}”.", fixed))
    if lang == "fr":
        places, hyphenated = _unhyphenated_places()
        for place in places.finditer(text):
            right = hyphenated[place.group(0)]
            found.append((place.start(), place.end(), f"“{place.group(0)}” is written “{right}” in French (hyphens are part of the name).", right))
        for heading in _FRENCH_TITLE_CASE.finditer(text):
            words = heading.group(0).split(" ")
            fixed = " ".join([words[0]] + [word.lower() for word in words[1:]])
            found.append((heading.start(), heading.end(), f"“{heading.group(0)}” capitalises every word as an English title does; French "
                          "capitalises the first word only.", fixed))
    else:
        for at_risk in _AT_RISK_ALONE.finditer(text):
            found.append((at_risk.start(), at_risk.end(), "“at-risk” takes its hyphen only before a noun (“at-risk youth”); here write “at risk”.",
                          "at risk"))
        for determiners in _TWO_DETERMINERS.finditer(text):
            found.append((determiners.start(), determiners.end(), f"Two determiners in a row: “{determiners.group(0)}”.", ""))
    for quote in _DOUBLED_QUOTE.finditer(text):
        found.append((quote.start(), quote.end(), f"The quotation mark is doubled: “{quote.group(0)}”.", quote.group(1)))
    return tuple(found)


@lru_cache(maxsize=50_000)
def _known(word: str, lang: str) -> bool:
    return _french_known(word) if lang == "fr" else is_known(word, "en")


SLIPS = Check("slips", "document", slips, ("typography",))
