"""Words and their forms: the tokeniser every check and the glossary matcher share.

Matching compares words, not strings. Each word is reduced to three keys: its lower-cased
form, its lemma (simplemma's dictionary lemmatiser) and its Snowball stem. Two words are the
same form when their surface or lemma agree, or when their stems agree and they differ only
in a short ending (at most two letters, which covers gender and number: "forcé"/"forcées",
"rescapé"/"rescapées"). The last rule is there because neither library alone is right:
Snowball conflates derivations ("traite"/"traitement", "trafficking"/"traffickers") and
simplemma splits some participles from their adjective ("forcé" → forcé, "forcés" → forcer).
`python -m align bench checks` measures the three choices on inflection and derivation pairs.

French function words are folded before comparison so that elision and contraction do not
hide a term: "d'", "de", "des", "du" are one word, "au"/"aux" are "à", and articles are
ignored ("victimes de la traite" is "victime de traite"; after « à », « des » is the article, so « à des fins » is
« aux fins »). This is a closed class of a dozen
words that no library folds for us, so it is listed here. Accents missing from the text are
tolerated (a text written without accents still matches) but an accent present in the text
and absent from the term is not ("traité", a treaty, is not "traite").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import simplemma
import snowballstemmer

from align.io.reading import INVISIBLE_CLASS, normalise_for_matching, strip_invisible

_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{INVISIBLE_CLASS}]+(?=[^\W_]))*")
"""A run of letters and digits; invisible format characters inside it (a soft hyphen, a zero-width joiner) do not end it."""
_ARTICLES = {
    "fr": frozenset({"le", "la", "les", "l", "un", "une"}),
    "en": frozenset({"the", "a", "an"}),
}
_FOLDED_FUNCTION_WORDS = {
    "fr": {"d": "de", "des": "de", "du": "de", "au": "à", "aux": "à"},
    "en": {},
}
STOPWORDS = {
    "fr": frozenset({
        "le", "la", "les", "l", "un", "une", "de", "d", "des", "du", "à", "au", "aux", "en", "et", "ou", "sur", "pour", "par",
        "dans", "avec", "contre", "sans", "sous", "entre", "vers", "chez", "que", "qu", "qui", "ne", "n", "pas", "se", "s",
        "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "on", "nous", "vous",
        "est", "sont", "a", "ont", "y", "dont", "où", "ni", "mais", "plus", "très", "non",
    }),
    "en": frozenset({
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "against", "and", "or", "nor", "not",
        "no", "as", "into", "than", "that", "this", "these", "those", "its", "their", "his", "her", "is", "are", "was",
        "were", "be", "been", "it", "they", "we", "who", "which", "whose", "but", "so", "more", "very", "non",
    }),
}
"""Closed-class words: never the content of a term, never a gap inside one, never a blend."""

_FOOTNOTE_CALL = re.compile(r"(?<=[a-zà-ÿ]{3})(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})$")
"""One or two digits glued to the end of a lower-case word, superscript or not: a footnote call (« les êtres humains2 », « humains¹ »),
not part of the word."""
_FOOTNOTE_LINK = re.compile(r"(?<=[a-zà-ÿ])(?:Footnote|Note)$")
_FOOTNOTE_NUMBER = re.compile(r"\s+(?:de bas de page\s+)?\d")
"""A footnote link's text glued to the word before it, as a Government of Canada page copies (« chaînes d'approvisionnementNote de bas de
page 1 », "Supply Chains ActFootnote 1"): a word of its own, after a break."""
_BREAK = re.compile(r"[^\s'\-/]|\s/|/\s|\s-\s")
"""Anything but spaces, apostrophes, hyphens and a slash inside a word ("2011/36/UE") between two words ends a phrase; so does a
hyphen spaced as a dash (« les premiers intervenants - les travailleurs sociaux »)."""


class Word(NamedTuple):
    """One word of a text or a term, with the keys used to compare forms.

    A named tuple, not a frozen dataclass: texts are tokenised by the hundred thousand words and a frozen dataclass
    costs several times more to build."""

    text: str
    start: int
    end: int
    break_before: bool
    surface: str
    lemma: str
    stem: str
    accentless: bool
    stop: bool
    article: bool
    folded: tuple[str, str, str]
    """(surface, lemma, stem) without accents, computed once per word form (`same_form` and the glossary index read them often)."""


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("french" if lang == "fr" else "english")


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without accents, ligatures spelt out."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """Whether simplemma's dictionary of `lang` has `word`, once per word form (the lookup costs more than the checks around it)."""
    return simplemma.is_known(word, lang)


@lru_cache(maxsize=50_000)
def word_keys(surface: str, lang: str) -> tuple[str, str, str]:
    """(surface, lemma, stem) of a lower-cased word, function words folded."""
    surface = surface.replace("œ", "oe").replace("æ", "ae")
    surface = _FOLDED_FUNCTION_WORDS.get(lang, {}).get(surface, surface)
    try:
        lemma = simplemma.lemmatize(surface, lang).lower()
    except ValueError:
        lemma = surface
    return surface, lemma, _stemmer(lang).stemWord(surface)


RECENT_TEXTS = 4096
"""How many recent texts keep their words: the checks read each text of a unit several times (matching, near misses, missing
terms, French left in the English) and its neighbours' texts again, and a TMX repeats its sentences (headings, boilerplate,
recurring phrases) a few units or a few thousand apart; a text is tokenised once while among the recent ones."""


