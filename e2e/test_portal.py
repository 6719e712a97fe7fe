"""The residents' portal in a real browser at a phone's width (390 px): from the portal's home to the legal services
page, an appointment booked for 法律援助, and the appointment followed by its tracking code on the tracking page.
Screenshots go to e2e/screenshots/."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import pytest

from browser import CHROMIUM, Browser

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_a_resident_books_legal_aid_on_a_phone_and_follows_it_by_its_code(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    with sqlite3.connect(workdir / "db.sqlite") as db:
        village, village_name = db.execute(
            "SELECT code, name FROM areas WHERE level = 'village' ORDER BY code LIMIT 1").fetchone()
    day = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
           + datetime.timedelta(days=3)).isoformat()

    browser = Browser()
    try:
        page = browser.new_page(390, 844)
        page.goto(server.url("/portal"))
        assert page.eval("document.title").startswith("群众服务")
        labels = page.eval("[...document.querySelectorAll('.portal-name')].map(e => e.innerText).join('|')")
        assert labels == "我要反映|查询进度|网格员|公告|法律服务"
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "portal-390.png")

        page.click_and_wait("a[href='/portal/legal']")
        assert "法律援助" in page.eval("document.body.innerText")
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.eval("document.querySelector('input[name=service][value=legalAid]').click()")
        page.eval("document.getElementById('name').value = '张三'")
        page.eval("document.getElementById('phone').value = '13812345678'")
        page.eval(f"document.getElementById('preferredDay').value = '{day}'")
        page.eval(f"document.getElementById('areaCode').value = '{village}'")
        page.eval("document.getElementById('matter').value = '工地拖欠工资三个月,想申请法律援助'")
        page.screenshot(SCREENSHOTS / "portal-legal-390.png")
        page.click_and_wait("form[action='/portal/legal'] button[type=submit]")

        text = page.eval("document.body.innerText")
        assert "已收到您的预约" in text, text
        code = page.eval("document.querySelector('.tracking-code').innerText").strip()
        assert len(code) == 14 and code[4] == "-"
        page.screenshot(SCREENSHOTS / "portal-legal-receipt-390.png")

        page.click_and_wait("a.button[href^='/track']")
        text = page.eval("document.body.innerText")
        assert "法律援助" in text and "已上报" in text, text
        assert "张三" not in text and "13812345678" not in text
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "portal-track-390.png")

        # The grid card, chosen step by step without script.
        page.goto(server.url("/portal/grid"))
        page.eval("const t = document.getElementById('township'); t.value = t.options[1].value")
        page.click_and_wait("form select#township ~ button[type=submit]")
        page.eval("const v = document.getElementById('village'); v.value = v.options[1].value")
        page.click_and_wait("form select#village ~ button[type=submit]")
        page.click_and_wait(".portal-choices a")
        assert page.eval("document.querySelector('.grid-card h2').innerText")
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "portal-grid-390.png")
        page.goto(server.url("/portal/notices"))
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "portal-notices-390.png")

        # Wide screens keep the layout too.
        wide = browser.new_page(1280, 900, mobile=False)
        wide.goto(server.url("/portal"))
        assert wide.eval("document.documentElement.scrollWidth") <= 1280
        wide.screenshot(SCREENSHOTS / "portal-1280.png")
    finally:
        browser.close()

    with sqlite3.connect(workdir / "db.sqlite") as db:
        channel, kind, category, area = db.execute(
            "SELECT channel, kind, category, area_code FROM cases WHERE category = '法律援助'").fetchone()
    assert (channel, kind, category) == ("web", "livelihood", "法律援助")
    assert area.startswith(village), (area, village, village_name)
