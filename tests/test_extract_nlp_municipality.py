"""Municipality resolution with and without the TERC register."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import gazetteer
from extract.record import extract_texts

TERC = Path(__file__).resolve().parents[2] / "shared" / "gazetteer" / "TERC_2024-01-01.csv"
SMALL_TERC = """WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
06;;;;LUBELSKIE;województwo;2024-01-01
06;02;;;biłgorajski;powiat;2024-01-01
06;02;07;3;Józefów;gmina miejsko-wiejska;2024-01-01
06;63;;;Lublin;miasto na prawach powiatu;2024-01-01
06;63;01;1;Lublin;gmina miejska;2024-01-01
14;;;;MAZOWIECKIE;województwo;2024-01-01
14;17;;;otwocki;powiat;2024-01-01
14;17;01;1;Józefów;gmina miejska;2024-01-01
"""


def municipality(text: str):
    return next(extract_texts([{"path": "m.txt", "text": text, "title": None}]))["municipality"]


@pytest.fixture
def terc(monkeypatch):
    if not TERC.is_file():
        pytest.skip("the development TERC file is not available")
    monkeypatch.setenv("PARTMON_TERC", str(TERC))


def test_city_with_powiat_rights(terc):
    m = municipality("Warsztaty\n\nSpotkanie w sprawie programu współpracy Miasta Białystok odbyło się "
                     "w siedzibie Urzędu Miejskiego w Białymstoku.")
    assert m == {"name": "Białystok", "kind": "miasto", "voivodeship": "podlaskie"}


def test_gmina_from_locative_and_multiword_name(terc):
    m = municipality("Sprawozdanie ze spotkań w gminie Dobre Miasto\n\nSpotkania odbyły się w Urzędzie "
                     "Miejskim, a informację przekazano na sesji Rady Miejskiej w Dobrym Mieście.")
    assert m == {"name": "Dobre Miasto", "kind": "gmina", "voivodeship": "warmińsko-mazurskie"}


def test_genitive_name(terc):
    m = municipality("Konsultacje\n\nRada Gminy Milejczyce przyjęła program. Wójt Gminy Milejczyce zaprasza.")
    assert m == {"name": "Milejczyce", "kind": "gmina", "voivodeship": "podlaskie"}


def test_ambiguous_name_is_not_guessed(terc):
    m = municipality("Spotkanie w Gminie Józefów\n\nMieszkańcy Gminy Józefów dyskutowali o budżecie.")
    assert m == {"name": "Józefów", "kind": "gmina", "voivodeship": None}


def test_ambiguous_name_resolved_by_powiat_or_voivodeship_cue(terc):
    by_powiat = municipality("Spotkanie w Gminie Józefów\n\nGmina Józefów leży w powiecie otwockim; "
                             "starostwo powiatu otwockiego wsparło spotkanie.")
    assert by_powiat["voivodeship"] == "mazowieckie"
    by_voiv = municipality("Spotkanie w Gminie Józefów\n\nGmina Józefów (województwo lubelskie) zaprasza.")
    assert by_voiv["voivodeship"] == "lubelskie"


def test_voivodeship_as_municipality(terc):
    m = municipality("Województwo Dolnośląskie\nProgram Integracji Społecznej\n\nWarsztaty dla gmin "
                     "prowadzą moderatorzy wybrani w naszym województwie.")
    assert m == {"name": "Dolnośląskie", "kind": "województwo", "voivodeship": "dolnośląskie"}


def test_without_register_voivodeship_comes_from_the_text(no_terc):
    with_cue = municipality("Decydujmy Razem\n\nGmina Milejczyce realizuje projekt. Gmina Milejczyce "
                            "leży na terenie województwa podlaskiego.")
    assert with_cue == {"name": "Milejczyce", "kind": "gmina", "voivodeship": "podlaskie"}
    without = municipality("Spotkanie\n\nRada Gminy Kórnik i Urząd Gminy Kórnik zapraszają mieszkańców.")
    assert without == {"name": "Kórnik", "kind": "gmina", "voivodeship": None}


def test_register_in_official_layout_read_from_env(small_terc):
    g = gazetteer.load()
    assert {u.voivodeship for u in g.find("Józefów")} == {"lubelskie", "mazowieckie"}
    assert g.find("Lublin")[0].powiat_rights
    m = municipality("Konsultacje\n\nUrząd Miasta Lublina i Rada Miasta Lublin zapraszają. Miasto Lublin.")
    assert m == {"name": "Lublin", "kind": "miasto", "voivodeship": "lubelskie"}


def test_no_municipality_when_the_text_names_none(small_terc):
    assert municipality("Notatka\n\nRozmawiano o współpracy z organizacjami pozarządowymi.") is None


def test_unreadable_register_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(gazetteer.GazetteerError) as err:
        gazetteer.read_terc(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)
