"""`fengqiao user create` makes the first account of a new installation (there are no default passwords):
the password comes from standard input and must meet the policy; the account can then sign in. `user disable`,
`enable`, `reset-password`, `grant` and `list` run the rest of an account's life from the server's command line."""

from __future__ import annotations

import shutil
import subprocess

from conftest import after_credential_cache, request
from test_map_pages import cookie, sign_in


def create(app, *args: str, password: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(app.binary), "user", "create", *args], cwd=app.workdir, env=app.env(),
                          input=password + "\n", capture_output=True, text=True, timeout=300)


ADMIN = ("--username", "zhang.admin", "--name", "张管理", "--role", "systemAdmin", "--area", "150200000000")


def test_first_administrator_is_made_from_the_command_line(sqlite_app):
    weak = create(sqlite_app, *ADMIN, password="password")
    assert weak.returncode == 1, weak
    assert "密码" in weak.stderr, weak.stderr

    bad = create(sqlite_app, "--username", "bad name!", "--name", "", "--role", "boss", "--area", "12",
                 password="Str0ng-Passw0rd")
    assert bad.returncode == 1
    for field in ("username", "displayName", "role", "areaCode"):
        assert field in bad.stderr, bad.stderr

    made = create(sqlite_app, *ADMIN, password="Str0ng-Passw0rd")
    assert made.returncode == 0, made.stderr
    assert "zhang.admin" in made.stdout

    again = create(sqlite_app, *ADMIN, password="Str0ng-Passw0rd")
    assert again.returncode == 1 and "用户名已被占用" in again.stderr

    server = sqlite_app.serve()
    cookie = sign_in(server.base, "zhang.admin", "Str0ng-Passw0rd")
    assert cookie.startswith("fq_session=")


def user(app, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([str(app.binary), "user", *args], cwd=app.workdir, env=app.env(), input=stdin,
                          capture_output=True, text=True, timeout=300)


def sign_in_status(base: str, username: str, password: str) -> int:
    """The status of a sign-in attempt through the login form (303 when it worked)."""
    page = request("GET", base + "/login", headers={"Accept": "text/html"})
    token = cookie(page, "fq_login_csrf")
    answer = request("POST", base + "/login", body=f"_csrf={token}&username={username}&password={password}",
                     headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"fq_login_csrf={token}"})
    return answer.status


def test_the_account_lifecycle_from_the_command_line(sqlite_app):
    worker = ("--username", "li.worker", "--name", "李网格", "--role", "gridWorker", "--area", "150207001001")
    assert create(sqlite_app, *ADMIN, password="Str0ng-Passw0rd").returncode == 0
    assert create(sqlite_app, *worker, password="W0rker-Passw0rd").returncode == 0
    server = sqlite_app.serve()
    session = sign_in(server.base, "li.worker", "W0rker-Passw0rd")
    home = request("GET", server.url("/"), headers={"Accept": "text/html", "Cookie": session})
    assert "李网格 · 网格员" in home.text

    # Disabled: the open session ends and signing in is refused, with the same answer as a wrong password.
    disabled = user(sqlite_app, "disable", "--username", "li.worker")
    assert disabled.returncode == 0, disabled.stderr
    # The server learns of a change made by another process within its 2 s credential cache.
    ended = after_credential_cache(
        lambda: (lambda r: r if r.status == 303 and r.headers["location"].startswith("/login") else None)(
            request("GET", server.url("/people"), headers={"Accept": "text/html", "Cookie": session})),
        "the disabled account's session ending")
    assert ended.status == 303
    assert sign_in_status(server.base, "li.worker", "W0rker-Passw0rd") == 401
    again = user(sqlite_app, "disable", "--username", "li.worker")
    assert again.returncode == 1 and "账号已经停用" in again.stderr, again.stderr
    listed = user(sqlite_app, "list", "--status", "disabled")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["li.worker\t李网格\tgridWorker\t150207001001\tdisabled"], listed.stdout

    enabled = user(sqlite_app, "enable", "--username", "li.worker")
    assert enabled.returncode == 0, enabled.stderr
    assert sign_in_status(server.base, "li.worker", "W0rker-Passw0rd") == 303

    # A new password from standard input; it must pass the policy, and the old one stops working.
    weak = user(sqlite_app, "reset-password", "--username", "li.worker", stdin="password\n")
    assert weak.returncode == 1 and "密码" in weak.stderr, weak.stderr
    empty = user(sqlite_app, "reset-password", "--username", "li.worker")
    assert empty.returncode == 2 and "stdin" in empty.stderr, empty.stderr
    reset = user(sqlite_app, "reset-password", "--username", "li.worker", stdin="N3w-Temp-Pass\n")
    assert reset.returncode == 0, reset.stderr
    assert "N3w-Temp-Pass" not in reset.stdout + reset.stderr
    assert sign_in_status(server.base, "li.worker", "W0rker-Passw0rd") == 401
    session = sign_in(server.base, "li.worker", "N3w-Temp-Pass")

    # A grant changes role and area and ends the sessions; the next sign-in has the new role.
    bad = user(sqlite_app, "grant", "--username", "li.worker", "--role", "boss", "--area", "1502")
    assert bad.returncode == 1, bad.stderr
    assert "role" in bad.stderr and "areaCode" in bad.stderr, bad.stderr
    granted = user(sqlite_app, "grant", "--username", "li.worker", "--role", "领导", "--area", "150207000000")
    assert granted.returncode == 0, granted.stderr
    after_credential_cache(
        lambda: request("GET", server.url("/people"), headers={"Accept": "text/html", "Cookie": session}).status == 303,
        "the granted account's session ending")
    session = sign_in(server.base, "li.worker", "N3w-Temp-Pass")
    home = request("GET", server.url("/"), headers={"Accept": "text/html", "Cookie": session})
    assert "李网格 · 领导" in home.text, home.text

    unknown = user(sqlite_app, "disable", "--username", "nobody")
    assert unknown.returncode == 1 and "未找到账号" in unknown.stderr, unknown.stderr
    everyone = user(sqlite_app, "list")
    assert [line.split("\t")[0] for line in everyone.stdout.splitlines()] == ["li.worker", "zhang.admin"]

    # The audit log names the operating-system user behind every change, and holds no password.
    audit = subprocess.run(["sqlite3", str(sqlite_app.workdir / "db.sqlite"),
                            "SELECT actor, action, summary FROM audit_log WHERE object_type = 'account' ORDER BY id"],
                           capture_output=True, text=True) if shutil.which("sqlite3") else None
    if audit is not None:
        actions = [line.split("|")[1] for line in audit.stdout.splitlines()]
        assert actions.count("account.grant") == 1 and actions.count("account.reset_password") == 1, audit.stdout
        assert "N3w-Temp-Pass" not in audit.stdout and "$2" not in audit.stdout
