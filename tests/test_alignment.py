"""The aligner with the real multilingual model on hand-made fixtures and the seed texts."""

from pathlib import Path

import pytest

from align.aligner.alignment import REVIEW_THRESHOLD, align_texts, translation_confidence
from align.aligner.embedding import load_encoder
from align.io.documents import read_document
from align.text.segmentation import segment_text
from bench.baselines import gale_church

TEXTS = Path(__file__).resolve().parent.parent / "texts"

FR = [
    "La traite des personnes est un crime grave qui touche tous les pays.",  # 0 -> 0
    "Les trafiquants exploitent la pauvreté.",  # 1 \
    "Ils profitent aussi des conflits armés.",  # 2 / -> 1 (2–1 merge)
    "Le gouvernement a adopté en 2023 un plan national qui renforce la protection des victimes et la poursuite des auteurs.",  # 3 -> 2, 3 (1–2)
    "Cette phrase ne figure pas dans la version anglaise et parle de la météo à Ottawa.",  # 4 -> nothing (1–0)
    "Les refuges recevront un financement supplémentaire de 12 millions de dollars.",  # 5 -> 5 (EN 4 is inserted)
    "Chacun peut signaler un cas au numéro d'urgence.",  # 6 -> 6
]
EN = [
    "Human trafficking is a serious crime that affects every country.",  # 0
    "Traffickers exploit poverty and also take advantage of armed conflicts.",  # 1
    "In 2023 the government adopted a national plan.",  # 2
    "It strengthens the protection of victims and the prosecution of offenders.",  # 3
    "The minister thanked the many volunteers who made the consultations possible.",  # 4 (0–1)
    "Shelters will receive an additional 12 million dollars in funding.",  # 5
    "Anyone can report a case to the emergency number.",  # 6
]
EXPECTED = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2, 3)), ((4,), ()), ((), (4,)), ((5,), (5,)), ((6,), (6,))]


@pytest.fixture(scope="module")
def encoder(tmp_path_factory):
    return load_encoder("use-multilingual", str(tmp_path_factory.mktemp("embeddings")))


def _pairs(result):
    return [(link.fr_ids, link.en_ids) for link in result.links]


def test_merge_split_drop_and_insert_are_recovered_exactly(encoder) -> None:
    result = align_texts(FR, EN, encoder)
    assert _pairs(result) == EXPECTED
    assert result.warning is None
    for link in result.links:
        assert 0.0 <= link.score <= 1.0
        if not link.fr_ids or not link.en_ids:
            assert link.status == "needs-review"
    # the confident 1–1 links are confident
    assert result.links[0].score >= REVIEW_THRESHOLD and result.links[0].status == "auto"


def test_without_official_english_the_score_reflects_the_quality_of_the_mt(encoder) -> None:
    fr = ["Les victimes de la traite ont besoin de protection.", "Le plan sera publié en 2024."]
    good = translation_confidence(fr, ["Victims of trafficking need protection.", "The plan will be published in 2024."], encoder)
    bad = translation_confidence(fr, ["The weather was sunny in the mountains.", ""], encoder)
    assert all(score >= REVIEW_THRESHOLD for score in good)
    assert all(score < 0.5 for score in bad)


def _seed(name: str):
    document = read_document(TEXTS / "fr" / f"{name}.txt", TEXTS / "en" / f"{name}.txt")
    fr = [s for s in segment_text(document.fr_text, "fr") if s.alignable]
    en = [s for s in segment_text(document.en_text, "en") if s.alignable]
    return fr, en


def test_seed_pair_bullets_date_heading_and_missing_final_paragraph(encoder) -> None:
    fr, en = _seed("trilateral-working-group-2023")
    result = align_texts([s.text for s in fr], [s.text for s in en], encoder, fr_kinds=[s.kind for s in fr], en_kinds=[s.kind for s in en])
    by_fr = {i: link for link in result.links for i in link.fr_ids}
    text = {s.text: i for i, s in enumerate(fr)}
    en_index = {s.text: j for j, s in enumerate(en)}

    def english_of(french_start: str) -> list[str]:
        index = next(i for t, i in text.items() if t.startswith(french_start))
        return [en[j].text for j in by_fr[index].en_ids]

    assert english_of("Sixième réunion") == []
    assert english_of("Déclaration") == ["Statement"]
    assert english_of("Mexico, 24 octobre") == ["Mexico City, October 12, 2023."]
    assert english_of("La relance de ce Groupe")[0].startswith("The relaunch of this Trilateral Working Group")
    assert len(english_of("La relance de ce Groupe")) == 1
    assert english_of("Le Groupe de travail trilatéral sur la traite des personnes s’est réuni") == [
        "The Trilateral Working Group on Trafficking in Persons had not met since 2018."]
    # the English lacks the final participants paragraph: those French sentences are 1–0 links, to review
    for start in ("Joel Hernández García", "Cindy Dyer"):
        index = next(i for t, i in text.items() if t.startswith(start))
        assert by_fr[index].en_ids == () and by_fr[index].status == "needs-review"
    # every English segment is used exactly once, in order
    used = [j for link in result.links for j in link.en_ids]
    assert used == list(range(len(en_index)))
    assert result.warning is None


def test_un_pair_title_and_signature_are_null_links(encoder) -> None:
    fr, en = _seed("un-sg-world-day-2023")
    result = align_texts([s.text for s in fr], [s.text for s in en], encoder, fr_kinds=[s.kind for s in fr], en_kinds=[s.kind for s in en])
    assert result.links[0].fr_ids == () and result.links[0].en_ids == (0,)
    assert result.links[-1].en_ids == () and "Guterres" in fr[result.links[-1].fr_ids[0]].text
    assert result.warning is None


def test_wrong_document_pairing_is_warned_about(encoder) -> None:
    fr, _ = _seed("trilateral-working-group-2023")
    _, en = _seed("un-sg-world-day-2023")
    result = align_texts([s.text for s in fr], [s.text for s in en], encoder)
    assert result.warning is not None and "not look like a translation" in result.warning
    assert result.weak_fraction > 0.5


def test_gale_church_baseline_aligns_by_length() -> None:
    source = ["a" * 40, "b" * 100, "c" * 20, "d" * 25]
    target = ["A" * 42, "B" * 98, "C" * 44]
    assert gale_church(source, target) == [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,))]


def test_run_reports_a_wrongly_paired_english_file(tmp_path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "align", "run", str(TEXTS / "fr" / "trilateral-working-group-2023.txt"),
                             "--en", str(TEXTS / "en" / "un-sg-world-day-2023.txt"), "--out", str(tmp_path / "out"), "--mt-engine", "none"],
                            capture_output=True, text=True, cwd=TEXTS.parent, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "does not look like a translation of the French" in result.stdout
