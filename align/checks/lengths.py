"""Omissions and additions: null links, links whose lengths disagree, and text that was moved rather than lost."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from wordfreq import zipf_frequency

from align.checks.base import Check, CheckContext, LinkView
from align.model import Flag
from align.terms.words import fold, tokenize
from align.text.quantities import find_dates

FUNCTION_WORD_ZIPF = 5.5
"""wordfreq frequency of French function words (« tous », « autres », « plus »; nouns such as « déclaration » are below 5)."""

LENGTH_RATIO_LOW = 0.45

LENGTH_RATIO_HIGH = 2.2

LENGTH_MIN_CHARS = 80
"""English is usually 0.8–1.0 times as long as its French; a link below 0.45 or above 2.2
(with at least 80 characters on the longer side) has lost or gained a clause."""


_HANSARD_TIME = re.compile(r"\((?:[01]\d|2[0-3])[0-5]\d\)")
"""A parliamentary record's time stamp alone on its line, « (1500) »."""


_VERSION_CREDIT = {
    "fr": re.compile(r"\s*(?:(?:Narration|Traduction|Version|Voix|Doublage|Sous-titrage)\s+(?:française|en français)"
                     r"|Traduite?\s+(?:de l['’]anglais\s+)?par)\b|\s*\[\s*TRADUCTION\b[^\]]*\]\s*$"),
    "en": re.compile(r"\s*(?:English\s+(?:narration|version|translation|voice-over)|Translat(?:ed|ion)\s+by|Narrat(?:ed|ion)\s+by"
                     r")\b|\s*\[\s*TRANSLATION\b[^\]]*\]\s*$", re.IGNORECASE),
}
"""« Narration française Patrice Brizard. »: a credit of one language version (who narrated or translated it); a court's note on its
translation, « [TRADUCTION FRANÇAISE CERTIFIÉE, NON RÉVISÉE] »."""


_FUNDING_CREDIT = re.compile(r"(?:(?:Co-?)?(?:funded|financed|supported|sponsored) by|(?:Co-?)?(?:financé|financée|soutenu|soutenue) par|"
                             r"Avec le (?:soutien|financement) de|With the (?:support|funding) of)[^.!?]{2,80}\.?", re.IGNORECASE)
"""« Funded by the European Union »: a project page's funding credit, which one version's page may show as a logo."""


def _only_a_date(text: str, lang: str) -> bool:
    """Whether the line is a date and nothing else (a page's publication date)."""
    dates = find_dates(text, lang)
    return len(dates) == 1 and not text.replace(dates[0].text, "").strip(" .,;:–—-")


_ONE_VERSION_LINES = (
    (_only_a_date, "This line is only a date, the page's date: the other version's page dates itself elsewhere, or not at all."),
    (lambda text, _: _HANSARD_TIME.fullmatch(text.strip()) is not None,
     "This line is only a debate's time stamp (Hansard's « (1500) »): the other version's record may mark the hour elsewhere."),
    (lambda text, lang: _VERSION_CREDIT[lang].match(text) is not None,
     "This line credits this version's own narrator or translator: the other version has its own, or none."),
    (lambda text, _: _FUNDING_CREDIT.fullmatch(text.strip()) is not None,
     "This line credits a funder (a project's page furniture): the other version's page may credit it elsewhere, or in a logo."),
)
"""Lines one version has and the other need not (context, not an omission): (test of the line and its language, message)."""


