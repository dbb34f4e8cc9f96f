"""`python -m align bench app`: how fast the review app answers on a long document.

A document of about `--sentences` French sentences (2,000 by default) is built by joining
whole books of the TransRead benchmark (French and English sides), put in a temporary corpus,
and opened in the app. Figures:
- server: the time Streamlit's script takes per interaction (AppTest, in this process), at 25
  and 100 links per page: a plain rerun, a page change, ticking a link and confirming it (two
  reruns, with the save), ticking a link and merging it with the next (re-check and save);
- browser (`--browser`, needs /usr/bin/chromium): the same interactions end to end in Chromium
  against `streamlit run app.py`, timed in the page from the click (or key) to the paint after the app's last change
  (`PAINT_PROBE`), with where the wait went (the page's first message, the server's last, the end of the script run).
The pipeline runs once per measurement (its time is printed but is not the app's).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from align.errors import InputError
from bench.align import DEFAULT_BENCH_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = REPO_ROOT / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
NAME = "bench-long"
COUNT_SCRIPT_STATE_CHANGES = """
window.__alignStateChanges = 0;
new MutationObserver(records => { window.__alignStateChanges += records.length; })
  .observe(document, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
"""
"""Counts the changes of Streamlit's script state (running, notRunning…) in the page: a rerun that has come and gone between two
looks at the page still counts (the bench and tests/test_browser.py wait on it)."""
PAINT_PROBE = """
window.__alignInputAt = 0;  // a page (re)loaded: its wait starts at the navigation (performance.now()'s origin)
window.__alignLastPaint = 0;
window.__alignScriptOver = 0;
window.__alignRuns = 0;  // script runs ended since the input
window.__alignLastMessage = 0;
window.__alignFirstSend = 0;  // the page's first message to the server after the input (a rerun asked, widget values sent)
window.__alignMessages = 0;  // the server's messages since the input, and their bytes: each is an element to send and to draw
window.__alignBytes = 0;
// The time each message of the server reaches the page (before the page handles it): what the server and the network take.
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', event => {
      window.__alignLastMessage = performance.now();
      window.__alignMessages += 1;
      window.__alignBytes += event.data.byteLength ?? event.data.size ?? event.data.length ?? 0;
    });
  }
  send(data) {
    if (window.__alignFirstSend === null) window.__alignFirstSend = performance.now();
    super.send(data);
  }
};
for (const type of ['pointerdown', 'keydown']) {
  addEventListener(type, () => { if (window.__alignInputAt === null) window.__alignInputAt = performance.now(); }, true);
}
// Only the app's own elements: a tooltip the resting pointer opens, or an option list, lives in a layer outside it.
const inApp = record => (record.target.nodeType === 1 ? record.target : record.target.parentElement)?.closest('[data-testid="stApp"]');
const paintedAfter = records => {
  if (records.some(inApp)) requestAnimationFrame(() => setTimeout(() => { window.__alignLastPaint = performance.now(); }, 0));
  const state = records.find(record => record.attributeName === 'data-test-script-state')?.target.getAttribute('data-test-script-state');
  if (state && state !== 'running' && state !== 'rerunRequested') window.__alignScriptOver = performance.now();
  // a run ends when the state leaves 'running' (the records of one batch may hold several runs: the old values tell them apart)
  window.__alignRuns += records.filter(record => record.attributeName === 'data-test-script-state' && record.oldValue === 'running').length;
};
// The document itself (there from the start), not its root element, which a rewritten document replaces.
new MutationObserver(paintedAfter).observe(document, {childList: true, subtree: true, attributes: true, attributeOldValue: true, characterData: true});
"""
"""The user's wait, measured in the page rather than by the bench's polling: the time of the first input (pointer or key) after the
bench arms the probe, and the time the page was painted after its last change to the DOM (a requestAnimationFrame callback runs
before the frame's paint, a task queued from it after). The bench reads both once the page has stayed unchanged for
`QUIET_SECONDS`."""
QUIET_SECONDS = 0.5


def build_document(bench_dir: Path, texts: Path, sentences: int) -> tuple[int, int]:
    """Write `texts/fr/NAME.txt` and `texts/en/NAME.txt` from whole TransRead books; return their line counts."""
    root = bench_dir / "transread_en-fr"
    if not root.is_dir():
        raise InputError(root, "benchmark folder not found (pass --bench-dir DIR holding transread_en-fr/)")
    fr: list[str] = []
    en: list[str] = []
    for book in sorted(path for path in root.iterdir() if path.is_dir()):
        fr += (book / f"{book.name}.fr").read_text(encoding="utf-8").splitlines()
        en += (book / f"{book.name}.en").read_text(encoding="utf-8").splitlines()
        if len(fr) >= sentences:
            break
    for lang, lines in (("fr", fr), ("en", en)):
        (texts / lang).mkdir(parents=True, exist_ok=True)
        (texts / lang / f"{NAME}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(fr), len(en)


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def interruptibly(action: Callable[[], object]) -> None:
    """Run `action` (minutes long: the first open runs the pipeline) in a thread, waiting for it in slices of 0.2 s.

    A Ctrl-C can be handed by the kernel to any thread of the process: to AppTest's script thread, say, while the main thread waits
    in a join that nothing interrupts, and the bench then ignored it until the pipeline was over. Python runs its signal handlers
    in the main thread each time it wakes up, so waking up often is enough."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as error:  # handed over to the main thread
            errors.append(error)
    worker = threading.Thread(target=run, name="bench-app-run", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.2)
    if errors:
        raise errors[0]


def server_figures(repeat: int, app_path: Path = APP) -> tuple[tuple[str, str], tuple[str, str]]:
    """Per-interaction script time through Streamlit's AppTest."""
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)  # "missing ScriptRunContext" noise
    app = AppTest.from_file(str(app_path), default_timeout=1800)
    start = time.perf_counter()
    interruptibly(app.run)
    if app.exception:
        raise RuntimeError(app.exception[0].value)
    print(f"first open (pipeline included): {time.perf_counter() - start:.1f} s; {app.caption[1].value if len(app.caption) > 1 else ''}")
    kinds = flag_kinds_to_act_on(app.session_state["review"])

    def tick() -> None:
        """Select one link alone (the link a correction made stays selected: it is unticked first, in the same run)."""
        boxes = [box for box in app.checkbox if box.key and box.key.startswith("sel_")]
        for box in boxes:
            if box.value:
                box.uncheck()
        next(box for box in boxes if not box.value).check().run()

    for size in (25, 100):
        app.selectbox(key="page_size").set_value(size).run()
        pages = page_switcher(app).num_pages if page_switcher(app) is not None else 1
        print(f"server, {size} links per page:")
        print(f"  plain rerun             {_median_ms(app.run, repeat):7.0f} ms")
        if pages > 1:
            def next_page(pages: int = pages) -> None:
                switcher = page_switcher(app)
                switcher.set_value(switcher.value % pages + 1).run()
            print(f"  next page               {_median_ms(next_page, repeat):7.0f} ms")
        print(f"  tick + confirm (2 runs) {_median_ms(lambda: (tick(), app.button(key='confirm').click().run()), repeat):7.0f} ms")
        print(f"  tick + merge ↓ (2 runs) {_median_ms(lambda: (tick(), app.button(key='act_merge_next_').click().run()), repeat):7.0f} ms")
    return kinds


