"""QA work on a review: error flags ask for a review, verdicts on flags, comments, corrected texts, old review files."""

import json

import polars as pl
import pytest
from lxml import etree

from align.export.qa_report import qa_report_html
from align.export.tables import alignment_frame, csv_bytes
from align.interchange.tmx import flag_notes, tmx_bytes
from align.io import corpus
from align.pipeline import run_document
from align.review.review_file import review_path
from align.review.state import STALE_MT_NOTE, CorrectionError, Review, apply_saved_review
from align.terms.glossary import load_glossary
from tests.conftest import TEXTS, write_glossary

GLOSSARY_ROWS = [
    ("trafficking in persons", "fr", "traite des personnes", "preferred"),
    ("trafficking in persons", "fr", "traite des êtres personnes", "forbidden"),
    ("trafficking in persons", "en", "trafficking in persons", "preferred"),
]
WITH_EN = "trilateral-working-group-2023"
FR_ONLY = "us-state-dept-tip-prevention-month-2024"


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return load_glossary(write_glossary(tmp_path_factory.mktemp("glossary") / "glossary.csv", GLOSSARY_ROWS))


@pytest.fixture(scope="module")
def results(glossary):
    return {name: run_document(corpus.open_document(name, TEXTS), glossary) for name in (WITH_EN, FR_ONLY)}


def flag_of(review: Review, kind: str) -> tuple[int, int]:
    """(link position, flag number) of the first flag of `kind`."""
    return next((position, number) for position in range(len(review.links))
                for number, flag in enumerate(review.link_flags(position)) if flag.kind == kind)


def test_a_link_with_an_error_flag_is_never_left_auto(results) -> None:
    for result in results.values():
        flagged = {flag.link for flag in result.flags if flag.severity == "error" and flag.link is not None}
        assert flagged, "the seed documents have error flags (a date mismatch, a forbidden term)"
        assert all(result.links[link].status == "needs-review" for link in flagged)


