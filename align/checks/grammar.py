"""Grammar and spelling: French grammar and spelling by Grammalecte, English spelling by Hunspell dictionaries.

French: Debian's `python3-grammalecte` (Grammalecte 2.1, pure Python), loaded once per process from its own folder
(`$ALIGN_GRAMMALECTE_DIR`, default Debian's) so that the rest of Debian's dist-packages stays off `sys.path`.
English: the Hunspell dictionaries of Debian's hunspell-en-us, -en-gb and -en-ca read by `spylls` (a port of Hunspell
with its affix rules): a word any of the three accepts is English (Canadian, UN and Council of Europe texts spell
"labour", "organization" and "organisation").

What is reported, and how loud, was chosen by measuring each Grammalecte rule family on the eval/ corpus and the
mutation benchmark's real sentences (eval/README.md, "Fifth round"):
- warning: agreement of a determiner, a number or "les plus" with the word right after it, past participles, verb forms
  and moods, set phrases, confusions of homophones, a missing hyphen in a compound name, and a misspelt lower-case word
  one edit away from a dictionary word (a word of three or four letters only when it is a frequent word with its first letter lost,
  « elon », « uvre »: shorter unknown words are mostly abbreviations);
- info: agreement across several words (Grammalecte misreads long noun phrases and « policières et policiers »), capitals
  of months and ministries (a capitalised nationality adjective, « Ministère Italien », « État » after a title, and since the
  twelfth round a capitalised day, language or cardinal point and a missing elision are warnings: measured true);
- not reported: typographic apostrophes, non-breaking spaces and other spacing (the corpus texts are stored excerpts where
  a non-breaking space cannot be told from a space), accents on capitals (French usage often drops them), doubled words
  (`align.checks.writing` reports them).
Beside Grammalecte, slips it lets pass, each read off its dictionary's morphology where every reading of the words agrees (eval/README.md,
"Twelfth round"): the indicative after « quoique », « eu » with no auxiliary, number agreement a determiner or a noun decides (« du corps
diplomatiques », « honorables assistance », « toute premières ») and a passive participle before its subject (« ont été ajoutées des
inspecteurs »). A sentence's first « A » is given to Grammalecte as « À » unless a participle follows (the verb, in a list's items).
Never flagged: a word inside a glossary term (the term checks judge terms), a capitalised or all-capital word in French
(names, acronyms), a word written the same way on the other side of the link or twice in the document (a name, a
term of the text), English inside French (the language checks report it), words with digits, web and e-mail addresses.

Results are cached per text, so a TMX that repeats a sentence checks it once. `$ALIGN_GRAMMAR=off` (or `--no-grammar`)
turns the check off. Without Grammalecte or the dictionaries the other checks run and `unavailable_notice` says why.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from align import settings
from align.checks.base import LANG_OF_SIDE, Check, CheckContext, LinkView, fewer_collections, suggestions
from align.checks.grammalecte_graph import memoise_root_matches
from align.checks.grammalecte_patterns import memoise_patterns
from align.model import Flag
from align.terms.nearmiss import RUN_TOGETHER_WRITTEN_ZIPF, find_garbled
from align.terms.words import fold

GRAMMALECTE_DIR_ENV = "ALIGN_GRAMMALECTE_DIR"
DEFAULT_GRAMMALECTE_DIR = Path("/usr/lib/python3/dist-packages/grammalecte")
HUNSPELL_DIRS_ENV = "ALIGN_HUNSPELL_DIRS"
ENGLISH_DICTIONARIES = ("en_US", "en_GB", "en_CA")
"""en_US is needed; the British and Canadian ones are used when installed."""

_OFF_OPTIONS = ("typo", "apos", "esp", "tab", "nbsp", "unit", "num", "virg", "poncfin", "liga", "mapos", "chim", "ocr", "eepi", "latex", "md",
                "html", "date")
"""Grammalecte option families not reported (typography the stored texts cannot show, inclusive writing); turned off to save time.
Its one typography rule measured true, ordinals (« 24ème », 6 of 6 on the corpus), is a regular expression of `align.checks.typography`:
the "typo" family would run all its rules to keep one (sixth round)."""
_WARNING_TYPES = {"ppas", "conj", "vmode", "infi", "imp", "inte", "conf", "loc", "tu"}
_INFO_TYPES = {"maj", "minis", "bs", "pleo", "eleu"}
_SILENT_RULES = ("maj_accents", "doublon", "num_grand_nombre", "eepi_", "maj_État__b1", "maj_État__b2", "maj_État__b3", "maj_État__b5",
                 "maj_État__b6")
"""Accents on capitals (« Etats »), doubled words (the writing check's), digit grouping, inclusive writing, « l'état de droit »;
« État » after a title (« secrétaire d'état », rule b4) is kept: 2 of 2 on the corpus (sixth round)."""
_WARNING_RULES = ("maj_gentilés", "maj_État__b4", "maj_jours_semaine", "maj_langues", "maj_Nord_Sud_Est_Ouest", "eleu_élisions_manquantes",
                  "gn_quelque_adverbe", "loc_affaires", "maj_océans", "eleu_t_euphonique_manquant")
"""Rules measured true on the corpus: a nationality adjective capitalised (« Ministère Italien », « Présidence Européenne »: 2 of 2 in the
sixth round, 9 of 10 on the eight readable parts in the twelfth) and « État » after a title (2 of 2); and, measured over all eight readable
parts in the twelfth round (eval/README.md, "Twelfth round"), a day of the week, a language or a cardinal point capitalised (« le Jeudi »,
« en Anglais », « l'Afrique de l'ouest »: each found once, on an annotated slip, and nowhere else) and an elision left out (« de Erevan »:
1 of 1). Months (1 of 3) and ministries (1 of 3) stay info. « quelques » before a number (« quelques 250 intervenants »: « quelque », an
adverb, is invariable), a rule of one word that long noun phrases cannot mislead: 1 of 1 on the readable parts (twenty-ninth round).
« le chargé d'affaire » (« affaires » always plural): 1 of 1 on the parts read by the thirty-ninth round, where 15 others write it right;
an ocean's name in small letters (« l'océan indien »): 1 of 1. The euphonic « t » left out (« affirme-il »): 1 of 1 (forty-second round)."""
_INFO_RULES = ("conj_2s_sans_sujet", "gn_des_2m__b1_a2", "gn_des_2m__b1_a3")
"""A verb in the second person singular without « tu »: official texts never address the reader so, and the rule fires on a word it
misreads as such a verb (an acronym in small letters, « préoccupent le minas »): 0 of 2 on the readable parts (twenty-ninth round).
The gender (not the number: « des fonds … réglementé ») of a word after « des » and a noun (« des fournisseurs énoncées », « des
mineurs filles »): the rule cannot tell which noun a participle or an apposition goes with, 1 of 6 on the parts read by the forty-third
round, even right after the noun."""
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|int|ca|gc\.ca|fr|ch|be|lu|eu)\b(?:/\S*)?",
                            re.IGNORECASE)
_ENGLISH_WORD = re.compile(r"(?<![\w’'-])[A-Za-z]+(?:['’][a-z]+)?(?![\w-])")
_FRENCH_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_ACRONYM_QUOTED = re.compile(r"«\W*[A-Z]{2,}\W*»")
_ABBREVIATED_TITLE = re.compile(r"(?:[^\W\d_]+\s+)?[a-zà-ÿ]{1,5}\.[ \u00a0]+[A-ZÀ-Ý]")
"""A short lower-case word with an abbreviation's stop before a name (« la cap. Sue Harvey », « le sgt. »), at or right after a span."""
_INCLUSIVE_FORM = re.compile(r"(?:[^\W\d_]+\s+)?[^\W\d_]+(?:\([^\W\d_]{1,3}\)|[·.][^\W\d_]{1,3}\b)")
"""A word written in inclusive form (« Représentant(e) », « élu·e »), at or right after a span."""
_DE_NEXT = re.compile(r"\s+(?:de|d['’]|du|des)\b", re.IGNORECASE)
def _is_a_country(word: str) -> bool:
    from align.checks.names import places_by_name  # (names reads the glossary's places; grammar is imported before it)

    return word.lower() in places_by_name()


_DETERMINER_NEXT = re.compile(r"\s+(?:des|les|la|le|l['’]|un|une|ses|leurs|son|sa|leur|ces|cette|ce)\b", re.IGNORECASE)
_CLAUSE_ENDS_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)")
_BEFORE_A_COURT = re.compile(r"\b(?:compar\w*|témoign\w*|plaid\w*|traduit\w*|cit\w+ à)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
"""« qui doit comparaître de nouveau en cour le 4 novembre »: appearing in court, the sentence going on."""
_COURT_NAMED_AFTER = re.compile(r"[ \u00a0]+(?:provinciale|supérieure|fédérale|suprême|municipale|criminelle|martiale|d['’]appel|du Québec)\b")
"""« elle était en cour provinciale à Moncton »: in the court the words after name."""
_PRONOUN_WITH_TOUS = re.compile(r"\b(?:nous|vous)\s+(?:tous|toutes)\s+$", re.IGNORECASE)
SUB_NOUN_WITHOUT_HYPHEN = re.compile(r"(?<![\w’'-])[Ss]ous[ \u00a0]+(?:région|comité|groupe|commission|préfecture|traitance)s?(?![\w’'-])")
"""« la sous région », « le sous comité »: the prefix and the noun make one word, « sous-région » (reported in `align.checks.writing`;
Grammalecte reads « sous » as the preposition and reports « la sous » instead)."""
_WEB_DOMAIN_AFTER = re.compile(r"\.(?:fr|com|org|net|ch|be|ca|info|int|eu)\b")
"""« Humanite.fr »: a web address, which has no accents."""
_SLASHED_ENDING = re.compile(r"[^\W\d_]/(?:e|es|se|ses|euse|euses|trice|trices|ne|nes|le|les|ère|ères|ve|ves)\s+$")
_CLITICS = r"(?:(?:[nslmt][’']|(?:ne|se|le|la|les|lui|leur|y|en|me|te)\s))*"
_CLITICS_ONLY = re.compile(_CLITICS, re.IGNORECASE)
_LIST_ITEM_OPENING = re.compile(rf"(?:^|\n)[ \t]*[-–—•*▪][ \t\u00a0]*{_CLITICS}$", re.IGNORECASE)
"""A list item's opening, its verb's clitics included (« - n'obtient que peu »); a bullet's text, its marker taken off by the
segmenter, begins in small letters (« réagit d'une manière … »), where a sentence never does."""
_COORDINATED_PARTICIPLE = re.compile(r"(?<![\w’'-])(?:ont|a|avons|avez|avaient|avait|auront|aura)[ \u00a0]+[a-zà-ÿ]+(?:é|i|u|is|it|ert)\b"
                                     r"[^.;:!?]{1,150}[ \u00a0]et[ \u00a0]+$")
_OBJECT_LEFT_AS_IT_IS = re.compile(r"(?<![\w’'-])(?:les|la|le|l['’])\s*(?:laisser|laisse|laissez|laissent|laissons)\s+$", re.IGNORECASE)
_TITLES_FOR_EITHER = frozenset({"chef", "médecin", "auteur", "professeur", "docteur", "procureur", "substitut", "défenseur", "ambassadeur",
                                "sénateur", "recteur", "préfet", "maire", "commissaire", "juge"})
_TITLE_FOR_A_WOMAN = re.compile(rf"«\s*(?:{'|'.join(sorted(_TITLES_FOR_EITHER))})\s*» est masculin")
"""« la chef », « la procureur »: titles written in the masculine for a woman, which usage allows beside « cheffe », « procureure »."""
_FEMININE_TITLE = re.compile(r"(?<=[^\W\d_]{3})eures?$")
"""« solliciteure », « professeure »: the feminine of a title in -eur as Canada, Belgium and Switzerland write it."""
_SUBJUNCTIVE_AFTER = re.compile(r"(?<![\w’'-])(?<!si )(?<!tant )(quoiqu[e’']|bien qu[e’']|afin qu[e’']|pour qu[e’']|sans qu[e’']|à moins qu[e’']|"
                                r"pourvu qu[e’']|avant qu[e’'])\s*([^.;:!?()«»\n]{0,120})", re.IGNORECASE)
"""Conjunctions that take the subjunctive (« quoique ces crimes puissent »); not « si bien que », « après que »."""
_KNOWING_VERB_BEFORE = re.compile(r"(?<![\w’'-])(?:sai[st]|savons|savez|savent|savai[st]|savait|savions|saviez|savaient|su|voi[st]|voyons|voyez|"
                                  r"voient|vu|comprends|comprend|comprenons|comprenez|comprennent|compris|di[st]|disons|dites|disent|"
                                  r"pense|penses|pensons|pensez|pensent|pensé)[ \u00a0]+(?:très[ \u00a0]+)?$", re.IGNORECASE)
"""A verb of knowing or saying before « bien que »: the adverb and the complement's « que » (« on le sait bien que … »)."""
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])(?:un|le|ce|du|son|leur|notre|votre|mon|ton|tout|seul)[ \u00a0]+$", re.IGNORECASE)
"""« un bien que l'on veut vendre »: the noun « bien » and a relative clause."""
_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles", "on", "ce", "c", "nous", "vous", "je", "j", "tu", "cela", "ça"}
_NUMBER_BEFORE = re.compile(r"(?:^|(?<=\s))(\S*?)\s*\b(\d[\d\s.,]*)\s+$")


