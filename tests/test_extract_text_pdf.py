"""extract.text on PDFs (real pdfplumber on PDFs drawn by our reportlab code): running lines,
hyphenation, tables over page breaks, two columns, damaged and encrypted files, scans."""
from __future__ import annotations

import io

import pdfplumber
import pytest

from extract.pdf_text import ocr_available
from extract.text import ExtractionError, document_text, path_text
from fixtures_docs import encrypted_pdf, lines_pdf, scanned_pdf, table_pdf, two_column_pdf

HEADER = "Gmina Zielona Dolina – sprawozdanie z konsultacji"
PAGE1 = ["Sprawozdanie z drugiego spotkania zespołu ds. programu współpracy", "",
         "W dniu 12 maja 2024 r. w Urzędzie Gminy Zielona Dolina odbyło się drugie spotka-",
         "nie zespołu roboczego, w którym uczestniczyli przedstawiciele organizacji pozarzą-",
         "dowych działających na terenie gminy oraz pracownicy urzędu. Omówiono propozycje",
         "zadań priorytetowych zgłoszone w trakcie konsultacji.", "",
         "Ustalono, że zadania z zakresu pomocy społecznej będą realizowane we współpracy",
         "z Gminnym Ośrodkiem Pomocy Społecznej w Zielonej Dolinie.", "",
         "Uczestnicy zwrócili uwagę na potrzebę wsparcia klubów sportowych oraz świetlic",
         "wiejskich. Przedstawicielka Koła Gospodyń Wiejskich w Brzózkach zgłosiła wnio-"]
PAGE2 = ["sek o zwiększenie środków na działania kulturalne i edukacyjne dla dzieci.", "",
         "Zaproponowane zadania priorytetowe:",
         "1. Wspieranie działalności świetlic wiejskich.",
         "2. Organizacja zajęć sportowych dla młodzieży.", "",
         "Kolejne spotkanie odbędzie się 3 czerwca 2024 r. o godz. 17:00."]
PAGE3 = ["Załącznik: podsumowanie ankiety przeprowadzonej wśród mieszkańców gminy.", "",
         "Ankietę wypełniło 112 osób, najczęściej wskazywano potrzebę remontu boiska."]


def _error(body: bytes, **kw) -> str:
    with pytest.raises(ExtractionError) as err:
        document_text(body, **kw)
    assert "\n" not in str(err.value)
    return str(err.value)


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return lines_pdf([PAGE1, PAGE2, PAGE3], header=HEADER)


def test_running_header_and_page_numbers_removed(report_pdf):
    with pdfplumber.open(io.BytesIO(report_pdf)) as pdf:   # the fixture really carries them
        raw = pdf.pages[1].extract_text()
    assert HEADER in raw and "Strona 2 z 3" in raw
    text = document_text(report_pdf, name="sprawozdanie.pdf")["text"]
    assert HEADER not in text
    assert "Strona" not in text
    assert text.startswith("Sprawozdanie z drugiego spotkania zespołu")


def test_hyphenated_words_rejoined_also_across_a_page_break(report_pdf):
    text = document_text(report_pdf)["text"]
    assert "odbyło się drugie spotkanie zespołu roboczego" in text
    assert "przedstawiciele organizacji pozarządowych działających" in text
    assert "zgłosiła wniosek o zwiększenie środków" in text
    assert "spotka-" not in text and "pozarzą-" not in text


def test_paragraphs_and_numbered_items_on_their_own_lines(report_pdf):
    lines = document_text(report_pdf)["text"].splitlines()
    assert "Zaproponowane zadania priorytetowe:" in lines
    assert "1. Wspieranie działalności świetlic wiejskich." in lines
    assert "2. Organizacja zajęć sportowych dla młodzieży." in lines
    assert ("Ustalono, że zadania z zakresu pomocy społecznej będą realizowane we współpracy z "
            "Gminnym Ośrodkiem Pomocy Społecznej w Zielonej Dolinie.") in lines


def test_participant_table_over_a_page_break_read_as_rows():
    rows = [["Lp.", "Imię i nazwisko", "Organizacja"]]
    rows += [[str(i), f"Uczestnik {i} Świątek", f"Stowarzyszenie „Łąka {i}” z Brzózek"] for i in range(1, 61)]
    body = table_pdf(["Lista obecności na spotkaniu konsultacyjnym w dniu 14 marca 2024 r."], rows,
                     "Zielona Dolina – lista obecności", "Listę sporządziła Żaneta Ćwiklińska.")
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        assert len(pdf.pages) >= 2
        assert "Lp." in pdf.pages[1].extract_text()     # header row repeated on page 2
    text = document_text(body)["text"]
    lines = text.splitlines()
    table = [ln for ln in lines if " | " in ln]
    assert table == [" | ".join(r) for r in rows]          # header once, every row, in order
    start = lines.index(table[0])
    assert lines[start:start + len(table)] == table          # nothing (footers) in between
    assert "Strona" not in text and "lista obecności" not in text
    assert lines[0] == "Lista obecności na spotkaniu konsultacyjnym w dniu 14 marca 2024 r."
    assert lines[-1] == "Listę sporządziła Żaneta Ćwiklińska."


