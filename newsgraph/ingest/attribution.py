"""Attribution and modality: who the article says a claim comes from, and how sure it is.

Walks the dependency tree up from a relation's trigger word, reading the cues listed in
`data/cues.json`: a reporting verb whose complement holds the trigger ("officials say that Iran
supplied ..."), "according to X", a passive hedge ("are alleged to have received"), an adverb
("reportedly"), a denial verb or a negation, a planning verb ("preparing to supply"), a modal or
a conditional clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .lexicons import read_data

__all__ = ["Framing", "frame_claim"]

_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LEADING = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Framing:
    """How the article frames a claim: status, attributed source (text and span), cue word."""

    status: str = "asserted"
    attributed_to: str | None = None
    attributed_span: tuple[int, int] | None = None
    cue: str | None = None


@dataclass(frozen=True, eq=False)
class _Cues:
    reporting: dict[str, str]
    according: dict[str, str]
    adverbs: dict[str, str]
    passive: dict[str, str]
    denial: frozenset[str]
    negations: frozenset[str]
    planning: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw = read_data("cues.json")
    return _Cues(
        reporting=raw["reporting_verbs"],
        according=raw["according_to"],
        adverbs=raw["adverbs"],
        passive=raw["passive_status_verbs"],
        denial=frozenset(raw["denial_verbs"]),
        negations=frozenset(raw["negations"]),
        planning=frozenset(raw["planning_verbs"]),
        modals=frozenset(raw["modals"]),
        conditionals=frozenset(raw["conditional_marks"]),
    )


def _source(token: Token) -> tuple[str, tuple[int, int]] | None:
    """The source phrase headed by `token`: its pre-modifiers and itself, no determiner."""
    words = [t for t in token.subtree if t.i <= token.i and t.i >= token.left_edge.i]
    while words and (words[0].lower_ in _LEADING or words[0].is_punct):
        words.pop(0)
    if not words:
        return None
    doc = token.doc
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return doc.text[start:end], (start, end)


def _subject_source(verb: Token) -> tuple[str, tuple[int, int]] | None:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    return _source(subject) if subject is not None else None


def _agent_source(verb: Token) -> tuple[str, tuple[int, int]] | None:
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _source(pobj)
    return None


def _make(status: str, cue: Token | str, source: tuple[str, tuple[int, int]] | None) -> Framing:
    text, span = source if source else (None, None)
    return Framing(status, text, span, cue if isinstance(cue, str) else cue.text)


def _according_to(token: Token, cues: _Cues) -> Framing | None:
    for child in token.children:
        status = cues.according.get(child.lower_)
        if status and child.dep_ == "prep":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            pobj = next((c for c in (to or child).children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _make(status, f"{child.text} {to.text if to is not None else ''}".strip(), _source(pobj))
    return None


def _local_cue(token: Token, cues: _Cues) -> Framing | None:
    """Cues on one clause head: negation, modal, conditional mark, hedging adverb."""
    for child in token.children:
        lower = child.lower_
        if child.dep_ == "neg" and lower in cues.negations:
            return _make("denied", child, None)
        if child.dep_ == "aux" and lower in cues.modals:
            return _make("hypothetical", child, None)
        if child.dep_ == "mark" and lower in cues.conditionals:
            return _make("hypothetical", child, None)
        if child.dep_ == "advmod" and lower in cues.adverbs:
            return _make(cues.adverbs[lower], child, None)
    return None


def _governing_cue(child: Token, head: Token, cues: _Cues) -> Framing | None:
    """Cues on the verb that governs a clause: reporting, hedging passive, denial, planning."""
    lemma = head.lemma_.lower()
    if lemma in cues.denial:
        return _make("denied", head, _subject_source(head))
    if child.dep_ not in _COMPLEMENT_DEPS:
        return None
    passive = any(c.dep_ == "auxpass" for c in head.children)
    if passive and lemma in cues.passive and child.dep_ == "xcomp":
        return _make(cues.passive[lemma], head, _agent_source(head))
    if lemma in cues.reporting and child.dep_ != "conj":
        return _make(cues.reporting[lemma], head, _subject_source(head))
    if lemma in cues.planning and child.dep_ == "xcomp":
        return _make("planned", head, None)
    return None


def frame_claim(trigger: Token) -> Framing:
    """Status, source and cue of the claim a clause-level trigger word states."""
    cues = _cues()
    token = trigger
    while True:
        found = _local_cue(token, cues) or _according_to(token, cues)
        if found is not None:
            return found
        if token.head.i == token.i:
            return Framing()
        found = _governing_cue(token, token.head, cues)
        if found is not None:
            return found
        token = token.head
