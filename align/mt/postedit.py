"""English post-edits of the rule-based (Apertium) output: regular errors of the pivot that a pattern can undo.

Each rule is one function of (French segment, English MT) → English MT, named in `POSTEDITS`; they run in order after
the glossary and lexicon renderings are restored (so after the cache: editing a rule never serves stale text). Each was
kept because leaving it out of the full set lowers chrF on the eval/ DEV pairs (per-rule figures in README.md, "Machine
translation"), except `spacing`, which chrF and BLEU cannot see (they ignore spaces) and a reader can, and `wrong-sense`,
which is there so that no harmful rendering ("persecution" for « poursuite ») reaches a reader (one word a segment: chrF +0.00
on fr→es→en, +0.07 on fr→ca→en). French typography
(« », spaces before : ; ! ?, decimal commas, spaced thousands) is what the engine copies through; English writes
“ ”, no space, 3.5, 1,000 and $12.5 million.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from align.mt.lexicon import is_noun_position
from align.text.quantities import PHONE_NUMBER

PostEditFunction = Callable[[str, str], str]


@dataclass(frozen=True)
class PostEdit:
    name: str
    apply: PostEditFunction
    why: str


_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0\u202f]+([:;!?%])")
_DOUBLE_SPACE = re.compile(r"[ \u00a0\u202f]{2,}")
_SPACE_BEFORE_COMMA = re.compile(r" +([,.)])")
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")


def french_spacing(fr: str, en: str) -> str:
    """No space before : ; ! ? % and , . ) in English, one space between words ("comprise :" → "comprise:")."""
    en = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", en)
    en = _SPACE_BEFORE_COMMA.sub(r"\1", en)
    return _DOUBLE_SPACE.sub(" ", en).strip()


def english_quotes(fr: str, en: str) -> str:
    """« x » → “x”."""
    return _CLOSE_GUILLEMET.sub("”", _OPEN_GUILLEMET.sub("“", en))


_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d+)(?![\d,])")
_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d,])")


def english_numbers(fr: str, en: str) -> str:
    """Decimal comma and spaced thousands the engine copies: « 3,5 » → 3.5, « 1 000 » → 1,000 (only as written in the French)."""

    def decimal(found: re.Match[str]) -> str:
        return f"{found.group(1)}.{found.group(2)}" if found.group(0) in fr else found.group(0)

    phones = [found.span() for found in PHONE_NUMBER.finditer(en)]

    def thousands(found: re.Match[str]) -> str:
        groups = re.split(r"[ \u00a0\u202f]", found.group(2).strip())
        if any(start <= found.start() < end for start, end in phones):
            return found.group(0)  # « 1 855 850-4640 »: a telephone number's groups, not thousands
        if not re.search(re.escape(found.group(1)) + r"[ \u00a0\u202f]" + r"[ \u00a0\u202f]".join(groups), fr):
            return found.group(0)
        return ",".join([found.group(1), *groups])

    return _SPACED_THOUSANDS.sub(thousands, _DECIMAL_COMMA.sub(decimal, en))


_AMOUNT_DOLLARS = re.compile(r"\b(\d[\d,.]*)(\s+(?:million|billion|thousand))?\s+(?:of\s+)?dollars\b")


def dollar_amounts(fr: str, en: str) -> str:
    """"12.5 million dollars" → "$12.5 million" (« 12,5 millions de dollars »)."""
    return _AMOUNT_DOLLARS.sub(lambda found: f"${found.group(1)}{found.group(2) or ''}", en)


_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?!been\b)(\w+ed)\b")


def simple_past(fr: str, en: str) -> str:
    """The engine renders the French passé composé word for word ("has announced"); English news prose says "announced"."""
    return _PRESENT_PERFECT.sub(r"\1", en)


_SPAN_MARK = "\ue000?"  # translate.py marks where a glossary rendering starts with U+E000
_SENTENCE_START = re.compile(rf"(^|[.!?]\s+|[.!?][”\"]\s+|^[“\"])({_SPAN_MARK}[a-z])")


def sentence_capitals(fr: str, en: str) -> str:
    """A sentence starts with a capital (a rendering the engine placed first keeps the glossary's lower case)."""
    if fr[:1].islower():
        return en
    return _SENTENCE_START.sub(lambda found: found.group(1) + found.group(2).upper(), en)


_DASH_LOWER = re.compile(rf"(\s[-–—]\s+)({_SPAN_MARK}[a-z])")
_FR_DASH_UPPER = re.compile(r"\s[-–—]\s+[A-ZÀ-Ý]")


def capital_after_dateline(fr: str, en: str) -> str:
    """"OTTAWA, 21 March 2025 /CNW/ - trafficking in persons is…" → "- Trafficking…" when the French has a capital there."""
    if not _FR_DASH_UPPER.search(fr):
        return en
    return _DASH_LOWER.sub(lambda found: found.group(1) + found.group(2).upper(), en)


_STRAY_MARK = re.compile(r"(?<=\w)[*#@]+(?=\w)")


def stray_marks(fr: str, en: str) -> str:
    """Apertium's unknown-word marks glued inside a token ("52021**DC0171" for « 52021DC0171 ») go."""
    return en if re.search(r"\w[*#@]+\w", fr) else _STRAY_MARK.sub("", en)


_DATELINE_ON = re.compile(r"^((?:[A-ZÀ-Ý][A-ZÀ-Ý.' -]+,\s+)(?:[A-Z]{2},\s+)?)on\s+(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})")


def dateline_date(fr: str, en: str) -> str:
    """« MONTRÉAL, le 9 décembre 2013 » is a dateline: "MONTREAL, 9 December 2013", not "MONTREAL, on 9 December 2013"."""
    return _DATELINE_ON.sub(r"\1\2", en)


_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_FR_RATIO = re.compile(r"\b(?:une?|deux|trois|quatre|cinq)\s+(?:[^\W\d_]+['’\s]+){0,4}?sur\s+(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b",
                       re.IGNORECASE)
_EN_RATIO = re.compile(rf"\b(?:(an?|one)|({_NUMBER_WORDS}))\s+((?:{_SPAN_MARK}[^\W\d_]+\ue001?\s+){{0,4}}?)on\s+({_NUMBER_WORDS})\b", re.IGNORECASE)


def ratios(fr: str, en: str) -> str:
    """« une victime sur trois » comes out "a victim on three": English says "one victim in three" (and "three in four")."""
    if not _FR_RATIO.search(fr):
        return en

    def ratio(found: re.Match[str]) -> str:
        first = found.group(2) or ("One" if found.group(1)[:1].isupper() else "one")
        return f"{first} {found.group(3)}in {found.group(4)}"

    return _EN_RATIO.sub(ratio, en)


_FR_DECADE = re.compile(r"\bannées\s+((?:19|20)\d0)\b", re.IGNORECASE)


def decades(fr: str, en: str) -> str:
    """« dans les années 1970 » comes out "in the years 1970": English says "in the 1970s"."""
    for decade in _FR_DECADE.findall(fr):
        en = re.sub(rf"\b(?:the\s+)?years\s+{decade}\b", f"the {decade}s", en)
    return en


_ALL_CAPS_WORD = re.compile(r"\b([A-Z])([a-z]+)\b")


def capitals_heading(fr: str, en: str) -> str:
    """A French heading in capitals stays in capitals ("COMMUNICATION OF THE COMMISSION To THE" → "… TO THE")."""
    letters = [c for c in fr if c.isalpha()]
    if len(letters) < 8 or any(c.islower() for c in letters):
        return en
    return en.upper()


_AND_OF = re.compile(r"\band of (?:the )?")


def repeated_of(fr: str, en: str) -> str:
    """« de la justice et des droits » → "of the justice and of the rights": English does not repeat the preposition ("and")."""
    return _AND_OF.sub("and ", en)


GENERIC_PLURALS = ("victims", "children", "survivors", "women", "girls", "men", "boys", "traffickers", "migrants", "people", "persons",
                   "workers", "refugees", "families", "communities", "perpetrators", "offenders")
_GENERIC_THE = re.compile(rf"\bthe ({_SPAN_MARK}(?:{'|'.join(GENERIC_PLURALS)}))\b")


def generic_plural_article(fr: str, en: str) -> str:
    """« les victimes, les enfants » → "victims, children": English generic plurals take no article."""
    return _GENERIC_THE.sub(r"\1", en)


ABSTRACT_NOUNS = ("society", "poverty", "justice", "exploitation", "violence", "discrimination", "migration", "prevention", "protection", "humanity",
                  "impunity", "corruption", "slavery", "prostitution", "forced labour", "work", "technology", "gender", "security", "equality",
                  "inequality", "dignity", "health", "education", "information", "awareness", "cooperation", "collaboration")
_ABSTRACT_THE = re.compile(rf"\bthe ({_SPAN_MARK}(?:{'|'.join(ABSTRACT_NOUNS)}))\b(?! of)")


def abstract_article(fr: str, en: str) -> str:
    """« la pauvreté, la violence » → "poverty, violence": English abstract nouns take no article (unless "of" follows)."""
    return _ABSTRACT_THE.sub(r"\1", en)


_LEUR = re.compile(r"\bleurs?\b", re.IGNORECASE)


def possessive_his(fr: str, en: str) -> str:
    """The Spanish pivot's « su » comes out "his" for leur/son/sa/ses: "their" when the French has « leur(s) », else "its"
    (the references of the corpus say "his" once in 33 documents: the possessors are governments, States, victims)."""
    word = "their" if _LEUR.search(fr) else "its"
    return re.sub(r"\b([Hh])is\b", lambda found: word.capitalize() if found.group(1) == "H" else word, en)


_NOT_IZE = frozenset({"adv", "comp", "prom", "prec", "conc", "surpr", "exerc", "w", "r", "arr", "desp", "vert", "fr", "ch", "otherw", "franch", "exc",
                      "prem", "rev", "superv", "televis", "dev", "enterpr", "merchand", "compr", "surm", "disgu", "rais", "pra", "po", "no", "ari"})


def ize_spelling(fr: str, en: str) -> str:
    """spa-eng writes British -ise ("organised crime"); Canadian, US and UN English write -ize."""
    return re.sub(r"\b(\w{3,})is(e|ed|es|ing|ation|ations)\b",
                  lambda found: found.group(0) if found.group(1).lower() in _NOT_IZE else f"{found.group(1)}iz{found.group(2)}", en)


def no_article_before_acronyms(fr: str, en: str) -> str:
    """"the IOM" → "IOM" (organisations named by acronym without article in English)."""
    return re.sub(rf"\b[Tt]he ({_SPAN_MARK}(?:IOM|ILO|UNODC|GRETA))\b", r"\1", en)


_FR = re.IGNORECASE
_NOUN_TRAITE = re.compile(r"\btraites?\b", _FR)
_VERB_TRAITER = re.compile(r"\btrait(?:er|ons|ez|ent|ais|ait|aient|ant|é|ée|és|ées|erai\w*|eras?|era\w+|erons|eront)\b", _FR)


def has_verb_traiter(fr: str) -> bool:
    """The French holds the verb « traiter » (« traiter les causes », « il la traite »): "treat" may be right there."""
    return bool(_VERB_TRAITER.search(fr)) or any(not is_noun_position(fr, hit.start()) for hit in _NOUN_TRAITE.finditer(fr))


def has_noun_traite(fr: str) -> bool:
    return any(is_noun_position(fr, hit.start()) for hit in _NOUN_TRAITE.finditer(fr))


_DETERMINER = r"(?:un|une|leurs?|ses|son|sa|ces|cette|cet|ce|nos|notre|vos|votre|tous|toutes)\s+"
_POURSUITE = re.compile(rf"\b(poursuites?)\b(?:\s+(pénales?|judiciaires?)\b|\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*(?:{_DETERMINER})?(\w+))?", _FR)
PROSECUTED_PEOPLE = frozenset({"trafiquants", "trafiquant", "auteurs", "auteur", "criminels", "criminel", "délinquants", "délinquant", "responsables",
                               "coupables", "contrevenants", "exploiteurs", "proxénètes", "accusés", "suspects", "recruteurs", "passeurs", "personnes",
                               "employeurs", "entreprises", "réseaux", "infractions", "crimes", "cas", "affaires"})
PURSUED_GOALS = frozenset({"objectif", "objectifs", "but", "buts", "rêve", "rêves", "bonheur", "intérêt", "intérêts", "idéal", "ambition", "ambitions",
                           "justice", "vérité", "paix", "carrière", "études"})


def poursuite_senses(fr: str) -> list[str]:
    """The English of each « poursuite(s) » of `fr`, in order: the legal sense ("prosecution") when it is plural, « pénale/judiciaire »,
    without a complement or of people or offences; "pursuit" of a goal; else « la poursuite des activités/du déploiement » = "continuation"."""
    senses = []
    for hit in _POURSUITE.finditer(fr):
        word, legal, complement = hit.group(1).lower(), hit.group(2), (hit.group(3) or "").lower()
        if word.endswith("s") or legal or not complement or complement in PROSECUTED_PEOPLE:
            senses.append("prosecution")
        elif complement in PURSUED_GOALS:
            senses.append("pursuit")
        else:
            senses.append("continuation")
    return senses


@dataclass(frozen=True)
class WrongSense:
    """An English word of a sense the field's French never means, with the French word that comes out as it."""

    name: str
    english: re.Pattern[str]  # the wrong-sense word in the MT; group 1 = its ending, when the repair inflects
    french_sense: Callable[[str], bool]  # the French has a word of that sense: the MT may be right, leave it
    cause: Callable[[str], bool]  # the French has the word that the pivot turns into it: repair
    repair: Callable[[re.Match[str], str, int], str]  # (MT hit, French, index of the hit) → English


def _fixed(english: str, plural: str | None = None) -> Callable[[re.Match[str], str, int], str]:
    return lambda hit, fr, index: plural if plural and hit.group(0).lower().endswith("s") else english


def _ending(stem: str, endings: dict[str, str]) -> Callable[[re.Match[str], str, int], str]:
    return lambda hit, fr, index: stem + endings[hit.group(1).lower()]


_OBJECT_ARTICLE = rf"(?:{_DETERMINER}|les\s+|des\s+|la\s+|le\s+|l['’]\s*)"
_POURSUIVRE = re.compile(rf"\bpoursui(?:vre|vent|vons|vez|vait|vaient|vant|vra\w*|vrai\w*|t|s)\b(?:\s+{_OBJECT_ARTICLE})?(\w+)?|\bpoursuivi(?:e|s|es)?\b", _FR)


def poursuivre_senses(fr: str) -> list[str]:
    """The English verb of each « poursuivre » of `fr`, in order: "prosecute" for people or offences, the passive « poursuivis » and
    without a noun after it (« les poursuivre »), else "continue" (« poursuivre les activités », « poursuivre nos efforts »)."""
    senses = []
    for hit in _POURSUIVRE.finditer(fr):
        passive = hit.group(0).lower().startswith("poursuivi")
        target = (hit.group(1) or "").lower()
        senses.append("prosecute" if passive or not target or target in PROSECUTED_PEOPLE else "continue")
    return senses


_VERB_ENDINGS = {"e": "", "es": "s", "ed": "d", "ing": "ing"}


def _prosecution(hit: re.Match[str], fr: str, index: int) -> str:
    ending = hit.group(1).lower()
    if ending in ("or", "ors"):
        return "prosecut" + ending
    if ending not in ("ion", "ions"):  # persecute(d): the verb « poursuivre »
        senses = poursuivre_senses(fr) or ["prosecute"]
        verb = senses[min(index, len(senses) - 1)]
        return verb[:-1] + ("e" + _VERB_ENDINGS[ending] if ending in ("e", "es", "ed") else "ing")
    senses = poursuite_senses(fr)
    plural = [sense for sense, word in zip(senses, _POURSUITE.finditer(fr)) if word.group(1).lower().endswith("s")]
    singular = [sense for sense, word in zip(senses, _POURSUITE.finditer(fr)) if not word.group(1).lower().endswith("s")]
    same_number = (plural if ending == "ions" else singular) or senses
    sense = same_number[min(index, len(same_number) - 1)] if same_number else "prosecution"
    return sense + ("s" if ending == "ions" else "")


def _search(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern, _FR)
    return lambda fr: bool(compiled.search(fr))


WRONG_SENSES: tuple[WrongSense, ...] = (
    WrongSense("persecution (poursuite)", re.compile(r"\bpersecut(ion|ions|e|es|ed|ing|or|ors)\b", _FR), _search(r"\bpersécut"),
               _search(r"\bpoursuit|\bpoursuiv"), _prosecution),
    # the verb only: the noun « exploitation », in nearly every sentence of the field, comes out "exploitation"
    WrongSense("explode (exploiter)", re.compile(r"\bexplod(e|es|ed|ing)\b", _FR), _search(r"\bexplos|\béclat"),
               _search(r"\bexploit(?:e|es|ent|ons|ez|er|ais|ait|aient|ant|é|ée|és|ées|era\w*|erai\w*)?\b"),
               _ending("exploit", {"e": "", "es": "s", "ed": "ed", "ing": "ing"})),
    WrongSense("treat(s) it (traite)", re.compile(r"\btreats?\s+it\b|\btreat\b", _FR), has_verb_traiter, has_noun_traite, _fixed("trafficking")),
    WrongSense("milking (traite)", re.compile(r"\bmilk(?:ing|s)?\b", _FR), _search(r"\blait|\btraire\b|\btray"), has_noun_traite, _fixed("trafficking")),
    WrongSense("slave trade (traite)", re.compile(r"\bslave\s+trade\b|\b(?:traffic|trade)\s+of\s+slaves\b", _FR), _search(r"\besclav"), has_noun_traite,
               _fixed("trafficking")),
    WrongSense("boys (enfants)", re.compile(r"\bboys?\b", _FR), _search(r"\bgarçon"), _search(r"\benfants?\b"), _fixed("child", "children")),
    WrongSense("executive (gouvernement)", re.compile(r"\bexecutives?\b", _FR), _search(r"\bexécuti|\bcadres?\b|\bdirigeant"), _search(r"\bgouvernements?\b"),
               _fixed("government", "governments")),
    WrongSense("rape (violation)", re.compile(r"\brap(e|es|ed)\b", _FR), _search(r"\bviol(?:s|é|ée|és|ées|er|ent|ait|aient)?\b"), _search(r"\bviolations?\b"),
               _ending("violat", {"e": "ion", "es": "ions", "ed": "ed"})),
    WrongSense("dealers (trafiquants)", re.compile(r"\bdealers?\b", _FR), _search(r"\bdealers?\b|\brevendeurs?\b"), _search(r"\btrafiquants?\b"),
               _fixed("trafficker", "traffickers")),
    WrongSense("royalties (droits)", re.compile(r"\broyalt(?:y|ies)\b", _FR), _search(r"\bredevance|\broyalt"), _search(r"\bdroits?\b"),
               _fixed("right", "rights")),
)
"""The pivots' wrong senses for the field's words (« la traite » → es « la trata » → "treats it", eo "milking"; « poursuite » →
« persecución »; « exploitent » → « explotan » → "explode"; « enfants » → « niños » → "boys"…)."""


def wrong_senses(fr: str, en: str, senses: tuple[WrongSense, ...] = WRONG_SENSES) -> str:
    """An English word of a sense no French word of the segment has is rewritten from the French word that caused it
    ("the persecution of the criminals" → "the prosecution…" for « la poursuite des délinquants »). Left alone when the French
    has a word of that sense (« persécution », the verb « traiter », « garçons ») or none of the known causes."""
    for sense in senses:
        if not sense.english.search(en) or sense.french_sense(fr) or not sense.cause(fr):
            continue
        en = _repair_all(sense, fr, en)
    return en


def _repair_all(sense: WrongSense, fr: str, en: str) -> str:
    hits = list(sense.english.finditer(en))
    for index, hit in reversed(list(enumerate(hits))):
        en = en[:hit.start()] + _same_case(hit.group(0), sense.repair(hit, fr, index)) + en[hit.end():]
    return en


def _same_case(written: str, replacement: str) -> str:
    if written.isupper() and len(written) > 1:
        return replacement.upper()
    return replacement[:1].upper() + replacement[1:] if written[:1].isupper() else replacement


POSTEDITS: tuple[PostEdit, ...] = (
    PostEdit("spacing", french_spacing, "French spaces before : ; ! ? % copied through"),
    PostEdit("quotes", english_quotes, "« » copied through; the English references write “ ”"),
    PostEdit("numbers", english_numbers, "decimal comma and spaced thousands copied through"),
    PostEdit("dollars", dollar_amounts, "« 12,5 millions de dollars » → \"12.5 million dollars\""),
    PostEdit("ratios", ratios, "« une victime sur trois » rendered \"a victim on three\""),
    PostEdit("decades", decades, "« les années 1970 » rendered \"the years 1970\""),
    PostEdit("simple-past", simple_past, "passé composé rendered as present perfect"),
    PostEdit("capitals", sentence_capitals, "lower-case renderings at a sentence start"),
    PostEdit("dateline-capital", capital_after_dateline, "lower-case rendering after a dateline dash"),
    PostEdit("stray-marks", stray_marks, "unknown-word marks inside a token"),
    PostEdit("wrong-sense", wrong_senses, "« poursuite » → \"persecution\", « la traite » → \"treats it\", « exploitent » → \"explode\"…"),
    PostEdit("dateline-date", dateline_date, "« le 9 décembre » in a dateline rendered \"on 9 December\""),
    PostEdit("and-of", repeated_of, "« de X et de Y » rendered \"of X and of the Y\""),
    PostEdit("generic-plural", generic_plural_article, "« les victimes » rendered \"the victims\""),
    PostEdit("abstract-article", abstract_article, "« la pauvreté » rendered \"the poverty\""),
    PostEdit("his", possessive_his, "Spanish « su » rendered \"his\""),
    PostEdit("ize", ize_spelling, "British -ise of spa-eng"),
    PostEdit("acronym-article", no_article_before_acronyms, "\"the IOM\""),
    PostEdit("caps-heading", capitals_heading, "headings in capitals come out in mixed case"),
)
"""In the order they run."""


def postedit(fr: str, en: str, rules: tuple[PostEdit, ...] = POSTEDITS) -> str:
    """`en` (the MT of `fr`) with every rule of `rules` applied in order."""
    if not en:
        return en
    for rule in rules:
        en = rule.apply(fr, en)
    return en
