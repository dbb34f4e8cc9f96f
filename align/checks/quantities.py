"""Numbers and dates that differ between the French and an English text of a link (values compared, not strings), and a date whose
weekday is not the calendar's."""

from __future__ import annotations

import datetime
import re
from collections import Counter

from align.checks.base import (
    LANG_OF_SIDE,
    SIDE_NAMES,
    Check,
    CheckContext,
    LinkView,
    capitalised,
    same_flags_for_same_neighbourhood,
    same_flags_for_same_texts,
    segment_texts,
)
from align.model import Flag
from align.text.quantities import (
    CLOCK_TIME,
    COMMA_GROUPED_THOUSANDS,
    ENGLISH_DECIMAL_IN_FRENCH,
    FRENCH_NOTATION_IN_ENGLISH,
    POINT_GROUPED_THOUSANDS,
    find_dates,
    find_numbers,
    format_date,
    format_number,
    in_dateline,
    page_stamp,
    same_date,
    same_number,
    same_number_in_mt,
    unmatched,
)


def _same_digits(one: str, other: str) -> bool:
    digits = re.sub(r"\D", "", one)
    return bool(digits) and digits == re.sub(r"\D", "", other)


@same_flags_for_same_neighbourhood
def numbers(link: LinkView, target: str, context: CheckContext) -> list[Flag]:
    """Numbers (digits and words, any notation) present on one side only, or different."""
    neighbours = link.neighbours
    french = find_numbers(link.texts["fr"], "fr")
    english = find_numbers(link.texts[target], "en", lenient=target == "mt")
    if target == "mt" and any(value.value == ("round the clock",) for value in french):
        # « 24 heures sur 24, 7 jours sur 7 » comes out of MT word for word ("24 of each 24 hours"): its numbers are that expression
        english = [value for value in english if value.value not in ((24.0,), (7.0,), (365.0,))]
        french = [value for value in french if value.value != ("round the clock",)]
    same = same_number_in_mt if target == "mt" else same_number
    missing, extra = unmatched(french, english, same)
    # a footnote call on one side only is layout (EU texts put « l'UE 1 . » in one version and the call elsewhere in the other)
    missing = [value for value in missing if not _footnote_call(link.texts["fr"], value.start, value.end)]
    extra = [value for value in extra if not _footnote_call(link.texts[target], value.start, value.end)]
    nearby_en = [value.value for other in neighbours for value in find_numbers(other.texts[target], "en", lenient=target == "mt")]
    nearby_fr = [value.value for other in neighbours for value in find_numbers(other.texts["fr"], "fr")]
    missing = [value for value in missing if not any(same(value.value, other) for other in nearby_en)]
    extra = [value for value in extra if not any(same(value.value, other) for other in nearby_fr)]
    # a year on one side is "this year" on the other (« le thème en 2022 de la Journée » = "the theme of this year's World Day")
    if _THIS_YEAR["en"].search(link.texts[target]):
        missing = [value for value in missing if not _is_year(value)]
    if _THIS_YEAR["fr"].search(link.texts["fr"]):
        extra = [value for value in extra if not _is_year(value)]
    missing, extra = _ranges_as_years(missing, extra)
    missing, extra = _subdivisions_cited(missing, extra, link.texts[target])
    missing, extra = _identifiers_alike(missing, extra, link.texts["fr"], link.texts[target])
    missing = [value for value in missing if not _list_number(link.texts["fr"], value, link.texts[target])]
    extra = [value for value in extra if not _list_number(link.texts[target], value, link.texts["fr"])]
    extra = [value for value in extra if not _page_timestamp(link.texts[target], value) and not _file_size(link.texts[target], value)]
    # an ordinal on one side, its cardinal on the other: « devenant le 41ème pays » = "bringing the total to 41"
    extra = _not_ordinals_opposite(extra, link.texts[target], "en", link.texts["fr"], "fr")
    missing = _not_ordinals_opposite(missing, link.texts["fr"], "fr", link.texts[target], "en")
    around = {side: " ".join([link.texts[side]] + [other.texts[side] for other in neighbours]) for side in ("fr", target)}
    missing = [value for value in missing if not _inside_a_code(around[target], value)]
    extra = [value for value in extra if not _inside_a_code(around["fr"], value)]
    missing = [value for value in missing if not _page_timestamp(link.texts["fr"], value) and not _file_size(link.texts["fr"], value)]
    flags = []
    pairs = list(zip(extra, missing)) if len(extra) == len(missing) == 1 else [
        pair for spelt in (False, True)
        for pair in zip([v for v in extra if v.spelt == spelt], [v for v in missing if v.spelt == spelt])]
    paired = {id(value) for pair in pairs for value in pair}
    for wrong, right in pairs:
        if target == "mt" and _same_digits(wrong.text, right.text):
            continue  # the engine copied the French figure (« 461.500 », « les années 1970 » → "the years 1970"): its formatting, not an error
        if COMMA_GROUPED_THOUSANDS.match(link.texts["fr"], right.start) and _same_digits(wrong.text, right.text):
            continue  # « 286,000 enfants »: the French's English separator, which the typography flag below reports
        if target == "en" and POINT_GROUPED_THOUSANDS.match(link.texts["en"], wrong.start) and _same_digits(wrong.text, right.text):
            fixed = wrong.text.replace(".", ",")  # "240.000 persons" for « 240 000 personnes »: the same number in continental notation
            flags.append(Flag(link.number, "en", "number-mismatch", "warning", wrong.start, wrong.end, wrong.text,
                              f"“{wrong.text}” groups its thousands with points; English writes “{fixed}”.", fixed))
            continue
        if target == "en" and _hedged_rounding(link.texts["en"], wrong, link.texts["fr"], right):
            continue  # "over 150 cases" for « 152 cas »: a round figure the translator announced as such
        if _same_duration(link.texts[target], wrong, link.texts["fr"], right):
            continue  # "two years" for « 24 mois »: one duration counted in another unit
        approximate = "about" in (wrong.value[0], right.value[0])
        severity = "warning" if target == "mt" or (wrong.spelt and right.spelt) or approximate else "error"
        flags.append(Flag(link.number, target, "number-mismatch", severity, wrong.start, wrong.end, wrong.text,
                          f"{capitalised(SIDE_NAMES[target])} has {wrong.text} where the French has {right.text}.",
                          format_number(right.value)))
    # a number on one side only: a warning when written in digits, context (info) when spelt out ("these two")
    # (on the machine translation, a number lost or added is the engine's roughness: context only, and never on the French)
    headings = _heading_edition(link.texts["fr"], link.texts[target])
    for value in missing:
        if id(value) not in paired and target != "mt":
            quiet = value.spelt or (headings and _is_year(value)) or _year_of_a_title(link.texts["fr"], value, "fr")
            flags.append(Flag(link.number, "fr", "number-mismatch", "info" if quiet else "warning", value.start, value.end, value.text,
                              f"The French number {value.text} is not in {SIDE_NAMES[target]}.", ""))
    for value in extra:
        if id(value) not in paired:
            quiet = value.spelt or target == "mt" or (headings and _is_year(value)) or _year_of_a_title(link.texts[target], value, "en")
            severity = "info" if quiet else "warning"
            flags.append(Flag(link.number, target, "number-mismatch", severity, value.start, value.end, value.text,
                              f"{capitalised(SIDE_NAMES[target])} has the number {value.text}, which is not in the French.", ""))
    if target == "en":
        flags += _currency_dropped(link, french, english, same) + _bill_letters(link)
    if target == "en" or not context.has_official:  # once per link
        for found in ENGLISH_DECIMAL_IN_FRENCH.finditer(link.texts["fr"]):
            raw = found.group(0)
            flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), raw,
                              f"“{raw}” has a decimal point; French writes “{raw.replace('.', ',')}”.", raw.replace(".", ",")))
        # (points, the continental and older French grouping, are information: revisers mark 12 in 29; commas are English)
        for pattern, marks, severity in ((POINT_GROUPED_THOUSANDS, "points", "info"), (COMMA_GROUPED_THOUSANDS, "commas", "warning")):
            for found in pattern.finditer(link.texts["fr"]):
                raw, fixed = found.group(0), re.sub(r"[.,]", "\u00a0", found.group(0))
                flags.append(Flag(link.number, "fr", "typography", severity, found.start(), found.end(), raw,
                                  f"« {raw} » groups its thousands with {marks}; French writes « {fixed} ».", fixed))
    if target == "en":
        for found in FRENCH_NOTATION_IN_ENGLISH.finditer(link.texts["en"]):
            if any(flag.start <= found.start() < flag.end for flag in flags if flag.side == "en"):
                continue
            raw = found.group(0)
            if re.search(r"\s", raw):
                continue  # a space between thousands is EU and UN house style in English too ("14 000 registered victims")
            fixed = raw.replace(",", ".")
            flags.append(Flag(link.number, "en", "number-mismatch", "warning", found.start(), found.end(), raw,
                              f"“{raw}” is written in French notation; English writes “{fixed}”.", fixed))
    return flags

