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
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, product
from operator import itemgetter
from pathlib import Path
from typing import AbstractSet, Iterable, Mapping, Sequence

from camel_tools.utils.normalize import (
    normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar)

__all__ = [
    "DATA_DIR", "NEIGHBOURS", "FeatureResources", "normalize", "split_affixes", "word_shape",
    "load_triggers", "load_gazetteer", "load_clusters", "load_given_names", "load_resources",
    "sentence_features", "token_infos", "stem_places", "document_features", "context_features",
    "known_pairs", "stack_features", "stack_context_features", "LABEL_FEATURES", "CONFIDENCE",
]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TRIGGERS_PATH = DATA_DIR / "ner_triggers.tsv"
CLUSTERS_NAME = "ner_clusters.tsv"
GIVEN_NAMES_NAME = "given_names.tsv"

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
NEIGHBOURS = (-2, -1, 1, 2)   # offsets of the words whose features a token also gets


@dataclass(frozen=True)
class FeatureResources:
    """Word lists the features consult, all in :func:`normalize`\\ d form.

    Attributes:
        triggers: Normalized cue word -> kind (``title``, ``place``, ``org``…).
        proclitics: Proclitics, longest first.
        suffixes: Suffixes, longest first.
        gazetteer: Tuple of normalized tokens -> coarse type (``PERS``…).
        clusters: ``n:`` + normalized word or ``st:`` + stem -> cluster ids,
            coarse to fine (see :func:`load_clusters`).
        given_names: Normalized common given names (see :func:`load_given_names`).
    """

    triggers: dict[str, str] = field(default_factory=dict)
    proclitics: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()

    @cached_property
    def gazetteer_max(self) -> int:
        """The longest gazetteer name, in tokens."""
        return max(map(len, self.gazetteer), default=0)

    @cached_property
    def proclitic_lengths(self) -> tuple[tuple[int, ...], frozenset[str]]:
        """The lengths of the proclitics, longest first, and the proclitics as a set."""
        return _by_length(self.proclitics)

    @cached_property
    def suffix_lengths(self) -> tuple[tuple[int, ...], frozenset[str]]:
        """The lengths of the suffixes, longest first, and the suffixes as a set."""
        return _by_length(self.suffixes)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first tokens of the gazetteer's names."""
        return frozenset(k[0] for k in self.gazetteer)

    @cached_property
    def name_prefixes(self) -> dict[tuple[str, ...], str]:
        """Every leading part of the gazetteer's names, the whole names included, with
        its coarse type when it is a name itself, else ``""``."""
        return {k[:n]: self.gazetteer.get(k[:n], "") for k in self.gazetteer for n in range(1, len(k) + 1)}


def _by_length(affixes: Iterable[str]) -> tuple[tuple[int, ...], frozenset[str]]:
    return tuple(sorted({len(a) for a in affixes}, reverse=True)), frozenset(affixes)


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
    lengths, listed = resources.proclitic_lengths
    for k in lengths:   # at most one listed proclitic of each length can start the word
        if len(norm) - k >= _MIN_STEM + (1 if k == 1 else 0) and norm[:k] in listed:
            pre = norm[:k]
            break
    stem = norm[len(pre):]
    suf = ""
    lengths, listed = resources.suffix_lengths
    for k in lengths:
        if len(stem) - k >= _MIN_STEM + 1 and stem[-k:] in listed:
            suf = stem[-k:]
            break
    return pre, stem, suf


def word_shape(word: str) -> str:
    """Coarse shape of a token.

    Returns:
        One of ``arabic``, ``latin``, ``digit``, ``punct``, or a ``+``-joined
        mix such as ``arabic+digit``.
    """
    return _SHAPES[_ARABIC.search(word) is not None, _LATIN.search(word) is not None,
                   _DIGIT.search(word) is not None]


# word_shape's answer by whether the word holds an Arabic letter, a Latin letter, a digit
_SHAPES = {found: "+".join(name for name, f in zip(("arabic", "latin", "digit"), found) if f) or "punct"
           for found in product((False, True), repeat=3)}


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
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        rows = (line.split("\t") for line in lines if line.strip() and not line.startswith("#"))
        return {kind + ":" + word: tuple(ids) for kind, word, *ids in rows}
    except (OSError, UnicodeDecodeError, ValueError):
        return {}


def load_given_names(path: Path | str = DATA_DIR / GIVEN_NAMES_NAME) -> frozenset[str]:
    """Read the common given names (a TSV file with a ``name`` column).

    Args:
        path: The TSV file.

    Returns:
        The names, :func:`normalize`\\ d; none if the file cannot be read.
    """
    try:
        rows = _read_tsv(Path(path))
    except (OSError, UnicodeDecodeError, csv.Error):
        return frozenset()
    return frozenset(normalize(name) for row in rows if (name := (row.get("name") or "").strip()))


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
    given = load_given_names(data_dir / GIVEN_NAMES_NAME)
    return FeatureResources(triggers, proclitics, suffixes, gaz, cl, given)


