"""The official TERYT TERC register in the warehouse, and matching municipalities against it.

`partmon gazetteer load FILE` reads the register as published (`;`-separated, columns WOJ,
POW, GMI, RODZ, NAZWA, NAZWA_DOD, STAN_NA; UTF-8 or Windows-1250) into `gazetteer_units`
and gives every municipality its TERC code, powiat and voivodeship, so anything can be
grouped by region. A name is only matched when that is safe: a configured TERC code wins;
otherwise the name must exist in the municipality's voivodeship, or — when the voivodeship
is unknown — in one voivodeship only. Several gminy of one name in one voivodeship (the
urban and the rural gmina Bolesławiec) are told apart by the municipality's kind (miasto →
urban, gmina → rural), and with no kind the town is taken; anything still undecided is
marked `ambiguous`, never guessed.
"""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from warehouse.load import municipality_key, voivodeship_name

COLUMNS = ("WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA")
GMINA_TYPES = ("1", "2", "3")
#: gmina types preferred for a municipality of this kind, best first
RODZ_PREFERENCE = {"miasto": ("1", "3", "4"), "gmina": ("2", "3", "1"), None: ("1", "3", "2")}
MATCHED_BY_NAME = "gazetteer: name and voivodeship"
MATCHED_UNIQUE = "gazetteer: unique name"
CONFIGURED = "configured"
AMBIGUOUS = "ambiguous"
NOT_FOUND = "not in gazetteer"


class GazetteerError(ValueError):
    """A register file that cannot be read; the message is one line naming it."""


