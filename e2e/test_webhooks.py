"""Webhook subscriptions on the real binary: a system administrator subscribes a local receiver through
`/admin/webhooks` (the secret is shown once), a resident's report becomes a case event, the jobs fan it out and
post it, and the receiver checks `X-Fengqiao-Signature` (HMAC-SHA256 of `timestamp.body`) in Python."""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import sqlite3
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import request, sample_report
from test_map_pages import sign_in


class Receiver(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self):  # noqa: N802 (the stdlib's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def query(app, sql: str, *args):
    with sqlite3.connect(app.workdir / "db.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_a_case_event_reaches_a_subscriber_signed(sqlite_app):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    (root,) = query(sqlite_app, "SELECT code FROM areas WHERE parent_code IS NULL LIMIT 1")[0]
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    try:
        server = sqlite_app.serve()
        session = sign_in(server.base, "demo.sysadmin", "Fq-SysAdmin-2026")
        page = request("GET", server.url("/admin/webhooks"), headers={"Cookie": session, "Accept": "text/html"})
        assert page.status == 200, page
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
        url = f"http://127.0.0.1:{receiver.server_address[1]}/fengqiao"
        form = urllib.parse.urlencode({"_csrf": csrf, "name": "区平台", "url": url, "area": root,
                                       "event.reported": "on", "event.accepted": "on"})
        made = request("POST", server.url("/admin/webhooks"), body=form,
                       headers={"Cookie": session, "Accept": "text/html",
                                "Content-Type": "application/x-www-form-urlencoded"})
        assert made.status == 200, made
        secret = html.unescape(re.search(r"(whsec_[A-Za-z0-9_-]+)", made.text).group(1))
        (sealed,), = query(sqlite_app, "SELECT secret_cipher FROM webhook_subscriptions")
        assert secret not in sealed

        report = request("POST", server.url("/api/v1/reports"), body=json.dumps(sample_report(), ensure_ascii=False),
                         headers={"Content-Type": "application/json"})
        assert report.status == 201, report
        number = report.json()["number"]

        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not Receiver.received:
            time.sleep(0.5)
        assert Receiver.received, (
            query(sqlite_app, "SELECT kind, state, attempts, last_error FROM jobs WHERE kind LIKE 'webhooks%' OR kind LIKE 'notif%'"),
            query(sqlite_app, "SELECT * FROM platform_settings WHERE name LIKE 'webhooks%'"),
            query(sqlite_app, "SELECT channel, state, last_error FROM notification_outbox WHERE channel = 'subscription'"),
            server.log()[-3000:])
        headers, body = Receiver.received[0]
        timestamp = headers["x-fengqiao-timestamp"]
        expected = "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["x-fengqiao-signature"], expected)
        assert abs(int(timestamp) - time.time()) < 120
        wrong = "sha256=" + hmac.new(b"whsec_other", timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        assert not hmac.compare_digest(headers["x-fengqiao-signature"], wrong)
        event = json.loads(body)
        assert event["event"] == "reported" and event["case"]["number"] == number, event
        assert headers["x-fengqiao-delivery"].startswith("webhook:")
        assert "13812345678" not in body.decode(), "no personal data"
        assert "每天晚上" not in body.decode(), "no description"

        deadline = time.monotonic() + 30
        states = []
        while time.monotonic() < deadline:
            states = query(sqlite_app, "SELECT state FROM notification_outbox WHERE channel = 'subscription'")
            if states and states[0][0] == "sent":
                break
            time.sleep(0.5)
        assert states == [("sent",)], states
        (subscription,), = query(sqlite_app, "SELECT id FROM webhook_subscriptions")
        log = request("GET", server.url(f"/admin/webhooks/{subscription}"), headers={"Cookie": session, "Accept": "text/html"})
        assert log.status == 200 and "已送达" in log.text and 'data-label="HTTP 状态">204</td>' in log.text, log.text[-2000:]
        assert secret not in log.text
        assert server.stop() == 0
    finally:
        receiver.shutdown()