@lru_cache(maxsize=50_000)
def _word_form(lower: str, lang: str) -> tuple[str, str, str, bool, bool, bool, tuple[str, str, str]]:
    """What `Word` holds of a lower-cased word form: surface, lemma, stem, accentless, stop, article, folded keys."""
    surface, lemma, stem = word_keys(lower, lang)
    return (surface, lemma, stem, fold(lower) == lower.replace("œ", "oe").replace("æ", "ae"),
            lower in STOPWORDS.get(lang, ()) or surface in STOPWORDS.get(lang, ()), lower in _ARTICLES.get(lang, ()),
            (fold(surface), fold(lemma), fold(stem)))


def tokenize(text: str, lang: str) -> list[Word]:
    """The words of `text` with their offsets in `text` and their comparison keys."""
    return list(_words(text, lang))


@lru_cache(maxsize=RECENT_TEXTS)
def _word_spans(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """(word as written, start, end, whether a punctuation break comes before it) for each word of `text`: the same in either
    language, so found once for the checks that read a text as French and as English."""
    normalised = normalise_for_matching(text)
    visible = strip_invisible if strip_invisible(text) != text else str  # (most texts hold no invisible character)
    spans = []
    previous_end = 0
    for found in _WORD.finditer(normalised):
        start, end = found.span()
        footnote = normalised[end - 1].isdigit() and _FOOTNOTE_CALL.search(normalised, start, end)
        if footnote:
            end = footnote.start()  # « êtres humains2 »: a footnote call glued to the word is not part of it
        link = _FOOTNOTE_LINK.search(normalised, start, end) if normalised[end - 1] == "e" else None
        if link and not _FOOTNOTE_NUMBER.match(normalised, end):
            link = None
        if link:
            end = link.start()
        between = normalised[previous_end:start]
        spans.append((visible(text[start:end]), start, end, bool(spans) and between != " " and bool(_BREAK.search(visible(between)))))
        if link:  # the link's text, a word after a break
            spans.append((visible(text[link.start():link.end()]), link.start(), link.end(), True))
            end = link.end()
        previous_end = end
    return tuple(spans)


@lru_cache(maxsize=RECENT_TEXTS)
def _words(text: str, lang: str) -> tuple[Word, ...]:
    # (`tuple.__new__` builds each Word from its fields in one step, without the named tuple's constructor: texts are tokenised often)
    forms = _forms_as_written(lang)
    words = [tuple.__new__(Word, (raw, start, end, break_before) + (forms.get(raw) or _form_as_written(raw, lang, forms)))
             for raw, start, end, break_before in _word_spans(text)]
    if lang == "fr" and "à" in (lowered := text.lower()) and "des" in lowered:
        for index in range(1, len(words)):
            word = words[index]
            if word.surface == "de" and word.text.lower() == "des" and words[index - 1].text.lower() == "à":
                words[index] = word._replace(article=True)  # « à des fins de » is « aux fins de » (à + les): the plural article
    return tuple(words)


_FORMS_AS_WRITTEN: dict[str, dict[str, tuple[str, str, str, bool, bool, bool, tuple[str, str, str]]]] = {}


def _forms_as_written(lang: str) -> dict[str, tuple[str, str, str, bool, bool, bool, tuple[str, str, str]]]:
    """`_word_form` of each word as written in a text, in a plain dict: found without lower-casing the word or building a cache key
    (tokenising reads it for every word of every text, in both languages)."""
    forms = _FORMS_AS_WRITTEN.get(lang)
    if forms is None or len(forms) > 200_000:
        forms = _FORMS_AS_WRITTEN[lang] = {}
    return forms


def _form_as_written(raw: str, lang: str, forms: dict) -> tuple[str, str, str, bool, bool, bool, tuple[str, str, str]]:
    form = forms[raw] = _word_form(raw.lower(), lang)
    return form


def content_words(text: str, lang: str) -> list[Word]:
    """`tokenize` without articles; a punctuation break before a dropped article moves to the next word."""
    return list(_content_words(text, lang))


@lru_cache(maxsize=RECENT_TEXTS)
def _content_words(text: str, lang: str) -> tuple[Word, ...]:
    result: list[Word] = []
    pending_break = False
    for word in _words(text, lang):
        if word.article:
            pending_break = pending_break or word.break_before
            continue
        if pending_break and not word.break_before:
            word = word._replace(break_before=True)
        pending_break = False
        result.append(word)
    return tuple(result)


def same_form(word: Word, term_word: Word, method: str = "combined") -> bool:
    """Whether a text word is a form of a term's word (see the module docstring).

    `method` is `combined` (the rule used), `snowball` or `simplemma` (for the benchmark).
    """
    if word.surface == term_word.surface:
        return True
    folded = term_word.folded
    if not word.accentless and word.folded[0] == folded[0]:
        return False  # same letters, other accents: another word ("traité", a treaty, is not "traite")
    # a word written without accents is compared with the term's word without its accents
    surface, lemma, stem = folded if word.accentless else (term_word.surface, term_word.lemma, term_word.stem)
    if word.surface == surface:
        return True
    if method == "snowball":
        return word.stem == stem
    if method == "simplemma":
        return word.lemma == lemma
    if word.lemma == lemma:
        return True
    return word.stem == stem and _ending_difference(word.surface, surface) <= 2


def _ending_difference(first: str, second: str) -> int:
    common = 0
    for left, right in zip(first, second):
        if left != right:
            break
        common += 1
    return max(len(first), len(second)) - common
