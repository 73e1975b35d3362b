"""Materialise the held-out corpus into a folder: reports (txt, html, rendered PDFs) with gold beside them.

usage: python -m tests.heldout.build OUT_DIR [CORPUS_DIR]

CORPUS_DIR is a folder holding `reports/`, `pdf_specs/` and `gold/` (default: this one,
`tests/heldout/`; the second corpus is `tests/heldout2/`). Each report becomes
OUT_DIR/<name>.<ext> with OUT_DIR/<name>.gold.json next to it; the gold `path` is the
report's file name. PDFs are rendered from `pdf_specs/` at build time so no
binary is kept in the repository.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from . import pdfgen

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
PDF_SPECS = HERE / "pdf_specs"
GOLD = HERE / "gold"


def report_names(corpus=HERE) -> dict[str, Path]:
    """name -> source (a report file or a PDF spec) of the corpus folder `corpus`."""
    corpus = Path(corpus)
    if not (corpus / "reports").is_dir() or not (corpus / "gold").is_dir():
        raise ValueError(f"{corpus}: not a corpus folder (needs reports/ and gold/)")
    names: dict[str, Path] = {}
    for src in sorted((corpus / "reports").iterdir()):
        if src.suffix in (".txt", ".html", ".htm"):
            names[src.stem] = src
    for spec in sorted((corpus / "pdf_specs").glob("*.json")):
        if spec.stem in names:
            raise ValueError(f"{spec}: report name {spec.stem!r} used twice")
        names[spec.stem] = spec
    return names


def build(out_dir, corpus=HERE) -> list[Path]:
    """Write every report of `corpus` and its gold file into `out_dir`; return the report paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    corpus = Path(corpus)
    gold_dir = corpus / "gold"
    names = report_names(corpus)
    golds = {p.name[: -len(".gold.json")] for p in gold_dir.glob("*.gold.json")}
    if set(names) != golds:
        raise ValueError(f"reports without gold: {sorted(set(names) - golds)}; "
                         f"gold without report: {sorted(golds - set(names))}")
    paths = []
    for name, src in names.items():
        if src.suffix == ".json":
            target = pdfgen.render(src, out / f"{name}.pdf")
        else:
            target = out / src.name
            shutil.copyfile(src, target)
        shutil.copyfile(gold_dir / f"{name}.gold.json", out / f"{name}.gold.json")
        paths.append(target)
    return paths


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        paths = build(*argv)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
