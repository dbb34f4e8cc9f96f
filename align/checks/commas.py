"""Commas that cut a clause: one comma between a verb and its nominal subject before it (« L'article 146 du code civil, illustre »),
one between a verb and its direct object after it (« avait souligné en 2017, le manque »). French never separates them by a single
comma; two commas around an incise are right (« Le ministre, en 2017, a souligné »).

Read off the dependency parse of each French sentence (`align.text.french_parser`), with what the parse alone gets wrong excluded:
- subject: the comma directly after the subject's words, only the verb's auxiliaries, clitics and « ne » after it; not when the subject
  holds a comma, an opening bracket or a dash that may open an incise the comma closes (a list inside it, « en Ukraine, en Moldova et au
  Belarus », is no incise), not a subject pronoun or a dislocation (« Cette loi, elle … »: the pronoun stands between), not a list of
  subjects (the subject has coordinated nouns), not a fronted complement taken for a subject (the "subject" has a preposition), not a
  name or title set off in apposition after a noun phrase or a name (« Le Directeur général de l'OIT, Guy Ryder, a appelé »);
- object: the comma directly before the object's words (a noun or an infinitive complement), after the verb and complements of the verb
  only, none of them opened by a comma, bracket or dash.
Headlines (no sentence-final punctuation) and sentences with no comma a verb could be cut by are not parsed (most of the cost).
Measured on every readable part of eval/ (eval/README.md, "The comma check").

And the other half of an incise: a comma that opens an apposition after a person's name and none that closes it before the verb
(« M. Pierre Lapaque, Représentant … à Dakar a décliné »), read off Grammalecte's dictionary without a parse (eval/README.md, "Thirtieth
round").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from align.checks.base import Check, CheckContext, LinkView, same_flags_for_same_texts
from align.model import Flag
from align.text.french_parser import ParsedSentence, ParsedWord, parse
from align.text.segmentation import split_sentences

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
VERB_GROUP_DEPS = ("aux", "aux:pass", "aux:tense", "aux:caus", "cop", "expl", "expl:comp", "expl:pv", "expl:pass", "iobj", "obj")
"""What may stand between a subject and its verb in one verb group: auxiliaries and clitic pronouns (« se sont déroulés », « lui a dit »)."""
CLITICS = frozenset({"se", "s'", "s’", "y", "en", "le", "la", "les", "l'", "l’", "lui", "leur", "me", "m'", "m’", "te", "t'", "t’",
                     "nous", "vous", "ne", "n'", "n’"})
OBJECT_DEPS = ("obj",)
COMPLEMENT_DEPS = ("xcomp",)
"""An infinitive complement (« J'aimerais, avant tout propos, saluer »): a direct object in French grammar."""
BETWEEN_VERB_AND_OBJECT = ("obl", "obl:mod", "obl:arg", "obl:agent", "advmod", "nmod")
"""What may stand between a verb and its object: its complements of time, place, manner (the parser calls some of them nmod)."""
OPENERS = frozenset(("(", "—", "–", "[", "-"))  # ("-" standing alone is a dash typed as a hyphen)
PARTITIVES = frozenset({"des", "du", "de", "d'", "d’"})
"""« des », « du » the parser reads as a preposition are as often the articles of a noun (« invité des juges, des avocats »)."""
ADVERBIAL_SUBORDINATORS = frozenset({"si", "s'", "s’", "quand", "lorsque", "lorsqu'", "lorsqu’", "comme", "puisque", "puisqu'", "puisqu’",
                                     "quoique", "parce", "dès", "tandis", "alors", "avant", "après", "pendant", "sitôt"})
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_COMMA_BEFORE_WORD = re.compile(r",\s+\w")

MESSAGE_SUBJECT = "A comma between the subject and its verb « {verb} »: French does not separate them (or the incise it closes was never opened)."
MESSAGE_OBJECT = "A comma between the verb « {verb} » and its object « {object} »: French does not separate them (or the incise it closes was never opened)."


@dataclass(frozen=True)
class CommaFinding:
    """A comma that cuts a clause, in one sentence: the span to show (the comma and a word or two around it) and what it cuts."""

    start: int
    end: int
    message: str
    suggestion: str


def comma_cuts(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    if side != "fr":
        return []
    text = link.texts["fr"]
    if "," not in text:
        return []
    return [Flag(link.number, "fr", "typography", "warning", finding.start, finding.end, text[finding.start:finding.end], finding.message,
                 finding.suggestion)
            for finding in findings_in(text)]


@lru_cache(maxsize=20_000)
def findings_in(text: str) -> tuple[CommaFinding, ...]:
    """The commas cutting a clause in one French text, sentence by sentence, and the appositions after a name left open."""
    found: list[CommaFinding] = []
    for sentence, offset in split_sentences(text, "fr"):
        for finding in _apposition_left_open(sentence):
            found.append(CommaFinding(finding.start + offset, finding.end + offset, finding.message, finding.suggestion))
        if not _worth_parsing(sentence):
            continue
        parsed = parse(sentence)
        if parsed is None:
            return ()
        for finding in _subject_cuts(parsed, sentence) + _object_cuts(parsed, sentence):
            found.append(CommaFinding(finding.start + offset, finding.end + offset, finding.message, finding.suggestion))
    return tuple(sorted(set(found), key=lambda finding: finding.start))


_NAME_WORD = r"(?:[A-ZÀ-Ý][a-zà-ÿ’'-]+|[A-Z]\.)"
_NAME_THEN_APPOSITION = re.compile(rf"((?:(?:M\.|Mme|Mlle|Dr|Pr|S\.E\.)\s+)+(?:{_NAME_WORD}\s+){{0,3}}|(?:{_NAME_WORD}\s+){{1,3}})"
                                   rf"[A-ZÀ-Ý][a-zà-ÿ’'-]+,[ \t]+([^,;:.!?«»\"“”\n]+)")
"""A sentence opened by a person's name (a title, or two to four capitalised words) and a comma, then the words up to the next comma."""
_NOT_A_NAME = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "en", "à", "pour", "dans", "selon", "par",
                         "sur", "avec", "et", "mais", "ou", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre",
                         "vos", "mon", "ma", "mes", "il", "elle", "ils", "elles", "nous", "vous", "je", "j", "on", "c", "qui", "que", "dont",
                         "tout", "tous", "toutes", "cela", "ceci", "monsieur", "madame", "mesdames", "messieurs", "mademoiselle", "excellence",
                         "cher", "chère", "chers", "chères", "après", "avant", "depuis", "comme", "malgré", "outre", "hormis", "sauf", "vers",
                         "chez", "contre", "sans", "sous", "entre", "pendant", "lors", "dès", "ainsi", "enfin", "ensuite", "puis", "alors",
                         "aussi", "cependant", "toutefois", "néanmoins", "pourtant", "hier", "demain", "ici", "déjà", "parmi", "face",
                         "d'après", "d’après"})
