"""The review app (AppTest) where a browser adds nothing: glossary safety and repair, paging, the add form, the QA view, stale MT."""

from html.parser import HTMLParser

import polars as pl

from align.terms import glossary as glossary_lib
from tests import test_app
from tests.conftest import write_glossary
from tests.test_app import FR_ONLY, GLOSSARY_ROWS, WITH_EN, metric, no_errors, open_app, page_markup

workspace = test_app.workspace  # the same temporary corpus, glossary and review folders

LONG = "long-report"


def shown_links(at) -> list[int]:
    return [int(box.key.rsplit("_", 1)[1]) for box in at.checkbox if box.key and box.key.startswith("sel_")]


def open_tab(at, tab: str):
    at.session_state["tab"] = tab
    return at.run()


def test_no_code_comment_is_written_into_the_page(workspace) -> None:
    at = open_app(WITH_EN)
    no_errors(at)
    assert not any("Session key" in markup for markup in page_markup(at))


def test_an_empty_filter_result_says_so(workspace) -> None:
    at = open_app(WITH_EN)
    at.multiselect(key="filter_status").set_value(["confirmed"]).run()
    no_errors(at)
    assert not shown_links(at)
    assert any("No link matches these filters" in info.value for info in at.info)


def test_changing_the_page_size_keeps_the_rows_in_view(workspace) -> None:
    sentences = [f"La phrase numéro {n} parle de la protection des victimes de la traite des personnes dans la région {n}." for n in range(1, 61)]
    (workspace["texts"] / "fr" / f"{LONG}.txt").write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    at = open_app(LONG)
    assert metric(at, "Links") >= 55
    at.session_state["page"] = 2
    at.run()
    assert shown_links(at)[0] == 25
    at.selectbox(key="page_size").set_value(10).run()
    no_errors(at)
    assert shown_links(at) == list(range(20, 30)), "the page that holds link 25 is shown"
    at.session_state["page"] = 5
    at.run()
    at.selectbox(key="page_size").set_value(25).run()
    assert 40 in shown_links(at)
    # Next / previous link (J / K) move one selected link through the list and turn the page.
    at.button(key="next_link").click().run()
    assert [p for p in shown_links(at) if at.checkbox(key=f"sel_0_{p}").value] == [25]
    at.button(key="previous_link").click().run()
    no_errors(at)
    assert shown_links(at)[0] == 0 and at.checkbox(key="sel_0_24").value and not at.session_state["sel_0_25"]


def test_a_refused_entry_stays_in_the_form(workspace) -> None:
    at = open_tab(open_app(FR_ONLY), "Glossary")
    at.selectbox(key="new_concept").set_value("trafficking in persons")
    at.text_input(key="new_term_").set_value("traite des personnes")
    at.selectbox(key="new_status").set_value("forbidden")
    at.text_input(key="new_note").set_value("seen in the 2019 report")
    at.button[[b.label for b in at.button].index("Add to glossary")].click().run()
    no_errors(at)
    assert any("not saved" in e.value.lower() for e in at.error)
    assert at.text_input(key="new_term_").value == "traite des personnes", "what was typed is still there to correct"
    assert at.text_input(key="new_note").value == "seen in the 2019 report"
    at.selectbox(key="new_status").set_value("admitted")
    at.text_input(key="new_term_").set_value("traite d'êtres humains")
    at.button[[b.label for b in at.button].index("Add to glossary")].click().run()
    assert "traite d'êtres humains" in workspace["glossary"].read_text(encoding="utf-8")
    assert at.text_input(key="new_term_").value == "", "a saved entry empties the form"


def test_a_refused_glossary_save_names_rows_by_the_numbers_the_table_shows(workspace) -> None:
    """Issue #17: the table numbers its rows as glossary.csv does (header = line 1) and a refusal cites those numbers — also after a
    deletion above the faulty row; the add form's entry, in no table, is "the new entry"."""
    at = open_tab(open_app(FR_ONLY), "Glossary")
    editor = at.data_editor[0]
    assert list(editor.value.index) == [2, 3, 4, 5], "the table shows each row's number"
    before = workspace["glossary"].read_text(encoding="utf-8")
    # Delete the row numbered 2 and empty the term of the row numbered 4 (third row shown before, second after the deletion).
    at.session_state[editor.key] = {"edited_rows": {2: {"term": ""}}, "added_rows": [], "deleted_rows": [0]}
    at.button(key="glossary_save").click().run()
    no_errors(at)
    [refusal] = [error.value for error in at.error]
    assert "line 4: term is required" in refusal and "line 3:" not in refusal, refusal
    assert workspace["glossary"].read_text(encoding="utf-8") == before

    at.selectbox(key="new_concept").set_value("trafficking in persons")
    at.text_input(key="new_term_").set_value("traite des personnes")
    at.selectbox(key="new_status").set_value("forbidden")
    at.button[[b.label for b in at.button].index("Add to glossary")].click().run()
    [refusal] = [error.value for error in at.error]
    assert "the new entry:" in refusal and "preferred on line 2" in refusal and "line 6" not in refusal, refusal
    assert workspace["glossary"].read_text(encoding="utf-8") == before