# The review list's page switcher: key "page" in apps before issue #17's fifth round, "page_nav_N" since (a new N each time the app
# itself turns the page). The bench times both kinds side by side.
PAGE_SWITCHER = '.st-key-page button, [class*="st-key-page_nav_"] button'


def page_switcher(app):
    """The review list's page switcher in an AppTest (None when the list fits on one page)."""
    return next((widget for widget in app.get("pagination") if widget.key == "page" or (widget.key or "").startswith("page_nav_")), None)


class Timings:
    """Seconds per interaction, printed as median and worst case."""

    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = {}
        """From the input to the page's last paint of its result, measured in the page (`PAINT_PROBE`)."""
        self.polled: dict[str, list[float]] = {}
        """From before the click until the bench's waits (Playwright's `expect` polling among them) saw the result: the figure of
        the rounds before the ninth, kept to show how much of it was the bench's polling."""
        self.script: dict[str, list[float]] = {}
        """From the input to the end of the last script run it caused (the rest of the wait is the browser's drawing)."""
        self.server: dict[str, list[float]] = {}
        """From the input to the server's last message reaching the page."""
        self.sent: dict[str, list[float]] = {}
        """From the input to the page's first message to the server (0 for a reload): the browser's part before the server's."""
        self.runs: dict[str, list[int]] = {}
        """Script runs (the page's or a fragment's) that ended after the input, as the page's script state shows them."""
        self.messages: dict[str, list[tuple[int, int]]] = {}
        """The server's messages that reached the page after the input, and their bytes."""
        self.page = None

    def timed(self, label: str, action: Callable[[], object], done: Callable[[], object]) -> None:
        self.page.evaluate("window.__alignInputAt = null; window.__alignFirstSend = null; window.__alignRuns = 0; window.__alignMessages = 0;"
                           " window.__alignBytes = 0")
        start = time.perf_counter()
        action()
        done()
        self.polled.setdefault(label, []).append(time.perf_counter() - start)
        painted, script_over, message, sent, runs, messages = settled_wait(self.page)
        self.runs.setdefault(label, []).append(runs)
        self.messages.setdefault(label, []).append(messages)
        self.samples.setdefault(label, []).append(painted)
        self.script.setdefault(label, []).append(script_over)
        self.server.setdefault(label, []).append(message)
        self.sent.setdefault(label, []).append(sent)

    def report(self) -> None:
        print(f"  {'interaction':<34} {'runs':>4} {'median':>8} {'worst':>8}   {'sent':>6} {'last message':>12} {'script over':>11} {'reruns':>6}   "
              f"{'messages':>8} {'KB':>5}   {'polled median':>13} {'worst':>8}")
        for label, values in self.samples.items():
            flag = "" if max(values) < 1.0 else "   ← over 1 s"
            polled = self.polled[label]
            count, size = (statistics.median(column) for column in zip(*self.messages[label]))
            print(f"  {label:<34} {len(values):>4} {statistics.median(values):7.2f}s {max(values):7.2f}s   {statistics.median(self.sent[label]):5.2f}s "
                  f"{statistics.median(self.server[label]):11.2f}s {statistics.median(self.script[label]):10.2f}s {max(self.runs[label]):6} "
                  f"{count:8.0f} {size / 1000:5.0f}   "
                  f"{statistics.median(polled):12.2f}s {max(polled):7.2f}s{flag}", flush=True)


