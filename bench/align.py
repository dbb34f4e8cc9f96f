"""`python -m align bench align`: the aligner against the gold sets in ../shared/bench/.

Prints, per document and per set, strict and lax precision, recall and F1 (the metric of
`bench.scoring`), the precision of links per score band, wall time and peak memory, for our
aligner and for a plain Gale–Church baseline run in the same process. Development documents
(Text+Berg `dev` and the TransRead books in `align.aligner.alignment.DEV_BOOKS`) are reported apart
from the held-out ones. `--fit` refits the confidence calibration on the development documents
and prints the coefficients; `--scaling` times the aligner on concatenated books of growing size.
"""

from __future__ import annotations

import math
import resource
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from align.aligner.alignment import DEFAULT_PARAMS, DEV_BOOKS, LINK_FEATURES, NULL_FEATURES, align_texts
from align.aligner.embedding import DEFAULT_MODEL, ENGLISH_MODEL, load_encoder
from align.errors import InputError
from bench.baselines import gale_church
from bench.scoring import Bead, Counts, link_hits, read_links, score_document

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH_DIR = REPO_ROOT.parent / "shared" / "bench"
SETS = ("transread", "textberg", "all")
FIT_PRECISION = 0.985
"""Dev precision asked of links scored ≥ 0.9 when refitting (0.98 on dev gave 0.975 on held-out documents)."""
BANDS = ((0.9, 1.01, "≥0.9"), (0.7, 0.9, "0.7–0.9"), (0.5, 0.7, "0.5–0.7"), (0.0, 0.5, "<0.5"))


@dataclass
class BenchDocument:
    """One gold document: source and target sentences (one per line) and the gold links."""

    corpus: str
    name: str
    source: list[str]
    target: list[str]
    gold: list[Bead]
    dev: bool


@dataclass
class Outcome:
    """What one aligner produced on one document."""

    links: list[Bead]
    scores: list[float]
    seconds: float
    features: list[dict[str, float]] = field(default_factory=list)


def load_documents(bench_dir: Path, which: str = "all") -> list[BenchDocument]:
    """The gold documents of a set (`transread`, `textberg` or `all`), dev documents included."""
    if not bench_dir.is_dir():
        raise InputError(bench_dir, "benchmark folder not found (expected ../shared/bench next to the repository; pass --bench-dir DIR)")
    documents = []
    if which in ("transread", "all"):
        root = bench_dir / "transread_en-fr"
        if not root.is_dir():
            raise InputError(root, "TransRead folder missing from the benchmark folder")
        for folder in sorted(path for path in root.iterdir() if path.is_dir()):
            name = folder.name
            documents.append(BenchDocument("transread", name, _lines(folder / f"{name}.fr"), _lines(folder / f"{name}.en"),
                                           read_links(folder / f"{name}.fren.gold"), name in DEV_BOOKS))
    if which in ("textberg", "all"):
        root = bench_dir / "textberg_de-fr"
        if not root.is_dir():
            raise InputError(root, "Text+Berg folder missing from the benchmark folder")
        for name in ["dev"] + [f"test{index}" for index in range(7)]:
            documents.append(BenchDocument("textberg", name, _lines(root / f"{name}.de"), _lines(root / f"{name}.fr"),
                                           read_links(root / f"{name}.defr"), name == "dev"))
    return documents


def _lines(path: Path) -> list[str]:
    if not path.exists():
        raise InputError(path, "no such file")
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def run_ours(document: BenchDocument, encoder, params=DEFAULT_PARAMS, mt_encoder=None) -> Outcome:
    start = time.perf_counter()
    mt = None
    if mt_encoder is not None and document.corpus == "transread":
        from align.mt.translate import translate_segments

        mt = [translation.text for translation in translate_segments(document.source, "apertium")]
    result = align_texts(document.source, document.target, encoder, params=params, mt=mt, mt_encoder=mt_encoder)
    seconds = time.perf_counter() - start
    return Outcome([(link.fr_ids, link.en_ids) for link in result.links], [link.score for link in result.links], seconds, result.features)


