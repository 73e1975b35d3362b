"""partmon_dates: finds calendar dates, months, ranges and years written in the report body
and resolves relative ones (`br.`) against the document's own year."""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data, text_index
from .layout import chrome_test

if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=None)
if not Doc.has_extension("doc_year"):
    Doc.set_extension("doc_year", default=None)
if not Doc.has_extension("site_dates"):  # dates on a page's record card ("Opublikował: … (2019-10-28)")
    Doc.set_extension("site_dates", default=None)


DIGIT = re.compile(r"\d")
DIGITS = re.compile(r"\d\d*")  # (not "\d+": a pattern opening with a repeat gets no fast skip to its first character)
# ("br." not "br": that is in "dobry", "obrady", … and would send most texts on the slow path)
RELATIVE_HINTS = ("br.", "b.r", "b. r", "Br.", "BR.", "B.r", "B.R", "ieżąc", "IEŻĄC", "ego roku", "EGO ROKU", "en rok", "EN ROK",
                  "ub.", "ubr", "p.r", "p. r")
WINDOW, WINDOW_AFTER = 40, 30  # characters before/after a digit that a date written with it can take
# the runs of digits whose windows touch (at most WINDOW + WINDOW_AFTER other characters between
# two runs), found as one match each: the windows are built per cluster, not per number
# (possessive repeats: a gap too long fails at once instead of backtracking; a plain \d first
# for the engine's fast skip, as in DIGITS)
DIGIT_CLUSTER = re.compile(r"\d\d*+(?:\D{0,%d}+\d\d*+)*+" % (WINDOW + WINDOW_AFTER))


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}  # the months written as Roman numerals
ROMAN_RE = "(?-i:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"


# characters re.I matches with a Latin letter besides its two cases ("ſ" ~ "s", Kelvin sign ~ "k")
EXTRA_FOLDS = "\u017f\u212a\u0131\u0130"


def any_case(ch: str) -> str:
    """The characters that match `ch` under re.I, as the body of a character class."""
    return "".join(sorted({c for c in (ch.lower(), ch.upper(), *EXTRA_FOLDS) if re.fullmatch(re.escape(ch), c, re.I)}))


