"""The 待办 home by role and the keyboard in headless Chromium, on the tiny demo.

The department handler signs for a case in one click from /todo and it leaves the sign-for queue; the leader opens
督办 from the supervision desk and issues a 挂牌督办 with the kind chosen on the case page. The login form and the
case page are walked with the Tab key: focus reaches the fields and the action buttons, and the focused element
shows a visible outline. The printed case sheet keeps the number, the state and the timeline and drops the
navigation and the forms. Screenshots of /todo for every role at 1280 and 390 px go to e2e/screenshots/."""

from __future__ import annotations

import base64
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, Browser
from conftest import request
from test_map_pages import sign_in as http_sign_in

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PDFTOTEXT = shutil.which("pdftotext")

ROLES = [
    ("handler", "demo.handler", "Fq-Handler-2026", "todo-department"),
    ("leader", "demo.leader", "Fq-Leader-2026", "todo-supervision"),
    ("gridworker", "demo.gridworker", "Fq-GridWorker-2026", "todo-grids"),
    ("gridleader", "demo.gridleader", "Fq-GridLeader-2026", "todo-grids"),
    ("mediator", "demo.mediator", "Fq-Mediator-2026", "todo-mediation"),
    ("petition", "demo.petition", "Fq-Petition-2026", "todo-petitions"),
    ("dispatcher", "demo.dispatcher", "Fq-Dispatcher-2026", None),
]
SECTIONS = ["todo-department", "todo-supervision", "todo-grids", "todo-mediation", "todo-petitions"]


def press_tab(page, shift: bool = False) -> None:
    modifiers = 8 if shift else 0
    for kind in ("keyDown", "keyUp"):
        page.send("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9,
                                             "modifiers": modifiers})


def focused(page) -> dict:
    """What has focus and how its outline looks."""
    return page.eval(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', text: (e.innerText || e.value || '').trim().slice(0, 40),"
        " command: e.closest('form') ? (e.closest('form').dataset.command || e.closest('form').getAttribute('action')) : '',"
        " outline: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: e.matches(':focus-visible'),"
        " focus: e.matches(':focus'), sheet: [...document.styleSheets].map(x => x.href).join(' ')}; })()")


def tab_until(page, wanted, limit: int = 400) -> list[dict]:
    """Tabs until `wanted(focused)` is true; every stop must show a visible outline."""
    seen = []
    for _ in range(limit):
        press_tab(page)
        now = focused(page)
        if now["tag"] == "body":
            continue
        seen.append(now)
        if now["type"].startswith("date") and not now["focus"]:
            continue  # headless Chromium focuses a part inside a date field without matching :focus on the field
        assert now["visible"] and now["outline"] not in ("none", "") and now["width"] >= 2, now
        if wanted(now):
            return seen
    raise AssertionError(f"focus never reached the element; visited {[s['tag'] + '#' + s['id'] for s in seen][-20:]}")


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/login")
    page.eval(f"document.getElementById('username').value = {username!r};"
              f"document.getElementById('password').value = {password!r}")
    page.click_and_wait("form[action='/login'] button[type=submit]")
    assert page.eval("!!document.querySelector('form[action=\"/logout\"]')"), page.eval("document.body.innerText")[:500]


def sign_out(page) -> None:
    page.click_and_wait("form[action='/logout'] button[type=submit]")