"""Words that open a clause, a complement or an address, not a name or its apposition (« En France, 80 % … », « Après Toronto, Ottawa est … »,
« Monsieur Dupont, la France »)."""
_RELATIVES = frozenset({"qui", "que", "qu", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "duquel"})
_AUXILIARIES = frozenset({"a", "ont", "est", "sont", "avait", "avaient", "était", "étaient"})
_FINITE = re.compile(r":V[^/]*:I[pqsf]")
_NOUN_OR_ADJECTIVE = re.compile(r":[NA]")
_NOT_FINITE = re.compile(r":[NAWRG]|:Q|:Y|:P\b")


def _apposition_left_open(sentence: str) -> list[CommaFinding]:
    """A person's name opening the sentence, a comma, a title or description (« M. Pierre Lapaque, Représentant du bureau régional de
    l'ONUDC à Dakar a décliné »), and the verb with no comma to close the apposition: read off Grammalecte's dictionary, the first
    word in lower case that can only be a finite verb (or that can be one right after a capitalised word, « au Cameroun fait »),
    before any relative pronoun, whose clause the verb would belong to."""
    readings = _readings_source()
    found = _NAME_THEN_APPOSITION.match(sentence)
    if readings is None or found is None:
        return []
    words = list(re.finditer(r"[^\W\d_][\w’'-]*", found.group(2)))
    if found.group(1).split()[0].lower().rstrip(".") in _NOT_A_NAME or not words or words[0].group(0).lower().split("’")[0] in _NOT_A_NAME:
        return []
    for before, word in zip(words, words[1:]):
        text = word.group(0)
        if text.lower() in _RELATIVES or text.lower().startswith(("qu’", "qu'")):
            return []
        if not text.islower():
            continue
        own = readings(text)
        finite = bool(_FINITE.search(own))
        only_finite = finite and not any(_NOT_FINITE.search(reading) for reading in own.split() if not _FINITE.search(reading))
        if text in _AUXILIARIES or only_finite or (finite and before.group(0)[:1].isupper() and not re.search(r":[RWG]", own)):
            start, end = found.start(2) + before.start(), found.start(2) + word.end()
            return [CommaFinding(start, end, f"The apposition after « {sentence[:sentence.index(',')]} » is not closed by a comma before the "
                                              f"verb « {text} ».", f"{before.group(0)}, {text}")]
    return []


