"""Loads the word lists (lexicon/) and rule files (patterns/) that the components use."""
from __future__ import annotations

import json
import re
import re._parser as sre_parse
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
        self._floating_patterns = tuple(floating)
        # per floating pattern, strings one of which a match must contain (None: no such string)
        self._strings = tuple((r, k) for k, p in enumerate(floating) for r in (required_strings(p) or (None,)))

    def floating_lines(self, text: str, line_starts: list[int], low: str | None = None) -> set[int] | None:
        """Indexes of the lines of `text` where a floating pattern matches, in one scan of the
        whole text (much cheaper than one search per line); None when lower-casing changes the
        text's length (offsets would not map back). `low`: the text lower-cased, when the caller
        has it (TextIndex.low)."""
        low = text.lower() if low is None else low
        if len(low) != len(text):
            return None
        if self.floating is None:
            return set()
        # only the patterns whose required strings occur (usually none): the same matches, as a
        # pattern that cannot match anywhere never wins an alternation
        present = tuple(sorted({k for r, k in self._strings if r is None or r in low}))
        if not present:
            return set()
        rx = self._whole_text(present)
        return {bisect_right(line_starts, m.start()) - 1 for m in rx.finditer(low)}

    @lru_cache(maxsize=256)
    def _whole_text(self, present: tuple) -> re.Pattern:
        """The alternation of some floating patterns over a whole text: `$` at each line's end."""
        return re.compile("|".join(f"(?:{self._floating_patterns[k]})" for k in present), re.M)

    def search_anchored(self, line: str, low: str | None = None) -> bool:
        """(`low`: the line lower-cased, when the caller has it)"""
        return bool(self.anchored and self.anchored.match(line.lower() if low is None else low))

    def search(self, line: str, low: str | None = None) -> bool:
        low = line.lower() if low is None else low
        return bool((self.anchored and self.anchored.match(low)) or (self.floating and self.floating.search(low)))


def required_strings(pattern: str) -> tuple | None:
    """Literal strings one of which every match of `pattern` contains ("\\blogo\\b" → ("logo",),
    "cookies|ciasteczk" → ("cookies", "ciasteczk")); None when the pattern has no such string.
    Lets a scan skip patterns whose strings are absent (`str in` is far cheaper than a regex)."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # an unusual construct: always try the pattern
        return None
    if parsed.state.flags & (re.I | re.X):  # "(?i)…": literals may match in another case
        return None
    return _required(list(parsed))


def _required(items) -> tuple | None:
    best, run = None, ""
    for op, av in items + [(None, None)]:
        if op is sre_parse.LITERAL:
            run += chr(av)
            continue
        if op is sre_parse.AT:  # zero-width: the run goes on
            continue
        if run and (best is None or len(run) > len(min(best, key=len))):
            best = (run,)
        run = ""
        if op is sre_parse.BRANCH:
            alts = [_required(list(b)) for b in av[1]]
            if all(alts) and (best is None or min(map(len, (a for alt in alts for a in alt))) > len(min(best, key=len))):
                best = tuple(a for alt in alts for a in alt)
        elif op is sre_parse.SUBPATTERN and not av[1] and not av[2]:  # a plain group, no flags
            sub = _required(list(av[-1]))
            if sub and (best is None or len(min(sub, key=len)) > len(min(best, key=len))):
                best = sub
    return best


def first_chars(pattern: str) -> frozenset | None:
    """The characters a match of `pattern` can start with ("\\b[Gg]min" → {"G", "g"}); None when
    that cannot be told. Lets a scan try the pattern only where one of them stands."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return None
    if parsed.state.flags & re.I:
        return None
    return _first(list(parsed))


def _first(items) -> frozenset | None:
    for op, av in items:
        if op is sre_parse.AT:  # zero-width
            continue
        if op is sre_parse.LITERAL:
            return frozenset(chr(av))
        if op is sre_parse.IN:
            out = set()
            for o, a in av:
                if o is sre_parse.LITERAL:
                    out.add(chr(a))
                elif o is sre_parse.RANGE and a[1] - a[0] < 512:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None
            return frozenset(out)
        if op is sre_parse.BRANCH:
            alts = [_first(list(b)) for b in av[1]]
            return None if any(a is None for a in alts) else frozenset().union(*alts)
        if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:
            return _first(list(av[-1]))
        return None
    return None


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
