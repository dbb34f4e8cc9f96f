"""Text in the wrong language: French left in the official English, and words the MT engine left untranslated."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from align.checks.base import Check, CheckContext, LinkView, letters_in_order, reads_language, segment_texts, suggestions
from align.checks.names import places_by_name
from align.model import Flag
from align.terms.matching import find_terms, longest_matches
from align.terms.nearmiss import NAME_SUBJECTS
from align.terms.words import fold, is_known, tokenize
from align.text.language import confidence as language_confidence
from align.text.language import detector as language_detector

_CLAUSE = re.compile(r"[^,;:()\[\]–—\"“”«»]+")

UNTRANSLATED_MIN_WORDS = 4

UNTRANSLATED_CONFIDENCE = 0.9

def french_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of an English text (at least four words) that lingua identifies as French."""
    return list(_passages(text, "fr"))


@lru_cache(maxsize=4096)
def english_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Clauses of a French text (at least four words) that lingua identifies as English (« Focus: Vulnerabilities to human trafficking
    and measures taken by States Parties … »), quotations and cited titles aside; once per text (two checks read them)."""
    if sum(_is_english_word(word) for word in _LETTERS.findall(text)) < UNTRANSLATED_MIN_ENGLISH_WORDS:
        return ()  # (lingua on every clause of every French text costs more than the rest of the language checks)
    return tuple((start, end) for start, end in _passages(text, "en")
                 if not (_quoted(text, start) and _quotation_words(text, start) <= QUOTED_TITLE_WORDS) and not cites_english(text, start, end))
    # (a quoted title or slogan keeps its language; a whole English quotation, « “We are proud to partner with …,” said … », is a
    # speaker's words the French page did not translate: both readers who met one annotated it)


UNTRANSLATED_MIN_ENGLISH_WORDS = 2
"""English words (`_is_english_word`) a French text must hold for its clauses to be read for English passages."""


@lru_cache(maxsize=4096)
def _passages(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    # (once per text: a TMX repeats its sentences, and lingua's reading of a clause is the dearest part)
    from lingua import Language

    wanted = Language.FRENCH if lang == "fr" else Language.ENGLISH
    other = "en" if lang == "fr" else "fr"
    detector = language_detector()

    def in_language(clause: str, *, whole: bool = False) -> bool:
        read = _headline_read_in_lower_case(clause)
        rest = _TITLE_RUN.sub(" ", read)
        if len(rest.split()) >= UNTRANSLATED_MIN_WORDS and rest.strip() != read.strip():
            read = rest  # « … de conclure le projet Increasing Public Knowledge of the Ghanaian Human Trafficking Law »: the clause without
            # the name in capitals it cites is what is written in one language or the other
        words = read.split()
        if len(words) < UNTRANSLATED_MIN_WORDS or sum(word[:1].isupper() for word in words) > len(words) / 2:
            return False
        only = sum(1 for word in re.findall(r"[^\W\d_]+", read) if word.islower() and is_known(word, lang) and not is_known(word, other))
        if only < (UNTRANSLATED_WHOLE_TEXT_WORDS if whole else 2):
            return False  # names and loanwords ("neither Cuvier nor Lacépède") are not sentences of the other language
        top = detector.compute_language_confidence_values(read)[0]
        if whole:
            return top.language == wanted and top.value >= UNTRANSLATED_CONFIDENCE
        return top.language == wanted and (top.value >= _confidence_needed(only) or _mostly_french_words(only, words))

    spans = []
    for found in _CLAUSE.finditer(text):
        clause = found.group(0).strip()
        if in_language(clause):
            start = found.start() + found.group(0).index(clause)
            spans.append((start, start + len(clause)))
    if not spans and in_language(text.strip(), whole=True):
        # a sentence cut by commas and brackets into clauses of names and figures (« À ce titre, AAC participe à la culture agricole
        # au Canada (notamment …), à l'achat de biens … (États-Unis, Royaume-Uni …) »), read whole
        start = len(text) - len(text.lstrip())
        spans.append((start, len(text.rstrip())))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _NAMES_BETWEEN.fullmatch(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)  # "… come from Hungary, Thailand and Nigeria, according to …": one passage around names
        else:
            merged.append((start, end))
    return tuple(merged)


_TITLE_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:(?:\s+(?:of|on|for|to|and|in|the|against|a))*\s+[A-Z][\w’'-]*){2,}")
"""Three capitalised words or more in a row, English small words between them: a name or a title."""
_NAMES_BETWEEN = re.compile(r"(?:[\s,;:]|\b(?:and|or|et|ou)\b|[A-ZÀ-Ý][\w’'-]*)*")
"""What lies between two clauses of one passage: punctuation, names (too few small words for lingua) and the conjunctions of a list."""


UNTRANSLATED_WHOLE_TEXT_WORDS = 4
"""Words one language has and the other does not that a text read whole must hold (lingua's confidence 0.9 too)."""


def _headline_read_in_lower_case(clause: str) -> str:
    """A clause in capitals (a heading: « COMMUNICATION DE LA COMMISSION AU PARLEMENT EUROPÉEN ») read in lower case: its capitals
    are the typesetting's, not names'."""
    letters = [letter for letter in clause if letter.isalpha()]
    return clause.lower() if len(letters) >= 2 and all(letter.isupper() for letter in letters) else clause


UNTRANSLATED_CONFIDENCE_MANY_WORDS = 0.75
"""lingua's confidence enough for a clause with four words or more that French has and English does not: so many French words in the
English are no name or loanword (« Javascript est requis pour afficher les communiqués de presse »: 0.80)."""


def _confidence_needed(french_only: int) -> float:
    return UNTRANSLATED_CONFIDENCE_MANY_WORDS if french_only >= 4 else UNTRANSLATED_CONFIDENCE


MOSTLY_FRENCH_SHARE = 0.6


def _mostly_french_words(french_only: int, words: list[str]) -> bool:
    """Four words or more that one language has and the other does not, and most of the clause's words: that language whatever lingua's
    confidence (« cette évolution est trop lente »: 0.71 French, its mass shared with Italian)."""
    return french_only >= 4 and french_only >= MOSTLY_FRENCH_SHARE * len(words)


def untranslated_official(link: LinkView, context: CheckContext) -> list[Flag]:
    """French glossary terms and French clauses (lingua) left in the official English."""
    glossary = context.glossary
    if not context.has_official or not link.texts["en"]:
        return []
    english = _language_checked(link.texts["en"], context)
    if english is None:
        return []
    flags = []
    covered: list[tuple[int, int]] = []
    for match in longest_matches(find_terms(english, "fr", glossary)):
        if match.type != "term" or len(tokenize(match.term, "fr")) < 2:
            continue
        if find_terms(match.term, "en", glossary):
            continue  # spelt the same in English
        if _expands_acronym(english, match.start, match.end):
            continue
        accepted = glossary.variants(match.concept, "en")
        flags.append(Flag(link.number, "en", "untranslated", "error", match.start, match.end, match.term,
                          f"“{match.term}” is French left in the English.", suggestions(accepted[:3])))
        covered.append((match.start, match.end))
    passages = french_spans(english)
    if not passages and english.strip() == link.texts["fr"].strip() and _french_not_a_name(english):
        passages = [(len(english) - len(english.lstrip()), len(english.rstrip()))]  # the French copied as the English, however short
        # (« Mesdames et messieurs, », « Contenu archivé »: too short for lingua)
    for start, end in passages:
        if any(first < end and start < last for first, last in covered):
            continue
        if _ends_in_name_with_acronym(english, start, end) or _expands_acronym(english, start, end) or _quoted_title(english, start, end):
            continue  # "The SPVM's module Exploitation sexuelle des enfants à des fins commerciales (ESEC)": a body's French name, kept
        flags.append(Flag(link.number, "en", "untranslated", "error", start, end, english[start:end],
                          "This passage of the English is in French: it was left untranslated.", ""))
        covered.append((start, end))
    flags += _french_dates(link, covered)
    flags += [Flag(link.number, "en", "untranslated", "warning", start, end, english[start:end],
                   f"“{english[start:end]}” is a French word in the English.", "")
              for start, end in _french_words_among_english(english) if not any(first < end and start < last for first, last in covered)]
    return flags


_WORDS_BEFORE_A_KEPT_NAME = 4
"""English words before a French name the passage ends in ("The SPVM's module …"): more, and the passage is a French sentence that
happens to end in a name (« L'utilisation … est essentielle pour le Centre national … (CNCEE) »)."""


def _ends_in_name_with_acronym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a capitalised name followed by its acronym in brackets or after a dash ("the Équipe intégrée de
    lutte contre le proxénétisme – EILP"), the acronym's letters among the initials of the name's words, in order, from the first: a
    body's or a programme's own name, kept in the other language."""
    after = re.match(r"[ \u00a0]*(?:\(|[–—][ \u00a0]*)([A-ZÀ-Ý]{2,8})\b", text[end:])
    if after is None:
        return False
    return _initials_give(after.group(1), text[start:end])


QUOTED_TITLE_WORDS = 15


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all a pair of quotation marks holds, a title (a capital, no sentence's stop, a few words): the French
    name of a proceeding or a publication cited as such ("to be used for “Consultations particulières et auditions publiques sur
    l’exploitation sexuelle des mineurs”"), not a sentence left in French."""
    inside = text[start:end]
    return (bool(re.search(r"[“\"«‘]\s*$", text[:start])) and bool(re.match(r"\s*[”\"»’]", text[end:])) and inside[:1].isupper()
            and not re.search(r"[.!?;]", inside) and len(inside.split()) <= QUOTED_TITLE_WORDS)


def _expands_acronym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands in the brackets after an acronym whose letters its words give ("the CATHII (Comité d’action contre
    la traite humaine interne et internationale)"): the body's own name, spelt out in its language."""
    opening = text.rfind("(", 0, start)
    closing = text.find(")", end)
    if opening < 0 or closing < 0 or ")" in text[opening:start] or "(" in text[end:closing]:
        return False
    before = re.search(r"([A-ZÀ-Ý]{2,8})[ \u00a0]*$", text[:opening])
    return before is not None and _initials_give(before.group(1), text[opening + 1:closing])


_ACRONYM_CLOSING_NAME = re.compile(r"[^().;:!?«»]{0,80}?[ \u00a0]*\(([A-ZÀ-Ý]{2,8})((?:[ \u00a0]+[A-Z][a-z]+){0,2})\)")
"""A name's acronym in brackets after it, maybe with the name's last words that the acronym keeps whole ("Joint action days Workers (JAD
Workers)")."""
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][\w’'-]*")


def in_name_with_its_acronym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] belongs to a body's name given with its acronym, after it in brackets (« le Comité d’action contre la
    traite humaine interne et internationale (CATHII) ») or before (`_expands_acronym`): the name as the body writes it."""
    if _expands_acronym(text, start, end):
        return True
    after = _ACRONYM_CLOSING_NAME.match(text, end)
    if after is None:
        return False
    closing = text.rfind("(", 0, after.end())
    acronym, kept = after.group(1), after.group(2).split()
    if kept:
        if not text[:closing].rstrip().endswith(" " + " ".join(kept)):
            return False
        closing = text.rfind(" " + " ".join(kept), 0, closing)
    for word in _CAPITALISED_WORD.finditer(text, max(0, start - 80), start + 1):
        words = re.findall(r"[^\W\d_]+", text[word.start():closing])
        content = [found for found in words if found.lower() not in _NAME_SMALL_WORDS]
        outside = re.findall(r"[^\W\d_]+", text[word.start():start] + " " + text[end:closing])
        # (the acronym takes a letter of each of the name's words but one, and may take its small words' too: ECPAT, "End Child
        # Prostitution and Trafficking")
        if (content and any(found.lower() not in _NAME_SMALL_WORDS for found in outside) and len(content) - 1 <= len(acronym) <= len(words)
                and letters_in_order(fold(acronym).upper(), "".join(fold(found[:1]).upper() for found in words))
                and fold(content[0][:1]).upper() == fold(acronym[0]).upper()):
            return True
    return False


_NAME_SMALL_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "contre", "pour", "sur", "en", "à", "au", "aux", "of", "the",
                               "for", "and", "on", "in", "against", "to"})


def _initials_give(letters: str, name: str) -> bool:
    words = re.findall(r"[^\W\d_]+", name)
    initials = [fold(word[:1]).upper() for word in words]
    return any(initial == fold(letters[0]).upper() and letters_in_order(fold(letters).upper(), "".join(initials[index:]))
               for index, initial in enumerate(initials[:_WORDS_BEFORE_A_KEPT_NAME + 1]))


FRENCH_WORD_MIN_ZIPF = 3.5
FRENCH_WORD_MAX_ENGLISH_ZIPF = 2.0
_WORD_AND_NEIGHBOURS = re.compile(r"(?<![\w’'-])(?=([A-Za-z][a-z]*)[ \u00a0]+([a-zà-ÿ]{5,})[ \u00a0]+([A-Za-z][a-z]*)(?![\w’'-]))")


def _french_words_among_english(english: str) -> list[tuple[int, int]]:
    """A word in small letters that English rarely writes and French often (wordfreq), known to the French dictionary, between two English
    words ("The objectif of the event"): a French word left in the English, where a French name or passage would bring French words
    around it. (English's frequencies, not its dictionaries: a word en_US lacks would load en_GB and en_CA for every text.)"""
    from wordfreq import zipf_frequency

    from align.checks.grammar import _french_known

    spans = []
    for found in _WORD_AND_NEIGHBOURS.finditer(english):
        word = found.group(2)
        if (zipf_frequency(word, "fr") >= FRENCH_WORD_MIN_ZIPF and zipf_frequency(word, "en") < FRENCH_WORD_MAX_ENGLISH_ZIPF and _french_known(word)
                and all(found.group(index).lower() in _ENGLISH_FUNCTION_WORDS or _is_english_word(found.group(index)) for index in (1, 3))
                and not is_known(word, "en")):  # (a rare English word French writes too: "a procurer", one who procures)
            spans.append(found.span(2))
    return spans


_FRENCH_SMALL_WORDS = re.compile(r"(?<![\w’'-])(?:et|ou|de|des|du|la|le|les|pour|sur|avec|dans)(?![\w’'-])")


def _french_not_a_name(text: str) -> bool:
    """Whether a short text is French words, not a name both versions write alike (« Côte d'Ivoire »): a word only French has, no word only
    English has, and either a French word in small letters or a French small word between capitalised ones (« Mesdames et messieurs »)."""
    text = _headline_read_in_lower_case(text)  # (a heading in capitals, « RECOMMANDATIONS PRIORITAIRES : », is read in small letters)
    name = text.strip(" :.,;").lower()
    if name in places_by_name() or name.replace("'", "’") in places_by_name():
        return False  # a country's name, in capitals or not (« CÔTE D'IVOIRE », a TIP Report narrative's heading)
    if reads_language(text, "en") or not reads_language(text, "fr"):
        return False
    return reads_language(" ".join(re.findall(r"(?<![\w’'-])[a-zà-ÿœ]{3,}", text)), "fr") or bool(_FRENCH_SMALL_WORDS.search(text))


_FRENCH_DATE = re.compile(r"(?<![\w.])(?:[Ll]e\s+)?(?:1er|[0-3]?\d)\s+(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                          r"décembre)(?:\s+\d{4})?(?!\w)")
"""A day and a French month in lower case (« le 30 juillet 2020 », « 11 décembre 2018 »): English writes its months with a capital."""


def _french_dates(link: LinkView, covered: list[tuple[int, int]]) -> list[Flag]:
    """A date written the French way in the official English (a dateline left untranslated: "Ottawa, 11 décembre 2018")."""
    english = link.texts["en"]
    return [Flag(link.number, "en", "untranslated", "error", found.start(), found.end(), found.group(0),
                 f"“{found.group(0)}” is a date written in French: the month is French.", "")
            for found in _FRENCH_DATE.finditer(english) if not any(first < found.end() and found.start() < last for first, last in covered)]

def english_in_french(link: LinkView, context: CheckContext) -> list[Flag]:
    """English glossary terms left in the French (« la World Day against Trafficking in Persons », « de forced labour »)."""
    glossary = context.glossary
    french = _language_checked(link.texts["fr"], context)
    if not french:
        return []
    flags = []
    passages = english_spans(french)
    for match in longest_matches(find_terms(french, "en", glossary)):
        if match.type != "term" or match.status == "forbidden" or _within((match.start, match.end), passages):
            continue  # (a term inside an English passage is that passage's flag)
        if fold(match.term).lower() in {fold(term).lower() for term in glossary.variants(match.concept, "fr")}:
            continue  # a name both languages write alike (« le Mouvement du Nid », "the Mouvement du Nid")
        words = [word for word in tokenize(match.term, "en") if not word.stop]
        english_only = [word for word in words if is_known(word.text.lower(), "en") and not _french_too(word.text.lower())]
        if not english_only or (len(words) == 1 and (len(match.term) < 5 or not match.term.islower())):
            continue  # made of words French has too (the French matcher's stems would take "victims" for « victimes »); a short or
            # capitalised single word may be a name
        french_terms = find_terms(french, "fr", glossary)
        if any(other.concept == match.concept and other.start <= match.start and match.end <= other.end
               and other.end - other.start > match.end - match.start and fold(match.term).lower() in fold(other.entry).lower()
               for other in french_terms):
            continue  # the French term, as listed, holds the English form (« directive 2011/36/UE » holds "Directive 2011/36")
        if cites_english(french, match.start, match.end) or announced_title(french, match.start):
            continue  # an English publication cited by its title (« a publié Reducing modern slavery, un bilan »)
        if _heading_announced_as_title(french, context):
            continue  # a project's English title as the page's heading, the text giving it as a title (« un projet intitulé … »)
        if re.fullmatch(r"\(\s*", french[:match.start][-2:].lstrip()) and re.match(r"\s*\)", french[match.end:]):
            continue  # the English equivalent given alone in brackets after the French (« … 1999. (child labour) »): a gloss
        if (_WORK_NOUN.search(match.term) or (match.term[:1].isupper() and glossary.subject(match.concept) not in NAME_SUBJECTS)) and \
                _quoted_alone(french, match.start, match.end):
            continue  # a work cited by its title, quoted (« la publication du «Trafficking in Persons Report» »), or a programme's label in
            # title case (« la priorité « Trafficking in Human Beings » du cycle EMPACT »); a day or a body has a French name to give (« la
            # journée européenne "European Anti-trafficking Day" »)
        if inside_english_name(french, match.start, match.end) and not _reads_as_english(french):
            continue  # a programme, a group or a report named in English ("Action Coalition on Human Trafficking Alberta")
        if match.term[:1].isupper() and any(m.concept == match.concept and m.type == "term" and m.end <= match.start
                                            and re.fullmatch(r"[\s(]*", french[m.end:match.start])
                                            for m in french_terms):
            continue  # the English name given beside the French one (« Centre canadien … (Canadian Centre to End Human Trafficking) »)
        if match.term[:1].isupper() and fold(match.term) == fold(match.entry) and _own_name_with_its_acronym(french, match, glossary):
            continue  # « le Federal Bureau of Investigation (FBI) »: a foreign body known in French by its own acronym, named in its own
            # language as listed
        accepted = glossary.variants(match.concept, "fr")
        flags.append(Flag(link.number, "fr", "untranslated", "error", match.start, match.end, match.term,
                          f"“{match.term}” is English left in the French" + (f": « {accepted[0]} »." if accepted else "."), suggestions(accepted[:3])))
    return flags


_TITLE_ANNOUNCED = re.compile(r"(?:\bintitulée?s?|\bpubliée?s?|\bsous le titre|\bthème(?:\s+(?:était|est|retenu))?)"
                              r"\s*[:«\"“]?\s*((?:[^\W\d_][\w’'-]*[ \u00a0]?[,:]?\s+){0,8})$", re.IGNORECASE)


def announced_title(text: str, start: int) -> bool:
    """Whether the English words up to `start` follow « intitulé », « a publié », « le thème était » (a seminar's theme given in English):
    a work cited by its title (its colon spaced the French
    way: « Intitulé Faster, Higher, Stronger : Preventing Human Trafficking at the 2010 Olympics »)."""
    found = _TITLE_ANNOUNCED.search(text[:start])
    return found is not None and all(_is_english_word(word) or word[:1].isupper() or word.lower() in _ENGLISH_FUNCTION_WORDS
                                     for word in re.findall(r"[^\W\d_][\w’'-]*", found.group(1)))


def _heading_announced_as_title(french: str, context: CheckContext) -> bool:
    """Whether `french`, a heading (no closing stop), is written in the document as an announced title (`announced_title`)."""
    line = french.strip()
    if not line or line[-1:] in ".!?" or len(line.split()) < 3:
        return False
    document = context.document_texts["fr"] or ""
    position = document.find(line)
    while position >= 0:
        if announced_title(document, position):
            return True
        position = document.find(line, position + 1)
    return False


def _own_name_with_its_acronym(french: str, match, glossary) -> bool:
    """Whether the English name is followed by its acronym in brackets, an acronym French uses too and that no French name of the body
    spells (FBI, « Bureau fédéral d'enquête »; not RCMP, which is GRC, nor IRCC, « Immigration, Réfugiés et Citoyenneté Canada »)."""
    after = re.match(r"\s*\(\s*([A-Z][A-Za-z]{1,9})\s*\)", french[match.end:])
    if after is None:
        return False
    acronyms = {lang: {entry.term for entry in glossary.concept_entries(match.concept, lang) if entry.is_acronym} for lang in ("fr", "en")}
    french_initials = {"".join(word.text[:1].upper() for word in tokenize(entry.term, "fr") if not word.stop)
                       for entry in glossary.concept_entries(match.concept, "fr") if not entry.is_acronym}
    return after.group(1) in acronyms["fr"] & acronyms["en"] and after.group(1) not in french_initials


ENGLISH_SKEW = 1.3
"""How much more frequent in English (wordfreq Zipf) a word French also has must be to count as English: "labour" (4.7 against 3.3, the
French word is ploughing), not "support" (5.5 against 4.3) or "standards"."""


def _french_too(word: str) -> bool:
    """Whether French has the word as its own: the lemmatiser knows it and it is not far more frequent in English."""
    from wordfreq import zipf_frequency

    return is_known(word, "fr") and zipf_frequency(word, "en") - zipf_frequency(word, "fr") < ENGLISH_SKEW


def _reads_as_english(text: str) -> bool:
    """Whether lingua reads the text, its capitalised words (names) aside, as English rather than French (an English headline
    left on the French page)."""
    rest = re.sub(r"\b[A-Z][\w’'-]*", " ", text)
    return language_confidence(rest, "en") > language_confidence(rest, "fr")


_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")
_NAME_JOINER = re.compile(r"(?:['’]s)?(?:\s+(?:of|on|for|to|and|in|the|against)\b)*\s+")
"""What joins two words of an English name: small words, and a possessive ("Multicultural Women's Organization")."""


def inside_english_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], written with capitals, is part of a longer English name: capitalised words joined to it directly or
    by English small words ("Survivors of Human Trafficking", "Human Trafficking Alberta"). The glossary's own names are whole
    matches and are not inside a longer one."""
    content = [word for word in re.findall(r"[^\W\d_]+", text[start:end]) if word.lower() not in _ENGLISH_FUNCTION_WORDS]
    if not content or not all(word[:1].isupper() for word in content):
        return False
    after = _NAME_JOINER.match(text, end)
    if after and _NAME_WORD.match(text, after.end()):
        return True
    before = re.search(r"([A-Z][\w’'-]*)(?:\s+(?:of|on|for|to|and|in|the|against))*\s+$", text[:start])
    if before is None:
        return False
    previous = text[:before.start()].rstrip()
    return bool(previous) and not previous.endswith((".", "!", "?", ":"))  # (a capital opening the sentence says nothing)

ENGLISH_MIN_ZIPF = 3.0
"""wordfreq Zipf frequency an English word needs (3 = once per million words): rare words are often names."""
ENGLISH_MARGIN = 1.5
"""How much more frequent in English than in French (Zipf, i.e. about 30 times): French web text quotes English too."""
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_JOINED = re.compile(r"[ \t]+|-")
"""What may stand between two words of one run: spaces or a hyphen."""
_ENGLISH_FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "with", "to", "in", "from", "by"})
_FRENCH_DETERMINERS = frozenset({"le", "la", "les", "l", "du", "des", "au", "aux", "un", "une", "ce", "cet", "cette", "ces",
                                 "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
_OPENING_QUOTES, _CLOSING_QUOTES = "«“‘\"", "»”’\""


@lru_cache(maxsize=100_000)
def _is_english_word(word: str) -> bool:
    """A word of English, not French: frequent in English, much rarer in French, unknown to the French lemmatiser."""
    from wordfreq import zipf_frequency

    lower = word.lower()
    if len(lower) < 3 or word.isupper():
        return False  # initials and acronyms are names in any language
    english = zipf_frequency(lower, "en")
    return english >= ENGLISH_MIN_ZIPF and english - zipf_frequency(lower, "fr") >= ENGLISH_MARGIN and not is_known(lower, "fr")


def among_english_words(text: str, start: int, end: int) -> bool:
    """Whether the word before or after `text[start:end]` is English ("The ILO strategy", "UNODC Regional Office"): a title or a name
    cited in English, not a French sentence."""
    before = re.findall(r"[^\W\d_]+", text[:start])[-1:]
    after = re.findall(r"[^\W\d_]+", text[end:])[:1]
    return any(word.lower() in _ENGLISH_FUNCTION_WORDS or _is_english_word(word) for word in before + after)


EXONYM_MIN_ZIPF = 3.5
EXONYM_MARGIN = 1.0


@lru_cache(maxsize=1)
def _french_words_by_initial() -> dict[str, tuple[str, ...]]:
    """wordfreq's 50,000 most frequent French words of five letters or more, by folded first letter."""
    from wordfreq import top_n_list

    index: dict[str, list[str]] = {}
    for word in top_n_list("fr", 50_000):
        if len(word) >= 5 and word.isalpha():
            index.setdefault(fold(word)[0], []).append(word)
    return {initial: tuple(words) for initial, words in index.items()}


