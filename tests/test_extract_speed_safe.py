"""Extraction: behaviour kept while the pipeline was made faster, and the related-posts fix."""
from __future__ import annotations

import pytest

from extract.components.dates import find_dates
from extract.components.layout import _is_short
from extract.components.meetings import PARTICIPANT_GATE, number_word_rx
from extract.record import extract_texts


def run(text: str) -> dict:
    return next(extract_texts([{"path": "t.txt", "text": text, "title": None}]))


REPORT = ("Relacja z warsztatów w Borkach\n\nW dniu 14 kwietnia 2021 r. odbyły się warsztaty konsultacyjne "
          "w świetlicy wiejskiej w Borkach. Udział wzięło 18 osób.\n\n")


@pytest.mark.parametrize("items", [
    ["Zebranie wiejskie w Kolnie – 12 maja 2021 r.", "Spacer badawczy po Lipnie – 3 czerwca 2021 r."],
    ["Sprawozdanie z dyżuru konsultacyjnego (17.06.2021 r.)", "Podsumowanie ankiety – 2021-07-01"],
    ["Otwarcie placu zabaw przy szkole, 9 lipca 2021.", "Nabór do rady seniorów 2021 r."],
])
def test_dates_in_a_related_posts_list_are_not_the_reports(items):
    """Items ending with a date ("title – 12 maja 2021 r.") stay in the "Zobacz także" block: their
    dates are not the report's, and the block does not end at the first of them."""
    rec = run(REPORT + "Zobacz także:\n" + "\n".join(items) + "\n")
    assert [d["value"] for d in rec["dates"]] == ["2021-04-14"]
    assert [(m["date"], m["participants"]) for m in rec["meetings"]] == [("2021-04-14", 18)]


def test_a_sentence_after_a_related_posts_list_is_read_again():
    rec = run(REPORT + "Zobacz także:\nZebranie wiejskie w Kolnie – 12 maja 2021 r.\n\n"
              "Kolejne spotkanie zaplanowano na 20 maja 2021 r. w remizie strażackiej w Borkach, "
              "zapraszamy wszystkich mieszkańców sołectwa.\n")
    assert [d["value"] for d in rec["dates"]] == ["2021-04-14", "2021-05-20"]
    assert rec["next_meeting"]["date"] == "2021-05-20"


@pytest.mark.parametrize("line,short", [
    ("Zebranie wiejskie w Kolnie – 12 maja 2021 r.", True),
    ("Relacja ze spotkania (03.06.2021 r.)", True),
    ("Warsztaty odbyły się w remizie.", False),
    ("Spotkanie odbyło się w świetlicy wiejskiej w Borkach, a udział wzięli w nim mieszkańcy "
     "wszystkich sołectw 12 maja 2021 r.", False),  # a long sentence, even ending with a date
])
def test_a_line_ending_with_a_date_is_a_list_item(line, short):
    assert _is_short(line) is short


@pytest.mark.parametrize("text,expected", [
    ("12.05.2021 r. spotkanie", ["2021-05-12"]),
    ("nr 12.05.2021", ["2021-05-12"]),
    ("x12.05.2021 i 1/12.05.2021", []),       # a digit glued to a word or a number is no day
    ("w 2021 r. i 2022 roku", ["2021", "2022"]),
    ("A2021 r. oraz 12021 r.", []),
    ("w roku 2019 zebrano", ["2019"]),
    ("12 V 2019 r. i x12 V 2019", ["2019-05-12"]),
])
def test_date_forms_keep_their_word_boundaries(text, expected):
    assert [d["value"] for d in find_dates(text)] == expected


def test_meeting_gates_match_words_where_the_plain_alternation_did():
    low = "wzięło udział dwadzieścia osób, przedstawicieli i 5 os. z rad; xdwa, dwanaście"
    assert {m.start() for m in PARTICIPANT_GATE.finditer(low)} == {low.index("osób"), low.index("przedstaw"),
                                                                   low.index("os. ")}
    assert [m.group() for m in number_word_rx().finditer(low)] == ["dwadzieścia", "dwanaście"]


