"""A big graph in the HTML view: time until the page is interactive in headless Chromium.

    .venv/bin/python benchmarks/html_big.py [--nodes 5000] [--edges 20000] [--limit 1500]

A synthetic graph (random people, organisations and places; random relations of the ontology,
each with one evidence sentence) is written as graph.html, opened from disk in headless Debian
Chromium with the network off, and timed: page load until the first drawing (`ready`), until the
layout has settled (physics stopped), how long a search then takes to select its node, and how
long "show all" takes until the page answers again.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.export.html import write_html
from newsgraph.graph import Document, Entity, Evidence, Extraction, KnowledgeGraph, Relation, entity_id

KINDS = (("Person", "affiliatedWith", "Organization"), ("Person", "residesIn", "City"), ("Organization", "basedIn", "City"),
         ("Person", "leaderOf", "Organization"), ("Person", "citizenOf", "Country"))


def synthetic(nodes: int, edges: int, seed: int = 7) -> KnowledgeGraph:
    rng = random.Random(seed)
    by_type: dict[str, list[Entity]] = {}
    types = ["Person"] * 5 + ["Organization"] * 3 + ["City"] + ["Country"]
    for number in range(nodes):
        kind = types[number % len(types)]
        entity = Entity(entity_id(kind, f"{kind} {number}"), f"{kind} {number}", kind)
        by_type.setdefault(kind, []).append(entity)
    extractions = []
    for number in range(edges):
        subject_type, predicate, object_type = rng.choice(KINDS)
        subject, obj = rng.choice(by_type[subject_type]), rng.choice(by_type[object_type])
        text = f"{subject.label} is linked to {obj.label} in story {number}."
        doc = f"doc{number % 2000:05d}"
        evidence = Evidence(doc, text, 0, len(text), 0, len(text), text, (0, len(subject.label)),
                            (len(text) - len(obj.label) - 14, len(text) - 14), None, "bench/1", rng.random(),
                            rng.choice(("asserted", "reported", "alleged")))
        extractions.append(Extraction(Document(doc, text), (subject, obj),
                                      (Relation(subject.id, predicate, obj.id, {}, (evidence,)),)))
    return KnowledgeGraph.from_extractions(extractions)


def main() -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.keys import Keys

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--limit", type=int, default=1500, help="relations drawn at first (the page's limit)")
    args = parser.parse_args()
    graph = synthetic(args.nodes, args.edges)
    entities = sum(1 for _ in graph.entities())
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": 0,
                                                                "uploadThroughput": 0})
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        page = write_html(graph, Path(tmp) / "graph.html", "benchmark", args.limit)
        written = time.perf_counter() - started
        started = time.perf_counter()
        driver.get(page.resolve().as_uri())
        while not driver.execute_script("return !!(window.newsgraph && window.newsgraph.ready)"):
            time.sleep(0.02)
        ready = time.perf_counter() - started
        while driver.execute_script("return window.newsgraph.network.physics.physicsEnabled"):
            time.sleep(0.05)
        settled = time.perf_counter() - started
        box = driver.find_element("id", "search")
        clicked = time.perf_counter()
        box.send_keys("Person 4", Keys.ENTER)
        selected = driver.execute_script("return window.newsgraph.network.getSelectedNodes()")
        search = time.perf_counter() - clicked
        drawn = driver.execute_script("return [window.newsgraph.nodes.length, window.newsgraph.edges.length]")
        banner = driver.find_element("id", "banner-text").text
        size = page.stat().st_size
        clicked = time.perf_counter()
        driver.find_element("id", "show-all").click()
        while not driver.execute_script("return window.newsgraph.edges.length === window.newsgraph.view.edges.length"):
            time.sleep(0.05)
        driver.execute_script("return window.newsgraph.network.getSelectedNodes()")  # the page answers again
        show_all = time.perf_counter() - clicked
    driver.quit()
    print(f"graph: {entities:,} entities, {len(graph):,} relations; page written in {written:.1f} s ({size / 2**20:.0f} MiB)")
    print(f"drawn at first: {drawn[0]:,} entities, {drawn[1]:,} relations (limit {args.limit}); banner: {banner!r}")
    print(f"load -> first drawing   {ready:6.2f} s")
    print(f"load -> layout settled  {settled:6.2f} s   (target: interactive within 10 s)")
    print(f"search 'Person 4'       {search:6.2f} s   selected {selected}")
    print(f"show all, page answers  {show_all:6.2f} s   ({len(graph):,} relations drawn)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
