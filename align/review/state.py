"""The review state of one document: the reviewer's corrections to the automatic alignment.

A `Review` starts from the pipeline's `DocumentResult` and lets a reviewer merge, split and
re-draw links, mark sentences as having no counterpart and set each link's status. Every
correction is written at once to a review file (`reviews/NAME.review.json` by default; the
folder is `$ALIGN_REVIEW_DIR` when set), atomically and with the previous version kept as
`NAME.review.json.bak`. The file records the corrected links (French and English sentence
ids, status, score), a short undo history and SHA-256 fingerprints of the French and English
texts: when a source text changes, the saved links no longer fit it, so the review reports
the mismatch and starts again from the automatic alignment instead of applying stale links
(the stale file is set aside, never overwritten, on the next save).

Two browser tabs on one document are kept consistent by a revision number in the file:
a correction made from a state older than the file is refused (`ReviewConflict`) and the
caller refreshes, so neither tab silently overwrites the other's work.

Links touched by a correction are re-checked with `align.checks.run_checks` (the same list of
checks as the pipeline); flags of other links are kept. A link the aligner left `auto` goes to
`needs-review` when it carries an error flag that the reviewer has not dismissed.

Besides links, the file (format version 2; version 1 files are read too) keeps what a QA list
keeps: the reviewer's verdict on each flag (`accepted`, or `dismissed` as a false positive
with the reason), a comment per link, and corrected sentence texts (French or official
English; the original stays in the file and in the undo history). Exports use the corrected
texts and carry the verdicts and comments.

The file's form (its one writer and one parser) is `align.review.review_file`; the undo history's records are
`align.review.actions`; highlighting flagged spans as HTML is `align.review.highlight`.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from copy import copy as shallow_copy
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import polars as pl

from align.aligner.embedding import Encoder
from align.checks import check_run, kept_matches
from align.checks.base import SUGGESTION_SEPARATOR
from align.export.tables import alignment_frame, flags_frame
from align.io.atomic import write_atomic
from align.model import LINK_STATUSES, SEVERITIES, DocumentResult, Flag, Link, Unit, make_units, severity_rank
from align.pipeline import check_context
from align.review.actions import Action, Change, Splice
from align.review.review_file import FORMAT, READABLE_VERSIONS, read_json, read_review_file, review_file_text, review_path, text_fingerprint
from align.terms.glossary import Glossary

FLAG_VERDICTS = ("accepted", "dismissed")
"""What a reviewer can say of a flag: the issue is real (`accepted`), or a false positive (`dismissed`, with a reason)."""
COMMENT_JOINER = "\n"
STALE_MT_NOTE = (" (the machine translation was made before the last glossary change, so the glossary was never applied to it: "
                 "re-translate the document to apply it)")
CONSTRAINT_FAILED = " (the glossary constraint failed)"
REVIEW_STATUSES = ("confirmed", "needs-review")
"""Statuses a reviewer sets; `auto` is the aligner's own verdict."""
HISTORY_LIMIT = 50
SIDES = ("fr", "en")


class CorrectionError(ValueError):
    """A correction that cannot be applied here (the message says why, for the reviewer)."""


class ReviewConflict(RuntimeError):
    """The review file was changed elsewhere (another tab or process) since this state was loaded."""


