"""The extraction pipeline: an ordered list of components, each ``Doc -> Doc``.

>>> nlp = Pipeline.default()
>>> doc = nlp(article)            # sentences, mentions, facts, quotes of one article
>>> docs = list(nlp.pipe(articles))      # the same, a few articles at a time
>>> extraction = nlp.corpus(articles)   # all articles, entities linked across them

A component may also have ``pipe(docs) -> docs`` to handle a batch at once
(the statistical recogniser decodes a batch's sentences together).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any

from .reading.clitics import CliticSplitter
from .linking.descriptions import DescriptionBinder
from .reading.encoding import DEFAULT_MAX_BYTES
from .entities.gazetteer import Gazetteer
from .entities.geography import GeographyFinder
from .entities.headed_places import HeadedPlaces
from .grammar import WORDS
from .linking.groups import GroupFacts, PeopleGroups
from .linking.latter import Latter
from .linking.linker import Linker, Summary
from .entities.mentions import GazetteerMatcher
from .model import Article, Doc, Entity, EntityType, Extraction
from .entities.names import NameFinder
from .relations.quotes import QuoteFinder
from .reading.reader import ArticleFilter, ReadOptions, ReadReport
from .relations.finder import RelationFinder
from .resources import word_set
from .reading.sentences import split_sentences, tokenize
from .linking.short_names import ShortNames
from .relations.signatures import SignatureFilter
from .time.timing import FactDater
from .entities.titles import TitleParser

__all__ = ["Pipeline", "Segmenter"]

Component = Callable[[Doc], Doc]
BATCH_SIZE = 32   # articles extracted together by Pipeline.pipe (the recogniser decodes them at once)


class Segmenter:
    """Pipeline component: sentences and tokens (with proclitics split off known words)."""

    name = "segmenter"

    def __init__(self, splitter: CliticSplitter):
        self.splitter = splitter

    def __call__(self, doc: Doc) -> Doc:
        text = doc.article.text
        doc.sentences = [tokenize(text[s:e], s, n, split=self.splitter.split)
                         for n, (s, e) in enumerate(split_sentences(text))]
        return doc


class Pipeline:
    """Run components over articles.

    Args:
        components: Callables ``Doc -> Doc``, run in order.
        linker: Links entities across articles in :meth:`corpus`.
        factory: Builds the same pipeline afresh, for worker processes (set by
            :meth:`default`); without it, workers get a copy of this one.
    """

    def __init__(self, components: list[Component], linker: Linker | None = None, *,
                 factory: Callable[[], "Pipeline"] | None = None):
        self.components = components
        self.linker = linker or Linker()
        self.factory = factory

    @classmethod
    def default(cls, *, recognizer: Component | None = None, ner: bool = True,
                known: Iterable[Entity] = ()) -> "Pipeline":
        """The offline pipeline: gazetteer, titles, optional statistical NER, relations, quotes.

        Args:
            recognizer: A statistical mention finder run after the gazetteer
                (default: the shipped CRF, :class:`~.entities.recognizer.NerMentions`).
            ner: False to run without a statistical recogniser.
            known: Entities from earlier runs (a store being grown), for linking.
        """
        gaz = Gazetteer()
        stop_words = word_set("function_words.tsv")
        splitter = CliticSplitter(set())  # its lexicon is set below, from the components' words
        relations = RelationFinder(splitter, nisba=gaz.nisba)
        relations_lexicon = relations.lexicon()
        names = NameFinder(relations_lexicon | set(gaz.nisba))
        titles = TitleParser(gaz, splitter, names)
        names.add_stop(titles.lexicon())
        agent_nouns = word_set("agent_nouns.tsv")
        descriptions = DescriptionBinder(gaz, splitter)
        bodies = DescriptionBinder(gaz, splitter, kinds=frozenset({EntityType.ORGANIZATION}))
        groups = PeopleGroups(splitter)
        latter = Latter(splitter)
        splitter.lexicon = frozenset(gaz.lexicon() | titles.lexicon() | relations_lexicon | stop_words
                                     | agent_nouns | descriptions.lexicon() | groups.lexicon() | latter.lexicon()
                                     | WORDS.counterpart)   # «ونظيره»: و + نظيره, joined to a name before it
        parts: list[Component] = [Segmenter(splitter), GazetteerMatcher(gaz, splitter)]
        if recognizer is not None or ner:
            from .entities.recognizer import NerMentions
            parts.append(recognizer or NerMentions(names=names))
        parts += [HeadedPlaces(gaz, names), bodies, titles, ShortNames(gaz, splitter), descriptions, groups, latter,
                  relations, GroupFacts(groups), GeographyFinder(gaz), QuoteFinder(), SignatureFilter(gaz),
                  FactDater()]
        return cls(parts, Linker(gaz, known), factory=partial(cls.default, recognizer=recognizer, ner=ner))

    @property
    def names(self) -> list[str]:
        return [getattr(c, "name", type(c).__name__) for c in self.components]

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article)
        for component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        """Extract *articles* a batch at a time; the same Docs as calling the pipeline on each.

        Components with a ``pipe`` method get the whole batch.

        Args:
            articles: The articles, read lazily.
            batch_size: Articles per batch.

        Yields:
            One Doc per article, in order.
        """
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            docs = [Doc(a) for a in batch]
            for component in self.components:
                batched = getattr(component, "pipe", None)
                docs = batched(docs) if batched is not None else [component(d) for d in docs]
            yield from docs

    def corpus(self, articles: Iterable[Article], *, on_doc: Callable[[Doc | Summary], None] | None = None,
               workers: int = 1, cluster: Any = None) -> Extraction:
        """Extract every article and link entities across them.

        Articles are read and extracted one at a time; of each only its
        :class:`~rawabit.extract.linking.linker.Summary` is kept for linking, so the
        corpus text is never in memory whole. Linking runs after extraction,
        in this process, so the result does not depend on *workers*.

        Args:
            articles: The articles, read lazily.
            on_doc: Called after each article with its Doc (with *workers* > 1
                or a *cluster*, with its Summary).
            workers: Processes that extract (see :mod:`rawabit.extract.parallel`);
                1 extracts here.
            cluster: A Dask client whose workers extract instead
                (see :mod:`rawabit.extract.cluster`).

        Returns:
            The linked extraction; its articles carry no text.
        """
        extracted: Iterable[Doc | Summary]
        if cluster is not None:
            from .cluster import extract_summaries as on_cluster
            extracted = on_cluster(articles, client=cluster, factory=self._factory())
        elif workers > 1:
            from .parallel import extract_summaries
            extracted = extract_summaries(articles, workers=workers, factory=self._factory())
        else:
            extracted = self.pipe(articles)
        for doc in extracted:
            if on_doc:
                on_doc(doc)
            self.linker.add(doc)
        return self.linker.finish()

    def _factory(self) -> Callable[[], "Pipeline"]:
        """What builds this pipeline in a worker."""
        return self.factory or partial(_same, self)

    def corpus_files(self, files: Iterable[tuple[str, str]], *, report: ReadReport, workers: int = 1,
                     cluster: Any = None, max_bytes: int = DEFAULT_MAX_BYTES, options: ReadOptions | None = None,
                     on_doc: Callable[[Summary], None] | None = None) -> Extraction:
        """:meth:`corpus` over files that the worker processes read themselves.

        Gives what ``corpus(read_articles(...), workers=workers)`` gives, and
        fills *report* the same way, with less work left to this process.

        Args:
            files: ``(path, display)`` pairs (:func:`~.reading.reader.find_files`).
            report: Filled with the files read and skipped.
            workers: Processes that read and extract.
            cluster: A Dask client whose workers read and extract instead.
            max_bytes: Largest file accepted.
            options: Dataset columns and the plain files' date.
            on_doc: Called with each kept article's Summary.

        Raises:
            InputError: No article could be read from any file.
        """
        keep = ArticleFilter(report)
        if cluster is not None:
            from .cluster import extract_files as on_cluster
            outcomes = on_cluster(files, client=cluster, factory=self._factory(), max_bytes=max_bytes,
                                  options=options)
        else:
            from .parallel import extract_files
            outcomes = extract_files(files, workers=workers, factory=self._factory(), max_bytes=max_bytes,
                                     options=options)
        for display, outcome, problems in outcomes:
            report.skipped.extend(problems)
            if isinstance(outcome, str):
                keep.failed(display, outcome)
                continue
            for k in keep.accept(display, [s.article for s in outcome]):
                if on_doc:
                    on_doc(outcome[k])
                self.linker.add(outcome[k])
        keep.finish()
        return self.linker.finish()


def _same(pipeline: Pipeline) -> Pipeline:
    return pipeline
