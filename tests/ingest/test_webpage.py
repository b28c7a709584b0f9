"""A saved article page: only the article reaches extraction, with the page's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.sources import read_text_file
from newsgraph.ingest.webpage import extract_page

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "article.html"


@pytest.fixture(scope="module")
def page():
    return read_text_file(FIXTURE).document


def test_only_the_article_text_is_kept(page):
    assert page.text.startswith("Ukrainian defense officials say that Iran has so far supplied Russia")
    for chrome in ("cookies", "Related articles", "Turkey sold Poland", "Commenter42", "France supplied Canada",
                   "All rights reserved", "Subscribe", "analytics"):
        assert chrome not in page.text, chrome


def test_metadata_comes_from_the_page(page):
    assert page.title == "Iran Supplied Russia With Drones, Kyiv Says"
    assert page.author == "Jane Roe"
    assert page.published == "2024-03-03"
    assert page.publisher == "The Example Ledger"
    assert page.url == "https://ledger.example.com/world/2024/03/03/iran-drones-russia"


def test_identity_comes_from_the_canonical_url(page):
    from newsgraph.graph import document_id

    assert page.id == document_id("anything", "https://ledger.example.com/world/2024/03/03/iran-drones-russia")


def test_facts_come_only_from_the_article(nlp, tmp_path):
    from newsgraph.pipeline import build

    result = build([FIXTURE], tmp_path)
    labels = {e.id: e.label for e in result.graph.entities()}
    supplies = {(labels[r.subject], labels[r.object]) for r in result.graph.relations() if r.predicate == "suppliedTo"}
    assert supplies == {("Iran", "Russia")}


def test_a_page_without_article_text_is_refused_with_its_name():
    with pytest.raises(InputError, match="login.html: no article text"):
        extract_page("<html><body><nav><a href='/'>Home</a></nav></body></html>", "login.html")
