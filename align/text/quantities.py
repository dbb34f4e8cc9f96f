"""Numbers, dates and clock times in French and English text, as comparable values.

"2 000" = "2,000", "12,5 %" = "12.5%", "vingt-cinq" = "twenty-five" (number words through
text2num), "24 octobre 2023" = "October 24, 2023", "14 h 30" = "2:30 p.m.". The checks compare
the values found on the two sides of a link (`align.checks.run`).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache

MONTH_NAMES = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}
_MONTH_LOCALES = {"fr": ("fr", "fr_CA", "fr_BE", "fr_CH"), "en": ("en", "en_CA", "en_GB")}
_EXTRA_ABBREVIATIONS = {"fr": {"fév": 2, "fevr": 2, "juil": 7, "dec": 12}, "en": {"Sept": 9, "Sep": 9}}
"""Press-agency forms CLDR does not list ("fév.", AP style "Sept.")."""


def _month_tables() -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Full month names and abbreviations (without their full stop) by language, from CLDR through babel.

    Newswires abbreviate months in datelines (« le 30 juill. 2024 », "Sept. 4, 2019"); CLDR has
    every locale's forms (fr_CA writes « juill. », fr « juil. »), so they are not typed here.
    """
    from babel.dates import get_month_names

    full: dict[str, int] = {}
    abbreviated: dict[str, dict[str, int]] = {"fr": {}, "en": {}}
    for lang, locales in _MONTH_LOCALES.items():
        for locale in locales:
            for number, name in get_month_names("wide", locale=locale).items():
                full[name.lower()] = number
            for number, name in get_month_names("abbreviated", locale=locale).items():
                short = name.rstrip(".")
                if short.lower() not in full:
                    abbreviated[lang][short] = number
        abbreviated[lang].update(_EXTRA_ABBREVIATIONS[lang])
    full.update({"fevrier": 2, "aout": 8, "decembre": 12})
    return full, abbreviated


_FULL_MONTHS, _ABBREVIATED_MONTHS = _month_tables()
_MONTH_NUMBER = dict(_FULL_MONTHS)
_MONTH_NUMBER.update({short.lower(): number for table in _ABBREVIATED_MONTHS.values() for short, number in table.items()})
_ABBREVIATED = {lang: "|".join(sorted(map(re.escape, table), key=len, reverse=True)) for lang, table in _ABBREVIATED_MONTHS.items()}
# an abbreviation is a month only with its full stop or before a year ("sept" alone is the number seven)
_FR_MONTH = rf"(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|(?:{_ABBREVIATED['fr']})(?:\.|(?=\s+\d{{4}}\b)))"
EN_MONTHS_IN_SMALL_LETTERS = tuple(month.lower() for month in MONTH_NAMES["en"] if month not in ("May", "March"))
"""English months written in small letters, a slip ("the 10th october"); not "may" and "march", which are words too."""
_EN_MONTH = (rf"({'|'.join(MONTH_NAMES['en'])}|{'|'.join(month.upper() for month in MONTH_NAMES['en'])}"  # (upper case in headings and embargo lines)
             rf"|{'|'.join(EN_MONTHS_IN_SMALL_LETTERS)}"
             rf"|(?:{_ABBREVIATED['en']})(?:\.|(?=\s+\d)))")