_PATTERN_MODULES = ("grammalecte.fr.gc_engine", "grammalecte.fr.gc_functions", "grammalecte.graphspell.spellchecker", "grammalecte.graphspell.ibdawg")
"""Grammalecte's modules that call `re` with pattern texts (`align.checks.grammalecte_patterns`)."""


VALID_WORDS = 65_536
"""How many words keep Grammalecte's answer to whether its dictionary holds them."""


@dataclass(frozen=True)
class Finding:
    """One problem in one text, before the link's context decides whether it is reported."""

    start: int
    end: int
    kind: str
    severity: str
    message: str
    suggestion: str
    word: str = ""
    """For a misspelt word: the word (checked against the other side and the rest of the document)."""
    name_word: str = ""
    """For a capital on a people's adjective (« police Mohawk »): the word; the other side writing it the same way shows it is part of a
    name the text borrows as is, not a French adjective capitalised."""
    inside_terms: bool = False
    """Reported inside a glossary term too: what the term checks cannot say (two words run together, which they read, if at all, as
    a term with a word missing or another term)."""


def enabled() -> bool:
    return settings.grammar_enabled()


@contextmanager
def _loading() -> Iterator[None]:
    """Around the loading of a large lasting structure (Grammalecte's dictionaries and rules, a Hunspell dictionary): Python's cyclic
    garbage collector, run every few hundred new objects, walked all that had been loaded so far again and again — each English dictionary
    took 3-5 s of CPU to read with it, 0.4-0.6 s without. What was loaded is then frozen (`gc.freeze`): never walked again, as it lasts
    as long as the process."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


@lru_cache(maxsize=65_536)
def morphologies(word: str) -> tuple[str, ...]:
    """The word's readings in Grammalecte's dictionary (« :V1_i_…:Ip:3s », « :N:f:s »…), () without Grammalecte: read by several checks,
    kept once per word."""
    checker = french_checker()
    return tuple(checker.getSpellChecker().getMorph(word)) if checker is not None else ()


@lru_cache(maxsize=1)
def french_checker():
    """Grammalecte's checker with the reported families on, or None when Grammalecte is not installed."""
    try:
        with _loading():
            module = importlib.import_module("grammalecte")
    except ImportError:
        folder = Path(os.environ.get(GRAMMALECTE_DIR_ENV) or DEFAULT_GRAMMALECTE_DIR)
        if not (folder / "__init__.py").is_file():
            return None
        spec = importlib.util.spec_from_file_location("grammalecte", folder / "__init__.py", submodule_search_locations=[str(folder)])
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        sys.modules["grammalecte"] = module
        try:
            with _loading():
                spec.loader.exec_module(module)
        except Exception:  # noqa: BLE001 - a broken install is reported as unavailable, like a missing one
            sys.modules.pop("grammalecte", None)
            return None
    with _loading():
        checker = module.GrammarChecker("fr")
        checker.getGCEngine().setOptions({option: False for option in _OFF_OPTIONS})
    memoise_patterns(*(sys.modules[name] for name in _PATTERN_MODULES if name in sys.modules))
    memoise_root_matches(sys.modules["grammalecte.fr.gc_engine"].TextParser)
    spelling = checker.getSpellChecker()
    # each word of each text is looked up in the dictionary's word graph (a tenth of Grammalecte's time on never-repeated texts, which
    # share most of their words); the answer depends on the word alone, as this checker's dictionaries never change
    spelling.isValidToken = lru_cache(maxsize=VALID_WORDS)(spelling.isValidToken)
    return checker


@lru_cache(maxsize=len(ENGLISH_DICTIONARIES))
def english_dictionary(name: str):
    """One installed English Hunspell dictionary read by spylls, or None (1-2 s to load: en_GB and en_CA are loaded only when
    a word is unknown to en_US)."""
    try:
        from spylls.hunspell import Dictionary
    except ImportError:
        return None
    folders = [Path(p) for p in os.environ.get(HUNSPELL_DIRS_ENV, "/usr/share/hunspell:/usr/share/myspell/dicts").split(":") if p]
    path = next((folder / name for folder in folders if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file()), None)
    if path is None:
        return None
    with _loading():
        return Dictionary.from_files(str(path))


def english_available() -> bool:
    return english_dictionary(ENGLISH_DICTIONARIES[0]) is not None


GIVEN: dict[tuple[str, str], tuple[Finding, ...]] = {}
"""Findings of texts found in another process, by (side, text), while `align.checks.parallel` fills in the grammar check's flags with
them: `grammar_and_spelling` reads them first."""
GIVEN_NOTICE: list[str | None] = []
"""`unavailable_notice()` as that process found it, for the next call (this one has not loaded Grammalecte and the dictionaries to know)."""


def findings_of(french: list[str], english: list[str]) -> tuple[dict[tuple[str, str], tuple[Finding, ...]], str | None]:
    """The findings of these French and English texts by (side, text), and `unavailable_notice()`: the grammar check's work, done
    in a process of its own (`align.checks.parallel`)."""
    fewer_collections()
    found = {("fr", text): french_findings(text) for text in french}
    found.update({("en", text): english_findings(text) for text in english})
    return found, unavailable_notice()


def unavailable_notice() -> str | None:
    """What part of the grammar and spelling check cannot run on this machine (None: all of it runs, or it is turned off)."""
    if not enabled():
        return None
    if GIVEN_NOTICE:
        return GIVEN_NOTICE.pop()
    missing = []
    if french_checker() is None:
        missing.append("French grammar and spelling (Grammalecte not found: install Debian's python3-grammalecte)")
    if not english_available():
        missing.append("English spelling (needs the spylls package and Debian's hunspell-en-us)")
    return f"grammar check unavailable: {'; '.join(missing)}" if missing else None


@lru_cache(maxsize=65536)
def english_word(word: str) -> bool:
    """Whether an English dictionary accepts `word` (False when none is installed); once per word, as `_french_known`: a word costs
    spylls 0.1-0.5 ms a dictionary, and texts that never repeat still share most of their words."""
    return english_available() and any(dictionary.lookup(word) for name in ENGLISH_DICTIONARIES
                                       if (dictionary := english_dictionary(name)) is not None)


@lru_cache(maxsize=65536)
def _french_known(word: str) -> bool:
    checker = french_checker()
    return checker is not None and checker.getSpellChecker().isValid(word)


def _english_only(word: str) -> bool:
    return word.isascii() and len(word) > 1 and not _french_known(word) and english_word(word)


_NAME_QUOTED = re.compile(r"«\W*([A-ZÀ-Ý][\w’'-]*)\W*»")


def _english_name_quoted(message: str, text: str) -> bool:
    """Whether Grammalecte's message gives the gender of a capitalised word that begins an English name (« la Manitoba Hotel
    Association »: the article agrees with the association, not with the province)."""
    quoted = _NAME_QUOTED.search(message)
    return bool(quoted) and any(english_word(following) and not _french_known(following)
                                for following in re.findall(rf"(?<![\w’'-]){re.escape(quoted.group(1))}\s+([A-Z][a-z]+)", text))


def _english_around(text: str, start: int, end: int) -> bool:
    """Whether the span stands in English words (a name or quotation in English inside French): two of the words around it,
    or the span itself, are English and not French."""
    window = text[max(0, start - 40):min(len(text), end + 40)]
    if _english_only(text[start:end].strip()):
        return True
    opening, closing = text.rfind("«", 0, start), text.find("»", end)
    if opening >= 0 and closing >= 0 and "»" not in text[opening:start] and "«" not in text[end:closing]:
        quoted = re.findall(r"[^\W\d_]+", text[opening + 1:closing])
        if 2 <= len(quoted) <= 6 and all(english_word(word) for word in quoted):
            return True  # « la méthode du « lover boy » »: a phrase in English quoted, its words some French has too
    return sum(_english_only(word.group(0)) for word in _ENGLISH_WORD.finditer(window)) >= 2


def _english_beside(text: str, start: int, end: int) -> bool:
    """Whether a word around the span (the span aside) is English and not French: the span may stand in an English name or passage."""
    span = text[start:end].lower()
    low, high = text.rfind(" ", 0, max(0, start - 40)) + 1, text.find(" ", end + 40)  # (whole words: « sc » of a cut « scolaire » is none)
    around = [word for word in _ENGLISH_WORD.finditer(text, low, high if high >= 0 else len(text)) if word.group(0).lower() != span]
    return any(_english_only(word.group(0)) for word in around)


_LETTERS = {"en": "abcdefghijklmnopqrstuvwxyz", "fr": "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ"}


