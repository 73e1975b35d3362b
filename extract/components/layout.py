"""partmon_layout: splits the text into lines and words and marks site chrome (menus, link
lists, counters, footers), which the other components skip."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc

from . import data, text_index

WORD = re.compile(r"[A-Za-zÀ-ž]+(?:[-‐][A-Za-zÀ-ž]+)*")
# text → [gap, word, gap, word, …, gap]: WORD with possessive repeats (a word ends at the first
# character not a letter, so giving letters back never helps), which the regex engine runs
# without keeping backtracking state for every word
WORD_SPLIT = re.compile(r"([A-Za-zÀ-ž]++(?:[-‐][A-Za-zÀ-ž]++)*+)")
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
# a line ending in a date ("Warsztaty w Borkach – 12 maja 2021 r.", "Relacja (03.06.2021 r.)"): the
# full stop of "r." or after the year ends a list item's date, not a sentence
DATE_END = re.compile(r"(?:\d{4}|\d{4}-\d\d-\d\d)[ \t]*(?:r\.|roku)?[)\]]?\.?[ \t]*$")

for _name in ("lines", "chrome", "words", "title", "text", "word_chrome", "line_starts", "line_chrome", "word_strs"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# a list marker starting a line ("- ", "• ", "3.", "2)"): a list item, not a menu entry
LIST_MARKER = re.compile(r"^(?:[-•*–]|\d+[.)])")


def _is_short(text: str) -> bool:
    """A link-list line: a dozen words at most, not a sentence (a line ending in a date is an
    item of a list of posts, "title – date", even with a full stop after it)."""
    return len(text.split()) <= 12 and (not SENTENCE_END.search(text) or DATE_END.search(text) is not None)


def _menu_runs(lines) -> set[int]:
    """Runs of three or more adjacent one-to-three-word lines (not in capitals, no punctuation,
    no list markers) above the first paragraph: a navigation menu."""
    out = set()
    run = []
    for i, (_s, _e, line) in enumerate(lines):
        t = line.strip()
        words = t.split()
        if len(words) >= 8 and SENTENCE_END.search(t):
            break
        if t and len(words) <= 3 and not t.isupper() and not SENTENCE_END.search(t) \
                and not any(c.isdigit() for c in t) \
                and not LIST_MARKER.match(t):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    if len(run) >= 3:
        out.update(run)
    return out


def chrome_lines(lines: list[tuple[int, int, str]], text: str | None = None, low: str | None = None) -> set[int]:
    """Indexes of lines that belong to the site around the report, not to the report (`text`:
    the whole text the lines were cut from, for a faster scan; `low`: that text lower-cased, as
    TextIndex.low gives it, so that no line is lower-cased again)."""
    markers = data.line_matcher("chrome_markers.txt")
    floating = markers.floating_lines(text, [s for s, _e, _t in lines], low) if text is not None else None
    headings = data.word_list("chrome_headings.txt")
    report_heading = data.regex_list("title_words.txt")
    chrome = _menu_runs(lines)
    first = next((i for i, (_s, _e, t) in enumerate(lines) if t.strip()), None)
    if first is not None and " | " in lines[first][2] and len(lines[first][2].split()) <= 10:
        chrome.add(first)  # a browser title "Section | Site" heading a text dump
    in_block = False
    for i, (start, _e, line) in enumerate(lines):
        t = line.strip()
        if not t:
            continue
        # (white space lower-cases to itself: the stripped slice is the stripped line lower-cased)
        lt = t.lower() if low is None else low[start:start + len(line)].strip()
        if lt.rstrip(":") in headings:
            chrome.add(i)
            in_block = True
            continue
        if in_block:
            if _is_short(t) and not (report_heading.search(t) and not any(c.isdigit() for c in t)):
                chrome.add(i)
                continue
            in_block = False
        exact = floating is None or line[-1:].isspace()  # "…$" patterns miss a line with trailing spaces
        if len(t) <= 200 and (markers.search(t, lt) if exact else
                              (i in floating or markers.search_anchored(t, lt))):  # chrome lines are short
            chrome.add(i)
    return chrome


@Language.factory("partmon_layout")
def make_layout(nlp, name):
    return LayoutComponent()


class LayoutComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        text = ext.text
        if text is None:  # a Doc not made by our tokenizer (Doc.text is rebuilt on every access)
            text = ext.text = doc.text
        lines = []
        pos = 0
        for body in text.split("\n"):
            lines.append((pos, pos + len(body), body.rstrip("\r")))
            pos += len(body) + 1
        ext.lines = lines
        index = text_index.attach(doc, text_index.TextIndex(text, lines))  # shared by the components
        chrome = chrome_lines(lines, text, index.low)
        index.chrome = frozenset(chrome)
        ext.chrome = sorted(chrome)  # a list: extension values must serialise (n_process > 1)
        # the words and their offsets from one split: the pieces' lengths summed give the offsets
        pieces = WORD_SPLIT.split(text)
        offsets = list(accumulate(map(len, pieces), initial=0))
        wstarts = offsets[1::2]  # the words' starts
        ext.words = list(zip(wstarts, offsets[2::2]))
        ext.word_strs = pieces[1::2]  # the words' strings, read by several components
        ext.line_starts = index.line_starts  # (the same list: no one changes it)
        line_chrome = [False] * len(lines)
        for k in chrome:
            line_chrome[k] = True
        ext.line_chrome = line_chrome
        words = ext.words
        word_chrome = [False] * len(words)
        if chrome:
            for k in chrome:  # the words of each chrome line, found by bisection
                nxt = lines[k + 1][0] if k + 1 < len(lines) else len(text) + 1
                a, b = bisect_left(wstarts, lines[k][0]), bisect_left(wstarts, nxt)
                word_chrome[a:b] = [True] * (b - a)
        ext.word_chrome = word_chrome
        ext.title = guess_title(lines, chrome)
        return doc


def _heading_like(text: str) -> bool:
    words = text.split()
    if len(text) < 4 or not WORD.search(text) or len(words) > 15 or text.endswith((".", ",", ";")):
        return False
    if len(words) == 1 and not text[:1].isupper():
        return False
    # a bare date or an author's login is not a title
    return not re.fullmatch(r"[\d\s.,/-]*(?:\w+[\s,]*)?\d{4}[\s.,]*|\S+", text) or len(words) > 1 and not re.fullmatch(r"\d{1,2}\s+\w+,?\s+\d{4}", text)


class _Squashed:
    """The lines with white space squashed, each computed when first read."""

    def __init__(self, lines):
        self.lines = lines
        self.done = {}

    def __len__(self):
        return len(self.lines)

    def __getitem__(self, i: int) -> str:
        t = self.done.get(i)
        if t is None:
            t = self.done[i] = " ".join(self.lines[i][2].split())
        return t

    def __iter__(self):
        return (self[i] for i in range(len(self.lines)))


def guess_title(lines, chrome: set) -> str | None:
    """The report's own heading: the first heading-like line naming a report or meeting; else
    the first heading-like line after the site chrome that precedes the first paragraph; failing
    that, the nearest heading above that paragraph."""
    texts = _Squashed(lines)  # most reports name themselves in their first lines: squash lazily
    marker = data.regex_list("title_words.txt")
    for i in range(len(lines)):
        if i in chrome:
            continue
        t = texts[i]
        if not t or len(t.split()) > 20 or t.endswith((".", ",", ";")) or not marker.search(t):
            continue
        if t.count("„") > t.count("”") and i + 1 < len(texts) and "”" in texts[i + 1]:
            t = f"{t} {texts[i + 1]}"  # a heading wrapped inside its quoted name
        return t
    first_para = next((i for i, (_s, _e, t) in enumerate(lines) if i not in chrome and len(t.split()) >= 8), len(texts))
    last_chrome = max([i for i in chrome if i < first_para], default=-1)
    for i in range(last_chrome + 1, first_para):
        if i not in chrome and _heading_like(texts[i]) and len(texts[i].split()) > 1:
            return texts[i]
    for i in range(min(first_para, len(texts)) - 1, -1, -1):
        if i not in chrome and _heading_like(texts[i]) and len(texts[i].split()) > 1 \
                and not re.fullmatch(r"\d{1,2}\s+\w+,?\s+\d{4}", texts[i]):
            return texts[i]
    return next((t for i, t in enumerate(texts) if i not in chrome and _heading_like(t)), None)


def line_index(doc: Doc, char: int) -> int:
    """Index of the line holding character offset `char`."""
    return max(bisect_right(doc._.line_starts, char) - 1, 0)


def chrome_test(doc: Doc):
    """A function telling whether a character offset of `doc` is in site chrome; reads the
    extensions once (each `doc._` access builds a new object, too slow per call)."""
    ext = doc._
    flags, starts = ext.line_chrome, ext.line_starts
    if not flags or not any(flags):
        return lambda char: False
    return lambda char: flags[max(bisect_right(starts, char) - 1, 0)]


def in_chrome(doc: Doc, char: int) -> bool:
    flags = doc._.line_chrome
    return bool(flags) and flags[line_index(doc, char)]
