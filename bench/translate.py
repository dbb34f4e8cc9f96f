"""`python -m align bench translate`: the MT pipeline's speed against raw CTranslate2, and a cached re-run.

Both runs use the same argos package, the same loaded translator, the same decoding options and
the corpus's French segments, in the same process; rounds alternate and the median is reported.
Without an installed French→English package the stand-in package (random weights, tiny) is
generated on the fly into a temporary folder, which is said in the output: the ratios then
measure the pipeline's overhead around a very fast model, a harsher test than a real one.
"""

from __future__ import annotations

import contextlib
import math
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from align.mt.packages import ArgosPackage, find_fr_en_package, install_package_file
from align.settings import REPO_ROOT as ROOT
from bench.standin import build_standin_package

ROUNDS = 5


def corpus_segments() -> list[str]:
    """The alignable French segments of every document in `texts/`."""
    from align.io.documents import find_documents
    from align.text.segmentation import segment_text

    segments: list[str] = []
    for document in find_documents([str(ROOT / "texts")]):
        segments += [segment.text for segment in segment_text(document.fr_text, "fr") if segment.alignable]
    return segments


@contextlib.contextmanager
def _package(package_file: str | None) -> Iterator[tuple[ArgosPackage, str]]:
    """The package to benchmark and where it comes from; temporary installs go to a temporary ARGOS_PACKAGES_DIR."""
    installed = find_fr_en_package()
    if package_file is None and installed is not None:
        yield installed, f"installed package {installed.label}"
        return
    previous = os.environ.get("ARGOS_PACKAGES_DIR")
    with tempfile.TemporaryDirectory(prefix="align-bench-") as tmp:
        if package_file is None:
            package_file = str(build_standin_package(Path(tmp) / "file"))
            origin = "STAND-IN package (random weights) generated on the fly: no French→English argos package is installed"
        else:
            origin = f"package file {package_file}"
        os.environ["ARGOS_PACKAGES_DIR"] = str(Path(tmp) / "packages")
        try:
            yield install_package_file(package_file), origin
        finally:
            if previous is None:
                os.environ.pop("ARGOS_PACKAGES_DIR", None)
            else:
                os.environ["ARGOS_PACKAGES_DIR"] = previous