@lru_cache(maxsize=2)
def _misspelt_parts(start: int, compound: str) -> list[Finding]:
    """The words of five letters or more of a hyphenated compound that neither dictionary knows and that are one edit from a French word."""
    findings = []
    for part in re.finditer(r"[^\W\d_]{5,}", compound):
        word = part.group(0)
        if _french_known(word) or english_word(word) or zipf_frequency(word, "fr") >= _WRITTEN_WORD_ZIPF:
            continue
        near = _near_words(word, "fr", _french_known)
        if near:
            findings.append(Finding(start + part.start(), start + part.end(), "spelling", "warning",
                                    f"« {word} » (in « {compound} ») is not a French word: « {near[0]} »?", suggestions(near), word))
    return findings


def _frequencies(lang: str) -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict(lang)


def _near_words(word: str, lang: str, known) -> list[str]:
    """Up to three words one edit away (a letter added, dropped, changed, two swapped), most frequent first, that the
    dictionary (`known`) accepts; in the word's case. Hunspell's and Grammalecte's own suggestions cost 30-700 ms a word."""
    lower = word.lower()
    frequencies = _frequencies(lang)
    candidates = set()
    for index in range(len(lower) + 1):
        head, tail = lower[:index], lower[index:]
        if tail:
            candidates.add(head + tail[1:])
        if len(tail) > 1:
            candidates.add(head + tail[1] + tail[0] + tail[2:])
        for letter in _LETTERS[lang]:
            candidates.add(head + letter + tail)
            if tail:
                candidates.add(head + letter + tail[1:])
    candidates.discard(lower)
    ranked = sorted((candidate for candidate in candidates if candidate in frequencies), key=lambda candidate: (-frequencies[candidate], candidate))
    cased = [candidate.capitalize() if word[:1].isupper() else candidate for candidate in ranked]
    return [candidate for candidate in cased if known(candidate)][:3]


def _grammar_severity(rule: str, kind: str, text: str, start: int) -> str:
    """The severity a Grammalecte rule gets ('' = not reported), by family, measured on the corpus."""
    if any(silent in rule for silent in _SILENT_RULES):
        return ""
    if "élisions_manquantes" in rule and _BEFORE_A_GLIDE.match(text, start):
        return ""  # « de Ouïghours », « de Ouagadougou », « le yaourt »: a word opening on the sound of a consonant takes no elision
    if any(name in rule for name in _WARNING_RULES):
        return "warning"
    if any(name in rule for name in _INFO_RULES):
        return "info"
    if kind == "gn":
        if "_1m" not in rule or "gn_tous_nom" in rule or "start_prn" in rule:
            return "info"  # agreement across words: long noun phrases and coordinated nouns are misread
        if "nombre_chiffres" in rule and not _counted(text, start):
            return "info"
        return "warning"
    if kind in _WARNING_TYPES:
        return "warning"
    if kind in _INFO_TYPES:
        return "info"
    return ""


_BEFORE_A_GLIDE = re.compile(r"[^\W\d_]+\s+(?:[Oo]u[aeiouyéèêëïî]|[Ww]|[Yy][aeiouéèê])")
"""A word, then one that opens on a glide (/w/, /j/): « Ouïghours », « Ouagadougou », « Wallonie », « Yaoundé »."""
_TOUT_AUTRE = re.compile(r"\bune tout autre\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:les|des|ces|leurs|ses|nos|vos|mes|un|le|ce|son|leur|du)\s+$", re.IGNORECASE)
_TANT_QUE = re.compile(r"\s+tant\s+que\b")
_CAPITALISED_LAST = re.compile(r"\s[A-ZÀ-Ý][a-zà-ÿ]+$")
"""A capitalised word after another in a span: inside the sentence, so a capital of its own."""


_WRITTEN_WORD_ZIPF = 2.5
"""How often (wordfreq's Zipf scale) a word Grammalecte does not know must be written to be a word, not a slip."""
_RELATIVE_OBJECT_BEFORE = re.compile(r"\bqu(?:e\s|[’'])[^,;:.!?«»()]{0,100}$", re.IGNORECASE)
"""A relative « que » earlier in the clause, before a participle after « avoir »: its object comes first, so the participle agrees."""
_OBJECT_AFTER = re.compile(r"\s+(?:les|des|un|une|le|la|l[’']|de|du|d[’']|ses|leurs|leur|son|sa|ces|cette|ce|plusieurs|certains|certaines)\b",
                           re.IGNORECASE)


def _counted(text: str, start: int) -> bool:
    """Whether the word at `start` follows a number used as a count (« 30 pourcent »), not a year, a range or a reference
    code (« 2012-2013 accompli », « COM(2017) 728 final »)."""
    found = _NUMBER_BEFORE.search(text[:start])
    if not found:
        return False
    before, number = found.group(1), found.group(2).strip()
    if re.fullmatch(r"(?:19|20)\d\d", number) or re.search(r"\d-\s*$", text[:found.start(2)]):
        return False
    return before == "" or before.isalpha() and before.islower()


