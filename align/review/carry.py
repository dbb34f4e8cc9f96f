"""Carrying a review over to a corrected text of its document.

When a reviewer uploads a corrected French text (or English) for a document already reviewed, the saved review no
longer fits the text (its links count sentences of the old one). `plan_carry_over` compares the old and new sentences
(a sequence diff over the sentence texts) and says, before anything is saved, what changed and what of the review can
be kept: a link the reviewer confirmed, commented or gave a verdict on is kept, with its comment and verdicts, when
all its sentences are unchanged and still next to each other; corrected sentence texts are kept on unchanged
sentences. `carry_over` applies the plan to the review of the new text as one undoable correction: the kept links
are placed among the aligner's links for the new text, whose links that held a kept sentence are cut to what is left.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from align.model import Document, Link
from align.review.actions import Change
from align.review.review_file import read_json, read_review_file, review_path, text_fingerprint
from align.review.state import SIDES, Review
from align.text.segmentation import segment_text


@dataclass(frozen=True)
class TextChange:
    """Sentences of one side: how many the new text added, removed, changed, and kept unchanged."""

    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0

    def describe(self) -> str:
        if not (self.added or self.removed or self.changed):
            return f"unchanged ({self.unchanged} sentences)"
        parts = [f"{count} sentence{'s' if count != 1 else ''} {what}" for count, what in
                 ((self.added, "added"), (self.removed, "removed"), (self.changed, "changed")) if count]
        return ", ".join(parts) + f"; {self.unchanged} unchanged"


@dataclass
class CarryPlan:
    """What replacing a document's text does to its saved review (see the module docstring)."""

    name: str
    fr: TextChange
    en: TextChange
    english: str
    """`kept` (no English uploaded: the official English stays), `replaced`, or `none` (the document has none)."""
    maps: dict[str, dict[int, int]] = field(default_factory=dict)
    """Per side: old sentence index → new index, for unchanged sentences."""
    kept: list[Link] = field(default_factory=list)
    """The reviewed links kept, with their sentence ids in the new text."""
    dropped: list[Link] = field(default_factory=list)
    """The reviewed links that cannot be kept (a sentence of theirs changed or was removed), old ids."""
    verdicts: list[tuple[tuple, dict[str, str]]] = field(default_factory=list)
    """Verdicts kept: (`flag_key` with the sentence ids of the new text, the verdict as `Review.verdicts` holds it)."""
    verdicts_dropped: int = 0
    edits: list[tuple[str, int, str]] = field(default_factory=list)
    """Corrected sentence texts kept: (side, new index, corrected text)."""
    edits_dropped: int = 0
    problem: str = ""
    """Why nothing of the saved review can be carried over ('' when it can, or when there is no review)."""
    has_review: bool = False

    @property
    def confirmed_kept(self) -> int:
        return sum(link.status == "confirmed" for link in self.kept)

    @property
    def confirmed_dropped(self) -> int:
        return sum(link.status == "confirmed" for link in self.dropped)

    def summary(self) -> list[str]:
        """What the replacement changes, one line per point, for the reviewer to read before confirming."""
        lines = [f"French: {self.fr.describe()}.",
                 {"kept": f"Official English: kept as it is ({self.en.unchanged} sentences).",
                  "replaced": f"Official English: replaced — {self.en.describe()}.",
                  "none": "Official English: none."}[self.english]]
        if not self.has_review:
            return lines + ["No review saved yet for this document: nothing to carry over."]
        if self.problem:
            return lines + [f"The saved review cannot be carried over ({self.problem}); it will be kept aside."]
        comments = sum(bool(link.comment) for link in self.kept)
        lost_comments = sum(bool(link.comment) for link in self.dropped)
        lines.append(f"Confirmations: {self.confirmed_kept} kept, {self.confirmed_dropped} dropped (a sentence of theirs changed or was removed).")
        lines.append(f"Comments: {comments} kept, {lost_comments} dropped; flag verdicts: {len(self.verdicts)} kept, {self.verdicts_dropped} dropped; "
                     f"corrected sentences: {len(self.edits)} kept, {self.edits_dropped} dropped.")
        return lines


def sentences(text: str | None, lang: str) -> list[str]:
    """The alignable sentences of a text, as the pipeline counts them (what a review's sentence ids index)."""
    return [segment.text for segment in segment_text(text, lang) if segment.alignable] if text is not None else []


def compare(old: Sequence[str], new: Sequence[str]) -> tuple[dict[int, int], TextChange]:
    """Old index → new index of each unchanged sentence, and the counts of what changed."""
    mapping: dict[int, int] = {}
    added = removed = changed = 0
    for tag, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(None, list(old), list(new), autojunk=False).get_opcodes():
        if tag == "equal":
            mapping.update(zip(range(old_start, old_end), range(new_start, new_end)))
        else:
            common = min(old_end - old_start, new_end - new_start)
            changed += common
            removed += old_end - old_start - common
            added += new_end - new_start - common
    return mapping, TextChange(added, removed, changed, len(mapping))


