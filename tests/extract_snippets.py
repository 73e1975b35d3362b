"""Small helpers the extraction tests share: one snippet of our own text through the whole pipeline."""
from __future__ import annotations

from extract.record import extract_texts


def run(text: str) -> dict:
    """The record of one report text."""
    return next(extract_texts([{"path": "r.txt", "text": text, "title": None}]))


def tasks(text: str) -> list[str]:
    """Its priority tasks' texts, without a closing full stop."""
    return [t["text"].rstrip(".") for t in run(text)["priority_tasks"]]


def areas(text: str) -> list[tuple]:
    """Its priority tasks as (text, area)."""
    return [(t["text"].rstrip("."), t["area"]) for t in run(text)["priority_tasks"]]
