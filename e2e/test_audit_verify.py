"""`fengqiao audit verify` detects an audit row edited directly in the database — SQLite with Python's sqlite3
module, PostgreSQL with psql — and names it; a signed checkpoint catches a tail that was cut off; the running
server seals the log periodically; the auditor reads it on /audit."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

from conftest import psql, request
from test_map_pages import sign_in

PASSWORD = "Str0ng-Passw0rd"
ACCOUNTS = [("zhang.admin", "systemAdmin"), ("shen.audit", "auditor"), ("li.lead", "leader")]


def create_accounts(app) -> None:
    for username, role in ACCOUNTS:
        made = subprocess.run([str(app.binary), "user", "create", "--username", username, "--name", "测试",
                               "--role", role, "--area", "150200000000"], cwd=app.workdir, env=app.env(),
                              input=PASSWORD + "\n", capture_output=True, text=True, timeout=300)
        assert made.returncode == 0, made.stderr


def verify(app) -> subprocess.CompletedProcess:
    return app.run("audit", "verify", check=False)


def checkpoint_lines(app) -> list[str]:
    files = list(app.workdir.glob("*.audit-checkpoints.jsonl"))
    assert len(files) <= 1, files
    return files[0].read_text(encoding="utf-8").splitlines() if files else []


def exercise(app, sql) -> None:
    """The same story on either database; `sql(statement)` runs SQL on it directly."""
    app.run("migrate")
    create_accounts(app)  # audit records 1–3 (account.create)

    intact = verify(app)
    assert intact.returncode == 0, intact
    assert "完整" in intact.stdout and "3 条记录" in intact.stdout, intact.stdout

    sealed = app.run("audit", "checkpoint")
    assert "第 3 条记录" in sealed.stdout, sealed.stdout
    key = app.workdir / "fengqiao-audit.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert (app.workdir / "fengqiao-audit.key.pub").exists()

    original = sql("SELECT summary FROM audit_log WHERE id = 2")[0][0]
    sql("UPDATE audit_log SET summary = '{\"username\":\"someone.else\"}' WHERE id = 2")
    edited = verify(app)
    assert edited.returncode == 1, edited
    assert "第 2 条记录被修改 (record 2 was edited)" in edited.stdout, edited.stdout

    sql(f"UPDATE audit_log SET summary = '{original}' WHERE id = 2")
    assert verify(app).returncode == 0

    # Deleting the newest record leaves a chain that is intact in itself: the signed checkpoint catches it.
    sql("DELETE FROM audit_log WHERE id = 3")
    cut = verify(app)
    assert cut.returncode == 1, cut
    assert "第 3 条记录被截断或改写 (record 3 was truncated)" in cut.stdout, cut.stdout

    purge = app.run("audit", "purge", "--days", "30", check=False)
    assert purge.returncode == 2 and "180" in purge.stderr, purge


def exercise_server(app, sql) -> None:
    """A running server seals the log as it grows; the auditor reads it."""
    before = len(checkpoint_lines(app))
    server = app.serve(FENGQIAO_AUDIT_CHECKPOINT_SECONDS="1")
    cookie = sign_in(server.base, "shen.audit", PASSWORD)
    newest = int(sql("SELECT MAX(id) FROM audit_log")[0][0])
    deadline = time.monotonic() + 30
    while not any(f'"id":{newest},' in line for line in checkpoint_lines(app)[before:]):
        assert time.monotonic() < deadline, f"no checkpoint of record {newest}: {checkpoint_lines(app)}"
        time.sleep(0.3)

    page = request("GET", server.url("/audit?action=session"), headers={"Accept": "text/html", "Cookie": cookie})
    assert page.status == 200, page
    assert "shen.audit" in page.text and "审计员" in page.text
    leader = sign_in(server.base, "li.lead", PASSWORD)
    assert request("GET", server.url("/audit"), headers={"Accept": "text/html", "Cookie": leader}).status == 403
    assert server.stop() == 0

    after_stop = verify(app)
    assert after_stop.returncode == 0, after_stop
    reads = sql("SELECT actor FROM audit_log WHERE action = 'audit.read'")
    assert reads == [["shen.audit"]], reads


def sqlite_runner(app):
    db_path = app.workdir / "db.sqlite"

    def sql(statement: str) -> list[list[str]]:
        with sqlite3.connect(db_path) as conn:
            rows = conn.execute(statement).fetchall()
            conn.commit()
        return [[str(value) for value in row] for row in rows]

    return sql


def test_verify_names_a_row_edited_in_sqlite(sqlite_app):
    exercise(sqlite_app, sqlite_runner(sqlite_app))


def test_verify_names_a_row_edited_in_postgres(postgres_app):
    exercise(postgres_app, lambda statement: psql(postgres_app.database_url, statement))


def test_the_server_seals_the_log_on_sqlite(sqlite_app):
    short = sqlite_app.run("serve", check=False, timeout=120, FENGQIAO_AUDIT_RETENTION_DAYS="90")
    assert short.returncode == 2, short
    assert "FENGQIAO_AUDIT_RETENTION_DAYS" in short.stderr and "180" in short.stderr, short.stderr
    sqlite_app.run("migrate")
    create_accounts(sqlite_app)
    exercise_server(sqlite_app, sqlite_runner(sqlite_app))


def test_the_server_seals_the_log_on_postgres(postgres_app):
    postgres_app.run("migrate")
    create_accounts(postgres_app)
    exercise_server(postgres_app, lambda statement: psql(postgres_app.database_url, statement))