def _gazetteer_tags(stems: Sequence[str], norms: Sequence[str], res: FeatureResources,
                    firsts: set[str] | frozenset[str] | None = None) -> list[str]:
    """Longest-match gazetteer B-/I- marks; the first token may carry a proclitic.

    *firsts*, the first tokens of the gazetteer's names, lets positions no
    name can start at be skipped.
    """
    if firsts is None:
        firsts = res.first_words
    marks = [""] * len(norms)
    starts = [i for i, (n, st) in enumerate(zip(norms, stems)) if n in firsts or st in firsts]
    for i, size, typ in _gazetteer_names(stems, norms, res, starts):
        marks[i:i + size] = _gazetteer_marks(typ, size)
    return marks


def _gazetteer_names(stems: Sequence[str] | Mapping[int, str], norms: Sequence[str], res: FeatureResources,
                     starts: Iterable[int]) -> list[tuple[int, int, str]]:
    """The gazetteer names, longest match first, that start at one of *starts*
    (in order): ``(first token, tokens, coarse type)``; *stems* is read at *starts* only."""
    prefix, size = res.name_prefixes.get, len(norms)
    out = []
    end = 0   # the token after the last name found
    for i in starts:
        if i < end:
            continue
        best, typ = 0, ""   # the longest name, read with the whole first word before its stem
        for head in (norms[i], stems[i]) if norms[i] != stems[i] else (norms[i],):
            name, j = (head,), i + 1
            while (found := prefix(name)) is not None:
                if found and len(name) > best:
                    best, typ = len(name), found
                if j == size:
                    break
                name += (norms[j],)
                j += 1
        if best:
            out.append((i, best, typ))
            end = i + best
    return out


def _token_info(word: str, res: FeatureResources) -> dict:
    """What the features need of one word type, feature strings included.

    ``own`` holds the features that depend on the word alone, ``nb[off]`` the
    ones it gives a token *off* places away (before and after its gazetteer mark).
    """
    norm = normalize(word)
    pre, stem, suf = split_affixes(norm, res)
    shape = word_shape(word)
    tw = norm if norm in res.triggers else stem if stem in res.triggers else "ال" + stem
    trig = res.triggers.get(norm) or res.triggers.get(stem)
    if not trig and pre.endswith("ال"):
        trig = res.triggers.get("ال" + stem)
    trig = trig or ""
    cl = res.clusters.get("n:" + norm) or res.clusters.get("st:" + stem) or ()
    own = ["bias", "n=" + norm, "st=" + stem, "pc=" + pre, "sf=" + suf, "sh=" + shape,
           "len=" + str(min(len(stem), 8))]
    given = norm in res.given_names or stem in res.given_names
    if given:
        own.append("gn")
    n, m = min(len(norm) - 1, 4), min(len(stem) - 1, 3)   # prefixes and suffixes shorter than the word
    own += [_AFFIX_NAMES[0][k] + norm[:k + 1] for k in range(n)]
    own += [_AFFIX_NAMES[1][k] + norm[-k - 1:] for k in range(n)]
    own += [_AFFIX_NAMES[2][k] + stem[-k - 1:] for k in range(m)]
    padded = f"<{stem}>"
    own += ["g3=" + padded[j:j + 3] for j in range(len(padded) - 2)]
    own += [f"c{k}={c}" for k, c in enumerate(cl)]
    nb = {}
    for off, (n_, st_, pc_, tr_, sh_, sf_, s2_, gn_) in _NEIGHBOUR_NAMES.items():
        near = (n_ + norm, st_ + stem, pc_ + pre, tr_ + trig) if trig else (n_ + norm, st_ + stem, pc_ + pre)
        far = (sh_ + shape, sf_ + suf, s2_ + norm[-2:]) if sh_ else ()
        if sh_ and given:
            far += (gn_,)
        nb[off] = (near, far)
    ncl = {off: f"{off}:c1={cl[1]}" for off in (-1, 1)} if len(cl) > 1 else None
    nisba = pre.endswith("ال") and suf in ("ي", "يه")
    # Everything the word brings wherever it stands: its own features (0), and
    # those it gives the token `off` places before it (that token's neighbour at +off).
    gives = {0: tuple(own) + (("tr=" + trig,) if trig else ()) + (("nisba",) if nisba else ())}
    for off in NEIGHBOURS:
        gives[off] = nb[off][0] + nb[off][1] + ((ncl[off],) if ncl and off in ncl else ())
    return {"n": norm, "pre": pre, "stem": stem, "suf": suf, "shape": shape, "gn": given, "trig": trig,
            "cl": cl, "tw": tw if trig else "", "own": tuple(own), "nb": nb, "ncl": ncl,
            "gives": gives, "nisba": nisba, "definite": pre.endswith(("ال", "لل")),
            "win": "win=" + trig if trig else "", "wino": "wino=" + tw if trig == "org" else "",
            # the stem under which other occurrences are looked for ("" for none), and
            # what the word tells an occurrence of a stem it precedes / follows
            "key": stem if len(stem) >= _DOC_MIN and shape != "digit" else "",
            # where stem_places files the word: its key, or (stem,) for a number ("" for neither)
            "place": (stem if len(stem) >= _DOC_MIN else "") if shape != "digit" else (stem,),
            "as_prev": ("dprevtr=" + trig if trig else "", "dprev=" + stem),
            "as_next": ("dnexttr=" + trig if trig else "", "dnext=" + stem),
            # whether _context_runs has anything to say of the word itself, and
            # whether a gazetteer name may start at it
            "runs": bool(trig) or nisba or pre.endswith(("ال", "لل")),
            "gzfirst": norm in res.first_words or stem in res.first_words}


