"""Slips a French reviser catches on reading: doubled words, a locution without its preposition, a split ordinal,
a glossary term with a wrong number or a missing article, an official name not written word for word, and one
name or word written two ways in the same French text."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView, matches_in, same_flags_for_same_texts
from align.checks.grammar import SUB_NOUN_WITHOUT_HYPHEN, disagreeing_adjective, morphologies, negation_word, other_gender
from align.checks.slips import APOSTROPHE_STAND_INS
from align.model import Flag
from align.terms.glossary import Glossary, per_glossary
from align.terms.matching import longest_matches
from align.terms.nearmiss import find_garbled
from align.terms.words import fold, tokenize
from align.text.quantities import page_stamp

_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1s?)(?![\w'’-])", re.IGNORECASE)
"""A word written twice, the second time perhaps with its plural s ("two type types")."""
_VERBS_SPELT_LIKE_NAMES = frozenset({"est", "sont", "a", "as", "ont", "is", "was", "are", "will", "can", "may", "must"})


def _name_then_verb_spelt_like_it(first: str, second: str) -> bool:
    """A capitalised name (not an acronym: « ONUDC onudc » is a slip) before a verb spelt like it (« les pays de l’Est est », "the May
    may"): no word typed twice."""
    return first[:1].isupper() and not first.isupper() and second in _VERBS_SPELT_LIKE_NAMES


_DOUBLED_PHRASE = re.compile(r"(?<![\w’'-])([^\W\d_]+(?:['’]|[ \u00a0]+)[^\W\d_]+(?:[ \u00a0]+[^\W\d_]+)?)[ \u00a0]+\1(?![\w’'-])",
                             re.IGNORECASE)
"""Two or three words written twice (« avec les avec les », « n'a pas n'a pas »)."""
_COORDINATED_WITH_ITSELF = re.compile(r"(?<![\w’'-])((?:de|d['’]|du|des|la|le|les|l['’])[ \u00a0]*([^\W\d_]{4,}))[ \u00a0]+(?:et|ou)[ \u00a0]+\1"
                                      r"(?![\w’'-])")
"""« des activités de sensibilisation et de sensibilisation » ("awareness and outreach"): one noun, with its article or preposition, on
both sides of « et » (a second one that an adjective or a complement qualifies is another thing: « les victimes et les victimes
potentielles »)."""
_REDUPLICATING = frozenset({"à", "en", "to", "by", "after", "par"})
_DOUBLED_BESIDE_APOSTROPHE = {
    "fr": re.compile(r"(?<![\w'’-])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]([^\W\d_]+)\s+(\1)(?![\w'’-])"
                     r"|(?<![\w'’-])(l|d|j|m|n|s|t|c|qu)\s+(\3)['’](?=[^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1)(?=['’](?:s\b|\s|$))", re.IGNORECASE),
}
"""Doubled words beside an apostrophe, which `_DOUBLED` leaves alone: after an elided word (« l’exploitation exploitation »,
« l’OIM oim »), an elided word itself (« de l l’ONU », « à des fins d d’exploitation »), and an English possessive ("the victims
victims’ own countries")."""
_SHOWN_TWICE = re.compile(r"([A-ZÀ-Ý][^.!?]*?)[ \u00a0]+\1")
"""A whole line that is one heading or label written twice (« Respect Respect », « Dialogue et participation Dialogue et participation »):
the two faces of a card, or a label and its tooltip, read off a web page."""
_DOUBLED_PAIR = re.compile(r"(?<![\w'’-])([^\W\d_]+ [^\W\d_]+) \1(?![\w'’-])", re.IGNORECASE)
"""Two words written twice (« la lutte contre la contre la traite »); French only: English says "from coast to coast to coast"."""
_LOST_CHARACTER = re.compile(r"(?<=[^\W\d_])[?\ufffd](?=[a-zà-ÿ])")
"""« n?est », « d?experts »: a question mark or a replacement character between two letters, where a page's encoding lost a character
(an apostrophe, an accented letter). Read on every part: the two in the corpus were both annotated."""
_STOP_DOUBLED = re.compile(r"(?<![.\s])\.[ \u00a0]?\.(?![ \u00a0]?\.)")
"""« des migrations.. », « à l'Est. . Outre »: a full stop written twice (an ellipsis has three). Read on every part: the two in the corpus
were both annotated."""
_LEGITIMATE_DOUBLES = {"fr": {"nous", "vous"}, "en": {"that", "had", "is"}}
"""Doubles that grammar allows (« nous nous sommes », "that that", "had had")."""
_AFFAIRES_THEN_ADJECTIVE = re.compile(r"\bAffaires ([a-zà-ÿ]{4,})\b(?![’'-])")
"""« ministère des Affaires familiale »: in a ministry's name the adjective after « Affaires » agrees with it."""
_SOUS_THEN_WORD = re.compile(r"\b([Ss]ous) ([a-zà-ÿ]{4,})\b(?![’'-])")
"""« sous régional »: the preposition before a bare adjective is the prefix of a compound written apart (« sous-régional »); before a noun
(« sous réserve », « sous surveillance ») or an adjective placed before its noun (« sous strict contrôle ») it is the preposition."""


def _adjective_only(word: str) -> bool:
    readings = morphologies(word)
    return bool(readings) and all(":A" in reading and ":N" not in reading and ":V" not in reading and ":G" not in reading
                                  for reading in readings)


def _noun_follows(text: str, end: int) -> bool:
    following = re.match(r"\s+([^\W\d_]+)", text[end:])
    return bool(following) and any(":N" in reading for reading in morphologies(following.group(1).lower()))


_LOCUTION = re.compile(rf"\b(afin|en matière|au sein|à l['’]égard|en raison|(?<!depuis )(?<!dès )(?<!pour )lors)\s+"
                       rf"(?!de\b|d['’{APOSTROPHE_STAND_INS}]|du\b|des\b|duquel\b|desquel(?:le)?s\b|que\b|qu['’{APOSTROPHE_STAND_INS}])"
                       rf"([^\W\d_]+)", re.IGNORECASE)
"""Locutions that cannot stand without « de » (« afin d'être », « en matière de lutte »; « depuis lors », « dès lors » can); an elision
written with an accent for its apostrophe (« afin d´éliminer ») is the slips check's."""
TITLE_NOUNS = ("secrétaire|présidente?|vice-présidente?|ministre|ambassadeur|ambassadrice|directeur|directrice|représentante?|coordonnateur|"
               "coordonnatrice|coordinateur|coordinatrice|commissaire|haute?-commissaire|rapporteur|rapporteuse|rapporteure|maire|préfète?|"
               "gouverneure?|cheffe?|procureure?|juge|sénateur|sénatrice|députée?|porte-parole|conseiller|conseillère|administrateur|"
               "administratrice|déléguée?|fondateur|fondatrice|envoyée?|chargée?|responsable|chancelier|chancelière")
_PERSON_NAME = (r"[A-ZÀ-Ý][a-zà-ÿ’'-]+(?: (?:(?:de|di|da|van|von|der|del|dos|das|ben|bin|ould|el|al)\s)?[A-ZÀ-Ý][a-zà-ÿ’'-]+){1,3}")
_APPOSITION_LEFT_OPEN = re.compile(
    rf"(?:^|(?<=[\n.;:(–—,«]))([^\n.;:(–—,«»]*?(?<![\w'’-])(?i:(?:le|la|l['’]|madame|monsieur|mme|m\.)\s*(?:[^\W\d_]+(?:-[^\W\d_]+)?\s+)?"
    rf"(?:{TITLE_NOUNS}))\b[^,;:.()«»\n]{{0,120}}), (?!(?i:{TITLE_NOUNS})\b)({_PERSON_NAME}) (?!(?:et|ou|épouse|née|dite?|alias)\b)"
    r"(?!(?:de|du|des|van|von|da|di|del|della|dos|das|ben|bin|ibn|al|el|ter|ten|zu)\s+[A-ZÀ-Ý])([a-zà-ÿ]+)")
"""« le secrétaire général du Conseil, Terry Davis a tiré »: a person's name set off by a comma after their title, and the sentence going
on with no comma to close the apposition. Read on every part (not test): six such names, all annotated slips; a married name
(« Sandrine Gbialy épouse Bigorra ») and a list (« et ») go on without one, and a surname's particle is the name's (« Mme Maud de
Boer-Buquicchio, »)."""
_SPLIT_ORDINAL = re.compile(r"\b1\s+er\b|\b\d{1,2}°(?=\s*(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)",
                            re.IGNORECASE)
_CURRENCY_TWICE = re.compile(r"(?<=\d)\s*(\$\s*(?:(?:millions?|milliards?)\s+)?de\s+dollars)\b", re.IGNORECASE)
"""« 10,28 $ millions de dollars »: the amount says dollars twice (« 10,28 millions de dollars » or « 10,28 M$ »)."""
_NO_SPACE_AFTER = re.compile(r"(?<![\w.])([^\W\d_]{2,})(,)([^\W_][\w’']*)"
                             r"|(?<![\w.])([^\W\d_]*[a-zà-ÿ]{2}[»”]?)([.!?])([A-ZÀ-Ý][a-zà-ÿ]*(?:[’'][a-zà-ÿ]+)?)(?![\w.])")
"""A comma between a word and the next (« Organisation,880,000 »), or a full stop between a sentence's last word and the next
sentence's first (« Mme Howard.C'est », « confessionnelles».Une »), with no space: a web address or an abbreviation has no capital after its dot."""
_PARENTHESIS_GLUED = re.compile(r"(?<![\w.])(?P<word>[^\W\d_]*[a-zà-ÿ]{2})(?P<opening>\((?![a-zà-ÿ]{1,4}\))\s?[^\W\d_][^()]{0,200}\))"
                                r"|(?P<closing>\((?![a-zà-ÿ]{1,4}\))[^()]{1,200}(?<=[^\W\d_]{2})\))(?P<next>[^\W\d_]+)")
"""« de Recherche(IBESR) », « le crime(ONUDC) », « et Togo)a permis »: a bracket glued to the word before or after it. Not a plural or a
feminine in brackets (« Canadien(ne)s », « victime(s) ») nor a reference (« COM(2017) », "Committee(1)"). Read on every part but the test:
five such brackets, all annotated."""
_SPACE_MOVED_BEFORE_COMMA = re.compile(r"(?:(?<=[^\W\d_»”\")])[ \u00a0\u202f]+|(?<=[»”\")])[ \u00a0\u202f]*),(?=[^\W\d_])")
"""« Sur ce ,en procédant », « la traite des personnes » ,le ministre », « connexes »,a précisé »: the comma's space moved before it or lost
after a closing quotation mark (figures, « 3,5 », are not matched). Read on every part: the five in the corpus were all annotated."""
_GUILLEMET_UNSPACED = re.compile(r"«(?=[^\W_])|(?<=[^\W_])»|(?<=[.!?,])»")
_GUILLEMET_SPACED = re.compile(r"«[ \u00a0\u202f]|[ \u00a0\u202f]»")
_GUILLEMET_PAIR = re.compile(r"«([ \u00a0\u202f]?)[^«»]{1,400}?([ \u00a0\u202f]?)»")
_TWO_ARTICLES = re.compile(r"\b(?:la|le|les)\s+(?:(?:la|le|les)\b|l['’])(?=\s*[^\W\d_])", re.IGNORECASE)
"""« de la l'infraction »: an article left from an edit beside the new one."""
_BARE_AFTER_A_TRAVERS = re.compile(
    r"(?<!\w)[àÀ] travers\s+(?!(?:le|la|les|l|un|une|des|du|d|ce|cet|cette|ces|son|sa|ses|leur|leurs|mon|ma|mes|notre|nos|votre|vos|tout|toute|tous|"
    r"toutes|chaque|plusieurs|quelques|certains|certaines|divers|diverses|différents|différentes|champs|bois|elle|elles|eux|lui|cela|ça|"
    r"laquelle|lesquels|lesquelles|lequel|quoi|qui|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|"
    r"cinquante|soixante|cent|mille|maints|maintes|nombre)\b)([a-zà-ÿ]+)\b")
"""« à travers pays »: « à travers » takes a determiner (« à travers le pays »), bar the set phrases « à travers champs, bois »;
names and numbers (capitals, digits, number words: « à travers quatre pays européens ») are not matched."""
_INVARIABLE = re.compile(r"\ben\s+(générale|générales|généraux|particulière|particulières|particuliers)\b", re.IGNORECASE)
"""« la société en générale »: the locutions « en général », « en particulier » do not agree."""
_UNSPACED_TIME = re.compile(r"\b([01]?\d|2[0-3])(?:h|H ?)([0-5]\d)\b")
"""« 9h30 », « 10H 00 »: French typography writes « 9 h 30 »."""
_ENGLISH_CLOCK = re.compile(r"(?<![\w:])(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?([AaPp]\.?[Mm]\.?)(?!\w)")
"""« de 9:00 AM à 1:00 PM »: the English twelve-hour clock in French, which writes « de 9 h à 13 h ». Read on every part: the two in the
corpus were both annotated."""
_CURRENCY_GLUED = re.compile(r"(?<![\d.,])(\d(?:[\d\u00a0\u202f .,]*\d)?)([$€£])(?!\w)")
"""« entre 30 000$ et 40 000$ »: the currency sign glued to its amount (« 30 000 $ »). Read on every part: the two in the corpus were both
annotated."""
_TIP_TIER = re.compile(r"(?<![\w'’-])(?:(tier)|tiers)\s+(1|2|3|un|deux|trois)\b(?!\s*(?:%|pour))")
"""The US TIP Report's tiers in French prose: the English word left (« au tier 3 », « niveau tier 2 ») or calqued as « tiers » (a
third: « catégorie tiers deux »). The State Department's French says « catégorie 2 ». Lower case only: « TIER 1 », « Tier 1 » quote
the report's label as a name (a Luxembourg ministry's release, which its reader accepts)."""
_TIER_NUMBERS = {"un": "1", "deux": "2", "trois": "3"}
_NAME_SUBJECTS = ("event", "institution", "law")
_CONTRACTIONS = {"d": "de", "des": "des", "de": "de", "du": "du", "au": "au", "aux": "aux", "à": "à", "la": "la", "l": "l", "le": "le", "les": "les"}


def _doubled_beside_apostrophe(link: LinkView, side: str, lang: str, context: CheckContext) -> list[Flag]:
    """A word written twice beside an apostrophe (`_DOUBLED_BESIDE_APOSTROPHE`), from the first word to the second."""
    text, flags = link.texts[side], []
    for found in matches_in(_DOUBLED_BESIDE_APOSTROPHE[lang], text):
        first, second = (1, 2) if found.group(1) else (3, 4)
        if found.group(first).lower() in _LEGITIMATE_DOUBLES[lang]:
            continue
        if _name_then_verb_spelt_like_it(found.group(first), found.group(second)):
            continue  # « les pays de l’Est est »
        start, end = found.start(first), found.end(second)
        if any(match.start < end and start < match.end for match in link.matches.get(side, [])) and any(
                garble.start <= start and end <= garble.end for garble in find_garbled(text, lang, context.glossary, matches=link.matches.get(side))):
            continue  # reported as a garbled term
        flags.append(Flag(link.number, side, "typography", "warning", start, end, text[start:end],
                          f"“{found.group(first)}” is written twice.", found.group(first)))
    return flags


_LAST_WORD = re.compile(r"(\S+)\s*$")


def _question_without_its_mark(link: LinkView, side: str) -> list[Flag]:
    """A question the official English asks ("Has your employer threatened a member of your family?") that the French writes without
    its question mark (« Votre employeur a-t-il menacé un membre de votre famille »): one question on each side, the French's lost."""
    if side != "fr" or not link.texts["en"]:
        return []
    french, english = link.texts["fr"].rstrip(), link.texts["en"].rstrip()
    if not english.endswith("?") or english.count("?") != 1 or "?" in french or not french or french[-1:] in ".!:;…":
        return []
    last = _LAST_WORD.search(french)
    return [Flag(link.number, "fr", "typography", "warning", last.start(1), last.end(1), last.group(1),
                 "The English asks a question here; the French has no question mark.", f"{last.group(1)} ?")]


_CAPITAL_AFTER_COMMA = re.compile(r"(?<=[^\W_)»\"”]), (?:(Le|La|Les|Près|Un|Une|Des|Ce|Cet|Cette|Ces|Selon|Depuis|Dans|Pour|Par|Avec|Au|Aux|Du|"
                                  r"Il|Elle|Ils|Elles)[ \u00a0]+|(L)[’'])([^\W_][\w’'-]*)")
_VOCATIVE_BEFORE = re.compile(r"\b(?:Messieurs|Mesdames|Madame|Monsieur|Excellences?|Mesdemoiselles|chers|chères|amis|amies)$", re.IGNORECASE)


def _capital_after_comma(link: LinkView, side: str) -> list[Flag]:
    """A small word with a capital right after a comma (« Selon les statistiques de la Fondation Walk Free, Près de 36 millions »,
    « co-fondateur de Microsoft, L'ONG Walk Free », « Début mars 2016, La CNCDH »): the sentence goes on, in small letters. A name
    that opens with the word (« La Sortie », « Le Mouvement du Nid »: a capital after it) and a letter's salutation (« Mesdames,
    Messieurs, Par le présent message ») keep theirs."""
    if side != "fr":
        return []
    text = link.texts["fr"]
    flags = []
    for found in _CAPITAL_AFTER_COMMA.finditer(text):
        word, after = found.group(1) or found.group(2), found.group(3)
        if not (after[:1].islower() or after[:1].isdigit() or (len(after) >= 2 and after.isupper())):
            continue
        if _VOCATIVE_BEFORE.search(text, 0, found.start()):
            continue
        start = found.start() + 2
        flags.append(Flag(link.number, side, "typography", "warning", start, start + len(word), word,
                          f"« {word} » after a comma, inside the sentence, takes a small letter: « {word.lower()} ».", word.lower()))
    return flags


@same_flags_for_same_texts
def writing_slips(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """Doubled words (French and English), and in French: locutions missing « de », split ordinals, garbled term forms."""
    if side == "mt":
        return []
    text = link.texts[side]
    lang = LANG_OF_SIDE[side]
    flags = []
    shown_twice = _SHOWN_TWICE.fullmatch(text.strip()) is not None  # (« Egalité Egalité »: a card's two faces read off a page, no slip)
    for found in matches_in(_DOUBLED, text) if not shown_twice else ():
        if found.group(1).lower() in _LEGITIMATE_DOUBLES[lang]:
            continue
        if len(found.group(2)) > len(found.group(1)) and len(found.group(1)) < 4:
            continue  # (a short word and its plural are often two words: « de des », "it its")
        if found.group(2).isupper() and not found.group(1).isupper():
            continue  # « aux Comores COMORES: niveau 3 »: a heading in capitals run into the text, not a word typed twice
        if _name_then_verb_spelt_like_it(found.group(1), found.group(2)) and text[:found.start()].rstrip()[-1:] not in ("", ".", "!", "?", "…"):
            continue  # (mid-sentence: at a sentence's start the capital is the sentence's, « Est est »)
        if any(match.start < found.end() and found.start() < match.end for match in link.matches.get(side, [])) and any(
                garble.start <= found.start() and found.end() <= garble.end
                for garble in find_garbled(text, lang, context.glossary, matches=link.matches.get(side))):
            continue  # a doubled word inside a glossary term is a garbled term (« travail travail forcé »), reported as such
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"“{found.group(1)}” is written twice.", found.group(1)))
    flags += _doubled_beside_apostrophe(link, side, lang, context)
    flags += _question_without_its_mark(link, side)
    flags += _capital_after_comma(link, side)
    for found in matches_in(_DOUBLED_PHRASE, text) if not shown_twice else ():
        words = found.group(1).split()
        if len(words) == 2 and words[1].lower() in _REDUPLICATING:
            continue  # « peu à peu à », « de plus en plus en », "coast to coast to coast": an idiom's words, not a phrase typed twice
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"“{found.group(1)}” is written twice.", found.group(1)))
    for found in matches_in(_COORDINATED_WITH_ITSELF, text) if lang == "fr" else ():
        following = re.match(r"[ \u00a0]*([^\W\d_]+)", text[found.end():])
        if following and (following.group(1)[:1].isupper() or following.group(1).lower() in ("de", "d", "du", "des")
                          or any(":A" in morph or ":Q" in morph for morph in morphologies(following.group(1)))):
            continue  # « les victimes et les victimes potentielles », « de juges et de juges d'instruction »: the second one qualified
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"“{found.group(1)}” is coordinated with itself: a word lost or typed twice?", ""))
    for found in matches_in(_NO_SPACE_AFTER, text):
        before, mark, after = found.group(1, 2, 3) if found.group(1) else found.group(4, 5, 6)
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"No space after “{mark}” in “{found.group(0)}”.", f"{before}{mark} {after}"))
    for found in matches_in(_PARENTHESIS_GLUED, text):
        before, after = found.group("word", "opening") if found.group("opening") else found.group("closing", "next")
        where = "before “(”" if found.group("opening") else "after “)”"
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"No space {where} in “{found.group(0)}”.", f"{before} {after.lstrip()}"))
    for found in matches_in(_SPACE_MOVED_BEFORE_COMMA, text):
        end = found.end() + 1
        before = re.search(r"\S*$", text[:found.start()]).group(0)
        after = re.match(r"[^\s,.;:!?]*", text[found.end():]).group(0)
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), end, text[found.start():end],
                          f"No space after the comma in “{before}{found.group(0)}{after}”.", ", " + text[found.end()]))
    for found in matches_in(_LOST_CHARACTER, text):
        word = re.search(r"[^\W\d_]*$", text[:found.start()]).group(0) + "?" + re.match(r"[^\W\d_]*", text[found.end():]).group(0)
        elided = lang == "fr" and re.fullmatch(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)\?\w+", word, re.IGNORECASE) is not None
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {word} »: a character lost in the text's encoding" + (" (an apostrophe)." if elided else "."),
                          "’" if elided else ""))
    for found in matches_in(_STOP_DOUBLED, text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          "The full stop is written twice.", "."))
    if lang != "fr":
        return flags
    for found in matches_in(_DOUBLED_PAIR, text) if not shown_twice else ():
        first, preposition = found.group(1).split(" ")
        if (preposition.lower() in ("à", "en", "par") and not re.match(rf"\s+{re.escape(first)}\b", text[found.end():], re.IGNORECASE)
                and not any(":Y" in morph for morph in morphologies(first.lower()))):
            continue  # « de plus en plus en particulier », « petit à petit à »: a locution that repeats its word around « à », « en » or
            # « par », then the same preposition beginning what follows; no pair written twice (« contribuer à contribuer à » is one)
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"“{found.group(1)}” is written twice.", found.group(1)))
    flags += _guillemet_spacing(link, side, context)
    flags += _term_pairs_out_of_agreement(link, side, context)
    for found in matches_in(_LOCUTION, text):
        if found.group(1).lower() == "en matière" and any(":A" in reading for reading in morphologies(found.group(2))):
            continue  # « en matière financière », « en matière pénale »: the locution takes an adjective as well as « de » and a noun
        if (any("/:W" in reading for reading in morphologies(found.group(2).lower()))
                and re.match(rf"\s+(?:de|du|des|d['’{APOSTROPHE_STAND_INS}])\b", text[found.end():], re.IGNORECASE)):
            continue  # « en raison notamment des diverses formes »: an adverb between the locution and its « de »
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(1)} » needs « de » before « {found.group(2)} ».", f"{found.group(1)} de {found.group(2)}"))
    for found in matches_in(_AFFAIRES_THEN_ADJECTIVE, text):
        readings = morphologies(found.group(1))
        if readings and all(":A" in reading and ":s" in reading for reading in readings):
            plural = found.group(1) + ("s" if not found.group(1).endswith("s") else "")
            flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} »: the adjective agrees with « Affaires », feminine plural (« Affaires {plural} »).",
                              f"Affaires {plural}"))
    for found in matches_in(_SOUS_THEN_WORD, text):
        if (_adjective_only(found.group(2)) and not _noun_follows(text, found.end())) or SUB_NOUN_WITHOUT_HYPHEN.match(text, found.start()):
            joined = f"{found.group(1)}-{found.group(2)}"
            flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} » is a compound, hyphenated: « {joined} ».", joined))
    for found in matches_in(_CURRENCY_TWICE, text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(1), found.end(1), found.group(1),
                          f"« {found.group(1)} » says dollars twice: write « millions de dollars » or « M$ ».", found.group(1)[1:].strip()))
    for found in matches_in(_BARE_AFTER_A_TRAVERS, text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« à travers » needs a determiner before « {found.group(1)} » (« à travers le {found.group(1)} »).", ""))
    for found in matches_in(_INVARIABLE, text):
        fixed = "en " + ("général" if fold(found.group(1)).startswith("genera") else "particulier")
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {fixed} » is invariable.", fixed))
    for found in matches_in(_TWO_ARTICLES, text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(0)} »: two articles in a row.", ""))
    stamp = page_stamp(text)  # (« publié le 18 octobre 2020 à 13h03 »: the site's time, not the text's)
    for found in matches_in(_UNSPACED_TIME, text) if not stamp else ():
        fixed = f"{found.group(1)} h {found.group(2)}"
        # (info: « 19h30 » is the press's usual form, and revisers mark three in seven)
        flags.append(Flag(link.number, side, "typography", "info", found.start(), found.end(), found.group(0),
                          f"« {found.group(0)} »: French writes the hour with spaces, « {fixed} ».", fixed))
    for found in matches_in(_ENGLISH_CLOCK, text) if not stamp else ():
        hour, minutes, half = int(found.group(1)), found.group(2), found.group(3)[0].lower()
        hour = hour % 12 + (12 if half == "p" else 0)
        fixed = f"{hour} h" + (f" {minutes}" if minutes and minutes != "00" else "")
        flags.append(Flag(link.number, side, "untranslated", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(0)} »: the English clock left in the French, which writes « {fixed} ».", fixed))
    for found in matches_in(_CURRENCY_GLUED, text):
        fixed = f"{found.group(1)}\u00a0{found.group(2)}"
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(0)} »: French puts a space between the amount and its currency sign (« {fixed} »).", fixed))
    for found in matches_in(_TIP_TIER, text):
        if re.search(r"(?:\d|\b(?:un|deux|trois|quatre|les|des|aux))\s+$", text[:found.start()], re.IGNORECASE):
            continue  # (« les deux tiers 2 fois », « des tiers 2 »: a fraction or third parties)
        tier = f"catégorie {_TIER_NUMBERS.get(found.group(2), found.group(2))}"
        if found.group(1):
            flags.append(Flag(link.number, side, "untranslated", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} » leaves the TIP Report's English word: its French says « {tier} ».", tier))
        else:
            flags.append(Flag(link.number, side, "term-garbled", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} » calques the TIP Report's \"Tier\" (« tiers » is a third): its French says « {tier} ».", tier))
    for found in matches_in(_SPLIT_ORDINAL, text):
        flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                          f"« {found.group(0)} » is not how French writes an ordinal: « 1er ».", "1er"))
    for found in matches_in(_APPOSITION_LEFT_OPEN, text):
        name = found.group(2)
        flags.append(Flag(link.number, side, "typography", "warning", found.start(2), found.end(3), text[found.start(2):found.end(3)],
                          f"« {name} » is set off by a comma after « {found.group(1).strip()} »: close it with another "
                          f"(« {name}, {found.group(3)} »).", f"{name}, {found.group(3)}"))
    flags += _garbled_forms(link, side, context)
    flags += _names_without_their_hyphen(link, side, context)
    return flags


_HYPHENLESS_NAMES: dict = {}


def _hyphenless_names(glossary: Glossary) -> list[tuple[re.Pattern, str]]:
    """For each listed French official name with a hyphen between two words (« Haut-Commissariat des Nations Unies aux droits de
    l'homme »), the pattern of that name written with a space for the hyphen, and the name."""
    def build() -> list[tuple[re.Pattern, str]]:
        found = []
        for entry in glossary.entries("fr"):
            if entry.status == "forbidden" or not entry.term[:1].isupper() or glossary.subject(entry.concept) not in _NAME_SUBJECTS:
                continue
            parts = re.split(r"(?<=[^\W\d_])-(?=[^\W\d_])", entry.term)
            if len(parts) > 1:
                pattern = r"[ \u00a0]".join("".join("['’]" if char in "'’" else re.escape(char) for char in part) for part in parts)
                found.append((re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE), entry.term))
        return found

    return per_glossary(_HYPHENLESS_NAMES, glossary, build)


