"""The review app in a real browser: Debian's Chromium driven by Playwright against `streamlit run app.py`.

Starts the app once for the module on a free localhost port with temporary corpus, glossary
and review folders, and one Chromium; each test does what a reviewer does in the page and
checks what is on disk afterwards (the review file, the glossary and its versions).
Screenshots are copied to docs/ (screenshot.png, qa-view.png) when ALIGN_UPDATE_SCREENSHOT=1.
"""

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.app import CHROMIUM, CHROMIUM_ARGS, COUNT_SCRIPT_STATE_CHANGES
from tests.conftest import ROOT, write_glossary

DOCUMENT = "trilateral-working-group-2023"
GLOSSARY_ROWS = [
    ("trafficking in persons", "fr", "traite des personnes", "preferred"),
    ("trafficking in persons", "fr", "traite des êtres personnes", "forbidden"),
    ("trafficking in persons", "en", "trafficking in persons", "preferred"),
    ("trafficking in persons", "en", "human trafficking", "admitted"),
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium, and CI must run the browser test", pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed (scripts/setup.sh installs Debian's chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the app exited with {server.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"the app did not answer on {url} within {timeout:.0f} s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("app")
    texts = tmp_path / "texts"
    shutil.copytree(ROOT / "texts", texts)
    glossary = tmp_path / "glossary.csv"
    write_glossary(glossary, GLOSSARY_ROWS)
    reviews = tmp_path / "reviews"
    port = free_port()
    env = os.environ | {"ALIGN_TEXTS_DIR": str(texts), "ALIGN_GLOSSARY": str(glossary), "ALIGN_REVIEW_DIR": str(reviews),
                        "ALIGN_CACHE_DIR": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1"}
    log = tmp_path / "server.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, server, log)
        yield {"url": url, "reviews": reviews, "log": log, "glossary": glossary, "texts": texts}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1500, "height": 1000},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser, app_server):
    """A new page for each test, and the server's log of this test alone: a test that fails does not fail the ones after it
    through the module's one server log (it did: one lost click, then 11 errors)."""
    log_path = app_server["log"]
    start = log_path.stat().st_size
    page = browser.new_page()
    page.add_init_script(COUNT_SCRIPT_STATE_CHANGES)
    try:
        yield page
    finally:
        page.close()
    time.sleep(0.3)  # what the server writes as the page goes belongs to this test
    with open(log_path, "rb") as log_file:
        log_file.seek(start)
        log = log_file.read().decode(errors="replace")
    assert "Traceback" not in log, log[-4000:]
    # Streamlit's warning about a widget given a value twice (a default and the session state), seen after a page-size change.
    assert "set via the Session State API" not in log


CONTRAST = """() => {
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = rgb => 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
  const parse = text => (text.match(/[0-9.]+/g) || []).map(Number);
  const background = element => {
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour;
    }
    return [255, 255, 255];
  };
  const worst = {};
  for (const selector of SELECTORS) {
    for (const element of document.querySelectorAll(selector)) {
      const [a, b] = [luminance(parse(getComputedStyle(element).color)), luminance(background(element))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      worst[selector] = Math.min(worst[selector] ?? 99, ratio);
    }
  }
  return worst;
}"""
CONTRAST_SELECTORS = [".badge-confirmed", ".badge-needs-review", ".badge-auto", ".sev-text-error", ".sev-text-warning", ".sev-text-info",
                      "mark.sev-error", "mark.sev-warning", "mark.sev-info", ".empty-side", ".col-head", ".legend", ".link-meta"]


def test_a_first_look_at_1366x768_explains_itself_reads_well_and_flags_take_the_focus(app_server, page) -> None:
    """Runs first: the document has no correction yet, so the page says what to do."""
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1366, "height": 768})
    open_document(page, app_server, DOCUMENT)
    expect(page.get_by_text("How to review:", exact=False)).to_be_visible()
    expect(page.locator(".legend")).to_contain_text("error")
    expect(page.locator(".empty-side").first).to_be_visible()  # the rows are drawn
    confirm = page.locator(".st-key-confirm button").first
    expect(confirm).to_be_in_viewport()  # the toolbar is on the first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366, "nothing needs a horizontal scroll at 1366 px"
    ratios = page.evaluate(CONTRAST.replace("SELECTORS", json.dumps(CONTRAST_SELECTORS)))
    assert {"mark.sev-error", ".badge-needs-review", ".empty-side"} <= set(ratios)
    assert all(ratio >= 4.5 for ratio in ratios.values()), f"WCAG AA needs 4.5:1 for text: {ratios}"
    mark = page.locator('mark[tabindex="0"]').first
    mark.focus()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    assert re.search(r"\((error|warning|info): ", mark.locator(".sr-only").inner_text())  # what a screen reader says of it
    assert not (app_server["reviews"] / f"{DOCUMENT}.review.json").exists(), "looking saves nothing"


def test_confirm_a_link_in_chromium(app_server, page, tmp_path) -> None:
    from playwright.sync_api import expect

    page.goto(app_server["url"], timeout=60_000)
    expect(page.get_by_text("links match the filters")).to_be_visible(timeout=180_000)
    choose_option(page, page.get_by_role("combobox", name="Document"), DOCUMENT)
    expect(page.get_by_role("heading", name=DOCUMENT)).to_be_visible(timeout=180_000)
    expect(page.get_by_text("0 of", exact=False).first).to_be_visible()
    page.locator(".st-key-sel_0_0 label").click()
    # While a rerun is under way Streamlit may show the old and the new element side by side.
    confirm = page.locator(".st-key-confirm button:enabled").first
    expect(confirm).to_be_visible(timeout=30_000)
    confirm.click()
    expect(page.get_by_text("Undo: set link 0 to confirmed")).to_be_visible(timeout=30_000)
    expect(page.locator(".badge-confirmed").first).to_be_visible()

    review_file = app_server["reviews"] / f"{DOCUMENT}.review.json"
    assert json.loads(review_file.read_text(encoding="utf-8"))["links"][0]["status"] == "confirmed"

    page.reload()
    expect(page.get_by_text("Undo: set link 0 to confirmed")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("1 of", exact=False).first).to_be_visible()
    # The side panel explains the flags of a selected link.
    page.locator(".st-key-sel_1_2 label").click()
    expect(page.get_by_text("Flags of the selected links")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    shot = tmp_path / "screenshot.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("ALIGN_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "screenshot.png")


def after(request, test_name: str) -> None:
    """Skip a test that continues what test `test_name` saved when that one did not pass: it would fail for the other's fault."""
    earlier = [item for item in request.session.items if item.name == test_name]
    if not earlier or not getattr(earlier[0], "rep_call", None) or not earlier[0].rep_call.passed:
        pytest.skip(f"continues the review {test_name} saves, and that test did not run or did not pass")


def revision(app_server, name: str = DOCUMENT) -> int:
    path = app_server["reviews"] / f"{name}.review.json"
    return json.loads(path.read_text(encoding="utf-8"))["revision"] if path.exists() else 0


def saved_review(app_server, name: str = DOCUMENT) -> dict:
    return json.loads((app_server["reviews"] / f"{name}.review.json").read_text(encoding="utf-8"))


def open_glossary_grid(page):
    """The Glossary tab's table, settled: the grid is drawn on a canvas, clicked by position."""
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Glossary").click()
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid).to_be_visible(timeout=30_000)
    page.wait_for_timeout(800)  # let the canvas settle before clicking by position
    return grid