@lru_cache(maxsize=20000)
def french_findings(text: str) -> tuple[Finding, ...]:
    """Grammalecte's findings on one French text that the families above report, with names, acronyms, English and addresses left out."""
    checker = french_checker()
    if checker is None or not text.strip():
        return ()
    grammar, spelling = checker.getParagraphErrors(_capital_a_accented(text, checker), bDebug=False, bSpellSugg=False)
    addresses = [found.span() for found in _URL_OR_EMAIL.finditer(text)]
    findings = []
    for error in grammar:
        start, end = error["nStart"], error["nEnd"]
        span = text[start:end]
        if not span.strip() or any(a < end and start < b for a, b in addresses):
            continue
        severity = _grammar_severity(error["sRuleId"], error["sType"], text, start)
        if severity == "warning" and error["sType"] == "ppas" and error["sMessage"].startswith("Si "):
            severity = "info"  # « Si “des êtres…” est bien le COD »: Grammalecte's own doubt about which noun the participle agrees with
        if (severity == "info" and error["sType"] == "gn" and not any(name in error["sRuleId"] for name in _INFO_RULES)
                and (_right_after_its_noun(text, start, error["sMessage"])
                     or _right_before_its_noun(text, start, end, error["sMessage"]))):
            severity = "warning"
        if (not severity or (error["sType"] not in ("maj", "minis") and _capitalised_name(span) and not _opening_determiner(text, start, span, checker))
                or _english_around(text, start, end)):
            continue
        # Grammalecte builds some suggestion lists from a set of lemmas (« prises » → « pris » or « prisé »), so their order
        # changes with each process's hash seed; closest first, then alphabetical, gives every process the same flags.csv.
        fixes = sorted((fix for fix in error.get("aSuggestions", []) if fix.replace("\u00a0", " ") != span),
                       key=lambda fix: (OSA.distance(fix, span), fix))
        if (any(fold(fix) == fold(span) and fix[:1].isupper() and span[:1].isupper() for fix in fixes) or _ACRONYM_QUOTED.search(error["sMessage"])
                or _english_name_quoted(error["sMessage"], text)):
            continue  # « A » for « À » (French usage drops accents on capitals); agreement with an acronym, whose gender is a guess
        if "ppas_det_nom_avoir" in error["sRuleId"] and _RELATIVE_OBJECT_BEFORE.search(text, 0, start) and not _OBJECT_AFTER.match(text, end):
            continue  # « les risques … que les institutions ont relevés »: the participle agrees with the object the relative « que » puts
            # before it (« indique que les pouvoirs publics ont consentis des efforts »: the object follows, « que » was a conjunction)
        if span.lower() in ("une", "tout") and _TOUT_AUTRE.search(text, max(0, start - 10), end + 15):
            continue  # « une tout autre réalité »: « tout » is the adverb (« quite »), invariable before a feminine adjective
        if span.lower() in ("début", "fin") and error["sType"] == "gn" and _DATE_AFTER.match(text, end):
            continue  # « adressées début 2019 »: « début » before a date says when
        if span.lower() in _COMPASS_POINTS and error["sType"] == "gn":
            continue  # « les réseaux francophones ouest-africains »: a compass point qualifying a noun is invariable
        if span.lower().startswith("différend") and _DETERMINER_BEFORE.search(text, 0, start):
            continue  # « le règlement des différends »: after a determiner the noun (a dispute), not the adjective « différent »
        if error["sType"] == "imp" and _DAY_AFTER.match(text, end):
            continue  # « Publié le 18 novembre 2024 »: a byline's participle and the date's article, no imperative and its pronoun
        if error["sType"] == "imp" and _TANT_QUE.match(text, end):
            continue  # « elle travaille en tant que bénévole »: « en tant que » is a locution, not the pronoun after an imperative
        if _CAPITALISED_LAST.search(span) and fixes and all(fix[:1].islower() for fix in fixes):
            continue  # « entendu en Cour »: a capitalised noun inside the sentence names a body (the court), not the locution in small letters
        if error["sType"] == "imp" and (_LIST_ITEM_OPENING.search(text, 0, start) or (text[:1].islower() and _CLITICS_ONLY.fullmatch(text, 0, start))):
            continue  # « - réagit d'une manière … »: a list item whose subject is in the sentence that introduces the list
        if (error["sType"] == "infi" and _OBJECT_LEFT_AS_IT_IS.search(text, 0, start)
                and any(":A" in morph for morph in morphologies(span))):
            continue  # « Contentez-vous de les laisser allumés »: an adjective saying how the object is left, not a verb after « laisser »
        if "infi_de_verbe" in error["sRuleId"] and _adjective_before_its_noun(text, end, span):
            continue  # « de présumés proxénètes »: a participle used as an adjective before the noun it agrees with, not a verb after « de »
        if error["sType"] == "conj" and _noun_beside_noun(text, start, span):
            continue  # « les documents ressources »: a plural noun set beside another, not a verb in the second person
        if error["sType"] == "conj" and _last_of_listed_subjects(text, start, error["sMessage"]):
            continue  # « Le travail forcé et les pratiques … ainsi que le mariage forcé représentent »: it agrees with the list's last item
        if error["sType"] == "conj" and _agent_taken_for_subject(text, start, error["sMessage"]):
            continue  # « Le rapport … mené par Bénédicte …, Cécile … et Gaëlle … vient d'être publié »: the names are the agent
        if "conf_peut_être" in error["sRuleId"] and (after := _WORD_AFTER.match(text, end)) and any(":Q" in morph for morph in morphologies(after.group(1))):
            continue  # « une mesure … peut être appliquée »: « pouvoir » and a passive infinitive, not the adverb « peut-être »
        if error["sType"] == "gn" and _one_of_adjectives_shared_out(text, start, end, span):
            continue  # « Contextes mondial et canadien »: each adjective qualifies one of the contexts
        if error["sType"] == "gn" and _inclusive_doublet(text, start, end, fixes):
            continue  # « policières et policiers »: the form it asks for stands beside it, a doublet of inclusive writing
        if error["sType"] == "gn" and (_TITLE_FOR_A_WOMAN.search(error["sMessage"])
                                      or (span.lower() in _TITLES_FOR_EITHER and "genre" in error["sMessage"])):
            continue  # « la grande chef adjointe »: a title given to a woman in its masculine form, as usage allows
        if error["sType"] in ("gn", "ppas") and _COORDINATED_PARTICIPLE.search(text, 0, start) and any(":Q" in morph for morph in morphologies(span)):
            continue  # « Les autorités ont secouru 80 victimes de la traite d'êtres humains et identifié 3 400 migrants »: the second
            # participle of the compound tense, not an adjective of the noun before « et »
        if error["sType"] == "gn" and _INITIALS_AFTER.match(text, end):
            continue  # « de la C.-B. »: the gender of an abbreviation in initials is its name's (la Colombie-Britannique), not a letter's
        if "maj_gentilés" in error["sRuleId"] and _is_a_country(span):
            continue  # « ni la Suisse ni le canton de Vaud »: the country, not a Swiss person
        if "conf_poing_point" in error["sRuleId"] and _DE_NEXT.match(text, end):
            continue  # « ouvrir un point de contact »: a point of something, not a closed hand
        if "conf_par_part" in error["sRuleId"] and _DETERMINER_NEXT.match(text, end):
            continue  # « forcée de le faire par des violences »: « par » and the means, not « faire part de »
        if "conf_cour_cours" in error["sRuleId"] and (_CLAUSE_ENDS_AFTER.match(text, end) or _BEFORE_A_COURT.search(text, 0, start)
                                                     or _COURT_NAMED_AFTER.match(text, end)):
            continue  # « l'accusée a craqué en cour, mercredi »: in court (Canadian usage), not « en cours » before its complement
        if "conj_tous_toutes" in error["sRuleId"] and _PRONOUN_WITH_TOUS.search(text, 0, start):
            continue  # « nous tous ferions mieux »: « tous » sets off the pronoun, the verb agrees with « nous »
        if SUB_NOUN_WITHOUT_HYPHEN.search(text[max(0, start - 4):end + 12]):
            continue  # « la sous région »: Grammalecte reads « sous » as a word of its own; the slip is the lost hyphen (`align.checks.writing`)
        if _SLASHED_ENDING.search(text, 0, start):
            continue  # « le/la travailleur/se du sexe »: a feminine ending after a slash, which Grammalecte reads as the pronoun « se »
        if error["sType"] == "gn" and (_ABBREVIATED_TITLE.match(text, start) or _INCLUSIVE_FORM.match(text, start) or text[start - 1:start] == "/"):
            continue  # « la cap. Sue Harvey », « du/de la Représentant(e) »: a cut word's or an inclusive form's gender is no error
        findings.append(Finding(start, end, "grammar", severity, f"{error['sMessage']} (Grammalecte)", suggestions(fixes),
                                name_word=span if _people_adjective_rule(error["sRuleId"]) else ""))
    for error in spelling:
        start, end = error["nStart"], error["nEnd"]
        word = text[start:end]
        if near := _opening_word_misspelt(text, start, word):
            findings.append(Finding(start, end, "spelling", "warning", f"« {word} » is not a French word: « {near[0]} »?", suggestions(near), word))
            continue
        # (an accent lost on a small letter: an English-looking word in small letters, « presence », or a capitalised one, « Securite »)
        twin = (None if not word.isalpha() or _WEB_DOMAIN_AFTER.match(text, end) else _accents_lost(text, start, word) if word.islower()
                else _small_letters_unaccented(word) if word[:1].isupper() and word[1:].islower() else None)
        if twin:
            findings.append(Finding(start, end, "spelling", "warning", f"« {word} » has lost its accents: « {twin} ».", suggestions([twin]), word))
            continue
        if word.isalpha() and word.islower() and (french := _english_spelling_of(word)) and not _english_beside(text, start, end):
            findings.append(Finding(start, end, "spelling", "warning", f"« {word} » is the English spelling: French writes « {french} ».",
                                    suggestions([french]), word))
            continue
        if (word.isalpha() and word.islower() and len(word) >= 4 and word not in _COMMON_NOUNS_TOO
                and checker.getSpellChecker().isValid(word.capitalize()) and not english_word(word)):
            name = word.capitalize()  # « pour l'afrique »: a name the dictionary knows only with its capital
            findings.append(Finding(start, end, "typography", "warning", f"« {word} » is a name, written with its capital: « {name} ».",
                                    suggestions([name])))  # (no word to look for elsewhere: the text writes the name right there too)
            continue
        if _ELISION_RUN_TOGETHER.fullmatch(word) and (run_together := _run_together_finding(text, start, end, "fr")):
            findings.append(run_together)
            continue
        if "-" in word and word.replace("-", "").isalpha() and word.islower():
            findings += _misspelt_parts(start, word)  # « micro-cellulles »: a compound the dictionary lacks, one of its words misspelt
            continue
        if (not word.isalpha() or not word.islower() or word in _INCLUSIVE_PRONOUNS or _INCLUSIVE_ENDING_AFTER.match(text, end)
                or any(a < end and start < b for a, b in addresses)
                or _next_to_digit(text, start, end) or english_word(word) or _abbreviated(text, end)
                or (len(word) <= 6 and text[start - 1:start] == "/" and text[start - 2:start - 1].isalpha())  # « défenseurs/euses »
                or ("oe" in word and _french_known(word.replace("oe", "œ")))  # « oeuvrant »: the ligature typed as two letters, a keyboard's habit
                or (_FEMININE_TITLE.search(word) and _french_known(_FEMININE_TITLE.sub("eur" + "s" * word.endswith("s"), word)))):
            continue
        if len(word) < 5 and (accented := _accents_misplaced(word)):
            findings.append(Finding(start, end, "spelling", "warning", f"« {word} » is not a French word: « {accented} »?", suggestions([accented]), word))
            continue
        if len(word) < 5:
            wholes = _first_letter_lost(word)
            if wholes:
                findings.append(Finding(start, end, "spelling", "warning", f"« {word} » is not a French word: « {wholes[0]} » with its first letter "
                                        "lost?", suggestions(wholes), word))
            continue
        near = _near_words(word, "fr", _french_known)
        if near and zipf_frequency(word, "fr") >= _WRITTEN_WORD_ZIPF and fold(near[0]) != fold(word):
            continue  # « résidants »: a word French writes often that the dictionary lacks, its neighbour another word (an accent
            # slip, « premiére », is frequent too and still reported)
        if near:
            findings.append(Finding(start, end, "spelling", "warning", f"« {word} » is not a French word: « {near[0]} »?", suggestions(near), word))
        elif run_together := _run_together_finding(text, start, end, "fr"):
            findings.append(run_together)
    findings += _rare_words_near_frequent_ones(text)
    own = (_indicative_after_conjunction(text, checker) + _participle_eu_alone(text, checker) + _number_disagreements(text, checker)
           + _participle_before_its_subject(text, checker) + _name_disagreements(text, checker) + _opening_participle_disagreement(text, checker))
    findings += [finding for finding in own if not any(a < finding.end and finding.start < b for a, b in addresses)]  # (« europa.eu/… »)
    return tuple(sorted(findings, key=lambda finding: finding.start))


_INITIALS_AFTER = re.compile(r"\s+[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.)+")
_COMMON_NOUNS_TOO = frozenset({"covid", "landerneau"})
"""Names the dictionary knows only with their capital that dictionaries of usage give as common nouns too (« la crise liée au covid », « le
landerneau politique »)."""
_INCLUSIVE_ENDING_AFTER = re.compile(r"[·•][^\W\d_]{1,5}\b")
"""« saisonni·ères », « travailleu·ses »: the stem of a word in inclusive writing, cut before its feminine ending by a middle dot."""
_INCLUSIVE_PRONOUNS = frozenset({"iel", "iels", "ielles", "elleux", "celleux", "cellui", "ellui", "toustes", "touztes"})
"""The pronouns of inclusive French (« avec elleux », « iels le présentent »): written on purpose, not misspelt."""


def _english_spelling_of(word: str) -> str | None:
    """The frequent French word an English word is with its British « -our- » (« l'honourable », « favourablement » → « honorable ») or
    without the final « e » French writes (« un protocol » → « protocole », « groupe », « programme »)."""
    if not english_word(word):
        return None
    candidates = ([word.replace("our", "or", 1)] if "our" in word else []) + ([word + "e", word + "me"] if len(word) >= 5 else [])
    return next((french for french in candidates if zipf_frequency(french, "fr") >= 3.0 and _french_known(french)), None)


def _small_letters_unaccented(word: str) -> str | None:
    """The frequent French word a capitalised word is without an accent on a small letter (« Securite » → « Sécurité »): French usage
    may drop the accent on a capital (« Etat »), never on the letters after it; a name stays itself (no frequent French twin)."""
    from align.checks.language import _accented_twin

    twin = _accented_twin(word.lower())
    if twin is None or twin[0] != word[0].lower() or english_word(word.lower()):
        return None
    readings = morphologies(twin)
    if readings and all(":V" in reading for reading in readings):
        return None  # a verb form is no name's spelling (« Nadia Murad Basee Taha »: a name, not « basée »)
    return word[0] + twin[1:]


def _accents_lost(text: str, start: int, word: str) -> str | None:
    """The frequent French word that `word`, an English word outside any run of English, is without its accents (« en presence des
    ambassadeurs », « dispositions legislatives »): English spelling exempts a word from the spelling check, not from its accents.
    Not the ligature typed as two letters (« oeuvre »)."""
    from align.checks.language import _accented_twin, english_runs

    if not english_word(word):
        return None
    twin = _accented_twin(word)
    if twin is None or twin.replace("œ", "oe") == word or any(first <= start < last for first, last in english_runs(text)):
        return None
    before, after = _ENGLISH_WORD.findall(text[:start])[-1:], _ENGLISH_WORD.findall(text[start + len(word):])[:1]
    return None if any(_english_only(other) for other in before + after) else twin  # (« Evaluation of the regime »: a quoted English title)


_SENTENCE_INITIAL_A = re.compile(r"(?:^|(?<=[.!?…]\s)|(?<=[«“\"(—–]\s)|(?<=[«“\"(—–]))A(?= ([^\W\d_]+))")


def _capital_a_accented(text: str, checker) -> str:
    """The text with a sentence's first word « A » written « À » (same length, same offsets) when the word after it is no past participle.
    French usage drops the accent on capitals; the verb « a » begins a sentence only with its subject left out before a participle (a
    list's items: « - A permis aux agents… »), so before anything else it is the preposition, which Grammalecte otherwise reads as the
    verb and then misreads the words after it (« A la fois pays de départ » as « a la foi »)."""
    if "A " not in text:
        return text
    spelling = checker.getSpellChecker()
    return _SENTENCE_INITIAL_A.sub(lambda found: "A" if any(":Q" in morph for morph in spelling.getMorph(found.group(1))) else "À", text)


def _people_adjective_rule(rule: str) -> bool:
    """Grammalecte's rule on a capitalised adjective of a people or nationality (« Ministère Italien »)."""
    return "maj_gentilés" in rule


FIRST_LETTER_ZIPF = 4.0
"""How frequent the word must be that a short unknown word becomes with a letter put back before it (« selon » is 5.9)."""


