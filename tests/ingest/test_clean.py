"""Page chrome never reaches the document text; byline and dateline become metadata."""

from __future__ import annotations

from newsgraph.ingest.clean import clean_text, normalise_text
from tests.conftest import EXAMPLE


def test_example_chrome_lines_are_removed_and_reported():
    cleaned = clean_text(EXAMPLE.read_text(encoding="utf-8"))
    for chrome in ("Subscribe", "Share this Story", "reCAPTCHA", "Nisan 5784", "contact-form-7"):
        assert chrome not in cleaned.text
        assert any(chrome in r.text for r in cleaned.removed), chrome
    assert cleaned.text.startswith("Four Russian officers") or "Sergei Sozinov" in cleaned.text


def test_byline_and_dateline_become_metadata():
    cleaned = clean_text("Drone Makers Meet In Tehran\nby Jane Roe\nMarch 3, 2024 9:05 am\n"
                         "Officials from several countries met in Tehran on Monday to discuss drone exports, the ministry said.")
    assert cleaned.metadata == {"title": "Drone Makers Meet In Tehran", "author": "Jane Roe", "published": "2024-03-03T09:05:00"}
    assert cleaned.text.startswith("Officials from several countries")


def test_article_sentences_are_kept_whole():
    body = "Subscribers of the paper said that Iran supplied Russia with drones in the first months of the war."
    assert clean_text(body).text == body


def test_normalise_text_removes_controls_and_surrogates_before_offsets():
    assert normalise_text("Ira\u0000n\ud800 has\u00a0drones\r\n") == "Iran has drones\n"
    assert normalise_text("Cafe\u0301") == "Café"


def test_scraped_chrome_kinds_are_removed_and_body_kept():
    body = ("The ministry said in its weekly newsletter that Iran supplied Russia with drones, and officials in "
            "Kyiv repeated the claim at a press conference on Tuesday, adding that more deliveries were expected.")
    raw = "\n".join([
        "Friday, April 19th | 11 Nisan 5784",
        "Subscribe",
        "× [contact-form-7 404 \"Not Found\"]",
        "Share this Story: Facebook Twitter",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience. Accept all cookies",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        body,
    ])
    cleaned = clean_text(raw)
    assert cleaned.text == body
    assert {r.rule for r in cleaned.removed} >= {"date-banner", "call-to-action", "form-error", "share-bar",
                                                "newsletter", "cookie-notice", "recaptcha"}
    assert cleaned.chars_removed == sum(len(r.text) for r in cleaned.removed) > 0