def _timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run_bench(package_file: str | None = None, beam_size: int = 4, glossary_file: str | None = None) -> int:
    """Print segments/second of the pipeline and of raw `translate_batch`, their ratio, and the cached re-run time."""
    from align.mt.argos import LENGTH_PENALTY, MAX_BATCH_SIZE, ArgosEngine
    from align.mt.cache import TranslationCache
    from align.mt.constraints import prepare_segment
    from align.mt.translate import translate_segments
    from align.terms.glossary import DEFAULT_PATH, load_glossary

    segments = corpus_segments()
    glossary_path = Path(glossary_file) if glossary_file else DEFAULT_PATH
    glossary = load_glossary(glossary_path) if glossary_path.exists() else None
    with _package(package_file) as (package, origin), tempfile.TemporaryDirectory(prefix="align-bench-cache-") as cache_root:
        engine = ArgosEngine(package, beam_size)
        print(f"package: {origin}")
        print(f"segments: {len(segments)} French segments of texts/ ({sum(map(len, segments))} characters); beam {beam_size}; "
              f"CTranslate2 inter_threads {engine.inter_threads}, intra_threads {engine.intra_threads}; median of {ROUNDS} rounds")
        engine.translate(segments[:2])  # load the model and warm up before timing
        # the raw loop gets the pipeline's best batching too (one batch per worker), so the ratio is the pipeline's overhead
        batch_size = max(1, min(MAX_BATCH_SIZE, math.ceil(len(segments) / engine.inter_threads)))

        # the raw loop translates exactly the texts the pipeline hands to the engine (bullets set aside, apostrophes
        # normalised): with random weights a changed character can change the output length, hence the time, a lot
        engine_texts = [prepare_segment(segment, None).source for segment in segments]

        def raw() -> list[str]:
            tokens = [engine.tokenizer.encode(text, out_type=str) for text in engine_texts]
            results = engine.translator.translate_batch(tokens, beam_size=beam_size, length_penalty=LENGTH_PENALTY, replace_unknowns=True,
                                                        max_batch_size=batch_size, batch_type="examples")
            return [engine.tokenizer.decode_pieces(result.hypotheses[0]) for result in results]

        def pipeline(name: str, with_glossary: bool) -> tuple[float, float]:
            cache = TranslationCache(Path(cache_root) / name)
            first, _ = _timed(lambda: translate_segments(segments, "argos", glossary=glossary if with_glossary else None, cache=cache, beam_size=beam_size))
            again, _ = _timed(lambda: translate_segments(segments, "argos", glossary=glossary if with_glossary else None, cache=cache, beam_size=beam_size))
            cache.close()
            return first, again

        raw_times, plain, constrained = [], [], []
        for round_number in range(ROUNDS):
            raw_times.append(_timed(raw)[0])
            plain.append(pipeline(f"plain-{round_number}", False))
            if glossary is not None:
                constrained.append(pipeline(f"glossary-{round_number}", True))

    raw_time = statistics.median(raw_times)
    raw_rate = len(segments) / raw_time
    print(f"raw CTranslate2 translate_batch: {raw_rate:8.1f} segments/s ({raw_time:.3f} s)")
    for title, runs in (("pipeline, no glossary", plain), ("pipeline, glossary-constrained", constrained)):
        if not runs:
            print(f"{title}: skipped (no glossary at {glossary_path})")
            continue
        first = statistics.median(run[0] for run in runs)
        again = statistics.median(run[1] for run in runs)
        rate = len(segments) / first
        print(f"{title}: {rate:8.1f} segments/s ({first:.3f} s) = {rate / raw_rate:.2f}× raw; "
              f"cached re-run {again * 1000:.1f} ms = {100 * again / first:.1f} % of the first run")
    return 0


REAL_CONFIGS = ("bare", "glossary", "glossary+fixes", "glossary+fixes+lexicon", "glossary+fixes+lexicon+postedit")
"""bare: the engine alone; glossary: the glossary constraint, longest term first, no fixes (the behaviour before issue #15);
+fixes: best coverage, plural, no "the" before uncountable terms (`RenderingOptions`); +lexicon: glossary/mt-lexicon.csv;
+postedit: the English post-edits of `align.mt.postedit` (the default for Apertium)."""
ROUTE_CONFIGS = ("bare", "glossary+fixes+lexicon+postedit")


def _cpu_seconds() -> float:
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _options(config: str):
    from dataclasses import replace

    from align.mt.constraints import ALL_FIXES, NO_FIXES

    if "fixes" not in config:
        return NO_FIXES
    return ALL_FIXES if "postedit" in config else replace(ALL_FIXES, postedits=())


