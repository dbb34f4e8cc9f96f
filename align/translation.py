"""Machine translation of French segments into English, offline, batched, cached, glossary-constrained.

Engines, in `auto` order:
- `argos`: argostranslate's French→English package (neural). We load the package's CTranslate2
  model and SentencePiece model ourselves and batch our own segments through
  `ctranslate2.Translator.translate_batch`: argostranslate's `translate()` would re-split every
  segment into sentences with stanza/minisbd, which downloads a model on first use.
- `apertium`: Debian's rule-based Apertium, pivoting fr→es→en (`apertium fr-es`, then
  `apertium spa-eng`), one batched process per stage and document. Rough, and labelled so.
- `none`: no translation; the pipeline adds the notice `UNAVAILABLE_NOTICE`.

Glossary terms are protected before translation: each matched French term (preferred or
admitted) is replaced by a number that both engines copy unchanged (Apertium analyses digits as
numbers, neural models copy numbers), and the number is replaced by the glossary's English
term afterwards. When an engine loses or duplicates a placeholder, the text between the
placeholders is translated piece by piece and joined around the glossary renderings, so the
rendering is always present. Each constrained span is recorded in `Translation.constrained`.

Raw engine outputs are cached in SQLite (`align.cache`) keyed by engine/model version and the
normalised, protected source text, so the glossary renderings are applied after the cache and a
changed glossary never serves stale text.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from align.errors import ModelMissingError

if TYPE_CHECKING:
    from align.cache import TranslationCache
    from align.glossary import Glossary, TermMatch
    from align.models import ArgosPackage

ENGINES = ("auto", "argos", "apertium", "none")
UNAVAILABLE_NOTICE = "machine translation unavailable"
DEFAULT_BEAM_SIZE = 4  # argostranslate's default (ARGOS_BEAM_SIZE)
LENGTH_PENALTY = 0.2  # argostranslate's value
MAX_BATCH_SIZE = 32
ARGOS_CHUNK = 64  # segments per cache transaction and progress step
CACHE_FORMAT = "v1"  # bump when the post-processing of raw engine output changes
CONSTRAINED_STATUSES = ("preferred", "admitted")

Progress = Callable[[int, int], None]
"""Called with (texts translated so far, texts to translate)."""

_LEAD = re.compile(
    r"^\s*(?:[•◦▪●·‣∙○■□*\-–—]\s+|(?:\d{1,3}|[a-z]|[IVX]{1,5}|[ivx]{1,5})[.)]\s+|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)\s+)?"
)
_OPEN_QUOTE = re.compile(r"^[«\"“„‘‹]\s*")
_CLOSE_QUOTE = re.compile(r"\s*[»\"”“’›][.!?…]*\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_APERTIUM_MARK = re.compile(r"(?<![\w*#@])([*#@])(\w[\w'’-]*)")


@dataclass(frozen=True)
class ConstrainedTerm:
    """A glossary term rendered by the glossary, not by the engine.

    `start`/`end` are offsets of the French term in the segment; `mt_start`/`mt_end` of its
    rendering in `Translation.text`.
    """

    concept: str
    source: str
    rendering: str
    start: int
    end: int
    mt_start: int
    mt_end: int


@dataclass(frozen=True)
class Translation:
    """The English machine translation of one French segment.

    `engine` names the engine and model version (`none` when there is no translation);
    `unknown_words` are French words the engine did not know (Apertium marks them);
    `constrained` the glossary terms rendered from the glossary.
    """

    text: str
    engine: str
    unknown_words: tuple[str, ...] = field(default=())
    constrained: tuple[ConstrainedTerm, ...] = field(default=())


class Engine(Protocol):
    """A loaded MT engine: translates normalised one-line French texts."""

    name: str
    label: str  # shown in outputs (mt_engine)
    key: str  # cache key: engine, model version and settings
    chunk_size: int | None  # texts per call (None: all at once)

    def translate(self, texts: list[str]) -> list[tuple[str, tuple[str, ...]]]: ...


# ---------------------------------------------------------------------------------------------
# Apertium


@dataclass(frozen=True)
class ApertiumInfo:
    """Installed Apertium and its fr-es and eng-spa data versions."""

    label: str
    executable: str


def _debian_version(package: str) -> str:
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "?"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "?"


@lru_cache(maxsize=1)
def apertium_info() -> ApertiumInfo | None:
    """Apertium with both fr-es and spa-eng modes, or None."""
    executable = shutil.which("apertium")
    if executable is None:
        return None
    try:
        modes = subprocess.run([executable, "-l"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    if "fr-es" not in modes or "spa-eng" not in modes:
        return None
    label = f"apertium {_debian_version('apertium')}, fr-es {_debian_version('apertium-fr-es')}, eng-spa {_debian_version('apertium-eng-spa')}"
    return ApertiumInfo(label, executable)


def _strip_apertium_marks(line: str, source: str) -> tuple[str, tuple[str, ...]]:
    """Remove Apertium's `*` (unknown), `@` (untranslated) and `#` (generation) marks; return (text, unknown words).

    A mark already present in the source text (a hashtag, an address) is kept.
    """
    unknown: list[str] = []

    def replace(found: re.Match[str]) -> str:
        if found.group(0) in source:
            return found.group(0)
        if found.group(1) in "*@":
            unknown.append(found.group(2))
        return found.group(2)

    return _APERTIUM_MARK.sub(replace, line).strip(), tuple(unknown)


class _LineCountError(RuntimeError):
    """Apertium returned a different number of lines than it was given."""


class ApertiumEngine:
    """Apertium fr→es→en: one `apertium fr-es` and one `apertium spa-eng` process for the whole batch."""

    name = "apertium"
    chunk_size = None

    def __init__(self, info: ApertiumInfo) -> None:
        self.info = info
        self.label = f"apertium fr→es→en ({info.label}; rule-based, rough)"
        self.key = f"apertium|{info.label}|{CACHE_FORMAT}"

    def _run(self, mode: str, lines: list[str]) -> list[str]:
        try:
            result = subprocess.run([self.info.executable, mode], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
        except subprocess.CalledProcessError as error:
            raise RuntimeError(f"apertium {mode} failed: {error.stderr.strip()}") from None
        out = result.stdout.rstrip("\n").split("\n")
        if len(out) != len(lines):
            raise _LineCountError(f"apertium {mode} returned {len(out)} lines for {len(lines)}")
        return out

    def translate(self, texts: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        try:
            spanish = [_strip_apertium_marks(line, source) for line, source in zip(self._run("fr-es", texts), texts)]
            english = self._run("spa-eng", [text for text, _ in spanish])
        except _LineCountError:
            if len(texts) == 1:
                raise
            # some input made Apertium add or merge a line: fall back to one run per text rather than fail the document
            return [result for text in texts for result in self.translate([text])]
        return [(_strip_apertium_marks(line, source)[0], unknown) for line, (source, unknown) in zip(english, spanish)]


# ---------------------------------------------------------------------------------------------
# argos (CTranslate2 + SentencePiece)


def _threads() -> tuple[int, int]:
    """(inter_threads, intra_threads): one translation worker per core, so batches run in parallel."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    inter = max(1, min(cores, 4))
    return inter, max(1, cores // inter)


@lru_cache(maxsize=2)
def load_ctranslate2(model_dir: str, inter_threads: int, intra_threads: int):
    """The CTranslate2 translator of a package, loaded once per process."""
    import ctranslate2

    return ctranslate2.Translator(model_dir, device="cpu", inter_threads=inter_threads, intra_threads=intra_threads, compute_type="auto")


@lru_cache(maxsize=2)
def load_sentencepiece(model_file: str):
    """The SentencePiece processor of a package, loaded once per process."""
    import sentencepiece

    return sentencepiece.SentencePieceProcessor(model_file=model_file)


class ArgosEngine:
    """An argos package's CTranslate2 model, fed our own segments in batches (no sentence splitting)."""

    name = "argos"
    chunk_size = ARGOS_CHUNK

    def __init__(self, package: ArgosPackage, beam_size: int = DEFAULT_BEAM_SIZE) -> None:
        self.package = package
        self.beam_size = beam_size
        self.label = f"argos {package.label} (neural)"
        self.key = f"argos|{package.name}|{package.version}|beam{beam_size}|{CACHE_FORMAT}"
        self.inter_threads, self.intra_threads = _threads()
        self.translator = load_ctranslate2(str(package.model_dir), self.inter_threads, self.intra_threads)
        self.tokenizer = load_sentencepiece(str(package.sentencepiece_model))

    def tokenize(self, texts: list[str]) -> list[list[str]]:
        return [self.tokenizer.encode(text, out_type=str) for text in texts]

    def translate_tokens(self, tokens: list[list[str]]):
        """One `translate_batch` call with argos' decoding options, split into one batch per worker."""
        prefix = self.package.target_prefix
        return self.translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            beam_size=self.beam_size,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_batch_size=max(1, min(MAX_BATCH_SIZE, math.ceil(len(tokens) / self.inter_threads))),
            batch_type="examples",
        )

    def detokenize(self, pieces: list[str]) -> str:
        prefix = self.package.target_prefix
        if prefix and pieces and pieces[0] == prefix:
            pieces = pieces[1:]
        return self.tokenizer.decode_pieces(pieces).replace("▁", " ").strip()

    def translate(self, texts: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        results = self.translate_tokens(self.tokenize(texts))
        return [(self.detokenize(result.hypotheses[0]), ()) for result in results]


# ---------------------------------------------------------------------------------------------
# Engine choice


def resolve_engine(requested: str = "auto") -> str:
    """Resolve `auto` to the best installed engine (argos, apertium, none); return the engine name."""
    if requested not in ENGINES:
        raise ValueError(f"unknown MT engine {requested!r}; choose one of {', '.join(ENGINES)}")
    if requested != "auto":
        return requested
    from align.models import find_fr_en_package

    if find_fr_en_package() is not None:
        return "argos"
    return "apertium" if apertium_info() is not None else "none"


def load_engine(name: str, beam_size: int = DEFAULT_BEAM_SIZE) -> Engine:
    """The engine `argos` or `apertium`, ready to translate; ModelMissingError when it is not installed."""
    if name == "argos":
        from align.models import argos_packages_dir, find_fr_en_package

        package = find_fr_en_package()
        if package is None:
            raise ModelMissingError(
                f"no argos French→English package installed in {argos_packages_dir()}; run `python -m align models install` "
                "or use --mt-engine auto|apertium"
            )
        return ArgosEngine(package, beam_size)
    if name == "apertium":
        info = apertium_info()
        if info is None:
            raise ModelMissingError("Apertium fr→es→en is not installed (Debian packages apertium, apertium-fr-es, apertium-eng-spa); run ./scripts/setup.sh")
        return ApertiumEngine(info)
    raise ValueError(f"no engine to load for {name!r}")


# ---------------------------------------------------------------------------------------------
# Preparing segments: decoration, normalisation, glossary placeholders


def normalise_source(text: str) -> str:
    """The text an engine sees and the cache is keyed by: NFC, plain apostrophes and spaces, one line."""
    from align.reading import normalise_for_matching

    text = normalise_for_matching(unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


@dataclass
class _Placeholder:
    token: str
    match: TermMatch
    rendering: str


@dataclass
class _Prepared:
    lead: str
    trail: str
    source: str  # normalised protected core; "" when there is nothing to translate
    placeholders: list[_Placeholder]


def _split_decoration(segment: str) -> tuple[str, str, str]:
    """(leading bullet/number/quote, core, closing quote) — quotes only when the segment is quoted as a whole."""
    lead = _LEAD.match(segment).group(0)
    rest = segment[len(lead):]
    opening = _OPEN_QUOTE.match(rest)
    closing = _CLOSE_QUOTE.search(rest)
    if opening and closing and closing.start() > opening.end():
        return lead + opening.group(0), rest[opening.end():closing.start()], rest[closing.start():]
    return lead, rest, ""


def english_rendering(glossary: Glossary, match: TermMatch) -> str | None:
    """The English the engine must write for a French glossary match.

    An acronym renders as the concept's English acronym (SLNA → NALS), a short form of the
    French preferred term as the matching short form of the English one ("Groupe de travail
    trilatéral" → "Trilateral Working Group"); anything else as the English preferred term.
    """
    preferred = glossary.preferred(match.concept, "en")
    english = [entry for entry in glossary.concept_entries(match.concept, "en") if entry.status in CONSTRAINED_STATUSES]
    english.sort(key=lambda entry: entry.status != "preferred")
    if match.type == "acronym":
        acronyms = [entry.term for entry in english if entry.type == "acronym"]
        return acronyms[0] if acronyms else preferred
    french_preferred = glossary.preferred(match.concept, "fr") or ""
    entry = (match.entry or match.term).lower()
    if preferred and match.status == "admitted" and len(entry) < len(french_preferred) and french_preferred.lower().startswith(entry):
        short_forms = [candidate.term for candidate in english
                       if candidate.type != "acronym" and candidate.term != preferred and preferred.lower().startswith(candidate.term.lower())]
        if short_forms:
            return max(short_forms, key=len)
    return preferred


def _constraints(segment: str, glossary: Glossary | None) -> list[tuple[TermMatch, str]]:
    """Longest non-overlapping preferred/admitted French glossary terms with an English preferred term, by position."""
    if glossary is None:
        return []
    from align.glossary import find_terms

    candidates = []
    for match in find_terms(segment, "fr", glossary):
        # a match with a word inside it ("traite transfrontalière des personnes") is left to the engine: protecting it would drop that word
        if match.status in CONSTRAINED_STATUSES and match.end > match.start and not match.gap:
            rendering = english_rendering(glossary, match)
            if rendering:
                candidates.append((match, rendering))
    chosen: list[tuple[TermMatch, str]] = []
    for match, rendering in sorted(candidates, key=lambda item: (-(item[0].end - item[0].start), item[0].start)):
        if all(match.end <= other.start or match.start >= other.end for other, _ in chosen):
            chosen.append((match, rendering))
    return sorted(chosen, key=lambda item: item[0].start)


def prepare_segment(segment: str, glossary: Glossary | None) -> _Prepared:
    """Split off the decoration, protect glossary terms with placeholders, normalise: what the engine will see (`.source`)."""
    lead, core, trail = _split_decoration(segment)
    if not _LETTER.search(core):
        return _Prepared(segment, "", "", [])
    offset = len(lead)
    matches = [(m, r) for m, r in _constraints(segment, glossary) if m.start >= offset and m.end <= offset + len(core)]
    number = 701
    while any(str(n) in segment for n in range(number, number + len(matches))):
        number += 100
    placeholders = []
    pieces = []
    position = offset
    for index, (match, rendering) in enumerate(matches):
        token = str(number + index)
        before = " " if match.start > 0 and segment[match.start - 1].isalnum() else ""
        after = " " if match.end < len(segment) and segment[match.end].isalnum() else ""
        pieces += [segment[position:match.start], f"{before}{token}{after}"]
        placeholders.append(_Placeholder(token, match, rendering))
        position = match.end
    pieces.append(segment[position:offset + len(core)])
    return _Prepared(lead, trail, normalise_source("".join(pieces)), placeholders)


def _token_pattern(token: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d){token}(?!\d)")


def _restore(text: str, placeholders: list[_Placeholder], at_start: bool) -> tuple[str, list[tuple[_Placeholder, int, int]]] | None:
    """Replace each placeholder by its rendering; None when one is missing or repeated."""
    if not placeholders:
        return text, []
    found = []
    for placeholder in placeholders:
        hits = list(_token_pattern(placeholder.token).finditer(text))
        if len(hits) != 1:
            return None
        found.append((hits[0].start(), hits[0].end(), placeholder))
    out, spans, position = [], [], 0
    for start, end, placeholder in sorted(found, key=lambda item: item[0]):
        out.append(text[position:start])
        rendering = placeholder.rendering
        if at_start and start == 0:
            rendering = rendering[:1].upper() + rendering[1:]
        begin = sum(len(part) for part in out)
        out.append(rendering)
        spans.append((placeholder, begin, begin + len(rendering)))
        position = end
    out.append(text[position:])
    return "".join(out), spans


def _pieces(prepared: _Prepared) -> list[str]:
    """The protected source split at the placeholders (empty strings where two placeholders touch)."""
    if not prepared.placeholders:
        return [prepared.source]
    pattern = re.compile("|".join(rf"(?<!\d){p.token}(?!\d)" for p in prepared.placeholders))
    return [piece.strip() for piece in pattern.split(prepared.source)]


def _join_pieces(translated: list[str], placeholders: list[_Placeholder]) -> tuple[str, list[tuple[_Placeholder, int, int]]]:
    """Interleave translated pieces and glossary renderings, recording where each rendering lands."""
    text, spans = "", []
    for index, piece in enumerate(translated):
        if piece:
            text += ("" if not text or piece[0] in ",.;:!?)]" else " ") + piece
        if index < len(placeholders):
            rendering = placeholders[index].rendering
            if not text:
                rendering = rendering[:1].upper() + rendering[1:]
            elif not text.endswith(("'", "(", "[")):
                text += " "
            spans.append((placeholders[index], len(text), len(text) + len(rendering)))
            text += rendering
    return text, spans


# ---------------------------------------------------------------------------------------------
# Translating


def _open_cache(cache: TranslationCache | str | Path | bool | None) -> TranslationCache | None:
    if cache is False:
        return None
    from align.cache import TranslationCache

    if isinstance(cache, TranslationCache):
        return cache
    return _cache_at(str(Path(cache).expanduser().resolve()) if cache not in (None, True) else None)


@lru_cache(maxsize=4)
def _cache_at(folder: str | None) -> TranslationCache:
    from align.cache import TranslationCache

    return TranslationCache(folder)


def _translate_texts(engine: Engine, texts: list[str], cache: TranslationCache | None, progress: Progress | None) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Raw translations of unique texts: from the cache, else from the engine in committed chunks."""
    unique = [text for text in dict.fromkeys(texts) if text]
    done = cache.get_many(engine.key, unique) if cache is not None else {}
    todo = [text for text in unique if text not in done]
    if progress is not None:
        progress(0, len(todo))
    size = engine.chunk_size or max(1, len(todo))
    for start in range(0, len(todo), size):
        chunk = todo[start:start + size]
        results = engine.translate(chunk)
        done.update(zip(chunk, results))
        if cache is not None:
            cache.put_many(engine.key, [(text, target, unknown) for text, (target, unknown) in zip(chunk, results)])
        if progress is not None:
            progress(start + len(chunk), len(todo))
    return done


def translate_segments(
    segments: list[str],
    engine: str = "auto",
    *,
    glossary: Glossary | None = None,
    cache: TranslationCache | str | Path | bool | None = None,
    beam_size: int = DEFAULT_BEAM_SIZE,
    progress: Progress | None = None,
) -> list[Translation]:
    """Translate French segments to English, one Translation per segment, in order.

    `engine`: auto|argos|apertium|none. `glossary`: constrain its preferred/admitted French terms
    to their preferred English term. `cache`: a TranslationCache, a cache folder, None for the
    default folder (`align.cache.default_cache_dir`) or False for none. Leading bullets, list
    numbers and enclosing quotes are kept as they are around the translation.
    """
    chosen = resolve_engine(engine)
    if chosen == "none" or not segments:
        return [Translation("", "none") for _ in segments]
    loaded = load_engine(chosen, beam_size)
    store = _open_cache(cache)
    prepared = [prepare_segment(segment, glossary) for segment in segments]
    raw = _translate_texts(loaded, [item.source for item in prepared], store, progress)

    restored: list[tuple[str, list[tuple[_Placeholder, int, int]]] | None] = []
    for item in prepared:
        restored.append(_restore(raw[item.source][0], item.placeholders, at_start=True) if item.source else ("", []))
    lost = [index for index, result in enumerate(restored) if result is None]
    if lost:  # the engine dropped a placeholder: translate the text around the terms piece by piece
        pieces = {index: _pieces(prepared[index]) for index in lost}
        raw.update(_translate_texts(loaded, [p for ps in pieces.values() for p in ps if _LETTER.search(p)], store, progress))
        for index in lost:
            translated = [raw[p][0] if _LETTER.search(p) else p for p in pieces[index]]
            restored[index] = _join_pieces(translated, prepared[index].placeholders)

    results = []
    for index, item in enumerate(prepared):
        text, spans = restored[index]
        unknown = list(raw[item.source][1]) if item.source else []
        if index in lost:
            unknown = [word for piece in _pieces(item) if piece in raw for word in raw[piece][1]]
        lead = item.lead if text else ""
        constrained = tuple(
            ConstrainedTerm(p.match.concept, p.match.term, p.rendering, p.match.start, p.match.end, start + len(lead), end + len(lead))
            for p, start, end in spans
        )
        full = f"{lead}{text}{item.trail}" if text else item.lead
        results.append(Translation(full, loaded.label, tuple(dict.fromkeys(unknown)), constrained))
    return results
