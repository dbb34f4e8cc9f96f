"""Numbers, dates and clock times in French and English text, as comparable values.

"2 000" = "2,000", "12,5 %" = "12.5%", "vingt-cinq" = "twenty-five" (number words through
text2num), "24 octobre 2023" = "October 24, 2023", "14 h 30" = "2:30 p.m.". The checks compare
the values found on the two sides of a link (`align.checks.run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}
_MONTH_NUMBER = {name.lower(): number for names in _MONTHS.values() for number, name in enumerate(names, start=1)}
_MONTH_NUMBER.update({"fevrier": 2, "aout": 8, "decembre": 12})
_FR_MONTH = r"(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
_EN_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_PATTERNS = {
    "fr": [
        (re.compile(rf"\b(1er|\d{{1,2}})\s+{_FR_MONTH}(?:\s+(\d{{4}}))?\b", re.IGNORECASE), ("day", "month", "year")),
        (re.compile(rf"\b{_FR_MONTH}\s+(\d{{4}})\b", re.IGNORECASE), ("month", "year")),
    ],
    "en": [
        (re.compile(rf"\b{_EN_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"), ("month", "day", "year")),
        (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+(\d{{4}}))?\b"), ("day", "month", "year")),
        (re.compile(rf"\b{_EN_MONTH},?\s+(\d{{4}})\b"), ("month", "year")),
    ],
}
_NUMBER_PATTERNS = {
    "fr": re.compile(r"(?<![\w,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\w)|(?<![\w,.])\d+(?:,\d+)?(?![\w])"),
    "en": re.compile(r"(?<![\w,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w,.])\d+(?:\.\d+)?(?![\w])"),
}
FRENCH_NOTATION_IN_ENGLISH = re.compile(r"(?<![\w,.])\d+,\d{1,2}(?![\d,])|(?<![\w,.])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d])")
_NOT_NUMBERS = {
    "fr": {"uns", "unes", "neuf", "milles", "milliers", "centaines", "dizaines", "millions", "milliards"},
    "en": {"ones", "o", "thousands", "hundreds", "dozens", "millions", "billions"},
}
"""Number words that are not numbers here ("neuf" = new, "milles" = miles, vague plurals)."""
_WEAK = {"fr": {"un", "une"}, "en": {"one"}}
"""Articles and pronouns that are numbers only inside a run ("vingt et un", "one hundred")."""
_PER_CENT = re.compile(r"\bpour\s+$", re.IGNORECASE)
""""cent" after "pour" is per cent, not a hundred."""
_CONNECTORS = {"fr": {"et"}, "en": {"and"}}
_SCALES = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9}
_SCALE_AFTER = re.compile(r"[ \u00a0\u202f]+(millions?|milliards?|billions?)\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Quantity:
    value: tuple
    start: int
    end: int
    text: str
    spelt: bool = False


def find_dates(text: str, lang: str) -> list[Quantity]:
    """Dates as (year or None, month, day or None) with their spans."""
    result: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _DATE_PATTERNS[lang]:
        for found in pattern.finditer(text):
            if any(start < found.end() and found.start() < end for start, end in taken):
                continue
            parts = dict(zip(order, found.groups()))
            day = parts.get("day")
            value = (int(parts["year"]) if parts.get("year") else None, _MONTH_NUMBER[parts["month"].lower()],
                     (1 if day == "1er" else int(day)) if day else None)
            if value[2] is not None and not 1 <= value[2] <= 31:
                continue
            result.append(Quantity(value, found.start(), found.end(), found.group(0)))
            taken.append((found.start(), found.end()))
    return sorted(result, key=lambda value: value.start)


@lru_cache(maxsize=8192)
def _word_number(words: str, lang: str) -> float | None:
    """The value of number words ("deux mille", "vingt-cinq", "one hundred and twenty"), or None (text2num parses)."""
    from text_to_num import text2num

    try:
        return float(text2num(words.lower(), lang))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def _spelt_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Runs of number words, each run parsed as one number; a hyphenated word may start with one ("two-volume")."""
    tokens = []  # (start, end, word, value alone or None)
    for found in _NUMBER_WORD.finditer(text):
        if any(start < found.end() and found.start() < end for start, end in taken):
            continue
        word = found.group(0)
        lower = word.lower()
        if lower in _NOT_NUMBERS[lang] or len(lower) < 2:
            tokens.append((found.start(), found.end(), word, None))
            continue
        if lower in _WEAK[lang]:
            tokens.append((found.start(), found.end(), word, "weak"))
            continue
        value = _word_number(word, lang)
        if value is None and "-" in word:  # "two-volume": the leading number words only
            parts = word.split("-")
            for cut in range(len(parts) - 1, 0, -1):
                head = "-".join(parts[:cut])
                if _word_number(head, lang) is not None and head.lower() not in _NOT_NUMBERS[lang]:
                    tokens.append((found.start(), found.start() + len(head), head, _word_number(head, lang)))
                    break
            else:
                tokens.append((found.start(), found.end(), word, None))
            continue
        tokens.append((found.start(), found.end(), word, value))
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
            result.append(Quantity((value,), run[0][0], run[-1][1], phrase, spelt=True))
        elif value is None:
            result += [Quantity((token[3],), token[0], token[1], token[2], spelt=True) for token in run if token[3] is not None]
        index = index + len(run)
    return result


