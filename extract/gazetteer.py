"""Reads the official TERYT TERC register (`;`-separated, as published) to resolve municipality
names to their kind and voivodeship. The file's path comes from env PARTMON_TERC."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ENV = "PARTMON_TERC"
GMINA_TYPES = {"1": "gmina miejska", "2": "gmina wiejska", "3": "gmina miejsko-wiejska"}


class GazetteerError(Exception):
    """The TERC file cannot be read or is not in the register's layout."""


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str            # gmina | miasto | powiat | województwo
    voivodeship: str     # lower-case adjective, e.g. "podlaskie"
    powiat: str | None   # powiat name as in the register ("hajnowski"), None for voivodeships
    terc: str
    urban: bool = False            # gmina miejska
    powiat_rights: bool = False    # city with powiat rights


class Gazetteer:
    def __init__(self, units: list[Unit]):
        self.units = units
        self.by_name: dict[str, list[Unit]] = {}
        for u in units:
            self.by_name.setdefault(u.name.casefold(), []).append(u)
        self.voivodeships = sorted({u.voivodeship for u in units})
        self.powiaty = {u.powiat for u in units if u.powiat}

    def find(self, name: str, kinds=("gmina", "miasto")) -> list[Unit]:
        return [u for u in self.by_name.get(name.casefold(), []) if u.kind in kinds]


def read_terc(path: str | os.PathLike) -> Gazetteer:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter=";"))
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerError(f"{path}: cannot read TERC file ({e.__class__.__name__})") from e
    need = {"WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD"}
    if not rows or not need <= set(rows[0]):
        raise GazetteerError(f"{path}: not a TERC file (needs columns {', '.join(sorted(need))})")
    voiv, powiaty, units = {}, {}, []
    for r in rows:
        if not r["POW"]:
            voiv[r["WOJ"]] = r["NAZWA"].strip().lower()
    for r in rows:
        woj, pow_, gmi, rodz = r["WOJ"], r["POW"], r["GMI"], r["RODZ"]
        name = r["NAZWA"].strip()
        v = voiv.get(woj, "")
        code = woj + pow_ + gmi + rodz
        if not pow_:
            units.append(Unit(name.lower(), "województwo", v, None, code))
        elif not gmi:
            powiaty[(woj, pow_)] = name
            rights = "na prawach powiatu" in r["NAZWA_DOD"]
            if rights:
                units.append(Unit(name, "miasto", v, name, code, urban=True, powiat_rights=True))
            else:
                units.append(Unit(name, "powiat", v, name, code))
        elif rodz in GMINA_TYPES:
            pname = powiaty.get((woj, pow_))
            if pow_ >= "61" and rodz == "1":
                continue  # the gmina of a city with powiat rights: already listed as a city
            units.append(Unit(name, "gmina", v, pname, code, urban=rodz == "1"))
    return Gazetteer(units)


@lru_cache(maxsize=4)
def _load(path: str) -> Gazetteer:
    return read_terc(path)


def load(path: str | None = None) -> Gazetteer | None:
    """The register at `path` or $PARTMON_TERC; None when neither names an existing file."""
    path = path or os.environ.get(ENV)
    if not path or not Path(path).is_file():
        return None
    return _load(str(path))
