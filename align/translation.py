"""Machine translation of French segments into English, offline.

Engines, in `auto` order: `argos` (argostranslate's French→English package, neural),
`apertium` (Debian's rule-based apertium fr→es→en pivot, rough but real), `none`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field

ENGINES = ("auto", "argos", "apertium", "none")
_APERTIUM_UNKNOWN = re.compile(r"[*#@](?=\w)")


@dataclass(frozen=True)
class Translation:
    """The English machine translation of one French segment."""

    text: str
    engine: str
    unknown_words: tuple[str, ...] = field(default=())


def available_engine(requested: str = "auto") -> str:
    """Resolve `auto` to the best installed engine; return the engine name."""
    if requested not in ENGINES:
        raise ValueError(f"unknown MT engine {requested!r}; choose one of {', '.join(ENGINES)}")
    if requested != "auto":
        return requested
    return "apertium" if shutil.which("apertium") else "none"


def translate_segments(segments: list[str], engine: str = "auto") -> list[Translation]:
    """Translate French segments to English, one Translation per segment, in order."""
    chosen = available_engine(engine)
    if chosen == "none" or not segments:
        return [Translation("", "none") for _ in segments]
    return _translate_apertium(segments)


def _translate_apertium(segments: list[str]) -> list[Translation]:
    """One fr→es→en pipeline for the whole batch; segments travel one per line."""
    joined = "\n".join(segment.replace("\n", " ") for segment in segments) + "\n"
    spanish = subprocess.run(["apertium", "-u", "fr-es"], input=joined, capture_output=True, text=True, check=True).stdout
    english = subprocess.run(["apertium", "spa-eng"], input=spanish, capture_output=True, text=True, check=True).stdout
    lines = english.rstrip("\n").split("\n")
    if len(lines) != len(segments):
        raise RuntimeError(f"apertium returned {len(lines)} lines for {len(segments)} segments")
    result = []
    for line in lines:
        unknown = tuple(re.findall(r"[*#@](\w[\w'-]*)", line))
        result.append(Translation(_APERTIUM_UNKNOWN.sub("", line).strip(), "apertium fr-es+spa-eng", unknown))
    return result