def _worth_parsing(sentence: str) -> bool:
    """A sentence (not a headline: it ends as a sentence does) with a comma a verb could be cut by: one before a word that may be a finite
    verb (after its clitics), or one before a determiner or an infinitive with a word that may be a verb since the last comma. Read off
    Grammalecte's dictionary when the grammar check has it (`align.checks.grammar`); without it every sentence with a comma is parsed."""
    if not _SENTENCE_END.search(sentence) or _COMMA_BEFORE_WORD.search(sentence) is None:
        return False
    readings = _readings_source()
    if readings is None:
        return True
    words = _PREFILTER_WORD.findall(sentence.replace("’", "'"))
    for position, word in enumerate(words):
        if word != ",":
            continue
        after = position + 1
        while after < len(words) and words[after].lower() in _BARE_CLITICS:
            after += 1
        # a verb a nominal subject governs: in the third person, written in lower case (a capital after a comma begins a name), no
        # preposition, adverb or conjunction either (« entre », « plus », « soit »)
        if after < len(words) and words[after].islower() and _THIRD_PERSON.search(found := readings(words[after])) \
                and not _NOT_A_VERB.search(found):
            return True
        if position + 1 < len(words) and _DETERMINER_OR_INFINITIVE.search(readings(words[position + 1].lower())):
            # a complement of time or manner between the verb and the comma: a verb, then a preposition or an adverb
            for before in range(position - 2, -1, -1):
                if words[before] in _CLAUSE_BREAKS:
                    break
                if _VERBAL.search(readings(words[before])) and _PREPOSITION_OR_ADVERB.search(readings(words[before + 1].lower())):
                    return True
    return False


_PREFILTER_WORD = re.compile(r"[^\W\d_]+|[,.;:!?()«»]")
_BARE_CLITICS = frozenset(word.rstrip("'’") for word in CLITICS)
_CLAUSE_BREAKS = frozenset(",;:()«»")
_THIRD_PERSON = re.compile(r":V[^/]*:(?:I[pqsf]|K|S[pq])[^/]*:3[sp]")
_NOT_A_VERB = re.compile(r":G:[RC]|:W")
_VERBAL = re.compile(r":V[^/]*:(?:I[pqsf]|K|S[pq]|Q|Y)")
_DETERMINER_OR_INFINITIVE = re.compile(r":G:D|:V[^/]*:Y")
_PREPOSITION_OR_ADVERB = re.compile(r":G:R|:W")


def _readings_source():
    """A word's readings in Grammalecte's dictionary (its morphologies joined), or None when the grammar check is off or not installed."""
    from align.checks import grammar

    if not grammar.enabled() or grammar.french_checker() is None:
        return None
    return _readings


@lru_cache(maxsize=65_536)
def _readings(word: str) -> str:
    from align.checks.grammar import morphologies

    return " ".join(morphologies(word) or morphologies(word.lower()))


