"""The extractor's quality on partmon's own held-out corpora (tests/heldout/ to heldout11/), scored by the shared scorer.

The corpora were written apart from the extractor's tuning material (the second by an engineer
who never read the extractor's patterns, the third also blind to the first two corpora, the
fourth blind to the extractor and to the first three, the fifth blind to the extractor and to the
first four, the sixth to tenth blind to the extractor and to all earlier corpora; each was
scored once blind and then used for tuning); the floors below are what a user may rely on and are
raised as the extractor improves.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pdfplumber
import pytest

from conftest import ARTIFACTS, REPO, SHARED
from heldout import build as heldout_build
from heldout import pdfgen
from heldout import score as heldout_score

SCHEMA = json.loads((SHARED / "contract" / "extraction.schema.json").read_text(encoding="utf-8"))
CONTRACT_FIELDS = set(SCHEMA["required"])
GOLD_EXTRA = {"aliases", "optional"}


@dataclass(frozen=True)
class Corpus:
    """One held-out corpus folder, the variety it promises and the score floors it must keep."""
    name: str
    folder: Path
    core_floor: float
    all_floor: float
    min_reports: int
    min_by_ext: dict
    min_voivodeships: int


CORPORA = {
    # Corpora 1-4 were each measured blind first, then used for tuning; after the last round
    # (end of 22 Nov 2026) they score core/all 0.974/0.961, 0.968/0.965, 0.942/0.947,
    # 0.923/0.919; their floors sit about 0.05 below, so a tuning step that breaks them fails.
    "heldout": Corpus("heldout", REPO / "tests" / "heldout", core_floor=0.96, all_floor=0.95,
                      min_reports=26, min_by_ext={".txt": 10, ".html": 8, ".pdf": 8}, min_voivodeships=10),
    # blind: core macro F1 0.799, all-field 0.827 (30 reports)
    "heldout2": Corpus("heldout2", REPO / "tests" / "heldout2", core_floor=0.96, all_floor=0.95,
                       min_reports=30, min_by_ext={".txt": 15, ".html": 9, ".pdf": 6}, min_voivodeships=14),
    # blind: core macro F1 0.789, all-field 0.850 (27 reports)
    "heldout3": Corpus("heldout3", REPO / "tests" / "heldout3", core_floor=0.94, all_floor=0.94,
                       min_reports=27, min_by_ext={".txt": 18, ".html": 4, ".pdf": 5}, min_voivodeships=16),
    # blind: core macro F1 0.700, all-field 0.830 (26 reports)
    "heldout4": Corpus("heldout4", REPO / "tests" / "heldout4", core_floor=0.94, all_floor=0.93,
                       min_reports=26, min_by_ext={".txt": 16, ".html": 5, ".pdf": 5}, min_voivodeships=16),
    # blind: core macro F1 0.900, all-field 0.915 when written (0.913 / 0.922 before it was
    # opened); tuned on in round 5 (tests/test_extract_round5.py) to 0.973 / 0.965: floors just below.
    "heldout5": Corpus("heldout5", REPO / "tests" / "heldout5", core_floor=0.96, all_floor=0.96,
                       min_reports=28, min_by_ext={".txt": 21, ".html": 4, ".pdf": 3}, min_voivodeships=16),
    # blind (third session, after rounds 5-6, by two more writers blind to the extractor and to
    # every earlier corpus): heldout6 core 0.897, all-field 0.886; heldout7 core 0.832, all-field
    # 0.859 (goals recall 0.47). Then opened for a goals round (tests/test_extract_goals_round6.py):
    # 0.924 / 0.895 and 0.930 / 0.892; floors a little below.
    "heldout6": Corpus("heldout6", REPO / "tests" / "heldout6", core_floor=0.95, all_floor=0.92,
                       min_reports=28, min_by_ext={".txt": 13, ".html": 9, ".pdf": 6}, min_voivodeships=16),
    "heldout7": Corpus("heldout7", REPO / "tests" / "heldout7", core_floor=0.94, all_floor=0.91,
                       min_reports=26, min_by_ext={".txt": 9, ".html": 11, ".pdf": 6}, min_voivodeships=12),
    # fourth session: heldout8/9 blind after round 8: core 0.904 / 0.884, all-field 0.935 / 0.902;
    # then opened for round 9: 0.981 / 0.980 and 0.993 / 0.972. heldout10 blind after round 9:
    # core 0.921, all-field 0.869 (not tuned on yet). Floors after the fourth session: about 0.02-0.03
    # below each corpus's score then (heldout … heldout7: 0.990/0.976, 0.991/0.984, 0.968/0.975,
    # 0.968/0.964, 0.984/0.986, 0.976/0.946, 0.964/0.935).
    "heldout8": Corpus("heldout8", REPO / "tests" / "heldout8", core_floor=0.95, all_floor=0.95,
                       min_reports=27, min_by_ext={".txt": 10, ".html": 10, ".pdf": 7}, min_voivodeships=16),
    "heldout9": Corpus("heldout9", REPO / "tests" / "heldout9", core_floor=0.96, all_floor=0.94,
                       min_reports=27, min_by_ext={".txt": 10, ".html": 10, ".pdf": 7}, min_voivodeships=16),
    # fifth session: heldout10 opened for a funding and meetings round (all-field 0.869 -> 0.945);
    # heldout11 blind after it: core 0.930, all-field 0.952 (not tuned on yet).
    "heldout10": Corpus("heldout10", REPO / "tests" / "heldout10", core_floor=0.90, all_floor=0.92,
                        min_reports=26, min_by_ext={".txt": 9, ".html": 10, ".pdf": 7}, min_voivodeships=15),
    "heldout11": Corpus("heldout11", REPO / "tests" / "heldout11", core_floor=0.91, all_floor=0.93,
                        min_reports=26, min_by_ext={".txt": 10, ".html": 10, ".pdf": 6}, min_voivodeships=16),
}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def spec(request) -> Corpus:
    return CORPORA[request.param]


@pytest.fixture(scope="module")
def corpus(spec, tmp_path_factory):
    out = tmp_path_factory.mktemp(spec.name) / "corpus"
    return heldout_build.build(out, spec.folder)


def _golds(corpus):
    return [json.loads(p.with_name(p.stem + ".gold.json").read_text(encoding="utf-8")) for p in corpus]


def test_corpus_has_the_promised_variety(spec, corpus):
    by_ext = {}
    for path in corpus:
        by_ext.setdefault(path.suffix, []).append(path)
    assert len(corpus) >= spec.min_reports
    for ext, least in spec.min_by_ext.items():
        assert len(by_ext.get(ext, [])) >= least, (ext, len(by_ext.get(ext, [])))
    golds = _golds(corpus)
    voivodeships = {g["municipality"]["voivodeship"] for g in golds if g["municipality"]}
    kinds = {g["municipality"]["kind"] for g in golds if g["municipality"]}
    assert len(voivodeships - {None}) >= spec.min_voivodeships
    assert {"gmina", "miasto", "powiat", "województwo"} <= kinds


def test_second_corpus_spans_years_processes_and_ambiguous_names():
    """tests/heldout2 covers 2008-2025, a gmina whose name several voivodeships share (no cue: null) and next meetings."""
    names = heldout_build.report_names(CORPORA["heldout2"].folder)
    golds = [json.loads((CORPORA["heldout2"].folder / "gold" / f"{n}.gold.json").read_text(encoding="utf-8"))
             for n in names]
    years = {int(g["document_date"][:4]) for g in golds if g["document_date"]}
    assert min(years) <= 2008 and max(years) >= 2025, sorted(years)
    assert len(years) >= 14, sorted(years)
    assert sum(g["municipality"]["voivodeship"] is None for g in golds) >= 2
    assert sum(g["next_meeting"] is not None for g in golds) >= 8
    assert sum(len(g["meetings"]) > 1 for g in golds) >= 4
    for field in ("goals", "priority_tasks", "legal_acts", "funding", "people"):
        assert sum(bool(g[field]) for g in golds) >= 5, field


def test_third_corpus_spans_years_processes_and_ambiguous_names():
    """tests/heldout3 covers 2009-2025, every voivodeship, gminy named alike in several voivodeships (null) and next meetings."""
    folder = CORPORA["heldout3"].folder
    golds = [json.loads((folder / "gold" / f"{n}.gold.json").read_text(encoding="utf-8"))
             for n in heldout_build.report_names(folder)]
    years = {int(g["document_date"][:4]) for g in golds if g["document_date"]}
    assert min(years) <= 2009 and max(years) >= 2025, sorted(years)
    assert len(years) >= 14, sorted(years)
    assert sum(g["municipality"]["voivodeship"] is None for g in golds) >= 2
    assert sum(g["next_meeting"] is not None for g in golds) >= 8
    assert sum(len(g["meetings"]) > 1 for g in golds) >= 5
    for field in ("goals", "priority_tasks", "legal_acts", "funding", "people"):
        assert sum(bool(g[field]) for g in golds) >= 4, field
    areas = {t["area"] for g in golds for t in g["priority_tasks"]} - {None}
    assert len(areas) >= 10, sorted(areas)


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


def test_gold_items_are_written_in_their_report(spec):
    """Every date text, organisation mention, goal and priority task of a gold file is in its report."""
    problems = []
    for name, src in heldout_build.report_names(spec.folder).items():
        gold = json.loads((spec.folder / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
        text = _flat(_source_text(src))
        wanted = [d["text"] for d in gold["dates"]]
        # (an optional organisation may be named only where the text layer has no words, e.g. a logo's alt text)
        wanted += [m for org in gold["organisations"] if not org.get("optional") for m in org["mentions"]]
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


def _generator(spec, pdf) -> str:
    """How the corpus's PDF spec says the file is made ("platypus", "canvas", "scan")."""
    return json.loads((spec.folder / "pdf_specs" / f"{pdf.stem}.json").read_text(encoding="utf-8"))["generator"]