def test_act_heads_and_names_start_words_only():
    """The look-behinds moved after a first letter still demand a word start."""
    from extract.components.people import NAME
    from extract.components.references import ACT_HEAD, find_legal_acts

    text = "Uchwała nr X/1/2021, xUchwała, uchwały; Ustawa_ustawy 1Zarządzenie zarządzenia"
    assert [text[m.start():m.start() + 4] for m in ACT_HEAD.finditer(text)] == ["Uchw", "uchw", "Usta", "zarz"]
    assert [a for a, _s, _e in find_legal_acts("Na mocy Uchwały nr XII/85/2021 Rady Gminy Borki z dnia "
                                                "3 marca 2021 r. oraz xUchwały nr 1/2/2021.")] == [
        "Uchwała nr XII/85/2021 Rady Gminy Borki z dnia 3 marca 2021 r."]
    found = [(m.group("first"), m.group("last")) for m in NAME.finditer("Anna Nowak, .Jan Kowal i xEwa Lis oraz Ola Kot")]
    assert found == [("Anna", "Nowak"), ("Ola", "Kot")]


@pytest.mark.parametrize("text,expected", [
    ("Zadanie sfinansowano ze środków Programu Rządowego Aktywni+ w 2021 r.", ["Program Rządowy Aktywni+"]),
    ("Dofinansowanie z programu „Senior w Borkach” pozwoliło kupić sprzęt.", ["Program Senior w Borkach"]),
    ("Ze środków programu „Senior w Borkach” kupiono sprzęt.", ["Program Senior w Borkach"]),
    ("Rozmawiano o programie „Senior w Borkach” bez pieniędzy.", []),
])
def test_named_programmes_after_a_funding_word(text, expected):
    assert run(text)["funding"] == expected


# ---- the faster gates, skips and filters find what the plain forms found ----

@pytest.mark.parametrize("text,expected", [
    ("Spotkanie 2021-04-14 w świetlicy", ["2021-04-14"]),
    ("data: 2021.04.14 r.", ["2021-04-14"]),
    ("zebranie 14 IV 2021 r. oraz 3.V.2021", ["2021-04-14", "2021-05-03"]),
    ("kod 12021-04-1 i 2021-4-14", []),       # no four digits, two, two: no ISO day
])
def test_date_gates_that_start_after_the_digits(text, expected):
    """Gates starting at the "-", "." or Roman numeral (digits checked behind it) let the same dates through."""
    assert [d["value"] for d in find_dates(text)] == expected


def test_a_task_phrase_starts_shortly_before_its_mention_of_priority():
    """`_near` tries only the start positions up to the mention: a phrase starting there is read,
    the same phrase far after the mention is not."""
    from extract.components.priority_tasks import HEAD_REACH, _near, _skipper, task_patterns

    rx = task_patterns()["inline_list"][0]
    text = "Ustalono zadania priorytetowe: remont świetlicy, zakup książek."
    p = text.index("priorytet")
    assert [m.start() for m in _near(rx, text, [p], HEAD_REACH)] == [text.index("zadania")]
    far = "Mówiono o priorytetach. " + "Długo rozmawiano o sprawach bieżących. " * 3 + text
    assert list(_near(rx, far, [far.index("priorytet")], HEAD_REACH)) == []
    quoted = next(r for r in task_patterns()["inline"] if r.pattern.startswith("[„"))
    assert _skipper(quoted, 400) is None  # a search jumps straight to the quotes: no skipping needed


def test_goal_filters_fail_only_where_every_goal_pattern_fails():
    from extract.components.goals import _any_line_pattern, _any_of, goal_patterns, sentence_patterns

    samples = ["Cel główny: poprawa jakości życia seniorów.", "Celem programu jest integracja mieszkańców.",
               "Program ma służyć aktywizacji młodzieży.", "Celina Nowak otworzyła spotkanie.",
               "Cele szczegółowe:", "Ustalono termin kolejnego spotkania."]
    for s in samples:
        for c in range(len(s)):
            every = any(rx.match(s, c) for _l, rx, _sp in sentence_patterns())
            assert bool(_any_of(True).match(s, c)) == every, (s, c)
        assert bool(_any_line_pattern().search(s)) == any(rx.search(s) for _l, rx, _sp in goal_patterns()), s
    rec = run("Relacja\n\nCelem programu jest integracja mieszkańców gminy. Cel główny: poprawa jakości życia.\n")
    assert [(g["text"], g["level"]) for g in rec["goals"]] == [("integracja mieszkańców gminy.", "main"),
                                                               ("poprawa jakości życia.", "main")]
