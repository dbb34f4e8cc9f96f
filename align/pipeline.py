"""The whole chain: read → segment → translate → embed → align → check, for one document or many.

`run_document` is the one pipeline function: the CLI, the app and the corpus runners (align/runner) call it,
so there is no second pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from align.aligner.alignment import REVIEW_THRESHOLD, align_texts, calibration_notice, translation_confidence
from align.aligner.embedding import DEFAULT_MODEL, ENGLISH_MODEL, load_encoder
from align.checks import CheckContext, check_run
from align.checks.grammar import unavailable_notice as grammar_notice
from align.model import Document, DocumentResult, Flag, Link, Translation
from align.mt.quality import applies_to, mt_quality
from align.mt.translate import UNAVAILABLE_NOTICE, translate_segments
from align.terms.glossary import Glossary
from align.text.french_parser import unavailable_notice as parser_notice
from align.text.language import language_warning
from align.text.segmentation import segment_text

STAGES = ("segment", "translate", "embed", "align", "check")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunOptions:
    """Settings of a run that change its results (the MT engine, the embedding model) or where it keeps its caches."""

    mt_engine: str = "auto"
    embedding_model: str = DEFAULT_MODEL
    cache: object = None
    """Cache folder of machine translations and embeddings (None: `align.settings.cache_dir()`; False: no MT cache)."""
    mt_beam_size: int = 4


def run_document(
    document: Document,
    glossary: Glossary,
    options: RunOptions | None = None,
    *,
    progress: Progress | None = None,
    mt_progress: Callable[[int, int], None] | None = None,
    glossary_matches: dict | None = None,
) -> DocumentResult:
    """Run every stage on one document. `progress(stage)` reports each stage; `mt_progress(done, total)` the translation.
    `glossary_matches`, a dict kept by the caller for `glossary`, receives the glossary matches of each text (`check_run`'s
    `matches`): the app hands it to the review's re-checks, so that the first correction does not find them all again."""
    options = options or RunOptions()
    report = progress or (lambda stage: None)
    report("segment")
    fr_all = segment_text(document.fr_text, "fr")
    en_all = segment_text(document.en_text, "en") if document.en_text is not None else []
    fr_texts = [segment.text for segment in fr_all if segment.alignable]
    en_segments = [segment for segment in en_all if segment.alignable]
    notices: list[str] = [f"warning: {warning}" for warning in document.warnings]
    for text, lang, what in ((document.fr_text, "fr", "the French file"), (document.en_text, "en", "the English file")):
        if warning := language_warning(text, lang, what):
            notices.append(f"warning: {warning}")

    report("translate")
    translations = translate_segments(fr_texts, options.mt_engine, glossary=glossary, cache=options.cache, progress=mt_progress,
                                      beam_size=options.mt_beam_size)
    if translations and translations[0].engine == "none":
        notices.append(UNAVAILABLE_NOTICE)

    report("embed")
    cache_dir = None if options.cache in (None, False, True) else str(options.cache)
    encoder = load_encoder(options.embedding_model, cache_dir)
    if notice := calibration_notice(options.embedding_model):
        notices.append(notice)
    encoder.encode(fr_texts + [segment.text for segment in en_segments])  # the slow part when cold; the aligner then reads the cache

    report("align")
    links, warning = _align(document, fr_texts, translations, en_segments, fr_all, encoder, cache_dir)
    if warning:
        notices.append(f"warning: {warning}")

    report("check")
    result = DocumentResult(document, fr_all, en_all, translations, links, [], notices)
    checked = check_run(result.units, check_context(result, glossary), matches=glossary_matches)
    for notice in (grammar_notice(), parser_notice()):
        if notice:
            notices.append(notice)
    result.flags = checked.flags
    result.links = flagged_for_review(result.links, result.flags)
    # the statuses the line above sets do not change what the checks found; the review's re-checks reuse it
    result.link_check_flags = (tuple(result.links), checked.own)
    return result


def flagged_for_review(links: list[Link], flags: Iterable[Flag]) -> list[Link]:
    """`links` with every `auto` link that carries an error flag set to `needs-review` (a confirmed link stays confirmed)."""
    with_errors = {flag.link for flag in flags if flag.severity == "error" and flag.link is not None}
    return [replace(link, status="needs-review") if link.status == "auto" and number in with_errors else link
            for number, link in enumerate(links)]


def check_context(result: DocumentResult, glossary: Glossary) -> CheckContext:
    """What the checks need to know about a document beyond its units."""
    return CheckContext(
        glossary,
        result.has_official,
        mt_constrained=any(t.constrained for t in result.translations),
        mt_unknown_words=mt_unknown_words(result.links, result.translations),
        fr_segments=tuple(result.fr_segments),
        en_segments=tuple(result.en_segments),
        left_out=result.document.left_out,
    )


def mt_unknown_words(links: list[Link], translations: list[Translation]) -> dict[int, list[str]]:
    """Words the MT engine did not know, by link number."""
    return {number: [word for i in link.fr_ids for word in translations[i].unknown_words] for number, link in enumerate(links)}


def mt_only_confidence(fr_texts: list[str], translations: list[Translation], encoder) -> list[float]:
    """No official English: how far to trust each MT. `translation_confidence` catches an empty or unrelated MT; for rule-based
    MT the reader-fitted estimate of `align.mt.quality` (the chance a reader finds it usable) caps it."""
    scores = translation_confidence(fr_texts, [t.text for t in translations], encoder)
    return [min(score, mt_quality(fr, translation)) if applies_to(translation) else score
            for score, fr, translation in zip(scores, fr_texts, translations)]


def _align(document, fr_texts, translations, en_segments, fr_all, encoder, cache_dir) -> tuple[list[Link], str | None]:
    if document.en_text is None:  # no official English: the score says how far the MT can be trusted (a probability, like a link score)
        return [Link((i,), (), score, "auto" if score >= REVIEW_THRESHOLD else "needs-review")
                for i, score in enumerate(mt_only_confidence(fr_texts, translations, encoder))], None
    mt_texts = [t.text for t in translations]
    has_mt = any(text.strip() for text in mt_texts)
    aligned = align_texts(fr_texts, [segment.text for segment in en_segments], encoder, mt=mt_texts if has_mt else None,
                          mt_encoder=load_encoder(ENGLISH_MODEL, cache_dir) if has_mt else None,
                          fr_kinds=[segment.kind for segment in fr_all if segment.alignable],
                          en_kinds=[segment.kind for segment in en_segments])
    return aligned.links, aligned.warning
