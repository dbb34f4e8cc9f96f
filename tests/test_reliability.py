"""Faults a user or the machine can cause — concurrent saves, kills, permissions, full disks, hostile files — and what the tool does.

The contract: nothing saved is lost; bad input exits 2 with one line naming the file; an internal
error exits 1 with one line; never a traceback. Permission tests drop the capabilities that let
root read anything (setpriv), so they mean the same as for an ordinary user.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import polars as pl
import pytest

from align.errors import InputError
from align.io.atomic import backup_path, write_atomic
from tests.conftest import ROOT, write_glossary

SAMPLE_GLOSSARY = ROOT / "tests" / "fixtures" / "interchange" / "glossary.csv"
FRENCH = "La traite des personnes est un crime grave. Les victimes ont besoin de protection et de soutien.\n"


def run_cli(*args: str, env: dict | None = None, prefix: tuple[str, ...] = (), timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                          env={**os.environ, **(env or {})})


def assert_one_line_error(result: subprocess.CompletedProcess, status: int = 2, *needles: str) -> None:
    assert result.returncode == status, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def unprivileged() -> tuple[str, ...]:
    """A command prefix that runs a child without the power to bypass file permissions (root's CAP_DAC_*)."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop the capability to read any file")
    prefix = ("setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search")
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"align-probe-{os.getpid()}"
    probe.write_text("x")
    probe.chmod(0)
    try:
        if subprocess.run([*prefix, "cat", str(probe)], capture_output=True).returncode == 0:
            pytest.skip("setpriv could not drop the capability to read any file here")
    finally:
        probe.unlink()
    return prefix


def tbx_with_concepts(path: Path, prefix: str, count: int = 4) -> Path:
    from align.interchange.tbx import tbx_bytes
    from align.terms.glossary import COLUMNS, Glossary

    rows = []
    for number in range(count):
        concept = f"{prefix}-concept-{number}"
        rows += [dict.fromkeys(COLUMNS, "") | {"concept": concept, "lang": "fr", "term": f"terme{prefix}{number}", "status": "preferred"},
                 dict.fromkeys(COLUMNS, "") | {"concept": concept, "lang": "en", "term": f"term{prefix}{number}", "status": "preferred"}]
    path.write_bytes(tbx_bytes(Glossary(pl.DataFrame(rows, schema=dict.fromkeys(COLUMNS, pl.Utf8)))))
    return path


# --- A. data lost or put at risk -----------------------------------------------------------------


def test_two_imports_at_once_keep_both_imports(tmp_path) -> None:
    first, second = tbx_with_concepts(tmp_path / "a.tbx", "a"), tbx_with_concepts(tmp_path / "b.tbx", "b")
    for trial in range(3):
        glossary = tmp_path / f"glossary-{trial}.csv"
        shutil.copy(SAMPLE_GLOSSARY, glossary)
        command = [sys.executable, "-m", "align", "glossary", "import"]
        processes = [subprocess.Popen([*command, str(tbx), "--glossary", str(glossary)], cwd=ROOT, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for tbx in (first, second)]
        outcomes = [process.communicate(timeout=300) + (process.returncode,) for process in processes]
        assert [status for _, _, status in outcomes] == [0, 0], outcomes
        concepts = set(pl.read_csv(glossary, infer_schema=False)["concept"])
        assert {f"{side}-concept-{number}" for side in "ab" for number in range(4)} <= concepts, f"trial {trial}: an import was lost"


def test_a_save_over_a_glossary_changed_since_it_was_read_is_refused(tmp_path) -> None:
    from align.terms.glossary import load_glossary, save_glossary

    path = tmp_path / "glossary.csv"
    shutil.copy(SAMPLE_GLOSSARY, path)
    mine, theirs = load_glossary(path), load_glossary(path)
    save_glossary(theirs.terms.filter(pl.col("concept") != theirs.terms["concept"][0]), path, read_fingerprint=theirs.fingerprint)
    saved_by_them = path.read_bytes()
    with pytest.raises(InputError, match="changed on disk since it was read"):
        save_glossary(mine, path)
    assert path.read_bytes() == saved_by_them


def _writer_script(target: Path) -> str:
    return f"""
import sys
from align.io.atomic import write_atomic
version = 0
while True:
    version += 1
    write_atomic({str(target)!r}, (f"version {{version:08d}}\\n" * 200_000).encode())
"""


def test_kill_9_during_saves_leaves_whole_files_and_no_temporaries(tmp_path) -> None:
    target = tmp_path / "glossary.csv"
    write_atomic(target, ("version 00000000\n" * 200_000).encode())
    for kill in range(4):
        writer = subprocess.Popen([sys.executable, "-c", _writer_script(target)], cwd=ROOT)
        time.sleep(1.0 + 0.37 * kill)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        for path in (target, backup_path(target)):
            data = path.read_bytes()
            assert len(data) == 17 * 200_000 and len(set(data.splitlines())) == 1, f"kill {kill}: {path.name} is not one whole version"
    write_atomic(target, b"after\n")  # the next write clears what killed writers left
    assert not [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    assert len(backup_path(target).read_bytes()) == 17 * 200_000


def test_atomic_write_keeps_the_file_mode_and_new_files_follow_the_umask(tmp_path) -> None:
    existing = tmp_path / "shared.csv"
    existing.write_text("old")
    existing.chmod(0o640)
    write_atomic(existing, "new")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "fresh.csv", "new")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "fresh.csv").stat().st_mode) == 0o640  # 0666 & ~027