def settled_wait(page) -> tuple[float, float, float, float, int, tuple[int, int]]:
    """Seconds from the input the probe saw to the page's last paint, to the end of the last script run as the page shows it, to
    the last message of the server reaching the page, and to the page's first message to the server (between the two: the
    server and the network; before and after: the browser), the script runs it started and the server's messages (count, bytes)
    since the input, once the page has been unchanged for `QUIET_SECONDS`."""
    quiet_ms = QUIET_SECONDS * 1000
    page.wait_for_function("quiet => { const s = document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state');"
                           " return s && s !== 'running' && s !== 'rerunRequested' && window.__alignLastPaint > 0"
                           " && performance.now() - window.__alignLastPaint > quiet; }", arg=quiet_ms, timeout=120_000)
    start, painted, script_over, message, sent, runs, messages, size = page.evaluate(
        "[window.__alignInputAt, window.__alignLastPaint, window.__alignScriptOver, window.__alignLastMessage, window.__alignFirstSend,"
        " window.__alignRuns, window.__alignMessages, window.__alignBytes]")
    if start is None or painted < start:
        raise RuntimeError(f"the paint probe saw {'no input' if start is None else 'no change after the input'}: the timed action did not reach the page")
    return (*(max(0.0, at - start) / 1000 for at in (painted, script_over, message, sent or start)), runs, (messages or 0, size or 0))


def flag_kinds_to_act_on(review) -> tuple[tuple[str, str], tuple[str, str]]:
    """((kind, side) whose every flag carries a suggestion that applies to the French or English, (kind, side) the commonest other)."""
    from collections import Counter

    flags = [flag for flag in review.flag_list() if flag.side in ("fr", "en") and flag.link is not None]
    every = Counter((flag.kind, flag.side) for flag in flags)
    applicable = Counter((flag.kind, flag.side) for flag in flags if flag.suggestion and 0 < flag.end - flag.start < 80)
    suggestion = next((group for group, count in applicable.most_common() if count == every[group]), None)
    if suggestion is None:
        raise RuntimeError(f"the long document has no kind of flag whose suggestions all apply: {dict(applicable)} of {dict(every)}")
    print(f"flags acted on in the browser: apply the suggestion of {suggestion} ({every[suggestion]} flags), "
          f"dismiss {next(group for group, _ in every.most_common() if group != suggestion)}", flush=True)
    return suggestion, next(group for group, _ in every.most_common() if group != suggestion)


