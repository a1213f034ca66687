"""``rawabit explain``: show, sentence by sentence, how the facts of an article were found."""
from __future__ import annotations

import argparse
import sys

NAME = "explain"
HELP = "show tokens, mentions and the rule behind each fact, sentence by sentence"
DESCRIPTION = """\
Read one article and show, for each sentence, its tokens (proclitics split off
with «+»), the mentions found (and what found them: gazetteer, title, ner,
title-ref …), and every fact with its status, rule and confidence. Use it to
check why a fact is (or is not) in the graph.

examples:
  rawabit explain news/day1.txt
  rawabit explain news/day1.txt --only-facts
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="an article (.txt or .html)")
    parser.add_argument("--only-facts", action="store_true", help="show only sentences that gave facts")


def run(args: argparse.Namespace) -> int:
    from ..extract.pipeline import Pipeline
    from ..extract.reading.reader import read_file

    nlp = Pipeline.default()
    out = sys.stdout
    for article in read_file(args.path):
        doc = nlp(article)
        out.write(f"# article {article.id} ({article.path}, part {article.part}): {article.title}\n")
        if doc.article.date:
            out.write(f"# published {doc.article.date}\n")
        for sent in doc.sentences:
            facts = [f for f in doc.facts if f.sentence == sent.index]
            if args.only_facts and not facts:
                continue
            out.write(f"\n[{sent.index}] {sent.text}\n")
            out.write("  tokens:   " + " ".join(f"{t.prefix}+{t.base}" if t.prefix else t.text
                                              for t in sent.tokens) + "\n")
            for m in sorted((m for m in doc.mentions if m.sentence == sent.index), key=lambda m: (m.first, -m.last)):
                out.write(f"  mention:  {m.text}  → {m.key} ({m.type.value}, {m.source}, {m.confidence:.2f})\n")
            for f in facts:
                out.write(f"  fact:     {f.subject} {f.relation} {f.object}  [{f.status.value}]"
                          f"  rule={f.rule}  confidence={f.confidence:.2f}"
                          + (f"  date={f.date}" if f.date else "") + "\n")
            for q in (q for q in doc.quotes if q.sentence == sent.index):
                kind = "quote" if q.direct else "reported"
                out.write(f"  {kind}:{' ' * (9 - len(kind))}{q.speaker}: {q.text[:120]}\n")
    return 0
