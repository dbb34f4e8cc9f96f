"""Reading plain text: decoding bytes and Unicode normalisation.

Encoding detection is written here rather than taken from a general detector such as
charset-normalizer because the question is narrow (is this UTF-8, UTF-16 or a Western
single-byte code page?) and general detectors misjudge short French texts as other
Latin code pages; the cascade below answers it exactly and explains itself in errors.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from align.errors import InputError

MAX_FILE_BYTES = 5_000_000
"""Larger files are refused: a press release or report is far smaller, and a mistaken
multi-gigabyte input would otherwise exhaust memory in the embedding stage."""

_MATCHING_TRANSLATION = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the typographic apostrophe
        "\u2018": "'",
        "\u02bc": "'",
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (before ; : ! ? in French)
        "\u2009": " ",
        "\u2007": " ",
        "\u2011": "-",  # non-breaking hyphen
    }
)


def normalise_for_matching(text: str) -> str:
    """Map typographic apostrophes and non-breaking spaces to plain ones, character for character.

    The result has the same length as `text`, so offsets found in it are offsets in the original.
    """
    return text.translate(_MATCHING_TRANSLATION)


def decode_bytes(data: bytes, path: object = "<input>") -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding name).

    Tries, in order: a byte-order mark (UTF-8, UTF-16), BOM-less UTF-16, strict UTF-8,
    then cp1252 (a superset of latin-1's printable range, what Windows editors write).
    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[3:], "utf-8", path), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", path), "utf-16"
    elif (bomless := _decode_bomless_utf16(data)) is not None:
        text, encoding = bomless
    elif b"\x00" in data:
        raise InputError(path, "this is a binary file, not text (it contains NUL bytes)")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    _refuse_binary_text(text, path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError(path, "the file holds no text")
    return text, encoding


def read_text(path: str | Path) -> tuple[str, str]:
    """Read and decode one text file; return (text, encoding). Errors name the file."""
    file = Path(path)
    return decode_bytes(read_limited(file), file)


def read_limited(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError naming the file otherwise.

    Reads at most `limit + 1` bytes whatever the file claims to be, so a FIFO, a device such as
    /dev/zero or a file growing while read can neither hang the tool nor exhaust memory.
    """
    if not file.exists():
        raise InputError(file, "no such file")
    if file.is_dir():
        raise InputError(file, "is a folder, expected a text file")
    if not file.is_file():
        raise InputError(file, "is not a regular file (a pipe, socket or device); give a text file")
    size = file.stat().st_size
    if size > limit:
        raise InputError(file, f"the file is too large ({size:,} bytes; the limit is {limit:,})")
    try:
        with open(file, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(file, f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise InputError(file, f"the file is too large (more than {limit:,} bytes)")
    return data


def _strict(data: bytes, encoding: str, path: object) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(path, f"cannot be decoded as {encoding} (byte {error.start})") from None


def _decode_bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes on one side of each pair, decoding to Western-script text."""
    sample = data[:4000]
    if len(sample) < 8 or len(data) % 2:
        return None
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if not (max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half):
        return None
    encoding = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    visible = [ch for ch in text[:2000] if not ch.isspace()]
    western = sum(1 for ch in visible if ch.isprintable() and (ord(ch) < 0x0530 or 0x2000 <= ord(ch) < 0x2070))
    return (text, encoding) if visible and western >= 0.9 * len(visible) else None


def _refuse_binary_text(text: str, path: object) -> None:
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(3, len(sample) // 100):
        raise InputError(path, "this looks like a binary file, not text (many control characters)")
