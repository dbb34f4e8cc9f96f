"""The domain lexicon for the rule-based MT: French forms the Apertium pivot gets wrong in anti-trafficking texts.

`glossary/mt-lexicon.csv` (format in glossary/README.md) lists one French form per row with the English the MT must
write for it. The forms are protected by the same placeholders as glossary terms (`align.mt.constraints.prepare`);
Apertium only — a neural engine does not need it. Kinds: `form` (every occurrence), `noun` and `mass` (only in noun
position, so the verb « il traite » is left to the engine; `mass` also drops an English "the" before the rendering).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from align.settings import REPO_ROOT
from align.terms.matching import TermMatch

DEFAULT_LEXICON = REPO_ROOT / "glossary" / "mt-lexicon.csv"
HEADER = ["fr", "en", "kind", "reason"]
KINDS = ("form", "noun", "mass")
SUBJECT_WORDS = frozenset({"il", "elle", "on", "ils", "elles", "je", "j", "tu", "nous", "vous", "qui", "ne", "n", "ce", "cela", "ça", "se", "s"})
"""A word right before a verb form: the form after it is a verb, not a noun."""
OBJECT_CLITICS = frozenset({"la", "le", "les", "l", "lui", "leur", "me", "m", "te", "t", "y", "en", "nous", "vous", "se", "s"})
"""Words that may stand between the subject and the verb (« il la traite »); looked through once."""
LEXICON_STATUS = "lexicon"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)['’]?\s*$")


@dataclass(frozen=True)
class LexiconEntry:
    fr: str
    en: str
    kind: str
    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]  # longest French form first

    def kind_of(self, fr: str) -> str:
        return next((entry.kind for entry in self.entries if entry.fr == fr), "")

    def without(self, fr: str) -> Lexicon:
        return Lexicon(tuple(entry for entry in self.entries if entry.fr != fr))


def _form_pattern(form: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in re.split(r"\s+", form.strip())]
    body = r"\s+".join(parts).replace("'", "['’]")
    end = "" if form.endswith(("'", "’")) else r"(?![\w-])"  # « afin d'aider »: an elided form ends at its apostrophe
    # an acronym (« GRC », « ON » in « OTTAWA, ON, ») matches as written: « on » the pronoun is not Ontario
    flags = 0 if form.isupper() and len(form.replace(" ", "")) >= 2 else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}{end}", flags)  # « d'exploiter », « l'enfant »: elision allowed


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and check the lexicon CSV; InputError naming the file and line of a bad row."""
    entries = []
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != HEADER:
                raise InputError(path, f"header must be {','.join(HEADER)}")
            for line, row in enumerate(reader, start=2):
                if not (row["fr"] or "").strip() or not (row["en"] or "").strip():
                    raise InputError(path, f"line {line}: empty fr or en")
                if row["kind"] not in KINDS:
                    raise InputError(path, f"line {line}: kind must be one of {', '.join(KINDS)}")
                entries.append(LexiconEntry(row["fr"].strip(), row["en"].strip(), row["kind"], (row["reason"] or "").strip(), _form_pattern(row["fr"])))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(path, f"cannot read the MT lexicon ({error})") from None
    if len({entry.fr.lower() for entry in entries}) != len(entries):
        raise InputError(path, "a French form is listed twice")
    return Lexicon(tuple(sorted(entries, key=lambda entry: -len(entry.fr))))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The project's lexicon, `glossary/mt-lexicon.csv`, loaded once."""
    return load_lexicon(DEFAULT_LEXICON)


def is_noun_position(text: str, start: int) -> bool:
    """False when the word at `start` follows a subject/relative pronoun or negation, possibly through one object clitic."""
    before = text[:start]
    found = _WORD_BEFORE.search(before)
    if found is None:
        return True
    word = found.group(1).lower()
    if word in SUBJECT_WORDS:
        return False
    if word in OBJECT_CLITICS:
        earlier = _WORD_BEFORE.search(before[:found.start()])
        return earlier is None or earlier.group(1).lower() not in SUBJECT_WORDS
    return True


def _rendering(entry: LexiconEntry, written: str) -> str:
    return entry.en[:1].upper() + entry.en[1:] if written[:1].isupper() else entry.en


def _match(entry: LexiconEntry, hit: re.Match[str]) -> TermMatch:
    return TermMatch(f"lexicon:{entry.fr}", "fr", hit.group(0), LEXICON_STATUS, hit.start(), hit.end(), entry.fr, "lexicon")


@lru_cache(maxsize=4096)
def _first_word(form: str) -> str:
    return re.split(r"[\s'’]", form.lower(), maxsplit=1)[0]


def lexicon_candidates(text: str, lexicon: Lexicon) -> list[tuple[TermMatch, str]]:
    """Every lexicon form in `text` (overlapping ones included), as (TermMatch with status `lexicon`, English)."""
    found = []
    lowered = text.lower()
    for entry in lexicon.entries:
        if _first_word(entry.fr) not in lowered:  # most forms are absent: a substring test is far cheaper than the regex
            continue
        for hit in entry.pattern.finditer(text):
            if entry.kind in ("noun", "mass") and not is_noun_position(text, hit.start()):
                continue
            found.append((_match(entry, hit), _rendering(entry, hit.group(0))))
    return found


def lexicon_matches(text: str, lexicon: Lexicon) -> list[tuple[TermMatch, str]]:
    """Non-overlapping lexicon forms in `text` (longest first, then leftmost), by position."""
    chosen: list[tuple[TermMatch, str]] = []
    for match, rendering in lexicon_candidates(text, lexicon):
        if not any(match.start < other.end and other.start < match.end for other, _ in chosen):
            chosen.append((match, rendering))
    return sorted(chosen, key=lambda item: item[0].start)
