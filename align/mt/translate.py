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

For Apertium the domain lexicon (`glossary/mt-lexicon.csv`, `align.mt.lexicon`) is protected the same way, the
rendering fixes of `align.mt.constraints.RenderingOptions` apply, and then the English post-edits of
`align.mt.postedit` (figures in README.md); lexicon renderings are not glossary constraints, so they are not in
`Translation.constrained`. The post-edits run after the cache, and the constrained spans move with them.

The engines are in `align.mt.engines` (one module each), the placeholders in
`align.mt.constraints`. Raw engine outputs are cached in SQLite (`align.mt.cache`) keyed by engine/model version and the
normalised, protected source text, so the glossary renderings are applied after the cache and a
changed glossary never serves stale text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from align.model import ConstrainedTerm, Translation
from align.mt.argos import DEFAULT_BEAM_SIZE
from align.mt.cache import TranslationCache
from align.mt.constraints import (
    _LETTER,
    ALL_FIXES,
    NO_FIXES,
    RenderingOptions,
    _join_pieces,
    _pieces,
    _Placeholder,
    _restore,
    drop_articles,
    drop_trailing_the,
    is_lexicon,
    prepare,
)
from align.mt.engines import Engine, load_engine, resolve_engine
from align.mt.lexicon import Lexicon, default_lexicon
from align.mt.postedit import POSTEDITS, PostEdit, postedit
from align.terms.glossary import Glossary

UNAVAILABLE_NOTICE = "machine translation unavailable"
Progress = Callable[[int, int], None]


def _open_cache(cache: TranslationCache | str | Path | bool | None) -> TranslationCache | None:
    if cache is False:
        return None
    if isinstance(cache, TranslationCache):
        return cache
    return _cache_at(str(Path(cache).expanduser().resolve()) if cache not in (None, True) else None)

@lru_cache(maxsize=4)
def _cache_at(folder: str | None) -> TranslationCache:
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

_OPEN_SPAN, _CLOSE_SPAN = "\ue000", "\ue001"


Spans = list[tuple[_Placeholder, int, int]]


def _postedit_around(fr: str, text: str, spans: Spans, rules: tuple[PostEdit, ...]) -> tuple[str, Spans]:
    """Post-edit the MT and move the rendering spans with it: the renderings travel through the rules between private-use marks."""
    marked, position = [], 0
    for _, start, end in spans:
        marked += [text[position:start], _OPEN_SPAN, text[start:end], _CLOSE_SPAN]
        position = end
    marked.append(text[position:])
    edited = postedit(fr, "".join(marked), rules)
    out, moved, begin, position = [], [], 0, 0
    for placeholder, _, _ in spans:
        start, end = edited.find(_OPEN_SPAN, position), edited.find(_CLOSE_SPAN, position)
        if start < 0 or end < start:
            return text, spans  # a rule swallowed a mark: keep the unedited text rather than misplace a rendering
        out.append(edited[position:start])
        begin = sum(map(len, out))
        out.append(edited[start + 1:end])
        moved.append((placeholder, begin, begin + end - start - 1))
        position = end + 1
    out.append(edited[position:])
    result = "".join(out)
    if _OPEN_SPAN in result or _CLOSE_SPAN in result:
        return text, spans
    return result, moved


def translate_segments(
    segments: list[str],
    engine: str = "auto",
    *,
    glossary: Glossary | None = None,
    cache: TranslationCache | str | Path | bool | None = None,
    beam_size: int = DEFAULT_BEAM_SIZE,
    progress: Progress | None = None,
    lexicon: Lexicon | bool | None = True,
    options: RenderingOptions | None = None,
) -> list[Translation]:
    """Translate French segments to English, one Translation per segment, in order.

    `engine`: auto|argos|apertium|none. `glossary`: constrain its preferred/admitted French terms
    to their preferred English term. `cache`: a TranslationCache, a cache folder, None for the
    default folder (`align.settings.cache_dir`) or False for none. Leading bullets, list
    numbers and enclosing quotes are kept as they are around the translation. `lexicon`: True for the
    engine's default (the project lexicon for Apertium, none for argos), a Lexicon, or False/None for none.
    `options`: the rendering fixes (default: all for Apertium, none for argos, where they are not measured).
    """
    chosen = resolve_engine(engine)
    if chosen == "none" or not segments:
        return [Translation("", "none") for _ in segments]
    loaded = load_engine(chosen, beam_size)
    store = _open_cache(cache)
    rule_based = getattr(loaded, "uses_lexicon", False)
    if lexicon is True:
        lexicon = default_lexicon() if rule_based else None
    if options is None:
        options = ALL_FIXES if rule_based else NO_FIXES
    prepared = [prepare(segment, glossary, lexicon or None, options) for segment in segments]
    raw = _translate_texts(loaded, [item.source for item in prepared], store, progress)

    restored: list[tuple[str, list[tuple[_Placeholder, int, int]]] | None] = []
    for item in prepared:
        restored.append(_restore(drop_articles(raw[item.source][0], item.drop_the), item.placeholders, at_start=True) if item.source else ("", []))
    lost = [index for index, result in enumerate(restored) if result is None]
    if lost:  # the engine dropped a placeholder: translate the text around the terms piece by piece
        pieces = {index: _pieces(prepared[index]) for index in lost}
        raw.update(_translate_texts(loaded, [p for ps in pieces.values() for p in ps if _LETTER.search(p)], store, progress))
        for index in lost:
            translated = [raw[p][0] if _LETTER.search(p) else p for p in pieces[index]]
            tokens = [p.token for p in prepared[index].placeholders]
            drop = prepared[index].drop_the
            translated = [drop_trailing_the(piece) if n < len(tokens) and tokens[n] in drop else piece for n, piece in enumerate(translated)]
            restored[index] = _join_pieces(translated, prepared[index].placeholders)

    rules = tuple(rule for rule in POSTEDITS if rule.name in options.postedits)
    results = []
    for index, item in enumerate(prepared):
        text, spans = restored[index]
        if rules and text:  # only the glossary renderings are marked through the edits: their positions are recorded, the lexicon's are not
            glossary_spans = [span for span in spans if not is_lexicon(span[0].match)]
            text, glossary_spans = _postedit_around(segments[index], text, glossary_spans, rules)
            spans = glossary_spans
        unknown = list(raw[item.source][1]) if item.source else []
        if index in lost:
            unknown = [word for piece in _pieces(item) if piece in raw for word in raw[piece][1]]
        lead = item.lead if text else ""
        constrained = tuple(
            ConstrainedTerm(p.match.concept, p.match.term, p.rendering, p.match.start, p.match.end, start + len(lead), end + len(lead))
            for p, start, end in spans if not is_lexicon(p.match)
        )
        full = f"{lead}{text}{item.trail}" if text else item.lead
        results.append(Translation(full, loaded.label, tuple(dict.fromkeys(unknown)), constrained))
    return results