_SENTENCE_END = re.compile(r"[.!?:;»”\"]\s*$")
HEADING_WORDS = 12


def _heading(text: str) -> bool:
    """A title or a heading: short, with no sentence's end."""
    return len(text.split()) <= HEADING_WORDS and not _SENTENCE_END.search(text)


def _heading_edition(french: str, english: str) -> bool:
    """Whether the link is a title on both sides (short, no sentence's end) and one side has no figure at all: a year there on one side
    only is the edition of a report named in its title ("ILO 2012 Global estimate of forced labour" / « Estimation du travail forcé dans
    le monde »), which a translated title often leaves out; a figure both sides give is still compared."""
    if not french or not english or not (_heading(french) and _heading(english)):
        return False
    return not (_DIGIT_IN.search(french) and _DIGIT_IN.search(english))


_HEDGE = {
    "en": (re.compile(r"\b(?:over|more than|upwards of|in excess of)\s+$", re.IGNORECASE),
           re.compile(r"\b(?:nearly|almost|close to|just under)\s+$", re.IGNORECASE),
           re.compile(r"\b(?:about|around|some|approximately|roughly|an estimated)\s+$", re.IGNORECASE)),
    "fr": (re.compile(r"\b(?:plus de|au-delà de)\s+$", re.IGNORECASE),
           re.compile(r"\b(?:près de|presque|quelque|pas loin de)\s+$", re.IGNORECASE),
           re.compile(r"\b(?:environ|quelque|autour de|approximativement)\s+$", re.IGNORECASE)),
}
"""Words before a figure that announce it as rounded: above it, below it, either side."""
HEDGE_TOLERANCE = 0.1