def open_document(page, app_server, name: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{app_server['url']}/?document={name}", timeout=60_000)
    expect(page.get_by_role("heading", name=name)).to_be_visible(timeout=180_000)
    expect(page.get_by_text("links match the filters")).to_be_visible(timeout=180_000)


def select_link(page, app_server, position: int, name: str = DOCUMENT) -> int:
    """Tick a link's checkbox (its key carries the review's revision); return that revision."""
    from playwright.sync_api import expect

    wait_idle(page)
    current = revision(app_server, name)
    box = page.locator(f".st-key-sel_{current}_{position}")
    if not box.locator("input").first.is_checked():  # the link an action was taken on stays selected
        box.locator("label").first.click()
    expect(page.get_by_text("Flags of the selected links")).to_be_visible(timeout=30_000)
    wait_idle(page)  # the panel shows before the run that draws it is over
    return current


def test_the_document_is_kept_in_the_url_and_no_code_shows(app_server, page) -> None:
    from playwright.sync_api import expect

    other = "us-state-dept-tip-prevention-month-2024"  # opened again by the tests below: one pipeline run less
    page.goto(app_server["url"], timeout=60_000)
    expect(page.get_by_text("links match the filters")).to_be_visible(timeout=180_000)
    choose_option(page, page.get_by_role("combobox", name="Document"), other)
    expect(page.get_by_role("heading", name=other)).to_be_visible(timeout=180_000)
    expect(page).to_have_url(re.compile(f"document={other}"))
    page.reload()
    expect(page.get_by_role("heading", name=other)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("links match the filters")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Session key", exact=False)).to_have_count(0)


def test_act_on_flags_comment_and_correct_a_link_then_the_qa_view(app_server, page, tmp_path, request) -> None:
    from playwright.sync_api import expect

    after(request, "test_confirm_a_link_in_chromium")  # its confirmation of link 0 is what the undo below goes back to

    open_document(page, app_server, DOCUMENT)
    row = page.locator('[data-testid="stHorizontalBlock"]', has=page.locator('mark[data-kind~="date-mismatch"]')).last
    position = int(re.search(r"st-key-sel_\d+_(\d+)", row.locator('[class*="st-key-sel_"]').first.get_attribute("class")).group(1))
    expect(row.get_by_text("1 error")).to_be_visible()  # severity in words, not colour alone
    expect(row.locator(".badge-needs-review")).to_be_visible()  # an error flag asks for a review

    # Dismiss the flag as a false positive, with the reason; then undo.
    current = select_link(page, app_server, position)
    click_settled(page, page.get_by_role("button", name="Dismiss").first)
    reason = page.locator(f'[class*="st-key-dismiss_reason_{current}_{position}_"] input').first
    commit_text(page, reason, "the meeting moved: the English date is the right one", "Enter")
    click_settled(page, page.locator(f'[class*="st-key-dismiss_{current}_{position}_"] button').first)
    expect(page.get_by_text(f"Undo: dismiss date-mismatch flag on link {position}")).to_be_visible(timeout=30_000)
    verdicts = saved_review(app_server)["flag_reviews"]
    assert [(v["flag"][3], v["state"], v["note"]) for v in verdicts] == [("date-mismatch", "dismissed", "the meeting moved: the English date is the right one")]
    page.locator(".st-key-undo button").click()
    expect(page.get_by_text("Undo: set link 0 to confirmed")).to_be_visible(timeout=30_000)
    assert saved_review(app_server)["flag_reviews"] == []

    # Apply the flag's suggestion: the English is corrected in place, the original kept.
    current = select_link(page, app_server, position)
    page.locator(f'[class*="st-key-apply_{current}_{position}_"] button').first.click()
    expect(page.get_by_text(f"Undo: apply the suggestion of the date-mismatch flag on link {position}")).to_be_visible(timeout=30_000)
    [edit] = saved_review(app_server)["edits"]
    assert edit["side"] == "en" and "October 24, 2023" in edit["text"] and "October 12, 2023" in edit["original"]
    expect(page.get_by_text("✎ corrected", exact=True)).to_be_visible()

    # Comment on the link.
    current = select_link(page, app_server, position)
    open_link_editor(page, position)
    commit_text(page, page.locator(f".st-key-comment_{current}_{position} textarea"), "Date checked against the press release of 24 October.")
    click_settled(page, page.locator(f".st-key-save_comment_{current}_{position} button"))
    expect(page.get_by_text(f"Undo: comment on link {position}")).to_be_visible(timeout=30_000)
    assert saved_review(app_server)["links"][position]["comment"] == "Date checked against the press release of 24 October."

    # Accept the omission flag of link 0; the QA view lists every flag with its verdict.
    current = select_link(page, app_server, 0)
    page.locator(f'[class*="st-key-accept_{current}_0_"] button').first.click()
    expect(page.get_by_text("Undo: accept omission flag on link 0")).to_be_visible(timeout=30_000)
    page.get_by_role("tab", name="QA").click()
    expect(page.get_by_text("flags match")).to_be_visible(timeout=30_000)
    expect(page.locator("strong").filter(has_text=re.compile(r"^accepted$"), visible=True).first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    shot = tmp_path / "qa-view.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("ALIGN_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "qa-view.png")
    page.locator('[class*="st-key-qa_go_"] button').first.click()
    expect(page.get_by_text("Flags of the selected links")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("comment and corrections")).to_be_visible()


IDLE_FOR = """ms => {
  const state = document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state');
  if (!state || state === 'running' || state === 'rerunRequested') { window.__alignIdleSince = null; return false; }
  window.__alignIdleSince ??= performance.now();
  return performance.now() - window.__alignIdleSince >= ms;
}"""
STILL = """async element => {
  const box = () => JSON.stringify(element.getBoundingClientRect());
  let last = box();
  for (let i = 0; i < 50; i++) {
    await new Promise(resolve => setTimeout(resolve, 120));
    const now = box();
    if (now === last) return true;
    last = now;
  }
  return false;
}"""


def wait_idle(page) -> None:
    """Wait until the app's script run is over and has stayed over for 300 ms: a key pressed during a rerun is lost (the
    shortcut buttons are redrawn), and a run that has just ended may be followed at once by the one it asked for."""
    page.evaluate("window.__alignIdleSince = null")
    page.wait_for_function(IDLE_FOR, arg=300, timeout=30_000, polling=50)


def click_settled(page, button) -> None:
    """Click `button` as a reviewer does: once the page's run is over and the button has stopped moving. Under load a click
    while the page still moved (an expander opening, a run's elements arriving) pressed the button and released the mouse
    elsewhere, which is no click."""
    from playwright.sync_api import expect

    wait_idle(page)
    expect(button).to_be_visible(timeout=30_000)
    assert button.evaluate(STILL), "the button never stopped moving"
    button.click()


def script_state_changes(page) -> int:
    return page.evaluate("window.__alignStateChanges ?? 0")


def commit_text(page, box, text: str, key: str = "Control+Enter") -> None:
    """Type `text` into `box` and send it (Ctrl+Enter in a text area, Enter in a text input), then wait for the run that sending
    it starts to be over (the box's "Press … to apply" stays as long as it has the focus, so it says nothing). A run short enough
    to leave the page's script state unchanged is not waited for: the Save buttons take the text with their click in any case."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wait_idle(page)
    before = script_state_changes(page)
    box.fill(text)
    box.press(key)
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("before => (window.__alignStateChanges ?? 0) > before", arg=before, timeout=5_000)
    wait_idle(page)


def open_link_editor(page, position: int) -> None:
    """Open the comment-and-corrections expander of the selected link and wait until it has finished opening."""
    from playwright.sync_api import expect

    summary = page.get_by_text(f"Link {position}: comment and corrections")
    click_settled(page, summary)
    save = page.get_by_role("button", name="Save corrected text")
    expect(save).to_be_visible(timeout=30_000)
    assert save.evaluate(STILL), "the expander never stopped opening"


def edit_sentence(page, app_server, position: int, side: str, index: int, edit, name: str = DOCUMENT) -> None:
    """Correct sentence `index` of `side` in link `position` in place (`edit` maps the old text to the new) and save it."""
    from playwright.sync_api import expect

    current = select_link(page, app_server, position, name)
    open_link_editor(page, position)
    box = page.locator(f".st-key-text_{current}_{side}_{index} textarea")
    commit_text(page, box, edit(box.input_value()))
    click_settled(page, page.locator(f".st-key-save_text_{current}_{position} button"))
    expect(page.get_by_text(f"Undo: edit {side.upper()} sentence {index}")).to_be_visible(timeout=30_000)
    wait_idle(page)


def choose_option(page, select, option: str) -> None:
    """Pick an option of a Streamlit select box. A click that lands while the app reruns can leave the list
    closed (the box is redrawn under the pointer): open it again until the option shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):
        wait_idle(page)
        select.click()
        try:
            wanted.wait_for(state="visible", timeout=6_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        wanted.click()
        return
    raise AssertionError(f"the option {option!r} never showed")


def test_the_qa_view_counts_what_it_lists_grouped_by_severity_and_filters_it(app_server, page) -> None:
    """Issue #17: the QA view's counts by severity add up to its list, which is grouped by severity (errors first) and which a
    severity filter narrows to that count; looking and filtering write nothing."""
    from playwright.sync_api import expect

    name = "us-state-dept-tip-prevention-month-2024"
    review_file = app_server["reviews"] / f"{name}.review.json"
    before = review_file.read_bytes() if review_file.exists() else None
    open_document(page, app_server, name)
    page.get_by_role("tab", name="QA").click()
    caption = page.get_by_text(re.compile(r"^\d+ of \d+ flags match"))
    expect(caption).to_be_visible(timeout=30_000)
    wait_idle(page)
    total = int(re.match(r"\d+ of (\d+)", caption.inner_text()).group(1))
    counts = {}
    for label in ("Errors", "Warnings", "Info"):
        metric = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(label, exact=True))
        counts[label] = int(metric.locator('[data-testid="stMetricValue"]').inner_text())
    assert sum(counts.values()) == total > 0, counts
    rank = {"error": 0, "warning": 1, "info": 2}
    listed = [text.replace("■", "").strip() for text in page.locator(".grid-qa > div:first-child").all_inner_texts()]
    assert listed and listed == sorted(listed, key=rank.__getitem__), "grouped by severity, errors first"

    label, severity = next((label, severity) for label, severity in (("Errors", "error"), ("Warnings", "warning"), ("Info", "info"))
                           if 0 < counts[label] < total) if any(0 < count < total for count in counts.values()) else ("Info", "info")
    choose_option(page, page.locator(".st-key-qa_severity [role=combobox]"), severity)
    page.keyboard.press("Escape")
    expect(page.get_by_text(re.compile(rf"^{counts[label]} of {total} flags match"))).to_be_visible(timeout=30_000)
    wait_idle(page)
    shown = {text.replace("■", "").strip() for text in page.locator(".grid-qa > div:first-child").all_inner_texts()}
    assert shown == {severity}
    assert (review_file.read_bytes() if review_file.exists() else None) == before, "the QA view writes nothing"


def test_review_from_the_keyboard(app_server, page) -> None:
    from playwright.sync_api import expect

    name = "us-state-dept-tip-prevention-month-2024"
    open_document(page, app_server, name)
    expect(page.locator('div[lang="fr"]').first).to_be_visible()  # French text is marked as French
    # The shortcut buttons are drawn at the end of the script run: keys pressed before they exist are lost.
    expect(page.locator(".st-key-next_link button").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1000)
    page.get_by_role("heading", name=name).click()  # keys go to the page, not to a field
    wait_idle(page)
    page.keyboard.press("j")
    expect(page.locator(".st-key-sel_0_0 input")).to_be_checked(timeout=30_000)
    wait_idle(page)
    page.keyboard.press("j")
    expect(page.locator(".st-key-sel_0_1 input")).to_be_checked(timeout=30_000)
    expect(page.locator(".st-key-sel_0_0 input")).not_to_be_checked()
    wait_idle(page)
    page.keyboard.press("y")
    expect(page.get_by_text("Undo: set link 1 to confirmed")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, name)["links"][1]["status"] == "confirmed"
    expect(page.locator(".st-key-sel_1_1 input")).to_be_checked()  # the link under review stays selected
    wait_idle(page)
    page.keyboard.press("j")
    expect(page.locator(".st-key-sel_1_2 input")).to_be_checked(timeout=30_000)
    wait_idle(page)
    page.keyboard.press("n")
    expect(page.get_by_text("Undo: set link 2 to needs-review")).to_be_visible(timeout=30_000)
    wait_idle(page)
    page.keyboard.press("u")
    expect(page.get_by_text("Undo: set link 1 to confirmed")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, name)["revision"] == 3
    wait_idle(page)
    page.keyboard.press("h")
    expect(page.get_by_role("dialog").get_by_text("select the next / previous link")).to_be_visible(timeout=30_000)


def test_a_glossary_emptied_by_mistake_is_refused_and_versions_restore_it(app_server, page) -> None:
    from playwright.sync_api import expect

    glossary = app_server["glossary"]
    before = glossary.read_text(encoding="utf-8")
    open_document(page, app_server, "us-state-dept-tip-prevention-month-2024")
    grid = open_glossary_grid(page)
    box = grid.bounding_box()

    def click_row_marker(row: int | None, add: bool = False) -> None:
        """Click the row-marker column: `None` is the header (selects every row); rows are about 35 px high."""
        y = box["y"] + 18 + (0 if row is None else 35 * (row + 1))
        page.mouse.move(box["x"] + 15, y)
        page.wait_for_timeout(250)
        if add:
            page.keyboard.down("Control")
        page.mouse.click(box["x"] + 15, y)
        if add:
            page.keyboard.up("Control")
        page.wait_for_timeout(250)

    click_row_marker(None)
    page.get_by_role("button", name=re.compile("delete", re.IGNORECASE)).click()
    page.wait_for_timeout(1000)  # the edit reaches the server with the rerun it triggers
    page.locator(".st-key-glossary_save button").click()
    expect(page.get_by_text("it would hold no entry")).to_be_visible(timeout=30_000)
    assert glossary.read_text(encoding="utf-8") == before

    page.locator(".st-key-glossary_discard button").click()
    expect(page.get_by_text("holds edits not saved yet")).to_have_count(0, timeout=30_000)
    page.wait_for_timeout(800)
    box = grid.bounding_box()
    click_row_marker(1)
    click_row_marker(3, add=True)
    page.get_by_role("button", name=re.compile("delete", re.IGNORECASE)).click()
    page.wait_for_timeout(1000)  # the edit reaches the server with the rerun it triggers
    page.locator(".st-key-glossary_save button").click()
    expect(page.get_by_text("This save removes 2 of the 4 entries")).to_be_visible(timeout=30_000)
    assert glossary.read_text(encoding="utf-8") == before
    page.locator(".st-key-glossary_confirm_save button").click()
    expect(page.get_by_text("Glossary saved (2 entries)")).to_be_visible(timeout=30_000)
    assert len(glossary.read_text(encoding="utf-8").splitlines()) == 3
    [version] = sorted((glossary.parent / ".versions").glob("glossary-*.csv"))
    assert re.fullmatch(r"glossary-\d{8}T\d{6}\.csv", version.name) and version.read_text(encoding="utf-8") == before

    page.get_by_text("Previous versions (1 kept)").click()
    restore = page.locator(".st-key-glossary_restore button")
    expect(restore).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)  # a click during the rerun that drew the button could be dropped
    restore.click()
    expect(page.get_by_text("Restored the version")).to_be_visible(timeout=30_000)
    assert glossary.read_text(encoding="utf-8") == before


