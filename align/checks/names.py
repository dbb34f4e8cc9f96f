"""Official names with several words changed: most of a listed name's words, close together, but not the name.

`align.terms.nearmiss` finds a name one word-edit away from the glossary's; a name with two words dropped ("Group of Experts
on Trafficking in Human Beings" for GRETA's "Group of Experts on Action against Trafficking in Human Beings") or with its
words in another order ("Organization for Co-operation and Security in Europe") is beyond it. Here a window of the text that
holds at least `NAME_SHARE` of a listed name's words (laws, institutions, days, policies of four content words or more),
begins with the name's first word, capitalised, and is not much longer than the name, is reported when it is not the name
nor another listed name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView, matches_in, same_flags_for_same_texts
from align.model import Flag
from align.terms.glossary import Glossary, per_glossary
from align.terms.matching import find_terms
from align.terms.nearmiss import NAME_SUBJECTS, ize_spelling
from align.terms.words import fold, is_known, tokenize

NAME_SHARE = 0.7
NAME_MIN_WORDS = 4
LONG_TITLE_WORDS = 8
LONG_TITLE_SHARE = 0.75
"""A title of eight content words or more with three quarters of them is that title reworded, even with other words in it (the
Protocol « … afin d'empêcher, de réprimer et de punir la traite des personnes … »); a shorter name with a word replaced is another name."""
_NAME_INDEX: dict[tuple[int, str], tuple[object, tuple[dict[str, list[int]], list, frozenset[str], frozenset[tuple[int, str]]]]] = {}
"""Per glossary and language (`per_glossary`)."""


def _name_index(glossary: Glossary, lang: str):
    """(stem → [name number], [(entry, its content stems in order, the stems of the listed names inside it)], the names' first stems,
    (name number, lemma) of every content word of the names) for the listed names of four content words or more (numbers aside: a name without
    its years is a short form)."""
    def build() -> tuple[dict[str, list[int]], list, frozenset[str], frozenset[tuple[int, str]]]:
        names = []
        for entry in glossary.entries(lang):
            content = tuple(word.stem for word in entry.words if not word.stop and not word.text.isdigit())
            if (entry.status != "forbidden" and entry.type == "term" and entry.term[:1].isupper() and len(content) >= NAME_MIN_WORDS
                    and glossary.subject(entry.concept) in NAME_SUBJECTS):
                inner = {word.stem for match in find_terms(entry.term, lang, glossary) if match.concept != entry.concept
                         and glossary.subject(match.concept) in NAME_SUBJECTS and match.term[:1].isupper()
                         for word in tokenize(match.term, lang)}
                names.append((entry, content, inner))
        by_stem: dict[str, list[int]] = {}
        for number, (_, content, _) in enumerate(names):
            for stem in set(content):
                by_stem.setdefault(stem, []).append(number)
        lemmas = frozenset((number, word.lemma) for number, (entry, _, _) in enumerate(names) for word in entry.words if not word.stop)
        return by_stem, names, frozenset(content[0] for _, content, _ in names), lemmas

    return per_glossary(_NAME_INDEX, glossary, build, lang)


def reworded_names(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A listed official name with two words or more dropped, or its words in another order (French and official English)."""
    if side == "mt":
        return []
    glossary, text, lang = context.glossary, link.texts[side], LANG_OF_SIDE[side]
    by_stem, names, first_stems, lemmas = _name_index(glossary, lang)
    words = tokenize(text, lang)
    if not any(word.stem in first_stems and word.text[:1].isupper() for word in words):
        return []  # a name is read from its first word, capitalised (below): most texts hold none
    touched: dict[int, list[int]] = {}
    for position, word in enumerate(words):
        if not word.stop:
            for number in by_stem.get(word.stem, ()):
                if (number, word.lemma) in lemmas:  # a word of the stem's family is not the name's: "National Unit", "United Nations"
                    touched.setdefault(number, []).append(position)
    candidates = []  # (share of the name's words, first, last, name number)
    for number, positions in touched.items():
        entry, content, _ = names[number]
        needed = max(NAME_MIN_WORDS - 1, round(NAME_SHARE * len(content) + 0.49))
        if len({words[position].stem for position in positions}) < needed:
            continue
        for first_index, first in enumerate(positions):
            if words[first].stem != content[0] or not words[first].text[:1].isupper():
                continue  # a name is read from its first word ("Group of Experts …", « Convention … »)
            if _cited_by_number(words, first, entry.term):
                break  # "Protocol 29 on Forced Labour", « la Convention 81 »: an instrument cited by its number, another way to name it
            inside = [position for position in positions[first_index:] if position - first <= max(len(entry.words) + 2, 1.5 * len(entry.words))]
            if not _PUNCTUATED.search(entry.term):  # a name without punctuation ends at the text's next comma or stop
                end_of_clause = next((index for index in range(first + 1, len(words)) if words[index].break_before), len(words))
                inside = [position for position in inside if position < end_of_clause]
            inside = _name_once(inside, words, content)
            found = {words[position].stem for position in inside}
            if len(found) >= needed:
                candidates.append((len(found) / len(set(content)), first, inside[-1], number))
                break
    exact = [match for match in link.matches.get(side, []) if match.type == "term" and glossary.subject(match.concept) in NAME_SUBJECTS]
    flags: list[Flag] = []
    taken: list[tuple[int, int, str, bool]] = []
    for share, first, last, number in sorted(candidates, reverse=True):
        entry, content, inner = names[number]
        start, end = words[first].start, words[last].end
        subject = glossary.subject(entry.concept)
        if any(first <= other_last and other_first <= last and (other_subject == subject or reported)
               for other_first, other_last, other_subject, reported in taken):
            continue  # a window is read as the name it resembles most (of its kind: a Day's words are not a law's)
        taken.append((first, last, subject, False))
        if any(match.start < end and start < match.end and (match.end - match.start) >= (end - start) / 2 for match in exact):
            continue  # the name itself, or another listed name it shares words with (a short form of the name inside a window that
            # holds more of the long one, "… in Supply Chains Act", is no reason)
        window = [word for word in words[first:last + 1] if not word.stop and not word.text.isdigit()]
        stems = [word.stem for word in window]
        missing = [word.text for word in entry.words if not word.stop and not word.text.isdigit() and word.stem not in stems]
        extra = [word for word in window if word.stem not in content]
        in_order = [stem for stem in dict.fromkeys(stems) if stem in content]
        moved = in_order != [stem for stem in dict.fromkeys(content) if stem in in_order]  # (a name may hold a word twice: « État … États-Unis »)
        if extra and missing and not (len(content) >= LONG_TITLE_WORDS and share >= LONG_TITLE_SHARE):
            continue  # words replaced: another name (« Rapporteur national indépendant » is not the « Rapporteur spécial »)
        if missing and {stem for stem in content if stem not in stems} <= inner:
            continue  # the name without the listed name it holds: a short form (« Convention sur la lutte … » without « du Conseil de l'Europe »)
        if _other_years(entry.term, text[max(0, start - _YEARS_AROUND):end + _YEARS_AROUND]):
            continue  # « the 2023-2026 National Strategy »: a name dated by its years, here with others, is another edition or country's
        if missing and _inner_term_in_another_variant(entry, start, end, link.matches.get(side, []), glossary, lang, {fold(word) for word in missing}):
            continue  # the name with a term it holds in another accepted variant (« Protocole relatif à la traite d'êtres humains »):
            # `names_with_another_variant` decides whether the text's own usage allows it
        # small words too ("Action against"); a content word the name holds twice must be there twice ("Forced Labour and Child Labour")
        every = {word.stem for word in words[first:last + 1]}
        left = Counter(word.stem for word in words[first:last + 1] if not word.stop)
        missing = []
        for word in entry.words:
            if word.text.isdigit() or (word.stop and word.stem in every):
                continue
            if left[word.stem] > 0:
                left[word.stem] -= 1
            else:
                missing.append(word.text)
        inserted = _inserted_words(words[first:last + 1], entry.words) if not missing and not moved else ""
        if len(missing) < 2 and not moved and not inserted:
            continue  # one word-edit: the near-miss matcher's (`align.terms.nearmiss`)
        if not extra and not moved and missing and content[1] not in stems:
            continue  # the name's first word without the word that makes it this body: « le Groupe de la traite de personnes » (an RCMP
            # unit) is not the « Groupe de travail sur la traite des personnes »
        if not extra and not moved and _cut_at_a_comma(stems, entry):
            continue  # « le Protocole visant à prévenir, réprimer et punir la traite des personnes »: the title cited up to one of its commas
        if _owned_by_another_body(text, start, end, entry.term):
            continue  # « le Groupe de travail sur la lutte contre la traite des personnes du ministère de l'Éducation »: a ministry's own body
        if _other_side_names_something_else(link, side, entry.concept, glossary):
            continue  # « le Groupe de la traite des personnes de la GRC » beside "the RCMP Human Trafficking Unit": another body's name
        taken[-1] = (first, last, subject, True)
        what = (([f"“{'”, “'.join(missing)}” missing"] if missing else []) + (["its words in another order"] if moved else [])
                + ([f"“{inserted}” added"] if inserted else []))
        flags.append(Flag(link.number, side, "term-garbled", "warning", start, end, text[start:end],
                          f"“{text[start:end]}” reads like the official name “{entry.term}” written another way ({', '.join(what)}).", entry.term))
    return flags


_ARTICLES = frozenset({"le", "la", "les", "l", "the", "a", "an"})


_MOST_INSERTED = 3
"""How many words in a row written inside a name are the name misquoted; more are a clause of the sentence."""


def _inserted_words(window: list, name: tuple) -> str:
    """The words written inside a name that holds all of its own in order, when they are two or more in a row, in small letters (« Office
    des Nations Unies de lutte contre la drogue et le crime »: "de lutte"); one word is the near-miss matcher's. "" when none, or when
    scattered."""
    expected = [word.stem for word in name]
    position, extra = 0, []
    for index, word in enumerate(window):
        if position < len(expected) and word.stem == expected[position]:
            position += 1
        elif word.text.lower() not in _ARTICLES:  # (the glossary's words leave the articles out)
            extra.append(index)
    if position < len(expected) or len(extra) < 2 or extra[-1] - extra[0] != len(extra) - 1 or any(window[index].text[:1].isupper() for index in extra):
        return ""  # (capitalised, the words name what the name belongs to: « le Protocole des Nations Unies visant à … », « de Palerme »)
    if len(extra) > _MOST_INSERTED or any(window[index].text.isdigit() for index in extra) or window[extra[0]].text.lower() == "s":
        return ""  # a clause between the name's words is the sentence's ("the Special Rapporteur identifies the main causes of contemporary
        # forms of slavery"), a year the name's date (« la Convention de 1999 sur les pires formes de travail des enfants »), a possessive
        # the holder's ("the Special Rapporteur's mandate on contemporary forms of slavery")
    return " ".join(window[index].text for index in extra)


_NUMBER_SIGNS = frozenset({"no", "n", "nº", "n°", "number", "numéro"})


def _cited_by_number(words: list, first: int, name: str) -> bool:
    """Whether the name's first word is followed by a number the name does not hold ("Convention 81", "Convention No. 182", « Protocole 29 »)."""
    following = words[first + 1:first + 3]
    if following and following[0].text.lower() in _NUMBER_SIGNS:
        following = following[1:]
    return bool(following) and following[0].text.isdigit() and not re.search(rf"(?<!\d){following[0].text}(?!\d)", name)


def _cut_at_a_comma(stems: list[str], entry) -> bool:
    """Whether `stems` (a window's content words) are the name's first content words up to one of its commas: a long title cited short."""
    words = entry.words
    for cut in range(1, len(words)):
        if words[cut].break_before:
            prefix = [word.stem for word in words[:cut] if not word.stop and not word.text.isdigit()]
            if len(prefix) >= NAME_MIN_WORDS and stems == prefix:
                return True
    return False


def _name_once(positions: list[int], words: list, content: tuple[str, ...]) -> list[int]:
    """The positions up to the first word the name would hold once too often ("… Supply Chains Act (the Act)": the second "Act" is
    the text's, after the name)."""
    allowed = Counter(content)
    seen: Counter = Counter()
    for index, position in enumerate(positions):
        seen[words[position].stem] += 1
        if seen[words[position].stem] > allowed[words[position].stem]:
            return positions[:index]
    return positions


_OWNER_AFTER = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des|of\s+the)\s+([Mm]inist[eè]re?y?|[Gg]ouvernement|[Gg]overnment|[Dd]épartement|[Dd]epartment|"
                          r"[Vv]ille|[Cc]ity|[Pp]rovince|[Cc]onseil\s+scolaire|[Ss]chool\s+[Bb]oard)\b")
_OWNER_BEFORE = re.compile(r"\b(?:[Mm]inistry|[Dd]epartment|[Gg]overnment|[Cc]ity|[Pp]rovince|[Bb]oard)['’]s\s+$")


def _owned_by_another_body(text: str, start: int, end: int, name: str) -> bool:
    """Whether the name is said to be a ministry's, a government's or a city's own (« … du ministère de l'Éducation », "the ministry's …")
    when the listed name says no such owner: a body of that administration named like the listed one, not the listed one."""
    owner = _OWNER_AFTER.match(text, end)
    if owner and fold(owner.group(1)).lower()[:6] not in fold(name).lower():
        return True
    return _OWNER_BEFORE.search(text, max(0, start - 30), start) is not None


def _other_side_names_something_else(link: LinkView, side: str, concept: str, glossary: Glossary) -> bool:
    """Whether the linked official text names neither the concept (by a listed form or acronym) nor begins any of its names there:
    the text names another body or event whose words resemble a listed name, not that name written another way."""
    other = "en" if side == "fr" else "fr"
    if side == "mt" or not link.texts.get(other):
        return False
    if any(match.concept == concept for match in link.matches.get(other, [])):
        return False
    words = tokenize(link.texts[other], other)
    written = {word.stem for word in words if word.text[:1].isupper()}
    firsts = {next((word.stem for word in entry.words if not word.stop), "") for entry in glossary.concept_entries(concept, other)
              if not entry.is_acronym}
    acronyms = {"".join(sorted(word.text)) for word in words if len(word.text) >= 2 and word.text.isupper()}
    initials = {"".join(sorted(fold(word.text)[:1].upper() for word in entry.words if not word.stop and word.text[:1].isalpha()))
                for lang in ("fr", "en") for entry in glossary.concept_entries(concept, lang) if not entry.is_acronym}
    return not firsts & written and not acronyms & initials  # (« l'OSCE »: the name by its initials, which the glossary does not list)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEARS_AROUND = 15
"""How far before and after a name its years are read (« la Stratégie … 2023-2026 », "the 2023-2026 National Strategy")."""


def _other_years(name: str, around: str) -> bool:
    """Whether a name that carries years (« … 2019-2024 ») is written beside years, none of them its own."""
    own = set(_YEAR.findall(name))
    written = set(_YEAR.findall(around))
    return bool(own) and bool(written) and not own & written


def _inner_term_in_another_variant(entry, start: int, end: int, matches: list, glossary: Glossary, lang: str, missing: set[str]) -> bool:
    """Whether the words a name misses are those of a glossary term it holds, and the text writes that term's concept in another variant
    where the window ends."""
    for inner in find_terms(entry.term, lang, glossary):
        if inner.concept == entry.concept or glossary.subject(inner.concept) in NAME_SUBJECTS:
            continue
        inner_words = {fold(word.text) for word in tokenize(inner.term, lang)}
        if missing <= inner_words and any(match.concept == inner.concept and match.start < end + 2 and start <= match.start for match in matches):
            return True
    return False


@dataclass(frozen=True)
class VariantNames:
    """The listed official names holding a glossary term, written with another variant of that term (`_names_with_other_variants`)."""

    names: list[tuple[re.Pattern, object, str, str]]
    """(pattern, listed name, the term inside it, another listed variant of that term)."""
    any_name: re.Pattern | None
    """Any of the patterns."""
    first_words: re.Pattern | None
    """Every place where the first word of one of them begins (a look-ahead), the only places where a text may hold one: the search
    for `any_name` (a few hundred alternatives, tried at each character: a few milliseconds a text) starts there alone."""

    def held_by(self, text: str) -> bool:
        """Whether `text` holds any of the names: `any_name` tried where one of their first words begins."""
        if self.any_name is None or self.first_words is None:
            return False
        return any(self.any_name.match(text, hit.start()) for hit in self.first_words.finditer(text))


_VARIANT_NAMES: dict[tuple[int, str], tuple[object, VariantNames]] = {}


def _names_with_other_variants(glossary: Glossary, lang: str) -> VariantNames:
    """For each listed official name holding a glossary term (« Alliance contre la traite des personnes » holds « traite des
    personnes »): that term replaced by each of its concept's other variants, where the result is not itself a listed form of the name."""
    def build() -> VariantNames:
        found = []
        first_words = []
        for entry in glossary.entries(lang):
            if entry.status == "forbidden" or entry.type != "term" or not entry.term[:1].isupper() or glossary.subject(entry.concept) not in NAME_SUBJECTS:
                continue
            listed = {fold(other.term.replace("’", "'")) for other in glossary.concept_entries(entry.concept, lang)}
            for inner in find_terms(entry.term, lang, glossary):
                if inner.concept == entry.concept or inner.term[:1].isupper() or inner.gap or glossary.subject(inner.concept) in NAME_SUBJECTS:
                    continue
                for variant in glossary.variants(inner.concept, lang):
                    other_form = entry.term[:inner.start] + variant + entry.term[inner.end:]
                    if fold(variant) == fold(inner.term) or fold(other_form) in listed:
                        continue
                    words = [re.escape(word).replace("'", "['’]") for word in other_form.split()]
                    pattern = r"\s+".join(words)
                    found.append((re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE), entry, inner.term, variant))
                    first_words.append(words[0])
        if not found:
            return VariantNames([], None, None)
        any_name = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _, _, _ in found), re.IGNORECASE)
        starts = "|".join(dict.fromkeys(first_words))
        return VariantNames(found, any_name, re.compile(rf"(?<![\w-])(?={starts})", re.IGNORECASE))

    return per_glossary(_VARIANT_NAMES, glossary, build, lang)


