"""French capitals that every French house style writes the same way, in running French text.

The conventions of France, Quebec (OQLF), Switzerland and Belgium differ on spacing, not on these:
- a month is a common noun (« le 29 octobre 2018 »); a date alone in its link (a page's date stamp, styled by the site's
  template) is left alone; so is any common noun after a figure, capitalised the English way (« 40 Interventions »; not after a year,
  which may end a dateline, nor a people's name, a proper name as written, « 75007 Paris », or « État »);
- a ministry's name capitalises its domain, not the word « ministère » (« le ministère de l'Intérieur », « le ministère norvégien
  des Affaires étrangères »); a capital on « Ministère » with the domain in lower case is the two capitals swapped, unless the text
  writes its ministries that way twice or more (its own house style, judged like the typography check's other document-relative
  rules);
- a language is a common noun (« en anglais », « en français »): Grammalecte's lexicon tells a language (its « #L » tag) from a
  place (« en Corse »);
- an adjective after the generic noun of a place written with a capital (« dans la région Centrale du Ghana »: « région centrale »,
  or the region's French name, « région du Centre »); a word Grammalecte's lexicon lists as a proper name is left alone;
- the name of a day, week or month of observance capitalises its first word only (« la Journée internationale des femmes », as the
  glossary lists every Day): a capitalised common noun after its adjective (« Journée internationale des Femmes ») is a capital too
  many;
- a dateline names a place, not its people's adjective (« Française - Le bureau de l'OIM en France … » for « France - »): a
  nationality word (Grammalecte's « #G » tag) opening a text before a dash;
- the First Nations are « Premières Nations » (« Première Nation de … »), both words capitalised;
- a noun and its adjective both capitalised inside a phrase whose following words are in lower case (« une Approche Coordonnée pour
  la réinsertion des victimes », « des Principes Directeurs pour combattre »): neither the French name's capital on its first word
  alone nor an English title's capital on every word; a listed name (« Nations Unies ») is the glossary's.

Read on eval/ (eval/README.md, "Tenth round", "Thirtieth round"); all are typography warnings.
"""

from __future__ import annotations

import re

from align.checks.base import Check, CheckContext, LinkView, matches_in
from align.checks.grammar import morphologies
from align.model import Flag
from align.terms.glossary import Glossary, per_glossary
from align.text.quantities import MONTH_NAMES

_MONTHS = "Janvier|Février|Fevrier|Mars|Avril|Mai|Juin|Juillet|Août|Aout|Septembre|Octobre|Novembre|Décembre|Decembre"
_CAPITAL_MONTH = re.compile(rf"(?<=\d)(?:er)? ({_MONTHS})(?![\w’'-])")
_MINISTRY_LOWER_DOMAIN = re.compile(r"(?<=[a-zà-ÿ,’'] )(Ministère)(?: [a-zà-ÿ]+)?(?: d[’'][EÉ]tat)? (?:chargée? )?"
                                    r"(?:de la |de l[’']|du |des |de |pour la |pour le |pour l[’']|pour les )([a-zà-ÿ]{3,})")
"""« le Ministère de l'intérieur », « du Ministère norvégien des affaires étrangères », « le Ministère d'État pour l'emploi »."""
MINISTRY_HOUSE_STYLE = 2
_CAPITALISED_NOUN_ADJECTIVE = re.compile(r"(?<![\w’'-])([A-ZÀ-Ý][a-zà-ÿ]{2,}) ([A-ZÀ-Ý][a-zà-ÿ]{2,})"
                                         r"(?= (?:pour|de|des|du|contre|en|sur|dans|aux?|à) (?:la |les |le |l[’'])?[a-zà-ÿ]{3,})")