SHORT = "un-sg-world-day-2023"  # the third seed document, for the tests below (14 links, official English)


def comment_on(page, app_server, name: str, position: int, text: str) -> None:
    from playwright.sync_api import expect

    current = select_link(page, app_server, position, name)
    open_link_editor(page, position)
    commit_text(page, page.locator(f".st-key-comment_{current}_{position} textarea"), text)
    click_settled(page, page.locator(f".st-key-save_comment_{current}_{position} button"))
    expect(page.get_by_text(f"Undo: comment on link {position}")).to_be_visible(timeout=30_000)
    wait_idle(page)


def test_comments_survive_merge_and_split_and_redo_brings_a_correction_back(app_server, page) -> None:
    from playwright.sync_api import expect

    open_document(page, app_server, SHORT)
    comment_on(page, app_server, SHORT, 1, "Opening sentence checked.")
    comment_on(page, app_server, SHORT, 2, "Second sentence: ask the UN office.")
    before = saved_review(app_server, SHORT)["links"]

    select_link(page, app_server, 1, SHORT)
    page.locator(".st-key-act_merge_next_ button:enabled").first.click()
    expect(page.get_by_text("Undo: merge links 1 and 2 (their comments joined)")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("The merged link keeps the comments of both links")).to_be_visible()
    merged = saved_review(app_server, SHORT)["links"][1]
    assert merged["comment"] == "Opening sentence checked.\nSecond sentence: ask the UN office."
    assert merged["fr_ids"] == [0, 1] and merged["en_ids"] == [1, 2]

    wait_idle(page)
    expect(page.locator(f".st-key-sel_{revision(app_server, SHORT)}_1 input")).to_be_checked()  # the merged link stays selected
    page.locator(".st-key-act_split_ button:enabled").first.click()
    expect(page.get_by_text("Undo: split link 1 (its comment stays on the first part, link 1)")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("The comment of link 1 stays on the first part, link 1.")).to_be_visible()
    links = saved_review(app_server, SHORT)["links"]
    assert links[1]["comment"] == merged["comment"] and "comment" not in links[2]

    wait_idle(page)
    page.locator(".st-key-undo button:enabled").first.click()
    expect(page.get_by_text("Undo: merge links 1 and 2 (their comments joined)")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, SHORT)["links"][1] == merged
    wait_idle(page)
    page.locator(".st-key-redo button:enabled").first.click()
    expect(page.get_by_text("Undo: split link 1 (its comment stays on the first part")).to_be_visible(timeout=30_000)
    saved = saved_review(app_server, SHORT)
    assert saved["links"][1]["comment"] == merged["comment"] and saved["redo"] == []
    assert [link["fr_ids"] for link in saved["links"]] == [link["fr_ids"] for link in before]