def run_baseline(document: BenchDocument) -> Outcome:
    start = time.perf_counter()
    links = gale_church(document.source, document.target)
    return Outcome(links, [], time.perf_counter() - start)


def band_table(pairs: list[tuple[BenchDocument, Outcome]]) -> list[tuple[str, int, float, float]]:
    """(band, links, strict precision, lax precision) per score band over all predicted links."""
    rows = []
    hits = [(score, strict, lax) for document, outcome in pairs
            for score, (strict, lax) in zip(outcome.scores, link_hits(document.gold, outcome.links))]
    for low, high, label in BANDS:
        chosen = [(strict, lax) for score, strict, lax in hits if low <= score < high]
        count = len(chosen)
        rows.append((label, count, sum(s for s, _ in chosen) / count if count else float("nan"),
                     sum(lax for _, lax in chosen) / count if count else float("nan")))
    return rows


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fmt(scores: dict[str, float]) -> str:
    return (f"P {scores['strict_precision']:.4f} R {scores['strict_recall']:.4f} F1 {scores['strict_f1']:.4f} | "
            f"lax P {scores['lax_precision']:.4f} R {scores['lax_recall']:.4f} F1 {scores['lax_f1']:.4f}")


def command_bench_align(args) -> int:
    """Entry point of `python -m align bench align`."""
    bench_dir = Path(args.bench_dir) if args.bench_dir else DEFAULT_BENCH_DIR
    documents = load_documents(bench_dir, args.set)
    if args.scaling:
        return _scaling(bench_dir, args)
    out = sys.stdout
    print(f"benchmark: {bench_dir} ({args.set}); dev documents: Text+Berg dev, {', '.join(DEV_BOOKS)}", file=out)

    baseline_start = time.perf_counter()
    baselines = {(d.corpus, d.name): run_baseline(d) for d in documents}
    baseline_seconds = time.perf_counter() - baseline_start
    baseline_peak = _peak_mb()

    start = time.perf_counter()
    encoder = load_encoder(args.embedding_model or DEFAULT_MODEL, args.cache, not args.no_cache)
    ours = {}
    from tqdm import tqdm

    params, mt_encoder = DEFAULT_PARAMS, None
    if args.mt_weight:
        params = replace(DEFAULT_PARAMS, w_mt=args.mt_weight)
        mt_encoder = load_encoder(ENGLISH_MODEL, args.cache, not args.no_cache)
        print(f"MT↔EN signal: Apertium fr→en machine translation of the TransRead French, {ENGLISH_MODEL}, weight {args.mt_weight}", file=out)
    for document in tqdm(documents, desc="aligning", disable=not sys.stderr.isatty(), leave=False):
        ours[(document.corpus, document.name)] = run_ours(document, encoder, params, mt_encoder)
    our_seconds = time.perf_counter() - start
    our_peak = _peak_mb()

    print(f"\n{'document':32} {'src':>5} {'tgt':>5} {'gold':>5} | ours strict P / R / F1, lax F1     | Gale–Church strict F1 | ours s", file=out)
    for document in documents:
        key = (document.corpus, document.name)
        mine = score_document(document.gold, ours[key].links).scores()
        base = score_document(document.gold, baselines[key].links).scores()
        label = f"{document.corpus}/{document.name}" + (" (dev)" if document.dev else "")
        print(f"{label:32} {len(document.source):5} {len(document.target):5} {len(document.gold):5} | "
              f"{mine['strict_precision']:.4f} {mine['strict_recall']:.4f} {mine['strict_f1']:.4f}  lax {mine['lax_f1']:.4f} | "
              f"{base['strict_f1']:.4f}                | {ours[key].seconds:6.2f}", file=out)

    groups = [
        ("TransRead, all 11 books", lambda d: d.corpus == "transread"),
        (f"TransRead held-out ({sum(1 for d in documents if d.corpus == 'transread' and not d.dev)} books)",
         lambda d: d.corpus == "transread" and not d.dev),
        ("Text+Berg test (test0–6)", lambda d: d.corpus == "textberg" and not d.dev),
        ("development (Text+Berg dev + dev books)", lambda d: d.dev),
    ]
    print("\nset                                        aligner       strict and lax precision / recall / F1", file=out)
    for title, chosen in groups:
        selected = [d for d in documents if chosen(d)]
        if not selected:
            continue
        for label, outcomes in (("ours", ours), ("Gale–Church", baselines)):
            total = Counts()
            for document in selected:
                total = total + score_document(document.gold, outcomes[(document.corpus, document.name)].links)
            print(f"{title:42} {label:13} {_fmt(total.scores())}", file=out)

    for title, chosen in (("held-out documents", lambda d: not d.dev), ("development documents", lambda d: d.dev)):
        pairs = [(d, ours[(d.corpus, d.name)]) for d in documents if chosen(d)]
        if not pairs:
            continue
        print(f"\nprecision per score band, ours, {title}:", file=out)
        print(f"  {'band':8} {'links':>6} {'strict P':>9} {'lax P':>7}", file=out)
        for label, count, strict, lax in band_table(pairs):
            print(f"  {label:8} {count:6} {strict:9.4f} {lax:7.4f}", file=out)

    print(f"\nwall time: ours {our_seconds:.1f} s (model loading and encoding included, {getattr(encoder, 'encoded', 0)} spans encoded, "
          f"the rest from the disk cache); Gale–Church {baseline_seconds:.1f} s", file=out)
    print(f"peak memory (process RSS): after Gale–Church {baseline_peak:.0f} MB; after ours {our_peak:.0f} MB", file=out)
    if args.fit:
        _fit([(d, ours[(d.corpus, d.name)]) for d in documents if d.dev], out)
        _fit_translation([d for d in documents if d.dev], encoder, out)
    return 0


