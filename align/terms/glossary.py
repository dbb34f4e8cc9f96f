"""The anti-trafficking glossary: loading, validation, versions and saving, and the lookups the checks make over it.

`glossary/glossary.csv` holds one row per term (see glossary/README.md); it is loaded into a
polars frame wrapped by `Glossary`. Its terms are tokenised by `align.terms.words` and found in texts by
`align.terms.matching`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import polars as pl

from align import settings
from align.errors import InputError
from align.io.atomic import file_lock, fingerprint, write_atomic
from align.terms.words import Word, fold, same_form, tokenize

if TYPE_CHECKING:
    from align.terms.matching import TermMatch

T = TypeVar("T")

COLUMNS = ("concept", "subject", "lang", "term", "status", "type", "note", "definition", "source")
REQUIRED = ("concept", "lang", "term", "status")
LANGS = ("fr", "en")
STATUSES = ("preferred", "admitted", "forbidden")
TYPES = ("term", "acronym", "abbreviation")
DEFAULT_PATH = settings.DEFAULT_GLOSSARY
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_CONFUSABLE = re.compile(r"Confusable with: ([a-z0-9-]+(?:,\s*[a-z0-9-]+)*)")
"""The note convention recording concepts often rendered one for the other (see glossary/README.md)."""
_ALTERNATES = re.compile(r"Alternates with: ([a-z0-9-]+(?:,\s*[a-z0-9-]+)*)")
"""The note convention recording concepts an official translation may put for each other (victim/survivor)."""
_KIND_OF = re.compile(r"Kind of: ([a-z0-9-]+(?:,\s*[a-z0-9-]+)*)")
"""The note convention recording the broader concepts of which this one is a kind (domestic servitude → servitude)."""


@dataclass(frozen=True)
class Entry:
    """One glossary row ready for matching: `words` exclude articles."""

    concept: str
    lang: str
    term: str
    status: str
    type: str
    words: tuple[Word, ...]

    @cached_property
    def is_acronym(self) -> bool:
        return self.type in ("acronym", "abbreviation")

    @property
    def key(self) -> tuple[str, ...]:
        """A normalised form of the term, to tell variants apart."""
        return tuple(fold(word.lemma) for word in self.words)


@dataclass(frozen=True)
class Glossary:
    """Glossary rows (a polars frame with `COLUMNS`) and lookups over them."""

    terms: pl.DataFrame
    path: Path | None = field(default=None, compare=False)
    fingerprint: str | None = field(default=None, compare=False)
    """SHA-256 of the file as read ('' for a file that did not exist, None when not read from a file): `save_glossary` refuses to
    write over a file that changed since."""

    def preferred(self, concept: str, lang: str) -> str | None:
        """The preferred term of a concept in a language."""
        return self._preferred.get((concept, lang))

    @cached_property
    def _preferred(self) -> dict[tuple[str, str], str]:
        rows = self.terms.filter(pl.col("status") == "preferred").select("concept", "lang", "term").iter_rows()
        return {(concept, lang): term for concept, lang, term in reversed(list(rows))}  # the first preferred row wins

    def variants(self, concept: str, lang: str, statuses: Iterable[str] = ("preferred", "admitted")) -> list[str]:
        """Terms of a concept in a language with the given statuses, preferred first."""
        order = {status: rank for rank, status in enumerate(STATUSES)}
        wanted = set(statuses)
        rows = [row for row in self.concept_entries(concept, lang) if row.status in wanted]
        return [row.term for row in sorted(rows, key=lambda row: order[row.status])]

    def entries(self, lang: str) -> list[Entry]:
        """The rows of one language, tokenised for matching."""
        return self._entries.get(lang, [])

    def concept_entries(self, concept: str, lang: str) -> list[Entry]:
        return list(self._entries_by_concept.get((concept, lang), ()))

    @cached_property
    def _entries_by_concept(self) -> dict[tuple[str, str], list[Entry]]:
        """Entries by (concept, language), in glossary order."""
        index: dict[tuple[str, str], list[Entry]] = {}
        for lang, entries in self._entries.items():
            for entry in entries:
                index.setdefault((entry.concept, lang), []).append(entry)
        return index

    def acronyms(self, concept: str, lang: str) -> list[str]:
        """The concept's acronyms (not forbidden) in `lang`, in glossary order: `acronym_concept` read the other way."""
        return [entry.term for entry in self.concept_entries(concept, lang) if entry.is_acronym and entry.status != "forbidden"]

    def acronym_concept(self, acronym: str, lang: str) -> str | None:
        """The concept whose acronym (not forbidden) `acronym` is in `lang`, None when the glossary does not list it (the first row wins)."""
        return self._acronym_concepts.get((acronym, lang))

    @cached_property
    def _acronym_concepts(self) -> dict[tuple[str, str], str]:
        found: dict[tuple[str, str], str] = {}
        for lang in ("fr", "en"):
            for entry in self.entries(lang):
                if entry.is_acronym and entry.status != "forbidden":
                    found.setdefault((entry.term, lang), entry.concept)
        return found

    def subject(self, concept: str) -> str:
        """The subject (category) of a concept, "" when none."""
        return self._subjects.get(concept, "")

    @cached_property
    def _subjects(self) -> dict[str, str]:
        subjects: dict[str, str] = {}
        for concept, subject in self.terms.select("concept", "subject").iter_rows():
            if subject and not subjects.get(concept):
                subjects[concept] = subject
        return subjects

    def confusables(self, concept: str) -> frozenset[str]:
        """Concepts a translator is known to put in this one's place (trafficking/smuggling), from the notes' "Confusable with:" convention."""
        return self._confusables.get(concept, frozenset())

    @cached_property
    def _confusables(self) -> dict[str, frozenset[str]]:
        return self._related_both_ways(_CONFUSABLE)

    def alternates(self, concept: str) -> frozenset[str]:
        """Concepts an official translation may write for this one as house style (« victimes » → "survivors"), from "Alternates with:"."""
        return self._alternates.get(concept, frozenset())

    @cached_property
    def _alternates(self) -> dict[str, frozenset[str]]:
        return self._related_both_ways(_ALTERNATES)

    def _related_both_ways(self, convention: re.Pattern) -> dict[str, frozenset[str]]:
        """Concepts the notes relate by `convention` ("Confusable with: a, b"), each relation read both ways."""
        pairs: dict[str, set[str]] = {}
        for concept, note in self.terms.select("concept", "note").iter_rows():
            for found in convention.finditer(note or ""):
                for other in re.split(r",\s*", found.group(1)):
                    pairs.setdefault(concept, set()).add(other)
                    pairs.setdefault(other, set()).add(concept)
        return {concept: frozenset(others) for concept, others in pairs.items()}

    def broader(self, concept: str) -> frozenset[str]:
        """Concepts of which this one is a kind, from the notes' "Kind of:" convention, and theirs in turn (domestic servitude is
        servitude, servitude is exploitation): a text writing one of them for this concept says less, not something else."""
        return self._broader.get(concept, frozenset())

    @cached_property
    def _broader(self) -> dict[str, frozenset[str]]:
        direct: dict[str, set[str]] = {}
        for concept, note in self.terms.select("concept", "note").iter_rows():
            for found in _KIND_OF.finditer(note or ""):
                direct.setdefault(concept, set()).update(re.split(r",\s*", found.group(1)))
        closure: dict[str, frozenset[str]] = {}
        for concept in direct:
            seen: set[str] = set()
            todo = list(direct[concept])
            while todo:
                other = todo.pop()
                if other not in seen and other != concept:
                    seen.add(other)
                    todo += direct.get(other, ())
            closure[concept] = frozenset(seen)
        return closure

    def note(self, concept: str, lang: str, term: str) -> str:
        rows = self.terms.filter((pl.col("concept") == concept) & (pl.col("lang") == lang) & (pl.col("term") == term))
        return rows["note"][0] if rows.height else ""

    @cached_property
    def _entries(self) -> dict[str, list[Entry]]:
        result: dict[str, list[Entry]] = {lang: [] for lang in LANGS}
        for row in self.terms.iter_rows(named=True):
            lang = row["lang"]
            if lang not in result or not row["term"]:
                continue
            words = tuple(word for word in tokenize(row["term"], lang) if not word.article)
            if words:
                result[lang].append(Entry(row["concept"], lang, row["term"], row["status"], row["type"] or "term", words))
        return result

    @cached_property
    def _recent_matches(self) -> dict[tuple[str, str, int], tuple[TermMatch, ...]]:
        """`find_terms` results of the last `MATCHED_TEXTS` texts, oldest first."""
        return {}

    @cached_property
    def _first_word_index(self) -> dict[str, dict[str, list[Entry]]]:
        """Entries by the keys of their first word, so matching looks at few candidates."""
        index: dict[str, dict[str, list[Entry]]] = {}
        for lang, entries in self._entries.items():
            by_key: dict[str, list[Entry]] = {}
            for entry in entries:
                first = entry.words[0]
                for key in {fold(first.surface), fold(first.lemma), fold(first.stem)}:
                    by_key.setdefault(key, []).append(entry)
            index[lang] = by_key
        return index

    @cached_property
    def _content_word_index(self) -> dict[str, dict[str, list[tuple[Entry, Word]]]]:
        """(entry, word) pairs by the keys of every content word of every multiword entry."""
        index: dict[str, dict[str, list[tuple[Entry, Word]]]] = {}
        for lang, entries in self._entries.items():
            by_key: dict[str, list[tuple[Entry, Word]]] = {}
            for entry in entries:
                if len(entry.words) < 2 or entry.is_acronym:
                    continue
                for term_word in entry.words:
                    if term_word.stop:
                        continue
                    for key in {fold(term_word.surface), fold(term_word.lemma), fold(term_word.stem)}:
                        by_key.setdefault(key, []).append((entry, term_word))
            index[lang] = by_key
        return index

    def containing(self, word: Word, lang: str) -> list[Entry]:
        """Multiword entries with a content word of which `word` is a form."""
        by_key = self._content_word_index.get(lang, {})
        found: dict[int, Entry] = {}
        for key in set(word.folded):
            for entry, term_word in by_key.get(key, ()):
                if id(entry) not in found and same_form(word, term_word):
                    found[id(entry)] = entry
        return list(found.values())

    def candidates(self, word: Word, lang: str) -> list[Entry]:
        """Entries whose first word may be `word`."""
        by_key = self._first_word_index.get(lang, {})
        seen: dict[int, Entry] = {}
        for key in set(word.folded):
            for entry in by_key.get(key, ()):
                seen[id(entry)] = entry
        return list(seen.values())

    def first_word_candidates(self, word: Word, lang: str) -> tuple[Entry, ...]:
        """`candidates` that `word` may begin: the terms whose first word it is a form of, and the acronyms (compared as written);
        remembered per word form (a text repeats its words, a corpus its texts' words)."""
        by_form = self._candidates_by_form
        key = (lang, word.surface, word.lemma, word.stem, word.accentless)  # what `same_form` reads of the word
        found = by_form.get(key)
        if found is None:
            if len(by_form) > 200_000:
                by_form.clear()
            found = by_form[key] = tuple(entry for entry in self.candidates(word, lang) if entry.is_acronym or same_form(word, entry.words[0]))
        return found

    @cached_property
    def _candidates_by_form(self) -> dict[tuple[str, str, str, str, bool], tuple[Entry, ...]]:
        return {}

    def vocabulary(self, concept: str, lang: str) -> frozenset[str]:
        """Folded lemmas of the content words of every term of a concept."""
        return self._vocabularies.get((concept, lang), frozenset())

    @cached_property
    def _vocabularies(self) -> dict[tuple[str, str], frozenset[str]]:
        result: dict[tuple[str, str], set[str]] = {}
        for lang, entries in self._entries.items():
            for entry in entries:
                result.setdefault((entry.concept, lang), set()).update(fold(word.lemma) for word in entry.words if not word.stop)
        return {key: frozenset(value) for key, value in result.items()}