def trie_regex(words, word_start: bool = False, any_case_start: bool = False) -> str:
    """An alternation of `words` as a prefix tree: far fewer branches to try at each position.

    `word_start`: each match starts a word, checked after its first character ("d(?<!\\wd)wa"), so
    the pattern starts with a plain character, which the regex engine looks for quickly (a
    look-behind first is tried at every position); only for patterns without re.I.

    `any_case_start`: case-insensitive words that start a word, for a pattern compiled without
    re.I: one class of the first letters in all their cases, then the rest under (?i:), each branch
    picked by a look-behind at its first letter ("[Mm](?<!\\w.)(?i:(?<=m)aja)"). The same matches as
    `(?<!\\w)` + the tree under re.I, but the engine skips to those letters instead of trying the
    tree at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node, top=False) -> str:
        alts = [re.escape(ch) + (rf"(?<!\w{re.escape(ch)})" if top else "") + build(child)
                for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    if any_case_start:
        firsts = sorted(ch for ch in trie if ch)
        return ("[" + "".join(re.escape(any_case(ch)) for ch in firsts) + r"](?<!\w.)(?i:"
                + "|".join(f"(?<={re.escape(ch)})" + build(trie[ch]) for ch in firsts) + ")")
    return build(trie, top=word_start)


@lru_cache(maxsize=None)
def relative_years() -> tuple:
    """(compiled form, offset in years) of each relative year form (lexicon/relative_years.tsv)."""
    return tuple((re.compile(form + r"$", re.I), int(row[0])) for row in data.table("relative_years.tsv")
                 for form in row[1:])


def _relative_re() -> str:
    return "|".join(form for row in data.table("relative_years.tsv") for form in row[1:])


@lru_cache(maxsize=None)
def relative_anchor() -> re.Pattern:
    """Where a relative year may stand: windows are opened around these as around digits."""
    return re.compile(r"(?<!\w)(?:" + _relative_re() + ")", re.I)


def _offset(rel: str | None) -> int:
    for rx, off in relative_years():
        if rel and rx.match(rel):
            return off
    return 0


@lru_cache(maxsize=None)
def compiled_patterns():
    month_re = trie_regex(data.months())
    # {MONTH_WORD}: a month word checking the character before it itself, for a form opening with
    # it ("self_bounded"): found by its first letter instead of a look-behind tried everywhere
    # (its class of first letters in both cases outside re.I, which the patterns are compiled with)
    month_word_re = "(?-i:" + trie_regex(data.months(), any_case_start=True) + ")"
    weekday_re = "|".join(re.escape(w) for w in sorted(data.word_list("weekdays.txt"), key=len, reverse=True))
    rel_re = _relative_re()
    out = []
    for spec in data.jsonl("dates.jsonl"):
        if spec.get("whole_text"):
            continue  # see month_no_year_rules()
        pat = spec["pattern"].replace("{MONTH_WORD}", month_word_re).replace("{MONTH}", month_re) \
            .replace("{WEEKDAY}", weekday_re).replace("{REL}", rel_re).replace("{ROMAN}", ROMAN_RE)
        # (a gate may start with a rarer character than its digits, checking the digits before it
        # by a look-behind: "-(?<=\d\d\d\d-)…" is found as fast as the bare "-")
        gate_src = (spec.get("gate") or "").replace("{RELGATE}", rel_re)
        gate = re.compile(gate_src, re.I) if gate_src else None
        not_after = re.compile(r"(?:" + spec["not_after"] + r")\s*$", re.I) if spec.get("not_after") else None
        # a pattern that checks the character before it itself ("self_bounded") can start with a
        # bare digit, which the regex engine looks for quickly (a look-behind first is tried everywhere)
        start = "" if spec.get("self_bounded") else r"(?<!\w)"
        # a form whose "br." is optional ("rel_optional") is searched in every text, not only in those with "br."
        needs_relative = "{REL}" in spec["pattern"] and "(?P<rel>{REL})?" not in spec["pattern"] \
            and not spec.get("rel_optional")
        out.append((spec["kind"], re.compile(start + r"(?:" + pat + r")(?!\w)", re.I), gate, "{MONTH" in spec["pattern"],
                    not_after, needs_relative, spec.get("roman_lead", False)))
    return out


# gates opening with one of these are searched together (_gates_found); a gate's digit is one
# ending its run of digits ("\d(?!\d)": each run is tried once, not at each of its digits)
GATE_LEADS = (r"\d(?!\d)", "(?-i:[IVX])")


@lru_cache(maxsize=None)  # (asked for each gate of each text)
def _gate_lead(src: str) -> str | None:
    """The element of GATE_LEADS that `src` opens with (not followed by a repeat), or None."""
    for lead in GATE_LEADS:
        if src.startswith(lead) and src[len(lead):len(lead) + 1] not in ("*", "+", "?", "{"):
            return lead
    return None


@lru_cache(maxsize=None)
def gate_families() -> dict:
    """(monthly, lead) → the gates searched in that view that open with that lead."""
    out: dict = {}
    for _kind, _rx, gate, monthly, *_ in compiled_patterns():
        lead = _gate_lead(gate.pattern) if gate is not None else None
        if lead and gate.pattern not in out.setdefault((monthly, lead), ()):
            out[(monthly, lead)] += (gate.pattern,)
    return out


@lru_cache(maxsize=None)
def _gate_family_rx(gates: tuple) -> re.Pattern:
    """The gates `gates` (all opening with one lead) as one pattern: the lead, then each gate's
    rest as a named alternative (g0, g1, …); it matches where one of the gates does."""
    lead = _gate_lead(gates[0])
    return re.compile(lead + "(?:" + "|".join(f"(?P<g{i}>{g[len(lead):]})" for i, g in enumerate(gates)) + ")", re.I)


def _gates_found(view: str, gates: tuple) -> dict:
    """Whether each gate of `gates` (one family) matches in `view`. Mostly none does, found in one
    scan instead of one per gate. Where the family matches, the gate named by the alternative is
    true; the others are searched on from there (at the places before it none matched)."""
    out = {}
    pos = 0
    while gates:
        m = _gate_family_rx(gates).search(view, pos)
        if m is None:
            break
        hit = gates[int(m.lastgroup[1:])]
        out[hit] = True
        gates, pos = tuple(g for g in gates if g != hit), m.start()
    out.update(dict.fromkeys(gates, False))
    return out


@lru_cache(maxsize=None)
def month_no_year_rules():
    """The month written without a year ("w sierpniu", "do końca marca"): one scan of the whole
    text for lower-case month words (a prefix tree starting with a plain letter), each kept when
    a preposition stands right before it and no year, day or range follows."""
    months = trie_regex(data.months(), word_start=True) + r"(?!\w)"
    rx = re.compile(months)
    return [(spec["kind"], rx, re.compile(spec["before"]), re.compile(spec["after_not"], re.I),
             re.compile(spec["after"].replace("{MONTH}", "(?P<m2>" + months + ")")) if spec.get("after") else None,
             spec.get("text_from_month", False))
            for spec in data.jsonl("dates.jsonl") if spec.get("whole_text")]


def _months_without_year(text: str, months, skip, taken_starts, taken_ends, found) -> None:
    """`months`: the lower-case month words of `text` (the matches of month_no_year_rules' scan;
    find_dates has them from its month scan)."""
    rules = month_no_year_rules()
    if not rules:
        return
    for m in months:  # one scan: the rules share the month words
        for kind, _rx, before, after_not, after, from_month in rules:
            b = before.search(text, max(0, m.start() - 20), m.start())
            if b is None or after_not.match(text, m.end()):
                continue
            a = after.match(text, m.end()) if after is not None else None
            if after is not None and a is None:
                continue
            s, e = (m.start() if from_month else b.start()), m.end()
            groups = {"m": m.group()}
            if a is not None and a.groupdict().get("m2"):  # "na przełomie października i listopada": a range
                e, groups = a.end(), {"m1": m.group(), "m2": a.group("m2")}
            pair = month_pair_rx().match(text, m.end())
            if pair:  # "w lipcu i sierpniu 2021 r.": the year of the second month is the first's too
                kind, groups = "month", {"m": m.group(), "y": pair.group("y")}
            first = month_from_rx().search(text, max(0, s - 25), s) if b.group().strip() in ("do", "Do") else None
            if first:  # "od marca do maja": one range
                s, kind, groups = first.start(), "month_range_relative", {"m1": first.group("m1"), "m2": m.group()}
            j = bisect_left(taken_starts, e)
            if (j and taken_ends[j - 1] > s) or skip(s):
                continue
            taken_starts.insert(j, s)
            taken_ends.insert(j, e)
            found.append({"kind": kind, "start": s, "end_char": e, "groups": groups})
            break


# a Roman numeral alone as a word after a space, found by its first letter (a look-behind first
# would be tried at every position): "w XI.", "do XII;" — then checked for a preposition before
# and an end after
ROMAN_WORD = re.compile(r"[IVX](?<=[ \t\xa0].)(?-i:(?<=X)(?:II|I)?|(?<=I)(?:X|V|II|I)?|(?<=V)(?:III|II|I)?)(?![\w.]\w|[.\s]\d)")
ROMAN_LEAD = re.compile(r"(?<![\w.])(?:[Ww]e?|[Zz]e?|[Oo]d|[Dd]o|[Nn]a|[Pp]o|[Pp]rzed|(?:[Dd]o\s+|[Zz]\s+)?końc(?:a|em)"
                        r"|(?:[Nn]a\s+)?początku|(?:[Ww]\s+)?połowie)\s+$")
# what may follow such a month: the clause ends, or "i"/"oraz" and another month
ROMAN_END = re.compile(r"[ \t]*(?:[,;:!?)]|\.(?![ \t]*[a-ząćęłńóśźż\d])|\n|$)|\s+(?:i|oraz|lub|albo)\s+"
                       + ROMAN_RE + r"(?!\w)")


ROMAN_BEFORE = re.compile(r"(?<![\w.])" + ROMAN_RE + r"[ \t\xa0]*$")


def _roman_stands_alone(text: str, start: int) -> bool:
    """A Roman month with its year and no preposition: nothing but punctuation or a line start
    before it ("(X 2019)", "termin: X 2016", "| XII 2019 |"), not a word ("Etap II 2020")."""
    k = start
    while k > 0 and text[k - 1] in " \t\xa0":
        k -= 1
    if k and text[k - 1] in "-–—,":  # "klas I–III 2020": the end of a span of numerals after a word
        return not ROMAN_BEFORE.search(text, max(0, k - 12), k - 1)
    return k == 0 or not text[k - 1].isalnum()


def _roman_months_without_year(text: str, skip, taken_starts, taken_ends, found) -> None:
    """A Roman month without a year after a preposition, ending its clause ("na sesji w XI.",
    "do końca XII;"): the document's year. One scan for a space and a capital I, V or X (rare in
    Polish prose), each then checked for a preposition before and a clause end after."""
    for m in ROMAN_WORD.finditer(text):
        lead = ROMAN_LEAD.search(text, max(0, m.start() - 16), m.start())
        if lead is None or not ROMAN_END.match(text, m.end()):
            continue
        s, e = lead.start(), m.end()
        j = bisect_left(taken_starts, e)
        if (j and taken_ends[j - 1] > s) or skip(s):
            continue
        taken_starts.insert(j, s)
        taken_ends.insert(j, e)
        found.append({"kind": "month_roman_no_year", "start": s, "end_char": e, "groups": {"rm": m.group()}})


NEXT_YEAR_KINDS = ("month_no_year", "day_no_year", "month_roman_no_year")


@lru_cache(maxsize=None)
def sentence_years() -> tuple:
    """(cue, offset) of each cue that sets the year of a sentence (lexicon/date_sentence_years.tsv)."""
    return tuple((re.compile("(?:" + "|".join(row[1:]) + ")", re.I), int(row[0]))
                 for row in data.table("date_sentence_years.tsv"))


CLAUSE_START = re.compile(r"[.!?]\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])|[\n,;:|]|\s[–—-]\s")


def _year_shift(text: str, start: int, month: int, ref_month: int) -> int:
    """Years to add to a month or day named without a year: what its clause says ("w ubiegłym
    roku … w maju": -1; a past tense: 0), else +1 for a month at most four months after the
    document's own across the new year ("do końca stycznia" written in November)."""
    sentence = text[max(0, start - 160):start]
    cut = list(CLAUSE_START.finditer(sentence))
    if cut:
        sentence = sentence[cut[-1].end():]
    after = text[start:start + 160]
    cut = CLAUSE_START.search(after)
    sentence += after[:cut.start()] if cut else after
    for rx, off in sentence_years():
        if rx.search(sentence):
            return off
    return 1 if month < ref_month and month + 12 - ref_month <= 4 else 0


@lru_cache(maxsize=None)
def month_pair_rx() -> re.Pattern:
    """A second month with its year right after a first without: "(w lipcu) i sierpniu 2021"."""
    return re.compile(r"\s*(?:i|oraz|lub|albo|,)\s+" + trie_regex(data.months(), word_start=True)
                      + r"\s+(?P<y>(?:19|20)\d\d)(?!\d)")


@lru_cache(maxsize=None)
def month_from_rx() -> re.Pattern:
    """The first month of a range without a year, right before "do": "(od) marca do …"."""
    return re.compile(r"(?:(?<!\w)od\s+)?(?P<m1>" + trie_regex(data.months(), word_start=True) + r")\s+$")


@lru_cache(maxsize=None)
def month_word_rx() -> re.Pattern:
    return re.compile(trie_regex(data.months(), any_case_start=True) + r"(?!\w)")


@lru_cache(maxsize=None)
def month_stems() -> tuple:
    """What all forms of a month start with ("stycz", "lut", "mar", …)."""
    forms: dict = {}
    for word, month in data.months().items():
        forms.setdefault(month, []).append(word)
    return tuple(os.path.commonprefix(words) for words in forms.values())


def _month_words(text: str, low: str | None) -> list:
    """The matches of month_word_rx in `text`. With `low` (the text lower-cased, offset for
    offset: text_index's `low`) it is matched only where a month's stem stands in `low`,
    found by a few `find`s, instead of a scan that stops at each of the common letters a month
    word starts with ("s", "l", "m", …): a month word in any case is its lower-case form in
    `low`, unless the text holds a letter that re.I folds beyond lower-casing (EXTRA_FOLDS).
    The matches are whole words, so none starts inside another: matching at each place finds
    what finditer does."""
    rx = month_word_rx()
    if low is None or any(c in text for c in EXTRA_FOLDS):
        return list(rx.finditer(text))
    places = set()
    for stem in month_stems():
        p = low.find(stem)
        while p >= 0:
            places.add(p)
            p = low.find(stem, p + 1)
    return [m for m in (rx.match(text, p) for p in sorted(places)) if m]


NON_SPACE = re.compile(r"\S*")


def _windows(text: str, anchors) -> tuple[str, list[int], list[int]]:
    """The text around the anchors (whole words, WINDOW before and WINDOW_AFTER after each),
    joined by line breaks: (joined, start of each part in it, its offset in `text`)."""
    spans = []
    for a, b in anchors:
        s, e = max(0, a - WINDOW), min(len(text), b + WINDOW_AFTER)
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    parts, starts, offsets, joined_len = [], [], [], 0
    for s, e in spans:
        while s > 0 and not text[s - 1].isspace():  # whole words only
            s -= 1
        e = NON_SPACE.match(text, e).end()  # (\S is what str.isspace() is not)
        parts.append(text[s:e])
        starts.append(joined_len)
        offsets.append(s)
        joined_len += e - s + 1
    return "\n".join(parts), starts, offsets


def _within_windows(matches, starts: list[int], offsets: list[int], joined_len: int) -> list[tuple[int, int]]:
    """The spans of the whole-word `matches` (of the text) that lie within a part of the joined
    windows (`starts`, `offsets`: as _windows returns them), part by part: what a scan of the
    joined text finds, in its order (a part is cut at white space, which no such word holds)."""
    spans = [m.span() for m in matches]
    firsts = [a for a, _b in spans]
    out = []
    for k, (start, offset) in enumerate(zip(starts, offsets)):
        end = offset + (starts[k + 1] - 1 if k + 1 < len(starts) else joined_len) - start
        for a, b in spans[bisect_left(firsts, offset):]:
            if a >= end:
                break
            if b <= end:
                out.append((a, b))
    return out


def _month(word: str) -> int:
    return data.months()[word.lower()]


def _month_of(g: dict) -> int:
    """The month of a match: a month word or a Roman numeral ("12 V 2019")."""
    return ROMAN[g["rm"]] if g.get("rm") else _month(g["m"])


@lru_cache(maxsize=4096)  # (a pure function, asked several times per date: its monthrange is dear)
def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """The ISO form of a year, month or day (None for no such date)."""
    if not 1900 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= monthrange(y, m)[1]:
        return None  # "31.09.2019", "30 lutego"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _value(kind: str, g: dict, year: int | None):
    """(value, end, precision, needs_year) for one match."""
    if kind == "day_pair":
        return _iso(int(g["y"]), _month(g["m"]), int(DIGITS.findall(g["days"])[0])), None, "day", False
    if kind == "day_range":
        y, m = int(g["y"]), _month_of(g)
        return _iso(y, m, int(g["d1"])), _iso(y, m, int(g["d2"])), "day", False
    if kind == "day_month_range":
        y2 = int(g["y"])
        y1 = int(g["y1"]) if g.get("y1") else y2
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        if not g.get("y1") and m1 > m2:
            y1 = y2 - 1  # "od 20 grudnia do 10 stycznia 2020"
        return _iso(y1, m1, int(g["d1"])), _iso(y2, m2, int(g["d2"])), "day", False
    if kind == "day_numeric_range":
        y2 = int(g["y"])
        m1, m2 = int(g["mn1"]), int(g["mn"])
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        start, end = _iso(y1, m1, int(g["d1"])), _iso(y2, m2, int(g["d2"]))
        return (start, end, "day", False) if start and end and start < end else (None, None, "day", False)
    if kind == "day_roman_range":
        y2 = int(g["y"])
        m1, m2 = ROMAN[g["rm1"]], ROMAN[g["rm"]]
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        start, end = _iso(y1, m1, int(g["d1"])), _iso(y2, m2, int(g["d2"]))
        return (start, end, "day", False) if start and end and start < end else (None, None, "day", False)
    if kind == "day_range_numeric":
        y, m = int(g["y"]), int(g["mn"])
        if int(g["d1"]) >= int(g["d2"]):
            return None, None, "day", False
        return _iso(y, m, int(g["d1"])), _iso(y, m, int(g["d2"])), "day", False
    if kind == "day_month_range_relative":
        if year is None:
            return None, None, "day", True
        y = year + _offset(g.get("rel"))
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        return _iso(y - (m1 > m2), m1, int(g["d1"])), _iso(y, m2, int(g["d2"])), "day", True
    if kind == "day_range_relative":
        if year is None or int(g["d1"]) >= int(g["d2"]):
            return None, None, "day", True
        y, m = year + _offset(g.get("rel")), _month(g["m"])
        return _iso(y, m, int(g["d1"])), _iso(y, m, int(g["d2"])), "day", True
    if kind == "day_roman":
        return _iso(int(g["y"]), ROMAN[g["rm"]], int(g["d"])), None, "day", False
    if kind == "month_range":
        y2 = int(g["y"])
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)  # "od listopada do marca 2011"
        return _iso(y1, m1), _iso(y2, m2), "month", False
    if kind == "day":
        return _iso(int(g["y"]), _month(g["m"]), int(g["d"])), None, "day", False
    if kind in ("day_relative", "day_no_year"):
        if year is None:
            return None, None, "day", True
        return _iso(year + _offset(g.get("rel")), _month(g["m"]), int(g["d"])), None, "day", True
    if kind in ("day_numeric", "day_iso"):
        return _iso(int(g["y"]), int(g["mn"]), int(g["d"])), None, "day", False
    if kind in ("month", "month_roman"):
        return _iso(int(g["y"]), _month_of(g)), None, "month", False
    if kind == "month_roman_range":
        y2 = int(g["y"])
        m1, m2 = ROMAN[g["rm1"]], ROMAN[g["rm"]]
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        start, end = _iso(y1, m1), _iso(y2, m2)
        return (start, end, "month", False) if start and end and start < end else (None, None, "month", False)
    if kind == "month_roman_no_year":
        if year is None:
            return None, None, "month", True
        return _iso(year, ROMAN[g["rm"]]), None, "month", True
    if kind == "month_range_relative":
        if year is None:
            return None, None, "month", True
        y = year + _offset(g.get("rel"))
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        return _iso(y - (m1 > m2), m1), _iso(y, m2), "month", True  # a range over the new year ends in `y`
    if kind in ("month_relative", "month_no_year"):
        if year is None:
            return None, None, "month", True
        return _iso(year + _offset(g.get("rel")), _month(g["m"])), None, "month", True
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 <= y1 or y2 - y1 > 30:
            return None, None, "year", False
        return _iso(y1), _iso(y2), "year", False
    if kind == "year":
        return _iso(int(g["y"])), None, "year", False
    return None, None, None, False


