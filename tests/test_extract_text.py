"""extract.text: format detection that trusts bytes over names, plain-text decoding, one-line errors."""
from __future__ import annotations

import pytest

from extract.text import ExtractionError, document_text, path_text
from fixtures_docs import BODY_LESNA, expected_lines, html_page, lines_pdf

REPORT_TXT = ("Notatka ze spotkania w Leśnej Polanie\r\n\r\n"
              "Dnia 5 czerwca 2024 r. zebrała się Gminna Rada Działalności Pożytku Publicznego.\r\n"
              "Zgłoszono cztery poprawki do projektu programu współpracy.\r")


def _error(body: bytes, **kw) -> str:
    with pytest.raises(ExtractionError) as err:
        document_text(body, **kw)
    msg = str(err.value)
    assert msg and "\n" not in msg
    return msg


def test_plain_text_utf8_newlines_normalised_and_title():
    got = document_text(REPORT_TXT.encode("utf-8"), name="notatka.txt")
    assert got["format"] == "txt"
    assert "\r" not in got["text"]
    assert got["text"].splitlines()[2].startswith("Dnia 5 czerwca 2024 r. zebrała się")
    assert got["title"] == "Notatka ze spotkania w Leśnej Polanie"


@pytest.mark.parametrize("charset", ["windows-1250", "iso-8859-2"])
def test_plain_text_in_a_polish_code_page_is_detected(charset):
    got = document_text(REPORT_TXT.encode(charset), name="notatka.txt")
    assert "Leśnej Polanie" in got["text"]
    assert "zebrała się Gminna Rada Działalności Pożytku" in got["text"]


def test_text_file_skips_site_chrome_lines_for_its_title():
    body = "Przejdź do treści\n\nDrukuj\n\nRaport z konsultacji w Brzozowie\n\nTreść raportu.".encode()
    assert document_text(body)["title"] == "Raport z konsultacji w Brzozowie"


def test_a_pdf_that_is_really_html_is_read_as_html(tmp_path):
    path = tmp_path / "sprawozdanie.pdf"
    path.write_bytes(html_page(BODY_LESNA, "semantic"))
    got = path_text(path)
    assert got["format"] == "html"
    assert got["title"] == "Informacja o spotkaniu Gminnej Rady Działalności Pożytku Publicznego"
    assert expected_lines(BODY_LESNA)[1] in got["text"]


def test_a_pdf_sent_as_text_html_is_read_as_pdf():
    body = lines_pdf([["Protokół z posiedzenia komisji w Brzozowie"]])
    got = document_text(body, content_type="text/html", name="strona.html")
    assert got["format"] == "pdf"
    assert "Protokół z posiedzenia komisji w Brzozowie" in got["text"]


def test_a_pdf_that_is_an_error_page_in_plain_text_is_a_clear_error():
    msg = _error(b"Nie znaleziono pliku na serwerze", name="raport.pdf")
    assert msg == "not a PDF (starts with 'Nie znalezio')"
    assert _error(b"Error 404", content_type="application/pdf").startswith("not a PDF")
    # the crawler passes the URL as the name; its query string does not hide the extension
    assert _error(b"Brak dokumentu", name="https://bip.brzozowo.pl/plik.pdf?id=7&v=2").startswith("not a PDF")


def test_other_binary_formats_are_named():
    assert _error(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 50, name="raport.pdf") == \
        "ZIP/Office file is damaged or truncated (no ZIP directory at its end)"
    assert "JPEG" in _error(b"\xff\xd8\xff\xe0" + b"\x00" * 50, name="skan.txt")
    assert _error(b"\x00\x01\x02binary\x00" * 20).startswith("binary file, not text")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "pusty.html"
    empty.write_bytes(b"")
    blank = tmp_path / "spacje.txt"
    blank.write_bytes(b" \r\n\t ")
    for path, reason in ((empty, "empty file"), (blank, "empty file"),
                         (tmp_path / "brak.pdf", "file not found"),
                         (tmp_path, "is a directory, not a file")):
        with pytest.raises(ExtractionError) as err:
            path_text(path)
        assert str(err.value) == reason


def test_html_without_any_text_is_an_error():
    assert _error(b"<html><body><nav><a href='/'>Start</a></nav><div></div></body></html>") \
        == "no text found in HTML"


def test_path_text_reads_real_files_by_content(tmp_path):
    path = tmp_path / "bez_rozszerzenia"
    path.write_bytes(lines_pdf([["Sprawozdanie z warsztatów w Zielonej Dolinie"]]))
    got = path_text(str(path))
    assert got["format"] == "pdf" and "warsztatów w Zielonej Dolinie" in got["text"]
