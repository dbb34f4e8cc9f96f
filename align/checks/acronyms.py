"""Acronyms: the glossary's acronym map (SLNA ↔ NALS) across a link."""

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
    letters_in_order,
    same_flags_for_same_texts,
    written_in_capitals,
)
from align.checks.language import among_english_words
from align.checks.terms import concepts_named_in_french
from align.model import Flag
from align.terms.matching import longest_matches
from align.terms.words import fold, tokenize

_ACRONYM = re.compile(r"\b[A-ZÀ-Ý]{2,}s?\b")

@same_flags_for_same_texts
def acronyms(link: LinkView, target: str, context: CheckContext) -> list[Flag]:
    """A French acronym left in the English, or another acronym in place of the glossary's English one."""
    glossary = context.glossary
    if target == "mt" and not context.mt_constrained:
        return []
    flags = []
    target_text = link.texts[target]
    target_acronyms = {found.group(0): found for found in _ACRONYM.finditer(target_text)}
    french_acronyms = {found.group(0) for found in _ACRONYM.finditer(link.texts["fr"])}
    acronym_counts = Counter(found.group(0) for found in _ACRONYM.finditer(target_text))
    target_concepts = {match.concept for match in link.matches.get(target, [])}
    # (an acronym the French's machine translation writes, or whose institution it names, is the French's own, rendered: « UA-UE-ONU » /
    # "EU-AU-UN"; « le Haut Commissariat des Nations Unies aux droits de l’homme » / "the Office of the United Nations High Commissioner …")
    machine_acronyms = {found.group(0) for found in _ACRONYM.finditer(link.texts["mt"])} if target == "en" else set()
    machine_concepts = {match.concept for match in link.matches.get("mt", [])} if target == "en" else set()
    # (counted: an institution the French names twice and the English once, beside another institution's acronym, was put for it once)
    french_count = Counter(match.concept for match in longest_matches(link.matches["fr"]) if match.status != "forbidden")
    target_count = Counter(match.concept for match in longest_matches(link.matches.get(target, [])) if match.status != "forbidden")
    for match in link.matches["fr"]:
        if match.type not in ("acronym", "abbreviation") or match.status == "forbidden":
            continue
        fewer = target_count[match.concept] < french_count[match.concept]
        if fewer:
            target_concepts = target_concepts - {match.concept}
        english = glossary.acronyms(match.concept, "en")
        if any(term in target_acronyms for term in english) and not fewer:
            continue
        severity = "warning" if target == "mt" else "error"
        if not english or match.term in english:  # spelt the same in both languages (GRETA): another institution's acronym in its place
            others = [found for name, found in target_acronyms.items() if name not in french_acronyms
                      and glossary.acronym_concept(name, "en") not in (None, match.concept)
                      and glossary.subject(glossary.acronym_concept(name, "en")) == glossary.subject(match.concept)]
            if not english:  # (a body of an institution, « BIT », is often rendered by the institution's acronym, "ILO")
                others = [found for found in others if not _same_institution(glossary, match.concept, glossary.acronym_concept(found.group(0), "en"))]
            if len(others) == 1 and (english or match.concept not in target_concepts):
                found = others[0]
                flags.append(Flag(link.number, target, "acronym-mismatch", severity, found.start(), found.end(), found.group(0),
                                  f"The French has “{match.term}” ({concept_label(glossary, match.concept)}), but {SIDE_NAMES[target]} has "
                                  f"“{found.group(0)}”, the acronym of {concept_label(glossary, glossary.acronym_concept(found.group(0), 'en'))}.",
                                  english[0] if english else match.term))
            continue
        if match.term in target_acronyms and not _code_both_keep(link.texts["fr"], match, target_text):
            found = target_acronyms[match.term]
            flags.append(Flag(link.number, target, "acronym-mismatch", severity, found.start(), found.end(), found.group(0),
                              f"The French acronym “{match.term}” is left in {SIDE_NAMES[target]}; the English acronym is “{english[0]}”.",
                              english[0]))
            continue
        # (not the English acronym of an institution the French names as often: "UNODC" beside « ONUDC » is that one, rendered)
        strangers = [found for name, found in target_acronyms.items() if name not in french_acronyms and name not in english
                     and acronym_counts[name] > french_count[glossary.acronym_concept(name, "en")]
                     and not _spelt_out_in(name, link.texts["mt"] if target == "en" else "") and name not in machine_acronyms
                     and (not machine_concepts or glossary.acronym_concept(name, "en") not in machine_concepts)]
        if len(strangers) > 1 or fewer:  # (other capitals, "US", "CNW": of several, the acronym of another institution of the subject)
            strangers = [found for found in strangers if glossary.acronym_concept(found.group(0), "en") not in (None, match.concept)
                         and glossary.subject(glossary.acronym_concept(found.group(0), "en")) == glossary.subject(match.concept)]
        if len(strangers) == 1 and (match.concept not in target_concepts or fewer):
            found = strangers[0]
            flags.append(Flag(link.number, target, "acronym-mismatch", "warning", found.start(), found.end(), found.group(0),
                              f"The French “{match.term}” is “{english[0]}” in English, but {SIDE_NAMES[target]} has “{found.group(0)}”.",
                              english[0]))
    if target == "en":
        flags += _acronym_for_named_institution(link, context)
    return flags


