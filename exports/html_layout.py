"""Node positions for the HTML view, computed once in Python so the browser needs no physics.

Small graphs use networkx's ``spring_layout``; big ones a Fruchterman–Reingold
variant whose repulsion only counts each node's nearest neighbours (found
with a k-d tree), which takes seconds for 5,000 nodes where the exact
algorithm takes minutes. Both are seeded, so the same graph gets the same
positions.
"""
from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

__all__ = ["positions", "SMALL"]

#: Graphs with at most this many nodes use networkx's exact spring layout.
SMALL = 600
_NEIGHBOURS = 16


def _spring(n: int, edges: Sequence[tuple[int, int]], seed: int) -> np.ndarray:
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    pos = nx.spring_layout(g, seed=seed, iterations=300, k=1.8 / np.sqrt(n))
    return np.array([pos[i] for i in range(n)], dtype=float)


def _nearest_fr(n: int, edges: Sequence[tuple[int, int]], seed: int, iterations: int = 60) -> np.ndarray:
    """Fruchterman–Reingold with repulsion from the nearest neighbours only."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    src, dst = (np.array(side, dtype=np.intp) for side in zip(*edges)) if edges else (np.zeros(0, np.intp),) * 2
    k = 1.0 / np.sqrt(n)
    temp, cool = 0.1, 0.1 / (iterations + 1)
    near = min(_NEIGHBOURS, n - 1)
    owner = np.repeat(np.arange(n), near)
    for _ in range(iterations):
        _, nb = cKDTree(pos).query(pos, k=near + 1)
        other = nb[:, 1:].ravel()
        d = pos[owner] - pos[other]
        push = d * (k * k / np.maximum((d * d).sum(1), 1e-12))[:, None]
        disp = np.stack([np.bincount(owner, push[:, c], minlength=n) for c in (0, 1)], axis=1)
        d = pos[src] - pos[dst]
        pull = d * (np.sqrt((d * d).sum(1)) / k)[:, None]
        for c in (0, 1):
            disp[:, c] -= np.bincount(src, pull[:, c], minlength=n)
            disp[:, c] += np.bincount(dst, pull[:, c], minlength=n)
        disp += (0.5 - pos) * k
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-12)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    return pos


def _component(n: int, edges: list[tuple[int, int]], seed: int) -> np.ndarray:
    """Positions of one connected component, centred, about ``sqrt(n)`` units across."""
    if n == 1:
        return np.zeros((1, 2))
    pos = _spring(n, edges, seed) if n <= SMALL else _nearest_fr(n, edges, seed)
    pos = pos - pos.mean(axis=0)
    _, _, axes = np.linalg.svd(pos, full_matrices=False)
    axes *= np.where(axes[:, :1] < 0, -1.0, 1.0)
    pos = pos @ axes.T  # widest spread along x: screens are wider than tall
    radius = float(np.percentile(np.sqrt((pos * pos).sum(1)), 90)) or 1.0
    return pos * (0.5 * np.sqrt(n) + 0.6) / radius


def _pack(parts: list[np.ndarray], gap: float = 0.9) -> list[np.ndarray]:
    """Place components (largest first) on shelves of a roughly square area."""
    boxes = [(p.min(axis=0), p.max(axis=0)) for p in parts]
    width = max(float(np.sqrt(sum((hi - lo + gap).prod() for lo, hi in boxes))) * 1.2,
                max(float(hi[0] - lo[0]) for lo, hi in boxes))
    out, x, y, shelf = [], 0.0, 0.0, 0.0
    for p, (lo, hi) in zip(parts, boxes):
        w, h = hi - lo
        if x > 0 and x + w > width:
            x, y, shelf = 0.0, y + shelf + gap, 0.0
        out.append(p - lo + (x, y))
        x += w + gap
        shelf = max(shelf, h)
    return out


def positions(n: int, edges: Sequence[tuple[int, int]], *, seed: int = 7, unit: float = 170.0) -> list[tuple[int, int]]:
    """Return integer canvas positions of nodes ``0..n-1`` linked by *edges*.

    Each connected component is laid out on its own, then the components are
    packed side by side, largest first.

    Args:
        n: Number of nodes.
        edges: Pairs of node indices (direction and repeats do not matter).
        seed: Seed of the random start.
        unit: Pixels per layout unit (about one edge length).

    Returns:
        One ``(x, y)`` per node.
    """
    if n == 0:
        return []
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    parts = []
    for members in comps:
        local = {v: i for i, v in enumerate(members)}
        sub = sorted({(min(local[a], local[b]), max(local[a], local[b]))
                      for a, b in g.subgraph(members).edges()})
        parts.append(_component(len(members), sub, seed))
    if len(parts) > 1:
        singles = [i for i, c in enumerate(comps) if len(c) == 1]
        if len(singles) > 1:
            side = int(np.ceil(np.sqrt(len(singles))))
            grid = np.array([(i % side, i // side) for i in range(len(singles))], dtype=float) * 1.2
            comps = [c for c in comps if len(c) > 1] + [[comps[i][0] for i in singles]]
            parts = [p for p in parts if len(p) > 1] + [grid]
        parts = _pack(parts)
    out = np.zeros((n, 2))
    for members, p in zip(comps, parts):
        out[members] = p
    out -= (out.min(axis=0) + out.max(axis=0)) / 2
    return [(int(round(x * unit)), int(round(y * unit))) for x, y in out]
