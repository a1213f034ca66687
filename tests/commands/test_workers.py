"""``rawabit build --workers N``: the same files whatever N is."""
from __future__ import annotations

import pytest

from rawabit import api
from rawabit.cli import main
from rawabit.extract.linker import Summary
from rawabit.extract.pipeline import Pipeline
from rawabit.extract.reader import read_articles


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
