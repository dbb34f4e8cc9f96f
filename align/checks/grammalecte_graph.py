"""Grammalecte's rule graphs walked with each token's arcs out of a graph's root found once per process.

Grammalecte checks a sentence by walking its rule graphs token by token (`TextParser.parseGraph`): at every token it asks
`TextParser._getMatches` which arcs out of each graph's root the token follows, besides those out of the nodes earlier tokens
led to. The root holds the most arcs (word values, lemmas, patterns on the word and on its morphologies, tags, token types),
so that question was the largest part of the walk on texts that never repeat; its answer depends on the graph and on the few
things of the token it reads, and new sentences are made of words already seen (nine root questions in ten had been asked
before, on the corpus's French sentences each checked once). `memoise_root_matches` gives the parser a `_getMatches` that
remembers the root's answers, keyed by everything of the token the answer reads, so a token whose morphologies or tags an
earlier rule changed is asked afresh. The other nodes hold a few arcs each and are asked as before (remembering them cost more
than it saved).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

MEMOISED_ROOT_MATCHES = 200_000
"""How many (graph, token) answers are kept; past this the memo starts again (a few hundred bytes each)."""

Match = tuple[str | None, str, int]
"""One arc a token follows, as Grammalecte's `_getMatches` yields it: (kind of arc, what matched, next node)."""
_ABSENT = object()


def memoised_root_matches(get_matches: Callable[..., Iterator[Match]]) -> Callable[..., Iterator[Match]]:
    """`get_matches` (Grammalecte's `TextParser._getMatches`) with its answers at a graph's root kept: the same arcs in the same order.

    An answer reads the node (the graphs are loaded once and never change, so the graph's `id` names its root while the process
    lives), the token's value and type, its morphologies when a rule set them (else the dictionary's, which follow from the
    value), its tags when it has some, and `bKeep`. Its callers read every arc before any rule changes a token."""
    answers: dict[tuple, tuple[Match, ...]] = {}

    def _getMatches(self: Any, dGraph: dict, dToken: dict, dNode: dict, bKeep: bool = False) -> Iterator[Match]:  # noqa: N802, N803 - Grammalecte's names
        if dNode is not dGraph[0]:
            return get_matches(self, dGraph, dToken, dNode, bKeep)
        morphologies = dToken.get("lMorph", _ABSENT)
        tags = dToken.get("aTags", _ABSENT)
        key = (id(dGraph), dToken["sValue"], dToken["sType"], bKeep,
               morphologies if morphologies is _ABSENT else tuple(morphologies), tags if tags is _ABSENT else frozenset(tags))
        answer = answers.get(key)
        if answer is None:
            if len(answers) >= MEMOISED_ROOT_MATCHES:
                answers.clear()
            answer = answers[key] = tuple(get_matches(self, dGraph, dToken, dNode, bKeep))
        return iter(answer)

    _getMatches.__wrapped__ = get_matches  # type: ignore[attr-defined]
    return _getMatches


def memoise_root_matches(parser: type) -> None:
    """Give Grammalecte's `TextParser` class the memoised `_getMatches` (once: a second call leaves it as it is)."""
    if not hasattr(parser._getMatches, "__wrapped__"):
        parser._getMatches = memoised_root_matches(parser._getMatches)
