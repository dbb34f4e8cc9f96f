"""`python -m bench checks --set mutations`: recall of the checks on errors generated in real sentences.

Hand-written fixtures only test the errors their author imagined. Here errors are generated:
operators are applied to clean sentence pairs of the evaluation corpus (`eval/texts/{fr,en}`),
each mutation stating the flag kind(s) that should report it, and where. The operators are
built from the glossary (its concepts, variants, subjects, acronyms and names) and general
rules (keyboard slips, accents, prepositions, changed numbers), not from lists of known cases.

Sentence pairs: both texts of each evaluation document are segmented (`segment_text`) and
aligned with the real aligner and the multilingual USE encoder; only 1–1 links scored ≥ 0.9
are kept, but not the two lines of a bilingual letterhead that both versions carry. A pair is DEV or TEST by its document id (TEST when the first hex digit of
sha1(id) is 0–5), as everywhere in the evaluation.

Each mutation is checked alone, as a one-unit document (French, no MT, official English), with
`run_checks(units, CheckContext(glossary, has_official=True))`. It is *found* when a flag of an
expected kind, severity warning or error, sits on an expected side and overlaps an expected
span (offsets in the unit's texts, which are the sentences themselves), and the same flag
(kind, side, text) was not already raised on the clean pair. A mutation of the French number
or date may be reported on the English counterpart (the checks treat the French as the
reference), so that span is accepted too; an emptied English is reported on the French.

False alarms: warnings and errors raised on the unmutated pairs, per 200 sentence pairs, except those on an error the
revisers annotated in the published sentence (`eval/annotations.jsonl`, checkable; a mismatch between the texts counts on an annotation
of its family on the other side, as in the real-text bench): those are listed apart.
Mutations are drawn with a seeded RNG (reproducible) and capped per operator and split.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from align.checks import CheckContext, run_checks
from align.errors import InputError
from align.model import Flag, Unit
from align.terms.glossary import DEFAULT_PATH, Glossary, load_glossary
from align.terms.matching import TermMatch, find_terms, longest_matches
from align.terms.words import fold, is_known, tokenize
from align.text.quantities import find_dates, find_numbers, same_date, same_number
from bench.checks import MISMATCH_FAMILIES
from bench.splits import HELD_OUT_SPLITS, HELDOUT

EVAL = Path(__file__).resolve().parent.parent / "eval"
SEED = 14
CAP = 300
"""Mutations per operator and split (keeps the run within a few minutes)."""
MIN_LINK_SCORE = 0.9
FLAGGING = ("warning", "error")
SPLITS = ("dev", "test")
SIDES = ("fr", "en")


def split_of(document_id: str) -> str:
    """TEST when the first hex digit of sha1(id) is 0–5, else DEV (the evaluation's split rule)."""
    return "test" if hashlib.sha1(document_id.encode()).hexdigest()[0] in "012345" else "dev"


@dataclass(frozen=True)
class SentencePair:
    document: str
    split: str
    fr: str
    en: str

    def text(self, side: str) -> str:
        return self.fr if side == "fr" else self.en


def annotated_spans(pair: SentencePair, folder: Path = EVAL) -> list[tuple[Target, str]]:
    """Where the sentence pair has a problem the revisers annotated, and its kind (checkable annotations whose quote is in the sentence)."""
    spans = []
    for record in _annotations(str(folder.resolve())).get(pair.document, []):
        text = pair.text(record["side"])
        quote = unicodedata.normalize("NFC", record["quote"])
        start = text.find(quote)
        if start >= 0:
            spans.append((Target(record["side"], start, start + len(quote)), record["kind"]))
    return spans


def on_published_error(flag: Flag, spans: list[tuple[Target, str]]) -> bool:
    """Whether a flag on an unmutated pair reports an annotated error: it overlaps one on its side, or (a mismatch between the two texts:
    `bench.checks.MISMATCH_FAMILIES`, as the real-text bench counts it) one of its family sits on the other side ("four" in the English
    against the annotated « cinq ans » of the French)."""
    return any((flag.side == span.side and flag.start < span.end and span.start < flag.end)
               or (flag.side != span.side and any({flag.kind, kind} <= family for family in MISMATCH_FAMILIES))
               for span, kind in spans)


_ANNOTATIONS_CACHE: dict[str, dict[str, list[dict]]] = {}


def _annotations(folder: str) -> dict[str, list[dict]]:
    if folder not in _ANNOTATIONS_CACHE:
        import json

        by_document: dict[str, list[dict]] = {}
        file = Path(folder) / "annotations.jsonl"
        for line in (file.read_text(encoding="utf-8").splitlines() if file.exists() else []):
            if line.strip():
                record = json.loads(line)
                if record["checkable"]:
                    by_document.setdefault(record["doc"], []).append(record)
        _ANNOTATIONS_CACHE[folder] = by_document
    return _ANNOTATIONS_CACHE[folder]


@dataclass(frozen=True)
class Target:
    """Where a flag reporting a mutation may sit."""

    side: str
    start: int
    end: int


@dataclass(frozen=True)
class Mutation:
    """`original[original_start:original_end]` of `side` replaced: the new text is `mutated[start:end]`."""

    operator: str
    pair: SentencePair
    side: str
    mutated: str
    start: int
    end: int
    original_start: int
    original_end: int
    kinds: tuple[str, ...]
    also: tuple[Target, ...] = ()
    """Other places a right flag may sit (the English counterpart of a changed French number)."""

    @property
    def fr(self) -> str:
        return self.mutated if self.side == "fr" else self.pair.fr

    @property
    def en(self) -> str:
        return self.mutated if self.side == "en" else self.pair.en

    @property
    def original(self) -> str:
        return self.pair.text(self.side)

    @property
    def targets(self) -> tuple[Target, ...]:
        own = (Target(self.side, self.start, self.end),) if self.end > self.start else ()
        return own + self.also


def replace_span(operator: str, pair: SentencePair, side: str, start: int, end: int, new: str, kinds: tuple[str, ...],
                 also: tuple[Target, ...] = ()) -> Mutation | None:
    """The mutation replacing `start:end` of one side by `new` (None when nothing changes)."""
    original = pair.text(side)
    if original[start:end] == new:
        return None
    mutated = original[:start] + new + original[end:]
    return Mutation(operator, pair, side, mutated, start, start + len(new), start, end, kinds, also)


# --- what the operators read in a sentence ---------------------------------------------------------------------

_TERMS_CACHE: dict[tuple[int, str, str], list[TermMatch]] = {}


def term_occurrences(text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
    """Exact glossary matches (no gap), longest non-overlapping first, accepted terms only."""
    key = (id(glossary), text, lang)
    if key not in _TERMS_CACHE:
        _TERMS_CACHE[key] = [m for m in longest_matches(find_terms(text, lang, glossary)) if m.status != "forbidden"]
    return _TERMS_CACHE[key]


def still_accepted(mutation: Mutation, glossary: Glossary) -> bool:
    """Whether the mutated span is still an accepted glossary term (then it is no error)."""
    lang = mutation.side
    return any(m.status != "forbidden" and not m.gap and m.start <= mutation.start and mutation.end <= m.end
               for m in find_terms(mutation.mutated, lang, glossary))


def _words(text: str) -> list[tuple[int, int]]:
    return [(found.start(), found.end()) for found in re.finditer(r"[^\W\d_]+", text)]


def _content_words_in(match: TermMatch, lang: str) -> list[tuple[int, int]]:
    """Offsets (in the sentence) of the content words of a term occurrence."""
    return [(match.start + word.start, match.start + word.end) for word in tokenize(match.term, lang) if not word.stop]


def _recase(new: str, like: str) -> str:
    if like[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _names(glossary: Glossary, lang: str) -> list:
    """Glossary entries that are official names: two content words or more, all capitalised."""
    result = []
    for entry in glossary.entries(lang):
        content = [word for word in entry.words if not word.stop]
        if entry.type == "term" and entry.status != "forbidden" and len(content) >= 2 and all(w.text[:1].isupper() for w in content):
            result.append(entry)
    return result


# --- operators -----------------------------------------------------------------------------------------------------

Generate = Callable[[SentencePair, Glossary, random.Random], list[Mutation]]


@dataclass(frozen=True)
class Operator:
    name: str
    kinds: tuple[str, ...]
    generate: Generate
    description: str


def blend(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A word of a multiword term occurrence that another accepted variant of the concept lacks, replaced by a word of
    that variant that the occurrence lacks ("traite des personnes" + "traite des êtres humains" → "traite des êtres")."""
    result = []
    for side in SIDES:
        text = pair.text(side)
        for match in term_occurrences(text, side, glossary):
            if match.type != "term":
                continue
            words = [(start, end, tokenize(text[start:end], side)[0].lemma) for start, end in _content_words_in(match, side)]
            if len(words) < 2:
                continue
            own = {lemma for _, _, lemma in words}
            choices = []
            for entry in glossary.concept_entries(match.concept, side):
                if entry.status == "forbidden" or entry.term == match.entry or entry.is_acronym:
                    continue
                theirs = {word.lemma for word in entry.words}
                replaceable = [(start, end) for start, end, lemma in words if lemma not in theirs]
                strangers = [word.text for word in entry.words if not word.stop and word.lemma not in own]
                choices += [(span, stranger) for span in replaceable for stranger in strangers]
            if not choices:
                continue
            (start, end), stranger = rng.choice(sorted(choices))
            if side == "en" and not _is_name(match.term) and end < words[-1][1] and _english_adjective(stranger):
                continue  # English swaps the adjectives of a phrase freely ("sexual trafficking", "modern forms of slavery"): no blend
            mutation = replace_span("blend", pair, side, start, end, _recase(stranger, text[start:end]), ("term-garbled",))
            if mutation and not still_accepted(mutation, glossary):
                result.append(mutation)
    return result


def _english_adjective(word: str) -> bool:
    return word.islower() and word.endswith(("al", "ary", "ern", "ic", "ous", "ive", "ful", "ible", "able", "ian")) and is_known(word, "en")


_KEYBOARD_ROWS = {
    "fr": ["azertyuiop", "qsdfghjklm", "wxcvbn"],
    "en": ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
}


def _neighbours(lang: str) -> dict[str, str]:
    """Keys next to each letter on the layout of the language (AZERTY, QWERTY), same row and rows above/below."""
    rows = _KEYBOARD_ROWS[lang]
    result: dict[str, str] = {}
    for row_index, row in enumerate(rows):
        for column, letter in enumerate(row):
            near = set()
            for other_index in (row_index - 1, row_index, row_index + 1):
                if 0 <= other_index < len(rows):
                    other = rows[other_index]
                    near.update(other[max(0, column - 1):column + 2])
            near.discard(letter)
            result[letter] = "".join(sorted(near))
    return result


_ACCENTS = {"e": "éèêë", "a": "àâ", "u": "ùûü", "i": "îï", "o": "ô", "c": "ç"}


def _base(letter: str) -> str:
    return unicodedata.normalize("NFD", letter)[0]


def typo_keyboard(word: str, lang: str, rng: random.Random) -> str | None:
    positions = [i for i, char in enumerate(word) if char.lower() in _neighbours(lang)]
    if not positions:
        return None
    index = rng.choice(positions)
    slip = rng.choice(_neighbours(lang)[word[index].lower()])
    return word[:index] + (slip.upper() if word[index].isupper() else slip) + word[index + 1:]


def typo_accent_dropped(word: str, lang: str, rng: random.Random) -> str | None:
    # capitals may go unaccented; « chaine » for « chaîne » is the 1990 rectified spelling, no slip
    positions = [i for i, char in enumerate(word) if _base(char) != char and char.islower() and not (lang == "fr" and char in "îû")]
    if not positions:
        return None
    index = rng.choice(positions)
    return word[:index] + _base(word[index]) + word[index + 1:]


def typo_accent_wrong(word: str, lang: str, rng: random.Random) -> str | None:
    positions = [i for i, char in enumerate(word) if _base(char) != char and len(_ACCENTS.get(_base(char).lower(), "")) > 1]
    if not positions:
        return None
    index = rng.choice(positions)
    char = word[index]
    choices = [other for other in _ACCENTS[_base(char).lower()] if other != char.lower()]
    other = rng.choice(choices)
    return word[:index] + (other.upper() if char.isupper() else other) + word[index + 1:]


def typo_swap(word: str, lang: str, rng: random.Random) -> str | None:
    positions = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
    if not positions:
        return None
    index = rng.choice(positions)
    return word[:index] + word[index + 1] + word[index] + word[index + 2:]


def typo_drop(word: str, lang: str, rng: random.Random) -> str | None:
    if len(word) < 4:
        return None
    index = rng.randrange(len(word))
    return word[:index] + word[index + 1:]


def _other_inflection(old: str, new: str, lang: str) -> bool:
    """Whether a slip only made another form of the same word ("victimes" → "victime"), which is no error."""
    old_word, new_word = tokenize(old, lang)[0], tokenize(new, lang)[0]
    return old_word.lemma == new_word.lemma and fold(old) != fold(new)


TYPO_KINDS = ("term-garbled", "spelling")
"""A slip in a term's word is found by the term checks (the term's right form) or by the spelling check on that word: the mutation's
span is the word itself, so a `spelling` flag overlapping it sits on the slip (sixth round; before it, only `term-garbled` counted)."""


def _typo_operator(name: str, slip: Callable[[str, str, random.Random], str | None]) -> Generate:
    def generate(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
        """One word (four letters or more) of each glossary term occurrence misspelt."""
        result = []
        for side in SIDES:
            text = pair.text(side)
            for match in term_occurrences(text, side, glossary):
                if match.type != "term":
                    continue
                words = [(start, end) for start, end in _content_words_in(match, side) if end - start >= 4 and slip(text[start:end], side, random.Random(0))]
                if not words:
                    continue
                start, end = rng.choice(words)
                new = slip(text[start:end], side, rng)
                mutation = replace_span(name, pair, side, start, end, new, TYPO_KINDS) if new else None
                if mutation and not _other_inflection(text[start:end], new, side):
                    result.append(mutation)
        return result
    return generate


def space_dropped(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """The space between two words of a multiword term occurrence lost (« traitedes personnes », "forcedlabour"), as a careless
    keyboard or a text pulled out of a PDF or a web page leaves it."""
    result = []
    for side in SIDES:
        text = pair.text(side)
        for match in term_occurrences(text, side, glossary):
            words = [(start, end) for start, end in _words(text) if match.start <= start and end <= match.end]
            joints = [(first, second) for first, second in zip(words, words[1:]) if text[first[1]:second[0]] == " "]
            if not joints:
                continue
            (start, _), (_, end) = rng.choice(joints)
            mutation = replace_span("space-dropped", pair, side, start, end, text[start:end].replace(" ", "", 1), TYPO_KINDS)
            if mutation:
                result.append(mutation)
    return result


# French prepositions with the article they may carry, and the contractions of « de » and « à » with le/les
_FR_FUNCTION = re.compile(r"(?<![\w'’])(?:(de|à|pour|en|sur|par|contre|dans|avec|entre) (la |le |les |l['’])?|(du|des|au|aux) |(d)['’])",
                          re.IGNORECASE)
_FR_PREPOSITIONS = ("de", "à", "pour", "en", "sur", "par", "contre", "dans")
_CONTRACTED = {"du": ("de", "le "), "des": ("de", "les "), "au": ("à", "le "), "aux": ("à", "les "), "d": ("de", "")}
_EN_FUNCTION = re.compile(r"(?<![\w'’])(of|in|for|against|to|on|by|from|with|into) ", re.IGNORECASE)
_EN_PREPOSITIONS = ("of", "in", "for", "against", "to", "on", "by", "from", "with")


def _render_fr(preposition: str, article: str, next_word: str) -> str:
    """« de » + « le » is « du », « à » + « les » is « aux », « de » before a vowel is « d' »."""
    contractions = {("de", "le "): "du ", ("de", "les "): "des ", ("à", "le "): "au ", ("à", "les "): "aux "}
    if (preposition, article) in contractions:
        return contractions[(preposition, article)]
    if not article and preposition == "de" and next_word[:1].lower() in "aeiouyhéèêàâîôû":
        return "d'"
    return f"{preposition} {article}"


def preposition(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A preposition inside a multiword term occurrence replaced by another one, or dropped with its article."""
    result = []
    for side in SIDES:
        text = pair.text(side)
        for match in term_occurrences(text, side, glossary):
            if match.type != "term":
                continue
            pattern = _FR_FUNCTION if side == "fr" else _EN_FUNCTION
            inside = [found for found in pattern.finditer(text, match.start, match.end) if found.start() > match.start]
            if not inside:
                continue
            found = rng.choice(inside)
            next_word = text[found.end():]
            if side == "fr":
                if found.group(1):
                    current, article = found.group(1).lower(), (found.group(2) or "").lower().replace("’", "'")
                else:
                    current, article = _CONTRACTED[(found.group(3) or found.group(4)).lower()]
                new = "" if rng.random() < 0.2 else _render_fr(rng.choice([p for p in _FR_PREPOSITIONS if p != current]), article, next_word)
            else:
                current = found.group(1).lower()
                new = "" if rng.random() < 0.2 else rng.choice([p for p in _EN_PREPOSITIONS if p != current]) + " "
            start, end = found.start(), found.end()
            if not new:  # a dropped preposition leaves the words around it; the span is the join
                start -= 1
                new = " "
            mutation = replace_span("preposition", pair, side, start, end, new, ("term-garbled",))
            if mutation is None or still_accepted(mutation, glossary):
                continue
            if side == "en" and not _is_name(match.term) and _english_usage(text[:found.start()], new.strip()):
                continue
            result.append(_forbidden_too(_widen(mutation), glossary))
    return result


def _is_name(term: str) -> bool:
    return term[:1].isupper() and all(word.text[:1].isupper() for word in tokenize(term, "en") if not word.stop)


def _english_usage(before: str, new: str) -> bool:
    """English outside names: "of" links any noun to its complement ("trafficking of children" beside "trafficking in children"),
    and a gerund takes its object with no preposition ("trafficking human beings"): no error either way."""
    return new == "of" or (not new and bool(re.search(r"ing\s*$", before, re.IGNORECASE)))


def _forbidden_too(mutation: Mutation, glossary: Glossary) -> Mutation:
    """A change that makes a term the glossary lists as forbidden ("trafficking of persons") is reported as that forbidden term too."""
    if any(m.status == "forbidden" and m.start < mutation.end and mutation.start < m.end for m in find_terms(mutation.mutated, mutation.side, glossary)):
        return Mutation(mutation.operator, mutation.pair, mutation.side, mutation.mutated, mutation.start, mutation.end, mutation.original_start,
                        mutation.original_end, (*mutation.kinds, "forbidden-term"), mutation.also)
    return mutation


def _widen(mutation: Mutation) -> Mutation:
    """Stretch the span to the words on each side, so a dropped word is a visible span."""
    text = mutation.mutated
    start, end = mutation.start, mutation.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    if text[start:end].strip() == "":
        left = text[:start].rstrip()
        previous = re.search(r"\S+$", left)
        following = re.match(r"\s*\S+", text[end:])
        start = previous.start() if previous else start
        end = end + following.end() if following else end
    shift_start = mutation.start - start
    shift_end = end - mutation.end
    return Mutation(mutation.operator, mutation.pair, mutation.side, text, start, end, mutation.original_start - shift_start,
                    mutation.original_end + shift_end, mutation.kinds, mutation.also)


def doubled_word(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A word of a term occurrence, or the article just before it, written twice (« la la traite »)."""
    result = []
    for side in SIDES:
        text = pair.text(side)
        for match in term_occurrences(text, side, glossary):
            words = [(start, end) for start, end in _words(text) if match.start <= start and end <= match.end]
            before = re.search(r"(?<![\w'’])(\w+)\s+$", text[:match.start])
            if before and before.group(1).lower() in ("le", "la", "les", "l", "des", "du", "the", "a", "an", "of"):
                words.append((before.start(1), before.end(1)))
            if not words:
                continue
            start, end = rng.choice(words)
            word = text[start:end]
            mutation = replace_span("doubled-word", pair, side, start, end, f"{word} {word.lower()}", ("typography", "term-garbled"))
            if mutation:
                result.append(mutation)
    return result


_INFLECTED_ENDINGS = ("", "e", "s", "es")
_FEMININE_ENDINGS = (("elle", "el"), ("ière", "ier"), ("ive", "if"), ("euse", "eux"), ("enne", "en"))


def _other_agreements(adjective: str) -> list[str]:
    """Forms of the same French adjective in another gender or number (« humains » → « humaine », « humaines », « humain »), as the
    dictionary knows them."""
    from align.checks.grammar import french_checker

    checker = french_checker()
    if checker is None:
        return []
    spelling = checker.getSpellChecker()
    lemmas = {morph.split("/")[0] for morph in spelling.getMorph(adjective) if ":A" in morph}
    singular = re.sub(r"(?<=[^s])s$", "", adjective)
    stems = {re.sub(r"(?:e|s)$", "", singular)}
    for feminine, masculine in _FEMININE_ENDINGS:
        if singular.endswith(feminine):
            stems.add(singular[:-len(feminine)] + masculine)
        elif singular.endswith(masculine):
            stems.add(singular[:-len(masculine)] + feminine.removesuffix("e"))
    return [form for form in dict.fromkeys(stem + ending for stem in sorted(stems) for ending in _INFLECTED_ENDINGS)
            if form != adjective and {morph.split("/")[0] for morph in spelling.getMorph(form) if ":A" in morph} & lemmas]


def _noun_and_adjective(noun: str, adjective: str) -> bool:
    """Whether the first word is a noun and no determiner (« la » is also a noun, the note) and the second only an adjective (« traite »
    is also a noun)."""
    from align.checks.grammar import french_checker

    checker = french_checker()
    if checker is None:
        return False
    spelling = checker.getSpellChecker()
    noun_readings, adjective_readings = spelling.getMorph(noun), spelling.getMorph(adjective)
    return (any(":N" in morph for morph in noun_readings) and not any(":G" in morph for morph in noun_readings)
            and bool(adjective_readings) and all(":A" in morph for morph in adjective_readings))


def term_agreement(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A French term's adjective put in a gender or number that no longer agrees with the term's noun before it (« traite des êtres
    humaines »)."""
    from align.checks.grammar import disagreeing_adjective

    result = []
    text = pair.text("fr")
    for match in term_occurrences(text, "fr", glossary):
        words = [(start, end) for start, end in _words(text) if match.start <= start and end <= match.end]
        candidates = []
        for (noun_start, noun_end), (start, end) in zip(words, words[1:]):
            noun = text[noun_start:noun_end]
            if start - noun_end == 1 and _noun_and_adjective(noun, text[start:end]):
                candidates += [(start, end, form) for form in _other_agreements(text[start:end]) if disagreeing_adjective(noun, form)]
        if candidates:
            start, end, form = rng.choice(candidates)
            mutation = replace_span("term-agreement", pair, "fr", start, end, form, ("term-garbled", "grammar"))
            if mutation:
                result.append(mutation)
    return result


def concept_swap(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """In the English, a term replaced by the preferred term of another concept of the same subject (trafficking → smuggling)."""
    result = []
    french_concepts = {m.concept for m in term_occurrences(pair.fr, "fr", glossary)}
    for match in term_occurrences(pair.en, "en", glossary):
        subject = glossary.subject(match.concept)
        if match.type != "term" or match.concept not in french_concepts or not subject:
            continue
        # not a concept the glossary says a translation may write for this one (victim ↔ survivor), nor a narrower or broader kind of
        # the same thing, the one term being the other with words put before it ("victims" → "presumed victims", "domestic
        # servitude" → "servitude"): neither is a confusion of concepts; nor a concept the glossary says this one is a kind of
        # (tenth round: "domestic servitude" → "exploitation", "forced labour" → "labour exploitation" say less, not something else)
        neighbours = sorted({entry.concept for entry in glossary.entries("en") if entry.concept != match.concept and entry.type == "term"
                             and glossary.subject(entry.concept) == subject and entry.concept not in french_concepts
                             and glossary.preferred(entry.concept, "en") and entry.concept not in glossary.alternates(match.concept)
                             and entry.concept not in glossary.broader(match.concept)
                             and not _kinds_of_one_thing(glossary, entry.concept, match.concept, match.term)})
        if not neighbours:
            continue
        new = glossary.preferred(rng.choice(neighbours), "en")
        last_written, last_entry = match.term.split()[-1].lower(), match.entry.split()[-1].lower()
        if last_written in (last_entry + "s", last_entry + "es") and not new.endswith("s"):
            new = _plural(new)  # keep the plural of the text ("traffickers" → "smugglers")
        # a swap to a concept the glossary records as confusable is reported as the more precise concept-confusion
        mutation = replace_span("concept-swap", pair, "en", match.start, match.end, _recase(new, match.term), ("term-missing", "concept-confusion"))
        if mutation:
            result.append(mutation)
    return result


def _kinds_of_one_thing(glossary: Glossary, concept: str, other: str, written: str) -> bool:
    """Whether one concept is a narrower kind of the other: one of its English variants qualifies one of the other's, or the term
    written (seventh round: every variant, not only the preferred term and the one written — "presumed victim" qualifies "victim",
    a variant of the concept written "victims of human trafficking")."""
    terms = [entry.term for entry in glossary.concept_entries(concept, "en") if entry.status != "forbidden" and not entry.is_acronym]
    others = [written] + [entry.term for entry in glossary.concept_entries(other, "en") if entry.status != "forbidden" and not entry.is_acronym]
    return any(_one_qualifies_the_other(term, other_term) for term in terms for other_term in others)


def _one_qualifies_the_other(term: str, other: str) -> bool:
    """Whether one English term is the other with words before it ("presumed victim" and "victims"): lemmas of the shorter's words
    end the longer; outside names, with words after it too ("sexual exploitation and abuse" and "sexual exploitation" or
    "exploitation"), the shorter's lemmas in a row inside the longer (seventh round). An institution's name inside another's
    ("the United Nations" in "the Office of the United Nations High Commissioner for Human Rights") names another institution."""
    first, second = ([word.lemma for word in tokenize(text, "en") if not word.stop] for text in (term, other))
    shorter, longer = sorted((first, second), key=len)
    if not 0 < len(shorter) < len(longer):
        return False
    if longer[-len(shorter):] == shorter:
        return True
    return not (_is_name(term) or _is_name(other)) and any(longer[start:start + len(shorter)] == shorter
                                                          for start in range(len(longer) - len(shorter) + 1))


_IRREGULAR_PLURALS = {"child": "children", "woman": "women", "man": "men", "person": "persons"}


def _plural(term: str) -> str:
    """English plural of a term's last word."""
    head, _, last = term.rpartition(" ")
    if last.lower() in _IRREGULAR_PLURALS:
        last = _IRREGULAR_PLURALS[last.lower()]
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def acronym_swap(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A glossary acronym replaced by the acronym of another concept of its subject (UNODC → UNDP), in the English or the French."""
    result = []
    for side in SIDES:
        other_side = "en" if side == "fr" else "fr"
        here = [m for m in term_occurrences(pair.text(side), side, glossary) if m.type in ("acronym", "abbreviation")]
        there = {m.concept: m for m in term_occurrences(pair.text(other_side), other_side, glossary)}
        for match in here:
            if match.concept not in there:
                continue
            strangers = sorted({entry.term for entry in glossary.entries(side) if entry.is_acronym and entry.concept != match.concept
                                and entry.status != "forbidden" and entry.concept not in there and entry.term.isupper()})
            # another institution's acronym for an institution (a crime's acronym has no neighbour: TIP, THB are one concept)
            strangers = [term for term in strangers if _subject_of_acronym(glossary, side, term) == glossary.subject(match.concept)]
            if not strangers:
                continue
            counterpart = there[match.concept]
            also = (Target(other_side, counterpart.start, counterpart.end),) if side == "fr" else ()
            mutation = replace_span("acronym-swap", pair, side, match.start, match.end, rng.choice(strangers), ("acronym-mismatch",), also)
            if mutation:
                result.append(mutation)
    return result


def _subject_of_acronym(glossary: Glossary, lang: str, term: str) -> str:
    return next((glossary.subject(entry.concept) for entry in glossary.entries(lang) if entry.term == term), "")


def name_word(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """One word of an official name changed for a capitalised word of another glossary name ("Suppress and Sanction")."""
    result = []
    for side in SIDES:
        text = pair.text(side)
        names = _names(glossary, side)
        name_terms = {entry.term for entry in names}
        for match in term_occurrences(text, side, glossary):
            if match.entry not in name_terms:
                continue
            words = [(start, end) for start, end in _content_words_in(match, side) if text[start:start + 1].isupper()]
            own = {text[start:end].lower() for start, end in words}
            pool = sorted({word.text for entry in names for word in entry.words
                           if not word.stop and word.text[:1].isupper() and word.text.lower() not in own and len(word.text) > 2})
            if not words or not pool:
                continue
            start, end = rng.choice(words)
            mutation = replace_span("name-word", pair, side, start, end, rng.choice(pool), ("term-garbled",))
            if mutation and not still_accepted(mutation, glossary):
                result.append(mutation)
    return result


def _shared(pair: SentencePair, finder, same) -> list[tuple]:
    """Quantities found with the same value on both sides: (French, English) pairs."""
    french, english = finder(pair.fr, "fr"), finder(pair.en, "en")
    shared, used = [], set()
    for value in french:
        other = next((e for e in english if id(e) not in used and same(value.value, e.value)), None)
        if other is not None:
            used.add(id(other))
            shared.append((value, other))
    return shared


def changed_number(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A number written in digits and present on both sides changed on one side (one digit replaced)."""
    result = []
    for french, english in _shared(pair, find_numbers, same_number):
        if french.spelt or english.spelt:
            continue
        side = rng.choice(("fr", "en"))
        value, counterpart = (french, english) if side == "fr" else (english, french)
        digits = [i for i, char in enumerate(value.text) if char.isdigit()]
        if not digits:
            continue
        index = rng.choice(digits)
        choices = [d for d in "0123456789" if d != value.text[index] and not (d == "0" and index == digits[0])]
        new = value.text[:index] + rng.choice(choices) + value.text[index + 1:]
        also = (Target("en", counterpart.start, counterpart.end),) if side == "fr" else ()
        mutation = replace_span("number", pair, side, value.start, value.end, new, ("number-mismatch",), also)
        if mutation:
            result.append(mutation)
    return result


_MONTH_NAMES = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}


def changed_date(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A date present on both sides changed on one side: its day, month or year."""
    result = []
    for french, english in _shared(pair, find_dates, same_date):
        side = rng.choice(("fr", "en"))
        value, counterpart = (french, english) if side == "fr" else (english, french)
        year, _, day = value.value
        parts = [part for part, present in (("day", day), ("month", True), ("year", year)) if present]
        part = rng.choice(parts)
        text = value.text
        if part == "day":
            found = re.search(r"\b(1er|\d{1,2})(?=\D|$)", text)
            if not found:
                continue  # a date written another way (a year of two figures, a weekday and a day): no day to change
            new_day = rng.choice([d for d in range(1, 29) if d != day])
            new = text[:found.start()] + str(new_day) + text[found.end():]
        elif part == "year":
            found = re.search(r"\d{4}", text)
            if not found:
                continue
            new = text[:found.start()] + str(year + rng.choice((-3, -2, -1, 1, 2, 3))) + text[found.end():]
        else:
            names = _MONTH_NAMES[side]
            found = re.search("|".join(names + [unicodedata.normalize("NFD", n).encode("ascii", "ignore").decode() for n in names]),
                              text, re.IGNORECASE)
            if not found:
                continue
            current = found.group(0).lower()
            other = rng.choice([n for n in names if n.lower() != current and _base_word(n) != _base_word(current)])
            new = text[:found.start()] + _recase(other, found.group(0)) + text[found.end():]
        also = (Target("en", counterpart.start, counterpart.end),) if side == "fr" else ()
        mutation = replace_span("date", pair, side, value.start, value.end, new, ("date-mismatch",), also)
        if mutation:
            result.append(mutation)
    return result


def _base_word(word: str) -> str:
    return "".join(_base(char) for char in word.lower())


def omission(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """The English sentence dropped: reported on the French, which has no counterpart."""
    mutation = replace_span("omission", pair, "en", 0, len(pair.en), "", ("omission",), (Target("fr", 0, len(pair.fr)),))
    return [mutation] if mutation else []


def untranslated_sentence(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """The English is the French sentence, left untranslated."""
    mutation = replace_span("untranslated-sentence", pair, "en", 0, len(pair.en), pair.fr, ("untranslated",))
    return [mutation] if mutation else []


def english_in_french(pair: SentencePair, glossary: Glossary, rng: random.Random) -> list[Mutation]:
    """A French term replaced by its English (as the linked English writes it): English left in the French."""
    result = []
    english = {m.concept: m for m in term_occurrences(pair.en, "en", glossary) if m.type == "term"}
    for match in term_occurrences(pair.fr, "fr", glossary):
        if match.type != "term" or match.concept not in english:
            continue
        new = english[match.concept].term
        if new.lower() == match.term.lower():
            continue  # spelt the same in both languages
        mutation = replace_span("english-in-french", pair, "fr", match.start, match.end, _recase(new, match.term), ("untranslated",))
        if mutation:
            result.append(mutation)
    return result


OPERATORS: list[Operator] = [
    Operator("blend", ("term-garbled",), blend, "a word of another variant of the same concept inside a term"),
    Operator("typo-keyboard", TYPO_KINDS, _typo_operator("typo-keyboard", typo_keyboard), "a letter of a term slipped to a neighbouring key"),
    Operator("typo-accent-dropped", TYPO_KINDS, _typo_operator("typo-accent-dropped", typo_accent_dropped), "an accent of a term dropped"),
    Operator("typo-accent-wrong", TYPO_KINDS, _typo_operator("typo-accent-wrong", typo_accent_wrong), "an accent of a term changed"),
    Operator("typo-swap", TYPO_KINDS, _typo_operator("typo-swap", typo_swap), "two letters of a term swapped"),
    Operator("typo-drop", TYPO_KINDS, _typo_operator("typo-drop", typo_drop), "a letter of a term dropped"),
    Operator("space-dropped", TYPO_KINDS, space_dropped, "the space between two words of a term lost"),
    Operator("preposition", ("term-garbled",), preposition, "a preposition inside a term changed or dropped"),
    Operator("doubled-word", ("typography", "term-garbled"), doubled_word, "a word of a term (or its article) doubled"),
    Operator("term-agreement", ("term-garbled", "grammar"), term_agreement, "a French term's adjective no longer agreeing with its noun"),
    Operator("concept-swap", ("term-missing", "concept-confusion"), concept_swap, "an English term replaced by another concept of its subject"),
    Operator("acronym-swap", ("acronym-mismatch",), acronym_swap, "an acronym replaced by another institution's"),
    Operator("name-word", ("term-garbled",), name_word, "a word of an official name changed"),
    Operator("number", ("number-mismatch",), changed_number, "a number changed on one side"),
    Operator("date", ("date-mismatch",), changed_date, "a date changed on one side"),
    Operator("omission", ("omission",), omission, "the English sentence dropped"),
    Operator("untranslated-sentence", ("untranslated",), untranslated_sentence, "the French left as the English"),
    Operator("english-in-french", ("untranslated",), english_in_french, "an English term left in the French"),
]
OPERATOR_BY_NAME = {operator.name: operator for operator in OPERATORS}


def mutations_for(operator: Operator, pairs: list[SentencePair], glossary: Glossary, seed: int = SEED, cap: int = CAP) -> list[Mutation]:
    """Every candidate mutation of `operator` over `pairs` (one RNG per pair), then a seeded sample of at most `cap`."""
    candidates = []
    for index, pair in enumerate(pairs):
        candidates += operator.generate(pair, glossary, random.Random(f"{seed}:{operator.name}:{pair.document}:{index}"))
    if len(candidates) <= cap:
        return candidates
    return random.Random(f"{seed}:{operator.name}:sample").sample(candidates, cap)


# --- sentence pairs ---------------------------------------------------------------------------------------------


def pair_ids(folder: Path = EVAL, *, held_out: bool = False) -> list[str]:
    """Ids of the evaluation documents with an official English (kind `pair` in documents.csv (or documents-*.csv part files)),
    the held-out parts excepted (their split is not the hash rule's, and nothing is tuned on it) — or, with `held_out`, theirs only."""
    ids = []
    for table in sorted([*folder.glob("documents.csv"), *folder.glob("documents-*.csv")]):
        with table.open(encoding="utf-8", newline="") as handle:
            ids += [row["id"] for row in csv.DictReader(handle) if row["kind"] == "pair" and (row.get("split") in HELD_OUT_SPLITS) == held_out]
    return [document for document in ids if (folder / "texts" / "en" / f"{document}.txt").exists()]


_PAIRS_CACHE: dict[str, list[SentencePair]] = {}


def sentence_pairs(folder: Path = EVAL, *, held_out: bool = False) -> list[SentencePair]:
    """1–1 links scored ≥ MIN_LINK_SCORE by the real aligner over every evaluation pair (kept in memory); with `held_out`, over the
    pairs of every held-out part instead, pooled as the split `heldout` (sentences no mutation operator was written from)."""
    key = f"{folder.resolve()}:{held_out}"
    if key in _PAIRS_CACHE:
        return _PAIRS_CACHE[key]
    from align.aligner.alignment import align_texts
    from align.aligner.embedding import load_encoder
    from align.text.segmentation import segment_text

    encoder = load_encoder("use-multilingual")
    pairs = []
    for document in pair_ids(folder, held_out=held_out):
        fr_text = (folder / "texts" / "fr" / f"{document}.txt").read_text(encoding="utf-8")
        en_text = (folder / "texts" / "en" / f"{document}.txt").read_text(encoding="utf-8")
        fr = [s for s in segment_text(fr_text, "fr") if s.alignable]
        en = [s for s in segment_text(en_text, "en") if s.alignable]
        aligned = align_texts([s.text for s in fr], [s.text for s in en], encoder, fr_kinds=[s.kind for s in fr], en_kinds=[s.kind for s in en])
        for link in aligned.links:
            if len(link.fr_ids) == 1 and len(link.en_ids) == 1 and link.score >= MIN_LINK_SCORE:
                french, english = fr[link.fr_ids[0]].text, en[link.en_ids[0]].text
                if french != english and (french in en_text or english in fr_text):
                    continue  # the two lines of a bilingual letterhead, both carried by both versions: not a translation pair
                pairs.append(SentencePair(document, HELDOUT if held_out else split_of(document), fr[link.fr_ids[0]].text, en[link.en_ids[0]].text))
    _PAIRS_CACHE[key] = pairs
    return pairs


# --- scoring ------------------------------------------------------------------------------------------------------


def pair_flags(fr: str, en: str, glossary: Glossary) -> list[Flag]:
    """The checks on one sentence pair as a one-unit document (no MT, official English)."""
    unit = Unit(0, (0,) if fr else (), (0,) if en else (), fr, "", en, 1.0, "auto")
    return run_checks([unit], CheckContext(glossary, has_official=True))


def _flag_key(flag: Flag) -> tuple[str, str, str]:
    return (flag.kind, flag.side, flag.text)


def is_found(mutation: Mutation, flags: list[Flag], clean: list[Flag]) -> bool:
    """A new warning/error of an expected kind on an expected side overlapping an expected span."""
    already = {_flag_key(flag) for flag in clean}
    return any(flag.severity in FLAGGING and flag.kind in mutation.kinds and _flag_key(flag) not in already
               and any(flag.side == target.side and flag.start < target.end and target.start < flag.end for target in mutation.targets)
               for flag in flags)


def raised_kinds(mutation: Mutation, flags: list[Flag], clean: list[Flag]) -> set[str]:
    """Kinds of the new warnings/errors overlapping an expected span (what the tool says instead, when it misses)."""
    already = {_flag_key(flag) for flag in clean}
    return {flag.kind for flag in flags if flag.severity in FLAGGING and _flag_key(flag) not in already
            and any(flag.side == target.side and flag.start < target.end and target.start < flag.end for target in mutation.targets)}


@dataclass
class OperatorScore:
    mutations: int = 0
    found: int = 0
    by_side: Counter = field(default_factory=Counter)
    found_by_side: Counter = field(default_factory=Counter)
    raised_when_missed: Counter = field(default_factory=Counter)
    missed: list[tuple[Mutation, set[str]]] = field(default_factory=list)
    """Every missed mutation with the kinds raised on its span instead (`--misses` lists them all, the default output two)."""

    @property
    def recall(self) -> float:
        return self.found / self.mutations if self.mutations else float("nan")


@dataclass
class SplitResult:
    split: str
    pairs: int
    clean_alarms: list[tuple[SentencePair, Flag]]
    operators: dict[str, OperatorScore]
    published_errors: list[tuple[SentencePair, Flag]] = field(default_factory=list)
    """Flags on the unmutated pairs that report an error the revisers annotated in the published text (not false alarms)."""


def score_split(pairs: list[SentencePair], glossary: Glossary, split: str, seed: int = SEED, cap: int = CAP,
                operators: list[Operator] | None = None) -> SplitResult:
    clean_flags = {(pair.fr, pair.en): pair_flags(pair.fr, pair.en, glossary) for pair in pairs}
    alarms, published = [], []
    for pair in pairs:
        spans = annotated_spans(pair)
        for flag in clean_flags[(pair.fr, pair.en)]:
            if flag.severity in FLAGGING:
                (published if on_published_error(flag, spans) else alarms).append((pair, flag))
    scores: dict[str, OperatorScore] = {}
    for operator in operators or OPERATORS:
        score = scores[operator.name] = OperatorScore()
        for mutation in mutations_for(operator, pairs, glossary, seed, cap):
            flags = pair_flags(mutation.fr, mutation.en, glossary)
            clean = clean_flags[(mutation.pair.fr, mutation.pair.en)]
            score.mutations += 1
            score.by_side[mutation.side] += 1
            if is_found(mutation, flags, clean):
                score.found += 1
                score.found_by_side[mutation.side] += 1
            else:
                instead = raised_kinds(mutation, flags, clean)
                score.raised_when_missed.update(instead or {"nothing"})
                score.missed.append((mutation, instead))
    return SplitResult(split, len(pairs), alarms, scores, published)


def _cell(score: OperatorScore) -> str:
    if not score.mutations:
        return f"{'—':>16s}"
    return f"{score.found:4d}/{score.mutations:<4d} {score.recall:5.2f} "


def run_bench(glossary_file: str | Path | None = None, seed: int = SEED, cap: int = CAP, folder: Path = EVAL,
              splits: tuple[str, ...] = SPLITS, details: str = "examples") -> int:
    """Print recall per operator for each of `splits` (dev, test) and false alarms on the clean pairs; return 0.

    Only the splits asked for are scored and printed, so that tuning on dev never shows a test figure or example. `details`:
    "summary" prints figures only (no false alarm or miss text: a test split is measured without being read), "examples" two
    misses per operator, "misses" every miss with its sentence and what was raised instead."""
    started = time.perf_counter()
    glossary = load_glossary(glossary_file or DEFAULT_PATH)
    if not pair_ids(folder):
        raise InputError(folder, "no French/English evaluation pairs (documents.csv rows of kind 'pair' with texts/en/ID.txt)")
    pairs = sentence_pairs(folder) + (sentence_pairs(folder, held_out=True) if HELDOUT in splits else [])
    by_split = {split: [pair for pair in pairs if pair.split == split] for split in splits}
    documents = {split: len({pair.document for pair in by_split[split]}) for split in splits}
    documents_read = len(pair_ids(folder)) + (len(pair_ids(folder, held_out=True)) if HELDOUT in splits else 0)
    print(f"mutation benchmark: {len(pairs)} sentence pairs (1–1 links scored ≥ {MIN_LINK_SCORE}) from {documents_read} evaluation pairs; "
          + ", ".join(f"{split.upper()} {len(by_split[split])} pairs / {documents[split]} documents" for split in splits)
          + f"; seed {seed}, at most {cap} mutations per operator and split")
    results = {split: score_split(by_split[split], glossary, split, seed, cap) for split in splits}
    shown = splits[-1]
    print(f"\n{'operator':22s} {'expected kind(s)':28s} " + " ".join(f"{split.upper() + ' found/n recall':>19s}" for split in splits)
          + f"  {shown.upper()} by side   raised instead when missed ({'+'.join(split.upper() for split in splits)})")
    for operator in OPERATORS:
        scores = [results[split].operators[operator.name] for split in splits]
        last = scores[-1]
        sides = " ".join(f"{side} {last.found_by_side[side]}/{last.by_side[side]}" for side in ("fr", "en") if last.by_side[side])
        instead = sum((score.raised_when_missed for score in scores), Counter())
        print(f"{operator.name:22s} {' or '.join(operator.kinds):28s} " + " ".join(f"{_cell(score):>19s}" for score in scores)
              + f"  {sides:14s} " + ", ".join(f"{kind} {count}" for kind, count in instead.most_common(4)))
    total = {split: (sum(s.found for s in results[split].operators.values()), sum(s.mutations for s in results[split].operators.values()))
             for split in splits}
    print("all operators: " + ", ".join(f"{split.upper()} {found}/{n} = {found / n:.2f}" for split, (found, n) in total.items() if n))
    print("\nfalse alarms (warnings and errors on the unmutated pairs):")
    for split in splits:
        result = results[split]
        kinds = Counter(flag.kind for _, flag in result.clean_alarms)
        rate = 200 * len(result.clean_alarms) / result.pairs if result.pairs else float("nan")
        print(f"  {split.upper()}: {len(result.clean_alarms)} on {result.pairs} pairs = {rate:.1f} per 200"
              + (f" ({', '.join(f'{kind} {count}' for kind, count in kinds.most_common())})" if kinds else ""))
        if details == "summary":
            print(f"    and {len(result.published_errors)} on errors the revisers annotated in the published sentences (not counted)")
            continue
        every = details == "misses"
        for pair, flag in result.clean_alarms[:None if every else 8]:
            print(f"    {pair.document}: {flag.side} {flag.kind} {flag.severity} {flag.text[:70]!r}"
                  + (f" — {flag.message}\n      fr: {pair.fr}\n      en: {pair.en}" if every else ""))
        print(f"    and {len(result.published_errors)} on errors the revisers annotated in the published sentences (not counted)"
              + "".join(f"\n      {pair.document}: {flag.side} {flag.kind} {flag.text[:60]!r}" for pair, flag in result.published_errors[:8]))
    if details != "summary":
        for split in splits:
            _print_misses(results[split], every=details == "misses")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


def _print_misses(result: SplitResult, every: bool) -> None:
    print(f"\nmissed ({result.split.upper()}{'' if every else ', examples'}):")
    for operator in OPERATORS:
        for mutation, instead in result.operators[operator.name].missed[:None if every else 2]:
            original = mutation.original[mutation.original_start:mutation.original_end]
            print(f"  {operator.name}: {mutation.side} {original!r} → {mutation.mutated[mutation.start:mutation.end]!r}"
                  + (f"  [{mutation.pair.document}; raised: {', '.join(sorted(instead)) or 'nothing'}]\n"
                     f"      fr: {mutation.fr}\n      en: {mutation.en}" if every else ""))