@lru_cache(maxsize=100_000)
def _french_twin(word: str) -> str | None:
    """The French form of an English word one letter or accent away at its end ("Geneva" → « genève », "Minister" → « ministre »):
    the English is clearly more frequent in English than in French, the twin clearly more frequent in French."""
    from wordfreq import zipf_frequency

    lower = word.lower()
    if len(lower) < 5 or not lower.isalpha():
        return None
    english = zipf_frequency(lower, "en")
    if english < EXONYM_MIN_ZIPF or english - zipf_frequency(lower, "fr") < EXONYM_MARGIN or is_known(lower, "fr"):
        return None
    folded = fold(lower)
    for candidate in _french_words_by_initial().get(folded[0], ()):
        twin = fold(candidate)
        if (candidate != lower and abs(len(candidate) - len(lower)) <= 1 and twin != folded and OSA.distance(twin, folded) <= 1
                and len(os.path.commonprefix([twin, folded])) >= len(folded) - 2):  # names change their ending (Vienna, Vienne)
            french = zipf_frequency(candidate, "fr")
            if french >= 3.0 and zipf_frequency(candidate, "en") < french - 1:
                return candidate
    return None


@lru_cache(maxsize=100_000)
def _accented_twin(word: str) -> str | None:
    """The frequent French word that `word` is without its accents (« scenarios » → « scénarios »), or None."""
    from wordfreq import zipf_frequency

    if len(word) < 5 or fold(word) != word:
        return None
    return next((candidate for candidate in _french_words_by_initial().get(word[0], ())
                 if candidate != word and fold(candidate) == word and zipf_frequency(candidate, "fr") >= 3.0), None)


