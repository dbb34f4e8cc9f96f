"""argos: an argostranslate French→English package's CTranslate2 model, fed our own segments in batches (no sentence splitting)."""

from __future__ import annotations

import math
from functools import lru_cache

from align import settings
from align.errors import ModelMissingError
from align.mt.apertium import CACHE_FORMAT
from align.mt.packages import ArgosPackage, argos_packages_dir, find_fr_en_package

DEFAULT_BEAM_SIZE = 4  # argostranslate's default (ARGOS_BEAM_SIZE)

LENGTH_PENALTY = 0.2  # argostranslate's value

MAX_BATCH_SIZE = 32

ARGOS_CHUNK = 64  # segments per cache transaction and progress step

def _threads() -> tuple[int, int]:
    """(inter_threads, intra_threads): one translation worker per core, so batches run in parallel."""
    cores = settings.threads()
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


def load(beam_size: int = DEFAULT_BEAM_SIZE) -> ArgosEngine:
    package = find_fr_en_package()
    if package is None:
        raise ModelMissingError(
            f"no argos French→English package installed in {argos_packages_dir()}; run `python -m align models install` "
            "or use --mt-engine auto|apertium"
        )
    return ArgosEngine(package, beam_size)
