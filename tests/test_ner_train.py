"""``analysis train-ner``: a tiny model trained on a fixture CoNLL file, reproducibly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.entities.crf import MODEL_FILES, CRFModel, default_model_dir
from analysis.entities.conll import read_conll
from analysis.entities.features import featurizer_hash
from analysis.entities.spans import char_spans_to_tags
from analysis.entities.train import gold_sentences
from analysis.errors import AnalysisError
from analysis.text import tokens

NER = Path(__file__).resolve().parent / "fixtures" / "ner"


def _train(out: Path, *extra: str) -> None:
    args = ["train-ner", "--train", str(NER / "tiny_train.txt"), "--out", str(out), "--iterations", "40", *extra]
    assert main(args) == 0


def test_train_tag_and_reproduce(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    _train(a)
    _train(b)
    for name in MODEL_FILES:
        assert (a / name).is_file()
        assert (a / name).read_bytes() == (b / name).read_bytes(), name  # same data, same seed: same bytes
    model = CRFModel(a)
    tags = model.tag_words(["قال", "سارة", "حسن", "في", "أربيل", "."])
    assert tags == ["O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]
    meta = json.loads((a / "meta.json").read_text(encoding="utf-8"))
    assert meta["train_files"] == ["tiny_train.txt"] and meta["config"]["seed"] == 13
    assert meta["featurizer"] == featurizer_hash()


def test_shipped_model_matches_the_featurizer():
    meta = json.loads((default_model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["featurizer"] == featurizer_hash()  # else: retrain with `analysis train-ner` (docs/NER.md)


@pytest.mark.parametrize("recorded", ["0123456789abcdef", None])
def test_model_with_other_featurizer_is_refused_in_one_line(tmp_path, capsys, recorded):
    model = tmp_path / "m"
    shutil.copytree(default_model_dir(), model)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    if recorded is None:
        del meta["featurizer"]  # a model from before the featurizer hash
    else:
        meta["featurizer"] = recorded
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(AnalysisError) as info:
        CRFModel(model)
    message = str(info.value)
    assert "\n" not in message and str(model / "model.crfsuite") in message and "analysis train-ner" in message
    article = NER / "articles" / "100_coalition_test.txt"
    assert main(["entities", str(article), "--backend", "crf", "--model", str(model)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "retrain it with `analysis train-ner`" in err


def test_train_with_span_gold(tmp_path):
    out = tmp_path / "m"
    _train(out, "--gold", str(NER / "gold"), "--corpus", str(NER / "articles"), "--exclude")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["gold_articles"] == ["100"] and meta["held_out"] == []


def test_gold_to_token_tags_keeps_proclitic_tokens():
    (stem, sents), = gold_sentences(NER / "gold", [NER / "articles"])
    assert stem == "100"
    words = [w for ws, _ in sents for w in ws]
    tags = [t for _, ts in sents for t in ts]
    k = words.index("والولايات")
    assert tags[k:k + 2] == ["B-LOC", "I-LOC"]  # the gold span starts after و, the token is tagged
    assert tags[words.index("عين"):words.index("عين") + 2] == ["B-LOC", "I-LOC"]
    assert tags[words.index("قاعدة")] == "O"


def test_char_spans_to_tags():
    text = "زار وزير الدفاع بغداد"
    toks = tokens(text)
    assert char_spans_to_tags(toks, [(4, 15, "ORG"), (16, 21, "LOC")]) == ["O", "B-ORG", "I-ORG", "B-LOC"]


def test_bad_training_input(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("كلمة\n", encoding="utf-8")
    assert main(["train-ner", "--train", str(bad), "--out", str(tmp_path / "m")]) == 2
    assert "expected 'token TAG'" in capsys.readouterr().err
    assert main(["train-ner", "--train", str(tmp_path / "none.txt"), "--out", str(tmp_path / "m")]) == 2


def test_read_conll_fixes_known_tag_typos(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("\ufeffأ B-ERS\nب I-PRG\n\nج O\n", encoding="utf-8")
    assert read_conll(f) == [(["أ", "ب"], ["B-PERS", "I-ORG"]), (["ج"], ["O"])]


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "data" / "ner").is_dir() or not __import__("os").environ.get("ARNEWS_NER_REBUILD"),
    reason="set ARNEWS_NER_REBUILD=1 with ../shared beside the clone to rebuild the shipped model (minutes)",
)
def test_train_ner_rebuilds_the_shipped_model_byte_for_byte(tmp_path):
    """The command of docs/NER.md, "Rebuild the shipped model", gives the shipped folder's bytes."""
    out = tmp_path / "crf"
    args = ["train-ner", "--train", str(SHARED / "data/ner/anercorp-camellab/ANERCorp_CamelLab_train.txt"),
            "--gold", str(SHARED / "gold/ner"), "--corpus", str(SHARED / "devcorpus"), str(SHARED / "seeds"),
            "--lexicon-conll", str(SHARED / "data/ner/aqmar/articles"), "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    for name in MODEL_FILES:
        assert (out / name).read_bytes() == (default_model_dir() / name).read_bytes(), name


def test_person_name_list_gives_a_feature_to_the_word_and_its_neighbours():
    from analysis.entities.features import Featurizer, load_person_names
    from analysis.entities.gazetteer import default_gazetteer

    names = load_person_names()
    assert set(names.values()) == {"g", "s", "f"} and len(names) > 20_000
    feats = Featurizer(default_gazetteer()).sentence(["وقال", "شوماخر", "إن", "كمال", "سيحضر"])
    assert "nm=f" in feats[1] and "+nm=f" in feats[0] and "-nm=f" in feats[2]  # a foreign name, written in Arabic
    assert "nm=g" in feats[3]  # a given name
    assert not any(f.startswith("nm=") for f in feats[0])  # قال is not a name


def test_general_frequency_bands_and_unseen_words():
    """Common words get a high Zipf band, a transliterated brand a low one; ``zu`` only for unseen cores."""
    from analysis.entities.features import Featurizer, load_word_freq, zipf_band
    from analysis.entities.gazetteer import default_gazetteer

    assert len(load_word_freq()) > 100_000
    assert [zipf_band(z) for z in (None, 2.0, 2.4, 2.5, 3.9, 4.0, 4.9, 5.0, 7.2)] == ["0", "2.0", "2.0", "2.5", "3.5", "4", "4", "5", "5"]
    words = ["وقال", "فولكسفاغن", "شوماخر", "والحكومة"]
    feats = Featurizer(default_gazetteer(), seen=frozenset({"قال", "حكومه"})).sentence(words)
    bands = [{f.split("=")[0]: f.split("=")[1] for f in fs if f[:3] in ("zw=", "zc=", "zu=", "zn=")} for fs in feats]
    assert bands[0] == {"zw": "5", "zc": "5"}  # common and seen: no "unseen" feature
    assert float(bands[1]["zc"]) < 3 and bands[1]["zu"] == bands[1]["zc"]  # rare in general Arabic, unseen
    assert bands[2]["zn"] == "f" + bands[2]["zc"]  # a listed foreign name, with its band
    assert bands[3]["zw"] == "4" and bands[3]["zc"] == "5" and "zu" not in bands[3]  # the core is more common than و+ال+word
    assert not any(f.startswith("zu=") for fs in Featurizer(default_gazetteer()).sentence(words) for f in fs)  # no vocabulary given


def test_gazetteer_label_two_words_away():
    """A known place after a bracket reaches the word before the bracket (``X ( البرتغال )``)."""
    from analysis.entities.features import Featurizer
    from analysis.entities.gazetteer import default_gazetteer

    feats = Featurizer(default_gazetteer()).sentence(["بنفيكا", "(", "البرتغال", ")"])
    assert "++g=B-LOC" in feats[0] and "+g=B-LOC" in feats[1] and "g=B-LOC" in feats[2]
    assert "--g=B-LOC" not in feats[3] and not any(f.startswith("++g=") for f in feats[1])
