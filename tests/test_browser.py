"""The review app in a real browser: Debian's Chromium driven by Playwright against `streamlit run app.py`.

Starts the app on a free localhost port with temporary corpus, glossary and review folders,
opens a seed document, confirms a link, checks that the review file holds it, and takes a
screenshot (copied to docs/screenshot.png when ALIGN_UPDATE_SCREENSHOT=1).
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, write_glossary

CHROMIUM = Path("/usr/bin/chromium")
DOCUMENT = "trilateral-working-group-2023"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
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


@pytest.fixture
def app_server(tmp_path):
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
        yield {"url": url, "reviews": reviews, "log": log}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


def test_confirm_a_link_in_chromium(app_server, tmp_path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1500, "height": 1000},
        )
        try:
            page = browser.new_page()
            page.goto(app_server["url"], timeout=60_000)
            expect(page.get_by_text("links match the filters")).to_be_visible(timeout=180_000)
            page.get_by_role("combobox", name="Document").click()
            page.get_by_role("option", name=DOCUMENT, exact=True).click()
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
        finally:
            browser.close()
    assert "Traceback" not in app_server["log"].read_text(errors="replace")