# The names of the prefix (p1..p4), suffix (s1..s4) and stem-suffix (ss1..ss3)
# features with their "=", by length - 1; and by offset those a word gives its
# neighbours (the shape, suffix, last letters and given-name ones only at ±1).
_AFFIX_NAMES = tuple(tuple(f"{name}{k}=" for k in range(1, 5)) for name in ("p", "s", "ss"))
_NEIGHBOUR_NAMES = {off: (f"{off}:n=", f"{off}:st=", f"{off}:pc=", f"{off}:tr=")
                    + ((f"{off}:sh=", f"{off}:sf=", f"{off}:s2=", f"{off}:gn") if abs(off) == 1 else ("",) * 4)
                    for off in NEIGHBOURS}


def token_infos(sentences: Sequence[Sequence[str]], resources: FeatureResources, *,
                cache: dict | None = None, cache_size: int = 50_000) -> list[list[dict]]:
    """Per-token info of consecutive sentences, shared by both feature passes.

    Args:
        sentences: Token lists, in text order.
        resources: Cue words, affixes, gazetteer and clusters.
        cache: Word -> info, kept by the caller across calls (made with the
            same *resources*); ``None`` for a cache of this call only.
        cache_size: The cache is emptied when it holds this many words.

    Returns:
        Per sentence, one info dict per token (shared between equal words:
        read them, do not change them).
    """
    if cache is None:
        cache = {}
    get = cache.get
    out = []
    for s in sentences:
        info = list(map(get, s))
        if None in info:
            for k, x in enumerate(info):
                if x is None:
                    word = s[k]
                    x = get(word)
                    if x is None:
                        if len(cache) >= cache_size:
                            cache.clear()
                        x = cache[word] = _token_info(word, resources)
                    info[k] = x
        out.append(info)
    return out


def sentence_features(tokens: Sequence[str], resources: FeatureResources) -> list[list[str]]:
    """Features of every token of one sentence, seen on its own.

    Args:
        tokens: The sentence's tokens, in order.
        resources: Cue words, affixes and gazetteer (see :func:`load_resources`).

    Returns:
        One list of ``name=value`` strings per token.
    """
    return document_features([tokens], resources)[0]


def stem_places(infos: list[list[dict]]) -> dict[str, tuple[list[int], list[tuple[int, int]]]]:
    """Where each looked-up stem of a text occurs, for the stems that occur more than once.

    Args:
        infos: :func:`token_infos` of the text's sentences.

    Returns:
        Stem -> (sentence numbers, ``(sentence, token)`` places), both in text
        order; a stem found once has no other occurrence to read and is left out
        (unless a number has it too). A number has no place of its own but
        looks its stem up: ``(stem,)`` -> the same of the numbers with a stem
        listed.
    """
    keys = [list(map(_PLACE, info)) for info in infos]
    counts = Counter(chain.from_iterable(keys))   # in order of first occurrence
    # numbers (filed under (stem,)) have no place of their own but look stems up
    out: dict[str | tuple[str], tuple[list[int], list[tuple[int, int]]]] = {
        key: ([], []) for key, n in counts.items() if type(key) is str and key and (n > 1 or (key,) in counts)}
    out.update((key, ([], [])) for key in counts if type(key) is tuple and key[0] in out)
    for si, sentence in enumerate(keys):
        for ti in compress(range(len(sentence)), map(out.__contains__, sentence)):
            sis, places = out[sentence[ti]]
            sis.append(si)
            places.append((si, ti))
    return out


