"""``analysis add URL...``: pages fetched from a local HTTP server on 127.0.0.1 that the test starts.

The server (``http.server`` in a thread) serves the HTML fixtures, a 404, a page slower than the
timeout, a home page of links (not an article), a PDF and a redirect. Nothing else is contacted:
``loopback_only`` (tests/netguard.py) fails the test on any connection outside loopback.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.corpus import load_article
from analysis.errors import CorpusError
from analysis.ingest.fetch import fetch_page

from netguard import Guard, OutsideConnection, loopback_only  # noqa: F401 - the fixture

HTML = Path(__file__).parent / "fixtures" / "html"
HOME = ('<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8"><title>الرئيسية</title></head><body><ul>'
        + "".join(f'<li><a href="/n/{i}">عنوان خبر رقم {i}</a></li>' for i in range(30)) + "</ul></body></html>")


class Site:
    """Routes of the local server: path -> (status, content type, body bytes, delay in seconds)."""

    def __init__(self) -> None:
        self.release = threading.Event()  # set at teardown: a slow response stops waiting
        self.hits: list[str] = []
        self.routes: dict[str, tuple[int, str, bytes, float]] = {
            "/iraq/ain-al-asad": (200, "text/html; charset=utf-8", (HTML / "article_meta_date.html").read_bytes(), 0),
            "/news/88412": (200, "text/html", (HTML / "article_text_date.html").read_bytes(), 0),
            "/no-date": (200, "text/html; charset=utf-8", (HTML / "article_no_date.html").read_bytes(), 0),
            "/slow": (200, "text/html; charset=utf-8", (HTML / "article_broken.html").read_bytes(), 5.0),
            "/home": (200, "text/html; charset=utf-8", HOME.encode("utf-8"), 0),
            "/report.pdf": (200, "application/pdf", b"%PDF-1.4 not a page", 0),
        }


@pytest.fixture
def site(loopback_only: Guard) -> Iterator[tuple[str, Site]]:  # noqa: F811
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.hits.append(self.path)
            if self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/news/88412")
                self.end_headers()
                return
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            status, kind, body, delay = route
            if delay:
                state.release.wait(delay)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_add_urls_errors_are_one_line_each_and_the_others_go_on(tmp_path: Path, site, capsys) -> None:
    base, state = site
    corpus = tmp_path / "corpus"
    urls = [f"{base}/missing", f"{base}/iraq/ain-al-asad", f"{base}/slow", f"{base}/home", f"{base}/report.pdf",
            f"{base}/moved"]
    started = time.monotonic()
    code = main(["add", *urls, "--corpus", str(corpus), "--timeout", "1"])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert elapsed < 4.5  # the slow page (5 s) was given up after the 1 s timeout
    errors = err.strip().splitlines()
    assert errors == [
        f"analysis add: error: {base}/missing: HTTP 404 Not Found",
        f"analysis add: error: {base}/slow: timed out after 1 s",
        f"analysis add: error: {base}/home: not an article: no main text found on the page "
        "(a home page, a list of links or a login page?)",
        f"analysis add: error: {base}/report.pdf: not an article: the address serves application/pdf, not a web page",
        "analysis add: 4 of 6 input(s) refused",
    ]
    assert len(out.strip().splitlines()) == 2  # the two articles, after and between the failures
    files = sorted(corpus.glob("*.txt"))
    assert [f.name for f in files] == ["2026-01-14_furat-news-world-affairs-article-88412.txt",
                                       "2026-01-15_akhbar-iraq-2026-01-15-ain-al-asad-handover.txt"]
    # The canonical URL the page declares is the article's URL, not the local address it came from.
    assert load_article(files[1]).url == "https://akhbar.example.com/iraq/2026/01/15/ain-al-asad-handover"
    assert "/news/88412" in state.hits and "/moved" in state.hits  # the redirect was followed


def test_url_without_date_asks_for_it(tmp_path: Path, site, capsys) -> None:
    base, _ = site
    code = main(["add", f"{base}/no-date", "--corpus", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 2 and f"{base}/no-date: no publication date found in the page: give it with --date" in err
    code = main(["add", f"{base}/no-date", "--corpus", str(tmp_path / "c"), "--date", "2026-01-22"])
    assert code == 0
    (target,) = (tmp_path / "c").glob("*.txt")
    assert target.name == "2026-01-22_sada-politics-parliament-committee-timetable.txt"


def test_refused_connection_is_one_line(tmp_path: Path, loopback_only: Guard, capsys) -> None:  # noqa: F811
    with socket.socket() as probe:  # a free port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(CorpusError, match="connection refused"):
        fetch_page(f"http://127.0.0.1:{port}/x", timeout=2)


def test_the_guard_refuses_any_address_outside_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    guard = Guard(monkeypatch)
    with pytest.raises(CorpusError, match="cannot"):  # the fetch reports it as one line ...
        fetch_page("http://192.0.2.7/article", timeout=1)  # TEST-NET-1: never routed
    assert len(guard.attempts) == 1 and "192.0.2.7" in guard.attempts[0]  # ... and the guard saw the attempt
    with socket.socket() as sock, pytest.raises(OutsideConnection):
        sock.connect(("192.0.2.7", 80))
    with pytest.raises(OutsideConnection):
        socket.getaddrinfo("example.com", 80)
    assert guard.attempts[-1] == "lookup 'example.com'"
