"""Typography a reviser corrects, judged against the document's own usage where house styles differ.

French typography varies by publisher: France and the Council of Europe space « : ; ! ? », Quebec and many Canadian texts
space the colon alone, some never space either; guillemets are spaced or not; so most rules here are document-relative: a
text that spaces its high punctuation everywhere but once, or writes a name two ways, has a slip. What no house style
writes is reported wherever it is (« 24ème », a stray semicolon after a dash, words run together after a small word). Capitals
(« Ministère Italien », « secrétaire d'état ») are Grammalecte's (`align.checks.grammar`).

Measured on the five parts of eval/ (eval/README.md, "Sixth round"): every rule here is a warning unless said otherwise;
a double space inside a sentence is info (the corpus's readers did not ask for it to be corrected in 9 of 10 cases).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from align.checks.base import Check, CheckContext, LinkView, matches_in
from align.checks.language import among_english_words
from align.model import Flag
from align.terms.glossary import Glossary, per_glossary

_SPACES = " \u00a0\u202f"
_BEFORE_SENTENCE = frozenset(_SPACES + "«“\"'’(–—-")
_COLON_SPACED = re.compile(r"(?<=[^\s])[ \u00a0\u202f]:(?=\s|$)")
_COLON_UNSPACED = re.compile(r"(?<=[^\W\d_])(:)(?=\s|$)")
"""A colon glued to a word and followed by a space: not a time (« 10:30 »), a web address or a reference (« art.3:2 »)."""
_OTHER_SPACED = re.compile(r"(?<=[^\s])[ \u00a0\u202f][;!?](?=\s|$|[»”)])")
_OTHER_UNSPACED = re.compile(r"(?<=[^\W\d_])([;!?])(?=\s|$)")
_STRAY_AFTER_DASH = re.compile(r"(?<=\s)([–—])([;,])(?=\s)")
"""« ont ratifié –; Niger »: punctuation glued to a dash (an HTML entity half decoded, or an edit left over)."""
_WRONG_ORDINAL = re.compile(r"(?<![\w,.])(\d+|[IVX]{1,5})(ème|eme|ième|ieme|è|ère|ere)(s?)(?![\w-])")
"""« 24ème », « 1ère », « IVème »: French abbreviates ordinals « 24e », « 1re », « IVe » (« 1 er » is `align.checks.writing`'s; « 2nd » is
usual)."""
_BARE_ROMAN_ORDINAL = re.compile(r"(?<![\w.’'-])(X{0,3}(?:IX|IV|VI{0,3}|I{2,3}))(?= (?:[Cc]onférence|[Cc]ongrès|[Ff]orum|[Ss]ommet|[Cc]olloque|"
                                 r"[Ss]ession|[Rr]éunion|[Rr]encontre|[Jj]ournée|[Aa]ssemblée|[Éé]dition|[Ss]alon)s?\b)")
"""« la III Conférence mondiale »: a Roman numeral before the event it counts is an ordinal, « IIIe » (the Spanish and Portuguese write it
bare); not « Louis XIV », « titre III » (the numeral after its noun)."""
_SAYING = ("(?:déclar|ajout|affirm|soulign|expliqu|précis|indiqu|rappel|estim|not|insist|comment|lanc|observ|assur|martel|témoign|racont|"
           "confi|inform)(?:é|e|a|ait)|rappelle|dit|conclu|conclut|poursuit|poursuivi|reconnu|reconnaît|prévenu|prévient|se réjouit")
_INVERTED = r"(?:-t)?-(?:il|elle)"
_INCISE_AFTER_QUOTE = re.compile(r"[»”][ \u00a0\u202f]+(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle))?[ \u00a0\u202f]+"
                                 r"(?:(?:aussi|également|encore|alors|ensuite|enfin)[ \u00a0\u202f]+)?)?"
                                 rf"(?:{_SAYING})(?:{_INVERTED})?(?![\w-])")
"""A closing guillemet (or curly quotation mark) followed by a verb of saying: the incise (« …, » a-t-il dit; « … », a déclaré la ministre;
« … » souligne-t-elle) needs its comma."""
_DOUBLE_SPACE = re.compile(r"(?<=\S)( {2,})(?=\S)")
_SPACED_UNIT = re.compile(r"\d( )(?=[%$€])")
_PERCENT_SPACED = re.compile(r"\d[ \u00a0\u202f]%")
_PERCENT_GLUED = re.compile(r"(\d+(?:[,.]\d+)?)%")
_PRIME_QUOTE = re.compile(r"(?<!\d)[ʺ″˝ʹ′](?=\s?[^\W\d_])|(?<=[^\W\d_])\s?[ʺ″˝ʹ′]|(?<!<)<<(?=\s?[^\W\d_])"
                          r"|(?<=[^\W\d_])\s?>>(?!>)(?![ \u00a0]*\.?[ \u00a0]*(?:\n|$))")
"""A prime, double prime or modifier letter next to a word (not after a figure: 5′, 30″ are minutes and seconds), or two angle brackets
typed for a guillemet (« intitulé <<Les travailleurs », « des enfants >> a été », « entre autres<< gagner »: the three in the corpus,
all annotated); not ">>" ending
a line, a link's arrow ("Download the handbook: … >> .")."""
_SPACE_BEFORE_MARK = re.compile(r"(?:(?<=[^\W\d_])|(?<=\))|(?<=[\d»”])(?=[ \u00a0\u202f]+,))[ \u00a0\u202f]+([,.)])(?=[\s,;:]|$)")
_SPACE_AFTER_PARENTHESIS = re.compile(r"(\()[ \u00a0\u202f]+(?=[^\W_])")
"""A space before a comma, a full stop or a closing parenthesis ("Miville-Dechêne .") or after an opening one ("( WACAP)"): wrong in
both languages' conventions (a stop before a figure, « calibre .45 », an ellipsis, or a stop after a footnote's number, « de l’UE 1 . »,
is not matched; a comma after a figure or a closing quotation mark is, « 24 heures sur 24 , 7 jours sur 7 », « … économique » , a-t-il
dit »)."""
_GLUED_SMALL_WORD = {
    "en": re.compile(r"(?<![\w’'-])(and|the|of|to|in|for|with|by|on|at|or|from)([A-Z][a-z]+\.?)(?![\w’'-])"),
    "fr": re.compile(r"(?<![\w’'-])(et|de|des|du|la|le|les|en|pour|par|sur|avec|à)([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-])"),
}
"""« andAmb. », « àLibreville »: a small word run into the capitalised word after it (a name, a title): a space lost."""
_HYPHENATED_NAME = re.compile(r"(?<![\w’'-])([A-ZÀ-Ý][a-zà-ÿ]+)-((?:d|l)[’']\s?)?([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w-])")
_WORD = re.compile(r"[^\W_]+")
_CASE_WINDOW = 5
_PHRASE_BREAK = re.compile(r"[.!?:;()«»\"“”]")
"""Words in the phrases compared for capitals: long enough to be one name, not a common phrase."""
_INTRODUCES_ACRONYM = re.compile(r"(?:[\s’']+(?:[A-ZÀ-Ý][\w-]*|de|des|du|la|le|les|et|d|l|pour|contre|en|au|aux|sur))*\s*\(\s*[A-Z][A-Za-z]*[A-Z]\s*\)")
"""The rest of a capitalised name up to the acronym it introduces in brackets."""