def _subject_cuts(parsed: ParsedSentence, sentence: str) -> list[CommaFinding]:
    words = parsed.words
    found = []
    if words and words[0].pos in ("VERB", "AUX") and words[0].verb_form == "Fin" and words[0].text[:1].islower():
        return found  # « utilise la force …, recourt à la fraude …, exerce un abus de pouvoir »: a list item of verbs, whose subject is
        # in the sentence that opens the list
    for subject in words:
        if subject.dep not in SUBJECT_DEPS or subject.pos not in ("NOUN", "PROPN") or subject.head <= subject.index:
            continue
        verb = words[subject.head]
        if verb.pos not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        first, last = parsed.subtree_bounds(subject.index)
        comma = last + 1
        if comma >= verb.index or words[comma].text != ",":
            continue
        if subject.pos == "PROPN":
            while first > 0 and words[first - 1].pos in ("PROPN", "NOUN") and words[first - 1].text[:1].isupper():
                first -= 1  # a name the parser cut in pieces (« M. Mohamed Abdelfattah Ould Ahmed »): its words before the subject's
        between = words[comma + 1:verb.index]
        if not all(word.head == verb.index and word.dep in VERB_GROUP_DEPS and (word.pos == "AUX" or word.text.lower() in CLITICS)
                   or word.text.lower() in ("ne", "n'", "n’") for word in between):
            continue
        if any(child.dep in ("case", "cop") for child in parsed.children(subject.index)):
            continue  # a fronted complement read as the subject; a noun with its own copula, a predicate (« C'est un problème qui … , »)
        if any(child.dep == "conj" for child in parsed.children(subject.index)):
            continue  # a list of subjects: « La France, l'Italie et l'Espagne, ont »
        if any(other.dep in SUBJECT_DEPS and other.index != subject.index for other in parsed.children(verb.index)):
            continue  # a dislocation: « Cette loi, elle prévoit »
        if _opens_incise(words[first:comma]):
            continue
        if first > 0 and words[first - 1].text == "," and words[first].text.lower() in _NARROWING_ADVERBS:
            continue  # « 43 victimes, principalement des hommes, ont été découvertes »: the comma closes an apposition it opened
        if _closes_what_a_comma_after_the_subject_opened(words, first):
            continue  # « Le demandeur, M. Arthur Jr. Eisma Lorenzo, est âgé », « D'importantes sommes, de même que les « carrées », ont été
        if not _fronted_before(parsed, first, verb.index):
            continue
        if not (verb.verb_form == "Fin" or any(word.verb_form == "Fin" for word in between)) or verb.dep == "conj":
            continue  # an infinitive or a participle after a comma (« visant à prévenir, réprimer »), a verb of a list of verbs
        if not between and _readings(verb.text) and not _VERBAL.search(_readings(verb.text)):
            continue  # a noun the parser took for a verb: « Ce projet, fruit d'un accord, sera … » is an apposition
        if _saying_with_subject_after(words, verb.index):
            continue  # « La traite entache notre humanité, a déclaré le secrétaire d'État »: an incise of saying
        if _finite_verb_before(words, first):
            continue  # « C'est un problème qui alimente la criminalité, contribue à … »: the noun is the complement of the verb before it
        start = words[max(first, comma - 2 if len(words[comma - 1].text) < 4 else comma - 1)].start
        found.append(CommaFinding(start, verb.end, MESSAGE_SUBJECT.format(verb=_verb_group(words, comma + 1, verb.index)),
                                  sentence[start:words[comma].start] + sentence[words[comma].end:verb.end]))
    return found


