"""``rawabit build --dask``: the files of ``--workers 1``, and clear errors about the cluster."""
from __future__ import annotations

import socket

import pytest

from rawabit.cli import main

pytest.importorskip("distributed")


def test_a_local_dask_cluster_writes_the_files_of_one_process(tmp_path, samples_dir):
    for name, where in (("one", ["--workers", "1"]), ("dask", ["--dask", "local:2"])):
        assert main(["build", str(samples_dir), "-q", *where,
                     "-o", str(tmp_path / f"{name}.ttl"), "-o", str(tmp_path / f"{name}.nq")]) == 0
    assert (tmp_path / "dask.ttl").read_bytes() == (tmp_path / "one.ttl").read_bytes()
    assert (tmp_path / "dask.nq").read_bytes() == (tmp_path / "one.nq").read_bytes()


@pytest.mark.parametrize("value, message", [("local:0", "at least 1 worker"),
                                            ("http://scheduler", "expected a scheduler address"),
                                            ("tcp://scheduler", "expected a scheduler address"),
                                            ("scheduler:99999", "expected a scheduler address")])
def test_a_malformed_address_is_refused_before_any_work(value, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", "x.txt", "-o", "g.ttl", "--dask", value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_dask_and_workers_are_not_given_together(capsys):
    with pytest.raises(SystemExit):
        main(["build", "x.txt", "-o", "g.ttl", "--dask", "local:2", "--workers", "2"])
    assert "not allowed with" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, samples_dir, capsys, monkeypatch):
    from rawabit.extract import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as sock:   # a loopback port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = main(["build", str(samples_dir), "-q", "--dask", f"tcp://127.0.0.1:{port}", "-o", str(tmp_path / "g.ttl")])
    err = capsys.readouterr().err
    assert code == 7
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in err and "Traceback" not in err
    assert not (tmp_path / "g.ttl").exists()
