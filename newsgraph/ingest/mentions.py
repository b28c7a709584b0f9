"""Finding mentions: named entities from NER, cleaned, typed and expanded into full names.

spaCy's small English NER truncates facility names ("Kashan" in "the Kashan military base"),
mistypes places ("Isfahan" as ORG) and swallows determiners and possessives. This module turns
its spans into mentions as DESIGN.md defines them: the name itself, typed by the ontology, with
facility and organisation names grown to their head noun ("Kashan military base",
"Ukraine's air force" -> Ukrainian Air Force), demonyms read as their country, and named or
definite event and facility descriptions ("a falcon hunting competition", "the base") found
from the head-noun lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..graph import normalise_name
from .gazetteer import load_gazetteer
from .lexicons import Lexicons

__all__ = ["Candidate", "find_mentions", "mention_index", "head_phrase", "span_candidate"]

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_NAME_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
_OPEN_QUOTES = frozenset({"“", '"', "‘", "'", "«"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_DEFINITE = frozenset({"the", "this", "that"})


@dataclass(frozen=True)
class Candidate:
    """A mention before entity resolution: token range, char offsets, type and display label.

    `kind` is "name" for a proper name, "demonym" for an adjective read as its country, and
    "description" for a definite description ("the base") that only names an entity through
    an antecedent.
    """

    first: int
    last: int
    start: int
    end: int
    text: str
    type: str
    label: str
    head: int
    kind: str = "name"
    link: str | None = None
    """GeoNames URI when the gazetteer knows the place"""


@lru_cache(maxsize=32)
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.rsplit(" ", 1)[-1] for p in phrases)


def head_phrase(token: Token, phrases: frozenset[str]) -> str | None:
    """The lexicon phrase a noun heads, trying "compound + head" before the head alone."""
    last = _last_words(phrases)
    if token.lower_ not in last and token.lemma_.lower() not in last:
        return None
    compounds = [c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1]
    forms = []
    for c in compounds:
        forms += [f"{c.lower_} {token.lower_}", f"{c.lower_} {token.lemma_.lower()}"]
    forms += [token.lower_, token.lemma_.lower()]
    return next((f for f in forms if f in phrases), None)


#: Word classes NER sometimes leaves at the end of a name ("OMV of" before "Austria").
_TRAILING_FUNCTION_WORDS = frozenset({"ADP", "CCONJ", "SCONJ", "DET"})


def _trim(span: Span) -> Span | None:
    """The span without leading determiners and trailing possessives, punctuation or function words."""
    first, last = span.start, span.end
    doc = span.doc
    while first < last and (doc[first].dep_ == "det" or doc[first].lower_ in {"the", "a", "an"} or doc[first].is_punct):
        first += 1
    while last > first and (
        doc[last - 1].tag_ == "POS" or doc[last - 1].text in _POSSESSIVES or doc[last - 1].is_punct
        or doc[last - 1].is_space or doc[last - 1].pos_ in _TRAILING_FUNCTION_WORDS
    ):
        last -= 1
    if first >= last:
        return None
    text = doc[first:last].text
    for suffix in _POSSESSIVES - {"'", "’"}:
        if text.endswith(suffix) and len(text) > len(suffix):
            # a possessive glued to the last token ("Putin’s" tokenised as one word)
            return _char_span(doc, doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text) - len(suffix))
    return doc[first:last]


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="contract")


def span_candidate(span: Span, type_: str, label: str, kind: str = "name", link: str | None = None) -> Candidate:
    """A candidate covering a span of the document."""
    return Candidate(
        first=span.start,
        last=span.end,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=type_,
        label=label,
        head=span.root.i,
        kind=kind,
        link=link,
    )



def _born(root: Token) -> bool:
    """Whether the name is the one said to be born: subject of "was born", or of a "who was born" clause."""
    if root.dep_ == "nsubjpass" and root.head.lemma_ == "bear" and root.head.lower_ == "born":
        return True
    return any(c.dep_ == "relcl" and c.lower_ == "born" and any(g.dep_ == "nsubjpass" and g.lower_ == "who" for g in c.children)
               for c in root.children)


def _aged(root: Token) -> bool:
    """Whether the name has an age in apposition, the way news introduces people ("Ulf Merbold, 47,")."""
    return any(c.dep_ == "appos" and c.like_num and c.text.isdigit() and 0 < int(c.text) < 120 and c.i == root.i + 2
               and root.doc[root.i + 1].text == "," for c in root.children)


def _titled(span: Span, lex: Lexicons) -> bool:
    """Whether a title stands right before the name, modifying it ("Finance Minister Peer
    Steinbrueck", "Vice President Florian Philippot"): only people carry titles."""
    if span.start == 0 or len(span) < 2:
        return False
    before = span.doc[span.start - 1]
    return before.head.i == span.root.i and before.dep_ == "compound" and before.lower_ in lex.title_words


def _refined_type(span: Span, type_: str, lex: Lexicons) -> str:
    """Type from context spaCy's NER ignores.

    A transparent noun: "the city of Isfahan" makes Isfahan a City. A role appositive:
    "Yuriy Ignat, a spokesperson for ..." makes Yuriy Ignat a Person whatever NER said, and so do
    "a native of ...", being born ("Copland, who was born in Brooklyn") and an age in apposition
    ("Ulf D. Merbold, 47,"), and so does a title right before the name ("Finance Minister Peer
    Steinbrueck", which the small pipeline tags as a place). An
    organisation noun before or in apposition to a name makes it an Organization.
    """
    root = span.root
    if any(c.dep_ == "appos" and (c.lemma_.lower() in lex.role_nouns or c.lemma_.lower() in lex.person_nouns)
           for c in root.children):
        return "Person"
    if type_ != "Person" and _titled(span, lex):
        return "Person"  # "German Finance Minister Peer Steinbrueck" tagged GPE
    if type_ != "Person" and (_born(root) or _aged(root)):
        return "Person"  # "Copland, who was born in Brooklyn", "Ulf Merbold, 47,": places and companies are neither
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "appos" and first.head.lemma_.lower() in lex.organization_nouns:
        return "Organization"
    nouns = lex.company_nouns if type_ == "Person" else lex.organization_nouns
    if any(c.dep_ == "compound" and c.i < span.start and c.lemma_.lower() in nouns for c in root.children):
        return "Organization"  # "energy giant Gazprom", "media conglomerate Axel Springer"
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        governor = root.head.head
        found = lex.transparent_nouns.get(governor.lemma_.lower())
        if found:
            return found
    return type_


def _leading_country(span: Span, lex: Lexicons) -> Candidate | None:
    """The country inside an organisation's name: "Russian" in "Russian Defense Ministry"."""
    if len(span) < 2:
        return None
    first = span[0]
    country = lex.country(first.text)
    if country is None or first.dep_ not in {"amod", "compound", "nmod"}:
        return None
    kind = "demonym" if normalise_name(first.text) in lex.demonyms else "name"
    return span_candidate(span[:1], "Country", country, kind)


def _placed(cand: Candidate) -> Candidate:
    """Type and link a candidate with the gazetteer: GPE "Isfahan" is a City, ORG "Fargo" too."""
    gazetteer = load_gazetteer()
    if cand.type == "Country":
        known = gazetteer.country(cand.label)
        return replace(cand, link=known.uri) if known else cand
    if cand.type not in {"Place", "City", "Organization", "Person"}:
        return cand
    place = gazetteer.region(cand.text) or gazetteer.city(cand.text)
    if place is None:
        return cand
    if cand.type in {"Organization", "Person"}:
        single = " " not in cand.text.strip()
        if not (single and place.type == "City" and place.population >= gazetteer.retype_min_population):
            return cand
    return replace(cand, type=place.type, label=place.name, link=place.uri)


def _from_entity(ent: Span, lex: Lexicons) -> list[Candidate]:
    return [_placed(cand) if cand.kind == "name" or cand.type == "Country" else cand
            for cand in _entity_candidates(ent, lex)]


def _untitled(span: Span, lex: Lexicons) -> tuple[Span | None, list[Candidate]]:
    """A person's name without the title NER swallowed ("Azerbaijani President Ilham Aliyev"):
    the title words stay outside the name (they become role qualifiers), a demonym in them is
    its own country mention."""
    doc, first = span.doc, span.start
    prefix: list[Candidate] = []
    while first < span.end - 1:
        token = doc[first]
        country = lex.country(token.text)
        if country:
            kind = "demonym" if normalise_name(token.text) in lex.demonyms else "name"
            prefix.append(span_candidate(doc[first : first + 1], "Country", country, kind))
        elif token.lower_ not in lex.title_words:
            break
        first += 1
    if first == span.start:
        return span, []
    return (doc[first : span.end] if first < span.end else None), prefix


def _entity_candidates(ent: Span, lex: Lexicons) -> list[Candidate]:
    type_ = lex.ner_types.get(ent.label_)
    span = _trim(ent) if type_ else None
    if span is None:
        return []
    prefix: list[Candidate] = []
    if ent.label_ == "PERSON":
        span, prefix = _untitled(span, lex)
        if span is None:
            return prefix
    country = lex.country(span.text) if ent.label_ in {"NORP", "GPE", "LOC", "ORG"} else None
    if ent.label_ == "PERSON" and normalise_name(span.text) in lex.demonyms:
        country = lex.country(span.text)  # "Azerbaijani" tagged as a person before "President Ilham Aliyev"
    if country:
        kind = "demonym" if normalise_name(span.text) in lex.demonyms else "name"
        base = span_candidate(span, "Country", country, kind)
    elif ent.label_ == "NORP":
        # a religious or political group is not an entity yet, but "Shahed drones" names a weapon
        weapon = _expand_to_head(span, span_candidate(span, "Thing", span.text), lex)
        return [weapon] if weapon is not None and weapon.type == "Weapon" else []
    else:
        base = span_candidate(span, _refined_type(span, type_, lex), span.text)
        inner = _leading_country(span, lex)
        if inner is not None and base.type == "Organization":
            return [base, inner]
    expanded = _expand_to_head(span, base, lex)
    if expanded is None:
        return [*prefix, base]
    return [*prefix, expanded] if expanded.type in {"Facility", "Weapon"} else [*prefix, base, expanded]


def _expand_to_head(span: Span, base: Candidate, lex: Lexicons) -> Candidate | None:
    """Grow a name that modifies a facility or organisation head noun into the full name."""
    root, doc = span.root, span.doc
    head = root.head
    if root.dep_ not in _NAME_DEPS or head.i < span.end or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    between = doc[span.end : head.i]
    if not all(t.head == head and t.dep_ in _MODIFIER_DEPS or t.tag_ == "POS" or t.dep_ == "case" for t in between):
        return None
    full = doc[span.start : head.i + 1]
    facility = head_phrase(head, lex.facility_heads)
    if facility and base.kind != "demonym" and base.type != "Country":
        return span_candidate(full, "Facility", full.text)
    if base.type != "Country" and base.type != "Person" and head_phrase(head, lex.weapon_heads):
        return span_candidate(full, "Weapon", full.text)
    organisation = head_phrase(head, lex.organization_heads)
    if organisation and base.type == "Country":
        adjective = lex.adjectives.get(base.label, base.label)
        return span_candidate(full, "Organization", f"{adjective} {organisation.title()}")
    return None


def _lexical_mentions(doc: Doc, lex: Lexicons, covered: set[int]) -> list[Candidate]:
    """Event and facility noun phrases NER does not see: named by modifiers, or definite."""
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.i in covered:
            continue
        if head_phrase(token, lex.event_heads):
            type_ = "Event"
        elif head_phrase(token, lex.facility_heads):
            type_ = "Facility"
        else:
            continue
        if token.dep_ == "compound" and (head_phrase(token.head, lex.event_heads) or head_phrase(token.head, lex.facility_heads)):
            continue  # "games" in "army games competition": the outer phrase is the mention
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "nmod"}]
        if modifiers and type_ == "Event":
            first = min(t.i for m in modifiers for t in m.subtree)
            if first > 0 and doc[first - 1].text in _OPEN_QUOTES:
                first -= 1
            span = doc[first : token.i + 1]
            label = " ".join(t.text for t in span if not t.is_punct)
            found.append(span_candidate(span, type_, label))
        elif any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children) and not modifiers:
            found.append(span_candidate(doc[token.i : token.i + 1], type_, token.lemma_.lower(), "description"))
        elif token.lemma_.lower() in lex.investigative_events and not modifiers:
            # "an independent investigation" introduces an entity that later "the investigation" refers to
            found.append(span_candidate(doc[token.i : token.i + 1], type_, token.lemma_.lower(), "name"))
    return found