def start_server(app_path: Path, env: dict[str, str], log: Path, started: list[subprocess.Popen]) -> tuple[subprocess.Popen, int]:
    """`streamlit run APP` on a free localhost port, answering its health check; returns the process and the port.

    The process is added to `started` as soon as it exists (Ctrl-C held back until then), so that an interrupted bench stops it:
    in a session of its own, the server does not get the terminal's Ctrl-C, and it would run the pipeline on for minutes.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        with open(log, "wb") as output:
            server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app_path), "--server.headless", "true", "--server.address",
                                       "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
                                      cwd=app_path.parent, env=env, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        started.append(server)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).close()
            break
        except OSError:
            time.sleep(0.2)
    return server, port


def stop_servers(servers: list[subprocess.Popen]) -> None:
    """SIGTERM to each server's process group, SIGKILL to any still there 10 s later (one busy running the pipeline)."""
    for server in servers:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
    for server in servers:
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def browser_figures(env: dict[str, str], kinds: tuple[tuple[str, str], tuple[str, str]], pages: int, apps: list[Path], rounds: int = 1) -> None:
    """End-to-end times in Chromium against `streamlit run APP` for each of `apps` (one server each), 25 links per page: each
    interaction from the click (or key) until the page shows its result. With several apps and rounds the apps take turns, each
    round from a review file removed first, so that they are timed under the same load."""
    from playwright.sync_api import sync_playwright

    work = Path(env["ALIGN_REVIEW_DIR"]).parent
    servers: list[subprocess.Popen] = []
    timings = {app: Timings() for app in apps}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(str(work / "profile"), executable_path=str(CHROMIUM), headless=True,
                                                                    args=CHROMIUM_ARGS, viewport={"width": 1500, "height": 1000})
            targets = []
            for number, app in enumerate(apps):
                reviews = work / f"reviews-{number}"
                _, port = start_server(app, env | {"ALIGN_REVIEW_DIR": str(reviews)}, work / f"server-{number}.log", servers)
                targets.append((app, port, reviews / f"{NAME}.review.json"))
            page = browser.new_page()
            page.add_init_script(COUNT_SCRIPT_STATE_CHANGES)
            page.add_init_script(PAINT_PROBE)
            for timing in timings.values():
                timing.page = page
            for app, port, _ in targets:
                start = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/?document={NAME}")
                page.get_by_text("links match the filters").first.wait_for(timeout=1_800_000)
                print(f"{app}: first open in Chromium (pipeline included): {time.perf_counter() - start:.1f} s", flush=True)
            for round_number in range(rounds):
                for app, port, review_file in targets if round_number % 2 == 0 else targets[::-1]:  # each app goes first in turn
                    for stale in review_file.parent.glob(f"{NAME}.review.json*"):
                        stale.unlink()
                    print(f"round {round_number + 1}: {app}", flush=True)
                    interactions(page, f"http://127.0.0.1:{port}/?document={NAME}", review_file, kinds, pages, timings[app])
            browser.close()
    finally:
        stop_servers(servers)
        for app, timing in timings.items():
            print(f"browser (Chromium, 25 links per page, from the input to the page's last paint of the result; polled: until the "
                  f"bench's waits saw it), {app}:")
            timing.report()