def test_exporting_the_glossary_onto_itself_is_refused(tmp_path) -> None:
    glossary = tmp_path / "glossary.csv"
    shutil.copy(SAMPLE_GLOSSARY, glossary)
    before = glossary.read_bytes()
    result = run_cli("glossary", "export", "--glossary", str(glossary), "--out", str(tmp_path / "." / "glossary.csv"))
    assert_one_line_error(result, 2, "is the glossary being exported")
    assert glossary.read_bytes() == before


def test_document_names_never_lead_outside_the_output_folder(tmp_path) -> None:
    from align.export import output_folder

    out = tmp_path / "out"
    for name in ("..", ".", "...", "../../etc", "a/../../b", "\x00x", ""):
        folder = output_folder(out, name)
        assert folder.resolve().parent == out.resolve(), name



def test_two_french_files_of_one_name_are_refused_before_either_overwrites_the_other(tmp_path) -> None:
    first, second = tmp_path / "a" / "communique.txt", tmp_path / "b" / "communique.docx"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "out"
    assert_one_line_error(run_cli("run", str(first), str(second), "--out", str(out)), 2, str(second), str(first), "same output folder")
    assert not out.exists() or not any(out.iterdir()), "nothing written"

# --- B. the contract: exit 2 and one line, never a traceback ------------------------------------------


def test_unreadable_inputs_exit_2_with_one_line(tmp_path, unprivileged) -> None:
    french = tmp_path / "communique.txt"
    french.write_text(FRENCH, encoding="utf-8")
    french.chmod(0)
    assert_one_line_error(run_cli("run", str(french), "--out", str(tmp_path / "out"), prefix=unprivileged), 2, str(french))
    readable = tmp_path / "readable.txt"
    readable.write_text(FRENCH, encoding="utf-8")
    glossary = tmp_path / "glossary.csv"
    shutil.copy(SAMPLE_GLOSSARY, glossary)
    glossary.chmod(0)
    assert_one_line_error(run_cli("run", str(readable), "--glossary", str(glossary), "--out", str(tmp_path / "out"), prefix=unprivileged),
                          2, str(glossary))
    assert_one_line_error(run_cli("glossary", "validate", str(glossary), prefix=unprivileged), 2, str(glossary))


def test_unwritable_or_wrong_output_exits_2_before_any_work(tmp_path, unprivileged) -> None:
    french = tmp_path / "communique.txt"
    french.write_text(FRENCH, encoding="utf-8")
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    assert_one_line_error(run_cli("run", str(french), "--out", str(read_only), prefix=unprivileged), 2, str(read_only))
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert_one_line_error(run_cli("run", str(french), "--out", str(a_file)), 2, "the output folder is a file")
    assert_one_line_error(run_cli("run", str(french), "--out", str(a_file), "--workers", "1"), 2, "the output folder is a file")
    assert_one_line_error(run_cli("run", str(french), "--glossary", str(tmp_path), "--out", str(tmp_path / "out")), 2, "is a folder")
    cache_file = tmp_path / "cache-file"
    cache_file.write_text("x")
    assert_one_line_error(run_cli("run", str(french), "--out", str(tmp_path / "out"), "--mt-engine", "none", env={"ALIGN_CACHE_DIR": str(cache_file)}),
                          2, "the cache folder is a file")


@pytest.mark.parametrize("command", ["check", "glossary import"])
def test_unknown_encoding_in_the_xml_declaration_exits_2(tmp_path, command: str) -> None:
    path = tmp_path / ("memory.tmx" if command == "check" else "terms.tbx")
    path.write_text('<?xml version="1.0" encoding="x-nonexistent"?>\n<tmx version="1.4"><body/></tmx>')
    extra = ["--glossary", str(tmp_path / "glossary.csv")] if command == "glossary import" else ["--out", str(tmp_path)]
    assert_one_line_error(run_cli(*command.split(), str(path), *extra), 2, str(path), "unknown encoding")