_MARKED_ENGLISH = re.compile(r"[^.!?]*?[(\[]\s*(?:en\s+anglais|anglais|in\s+English|English)(?:\s+(?:seulement|uniquement|only))?\s*[)\]]", re.IGNORECASE)


_OTHER_VERSION = re.compile(r"\b(?:(?:also|aussi|également)\s+)?(?:available|disponible)\s+(?:in|en)\s+(?:English|French|anglais|français)\b"
                            r"|\b(?:English|French)\s+only\b|\ben\s+(?:anglais|français)\s+(?:seulement|uniquement)\b", re.IGNORECASE)
"""The notice of the other language's version ("Also available in English under the title: …", « Aussi disponible en français sous le
titre : … ») or of an event held in one language ("Webinar – French only: Les intersections …"): written in that language on
purpose, the title after it too (every Government of Canada publication carries one)."""


def _language_checked(text: str, context: CheckContext) -> str | None:
    """What of a text the language checks read: None for a line both pages carry as a bilingual letterhead (« Comité permanent de la
    justice … » on both), else the text up to a notice of the other language's version, which is in that language on purpose, with
    the title after it."""
    if text in context.bilingual_lines:
        return None
    notice = _OTHER_VERSION.search(text)
    return text[:notice.start()] if notice else text


