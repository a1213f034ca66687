"""Linear-chain CRF inference in numpy over the weights of a crfsuite model.

python-crfsuite trains the models; tagging with them here instead of through
``pycrfsuite.Tagger`` lets the caller sum a word's weights once and reuse the
sum wherever the word occurs (:func:`add_scores`), and decode all sentences
of a text at once. Decoding follows crfsuite's: the same state and
transition scores, the same Viterbi path (ties go to the lower label id), the
same forward-backward marginals.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ...errors import ModelError

__all__ = ["CRFWeights", "read_model", "side_by_side", "add_scores", "add_indexed", "viterbi", "marginals"]

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CRFWeights:
    """A crfsuite CRF's labels, attributes and weights.

    Attributes:
        labels: Label names, by label id.
        attributes: Attribute name -> row of *state*.
        state: Weight of each attribute (row) for each label (column).
        transitions: Weight of going from label *i* (row) to label *j* (column).
    """

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray
    transitions: np.ndarray

    @cached_property
    def by_label(self) -> np.ndarray:
        """*state* transposed and contiguous: one row of attribute weights per label."""
        return np.ascontiguousarray(self.state.T)

    def score(self, features: Sequence[str]) -> np.ndarray:
        """The summed state weights of one item's features (a vector over labels)."""
        out = np.zeros((1, len(self.labels)))
        add_scores(out, [features], self)
        return out[0]


def _cqdb_strings(data: bytes, at: int) -> list[str]:
    """The strings of a CQDB chunk, by id (its backward array)."""
    chunk, _, _, _, size, table = struct.unpack_from("<4s5I", data, at)
    if chunk != b"CQDB":
        raise ValueError("no string dictionary")
    offsets = np.frombuffer(data, "<u4", size, at + table).astype(np.int64)
    if not offsets.all():
        raise ValueError("a string id has no entry")
    # each entry: its id (4 bytes), its length with the final NUL (4 bytes), the bytes
    raw = np.frombuffer(data, np.uint8)
    where = at + offsets + 4
    if len(where) and where.max() + 4 > len(raw):
        raise ValueError("a string entry lies past the end of the file")
    lengths = sum(raw[where + k].astype(np.int64) << (8 * k) for k in range(4))
    if len(lengths) and lengths.min() < 1:
        raise ValueError("a string entry has no length")
    if len(lengths) and (where + 4 + lengths).max() > len(raw):
        raise ValueError("a string entry lies past the end of the file")
    # all entries' bytes, NULs included, in id order: decoded at once, cut at the NULs
    first = np.repeat(where + 4 - (np.cumsum(lengths) - lengths), lengths)
    strings = raw[first + np.arange(len(first))].tobytes().decode("utf-8").split("\0")[:-1]
    if len(strings) != size:
        raise ValueError("a string entry holds a NUL or lacks its final one")
    return strings


def read_model(path: Path | str) -> CRFWeights:
    """Read a crfsuite CRF model file (``lCRF``/``FOMC``, as python-crfsuite writes it).

    Raises:
        ModelError: The file cannot be read or is not a crfsuite CRF model.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
        magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs = \
            struct.unpack_from("<4sI4s7I", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a crfsuite CRF model")
        chunk, _, n_feat = struct.unpack_from("<4sII", data, off_feat)
        if chunk != b"FEAT":
            raise ValueError("no feature table")
        feats = np.frombuffer(data, _FEATURE, n_feat, off_feat + 12)
        labels = tuple(_cqdb_strings(data, off_labels))
        attrs = _cqdb_strings(data, off_attrs)
    except (OSError, ValueError, struct.error, UnicodeDecodeError) as exc:
        raise ModelError(f"cannot read NER model {path}: {exc}") from None
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ModelError(f"NER model {path}: {len(labels)} labels and {len(attrs)} attributes read, "
                         f"{n_labels} and {n_attrs} expected")
    state = np.zeros((n_attrs, n_labels))
    transitions = np.zeros((n_labels, n_labels))
    for kind, table in ((_STATE, state), (_TRANSITION, transitions)):
        part = feats[feats["type"] == kind]
        if len(part) and (part["src"].max() >= table.shape[0] or part["dst"].max() >= n_labels):
            raise ModelError(f"NER model {path}: a feature refers to an unknown label or attribute")
        cells = part["src"].astype(np.intp) * n_labels + part["dst"]   # a feature listed twice adds up
        table += np.bincount(cells, weights=part["weight"], minlength=table.size).reshape(table.shape)
    return CRFWeights(labels, dict(zip(attrs, range(len(attrs)))), state, transitions)


def _padded(scores: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Stack sequences of state scores, longest first, into ``(longest, labels, batch)``.

    Labels lead each position's ``(labels, batch)`` block, so that maxima and
    sums over labels are reductions over the first axis, numpy's fast ones.
    Longest first, the sequences still running at position *t* are the first
    ``active[t]``, and each step computes only those.

    Returns:
        The stacked scores, their lengths (in stacked order), ``order`` (the
        stacked column of each sequence) and ``active``.
    """
    given = np.array([len(s) for s in scores], dtype=np.intp)
    by_length = np.argsort(-given, kind="stable")
    lengths = given[by_length]
    longest = int(lengths[0]) if len(lengths) else 0
    out = np.zeros((longest, scores[0].shape[1] if scores else 0, len(scores)))
    order = np.empty_like(by_length)
    order[by_length] = np.arange(len(by_length))
    if longest:   # every row of every sequence to its position and column, in one assignment
        starts = np.repeat(np.cumsum(given) - given, given)
        out[np.arange(len(starts)) - starts, :, np.repeat(order, given)] = np.concatenate(scores)
    active = np.searchsorted(-lengths, -np.arange(longest), side="left")   # lengths > t
    return out, lengths, order, active