def plan_carry_over(old: Document, new_fr_text: str, new_en_text: str | None, folder=None) -> CarryPlan:
    """Compare document `old` (as it is in the corpus) with its new texts (`new_en_text` None: the English is kept)."""
    old_fr, old_en = sentences(old.fr_text, "fr"), sentences(old.en_text, "en")
    english = "replaced" if new_en_text is not None else "kept" if old.en_text is not None else "none"
    new_en = sentences(new_en_text, "en") if new_en_text is not None else old_en
    fr_map, fr_change = compare(old_fr, sentences(new_fr_text, "fr"))
    en_map, en_change = compare(old_en, new_en)
    plan = CarryPlan(old.name, fr_change, en_change, english, {"fr": fr_map, "en": en_map})
    path = review_path(old.name, folder)
    if not path.exists():
        return plan
    plan.has_review = True
    data = read_json(path)
    if not isinstance(data, dict) or data.get("fr_sha256") != text_fingerprint(old.fr_text) or data.get("en_sha256") != text_fingerprint(old.en_text):
        plan.problem = "it does not match the text in the corpus now"
        return plan
    try:
        saved = read_review_file(data)
    except ValueError as error:
        plan.problem = f"it cannot be read: {error}"
        return plan
    judged = {(key[0], key[1]) for key in saved.verdicts}
    for link in saved.links:
        if link.status != "confirmed" and not link.comment and (link.fr_ids, link.en_ids) not in judged:
            continue
        ids = {side: [plan.maps[side].get(i) for i in (link.fr_ids if side == "fr" else link.en_ids)] for side in SIDES}
        if any(i is None for side in SIDES for i in ids[side]) or any(ids[side] != list(range(ids[side][0], ids[side][0] + len(ids[side])))
                                                                    for side in SIDES if ids[side]):
            plan.dropped.append(link)
            continue
        plan.kept.append(Link(tuple(ids["fr"]), tuple(ids["en"]), link.score, link.status, link.comment))  # type: ignore[arg-type]
    kept_old = {(tuple(plan.maps["fr"].get(i) for i in link_ids[0]), tuple(plan.maps["en"].get(i) for i in link_ids[1])) for link_ids in judged}
    kept_new = {(link.fr_ids, link.en_ids) for link in plan.kept}
    for key, verdict in saved.verdicts.items():
        new_ids = (tuple(plan.maps["fr"].get(i) for i in key[0]), tuple(plan.maps["en"].get(i) for i in key[1]))
        if new_ids in kept_new and new_ids in kept_old:
            plan.verdicts.append(((*new_ids, *key[2:]), verdict))  # type: ignore[arg-type]
        else:
            plan.verdicts_dropped += 1
    for side, index, text, _ in saved.edits:
        if index in plan.maps.get(side, {}):
            plan.edits.append((side, plan.maps[side][index], text))
        else:
            plan.edits_dropped += 1
    return plan


def place_kept_links(auto: Sequence[Link], kept: Sequence[Link]) -> list[Link]:
    """The aligner's links for the new text with the `kept` links in place: an automatic link holding a kept sentence
    is cut to its other sentences (each part in its place between the kept links, `needs-review`)."""
    taken = {side: {i for link in kept for i in (link.fr_ids if side == "fr" else link.en_ids)} for side in SIDES}
    # a free sentence goes just before the first kept link (holding that side) whose sentences come after it
    starts = {side: [(link.fr_ids if side == "fr" else link.en_ids)[0] for link in kept if (link.fr_ids if side == "fr" else link.en_ids)]
              for side in SIDES}
    holders = {side: [k for k, link in enumerate(kept) if (link.fr_ids if side == "fr" else link.en_ids)] for side in SIDES}

    def gap(side: str, index: int) -> int:
        at = bisect.bisect_right(starts[side], index)
        return holders[side][at] if at < len(holders[side]) else len(kept)

    before: list[list[Link]] = [[] for _ in range(len(kept) + 1)]
    for link in auto:
        parts: dict[int, tuple[list[int], list[int]]] = {}
        for side, ids in (("fr", link.fr_ids), ("en", link.en_ids)):
            for index in ids:
                if index not in taken[side]:
                    parts.setdefault(gap(side, index), ([], []))[0 if side == "fr" else 1].append(index)
        for where, (fr_ids, en_ids) in sorted(parts.items()):
            whole = tuple(fr_ids) == link.fr_ids and tuple(en_ids) == link.en_ids
            before[where].append(link if whole else Link(tuple(fr_ids), tuple(en_ids), link.score if fr_ids and en_ids else 0.0, "needs-review"))
    placed: list[Link] = []
    for where, link in enumerate(kept):
        placed += before[where] + [link]
    return placed + before[len(kept)]


def carry_over(review: Review, plan: CarryPlan) -> bool:
    """Apply `plan` to `review` (the review of the document's new text) as one correction; return whether anything was carried."""
    if not (plan.kept or plan.edits):
        return False
    links = place_kept_links(review.links, plan.kept)
    covered = {side: [i for link in links for i in (link.fr_ids if side == "fr" else link.en_ids)] for side in SIDES}
    if covered["fr"] != list(range(len(review.fr))) or sorted(covered["en"]) != list(range(len(review.en))):
        return False  # cannot happen with kept links whose sentences are consecutive; never save links that do not cover the text
    changes = [Change("text", (side, index), (review.fr if side == "fr" else review.en)[index], text) for side, index, text in plan.edits
               if 0 <= index < len(review.fr if side == "fr" else review.en)]
    changes += [Change("flag", key, None, dict(verdict)) for key, verdict in plan.verdicts]
    label = (f"carry the review over to the new text ({plan.confirmed_kept} confirmation{'s' if plan.confirmed_kept != 1 else ''} kept, "
             f"{plan.confirmed_dropped} dropped)")
    review._commit(label, [(0, len(review.links), links)], changes=changes)
    review.problem = None
    return True