def test_pdfs_are_real_and_the_scan_has_no_text_layer(spec, corpus):
    pdfs = [p for p in corpus if p.suffix == ".pdf"]
    scanned = [p for p in pdfs if _generator(spec, p) == "scan"]
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


@pytest.mark.parametrize("spec", ["heldout2"], indirect=True)
def test_second_corpus_pdfs_have_two_columns_and_a_table_across_a_page_break(spec, corpus):
    pdfs = {p.stem: p for p in corpus if p.suffix == ".pdf"}
    two_columns = [p for p in pdfs.values() if _has_two_columns(p)]
    assert two_columns, "a two-column PDF is expected"
    table_pdf = pdfs["bydgoszcz-warsztaty-lista-obecnosci-tabela"]
    with pdfplumber.open(table_pdf) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    assert "Fundacja Wspólnota Nadziei" in pages[0] and "Rada Działalności Pożytku Publicznego Miasta" in pages[1]
    assert "Organizacja / instytucja" in pages[1], "the header row repeats after the page break"


@pytest.mark.parametrize("spec", ["heldout3"], indirect=True)
def test_third_corpus_pdfs_have_two_columns_and_a_table_across_a_page_break(spec, corpus):
    pdfs = {p.stem: p for p in corpus if p.suffix == ".pdf"}
    assert _has_two_columns(pdfs["lubuskie-biuletyn-forum-ngo-dwie-kolumny"])
    with pdfplumber.open(pdfs["swidnica-protokol-konsultacji-lista-obecnosci"]) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    assert len(pages) >= 2
    assert "Hufiec ZHP Świdnica" in pages[0] and "Caritas Diecezji Świdnickiej" in pages[1]
    assert "Organizacja / instytucja" in pages[1], "the header row repeats after the page break"


