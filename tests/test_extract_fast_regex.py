"""Extraction: the regexes rewritten so that the regex engine skips quickly to their first
character match exactly what their plain case-insensitive forms match."""
from __future__ import annotations

import random
import re

import pytest

from extract.components import data
from extract.components.dates import any_case, month_word_rx, trie_regex
from extract.components.goals import CEL, GOAL_CUE
from extract.components.meetings import BOUNDARY, DIGIT_GATE, GATE_WORDS, PARTICIPANT_GATE
from extract.components.priority_tasks import TASK_MENTION

EVERY_CHARACTER = "".join(map(chr, range(0x110000))).replace("\n", " ")

# the plain forms, as they were written before
PLAIN = {
    "month": re.compile(r"(?<!\w)" + trie_regex(data.months()) + r"(?!\w)", re.I),
    "goal_cue": re.compile(r"cel|chodzi\s|założeni|zależy\s|najważniejsz|po\s+to\s*,|\bma(?:ją)?\s+(?:(?:przede\s+wszystkim"
                           r"|głównie|w\s+szczególności|w\s+pierwszej\s+kolejności)\s+)?[^\W\d]+ć\b", re.I),
    "task_mention": re.compile(r"(?:zadani\w*|zadań)\s+(?:\w+\s+)?priorytetow|priorytet(?:ow\w*|ów)\s+(?:\w+\s+)?zada"
                               r"|jako\s+priorytetow", re.I),
    "cel": re.compile(r"cel", re.I),
    "boundary": re.compile(r"[.!?](?=\s)|\n"),
}
FAST = {"month": month_word_rx(), "goal_cue": GOAL_CUE, "task_mention": TASK_MENTION, "cel": CEL, "boundary": BOUNDARY}

PIECES = ["12", " ", "  ", "\n", ".", ",", "!", "?", ":", "-", "x", "a1", "_", "maja", "MAJA", "Marca", "sierpnia",
          "ſierpnia", "\u212awietnia", "lutego", "LipCa", "pa\u017adziernika", "w", "do", "od", "cel", "CELEM",
          "Cele", "excel", "chodzi", "założenia", "ZALEŻY", "najważniejsze", "po", "to", "ma", "mają", "służyć",
          "przede", "wszystkim", "umożliwić", "zadania", "Zadań", "priorytetowe", "PRIORYTETOWYCH", "jako",
          "priorytetów", "zadaniami"]


def _texts():
    rng = random.Random(7)
    for _ in range(4000):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))


@pytest.mark.parametrize("letter", sorted(set("czpnmjsklgw" + "".join(w[0] for w in data.months()))))
def test_any_case_lists_every_character_re_i_matches(letter):
    """"s" also matches "ſ" and "k" the Kelvin sign under re.I: the class lists them all."""
    matched = set(re.findall(re.escape(letter), EVERY_CHARACTER, re.I))
    assert set(any_case(letter)) == matched


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_forms_match_as_the_plain_ones(name):
    for text in _texts():
        assert [m.span() for m in FAST[name].finditer(text)] == [m.span() for m in PLAIN[name].finditer(text)], text


def test_fast_forms_find_what_they_should():
    assert [m.group() for m in month_word_rx().finditer("od MAJA do ſierpnia, nie w majątku")] == ["MAJA", "ſierpnia"]
    assert [m.group()[:3] for m in GOAL_CUE.finditer("Celem jest, by… Chodzi o to, żeby ma służyć; Tamaszyć")] == \
        ["Cel", "Cho", "ma "]  # "ma …ć" starts a word
    assert TASK_MENTION.search("wpisano JAKO PRIORYTETOWE") and not TASK_MENTION.search("zadania bieżące")
    assert [m.start() for m in BOUNDARY.finditer("Tak. Nie.x\nA! ")] == [3, 10, 12]


def test_each_digit_gate_form_holds_a_participant_gate_word():
    """meetings searches the wide participant gate only where the digit gate fails: each form of
    the digit gate must hold one of the gate's words."""
    forms = [f"5 {w.replace(chr(92), '')}" for w in GATE_WORDS] + \
        ["12 z 20 członków", "5 os.", "liczba", "ilość", "frekwencja", "uczestnicy:", "uczestników było", "obecni",
         "w składzie"]
    hits = [f for f in forms if DIGIT_GATE.search(f)]
    assert len(hits) >= len(GATE_WORDS)
    for f in hits:
        assert PARTICIPANT_GATE.search(f), f
