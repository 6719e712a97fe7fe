"""Two-factor sign-in as a person meets it: the security admin requires it for leaders, a leader signing in is
held at the enrolment page, scans its QR code (rendered by headless Chromium, read by zbarimg) like an
authenticator app, confirms with a code, and from then on signs in with password and code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import re
import struct
import subprocess
import time
import urllib.parse

import pytest

from conftest import request
from test_map_pages import CHROMIUM, ZBARIMG, screenshot, sign_in

PASSWORD = "Str0ng-Passw0rd"


def totp(secret_base32: str, at: float) -> str:
    """RFC 6238 (SHA-1, 6 digits, 30 s), written independently of the server's implementation."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def post_form(base: str, path: str, body: str, cookie: str) -> tuple[int, str, str | None, str]:
    """POSTs a form; returns the status, the Location, the new session cookie (if set) and the body."""
    parts = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("POST", path, body=body.encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie, "Accept": "text/html"})
    response = conn.getresponse()
    text = response.read().decode()
    new_cookie = None
    for name, value in response.getheaders():
        match = re.match(r"(fq_session=[^;]+)", value) if name.lower() == "set-cookie" else None
        if match:
            new_cookie = match.group(1)
    return response.status, response.getheader("Location") or "", new_cookie, text


def password_step(base: str, username: str) -> tuple[str, str]:
    page = request("GET", base + "/login", headers={"Accept": "text/html"})
    token = re.search(r"fq_login_csrf=([^;]+)", page.headers["set-cookie"]).group(1)
    status, location, cookie, _ = post_form(base, "/login", f"_csrf={token}&username={username}&password={PASSWORD}",
                                            f"fq_login_csrf={token}")
    assert status == 303 and cookie, status
    return location, cookie


def csrf(page_text: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', page_text).group(1)


@pytest.mark.skipif(not CHROMIUM or not ZBARIMG, reason="needs chromium and zbarimg (scripts/test installs them)")
def test_a_leader_enrols_by_scanning_the_qr_code_then_signs_in_with_a_code(sqlite_app, workdir):
    for username, role in (("an.security", "securityAdmin"), ("zhou.leader", "leader")):
        made = subprocess.run([str(sqlite_app.binary), "user", "create", "--username", username, "--name", "测试",
                               "--role", role, "--area", "150200000000"], cwd=sqlite_app.workdir,
                              env=sqlite_app.env(), input=PASSWORD + "\n", capture_output=True, text=True, timeout=300)
        assert made.returncode == 0, made.stderr
    server = sqlite_app.serve()
    base = server.base

    # The security admin requires two-factor sign-in for leaders.
    admin = sign_in(base, "an.security", PASSWORD)
    policy = request("GET", base + "/admin/security", headers={"Cookie": admin, "Accept": "text/html"})
    assert policy.status == 200 and "安全策略" in policy.text
    saved_page = workdir / "security-policy.html"
    saved_page.write_text(policy.text.replace("<head>", f'<head><base href="{base}/">', 1), encoding="utf-8")
    screenshot(saved_page, workdir / "security-policy.png")
    form = ("minimumLength=8&minimumClasses=3&lockoutThreshold=5&lockoutMinutes=15&idleTimeoutMinutes=30"
            "&sessionLifetimeHours=12&twoFactor.leader=on")
    status, location, _, _ = post_form(base, "/admin/security", f"_csrf={csrf(policy.text)}&{form}", admin)
    assert (status, location) == (303, "/admin/security?saved=1")

    # The leader is held at the enrolment page; the map is out of reach.
    location, half_open = password_step(base, "zhou.leader")
    assert location == "/account/totp"
    held = request("GET", base + "/areas", headers={"Cookie": half_open, "Accept": "text/html"})
    assert held.status == 303 and held.headers["location"] == "/account/totp"
    enrol = request("GET", base + "/account/totp", headers={"Cookie": half_open, "Accept": "text/html"})
    assert enrol.status == 200 and "<svg" in enrol.text

    # Scan the QR code as an authenticator app would.
    saved = workdir / "totp-enrol.html"
    saved.write_text(enrol.text.replace("<head>", f'<head><base href="{base}/">', 1), encoding="utf-8")
    png = workdir / "totp-enrol.png"
    screenshot(saved, png)
    scan = subprocess.run([ZBARIMG, "--raw", "-q", str(png)], capture_output=True, text=True, timeout=60)
    assert scan.returncode == 0, f"zbarimg found no code in {png}: {scan.stderr}"
    uri = urllib.parse.urlsplit(scan.stdout.strip())
    assert uri.scheme == "otpauth" and uri.netloc == "totp", scan.stdout
    assert urllib.parse.unquote(uri.path) == "/枫桥:zhou.leader"
    secret = urllib.parse.parse_qs(uri.query)["secret"][0]
    typed = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', enrol.text).group(1)
    assert typed.replace(" ", "") == secret, "the secret to type is the one in the QR code"

    status, location, active, _ = post_form(base, "/account/totp",
                                            f"_csrf={csrf(enrol.text)}&code={totp(secret, time.time())}", half_open)
    assert status == 303 and active and active != half_open
    landing = request("GET", base + "/areas", headers={"Cookie": active, "Accept": "text/html"})
    assert landing.status == 303 and landing.headers["location"].startswith("/areas/")

    # From now on: password, then a code; a code works once.
    location, half_open = password_step(base, "zhou.leader")
    assert location == "/login/totp"
    page = request("GET", base + "/login/totp", headers={"Cookie": half_open, "Accept": "text/html"})
    used = totp(secret, time.time())
    status, _, _, text = post_form(base, "/login/totp", f"_csrf={csrf(page.text)}&code={used}", half_open)
    if status == 303:  # the enrolment code's step had passed: this code was fresh, so try it once more
        location, half_open = password_step(base, "zhou.leader")
        page = request("GET", base + "/login/totp", headers={"Cookie": half_open, "Accept": "text/html"})
        status, _, _, text = post_form(base, "/login/totp", f"_csrf={csrf(page.text)}&code={used}", half_open)
    assert status == 422 and "已使用" in text, (status, text[:500])
    status, location, active, _ = post_form(base, "/login/totp",
                                            f"_csrf={csrf(page.text)}&code={totp(secret, time.time() + 30)}", half_open)
    assert status == 303 and location == "/areas" and active