def test_fourth_corpus_spans_years_processes_and_ambiguous_names():
    """tests/heldout4 covers 2008-2025, every voivodeship, two gminy named alike in several voivodeships (null) and every field."""
    folder = CORPORA["heldout4"].folder
    golds = [json.loads((folder / "gold" / f"{n}.gold.json").read_text(encoding="utf-8"))
             for n in heldout_build.report_names(folder)]
    years = {int(g["document_date"][:4]) for g in golds if g["document_date"]}
    assert min(years) <= 2008 and max(years) >= 2025, sorted(years)
    assert len(years) >= 16, sorted(years)
    assert sum(g["municipality"]["voivodeship"] is None for g in golds) >= 2
    assert sum(g["next_meeting"] is not None for g in golds) >= 5
    assert sum(len(g["meetings"]) > 1 for g in golds) >= 4
    for field in ("goals", "priority_tasks", "legal_acts", "funding", "people"):
        assert sum(bool(g[field]) for g in golds) >= 5, field
    assert sum(any(x["level"] == "specific" for x in g["goals"]) for g in golds) >= 8
    areas = {t["area"] for g in golds for t in g["priority_tasks"]} - {None}
    assert len(areas) >= 15, sorted(areas)


@pytest.mark.parametrize("spec", ["heldout4"], indirect=True)
def test_fourth_corpus_pdfs_have_two_columns_and_a_table_across_a_page_break(spec, corpus):
    pdfs = {p.stem: p for p in corpus if p.suffix == ".pdf"}
    assert _has_two_columns(pdfs["slaskie-biuletyn-forum-dwie-kolumny"])
    with pdfplumber.open(pdfs["powiat-kartuski-protokol-lista-obecnosci"]) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    assert len(pages) >= 2
    assert "Starostwo Powiatowe w Kartuzach" in pages[0] and "Fundacja Pomorska Wieś" in pages[-1]
    assert "Organizacja / instytucja" in pages[-1], "the header row repeats after the page break"


