"""The review app through Streamlit's AppTest: open, correct, upload, edit the glossary, export.

The app is pointed at temporary copies of the corpus, glossary and review folder through
ALIGN_TEXTS_DIR, ALIGN_GLOSSARY and ALIGN_REVIEW_DIR, so the real ones are never written.
"""

import json
import os
import shutil

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, write_glossary

WITH_EN = "trilateral-working-group-2023"
FR_ONLY = "us-state-dept-tip-prevention-month-2024"
GLOSSARY_ROWS = [
    ("trafficking in persons", "fr", "traite des personnes", "preferred"),
    ("trafficking in persons", "en", "trafficking in persons", "preferred"),
    ("victim", "fr", "victime", "preferred"),
    ("victim", "en", "victim", "preferred"),
]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    texts = tmp_path / "texts"
    shutil.copytree(ROOT / "texts", texts)
    glossary = tmp_path / "glossary.csv"
    write_glossary(glossary, GLOSSARY_ROWS)
    reviews = tmp_path / "reviews"
    monkeypatch.setenv("ALIGN_TEXTS_DIR", str(texts))
    monkeypatch.setenv("ALIGN_GLOSSARY", str(glossary))
    monkeypatch.setenv("ALIGN_REVIEW_DIR", str(reviews))
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "cache"))
    return {"texts": texts, "glossary": glossary, "reviews": reviews}
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 40


