"""One index of a report's text, built once per Doc and read by every component: its lines and
which of them are site chrome, its lower-cased form and its sentences. Components ask it instead
of each splitting and lower-casing the text again (lower-casing a report line by line, sentence
by sentence and whole, as the components did, cost about ten times the text's length)."""
from __future__ import annotations

import re
import weakref
from bisect import bisect_right

from . import data

# a sentence ends at ".", "!" or "?" before white space, or at a line break ("[.!?](?=\s)|\n"
# written as one class first, which the regex engine skips to quickly)
BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s))")
LIST_START = re.compile(r"\s*(?:[-•*–]|\d+[.)]|[a-z][.)])\s")
# "… do 6 listopada 2025 r. W dniu 29 października …": a year's "r." ends the sentence before a capital
YEAR_END = re.compile(r"[ \t]\d{4}[ \t]r\.[ \t]+[A-ZĄĆĘŁŃÓŚŹŻ](?:[a-ząćęłńóśźż]|[ \t])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a full stop after an abbreviation (`br.`, `ul.`) or a
    number does not end one, nor does the line break of a hard-wrapped paragraph. Sentences of
    white space only are left out; the others cover the text, each starting right after the
    boundary character that ended the one before."""
    abbrs = data.word_list("abbreviations_dotted.txt")
    out = []
    start = 0
    for m in BOUNDARY.finditer(text):
        b = m.start()
        if text[b] == "\n":
            line_start = text.rfind("\n", 0, b) + 1
            # (a line shorter than 50 characters is never a wrapped one: no slicing needed)
            line = text[line_start:b].rstrip() if b - line_start >= 50 else ""
            if len(line) >= 50 and line[-1:] not in ".!?:;":
                nxt = text[m.end():m.end() + 80]
                if nxt.strip() and not nxt.startswith("\n") and not LIST_START.match(nxt):
                    continue
            if b > start and not text[start:b].isspace():  # (a blank line is white space only)
                out.append((start, b + 1))
        else:
            w_start = max(text.rfind(" ", start, b), text.rfind("\n", start, b), start - 1) + 1
            w = text[w_start:b].lower().lstrip("(„\"")
            if (w in abbrs or w.isdigit() or (len(w) == 1 and w.isalpha())) and not YEAR_END.match(text, w_start - 6):
                continue
            out.append((start, b + 1))  # (ending at ".", "!" or "?": never white space only)
        start = b + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


class TextIndex:
    """The text of one Doc with its lines, chrome lines, lower-cased form and sentences. Built
    by partmon_layout; the parts a component does not ask for are never made.

    Offsets are those of the text throughout. `lower` is the whole text lower-cased (the value
    of `text.lower()`); `low` is the same string when each slice of it is the lower-cased slice
    of the text (`low[s:e] == text[s:e].lower()`), which components read instead of lower-casing
    each line or sentence again, and None when that does not hold: a letter that lower-cases to
    two characters ("İ") shifts the offsets, and "Σ" lower-cases by its neighbours (final "ς").
    Callers then lower-case their own pieces, as before."""

    def __init__(self, text: str, lines: list, chrome=()):
        self.text = text
        self.lines = lines  # (start, end, line text without "\r")
        self.line_starts = [s for s, _e, _t in lines]
        self.chrome = frozenset(chrome)  # indexes of site-chrome lines (set by partmon_layout)
        self._lower = None
        self._low = False  # not computed yet (None is a valid value)
        self._sentences = None

    # ---- lines ----
    def in_chrome(self, pos: int) -> bool:
        """The character offset `pos` is on a site-chrome line."""
        return bool(self.chrome) and bisect_right(self.line_starts, pos) - 1 in self.chrome

    # ---- the lower-cased text ----
    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def low(self) -> str | None:
        if self._low is False:
            lower = self.lower
            self._low = lower if len(lower) == len(self.text) and "Σ" not in self.text else None
        return self._low

    # ---- sentences ----
    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence (see `sentences()`), computed once."""
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences


# The index of each Doc, held beside it rather than in a Doc extension: extension values travel
# with the Doc when it is serialised (nlp.pipe with n_process > 1), and the index is working
# state, not a result. It goes away with its Doc.
_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def attach(doc, index: TextIndex) -> TextIndex:
    _INDEXES[doc] = index
    return index


def of(doc) -> TextIndex:
    """The index of `doc` (built from the layout extensions when it has none yet, e.g. for a
    Doc that was serialised after partmon_layout ran)."""
    index = _INDEXES.get(doc)
    if index is None:
        ext = doc._
        index = attach(doc, TextIndex(ext.text, ext.lines, ext.chrome or ()))
    return index
