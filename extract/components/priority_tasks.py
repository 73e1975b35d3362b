"""partmon_priority_tasks: tasks named as priority (public) tasks, listed under a heading or
proposed inline (`nowe zadanie priorytetowe: „…”`), with the policy area they stand under."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph
from .sections import list_after

if not Doc.has_extension("priority_tasks"):
    Doc.set_extension("priority_tasks", default=None)

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=None)
def task_patterns() -> dict:
    out = {}
    for spec in data.jsonl("priority_tasks.jsonl"):
        out.setdefault(spec["role"], []).append(re.compile(spec["pattern"], re.I))
    return out


def normalise_area(text: str) -> str:
    """Policy area in the nominative, lower case: "polityki społecznej" → "polityka społeczna".

    Each comma-separated part has its first noun (with adjectives agreeing with it) put into
    the nominative; the rest of the part stays as written."""
    text = re.sub(r"\s+", " ", text.strip(" :.;")).lower()
    parts = []
    for part in re.split(r"(,\s*)", text):
        if not part or part.startswith(","):
            parts.append(part)
            continue
        words = part.split(" ")
        head = next((k for k, w in enumerate(words) if morph.readings(w)
                     and not any(a[1] in ("prep", "conj") for a in morph.analyse(w))), None)
        if head is None:
            parts.append(part)
            continue
        parts.append(" ".join(morph.nominative_phrase(words, head)))
    return "".join(parts)


def _area_of(raw: str):
    for rx in task_patterns().get("area", []):
        m = rx.search(raw)
        if m:
            area = m.group("area").strip()
            # "Obszar polityki społecznej" / "w obszarze „Współpraca …”": only short headings
            if len(area.split()) > 12 or "„" in area or "\"" in area:
                return None
            return normalise_area(area)
    return None


def _heading_area(raw: str):
    m = re.search(r"(?:w\s+(?:obszarze|zakresie|sferze)|z\s+obszaru|dla\s+obszaru)\s+(?P<a>[^:]+?)\s*:?\s*$", raw, re.I)
    if m and re.search(r"\bpriorytet|\bzadani", m.group("a"), re.I):
        return None
    return normalise_area(m.group("a")) if m else None


def _split_inline(text: str, offset: int):
    """Items of a list written on one line: split at semicolons, or at commas when every part
    is a phrase of its own (two words or more)."""
    body = text.rstrip(" .")
    for sep in (";", ","):
        parts = [p for p in re.split(rf"\s*{sep}\s*", body) if p.strip()]
        if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
            break
    else:
        parts = [body]
    pos = 0
    for p in parts:
        p = re.sub(r"^(?:i|oraz)\s+", "", p.strip())
        k = text.find(p, pos)
        pos = k + len(p) if k >= 0 else pos
        yield p, offset + max(k, 0), offset + max(k, 0) + len(p)


def find_tasks(lines, chrome: set, text: str = "") -> list[dict]:
    pats = task_patterns()
    tasks, seen = [], set()
    areas = []  # (char offset, area) of each area heading
    area, since_area = None, 99

    def add(text, area_, s, e):
        key = text.casefold().strip(" .")
        if len(text.split()) < 2 or key in seen:
            return
        seen.add(key)
        tasks.append({"text": text, "area": area_, "start": s, "end": e})

    for k, (ls, le, raw) in enumerate(lines):
        if k in chrome or not raw.strip():
            continue
        low = raw.lower()
        a = _area_of(raw) if ("obszar" in low or "sfer" in low or "dziedzin" in low) else None
        if a:
            area, since_area = a, 0
            areas.append((ls, a))
            continue
        since_area += 1
        if "priorytet" not in low:
            continue  # task headings and inline lists below all name priority
        if any(rx.search(raw) for rx in pats.get("inline", [])):
            continue
        inline_hit = False
        for rx in pats.get("inline_list", []):
            m = rx.search(raw)
            if m:
                inline_hit = True
                for text, s, e in _split_inline(m.group("list"), ls + m.start("list")):
                    add(text, area, s, e)
        if inline_hit:
            continue
        stripped = raw.strip()
        if len(stripped.split()) <= 12 and any(rx.search(stripped) for rx in pats.get("heading", [])) \
                and (stripped.endswith(":") or len(stripped.split()) <= 6) \
                and re.search(r"zadani", stripped, re.I) and re.search(r"priorytet", stripped, re.I):
            # a task heading right under an area heading belongs to it; a later one does not
            h_area = _heading_area(stripped) or (area if since_area == 1 else None)
            for item, s, e in list_after(lines, k, chrome):
                if item.endswith(":"):  # a nested area heading: "1) w zakresie pomocy społecznej:"
                    sub = _heading_area(item) or _area_of(item) or normalise_area(item)
                    h_area = sub or h_area
                    continue
                add(item, h_area, s, e)
    # proposals in quotes, also when the sentence is wrapped over lines
    starts = [ls for ls, _le, _t in lines]
    for rx in pats.get("inline", []):
        for m in rx.finditer(text):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome:
                continue
            in_area = [a for off, a in areas if off <= m.start()]
            add(re.sub(r"\s+", " ", m.group("text").strip()), in_area[-1] if in_area else None,
                m.start("text"), m.end("text"))
    tasks.sort(key=lambda t: t["start"])
    return tasks


@Language.factory("partmon_priority_tasks")
def make_priority_tasks(nlp, name):
    return PriorityTasksComponent()


class PriorityTasksComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.priority_tasks = find_tasks(doc._.lines, set(doc._.chrome), doc._.text)
        return doc
