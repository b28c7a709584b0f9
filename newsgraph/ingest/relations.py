"""Relation extraction by declarative dependency patterns (`data/patterns.json`).

Each rule is a spaCy DependencyMatcher pattern with named anchors. This module compiles the
rules, maps the matched anchor tokens to entities (following coordination, and transparent
nouns such as "the city of X"), checks the ontology's domain and range, reads qualifiers, and
frames every match as Evidence with exact offsets, status and attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable

from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, ORTH
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..errors import NewsgraphError
from ..graph import Entity, Evidence, Literal, Quantity, Relation, load_ontology
from .attribution import Framing, frame_claim
from .classifier import _path as _pair_path
from .classifier import candidate_pairs, load_model, pair_features, sentence_ids
from .dates import resolve_time
from .evidence import quoted
from .lexicons import Lexicons, calibrated, read_data
from .mentions import Candidate, mention_index

__all__ = ["Rule", "RuleSet", "load_rules", "make_context", "extract_relations", "classify_pairs"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12, "hundred": 100}


@dataclass(frozen=True)
class Rule:
    id: str
    predicate: str
    confidence: float
    """measured precision from data/confidence.json when the rule was calibrated, else the prior"""
    pattern: list[dict]
    qualifiers: dict[str, str] = field(default_factory=dict)
    literal: dict | None = None
    subject_from: str | None = None
    framing: str = "clause"
    object_possessor: bool = False
    subject_conjuncts: bool = True
    object_list: bool = False
    prior: float = 0.5
    """the precision the rule's author expected (patterns.json)"""
    single_object: bool = False
    """the object must not start a list ("MOL of Hungary, Botas of Turkey and RWE": no place in a place)"""
    exclude: dict[str, frozenset[str]] = field(default_factory=dict)
    """ontology classes the "subject" or "object" must not be (a person "of Russia" is its citizen,
    which another rule says, not its resident)"""

    @property
    def anchors(self) -> list[str]:
        return [node["RIGHT_ID"] for node in self.pattern]


@dataclass(frozen=True, eq=False)
class RuleSet:
    extractor: str
    version: str
    rules: dict[str, Rule]

    @property
    def name(self) -> str:
        """Extractor name and version as evidence records it ("newsgraph-rules/1")."""
        return f"{self.extractor}/{self.version}"


