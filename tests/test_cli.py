"""The `partmon` command line as a user meets it: help texts, `extract` on good and bad files."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import SHARED, partmon

SCHEMA = json.loads((SHARED / "contract" / "extraction.schema.json").read_text(encoding="utf-8"))
CONTRACT_KEYS = ["path", "title", "municipality", "document_date", "meetings", "next_meeting",
                 "organisations", "people", "dates", "goals", "priority_tasks", "legal_acts", "funding"]

REPORT = """Sprawozdanie z warsztatów konsultacyjnych

W dniu 14 marca 2024 r. w sali narad Urzędu Gminy w Zielonce odbyły się warsztaty dotyczące
Programu współpracy Gminy Zielonka z organizacjami pozarządowymi na rok 2025.
W spotkaniu wzięło udział 18 osób, w tym przedstawiciele Stowarzyszenia Przyjaciół Ziemi
Zielonkowskiej oraz Ochotniczej Straży Pożarnej w Zielonce.

Cel główny: Wzmacnianie współpracy samorządu z organizacjami pozarządowymi.
"""


@pytest.mark.parametrize("command", ["crawl", "extract", "run", "sql", "export", "dashboard", "demo", "sources"])
def test_every_command_explains_itself(command):
    out = partmon(command, "--help").stdout
    assert "usage: partmon " + command in out
    assert len(out.splitlines()) > 4


def _pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 11)
    y = 800
    for line in REPORT.splitlines():
        c.drawString(50, y, line)
        y -= 16
    c.save()
    return path


def test_extract_keeps_going_past_broken_files(tmp_path):
    good_txt = tmp_path / "zielonka.txt"
    good_txt.write_text(REPORT, encoding="utf-8")
    good_pdf = _pdf(tmp_path / "zielonka.pdf")
    broken = tmp_path / "uszkodzony.pdf"
    broken.write_bytes(good_pdf.read_bytes()[:300])
    empty = tmp_path / "pusty.html"
    empty.write_bytes(b"")
    paths = [str(p) for p in (good_txt, broken, empty, good_pdf)]

    proc = partmon("extract", *paths, "--out", str(tmp_path / "out.jsonl"), check=False)
    assert proc.returncode == 1
    records = [json.loads(l) for l in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == paths  # one line per input, in input order
    for r in records:
        jsonschema.validate(r, SCHEMA)
        assert list(r)[:len(CONTRACT_KEYS)] == CONTRACT_KEYS
    for bad in (records[1], records[2]):
        assert bad["error"] and "\n" not in bad["error"]
        assert bad["organisations"] == [] and bad["municipality"] is None
    for good in (records[0], records[3]):
        assert "error" not in good
        assert good["document_date"] == "2024-03-14"
        names = {o["name"] for o in good["organisations"]}
        assert "Ochotnicza Straż Pożarna w Zielonce" in names
    # the errors are reported on stderr, naming the file
    assert "uszkodzony.pdf" in proc.stderr and "pusty.html" in proc.stderr


def test_extract_writes_to_stdout_and_exits_zero_when_all_succeed(tmp_path):
    f = tmp_path / "raport.txt"
    f.write_text(REPORT, encoding="utf-8")
    proc = partmon("extract", str(f))
    record = json.loads(proc.stdout)
    assert record["goals"][0]["level"] == "main"
    assert "Wzmacnianie współpracy" in record["goals"][0]["text"]


def test_sql_on_missing_warehouse_is_one_clear_line(tmp_path):
    proc = partmon("sql", "--db", str(tmp_path / "nie-ma.duckdb"), "SELECT 1", check=False)
    assert proc.returncode != 0
    assert "nie-ma.duckdb" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
