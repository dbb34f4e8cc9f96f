"""The MT engines behind one interface, and the registry `auto` chooses from.

An engine translates normalised one-line French texts into English and says which words it did
not know. Adding an engine is a module with a class following `Engine` and one line in `ENGINES`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from align.mt import apertium, argos
from align.mt.packages import find_fr_en_package


class Engine(Protocol):
    """A loaded MT engine: translates normalised one-line French texts."""

    name: str
    label: str  # shown in outputs (mt_engine)
    key: str  # cache key: engine, model version and settings
    chunk_size: int | None  # texts per call (None: all at once)

    def translate(self, texts: list[str]) -> list[tuple[str, tuple[str, ...]]]: ...


@dataclass(frozen=True)
class EngineKind:
    """A registered engine: `available()` says whether it is installed; `load(beam_size)` returns it ready
    (ModelMissingError when it is not installed)."""

    name: str
    available: Callable[[], bool]
    load: Callable[[int], Engine]


ENGINES: list[EngineKind] = [
    EngineKind("argos", lambda: find_fr_en_package() is not None, lambda beam_size: argos.load(beam_size)),
    EngineKind("apertium", lambda: apertium.apertium_info() is not None, lambda beam_size: apertium.load()),
    EngineKind("apertium-ca", lambda: apertium.route_info("ca") is not None, lambda beam_size: apertium.load("ca")),
    EngineKind("apertium-eo", lambda: apertium.route_info("eo") is not None, lambda beam_size: apertium.load("eo")),
]
"""In `auto` order: the first available engine is used."""
ENGINE_CHOICES = ("auto", *(kind.name for kind in ENGINES), "none")


def resolve_engine(requested: str = "auto") -> str:
    """Resolve `auto` to the first installed engine of `ENGINES` (else `none`); return the engine name."""
    if requested not in ENGINE_CHOICES:
        raise ValueError(f"unknown MT engine {requested!r}; choose one of {', '.join(ENGINE_CHOICES)}")
    if requested != "auto":
        return requested
    return next((kind.name for kind in ENGINES if kind.available()), "none")


def load_engine(name: str, beam_size: int = argos.DEFAULT_BEAM_SIZE) -> Engine:
    """The engine `name`, ready to translate; ModelMissingError when it is not installed."""
    for kind in ENGINES:
        if kind.name == name:
            return kind.load(beam_size)
    raise ValueError(f"no engine to load for {name!r}")