_SENTENCE_OPENERS = frozenset(".!?:;\n–—-")
_PLACE_ADJECTIVE = re.compile(r"(?<![\w’'-])(?:région|province|district|zone|département|préfecture|commune|territoire)s? ([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-])")
_OBSERVANCE_CAPITAL = re.compile(r"(?<![\w’'-])(?:Journée|Semaine|Mois) (?:internationale|mondiale|nationale|européenne|canadienne)s? "
                                 r"(?:de la |des |du |de l[’']|de |pour (?:la |les |l[’'])?|contre (?:la |les |l[’'])?)([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-])")
_CONTINENT_ADJECTIVE = re.compile(r"(?<![\w-])(Afrique|Amérique|Asie|Europe|Océanie) ([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-])")
"""« l'Afrique Subsaharienne », « l'Afrique Australe »: the adjective after a continent's name is written small (« l'Amérique latine »)."""
_FIRST_NATION_SMALL = re.compile(r"(?<![\w’'-])Premières? (nations?)(?![\w’'-])")
"""« les Premières nations »: the peoples' name capitalises both words (« Premières Nations », « Première Nation de … »)."""
_DATELINE_WORD = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ]+)(?= [-–—] )")
_CAPITALISED_AFTER_EN = re.compile(r"(?<![\w’'-])[Ee]n ([A-ZÀ-Ý][a-zà-ÿ]{3,})(?![\w’'-])")


def capitals(links: list[LinkView], context: CheckContext) -> list[Flag]:
    texts = [(link, link.texts["fr"]) for link in links if link.texts["fr"]]
    return (_capital_months(texts) + _capitalised_nouns_after_figures(texts)
            + _ministries_with_lower_domain(texts) + _capitalised_adjectives(texts, context.glossary)
            + _capitalised_languages(texts) + _nationality_datelines(texts) + _capitalised_place_adjectives(texts) + _observance_capitals(texts)
            + _continents_capitalised_adjectives(texts) + _first_nations_in_small_letters(texts))


def _first_nations_in_small_letters(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    flags = []
    for link, text in texts:
        for found in matches_in(_FIRST_NATION_SMALL, text):
            fixed = found.group(0)[:-len(found.group(1))] + found.group(1).capitalize()
            flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} »: the name of the First Nations capitalises both words (« {fixed} »).", fixed))
    return flags


def _capital_months(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    flags = []
    for link, text in texts:
        for found in matches_in(_CAPITAL_MONTH, text):
            month = found.group(1)
            flags.append(Flag(link.number, "fr", "typography", "warning", found.start(1), found.end(1), month,
                              f"« {month} »: French writes the months in lower case (« {month.lower()} »).", month.lower()))
    return flags


_FIGURE_THEN_CAPITAL = re.compile(r"(?<![\w.,/])(?!(?:19|20)\d\d\b)(\d+) ([A-ZÉ][a-zà-ÿ]{3,})(?![\w’'-])(?! [A-ZÀ-Ý])(?![ \u00a0]?:)")
"""« 40 Interventions », « 157 Charges »: a figure (not a year, which may end a dateline: « 2014 Secrétaire général ») and a capitalised
word, no capitalised word after it (« les 2 Plateaux Vallon »), not a form's next label (« Législature: 19/24 Session: 20/21 »)."""
_CAPITALISED_NOUNS = frozenset({"état", "états", "église", "églises"})
"""Common nouns French capitalises in one sense (the State, the Church)."""
_STREET_TYPES = frozenset({"rue", "avenue", "boulevard", "place", "quai", "chemin", "route", "allée", "impasse", "cours", "square", "esplanade"})
"""« 57 Boulevard de Strasbourg »: a street's type in an address, which publishers capitalise as part of the street's name."""


NUMBERED_HEADING_WORDS = 8


def _numbered_heading(text: str) -> bool:
    """Whether a text is a short heading with no sentence's end (a figure first is then its number in a list of sections)."""
    return len(text.split()) <= NUMBERED_HEADING_WORDS and not re.search(r"[.!?:;]\s*$", text)


def _capitalised_nouns_after_figures(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    flags = []
    for link, text in texts:
        for found in matches_in(_FIGURE_THEN_CAPITAL, text):
            if found.start() == 0 and (found.group(1).startswith("0") or not found.group(2).endswith(("s", "x"))) and _numbered_heading(text):
                continue  # « 02 Hébergement collectif », « 1 Introduction »: a section's number, then its heading's capital (« 40
                # Interventions » is a count)
            if _common_noun_capitalised(found.group(2)):
                right = f"{found.group(1)} {found.group(2).lower()}"
                flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"« {found.group(0)} »: a common noun after a figure takes no capital (« {right} »).", right))
    return flags