_NUMERIC_DATE = re.compile(r"(?<![\w./-])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\w/]|\.\d)|(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
"""15.06.2023, 30/07/2024, 24/7/2014 (day first, as in French and EU texts), and ISO 2024-07-30."""
_DAY_MONTH = re.compile(r"(?<![\w./-])(?!24/7\b)(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
"""A day and a month without the year ("Anti-Trafficking Day (18/10)"), read only where one order alone is a date: 18/10, and in English
10/18 too; 5/6 says nothing of which is the day, and 24/7 is round the clock."""
_DATE_PATTERNS = {
    "fr": [
        (re.compile(rf"\b(1er|1\s?er|\d{{1,2}})\s+{_FR_MONTH}(?:\s+(\d{{4}}))?(?!\w)", re.IGNORECASE), ("day", "month", "year")),
        (re.compile(rf"\b{_FR_MONTH}\s+(\d{{4}})\b", re.IGNORECASE), ("month", "year")),
    ],
    "en": [
        (re.compile(rf"\b{_EN_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"), ("month", "day", "year")),
        (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+(\d{{4}}))?(?!\w)"), ("day", "month", "year")),
        (re.compile(rf"\b{_EN_MONTH},?\s+(?:of\s+)?(\d{{4}})\b"), ("month", "year")),
    ],
}
# Two days of one month: « les 15 et 16 avril 2024 », « du 15 au 21 octobre », "April 15th and 16th, 2024", "October 15 to 21",
# "15-16 May". Groups: first day, second day, month, year; the month and year belong to both days.
_ORDINAL = r"(?:st|nd|rd|th)?"
_FR_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+)?"
_EN_WEEKDAY = r"(?:the\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
"""« du vendredi 22 au samedi 23 février », "from Monday 24 through Thursday 27 August", "from the 25th to the 26th April": the
second day's weekday or article."""
_DATE_RANGE_PATTERNS = {
    "fr": [(re.compile(rf"\b(1er|\d{{1,2}})\s*(?:et|au|à|-|–)\s*{_FR_WEEKDAY}(\d{{1,2}})\s+{_FR_MONTH}(?:\s+(\d{{4}}))?(?!\w)", re.IGNORECASE),
            ("day", "day2", "month", "year"))],
    "en": [
        (re.compile(rf"\b{_EN_MONTH}\s+(\d{{1,2}}){_ORDINAL}\s*(?:and|to|through|-|–)\s*(\d{{1,2}}){_ORDINAL}(?:,?\s+(\d{{4}}))?\b"),
         ("month", "day", "day2", "year")),
        (re.compile(rf"\b(\d{{1,2}}){_ORDINAL}\s*(?:and|to|through|-|–)\s*{_EN_WEEKDAY}(\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+(\d{{4}}))?(?!\w)"),
         ("day", "day2", "month", "year")),
    ],
}
SPACED_DECIMAL_COMMA = re.compile(r"(?<![\w,.])(\d{1,3}),[ \u00a0](\d{1,2})(?=[ \u00a0]*(?:%|millions?\b|milliards?\b|pour[ \u00a0]cent\b))")
"""« 59, 6 millions », « 1, 7 pour cent »: a decimal comma with a stray space after it (an amount or a rate, not a list « 5, 6 »)."""
_NUMBER_PATTERNS = {
    # (a point in a French number is the English decimal point or a legal section's, « l'article 279.011 »: read as written)
    # (Swiss French groups thousands with an apostrophe: « 30'000 cas »)
    "fr": re.compile(SPACED_DECIMAL_COMMA.pattern + r"|(?<![\w,.'’])\d{1,3}(?:['’]\d{3})+(?:,\d+)?(?![\w'’])"
                     r"|(?<![\w,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\w)|(?<![\w,.])\d+(?:,\d+|\.\d+(?!\d|\.\d))?(?![\w])"),
    # (« No.188 », "s.279.02": a convention's number or a section's glued to its abbreviation)
    "en": re.compile(r"(?:(?<![\w.])|(?<=\bNo\.))(?<!\d,)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)"
                     r"|(?:(?<![\w.])|(?<=\bNo\.)|(?<=\bs\.)|(?<=\bss\.))(?<!\d,)\d+(?:\.\d+)?(?![\w])"),
}
POINT_GROUPED_THOUSANDS = re.compile(r"(?<![\w,.])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]|\w)|(?<![\w,.])\d{1,3}\.\d{3}(?![\d.,]|\w)"
                                     r"(?=[ \u00a0\u202f]*(?:€|\$|(?:EUR|CHF|USD|CAD|FCFA)\b|[^\W\d_]+[sx]\b))")
"""« 2.000.000 EUR », « 23.000 personnes »: thousands grouped with points, as Belgian, Luxembourg and Swiss pages write them (French
typography wants spaces: `align.checks.quantities` says so); one group only before a currency or a plural noun (« l'article 279.011 »
is a section's number)."""
COMMA_GROUPED_THOUSANDS = re.compile(r"(?<![\w,.])\d{1,3}(?:,\d{3}){2,}(?![\d.,]|\w)|(?<![\w,.])\d{1,3},\d{3}(?![\d.,]|\w)"
                                     r"(?=[ \u00a0\u202f]*(?:€|\$|(?:EUR|CHF|USD|CAD|FCFA)\b|(?!milli)[^\W\d_]+[sx]\b))")
"""« 286,000 enfants »: thousands grouped with commas as English writes them (a decimal comma with three decimals before a plural
noun counts nothing); not before « millions », « milliards » (« 1,250 milliard » is a decimal)."""
ENGLISH_DECIMAL_IN_FRENCH = re.compile(r"(?<![\w,.])\d+\.\d{1,2}(?![.\d])(?=[ \u00a0\u202f]*(?:%|\$|€|millions?\b|milliards?\b|pour\s+cent\b))")
"""A decimal point in a French amount or rate (« 27.6 millions »): French writes « 27,6 »."""
FRENCH_NOTATION_IN_ENGLISH = re.compile(r"(?<![\w,.])\d+,\d{1,2}(?![\d,])|(?<![\w,.])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d])")
_FOREIGN_NOTATIONS = {
    "en": ((FRENCH_NOTATION_IN_ENGLISH, lambda raw: re.sub(r"[\s\u00a0\u202f]", "", raw).replace(",", ".")),),
    "fr": ((POINT_GROUPED_THOUSANDS, lambda raw: raw.replace(".", "")),),
}
"""Numbers in a notation the language does not use, with how to read their digits."""
_NOT_NUMBERS = {
    "fr": {"uns", "unes", "neuf", "milles", "milliers", "centaines", "dizaines", "millions", "milliards"},
    "en": {"ones", "o", "thousands", "hundreds", "dozens", "millions", "billions"},
}
"""Number words that are not numbers here ("neuf" = new, "milles" = miles, vague plurals)."""
_WEAK = {"fr": {"un", "une"}, "en": {"one"}}
"""Articles and pronouns that are numbers only inside a run ("vingt et un", "one hundred")."""
_PER_CENT = re.compile(r"\bpour\s+$", re.IGNORECASE)
""""cent" after "pour" is per cent, not a hundred."""
_ONE_PER_CENT = {"fr": re.compile(r"\b(une?)\s+pour\s+cent\b", re.IGNORECASE),
                 "en": re.compile(r"\b(one)\s+(?:per\s?cent|percent)\b", re.IGNORECASE)}
"""The one weak number word that is a number alone: before "per cent" ("less than one percent" = « moins de 1 % »)."""
_CONNECTORS = {"fr": {"et"}, "en": {"and"}}
_SCALES = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9}
_SCALE_AFTER = re.compile(r"(?:[ \u00a0\u202f]+|-)(millions?|milliards?|billions?)\b", re.IGNORECASE)
""""48 millions", "$1.3-billion"."""
_SCALE_SIGN = re.compile(r"[ \u00a0\u202f]?(k|M|G|Mds?)(?=[ \u00a0\u202f]?(?:\$|€|CAD|USD|EUR)(?!\w))")
"""Scales written as a letter before a currency in French (Canadian usage): « 345 M$ » = "$345 million", « 1,2 G$ », « 10 k$ »."""
_SIGN_SCALES = {"k": 1e3, "M": 1e6, "G": 1e9, "Md": 1e9, "Mds": 1e9}
_GLUED_SCALE = re.compile(r"(?:[$€£]|\b(?:EUR|USD|CAD|CHF|GBP))[ \u00a0]?(\d+(?:\.\d+)?)(K|k|M|m|mn|bn|B)(?!\w)")
"""An English amount's scale glued to it after a currency: "EUR 2.3M" = « 2,3 millions d'euros », "$1.5bn"."""
_GLUED_SCALES = {"K": 1e3, "k": 1e3, "M": 1e6, "m": 1e6, "mn": 1e6, "bn": 1e9, "B": 1e9}
_RANGE_SCALE = re.compile(r"[ \u00a0\u202f]*(?:à|-|–|to|and|et)[ \u00a0\u202f]*(\d+)(?:[,.]\d+)?[ \u00a0\u202f]+(millions?|milliards?|billions?)\b",
                          re.IGNORECASE)