def names_with_another_variant(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """A listed name written with another variant of a term it holds (« l'Alliance contre la traite des êtres humains » for the OSCE's
    « Alliance contre la traite des personnes »), in a text that also writes the name as listed: a name is written word for word,
    although « traite des êtres humains » is right elsewhere. Without the listed form in the text it may be that house's usage."""
    if side == "mt":
        return []
    text, lang = link.texts[side], LANG_OF_SIDE[side]
    variant_names = _names_with_other_variants(context.glossary, lang)
    if not variant_names.held_by(text):
        return []  # (one search for all of them: most texts hold none)
    document = context.folded_texts["fr" if side == "fr" else "en"]
    flags = []
    for pattern, entry, inner, variant in variant_names.names:
        for found in pattern.finditer(text):
            if fold(entry.term.replace("’", "'")) not in document:
                break
            flags.append(Flag(link.number, side, "term-garbled", "warning", found.start(), found.end(), found.group(0),
                              f"“{found.group(0)}” is the official name “{entry.term}” with “{variant}” for “{inner}”; this text writes the name "
                              "as listed elsewhere, and a name is written word for word.", entry.term))
    return flags


@same_flags_for_same_texts
def _reworded_or_variant_names(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    return reworded_names(link, side, context) + names_with_another_variant(link, side, context)


REWORDED_NAMES = Check("reworded-names", "side", _reworded_or_variant_names, ("term-garbled",))


_CAPITAL_WORD = r"[A-ZÀ-Ý][\w’'-]*"
_CAPITALISED_RUN = re.compile(rf"(?<![\w’'-]){_CAPITAL_WORD}(?: (?:(?:de|da|di|van|von|der|al|bin|ben|dos|das|del|du) )?{_CAPITAL_WORD})+")
"""Two capitalised words or more in a row, a surname's particle allowed between them: a name as both languages may write it (« Global
Affairs Canada », "The Maddison Sessions", « Marc Perrin de Brichambaut »)."""
_POSSESSIVE = re.compile(r"['’]s?$")
COPIED_NAME_MAX_EDIT = 2
_TITLE_THEN_SURNAME = re.compile(r"(?<![\w.])(?:M\.|Mme|Mlle|Me|Dr|Pr)[ \u00a0]+([A-ZÀ-Ý][a-zà-ÿ’'-]{3,})(?![\w’'-])")
"""« a déclaré M. Macintosh »: a surname after its French title, which the English writes alone ("said Mackintosh")."""
_LONG_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ’'-]{3,}(?![\w’'-])")