def run_real(splits: tuple[str, ...] = ("dev",), engines: tuple[str, ...] = ("apertium",), glossary_file: str | None = None, routes: bool = False,
             quality: bool = False) -> int:
    """Per engine and configuration on the eval/ pairs of each of `splits` (reported apart): chrF, BLEU, term accuracy, harmful renderings, seg/s.

    Every configuration runs without the translation cache (first runs), one call per document as the pipeline does.
    `routes`: every Apertium route (fr→es→en, fr→ca→en, fr→eo→en), bare and with everything; a route whose Debian
    packages are missing is listed with them, not measured. `quality`: the MT quality estimate against the reader labels.
    """
    import sacrebleu

    from align.mt.apertium import ROUTES, route_info
    from align.mt.engines import ENGINES
    from align.mt.lexicon import default_lexicon
    from align.mt.translate import translate_segments
    from align.terms.glossary import DEFAULT_PATH, load_glossary
    from bench.mt_eval import HARMFUL, TermScore, harmful, load_docs, score_terms

    glossary = load_glossary(Path(glossary_file) if glossary_file else DEFAULT_PATH)
    available = {kind.name for kind in ENGINES if kind.available()}
    core = {harm.name for harm in HARMFUL if harm.core}
    for part in splits:
        docs = load_docs(part)
        print(f"\n{part.upper()}: {len(docs)} eval/ pairs, {sum(len(doc.fr) for doc in docs)} French segments")
        if quality:
            run_quality(part, glossary)
            continue
        print("| engine | config | chrF | BLEU | term acc. | short forms | harmful (brief) | harmful (extra) | leftovers | seg/s wall | seg/CPU-s |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for engine in (tuple(route.engine for route in ROUTES.values()) if routes else engines):
            if engine not in available:
                missing = next((f"missing Debian packages: {', '.join(r.packages)}" for p, r in ROUTES.items() if r.engine == engine and route_info(p) is None),
                               "not installed")
                print(f"| {engine} | {missing} | | | | | | | | | |")
                continue
            for config in (ROUTE_CONFIGS if routes else REAL_CONFIGS):
                options = _options(config)
                outputs, seconds, cpu, count = [], 0.0, 0.0, 0
                for doc in docs:
                    started, cpu_started = time.perf_counter(), _cpu_seconds()
                    outputs.append(translate_segments(doc.fr, engine, glossary=glossary if config != "bare" else None, cache=False,
                                                      lexicon=default_lexicon() if "lexicon" in config else False, options=options))
                    seconds += time.perf_counter() - started
                    cpu += _cpu_seconds() - cpu_started
                    count += len(doc.fr)
                hypotheses = [" ".join(t.text for t in out) for out in outputs]
                references = [doc.en_text for doc in docs]
                terms, harms = TermScore(), Counter()
                for doc, out in zip(docs, outputs):
                    for fr, translation in zip(doc.fr, out):
                        score_terms(fr, translation.text, glossary, terms)
                        harms.update(harmful(fr, translation.text))
                short_total = sum(n for form, n in terms.by_form.items() if not form.startswith("glossary:"))
                short_right = sum(n for form, n in terms.right_by_form.items() if not form.startswith("glossary:"))
                print(f"| {engine} | {config} | {sacrebleu.corpus_chrf(hypotheses, [references]).score:.1f} "
                      f"| {sacrebleu.corpus_bleu(hypotheses, [references]).score:.1f} | {terms.accuracy:.1%} ({terms.right}/{terms.total}) "
                      f"| {short_right}/{short_total} | {sum(n for name, n in harms.items() if name in core)} "
                      f"| {sum(n for name, n in harms.items() if name not in core)} | {sum(bool(t.unknown_words) for out in outputs for t in out)}/{count} "
                      f"| {count / seconds:.0f} | {count / cpu:.0f} |", flush=True)
    return 0


def run_leftovers(splits: tuple[str, ...], engine: str = "apertium", top: int = 40, glossary_file: str | None = None) -> int:
    """Segments whose MT keeps a word the engine left untranslated (any, and words that are not names), and the words left most often.

    The shares are over the eval/ pairs (as the `leftovers` column of `--set real`); the word counts (segments holding the
    word) over the pairs and French-only documents of the split, default pipeline, no cache.
    """
    from align.mt.translate import translate_segments
    from align.terms.glossary import DEFAULT_PATH, load_glossary
    from bench.mt_eval import is_name, load_docs

    glossary = load_glossary(Path(glossary_file) if glossary_file else DEFAULT_PATH)
    for part in splits:
        pairs, french_only = load_docs(part), load_docs(part, kinds=("fr-only",))
        words: Counter[str] = Counter()
        any_left = word_left = total = 0
        for doc in pairs + french_only:
            for translation in translate_segments(doc.fr, engine, glossary=glossary, cache=False):
                left = set(translation.unknown_words)
                words.update(left)
                if doc.en:
                    total += 1
                    any_left += bool(left)
                    word_left += any(not is_name(word) for word in left)
        print(f"\n{part.upper()} ({engine}): segments of the {len(pairs)} pairs with a leftover: {any_left}/{total} ({any_left / max(1, total):.1%}); "
              f"with a leftover that is not a name: {word_left}/{total} ({word_left / max(1, total):.1%})")
        print(f"  words left most often (segments, over the pairs and {len(french_only)} French-only documents): "
              + ", ".join(f"{word} {n}" for word, n in words.most_common(top * 4) if not is_name(word))[:2000])
        print("  names, acronyms, codes: " + ", ".join(f"{word} {n}" for word, n in words.most_common(top) if is_name(word)))
    return 0


def run_route_selection(splits: tuple[str, ...], glossary_file: str | None = None) -> int:
    """Per-sentence choice among the installed Apertium routes (es/ca/eo, everything on), against each route alone: corpus chrF/BLEU.

    The MT quality estimate (`align.mt.quality`) reads only the French, so it gives every route the same score and cannot choose;
    the choosers are the route leaving the fewest words (any, or not names), the consensus (the candidate with the highest
    sentence chrF against the other routes' candidates, minimum Bayes risk), and fewest leftovers then consensus. Ties go to fr→es→en.
    """
    import sacrebleu
    from sacrebleu.metrics import CHRF

    from align.mt.apertium import ROUTES, route_info
    from align.mt.translate import translate_segments
    from align.terms.glossary import DEFAULT_PATH, load_glossary
    from bench.mt_eval import harmful, is_name, load_docs

    glossary = load_glossary(Path(glossary_file) if glossary_file else DEFAULT_PATH)
    engines = tuple(route.engine for pivot, route in ROUTES.items() if route_info(pivot) is not None)
    chrf = CHRF()

    def consensus(candidates: dict, engine: str) -> float:
        return sum(chrf.sentence_score(candidates[engine].text, [candidates[other].text]).score for other in engines if other != engine)

    choosers = {
        **{f"{engine} alone": (lambda candidates, engine=engine: engine) for engine in engines},
        "fewest leftovers": lambda candidates: min(engines, key=lambda e: (len(candidates[e].unknown_words), engines.index(e))),
        "fewest leftovers that are not names": lambda candidates: min(
            engines, key=lambda e: (sum(not is_name(word) for word in candidates[e].unknown_words), engines.index(e))),
        "consensus (MBR, sentence chrF)": lambda candidates: max(engines, key=lambda e: (consensus(candidates, e), -engines.index(e))),
        "fewest leftovers, then consensus": lambda candidates: min(engines, key=lambda e: (len(candidates[e].unknown_words), -consensus(candidates, e))),
    }
    for part in splits:
        docs = load_docs(part)
        cpu = dict.fromkeys(engines, 0.0)
        outputs = {}
        for engine in engines:
            started = _cpu_seconds()
            outputs[engine] = [translate_segments(doc.fr, engine, glossary=glossary, cache=False) for doc in docs]
            cpu[engine] = _cpu_seconds() - started
        count = sum(len(doc.fr) for doc in docs)
        print(f"\n{part.upper()}: per-sentence route selection over {', '.join(engines)} ({len(docs)} pairs, {count} segments); "
              f"seg/CPU-s {', '.join(f'{e} {count / cpu[e]:.0f}' for e in engines)}, all routes {count / sum(cpu.values()):.0f}")
        print("| chooser | chrF | BLEU | harmful | leftovers | segments from each route |")
        print("|---|---|---|---|---|---|")
        for name, choose in choosers.items():
            picks, hypotheses, harms, left = Counter(), [], 0, 0
            for index, doc in enumerate(docs):
                chosen = []
                for position, fr in enumerate(doc.fr):
                    engine = choose({e: outputs[e][index][position] for e in engines})
                    picks[engine] += 1
                    translation = outputs[engine][index][position]
                    harms += sum(harmful(fr, translation.text).values())
                    left += bool(translation.unknown_words)
                    chosen.append(translation.text)
                hypotheses.append(" ".join(chosen))
            references = [[doc.en_text for doc in docs]]
            print(f"| {name} | {sacrebleu.corpus_chrf(hypotheses, references).score:.1f} | {sacrebleu.corpus_bleu(hypotheses, references).score:.1f} "
                  f"| {harms} | {left}/{count} | {', '.join(f'{e} {picks[e]}' for e in engines)} |", flush=True)
    return 0


def run_quality(split: str, glossary) -> None:
    """AUC of the MT-only link confidence (and of its parts) against the reader labels of `split`; needs-review precision/recall."""
    import json

    from align.aligner.alignment import REVIEW_THRESHOLD
    from align.mt.quality import mt_quality, quality_features
    from align.mt.translate import translate_segments
    from bench.mt_eval import EVAL

    rows = [row for row in map(json.loads, (EVAL / "mt-quality-labels.jsonl").read_text(encoding="utf-8").splitlines()) if row["split"] == split]
    translations = translate_segments([row["fr"] for row in rows], "apertium", glossary=glossary, cache=False)
    bad = [bool(row["bad"]) for row in rows]
    from align.aligner.alignment import translation_confidence
    from align.aligner.embedding import load_encoder
    from align.errors import ModelMissingError
    from align.pipeline import mt_only_confidence

    scores = {"mt_quality (align.mt.quality)": [mt_quality(row["fr"], t) for row, t in zip(rows, translations)]}
    try:
        encoder = load_encoder()
        scores["link confidence (min of translation_confidence and mt_quality)"] = mt_only_confidence([row["fr"] for row in rows], translations, encoder)
        scores["translation_confidence alone (before #15)"] = translation_confidence([row["fr"] for row in rows], [t.text for t in translations], encoder)
    except ModelMissingError as error:
        print(f"  (link confidence not measured: {error})")
    scores |= {
        "− French words": [-quality_features(row["fr"])["french_words"] for row in rows],
        "− French commas": [-quality_features(row["fr"])["french_commas"] for row in rows],
        "− unknown/leftover words": [-len(t.unknown_words) for t in translations],
    }
    print(f"MT quality estimate on {len(rows)} {split.upper()} segments a reader labelled ({sum(bad)} bad); "
          "AUC = P(a bad segment scores lower than a usable one)")
    for name, values in scores.items():
        print(f"  {name}: AUC {_auc(values, bad):.3f}")
    link_key = "link confidence (min of translation_confidence and mt_quality)"
    flagged = [score < REVIEW_THRESHOLD for score in scores.get(link_key, scores["mt_quality (align.mt.quality)"])]
    hits = sum(f and b for f, b in zip(flagged, bad))
    kept = len(rows) - sum(flagged)
    print(f"  needs-review (< {REVIEW_THRESHOLD}): {sum(flagged)}/{len(rows)} segments, precision {hits / max(1, sum(flagged)):.2f} "
          f"(base rate {sum(bad) / len(rows):.2f}), recall {hits / max(1, sum(bad)):.2f}; "
          f"auto (≥ {REVIEW_THRESHOLD}): {kept} segments, {(kept - (sum(bad) - hits)) / max(1, kept):.2f} of them usable")


def _auc(scores: list[float], bad: list[bool]) -> float:
    """Probability that a bad segment scores lower than a usable one (ties count half)."""
    low = [s for s, b in zip(scores, bad) if b]
    high = [s for s, b in zip(scores, bad) if not b]
    pairs = [(a < h) + 0.5 * (a == h) for a in low for h in high]
    return sum(pairs) / len(pairs) if pairs else float("nan")
