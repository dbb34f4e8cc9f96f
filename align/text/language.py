"""Which language a text is in (lingua, offline), for warnings such as an English file given as the French."""

from __future__ import annotations

from functools import lru_cache

DETECTED = ("en", "fr", "de", "es", "it", "pt")


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


def detect_language(text: str, sample: int = 4000) -> str | None:
    """The ISO 639-1 code of the language of `text` (one of `DETECTED`), or None when too short or unsure."""
    words = text[:sample].split()
    if len(words) < 5:
        return None
    found = _detector().detect_language_of(" ".join(words))
    return found.iso_code_639_1.name.lower() if found is not None else None