class Review:
    """The reviewer's working state of one document, persisted after every correction.

    Links are addressed by position (0-based, in document order), which is also the `link`
    number in `alignment()` and `flags()`.
    """

    def __init__(
        self,
        result: DocumentResult,
        glossary: Glossary,
        *,
        folder: str | os.PathLike[str] | None = None,
        encoder: Encoder | None = None,
        recheck: bool = False,
        matches: dict | None = None,
    ) -> None:
        """Open the review of `result`'s document, loading its review file when there is one.

        `encoder`, when given, scores links created by corrections (cosine of the French and
        English sides); without it they keep the score of the link they came from.
        `recheck` re-runs the checks on every link (use it when the glossary changed since
        `result` was computed). `matches`, a dict the caller keeps for `glossary`, holds the glossary matches of each text
        between re-checks (the app shares one between the reviews of a glossary version: finding them in every text of a long
        document is the slow part of the first re-check); by default each review keeps its own.
        """
        self.result = result
        self.glossary = glossary
        self.encoder = encoder
        self.path = review_path(result.document.name, folder)
        self.has_official = result.document.en_text is not None
        self.fr = [segment.text for segment in result.fr_segments if segment.alignable]
        self.en = [segment.text for segment in result.en_segments if segment.alignable]
        self.original_texts: dict[tuple[str, int], str] = {}
        """(side, sentence index) → the text before the reviewer corrected it."""
        self.verdicts: dict[tuple, dict[str, str]] = {}
        """`flag_key` → {"state": accepted|dismissed, "note": reason}."""
        self.mt_stale = recheck
        """Whether the glossary changed since the machine translation was made (its glossary constraints are then out of date)."""
        self._translation_terms = None if recheck else glossary.terms
        self.mt, self.engines = _sentence_translations(result, len(self.fr))
        self.translations = list(result.translations) if len(result.translations) == len(self.fr) else []
        """The machine translation of each French sentence: the pipeline's, with the sentences a glossary change concerned
        translated again (`follow_glossary`)."""
        self.unknown_words = [tuple(t.unknown_words) for t in self.translations] or [()] * len(self.fr)
        self.mt_constrained = any(t.constrained for t in self.translations)
        self.retranslated: list[int] = []
        """French sentences translated again after the last glossary change (`follow_glossary`)."""
        self.mt_engine_error = ""
        """Why the machine translation could not follow the last glossary change ('' when it did or had nothing to follow)."""
        self.fr_sha256 = text_fingerprint(result.document.fr_text)
        self.en_sha256 = text_fingerprint(result.document.en_text)
        self.auto_links = list(result.links)
        self.document_flags = [flag for flag in result.flags if flag.link is None]
        self.links: list[Link] = list(self.auto_links)
        self.history: list[Action] = []
        self.redo_list: list[Action] = []
        """Undone corrections, the last undone last (their splices carry `added_links`); a new correction empties it."""
        self.revision = 0
        self.saved_at: str | None = None
        self.problem: str | None = None
        """Why the saved review file could not be used (text changed, file damaged), else None."""
        self._set_aside_on_save = False
        self._mtime: float | None = None
        self._flags: list[list[Flag]] = _flags_by_link(result.flags, len(self.links))
        checked = result.link_check_flags
        self._own: list[list[Flag] | None] | None = list(checked[1]) if checked is not None and checked[0] == tuple(self.links) else None
        """Per link, what its own checks found (`align.checks.CheckRun.own`; None for a link to check again), once a re-check ran."""
        self._matches: dict = {} if matches is None else matches
        """Glossary matches of each text, kept between re-checks (emptied when the glossary changes)."""
        self._stale = False
        """Whether a correction left links to check again."""
        self._kinds_cache: tuple[tuple, list[str]] = ((), [])
        self._flag_list_cache: tuple | None = None
        self._flags_frame_cache: tuple[list[Flag], pl.DataFrame] | None = None
        self._load()
        if recheck:
            self.follow_glossary()
            self.recheck(matches=self._matches)
        self._promote_flagged()

    # ---- reading ---------------------------------------------------------------------------

    @property
    def document_name(self) -> str:
        return self.result.document.name

    def alignment(self, positions: Sequence[int] | None = None) -> pl.DataFrame:
        """The corrected alignment as a table (columns `align.export.tables.ALIGNMENT_COLUMNS`), or only the links at `positions`."""
        if positions is None:
            return alignment_frame(self.units())
        # Only the links asked for: a page of a long document must not join the texts of every link on each rerun.
        units = make_units([self.links[p] for p in positions], self.fr, self.mt, self.en, self.engines)
        return alignment_frame([replace(unit, number=p) for unit, p in zip(units, positions)])

    def units(self) -> list[Unit]:
        """The corrected links with their texts."""
        return make_units(self.links, self.fr, self.mt, self.en, self.engines)

    def corrected_result(self) -> DocumentResult:
        """The pipeline's result as the reviewer left it: corrected links and texts, flags with their verdicts (the exports' input)."""
        result = self.result
        return replace(result, links=list(self.links), flags=self.flag_list(), translations=self.translations or result.translations,
                       fr_segments=_corrected(result.fr_segments, self.fr), en_segments=_corrected(result.en_segments, self.en))

    def flag_list(self) -> list[Flag]:
        """Flags of the corrected alignment (link numbers are positions) with the reviewer's verdicts, then document-level flags,
        then the verdicts whose flag a correction removed or changed (`past_flags`).

        Built once per state of the review (the app's QA view asks on every rerun; a long document has thousands of flags): every
        change of links, texts or verdicts goes through a save (a new revision), a reload or a re-check (new `_flags`, `verdicts`).
        """
        return list(self._current_flag_list())

    def _current_flag_list(self) -> list[Flag]:
        """`flag_list`, the list kept for this state (never handed out: a caller may change the list it gets)."""
        cached = self._flag_list_cache
        if cached is None or cached[0] is not self._flags or cached[1] is not self.verdicts or cached[2] != (self.revision, len(self.links)):
            flags = [flag for position in range(len(self._flags)) for flag in self.link_flags(position)] + self.document_flags + self.past_flags()
            self._flag_list_cache = cached = (self._flags, self.verdicts, (self.revision, len(self.links)), flags)
        return cached[3]

    def past_flags(self) -> list[Flag]:
        """Verdicts whose flag is no longer raised as it was, as flags: `review_state` `fixed` or `outdated` (see `PAST_VERDICT_STATES`),
        `review_note` saying what the verdict was and which correction changed it; `link` is the link now holding the flag's sentences.

        A verdict is never moved onto another flag: the flag raised now (if any) is open, and listed on its own.
        """
        return [flag for _, flag in self._past_verdicts()]

    def _past_verdicts(self) -> list[tuple[tuple, Flag]]:
        """(`flag_key`, flag) of each verdict whose flag is no longer raised as it was (see `past_flags`)."""
        if not self.verdicts:
            return []
        judged_links = {key[:2] for key in self.verdicts}  # (a flag's key starts with its link's sentences: only those links are read)
        attached = {flag_key(link, flag) for position, link in enumerate(self.links) if (tuple(link.fr_ids), tuple(link.en_ids)) in judged_links
                    for flag in self._flags[position] if self._verdict(link, flag) is not None}
        holder = {(side, index): position for position, link in enumerate(self.links) for side in SIDES for index in _side_ids(link, side)}
        past = []
        for key, verdict in self.verdicts.items():
            if key in attached:
                continue
            fr_ids, en_ids, side, kind, _, _, text, suggestion = key
            text_side = "en" if side == "en" else "fr"
            ids = en_ids if text_side == "en" else fr_ids
            where = [(text_side, i) for i in ids] or [("fr", i) for i in fr_ids] + [("en", i) for i in en_ids]
            position = next((holder[item] for item in where if item in holder), None)
            now = self._flags[position] if position is not None else []
            similar = any(flag.side == side and flag.kind == kind for flag in now)
            was = verdict["state"] + (f" ({verdict['note']})" if verdict.get("note") else "")
            if verdict.get("context") and verdict["context"] != self._context(side, ids):
                by = self._last_action(lambda action, ids=ids, text_side=text_side: any(
                    change.what == "text" and change.key[0] == text_side and change.key[1] in ids for change in action.changes))
                state = "outdated" if similar else "fixed"
                how = f"the text correction “{by}”" if by else "a text correction"
                note = f"was {was}; {how} " + ("changed the flag: the flag raised now is open" if similar else "fixed it: the flag is gone")
            elif position is None or (self.links[position].fr_ids, self.links[position].en_ids) != (fr_ids, en_ids):
                by = self._last_action(lambda action, ids=(fr_ids, en_ids): any(
                    (link.fr_ids, link.en_ids) == ids for splice in action.splices for link in splice.removed))
                state = "outdated" if similar else "fixed"
                how = f"“{by}”" if by else "a correction of the alignment"
                note = f"was {was}; {how} redrew its link: " + ("the flag raised now is open" if similar else "the flag is gone")
            else:
                state, note = "outdated", f"was {was}; the flag is no longer raised as it was (the document was re-checked)"
            past.append((key, Flag(position, side, kind, verdict.get("severity", ""), 0, 0, text, verdict.get("message", ""), suggestion, state, note)))
        return past

    def flags(self) -> pl.DataFrame:
        """`flag_list()` as a table (columns `align.export.tables.FLAG_COLUMNS`), built once per state of the flags: the app's QA view
        reads it on every run of the view (a filter, a page of the list), 6,700 rows on the bench document."""
        flags = self._current_flag_list()
        if self._flags_frame_cache is None or self._flags_frame_cache[0] is not flags:
            self._flags_frame_cache = (flags, flags_frame(flags))
        return self._flags_frame_cache[1]

    def link_flags(self, position: int) -> list[Flag]:
        """The flags of one link, with the reviewer's verdict on each (`review_state`, `review_note`)."""
        link = self.links[position]
        flags = []
        for flag in self._flags[position]:
            verdict = self._verdict(link, flag) if self.verdicts else None
            if verdict is None and flag.link == position and not flag.review_state and not flag.review_note:
                # The flag as checked, not a copy: `flag_list` read every flag of a long document this way, and copying each (a
                # `dataclasses.replace`, 6,700 on the bench document) was most of its time.
                flags.append(flag)
            else:
                flags.append(replace(flag, link=position, review_state=verdict["state"] if verdict else "",
                                     review_note=verdict["note"] if verdict else ""))
        return flags

    def edited(self, side: str, index: int) -> bool:
        """Whether the reviewer corrected sentence `index` of `side`."""
        return (side, index) in self.original_texts

    def counts(self) -> dict[str, int]:
        """Links per status, and `total`."""
        counts = {status: 0 for status in LINK_STATUSES}
        for link in self.links:
            counts[link.status] = counts.get(link.status, 0) + 1
        counts["total"] = len(self.links)
        return counts

    def flag_kinds(self) -> list[str]:
        """Kinds of flag present on links, sorted (computed once per state of the flags: the app asks on every rerun)."""
        key = (id(self._flags), self.revision, sum(map(len, self._flags)))
        if self._kinds_cache[0] != key:
            self._kinds_cache = (key, sorted({flag.kind for flags in self._flags for flag in flags}))
        return self._kinds_cache[1]

    def select(
        self,
        *,
        kinds: Iterable[str] = (),
        severities: Iterable[str] = (),
        statuses: Iterable[str] = (),
        min_score: float = 0.0,
        max_score: float = 1.0,
        queue: bool = False,
    ) -> list[int]:
        """Positions of the links that pass the filters (an empty filter lets everything through).

        With `queue`, the review queue order: links not yet confirmed first, then by worst flag
        severity (errors first), then by confidence (least confident first), then document order.
        Flags the reviewer dismissed count for neither the filters nor the queue.
        """
        kinds, severities, statuses = set(kinds), set(severities), set(statuses)
        # A link's open flags are read only for a filter on them: with none, every rerun of the app (a tick, a page) went through
        # the verdicts of each flag of the document (36 ms of a 90 ms script run on 2,000 links).
        by_flags = bool(kinds or severities)
        chosen = []
        for position, link in enumerate(self.links):
            flags = self._open_flags(position) if by_flags else []
            if kinds and not any(flag.kind in kinds for flag in flags):
                continue
            if severities and not any(flag.severity in severities for flag in flags):
                continue
            if statuses and link.status not in statuses:
                continue
            if not min_score <= link.score <= max_score:
                continue
            chosen.append(position)
        if queue:
            chosen.sort(key=lambda p: (self.links[p].status == "confirmed",
                                       min((severity_rank(flag.severity) for flag in self._open_flags(p)), default=len(SEVERITIES)),
                                       self.links[p].score, p))
        return chosen

    # ---- corrections -----------------------------------------------------------------------

    def merge_next(self, position: int) -> None:
        """Merge a link with the one after it."""
        self._check_position(position)
        if position + 1 >= len(self.links):
            raise CorrectionError(f"link {position} is the last link: there is no next link to merge with")
        first, second = self.links[position], self.links[position + 1]
        merged = self._new_link(first.fr_ids + second.fr_ids, first.en_ids + second.en_ids, min(first.score, second.score))
        merged = replace(merged, comment=join_comments(first.comment, second.comment))
        self._commit(f"merge links {position} and {position + 1}" + (" (their comments joined)" if first.comment and second.comment else ""),
                     [(position, 2, [merged])])

    def merge_previous(self, position: int) -> None:
        """Merge a link with the one before it."""
        self._check_position(position)
        if position == 0:
            raise CorrectionError("link 0 is the first link: there is no previous link to merge with")
        self.merge_next(position - 1)

    def split(self, position: int, fr_at: int | None = None, en_at: int | None = None) -> None:
        """Split a link in two: the first keeps French sentences `[:fr_at]` and English `[:en_at]`.

        By default both sides split after their first sentence; a 1–1 link splits into a
        French-only and an English-only link.
        """
        self._check_position(position)
        link = self.links[position]
        if len(link.fr_ids) + len(link.en_ids) < 2:
            raise CorrectionError(f"link {position} holds a single sentence: there is nothing to split")
        if fr_at is None:
            fr_at = min(1, len(link.fr_ids))
        if en_at is None:
            en_at = min(1, len(link.en_ids)) if len(link.fr_ids) + len(link.en_ids) > 2 else 0
        if not (0 <= fr_at <= len(link.fr_ids) and 0 <= en_at <= len(link.en_ids)):
            raise CorrectionError(f"link {position}: split point outside the link")
        first_fr, second_fr = link.fr_ids[:fr_at], link.fr_ids[fr_at:]
        first_en, second_en = link.en_ids[:en_at], link.en_ids[en_at:]
        if not (first_fr or first_en) or not (second_fr or second_en):
            raise CorrectionError(f"link {position}: that split would leave one part empty")
        parts = [replace(self._new_link(first_fr, first_en, link.score), comment=link.comment), self._new_link(second_fr, second_en, link.score)]
        self._commit(f"split link {position}" + (f" (its comment stays on the first part, link {position})" if link.comment else ""),
                     [(position, 1, parts)])

    def move_sentence(self, position: int, side: str, direction: str) -> None:
        """Move a sentence of `side` to the neighbouring link.

        `direction` `previous` moves the link's first sentence of that side to the end of the
        previous link; `next` moves its last sentence to the start of the next link. A link
        left with no sentence at all disappears.
        """
        self._check_position(position)
        _check_side(side)
        if direction not in ("previous", "next"):
            raise CorrectionError(f"direction must be previous or next, not {direction!r}")
        neighbour = position - 1 if direction == "previous" else position + 1
        if not 0 <= neighbour < len(self.links):
            raise CorrectionError(f"link {position} has no {direction} link")
        link, other = self.links[position], self.links[neighbour]
        ids = _side_ids(link, side)
        if not ids:
            raise CorrectionError(f"link {position} has no {side.upper()} sentence to move")
        moved, kept = (ids[0], ids[1:]) if direction == "previous" else (ids[-1], ids[:-1])
        other_ids = _side_ids(other, side) + (moved,) if direction == "previous" else (moved,) + _side_ids(other, side)
        new_link = replace(self._new_link(*_with_side(link, side, kept), link.score), comment=link.comment)
        new_other = replace(self._new_link(*_with_side(other, side, other_ids), other.score), comment=other.comment)
        pair = [new_other, new_link] if direction == "previous" else [new_link, new_other]
        if not (new_link.fr_ids or new_link.en_ids) and link.comment:  # the emptied link disappears: its comment goes with the sentence
            new_other = replace(new_other, comment=join_comments(*((link.comment, other.comment) if direction == "next" else (other.comment, link.comment))))
            pair = [new_other, new_link] if direction == "previous" else [new_link, new_other]
        pair = [item for item in pair if item.fr_ids or item.en_ids]
        start = min(position, neighbour)
        label = f"move {side.upper()} sentence {moved} from link {position} to link {neighbour}"
        self._commit(label, [(start, 2, pair)])

    def mark_no_counterpart(self, position: int, side: str) -> None:
        """Mark the `side` sentences of a link as having no counterpart: the link becomes two null links."""
        self._check_position(position)
        _check_side(side)
        link = self.links[position]
        other = "en" if side == "fr" else "fr"
        if not _side_ids(link, side):
            raise CorrectionError(f"link {position} has no {side.upper()} sentence")
        if not _side_ids(link, other):
            raise CorrectionError(f"link {position}: its {side.upper()} side already has no counterpart")
        parts = [Link(link.fr_ids, (), 0.0, "needs-review", link.comment), Link((), link.en_ids, 0.0, "needs-review")]
        self._commit(f"mark {side.upper()} of link {position} as having no counterpart"
                     + (f" (its comment stays on the French part, link {position})" if link.comment else ""), [(position, 1, parts)])

    def relink(self, position: int, en_ids: Sequence[int]) -> None:
        """Link the French of link `position` to English sentences `en_ids`, wherever they are in the document.

        The chosen sentences leave the links that held them (a link left with no sentence disappears, its comment going to
        this link); the link's English sentences not chosen become English-only links right after it. Links may then
        cross (the French stays in document order, the English need not): a translation can reorder sentences.
        """
        self._check_position(position)
        if not self.has_official:
            raise CorrectionError("this document has no official English to link to")
        chosen = tuple(sorted(set(en_ids)))
        if any(not 0 <= i < len(self.en) for i in chosen):
            raise CorrectionError(f"the official English has sentences 0 to {len(self.en) - 1}")
        link = self.links[position]
        if not link.fr_ids:
            raise CorrectionError(f"link {position} has no French sentence to link: select the link holding the French")
        if chosen == link.en_ids:
            return
        holder = {i: p for p, other in enumerate(self.links) for i in other.en_ids}
        comments = [link.comment]
        replacements: list[tuple[int, int, list[Link]]] = []
        for donor in sorted({holder[i] for i in chosen} - {position}):
            other = self.links[donor]
            kept = tuple(i for i in other.en_ids if i not in chosen)
            if other.fr_ids or kept:
                replacements.append((donor, 1, [replace(self._new_link(other.fr_ids, kept, other.score), comment=other.comment)]))
            else:
                replacements.append((donor, 1, []))
                comments.append(other.comment)
        freed = [Link((), (i,), 0.0, "needs-review") for i in link.en_ids if i not in chosen]
        replacements.append((position, 1, [replace(self._new_link(link.fr_ids, chosen, link.score), comment=join_comments(*comments)), *freed]))
        described = ", ".join(map(str, chosen)) or "none"
        self._commit(f"link FR of link {position} to EN sentence{'s' if len(chosen) != 1 else ''} {described}", replacements)

    def set_status(self, positions: int | Sequence[int], status: str) -> None:
        """Set the status of one link or of a selection of links."""
        if status not in LINK_STATUSES:
            raise CorrectionError(f"status must be one of {', '.join(LINK_STATUSES)}, not {status!r}")
        chosen = sorted({positions} if isinstance(positions, int) else set(positions))
        if not chosen:
            raise CorrectionError("no link selected")
        for position in chosen:
            self._check_position(position)
        changes = [(p, 1, [replace(self.links[p], status=status)]) for p in chosen if self.links[p].status != status]
        if not changes:
            return
        label = f"set link {chosen[0]} to {status}" if len(chosen) == 1 else f"set {len(chosen)} links to {status}"
        self._commit(label, changes, recheck=False)

    def review_flag(self, position: int, number: int, state: str, note: str = "") -> None:
        """Record the reviewer's verdict on flag `number` of link `position`: `accepted`, `dismissed` (a reason is required) or `open`."""
        flag = self._flag(position, number)
        note = note.strip()
        if state not in (*FLAG_VERDICTS, "open"):
            raise CorrectionError(f"a flag is accepted, dismissed or open, not {state!r}")
        if state == "dismissed" and not note:
            raise CorrectionError("say why the flag is a false positive: a dismissal needs a reason")
        key = flag_key(self.links[position], flag)
        after = None if state == "open" else self._verdict_value(position, flag, state, note)
        label = {"accepted": "accept", "dismissed": "dismiss", "open": "reopen"}[state] + f" {flag.kind} flag on link {position}"
        self._commit(label, [], changes=[Change("flag", key, self.verdicts.get(key), after)], recheck=False)

    def comment(self, position: int, text: str) -> None:
        """Set (or, with an empty text, remove) the reviewer's comment on a link."""
        self._check_position(position)
        link = self.links[position]
        text = text.strip()
        if text == link.comment:
            return
        label = f"comment on link {position}" if text else f"remove the comment on link {position}"
        self._commit(label, [(position, 1, [replace(link, comment=text)])], recheck=False)

    def edit_sentence(self, side: str, index: int, text: str) -> None:
        """Correct the text of sentence `index` of `side` (`fr` or `en`); the links holding it are re-checked."""
        _check_side(side)
        sentences = self.fr if side == "fr" else self.en
        if not 0 <= index < len(sentences):
            raise CorrectionError(f"there is no {side.upper()} sentence {index}")
        text = " ".join(text.split())
        if not text:
            raise CorrectionError("a sentence cannot be emptied: mark it as having no counterpart instead")
        if text == sentences[index]:
            return
        self._commit(f"edit {side.upper()} sentence {index}", [], changes=[Change("text", (side, index), sentences[index], text)])

    def apply_suggestion(self, position: int, number: int, choice: int = 0) -> str:
        """Replace the span of flag `number` of link `position` with its suggestion `choice`, and accept the flag; return the new text."""
        flag = self._flag(position, number)
        options = [option for option in flag.suggestion.split(SUGGESTION_SEPARATOR) if option.strip()]
        if not options:
            raise CorrectionError("this flag has no suggestion to apply")
        if flag.side not in SIDES:
            raise CorrectionError("only the French and the official English are corrected; the machine translation is not exported as a translation")
        link = self.links[position]
        sentences = self.fr if flag.side == "fr" else self.en
        ids = _side_ids(link, flag.side)
        whole = " ".join(sentences[i] for i in ids)
        if flag.start <= 0 and flag.end >= len(whole):
            raise CorrectionError("the suggestion names a term the text lacks, it cannot replace the whole text: edit the text instead")
        offset = 0
        for index in ids:
            end = offset + len(sentences[index])
            if offset <= flag.start and flag.end <= end:
                text = sentences[index]
                new = text[:flag.start - offset] + options[min(choice, len(options) - 1)].strip() + text[flag.end - offset:]
                key = flag_key(link, flag)
                self._commit(f"apply the suggestion of the {flag.kind} flag on link {position}", [],
                             changes=[Change("text", (flag.side, index), text, new),
                                      Change("flag", key, self.verdicts.get(key), self._verdict_value(position, flag, "accepted", "suggestion applied"))])
                return new
            offset = end + 1
        raise CorrectionError("the flagged span crosses two sentences: edit the text instead")

    def undo(self) -> str:
        """Undo the last correction; return its label. It can be redone until another correction is made."""
        if not self.history:
            raise CorrectionError("nothing to undo")
        action = self.history[-1]
        with self._locked():
            self._assert_current()
            saved = self._snapshot()
            redo_splices = []
            for splice in sorted(action.splices, key=lambda s: s.start):
                current = tuple(self.links[splice.start:splice.start + splice.added])
                self._splice(splice.start, splice.added, splice.removed)
                redo_splices.append(replace(splice, added_links=current))
            for change in reversed(action.changes):
                self._apply_change(change, change.before)
            self._recheck()
            self._promote_flagged()
            self.history.pop()
            self.redo_list.append(replace(action, splices=tuple(redo_splices)))
            del self.redo_list[:-HISTORY_LIMIT]
            self._save_or_restore(saved)
        return action.label

    def redo(self) -> str:
        """Apply again the last correction undone; return its label."""
        if not self.redo_list:
            raise CorrectionError("nothing to redo")
        action = self.redo_list[-1]
        with self._locked():
            self._assert_current()
            saved = self._snapshot()
            # Descending starts, as the correction was first applied: each start is still valid when its turn comes.
            for splice in sorted(action.splices, key=lambda s: s.start, reverse=True):
                self._splice(splice.start, len(splice.removed), splice.added_links)
            for change in action.changes:
                self._apply_change(change, change.after)
            self._recheck()
            self._promote_flagged()
            self.redo_list.pop()
            self.history.append(replace(action, splices=tuple(replace(splice, added_links=()) for splice in action.splices)))
            del self.history[:-HISTORY_LIMIT]
            self._save_or_restore(saved)
        return action.label

    def _save_or_restore(self, saved: tuple) -> None:
        try:
            self._save()
        except BaseException:
            self._restore(saved)
            raise

    def recheck(self, glossary: Glossary | None = None, matches: dict | None = None) -> None:
        """Re-run the checks on every link (after a glossary change); `matches` as in `Review`, for the glossary now used."""
        if glossary is not None:
            self.glossary = glossary
            self.mt_stale = self._translation_terms is None or not glossary.terms.equals(self._translation_terms)
        self._own, self._matches, self._stale = None, {} if matches is None else matches, True
        if glossary is not None:
            self.follow_glossary()
        self._recheck()
        self._promote_flagged()

    def follow_glossary(self) -> list[int]:
        """When the glossary changed since the machine translation was made, translate again the French sentences it concerns.

        Concerned are the sentences whose translation holds a glossary rendering, and those in which the glossary now finds a term
        it constrains (preferred or admitted): no other sentence's translation depends on the glossary. They are translated from
        the French the MT was made from (a reviewer's correction of the French does not re-translate it), with the same engine and
        cache as the pipeline, so a sentence the change does not alter comes back the same. Returns the sentences whose
        translation changed (also kept in `retranslated`). When the engine is not available, the MT stays as it was, `mt_stale`
        stays set and the MT's glossary flags say that it predates the glossary (`STALE_MT_NOTE`); `mt_engine_error` says why.
        """
        self.retranslated = []
        if not self.mt_stale:
            return []
        engine = _engine_name(self.engines)
        if engine is None or not self.translations:
            return []
        # Imported here: the review needs the MT engines only after a glossary change.
        from align.errors import AlignError
        from align.mt.constraints import CONSTRAINED_STATUSES
        from align.mt.translate import translate_segments
        sources = [self.original_texts.get(("fr", index), text) for index, text in enumerate(self.fr)]

        def constrains(source: str) -> bool:
            # Found as the checks find them and kept in the same dict: the re-check that follows reads them (1.8 s for 2,300
            # sentences on the shared machine, not to be spent twice per glossary save).
            return any(match.status in CONSTRAINED_STATUSES and not match.gap for match in kept_matches(source, "fr", self.glossary, self._matches))

        concerned = [index for index, source in enumerate(sources) if self.translations[index].constrained or constrains(source)]
        try:
            fresh = translate_segments([sources[index] for index in concerned], engine, glossary=self.glossary) if concerned else []
        except (AlignError, OSError, sqlite3.Error) as error:  # the MT stays as it was, and its glossary flags say so
            self.mt_engine_error = str(error)
            return []
        changed = []
        for index, translation in zip(concerned, fresh):
            if (translation.text, translation.constrained) != (self.translations[index].text, self.translations[index].constrained):
                self.translations[index] = translation
                self.mt[index], self.engines[index] = translation.text, translation.engine
                self.unknown_words[index] = tuple(translation.unknown_words)
                changed.append(index)
        self.mt_constrained = any(t.constrained for t in self.translations)
        self.mt_stale, self.mt_engine_error, self._translation_terms = False, "", self.glossary.terms
        self.retranslated = changed
        if changed and self._own is not None:  # the links holding a re-translated sentence are checked again
            changed_set = set(changed)
            for position, link in enumerate(self.links):
                if changed_set.intersection(link.fr_ids):
                    self._own[position] = None
            self._stale = True
        return changed

    def file_changed(self) -> bool:
        """Whether the review file is no longer the one this state was read from or saved as (written since, or removed)."""
        try:
            return self.path.stat().st_mtime != self._mtime
        except FileNotFoundError:
            return self._mtime is not None

    def refresh(self) -> bool:
        """Reload the review file if another tab or process saved it since; return whether it did."""
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            return False
        if mtime == self._mtime:
            return False
        before = self.revision
        self._load()
        return self.revision != before

    def copy(self) -> Review:
        """An independent review of the same state, as if its file had just been read and its links checked: corrections made to
        one leave the other as it was. What no correction changes in place is shared: the pipeline's result, the glossary, the
        encoder, the glossary matches. (The app opens a new session on a reviewed document from the last session's checked state
        rather than reading the file and checking the links the corrections changed again.)"""
        twin = shallow_copy(self)
        twin.fr, twin.en, twin.mt, twin.engines = list(self.fr), list(self.en), list(self.mt), list(self.engines)
        twin.translations, twin.unknown_words, twin.retranslated = list(self.translations), list(self.unknown_words), list(self.retranslated)
        twin.original_texts = dict(self.original_texts)
        twin.verdicts = {key: dict(value) for key, value in self.verdicts.items()}
        twin.auto_links, twin.document_flags = list(self.auto_links), list(self.document_flags)
        twin.links, twin.history, twin.redo_list = list(self.links), list(self.history), list(self.redo_list)
        twin._flags = list(self._flags)  # each link's list is replaced, never changed in place
        twin._own = None if self._own is None else list(self._own)
        # The flag list of this state holds for the copy (same flags, verdicts equal): a new session's QA view does not build it again.
        cached = self._flag_list_cache
        if cached is not None and cached[0] is self._flags and cached[1] is self.verdicts:
            twin._flag_list_cache = (twin._flags, twin.verdicts, cached[2], cached[3])
        return twin

    # ---- internals -------------------------------------------------------------------------

    def _verdict_value(self, position: int, flag: Flag, state: str, note: str) -> dict[str, str]:
        """A verdict as the review file keeps it, with what identifies the text it was given on and what the flag said."""
        link = self.links[position]
        return {"state": state, "note": note, "severity": flag.severity, "message": flag.message,
                "context": self._context(flag.side, _side_ids(link, "en" if flag.side == "en" else "fr"))}

    def _check_position(self, position: int) -> None:
        if not 0 <= position < len(self.links):
            raise CorrectionError(f"there is no link {position} (the document has {len(self.links)} links)")

    def _new_link(self, fr_ids: tuple[int, ...], en_ids: tuple[int, ...], fallback_score: float) -> Link:
        """A link drawn by the reviewer: scored by the encoder when there is one; its status asks for a review."""
        if not fr_ids or not en_ids:
            return Link(tuple(fr_ids), tuple(en_ids), 0.0, "needs-review")
        score = fallback_score
        if self.encoder is not None:
            vectors = self.encoder.encode([" ".join(self.fr[i] for i in fr_ids), " ".join(self.en[i] for i in en_ids)])
            score = float(np.clip(vectors[0] @ vectors[1], 0.0, 1.0))
        return Link(tuple(fr_ids), tuple(en_ids), round(score, 4), "needs-review")

    def _splice(self, start: int, count: int, new_links: Sequence[Link]) -> None:
        """Replace links `start`…`start + count` by `new_links`, which the next `_recheck` checks."""
        self.links[start:start + count] = new_links
        self._flags[start:start + count] = [[] for _ in new_links]
        if self._own is not None:
            self._own[start:start + count] = [None] * len(new_links)
            if not new_links:  # a link removed (`relink`): the two links now side by side read each other's texts
                for near in (start - 1, start):
                    if 0 <= near < len(self._own):
                        self._own[near] = None
        self._stale = True

    def _recheck(self) -> None:
        """Check again the links marked for it (all of them before the first re-check) with `align.checks.check_run`: the
        pipeline's list of checks, the document-wide ones over the whole document, so a correction keeps every flag a full run gives."""
        if not self._stale:
            return
        self._stale = False
        touched = None if self._own is None else {position for position, own in enumerate(self._own) if own is None}
        if touched is not None:  # a link's checks read its neighbours' texts too
            touched |= {near for position in touched for near in (position - 1, position + 1) if 0 <= near < len(self.links)}
        units = make_units(self.links, self.fr, self.mt, self.en, self.engines)
        context = replace(check_context(self.result, self.glossary), mt_unknown_words=self._unknown_by_number(self.links, 0),
                          mt_constrained=self.mt_constrained)
        run = check_run(units, context, only=touched, own=self._own, matches=self._matches)  # type: ignore[arg-type]
        grouped: list[list[Flag]] = [[] for _ in self.links]
        for flag in run.flags:
            if flag.link is not None and 0 <= flag.link < len(grouped):
                if self.mt_stale and flag.side == "mt" and CONSTRAINT_FAILED in flag.message:
                    flag = replace(flag, message=flag.message.replace(CONSTRAINT_FAILED, STALE_MT_NOTE))
                grouped[flag.link].append(flag)
        self._flags, self._own = grouped, list(run.own)

    def _open_flags(self, position: int) -> list[Flag]:
        link = self.links[position]
        return [flag for flag in self._flags[position] if not self.verdicts or (self._verdict(link, flag) or {}).get("state") != "dismissed"]

    def _verdict(self, link: Link, flag: Flag) -> dict[str, str] | None:
        """The reviewer's verdict on `flag`, if it was given on this very flag: same link, span and text around it.

        A verdict given before the text of the flag's side was corrected does not carry over to the flag raised on the new text.
        """
        verdict = self.verdicts.get(flag_key(link, flag))
        if verdict is None or (verdict.get("context") and verdict["context"] != self._context(flag.side, _side_ids(link, "en" if flag.side == "en" else "fr"))):
            return None
        return verdict

    def _context(self, side: str, ids: Sequence[int]) -> str:
        """Fingerprint of the text a flag of `side` reads over sentences `ids`: a verdict holds only while it is unchanged."""
        texts = self.en if side == "en" else self.mt if side == "mt" else self.fr
        return hashlib.sha256(" ".join(texts[i] for i in ids).encode("utf-8")).hexdigest()[:16]

    def _last_action(self, touches) -> str:
        """Label of the latest correction in the history for which `touches(action)` holds ('' when none)."""
        return next((action.label for action in reversed(self.history) if touches(action)), "")

    def _flag(self, position: int, number: int) -> Flag:
        self._check_position(position)
        if not 0 <= number < len(self._flags[position]):
            raise CorrectionError(f"link {position} has no flag {number} (the view is out of date: it was refreshed)")
        return self._flags[position][number]

    def _promote_flagged(self) -> None:
        """An `auto` link with an error flag not dismissed goes to `needs-review` (confirmed links stay confirmed)."""
        for position, link in enumerate(self.links):
            if link.status == "auto" and any(flag.severity == "error" for flag in self._open_flags(position)):
                self.links[position] = replace(link, status="needs-review")

    def _apply_change(self, change: Change, value: object) -> None:
        """Set the value a change touches (its `after` to apply it, its `before` to undo it)."""
        if change.what == "flag":
            if value is None:
                self.verdicts.pop(change.key, None)
            else:
                self.verdicts[change.key] = dict(value)  # type: ignore[arg-type]
            return
        side, index = change.key
        sentences = self.fr if side == "fr" else self.en
        original = self.original_texts.get((side, index), sentences[index])
        sentences[index] = str(value)
        if sentences[index] == original:
            self.original_texts.pop((side, index), None)
        else:
            self.original_texts[(side, index)] = original
        for position, link in enumerate(self.links):
            if index in _side_ids(link, side):
                self._stale = True
                if self._own is not None:
                    self._own[position] = None

    def _snapshot(self) -> tuple:
        return (list(self.links), list(self._flags), list(self.history), list(self.fr), list(self.en), dict(self.original_texts),
                {key: dict(value) for key, value in self.verdicts.items()}, list(self.redo_list), None if self._own is None else list(self._own))

    def _restore(self, saved: tuple) -> None:
        self.links, self._flags, self.history, self.fr, self.en, self.original_texts, self.verdicts, self.redo_list, self._own = saved

    def _unknown_by_number(self, links: Sequence[Link], start: int) -> dict[int, list[str]]:
        return {start + offset: [word for i in link.fr_ids for word in self.unknown_words[i]] for offset, link in enumerate(links)}

    def _commit(self, label: str, replacements: list[tuple[int, int, list[Link]]], *, recheck: bool = True,
                changes: Sequence[Change] = ()) -> None:
        """Apply `(start, count, new_links)` replacements (non-overlapping) and `changes`, record them for undo and save."""
        with self._locked():
            self._assert_current()
            saved = self._snapshot()
            splices = []
            # Descending starts keep the earlier starts valid; undo replays them in ascending order.
            for start, count, new_links in sorted(replacements, key=lambda change: change[0], reverse=True):
                splices.append(Splice(start, tuple(self.links[start:start + count]), len(new_links)))
                if recheck:
                    self._splice(start, count, new_links)
                else:
                    self.links[start:start + count] = new_links
            for change in changes:
                self._apply_change(change, change.after)
            self._recheck()
            self._promote_flagged()
            self.history.append(Action(label, tuple(splices), tuple(changes)))
            del self.history[:-HISTORY_LIMIT]
            self.redo_list = []
            self._save_or_restore(saved)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold an exclusive lock on the document's review file while reading-then-writing it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        with open(lock_path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _assert_current(self) -> None:
        """Refuse to write over a newer review file (another tab saved since this state was loaded)."""
        if self._set_aside_on_save or not self.path.exists():
            return
        on_disk = read_json(self.path)
        if isinstance(on_disk, dict) and on_disk.get("revision", 0) != self.revision:
            raise ReviewConflict(f"{self.path}: the review was changed in another window (revision {on_disk.get('revision')}, "
                                 f"this view has {self.revision}); the view was refreshed, please repeat the correction")

    def _save(self) -> None:
        if self._set_aside_on_save and self.path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            shutil.copy2(self.path, self.path.with_name(f"{self.document_name}.review.stale-{stamp}.json"))
        revision, saved_at = self.revision + 1, datetime.now(UTC).isoformat(timespec="seconds")
        header = {
            "document": self.document_name,
            "revision": revision,
            "saved_at": saved_at,
            "fr_sha256": self.fr_sha256,
            "en_sha256": self.en_sha256,
            "fr_sentences": len(self.fr),
            "en_sentences": len(self.en),
        }
        edits = [{"side": side, "sentence": index, "text": (self.fr if side == "fr" else self.en)[index], "original": original}
                 for (side, index), original in sorted(self.original_texts.items())]
        # What became of a verdict whose flag a correction removed or changed is written beside it, for a reader of the file.
        outcomes = {key: f"{flag.review_state}: {flag.review_note}" for key, flag in self._past_verdicts()}
        text = review_file_text(header, self.links, edits, self.verdicts, outcomes, self.history, self.redo_list)
        write_atomic(self.path, text)
        self.revision, self.saved_at, self._set_aside_on_save = revision, saved_at, False
        self._mtime = self.path.stat().st_mtime

    def _load(self) -> None:
        """Load the review file, if any; on a mismatch, keep the automatic links and say why in `problem`."""
        if not self.path.exists():
            return
        self._mtime = self.path.stat().st_mtime
        data = read_json(self.path)
        try:
            links, history, revision, edits, verdicts, redo = self._parse(data)
        except ValueError as error:
            self.problem = f"{self.path}: {error}; the automatic alignment is shown and the old review file will be kept aside"
            self._set_aside_on_save = True
            self.revision = data.get("revision", 0) if isinstance(data, dict) else 0
            return
        unchanged = {(link.fr_ids, link.en_ids): flags for link, flags in zip(self.auto_links, _flags_by_link(self.result.flags, len(self.auto_links)))}
        own_before = _own_by_link(self.links, self._own, self.fr, self.en)
        for (side, index), original in list(self.original_texts.items()):  # a reload starts from the source texts again
            (self.fr if side == "fr" else self.en)[index] = original
        self.original_texts = {}
        for side, index, text, original in edits:
            (self.fr if side == "fr" else self.en)[index] = text
            self.original_texts[(side, index)] = original
        edited = {(side, index) for side, index, _, _ in edits}
        self.links, self.history, self.revision, self.problem, self.verdicts, self.redo_list = links, history, revision, None, verdicts, redo
        self.saved_at = data.get("saved_at")
        # Links the reviewer did not redraw nor correct keep the pipeline's flags; the others are checked.
        kept = [(link.fr_ids, link.en_ids) in unchanged and not any((side, i) in edited for side in SIDES for i in _side_ids(link, side))
                for link in links]
        self._flags = [unchanged[(link.fr_ids, link.en_ids)] if keep else [] for link, keep in zip(links, kept)]
        if not all(kept):  # the pipeline's flags of the links the reviewer left alone may depend on the others (document-wide checks)
            # What a link's own checks found before still holds where the link, its texts and its neighbours are the same: only the
            # others are checked again (every link was, 18 s to reopen a reviewed 2,000-link document), the document checks run whole.
            self._own, self._stale = _own_still_valid(own_before, _own_by_link(links, [None] * len(links), self.fr, self.en)), True
            self._recheck()
        self._promote_flagged()

    def _parse(self, data: object) -> tuple[list[Link], list[Action], int, list[tuple[str, int, str, str]], dict[tuple, dict[str, str]], list[Action]]:
        """`read_review_file`, then checked against this document: its texts' fingerprints and sentences."""
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") in READABLE_VERSIONS:
            if data.get("fr_sha256") != self.fr_sha256:
                raise ValueError(f"the French text changed since the review was saved ({data.get('saved_at', 'unknown date')})")
            if data.get("en_sha256") != self.en_sha256:
                raise ValueError(f"the official English text changed since the review was saved ({data.get('saved_at', 'unknown date')})")
        saved = read_review_file(data)
        for side, index, _, _ in saved.edits:
            if side not in SIDES or not 0 <= index < len(self.fr if side == "fr" else self.en):
                raise ValueError(f"damaged review file (an edit of {side} sentence {index}, which does not exist)")
        fr_order = [i for link in saved.links for i in link.fr_ids]
        en_order = [i for link in saved.links for i in link.en_ids]
        # the English may be reordered (`relink`), each sentence still in exactly one link
        if fr_order != list(range(len(self.fr))) or sorted(en_order) != list(range(len(self.en))):
            raise ValueError("its links do not cover the document's sentences in order (the segmentation changed)")
        return saved.links, saved.history, saved.revision, saved.edits, saved.verdicts, saved.redo


