"""Tests of rawabit.graph.access: which Host names and Origins the endpoint answers."""
from __future__ import annotations

import socket

from rawabit.graph.access import Access


def test_loopback_answers_its_address_localhost_and_ip_literals_only() -> None:
    rules = Access("127.0.0.1")
    for ok in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST.", "[::1]:8000", "127.0.0.1"):
        assert rules.host_refusal(ok) is None, ok
    assert rules.host_refusal(None) is None   # HTTP/1.0, no browser
    for bad in ("attacker.example:8000", "127.0.0.1.nip.io", "localhost.attacker.example"):
        assert "--allow-host" in rules.host_refusal(bad), bad


def test_every_interface_adds_the_machines_name_and_allowed_names() -> None:
    rules = Access("0.0.0.0", allow_hosts=["Graph.Newsroom.LAN"])
    assert rules.host_refusal(socket.gethostname() + ":8000") is None
    assert rules.host_refusal("graph.newsroom.lan:443") is None
    assert rules.host_refusal("192.168.1.20:8000") is None
    assert rules.host_refusal("evil.example") is not None


def test_origins_same_or_allowed_pass_others_are_refused_and_get_no_cors_headers() -> None:
    rules = Access("127.0.0.1", cors=["https://newsroom.example/"])
    assert rules.origin_refusal(None, "127.0.0.1:8000") is None
    assert rules.origin_refusal("http://127.0.0.1:8000", "127.0.0.1:8000") is None
    assert rules.origin_refusal("https://newsroom.example", "127.0.0.1:8000") is None
    assert "--cors http://localhost:3000" in rules.origin_refusal("http://localhost:3000", "127.0.0.1:8000")
    assert rules.origin_refusal("null", "127.0.0.1:8000") is not None   # sandboxed frames, file:// pages
    assert rules.cors_headers("https://newsroom.example")["Access-Control-Allow-Origin"] == "https://newsroom.example"
    assert rules.cors_headers("https://evil.example") == {} and rules.cors_headers(None) == {}
    assert "Access-Control-Max-Age" in rules.cors_headers("https://newsroom.example", preflight=True)


def test_any_origin_only_when_asked_for() -> None:
    rules = Access("127.0.0.1", cors=["*"])
    assert rules.origin_refusal("https://anyone.example", "127.0.0.1:8000") is None
    assert rules.cors_headers("https://anyone.example")["Access-Control-Allow-Origin"] == "*"
