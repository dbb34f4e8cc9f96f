"""Fuzzing every reader: random bytes, random Unicode and random XML (seeded) must give exit 0 or 2, never a crash.

`run FILE.txt`, `check FILE.tmx` and `glossary import FILE.tbx` are called in-process through the
CLI's `main` (an internal error would be exit 1, an escaped exception a test error), and a few
cases through `python -m align` to check that stderr never holds a traceback. Each family runs
for a bounded time (about 30 s in all); a failure names the seed and case to replay.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.cli import main
from tests.conftest import ROOT

SEED = 20261203
SAMPLE_GLOSSARY = ROOT / "tests" / "fixtures" / "interchange" / "glossary.csv"
WORDS = ["traite", "des", "personnes", "victime", "trafficking", "in", "persons", "victims", "travail", "forcé", "&amp;", "é", "—", "«", "»"]
TAGS = ["tmx", "header", "body", "tu", "tuv", "seg", "tbx", "martif", "text", "conceptEntry", "termEntry", "langSec", "langSet",
        "termSec", "tig", "ntig", "term", "termNote", "descrip", "note", "bpt", "ept", "ph", "x"]
LANGS = ["fr", "en", "fr-FR", "EN-gb", "de", "", "x" * 300, "fr\u0000", "zz-ZZ-1234567890"]
INLINE = ["", "<ph>x</ph>", '<bpt i="1">b</bpt>', "<hi>h</hi>"]
ENCODINGS = ["UTF-8", "utf-16", "ISO-8859-1", "windows-1252", "x-nonexistent", "UTF-32", "ebcdic-cp-us", "ascii"]


def random_unicode(rng: random.Random, length: int) -> str:
    ranges = [(0x20, 0x7E), (0x00, 0x1F), (0xA0, 0x24F), (0x0600, 0x06FF), (0x200B, 0x206F), (0x4E00, 0x4FFF), (0x1F600, 0x1F64F),
              (0xFFF0, 0xFFFF), (0x10000, 0x10FFFF)]
    chars = []
    for _ in range(length):
        low, high = rng.choice(ranges)
        code = rng.randint(low, high)
        chars.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
    return "".join(chars)


def random_text_bytes(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randbytes(rng.randint(0, 3000))
    text = random_unicode(rng, rng.randint(0, 1500)) if kind == 1 else " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 400)))
    encoding = rng.choice(["utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig"])
    return text.encode(encoding, errors="replace")


def random_element(rng: random.Random, depth: int) -> str:
    tag = rng.choice(TAGS)
    attributes = []
    for _ in range(rng.randint(0, 3)):
        name = rng.choice(["xml:lang", "lang", "type", "id", "version", "srclang", "o-tmf", "creationtool"])
        value = rng.choice(LANGS + ["administrativeStatus", "termType", "preferredTerm-admn-sts", random_unicode(rng, 5)])
        attributes.append(f' {name}="{value.replace(chr(34), "").replace("<", "").replace("&", "")}"')
    children = "".join(random_element(rng, depth + 1) for _ in range(rng.randint(0, 4))) if depth < 6 else ""
    text = rng.choice(["", " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8))), random_unicode(rng, 10)
                       .replace("<", "").replace("&", "")])
    return f"<{tag}{''.join(set(attributes))}>{text}{children}</{tag}>"


def xml_safe(text: str) -> str:
    """Characters XML 1.0 allows in text, markup characters escaped."""
    allowed = "".join(char for char in text if char in "\t\n\r" or 0x20 <= ord(char) <= 0xD7FF or 0xE000 <= ord(char) <= 0xFFFD or ord(char) >= 0x10000)
    return allowed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def random_words(rng: random.Random) -> str:
    return xml_safe(rng.choice([" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12))), random_unicode(rng, rng.randint(0, 40))]))


def wellformed_tmx(rng: random.Random) -> str:
    units = []
    for _ in range(rng.randint(0, 12)):
        variants = "".join(f'<tuv xml:lang="{xml_safe(rng.choice(LANGS))}"><seg>{random_words(rng)}'
                           f'{rng.choice(INLINE)}</seg></tuv>'
                           for _ in range(rng.randint(0, 3)))
        units.append(f"<tu>{variants}</tu>")
    return f'<tmx version="1.4"><header srclang="{xml_safe(rng.choice(LANGS))}" o-tmf="x"/><body>{"".join(units)}</body></tmx>'


def wellformed_tbx(rng: random.Random) -> str:
    entries = []
    for number in range(rng.randint(0, 8)):
        sections = []
        for _ in range(rng.randint(0, 3)):
            terms = "".join(f'<termSec><term>{random_words(rng)}</term><termNote type="{rng.choice(["administrativeStatus", "termType", "x"])}">'
                            f'{rng.choice(["preferredTerm-admn-sts", "deprecatedTerm-admn-sts", "acronym", random_words(rng)])}</termNote></termSec>'
                            for _ in range(rng.randint(0, 3)))
            sections.append(f'<langSec xml:lang="{xml_safe(rng.choice(LANGS))}">{terms}</langSec>')
        entry_id = xml_safe(rng.choice([f"c{number}", "debt-bondage", random_words(rng)[:20]]))
        entries.append(f'<conceptEntry id="{entry_id}"><note>{random_words(rng)}</note>{"".join(sections)}</conceptEntry>')
    return f'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" xml:lang="en"><text><body>{"".join(entries)}</body></text></tbx>'


def random_xml(rng: random.Random, root: str) -> bytes:
    if rng.random() < 0.6:  # well-formed files of the right shape with random content reach the readers' logic
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + (wellformed_tmx(rng) if root == "tmx" else wellformed_tbx(rng))).encode("utf-8")
        if rng.random() < 0.2 and data:
            position = rng.randrange(len(data))
            data = data[:position] + rng.randbytes(rng.randint(1, 4)) + data[position:]
        return data
    body = random_element(rng, 0)
    if rng.random() < 0.7:
        body = f"<{root} version=\"1.4\">{body}{random_element(rng, 1)}</{root}>"
    declaration = f'<?xml version="1.0" encoding="{rng.choice(ENCODINGS)}"?>\n' if rng.random() < 0.6 else ""
    doctype = rng.choice(["", f'<!DOCTYPE {root} SYSTEM "tmx14.dtd">\n', f'<!DOCTYPE {root} [<!ENTITY e "x">]>\n'])
    data = (declaration + doctype + body).encode("utf-8", errors="replace")
    mutation = rng.randrange(5)
    if mutation == 0 and data:
        cut = rng.randrange(len(data))
        data = data[:cut]
    elif mutation == 1 and data:
        position = rng.randrange(len(data))
        data = data[:position] + rng.randbytes(rng.randint(1, 8)) + data[position:]
    return data


def call(argv: list[str], capsys) -> tuple[int, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.err


def fuzz(case_maker, argv_for, capsys, tmp_path: Path, seconds: float, max_cases: int) -> int:
    rng = random.Random(SEED)
    deadline = time.monotonic() + seconds
    cases = 0
    while cases < max_cases and time.monotonic() < deadline:
        data, suffix = case_maker(rng)
        path = tmp_path / f"case{cases}{suffix}"
        path.write_bytes(data)
        status, err = call(argv_for(path), capsys)
        assert status in (0, 2), f"seed {SEED}, case {cases} ({path.name}, {data[:80]!r}): exit {status}: {err}"
        assert "Traceback" not in err
        if status == 2:
            assert err.strip(), "exit 2 without a message"
        cases += 1
    return cases


def test_check_survives_random_tmx(tmp_path, capsys) -> None:
    def make(rng: random.Random) -> tuple[bytes, str]:
        return (random_xml(rng, "tmx") if rng.random() < 0.8 else random_text_bytes(rng)), ".tmx"

    cases = fuzz(make, lambda path: ["check", str(path), "--out", str(tmp_path)], capsys, tmp_path, 10, 400)
    assert cases >= 20


def test_glossary_import_survives_random_tbx(tmp_path, capsys) -> None:
    glossary = tmp_path / "glossary.csv"
    shutil.copy(SAMPLE_GLOSSARY, glossary)

    def make(rng: random.Random) -> tuple[bytes, str]:
        return (random_xml(rng, rng.choice(["tbx", "martif"])) if rng.random() < 0.8 else random_text_bytes(rng)), ".tbx"

    cases = fuzz(make, lambda path: ["glossary", "import", str(path), "--glossary", str(glossary)], capsys, tmp_path, 10, 400)
    assert cases >= 20
    assert main(["glossary", "validate", str(glossary)]) == 0  # whatever was imported, the glossary is still valid


def test_run_survives_random_text(tmp_path, capsys) -> None:
    def make(rng: random.Random) -> tuple[bytes, str]:
        return random_text_bytes(rng), ".txt"

    cases = fuzz(make, lambda path: ["run", str(path), "--out", str(tmp_path / "out"), "--mt-engine", "none"], capsys, tmp_path, 10, 60)
    assert cases >= 3


@pytest.mark.parametrize("command", ["run", "check", "glossary import"])
def test_no_traceback_through_the_real_command(tmp_path, command: str) -> None:
    rng = random.Random(SEED)
    glossary = tmp_path / "glossary.csv"
    shutil.copy(SAMPLE_GLOSSARY, glossary)
    suffix, extra = {"run": (".txt", ["--out", str(tmp_path / "out"), "--mt-engine", "none"]), "check": (".tmx", ["--out", str(tmp_path)]),
                     "glossary import": (".tbx", ["--glossary", str(glossary)])}[command]
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(rng.randbytes(2000) if command == "run" else random_xml(rng, "tmx" if command == "check" else "tbx"))
    result = subprocess.run([sys.executable, "-m", "align", *command.split(), str(path), *extra], capture_output=True, text=True, cwd=ROOT,
                            timeout=300)
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