def _names_without_their_hyphen(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """An official name written with a space where it has a hyphen (« le Haut Commissariat des Nations Unies aux droits de l'homme »):
    the term matcher reads « Haut Commissariat » as two words, so the name is not found at all without this."""
    text = link.texts[side]
    return [Flag(link.number, side, "term-garbled", "error", found.start(), found.end(), found.group(0),
                 f"« {found.group(0)} » is an official name, written with its hyphen: « {name} ».", name)
            for pattern, name in _hyphenless_names(context.glossary) for found in matches_in(pattern, text)]


def _maximal_matches(matches: list) -> list:
    """The longest matches, and those that overlap one without lying inside it (chained terms sharing a word)."""
    chosen = longest_matches(matches)
    return sorted(chosen + [match for match in matches if match not in chosen and all(
        not (other.start <= match.start and match.end <= other.end) for other in chosen)], key=lambda match: match.start)


def _garbled_forms(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A French glossary term with a plural word made singular after « de/des/aux » (« traite de personne », « des être humains », « aux
    fin d'exploitation »), without its article after « contre » (« contre traite des êtres humains »), or an official name whose small
    words differ from every listed form (« …contre la traite des êtres humains » for the Day's « …d'êtres humains »)."""
    text = link.texts[side]
    glossary = context.glossary
    words = tokenize(text, "fr")
    flags = []
    # a term found across a gap (« personnes seront victimes de la traite ») must not hide the terms it overlaps, nor one term another
    # that shares a word with it (« victimes de la traite de personne »: two chained terms)
    for match in _maximal_matches([found for found in link.matches.get(side, []) if not found.gap]):
        if match.status == "forbidden" or match.type != "term":
            continue
        entry = next((e for e in glossary.concept_entries(match.concept, "fr") if e.term == match.entry), None)
        if entry is None:
            continue
        severity = "error"
        inside = [word for word in words if match.start <= word.start and word.end <= match.end and not word.article]
        before = [word for word in words if word.end <= match.start]
        message = ""
        if len(inside) == len(entry.words):
            for index, (word, term_word) in enumerate(zip(inside, entry.words)):
                if (index and term_word.surface.endswith(("s", "x")) and not word.surface.endswith(("s", "x")) and word.lemma == term_word.lemma
                        and (inside[index - 1].surface in ("de", "d", "des") or text[inside[index - 1].start:inside[index - 1].end].lower() == "aux")
                        and not _article_between(words, inside[index - 1], word)):
                    message = f"« {word.text} » should be plural here, as in « {entry.term} »."
                    break
        if not message and inside and entry.words[0].surface == "traite" and inside[0].surface == "traites":
            # (the crime's name is not counted: « les traites négrières », the historical slave trades, are no term of the glossary;
            # other crimes' nouns are counted, « les trafics d'organes », « des escroqueries en ligne »)
            message = f"« {inside[0].text} »: the crime is named in the singular (« {entry.term} »)."
        if (not message and len(inside) == len(entry.words) and not _INCLUSIVE_ENDING.match(text, match.end)
                and not _ANOTHER_ADJECTIVE_AFTER.match(text, match.end)):  # (« les secteurs privé et public »: one each)
            coordinated = _COORDINATED_NOUN_BEFORE.search(text, 0, match.start)
            complemented = _COMPLEMENTED_NOUN_BEFORE.search(text, 0, match.start) if side == "fr" and link.texts.get("en") else None
            if complemented and not _term_modifies_the_noun_in_english(link, match.concept, complemented.group(1), glossary):
                complemented = None
            message = _broken_agreement(inside, entry, coordinated=(coordinated.group(1) or "?").lower() if coordinated else None,
                                        complemented=complemented.group(1) if complemented else None)
        if not message and before and before[-1].surface == "contre" and not inside[0].stop and inside[0].surface == fold(inside[0].surface):
            message = f"« contre » needs an article before « {match.term} » (« contre la {match.term} »)."
        if not message and glossary.subject(match.concept) in _NAME_SUBJECTS and match.term[:1].isupper():
            listed = glossary.concept_entries(match.concept, "fr")
            if "-" in match.term and not any("-" in other.term for other in listed):
                message = f"« {match.term} » is an official name, written without a hyphen: « {entry.term} »."
            elif (_small_words(match.term) not in {_small_words(other.term) for other in listed}
                  and len(_small_words(match.term)) == len(_small_words(entry.term)) and _written_as_listed(listed, context)):
                # house styles differ (« des êtres humains » at the Council of Europe): a deviation counts when the same
                # text also writes the name as listed
                message = f"« {match.term} » is an official name, written « {entry.term} » (as elsewhere in this text)."
        if (not message and glossary.subject(match.concept) in _NAME_SUBJECTS and not match.term.isupper()
                and (entry.term[:1].isupper() or any(word[:1].isupper() for word in re.findall(r"[^\W\d_]+", entry.term)[1:]))):
            # (a title listed in lower case but for a later word, « secrétaire d'État », keeps that word's capital)
            recased = _other_capitals(match.term, [other.term for other in glossary.concept_entries(match.concept, "fr") if other.status != "forbidden"])
            if recased:
                word, listed_term = recased
                either_way = (match.concept, word) in _CAPITALS_EITHER_WAY
                if either_way and match.term[:1] != entry.term[:1]:  # (« l'organisation internationale du travail »: a common noun)
                    word, listed_term = match.term.split()[0], entry.term.split()[0]
                message = f"« {match.term} » is an official name: « {word} » is written « {listed_term} » (capitals are part of the name)."
                if either_way and match.term[:1] == entry.term[:1]:
                    severity, message = "info", message[:-1] + "; usage varies."
        if message:
            flags.append(Flag(link.number, side, "term-garbled", severity, match.start, match.end, match.term, message, entry.term))
        elif len(inside) == len(entry.words):
            flags += _lost_accents(link.number, side, text, inside, entry.words, context.document_texts.get(side, ""))
    return flags


_TERM_PAIRS: dict[int, tuple[Glossary, dict[tuple[str, str], str]]] = {}


def _term_pairs(glossary: Glossary) -> dict[tuple[str, str], str]:
    """(noun lemma, adjective lemma) → a French term holding the two side by side, for each pair of the glossary's French terms that
    agree there (« êtres humains » in « traite des êtres humains », « fins sexuelles », « travail forcé »)."""
    def build() -> dict[tuple[str, str], str]:
        pairs: dict[tuple[str, str], str] = {}
        for entry in glossary.entries("fr"):
            if entry.status == "forbidden" or entry.type != "term":
                continue
            for noun, adjective in itertools.pairwise(entry.words):
                if not noun.stop and not adjective.stop and not disagreeing_adjective(noun.text, adjective.text):
                    pairs.setdefault((noun.lemma, adjective.lemma), entry.term)
        return pairs

    return per_glossary(_TERM_PAIRS, glossary, build)


def _term_pairs_out_of_agreement(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A glossary term's noun and adjective side by side outside the term, the adjective inflected against the noun (« trafiquants
    d'êtres humaine », « à des fins sexuelle »): inside a matched term the garbled-term check says it (`_broken_agreement`). Two words
    apart, not a compound (« nord-américaine »)."""
    pairs = _term_pairs(context.glossary)
    words = [word for word in tokenize(link.texts[side], "fr") if not word.article]
    flags = []
    for noun, adjective in itertools.pairwise(words):
        term = pairs.get((noun.lemma, adjective.lemma))
        if (term is None or link.texts[side][noun.end:adjective.start] not in (" ", "\u00a0") or _INCLUSIVE_ENDING.match(link.texts[side], adjective.end)
                or any(match.start <= noun.start and adjective.end <= match.end for match in link.matches.get(side, []))
                or not disagreeing_adjective(noun.text, adjective.text)):
            continue
        head = _COMPLEMENTED_NOUN_BEFORE.search(link.texts[side], 0, noun.start)
        if head is not None and not disagreeing_adjective(head.group(1), adjective.text):
            continue  # « des voies de migration sûres »: the adjective agrees with the noun the term's noun completes
        flags.append(Flag(link.number, side, "typography", "warning", noun.start, adjective.end, link.texts[side][noun.start:adjective.end],
                          f"« {adjective.text} » does not agree with « {noun.text} » (as in « {term} »).", ""))
    return flags


_COORDINATED_NOUN_BEFORE = re.compile(r"(?:\b(la|une|cette|sa|le|un|ce|cet|son)\s+|^\s*|[,:;]\s+)[^\W\d_]{2,}[^\W\d_sx]\s+(?:et|ou)\s+"
                                      r"(?:de\s+la\s+|de\s+l['’]|la\s+|le\s+|les\s+|l['’]|du\s+|des\s+|de\s+|d['’])?$", re.IGNORECASE)
"""« de la traite et de l'exploitation »: a singular noun, with a determiner that tells its gender, coordinated before the term's first
noun (see `_broken_agreement`; after a plural one, « les gouvernements et la société civiles », the adjective would be masculine); or a
bare noun opening the sentence or a clause (« Prostitution ou mendicité forcées »: its gender unknown, "?")."""
_COMPLEMENTED_NOUN_BEFORE = re.compile(r"\b([^\W\d_]{3,})\s+(?:de|d['’])\s*$", re.IGNORECASE)
"""« conditions de travail décentes »: the term's first noun completes a noun before it, which the adjective may agree with instead."""
_INCLUSIVE_ENDING = re.compile(r"[·•.][^\W\d_]{1,3}(?:[·•.][^\W\d_]{1,2})?\b")
"""« travailleuses migrant·e·s », « Canadien.ne.s »: a word in inclusive writing agrees with both genders and numbers."""
_ANOTHER_ADJECTIVE_AFTER = re.compile(r"[ \u00a0]+(?:et|ou)[ \u00a0]+(?:public|publique|privé|privée|national|nationale|international|"
                                      r"internationale|local|locale|régional|régionale|formel|formelle|informel|informelle|civil|civile|"
                                      r"pénal|pénale|fédéral|fédérale|provincial|provinciale|municipal|municipale)(?![\w’'-])")
"""« les secteurs privé et public », « les droits national et international »: a plural noun shared out between two adjectives."""
_FEMININE_DETERMINERS = frozenset({"la", "une", "cette", "sa"})


def _broken_agreement(inside: list, entry, *, coordinated: str | None = None, complemented: str | None = None) -> str:
    """A term's adjective inflected so that it no longer agrees with the term's noun before it (« traite d'êtres humaines »):
    the glossary's own form shows the two words go together, so the adjective cannot belong to another noun of the sentence —
    unless the term's first noun is the second of two coordinated nouns and the adjective after it is in the plural, agreeing with
    both (`coordinated`, the determiner of the noun before: « de la traite et de l'exploitation sexuelles »; a feminine plural only
    after a feminine noun, since a masculine one makes the shared adjective masculine), or unless that noun completes another one the
    adjective agrees with and the adjective has that noun's gender, not the term's (`complemented`: « des conditions de travail
    décentes »; « victimes d'exploitation sexuelles » is the term's adjective with an s too many)."""
    for index in range(1, min(len(inside), len(entry.words))):
        before = index - 1
        while before > 0 and negation_word(entry.words[before].text) and inside[before].surface == entry.words[before].surface:
            before -= 1  # the noun before « non » (« mineur non accompagné »)
        noun, adjective, term_noun, term_adjective = inside[before], inside[index], entry.words[before], entry.words[index]
        if (coordinated and before == 0 and adjective.surface == term_adjective.surface + "s"
                and (not adjective.surface.endswith("es") or coordinated in _FEMININE_DETERMINERS or coordinated == "?")):
            continue
        if (complemented and before == 0 and any(":N" in morph for morph in morphologies(complemented))
                and not disagreeing_adjective(complemented, adjective.text) and other_gender(term_noun.text, adjective.text)):
            continue
        if ((noun.surface, adjective.surface) != (term_noun.surface, term_adjective.surface)
                and all(inside[next_one].start - inside[next_one - 1].end <= 1 for next_one in range(before + 1, index + 1))
                and not disagreeing_adjective(term_noun.text, term_adjective.text) and disagreeing_adjective(noun.text, adjective.text)):
            return f"« {adjective.text} » does not agree with « {noun.text} » (« {entry.term} »)."
    return ""


def _term_modifies_the_noun_in_english(link: LinkView, concept: str, noun: str, glossary: Glossary) -> bool:
    """Whether the English writes the term's words, or its first one, as the modifier of the noun before « de », its cognate right
    after them (« conditions de travail décentes » is "decent working conditions" or "decent conditions of work"; « formes de travail
    forcées » against "forms of forced labour", or against an English without the term, keeps the term's adjective a slip)."""
    english, cognate = link.texts["en"], fold(noun)[:5].lower()  # ("conditions" / « conditions »: the first five letters)
    for other in link.matches.get("en", []):
        following = re.match(r"[ \u00a0]+([^\W\d_]+)", english[other.end:])
        if other.concept == concept and following and fold(following.group(1))[:5].lower() == cognate:
            return True
    modifiers = {entry.words[0].text.lower() for entry in glossary.concept_entries(concept, "en") if entry.words and not entry.words[0].stop}
    return any(re.search(rf"(?<![\w-]){re.escape(modifier)}[ \u00a0]+{re.escape(cognate)}", fold(english).lower()) for modifier in modifiers)


def _guillemet_spacing(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """French guillemets hold a space inside (« actes criminels »); one written without it is a slip when the same text spaces its
    other guillemets (texts that never space them follow a house style or lost their narrow spaces on the way)."""
    text = link.texts[side]
    if "«" not in text and "»" not in text:
        return []
    document = context.document_texts["fr"] or text
    if not _GUILLEMET_SPACED.search(document):
        return []
    unspaced_count, spaced_count = len(_GUILLEMET_UNSPACED.findall(document)), len(_GUILLEMET_SPACED.findall(document))
    if unspaced_count > spaced_count:
        return []  # the text's own convention (or narrow spaces lost on the way)
    if unspaced_count * 2 > spaced_count:
        # no spacing the text keeps to: a guillemet is still a slip when the other one of its pair is spaced (« … justice»)
        unspaced = [found for pair in _GUILLEMET_PAIR.finditer(text) if bool(pair.group(1)) != bool(pair.group(2))
                    for found in _GUILLEMET_UNSPACED.finditer(text, pair.start(), pair.end())]
    else:
        unspaced = list(_GUILLEMET_UNSPACED.finditer(text))
    flags = []
    for found in unspaced:
        word = re.search(r"\S+$", text[:found.start()]) if found.group(0) == "»" else re.match(r"\S+", text[found.end():])
        start, end = (word.start(), found.end()) if found.group(0) == "»" and word else (found.start(), found.end() + (word.end() if word else 0))
        flags.append(Flag(link.number, side, "typography", "warning", start, end, text[start:end],
                          "French guillemets take a space inside them, as elsewhere in this text.", ""))
    return flags


_CAPITALS_EITHER_WAY = frozenset({("human-rights-council", "Homme"), ("uisg", "Supérieures"), ("ilo", "travail"),
                                  ("international-labour-office", "travail")})
"""« le Conseil des droits de l’Homme »: France's government and the Mauritian press write the capital, the UN does not; none of the 4
such uses on the readable parts was marked (the Declaration's and the European Court's « droits de l’Homme » were, 2 of 3). « l'Union
internationale des Supérieures générales »: the union's own capital, which the Catholic press writes in small letters. « l'Organisation
internationale du travail »: the usual French capitals (the ILO writes « Travail »); revisers marked 20 of 42 such flags. Information, when
the name's first word has its listed capital (« l'organisation internationale du travail » is written as a common noun)."""


def _other_capitals(written: str, listed: list[str]) -> tuple[str, str] | None:
    """The word of an official name written with another capital than in every listed form with the same letters
    (« Conseil de Sécurité » for « Conseil de sécurité »), and that listed word; None when the letters differ from every form."""
    words = re.findall(r"[^\W\d_]+", written)
    differing = None
    for term in listed:
        term_words = re.findall(r"[^\W\d_]+", term)
        if len(term_words) != len(words) or any(fold(a).lower() != fold(b).lower() for a, b in zip(words, term_words)):
            continue
        changed = [(a, b) for index, (a, b) in list(enumerate(zip(words, term_words)))[1:]
                   if a != b and a[:1].isupper() != b[:1].isupper() and not _lowered_adjective(a, b, words[index - 1])]
        if not changed:
            return None  # written as this listed form
        differing = differing or changed[0]
    return differing


def _lowered_adjective(written: str, listed: str, before: str) -> bool:
    """An adjective after a capitalised noun of a name written in lower case where the listed form capitalises it (« Nations
    unies », « Organisation des Nations unies »): French typography capitalises an organisation's first noun alone (Imprimerie
    nationale; the Académie), a form many French texts follow, so it is not a garbled name. A noun lowered (« Organisation
    internationale du travail » for the ILO's « du Travail ») still is."""
    if not (written[:1].islower() and listed[:1].isupper() and before[:1].isupper()):
        return False
    from align.checks.grammar import french_checker

    checker = french_checker()
    return checker is not None and any(":A" in morph for morph in checker.getSpellChecker().getMorph(written))


def _article_between(words: list, first, second) -> bool:
    """Whether an article stands between two words of a term occurrence (« hébergement d'une personne » is one person, by choice)."""
    return any(word.article and first.end <= word.start and word.end <= second.start for word in words)


def _lost_accents(number: int, side: str, text: str, inside: list, term_words: tuple, document: str = "") -> list[Flag]:
    """A word of a glossary term written without an accent of a lower-case letter (« etres humains », « travail force »).

    The matcher accepts the accentless form so that the term is still recognised; in an official text it is still a slip.
    Capitals are left alone: French usage often drops accents on them (« Etats »). The circumflex of i and u dropped
    (« chaine ») is the 1990 rectified spelling, which French authorities accept: a slip only where the same text also
    writes the traditional form."""
    flags = []
    for word, term_word in zip(inside, term_words):
        written, listed = word.text, term_word.text
        if word.surface == term_word.surface and fold(written.lower()) != fold(listed.lower()):
            continue  # a contraction of the term's small word (« aux » for « à »), not the word without its accent
        lost = [index for index in range(min(len(written), len(listed)))
                if listed[index].islower() and fold(listed[index]) != listed[index] and written[index] == fold(listed[index])
                and fold(written[:index + 1]).lower() == fold(listed[:index + 1]).lower()]
        if lost:
            right = "".join(listed[index] if index in lost else char for index, char in enumerate(written))
            if all(listed[index] in "îû" for index in lost) and not re.search(rf"\b{re.escape(right)}\b", document, re.IGNORECASE):
                continue  # the rectified spelling, kept throughout the text
            flags.append(Flag(number, side, "term-garbled", "warning", word.start, word.end, written,
                              f"« {written} » has lost its accent: « {right} ».", right))
    return flags


def _written_as_listed(entries: list, context: CheckContext) -> bool:
    """Whether the French document writes one of these glossary names exactly (apostrophes and case aside)."""
    return any(fold(entry.term.replace("’", "'")) in context.folded_texts["fr"] for entry in entries)


def _small_words(term: str) -> tuple[str, ...]:
    """The function words of a name in order, elision kept (« d' » is not « des »)."""
    return tuple(_CONTRACTIONS[word] for word in re.findall(r"[^\W\d_]+", fold(term.replace("’", "'"))) if word in _CONTRACTIONS)


_NAME_PHRASE = re.compile(r"\b(?=(([A-ZÀ-Ý][a-zà-ÿ]+)\s+([A-Za-zÀ-ÿ][a-zà-ÿ]+)\b))")
"""Two words, the first capitalised; a lookahead, so that « La Représentante Spéciale » yields both pairs."""
_DETERMINERS = frozenset({"Le", "La", "Les", "Un", "Une", "Ce", "Cet", "Cette", "Ces", "Son", "Sa", "Ses", "Leur", "Leurs", "Notre", "Nos"})
_HYPHENATED = re.compile(r"\b([a-zà-ÿ]+)-([a-zà-ÿ]+)\b")
_LONG_WORD = re.compile(r"\b[a-zà-ÿ]{6,}\b")


@lru_cache(maxsize=50_000)
def _spellings(text: str) -> tuple[tuple, tuple, tuple]:
    """(key, span, form) of the capitalised two-word names, hyphenated words and plain words of six letters or more of a text."""
    phrases = []
    for match in _NAME_PHRASE.finditer(text):
        if match.group(3).lower() in ("de", "des", "du", "la", "le", "les", "et", "en") or match.group(2) in _DETERMINERS:
            continue  # (« Le Service national … » / « Le service téléphonique … »: an article opening a sentence compares only the
            # noun after it, a name in one sentence and the common noun in the next)
        phrase = match.group(1)
        phrases.append(("case:" + phrase.lower(), (match.start(), match.start() + len(phrase)), phrase))
    hyphens = [("hyphen:" + match.group(1) + match.group(2), match.span(), match.group(0)) for match in _HYPHENATED.finditer(text)]
    words = [("hyphen:" + word.group(0), word.span(), word.group(0)) for word in _LONG_WORD.finditer(text)]
    return tuple(phrases), tuple(hyphens), tuple(words)


_LISTED_WORD_PAIRS: dict = {}


def _listed_word_pairs(glossary: Glossary) -> frozenset[str]:
    """Two consecutive words of the glossary's French names, capitals as listed (« Nations Unies », « Organisation internationale »)."""
    def build() -> frozenset[str]:
        return frozenset(f"{first} {second}" for entry in glossary.entries("fr") if entry.term[:1].isupper() and entry.status != "forbidden"
                         for first, second in itertools.pairwise(entry.term.split()))

    return per_glossary(_LISTED_WORD_PAIRS, glossary, build)


def spelt_two_ways(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """In one French text: a name capitalised two ways (« Conseil Permanent » / « Conseil permanent »), a word with and
    without a hyphen (« co-ordinatrice » / « coordinatrice »). The form in the minority is flagged (ties: the capitalised,
    the hyphenated form, which French usage avoids), unless the glossary writes a name that way (« Nations Unies » is the UN's spelling,
    « Nations unies » the usual French one: both are right)."""
    spellings = [_spellings(link.texts["fr"]) for link in links]
    # a plain word matters only when some text writes it with a hyphen (the review app re-runs this over a whole document per correction)
    hyphenated = {key for phrases, hyphens, _ in spellings for key, _, _ in hyphens}
    found: dict[str, list[tuple[LinkView, tuple[int, int], str]]] = {}
    for link, (phrases, hyphens, words) in zip(links, spellings):
        for key, span, form in phrases + hyphens:
            found.setdefault(key, []).append((link, span, form))
        for key, span, form in words:
            if key in hyphenated:
                found.setdefault(key, []).append((link, span, form))
    flags = []
    for key, uses in found.items():
        forms = Counter(form for _, _, form in uses)
        if len(forms) < 2 or (key.startswith("hyphen:") and not any("-" in form for form in forms)):
            continue
        if key.startswith("case:") and not all(form[:1].isupper() for form in forms):
            continue
        usual = max(forms, key=lambda form: (forms[form], "-" not in form, -sum(char.isupper() for char in form)))
        listed = _listed_word_pairs(context.glossary) if key.startswith("case:") else frozenset()
        for link, (start, end), form in uses:
            if form != usual and form not in listed:  # (« Nations Unies » beside « Nations unies »: the UN's own spelling, as listed)
                flags.append(Flag(link.number, "fr", "term-inconsistent", "warning", start, end, form,
                                  f"« {form} » is written « {usual} » elsewhere in this text ({forms[usual]}×); write it one way.", usual))
    return flags


WRITING = Check("writing-slips", "side", writing_slips, ("typography", "term-garbled", "untranslated"))
SPELT_TWO_WAYS = Check("spelt-two-ways", "document", spelt_two_ways, ("term-inconsistent",))
