"""Reading-order text of a report PDF with pdfplumber, and OCR for scans without a text layer.

Municipal report PDFs are exported from word processors: running headers and footers
('Strona 2 z 4') repeat on every page, words are hyphenated at line ends, participant lists
are ruled tables that run over page breaks, and some pages are set in two columns. Each of
these is undone here so the NLP stage sees the report as written. Scanned pages go through
Debian `pdftoppm` + `tesseract -l pol` when both are installed; pages, OCR pages and time
are bounded.
"""
from __future__ import annotations

import io
import logging
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from extract.text import ExtractionError

log = logging.getLogger(__name__)

MAX_PAGES = 300              # pages read from one PDF; the rest is skipped with a log note
TIME_BUDGET_S = 180.0        # wall time for one PDF's text layer
OCR_MAX_PAGES = 20           # scanned pages sent to tesseract per PDF
OCR_DPI = 300
OCR_TIMEOUT_S = 90           # per page (render + recognise)
MIN_PAGE_CHARS = 10          # a page with fewer characters has no text layer
_LINE_TOL = 3.0              # points: words whose tops differ less share a line
_HYPHENS = "-\u00ad\u2010\u00ac"
_MARKER = re.compile(r"^(?:[•·◦▪■●○►▶✓–—*-]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[IVX]{1,5}\.)\s")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


@lru_cache(maxsize=None)
def _lexicon_rx(name: str) -> re.Pattern:
    """One case-insensitive alternation of the regular expressions listed in lexicon/`name`."""
    path = Path(__file__).with_name("lexicon") / name
    pats = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I)


def _furniture():
    return _lexicon_rx("boilerplate_pdf_lines.txt")


@lru_cache(maxsize=1)
def _funding_cues():
    """(funding cue, a row of one or more logo captions, contact mark) for `_funding_note`."""
    cap = _lexicon_rx("funding_logo_captions.txt").pattern
    row = re.compile(rf"(?:{cap})(?:[\s|·•/,–-]+(?:{cap}))*", re.I)
    return _lexicon_rx("funding_note_cues.txt"), row, _lexicon_rx("contact_marks.txt")


def pdf_text(body: bytes) -> tuple[str, str | None]:
    """(text, title) of a PDF given as bytes; ExtractionError when it cannot be read."""
    import pdfplumber

    if b"%%EOF" not in body[-65536:]:
        raise ExtractionError("PDF is truncated (no end-of-file marker)")
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(body))
    except Exception as exc:
        raise _pdf_error(exc) from None
    pages: list[dict] = []
    with pdf:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise _pdf_error(exc) from None
        if n_pages == 0:
            raise ExtractionError("PDF has no pages")
        title = _meta_title(pdf.metadata or {})
        for i, page in enumerate(pdf.pages):
            if i >= MAX_PAGES or time.monotonic() - started > TIME_BUDGET_S:
                log.warning("PDF: read %d of %d pages (page or time limit)", i, n_pages)
                break
            try:
                pages.append(_read_page(page))
            except Exception as exc:  # one broken page does not lose the others
                log.warning("PDF page %d unreadable: %s", i + 1, exc)
                pages.append({"lines": [], "tables": [], "chars": 0, "images": 0, "error": True})
            finally:
                page.close()
    if all(p.get("error") for p in pages):
        raise ExtractionError("PDF is damaged (no page could be read)")
    scanned = [i for i, p in enumerate(pages) if p["chars"] < MIN_PAGE_CHARS and
               (p["images"] or all(q["chars"] < MIN_PAGE_CHARS for q in pages))]
    ocr: dict[int, str] = {}
    if scanned:
        ocr = _ocr_pages(body, scanned[:OCR_MAX_PAGES], all_scanned=len(scanned) == len(pages))
    notes = _drop_running_lines(pages)
    text = _compose(pages, ocr)
    title = title or _big_line_title(pages)
    # a funding note printed only in the running footer is part of the report: one copy, after
    # the report's own text (the body's offsets stay as they were)
    notes = [n for n in notes if _key(n) != _key(title or "") and _key(n) not in _key(text)]
    if notes and text.strip():
        text += "\n\n" + "\n\n".join(notes)
    if not text.strip():
        raise ExtractionError("PDF has no extractable text")
    return text, title