_HYPHENATED_CODE = re.compile(r"[A-ZÀ-Ý0-9]+(?:-[A-ZÀ-Ý0-9]+)+")


def _code_both_keep(french: str, match, target_text: str) -> bool:
    """Whether the acronym is part of a hyphenated code that the other version writes too (the committee « DH-TET », "DH-TET"): the
    code's letters, not the French acronym left untranslated."""
    code = next((found.group(0) for found in _HYPHENATED_CODE.finditer(french) if found.start() <= match.start and match.end <= found.end()), None)
    return code is not None and re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", target_text) is not None


def _acronym_for_named_institution(link: LinkView, context: CheckContext) -> list[Flag]:
    """An institution's acronym on one side where the other side names, by its name or acronym, one other institution of the same
    subject and not this one, which this side does not name either (« l'Organisation internationale pour les migrations » and
    "UNODC"; « l'ONUDC » and "the International Organization for Migration"): one institution put for another."""
    glossary = context.glossary
    concepts = {side: {match.concept for match in link.matches.get(side, []) if match.status != "forbidden"} for side in ("fr", "en")}
    # (the whole name: "International Organization for Migration", not the "International Organization" inside it)
    outer = {side: {match.concept for match in longest_matches(link.matches.get(side, [])) if match.status != "forbidden"} for side in ("fr", "en")}
    flags = []
    for side, other in (("fr", "en"), ("en", "fr")):
        for match in link.matches.get(side, []):
            subject = glossary.subject(match.concept)
            if match.type not in ("acronym", "abbreviation") or match.status == "forbidden" or match.concept in concepts[other] or not subject:
                continue
            named = {concept for concept in outer[other] - concepts[side] if glossary.subject(concept) == subject}
            if len(named) != 1 or _same_institution(glossary, match.concept, next(iter(named))):
                continue
            instead = next(iter(named))
            if side == "fr" and any(m.concept == instead and m.type in ("acronym", "abbreviation") for m in link.matches.get(other, [])):
                continue  # (a French acronym against another English acronym is the English's, reported above)
            if _unlisted_acronym_of(instead, link.texts[side], side, glossary):
                continue  # « depuis les pays de l'UE » / "from the European Union": this side names it too, by an acronym the glossary lacks
            if _ATTRIBUTIVE.match(link.texts[side], match.end) and not any(entry.is_acronym for entry in glossary.concept_entries(instead, other)):
                continue  # "EU countries" for « les États membres »: the acronym qualifies a noun, and the phrase renders the other name
            if side == "en" and match.concept in concepts_named_in_french(link, context):
                continue  # « l'Organisation Internationale des Migrations » for "the IOM": the French garbles this one's name (reported there)
            if _names_with_the_word_after(link.texts[side], match.end, glossary.variants(instead, LANG_OF_SIDE[side])):
                continue  # "the EU Commission" for « la Commission européenne »: the acronym and the name's noun make the other's name
            flags.append(Flag(link.number, side, "acronym-mismatch", "warning", match.start, match.end, match.term,
                              f"“{match.term}” is {concept_label(glossary, match.concept)}, but {SIDE_NAMES[other]} names "
                              f"{concept_label(glossary, instead)} here, not this one.", glossary.preferred(instead, side) or ""))
    return flags


