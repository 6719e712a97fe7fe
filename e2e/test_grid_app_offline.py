"""The grid worker app (网格通) without signal, in headless Chromium at a phone's size: the demo grid worker signs in,
opens /app (the service worker installs and takes control), the network is switched off through the DevTools
protocol (for the page and for the service worker), the app is reloaded from the cache, a report (with a photo and
the phone's position) and a visit are recorded and wait in the IndexedDB outbox; the network is switched on and the
server is checked: each arrived exactly once, also after the outbox is flushed again and the page reloaded.
Screenshots go to e2e/screenshots/."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from browser import CHROMIUM, Browser
from test_report_page import png

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
OUTBOX_LENGTH = "FqOutbox.all().then(items => items.length)"


def set_offline(browser: Browser, sessions: list[str], offline: bool) -> None:
    for session in sessions:
        browser.send("Network.emulateNetworkConditions", {
            "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}, session)


def service_worker_sessions(browser: Browser) -> list[str]:
    """Attaches to every service worker target and enables its network domain."""
    sessions = []
    for target in browser.send("Target.getTargets")["targetInfos"]:
        if target["type"] == "service_worker":
            session = browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
            browser.send("Network.enable", {}, session)
            sessions.append(session)
    return sessions


def count(db_path: Path, sql: str, *args) -> int:
    with sqlite3.connect(db_path) as db:
        return db.execute(sql, args).fetchone()[0]


@pytest.mark.skipif(not CHROMIUM, reason="needs chromium (scripts/test installs it)")
def test_a_report_and_a_visit_recorded_offline_arrive_exactly_once(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    server = sqlite_app.serve()
    db_path = workdir / "db.sqlite"
    photo = workdir / "楼道.png"
    photo.write_bytes(png(64, 48))

    browser = Browser()
    try:
        browser.send("Browser.grantPermissions", {"origin": server.base, "permissions": ["geolocation"]})
        page = browser.new_page(390, 844)
        page.send("Network.enable")

        page.goto(server.url("/login?next=/app"))
        page.eval("document.getElementById('username').value = 'demo.gridworker';"
                  "document.getElementById('password').value = 'Fq-GridWorker-2026'")
        page.click_and_wait("form[action='/login'] button[type=submit]")
        assert page.eval("location.pathname") == "/app"
        page.wait_for("document.body.dataset.ready === 'true'")
        grids = page.wait_for("document.querySelectorAll('#visit-grid option').length")
        assert grids >= 1
        grid = page.eval("document.getElementById('visit-grid').value")
        with sqlite3.connect(db_path) as db:
            min_lat, min_lon, max_lat, max_lon = db.execute(
                "SELECT min_lat, min_lon, max_lat, max_lon FROM areas WHERE code = ?", (grid,)).fetchone()
        latitude, longitude = (min_lat + max_lat) / 2, (min_lon + max_lon) / 2
        page.send("Emulation.setGeolocationOverride", {"latitude": latitude, "longitude": longitude, "accuracy": 10})

        # The service worker controls the page and holds the shell.
        page.wait_for("navigator.serviceWorker.controller !== null", timeout=30)
        page.wait_for("caches.open('fq-gridapp-shell-v1').then(c => c.keys()).then(k => k.length >= 8)", timeout=30)
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "gridapp-tasks-390.png")

        cases_before = count(db_path, "SELECT COUNT(*) FROM cases WHERE channel = 'gridWorker'")
        visits_before = count(db_path, "SELECT COUNT(*) FROM visits")
        # The demo writes months of field work; the patrol recorded here is the one with a client_ref of the app's.
        patrols_before = count(db_path, "SELECT COALESCE(MAX(id), 0) FROM patrols")

        # No signal: the page and the service worker are both offline.
        workers = service_worker_sessions(browser)
        assert workers, "a service worker target is running"
        set_offline(browser, [page.session] + workers, True)
        page.wait_for("navigator.onLine === false")
        # A reload without signal is served from the cache.
        page.goto(server.url("/app"))
        assert page.eval("document.title") == "网格通"
        page.wait_for("document.body.dataset.ready === 'true'")
        assert "离线" in page.eval("document.getElementById('net').innerText")
        page.wait_for("document.querySelectorAll('#report-category option').length > 1")

        # A report with a photo and the phone's position.
        page.eval("document.querySelector('[data-tab=report]').click()")
        page.eval("document.getElementById('report-category').value = 'dispute.neighbour'")
        page.eval("document.getElementById('report-description').value = '两户因楼道堆放杂物发生口角,需协调'")
        page.eval("document.getElementById('report-locate').click()")
        page.wait_for("document.getElementById('report-latitude').value !== ''")
        page.set_files("#report-photos", [photo])
        page.screenshot(SCREENSHOTS / "gridapp-report-390.png")
        page.eval("document.querySelector('#report-form button[type=submit]').click()")
        page.wait_for(f"{OUTBOX_LENGTH}.then(n => n === 1)")

        # A visit.
        page.eval("document.querySelector('[data-tab=visit]').click()")
        page.eval("document.getElementById('visit-subject').value = '幸福里5栋302户'")
        page.eval("document.getElementById('visit-notes').value = '入户走访独居老人,身体尚好,叮嘱用电安全'")
        page.eval("document.getElementById('visit-findings').value = '楼道灯损坏'")
        page.eval("document.querySelector('#visit-form button[type=submit]').click()")
        page.wait_for(f"{OUTBOX_LENGTH}.then(n => n === 2)")

        # A patrol: started, a track point from the phone's position, one checklist item with an issue, stopped.
        page.eval("document.querySelector('[data-tab=patrol]').click()")
        assert page.eval("document.getElementById('patrol-stop-form').hidden") is True
        page.eval("document.querySelector('#patrol-start-form button[type=submit]').click()")
        page.wait_for(f"{OUTBOX_LENGTH}.then(n => n === 3)")
        page.wait_for("/轨迹点 [1-9]/.test(document.getElementById('patrol-state').innerText)")
        page.eval("document.getElementById('check-0').value = 'issue';"
                  "document.getElementById('check-note-0').value = '5栋楼道堆放纸箱'")
        page.eval("document.getElementById('check-1').value = 'ok'")
        page.screenshot(SCREENSHOTS / "gridapp-patrol-390.png")
        page.eval("document.querySelector('#patrol-stop-form button[type=submit]').click()")
        page.wait_for(f"{OUTBOX_LENGTH}.then(n => n === 5)")

        page.eval("document.querySelector('[data-tab=outbox]').click()")
        assert page.eval("document.getElementById('outbox-count').innerText") == "5"
        page.screenshot(SCREENSHOTS / "gridapp-outbox-offline-390.png")
        keys = page.eval("FqOutbox.all().then(items => items.map(i => i.key))")
        assert len(set(keys)) == 5

        time.sleep(1)
        assert count(db_path, "SELECT COUNT(*) FROM cases WHERE channel = 'gridWorker'") == cases_before
        assert count(db_path, "SELECT COUNT(*) FROM visits") == visits_before
        assert count(db_path, "SELECT COUNT(*) FROM patrols WHERE id > ?", patrols_before) == 0

        # Signal returns: the outbox empties by itself (the `online` event), in order, once.
        set_offline(browser, [page.session] + workers, False)
        page.wait_for("navigator.onLine === true")
        page.wait_for(f"{OUTBOX_LENGTH}.then(n => n === 0)", timeout=40)
        # Send again and reload: still once each.
        page.eval("FqOutbox.flush(() => '')")
        page.goto(server.url("/app"))
        page.wait_for("document.body.dataset.ready === 'true'")
        time.sleep(1)

        assert count(db_path, "SELECT COUNT(*) FROM cases WHERE channel = 'gridWorker'") == cases_before + 1
        assert count(db_path, "SELECT COUNT(*) FROM cases WHERE channel = 'gridWorker' AND description = ?",
                     "两户因楼道堆放杂物发生口角,需协调") == 1
        assert count(db_path, "SELECT COUNT(*) FROM case_attachments a JOIN cases c ON c.id = a.case_id "
                              "WHERE c.description = ?", "两户因楼道堆放杂物发生口角,需协调") == 1
        assert count(db_path, "SELECT COUNT(*) FROM visits") == visits_before + 1
        assert count(db_path, "SELECT COUNT(*) FROM visits WHERE subject = ? AND grid_code = ?", "幸福里5栋302户", grid) == 1
        with sqlite3.connect(db_path) as db:
            patrols = db.execute("SELECT grid_code, ended_at, point_count, checklist FROM patrols WHERE id > ?",
                                 (patrols_before,)).fetchall()
            points = db.execute("SELECT COUNT(*) FROM patrol_points WHERE patrol_id > ?", (patrols_before,)).fetchone()[0]
        assert len(patrols) == 1 and patrols[0][0] == grid and patrols[0][1] is not None
        assert patrols[0][2] == points >= 1
        assert [(i["code"], i["status"]) for i in json.loads(patrols[0][3])] == [("fireLanes", "issue"), ("eBikeCharging", "ok")]
        for key in keys:
            assert count(db_path, "SELECT COUNT(*) FROM command_receipts WHERE key = ?", key) == 1
        with sqlite3.connect(db_path) as db:
            case_grid = db.execute("SELECT grid_code FROM cases WHERE description = ?",
                                   ("两户因楼道堆放杂物发生口角,需协调",)).fetchone()[0]
        assert case_grid == grid, "the phone's position was placed on the worker's grid"

        # The app at a phone's and a desk's width.
        page.eval("document.querySelector('[data-tab=visit]').click()")
        assert page.eval("document.documentElement.scrollWidth") <= 390
        page.screenshot(SCREENSHOTS / "gridapp-visit-390.png")
        wide = browser.new_page(1280, 900, mobile=False)
        wide.goto(server.url("/app"))
        wide.wait_for("document.body.dataset.ready === 'true'")
        wide.eval("document.querySelector('[data-tab=patrol]').click()")
        assert wide.eval("document.documentElement.scrollWidth") <= 1280
        wide.screenshot(SCREENSHOTS / "gridapp-patrol-1280.png")
    finally:
        browser.close()
