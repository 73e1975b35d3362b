"""Loads the word lists (lexicon/) and rule files (patterns/) that the components use."""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "lexicon"
PATTERNS = ROOT / "patterns"


def _lines(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n")


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset:
    return frozenset(line.strip() for line in _lines(LEXICON / name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple:
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in _lines(LEXICON / name))


@lru_cache(maxsize=None)
def jsonl(name: str) -> tuple:
    return tuple(json.loads(line) for line in _lines(PATTERNS / name))


@lru_cache(maxsize=None)
def regex_list(name: str) -> re.Pattern:
    """One case-insensitive alternation of the regular expressions listed in a lexicon file."""
    return re.compile("|".join(f"(?:{p})" for p in _lines(LEXICON / name)), re.I)


class LineMatcher:
    """The patterns of a lexicon file, split for speed: those anchored at the line start are
    tried there only, the rest are searched in the lower-cased line."""

    def __init__(self, patterns):
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self.anchored = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
        self.floating = re.compile("|".join(f"(?:{p})" for p in floating)) if floating else None
        # the same patterns over a whole text: `$` at each line's end, `.` never past it
        self._floating_m = re.compile("|".join(f"(?:{p})" for p in floating), re.M) if floating else None

    def floating_lines(self, text: str, line_starts: list[int]) -> set[int] | None:
        """Indexes of the lines of `text` where a floating pattern matches, in one scan of the
        whole text (much cheaper than one search per line); None when lower-casing changes the
        text's length (offsets would not map back)."""
        low = text.lower()
        if len(low) != len(text):
            return None
        if self.floating is None:
            return set()
        rx = self._floating_m
        return {bisect_right(line_starts, m.start()) - 1 for m in rx.finditer(low)}

    def search_anchored(self, line: str) -> bool:
        return bool(self.anchored and self.anchored.match(line.lower()))

    def search(self, line: str) -> bool:
        low = line.lower()
        return bool((self.anchored and self.anchored.match(low)) or (self.floating and self.floating.search(low)))


@lru_cache(maxsize=None)
def line_matcher(name: str) -> LineMatcher:
    return LineMatcher(list(_lines(LEXICON / name)))


@lru_cache(maxsize=None)
def months() -> dict:
    """Every month form (lower case) → month number."""
    out = {}
    for row in table("months.tsv"):
        for form in row[1:]:
            out[form] = int(row[0])
    return out
