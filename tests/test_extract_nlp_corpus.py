"""The extractor on our generated reports: per-field quality over a varied invented corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.record import extract_texts, to_contract
from corpus_gen.generate import generate

TERC = Path(__file__).resolve().parents[2] / "shared" / "gazetteer" / "TERC_2024-01-01.csv"


def fold(text: str) -> str:
    text = re.sub(r"[„”“\"'«»]", "", (text or "").casefold())
    return re.sub(r"\s+", " ", re.sub(r"\s*[–—-]\s*", "-", text)).strip(" .,;:")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    common = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    return 0.0 if not common else 2 * common / (len(wa) + len(wb))


def prf(gold: list, pred: list, same, optional=()) -> tuple[int, int, int]:
    """tp, fp, fn with one-to-one matching; predictions matching an optional item are ignored."""
    tp, used = 0, set()
    for g in gold:
        k = next((k for k, p in enumerate(pred) if k not in used and same(g, p)), None)
        if k is None:
            continue
        used.add(k)
        tp += 1
    rest = [p for k, p in enumerate(pred) if k not in used]
    fp = sum(1 for p in rest if not any(same(o, p) for o in optional))
    return tp, fp, len(gold) - tp


def f1(t) -> float:
    tp, fp, fn = t
    return 1.0 if not (tp + fp + fn) else 2 * tp / (2 * tp + fp + fn)


@pytest.fixture(scope="module")
def corpus(request):
    mp = pytest.MonkeyPatch()
    if TERC.is_file():
        mp.setenv("PARTMON_TERC", str(TERC))
    else:
        mp.delenv("PARTMON_TERC", raising=False)
    request.addfinalizer(mp.undo)
    reports = generate(30, seed=7)
    recs = [to_contract(r) for r in extract_texts(
        [{"path": name, "text": text, "title": None} for name, text, _ in reports], batch_size=8)]
    return [(gold, rec) for (_, _, gold), rec in zip(reports, recs)]


def total(corpus, field, same):
    tp = fp = fn = 0
    for gold, rec in corpus:
        items = gold[field]
        req = [g for g in items if not (isinstance(g, dict) and g.get("optional"))]
        opt = [g for g in items if isinstance(g, dict) and g.get("optional")]
        a, b, c = prf(req, rec[field], same, opt)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def test_organisations_in_all_cases_are_found_in_the_nominative(corpus):
    t = total(corpus, "organisations", lambda g, p: fold(g["name"]) == fold(p["name"]))
    assert f1(t) >= 0.9, t


def test_dates_of_all_forms_and_no_chrome_dates(corpus):
    t = total(corpus, "dates", lambda g, p: (g["value"], g["end"]) == (p["value"], p["end"]))
    assert f1(t) >= 0.95, t
    for gold, rec in corpus:
        years = {d["value"][:4] for d in rec["dates"]}
        copyright_year = str(int(gold["document_date"][:4]) + 1)
        assert copyright_year not in years or any(d["value"].startswith(copyright_year) for d in gold["dates"])


def test_goals_and_priority_tasks(corpus):
    same = lambda g, p: fold(g["text"]) == fold(p["text"])  # noqa: E731  (also when hard-wrapped)
    goals = total(corpus, "goals", lambda g, p: same(g, p) and g["level"] == p["level"])
    tasks = total(corpus, "priority_tasks", lambda g, p: same(g, p) and g["area"] == p["area"])
    assert f1(goals) >= 0.9, goals
    assert f1(tasks) >= 0.9, tasks


def test_meetings_people_funding_and_acts(corpus):
    for gold, rec in corpus:
        assert rec["document_date"] == gold["document_date"]
        assert [(m["date"], m["participants"], m["organisations_count"]) for m in rec["meetings"]] == \
            [(m["date"], m["participants"], m["organisations_count"]) for m in gold["meetings"]]
        assert rec["next_meeting"]["date"] == gold["next_meeting"]["date"]
        assert rec["next_meeting"]["time"] == gold["next_meeting"]["time"]
        assert [p["name"] for p in rec["people"]] == [p["name"] for p in gold["people"]]
        assert rec["funding"] == gold["funding"]
        assert rec["legal_acts"] == gold["legal_acts"]


def test_municipality_with_voivodeship_only_when_certain(corpus):
    if not TERC.is_file():
        pytest.skip("the development TERC file is not available")
    for gold, rec in corpus:
        assert rec["municipality"] == gold["municipality"], gold["path"]
