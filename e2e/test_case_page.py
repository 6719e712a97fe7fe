"""The staff case page in headless Chromium: a walk-in registered at the desk is accepted, dispatched to a
department, signed for and answered by the department's handler, verified, closed and revisited — every step a
click on the case page's forms, signed in as the role that does it. A wrong form comes back with its error beside
the field. A dispatched case is returned by the department (退回), the dispatcher reassigns it (改派) to another
department whose handler signs for it, and a case is escalated one tier (升级), all through the page's forms.
Screenshots of the page after each step are saved under e2e/screenshots/."""

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


def register_walk_in(page, base: str, grid: str, description: str, tier: str) -> str:
    """Registers a walk-in at the desk as demo.intake, accepts it at `tier` on the case page and returns its
    number; the intake officer is still signed in."""
    sign_in(page, base, "demo.intake", "Fq-Intake-2026")
    page.goto(base + "/desk")
    page.eval("document.getElementById('visitors').value = '1';"
              "const c = document.getElementById('category'); c.value = c.querySelector('option[value]:not([value=\"\"])').value;"
              f"document.getElementById('gridCode').value = '{grid}';"
              f"document.getElementById('description').value = {description!r};"
              "document.querySelector(\"[name='parties[0].name']\").value = '李强';"
              "document.querySelector(\"[name='parties[0].phone']\").value = '13900139000'")
    page.click_and_wait("form[action='/desk/preview'] button[type=submit]")
    assert page.eval("!!document.querySelector('form.desk-confirm')"), page.eval("document.body.innerText")[:800]
    page.click_and_wait("form.desk-confirm button[name=attachTo][value='']")
    page.click_and_wait("a.case-link")
    number = page.eval("location.pathname").split("/")[2]
    text = act(page, "accept", {"urgency": "normal", "tier": tier})
    assert "已立案。" in text, text[-1500:]
    return number


