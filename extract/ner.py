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

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Sequence

from ..errors import ModelError
from .ner_features import DATA_DIR, document_features, load_resources, stack_features, token_infos

__all__ = ["Recognizer", "CRFRecognizer", "model_attributes", "propagate_spans", "CamelBertRecognizer", "BACKENDS", "get_recognizer"]

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

    @classmethod
    @abstractmethod
    def pretrained(cls) -> "Recognizer":
        """Load the backend's default model.

        Raises:
            ModelError: The model is not installed or cannot be read.
        """


def _open_tagger(path: Path):
    import pycrfsuite

    if not path.is_file():
        raise ModelError(f"NER model not found: {path} (train it with scripts/train_ner.py)")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load NER model {path}: {exc}") from None
    return tagger


def model_attributes(path: Path) -> frozenset[str]:
    """The attributes a crfsuite model has weights for, read from its file.

    ``Tagger.info()`` gives the same set by dumping the whole model as text
    (seconds); this reads the model's attribute dictionary (a CQDB) directly.

    Raises:
        ModelError: The file is not a crfsuite CRF model.
    """
    import struct

    try:
        data = Path(path).read_bytes()
        magic, _, kind, _, _, _, count, _, _, at = struct.unpack_from("<4sI4s7I", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a crfsuite CRF model")
        chunk, _, _, _, size, table = struct.unpack_from("<4s5I", data, at)
        if chunk != b"CQDB":
            raise ValueError("no attribute dictionary")
        out = set()
        for offset in struct.unpack_from(f"<{size}I", data, at + table):
            if offset:
                _, length = struct.unpack_from("<II", data, at + offset)
                start = at + offset + 8
                out.add(data[start:start + length - 1].decode("utf-8"))
    except (OSError, ValueError, struct.error, UnicodeDecodeError) as exc:
        raise ModelError(f"cannot read the attributes of NER model {path}: {exc}") from None
    if len(out) != count:
        raise ModelError(f"NER model {path}: {len(out)} attributes read, {count} expected")
    return frozenset(out)


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

    Args:
        model_path: A python-crfsuite model file (the first pass).
        data_dir: Directory of the cue-word file, optional gazetteer and clusters.
        stack_path: The second-pass model; by default ``<model>_stack.crfsuite``
            beside *model_path* when that file exists; ``None`` for one pass.

    Raises:
        ModelError: A model file is missing or not a crfsuite model.
    """

    propagate = False   # spread multi-token ORG/PERS spans over the text (propagate_spans)

    def __init__(self, model_path: Path | str = MODEL_PATH, *, data_dir: Path | str = DATA_DIR,
                 stack_path: Path | str | None = "auto", propagate: bool | None = None):
        path = Path(model_path)
        if propagate is not None:
            self.propagate = propagate
        self._tagger = _open_tagger(path)
        if stack_path == "auto":
            sibling = path.with_name(path.stem + STACK_SUFFIX + path.suffix)
            stack_path = sibling if sibling.is_file() else None
        self._stack = _open_tagger(Path(stack_path)) if stack_path is not None else None
        self.stack_path = Path(stack_path) if stack_path is not None else None
        try:
            self._resources = load_resources(data_dir)
        except OSError as exc:
            raise ModelError(f"cannot read NER word lists in {data_dir}: {exc}") from None
        self._words: dict = {}   # word -> token info and features, kept across texts
        self._words_of = self._resources
        self._known: frozenset[str] | None = None   # attributes either model knows, read on first use
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
        sentences = [list(s) for s in sentences]
        if self._words_of is not self._resources:   # word lists swapped (scripts/train_ner.py)
            self._words, self._words_of = {}, self._resources
        if self._known is None:
            self._known = model_attributes(self.model_path) | (
                model_attributes(self.stack_path) if self.stack_path is not None else frozenset())
        infos = token_infos(sentences, self._resources, cache=self._words, known=self._known)
        feats = document_features(sentences, self._resources, infos=infos)
        first: list[list[str]] = []
        confidence: list[list[float]] = []
        for f in feats:
            tags = self._tagger.tag(f) if f else []
            first.append(tags)
            if self._stack is not None:
                confidence.append([self._tagger.marginal(t, i) for i, t in enumerate(tags)])
        if self._stack is None:
            return propagate_spans(sentences, first) if self.propagate else first
        extra = stack_features(sentences, first, self._resources, confidence=confidence, infos=infos)
        out = []
        for f, e in zip(feats, extra):
            for a, b in zip(f, e):
                a += b          # the first pass is done with f: extend in place
            out.append(self._stack.tag(f) if f else [])
        return propagate_spans(sentences, out) if self.propagate else out


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