def _common_noun_capitalised(word: str) -> bool:
    """A word the French dictionary knows in small letters as a noun, not a month (`_capital_months`'), a people's name (« 15 Cambodgiens »),
    a proper name as written (« 75007 Paris », « 37000 Tours ») nor a noun French capitalises in one sense (« 57 États »)."""
    lower = word.lower()
    readings = morphologies(lower)
    return (bool(readings) and any(":N" in reading for reading in readings) and not any("#G" in reading or ":M" in reading for reading in readings)
            and not any(":M" in reading for reading in morphologies(word))  # a place or a name as written (« 75007 Paris »)
            and lower not in MONTH_NAMES["fr"] and lower not in _CAPITALISED_NOUNS and lower not in _STREET_TYPES)


def _complement_of_a_verb(ministry: re.Match) -> bool:
    """« informer le Ministère de problèmes possibles »: a plural noun after a bare « de » is the verb's complement, not the domain (« de
    la Justice », « des Affaires étrangères »)."""
    return ministry.group(0)[:ministry.start(2) - ministry.start()].endswith(" de ") and ministry.group(2).endswith(("s", "x"))


def _ministries_with_lower_domain(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    # (« du Ministère pour l'exercice 2024-2025 »: Canadian usage capitalises the department's short form, and a period is no domain)
    found = [(link, ministry) for link, text in texts for ministry in matches_in(_MINISTRY_LOWER_DOMAIN, text)
             if _french_noun(ministry.group(2)) and not re.match(r"\s*\d", text[ministry.end():]) and not _complement_of_a_verb(ministry)]
    if len({ministry.group(0) for _, ministry in found}) >= MINISTRY_HOUSE_STYLE:
        return []  # the text's own way of writing its ministries
    flags = []
    for link, ministry in found:
        domain = ministry.group(2)
        # (info: revisers mark four in nine; many publishers write « Ministère de la justice »)
        flags.append(Flag(link.number, "fr", "typography", "info", ministry.start(), ministry.end(), ministry.group(0),
                          f"« {ministry.group(0)} »: a ministry's name capitalises its domain, not « ministère » "
                          f"(« ministère … {domain.capitalize()} »).", "ministère" + ministry.group(0)[len("Ministère"):ministry.start(2) - ministry.start()]
                          + domain.capitalize()))
    return flags


def _capitalised_adjectives(texts: list[tuple[LinkView, str]], glossary: Glossary) -> list[Flag]:
    listed = _listed_pairs(glossary)
    flags = []
    for link, text in texts:
        for found in matches_in(_CAPITALISED_NOUN_ADJECTIVE, text):
            noun, adjective = found.group(1), found.group(2)
            before = text[:found.start()].rstrip(" «(\"“")
            if not before or before[-1] in _SENTENCE_OPENERS or f"{noun} {adjective}".lower() in listed:
                continue
            if _french_noun(noun.lower()) and _french_adjective(adjective.lower()):
                flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"« {found.group(0)} »: the adjective takes no capital in French (the words after it have none).",
                                  f"{noun} {adjective.lower()}"))
    return flags


