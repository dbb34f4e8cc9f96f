"""`python -m align bench app`: how fast the review app answers on a long document.

A document of about `--sentences` French sentences (2,000 by default) is built by joining
whole books of the TransRead benchmark (French and English sides), put in a temporary corpus,
and opened in the app. Figures:
- server: the time Streamlit's script takes per interaction (AppTest, in this process), at 25
  and 100 links per page: a plain rerun, a page change, ticking a link and confirming it (two
  reruns, with the save), ticking a link and merging it with the next (re-check and save);
- browser (`--browser`, needs /usr/bin/chromium): the same interactions end to end in Chromium
  against `streamlit run app.py`, from the click until the page shows the result.
The pipeline runs once per measurement (its time is printed but is not the app's).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
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


def server_figures(repeat: int) -> None:
    """Per-interaction script time through Streamlit's AppTest."""
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)  # "missing ScriptRunContext" noise
    app = AppTest.from_file(str(APP), default_timeout=1800)
    start = time.perf_counter()
    app.run()
    if app.exception:
        raise RuntimeError(app.exception[0].value)
    print(f"first open (pipeline included): {time.perf_counter() - start:.1f} s; {app.caption[1].value if len(app.caption) > 1 else ''}")

    def tick() -> None:
        key = next(box.key for box in app.checkbox if box.key and box.key.startswith("sel_") and not box.value)
        app.checkbox(key=key).check().run()

    for size in (25, 100):
        app.selectbox(key="page_size").set_value(size).run()
        pages = app.pagination(key="page").num_pages if any(w.key == "page" for w in app.get("pagination")) else 1
        print(f"server, {size} links per page:")
        print(f"  plain rerun             {_median_ms(app.run, repeat):7.0f} ms")
        if pages > 1:
            def next_page(pages: int = pages) -> None:
                app.pagination(key="page").set_value(app.pagination(key="page").value % pages + 1).run()
            print(f"  next page               {_median_ms(next_page, repeat):7.0f} ms")
        print(f"  tick + confirm (2 runs) {_median_ms(lambda: (tick(), app.button(key='confirm').click().run()), repeat):7.0f} ms")
        print(f"  tick + merge ↓ (2 runs) {_median_ms(lambda: (tick(), app.button(key='act_merge_next_').click().run()), repeat):7.0f} ms")


def browser_figures(env: dict[str, str]) -> None:
    """End-to-end times in Chromium against `streamlit run app.py`."""
    from playwright.sync_api import expect, sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    work = Path(env["ALIGN_REVIEW_DIR"]).parent
    log = work / "server.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true", "--server.address", "127.0.0.1",
                                   "--server.port", str(port), "--server.fileWatcherType", "none"],
                                  cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(str(work / "profile"), executable_path=str(CHROMIUM), headless=True,
                                                                    args=CHROMIUM_ARGS, viewport={"width": 1500, "height": 1000})
            page = browser.new_page()

            def timed(label: str, action: Callable[[], object], done: Callable[[], object]) -> None:
                start = time.perf_counter()
                action()
                done()
                print(f"  {label:<40} {time.perf_counter() - start:6.2f} s", flush=True)

            print("browser (Chromium, click until the page shows the result):")
            timed("first open (pipeline included)", lambda: page.goto(url),
                  lambda: expect(page.get_by_text("links match the filters")).to_be_visible(timeout=1_800_000))
            timed("reload (document cached)", page.reload, lambda: expect(page.get_by_text("links match the filters")).to_be_visible(timeout=120_000))
            revision = 0
            for size, page_number in ((25, 2), (100, 3)):
                if size != 25:
                    def choose(size: int = size) -> None:
                        page.locator(".st-key-page_size").click()
                        page.get_by_role("option", name=str(size), exact=True).click()
                    # The page holding the first link shown before (link 25) opens: links 0…size−1.
                    timed(f"{size} per page", choose,
                          lambda size=size, revision=revision: expect(page.locator(f".st-key-sel_{revision}_{size - 1}")).to_be_visible(timeout=120_000))
                first = (page_number - 1) * size
                timed(f"go to page {page_number} ({size} per page)",
                      lambda n=page_number: page.locator(".st-key-page button").filter(has_text=str(n)).first.click(),
                      lambda n=page_number: expect(page.get_by_text(f"page {n} of", exact=False)).to_be_visible(timeout=120_000))

                def confirm(first: int = first, revision: int = revision) -> None:
                    page.locator(f".st-key-sel_{revision}_{first} label").click()
                    page.locator(".st-key-confirm button:enabled").first.click()
                timed(f"tick + confirm ({size} per page)", confirm,
                      lambda first=first: expect(page.get_by_text(f"Undo: set link {first} to confirmed")).to_be_visible(timeout=120_000))

                def merge(first: int = first, revision: int = revision) -> None:
                    page.locator(f".st-key-sel_{revision + 1}_{first + 1} label").click()
                    page.locator(".st-key-act_merge_next_ button:enabled").first.click()
                timed(f"tick + merge ↓ ({size} per page)", merge,
                      lambda first=first: expect(page.get_by_text(f"Undo: merge links {first + 1} and {first + 2}")).to_be_visible(timeout=120_000))
                revision += 2
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def command_bench_app(args: argparse.Namespace) -> int:
    """Build the long document, then print the server and (optionally) browser figures."""
    bench_dir = Path(args.bench_dir) if args.bench_dir else DEFAULT_BENCH_DIR
    with tempfile.TemporaryDirectory(prefix="align-bench-app-") as folder:
        work = Path(folder)
        fr_lines, en_lines = build_document(bench_dir, work / "texts", args.sentences)
        print(f"document: {fr_lines} French and {en_lines} English lines (whole TransRead books)")
        env = {"ALIGN_TEXTS_DIR": str(work / "texts"), "ALIGN_GLOSSARY": str(work / "glossary.csv"), "ALIGN_REVIEW_DIR": str(work / "reviews")}
        saved = {key: os.environ.get(key) for key in env}
        os.environ.update(env)
        try:
            server_figures(args.repeat)
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
            browser_figures(os.environ | env)
    return 0