_PLACE = itemgetter("place")


def _near(entry, si: int, window: int) -> list[tuple]:
    """The places of *entry* (from :func:`stem_places`) within *window* sentences of *si*, in order."""
    sis, places = entry
    if si - window <= sis[0] and sis[-1] <= si + window:
        return places
    return places[bisect_left(sis, si - window):bisect_right(sis, si + window)]


def document_features(sentences: Sequence[Sequence[str]], resources: FeatureResources,
                      *, window: int = _DOC_WINDOW, infos: list[list[dict]] | None = None,
                      words: bool = True, places: dict | None = None) -> list[list[list[str]]]:
    """Features of every token of consecutive sentences of one text.

    Besides :func:`sentence_features`, a token gets the neighbouring words and
    cue kinds of the other occurrences of its stem within *window* sentences,
    so ``رامسفيلد`` alone can borrow from an earlier ``دونالد رامسفيلد``.

    Args:
        sentences: Token lists, in text order.
        resources: Cue words, affixes and gazetteer.
        window: How many sentences either side count as context.
        infos: :func:`token_infos` of *sentences*, when already made.
        words: Include the features a word brings wherever it stands (the
            ``gives`` of its :func:`token_infos` entry: its own features and
            those it gives its neighbours); ``False`` leaves them to a caller
            that has their weights cached, and lists the rest in no set order.
        places: :func:`stem_places` of *infos*, when already made.

    Returns:
        Per sentence, one list of ``name=value`` strings per token.
    """
    if infos is None:
        infos = token_infos(sentences, resources)
    where = stem_places(infos) if places is None else places
    if not words:
        return _per_token(infos, *context_features(infos, resources, window=window, places=where))
    firsts = resources.first_words
    out = []
    for si, info in enumerate(infos):
        feats = _features(info, resources, firsts)
        for ti, x in enumerate(info):
            entry = where.get(x["stem"])
            if entry is not None:
                feats[ti] += _doc_context(infos, _near(entry, si, window), si, ti)
        out.append(feats)
    return out


def _doc_context(infos, places, si: int, ti: int) -> list[str]:
    """Context words of the other occurrences of a stem near sentence *si*."""
    seen: set[str] = set()
    add = seen.add
    for sj, tj in places:
        if sj == si and tj == ti:
            continue
        info = infos[sj]
        add("doc")
        if tj:
            kind, word = info[tj - 1]["as_prev"]
            if kind:
                add(kind)
            if len(seen) < _DOC_WORDS:
                add(word)
        if tj + 1 < len(info):
            kind, word = info[tj + 1]["as_next"]
            if kind:
                add(kind)
            if len(seen) < _DOC_WORDS:
                add(word)
    return sorted(seen)


_DOC_WORDS = _DOC_MAX * 2   # past this many features, only cue kinds are added


def _org_chains(info: list[dict]) -> tuple[list[bool], list[int], list[int]]:
    """Definiteness, organisation chains and definite runs of a sentence.

    ``chain[i]`` is the distance from the nearest organisation cue noun to
    token *i* when every token between them (and *i*) is definite, as in
    «وزارة الخارجية الأمريكية» (at most ``_CHAIN`` tokens), else 0.
    ``dchain[i]`` counts the definite tokens running up to and including *i*.
    """
    definite = [x["definite"] for x in info]
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


_EDGE = {off: (f"{off}:BOS" if off < 0 else f"{off}:EOS") for off in NEIGHBOURS}


