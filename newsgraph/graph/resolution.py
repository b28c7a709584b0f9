"""Cross-document entity resolution: which entities of different articles are one thing.

Each article's extraction names its own entities (resolved inside the article by ingest/). Here
they are joined across articles when they have the same type and share one of these keys:

- the same normalised name ("same name"), organisation spelling and word-order variants included
  ("Russian Ministry of Defense" = "Russian Defense Ministry");
- a name of one is an alias of the other ("alias"): "EBRD" = "European Bank for Reconstruction
  and Development (EBRD)". A one-word alias of a person (a surname) is not a key: "Putin" in one
  article and "Vladimir Putin" in another stay apart, as surnames merge only inside an article;
- the same GeoNames id ("same GeoNames id").

Entities of different types never merge, and a name shared by entities with different GeoNames
ids joins nothing (Paris, France and Paris, Texas). The result depends only on the set of
extractions, never on their order, so a workspace grown article by article equals a build of
the same articles in one go. Every merge is recorded with its reason and the mentions involved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Iterable

from .identifiers import entity_id, name_key, normalise_name
from .model import Entity, Extraction, Literal, Mention

__all__ = ["Merge", "Resolution", "resolve"]

_REASONS = ("same name", "alias", "same GeoNames id")


@dataclass(frozen=True)
class Merge:
    """One article's entity joined into a cross-document entity, and why (a cross-document entity
    of n article entities has n - 1 merges: its first member with the chosen label joins none)."""

    entity: str
    """id of the merged entity"""
    label: str
    type: str
    doc: str
    member: str
    """the article's own id of the entity that was merged in"""
    member_label: str
    reason: str
    key: str
    """the shared name (normalised) or GeoNames id"""
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Resolution:
    extractions: tuple[Extraction, ...]
    """the extractions with entity ids rewritten to the merged entities, ordered by document id"""
    merges: tuple[Merge, ...]


@dataclass(frozen=True)
class _Item:
    doc: str
    entity: Entity

    @cached_property
    def keys(self) -> dict[tuple[str, str, str], str]:
        """Join keys of this entity (scoped by type) and the reason each would give (computed once:
        clustering and the reason of every merge both read them)."""
        entity = self.entity
        keys = {(entity.type, "name", name_key(entity.label, entity.type)): "same name"}
        for alias in entity.aliases:
            if entity.type == "Person" and len(normalise_name(alias).split()) < 2:
                continue
            keys.setdefault((entity.type, "name", name_key(alias, entity.type)), "alias")
        for kind, target in sorted(entity.links.items()):
            keys.setdefault((entity.type, kind, target), "same GeoNames id")
        return {k: v for k, v in keys.items() if k[2]}


def resolve(extractions: Iterable[Extraction], merge: bool = True) -> Resolution:
    """Join the entities of all extractions; with `merge=False` every article keeps its own."""
    ordered = sorted(extractions, key=lambda x: x.document.id)
    items = [_Item(x.document.id, e) for x in ordered for e in x.entities]
    if not merge:
        ids = {(i.doc, i.entity.id): entity_id(i.entity.type, i.entity.label, scope=i.doc) for i in items}
        return Resolution(tuple(_rewrite(x, ids, {}) for x in ordered), ())
    clusters = _clusters(items)
    ids: dict[tuple[str, str], str] = {}
    canonical: dict[str, Entity] = {}
    merges: list[Merge] = []
    for members in clusters:
        best = max(members, key=_preference)
        cluster_id = entity_id(best.entity.type, best.entity.label)
        canonical[cluster_id] = best.entity
        ids.update(((m.doc, m.entity.id), cluster_id) for m in members)
        anchor = next(m for m in members if m.entity.label == best.entity.label)
        merges += [_merge(cluster_id, best.entity, m, members) for m in members if m is not anchor]
    return Resolution(tuple(_rewrite(x, ids, canonical) for x in ordered), tuple(merges))


def _clusters(items: list[_Item]) -> list[list[_Item]]:
    """Connected components of "shares a usable key", in a deterministic order."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in item.keys:
            buckets[key].append(index)
    for key, members in buckets.items():
        if key[1] == "name" and len({t for i in members for t in items[i].entity.links.values()}) > 1:
            continue  # one name, several places: "Paris" (France) and "Paris" (Texas) stay apart
        for index in members[1:]:
            parent[find(index)] = find(members[0])
    groups: dict[int, list[_Item]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[find(index)].append(item)
    return sorted(groups.values(), key=lambda g: (g[0].doc, g[0].entity.id))


def _preference(item: _Item) -> tuple:
    """The member whose name becomes the label: the fullest name, then the first in order."""
    label = normalise_name(item.entity.label)
    return (len(label.split()), len(label), tuple(-ord(c) for c in label))


def _merge(cluster_id: str, best: Entity, member: _Item, members: list[_Item]) -> Merge:
    """Why `member` is in the cluster: the strongest key it shares with another member."""
    own = member.keys
    others: dict[tuple[str, str, str], str] = {}
    for other in members:
        if other is not member:
            for key, reason in other.keys.items():
                others.setdefault(key, reason)
    shared = [(max(_REASONS.index(own[k]), _REASONS.index(others[k])), k) for k in own if k in others]
    rank, key = min(shared) if shared else (len(_REASONS) - 1, next(iter(own)))
    return Merge(
        entity=cluster_id, label=best.label, type=best.type, doc=member.doc, member=member.entity.id,
        member_label=member.entity.label, reason=_REASONS[min(rank, len(_REASONS) - 1)], key=key[2],
        mentions=member.entity.mentions,
    )


def _rewrite(extraction: Extraction, ids: dict[tuple[str, str], str], canonical: dict[str, Entity]) -> Extraction:
    """The extraction with its entities renamed to the cross-document entities."""
    doc = extraction.document.id
    local = {e.id: ids[(doc, e.id)] for e in extraction.entities}
    entities = []
    for entity in extraction.entities:
        new_id = local[entity.id]
        best = canonical.get(new_id, entity)
        names = (entity.label, *entity.aliases)
        entities.append(replace(
            entity, id=new_id, label=best.label,
            aliases=tuple(dict.fromkeys(n for n in names if n != best.label)),
            mentions=entity.mentions, links={**entity.links, **best.links},
        ))
    relations = []
    for relation in extraction.relations:
        subject = local.get(relation.subject, relation.subject)
        obj = relation.object if isinstance(relation.object, Literal) else local.get(relation.object, relation.object)
        if subject != obj:
            relations.append(replace(relation, subject=subject, object=obj))
    return replace(extraction, entities=tuple(entities), relations=tuple(relations))