_ATTRIBUTIVE = re.compile(r"\s+[a-z]{3,}")
"""An acronym followed by a word in small letters qualifies it ("EU countries", "UN agencies")."""
_NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+")


_WORD_AFTER = re.compile(r"[ \u00a0]+([A-ZÀ-Ý][\w’'-]+)")


def _names_with_the_word_after(text: str, end: int, names: list[str]) -> bool:
    """Whether the capitalised word after an acronym ending at `end` is a content word of one of `names` ("EU Commission", "European
    Commission")."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and any(fold(after.group(1)) in {fold(word) for word in name.split()} for name in names)


def _spelt_out_in(acronym: str, text: str) -> bool:
    """Whether `text` (the French's machine translation) writes the name `acronym` abbreviates, as capitalised words whose initials it is
    ("UN High Commissioner" where the French says « des Nations Unies »: "United Nations"): the French names that body too."""
    letters = _bare_letters(acronym)
    return any("".join(word[:1] for word in run.group(0).split()[first:first + len(letters)]) == letters
               for run in _NAME_RUN.finditer(text) for first in range(len(run.group(0).split())))


def _unlisted_acronym_of(concept: str, text: str, lang: str, glossary) -> bool:
    """Whether `text` holds, as a word of its own, the initials of the capitalised words of one of the concept's terms in `lang`
    (« UE » for « Union européenne »: capitalised words only would give « U »; every word but the small ones is taken)."""
    for term in glossary.variants(concept, lang):
        initials = "".join(word[0].upper() for word in re.findall(r"[^\W\d_]+", term) if len(word) > 3 or word[:1].isupper())
        if len(initials) >= 2 and re.search(rf"(?<![\w-]){initials}(?![\w-])", text):
            return True
    return False


def _bare_letters(acronym: str) -> str:
    return acronym[:-1] if acronym.endswith("s") else acronym


def _same_institution(glossary, concept: str, other: str | None) -> bool:
    """Whether two institutions' English names share two content words or more: one is a body of the other (the International
    Labour Office of the International Labour Organization)."""
    def words(name: str) -> set[str]:
        return {word.stem for word in tokenize(name, "en") if not word.stop}
    return other is not None and len(words(glossary.preferred(concept, "en") or "") & words(glossary.preferred(other, "en") or "")) >= 2


_AFTER_NAME = re.compile(r"\s*\(([A-ZÀ-Ý]{2,}s?)\)")


NEAR_ACRONYM_LETTERS = 4
"""An unlisted acronym a letter away from a name's listed one is a slip from four letters on (UNCTOC for UNTOC); shorter ones are other
bodies' or other things' (TP for TDP, TEU beside EU)."""


def acronym_after_name(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A glossary name followed by another institution's acronym in brackets ("United Nations Office on Drugs and Crime (ILO)"), or by
    an acronym the glossary does not know a letter away from the name's own ("… Organized Crime (UNCTOC)", UNTOC)."""
    from rapidfuzz.distance import OSA

    glossary = context.glossary
    lang = LANG_OF_SIDE[side]
    text = link.texts[side]
    flags = []
    longest = longest_matches(link.matches.get(side, []))
    for match in longest:
        if match.type != "term" or match.status == "forbidden":
            continue
        found = _AFTER_NAME.match(text, match.end)
        if not found:
            continue
        acronym = found.group(1)
        concept = glossary.acronym_concept(acronym, lang)
        own = glossary.acronyms(match.concept, lang)
        if not own and (body := _body_of(match, longest, text)) is not None:
            # (« le Groupe d'experts … du Conseil de l'Europe (APCE) »: the body the brackets name is the one « of the Council of Europe »)
            match, own = body, glossary.acronyms(body.concept, lang)
        if (concept is None and own and acronym not in own and len(acronym) >= NEAR_ACRONYM_LETTERS
                and (near := [listed for listed in own if len(listed) >= NEAR_ACRONYM_LETTERS and OSA.distance(acronym, listed) == 1])):
            # ("United Nations Convention against Transnational Organized Crime (UNCTOC)": a letter added to the listed UNTOC)
            flags.append(Flag(link.number, side, "acronym-mismatch", "warning", found.start(1), found.end(1), acronym,
                              f"“{acronym}” is a letter away from “{near[0]}”, the listed acronym of “{match.term}”.", near[0]))
            continue
        if concept is None or concept == match.concept or not own or glossary.subject(concept) != glossary.subject(match.concept):
            continue  # (a name of another subject before the brackets is the end of a longer name: « …la traite des êtres humains (GRETA) »)
        if any(other.concept == concept and other.end < match.start and _OF_THE.fullmatch(text, other.end, match.start) for other in longest):
            continue  # « l'Organisation internationale du travail des Nations Unies (OIT) »: the acronym's body, said to be the UN's
        flags.append(Flag(link.number, side, "acronym-mismatch", "warning" if side == "mt" else "error", found.start(1), found.end(1), acronym,
                          f"“{acronym}” is the acronym of {concept_label(glossary, concept)}, not of “{match.term}” ({own[0]}).", own[0]))
    return flags


