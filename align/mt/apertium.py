"""Apertium, Debian's rule-based MT: French to English through a pivot language, one batched process per stage and document."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from align.errors import EngineError, ModelMissingError

CACHE_FORMAT = "v1"  # bump when the post-processing of raw engine output changes (argos)
APERTIUM_CACHE_FORMAT = "v3"  # v2: unknown words include the pivot-language leftovers of the second stage; v3: œ spelt oe
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
"""fr-es knows « coeur », « oeuvre » but not « cœur », « œuvre » (left as French, or "#set" for « mise en œuvre »)."""

_APERTIUM_MARK = re.compile(r"(?<![\w*#@])([*#@])(\w[\w'’-]*)")

@dataclass(frozen=True)
class ApertiumInfo:
    """Installed Apertium and its fr-es and eng-spa data versions."""

    label: str
    executable: str

def _debian_version(package: str) -> str:
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "?"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "?"

@lru_cache(maxsize=1)
def apertium_info() -> ApertiumInfo | None:
    """Apertium with both fr-es and spa-eng modes, or None."""
    executable = shutil.which("apertium")
    if executable is None:
        return None
    try:
        modes = subprocess.run([executable, "-l"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    if "fr-es" not in modes or "spa-eng" not in modes:
        return None
    label = f"apertium {_debian_version('apertium')}, fr-es {_debian_version('apertium-fr-es')}, eng-spa {_debian_version('apertium-eng-spa')}"
    return ApertiumInfo(label, executable)

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
    """Apertium fr→es→en: one `apertium fr-es` and one `apertium spa-eng` process for the whole batch."""

    name = "apertium"
    uses_lexicon = True  # rule-based: the domain lexicon and rendering fixes apply (measured)
    chunk_size = None

    def __init__(self, info: ApertiumInfo) -> None:
        self.info = info
        self.label = f"apertium fr→es→en ({info.label}; rule-based, rough)"
        self.key = f"apertium|{info.label}|{APERTIUM_CACHE_FORMAT}"

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
            spanish = [_strip_apertium_marks(line, source) for line, source in zip(self._run("fr-es", spelt), spelt)]
            english = self._run("spa-eng", [text for text, _ in spanish])
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


def load() -> ApertiumEngine:
    info = apertium_info()
    if info is None:
        raise ModelMissingError("Apertium fr→es→en is not installed (Debian packages apertium, apertium-fr-es, apertium-eng-spa); run ./scripts/setup.sh")
    return ApertiumEngine(info)