def _object_cuts(parsed: ParsedSentence, sentence: str) -> list[CommaFinding]:
    words = parsed.words
    found = []
    for complement in words:
        if complement.head >= complement.index:
            continue
        noun_object = complement.dep in OBJECT_DEPS and complement.pos in ("NOUN", "PROPN")
        infinitive = complement.dep in COMPLEMENT_DEPS and complement.pos == "VERB" and complement.verb_form == "Inf"
        if not (noun_object or infinitive):
            continue
        verb = words[complement.head]
        if verb.pos not in ("VERB", "AUX"):
            continue
        first, _ = parsed.subtree_bounds(complement.index)
        comma = first - 1
        if comma <= verb.index or words[comma].text != ",":
            continue
        stretch = words[verb.index + 1:comma]
        if not stretch or _opens_incise(stretch) or any(word.text == "," for word in stretch):
            continue
        if not all(_attached_as(parsed, word.index, verb.index, BETWEEN_VERB_AND_OBJECT) for word in stretch):
            continue
        if not _complements_of_circumstance(parsed, stretch, verb.index):
            continue  # « fournir aux victimes un logement, des soins »: a list of objects begun before the comma
        if any(child.dep.startswith("expl") for child in parsed.children(verb.index)):
            continue  # « il se tient à Dakar, un atelier »: an impersonal verb, the noun after it is its real subject
        if _after_object_relative(words, verb.index):
            continue  # « un chapitre qu'elles entament avec courage, un trajet qui … »: the verb's object is « qu' », the noun an apposition
        if verb.verb_form == "Part" and not any(child.dep.startswith("aux") for child in parsed.children(verb.index)):
            continue  # a participle clause put first (« Inauguré le 27 octobre, le local »): the noun is the next verb's subject
        if any(child.dep == "aux:pass" for child in parsed.children(verb.index)):
            continue  # « a été manipulée par une connaissance de confiance, une femme qui … »: a passive verb has no object
        if infinitive and (verb.verb_form == "Inf" or any(child.dep == "mark" for child in parsed.children(complement.index))):
            continue  # « enquêter, renforcer », « à contrer …, à aider »: infinitives listed; « à dire vrai »
        if any(child.dep == "conj" for child in parsed.children(complement.index)):
            continue  # a list after the comma may go on with one begun before it (« avec la police, les organismes … et les … »)
        if words[first].pos == "NUM" or words[comma - 1].pos == "PROPN" or words[comma - 1].text in ("»", ")", "]", "”", '"'):
            continue  # an apposition to the name or quotation before the comma (« Lorenzo Thomas, 31 ans », « leurs « maîtres », des pêcheurs »)
        if _list_of_complements_after_comma(words, stretch, first, comma):
            continue  # « travaillé dans des bars de danseuses, des salons de massage, des parcs et des motels »: the complement's list
        if sum(child.dep in OBJECT_DEPS for child in parsed.children(verb.index)) > 1:
            continue  # « invité des juges, des avocats, des agents »: a list of objects
        if any(child.dep == "mark" and child.text.lower() in ADVERBIAL_SUBORDINATORS for child in parsed.children(verb.index)):
            continue  # « si elle parlait de sa situation, les autorités … »: a subordinate clause put first, the noun the main clause's subject
        if _subject_of_next_verb(parsed, complement.index):
            continue  # « si elle parlait de sa situation, les autorités la retourneraient »
        after = min(len(words) - 1, complement.index if infinitive else max(complement.index, first + 1))
        start = words[comma - 1].start
        found.append(CommaFinding(start, words[after].end, MESSAGE_OBJECT.format(verb=verb.text, object=sentence[words[first].start:words[after].end]),
                                  sentence[start:words[comma].start] + sentence[words[comma].end:words[after].end]))
    return found


_OBJECT_RELATIVE = {"que", "qu'", "qu’"}


def _list_of_complements_after_comma(words: tuple[ParsedWord, ...], stretch: tuple[ParsedWord, ...], first: int, comma: int) -> bool:
    """Whether the noun after the comma opens with a determiner the words before it hold too, and « et » or « ou » brings that
    determiner back later: the items of a list begun before the comma, the parser's object its second item."""
    determiner = words[first].text.lower()
    return (words[first].pos == "DET" and any(word.text.lower() == determiner for word in stretch)
            and any(word.text.lower() in ("et", "ou") and following.text.lower() == determiner
                    for word, following in zip(words[comma + 1:], words[comma + 2:])))


def _after_object_relative(words: tuple[ParsedWord, ...], verb: int) -> bool:
    """Whether the verb's clause opens with « que » and its subject (« qu'elles entament », « que le ministre a annoncé »)."""
    for index in range(verb - 1, max(-1, verb - 5), -1):
        if words[index].dep in SUBJECT_DEPS:
            return index > 0 and words[index - 1].text.lower() in _OBJECT_RELATIVE or (
                index > 1 and words[index - 1].pos == "DET" and words[index - 2].text.lower() in _OBJECT_RELATIVE)
    return False


def _opens_incise(stretch: tuple[ParsedWord, ...] | list[ParsedWord]) -> bool:
    """Whether the words hold what may open an incise: a comma (unless it separates the items of a list closed by « et » or « ou »
    before the end: « en Ukraine, en Moldova et au Belarus »), an opening bracket not closed, a dash or a guillemet not closed."""
    depth = 0
    quotes = 0
    commas = []
    for position, word in enumerate(stretch):
        if word.text in ("(", "["):
            depth += 1
        elif word.text in (")", "]"):
            depth -= 1
        elif word.text in OPENERS:
            return True
        elif word.text == "«":
            quotes += 1
        elif word.text == "»":
            quotes -= 1
        elif word.text == ",":
            commas.append(position)
    if depth > 0 or quotes != 0:
        return True
    return bool(commas) and not _list_items(stretch, commas)