def _decode(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GazetteerError(f"{name}: neither UTF-8 nor Windows-1250 text")


def _level(pow_: str, gmi: str, rodz: str) -> str:
    if not pow_:
        return "voivodeship"
    if not gmi:
        return "powiat"
    return "gmina" if rodz in GMINA_TYPES else "part"


def read_terc(path) -> list[dict]:
    """The register's units as dicts (gazetteer_units columns) in file order."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise GazetteerError(f"{name}: cannot read: {exc.strerror or exc}") from None
    reader = csv.reader(io.StringIO(_decode(raw, name)), delimiter=";")
    header = [h.strip().upper() for h in next(reader, [])]
    missing = [c for c in COLUMNS[:6] if c not in header]
    if missing:
        raise GazetteerError(f"{name}: not a TERC register file (no column {', '.join(missing)}; "
                             f"expected {';'.join(COLUMNS)})")
    at = {c: header.index(c) for c in COLUMNS if c in header}
    units, voivodeships, powiaty = [], {}, {}
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise GazetteerError(f"{name}: line {line_no}: {len(row)} fields, expected {len(header)}")
        cell = {c: row[i].strip() for c, i in at.items()}
        woj, pow_, gmi, rodz = cell["WOJ"], cell["POW"], cell["GMI"], cell["RODZ"]
        if not (woj.isdigit() and len(woj) == 2) or (pow_ and not pow_.isdigit()) \
                or (gmi and not gmi.isdigit()) or not cell["NAZWA"]:
            raise GazetteerError(f"{name}: line {line_no}: not a TERC unit: {';'.join(row)[:80]!r}")
        as_of = None
        if cell.get("STAN_NA"):
            try:
                as_of = date.fromisoformat(cell["STAN_NA"])
            except ValueError:
                raise GazetteerError(f"{name}: line {line_no}: STAN_NA is not a date: "
                                     f"{cell['STAN_NA']!r}") from None
        level = _level(pow_, gmi, rodz)
        if level == "voivodeship":
            voivodeships[woj] = voivodeship_name(cell["NAZWA"])
        elif level == "powiat":
            powiaty[woj + pow_] = cell["NAZWA"]
        units.append({"terc": woj + pow_ + gmi + rodz, "woj": woj, "pow": pow_ or None,
                      "gmi": gmi or None, "rodz": rodz or None, "name": cell["NAZWA"],
                      "kind": cell["NAZWA_DOD"] or None, "level": level,
                      "name_key": municipality_key(cell["NAZWA"]), "as_of": as_of})
    if not units:
        raise GazetteerError(f"{name}: no units in the file")
    for unit in units:
        if unit["woj"] not in voivodeships:
            raise GazetteerError(f"{name}: unit {unit['terc']} ({unit['name']}) has no "
                                 f"voivodeship row {unit['woj']}")
        unit["voivodeship"] = voivodeships[unit["woj"]]
        unit["powiat"] = powiaty.get(unit["woj"] + (unit["pow"] or "")) if unit["pow"] else None
    return units


class Gazetteer:
    """The loaded register, indexed for matching municipality rows."""

    def __init__(self, units: list[dict]):
        self.by_terc = {u["terc"]: u for u in units}
        self.by_key: dict[tuple[str, str], list[dict]] = {}
        for unit in units:
            self.by_key.setdefault((unit["level"], unit["name_key"]), []).append(unit)

    @classmethod
    def from_con(cls, con) -> "Gazetteer | None":
        cur = con.execute("SELECT terc, woj, pow, gmi, rodz, name, kind, level, voivodeship, "
                          "powiat, name_key FROM gazetteer_units")
        names = [d[0] for d in cur.description]
        units = [dict(zip(names, row)) for row in cur.fetchall()]
        return cls(units) if units else None

    def match(self, name_key: str, kind: str | None, voivodeship: str | None,
              terc: str | None) -> tuple[dict | None, str]:
        """(unit, how) for one municipality; unit is None when not safely matched."""
        if terc and terc in self.by_terc:
            return self.by_terc[terc], CONFIGURED
        if terc:
            return None, CONFIGURED
        level = {"powiat": "powiat", "województwo": "voivodeship"}.get(kind or "", "gmina")
        candidates = list(self.by_key.get((level, name_key), []))
        if level == "gmina" and not candidates:
            candidates = [u for u in self.by_key.get(("part", name_key), [])
                          if u["rodz"] == "4"]
        if voivodeship:
            candidates = [u for u in candidates if u["voivodeship"] == voivodeship]
        if not candidates:
            return None, NOT_FOUND
        if len({u["voivodeship"] for u in candidates}) > 1:
            return None, AMBIGUOUS
        if len(candidates) > 1 and level == "gmina":
            for rodz in RODZ_PREFERENCE.get(kind, RODZ_PREFERENCE[None]):
                best = [u for u in candidates if u["rodz"] == rodz]
                if best:
                    candidates = best
                    break
        if len(candidates) > 1:
            return None, AMBIGUOUS
        return candidates[0], MATCHED_BY_NAME if voivodeship else MATCHED_UNIQUE


def _kind_of(unit: dict) -> str | None:
    if unit["level"] == "voivodeship":
        return "województwo"
    if unit["level"] == "powiat":
        return "miasto" if unit["kind"] and "miasto" in unit["kind"] else "powiat"
    return "miasto" if unit["rodz"] in ("1", "4") else "gmina"


def apply_match(row: dict, gazetteer: Gazetteer) -> str:
    """Match one municipality row (a dict of municipalities columns) and update it in place:
    terc, powiat, voivodeship, kind, terc_match → how it was matched."""
    key, kind, voivodeship = row["name_key"], row["kind"], row["voivodeship"]
    how_before, terc = row.get("terc_match"), row["terc"]
    # a code the gazetteer gave earlier is matched again from the name, not trusted
    configured = terc if how_before in (None, CONFIGURED) else None
    # a voivodeship the register filled in is not evidence for matching again
    given = None if how_before == MATCHED_UNIQUE else voivodeship
    unit, how = gazetteer.match(key, kind, given, configured)
    if unit is None:
        row.update(terc=terc if how == CONFIGURED else None, powiat=None, terc_match=how)
    else:
        row.update(terc=unit["terc"], powiat=unit["powiat"],
                   voivodeship=voivodeship or unit["voivodeship"],
                   kind=kind or _kind_of(unit), terc_match=how)
    return how


MUNICIPALITY_COLUMNS = ("id", "name", "kind", "voivodeship", "terc", "name_key", "powiat",
                        "terc_match")


def write_municipalities(con, rows: list[dict], new: bool) -> None:
    """Insert (new) or update (by id) municipality rows with one statement."""
    import pyarrow as pa

    if not rows:
        return
    table = pa.table({c: pa.array([r.get(c) for r in rows], pa.string())
                      for c in MUNICIPALITY_COLUMNS})
    con.register("partmon_municipalities", table)
    try:
        if new:
            names = ", ".join(MUNICIPALITY_COLUMNS)
            con.execute(f"INSERT INTO municipalities ({names}) SELECT {names} "
                        f"FROM partmon_municipalities")
        else:
            sets = ", ".join(f"{c} = m.{c}" for c in MUNICIPALITY_COLUMNS[1:])
            con.execute(f"UPDATE municipalities SET {sets} FROM partmon_municipalities m "
                        f"WHERE municipalities.id = m.id")
    finally:
        con.unregister("partmon_municipalities")


def match_municipalities(con, ids=None, gazetteer: Gazetteer | None = None) -> dict[str, int]:
    """Give municipalities (all, or those ids) their TERC code, powiat and voivodeship
    → counts per outcome. Runs inside the caller's transaction, if any."""
    gazetteer = gazetteer or Gazetteer.from_con(con)
    if gazetteer is None:
        return {}
    sql = f"SELECT {', '.join(MUNICIPALITY_COLUMNS)} FROM municipalities"
    params: list = []
    if ids is not None:
        ids = list(ids)
        if not ids:
            return {}
        sql += " WHERE id IN (SELECT unnest(?::VARCHAR[]))"
        params = [ids]
    outcome: dict[str, int] = {}
    rows = [dict(zip(MUNICIPALITY_COLUMNS, r)) for r in con.execute(sql, params).fetchall()]
    for row in rows:
        how = apply_match(row, gazetteer)
        outcome[how] = outcome.get(how, 0) + 1
    write_municipalities(con, rows, new=False)
    return outcome


def load_gazetteer(con, path) -> tuple[int, dict[str, int]]:
    """Replace gazetteer_units with the register in `path` and re-match every municipality,
    in one transaction → (units loaded, match counts)."""
    import pyarrow as pa

    units = read_terc(path)
    columns = ["terc", "woj", "pow", "gmi", "rodz", "name", "kind", "level", "voivodeship",
               "powiat", "name_key", "as_of"]
    table = pa.table({c: [u[c] for u in units] for c in columns})
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM gazetteer_units")
        con.register("partmon_units", table)
        con.execute(f"INSERT INTO gazetteer_units ({', '.join(columns)}) "
                    f"SELECT {', '.join(columns)} FROM partmon_units")
        con.unregister("partmon_units")
        outcome = match_municipalities(con, gazetteer=Gazetteer(units))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(units), outcome