def apply_saved_review(result: DocumentResult, glossary: Glossary, folder: str | os.PathLike[str] | None = None) -> DocumentResult:
    """The pipeline's result with the document's saved review applied, for exports.

    Without a review file the result is returned unchanged; with an unusable one (source text
    changed, file damaged) the automatic alignment is kept and a notice says why.
    """
    if not review_path(result.document.name, folder).exists():
        return result
    review = Review(result, glossary, folder=folder)
    if review.problem:
        return replace(result, notices=[*result.notices, f"review not applied: {review.problem}"])
    counts = review.counts()
    notice = f"review applied ({counts['confirmed']} of {counts['total']} links confirmed, {review.path})"
    if review.original_texts:
        notice = notice[:-1] + f", {len(review.original_texts)} sentence(s) corrected)"
    corrected = review.corrected_result()
    return replace(corrected, notices=[*corrected.notices, notice])


def _corrected(segments: list, texts: list[str]) -> list:
    """`segments` with the alignable ones carrying the reviewer's texts."""
    alignable = iter(texts)
    return [replace(segment, text=next(alignable)) if segment.alignable else segment for segment in segments]


def flag_key(link: Link, flag: Flag) -> tuple:
    """What identifies a flag across reloads and re-checks: its link's sentences and the flag's side, kind, span and suggestion."""
    return (tuple(link.fr_ids), tuple(link.en_ids), flag.side, flag.kind, flag.start, flag.end, flag.text, flag.suggestion)