"""The scale said once after a range, for both ends: « 20 à 30 millions » = "20 million to 30 million"."""
_FILE_SIZE = re.compile(r"[ \u00a0\u202f]*(?:[KkMG]o|[kKMG]B|octets|bytes)(?!\w)")
"""A linked file's size (« [PDF 118 Ko] », "[PDF 101 kB]"): each language's file has its own."""
_ROUND_THE_CLOCK = {
    "fr": re.compile(r"24\s?(?:h|heures)\s+sur\s+24(?:\s*(?:,|et)?\s*7\s+jours\s+sur\s+7)?"
                     r"(?:\s*(?:,|et)?\s*365\s+jours\s+(?:sur|par)\s+(?:365|an))?", re.IGNORECASE),
    "en": re.compile(r"(?<![\w/])24/7(?:/365)?(?![\w/])"
                     r"|\b24 hours (?:a|per|on|over|out of) (?:day|24)(?:,? (?:and )?(?:7|seven) days (?:a|per|on|over|out of) (?:week|7))?"
                     r"(?:,? (?:and )?365 days (?:a|per) year)?|\b(?:a)?round[- ]the[- ]clock\b", re.IGNORECASE),
}
"""« 24 heures sur 24, 7 jours sur 7 » = "24/7/365" = "around the clock": one value, not the numbers 24, 7 and 365."""
_DECADE = {
    "fr": re.compile(r"\bannées\s+['’]?((?:19|20)\d0|[2-9]0)(?![\w-]|[.,]\d)", re.IGNORECASE),
    "en": re.compile(r"(?<![\w.,/-])(?:['’]([2-9]0)|((?:19|20)\d0|[2-9]0))['’]?s\b|\b(thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
                     re.IGNORECASE),
}
"""« les années 1970 » = "the 1970s" (« années ’70 », « années 70 » = "the ’70s", "the seventies"): one decade, not the year 1970 on one
side only."""
_AGE_BEFORE = re.compile(r"\b(?:their|his|her|its|our|my|your)\s+(?:(?:early|late|mid)[- ])?$", re.IGNORECASE)
_DECADE_WORDS = {"thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_YEAR_RANGE = re.compile(r"(?<![\w.,/-])((?:19|20)\d{2})\s?[-–]\s?(\d{4}|\d{2})(?![\w-]|[.,]\d)")
"""Fiscal and plan years: « 2019-2020 » = "2019-20"."""
_WORDED_YEAR_RANGE = {
    "fr": re.compile(r"(?<=\b[Ee]ntre )((?:19|20)\d{2}) et ((?:19|20)\d{2})(?![\w-]|[.,]\d)"
                     r"|(?<=\b[Dd]e )((?:19|20)\d{2}) à ((?:19|20)\d{2})(?![\w-]|[.,]\d)"),
    "en": re.compile(r"(?<=\b[Bb]etween )((?:19|20)\d{2}) and ((?:19|20)\d{2})(?![\w-]|[.,]\d)"
                     r"|(?<=\b[Ff]rom )((?:19|20)\d{2}) to ((?:19|20)\d{2})(?![\w-]|[.,]\d)"),
}
"""A period written in words, « entre 2010 et 2014 », "from 2010 to 2014": the years "2010-2014" (one value, as `_YEAR_RANGE` reads it)."""
_LEADING_POINT = re.compile(r"(?<![\w.,])\.(\d{2,3})(?![\w.,]|[ \u00a0\u202f]?(?:%|per\b|pour\b))")
"""« calibre .45 », "a .22 rifle": a calibre in hundredths or thousandths of an inch, which the other side may write "45 calibre"; read
as its digits in both languages (French writes no decimal with a point, and English writes its fractions « 0.45 » or with a sign)."""
_IDENTIFIER = re.compile(r"[A-Z]{1,6}(?:/[A-Z0-9]+)*/\d+(?:/[A-Z0-9]+)*|\b[A-Z][A-Za-z]*[-\u2011]\d+\b|\b[Cc]ovid-19\b|\bIS[BS]N[ :]*\d[\d -]*[\dX]\b")
"""Document symbols ("SG/SM/16047", "OBV/1358"), names with a number ("COVID-19" or « covid-19 », "G-20", "C-38") and a publication's ISSN or ISBN (each
language edition has its own) are references, not quantities."""
_RESOLUTION_YEAR = re.compile(r"(?i:r[ée]solutions?)\s+\d{1,4}\s*\(((?:19|20)\d{2})\)")
"""« resolution 2331 (2016) »: the year a UN resolution is cited with, which one version gives and the other may leave out."""
_RESOLUTION_NUMBER = re.compile(r"(?i:r[ée]solutions?)\s+(\d{1,3}/\d{1,3})(?![\d/])")
"""« résolution 6/14 », "resolution 51/15": a Human Rights Council resolution's session and number, a reference (not a date, not two
numbers)."""
_LINE_NUMBER = re.compile(r"(?i:\b(?:lignes?|lines?))\s+(\d{1,3}(?:\s*(?:à|to|and|et|-|–)\s*\d{1,3})?)(?![\d,.]\d)")
"""« après la ligne 23 », "replace line 12", « lignes 5 à 9 »: a line of a bill or a form, numbered in each language's own edition."""
_FOOTNOTE_MARK = re.compile(r"(?:(?<=[^\s\[(\d])|(?<=[^\s\[(\d] ))\[\d{1,3}\]")
"""“forced marriage,[1]”, "mixed migration flows [1]": a footnote's call, glued to the word or the punctuation before it or a space
after it, counts nothing."""
_UNKNOWN_WORD_MARK = re.compile(r"\*+\w")
"""Apertium's star before the rest of a word it does not know; a star before a space or a comma is a footnote's (« Rapport 2017*, »)."""
PHONE_NUMBER = re.compile(r"(?<![\w.,-])(?:\+?1[-\s.\u00a0])?(?:\(\d{3}\)\s?|\d{3}[-\s.\u00a0])\d{3}[-\s.\u00a0]\d{4}(?![\w-]|[.,]\d)")
"""Telephone numbers ("1 888 242-2100", « 1-888-242-2100 », "(613) 555-0199"): one value, their digits, in any layout."""
_APPROXIMATE = {
    "fr": re.compile(r"\b(?:(une?|d'une?|d’une?|quelque|la|les|des|de|plusieurs|quelques)\s+)"
                     r"(dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|soixantaines?|centaines?|milliers?)\b",
                     re.IGNORECASE),
    "en": re.compile(r"\b(?:(a|several)\s+)?(tens|dozens?|scores|hundreds|thousands)\b(?=\s+of\b)", re.IGNORECASE),
}
"""Round quantities written as nouns (« une cinquantaine », « des dizaines », « un millier », "hundreds of", "tens of thousands"): about a number."""
_APPROXIMATE_BASE = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
                     "soixantaine": 60, "centaine": 100, "millier": 1000, "ten": 10, "dozen": 12, "score": 20, "hundred": 100, "thousand": 1000}
