"""A corrected text for a reviewed document: what changed is said first, then confirmations, comments and verdicts on
unchanged sentences are carried over to the new text's review (issue #17)."""

import shutil

import pytest

from align.io import corpus
from align.pipeline import run_document
from align.review.carry import carry_over, compare, plan_carry_over
from align.review.state import Review
from align.terms.glossary import load_glossary
from tests.conftest import TEXTS, write_glossary

NAME = "un-sg-world-day-2023"
ROWS = [("trafficking in persons", "fr", "traite des personnes", "preferred"), ("trafficking in persons", "en", "trafficking in persons", "preferred")]


def corrected_french(text: str) -> str:
    """One sentence changed, one added in the middle of a paragraph."""
    assert "Il faut que cela change." in text and "l’attention qu’ils méritent." in text
    return (text.replace("Il faut que cela change.", "Il faut que cela cesse.")
            .replace("l’attention qu’ils méritent.", "l’attention qu’ils méritent. Chaque victime compte."))


def test_compare_counts_added_removed_and_changed_sentences() -> None:
    mapping, change = compare(["a", "b", "c", "d"], ["a", "B", "c", "x", "d", "e"])
    assert mapping == {0: 0, 2: 2, 3: 4}
    assert (change.added, change.removed, change.changed, change.unchanged) == (2, 0, 1, 3)


@pytest.fixture
def corpus_copy(tmp_path):
    shutil.copytree(TEXTS, tmp_path / "texts")
    return tmp_path / "texts"


def test_a_corrected_french_text_keeps_the_english_and_the_confirmations_of_unchanged_sentences(corpus_copy, tmp_path) -> None:
    glossary = load_glossary(write_glossary(tmp_path / "glossary.csv", ROWS))
    reviews = tmp_path / "reviews"
    old = corpus.open_document(NAME, corpus_copy)
    review = Review(run_document(old, glossary), glossary, folder=reviews)
    changed = next(p for p, link in enumerate(review.links) if any(review.fr[i] == "Il faut que cela change." for i in link.fr_ids))
    last = len(review.links) - 1
    review.set_status([0, changed, last], "confirmed")
    review.comment(last, "Signature checked.")
    [flag, *_] = review.link_flags(0)
    review.review_flag(0, 0, "accepted")
    new_text = corrected_french(old.fr_text)

    plan = plan_carry_over(old, new_text, None, folder=reviews)
    assert (plan.fr.added, plan.fr.changed, plan.fr.removed) == (1, 1, 0) and plan.english == "kept"
    assert (plan.confirmed_kept, plan.confirmed_dropped) == (2, 1)
    assert "Confirmations: 2 kept, 1 dropped" in "\n".join(plan.summary()) and len(plan.verdicts) == 1

    corpus.save_document(NAME, ("fr.txt", new_text.encode("utf-8")), overwrite=True, keep_english=True, folder=corpus_copy)
    new = corpus.open_document(NAME, corpus_copy)
    assert new.en_text == old.en_text, "the official English stays"
    fresh = Review(run_document(new, glossary), glossary, folder=reviews)
    assert fresh.problem  # the saved review does not fit the new text
    assert carry_over(fresh, plan)
    reopened = Review(run_document(new, glossary), glossary, folder=reviews)
    assert reopened.problem is None
    assert [i for link in reopened.links for i in link.fr_ids] == list(range(len(reopened.fr)))
    confirmed = [link for link in reopened.links if link.status == "confirmed"]
    assert [" ".join(reopened.fr[i] for i in link.fr_ids) for link in confirmed] == \
           [" ".join(review.fr[i] for i in review.links[p].fr_ids) for p in (0, last)]
    assert [link.comment for link in reopened.links if link.comment] == ["Signature checked."]
    assert [(f.kind, f.text, f.review_state) for f in reopened.flag_list() if f.review_state] == [(flag.kind, flag.text, "accepted")]
    assert list(reviews.glob(f"{NAME}.review.stale-*.json")), "the old review file is kept aside"
    reopened.undo()  # one correction: undo gives the aligner's links for the new text
    assert not any(link.status == "confirmed" for link in reopened.links)
