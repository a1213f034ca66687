"""Statistical named-entity recognisers: tokens in, IOB2 tags out.

Two interchangeable backends share :class:`Recognizer`:

* :class:`CRFRecognizer` — the shipped CRF models (``data/ner.crfsuite`` and
  its second pass ``data/ner_stack.crfsuite``, trained by
  ``scripts/train_ner.py`` on ANERcorp); small and fast, the default.
* :class:`CamelBertRecognizer` — CAMeL Tools' BERT tagger, when its model
  has been installed (``camel_data -i ner-arabert``) or is given by path.

Both tag with ``B-``/``I-`` over ``PERS``, ``LOC``, ``ORG`` and ``MISC``.
"""
from __future__ import annotations

import tomllib
from abc import ABC, abstractmethod
from itertools import accumulate, product
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np

from ...errors import ModelError
from .crf import CRFWeights, add_indexed, add_scores, marginals, read_model, side_by_side, viterbi
from .ner_features import (
    CONFIDENCE, DATA_DIR, LABEL_FEATURES, NEIGHBOURS, context_features, known_pairs, load_resources,
    stack_context_features, stem_places, token_infos)

__all__ = ["Recognizer", "CRFRecognizer", "entity_bias_vector", "propagate_spans", "CamelBertRecognizer", "BACKENDS", "get_recognizer"]

MODEL_PATH = DATA_DIR / "ner.crfsuite"
STACK_SUFFIX = "_stack"   # ner.crfsuite -> ner_stack.crfsuite, the second pass
STACK_PATH = MODEL_PATH.with_name(MODEL_PATH.stem + STACK_SUFFIX + MODEL_PATH.suffix)
_INSTALL_HINT = "install it with `camel_data -i ner-arabert` or pass the path of a model directory"


class Recognizer(ABC):
    """A named-entity tagger over pre-tokenized sentences."""

    @abstractmethod
    def tag(self, tokens: Sequence[str]) -> list[str]:
        """Tag one sentence.

        Args:
            tokens: The sentence's tokens.

        Returns:
            One IOB2 tag per token (``O``, ``B-PERS``, ``I-LOC``…).
        """

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag consecutive sentences of one text; backends may use the context.

        Args:
            sentences: Token lists, in text order.

        Returns:
            One tag list per sentence.
        """
        return [self.tag(s) for s in sentences]

    def tag_texts(self, texts: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        """Tag several texts at once; backends may batch the work.

        Args:
            texts: Per text, its token lists in text order.

        Returns:
            Per text, one tag list per sentence (as :meth:`tag_sentences`).
        """
        return [self.tag_sentences(t) for t in texts]

    @classmethod
    @abstractmethod
    def pretrained(cls) -> "Recognizer":
        """Load the backend's default model.

        Raises:
            ModelError: The model is not installed or cannot be read.
        """


def _settings(model_path: Path) -> dict:
    """The decoding settings in ``<model>.toml`` beside *model_path* (none if it is absent)."""
    path = model_path.with_suffix(".toml")
    if not path.is_file():
        return {}
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8")).get("decoding", {})
        bias = settings.get("entity_bias", 0.0)
        bias = {str(k): float(v) for k, v in bias.items()} if isinstance(bias, dict) else float(bias)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError, TypeError,
            ValueError) as exc:
        raise ModelError(f"cannot read NER model settings {path}: {exc}") from None
    return {"entity_bias": bias}


def entity_bias_vector(labels: Sequence[str], bias: float | Mapping[str, float]) -> np.ndarray:
    """Per label, the bias added to its score: *bias* for every entity label, or by type.

    Args:
        labels: IOB2 labels (``O``, ``B-ORG``…).
        bias: One number for every entity type, or entity type (``ORG``) -> number;
            types it does not name get 0.

    Returns:
        A vector over *labels*; ``O`` gets 0.
    """
    def of(label: str) -> float:
        if label == "O":
            return 0.0
        if isinstance(bias, Mapping):
            return float(bias.get(label.partition("-")[2], 0.0))
        return float(bias)
    return np.array([of(label) for label in labels])


def _per_text(texts: Sequence[Sequence], flat: Sequence) -> list[list]:
    """Cut *flat*, one entry per sentence of all *texts*, back into one list per text."""
    out, k = [], 0
    for t in texts:
        out.append(list(flat[k:k + len(t)]))
        k += len(t)
    return out


def _positions(sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Per token of all *sentences*, its place in its sentence and that sentence's length."""
    lengths = np.array([len(s) for s in sentences], dtype=np.intp)
    size = np.repeat(lengths, lengths)
    return np.arange(len(size)) - np.repeat(np.cumsum(lengths) - lengths, lengths), size


