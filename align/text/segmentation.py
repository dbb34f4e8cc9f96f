"""Cleaning and sentence segmentation of French and English texts.

A document is split into lines (web texts carry one paragraph per line); each line is
classified as web boilerplate, heading, bullet item, date line, signature or body text, and
body text is split into sentences with `sentencex` (measured against pysbd on the seed
texts: pysbd does not split "toutes.Sixième" nor "abuse.Yet" and splits inside quotations;
sentencex gets both right). sentencex still breaks after a few French abbreviations
("M.", "art."), so boundaries after the abbreviations in `_NO_BREAK_AFTER` are undone.
"""

from __future__ import annotations

import re

import sentencex

from align.model import Segment

SEGMENT_KINDS = ("sentence", "heading", "bullet", "date", "signature", "boilerplate")

_BOILERPLATE = re.compile(
    r"^(détails de la page|date de modification\s*:?.*|page details|date modified\s*:?.*"
    r"|partager cette page|share this page|imprimer( cette page)?|print( this page)?"
    r"|signaler un problème.*|report a problem.*|haut de la page|top of page"
    r"|(partager|share)\s*(sur|on)?\s*(facebook|twitter|x|linkedin|courriel|email)"
    r"|facebook|twitter|linkedin|courriel|e-?mail|rss|tags\s*:|mots-clés\s*:|étiquettes\s*:"
    r"|\*?\s*\(?(?:en anglais|en français|in english|in french)(?: (?:seulement|uniquement|only))?\)?\.?)\s*$",
    re.IGNORECASE,
)
_TAGS_LABEL = re.compile(r"^(tags|mots-clés|étiquettes)\s*:\s*$", re.IGNORECASE)
"""A page's tag list ("Tags:" then "Human trafficking, counter trafficking, …") is furniture."""
_BULLET = re.compile(r"^[•◦▪●·*\-–—]\s+")
_MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"(\b\d{{1,2}}(er)?\s+({_MONTHS_FR})\s+\d{{4}}\b|\b({_MONTHS_EN})\s+\d{{1,2}},?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+({_MONTHS_EN})\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_NO_BREAK_AFTER = re.compile(
    r"(?:^|[\s('’])(M|MM|Mme|Mmes|Mlle|Me|Mgr|Dr|Pr|art|arts|al|p|pp|ex|cf|chap|vol|n°|no|env|St|Ste|Mr|Mrs|Ms|Prof|Sr|Jr|Gen|Sen|Rep|Gov|Hon)\.$"
)
_MONTH_ABBREVIATION = re.compile(
    r"(?:^|\s)(janv|févr|fév|avr|juil|juill|sept|oct|nov|déc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$", re.IGNORECASE
)
"""An abbreviated month ends no sentence when a number follows (« le 30 juill. 2024 /CNW/ », "Sept. 4, 2019")."""
_SHORT_WORD_STOP = re.compile(r"(?:^|[\s('’.-])[^\W\d_]{1,6}\.$")
_CONTINUATION = re.compile(r"[a-zà-ÿ]|-\S")
"""After a short word's stop, a piece that begins in lower case or with a hyphen glued to a word (« -off. » of « s.-off. ») continues
the sentence: the stop was an abbreviation's (« les insp. ont visité », « s.-off. resp. du »). After a long word it may be a new sentence
that begins with a name written in lower case ("fedpol is responsible")."""
_ABBREVIATION_BEFORE_NAME = re.compile(
    r"(?:(?:^|[\s('’])(?i:le|la|les|l|du|au|aux|des|un|une)[\s'’][a-zà-ÿ]{0,5}[b-df-hj-np-tv-xzç]|(?:^|[\s('’])[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-z]{1,3})\.$")
