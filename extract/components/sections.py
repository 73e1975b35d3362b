"""Helpers shared by the goal and priority-task components: list items after a heading, and
the items of a list written in one sentence."""
from __future__ import annotations

import re
from functools import lru_cache

from . import data, morph

MARKER = re.compile(r"^\s*(?:[-•*–—·▪►✓✔◦○●■□→»]|\d{1,2}[.)]|[a-z][.)]|[IVX]{1,4}[.)]|[A-H][.)](?=\s|$)"
                    r"|\((?:\d{1,2}|[a-z])\))\s*")
HEADING_END = re.compile(r":\s*$")


def strip_marker(text: str) -> tuple[str, int]:
    """Text without its bullet/number, and how many characters the marker took."""
    m = MARKER.match(text)
    if m:
        return text[m.end():], m.end()
    n = len(text) - len(text.lstrip())
    return text.lstrip(), n


THREE_LETTERS = re.compile(r"[^\W\d_]{3}")
EMPHASIS = re.compile(r"\*\*|__")


def clean_item(text: str, pick=None) -> str:
    """An item's text without emphasis marks and trailing separators; of a table row
    (` | `-separated cells) the cell `pick(cells)` chooses, by default the longest cell that is
    not a number or amount."""
    if " | " in text:
        cells = [c.strip() for c in text.split(" | ") if THREE_LETTERS.search(c)]
        if cells:
            text = (pick(cells) if pick else None) or max(cells, key=len)
    text = EMPHASIS.sub("", text).strip()
    text = text.strip(" \t\u00a0;")
    return text.rstrip(",")


CLOSED_END = re.compile(r"[.!?:;,]$")


def wrapped(line: str) -> bool:
    """A line of a hard-wrapped paragraph: long, and not ending a sentence or a list item."""
    t = line.rstrip()
    return len(t) >= 50 and not CLOSED_END.search(t)


OPEN_END = re.compile(r"[^.!?:;,]$")
LOWER_START = re.compile(r"^\s*[a-ząćęłńóśźż]")


@lru_cache(maxsize=None)
def _dangling() -> re.Pattern:
    words = sorted(data.word_list("list_item_dangling_words.txt"), key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(map(re.escape, words)) + r")$", re.I)


def continuation(lines, k: int, chrome: set, marked: bool = False):
    """Lines that continue line k when it was hard-wrapped: (text, end_char). In a marked list
    a short line also goes on when the next line starts in lower case ("1. Organizacja zajęć" /
    "dla dzieci")."""
    parts, end = [], lines[k][1]
    while k + 1 < len(lines) and " | " not in lines[k][2] and (
            wrapped(lines[k][2]) or marked and OPEN_END.search(lines[k][2].rstrip())
            and (LOWER_START.match(lines[k + 1][2]) or _dangling().search(lines[k][2]))):
        nxt = lines[k + 1][2]
        if not nxt.strip() or k + 1 in chrome or MARKER.match(nxt) or HEADING_END.search(nxt) or " | " in nxt:
            break
        k += 1
        parts.append(nxt.strip())
        end = lines[k][1]
    return parts, end, k


def list_after(lines, start: int, chrome: set, stop=None, max_items: int = 25, pick=None, line_items=None):
    """List items on the lines after `start`: (text, start_char, end_char).

    A marked list (bullets, numbers) ends at the first unmarked line; an unmarked one ends at
    a short heading-like line, a line ending with a colon or a long paragraph."""
    items = []
    marked = None
    table = gap = False
    one_per_line = _one_per_line(lines, start, line_items)
    k = start
    while k + 1 < len(lines):
        k += 1
        s, e, raw = lines[k]
        t = raw.strip().strip("\u00a0")
        if not t:
            if one_per_line and items:
                break  # the block of one-line items ends at the blank line
            gap = True
            continue
        if table and gap:
            break  # a table ends at the first blank line after it
        table = " | " in raw
        gap = False
        if k in chrome:
            if items:
                break
            continue
        if stop and stop(t):
            break
        has_marker = bool(MARKER.match(raw))
        if marked is None and " | " not in raw:
            marked = has_marker
        elif marked and not has_marker:
            break
        body, off = strip_marker(raw)
        if has_marker and not body.strip() and k + 1 < len(lines) and lines[k + 1][2].strip() \
                and not MARKER.match(lines[k + 1][2]) and k + 1 not in chrome:
            k += 1  # "1." alone on its line, the item on the next one
            s, e, raw = lines[k]
            body, off = strip_marker(raw)
        body_clean = clean_item(body, pick)
        words = body_clean.split()
        if " | " in raw:  # a table row: its header and number-only rows carry no item
            if len(words) < 2:
                continue
        elif not marked:
            if items and not one_per_line and (len(words) <= 4 and not re.search(r"[.;]$", body_clean)):
                break
            if HEADING_END.search(body_clean) or len(words) > 60:
                break
        if not body_clean:
            continue
        lead = len(body) - len(body.lstrip())
        cs = s + off + lead
        more, end, k = continuation(lines, k, chrome, marked=bool(marked)) if not one_per_line else ([], e, k)
        if more:
            body_clean = clean_item(" ".join([body_clean] + more))
            items.append((body_clean, cs, end))
        else:
            items.append((body_clean, cs, cs + len(body_clean)))
        if len(items) >= max_items:
            break
    return items