def test_pipes_and_devices_are_refused_without_reading_them(tmp_path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    assert_one_line_error(run_cli("run", str(fifo), "--out", str(tmp_path / "out"), timeout=60), 2, "not a regular file")
    zero = tmp_path / "zero.tmx"
    zero.symlink_to("/dev/zero")
    assert_one_line_error(run_cli("check", str(zero), "--out", str(tmp_path), timeout=60), 2, "not a regular file")


def test_damaged_caches_are_moved_aside_and_rebuilt(tmp_path, capsys) -> None:
    from align.aligner.embedding import EmbeddingCache
    from align.mt.cache import TranslationCache

    (tmp_path / "embeddings.sqlite").write_bytes(os.urandom(4096))
    (tmp_path / "translations.sqlite").write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    vectors = EmbeddingCache(tmp_path)
    vectors.put("model", ["une phrase"], __import__("numpy").ones((1, 4), dtype="float32"))
    assert list(vectors.get("model", ["une phrase"])) == ["une phrase"]
    translations = TranslationCache(tmp_path)
    translations.put_many("engine", [("bonjour", "hello", ())])
    assert translations.get_many("engine", ["bonjour"]) == {"bonjour": ("hello", ())}
    aside = sorted(path.name.split(".corrupt-")[0] for path in tmp_path.iterdir() if ".corrupt-" in path.name)
    assert aside == ["embeddings.sqlite", "translations.sqlite"]
    assert capsys.readouterr().err.count("moved aside") == 2


def test_a_review_file_nested_200000_deep_is_set_aside_not_a_crash(tmp_path) -> None:
    from align.review.review_file import read_json

    path = tmp_path / "doc.review.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    assert read_json(path) is None  # read as "not a review file": the automatic alignment is used and the file kept aside


def test_a_full_disk_exits_2_and_keeps_the_glossary(tmp_path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        glossary = disk / "glossary.csv"
        shutil.copy(SAMPLE_GLOSSARY, glossary)
        before = glossary.read_bytes()
        filler = disk / "filler"
        descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk to the last block
        try:
            while os.write(descriptor, b"\0" * 1024):
                pass
        except OSError:
            pass
        finally:
            os.close(descriptor)
        result = run_cli("glossary", "import", str(tbx_with_concepts(tmp_path / "a.tbx", "a")), "--glossary", str(glossary))
        assert_one_line_error(result, 2, "No space left on device")
        assert glossary.read_bytes() == before
        assert not [path.name for path in disk.iterdir() if path.name.endswith(".tmp")]
        result = run_cli("glossary", "export", "--glossary", str(SAMPLE_GLOSSARY), "--out", str(disk / "glossary.tbx"))
        assert_one_line_error(result, 2, "No space left on device")
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_one_long_unpunctuated_line_is_cut_into_bounded_segments() -> None:
    from align.text.segmentation import MAX_SEGMENT_CHARS, segment_text

    text = " ".join(["traite", "des", "personnes", "exploitation", "victimes"] * 20_000)  # 480 KB, no punctuation
    segments = segment_text(text, "fr")
    assert max(len(segment.text) for segment in segments) <= MAX_SEGMENT_CHARS
    assert all(text[segment.start:segment.end] == segment.text for segment in segments)
    assert " ".join(segment.text for segment in segments) == text


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path) -> None:
    bomb = tmp_path / "translate-fr_en-1_0.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("translate-fr_en/metadata.json", '{"from_code": "fr", "to_code": "en", "package_version": "1.0"}')
        archive.writestr("translate-fr_en/sentencepiece.model", b"x")
        with archive.open("translate-fr_en/model/model.bin", "w", force_zip64=True) as member:
            for _ in range(64):
                member.write(b"\0" * (1 << 20))
    started = time.monotonic()
    result = run_cli("models", "install", "--from", str(bomb), "--no-download", env={"ARGOS_PACKAGES_DIR": str(tmp_path / "packages")})
    assert_one_line_error(result, 2, "decompression bomb")
    assert time.monotonic() - started < 60
    assert not (tmp_path / "packages").exists() or not any((tmp_path / "packages").rglob("model.bin"))


# --- C. batches ---------------------------------------------------------------------------------------


def test_a_bad_file_in_a_batch_is_skipped_and_the_rest_is_written(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "fr").mkdir(parents=True)
    (corpus / "fr" / "good.txt").write_text(FRENCH, encoding="utf-8")
    (corpus / "fr" / "empty.txt").write_bytes(b"")
    (corpus / "fr" / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00\xff" * 10)
    (corpus / "fr" / "...txt").write_text(FRENCH, encoding="utf-8")  # its name is ".." once the suffix is gone
    out = tmp_path / "out"
    result = run_cli("run", str(corpus), "--out", str(out), "--mt-engine", "none")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 2 and any("empty.txt" in line for line in skipped) and any("binary.txt" in line for line in skipped)
    assert (out / "good" / "alignment.csv").is_file()
    assert (out / "document" / "alignment.csv").is_file()  # "..": written inside --out, under a safe name
    assert not (tmp_path / "alignment.csv").exists()
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["..", "good"]
    assert len([line for line in result.stderr.splitlines() if line.startswith("progress: ")]) == 2


def test_a_corpus_run_on_workers_keeps_a_dotted_name_inside_the_output_folder(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "fr").mkdir(parents=True)
    (corpus / "fr" / "...txt").write_text(FRENCH, encoding="utf-8")  # its name is ".." once the suffix is gone
    out = tmp_path / "out"
    result = run_cli("run", str(corpus), "--out", str(out), "--mt-engine", "none", "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert (out / "document" / "alignment.csv").is_file() and (out / "document" / ".inputs.json").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "out"], "nothing written beside --out"
    again = run_cli("run", str(corpus), "--out", str(out), "--mt-engine", "none", "--workers", "1")
    assert "1 unchanged" in again.stdout, again.stdout  # its manifest is found where its outputs are


# --- D. bad text -----------------------------------------------------------------------------------------


def test_one_bad_byte_keeps_a_utf8_file_utf8_and_names_the_offset() -> None:
    from align.io.reading import decode_text

    data = "La traite des êtres humains, réprimée par la loi.".encode() + b"\x91" + " Les victimes protégées.".encode()
    text, encoding, warnings = decode_text(data)
    assert encoding == "utf-8" and "êtres" in text and "protégées" in text and "\ufffd" in text
    assert len(warnings) == 1 and str(data.index(b"\x91")) in warnings[0]
    text, encoding, warnings = decode_text("La traite des êtres humains, réprimée.".encode("cp1252"))
    assert encoding == "cp1252" and "réprimée" in text and warnings == []


def test_invisible_characters_inside_a_term_do_not_hide_it(tmp_path) -> None:
    from align.io.reading import strip_invisible
    from align.terms.glossary import load_glossary
    from align.terms.matching import find_terms

    glossary = load_glossary(write_glossary(tmp_path / "g.csv", [("tip", "fr", "traite des personnes", "preferred"),
                                                                   ("tip", "en", "trafficking in persons", "preferred")]))
    for hidden in ("tra\u00adite des personnes", "traite des per\u200bsonnes", "traite\u200d des \u202bpersonnes\u202c", "\u2066traite des personnes"):
        text = f"Elle dénonce la {hidden} au Canada."
        matches = find_terms(text, "fr", glossary)
        assert len(matches) == 1, hidden
        assert strip_invisible(text[matches[0].start:matches[0].end]) == "traite des personnes"  # offsets in the text as written


def test_formula_terms_are_refused_by_validation(tmp_path) -> None:
    from align.terms.glossary import glossary_problems

    path = write_glossary(tmp_path / "g.csv", [("c", "fr", '=HYPERLINK("http://x","traite")', "preferred"), ("c", "en", "@SUM(A1)", "preferred")])
    problems = glossary_problems(path)
    assert len(problems) == 2 and all("formula" in problem for problem in problems)


def test_a_file_in_the_wrong_language_is_warned_about() -> None:
    from align.text.language import language_warning

    english = "Human trafficking is a serious crime that affects millions of people around the world every single year."
    french = "La traite des personnes est un crime grave qui touche des millions de personnes dans le monde chaque année."
    assert "does not read as French but as English" in language_warning(english, "fr", "the French file")
    assert language_warning(french, "fr", "the French file") is None
    assert language_warning(english, "en", "the English file") is None


def test_a_write_after_one_killed_between_its_renames_leaves_no_temporary(tmp_path) -> None:
    """Killed after NAME.bak was renamed but before NAME was: both names are one file; the next write must not leave a temporary."""
    target = tmp_path / "glossary.csv"
    target.write_bytes(b"version 1\n")
    os.link(target, backup_path(target))  # the state such a kill leaves
    write_atomic(target, b"version 2\n")
    assert target.read_bytes() == b"version 2\n" and backup_path(target).read_bytes() == b"version 1\n"
    assert not [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
