"""Issue #17: after a correction, and when a reviewed document is opened again, only the links that changed (and their neighbours)
are checked again, the document checks over the whole document: the flags must be those of a whole re-check, on real published
texts (eval/, dev part)."""

from pathlib import Path

import pytest

from align.checks import typography
from align.io import corpus
from align.pipeline import run_document
from align.review import state as review_state
from align.review.state import Review
from tests.conftest import ROOT
from tests.test_review import full_run_flags, review_flags

EVAL_TEXTS = ROOT / "eval" / "texts"
DOCUMENTS = ("ca-ps-progress-report-2015", "eu-strategy-thb-2021")
"""Dev documents of eval/ (pairs) whose flags carry suggestions a reviewer applies (typography, missing terms)."""


@pytest.fixture(scope="module", params=DOCUMENTS)
def result(request, glossary):
    return run_document(corpus.open_document(request.param, EVAL_TEXTS), glossary)


def same_as_whole_recheck(review: Review) -> bool:
    return review_flags(review) == full_run_flags(review)


def test_corrections_and_a_reopened_review_give_the_flags_of_a_whole_recheck(result, glossary, tmp_path: Path) -> None:
    review = Review(result, glossary, folder=tmp_path)
    assert same_as_whole_recheck(review)
    flagged = next(flag for flag in review.flag_list() if flag.link is not None and flag.link > 0)
    review.merge_next(flagged.link - 1)
    assert same_as_whole_recheck(review), "after a merge"
    position, number = next((position, number) for position in range(len(review.links))
                            for number, flag in enumerate(review.link_flags(position)) if flag.suggestion and flag.side in ("fr", "en"))
    review.apply_suggestion(position, number)
    assert same_as_whole_recheck(review), "after applying a suggestion"
    # A 1-1 link split in two null links, then the French of another link linked to the English left alone: that English-only link
    # disappears, and the links on either side of it now read each other as neighbours.
    alone = next(p for p, link in enumerate(review.links) if len(link.fr_ids) == 1 and len(link.en_ids) == 1 and p + 2 < len(review.links))
    review.split(alone)
    english_only = alone + 1
    assert not review.links[english_only].fr_ids
    review.relink(alone + 2, [*review.links[alone + 2].en_ids, *review.links[english_only].en_ids])
    assert same_as_whole_recheck(review), "after a link was removed by a relink"
    review.undo()
    assert same_as_whole_recheck(review), "after an undo"

    reopened = Review(result, glossary, folder=tmp_path)
    assert reopened.problem is None and reopened.links == review.links
    assert same_as_whole_recheck(reopened), "a reviewed document opened again"
    assert review_flags(reopened) == review_flags(review)
    other_window = Review(result, glossary, folder=tmp_path)
    review.merge_next(0)
    assert other_window.refresh() and same_as_whole_recheck(other_window), "another window's correction loaded"


def test_a_reviewed_document_opened_again_checks_only_what_the_review_changed(result, glossary, tmp_path: Path, monkeypatch) -> None:
    """Opening a reviewed 2,000-link document ran every check on every link again (18 s): the links the reviewer left as they were
    keep what their own checks found in the pipeline."""
    review = Review(result, glossary, folder=tmp_path)
    review.merge_next(1)
    rechecked: list = []
    real_check_run = review_state.check_run

    def recording_check_run(units, context, *args, only=None, **kwargs):
        rechecked.append(None if only is None else set(only))
        return real_check_run(units, context, *args, only=only, **kwargs)

    monkeypatch.setattr(review_state, "check_run", recording_check_run)
    reopened = Review(result, glossary, folder=tmp_path)
    assert rechecked == [{0, 1, 2}], "the merged link and its two neighbours alone"
    assert same_as_whole_recheck(reopened)


def test_capitals_compared_across_re_checks_give_the_flags_of_a_check_from_scratch(result, glossary, tmp_path: Path) -> None:
    """The typography check keeps the document's phrases between re-checks (`typography._PhraseIndex`), brought up to date with the
    texts a correction changed: a phrase of the French written again with capitals in one sentence and as it is in another is flagged
    where it has capitals, and no longer once both corrections are undone — as a check that gathers every phrase again finds."""
    review = Review(result, glossary, folder=tmp_path)

    def from_scratch() -> list:
        with typography._PHRASE_INDEX_LOCK:
            typography._PHRASE_INDEX.__init__()
        return full_run_flags(review)

    source, phrase = next((index, form) for index, text in enumerate(review.fr) for key, _, _, form in typography._phrases(text)
                          if form == key and all(len(word) > 3 for word in form[1:-1]))
    others = [index for index, text in enumerate(review.fr) if index != source and text][:2]
    # (one word capitalised: every word but the small ones would be a name in its own style beside the common phrase, not flagged)
    capitalised = " ".join(word.capitalize() if index == 1 else word for index, word in enumerate(phrase))
    as_written = " ".join(phrase)
    review.edit_sentence("fr", others[0], f"{review.fr[others[0]]} {capitalised} ici")
    assert review_flags(review) == from_scratch()
    review.edit_sentence("fr", others[1], f"{review.fr[others[1]]} {as_written} ici")
    flagged = [flag for flag in review.flag_list() if "with other capitals" in flag.message]
    assert [flag.text for flag in flagged] == [capitalised], "the form in the minority"
    assert review_flags(review) == from_scratch()
    review.undo()
    review.undo()
    assert not any("with other capitals" in flag.message for flag in review.flag_list())
    assert review_flags(review) == from_scratch()


def test_the_qa_table_of_a_copied_review_follows_its_own_corrections_and_verdicts(result, glossary, tmp_path: Path) -> None:
    """The flag list and the QA view's table are kept per state of the review (a new session starts from a copy of the last one): the
    copy's corrections and verdicts show in its own table, never in the one it was copied from, and the tables match a whole re-check."""
    from align.export.tables import flags_frame

    review = Review(result, glossary, folder=tmp_path)
    before, table_before = review_flags(review), review.flags()
    twin = review.copy()
    assert twin.flags().equals(table_before)
    flagged = next(flag for flag in twin.flag_list() if flag.link is not None and flag.link > 0)
    twin.merge_next(flagged.link - 1)
    assert same_as_whole_recheck(twin)
    assert twin.flags().equals(flags_frame(twin.flag_list())) and not twin.flags().equals(table_before)
    position, number = next((position, number) for position in range(len(twin.links)) for number, _ in enumerate(twin.link_flags(position)))
    twin.review_flag(position, number, "dismissed", "a false positive")
    assert twin.link_flags(position)[number].review_state == "dismissed"
    assert "dismissed" in twin.flags()["review_state"].to_list()
    assert review_flags(review) == before and review.flags().equals(table_before), "the review copied from is left as it was"
