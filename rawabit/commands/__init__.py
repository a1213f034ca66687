"""Subcommands of ``rawabit``: one module each, loaded by name.

A command module defines ``NAME``, ``HELP`` (one line), ``add_arguments(parser)``
and ``run(args) -> int``. Add a module's name to :data:`COMMANDS` to expose it.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

__all__ = ["COMMANDS", "load"]

COMMANDS: tuple[str, ...] = ("build", "query", "export", "validate", "serve", "push", "tag", "explain",
                             "doctor")


def load(name: str) -> ModuleType | None:
    """Import the module of command *name*, or return None if it does not exist yet."""
    try:
        return import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{name}":
            return None
        raise
