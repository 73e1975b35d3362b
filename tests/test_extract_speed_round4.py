"""The shared text index (extract/components/text_index.py) and the shortcuts that read it give
the same records as lower-casing and splitting each piece on its own, also for texts where
lower-casing is not one character for one."""
from __future__ import annotations

from extract.components import text_index
from extract.pipeline import get_nlp
from extract.record import extract_texts

REPORT = ("Sprawozdanie z konsultacji\n\n"
          "W dniu 14 marca 2023 r. w świetlicy wiejskiej odbyło się spotkanie konsultacyjne. "
          "W spotkaniu uczestniczyło 27 osób.\n"
          "Kolejne spotkanie odbędzie się 4 kwietnia 2023 r. o godz. 17:00.\n")


def run(text: str) -> dict:
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


def test_the_index_lower_cases_the_text_once_and_splits_its_sentences():
    doc = get_nlp()("Program współpracy\nCEL GŁÓWNY:\nwsparcie organizacji\nCele szczegółowe: rozwój.\n")
    index = text_index.of(doc)
    assert index.low == doc._.text.lower()
    assert [doc._.text[s:e].strip() for s, e in index.sentences][:2] == ["Program współpracy", "CEL GŁÓWNY:"]


def test_letters_that_lower_case_to_two_characters_or_by_context_turn_the_shortcut_off():
    for odd in ("İ", "Σ"):
        doc = get_nlp()(f"{odd} Cele programu:\n- wsparcie\n")
        index = text_index.of(doc)
        assert index.low is None and index.lower == doc._.text.lower()


def test_meetings_counts_and_the_next_meeting_come_out_the_same_whatever_odd_letters_stand_elsewhere():
    plain = run(REPORT)
    assert [(m["date"], m["participants"]) for m in plain["meetings"]] == [("2023-03-14", 27)]
    assert plain["next_meeting"]["date"] == "2023-04-04"
    # "İ" and "Σ" switch off the lower-cased slices, "ſ" (matched as "s" by case-insensitive
    # patterns) the required-word test of the count patterns: the records must not change
    for odd in ("Tabela Σ: wyniki\n", "İstanbul (miasto partnerskie)\n", "Poſtſcriptum\n"):
        rec = run(REPORT + odd)
        assert rec["meetings"] == plain["meetings"] and rec["next_meeting"] == plain["next_meeting"], odd
        assert rec["document_date"] == plain["document_date"] == "2023-03-14"


def test_a_dateline_on_the_line_before_the_date_still_sets_the_year_of_relative_dates():
    rec = run("Kraśnik, dnia\n12 maja 2021 r.\n\nSpotkanie odbyło się 5 maja br. w urzędzie.\n")
    assert "2021-05-05" in [d["value"] for d in rec["dates"]]
    rec = run("Opublikowano: 3 czerwca 2020 r.\n\nZebranie odbyło się 28 maja br.\n")
    assert "2020-05-28" in [d["value"] for d in rec["dates"]]


def test_a_count_written_with_a_long_s_is_still_read():
    # case-insensitive patterns read "ſ" as "s"; lower-casing keeps it, so the required-word test
    # of the count patterns must not be trusted for such a text
    rec = run("Spotkanie\n\nW dniu 14 marca 2023 r. odbyło się spotkanie. W spotkaniu uczeſtniczyło 27 osób.\n")
    assert [(m["date"], m["participants"]) for m in rec["meetings"]] == [("2023-03-14", 27)]
