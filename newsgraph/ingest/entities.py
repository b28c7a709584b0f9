"""In-document entity resolution: which mentions name the same thing.

Rules, in order, for each mention against the entities seen so far in the document:
the same normalised name; a person's surname or first name alone ("Sozinov" is "Sergei
Sozinov"); a shortened facility, organisation or event name whose words occur in order in a
longer one with the same head ("Kashan base" is "Kashan military base"); a definite
description ("the competition") names the most recent entity with that head noun. Types must
agree (a City may join a Place, never a Person).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..graph import Entity, Mention, entity_id, load_ontology, name_key, normalise_name
from .mentions import Candidate

__all__ = ["resolve_entities"]

_SHORTENABLE = frozenset({"Facility", "Organization", "Event", "Group"})
#: Mentions that only refer through an antecedent: they never start an entity or name one.
_REFERRING = frozenset({"description", "pronoun"})
#: A pronoun resolves only to a person named within this many characters before it.
PRONOUN_WINDOW = 250


@dataclass
class _Cluster:
    members: list[Candidate] = field(default_factory=list)
    type: str = "Thing"

    @property
    def names(self) -> list[Candidate]:
        return [m for m in self.members if m.kind not in _REFERRING]

    keys: set[str] = field(default_factory=set)
    """normalised labels and texts of the names, kept up to date by add()"""

    def add(self, cand: Candidate) -> None:
        self.members.append(cand)
        if cand.kind not in _REFERRING:
            self.keys.update((name_key(cand.label, cand.type), name_key(cand.text, cand.type)))

    @property
    def label(self) -> str:
        names = self.names
        best = max(names, key=lambda m: (m.kind == "name", len(m.label.split())))
        return best.label

    def head(self) -> str:
        return normalise_name(self.label).split(" ")[-1]


def _compatible(a: str, b: str) -> str | None:
    """The more specific of two types when one is a kind of the other, else None."""
    ontology = load_ontology()
    if ontology.is_a(a, b):
        return a
    if ontology.is_a(b, a):
        return b
    return None


def _in_order(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _match(cand: Candidate, clusters: list[_Cluster]) -> _Cluster | None:
    key = name_key(cand.label, cand.type)
    words = key.split(" ")
    recent = [c for c in reversed(clusters) if c.names and _compatible(c.type, cand.type)]
    if cand.kind == "description":
        return next((c for c in recent if c.head() == words[-1]), None)
    if cand.kind == "pronoun":
        return _antecedent(cand, clusters)
    for cluster in recent:
        if key in cluster.keys:
            return cluster
    if cand.kind == "name" and len(words) == 1:
        facilities = [c for c in reversed(clusters) if c.type == "Facility" and normalise_name(c.label).split(" ")[0] == key]
        if len(facilities) == 1 and not any(key in c.keys for c in clusters if c.type != "Facility"):
            return facilities[0]  # "Kashan" alone, in an article about "the Kashan military base"
    if cand.type == "Person" and len(words) == 1:
        people = [c for c in recent if key in {normalise_name(c.label).split(" ")[i] for i in (0, -1)}]
        return people[0] if len(people) == 1 else None
    if cand.type in _SHORTENABLE:
        longer = [
            c for c in recent
            if c.head() == words[-1] and _in_order(words, normalise_name(c.label).split(" "))
        ]
        return longer[0] if len(longer) == 1 else None
    return None


def _antecedent(pronoun: Candidate, clusters: list[_Cluster]) -> _Cluster | None:
    """The one person (for he/she) or group (for they) named shortly before a pronoun; None when
    there is none or more than one."""
    near = [
        c for c in clusters
        if c.type == pronoun.type and any(0 <= pronoun.start - m.end <= PRONOUN_WINDOW for m in c.names)
    ]
    return near[0] if len(near) == 1 else None


def _name_ends(cluster: _Cluster) -> tuple[str, ...]:
    """First and last word of a multi-word person name; () for a single word."""
    parts = normalise_name(cluster.label).split(" ")
    return (parts[0], parts[-1]) if len(parts) > 1 else ()


def _merge_short_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """Attach a surname seen before the full name ("Sozinov" ... "Sergei Sozinov")."""
    result: list[_Cluster] = []
    for cluster in clusters:
        if cluster.type == "Person" and not _name_ends(cluster):
            short = normalise_name(cluster.label)
            fuller = [c for c in clusters if c.type == "Person" and short in _name_ends(c)]
            if len(fuller) == 1:
                for member in cluster.members:
                    fuller[0].add(member)
                continue
        result.append(cluster)
    return result


def resolve_entities(doc_id: str, candidates: list[Candidate]) -> tuple[list[Entity], dict[Candidate, str]]:
    """Group candidates into entities; return them and each resolved candidate's entity id.

    A definite description with no antecedent names nothing and is dropped.
    """
    clusters: list[_Cluster] = []
    for cand in candidates:
        cluster = _match(cand, clusters)
        if cluster is None:
            if cand.kind in _REFERRING:
                continue
            cluster = _Cluster(type=cand.type)
            clusters.append(cluster)
        cluster.add(cand)
        cluster.type = _compatible(cluster.type, cand.type) or cluster.type
    entities: list[Entity] = []
    owner: dict[Candidate, str] = {}
    for cluster in _merge_short_names(clusters):
        label = cluster.label
        ent_id = entity_id(cluster.type, label)
        members = sorted(cluster.members, key=lambda m: m.start)
        aliases = tuple(dict.fromkeys(
            form for m in members if m.kind not in _REFERRING for form in (m.label, m.text) if form != label
        ))
        mentions = tuple(Mention(doc_id, m.start, m.end, m.text, cluster.type) for m in members)
        link = next((m.link for m in members if m.link), None)
        entities.append(Entity(ent_id, label, cluster.type, aliases, mentions, {"geonames": link} if link else {}))
        owner.update((m, ent_id) for m in members)
    return entities, owner