ACCENT_TWIN_ZIPF = 4.0


@lru_cache(maxsize=1)
def _accented_by_letters() -> dict[str, str]:
    """The frequent French words that carry an accent, by their letters without it (« aout » → « août »), the most frequent kept."""
    accented: dict[str, str] = {}
    for word, frequency in _frequencies("fr").items():
        if frequency >= 10 ** (ACCENT_TWIN_ZIPF - 9) and fold(word) != word and word.isalpha():
            accented.setdefault(fold(word), word)
    return accented


def _accents_misplaced(word: str) -> str | None:
    """The frequent accented word a short unknown word is with an accent misplaced or added (« aôut » → « août »): the longer words' are
    their nearest words (`_near_words`)."""
    twin = _accented_by_letters().get(fold(word))
    return twin if twin is not None and twin != word and fold(word) != word and _french_known(twin) else None


def _first_letter_lost(word: str) -> list[str]:
    """The frequent French words a short unknown word is with its first letter lost (« elon » → « selon », « uvre » → « œuvre », the
    ligature dropped by a conversion), most frequent first. Short unknown words are otherwise left alone: abbreviations and codes
    (« resp », « gc ») are one edit away from many words, but rarely a letter short of a frequent one."""
    frequencies = _frequencies("fr")
    if len(word) < 3:
        return []
    candidates = [whole for whole in (letter + word for letter in _LETTERS["fr"])
                  if frequencies.get(whole, 0) >= 10 ** (FIRST_LETTER_ZIPF - 9) and _french_known(whole)]
    return sorted(candidates, key=lambda whole: (-frequencies[whole], whole))[:3]


RUN_TOGETHER_ZIPF = 2.5
"""How frequent (wordfreq's Zipf scale) each of two words run together must be: « traite des », not a rare word and a syllable."""
RUN_TOGETHER_SHORT_ZIPF = 5.0
"""… and a word of two or three letters: a function word (« des » 7.2, "of" 7.4), not a syllable that is also a word ("ope" 2.6)."""
_PREFIXES = {"fr": frozenset({"allo", "anti", "auto", "bi", "bio", "co", "contre", "cyber", "dé", "demi", "éco", "em", "en", "entre",
                                "euro", "ex", "extra", "géo", "hyper", "infra", "inter", "intra", "macro", "mal", "méga", "micro", "mini",
                                "mono", "multi", "néo", "non", "pan", "para", "pluri", "poly", "post", "pré", "pro", "ré", "semi", "sous",
                                "super", "supra", "sur", "télé", "trans", "tri", "ultra", "vice"}),
             "en": frozenset({"anti", "bio", "co", "counter", "cross", "cyber", "eco", "euro", "ex", "extra", "geo", "inter", "intra",
                                "macro", "mega", "micro", "mid", "mini", "multi", "neo", "non", "over", "post", "pre", "pro", "re", "self",
                                "semi", "socio", "sub", "super", "tele", "trans", "ultra", "under", "vice"})}
"""Prefixes that make one word with the next (« pangouvernementale », "counterterrorism"): a word they begin is not two words."""
_SUFFIXES = {"fr": frozenset({"ment"}), "en": frozenset({"able", "hood", "less", "like", "ness", "ship", "wise"})}
"""Suffixes that are words too (« proactivement », "victimless"): a word they end is one word."""


@lru_cache(maxsize=20_000)
def _words_run_together(word: str, lang: str) -> tuple[str, ...]:
    """The two frequent words an unknown word is with the space between them lost (« traitedes » → « traite des », "victimsof" →
    "victims of"; in French, an English word second: « êtrestory »), most frequent pair first. A word people
    write (wordfreq has it often: "roundtable") or one a prefix begins is no slip, nor two short words ("fedpol")."""
    lower = word.lower()
    if (not word.islower() or len(lower) < 6 or zipf_frequency(lower, lang) >= RUN_TOGETHER_WRITTEN_ZIPF
            or (lang == "fr" and zipf_frequency(lower, "en") >= RUN_TOGETHER_WRITTEN_ZIPF)):
        return ()  # (a capitalised word is a name more often than a slip: « Belmonde », "Rosetown", "StreetReach")
    pairs = []
    for index in range(2, len(lower) - 1):
        head, tail = lower[:index], lower[index:]
        if head in _PREFIXES[lang] or tail in _SUFFIXES[lang] or max(len(head), len(tail)) < 4 or not _frequent_word(head, lang):
            continue
        if _frequent_word(tail, lang) or (lang == "fr" and len(tail) >= 4 and _frequent_word(tail, "en")):
            pairs.append((-(zipf_frequency(head, lang) + zipf_frequency(tail, lang)), f"{word[:index]} {word[index:]}"))
    return tuple(pair for _, pair in sorted(pairs))[:3]


@lru_cache(maxsize=50_000)
def _frequent_word(part: str, lang: str) -> bool:
    """Whether `part` is a word of `lang` frequent enough to be one of two words run together."""
    floor = RUN_TOGETHER_ZIPF if len(part) >= 4 else RUN_TOGETHER_SHORT_ZIPF
    return zipf_frequency(part, lang) >= floor and (_french_known if lang == "fr" else english_word)(part)


_ELISION_RUN_TOGETHER = re.compile(r"([a-zà-ÿœ]{2,})([dlnjmcst])(['’])([^\W\d_][\w-]*)")
"""An elided word run into the word before it: « chaînesd’approvisionnement », « del’Europe »."""


def _run_together_finding(text: str, start: int, end: int, lang: str) -> Finding | None:
    """The spelling finding for a word of `text` that is two words run together (not a hashtag or a handle: "#EndTrafficking")."""
    word = text[start:end]
    if text[start - 1:start] in ("#", "@"):
        return None
    together: tuple[str, ...] = _words_run_together(word, lang) if word.isalpha() else ()
    if lang == "fr" and (elided := _ELISION_RUN_TOGETHER.fullmatch(word)):
        head, letter, apostrophe, rest = elided.groups()
        if (head not in _PREFIXES["fr"] and _frequent_word(head, "fr") and not _french_known(head + letter) and len(rest) >= 2
                and (_french_known(rest) or rest[:1].isupper())):
            together = (f"{head} {letter}{apostrophe}{rest}",)
    if not together:
        return None
    quote = "« {} »" if lang == "fr" else "“{}”"
    return Finding(start, end, "spelling", "warning", f"{quote.format(word)} is two words run together: {quote.format(together[0])}?",
                   suggestions(together), word, inside_terms=True)


def _indicative_after_conjunction(text: str, checker) -> list[Finding]:
    """The first finite verb after « quoique », « bien que », « afin que »… in the indicative where the subjunctive is needed
    (« quoique ces crimes peuvent se chevaucher »). Grammalecte 2.1 misses it when a noun phrase is the subject."""
    from grammalecte.fr import conj

    spelling = checker.getSpellChecker()
    findings = []
    for found in _SUBJUNCTIVE_AFTER.finditer(text):
        if found.group(1).lower().startswith("bien") and (_KNOWING_VERB_BEFORE.search(text, 0, found.start())
                                                          or _DETERMINER_BEFORE.search(text, 0, found.start())):
            continue  # « on le sait bien que les têtes … ne sont pas », « un bien que l'on veut vendre »: not the concession
        previous = ""
        for word in _FRENCH_WORD.finditer(found.group(2)):
            surface = word.group(0)
            if re.split(r"['’]", surface.lower())[0] in ("que", "qui", "qu", "dont", "où"):
                break  # (a relative clause or a second « que » before the verb: « pour que ce qu'il faut combattre soit clair »)
            morphs = spelling.getMorph(surface.lower() if word.start() == 0 else surface)
            verbs = [morph for morph in morphs if re.search(r":V", morph) and re.search(r":(?:I[pqsf]|K|S[pq])", morph)]
            if not verbs:
                previous = surface.lower().rstrip("’'")
                continue
            if any(re.search(r":S[pq]", morph) for morph in verbs) or (len(verbs) < len(morphs) and previous not in _SUBJECT_PRONOUNS):
                break  # subjunctive already, or a word that may be a noun (« est », « a ») with no pronoun to make it a verb
            morph = verbs[0]
            infinitive, who = morph[1:morph.index("/")], re.search(r":([123][sp])", morph)
            fix = conj.getConj(infinitive, ":Sp", ":" + who.group(1)) if who and conj.isVerb(infinitive) else ""
            start = found.start(2) + word.start()
            findings.append(Finding(start, start + len(surface), "grammar", "warning",
                                    f"« {found.group(1).strip()} » takes the subjunctive: « {surface} » is indicative.", fix or ""))
            break
    return findings


_THREE_WORDS = re.compile(r"(?<![\w’'-])(?=([^\W\d_]+)[ \u00a0]+([a-zà-ÿ][a-zà-ÿ-]*)[ \u00a0]+([a-zà-ÿ][a-zà-ÿ-]*)(?![\w’'-]))")
_TWO_WORDS = re.compile(r"(?<![\w’'-])(?=([a-zà-ÿ][a-zà-ÿ-]*)[ \u00a0]+([a-zà-ÿ][a-zà-ÿ-]*)(?![\w’'-]))")


_COMPASS_POINTS = frozenset({"nord", "sud", "est", "ouest"})
_DATE_AFTER = re.compile(r"[ \u00a0-]+(?:\d{4}|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")
_PREPOSITIONAL_LOCUTION = re.compile(r"(?:suite|face|grâce|quant|faute|histoire|compte)[ \u00a0]+(?:à|au|aux|de|d['’]|du|des)\b")


def _number_disagreements(text: str, checker) -> list[Finding]:
    """Number agreement Grammalecte 2.1 lets pass, read off its dictionary's morphology where every reading of each word agrees:
    a singular determiner, a noun the same in both numbers, then an adjective only plural (« du corps diplomatiques »: the
    determiner says the noun is singular); an adjective only plural right before a noun only singular (« honorables assistance »);
    « toute » before a feminine plural (« l'une des toute premières »: before a feminine adjective « tout » agrees like one)."""
    spelling = checker.getSpellChecker()
    findings = []
    for found in _THREE_WORDS.finditer(text):
        first, second, third = found.group(1, 2, 3)
        if (_every_reading(spelling, first.lower(), r":G:D\b.*:s/") and _every_reading(spelling, second, r":N:[mfe]:i/")
                and _every_reading(spelling, third, r":(?:A|N:A|N):[mfe]:p/") and any(":A" in morph for morph in spelling.getMorph(third))):
            findings.append(Finding(found.start(3), found.start(3) + len(third), "grammar", "warning",
                                    f"« {first} {second} » is singular: « {third} » is plural.", ""))
    for found in _TWO_WORDS.finditer(text):
        first, second = found.group(1, 2)
        if re.match(rf"[ \u00a0]+(?:après|par|à|sur|pour)[ \u00a0]+{re.escape(second)}\b", text[found.end(2):]):
            continue  # « renouvelés année après année »: a noun repeated around a preposition is an adverb (« jour après jour »)
        if second in ("début", "fin", "mi") and _DATE_AFTER.match(text, found.end(2)):
            continue  # « adressées début 2019 »: « début » before a date says when (early 2019), no noun the adjective qualifies
        if _PREPOSITIONAL_LOCUTION.match(text, found.start(2)) or second in _COMPASS_POINTS:
            continue  # (« introuvables suite à l'évacuation »: the noun opens a locution, it is no noun the adjective qualifies; « les
            # réseaux francophones ouest-africains »: a compass point qualifies as an invariable adjective)
        if _every_reading(spelling, first, r":A:[mfe]:p(?:;[^/]*)?/") and _every_reading(spelling, second, r":N:[mfe]:s/"):
            findings.append(Finding(found.start(1), found.start(2) + len(second), "grammar", "warning",
                                    f"« {first} » is plural, « {second} » singular.", ""))
        elif first == "toute" and _every_reading(spelling, second, r":[fe]:p(?:;[^/]*)?/"):
            findings.append(Finding(found.start(1), found.start(1) + len(first), "grammar", "warning",
                                    f"« toute » before the plural « {second} » agrees with it: « toutes {second} ».", "toutes"))
    return findings