def test_emptying_the_glossary_is_refused_and_versions_can_be_restored(workspace) -> None:
    at = open_tab(open_app(WITH_EN), "Glossary")
    before = workspace["glossary"].read_text(encoding="utf-8")
    at.session_state[at.data_editor[0].key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0, 1, 2, 3]}
    at.button(key="glossary_save").click().run()
    no_errors(at)
    assert any("would hold no entry" in e.value for e in at.error)
    assert workspace["glossary"].read_text(encoding="utf-8") == before

    at = open_tab(open_app(WITH_EN), "Glossary")
    at.selectbox(key="new_concept").set_value("victim")
    at.text_input(key="new_term_").set_value("personne victime")
    at.selectbox(key="new_status").set_value("admitted")
    at.button[[b.label for b in at.button].index("Add to glossary")].click().run()
    versions = glossary_lib.glossary_versions(workspace["glossary"])
    assert len(versions) == 1 and versions[0].path.read_text(encoding="utf-8") == before
    assert versions[0].path.parent == workspace["glossary"].parent / ".versions"
    at.button(key="glossary_restore").click().run()
    no_errors(at)
    assert workspace["glossary"].read_text(encoding="utf-8") == before
    assert any("Restored the version" in s.value for s in at.success)
    assert len(glossary_lib.glossary_versions(workspace["glossary"])) == 2, "the glossary the restore replaced is kept too"


def test_a_malformed_glossary_can_be_repaired_from_the_page(workspace) -> None:
    good = workspace["glossary"].read_text(encoding="utf-8")
    glossary_lib.save_glossary(pl.read_csv(workspace["glossary"], infer_schema=False), workspace["glossary"])  # keeps a version
    lines = good.splitlines()
    broken = "\n".join([*lines[:2], lines[2] + ",extra", *lines[3:]]) + "\n"
    workspace["glossary"].write_text(broken, encoding="utf-8")
    at = open_app(WITH_EN)
    no_errors(at)
    assert any("line 3" in e.value and "glossary.csv" in e.value for e in at.error)
    raw = next(area for area in at.text_area if area.key.startswith("glossary_raw_"))
    raw.set_value(broken.replace(",extra", "")).run()
    at.button(key="glossary_raw_save").click().run()
    no_errors(at)
    assert workspace["glossary"].read_text(encoding="utf-8") == good
    assert metric(at, "Links") > 5, "the review is back"

    workspace["glossary"].write_text(broken, encoding="utf-8")
    at = open_app(WITH_EN)
    at.button(key="glossary_restore").click().run()
    no_errors(at)
    assert workspace["glossary"].read_text(encoding="utf-8") == good


def summary_rows(at) -> list[dict[str, str]]:
    """The rows of the QA view's table of counts, by column."""
    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[list[str]] = []

        def handle_starttag(self, tag, attrs) -> None:
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.rows[-1].append("")

        def handle_data(self, data) -> None:
            if self.rows and self.rows[-1]:
                self.rows[-1][-1] += data

    parser = Cells()
    parser.feed(next(element.proto.body for element in at.get("html") if 'class="qa-summary"' in element.proto.body))
    head, *rows = parser.rows
    return [dict(zip(head, row)) for row in rows]


def test_qa_view_counts_filters_and_jumps_to_the_link(workspace) -> None:
    at = open_tab(open_app(WITH_EN), "QA")
    no_errors(at)
    review = at.session_state["review"]
    flags = review.flag_list()
    assert metric(at, "Errors") == sum(flag.severity == "error" for flag in flags) >= 1
    summary = summary_rows(at)
    assert sum(int(row["flags"]) for row in summary) == len(flags) and {"severity", "kind", "open", "accepted", "dismissed"} <= set(summary[0])
    at.multiselect(key="qa_severity").set_value(["error"]).run()
    jumps = [button for button in at.button if button.key and button.key.startswith("qa_go_")]
    errors = [flag for flag in flags if flag.severity == "error"]
    assert len(jumps) == len(errors)
    jumps[0].click().run()
    no_errors(at)
    assert at.session_state["tab"] == "Review"
    assert at.checkbox(key=f"sel_{review.revision}_{errors[0].link}").value, "the link is selected, with its flags shown"
    assert any(errors[0].message in markup for markup in page_markup(at))


def test_after_a_glossary_change_the_sentences_it_concerns_are_translated_again(workspace) -> None:
    """A glossary entry added for a French term the MT rendered its own way: the sentences holding it are translated again
    with the entry's English, and no MT flag is left saying the glossary constraint failed or that the MT predates the glossary."""
    write_glossary(workspace["glossary"], GLOSSARY_ROWS)
    at = open_app(FR_ONLY)
    review = at.session_state["review"]
    holding = [index for index, text in enumerate(review.fr) if "escroqueries en ligne" in text]
    assert holding and not any("online scams" in review.mt[index] for index in holding)
    at = open_tab(at, "Glossary")
    at.session_state[at.data_editor[0].key] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [
        {"concept": "online scam", "lang": "fr", "term": "escroqueries en ligne", "status": "preferred"},
        {"concept": "online scam", "lang": "en", "term": "online scams", "status": "preferred"}]}
    at.button(key="glossary_save").click().run()
    no_errors(at)
    assert "escroqueries en ligne" in workspace["glossary"].read_text(encoding="utf-8")
    review = at.session_state["review"]
    assert not review.mt_stale and review.retranslated == holding
    assert all("online scams" in review.mt[index] for index in holding)
    assert any(f"{len(holding)} machine-translated sentence" in success.value for success in at.success)
    messages = [flag.message for flag in review.flag_list() if flag.side == "mt"]
    assert not any("glossary constraint failed" in message or "before the last glossary change" in message for message in messages)
    assert not any("Re-translate" in info.value for info in at.info)
    mt_column = review.alignment()["mt"].to_list()
    assert any("online scams" in text for text in mt_column), "the exports' machine translation follows the glossary"
