"""The residents' report page in a real browser (headless Chromium at a phone's width, 390 px): reached from a
grid's QR code, a five-colour bag chosen, a photo attached, the location filled by the page's script from the
browser's geolocation, submitted; the receipt's tracking code leads to the tracking page. Screenshots of the three
pages go to e2e/screenshots/."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from browser import CHROMIUM, Browser
from conftest import request

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def png(width: int = 48, height: int = 32) -> bytes:
    """A small real PNG (a red square)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\0" + b"\xc6\x28\x28" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_a_resident_reports_from_a_grids_qr_code_on_a_phone(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    db_path = workdir / "db.sqlite"
    with sqlite3.connect(db_path) as db:
        grid, grid_name, min_lat, min_lon, max_lat, max_lon = db.execute(
            "SELECT code, name, min_lat, min_lon, max_lat, max_lon FROM areas WHERE level = 'grid' "
            "AND min_lat IS NOT NULL ORDER BY code LIMIT 1").fetchone()
    latitude, longitude = round((min_lat + max_lat) / 2, 6), round((min_lon + max_lon) / 2, 6)
    photo = workdir / "楼道.png"
    photo.write_bytes(png())

    browser = Browser()
    try:
        browser.send("Browser.grantPermissions", {"origin": server.base, "permissions": ["geolocation"]})
        page = browser.new_page(390, 844)
        page.send("Emulation.setGeolocationOverride", {"latitude": latitude, "longitude": longitude, "accuracy": 10})

        page.goto(server.url(f"/report?grid={grid}"))
        assert page.eval("document.title").startswith("反映问题")
        assert grid_name in page.eval("document.querySelector('.place-tag').innerText")
        assert page.eval("document.querySelectorAll('input[name=bag]').length") == 6
        # Mobile first: nothing wider than the phone, and the page's script ran (the CSP allows it).
        assert page.eval("document.documentElement.scrollWidth") <= 390
        assert page.eval("document.getElementById('locate').hidden") is False
        assert page.eval("document.querySelector('.hp').getBoundingClientRect().right") < 0, "the honeypot is off-screen"
        page.screenshot(SCREENSHOTS / "report-390.png")

        # The script keeps a bag and a category from contradicting each other.
        page.eval("const c = document.getElementById('category'); c.value = '邻里纠纷';"
                  "c.dispatchEvent(new Event('change'))")
        page.eval("document.querySelector('input[name=bag][value=green]').click()")
        assert page.eval("document.getElementById('category').value") == ""

        page.eval("document.getElementById('locate').click()")
        assert float(page.wait_for("document.getElementById('latitude').value")) == pytest.approx(latitude, abs=1e-5)
        assert float(page.eval("document.getElementById('longitude').value")) == pytest.approx(longitude, abs=1e-5)
        page.eval("document.getElementById('description').value = '希望给楼下的老人们装几把长椅'")
        page.eval("document.getElementById('contactPhone').value = '13812345678'")
        page.set_files("#photos", [photo])
        page.screenshot(SCREENSHOTS / "report-filled-390.png")
        page.click_and_wait("form[action='/report'] button[type=submit]")

        assert "已收到您的反映" in page.eval("document.body.innerText")
        code = page.eval("document.querySelector('.tracking-code').innerText").strip()
        assert len(code) == 14 and code[4] == "-"
        assert "已上传照片 1 张" in page.eval("document.body.innerText")
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "receipt-390.png")

        page.click_and_wait("a.button")
        text = page.eval("document.body.innerText")
        assert "已上报" in text and "五色袋·心愿" in text
        assert "138" not in text, "the tracking page shows no contact data"
        page.screenshot(SCREENSHOTS / "track-390.png")
    finally:
        browser.close()

    status = request("GET", server.url(f"/api/v1/reports/{code}"))
    assert status.status == 200 and status.json()["state"] == "reported" and status.json()["canRate"] is False
    with sqlite3.connect(db_path) as db:
        case_id, channel, lat, grid_code = db.execute(
            "SELECT id, channel, lat, grid_code FROM cases WHERE tracking_code = ?", (code.replace("-", ""),)).fetchone()
        attachments = db.execute("SELECT file_type, original_name FROM case_attachments WHERE case_id = ?",
                                 (case_id,)).fetchall()
        clocks = db.execute("SELECT kind FROM case_clocks WHERE case_id = ?", (case_id,)).fetchall()
    assert (channel, grid_code) == ("fiveColorBag", grid)
    assert lat == pytest.approx(latitude, abs=1e-5)
    assert attachments == [("png", "楼道.png")]
    assert clocks == [("acceptance",)]
    assert not server.error_lines()