_OF_THE = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des|of\s+the|of)\s*$")


def _body_of(match, matches: list, text: str):
    """The listed name a name without an acronym completes (« Groupe d'experts sur la lutte contre la traite des êtres humains » before
    « du Conseil de l'Europe »), or None."""
    return next((other for other in matches if other.type == "term" and other.status != "forbidden" and other.end < match.start
                 and _OF_THE.fullmatch(text, other.end, match.start)), None)


_BRACKETED = re.compile(r"\(([A-ZÀ-Ý]{2,6})\)")
_SMALL_WORDS = {"fr": {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "sur", "en", "à", "au", "aux", "contre"},
                "en": {"of", "the", "for", "and", "on", "in", "against", "to"}}


def _content_words(text: str, lang: str) -> list[str]:
    return [word for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.sub(r"\b[dlDL][’']", " ", text)) if word.lower() not in _SMALL_WORDS[lang]]


def _listed_name_reordered(words: list[str], acronym: str, glossary, lang: str) -> bool:
    """Whether the words are a listed name's, in another order, whose initials the acronym is (« Organisation pour la coopération et la
    sécurité en Europe (OSCE) »): the name is reworded (`align.checks.names` reports it), the acronym is right."""
    folded = sorted(fold(word) for word in words)
    return any(sorted(fold(word) for word in name) == folded and "".join(word[:1].upper() for word in name) == acronym
               for entry in glossary.entries(lang) if entry.term[:1].isupper() and len(name := _content_words(entry.term, lang)) == len(words))


def _listed_acronyms_of_name(words: list[str], glossary, lang: str) -> dict[str, set[str]]:
    """The acronyms the glossary lists, by language, for the name whose content words are `words`; empty sets for a name it lacks."""
    folded = [fold(word) for word in words]
    concepts = {entry.concept for entry in glossary.entries(lang)
                if entry.term[:1].isupper() and [fold(word) for word in _content_words(entry.term, lang)] == folded}
    return {other: {entry.term for concept in concepts for entry in glossary.concept_entries(concept, other) if entry.is_acronym}
            for other in ("fr", "en")}


