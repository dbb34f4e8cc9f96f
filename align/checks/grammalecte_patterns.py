"""Grammalecte's regular expressions compiled once per process.

Grammalecte's rule engine (`grammalecte.fr.gc_engine`, `grammalecte.fr.gc_functions`) calls `re.search(pattern_text, …)` and
`re.compile(pattern_text)` with the rules' pattern texts: about 2,000 calls for each sentence, each of which looks the text up in
`re`'s own cache first. That look-up cost more than most of the searches (a fifth of Grammalecte's time on the bench TMX of
never-repeated sentences), and the rules hold more patterns than `re`'s cache keeps (512), so some were compiled again and again.
`memoise_patterns` gives those modules a `re` whose functions find the compiled pattern in one dictionary look-up; every result
is the one `re` gives, since a pattern text always compiles to the same pattern.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

MEMOISED_PATTERNS = 20_000
"""How many compiled patterns are kept (the rules' are a few thousand; a few of Grammalecte's functions build one from a word)."""


class MemoisedPatterns:
    """The `re` module's functions that Grammalecte calls, with each (pattern, flags) compiled once; anything else is `re`'s."""

    def __init__(self) -> None:
        self._compiled: dict[Any, re.Pattern] = {}

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern:
        key = pattern if not flags else (pattern, flags)  # (a text and a tuple are never equal: no key stands for two patterns)
        compiled = self._compiled.get(key)
        if compiled is None:
            if len(self._compiled) >= MEMOISED_PATTERNS:
                self._compiled.clear()
            compiled = self._compiled[key] = re.compile(pattern, flags)
        return compiled

    def search(self, pattern: Any, string: str, flags: int = 0) -> re.Match | None:
        compiled = self._compiled.get(pattern) if not flags else None
        return (compiled or self.compile(pattern, flags)).search(string)

    def match(self, pattern: Any, string: str, flags: int = 0) -> re.Match | None:
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern: Any, string: str, flags: int = 0) -> re.Match | None:
        return self.compile(pattern, flags).fullmatch(string)

    def finditer(self, pattern: Any, string: str, flags: int = 0):
        return self.compile(pattern, flags).finditer(string)

    def findall(self, pattern: Any, string: str, flags: int = 0) -> list:
        return self.compile(pattern, flags).findall(string)

    def sub(self, pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        return self.compile(pattern, flags).sub(repl, string, count)

    def split(self, pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list:
        return self.compile(pattern, flags).split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def memoise_patterns(*modules: ModuleType) -> None:
    """Give each module (one of Grammalecte's, which imported `re` as `re`) the memoised `re`: one for all, as the rules share patterns."""
    memo = MemoisedPatterns()
    for module in modules:
        if getattr(module, "re", None) is re:
            module.re = memo  # type: ignore[attr-defined]
