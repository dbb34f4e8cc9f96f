"""Document-level checks over the segments: sentences run together or without their full stop, a paragraph ending without one
(typography), and web furniture (boilerplate)."""

from __future__ import annotations

import re

from align.checks.base import Check, CheckContext, LinkView
from align.checks.writing import TITLE_NOUNS
from align.model import Flag, Segment


def run_together(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """Sentences run together without a space ("abuse.Yet") or without their full stop (« en Afrique Ceci a été »), and a paragraph
    whose last sentence lost its full stop, in the French and in the official English."""
    flags = []
    for side, all_segments in (("fr", context.fr_segments), ("en", context.en_segments)):
        segments, place = _placed(links, all_segments, side)
        flags += _run_together(segments, place, side) + _stop_missing(segments, place, side) + _paragraph_end_unstopped(segments, place, side)
    return flags


def _placed(links: list[LinkView], all_segments: tuple[Segment, ...], side: str) -> tuple[list[Segment], dict[int, tuple[int, int]]]:
    """The alignable segments of `side` and, for each index, (link number, offset of the segment in the link's text). Units without a
    segmented source (a TMX, an XLIFF) have none: no layout to check."""
    segments = [segment for segment in all_segments if segment.alignable]
    place: dict[int, tuple[int, int]] = {}
    if not segments:
        return segments, place
    for link in links:
        offset = 0
        for index in link.unit.fr_ids if side == "fr" else link.unit.en_ids:
            place[index] = (link.number, offset)
            offset += len(segments[index].text) + 1
    return segments, place


_SENTENCE_END = re.compile(r"(?:[a-zà-ÿ]{2}(?:[ \u00a0\u202f]?[\"”»])?|(?<![\d.,])(?:19|20)\d\d)(?:[.!?;]|\.\.\.|…)$")
"""A sentence's last word (a closing quotation mark after it, spaced or not: « des « esclaves ».Aucun ») or a year, and its stop."""


def _run_together(segments: list[Segment], place: dict[int, tuple[int, int]], side: str) -> list[Flag]:
    """Found between consecutive segments; the flag sits on the link holding the first sentence, over its last word."""
    flags = []
    for index in range(len(segments) - 1):
        first, second = segments[index], segments[index + 1]
        if first.end != second.start or index not in place or not _SENTENCE_END.search(first.text):
            continue
        if not re.match(r"[A-ZÀ-Ý][a-zà-ÿ]", second.text) or re.match(r"(?:Footnote|Note de bas de page|Return to footnote)\b", second.text):
            continue  # ("activity.Footnote 3": a Canada.ca page's footnote marker, the link's text, glued to the sentence it marks)
        link, offset = place[index]
        last_word = re.search(r"[^\s]+(?:[ \u00a0\u202f][\"”»][.!?;…]+)?$", first.text)
        start = offset + last_word.start()
        next_word = second.text.split()[0]
        flags.append(Flag(link, side, "typography", "warning", start, offset + len(first.text), last_word.group(0),
                          f"No space between “{last_word.group(0)}” and “{next_word}”: two sentences run together.",
                          f"{last_word.group(0)} {next_word}"))
    return flags


_SENTENCE_OPENERS = {
    "fr": "Ceci|Cela|Il|Elle|Ils|Elles|Nous|On|Au|Aux|Le|La|Les|Ce|Cet|Cette|Ces|Dans|Pour|Selon|Depuis|Lors|Par|Sur|Avec|Un|Une|Des|En|"
          "Afin|Parmi|Toutefois|Cependant|Ainsi|Son|Sa|Ses|Leur|Leurs|Notre|Nos",
    "en": "This|These|It|He|She|They|We|The|In|For|According|Since|During|By|On|With|Its|Their|His|Our|However|Thus",
}
_STOP_MISSING = {lang: re.compile(rf"(?<=[^\W\d_]{{2}}|[\w%]\)) ({words})\b(?![-’'])(?! ?[A-ZÀ-Ý0-9])") for lang, words in _SENTENCE_OPENERS.items()}
"""« … en Afrique Ceci a été fait savoir », « (n° 182) La ratification »: a word that opens sentences, capitalised inside one after a word:
the full stop between two sentences is missing. Not before a capital or a figure (« Le Caire », « La Haye », « Les 3 »)."""
_BEFORE_A_NAME = {
    "fr": {"à", "de", "du", "des", "en", "et", "ou", "par", "pour", "sur", "dans", "avec", "que", "qu", "d", "l", "le", "la", "les", "au",
           "aux", "entre", "contre", "vers", "chez", "comme", "ni", "numéro", "intitulé", "intitulée", "intitulés", "intitulées", "nommé", "nommée",
           "appelé", "appelée", "baptisé", "baptisée", "dénommé", "dénommée", "thème", "campagne", "opération", "projet", "programme",
           "slogan", "initiative", "titre", "comité", "collectif", "organisme", "groupe", "réseau", "dépliant", "brochure", "guide",
           "rapport", "document", "livre", "film", "documentaire", "spectacle", "exposition", "conférence", "atelier", "colloque"},
    "en": {"of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "the", "a", "an", "as", "from", "into", "that", "than", "nor",
           "titled", "entitled", "called", "named", "theme", "campaign", "operation", "project", "programme", "program", "slogan",
           "initiative"},
}
"""Words after which a capitalised article or pronoun starts a name or a title (« à La Haye », « la campagne Le Cœur bleu », « le comité Un
trop grand prix », « le dépliant Ce que vous devez savoir »,
"entitled The Hidden Face"), not a sentence."""


_PHOTO_CREDIT = re.compile(r"\s*(?:Photos?|Crédits?(?: photo)?|Image|Illustration)[ \u00a0]*:[ \u00a0]*[^\s:]+(?:[ \u00a0][^\s:]+)?[ \u00a0]*",
                           re.IGNORECASE)
"""« Photo : iStock », « Crédit photo : Radio-Canada »: a picture's credit, which a page puts before the text."""


def _stop_missing(segments: list[Segment], place: dict[int, tuple[int, int]], side: str) -> list[Flag]:
    """A sentence opener capitalised inside a sentence or a bullet (`_STOP_MISSING`), outside guillemets, quotation marks and brackets."""
    flags = []
    for index, segment in enumerate(segments):
        if segment.kind not in ("sentence", "bullet") or index not in place:
            continue
        for found in _STOP_MISSING[side].finditer(segment.text):
            before = segment.text[:found.start()]
            previous = re.findall(r"[^\W\d_]+", before)
            if not previous or previous[-1].lower() in _BEFORE_A_NAME[side] or re.search(r"[.!?]\)$", before):
                continue
            if re.fullmatch(r"\s*[-–•]?\s*(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,2})\)", before):
                continue  # « a) Le protocole de Palerme … »: a list item's letter, not a sentence's last word
            if re.fullmatch(r"\s*\([A-ZÀ-Ý][^()]{1,40}\)", before):
                continue  # « (Ottawa) Des indices … »: the Canadian Press dateline in brackets
            if _PHOTO_CREDIT.fullmatch(before):
                continue  # « Photo: iStock Le portrait … »: a picture's credit run into the text by the page, no sentence of it
            if re.fullmatch(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý’' -]{2,40}", before) and before.strip() == before.strip().upper():
                continue  # "BANGUI The first …", « FAITS DIVERS Les policiers … »: a dateline or a section's label in capitals
            if side == "fr" and re.match(rf"\s+(?i:{TITLE_NOUNS})\b", segment.text[found.end():]):
                continue  # a signature block run into one line: « …, Johann N. Schneider-Ammann Le chancelier de la Confédération, … »
            if before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count("(") > before.count(")") \
                    or before.count('"') % 2:
                continue
            link, offset = place[index]
            last_word = re.search(r"\S+$", before)
            flags.append(Flag(link, side, "typography", "warning", offset + last_word.start(), offset + found.end(),
                              segment.text[last_word.start():found.end()],
                              f"“{found.group(1)}” starts a sentence inside another: the full stop after “{last_word.group(0)}” is missing.",
                              f"{last_word.group(0)}. {found.group(1)}"))
    return flags


PARAGRAPH_SENTENCE_WORDS = 15
"""A paragraph's last sentence this long or longer, after a sentence of its own paragraph, is a sentence and needs its full stop. Read on
every part but the test (eval/README "Twenty-seventh round"): seven such sentences without a stop, all seven annotated slips; shorter
last pieces are credits, signatures and page numbers (« Crédit : GRC », "Anne Gueguen, Deputy Permanent Representative …"), and a
paragraph of one sentence without its stop is most often a headline."""
_STOPPED = re.compile(r"[.!?…:;,][\s»”\"’')\]]*(?:\d{1,2})?$|\b(?:et|ou|and|or)$")
"""Ends with a stop (before its closing quotation mark or bracket, or a footnote's number: « la cause des femmes.1 »), or goes on into
a list (a comma, a semicolon, a conjunction)."""
LIST_ITEM_WORDS = 6
"""A paragraph this short without a stop of its own is a list item (or a heading) when another follows it."""


_KEYWORD_SEPARATOR = "•"


def _list_follows(segments: list[Segment]) -> bool:
    return len(segments) == 2 and all(segment.opens_paragraph and len(segment.text.split()) <= LIST_ITEM_WORDS
                                      and not _STOPPED.search(segment.text) for segment in segments)


_CAPTION_OPENING = re.compile(r"\(?(?:Photos?|Crédits?\s+photos?|Photo\s+credit|Image|Illustration)\b", re.IGNORECASE)
_CREDIT_LINE = re.compile(r"\s*(?:©|\(c\)\s|(?:Photos?|Crédits?(?:\s+photos?)?|Credits?)\s*:)", re.IGNORECASE)


def _paragraph_end_unstopped(segments: list[Segment], place: dict[int, tuple[int, int]], side: str) -> list[Flag]:
    """The last sentence of a paragraph of several without its full stop (`PARAGRAPH_SENTENCE_WORDS`)."""
    flags = []
    for index, segment in enumerate(segments):
        last_of_paragraph = index + 1 == len(segments) or segments[index + 1].opens_paragraph
        if (not last_of_paragraph or segment.opens_paragraph or segment.kind != "sentence" or index not in place
                or len(segment.text.split()) < PARAGRAPH_SENTENCE_WORDS or _STOPPED.search(segment.text)):
            continue
        last_word = re.search(r"\S+$", segment.text)
        if re.match(r"(?:https?://|www\.)", last_word.group(0)):
            continue  # a paragraph that ends on a link leaves its stop off so that the address is copied whole
        if _list_follows(segments[index + 1:index + 3]):
            continue  # "how the following laws deal with human trafficking" then "Criminal law", "Immigration law": it opens a list
        opening = max(number for number in range(index + 1) if number == 0 or segments[number].opens_paragraph)
        if any(_KEYWORD_SEPARATOR in earlier.text for earlier in segments[opening:index + 1]):
            continue  # a run of keywords between bullets (a judgment's headnote: « Art 4 • Obligations positives • … ») takes no stop
        if _CAPTION_OPENING.match(segments[opening].text) or (index + 1 < len(segments) and _CREDIT_LINE.match(segments[index + 1].text)):
            continue  # a photo's caption (« Photo courtoisie. Caroline Proulx, ministre … », or the line before « © GGD51 ») takes no stop
        link, offset = place[index]
        flags.append(Flag(link, side, "typography", "warning", offset + last_word.start(), offset + len(segment.text), last_word.group(0),
                          f"The paragraph ends without its full stop after “{last_word.group(0)}”.", f"{last_word.group(0)}."))
    return flags


def boilerplate(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """Report web furniture that was kept out of alignment."""
    return [
        Flag(None, side, "boilerplate", "info", 0, len(segment.text), segment.text,
             "web page furniture, excluded from alignment")
        for side, segments in (("fr", context.fr_segments), ("en", context.en_segments))
        for segment in segments
        if not segment.alignable
    ] + _left_out_flags(context.left_out)


MAX_SEPARATE_LEFT_OUT = 5
"""Up to this many furniture lines removed by a reader get a flag each; more (a web page's menus, about 50 lines on
canada.ca) are one flag per side, so the reviewer's list is not buried under navigation."""


def _left_out_flags(left_out: tuple[tuple[str, str], ...]) -> list[Flag]:
    flags = []
    for side in ("fr", "en"):
        lines = [text for line_side, text in left_out if line_side == side]
        if len(lines) <= MAX_SEPARATE_LEFT_OUT:
            flags += [Flag(None, side, "boilerplate", "info", 0, len(text), text, "page furniture left out by the reader") for text in lines]
        else:
            text = " · ".join(lines)
            flags.append(Flag(None, side, "boilerplate", "info", 0, len(text), text,
                              f"{len(lines)} lines of page furniture (navigation, headers, footers) left out by the reader"))
    return flags


TYPOGRAPHY = Check("run-together", "document", run_together, ("typography",))
BOILERPLATE = Check("boilerplate", "document", boilerplate, ("boilerplate",))