CAPITALISED_PAIR = re.compile(r"(?<![\w’'-])(?=([A-ZÀ-Ý][a-zà-ÿ]+) ([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-]))")
"""Two capitalised words side by side, each pair found (overlapping): a name's noun and adjective here, a hyphenated place written with
a space in `align.checks.slips`."""


_PLURAL_BEFORE_NAME = re.compile(r"(?<![\w’'-])(des|les|aux|ces|plusieurs) ([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-])")


_COMPLEMENT_BEFORE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+ (?:du|des|de la|de l['’]|de) $")
_SURNAME_AFTER = re.compile(r" ([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w’'-])")


def _name_disagreements(text: str, checker) -> list[Finding]:
    """Agreement inside an official name (« Comité Nationale », « la ministre des Famille »): Grammalecte leaves capitalised words
    alone as names, but a capitalised common noun with its determiner or its adjective is a name made of French words."""
    spelling = checker.getSpellChecker()
    findings = []
    for found in _PLURAL_BEFORE_NAME.finditer(text):
        if _every_reading(spelling, found.group(2).lower(), r":N:[mfe]:s/"):
            findings.append(Finding(found.start(2), found.end(2), "grammar", "warning",
                                    f"« {found.group(1)} » is plural, « {found.group(2)} » singular.", ""))
    for found in CAPITALISED_PAIR.finditer(text):
        noun, adjective = found.group(1), found.group(2)
        surname = _SURNAME_AFTER.match(text, found.end(2))
        if surname and not _french_known(surname.group(1)):
            continue  # « la Présidente du Sénat Sabine Laruelle »: a first name (« Sabine ») before a surname the dictionary does not know
        if any(":M1" in reading for reading in spelling.getMorph(noun)):
            continue  # « Marc Doucette »: a first name and a surname
        if any(re.search(r":N:(?!A)", reading) for reading in spelling.getMorph(adjective.lower())):
            continue  # « un État Partie »: a noun in apposition, not an adjective
        if _COMPLEMENT_BEFORE.search(text, 0, found.start(1)):
            continue  # « l’Armée du Salut Internationale »: the adjective may qualify the name's head before its complement
        if noun.lower() in _BEFORE_THEIR_NOUN:
            continue  # « Grand Baie »: an adjective French puts before its noun, and the noun after it
        if adjective.endswith(("s", "x")) and _COORDINATED_BEFORE.search(text, 0, found.start(1)):
            continue  # « la Police et de la Gendarmerie Nationales »: one plural adjective for two nouns
        if (word_before := _CAPITALISED_BEFORE.search(text, 0, found.start(1))) and (
                _english_only(word_before.group(1).lower()) or not _french_known(word_before.group(1).lower())):
            continue  # « partenariat CPC (Child Protection Compact) », « Amel Association International »: a name in English word order
        if _every_reading(spelling, noun.lower(), r":N:") and disagreeing_adjective(noun.lower(), adjective.lower()):
            findings.append(Finding(found.start(2), found.end(2), "grammar", "warning", f"« {adjective} » does not agree with « {noun} ».", ""))
    return findings


_CAPITALISED_BEFORE = re.compile(r"([A-Z][a-z]+)[ \u00a0]+$")
_BEFORE_THEIR_NOUN = frozenset({"grand", "grande", "petit", "petite", "haut", "haute", "bas", "basse", "vieux", "vieille", "nouveau", "nouvelle",
                                "beau", "belle", "bon", "bonne", "saint", "sainte"})
_COORDINATED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w’'-]+[ \u00a0]+(?:et|ou)[ \u00a0]+(?:de[ \u00a0]+la[ \u00a0]+|du[ \u00a0]+|des[ \u00a0]+|de[ \u00a0]+l['’]|"
                                 r"la[ \u00a0]+|le[ \u00a0]+|les[ \u00a0]+|l['’])?$")
_DE_AFTER = frozenset({"séparée", "séparées", "séparés", "privée", "privées", "privés", "accusée", "accusées", "accusés", "informée", "informées",
                       "informés", "suivie", "suivies", "suivis", "accompagnée", "accompagnées", "accompagnés", "entourée", "entourées",
                       "entourés", "composée", "composées", "composés", "extraite", "extraites", "extraits", "tirée", "tirées", "tirés"})
"""Participles that take their complement with « de » (« séparée des autres »)."""
_TIMES_AFTER = re.compile(r"[ \u00a0]+de[ \u00a0]+fois\b")
_PASSIVE_BEFORE_SUBJECT = re.compile(r"(?<![\w’'-])(?<!il )(?:ont|a|avaient|avait|auront|aura) été ([a-zà-ÿ]+) (?:des|les|deux|trois|plusieurs|de nombreux|"
                                     r"de nombreuses) ([a-zà-ÿ]+)(?![\w’'-])")


def _participle_before_its_subject(text: str, checker) -> list[Finding]:
    """A passive participle before its subject (« auxquelles ont été ajoutées des inspecteurs »: the subject is « des inspecteurs »,
    the participle agrees with it, not with the relative before). Only a participle in a marked form (feminine or plural) is judged:
    the impersonal « il a été décidé des mesures » keeps the masculine singular."""
    spelling = checker.getSpellChecker()
    findings = []
    for found in _PASSIVE_BEFORE_SUBJECT.finditer(text):
        participle, noun = found.group(1, 2)
        if not (_every_reading(spelling, participle, r":Q") and _every_reading(spelling, noun, r":N")):
            continue
        if _TIMES_AFTER.match(text, found.end(2)):
            continue  # « ont été partagées plusieurs milliers de fois »: how many times, not the subject
        if noun == "autres" or (found.group(0).split()[-2] == "des" and participle in _DE_AFTER):
            continue  # « a été séparée des autres », « ont été accusés des faits »: « des » is « de » and « les », the participle's complement
        forms = set(re.findall(r":Q.*?:([mfe]):([spi])", " ".join(spelling.getMorph(participle))))
        nouns = set(re.findall(r":N.*?:([mfe]):([spi])", " ".join(spelling.getMorph(noun))))
        if not nouns or forms <= {("m", "s")}:
            continue
        if not _can_agree(forms, nouns):
            findings.append(Finding(found.start(1), found.end(1), "grammar", "warning",
                                    f"« {participle} » agrees with its subject after it, « {noun} ».", ""))
    return findings


_OPENING_PARTICIPLE = re.compile(r"(?:^|(?<=[.!?]\s))(?!Eu\s)([A-ZÀ-Ý][a-zà-ÿ]+)\b[^,.;:!?«»()]{0,100},\s+"
                                 r"(?:le|la|les|l['’]|cette|ce|cet|ces|son|sa|ses|leur|leurs)\s*([^\W\d_][a-zà-ÿ-]+)")
"""« Reconnu par le Saint-Siège en 1922, l'association … »: a participle clause opening the sentence, then the subject it describes
(« Eu égard à … » is a locution)."""


def _opening_participle_disagreement(text: str, checker) -> list[Finding]:
    """A participle opening the sentence that agrees with no reading of the subject after the comma (« Alimentée par les guerres, ce
    phénomène »): only a word the dictionary reads as a participle alone (no noun or adjective of its own) is judged."""
    spelling = checker.getSpellChecker()
    findings = []
    for found in _OPENING_PARTICIPLE.finditer(text):
        participle, noun = found.group(1, 2)
        readings = spelling.getMorph(participle) or spelling.getMorph(participle.lower())
        if not readings or not all(":Q" in reading for reading in readings if ":V" in reading) or any(
                ":N" in reading or (":A" in reading and ":Q" not in reading) for reading in readings):
            continue
        forms = {found_form.groups() for reading in readings if ":Q" in reading for found_form in _GENDER_NUMBER.finditer(reading)}
        nouns = {found_form.groups() for reading in spelling.getMorph(noun) if ":N" in reading for found_form in _GENDER_NUMBER.finditer(reading)}
        if forms and nouns and not _can_agree(forms, nouns):
            findings.append(Finding(found.start(1), found.end(1), "grammar", "warning",
                                    f"« {participle} » opens the sentence and describes its subject, « {noun} », but does not agree with it.", ""))
    return findings


_GENDER_NUMBER = re.compile(r":([mfe]):([spi])")


def disagreeing_adjective(noun: str, adjective: str) -> bool:
    """Whether the dictionary knows both words, `adjective` can be an adjective, and no reading of one agrees in gender and number
    with a reading of the other (« êtres humaine », « êtres humaines »); False when Grammalecte is not installed."""
    checker = french_checker()
    if checker is None:
        return False
    if negation_word(noun):
        return False  # « non », « plus » are no nouns an adjective agrees with: « une mineure non accompagnée »
    spelling = checker.getSpellChecker()
    nouns = {found.groups() for morph in spelling.getMorph(noun) if ":N" in morph for found in _GENDER_NUMBER.finditer(morph)}
    adjectives = {found.groups() for morph in spelling.getMorph(adjective) if ":A" in morph for found in _GENDER_NUMBER.finditer(morph)}
    if any(gender in "me" and number in "pi" for gender, number in adjectives):
        return False  # a masculine plural can agree with nouns coordinated before this one (« d'abus et d'exploitation sexuels »)
    return bool(nouns and adjectives) and not _can_agree(nouns, adjectives)


def other_gender(noun: str, adjective: str) -> bool:
    """Whether no reading of the adjective has the noun's gender: an adjective that differs in number alone (« exploitation sexuelles »)
    is a slip of the term's, one of the other gender (« travail décentes ») agrees with another noun."""
    nouns = {found.group(1) for morph in morphologies(noun) if ":N" in morph for found in _GENDER_NUMBER.finditer(morph)}
    adjectives = {found.group(1) for morph in morphologies(adjective) if ":A" in morph for found in _GENDER_NUMBER.finditer(morph)}
    return bool(nouns and adjectives) and not any(gender == "e" or other == "e" or gender == other for gender in nouns for other in adjectives)