def interactions(page, url: str, review_file: Path, kinds: tuple[tuple[str, str], tuple[str, str]], pages: int, timings: Timings) -> None:
    """One pass of every timed interaction, from a fresh session on the document."""
    from playwright.sync_api import expect

    timed = timings.timed

    def idle() -> None:
        page.wait_for_function("() => { const s = document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state');"
                               " return s && s !== 'running' && s !== 'rerunRequested'; }", timeout=120_000)

    def committed(before: int) -> None:
        """The rerun that sends the text typed (Ctrl+Enter, Enter) has started and is over (`before`: the page's count of script state
        changes before the key). The Save buttons are enabled before that since the app's seventh round (the click itself may send the
        text), so their state says nothing; and idle() alone can return before that rerun starts."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        with contextlib.suppress(PlaywrightTimeout):  # no rerun came (the box had sent its text already): the Save click sends it
            page.wait_for_function("before => (window.__alignStateChanges ?? 0) > before", arg=before, timeout=10_000)
        idle()

    def state_changes() -> int:
        return page.evaluate("window.__alignStateChanges ?? 0")

    def revision() -> int:
        return json.loads(review_file.read_text(encoding="utf-8"))["revision"] if review_file.exists() else 0

    def shown(text: str) -> Callable[[], None]:
        return lambda: expect(page.get_by_text(text, exact=False).first).to_be_visible(timeout=120_000)

    def saved(text: str) -> Callable[[], None]:
        """Done when the review file has a new revision and the page shows `text` with its script run over."""
        before = revision()

        def done() -> None:
            deadline = time.monotonic() + 120
            while revision() == before and time.monotonic() < deadline:
                time.sleep(0.02)
            shown(text)()
            idle()
        return done

    def tick(position: int) -> None:
        box = f".st-key-sel_{revision()}_{position}"
        timed("select a link (tick)", lambda: page.locator(f"{box} label").click(),
              lambda: (expect(page.locator(f"{box} input")).to_be_checked(timeout=120_000),
                       expect(page.get_by_text("Flags of the selected links")).to_be_visible(timeout=120_000), idle()))

    def click(selector: str) -> Callable[[], None]:
        return lambda: page.locator(f"{selector} button:enabled").first.click()

    page.goto(url)
    shown("links match the filters")()
    idle()
    for _ in range(3):
        timed("open the document (reload)", page.reload, lambda: (shown("links match the filters")(), idle()))
    for number in range(1, pages + 1):
        first = (number - 1) * 25
        tick(first)
        timed("confirm", click(".st-key-confirm"), saved(f"Undo: set link {first} to confirmed"))
        idle()
        tick(first)  # the link just confirmed: needs-review always changes it
        timed("needs-review", click(".st-key-needs_review"), saved(f"Undo: set link {first} to needs-review"))
        idle()
        tick(first + 2)
        timed("merge with the next link", click(".st-key-act_merge_next_"), saved(f"Undo: merge links {first + 2} and {first + 3}"))
        idle()
        timed("split (the merged link)", click(".st-key-act_split_"), saved(f"Undo: split link {first + 2}"))
        idle()
        timed("undo", click(".st-key-undo"), saved(f"Redo: split link {first + 2}"))
        idle()
        timed("redo", click(".st-key-redo"), saved(f"Undo: split link {first + 2}"))
        idle()
        tick(first + 3)
        current = revision()
        page.get_by_text(f"Link {first + 3}: comment and corrections").click()
        box = page.locator(f".st-key-comment_{current}_{first + 3} textarea")
        box.fill(f"bench comment {number}")
        before = state_changes()
        box.press("Control+Enter")
        committed(before)  # timed from the page at rest, after the rerun that sends the text
        timed("comment (save)", click(f".st-key-save_comment_{current}_{first + 3}"), saved(f"Undo: comment on link {first + 3}"))
        idle()
        timed("next page", lambda n=number: page.locator(PAGE_SWITCHER).filter(has_text=re.compile(f"^{n + 1}$")).first.click(),
              lambda n=number: (shown(f"page {n + 1} of")(), idle()))
    for (kind, side), verdict in zip(kinds, ("apply", "dismiss")):
        for _ in range(3):
            page.goto(url)
            shown("links match the filters")()
            idle()
            timed("open the QA view", lambda: page.get_by_role("tab", name="QA").click(), lambda: (shown("flags match")(), idle()))
            caption = page.get_by_text("flags match").first.inner_text()

            def offered(key: str, option: str):
                """Open the box's list and rest the pointer on `option`; return the option. A click straight onto an option, without
                the pointer first resting on it as a hand's does, was now and then taken by no one (round 10's "chosen again", and once
                2 minutes without a result; 2 of 18 choices in a run of the QA passes, 3 of 4 in a probe with the box at the top or
                bottom of the view, 0 of 6 with the pointer resting 0.1 s first): the page sent nothing and the box stayed empty, so
                the app never saw the choice. (Likely the list's reaction to the pointer entering an option, between the button's
                going down and up.)"""
                idle()  # a click while the view reruns can land on a box that is being redrawn: the list then never opens
                page.locator(f".st-key-{key}").click()
                choice = page.get_by_role("option", name=option, exact=True)
                choice.hover()
                page.wait_for_timeout(100)
                return choice

            def choose(key: str, option: str) -> None:
                offered(key, option).click()
                page.keyboard.press("Escape")

            def filtered(caption: str, kind: str) -> None:
                """The list's caption changed. A choice that still did not reach the app is made again, once, and said (with what the
                page did with it): the sample then runs from the first click to the result of the second."""
                from playwright.sync_api import TimeoutError as PlaywrightTimeout

                caption_shown = page.get_by_text("flags match").first
                try:
                    expect(caption_shown).not_to_have_text(caption, timeout=20_000)
                except (AssertionError, PlaywrightTimeout):
                    # What the page did with the choice: whether it showed it, sent anything, ran the script.
                    shows, sent, runs = page.evaluate("key => [document.querySelector(`.st-key-${key}`)?.innerText, window.__alignFirstSend,"
                                                      " window.__alignRuns]", "qa_kind")
                    print(f"  (bench: the QA filter's choice did not reach the app in 20 s: chosen again; the box shows {shows!r}, "
                          f"{'a message was' if sent else 'nothing was'} sent, {runs} script runs ended since)", flush=True)
                    page.keyboard.press("Escape")
                    choose("qa_kind", kind)
                    expect(caption_shown).not_to_have_text(caption, timeout=120_000)
                idle()
            # Timed from the click on the option (the list opened before): the wait for the choice's result.
            option = offered("qa_kind", kind)
            timed("QA view filter (kind)", lambda option=option: (option.click(), page.keyboard.press("Escape")),
                  lambda caption=caption, kind=kind: filtered(caption, kind))
            choose("qa_state", "open")
            idle()
            choose("qa_side", side)
            idle()
            timed("jump to the link", click('[class*="st-key-qa_go_"]'),
                  lambda: (shown("Flags of the selected links")(), idle()))
            if verdict == "apply":
                timed("apply a suggestion", click('[class*="st-key-apply_"]'), saved("Undo: apply the suggestion of the"))
            else:
                idle()
                # The popover's own button: a name that merely contains "Dismiss" is also the undo button after a first dismissal.
                page.get_by_role("button", name=re.compile("^Dismiss")).first.click()
                reason = page.locator('[class*="st-key-dismiss_reason_"] input').first
                reason.fill("bench: a false positive")
                before = state_changes()
                reason.press("Enter")
                committed(before)
                timed("dismiss a flag", click('[class*="st-key-dismiss_"]:not([class*="reason"])'), saved("Undo: dismiss"))
            idle()
    # Last (main's app took 18 s and then sometimes missed the QA filter's click): a new session on the review just saved, whose
    # corrections (merge, split, comment, suggestions applied, dismissals) are read from its file and the links they changed checked.
    timed("reopen the reviewed document", page.reload, lambda: (shown("links match the filters")(), idle()))


def command_bench_app(args: argparse.Namespace) -> int:
    """Build the long document, then print the server and (optionally) browser figures."""
    bench_dir = Path(args.bench_dir) if args.bench_dir else DEFAULT_BENCH_DIR
    with tempfile.TemporaryDirectory(prefix="align-bench-app-") as folder:
        work = Path(folder)
        fr_lines, en_lines = build_document(bench_dir, work / "texts", args.sentences)
        print(f"document: {fr_lines} French and {en_lines} English lines (whole TransRead books)")
        # The project's glossary: its terms raise the flags (with suggestions) that the browser figures act on.
        shutil.copyfile(REPO_ROOT / "glossary" / "glossary.csv", work / "glossary.csv")
        env = {"ALIGN_TEXTS_DIR": str(work / "texts"), "ALIGN_GLOSSARY": str(work / "glossary.csv"), "ALIGN_REVIEW_DIR": str(work / "reviews")}
        saved = {key: os.environ.get(key) for key in env}
        os.environ.update(env)
        try:
            kinds = server_figures(args.repeat, Path(args.app[0]).resolve() if args.app else APP)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        if args.browser:
            if not CHROMIUM.exists():
                raise InputError(CHROMIUM, "Chromium is not installed (scripts/setup.sh installs Debian's chromium)")
            env["ALIGN_REVIEW_DIR"] = str(work / "browser" / "reviews")
            (work / "browser").mkdir()
            browser_figures(os.environ | env, kinds, args.pages, [Path(app).resolve() for app in args.app or [APP]], args.rounds)
    return 0
