"""Which documents a glossary change can touch, so a re-run after a glossary edit runs exactly those.

A run keeps a copy of the glossary it used (`out/.glossaries/SHA256.csv`); each document's manifest
names that copy and records the document's vocabulary (`document_vocabulary`). On a re-run with
another glossary the two glossaries are compared concept by concept (`concept_fingerprints`: the
concept's rows, every column, in file order); a document is re-run when a concept that was added,
removed or edited — its old or its new rows — could change one of its outputs (`touches`).

Why the test below is conservative (a skipped document's outputs are byte for byte those of a full
run with the new glossary): every use of the glossary in the pipeline goes through a match of one of
its terms in a text the document holds — the French, the English, the MT, each tokenised as French
and as English (the checks look for English terms in the French and French terms in the English):
- exact matching (`find_terms`, also what MT constraints protect, so the MT too) needs every word of
  an entry to be a form of a text word, and a form always shares one of the folded keys (surface,
  lemma, stem) that the glossary's own indexes use;
- the near-miss matcher's multiword windows need all but one word of the entry;
- its misspelt single terms need an unknown word with the same initial within two edits;
- acronyms, subjects, notes, confusables, renderings are looked up for concepts matched in the text.
The one thing outside a concept's rows is the order of rows (the first matching entry wins some ties),
so a change in the relative order of unchanged concepts counts as changing every concept.
The MT of a skipped document is the MT its manifest recorded: it only changes with a French match.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import OSA

from align.io.atomic import write_atomic
from align.model import DocumentResult
from align.terms.glossary import LANGS, Glossary, load_glossary
from align.terms.nearmiss import first_letter_slip
from align.terms.words import fold, tokenize

GLOSSARIES_DIR = ".glossaries"
MISSPELLING_EDITS = 2
"""The near-miss matcher's largest edit distance for a misspelt single-word term (`align.terms.nearmiss._misspelt`)."""


def kept_glossary_path(out: Path, sha256: str) -> Path:
    return out / GLOSSARIES_DIR / f"{sha256}.csv"


def keep_glossary(out: Path, glossary_path: Path, sha256: str) -> Path:
    """Copy the run's glossary into `out/.glossaries/` (once per version): later runs compare against it, workers load it."""
    kept = kept_glossary_path(out, sha256)
    if not kept.exists():
        write_atomic(kept, glossary_path.read_bytes(), keep_backup=False)
    return kept


def word_keys_of(word) -> tuple[str, str, str]:
    return fold(word.surface), fold(word.lemma), fold(word.stem)


def document_vocabulary(result: DocumentResult) -> dict[str, str]:
    """The folded word keys of every text of `result` the checks or the MT look at (each tokenised as French and as English),
    and its words of four letters or more (misspelling candidates), each as one space-separated string."""
    texts = [segment.text for segment in (*result.fr_segments, *result.en_segments)]
    texts += [translation.text for translation in result.translations]
    texts += [text for unit in result.units for text in (unit.fr, unit.mt, unit.en)]
    texts += [text for pair in result.document.left_out for text in pair]
    keys: set[str] = set()
    words: set[str] = set()
    for text in dict.fromkeys(text for text in texts if text):
        for lang in LANGS:
            for word in tokenize(text, lang):
                keys.update(word_keys_of(word))
                if len(word.surface) >= 4 and word.surface.isalpha():
                    words.add(word.surface)
    return {"keys": " ".join(sorted(keys)), "words": " ".join(sorted(words))}


@dataclass(frozen=True)
class ConceptForms:
    """What can make concepts match a text: per entry, the keys of each of its words; the single-word terms (misspelling targets)."""

    entries: tuple[tuple[frozenset[str], ...], ...]
    singles: tuple[str, ...]


def concept_forms(glossary: Glossary, concepts: set[str]) -> ConceptForms:
    entries, singles = [], []
    for lang in LANGS:
        for entry in glossary.entries(lang):
            if entry.concept in concepts:
                entries.append(tuple(frozenset(word_keys_of(word)) for word in entry.words))
                if len(entry.words) == 1 and not entry.is_acronym:
                    singles.append(entry.words[0].surface)
    return ConceptForms(tuple(entries), tuple(dict.fromkeys(singles)))


