"""``rawabit build --workers N``: the same files whatever N is."""
from __future__ import annotations

import pytest

from rawabit import api
from rawabit.cli import main
from rawabit.extract.linking.linker import Summary
from rawabit.extract.pipeline import Pipeline
from rawabit.extract.reading.reader import read_articles


def test_two_workers_write_the_turtle_of_one(tmp_path, samples_dir):
    for n in (1, 2):
        assert main(["build", str(samples_dir), "-q", "--workers", str(n),
                     "-o", str(tmp_path / f"{n}.ttl"), "-o", str(tmp_path / f"{n}.nq")]) == 0
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()
    assert (tmp_path / "1.nq").read_bytes() == (tmp_path / "2.nq").read_bytes()


def test_streamed_turtle_is_the_same_for_any_number_of_workers(tmp_path, samples_dir):
    for n in (1, 2):
        api.build([samples_dir], [tmp_path / f"{n}.ttl", tmp_path / f"{n}.trig"], workers=n, stream=True)
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()
    assert (tmp_path / "1.trig").read_bytes() == (tmp_path / "2.trig").read_bytes()


def test_workers_link_across_articles_as_one_process_does(samples_dir):
    articles = list(read_articles([samples_dir]))
    pipeline = Pipeline.default()
    one = pipeline.corpus(articles)
    two = pipeline.corpus(articles, workers=2)
    assert [a.id for a in two.articles] == [a.id for a in articles]
    assert two.entities == one.entities and two.facts == one.facts
    assert two.quotes == one.quotes and two.mentions == one.mentions


def test_a_worker_sends_each_entity_back_once(samples_dir):
    from collections import Counter

    from rawabit.extract.parallel import extract_summaries

    articles = list(read_articles([samples_dir]))
    pipeline = Pipeline.default()
    alone = [Summary.of(doc) for doc in pipeline.pipe(articles)]
    pooled = list(extract_summaries(articles, workers=2, factory=Pipeline.default, chunk_size=2))
    assert [s.facts for s in pooled] == [s.facts for s in alone]
    assert [s.mentions for s in pooled] == [s.mentions for s in alone]
    sent = Counter(e.key for s in pooled for e in s.entities)
    found = Counter(e.key for s in alone for e in s.entities)
    assert set(sent) == set(found)
    assert max(sent.values()) <= 2 < max(found.values())   # once per worker, not once per article


def test_workers_that_read_the_files_report_and_extract_as_one_process_does(tmp_path, samples_dir):
    import shutil

    from rawabit.extract.reading.reader import ReadReport, find_files

    folder = tmp_path / "in"
    shutil.copytree(samples_dir, folder)
    first = sorted(folder.glob("*.txt"))[0]
    (folder / "zz-copy.txt").write_bytes(first.read_bytes())       # a duplicate article
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")    # unreadable
    (folder / "empty.html").write_text("", encoding="utf-8")
    (folder / "notes.md").write_text("ملاحظات", encoding="utf-8")    # not an article file
    report_one = ReadReport()
    one = Pipeline.default().corpus(read_articles([folder], report=report_one))
    report_two = ReadReport()
    two = Pipeline.default().corpus_files(find_files([folder], report=report_two), report=report_two, workers=2)
    assert report_two == report_one
    assert {s.reason for s in report_two.skipped} >= {"empty file", f"duplicate of {first.as_posix()}"}
    assert [a.id for a in two.articles] == [a.id for a in one.articles]
    assert two.entities == one.entities and two.facts == one.facts
    assert two.quotes == one.quotes and two.mentions == one.mentions


def test_workers_that_read_the_files_still_say_when_nothing_is_readable(tmp_path):
    from rawabit.errors import InputError
    from rawabit.extract.reading.reader import ReadReport, find_files

    (tmp_path / "a.txt").write_bytes(b"\x00\x00")
    (tmp_path / "b.txt").write_text("   \n", encoding="utf-8")
    report = ReadReport()
    with pytest.raises(InputError, match="nothing readable"):
        Pipeline.default().corpus_files(find_files([tmp_path], report=report), report=report, workers=2)
    assert len(report.skipped) == 2


def test_linking_keeps_no_text(samples_dir):
    article = next(read_articles([samples_dir]))
    summary = Summary.of(Pipeline.default()(article))
    assert summary.article.text == "" and summary.article.id == article.id
    assert summary.facts and summary.mentions
    assert not hasattr(summary, "sentences")


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_workers_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit):
        main(["build", "x.txt", "-o", "g.ttl", "--workers", value])
    assert "at least 1" in capsys.readouterr().err