def typography(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """The document-relative typography of the French (spacing of high punctuation, names spelt two ways) and the rules that
    hold whatever the house style, on the French and the official English."""
    flags = []
    sides = ("fr", "en") if context.has_official else ("fr",)
    for side in sides:
        texts = [(link, link.texts[side]) for link in links if link.texts[side]]
        if not texts:
            continue
        flags += (_glued_small_words(texts, side) + _double_spaces(texts, side) + _spaces_inside_punctuation(texts, side)
                  + _primes_for_quotes(texts, side))
        if side == "fr":
            flags += _incise_without_comma(texts) + _reversed_guillemets(texts) + _incise_closed_only(texts)
            flags += (_high_punctuation(texts) + _glued_percent(texts) + _stray_after_dash(texts) + _case_variants(texts, context.glossary)
                      + _wrong_ordinals(texts))
            if context.has_official:
                flags += _hyphenated_names(texts, " ".join(link.texts["en"] for link in links if link.texts["en"]))
    return flags


def _high_punctuation(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    """A colon, or « ; ! ? », glued to the word before it in a French text that spaces them elsewhere.

    A text that spaces any high punctuation sign follows the French convention, which always spaces the colon; the others are
    judged apart, since Quebec and Canadian usage spaces the colon alone (« Nota : … ; … »)."""
    spaced_colons = sum(len(matches_in(_COLON_SPACED, text)) for _, text in texts)
    spaced_others = sum(len(matches_in(_OTHER_SPACED, text)) for _, text in texts)
    flags = []
    for pattern, spaced, what in ((_COLON_UNSPACED, spaced_colons + spaced_others, "colon"), (_OTHER_UNSPACED, spaced_others, "other")):
        glued = [(link, text, found) for link, text in texts for found in matches_in(pattern, text)]
        if spaced < 2 or len(glued) >= spaced:
            continue  # the text's own convention, or no convention to judge by
        for link, text, found in glued:
            word = re.search(r"\S+$", text[:found.start(1)])
            start = word.start() if word else found.start(1)
            mark = found.group(1)
            if among_english_words(text, start, found.start(1)):
                continue  # an English passage keeps English punctuation ("Also available in English under the title: …")
            flags.append(Flag(link.number, "fr", "typography", "warning", start, found.end(1), text[start:found.end(1)],
                              f"« {mark} » without a space before it, where this text spaces its {'high punctuation' if what == 'colon' else '« ; ! ? »'} "
                              f"({spaced}×): « {text[start:found.start(1)]} {mark} ».", f"{text[start:found.start(1)]}\u202f{mark}"))
    return flags


def _glued_percent(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    """« 32% » in a French text that writes « 43 % » as often or more: French spaces the sign, and the text says it follows the rule."""
    spaced = sum(len(matches_in(_PERCENT_SPACED, text)) for _, text in texts)
    if not spaced:
        return []
    glued = [(link, found) for link, text in texts for found in matches_in(_PERCENT_GLUED, text)]
    if len(glued) > spaced:
        return []  # the text's own convention
    return [Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                 f"« {found.group(0)} » without a space before « % », where this text spaces it ({spaced}×): « {found.group(1)} % ».",
                 f"{found.group(1)}\u202f%") for link, found in glued]


def _incise_without_comma(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    """« … exploitées » a déclaré le président: a quotation followed by its incise takes a comma, before the closing guillemet
    (Canadian usage) or after it (France's); neither is a slip whatever the house style."""
    flags = []
    for link, text in texts:
        for found in matches_in(_INCISE_AFTER_QUOTE, text):
            mark = found.group(0)[0]
            before = text[:found.start()].rstrip(_SPACES)
            opening = "«" in text[:found.start()] or "“" in text[:found.start()]  # (either closes either: texts mix them)
            if before.endswith((",", "?", "!", "…")) or not opening:
                continue  # the comma is there (or a question, an exclamation, which need none); no opening mark: not a quotation
            verb = found.group(0)[1:].strip()
            flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} »: the incise after a quotation needs a comma (« … », {verb}).", f"{mark}, {verb}"))
    return flags


_INCISE_CLOSED_ONLY = re.compile(r"([^\W\d_]+)(\s+)((?:quant à (?:lui|elle|eux|elles|nous|moi)|à ce titre|par ailleurs|en effet|en outre|"
                                 r"toutefois|cependant|néanmoins|pour (?:sa|leur) part|de (?:son|leur) côté|d['’]ailleurs|"
                                 rf"en revanche|par conséquent|(?:a|avait)-t-(?:il|elle) (?:{_SAYING})|(?:{_SAYING}){_INVERTED}),)")
"""An adverbial that French always sets off (« quant à lui », « à ce titre », an incise of saying, « dit-elle », « a-t-elle ajouté »),
closed by a comma after a word with none before it (« Madagascar quant à lui, », « Car dit-elle, », « elle orientera a-t-elle ajouté, »):
the incise is closed but never opened."""


def _incise_closed_only(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    return [Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                 f"« {found.group(3)} » closes an incise that no comma opens: « {found.group(1)}, {found.group(3)} ».",
                 f"{found.group(1)}, {found.group(3)}")
            for link, text in texts for found in matches_in(_INCISE_CLOSED_ONLY, text)]


_REVERSED_GUILLEMET = re.compile(r"(?:(?<=\s)|^)»(?=[^\W\d_])|(?<=[^\W\d_])«(?=[\s.,;:!?]|$)|(?:(?<=\s)|^)«(?=[.,;](?:\s|$))")
"""A closing guillemet that opens a word (« qu’ »il ») or an opening one that ends it (« cette année« . ») or stands before the stop
that ends the quotation (« la prostitution juvénile. «. Il y a »)."""


def _reversed_guillemets(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    return [Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                 f"« {found.group(0)} » {'opens' if found.group(0) == '»' else 'closes'} a quotation: the guillemets are the wrong way round "
                 f"(« … »).", "«" if found.group(0) == "»" else "»")
            for link, text in texts for found in matches_in(_REVERSED_GUILLEMET, text)]


def _wrong_ordinals(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    flags = []
    for link, text in texts:
        for found in matches_in(_WRONG_ORDINAL, text):
            number, suffix = found.group(1), found.group(2)
            right = number + ("re" if number in ("1", "I") and suffix in ("ère", "ere") else "e") + found.group(3)
            flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} »: French abbreviates the ordinal « {right} ».", right))
        for found in matches_in(_BARE_ROMAN_ORDINAL, text):
            right = found.group(1) + "e"
            flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                              f"« {found.group(0)} »: a Roman numeral before what it counts is an ordinal, « {right} ».", right))
    return flags


