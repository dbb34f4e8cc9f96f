"""The whole chain for one document: segment → translate → embed → align → check."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from align.alignment import REVIEW_THRESHOLD, Link, align_texts, calibration_notice, translation_confidence
from align.checks import boilerplate_flags, check_alignment, flags_frame, typography_flags
from align.embedding import DEFAULT_MODEL, ENGLISH_MODEL, load_encoder
from align.glossary import Glossary
from align.reading import Document
from align.segmentation import Segment, segment_text
from align.translation import UNAVAILABLE_NOTICE, Translation, translate_segments

ALIGNMENT_COLUMNS = ("link", "fr_ids", "en_ids", "fr", "mt", "en", "score", "status", "mt_engine")
STAGES = ("segment", "translate", "embed", "align", "check")

Progress = Callable[[str], None]


@dataclass
class DocumentResult:
    """Everything the pipeline produced for one document."""

    document: Document
    fr_segments: list[Segment]
    en_segments: list[Segment]
    alignment: pl.DataFrame
    flags: pl.DataFrame
    notices: list[str] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)
    """Machine translation of each alignable French segment (what `fr_ids` index), for re-drawing links in review."""

    @property
    def has_official(self) -> bool:
        return self.document.en_text is not None

    def summary(self) -> str:
        """One line: counts of links, review status, flags by severity and by kind."""
        statuses = self.alignment["status"].value_counts()
        counts = dict(zip(statuses["status"].to_list(), statuses["count"].to_list()))
        severities = self.flags["severity"].value_counts() if self.flags.height else None
        flag_counts = dict(zip(severities["severity"].to_list(), severities["count"].to_list())) if severities is not None else {}
        english = "official EN" if self.has_official else "no official EN"
        return (
            f"{self.document.name}: {len(self.fr_segments)} FR segments, {english}, {self.alignment.height} links "
            f"({counts.get('needs-review', 0)} need review), flags: "
            f"{flag_counts.get('error', 0)} error, {flag_counts.get('warning', 0)} warning, {flag_counts.get('info', 0)} info"
            + (f" ({', '.join(f'{kind} {count}' for kind, count in sorted(Counter(self.flags['kind'].to_list()).items()))})"
               if self.flags.height else "")
            + "".join(f"; {notice}" for notice in self.notices)
        )


def run_document(
    document: Document,
    glossary: Glossary,
    *,
    mt_engine: str = "auto",
    embedding_model: str = DEFAULT_MODEL,
    progress: Progress | None = None,
    mt_cache: object = None,
    mt_progress: Callable[[int, int], None] | None = None,
    mt_beam_size: int = 4,
) -> DocumentResult:
    """Run every stage on one document.

    `mt_cache`: translation cache folder (None: the user cache dir; False: no cache);
    `mt_progress(done, total)` reports translation progress; `mt_beam_size` is argos' beam size.
    """
    report = progress or (lambda stage: None)
    report("segment")
    fr_all = segment_text(document.fr_text, "fr")
    en_all = segment_text(document.en_text, "en") if document.en_text is not None else []
    fr_segments = [segment for segment in fr_all if segment.alignable]
    en_segments = [segment for segment in en_all if segment.alignable]
    notices: list[str] = []

    report("translate")
    translations = translate_segments([segment.text for segment in fr_segments], mt_engine, glossary=glossary, cache=mt_cache,
                                      progress=mt_progress, beam_size=mt_beam_size)
    if translations and translations[0].engine == "none":
        notices.append(UNAVAILABLE_NOTICE)

    report("embed")
    encoder = load_encoder(embedding_model)
    if notice := calibration_notice(embedding_model):
        notices.append(notice)
    fr_texts = [segment.text for segment in fr_segments]
    mt_texts = [t.text for t in translations]
    encoder.encode(fr_texts + [segment.text for segment in en_segments])  # the slow part when cold; the aligner then reads the cache

    report("align")
    if document.en_text is not None:
        has_mt = any(text.strip() for text in mt_texts)
        aligned = align_texts(fr_texts, [segment.text for segment in en_segments], encoder, mt=mt_texts if has_mt else None,
                              mt_encoder=load_encoder(ENGLISH_MODEL) if has_mt else None,
                              fr_kinds=[segment.kind for segment in fr_segments], en_kinds=[segment.kind for segment in en_segments])
        links = aligned.links
        if aligned.warning:
            notices.append(f"warning: {aligned.warning}")
    else:  # no official English: the score says how well the MT renders the French (calibrated like a link score)
        links = [Link((i,), (), score, "auto" if score >= REVIEW_THRESHOLD else "needs-review")
                 for i, score in enumerate(translation_confidence(fr_texts, mt_texts, encoder))]
    alignment = alignment_frame(links, fr_texts, [t.text for t in translations], [s.text for s in en_segments],
                                [t.engine for t in translations])

    report("check")
    mt_unknown = {number: [word for i in link.fr_ids for word in translations[i].unknown_words] for number, link in enumerate(links)}
    flags = check_alignment(alignment, glossary, document.en_text is not None,
                            mt_constrained=any(t.constrained for t in translations), mt_unknown_words=mt_unknown)
    flags += typography_flags(fr_segments, alignment, "fr") + typography_flags(en_segments, alignment, "en")
    flags += boilerplate_flags(fr_all, "fr") + boilerplate_flags(en_all, "en")
    return DocumentResult(document, fr_all, en_all, alignment, flags_frame(flags), notices, translations)


def alignment_frame(links: list[Link], fr: list[str], mt: list[str], en: list[str], engines: list[str]) -> pl.DataFrame:
    """Build the alignment table (columns `ALIGNMENT_COLUMNS`) from links and sentence texts."""
    rows = []
    for number, link in enumerate(links):
        rows.append({
            "link": number,
            "fr_ids": list(link.fr_ids),
            "en_ids": list(link.en_ids),
            "fr": " ".join(fr[i] for i in link.fr_ids),
            "mt": " ".join(mt[i] for i in link.fr_ids if mt[i]),
            "en": " ".join(en[i] for i in link.en_ids),
            "score": link.score,
            "status": link.status,
            "mt_engine": engines[link.fr_ids[0]] if link.fr_ids else "",
        })
    schema = {"link": pl.Int64, "fr_ids": pl.List(pl.Int64), "en_ids": pl.List(pl.Int64), "fr": pl.Utf8, "mt": pl.Utf8,
              "en": pl.Utf8, "score": pl.Float64, "status": pl.Utf8, "mt_engine": pl.Utf8}
    return pl.DataFrame(rows, schema=schema)