_TIME_PATTERNS = {
    "fr": re.compile(r"\b([01]?\d|2[0-3])\s?h(?:\s?([0-5]\d))?\b"),
    "en": re.compile(r"\b(1[0-2]|0?\d)(?::([0-5]\d))?\s?([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):([0-5]\d)\b", re.IGNORECASE),
}


def find_times(text: str, lang: str) -> list[Quantity]:
    """Clock times as ("time", minutes after midnight): "14 h 30" = "2:30 p.m." = "14:30"."""
    result = []
    for found in _TIME_PATTERNS[lang].finditer(text):
        groups = found.groups()
        if lang == "fr":
            minutes = int(groups[0]) * 60 + int(groups[1] or 0)
        elif groups[2]:
            hour = int(groups[0]) % 12 + (12 if groups[2].lower() == "p" else 0)
            minutes = hour * 60 + int(groups[1] or 0)
        else:
            minutes = int(groups[3]) * 60 + int(groups[4])
        result.append(Quantity(("time", minutes), found.start(), found.end(), found.group(0)))
    return result


def find_numbers(text: str, lang: str, *, lenient: bool = False) -> list[Quantity]:
    """Numbers (digits in the language's notation, and number words) and clock times, outside dates.

    `lenient` accepts both notations (machine translation may keep the French one).
    """
    dates = find_dates(text, lang)
    taken = [(date.start, date.end) for date in dates]
    result = []
    for time in find_times(text, lang) + (find_times(text, "fr") if lenient and lang == "en" else []):
        if not any(start < time.end and time.start < end for start, end in taken):
            result.append(time)
            taken.append((time.start, time.end))
    if lang == "en":  # French notation in English ("12,5", "2 500") is read as the French meant it, and flagged apart
        for found in FRENCH_NOTATION_IN_ENGLISH.finditer(text):
            if any(start < found.end() and found.start() < end for start, end in taken):
                continue
            raw = re.sub(r"[\s\u00a0\u202f]", "", found.group(0)).replace(",", ".")
            result.append(Quantity((float(raw),), found.start(), found.end(), found.group(0)))
            taken.append((found.start(), found.end()))
    patterns = [_NUMBER_PATTERNS[lang]] + ([_NUMBER_PATTERNS["fr"]] if lenient and lang == "en" else [])
    for pattern in patterns:
        for found in pattern.finditer(text):
            if any(start < found.end() and found.start() < end for start, end in taken):
                continue
            raw = re.sub(r"[\s\u00a0\u202f]", "", found.group(0))
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
            result.append(Quantity((value,), found.start(), end, text[found.start():end]))
            taken.append((found.start(), end))
    for found in _ROMAN.finditer(text):  # "CHAPITRE XII" = "CHAPTER 12"
        if found.group(0) and not any(start < found.end() and found.start() < end for start, end in taken):
            result.append(Quantity((float(_roman_value(found.group(0))),), found.start(), found.end(), found.group(0), spelt=True))
            taken.append((found.start(), found.end()))
    result += _spelt_numbers(text, lang, taken)
    return sorted(result, key=lambda value: value.start)


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
    if value[0] == "time":
        hour, minute = divmod(value[1], 60)
        return f"{hour % 12 or 12}{f':{minute:02d}' if minute else ''} {'p.m.' if hour >= 12 else 'a.m.'}"
    number = value[0]
    return f"{number:,.0f}" if number == int(number) else f"{number:,}"


def format_date(value: tuple, english_text: str) -> str:
    year, month, day = value
    name = _MONTHS["en"][month - 1]
    if day is None:
        return f"{name} {year}" if year else name
    day_first = bool(re.search(rf"\b\d{{1,2}}\s+{_EN_MONTH}", english_text))
    core = f"{day} {name}" if day_first else f"{name} {day}"
    return core + (("" if day_first else ",") + f" {year}" if year else "")


def unmatched(left: list[Quantity], right: list[Quantity], same) -> tuple[list[Quantity], list[Quantity]]:
    remaining = list(right)
    unmatched_left = []
    for value in left:
        partner = next((other for other in remaining if same(value.value, other.value)), None)
        if partner is None:
            unmatched_left.append(value)
        else:
            remaining.remove(partner)
    return unmatched_left, remaining


def same_number(a: tuple, b: tuple) -> bool:
    """Equal values; a whole hour also equals its number ("pendant 2 h" = "for 2 hours")."""
    return a == b or any(time[0] == "time" and number[0] != "time" and time[1] % 60 == 0 and number[0] == time[1] // 60
                         for time, number in ((a, b), (b, a)))


def same_date(a: tuple, b: tuple) -> bool:
    return all(x == y for x, y in zip(a, b) if x is not None and y is not None) and a[1] == b[1]