def other_languages_acronym(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """An acronym in brackets after a name whose initials are its letters in another order (« la Police provinciale de l'Ontario
    (OPP) », PPO): the other language's acronym of the name kept after its translation."""
    if side == "mt":
        return []
    text, lang = link.texts[side], LANG_OF_SIDE[side]
    flags = []
    for found in _BRACKETED.finditer(text):
        acronym = found.group(1)
        words = _content_words(text[max(0, found.start() - 120):found.start()], lang)[-len(acronym):]
        if len(words) < len(acronym) or not all(word[:1].isupper() for word in words[:1]):
            continue
        initials = "".join(word[:1].upper() for word in words)
        parts = [part for word in words for part in word.split("-") if part]
        if "".join(part[:1].upper() for part in parts[-len(acronym):]) == acronym:
            continue  # the initials of the name's last words, compounds by their parts: "Ghanaian non-governmental organization (NGO)"
        if initials != acronym and sorted(initials) == sorted(acronym) and not _listed_name_reordered(words, acronym, context.glossary, lang):
            # (context: read on every readable part, 1 of 4 was annotated — organisations keep one acronym in both languages: ICMPD, DPO)
            other = _other_version(link, side, context)
            listed = _listed_acronyms_of_name(words, context.glossary, lang)
            if acronym in listed[lang]:
                continue  # the glossary's own acronym of the name in this language, whichever language's order it follows (CTAF)
            listed = listed["fr"] | listed["en"]
            if (other and not _writes_acronym(other, acronym)) or (not other and listed and acronym not in listed):
                # (without another version, the glossary's acronyms of the name in both languages: ONDUC is neither ONUDC nor UNODC)
                # the other version does not write it either: the letters mixed up (« Service de police de Toronto (STP) », SPT, TPS)
                flags.append(Flag(link.number, side, "acronym-mismatch", "warning", found.start(1), found.end(1), acronym,
                                  f"“{acronym}” gives the initials of “{' '.join(words)}” ({initials}) in another order, and the other version "
                                  "does not write it: letters mixed up?", initials))
                continue
            flags.append(Flag(link.number, side, "acronym-mismatch", "info", found.start(1), found.end(1), acronym,
                              f"“{acronym}” is the other language's order of the initials of “{' '.join(words)}” ({initials}): its acronym "
                              "kept after the translated name?", initials))
    return flags


def acronym_a_letter_off_its_name(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """An acronym in brackets after a name whose initials it gives but for one letter changed (« Fonds de solidarité prioritaire
    (FSD) », "Employment Equity Act (EAA)"): a slip in the acronym, unless the other language's text writes it too (« Commissaire
    soudanais pour les réfugiés (COR) » keeps the English acronym of a body both versions name so) or the glossary lists it."""
    if side == "mt":
        return []
    text, lang = link.texts[side], LANG_OF_SIDE[side]
    other = _other_version(link, side, context)
    flags = []
    for found in _BRACKETED.finditer(text):
        acronym = found.group(1)
        before = text[max(0, found.start() - 120):found.start()]
        before = before[before.rfind(")") + 1:]  # a name never runs back across the bracket of another (« (AFJ) et le Comité … (CCEM) »)
        words = _content_words(before, lang)[-len(acronym):]
        if len(acronym) < 3 or len(words) < len(acronym) or not words[0][:1].isupper():
            continue
        initials = fold("".join(word[:1] for word in words)).upper()
        if sum(letter != own for letter, own in zip(fold(acronym).upper(), initials)) != 1:
            continue
        wider = fold("".join(word[:1] for word in _content_words(text[max(0, found.start() - 160):found.start()], lang)[-len(acronym) - 3:])).upper()
        if letters_in_order(fold(acronym).upper(), wider):
            continue  # the initials of some of the words before, a word left out of the acronym (« Fonds de l'UE pour l'asile, la
            # migration et l'intégration (FAMI) »)
        if context.glossary.acronym_concept(acronym, lang) is not None or _writes_acronym(other, acronym):
            continue
        begins = text.rfind(words[0], 0, found.start())
        name = text[begins:found.start()].strip() if begins >= 0 else " ".join(words)
        flags.append(Flag(link.number, side, "acronym-mismatch", "warning", found.start(1), found.end(1), acronym,
                          f"“{acronym}” does not give the initials of “{name}” ({initials}): a letter mistyped?", initials))
    return flags


def _other_version(link: LinkView, side: str, context: CheckContext) -> str:
    """The other language's text of the document (of the link when the document's is not at hand); empty for a French-only one."""
    other_side = "en" if side == "fr" else "fr"
    return context.document_texts[other_side] or link.texts[other_side] or ""


def _writes_acronym(text: str, acronym: str) -> bool:
    return re.search(rf"(?<![\w-]){acronym}(?![\w-])", text) is not None


_WORD_IN_CAPITALS = re.compile(r"(?<![\w-])[A-Z](?:[A-Z]|[a-z](?=[A-Z]))+s?(?![\w-])")
"""An acronym: capitals, maybe one small letter between two ("TiP", UNODC's)."""
_CRIME_ACRONYM_AS_A_NAME = re.compile(r"(?:rapport|bureau|classement|office|catégorie|héros)(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+$"
                                      r"|\b(?:rapport|report)\b[^().;]{0,80}(?:\(|[ \u00a0]ou[ \u00a0]+)$", re.IGNORECASE)
"""« le rapport TIP », « le Bureau TIP », « le rapport international TIP », « le rapport sur la traite des personnes (TIP) » or « … ou
TIP »: the US report's or office's name, which French cites with its English acronym."""
_MASCULINE_BEFORE = re.compile(r"(?<![\w’'-])(?:le|du|au)[ \u00a0]+$", re.IGNORECASE)
_REPORT_NAMED = re.compile(r"\brapport[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+)?T[Ii]P\b|\bT[Ii]P[ -]report\b|Trafficking in Persons(?: Report|\))", re.IGNORECASE)
"""« le rapport international TIP », « le TIP-report », « TIP (Trafficking in Persons) »: a text about the US report."""


_CAPITALS_BEFORE = re.compile(r"[A-ZÀ-Ý]{2,}[\s’']+(?:\d+\s+)?$")
_CAPITALS_AFTER = re.compile(r"[\s’']+(?:\d+\s+|[a-zà-ÿ]{1,4}\s+)?[A-ZÀ-Ý]{2,}")


def _among_capitals(text: str, start: int, end: int) -> bool:
    """Whether the word between `start` and `end` has a word in capitals on either side, a number between allowed (or a short word
    before one after it): a run of words set in capitals (« DU 24 AU 26 JUILLET 2018 », the campaign « UN sur CINQ »)."""
    return bool(_CAPITALS_BEFORE.search(text[max(0, start - 40):start]) or _CAPITALS_AFTER.match(text, end))


def english_acronym_in_french(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """An institution's English acronym in French prose where the institution has a French one (« le crime (UNODC) », « de l'UNODC »:
    ONUDC), or a crime's (« les cas de TiP »: la traite des personnes) but in the US report's and office's names (« le rapport TIP »).
    Read on every part but the test: the six institutions' in the corpus were all annotated slips; not in a headline in capitals
    (« UN NOUVEAU SIÈGE ») nor beside English words (a title cited in English, "The ILO strategy")."""
    if side != "fr":
        return []
    text, glossary = link.texts[side], context.glossary
    if written_in_capitals(text):
        return []
    flags = []
    for found in _WORD_IN_CAPITALS.finditer(text):
        acronym = found.group(0)
        concept = glossary.acronym_concept(acronym, "en") or glossary.acronym_concept(acronym.upper(), "en")  # ("TiP", UNODC's "TIP")
        subject = glossary.subject(concept) if concept is not None else None
        if subject not in ("institution", "crime"):
            continue
        if subject == "crime" and (_CRIME_ACRONYM_AS_A_NAME.search(text, 0, found.start())
                                   or re.match(r"[ \u00a0]*(?:Report|Office|Heroe?s?)\b", text[found.end():])
                                   or (_MASCULINE_BEFORE.search(text, 0, found.start())
                                       and _REPORT_NAMED.search(context.document_texts["fr"] or text))):
            continue  # (« L'objectif du TIP est … » in a text about the TIP report: the report, masculine; the crime is « la traite »)
        french = glossary.acronyms(concept, "fr")
        if not french or acronym in french or among_english_words(text, found.start(), found.end()):
            continue
        if _among_capitals(text, found.start(), found.end()) or re.match(r"\.\w", text[found.end():found.end() + 2]):
            continue  # a heading in capitals run into the text (« LA COMMISSION AU PARLEMENT »), a dotted name (« AU.COMMIT »)
        instead = french[0] if subject == "institution" else glossary.preferred(concept, "fr") or french[0]
        flags.append(Flag(link.number, side, "untranslated", "warning", found.start(), found.end(), acronym,
                          f"“{acronym}” is the English acronym of {concept_label(glossary, concept)}; French writes “{instead}”.", instead))
    return flags


@same_flags_for_same_texts
def _acronyms_in_brackets(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    return (acronym_after_name(link, side, context) + other_languages_acronym(link, side, context) + acronym_a_letter_off_its_name(link, side, context)
            + english_acronym_in_french(link, side, context))


_LONG_ACRONYM = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{4,}(?![\w-])")
_ACRONYM_IN_SMALL_LETTERS = re.compile(r"(?<![\w-])[A-Z](?:[b-df-hj-np-tv-xz]{3,5})(?![\w-])")
"""« Cnltp »: an acronym written with its first capital only, told from a word by having no vowel after it."""


def acronyms_one_letter_off(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """An acronym written once, a letter away from a glossary acronym the same text writes more often (« CEDEO », « CEDEAS » beside
    « CEDEAO »): a slip, where an acronym the glossary does not list is most often another body's (« CRLTP », a regional committee,
    beside « CNLTP »), so only the listed ones are compared — or two letters swapped, which names no other body (« la Cnlpt » beside
    « la Cnltp », written in small letters as some African and Québec texts write acronyms)."""
    from rapidfuzz.distance import OSA

    flags = []
    for side in ("fr", "en") if context.has_official else ("fr",):
        lang = LANG_OF_SIDE[side]
        found = [(link, acronym) for link in links for pattern in (_LONG_ACRONYM, _ACRONYM_IN_SMALL_LETTERS)
                 for acronym in pattern.finditer(link.texts[side])]
        counts = Counter(acronym.group(0) for _, acronym in found)
        for link, acronym in found:
            written = acronym.group(0)
            if context.glossary.acronym_concept(written, lang) is not None:
                continue
            if counts[written] > 1:
                # a listed acronym with two letters swapped, however often (« l'OPFRA » twice beside « l'OFPRA »): no other body's
                swapped = [other for other in counts if sorted(written) == sorted(other) and OSA.distance(written, other) == 1
                           and context.glossary.acronym_concept(other, lang) is not None] if written.isupper() else []
                if swapped:
                    flags.append(Flag(link.number, side, "acronym-mismatch", "warning", acronym.start(), acronym.end(), written,
                                      f"“{written}” is “{swapped[0]}”, which this text writes too, with two letters swapped.", swapped[0]))
                continue
            near = [other for other in counts if counts[other] > 1 and OSA.distance(written, other) == 1
                    and (context.glossary.acronym_concept(other, lang) is not None
                         or (sorted(written) == sorted(other) and written.isupper() == other.isupper()))]
            if near and sorted(written) == sorted(near[0]):
                named = [(other_link, other) for other_link, other in found if other.group(0) == near[0]
                         and _initials_before(other_link.texts[side], other.start()) == written]
                if named:  # « l'Office central de lutte contre le travail illégal (OLCTI) » twice, « l'OCLTI » once: the name spells the one
                    flags += [Flag(other_link.number, side, "acronym-mismatch", "warning", other.start(), other.end(), near[0],
                                   f"“{near[0]}” after the name whose initials give “{written}”, as this text writes it elsewhere: letters swapped?",
                                   written) for other_link, other in named]
                    continue
            if near:
                flags.append(Flag(link.number, side, "acronym-mismatch", "warning", acronym.start(), acronym.end(), written,
                                  f"“{written}” is a letter away from “{near[0]}”, which this text writes {counts[near[0]]}×: the same body's "
                                  "acronym mistyped?", near[0]))
    return flags


_NAME_BEFORE_BRACKET = re.compile(r"((?:[^\W\d_]+[’'-]?[ \u00a0]+){2,12})\($")
_SMALL_WORDS_OF_EITHER = _SMALL_WORDS["fr"] | _SMALL_WORDS["en"]


def _initials_before(text: str, start: int) -> str:
    """The initials of the words that name, in brackets, the acronym at `start` (« Office central de lutte contre le travail illégal (» →
    « OCLTI »: small words left out), from the name's first capital; "" where no bracket opens right before it."""
    found = _NAME_BEFORE_BRACKET.search(text, max(0, start - 160), start)
    if found is None:
        return ""
    words = re.findall(r"[^\W\d_]+", found.group(1))
    first = next((index for index, word in enumerate(words) if word[:1].isupper()), None)
    if first is None:
        return ""
    return "".join(fold(word[:1]).upper() for word in words[first:] if word.lower() not in _SMALL_WORDS_OF_EITHER)


ACRONYMS = Check("acronyms", "pair", acronyms, ("acronym-mismatch",))
ACRONYMS_ONE_LETTER_OFF = Check("acronyms-one-letter-off", "document", acronyms_one_letter_off, ("acronym-mismatch",))
ACRONYM_AFTER_NAME = Check("acronym-after-name", "side", _acronyms_in_brackets, ("acronym-mismatch", "untranslated"))
