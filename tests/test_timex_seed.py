"""The seed article yields its five milestones with the right values (issue 3 target)."""

from __future__ import annotations

from analysis.corpus import load_article
from analysis.timex import find_timexes, timexes_frame


def test_seed_milestones(seed_path) -> None:
    article = load_article(seed_path)
    found = find_timexes(article.analysis_text, article.date)
    got = {(t.text, t.value, t.mod) for t in found}
    milestones = {
        ("2014–2017", "2014/2017", None),
        ("أيلول/سبتمبر 2024", "2024-09", None),
        ("سبتمبر 2025", "2025-09", None),
        ("مطلع عام 2026", "2026", "START"),
        ("سبتمبر 2026", "2026-09", None),
    }
    assert milestones <= got
    for t in found:
        assert article.content[t.start : t.end] == t.text


def test_seed_full_annotation(seed_path) -> None:
    """Every timex of the seed as annotated by hand (offsets into the file content)."""
    article = load_article(seed_path)
    got = [(t.start, t.end, t.type, t.value, t.mod) for t in find_timexes(article.analysis_text, article.date)]
    assert got == [
        (341, 355, "DATE", "2025-12-31", None),
        (447, 453, "DATE", "FUTURE_REF", None),
        (457, 467, "DATE", "2025-12-31", None),
        (505, 524, "TIME", "2025-12-31TEV", None),
        (784, 801, "DATE", "2024-09", None),
        (830, 841, "DATE", "2025-09", None),
        (1050, 1064, "DATE", "FUTURE_REF", None),
        (1069, 1082, "DATE", "2026", "START"),
        (1205, 1212, "DURATION", "P11Y", None),
        (1343, 1352, "DATE", "2014/2017", None),
        (1473, 1484, "DATE", "2026-09", None),
        (2166, 2180, "DATE", "2025-12-31", None),
    ]


def test_timexes_frame(seed_path) -> None:
    from analysis.corpus import load_corpus

    frame = timexes_frame(load_corpus([seed_path]))
    assert len(frame) == 12
    assert list(frame.columns[:4]) == ["article_id", "path", "dct", "start"]
    assert (frame["dct"] == "2025-12-31").all()
    assert frame["line"].min() > 1  # nothing on the header line
    article = load_article(seed_path)
    assert all(article.content[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
