"""The staff case page in headless Chromium: a walk-in registered at the desk is accepted, dispatched to a
department, signed for and answered by the department's handler, verified, closed and revisited — every step a
click on the case page's forms, signed in as the role that does it. A wrong form comes back with its error beside
the field. Screenshots of the page after each step are saved under e2e/screenshots/."""

from __future__ import annotations

import base64
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, Browser
from conftest import request
from test_map_pages import sign_in as conftest_sign_in

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PDFTOTEXT = shutil.which("pdftotext")


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/login")
    page.eval(f"document.getElementById('username').value = {username!r};"
              f"document.getElementById('password').value = {password!r}")
    page.click_and_wait("form[action='/login'] button[type=submit]")
    assert username not in page.eval("location.pathname")
    assert page.eval("!!document.querySelector('form[action=\"/logout\"]')"), page.eval("document.body.innerText")[:500]


def sign_out(page) -> None:
    page.click_and_wait("form[action='/logout'] button[type=submit]")


def forms(page) -> list[str]:
    return page.eval("[...document.querySelectorAll('form[data-command]')].map(f => f.dataset.command)")


def act(page, command: str, values: dict[str, str] | None = None, checks: list[str] | None = None) -> str:
    """Fills the command's form on the case page, submits it and returns the page's text afterwards."""
    form = f"form[data-command='{command}']"
    page.eval(f"document.getElementById('action-{command}').open = true")
    for name, value in (values or {}).items():
        page.eval(f"document.querySelector(\"{form} [name='{name}']\").value = {value!r}")
    for name in checks or []:
        page.eval(f"document.querySelector(\"{form} input[name='{name.split('=')[0]}'][value='{name.split('=')[1]}']\").checked = true")
    page.click_and_wait(f"{form} button[type=submit]")
    return page.eval("document.body.innerText")


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_a_walk_in_goes_from_the_desk_to_revisit_through_the_case_page(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    base = server.base
    with sqlite3.connect(workdir / "db.sqlite") as db:
        department, department_name = db.execute(
            "SELECT d.id, d.name FROM accounts a JOIN departments d ON d.id = a.department_id "
            "WHERE a.username = 'demo.handler'").fetchone()
        grid = db.execute("SELECT area_code FROM accounts WHERE username = 'demo.gridworker'").fetchone()[0]

    browser = Browser()
    try:
        page = browser.new_page(1280, 900, mobile=False)
        # The desk: a walk-in, previewed and confirmed.
        sign_in(page, base, "demo.intake", "Fq-Intake-2026")
        page.goto(base + "/desk")
        page.eval("document.getElementById('visitors').value = '1';"
                  "const c = document.getElementById('category'); c.value = c.querySelector('option[value]:not([value=\"\"])').value;"
                  f"document.getElementById('gridCode').value = '{grid}';"
                  "document.getElementById('description').value = '楼上住户深夜装修噪音扰民,多次协商未果';"
                  "document.querySelector(\"[name='parties[0].name']\").value = '王芳';"
                  "document.querySelector(\"[name='parties[0].phone']\").value = '13800138000'")
        page.click_and_wait("form[action='/desk/preview'] button[type=submit]")
        assert page.eval("!!document.querySelector('form.desk-confirm')"), page.eval("document.body.innerText")[:800]
        page.click_and_wait("form.desk-confirm button[name=attachTo][value='']")
        page.click_and_wait("a.case-link")
        number = page.eval("location.pathname").split("/")[2]
        text = page.eval("document.body.innerText")
        assert f"案件 {number}" in text and "已上报" in text and "138****8000" in text and "13800138000" not in text
        assert forms(page) == ["accept", "reject", "merge", "withdraw"]
        page.screenshot(SCREENSHOTS / "case-reported.png")

        text = act(page, "accept", {"urgency": "urgent"})
        assert "已立案。" in text and "已立案" in text
        assert "dispatch" not in forms(page)
        sign_out(page)

        # The dispatcher: a form left without its lead department comes back with the error beside it.
        sign_in(page, base, "demo.dispatcher", "Fq-Dispatcher-2026")
        page.goto(f"{base}/cases/{number}")
        assert "dispatch" in forms(page)
        text = act(page, "dispatch", {"overrideReason": ""})
        assert "请填写主办部门" in text or "主办部门" in page.eval(
            "document.getElementById('f-dispatch-lead-error')?.innerText ?? ''"), text[-1500:]
        assert page.eval("document.getElementById('action-dispatch').open")
        page.screenshot(SCREENSHOTS / "case-dispatch-error.png")
        text = act(page, "dispatch", {"lead": str(department)})
        assert "已派遣。" in text and f"{department_name}(待签收)" in text, text[:2000]
        page.screenshot(SCREENSHOTS / "case-dispatched.png")
        sign_out(page)

        # The department's handler signs for it and reports the result.
        sign_in(page, base, "demo.handler", "Fq-Handler-2026")
        page.goto(f"{base}/cases/{number}")
        assert forms(page) == ["sign-for", "return"]
        text = act(page, "sign-for")
        assert "办理中" in text and "主办部门签收" in text
        text = act(page, "feedback", {"result": "已上门协调,双方约定装修只在白天进行"})
        assert "已反馈" in text and "已上门协调" in text
        assert forms(page) == []
        sign_out(page)

        sign_in(page, base, "demo.dispatcher", "Fq-Dispatcher-2026")
        page.goto(f"{base}/cases/{number}")
        text = act(page, "verify", {"pass": "true"})
        assert "已核查" in text
        sign_out(page)

        sign_in(page, base, "demo.intake", "Fq-Intake-2026")
        page.goto(f"{base}/cases/{number}")
        text = act(page, "close", {"reply": "经协调,装修改在白天进行,请您监督", "channel": "phone"})
        assert "已结案" in text
        text = act(page, "revisit", {"satisfaction": "satisfied", "channel": "phone"})
        assert "已归档" in text and "回访:满意" in text
        assert forms(page) == []
        for step in ["上报", "立案", "派遣", "主办部门签收", "反馈办理结果", "核查通过", "结案答复", "回访:满意"]:
            assert step in text, step
        assert page.eval("document.querySelectorAll('.sla-bar').length") > 0
        page.screenshot(SCREENSHOTS / "case-archived.png")

        # The printed case sheet: the details and the timeline, without navigation and forms.
        printed = base64.b64decode(page.send("Page.printToPDF", {"printBackground": False})["data"])
        sheet = workdir / "case-sheet.pdf"
        sheet.write_bytes(printed)
        (SCREENSHOTS / "case-sheet.pdf").write_bytes(printed)
        if PDFTOTEXT:
            text = subprocess.run([PDFTOTEXT, str(sheet), "-"], capture_output=True, text=True, timeout=60).stdout
            assert number in text and "办理过程" in text and "结案答复" in text
            assert "可办理的操作" not in text and "退出" not in text and "治理地图" not in text
    finally:
        browser.close()

    # The demo's other cases (imported histories, petitions, mediations, every state) all render for the dispatcher.
    session = conftest_sign_in(base, "demo.dispatcher", "Fq-Dispatcher-2026")
    with sqlite3.connect(workdir / "db.sqlite") as db:
        numbers = [row[0] for row in db.execute(
            "SELECT number FROM cases WHERE id IN (SELECT MIN(id) FROM cases GROUP BY state, channel) "
            "OR id IN (SELECT case_id FROM petitions) OR id IN (SELECT case_id FROM mediation_cases) LIMIT 60")]
    assert len(numbers) > 5
    for other in numbers:
        shown = request("GET", f"{base}/cases/{other}", headers={"Cookie": session, "Accept": "text/html"})
        assert shown.status in (200, 404), (other, shown)
        assert shown.status == 404 or f"案件 {other}" in shown.text
    assert server.error_lines() == []
