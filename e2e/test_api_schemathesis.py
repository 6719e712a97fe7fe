"""The documented JSON API holds up under schemathesis: `/api/openapi.json` is the document the tool reads, the real
binary serves a demo database, and every `/api/v1` operation is exercised with generated requests (valid and
invalid) as an API token and as signed-in staff of several roles. The run fails on any 5xx, any answer whose status,
content type or body the document does not allow. It is bounded (`FENGQIAO_SCHEMATHESIS_EXAMPLES` examples per
operation, 10 by default) and reproducible (fixed seed, deterministic generation, no example database); every
state-changing POST goes to the throwaway database of this test."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT, psql, request
from test_map_pages import sign_in

SCHEMATHESIS = shutil.which("schemathesis") or shutil.which("st")
EXAMPLES = os.environ.get("FENGQIAO_SCHEMATHESIS_EXAMPLES", "10")
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"

# Who runs which part of the API: the roles whose work the operations are (others mostly see 403s, which the
# token run and the access matrix already cover).
ROLES = [
    ("demo.dispatcher", "Fq-Dispatcher-2026", ["cases", "case transitions", "alerts", "risk"]),
    ("demo.sysadmin", "Fq-SysAdmin-2026", ["areas", "base data", "residents", "settings"]),
    ("demo.mediator", "Fq-Mediator-2026", ["mediation"]),
    ("demo.petition", "Fq-Petition-2026", ["petitions", "notifications"]),
    ("demo.gridleader", "Fq-GridLeader-2026", ["residents", "cases"]),
    ("demo.leader", "Fq-Leader-2026", ["figures", "reports", "public"]),
]


def test_the_checked_in_document_is_what_the_generator_writes():
    generated = subprocess.run([sys.executable, str(ROOT / "scripts/openapi/generate.py"), "--check"],
                               capture_output=True, text=True)
    assert generated.returncode == 0, generated.stderr


def csrf_of(base: str, cookie: str) -> str:
    page = request("GET", base + "/", headers={"Cookie": cookie, "Accept": "text/html"})
    match = re.search(r'name="_csrf" value="([^"]+)"', page.text)
    assert match, page
    return match.group(1)


# The signed-in runs address real objects: each operation's path parameters are fixed to identifiers from the demo
# database (a different case for each transition, so that they meet cases in different states), and schemathesis
# varies the query, headers and body. The token run keeps generated identifiers (unknown objects must be 404s).
POOLS = [
    (r"^/api/v1/cases/\{number\}", "number", "SELECT number FROM cases ORDER BY id LIMIT 40"),
    (r"^/api/v1/mediation/cases/\{number\}", "number", "SELECT number FROM mediation_cases ORDER BY id LIMIT 6"),
    (r"^/api/v1/warnings/\{number\}", "number", "SELECT number FROM risk_warnings ORDER BY id LIMIT 6"),
    (r"^/api/v1/work-reports/\{number\}", "number", "SELECT number FROM reports ORDER BY id LIMIT 6"),
    (r"^/api/v1/petitions/\{id\}", "id", "SELECT id FROM petitions ORDER BY id LIMIT 12"),
    (r"^/api/v1/people/\{id\}", "id", "SELECT id FROM people ORDER BY id LIMIT 6"),
    (r"^/api/v1/mediation/mediators/\{id\}", "id", "SELECT id FROM mediators ORDER BY id LIMIT 6"),
    (r"^/api/v1/mediation/organizations/\{id\}", "id", "SELECT id FROM mediation_organizations ORDER BY id LIMIT 6"),
    (r"^/api/v1/organizations/\{id\}", "id", "SELECT id FROM organizations ORDER BY id LIMIT 6"),
    (r"^/api/v1/departments/\{id\}", "id", "SELECT id FROM departments ORDER BY id LIMIT 6"),
    (r"^/api/v1/(areas|grids)/\{code\}", "code",
     "SELECT code FROM areas WHERE level IN ('township', 'village', 'grid') ORDER BY code LIMIT 8"),
    (r"^/api/v1/case-categories/\{category\}", "category", "SELECT code FROM case_categories ORDER BY id LIMIT 6"),
    (r"^/api/v1/calendar/\{year\}", "year", "SELECT 2026"),
    (r"^/api/v1/exports/\{list\}", "list", "SELECT 'people.xlsx' UNION ALL SELECT 'organizations.xlsx'"),
]


def rows(app, sql: str) -> list:
    """The first column of `sql` on the app's database (SQLite file or PostgreSQL), integers as integers."""
    if app.database_url.startswith("sqlite://"):
        with sqlite3.connect(app.workdir / "db.sqlite") as db:
            return [row[0] for row in db.execute(sql)]
    return [int(row[0]) if row[0].isdigit() and len(row[0]) < 10 else row[0] for row in psql(app.database_url, sql)]


