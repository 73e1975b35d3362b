"""partmon_priority_tasks: tasks named as priority (public) tasks, listed under a heading or
proposed inline (`nowe zadanie priorytetowe: „…”`), with the policy area they stand under."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, morph
from .sections import MARKER, clean_item, list_after, strip_marker

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
    """Items of a list written in one sentence: split at semicolons, or at commas when every
    part is a phrase of its own (two words or more); the last part also at "i"/"oraz" when a
    new noun phrase starts there ("… kolonii dla dzieci i wyjazdy integracyjne")."""
    body = text.rstrip(" .;,\n")
    for sep in (";", ","):
        parts = [p for p in re.split(rf"\s*{sep}\s*", body) if p.strip()]
        if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
            break
    else:
        parts = [body]
    parts = parts[:-1] + _split_conjunction(parts[-1])
    pos = 0
    for p in parts:
        p = re.sub(r"^(?:i|oraz|a\s+także|również|także)\s+", "", " ".join(p.split()))
        p = strip_marker(p)[0] if re.match(r"(?:\d{1,2}|[a-z])\)\s", p) else p  # "1) …; 2) …" in one line
        k = _find_flat(text, p, pos)
        pos = k + 1 if k >= 0 else pos
        yield p, offset + max(k, 0), offset + max(k, 0) + len(p)


def _find_flat(text: str, part: str, pos: int) -> int:
    """Where `part` (white space normalised) starts in `text` at or after `pos`."""
    words = part.split()
    if not words:
        return -1
    m = re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, pos)
    return m.start() if m else -1


def _starts_phrase(word: str) -> bool:
    """A gerund or a noun in the nominative/accusative: the head of a new list item."""
    for a in morph.analyse(word):
        if a[1] == "ger" or a[1] == "subst" and {"nom", "acc"} & a[3]:
            return True
    return False


def _split_conjunction(part: str) -> list[str]:
    words = part.split()
    for k in range(len(words) - 2, 1, -1):
        if words[k] in ("i", "oraz") and len(words) - k - 1 >= 2 and _starts_phrase(words[k + 1]):
            return _split_conjunction(" ".join(words[:k])) + [" ".join(words[k + 1:])]
    return [part]

TASK_MENTION = re.compile(r"(?:zadani\w*|zadań)\s+(?:\w+\s+)?priorytetow|priorytetow\w*\s+(?:\w+\s+)?zada|jako\s+priorytetow", re.I)
CONTEXT_LINES = 40   # how far below a mention of priority tasks an area heading still lists them
MAX_WORDS = 30       # a longer "item" is a paragraph, not a task


PRIORITY = re.compile(r"priorytet", re.I)
AREA_PREFIX = re.compile(r"^(?P<a>[^:„\"]{3,80}):\s+(?P<t>\S.{6,})$")
REACH_BEFORE, REACH_AFTER = 400, 1500  # how far an inline task phrase reaches around "priorytet"
HEAD_REACH = 40    # a list phrase starts right before its "priorytet" ("zadaniami priorytetowymi …")
AREA_REACH = 160   # "W ramach obszaru <area> priorytetem …": the area comes first


def _near(rx, text: str, mentions: list[int], before: int = REACH_BEFORE):
    """Matches of `rx` that hold one of the `mentions` of priority (each phrase names it near its
    start): searched only around them, which is much cheaper than scanning the whole text."""
    last_end = -1
    for p in mentions:
        start = max(p - before, last_end, 0)
        if start > p:
            continue
        m = rx.search(text, start, min(len(text), p + REACH_AFTER))
        if m and m.start() <= p:
            last_end = m.end()
            yield m


def _list_follows(lines, k: int) -> bool:
    """The next non-empty line after line k is a list item."""
    nxt = next((t for _s, _e, t in lines[k + 1:k + 4] if t.strip()), "")
    return bool(MARKER.match(nxt))


@lru_cache(maxsize=None)
def _area_stems() -> re.Pattern:
    return re.compile("|".join(sorted(data.word_list("policy_area_stems.txt"), key=len, reverse=True)))


def _marker_kind(line: str):
    """bullet, number, roman or letter: the kind of list marker `line` starts with, or None."""
    m = MARKER.match(line)
    if not m:
        return None
    mk = m.group().strip()
    if re.match(r"\d", mk):
        return "number"
    if re.match(r"[IVX]+[.)]$", mk):
        return "roman"
    return "letter" if re.match(r"[a-z][.)]$", mk) else "bullet"


def _area_line(lines, k: int):
    """Line k names a policy area over a list ("Pomoc społeczna:", "II. Kultura fizyczna"):
    the area, or None. A bullet followed by bullets of the same kind is an item, not a heading."""
    raw = lines[k][2]
    t = raw.strip()
    m = MARKER.match(raw)
    nxt = next((x for _s, _e, x in lines[k + 1:k + 4] if x.strip()), "")
    nm = MARKER.match(nxt)
    if m:
        if _marker_kind(t) not in ("number", "roman") or _marker_kind(nxt) == _marker_kind(t):
            return None
        t = t[len(m.group().strip()):].strip()
    colon = t.endswith(":")
    t = t.rstrip(":").strip()
    words = t.split()
    if not words or len(words) > 10 or re.search(r"[.;!?,]$", t) or " | " in t or "priorytet" in t.lower():
        return None
    if not (colon and nxt.strip() or nm) or not _area_stems().search(t.lower()):
        return None
    return normalise_area(t)


def _sub_heading(lines, k: int) -> bool:
    """Line k is a bare area heading ("Pomoc społeczna"): short, unmarked, no final punctuation,
    and a marked list follows it."""
    t = lines[k][2].strip()
    return bool(t) and not MARKER.match(t) and len(t.split()) <= 8 and " | " not in t \
        and not re.search(r"[.;,!?]$", t) and t[:1].isupper() and _list_follows(lines, k)


def _split_merged_heading(item: str):
    """A list item the PDF text layer joined with the next area heading ("… dla dzieci
    Ekologia i ochrona zwierząt"): (item, heading or None)."""
    words = item.split()
    for k in range(3, len(words)):
        w = words[k]
        if w[:1].isupper() and words[k - 1][:1].islower() and len(words) - k <= 6 \
                and not re.search(r"[.;,]", " ".join(words[k:])) \
                and any(a[1] != "ign" and a[0][:1].islower() for a in morph.analyse(w)):
            return " ".join(words[:k]), " ".join(words[k:])
    return item, None


def _area_lists(lines, k: int, chrome: set):
    """Lists each under a bare area heading, from line k on: (item, area, start, end)."""
    out = []
    while k is not None and k < len(lines) and _sub_heading(lines, k):
        area = normalise_area(lines[k][2])
        items = list_after(lines, k, chrome)
        pending = None
        for item, s, e in items:
            if pending:
                area = pending
            text, merged = _split_merged_heading(item)
            out.append((text, area, s, s + len(text) if merged else e))
            pending = normalise_area(merged) if merged else None
        if not items:
            break
        last = max(i for i in range(len(lines)) if lines[i][0] <= items[-1][2])
        k = next((j for j in range(last + 1, min(last + 4, len(lines))) if lines[j][2].strip()), None)
    return out


TABLE_ROW = re.compile(r"(?:^|\s)\|(?:\s|$)")
CELL_SEP = re.compile(r"\s*(?<!\S)\|(?!\S)\s*")


def _task_cell(cells: list[str]):
    """Of the cells of a table row without a header, the one naming a task: the only one that
    starts with a verbal noun ("organizacja …", "prowadzenie …"), else the second of two;
    None (the longest cell) when that is not clear."""
    def verbal(cell):
        first = cell.split()[0].strip("„\"(").lower() if cell.split() else ""
        return any(a[1] == "ger" for a in morph.analyse(first)) or bool(re.search(r"(?:cja|nie|cie)$", first))
    hits = [c for c in cells if verbal(c)]
    if len(hits) == 1:
        return hits[0]
    return cells[-1] if len(cells) == 2 else None  # "area | task", the usual order


def _cells(row: str) -> list[str]:
    """The cells of a table row as the text layer writes it ("a | b", "| b" for an empty first cell)."""
    return [c.strip() for c in CELL_SEP.split(row.strip())]


def _table_columns(row: str):
    """(task column, area column or None) of a table header row naming a task column."""
    cells = _cells(row)
    task = next((i for i, c in enumerate(cells) if re.search(r"\bzada(?:ni|ń)", c, re.I)), None)
    if task is None and "priorytet" in row.lower():  # "Obszar | Priorytet" / "Sfera | Propozycja"
        task = next((i for i, c in enumerate(cells) if re.search(r"priorytet|propozycj", c, re.I)), None)
    if task is None or len(cells) < 2:
        return None
    area = next((i for i, c in enumerate(cells) if i != task and re.search(r"\b(?:obszar|sfer|dziedzin)", c, re.I)), None)
    return task, area


def _table_tasks(lines, k: int, chrome: set, columns, area):
    """Tasks in the rows of the table whose header is line k: (text, area, start, end, last line)."""
    task_col, area_col = columns
    out = []
    j = k
    while j + 1 < len(lines) and TABLE_ROW.search(lines[j + 1][2]) and j + 1 not in chrome:
        j += 1
        s, _e, raw = lines[j]
        cells = _cells(raw)
        if task_col >= len(cells):
            continue
        cell = clean_item(strip_marker(cells[task_col])[0])
        if area_col is not None and area_col < len(cells) and re.search(r"[^\W\d_]{3}", cells[area_col]):
            area = normalise_area(cells[area_col])  # an empty area cell continues the one above
        if len(cell.split()) < 2:
            continue
        cs = s + raw.find(cells[task_col]) if cells[task_col] in raw else s
        parts = [p.strip(" ;•") for p in re.split(r"\s*(?:;|•)\s*", cell) if p.strip(" ;•")]
        if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):  # several tasks in one cell
            for p in parts:
                k = raw.find(p)
                out.append((p, area, s + k if k >= 0 else cs, (s + k if k >= 0 else cs) + len(p)))
        else:
            out.append((cell, area, cs, cs + len(cells[task_col])))
    return out, j