def _list_items(stretch: tuple[ParsedWord, ...] | list[ParsedWord], commas: list[int]) -> bool:
    """Whether each comma of the stretch separates items of one list its last item closes with « et » or « ou »: the word after each comma
    and after the conjunction have the same part of speech (prepositions, determiners)."""
    conjunction = next((position for position in range(commas[-1] + 1, len(stretch)) if stretch[position].text.lower() in ("et", "ou")), None)
    if conjunction is None or conjunction + 1 >= len(stretch):
        return False
    kind = stretch[conjunction + 1].pos
    if any(" ".join(word.text.lower() for word in stretch[position + 1:position + 3]) in _INCISE_OPENERS for position in commas):
        return False  # « (Cnltp), en particulier des femmes et des enfants, »: what the comma opens narrows the name, no list item
    if any(_item_head(stretch, position + 1).dep == "appos" for position in commas if position + 1 < len(stretch)):
        return False  # « Le projet de loi S-211, la Loi édictant … et modifiant … , »: an apposition opened by the comma, not a list item
    return kind in ("ADP", "DET") and all(position + 1 < len(stretch) and stretch[position + 1].pos == kind for position in commas)


_NARROWING_ADVERBS = frozenset({"principalement", "notamment", "surtout", "essentiellement", "majoritairement", "exclusivement",
                                "particulièrement", "souvent", "parfois", "dont"})
_INCISE_OPENERS = frozenset({"en particulier", "notamment des", "notamment de", "notamment les", "notamment la", "notamment le",
                             "y compris", "surtout des", "surtout les", "dont les", "dont des"})


def _item_head(stretch: tuple[ParsedWord, ...] | list[ParsedWord], position: int) -> ParsedWord:
    """The first word from `position` that is not a determiner or a preposition: the noun an item after a comma is about."""
    return next((word for word in stretch[position:] if word.pos not in ("DET", "ADP")), stretch[position])


def _attached_as(parsed: ParsedSentence, index: int, verb: int, deps: tuple[str, ...]) -> bool:
    """Whether the word belongs to a dependent of `verb` labelled one of `deps` (the word itself or one of its heads)."""
    top = parsed.words[parsed.climb(index, verb)]
    return top.head == verb and (top.dep in deps or top.dep == "punct")


def _fronted_before(parsed: ParsedSentence, first: int, verb: int) -> bool:
    """Whether what stands before the subject, when a comma sets it off, is a complement of the clause (« Au Sénégal, la Journée … ») and
    not an earlier subject (« La France, l'Italie, ont »: a list) or a dislocated noun."""
    words = parsed.words
    if first == 0 or words[first - 1].text != ",":
        return True
    if first < 2:
        return True
    opening = _phrase_start(words, first - 1)
    if words[opening].pos in ("DET", "PROPN") and not any(word.pos in ("VERB", "AUX") and _verb_only(word.text) for word in words[opening:first - 1]):
        return False  # « Le Directeur général de l'OIT, Guy Ryder, a appelé », « Juan Luis Barbolla Casas, Représentant de l'UE, a
        # indiqué »: a noun phrase or a name, then a name or a title set off in apposition
    before = first - 2
    while before > 0 and words[before].text in ("»", "”", '"'):
        before -= 1  # « au cours desquels « Misty », une adolescente de 13 ans, a vécu »: the quoted word is what the apposition follows
    index = parsed.climb(before, verb)
    top = words[index]
    if top.dep in ("nsubj", "nsubj:pass", "conj", "appos", "dislocated"):
        return False
    return top.pos not in ("NOUN", "PROPN", "PRON", "DET") or any(child.dep == "case" for child in parsed.children(index))


def _verb_only(word: str) -> bool:
    """Whether the dictionary reads `word` as a verb alone, or does not know it (« adjointe », a noun and a participle, may be the noun)."""
    readings = _readings(word)
    return not readings or not _NOUN_OR_ADJECTIVE.search(readings)


