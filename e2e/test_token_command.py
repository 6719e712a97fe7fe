"""`fengqiao token` makes API tokens for machines from the command line: the token is printed once on standard
output (nothing else goes there), a machine then uses it over HTTP with `Authorization: Bearer`, limited to its
scopes and its area; `token list` never shows it; once revoked it is answered 401 `invalid_token`."""

from __future__ import annotations

import os
import re
import sqlite3

from conftest import after_credential_cache, request

TOKEN = re.compile(r"^fq_[A-Za-z0-9_-]{43}$")


def query(app, sql: str, *args):
    with sqlite3.connect(app.workdir / "db.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_token_made_on_the_command_line_works_over_http_until_revoked(sqlite_app):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    (grid, _), (other_grid, _) = query(
        sqlite_app, "SELECT grid_code, COUNT(*) FROM people GROUP BY grid_code ORDER BY 2 DESC, 1 LIMIT 2")
    (outsider,) = query(sqlite_app, "SELECT id FROM people WHERE grid_code = ? LIMIT 1", other_grid)[0]

    refused = sqlite_app.run("token", "create", "--name", "e2e", "--scope", "everything", "--area", grid, check=False)
    assert refused.returncode == 1 and refused.stdout == "", refused
    assert "权限范围" in refused.stderr, refused.stderr

    made = sqlite_app.run("token", "create", "--name", "省平台同步", "--scope", "basedata.read", "--area", grid)
    token = made.stdout.strip()
    assert made.stdout.count("\n") == 1 and TOKEN.match(token), repr(made.stdout)
    stored = query(sqlite_app, "SELECT name, prefix, token_hash, scope, area_code, created_by FROM api_tokens")
    user = os.environ.get("USER", "unknown")
    assert len(stored) == 1 and stored[0][1] == token[3:11]
    assert stored[0][3:] == ("basedata.read", grid, f"cli:{user}")
    assert token not in "|".join(stored[0]), "only the hash is stored"

    listed = sqlite_app.run("token", "list")
    assert "省平台同步" in listed.stdout and f"fq_{token[3:11]}" in listed.stdout
    assert token not in listed.stdout

    server = sqlite_app.serve()
    bearer = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    people = request("GET", server.url("/api/v1/people?limit=200"), headers=bearer)
    assert people.status == 200, people
    rows = people.json()["people"]
    assert rows and all(row["gridCode"] == grid for row in rows), rows[:3]
    assert request("GET", server.url(f"/api/v1/people/{rows[0]['id']}"), headers=bearer).status == 200
    assert request("GET", server.url(f"/api/v1/people/{outsider}"), headers=bearer).status == 404
    importing = request("POST", server.url("/api/v1/imports/people?filename=p.csv"), body="姓名\r\n张三",
                        headers={**bearer, "Content-Type": "text/csv"})
    assert importing.status == 403 and importing.json()["code"] == "forbidden", importing  # no CSRF demanded
    assert query(sqlite_app, "SELECT last_used_at IS NOT NULL FROM api_tokens") == [(1,)]

    revoked = sqlite_app.run("token", "revoke", "--name", "省平台同步")
    assert revoked.returncode == 0
    # Revoked by another process: the server refuses the token within its 2 s credential cache.
    after_credential_cache(lambda: request("GET", server.url("/api/v1/people"), headers=bearer).status == 401,
                           "the revoked token being refused")
    for headers in (bearer, {"Authorization": "Bearer fq_made-up", "Accept": "text/html"}):
        answer = request("GET", server.url("/api/v1/people"), headers=headers)
        assert answer.status == 401, answer
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["code"] == "invalid_token"
    again = sqlite_app.run("token", "revoke", "--name", "省平台同步", check=False)
    assert again.returncode == 1, again

    audit = query(sqlite_app, "SELECT actor, action, summary FROM audit_log WHERE action LIKE 'api_token.%' ORDER BY id")
    assert [(actor, action) for actor, action, _ in audit] == [
        (f"cli:{user}", "api_token.create"), (f"cli:{user}", "api_token.revoke")]
    assert all(token not in summary for _, _, summary in audit)
