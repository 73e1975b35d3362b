"""Sample crawled documents and full extraction records for the warehouse tests (our own texts).

The records are built the way the extractor builds them: provenance offsets are found in the
text itself, so a test can check that documents.text[char_start:char_end] is the mention.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

CONTRACT_SCHEMA = (Path(__file__).resolve().parents[2] / "shared" / "contract"
                   / "extraction.schema.json")

BIALYSTOK_TEXT = """Sprawozdanie z warsztatów konsultacyjnych programu współpracy na 2025 rok

W dniu 14 marca 2024 r. w Białymstoku, w sali Urzędu Miejskiego w Białymstoku, odbyły się \
warsztaty poświęcone programowi współpracy z organizacjami pozarządowymi. Wzięło w nich udział \
37 osób reprezentujących 21 organizacji, m.in. Stowarzyszenie „Razem dla Bojar”, Fundację \
Pomocy Sąsiedzkiej oraz Podlaskie Koło Seniorów.

Spotkanie prowadziła Anna Kowalczyk, pełnomocniczka prezydenta ds. organizacji pozarządowych.

Cel główny: wzmacnianie partnerstwa miasta i organizacji pozarządowych.
Cele szczegółowe:
1. zwiększenie udziału mieszkańców w życiu publicznym,
2. poprawa dostępu do lokali dla organizacji.

Zadania priorytetowe w obszarze kultury: organizacja festiwalu kultur pogranicza.

Podstawa: Uchwała nr XII/150/2019 Rady Miasta Białystok z dnia 27 maja 2019 r.
Działania finansowane są z Funduszu Inicjatyw Obywatelskich.

Kolejne spotkanie odbędzie się 18 kwietnia 2024 r. w godz. 12:00-15:30 w siedzibie \
stowarzyszenia RAZEM DLA BOJAR.
"""

MILEJCZYCE_TEXT = """Informacja o spotkaniu konsultacyjnym w Milejczycach

Dnia 3 czerwca 2024 r. w Gminnym Ośrodku Kultury w Milejczycach spotkali się przedstawiciele \
organizacji pozarządowych. W spotkaniu udział wzięło 12 osób. Swoje propozycje przedstawiło \
STOWARZYSZENIE "RAZEM DLA BOJAR" oraz Ochotnicza Straż Pożarna w Milejczycach.

Cel: przygotowanie rocznego programu współpracy.
"""


def span(text: str, needle: str, nth: int = 0) -> list[int]:
    """[start, end] of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def document_item(url: str, text: str, *, source="bialystok", municipality="Białystok",
                  voivodeship="podlaskie", terc="2061011", title=None) -> dict:
    """A crawler document item (README) plus text, as the CLI hands it to the loader."""
    body = ("<html><body><pre>" + text + "</pre></body></html>").encode("utf-8")
    return {"url": url, "source": source, "municipality": municipality, "terc": terc,
            "voivodeship": voivodeship, "fetched_at": "2026-11-22T10:00:00Z",
            "http_status": 200, "content_type": "text/html", "encoding": "utf-8",
            "content_hash": hashlib.sha256(body).hexdigest(), "body": body,
            "title": title or (text.splitlines() or [None])[0], "referer": None, "link_text": "sprawozdanie",
            "report_score": 0.9, "text": text, "text_error": None}


def bialystok_record(path="https://bialystok.example/sprawozdanie") -> dict:
    """A full record (contract + provenance) for BIALYSTOK_TEXT."""
    t = BIALYSTOK_TEXT
    return {
        "path": path,
        "title": "Sprawozdanie z warsztatów konsultacyjnych programu współpracy na 2025 rok",
        "municipality": {"name": "Białystok", "kind": "miasto", "voivodeship": "podlaskie"},
        "document_date": "2024-03-14",
        "meetings": [{"date": "2024-03-14", "kind": "warsztaty", "participants": 37,
                      "organisations_count": 21, "place": "Urząd Miejski w Białymstoku"}],
        "next_meeting": {"date": "2024-04-18", "time": "12:00-15:30",
                         "place": "siedziba stowarzyszenia Razem dla Bojar"},
        "organisations": [
            {"name": "Urząd Miejski w Białymstoku", "kind": "public",
             "mentions": ["Urzędu Miejskiego w Białymstoku"]},
            {"name": "Stowarzyszenie „Razem dla Bojar”", "kind": "ngo",
             "mentions": ["Stowarzyszenie „Razem dla Bojar”", "stowarzyszenia RAZEM DLA BOJAR"]},
            {"name": "Fundacja Pomocy Sąsiedzkiej", "kind": "ngo",
             "mentions": ["Fundację Pomocy Sąsiedzkiej"]},
            {"name": "Podlaskie Koło Seniorów", "kind": "ngo",
             "mentions": ["Podlaskie Koło Seniorów"]},
        ],
        "people": [{"name": "Anna Kowalczyk",
                    "role": "pełnomocniczka prezydenta ds. organizacji pozarządowych"}],
        "dates": [{"text": "14 marca 2024 r.", "value": "2024-03-14", "end": None},
                  {"text": "2025 rok", "value": "2025", "end": None},
                  {"text": "27 maja 2019 r.", "value": "2019-05-27", "end": None},
                  {"text": "18 kwietnia 2024 r.", "value": "2024-04-18", "end": None}],
        "goals": [{"text": "wzmacnianie partnerstwa miasta i organizacji pozarządowych",
                   "level": "main"},
                  {"text": "zwiększenie udziału mieszkańców w życiu publicznym",
                   "level": "specific"},
                  {"text": "poprawa dostępu do lokali dla organizacji", "level": "specific"}],
        "priority_tasks": [{"text": "organizacja festiwalu kultur pogranicza", "area": "kultura"}],
        "legal_acts": ["Uchwała nr XII/150/2019 Rady Miasta Białystok z dnia 27 maja 2019 r."],
        "funding": ["Fundusz Inicjatyw Obywatelskich"],
        "provenance": {
            "organisations": [
                [span(t, "Urzędu Miejskiego w Białymstoku")],
                [span(t, "Stowarzyszenie „Razem dla Bojar”"),
                 span(t, "stowarzyszenia RAZEM DLA BOJAR")],
                [span(t, "Fundację Pomocy Sąsiedzkiej")],
                [span(t, "Podlaskie Koło Seniorów")],
            ],
            "meetings": [span(t, "W dniu 14 marca 2024 r.")],
            "people": [span(t, "Anna Kowalczyk")],
            "dates": [span(t, "14 marca 2024 r."), span(t, "2025 rok"),
                      span(t, "27 maja 2019 r."), span(t, "18 kwietnia 2024 r.")],
            "goals": [span(t, "wzmacnianie partnerstwa miasta i organizacji pozarządowych"),
                      span(t, "zwiększenie udziału mieszkańców w życiu publicznym"),
                      span(t, "poprawa dostępu do lokali dla organizacji")],
            "priority_tasks": [span(t, "organizacja festiwalu kultur pogranicza")],
            "legal_acts": [span(t, "Uchwała nr XII/150/2019 Rady Miasta Białystok z dnia 27 maja 2019 r.")],
            "funding": [span(t, "Funduszu Inicjatyw Obywatelskich")],
        },
    }