def test_merge_split_redo_and_next_flag_from_the_keyboard(app_server, page) -> None:
    from playwright.sync_api import expect

    open_document(page, app_server, SHORT)
    expect(page.locator(".st-key-next_flag button").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1000)
    page.get_by_role("heading", name=SHORT).click()
    current = revision(app_server, SHORT)
    wait_idle(page)
    page.keyboard.press("f")  # link 0 carries an error flag (a garbled term)
    expect(page.locator(f".st-key-sel_{current}_0 input")).to_be_checked(timeout=30_000)
    wait_idle(page)
    page.keyboard.press("f")  # link 1: an MT word left untranslated
    expect(page.locator(f".st-key-sel_{current}_1 input")).to_be_checked(timeout=30_000)
    expect(page.locator(f".st-key-sel_{current}_0 input")).not_to_be_checked()
    wait_idle(page)
    page.keyboard.press("m")
    expect(page.get_by_text("Undo: merge links 1 and 2")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, SHORT)["links"][1]["fr_ids"] == [0, 1]
    wait_idle(page)
    page.keyboard.press("s")
    expect(page.get_by_text("Undo: split link 1")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, SHORT)["links"][1]["fr_ids"] == [0]
    wait_idle(page)
    page.keyboard.press("u")
    expect(page.get_by_text("Redo: split link 1")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, SHORT)["links"][1]["fr_ids"] == [0, 1]
    wait_idle(page)
    page.keyboard.press("Shift+U")
    expect(page.get_by_text("Undo: split link 1")).to_be_visible(timeout=30_000)
    saved = saved_review(app_server, SHORT)
    assert saved["links"][1]["fr_ids"] == [0] and saved["history"][-1]["label"].startswith("split link 1")
    wait_idle(page)
    page.keyboard.press("h")
    dialog = page.get_by_role("dialog")
    for line in ("merge the selected link with the next one", "split the selected link", "redo the last correction undone",
                 "select the next link with a flag to review"):
        expect(dialog.get_by_text(line, exact=False)).to_be_visible(timeout=30_000)


def test_verdicts_overtaken_by_a_correction_stay_visible_and_never_move_to_another_flag(app_server, page, request) -> None:
    """Runs after the flags test: there the date-mismatch flag of link 2 was fixed by its suggestion and link 0's omission accepted."""
    from playwright.sync_api import expect

    after(request, "test_act_on_flags_comment_and_correct_a_link_then_the_qa_view")

    verdicts = {v["flag"][3]: v for v in saved_review(app_server)["flag_reviews"]}
    assert verdicts["date-mismatch"]["outcome"].startswith("fixed: was accepted (suggestion applied); the text correction “apply the suggestion")
    assert verdicts["omission"]["state"] == "accepted" and "outcome" not in verdicts["omission"]
    open_document(page, app_server, DOCUMENT)

    # Correct the French of link 0: the omission flag is raised again on the new text, open; the acceptance is outdated.
    edit_sentence(page, app_server, 0, "fr", 0, lambda text: text + " (révisé)")
    verdicts = {v["flag"][3]: v for v in saved_review(app_server)["flag_reviews"]}
    assert verdicts["omission"]["outcome"].startswith("outdated: was accepted; the text correction “edit FR sentence 0” changed the flag")
    wait_idle(page)
    select_link(page, app_server, 0)
    expect(page.locator('[class*="st-key-accept_"][class*="_0_"] button').first).to_be_visible(timeout=30_000)  # open again
    expect(page.get_by_text("✓ accepted")).to_have_count(0)

    page.get_by_role("tab", name="QA").click()
    expect(page.get_by_text("flags match")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("fixed by a correction").first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("was accepted (suggestion applied); the text correction “apply the suggestion of the date-mismatch flag",
                            exact=False).first).to_be_visible()
    expect(page.get_by_text("verdict outdated", exact=False).first).to_be_visible()
    # the QA filter: only the verdicts a correction overtook
    choose_option(page, page.locator(".st-key-qa_state [role=combobox]"), "fixed by a correction")
    page.keyboard.press("Escape")
    expect(page.get_by_text(re.compile(r"^1 of \d+ flags match"))).to_be_visible(timeout=30_000)

    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.locator(".st-key-dl_tmx button").click()
    tmx = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Reviewer's verdict: error date-mismatch flag on EN “October 12, 2023”: fixed — was accepted (suggestion applied)" in tmx
    assert "October 24, 2023" in tmx and "October 12, 2023</seg>" not in tmx  # the corrected English is exported
    assert "Reviewer's comment: Date checked against the press release of 24 October." in tmx
    # The QA report a reviser sends on: the verdicts, their reasons and the comments saved in the review, on the corrected text.
    with page.expect_download(timeout=60_000) as download:
        page.locator(".st-key-dl_qa_report button").first.click()
    report = Path(download.value.path()).read_text(encoding="utf-8")
    assert "flag fixed: was accepted (suggestion applied)" in report
    assert "Reviewer's comment on the link: Date checked against the press release of 24 October." in report
    assert "October 24, 2023" in report


