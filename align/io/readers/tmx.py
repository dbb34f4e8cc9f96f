"""TMX translation memories as units to check (`python -m align check FILE.tmx`)."""

from __future__ import annotations

from pathlib import Path

from align.interchange.tmx import read_tmx
from align.model import Unit


def read_units(path: Path) -> list[Unit]:
    """A unit is one French and one English segment, already accepted by a translator: score 1, status `confirmed`, no MT."""
    return [Unit(unit.position, (unit.position,) if unit.fr else (), (unit.position,) if unit.en else (), unit.fr, "", unit.en, 1.0, "confirmed")
            for unit in read_tmx(path)]
