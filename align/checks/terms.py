"""Terminology checks: forbidden and garbled terms on one side, a French term missing from the English, one term rendered two ways."""

from __future__ import annotations

import re
from collections import Counter

from align.checks.base import (
    LANG_OF_SIDE,
    SIDE_NAMES,
    Check,
    CheckContext,
    LinkView,
    concept_label,
    same_flags_for_same_neighbourhood,
    same_flags_for_same_texts,
    suggestions,
)
from align.checks.language import announced_title, english_spans, in_name_with_its_acronym, inside_english_name
from align.checks.lengths import length_flags
from align.model import Flag
from align.terms.glossary import per_glossary
from align.terms.matching import TermMatch, find_terms, longest_matches
from align.terms.nearmiss import NAME_SUBJECTS, OTHER_NAME, WORD_MISSING, Garble, find_changed_names, find_garbled
from align.terms.words import content_words, fold, tokenize


@same_flags_for_same_texts
def forbidden_terms(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """Glossary terms marked `forbidden` (errors; warnings on the MT)."""
    glossary = context.glossary
    lang = LANG_OF_SIDE[side]
    flags = []
    for match in _forbidden_matches(link.matches[side]):
        if lang == "fr" and fold(match.term).startswith("trafic") and _names_both_crimes(link, context, of_people=True):
            continue
        if lang == "fr" and _BELGIAN_SMUGGLING.fullmatch(match.term) and _TRAITE_AND_BEFORE.search(link.texts[side], 0, match.start):
            continue  # « relatif à la traite et au trafic des êtres humains » (Myria's reports): the other crime, named beside trafficking
        if lang == "fr" and _BELGIAN_SMUGGLING.fullmatch(match.term) and _PASSEURS.search(context.document_texts["fr"] or link.texts["fr"]):
            continue  # Belgian law's name for migrant smuggling (art. 77bis), in a text about the smugglers (« les passeurs »)
        if in_name_with_its_acronym(link.texts[side], match.start, match.end):
            continue  # « le Comité d’action contre la traite humaine interne et internationale (CATHII) »: a body's own name
        accepted = glossary.variants(match.concept, lang)
        note = glossary.note(match.concept, lang, match.entry)
        message = (f"“{match.term}” is a forbidden rendering of {concept_label(glossary, match.concept)}"
                   + (f": {note.rstrip('.')}" if note else "") + (f"; write “{accepted[0]}”" if accepted else ""))
        severity = "warning" if side == "mt" else "error"
        if side == "fr" and _NAMED_IN_THE_PAST.search(link.texts[side], 0, match.start):
            severity, message = "info", message + " (a former name, quoted as such)"
        elif side == "fr" and _CALQUE_OF_THE_RIGHT_CRIME.fullmatch(match.term) and _written_again(match.term, context):
            severity, message = "info", message + " (the writer's usage throughout this text)"
            # (« traite humaine » names the right crime, unlike « trafic »: used twice or more, it is a writer's or a publisher's choice,
            # which revisers leave (2 of 21 marked); once, beside « traite des personnes », they mark it (15 of 27))
        flags.append(Flag(link.number, side, "forbidden-term", severity, match.start, match.end, match.term, message, suggestions(accepted[:3])))
    return flags


def _forbidden_matches(matches: list) -> list:
    """The forbidden terms of a text, but those inside a longer accepted one: a forbidden term that runs past the end of a longer
    accepted term is still written (« victimes de la traite humaine » holds « victimes de la traite » and « traite humaine »)."""
    chosen = longest_matches(matches)
    forbidden = [match for match in matches if match.status == "forbidden"
                 and not any(other.status != "forbidden" and other.start <= match.start and match.end <= other.end for other in chosen)]
    return longest_matches(forbidden)


_NAMED_IN_THE_PAST = re.compile(r"\b(?:appelait|nommait|autrefois|jadis|anciennement|naguère)\b[^.;]{0,40}[«\"“][ \u00a0\u202f]*$", re.IGNORECASE)
"""« la traite des êtres humains, qu’on appelait il y a fort longtemps la « traite des blanches » »: a term mentioned as a former name."""
_FALL_BEFORE = re.compile(r"\b(?:fall|falls|fell|fallen|falling)\s+$", re.IGNORECASE)
_CALQUE_OF_THE_RIGHT_CRIME = re.compile(r"traite\s+humaine", re.IGNORECASE)


def _written_again(term: str, context: CheckContext) -> bool:
    """Whether the French document writes `term` more than once."""
    return context.folded_texts["fr"].count(fold(term.replace("’", "'"))) > 1


_BELGIAN_SMUGGLING = re.compile(r"trafic\s+des\s+êtres\s+humains", re.IGNORECASE)
_PASSEURS = re.compile(r"\bpasseurs?\b", re.IGNORECASE)
_BOTH_CRIMES = re.compile(r"\btraite\s+(?:(?:des|de|d['’])\s*(?:êtres\s+humains|personnes)\s+)?"
                          r"(?:et\s+(?:le\s+|du\s+|de\s+)?|ou\s+(?:le\s+|du\s+|de\s+))trafic\b", re.IGNORECASE)
"""« la traite et le trafic », « la traite ou le trafic »; not « la traite des personnes ou trafic dans les personnes », another name offered for one crime."""


_BOTH_CRIMES_TRAFIC_FIRST = re.compile(r"\btrafic\s+(?:et|ou)\s+(?:la\s+|de\s+la\s+)?traite\b", re.IGNORECASE)
"""« la lutte contre le trafic et la traite des êtres humains » (the Belgian coordination unit's name): the two crimes the other way round,
sharing their complement (« des êtres humains »), so the « trafic » is of people."""
_TRAITE_AND_BEFORE = re.compile(r"\btraite\s+(?:et|ou)\s+(?:le\s+|du\s+|de\s+|au\s+)?$", re.IGNORECASE)
"""« la traite et au trafic des êtres humains »: the Belgian name of smuggling right after is the second of two crimes sharing their
complement (not « la traite et au trafic illicite d'êtres humains », which blurs smuggling of migrants into a trade in people)."""
_OF_MIGRANTS = re.compile(r"\s*(?:illicites?\s+)?(?:de|des|d['’])\s*migrants\b", re.IGNORECASE)


def _names_both_crimes(link: LinkView, context: CheckContext, *, of_people: bool = False) -> bool:
    """Whether the French text names trafficking and « trafic » side by side (« la traite et le trafic des êtres humains »).

    Belgian law and Myria call migrant smuggling « trafic des êtres humains »; a text that sets it beside « traite »
    uses it for that other crime, not as a wrong rendering of trafficking. With `of_people`, only a text whose « trafic » beside
    « traite » is not once « trafic (illicite) de migrants »: a text that names smuggling by its migrants has no « trafic » of people
    for it, and its « trafic illicite d'êtres humains » confuses the two crimes.
    """
    text = context.document_texts["fr"] or link.texts["fr"]
    if _BOTH_CRIMES_TRAFIC_FIRST.search(text):
        return True
    if not of_people:
        return bool(_BOTH_CRIMES.search(text))
    return any(not _OF_MIGRANTS.match(text, found.end()) for found in _BOTH_CRIMES.finditer(text))


@same_flags_for_same_texts
def garbled_terms(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """Spans one word-edit away from a glossary term (see `align.terms.nearmiss`)."""
    if side == "mt" and _names_both_crimes(link, context):
        return []  # the MT's "traffic of human beings" renders « trafic », which this text rightly uses for smuggling
    text = link.texts[side]
    headline = not _SENTENCE_END.search(text) and text.count(" ") < _HEADLINE_WORDS
    flags = []
    garbles = find_garbled(text, LANG_OF_SIDE[side], context.glossary, matches=link.matches[side])
    if side == "fr" and garbles and (passages := english_spans(text)):
        garbles = [garble for garble in garbles if not any(start <= garble.start and garble.end <= end for start, end in passages)]
        # (English words in an English passage left in the French are that passage's flag, not French terms misspelt: "victims")
    garbles = [garble for garble in garbles if "/" not in garble.text]  # (« réseau/trafiquant »: alternatives, no term short of a word)
    if side == "fr" and garbles:
        garbles = [garble for garble in garbles if not announced_title(text, garble.start)]
        # (« un séminaire sur le thème A better approach to ending impunity for … »: an English title, not « impunité » misspelt)
    for extra in (_changed_names(link, side, context), _mixed_renderings(link, side, context), _name_number_changed(link, side, context)):
        garbles += [garble for garble in extra if not any(g.start < garble.end and garble.start < g.end for g in garbles)]
    named_in_french = concepts_named_in_french(link, context) if side == "mt" and garbles else set()
    for garble in garbles:
        if (OTHER_NAME in garble.message and not _other_name_written_as_listed(garble.text, side, context)
                and not _named_on_the_other_side(garble, link, side, context)):
            continue
        if side != "fr" and garble.text[:6].lower() == "victim" and _FALL_BEFORE.search(text, 0, garble.start):
            continue  # "many are believed to have fallen victim to trafficking": the idiom, not the term's preposition changed
        if side == "fr" and _SUBJECT_AFTER_BE.match(garble.text) and _BE_BEFORE.search(text, 0, garble.start):
            continue  # « cette traite, dont sont victimes des personnes … »: the subject after the verb, no term's words blended
        if in_name_with_its_acronym(text, garble.start, garble.end) and _common_term_in_other_words(garble, LANG_OF_SIDE[side], context):
            continue  # "PACT (Persons Against the Crime of Trafficking in Humans)": a body's own name in its own words
        if side == "mt" and not _concepts_of(garble.suggestions, "en", context.glossary) & named_in_french:
            continue  # the engine rendering French words that are not this term (« l'exploitation des enfants dans des activités
            # criminelles » → "exploitation in criminal activities"): a near miss of a term the French does not use
        severity = "warning" if side == "mt" else "error"
        message = garble.message
        if headline and garble.message.endswith(WORD_MISSING + ").") and garble.text[:1].isupper():
            # a headline names a Day or an institution by a short form (« Journée contre la traite des êtres humains »)
            severity, message = "info", message[:-1] + ": in a headline, a short form of the name."
        flags.append(Flag(link.number, side, "term-garbled", severity, garble.start, garble.end, garble.text, message, suggestions(garble.suggestions)))
    return flags


def _common_term_in_other_words(garble: Garble, lang: str, context: CheckContext) -> bool:
    """Whether `garble` is a common term (no official name) put in other words of its own forms ("Trafficking in Humans"): a slip in
    a name ("World Day Against Chid Labour (WDACL)", "Serious and Organized organized Crime (CPCSOC)"), or a name's word changed
    ("Treaty on European Universal (TEU)"), is still reported."""
    glossary = context.glossary
    vocabulary = {word.lemma for term in garble.suggestions for word in tokenize(term, lang)}
    lemmas = [word.lemma for word in tokenize(garble.text, lang)]
    return (set(lemmas) <= vocabulary and len({lemma.lower() for lemma in lemmas}) == len(lemmas)  # (not a word doubled)
            and not any(glossary.subject(concept) in NAME_SUBJECTS for concept in _concepts_of(garble.suggestions, lang, glossary)))


_BE_BEFORE = re.compile(r"(?<![\w’'-])(?:sont|est|soient|soit|étaient|était|seront|sera|seraient|serait|ont\s+été|a\s+été)\s+$", re.IGNORECASE)
_SUBJECT_AFTER_BE = re.compile(r"[^\W\d_]+\s+(?:des|les|de\s+nombreuses|de\s+nombreux|plusieurs)\s", re.IGNORECASE)
"""« dont sont victimes des personnes »: a noun after « être », then the clause's subject put after it."""


_CONCEPTS_BY_TERM: dict = {}
"""Per glossary (`per_glossary`)."""


def _concepts_of(terms: tuple[str, ...], lang: str, glossary) -> set[str]:
    """The concepts of glossary terms written as listed (a garble's suggestions)."""
    def build() -> dict[tuple[str, str], set[str]]:
        by_term: dict[tuple[str, str], set[str]] = {}
        for language in ("fr", "en"):
            for entry in glossary.entries(language):
                by_term.setdefault((language, fold(entry.term)), set()).add(entry.concept)
        return by_term

    by_term = per_glossary(_CONCEPTS_BY_TERM, glossary, build)
    return {concept for term in terms for concept in by_term.get((lang, fold(term)), ())}


def concepts_named_in_french(link: LinkView, context: CheckContext) -> set[str]:
    """The concepts the French names, as listed, forbidden or garbled."""
    french = link.texts["fr"]
    garbled = find_garbled(french, "fr", context.glossary, matches=link.matches["fr"]) if french else []
    return ({match.concept for match in link.matches["fr"]}
            | {concept for garble in garbled for concept in _concepts_of(garble.suggestions, "fr", context.glossary)})


def _linked_side(link: LinkView, side: str, context: CheckContext) -> str | None:
    """The official text on the other side of the link, when this side is an official one and the other holds text."""
    if side == "mt" or not context.has_official:
        return None
    other = "en" if side == "fr" else "fr"
    return other if link.texts[other] else None


_CAPITALISED_BEFORE = re.compile(r"([A-ZÀ-Ý][\w’'-]+)\s+(?:(?:in|of|on|for|and|against|de|des|du|la|le|les|sur|contre|et|dans)\s+)?$")


def _inside_its_long_name(text: str, match, glossary, lang: str) -> bool:
    """Whether a short form ends a capitalised phrase whose word before it belongs to a longer name of the same concept ("… Child Labour
    in Supply Chains Act": "Labour" is the long name's): the long name written with a word changed, not the short form."""
    before = _CAPITALISED_BEFORE.search(text, 0, match.start)
    if before is None:
        return False
    word = fold(before.group(1)).lower()
    own = {fold(term_word.text).lower() for term_word in tokenize(match.term, lang)}
    return word not in own and any(word in {fold(term_word.text).lower() for term_word in entry.words}
                                   for entry in glossary.concept_entries(match.concept, lang) if len(entry.words) > len(own))


def _changed_names(link: LinkView, side: str, context: CheckContext) -> list:
    """Names the linked official text (French ↔ English) holds and this one does not, written here with one word changed."""
    other = _linked_side(link, side, context)
    if other is None:
        return []
    # (counted: a name the linked text gives twice and this one once has lost a word in one place, « Les États membres du Nations de
    # l'Europe … du Conseil de l'Europe »; a name matched here with a word inside it is not written as listed)
    text = link.texts[side]
    # (a short form at the end of a longer capitalised phrase, "… Labour in Supply Chains Act", is the whole name written with a word
    # changed, not the short form)
    # (names inside longer names count: « la Convention du Conseil de l'Europe » names the Council too, "the Member of Europe's
    # convention" does not)
    # (an acronym inside another name, "EU" in "EU Anti-Trafficking Day", does not name the body here)
    matches = link.matches[side]
    here = _occurrences([match for match in matches if not match.gap
                         and not _inside_its_long_name(text, match, context.glossary, LANG_OF_SIDE[side])
                         and not (match.type == "acronym" and _inside_another_name(match, matches))])
    there = _occurrences([match for match in link.matches.get(other, []) if not match.gap and match.status != "forbidden"])
    fewer = {concept for concept, count in there.items() if here[concept] < count}
    return find_changed_names(link.texts[side], LANG_OF_SIDE[side], context.glossary, fewer, link.matches[side], link.texts[other])


def _inside_another_name(match, matches: list) -> bool:
    """Whether a match lies inside a match of another concept ("EU" inside "EU Anti-Trafficking Day")."""
    return any(other.concept != match.concept and other.start <= match.start and match.end <= other.end for other in matches)


_CAPITALISED_BEFORE_NAME = re.compile(r"\b(?!(?:The|A|An|This|These|Its|Our|Their|In|On|At|For|By|With|From|As|And|To)[ \u00a0])[A-Z][a-z]+[ \u00a0]$")
"""A capitalised word right before a name that is no sentence's first small word: the name's own first word ("United States …")."""


def _name_number_changed(link: LinkView, side: str, context: CheckContext) -> list[Garble]:
    """An official name with a word put in the plural or, inside the name, in the singular ("International Organization for Migrations",
    « Convention sur l'élimination de toutes les formes de discriminations à l'égard des femmes »): the matcher reads a word in either
    number, but a name has one. A body's last word put in the singular may name one of many ("a Member State"); a law's or an event's
    last word in the plural names several ("the North American Leaders' Summits")."""
    lang, glossary = LANG_OF_SIDE[side], context.glossary
    garbles = []
    for match in link.matches.get(side, []):
        if match.gap or match.type != "term" or match.status == "forbidden" or not match.entry[:1].isupper():
            continue
        subject = glossary.subject(match.concept)
        if subject not in ("institution", "law") or (subject == "law" and lang == "en"):
            continue  # (an English law's words are capitalised, and its matcher reads the title's own number)
        written, listed = match.term.split(), match.entry.split()
        if len(written) != len(listed) or not written[0][:1].isupper():
            continue  # (not written as a name: « les protocoles contre la traite », « des organisations des Nations Unies »)
        if _CAPITALISED_BEFORE_NAME.search(link.texts[side], 0, match.start):
            continue  # a longer name begins before it: "the United States Department of State" holds no "States Department"
        last = len(listed) - 1
        for index, (word, name_word) in enumerate(zip(written, listed)):
            if subject == "law" and index == last:
                break
            plural = word.lower() == name_word.lower() + "s"
            singular = word.lower() + "s" == name_word.lower() and index < last and lang == "en"  # (« un État membre » is one of them)
            # (a French name's words are in small letters after its first)
            if (name_word[:1].isupper() or (lang == "fr" and len(name_word) >= 4)) and (plural or singular):
                garbles.append(Garble(match.start, match.end, match.term, (match.entry,),
                                      f"“{match.term}” is the name “{match.entry}” with “{word}” for “{name_word}”: a name has one number."))
                break
    return garbles


_CONJUNCTIONS = frozenset({"et", "ou", "and", "or"})


def _coordinated(run: list, conjunction, entries) -> bool:
    """Whether `run`, followed by `conjunction`, is words of one variant that the variant does not go on with that conjunction: two
    things named (« agents d'application de la loi et des services frontaliers »), not one term's words mixed (« services de
    détection et de l'ordre » goes on as « services de détection et de répression » does)."""
    lemmas = [fold(word.lemma) for word in run if not word.stop]
    if len(lemmas) < 2:
        return False
    for entry in entries:
        if entry.status == "forbidden" or entry.is_acronym:
            continue
        words = [fold(word.lemma) for word in entry.words]
        if set(lemmas) <= set(words):
            last = max(index for index, lemma in enumerate(words) if lemma == lemmas[-1])
            if last + 1 == len(words) or fold(entry.words[last + 1].surface) != fold(conjunction.surface).lower():
                return True
    return False


def _mixed_renderings(link: LinkView, side: str, context: CheckContext) -> list[Garble]:
    """Where the linked official text has a term this one lacks, words of two of its variants run together here and make none of them
    ("human persons" from "human trafficking" and "trafficking in persons", « traite d'êtres personnes »): a garbled rendering. Words
    that one variant holds together ("human beings") are a paraphrase, not a garble."""
    other = _linked_side(link, side, context)
    if other is None:
        return []
    glossary, lang, text = context.glossary, LANG_OF_SIDE[side], link.texts[side]
    # (counted: a term the linked text gives twice and this one once may be garbled in the other place, "human persons … human trafficking")
    here = _occurrences(link.matches[side])
    there = _occurrences([match for match in link.matches.get(other, []) if match.type == "term" and not match.gap])
    concepts = {concept for concept, count in there.items() if count > here[concept]}
    words = content_words(text, lang)
    matched = [(match.start, match.end) for match in link.matches[side]]
    garbles = []
    for concept in sorted(concepts):
        variants = [{fold(word.lemma) for word in entry.words if not word.stop} for entry in glossary.concept_entries(concept, lang)
                    if entry.status != "forbidden" and not entry.is_acronym]
        vocabulary = set().union(*variants) if variants else set()
        forms = {fold(word.surface) for entry in glossary.concept_entries(concept, lang) for word in entry.words if not word.stop}

        def of_the_concept(word, vocabulary=vocabulary, forms=forms) -> bool:
            # (a form that does not keep the term word's letters but for an ending is another word: « seraient » and « été » are
            # forms of the verb « être », not of the noun « êtres »)
            surface = fold(word.surface)
            return fold(word.lemma) in vocabulary and any(surface.startswith(form[:max(3, len(form) - 2)]) for form in forms)

        run: list = []
        for word in [*words, None]:
            if word is not None and word.surface.lower() in _CONJUNCTIONS and _coordinated(run, word, glossary.concept_entries(concept, lang)):
                run = []
                continue
            fits = word is not None and not (run and word.break_before) and (word.stop or of_the_concept(word))
            if fits and (run or not word.stop):
                run.append(word)
                continue
            while run and run[-1].stop:
                run.pop()
            lemmas = [fold(w.lemma) for w in run if not w.stop]
            stems = [fold(w.surface)[:6] for w in run if not w.stop]
            if (len(lemmas) >= 2 and len(set(lemmas)) == len(lemmas) and not any(set(lemmas) <= variant for variant in variants)
                    and len(set(stems)) == len(stems)  # (« travailleuses et travailleurs »: one noun in both genders, inclusive writing)
                    and not any(first < run[-1].end and run[0].start < last for first, last in matched)):
                start, end = run[0].start, run[-1].end
                accepted = glossary.variants(concept, lang)
                garbles.append(Garble(start, end, text[start:end], tuple(accepted[:3]),
                                      f"“{text[start:end]}” mixes words of two forms of {concept_label(glossary, concept)}, which the linked text "
                                      f"names: write “{accepted[0]}”." if accepted else "."))
            run = [word] if word is not None and not word.stop and of_the_concept(word) else []
    return garbles


_SENTENCE_END = re.compile(r"[.!?…:;][\s\"'’”»)]*$")
"""A text that ends a sentence or introduces what follows; without it (and short), a headline or a title line."""
_HEADLINE_WORDS = 25


def _other_name_written_as_listed(text: str, side: str, context: CheckContext) -> bool:
    """Whether the document writes, exactly as listed, a name that `text` begins like (« Journée mondiale … »): then `text` is that
    name written another way in the same document."""
    lang = LANG_OF_SIDE[side]
    document = context.folded_texts["fr" if lang == "fr" else "en"]
    start = fold(" ".join(text.replace("’", "'").split()[:2]))
    return any(fold(entry.term.replace("’", "'")).startswith(start) and fold(entry.term.replace("’", "'")) in document
               for entry in context.glossary.entries(lang) if entry.term[:1].isupper() and entry.status != "forbidden")


def _named_on_the_other_side(garble: Garble, link: LinkView, side: str, context: CheckContext) -> bool:
    """Whether the linked text names the body the garble was close to (« l'Organisation mondiale du travail » beside "the International
    Labour Organization"): then it is that name garbled, not another body's that begins the same way (« Organisation mondiale du
    tourisme »)."""
    other = "en" if side == "fr" else "fr"
    if not link.texts.get(other):
        return False
    return bool(_concepts_of(garble.suggestions, LANG_OF_SIDE[side], context.glossary) & {match.concept for match in link.matches.get(other, [])})


def _is_name(match: TermMatch) -> bool:
    """A capitalised multiword occurrence is part of a proper name ("Working Group on Trafficking in Persons")."""
    content = [word for word in tokenize(match.term, match.lang) if not word.stop]
    return len(content) >= 2 and all(word.text[:1].isupper() for word in content)

@same_flags_for_same_neighbourhood
def missing_terms(link: LinkView, target: str, context: CheckContext) -> list[Flag]:
    """A French term whose concept has no accepted rendering in the linked English (on the MT: a failed glossary constraint)."""
    glossary, neighbours = context.glossary, link.neighbours
    if target == "mt" and not context.mt_constrained:
        return []
    # a shortened link already says part is missing, but not what was written in place of a term (a lengthened one still misses
    # what the French says)
    shortened = target == "en" and any(flag.kind == "omission" for flag in length_flags(link, context))
    flags = []
    french_concepts = {match.concept for match in link.matches["fr"]}
    target_concepts = {match.concept for match in _outside_other_names(link.matches.get(target, []), french_concepts, glossary,
                                                                        fold(link.texts["fr"]))}
    target_words = tokenize(link.texts[target], "en")
    target_stems = {word.stem for word in target_words} | {word.lemma for word in target_words}
    left_in_french = {m.concept for m in find_terms(link.texts[target], "fr", glossary) if m.type == "term" and " " in m.term}
    neighbour_concepts = {match.concept for other in neighbours for match in other.matches.get(target, [])}
    mt_concepts = {match.concept for match in link.matches.get("mt", [])} if link.texts["mt"] else set()
    # three French terms or more without their rendering: the English says the sentence its own way (a free rendering, a list
    # rewritten), and a term of another concept in it is not one swapped in (`swapped` below)
    # (a term rendered by forms of its words is rendered, « victime de la traite » as "victimized", and so is one whose word is
    # written as a concept the glossary says alternates with it, « identification des victimes » as "identification of survivors")
    # (« victime présumée de traite » names a presumed victim, not « victime de traite » with a word inside)
    longest = longest_matches(_exact_first(link.matches["fr"], other_concepts_only=True))
    unrendered = {match.concept for match in longest if match.type == "term" and match.status != "forbidden"
                  and match.concept not in target_concepts and glossary.variants(match.concept, "en")
                  and not _related_form_there(match.concept, target_stems, glossary)
                  and not _rendered_with_alternate(match.concept, target_words, glossary, french_concepts)}
    # ("anti-[labour] trafficking" read across a word is a weaker reading than the exact term it holds, "labour trafficking")
    target_terms = longest_matches(_exact_first(link.matches.get(target, [])))
    # a term inside (or across) a longer French term that is not rendered is a term too: when that longer one is said freely
    # ("helping to protect" for « aider à protéger les victimes »), the shorter's concept may still have been swapped for another
    inner = [match for match in link.matches["fr"] if target == "en" and match not in longest and match.type == "term" and not match.gap
             and match.concept not in target_concepts and any(outer.concept in unrendered and outer.start < match.end and match.start < outer.end
                                                              for outer in longest)]
    # a term of another concept that the French does not have (the same for every French term below)
    other_terms = [m for m in target_terms if m.concept not in french_concepts and m.type == "term"]
    for match in longest + inner:
        if match.status == "forbidden" or match.type != "term" or (target == "mt" and match.gap):
            continue  # (the MT constraint covers exact matches only)
        accepted = glossary.variants(match.concept, "en")
        if not accepted or match.concept in target_concepts or match.concept in left_in_french:
            continue
        # a term of another concept of the same subject that the French does not have is what was written instead
        # ("victims" for "survivantes", "human smuggling" for "traite des personnes")
        others = other_terms
        if target == "en" and mt_concepts:
            # a term the machine translation of the French holds too renders a French word the glossary does not list (« refuges » → "shelters")
            others = [m for m in others if m.concept not in mt_concepts]
        same_subject = [m for m in others if glossary.subject(m.concept) and glossary.subject(m.concept) == glossary.subject(match.concept)]
        instead = same_subject if len(same_subject) == 1 else others if len(others) == 1 else []
        # of several, the one that is not a paraphrase or a concept the French uses elsewhere is the swap
        swapped = [m for m in same_subject if _swapped_concept(match, m, link, context)] if target == "en" else []
        if len(swapped) > 1:  # of several, one the French says with words between its own (« criminalité grave et organisée ») is rendered
            # or one holding the rendering of another French term ("modern slavery" where the French says « formes contemporaines d'esclavage »)
            swapped = [m for m in swapped if not _said_loosely(m.concept, link.texts["fr"], glossary)
                       and not any(_holds_rendering(m, concept, glossary) for concept in french_concepts - {match.concept})] or swapped
        swapped = _one_concept_at_its_place(match, swapped, link)
        if len(swapped) == 1 and len(same_subject) > 1:
            instead = swapped
        if not same_subject and _related_form_there(match.concept, target_stems, glossary):
            continue  # a related form is there ("réseaux de trafiquants" → "trafficking networks")
        if target == "en" and _rendered_with_alternate(match.concept, target_words, glossary, french_concepts):
            continue  # rendered with the alternate of one of its words ("identification of survivors")
        if same_subject and target == "en" and _rendered_freely(match, target_words, glossary, others):
            continue  # its words are there, reordered or hyphenated ("organized trans-national crime")
        if target == "en" and _modifier_coordinated(match.concept, link.texts["en"], glossary):
            continue  # its modifier coordinated with another's before their shared noun ("sexual and labour exploitation")

        if target == "en" and match.concept in neighbour_concepts and not same_subject:
            continue  # the rendering sits in the next link: an alignment matter, not a translation error
        message = f"The French has “{match.term}”, but {SIDE_NAMES[target]} has no term for {concept_label(glossary, match.concept)}"
        if target == "mt":
            message += " (the glossary constraint failed)"
        elif instead:
            message += f"; it says “{instead[0].term}” instead"
        elif len(same_subject) > 1:
            message += f"; it says {' or '.join(f'“{m.term}”' for m in same_subject)} instead"
        message += f": expected “{accepted[0]}”" + (f" or an accepted variant ({', '.join(accepted[1:4])})" if len(accepted) > 1 else "") + "."
        if target == "en" and instead:
            start, end, text = instead[0].start, instead[0].end, instead[0].term
        else:
            start, end, text = 0, len(link.texts[target]), link.texts[target]
        # (a narrower crime whose broader one the French names beside the confused concept renders both: "sex trafficking" for « la
        # traite liée à l'exploitation sexuelle », "Victims of Sex Trafficking and Exploitation" for « victimes de la traite et de
        # l'exploitation sexuelles »)
        confused = [m for m in others if m.concept in glossary.confusables(match.concept) and not _broader_named(m.concept, link.texts["fr"], glossary)]
        if confused:  # trafficking rendered as smuggling, a trafficker as a smuggler: another crime, not a paraphrase
            wrong = confused[0]
            flags.append(Flag(link.number, target, "concept-confusion", "warning" if target == "mt" else "error", wrong.start, wrong.end, wrong.term,
                              f"The French has “{match.term}” ({concept_label(glossary, match.concept)}), but {SIDE_NAMES[target]} says "
                              f"“{wrong.term}”, which is {concept_label(glossary, wrong.concept)}: another concept. Write “{accepted[0]}”.",
                              suggestions(accepted[:3])))
            continue
        # Official translations paraphrase, shorten ("trafficked", "anti-trafficking") and choose among accepted terms
        # ("survivors" for « victimes »): on real texts a term without its glossary rendering was never an error the
        # revisers marked (eval/, python -m bench checks --set real), so it is context (info); a failed glossary
        # constraint in the machine translation is worth a look (warning).
        severity = "warning" if target == "mt" else "info"
        if len(swapped) == 1 and instead == swapped and len(unrendered) < _FREE_RENDERING and not _head_kept(match, swapped[0], target_words, glossary):
            severity = "warning"
        if (match in inner or shortened) and severity != "warning":
            continue  # (the longer term's own flag gives the context)
        flags.append(Flag(link.number, target, "term-missing", severity, start, end, text, message, suggestions(accepted[:3])))
    if target == "en" and not shortened:  # (a shortened English renders fewer by nature)
        flags += _fewer_renderings(link, context, french_concepts, mt_concepts, unrendered, target_words, target_terms)
    if target == "en":
        flags += _confusable_strangers(link, context, target_concepts, {(flag.start, flag.end) for flag in flags})
    return flags


def _broader_named(concept: str, french: str, glossary) -> bool:
    """Whether the French names a concept the given one is a kind of, by one of its terms or by the first word of one (« la traite liée
    à … » names trafficking in persons, of which sex trafficking is a kind: the glossary lists no bare « traite »)."""
    broader = glossary.broader(concept)
    if not broader:
        return False
    words = {fold(word.lemma) for word in tokenize(french, "fr")}
    return any(entry.status != "forbidden" and fold(entry.words[0].lemma) in words
               for other in broader for entry in glossary.concept_entries(other, "fr"))


def _exact_first(matches: list[TermMatch], *, other_concepts_only: bool = False) -> list[TermMatch]:
    """The matches without those read across a word (`gap`) that overlap an exact multiword term (of another concept only, with
    `other_concepts_only`): a term read across a word is a weaker reading than the exact term it overlaps."""
    exact = [match for match in matches if not match.gap]
    return exact + [match for match in matches if match.gap and not any(
        other.start < match.end and match.start < other.end and " " in other.term
        and (not other_concepts_only or other.concept != match.concept) for other in exact)]


def _confusable_strangers(link: LinkView, context: CheckContext, target_concepts: set[str], flagged: set[tuple[int, int]]) -> list[Flag]:
    """An English term of a concept the French document never names, where the French names a concept the glossary records as
    confusable with it, or a kind of that concept, and the English does not name that concept ("smuggling of migrants cases" where
    the French says « la traite des enfants »): the confused concept was written for the one the French speaks of."""
    glossary = context.glossary
    english_terms = [match for match in longest_matches(link.matches.get("en", [])) if match.type == "term" and match.status != "forbidden"
                     and glossary.confusables(match.concept) and (match.start, match.end) not in flagged]
    if not english_terms:
        return []
    french = {match.concept for match in link.matches["fr"] if match.status != "forbidden"}
    spoken_of = french | {broader for concept in french for broader in glossary.broader(concept)}
    named = {match.concept for match in find_terms(context.document_texts["fr"] or link.texts["fr"], "fr", glossary)}
    flags = []
    for english in english_terms:
        confused = sorted(glossary.confusables(english.concept) & spoken_of - target_concepts)
        if english.concept in named or not confused or _broader_named(english.concept, link.texts["fr"], glossary):
            continue  # (a narrower crime whose broader one the French names beside the confused concept: see `missing_terms`)
        accepted = glossary.variants(confused[0], "en")
        flags.append(Flag(link.number, "en", "concept-confusion", "warning", english.start, english.end, english.term,
                          f"The English says “{english.term}” ({concept_label(glossary, english.concept)}), which the French does not "
                          f"name, where the French speaks of {concept_label(glossary, confused[0])}: another concept."
                          + (f" Write “{accepted[0]}”?" if accepted else ""), suggestions(accepted[:3])))
    return flags


def _outside_other_names(matches: list[TermMatch], french_concepts: set[str], glossary, french: str) -> list[TermMatch]:
    """The matches that are not words inside the name of an institution, a law or an event the French does not name: "United Nations"
    in "the Office of the United Nations High Commissioner for Human Rights" names that office, not the United Nations. A name whose
    French head word the French holds is named there, in words of its own (« le Protocole de l'OIT de 2014 à la convention sur le
    travail forcé » for "the Protocol of 2014 to the Forced Labour Convention")."""
    names = [match for match in matches if glossary.subject(match.concept) in NAME_SUBJECTS and match.concept not in french_concepts
             and " " in match.term and not _head_word_there(match.concept, french, glossary)]
    return [match for match in matches if not any(name.start <= match.start and match.end <= name.end and name.end - name.start > match.end - match.start
                                                  for name in names)]


def _head_word_there(concept: str, french: str, glossary) -> bool:
    """Whether the (folded) French holds the first word of one of the concept's French names, a word of five letters or more."""
    heads = {fold(entry.term.split()[0]) for entry in glossary.concept_entries(concept, "fr") if entry.status != "forbidden"}
    return any(len(head) >= 5 and re.search(rf"\b{re.escape(head)}\b", french) for head in heads)


def _one_concept_at_its_place(french: TermMatch, swapped: list[TermMatch], link: LinkView) -> list[TermMatch]:
    """Of several occurrences of one swapped-in concept ("support survivors on the move, provide care for survivors" for « aider les
    enfants non accompagnés …, prendre en charge les enfants rescapés »), the one standing where the French term stands, by its
    place in the sentence: the others render something else of the French the glossary does not list."""
    if len(swapped) < 2 or len({match.concept for match in swapped}) > 1:
        return swapped
    place = french.start / max(len(link.texts["fr"]), 1)
    return [min(swapped, key=lambda match: abs(match.start / max(len(link.texts["en"]), 1) - place))]


_ONE_WORD_CONCEPTS: dict = {}
"""Per glossary (`per_glossary`)."""


def _one_word_concepts(glossary) -> dict[str, set[str]]:
    """Per stem of a one-word English variant ("victim"), its concepts."""
    def build() -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for entry in glossary.entries("en"):
            if entry.status != "forbidden" and entry.type == "term" and len(entry.words) == 1:
                result.setdefault(entry.words[0].stem, set()).add(entry.concept)
        return result

    return per_glossary(_ONE_WORD_CONCEPTS, glossary, build)


def _rendered_with_alternate(concept: str, target_words: list, glossary, french_concepts: set[str]) -> bool:
    """Whether the English writes an accepted variant of two words or more with one word replaced by a concept the glossary says
    alternates with it, word for word ("identification of survivors" for "identification of victims"), that concept not being one
    the French names itself."""
    one_word = _one_word_concepts(glossary)
    content = [word for word in target_words if not word.stop]
    for entry in glossary.concept_entries(concept, "en"):
        wanted = [word.stem for word in entry.words if not word.stop]
        if entry.status == "forbidden" or len(wanted) < 2:
            continue
        for start in range(len(content) - len(wanted) + 1):
            window = content[start:start + len(wanted)]
            replaced = [(stem, word.stem) for stem, word in zip(wanted, window) if stem != word.stem]
            if len(replaced) == 1 and any(alternate in glossary.alternates(own) and alternate not in french_concepts
                                          for own in one_word.get(replaced[0][0], ()) for alternate in one_word.get(replaced[0][1], ())):
                return True
    return False


def _related_form_there(concept: str, target_stems: set[str], glossary) -> bool:
    """Whether every content word of an accepted English variant of the concept is in the English, in some form."""
    return any(all(word.stem in target_stems or word.lemma in target_stems for word in entry.words if not word.stop)
               for entry in glossary.concept_entries(concept, "en") if entry.status != "forbidden")


def _occurrences(matches: list[TermMatch]) -> Counter:
    """Per concept, its occurrences that do not overlap each other (nested ones included)."""
    counts: Counter = Counter()
    last_end: dict[str, int] = {}
    for match in sorted(matches, key=lambda match: (match.start, match.end)):
        if match.status != "forbidden" and match.start >= last_end.get(match.concept, -1):
            counts[match.concept] += 1
            last_end[match.concept] = match.end
    return counts


def _fewer_renderings(link: LinkView, context: CheckContext, french_concepts: set[str], mt_concepts: set[str], unrendered: set[str],
                      target_words: list, english_terms: list[TermMatch]) -> list[Flag]:
    """A French term written more often than the English renders it, where the English holds one term of another concept of the same
    subject that the French never names: that term was written in place of one of the renderings ("organized crime … human
    trafficking" for « la traite … la traite »)."""
    glossary = context.glossary
    # (occurrences counted inside longer terms too: « la Journée mondiale de la lutte contre la traite … » names the crime once)
    french = _occurrences(link.matches["fr"])
    # (the English terms as `missing_terms` reads them: a term read across a word, "prevent [labour] trafficking", gives way to the
    # exact term it holds, "labour trafficking")
    english_matches = english_terms
    english = _occurrences(link.matches.get("en", []))
    anywhere = set(english)
    if len(unrendered) >= _FREE_RENDERING:
        return []
    flags = []
    for match in longest_matches(link.matches["fr"]):
        if match.type != "term" or match.status == "forbidden" or match.concept not in anywhere or english[match.concept] >= french[match.concept]:
            continue  # (a concept the English never names is `missing_terms`' own case; one named only inside a longer term counts 0)
        subject = glossary.subject(match.concept)
        strangers = [m for m in english_matches if m.type == "term" and m.concept not in french_concepts and m.concept not in mt_concepts
                     and subject and glossary.subject(m.concept) == subject and m.status != "forbidden"]
        # (a term holding a rendering of the French term renders it, qualified: "modern-day slavery" for « esclavage »)
        # (its words in their order: "trafficking in human organs" holds "human" and "trafficking" but is another crime)
        strangers = [m for m in strangers if not _holds_rendering(m, match.concept, glossary)]
        swapped = [m for m in strangers if _swapped_concept(match, m, link, context)]
        if len(strangers) != 1 or len(swapped) != 1 or _head_kept(match, swapped[0], target_words, glossary):
            continue
        wrong = swapped[0]
        accepted = glossary.variants(match.concept, "en")
        flags.append(Flag(link.number, "en", "term-missing", "warning", wrong.start, wrong.end, wrong.term,
                          f"The French has “{match.term}” {french[match.concept]}×, but the official English renders it "
                          f"{english[match.concept]}× and says “{wrong.term}” ({concept_label(glossary, wrong.concept)}), which the French "
                          f"does not name: expected “{accepted[0]}”." if accepted else ".", suggestions(accepted[:3])))
        french_concepts = french_concepts | {wrong.concept}  # (one flag per swapped-in term)
    return flags

def _holds_rendering(english: TermMatch, concept: str, glossary) -> bool:
    """Whether the English term's content words hold, in order, those of an accepted English term of `concept`."""
    words = [word.stem for word in tokenize(english.term, "en") if not word.stop]
    return any(run and _holds_run(words, run) for entry in glossary.concept_entries(concept, "en") if entry.status != "forbidden" and not entry.is_acronym
               for run in [[word.stem for word in entry.words if not word.stop]])


def _said_loosely(concept: str, french: str, glossary) -> bool:
    """Whether the French holds every content word of an accepted French term of the concept (two words or more), in its order, within
    two words more than the term's length: the term with words put between its own (« criminalité grave et organisée »)."""
    words = [word for word in tokenize(french, "fr") if not word.stop]
    for entry in glossary.concept_entries(concept, "fr"):
        wanted = [word for word in entry.words if not word.stop]
        if entry.status == "forbidden" or len(wanted) < 2:
            continue
        for start, word in enumerate(words):
            if not _related(word, wanted[0]):
                continue
            position, found = start, 1
            for needed in wanted[1:]:
                position = next((index for index in range(position + 1, min(len(words), start + len(wanted) + 2)) if _related(words[index], needed)), -1)
                if position < 0:
                    break
                found += 1
            if found == len(wanted):
                return True
    return False


def _holds_run(words: list[str], run: list[str]) -> bool:
    """Whether `run` is a contiguous part of `words`."""
    return any(words[start:start + len(run)] == run for start in range(len(words) - len(run) + 1))


def _related(word, other) -> bool:
    """Forms of one word: the same stem or lemma."""
    return word.stem == other.stem or word.lemma == other.lemma


def _rendered_freely(match: TermMatch, target_words: list, glossary, others: list[TermMatch]) -> bool:
    """Whether the English holds every content word of an accepted rendering of two words or more, in any order and form, within a few
    words of each other and outside the terms of other concepts; a hyphenated compound counts as one word too ("trans-national")."""
    target_words = [word for word in target_words if not any(other.start <= word.start < other.end for other in others)]
    words = list(enumerate(target_words))
    for index, (first, second) in enumerate(zip(target_words, target_words[1:])):
        if second.start == first.end + 1:
            words += [(index, word) for word in tokenize(first.surface + second.surface, "en")[:1]]
    for entry in glossary.concept_entries(match.concept, "en"):
        content = [word for word in entry.words if not word.stop]
        if entry.status == "forbidden" or len(content) < 2:
            continue
        # (a capitalised word belongs to a name: "Trafficking in Humans" in an organisation's name is not a rendering)
        places = [[index for index, word in words if _related(word, needed) and (word.text[:1].islower() or not needed.text[:1].islower())]
                  for needed in content]
        for index, word in enumerate(target_words):  # an acronym stands for the name's words it abbreviates ("UN Conventions" for "United Nations")
            letters = word.text
            if len(letters) >= 2 and letters.isupper() and letters.isalpha() and 2 * len(letters) <= len(content):  # (part of the name only)
                for first in range(len(content) - len(letters) + 1):
                    if "".join(needed.text[:1] for needed in content[first:first + len(letters)]) == letters:
                        for offset in range(len(letters)):
                            places[first + offset].append(index)
        if all(places):
            starts = [min(found) for found in places]
            if max(starts) - min(starts) <= len(content) + 2:
                return True
    return False


def _modifier_coordinated(concept: str, english: str, glossary) -> bool:
    """Whether the English writes an accepted rendering (its modifiers and their noun) with another modifier coordinated between
    them, the noun shared: "sexual and labour exploitation" renders « l'exploitation sexuelle et du travail », "a human rights-based
    and victim-centred approach" « une approche fondée sur les droits de l'homme et centrée sur les victimes »; or its head with another
    noun, the complement shared ("the use or threat of force" renders « par la menace ou par l'usage de la force »)."""
    for entry in glossary.concept_entries(concept, "en"):
        words = entry.term.split()
        if entry.status == "forbidden" or len(words) < 2:
            continue
        modifier, noun = r"\s+".join(re.escape(word) for word in words[:-1]), re.escape(words[-1])
        if re.search(rf"\b{modifier}\s*,?\s+(?:and|or)\s+(?:[\w-]+\s+){{1,2}}?{noun}s?\b", english, re.IGNORECASE):
            return True
        cut = next((index for index, word in enumerate(words) if index and word.lower() in _HEAD_PREPOSITIONS), 0)
        if cut:  # the head coordinated with another noun before their shared complement ("the use or threat of force")
            head, complement = r"\s+".join(re.escape(word) for word in words[:cut]), r"\s+".join(re.escape(word) for word in words[cut:])
            if re.search(rf"\b{head}s?\s*,?\s+(?:and|or)\s+(?:[\w-]+\s+){{1,2}}?{complement}\b", english, re.IGNORECASE):
                return True
    return False


_HEAD_PREPOSITIONS = frozenset({"of", "for", "to", "against", "in", "on"})


def _head_kept(match: TermMatch, english: TermMatch, target_words: list, glossary) -> bool:
    """Whether the noun of the French term's rendering follows the English term, which then rewrites its modifier ("exploitative begging"
    for « mendicité forcée »): a free rendering, not another concept."""
    following = next((word for word in target_words if word.start > english.end), None)
    if following is None or english.term.count(" "):
        return False
    return any(_related(following, content[-1]) for entry in glossary.concept_entries(match.concept, "en") if entry.status != "forbidden"
               for content in [[word for word in entry.words if not word.stop]] if len(content) >= 2)


_PREFIXES = {"anti", "counter", "non"}
_FREE_RENDERING = 3
"""French terms without their rendering in one link from which the English is read as a free rendering (no concept-swap warning)."""


def _swapped_concept(french: TermMatch, english: TermMatch, link: LinkView, context: CheckContext) -> bool:
    """Whether the English term of another concept of the same subject stands where the French term's rendering should be.

    Official translations paraphrase with words of the same family ("anti-trafficking", "trafficked" for « traite des
    personnes ») and alternate between concepts the document uses on both sides ("survivors" where the French says
    « victimes », in a text that speaks of « survivants » too): neither is a swap.
    """
    glossary = context.glossary
    if english.concept in glossary.alternates(french.concept):
        return False
    if glossary.subject(english.concept) not in NAME_SUBJECTS and inside_english_name(link.texts["en"], english.start, english.end):
        return False  # part of a longer title or name ("Sex Trafficking Awareness Visuals and Training Materials") is not a rendering
    french_concepts = {match.concept for match in longest_matches(link.matches["fr"])}
    if glossary.subject(english.concept) not in NAME_SUBJECTS and any(
            other.concept in french_concepts and other.concept != english.concept and english.start <= other.start and other.end <= english.end
            and " " in other.term and glossary.subject(other.concept) not in NAME_SUBJECTS
            and not _rendered_outside(other.concept, english, link) for other in link.matches.get("en", [])):
        # it holds the rendering of another French term ("for purposes of sexual exploitation" for « exploitation sexuelle »); an
        # institution's or a law's name does not render the crime its words name ("Alliance against Trafficking in Persons")
        return False
    accepted_stems = {word.stem for entry in glossary.concept_entries(french.concept, "en") for word in entry.words if not word.stop}
    words = [word for word in tokenize(english.term, "en") if not word.stop and word.stem not in _PREFIXES]
    extra = [word for word in words if word.stem not in accepted_stems]
    if len(extra) < len(words):
        # words of the same family: a paraphrase when what it adds is said in the French too ("trafficking for sexual
        # exploitation" for « traite … à des fins d'exploitation sexuelle »), a narrower crime when not ("labour trafficking")
        said = {word.stem for match in link.matches["fr"] for entry in glossary.concept_entries(match.concept, "en") for word in entry.words}
        if all(word.stem in said for word in extra):
            return False
    if len(words) >= 2 and _cognate_beside(extra, french, link):
        return False
    french_text = context.document_texts["fr"] or link.texts["fr"]
    # (the French says it with words between its own, « mariage précoce et forcé » for "early and forced marriage": rendered, not swapped in)
    return not any(match.concept == english.concept for match in find_terms(french_text, "fr", glossary)) and not _said_loosely(
        english.concept, link.texts["fr"], glossary)


def _rendered_outside(concept: str, english: TermMatch, link: LinkView) -> bool:
    """Whether the English renders the concept outside `english` as often as the French names it: "sexual exploitation and sexual
    exploitation and abuse" for « l’exploitation sexuelle et … le mariage forcé » holds a rendering already given beside it."""
    outside = [match for match in link.matches.get("en", []) if match.concept == concept and (match.end <= english.start or match.start >= english.end)]
    return _occurrences(outside)[concept] >= _occurrences(link.matches["fr"])[concept]


def _cognate_beside(extra: list, french: TermMatch, link: LinkView) -> bool:
    """Whether the English term's first word, one the French term's renderings lack, is a cognate of one of the two French words after
    the French term, outside other terms (« esclavage domestique » → "domestic servitude", « traite de personnes à des fins sexuelles »
    → "sex trafficking"): the English renders the French phrase as a whole with a term of its own."""
    if not extra or extra[0].start != 0:
        return False
    terms = [(match.start, match.end) for match in link.matches["fr"]]
    after = [word for word in tokenize(link.texts["fr"], "fr") if word.start >= french.end and not word.stop and word.text[:1].isalpha()][:2]
    return any(_cognates(extra[0].surface, word.text) for word in after if not any(start <= word.start < end for start, end in terms))


def _cognates(first: str, second: str) -> bool:
    """Two words of one root across the languages: the shorter (three letters or more) begins the longer, or five letters in common
    at their start ("sex" / « sexuelles », "domestic" / « domestique »)."""
    first, second = fold(first.lower()), fold(second.lower())
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= 3 and (longer.startswith(shorter) or (len(shorter) >= 5 and longer[:5] == shorter[:5]))


def inconsistent_terms(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """The same French term rendered by different English terms in one document (names aside)."""
    if not context.has_official:
        return []
    glossary = context.glossary
    renderings: dict[tuple[str, tuple[str, ...]], list[tuple[LinkView, TermMatch, tuple[str, ...]]]] = {}
    entries = {(entry.concept, entry.term): entry for lang in ("fr", "en") for entry in glossary.entries(lang)}
    for link in links:
        english = [m for m in longest_matches(link.matches.get("en", [])) if m.status != "forbidden" and not _is_name(m)]
        for french in longest_matches(link.matches.get("fr", [])):
            if french.status == "forbidden" or french.type != "term":
                continue
            same = [m for m in english if m.concept == french.concept]
            if len(same) != 1:
                continue
            french_key = entries[(french.concept, french.entry)].key
            english_key = entries[(same[0].concept, same[0].entry)].key
            renderings.setdefault((french.concept, french_key), []).append((link, same[0], english_key))
    flags = []
    for (concept, _), uses in renderings.items():
        counts = Counter(key for _, _, key in uses)
        if len(counts) < 2:
            continue
        preferred = glossary.preferred(concept, "en")
        preferred_key = next((e.key for e in glossary.entries("en") if e.term == preferred), None)
        majority = max(counts, key=lambda key: (counts[key], key == preferred_key))
        majority_term = next(match.entry for _, match, key in uses if key == majority)
        for link, match, key in uses:
            if key == majority:
                continue
            message = (f"“{match.term}” renders the same French term that this document elsewhere renders as "
                       f"“{majority_term}” ({counts[majority]}×); both are accepted, keep one rendering if house style asks for it.")
            # both renderings are accepted glossary variants (a forbidden one is flagged as such): context, not an error
            flags.append(Flag(link.number, "en", "term-inconsistent", "info", match.start, match.end, match.term, message, majority_term))
    return flags


_PEOPLE = r"(?:enfants?|femmes?|filles?|garçons?|fillettes?|mineur(?:e|s|es)?|bébés?|personnes?|êtres\s+humains|humains|jeunes|adolescent(?:e|s|es)?)\b"
_TRAFIC_OF_PEOPLE = re.compile(rf"\btrafic\s+(?:de|d['’]|des)\s*(?:(?:jeunes|petites?)\s+)?(?={_PEOPLE})", re.IGNORECASE)
_BARE_TRAFIC = re.compile(r"\btrafic\b(?!\s+(?:de|d['’]|des|du|illicite|illégal|organisé)\b)|\btrafic\s+(?:de|d['’])\s*(?=[a-zà-ÿ]+(?:er|ir|re)\b)"
                          rf"|{_TRAFIC_OF_PEOPLE.pattern}", re.IGNORECASE)
"""« trafic » standing alone (« ce trafic », « un trafic à des fins sexuelles », « au trafic de prospérer »), not the trade in
something (« trafic de drogues », « trafic d'organes ») or organised illicit trade in general (« le trafic organisé », as « le crime
organisé »); « trafic d'enfants », « trafic de femmes » name people, the trafficked."""
_TRAFFICKING_WORD = re.compile(r"\btraffick(?:ing|ed)\b", re.IGNORECASE)
_GOODS_TRADED = re.compile(r"\b(?:drogues?(?!\s+et\s+(?:le\s+)?crime)|stupéfiants|armes|cocaïne|narcotrafic\w*|contrebande)\b", re.IGNORECASE)
"""Goods of illicit trades: beside them « trafic » is the trade in general (« le deuxième trafic au monde, avec le trafic de drogue et le
trafic d'armes », « des saisies de drogue soulignent l'ampleur des flux de trafic »), whatever the English says. On every readable part,
the two bare « trafic » flagged in such sentences were the two unannotated ones of the 23 (the sentence, not the link: « … pour de
la drogue. Notre unité … des cas de trafic » is trafficking). The UNODC's name, « Office des Nations Unies contre la drogue et le crime »,
names no trade."""


_ROUTE_BEFORE = re.compile(r"\b(?:itinéraires?|routes?|axes?|couloirs?|corridors?|flux|plaques?\s+tournantes?|zones?|carrefours?|points?\s+de\s+passage)"
                           r"(?:\s+[a-zà-ÿ]+)?\s+(?:de|du)\s+$", re.IGNORECASE)
"""« sur des itinéraires majeurs de trafic », « les routes du trafic »: the traffic along a route or through a hub, of anything and anyone,
not the crime's name."""


_TITLE_QUOTED_BEFORE = re.compile(r"\bintitulée?s?\s*[«\"“]\s*$", re.IGNORECASE)


def _sentence_around(text: str, position: int) -> str:
    """The sentence of `text` that holds `position` (a link may join two: « … pour de la drogue. Notre unité … cas de trafic »)."""
    starts = [found.end() for found in re.finditer(r"[.!?]\s", text[:position])]
    end = re.search(r"[.!?](?:\s|$)", text[position:])
    return text[starts[-1] if starts else 0:position + end.end() if end else len(text)]


def trafic_for_trafficking(link: LinkView, context: CheckContext) -> list[Flag]:
    """« trafic » alone where the text means trafficking in persons: the linked English says "trafficking", or (with no English) the
    French text itself speaks of « traite ». « Trafic » is the smuggling or illicit-trade word; a text naming both crimes side by side
    (Belgian usage) and the glossary's own « trafic » terms (« trafic sexuel », « trafic de migrants ») are left alone."""
    french = link.texts["fr"]
    if not french or "trafic" not in french.lower() or _names_both_crimes(link, context):
        return []
    if context.has_official:
        if not _TRAFFICKING_WORD.search(link.texts["en"]):
            return []
    else:
        # (a French-only text speaks of trafficking in persons when it names the crime, « traite », or names people as what is
        # « trafic » of: « le trafic de femmes roumaines vers la France »)
        document = context.document_texts["fr"] or french
        if not re.search(r"\btraite\b", document, re.IGNORECASE) and not _TRAFIC_OF_PEOPLE.search(document):
            return []
    matched = [(match.start, match.end) for match in link.matches.get("fr", [])]
    flags = []
    accepted = context.glossary.variants("trafficking-in-persons", "fr")
    illicit_trade = context.has_official and re.search(r"\billicit\s+traffic", link.texts["en"], re.IGNORECASE) is not None
    for found in _BARE_TRAFIC.finditer(french):
        if any(start <= found.start() < end for start, end in matched):
            continue
        if illicit_trade and re.match(r"trafics?\s+illicites?", french[found.start():], re.IGNORECASE):
            continue  # « diverses formes de trafic illicite » / "various forms of illicit trafficking": the illicit trade, as in English
        if _GOODS_TRADED.search(_sentence_around(french, found.start())) or _ROUTE_BEFORE.search(french, 0, found.start()):
            continue
        if _TITLE_QUOTED_BEFORE.search(french, 0, found.start()):
            continue  # « une conférence intitulée « Trafic d'enfants : se connecter pour protéger » »: an event's title, as its organisers gave it
        start, end = found.start(), found.start() + len("trafic")
        flags.append(Flag(link.number, "fr", "concept-confusion", "warning", start, end, french[start:end],
                          "« trafic » alone or of people names smuggling or an illicit trade; for trafficking in persons French writes « traite »"
                          + (f" (« {accepted[0]} »)." if accepted else "."), suggestions(accepted[:2])))
    return flags


_PEOPLE_TRAFIQUES = re.compile(
    r"\b(?:personnes?|êtres\s+humains|femmes|filles|enfants|hommes|garçons|migrants?|victimes?|mineur(?:e|es|s)?|individus|gens"
    r"|citoyen(?:ne)?s?|ressortissant(?:e)?s?|travailleu(?:r|se)s?|jeunes|adolescent(?:e)?s?"
    r"|(?-i:[A-ZÀ-Ý][a-zà-ÿ]+(?:ais|aises|ois|oises|ains|aines|iens|iennes|ens|ennes)))"  # (« 150 Rwandais trafiqués »: people of a country)
    r"(?:\s+[^\W\d_]+){0,3}?(?-i:\s+[A-ZÀ-Ý][^\W\d_]*,)?\s+(trafiqu(?:é|ée|és|ées))\b", re.IGNORECASE)
"""People said to be « trafiqués »: a calque of "trafficked" (« près de 800.000 personnes sont trafiquées », « des êtres humains étaient
trafiqués », « des filles comme Skye, trafiquée en Inde », « des citoyens canadiens trafiqués »); « trafiquer » is to deal in goods or to
tamper (« des documents trafiqués »), not said of people. Read on every readable part: two such phrases, in two readers' parts, both
annotated; with citizens, nationals, workers and the young (thirty-ninth round), every such participle on the parts read is annotated."""


_TRAFIQUES_AFTER_ETRE = re.compile(r"\b(?:été|sont|être|étaient|était|est|soient|soit|sera|seront|furent|fut)\s+(?:(?:[a-zà-ÿ]+ment)\s+)?"
                                   r"(trafiqu(?:é|ée|és|ées))\b", re.IGNORECASE)
"""« lorsqu'elle a été trafiquée », « sont trafiquées à l'intérieur du Canada »: the passive of "trafficked", said of people (read on every
readable part: four such passives in four documents, all annotated)."""


def trafiques_people(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """People said to be « trafiqués » (see `_PEOPLE_TRAFIQUES`)."""
    if side != "fr":
        return []
    flags = []
    for found in [*_PEOPLE_TRAFIQUES.finditer(link.texts["fr"]), *_TRAFIQUES_AFTER_ETRE.finditer(link.texts["fr"])]:
        start, end = found.span(1)
        if any(flag.start == start for flag in flags):
            continue
        flags.append(Flag(link.number, "fr", "concept-confusion", "warning", start, end, found.group(1),
                          f"« {found.group(1)} »: « trafiquer » (to deal in goods, to tamper) is not said of people; people are "
                          "« victimes de la traite » or « font l'objet de la traite ».", "victimes de la traite"))
    return flags


FORBIDDEN = Check("forbidden-terms", "side", forbidden_terms, ("forbidden-term",))
TRAFIC = Check("trafic-for-trafficking", "link", trafic_for_trafficking, ("concept-confusion",))
TRAFIQUES_PEOPLE = Check("trafiques-people", "side", trafiques_people, ("concept-confusion",))
GARBLED = Check("garbled-terms", "side", garbled_terms, ("term-garbled",))
MISSING = Check("missing-terms", "pair", missing_terms, ("term-missing", "concept-confusion"))
INCONSISTENT = Check("inconsistent-terms", "document", inconsistent_terms, ("term-inconsistent",))
