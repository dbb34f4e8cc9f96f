"""One English text, one spelling convention: British (and Canadian) or American.

- a word the English writes both ways ("centre" … "center", "labour" … "labor"): the fewer (or the later) occurrences are flagged;
- a word spelt only the minority's way in a text that holds several words spelt only the other way ("jewelry", "massage parlors",
  "offense" in an RCMP page that writes "labour", "offences", "centre"): of the words whose spelling in the other convention (-our/-or,
  -tre/-ter, -ence/-ense, -lled/-led, -ogue/-og …) is written at all (wordfreq), one the US Hunspell dictionary accepts and neither the
  British nor the Canadian one does is American, one the British accepts and the US does not is British; -ize/-ise, which Canada and
  Oxford write both ways, is left out. Words in small
  letters only: capitalised ones are names ("International Labour Organization" in a US text, "Department of Labor" in a British one).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from align.checks.base import Check, CheckContext, LinkView, matches_in
from align.model import Flag

_SPELLING_PAIRS = ((re.compile(r"(?<![A-Za-z-])([a-z]{3,})(our|or)(s?)(?![A-Za-z-])"), "our", "or"),
                   (re.compile(r"(?<![A-Za-z-])([a-z]{3,})(tre|ter)(s?)(?![A-Za-z-])"), "tre", "ter"))

MAJORITY_WORDS = 2
"""Words spelt only one way a text needs before a word spelt only the other way is out of place; and the majority must be at least
twice the minority."""
_SMALL_WORD = re.compile(r"(?<![\w’'-])[a-z]{4,}(?![\w’'-])")


def two_spellings(links: list[LinkView], context: CheckContext) -> list[Flag]:
    if not context.has_official:
        return []
    flags = _one_word_two_ways(links)
    taken = {(flag.link, flag.start) for flag in flags}
    return flags + [flag for flag in _words_of_the_other_convention(links) if (flag.link, flag.start) not in taken]


def _one_word_two_ways(links: list[LinkView]) -> list[Flag]:
    """A word the English writes in its British and its American spelling ("centre" … "center"): the fewer, or the later, are flagged."""
    seen: dict[tuple[str, bool, str], list[tuple[int, re.Match, str]]] = {}  # (stem, -our family, plural s) → (link, match, ending)
    for link in links:
        text = link.texts["en"]
        if not text:
            continue
        for pattern, _, _ in _SPELLING_PAIRS:
            for found in matches_in(pattern, text):  # (searched once per text: the app re-checks the document after each correction)
                seen.setdefault((found.group(1), found.group(2) in ("our", "or"), found.group(3)), []).append((link.number, found, found.group(2)))
    flags = []
    for occurrences in seen.values():
        endings = [ending for _, _, ending in occurrences]
        if len(set(endings)) < 2:
            continue
        first = endings[0]
        counts = {ending: endings.count(ending) for ending in set(endings)}
        kept = max(counts, key=lambda ending: (counts[ending], ending == first))
        for number, found, ending in occurrences:
            if ending != kept:
                other = found.group(1) + kept + found.group(3)
                flags.append(Flag(number, "en", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"“{found.group(0)}”: this text writes “{other}” elsewhere; keep one spelling.", other))
    return flags


def _words_of_the_other_convention(links: list[LinkView]) -> list[Flag]:
    """Words spelt the minority convention's way in a text that keeps to the other (`MAJORITY_WORDS`)."""
    found: dict[str, list[tuple[int, re.Match]]] = {"british": [], "american": []}
    for link in links:
        text = link.texts["en"]
        for word in _SMALL_WORD.finditer(text or ""):
            convention = _convention(word.group(0))
            if convention:
                found[convention].append((link.number, word))
    counts = Counter({convention: len({word.group(0) for _, word in words}) for convention, words in found.items()})
    (majority, most), (minority, fewest) = counts.most_common()
    if most < MAJORITY_WORDS or fewest == 0 or most < 2 * fewest:
        return []
    examples = ", ".join(f"“{word}”" for word in dict.fromkeys(word.group(0) for _, word in found[majority]))
    return [Flag(number, "en", "typography", "warning", word.start(), word.end(), word.group(0),
                 f"“{word.group(0)}” is the {minority.capitalize()} spelling; this text spells the {majority.capitalize()} way ({examples}).",
                 "")
            for number, word in found[minority]]


_COUNTERPARTS = ((r"our(?=s?$|ed$|ing$|ite|able|ably|er|ers|ful)", "or"), (r"(?<!u)or(?=s?$|ed$|ing$|ite|able|ably|er|ers|ful)", "our"),
                 (r"tre(?=s?$)", "ter"), (r"ter(?=s?$)", "tre"), (r"ence(?=s?$)", "ense"), (r"ense(?=s?$)", "ence"),
                 (r"ll(?=ed$|ing$|ers?$|ery$|ors?$|ment$)", "l"), (r"(?<!l)l(?=ed$|ing$|ers?$|ery$|ry$|ors?$|ment$)", "ll"),
                 (r"elry$", "ellery"), (r"ellery$", "elry"), (r"ogue(?=s?$)", "og"), (r"og(?=s?$)", "ogue"), (r"grey", "gray"), (r"gray", "grey"),
                 (r"mould", "mold"), (r"mold", "mould"))
"""How a word's spelling in the other convention is made ("labor" → "labour", "jewelry" → "jewellery"); -ize/-yze stay out, Canada's
way too."""
COUNTERPART_MIN_ZIPF = 1.5


def _counterparts(word: str) -> list[str]:
    """The word's spellings in the other convention that are written at all (wordfreq)."""
    from wordfreq import zipf_frequency

    made = {re.sub(pattern, other, word, count=1) for pattern, other in _COUNTERPARTS if re.search(pattern, word)}
    return [other for other in made if zipf_frequency(other, "en") >= COUNTERPART_MIN_ZIPF]


@lru_cache(maxsize=20_000)
def _convention(word: str) -> str | None:
    """'american' for a word en_US accepts and neither en_GB nor en_CA does, 'british' for one en_GB accepts and en_US does not, else None
    (or no dictionaries); only for a word whose other spelling is written at all (`_counterparts`): most words never reach the
    dictionaries."""
    from align.checks.grammar import english_dictionary

    if not _counterparts(word):
        return None
    american, british, canadian = (english_dictionary(name) for name in ("en_US", "en_GB", "en_CA"))
    if american is None or british is None or canadian is None:
        return None
    in_american = american.lookup(word)
    if in_american and not british.lookup(word) and not canadian.lookup(word):
        return "american"
    if not in_american and british.lookup(word):
        return "british"
    return None


SPELLING_SYSTEM = Check("spelling-system", "document", two_spellings, ("typography",))
