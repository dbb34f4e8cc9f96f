"""Review state: corrections, persistence, stale and concurrent review files, exports that use them."""

import json
import os
import subprocess
import sys
from dataclasses import replace

import polars as pl
import pytest

from align.errors import InputError
from align.io import corpus
from align.io.reading import MAX_FILE_BYTES
from align.pipeline import run_document
from align.review.highlight import highlight_html
from align.review.review_file import read_review_file, review_path
from align.review.state import CorrectionError, Review, ReviewConflict, apply_saved_review
from align.terms.glossary import load_glossary
from tests.conftest import ROOT, TEXTS, write_glossary

GLOSSARY_ROWS = [
    ("trafficking in persons", "fr", "traite des personnes", "preferred"),
    ("trafficking in persons", "fr", "traite des êtres personnes", "forbidden"),
    ("trafficking in persons", "en", "trafficking in persons", "preferred"),
]
WITH_EN = "trilateral-working-group-2023"
FR_ONLY = "us-state-dept-tip-prevention-month-2024"
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 40


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return load_glossary(write_glossary(tmp_path_factory.mktemp("glossary") / "glossary.csv", GLOSSARY_ROWS))


@pytest.fixture(scope="module")
def results(glossary):
    return {name: run_document(corpus.open_document(name, TEXTS), glossary) for name in (WITH_EN, FR_ONLY)}


def covers_document(review: Review) -> bool:
    fr = [i for link in review.links for i in link.fr_ids]
    en = [i for link in review.links for i in link.en_ids]
    return fr == list(range(len(review.fr))) and en == list(range(len(review.en))) and all(link.fr_ids or link.en_ids for link in review.links)