"""A short lower-case word after a French article that ends with a consonant (French abbreviations cut before a vowel), or a capitalised
word with no vowel, ending with a stop: abbreviated the way ranks and titles are (« la cap. », « le serg. », « du gend. », « l'hon. »,
"Cst.", "Sgt."); before a name it ends no sentence. « dans le monde. », « de la traite. » end in a vowel."""
_NAME_START = re.compile(r"(?!(?:Le|La|Les|L|Un|Une|Des|Du|De|En|Au|Aux|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Dans|Par|Pour|Sur|Selon|"
                         r"The|A|An|In|On|At|By|For|This|These|It|He|She|They|We|Its|His|Her|Their)\b)"
                         r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s+[A-ZÀ-Ý][a-zà-ÿ'’-]*[\s,;)]")
"""Two capitalised words at the start of a piece, the first no article, pronoun or preposition: a first name and a surname."""


MAX_SEGMENT_CHARS = 2000
"""Longer segments are cut at spaces: a real sentence is far shorter, and one unpunctuated 500 KB line
would otherwise go whole to the MT engine and the encoder (gigabytes of memory)."""


def segment_text(text: str, lang: str) -> list[Segment]:
    """Split a whole document into classified segments, in document order; none longer than `MAX_SEGMENT_CHARS`."""
    return [piece for segment in _segments(text, lang) for piece in _capped(segment)]


def _capped(segment: Segment, limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """`segment` cut into pieces of at most `limit` characters, at the last space before the limit when there is one."""
    if len(segment.text) <= limit:
        return [segment]
    pieces = []
    text, offset = segment.text, segment.start
    while text:
        if len(text) <= limit:
            cut = len(text)
        else:
            space = text.rfind(" ", limit // 2, limit + 1)
            cut = space if space > 0 else limit
        piece = text[:cut].rstrip()
        if piece:
            pieces.append(Segment(piece, segment.kind if not pieces else ("sentence" if segment.kind == "bullet" else segment.kind),
                                  offset, offset + len(piece), segment.opens_paragraph and not pieces))
        rest = text[cut:]
        stripped = rest.lstrip()
        offset += cut + len(rest) - len(stripped)
        text = stripped
    return pieces


def _segments(text: str, lang: str) -> list[Segment]:
    lines = _lines_with_offsets(text)
    content_lines = [line for line in lines if not _BOILERPLATE.match(line[0])]
    last_content = content_lines[-1] if content_lines else None
    segments: list[Segment] = []
    for position, (line, offset) in enumerate(lines):
        after_tags = position > 0 and _TAGS_LABEL.match(lines[position - 1][0]) and not _SENTENCE_END.search(line) and "," in line
        if _BOILERPLATE.match(line) or after_tags:
            segments.append(Segment(line, "boilerplate", offset, offset + len(line)))
            continue
        bullet = _BULLET.match(line)
        if bullet and (line, offset) == last_content and len(content_lines) > 1 and not _is_bullet_list_item(lines, offset):
            segments.append(Segment(line, "signature", offset, offset + len(line)))
            continue
        kind = "sentence"
        if bullet:
            offset += bullet.end()
            line = line[bullet.end():]
            kind = "bullet"
        elif _is_date_line(line):
            segments.append(Segment(line, "date", offset, offset + len(line)))
            continue
        elif _is_heading(line):
            segments.append(Segment(line, "heading", offset, offset + len(line)))
            continue
        for index, (sentence, start) in enumerate(split_sentences(line, lang)):
            segments.append(Segment(sentence, kind if index == 0 else "sentence", offset + start, offset + start + len(sentence), index == 0))
    return segments


def split_sentences(paragraph: str, lang: str) -> list[tuple[str, int]]:
    """Split one paragraph into sentences; return (sentence, offset in paragraph) pairs."""
    pieces: list[tuple[str, int]] = []
    cursor = 0
    for raw in sentencex.segment(lang, paragraph):
        piece = raw.strip()
        if not piece:
            continue
        start = paragraph.find(piece, cursor)
        if start < 0:  # sentencex never rewrites text, but stay safe
            start = cursor
        cursor = start + len(piece)
        if pieces and _continues(pieces[-1][0], piece):
            previous, previous_start = pieces.pop()
            piece = paragraph[previous_start:cursor]
            start = previous_start
        pieces.append((piece, start))
    return pieces


_INITIAL_STOP = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\.$")
_INITIAL_STOP_START = re.compile(r"[A-ZÀ-Ý]\.")
"""« Il faut qu'on J.A.S.E. »: the letters of a dotted initialism are one word, not a sentence ending at each stop."""


def _continues(previous: str, piece: str) -> bool:
    """Whether the cut sentencex made between `previous` and `piece` is no sentence end: an abbreviation's stop."""
    return bool(_NO_BREAK_AFTER.search(previous) or (_MONTH_ABBREVIATION.search(previous) and piece[:1].isdigit())
                or (_INITIAL_STOP.search(previous) and _INITIAL_STOP_START.match(piece))
                or (_SHORT_WORD_STOP.search(previous) and _CONTINUATION.match(piece))
                or ((abbreviation := _ABBREVIATION_BEFORE_NAME.search(previous)) is not None and _NAME_START.match(piece)
                    and not _everyday_word(abbreviation.group(0)))
                or _lone_abbreviation(previous) or _STOPS_ONLY.fullmatch(piece) is not None or _LIST_MARKER.fullmatch(previous) is not None
                or (_QUOTATION_THEN_STOP.search(previous) is not None and piece[:1].islower()))


_QUOTATION_THEN_STOP = re.compile(r"[»”][ \u00a0]*\.$")
"""« … pour contrer ce fléau ». a déclaré la députée »: a stop typed for the comma between a quotation and its incise, the sentence going
on in small letters (the slip the writing check reports)."""


_LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4}|[IVX]{1,4})[.)]")
""""1. Human trafficking …", "b) …", "IV. …": a list's number opening its item, not a sentence of its own."""
_STOPS_ONLY = re.compile(r"\s*[.!?…]+\s*")
"""« exploitation sexuelle. . »: a stop after a stop is the sentence's own (a slip the writing check reports), not a sentence."""
_LONE_SHORT_WORD = re.compile(r"\s*([A-ZÀ-Ý][a-zà-ÿ]{1,4})\.")
_SHORT_WORDS_ONLY = re.compile(r"(?:\s*[A-ZÀ-Ý][a-zà-ÿ]{1,4}\.)+\s*")
RARE_WORD_ZIPF = 4.0
"""A short word below this frequency in both languages ("sup" 3.2, "disp" 1.5) is an abbreviation; a one-word sentence is a frequent
word ("Yes.", « Non. », « Merci. », "Aucun." 5 to 7)."""


def _lone_abbreviation(previous: str) -> bool:
    """Whether the piece before the cut is short capitalised words and their stops, words rare in both languages: abbreviations
    opening a table's cell ("Sup. Court w/ Jury", "Avail. Disp. Discharge"), not a sentence."""
    from wordfreq import zipf_frequency

    words = _LONE_SHORT_WORD.findall(previous)
    return (bool(words) and _SHORT_WORDS_ONLY.fullmatch(previous) is not None
            and all(max(zipf_frequency(word.lower(), lang) for lang in ("fr", "en")) < RARE_WORD_ZIPF for word in words))


EVERYDAY_ZIPF = 5.0
"""A word this frequent in French ("jour", "nord", "club", "an": 5.2 to 5.8) ends a sentence before a name; a rank's abbreviation is rarer
(« cap » 4.6, « sgt » 2.7, « serg » 1.7)."""


def _everyday_word(ending: str) -> bool:
    from wordfreq import zipf_frequency

    word = re.search(r"[^\W\d_]+(?=\.$)", ending)
    return word is not None and zipf_frequency(word.group(0).lower(), "fr") >= EVERYDAY_ZIPF


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    result = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            result.append((stripped, offset + raw.index(stripped)))
        offset += len(raw) + 1
    return result


def _is_bullet_list_item(lines: list[tuple[str, int]], offset: int) -> bool:
    """A dash line directly after another bullet line belongs to a list, not a signature."""
    index = next(i for i, (_, start) in enumerate(lines) if start == offset)
    return index > 0 and bool(_BULLET.match(lines[index - 1][0]))


def _is_date_line(line: str) -> bool:
    match = _DATE.search(line)
    return bool(match) and len(line.split()) <= 8


def _is_heading(line: str) -> bool:
    return not _SENTENCE_END.search(line) and len(line) <= 160 and len(line.split()) <= 20