LEFT = ["Lewa kolumna zaczyna się tutaj i opisuje", "pierwsze posiedzenie rady, które odbyło",
        "się w marcu w sali narad urzędu gminy.", "Rada przyjęła regulamin pracy oraz",
        "harmonogram spotkań na cały rok.", "Na koniec wybrano przewodniczącą."]
RIGHT = ["Prawa kolumna opisuje drugie posiedzenie,", "poświęcone opiniowaniu projektu programu",
         "współpracy z organizacjami pozarządowymi.", "Członkowie rady zgłosili cztery poprawki,",
         "z których trzy zostały przyjęte przez", "wójta gminy po konsultacjach."]


def test_two_column_page_read_column_by_column():
    title = "Biuletyn Rady Działalności Pożytku Publicznego"
    got = document_text(two_column_pdf(title, LEFT, RIGHT))
    text = got["text"]
    assert got["title"] == title
    assert text.startswith(title + "\n")
    left, right = " ".join(LEFT), " ".join(RIGHT)
    assert left in text and right in text
    assert text.index(left) < text.index(right)


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_pdf_is_a_one_line_error(report_pdf, cut):
    assert _error(report_pdf[: int(len(report_pdf) * cut)]) == "PDF is truncated (no end-of-file marker)"


def test_broken_pdf_is_a_one_line_error(report_pdf):
    assert _error(b"%PDF-1.4\nto nie jest prawdziwy plik PDF\n%%EOF\n").startswith("PDF is damaged")
    mangled = report_pdf.replace(b"/Root", b"/Rxxt").replace(b"xref", b"xxxx")
    assert _error(mangled).startswith("PDF is damaged")


def test_empty_pdf_file(tmp_path):
    path = tmp_path / "pusty.pdf"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError, match="^empty file$"):
        path_text(path)


def test_encrypted_pdf_needing_a_password_is_an_error_but_copy_protected_is_read():
    assert _error(encrypted_pdf(["Poufna notatka z zebrania"], user_password="tajne")) == \
        "PDF is encrypted (a password is needed to open it)"
    got = document_text(encrypted_pdf(["Jawna notatka z zebrania sołeckiego w Łęgach"]))
    assert got["text"] == "Jawna notatka z zebrania sołeckiego w Łęgach"


SCAN = ["Protokół ze spotkania konsultacyjnego", "w sprawie programu współpracy gminy",
        "z organizacjami pozarządowymi.", "Uczestnicy zgłosili wnioski dotyczące",
        "zadań priorytetowych na przyszły rok."]


@pytest.mark.skipif(not ocr_available(), reason="pdftoppm/tesseract with Polish data not installed")
def test_scanned_pdf_is_read_by_ocr():
    body = scanned_pdf(SCAN)
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        assert pdf.pages[0].chars == []                      # really no text layer
    text = document_text(body)["text"]
    for word in ("Protokół", "spotkania", "współpracy", "pozarządowymi", "priorytetowych", "zgłosili"):
        assert word in text


def test_scanned_pdf_without_ocr_tools_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert _error(scanned_pdf(SCAN[:1])) == "PDF has no text layer and OCR is unavailable"


TYPED = ["Sprawozdanie z zebrania wiejskiego w Łęgach.", "Skan listy obecności na następnej stronie."]


@pytest.mark.skipif(not ocr_available(), reason="pdftoppm/tesseract with Polish data not installed")
def test_typed_page_then_scanned_page_keeps_page_order():
    text = document_text(scanned_pdf(SCAN, text_page=TYPED))["text"]
    assert text.startswith("Sprawozdanie z zebrania wiejskiego w Łęgach.")
    assert text.index("na następnej stronie") < text.index("Protokół")


def test_typed_page_is_kept_when_ocr_is_unavailable_for_the_scanned_one(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    text = document_text(scanned_pdf(SCAN, text_page=TYPED))["text"]
    assert text == "Sprawozdanie z zebrania wiejskiego w Łęgach. Skan listy obecności na następnej stronie."
