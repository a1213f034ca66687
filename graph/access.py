"""Who may use the SPARQL endpoint from a web page: the Host and Origin checks.

A web page a journalist opens must not read the private graph served on
``127.0.0.1`` — neither with a cross-origin request (a browser sends its
``Origin``) nor after pointing its own domain name at ``127.0.0.1`` (DNS
rebinding: the browser then calls the page same-origin, but sends the page's
name as ``Host``). So:

* a request whose ``Host`` names neither the bound address nor an allowed
  name (``--allow-host``) is refused; an IP address is always this machine's
  own name (a rebinding page needs a domain), ``localhost`` too when the
  server listens on loopback or on every interface;
* a request with an ``Origin`` other than the server's own is refused unless
  that origin is allowed (``--cors ORIGIN``, or ``--cors '*'`` for any); an
  allowed origin gets ``Access-Control-Allow-Origin`` naming it, and nothing
  else gets that header.

>>> rules = Access("127.0.0.1", cors=["https://newsroom.example"])
>>> rules.host_refusal("127.0.0.1:8000"), rules.host_refusal("evil.example:8000") is not None
(None, True)
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["Access", "PREFLIGHT_HEADERS"]

#: Sent with the answer to an allowed origin's preflight (OPTIONS) request.
PREFLIGHT_HEADERS = {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                     "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"}
_WILDCARDS = {"0.0.0.0", "::", ""}


class Access:
    """The Host names and Origins an endpoint bound to *host* answers.

    Args:
        host: The address the server is bound to (``127.0.0.1``, ``0.0.0.0``, a name).
        allow_hosts: More names clients may use in ``Host`` (a reverse proxy's, a LAN name).
        cors: Origins (``https://site.example``) whose pages may read answers; ``*`` for any.
    """

    def __init__(self, host: str, *, allow_hosts: Iterable[str] = (), cors: Iterable[str] = ()) -> None:
        self.host = host.strip("[]").lower()
        self.names = {_name(h) for h in allow_hosts} | {self.host}
        if self.host in _WILDCARDS:
            self.names.add(socket.gethostname().lower())
        if self.host in _WILDCARDS or _loopback(self.host):
            self.names.add("localhost")
        self.cors = {o.rstrip("/").lower() for o in cors}

    def host_refusal(self, header: str | None) -> str | None:
        """Why a request with this ``Host`` header is refused, or None if it is not."""
        if header is None:   # HTTP/1.0 clients: no name to check, no browser sends none
            return None
        name = _name(header)
        if name in self.names or _ip(name):
            return None
        return (f"this server does not answer to the name {name!r} (Host header); if it is reached "
                f"under that name, start it with --allow-host {name}")

    def origin_refusal(self, origin: str | None, host_header: str | None) -> str | None:
        """Why a request from this ``Origin`` is refused, or None (no origin, our own, or allowed)."""
        if origin is None or self.allows_cors(origin) or _same_origin(origin, host_header):
            return None
        return (f"cross-origin requests from {origin} are refused; to let that site's pages query "
                f"this graph, start the server with --cors {origin}")

    def allows_cors(self, origin: str | None) -> bool:
        """Whether *origin* was allowed with ``--cors`` (so its answers carry CORS headers)."""
        return origin is not None and ("*" in self.cors or origin.rstrip("/").lower() in self.cors)

    def cors_headers(self, origin: str | None, *, preflight: bool = False) -> dict[str, str]:
        """The CORS headers of an answer to *origin*: none unless it was allowed."""
        if not self.allows_cors(origin):
            return {}
        headers = {"Access-Control-Allow-Origin": "*" if "*" in self.cors else origin, "Vary": "Origin"}
        return headers | PREFLIGHT_HEADERS if preflight else headers


def _name(host_header: str) -> str:
    """The name of a ``Host`` header value, without port, brackets or trailing dot."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        host = host.split(":")[0]
    return host.rstrip(".")


def _ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _loopback(name: str) -> bool:
    return name == "localhost" or _ip(name) and ipaddress.ip_address(name).is_loopback


def _same_origin(origin: str, host_header: str | None) -> bool:
    parts = urlsplit(origin.strip())
    return parts.scheme in ("http", "https") and host_header is not None \
        and parts.netloc.lower() == host_header.strip().lower()