FULL_DAYS = ("day", "day_numeric", "day_iso", "day_range", "day_pair", "day_roman", "day_month_range", "day_roman_range",
             "day_numeric_range", "day_range_numeric")
# what stands before the document's own date: a dateline ("Kraśnik, dnia") or a publication label
OWN_DATE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w.-]*(?:[ \t]+[\w.-]+){0,3},[ \t]*(?:dn(?:ia|\.)[ \t]*)?"
                             r"|[^\n]{0,40}\b(?:opublikowan\w*|publikacj\w*|dodan\w*|data)\w*[ \t]*:?[ \t]*(?:dnia[ \t]+)?"
                             r"(?:(?:poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela),?[ \t]+)?)$", re.I)
CITED_BEFORE = re.compile(r"\b(?:z\s+dnia|z\s+dn\.|Dz\.\s?U\.[^\n]{0,20})\s*$", re.I)


def own_date_before(before: str) -> bool:
    """`before` (the text before a date) ends with a dateline or a publication label
    (OWN_DATE_BEFORE), tried where alone a match can start: neither form holds a line break and
    both run to the end of `before` (or to a line break ending it), so a match starts at the
    start of its last line. One try there gives the same answer as a search, which tries every
    character, each backtracking through the publication form's 40-character run."""
    last_line = before.rfind("\n", 0, len(before) - 1)  # (a line break at the very end ends the last line)
    return OWN_DATE_BEFORE.match(before, max(last_line, 0)) is not None


