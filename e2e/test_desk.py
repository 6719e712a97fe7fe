"""The reception desk on a real server, as an operator uses it in a browser: a letter with scanned pages (a real
PDF and PNG made by headless Chromium) is refused once for a missing date and comes back with its values and pages
kept, then previewed with the duplicate check, confirmed twice (a double click) into one case, and its receipt
(受理回执) is rendered by Chromium, its QR code read back with zbarimg and printed to PDF with the print stylesheet.
Screenshots of each step are kept in the test's working directory."""

from __future__ import annotations

import html
import re
import shutil
import sqlite3
import subprocess
import urllib.parse
import uuid
from pathlib import Path

import pytest

from conftest import request
from test_map_pages import CHROMIUM, ZBARIMG, screenshot, sign_in

PDFTOTEXT = shutil.which("pdftotext")


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "DeskE2E" + uuid.uuid4().hex
    body = b""
    for name, value in fields:
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, filename, data in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def hidden_fields(page: str) -> list[tuple[str, str]]:
    form = page[page.index('action="/desk/confirm"'):]
    return [(name, html.unescape(value)) for name, value in
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)]


def keep(workdir: Path, base: str, name: str, text: str) -> Path:
    """Saves a page so that Chromium renders it with the server's stylesheet; screenshots it when Chromium is there."""
    saved = workdir / f"{name}.html"
    saved.write_text(text.replace("<head>", f'<head><base href="{base}/">', 1), encoding="utf-8")
    if CHROMIUM:
        screenshot(saved, workdir / f"{name}.png", size="1200,1800")
    return saved


@pytest.mark.skipif(not CHROMIUM or not ZBARIMG, reason="needs chromium and zbarimg (scripts/test installs them)")
def test_a_letter_is_registered_at_the_desk_and_its_receipt_printed(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    base = server.base
    session = sign_in(base, "demo.intake", "Fq-Intake-2026")
    page_headers = {"Cookie": session, "Accept": "text/html"}

    # Real scanned pages: a PDF and a PNG, both made by the browser.
    scan_html = workdir / "scan.html"
    scan_html.write_text("<html><body><h1>来信</h1><p>小区供暖温度不达标,请求解决。</p></body></html>", encoding="utf-8")
    pdf = workdir / "scan.pdf"
    subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer", scan_html.as_uri()], check=True, capture_output=True, timeout=120)
    png = workdir / "scan.png"
    screenshot(scan_html, png, size="600,800")

    form = request("GET", base + "/desk?channel=letter", headers=page_headers)
    assert form.status == 200, form
    keep(workdir, base, "desk-letter", form.text)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form.text).group(1)
    grid = re.search(r'<datalist id="grid-list"><option value="(\d{15})"', form.text).group(1)
    category = re.search(r'<optgroup label="民生服务"><option value="([^"]+)">供暖问题', form.text).group(1)
    letter = [("_csrf", csrf), ("channel", "letter"), ("category", category), ("gridCode", grid),
              ("description", "来信反映小区供暖温度长期不达标,室温不足16度"), ("parties[0].name", "赵敏"),
              ("parties[0].phone", "13912345678")]

    # Without the letter's date: refused beside the field, the pages and values kept.
    body, content_type = multipart(letter, [("pageFiles", "第1页.pdf", pdf.read_bytes()),
                                            ("pageFiles", "第2页.png", png.read_bytes())])
    refused = request("POST", base + "/desk/preview", body=body,
                      headers={**page_headers, "Content-Type": content_type})
    assert refused.status == 422, refused
    assert "请填写来信日期" in refused.text and "第1页.pdf" in refused.text and "第2页.png" in refused.text
    assert 'value="赵敏"' in refused.text
    keep(workdir, base, "desk-refused", refused.text)
    tokens = re.search(r'name="pages" value="([0-9a-f,]+)"', refused.text).group(1)

    body, content_type = multipart(letter + [("letterDate", "2026-01-05"), ("pages", tokens)], [])
    preview = request("POST", base + "/desk/preview", body=body, headers={**page_headers, "Content-Type": content_type})
    assert preview.status == 200, preview
    assert "确认登记" in preview.text and ("发现可能重复的案件" in preview.text or "未发现可能重复的案件" in preview.text)
    keep(workdir, base, "desk-preview", preview.text)

    # A double click on "仍然登记"/"确认登记": one case.
    fields = hidden_fields(preview.text) + [("_csrf", csrf), ("attachTo", "")]
    encoded = urllib.parse.urlencode(fields)
    form_headers = {**page_headers, "Content-Type": "application/x-www-form-urlencoded"}
    first = request("POST", base + "/desk/confirm", body=encoded, headers=form_headers)
    second = request("POST", base + "/desk/confirm", body=encoded, headers=form_headers)
    assert first.status == 303 and second.status == 303, (first, second)
    assert first.headers["location"] == second.headers["location"]
    number = first.headers["location"].split("/")[3]
    with sqlite3.connect(workdir / "db.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM case_intake").fetchone()[0] == 1
        assert db.execute("SELECT COUNT(*) FROM case_attachments a JOIN cases c ON c.id = a.case_id "
                          "WHERE c.number = ?", (number,)).fetchone()[0] == 2

    receipt = request("GET", base + first.headers["location"], headers=page_headers)
    assert receipt.status == 200, receipt
    assert "受理回执" in receipt.text and number in receipt.text and "首问负责人" in receipt.text
    tracking = re.search(r'<strong class="code">([^<]+)</strong>', receipt.text).group(1)
    saved = keep(workdir, base, "desk-receipt", receipt.text)

    # The QR code on the receipt opens the resident's tracking page of this case.
    scan = subprocess.run([ZBARIMG, "--raw", "-q", str(workdir / "desk-receipt.png")], capture_output=True, text=True,
                          timeout=60)
    assert scan.returncode == 0, f"zbarimg found no code: {scan.stderr}"
    url = scan.stdout.strip()
    assert url == f"{base}/track?code={tracking}"
    tracked = request("GET", url, headers={"Accept": "text/html"})
    assert tracked.status == 200 and number in tracked.text

    # Printed, the navigation and the "continue" link are gone and the receipt remains.
    printed = workdir / "desk-receipt.pdf"
    subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={printed}",
                    "--no-pdf-header-footer", saved.as_uri()], check=True, capture_output=True, timeout=120)
    assert printed.stat().st_size > 1000
    if PDFTOTEXT:
        text = subprocess.run([PDFTOTEXT, str(printed), "-"], capture_output=True, text=True, timeout=60).stdout
        assert "受理回执" in text and number in text
        assert "继续登记" not in text and "退出" not in text

    assert server.error_lines() == []
