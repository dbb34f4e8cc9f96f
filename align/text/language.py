"""Which language a text is written in: one lingua detector for the whole program.

`detector()` is built once and shared: by `identify` (a French file that is English or Spanish is a mistake worth a
warning) and by the checks (`align.checks.language`: French clauses in the English, English runs in the French).
Language models load lazily, one per language when first needed, so a run that never asks pays nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 5000
MIN_WORDS = 8
"""Shorter texts (a title, a list of names) are not judged."""
MIN_CONFIDENCE = 0.8
NAMES = {"fr": "French", "en": "English", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "de": "German", "nl": "Dutch"}
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def detector():
    """lingua's offline detector for French, English and the languages they are mixed with (Spanish left by the MT,
    German captions on Swiss pages); high-accuracy models, since the checks judge clauses of a few words."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN, Language.GERMAN, Language.DUTCH,
    ).build()


def confidence(text: str, language: str) -> float:
    """lingua's confidence (0–1) that `text` is in `language` (ISO 639-1 code)."""
    from lingua import IsoCode639_1, Language

    return detector().compute_language_confidence(text, Language.from_iso_code_639_1(getattr(IsoCode639_1, language.upper())))


def identify(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) of the language of `text` (its first `SAMPLE_CHARS` characters); None when too short to tell."""
    sample = " ".join(_WORD.findall(text[:SAMPLE_CHARS]))
    if len(sample.split()) < MIN_WORDS:
        return None
    confidences = detector().compute_language_confidence_values(sample)
    if not confidences:
        return None
    top = confidences[0]
    return top.language.iso_code_639_1.name.lower(), top.value


def language_warning(text: str | None, expected: str, what: str) -> str | None:
    """A warning when `text` (the `what`, e.g. "the French file") is clearly not in `expected`; None otherwise."""
    if not text:
        return None
    found = identify(text)
    if found is None:
        return None
    language, confidence = found
    if language == expected or confidence < MIN_CONFIDENCE:
        return None
    return f"{what} does not read as {NAMES.get(expected, expected)} but as {NAMES.get(language, language)}; check that the right file was given"


_QUOTATION_MARKS = {"«": "»", "“": "”"}


def in_english_quotation(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation (« … », “ … ”) that is English (« … on the number of cases reported and the
    investigations and prosecutions undertaken »): a source quoted in its own language, whose words are no slip of the French."""
    openings = [(text.rfind(mark, 0, position), mark) for mark in _QUOTATION_MARKS]
    start, mark = max(openings)
    if start < 0 or _QUOTATION_MARKS[mark] in text[start:position]:
        return False
    end = text.find(_QUOTATION_MARKS[mark], position)
    quoted = text[start + 1:end if end >= 0 else len(text)]
    return len(quoted.split()) >= 4 and confidence(quoted, "en") > confidence(quoted, "fr")