def _document_date(text: str, found) -> str | None:
    """The day relative dates are read from (its year; its month tells a coming January from a
    past one): the report's dateline or publication date, else its first full date that is not
    the date of a cited act."""
    first = fallback = None
    for d in found:
        if d["kind"] not in FULL_DAYS:
            continue
        v = _value(d["kind"], d["groups"], None)[0]
        if not v:
            continue
        before = text[max(0, d["start"] - 80):d["start"]]
        if own_date_before(before):
            return v
        fallback = fallback or v
        if first is None and not CITED_BEFORE.search(before):
            first = v
    return first or fallback


def find_dates(text: str, skip=lambda start: False, lower: str | None = None, low: str | None = None) -> list[dict]:
    """Every date in `text`, longest match first, without overlaps; relative ones resolved
    against the year of the first explicit full date. `lower`: `text.lower()`, when the caller
    has it (the text index's); `low`: the same when its offsets are the text's (the text
    index's `low`)."""
    found = []
    # every date form has a digit (or "br.") within a few words: only windows around those are
    # searched, joined into one string so that each pattern runs once
    anchors = [m.span() for m in DIGIT_CLUSTER.finditer(text)]
    relative = (any(w in text for w in RELATIVE_HINTS) if lower is None
                else _hint_in(text, lower, RELATIVE_HINTS_BY_LOWER))
    if relative:  # "br." / "bieżącego roku": rare, so looked for only then
        anchors = sorted(anchors + [m.span() for m in relative_anchor().finditer(text)])
    joined, starts, offsets = _windows(text, anchors)
    # the forms with a month word are searched only around month words (fewer than digits)
    # every month word, any case, in one scan of the text: those within the digit windows are
    # anchors, the lower-case ones are read by _months_without_year
    month_words = _month_words(text, low)
    month_anchors = _within_windows(month_words, starts, offsets, len(joined))
    views = {False: (joined, starts, offsets), True: _windows(text, month_anchors)}
    taken_starts, taken_ends = [], []  # the matches kept: disjoint, so sorted by start and by end alike
    gates = {}  # several forms share a gate: each is tested once
    for kind, rx, gate, monthly, not_after, needs_relative, roman_lead in compiled_patterns():
        if needs_relative and not relative:
            continue
        joined, starts, offsets = views[monthly]
        if gate is not None:
            key = (gate.pattern, monthly)
            if key not in gates:
                family = gate_families().get((monthly, _gate_lead(gate.pattern)))
                if family:
                    gates.update({(src, monthly): v for src, v in _gates_found(joined, family).items()})
                else:
                    gates[key] = gate.search(joined) is not None
            if not gates[key]:
                continue  # a cheap test: the text has nothing this form needs
        for m in rx.finditer(joined):
            k = bisect_right(starts, m.start()) - 1
            s, e = m.start() - starts[k] + offsets[k], m.end() - starts[k] + offsets[k]
            j = bisect_left(taken_starts, e)  # the kept matches starting before `e`: the last ends latest
            if (j and taken_ends[j - 1] > s) or skip(s):
                continue
            if not_after is not None and text[s:s + 1].isdigit() and not_after.search(text, max(0, s - 30), s):
                continue  # "Spotkanie 1 – 3 marca": a numbered meeting and its day, not a range
            if roman_lead and not m.group("lead") and not _roman_stands_alone(text, s):
                continue  # "Etap II 2020", "Jana Pawła II 2005": a numeral after a word is not a month
            taken_starts.insert(j, s)
            taken_ends.insert(j, e)
            found.append({"kind": kind, "start": s, "end_char": e, "groups": m.groupdict()})
    forms = data.months()
    _months_without_year(text, [m for m in month_words if m.group() in forms], skip, taken_starts, taken_ends, found)
    _roman_months_without_year(text, skip, taken_starts, taken_ends, found)
    found.sort(key=lambda d: d["start"])
    ref = _document_date(text, found)
    year = int(ref[:4]) if ref else None
    out = []
    for d in found:
        if d["kind"] == "month_roman_pair":
            # "XI i XII 2019": two months of one year
            g = d["groups"]
            for month in (ROMAN[g["rm1"]], ROMAN[g["rm"]]):
                v = _iso(int(g["y"]), month)
                if v:
                    out.append({"text": text[d["start"]:d["end_char"]].strip(), "value": v, "end": None,
                                "start": d["start"], "end_char": d["end_char"], "precision": "month",
                                "relative": False, "kind": "month"})
            continue
        if d["kind"] == "day_pair":
            # "2 i 9 marca 2019": two dates written as one
            g = d["groups"]
            for day in DIGITS.findall(g["days"]):
                v = _iso(int(g["y"]), _month(g["m"]), int(day))
                if v:
                    out.append({"text": text[d["start"]:d["end_char"]].strip(), "value": v, "end": None,
                                "start": d["start"], "end_char": d["end_char"], "precision": "day",
                                "relative": False, "kind": "day"})
            continue
        if d["kind"] == "day_no_year" and d["groups"]["m"][:1].isupper():
            continue  # "Placu 1 Maja", "ul. 11 Listopada": a street or a holiday's name, not a date
        value, end, precision, relative = _value(d["kind"], d["groups"], year)
        if value is None:
            continue
        if relative and d["kind"] in NEXT_YEAR_KINDS and ref:
            shift = _year_shift(text, d["start"], int(value[5:7]), int(ref[5:7]))
            if shift:  # (a 29 February moved to a common year is no date)
                value = _iso(int(value[:4]) + shift, *map(int, value[5:].split("-")))
                if value is None:
                    continue
        out.append({"text": text[d["start"]:d["end_char"]].strip(), "value": value, "end": end,
                    "start": d["start"], "end_char": d["end_char"], "precision": precision,
                    "relative": relative, "kind": d["kind"]})
    return out