_FRACTION = {
    "fr": re.compile(r"\b(?:(?:un|une) (cinquième|quart|tiers)|(deux) tiers|(trois) quarts|la (moitié)|"
                     r"(?:un|une|deux|trois)(?: [^\W\d_]+(?:['’][^\W\d_]+)?){0,2} sur "
                     r"(cinq|quatre|trois)\b(?! (?!(?:est|sont|a|ont|était|étaient|sera|seront|serait|seraient|se|ne|n|y|dans|en|au|aux|du|de|"
                     r"des|d|selon)\b)[^\W\d_]|[ -](?:cents?|mille)\b))", re.IGNORECASE),
    "en": re.compile(r"\b(?:(?:a|one)[ -](fifth|quarter|third)|(two)[ -]thirds|(three)[ -]quarters|(half) of|"
                     r"(?:(?:one|two|three)(?P<between>(?: [^\W\d_]+){1,3})? (?:in|out of|on|of each)|every) (five|four|three|fifth|fourth|third))\b"
                     r"(?! (?:year|month|week|day|hour)s?\b)"
                     r"(?(between)(?! (?!(?:is|are|was|were|will|would|has|have|had|and|or|who|that|of|in)\b)[^\W\d_]))", re.IGNORECASE),
}
"""A share in words (« un cinquième », « la moitié », « deux sur trois », "a fifth", "two thirds", "two out of three"; the machine
translation's "three on four", "two of each three"; "one victim in three", not "two workshops in three countries"): the percentage it is,
about (« 20 % » = "a fifth")."""
_FRACTION_PERCENT = {"cinquième": 20.0, "fifth": 20.0, "quart": 25.0, "quarter": 25.0, "tiers": 100 / 3, "third": 100 / 3, "moitié": 50.0,
                     "half": 50.0, "deux": 200 / 3, "two": 200 / 3, "trois": 75.0, "three": 75.0}
_ONE_IN = {"five": 20.0, "four": 25.0, "three": 100 / 3, "fifth": 20.0, "fourth": 25.0, "third": 100 / 3, "cinq": 20.0, "quatre": 25.0,
           "trois": 100 / 3}
""""one in three", "every third", « une personne sur trois » = « un tiers » (not « une étude sur quatre pays »: a word after the number, unless a verb
or a small word, makes it a count); two or three of them, twice or three times that."""
_DIGIT_FRACTION = {"fr": re.compile(r"(?<![\w/.,])([1-9])/([2-9]|10)(?=[ \u00a0]+(?:des?|d['’]|du)\b)"),
                   "en": re.compile(r"(?<![\w/.,])([1-9])/([2-9]|10)(?=[ \u00a0]+of\b)")}
"""A share in figures ("over 2/3 of reported incidents", « les 3/4 des victimes »): the percentage it is, about, as in words."""
_SHARE_OF = {"deux": 2, "two": 2, "trois": 3, "three": 3}
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Quantity:
    value: tuple
    start: int
    end: int
    text: str
    spelt: bool = False


RECENT_TEXTS = 4096
"""How many recent texts keep their dates and numbers: the checks read a link's texts again as its neighbours' texts, and a TMX
repeats its sentences."""


_DATELINE_PLACE = re.compile(r"\(?(?:(?:[A-ZÀ-Ý][\w’'-]*(?:[ -](?:(?:de|du|des|la|le)\s|[dl][’'])?[A-ZÀ-Ý][\w’'-]*)*"
                             r"(?:\s+\([^()]{1,30}\))?(?:,|\s+[–—])\s+){1,3})?(?:[Ll]e\s+)?")
_DATELINE_END = re.compile(r"\)?\s*(?:\([^()]{1,40}\)\s*|/[^/\n]{1,40}/\s*)?(?:--|[–—-])\s")
"""A dateline: a place and a comma (or a dash), a date, the agency in brackets or slashes, then a dash (« Strasbourg, 22.03.2024 – »,
« Genève, 5 juin (HCR) - », « Ottawa (Ontario), le 5 juin 2020 – », « OTTAWA, ON, le 29 juill. 2020 /CNW/ - », « PARIS, France, 10 mai
2013/African Press Organization (APO)/ — », « Toronto (Ontario) – Le 29 juin 2023 – », a wire's double hyphen « OTTAWA, 30 août 2022
(GLOBE NEWSWIRE) -- »), the date alone (« Le 12 juin 2014 – »), or all in brackets (« (New York, le 11 juin 2014) – »)."""


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at `start:end` is the dateline opening the text: the other version's page may carry its date elsewhere, or none."""
    return _DATELINE_PLACE.fullmatch(text[:start]) is not None and _DATELINE_END.match(text, end) is not None