def _group_mentions(doc: Doc, lex: Lexicons, covered: set[int]) -> list[Candidate]:
    """Groups of people named by a demonym or a number: "a Russian delegation", "four Russian officers"."""
    found = []
    for token in doc:
        counted_people = token.tag_ in {"NNPS", "NNS"} and token.ent_type_ == "NORP" and any(
            c.dep_ == "nummod" for c in token.lefts)  # "the four Russians"
        if counted_people:
            first = min(c.i for c in token.lefts if c.dep_ == "nummod")
            found.append(span_candidate(doc[first : token.i + 1], "Group", doc[first : token.i + 1].text))
            continue
        if token.pos_ != "NOUN" or token.i in covered or token.lower_ not in lex.group_nouns:
            continue
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "nummod", "compound"}]
        national = any(c.dep_ == "amod" and lex.country(c.text) for c in modifiers)
        counted = any(c.dep_ == "nummod" for c in modifiers)
        if not (national or counted):
            continue
        first = min(c.i for c in modifiers)
        span = doc[first : token.i + 1]
        found.append(span_candidate(span, "Group", span.text))
    return found


def _gazetteer_mentions(doc: Doc, covered: set[int]) -> list[Candidate]:
    """Well-known cities spaCy's NER missed ("lives in Kyiv")."""
    gazetteer = load_gazetteer()
    found = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        place = gazetteer.city(token.text)
        if place is not None and place.population >= gazetteer.discover_min_population:
            found.append(replace(span_candidate(doc[token.i : token.i + 1], "City", place.name), link=place.uri))
    return found