def _expand_lexicons(value, lexicons: dict[str, list[str]], rule_id: str):
    """Replace "@name" inside IN lists by the lexicon's words: as written, lowercased and title-cased
    (spaCy keeps the case of proper-noun lemmas: "Minister", "President")."""
    if isinstance(value, dict):
        return {k: _expand_lexicons(v, lexicons, rule_id) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand_lexicons(v, lexicons, rule_id) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        try:
            words = lexicons[value[1:]]
        except KeyError:
            raise NewsgraphError(
                f"rule {rule_id!r} uses lexicon {value!r}, which patterns.json does not define: "
                f"add it under 'lexicons' (known: {', '.join(sorted(lexicons))})"
            ) from None
        return [w for word in words for w in dict.fromkeys((word, word.lower(), word.title()))]
    return value


def _flatten(pattern_value):
    """{"IN": ["a", ["b", "c"]]} -> {"IN": ["a", "b", "c"]} after lexicon expansion."""
    if isinstance(pattern_value, dict):
        return {k: _flatten(v) for k, v in pattern_value.items()}
    if isinstance(pattern_value, list) and any(isinstance(v, list) for v in pattern_value):
        return [w for v in pattern_value for w in (v if isinstance(v, list) else [v])]
    if isinstance(pattern_value, list):
        return [_flatten(v) for v in pattern_value]
    return pattern_value


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """The rules shipped in package data, with lexicon references expanded and checked."""
    raw = read_data("patterns.json")
    measured = calibrated()
    ontology = load_ontology()
    rules = {}
    for spec in raw["rules"]:
        ontology.predicate(spec["predicate"])
        pattern = _flatten(_expand_lexicons(spec["pattern"], raw["lexicons"], spec["id"]))
        rule = Rule(
            id=spec["id"],
            predicate=spec["predicate"],
            confidence=measured.get(spec["id"], float(spec["confidence"])),
            prior=float(spec["confidence"]),
            pattern=pattern,
            qualifiers=dict(spec.get("qualifiers", {})),
            literal=spec.get("literal"),
            subject_from=spec.get("subject_from"),
            framing=spec.get("framing", "clause"),
            object_possessor=bool(spec.get("object_possessor", False)),
            subject_conjuncts=bool(spec.get("subject_conjuncts", True)),
            object_list=bool(spec.get("object_list", False)),
            single_object=bool(spec.get("single_object", False)),
            exclude={role: frozenset(ontology.check_class(c) for c in classes)
                     for role, classes in spec.get("exclude", {}).items()},
        )
        anchors = set(rule.anchors)
        if not anchors & {"trigger", "object"} or ("subject" not in anchors and not rule.subject_from):
            raise NewsgraphError(
                f"rule {rule.id!r} in patterns.json needs a 'trigger' or 'object' anchor and a 'subject' "
                "anchor or 'subject_from'"
            )
        rules[rule.id] = rule
    return RuleSet(raw["extractor"], str(raw["version"]), rules)


@lru_cache(maxsize=None)
def _matcher(vocab: Vocab, rules: RuleSet, rule_id: str) -> DependencyMatcher:
    """One rule's matcher, built once: sentences run only the rules they could match, and one
    matcher per rule is cheaper than one per set of rules (a corpus meets hundreds of sets)."""
    matcher = DependencyMatcher(vocab)
    matcher.add(rule_id, [rules.rules[rule_id].pattern])
    return matcher


#: Token attributes whose required values prune rules before matching: (pattern key, array column).
_PRUNING = (("LOWER", 0), ("LEMMA", 1), ("ORTH", 2), ("ENT_TYPE", 3), ("DEP", 4))
_COLUMNS = [LOWER, LEMMA, ORTH, ENT_TYPE, DEP]


@lru_cache(maxsize=4)
def _requirements(rules: RuleSet, strings) -> dict[str, tuple[tuple[tuple[int, ...], frozenset[int]], ...]]:
    """For each rule, per pattern node and attribute, the values one of which a sentence must hold.

    A word required as LOWER or LEMMA may appear in either column (lemmas of names keep their case).
    """
    table = {}
    for rule in rules.rules.values():
        needs = []
        for node in rule.pattern:
            for key, column in _PRUNING:
                value = node["RIGHT_ATTRS"].get(key)
                values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
                if not values:
                    continue
                columns = (0, 1) if key in {"LOWER", "LEMMA"} else (column,)
                forms = {v for v in values} | ({v.lower() for v in values} if key in {"LOWER", "LEMMA"} else set())
                needs.append((columns, frozenset(strings.add(v) for v in forms)))
        table[rule.id] = tuple(needs)
    return table


def _possible_rules(requirements, present: list[set[int]]) -> frozenset[str]:
    """Rules every node of which can find a token with the required word, entity type and relation."""
    return frozenset(
        rule_id for rule_id, needs in requirements.items()
        if all(any(not values.isdisjoint(present[c]) for c in columns) for columns, values in needs)
    )


@dataclass(frozen=True)
class _Context:
    """What rule application needs to know about one parsed document."""

    doc: Doc
    doc_id: str
    index: dict[int, Candidate]
    owner: dict[Candidate, str]
    entities: dict[str, Entity]
    lex: Lexicons
    published: str | None = None

    @cached_property
    def text(self) -> str:
        """The document text (Doc.text joins every token, so it is read once)."""
        return self.doc.text

    @cached_property
    def sentences(self) -> list[Span]:
        """The document's sentences (doc.sents is slow to recompute)."""
        return list(self.doc.sents)

    @cached_property
    def sentence_ids(self) -> list[int]:
        """The sentence number of every token."""
        return sentence_ids(self.doc, self.sentences)

    @cached_property
    def sentence_bounds(self) -> list[tuple[int, int]]:
        """Character bounds of every sentence, in order, without surrounding whitespace."""
        return [_sentence_bounds(sent) for sent in self.sentences]

    def sentence_of(self, token_index: int) -> tuple[int, int]:
        """Character bounds of the sentence holding a token, without surrounding whitespace."""
        return self.sentence_bounds[self.sentence_ids[token_index]]


#: Parts of an organisation that stand for it ("the aviation department of the Russian Defense Ministry").
_UNIT_NOUNS = frozenset({"department", "unit", "division", "branch", "wing", "directorate", "section"})


def _named_organization(noun: Token, ctx: _Context) -> Candidate | None:
    """The organisation an organisation noun stands for: the name before it ("the IG Metall
    union") or the name it is a modifier of ("corruption watchdog Transparency International")."""
    near = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        near.append(noun.head)
    for token in near:
        cand = ctx.index.get(token.i)
        if cand is not None and cand in ctx.owner and ctx.entities[ctx.owner[cand]].type == "Organization":
            return cand
    return None


def _candidate_at(token: Token, ctx: _Context, depth: int = 0) -> Candidate | None:
    """The resolved mention a token belongs to, looking through "the city of X" and "the X union"."""
    cand = ctx.index.get(token.i)
    if cand is not None and cand in ctx.owner:
        return cand
    if token.pos_ == "NOUN" and token.lemma_.lower() in ctx.lex.organization_nouns:
        named = _named_organization(token, ctx)
        if named is not None:
            return named
    if depth < 2 and (token.lemma_.lower() in ctx.lex.transparent_nouns or token.lemma_.lower() in _UNIT_NOUNS):
        for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in of.children if c.dep_ == "pobj"):
                return _candidate_at(pobj, ctx, depth + 1)
    return None