@Language.factory("partmon_dates")
def make_dates(nlp, name):
    return DatesComponent()


@lru_cache(maxsize=None)
def line_pattern(name: str) -> re.Pattern:
    """The line starts listed in a lexicon file, as one multi-line pattern."""
    return re.compile("|".join(f"(?:^{p})" for p in sorted(data.word_list(name))), re.I | re.M)


@lru_cache(maxsize=None)
def line_pattern_after_break(name: str) -> re.Pattern:
    """line_pattern(name) after a line break: opening with a plain character, which the regex
    engine skips to quickly (each "^" alternative is tried at every position)."""
    return re.compile(r"\n(?:" + "|".join(f"(?:{p})" for p in sorted(data.word_list(name))) + ")", re.I | re.M)


def hints_by_lower(hints: tuple) -> dict:
    """Each lower-cased form of `hints` → the hints with it (for _hint_in)."""
    out: dict = {}
    for h in hints:
        out.setdefault(h.lower(), []).append(h)
    return {low: tuple(forms) for low, forms in out.items()}


def _hint_in(text: str, lower: str, by_lower: dict) -> bool:
    """Whether one of the hints of `by_lower` (hints_by_lower) is in `text`. A hint in the text
    is in its lower-cased form `lower` lower-cased, so each lower-cased form is looked for there
    first (one `in` per form instead of one per case), the text only for the forms found."""
    return any(low in lower and any(h in text for h in forms) for low, forms in by_lower.items())


