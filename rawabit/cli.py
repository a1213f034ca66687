"""The ``rawabit`` command line."""
from __future__ import annotations

import argparse
import platform
import sys

from . import __version__
from .commands import COMMANDS, load
from .errors import RawabitError

__all__ = ["main", "make_parser"]

_DESCRIPTION = """\
Rawabit (روابط) reads Arabic news and builds a knowledge graph of who did what
to whom: who met, phoned or visited whom, who demands or rejects what, who
holds which office. The graph is RDF: query it with SPARQL, open it as an
interactive HTML network, or load it into a graph database.

Start with:  rawabit build ARTICLES/ -o graph.ttl -o graph.html
"""


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="rawabit", description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"rawabit {__version__} (Python {platform.python_version()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = load(name)
        if module is None:
            continue
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except RawabitError as exc:
        print(f"rawabit: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rawabit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # e.g. the disk filled up while writing an output or a spool file
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"rawabit: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except MemoryError:
        print("rawabit: error: out of memory; try fewer --workers or --no-ner, or split the input",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
