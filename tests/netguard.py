"""A test-time guard: any connection (or name lookup) outside the loopback range fails the test.

Tests that start a local server (``http.server`` on 127.0.0.1) use the ``loopback_only`` fixture:
while it is active, ``socket.connect`` to an address that is not loopback raises, and the test
fails at teardown even if the code under test caught the error (a fetch reporting "cannot fetch"
must not hide an attempt to reach the outside).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator

import pytest

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


class OutsideConnection(OSError):
    """Raised instead of connecting anywhere but loopback."""


def is_loopback(host: object) -> bool:
    """A loopback IP (127.0.0.0/8, ::1) or the name localhost."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host.lower() in LOOPBACK_NAMES


class Guard:
    """Patches ``socket`` so that only loopback is reachable; ``attempts`` lists what was refused."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.attempts: list[str] = []
        connect, connect_ex, getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

        def check(sock: socket.socket, address: object) -> None:
            if sock.family == getattr(socket, "AF_UNIX", None):
                return
            host = address[0] if isinstance(address, tuple) else address
            if not is_loopback(host):
                self.attempts.append(f"connect {address!r}")
                raise OutsideConnection(f"test guard: connection to {address!r} refused (loopback only)")

        def guarded_connect(sock: socket.socket, address: object) -> None:
            check(sock, address)
            return connect(sock, address)

        def guarded_connect_ex(sock: socket.socket, address: object) -> int:
            check(sock, address)
            return connect_ex(sock, address)

        def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
            if host not in (None, "", "0.0.0.0", "::") and not is_loopback(host):  # an empty host is for bind()
                self.attempts.append(f"lookup {host!r}")
                raise OutsideConnection(f"test guard: name lookup of {host!r} refused (loopback only)")
            return getaddrinfo(host, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", guarded_connect)
        monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
        monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
        for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            monkeypatch.delenv(name, raising=False)  # a proxy would be an outside address
        monkeypatch.setenv("no_proxy", "*")


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[Guard]:
    """Only loopback is reachable during the test; any other attempt fails it."""
    guard = Guard(monkeypatch)
    yield guard
    assert not guard.attempts, f"the test tried to reach outside the machine: {guard.attempts}"