def _hedged_rounding(english: str, english_value, french: str, french_value) -> bool:
    """Whether one side rounds the other's exact figure and says so ("over 150 cases" for « 152 cas », « près de 2 000 » for "1,950"):
    the hedge on one side only, the exact figure on the hedge's side of the round one and within a tenth of it."""
    if not (isinstance(english_value.value[0], float) and isinstance(french_value.value[0], float)):
        return False
    sides = ((english, english_value, "en", french, french_value, "fr"), (french, french_value, "fr", english, english_value, "en"))
    for text, value, lang, other_text, other_value, other_lang in sides:
        before = text[max(0, value.start - 20):value.start]
        if any(hedge.search(other_text[max(0, other_value.start - 20):other_value.start]) for hedge in _HEDGE[other_lang]):
            return False
        above, below, either = (hedge.search(before) for hedge in _HEDGE[lang])
        rounded, exact = value.value[0], other_value.value[0]
        if rounded <= 0 or abs(exact - rounded) > HEDGE_TOLERANCE * rounded:
            continue
        if (above and exact > rounded) or (below and exact < rounded) or (either and exact != rounded):
            return True
    return False


_DURATION_UNIT = {"fr": re.compile(r"[ \u00a0\u202f]*(mois|ans?|années?|semaines?|jours?|heures?)\b", re.IGNORECASE),
                  "en": re.compile(r"[ \u00a0\u202f-]*(months?|years?|weeks?|days?|hours?)\b", re.IGNORECASE)}
_UNIT_SIZE = {"heure": ("hours", 1), "hour": ("hours", 1), "jour": ("hours", 24), "day": ("hours", 24), "semaine": ("hours", 168),
              "week": ("hours", 168), "mois": ("months", 1), "month": ("months", 1), "an": ("months", 12), "année": ("months", 12),
              "year": ("months", 12)}
"""Exact conversions only: a month is no whole number of days or weeks."""


def _duration(text: str, value, lang: str) -> tuple[str, float] | None:
    unit = _DURATION_UNIT[lang].match(text, value.end)
    if not unit or not isinstance(value.value[0], float):
        return None
    word = unit.group(1).lower()
    measure, size = _UNIT_SIZE[word if word == "mois" else word.rstrip("s")]
    return measure, value.value[0] * size


