"""Top words count normalized terms: spelling variants and clitics merge, multiword names stay whole.

Sentences written for these tests. Inflection is not merged (العراقي / العراقية stay two terms):
that would be lemmatization, a documented choice of ``analysis.vocabulary``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.text import tokens
from analysis.vocabulary import (
    bare_stem,
    display_form,
    multiword_names,
    spelling_variants,
    top_content_words,
    with_word_columns,
    word_stem,
)


def token_table(texts: dict[str, str]) -> pd.DataFrame:
    rows = [{"article_id": a, "start": t.start, "end": t.end, "text": t.text, "norm": t.norm}
            for a, text in texts.items() for t in tokens(text)]
    return pd.DataFrame(rows)


def counts(texts: dict[str, str], mentions: pd.DataFrame | None = None) -> dict[str, int]:
    table = top_content_words(with_word_columns(token_table(texts), mentions), top=100)
    return dict(zip(table["word"], table["count"]))


def test_spelling_variants_and_clitics_count_as_one_word() -> None:
    found = counts({
        "a": "رحبت الحكومة الأمريكية بالاتفاق، وقالت الصحف الأميركية إن للاتفاق أثرا.",
        "b": "وللحكومة الامريكية رأي آخر في الإتفاق.",
    })  # fmt: skip
    assert found["الأمريكية"] == 3  # الأمريكية, الأميركية, الامريكية
    assert found["الحكومة"] == 2  # الحكومة, وللحكومة
    assert found["الاتفاق"] == 3  # بالاتفاق, للاتفاق, الإتفاق (hamza on alef normalized)
    assert not any(w in found for w in ("الأميركية", "الامريكية", "وللحكومة", "بالاتفاق"))


def test_the_spellings_behind_a_word_are_listed() -> None:
    table = top_content_words(with_word_columns(token_table({"a": "القوات الأميركية والقوات الأمريكية القوات"})), top=5)
    row = table.set_index("word").loc["القوات"]
    assert row["count"] == 3 and row["spellings"] == "القوات | والقوات"
    assert table.set_index("word").loc["الأمريكية", "spellings"] == "الأمريكية | الأميركية"


def test_a_known_multiword_name_stays_whole_with_its_clitics() -> None:
    found = counts({"a": "انسحبت القوات من عين الأسد. وعين الأسد قاعدة كبيرة، وفي بعين الأسد جنود. رأت عين الجندي أسدا."})
    assert found["عين الأسد"] == 3
    assert found.get("عين") == 1 and found.get("أسدا") == 1  # the words alone, outside the name, count apart
    assert "الأسد" not in found


def test_the_longest_listed_name_wins() -> None:
    found = counts({"a": "هاجمت كتائب حزب الله القاعدة. وقال حزب الله إنه لم يشارك."})
    assert found["كتائب حزب الله"] == 1 and found["حزب الله"] == 1
    assert "كتائب" not in found


def test_person_and_place_mentions_of_several_words_stay_whole() -> None:
    text = "استقبل محمد شياع السوداني الوفد في مطار بغداد. وقالت القوات الأمريكية إنها ستغادر."
    mentions = pd.DataFrame([
        {"article_id": "a", "start": text.index("محمد"), "end": text.index(" الوفد"), "text": "محمد شياع السوداني",
         "type": "PERS", "canonical": "محمد شياع السوداني", "entity": "محمد شياع السوداني"},
        {"article_id": "a", "start": text.index("مطار"), "end": text.index("."), "text": "مطار بغداد",
         "type": "LOC", "canonical": "مطار بغداد", "entity": "مطار بغداد"},
        {"article_id": "a", "start": text.index("القوات"), "end": text.index(" إنها"), "text": "القوات الأمريكية",
         "type": "ORG", "canonical": "القوات الأمريكية", "entity": "القوات الأمريكية"},
    ])  # fmt: skip
    found = counts({"a": text}, mentions)
    assert found["محمد شياع السوداني"] == 1 and found["مطار بغداد"] == 1
    assert "شياع" not in found and "مطار" not in found
    # an organisation mention is often a description: its words count on their own
    assert found["القوات"] == 1 and found["الأمريكية"] == 1


def test_inflection_is_not_merged() -> None:
    """العراقي and العراقية are two words here: merging gender or number is lemmatization (not done)."""
    found = counts({"a": "قال الجيش العراقي إن القوات العراقية مستعدة."})
    assert found["العراقي"] == 1 and found["العراقية"] == 1


def test_stop_words_and_numbers_are_left_out() -> None:
    found = counts({"a": "قال إنه في عام 2025 وفي ٢٠٢٦ لم يكن هناك انسحاب."})
    assert set(found) <= {"عام", "انسحاب", "يكن"}
    assert "انسحاب" in found


def test_word_stems_and_labels() -> None:
    assert word_stem("الأميركية") == word_stem("الأمريكية") == word_stem("والأمريكية")
    assert word_stem("العراقي") != word_stem("العراقية")
    assert display_form("وللقوات") == "القوات" and display_form("بالقاعدة") == "القاعدة"
    assert display_form("القاعدة") == "القاعدة" and display_form("وقاعدة") is None


@pytest.mark.parametrize("name", sorted(multiword_names().values()))
def test_every_listed_name_has_several_words_and_matches_itself(name: str) -> None:
    assert len(name.split()) > 1
    assert counts({"a": f"تحدث التقرير عن {name} أمس."})[name] == 1


def test_the_variant_table_is_read_as_stems() -> None:
    variants = spelling_variants()
    assert variants[(True, bare_stem("الأميركية"))] == bare_stem("الأمريكية") == word_stem("الأميركية")
    assert all(" " not in k and k != v for (_, k), v in variants.items())


def test_a_variant_listed_without_the_article_does_not_match_with_it() -> None:
    """سورية is a spelling of the country سوريا; السورية is the adjective "Syrian" and stays itself."""
    found = counts({"a": "زار الوفد سورية ثم سوريا، والتقى القوات السورية."})
    assert found["سوريا"] == 2 and found["السورية"] == 1
    # a variant listed with the article matches without it too: the same adjective, indefinite
    assert word_stem("أميركية") == word_stem("أمريكية") == word_stem("الأمريكية")