def length_flags(link: LinkView, context: CheckContext) -> list[Flag]:
    """A null link, or a link whose English is far shorter or longer than its French."""
    if not context.has_official:
        return []
    french, english = link.texts["fr"], link.texts["en"]
    if not french and not english:
        return []
    alone = french or english
    if not (french and english):
        side = "fr" if french else "en"
        for one_version_only, message in _ONE_VERSION_LINES:
            if one_version_only(alone, side):
                return [Flag(link.number, side, "omission" if french else "addition", "info", 0, len(alone), alone, message)]
    if not english:
        words = tokenize(french, "fr")
        if len(words) == 1 and zipf_frequency(words[0].text.lower(), "fr") >= FUNCTION_WORD_ZIPF:
            # a function word alone is a page's label (a filter « Tous »), not a lost translation
            return [Flag(link.number, "fr", "omission", "info", 0, len(french), french,
                         "This one-word French line has no counterpart in the official English (a label of the page?).")]
        return [Flag(link.number, "fr", "omission", "warning", 0, len(french), french,
                     "This French text has no counterpart in the official English: it was left out, or sits elsewhere.")]
    if not french:
        return [Flag(link.number, "en", "addition", "warning", 0, len(english), english,
                     "This English text has no counterpart in the French: it was added, or sits elsewhere.")]
    # a name spelt out before its acronym in brackets counts as the acronym when the other version gives the acronym alone (« l'Agence des
    # services frontaliers du Canada (ASFC) » against "the CBSA"), as written when the other version spells the name out too ("the Pay
    # Equity Act (PEA)" against « la Loi sur l'équité salariale »): a length is suspect only if it is under either reading
    ratios = (len(english) / max(1, len(french)),
              _length_without_expansions(english, "en") / max(1, _length_without_expansions(french, "fr")))
    ratio = min(ratios, key=lambda value: abs(math.log(max(value, 1e-6))))
    if headline(english) or headline(french):
        return []  # headlines are rewritten for each version's readers, not translated: their lengths say nothing
    if ratio < LENGTH_RATIO_LOW and len(french) >= LENGTH_MIN_CHARS:
        return [Flag(link.number, "en", "omission", "warning", 0, len(english), english,
                     f"The English is {ratio:.0%} as long as its French ({len(english)} vs {len(french)} characters): part may be missing.")]
    if ratio > LENGTH_RATIO_HIGH and len(english) >= LENGTH_MIN_CHARS:
        return [Flag(link.number, "en", "addition", "warning", 0, len(english), english,
                     f"The English is {ratio:.1f} times as long as its French ({len(english)} vs {len(french)} characters): part may be added.")]
    return []

_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-Z]{2,8})\)")


def _length_without_expansions(text: str, lang: str) -> int:
    """The text's length with each name spelt out before its acronym in brackets counted as the acronym: one version introduces
    « l'Agence des services frontaliers du Canada (ASFC) » where the other writes "the CBSA" alone (the name's words are counted
    back from the brackets, one content word per letter)."""
    found = list(_ACRONYM_IN_BRACKETS.finditer(text))
    if not found:
        return len(text)
    words = tokenize(text, lang)
    saved = 0
    for acronym in found:
        before = [word for word in words if word.end <= acronym.start()]
        content = 0
        first = None
        for word in reversed(before):
            if word.stop:
                continue
            content += 1
            first = word
            if content == len(acronym.group(1)):
                break
        if first is not None and content == len(acronym.group(1)) and fold(first.text[:1]).upper() == acronym.group(1)[0]:
            saved += acronym.end() - first.start - len(acronym.group(1))
    return len(text) - saved


def headline(text: str) -> bool:
    """A headline: no closing full stop, and written in capitals or in title case (most words of four letters or more capitalised)."""
    text = text.strip()
    if not text or text.endswith((".", "»", "”", "\"")) and not text.isupper():
        return False
    if text.isupper():
        return True
    long_words = [word for word in re.findall(r"[^\W\d_]{4,}", text)]
    return len(long_words) >= 3 and sum(word[:1].isupper() for word in long_words) >= 0.7 * len(long_words)


@lru_cache(maxsize=20_000)
def _content_lemmas(text: str, lang: str) -> frozenset[str]:
    """Once per text: `moved_content` compares each unmatched French text with every English sentence of a link of two or more, and
    the review app runs it over the whole document after each correction (a fifth of a re-check when every call tokenised again)."""
    return frozenset(fold(word.lemma) for word in tokenize(text, lang) if not word.stop and len(word.surface) > 1)