def _same_duration(target_text: str, target_value, french: str, french_value) -> bool:
    """Whether both numbers count the same duration in different units (« 24 mois » = "two years", « 48 heures » = "two days")."""
    target_duration = _duration(target_text, target_value, "en")
    return target_duration is not None and target_duration == _duration(french, french_value, "fr")


_TITLE_YEAR = {"fr": re.compile(r"\b(?:[Ll]oi|[Pp]rotocole|[Cc]onvention)\s+de\s+$"),
               "en": re.compile(r"\b(?:Act|Convention|Protocol)(?:\s*\([^)]*\))?,\s+$|\bProtocol\s+of\s+$")}


def _year_of_a_title(text: str, value, lang: str) -> bool:
    """Whether the number is the year in a statute's or a treaty's title (« la Loi de 2009 sur la protection des étrangers », "the Protocol
    of 2014 to the Forced Labour Convention, 1930"), which the other version may cite by its short title without it."""
    return _is_year(value) and bool(_TITLE_YEAR[lang].search(text, max(0, value.start - 40), value.start))


_LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s")


def _list_number(text: str, value, other: str) -> bool:
    """Whether the number numbers a heading, or a list's item the other version does not number ("1. Cooperation mechanisms in all
    cantons" for « Mécanismes de coopération dans tous les cantons », "2. Anyone can be a victim." for a bullet): layout one version
    gives and the other not. Items both versions number are compared (« 9. Concernant la législation » for "1. Regarding the law")."""
    return value.start == 0 and _LIST_NUMBER.match(text) is not None and (_heading(text) or _LIST_NUMBER.match(other) is None)


_DIGIT_IN = re.compile(r"\d")
_THIS_YEAR = {"en": re.compile(r"\bthis year\b", re.IGNORECASE), "fr": re.compile(r"\bcette année\b", re.IGNORECASE)}


_BILL = re.compile(r"(?<![\w-])([A-Z])-(\d+)(?![\w-])")
"""A bill or a document by its letter and number (Canada's « C-310 » of the House, "S-310" of the Senate): same in both languages."""


def _bill_letters(link: LinkView) -> list[Flag]:
    """A letter-number reference whose number the French gives with another letter ("Bill S-310" for « projet de loi C-310 »)."""
    french = {(found.group(1), found.group(2)) for found in _BILL.finditer(link.texts["fr"])}
    flags = []
    for found in _BILL.finditer(link.texts["en"]):
        letter, number = found.group(1), found.group(2)
        others = sorted(other for other, same in french if same == number and other != letter)
        if others and (letter, number) not in french:
            flags.append(Flag(link.number, "en", "number-mismatch", "error", found.start(), found.end(), found.group(0),
                              f"The official English has {found.group(0)} where the French has {others[0]}-{number}.", f"{others[0]}-{number}"))
    return flags


def _ranges_as_years(missing: list, extra: list) -> tuple[list, list]:
    """A range of years on one side is its two years on the other (« 2012-2014 » = "from 2012 to 2014", « de 2012 à 2014 » = "2012–14")."""
    for ranges, years in ((missing, extra), (extra, missing)):
        for span in [value for value in ranges if value.value[0] == "years"]:
            ends = [next((value for value in years if value.value == (float(bound),)), None) for bound in span.value[1:]]
            if all(ends):
                ranges.remove(span)
                for end in ends:
                    years.remove(end)
    return missing, extra


_CITED_SUBDIVISION = re.compile(r"\b(?:Articles?|Art\.|Sections?|Rules?|Paragraphs?|Regulations?)\s+$", re.IGNORECASE)


def _subdivisions_cited(missing: list, extra: list, english: str) -> tuple[list, list]:
    """An English citation "Article 5.3" is the French « article 5, paragraphe 3 »: a decimal after "Article", "Section" or "Rule" is
    an article and its paragraph, the two French integers."""
    for value in list(extra):
        if not (isinstance(value.value[0], float) and "." in value.text and _CITED_SUBDIVISION.search(english, 0, value.start)):
            continue
        article, paragraph = value.text.split(".", 1)
        ends = [next((other for other in missing if other.value == (float(number),)), None) for number in (article, paragraph)]
        if all(ends) and ends[0] is not ends[1]:
            extra.remove(value)
            for end in ends:
                missing.remove(end)
    return missing, extra


_IDENTIFIER = re.compile(r"(?<![\w.,/:-])\d+(?:(?:[-./:]|,[ \u00a0])\d+)+(?![\w/:-]|[.,]\d)")
_IDENTIFIER_SEPARATOR = re.compile(r"[-./:]|,[ \u00a0]")


