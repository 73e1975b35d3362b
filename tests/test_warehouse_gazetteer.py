"""The TERC register in the warehouse (`partmon gazetteer load`) and safe matching of
municipalities to it: by configured code, by name within the voivodeship, or by a name that
exists in one voivodeship only; never blindly."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import partmon
from warehouse.db import connect
from warehouse.gazetteer import GazetteerError, read_terc
from warehouse.load import Loader

REAL_TERC = Path("/work/shared/gazetteer/TERC_2024-01-01.csv")

# our own miniature register in the official layout (names made up for the tests)
MINI_TERC = """WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
30;;;;WIELKOPOLSKIE;województwo;2024-01-01
30;05;;;brzozowski;powiat;2024-01-01
30;05;01;1;Brzozów;gmina miejska;2024-01-01
30;05;02;2;Brzozów;gmina wiejska;2024-01-01
30;05;03;3;Lipnowo;gmina miejsko-wiejska;2024-01-01
30;05;03;4;Lipnowo;miasto;2024-01-01
30;05;03;5;Lipnowo;obszar wiejski;2024-01-01
30;05;04;2;Zielonowo;gmina wiejska;2024-01-01
30;61;;;Kamionki;miasto na prawach powiatu;2024-01-01
30;61;01;1;Kamionki;gmina miejska;2024-01-01
06;;;;LUBELSKIE;województwo;2024-01-01
06;07;;;olszański;powiat;2024-01-01
06;07;01;2;Zielonowo;gmina wiejska;2024-01-01
06;07;02;3;Grabina;gmina miejsko-wiejska;2024-01-01
"""


@pytest.fixture
def terc_file(tmp_path) -> Path:
    path = tmp_path / "TERC_mini.csv"
    path.write_bytes(MINI_TERC.replace("\n", "\r\n").encode("utf-8"))
    return path


def _municipalities(db: Path) -> dict[str, tuple]:
    con = connect(db, read_only=True)
    rows = con.execute("SELECT name, coalesce(voivodeship, '-'), terc, powiat, terc_match "
                       "FROM municipalities").fetchall()
    con.close()
    return {f"{r[0]}/{r[1]}": r[2:] for r in rows}


def test_register_is_read_in_the_official_layout(terc_file, tmp_path):
    units = {u["terc"]: u for u in read_terc(terc_file)}
    assert len(units) == 14
    assert units["3005011"]["name"] == "Brzozów" and units["3005011"]["level"] == "gmina"
    assert units["3005011"]["voivodeship"] == "wielkopolskie"
    assert units["3005011"]["powiat"] == "brzozowski"
    assert units["3005034"]["level"] == "part"
    assert units["3061"]["level"] == "powiat" and units["30"]["level"] == "voivodeship"
    # the register is also published in Windows-1250
    cp1250 = tmp_path / "TERC_cp1250.csv"
    cp1250.write_bytes(MINI_TERC.encode("cp1250"))
    assert [u["name"] for u in read_terc(cp1250)] == [u["name"] for u in units.values()]
    bad = tmp_path / "not_terc.csv"
    bad.write_text("kod;nazwa\n1;x\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not_terc.csv: not a TERC register file"):
        read_terc(bad)


def test_municipalities_are_matched_only_when_it_is_safe(terc_file, tmp_path):
    db = tmp_path / "partmon.duckdb"
    con = connect(db)
    loader = Loader(con)
    loader.upsert_municipality("Lipnowo")                       # unique name: matched
    loader.upsert_municipality("Zielonowo")                     # two voivodeships: not
    loader.upsert_municipality("Gmina Brzozów", "gmina", "wielkopolskie")      # the rural gmina
    loader.upsert_municipality("Kamionki", "miasto", "wielkopolskie")
    loader.upsert_municipality("Grabina", None, "wielkopolskie")  # wrong voivodeship: not found
    loader.upsert_municipality("Kamionki", None, None, terc="3061011")  # configured code
    con.close()
    proc = partmon("gazetteer", "load", str(terc_file), "--db", str(db))
    assert "14 TERC units loaded" in proc.stderr
    got = _municipalities(db)
    assert got["Lipnowo/wielkopolskie"] == ("3005033", "brzozowski", "gazetteer: unique name")
    assert got["Zielonowo/-"] == (None, None, "ambiguous")
    assert got["Gmina Brzozów/wielkopolskie"][:2] == ("3005022", "brzozowski")
    assert got["Kamionki/wielkopolskie"] == ("3061011", "Kamionki", "configured")
    assert got["Grabina/wielkopolskie"] == (None, None, "not in gazetteer")
    # loading it again changes nothing
    partmon("gazetteer", "load", str(terc_file), "--db", str(db))
    assert _municipalities(db) == got


def test_municipalities_loaded_later_are_matched_as_they_arrive(terc_file, tmp_path):
    db = tmp_path / "partmon.duckdb"
    partmon("gazetteer", "load", str(terc_file), "--db", str(db))
    con = connect(db)
    Loader(con).upsert_sources([{"name": "brzozow", "municipality": "Brzozów",
                                 "voivodeship": "wielkopolskie", "start_urls": [],
                                 "spider": "cms"}])
    # grouped by region straight away
    rows = con.execute("""SELECT g.name AS voivodeship, m.powiat, count(*) FROM municipalities m
                          JOIN gazetteer_units g ON g.terc = substr(m.terc, 1, 2)
                          GROUP BY ALL""").fetchall()
    con.close()
    assert rows == [("WIELKOPOLSKIE", "brzozowski", 1)]
    # no kind given: the town is meant, not the rural gmina around it
    assert _municipalities(db)["Brzozów/wielkopolskie"][0] == "3005011"
    con = connect(db)
    Loader(con).upsert_municipality("Zielonowo", "gmina", "Województwo Lubelskie")
    con.close()   # a name of two voivodeships: the given voivodeship decides
    assert _municipalities(db)["Zielonowo/lubelskie"] == \
        ("0607012", "olszański", "gazetteer: name and voivodeship")


def test_a_bad_register_file_is_refused_with_one_line(tmp_path):
    db = tmp_path / "partmon.duckdb"
    bad = tmp_path / "TERC_broken.csv"
    bad.write_text(MINI_TERC.replace("30;05;02;2;", "3x;05;02;2;"), encoding="utf-8")
    proc = partmon("gazetteer", "load", str(bad), "--db", str(db), check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"partmon: {bad}: line 5: not a TERC unit: '3x;05;02;2;Brzozów;gmina wiejska;2024-01-01'"]
    missing = partmon("gazetteer", "load", str(tmp_path / "none.csv"), "--db", str(db), check=False)
    assert missing.returncode == 2 and "none.csv: cannot read" in missing.stderr


@pytest.mark.skipif(not REAL_TERC.is_file(), reason=f"{REAL_TERC} not available")
def test_the_official_register_matches_real_municipalities(tmp_path):
    db = tmp_path / "partmon.duckdb"
    con = connect(db)
    loader = Loader(con)
    loader.upsert_municipality("Białystok", "miasto", "podlaskie")
    loader.upsert_municipality("Milejczyce", "gmina", "podlaskie")
    loader.upsert_municipality("Bolesławiec")          # in dolnośląskie and in łódzkie
    loader.upsert_municipality("Dobre Miasto")
    con.close()
    proc = partmon("gazetteer", "load", str(REAL_TERC), "--db", str(db))
    assert "4332 TERC units loaded" in proc.stderr
    got = _municipalities(db)
    assert got["Białystok/podlaskie"] == ("2061011", "Białystok", "gazetteer: name and voivodeship")
    assert got["Milejczyce/podlaskie"][:2] == ("2010062", "siemiatycki")
    assert got["Bolesławiec/-"] == (None, None, "ambiguous")
    assert got["Dobre Miasto/warmińsko-mazurskie"] == ("2814033", "olsztyński",
                                                        "gazetteer: unique name")
    counts = json.loads(partmon("sql", "--db", str(db), "--format", "json",
                                "SELECT count(*) AS n FROM gazetteer_units WHERE level = 'gmina'"
                                ).stdout)
    assert counts == {"n": 2477}
