"""The system admin configures the case engine on a real server: the category tree (seeded on first use, a
category added through the page's form) and the holiday calendar (a new year put through the JSON API, then
shown on the page). Screenshots of both pages are kept in the test's working directory."""

from __future__ import annotations

import re
import subprocess

from conftest import request
from test_map_pages import CHROMIUM, screenshot, sign_in

PASSWORD = "Str0ng-Passw0rd"

SCHEDULE_2099 = {
    "year": 2099,
    "holidays": [
        {"name": "元旦", "firstDay": "2099-01-01", "lastDay": "2099-01-03", "makeUpWorkdays": []},
        {"name": "春节", "firstDay": "2099-01-20", "lastDay": "2099-01-27", "makeUpWorkdays": ["2099-01-31"]},
    ],
    "source": {"title": "测试用2099年节假日安排", "text": "仅供测试"},
}


def test_the_system_admin_edits_categories_and_the_calendar(sqlite_app, workdir):
    made = subprocess.run([str(sqlite_app.binary), "user", "create", "--username", "sys.admin", "--name", "系统管理员",
                           "--role", "systemAdmin", "--area", "150200000000"], cwd=sqlite_app.workdir,
                          env=sqlite_app.env(), input=PASSWORD + "\n", capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    server = sqlite_app.serve()
    base = server.base
    session = sign_in(base, "sys.admin", PASSWORD)
    html = {"Cookie": session, "Accept": "text/html"}

    page = request("GET", base + "/admin/case-categories", headers=html)
    assert page.status == 200, page
    assert "邻里纠纷" in page.text and "dispute.neighbour" in page.text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    added = request("POST", base + "/admin/case-categories", body=f"_csrf={csrf}&kind=safetyHazard&name=高空坠物",
                    headers={**html, "Content-Type": "application/x-www-form-urlencoded"})
    assert added.status == 303, added
    page = request("GET", base + "/admin/case-categories", headers=html)
    assert "高空坠物" in page.text

    api = {"Cookie": session, "Accept": "application/json", "X-CSRF-Token": csrf}
    put = request("PUT", base + "/api/v1/calendar/2099", body=SCHEDULE_2099, headers=api)
    assert put.status == 200, put
    assert put.json()["origin"] == "管理员录入"
    years = request("GET", base + "/api/v1/calendar", headers=api).json()["years"]
    assert [y["year"] for y in years][:2] == [2025, 2026] and years[-1]["year"] == 2099
    back = request("GET", base + "/api/v1/calendar/2099", headers=api).json()
    assert back["holidays"][1]["makeUpWorkdays"] == ["2099-01-31"]
    calendar = request("GET", base + "/admin/calendar", headers=html)
    assert "测试用2099年节假日安排" in calendar.text and "2099-01-31(周六)" in calendar.text

    assert server.error_lines() == []
    if CHROMIUM:
        for name, text in (("case-categories", page.text), ("calendar", calendar.text)):
            saved = workdir / f"{name}.html"
            saved.write_text(text.replace("<head>", f'<head><base href="{base}/">', 1), encoding="utf-8")
            screenshot(saved, workdir / f"{name}.png", size="1200,1600")
