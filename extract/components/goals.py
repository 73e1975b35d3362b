"""partmon_goals: goals of the programme or process (`Cel główny:`, `Cele szczegółowe:`,
`CEL:`, `Cele projektu …`), one item per goal, with its level."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data
from .sections import MARKER, clean_item, continuation, list_after

if not Doc.has_extension("goals"):
    Doc.set_extension("goals", default=None)


ITEM_MARK = re.compile(r"^(?:[a-z]|\d{1,2})[.)]\s+")


@lru_cache(maxsize=None)
def goal_patterns():
    return [(spec["level"], re.compile(spec["pattern"], re.I)) for spec in data.jsonl("goals.jsonl")]


def _is_goal_heading(text: str) -> bool:
    return any(rx.search(text) for _, rx in goal_patterns()) or bool(
        re.match(r"^\s*(?:[IVX]{1,4}[.)]\s*|\d{1,2}[.)]\s*)?(zadania|priorytet|obszar|działania|rezultaty|harmonogram)", text, re.I))


def find_goals(lines, chrome: set) -> list[dict]:
    goals, seen = [], set()

    def add(text, level, s, e):
        key = text.casefold()
        if len(text.split()) < 2 or key in seen:
            return
        seen.add(key)
        goals.append({"text": text, "level": level, "start": s, "end": e})

    for k, (ls, le, raw) in enumerate(lines):
        if k in chrome or "cel" not in raw.lower():  # every goal form names "cel"
            continue
        for level, rx in goal_patterns():
            m = rx.search(raw)
            if not m:
                continue
            inline = clean_item((m.group("text") or "").lstrip("| "))
            if inline.endswith(":") or (len(inline.split()) <= 3 and not re.search(r"[.;!?]$", inline)
                                        and MARKER.match(next((t for _s, _e, t in lines[k + 1:k + 3] if t.strip()), ""))):
                inline = ""  # "Cele szczegółowe programu współpracy to:": a heading over a list
            more, more_end, _ = continuation(lines, k, chrome) if inline else ([], le, k)
            if more:
                inline = clean_item(" ".join([inline] + more))
            if inline and len(inline.split()) >= 2:
                parts = [ITEM_MARK.sub("", p) for p in re.split(r"\s*;\s*", inline) if p] \
                    if level == "specific" else [inline]  # "a) wzrost …; b) wzmocnienie …"
                off = ls + m.start("text")
                for p in parts:
                    pos = raw.find(p, off - ls)
                    s = ls + pos if pos >= 0 else off
                    add(p, level, s, more_end if more else s + len(p))
            else:
                items = list_after(lines, k, chrome, stop=_is_goal_heading)
                lvl = level
                if level == "main" and len(items) > 1:
                    items = items[:1]
                for text, s, e in items:
                    add(text, lvl, s, e)
            break
    return goals


@Language.factory("partmon_goals")
def make_goals(nlp, name):
    return GoalsComponent()


class GoalsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.goals = find_goals(doc._.lines, set(doc._.chrome))
        return doc
