"""``rawabit doctor``: what is installed, what works, and how to fix the rest."""
from __future__ import annotations

import argparse
import json

__all__ = ["NAME", "HELP", "DESCRIPTION", "add_arguments", "run"]

NAME = "doctor"
HELP = "check Python, dependencies, models, fast paths and optional tools"
DESCRIPTION = """\
Print the versions of Python and of every dependency (against the ranges
Rawabit asks for), where the NER models are and whether they load, which fast
paths are on, and which optional tools are present (rapper, roqet, chromium,
the Dask scheduler, the Oxigraph, FalkorDB and Virtuoso servers), with the
command that installs each missing one. Exits with 1 when something Rawabit
needs is missing or broken; optional tools never fail it.

examples:
  rawabit doctor
  rawabit doctor --json
"""
_MARKS = {(True, True): "ok", (True, False): "ok", (False, True): "FAIL", (False, False): "--"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rawabit doctor`` to *parser*."""
    parser.add_argument("--json", action="store_true", help="print the checks as a JSON list")


def run(args: argparse.Namespace) -> int:
    """Run every check, print them; return 1 if a required one failed, else 0."""
    from rich.console import Console
    from rich.markup import escape

    from rawabit.doctor import run_checks

    checks = run_checks()
    failed = [c for c in checks if c.required and not c.ok]
    if args.json:
        print(json.dumps([c.as_dict() for c in checks], ensure_ascii=False, indent=1))
        return 1 if failed else 0
    console = Console(highlight=False, soft_wrap=True)
    section = None
    for check in checks:
        if check.section != section:
            section = check.section
            console.print(f"\n[bold]{section.capitalize()}[/bold]")
        mark = _MARKS[check.ok, check.required]
        style = {"ok": "green", "FAIL": "bold red", "--": "yellow"}[mark]
        fix = f"  [dim]install:[/dim] [cyan]{escape(check.fix)}[/cyan]" if check.fix else ""
        console.print(f"  [{style}]{mark:4}[/{style}] {escape(check.name)}: {escape(check.detail)}{fix}")
    console.print("\n" + (f"[bold red]{len(failed)} required check(s) failed[/bold red]" if failed
                          else "[green]everything Rawabit needs is in place[/green]"))
    return 1 if failed else 0
