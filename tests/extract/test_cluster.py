"""Extraction on a Dask cluster: the graph of one process, even when a worker dies mid-build."""
from __future__ import annotations

import logging
import os
import signal

import pytest

from rawabit import api
from rawabit.extract import cluster as on_cluster

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_cluster():
    """Two single-threaded worker processes on loopback, closed after the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as client:
        yield cluster, client


def _build(paths, out, **kw):
    result = api.build(paths, [out], **kw)
    return out.read_bytes(), result


def test_a_worker_killed_mid_build_has_its_tasks_run_again(dask_cluster, tmp_path, samples_dir, monkeypatch):
    cluster, client = dask_cluster
    monkeypatch.setattr(on_cluster, "CHUNK_SIZE", 1)   # one file a task: work is left when the kill comes
    pids = client.run(os.getpid)
    killed: dict = {}
    progress = []

    def kill_a_busy_worker(summary) -> None:
        progress.append(summary.article.id)
        if killed:
            return
        busy = {w: keys for w, keys in client.processing().items() if keys}
        assert busy, "no task left running after the first result"
        worker = sorted(busy)[0]
        os.kill(pids[worker], signal.SIGKILL)
        killed.update(worker=worker, keys=list(busy[worker]))

    survived, result = _build([samples_dir], tmp_path / "dask.nq", dask=cluster.scheduler_address,
                              on_doc=kill_a_busy_worker)
    one, _ = _build([samples_dir], tmp_path / "one.nq", workers=1)
    assert killed["keys"], "the killed worker was running a task"
    assert killed["worker"] not in client.run(os.getpid)   # it was lost (its nanny started another)
    assert len(result.extraction.articles) == 13   # ten files and the three records of the wire feed
    assert progress == [a.id for a in result.extraction.articles]   # the progress bar saw each article once
    assert survived == one


def test_articles_sent_from_this_process_give_the_store_one_process_gives(dask_cluster, tmp_path, samples_dir):
    cluster, _ = dask_cluster
    first, rest = sorted(samples_dir.glob("*.txt"))[:3], sorted(samples_dir.glob("*.txt"))[3:]
    outs = {}
    for name, kw in (("dask", {"dask": cluster.scheduler_address}), ("one", {"workers": 1})):
        store = tmp_path / f"store-{name}"
        api.build(first, store=store, workers=1)
        result = api.build(rest + first, [tmp_path / f"{name}.nq"], store=store, **kw)   # stored ones skipped
        assert result.skipped_articles == 3
        outs[name] = (tmp_path / f"{name}.nq").read_bytes()
    assert outs["dask"] == outs["one"]


def test_workers_read_file_urls(dask_cluster, tmp_path, samples_dir):
    cluster, _ = dask_cluster
    url = samples_dir.absolute().as_uri()
    on_workers, result = _build([url], tmp_path / "dask.ttl", dask=cluster.scheduler_address)
    here, _ = _build([url], tmp_path / "one.ttl", workers=1)
    _, local = _build([samples_dir], tmp_path / "local.ttl", workers=1)
    assert on_workers == here
    assert all(a.path.startswith("file://") for a in result.extraction.articles)
    assert result.extraction.facts == local.extraction.facts


def test_a_task_that_keeps_killing_workers_is_a_cluster_error(dask_cluster, samples_dir, monkeypatch):
    from rawabit.errors import ClusterError

    cluster, _ = dask_cluster
    monkeypatch.setattr(on_cluster, "_files_task", _die)
    monkeypatch.setattr(cluster.scheduler, "allowed_failures", 0)   # Dask's default, 3, takes four deaths
    with pytest.raises(ClusterError, match="took down several workers"):
        api.build([samples_dir], ["unused.ttl"], dask=cluster.scheduler_address)


def _die(*_args):
    os.kill(os.getpid(), signal.SIGKILL)