def _closes_what_a_comma_after_the_subject_opened(words: tuple[ParsedWord, ...], first: int) -> bool:
    """Whether a comma before `first`, no finite verb between, follows a noun phrase that opens the clause (« Le demandeur, », « D'importantes
    sommes d'argent, »): that noun is the subject, and the words up to the comma before the verb are its apposition, closed by it. A
    fronted complement (« En 2019, la Commission, a publié ») opens with a preposition, and the comma after it opens nothing."""
    for position in range(first - 1, -1, -1):
        word = words[position]
        if word.pos in ("VERB", "AUX") and word.verb_form == "Fin" or word.text in (";", ":"):
            return False
        if word.text == ",":
            opening = _phrase_start(words, position)
            return (opening < position and (words[opening].pos in ("DET", "NOUN", "PROPN") or words[opening].text.lower() in PARTITIVES)
                    and not any(other.pos in ("VERB", "AUX") and other.verb_form != "Part" for other in words[opening:position]))
            # (« le 31 juillet 2019- Afin de sensibiliser le public, l'Agence (USAID), a signé »: a purpose clause fronted, its verb
            # an infinitive; the comma after the subject is the slip)
    return False


def _phrase_start(words: tuple[ParsedWord, ...], comma: int) -> int:
    """The first word of what stands before the comma since the sentence's start, the comma before, a dash, a colon, a semicolon or a
    closing bracket."""
    position = comma
    while position > 0 and words[position - 1].text not in (",", "–", "—", ":", ";", ")", "]"):
        position -= 1
    return position


_SAYING = re.compile(r"(?:déclar|ajout|affirm|soulign|expliqu|précis|indiqu|rappel|estim|not|insist|comment|observ|assur|martel|témoign|racont|"
                     r"confi|explique|poursui|conclu|di|reconnu|reconna|prévenu|prévien|annonc|répond|répét|lanc|plaid|rassur|souv[ei]n|concè|concéd|"
                     r"admet|admi|avou|regrett|demand|interroge|exclam|inquiét|lâch|tranch|résum|ironis|avert|renchéri|signal)\w*", re.IGNORECASE)


def _finite_verb_before(words: tuple[ParsedWord, ...], first: int) -> bool:
    """Whether a finite verb stands before the word, with no punctuation between: the noun phrase from there is its complement (a subject
    comes first in its clause or after a comma, a bracket, a conjunction)."""
    for word in reversed(words[:first]):
        if word.pos in ("PUNCT", "SCONJ", "CCONJ") or word.text.lower() in ("que", "qu'", "qu’", "qui", "dont", "où"):
            return False
        if word.pos in ("VERB", "AUX") and word.verb_form == "Fin":
            return True
    return False


def _saying_with_subject_after(words: tuple[ParsedWord, ...], verb: int) -> bool:
    """A verb of saying with a noun right after it, or after an adverb: the incise after a reported sentence (« …, a déclaré le ministre »,
    « …, a annoncé aujourd'hui le ministre »)."""
    after = verb + 1
    while after < len(words) and words[after].pos == "ADV":
        after += 1
    following = words[after] if after < len(words) else None
    return bool(_SAYING.fullmatch(words[verb].text)) and following is not None and following.pos in ("DET", "PROPN", "NOUN")


def _complements_of_circumstance(parsed: ParsedSentence, stretch: list[ParsedWord] | tuple[ParsedWord, ...], verb: int) -> bool:
    """Whether every complement of the verb between it and the comma is an adverb or a prepositional phrase (« en 2017 », « pour la
    première fois »): a noun there without a preposition is an earlier object, a list's first item."""
    for word in stretch:
        if word.head != verb:
            continue
        if word.pos == "VERB" or (word.pos not in ("ADV",) and not any(child.dep == "case" and child.text.lower() not in PARTITIVES
                                                                         for child in parsed.children(word.index))):
            return False
    return True


def _subject_of_next_verb(parsed: ParsedSentence, index: int) -> bool:
    """Whether the noun phrase is followed, after its own words and the clitics, by a finite verb: the subject of that verb."""
    words = parsed.words
    position = parsed.subtree_bounds(index)[1] + 1
    while position < len(words) and words[position].text.lower() in CLITICS:
        position += 1
    return position < len(words) and words[position].pos in ("VERB", "AUX") and words[position].verb_form == "Fin"


def _verb_group(words: tuple[ParsedWord, ...], first: int, verb: int) -> str:
    return " ".join(word.text for word in words[first:verb + 1])


COMMA_CUTS = Check("comma-cuts", "side", same_flags_for_same_texts(comma_cuts), ("typography",))
