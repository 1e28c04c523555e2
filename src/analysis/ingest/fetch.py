"""Fetch a web page for ``analysis add URL``: the bytes, or one line saying why not.

Plain ``urllib`` (proxies from the environment are honoured). A whole fetch, connection and
reading, must finish within ``timeout`` seconds; redirects are followed; only HTML pages are
accepted. Nothing is fetched anywhere else in the package: runs never touch the network.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from analysis import __version__
from analysis.errors import CorpusError

DEFAULT_TIMEOUT = 20.0
#: A web page may be larger than its article text (scripts, styles, inline images): up to this is read.
MAX_PAGE_BYTES = 20 * 1024 * 1024
USER_AGENT = f"arnews-analysis/{__version__} (research; one page per request)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched page: where it ended up after redirects, its bytes and the charset the server declared."""

    url: str
    final_url: str
    data: bytes
    charset: str | None


def is_url(text: str) -> bool:
    """Is ``text`` an http(s) address (rather than a file name)?"""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def fetch_page(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """GET ``url``; raises ``CorpusError(url, None, problem)`` on a timeout, an HTTP error,
    a refused connection, a response that is not an HTML page, or one over ``max_bytes``."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in _HTML_TYPES:
                raise CorpusError(url, None, f"not an article: the address serves {kind}, not a web page")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise CorpusError(url, None, f"page is {int(length) / 2**20:.1f} MB, over the "
                                  f"{max_bytes // 2**20} MB limit")
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise CorpusError(url, None, f"timed out after {timeout:g} s (the page was still arriving)")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise CorpusError(url, None, f"page is over the {max_bytes // 2**20} MB limit")
                chunks.append(chunk)
            return Fetched(url, response.geturl(), b"".join(chunks), headers.get_content_charset())
    except urllib.error.HTTPError as err:
        raise CorpusError(url, None, f"HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise CorpusError(url, None, _reason(err.reason, timeout)) from None
    except (TimeoutError, socket.timeout):
        raise CorpusError(url, None, f"timed out after {timeout:g} s") from None
    except OSError as err:  # a connection reset while reading, and the like
        raise CorpusError(url, None, _reason(err, timeout)) from None


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name (offline, or a typing error in the address?)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot fetch the page: {text}"
