"""Report files to records: text extraction and the NLP pipeline, file by file, in input order.

A file that cannot be read gets an error record; every other file is still extracted.
"""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

SUPPORTED = (".html", ".htm", ".pdf", ".txt", ".docx", ".odt", ".doc")


def _read(path: str) -> dict:
    from extract.text import ExtractionError, path_text

    try:
        got = path_text(path)
    except ExtractionError as exc:
        return {"path": path, "error": str(exc)}
    except Exception as exc:  # an unexpected failure is still one line about this file
        return {"path": path, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]}
    return {"path": path, "text": got["text"], "title": got.get("title")}


def extract_paths(paths: Iterable[str], n_process: int = 1, chunk: int = 64) -> Iterator[dict]:
    """Yield one full record per path, in order; unreadable files yield error records."""
    from extract.record import empty_record, extract_texts

    paths = iter(paths)
    while batch := list(islice(paths, chunk)):
        read = [_read(str(p)) for p in batch]
        good = [r for r in read if "error" not in r]
        records = iter(extract_texts(good, n_process=n_process)) if good else iter(())
        for item in read:
            if "error" in item:
                yield empty_record(item["path"], error=item["error"])
            else:
                yield next(records)