def sections(page) -> list[str]:
    return [s for s in SECTIONS if page.eval(f"!!document.getElementById('{s}')")]


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_every_role_gets_its_home_and_the_keyboard_reaches_the_actions(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    base = server.base
    # A case dispatched to the handler's department, through the JSON API as the dispatcher.
    with sqlite3.connect(workdir / "db.sqlite") as db:
        department = db.execute("SELECT department_id FROM accounts WHERE username = 'demo.handler'").fetchone()[0]
        grid = db.execute("SELECT area_code FROM accounts WHERE username = 'demo.gridworker'").fetchone()[0]
    cookie = http_sign_in(base, "demo.dispatcher", "Fq-Dispatcher-2026")
    csrf = re.search(r'name="_csrf" value="([^"]+)"',
                     request("GET", base + "/todo", headers={"Cookie": cookie, "Accept": "text/html"}).text).group(1)
    api = {"Cookie": cookie, "X-CSRF-Token": csrf, "Accept": "application/json"}
    opened = request("POST", base + "/api/v1/cases", {"channel": "walkIn", "kind": "dispute", "gridCode": grid,
                                                      "description": "小区门口占道经营,影响通行"}, headers=api)
    assert opened.status == 201, opened
    dispatched = opened.json()["number"]
    for command, body in [("accept", {}), ("dispatch", {"lead": department})]:
        done = request("POST", f"{base}/api/v1/cases/{dispatched}/{command}", body, headers=api)
        assert done.status == 200, (command, done)
    browser = Browser()
    try:
        page = browser.new_page(1280, 900, mobile=False)
        page.send("Emulation.setFocusEmulationEnabled", {"enabled": True})

        # The login form by keyboard: username, password, then the button, each with a visible ring.
        page.goto(base + "/login")
        stops = tab_until(page, lambda f: f["id"] == "username")
        page.send("Input.insertText", {"text": "demo.handler"})
        tab_until(page, lambda f: f["id"] == "password")
        page.send("Input.insertText", {"text": "Fq-Handler-2026"})
        stops = tab_until(page, lambda f: f["tag"] == "button" and f["command"] == "/login")
        page._load(lambda: [page.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                                  "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""})
                            for kind in ("keyDown", "keyUp")])
        assert page.eval("!!document.querySelector('form[action=\"/logout\"]')"), "signed in by keyboard"

        # The handler's queue: 签收 in one click, and the case leaves the queue.
        page.goto(base + "/todo")
        assert sections(page) == ["todo-department"], sections(page)
        waiting = page.eval("[...document.querySelectorAll('#queue-sign-for form[action$=\"/sign-for\"]')]"
                            ".map(f => f.getAttribute('action').split('/')[2])")
        assert dispatched in waiting, waiting
        page.screenshot(SCREENSHOTS / "todo-handler-before-sign-for.png")
        page.click_and_wait(f"#queue-sign-for form[action='/cases/{dispatched}/sign-for'] button")
        assert page.eval("location.pathname") == "/todo"
        assert "已签收。" in page.eval("document.body.innerText")
        assert dispatched not in page.eval("document.getElementById('queue-sign-for').innerText")
        assert dispatched in page.eval("document.getElementById('queue-in-handling').innerText")
        sign_out(page)

        # Every role's home, wide and narrow.
        for name, username, password, section in ROLES:
            sign_in(page, base, username, password)
            for width in (1280, 390):
                page.send("Emulation.setDeviceMetricsOverride",
                          {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
                page.goto(base + "/todo")
                assert sections(page) == ([section] if section else []), (name, sections(page))
                assert page.eval("document.documentElement.scrollWidth") <= width + 1 or page.eval(
                    "!!document.querySelector('.table-scroll')"), f"{name} at {width}: nothing sticks out but tables"
                page.screenshot(SCREENSHOTS / f"todo-{name}-{width}.png")
            page.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
            if name != "leader":
                sign_out(page)
                continue

            # The leader: 督办 from the desk opens the case page's form with the kind to choose.
            links = page.eval("[...document.querySelectorAll('#todo-supervision a[href*=\"open=supervise\"]')].map(a => a.getAttribute('href'))")
            assert links, page.eval("document.getElementById('todo-supervision').innerText")[:800]
            page.goto(base + links[0])
            number = page.eval("location.pathname").split("/")[2]
            assert page.eval("document.getElementById('action-supervise').open")
            kinds = page.eval("[...document.querySelectorAll('#f-supervise-kind option')].map(o => o.textContent)")
            assert "督办" in kinds and "挂牌督办" in kinds, kinds

            # The keyboard reaches the actions: a summary, then the supervise button.
            page.eval("window.scrollTo(0, 0); document.activeElement.blur()")
            tab_until(page, lambda f: f["tag"] == "summary")
            tab_until(page, lambda f: f["tag"] == "button" and f["command"] == "supervise")

            page.eval("document.getElementById('f-supervise-kind').value = 'listed';"
                      "document.getElementById('f-supervise-note').value = '请于周五前办结并报告';"
                      "document.getElementById('f-supervise-responseDue').value = '2030-01-04T17:00'")
            page.click_and_wait("form[data-command='supervise'] button[type=submit]")
            text = page.eval("document.body.innerText")
            assert "挂牌督办" in text and "答复期限 2030-01-04 17:00" in text, text[-1500:]
            page.goto(base + "/todo")
            assert number in page.eval("document.getElementById('todo-supervision').innerText")

            # The printed case sheet: number, state and timeline; no navigation, no forms.
            page.goto(f"{base}/cases/{number}")
            state = page.eval("document.querySelector('h1 .state').innerText")
            printed = base64.b64decode(page.send("Page.printToPDF", {"printBackground": False})["data"])
            sheet = workdir / "todo-case-sheet.pdf"
            sheet.write_bytes(printed)
            assert PDFTOTEXT, "pdftotext is needed to read the printed sheet"
            text = subprocess.run([PDFTOTEXT, str(sheet), "-"], capture_output=True, text=True, timeout=60).stdout
            assert number in text and state in text and "办理过程" in text and "挂牌督办" in text, text[:1500]
            for absent in ["可办理的操作", "退出", "治理地图", "督办意见", "答复期限(督办、挂牌督办必填)"]:
                assert absent not in text, absent
            sign_out(page)
    finally:
        browser.close()
    assert server.error_lines() == []