def viterbi(scores: Sequence[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The best label path of each sequence.

    Args:
        scores: Per sequence, its state scores ``(length, labels)``.
        transitions: Label-to-label weights ``(labels, labels)``.

    Returns:
        Per sequence, its label ids (an empty array for an empty sequence).
    """
    if not scores:
        return []
    s, lengths, order, active = _padded(scores)             # (longest, labels, batch)
    longest, _, batch = s.shape
    if not longest:
        return [np.zeros(0, dtype=int) for _ in scores]
    alpha = np.empty_like(s)        # past a sequence's end its columns are left unset, unread
    alpha[0] = s[0]
    step = transitions[:, :, None]                            # (from, to, 1)
    for t in range(1, longest):
        a = active[t]
        alpha[t, :, :a] = (alpha[t - 1, :, None, :a] + step).max(axis=0) + s[t, :, :a]
    ends = np.maximum(lengths - 1, 0)
    label = alpha[ends, :, np.arange(batch)].argmax(axis=1)
    # Walk back all sequences at once: a sequence joins at its last position,
    # its label still the best last one; the best previous label is found
    # again for the label taken only.
    paths = np.zeros((longest, batch), dtype=int)
    for t in range(longest - 1, -1, -1):
        a = active[t]
        paths[t, :a] = label[:a]
        if t:
            label[:a] = (alpha[t - 1, :, :a] + transitions[:, label[:a]]).argmax(axis=0)
    return [paths[:lengths[b], b] for b in order.tolist()]


def marginals(scores: Sequence[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The probability of each label at each position (forward-backward).

    Args:
        scores: Per sequence, its state scores ``(length, labels)``.
        transitions: Label-to-label weights ``(labels, labels)``.

    Returns:
        Per sequence, ``(length, labels)`` probabilities; each row sums to 1.
    """
    if not scores:
        return []
    s, lengths, order, active = _padded(scores)             # (longest, labels, batch)
    longest, n_labels, _ = s.shape
    if not longest:
        return [np.zeros((0, n_labels)) for _ in scores]
    # Scaled probabilities, as crfsuite computes them: each position's state
    # scores are shifted by their maximum and each step renormalised.
    state = np.exp(s - s.max(axis=1, keepdims=True))
    trans = np.exp(transitions - transitions.max())
    forward, backward = trans.T.copy(), trans
    fwd = np.ones_like(state)
    fwd[0] = state[0] / state[0].sum(axis=0)
    for t in range(1, longest):
        a = active[t]
        f = (forward @ fwd[t - 1, :, :a]) * state[t, :, :a]
        fwd[t, :, :a] = f / f.sum(axis=0)
    bwd = np.ones_like(state)
    for t in range(longest - 2, -1, -1):
        a = active[t + 1]                   # a sequence's last position keeps 1
        b = backward @ (bwd[t + 1, :, :a] * state[t + 1, :, :a])
        bwd[t, :, :a] = b / b.sum(axis=0)
    prob = fwd * bwd
    prob /= prob.sum(axis=1, keepdims=True)
    return [prob[:lengths[b], :, b] for b in order.tolist()]


def side_by_side(models: Sequence[CRFWeights]) -> CRFWeights:
    """One attribute index over several models, their state columns side by side.

    Scoring an item once against the result gives every model's scores: the
    columns of the first model, then those of the second, and so on (the
    transitions are placed block-diagonally and are not meant for decoding).
    """
    attributes: dict[str, int] = {}
    for m in models:
        for a in m.attributes:
            attributes.setdefault(a, len(attributes))
    widths = [len(m.labels) for m in models]
    state = np.zeros((len(attributes), sum(widths)))
    transitions = np.zeros((sum(widths), sum(widths)))
    col = 0
    for m, w in zip(models, widths):
        rows = np.fromiter((attributes[a] for a in m.attributes), dtype=np.intp, count=len(m.attributes))
        state[rows, col:col + w] = m.state
        transitions[col:col + w, col:col + w] = m.transitions
        col += w
    return CRFWeights(tuple(lab for m in models for lab in m.labels), attributes, state, transitions)


def add_scores(scores: np.ndarray, items: Iterable[Sequence[str]], weights: CRFWeights) -> None:
    """Add to row *k* of *scores* the state weights of the *k*-th item's features, in place."""
    flat: list[str] = []
    counts: list[int] = []
    for item in items:
        flat += item
        counts.append(len(item))
    if flat:
        _add_rows(scores, flat, np.repeat(np.arange(len(counts)), counts), weights)


def add_indexed(scores: np.ndarray, features: Sequence[str], rows: Sequence[int], weights: CRFWeights) -> None:
    """Add to row ``rows[k]`` of *scores* the state weights of ``features[k]``, for every *k*, in place."""
    if features:
        _add_rows(scores, features, np.fromiter(rows, dtype=np.intp, count=len(features)), weights)


def _add_rows(scores: np.ndarray, features: Sequence[str], at: np.ndarray, weights: CRFWeights) -> None:
    """Add the weights of each of *features* to row *at* of *scores*; unknown features add nothing.

    One ``bincount`` per label sums a token's weights wherever its features
    stand in the list, without sorting them by token first.
    """
    found = np.fromiter(map(weights.attributes.get, features, repeat(-1)), dtype=np.intp, count=len(features))
    known = found >= 0
    found, at = found[known], at[known]
    if not len(found):
        return
    n = scores.shape[0]
    for label, row in enumerate(weights.by_label):
        scores[:, label] += np.bincount(at, weights=row[found], minlength=n)
