"""The governance map as staff and residents meet it: sign in, browse to a grid, print its contact card, and
scan the card's QR code with a real reader (zbarimg) from a real browser rendering (headless Chromium)."""

from __future__ import annotations

import html
import http.client
import re
import urllib.parse
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import request

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ZBARIMG = shutil.which("zbarimg")


def cookie(response, name: str) -> str:
    for part in response.headers.get("set-cookie", "").split(","):
        match = re.search(rf"{name}=([^;]*)", part)
        if match:
            return match.group(1)
    raise AssertionError(f"no {name} cookie in {response.headers}")


def sign_in(base: str, username: str, password: str) -> str:
    page = request("GET", base + "/login", headers={"Accept": "text/html"})
    token = cookie(page, "fq_login_csrf")
    # http.client directly: the answer sets two cookies, and every Set-Cookie header is needed.
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("POST", "/login", body=f"_csrf={token}&username={username}&password={password}",
                 headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"fq_login_csrf={token}"})
    response = conn.getresponse()
    response.read()
    assert response.status == 303, response.status
    for name, value in response.getheaders():
        match = re.match(r"fq_session=([^;]+)", value) if name.lower() == "set-cookie" else None
        if match:
            return "fq_session=" + match.group(1)
    raise AssertionError(f"no session cookie in {response.getheaders()}")


def screenshot(html_path: Path, png_path: Path, size: str = "1000,1300") -> None:
    subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={size}", f"--screenshot={png_path}", html_path.as_uri()],
                   check=True, capture_output=True, timeout=120)
    assert png_path.exists() and png_path.stat().st_size > 1000


@pytest.mark.skipif(not CHROMIUM or not ZBARIMG, reason="needs chromium and zbarimg (scripts/test installs them)")
def test_contact_card_qr_opens_the_grids_report_page(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    session = sign_in(server.base, "demo.leader", "Fq-Leader-2026")
    headers = {"Cookie": session, "Accept": "application/json"}

    # Walk down the tree through the JSON API to the first grid.
    landing = request("GET", server.base + "/areas", headers={"Cookie": session, "Accept": "text/html"})
    assert landing.status == 303
    code = landing.headers["location"].rsplit("/", 1)[-1]
    for _ in range(3):
        overview = request("GET", server.base + f"/api/v1/areas/{code}", headers=headers)
        assert overview.status == 200, overview
        code = overview.json()["children"][0]["area"]["code"]
    grid = code
    assert len(grid) == 15

    page = request("GET", server.base + f"/areas/{grid}", headers={"Cookie": session, "Accept": "text/html"})
    assert page.status == 200 and "网格力量" in page.text and "<svg" not in page.text.split("</header>")[0]

    card = request("GET", server.base + f"/areas/{grid}/card", headers={"Cookie": session, "Accept": "text/html"})
    assert card.status == 200, card
    assert "网格服务联系卡" in card.text and "服务热线" in card.text
    # Render the card as the browser prints it (its stylesheet is public) and read the QR code back.
    saved = workdir / "card.html"
    saved.write_text(card.text.replace("<head>", f'<head><base href="{server.base}/">', 1), encoding="utf-8")
    png = workdir / "card.png"
    screenshot(saved, png)
    scan = subprocess.run([ZBARIMG, "--raw", "-q", str(png)], capture_output=True, text=True, timeout=60)
    assert scan.returncode == 0, f"zbarimg found no code in {png}: {scan.stderr}"
    url = scan.stdout.strip()
    assert url == f"{server.base}/report?grid={grid}"

    # The scanned address is the grid's public report form, without an account.
    form = request("GET", url, headers={"Accept": "text/html"})
    assert form.status == 200
    grid_name = html.unescape(re.search(r"<h1>网格服务联系卡</h1>\s*<p class=\"place\">([^<]+)</p>", card.text).group(1))
    assert grid_name.split(" · ")[-1] in form.text
