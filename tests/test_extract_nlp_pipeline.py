"""The pipeline's own tokenizer: one regular-expression pass that keeps the input text exactly."""
from __future__ import annotations

from extract.pipeline import get_nlp


def test_the_doc_keeps_the_text_and_splits_words_from_punctuation():
    text = "Spotkanie  odbyło się\n\n12.03.2024 r. w „Domu Kultury”,\t godz. 17:00 – zapraszamy!  "
    doc = get_nlp()(text)
    assert doc.text == text and doc._.text == text
    tokens = [t.text for t in doc]
    assert tokens[:4] == ["Spotkanie", " ", "odbyło", "się"]
    assert "„" in tokens and "Domu" in tokens and "”" in tokens and "12" in tokens and "03" in tokens
    assert "".join(t.text_with_ws for t in doc) == text


def test_the_tokenizer_survives_a_round_trip_through_pickle():
    import pickle

    nlp = get_nlp()
    tok = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert tok("Ala ma kota.").text == "Ala ma kota."