def _continents_capitalised_adjectives(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    """A continent and a capitalised adjective in the feminine, agreeing with it (epicene words such as « Pacifique » name places too:
    « Asie-Pacifique »)."""
    flags = []
    for link, text in texts:
        for found in matches_in(_CONTINENT_ADJECTIVE, text):
            adjective = found.group(2).lower()
            if any((":A" in form or ":Q" in form) and ":f" in form for form in morphologies(adjective)):
                fixed = f"{found.group(1)} {adjective}"
                flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"« {found.group(0)} »: the adjective after a continent's name takes no capital in French (« {fixed} »).", fixed))
    return flags


def _capitalised_languages(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    flags = []
    for link, text in texts:
        for found in matches_in(_CAPITALISED_AFTER_EN, text):
            word = found.group(1)
            forms = morphologies(word)
            if any("#L" in form and form[1:2].islower() for form in forms) and not any(form[1:2].isupper() for form in forms):
                flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"« {found.group(0)} »: a language takes no capital in French (« {found.group(0)[:3]}{word.lower()} »).",
                                  found.group(0)[:3] + word.lower()))
    return flags


def _capitalised_place_adjectives(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    return _capitalised_common_words(texts, _PLACE_ADJECTIVE, _french_adjective, lambda lowered, _word: (
        f"the adjective after the generic noun of a place takes no capital (« {lowered} »)."))


def _observance_capitals(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    return _capitalised_common_words(texts, _OBSERVANCE_CAPITAL, _french_noun, lambda _lowered, word: (
        f"the name of a day of observance capitalises its first word only (« … {word} »)."))


def _capitalised_common_words(texts: list[tuple[LinkView, str]], pattern: re.Pattern, is_word, advice) -> list[Flag]:
    """A capitalised word (`pattern`'s group 1) that is a common word of its kind (`is_word`) and no proper noun, with the match written
    with that word in lower case as the suggestion; `advice(suggestion, word in lower case)` ends the message."""
    flags = []
    for link, text in texts:
        for found in matches_in(pattern, text):
            word = found.group(1)
            if is_word(word.lower()) and not any(form[1:2].isupper() for form in morphologies(word)):
                lowered = found.group(0)[:found.start(1) - found.start()] + word.lower()
                flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"« {found.group(0)} »: {advice(lowered, word.lower())}", lowered))
    return flags


def _nationality_datelines(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    flags = []
    for link, text in texts:
        found = _DATELINE_WORD.match(text)
        if found:
            forms = morphologies(found.group(1))
            if any("#G" in form and form[1:2].islower() for form in forms) and not any(form[1:2].isupper() for form in forms):
                flags.append(Flag(link.number, "fr", "name-mismatch", "warning", found.start(1), found.end(1), found.group(1),
                                  f"« {found.group(1)} » opens the dateline: a dateline names a place (the country or city), not its adjective.", ""))
    return flags


_LISTED_PAIRS: dict[int, tuple[Glossary, frozenset[str]]] = {}


def _listed_pairs(glossary: Glossary) -> frozenset[str]:
    """Two consecutive words of the glossary's capitalised French names that capitalise both, in lower case (« nations unies »; not
    « principes directeurs », which the OECD's name writes with one capital), once per glossary."""
    def build() -> frozenset[str]:
        pairs = set()
        for entry in glossary.entries("fr"):
            if entry.term[:1].isupper():
                words = entry.term.split()
                pairs.update(f"{first} {second}".lower() for first, second in zip(words, words[1:]) if second[:1].isupper())
        return frozenset(pairs)

    return per_glossary(_LISTED_PAIRS, glossary, build)


def _french_noun(word: str) -> bool:
    """A common noun in Grammalecte's lexicon (its lemma in lower case: not a proper name)."""
    return any(":N" in form and form[1:2].islower() for form in morphologies(word))


def _french_adjective(word: str) -> bool:
    """An adjective or a past participle in Grammalecte's lexicon."""
    return any((":A" in form or ":Q" in form) and form[1:2].islower() for form in morphologies(word))


CAPITALS = Check("capitals", "document", capitals, ("typography", "name-mismatch"))
