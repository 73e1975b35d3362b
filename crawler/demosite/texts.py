"""Polish wording helpers for the demo site: data files, dates written the Polish way, numerals."""
from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")

MONTHS_GEN = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
              "sierpnia", "września", "października", "listopada", "grudnia"]
WEEKDAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]
WEEKDAYS_ON = ["w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek",
               "w sobotę", "w niedzielę"]


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """One of the TOML data files beside this module (parsed once)."""
    with open(DATA / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def long_date(d: dt.date, suffix: str = "r.") -> str:
    """`14 marca 2024 r.` (or `roku`)."""
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} {suffix}"


def dotted_date(d: dt.date, suffix: str = " r.") -> str:
    """`12.04.2024 r.`"""
    return f"{d.day:02d}.{d.month:02d}.{d.year}{suffix}"


def range_date(start: dt.date, end: dt.date) -> str:
    """`3–4 czerwca 2024 r.` for days of one month."""
    return f"{start.day}–{end.day} {MONTHS_GEN[start.month - 1]} {start.year} r."


def weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def weekday_on(d: dt.date) -> str:
    """`w czwartek`, `we wtorek`."""
    return WEEKDAYS_ON[d.weekday()]


def is_few(n: int) -> bool:
    """Polish numerals 2–4, 22–24 … take the nominative plural (`3 osoby`), others the genitive."""
    return n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)


def people(n: int) -> str:
    """`1 osoba`, `23 osoby`, `25 osób`."""
    if n == 1:
        return "1 osoba"
    return f"{n} osoby" if is_few(n) else f"{n} osób"


def took_part(n: int) -> str:
    """The verb agreeing with a number of people: `wzięły` (3 osoby) / `wzięło` (5 osób)."""
    return "wzięły" if is_few(n) else "wzięło"


def attended(n: int) -> str:
    return "uczestniczyły" if is_few(n) else "uczestniczyło"


def present(n: int) -> str:
    return "obecne były" if is_few(n) else "obecnych było"


def roman(n: int) -> str:
    """Session numbers of council resolutions are Roman numerals."""
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def slugify(text: str, max_len: int = 70) -> str:
    """ASCII file name from a Polish title: `Protokół z posiedzenia` → `protokol-z-posiedzenia`."""
    text = text.replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words, out = "".join(c if c.isalnum() else " " for c in text).split(), ""
    for w in words:
        if len(out) + len(w) + 1 > max_len:
            break
        out = f"{out}-{w}" if out else w
    return out or "strona"


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]