def _common_word_beside_a_name(word: str, name: str, lang: str) -> bool:
    """Whether `word` is a common word of the language and `name`, the form the text writes more often, a proper name only."""
    return is_known(word.lower(), lang) and not is_known(name.lower(), lang)


_PUNCTUATED = re.compile(r"[,;:.()]")


def _same_word_in_the_plural(word: str, other: str) -> bool:
    """"the International Organisations" beside "the International Organization for Migration": a plural names no body, whichever of
    the British and American spellings it has."""
    return word.endswith("s") != other.endswith("s") and ize_spelling(word).rstrip("s") == ize_spelling(other).rstrip("s")


def names_copied_with_a_word_changed(links: list[LinkView], context: CheckContext) -> list[Flag]:
    """A name written with one word a letter or two away from the same name elsewhere: in the French, from the English's ("Global Affairs
    Canada" as « Global Affaires Canada », "The Maddison Sessions" as « The Madison Sessions »: a name kept in the other language is copied
    whole, or translated whole), or, in one text, from the form the text writes more often (« Marc Perrin de Brinchambaut » beside « …
    de Brichambaut » twice). The first word aside (a title or an article translated: « Opération Northern Spotlight », « Mme Patten »),
    apostrophes and possessives aside, and a word that is the other plus an ending ("Central African" / "Central Africa": another word)."""
    sides = ("fr", "en") if context.has_official else ("fr",)
    runs = {side: [(link, found, _name_words(found.group(0))) for link in links if link.texts[side]
                   for found in matches_in(_CAPITALISED_RUN, link.texts[side])] for side in sides}
    # (an English run's last words too: "Family Services Minister Gord Mackintosh" holds the name « M. Gord Macintosh » is compared with)
    english_names = _by_gap(Counter(words[start:] for _, _, words in runs.get("en", []) for start in range(max(1, len(words) - 1))))
    flags = []
    for side in sides:
        counts = Counter(words for _, _, words in runs[side])
        own_names = _by_gap(counts)
        first_seen: dict[tuple[str, ...], int] = {}
        for order, (_, _, words) in enumerate(runs[side]):
            first_seen.setdefault(words, order)
        for link, found, words in runs[side]:
            changed = _changed_from_english(words, english_names) if side == "fr" else None
            if changed is not None and (_same_place(words[changed[0]], changed[1]) or _accents_dropped(words[changed[0]], changed[1])):
                changed = None  # « La Strada Bulgarie » for "La Strada Bulgaria": the country inside the name is translated, as usual;
                # « Pauline Irène Nguene » for "Pauline Irene Nguene": English often drops a name's accents, French keeps them
            if changed is None:
                changed = _one_word_changed(words, own_names, more_than=counts[words])
                if changed is not None and _common_word_beside_a_name(words[changed[0]], changed[1], LANG_OF_SIDE[side]):
                    continue  # « Bell Canaux de distribution » beside « Bell Canada »: another company, named by a common word
            if changed is None and (tied := _one_word_changed(words, own_names, more_than=counts[words] - 1)) is not None:
                # two forms as often (« Ariel Henry », then « Ariel Henri »): the later one departs from the form the reader met first
                index, right = tied
                if first_seen.get(words[:index] + (right,) + words[index + 1:], len(runs[side])) < first_seen[words]:
                    changed = tied
            if changed is None or _same_word_in_the_plural(words[changed[0]], changed[1]):
                continue
            index, right = changed
            text, written = link.texts[side], found.group(0).split(" ")
            start = found.start() + sum(len(word) + 1 for word in written[:index])
            end = start + len(written[index])
            flags.append(Flag(link.number, side, "name-mismatch", "warning", start, end, text[start:end],
                              f"« {text[start:end]} » in « {found.group(0)} »: the name is written with “{right}” elsewhere; a name is written one "
                              "way, word for word.", right))
    if context.has_official:
        flags += _surnames_after_a_title(links)
    return flags + _names_given_an_accent(links) + _names_with_and_without_an_accent(links)