#: The rule name on evidence found by the learned pair classifier rather than a pattern.
CLASSIFIER_RULE = "classifier"

_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the drones that have been used" -> drones)."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _with_conjuncts(token: Token) -> list[Token]:
    """The token (or its antecedent) and its coordinated tokens; a common noun with names in
    apposition stands for those names ("outlets Slidstvo and OurMoney"). A relative clause
    speaks for the names before it only: in "Jack Ruby, who killed Oswald, and Jim Bakker" it
    says nothing about Jim Bakker."""
    antecedent = _antecedent(token)
    clause_at = token.head.i if antecedent is not token else None
    token = antecedent
    named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if token.pos_ == "NOUN" and named is not None:
        token = named
    return [token, *(c for c in token.conjuncts if clause_at is None or c.i < clause_at)]


def _list_members(token: Token) -> list[Token]:
    """Every name of a list starting at token, following conjunctions and appositions."""
    seen, todo = [], [token]
    while todo:
        current = todo.pop(0)
        if current.i in {t.i for t in seen}:
            continue
        seen.append(current)
        todo += [c for c in current.children if c.dep_ in {"conj", "appos"} and c.pos_ == "PROPN"]
        if current.dep_ == "appos" and current.head.pos_ == "PROPN":
            todo.append(current.head)
    return seen


def _possessor(token: Token) -> Token | None:
    """The possessor of a noun ("Ukraine's civilian infrastructure" -> Ukraine)."""
    return next((c for c in token.children if c.dep_ == "poss"), None)


def _governing_subject(trigger: Token) -> Token | None:
    """The subject of the nearest verb above a nominal trigger ("Sozinov ... training at")."""
    token = trigger
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None:
                return subject
    return None


def _phrase(token: Token, deps: frozenset[str] = frozenset({"compound"})) -> Span:
    """A noun with its immediate left modifiers of the given kinds ("army cadet")."""
    first = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in deps and child.i == first - 1:
            first = child.i
    return token.doc[first : token.i + 1]


_ROLE_MODIFIERS = frozenset({"executive", "deputy", "assistant", "associate", "senior", "chief", "vice",
                             "general", "managing", "acting", "interim", "former", "foreign", "prime"})


