"""Is this a French or English word? Used to undo line-end hyphenation (PDF) and to decide whether an inline
tag separates two words (XLIFF).

Two word lists, both offline: simplemma's French and English dictionaries (a project dependency; inflected forms,
about 0.3 s to load per language on first use) and, when installed, the Hunspell dictionaries of Debian's
hunspell-fr and hunspell-en-us (their stems, which hold the invariable words simplemma lacks: "plupart",
"davantage", "néanmoins"; 0.1 s to load). Without Hunspell files the readers still work, with simplemma only.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

HUNSPELL_DIRS = [Path(p) for p in os.environ.get("ALIGN_HUNSPELL_DIRS", "/usr/share/hunspell:/usr/share/myspell/dicts").split(":") if p]
_HUNSPELL_FILES = {"fr": ("fr_FR.dic", "fr.dic", "fr_CA.dic"), "en": ("en_US.dic", "en_GB.dic", "en_CA.dic")}

_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
WORD_CHARS = re.compile(r"[^\W_]", re.UNICODE)


@lru_cache(maxsize=4)
def hunspell_words(lang: str) -> frozenset[str]:
    """The stems of the Hunspell dictionary for `lang` (lower-cased), empty when none is installed."""
    for folder in HUNSPELL_DIRS:
        for name in _HUNSPELL_FILES.get(lang, ()):
            path = folder / name
            if path.is_file():
                words = set()
                with path.open(encoding="utf-8", errors="replace") as handle:
                    next(handle, None)  # the first line is the entry count
                    for line in handle:
                        word = re.split(r"[/\s]", line.strip(), maxsplit=1)[0]
                        if word:
                            words.add(word.lower())
                return frozenset(words)
    return frozenset()


@lru_cache(maxsize=65536)
def known(word: str, langs: tuple[str, ...] = ("fr", "en")) -> bool:
    """True if `word` (or its lower-case form, or the word after an elision such as d’ or l’) is in a dictionary."""
    import simplemma

    if not word:
        return False
    candidates = {word, word.lower()}
    stripped = _ELISION.sub("", word)
    if stripped != word and stripped:
        candidates |= {stripped, stripped.lower()}
    return any(simplemma.is_known(candidate, lang=lang) or candidate.lower() in hunspell_words(lang)
               for candidate in candidates for lang in langs)


def is_word_char(char: str) -> bool:
    return bool(char) and bool(WORD_CHARS.match(char))


def keep_line_end_hyphen(left: str, right: str, langs: tuple[str, ...], seen: set[str] | None = None) -> bool:
    """At "left-⏎right", is the hyphen a real one ("follow-up", "États-Unis") or hyphenation ("exploi-tation")?

    `left` and `right` are the word parts around the break (letters only); `seen` holds the lower-cased words
    and hyphenated compounds found elsewhere in the document (not at a line end), the best evidence there is.
    """
    if not left or not right:
        return True
    if not right[0].isalpha() or not left[-1].isalpha():  # "2021-⏎2023", "COVID-⏎19"
        return True
    if right[0].isupper():  # "États-⏎Unis", "Nord-⏎Américains": hyphenation never capitalises the second part
        return True
    compound, joined = f"{left}-{right}".lower(), f"{left}{right}".lower()
    if seen:
        if compound in seen:
            return True
        if joined in seen:
            return False
    if known(f"{left}-{right}", langs):
        return True
    if known(left + right, langs):
        return False
    # both halves are words and the joined form is not: a compound the dictionary lacks ("anti-trafficking",
    # "main-d’œuvre"); otherwise a word cut in two ("exploi-tation", a name)
    return len(left) > 1 and known(left, langs) and known(right, langs)


def tag_separates_words(left: str, right: str, langs: tuple[str, ...], placeholder: bool, seen: set[str] | None = None) -> bool:
    """Between "left<tag/>right" (letters touching the tag on both sides), should the text get a space?

    `placeholder` is True for codes that stand for something (x, ph, it: a line break, an image, a field),
    False for formatting that wraps text (g, bpt/ept, bx/ex, pc, sc/ec, mrk). The dictionary decides first:
    "tra|ite" is one word ("traite") and "tra", "ite" are not; "des|personnes" are two words and
    "despersonnes" is none. When it cannot tell, a placeholder separates and formatting does not.
    """
    joined = (left + right).lower()
    if seen and joined in seen:
        return False
    whole, left_known, right_known = known(left + right, langs), known(left, langs), known(right, langs)
    if whole and not (left_known and right_known):
        return False
    if not whole and left_known and right_known:
        return True
    return placeholder
