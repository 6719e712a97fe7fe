"""AI-camera alerts on a real server: a token made with `fengqiao token create --scope alerts.write`, a camera the
system admin registers through `/admin/cameras`, then an alert at the threshold opens one case with its snapshot and
three warnings (app, SMS, phone call) to the grid, the same event again gets the first answer, and a burst within the
window folds into that case."""

from __future__ import annotations

import base64
import datetime
import json
import re
import sqlite3
import subprocess

from conftest import request
from test_map_pages import sign_in

PASSWORD = "Str0ng-Passw0rd"
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF" + bytes(64)


def query(app, sql: str, *args):
    with sqlite3.connect(app.workdir / "db.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_an_algorithm_platform_reports_a_fire_once(sqlite_app):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    ((grid,),) = query(sqlite_app, "SELECT code FROM areas WHERE level = 'grid' ORDER BY code LIMIT 1")
    made = subprocess.run([str(sqlite_app.binary), "user", "create", "--username", "sys.admin", "--name", "系统管理员",
                           "--role", "systemAdmin", "--area", grid[:4] + "00000000"], cwd=sqlite_app.workdir,
                          env=sqlite_app.env(), input=PASSWORD + "\n", capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    token = sqlite_app.run("token", "create", "--name", "视频平台", "--scope", "alerts.write",
                           "--area", grid[:4] + "00000000").stdout.strip()
    assert query(sqlite_app, "SELECT scope FROM api_tokens") == [("alerts.write",)]

    server = sqlite_app.serve()
    session = sign_in(server.base, "sys.admin", PASSWORD)
    html = {"Cookie": session, "Accept": "text/html"}
    page = request("GET", server.url("/admin/cameras"), headers=html)
    assert page.status == 200, page
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    registered = request("POST", server.url("/admin/cameras"),
                         body=f"_csrf={csrf}&code=34020000001320000099&name=E2E摄像头&gridCode={grid}&active=on",
                         headers={**html, "Content-Type": "application/x-www-form-urlencoded"})
    assert registered.status == 303, registered

    api = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)

    def alert(event: str, confidence: float, minutes: int, snapshot: bool = False) -> dict:
        body = {"eventId": event, "cameraId": "34020000001320000099", "eventType": "浓烟火情",
                "occurredAt": (now - datetime.timedelta(minutes=minutes)).isoformat(), "confidence": confidence}
        if snapshot:
            body["snapshot"] = base64.b64encode(JPEG).decode()
        return body

    first = request("POST", server.url("/api/v1/camera-alerts"), body=json.dumps(alert("e2e-1", 0.92, 10, True)),
                    headers=api)
    assert first.status == 201, first
    number = first.json()["caseNumber"]
    assert first.json()["outcome"] == "opened"
    again = request("POST", server.url("/api/v1/camera-alerts"), body=json.dumps(alert("e2e-1", 0.92, 10, True)),
                    headers=api)
    assert again.status == 200 and again.json() == {**first.json(), "replayed": True}, again
    for n in range(2, 5):
        folded = request("POST", server.url("/api/v1/camera-alerts"), body=json.dumps(alert(f"e2e-{n}", 0.7, 10 - n)),
                         headers=api)
        assert folded.status == 200 and folded.json()["outcome"] == "folded", folded
        assert folded.json()["caseNumber"] == number and folded.json()["eventCount"] == n

    assert query(sqlite_app, "SELECT channel, grid_code, urgency FROM cases WHERE number = ?", number) == [
        ("aiCamera", grid, "critical")]
    (case_id,) = query(sqlite_app, "SELECT id FROM cases WHERE number = ?", number)[0]
    assert query(sqlite_app, "SELECT COUNT(*) FROM case_events WHERE case_id = ? AND type = 'progress_added'",
                 case_id) == [(3,)]
    assert query(sqlite_app, "SELECT COUNT(*) FROM case_attachments WHERE case_id = ?", case_id) == [(1,)]
    warnings = query(sqlite_app, "SELECT channel, recipient FROM notification_outbox WHERE dedupe_key LIKE 'camera-alert:%' "
                                 "ORDER BY id")
    assert warnings == [("app", f"grid:{grid}"), ("sms", f"grid:{grid}"), ("call", f"grid:{grid}")]
    assert query(sqlite_app, "SELECT COUNT(*), MAX(event_count) FROM camera_alerts") == [(1, 4)]
    assert not server.error_lines(), server.error_lines()
