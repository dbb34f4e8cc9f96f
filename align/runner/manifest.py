"""What a document's outputs were made from: `out/DOC/.inputs.json`, so a re-run skips what has not changed.

The manifest holds the SHA-256 of every input that can change a document's outputs — its French
and English files, the glossary file, its saved review file — and the settings (RunOptions and
ExportOptions, the MT engine `auto` resolved to, the tool's version). It is written last, after every
output of the document, atomically: a run killed at any point (even `kill -9`) leaves either no
manifest, an old one whose fingerprint no longer matches, or a complete set of outputs.
"""

from __future__ import annotations

import hashlib
import json
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

    glossary_sha256: str
    mt_engine: str
    embedding_model: str
    mt_beam_size: int
    csv_bom: bool
    tmx_english: str
    tmx_status: str
    xlsx: bool
    version: str = align.__version__

    @classmethod
    def of(cls, glossary_path: Path, options: RunOptions, exports: ExportOptions, resolved_engine: str) -> RunSettings:
        return cls(file_sha256(glossary_path) or "", resolved_engine, options.embedding_model, options.mt_beam_size,
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


def is_unchanged(folder: Path, inputs: dict[str, object], exports: ExportOptions) -> dict | None:
    """The manifest of `folder` when its outputs were made from exactly `inputs` and are all there; else None."""
    manifest = read_manifest(folder)
    if not manifest or manifest.get("fingerprint") != fingerprint(inputs):
        return None
    if not all((folder / exporter.filename).exists() for exporter in EXPORTERS if exporter.wanted(exports)):
        return None
    return manifest


def write_manifest(folder: Path, inputs: dict[str, object], outcome: dict[str, object]) -> None:
    """Record (last, atomically) that `folder`'s outputs are those of `inputs`; `outcome` is what the summary shows on a skip."""
    data = {"fingerprint": fingerprint(inputs), "inputs": inputs, "outcome": outcome}
    write_atomic(folder / MANIFEST_FILE, json.dumps(data, indent=1, sort_keys=True) + "\n", keep_backup=False)
