"""What a document's outputs were made from: `out/DOC/.inputs.json`, so a re-run skips what has not changed.

The manifest holds the SHA-256 of every input that can change a document's outputs — its French
and English files, its saved review file, the MT lexicon — and the settings (RunOptions and
ExportOptions, the MT engine `auto` resolved to, the tool's version): their fingerprint must match.
The glossary is apart: the manifest names the glossary version the outputs were made with (kept in
`out/.glossaries/`) and the document's vocabulary, so a glossary change re-runs only the documents
it can touch (`align.runner.glossary_changes`). It is written last, after every output of the
document, atomically: a run killed at any point (even `kill -9`) leaves either no manifest, an old
one whose fingerprint no longer matches, or a complete set of outputs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import align
from align.export import EXPORTERS, ExportOptions
from align.io.atomic import write_atomic
from align.pipeline import RunOptions

MANIFEST_FILE = ".inputs.json"


def file_sha256(path: Path | None) -> str | None:
    if path is None or not path.exists():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class RunSettings:
    """The settings shared by every document of a run, as they enter the fingerprint (caches and dates left out: they change no output)."""

    lexicon_sha256: str
    mt_engine: str
    embedding_model: str
    mt_beam_size: int
    csv_bom: bool
    tmx_english: str
    tmx_status: str
    xlsx: bool
    version: str = align.__version__

    @classmethod
    def of(cls, options: RunOptions, exports: ExportOptions, resolved_engine: str) -> RunSettings:
        from align.mt.lexicon import DEFAULT_LEXICON

        return cls(file_sha256(DEFAULT_LEXICON) or "", resolved_engine, options.embedding_model, options.mt_beam_size,
                   exports.csv_bom, exports.tmx_english, exports.tmx_status, exports.xlsx)


def document_inputs(fr_path: Path, en_path: Path | None, review_file: Path, settings: RunSettings) -> dict[str, object]:
    """Everything a document's outputs depend on, as JSON-ready values."""
    return {
        "fr_sha256": file_sha256(fr_path),
        "en_sha256": file_sha256(en_path),
        "review_sha256": file_sha256(review_file),
        "settings": settings.__dict__,
    }


def fingerprint(inputs: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_unchanged(folder: Path, inputs: dict[str, object], exports: ExportOptions, glossary_unaffected: Callable[[dict], bool]) -> dict | None:
    """The manifest of `folder` when its outputs were made from exactly `inputs`, are all there, and `glossary_unaffected(manifest)`
    (the glossary it was made with, or a change since that cannot touch it); else None."""
    manifest = read_manifest(folder)
    if not manifest or manifest.get("fingerprint") != fingerprint(inputs):
        return None
    if not all((folder / exporter.filename).exists() for exporter in EXPORTERS if exporter.wanted(exports)):
        return None
    return manifest if glossary_unaffected(manifest) else None


def write_manifest(folder: Path, inputs: dict[str, object], outcome: dict[str, object], glossary_sha256: str, vocabulary: dict[str, str]) -> None:
    """Record (last, atomically) that `folder`'s outputs are those of `inputs` and glossary version `glossary_sha256`; `outcome` is
    what the summary shows on a skip, `vocabulary` what a glossary change is compared with."""
    data = {"fingerprint": fingerprint(inputs), "inputs": inputs, "outcome": outcome, "glossary_sha256": glossary_sha256, "vocabulary": vocabulary}
    write_atomic(folder / MANIFEST_FILE, json.dumps(data, indent=1, sort_keys=True) + "\n", keep_backup=False)