def _without_names(phrase: Span, head: Token, ctx: _Context) -> Span:
    """A title without the names inside it ("U.S. President" -> "President", U.S. is the object),
    with the rank words that belong to it ("executive director", "deputy leader")."""
    start = phrase.start
    while start < head.i and start in ctx.index:
        start += 1
    doc = phrase.doc
    while start > 0 and doc[start - 1].lower_ in _ROLE_MODIFIERS and doc[start - 1].head.i in range(start, phrase.end):
        start -= 1
    return doc[start : phrase.end]


_TIME_PREPS = frozenset({"in", "on", "since", "during", "until", "by", "from", "last"})


def _clause_head(trigger: Token) -> Token:
    """The verb whose clause states the fact: the trigger itself, or the verb above a noun trigger."""
    token = trigger
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _time_span(trigger: Token) -> Span | None:
    """The date entity attached to the clause of a trigger ("last August", "on Tuesday")."""
    head = _clause_head(trigger)
    for child in head.children:
        target = child
        if child.dep_ == "prep" and child.lower_ in _TIME_PREPS:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ not in {"npadvmod", "tmod"}:
            continue
        if target is None or target.ent_type_ != "DATE":
            continue
        doc = target.doc
        first, last = target.i, target.i + 1
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        start = child.i if child.dep_ == "prep" else first
        return doc[min(start, first) : last]
    return None


def _number(words: Iterable[Token]) -> float | int | None:
    value = None
    for word in words:
        text = word.text.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            value = float(text) if "." in text else int(text)
        elif value is not None and word.lower_ in _MULTIPLIERS:
            value = value * _MULTIPLIERS[word.lower_]
    return value


def _quantity(item: Token, lex: Lexicons) -> tuple[Quantity, Span] | None:
    """The number modifying an item noun: "nearly 2,000 drones" -> Quantity("nearly 2,000", 2000)."""
    number = next((c for c in item.children if c.dep_ == "nummod"), None)
    if number is None:
        return None
    words = list(number.subtree)
    span = item.doc[words[0].i : words[-1].i + 1]
    approximate = any(w.lower_ in lex.approximators for w in words)
    return Quantity(span.text, _number(words), approximate, item.lemma_.lower()), span


def _literal(token: Token, spec: dict) -> Literal | None:
    if spec.get("datatype") == "integer":
        value = _number([token])
        return Literal(str(int(value)), "integer") if isinstance(value, (int, float)) else None
    return Literal(token.text, spec.get("datatype", "string"))


