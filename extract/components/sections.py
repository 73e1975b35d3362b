"""Helpers shared by the goal and priority-task components: list items after a heading."""
from __future__ import annotations

import re

MARKER = re.compile(r"^\s*(?:[-•*–—·▪►✓✔◦○●■□→»]|\d{1,2}[.)]|[a-z][.)]|[IVX]{1,4}[.)])\s*")
HEADING_END = re.compile(r":\s*$")


def strip_marker(text: str) -> tuple[str, int]:
    """Text without its bullet/number, and how many characters the marker took."""
    m = MARKER.match(text)
    if m:
        return text[m.end():], m.end()
    n = len(text) - len(text.lstrip())
    return text.lstrip(), n


def clean_item(text: str, pick=None) -> str:
    """An item's text without emphasis marks and trailing separators; of a table row
    (` | `-separated cells) the cell `pick(cells)` chooses, by default the longest cell that is
    not a number or amount."""
    if " | " in text:
        cells = [c.strip() for c in text.split(" | ") if re.search(r"[^\W\d_]{3}", c)]
        if cells:
            text = (pick(cells) if pick else None) or max(cells, key=len)
    text = re.sub(r"\*\*|__", "", text).strip()
    text = text.strip(" \t\u00a0;")
    return text.rstrip(",")


def wrapped(line: str) -> bool:
    """A line of a hard-wrapped paragraph: long, and not ending a sentence or a list item."""
    t = line.rstrip()
    return len(t) >= 50 and not re.search(r"[.!?:;,]$", t)


def continuation(lines, k: int, chrome: set):
    """Lines that continue line k when it was hard-wrapped: (text, end_char)."""
    parts, end = [], lines[k][1]
    while wrapped(lines[k][2]) and k + 1 < len(lines) and " | " not in lines[k][2]:
        nxt = lines[k + 1][2]
        if not nxt.strip() or k + 1 in chrome or MARKER.match(nxt) or HEADING_END.search(nxt) or " | " in nxt:
            break
        k += 1
        parts.append(nxt.strip())
        end = lines[k][1]
    return parts, end, k


def list_after(lines, start: int, chrome: set, stop=None, max_items: int = 25, pick=None):
    """List items on the lines after `start`: (text, start_char, end_char).

    A marked list (bullets, numbers) ends at the first unmarked line; an unmarked one ends at
    a short heading-like line, a line ending with a colon or a long paragraph."""
    items = []
    marked = None
    table = gap = False
    one_per_line = _one_per_line(lines, start)
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
        more, end, k = continuation(lines, k, chrome) if not one_per_line else ([], e, k)
        if more:
            body_clean = clean_item(" ".join([body_clean] + more))
            items.append((body_clean, cs, end))
        else:
            items.append((body_clean, cs, cs + len(body_clean)))
        if len(items) >= max_items:
            break
    return items


def _one_per_line(lines, start: int) -> bool:
    """Under a heading ending with a colon, a block of two or more unmarked lines none of which
    ends with punctuation is a list written one item per line, not a hard-wrapped paragraph
    (whose sentences end somewhere with a full stop)."""
    if not HEADING_END.search(lines[start][2]):
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
    return len(block) >= 2 and not any(re.search(r"[.!?;,:]$", t) for t in block)