def _fit(pairs: list[tuple[BenchDocument, Outcome]], out) -> None:
    """Refit the two logistic calibrations on development links; print the coefficients."""
    from sklearn.linear_model import LogisticRegression

    for names, is_null in ((LINK_FEATURES, False), (NULL_FEATURES, True)):
        rows, labels = [], []
        for document, outcome in pairs:
            for features, (strict, _) in zip(outcome.features, link_hits(document.gold, outcome.links)):
                if bool(features.get("null")) != is_null or not features:
                    continue
                rows.append([features.get(name, 0.0) for name in names[1:]])
                labels.append(int(strict))
        if len(set(labels)) < 2:
            print(f"fit {'null' if is_null else 'link'}: only one class in {len(labels)} links, skipped", file=out)
            continue
        model = LogisticRegression(C=10.0, max_iter=2000).fit(np.array(rows), np.array(labels))
        coefficients = [float(model.intercept_[0]), *map(float, model.coef_[0])]
        if not is_null:
            # shift the bias so that links scored ≥ 0.9 are ≥ FIT_PRECISION strictly right on the development links
            z = model.decision_function(np.array(rows))
            order = np.argsort(-z)
            correct = np.cumsum(np.array(labels)[order]) / np.arange(1, len(order) + 1)
            ok = np.nonzero(correct >= FIT_PRECISION)[0]
            if len(ok):
                coefficients[0] += math.log(9.0) - float(z[order[ok[-1]]])
        print(f"fit {'NULL' if is_null else 'LINK'}_COEFFICIENTS over {len(labels)} links ({sum(labels)} correct): "
              f"({', '.join(f'{c:.3f}' for c in coefficients)})  # {names}", file=out)


