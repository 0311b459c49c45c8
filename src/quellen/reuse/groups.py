"""Groups: pairwise links merged into reuse groups, without letting weak chains join unrelated texts.

Single linkage would let A~B and B~C put A and C together although they share
nothing (B quotes a sentence of A and a different sentence of C). A passage
therefore joins a group only when it is linked directly to at least half of the
group's passages; a link that fails this test stays a group of two.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Node", "PairLink", "group_links", "RELATION_ORDER"]

#: from closest to farthest: a group takes the farthest relation among its links
RELATION_ORDER = ("verbatim", "near_verbatim", "retranslation", "paraphrase", "summary")


@dataclass(slots=True)
class Node:
    """A passage: a token range of one unit."""

    unit: int
    lo: int
    hi: int
    index: int = -1


@dataclass(slots=True)
class PairLink:
    """Two passages that repeat each other, with the relation and score found."""

    a: Node
    b: Node
    relation: str
    score: float


@dataclass(slots=True)
class _Group:
    members: list[int]
    links: list[PairLink] = field(default_factory=list)


def _node_index(local: list[Node], node: Node, nodes: list[Node]) -> int:
    """Return the global index of the passage overlapping ``node`` by half or more, adding one if none does."""
    for other in local:
        overlap = min(other.hi, node.hi) - max(other.lo, node.lo)
        shorter = min(other.hi - other.lo, node.hi - node.lo)
        if shorter > 0 and overlap >= 0.5 * shorter:
            other.lo, other.hi = min(other.lo, node.lo), max(other.hi, node.hi)
            return other.index
    fresh = Node(node.unit, node.lo, node.hi, len(nodes))
    local.append(fresh)
    nodes.append(fresh)
    return fresh.index


def group_links(links: list[PairLink]) -> list[tuple[list[Node], list[PairLink]]]:
    """Return groups as (passages, links), built from ``links`` strongest first."""
    by_unit: dict[int, list[Node]] = {}
    nodes: list[Node] = []
    edges: list[tuple[int, int, PairLink]] = []
    for link in sorted(links, key=lambda lk: -lk.score):
        ia = _node_index(by_unit.setdefault(link.a.unit, []), link.a, nodes)
        ib = _node_index(by_unit.setdefault(link.b.unit, []), link.b, nodes)
        if ia != ib:
            edges.append((ia, ib, link))
    neighbours: dict[int, set[int]] = {}
    for ia, ib, _ in edges:
        neighbours.setdefault(ia, set()).add(ib)
        neighbours.setdefault(ib, set()).add(ia)
    group_of: dict[int, int] = {}
    groups: list[_Group] = []
    # a pair of passages that stands on its own is one group however many links join it
    # (two channels may find the same pair: two groups of the same passages had one id)
    alone: dict[tuple[int, int], int] = {}

    def stand_alone(ia: int, ib: int, link: PairLink) -> None:
        key = (min(ia, ib), max(ia, ib))
        if key in alone:
            groups[alone[key]].links.append(link)
        else:
            alone[key] = len(groups)
            groups.append(_Group([ia, ib], [link]))

    for ia, ib, link in edges:
        ga, gb = group_of.get(ia), group_of.get(ib)
        if ga is None and gb is None:
            group_of[ia] = group_of[ib] = len(groups)
            groups.append(_Group([ia, ib], [link]))
        elif ga is not None and gb is not None:
            if ga == gb:
                groups[ga].links.append(link)
            elif _well_linked(groups[ga].members, groups[gb].members, neighbours):
                for m in groups[gb].members:
                    group_of[m] = ga
                groups[ga].members.extend(groups[gb].members)
                groups[ga].links.extend(groups[gb].links + [link])
                groups[gb] = _Group([], [])
            else:
                stand_alone(ia, ib, link)
        else:
            g, free = (ga, ib) if ga is not None else (gb, ia)
            if _well_linked(groups[g].members, [free], neighbours):
                group_of[free] = g
                groups[g].members.append(free)
                groups[g].links.append(link)
            else:
                # the link stands on its own; the passage may also belong elsewhere later
                stand_alone(ia, ib, link)
    return [([nodes[m] for m in g.members], g.links) for g in groups if len(g.members) >= 2]


def _well_linked(left: list[int], right: list[int], neighbours: dict[int, set[int]]) -> bool:
    """Return True when at least half of all left-right passage pairs are linked directly."""
    linked = sum(1 for r in right for l in left if l in neighbours.get(r, ()))
    return linked >= math.ceil(0.5 * len(left) * len(right))