def _identifiers_alike(missing: list, extra: list, french: str, english: str) -> tuple[list, list]:
    """A number made of figure groups is an identifier whose separators each publisher writes its own way: Morocco's « loi n° 27-14 »
    is "Law 27.14" in the English, a Gospel's « (Marc 5, 41) » is "(Mark 5:41)"; the same groups of figures on both sides are the same
    number, however they are read."""
    def groups(text: str) -> dict[tuple[str, ...], list[tuple[int, int]]]:
        found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for token in _IDENTIFIER.finditer(text):
            found.setdefault(tuple(_IDENTIFIER_SEPARATOR.split(token.group(0))), []).append(token.span())
        return found

    french_groups, english_groups = groups(french), groups(english)
    shared = french_groups.keys() & english_groups.keys()
    return (_outside(missing, [span for key in shared for span in french_groups[key]]),
            _outside(extra, [span for key in shared for span in english_groups[key]]))


_ORDINAL = {"fr": re.compile(r"(?<![\w.,])(\d+)\s?(?:e|è|ème|eme|ᵉ|er|re|ère)\b"), "en": re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b")}


def _not_ordinals_opposite(values: list, text: str, lang: str, other: str, other_lang: str) -> list:
    """The values left once each ordinal in digits the other side writes more often than this side has excused one of its own
    cardinal: « devenant le 41ème pays » = "bringing the total to 41"."""
    spare = Counter(int(found.group(1)) for found in _ORDINAL[other_lang].finditer(other))
    spare.subtract(Counter(int(found.group(1)) for found in _ORDINAL[lang].finditer(text)))
    kept = []
    for value in values:
        number = value.value[0]
        if isinstance(number, float) and number.is_integer() and spare[int(number)] > 0:
            spare[int(number)] -= 1
            continue
        kept.append(value)
    return kept


def _inside_a_code(text: str, value) -> bool:
    """Whether the other text has the number's figures inside a code of letters and figures (« (47066) » for "(XM-DAC-47066)", a
    project's identifier that English gives with its registry's prefix), or glued to a name (« PLANET 21 » for "PLANET21")."""
    digits = re.sub(r"\D", "", value.text)
    return bool(digits) and ((len(digits) >= 3 and re.search(rf"[A-Za-z][A-Za-z-]*-{digits}(?!\d)", text) is not None)
            or re.search(rf"\b[A-Z][A-Za-z]+{digits}\b", text) is not None)


def _outside(values: list, spans: list[tuple[int, int]]) -> list:
    return [value for value in values if not any(start <= value.start and value.end <= end for start, end in spans)]


def _page_timestamp(text: str, value) -> bool:
    return CLOCK_TIME.fullmatch(value.text) is not None and page_stamp(text)


_FILE_SIZE_AFTER = re.compile(r"[ \u00a0]*(?:[KMG]o|[KMG]B|[KMG]b|kB|kb|Kio|Mio|octets|bytes)\b")


def _file_size(text: str, value) -> bool:
    """Whether the number is a file's size ("PDF (227 Kb)", « PDF (235 Ko) »): each version's file has its own."""
    return _FILE_SIZE_AFTER.match(text, value.end) is not None


def _is_year(value) -> bool:
    return not value.spelt and isinstance(value.value[0], float) and value.value[0] == int(value.value[0]) and 1900 <= value.value[0] <= 2100


_FOOTNOTE_AFTER_WORD = re.compile(r"[^\W\d_][)»”’]?\s$")
_FOOTNOTE_BEFORE_END = re.compile(r"(?:\s[.,;:])?\s*")
_NUMBERED = re.compile(r"(?:article|articles|section|chapitre|chapter|paragraphe|paragraph|page|annexe|annex|partie|part|point|no|n°|numéro|number|"
                       r"objectif|goal|cible|target|étape|step|phase|tier|niveau|level|catégorie|category)\s$", re.IGNORECASE)
_FOOTNOTE_AT_START = re.compile(r"\s+[A-ZÀ-Ý][a-zà-ÿ]")


_CURRENCY_BEFORE = re.compile(r"(?:US\s?\$|C\$|CA\$|\$|€|£|CHF|USD|EUR)\s?$")
_CURRENCY_AFTER = {
    "en": re.compile(r"^(?:[\s\u00a0-]*(?:million|billion|thousand|trillion|m|bn))?[\s\u00a0-]*(?:\$|€|dollars?|euros?|francs?|pounds?|CHF|USD|EUR)\b",
                     re.IGNORECASE),
    "fr": re.compile(r"^(?:[\s\u00a0]*(?:millions?|milliards?|mille|M|G))?[\s\u00a0]*(?:de\s+|d['’])?"
                     r"(?:\$|€|dollars?|euros?|francs?|livres?|CHF|USD|EUR)(?![^\W\d_])",
                     re.IGNORECASE),
}
"""(A currency is a word of its own: « le rapport 2013 d'EUROSTAT » names no euros.)"""


def _has_currency(text: str, start: int, end: int, lang: str) -> bool:
    return bool(_CURRENCY_BEFORE.search(text[max(0, start - 6):start]) or _CURRENCY_AFTER[lang].match(text[end:end + 30]))


def _currency_dropped(link: LinkView, french: list, english: list, same) -> list[Flag]:
    """An amount with its currency on one side and without one on the other (« 150 milliards de profits » for "US $150 billion in
    profits"): the same figure, but the reader no longer knows it is money, or in which currency."""
    flags = []
    texts = {"fr": link.texts["fr"], "en": link.texts["en"]}
    for side, values, others, other_side in (("en", english, french, "fr"), ("fr", french, english, "en")):
        for value in values:
            if value.spelt or not isinstance(value.value[0], float) or not _has_currency(texts[side], value.start, value.end, side):
                continue
            partners = [other for other in others if same(value.value, other.value)]
            if any(_has_currency(texts[other_side], other.start, other.end, other_side) for other in others):
                continue  # « 14 millions de dollars … et cinq millions »: the currency said once for both amounts
            if partners:
                sign = _CURRENCY_BEFORE.search(texts[side][max(0, value.start - 6):value.start])
                start = value.start - len(sign.group(0)) if sign else value.start
                flags.append(Flag(link.number, side, "omission", "warning", start, value.end, texts[side][start:value.end],
                                  f"{capitalised(SIDE_NAMES[side])} gives {texts[side][start:value.end]} as an amount of money; "
                                  f"{SIDE_NAMES[other_side]} has the figure without a currency.", ""))
    return flags


def _footnote_call(text: str, start: int, end: int) -> bool:
    """A small bare integer that calls a footnote: after a word at the end of a sentence (« de l'UE 1 . »), or at the very start
    of a segment that carried the previous page's note marker ("1 Behind each victim…"); not a numbered article or section."""
    raw = text[start:end]
    if not raw.isdigit() or len(raw) > 3:
        return False
    if start == 0:
        return bool(_FOOTNOTE_AT_START.match(text, end))
    before = text[max(0, start - 12):start]
    return bool(_FOOTNOTE_AFTER_WORD.search(before)) and not _NUMBERED.search(before) and bool(_FOOTNOTE_BEFORE_END.fullmatch(text[end:]))


def dates(link: LinkView, target: str, context: CheckContext) -> list[Flag]:
    """Dates present on one side only, or different."""
    neighbours = link.neighbours
    french = find_dates(link.texts["fr"], "fr")
    english = _target_dates(link.texts[target], target)
    missing, extra = unmatched(french, english, same_date)
    nearby_en = [value.value for other in neighbours for value in _target_dates(other.texts[target], target)]
    nearby_fr = [value.value for other in neighbours for value in find_dates(other.texts["fr"], "fr")]
    missing = [value for value in missing if not any(same_date(value.value, other) for other in nearby_en)]
    extra = [value for value in extra if not any(same_date(value.value, other) for other in nearby_fr)]
    flags = []
    cap = "warning" if target == "mt" else "error"
    for wrong, right in zip(extra, missing):
        suggestion = format_date(right.value, link.texts[target])
        if target == "en" and _date_line(link, context, "fr", right) and _date_line(link, context, "en", wrong):
            # two pages' publication dates, a day or more apart (a UN release issued in English the day before its French)
            flags.append(Flag(link.number, target, "date-mismatch", "info", wrong.start, wrong.end, wrong.text,
                              f"The two pages are dated differently: “{wrong.text}” in English, “{right.text}” in French.", suggestion))
            continue
        flags.append(Flag(link.number, target, "date-mismatch", cap, wrong.start, wrong.end, wrong.text,
                          f"{capitalised(SIDE_NAMES[target])} dates this “{wrong.text}”; the French says “{right.text}”.", suggestion))
    for value in missing[len(extra):] if target != "mt" else []:
        if in_dateline(link.texts["fr"], value.start, value.end) or not english and _date_line(link, context, "fr", value):
            # a line that is only a date is the page's publication date: the other version's page may not carry one
            flags.append(Flag(link.number, "fr", "date-mismatch", "info", value.start, value.end, value.text,
                              f"The French page's date line “{value.text}” has no counterpart in {SIDE_NAMES[target]}.", ""))
            continue
        relative = _RELATIVE_DAY.search(link.texts[target]) if target == "en" else None
        if relative and not english:
            # a release dated the day before says "tomorrow" for « le 25 avril »: the same day told another way
            flags.append(Flag(link.number, "fr", "date-mismatch", "info", value.start, value.end, value.text,
                              f"The French date “{value.text}” is “{relative.group(0)}” in {SIDE_NAMES[target]}.", ""))
            continue
        flags.append(Flag(link.number, "fr", "date-mismatch", "warning", value.start, value.end, value.text,
                          f"The French date “{value.text}” is not in {SIDE_NAMES[target]}.", ""))
    for value in extra[len(missing):]:
        flags.append(Flag(link.number, target, "date-mismatch", "info", value.start, value.end, value.text,
                          f"{capitalised(SIDE_NAMES[target])} adds the date “{value.text}”, which the French does not give.", ""))
    return flags


def _date_line(link: LinkView, context: CheckContext, side: str, value) -> bool:
    """Whether the date is a line of its own: a page's publication date."""
    return value.text.strip() in {text.strip(" .,") for text in segment_texts(link, context, side)}


_RELATIVE_DAY = re.compile(r"\b(?:today|tomorrow|yesterday|tonight|this (?:morning|afternoon|evening|week)|next week|last week)\b", re.IGNORECASE)
"""Words that date an event from the day of the release: what a translation dated the same day may give as the date itself."""


def _target_dates(text: str, target: str) -> list:
    """Dates of an English text; the MT may also leave a French date as it was (« 30 juill. 2023 »)."""
    english = find_dates(text, "en")
    if target != "mt":
        return english
    return english + [value for value in find_dates(text, "fr") if not any(other.start < value.end and value.start < other.end for other in english)]


_WEEKDAYS = {"fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
             "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
_WEEKDAY_BEFORE = {lang: re.compile(rf"\b({'|'.join(names)})\b[\s,]*(?:le\s+|the\s+)?$", re.IGNORECASE) for lang, names in _WEEKDAYS.items()}
WEEKDAY_REACH = 25
"""How far before a date its weekday is read (« ce mardi 11 avril 2022 », "Tuesday, April 11, 2022")."""


@same_flags_for_same_texts
def weekdays(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A weekday written before a full date that the calendar gives another day (« mardi 11 avril 2022 »: a Monday): the day or the date
    is wrong, and a reader cannot tell which. (Read on every part: 17 weekdays before a full date, the one wrong annotated.)"""
    text, lang = link.texts[side], LANG_OF_SIDE[side]
    if side == "mt" or not text:
        return []
    flags = []
    for date in find_dates(text, lang):
        year, month, day = date.value
        written = _WEEKDAY_BEFORE[lang].search(text, max(0, date.start - WEEKDAY_REACH), date.start) if year and day else None
        if written is None:
            continue
        try:
            actual = datetime.date(year, month, day).weekday()
        except ValueError:
            continue  # (no such day: the date itself is wrong, a slip of another kind)
        said = [name.lower() for name in _WEEKDAYS[lang]].index(written.group(1).lower())
        if actual != said:
            span = text[written.start(1):date.end]
            flags.append(Flag(link.number, side, "date-mismatch", "warning", written.start(1), date.end, span,
                              f"“{span}”: {format_date(date.value, '')} was a {_WEEKDAYS['en'][actual]}, not a {_WEEKDAYS['en'][said]}.",
                              _WEEKDAYS[lang][actual] + text[written.end(1):date.end]))
    return flags


NUMBERS = Check("numbers", "pair", numbers, ("number-mismatch", "typography", "omission"))
WEEKDAYS = Check("weekdays", "side", weekdays, ("date-mismatch",))
DATES = Check("dates", "pair", dates, ("date-mismatch",))
