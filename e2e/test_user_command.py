"""`fengqiao user create` makes the first account of a new installation (there are no default passwords):
the password comes from standard input and must meet the policy; the account can then sign in."""

from __future__ import annotations

import subprocess

from test_map_pages import sign_in


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