def cites_english(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] belongs to an English title the French cites as such: a reference the page marks « (en anglais) »
    (a bibliography entry, a link to an English publication), or the original name given in brackets after its French rendering
    (« la Boîte à outils de l'ICAT … (ICAT Toolkit for Guidance in Designing …) »)."""
    if _MARKED_ENGLISH.match(text, end):
        return True
    rendering = _FRENCH_RENDERING_AFTER.match(text, end)
    if rendering and language_confidence(rendering.group(1), "fr") > language_confidence(rendering.group(1), "en"):
        return True  # « Guardianship for children deprived of parental care (Tutelle des enfants privés …) »: the title and its rendering
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    closing = text.find(")", end)
    inside = text[opening + 1:closing] if closing >= 0 else ""
    before = text[:opening].rstrip()
    return bool(inside) and inside.lstrip()[:1].isupper() and re.search(r"[^\W\d_]{3,},?$", before) is not None and not re.search(r"[;\d]", inside)
    # (a source cited by author and year, « (Canadian Centre to End Human Trafficking, 2020) », is a name to give in French)


_FRENCH_RENDERING_AFTER = re.compile(r"[^()\n«»;:.]{0,60}?[ \u00a0]*\(([A-ZÀ-Ý][^\W\d_]*(?:[ \u00a0’'-]+[^\W\d_]+){2,})\)")
"""Three words or more in brackets, the first capitalised, no figure (« (Tutelle des enfants privés de protection parentale) »), after
the rest of the title."""
_WORK_NOUN = re.compile(r"\b(?:Report|Guide|Guidelines|Toolkit|Handbook|Manual|Study|Review|Index|Bulletin|Newsletter|Journal|Survey)\b")
"""The nouns of a publication's title: a work is cited under its own title, a day, a body or a programme is named in French."""


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all a quotation holds: an opening mark right before it, a closing one right after (a quoted speech
    with English in it is no title)."""
    before, after = text[:start].rstrip(" \u00a0\u202f"), text[end:].lstrip(" \u00a0\u202f")
    return before[-1:] in ("«", "“", '"') and after[:1] in ("»", "”", '"')


def _quotation_words(text: str, start: int) -> int:
    """How many words the quotation holding position `start` has (up to its closing mark, or the text's end)."""
    before = text[:start]
    opening = max(before.rfind(mark) for mark in _OPENING_QUOTES)
    closing = min((found for found in (text.find(mark, start) for mark in _CLOSING_QUOTES if mark != text[opening:opening + 1]) if found >= 0),
                  default=len(text))
    return len(text[opening + 1:closing].split())


def _quoted(text: str, start: int) -> bool:
    """Whether position `start` lies inside quotation marks (a quoted title or name keeps its language)."""
    before = text[:start]
    opening = max(before.rfind(mark) for mark in _OPENING_QUOTES)
    return opening >= 0 and not any(mark in before[opening + 1:] for mark in _CLOSING_QUOTES if mark != before[opening])


def english_runs(text: str, lines: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Runs of English words inside a French text that read as untranslated English, not as names.

    A run is consecutive English words (wordfreq: frequent in English, about 30 times rarer in French, unknown to the
    French lemmatiser), English function words allowed between them. Capitalised runs are names ("Project Recover",
    « l'organisme Voice Found ») unless used as a French noun phrase (after a determiner: « le Deputy Minister ») or
    standing alone as a heading ("Statements": the whole text or one of `lines`, the segments it is made of).
    Quoted runs (titles, names), acronyms and runs lingua reads as French are left alone.
    """
    return list(_english_runs(text, frozenset(lines)))


@lru_cache(maxsize=4096)
def _english_runs(text: str, lines: frozenset[str]) -> tuple[tuple[int, int], ...]:
    # (once per text and segments: a TMX repeats its sentences)
    words = [(found.start(), found.end(), found.group(0)) for found in _LETTERS.finditer(text)]
    words_alone: set[int] = set()
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for start, end, word in words:
        joined = not current or _JOINED.fullmatch(text[current[-1][1]:start]) is not None
        english = _is_english_word(word)
        function = word.lower() in _ENGLISH_FUNCTION_WORDS and bool(current) and joined
        if (english or function) and joined:
            current.append((start, end, word))
            continue
        if current:
            runs.append(current)
        current = [(start, end, word)] if english else []
    if current:
        runs.append(current)
    spans = []
    in_runs = {start for run in runs for start, _, _ in run}
    for index, (start, end, word) in enumerate(words):
        # a capitalised word on its own with a French twin is a name left in its English form (« Geneva — L'OIM… »); in a
        # row of capitalised words it belongs to a name ("Project Recover", "Victim Services Toronto")
        if start in in_runs or not word[:1].isupper() or word.isupper() or _quoted(text, start):
            continue
        neighbours = [words[other][2] for other in (index - 1, index + 1) if 0 <= other < len(words)
                      and _JOINED.fullmatch(text[min(words[other][1], end):max(words[other][0], start)])]
        if index >= 1 and re.fullmatch(r"[ \t]+&[ \t]+", text[words[index - 1][1]:start]):
            neighbours.append(words[index - 1][2])  # "Justice & Equity": a name's words around its ampersand
        elif index >= 2 and words[index - 1][2] in ("and", "of") and _JOINED.fullmatch(text[words[index - 2][1]:words[index - 1][0]]):
            neighbours.append(words[index - 2][2])  # "Justice and Equity": the word after the conjunction of a name
        if any(other[:1].isupper() for other in neighbours):
            continue
        if _french_twin(word):
            runs.append([(start, end, word)])
            in_runs.add(start)
            words_alone.add(start)
    for run in runs:
        while run and run[-1][2].lower() in _ENGLISH_FUNCTION_WORDS:
            run = run[:-1]
        if not run:
            continue
        start, end = run[0][0], run[-1][1]
        if _quoted(text, start) or cites_english(text, start, end):
            continue
        if run[0][2][:1].isupper() and start not in words_alone:
            previous = re.search(r"([^\W\d_]+)['’\s]+$", text[:start])
            after_determiner = previous is not None and previous.group(1).lower() in _FRENCH_DETERMINERS
            alone = not re.search(r"[^\W\d_]", text[:start] + text[end:]) or text[start:end] in lines
            if not (after_determiner or alone):
                continue
        if re.search(r"[^\W\d_]\s*\(\s*$", text[:start]) and re.match(r"\s*\)", text[end:]):
            continue  # « des petits bateaux (small boats) »: the English the French words before it stand for, given alone in brackets
        if _named_with_its_acronym(text, start):
            continue  # « l’American bar association (Aba) »: a body's English name given with its acronym, however it is capitalised
        if _inside_capitalised_name(text, start, end, run) or (inside_english_name(text, start, end) and _names_a_body(text, start, end)):
            continue  # "la Responsible Business Alliance", « Profits and Poverty: … », "Center on Human Trafficking Research and
            # Outreach": words of a longer English name or title
        if len(run) > 1 and language_confidence(text[start:end], "fr") > language_confidence(text[start:end], "en"):
            continue
        if (len(run) == 1 and run[0][2].islower() and re.search(r"[^\W\d_]", text[:start] + text[end:])
                and not _accented_twin(run[0][2])):
            continue  # one lower-case English word in a French sentence is a loanword French uses (« counseling », « feed-back »),
            # unless it is a French word without its accents (« scenarios » for « scénarios »)
        spans.append((start, end))
    return tuple(spans)


_WORDS_THEN_ACRONYM = re.compile(r"((?:[^\W\d_]+[\s’'-]+){1,6}?)\(([^\W\d_]{2,8})\)")


def _named_with_its_acronym(text: str, start: int) -> bool:
    """Whether the words from `start` run into an acronym in brackets whose letters are their initials, small words aside or not
    (« American bar association (Aba) »)."""
    found = _WORDS_THEN_ACRONYM.match(text, start)
    if found is None:
        return False
    words = re.findall(r"[^\W\d_]+", found.group(1))
    letters = found.group(2).lower()
    return letters in ("".join(word[0].lower() for word in words),
                       "".join(word[0].lower() for word in words if word.lower() not in _ENGLISH_FUNCTION_WORDS))


_BODY_NOUN = re.compile(r"\b(?:Cent(?:er|re)|Institute|School|College|Faculty|Laboratory|Observatory|"
                        r"Network|Alliance|Association|Foundation|Committee|Council|Office|Coalition|Agency|Organi[sz]ation|"
                        r"Services|University|Club|Society|Federation|Union|Commission|Program|Programme|Project|Initiative|Fund|Partnership|"
                        r"Task Force|Unit|Group|Bureau|Department|Ministry|Court|Tribunal|Board|Forum|Campaign)s?\b")
_CAPITALISED_ENGLISH = re.compile(r"[A-Z][\w’'-]*(?:(?:\s+(?:of|on|for|to|and|in|the|against))*\s+[A-Z][\w’'-]*)*")


def _names_a_body(text: str, start: int, end: int) -> bool:
    """Whether the English name holding text[start:end] names a body ("Center on Human Trafficking Research and Outreach",
    "Propel Development Program for Survivors"), which French keeps as it is, not a work ("Toolkit for Guidance in …") or a person's
    role ("Programme and Capacity-Building Officer"), which it translates."""
    for name in _CAPITALISED_ENGLISH.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if name.start() <= start and end <= name.end():
            return bool(_BODY_NOUN.search(name.group(0))) and not _ROLE_NOUN.search(name.group(0))
    return False


_ROLE_NOUN = re.compile(r"\b(?:Officer|Manager|Coordinator|Co-ordinator|Director|Adviser|Advisor|Assistant|Specialist|Analyst|Head|Chief|"
                        r"Minister|Secretary|Commissioner|Representative|Rapporteur)s?$")


def _inside_capitalised_name(text: str, start: int, end: int, run: list[tuple[int, int, str]]) -> bool:
    """Whether a run is part of a longer name or a title of a work: capitalised and followed by a capitalised word that is not
    English ("Responsible" in « la Responsible Business Alliance »: « Business » is French too), or announced as a title
    (« un rapport intitulé Profits and Poverty: … »)."""
    if re.search(r"\bintitulée?s?\s+(?:[^\W\d_]+\s+){0,3}$", text[:start], re.IGNORECASE):
        return True
    after = re.match(r"[ \u00a0]+([^\W\d_]+)", text[end:])
    return (run[0][2][:1].isupper() and after is not None and after.group(1)[:1].isupper() and not after.group(1).isupper()
            and not _is_english_word(after.group(1)))


_ENGLISH_SMALL_WORD = re.compile(r"(?<=[^\W\d_] )(and|the|of|with|at|from|for)(?= ([^\W\d_][\w’'-]*))")
"""English small words that are no French word (« or », « on », « a » are French, and stay out)."""


_ENGLISH_TITLE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms)\.?(?= [A-ZÀ-Ý])")
"""« Mr. Pierre Lapaque »: the English title before a name, where French writes « M. », « Mme »."""


_AND_BETWEEN_NUMBERS = re.compile(r"(?<=\d )(and|to)(?= \d)")
"""« (Articles 12 and 15) »: the English conjunction between two numbers, where French writes « et », « à »."""


def _lone_english_small_words(text: str) -> list[tuple[int, int]]:
    """An English small word between French words (« Mesdames at messieurs », « prévention and de mesures », « le Directeur of CREUSET »):
    a translator's slip. Between words of a name ("Family Services of Peel", "Profits and Poverty") the next word is capitalised."""
    spans = [found.span(1) for found in _AND_BETWEEN_NUMBERS.finditer(text)]
    for found in _ENGLISH_SMALL_WORD.finditer(text):
        before = re.search(r"([^\W\d_][\w’'-]*) $", text[:found.start()]).group(1)
        after = found.group(2)
        french_before = is_known(before.lower(), "fr") and not _is_english_word(before)
        french_after = after.isupper() or (after.islower() and is_known(after, "fr") and not _is_english_word(after))
        if french_before and french_after:
            spans.append(found.span(1))
    return spans


def english_words_in_french(link: LinkView, context: CheckContext) -> list[Flag]:
    """English words left in the French that are not glossary terms (« le Deputy Minister », a heading "Statements", « prévention and
    de mesures »)."""
    french = _language_checked(link.texts["fr"], context)
    if not french:
        return []
    passages = english_spans(french)
    runs = [span for span in english_runs(french, segment_texts(link, context, "fr"))
            if not _within(span, passages) and not any(re.fullmatch(r"[\s,;:]*", french[end:span[0]]) for _, end in passages if end <= span[0])]
    # (a run right after a passage, across a comma, is the passage's last words: "…, especially among at risk groups, including Haitian")
    runs += [span for span in _lone_english_small_words(french) + [found.span() for found in _ENGLISH_TITLE.finditer(french)]
             if not any(start <= span[0] < end for start, end in runs) and not cites_english(french, *span) and not _within(span, passages)]
    runs = [span for span in runs if not in_name_with_its_acronym(french, *span) and not announced_title(french, span[0])
            and not _CALLED_BEFORE.search(french, 0, span[0])]
    # (« End Child Prostitution and Trafficking (ECPAT) »; « Le thème était : Combating trafficking in persons: the way forward »)
    return ([Flag(link.number, "fr", "untranslated", "error", start, end, french[start:end],
                  "This passage of the French is in English: it was left untranslated.", "") for start, end in passages]
            + [Flag(link.number, "fr", "untranslated", "warning", start, end, french[start:end],
                    f"“{french[start:end]}” is English left in the French text: translate it (names and titles of works aside).", "")
               for start, end in sorted(runs)])


_CALLED_BEFORE = re.compile(r"\b(?:appel(?:le|lent|ait|aient|é|ée|és|ées)|surnomm(?:e|ent|é|ée|és|ées)|baptis(?:e|ent|é|ée|és|ées))"
                            r"(?:\s+(?:ça|cela|les|la|le|l['’]))?(?:\s+(?:de\s+la|du|des|de|d['’]|un|une|le|la|les|l['’]))?\s*$", re.IGNORECASE)
"""« dans ce milieu, on appelle ça de la fresh meat »: a word the milieu uses, cited as what people call something."""


def _within(span: tuple[int, int], passages: tuple[tuple[int, int], ...]) -> bool:
    return any(first < span[1] and span[0] < last for first, last in passages)



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
ENGLISH_WORDS_IN_FRENCH = Check("english-words-in-french", "link", english_words_in_french, ("untranslated",))
UNKNOWN_WORDS = Check("mt-unknown-words", "link", unknown_words, ("untranslated",))