def test_page_size_empty_filter_and_a_refused_entry_keep_the_reviewer_where_they_were(app_server, page) -> None:
    from playwright.sync_api import expect

    glossary_before = app_server["glossary"].read_text(encoding="utf-8")
    review_file = app_server["reviews"] / f"{SHORT}.review.json"
    review_before = review_file.read_bytes() if review_file.exists() else None
    open_document(page, app_server, SHORT)
    current = revision(app_server, SHORT)

    def choose(key: str, option: str) -> None:
        choose_option(page, page.locator(f".st-key-{key} [role=combobox]"), option)

    choose("page_size", "10")
    expect(page.get_by_text("page 1 of 2", exact=False)).to_be_visible(timeout=30_000)
    wait_idle(page)
    page.locator('[class*="st-key-page_nav_"] button').filter(has_text=re.compile("^2$")).first.click()
    expect(page.locator(f".st-key-sel_{current}_10")).to_be_visible(timeout=30_000)
    choose("page_size", "25")  # the page that holds link 10 opens, not page 2 of 25
    expect(page.get_by_text("page 1 of 1", exact=False)).to_be_visible(timeout=30_000)
    wait_idle(page)
    expect(page.locator(f".st-key-sel_{current}_10")).to_be_visible(timeout=30_000)

    choose("filter_status", "confirmed")  # no link of this document is confirmed
    page.keyboard.press("Escape")
    expect(page.get_by_text("No link matches these filters")).to_be_visible(timeout=30_000)

    page.get_by_role("tab", name="Glossary").click()
    form = page.locator('[data-testid="stForm"]')
    expect(form).to_be_visible(timeout=30_000)
    form.get_by_role("textbox", name="Term").fill("traite des enfants")
    form.get_by_role("textbox", name="Note").fill("seen in the 2019 report")
    form.get_by_role("button", name="Add to glossary").click()  # no concept: refused
    expect(page.get_by_text("Glossary not saved", exact=False)).to_be_visible(timeout=30_000)
    expect(form.get_by_role("textbox", name="Term")).to_have_value("traite des enfants")
    expect(form.get_by_role("textbox", name="Note")).to_have_value("seen in the 2019 report")
    assert app_server["glossary"].read_text(encoding="utf-8") == glossary_before
    assert (review_file.read_bytes() if review_file.exists() else None) == review_before, "paging and filtering change nothing on disk"


def test_a_flagged_span_goes_to_the_glossary_with_its_concept_and_status(app_server, page) -> None:
    from playwright.sync_api import expect

    glossary = app_server["glossary"]
    open_document(page, app_server, SHORT)
    current = select_link(page, app_server, 0, SHORT)  # « Human Trafficking in Persons »: a garbled form of a glossary term
    page.locator(f'[class*="st-key-addterm_{current}_0_"] button').first.click()
    form = page.locator('[data-testid="stForm"]')
    expect(form.get_by_role("combobox", name="Concept")).to_have_value("trafficking in persons", timeout=30_000)  # the concept, chosen
    expect(form.get_by_role("combobox", name="Status")).to_have_value("forbidden")
    expect(form.get_by_role("combobox", name="Lang")).to_have_value("en")
    expect(form.get_by_role("textbox", name="Term")).to_have_value("Human Trafficking in Persons")
    form.get_by_role("button", name="Add to glossary").click()
    expect(page.get_by_text("Glossary saved (5 entries)")).to_be_visible(timeout=60_000)
    assert "trafficking in persons,,en,Human Trafficking in Persons,forbidden," in glossary.read_text(encoding="utf-8")


def test_a_damaged_glossary_is_shown_and_restored_from_the_page(app_server, page) -> None:

    glossary = app_server["glossary"]
    good = glossary.read_text(encoding="utf-8")
    glossary.write_text(good + "trafficking in persons,en,traffic of people,sometimes\n", encoding="utf-8")
    try:
        repair_the_glossary_in_the_page(page, app_server, good)
    finally:  # the tests after this one need a glossary that reads, whatever happened here
        if glossary.read_text(encoding="utf-8") != good:
            glossary.write_text(good, encoding="utf-8")


def repair_the_glossary_in_the_page(page, app_server, good: str) -> None:
    from playwright.sync_api import expect

    glossary = app_server["glossary"]
    page.goto(f"{app_server['url']}/?document={SHORT}", timeout=60_000)
    expect(page.get_by_text("The glossary cannot be used", exact=False)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("traffic of people,sometimes", exact=False).first).to_be_visible()  # the faulty line, shown
    expect(page.locator(".st-key-glossary_restore button")).to_be_visible(timeout=30_000)  # previous versions are offered
    commit_text(page, page.locator('[class*="st-key-glossary_raw_"] textarea'), good)  # correct the file's text in the page
    click_settled(page, page.locator(".st-key-glossary_raw_save button"))
    expect(page.get_by_text("links match the filters")).to_be_visible(timeout=120_000)  # the app works again
    assert glossary.read_text(encoding="utf-8") == good


def downloaded_flags(page) -> list[dict]:
    """The Flags CSV of the Export tab, as a reviewer downloads it."""
    import csv

    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.locator(".st-key-dl_flags_csv button").click()
    rows = list(csv.DictReader(Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()))
    page.get_by_role("tab", name="Review").click()
    return rows