MOVED_OVERLAP = 0.5
MOVED_SHORT_WORDS = 4
"""A line of this many content words or fewer (« Cliquer ici pour lire la présentation. ») is moved with two words in common, not three."""


def _says_the_same(source: frozenset[str] | set[str], target: frozenset[str] | set[str]) -> bool:
    common = source & target
    smaller = min(len(source), len(target))
    return len(common) >= (2 if smaller <= MOVED_SHORT_WORDS else 3) and len(common) >= MOVED_OVERLAP * smaller

def moved_content(flags: list[Flag], links: list[LinkView], context: CheckContext) -> list[Flag]:
    """An unmatched French text and an unmatched English text that say the same thing were moved, not lost.

    The French side is compared through its machine translation (and its names), word lemmas
    against word lemmas; half of the smaller set in common, and at least three words (two for a short line), is a move.
    """
    if not context.has_official:
        return flags
    by_number = {link.number: link for link in links}
    omitted = [flag for flag in flags if flag.kind == "omission" and flag.side == "fr" and not by_number[flag.link].texts["en"]]
    added = [flag for flag in flags if flag.kind == "addition" and flag.side == "en" and not by_number[flag.link].texts["fr"]]
    replaced: dict[int, Flag] = {}
    holders = _english_sentences_of_long_links(links, context) if omitted else []
    for omission in omitted:
        french = by_number[omission.link].texts
        # (and its names: the capitalised words after the first, which opens the sentence)
        source = _content_lemmas(french["mt"], "en") | {fold(w.text) for w in tokenize(french["fr"], "fr")[1:] if w.text[:1].isupper()}
        for addition in added:
            if id(addition) in replaced:
                continue
            if _says_the_same(source, _content_lemmas(by_number[addition.link].texts["en"], "en")):
                replaced[id(omission)] = replace(omission, severity="info", message=(
                    f"This French text is not translated here; the official English has it elsewhere (link {addition.link}): moved, not lost."))
                replaced[id(addition)] = replace(addition, severity="info", message=(
                    f"This English text has no French counterpart here; it renders French text found elsewhere (link {omission.link})."))
                break
        if id(omission) not in replaced and (holder := _sentence_taken_by_another_link(source, holders)) is not None:
            replaced[id(omission)] = replace(omission, severity="info", message=(
                f"This French text is not translated here; the official English has it elsewhere, inside link {holder}: moved, not lost."))
    return [replaced.get(id(flag), flag) for flag in flags]


def _english_sentences_of_long_links(links: list[LinkView], context: CheckContext) -> list[tuple[int, frozenset[str], list[frozenset[str]]]]:
    """(number, content lemmas of its machine translation, content lemmas of each of its English sentences) of each link holding French
    and two English sentences or more: what `_sentence_taken_by_another_link` compares each unmatched French text with, read once."""
    english = context.alignable_english
    return [(link.number, _content_lemmas(link.texts["mt"], "en"),
             [_content_lemmas(english[index], "en") for index in link.unit.en_ids if index < len(english)])
            for link in links if len(link.unit.en_ids) >= 2 and link.texts["fr"]]


def _sentence_taken_by_another_link(source: frozenset[str] | set[str], holders: list[tuple[int, frozenset[str], list[frozenset[str]]]]) -> int | None:
    """The link holding an English sentence that says what this unmatched French says and not what its own French says: the
    aligner, keeping order, put a sentence moved in the English with its neighbour ("Procedure: own-initiative report" after
    the paragraph it follows in the English, before it in the French). `holders`: `_english_sentences_of_long_links`."""
    for number, own, targets in holders:
        for target in targets:
            common = source & target
            if len(common) >= 3 and len(common) >= MOVED_OVERLAP * min(len(source), len(target)) and len(common) > len(target & own):
                return number
    return None


LENGTHS = Check("lengths", "link", length_flags, ("omission", "addition"))
MOVED = Check("moved-content", "revise", moved_content, ("omission", "addition"))