def _sentence_translations(result: DocumentResult, count: int) -> tuple[list[str], list[str]]:
    """Machine translation and engine of each alignable French sentence ('' where there is none)."""
    translations = result.translations if len(result.translations) == count else []
    return [t.text for t in translations] or [""] * count, [t.engine for t in translations] or [""] * count


def _engine_name(labels: Sequence[str]) -> str | None:
    """The engine (`align.mt.engines` name) that made translations labelled `labels`; None when there is none or it is unknown."""
    from align.mt.engines import ENGINES

    label = next((label for label in labels if label), "")
    return next((kind.name for kind in ENGINES if label.startswith(kind.name)), None)


def _own_by_link(links: Sequence[Link], own: Sequence[list[Flag] | None] | None, fr: Sequence[str], en: Sequence[str]) -> dict[tuple, tuple]:
    """Per link (its French and English sentence ids, in document order): its texts, its neighbours (their sentence ids) and what its
    own checks found (`own`); empty when `own` is None."""
    if own is None:
        return {}
    keys = [(link.fr_ids, link.en_ids) for link in links]
    return {key: ((tuple(fr[i] for i in key[0]), tuple(en[i] for i in key[1])), keys[max(0, position - 1):position] + keys[position + 1:position + 2], found)
            for position, (key, found) in enumerate(zip(keys, own))}