def milejczyce_record(path="https://milejczyce.example/spotkanie") -> dict:
    """A full record for MILEJCZYCE_TEXT; the association is written in capitals and with
    straight quotes, and provenance is partial (as an extractor may leave it)."""
    t = MILEJCZYCE_TEXT
    return {
        "path": path, "title": "Informacja o spotkaniu konsultacyjnym w Milejczycach",
        "municipality": {"name": "Milejczyce", "kind": "gmina", "voivodeship": "podlaskie"},
        "document_date": "2024-06-03",
        "meetings": [{"date": "2024-06-03", "kind": "spotkanie", "participants": 12,
                      "organisations_count": None, "place": "Gminny Ośrodek Kultury w Milejczycach"}],
        "next_meeting": None,
        "organisations": [
            {"name": 'STOWARZYSZENIE "RAZEM DLA BOJAR"', "kind": "ngo",
             "mentions": ['STOWARZYSZENIE "RAZEM DLA BOJAR"']},
            {"name": "Gminny Ośrodek Kultury w Milejczycach", "kind": "public",
             "mentions": ["Gminnym Ośrodku Kultury w Milejczycach"]},
            {"name": "OSP w Milejczycach", "kind": "ngo",
             "mentions": ["Ochotnicza Straż Pożarna w Milejczycach"]},
        ],
        "people": [],
        "dates": [{"text": "3 czerwca 2024 r.", "value": "2024-06-03", "end": None}],
        "goals": [{"text": "przygotowanie rocznego programu współpracy", "level": None}],
        "priority_tasks": [], "legal_acts": [], "funding": [],
        "provenance": {
            "organisations": [[span(t, 'STOWARZYSZENIE "RAZEM DLA BOJAR"')]],
            "dates": [span(t, "3 czerwca 2024 r.")],
        },
    }


BIALYSTOK_URL = "https://bialystok.example/sprawozdanie"
MILEJCZYCE_URL = "https://milejczyce.example/spotkanie"
REQUIRED_TABLES = {"sources", "crawl_runs", "documents", "extraction_runs", "municipalities",
                   "meetings", "organisations", "organisation_mentions", "people", "dates",
                   "goals", "priority_tasks", "legal_acts", "funding"}


def load_both(loader) -> None:
    """Store and extract both sample documents, as a crawl followed by extraction would."""
    for url, text, record, source, municipality in (
            (BIALYSTOK_URL, BIALYSTOK_TEXT, bialystok_record(), "bialystok", "Białystok"),
            (MILEJCZYCE_URL, MILEJCZYCE_TEXT, milejczyce_record(), "milejczyce", "Milejczyce")):
        did = loader.store_document(document_item(url, text, source=source,
                                                  municipality=municipality, terc=None))
        loader.store_extraction(did, record, "1.0")


def test_sample_records_follow_the_contract():
    """The hand-written records must be valid contract records, or the tests prove little."""
    import jsonschema
    if not CONTRACT_SCHEMA.is_file():
        pytest.skip(f"{CONTRACT_SCHEMA}: contract schema not beside the repository")
    schema = json.loads(CONTRACT_SCHEMA.read_text(encoding="utf-8"))
    for record in (bialystok_record(), milejczyce_record()):
        contract = {k: v for k, v in record.items() if k != "provenance"}
        jsonschema.validate(contract, schema)
    t = BIALYSTOK_TEXT
    start, end = bialystok_record()["provenance"]["organisations"][1][1]
    assert t[start:end] == "stowarzyszenia RAZEM DLA BOJAR"