def _label_names(paths: Sequence[np.ndarray], labels: Sequence[str]) -> list[list[str]]:
    """Label *paths* (label ids, one array per sentence) as lists of label names."""
    return [[labels[i] for i in p.tolist()] for p in paths]


def _load(path: Path) -> CRFWeights:
    if not path.is_file():
        raise ModelError(f"NER model not found: {path} (train it with scripts/train_ner.py)")
    return read_model(path)


def propagate_spans(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], *,
                    types: Sequence[str] = ("ORG", "PERS"), min_len: int = 2) -> list[list[str]]:
    """Give an exact multi-token span the type it was tagged with elsewhere in the text.

    A span of at least *min_len* tokens tagged with one of *types* (and never
    with another type) is looked for in every sentence; where all its tokens
    were left ``O``, they get that type.

    Args:
        sentences: Token lists, in text order.
        tags: One IOB2 tag list per sentence.
        types: Entity types whose spans are spread.
        min_len: Shortest span, in tokens.

    Returns:
        New tag lists.
    """
    seen: dict[tuple[str, ...], set[str]] = {}
    for toks, tg in zip(sentences, tags):
        start = None
        for i, t in enumerate(list(tg) + ["O"]):
            if start is not None and not (t.startswith("I-") and t[2:] == tg[start][2:]):
                if i - start >= min_len:
                    seen.setdefault(tuple(toks[start:i]), set()).add(tg[start][2:])
                start = None
            if i < len(tg) and t.startswith("B-") or (t.startswith("I-") and start is None):
                start = i
    spans = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and next(iter(v)) in types}
    if not spans:
        return [list(t) for t in tags]
    longest = max(len(k) for k in spans)
    out = []
    for toks, tg in zip(sentences, tags):
        tg = list(tg)
        i = 0
        while i < len(toks):
            for n in range(min(longest, len(toks) - i), min_len - 1, -1):
                typ = spans.get(tuple(toks[i:i + n]))
                if typ and all(t == "O" for t in tg[i:i + n]) and (
                        i + n == len(tg) or not tg[i + n].startswith("I-")):
                    tg[i:i + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
                    i += n - 1
                    break
            i += 1
        out.append(tg)
    return out


class CRFRecognizer(Recognizer):
    """Conditional random field over the features of :mod:`.ner_features`.

    Tagging takes two passes when a second-pass model is there: the first CRF
    tags the text, then the second re-tags it with the first pass's labels of
    each word, its neighbours and the other occurrences of its stem in the
    text as extra features (:func:`.ner_features.stack_features`).

    The models are python-crfsuite files, decoded by :mod:`.crf`: the weights
    of the features a word brings wherever it stands are summed once per word
    and model and kept, so a text costs only the features of its contexts.

    Args:
        model_path: A python-crfsuite model file (the first pass).
        data_dir: Directory of the cue-word file, optional gazetteer and clusters.
        stack_path: The second-pass model; by default ``<model>_stack.crfsuite``
            beside *model_path* when that file exists; ``None`` for one pass.
        entity_bias: Added to the score of every entity label of the last
            pass before decoding (above 0: more entities, fewer missed), one
            number or one per type (``{"ORG": 0.4}``); by default the
            ``entity_bias`` of ``<model>.toml`` when that file exists
            (``scripts/train_ner.py`` chooses it on held-out data), else 0.

    Raises:
        ModelError: A model file is missing or not a crfsuite model, or its
            settings file cannot be read.
    """

    propagate = False   # spread multi-token ORG/PERS spans over the text (propagate_spans)
    cache_size = 50_000  # words whose features and summed weights are kept

    def __init__(self, model_path: Path | str = MODEL_PATH, *, data_dir: Path | str = DATA_DIR,
                 stack_path: Path | str | None = "auto", propagate: bool | None = None,
                 entity_bias: float | Mapping[str, float] | None = None):
        path = Path(model_path)
        if propagate is not None:
            self.propagate = propagate
        self._first = _load(path)
        if stack_path == "auto":
            sibling = path.with_name(path.stem + STACK_SUFFIX + path.suffix)
            stack_path = sibling if sibling.is_file() else None
        self._second = _load(Path(stack_path)) if stack_path is not None else None
        self.stack_path = Path(stack_path) if stack_path is not None else None
        self._both = side_by_side([self._first] + ([self._second] if self._second else []))
        self._pairs = known_pairs(self._both.attributes)   # the word pairs worth listing
        self.entity_bias = _settings(path).get("entity_bias", 0.0) if entity_bias is None else entity_bias
        last = self._second or self._first
        self._bias = entity_bias_vector(last.labels, self.entity_bias)
        try:
            self._resources = load_resources(data_dir)
        except OSError as exc:
            raise ModelError(f"cannot read NER word lists in {data_dir}: {exc}") from None
        self._words: dict = {}     # word -> token info, kept across texts
        self._weights: dict = {}   # word -> row of _table
        self._table = np.zeros((0, 1 + len(NEIGHBOURS), self._both.state.shape[1]))  # per word: the
        # summed weights (both models) of its own features and of those it gives each neighbour
        self._words_of = self._resources
        self._labels = self._label_tables() if self._second is not None else []
        self.model_path = path

    @classmethod
    def pretrained(cls) -> "CRFRecognizer":
        """Load the model shipped with Rawabit."""
        return cls(MODEL_PATH)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return self.tag_texts([sentences])[0]

    def tag_texts(self, texts: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        """Tag several texts; each is its own document context, the decoding is shared."""
        texts = [[list(s) for s in t] for t in texts]
        if self._words_of is not self._resources:   # word lists swapped (scripts/train_ner.py)
            self._words, self._weights, self._words_of = {}, {}, self._resources
        sentences = [s for t in texts for s in t]
        if not any(sentences):
            return [[[] for _ in t] for t in texts]
        infos = [token_infos(t, self._resources, cache=self._words, cache_size=self.cache_size)
                 for t in texts]
        pos, size = _positions(sentences)
        scores = self._word_scores(sentences, [x for i in infos for x in i], pos, size)
        places = [stem_places(i) for i in infos]
        starts = list(accumulate((sum(map(len, i)) for i in infos), initial=0))   # each text's first token
        features: list[str] = []
        rows: list[int] = []
        for i, p, base in zip(infos, places, starts):
            context_features(i, self._resources, places=p, base=base, flat=features, owner=rows,
                             pairs=self._pairs)
        add_indexed(scores, features, rows, self._both)
        cut = np.cumsum([len(s) for s in sentences])[:-1]
        width = len(self._first.labels)
        first_scores = np.split(scores[:, :width], cut)
        if self._second is None:
            first_scores = [self._biased(s) for s in first_scores]
        paths = viterbi(first_scores, self._first.transitions)
        first = _label_names(paths, self._first.labels)
        if self._second is not None:
            ids = np.concatenate(paths)
            confidence = np.concatenate(marginals(first_scores, self._first.transitions))[np.arange(len(ids)), ids]
            second_scores = scores[:, width:]
            self._add_label_scores(second_scores, ids, confidence, pos, size)
            features, rows = [], []
            for i, p, tags, base in zip(infos, places, _per_text(texts, first), starts):
                stack_context_features(i, tags, places=p, base=base, flat=features, owner=rows)
            add_indexed(second_scores, features, rows, self._second)
            paths = viterbi(np.split(self._biased(second_scores), cut), self._second.transitions)
            first = _label_names(paths, self._second.labels)
        out = _per_text(texts, first)
        return [propagate_spans(t, tags) for t, tags in zip(texts, out)] if self.propagate else out

    def _label_tables(self) -> list[tuple[tuple[int, ...], np.ndarray]]:
        """Per second-pass label feature, the offsets it reads and its weights (one row
        over the second pass's labels) for each combination of first-pass label ids (the
        last id standing for ``_``, outside the sentence) written in base ``labels + 1``;
        the confidence feature reads offset ``None``, the confidence band times the label
        id. A feature not in the model weighs 0."""
        names = list(self._first.labels) + ["_"]
        known = self._both.attributes
        state = self._both.state[:, len(self._first.labels):]
        def weights(features: Iterable[str]) -> np.ndarray:
            rows = np.array([known.get(f, -1) for f in features])
            return np.where((rows >= 0)[:, None], state[rows], 0.0)
        tables = []
        for name, offsets in LABEL_FEATURES:
            values = ("|".join(names[i] for i in ids) for ids in product(range(len(names)), repeat=len(offsets)))
            tables.append((offsets, weights(f"{name}={v}" for v in values)))
        bands = [f"p1c={band}|{label}" for _, band in CONFIDENCE for label in names]
        tables.append(((None,), weights(bands)))
        return tables

    def _add_label_scores(self, scores: np.ndarray, ids: np.ndarray, confidence: np.ndarray,
                          pos: np.ndarray, size: np.ndarray) -> None:
        """Add the weights of the second pass's :data:`.ner_features.LABEL_FEATURES` and
        confidence features, read off the first pass's label *ids* and its *confidence* in
        them (one of each per token), to *scores* (in place); *pos* and *size* as
        :func:`_positions` gives them."""
        pad = len(self._first.labels)
        base = pad + 1
        band = np.full(len(ids), len(CONFIDENCE) - 1)
        for k in range(len(CONFIDENCE) - 2, -1, -1):
            band[confidence > CONFIDENCE[k][0]] = k
        near: dict[int, np.ndarray] = {}   # offset -> the label id there, pad outside the sentence
        for offsets, _ in self._labels:
            for off in offsets:
                if off is not None and off not in near:
                    near[off] = np.full(len(ids), pad)
                    inside = np.flatnonzero((pos + off >= 0) & (pos + off < size))
                    near[off][inside] = ids[inside + off]
        for offsets, table in self._labels:
            combo = np.zeros(len(ids), dtype=np.intp)
            for off in offsets:
                combo = band * base + ids if off is None else combo * base + near[off]
            scores += table[combo]

    def _biased(self, scores: np.ndarray) -> np.ndarray:
        """*scores* of the last pass with :attr:`entity_bias` added to the entity labels."""
        return scores + self._bias if self._bias.any() else scores

    def _word_scores(self, sentences: list[list[str]], infos: list[list[dict]],
                     pos: np.ndarray, size: np.ndarray) -> np.ndarray:
        """Per token, the summed weights (both models) of its own and its neighbours' word-bound
        features; *pos* and *size* as :func:`_positions` gives them."""
        index = self._weights
        if len(index) >= self.cache_size:
            index.clear()
        words = [w for s in sentences for w in s]
        ids = list(map(index.get, words))
        if None in ids:
            tokens = [x for info in infos for x in info]
            new: dict[str, dict] = {}
            for k in [k for k, i in enumerate(ids) if i is None]:
                new.setdefault(words[k], tokens[k])
            self._add_words(new)
            ids = list(map(index.__getitem__, words))
        ids = np.array(ids, dtype=np.intp)
        table = self._table                            # (words, 1 + len(NEIGHBOURS), labels)
        scores = table[ids, 0]
        for k, off in enumerate(NEIGHBOURS, 1):
            # token i gets what the word at i + off gives a token `off` places away
            inside = np.flatnonzero((pos + off >= 0) & (pos + off < size))
            scores[inside] += table[ids[inside + off], k]
        return scores

    def _add_words(self, infos: dict[str, dict]) -> None:
        """Sum and keep the word-bound feature weights of new words (word -> token info)."""
        parts = 1 + len(NEIGHBOURS)
        items = []
        for x in infos.values():
            items.append(x["gives"][0])
            items += [x["gives"][off] for off in NEIGHBOURS]
        block = np.zeros((len(items), self._both.state.shape[1]))
        add_scores(block, items, self._both)
        start = len(self._weights)
        if start + len(infos) > len(self._table):     # grow by doubling
            grown = np.zeros((max(2 * len(self._table), start + len(infos)), parts, block.shape[1]))
            grown[:start] = self._table[:start]
            self._table = grown
        self._table[start:start + len(infos)] = block.reshape(len(infos), parts, -1)
        self._weights.update(zip(infos, range(start, start + len(infos))))


def _camel_ner():
    """Import camel_tools.ner; its import reads (or downloads) the data catalogue."""
    try:
        from camel_tools import ner
    except Exception as exc:  # DownloaderError, CatalogueError, ImportError, OSError…
        raise ModelError(f"CAMeL Tools NER is unavailable ({type(exc).__name__}: "
                         f"{str(exc).splitlines()[0] if str(exc) else 'no details'}); "
                         f"{_INSTALL_HINT}") from None
    return ner


class CamelBertRecognizer(Recognizer):
    """CAMeL Tools' BERT token classifier (``camel_tools.ner.NERecognizer``).

    Args:
        model_path: Directory of a BERT token-classification model
            (``config.json``, weights, ``vocab.txt``).
        use_gpu: Run on a GPU when one is available.

    Raises:
        ModelError: The directory is missing or holds no loadable model, or
            CAMeL Tools cannot be imported.
    """

    def __init__(self, model_path: Path | str, *, use_gpu: bool = False):
        path = Path(model_path)
        if not (path / "config.json").is_file():
            raise ModelError(f"no BERT NER model in {path} (config.json missing); {_INSTALL_HINT}")
        ner = _camel_ner()
        try:
            self._ner = ner.NERecognizer(str(path), use_gpu=use_gpu)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot load BERT NER model {path}: {str(exc).splitlines()[0]}") from None
        self.model_path = path

    @classmethod
    def pretrained(cls, *, use_gpu: bool = False) -> "CamelBertRecognizer":
        """Load CAMeL Tools' default NER model from the installed camel_data.

        Raises:
            ModelError: camel_data or its NER model is not installed.
        """
        ner = _camel_ner()
        try:
            component = ner.CATALOGUE.components["NamedEntityRecognition"]
            path = Path(component.datasets[component.default].path)
        except (KeyError, AttributeError):
            raise ModelError(f"the CAMeL Tools catalogue lists no NER model; {_INSTALL_HINT}") from None
        return cls(path, use_gpu=use_gpu)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._ner.predict_sentence(list(tokens)))

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        filled = [list(s) for s in sentences if s]
        tags = iter(self._ner.predict(filled)) if filled else iter(())
        return [list(next(tags)) if s else [] for s in sentences]


BACKENDS: dict[str, type[Recognizer]] = {"crf": CRFRecognizer, "camelbert": CamelBertRecognizer}


def get_recognizer(backend: str = "crf", model_path: Path | str | None = None) -> Recognizer:
    """Build a recognizer by backend name.

    Args:
        backend: A key of :data:`BACKENDS`.
        model_path: A model to load instead of the backend's default.

    Returns:
        The recognizer.

    Raises:
        ModelError: The backend is unknown or its model cannot be loaded.
    """
    try:
        cls = BACKENDS[backend]
    except KeyError:
        raise ModelError(f"unknown NER backend {backend!r}; choose from {', '.join(BACKENDS)}") from None
    return cls.pretrained() if model_path is None else cls(model_path)