def _pdf_error(exc: Exception) -> ExtractionError:
    """One-line reason for a PDF pdfminer could not open."""
    chain, e = [], exc
    while e is not None and len(chain) < 6:
        chain.append(e)
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], Exception) else None)
    names = " ".join(type(e).__name__ for e in chain)
    if "Password" in names or "Encrypt" in names:
        return ExtractionError("PDF is encrypted (a password is needed to open it)")
    last = chain[-1]
    detail = str(last).splitlines()[0][:80] if str(last) else type(last).__name__
    return ExtractionError(f"PDF is damaged ({detail})")


def _meta_title(meta: dict) -> str | None:
    """The document-info title unless it is a tool's placeholder or a file name."""
    raw = meta.get("Title")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-16" if raw.startswith(b"\xfe\xff") else "latin-1", "replace")
    title = " ".join(str(raw or "").split())
    if (len(title) < 4 or title.lower() in ("untitled", "bez tytułu", "dokument1", "document1")
            or re.search(r"\.(docx?|odt|rtf|pdf|xlsx?)$", title, re.I)
            or title.lower().startswith("microsoft word")):
        return None
    return title


# --- one page --------------------------------------------------------------------------

def _read_page(page) -> dict:
    """Lines (with positions) outside tables, and the tables' rows, of one page."""
    tables = []
    for t in page.find_tables():
        rows = [[_cell(c) for c in row] for row in t.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            tables.append({"top": t.bbox[1], "bbox": t.bbox, "rows": rows})
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"],
                               return_chars=True)
    words = _untangle_edge_lines(page, words)
    words = [w for w in words if not any(_inside(w, t["bbox"]) for t in tables)]
    return {"lines": _lines(words), "tables": tables, "chars": len(page.chars),
            "images": len(page.images), "width": float(page.width), "height": float(page.height)}


def _untangle_edge_lines(page, words: list[dict]) -> list[dict]:
    """A page's first or last line where two strings were drawn over each other (a funding note
    running under the right-aligned "Strona 1 z 1" of a one-page PDF) reads letter by letter
    interleaved from left to right ("TechnSictzrnoan a2 011"); it is read again in the order it was
    drawn, each string whole, the page number set apart after the note as a cell of its own."""
    if not words:
        return words
    tops = {min(w["top"] for w in words), max(w["top"] for w in words)}
    for top in tops:
        line = [w for w in words if abs(w["top"] - top) <= _LINE_TOL]
        if not any(_overdrawn(w) for w in line):
            continue
        x0, x1 = page.bbox[0], page.bbox[2]
        y0 = max(page.bbox[1], min(w["top"] for w in line) - 0.5)
        y1 = min(page.bbox[3], max(w["bottom"] for w in line) + 0.5)
        again = page.crop((x0, y0, x1, y1)).extract_words(use_text_flow=True, extra_attrs=["size"])
        runs: list[list[dict]] = []
        for w in again:  # a run: words drawn left to right; a jump back starts the next string
            if runs and w["x0"] >= runs[-1][-1]["x0"]:
                runs[-1].append(w)
            else:
                runs.append([w])
        runs.sort(key=lambda r: -sum(len(w["text"]) for w in r))
        right = max(w["x1"] for w in runs[0])
        for run in runs[1:]:  # moved past the longest string, a wide gap apart
            shift = right - run[0]["x0"] + 4 * max(w.get("size", 10) for w in run)
            for w in run:
                w["x0"] += shift
                w["x1"] += shift
            right = run[-1]["x1"]
        words = [w for w in words if w not in line] + [w for r in runs for w in r]
    for w in words:
        w.pop("chars", None)
    return words