def concept_fingerprints(glossary: Glossary) -> dict[str, str]:
    """SHA-256 of each concept's rows (every column, in file order)."""
    rows: dict[str, list[list[str]]] = {}
    for row in glossary.terms.fill_null("").iter_rows():
        rows.setdefault(row[0], []).append(list(row))
    return {concept: hashlib.sha256(json.dumps(concept_rows).encode("utf-8")).hexdigest() for concept, concept_rows in rows.items()}


def changed_concepts(old: Glossary, new: Glossary) -> set[str] | None:
    """Concepts added, removed or edited from `old` to `new`; None (everything) when unchanged concepts changed their relative order."""
    before, after = concept_fingerprints(old), concept_fingerprints(new)
    changed = {concept for concept in before.keys() | after.keys() if before.get(concept) != after.get(concept)}
    order_before = [concept for concept in old.terms["concept"].to_list() if concept not in changed]
    order_after = [concept for concept in new.terms["concept"].to_list() if concept not in changed]
    return changed if order_before == order_after else None


def touches(forms: ConceptForms, vocabulary: dict[str, str]) -> bool:
    """Whether concepts with `forms` could match (exactly or as a near miss) a document with `vocabulary`."""
    keys = set(vocabulary.get("keys", "").split())
    for entry in forms.entries:
        missing = sum(not (word & keys) for word in entry)
        if missing == 0 or (missing == 1 and len(entry) >= 2):
            return True
    if forms.singles:
        for word in vocabulary.get("words", "").split():
            forms_of_word = (word, word[:-1]) if word[-1] in "sx" else (word,)
            for single in forms.singles:
                if not single:
                    continue
                if fold(word[0]) == fold(single[0]) and any(OSA.distance(form, single) <= MISSPELLING_EDITS for form in forms_of_word):
                    return True
                if len(word) >= 5 and any(first_letter_slip(form, single) for form in forms_of_word):
                    return True  # a slip at the term's first letter (« ictimes »): the matcher reports it too
    return False


class GlossaryChanges:
    """For the glossary of this run: which earlier glossary versions' documents a re-run must redo (memoised per version)."""

    def __init__(self, out: Path, glossary_path: Path, sha256: str) -> None:
        self.out, self.glossary_path, self.sha256 = out, glossary_path, sha256
        self._forms: dict[str, ConceptForms | None] = {}

    @property
    def glossary(self) -> Glossary:
        return _load(str(self.glossary_path))

    def forms_since(self, old_sha256: str) -> ConceptForms | None:
        """The forms of the concepts changed since glossary version `old_sha256` (old rows and new); None: re-run everything."""
        if old_sha256 not in self._forms:
            kept = kept_glossary_path(self.out, old_sha256)
            forms = None
            if kept.exists():
                try:
                    old = _load(str(kept))
                except Exception:  # noqa: BLE001 - a damaged copy only means the documents made with it are re-run
                    old = None
                changed = changed_concepts(old, self.glossary) if old is not None else None
                if changed is not None:
                    old_forms, new_forms = concept_forms(old, changed), concept_forms(self.glossary, changed)
                    forms = ConceptForms(old_forms.entries + new_forms.entries, tuple(dict.fromkeys(old_forms.singles + new_forms.singles)))
            self._forms[old_sha256] = forms
        return self._forms[old_sha256]

    def unaffected(self, manifest: dict) -> bool:
        """Whether the document of `manifest` has the outputs the current glossary would give it."""
        old_sha256 = manifest.get("glossary_sha256")
        if old_sha256 == self.sha256:
            return True
        if not old_sha256 or "vocabulary" not in manifest:
            return False
        forms = self.forms_since(old_sha256)
        return forms is not None and not touches(forms, manifest["vocabulary"])


@lru_cache(maxsize=8)
def _load(path: str) -> Glossary:
    return load_glossary(path)