def test_document_wide_flags_survive_a_merge_and_a_glossary_save(app_server, page) -> None:
    """Issue #17: the run-together (typography) flag of a link, found by a document-wide check, vanished when the link was
    merged (the re-check ran without the document's segments); a glossary save re-checks with the same list of checks."""
    from playwright.sync_api import expect

    open_document(page, app_server, SHORT)
    row = page.locator('[data-testid="stHorizontalBlock"]', has=page.locator('mark[data-kind~="typography"]')).last
    position = int(re.search(r"st-key-sel_\d+_(\d+)", row.locator('[class*="st-key-sel_"]').first.get_attribute("class")).group(1))
    run_together = [r for r in downloaded_flags(page) if r["kind"] == "typography" and "run together" in r["message"]]
    assert [r["link"] for r in run_together] == [str(position)]

    select_link(page, app_server, position, SHORT)
    page.locator(".st-key-act_merge_next_ button:enabled").first.click()
    expect(page.get_by_text(f"Undo: merge links {position} and {position + 1}")).to_be_visible(timeout=30_000)
    wait_idle(page)
    merged = page.locator(f'[data-testid="stHorizontalBlock"]:has(.st-key-sel_{revision(app_server, SHORT)}_{position})')
    expect(merged.locator('mark[data-kind~="typography"]').first).to_be_attached(timeout=30_000)
    assert [r["link"] for r in downloaded_flags(page) if r["kind"] == "typography" and "run together" in r["message"]] == [str(position)]

    page.get_by_role("tab", name="Glossary").click()
    form = page.locator('[data-testid="stForm"]')
    expect(form).to_be_visible(timeout=30_000)
    choose_option(page, form.get_by_role("combobox", name="Concept"), "trafficking in persons")
    form.get_by_role("textbox", name="Term").fill("traite d’êtres humains")
    choose_option(page, form.get_by_role("combobox", name="Status"), "admitted")
    form.get_by_role("button", name="Add to glossary").click()
    expect(page.get_by_text("the open document was re-checked", exact=False)).to_be_visible(timeout=60_000)
    assert "traite d’êtres humains" in app_server["glossary"].read_text(encoding="utf-8")
    assert [r["link"] for r in downloaded_flags(page) if r["kind"] == "typography" and "run together" in r["message"]] == [str(position)]


def focused_link(page) -> str | None:
    """The `sel_REVISION_LINK` key of the row holding the keyboard focus (None when the focus is elsewhere)."""
    return page.evaluate("""() => { const box = document.activeElement?.querySelector?.('[class*="st-key-sel_"]')
        || document.activeElement?.closest?.('[class*="st-key-sel_"]');
        return box ? box.className.match(/st-key-(sel_\\d+_\\d+)/)[1] : null; }""")


def test_actions_sit_under_the_selected_row_and_the_focus_stays_on_it(app_server, page) -> None:
    """Issue #17: confirm, merge and the other corrections of one link are next to its row, and after one the row
    (redrawn with the new revision) keeps the focus, so the reviewer is not sent back to the top of the page."""
    from playwright.sync_api import expect

    open_document(page, app_server, SHORT)
    position = 7
    current = select_link(page, app_server, position, SHORT)
    row = page.locator(f'[data-testid="stHorizontalBlock"]:has(.st-key-sel_{current}_{position})').last
    bar = page.locator(".st-key-row_actions")
    expect(bar).to_be_visible(timeout=30_000)
    row_box, bar_box = row.bounding_box(), bar.bounding_box()
    assert row_box["y"] < bar_box["y"] < row_box["y"] + row_box["height"], "the actions are in the selected row, under its texts"
    page.mouse.wheel(0, -5000)  # the reviewer looks at the top of the page; an action then brings the row back into view

    wait_idle(page)
    bar.get_by_role("button", name="✓ Confirm").click()
    expect(page.get_by_text(f"Undo: set link {position} to confirmed")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, SHORT)["links"][position]["status"] == "confirmed"
    wait_idle(page)
    after = revision(app_server, SHORT)
    expect(page.locator(f".st-key-sel_{after}_{position} input")).to_be_checked()
    page.wait_for_function(f"() => document.activeElement?.querySelector?.('.st-key-sel_{after}_{position}') !== null", timeout=30_000)
    assert focused_link(page) == f"sel_{after}_{position}"
    expect(page.locator(f".st-key-sel_{after}_{position}")).to_be_in_viewport()

    fr_before = saved_review(app_server, SHORT)["links"][position]["fr_ids"]
    page.locator(".st-key-row_actions").get_by_role("button", name="Merge ↓").click()
    expect(page.get_by_text(f"Undo: merge links {position} and {position + 1}")).to_be_visible(timeout=30_000)
    merged = saved_review(app_server, SHORT)["links"][position]
    assert len(merged["fr_ids"]) > len(fr_before) and merged["status"] == "needs-review"
    wait_idle(page)
    after = revision(app_server, SHORT)
    page.wait_for_function(f"() => document.activeElement?.querySelector?.('.st-key-sel_{after}_{position}') !== null", timeout=30_000)
    expect(page.locator(".st-key-row_actions")).to_be_visible()  # still under the merged link, which stays selected


def test_link_a_french_sentence_to_any_english_sentence_then_undo_and_redo(app_server, page) -> None:
    """Issue #17: the French of a link goes with an English sentence far from it, chosen from the whole document; the
    alignment is saved in the review file, undone and redone."""
    from playwright.sync_api import expect

    from align.text.segmentation import segment_text

    english = [segment.text for segment in segment_text((app_server["texts"] / "en" / f"{SHORT}.txt").read_text(encoding="utf-8"), "en")
               if segment.alignable]
    open_document(page, app_server, SHORT)
    position = 2
    far = len(english) - 1
    current = select_link(page, app_server, position, SHORT)
    page.locator(f".st-key-row_relink_open_{position} label").click()
    box = page.locator(f".st-key-row_relink_choice_{current}_{position} input").first
    expect(box).to_be_visible(timeout=30_000)
    wait_idle(page)
    box.click()
    box.type(f"EN {far} ")
    option = page.get_by_role("option", name=f"EN {far} · {english[far][:90]}", exact=True)
    expect(option).to_be_visible(timeout=30_000)
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_timeout(700)  # the choice reaches the server with the rerun it triggers
    wait_idle(page)
    page.locator(".st-key-row_relink button:enabled").first.click()
    expect(page.get_by_text(f"Undo: link FR of link {position} to EN sentences")).to_be_visible(timeout=30_000)
    saved = saved_review(app_server, SHORT)
    [old] = [splice["removed"][0] for splice in saved["history"][-1]["splices"] if splice["start"] == position]
    chosen = sorted({*old["en_ids"], far})
    assert saved["history"][-1]["label"] == f"link FR of link {position} to EN sentences {', '.join(map(str, chosen))}"
    assert saved["links"][position]["en_ids"] == chosen and saved["links"][position]["fr_ids"] == old["fr_ids"]
    assert sorted(i for link in saved["links"] for i in link["en_ids"]) == list(range(len(english))), "each English sentence once"
    assert all(far not in link["en_ids"] for p, link in enumerate(saved["links"]) if p != position)

    wait_idle(page)
    page.locator(".st-key-undo button:enabled").first.click()
    expect(page.get_by_text(f"Redo: link FR of link {position}")).to_be_visible(timeout=30_000)
    before = saved_review(app_server, SHORT)["links"]
    assert before[position] == old and any(far in link["en_ids"] for link in before[position + 1:])
    wait_idle(page)
    page.locator(".st-key-redo button:enabled").first.click()
    expect(page.get_by_text(f"Undo: link FR of link {position}")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, SHORT)["links"] == saved["links"]
    page.reload()  # the saved alignment is what the page shows again
    expect(page.get_by_text(f"Undo: link FR of link {position}")).to_be_visible(timeout=60_000)


def confirm_link(page, app_server, position: int, name: str) -> None:
    from playwright.sync_api import expect

    select_link(page, app_server, position, name)
    page.locator(".st-key-confirm button:enabled").first.click()
    expect(page.get_by_text(f"Undo: set link {position} to confirmed")).to_be_visible(timeout=30_000)
    wait_idle(page)


def row_position(page, text: str) -> int:
    """The link number of the row showing `text` (once the run is over: rows of the page drawn before may still be there)."""
    wait_idle(page)
    row = page.locator('[data-testid="stHorizontalBlock"]', has=page.get_by_text(text, exact=False)).last
    return int(re.search(r"st-key-sel_\d+_(\d+)", row.locator('[class*="st-key-sel_"]').first.get_attribute("class")).group(1))


