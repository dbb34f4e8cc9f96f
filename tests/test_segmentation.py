import pytest

from align.io.reading import read_text
from align.text.segmentation import segment_text, split_sentences


@pytest.mark.parametrize(
    ("paragraph", "lang", "expected"),
    [
        ("M. Dupont et Mme Martin sont arrivés. Ils ont parlé.", "fr", ["M. Dupont et Mme Martin sont arrivés.", "Ils ont parlé."]),
        ("Voir l'art. 5 du Protocole. Il s'applique.", "fr", ["Voir l'art. 5 du Protocole.", "Il s'applique."]),
        ("On cite, p. ex. la Convention, et d'autres. Ensuite rien.", "fr", ["On cite, p. ex. la Convention, et d'autres.", "Ensuite rien."]),
        ("Le taux est de 2,5 % en 2023. Il baisse.", "fr", ["Le taux est de 2,5 % en 2023.", "Il baisse."]),
        ("Il a dit « Nous agirons. Maintenant. » Puis il est parti.", "fr", ["Il a dit « Nous agirons. Maintenant. »", "Puis il est parti."]),
        ("une fois pour toutes.Sixième réunion du Groupe.", "fr", ["une fois pour toutes.", "Sixième réunion du Groupe."]),
        ("The U.S. Department of State met St. Louis officials. They agreed.", "en", ["The U.S. Department of State met St. Louis officials.", "They agreed."]),
        ("Mr. Smith paid 2.5 million. Then left.", "en", ["Mr. Smith paid 2.5 million.", "Then left."]),
        ("abuse.Yet traffickers continue.", "en", ["abuse.", "Yet traffickers continue."]),
    ],
)
def test_sentence_boundaries(paragraph: str, lang: str, expected: list[str]) -> None:
    pieces = split_sentences(paragraph, lang)
    assert [piece for piece, _ in pieces] == expected
    assert all(paragraph[start:start + len(piece)] == piece for piece, start in pieces)


def test_trilateral_statement_segments(texts_dir) -> None:
    text, _ = read_text(texts_dir / "fr" / "trilateral-working-group-2023.txt")
    segments = segment_text(text, "fr")
    kinds = [(segment.kind, segment.text[:40]) for segment in segments]
    assert kinds[:5] == [
        ("heading", "Sixième réunion du Groupe de travail tri"),
        ("heading", "Déclaration"),
        ("date", "Mexico, 24 octobre\u00a02023"),
        ("bullet", "La relance de ce Groupe de travail trila"),
        ("bullet", "Le Groupe de travail trilatéral sur la t"),
    ]
    assert [segment.text for segment in segments if segment.kind == "boilerplate"] == ["Détails de la page", "Date de modification :"]
    assert len([segment for segment in segments if segment.kind == "sentence"]) == 10
    assert all(text[segment.start:segment.end] == segment.text for segment in segments)


def test_press_statement_header_lines_are_their_own_segments(texts_dir) -> None:
    text, _ = read_text(texts_dir / "fr" / "us-state-dept-tip-prevention-month-2024.txt")
    segments = segment_text(text, "fr")
    assert [(segment.kind, segment.text) for segment in segments[:4]] == [
        ("heading", "Département d’État des États-Unis"),
        ("heading", "Antony J. Blinken, secrétaire d’État"),
        ("date", "Le 11 janvier 2024"),
        ("heading", "Communiqué de presse"),
    ]
    sentences = [segment.text for segment in segments[4:]]
    assert sentences[2].startswith("En nous associant aux survivants")
    assert sentences[4].startswith("Nous renouvelons notre engagement")
    assert len(sentences) == 8


def test_un_message_signature_and_joined_sentences(texts_dir) -> None:
    french, _ = read_text(texts_dir / "fr" / "un-sg-world-day-2023.txt")
    assert segment_text(french, "fr")[-1].kind == "signature"
    english, _ = read_text(texts_dir / "en" / "un-sg-world-day-2023.txt")
    texts = [segment.text for segment in segment_text(english, "en")]
    assert "Yet traffickers continue to operate with impunity." in texts