_ACCENTED_CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ]*[àâéèêëîïôûç][a-zà-ÿ]*(?![\w’'-])")
"""(French accents only: « Sürya » keeps its own language's umlaut.)"""
ACCENTED_NAME_MAX_ZIPF = 1.5
UNACCENTED_NAME_MIN_ZIPF = 2.5


def _names_given_an_accent(links: list[LinkView]) -> list[Flag]:
    """A capitalised word of the French with an accent that neither the French dictionary nor wordfreq (either language) knows, whose
    letters without the accent are a frequent name (« Mike Pompéo »: "Pompeo"): a foreign name given a French accent."""
    from wordfreq import zipf_frequency

    from align.checks.grammar import _french_known, english_word

    flags = []
    for link in links:
        for found in matches_in(_ACCENTED_CAPITALISED, link.texts["fr"]):
            word = found.group(0)
            bare = fold(word).capitalize()  # (the pattern's word is one capital and small letters)
            if (max(zipf_frequency(word, "fr"), zipf_frequency(word, "en")) < ACCENTED_NAME_MAX_ZIPF
                    and max(zipf_frequency(bare, "en"), zipf_frequency(bare, "fr")) >= UNACCENTED_NAME_MIN_ZIPF and not _french_known(word)
                    and not english_word(bare.lower())):  # (« Chantal Fété »: "fete" is a word, not the name it would be)
                flags.append(Flag(link.number, "fr", "name-mismatch", "warning", found.start(), found.end(), word,
                                  f"« {word} »: the name is written « {bare} », without an accent.", bare))
    return flags


def _names_with_and_without_an_accent(links: list[LinkView]) -> list[Flag]:
    """A capitalised word the French writes both with and without an accent on a small letter (« Michele Sison » twice and « Michèle
    Sison » once; « Antoine Felix Diome » and « Abdoulaye Antoine Félix Diome »): one name spelt two ways. The rarer form is the slip;
    of two as frequent, the one without the accent (French keeps the accents of small letters). Not a word French writes in small
    letters (« Général » beside an English "General"), nor a country CLDR spells both ways (« Nigeria », « Nigéria »)."""
    from align.checks.grammar import _french_known, french_checker

    if french_checker() is None:
        return []  # (without the dictionary « Général » beside an English "General" would read as one name)
    found = [(link, word) for link in links for word in matches_in(_LONG_CAPITALISED_WORD, link.texts["fr"])]
    counts = Counter(word.group(0) for _, word in found)
    spellings: dict[str, list[str]] = {}
    for form in counts:
        spellings.setdefault(form[0] + fold(form[1:]), []).append(form)
    usual_of = {}
    for forms in spellings.values():
        if (len(forms) < 2 or any(_french_known(form.lower()) for form in forms)
                or sum(form.lower() in places_by_name() for form in forms) > 1):
            continue
        usual, *others = sorted(forms, key=lambda form: (counts[form], fold(form) != form.lower()), reverse=True)
        usual_of.update((other, usual) for other in others)
    return [Flag(link.number, "fr", "name-mismatch", "warning", word.start(), word.end(), word.group(0),
                 f"« {word.group(0)} »: this text writes the name « {usual_of[word.group(0)]} » elsewhere; a name is written one way.",
                 usual_of[word.group(0)]) for link, word in found if word.group(0) in usual_of]


def _surnames_after_a_title(links: list[LinkView]) -> list[Flag]:
    """A surname after « M. », « Mme » … that the English never writes, where it writes, and the French does not, a capitalised word a
    letter or two away (« M. Macintosh » against "said Mackintosh"): one person's name spelt two ways."""
    from rapidfuzz.distance import OSA

    words = {side: set(_LONG_CAPITALISED_WORD.findall(" ".join(link.texts[side] for link in links))) for side in ("fr", "en")}
    english_only = words["en"] - words["fr"]
    flags = []
    for link in links:
        for found in matches_in(_TITLE_THEN_SURNAME, link.texts["fr"]):
            surname = found.group(1)
            if surname in words["en"]:
                continue
            near = sorted(word for word in english_only if 0 < OSA.distance(surname.lower(), word.lower()) <= COPIED_NAME_MAX_EDIT
                          and not word.lower().startswith(surname.lower()) and not surname.lower().startswith(word.lower()))
            if near:
                flags.append(Flag(link.number, "fr", "name-mismatch", "warning", found.start(1), found.end(1), surname,
                                  f"« {surname} »: the English writes the name “{near[0]}”; a name is written one way, word for word.", near[0]))
    return flags


def _accents_dropped(french: str, english: str) -> bool:
    """Whether the English word is the French one with its accents left out (« Irène », "Irene")."""
    return french.lower() != english.lower() == fold(english) == fold(french)


def _changed_from_english(words: tuple[str, ...], english_names: dict) -> tuple[int, str] | None:
    """`_one_word_changed` against the English's names, for the French name or its last words (« Mme Gulnara Shahihian »: the title
    translated, the name compared from « Gulnara »)."""
    for offset in range(max(1, len(words) - 1)):
        changed = _one_word_changed(words[offset:], english_names)
        if changed is not None:
            return changed[0] + offset, changed[1]
    return None


@lru_cache(maxsize=1)
def places_by_name() -> dict[str, set[str]]:
    """CLDR's names of countries and regions in French and English (lower case) → their codes."""
    from babel import Locale

    places: dict[str, set[str]] = {}
    for locale in ("fr", "fr_CA", "en"):
        for code, name in Locale.parse(locale).territories.items():
            places.setdefault(name.lower(), set()).add(code)
    return places


@lru_cache(maxsize=1)
def _cities_by_word() -> dict[str, set[str]]:
    """CLDR's cities that French names its own way (« Addis-Abeba », "Addis Ababa"; the English is the time zone's name): each word of
    either name, folded (« Abéba » is written so too), → the cities' zones."""
    from babel import Locale

    cities: dict[str, set[str]] = {}
    for zone, names in Locale.parse("fr").time_zones.items():
        if "city" in names and "/" in zone:
            for name in (names["city"], zone.rsplit("/", 1)[1].replace("_", " ")):
                for word in re.split(r"[ -]", name):
                    cities.setdefault(fold(word).lower(), set()).add(zone)
    return cities


def _same_place(french: str, english: str) -> bool:
    """Whether the two words name the same country, region or city in French and in English (« Bulgarie », "Bulgaria", « Abéba »)."""
    places, cities = places_by_name(), _cities_by_word()
    return bool(places.get(french.lower(), set()) & places.get(english.lower(), set())
                or cities.get(fold(french).lower(), set()) & cities.get(fold(english).lower(), set()))


def _name_words(name: str) -> tuple[str, ...]:
    """The name's words, a possessive and a title's acronym after it aside ("Juan Fernando López Aguilar MEP")."""
    words = name.replace("’", "'").split(" ")
    while len(words) > 2 and len(words[-1]) >= 2 and words[-1].isupper():
        words.pop()
    return tuple(words[:-1]) + (_POSSESSIVE.sub("", words[-1]),)


def _by_gap(counts: Counter) -> dict[tuple, list[tuple[tuple[str, ...], int]]]:
    """Names by each of their forms with one word after the first left out ((words before, words after) → [(name, occurrences)]):
    two names one word apart share a key, so a long document's names are compared in small groups, not each with each."""
    groups: dict[tuple, list[tuple[tuple[str, ...], int]]] = {}
    for words, count in counts.items():
        for index in range(1, len(words)):
            groups.setdefault((words[:index], words[index + 1:]), []).append((words, count))
    return groups


def _one_word_changed(words: tuple[str, ...], groups: dict, more_than: int = 0) -> tuple[int, str] | None:
    """(index, the other word) of the one word, after the first, that differs by a letter or two from a name of `groups` written more
    than `more_than` times."""
    from rapidfuzz.distance import OSA

    for index in range(1, len(words)):
        for other, count in groups.get((words[:index], words[index + 1:]), ()):
            if other == words or count <= more_than:
                continue
            word, their = words[index].lower(), other[index].lower()
            if min(len(word), len(their)) < 4 or word.startswith(their) or their.startswith(word):
                continue  # "African" / "Africa": a word and its derivative
            if 0 < OSA.distance(word, their) <= COPIED_NAME_MAX_EDIT:
                return index, other[index]
    return None


COPIED_NAMES = Check("copied-names", "document", names_copied_with_a_word_changed, ("name-mismatch",))