def _stray_after_dash(texts: list[tuple[LinkView, str]]) -> list[Flag]:
    return [Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                 f"« {found.group(2)} » glued to the dash: a stray mark (an HTML entity left half decoded?).", found.group(1))
            for link, text in texts for found in matches_in(_STRAY_AFTER_DASH, text)
            if not (found.group(2) == "," and _INCISE_OPENED.search(text, 0, found.start()))]


_INCISE_OPENED = re.compile(r"\s[–—]\s[^–—.;:!?]+$")
"""An incise opened by a dash earlier in the sentence (« la pauvreté – également provoquée par … –, les conflits »): the comma after its
closing dash is the sentence's own, as French typography writes it."""


def _glued_small_words(texts: list[tuple[LinkView, str]], side: str) -> list[Flag]:
    pattern = _GLUED_SMALL_WORD["fr" if side == "fr" else "en"]
    return [Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                 f"“{found.group(1)}” and “{found.group(2)}” run together: a space is missing.", f"{found.group(1)} {found.group(2)}")
            for link, text in texts for found in matches_in(pattern, text)]


def _primes_for_quotes(texts: list[tuple[LinkView, str]], side: str) -> list[Flag]:
    """A double prime or a modifier letter typed as a quotation mark (« leur prétendu ʺ consentement ʺ »): signs for seconds and
    phonetics, not quotes; or angle brackets for guillemets."""
    quotes = "« »" if side == "fr" else "“ ”"
    return [Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                 f"“{found.group(0)}” is not a quotation mark (write {quotes}).", "")
            for link, text in texts for found in matches_in(_PRIME_QUOTE, text)]