def open_app(document: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if document:
        at.session_state["document"] = document
    return at.run()


def metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


def saved_links(workspace, name: str) -> list[dict]:
    return json.loads((workspace["reviews"] / f"{name}.review.json").read_text(encoding="utf-8"))["links"]


def page_markup(at: AppTest) -> list[str]:
    """The text of every Markdown and HTML element of the page (the rows of the review list are HTML)."""
    return [m.value for m in at.markdown] + [element.proto.body for element in at.get("html")]


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_confirm_a_link_is_saved_and_survives_a_reload(workspace) -> None:
    at = open_app(WITH_EN)
    no_errors(at)
    assert at.title[0].value == WITH_EN
    total = metric(at, "Links")
    assert metric(at, "Confirmed") == 0 and total > 5
    assert any("rule-based MT — rough" in markup for markup in page_markup(at)), "rough Apertium MT is labelled"
    at.checkbox(key="sel_0_0").check().run()
    at.button(key="confirm").click().run()
    no_errors(at)
    assert metric(at, "Confirmed") == 1
    assert saved_links(workspace, WITH_EN)[0]["status"] == "confirmed"

    reloaded = open_app(WITH_EN)
    assert metric(reloaded, "Confirmed") == 1 and metric(reloaded, "Links") == total


def test_confirm_a_whole_page_at_once(workspace) -> None:
    at = open_app(FR_ONLY)
    at.selectbox(key="page_size").set_value(10).run()
    at.button(key="select_page").click().run()
    at.button(key="confirm").click().run()
    no_errors(at)
    assert metric(at, "Confirmed") == 10
    assert [link["status"] for link in saved_links(workspace, FR_ONLY)][:10] == ["confirmed"] * 10
    assert at.button(key="undo").label == "↶ Undo: set 10 links to confirmed"


def test_filters_and_review_queue(workspace) -> None:
    at = open_app(WITH_EN)
    review = at.session_state["review"]
    at.multiselect(key="filter_status").set_value(["needs-review"]).run()
    shown = [int(box.key.rsplit("_", 1)[1]) for box in at.checkbox if box.key and box.key.startswith("sel_")]
    assert shown and all(review.links[p].status == "needs-review" for p in shown)
    assert len(shown) == metric(at, "Needs review")
    at.multiselect(key="filter_status").set_value([]).run()
    at.radio(key="order").set_value("Review queue (least confident, flagged first)").run()
    shown = [int(box.key.rsplit("_", 1)[1]) for box in at.checkbox if box.key and box.key.startswith("sel_")]
    assert shown == review.select(queue=True)[:len(shown)] and shown != sorted(shown)


def test_merge_then_undo(workspace) -> None:
    at = open_app(WITH_EN)
    total = metric(at, "Links")
    at.checkbox(key="sel_0_1").check().run()
    at.button(key="act_merge_next_").click().run()
    no_errors(at)
    assert metric(at, "Links") == total - 1
    links = saved_links(workspace, WITH_EN)
    assert len(links) == total - 1 and links[1]["status"] == "needs-review" and len(links[1]["fr_ids"]) >= 2
    undo = at.button(key="undo")
    assert undo.label == "↶ Undo: merge links 1 and 2"
    undo.click().run()
    assert metric(at, "Links") == total and len(saved_links(workspace, WITH_EN)) == total


def test_a_second_window_sees_the_first_windows_work(workspace) -> None:
    first, second = open_app(WITH_EN), open_app(WITH_EN)
    total = metric(second, "Links")
    second.checkbox(key="sel_0_3").check().run()
    first.checkbox(key="sel_0_1").check().run()
    first.button(key="act_merge_next_").click().run()
    # The second window's click was made on a view older than the saved review: it is not applied to other links.
    second.button(key="act_merge_next_").click().run()
    no_errors(second)
    # The click is refused, said so, and the view shows the saved state.
    assert any("changed in another window" in w.value and "please repeat the correction" in w.value for w in second.warning)
    assert metric(second, "Links") == total - 1
    assert len(saved_links(workspace, WITH_EN)) == total - 1


def test_a_refused_correction_is_explained_in_the_page(workspace) -> None:
    at = open_app(WITH_EN)
    at.checkbox(key="sel_0_0").check().run()
    at.button(key="act_merge_previous_").click().run()
    no_errors(at)
    assert any("first link" in w.value for w in at.warning)


def test_uploads_are_validated_and_saved_into_the_corpus(workspace) -> None:
    at = open_app()
    assert not at.get("file_uploader"), "the upload panel's boxes are drawn only once it is opened"
    at.session_state["upload_panel"] = True  # the reviewer opens "Add a document"
    at.run()
    at.file_uploader(key="upload_fr").set_value(("rapport.txt", BINARY, "text/plain")).run()
    at.button(key="upload_save").click().run()
    no_errors(at)
    assert any("binary" in e.value and "rapport.txt" in e.value for e in at.error)
    assert not (workspace["texts"] / "fr" / "rapport.txt").exists()

    at.file_uploader(key="upload_fr").set_value(("rapport.txt", "La traite des personnes est un crime grave. Les victimes doivent être protégées.\n"
                                                 .encode("cp1252"), "text/plain")).run()
    at.button(key="upload_save").click().run()
    no_errors(at)
    assert (workspace["texts"] / "fr" / "rapport.txt").exists()
    assert at.selectbox(key="document").value == "rapport" and at.title[0].value == "rapport"
    assert metric(at, "Links") == 2

    saved = (workspace["texts"] / "fr" / "rapport.txt").read_bytes()
    at.button(key="upload_save").click().run()
    no_errors(at)
    assert any("is already in the corpus" in m.value for m in at.markdown), "no silent overwrite: what changes is shown first"
    at.button(key="upload_cancel").click().run()
    assert not any("is already in the corpus" in m.value for m in at.markdown)
    assert (workspace["texts"] / "fr" / "rapport.txt").read_bytes() == saved


def test_an_empty_corpus_opens_the_upload_panel(workspace, tmp_path, monkeypatch) -> None:
    empty = tmp_path / "empty-corpus"
    (empty / "fr").mkdir(parents=True)
    monkeypatch.setenv("ALIGN_TEXTS_DIR", str(empty))
    at = open_app()
    no_errors(at)
    assert any("holds no document yet" in info.value for info in at.info)
    assert at.file_uploader(key="upload_fr") is not None and at.file_uploader(key="upload_en") is not None


def test_glossary_add_validates_and_rechecks_the_document(workspace) -> None:
    at = open_app(FR_ONLY)
    assert not any("forbidden-term" in markup for markup in page_markup(at))
    before = workspace["glossary"].read_text(encoding="utf-8")
    at.session_state["tab"] = "Glossary"
    at.run()
    # A forbidden term equal to a preferred one is refused and nothing is written.
    at.selectbox(key="new_concept").set_value("trafficking in persons")
    at.text_input(key="new_term_").set_value("traite des personnes")
    at.selectbox(key="new_status").set_value("forbidden")
    at.button[[b.label for b in at.button].index("Add to glossary")].click().run()
    no_errors(at)
    assert any("not saved" in e.value.lower() for e in at.error)
    assert workspace["glossary"].read_text(encoding="utf-8") == before

    at.selectbox(key="new_concept").set_value("trafficking in persons")
    at.text_input(key="new_term_").set_value("traite des êtres personnes")
    at.selectbox(key="new_status").set_value("forbidden")
    at.button[[b.label for b in at.button].index("Add to glossary")].click().run()
    no_errors(at)
    assert "traite des êtres personnes,forbidden" in workspace["glossary"].read_text(encoding="utf-8")
    assert workspace["glossary"].with_name("glossary.csv.bak").read_text(encoding="utf-8") == before
    at.session_state["tab"] = "Review"
    at.run()
    assert any('class="sev-error" data-kind="forbidden-term"' in markup and "traite des êtres personnes" in markup for markup in page_markup(at)), \
        "the open document is re-checked with the new glossary"


def test_glossary_editor_deletes_and_saves(workspace) -> None:
    at = open_app(WITH_EN)
    at.session_state["tab"] = "Glossary"
    at.run()
    editor = at.data_editor[0]
    assert editor.value["term"].tolist() == [row[2] for row in GLOSSARY_ROWS]
    before = workspace["glossary"].read_text(encoding="utf-8")
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": [{"concept": "victim", "lang": "fr", "status": "admitted"}],
                                             "deleted_rows": []}
    at.button(key="glossary_save").click().run()
    no_errors(at)
    assert any("term is required" in e.value for e in at.error), "a row without a term is refused"
    assert workspace["glossary"].read_text(encoding="utf-8") == before

    at.session_state[editor.key] = {"edited_rows": {0: {"note": "Palermo Protocol"}}, "added_rows": [], "deleted_rows": [2, 3]}
    at.button(key="glossary_save").click().run()
    no_errors(at)
    assert any("removes 2 of the 4 entries" in w.value for w in at.warning), "removing half the glossary asks first"
    assert workspace["glossary"].read_text(encoding="utf-8") == before
    at.button(key="glossary_confirm_save").click().run()
    no_errors(at)
    saved = pl.read_csv(workspace["glossary"], infer_schema=False)
    assert saved["term"].to_list() == ["traite des personnes", "trafficking in persons"]
    assert saved["note"][0] == "Palermo Protocol"
    at.text_input(key="glossary_search").set_value("TRAITE").run()
    matches = [table for table in at.dataframe if table.editing_mode == "read_only"]  # the search result, then a previous version's preview
    assert matches[0].value["term"].tolist() == ["traite des personnes"]


