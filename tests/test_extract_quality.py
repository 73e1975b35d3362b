"""The extractor's quality on partmon's own held-out corpus (tests/heldout/), scored by the shared scorer.

The corpus is independent of the extractor's tuning material; the floors below are what a
user may rely on and are raised as the extractor improves.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pdfplumber
import pytest

from conftest import ARTIFACTS, SHARED
from heldout import build as heldout_build
from heldout import pdfgen
from heldout import score as heldout_score

CORE_FLOOR = 0.85
ALL_FLOOR = 0.85
SCHEMA = json.loads((SHARED / "contract" / "extraction.schema.json").read_text(encoding="utf-8"))
CONTRACT_FIELDS = set(SCHEMA["required"])
GOLD_EXTRA = {"aliases", "optional"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout") / "corpus"
    return heldout_build.build(out)


def test_corpus_has_the_promised_variety(corpus):
    by_ext = {}
    for path in corpus:
        by_ext.setdefault(path.suffix, []).append(path)
    assert len(corpus) >= 26
    assert len(by_ext[".txt"]) >= 10 and len(by_ext[".html"]) >= 8 and len(by_ext[".pdf"]) >= 8
    golds = [json.loads(p.with_name(p.stem + ".gold.json").read_text(encoding="utf-8")) for p in corpus]
    voivodeships = {g["municipality"]["voivodeship"] for g in golds if g["municipality"]}
    kinds = {g["municipality"]["kind"] for g in golds if g["municipality"]}
    assert len(voivodeships - {None}) >= 10
    assert {"gmina", "miasto", "powiat", "województwo"} <= kinds


def test_every_gold_file_follows_the_contract(corpus):
    for report in corpus:
        gold_path = report.with_name(report.stem + ".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert set(gold) == CONTRACT_FIELDS, gold_path.name
        assert gold["path"] == report.name
        clean = _without_gold_extras(gold)
        jsonschema.validate(clean, SCHEMA)
        for org in gold["organisations"]:
            assert set(org) <= {"name", "kind", "mentions"} | GOLD_EXTRA, (gold_path.name, org)


def test_gold_items_are_written_in_their_report():
    """Every date text, organisation mention, goal and priority task of a gold file is in its report."""
    problems = []
    for name, src in heldout_build.report_names().items():
        gold = json.loads((heldout_build.GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
        text = _flat(_source_text(src))
        wanted = [d["text"] for d in gold["dates"]]
        wanted += [m for org in gold["organisations"] for m in org["mentions"]]
        wanted += [item["text"].rstrip(".;,") for item in gold["goals"] + gold["priority_tasks"]]
        problems += [f"{name}: {w!r}" for w in wanted if _flat(w) not in text]
    assert not problems, "\n".join(problems)


def _source_text(src: Path) -> str:
    if src.suffix == ".json":
        return pdfgen.spec_text(src)
    raw = src.read_bytes()
    if src.suffix == ".txt":
        return raw.decode("utf-8")
    declared = re.search(rb"charset=[\"']?([\w-]+)", raw[:1000])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode(declared.group(1).decode() if declared else "iso-8859-2")
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _without_gold_extras(value):
    if isinstance(value, dict) and set(value) == {"text", "optional"}:  # optional legal act / funding
        return value["text"]
    if isinstance(value, dict):
        return {k: _without_gold_extras(v) for k, v in value.items() if k not in GOLD_EXTRA}
    if isinstance(value, list):
        return [_without_gold_extras(v) for v in value]
    return value


def test_pdfs_are_real_and_the_scan_has_no_text_layer(corpus):
    pdfs = [p for p in corpus if p.suffix == ".pdf"]
    scanned = [p for p in pdfs if "skan" in p.stem]
    assert scanned, "the corpus must hold a scanned PDF"
    for pdf in pdfs:
        with pdfplumber.open(pdf) as doc:
            chars = sum(len(page.chars) for page in doc.pages)
            images = sum(len(page.images) for page in doc.pages)
        if pdf in scanned:
            assert chars == 0 and images >= 1, pdf.name
        else:
            assert chars > 500, pdf.name
    multi = [p for p in pdfs if "Strona 2 z" in _pdf_text(p)]
    assert multi, "a multi-page PDF with 'Strona N z M' footers is expected"


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_html_reports_come_in_legacy_encodings():
    reports = heldout_build.REPORTS
    raw = {p.name: p.read_bytes() for p in reports.glob("*.html")}
    not_utf8 = []
    for name, body in raw.items():
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(name)
    assert len(not_utf8) >= 2, not_utf8


@pytest.fixture(scope="module")
def predictions(corpus, tmp_path_factory):
    """The real `partmon extract` run over the built corpus."""
    out = tmp_path_factory.mktemp("heldout-run") / "pred.jsonl"
    heldout_score.extract(corpus, out)
    return out


@pytest.fixture(scope="module")
def scored(corpus, predictions):
    if not heldout_score.SCORE_SCRIPT.exists():
        pytest.skip(f"shared score script absent: {heldout_score.SCORE_SCRIPT}")
    gold_dir = corpus[0].parent
    table = heldout_score.score(gold_dir, predictions)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "heldout-score.txt").write_text(table, encoding="utf-8")
    (ARTIFACTS / "heldout-score-verbose.txt").write_text(
        heldout_score.score(gold_dir, predictions, verbose=True), encoding="utf-8")
    return table


def test_every_record_follows_the_schema(corpus, predictions):
    records = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r["path"] for r in records] == [str(p) for p in corpus]
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert "error" not in record, f"{record['path']}: {record.get('error')}"


def test_extraction_quality_stays_above_the_floors(scored, corpus):
    table = scored
    result = heldout_score.parse(table)
    assert f"documents {len(corpus)} " in table
    assert "no prediction for" not in table
    assert result["core"] >= CORE_FLOOR, table
    assert result["all"] >= ALL_FLOOR, table
