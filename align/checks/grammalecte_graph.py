"""Grammalecte's rule graphs walked with each token's arcs out of a graph's root, and out of its nodes with regular expressions, found
once per process.

Grammalecte checks a sentence by walking its rule graphs token by token (`TextParser.parseGraph`): at every token it asks
`TextParser._getMatches` which arcs out of each graph's root the token follows, besides those out of the nodes earlier tokens
led to. The root holds the most arcs (word values, lemmas, patterns on the word and on its morphologies, tags, token types),
so that question was the largest part of the walk on texts that never repeat; its answer depends on the node and on the few
things of the token it reads, and new sentences are made of words already seen (nine root questions in ten had been asked
before, on the corpus's French sentences each checked once). `memoise_root_matches` gives the parser a `_getMatches` that
remembers the root's answers, keyed by everything of the token the answer reads, so a token whose morphologies or tags an
earlier rule changed is asked afresh.
The other nodes hold a few arcs each. Remembering all their answers cost what it saved: half the questions go to nodes of word values
only, which a dictionary look-up answers. A node with regular expressions (on the word, `<re_value>`, or on its morphologies,
`<re_morph>`, one search per morphology) is worth remembering: Grammalecte alone on new sentences of the corpus, alternating in one
process, 2.7–3.1 → 2.4–2.6 ms a sentence; its answers are kept beside the roots'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

MEMOISED_ROOT_MATCHES = 200_000
"""How many (root, token) answers are kept; past this the memo starts again (a few hundred bytes each)."""
MEMOISED_PATTERN_MATCHES = 200_000
"""How many (node with regular expressions, token) answers are kept; past this that memo starts again."""
PATTERN_ARCS = frozenset(("<re_value>", "<re_morph>"))
"""The keys of a node's arcs that `_getMatches` follows by regular expression searches."""

Match = tuple[str | None, str, int]
"""One arc a token follows, as Grammalecte's `_getMatches` yields it: (kind of arc, what matched, next node)."""
_ABSENT = object()


def memoised_root_matches(get_matches: Callable[..., Iterator[Match]]) -> Callable[..., Iterator[Match]]:
    """`get_matches` (Grammalecte's `TextParser._getMatches`) with its answers at a graph's root and at its nodes with regular
    expressions kept: the same arcs in the same order.

    An answer reads the node (the graphs are loaded once and never change, so a node's `id` names it while the process lives), the
    token's value and type, its morphologies when a rule set them (else the dictionary's, which follow from the value), its tags when
    it has some, and `bKeep`; a jump (`<>`) to another node is answered from the same. Its callers read every arc before any rule
    changes a token."""
    root_answers: dict[tuple, tuple[Match, ...]] = {}
    pattern_answers: dict[tuple, tuple[Match, ...]] = {}

    def _getMatches(self: Any, dGraph: dict, dToken: dict, dNode: dict, bKeep: bool = False) -> Iterator[Match]:  # noqa: N802, N803 - Grammalecte's names
        if dNode is dGraph[0]:
            answers, limit = root_answers, MEMOISED_ROOT_MATCHES
        elif dNode.keys().isdisjoint(PATTERN_ARCS):  # (a view against a set: the two keys are looked up, not the node's words)
            return get_matches(self, dGraph, dToken, dNode, bKeep)
        else:
            answers, limit = pattern_answers, MEMOISED_PATTERN_MATCHES
        morphologies = dToken.get("lMorph", _ABSENT)
        tags = dToken.get("aTags", _ABSENT)
        key = (id(dNode), dToken["sValue"], dToken["sType"], bKeep,
               morphologies if morphologies is _ABSENT else tuple(morphologies), tags if tags is _ABSENT else frozenset(tags))
        answer = answers.get(key)
        if answer is None:
            if len(answers) >= limit:
                answers.clear()
            answer = answers[key] = tuple(get_matches(self, dGraph, dToken, dNode, bKeep))
        return iter(answer)

    _getMatches.__wrapped__ = get_matches  # type: ignore[attr-defined]
    return _getMatches


def memoise_root_matches(parser: type) -> None:
    """Give Grammalecte's `TextParser` class the memoised `_getMatches` (once: a second call leaves it as it is)."""
    if not hasattr(parser._getMatches, "__wrapped__"):
        parser._getMatches = memoised_root_matches(parser._getMatches)