def timeline(page) -> list[str]:
    return page.eval("[...document.querySelectorAll('ol.timeline strong')].map(s => s.innerText)")


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_a_return_is_reassigned_and_a_case_escalated_through_the_case_page(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    with sqlite3.connect(workdir / "db.sqlite") as db:
        first, first_name, role, area = db.execute(
            "SELECT d.id, d.name, a.role, a.area_code FROM accounts a JOIN departments d ON d.id = a.department_id "
            "WHERE a.username = 'demo.handler'").fetchone()
        others = dict(db.execute("SELECT id, name FROM departments WHERE id != ? AND area_code = "
                                 "(SELECT area_code FROM departments WHERE id = ?) ORDER BY id", (first, first)))
        grid = db.execute("SELECT area_code FROM accounts WHERE username = 'demo.gridworker'").fetchone()[0]
    assert others, "the demo has a second department beside demo.handler's"
    server = sqlite_app.serve()
    base = server.base

    browser = Browser()
    try:
        page = browser.new_page(1280, 900, mobile=False)
        number = register_walk_in(page, base, grid, "小区地下车库积水严重,物业推诿不处理", "township")
        sign_out(page)

        # The dispatcher sends it to demo.handler's department.
        sign_in(page, base, "demo.dispatcher", "Fq-Dispatcher-2026")
        page.goto(f"{base}/cases/{number}")
        text = act(page, "dispatch", {"lead": str(first)})
        assert "已派遣。" in text and f"{first_name}(待签收)" in text, text[:2000]
        sign_out(page)

        # The department's handler returns it within the return window; a return without a reason is refused.
        sign_in(page, base, "demo.handler", "Fq-Handler-2026")
        page.goto(f"{base}/cases/{number}")
        assert forms(page) == ["sign-for", "return"]
        page.eval("document.querySelector(\"form[data-command='return']\").noValidate = true")
        text = act(page, "return", {"reason": ""})
        assert "退回理由" in page.eval("document.getElementById('f-return-reason-error')?.innerText ?? ''"), text[-1500:]
        assert page.eval("document.getElementById('action-return').open")
        text = act(page, "return", {"reason": "车库排水属物业维修范围,不属本部门职责"})
        assert "已被退回,待裁定" in text, text[:2000]
        assert "退回" in timeline(page)
        assert "车库排水属物业维修范围" in text
        assert "return" not in forms(page) and "sign-for" not in forms(page)
        page.screenshot(SCREENSHOTS / "case-returned.png")
        sign_out(page)

        # The dispatcher sees the return and reassigns the case to another department.
        sign_in(page, base, "demo.dispatcher", "Fq-Dispatcher-2026")
        page.goto(f"{base}/cases/{number}")
        text = page.eval("document.body.innerText")
        assert "已被退回,待裁定" in text and "车库排水属物业维修范围" in text
        assert "rule-on-return" in forms(page), forms(page)
        offered = page.eval("[...document.querySelectorAll(\"form[data-command='rule-on-return'] "
                            "select[name='lead'] option\")].map(o => o.value)")
        choices = [department for department in others if str(department) in offered]
        assert choices, (offered, others)
        second = choices[0]
        second_name = others[second]
        text = act(page, "rule-on-return", {"ruling": "reassign", "lead": str(second)})
        assert f"{second_name}(待签收)" in text, text[:2000]
        assert "已被退回,待裁定" not in text and f"{first_name}(待签收)" not in text
        steps = timeline(page)
        assert "退回" in steps and "改派" in steps, steps
        page.screenshot(SCREENSHOTS / "case-reassigned.png")
        sign_out(page)

        # The new department's handler finds the case waiting for signature; the old one no longer may act.
        created = subprocess.run([str(sqlite_app.binary), "user", "create", "--username", "demo.handler2",
                                  "--name", "赵办理", "--role", role, "--area", area, "--department", str(second)],
                                 cwd=sqlite_app.workdir, env=sqlite_app.env(), input="Fq-Handler2-2026\n",
                                 capture_output=True, text=True, timeout=300)
        assert created.returncode == 0, created.stderr
        sign_in(page, base, "demo.handler2", "Fq-Handler2-2026")
        page.goto(f"{base}/cases/{number}")
        assert "sign-for" in forms(page), forms(page)
        text = act(page, "sign-for")
        assert "办理中" in text and f"{second_name}(" in text
        page.screenshot(SCREENSHOTS / "case-reassigned-signed.png")
        sign_out(page)
        sign_in(page, base, "demo.handler", "Fq-Handler-2026")
        page.goto(f"{base}/cases/{number}")
        # (the old department may read the case or, no longer its department's, get 404: never a form)
        assert forms(page) == [], page.eval("document.body.innerText")[:500]
        page.goto(base + "/areas")
        sign_out(page)

        # Escalation: a case accepted at the village tier goes one rung up, with a reason, by the dispatcher.
        number = register_walk_in(page, base, grid, "两户宅基地边界纠纷,村里调解未果", "village")
        sign_out(page)
        sign_in(page, base, "demo.dispatcher", "Fq-Dispatcher-2026")
        page.goto(f"{base}/cases/{number}")
        assert "村社首调" in page.eval("document.body.innerText")
        assert "escalate" in forms(page), forms(page)
        page.eval("document.querySelector(\"form[data-command='escalate']\").noValidate = true")
        act(page, "escalate", {"reason": ""})
        assert "升级理由" in page.eval("document.getElementById('f-escalate-reason-error')?.innerText ?? ''")
        text = act(page, "escalate", {"reason": "村级调解三次未果,双方矛盾有激化倾向"})
        assert "镇街会调 · 本级已调解 0/" in text, text[:2000]
        steps = timeline(page)
        assert "升级至镇街会调" in steps, steps
        assert "村级调解三次未果" in text
        page.screenshot(SCREENSHOTS / "case-escalated.png")
    finally:
        browser.close()
    assert server.error_lines() == []
