"""Materialise the held-out corpus into a folder: reports (txt, html, rendered PDFs) with gold beside them.

usage: python -m tests.heldout.build OUT_DIR

Each report becomes OUT_DIR/<name>.<ext> with OUT_DIR/<name>.gold.json next to it; the gold
`path` is the report's file name. PDFs are rendered from `pdf_specs/` at build time so no
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


def report_names() -> dict[str, Path]:
    """name -> source (a report file or a PDF spec)."""
    names: dict[str, Path] = {}
    for src in sorted(REPORTS.iterdir()):
        if src.suffix in (".txt", ".html", ".htm"):
            names[src.stem] = src
    for spec in sorted(PDF_SPECS.glob("*.json")):
        if spec.stem in names:
            raise ValueError(f"{spec}: report name {spec.stem!r} used twice")
        names[spec.stem] = spec
    return names


def build(out_dir) -> list[Path]:
    """Write every report and its gold file into `out_dir`; return the report paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = report_names()
    golds = {p.name[: -len(".gold.json")] for p in GOLD.glob("*.gold.json")}
    if set(names) != golds:
        raise ValueError(f"reports without gold: {sorted(set(names) - golds)}; "
                         f"gold without report: {sorted(golds - set(names))}")
    paths = []
    for name, src in names.items():
        if src.parent == PDF_SPECS:
            target = pdfgen.render(src, out / f"{name}.pdf")
        else:
            target = out / src.name
            shutil.copyfile(src, target)
        shutil.copyfile(GOLD / f"{name}.gold.json", out / f"{name}.gold.json")
        paths.append(target)
    return paths


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in build(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