def find_tasks(lines, chrome: set, text: str = "") -> list[dict]:
    pats = task_patterns()
    tasks, seen = [], set()
    areas = []  # (line index, char offset, area) of each area heading
    area, since_area = None, 99
    context_until = -1  # last line index still under a mention of priority tasks

    def add(text, area_, s, e):
        text = " ".join(text.split())
        key = text.casefold().strip(" .")
        if len(text.split()) < 2 or len(text.split()) > MAX_WORDS or key in seen:
            return
        if TASK_MENTION.search(text):
            return  # a sentence about priority tasks, not one of them
        seen.add(key)
        tasks.append({"text": text, "area": area_, "start": s, "end": e})

    def add_list(k, area_, strict=False):
        """`strict` (a list under an area heading): items reporting what was said about the text
        ("zaproponowano, aby … „…”") are not tasks."""
        first = []

        def other_kind(t):  # an area list ends where items of another marker kind start
            kind = _marker_kind(t)
            if not first:
                first.append(kind)
            return strict and kind != first[0]

        for item, s, e in list_after(lines, k, chrome, stop=other_kind, pick=_task_cell):
            if strict and (any(q in item for q in "„\"“") or re.match(r"\w+(?:ano|ono|ło|ła|li)\b", item)):
                continue
            if item.endswith(":"):  # a nested area heading: "1) w zakresie pomocy społecznej:"
                sub = _heading_area(item) or _area_of(item) or normalise_area(item)
                area_ = sub or area_
                continue
            pm = AREA_PREFIX.match(item)
            if pm and len(pm.group("a").split()) <= 6 and _area_stems().search(pm.group("a").lower()):
                # "w zakresie pomocy społecznej: prowadzenie punktu …": area and task on one line
                a = _heading_area(pm.group("a") + ":") or _area_of(pm.group("a")) or normalise_area(pm.group("a"))
                off = s + pm.start("t")
                for part, ps, pe in _split_inline(pm.group("t"), off):
                    add(part, a, ps, pe)
                continue
            if strict:
                item, merged = _split_merged_heading(item)
                add(item, area_, s, s + len(item) if merged else e)
                area_ = normalise_area(merged) if merged else area_
                continue
            add(item, area_, s, e)

    k = -1
    while k + 1 < len(lines):
        k += 1
        ls, le, raw = lines[k]
        if k in chrome or not raw.strip():
            continue
        low = raw.lower()
        in_context = k <= context_until
        if " | " in raw:
            cols = _table_columns(raw)
            if cols and (in_context or "priorytet" in low):
                found, last = _table_tasks(lines, k, chrome, cols, area if since_area <= 3 else None)
                for item, a, s, e in found:
                    add(item, a, s, e)
                if found:
                    context_until = max(context_until, last + 15)
                k = last
                continue
        if "obszar" in low or "sfer" in low or "dziedzin" in low or (in_context and "zakres" in low):
            a = _area_of(raw)
            am = None
            if in_context and "priorytet" not in low:
                am = next((m for rx in pats.get("area_heading", []) for m in [rx.match(raw)] if m), None)
            if am and len(am.group("area").split()) <= 8:
                a = normalise_area(am.group("area"))
                if am.group("list"):
                    for item, s, e in _split_inline(am.group("list"), ls + am.start("list")):
                        add(item, a, s, e)
                else:
                    add_list(k, a, strict=True)
                context_until = max(context_until, k + 15)
            elif a and in_context and "priorytet" not in low and len(raw.split()) <= 8 and _list_follows(lines, k):
                add_list(k, a, strict=True)  # a heading without a colon ("Obszar pomocy społecznej") over a list
                context_until = max(context_until, k + 15)
            if a:
                area, since_area = a, 0
                areas.append((k, ls, a))
                continue
        since_area += 1
        if in_context and "priorytet" not in low:
            a = _area_line(lines, k)
            if a:
                area, since_area = a, 0
                areas.append((k, ls, a))
                add_list(k, a, strict=True)
                context_until = max(context_until, k + 15)
                continue
        if "priorytet" not in low:
            continue  # task headings all name priority
        if TASK_MENTION.search(raw) or re.search(r"zadani|zadań", low):
            context_until = k + CONTEXT_LINES
        if any(rx.search(raw) for rx in pats.get("inline", [])):
            continue
        stripped = raw.strip()
        if stripped.endswith(":"):  # "… W projekcie przyjęto następujące zadania priorytetowe:"
            stripped = re.split(r"(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])", stripped)[-1]
        if MARKER.match(raw) and not stripped.endswith(":"):
            continue  # an item of another list ("3. Dyskusja nad zadaniami priorytetowymi")
        if len(stripped.split()) <= 14 and any(rx.search(stripped) for rx in pats.get("heading", [])) \
                and (stripped.endswith(":") or len(stripped.split()) <= 6 or _list_follows(lines, k)) \
                and re.search(r"zadani", stripped, re.I) and re.search(r"priorytet", stripped, re.I):
            nxt = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j][2].strip()), None)
            if nxt is not None and " | " in lines[nxt][2] and _table_columns(lines[nxt][2]):
                continue  # a table follows: read by its columns
            if nxt is not None and _area_of(lines[nxt][2]):
                continue  # area headings follow, each over its own list
            # a task heading right under an area heading belongs to it; a later one does not
            h_area = _heading_area(stripped) or (area if since_area == 1 else None)
            if nxt is not None and _sub_heading(lines, nxt):
                for item, a, s, e in _area_lists(lines, nxt, chrome):
                    add(item, a, s, e)
                continue
            add_list(k, h_area)
    starts = [ls for ls, _le, _t in lines]

    def area_at(pos, near=None):
        k = max(bisect_right(starts, pos) - 1, 0)
        before = [(i, a) for i, _off, a in areas if i <= k]
        if not before or (near is not None and k - before[-1][0] > near):
            return None
        return before[-1][1]

    # lists in a sentence ("zadaniami priorytetowymi powinny być: …"), also wrapped over lines
    mentions = [m.start() for m in PRIORITY.finditer(text)]
    for rx in pats.get("inline_list", []):
        for m in _near(rx, text, mentions, HEAD_REACH):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome or "„" in m.group("list") or '"' in m.group("list"):
                continue
            for item, s, e in _split_inline(m.group("list"), m.start("list")):
                add(item, area_at(m.start(), near=2), s, e)
    # "W ramach obszaru pomoc społeczna priorytetem będzie …": area and tasks in one sentence
    for rx in pats.get("area_inline", []):
        for m in _near(rx, text, mentions, AREA_REACH):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome or "„" in m.group("list") or '"' in m.group("list"):
                continue
            a = normalise_area(m.group("area"))
            for item, s, e in _split_inline(m.group("list"), m.start("list")):
                add(item, a, s, e)
    # proposals in quotes, also when the sentence is wrapped over lines
    for rx in pats.get("inline", []):
        for m in _near(rx, text, mentions):
            k = max(bisect_right(starts, m.start()) - 1, 0)
            if k in chrome:
                continue
            add(re.sub(r"\s+", " ", m.group("text").strip()), area_at(m.start()),
                m.start("text"), m.end("text"))
    tasks.sort(key=lambda t: t["start"])
    return tasks


@Language.factory("partmon_priority_tasks")
def make_priority_tasks(nlp, name):
    return PriorityTasksComponent()


class PriorityTasksComponent:
    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text
        # every task form is under or in a mention of priority: no mention, nothing to search
        doc._.priority_tasks = find_tasks(doc._.lines, set(doc._.chrome), text) \
            if "priorytet" in text.lower() else []
        return doc