def _line_test(text: str, name: str, hint: dict, lower: str):
    """A function telling whether a character offset is on a line that starts as listed in
    `name` (None when no hint of `hint`, as hints_by_lower gives them, is in the text: no such
    line)."""
    if not _hint_in(text, lower, hint):
        return None
    starts = [m.start() for m in line_pattern(name).finditer(text)]
    if not starts:
        return None
    ends = [text.find("\n", a) % (len(text) + 1) for a in starts]

    def test(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and char <= ends[k]
    return test


# substrings one of which every such line holds: plain `in` tests, far cheaper than a regex scan
# (by their lower-cased forms: _hint_in)
CLOCK_HINT = ("ziś jest", "zisiaj jest", "ZIŚ JEST", "ZISIAJ JEST", "mienin", "MIENIN")
METADATA_HINT = ("ytworzył", "YTWORZYŁ", "publikował", "PUBLIKOWAŁ", "odyfikow", "ODYFIKOW", "odyfikac", "ODYFIKAC",
                 "ktualiz", "KTUALIZ", "prowadził", "PROWADZIŁ", "prowadzenia", "PROWADZENIA", "dostępni", "DOSTĘPNI",
                 "atwierdził", "ATWIERDZIŁ", "porządził", "PORZĄDZIŁ", "odwiedzin", "ODWIEDZIN", "wyświetleń",
                 "WYŚWIETLEŃ", "dsłon", "DSŁON", "ejestr zmian", "EJESTR ZMIAN", "etryka", "ETRYKA")
CLOCK_HINT_BY_LOWER, METADATA_HINT_BY_LOWER = hints_by_lower(CLOCK_HINT), hints_by_lower(METADATA_HINT)
RELATIVE_HINTS_BY_LOWER = hints_by_lower(RELATIVE_HINTS)


def _line_start_test(text: str, name: str):
    """A function telling whether a character offset is on a line that starts as listed in
    `name`, whose patterns do not match a line break: each line asked about is matched once
    at its start, instead of a scan of the whole text for such lines when only the lines of
    a few dates are asked about. (No match of line_pattern_after_break runs past the line
    break ending its line, so a scan finds one at each line break where `match` does.)"""
    first, after_break, seen = line_pattern(name), line_pattern_after_break(name), {}

    def test(char: int) -> bool:
        start = text.rfind("\n", 0, char) + 1
        if start not in seen:
            seen[start] = (after_break.match(text, start - 1) if start else first.match(text)) is not None
        return seen[start]
    return test


def _skip_test(doc: Doc, text: str, lower: str):
    """Chrome lines (layout), and the lines of a site's clock or name-day box."""
    in_chrome = chrome_test(doc)
    clock = _line_test(text, "date_chrome_lines.txt", CLOCK_HINT_BY_LOWER, lower)
    if clock is None:
        return in_chrome
    return lambda char: in_chrome(char) or clock(char)


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        text = ext.text
        index = text_index.of(doc)
        lower = index.lower
        dates = find_dates(text, skip=_skip_test(doc, text, lower), lower=lower, low=index.low)
        if _hint_in(text, lower, METADATA_HINT_BY_LOWER):  # a page's record card: not the report's dates
            metadata = _line_start_test(text, "date_metadata_lines.txt")
            ext.site_dates = [d for d in dates if metadata(d["start"])]
            dates = [d for d in dates if not metadata(d["start"])]
        ext.dates = dates
        days = [d for d in dates if d["precision"] == "day" and not d["relative"]]
        ext.doc_year = int(days[0]["value"][:4]) if days else None
        return doc