def _features(info: list[dict], resources: FeatureResources,
              firsts: set[str] | None = None) -> list[list[str]]:
    """Sentence-local features from precomputed token info, in training order."""
    size = len(info)
    gaz = (_gazetteer_tags([x["stem"] for x in info], [x["n"] for x in info], resources, firsts)
           if resources.gazetteer else [""] * size)
    definite, chain, dchain = _org_chains(info)
    out = []
    for i, x in enumerate(info):
        n = x["n"]
        f = list(x["own"])
        for off in (-1, 1):
            if 0 <= i + off < size and info[i + off]["ncl"] is not None:
                f.append(info[i + off]["ncl"][off])
        if i == 0:
            f.append("first")
        if i == size - 1:
            f.append("last")
        if x["trig"]:
            f.append("tr=" + x["trig"])
        if gaz[i]:
            f.append("gz=" + gaz[i])
        if x["nisba"]:
            f.append("nisba")
            if i and info[i - 1]["trig"]:
                f.append("nisba|after=" + info[i - 1]["trig"])
        # A nisba adjective next to the word («بنفيكا البرتغالي», «المغربي مبارك»),
        # with whether the word itself is definite.
        if i + 1 < size and info[i + 1]["nisba"]:
            f.append("+1nisba|def=" + str(definite[i]))
        if i and info[i - 1]["nisba"]:
            f.append("-1nisba|def=" + str(definite[i]))
        for off in NEIGHBOURS:
            j = i + off
            if not 0 <= j < size:
                f.append(_EDGE[off])
                continue
            near, far = info[j]["nb"][off]
            f += near
            if gaz[j]:
                f.append(f"{off}:gz={gaz[j]}")
            f += far
        for j in range(max(0, i - _WINDOW), i):
            if info[j]["trig"]:
                f.append("win=" + info[j]["trig"])
        for j in range(max(0, i - _WINDOW), i):
            if info[j]["trig"] == "org":
                f.append("wino=" + info[j]["tw"])
        if chain[i]:
            f += [f"och={min(chain[i], 3)}", "och|end" if not chain[i + 1:i + 2] or not chain[i + 1]
                  else "och|mid"]
        if x["trig"] == "org" and i + 1 < size:
            f.append("otr|+1def=" + str(definite[i + 1]))
        if definite[i]:
            f.append(f"dc={min(dchain[i], 3)}")
        if i:
            f.append(f"-1|0={info[i - 1]['n']}|{n}")
        if i + 1 < size:
            f.append(f"0|+1={n}|{info[i + 1]['n']}")
        out.append(f)
    return out


_DC = {k: f"dc={k}" for k in (1, 2, 3)}
_OCH = {k: f"och={k}" for k in (1, 2, 3)}
# Whether a word is definite (True or False), as the feature that tells it: of the word
# before a nisba, of the word after one, and (given to the cue) of the word after an organisation cue
_BEFORE_NISBA, _AFTER_NISBA, _AFTER_ORG_CUE = ({d: f"{name}={d}" for d in (False, True)}
                                               for name in ("+1nisba|def", "-1nisba|def", "otr|+1def"))


def known_pairs(attributes: Iterable[str]) -> dict[str, frozenset[str]]:
    """The word pairs (``-1|0=`` and ``0|+1=`` features) among *attributes*, a
    model's: left word -> the words after it, for :func:`context_features`.

    A pair whose words hold ``|`` is listed under every way of reading it.
    """
    out: dict[str, set[str]] = {}
    for name in filter(_PAIR_NAME.match, attributes):
        pair = name.partition("=")[2]
        k = pair.find("|")
        while k >= 0:
            out.setdefault(pair[:k], set()).add(pair[k + 1:])
            k = pair.find("|", k + 1)
    return _KnownPairs((left, frozenset(right)) for left, right in out.items())


_PAIR_NAME = re.compile(r"0\|\+1=|-1\|0=")


class _KnownPairs(dict):
    """What :func:`known_pairs` returns: a dict that also keeps its pairs as ``(left, right)`` tuples."""

    @cached_property
    def both(self) -> frozenset[tuple[str, str]]:
        return _pair_set(self)


def _pair_set(pairs: Mapping[str, AbstractSet[str]]) -> frozenset[tuple[str, str]]:
    """Left word -> right words as a set of ``(left, right)`` tuples."""
    return frozenset((left, right) for left, rights in pairs.items() for right in rights)


