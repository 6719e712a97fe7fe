"""Notification delivery on the real binary: `fengqiao serve` with FENGQIAO_SMTP_* set mails a queued outbox row
through a real SMTP server (aiosmtpd, with AUTH PLAIN), its Chinese subject in RFC 2047 words; a channel that is
not configured is skipped with a clear error; a half-configured channel stops the start with the setting named."""

from __future__ import annotations

import email
import email.header
import email.policy
import json
import sqlite3
import subprocess
import time

import pytest

from conftest import free_port

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller", reason="pip install aiosmtpd (scripts/test does)")
from aiosmtpd.smtp import AuthResult  # noqa: E402

PASSWORD = "relay-Secret-42"


class Sink:
    """Keeps every message the SMTP server accepts."""

    def __init__(self):
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = mechanism == "PLAIN" and auth_data.login == b"relay" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


def query(app, sql: str, *args):
    with sqlite3.connect(app.workdir / "db.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_a_queued_row_is_mailed_through_smtp_and_an_unconfigured_channel_is_skipped(sqlite_app):
    sink = Sink()
    port = free_port()
    controller = aiosmtpd_controller.Controller(sink, hostname="127.0.0.1", port=port, authenticator=authenticator,
                                                auth_require_tls=False)
    controller.start()
    try:
        created = subprocess.run(
            [str(sqlite_app.binary), "user", "create", "--username", "li.handler", "--name", "李办理", "--role",
             "dispatcher", "--area", "150200000000"], cwd=sqlite_app.workdir, env=sqlite_app.env(),
            input="Handler-Passw0rd!\n", capture_output=True, text=True, timeout=300)
        assert created.returncode == 0, created.stderr
        bad = sqlite_app.run("user", "contact", "--username", "li.handler", "--email", "li@@example", check=False)
        assert bad.returncode == 1 and "电子邮箱格式不正确" in bad.stderr, bad.stderr
        sqlite_app.run("user", "contact", "--username", "li.handler", "--email", "li.handler@court.example.cn")
        (account,), = query(sqlite_app, "SELECT id FROM accounts WHERE username = 'li.handler'")
        (sealed,), = query(sqlite_app, "SELECT email_cipher FROM accounts WHERE id = ?", account)
        assert "court.example.cn" not in sealed, "the address is sealed at rest"
        payload = json.dumps({"title": "案件JY20261123000001办理即将到期", "body": "请在 2026-11-25 17:00 前办结。"},
                             ensure_ascii=False)
        for key, channel in (("mail-1", "email"), ("sms-1", "sms")):
            query(sqlite_app, "INSERT INTO notification_outbox (dedupe_key, channel, recipient, payload, created_at, attempts)"
                              " VALUES (?, ?, ?, ?, 0, 0)", key, channel, f"account:{account}", payload)

        server = sqlite_app.serve(FENGQIAO_SMTP_HOST="127.0.0.1", FENGQIAO_SMTP_PORT=str(port),
                                  FENGQIAO_SMTP_FROM="noreply@zz.example.gov.cn", FENGQIAO_SMTP_USERNAME="relay",
                                  FENGQIAO_SMTP_PASSWORD=PASSWORD, FENGQIAO_LOG_LEVEL="debug")
        deadline = time.monotonic() + 60
        states = {}
        while time.monotonic() < deadline:
            states = dict(query(sqlite_app, "SELECT dedupe_key, state FROM notification_outbox"))
            if states.get("mail-1") != "pending" and states.get("sms-1") != "pending":
                break
            time.sleep(0.5)
        assert states == {"mail-1": "sent", "sms-1": "skipped"}, (states, server.log()[-3000:])
        (error,), = query(sqlite_app, "SELECT last_error FROM notification_outbox WHERE dedupe_key = 'sms-1'")
        assert "FENGQIAO_SMS_URL" in error

        assert len(sink.messages) == 1
        mail_from, rcpt_tos, content = sink.messages[0]
        assert mail_from == "noreply@zz.example.gov.cn"
        assert rcpt_tos == ["li.handler@court.example.cn"]
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert str(message["Subject"]) == "案件JY20261123000001办理即将到期"
        assert b"=?UTF-8?B?" in content, "the subject travels as RFC 2047 encoded words"
        assert message["From"].addresses[0].display_name == "枫桥平台"
        body = message.get_content()
        assert "李办理" in body and "请在 2026-11-25 17:00 前办结。" in body
        assert PASSWORD not in server.log(), "the SMTP password is never logged"
        assert server.stop() == 0
    finally:
        controller.stop()


def test_a_half_configured_channel_stops_the_start_naming_the_setting(sqlite_app):
    proc = sqlite_app.run("serve", "--port", str(free_port()), check=False, timeout=120,
                          FENGQIAO_SMTP_HOST="127.0.0.1")
    assert proc.returncode == 2, proc.stderr
    assert "FENGQIAO_SMTP_FROM" in proc.stderr
    proc = sqlite_app.run("serve", "--port", str(free_port()), check=False, timeout=120,
                          FENGQIAO_SMS_URL="http://127.0.0.1:9/send", FENGQIAO_SMS_BODY='{"to":"{{mobile}}"}')
    assert proc.returncode == 2, proc.stderr
    assert "FENGQIAO_SMS_BODY" in proc.stderr and "{{mobile}}" in proc.stderr
