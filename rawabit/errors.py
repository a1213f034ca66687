"""Errors a user can meet. Each carries a one-line message meant for people.

The command line prints ``rawabit: error: <message>`` and exits with
:attr:`RawabitError.exit_code`; it never shows a traceback for these.
"""
from __future__ import annotations

__all__ = ["RawabitError", "InputError", "FormatError", "QueryError", "StoreError", "ModelError", "ServerError",
           "ClusterError"]


class RawabitError(Exception):
    """Base class of the errors Rawabit reports to users."""

    exit_code = 1


class InputError(RawabitError):
    """A path is missing, unreadable, binary, empty or not an article."""

    exit_code = 2


class FormatError(RawabitError):
    """An output or input format is unknown or cannot be written."""

    exit_code = 2


class QueryError(RawabitError):
    """A SPARQL query is malformed or failed."""

    exit_code = 3


class StoreError(RawabitError):
    """A graph store cannot be opened, read or written."""

    exit_code = 4


class ModelError(RawabitError):
    """A statistical model or backend cannot be loaded."""

    exit_code = 5


class ServerError(RawabitError):
    """A remote server cannot be reached, refuses the login or rejects the data."""

    exit_code = 6


class ClusterError(RawabitError):
    """A Dask cluster cannot be reached, or lost the work it was given."""

    exit_code = 7
