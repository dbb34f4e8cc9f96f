import codecs

import pytest

from align.errors import InputError
from align.io.documents import find_documents
from align.io.reading import decode_bytes, normalise_for_matching, read_text

FRENCH = "La traite des êtres humains prospère : l’État agit.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("utf-16"), "utf-16"),
        (FRENCH.encode("utf-16-le"), "utf-16-le"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_french_is_decoded_from_every_common_encoding(data: bytes, encoding: str) -> None:
    text, detected = decode_bytes(data)
    assert text == FRENCH
    assert detected == encoding


def test_latin1_file_is_read_correctly(tmp_path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Mémorandum présidentiel, 11 janvier 2024 ; « déjà » été.".encode("latin-1"))
    assert read_text(path)[0] == "Mémorandum présidentiel, 11 janvier 2024 ; « déjà » été."


def test_decomposed_accents_are_composed() -> None:
    assert decode_bytes("e\u0301te\u0301".encode())[0] == "été"


def test_matching_form_keeps_offsets() -> None:
    text = "l’État\u00a0: traite d’êtres"
    normalised = normalise_for_matching(text)
    assert normalised == "l'État : traite d'êtres"
    assert len(normalised) == len(text)


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary")],
)
def test_bad_files_name_the_problem(tmp_path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as caught:
        read_text(path)
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_corpus_folder_pairs_french_with_official_english(texts_dir) -> None:
    documents = {document.name: document for document in find_documents([texts_dir])}
    assert documents["trilateral-working-group-2023"].en_text is not None
    assert documents["us-state-dept-tip-prevention-month-2024"].en_text is None
    assert "traite des êtres personnes" in documents["us-state-dept-tip-prevention-month-2024"].fr_text