TOKENISED_MIN_MARKS = 5
"""Spaced marks a text needs before its spacing counts as its convention (one sentence with one slip is not a convention)."""
_UNSPACED_MARK = re.compile(r"(?<=[^\W\d_])[,.)](?=[\s,;:]|$)")


def _spaces_inside_punctuation(texts: list[tuple[LinkView, str]], side: str) -> list[Flag]:
    """A space before a comma, a stop or a closing parenthesis, or after an opening one — unless the text spaces them as often as not:
    a tokenised text (« il dit , puis part . », as corpora and some exports are written) follows a convention of its own, and a flag on
    each of its thousands of marks would hide every other flag."""
    spaced = sum(len(matches_in(_SPACE_BEFORE_MARK, text)) for _, text in texts)
    if spaced >= TOKENISED_MIN_MARKS and spaced >= sum(len(matches_in(_UNSPACED_MARK, text)) for _, text in texts):
        return []
    flags = []
    for link, text in texts:
        for pattern, where in ((_SPACE_BEFORE_MARK, "before"), (_SPACE_AFTER_PARENTHESIS, "after")):
            for found in matches_in(pattern, text):
                mark = found.group(1)
                flags.append(Flag(link.number, side, "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"A space {where} “{mark}”.", mark))
    return flags


def _double_spaces(texts: list[tuple[LinkView, str]], side: str) -> list[Flag]:
    """Two spaces inside a sentence: a warning between a figure and its sign (« 28  % ») when the text writes its other figures
    with one space, else info (the corpus's readers left such spaces alone: 1 of 10 annotated)."""
    single_units = sum(len(matches_in(_SPACED_UNIT, text)) for _, text in texts)
    flags = []
    for link, text in texts:
        for found in matches_in(_DOUBLE_SPACE, text):
            if text[found.start() - 1] in ".!?:;»”\"":
                continue  # two spaces after a sentence: typewriter style, one text's habit
            unit = text[found.start() - 1].isdigit() and text[found.end()] in "%$€"
            severity = "warning" if unit and single_units >= 1 else "info"
            start, end = found.start() - 1, found.end() + 1
            flags.append(Flag(link.number, side, "typography", severity, start, end, text[start:end],
                              "Two spaces where one is needed" + (" (the text's other figures have one)." if severity == "warning" else "."),
                              text[start] + " " + text[end - 1]))
    return flags


def _hyphenated_names(texts: list[tuple[LinkView, str]], english: str) -> list[Flag]:
    """A name the English writes in the same letters without a hyphen (« Côte-d'Ivoire » / "Côte d'Ivoire"), hyphenated in the
    French: the hyphen is not the name's (French joins the words of many place names, « Moyen-Orient », but those are
    translated, not written the same in English)."""
    english_plain = english.replace("’", "'")
    in_english = _spaced_names_of(english_plain)
    flags = []
    for link, text in texts:
        for found in matches_in(_HYPHENATED_NAME, text):
            first, article, second = found.group(1), (found.group(2) or "").replace("’", "'").strip(), found.group(3)
            spaced = f"{first} {article}{second}" if article else f"{first} {second}"
            if spaced not in in_english:
                hyphenated = f"{first}-{article}{second}"
                # the plain search first: the pattern's look-behind makes the regex try every position of a long English text
                in_english[spaced] = (spaced in english_plain and hyphenated not in english_plain
                                      and bool(re.search(rf"(?<![\w-]){re.escape(spaced)}(?![\w-])", english_plain)))
            if in_english[spaced]:
                written = spaced.replace("'", "’") if "’" in found.group(0) else spaced
                flags.append(Flag(link.number, "fr", "typography", "warning", found.start(), found.end(), found.group(0),
                                  f"« {found.group(0)} »: the name has no hyphen (the English writes « {spaced} »).", written))
    return flags


_SPACED_NAMES: list[tuple[str, dict[str, bool]]] = [("", {})]
"""The English text last searched and, per spaced name, whether it writes the name so and never hyphenated: the review app checks
the whole document again after each correction, and its English is the same from one correction of the French to the next."""


def _spaced_names_of(english: str) -> dict[str, bool]:
    """What `_hyphenated_names` found in `english` so far (an empty dict for another English text)."""
    last = _SPACED_NAMES[0]
    if last[0] != english:
        last = _SPACED_NAMES[0] = (english, {})  # replaced whole: a run on another document never reads this one's answers
    return last[1]


def _case_variants(texts: list[tuple[LinkView, str]], glossary: Glossary) -> list[Flag]:
    """The same words written with other capitals in one French text (« l'Alliance contre la Traite des Personnes » where the
    text writes « … la traite des personnes » elsewhere; « la journée mondiale de la lutte … » beside « la Journée mondiale … »).

    Phrases of `_CASE_WINDOW` words are compared, a sentence's first word aside; the form in the minority is flagged, and on a
    tie only a form without the capital that begins a listed name (« la journée mondiale de la lutte … »).
    A name that introduces its acronym (« Comité National de Lutte Contre la Traite (CNLTP) ») is the body's own spelling."""
    names = _listed_name_starts(glossary)
    links_of: dict[str, list[LinkView]] = {}  # a TMX repeats its sentences: each distinct text's phrases are found once
    for link, text in texts:
        links_of.setdefault(text, []).append(link)
    spans: dict[int, list[tuple[int, int, str, str, int]]] = {}
    numbers = {link.number: link for link, _ in texts}
    with _PHRASE_INDEX_LOCK:
        index = _PHRASE_INDEX.brought_up_to(links_of.keys())
        varied = [[(text, start, end, form) for text, found in index.uses[key].items() for start, end, form in found] for key in index.varied]
    for occurrences in varied:
        counts: Counter[tuple[str, ...]] = Counter()
        for text, _, _, form in occurrences:
            counts[form] += len(links_of[text])
        if len(counts) < 2 or all(form[1:-1] == occurrences[0][3][1:-1] for form in counts):
            continue  # a difference on the first or last word only: the words around it are not shared (« la 24e Conférence »)
        # (the order of the occurrences decides nothing: two forms ranked alike are a tie, and a tie between forms ranked alike is passed)
        after = {form: {_next_words(text, end) for text, _, end, written in occurrences if written == form} for form in counts}
        begins = {form: any(_begins_listed_name(form, names, words) for words in after[form]) for form in counts}
        ranked = sorted(counts, key=lambda form: (counts[form], begins[form]), reverse=True)
        usual, runner_up = ranked[0], ranked[1]
        tie = counts[usual] == counts[runner_up]
        if tie and (not begins[usual] or begins[runner_up]):
            continue  # a tie: a capital on a common noun (« Conférence ») is a choice the text may make both ways, unless it begins
            # a listed name (« Journée mondiale »)
        # (on a tie, the small letters are the name's only where the text goes on as the name does: « la ligne d'urgence est … » after
        # « la Ligne d'urgence canadienne … » is the service said in common words)
        goes_on = {words[:1] for words in after[usual]}
        for text, start, end, form in occurrences:
            if form == usual or (_title_case(form) and _INTRODUCES_ACRONYM.match(text, end)) or _name_and_common_phrase(form, usual):
                continue
            if tie and _next_words(text, end, 1) not in goes_on:
                continue
            for link in links_of[text]:
                spans.setdefault(link.number, []).append((start, end, " ".join(usual), " ".join(form), counts[usual]))
    flags = []
    for number in sorted(spans):
        text = numbers[number].texts["fr"]
        for start, end, usual, _form, count in _merge(spans[number]):
            # (info: revisers mark one in two of these; capitals inside names are a house choice more often than a slip)
            flags.append(Flag(number, "fr", "typography", "info", start, end, text[start:end],
                              f"« {text[start:end]} » is written with other capitals elsewhere in this text (« {usual} », {count}×).", usual))
    return flags


class _PhraseIndex:
    """The phrases (`_phrases`) of a set of distinct French texts by lower-case key, and the keys written in more than one form.

    Kept between runs and brought up to date with the texts that came and went: the review app checks the whole document again
    after each correction, which changes a text or two of thousands (gathering every phrase of every text again was most of the
    check's time)."""

    def __init__(self) -> None:
        self.texts: set[str] = set()
        self.uses: dict[tuple[str, ...], dict[str, list[tuple[int, int, tuple[str, ...]]]]] = {}
        """key → text → (start, end, form) of each of its phrases with that key."""
        self.varied: set[tuple[str, ...]] = set()
        """The keys whose phrases are not all written alike."""

    def brought_up_to(self, texts: Collection[str]) -> _PhraseIndex:
        """This index for `texts` (changed in place; another document's texts start a new index)."""
        current = set(texts)
        gone, new = self.texts - current, current - self.texts
        if len(gone) + len(new) > len(current):
            self.__init__()
            gone, new = set(), current
        touched: set[tuple[str, ...]] = set()
        for text in gone:
            for key, _, _, _ in _phrases(text):
                by_text = self.uses.get(key)
                if by_text is not None and by_text.pop(text, None) is not None:
                    touched.add(key)
                    if not by_text:
                        del self.uses[key]
        for text in new:
            for key, start, end, form in _phrases(text):
                self.uses.setdefault(key, {}).setdefault(text, []).append((start, end, form))
                touched.add(key)
        for key in touched:
            forms = {form for found in self.uses.get(key, {}).values() for _, _, form in found}
            if len(forms) > 1:
                self.varied.add(key)
            else:
                self.varied.discard(key)
        self.texts = current
        return self


_PHRASE_INDEX = _PhraseIndex()
_PHRASE_INDEX_LOCK = threading.Lock()
"""One index for the process, used by one check at a time (the app's sessions re-check from their own threads)."""


@lru_cache(maxsize=20_000)
def _phrases(text: str) -> tuple[tuple[tuple[str, ...], int, int, tuple[str, ...]], ...]:
    """The phrases of `_CASE_WINDOW` words of one text that `_case_variants` compares: (lower-case key, start, end, forms), the
    first word lower-cased at a sentence start; phrases over punctuation or with two words in capitals (a heading) left out.
    Once per distinct text: the review app's re-check after each correction compares the whole document again."""
    words = list(_WORD.finditer(text))
    if len(words) < _CASE_WINDOW:
        return ()
    forms = [word.group(0) for word in words]
    lowers = [form.lower() for form in forms]
    capitals = [0]  # capitals[i]: words in capitals (two letters or more) before word i
    for form in forms:
        capitals.append(capitals[-1] + (len(form) > 1 and form.isupper()))
    marks = [found.start() for found in _PHRASE_BREAK.finditer(text)]
    breaks = [0]  # breaks[i]: punctuation between consecutive words before word i (a prefix count)
    mark = 0
    for first, second in zip(words, words[1:]):
        gap_start, gap_end = first.end(), second.start()
        while mark < len(marks) and marks[mark] < gap_start:
            mark += 1
        breaks.append(breaks[-1] + (mark < len(marks) and marks[mark] < gap_end))
    phrases = []
    for index in range(len(words) - _CASE_WINDOW + 1):
        last = index + _CASE_WINDOW
        if breaks[last - 1] != breaks[index]:
            continue  # the phrase runs over punctuation
        if capitals[last] - capitals[index] >= 2:
            continue  # a heading in capitals
        start = words[index].start()
        window = forms[index:last]
        if _sentence_start(text, start):
            window[0] = window[0].lower()
        phrases.append((tuple(lowers[index:last]), start, words[last - 1].end(), tuple(window)))
    return tuple(phrases)


_NAME_STARTS: dict[int, tuple[Glossary, dict[tuple[str, str], list[tuple[str, ...]]]]] = {}


def _listed_name_starts(glossary: Glossary) -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """The first two words of the glossary's capitalised French terms (« Journée mondiale ») with, for each, the words that follow them
    in small letters, once per glossary."""
    def build() -> dict[tuple[str, str], list[tuple[str, ...]]]:
        starts: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for entry in glossary.entries("fr"):
            if entry.term[:1].isupper() and len(words := _WORD.findall(entry.term)) >= 2:
                starts.setdefault((words[0], words[1]), []).append(tuple(word.lower() for word in words[2:]))
        return starts

    return per_glossary(_NAME_STARTS, glossary, build)


_FOLLOWING = re.compile(r"[\s’']*([^\W_]+)")


def _next_words(text: str, end: int, count: int = 3) -> tuple[str, ...]:
    """The words after a phrase, in small letters, up to `count` and to the first punctuation mark."""
    words: list[str] = []
    while len(words) < count and (found := _FOLLOWING.match(text, end)):
        words.append(found.group(1).lower())
        end = found.end()
    return tuple(words)


def _begins_listed_name(form: tuple[str, ...], names: dict[tuple[str, str], list[tuple[str, ...]]], after: tuple[str, ...] = ()) -> bool:
    """Whether the phrase (and the words after it) goes on as a listed name as far as both go, from a capitalised word: « Plan d'Action
    National » does not begin the « Plan d'action mondial des Nations Unies … »."""
    words = form + after
    for index, (first, second) in enumerate(zip(form, form[1:])):
        if first[:1].isupper() and (first, second) in names:
            rest = [word.lower() for word in words[index + 2:]]
            if any(all(word == name_word for word, name_word in zip(rest, tail)) for tail in names[(first, second)]):
                return True
    return False


def _sentence_start(text: str, position: int) -> bool:
    while position and text[position - 1] in _BEFORE_SENTENCE:  # (scanned back from the position: a text can be a whole file)
        position -= 1
    return not position or text[position - 1] in ".!?:"


_NAME_SMALL_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "à", "au", "aux", "en", "pour", "contre", "sur", "dans", "par"})