def negation_word(word: str) -> bool:
    """Whether the dictionary reads `word` as a word of negation (« non », « pas », « plus »), whatever else it may be."""
    checker = french_checker()
    return checker is not None and any(":G" in morph and ":X" in morph for morph in checker.getSpellChecker().getMorph(word))


def _adjective_before_its_noun(text: str, end: int, word: str) -> bool:
    """Whether `word` can be an adjective that agrees with the noun right after it (« présumés proxénètes »)."""
    after = re.match(r"[ \u00a0]+([^\W\d_]+(?:-[^\W\d_]+)*)", text[end:])
    if after is None:
        return False
    adjective = {found.groups() for morph in morphologies(word) if ":A" in morph for found in _GENDER_NUMBER.finditer(morph)}
    noun = {found.groups() for morph in morphologies(after.group(1)) if ":N" in morph for found in _GENDER_NUMBER.finditer(morph)}
    return bool(adjective and noun) and _can_agree(adjective, noun)


def _can_agree(readings: set[tuple[str, str]], other_readings: set[tuple[str, str]]) -> bool:
    """Whether a (gender, number) reading of one word agrees with one of another's: epicene (e) and invariable (i) agree with anything."""
    return any(("e" in (gender, other_gender) or gender == other_gender) and ("i" in (number, other_number) or number == other_number)
               for gender, number in readings for other_gender, other_number in other_readings)


def _every_reading(spelling, word: str, pattern: str) -> bool:
    """Whether the dictionary knows `word` and every one of its readings matches `pattern`."""
    morphs = spelling.getMorph(word)
    return bool(morphs) and all(re.search(pattern, morph) for morph in morphs)


def _participle_eu_alone(text: str, checker) -> list[Finding]:
    """« eu » with no form of « avoir » or « être » in the three words before it: not the participle, a slip for « en »
    (« retrouvées eu août 2015 »)."""
    spelling = checker.getSpellChecker()
    findings = []
    for found in re.finditer(r"(?<![\w’'-])eu(?![\w’'-])(?![ \u00a0]+égard\b)", text):  # (« eu égard à », a set phrase)
        # the verb of an inversion comes before its pronoun (« avez-vous eu », « a-t-il eu »)
        before = [re.split(r"[’']", word.lower())[-1].split("-")[0] for word in _FRENCH_WORD.findall(text[max(0, found.start() - 60):found.start()])[-3:]]
        if not before or any(morph.startswith((">avoir/", ">être/")) for word in before for morph in spelling.getMorph(word)):
            continue
        findings.append(Finding(found.start(), found.end(), "grammar", "warning",
                                "« eu » without « avoir » or « être » before it is not the participle: « en »?", "en"))
    return findings


def _abbreviated(text: str, end: int) -> bool:
    """Whether the word ends with an abbreviation's full stop (« 23 juill. 2023 »): a stop followed by more of the sentence."""
    return text[end:end + 1] == "." and re.match(r"\.\s*[\d\W]*[a-zà-ÿ\d]", text[end:]) is not None


def _capitalised_name(span: str) -> bool:
    """A single capitalised or all-capital word (a name or an acronym; Grammalecte's capital rules are checked on their own)."""
    return bool(re.fullmatch(r"[^\W\d_][\w’'-]*", span)) and (span.isupper() or span[:1].isupper()) and len(span) > 1 and span[:1] != "À"


_NAMED = re.compile(r"«\s*([^«»]+?)\s*»")
_DETERMINER_AT_END = re.compile(r"(?:\b(?:le|la|les|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos|quelques|plusieurs|"
                                r"certains|certaines)|\bl['’]|\d[\d\s]*)(?:\s+(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
                                r"quinze|vingt|trente|cent))?\s*$", re.IGNORECASE)
_COLLECTIVE = re.compile(r"\b(?:moitié|majorité|minorité|plupart|partie|totalité|tiers|quart|nombre|foule|ensemble|reste|dizaine|centaine|"
                         r"millier)s?$", re.IGNORECASE)
_LINKING_WORDS = "au|aux|du|de|d|à|en|sans|contre|pour|par|avec|dans|sur|sous|chez|entre|vers|après|avant|pendant|selon|depuis|via|parmi|et|ou|ni"
"""Prepositions and conjunctions: after one, a noun phrase is a complement or a list's item, not the head its adjective must agree with."""
_LINKED_BEFORE = re.compile(rf"(?:\b(?:{_LINKING_WORDS})|['’,])\s*$", re.IGNORECASE)
_LINKED_AFTER = re.compile(rf"(?:{_LINKING_WORDS})\b", re.IGNORECASE)


def _right_after_its_noun(text: str, start: int, message: str) -> bool:
    """Whether an agreement across words Grammalecte reports (kept as info: in « N1 de N2 adj » or « N1 et N2 adj » the adjective may agree
    with the other noun) holds all the same: the noun it names stands right before the word, and the noun's phrase is neither a
    complement (no preposition before it) nor a list's item (no « et », « ou », comma), and the dependency parse links the two:
    « 250 personnes exploités », « le dernier jours », « des organismes non gouvernementales »."""
    named = next((found.group(1) for found in _NAMED.finditer(message)), "")
    if not named or any(character.isdigit() for character in named) or _LINKED_AFTER.match(named) or _COLLECTIVE.search(named):
        return False  # a figure (« 17 ans », « COM(2017) 728 final »), a complement Grammalecte names with its preposition (« au Canada »),
        # a share or a collective, which may agree with what it counts (« dont la moitié mineurs »)
    position = text.rfind(named, 0, start)
    if position < 0 and " " in named and _DETERMINER_AT_END.fullmatch(named.rsplit(" ", 1)[0] + " "):
        named = named.rsplit(" ", 1)[1]  # « Les prévenus » named, « les huit prévenus » written: the noun alone
        position = text.rfind(named, 0, start)
    if position < 0 or not re.fullmatch(r"\s+(?:non\s+|très\s+|plus\s+|moins\s+)?", text[position + len(named):start]):
        return False
    before = text[:position]
    determiner = _DETERMINER_AT_END.search(before)
    if determiner:
        before = before[:determiner.start()]
    return _LINKED_BEFORE.search(before) is None and _parse_links(text, start, position, position + len(named))


_DETERMINER_BEFORE_ADJECTIVE = re.compile(r"(?:\b(?:de|des|les|ces|ses|leurs|nos|vos|mes|quelques|plusieurs|un|une|le|la)|\bd['’]|\bl['’])\s*$",
                                          re.IGNORECASE)


def _right_before_its_noun(text: str, start: int, end: int, message: str) -> bool:
    """Whether the word Grammalecte finds out of agreement is an adjective between a determiner and the noun it names, right after it
    (« de bon salaires »): nothing else it could agree with."""
    named = next((found.group(1) for found in _NAMED.finditer(message)), "")
    return (bool(named) and " " not in named and re.match(rf"[ \u00a0]+{re.escape(named)}(?![\w’'-])", text[end:]) is not None
            and _DETERMINER_BEFORE_ADJECTIVE.search(text, max(0, start - 12), start) is not None
            and any(":A" in morph for morph in morphologies(text[start:end])) and any(":N" in morph for morph in morphologies(named)))


def _parse_links(text: str, start: int, named_start: int, named_end: int) -> bool:
    """Whether the dependency parse makes the word at `start` and a word of the named phrase head and dependent (« personnes » ←
    « exploités »), not two phrases side by side (« nommée ce week-end ambassadrice »: « ambassadrice » is the participle's complement).
    True when no parser is installed (the grammar check's own reading stands)."""
    from align.text.french_parser import parse

    parsed = parse(text)
    if parsed is None:
        return True
    word = next((token for token in parsed.words if token.start <= start < token.end), None)
    others = [token for token in parsed.words if named_start <= token.start < named_end]
    return word is not None and any(other.head == word.index or word.head == other.index for other in others)


_AGREES_WITH = re.compile(r"Accord avec “([^”…]+)…?”.*3ᵉ personne du singulier")
_LIST_BEFORE = re.compile(r"\b(?:et|ou|ainsi que|de même que)\s*$", re.IGNORECASE)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_PLURAL_NOUN = re.compile(r":N[^/]*:[pi]\b")


def _noun_beside_noun(text: str, start: int, word: str) -> bool:
    """Whether `word` may be a plural noun and the word right before it one too (« documents ressources », « pays membres »)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return (before is not None and any(_PLURAL_NOUN.search(morph) for morph in morphologies(word))
            and any(_PLURAL_NOUN.search(morph) for morph in morphologies(before.group(1))))


_WORD_AFTER = re.compile(r"[ \u00a0]+([a-zà-ÿ]+)")
_SINGULAR_ADJECTIVE = re.compile(r":A:[mfe]:[si]\b")
_OTHER_ADJECTIVE_AFTER = re.compile(r"[ \u00a0]+(?:et|ou)[ \u00a0]+([a-zà-ÿ-]+)")
_OTHER_ADJECTIVE_BEFORE = re.compile(r"([a-zà-ÿ-]+)[ \u00a0]+(?:et|ou)[ \u00a0]+$")


def _one_of_adjectives_shared_out(text: str, start: int, end: int, word: str) -> bool:
    """Whether the singular adjective `word` is coordinated with another singular adjective, the two sharing out a plural noun (« Contextes
    mondial et canadien », « les secteurs public et privé »: one context each)."""
    other = _OTHER_ADJECTIVE_AFTER.match(text, end) or _OTHER_ADJECTIVE_BEFORE.search(text, max(0, start - 40), start)
    return other is not None and all(any(_SINGULAR_ADJECTIVE.search(morph) for morph in morphologies(adjective))
                                     for adjective in (word, other.group(1)))


def _last_of_listed_subjects(text: str, start: int, message: str) -> bool:
    """Whether Grammalecte asks a plural verb to agree in the singular with a noun phrase that ends a list of subjects (it comes after
    « et », « ainsi que », « de même que », « ou »): the list is plural (a comma alone may close a complement put first)."""
    found = _AGREES_WITH.search(message)
    if not found:
        return False
    subject = text.rfind(found.group(1), 0, start)
    return subject > 0 and _LIST_BEFORE.search(text[:subject]) is not None


_DAY_AFTER = re.compile(r"\s*:?\s+(?:1er|[0-3]?\d|\d{4}-\d\d-\d\d)\b")
"""A byline's date after « Publié le », « Révisée le : » (« 18 novembre 2024 », « 2006-01-12 »)."""
_AGREES_WITH_PLURAL = re.compile(r"Accord avec “([^”…]+)…?”.*3ᵉ personne du pluriel")
_AGENT_BEFORE = re.compile(r"(?:\bpar|\bde|\bdes|\bdu|\bd['’]|\baux)\s*(?:[A-ZÀ-Ý][\w’'-]*[\s,]+){0,8}$")


