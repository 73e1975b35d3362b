"""partmon_goals: goals of the programme or process, under headings (`Cel główny:`, `Cele
szczegółowe:`, `CEL:`, `Cele projektu …`) or stated in sentences (`Za cel główny przyjęto …`,
`Celem programu będzie …`), one item per goal, with its level."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import data
from .sections import MARKER, clean_item, continuation, list_after, split_heads, split_inline

if not Doc.has_extension("goals"):
    Doc.set_extension("goals", default=None)


ITEM_MARK = re.compile(r"^(?:[a-z]|\d{1,2})[.)]\s+")


@lru_cache(maxsize=None)
def goal_patterns():
    """Patterns read line by line (headings, "Cel główny: …")."""
    return [(spec["level"], re.compile(spec["pattern"], re.I), spec.get("split"))
            for spec in data.jsonl("goals.jsonl") if spec.get("scope") != "text"]


@lru_cache(maxsize=None)
def sentence_patterns():
    """Patterns read over the whole text: a goal stated in a sentence, which a hard-wrapped
    paragraph may break over lines ("… że głównym celem programu jest\nbudowanie …")."""
    return [(spec["level"], re.compile(spec["pattern"], re.I | re.M), spec.get("split"))
            for spec in data.jsonl("goals.jsonl") if spec.get("scope") == "text"]


CEL = re.compile(r"[Cc](?i:el)")  # "cel" in any case; the plain class first is found faster than under re.I
BLANK_LINE = re.compile(r"\n[ \t]*\n")
REACH_BEFORE, REACH_AFTER = 150, 1000  # how far a sentence stating a goal reaches around its "cel"
CLAUSE_START = re.compile(r"^|(?<=[.!?:])(?=\s)|,(?=\s*(?:a|aby|by|żeby|że|iż|celem)\s)", re.M | re.I)
# where a sentence may state a goal: "cel…", and the goal cues that do without the word
# ("ma służyć …", "ma umożliwić …", "chodzi o to, by …", "założeniem jest …")
# (its first letters as a class listing both cases, the rest case-insensitive: the regex engine then
# skips to those letters quickly, where with re.I on the whole it tries every branch at every position)
GOAL_CUE = re.compile(r"[cCzZnNpPmM](?i:(?<=[cC])(?:el|hodzi\s)|(?<=[zZ])(?:ałożeni|ależy\s)|(?<=[nN])ajważniejsz"
                      r"|(?<=[pP])o\s+to\s*,|(?<=[mM])(?<!\w.)a(?:ją)?\s+(?:(?:przede\s+wszystkim|głównie|w\s+szczególności"
                      r"|w\s+pierwszej\s+kolejności)\s+)?[^\W\d]+ć\b)")


def _sentences(text: str, chrome_of):
    """(match, level, split, start, end) of goal sentences. Each is tried only where a sentence
    or clause can start (a line start, after ".", "!", "?" or ",") shortly before a "cel" in the
    text — a handful of anchored tries instead of a search through the text; for overlapping
    matches the earlier pattern wins."""
    found = []
    every, cueless = sentence_patterns(), _cueless_patterns()
    for spot in GOAL_CUE.finditer(text):
        p = spot.start()
        cel = spot.group()[:3].lower() == "cel"
        pats = every if cel else cueless  # at "chodzi", "ma …ć": only their patterns
        if not pats:
            continue
        if any(s <= p < e for _m, _l, _sp, s, e in found):
            continue
        lo, end = max(p - REACH_BEFORE, 0), min(len(text), p + REACH_AFTER)
        # the clause starts where one of the patterns matches (one try of them all at each)
        any_rx = _any_of(cel)
        # (the search reaches a few characters past the cue: ", celem" is a clause start only seen from its comma)
        starts = [c for c in (m.start() for m in CLAUSE_START.finditer(text, lo, p + 7)) if c <= p and any_rx.match(text, c, end)]
        if not starts:
            continue
        hit = None
        for level, rx, split in pats:
            for c in starts:
                m = rx.match(text, c, end)
                if m:
                    st = m.start() + len(m.group()) - len(m.group().lstrip(".!?,; \t\n"))
                    # this "cel" is the one the sentence names (not one of an earlier sentence)
                    if st <= p < m.start("text") and not BLANK_LINE.search(text, st, m.start("text")) \
                            and not any(st < e and m.end() > s for _m, _l, _sp, s, e in found):
                        # ("Cel główny to A, a cele szczegółowe to: B": B is read from the clause after A)
                        hit = (m, level, split, st, m.end())  # not "Celem programu jest" over a new paragraph
                        break
            if hit:
                break
        if hit and not chrome_of(hit[3]) and not any(hit[3] < e and hit[4] > s for _m, _l, _sp, s, e in found):
            found.append(hit)
    return found


@lru_cache(maxsize=None)
def _any_of(cel: bool) -> re.Pattern:
    """The sentence patterns (`cel`: all of them, else the cueless ones) as one alternation, which
    fails at a position exactly when each of them does: the patterns one by one are tried only
    where it matches (group names dropped: they repeat)."""
    pats = sentence_patterns() if cel else _cueless_patterns()
    return re.compile("|".join("(?:" + rx.pattern.replace("(?P<text>", "(?:") + ")" for _l, rx, _s in pats),
                      re.I | re.M)


@lru_cache(maxsize=None)
def _any_line_pattern() -> re.Pattern:
    """The line patterns as one alternation: no match of it in a line, no match of any of them."""
    return re.compile("|".join("(?:" + rx.pattern.replace("(?P<text>", "(?:") + ")" for _l, rx, _s in goal_patterns()),
                      re.I)


@lru_cache(maxsize=None)
def _cueless_patterns():
    """The sentence patterns that do without the word "cel" ("ma służyć …", "chodzi o to, by …")."""
    return [spec for spec in sentence_patterns() if "cel" not in spec[1].pattern.split("(?P<text>")[0]]


@lru_cache(maxsize=None)
def quote_patterns():
    """Patterns for a goal given in quotes after the words naming it, in mid-sentence
    ("Projekt przewidywał cel główny: „…”", "dodanie celu szczegółowego „…”")."""
    return [(spec["level"], re.compile(spec["pattern"], re.I))
            for spec in data.jsonl("goals.jsonl") if spec.get("scope") == "quote"]


def _quoted(text: str, add, taken):
    """Goals in quotes after "cel główny" / "cel szczegółowy": tried only at each "cel" that
    starts a word; a quote inside a goal already read is not read again."""
    for spot in CEL.finditer(text):
        p = spot.start()
        if p and (text[p - 1].isalnum()):
            continue
        for level, rx in quote_patterns():
            m = rx.match(text, p, min(len(text), p + 500))
            if m:
                s, e = m.start("text"), m.end("text")
                if not any(s < te and e > ts for ts, te in taken()):
                    add(" ".join(m.group("text").split()), level, s, e)
                break


TABLE_GOAL = re.compile(r"^\s*cel(?:e)?\s+(?P<level>szczegółow|operacyjn|główn|strategiczn)\w*\s*$", re.I)


def _table_goals(lines, k: int, chrome: set, add) -> bool:
    """A table whose header names a goal column ("Nr | Cel szczegółowy | Uwagi"): that column
    of the rows below, one goal a row. False when line k is no such header."""
    cells = [c.strip() for c in re.split(r"\s*(?<!\S)\|(?!\S)\s*", lines[k][2].strip())]
    col = next((i for i, c in enumerate(cells) if TABLE_GOAL.match(c)), None)
    if col is None or len(cells) < 2:
        return False
    if k + 1 >= len(lines) or " | " not in lines[k + 1][2]:
        return False  # "Cel główny | Budowanie …": a row naming its goal, no header
    level = "specific" if TABLE_GOAL.match(cells[col]).group("level").lower() in ("szczegółow", "operacyjn") else "main"
    j = k + 1
    while j < len(lines) and " | " in lines[j][2] and j not in chrome:
        s, _e, raw = lines[j]
        row = [c.strip() for c in re.split(r"\s*(?<!\S)\|(?!\S)\s*", raw.strip())]
        if col < len(row) and len(row[col].split()) >= 2:
            pos = raw.find(row[col])
            add(clean_item(row[col]), level, s + max(pos, 0), s + max(pos, 0) + len(row[col]))
        j += 1
    return True


OTHER_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}[.)]\s*|\d{1,2}[.)]\s*)?(zadania|priorytet|obszar|działania|rezultaty|harmonogram)",
                           re.I)


@lru_cache(maxsize=None)
def _heading_patterns() -> tuple:
    """Every line and sentence goal pattern, built once (list_after asks for each line below a heading)."""
    return tuple(rx for _, rx, _split in goal_patterns() + sentence_patterns())


@lru_cache(maxsize=4096)
def _is_goal_heading(text: str) -> bool:
    """A line that starts another goal section (or a section after the goals): the list above ends."""
    if OTHER_HEADING.match(text):
        return True
    return "cel" in text.lower() and any(rx.search(text) for rx in _heading_patterns())


QUOTED_ONLY = re.compile(r"^[^„\"“”]{0,30}?[:–-]?\s*[„\"“](?P<q>[^”\"“„]{10,})[”\"“]\s*\.?$")


CLAUSE_LEAD = re.compile(r"^(?:to\s*)?,?\s*(?:a|że)?by\s+(?=\w+\s+\w)", re.I)
ORDINAL_LEAD = re.compile(r"^(?:a\s+)?(?:pierwszym|drugim|trzecim|czwartym|piątym|szóstym|ostatnim|kolejnym)"
                         r"(?:\s+(?:jest|będzie|był|to|ma\s+być))?\s+(?=\w+\s+\w)", re.I)


def find_goals(lines, chrome: set, text: str = "") -> list[dict]:
    goals, seen = [], set()
    starts = [ls for ls, _le, _t in lines]

    def add(text, level, s, e):
        q = QUOTED_ONLY.match(text)  # "(bez zmian): „Budowanie …”." → the goal in quotes
        if q:
            text = q.group("q")
        text = ORDINAL_LEAD.sub("", text)  # "pierwszym jest rozwój …, a drugim wsparcie …"
        text = CLAUSE_LEAD.sub("", text)  # "Celem programu jest to, aby …": the clause is the goal
        key = text.casefold()
        if len(text.split()) < 2 or key in seen:
            return
        seen.add(key)
        goals.append({"text": text, "level": level, "start": s, "end": e})

    said = _sentences(text, lambda pos: bisect_right(starts, pos) - 1 in chrome) if text else []
    for m, level, split, st, en in said:
        _read_sentence(text, m, level, split, add)
    for k, (ls, le, raw) in enumerate(lines):
        if k in chrome or "cel" not in raw.lower():  # every goal form names "cel"
            continue
        # spans of the line already read as a goal: each sentence gives its own
        taken = [(max(st, ls) - ls, min(en, le) - ls) for _m, _l, _sp, st, en in said if st < le and en > ls]
        if " | " in raw and _table_goals(lines, k, chrome, add):
            continue
        if not _any_line_pattern().search(raw):
            continue  # (most lines naming "cel" state no goal: one search instead of one per pattern)
        for level, rx, split in goal_patterns():
            for m in rx.finditer(raw):
                st = m.start() + len(m.group()) - len(m.group().lstrip(".!?,; \t"))
                if any(st < e and m.end() > s for s, e in taken):
                    continue
                end = _read_match(lines, k, m, level, split, chrome, add)
                taken.append((st, end or m.end()))  # a goal cut at its sentence leaves the rest of the line
    if text and ("„" in text or '"' in text or "“" in text):
        _quoted(text, add, lambda: [(g["start"], g["end"]) for g in goals])
    goals.sort(key=lambda g: g["start"])
    return goals


def _read_sentence(text: str, m, level, split, add):
    """The goal(s) a sentence states: its text up to the full stop (never past a blank line)."""
    body = m.group("text")
    cut = BLANK_LINE.search(body)
    if cut:
        body = body[:cut.start()]
    body = body.rstrip()
    off = m.start("text")
    inline = clean_item(" ".join(body.split()))
    if len(inline.split()) < 2:
        return
    if split == "clauses":  # "zależy nam na tym, żeby A, żeby B oraz żeby C": one goal a clause
        pos = 0
        for cut in [*CLAUSE_SPLIT.finditer(body), None]:
            part = body[pos:cut.start() if cut else len(body)]
            more = ELABORATION.search(part)
            part = part[:more.start()] if more else part
            add(clean_item(" ".join(part.split())), level, off + pos, off + pos + len(part))
            pos = cut.end() if cut else pos
        return
    if split == "list" or (level != "specific" or ";" not in inline) and len(ENUMERATED.findall(inline)) >= 2:
        for p, s, e in split_inline(body, off):
            add(ITEM_MARK.sub("", " ".join(p.split())), level, s, e)
    elif level == "specific" and "," in inline and ";" not in inline \
            and PLURAL_CEL.search(text, m.start(), m.start("text")):  # one "cel szczegółowy" is one goal
        for p, s, e in split_heads(body, off, loose=True):  # "… cele szczegółowe: rozwój …, wzmacnianie …"
            add(ITEM_MARK.sub("", clean_item(" ".join(p.split()))), level, s, e)
    elif level == "specific" and ";" in inline:
        for p in re.split(r"\s*;\s*", inline):
            p = ITEM_MARK.sub("", p)
            pos = text.find(p, off)
            add(p, level, pos if pos >= 0 else off, (pos if pos >= 0 else off) + len(p))
    else:
        add(inline, level, off, off + len(body))


CLAUSE_SPLIT = re.compile(r"\s*(?:,\s*(?:a\s+(?:także|też)\s+)?|\s(?:oraz|i|a\s+także)\s+)(?<!więc )(?:a|że)?by\s+")
ELABORATION = re.compile(r",\s*(?:a\s+więc|czyli|to\s+znaczy|to\s+jest)\s")  # "…, a więc żeby …": the same goal again
PLURAL_CEL = re.compile(r"cel(?:e|ów|ami|om)\b", re.I)
ENUMERATED = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-z])\)\s")


NEXT_GOAL_MARK = re.compile(r"\s+(?=(?:[•·▪◦*–-]\s*)?cel(?:e)?\s+(?:główn|ogóln|nadrzędn|strategiczn|szczegółow|operacyjn)\w*"
                            r"\s+(?:nr\s*)?\d)|(?<=[.!?”\"])\s+(?=cel(?:e)?\s+(?:szczegółow|operacyjn|cząstkow)\w*\s*:)", re.I)
NUMBERED_HEAD = re.compile(r"\d(?:\.\d+)*\s*[.:)]?\s*$")  # the goal phrase ends in its number ("Cel operacyjny 2.1.")
BARE_NUMBER = re.compile(r"\d[ \t]+$")  # "Cel operacyjny 3 …": a number with no ".", ":" after it
SENTENCE_END = re.compile(r"(?<=[^\W\d]{3}[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])")


def _read_match(lines, k: int, m, level, split, chrome: set, add):
    """The goal(s) a matched goal phrase on line k states: inline after it, or listed below it.
    Returns where in the line the goal ended when it was cut short of the line's end (else None)."""
    ls, le, raw = lines[k]
    inline = clean_item((m.group("text") or "").lstrip("| "))
    if inline[:1].islower() and BARE_NUMBER.search(raw, m.start(), m.start("text")):
        return None  # "Cel operacyjny 3 został dodany …": a sentence about the goal, not the goal
    read_to = None
    first = NEXT_GOAL_MARK.search(inline)  # "…przyjęli cel główny: „A”. Cele szczegółowe:": the list is theirs
    if first:
        inline = clean_item(inline[:first.start()])
        pos = raw.find(inline, m.start("text"))
        read_to = pos + len(inline) if pos >= 0 else None
    if inline.endswith(":") or (len(inline.split()) <= 3 and not re.search(r"[.;!?]$", inline)
                                and MARKER.match(next((t for _s, _e, t in lines[k + 1:k + 3] if t.strip()), ""))):
        inline = ""  # "Cele szczegółowe programu współpracy to:": a heading over a list
    at_end = m.end() >= len(raw.rstrip())  # a sentence in mid-line does not go on to the next line
    more, more_end, _ = continuation(lines, k, chrome, marked=True) if inline and at_end else ([], le, k)
    if more:
        inline = clean_item(" ".join([inline] + more))
    cuts = [NEXT_GOAL_MARK.search(inline)]  # "Cel ogólny 1. A Cel szczegółowy 1.1. B": A ends at the next marker
    if NUMBERED_HEAD.search(raw, m.start(), m.start("text")):
        cuts.append(SENTENCE_END.search(inline))  # "Cel operacyjny 1.2. A. Obszar II. …": a numbered goal is one sentence
    cut = min((c for c in cuts if c), key=lambda c: c.start(), default=None)
    if cut:
        inline, more = clean_item(inline[:cut.start()]), []
        pos = raw.find(inline, m.start("text"))
        read_to = pos + len(inline) if pos >= 0 else None
    if inline and len(inline.split()) >= 2 and (split == "list" or (level != "specific" or ";" not in inline)
                                                and len(ENUMERATED.findall(inline)) >= 2):
        # "Za cele szczegółowe uznano: rozwój …, wspieranie … oraz promocję …", "1) …; 2) …"
        for p, s, e in split_inline(inline, ls + m.start("text")):
            add(ITEM_MARK.sub("", p), level, s, e)
    elif inline and len(inline.split()) >= 2 and level != "main" and "," in inline and ";" not in inline:
        # "Cele szczegółowe: rozwój wolontariatu, wsparcie seniorów."
        for p, s, e in split_heads(inline, ls + m.start("text")):
            add(p, level, s, e if p != inline or not more else more_end)
    elif inline and len(inline.split()) >= 2:
        parts = [ITEM_MARK.sub("", p) for p in re.split(r"\s*;\s*", inline) if p] \
            if level == "specific" else [inline]  # "a) wzrost …; b) wzmocnienie …"
        off = ls + m.start("text")
        for p in parts:
            pos = raw.find(p, off - ls)
            s = ls + pos if pos >= 0 else off
            add(p, level, s, more_end if more else s + len(p))
    else:
        items = list_after(lines, k, chrome, stop=_is_goal_heading)
        if level == "main" and len(items) > 1:
            items = items[:1]
        for text, s, e in items:
            add(text, level, s, e)
    return read_to


@Language.factory("partmon_goals")
def make_goals(nlp, name):
    return GoalsComponent()


class GoalsComponent:
    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # one accessor object: each `doc._` builds a new one
        ext.goals = find_goals(ext.lines, set(ext.chrome), ext.text)
        return doc