def _overdrawn(word: dict) -> bool:
    """Some letter of the word starts well before the one before it ends: two strings overlap."""
    chars = word.get("chars") or ()
    return any(b["x0"] < a["x1"] - 0.3 * a["size"] for a, b in zip(chars, chars[1:]))


def _cell(value) -> str:
    text = _dehyphenate_lines((value or "").split("\n"))
    return " ".join(" ".join(text).split())


def _inside(w, bbox) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _lines(words) -> list[list[dict]]:
    """Words grouped into visual lines (same top), each sorted left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= _LINE_TOL:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w["x0"]) for ln in lines]


def _line(words: list[dict]) -> dict:
    """A line record; a gap wider than three font sizes becomes a ' | ' cell break."""
    size = statistics.median(w.get("size", 10) for w in words)
    parts = [words[0]["text"]]
    for prev, w in zip(words, words[1:]):
        parts.append(" | " if w["x0"] - prev["x1"] > 3 * size else " ")
        parts.append(w["text"])
    return {"text": "".join(parts), "top": min(w["top"] for w in words),
            "bottom": max(w["bottom"] for w in words), "x0": words[0]["x0"],
            "x1": words[-1]["x1"], "size": size, "first_width": words[0]["x1"] - words[0]["x0"],
            "words": words}


# --- running headers and footers -------------------------------------------------------

def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_running_lines(pages: list[dict], edge: int = 2) -> list[str]:
    """Remove lines at a page's top or bottom that repeat on most pages, and page numbers.
    Returns the funding notes among the removed running lines, once each (`_funding_note`)."""
    furniture = _furniture()
    counts: dict[str, int] = {}
    for p in pages:
        seen = {_key(_line(ln)["text"]) for ln in p["lines"][:edge] + p["lines"][-edge:]}
        for k in seen:
            counts[k] = counts.get(k, 0) + 1
    n = len(pages)
    running = {k for k, c in counts.items() if n >= 2 and c >= max(2, 0.5 * n)}
    notes: list[str] = []
    seen_notes: set[str] = set()
    for p in pages:
        lines = p["lines"]
        def furniture_line(ln) -> bool:
            text = _line(ln)["text"].strip()
            return _key(text) in running or bool(furniture.fullmatch(text))

        keep_from = 0
        while keep_from < min(edge, len(lines)) and furniture_line(lines[keep_from]):
            keep_from += 1
        keep_to = len(lines)
        while keep_to > max(keep_from, len(lines) - edge) and furniture_line(lines[keep_to - 1]):
            keep_to -= 1
        for block in (lines[:keep_from], lines[keep_to:]):
            note = _funding_note([_line(ln)["text"].strip() for ln in block], furniture)
            if note and _key(note) not in seen_notes:
                seen_notes.add(_key(note))
                notes.append(note)
        p["lines"] = lines[keep_from:keep_to]
        _set_apart_edges(p, furniture, first=p is pages[0])
    return notes


def _funding_note(block: list[str], furniture) -> str | None:
    """The funding note in a page's dropped header or footer lines ("Projekt współfinansowany ze
    środków Unii Europejskiej w ramach …", a row of funders' logo captions), from the first line
    that says so to the block's end; page numbers and the cells beside the note (an address, a
    phone number: set apart by a wide gap) are left out. None when the lines say nothing of it."""
    cue, caption, contact = _funding_cues()
    kept: list[str] = []
    for text in block:
        cells = [c.strip() for c in text.split(" | ") if c.strip() and not furniture.fullmatch(c.strip())]
        if not kept:
            funded = [c for c in cells if cue.search(c)]
            if not funded and cells and all(map(caption.fullmatch, cells)):
                funded = cells
            kept += [", ".join(funded)] if funded else []   # logo captions: one name each
        elif len(cells) == 1 and not contact.search(cells[0]):
            kept.append(cells[0])   # the note's second line ("Europejskiego Funduszu Społecznego")
    return " ".join(_dehyphenate_lines(kept)) if kept else None


def _set_apart_edges(page: dict, furniture, first: bool) -> None:
    """A header or footer that does not repeat (a one-page report's) is still page furniture when
    it is set in a smaller font, well apart from the body, as the page's first or last line. Its
    page number goes; the rest is taken out of the columns and paragraphs it would run into: the
    first page's header stays first ("head"), the others are read after the report ("aside")."""
    lines = page["lines"]
    if len(lines) < 4:
        return
    recs = [_line(ln) for ln in lines]
    body = statistics.median(r["size"] for r in recs)
    edges = {}
    for k, nxt in ((0, 1), (len(lines) - 1, len(lines) - 2)):
        r, n = recs[k], recs[nxt]
        apart = n["top"] - r["bottom"] if k == 0 else r["top"] - n["bottom"]
        if r["size"] > body - 1.0 or apart < 2 * body:
            continue
        cells, cell = [], [lines[k][0]]
        for prev, w in zip(lines[k], lines[k][1:]):
            if w["x0"] - prev["x1"] > 1.5 * r["size"]:
                cells.append(cell)
                cell = []
            cell.append(w)
        cells.append(cell)
        edges[k] = [w for c in cells if not furniture.fullmatch(" ".join(w["text"] for w in c)) for w in c]
    if not edges:
        return
    if first and edges.get(0):
        page["head"] = edges.pop(0)
    page["aside"] = [ws for _, ws in sorted(edges.items()) if ws]
    page["lines"] = [ln for k, ln in enumerate(lines) if k not in edges and not (k == 0 and "head" in page)]


# --- reading order ---------------------------------------------------------------------

def _spans(ln: list[dict], gx: float) -> bool:
    """A line runs across the gutter: a word covers it, or the words either side of it are
    only a word space apart (a title over both columns)."""
    if any(w["x0"] < gx < w["x1"] for w in ln):
        return True
    left = [w for w in ln if w["x1"] <= gx]
    right = [w for w in ln if w["x0"] >= gx]
    if not left or not right:
        return False
    size = statistics.median(w.get("size", 10) for w in ln)
    return right[0]["x0"] - left[-1]["x1"] < 1.5 * size


def _gutter(lines: list[list[dict]], width: float) -> float | None:
    """x of the white gap between two text columns, or None for a one-column page."""
    words = [w for ln in lines for w in ln]
    if len(lines) < 6 or not words:
        return None
    best, best_cross = None, None
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        cross = sum(1 for ln in lines if _spans(ln, x))
        if best_cross is None or cross < best_cross:
            best, best_cross = x, cross
    if best is None or best_cross > 0.2 * len(lines):
        return None
    left = [ln for ln in lines if all(w["x1"] <= best for w in ln)]
    right = [ln for ln in lines if all(w["x0"] >= best for w in ln)]
    both = [ln for ln in lines if any(w["x1"] <= best for w in ln) and any(w["x0"] >= best for w in ln)]
    if len(both) < 3 and (len(left) < 3 or len(right) < 3):
        return None
    # real columns are filled up to the gutter; label/value forms are not
    left_ends = [max(w["x1"] for w in ln if w["x1"] <= best) for ln in lines
                 if any(w["x1"] <= best for w in ln)]
    left_starts = [min(w["x0"] for w in ln) for ln in lines]
    col_width = best - min(left_starts)
    if not left_ends or statistics.median(left_ends) < best - 0.35 * col_width:
        return None
    # a short right column (the article ends early) is still a column when its lines start
    # on one edge; a few stray words to the right (page numbers, stamps) are not
    right_chars = sum(len(w["text"]) for w in words if w["x0"] >= best)
    if right_chars < 0.08 * sum(len(w["text"]) for w in words):
        return None
    right_starts = [min(w["x0"] for w in ln if w["x0"] >= best) for ln in lines
                    if any(w["x0"] >= best for w in ln) and not _spans(ln, best)]
    edge = min(right_starts)
    if sum(1 for x in right_starts if x - edge < 4) < 0.6 * len(right_starts):
        return None
    return best


def _page_flow(page: dict) -> list[dict]:
    """Lines and table rows of one page in reading order; columns read one after the other."""
    gx = _gutter(page["lines"], page.get("width", 600))
    items = [("line", ln[0]["top"], ln) for ln in page["lines"]]
    items += [("table", t["top"], t) for t in page["tables"]]
    items.sort(key=lambda it: it[1])
    flow: list[dict] = []
    left: list[dict] = []
    right: list[dict] = []

    def flush():
        if left:
            flow.extend(left)
        if left and right:
            flow.append({"column": True})   # a paragraph may run on into the next column
        flow.extend(right)
        if left or right:
            flow.append({"break": True})
        left.clear()
        right.clear()

    width = page.get("width", 600)
    edge_all = max((w["x1"] for ln in page["lines"] for w in ln), default=width)
    edge_left = max((w["x1"] for ln in page["lines"] for w in ln if gx and w["x1"] <= gx), default=edge_all)

    def line(words, edge):
        rec = _line(words)
        rec["edge"] = edge
        return rec

    if page.get("head"):
        flow += [line(page["head"], edge_all), {"break": True}]
    for kind, _, obj in items:
        if kind == "table":
            flush()
            flow.append({"table": obj["rows"]})
            continue
        if gx is None or _spans(obj, gx):
            flush()
            flow.append(line(obj, edge_all))
            continue
        lw = [w for w in obj if w["x1"] <= gx]
        rw = [w for w in obj if w["x0"] >= gx]
        if lw:
            left.append(line(lw, edge_left))
        if rw:
            right.append(line(rw, edge_all))
    flush()
    return _gap_tables(flow)


_CELL_GAP = 1.0              # font sizes: the narrowest gap between two cells of a row without rulings
_ITEM_MARKER = re.compile(r"^(?:[•·◦▪■●○►▶✓–—*-]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[IVX]{1,5}\.)$")


def _cells(line: dict) -> list[str] | None:
    """The cells of a line set as a table row without rulings (columns at tab stops): its words
    parted by gaps much wider than its word spaces. None for running text, a justified line
    (its spaces all stretched alike) and a list item ("1.<tab>text")."""
    words = line.get("words") or ()
    if len(words) < 2:
        return None
    size = line["size"]
    gaps = [b["x0"] - a["x1"] for a, b in zip(words, words[1:])]
    narrow = [g for g in gaps if g < _CELL_GAP * size]
    if not narrow and (line["x1"] >= line.get("edge", line["x1"] + 9) - 2
                       or len(gaps) >= 3 and max(gaps) < 1.3 * min(gaps)):
        return None  # every space stretched, out to the column's edge: a justified line
    wide = max(_CELL_GAP * size, 2.5 * min(narrow, default=0.3 * size))
    cuts = [i + 1 for i, g in enumerate(gaps) if g >= wide]
    if not cuts or cuts == [1] and _ITEM_MARKER.match(words[0]["text"]):
        return None
    bounds = [0] + cuts + [len(words)]
    return [" ".join(w["text"] for w in words[a:b]) for a, b in zip(bounds, bounds[1:])]


def _gap_tables(flow: list[dict]) -> list[dict]:
    """Two or more consecutive lines set as rows of cells (a table drawn without rulings, whose
    text layer has no cell borders) become a table item: read as ' | ' rows, not a paragraph."""
    out: list[dict] = []
    run: list[tuple[dict, list[str]]] = []

    def close():
        if len(run) >= 2:
            out.append({"table": [cells for _, cells in run]})
        else:
            out.extend(item for item, _ in run)
        run.clear()

    for item in flow:
        cells = _cells(item) if "words" in item else None
        if cells is None:
            close()
            out.append(item)
            continue
        if run and not 0 < item["top"] - run[-1][0]["top"] <= 3 * item["size"]:
            close()
        run.append((item, cells))
    close()
    return out


def _compose(pages: list[dict], ocr: dict[int, str]) -> str:
    """The pages' flows as paragraphs: lines of one paragraph joined, hyphenation undone,
    tables as ' | ' rows (a header row repeated after a page break is dropped)."""
    blocks: list[tuple[str, str]] = []     # ("p" | "row", text)
    para: list[dict] = []
    last_header: list[str] | None = None

    def end_para():
        if para:
            blocks.append(("p", _join_paragraph(para)))
            para.clear()

    for i, page in enumerate(pages):
        if i in ocr:
            end_para()
            blocks.extend(("p", p) for p in ocr[i].split("\n\n") if p.strip())
            last_header = None
            continue
        flow = _page_flow(page)
        spacing = _line_spacing(flow)
        prev = None
        for item in flow:
            if item.get("break"):
                end_para()
                prev = None
                continue
            if item.get("column"):
                if para and para[-1]["x1"] < para[-1].get("edge", 0) * 0.85:
                    end_para()
                prev = None
                continue
            if "table" in item:
                end_para()
                rows = item["table"]
                if last_header is not None and rows and rows[0] == last_header:
                    rows = rows[1:]
                elif rows:
                    last_header = rows[0]
                blocks.extend(("row", " | ".join(r)) for r in rows)
                prev = None
                continue
            last_header = None
            if prev is None and para and para[-1]["text"].rstrip().endswith((".", "!", "?", ":")):
                end_para()      # the paragraph open at the last page's end was complete
            elif prev is not None and _starts_paragraph(prev, item, spacing):
                end_para()
            para.append(item)
            prev = item
        # a paragraph may go on over the page break, unless its last line ended short
        if para and para[-1]["x1"] < para[-1].get("edge", 0) * 0.85:
            end_para()
    end_para()
    blocks += [("p", _line(ws)["text"]) for page in pages for ws in page.get("aside", ())]
    out: list[str] = []
    for n, (kind, text) in enumerate(blocks):
        if n:
            pkind, ptext = blocks[n - 1]
            tight = (kind == pkind == "row") or (kind == pkind == "p" and _MARKER.match(text)
                                                 and _MARKER.match(ptext))
            out.append("\n" if tight else "\n\n")
        out.append(_fix_ligatures(text))
    return "".join(out)


def _line_spacing(flow: list[dict]) -> float:
    """The usual distance between lines of one paragraph: the commonest gap on the page
    (the smaller one on a tie); with too few lines to tell, 1.4 font sizes at most."""
    lines = [it for it in flow if "text" in it]
    gaps = [round(b["top"] - a["top"]) for a, b in zip(lines, lines[1:])
            if 0 < b["top"] - a["top"] < 3 * a["size"]]
    if len(gaps) >= 3:
        counts = {g: gaps.count(g) for g in gaps}
        return float(min(counts, key=lambda g: (-counts[g], g)))
    size = statistics.median(ln["size"] for ln in lines) if lines else 11.0
    return float(min(gaps + [1.4 * size]))


def _starts_paragraph(prev: dict, line: dict, spacing: float) -> bool:
    gap = line["top"] - prev["top"]
    if gap < 0 or gap > spacing * 1.45:
        return True
    if abs(line["size"] - prev["size"]) > 1.0:
        return True
    if _MARKER.match(line["text"]):
        # a dash opening a line after a full line cut mid-sentence is the sentence's dash
        full = prev["x1"] >= prev.get("edge", prev["x1"]) * 0.85
        return not (line["text"][0] in "–—-" and full and not prev["text"].rstrip().endswith(tuple(".,:;!?")))
    # a line ending well before its column's right edge ends its paragraph (items, headings),
    # unless the next line's first word would not have fitted there (ragged narrow columns)
    room = prev.get("edge", prev["x1"]) - prev["x1"]
    if "first_width" in line and line["first_width"] + 0.5 * line["size"] > room:
        return False
    return prev["x1"] < prev.get("edge", prev["x1"]) * 0.85 and not prev["text"].endswith(tuple(_HYPHENS))


def _join_paragraph(lines: list[dict]) -> str:
    return " ".join(_dehyphenate_lines([ln["text"] for ln in lines]))


def _dehyphenate_lines(texts: list[str]) -> list[str]:
    """Rejoin words split at line ends: 'organiza-' + 'cji' -> 'organizacji'."""
    out: list[str] = []
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and len(out[-1]) > 1 and out[-1][-1] in _HYPHENS and out[-1][-2].isalpha() \
                and t[0].islower():
            first, _, rest = t.partition(" ")
            out[-1] = out[-1][:-1] + first
            if rest:
                out.append(rest)
            continue
        out.append(t)
    return out


def _fix_ligatures(s: str) -> str:
    for lig, rep in _LIGATURES.items():
        s = s.replace(lig, rep)
    return s


def _big_line_title(pages: list[dict]) -> str | None:
    """The first page's line set in a clearly larger font than the body, as a title."""
    if not pages or not pages[0]["lines"]:
        return None
    lines = [_line(ln) for ln in pages[0]["lines"][:15]]
    body = statistics.median(ln["size"] for ln in lines)
    big = [ln for ln in lines if ln["size"] >= body * 1.2 and len(ln["text"]) >= 4]
    return big[0]["text"].strip() if big else None


# --- OCR -------------------------------------------------------------------------------

def ocr_available() -> bool:
    """pdftoppm and tesseract with Polish data are installed."""
    if not (shutil.which("pdftoppm") and shutil.which("tesseract")):
        return False
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return "pol" in out.stdout.split()


def _ocr_pages(body: bytes, page_indexes: list[int], all_scanned: bool) -> dict[int, str]:
    if not ocr_available():
        if all_scanned:
            raise ExtractionError("PDF has no text layer and OCR is unavailable")
        log.warning("PDF: %d scanned pages skipped, OCR is unavailable", len(page_indexes))
        return {}
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="partmon-ocr-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(body)
        for i in page_indexes:
            n = i + 1
            try:
                subprocess.run(["pdftoppm", "-r", str(OCR_DPI), "-f", str(n), "-l", str(n), "-gray",
                                "-png", "-singlefile", str(src), str(Path(tmp) / f"p{n}")],
                               check=True, capture_output=True, timeout=OCR_TIMEOUT_S)
                res = subprocess.run(["tesseract", str(Path(tmp) / f"p{n}.png"), "stdout", "-l", "pol",
                                      "--psm", "3"], check=True, capture_output=True,
                                     timeout=OCR_TIMEOUT_S, env=env)
            except (subprocess.SubprocessError, OSError) as exc:
                log.warning("OCR of PDF page %d failed: %s", n, str(exc).splitlines()[0])
                continue
            out[i] = _ocr_text(res.stdout.decode("utf-8", "replace"))
    if all_scanned and not any(t.strip() for t in out.values()):
        raise ExtractionError("PDF has no text layer and OCR found no text")
    return out


def _ocr_text(raw: str) -> str:
    """Tesseract output as paragraphs: lines of a paragraph joined, hyphenation undone."""
    paras = []
    for block in re.split(r"\n\s*\n", raw.replace("\f", "\n")):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        cur: list[str] = []
        for ln in lines:
            if cur and _MARKER.match(ln):
                paras.append(" ".join(_dehyphenate_lines(cur)))
                cur = []
            cur.append(ln)
        paras.append(" ".join(_dehyphenate_lines(cur)))
    return "\n\n".join(paras)