def with_real_identifiers(app, document: dict) -> dict:
    """The served document with each path parameter's `example` set to a real identifier of the demo database (a
    different one for each operation, cycling through the pool), which schemathesis tries first."""
    document = json.loads(json.dumps(document))
    pools = [(re.compile(regex), name, rows(app, sql)) for regex, name, sql in POOLS]
    used: dict[str, int] = {}
    for route, item in sorted(document["paths"].items()):
        for method, operation in sorted(item.items()):
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "path":
                    continue
                for pattern, name, values in pools:
                    if values and name == parameter["name"] and pattern.search(route):
                        count = used.get(pattern.pattern, 0)
                        used[pattern.pattern] = count + 1
                        value = values[count % len(values)]
                        parameter["example"] = value
                        parameter["schema"] = {**parameter["schema"], "examples": [value]}
                        break
    return document


def run_schemathesis(server, headers: list[str], tags: list[str] | None, label: str, tmp_path, location=None) -> str:
    report = tmp_path / f"schemathesis-{label}.xml"
    args = [SCHEMATHESIS, "run", str(location or server.url("/api/openapi.json")), "--url", server.base,
            "--checks", CHECKS, "--max-examples", EXAMPLES, "--seed", "20261124", "--generation-deterministic",
            "--generation-with-security-parameters", "false",
            "--phases", "examples,coverage,fuzzing", "--workers", "1", "--request-timeout", "30",
            "--suppress-health-check", "all", "--no-color", "--continue-on-failure",
            "--report", "junit", "--report-junit-path", str(report)]
    for tag in tags or []:
        args += ["--include-tag", tag]
    for header in headers:
        args += ["-H", header]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900, env={**os.environ, "NO_COLOR": "1"},
                          cwd=tmp_path)  # its cache directory stays out of the repository
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"schemathesis ({label}) exited {proc.returncode}:\n{output[-20000:]}"
    summary = output[output.find("=== WARNINGS"):] if "=== WARNINGS" in output else output[-1500:]
    print(f"--- schemathesis ({label}) ---\n{summary}")
    return output


def exercise(app, tmp_path, roles) -> None:
    """Demo data, an API token over the whole demo city with every scope, the server; then schemathesis as the token
    (generated identifiers) and as each of `roles` (real identifiers)."""
    app.run("demo", "--seed", "1", "--scale", "tiny")
    (root,) = rows(app, "SELECT code FROM areas ORDER BY length(code), code LIMIT 1")
    scopes = ["map.read", "basedata.read", "import", "cases.report", "cases.read", "alerts.write"]
    made = app.run("token", "create", "--name", "schemathesis", "--area", str(root),
                   *[arg for scope in scopes for arg in ("--scope", scope)])
    token = made.stdout.strip()
    server = app.serve()
    document = request("GET", server.url("/api/openapi.json"))
    assert document.status == 200 and document.json()["openapi"] == "3.1.0"
    located = tmp_path / "openapi-with-demo-identifiers.json"
    located.write_text(json.dumps(with_real_identifiers(app, document.json()), ensure_ascii=False), encoding="utf-8")

    run_schemathesis(server, [f"Authorization: Bearer {token}"], None, "token", tmp_path)
    for username, password, tags in roles:
        cookie = sign_in(server.base, username, password)
        csrf = csrf_of(server.base, cookie)
        run_schemathesis(server, [f"Cookie: {cookie}", f"X-CSRF-Token: {csrf}"], tags, username, tmp_path, located)
    assert server.error_lines() == [], server.error_lines()[:20]


@pytest.mark.skipif(not SCHEMATHESIS, reason="needs schemathesis 4 (scripts/test installs it)")
def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_document(sqlite_app, tmp_path):
    exercise(sqlite_app, tmp_path, ROLES)


@pytest.mark.skipif(not SCHEMATHESIS, reason="needs schemathesis 4 (scripts/test installs it)")
def test_schemathesis_on_postgresql(postgres_app, tmp_path):
    """The same on PostgreSQL, as the token and the dispatcher (the case engine's SQL is where engines differ most)."""
    exercise(postgres_app, tmp_path, [role for role in ROLES if role[0] in ("demo.dispatcher", "demo.petition")])
