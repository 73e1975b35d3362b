"""Scraped text as safe HTML with extracted items highlighted at their character offsets.

Everything from the warehouse is escaped with `html.escape` before our own `<mark>` tags
are added, so a report containing `<script>` shows those characters instead of running them.
"""
from __future__ import annotations

import html
from typing import Iterable

# background per kind of extracted item (light tones, readable with dark text)
COLOURS = {
    "organisation": "#ffd8a8", "date": "#a5d8ff", "goal": "#b2f2bb",
    "priority_task": "#fcc2d7", "meeting": "#e9ecef", "person": "#d0bfff",
    "legal_act": "#ffec99", "funding": "#96f2d7",
}


def clean_spans(spans: Iterable, length: int) -> list[tuple[int, int, str, str]]:
    """Keep spans with usable offsets, clamped to the text; `(start, end, kind, label)`."""
    out = []
    for start, end, kind, label in spans:
        try:
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            continue
        start, end = max(0, start), min(length, end)
        if start < end:
            out.append((start, end, str(kind), "" if label is None else str(label)))
    return out


def highlight_html(text: str, spans: Iterable, kind_labels: dict[str, str] | None = None) -> str:
    """HTML for `text` with each span wrapped in a coloured <mark>; nested spans allowed.

    Each stretch of text between span edges is coloured by the innermost (shortest) span
    covering it; its tooltip names every item covering it.
    """
    text = text or ""
    spans = clean_spans(spans, len(text))
    kind_labels = kind_labels or {}
    edges = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starting: dict[int, list] = {}
    for sp in spans:
        starting.setdefault(sp[0], []).append(sp)
    active: list = []  # spans covering the current stretch (a sweep: no span is rescanned)
    parts = []
    for a, b in zip(edges, edges[1:]):
        active = [sp for sp in active if sp[1] > a] + starting.get(a, [])
        chunk = html.escape(text[a:b])
        if not active:
            parts.append(chunk)
            continue
        covering = sorted(active, key=lambda sp: (sp[0] - sp[1], sp[0]))  # outermost first
        inner = covering[-1]
        tip = "\n".join(f"{kind_labels.get(k, k)}: {label}" for _, _, k, label in covering)
        colour = COLOURS.get(inner[2], "#dee2e6")
        parts.append(f'<mark class="pm-{html.escape(inner[2])}" title="{html.escape(tip)}" '
                     f'style="background:{colour};color:inherit;padding:0 1px;'
                     f'border-radius:3px">{chunk}</mark>')
    return ('<div class="pm-text" style="white-space:pre-wrap;font-size:0.95rem;'
            'line-height:1.6;max-height:70vh;overflow-y:auto;padding:0.8rem 1rem;'
            'border:1px solid #dee2e6;border-radius:6px">' + "".join(parts) + "</div>")


def legend_html(kinds: Iterable[str], kind_labels: dict[str, str]) -> str:
    """A row of coloured swatches naming the highlighted kinds."""
    items = [f'<span style="background:{COLOURS.get(k, "#dee2e6")};padding:1px 8px;'
             f'border-radius:3px;margin-right:8px">{html.escape(kind_labels.get(k, k))}</span>'
             for k in kinds]
    return '<div style="margin:0.3rem 0">' + "".join(items) + "</div>"