def _agent_taken_for_subject(text: str, start: int, message: str) -> bool:
    """Whether Grammalecte asks a verb to agree in the plural with names that follow « par » (the agent of a participle before them) or
    « de » (the complement of a noun: « les corps de police de Montréal, Longueuil et Laval « comprend »), not the verb's subject."""
    found = _AGREES_WITH_PLURAL.search(message)
    if not found:
        return False
    subject = text.rfind(found.group(1).split()[0], 0, start)  # (Grammalecte quotes the subject's heads: “Cécile et Gaëlle”)
    return subject > 0 and _AGENT_BEFORE.search(text[:subject]) is not None


def _inclusive_doublet(text: str, start: int, end: int, fixes: list[str]) -> bool:
    """Whether the span and a form it is told to take stand side by side, joined by « et », « ou », a comma or a slash (« policières
    et policiers »); the same word elsewhere in the sentence is no doublet (« une phénomène croissant dans un monde »)."""
    span = re.escape(text[start:end])
    window = text[max(0, start - 40):end + 40]
    return any(re.search(rf"(?<![\w’'-]){first}(?:\s+(?:et|ou)\s+|\s*[/,]\s*){second}(?![\w’'-])", window)
               for fix in fixes for first, second in ((span, re.escape(fix)), (re.escape(fix), span)))


_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|[«“\"(—–]\s*)$")


def _opening_determiner(text: str, start: int, span: str, checker) -> bool:
    """A determiner capitalised only because it opens the sentence (« Une phénomène », « Cette phénomène »): a word, not a name."""
    return bool(_SENTENCE_START.search(text[:start])) and any(":G:D" in morph for morph in checker.getSpellChecker().getMorph(span.lower()))


OPENING_WORD_MIN_LETTERS = 6
FREQUENT_OPENING_ZIPF = 4.0


_SMALL_WORD_BEFORE = re.compile(r"(?<![\w’'-])[a-zà-ÿ]+['’ ]\s*$")
_SMALL_WORD_AFTER = re.compile(r"\s+[a-zà-ÿ]")


def _opening_word_misspelt(text: str, start: int, word: str) -> list[str]:
    """The frequent French words one edit from a capitalised word opening the text or a sentence (« Lancemernt de la campagne »), or
    standing alone between two words in small letters (« le Représentnt de l'Union »), that no dictionary nor wordfreq knows, in either
    language: a slip, where a capitalised word beside another is most often a name ([] otherwise)."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha() and len(word) >= OPENING_WORD_MIN_LETTERS):
        return []
    alone = _SMALL_WORD_BEFORE.search(text[:start]) is not None and _SMALL_WORD_AFTER.match(text, start + len(word)) is not None
    if (not (_SENTENCE_START.search(text[:start]) or alone) or english_word(word) or english_word(word.lower())
            or max(zipf_frequency(word, "fr"), zipf_frequency(word, "en")) > 0):
        return []
    near = _near_words(word, "fr", _french_known)
    return near if near and zipf_frequency(near[0].lower(), "fr") >= FREQUENT_OPENING_ZIPF else []


RARE_WORD_MIN_LETTERS = 6
FREQUENT_NEIGHBOUR_ZIPF = 3.0
_SMALL_LETTER_WORD = re.compile(rf"(?<![\w’'-])[a-zà-ÿ]{{{RARE_WORD_MIN_LETTERS},}}(?![\w’'-])")


def _rare_words_near_frequent_ones(text: str) -> list[Finding]:
    """A word the French dictionary knows but wordfreq never met, one edit from a frequent word of another lemma (« les enlèvements et
    disparations de réfugiés »: « disparitions »): a slip that happens to spell a dictionary word. A form of the same word (« trafiquantes »
    beside « trafiquants ») is no slip."""
    findings = []
    for found in _SMALL_LETTER_WORD.finditer(text):
        word = found.group(0)
        if zipf_frequency(word, "fr") > 0 or not _french_known(word) or english_word(word):
            continue
        lemmas = _lemmas(word)
        near = [other for other in _near_words(word, "fr", _french_known)
                if zipf_frequency(other, "fr") >= FREQUENT_NEIGHBOUR_ZIPF and not lemmas & _lemmas(other)]
        if near:
            findings.append(Finding(found.start(), found.end(), "spelling", "warning", f"« {word} » is a rare word one letter from « {near[0]} »: "
                                    "a slip?", suggestions(near), word))
    return findings


def _lemmas(word: str) -> set[str]:
    return {reading[1:reading.index("/")] for reading in morphologies(word) if reading.startswith(">") and "/" in reading}


def _next_to_digit(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


_LATIN_LOCUTION = re.compile(r"\b(?:inter alia|inter alios|mutatis mutandis|sui generis|bona fide|prima facie|pro bono|ex officio|ad hoc|"
                             r"de facto|de jure|per se|ipso facto|in situ|in absentia|a fortiori|a priori|ex post|ex ante|et al|erga omnes|"
                             r"jus cogens|non bis in idem|ne bis in idem|habeas corpus|amicus curiae|modus operandi)\b", re.IGNORECASE)
"""Latin locutions of legal and UN English: their words are in no English dictionary."""


def _in_latin_locution(text: str, start: int, end: int) -> bool:
    return any(found.start() <= start and end <= found.end() for found in _LATIN_LOCUTION.finditer(text, max(0, start - 30), end + 30))


_DOUBLED_VARIANT_ZIPF = 2.9
"""How often (wordfreq's Zipf scale) a form with a doubled consonant before -ed/-ing must be written to be a spelling variant: "benefitted"
2.98, "focussed" 3.13; "targetted" 2.19, "comming" 2.58 are slips."""


def _doubled_variant(word: str, near: str) -> bool:
    """Whether `word` is `near` with the consonant before its -ed or -ing doubled, and written so often enough to be a variant."""
    from wordfreq import zipf_frequency

    found = re.search(r"([b-df-hj-np-tv-z])\1(ed|ing)$", word.lower())
    if not found or word.lower()[:found.start() + 1] + found.group(2) != near.lower():
        return False
    doubled = word.lower()[:found.start() + 2]  # (either ending counts: "benefitting" 2.78 is the variant "benefitted" 2.98 is)
    return max(zipf_frequency(doubled + ending, "en") for ending in ("ed", "ing")) >= _DOUBLED_VARIANT_ZIPF


def _negated_participle(word: str) -> bool:
    """"unceded", "unremediated": « un- » before a participle or an "-able" adjective the dictionary knows, a word it need not list."""
    found = re.fullmatch(r"un([a-z]{3,}(?:ed|able))", word)
    return found is not None and english_word(found.group(1))


@lru_cache(maxsize=20000)
def english_findings(text: str) -> tuple[Finding, ...]:
    """Misspelt words of one English text: a lower-case word no dictionary accepts, one edit away from one it does; a capitalised
    word of eight letters or more only when its suggestion is a lower-case dictionary word (« Stabilzation » in a programme's
    name; names of people and places have no such neighbour)."""
    if not english_available() or not text.strip():
        return ()
    addresses = [found.span() for found in _URL_OR_EMAIL.finditer(text)]
    findings = []
    for found in _ENGLISH_WORD.finditer(text):
        word = found.group(0).replace("’", "'")
        start, end = found.span()
        if (len(word) < 4 or word.isupper() or any(char.isupper() for char in word[1:]) or _next_to_digit(text, start, end)
                or any(a < end and start < b for a, b in addresses) or not _ascii_around(text, start, end) or english_word(word)
                or _french_known(word) or _abbreviated(text, end) or _in_latin_locution(text, start, end) or _negated_participle(word)):
            continue  # a French word in English is the language checks' business; a Latin locution is neither ("inter alia")
        capitalised = word[:1].isupper()
        if capitalised and (len(word.removesuffix("'s")) < 8 or english_word(word.lower())):
            continue  # (a name's possessive is the name: "Rosine's")
        near = _near_words(word, "en", _common_english_word if capitalised else english_word)
        if near and _doubled_variant(word, near[0]):
            continue  # "benefitted", "focussed": the British doubling of a final consonant, a spelling as written as the other
        if near:
            findings.append(Finding(start, end, "spelling", "warning", f"“{word}” is not an English word: “{near[0]}”?", suggestions(near), word))
        elif not capitalised and (run_together := _run_together_finding(text, start, end, "en")):
            findings.append(run_together)
    return tuple(findings)


def _common_english_word(word: str) -> bool:
    """An English word also in lower case (not a name: « Mendicino » is not a slip for "Mendocino")."""
    return english_word(word.lower())


def _ascii_around(text: str, start: int, end: int) -> bool:
    """Whether the word is whole: not part of a word with accented letters (« Québec » is not "bec") or an elided French word."""
    before, after = text[start - 1:start], text[end:end + 1]
    return not (before and (before.isalpha() or before in "’'") ) and not (after and after.isalpha())


def grammar_and_spelling(link: LinkView, side: str, context: CheckContext) -> list[Flag]:
    """French grammar and spelling, English spelling, on the French and the official English (not the machine translation)."""
    if side == "mt" or not enabled():
        return []
    text = link.texts[side]
    findings = GIVEN.get((side, text))
    if findings is None:
        findings = french_findings(text) if side == "fr" else english_findings(text)
    if not findings:
        return []
    terms = [(match.start, match.end) for match in link.matches.get(side, [])]
    garbles = []
    if any(finding.inside_terms or not any(start < finding.end and finding.start < end for start, end in terms) for finding in findings):
        # a glossary term misspelt or garbled is the term checks' finding, which gives the term's right form
        garbles = [(garble.start, garble.end) for garble in find_garbled(text, LANG_OF_SIDE[side], context.glossary, matches=link.matches.get(side))]
    other_side = "en" if side == "fr" else "fr"
    other = context.document_texts[other_side] or link.texts[other_side]
    flags = []
    for finding in findings:
        if any(start < finding.end and finding.start < end for start, end in garbles + ([] if finding.inside_terms else terms)):
            continue
        if finding.word and (_contains_word(other, finding.word) or _written_twice(finding.word, side, text, context)):
            continue
        if finding.name_word and re.search(rf"(?<!\w){re.escape(finding.name_word)}(?!\w)", other or ""):
            continue  # « le service de police Mohawk » for "the Mohawk Police Service": the name's word, borrowed as is
        flags.append(Flag(link.number, side, finding.kind, finding.severity, finding.start, finding.end, text[finding.start:finding.end],
                          finding.message, finding.suggestion))
    return flags


def _forms(word: str) -> re.Pattern:
    """The word with or without a plural or feminine ending (« yazidi », « yazidis », « yazidies »)."""
    stem = re.sub(r"(?:es|e|s)$", "", word.lower()) if len(word) > 5 else word.lower()
    return re.compile(rf"(?<!\w){re.escape(stem)}(?:e|s|es)?(?!\w)", re.IGNORECASE)


def _contains_word(text: str, word: str) -> bool:
    return bool(text) and _forms(word).search(text) is not None


def _written_twice(word: str, side: str, text: str, context: CheckContext) -> bool:
    """Whether the document writes the word twice or more, in any of its forms (a term or name of the text, not a slip)."""
    document = context.document_texts["fr" if side == "fr" else "en"] or text
    return len(_forms(word).findall(document)) >= 2


GRAMMAR = Check("grammar-spelling", "side", grammar_and_spelling, ("grammar", "spelling"))