def _one_per_line(lines, start: int, line_items=None) -> bool:
    """Under a heading ending with a colon, a block of two or more unmarked lines none of which
    ends with punctuation is a list written one item per line, not a hard-wrapped paragraph
    (whose sentences end somewhere with a full stop)."""
    if not HEADING_END.search(lines[start][2]) and line_items is None:
        return False
    block = []
    for _s, _e, raw in lines[start + 1:start + 40]:
        t = raw.strip()
        if not t:
            if block:
                break
            continue
        if MARKER.match(raw) or " | " in raw:
            return False
        block.append(t)
    ok = len(block) >= 2 and not any(re.search(r"[.!?;,:]$", t) for t in block)
    if ok and not HEADING_END.search(lines[start][2]):  # no colon: every line must read as an item
        return all(line_items(t) for t in block)
    return ok


@lru_cache(maxsize=None)
def _elaboration() -> re.Pattern:
    """A part of a one-sentence list that details the part before it ("…, w tym …")."""
    return re.compile(r"(?:" + "|".join(sorted(data.word_list("list_item_elaborations.txt"), key=len, reverse=True))
                      + r")\s", re.I)


def _heads_phrase(word: str) -> bool:
    """A gerund or a noun in the nominative that cannot be a genitive ("rozwój", "wsparcie";
    not "zdrowia"): surely the head of a new item."""
    readings = morph.analyse(word)
    if any(a[1] == "subst" and "gen" in a[3] for a in readings):
        return False
    return any(a[1] == "ger" or a[1] == "subst" and "nom" in a[3] for a in readings)


LEADING_AND = re.compile(r"^(?:a\s+także|a\s+również|oraz|i)\s+", re.I)


def _loose_head(word: str) -> bool:
    """A word that may head a phrase in any case but the genitive ("rozwojem", "lepszą wymianę";
    not "zdrowia"): a list of goals in the instrumental or accusative after a verb."""
    readings = morph.analyse(word)
    if any(a[1] in ("subst", "adj") and "gen" in a[3] for a in readings):
        return False
    return any(a[1] in ("ger", "subst", "adj") for a in readings)


def split_heads(text: str, offset: int, loose: bool = False):
    """Items of a list written in one sentence, split at commas only when every part starts a
    new noun phrase ("rozwój wolontariatu, wsparcie seniorów"; not "poprawa jakości życia,
    zdrowia i bezpieczeństwa"); otherwise the whole text as one item."""
    body = text.rstrip(" .;,\n")
    parts = [p.strip() for p in re.split(r"\s*,\s*", body) if p.strip()]
    joined = [bool(LEADING_AND.match(p)) for p in parts]  # "…, a także budowanie …": surely a new item
    parts = [LEADING_AND.sub("", p) for p in parts]
    head = _loose_head if loose else _heads_phrase
    if len(parts) > 1 and all(len(p.split()) >= 2 and (j and loose or head(p.split()[0].lower()))
                              for p, j in zip(parts, joined)) \
            and not any(_elaboration().match(p) for p in parts):
        return list(split_inline(text, offset))
    return [(text, offset, offset + len(text))]


def split_inline(text: str, offset: int):
    """Items of a list written in one sentence: split at semicolons, or at commas when every
    part is a phrase of its own (two words or more); the last part also at "i"/"oraz" when a
    new noun phrase starts there ("… kolonii dla dzieci i wyjazdy integracyjne")."""
    body = text.strip(" .;,\n•▪◦●")
    for sep in ("[•▪◦●]", ";", ",(?!\\d)"):
        parts = [p for p in re.split(rf"\s*{sep}\s*", body) if p.strip()]
        if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
            break
    else:
        parts = [body]
    parts = parts[:-1] + _split_conjunction(parts[-1])
    for i in range(len(parts) - 1, 0, -1):  # "…, w tym prowadzenie klubu": a detail of the part before
        if _elaboration().match(parts[i]):
            parts[i - 1:i + 1] = [parts[i - 1] + ", " + parts[i]]
    pos = 0
    for p in parts:
        p = re.sub(r"^(?:i|oraz|a\s+także|również|także)\s+", "", " ".join(p.split()))
        p = strip_marker(p)[0] if re.match(r"(?:\d{1,2}[.)]|[a-z]\))\s", p) else p  # "1) …; 2. …" in one line
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


def _has_case(word: str, case: str, tags=("subst", "adj")) -> bool:
    return any(a[1] in tags and case in a[3] for a in morph.analyse(word))


def _genitive_pair(before: str, after: str) -> bool:
    """"… tradycji narodowej i kultury ludowej": a genitive on both sides of "i" joins two
    complements of one task, not two tasks (a verbal noun after "i" still starts one)."""
    return _has_case(before, "gen") and _has_case(after, "gen", ("subst",)) \
        and not any(a[1] == "ger" for a in morph.analyse(after))


def _split_conjunction(part: str) -> list[str]:
    words = part.split()
    for k in range(len(words) - 2, 1, -1):
        if words[k] in ("i", "oraz") and len(words) - k - 1 >= 2 and _starts_phrase(words[k + 1]) \
                and not _genitive_pair(words[k - 1], words[k + 1]):
            return _split_conjunction(" ".join(words[:k])) + [" ".join(words[k + 1:])]
    return [part]
