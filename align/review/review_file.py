"""The review file (`reviews/NAME.review.json`): its place, its JSON form, its one writer and its one parser.

The file holds a document's corrected links, sentence edits, flag verdicts and undo/redo history, with fingerprints of the
French and English texts it was made on (format version 2; version 1 files are read too). `align.review.state.Review`
writes and reads it; `align.review.carry` reads it to carry a review over to a changed text.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align import settings
from align.model import LINK_STATUSES, Link
from align.review.actions import Action, Change, Splice

FORMAT = "align-review"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
VERDICT_DETAILS = ("severity", "message", "context")
"""What a verdict keeps besides its state and note: what the flag said, and a fingerprint of the text it was given on."""


def review_path(name: str, folder: str | os.PathLike[str] | None = None) -> Path:
    """The review file of document `name`."""
    return settings.review_dir(folder) / f"{name}.review.json"


def text_fingerprint(text: str | None) -> str | None:
    """SHA-256 of a decoded text (None when there is no text)."""
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SavedReview:
    """What a review file holds, read and checked for its form (`read_review_file`); `Review` also checks it against the texts."""

    links: list[Link]
    history: list[Action]
    redo: list[Action]
    revision: int
    edits: list[tuple[str, int, str, str]]
    """(side, sentence index, corrected text, original text)."""
    verdicts: dict[tuple, dict[str, str]]
    """`flag_key` → {"state", "note"} and the `VERDICT_DETAILS` the file gives."""
    fr_sha256: str | None
    en_sha256: str | None
    saved_at: str | None


def read_review_file(data: object) -> SavedReview:
    """A review file's JSON (as `read_json` returns it) parsed; ValueError saying why when it is not a review file, is of a
    version this code does not read, or is damaged. The one parser of the format: `Review` and `align.review.carry` use it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a review file (damaged or of another format)")
    if data.get("version") not in READABLE_VERSIONS:
        raise ValueError(f"review file version {data.get('version')} is not supported (this version reads {READABLE_VERSIONS})")
    try:
        return SavedReview(
            links=[link_from_json(item) for item in data["links"]],
            history=[action_from_json(item) for item in data.get("history", [])],
            redo=[action_from_json(item) for item in data.get("redo", [])],
            revision=int(data.get("revision", 0)),
            edits=[(str(item["side"]), int(item["sentence"]), str(item["text"]), str(item["original"])) for item in data.get("edits", [])],
            verdicts={key_from_json("flag", item["flag"]): {"state": str(item["state"]), "note": str(item.get("note", ""))}
                      | {name: str(item[name]) for name in VERDICT_DETAILS if item.get(name)} for item in data.get("flag_reviews", [])},
            fr_sha256=data.get("fr_sha256"),
            en_sha256=data.get("en_sha256"),
            saved_at=data.get("saved_at"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"damaged review file ({error})") from None


def review_file_text(header: dict, links: Sequence[Link], edits: list[dict], verdicts: dict[tuple, dict[str, str]],
                     outcomes: dict[tuple, str], history: Sequence[Action], redo: Sequence[Action]) -> str:
    """The review file's JSON text: `header` (document, revision, fingerprints…) after the format and version, then the links,
    sentence edits, flag verdicts (with `outcomes`, what became of a verdict whose flag is gone, for a reader of the file), and
    the undo and redo histories. The one writer of the format, as `read_review_file` is its one parser."""
    verdict_items = [{"flag": key_json(key), **value, **({"outcome": outcomes[key]} if key in outcomes else {})} for key, value in verdicts.items()]

    def block(name: str, items: list, last: bool = False) -> str:
        # One item per line keeps the file readable and diffable without the bulk of full indentation.
        return f'\n "{name}": [\n  ' + ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in items) + ("\n ]" if last else "\n ],")

    return (json.dumps({"format": FORMAT, "version": FORMAT_VERSION, **header}, ensure_ascii=False, indent=1)[:-2] + ","
            + block("links", [link_json(link) for link in links]) + block("edits", edits) + block("flag_reviews", verdict_items)
            + block("history", [action_json(action) for action in history]) + block("redo", [action_json(action) for action in redo], last=True)
            + "\n}\n")


def link_json(link: Link) -> dict:
    item = {"fr_ids": list(link.fr_ids), "en_ids": list(link.en_ids), "score": link.score, "status": link.status}
    return item | ({"comment": link.comment} if link.comment else {})


def link_from_json(item: dict) -> Link:
    status = item["status"]
    if status not in LINK_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    return Link(tuple(int(i) for i in item["fr_ids"]), tuple(int(i) for i in item["en_ids"]), float(item["score"]), status, str(item.get("comment", "")))


def action_json(action: Action) -> dict:
    splices = [{"start": s.start, "added": s.added, "removed": [link_json(link) for link in s.removed]}
               | ({"added_links": [link_json(link) for link in s.added_links]} if s.added_links else {}) for s in action.splices]
    return {"label": action.label, "splices": splices,
            "changes": [{"what": c.what, "key": key_json(c.key), "before": c.before, "after": c.after} for c in action.changes]}


def action_from_json(item: dict) -> Action:
    splices = tuple(Splice(int(s["start"]), tuple(link_from_json(x) for x in s["removed"]), int(s["added"]),
                           tuple(link_from_json(x) for x in s.get("added_links", []))) for s in item["splices"])
    return Action(str(item["label"]), splices,
                  tuple(Change(c["what"], key_from_json(c["what"], c["key"]), c["before"], c["after"]) for c in item.get("changes", [])))


def key_json(key: tuple) -> list:
    return [list(part) if isinstance(part, tuple) else part for part in key]


def key_from_json(what: str, key: list) -> tuple:
    if what == "text":
        side, index = key
        return (str(side), int(index))
    if what == "flag":
        fr_ids, en_ids, side, kind, start, end, text, suggestion = key
        return (tuple(int(i) for i in fr_ids), tuple(int(i) for i in en_ids), str(side), str(kind), int(start), int(end), str(text), str(suggestion))
    raise ValueError(f"unknown change {what!r}")


def read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):  # RecursionError: nested far too deep to be a review
        return None