def dateline_end(text: str, lang: str) -> int:
    """Where the dateline opening the text ends (after its date, the agency and the dash), 0 when the text opens with none."""
    for date in find_dates(text, lang):
        if in_dateline(text, date.start, date.end):
            return _DATELINE_END.match(text, date.end).end()
    return 0


CLOCK_TIME = re.compile(r"\d{1,2}[:h]\d{2}")
PAGE_STAMP_CHARS = 60
"""A line this short holding a date and a clock time, without a sentence's stop, is a page's time stamp ("30/07/2020 - 10:48", « mercredi
29 juillet 2020, 19:43 », « publié le 18 octobre 2020 à 13h03 », « Par Marie-Eve Poulin 6:01 AM - 24 janvier 2024 »), not the text's."""
_CLOCK_OR_ENGLISH_CLOCK = re.compile(r"\d{1,2}[:h]\d{2}|\d{1,2}\s?[AaPp]\.?[Mm]\b")


def page_stamp(text: str) -> bool:
    line = text.strip()
    return (len(line) <= PAGE_STAMP_CHARS and not line.endswith((".", "!", "?")) and _CLOCK_OR_ENGLISH_CLOCK.search(line) is not None
            and bool(find_dates(line, "en") or find_dates(line, "fr")))


def find_dates(text: str, lang: str) -> list[Quantity]:
    """Dates as (year or None, month, day or None) with their spans."""
    return list(_dates(text, lang))


def _overlaps(found: re.Match, taken: list[tuple[int, int]]) -> bool:
    return any(start < found.end() and found.start() < end for start, end in taken)


def _day_number(day: str) -> int:
    """« 1er » (also « 1 er ») is the first; any other day is its digits."""
    return 1 if day.replace(" ", "") == "1er" else int(day)


@lru_cache(maxsize=RECENT_TEXTS)
def _dates(text: str, lang: str) -> tuple[Quantity, ...]:
    if not _DIGIT.search(text):
        return ()  # every date pattern holds a day or a year in digits
    result: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _DATE_RANGE_PATTERNS[lang]:
        for found in pattern.finditer(text):
            if _overlaps(found, taken):
                continue
            parts = dict(zip(order, found.groups()))
            year = int(parts["year"]) if parts.get("year") else None
            month = _MONTH_NUMBER[parts["month"].rstrip(".").lower()]
            days = [_day_number(parts["day"]), int(parts["day2"])]
            if not all(1 <= day <= 31 for day in days) or days[0] >= days[1]:
                continue
            first_end, second_start = found.end(order.index("day") + 1), found.start(order.index("day2") + 1)
            result.append(Quantity((year, month, days[0]), found.start(), first_end, text[found.start():first_end]))
            result.append(Quantity((year, month, days[1]), second_start, found.end(), text[second_start:found.end()]))
            taken.append((found.start(), found.end()))
    for pattern, order in _DATE_PATTERNS[lang]:
        for found in pattern.finditer(text):
            if _overlaps(found, taken):
                continue
            parts = dict(zip(order, found.groups()))
            day = parts.get("day")
            value = (int(parts["year"]) if parts.get("year") else None, _MONTH_NUMBER[parts["month"].rstrip(".").lower()],
                     _day_number(day) if day else None)
            if value[2] is not None and not 1 <= value[2] <= 31:
                continue
            result.append(Quantity(value, found.start(), found.end(), found.group(0)))
            taken.append((found.start(), found.end()))
    for found in _NUMERIC_DATE.finditer(text):
        if _overlaps(found, taken):
            continue
        if found.group(7):
            year, month, day = int(found.group(5)), int(found.group(6)), int(found.group(7))
        else:
            first, second, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
            # day first (French, EU, UN usage) unless only the month-first reading is possible (US "7/30/2024")
            day, month = (second, first) if lang == "en" and second > 12 >= first else (first, second)
        if 1 <= month <= 12 and 1 <= day <= 31:
            result.append(Quantity((year, month, day), found.start(), found.end(), found.group(0)))
            taken.append((found.start(), found.end()))
    for found in _DAY_MONTH.finditer(text):
        first, second = int(found.group(1)), int(found.group(2))
        orders = [(first, second), (second, first)] if lang == "en" else [(first, second)]
        readings = [(day, month) for day, month in orders if 12 < day <= 31 and 1 <= month <= 12]
        if readings and not _overlaps(found, taken):
            day, month = readings[0]
            result.append(Quantity((None, month, day), found.start(), found.end(), found.group(0)))
            taken.append((found.start(), found.end()))
    return tuple(sorted(result, key=lambda value: value.start))


@lru_cache(maxsize=8192)
def _word_number(words: str, lang: str) -> float | None:
    """The value of number words ("deux mille", "vingt-cinq", "one hundred and twenty"), or None (text2num parses)."""
    from text_to_num import text2num

    try:
        return float(text2num(words.lower(), lang))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


@lru_cache(maxsize=50_000)
def _number_token(word: str, lang: str) -> tuple[str, float | str | None]:
    """A word as a token of a run of number words: the word (or its leading number words: "two-volume") and its value,
    "weak" for an article that counts only inside a run, None for a word that is not a number; once per word form."""
    lower = word.lower()
    if lower in _NOT_NUMBERS[lang] or len(lower) < 2:
        return word, None
    if lower in _WEAK[lang]:
        return word, "weak"
    value = _word_number(word, lang)
    if value is None and "-" in word:  # "two-volume": the leading number words only
        parts = word.split("-")
        for cut in range(len(parts) - 1, 0, -1):
            head = "-".join(parts[:cut])
            if _word_number(head, lang) is not None and head.lower() not in _NOT_NUMBERS[lang]:
                return head, _word_number(head, lang)
    return word, value


