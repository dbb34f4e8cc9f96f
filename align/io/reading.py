"""Reading plain text: decoding bytes and Unicode normalisation.

Encoding detection is written here rather than taken from a general detector such as
charset-normalizer because the question is narrow (is this UTF-8, UTF-16 or a Western
single-byte code page?) and general detectors misjudge short French texts as other
Latin code pages; the cascade below answers it exactly and explains itself in errors.
"""

from __future__ import annotations

import codecs
import re
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


INVISIBLE_CLASS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                   "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
                   "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
"""The invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners, bidi controls, BOM),
as the inside of a regular-expression character class. A word that holds one is still the same word."""
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")


def strip_invisible(text: str) -> str:
    """`text` without invisible format characters (Unicode category Cf)."""
    return _INVISIBLE.sub("", text) if not text.isascii() else text


def normalise_for_matching(text: str) -> str:
    """Map typographic apostrophes and non-breaking spaces to plain ones, character for character.

    The result has the same length as `text`, so offsets found in it are offsets in the original.
    """
    return text.translate(_MATCHING_TRANSLATION)


def decode_bytes(data: bytes, path: object = "<input>") -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding name). See `decode_text`."""
    text, encoding, _ = decode_text(data, path)
    return text, encoding


def decode_text(data: bytes, path: object = "<input>") -> tuple[str, str, list[str]]:
    """Decode a text file's bytes; return (text, encoding name, warnings).

    Tries, in order: a byte-order mark (UTF-8, UTF-16), BOM-less UTF-16, UTF-8, then cp1252
    (a superset of latin-1's printable range, what Windows editors write). A file that is UTF-8
    but for a few bad bytes (a stray byte pasted in) stays UTF-8: the bad bytes become U+FFFD
    and a warning names their byte offsets; only a file that is not mostly UTF-8 is read as
    cp1252. Raises InputError for empty, binary or undecodable input.
    """
    warnings: list[str] = []
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
            repaired = _mostly_utf8(data)
            if repaired is not None:
                text, encoding, warning = repaired
                warnings.append(warning)
            else:
                try:
                    text, encoding = data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    text, encoding = data.decode("latin-1"), "latin-1"
    _refuse_binary_text(text, path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError(path, "the file holds no text")
    return text, encoding, warnings


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> tuple[str, str, str] | None:
    """UTF-8 text with a few invalid bytes: (text with U+FFFD for each run of bad bytes, "utf-8", warning), or None.

    Mostly UTF-8 means its valid multi-byte characters outnumber its invalid bytes: a cp1252 file
    has no valid multi-byte sequence (or a chance one) and an invalid byte for every accent.
    """
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad_runs = list(_ESCAPED_BYTE.finditer(escaped))
    bad_bytes = sum(len(run.group(0)) for run in bad_runs)
    multibyte = sum(1 for char in escaped if ord(char) > 0x7F and not 0xDC80 <= ord(char) <= 0xDCFF)
    if multibyte <= bad_bytes:
        return None
    offsets = [len(escaped[:run.start()].encode("utf-8", errors="surrogateescape")) for run in bad_runs[:10]]
    shown = ", ".join(f"{offset:,}" for offset in offsets) + (f" and {len(bad_runs) - 10} more" if len(bad_runs) > 10 else "")
    warning = (f"{bad_bytes} byte(s) are not valid UTF-8 (at byte offset{'s' if len(offsets) > 1 else ''} {shown}); "
               "read as UTF-8 with each replaced by U+FFFD")
    return _ESCAPED_BYTE.sub("\ufffd", escaped), "utf-8", warning


def read_text(path: str | Path) -> tuple[str, str]:
    """Read and decode one text file; return (text, encoding). Errors name the file."""
    text, encoding, _ = read_text_reporting(path)
    return text, encoding


def read_text_reporting(path: str | Path) -> tuple[str, str, list[str]]:
    """Read and decode one text file; return (text, encoding, warnings about the decoding). Errors name the file."""
    file = Path(path)
    return decode_text(read_limited(file), file)


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