def test_corrections_are_saved_at_once_and_reloaded(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    assert not review_path(WITH_EN, tmp_path).exists()
    first, second = review.links[1], review.links[2]
    review.merge_next(1)
    assert review.links[1].fr_ids == first.fr_ids + second.fr_ids and review.links[1].en_ids == first.en_ids + second.en_ids
    assert review.links[1].status == "needs-review"
    review.set_status([0, 1, 3], "confirmed")
    assert covers_document(review)

    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    assert reopened.links == review.links and reopened.problem is None
    assert reopened.counts()["confirmed"] == 3
    assert [action.label for action in reopened.history] == ["merge links 1 and 2", "set 3 links to confirmed"]
    saved = json.loads(review_path(WITH_EN, tmp_path).read_text(encoding="utf-8"))
    assert saved["links"][1]["fr_ids"] == list(first.fr_ids + second.fr_ids) and saved["revision"] == 2
    assert review_path(WITH_EN, tmp_path).with_name(f"{WITH_EN}.review.json.bak").exists(), "the previous version is kept"

    assert reopened.undo() == "set 3 links to confirmed"
    assert reopened.undo() == "merge links 1 and 2"
    assert reopened.links == Review(results[WITH_EN], glossary, folder=tmp_path / "fresh").links
    with pytest.raises(CorrectionError, match="nothing to undo"):
        reopened.undo()


def test_split_move_and_no_counterpart_keep_every_sentence_in_order(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    pair = next(p for p, link in enumerate(review.links) if len(link.fr_ids) == 1 and len(link.en_ids) == 1
                and len(review.links[p + 1].fr_ids) == 1 and len(review.links[p + 1].en_ids) == 1)
    expected = review.links[pair:pair + 2]
    review.merge_next(pair)
    before = len(review.links)
    review.split(pair)
    assert len(review.links) == before + 1 and covers_document(review)
    assert [(link.fr_ids, link.en_ids) for link in review.links[pair:pair + 2]] == [(link.fr_ids, link.en_ids) for link in expected]

    pair = next(p for p, link in enumerate(review.links) if link.fr_ids and link.en_ids and p + 1 < len(review.links)
                and review.links[p + 1].en_ids)
    moved = review.links[pair].en_ids[-1]
    review.move_sentence(pair, "en", "next")
    assert review.links[pair + 1].en_ids[0] == moved and covers_document(review)

    one_to_one = next(p for p, link in enumerate(review.links) if len(link.fr_ids) == 1 and len(link.en_ids) == 1)
    fr_ids, en_ids = review.links[one_to_one].fr_ids, review.links[one_to_one].en_ids
    review.mark_no_counterpart(one_to_one, "fr")
    assert (review.links[one_to_one].fr_ids, review.links[one_to_one].en_ids) == (fr_ids, ())
    assert (review.links[one_to_one + 1].fr_ids, review.links[one_to_one + 1].en_ids) == ((), en_ids)
    kinds = {(flag.side, flag.kind) for flag in review.link_flags(one_to_one) + review.link_flags(one_to_one + 1)}
    assert ("fr", "omission") in kinds and ("en", "addition") in kinds, "the unlinked sentences are re-checked"

    with pytest.raises(CorrectionError, match="no next link"):
        review.move_sentence(len(review.links) - 1, "fr", "next")
    with pytest.raises(CorrectionError, match="last link"):
        review.merge_next(len(review.links) - 1)
    assert covers_document(Review(results[WITH_EN], glossary, folder=tmp_path))


def test_merging_re_checks_the_touched_link(results, glossary, tmp_path) -> None:
    review = Review(results[FR_ONLY], glossary, folder=tmp_path)
    flagged = next(p for p in range(1, len(review.links)) if any(f.kind == "forbidden-term" for f in review.link_flags(p)))
    old = next(f for f in review.link_flags(flagged) if f.kind == "forbidden-term")
    previous_text = review.alignment()["fr"][flagged - 1]
    kinds_before = {f.kind for f in review.link_flags(flagged - 1) + review.link_flags(flagged)}
    review.merge_previous(flagged)
    assert {f.kind for f in review.link_flags(flagged - 1)} == kinds_before, "every check runs again, not only the glossary"
    merged = [f for f in review.link_flags(flagged - 1) if f.kind == "forbidden-term" and f.side == "fr"]
    assert [(f.start, f.end) for f in merged] == [(old.start + len(previous_text) + 1, old.end + len(previous_text) + 1)]
    text = review.alignment()["fr"][flagged - 1]
    assert text[merged[0].start:merged[0].end] == old.text
    flags = review.flags()
    assert flags.filter(pl.col("link") == flagged - 1)["kind"].to_list().count("forbidden-term") == 1


def test_changed_source_text_is_reported_not_applied(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    review.merge_next(0)
    document = results[WITH_EN].document
    changed = replace(results[WITH_EN], document=replace(document, en_text=document.en_text + "\nOne more sentence."))
    stale = Review(changed, glossary, folder=tmp_path)
    assert stale.problem and "official English text changed" in stale.problem
    assert stale.links == stale.auto_links, "stale links are not applied"
    assert "review not applied" in apply_saved_review(changed, glossary, tmp_path).notices[-1]
    stale.set_status(0, "confirmed")
    kept = list(tmp_path.glob(f"{WITH_EN}.review.stale-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8"))["links"] == json.loads(
        review_path(WITH_EN, tmp_path).with_name(f"{WITH_EN}.review.json.bak").read_text(encoding="utf-8"))["links"]


def test_a_second_window_cannot_overwrite_newer_work(results, glossary, tmp_path) -> None:
    first = Review(results[WITH_EN], glossary, folder=tmp_path)
    second = Review(results[WITH_EN], glossary, folder=tmp_path)
    first.set_status(0, "confirmed")
    with pytest.raises(ReviewConflict, match="another window"):
        second.merge_next(3)
    assert second.refresh() and second.links[0].status == "confirmed"
    second.merge_next(3)
    assert Review(results[WITH_EN], glossary, folder=tmp_path).links == second.links


def test_queue_and_filters(results, glossary, tmp_path) -> None:
    review = Review(results[FR_ONLY], glossary, folder=tmp_path)
    queue = review.select(queue=True)
    assert sorted(queue) == list(range(len(review.links)))
    assert any(f.severity == "error" for f in review.link_flags(queue[0])), "errors come first in the review queue"
    review.set_status(queue[0], "confirmed")
    assert review.select(queue=True)[-1] == queue[0], "confirmed links go to the end of the queue"
    assert review.select(statuses=["confirmed"]) == [queue[0]]
    assert all(any(f.kind == "forbidden-term" for f in review.link_flags(p)) for p in review.select(kinds=["forbidden-term"]))
    assert all(review.links[p].score >= 0.9 for p in review.select(min_score=0.9))


def test_cli_exports_use_the_saved_review(results, glossary, tmp_path) -> None:
    folder = tmp_path / "reviews"
    review = Review(results[WITH_EN], glossary, folder=folder)
    review.merge_next(1)
    review.set_status(0, "confirmed")
    run = subprocess.run([sys.executable, "-m", "align", "run", str(TEXTS / "fr" / f"{WITH_EN}.txt"), "--en", str(TEXTS / "en" / f"{WITH_EN}.txt"),
                          "--out", str(tmp_path / "out"), "--glossary", str(glossary.path), "--review-dir", str(folder)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600, env=os.environ | {"ALIGN_REVIEW_DIR": str(tmp_path / "elsewhere")})
    assert run.returncode == 0, run.stderr
    assert "review applied (1 of" in run.stdout
    alignment = pl.read_csv(tmp_path / "out" / WITH_EN / "alignment.csv", infer_schema=False)
    assert alignment.height == len(review.links)
    assert alignment["status"][0] == "confirmed"
    assert alignment["fr_ids"][1] == " ".join(map(str, review.links[1].fr_ids))


def test_highlighting_escapes_text_and_marks_flag_offsets(results, glossary, tmp_path) -> None:
    review = Review(results[FR_ONLY], glossary, folder=tmp_path)
    flag = next(f for p in range(len(review.links)) for f in review.link_flags(p) if f.kind == "forbidden-term")
    text = "<b>x</b> & " + flag.text
    shifted = replace(flag, start=len(text) - len(flag.text), end=len(text))
    rendered = highlight_html(text, [shifted])
    assert rendered.startswith("&lt;b&gt;x&lt;/b&gt; &amp; <mark class=\"sev-error\"")
    assert rendered.endswith(f'tabindex="0">{flag.text}<span class="sr-only"> (error: forbidden-term)</span></mark>')
    assert "suggestion: traite des personnes" in rendered


def test_uploaded_documents_are_validated_and_never_overwritten_silently(tmp_path) -> None:
    english = b"Trafficking in persons is a crime.\n"
    document = corpus.save_document("Communiqué 2024.txt", ("Communiqué 2024.txt", "La traite des personnes est un crime.\n".encode("cp1252")),
                                    ("en.txt", english), folder=tmp_path)
    assert document.name == "communique-2024" and document.fr_text.startswith("La traite") and document.en_text.startswith("Trafficking")
    assert corpus.document_names(tmp_path) == ["communique-2024"]
    assert (tmp_path / "fr" / "communique-2024.txt").read_bytes() == "La traite des personnes est un crime.\n".encode("cp1252")
    with pytest.raises(corpus.DocumentExists, match="already in the corpus"):
        corpus.save_document("communique-2024", ("new.txt", b"Autre texte."), folder=tmp_path)
    corpus.save_document("communique-2024", ("new.txt", b"Autre texte."), overwrite=True, folder=tmp_path)
    assert (tmp_path / "fr" / "communique-2024.txt.bak").exists() and (tmp_path / "en" / "communique-2024.txt.bak").read_bytes() == english
    assert corpus.open_document("communique-2024", tmp_path).en_text is None
    with pytest.raises(InputError, match="big.txt: the file is too large"):
        corpus.save_document("big", ("big.txt", b"a" * (MAX_FILE_BYTES + 1)), folder=tmp_path)
    with pytest.raises(InputError, match="bin.txt: .*binary"):
        corpus.save_document("bin", ("fr.txt", b"Bonjour."), ("bin.txt", BINARY), folder=tmp_path)
    assert not (tmp_path / "fr" / "bin.txt").exists(), "nothing is written when one of the files is bad"


def full_run_flags(review: Review) -> list:
    """The flags a whole-document run of the pipeline's checks gives on the review's current links and texts."""
    from align.checks import run_checks
    from align.model import make_units
    from align.pipeline import check_context

    context = replace(check_context(review.result, review.glossary), mt_unknown_words=review._unknown_by_number(review.links, 0))
    return [(f.link, f.side, f.kind, f.start, f.end, f.message) for f in run_checks(make_units(review.links, review.fr, review.mt, review.en,
                                                                                               review.engines), context) if f.link is not None]


def review_flags(review: Review) -> list:
    return [(f.link, f.side, f.kind, f.start, f.end, f.message) for f in review.flag_list() if f.link is not None and not f.review_state]


def test_a_correction_keeps_every_flag_a_full_run_gives(glossary, tmp_path) -> None:
    """Issue #17: the run-together flag (a document-wide check) vanished when its link was merged, split or reloaded."""
    result = run_document(corpus.open_document("un-sg-world-day-2023", TEXTS), glossary)
    review = Review(result, glossary, folder=tmp_path)
    [typography] = [flag for flag in review.flag_list() if flag.kind == "typography" and "run together" in flag.message]
    position = typography.link
    for correction in (lambda: review.merge_next(position), lambda: review.split(position), review.undo, review.undo, review.redo,
                       lambda: review.edit_sentence("en", review.links[position].en_ids[0], review.en[review.links[position].en_ids[0]] + " Indeed")):
        correction()
        assert any(flag.kind == "typography" and flag.link == position for flag in review.flag_list())
        assert review_flags(review) == full_run_flags(review)
    review.merge_next(position)
    reopened = Review(result, glossary, folder=tmp_path)
    assert review_flags(reopened) == full_run_flags(reopened) and any(flag.kind == "typography" for flag in reopened.flag_list())
    reopened.recheck(glossary)  # as after a glossary save
    assert review_flags(reopened) == full_run_flags(reopened)


def test_relink_joins_a_french_sentence_to_any_english_sentence_and_is_saved_undone_and_redone(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    before = list(review.links)
    position = next(p for p, link in enumerate(review.links) if link.fr_ids and link.en_ids)
    far = len(review.en) - 1  # the last English sentence, far from the link
    review.relink(position, [far])
    link = review.links[position]
    assert link.en_ids == (far,) and link.status == "needs-review"
    assert [i for link in review.links for i in link.fr_ids] == list(range(len(review.fr)))
    assert sorted(i for link in review.links for i in link.en_ids) == list(range(len(review.en))), "every English sentence once"
    assert review.links[position + 1].fr_ids == () and review.links[position + 1].en_ids == before[position].en_ids[:1]
    reopened = Review(results[WITH_EN], glossary, folder=tmp_path)
    assert reopened.problem is None and reopened.links == review.links
    assert reopened.history[-1].label == f"link FR of link {position} to EN sentence {far}"
    reopened.undo()
    assert reopened.links == before
    reopened.redo()
    assert reopened.links[position].en_ids == (far,)
    with pytest.raises(CorrectionError, match="official English has sentences"):
        reopened.relink(position, [len(review.en)])


def test_the_flag_list_follows_verdicts_undo_and_another_windows_save_with_glossary_matches_shared(glossary, tmp_path) -> None:
    """Issue #17: the flag list is built once per review state (the app's QA view asks on every rerun) and the glossary matches
    are shared between the pipeline and every review of a glossary version; neither may show a stale or different flag."""
    matches: dict = {}
    result = run_document(corpus.open_document(FR_ONLY, TEXTS), glossary, glossary_matches=matches)
    assert matches, "the pipeline leaves the glossary matches of its texts for the reviews"
    first = Review(result, glossary, folder=tmp_path, matches=matches)
    second = Review(result, glossary, folder=tmp_path, matches=matches)
    flagged = next(flag for flag in first.flag_list() if flag.link is not None)
    number = first.link_flags(flagged.link).index(flagged)

    def state(review: Review) -> str:
        return review.link_flags(flagged.link)[number].review_state + "|" + next(
            flag.review_state for flag in review.flag_list() if flag.link == flagged.link and flag.kind == flagged.kind and flag.start == flagged.start)

    assert state(first) == "|"
    first.review_flag(flagged.link, number, "dismissed", "a false positive")
    assert state(first) == "dismissed|dismissed"
    assert second.refresh() and state(second) == "dismissed|dismissed", "another window's verdict reaches the flag list"
    first.undo()
    assert state(first) == "|"
    first.merge_next(flagged.link)
    alone = Review(result, glossary, folder=tmp_path)  # its own matches, found again
    assert [(f.link, f.kind, f.start, f.end) for f in first.flag_list()] == [(f.link, f.kind, f.start, f.end) for f in alone.flag_list()]


def test_one_parser_reads_review_files(results, glossary, tmp_path) -> None:
    review = Review(results[WITH_EN], glossary, folder=tmp_path)
    review.merge_next(0)
    path = review_path(WITH_EN, tmp_path)
    saved = read_review_file(json.loads(path.read_text(encoding="utf-8")))
    assert saved.links == review.links and saved.revision == 1 and saved.fr_sha256 == review.fr_sha256
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["links"]
    with pytest.raises(ValueError, match="damaged review file"):
        read_review_file(data)
    with pytest.raises(ValueError, match="not a review file"):
        read_review_file({"format": "something else"})
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "damaged review file" in Review(results[WITH_EN], glossary, folder=tmp_path).problem