def _fit_translation(documents: list[BenchDocument], encoder, out) -> None:
    """Refit TRANSLATION_COEFFICIENTS: gold 1–1 pairs against the same sentences paired with the translation 3 links away."""
    from sklearn.linear_model import LogisticRegression

    from align.aligner.alignment import TRANSLATION_FEATURES, _length_ratio, pair_features

    rows, labels = [], []
    for document in documents:
        pairs = [(source[0], target[0]) for source, target in document.gold if len(source) == 1 and len(target) == 1]
        if len(pairs) < 10:
            continue
        source_vectors = encoder.encode([document.source[s] for s, _ in pairs])
        target_vectors = encoder.encode([document.target[t] for _, t in pairs])
        ratio = _length_ratio(document.source, document.target)
        for index, (s, _) in enumerate(pairs):
            for other, label in ((index, 1), ((index + 3) % len(pairs), 0)):
                features = pair_features(document.source[s], document.target[pairs[other][1]],
                                         float(source_vectors[index] @ target_vectors[other]), ratio)
                rows.append([features[name] for name in TRANSLATION_FEATURES[1:]])
                labels.append(label)
    model = LogisticRegression(C=10.0, max_iter=2000).fit(np.array(rows), np.array(labels))
    coefficients = (float(model.intercept_[0]), *map(float, model.coef_[0]))
    print(f"fit TRANSLATION_COEFFICIENTS over {len(labels)} pairs: ({', '.join(f'{c:.3f}' for c in coefficients)})  # {TRANSLATION_FEATURES}", file=out)


def _parallel_prefix(documents: list[BenchDocument], size: int) -> tuple[list[str], list[str]]:
    """Books concatenated (repeated if needed) up to `size` source sentences, the last one cut at a gold link boundary."""
    source: list[str] = []
    target: list[str] = []
    while len(source) < size:
        for document in documents:
            need = size - len(source)
            if need <= 0:
                break
            if len(document.source) <= need:
                source += document.source
                target += document.target
                continue
            source_end = target_end = 0
            for source_ids, target_ids in document.gold:
                source_end = max([source_end, *(i + 1 for i in source_ids)])
                target_end = max([target_end, *(j + 1 for j in target_ids)])
                if source_end >= need:
                    break
            source += document.source[:source_end]
            target += document.target[:target_end]
    return source, target


def _scaling(bench_dir: Path, args) -> int:
    """Time the aligner on concatenated TransRead books from 500 to 8,000 sentences a side.

    "cold" encodes every span again (no disk cache; only up to 2,000 sentences, to keep the run
    short), "cached" reads the embeddings from the disk cache (the alignment work alone).
    """
    documents = load_documents(bench_dir, "transread")
    cached = load_encoder(args.embedding_model or DEFAULT_MODEL, args.cache, not args.no_cache)
    cold = load_encoder(args.embedding_model or DEFAULT_MODEL, args.cache, False)
    print(f"{'sentences':>9} {'src':>6} {'tgt':>6} {'cold s':>8} {'cold CPU s':>10} {'encoded':>8} {'cached s':>9} {'peak MB':>8}")
    for size in (500, 1000, 2000, 4000, 8000):
        source, target = _parallel_prefix(documents, size)
        cold_seconds, cold_cpu, encoded = float("nan"), float("nan"), 0
        if size <= 2000:
            before = cold.encoded
            start, cpu = time.perf_counter(), time.process_time()
            align_texts(source, target, cold)
            cold_seconds, cold_cpu, encoded = time.perf_counter() - start, time.process_time() - cpu, cold.encoded - before
        align_texts(source, target, cached)  # fills the disk cache if needed
        start = time.perf_counter()
        align_texts(source, target, cached)
        cached_seconds = time.perf_counter() - start
        print(f"{size:9} {len(source):6} {len(target):6} {cold_seconds:8.1f} {cold_cpu:10.1f} {encoded:8} {cached_seconds:9.2f} {_peak_mb():8.0f}", flush=True)
    return 0