def _own_still_valid(before: dict[tuple, tuple], now: dict[tuple, tuple]) -> list[list[Flag] | None]:
    """What each link of `now` can keep of its own checks' findings in `before` (`_own_by_link`), None for a link to check again: a link
    that is new or whose texts changed; and one whose neighbours changed when none of them is checked again (a link removed between
    two others), since `_recheck` checks again the neighbours of the links it checks."""
    own: list[list[Flag] | None] = [before[key][2] if key in before and before[key][0] == texts else None for key, (texts, _, _) in now.items()]
    for position, (key, (_, neighbours, _)) in enumerate(now.items()):
        beside = [own[near] for near in (position - 1, position + 1) if 0 <= near < len(own)]
        if own[position] is not None and neighbours != before[key][1] and all(found is not None for found in beside):
            own[position] = None
    return own


def _flags_by_link(flags: list[Flag], count: int) -> list[list[Flag]]:
    grouped: list[list[Flag]] = [[] for _ in range(count)]
    for flag in flags:
        if flag.link is not None and 0 <= flag.link < count:
            grouped[flag.link].append(flag)
    return grouped


def _side_ids(link: Link, side: str) -> tuple[int, ...]:
    return link.fr_ids if side == "fr" else link.en_ids


def _with_side(link: Link, side: str, ids: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return (ids, link.en_ids) if side == "fr" else (link.fr_ids, ids)


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise CorrectionError(f"side must be fr or en, not {side!r}")


def join_comments(*comments: str) -> str:
    """The comments of links merged into one, each kept, in document order."""
    return COMMENT_JOINER.join(comment for comment in comments if comment)
