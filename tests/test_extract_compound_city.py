"""Hyphenated town names (Bielsko-Biała, Jelcz-Laskowice) read in an oblique case get their own
nominative, with and without the TERC register, and organisation names keep "w <place>"."""
from __future__ import annotations

import pytest

from extract.components import morph
from extract.record import extract_texts

SMALL_TERC = """WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA
24;;;;ŚLĄSKIE;województwo;2024-01-01
24;61;;;Bielsko-Biała;miasto na prawach powiatu;2024-01-01
24;61;01;1;Bielsko-Biała;gmina miejska;2024-01-01
02;;;;DOLNOŚLĄSKIE;województwo;2024-01-01
02;15;;;oławski;powiat;2024-01-01
02;15;03;3;Jelcz-Laskowice;gmina miejsko-wiejska;2024-01-01
16;;;;OPOLSKIE;województwo;2024-01-01
16;03;;;kędzierzyńsko-kozielski;powiat;2024-01-01
16;03;01;1;Kędzierzyn-Koźle;gmina miejska;2024-01-01
"""


def record(text: str) -> dict:
    return next(extract_texts([{"path": "m.txt", "text": text, "title": None}]))


def organisation_names(rec: dict) -> list[str]:
    return [o["name"] for o in rec["organisations"]]


@pytest.mark.parametrize("written, nominative", [
    ("Bielsku-Białej", "Bielsko-Biała"),        # locative: Bielsk- and Bielsko- read alike
    ("Bielska-Białej", "Bielsko-Biała"),        # genitive
    ("Bielskiem-Białą", "Bielsko-Biała"),       # instrumental: also the region "Bielskie"
    ("Kędzierzynie-Koźlu", "Kędzierzyn-Koźle"),
    ("Kędzierzyna-Koźla", "Kędzierzyn-Koźle"),
    ("Skarżyska-Kamiennej", "Skarżysko-Kamienna"),
    ("Konstancinie-Jeziornie", "Konstancin-Jeziorna"),   # not the village "Jeziorno"
    ("Jelczu-Laskowicach", "Jelcz-Laskowice"),  # a singular and a plural part
    ("Jelcza-Laskowic", "Jelcz-Laskowice"),
    ("Kudowy-Zdroju", "Kudowa-Zdrój"),
    ("Golubiu-Dobrzyniu", "Golub-Dobrzyń"),     # not the village "Golubie"
    ("Golubia-Dobrzynia", "Golub-Dobrzyń"),
    ("Trzcińska-Zdroju", "Trzcińsko-Zdrój"),
    ("Czerwionki-Leszczyn", "Czerwionka-Leszczyny"),  # both parts could also be nominatives
])
def test_oblique_hyphenated_name_gets_its_nominative(written, nominative):
    assert morph.place_nominative(written) == nominative


@pytest.mark.parametrize("written, nominative", [
    ("Bielsko-Biała", "Bielsko-Biała"),         # already a nominative
    ("Bielsku Podlaskim", "Bielsk Podlaski"),   # an adjective, not a hyphen: the masculine town
    ("Nowej Wsi", "Nowa Wieś"),
    ("Stalowej Woli", "Stalowa Wola"),
])
def test_other_names_are_unchanged(written, nominative):
    assert morph.place_nominative(written) == nominative


@pytest.mark.parametrize("text, name", [
    ("Raport z konsultacji\n\nKonsultacje przeprowadził Urząd Miejski w Bielsku-Białej. Spotkania "
     "z mieszkańcami Bielska-Białej odbyły się w maju.", "Bielsko-Biała"),
    ("Sprawozdanie\n\nPrezydent Miasta Kędzierzyna-Koźla zaprosił mieszkańców na spotkanie, które "
     "odbyło się w Kędzierzynie-Koźlu.", "Kędzierzyn-Koźle"),
    ("Notatka ze spotkania\n\nRada Miejska w Jelczu-Laskowicach spotkała się z radą seniorów gminy.",
     "Jelcz-Laskowice"),
])
def test_municipality_without_register(no_terc, text, name):
    assert record(text)["municipality"]["name"] == name


def test_municipality_with_register(small_terc):
    m = record("Raport z konsultacji\n\nKonsultacje przeprowadził Urząd Miejski w Bielsku-Białej. "
               "Spotkania z mieszkańcami Bielska-Białej odbyły się w maju.")["municipality"]
    assert m == {"name": "Bielsko-Biała", "kind": "miasto", "voivodeship": "śląskie"}
    m = record("Notatka ze spotkania\n\nRada Miejska w Jelczu-Laskowicach spotkała się z radą "
               "seniorów gminy.")["municipality"]
    assert m["name"] == "Jelcz-Laskowice" and m["voivodeship"] == "dolnośląskie"


@pytest.mark.parametrize("env", ["no_terc", "small_terc"])
def test_organisation_keeps_place_as_written(env, request):
    request.getfixturevalue(env)
    rec = record("Sprawozdanie z konsultacji\n\nSpotkanie przygotował Urząd Miejski w Bielsku-Białej, "
                 "a udział wziął Ośrodek Pomocy Społecznej w Jelczu-Laskowicach.")
    names = organisation_names(rec)
    assert "Urząd Miejski w Bielsku-Białej" in names
    assert "Ośrodek Pomocy Społecznej w Jelczu-Laskowicach" in names
    assert not any("Bielsk-" in n or "Bielsko-Biała" in n for n in names)
