"""Measure the extractor on a held-out corpus: build it, run the real `partmon extract`, score.

usage: python -m tests.heldout.score [--verbose] [--keep DIR] [--corpus CORPUS_DIR]

CORPUS_DIR defaults to `tests/heldout/`; `--corpus tests/heldout2` scores the second corpus.

Prints the table of /work/shared/eval/score.py (per-field precision, recall, F1 and the
macro lines); `make bench` and the notes quote it. Used by tests/test_extract_quality.py.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .build import HERE, build

REPO = Path(__file__).resolve().parents[2]
SCORE_SCRIPT = REPO.parent / "shared" / "eval" / "score.py"
MACRO = re.compile(r"core macro F1\s+([0-9.]+)\s+all-field macro F1\s+([0-9.]+)")
ROW = re.compile(r"^(\w+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s*$")


def extract(paths: list[Path], out: Path) -> subprocess.CompletedProcess:
    """Run the real CLI on `paths`; exit status 0 and 1 (some file unreadable) are both results."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    python = REPO / ".venv" / "bin" / "python"
    cmd = [str(python if python.exists() else sys.executable), "-m", "warehouse.cli", "extract",
           *map(str, paths), "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env, timeout=1200)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"partmon extract exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    return proc


def score(gold_dir: Path, predictions: Path, verbose: bool = False) -> str:
    """The score script's printed table."""
    args = [sys.executable, str(SCORE_SCRIPT), str(gold_dir), str(predictions)]
    if verbose:
        args.append("--verbose")
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"{SCORE_SCRIPT} exited {proc.returncode}: {proc.stderr.strip()}")
    return proc.stdout


def parse(table: str) -> dict:
    """{"fields": {field: (p, r, f1)}, "core": float, "all": float} from the printed table."""
    fields = {m.group(1): tuple(float(m.group(i)) for i in (2, 3, 4))
              for m in map(ROW.match, table.splitlines()) if m}
    macro = MACRO.search(table)
    if not macro:
        raise ValueError(f"no macro line in the score table:\n{table}")
    return {"fields": fields, "core": float(macro.group(1)), "all": float(macro.group(2))}


def run(work_dir: Path, verbose: bool = False, corpus_dir=HERE) -> tuple[str, Path]:
    """Build the corpus `corpus_dir` in `work_dir`, extract, score; returns (table, predictions file)."""
    corpus = work_dir / "corpus"
    paths = build(corpus, corpus_dir)
    predictions = work_dir / "pred.jsonl"
    extract(paths, predictions)
    return score(corpus, predictions, verbose), predictions


def main(argv: list[str]) -> int:
    if not SCORE_SCRIPT.exists():
        print(f"score script not found: {SCORE_SCRIPT}", file=sys.stderr)
        return 2
    verbose = "--verbose" in argv
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    corpus_dir = Path(argv[argv.index("--corpus") + 1]) if "--corpus" in argv else HERE
    if not (corpus_dir / "gold").is_dir():
        print(f"{corpus_dir}: not a corpus folder (needs reports/ and gold/)", file=sys.stderr)
        return 2
    if keep:
        table, _ = run(Path(keep), verbose, corpus_dir)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            table, _ = run(Path(tmp), verbose, corpus_dir)
    print(table, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
