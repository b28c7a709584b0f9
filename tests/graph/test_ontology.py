"""The ontology: predicates, their domains and ranges, and what they imply."""

from __future__ import annotations

import pytest

from newsgraph.errors import OntologyError
from newsgraph.graph import load_ontology


def test_a_leader_is_affiliated_with_what_they_lead():
    ontology = load_ontology()
    assert ontology.implied("leaderOf") == {"leaderOf", "affiliatedWith"}
    assert ontology.implied("citizenOf") == {"citizenOf"}


def test_organisations_are_based_where_places_are_located():
    assert load_ontology().specific("locatedIn", "Organization") == "basedIn"
    assert load_ontology().specific("locatedIn", "City") == "locatedIn"


def test_unknown_predicate_lists_the_known_ones():
    with pytest.raises(OntologyError, match="use one of .*trainedAt"):
        load_ontology().predicate("trainedIn")