def concept_label(glossary: Glossary, concept: str) -> str:
    english = glossary.preferred(concept, "en")
    french = glossary.preferred(concept, "fr")
    if english and french:
        return f"“{french}” / “{english}”"
    return f"“{english or french or concept}”"


def load_glossary(path: str | Path = DEFAULT_PATH) -> Glossary:
    """Load and validate a glossary CSV.

    Raises InputError naming the file, the line and the problem for a missing file, malformed
    CSV, missing columns, a row with the wrong number of fields, or a row that fails
    `validate_glossary`.
    """
    file = Path(path)
    data = _read_glossary_bytes(file)
    frame, problems = _read_and_validate(file, _decode_glossary(file, data))
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise InputError(file, problems[0] + more)
    return Glossary(frame, file, hashlib.sha256(data).hexdigest())


def glossary_problems(path: str | Path = DEFAULT_PATH) -> list[str]:
    """Every problem of a glossary file ("line N: ..."), for `python -m align glossary validate`.

    A file that cannot be read as a glossary at all (missing, not UTF-8, malformed CSV, missing
    columns) raises InputError as `load_glossary` does.
    """
    file = Path(path)
    return _read_and_validate(file, _decode_glossary(file, _read_glossary_bytes(file)))[1]


def _read_glossary_bytes(file: Path) -> bytes:
    if not file.exists():
        raise InputError(file, "glossary file not found")
    if not file.is_file():
        raise InputError(file, "is a folder, not a glossary CSV file" if file.is_dir() else "is not a regular file")
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputError(file, f"cannot read the glossary: {error.strerror or error}") from None