_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})


_GROUP_PRONOUNS = frozenset({"they", "them"})


def _pronoun_mentions(doc: Doc) -> list[Candidate]:
    """He, she, they and their forms: resolved later to the one person (or group) named just
    before, if there is exactly one."""
    found = []
    for t in doc:
        if t.pos_ != "PRON":
            continue
        if t.lower_ in _PERSONAL_PRONOUNS:
            found.append(span_candidate(doc[t.i : t.i + 1], "Person", t.lower_, "pronoun"))
        elif t.lower_ in _GROUP_PRONOUNS:
            found.append(span_candidate(doc[t.i : t.i + 1], "Group", t.lower_, "pronoun"))
    return found


def _part_of_title(ent: Span, lex: Lexicons) -> bool:
    """An organisation "name" that is a generic word inside a person's title: "State" in
    "Secretary of State" or "State Premier Stanislaw Tillich" names no organisation."""
    if ent.label_ != "ORG" or normalise_name(ent.text) not in lex.generic_bodies:
        return False
    root = ent.root
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
    return head.i != root.i and (head.lemma_.lower() in lex.role_nouns or head.lower_ in lex.title_words)


def find_mentions(doc: Doc, lex: Lexicons) -> list[Candidate]:
    """All mention candidates of a parsed document, in document order."""
    found: list[Candidate] = []
    for ent in doc.ents:
        if not _part_of_title(ent, lex):
            found.extend(_from_entity(ent, lex))
    covered = {i for c in found for i in range(c.first, c.last)}
    found.extend(_lexical_mentions(doc, lex, covered))
    found.extend(_group_mentions(doc, lex, covered))
    found.extend(_gazetteer_mentions(doc, covered))
    found.extend(_pronoun_mentions(doc))
    unique = {(c.start, c.end): c for c in found}
    return sorted(unique.values(), key=lambda c: (c.start, -c.end))


def mention_index(candidates: list[Candidate]) -> dict[int, Candidate]:
    """token index -> the smallest candidate covering it."""
    index: dict[int, Candidate] = {}
    for cand in sorted(candidates, key=lambda c: c.last - c.first, reverse=True):
        for i in range(cand.first, cand.last):
            index[i] = cand
    return index
