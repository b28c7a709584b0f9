"""graph.html in a real headless Chromium with the network off: drawing, evidence on click,
search, filters, safety against markup in articles, and a screenshot for review."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from newsgraph.pipeline import build

from ..conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
SENTINEL = "window.__pwned = 1"
HOSTILE_RECORD = {
    "url": f"javascript:{SENTINEL}",
    "title": f"<script>{SENTINEL}</script> Hostile \"quoted\" 'title'",
    "published": "2023-01-05",
    "text": (
        f"Hostile <b>Title</b>\n\n"
        f"Iran has so far supplied Russia with nearly 2,000 drones <script>{SENTINEL}</script>, officials said.\n\n"
        f"Yuriy Ignat, a spokesperson for <img src=x onerror=\"{SENTINEL}\"> Ukraine's air force, said on Tuesday "
        f"that the drones were launched at night from <a href=\"javascript:{SENTINEL}\">Crimea</a>.\n"
    ),
}


def _browser_paths() -> tuple[str, str] | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = _browser_paths()
    if paths is None:
        message = "Chromium and ChromeDriver are needed for the browser tests: apt-get install chromium chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + 30
    while not driver.execute_script("return !!(window.newsgraph && window.newsgraph.ready)"):
        assert time.monotonic() < deadline, "the page never finished drawing"
        time.sleep(0.05)
    driver.get_log("browser")  # start each test with an empty console


@pytest.fixture
def example_page(browser, example_build):
    open_page(browser, example_build[1] / "graph.html")
    return browser


def test_the_example_page_draws_every_node_and_edge_of_the_view_without_console_errors(browser, example_build):
    browser.get((example_build[1] / "graph.html").resolve().as_uri())
    deadline = time.monotonic() + 30
    while not browser.execute_script("return !!(window.newsgraph && window.newsgraph.ready)"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    drawn = browser.execute_script(
        "var n = window.newsgraph; return [n.nodes.length, n.edges.length, n.view.nodes.length, n.view.edges.length,"
        " Object.keys(n.network.getPositions()).length]")
    assert drawn[0] == drawn[2] == drawn[4] and drawn[1] == drawn[3] > 0
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "example-page.png"))
    assert (ARTIFACTS / "example-page.png").stat().st_size > 10_000


def test_clicking_the_iran_to_russia_edge_shows_its_quote(example_page):
    from selenium.webdriver.common.action_chains import ActionChains

    driver = example_page
    edge_id, point = driver.execute_script("""
        var n = window.newsgraph, e = n.view.edges.find(function (e) {
          return e.predicate === "suppliedTo" && n.view.nodes.find(function (x) { return x.id === e.from; }).label === "Iran"; });
        var p = n.network.body.edges[e.id].edgeType.getPoint(0.5);
        return [e.id, n.network.canvasToDOM(p)];""")
    canvas = driver.find_element("css selector", "#graph canvas")
    ActionChains(driver).move_to_element_with_offset(
        canvas, point["x"] - canvas.size["width"] / 2, point["y"] - canvas.size["height"] / 2).click().perform()
    assert driver.execute_script("return window.newsgraph.network.getSelectedEdges()") == [edge_id]
    details = driver.find_element("id", "details").text
    assert "Iran — suppliedTo → Russia" in details
    assert "Iran has so far supplied Russia with nearly 2,000 drones" in details
    marks = driver.find_elements("css selector", "#details mark.mention-subject")
    assert marks and marks[0].text == "Iran"


def test_searching_sozinov_selects_sergei_sozinov(example_page):
    from selenium.webdriver.common.keys import Keys

    driver = example_page
    box = driver.find_element("id", "search")
    box.clear()
    box.send_keys("Sozinov", Keys.ENTER)
    selected = driver.execute_script(
        "var n = window.newsgraph; return n.network.getSelectedNodes().map(function (id) {"
        " return n.view.nodes.find(function (x) { return x.id === id; }).label; })")
    assert selected == ["Sergei Sozinov"]
    assert driver.find_element("css selector", "#details h2").text == "Sergei Sozinov"


def test_a_type_filter_hides_exactly_the_nodes_of_that_type(example_page):
    driver = example_page
    driver.find_element("css selector", '.legend-item[data-type="Country"]').click()
    rows = driver.execute_script(
        "var n = window.newsgraph; return n.nodes.get().map(function (x) {"
        " return [n.view.nodes.find(function (v) { return v.id === x.id; }).type, !!x.hidden]; })")
    assert any(kind == "Country" for kind, _ in rows)
    assert all(hidden == (kind == "Country") for kind, hidden in rows)


def test_markup_in_an_article_never_runs_and_shows_as_text(browser, tmp_path):
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    result = build([corpus], tmp_path / "out")
    assert len(result.graph) > 0
    open_page(browser, tmp_path / "out" / "graph.html")
    shown = browser.execute_script("""
        var n = window.newsgraph, text = [];
        n.view.edges.forEach(function (e) { n.showEdge(e.id); text.push(document.getElementById("details").textContent); });
        n.view.nodes.forEach(function (x) { n.showNode(x.id); text.push(document.getElementById("details").textContent); });
        text.push(document.getElementById("page-title").textContent);
        return text.join("\\n");""")
    links = browser.execute_script("return Array.from(document.querySelectorAll('a')).map(function (a) { return a.href; })")
    assert browser.execute_script("return window.__pwned") is None
    assert f"<script>{SENTINEL}</script>" in shown
    assert not any(link.lower().startswith("javascript:") for link in links)
    assert browser.find_elements("css selector", "#details img, #details script, #side b") == []


def test_a_big_graph_shows_its_best_supported_part_first_and_more_on_demand(browser, example_build, tmp_path):
    from newsgraph.export.html import write_html

    page = write_html(example_build[0].graph, tmp_path / "graph.html", "limited", limit=10)
    open_page(browser, page)
    drawn = browser.execute_script(
        "var n = window.newsgraph; return [n.edges.getIds(), n.view.edges.slice(0, 10).map(function (e) { return e.id; })]")
    assert sorted(drawn[0]) == sorted(drawn[1])
    banner = browser.find_element("id", "banner")
    assert banner.is_displayed() and "showing the 10 best supported" in banner.text
    browser.find_element("id", "show-more").click()
    assert browser.execute_script("return window.newsgraph.edges.length") == 20
    browser.find_element("id", "show-all").click()
    assert browser.execute_script("return window.newsgraph.edges.length === window.newsgraph.view.edges.length")
    assert not banner.is_displayed()


def test_filters_by_status_predicate_support_and_confidence(example_page):
    driver = example_page
    visible = "return window.newsgraph.edges.get({filter: function (e) { return !e.hidden; }}).length"
    everything = driver.execute_script(visible)
    driver.find_element("id", "status-reported").click()
    without_reported = driver.execute_script(visible)
    reported = driver.execute_script(
        "return window.newsgraph.view.edges.filter(function (e) { return e.status === 'reported'; }).length")
    assert reported > 0 and without_reported == everything - reported
    driver.find_element("id", "status-reported").click()
    driver.execute_script("var box = document.getElementById('min-support'); box.value = 2;"
                          " box.dispatchEvent(new Event('input'));")
    assert driver.execute_script(visible) == driver.execute_script(
        "return window.newsgraph.view.edges.filter(function (e) { return e.support >= 2 && e.edge; }).length")


def test_searching_beyond_the_drawn_part_then_showing_all_draws_everything_once(browser, example_build, tmp_path):
    from selenium.webdriver.common.keys import Keys

    from newsgraph.export.html import write_html

    page = write_html(example_build[0].graph, tmp_path / "graph.html", "limited", limit=5)
    open_page(browser, page)
    hidden = browser.execute_script(
        "var n = window.newsgraph; return n.view.nodes.filter(function (x) { return !n.nodes.get(x.id); })[0].label")
    browser.find_element("id", "search").send_keys(hidden, Keys.ENTER)
    assert browser.find_element("css selector", "#details h2").text == hidden
    browser.find_element("id", "show-all").click()
    assert browser.execute_script("var n = window.newsgraph; return [n.edges.length, n.nodes.length]") == \
        browser.execute_script("var n = window.newsgraph; return [n.view.edges.length, n.view.nodes.length]")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
