"""Review app: `streamlit run app.py`.

A thin shell over the library: documents come from `align.io.corpus`, results from
`align.pipeline`, corrections from `align.review.state` and their review file from `align.review.review_file`, downloads from
`align.export.tables`. Folders are taken from the environment so that tests and several corpora
can share the code: `ALIGN_TEXTS_DIR` (corpus, default `texts/`), `ALIGN_GLOSSARY`
(glossary CSV, default `glossary/glossary.csv`), `ALIGN_REVIEW_DIR` (review files,
default `reviews/`).
"""

from __future__ import annotations

import gc
import hashlib
import html
import math
import re
from collections import OrderedDict
from pathlib import Path

import pandas  # st.data_editor imports it on first use: 1.5 s in the middle of a click (the Glossary tab's first opening)
import polars as pl
import streamlit as st

from align import settings
from align.aligner.embedding import DEFAULT_MODEL, load_encoder
from align.checks.base import SUGGESTION_SEPARATOR, fewer_collections
from align.errors import InputError, ModelMissingError
from align.export import tables as export
from align.export.qa_report import qa_report_html
from align.interchange import tbx
from align.interchange.tmx import flag_notes
from align.io import corpus
from align.model import PAST_VERDICT_STATES
from align.pipeline import STAGES, DocumentResult, run_document
from align.review import carry, highlight, review_file
from align.review import state as review_lib
from align.terms import glossary as glossary_lib