def test_glossary_edits_are_never_replayed_onto_a_glossary_saved_elsewhere(workspace) -> None:
    first, second = open_app(WITH_EN), open_app(WITH_EN)
    for window in (first, second):
        window.session_state["tab"] = "Glossary"
        window.run()
    first.session_state[first.data_editor[0].key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0]}
    first.run()
    second.selectbox(key="new_concept").set_value("victim")
    second.text_input(key="new_term_").set_value("personne victime")
    second.selectbox(key="new_status").set_value("admitted")
    second.button[[b.label for b in second.button].index("Add to glossary")].click().run()
    assert "personne victime" in workspace["glossary"].read_text(encoding="utf-8")
    first.button(key="glossary_save").click().run()
    no_errors(first)
    assert any("saved from another window" in w.value for w in first.warning)
    saved = pl.read_csv(workspace["glossary"], infer_schema=False)
    assert saved["term"].to_list()[0] == "traite des personnes" and "personne victime" in saved["term"].to_list()


def test_add_to_glossary_from_a_flagged_span(workspace) -> None:
    at = open_app(WITH_EN)
    review = at.session_state["review"]
    flagged = next(p for p in range(len(review.links)) if any(flag.text for flag in review.link_flags(p)))
    number, flag = next((number, flag) for number, flag in enumerate(review.link_flags(flagged)) if flag.text)
    at.checkbox(key=f"sel_0_{flagged}").check().run()
    assert any(flag.message in m.value for m in at.markdown), "the side panel shows the flag's message"
    at.button(key=f"addterm_0_{flagged}_{number}").click().run()
    no_errors(at)
    assert at.session_state["tab"] == "Glossary"
    assert at.text_input(key=f"new_term_{flag.text}").value == flag.text
    assert at.selectbox(key="new_lang").value == ("fr" if flag.side == "fr" else "en")
    assert at.selectbox(key="new_concept").value and at.selectbox(key="new_status").value in ("preferred", "forbidden")


def test_export_offers_every_format(workspace) -> None:
    at = open_app(FR_ONLY)
    at.session_state["tab"] = "Export"
    at.run()
    no_errors(at)
    labels = {button.label for button in at.get("download_button")}
    assert labels == {"Aligned TMX", "Alignment CSV", "Flags CSV", "Alignment and flags XLSX", "QA report (HTML)", "Glossary CSV", "Glossary TBX"}