def _context_runs(info: list[dict], resources: FeatureResources, base: int, flat: list[str], owner: list[int],
                  pairs: AbstractSet[tuple[str, str]] | None = None) -> None:
    """Append to *flat* the features :func:`_features` gives minus each word's
    ``gives``, and to *owner* the token each is for (its index plus *base*);
    only the word pairs *pairs* holds (``(left, right)`` tuples), when it is given.

    The same features by other means: each cue word, nisba, gazetteer name and
    sentence edge hands its features to the tokens around it, so a token with
    none of them near costs only its two word pairs, made a sentence at a time.
    """
    size = len(info)
    if not size:
        return
    orgs = False   # whether an organisation cue starts a chain
    edges, at_edge = _edges(size)
    flat += edges
    owner += map(base.__add__, at_edge)
    norms = list(map(_NORM, info))
    if pairs is None:
        joined = [a + "|" + b for a, b in zip(norms, norms[1:])]
        flat += ["0|+1=" + pair for pair in joined]
        owner += range(base, base + size - 1)
        flat += ["-1|0=" + pair for pair in joined]
        owner += range(base + 1, base + size)
    else:
        for i in compress(range(size - 1), map(pairs.__contains__, zip(norms, norms[1:]))):
            pair = norms[i] + "|" + norms[i + 1]
            flat += ("0|+1=" + pair, "-1|0=" + pair)
            owner += (base + i, base + i + 1)
    add, at = flat.append, owner.append
    run, last = 0, -2   # the definite run, and the last definite token
    # only the words that are definite, nisba adjectives or cue words say anything here
    for i in compress(range(size), map(_RUNS, info)):
        x = info[i]
        if x["definite"]:
            run = run + 1 if last == i - 1 else 1
            last = i
            add(_DC[min(run, 3)])
            at(base + i)
        if x["nisba"]:
            if i:
                if info[i - 1]["trig"]:
                    add("nisba|after=" + info[i - 1]["trig"])
                    at(base + i)
                add(_BEFORE_NISBA[info[i - 1]["definite"]])
                at(base + i - 1)
            if i + 1 < size:
                add(_AFTER_NISBA[info[i + 1]["definite"]])
                at(base + i + 1)
        if x["trig"]:
            after = min(_WINDOW, size - i - 1)   # the tokens within the cue's window
            if x["wino"]:
                flat += (x["win"], x["wino"]) * after
                owner += map((base + i).__add__, _WINDOW_AT[after])
            else:
                flat += (x["win"],) * after
                owner += range(base + i + 1, base + i + 1 + after)
            if x["wino"] and i + 1 < size:
                add(_AFTER_ORG_CUE[info[i + 1]["definite"]])
                at(base + i)
            if x["wino"]:
                orgs = True
    if orgs:
        _, chain, _ = _org_chains(info)
        for i, c in enumerate(chain):
            if c:
                flat += (_OCH[min(c, 3)], "och|end" if i + 1 == size or not chain[i + 1] else "och|mid")
                owner += (base + i, base + i)
    starts = list(compress(range(size), map(_GZFIRST, info)))
    if starts and resources.gazetteer:
        stems = {i: info[i]["stem"] for i in starts}
        for i, n, typ in _gazetteer_names(stems, norms, resources, starts):
            for j, mark in enumerate(_gazetteer_marks(typ, n), i):
                own, given = _gazetteer_features(mark)
                if 2 <= j < size - 2:   # every neighbour there (NEIGHBOURS: ±1, ±2)
                    flat += own
                    owner += map((base + j).__sub__, _GIVE_AT)
                    continue
                add(own[0])
                at(base + j)
                for off, feature in given:
                    if 0 <= j - off < size:
                        add(feature)
                        at(base + j - off)


@lru_cache(maxsize=None)
def _gazetteer_marks(typ: str, size: int) -> tuple[str, ...]:
    """The marks of the tokens of a gazetteer name of *size* tokens and type *typ*."""
    return ("B-" + typ,) + ("I-" + typ,) * (size - 1)


_NORM, _STEM, _RUNS, _GZFIRST = map(itemgetter, ("n", "stem", "runs", "gzfirst"))
# For an organisation cue giving two features to each of the n tokens after it:
# their offsets from the cue, by n.
_WINDOW_AT = [tuple(j for j in range(1, n + 1) for _ in (0, 1)) for n in range(_WINDOW + 1)]


@lru_cache(maxsize=None)
def _gazetteer_features(mark: str) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """The features a gazetteer *mark* (``B-LOC``…) gives: its token's and its
    neighbours' (offsets :data:`_GIVE_AT`) in one tuple, and the neighbours' by offset."""
    given = tuple((off, f"{off}:gz={mark}") for off in NEIGHBOURS)
    return ("gz=" + mark, *(feature for _, feature in given)), given


_GIVE_AT = (0, *NEIGHBOURS)   # the token a feature of _gazetteer_features goes to, counted back


