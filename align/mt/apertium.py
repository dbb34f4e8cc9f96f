"""Apertium, Debian's rule-based MT: French to English through a pivot language, one batched process per stage and document."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from align.errors import EngineError, ModelMissingError

CACHE_FORMAT = "v1"  # bump when the post-processing of raw engine output changes (argos)
APERTIUM_CACHE_FORMAT = "v4"  # v2: unknown words include the pivot-language leftovers of the second stage; v3: œ spelt oe; v4: each text starts a sentence
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
"""fr-es knows « coeur », « oeuvre » but not « cœur », « œuvre » (left as French, or "#set" for « mise en œuvre »)."""

_APERTIUM_MARK = re.compile(r"(?<![\w*#@])([*#@])(\w[\w'’-]*)")

@dataclass(frozen=True)
class Route:
    """One French→English Apertium route through a pivot language: its two modes and the Debian packages that bring them."""

    engine: str  # the engine name in `align.mt.engines.ENGINES`
    pivot: str
    modes: tuple[str, str]
    packages: tuple[str, str]


ROUTES: dict[str, Route] = {
    "es": Route("apertium", "es", ("fr-es", "spa-eng"), ("apertium-fr-es", "apertium-eng-spa")),
    "ca": Route("apertium-ca", "ca", ("fra-cat", "cat-eng"), ("apertium-fra-cat", "apertium-eng-cat")),
    "eo": Route("apertium-eo", "eo", ("fr-eo", "eo-en"), ("apertium-eo-fr", "apertium-eo-en")),
}
"""fr→es→en is the default (best chrF on DEV and TEST, fastest with eo); the others are measured by
`python -m bench translate --set real --routes` and can be chosen as engines `apertium-ca`, `apertium-eo`."""


@dataclass(frozen=True)
class ApertiumInfo:
    """Installed Apertium and the data versions of one route."""

    label: str
    executable: str
    route: Route = ROUTES["es"]

def _debian_version(package: str) -> str:
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "?"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "?"

@lru_cache(maxsize=1)
def installed_modes() -> frozenset[str]:
    """Apertium's installed modes (`apertium -l`); empty without Apertium."""
    executable = shutil.which("apertium")
    if executable is None:
        return frozenset()
    try:
        return frozenset(subprocess.run([executable, "-l"], capture_output=True, text=True, timeout=30).stdout.split())
    except (OSError, subprocess.SubprocessError):
        return frozenset()

@lru_cache(maxsize=4)
def route_info(pivot: str = "es") -> ApertiumInfo | None:
    """Apertium with both modes of the route through `pivot`, or None."""
    route = ROUTES[pivot]
    executable = shutil.which("apertium")
    if executable is None or not set(route.modes) <= installed_modes():
        return None
    short = {"apertium-fr-es": "fr-es", "apertium-eng-spa": "eng-spa", "apertium-fra-cat": "fra-cat", "apertium-eng-cat": "eng-cat",
             "apertium-eo-fr": "eo-fr", "apertium-eo-en": "eo-en"}
    label = ", ".join([f"apertium {_debian_version('apertium')}", *(f"{short[p]} {_debian_version(p)}" for p in route.packages)])
    return ApertiumInfo(label, executable, route)

def apertium_info() -> ApertiumInfo | None:
    """Apertium with both fr-es and spa-eng modes (the default route), or None."""
    return route_info("es")

def _strip_apertium_marks(line: str, source: str) -> tuple[str, tuple[str, ...]]:
    """Remove Apertium's `*` (unknown), `@` (untranslated) and `#` (generation) marks; return (text, unknown words).

    A mark already present in the source text (a hashtag, an address) is kept.
    """
    unknown: list[str] = []

    def replace(found: re.Match[str]) -> str:
        if found.group(0) in source:
            return found.group(0)
        if found.group(1) in "*@":
            unknown.append(found.group(2))
        return found.group(2)

    return _APERTIUM_MARK.sub(replace, line).strip(), tuple(unknown)

class _LineCountError(EngineError):
    """Apertium returned a different number of lines than it was given."""

class ApertiumEngine:
    """Apertium fr→pivot→en (default fr→es→en): one process per stage for the whole batch."""

    uses_lexicon = True  # rule-based: the domain lexicon and rendering fixes apply (measured)
    chunk_size = None

    def __init__(self, info: ApertiumInfo) -> None:
        self.info = info
        self.name = info.route.engine
        self.label = f"apertium fr→{info.route.pivot}→en ({info.label}; rule-based, rough)"
        self.key = f"{self.name}|{info.label}|{APERTIUM_CACHE_FORMAT}"

    def _run(self, mode: str, lines: list[str]) -> list[str]:
        try:
            result = subprocess.run([self.info.executable, mode], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
        except subprocess.CalledProcessError as error:
            raise EngineError(f"apertium {mode} failed: {error.stderr.strip()}") from None
        out = result.stdout.rstrip("\n").split("\n")
        if len(out) != len(lines):
            raise _LineCountError(f"apertium {mode} returned {len(out)} lines for {len(lines)}")
        return out

    def translate(self, texts: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        """(English, words left untranslated) per text: French words stage 1 did not know, then Spanish words stage 2 left."""
        try:
            spelt = [text.translate(_LIGATURES) for text in texts]
            first, second = self.info.route.modes
            spanish = [_strip_apertium_marks(line, source) for line, source in zip(self._run(first, _apart(spelt))[::2], spelt)]
            english = self._run(second, _apart([text for text, _ in spanish]))[::2]
        except _LineCountError:
            if len(texts) == 1:
                raise
            # some input made Apertium add or merge a line: fall back to one run per text rather than fail the document
            return [result for text in texts for result in self.translate([text])]
        results = []
        for line, (source, unknown) in zip(english, spanish):
            # stage 2's marks are Spanish words left in the English ("odiosa"): reported with stage 1's French unknowns
            text, leftover = _strip_apertium_marks(line, source)
            results.append((text, tuple(dict.fromkeys(unknown + leftover))))
        return results


def _apart(texts: list[str]) -> list[str]:
    """The texts as Apertium's input lines, a "." line between two: Apertium carries "sentence start" from one line to the
    next, so a text after a line without final punctuation was translated as the middle of a sentence (« Dévoilement du
    rapport » → "Dévoilement of the report" there, "Dévoilement Of the report" alone). Each text now starts a sentence, as
    it would alone: its translation never depends on its neighbours in a batch, nor the cache on which document came first.
    The outputs of the texts are the even lines."""
    return [line for text in texts for line in (".", text)][1:]


def load(pivot: str = "es") -> ApertiumEngine:
    info = route_info(pivot)
    if info is None:
        packages = ", ".join(("apertium", *ROUTES[pivot].packages))
        hint = "; run ./scripts/setup.sh" if pivot == "es" else ""
        raise ModelMissingError(f"Apertium fr→{pivot}→en is not installed (Debian packages {packages}){hint}")
    return ApertiumEngine(info)