def _sentence_bounds(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


def _evidence(
    ctx: _Context,
    rule: Rule,
    extractor: str,
    trigger: Token,
    subject: tuple[int, int],
    obj: tuple[int, int],
    extra: list[tuple[int, int]],
    framing: Framing,
) -> Evidence:
    text = ctx.text
    sent_start, sent_end = ctx.sentence_of(trigger.i)
    trigger_span = (trigger.idx, trigger.idx + len(trigger.text))
    spans = [subject, obj, trigger_span, *extra]
    start = max(sent_start, min(s for s, _ in spans))
    end = min(sent_end, max(e for _, e in spans))
    if not (sent_start <= subject[0] < sent_end):
        start, end = min(start, subject[0]), max(end, subject[1])
    return quoted(
        text,
        ctx.doc_id,
        (sent_start, sent_end),
        (start, end),
        subject_span=subject,
        object_span=obj,
        trigger_span=trigger_span,
        extractor=extractor,
        confidence=rule.confidence,
        status=framing.status,
        attributed_to=framing.attributed_to,
        cue=framing.cue,
        rule=rule.id,
    )


def _apply(rule: Rule, anchors: dict[str, Token], ctx: _Context, extractor: str) -> Iterable[Relation]:
    ontology = load_ontology()
    trigger = anchors.get("trigger", anchors.get("object"))
    if "subject" in anchors:
        subject_tokens = _with_conjuncts(anchors["subject"])
        if not rule.subject_conjuncts:
            subject_tokens = subject_tokens[:1]
    else:
        governing = _governing_subject(trigger)
        subject_tokens = _with_conjuncts(governing) if governing is not None else []
    subjects = [c for c in (_candidate_at(t, ctx) for t in subject_tokens) if c is not None]
    if rule.literal is not None:
        token = anchors["literal"]
        literal = _literal(token, rule.literal)
        objects: list[tuple[Literal | Candidate, tuple[int, int]]] = (
            [(literal, (token.idx, token.idx + len(token.text)))] if literal else []
        )
    elif rule.single_object and any(c.dep_ in {"conj", "appos"} for c in anchors["object"].children):
        objects = []
    else:
        found = []
        for token in (_list_members(anchors["object"]) if rule.object_list else _with_conjuncts(anchors["object"])):
            cand = _candidate_at(token, ctx)
            if cand is None and rule.object_possessor and (owner := _possessor(token)) is not None:
                cand = _candidate_at(owner, ctx)
            found.append(cand)
        objects = [(c, (c.start, c.end)) for c in found if c is not None]
    qualifiers: dict[str, object] = {}
    extra: list[tuple[int, int]] = []
    for name, anchor in rule.qualifiers.items():
        token = anchors[anchor]
        phrase = _phrase(token)
        if name == "role":
            phrase = _without_names(phrase, token, ctx)
        qualifiers[name] = phrase.text
        extra.append((phrase.start_char, phrase.end_char))
        if name == "item":
            found_quantity = _quantity(token, ctx.lex)
            if found_quantity is not None:
                qualifiers["quantity"], span = found_quantity
                extra.append((span.start_char, span.end_char))
    if "time" in ontology.predicate(rule.predicate).qualifiers and (when := _time_span(trigger)) is not None:
        qualifiers["time"] = resolve_time(when.text, ctx.published)
    framing = frame_claim(trigger) if rule.framing == "clause" else Framing()
    for subject in subjects:
        subject_entity = ctx.entities[ctx.owner[subject]]
        for obj, obj_span in objects:
            if isinstance(obj, Literal):
                object_value, object_type = obj, None
            else:
                object_value, object_type = ctx.owner[obj], ctx.entities[ctx.owner[obj]].type
                if object_value == subject_entity.id:
                    continue
            if not ontology.accepts(rule.predicate, subject_entity.type, object_type) or _excluded(
                rule, subject_entity.type, object_type
            ):
                continue
            predicate = ontology.specific(rule.predicate, subject_entity.type)
            evidence = _evidence(ctx, rule, extractor, trigger, (subject.start, subject.end), obj_span, extra, framing)
            yield Relation(subject_entity.id, predicate, object_value, dict(qualifiers), (evidence,))


def _excluded(rule: Rule, subject_type: str, object_type: str | None) -> bool:
    """Whether the rule's "exclude" classes rule out this pair of entity types."""
    ontology = load_ontology()
    return any(
        kind is not None and any(ontology.is_a(kind, banned) for banned in rule.exclude.get(role, ()))
        for role, kind in (("subject", subject_type), ("object", object_type))
    )


def _matches(doc: Doc, rules: RuleSet, ctx: _Context) -> Iterable[tuple[int, list[int]]]:
    """Rule matches, sentence by sentence, skipping sentences that cannot hold a fact.

    A relation needs two resolved mentions in its sentence, or one for a rule with a literal
    object (an age); other sentences are not matched at all, which saves most of the matcher's time.
    """
    requirements = _requirements(rules, doc.vocab.strings)
    literal_rules = frozenset(r for r in rules.rules if rules.rules[r].literal is not None)
    values = doc.to_array(_COLUMNS) if len(doc) else None
    heads = [0] * (len(doc) + 1)
    for candidate in set(ctx.index.values()):
        heads[candidate.head] += 1
    for sent in ctx.sentences:
        mentions = sum(heads[sent.start : sent.end])
        if mentions == 0:
            continue
        present = [set(values[sent.start : sent.end, c].tolist()) for c in range(len(_COLUMNS))]
        subset = _possible_rules(requirements, present)
        if mentions < 2:
            subset &= literal_rules
        if not subset:
            continue
        sentence = sent.as_doc()  # a matcher copies a Span into a Doc on every call; copy once
        for rule_id in sorted(subset):
            for match_id, token_ids in _matcher(doc.vocab, rules, rule_id)(sentence):
                yield match_id, [sent.start + i for i in token_ids]


def make_context(
    doc: Doc, doc_id: str, owner: dict[Candidate, str], entities: list[Entity], lex: Lexicons, published: str | None = None
) -> _Context:
    """What rules and the classifier need to know about one parsed, resolved document."""
    index = mention_index(list(owner))
    return _Context(doc, doc_id, index, owner, {e.id: e for e in entities}, lex, published=published)


def extract_relations(ctx: _Context, rules: RuleSet) -> list[Relation]:
    """All relations the rules find in a parsed document, one evidence per match.

    When several rules find the same fact in the same sentence, the most confident one is kept.
    """
    doc = ctx.doc
    best: dict[tuple, Relation] = {}
    for match_id, token_ids in _matches(doc, rules, ctx):
        rule = rules.rules[doc.vocab.strings[match_id]]
        anchors = {name: doc[i] for name, i in zip(rule.anchors, token_ids)}
        for relation in _apply(rule, anchors, ctx, rules.name):
            evidence = relation.evidence[0]
            key = (*relation.key, evidence.sentence_start)
            if key not in best or best[key].evidence[0].confidence < evidence.confidence:
                best[key] = relation
    return sorted(best.values(), key=lambda r: (r.evidence[0].start, r.predicate))


@lru_cache(maxsize=None)
def _relatable(subject_type: str, object_type: str) -> bool:
    """Whether any label of the pair classifier could give a fact between these two classes;
    pairs that could never become one ("an organisation and a person") are not scored."""
    model, ontology = load_model(), load_ontology()
    return any(
        (predicate := model.predicate_for(label, object_type)) is not None
        and ontology.accepts(predicate, subject_type, object_type)
        for label in model.labels
    )


def classify_pairs(ctx: _Context, found: list[Relation]) -> list[Relation]:
    """Relations the learned pair classifier finds where no rule said anything about the pair."""
    model = load_model()
    if model is None:
        return []
    ontology = load_ontology()
    doc, owner, by_id = ctx.doc, ctx.owner, ctx.entities
    related = {(r.subject, r.object, r.evidence[0].sentence_start) for r in found} | {
        (r.object, r.subject, r.evidence[0].sentence_start) for r in found}
    type_of = lambda c: by_id[owner[c]].type if c in owner else c.type  # noqa: E731
    best: dict[tuple, Relation] = {}
    for a, b in candidate_pairs(doc, sorted(owner, key=lambda c: c.start), type_of, ctx.sentence_ids):
        subject, obj = by_id[owner[a]], by_id[owner[b]]
        if subject.id == obj.id or not _relatable(subject.type, obj.type):
            continue
        label, probability = model.best(pair_features(doc, a, b, subject.type, obj.type))
        predicate = model.predicate_for(label, obj.type)
        if predicate is None or probability < model.threshold or not ontology.accepts(predicate, subject.type, obj.type):
            continue
        up, _ = _pair_path(doc[a.head], doc[b.head])
        trigger = up[-1]
        sentence_start = ctx.sentence_of(trigger.i)[0]
        if (subject.id, obj.id, sentence_start) in related:
            continue
        rule = Rule(CLASSIFIER_RULE, predicate, round(probability, 3), [])
        framing = frame_claim(trigger) if trigger.pos_ in {"VERB", "AUX"} else Framing()
        evidence = _evidence(ctx, rule, load_rules().name, trigger, (a.start, a.end), (b.start, b.end), [], framing)
        relation = Relation(subject.id, ontology.specific(predicate, subject.type), obj.id, {}, (evidence,))
        key = (*relation.key, sentence_start)
        if key not in best or best[key].evidence[0].confidence < evidence.confidence:
            best[key] = relation
    return list(best.values())
