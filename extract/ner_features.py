"""Token features for the statistical named-entity recogniser.

Pure functions: a sentence (a list of token strings) and a
:class:`FeatureResources` go in, one list of string features per token comes
out, in the form python-crfsuite takes. Every Arabic word the features know
about (titles, place and organization cues, clitics, suffixes) is read from
``data/ner_triggers.tsv``; an optional gazetteer is read from
``data/gazetteer*.tsv`` when one exists.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from camel_tools.utils.normalize import (
    normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar)

__all__ = [
    "DATA_DIR", "FeatureResources", "normalize", "split_affixes", "word_shape",
    "load_triggers", "load_gazetteer", "load_clusters", "load_resources", "sentence_features",
    "document_features", "stack_features",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
TRIGGERS_PATH = DATA_DIR / "ner_triggers.tsv"
CLUSTERS_NAME = "ner_clusters.tsv"

# Arabic diacritics (fathatan..sukun, superscript alef) and tatweel. Same set as
# camel_tools' AR_DIAC_CHARSET, kept as a regex because importing
# camel_tools.utils.charsets costs about a second.
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile(r"\d")
_AFFIX_KINDS = ("proclitic", "suffix")
_WINDOW = 3          # how far back a title or cue word still counts
_CHAIN = 4           # longest run of definite words after an organisation cue
_MIN_STEM = 2        # shortest stem left after removing a proclitic
_DOC_WINDOW = 8      # sentences either side that count as the same document
_DOC_MIN = 3         # shortest stem whose other occurrences are looked at
_DOC_MAX = 6         # most context words taken from other occurrences
_STACK_WINDOW = 100  # sentences either side whose first-pass labels the second pass reads


@dataclass(frozen=True)
class FeatureResources:
    """Word lists the features consult, all in :func:`normalize`\\ d form.

    Attributes:
        triggers: Normalized cue word -> kind (``title``, ``place``, ``org``…).
        proclitics: Proclitics, longest first.
        suffixes: Suffixes, longest first.
        gazetteer: Tuple of normalized tokens -> coarse type (``PERS``…).
        gazetteer_max: Longest gazetteer name, in tokens.
        clusters: ``n:`` + normalized word or ``st:`` + stem -> cluster ids,
            coarse to fine (see :func:`load_clusters`).
    """

    triggers: dict[str, str] = field(default_factory=dict)
    proclitics: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    gazetteer_max: int = 0
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)


def normalize(word: str) -> str:
    """Dediacritize and normalize alef, alef maksura and teh marbuta.

    Args:
        word: A token.

    Returns:
        The normalized token; Latin letters are lower-cased.
    """
    word = _DIACRITICS.sub("", word)
    word = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(word)))
    return word.lower()


def split_affixes(norm: str, resources: FeatureResources) -> tuple[str, str, str]:
    """Split a normalized word into proclitic, stem and suffix.

    The longest listed proclitic is removed when at least two letters remain
    (three for a one-letter proclitic); then the longest listed suffix is
    split off under the same condition. Nothing is removed from non-Arabic words.

    Args:
        norm: A word in :func:`normalize`\\ d form.
        resources: Supplies the proclitic and suffix lists.

    Returns:
        ``(proclitic, stem, suffix)``; the three concatenate back to *norm*.
    """
    if not _ARABIC.search(norm):
        return "", norm, ""
    pre = ""
    for p in resources.proclitics:
        need = _MIN_STEM + (1 if len(p) == 1 else 0)
        if norm.startswith(p) and len(norm) - len(p) >= need:
            pre = p
            break
    stem = norm[len(pre):]
    suf = ""
    for s in resources.suffixes:
        if stem.endswith(s) and len(stem) - len(s) >= _MIN_STEM + 1:
            suf = s
            break
    return pre, stem, suf


def word_shape(word: str) -> str:
    """Coarse shape of a token.

    Returns:
        One of ``arabic``, ``latin``, ``digit``, ``punct``, or a ``+``-joined
        mix such as ``arabic+digit``.
    """
    parts = [name for name, rx in (("arabic", _ARABIC), ("latin", _LATIN), ("digit", _DIGIT))
             if rx.search(word)]
    return "+".join(parts) if parts else "punct"


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_triggers(path: Path | str = TRIGGERS_PATH) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """Read the cue-word file (columns ``kind`` and ``word``).

    Args:
        path: The TSV file.

    Returns:
        ``(triggers, proclitics, suffixes)``: cue word -> kind, and the
        affix lists longest first, all normalized.

    Raises:
        OSError: The file cannot be read.
    """
    triggers: dict[str, str] = {}
    affixes: dict[str, set[str]] = {k: set() for k in _AFFIX_KINDS}
    for row in _read_tsv(Path(path)):
        kind, word = (row.get("kind") or "").strip(), normalize((row.get("word") or "").strip())
        if not kind or not word:
            continue
        if kind in affixes:
            affixes[kind].add(word)
        else:
            triggers.setdefault(word, kind)
    order = lambda items: tuple(sorted(items, key=lambda s: (-len(s), s)))  # noqa: E731
    return triggers, order(affixes["proclitic"]), order(affixes["suffix"])


def _coarse_type(name: str) -> str:
    name = name.strip().lower()
    for prefix, coarse in (("per", "PERS"), ("org", "ORG"), ("loc", "LOC"), ("gpe", "LOC"),
                           ("country", "LOC"), ("city", "LOC"), ("region", "LOC"),
                           ("place", "LOC")):
        if name.startswith(prefix):
            return coarse
    return name.upper() or "MISC"


def load_gazetteer(paths: Iterable[Path | str]) -> dict[tuple[str, ...], str]:
    """Read gazetteer TSV files with a header holding ``type`` and ``ar``.

    ``ar`` holds ``|``-separated spellings. Files or rows that do not fit are
    skipped, so a missing or half-written gazetteer only weakens the features.

    Args:
        paths: TSV files.

    Returns:
        Tuple of normalized tokens -> coarse type (``PERS``, ``LOC``, ``ORG``…).
    """
    names: dict[tuple[str, ...], str] = {}
    for path in paths:
        try:
            rows = _read_tsv(Path(path))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
        for row in rows:
            typ, spellings = row.get("type"), row.get("ar")
            if not typ or not spellings:
                continue
            for spelling in spellings.split("|"):
                key = tuple(normalize(t) for t in spelling.split())
                if key:
                    names.setdefault(key, _coarse_type(typ))
    return names


def load_clusters(path: Path | str) -> dict[str, tuple[str, ...]]:
    """Read a word-cluster file (written by ``scripts/train_ner.py``).

    Each line is ``kind<TAB>word<TAB>id<TAB>id…`` where *kind* is ``n`` (a
    normalized word) or ``st`` (a stem), and the ids go from coarse to fine;
    ``#`` lines are comments. A missing or unreadable file gives no clusters.

    Args:
        path: The TSV file.

    Returns:
        ``kind:word`` -> cluster ids.
    """
    out: dict[str, tuple[str, ...]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                kind, word, *ids = line.rstrip("\n").split("\t")
                out[kind + ":" + word] = tuple(ids)
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return out


def load_resources(data_dir: Path | str = DATA_DIR, *, gazetteer: bool = True,
                   clusters: bool = True) -> FeatureResources:
    """Load the cue words and, if present, the gazetteer and clusters from *data_dir*.

    Args:
        data_dir: Directory holding ``ner_triggers.tsv``, ``gazetteer*.tsv``
            and ``ner_clusters.tsv``.
        gazetteer: Whether to read the gazetteer files.
        clusters: Whether to read the word clusters.

    Returns:
        The resources for :func:`sentence_features`.

    Raises:
        OSError: ``ner_triggers.tsv`` cannot be read.
    """
    data_dir = Path(data_dir)
    triggers, proclitics, suffixes = load_triggers(data_dir / "ner_triggers.tsv")
    gaz = load_gazetteer(sorted(data_dir.glob("gazetteer*.tsv"))) if gazetteer else {}
    cl = load_clusters(data_dir / CLUSTERS_NAME) if clusters else {}
    return FeatureResources(triggers, proclitics, suffixes, gaz, max((len(k) for k in gaz), default=0), cl)


def _gazetteer_tags(stems: Sequence[str], norms: Sequence[str], res: FeatureResources) -> list[str]:
    """Longest-match gazetteer B-/I- marks; the first token may carry a proclitic."""
    marks = [""] * len(norms)
    i = 0
    while i < len(norms):
        for n in range(min(res.gazetteer_max, len(norms) - i), 0, -1):
            rest = tuple(norms[i + 1:i + n])
            typ = res.gazetteer.get((norms[i],) + rest) or res.gazetteer.get((stems[i],) + rest)
            if typ:
                marks[i] = "B-" + typ
                for j in range(i + 1, i + n):
                    marks[j] = "I-" + typ
                i += n
                break
        else:
            i += 1
    return marks


def _token_info(word: str, res: FeatureResources) -> dict[str, str]:
    norm = normalize(word)
    pre, stem, suf = split_affixes(norm, res)
    tw = norm if norm in res.triggers else stem if stem in res.triggers else "ال" + stem
    trig = res.triggers.get(norm) or res.triggers.get(stem)
    if not trig and pre.endswith("ال"):
        trig = res.triggers.get("ال" + stem)
    cl = res.clusters.get("n:" + norm) or res.clusters.get("st:" + stem) or ()
    return {"n": norm, "pre": pre, "stem": stem, "suf": suf,
            "shape": word_shape(word), "trig": trig or "", "cl": cl, "tw": tw if trig else ""}


def sentence_features(tokens: Sequence[str], resources: FeatureResources) -> list[list[str]]:
    """Features of every token of one sentence, seen on its own.

    Args:
        tokens: The sentence's tokens, in order.
        resources: Cue words, affixes and gazetteer (see :func:`load_resources`).

    Returns:
        One list of ``name=value`` strings per token.
    """
    return document_features([tokens], resources)[0]


def document_features(sentences: Sequence[Sequence[str]], resources: FeatureResources,
                      *, window: int = _DOC_WINDOW) -> list[list[list[str]]]:
    """Features of every token of consecutive sentences of one text.

    Besides :func:`sentence_features`, a token gets the neighbouring words and
    cue kinds of the other occurrences of its stem within *window* sentences,
    so ``رامسفيلد`` alone can borrow from an earlier ``دونالد رامسفيلد``.

    Args:
        sentences: Token lists, in text order.
        resources: Cue words, affixes and gazetteer.
        window: How many sentences either side count as context.

    Returns:
        Per sentence, one list of ``name=value`` strings per token.
    """
    infos = [[_token_info(t, resources) for t in s] for s in sentences]
    where: dict[str, list[tuple[int, int]]] = {}
    for si, info in enumerate(infos):
        for ti, x in enumerate(info):
            if len(x["stem"]) >= _DOC_MIN and x["shape"] != "digit":
                where.setdefault(x["stem"], []).append((si, ti))
    out = []
    for si, info in enumerate(infos):
        feats = _features(info, resources)
        for ti, x in enumerate(info):
            feats[ti] += _doc_context(infos, where.get(x["stem"], ()), si, ti, window)
        out.append(feats)
    return out


def _doc_context(infos, places, si: int, ti: int, window: int) -> list[str]:
    """Context words of the other occurrences of a stem near sentence *si*."""
    seen: set[str] = set()
    for sj, tj in places:
        if abs(sj - si) > window or (sj, tj) == (si, ti):
            continue
        info = infos[sj]
        seen.add("doc")
        for off, name in ((-1, "dprev"), (1, "dnext")):
            if 0 <= tj + off < len(info):
                y = info[tj + off]
                if y["trig"]:
                    seen.add(f"{name}tr={y['trig']}")
                if len(seen) < _DOC_MAX * 2:
                    seen.add(f"{name}={y['stem']}")
    return sorted(seen)


def _is_definite(x: dict) -> bool:
    return x["pre"].endswith("ال") or x["pre"].endswith("لل")


def _org_chains(info: list[dict]) -> tuple[list[bool], list[int], list[int]]:
    """Definiteness, organisation chains and definite runs of a sentence.

    ``chain[i]`` is the distance from the nearest organisation cue noun to
    token *i* when every token between them (and *i*) is definite, as in
    «وزارة الخارجية الأمريكية» (at most ``_CHAIN`` tokens), else 0.
    ``dchain[i]`` counts the definite tokens running up to and including *i*.
    """
    definite = [_is_definite(x) for x in info]
    chain, dchain = [0] * len(info), [0] * len(info)
    start = None
    for i, x in enumerate(info):
        dchain[i] = dchain[i - 1] + 1 if definite[i] and i else int(definite[i])
        if start is not None and definite[i] and i - start <= _CHAIN:
            chain[i] = i - start
        else:
            start = None
        if x["trig"] == "org":
            start = i
    return definite, chain, dchain


def _features(info: list[dict[str, str]], resources: FeatureResources) -> list[list[str]]:
    """Sentence-local features from precomputed token info."""
    gaz = (_gazetteer_tags([x["stem"] for x in info], [x["n"] for x in info], resources)
           if resources.gazetteer else [""] * len(info))
    definite, chain, dchain = _org_chains(info)
    out = []
    for i, x in enumerate(info):
        n, stem = x["n"], x["stem"]
        f = ["bias", "n=" + n, "st=" + stem, "pc=" + x["pre"],
             "sf=" + x["suf"], "sh=" + x["shape"], "len=" + str(min(len(stem), 8))]
        f += [f"p{k}={n[:k]}" for k in range(1, 5) if len(n) > k]
        f += [f"s{k}={n[-k:]}" for k in range(1, 5) if len(n) > k]
        f += [f"ss{k}={stem[-k:]}" for k in (1, 2, 3) if len(stem) > k]
        padded = f"<{stem}>"
        f += ["g3=" + padded[j:j + 3] for j in range(len(padded) - 2)]
        f += [f"c{k}={c}" for k, c in enumerate(x["cl"])]
        for off in (-1, 1):
            if 0 <= i + off < len(info) and len(info[i + off]["cl"]) > 1:
                f.append(f"{off}:c1={info[i + off]['cl'][1]}")
        if i == 0:
            f.append("first")
        if i == len(info) - 1:
            f.append("last")
        if x["trig"]:
            f.append("tr=" + x["trig"])
        if gaz[i]:
            f.append("gz=" + gaz[i])
        if x["pre"].endswith("ال") and x["suf"] in ("ي", "يه"):
            f.append("nisba")
            if i and info[i - 1]["trig"]:
                f.append("nisba|after=" + info[i - 1]["trig"])
        for off in (-2, -1, 1, 2):
            j = i + off
            if not 0 <= j < len(info):
                f.append(f"{off}:BOS" if j < 0 else f"{off}:EOS")
                continue
            y = info[j]
            f += [f"{off}:n={y['n']}", f"{off}:st={y['stem']}", f"{off}:pc={y['pre']}"]
            if y["trig"]:
                f.append(f"{off}:tr={y['trig']}")
            if gaz[j]:
                f.append(f"{off}:gz={gaz[j]}")
            if abs(off) == 1:
                f += [f"{off}:sh={y['shape']}", f"{off}:sf={y['suf']}", f"{off}:s2={y['n'][-2:]}"]
        for j in range(max(0, i - _WINDOW), i):
            if info[j]["trig"]:
                f.append("win=" + info[j]["trig"])
        for j in range(max(0, i - _WINDOW), i):
            if info[j]["trig"] == "org":
                f.append("wino=" + info[j]["tw"])
        if chain[i]:
            f += [f"och={min(chain[i], 3)}", "och|end" if not chain[i + 1:i + 2] or not chain[i + 1]
                  else "och|mid"]
        if x["trig"] == "org" and i + 1 < len(info):
            f.append("otr|+1def=" + str(definite[i + 1]))
        if definite[i]:
            f.append(f"dc={min(dchain[i], 3)}")
        if i:
            f.append(f"-1|0={info[i - 1]['n']}|{n}")
        if i + 1 < len(info):
            f.append(f"0|+1={n}|{info[i + 1]['n']}")
        out.append(f)
    return out


def _etype(tag: str) -> str:
    """``B-PERS`` -> ``PERS``; ``O`` (or anything else) -> ``O``."""
    return tag[2:] if len(tag) > 2 and tag[1] == "-" else "O"


def _span_roles(tags: Sequence[str]) -> dict[int, tuple[str, str]]:
    """Token index -> (entity type, role) for the entities of one tag sequence.

    The role is ``s`` (single-token entity), ``b``, ``m`` or ``e`` (first,
    middle, last token of a longer one).
    """
    roles: dict[int, tuple[str, str]] = {}
    start = None
    for ti, tag in enumerate(list(tags) + ["O"]):
        if start is not None and not (tag.startswith("I-") and _etype(tag) == _etype(tags[start])):
            for k in range(start, ti):
                role = "s" if ti - start == 1 else "b" if k == start else "e" if k == ti - 1 else "m"
                roles[k] = (_etype(tags[start]), role)
            start = None
        if tag != "O" and ti < len(tags) and (tag.startswith("B-") or start is None):
            start = ti
    return roles


def _confidence(p: float) -> str:
    return "hi" if p > 0.9 else "mid" if p > 0.6 else "lo"


def stack_features(sentences: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]],
                   resources: FeatureResources, *,
                   confidence: Sequence[Sequence[float]] | None = None,
                   window: int = _STACK_WINDOW) -> list[list[list[str]]]:
    """Second-pass features read off a first pass over the same text.

    For each token: its first-pass label (with the first pass's confidence in
    it, when given), its neighbours' labels, and how the first pass labelled
    the other occurrences of its stem within *window* sentences — how many
    there are, how many were inside an entity, the commonest entity type, and
    whether the token was the single word, first, middle or last word of such
    an entity. So a surname standing alone can borrow the ``PERS`` of the
    full name three sentences earlier. Add these to :func:`document_features`.

    Args:
        sentences: Token lists, in text order.
        first_pass: One IOB2 tag list per sentence, from the first CRF.
        resources: Cue words, affixes, gazetteer and clusters.
        confidence: Per token, the first pass's marginal probability of its tag.
        window: How many sentences either side count as the same text.

    Returns:
        Per sentence, one list of ``name=value`` strings per token.
    """
    infos = [[_token_info(t, resources) for t in s] for s in sentences]
    where: dict[str, list[tuple[int, int, str, str]]] = {}
    for si, (info, tags) in enumerate(zip(infos, first_pass)):
        roles = _span_roles(tags)
        for ti, x in enumerate(info):
            if len(x["stem"]) >= _DOC_MIN and x["shape"] != "digit":
                typ, role = roles.get(ti, ("O", ""))
                where.setdefault(x["stem"], []).append((si, ti, typ, role))
    out = []
    for si, (info, tags) in enumerate(zip(infos, first_pass)):
        sent = []
        for ti, x in enumerate(info):
            t = tags[ti]
            f = ["p1=" + t]
            for off in (-2, -1, 1, 2):
                j = ti + off
                f.append(f"p1{off}=" + (tags[j] if 0 <= j < len(tags) else "_"))
            f.append("p1-1|0=" + (tags[ti - 1] if ti else "_") + "|" + t)
            f.append("p10|+1=" + t + "|" + (tags[ti + 1] if ti + 1 < len(tags) else "_"))
            counts: Counter = Counter()
            roles: set[str] = set()
            before = False
            for sj, tj, typ, role in where.get(x["stem"], ()):
                if abs(sj - si) > window or (sj, tj) == (si, ti):
                    continue
                counts[typ] += 1
                if typ != "O":
                    roles.add(typ + role)
                    before = before or (sj, tj) < (si, ti)
            if counts:
                n = sum(counts.values())
                ent = n - counts["O"]
                f.append("dn=" + ("1" if n == 1 else "2" if n <= 3 else "4"))
                f.append("dent=" + ("0" if not ent else "all" if ent == n else
                                    "most" if ent * 2 >= n else "few"))
                if ent:
                    maj = max((k for k in counts if k != "O"), key=lambda k: counts[k])
                    f += ["dmaj=" + maj, f"dmaj|p1={maj}|{_etype(t)}"]
                    f += ["drole=" + r for r in sorted(roles)]
                    if before:
                        f.append("dbefore=" + maj)
            if confidence is not None:
                f.append(f"p1c={_confidence(confidence[si][ti])}|{t}")
            sent.append(f)
        out.append(sent)
    return out
