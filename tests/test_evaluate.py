"""`newsgraph eval`: the matching rules of the evaluation README."""

from __future__ import annotations

import json

from newsgraph.cli import main
from newsgraph.evaluate import fact_matches, normalise, score_facts


def fact(subject, predicate, obj, aliases=()):
    return {"subject": {"label": subject, "aliases": list(aliases)}, "predicate": predicate,
            "object": {"label": obj, "aliases": []}, "evidence": [{"status": "reported", "attributed_to": "Yuriy Ignat"}]}


GOLD = [
    {"id": "G1", "tier": "core", "subject": ["Iran"], "predicate": "suppliedTo", "object": ["Russia"],
     "status": ["reported"], "attributed_to": ["Ignat", "Yuriy Ignat"]},
    {"id": "G2", "tier": "core", "subject": ["Iran"], "predicate": "alliedWith", "object": ["Russia"], "symmetric": True},
    {"id": "G3", "tier": "hard", "subject": ["Benny Gantz"], "predicate": "affiliatedWith", "alternatives": ["leaderOf"], "object": ["Israel"]},
    {"id": "N1", "tier": "negative", "subject": ["*"], "predicate": "*", "object": ["Google Privacy Policy"], "expect": "absent"},
]


def test_normalise_drops_case_possessive_punctuation_and_article():
    assert normalise("The Islamic Republic’s") == "islamic republic"
    assert normalise("Ukraine's  air-force.") == "ukraine air force"


def test_alias_symmetric_alternative_and_wildcard_matching():
    assert fact_matches(fact("Iranian Republic", "suppliedTo", "Russia", aliases=["Iran"]), GOLD[0])
    assert fact_matches(fact("Russia", "alliedWith", "Iran"), GOLD[1])
    assert not fact_matches(fact("Russia", "suppliedTo", "Iran"), GOLD[0])
    assert fact_matches(fact("Benny Gantz", "leaderOf", "Israel"), GOLD[2])
    assert fact_matches(fact("Anyone", "anything", "the Google Privacy Policy"), GOLD[3])


def test_scores_per_tier_and_predicate_with_missed_and_wrong():
    facts = [fact("Iran", "suppliedTo", "Russia"), fact("Iran", "suppliedTo", "Syria"), fact("Ankara", "visited", "Tehran")]
    score = score_facts(facts, GOLD)
    assert score.tiers["core"] == {"matched": 1, "gold": 2, "recall": 0.5}
    assert score.tiers["hard"]["matched"] == 0
    assert score.precision == 0.5  # "visited" is not a gold predicate, so it is not scored
    assert score.predicates["suppliedTo"]["precision"] == 0.5
    assert score.wrong == ["Iran suppliedTo Syria"]
    assert len(score.missed) == 2
    assert score.modality == (1, 1) and score.attribution == (1, 1)
    assert score.negatives_produced == []


def test_cli_exits_non_zero_below_the_bar(tmp_path, capsys):
    gold, facts = tmp_path / "gold.jsonl", tmp_path / "facts.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD), encoding="utf-8")
    facts.write_text(json.dumps(fact("Iran", "suppliedTo", "Russia")) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), str(facts), "--min-precision", "0.9"]) == 0
    assert main(["eval", str(gold), str(facts), "--min-recall", "0.9"]) == 3
    assert "missed: G2" in capsys.readouterr().out
