"""A small learned relation classifier for pairs of names in one sentence, next to the rules.

The rules are precise but miss phrasings nobody wrote a pattern for. This component scores every
ordered pair of named mentions in a sentence with a multinomial logistic regression over sparse
features (entity types, mention kinds and texts, the words and verbs between, the dependency
path), trained on CoNLL04 train only by `training/train_relations.py`; the weights ship as JSON in `data/relation_model.json` (no
pickles). It speaks only where no rule did, above a probability threshold kept in the model
file, and its evidence says so (rule "classifier") with the probability as confidence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from typing import Iterable

from spacy.tokens import Doc, Span, Token

from .mentions import Candidate

__all__ = ["RelationModel", "load_model", "pair_features", "candidate_pairs", "MAX_DISTANCE"]

#: Pairs further apart than this many tokens are not scored.
MAX_DISTANCE = 25
PAIR_TYPES = frozenset({"Person", "Organization", "Country", "City", "Place", "Facility", "Group"})


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens from a up to the lowest common ancestor, and from b up to it."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:
        return up_a, up_b
    return up_a[: [t.i for t in up_a].index(lca.i) + 1], up_b[: [t.i for t in up_b].index(lca.i)]


def pair_features(doc: Doc, a: Candidate, b: Candidate, type_a: str, type_b: str) -> list[str]:
    """Sparse features of the ordered pair (a, b): a is the candidate subject, b the object."""
    first, second = (a, b) if a.first < b.first else (b, a)
    between = doc[first.last : second.first]
    words = [t.lemma_.lower() for t in between if not t.is_space]
    ha, hb = doc[a.head], doc[b.head]
    up, down = _path(ha, hb)
    path = [f"{t.dep_}^" for t in up[:-1]] + [f"[{up[-1].lemma_.lower()}]" if up else "[]"] + [f"{t.dep_}v" for t in reversed(down)]
    order = "ab" if a.first < b.first else "ba"
    types = f"{type_a}>{type_b}"
    features = [
        f"types={types}", f"order={order}", f"types_order={types}:{order}",
        f"dist={min(len(words), 10)}", f"path={' '.join(path)}", f"path_types={types}:{' '.join(path)}",
        f"lca={up[-1].lemma_.lower() if up else ''}", f"lca_types={types}:{up[-1].lemma_.lower() if up else ''}",
        f"pathlen={min(len(path), 8)}", f"head_a={ha.lemma_.lower()}", f"head_b={hb.lemma_.lower()}",
        f"dep_a={ha.dep_}", f"dep_b={hb.dep_}", f"comma_between={',' in words}",
    ]
    inner = [t for t in (*up[1:], *down[1:]) if t.i not in {ha.i, hb.i}]
    features += [f"pw={t.lemma_.lower()}" for t in inner[:6]]
    features += [f"pwt={types}:{t.lemma_.lower()}" for t in inner[:6] if t.pos_ in {"VERB", "NOUN", "ADP"}]
    features += [f"w={w}" for w in words[:8]]
    features += [f"tw={types}:{w}" for w in words[:8] if w.isalpha()]
    if words:
        features += [f"first={words[0]}", f"last={words[-1]}", f"first_last={words[0]}_{words[-1]}"]
    else:
        features.append("adjacent")
    before = doc[first.first - 1].lower_ if first.first > 0 else "<s>"
    after = doc[second.last].lower_ if second.last < len(doc) else "</s>"
    features += [f"before={before}", f"after={after}"]
    features += [f"kinds={a.kind}>{b.kind}", f"text_a={a.text.lower()}", f"text_b={b.text.lower()}"]
    verbs = [t.lemma_.lower() for t in between if t.pos_ == "VERB"]
    features += [f"vt={types}:{v}" for v in verbs[:3]]
    return features


def sentence_ids(doc: Doc, sentences: Iterable[Span] | None = None) -> list[int]:
    """The sentence number of every token, computed in one pass (Token.sent is slow)."""
    ids = [0] * len(doc)
    for number, sent in enumerate(doc.sents if sentences is None else sentences):
        ids[sent.start : sent.end] = [number] * (sent.end - sent.start)
    return ids


def candidate_pairs(
    doc: Doc, candidates: list[Candidate], type_of, sentence: list[int] | None = None
) -> list[tuple[Candidate, Candidate]]:
    """Ordered pairs of named mentions in the same sentence, close enough to be related.

    `sentence` is the sentence number of every token, when the caller has it already."""
    sentence = sentence if sentence is not None else sentence_ids(doc)
    named = [c for c in candidates if c.kind in {"name", "demonym"} and type_of(c) in PAIR_TYPES]
    # a name inside another name ("Italian" in "Italian Agricultural Confederation") is not a party
    named = [c for c in named if not any(o is not c and o.first <= c.first and c.last <= o.last and
                                         (o.last - o.first) > (c.last - c.first) for o in named)]
    pairs = []
    for a in named:
        for b in named:
            if a is b or a.head == b.head or abs(a.first - b.first) > MAX_DISTANCE:
                continue
            if sentence[a.head] != sentence[b.head]:
                continue
            if a.first < b.last and b.first < a.last:
                continue
            pairs.append((a, b))
    return pairs


@dataclass(frozen=True, eq=False)
class RelationModel:
    labels: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]
    threshold: float
    predicates: dict[str, str]
    about: str = ""
    by_object: dict[str, dict[str, str]] = field(default_factory=dict)
    """label -> object class -> predicate: CoNLL04's Live_In with a country is citizenship"""

    def predicate_for(self, label: str, object_type: str) -> str | None:
        """The ontology predicate a label stands for, given the object's class."""
        return self.by_object.get(label, {}).get(object_type, self.predicates.get(label))

    def probabilities(self, features: list[str]) -> list[float]:
        scores = list(self.bias)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    scores[i] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def best(self, features: list[str]) -> tuple[str, float]:
        probs = self.probabilities(features)
        index = max(range(len(probs)), key=probs.__getitem__)
        return self.labels[index], probs[index]


@lru_cache(maxsize=1)
def load_model() -> RelationModel | None:
    """The shipped model, or None when none has been trained."""
    try:
        raw = json.loads(resources.files(__package__).joinpath("data/relation_model.json").read_text("utf-8"))
    except FileNotFoundError:
        return None
    return RelationModel(
        labels=tuple(raw["labels"]), weights=raw["weights"], bias=raw["bias"],
        threshold=float(raw["threshold"]), predicates=dict(raw["predicates"]), about=raw.get("about", ""),
        by_object={label: dict(by_type) for label, by_type in raw.get("by_object", {}).items()},
    )