def test_fifth_corpus_spans_years_processes_and_every_field():
    """tests/heldout5 covers 2008-2025 year by year, every voivodeship, a gmina named alike in several voivodeships (null) and every field."""
    folder = CORPORA["heldout5"].folder
    golds = [json.loads((folder / "gold" / f"{n}.gold.json").read_text(encoding="utf-8"))
             for n in heldout_build.report_names(folder)]
    years = {int(g["document_date"][:4]) for g in golds if g["document_date"]}
    assert set(range(2008, 2026)) <= years, sorted(years)
    assert sum(g["municipality"]["voivodeship"] is None for g in golds) >= 1
    assert sum(g["next_meeting"] is not None for g in golds) >= 8
    assert sum(len([m for m in g["meetings"] if not m.get("optional")]) > 1 for g in golds) >= 2
    for field in ("goals", "priority_tasks", "legal_acts", "funding", "people"):
        assert sum(bool(g[field]) for g in golds) >= 8, field
    areas = {t["area"] for g in golds for t in g["priority_tasks"]} - {None}
    assert len(areas) >= 20, sorted(areas)


@pytest.mark.parametrize("spec", ["heldout5"], indirect=True)
def test_fifth_corpus_pdfs_have_two_columns_and_a_table_across_a_page_break(spec, corpus):
    pdfs = {p.stem: p for p in corpus if p.suffix == ".pdf"}
    assert _has_two_columns(pdfs["pomorskie-biuletyn-forum-dwie-kolumny"])
    with pdfplumber.open(pdfs["powiat-gostynski-protokol-lista-obecnosci"]) as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    assert len(pages) >= 2
    assert "Starostwo Powiatowe w Gostyniu" in pages[0] and "Fundacja Pomocy Dzieciom" in pages[-1]
    assert "Organizacja / instytucja" in pages[-1], "the header row repeats after the page break"


def _has_two_columns(path: Path) -> bool:
    """Body words start both near the left margin and just right of the page's middle on one page."""
    with pdfplumber.open(path) as doc:
        page = doc.pages[0]
        middle = page.width / 2
        starts = {round(line["x0"]) for line in page.extract_text_lines()}
    return any(x < 80 for x in starts) and any(middle < x < middle + 40 for x in starts)


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_html_reports_come_in_legacy_encodings(spec):
    raw = {p.name: p.read_bytes() for p in (spec.folder / "reports").glob("*.html")}
    not_utf8 = []
    for name, body in raw.items():
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(name)
    assert len(not_utf8) >= 2, not_utf8


@pytest.fixture(scope="module")
def predictions(spec, corpus, tmp_path_factory):
    """The real `partmon extract` run over the built corpus."""
    out = tmp_path_factory.mktemp(f"{spec.name}-run") / "pred.jsonl"
    heldout_score.extract(corpus, out)
    return out


@pytest.fixture(scope="module")
def scored(spec, corpus, predictions):
    if not heldout_score.SCORE_SCRIPT.exists():
        pytest.skip(f"shared score script absent: {heldout_score.SCORE_SCRIPT}")
    gold_dir = corpus[0].parent
    table = heldout_score.score(gold_dir, predictions)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{spec.name}-score.txt").write_text(table, encoding="utf-8")
    (ARTIFACTS / f"{spec.name}-score-verbose.txt").write_text(
        heldout_score.score(gold_dir, predictions, verbose=True), encoding="utf-8")
    return table


def test_every_record_follows_the_schema(corpus, predictions):
    records = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r["path"] for r in records] == [str(p) for p in corpus]
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert "error" not in record, f"{record['path']}: {record.get('error')}"


def test_extraction_quality_stays_above_the_floors(spec, scored, corpus):
    table = scored
    result = heldout_score.parse(table)
    assert f"documents {len(corpus)} " in table
    assert "no prediction for" not in table
    assert result["core"] >= spec.core_floor, table
    assert result["all"] >= spec.all_floor, table
