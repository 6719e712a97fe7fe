"""The command-centre dashboard in headless Chromium on the demo data: the normal page and the wall screen load
without script, reload themselves, the wall fills 1920×1080 without scrolling, and a number opens the case list
holding exactly that many cases. Screenshots are saved under e2e/screenshots/."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from browser import CHROMIUM, Browser
from test_case_page import sign_in

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_the_dashboard_and_the_wall_screen(sqlite_app):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    base = sqlite_app.serve().base
    browser = Browser()
    try:
        page = browser.new_page(1280, 900, mobile=False)
        page.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        sign_in(page, base, "demo.leader", "Fq-Leader-2026")
        page.goto(base + "/dashboard")
        assert "指挥中心驾驶舱" in page.eval("document.title")
        assert page.eval("document.querySelectorAll('script').length") == 0
        assert page.eval("document.querySelector('meta[http-equiv=refresh]').content") == "60"
        assert page.eval("document.querySelectorAll('svg').length") >= 4
        links = page.eval("[...document.querySelectorAll('[data-n]')].map(a => [a.getAttribute('href'), +a.dataset.n])")
        assert len(links) > 100
        page.screenshot(SCREENSHOTS / "dashboard.png")
        # A number of this month opens a list of exactly that many cases (up to a page of 50).
        href, n = next((h, n) for h, n in links if "closed=1" in h and "reportedFrom" in h and 0 < n <= 50)
        page.goto(base + href)
        assert page.eval("document.querySelectorAll('tbody tr').length") == n

        page.send("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
        page.goto(base + "/dashboard/wall")
        assert page.eval("document.querySelectorAll('script').length") == 0
        assert page.eval("!document.querySelector('header.top')"), "no navigation on the wall"
        width, height = page.eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        assert width <= 1920 and height <= 1100, (width, height)
        shot = page.send("Page.captureScreenshot", {"format": "png"})
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "dashboard-wall.png").write_bytes(base64.b64decode(shot["data"]))
    finally:
        browser.close()
