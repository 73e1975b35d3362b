"""`make bench`: speed figures, each compared with a baseline measured in the same run.

Prints figures, asserts nothing: targets are read off the ratios, never enforced in tests.
"""
from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def _best_of(fn, repeat: int = 3, clock=time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def demo_documents(root: Path) -> tuple[list[str], list[Path]]:
    """Texts of the demo site's reports and its PDF files (our own generated content)."""
    from crawler.demosite import generate
    from extract.text import path_text

    manifest = generate(root)
    texts, pdfs = [], []
    for report in manifest["reports"]:
        f = root / report["path"].lstrip("/")
        if f.is_dir():
            f = f / "index.html"
        if report["format"] == "pdf":
            pdfs.append(f)
        texts.append(path_text(str(f))["text"])
    return texts, pdfs


def corpus_texts() -> list[str]:
    """Texts of our evaluation corpora's web-page reports: real-sized pages with site chrome."""
    from extract.text import path_text

    return [path_text(str(f))["text"] for f in sorted(REPO.glob("tests/heldout*/reports/*"))
            if f.suffix in (".txt", ".html", ".htm")]


def bench_extraction(texts: list[str], label: str = "demo site reports") -> None:
    import spacy

    from extract.record import extract_texts

    corpus = texts * max(1, 400 // max(1, len(texts)))  # a few hundred reports
    blank = spacy.blank("pl")
    tokens = sum(len(d) for d in blank.pipe(corpus))
    list(extract_texts([{"path": str(i), "text": t, "title": None} for i, t in enumerate(texts)]))  # warm-up
    # CPU time of this process: "per core", and robust to other work on the machine;
    # bare and full alternate so both see the same conditions
    bare, full = float("inf"), float("inf")
    for _ in range(3):
        bare = min(bare, _best_of(lambda: list(blank.pipe(corpus, batch_size=64)), 1, time.process_time))
        full = min(full, _best_of(lambda: list(extract_texts(
            [{"path": str(i), "text": t, "title": None} for i, t in enumerate(corpus)])), 1, time.process_time))
    print(f"extraction, {label}: {len(corpus)} reports, {tokens:,} tokens, one core (CPU time):")
    print(f"  bare spacy.blank('pl') tokenisation  {tokens / bare:>12,.0f} tokens/s")
    print(f"  full partmon extraction              {tokens / full:>12,.0f} tokens/s")
    print(f"  ratio full / bare                    {bare / full:>12.2f}   (target ≥ 0.25)")


def bench_pdf(pdfs: list[Path]) -> None:
    import pdfplumber

    from extract.text import path_text

    if not pdfs:
        print("pdf: no PDFs in the demo site")
        return
    pages = 0
    for f in pdfs:
        with pdfplumber.open(f) as pdf:
            pages += len(pdf.pages)
    ours = _best_of(lambda: [path_text(str(f)) for f in pdfs])
    print(f"pdf text, {len(pdfs)} files, {pages} pages:")
    print(f"  partmon (pdfplumber + clean-up)      {pages / ours:>12,.1f} pages/s")
    if shutil.which("pdftotext"):
        poppler = _best_of(lambda: [subprocess.run(["pdftotext", str(f), "-"], capture_output=True) for f in pdfs])
        print(f"  poppler pdftotext                    {pages / poppler:>12,.1f} pages/s")
        print(f"  ratio partmon / pdftotext            {poppler / ours:>12.2f}")


# each corpus was written blind to the extractor; the earlier ones were then used for tuning
CORPORA = [("tests/heldout", "tuning"), ("tests/heldout2", "tuning"), ("tests/heldout3", "tuning"),
           ("tests/heldout4", "tuning"), ("tests/heldout5", "tuning"),
           ("tests/heldout6", "tuning"), ("tests/heldout7", "tuning"),
           ("tests/heldout8", "tuning since its blind score"), ("tests/heldout9", "tuning since its blind score"),
           ("tests/heldout10", "tuning since its blind score"),
           ("tests/heldout11", "blind when scored; open for the next round")]


def bench_quality() -> None:
    """Extraction quality on our corpora and on the shared dev corpus."""
    from tests.heldout.score import main as heldout

    for corpus, role in CORPORA:
        if (REPO / corpus).is_dir():
            print(f"extraction quality, {corpus} ({role}):")
            heldout(["--corpus", str(REPO / corpus)])
    dev = REPO.parent / "shared" / "corpus" / "dev"
    script = REPO.parent / "shared" / "eval" / "score.py"
    if dev.is_dir() and script.exists():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "dev.jsonl"
            subprocess.run([sys.executable, "-m", "warehouse.cli", "extract", *sorted(map(str, dev.glob("*.txt"))),
                            "--out", str(out)], cwd=REPO, capture_output=True)
            print("extraction quality, shared dev corpus:")
            print(subprocess.run([sys.executable, str(script), str(dev), str(out)], capture_output=True,
                                 text=True).stdout)


def _section(title: str, fn) -> None:
    """Run one benchmark; a failing one is reported and the others still run."""
    print(f"\n== {title}", flush=True)
    try:
        fn()
    except Exception as exc:  # a benchmark that breaks must not hide the other figures
        print(f"  failed: {type(exc).__name__}: {exc}".splitlines()[0])


def _optional(module: str):
    import importlib

    return lambda: importlib.import_module(module).main()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        texts, pdfs = demo_documents(Path(tmp))
        _section("extraction speed", lambda: bench_extraction(texts))
        _section("extraction speed, real-sized pages", lambda: bench_extraction(
            corpus_texts(), "web-page reports of tests/heldout*"))
        _section("PDF text speed", lambda: bench_pdf(pdfs))
    _section("extraction quality", bench_quality)
    # the warehouse benchmark's 100,000-document warehouse is kept for the dashboard's
    # (built once: PARTMON_BENCH_DB names where, as the warehouse benchmark reads it)
    with tempfile.TemporaryDirectory(prefix="partmon-bench-db-") as tmp:
        shared = os.environ.setdefault("PARTMON_BENCH_DB", str(Path(tmp) / "bench.duckdb"))
        _section("warehouse (100,000 documents)", _optional("tests.bench.warehouse_bench"))
        _section("crawler (10,000 pages)", _optional("tests.bench.crawler_bench"))
        _section("dashboard in Chromium", lambda: importlib.import_module(
            "tests.bench.dashboard_bench").main(shared))


if __name__ == "__main__":
    main()
