"""A reviewer's correction as the undo history records it: the splices of the link list and the other changes it made.

`Review` builds and replays them (undo, redo); the review file (`align.review.review_file`) stores them.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.model import Link


@dataclass(frozen=True)
class Splice:
    """One replacement in the link list: `added` links at `start` replaced the links in `removed`.

    `added_links` holds those links only in the redo list (undo needs only their count).
    """

    start: int
    removed: tuple[Link, ...]
    added: int
    added_links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Change:
    """One edit outside the link list: a sentence text (`what` = `text`, key (side, index)) or a flag verdict
    (`what` = `flag`, key `flag_key`); `before`/`after` are the values (None: no verdict)."""

    what: str
    key: tuple
    before: object
    after: object


@dataclass(frozen=True)
class Action:
    """A reviewer's correction, as the splices and changes needed to undo it."""

    label: str
    splices: tuple[Splice, ...]
    changes: tuple[Change, ...] = ()