def upload(page, tmp_path, french: str, english: str | None = None, name: str = "un-sg-message") -> None:
    from playwright.sync_api import expect

    wait_idle(page)
    panel = page.locator(".st-key-upload_fr")
    if not panel.is_visible():
        page.get_by_text("Add a document").click()
    fr_file = tmp_path / "fr" / f"{name}.txt"
    fr_file.parent.mkdir(exist_ok=True)
    fr_file.write_text(french, encoding="utf-8")
    page.locator(".st-key-upload_fr input[type=file]").set_input_files(str(fr_file))
    expect(page.locator(".st-key-upload_fr")).to_contain_text(f"{name}.txt", timeout=30_000)
    if english is not None:
        # (the English is chosen once the French shows: chosen at once, under load the rerun the French upload starts could drop it)
        wait_idle(page)
        en_file = tmp_path / "en" / f"{name}.txt"
        en_file.parent.mkdir(exist_ok=True)
        en_file.write_text(english, encoding="utf-8")
        page.locator(".st-key-upload_en input[type=file]").set_input_files(str(en_file))
        # both files shown: under load the English one was still on its way when Save was clicked
        expect(page.locator(".st-key-upload_en")).to_contain_text(f"{name}.txt", timeout=30_000)
    page.wait_for_timeout(1000)  # the file reaches the server, then a rerun
    click_settled(page, page.locator(".st-key-upload_save button:enabled"))


def test_a_corrected_french_text_keeps_the_english_and_carries_the_confirmations_over(app_server, page, tmp_path) -> None:
    """Issue #17: replacing a reviewed document's French says what changes first; confirmed, the English stays and the
    confirmation of an unchanged sentence is carried over, that of a changed one is dropped; Cancel writes nothing."""
    from playwright.sync_api import expect

    name = "un-sg-message"
    texts = app_server["texts"]
    french = (texts / "fr" / f"{SHORT}.txt").read_text(encoding="utf-8")
    english = (texts / "en" / f"{SHORT}.txt").read_text(encoding="utf-8")
    open_document(page, app_server, SHORT)
    upload(page, tmp_path, french, english)  # a new document: saved at once
    expect(page.get_by_role("heading", name=name)).to_be_visible(timeout=180_000)
    expect(page.get_by_text("links match the filters")).to_be_visible(timeout=180_000)
    changed = row_position(page, "Il faut que cela change.")
    confirm_link(page, app_server, 0, name)
    confirm_link(page, app_server, changed, name)
    review_file = app_server["reviews"] / f"{name}.review.json"
    before = review_file.read_bytes()

    corrected = (french.replace("Il faut que cela change.", "Il faut que cela cesse.")
                 .replace("l’attention qu’ils méritent.", "l’attention qu’ils méritent. Chaque victime compte."))
    open_document(page, app_server, name)  # a new visit: the upload boxes are empty
    upload(page, tmp_path, corrected)
    changes = page.locator(".st-key-upload_changes")
    expect(changes).to_contain_text("is already in the corpus", timeout=30_000)
    expect(changes).to_contain_text("French: 1 sentence added, 1 sentence changed")
    expect(changes).to_contain_text("Official English: kept")
    expect(changes).to_contain_text("Confirmations: 1 kept, 1 dropped")
    page.locator(".st-key-upload_cancel button").click()
    expect(changes).to_have_count(0, timeout=30_000)
    assert (texts / "fr" / f"{name}.txt").read_text(encoding="utf-8") == french and review_file.read_bytes() == before, "Cancel writes nothing"

    wait_idle(page)
    page.locator(".st-key-upload_save button:enabled").click()
    page.locator(".st-key-upload_confirm button").click()
    expect(page.get_by_text("Review carried over to the new text")).to_be_visible(timeout=180_000)
    assert (texts / "fr" / f"{name}.txt").read_text(encoding="utf-8") == corrected
    assert (texts / "en" / f"{name}.txt").read_text(encoding="utf-8") == english, "the official English is kept"
    saved = saved_review(app_server, name)
    assert saved["fr_sha256"] == hashlib.sha256(corrected.encode("utf-8")).hexdigest()
    assert saved["en_sha256"] == hashlib.sha256(english.encode("utf-8")).hexdigest()
    first = json.loads(before)["links"][0]  # link 0 comes before both corrections: same sentence numbers
    assert [(link["fr_ids"], link["en_ids"]) for link in saved["links"] if link["status"] == "confirmed"] == [(first["fr_ids"], first["en_ids"])]
    assert saved["history"][-1]["label"] == "carry the review over to the new text (1 confirmation kept, 1 dropped)"
    expect(page.get_by_text("official English", exact=False).first).to_be_visible()
    assert list(app_server["reviews"].glob(f"{name}.review.stale-*.json")), "the review of the old text is kept aside"


def downloaded_csv(page, key: str) -> list[dict]:
    """A CSV download of the Export tab (`key`: its button's key), as a reviewer gets it; back to the Review tab after."""
    import csv

    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.locator(f".st-key-{key} button").click()
    rows = list(csv.DictReader(Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()))
    page.get_by_role("tab", name="Review").click()
    return rows


def add_entry(page, concept: str, term: str, lang: str, *, new_concept: bool = False) -> None:
    """Add one glossary entry with the Glossary tab's form (status: preferred) and wait for the save."""
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Glossary").click()
    form = page.locator('[data-testid="stForm"]')
    expect(form).to_be_visible(timeout=30_000)
    box = form.get_by_role("combobox", name="Concept")
    if new_concept:
        wait_idle(page)
        box.click()
        box.fill(concept)
        box.press("Enter")
        expect(box).to_have_value(concept, timeout=10_000)
    else:
        choose_option(page, box, concept)
    form.get_by_role("textbox", name="Term").fill(term)
    if lang != "fr":
        choose_option(page, form.get_by_role("combobox", name="Lang"), lang)
    form.get_by_role("button", name="Add to glossary").click()
    expect(page.get_by_text("Glossary saved", exact=False)).to_be_visible(timeout=120_000)
    wait_idle(page)


def test_a_glossary_entry_reaches_the_machine_translation_of_the_sentences_it_holds(app_server, page) -> None:
    """Issue #17 (item 5): after a glossary change the MT flags said "the glossary constraint failed" of a machine translation
    made before the change. Apertium leaves « trilatéral » in French; once the glossary renders it "trilateral", the sentences
    holding it are translated again with it: the exports carry the new MT, the save says how many sentences, and no MT flag
    says the constraint failed or that the MT predates the glossary."""
    from playwright.sync_api import expect

    holds = re.compile(r"\btrilatéral\b")
    open_document(page, app_server, DOCUMENT)
    before = [row for row in downloaded_csv(page, "dl_alignment_csv") if holds.search(row["fr"])]
    assert before and all("trilatéral" in row["mt"] for row in before), "the MT left the word in French"
    add_entry(page, "trilateral", "trilatéral", "fr", new_concept=True)
    add_entry(page, "trilateral", "trilateral", "en")
    expect(page.get_by_text(re.compile(r"and \d+ machine-translated sentences? translated again with the new glossary"))).to_be_visible()
    assert "trilateral,,en,trilateral,preferred," in app_server["glossary"].read_text(encoding="utf-8")
    expect(page.get_by_text("Re-translate with the current glossary")).to_have_count(0)
    after = {row["link"]: row for row in downloaded_csv(page, "dl_alignment_csv")}
    for row in before:
        assert "trilateral" in after[row["link"]]["mt"] and "trilatéral" not in after[row["link"]]["mt"], after[row["link"]]["mt"]
    mt_flags = [row for row in downloaded_csv(page, "dl_flags_csv") if row["side"] == "mt"]
    assert not [row for row in mt_flags if "trilat" in row["text"] + row["message"]], "no flag about the word on the new MT"
    assert not [row for row in mt_flags if "glossary constraint failed" in row["message"] or "before the last glossary change" in row["message"]]
    # The TMX of the machine translation carries it too.
    page.get_by_role("tab", name="Export").click()
    choose_option(page, page.locator(".st-key-tmx_english [role=combobox]"), "mt")
    wait_idle(page)  # the download button of the run that follows the choice: under load the one before it gave the official English
    with page.expect_download(timeout=60_000) as download:
        click_settled(page, page.locator(".st-key-dl_tmx button"))
    tmx = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Working group trilateral" in tmx and "Working group trilatéral" not in tmx