def _spelt_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Runs of number words, each run parsed as one number; a hyphenated word may start with one ("two-volume")."""
    if not any(isinstance(_number_token(word, lang)[1], float) for word in set(_NUMBER_WORD.findall(text))):
        return []  # no number word (most texts): known before the words are set against the dates and numbers found
    tokens = []  # (start, end, word, value alone or None)
    for found in _NUMBER_WORD.finditer(text):
        start = found.start()
        if any(first < found.end() and start < last for first, last in taken):
            continue
        word, value = _number_token(found.group(0), lang)
        tokens.append((start, start + len(word), word, value))
    if all(token[3] is None or token[3] == "weak" for token in tokens):
        return []  # no number word: no run starts
    result = []
    index = 0
    while index < len(tokens):
        if tokens[index][3] is None or tokens[index][3] == "weak":
            index += 1
            continue
        run = [tokens[index]]
        following = index + 1
        while following < len(tokens) and not text[run[-1][1]:tokens[following][0]].strip():
            token = tokens[following]
            connects = token[2].lower() in _CONNECTORS[lang] and following + 1 < len(tokens) and tokens[following + 1][3] is not None
            if token[3] is None and not connects:
                break
            run.append(token)
            following += 1
        while run and run[-1][3] is None:
            run.pop()
        phrase = text[run[0][0]:run[-1][1]]
        value = _word_number(phrase, lang) if len(run) > 1 else run[0][3]
        run = [token for token in run if token[3] != "weak"] if value is None else run
        per_cent = len(run) == 1 and lang == "fr" and run[0][2].lower() == "cent" and _PER_CENT.search(text[:run[0][0]])
        if value is not None and not per_cent:
            scale = _SCALE_AFTER.match(text, run[-1][1])
            if scale:  # « vingt et un millions » = "21 million"
                value *= _SCALES[scale.group(1).lower()]
                phrase = text[run[0][0]:scale.end()]
            result.append(Quantity((value,), run[0][0], run[0][0] + len(phrase), phrase, spelt=True))
        elif value is None:
            result += [Quantity((token[3],), token[0], token[1], token[2], spelt=True) for token in run if token[3] is not None]
        index = index + len(run)
    return result


_TIME_PATTERNS = {
    "fr": re.compile(r"\b([01]?\d|2[0-3])(?:\s?h(?:\s?([0-5]\d))?\b|:([0-5]\d)\b)"),
    "en": re.compile(r"\b(1[0-2]|0?\d)(?::([0-5]\d))?\s?([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):([0-5]\d)\b", re.IGNORECASE),
}


def find_times(text: str, lang: str) -> list[Quantity]:
    """Clock times as ("time", minutes after midnight): "14 h 30" = "2:30 p.m." = "14:30"."""
    result = []
    for found in _TIME_PATTERNS[lang].finditer(text):
        groups = found.groups()
        if lang == "fr":
            minutes = int(groups[0]) * 60 + int(groups[1] or groups[2] or 0)
        elif groups[2]:
            hour = int(groups[0]) % 12 + (12 if groups[2].lower() == "p" else 0)
            minutes = hour * 60 + int(groups[1] or 0)
        else:
            hour = int(groups[3])
            half = _HALF_OF_THE_RANGE_END.match(text, found.end())
            if half and hour % 12 <= int(half.group(1)) % 12:
                hour = hour % 12 + (12 if half.group(2).lower() == "p" else 0)  # "2:00 - 3:30 p.m.": the range's half is both ends'
                # (not "10:00 - 1:00 p.m.", which runs from the morning)
            minutes = hour * 60 + int(groups[4])
        result.append(Quantity(("time", minutes), found.start(), found.end(), found.group(0)))
    return result


_HALF_OF_THE_RANGE_END = re.compile(r"\s*(?:-|–|to)\s*(1[0-2]|0?\d)(?::[0-5]\d)?\s?([ap])\.?\s?m\b", re.IGNORECASE)


def find_numbers(text: str, lang: str, *, lenient: bool = False) -> list[Quantity]:
    """Numbers (digits in the language's notation, and number words) and clock times, outside dates.

    `lenient` accepts both notations (machine translation may keep the French one).
    """
    return list(_numbers(text, lang, lenient))


_PER_HUNDRED = re.compile(r"(?<=\bp\.)[ \u00a0\u202f]?100\b")
"""« 95 p. 100 »: the Canadian federal style for « 95 % », whose "100" is no number of the text."""


@lru_cache(maxsize=RECENT_TEXTS)
def _numbers(text: str, lang: str, lenient: bool) -> tuple[Quantity, ...]:
    dates = find_dates(text, lang) + (find_dates(text, "fr") if lenient and lang == "en" else [])
    taken = ([(date.start, date.end) for date in dates] + [found.span() for found in _IDENTIFIER.finditer(text)]
             + [found.span(1) for pattern in (_RESOLUTION_YEAR, _RESOLUTION_NUMBER, _LINE_NUMBER) for found in pattern.finditer(text)]
             + [found.span() for found in _FOOTNOTE_MARK.finditer(text)]
             + ([found.span() for found in _PER_HUNDRED.finditer(text)] if lang == "fr" else []))
    result = []
    for found in _DIGIT_FRACTION[lang].finditer(text):
        if not _overlaps(found, taken):
            share = 100 * int(found.group(1)) / int(found.group(2))
            result.append(Quantity(("about", share - 1, share + 1), found.start(), found.end(), found.group(0)))
            taken.append(found.span())
    for found in PHONE_NUMBER.finditer(text):
        if not any(start < found.end() and found.start() < end for start, end in taken):
            digits = re.sub(r"\D", "", found.group(0))
            result.append(Quantity(("phone", digits[-10:]), found.start(), found.end(), found.group(0)))
            taken.append(found.span())
    for language in (lang, "fr") if lenient and lang == "en" else (lang,):
        for found in _ROUND_THE_CLOCK[language].finditer(text):
            if not any(start < found.end() and found.start() < end for start, end in taken):
                # "around the clock" in words is an idiom as often as a figure: judged like a number in words
                result.append(Quantity(("round the clock",), found.start(), found.end(), found.group(0), spelt=not _DIGIT.search(found.group(0))))
                taken.append(found.span())
    for language in (lang, "fr") if lenient and lang == "en" else (lang,):
        for found in _DECADE[language].finditer(text):
            if not any(start < found.end() and found.start() < end for start, end in taken):
                decade = next(group for group in found.groups() if group)
                if decade.isalpha() and _AGE_BEFORE.search(text, 0, found.start()):
                    continue  # "women in their thirties": an age, « la trentaine »
                year = _DECADE_WORDS[decade.lower()] if decade.isalpha() else int(decade)
                result.append(Quantity(("decade", year + 1900 if year < 100 else year), found.start(), found.end(), found.group(0),
                                       spelt=decade.isalpha()))
                taken.append(found.span())
    if _DIGIT.search(text):  # year ranges, times and numbers in digits (most texts have no digit at all)
        for language in (lang, "fr") if lenient and lang == "en" else (lang,):
            for found in _WORDED_YEAR_RANGE[language].finditer(text):
                first, last_year = (int(year) for year in (found.group(1, 2) if found.group(1) else found.group(3, 4)))
                if first < last_year <= first + 10 and not any(start < found.end() and found.start() < end for start, end in taken):
                    result.append(Quantity(("years", first, last_year), found.start(), found.end(), found.group(0)))
                    taken.append(found.span())
        for found in _YEAR_RANGE.finditer(text):
            first, last = int(found.group(1)), found.group(2)
            last_year = int(last) if len(last) == 4 else first - first % 100 + int(last) + (100 if int(last) < first % 100 else 0)
            if first < last_year <= first + 10 and not any(start < found.end() and found.start() < end for start, end in taken):
                result.append(Quantity(("years", first, last_year), found.start(), found.end(), found.group(0)))
                taken.append(found.span())
        for time in find_times(text, lang) + (find_times(text, "fr") if lenient and lang == "en" else []):
            if not any(start < time.end and time.start < end for start, end in taken):
                result.append(time)
                taken.append((time.start, time.end))
        # the other language's notation, read as its writer meant it and flagged apart: French notation in English ("12,5", "2 500"),
        # thousands grouped with points in French (« 2.000.000 EUR »)
        for pattern, plain in _FOREIGN_NOTATIONS[lang]:
            for found in pattern.finditer(text):
                if _overlaps(found, taken):
                    continue
                value, end = float(plain(found.group(0))), found.end()
                if scale := _SCALE_AFTER.match(text, end):  # machine translation keeps « 12,5 millions » as "12,5 million"
                    value *= _SCALES[scale.group(1).lower()]
                    end = scale.end()
                result.append(Quantity((value,), found.start(), end, text[found.start():end]))
                taken.append((found.start(), end))
        for found in _LEADING_POINT.finditer(text):
            if not _overlaps(found, taken):
                result.append(Quantity((float(found.group(1)),), found.start(), found.end(), found.group(0)))
                taken.append(found.span())
        if lang == "en":
            for found in _GLUED_SCALE.finditer(text):
                start = found.start(1)
                if not any(first < found.end() and start < last for first, last in taken):
                    result.append(Quantity((float(found.group(1)) * _GLUED_SCALES[found.group(2)],), start, found.end(), text[start:found.end()]))
                    taken.append((start, found.end()))
        patterns = [_NUMBER_PATTERNS[lang]] + ([_NUMBER_PATTERNS["fr"]] if lenient and lang == "en" else [])
        for pattern in patterns:
            for found in pattern.finditer(text):
                if _overlaps(found, taken):
                    continue
                if _FILE_SIZE.match(text, found.end()):
                    taken.append(found.span())
                    continue
                if _UNKNOWN_WORD_MARK.match(text, found.end()):
                    continue  # Apertium's mark of an unknown word ("52017**DC0728"): part of a code, not a number
                raw = re.sub(r"[\s\u00a0\u202f'’]", "", found.group(0))
                raw = raw.replace(",", ".") if pattern is _NUMBER_PATTERNS["fr"] else raw.replace(",", "")
                try:
                    value = float(raw)
                except ValueError:
                    continue
                end = found.end()
                scale = _SCALE_AFTER.match(text, end)
                if scale:  # "48 millions" = "$48 million"
                    value *= _SCALES[scale.group(1).lower()]
                    end = scale.end()
                elif pattern is _NUMBER_PATTERNS["fr"] and (sign := _SCALE_SIGN.match(text, end)):
                    value *= _SIGN_SCALES[sign.group(1)]
                    end = sign.end()
                elif (range_scale := _RANGE_SCALE.match(text, end)) and value < int(range_scale.group(1)):
                    value *= _SCALES[range_scale.group(2).lower()]
                result.append(Quantity((value,), found.start(), end, text[found.start():end]))
                taken.append((found.start(), end))
    for found in _ROMAN.finditer(text):  # "CHAPITRE XII" = "CHAPTER 12"
        if found.group(0) and not any(start < found.end() and found.start() < end for start, end in taken):
            result.append(Quantity((float(_roman_value(found.group(0))),), found.start(), found.end(), found.group(0), spelt=True))
            taken.append((found.start(), found.end()))
    for found in _APPROXIMATE[lang].finditer(text):
        if _overlaps(found, taken):
            continue
        noun = found.group(2).lower()
        base = _APPROXIMATE_BASE[noun.rstrip("s")]
        plural = noun.endswith("s") or (found.group(1) or "").lower() in {"les", "des", "de", "plusieurs", "quelques", "several"}
        if noun.rstrip("s") == "quarantaine" and not found.group(1):
            continue  # « en quarantaine » is quarantine
        # about the number (« une cinquantaine » = "some 50", "over 50"), or several times it (« des dizaines » = "dozens", "30")
        low, high = (base * 2, base * 100) if plural else (base * 0.8, base * 1.25)
        start = found.start(2)
        result.append(Quantity(("about", low, high), start, found.end(), text[start:found.end()], spelt=True))
        taken.append((start, found.end()))
    for found in _FRACTION[lang].finditer(text):
        if _overlaps(found, taken):
            continue
        one_in = found.group(found.re.groups)
        if one_in:
            share = _ONE_IN[one_in.lower()] * _SHARE_OF.get(found.group(0).split()[0].lower(), 1)
        else:
            share = _FRACTION_PERCENT[next(word for word in found.groups() if word).lower()]
        result.append(Quantity(("about", share - 1, share + 1), found.start(), found.end(), found.group(0), spelt=True))
        taken.append(found.span())
    for found in _ONE_PER_CENT[lang].finditer(text):
        if not _overlaps(found, taken):
            result.append(Quantity((1.0,), found.start(1), found.end(1), found.group(1), spelt=True))
            taken.append(found.span(1))
    result += _spelt_numbers(text, lang, taken)
    return tuple(sorted(result, key=lambda value: value.start))


_ROMAN = re.compile(r"\b(?=[IVX]{2,}\b)X{0,3}(?:IX|IV|V?I{0,3})\b")
"""Roman numerals of two letters or more from I, V and X (2–39); longer alphabets collide with acronyms (CV, DC)."""


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, letter in enumerate(numeral):
        value = values[letter]
        total += -value if index + 1 < len(numeral) and values[numeral[index + 1]] > value else value
    return total


def format_number(value: tuple) -> str:
    if value[0] == "round the clock":
        return "24/7"
    if value[0] == "years":
        return f"{value[1]}-{value[2] % 100:02d}"
    if value[0] == "about":
        return f"about {value[1]:,.0f}-{value[2]:,.0f}"
    if value[0] == "phone":
        return value[1]
    if value[0] == "decade":
        return f"the {value[1]}s"
    if value[0] == "time":
        hour, minute = divmod(value[1], 60)
        return f"{hour % 12 or 12}{f':{minute:02d}' if minute else ''} {'p.m.' if hour >= 12 else 'a.m.'}"
    number = value[0]
    return f"{number:,.0f}" if number == int(number) else f"{number:,}"


def format_date(value: tuple, english_text: str) -> str:
    year, month, day = value
    name = MONTH_NAMES["en"][month - 1]
    if day is None:
        return f"{name} {year}" if year else name
    day_first = bool(re.search(rf"\b\d{{1,2}}\s+{_EN_MONTH}", english_text))
    core = f"{day} {name}" if day_first else f"{name} {day}"
    return core + (("" if day_first else ",") + f" {year}" if year else "")


def unmatched(left: list[Quantity], right: list[Quantity], same) -> tuple[list[Quantity], list[Quantity]]:
    """The values of each side with no partner on the other, equal values paired first: a round quantity (« deux tiers », about 67)
    must not take the partner of the equal number after it (« (67 %) »). Of several partners, the one at the nearest place in its list:
    "renamed it in 2005 … died in 2005" against « renommée en 2008 … suicidée en 2005 » leaves the first "2005" unpaired, where the
    French has 2008."""
    remaining = list(right)
    unpaired = list(left)
    place = {id(value): index / max(len(values) - 1, 1) for values in (left, right) for index, value in enumerate(values)}
    for partners in (operator.eq, same):
        still = []
        for value in unpaired:
            partner = min((other for other in remaining if partners(value.value, other.value)),
                          key=lambda other: abs(place[id(other)] - place[id(value)]), default=None)
            if partner is None:
                still.append(value)
            else:
                remaining.remove(partner)
        unpaired = still
    return unpaired, remaining


def same_number(a: tuple, b: tuple) -> bool:
    """Equal values; a whole hour also equals its number ("pendant 2 h" = "for 2 hours"), a time the decimal with its digits (« 5,41 »
    = "5:41"); a round quantity (« une cinquantaine »)
    equals a number in its range ("over 50") and another round quantity whose range meets its own ("dozens" = « des dizaines »)."""
    if a[0] == "about" or b[0] == "about":
        about, other = (a, b) if a[0] == "about" else (b, a)
        if other[0] == "about":
            return about[1] <= other[2] and other[1] <= about[2]
        return isinstance(other[0], float) and about[1] <= other[0] <= about[2]
    return a == b or any(time[0] == "time" and isinstance(number[0], float)
                         and ((time[1] % 60 == 0 and number[0] == time[1] // 60) or _same_digits_as_time(number[0], time[1]))
                         for time, number in ((a, b), (b, a)))


def _same_digits_as_time(number: float, minutes: int) -> bool:
    """« (5,41) » against "(5:41)": a chapter and verse (or any pair of numbers) written with a comma in French and a colon in English."""
    whole, hundredths = int(number), round((number - int(number)) * 100)
    return 0 < hundredths < 60 and whole * 60 + hundredths == minutes


def same_number_in_mt(a: tuple, b: tuple) -> bool:
    """`same_number`, or the same digits with the scale word lost (« 1,3 milliard » → "1,3 millardo of dollars")."""
    return same_number(a, b) or (isinstance(a[0], float) and isinstance(b[0], float) and a[0] and b[0]
                                 and any(abs(a[0] * factor - b[0]) < 1e-6 * max(abs(a[0]), abs(b[0])) for factor in (1e6, 1e9, 1e-6, 1e-9)))


def same_date(a: tuple, b: tuple) -> bool:
    return all(x == y for x, y in zip(a, b) if x is not None and y is not None) and a[1] == b[1]