def _decode_glossary(file: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(file, f"not UTF-8 text (byte {error.start})") from None


def _read_and_validate(file: Path, raw: str) -> tuple[pl.DataFrame, list[str]]:
    rows = _read_rows(file, raw)
    frame = pl.DataFrame({column: [row[column] for row, _ in rows] for column in COLUMNS}, schema=dict.fromkeys(COLUMNS, pl.Utf8))
    return frame, validate_glossary(frame, line_numbers=[line for _, line in rows])


def _read_rows(file: Path, raw: str) -> list[tuple[dict[str, str], int]]:
    """Rows as dicts with their line number in the file (counting multi-line quoted fields)."""
    reader = csv.reader(io.StringIO(raw, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(file, "line 1: the file is empty (expected a header row)") from None
    except csv.Error as error:
        raise InputError(file, f"line 1: malformed CSV ({error})") from None
    header = [name.strip() for name in header]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise InputError(file, f"line 1: missing column(s) {', '.join(missing)}")
    rows = []
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise InputError(file, f"line {line}: malformed CSV ({error})") from None
        if values and any(value.strip() for value in values):
            if len(values) != len(header):
                raise InputError(file, f"line {line}: {len(values)} fields, the header has {len(header)}")
            record = dict(zip(header, values))
            rows.append(({column: record[column].strip() for column in COLUMNS}, line))
        line = reader.line_num + 1
    return rows


def validate_glossary(frame: pl.DataFrame, line_numbers: list[int] | None = None) -> list[str]:
    """Problems in a glossary frame, each naming its line ("line N: ..."); empty when valid.

    Checks: required fields, allowed lang/status/type values, duplicate rows, a forbidden term
    that is also a preferred or admitted term of the same language, a term assigned to two
    concepts, and exactly one preferred term per concept and language. Line numbers are file
    lines (header = line 1); without `line_numbers`, row i is line i + 2.
    """
    missing = [column for column in COLUMNS if column not in frame.columns]
    if missing:
        return [f"line 1: missing column(s) {', '.join(missing)}"]
    lines = line_numbers or [index + 2 for index in range(frame.height)]
    problems: list[str] = []
    seen: dict[tuple[str, str, str], tuple[int, str, str]] = {}
    by_term: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    preferred: dict[tuple[str, str], list[int]] = {}
    concepts_langs: dict[tuple[str, str], int] = {}
    for line, row in zip(lines, frame.select(COLUMNS).fill_null("").iter_rows(named=True)):
        row = {key: (value or "").strip() for key, value in row.items()}
        empty = [column for column in REQUIRED if not row[column]]
        if empty:
            problems.append(f"line {line}: {', '.join(empty)} {'is' if len(empty) == 1 else 'are'} required")
            continue
        if row["lang"] not in LANGS:
            problems.append(f"line {line}: lang must be fr or en, not {row['lang']!r}")
            continue
        if row["status"] not in STATUSES:
            problems.append(f"line {line}: status must be one of {', '.join(STATUSES)}, not {row['status']!r}")
            continue
        if row["type"] and row["type"] not in TYPES:
            problems.append(f"line {line}: type must be one of {', '.join(TYPES)}, not {row['type']!r}")
        if row["term"][:1] in _FORMULA_STARTS:
            problems.append(f"line {line}: term {row['term']!r} starts with {row['term'][:1]!r}, which a spreadsheet would run as a formula")
        term_key = (row["lang"], row["term"] if row["type"] in ("acronym", "abbreviation") else row["term"].casefold())
        concepts_langs.setdefault((row["concept"], row["lang"]), line)
        same_concept = seen.get((*term_key, row["concept"]))
        if same_concept is not None:
            problems.append(f"line {line}: duplicate of line {same_concept[0]} ({row['lang']} {row['term']!r} in {row['concept']!r})")
        else:
            seen[(*term_key, row["concept"])] = (line, row["concept"], row["status"])
        for first_line, first_concept, first_status in by_term.get(term_key, []):
            if "forbidden" in (first_status, row["status"]) and first_status != row["status"]:
                problems.append(f"line {line}: {row['lang']} term {row['term']!r} is {row['status']} here "
                                f"but {first_status} on line {first_line} ({first_concept!r})")
                break
        by_term.setdefault(term_key, []).append((line, row["concept"], row["status"]))
        if row["status"] == "preferred":
            preferred.setdefault((row["concept"], row["lang"]), []).append(line)
    for (concept, lang), line in concepts_langs.items():
        lines_preferred = preferred.get((concept, lang), [])
        if not lines_preferred:
            problems.append(f"line {line}: concept {concept!r} has no preferred {lang} term")
        elif len(lines_preferred) > 1:
            problems.append(f"line {lines_preferred[1]}: concept {concept!r} has more than one preferred {lang} term "
                            f"(lines {', '.join(map(str, lines_preferred))})")
    return problems


def glossary_csv(glossary: Glossary | pl.DataFrame) -> str:
    """The glossary as CSV text (the on-disk format): header, then one row per term, `\\n` line ends."""
    frame = glossary.terms if isinstance(glossary, Glossary) else glossary
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in frame.select(COLUMNS).fill_null("").iter_rows():
        writer.writerow(row)
    return buffer.getvalue()


def save_glossary(glossary: Glossary | pl.DataFrame, path: str | Path = DEFAULT_PATH, *, read_fingerprint: str | None = None) -> Path:
    """Validate and write the glossary atomically; the file replaced is kept as `NAME.bak` and in `.versions/` (see `keep_version`).

    Raises InputError (naming `path`) and writes nothing when the glossary has problems, or when
    the file changed since it was read: `read_fingerprint` (default: that of a `Glossary` loaded
    from `path`) is the `align.io.atomic.fingerprint` of the file the edits started from. The
    check and the write hold the file's lock, so two saves never interleave.
    """
    frame = glossary.terms if isinstance(glossary, Glossary) else glossary
    problems = validate_glossary(frame)
    if problems:
        raise InputError(path, "not saved: " + problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    if read_fingerprint is None and isinstance(glossary, Glossary) and glossary.path is not None and _same_file(glossary.path, Path(path)):
        read_fingerprint = glossary.fingerprint
    with file_lock(path):
        if read_fingerprint is not None and fingerprint(path) != read_fingerprint:
            raise InputError(path, "not saved: the glossary changed on disk since it was read (another window or import saved it); "
                                   "reload it and make the change again")
        keep_version(path)
        return write_atomic(path, glossary_csv(frame))


def _same_file(first: Path, second: Path) -> bool:
    return first.resolve() == second.resolve()


VERSIONS_KEPT = 20
_VERSION_NAME = re.compile(r"-(\d{8}T\d{6})(?:-(\d+))?\.csv$")


@dataclass(frozen=True)
class GlossaryVersion:
    """A previous version of a glossary file, kept in `.versions/` beside it."""

    path: Path
    saved: str
    """When it was replaced, `YYYY-mm-dd HH:MM:SS` UTC."""


def versions_dir(path: str | Path) -> Path:
    return Path(path).parent / ".versions"


def keep_version(path: str | Path, kept: int = VERSIONS_KEPT) -> Path | None:
    """Copy the glossary file about to be replaced to `.versions/STEM-YYYYmmddTHHMMSS.csv`; keep the newest `kept` versions.

    A single `.bak` would be overwritten by the next save, so one mistaken save followed by
    another would lose the glossary; the versions folder keeps a history instead.
    """
    file = Path(path)
    if not file.exists():
        return None
    folder = versions_dir(file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    # Several saves in one second are numbered after the highest number of that second (never a pruned name reused).
    same_second = [_VERSION_NAME.search(other.name) for other in folder.glob(f"{file.stem}-{stamp}*.csv")]
    counter = max((int(match.group(2) or 1) for match in same_second if match and match.group(1) == stamp), default=0) + 1
    target = folder / (f"{file.stem}-{stamp}.csv" if counter == 1 else f"{file.stem}-{stamp}-{counter}.csv")
    write_atomic(target, file.read_bytes(), keep_backup=False)
    for old in glossary_versions(file)[kept:]:
        old.path.unlink(missing_ok=True)
    return target


def glossary_versions(path: str | Path) -> list[GlossaryVersion]:
    """The kept versions of a glossary file, newest first."""
    file = Path(path)
    found = []
    for candidate in versions_dir(file).glob(f"{file.stem}-*.csv"):
        match = _VERSION_NAME.search(candidate.name)
        if match and candidate.name[:match.start()] == file.stem:
            stamp = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S")
            found.append(((stamp, int(match.group(2) or 1)), GlossaryVersion(candidate, stamp.strftime("%Y-%m-%d %H:%M:%S"))))
    return [version for _, version in sorted(found, key=lambda item: item[0], reverse=True)]


def parse_glossary_text(text: str, path: str | Path = DEFAULT_PATH) -> Glossary:
    """A glossary from CSV text (a version, or text the user typed), validated like `load_glossary`; InputError names the line."""
    file = Path(path)
    frame, problems = _read_and_validate(file, text.removeprefix("\ufeff"))
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise InputError(file, problems[0] + more)
    return Glossary(frame, file)


def restore_glossary_version(version: GlossaryVersion | str | Path, path: str | Path = DEFAULT_PATH) -> Glossary:
    """Make a kept version the glossary again (the glossary it replaces is kept as a version in turn)."""
    source = version.path if isinstance(version, GlossaryVersion) else Path(version)
    glossary = parse_glossary_text(_decode_glossary(source, _read_glossary_bytes(source)), source)
    save_glossary(glossary, path)
    return Glossary(glossary.terms, Path(path))


def per_glossary(stores: dict, glossary: Glossary, build: Callable[[], T], lang: str | None = None) -> T:
    """What `build()` made for `glossary` (and `lang`), kept in `stores` and built once. The glossary is kept beside its value, so its
    id cannot be reused by another glossary while cached; at most nine glossaries are kept (the app's edits make new ones)."""
    key = id(glossary) if lang is None else (id(glossary), lang)
    cached = stores.get(key)
    if cached is None or cached[0] is not glossary:
        if len(stores) > 8:
            stores.clear()
        cached = stores[key] = (glossary, build())
    return cached[1]
