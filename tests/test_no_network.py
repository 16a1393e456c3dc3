"""The conftest guard: a test reaching beyond 127.0.0.1/localhost fails, wherever it tries."""

from __future__ import annotations

import socket

import pytest
from conftest import closed_port


def test_a_name_lookup_or_connection_beyond_localhost_fails_the_test(no_network):
    with pytest.raises(pytest.fail.Exception, match="name lookup of 'example.com'"):
        socket.create_connection(("example.com", 80), timeout=1)
    with socket.socket() as sock, pytest.raises(pytest.fail.Exception, match="connect to \\('192.0.2.1', 80\\)"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: documentation only, never routed
    with socket.socket() as sock, pytest.raises(pytest.fail.Exception):
        sock.connect_ex(("192.0.2.1", 80))
    assert len(no_network) == 3
    no_network.clear()  # expected here; otherwise the teardown fails this test too


def test_the_failure_is_not_an_exception_library_code_could_swallow(no_network):
    try:
        socket.create_connection(("example.com", 80), timeout=1)
    except Exception:  # noqa: BLE001 - what a library might do
        pytest.fail("the guard was swallowed")
    except pytest.fail.Exception:
        pass
    no_network.clear()


def test_localhost_is_allowed(no_network):
    port = closed_port()
    for host in ("127.0.0.1", "localhost"):
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((host, port), timeout=1)
    assert no_network == []