def test_confirmed_stays_confirmed_and_a_dismissed_error_no_longer_asks(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    position, number = flag_of(review, "date-mismatch")
    review.set_status(position, "confirmed")
    review.recheck(glossary)
    assert review.links[position].status == "confirmed"
    review.set_status(position, "auto")
    assert review.links[position].status == "needs-review", "an error flag sends an auto link back to needs-review"
    assert position in review.select(severities=["error"]) and review.select(queue=True)[0] == position
    review.review_flag(position, number, "dismissed", "the English corrects the French's typo")
    review.set_status(position, "auto")
    review.recheck(glossary)
    assert review.links[position].status == "auto"
    assert position not in review.select(severities=["error"]), "a dismissed flag no longer selects its link"


def test_flag_verdicts_are_saved_exported_and_undone(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    position, number = flag_of(review, "date-mismatch")
    with pytest.raises(CorrectionError, match="reason"):
        review.review_flag(position, number, "dismissed", "  ")
    review.review_flag(position, number, "dismissed", "the official English is right: the meeting moved")
    other, other_number = flag_of(review, "omission")
    review.review_flag(other, other_number, "accepted")

    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    flag = reopened.link_flags(position)[number]
    assert (flag.review_state, flag.review_note) == ("dismissed", "the official English is right: the meeting moved")
    assert reopened.link_flags(other)[other_number].review_state == "accepted"
    flags = pl.read_csv(csv_bytes(reopened.flags()), infer_schema=False)
    assert flags.columns[-2:] == ["review_state", "review_note"]
    row = flags.filter(pl.col("kind") == "date-mismatch").row(0, named=True)
    assert (row["review_state"], row["review_note"]) == ("dismissed", "the official English is right: the meeting moved")
    saved = json.loads(review_path(WITH_EN, tmp_path).read_text(encoding="utf-8"))
    assert saved["version"] == 2 and len(saved["flag_reviews"]) == 2

    assert reopened.undo() == f"accept omission flag on link {other}"
    assert reopened.link_flags(other)[other_number].review_state == ""
    assert reopened.link_flags(position)[number].review_state == "dismissed"


def test_comments_follow_the_link_into_every_export(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    review.comment(3, "Check with the Ottawa office: the English was revised after publication.")
    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    assert reopened.links[3].comment.startswith("Check with the Ottawa office")
    assert reopened.alignment()["comment"][3].startswith("Check with the Ottawa office")
    tree = etree.fromstring(tmx_bytes(reopened.alignment(), WITH_EN), etree.XMLParser(resolve_entities=False, no_network=True))
    notes = [note.text for note in tree.iter("note")]
    assert "Reviewer's comment: Check with the Ottawa office: the English was revised after publication." in notes
    reopened.comment(2, "Title checked.")
    reopened.merge_next(2)
    assert reopened.links[2].comment == "Title checked.\nCheck with the Ottawa office: the English was revised after publication."
    assert reopened.history[-1].label == "merge links 2 and 3 (their comments joined)"
    reopened.split(2)
    assert reopened.links[2].comment.startswith("Title checked.") and reopened.links[3].comment == ""
    assert "comment stays on the first part" in reopened.history[-1].label
    reopened.undo()
    reopened.undo()
    reopened.undo()
    assert reopened.links[3].comment.startswith("Check with the Ottawa office")
    applied = apply_saved_review(results[WITH_EN], glossary, tmp_path)
    assert applied.units[3].comment.startswith("Check with the Ottawa office")


def test_a_corrected_sentence_is_rechecked_saved_with_its_original_and_exported(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    position, number = flag_of(review, "date-mismatch")
    flag = review.link_flags(position)[number]
    english_index = review.links[position].en_ids[0]
    original = review.en[english_index]
    with pytest.raises(CorrectionError, match="whole text"):
        review.apply_suggestion(*flag_of(review, "term-missing"))
    new_text = review.apply_suggestion(position, number)
    assert "October 24, 2023" in new_text and "October 12, 2023" not in new_text
    assert not any(f.kind == "date-mismatch" for f in review.link_flags(position)), "the link's checks ran again on the corrected text"

    saved = json.loads(review_path(WITH_EN, tmp_path).read_text(encoding="utf-8"))
    assert saved["edits"] == [{"side": "en", "sentence": english_index, "text": new_text, "original": original}]
    applied = apply_saved_review(results[WITH_EN], glossary, tmp_path)
    assert new_text in applied.units[position].en and "1 sentence(s) corrected" in applied.notices[-1]
    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    assert reopened.en[english_index] == new_text and reopened.edited("en", english_index)
    assert reopened.alignment()["en"][position] == applied.units[position].en

    reopened.undo()
    assert reopened.en[english_index] == original and not reopened.edited("en", english_index)
    assert any(f.kind == "date-mismatch" and f.text == flag.text for f in reopened.link_flags(position))
    reopened.edit_sentence("fr", 0, "Sixième réunion du Groupe de travail trilatéral sur la traite des personnes")
    assert Review(results[WITH_EN], glossary, folder=tmp_path).fr[0].startswith("Sixième réunion du Groupe de travail trilatéral sur")


def test_a_version_1_review_file_is_still_read(results, glossary, tmp_path) -> None:
    result = results[FR_ONLY]
    links = [{"fr_ids": list(link.fr_ids), "en_ids": [], "score": link.score, "status": "confirmed" if n == 0 else link.status}
             for n, link in enumerate(result.links)]
    review_path(FR_ONLY, tmp_path).parent.mkdir(parents=True, exist_ok=True)
    review_path(FR_ONLY, tmp_path).write_text(json.dumps({
        "format": "align-review", "version": 1, "document": FR_ONLY, "revision": 4, "saved_at": "2026-01-01T00:00:00+00:00",
        "fr_sha256": Review(result, glossary, folder=tmp_path / "none").fr_sha256, "en_sha256": None, "fr_sentences": len(links),
        "en_sentences": 0, "links": links, "history": [{"label": "set link 0 to confirmed", "splices": [
            {"start": 0, "added": 1, "removed": [dict(links[0], status="auto")]}]}]}), encoding="utf-8")
    review = Review(result, glossary, folder=tmp_path)
    assert review.problem is None and review.revision == 4 and review.links[0].status == "confirmed"
    review.comment(1, "ok")
    assert json.loads(review_path(FR_ONLY, tmp_path).read_text(encoding="utf-8"))["version"] == 2
    assert review.undo() == "comment on link 1" and review.undo() == "set link 0 to confirmed"


def test_after_a_glossary_change_the_sentences_it_concerns_are_translated_again(results, glossary, tmp_path) -> None:
    """The MT flags used to say "the glossary constraint failed" of a translation made before the glossary had the term: the
    sentences the change concerns are now translated again with it, and only they."""
    result = results[FR_ONLY]
    if not any(t.constrained for t in result.translations):
        pytest.skip("the MT engine here applies no glossary constraint")
    grown = load_glossary(write_glossary(tmp_path / "grown.csv", GLOSSARY_ROWS + [("online scam", "fr", "escroqueries en ligne", "preferred"),
                                                                                  ("online scam", "en", "online scams", "preferred")]))
    review = Review(result, glossary, folder=tmp_path)
    holding = [index for index, text in enumerate(review.fr) if "escroqueries en ligne" in text]
    assert holding and not review.mt_stale and not any("online scams" in review.mt[index] for index in holding)
    review.recheck(grown)
    assert not review.mt_stale and review.retranslated == holding
    assert all("online scams" in review.mt[index] for index in holding)
    assert [t.text for index, t in enumerate(result.translations) if index not in holding] == \
           [text for index, text in enumerate(review.mt) if index not in holding], "no other sentence changed"
    assert not any(STALE_MT_NOTE in flag.message for flag in review.flag_list())
    assert "online scams" in " ".join(review.corrected_result().translations[index].text for index in holding), "the exports' input too"
    # A review opened later with the grown glossary (the app's next session) translates them the same way.
    reopened = Review(result, grown, folder=tmp_path, recheck=True)
    assert reopened.retranslated == holding and reopened.mt == review.mt


def test_undone_corrections_are_redone_even_after_a_reload(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    before = list(review.links)
    review.merge_next(4)
    merged = list(review.links)
    review.set_status(4, "confirmed")
    assert review.undo() == "set link 4 to confirmed" and review.undo() == "merge links 4 and 5"
    assert review.links == before
    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    assert reopened.redo() == "merge links 4 and 5" and reopened.links == merged
    assert reopened.redo() == "set link 4 to confirmed" and reopened.links[4].status == "confirmed"
    with pytest.raises(CorrectionError, match="nothing to redo"):
        reopened.redo()
    reopened.undo()
    reopened.comment(0, "a new correction forgets what was undone")
    with pytest.raises(CorrectionError, match="nothing to redo"):
        reopened.redo()


def test_a_verdict_whose_flag_a_correction_removed_is_shown_as_fixed_and_never_moves_to_another_flag(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    position, number = flag_of(review, "date-mismatch")
    review.review_flag(position, number, "dismissed", "the meeting moved")
    english_index = review.links[position].en_ids[0]
    # A correction elsewhere in the sentence keeps the date flag, at the same span: the dismissal must not carry over to it.
    text = review.en[english_index]
    review.edit_sentence("en", english_index, text + " (revised)")
    now = [flag for flag in review.link_flags(position) if flag.kind == "date-mismatch"]
    assert now and all(flag.review_state == "" for flag in now), "the flag on the corrected text is open"
    [past] = review.past_flags()
    assert (past.review_state, past.kind, past.link) == ("outdated", "date-mismatch", position)
    assert "was dismissed (the meeting moved)" in past.review_note and f"edit EN sentence {english_index}" in past.review_note
    review.undo()
    assert review.past_flags() == [] and review.link_flags(position)[number].review_state == "dismissed"

    review.review_flag(position, number, "open")
    review.apply_suggestion(position, number)
    [past] = review.past_flags()
    assert past.review_state == "fixed" and "apply the suggestion of the date-mismatch flag" in past.review_note
    saved = json.loads(review_path(WITH_EN, tmp_path).read_text(encoding="utf-8"))
    [verdict] = saved["flag_reviews"]
    assert verdict["state"] == "accepted" and verdict["outcome"].startswith("fixed: was accepted (suggestion applied)")
    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    flags = pl.read_csv(csv_bytes(reopened.flags()), infer_schema=False).filter(pl.col("review_state") == "fixed")
    assert flags["kind"].to_list() == ["date-mismatch"] and flags["severity"].to_list() == ["error"]
    applied = apply_saved_review(results[WITH_EN], glossary, tmp_path)
    assert "flag fixed: was accepted (suggestion applied); the text correction" in qa_report_html(applied).decode("utf-8")
    tree = etree.fromstring(tmx_bytes(alignment_frame(applied.units), WITH_EN, notes=flag_notes(applied.flags)),
                            etree.XMLParser(resolve_entities=False, no_network=True))
    assert any(note.text.startswith("Reviewer's verdict: error date-mismatch flag on EN") and ": fixed — was accepted" in note.text
               for note in tree.iter("note"))
