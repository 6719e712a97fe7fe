"""`fengqiao assess` scores a month or quarter from the command line: every kind of unit of every county, stored with
places in each county's ranking, audited as the operating-system user; a period that is not one is refused with a
Chinese message and nothing stored."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone


def query(app, sql: str, *args):
    with sqlite3.connect(app.workdir / "db.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_a_month_is_scored_and_ranked_from_the_command_line(sqlite_app):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    refused = sqlite_app.run("assess", "--period", "2026-13", check=False)
    assert refused.returncode != 0 and "考核期" in refused.stderr, refused
    assert query(sqlite_app, "SELECT COUNT(*) FROM assessment_scores") == [(0,)]

    today = datetime.now(timezone(timedelta(hours=8)))
    month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")  # the last ended month, China time
    scored = sqlite_app.run("assess", "--period", month)
    lines = [line for line in scored.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    units = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in lines[1:]}
    counted = dict(query(sqlite_app, "SELECT unit_kind, COUNT(*) FROM assessment_scores WHERE period_key = ? GROUP BY 1", month))
    assert {k: int(v) for k, v in units.items() if k != "all"} == counted, (units, counted)
    assert set(counted) == {"township", "department", "grid_worker"}
    # Each county's ranking starts at 1 and counts its units.
    for kind, county, first, ranked, n in query(
            sqlite_app, "SELECT unit_kind, county_code, MIN(rank), MAX(ranked), COUNT(*) FROM assessment_scores "
            "WHERE period_key = ? GROUP BY 1, 2", month):
        assert first == 1 and ranked == n, (kind, county, first, ranked, n)
    user = os.environ.get("USER", "unknown")
    audited = query(sqlite_app, "SELECT actor, object_id FROM audit_log WHERE action = 'assessment.compute' ORDER BY id")
    assert audited == [(f"cli:{user}", f"{month}/{kind}") for kind in ("township", "department", "grid_worker")], audited
