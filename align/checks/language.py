"""Text in the wrong language: French left in the official English, and words the MT engine left untranslated."""

from __future__ import annotations

import re
from functools import lru_cache

from align.checks.base import Check, CheckContext, LinkView, suggestions
from align.model import Flag
from align.terms.glossary import find_terms, is_known, longest_matches, tokenize

_CLAUSE = re.compile(r"[^,;:()\[\]–—\"“”«»]+")

UNTRANSLATED_MIN_WORDS = 4

UNTRANSLATED_CONFIDENCE = 0.9

@lru_cache(maxsize=1)
def _language_detector():
    """lingua's offline detector for the languages a French text's English may be mixed with."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN, Language.GERMAN,
    ).with_preloaded_language_models().build()

def french_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of an English text (at least four words) that lingua identifies as French."""
    from lingua import Language

    detector = _language_detector()
    spans = []
    for found in _CLAUSE.finditer(text):
        clause = found.group(0).strip()
        words = clause.split()
        if len(words) < UNTRANSLATED_MIN_WORDS or sum(word[:1].isupper() for word in words) > len(words) / 2:
            continue
        french_only = sum(1 for word in re.findall(r"[^\W\d_]+", clause)
                          if word.islower() and is_known(word, "fr") and not is_known(word, "en"))
        if french_only < 2:
            continue  # names and loanwords ("neither Cuvier nor Lacépède") are not French sentences
        confidences = detector.compute_language_confidence_values(clause)
        top = confidences[0]
        if top.language == Language.FRENCH and top.value >= UNTRANSLATED_CONFIDENCE:
            start = found.start() + found.group(0).index(clause)
            spans.append((start, start + len(clause)))
    return spans

def untranslated_official(link: LinkView, context: CheckContext) -> list[Flag]:
    """French glossary terms and French clauses (lingua) left in the official English."""
    glossary = context.glossary
    english = link.texts["en"]
    if not context.has_official or not english:
        return []
    if english in {segment.text for segment in context.fr_segments}:
        return []  # a line both versions carry (a bilingual letterhead: « Comité permanent de la justice… » on both pages)
    flags = []
    covered: list[tuple[int, int]] = []
    for match in longest_matches(find_terms(english, "fr", glossary)):
        if match.type != "term" or len(tokenize(match.term, "fr")) < 2:
            continue
        if find_terms(match.term, "en", glossary):
            continue  # spelt the same in English
        accepted = glossary.variants(match.concept, "en")
        flags.append(Flag(link.number, "en", "untranslated", "error", match.start, match.end, match.term,
                          f"“{match.term}” is French left in the English.", suggestions(accepted[:3])))
        covered.append((match.start, match.end))
    for start, end in french_spans(english):
        if any(first < end and start < last for first, last in covered):
            continue
        flags.append(Flag(link.number, "en", "untranslated", "error", start, end, english[start:end],
                          "This passage of the English is in French: it was left untranslated.", ""))
    return flags

def english_in_french(link: LinkView, context: CheckContext) -> list[Flag]:
    """English glossary terms left in the French (« la World Day against Trafficking in Persons », « de forced labour »)."""
    glossary = context.glossary
    french = link.texts["fr"]
    if not french:
        return []
    if french in {segment.text for segment in context.en_segments}:
        return []  # a line both versions carry (a bilingual letterhead)
    flags = []
    for match in longest_matches(find_terms(french, "en", glossary)):
        if match.type != "term" or match.status == "forbidden":
            continue
        words = [word for word in tokenize(match.term, "en") if not word.stop]
        english_only = [word for word in words if is_known(word.text.lower(), "en") and not is_known(word.text.lower(), "fr")]
        if not english_only or (len(words) == 1 and (len(match.term) < 5 or not match.term.islower())):
            continue  # made of words French has too (the French matcher's stems would take "victims" for « victimes »); a short or
            # capitalised single word may be a name
        accepted = glossary.variants(match.concept, "fr")
        flags.append(Flag(link.number, "fr", "untranslated", "error", match.start, match.end, match.term,
                          f"“{match.term}” is English left in the French" + (f": « {accepted[0]} »." if accepted else "."), suggestions(accepted[:3])))
    return flags

def unknown_words(link: LinkView, context: CheckContext) -> list[Flag]:
    """Words the MT engine did not know and left as they were (info)."""
    flags = []
    for word in context.mt_unknown_words.get(link.number, ()):
        if len(word) < 3 or word[:1].isupper():
            continue  # names and initials are rightly left as they are
        found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", link.texts["mt"])
        if found:
            flags.append(Flag(link.number, "mt", "untranslated", "info", found.start(), found.end(), word,
                              f"The machine translation engine did not know “{word}” and left it as is.", ""))
    return flags


UNTRANSLATED = Check("untranslated-official", "link", untranslated_official, ("untranslated",))
ENGLISH_IN_FRENCH = Check("english-in-french", "link", english_in_french, ("untranslated",))
UNKNOWN_WORDS = Check("mt-unknown-words", "link", unknown_words, ("untranslated",))