# Session key of the glossary table's unsaved edits, kept while another tab is open.
GLOSSARY_DRAFT = "glossary_draft"
PAGE_SIZES = (10, 25, 50, 100)
ROW_BOX_WIDTH = 56  # pixels: the row's checkbox and its link number, the same width on every row so that the columns line up
RESULTS_KEPT = 8
STYLE = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 2.5rem;}
h1 {font-size: 1.8rem !important; padding-bottom: 0.2rem !important;}
[data-testid="stMetricValue"] {font-size: 1.6rem;}
mark.sev-error {background: #f9c9c9; border-bottom: 2px solid #c0392b; padding: 0 1px;}
mark.sev-warning {background: #ffe9a8; border-bottom: 2px solid #d4a017; padding: 0 1px;}
mark.sev-info {background: #d6e6f5; border-bottom: 2px solid #4a7fb5; padding: 0 1px;}
mark[title] {cursor: help;}
.link-meta {font-size: 0.8rem; line-height: 1.5;}
.badge {display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.75rem; font-weight: 600;}
.badge-confirmed {background: #d4f4dd; color: #1e6b34;}
.badge-needs-review {background: #fde2c8; color: #8a4b0f;}
.badge-auto {background: #e6e6e6; color: #444;}
.empty-side {color: #666; font-style: italic;}
.sev-text-error {color: #a61b1b; font-weight: 600;}
.sev-text-warning {color: #7a5a00;}
.sev-text-info {color: #2f5d8a;}
.col-head {font-weight: 700; font-size: 0.85rem; color: #555; border-bottom: 1px solid #ddd;}
.row-grid {display: grid; column-gap: 1.2rem;}
.grid-3 {grid-template-columns: 3fr 3fr 3fr 0.9fr;}
.grid-2 {grid-template-columns: 4fr 4fr 0.9fr;}
.grid-qa {grid-template-columns: 0.9fr 1.4fr 6fr 1.6fr;}
[data-testid="stHorizontalBlock"]:has(.row-grid) {margin-bottom: -0.8rem;}
.sr-only {position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;}
mark:focus {outline: 2px solid #1a4c8b; outline-offset: 1px;}
.legend {font-size: 0.8rem; color: #444;}
table.qa-summary {border-collapse: collapse; font-size: 0.85rem; margin-bottom: 0.6rem;}
table.qa-summary th, table.qa-summary td {padding: 2px 12px; border-bottom: 1px solid #e3e3e3; text-align: right;}
table.qa-summary th {font-weight: 600; color: #555;}
table.qa-summary :is(th, td):nth-child(-n+2) {text-align: left;}
</style>
"""


# ---- resources and caches -------------------------------------------------------------------

def glossary_path() -> Path:
    """The glossary file the app reads and saves: `$ALIGN_GLOSSARY`, else the project's glossary."""
    return settings.glossary_path()


def file_fingerprint(path: Path) -> str:
    """Hash of a file's bytes ('' when absent): detects a glossary saved by another session."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def current_glossary() -> glossary_lib.Glossary:
    """The glossary on disk (an empty one when the file does not exist yet), loaded once per version of the file."""
    path = glossary_path()
    return loaded_glossary(str(path), file_fingerprint(path))


@st.cache_resource(max_entries=4, show_spinner=False)
def loaded_glossary(path: str, fingerprint: str) -> glossary_lib.Glossary:
    """Load and validate the glossary; `fingerprint` (the file's hash) keys the cache."""
    if not fingerprint:
        return glossary_lib.Glossary(pl.DataFrame(schema={column: pl.Utf8 for column in glossary_lib.COLUMNS}))
    return glossary_lib.load_glossary(path)


def corpus_document(name: str):
    """Document `name` of the corpus, read and decoded once per version of its files (not on every rerun)."""
    root = corpus.texts_dir()
    try:
        signature = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size)
                          for side in ("fr", "en") for path in corpus.source_files(root / side) if path.stem == name)
    except OSError:  # a file replaced while we looked: read it as it is now
        return corpus.open_document(name)
    return read_corpus_document(name, str(root), signature)


@st.cache_resource(max_entries=8, show_spinner=False)
def read_corpus_document(name: str, root: str, signature: tuple):
    """`corpus.open_document`; `root` and `signature` (paths, mtimes and sizes of the document's files) key the cache."""
    return corpus.open_document(name)


@st.cache_resource(show_spinner="Loading the sentence encoder…")
def encoder():
    """The sentence encoder, loaded once per server process."""
    return load_encoder(DEFAULT_MODEL)


@st.cache_resource(max_entries=4, show_spinner=False)
def glossary_matches(fingerprint: str) -> dict:
    """Glossary matches of each text, found once per glossary version and shared by every review of this server (a new
    session, a reload, another tab): finding them in every text of a long document took 2 s at the first correction."""
    return {}


@st.cache_resource
def result_store() -> OrderedDict:
    """Pipeline results shared by all sessions of this server, keyed by the texts' fingerprints."""
    return OrderedDict()


@st.cache_resource
def checked_reviews() -> OrderedDict:
    """The last checked state of each review, shared by all sessions of this server: keyed by the review file, the texts'
    fingerprints and the glossary's, each holding a `Review` that no session corrects (sessions get copies of it)."""
    return OrderedDict()


def checked_key(key: tuple, glossary_key: str) -> tuple:
    """Where `checked_reviews` keeps a document's review: its review file, its texts' fingerprints (`key`: name, French, English) and the
    glossary's."""
    return str(review_file.review_path(key[0])), key, glossary_key


def kept_review(key: tuple, glossary_key: str, result: DocumentResult) -> review_lib.Review | None:
    """A copy of the review last checked by a session of this server for these texts, glossary and pipeline result, while its
    file is the one it saved or read: a reload or a new session then neither reads the file nor checks again the links its
    corrections changed (0.3-0.5 s for a reviewed 2,000-link document)."""
    kept = checked_reviews().get(checked_key(key, glossary_key))
    if kept is None or kept.result is not result or kept.file_changed():
        return None
    return kept.copy()


def remember_review(review: review_lib.Review) -> None:
    """Keep a copy of the session's review (`kept_review`) when its state is not the one kept already (a correction, a reload)."""
    key, glossary_key = st.session_state.get("review_key"), st.session_state.get("review_glossary")
    if key is None:
        return
    store = checked_reviews()
    store_key = checked_key(key, glossary_key)
    kept = store.get(store_key)
    if kept is None or kept.result is not review.result or (kept.revision, kept.problem) != (review.revision, review.problem) or kept.file_changed():
        store[store_key] = review.copy()
    store.move_to_end(store_key)
    while len(store) > RESULTS_KEPT:
        store.popitem(last=False)


def pipeline_result(document, glossary: glossary_lib.Glossary, glossary_key: str) -> tuple[DocumentResult, str]:
    """The document's pipeline result, computed once per text version (progress shown per stage).

    Returns the result and the fingerprint of the glossary its flags were computed with.
    """
    store = result_store()
    key = (document.name, review_file.text_fingerprint(document.fr_text), review_file.text_fingerprint(document.en_text))
    if key in store:
        store.move_to_end(key)
        return store[key]
    bar = st.progress(0.0, text="Starting…")
    done: list[str] = []

    def progress(stage: str) -> None:
        done.append(stage)
        bar.progress(min(len(done) / len(STAGES), 1.0), text=f"{document.name}: {stage} ({len(done)}/{len(STAGES)})")

    result = run_document(document, glossary, progress=progress, glossary_matches=glossary_matches(glossary_key))
    bar.empty()
    store[key] = (result, glossary_key)
    while len(store) > RESULTS_KEPT:
        store.popitem(last=False)
    # The models, caches and results now in memory live as long as the server: taken out of the cyclic garbage collector's
    # reach, a full collection no longer scans them in the middle of a click (1.4 s of a 2.2 s undo on a 2,000-link document).
    gc.collect()
    gc.freeze()
    # A correction's re-check makes hundreds of thousands of small objects (matches, words, flags) over the whole document: at
    # Python's default threshold the collector walked the review's young objects again and again, a third of applying a suggestion.
    fewer_collections()
    return store[key]


# ---- sidebar: documents and filters ---------------------------------------------------------

# Session key of an upload that replaces a document, waiting for the reviewer to read what changes and confirm.
UPLOAD_PENDING = "upload_pending"
# Session key of the upload panel's expander (open or not); the app opens it while the corpus is empty or a replacement waits.
UPLOAD_PANEL = "upload_panel"


def upload_panel() -> None:
    """Drag-and-drop a French file (and optionally its official English) into the corpus.

    A file for a document already in the corpus is not saved at once: the panel says what changes (sentences added,
    removed, changed; the official English kept; confirmations kept and dropped) and waits for *Replace*.
    """
    pending = st.session_state.get(UPLOAD_PENDING)
    if pending is not None or not corpus.document_names():
        st.session_state[UPLOAD_PANEL] = True
    # Its boxes are sent only once it is opened (a rerun of the page): closed, as it nearly always is, its two file boxes, name box and
    # button were drawn all the same on every new session, reload and sidebar change.
    panel = st.sidebar.expander("Add a document", key=UPLOAD_PANEL, on_change="rerun")
    if not panel.open:
        return
    with panel:
        fr_file = st.file_uploader("French text (.txt, .docx, .pdf, web page…)", type=corpus.UPLOAD_TYPES, key="upload_fr")
        en_file = st.file_uploader("Official English (optional, any of those formats)", type=corpus.UPLOAD_TYPES, key="upload_en")
        default_name = ""
        if fr_file is not None:
            try:
                default_name = corpus.document_name(fr_file.name)
            except InputError:
                default_name = ""
        name = st.text_input("Document name", value=default_name, key=f"upload_name_{default_name}")
        if st.button("Save to corpus", key="upload_save", disabled=fr_file is None):
            fr = (fr_file.name, fr_file.getvalue())
            en = (en_file.name, en_file.getvalue()) if en_file is not None else None
            try:
                safe = corpus.document_name(name or fr_file.name)
                if safe in corpus.document_names():
                    st.session_state[UPLOAD_PENDING] = pending = replacement_plan(safe, fr, en)
                else:
                    save_upload(safe, fr, en)
            except InputError as error:
                st.error(f"Not saved — {error}")
        if pending is not None:
            replacement_panel(pending)
        message = st.session_state.pop("upload_message", None)
        if message:
            (st.success if message[0] == "success" else st.error)(message[1])


def replacement_plan(name: str, fr: tuple[str, bytes], en: tuple[str, bytes] | None) -> dict:
    """What replacing document `name` by the uploaded files would change (nothing is written)."""
    new_fr = corpus.validate_upload(*fr)
    new_en = corpus.validate_upload(*en) if en is not None else None
    plan = carry.plan_carry_over(corpus.open_document(name), new_fr, new_en, folder=settings.review_dir())
    return {"name": name, "fr": fr, "en": en, "plan": plan}


def replacement_panel(pending: dict) -> None:
    plan = pending["plan"]
    with st.container(border=True, key="upload_changes"):
        st.markdown(f"**“{pending['name']}” is already in the corpus.** Replacing it changes:")
        st.markdown("\n".join(f"- {line}" for line in plan.summary()))
        cols = st.columns(2)
        cols[0].button("Replace and carry the review over", key="upload_confirm", type="primary", on_click=confirm_replacement)
        cols[1].button("Cancel", key="upload_cancel", on_click=lambda: st.session_state.pop(UPLOAD_PENDING, None))


def confirm_replacement() -> None:
    """Button callback: save the pending upload over its document; the review is carried over when the document opens."""
    pending = st.session_state.pop(UPLOAD_PENDING, None)
    if pending is None:
        return
    try:
        save_upload(pending["name"], pending["fr"], pending["en"], replace=True)
    except InputError as error:
        st.session_state["upload_message"] = ("error", f"Not saved — {error}")
        return
    st.session_state["carry_over"] = pending["plan"]


def save_upload(name: str, fr: tuple[str, bytes], en: tuple[str, bytes] | None, *, replace: bool = False) -> None:
    document = corpus.save_document(name, fr, en, overwrite=replace, keep_english=replace and en is None)
    st.session_state["document"] = document.name
    st.session_state.pop("review", None)
    english = "; its official English is kept" if replace and en is None and document.en_text is not None else ""
    st.session_state["upload_message"] = ("success", f"Saved “{document.name}” to the corpus ({corpus.texts_dir()}){english}.")


# Session keys of the review filters and the value of each that filters nothing.
FILTER_DEFAULTS = {"filter_status": [], "filter_kind": [], "filter_severity": [], "filter_score": (0.0, 1.0), "order": "Document order"}


def filter_panel(review: review_lib.Review) -> dict:
    """Filters and ordering of the review view."""
    sidebar = st.sidebar
    # Set through the session state rather than a widget default: a jump from the QA view clears them the same way.
    st.session_state.setdefault("filter_score", FILTER_DEFAULTS["filter_score"])
    sidebar.subheader("Filter links")
    statuses = sidebar.multiselect("Status", ["auto", "needs-review", "confirmed"], key="filter_status")
    kinds = sidebar.multiselect("Flag kind", review.flag_kinds(), key="filter_kind")
    st.session_state["kinds_offered"] = review.flag_kinds()
    severities = sidebar.multiselect("Flag severity", ["error", "warning", "info"], key="filter_severity")
    low, high = sidebar.slider("Confidence", 0.0, 1.0, step=0.05, key="filter_score")
    order = sidebar.radio("Order", ["Document order", "Review queue (least confident, flagged first)"], key="order")
    page_size = sidebar.selectbox("Links per page", PAGE_SIZES, index=1, key="page_size", on_change=keep_first_row)
    return {"statuses": statuses, "kinds": kinds, "severities": severities, "min_score": low, "max_score": high,
            "queue": order.startswith("Review queue"), "page_size": page_size}


def keep_first_row() -> None:
    """Page-size callback: open the page that holds the first link shown before, not the same page number."""
    before = st.session_state.get("page_size_before", PAGE_SIZES[1])
    size = st.session_state["page_size"]
    first = (max(1, st.session_state.get("page") or 1) - 1) * before
    st.session_state["page"] = first // size + 1
    st.session_state["page_size_before"] = size


# ---- review view -----------------------------------------------------------------------------

def open_review(name: str) -> review_lib.Review | None:
    """The session's review of document `name`, (re)built when the text or the glossary changed."""
    try:
        document = corpus_document(name)
        glossary = current_glossary()
    except InputError as error:
        st.error(str(error))
        return None
    glossary_key = file_fingerprint(glossary_path())
    key = (name, review_file.text_fingerprint(document.fr_text), review_file.text_fingerprint(document.en_text))
    review = st.session_state.get("review")
    if review is None or st.session_state.get("review_key") != key:
        try:
            result, flagged_with = pipeline_result(document, glossary, glossary_key)
            review = kept_review(key, glossary_key, result) or review_lib.Review(
                result, glossary, encoder=encoder(), recheck=flagged_with != glossary_key, matches=glossary_matches(glossary_key))
        except (InputError, ModelMissingError) as error:
            st.error(str(error))
            return None
        plan = st.session_state.pop("carry_over", None)
        if plan is not None and plan.name == name and review.problem:
            try:
                if carry.carry_over(review, plan):
                    st.session_state["message"] = ("info", f"Review carried over to the new text: {review.history[-1].label}. Undo goes back to "
                                                           "the automatic alignment of the new text.")
            except (review_lib.ReviewConflict, OSError) as error:
                st.session_state["message"] = ("warning", f"The review could not be carried over: {error}")
        st.session_state.update(review=review, review_key=key, review_glossary=glossary_key)
    else:
        if review.refresh():
            st.info("This review was updated from another window; the view shows the saved state.")
        if st.session_state.get("review_glossary") != glossary_key:
            review.recheck(glossary, glossary_matches(glossary_key))
            st.session_state["review_glossary"] = glossary_key
    remember_review(review)
    return review


def retranslate(review: review_lib.Review) -> None:
    """Forget the document's pipeline result, so that it runs again (MT included) with the glossary on disk."""
    document = review.result.document
    result_store().pop((document.name, review_file.text_fingerprint(document.fr_text), review_file.text_fingerprint(document.en_text)), None)
    st.session_state.pop("review", None)


def correct(review: review_lib.Review, action: str, *args) -> None:
    """Apply one correction through `align.review.state`, reporting refusals in the page."""
    try:
        getattr(review, action)(*args)
    except review_lib.CorrectionError as error:
        st.session_state["message"] = ("warning", str(error))
    except review_lib.ReviewConflict as error:
        review.refresh()
        st.session_state["message"] = ("warning", str(error))
    except OSError as error:
        st.session_state["message"] = ("error", f"The review could not be saved: {error}")


def act(method: str, *args, keep: int | None = None) -> None:
    """Button callback: apply one correction before the script runs (one run per click, not two); `keep` is the link left selected after it."""
    review = st.session_state.get("review")
    if review is None:
        return
    before = review.revision
    correct(review, method, *args)
    remember_review(review)
    if keep is not None and review.revision != before:
        kept = max(0, min(keep, len(review.links) - 1))
        st.session_state[f"sel_{review.revision}_{kept}"] = True
        st.session_state["focus_link"] = kept


def act_on_link(method: str, one: int, *extra) -> None:
    """Toolbar callback for a correction of one link: the link it makes stays selected, and the page says where a comment went."""
    review = st.session_state.get("review")
    if review is None or one is None or not 0 <= one < len(review.links):
        return
    comment = review.links[one].comment
    act(method, one, *extra, keep=one - 1 if method == "merge_previous" else one)
    if not comment or "message" in st.session_state:  # nothing to say, or the correction was refused
        return
    if method in ("split", "mark_no_counterpart"):
        st.session_state["message"] = ("info", f"The comment of link {one} stays on the first part, link {one}.")
    elif method.startswith("merge"):
        st.session_state["message"] = ("info", "The merged link keeps the comments of both links, joined.")


def set_status(selected: list[int], status: str) -> None:
    """Confirm / needs-review callback; from the keyboard (the selected link is the cursor) the link stays selected."""
    if not selected:
        return
    one = selected[0] if len(selected) == 1 else None
    act("set_status", selected, status, keep=one if one is not None and one == st.session_state.get("cursor") else None)


def row_status(position: int, status: str) -> None:
    """Confirm / needs-review callback of the selected row's own buttons: the row stays selected and focused."""
    act("set_status", [position], status, keep=position)


def relink_from(position: int, key: str) -> None:
    """Callback of *Link*: the link's French goes with the English sentences chosen in box `key`."""
    act("relink", position, list(st.session_state.get(key) or []), keep=position)


def dismiss(position: int, number: int, reason_key: str) -> None:
    act("review_flag", position, number, "dismissed", st.session_state.get(reason_key, ""))


def save_comment(position: int, key: str) -> None:
    review = st.session_state.get("review")
    if review is None or key not in st.session_state:
        return
    if st.session_state[key].strip() == review.links[position].comment:
        st.session_state["message"] = ("info", f"The comment of link {position} is unchanged: nothing to save.")
        return
    act("comment", position, st.session_state[key])


def save_texts(keys: dict[tuple[str, int], str]) -> None:
    """Save the sentences of a link that differ from the review's texts (all the link's boxes are passed: the one the reviewer
    typed in may have sent its text with the click itself)."""
    review = st.session_state.get("review")
    if review is None:
        return
    changed = [(side, index, st.session_state[key]) for (side, index), key in keys.items()
               if key in st.session_state and " ".join(st.session_state[key].split()) != (review.fr if side == "fr" else review.en)[index]]
    if not changed:
        st.session_state["message"] = ("info", "The sentences are unchanged: nothing to save.")
    for side, index, text in changed:
        act("edit_sentence", side, index, text)


def flag_summary(flags) -> str:
    """Flag counts by severity, in words as well as colour ("⚑ 1 error, 2 info")."""
    counts = {severity: sum(flag.severity == severity for flag in flags) for severity in ("error", "warning", "info")}
    return "⚑ " + ", ".join(f'<span class="sev-text-{severity}">{count} {severity}{"s" if count > 1 and severity != "info" else ""}</span>'
                            for severity, count in counts.items() if count)


def status_badge(status: str) -> str:
    return f'<span class="badge badge-{status}">{status}</span>'


def side_html(text: str, flags, side: str) -> str:
    if not text:
        return '<span class="empty-side">— no counterpart —</span>'
    # A blank line would end the HTML block and let Markdown reinterpret the rest of the text.
    return highlight.highlight_html(text, [flag for flag in flags if flag.side == side]).replace("\n", "<br>")


def review_caption(review: review_lib.Review) -> str:
    english = "official English" if review.has_official else "no official English: French and machine translation only"
    saved = f"saved {review.saved_at}, revision {review.revision}" if review.saved_at else "no correction saved yet"
    return f"{len(review.fr)} French and {len(review.en)} English sentences · {english} · review file {review.path} ({saved})"


@st.fragment
def review_view(review: review_lib.Review, filters: dict, caption_box) -> None:
    """Counters, toolbar and the aligned rows of the current page.

    A fragment: ticking a link, a correction, a page change rerun this view alone, not the sidebar and the rest of the page (the
    browser redraws a third fewer elements). What outside it a correction changes is brought up to date from here: the caption
    (`caption_box`, a placeholder), and the whole page runs again when the flag kinds offered in the sidebar are no longer those
    of the document (a callback that opens another tab asks for the whole page itself).
    """
    if st.session_state.get("kinds_offered") != review.flag_kinds():
        st.rerun(scope="app")
    if review.refresh():
        st.session_state["message"] = ("info", "This review was updated from another window; the view shows the saved state.")
        remember_review(review)
    caption_box.caption(review_caption(review))
    counts = review.counts()
    a, b, c, d = st.columns(4)
    a.metric("Confirmed", counts["confirmed"])
    b.metric("Needs review", counts["needs-review"])
    c.metric("Not yet reviewed (auto)", counts["auto"])
    d.metric("Links", counts["total"])
    st.progress(counts["confirmed"] / counts["total"] if counts["total"] else 0.0,
                text=f"{counts['confirmed']} of {counts['total']} links confirmed")

    if not review.history and not review.redo_list and counts["confirmed"] == 0:
        st.info("**How to review:** tick a link (or press J) and its flags appear above the list, with what you can do about each; "
                "✓ Confirm (Y) when the French and English match, Needs review (N) when they do not, Merge/Split (M/S) to redraw links. "
                "Every correction is saved at once and can be undone (U) and redone (Shift+U). Press H for all the keys.")
    st.html('<div class="legend">Highlights: <mark class="sev-error">error</mark> · <mark class="sev-warning">warning</mark> · '
            '<mark class="sev-info">info</mark> (hover or focus one for its message) — status: '
            f'{status_badge("auto")} not yet reviewed · {status_badge("needs-review")} · {status_badge("confirmed")} · ✎ corrected text · '
            '💬 comment</div>')

    positions = review.select(kinds=filters["kinds"], severities=filters["severities"], statuses=filters["statuses"],
                              min_score=filters["min_score"], max_score=filters["max_score"], queue=filters["queue"])
    size = filters["page_size"]
    pages = max(1, math.ceil(len(positions) / size))
    st.session_state["page"] = page = min(max(1, st.session_state.get("page") or 1), pages)
    shown = positions[(page - 1) * size:page * size]
    revision = review.revision
    # The ticked boxes are in the session state before their checkboxes are drawn (a click, or a callback that selects a link): the
    # toolbar and the flag panel are sent where they sit, above the rows, not filled in after them. After a page load the browser
    # loads the code of each kind of widget (button, checkbox, page switcher…) when the first one arrives, with a placeholder until
    # then, and React (18.3) reveals the placeholders of the whole page together, up to 0.5 s after the last one was drawn: a kind
    # first sent at the end of the page (the toolbar's buttons) held back every widget of a reload.
    selected = [p for p in shown if st.session_state.get(f"sel_{revision}_{p}")]
    with st.container():  # one element whatever it holds: the flag panel coming and going leaves the rows' places (and elements) as they were
        toolbar(review, selected, shown, positions)
        if selected:
            flag_panel(review, selected)
    message = st.session_state.pop("message", None)
    if message:
        {"warning": st.warning, "info": st.info}.get(message[0], st.error)(message[1])
    if pages > 1:
        page_switcher(pages, page)
    st.caption(f"{len(positions)} of {counts['total']} links match the filters · page {page} of {pages}")
    if not positions:
        st.info("No link matches these filters: clear or widen a filter in the sidebar.")
        return

    has_en = review.has_official
    mt_engine = next((engine for engine in review.engines if engine), "none")
    mt_label = "Machine translation" + (" (rule-based MT — rough)" if "apertium" in mt_engine else f" ({mt_engine})")
    # One checkbox and one HTML grid per row: far fewer elements for the browser than a column per side.
    grid = "grid-3" if has_en else "grid-2"
    heads = ["French", mt_label, *(["Official English"] if has_en else []), "Confidence"]
    head = st.container(horizontal=True, gap="small", wrap=False)
    head.html('<div class="col-head">#</div>', width=ROW_BOX_WIDTH)
    head.html(f'<div class="row-grid {grid} col-head">{"".join(f"<div>{html.escape(h)}</div>" for h in heads)}</div>')
    for row in review.alignment(shown).iter_rows(named=True):
        position = row["link"]
        flags = [flag for flag in review.link_flags(position) if flag.review_state != "dismissed"]
        link = review.links[position]
        corrected = any(review.edited(side, i) for side in ("fr", "en") for i in (link.fr_ids if side == "fr" else link.en_ids))
        meta = "<br>".join([f'{row["score"]:.2f}', status_badge(row["status"]), *([flag_summary(flags)] if flags else []),
                            *(['<span title="the reviewer corrected this text">✎ corrected</span>'] if corrected else []),
                            *([f'<span title="{html.escape(link.comment)}">💬 comment</span>'] if link.comment else [])])
        # lang attributes let screen readers and spell checkers read each side in its language
        cells = [side_html(row["fr"], flags, "fr"), side_html(row["mt"], flags, "mt"), *([side_html(row["en"], flags, "en")] if has_en else []),
                 f'<div class="link-meta">{meta}</div>']
        langs = ["fr", "en", *(["en"] if has_en else []), "en"]
        # One flex row of two elements (a checkbox and the row's HTML), not two columns of one each: 50 fewer elements a page for the
        # browser to draw; and st.html, which the browser inserts as it is, where st.markdown parsed every row as Markdown first.
        row = st.container(horizontal=True, gap="small", wrap=False)
        # wrap=True: in a horizontal row Streamlit would otherwise cut a long label with an ellipsis, and to know whether it is cut it
        # reads every label's layout once drawn, forcing layouts of the page (round 12's profile of reloads: 0.11 s in that check).
        row.checkbox(str(position), key=f"sel_{revision}_{position}", width=ROW_BOX_WIDTH, wrap=True)
        row_html = f'<div class="row-grid {grid}">{"".join(f"<div lang={lang!r}>{cell}</div>" for lang, cell in zip(langs, cells))}</div>'
        if selected == [position]:  # inside the row: the rows after it keep their place in the page (their elements are not redrawn)
            with row.container():
                st.html(row_html)
                row_actions(review, position)
        else:
            row.html(row_html)
    focus = st.session_state.pop("focus_link", None)
    if focus is not None and focus in shown:
        keep_focus(f"sel_{revision}_{focus}", revision)


def page_switcher(pages: int, page: int) -> None:
    """The page numbers of the review list, showing page `page` (session key "page", which callbacks also set: page size, J/K, a jump).

    Streamlit warns about a widget given both a default and a value through the session state, and a page switcher always has a
    default: so the app never writes the widget's own key. A page the app chose starts a new switcher (a new key) at that page,
    and a click on the switcher copies its page into "page".
    """
    generation = st.session_state.get("page_generation", 0)
    if st.session_state.get(f"page_nav_{generation}", page) != page:
        generation += 1
        st.session_state["page_generation"] = generation
    st.pagination(pages, default=page, key=f"page_nav_{generation}", on_change=page_chosen, args=(f"page_nav_{generation}",))


def page_chosen(key: str) -> None:
    st.session_state["page"] = st.session_state[key]


def row_actions(review: review_lib.Review, position: int) -> None:
    """The corrections of the one selected link, under its row: confirm, needs review, merge, split, and linking its French
    to any English sentence of the document."""
    link = review.links[position]
    with st.container(key="row_actions", border=True):
        # One flex row, not six columns: a column is an element of its own for the server to send and the browser to draw, on every
        # run with a link selected.
        bar = st.container(horizontal=True, gap="small", vertical_alignment="center")
        bar.button("✓ Confirm", key="row_confirm", type="primary", on_click=row_status, args=(position, "confirmed"),
                   help=f"confirm link {position}")
        bar.button("Needs review", key="row_needs_review", on_click=row_status, args=(position, "needs-review"))
        bar.button("Merge ↑", key="row_merge_previous", on_click=act_on_link, args=("merge_previous", position),
                   disabled=position == 0, help="merge with the previous link")
        bar.button("Merge ↓", key="row_merge_next", on_click=act_on_link, args=("merge_next", position),
                   disabled=position + 1 >= len(review.links), help="merge with the next link")
        bar.button("Split", key="row_split", on_click=act_on_link, args=("split", position),
                   disabled=len(link.fr_ids) + len(link.en_ids) < 2, help="split after the first sentence of each side")
        # The list of every English sentence is sent to the browser only when asked for (a long document has thousands).
        if review.has_official and link.fr_ids and bar.toggle("Link to other English sentences…", key=f"row_relink_open_{position}"):
            choice_key = f"row_relink_choice_{review.revision}_{position}"
            st.multiselect("English sentences for this French (type a number or words to find one)", range(len(review.en)),
                           default=list(link.en_ids), key=choice_key, format_func=lambda i: f"EN {i} · {review.en[i][:90]}")
            st.button("Link", key="row_relink", on_click=relink_from, args=(position, choice_key),
                      help="the chosen English sentences leave their links; this link's other English sentences become links of their own")


def keep_focus(key: str, revision: int) -> None:
    """After a correction, move the keyboard focus (and the view) back to the row of link `key`: the redrawn page would
    otherwise drop the reviewer at the top."""
    script = f"""<script>/* {revision} */
(() => {{
  let tries = 0;
  const focus = () => {{
    const box = document.querySelector('.st-key-{key}');
    const row = box && box.closest('[data-testid="stHorizontalBlock"]');
    if (!row) {{ if (tries++ < 40) setTimeout(focus, 50); return; }}
    row.setAttribute('tabindex', '-1');
    row.focus({{preventScroll: true}});
    row.scrollIntoView({{block: 'nearest'}});
  }};
  focus();
}})();
</script>"""
    st.html(script, unsafe_allow_javascript=True)


def select_all(keys: list[str], value: bool) -> None:
    for key in keys:
        st.session_state[key] = value


# Keys of the review toolbar (Streamlit reserves C and R, and takes no punctuation).
SHORTCUTS = {"next": "J", "previous": "K", "next_flag": "F", "confirm": "Y", "needs_review": "N", "merge_next": "M", "split": "S",
             "undo": "U", "redo": "Shift+U", "help": "H"}


def move_cursor(positions: list[int], step: int, target: int | None = None) -> None:
    """Button callback (J/K): select the next or previous link of the filtered list alone (or link `target`), turning the page if needed."""
    review = st.session_state.get("review")
    if review is None or not positions:
        return
    revision, size = review.revision, st.session_state.get("page_size", PAGE_SIZES[1])
    selected = [p for p in positions if st.session_state.get(f"sel_{revision}_{p}")]
    first_shown = ((st.session_state.get("page") or 1) - 1) * size
    index = positions.index(selected[0] if step < 0 else selected[-1]) + step if selected else first_shown
    if target is not None:
        index = positions.index(target)
    index = max(0, min(len(positions) - 1, index))
    for position in selected:
        st.session_state[f"sel_{revision}_{position}"] = False
    st.session_state[f"sel_{revision}_{positions[index]}"] = True
    st.session_state["page"] = index // size + 1
    st.session_state["cursor"] = positions[index]


def move_to_flag(positions: list[int]) -> None:
    """Button callback (F): select the next link of the filtered list that carries a flag not dismissed (from the first again at the end)."""
    review = st.session_state.get("review")
    if review is None or not positions:
        return
    flagged = set(review.select(severities=("error", "warning", "info")))
    revision = review.revision
    selected = [p for p in positions if st.session_state.get(f"sel_{revision}_{p}")]
    after = positions.index(selected[-1]) + 1 if selected else 0
    order = positions[after:] + positions[:after]
    target = next((p for p in order if p in flagged), None)
    if target is None:
        st.session_state["message"] = ("warning", "No link of this list carries a flag left to review.")
        return
    move_cursor(positions, 0, target)


@st.dialog("Keyboard shortcuts")
def shortcuts_help() -> None:
    st.markdown("\n".join([
        f"- **{SHORTCUTS['next']}** / **{SHORTCUTS['previous']}** — select the next / previous link (turns the page)",
        f"- **{SHORTCUTS['next_flag']}** — select the next link with a flag to review",
        f"- **{SHORTCUTS['confirm']}** — confirm the selected links",
        f"- **{SHORTCUTS['needs_review']}** — set the selected links to needs review",
        f"- **{SHORTCUTS['merge_next']}** — merge the selected link with the next one",
        f"- **{SHORTCUTS['split']}** — split the selected link",
        f"- **{SHORTCUTS['undo']}** / **{SHORTCUTS['redo']}** — undo the last correction / redo the last correction undone",
        f"- **{SHORTCUTS['help']}** — this help",
        "",
        "Shortcuts do nothing while the cursor is in a text field.",
    ]))


def toolbar(review: review_lib.Review, selected: list[int], shown: list[int], positions: list[int]) -> None:
    """Corrections of the selected links, undo, and moving through the links (with keyboard shortcuts)."""
    revision = review.revision
    keys = [f"sel_{revision}_{p}" for p in shown]
    one = selected[0] if len(selected) == 1 else None
    # Flex rows of buttons, not a column each: a column is one more element for the server to send and the browser to draw.
    row1 = st.container(horizontal=True, gap="small")
    row1.button("Select page", key="select_page", on_click=select_all, args=(keys, True), help="select every link shown on this page")
    row1.button("Clear selection", key="clear_selection", on_click=select_all, args=(keys, False))
    row1.button("↑ Previous", key="previous_link", on_click=move_cursor, args=(positions, -1), shortcut=SHORTCUTS["previous"],
                help="select the previous link")
    row1.button("↓ Next", key="next_link", on_click=move_cursor, args=(positions, 1), shortcut=SHORTCUTS["next"], help="select the next link")
    # A click can arrive from a view that a refresh has since replaced (selection gone): it then does nothing.
    for label, status, key in (("✓ Confirm", "confirmed", "confirm"), ("Needs review", "needs-review", "needs_review")):
        row1.button(label, key=key, type="primary" if status == "confirmed" else "secondary", disabled=not selected,
                    shortcut=SHORTCUTS[key], help=f"set the selected links to {status}", on_click=set_status, args=(selected, status))
    last = review.history[-1].label if review.history else ""
    row1.button(f"↶ Undo: {last}" if last else "↶ Undo", key="undo", disabled=not last, shortcut=SHORTCUTS["undo"], on_click=act, args=("undo",))
    undone = review.redo_list[-1].label if review.redo_list else ""
    row1.button(f"↷ Redo: {undone}" if undone else "↷ Redo", key="redo", disabled=not undone, shortcut=SHORTCUTS["redo"], on_click=act, args=("redo",))
    if row1.button("⌨", key="shortcuts", shortcut=SHORTCUTS["help"], help="keyboard shortcuts"):
        shortcuts_help()
    st.button("⚑ Next flag", key="next_flag", on_click=move_to_flag, args=(positions,), shortcut=SHORTCUTS["next_flag"],
              help="select the next link with a flag to review")
    actions = [
        ("Merge ↑", "merge_previous", (), "merge the selected link with the previous one"),
        ("Merge ↓", "merge_next", (), "merge the selected link with the next one"),
        ("Split", "split", (), "split after the first sentence of each side (a 1–1 link becomes two null links)"),
        ("FR ↑", "move_sentence", ("fr", "previous"), "move the first French sentence to the previous link"),
        ("FR ↓", "move_sentence", ("fr", "next"), "move the last French sentence to the next link"),
    ]
    if review.has_official:
        actions += [
            ("EN ↑", "move_sentence", ("en", "previous"), "move the first English sentence to the previous link"),
            ("EN ↓", "move_sentence", ("en", "next"), "move the last English sentence to the next link"),
            ("FR alone", "mark_no_counterpart", ("fr",), "the French has no counterpart in the English: unlink it"),
            ("EN alone", "mark_no_counterpart", ("en",), "the English has no counterpart in the French: unlink it"),
        ]
    bar = st.container(horizontal=True, gap="small")
    for label, method, extra, tip in actions:
        bar.button(label, key=f"act_{method}_{'_'.join(extra)}", disabled=one is None, help=f"{tip} (select exactly one link)",
                   shortcut=SHORTCUTS.get(method) if not extra else None, on_click=act_on_link, args=(method, one, *extra))


def prefill_term(text: str, side: str, suggestion: str = "") -> None:
    """Button callback: open the Glossary tab with the flagged span ready to add, its concept and status chosen.

    A span that is a wrong form of a glossary concept (the flag suggests one of its terms) is offered as a forbidden term of that
    concept; any other span as the preferred term of a new concept named after it.
    """
    terms = current_glossary().terms
    wanted = {option.strip().casefold() for option in suggestion.split(SUGGESTION_SEPARATOR) if option.strip()}
    known = terms.filter(pl.col("term").str.to_lowercase().is_in(list(wanted | {text.casefold()})))["concept"].to_list()
    concept = known[0] if known else text
    already = terms.filter((pl.col("concept") == concept) & (pl.col("term").str.to_lowercase() == text.casefold())).height > 0
    st.session_state["term_prefill"] = {"term": text, "lang": "fr" if side == "fr" else "en"}
    st.session_state.update(new_concept=concept, new_lang="fr" if side == "fr" else "en",
                            new_status="forbidden" if known and not already else "preferred", tab="Glossary")
    st.rerun()  # the whole page, from the callback: the click runs the page once, not the review fragment first


FLAG_BUTTON_WIDTHS = {"verdict": 90, "dismiss": 95, "glossary": 140, "apply": 150}  # pixels


def flag_panel(review: review_lib.Review, selected: list[int]) -> None:
    """Flags of the selected links: accept, dismiss with a reason, apply a suggestion, add a span to the glossary; comments and text corrections."""
    revision = review.revision
    with st.container(border=True):
        st.markdown("**Flags of the selected links**")
        any_flag = False
        for position in selected:
            for number, flag in enumerate(review.link_flags(position)):
                any_flag = True
                key = f"{revision}_{position}_{number}"
                # One flex row, not five columns (four fewer elements a flag); the buttons have fixed widths so that the rows line up, the
                # one a flag may lack last.
                row = st.container(horizontal=True, gap="small", wrap=False, vertical_alignment="center")
                suggestion = f" — suggestion: **{flag.suggestion}**" if flag.suggestion else ""
                verdict = {"accepted": " · ✓ accepted", "dismissed": f" · ✗ dismissed: {flag.review_note}"}.get(flag.review_state, "")
                text = f"`{position}` · {flag.side.upper()} · **{flag.severity}** · {flag.kind}: “{flag.text[:80]}” — {flag.message}{suggestion}"
                row.markdown(f"~~{text}~~{verdict}" if flag.review_state == "dismissed" else text + verdict, width="stretch")
                if flag.review_state:
                    row.button("Reopen", width=FLAG_BUTTON_WIDTHS["verdict"], key=f"reopen_{key}", help="take back the verdict on this flag", on_click=act,
                               args=("review_flag", position, number, "open"), kwargs={"keep": position})
                else:
                    row.button("Accept", width=FLAG_BUTTON_WIDTHS["verdict"], key=f"accept_{key}", on_click=act,
                               help="the issue is real (it stays in the QA list as accepted)", args=("review_flag", position, number, "accepted"),
                               kwargs={"keep": position})
                    with row.popover("Dismiss", help="a false positive: say why", width=FLAG_BUTTON_WIDTHS["dismiss"]):
                        st.text_input("Why is it a false positive?", key=f"dismiss_reason_{key}")
                        # Never disabled by the text typed: a reason typed and the button clicked at once sends the text on the box's blur,
                        # which a button still disabled would swallow with the click; an empty reason is refused with a message.
                        st.button("Dismiss the flag", key=f"dismiss_{key}", on_click=dismiss, args=(position, number, f"dismiss_reason_{key}"))
                if flag.text:
                    row.button("Add to glossary", key=f"addterm_{key}", on_click=prefill_term, width=FLAG_BUTTON_WIDTHS["glossary"],
                               args=(flag.text, flag.side, flag.suggestion), help="open the Glossary tab with this span as a new term")
                if flag.suggestion and flag.side in ("fr", "en"):
                    tip = f"replace “{flag.text[:40]}” with “{flag.suggestion.split(' | ')[0]}” in the text"
                    row.button("Apply suggestion", key=f"apply_{key}", help=tip, on_click=act, width=FLAG_BUTTON_WIDTHS["apply"],
                               args=("apply_suggestion", position, number), kwargs={"keep": position})
        if not any_flag:
            st.caption("No flags on the selected links.")
    if len(selected) == 1:
        link_editor(review, selected[0])


def link_editor(review: review_lib.Review, position: int) -> None:
    """Comment on one link, and correct its French or official English in place (the original is kept)."""
    revision, link = review.revision, review.links[position]
    # Its boxes are sent only once it is opened (a rerun of the review list): closed, as it nearly always is, they were drawn all the
    # same on every run with a link selected — a tick, a correction, a jump from the QA view.
    editor = st.expander(f"Link {position}: comment and corrections" + (" 💬" if link.comment else ""), expanded=False,
                         key=f"link_editor_{position}", on_change="rerun")
    if not editor.open:
        return
    with editor:
        st.text_area("Comment (kept in the review file, exported as a TMX note and in the alignment CSV)", value=link.comment,
                     key=f"comment_{revision}_{position}", height=68)
        # The Save buttons do not wait for the typed text to be sent: a text area sends it on blur (or Ctrl+Enter), so a reviewer who
        # types and clicks Save at once would click a button still disabled and lose the click; the callbacks say when nothing changed.
        st.button("Save comment", key=f"save_comment_{revision}_{position}", on_click=save_comment, args=(position, f"comment_{revision}_{position}"))
        sentences = [("fr", i, review.fr[i]) for i in link.fr_ids] + [("en", i, review.en[i]) for i in link.en_ids]
        keys = {}
        for side, index, text in sentences:
            label = f"{'French' if side == 'fr' else 'Official English'} sentence {index}"
            if review.edited(side, index):
                label += f" (corrected; original: “{review.original_texts[(side, index)][:120]}”)"
                if side == "fr":
                    label += " — the machine translation was made from the original"
            keys[(side, index)] = key = f"text_{revision}_{side}_{index}"
            st.text_area(label, value=text, key=key, height=68)
        st.button("Save corrected text", key=f"save_text_{revision}_{position}", on_click=save_texts, args=(keys,))


# ---- glossary --------------------------------------------------------------------------------

# Session key of a save that removes many entries, waiting for the reviewer's confirmation.
GLOSSARY_PENDING = "glossary_pending"


def entry_keys(frame: pl.DataFrame) -> set[tuple[str, str, str]]:
    return {(row["concept"], row["lang"], row["term"]) for row in frame.select("concept", "lang", "term").fill_null("").iter_rows(named=True)}


def needs_confirmation(saved: pl.DataFrame, frame: pl.DataFrame) -> int:
    """How many saved entries a save would remove, when that is enough to ask first (more than 20, or more than 10 % and more than one)."""
    removed = len(entry_keys(saved) - entry_keys(frame))
    return removed if removed > 20 or (removed > 1 and removed > 0.1 * saved.height) else 0


def save_terms(frame: pl.DataFrame, review: review_lib.Review | None, read_fingerprint: str = "", *, confirmed: bool = False,
               line_numbers: list[int] | None = None, new_entry_line: int | None = None) -> bool:
    """Validate and save glossary rows; re-check the open document. Returns whether it saved.

    Problems name the row by the number in the table's "line" column (`line_numbers`: the rows' lines in glossary.csv, header =
    line 1; the edited table keeps them through deletions); the entry of the add form, which is in no table, is "the new entry".

    An empty glossary is refused, and a save that removes many entries waits for confirmation
    (kept under `GLOSSARY_PENDING`); every save keeps the replaced file in `.versions/`. A save over a file that changed
    since `read_fingerprint` (another window saved it) is refused.
    """
    problems = glossary_lib.validate_glossary(frame, line_numbers)
    if new_entry_line is not None:
        problems = [re.sub(rf"\bline {new_entry_line}\b", "the new entry", problem) for problem in problems]
    if problems:
        st.error("Glossary not saved:\n" + "\n".join(f"- {problem}" for problem in problems))
        return False
    saved = current_glossary().terms
    if frame.height == 0 and saved.height:
        st.error("Glossary not saved: it would hold no entry. Delete entries a few at a time, or restore a previous version below.")
        return False
    removed = needs_confirmation(saved, frame)
    if removed and not confirmed:
        st.session_state[GLOSSARY_PENDING] = {"fingerprint": file_fingerprint(glossary_path()), "frame": frame, "removed": removed,
                                              "read_from": read_fingerprint}
        return False
    try:
        glossary_lib.save_glossary(frame, glossary_path(), read_fingerprint=read_fingerprint or None)
    except InputError as error:
        st.error(str(error))
        return False
    after_glossary_saved(review)
    st.session_state["message_glossary"] = (f"Glossary saved ({frame.height} entries) to {glossary_path()}; the open document was re-checked"
                                            f"{retranslated_note(review)}. The previous version is kept under *Previous versions*.")
    return True


def retranslated_note(review: review_lib.Review | None) -> str:
    """What a glossary change did to the machine translation, for the message after a save."""
    if review is None or not review.retranslated:
        return ""
    count = len(review.retranslated)
    return f" and {count} machine-translated sentence{'s' if count > 1 else ''} translated again with the new glossary"


def after_glossary_saved(review: review_lib.Review | None) -> None:
    """Forget drafts and pending saves, and re-check the open document with the glossary now on disk."""
    for key in (GLOSSARY_DRAFT, GLOSSARY_PENDING):
        st.session_state.pop(key, None)
    fingerprint = file_fingerprint(glossary_path())
    if review is not None:
        review.recheck(current_glossary(), glossary_matches(fingerprint))
        st.session_state["review_glossary"] = fingerprint
    st.session_state["glossary_seen"] = fingerprint
    st.session_state["glossary_generation"] = st.session_state.get("glossary_generation", 0) + 1


def pending_save_panel(review: review_lib.Review | None, fingerprint: str) -> None:
    """Ask before a save that removes many entries."""
    pending = st.session_state.get(GLOSSARY_PENDING)
    if pending is None:
        return
    if pending["fingerprint"] != fingerprint:
        st.session_state.pop(GLOSSARY_PENDING)
        return
    total = current_glossary().terms.height
    with st.container(border=True):
        st.warning(f"This save removes {pending['removed']} of the {total} entries, leaving {pending['frame'].height}. "
                   "Save anyway? (The current glossary is kept as a previous version either way.)")
        cols = st.columns([2, 1, 4])
        if cols[0].button(f"Yes, save and remove {pending['removed']} entries", key="glossary_confirm_save", type="primary") \
                and save_terms(pending["frame"], review, pending["read_from"], confirmed=True):
            st.rerun()
        if cols[1].button("Cancel", key="glossary_cancel_save"):
            st.session_state.pop(GLOSSARY_PENDING)
            st.rerun()


def versions_panel(review: review_lib.Review | None, *, expanded: bool = False) -> None:
    """Previous versions of the glossary file: preview and restore one."""
    versions = glossary_lib.glossary_versions(glossary_path())
    with st.expander(f"Previous versions ({len(versions)} kept)", expanded=expanded):
        if not versions:
            st.caption(f"No previous version yet: each save keeps the glossary it replaces in {glossary_lib.versions_dir(glossary_path())} "
                       f"(the newest {glossary_lib.VERSIONS_KEPT}).")
            return
        readable: dict[int, pl.DataFrame | InputError] = {}
        for index, version in enumerate(versions):
            try:
                readable[index] = glossary_lib.parse_glossary_text(version.path.read_text(encoding="utf-8", errors="replace"), version.path).terms
            except InputError as error:
                readable[index] = error
        first_good = next((index for index, terms in readable.items() if isinstance(terms, pl.DataFrame)), 0)
        chosen = st.selectbox("Version", range(len(versions)), index=first_good, key="glossary_version",
                              format_func=lambda i: f"{versions[i].saved} UTC — " + (f"{readable[i].height} entries" if isinstance(readable[i], pl.DataFrame)
                                                                                      else "cannot be read"))
        version, terms = versions[chosen], readable[chosen]
        if isinstance(terms, InputError):
            st.warning(f"This version cannot be restored: {terms}")
            return
        st.caption(f"{terms.height} entries")
        st.dataframe(terms, hide_index=True, height=200, key="glossary_version_preview")
        if st.button(f"Restore this version ({terms.height} entries)", key="glossary_restore"):
            glossary_lib.restore_glossary_version(version, glossary_path())
            after_glossary_saved(review)
            st.session_state["message_glossary"] = (f"Restored the version of {version.saved} UTC ({terms.height} entries){retranslated_note(review)}; "
                                                    "the glossary it replaced is kept as a version too.")
            st.rerun()


def glossary_repair(error: InputError, review: review_lib.Review | None = None) -> None:
    """The glossary file cannot be read: say where, and offer a previous version or the file's text to correct."""
    st.error(f"The glossary cannot be used, so no document can be checked: {error}")
    path = glossary_path()
    raw = path.read_bytes().decode("utf-8", errors="replace") if path.exists() else ""
    lines = raw.splitlines()
    line = re.search(r"line (\d+)", str(error))
    if line and 0 < int(line.group(1)) <= len(lines):
        st.markdown(f"Line {line.group(1)} of {path.name} reads:")
        st.code(lines[int(line.group(1)) - 1], language=None)
    saved = st.session_state.pop("message_glossary", None)
    if saved:
        st.success(saved)
    st.markdown("Restore a previous version, or correct the file's text and save it (it is checked before it is written).")
    versions_panel(review, expanded=True)
    fingerprint = file_fingerprint(path)
    text = st.text_area(f"Text of {path}", value=raw, height=320, key=f"glossary_raw_{fingerprint[:16]}")
    if st.button("Save this text", key="glossary_raw_save", type="primary"):
        try:
            glossary = glossary_lib.parse_glossary_text(text, path)
            if glossary.terms.height == 0:
                raise InputError(path, "the text holds no entry: restore a previous version instead")
            glossary_lib.save_glossary(glossary, path)
        except InputError as problem:
            st.error(f"Not saved — {problem}")
        else:
            after_glossary_saved(review)
            st.session_state["message_glossary"] = f"Glossary saved ({glossary.terms.height} entries) to {path}."
            st.rerun()


def table_lines(index) -> list[int]:
    """The "line" numbers of the edited glossary table's rows; a row added without one takes the next after the largest."""
    known = [int(label) for label in index if pandas.notna(label)]
    following = iter(range(max(known, default=1) + 1, max(known, default=1) + 2 + len(index)))
    return [int(label) if pandas.notna(label) else next(following) for label in index]


def glossary_view(review: review_lib.Review | None) -> None:
    """Browse, search, add, edit and delete glossary entries."""
    try:
        glossary = current_glossary()
    except InputError as error:
        st.error(str(error))
        return
    saved = st.session_state.pop("message_glossary", None)
    if saved:
        st.success(saved)
    if st.session_state.pop("add_term_reset", False):  # the entry was saved: the form starts empty again
        for key in [key for key in st.session_state if str(key).startswith(("new_term_", "new_concept", "new_status", "new_note", "new_lang"))]:
            del st.session_state[key]
    terms = glossary.terms
    read_from = glossary.fingerprint or ""  # the version edits start from: a save over a newer file is refused
    query = st.text_input("Search the glossary", key="glossary_search", placeholder="term, concept, note…")
    if query:
        needle = query.casefold()
        st.dataframe(terms.filter(pl.any_horizontal(pl.col(c).str.to_lowercase().str.contains(needle, literal=True) for c in terms.columns)),
                     hide_index=True, key="glossary_matches")

    prefill = st.session_state.get("term_prefill") or {}
    # Not cleared on submit: a refused entry stays in the form to be corrected.
    with st.form("add_term", clear_on_submit=False, border=True):
        st.markdown("**Add an entry**")
        cols = st.columns([2, 3, 1, 1.3, 3])
        concept = cols[0].selectbox("Concept", sorted(set(terms["concept"].to_list())), index=None, accept_new_options=True,
                                    placeholder="existing or new", key="new_concept")
        term = cols[1].text_input("Term", value=prefill.get("term", ""), key=f"new_term_{prefill.get('term', '')}")
        lang = cols[2].selectbox("Lang", ["fr", "en"], key="new_lang")
        status = cols[3].selectbox("Status", list(glossary_lib.STATUSES), key="new_status")
        note = cols[4].text_input("Note", key="new_note")
        if st.form_submit_button("Add to glossary"):
            row = {column: "" for column in glossary_lib.COLUMNS} | {"concept": (concept or "").strip(), "term": term.strip(), "lang": lang,
                                                                      "status": status, "type": "term", "note": note}
            if save_terms(pl.concat([terms, pl.DataFrame([row], schema=terms.schema)]), review, read_from, new_entry_line=terms.height + 2):
                st.session_state.pop("term_prefill", None)
                st.session_state["add_term_reset"] = True
                st.rerun()

    st.markdown("**Edit entries** — edit cells, add rows at the bottom, delete with the row checkbox; nothing is saved until *Save glossary*.")
    # The editor is keyed by the file's version: edits are positional, so they must never be
    # replayed onto a glossary that another window has saved in the meantime.
    fingerprint = file_fingerprint(glossary_path())
    generation = st.session_state.get("glossary_generation", 0)
    editor_key = f"glossary_editor_{fingerprint[:16]}_{generation}"
    seen, st.session_state["glossary_seen"] = st.session_state.get("glossary_seen"), fingerprint
    last_key = st.session_state.get("glossary_editor_key")
    pending = (st.session_state.get(last_key) if last_key else None) or {}
    st.session_state["glossary_editor_key"] = editor_key
    replaced = bool(seen) and seen != fingerprint
    # Streamlit forgets a widget's edits while another tab is open, so the table's last state is
    # kept as a draft: `base` is what the open editor started from, `edited` what it showed last.
    draft = st.session_state.get(GLOSSARY_DRAFT)
    if draft is not None and draft["fingerprint"] != fingerprint:
        st.session_state.pop(GLOSSARY_DRAFT)
        draft, pending = None, {"edited_rows": True}
    if replaced and any(pending.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
        st.warning("The glossary was saved from another window: your unsaved table edits were set aside, the table shows the saved glossary.")
    if draft is not None and editor_key not in st.session_state:  # back from another tab: a new editor starts from the draft
        draft = {"fingerprint": fingerprint, "base": draft["edited"], "edited": draft["edited"]}
    saved_table = terms.to_pandas()
    # Numbered as in glossary.csv (the header is line 1): the numbers a refused save names. Deleted rows keep theirs, added rows
    # continue after the last.
    saved_table.index = pandas.RangeIndex(2, 2 + len(saved_table), name="line")
    base = draft["base"] if draft is not None else saved_table
    if draft is not None:
        cols = st.columns([5, 1])
        cols[0].info("This table holds edits not saved yet: *Save glossary* keeps them, *Discard edits* goes back to the saved glossary.")
        if cols[1].button("Discard edits", key="glossary_discard"):
            st.session_state.pop(GLOSSARY_DRAFT)
            st.session_state["glossary_generation"] = generation + 1
            st.rerun()
    edited = st.data_editor(
        base, num_rows="dynamic", hide_index=False, width="stretch",
        key=editor_key,
        column_config={
            "concept": st.column_config.TextColumn("concept", required=True),
            "term": st.column_config.TextColumn("term", required=True),
            "lang": st.column_config.SelectboxColumn("lang", options=["fr", "en"], required=True),
            "status": st.column_config.SelectboxColumn("status", options=list(glossary_lib.STATUSES), required=True),
        },
    )
    if edited.equals(saved_table):
        st.session_state.pop(GLOSSARY_DRAFT, None)
    else:
        st.session_state[GLOSSARY_DRAFT] = {"fingerprint": fingerprint, "base": base, "edited": edited}
    if st.button("Save glossary", key="glossary_save", type="primary") and not replaced:
        frame = pl.from_pandas(edited).cast(pl.Utf8).fill_null("") if len(edited) else terms.clear()
        if save_terms(frame.select(glossary_lib.COLUMNS), review, read_from, line_numbers=table_lines(edited.index)):
            st.rerun()
    pending_save_panel(review, fingerprint)
    versions_panel(review)


# ---- QA view ---------------------------------------------------------------------------------

VERDICT_LABELS = {"": "open", "accepted": "accepted", "dismissed": "dismissed", "fixed": "fixed by a correction", "outdated": "verdict outdated"}
"""`Flag.review_state` → what the QA view says; the last two are verdicts whose flag a correction removed or changed."""
QA_BUTTON_WIDTH = 120  # pixels: the jump button of every row, so that the rows' columns line up
QA_PAGE = 25  # rows of the QA list per page: each row is an HTML grid and a button for the browser to draw


def jump_to_link(position: int) -> None:
    """Button callback: show link `position` selected in the Review tab, with the filters cleared; the whole page runs, not the
    QA fragment the button is in (asked from the callback, so that the click runs the page once and no fragment run comes first)."""
    # Only the filters that are set are cleared: a widget given a value it already has is redrawn all the same (the confidence
    # slider alone took a tenth of a second of the browser's time).
    cleared = {key: value for key, value in FILTER_DEFAULTS.items() if key in st.session_state and st.session_state[key] != value}
    st.session_state.update(cleared, tab="Review")
    size = st.session_state.get("page_size", PAGE_SIZES[1])
    st.session_state["page"] = position // size + 1
    review = st.session_state.get("review")
    if review is not None:
        st.session_state[f"sel_{review.revision}_{position}"] = True
    st.rerun()


def summary_table(summary: pl.DataFrame) -> str:
    """The QA view's counts as an HTML table: a few dozen numbers, which an `st.dataframe` drew on a canvas after the browser
    loaded its grid component."""
    head = "".join(f"<th>{html.escape(column)}</th>" for column in summary.columns)
    rows = "".join("<tr>" + "".join(f'<td class="sev-text-{html.escape(str(value))}">{html.escape(str(value))}</td>' if column == "severity"
                                    else f"<td>{html.escape(str(value))}</td>" for column, value in row.items()) + "</tr>"
                   for row in summary.iter_rows(named=True))
    return f'<table class="qa-summary"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


@st.fragment
def qa_view(review: review_lib.Review) -> None:
    """Every flag of the document, as a QA list: counts by severity and kind, filters, the reviewer's verdicts, a jump to each link.

    A fragment: a filter or a page of the list reruns this view alone, not the sidebar, the review state and the other tabs.
    """
    flags = review.flag_list()
    if not flags:
        st.info("No flag in this document.")
        return
    frame = review.flags().with_columns(pl.col("review_state").replace_strict(VERDICT_LABELS, default="open").alias("state"))
    rank = {severity: index for index, severity in enumerate(("error", "warning", "info"))}
    summary = (frame.group_by("severity", "kind")
               .agg(pl.len().alias("flags"), *(pl.col("state").eq(state).sum().alias(state) for state in VERDICT_LABELS.values()))
               .with_columns(pl.col("severity").replace_strict(rank, default=len(rank)).alias("rank"))
               .sort("rank", "flags", descending=[False, True]).drop("rank"))
    current = frame.filter(~pl.col("review_state").is_in(PAST_VERDICT_STATES))
    totals = {severity: current.filter(pl.col("severity") == severity).height for severity in rank}
    cols = st.columns(5)
    for column, (severity, count) in zip(cols, totals.items()):
        column.metric(f"{severity.capitalize()}s" if severity != "info" else "Info", count)
    cols[3].metric("Open (no verdict yet)", frame.filter(pl.col("state") == "open").height)
    cols[4].metric("Verdicts overtaken by a correction", frame.height - current.height,
                   help="flags the reviewer had judged that a correction then removed (fixed) or changed (the verdict is outdated; the new flag is open)")
    st.html(summary_table(summary))

    cols = st.columns(4)
    severities = cols[0].multiselect("Severity", list(rank), key="qa_severity")
    kinds = cols[1].multiselect("Kind", sorted(frame["kind"].unique().to_list()), key="qa_kind")
    states = cols[2].multiselect("Verdict", list(VERDICT_LABELS.values()), key="qa_state")
    sides = cols[3].multiselect("Side", ["fr", "mt", "en"], key="qa_side")
    chosen = [(flag, VERDICT_LABELS.get(flag.review_state, "open")) for flag in flags
              if (not severities or flag.severity in severities) and (not kinds or flag.kind in kinds)
              and (not states or VERDICT_LABELS.get(flag.review_state, "open") in states) and (not sides or flag.side in sides)]
    chosen.sort(key=lambda item: (rank.get(item[0].severity, len(rank)), item[0].kind, item[0].link if item[0].link is not None else -1))
    pages = max(1, math.ceil(len(chosen) / QA_PAGE))
    page = st.pagination(pages, key="qa_page") if pages > 1 else 1
    st.caption(f"{len(chosen)} of {len(flags)} flags match · grouped by severity, then kind")
    if not chosen:
        st.info("No flag matches these filters.")
    for number, (flag, state) in enumerate(chosen[(page - 1) * QA_PAGE:page * QA_PAGE]):
        # One flex row of an HTML grid and a button: five columns of their own made 275 elements a page for the browser to redraw.
        row = st.container(horizontal=True, gap="small", wrap=False)
        note = html.escape(flag.message) + (f" — suggestion: <strong>{html.escape(flag.suggestion)}</strong>" if flag.suggestion else "")
        cells = [f'<span class="sev-text-{flag.severity}">■ {flag.severity}</span>', f"<code>{html.escape(flag.kind)}</code> · {flag.side.upper()}",
                 f"“{html.escape(flag.text[:100])}” — {note}",
                 f"<strong>{state}</strong>" + (f": {html.escape(flag.review_note)}" if flag.review_note else "")]
        row.html(f'<div class="row-grid grid-qa">{"".join(f"<div>{cell}</div>" for cell in cells)}</div>'.replace("\n", "<br>"))
        if flag.link is not None:
            row.button(f"Link {flag.link} →", key=f"qa_go_{page}_{number}", on_click=jump_to_link, args=(flag.link,), width=QA_BUTTON_WIDTH,
                       help="open this link in the Review tab, selected, with its flags")
        else:
            row.caption("document", width=QA_BUTTON_WIDTH)


# ---- export ----------------------------------------------------------------------------------

def export_view(review: review_lib.Review) -> None:
    """Downloads reflecting the reviewer's corrections. A download does not rerun the page (`on_click="ignore"`): the QA report is made
    when its button is pressed, and a rerun between two downloads gave the second button a new file while the browser asked for the old."""
    name = review.document_name
    flag_list = review.flag_list()
    alignment, flags = review.alignment(), export.flags_frame(flag_list)
    st.caption("Every download reflects the corrections saved in " + str(review.path))
    cols = st.columns(3)
    english = cols[0].selectbox("TMX English", export.ENGLISH_CHOICES, key="tmx_english",
                                help="official: the official English (machine translation where there is none); mt: the machine translation; "
                                     "both: a unit for each")
    status = cols[0].selectbox("TMX links", export.STATUS_CHOICES, index=export.STATUS_CHOICES.index("all"), key="tmx_status")
    cols[0].download_button("Aligned TMX", export.tmx_bytes(alignment, name, english=english, status=status, has_official=review.has_official,
                                                             notes=flag_notes(flag_list)),
                            f"{name}.tmx", "application/x-tmx+xml", key="dl_tmx", on_click="ignore")
    cols[0].download_button("Alignment CSV", export.csv_bytes(alignment.drop("mt_engine")), f"{name}.alignment.csv", "text/csv",
                            key="dl_alignment_csv", on_click="ignore")
    cols[1].download_button("Flags CSV", export.csv_bytes(flags), f"{name}.flags.csv", "text/csv", key="dl_flags_csv", on_click="ignore")
    cols[1].download_button("Alignment and flags XLSX", export.xlsx_bytes(alignment.drop("mt_engine"), flags), f"{name}.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx", on_click="ignore")
    cols[1].download_button("QA report (HTML)", lambda: qa_report_html(review.corrected_result()), f"{name}.qa-report.html", "text/html",
                            key="dl_qa_report", on_click="ignore",
                            help="every flag grouped by severity and kind, with the reviewer's verdicts, reasons and comments")
    try:
        glossary = current_glossary()
    except InputError as error:
        st.error(str(error))
        return
    cols[2].download_button("Glossary CSV", export.csv_bytes(glossary.terms), "glossary.csv", "text/csv", key="dl_glossary_csv", on_click="ignore")
    cols[2].download_button("Glossary TBX", tbx.tbx_bytes(glossary, dialect="2008"), "glossary.tbx", "application/x-tbx+xml", key="dl_tbx", on_click="ignore")


# ---- page ------------------------------------------------------------------------------------

def main() -> None:
    st.set_page_config(page_title="align — review", page_icon="⇄", layout="wide")
    # st.html, not st.markdown: style alone takes no room in the page, and the browser inserts it as it is where a Markdown element
    # parsed the whole style sheet as Markdown and raw HTML on every new session (the reload's largest Markdown element).
    st.html(STYLE)
    st.sidebar.title("align — review")
    upload_panel()
    names = corpus.document_names()
    if not names:
        st.info(f"The corpus {corpus.texts_dir()} holds no document yet: add one in the sidebar.")
        return
    # The document is in the URL (?document=NAME), so a reload or a shared link opens the same one.
    if "document" in st.session_state and st.session_state["document"] not in names:
        st.session_state["document"] = names[0]
    name = st.sidebar.selectbox("Document", names, key="document", bind="query-params")
    try:
        current_glossary()
    except InputError as error:
        st.title(name)
        glossary_repair(error)
        return
    review = open_review(name)
    if review is None:
        return
    filters = filter_panel(review)
    st.title(name)
    caption_box = st.empty()
    caption_box.caption(review_caption(review))
    if review.problem:
        st.warning(review.problem)
    for notice in review.result.notices:
        st.info(notice)
    if review.mt_stale and review.mt_constrained:
        cols = st.columns([5, 1.4])
        why = f" (It could not be translated again: {review.mt_engine_error})" if review.mt_engine_error else ""
        cols[0].info(f"The glossary changed after the machine translation was made: the MT does not follow the new glossary "
                     f"(its flags say so). Re-translate to apply it.{why}")
        if cols[1].button("Re-translate with the current glossary", key="retranslate"):
            retranslate(review)
            st.rerun()
    tab_review, tab_qa, tab_glossary, tab_export = st.tabs(["Review", "QA", "Glossary", "Export"], key="tab", on_change="rerun")
    # Only the open tab is computed: exports of a long document are not rebuilt on every click.
    if tab_review.open:
        with tab_review:
            review_view(review, filters, caption_box)
    if tab_qa.open:
        with tab_qa:
            qa_view(review)
    if tab_glossary.open:
        with tab_glossary:
            glossary_view(review)
    if tab_export.open:
        with tab_export:
            export_view(review)


main()