def test_unsaved_glossary_edits_survive_a_visit_to_another_tab(workspace) -> None:
    at = open_app(WITH_EN)
    at.session_state["tab"] = "Glossary"
    at.run()
    at.session_state[at.data_editor[0].key] = {"edited_rows": {0: {"note": "Palermo Protocol"}}, "added_rows": [], "deleted_rows": [3]}
    at.run()
    at.session_state["tab"] = "Review"
    at.run()
    at.session_state["tab"] = "Glossary"
    at.run()
    no_errors(at)
    editor = at.data_editor[0]
    assert editor.value["note"].tolist()[0] == "Palermo Protocol", "the edit made before leaving the tab is still there"
    assert len(editor.value) == len(GLOSSARY_ROWS) - 1
    assert any("not saved yet" in info.value for info in at.info)
    at.session_state[editor.key] = {"edited_rows": {1: {"note": "US usage"}}, "added_rows": [], "deleted_rows": []}
    at.button(key="glossary_save").click().run()
    no_errors(at)
    saved = pl.read_csv(workspace["glossary"], infer_schema=False)
    assert saved.height == len(GLOSSARY_ROWS) - 1
    assert saved["note"].to_list()[:2] == ["Palermo Protocol", "US usage"]


def test_unsaved_glossary_edits_can_be_discarded(workspace) -> None:
    at = open_app(WITH_EN)
    at.session_state["tab"] = "Glossary"
    at.run()
    before = workspace["glossary"].read_text(encoding="utf-8")
    at.session_state[at.data_editor[0].key] = {"edited_rows": {0: {"note": "draft"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.session_state["tab"] = "Review"
    at.run()
    at.session_state["tab"] = "Glossary"
    at.run()
    at.button(key="glossary_discard").click().run()
    no_errors(at)
    assert at.data_editor[0].value["note"].tolist()[0] != "draft"
    assert not any("not saved yet" in info.value for info in at.info)
    assert workspace["glossary"].read_text(encoding="utf-8") == before


def test_a_new_session_opens_the_reviewed_state_without_checking_it_again_and_follows_later_changes(workspace, monkeypatch) -> None:
    from align.review import state

    at = open_app(WITH_EN)
    total = metric(at, "Links")
    at.checkbox(key="sel_0_1").check().run()
    at.button(key="act_merge_next_").click().run()
    at.checkbox(key="sel_1_1").uncheck().run()  # the merged link stays selected after the merge
    at.checkbox(key="sel_1_3").check().run()
    at.button(key="confirm").click().run()
    no_errors(at)
    assert metric(at, "Confirmed") == 1
    checks = []
    real_check_run = state.check_run
    monkeypatch.setattr(state, "check_run", lambda *args, **kwargs: checks.append(1) or real_check_run(*args, **kwargs))

    reopened = open_app(WITH_EN)  # a reload: a new session on the review just saved
    no_errors(reopened)
    assert metric(reopened, "Links") == total - 1 and metric(reopened, "Confirmed") == 1
    assert not checks, "the links the corrections changed were checked when they were made, not again at each reload"
    assert page_markup(reopened) == page_markup(at)
    # The new session's review is its own: a correction there leaves the other session's as it was.
    reopened.checkbox(key="sel_2_0").check().run()
    reopened.button(key="confirm").click().run()
    assert metric(reopened, "Confirmed") == 2 and at.session_state["review"].counts()["confirmed"] == 1

    # A glossary saved since: the next session's flags follow it (and the review's corrections are kept).
    write_glossary(workspace["glossary"], [*GLOSSARY_ROWS, ("trafficking in persons", "fr", "trafic sexuel", "forbidden")])
    with_new_glossary = open_app(WITH_EN)
    no_errors(with_new_glossary)
    assert metric(with_new_glossary, "Links") == total - 1 and metric(with_new_glossary, "Confirmed") == 2
    assert any('data-kind="forbidden-term"' in markup and "trafic sexuel" in markup for markup in page_markup(with_new_glossary))
    checks.clear()
    assert page_markup(open_app(WITH_EN)) == page_markup(with_new_glossary) and not checks, "the state checked with the new glossary is kept"
    # A review file written by another program: the next session reads it and checks it again, the one after does not.
    review_path = workspace["reviews"] / f"{WITH_EN}.review.json"
    os.utime(review_path, ns=(review_path.stat().st_atime_ns, review_path.stat().st_mtime_ns + 1_000_000))
    assert metric(open_app(WITH_EN), "Confirmed") == 2 and checks
    checks.clear()
    assert metric(open_app(WITH_EN), "Confirmed") == 2 and not checks
    # A review file removed by hand: the next session shows the automatic alignment, not the state last kept.
    (workspace["reviews"] / f"{WITH_EN}.review.json").unlink()
    restarted = open_app(WITH_EN)
    assert metric(restarted, "Links") == total and metric(restarted, "Confirmed") == 0