def test_the_qa_report_holds_a_dismissal_with_its_reason_and_a_comment(app_server, page) -> None:
    """Issue #17 (item 14): a flag dismissed with a reason and a comment on its link, both in the review file and in the QA report
    (HTML) the Export tab downloads."""
    from playwright.sync_api import expect

    name = "us-state-dept-tip-prevention-month-2024"
    open_document(page, app_server, name)
    row = page.locator('[data-testid="stHorizontalBlock"]', has=page.locator("mark")).first
    position = int(re.search(r"st-key-sel_\d+_(\d+)", row.locator('[class*="st-key-sel_"]').first.get_attribute("class")).group(1))
    current = select_link(page, app_server, position, name)
    reason_text = "a proper name the engine rightly leaves <as is>"
    click_settled(page, page.get_by_role("button", name=re.compile("^Dismiss")).first)
    reason = page.locator(f'[class*="st-key-dismiss_reason_{current}_{position}_"] input').first
    commit_text(page, reason, reason_text, "Enter")
    click_settled(page, page.locator(f'[class*="st-key-dismiss_{current}_{position}_"] button').first)
    expect(page.get_by_text(re.compile(rf"Undo: dismiss \S+ flag on link {position}"))).to_be_visible(timeout=30_000)
    comment = "Checked with the translator: keep the names & titles as they are."
    comment_on(page, app_server, name, position, comment)
    saved = saved_review(app_server, name)
    assert [v["note"] for v in saved["flag_reviews"] if v["state"] == "dismissed"] == [reason_text]
    assert saved["links"][position]["comment"] == comment

    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.locator(".st-key-dl_qa_report button").first.click()
    report = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"flag dismissed: {html.escape(reason_text)}" in report
    assert f"Reviewer's comment on the link: {html.escape(comment)}" in report


GRID_ROWS = """() => [...document.querySelector('[data-testid="stDataFrame"]').querySelectorAll('tbody [role=row]')]
    .map(row => [...row.querySelectorAll('[role=gridcell]')].map(cell => cell.textContent))"""
"""The glossary table's rows as its accessible DOM gives them (the grid itself is a canvas): each row's cells, the line column first."""


def test_a_refused_glossary_save_names_the_line_the_table_shows(app_server, page) -> None:
    """Issue #17 (item 10): the glossary table numbers its rows as glossary.csv does and a refused save names rows by those numbers,
    also after a deletion above the faulty row. Read in Chromium through the grid's accessible DOM (the grid is a canvas)."""
    from playwright.sync_api import expect

    glossary = write_glossary(app_server["glossary"], GLOSSARY_ROWS)  # the module's glossary, as the first tests saw it
    before = glossary.read_text(encoding="utf-8")
    open_document(page, app_server, "us-state-dept-tip-prevention-month-2024")
    grid = open_glossary_grid(page)
    assert [(row[0], row[4]) for row in page.evaluate(GRID_ROWS)] == [(str(line), term) for line, (_, _, term, _) in enumerate(GLOSSARY_ROWS, 2)]

    # Delete the first row (line 2, the concept's preferred French term): the next French row, line 3, is now faulty.
    box = grid.bounding_box()
    y = box["y"] + 18 + 35
    page.mouse.move(box["x"] + 15, y)
    page.wait_for_timeout(250)
    page.mouse.click(box["x"] + 15, y)
    page.wait_for_timeout(250)
    page.get_by_role("button", name=re.compile("delete", re.IGNORECASE)).click()
    page.wait_for_timeout(1000)  # the edit reaches the server with the rerun it triggers
    wait_idle(page)
    page.locator(".st-key-glossary_save button").click()
    refusal = page.locator('[data-testid="stAlertContentError"]').filter(has_text="Glossary not saved")
    expect(refusal).to_be_visible(timeout=30_000)
    cited = [int(number) for number in re.findall(r"\bline (\d+)", refusal.inner_text())]
    rows = {int(row[0]): row for row in page.evaluate(GRID_ROWS)}
    assert sorted(rows) == [3, 4, 5], "the rows keep their glossary.csv numbers after the deletion"
    assert cited == [3] and rows[3][3] == "fr" and rows[3][4] == "traite des êtres personnes", (cited, rows)
    assert "no preferred fr term" in refusal.inner_text()
    assert glossary.read_text(encoding="utf-8") == before


def test_text_typed_and_saved_at_once_is_saved(app_server, page) -> None:
    """A text box sends its text when it loses the focus (or on Ctrl+Enter). The Save buttons were disabled until the text had
    been sent, so a reviewer who typed and clicked Save straight away clicked a disabled button: the text was sent, the click
    lost, every time. The click now carries the text with it; Save with nothing changed says so."""
    from playwright.sync_api import expect

    name = "us-state-dept-tip-prevention-month-2024"
    position = 1
    open_document(page, app_server, name)
    current = select_link(page, app_server, position, name)
    open_link_editor(page, position)
    box = page.locator(f'[class*="st-key-text_{current}_fr_"] textarea').first
    index = int(re.search(rf"st-key-text_{current}_fr_(\d+)", page.locator(f'[class*="st-key-text_{current}_fr_"]').first.get_attribute("class")).group(1))
    corrected = box.input_value() + " (relu)"
    box.fill(corrected)  # no Ctrl+Enter: the click on Save is what sends it
    click_settled(page, page.locator(f".st-key-save_text_{current}_{position} button"))
    expect(page.get_by_text(f"Undo: edit FR sentence {index}")).to_be_visible(timeout=30_000)
    [edit] = saved_review(app_server, name)["edits"]
    assert edit["side"] == "fr" and edit["sentence"] == index and edit["text"] == corrected

    current = select_link(page, app_server, position, name)
    open_link_editor(page, position)
    page.locator(f".st-key-comment_{current}_{position} textarea").fill("Read again after the correction.")
    click_settled(page, page.locator(f".st-key-save_comment_{current}_{position} button"))
    expect(page.get_by_text(f"Undo: comment on link {position}")).to_be_visible(timeout=30_000)
    assert saved_review(app_server, name)["links"][position]["comment"] == "Read again after the correction."

    before = revision(app_server, name)
    current = select_link(page, app_server, position, name)
    open_link_editor(page, position)
    click_settled(page, page.locator(f".st-key-save_comment_{current}_{position} button"))  # nothing typed
    expect(page.get_by_text(f"The comment of link {position} is unchanged: nothing to save.")).to_be_visible(timeout=30_000)
    assert revision(app_server, name) == before
