"""`bench app --browser` times the user's wait: from the click to the page's last paint of the result, not until the bench's own
polling happens to look (issue #17). A page in Chromium that answers a click late is timed at its answer, whatever the bench does
meanwhile."""

import time

import pytest

from bench.app import CHROMIUM, CHROMIUM_ARGS, PAINT_PROBE, Timings

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (scripts/setup.sh installs Debian's chromium)", allow_module_level=True)

# A stand-in for Streamlit's page shell: the script state the probe reads, a button, and a result that arrives `delay` ms after the
# click in two steps (rows, then one late change: the last paint is what the user waits for).
PAGE = """<div data-testid="stApp" data-test-script-state="notRunning">
  <button id="act">act</button><div id="rows"></div>
</div>
<script>
document.getElementById('act').addEventListener('click', () => {
  const app = document.querySelector('[data-testid="stApp"]');
  app.setAttribute('data-test-script-state', 'running');
  setTimeout(() => { document.getElementById('rows').textContent = 'rows'; }, DELAY / 2);
  setTimeout(() => { document.getElementById('rows').textContent = 'rows, all of them'; app.setAttribute('data-test-script-state', 'notRunning'); }, DELAY);
});
</script>"""


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(PAINT_PROBE)
        # Served as a real page (the probe is set up when a page loads, as the bench loads the app), from no server at all.
        page.route("http://bench.invalid/**", lambda route: route.fulfill(body=PAGE.replace("DELAY", route.request.url.rsplit("/", 1)[1]),
                                                                         content_type="text/html"))
        yield page
        browser.close()


def test_the_wait_ends_at_the_last_change_not_when_the_bench_looks(page) -> None:
    delay = 600
    page.goto(f"http://bench.invalid/{delay}")
    timings = Timings()
    timings.page = page
    # The bench's own wait looks late (as Playwright's polling may): its figure is longer, the page's is the page's.
    timings.timed("act", lambda: page.click("#act"), lambda: time.sleep(1.5))
    waited = timings.samples["act"][0]
    assert delay / 1000 <= waited < delay / 1000 + 0.4, waited
    assert timings.polled["act"][0] >= 1.5
    assert timings.runs["act"] == [1]


def test_a_change_the_bench_never_waited_for_still_counts(page) -> None:
    """The bench's wait can end at the first sign of the result (a row shown); the page goes on changing, and the user waits for that."""
    delay = 800
    page.goto(f"http://bench.invalid/{delay}")
    timings = Timings()
    timings.page = page
    timings.timed("act", lambda: page.click("#act"), lambda: page.wait_for_function("document.getElementById('rows').textContent !== ''"))
    assert timings.polled["act"][0] < delay / 1000
    assert timings.samples["act"][0] >= delay / 1000
