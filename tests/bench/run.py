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


def _best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
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


def bench_extraction(texts: list[str]) -> None:
    import spacy

    from extract.record import extract_texts

    corpus = texts * max(1, 400 // max(1, len(texts)))  # a few hundred reports
    blank = spacy.blank("pl")
    tokens = sum(len(d) for d in blank.pipe(corpus))
    list(extract_texts([{"path": str(i), "text": t, "title": None} for i, t in enumerate(texts)]))  # warm-up
    bare = _best_of(lambda: list(blank.pipe(corpus, batch_size=64)))
    full = _best_of(lambda: list(extract_texts(
        [{"path": str(i), "text": t, "title": None} for i, t in enumerate(corpus)])), repeat=2)
    print(f"extraction, {len(corpus)} reports, {tokens:,} tokens, one core:")
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


def bench_quality() -> None:
    """Extraction quality on the held-out corpus and on the shared dev corpus."""
    from tests.heldout.score import main as heldout

    print("extraction quality, held-out corpus (tests/heldout):")
    heldout([])
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