@lru_cache(maxsize=256)
def _edges(size: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The sentence-edge features of a sentence of *size* tokens, and the token each is for."""
    flat, owner = ["first", "last"], [0, size - 1]
    for off, edge in _EDGE.items():
        near = range(min(-off, size)) if off < 0 else range(max(size - off, 0), size)
        flat += [edge] * len(near)
        owner += near
    return tuple(flat), tuple(owner)


def _per_token(infos: list[list[dict]], flat: list[str], owner: list[int]) -> list[list[list[str]]]:
    """A flat feature list with each feature's token (counted across the
    sentences of *infos*) as one list per token, per sentence."""
    tokens: list[list[str]] = [[] for info in infos for _ in info]
    for feature, k in zip(flat, owner):
        tokens[k].append(feature)
    it = iter(tokens)
    return [[next(it) for _ in info] for info in infos]


def context_features(infos: list[list[dict]], resources: FeatureResources, *, window: int = _DOC_WINDOW,
                     places: dict | None = None, base: int = 0,
                     flat: list[str] | None = None, owner: list[int] | None = None,
                     pairs: Mapping[str, AbstractSet[str]] | None = None) -> tuple[list[str], list[int]]:
    """The features :func:`document_features` gives with ``words=False``, as one flat list.

    Args:
        infos: :func:`token_infos` of a text's sentences.
        resources: Cue words, affixes and gazetteer.
        window: How many sentences either side count as context.
        places: :func:`stem_places` of *infos*, when already made.
        base: Added to every token index (the text's first token among several texts).
        flat, owner: Lists to append to (new ones by default).
        pairs: Left word -> right words (:func:`known_pairs` of a model): only
            these word pairs are listed, the others being unknown to the model;
            ``None`` lists them all. What :func:`known_pairs` returns also
            keeps the pairs as tuples; another mapping is turned into them at
            each call.

    Returns:
        *flat*, the feature strings, and *owner*, for each the index of its
        token counted across the sentences (plus *base*), in no set order.
    """
    flat = [] if flat is None else flat
    owner = [] if owner is None else owner
    where = stem_places(infos) if places is None else places
    both = None if pairs is None else pairs.both if isinstance(pairs, _KnownPairs) else _pair_set(pairs)
    starts = []   # each sentence's first token, plus base
    for info in infos:
        starts.append(base)
        _context_runs(info, resources, base, flat, owner, both)
        base += len(info)
    for _, members in _lookups(where, window):
        for si, ti, _, seen in members:
            found = _doc_context(infos, seen, si, ti)
            flat += found
            owner += [starts[si] + ti] * len(found)
    return flat, owner


def _etype(tag: str) -> str:
    """``B-PERS`` -> ``PERS``; ``O`` (or anything else) -> ``O``."""
    return tag[2:] if len(tag) > 2 and tag[1] == "-" else "O"


def _span_roles(tags: Sequence[str]) -> dict[int, tuple[str, str]]:
    """Token index -> (entity type, role) for the entities of one tag sequence.

    The role is ``s`` (single-token entity), ``b``, ``m`` or ``e`` (first,
    middle, last token of a longer one).
    """
    roles: dict[int, tuple[str, str]] = {}
    start, typ, last = None, "", -1   # the entity open, its type, the last token not O
    for ti in [ti for ti, tag in enumerate(tags) if tag != "O"]:
        tag = tags[ti]
        if start is not None and not (ti == last + 1 and tag.startswith("I-") and _etype(tag) == typ):
            _set_roles(roles, start, last + 1, typ)
            start = None
        if start is None:
            start, typ = ti, _etype(tag)
        last = ti
    if start is not None:
        _set_roles(roles, start, last + 1, typ)
    return roles


def _set_roles(roles: dict[int, tuple[str, str]], start: int, end: int, typ: str) -> None:
    """Give tokens *start* to *end* (exclusive), an entity of type *typ*, their roles."""
    if end - start == 1:
        roles[start] = (typ, "s")
        return
    roles[start] = (typ, "b")
    for k in range(start + 1, end - 1):
        roles[k] = (typ, "m")
    roles[end - 1] = (typ, "e")


# Second-pass features read off the first pass's labels alone: name, and the
# offsets of the labels joined (with "|") into the value; "_" outside the sentence.
LABEL_FEATURES = (("p1", (0,)), ("p1-2", (-2,)), ("p1-1", (-1,)), ("p11", (1,)), ("p12", (2,)),
                  ("p1-1|0", (-1, 0)), ("p10|+1", (0, 1)))
# The first pass's confidence in a label (its marginal probability): above each bound, its name.
CONFIDENCE = ((0.9, "hi"), (0.6, "mid"), (float("-inf"), "lo"))


def _confidence(p: float) -> str:
    return next(name for bound, name in CONFIDENCE if p > bound)


def stack_features(sentences: Sequence[Sequence[str]], first_pass: Sequence[Sequence[str]],
                   resources: FeatureResources, *,
                   confidence: Sequence[Sequence[float]] | None = None,
                   window: int = _STACK_WINDOW, infos: list[list[dict]] | None = None,
                   labels: bool = True, places: dict | None = None) -> list[list[list[str]]]:
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
        infos: :func:`token_infos` of *sentences*, when already made.
        labels: Include the features read off the labels around the token
            alone (:data:`LABEL_FEATURES` and the confidence); ``False``
            leaves them to a caller that looks their weights up in a table.
        places: :func:`stem_places` of *infos*, when already made.

    Returns:
        Per sentence, one list of ``name=value`` strings per token.
    """
    if infos is None:
        infos = token_infos(sentences, resources)
    where = stem_places(infos) if places is None else places
    if not labels:
        return _per_token(infos, *stack_context_features(infos, first_pass, window=window, places=where))
    roles = [_span_roles(tags) for tags in first_pass]
    out = []
    for si, (info, tags) in enumerate(zip(infos, first_pass)):
        sent = []
        padded = ["_", "_"] + list(tags) + ["_", "_"]
        for ti, x in enumerate(info):
            t = tags[ti]
            f = [name + "=" + "|".join(padded[ti + 2 + off] for off in offsets)
                 for name, offsets in LABEL_FEATURES] if labels else []
            entry = where.get(x["stem"])
            if entry is not None:
                f += _stack_context(_near(entry, si, window), si, ti, t, roles)
            if confidence is not None and labels:
                f.append(f"p1c={_confidence(confidence[si][ti])}|{t}")
            sent.append(f)
        out.append(sent)
    return out


def stack_context_features(infos: list[list[dict]], first_pass: Sequence[Sequence[str]], *,
                           window: int = _STACK_WINDOW, places: dict | None = None, base: int = 0,
                           flat: list[str] | None = None, owner: list[int] | None = None
                           ) -> tuple[list[str], list[int]]:
    """The features :func:`stack_features` gives with ``labels=False``, as one flat list.

    Args:
        infos: :func:`token_infos` of a text's sentences.
        first_pass: One IOB2 tag list per sentence, from the first CRF.
        window: How many sentences either side count as the same text.
        places: :func:`stem_places` of *infos*, when already made.
        base: Added to every token index (the text's first token among several texts).
        flat, owner: Lists to append to (new ones by default).

    Returns:
        *flat*, the feature strings, and *owner*, for each the index of its
        token counted across the sentences (plus *base*).
    """
    flat = [] if flat is None else flat
    owner = [] if owner is None else owner
    where = stem_places(infos) if places is None else places
    roles = [_span_roles(tags) for tags in first_pass]
    starts = list(accumulate(map(len, infos[:-1]), initial=base))   # each sentence's first token
    for entry, members in _lookups(where, window):
        places = entry[1]
        if not any(roles[sj].get(tj) for sj, tj in places):
            # no occurrence in an entity: only how many others there are counts
            for si, ti, own, seen in members:
                found = (_NO_ENTITY[min(len(places) - own, 4)] if seen is places
                         else _stack_context(seen, si, ti, "O", roles))
                flat += found
                owner += [starts[si] + ti] * len(found)
            continue
        for si, ti, _, seen in members:
            found = _stack_context(seen, si, ti, first_pass[si][ti], roles)
            flat += found
            owner += [starts[si] + ti] * len(found)
    return flat, owner


# _stack_context of a token whose stem's n others (up to 4) are all outside entities
_NO_ENTITY = ((), ("dn=1", "dent=0"), ("dn=2", "dent=0"), ("dn=2", "dent=0"), ("dn=4", "dent=0"))


def _lookups(where: dict, window: int):
    """Per stem of *where* (:func:`stem_places`) that tokens look up: its entry,
    and the tokens that look it up (its places, then the numbers with that stem),
    each as ``(sentence, token, 1 if one of the places else 0, the places within
    window)``; the last is the entry's list itself when all are."""
    for stem, entry in where.items():
        if type(stem) is not str:
            continue
        sis, places = entry
        lo, hi = sis[-1] - window, sis[0] + window   # a token in a sentence between them sees all places
        numbers = where.get((stem,))
        members = [(si, ti, 1, places if lo <= si <= hi else _near(entry, si, window)) for si, ti in places]
        if numbers:
            members += [(si, ti, 0, places if lo <= si <= hi else _near(entry, si, window))
                        for si, ti in numbers[1]]
        yield entry, members


def _stack_context(places, si: int, ti: int, tag: str, roles_of: list[dict]) -> list[str]:
    """How the first pass labelled the other occurrences (*places*) of a stem
    (*roles_of*: per sentence, :func:`_span_roles` of its first-pass tags)."""
    n = 0
    counts: dict[str, int] = {}     # entity type -> occurrences, in order of first occurrence
    roles: set[str] = set()
    before = False
    for sj, tj in places:
        if sj == si and tj == ti:
            continue
        n += 1
        span = roles_of[sj].get(tj)
        if span is not None:
            typ, role = span
            counts[typ] = counts.get(typ, 0) + 1
            roles.add(typ + role)
            before = before or (sj, tj) < (si, ti)
    if not n:
        return []
    ent = sum(counts.values())
    f = ["dn=" + ("1" if n == 1 else "2" if n <= 3 else "4"),
         "dent=" + ("0" if not ent else "all" if ent == n else "most" if ent * 2 >= n else "few")]
    if ent:
        maj = max(counts, key=counts.__getitem__)
        f += ["dmaj=" + maj, f"dmaj|p1={maj}|{_etype(tag)}"]
        f += ["drole=" + r for r in sorted(roles)]
        if before:
            f.append("dbefore=" + maj)
    return f