def _name_and_common_phrase(form: tuple[str, ...], usual: tuple[str, ...]) -> bool:
    """Whether one phrase is all in small letters and the other capitalises every word but the small ones: a body's name in its own
    style (« Comité National de Lutte contre la Traite des Personnes ») and the same words as a common phrase in the running text
    (« la lutte contre la traite des personnes »), two things rather than one written two ways. Read on every readable part: 7 of the
    14 flags for capitals were such pairs, none annotated; 1 annotated."""
    def names(phrase: tuple[str, ...]) -> bool:
        return all(word[:1].isupper() for word in phrase if word.lower() not in _NAME_SMALL_WORDS) and any(word[:1].isupper() for word in phrase)
    return any(all(word.islower() for word in one) and names(other) for one, other in ((form, usual), (usual, form)))


def _title_case(form: tuple[str, ...]) -> bool:
    """Capitals on two words or more of the phrase (« Lutte Contre la Traite »), as English writes names."""
    return sum(word[:1].isupper() and len(word) > 3 for word in form) >= 2


def _merge(found: list[tuple[int, int, str, str, int]]) -> list[tuple[int, int, str, str, int]]:
    """Overlapping phrases of one link become one span (the first phrase's usual form is the suggestion)."""
    merged: list[tuple[int, int, str, str, int]] = []
    for item in sorted(found):
        if merged and item[0] < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], item[1]), last[2], last[3], last[4])
        else:
            merged.append(item)
    return merged


TYPOGRAPHY = Check("typography", "document", typography, ("typography",))
