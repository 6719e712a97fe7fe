"""Work reports (工作报告) on the demo data over HTTP: a 专报 made through the web form, its page, its JSON, its XLSX
opened with openpyxl and its PDF read with pdftotext all hold the same numbers; and the refusals (bad input, an area
outside, a role that may not, a reader outside the report's area)."""

from __future__ import annotations

import datetime
import html
import io
import json
import re
import shutil
import sqlite3
import subprocess
import urllib.parse

import pytest

from conftest import request
from test_map_pages import sign_in

PDFTOTEXT = shutil.which("pdftotext")
PASSWORD = "Str0ng-Passw0rd"


def form_token(base: str, cookie: str) -> str:
    page = request("GET", base + "/reports/new", headers={"Cookie": cookie, "Accept": "text/html"})
    assert page.status == 200, page.text
    return re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)


def post_form(base: str, cookie: str, fields: dict[str, str]):
    body = urllib.parse.urlencode({"_csrf": form_token(base, cookie), **fields})
    return request("POST", base + "/reports", body=body,
                   headers={"Cookie": cookie, "Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"})


@pytest.mark.skipif(not PDFTOTEXT, reason="needs pdftotext (poppler-utils)")
def test_a_report_made_through_the_form_has_the_same_numbers_in_every_format(sqlite_app, workdir):
    openpyxl = pytest.importorskip("openpyxl")
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    with sqlite3.connect(workdir / "db.sqlite") as db:
        area = db.execute("SELECT area_code FROM accounts WHERE username = 'demo.dispatcher'").fetchone()[0]
        first_day, last_day = db.execute("SELECT MIN(reported_day), MAX(reported_day) FROM cases").fetchone()
        # The city above the dispatcher's county is outside its jurisdiction; a township inside it is narrower.
        city = db.execute("SELECT parent_code FROM areas WHERE code = ?", (area,)).fetchone()[0]
        township = db.execute("SELECT code FROM areas WHERE parent_code = ? ORDER BY code LIMIT 1", (area,)).fetchone()[0]
    base = sqlite_app.serve().base
    cookie = sign_in(base, "demo.dispatcher", "Fq-Dispatcher-2026")

    # A 专报 over the last 60 days of the demo's cases (at most a year, not after today).
    today = datetime.date.today()
    last = min(datetime.date.fromisoformat(last_day), today)
    first = max(datetime.date.fromisoformat(first_day), last - datetime.timedelta(days=59))
    made = post_form(base, cookie, {"kind": "special", "area": area, "from": first.isoformat(), "to": last.isoformat()})
    assert made.status == 303, made.text
    location = made.headers["location"]
    number = location.rsplit("/", 1)[1]

    snapshot = request("GET", base + "/api/v1/work-reports/" + number, headers={"Cookie": cookie}).json()["snapshot"]
    cases = snapshot["cases"]
    assert cases["total"] > 0, snapshot
    assert sum(c["count"] for c in snapshot["channels"]) == cases["total"]
    assert sum(c["count"] for c in snapshot["kinds"]) == cases["total"]

    page = request("GET", base + location, headers={"Cookie": cookie, "Accept": "text/html"})
    assert page.status == 200
    text = html.unescape(page.text)
    assert f"共受理群众诉求和矛盾纠纷{cases['total']}件" in text
    assert f"已办结{cases['closed']}件" in text
    assert "<script" not in text

    # The workbook in a real reader.
    xlsx = request("GET", base + f"/reports/{number}.xlsx", headers={"Cookie": cookie})
    assert xlsx.status == 200, xlsx.text
    book = openpyxl.load_workbook(io.BytesIO(xlsx.body))
    summary = {row[0].value: row[1].value for row in book["概况"].iter_rows(min_row=2)}
    assert summary["报告编号"] == number
    for name, key in [("受理总量", "total"), ("办结", "closed"), ("按时办结", "closedOnTime"), ("超时", "overdue"),
                      ("督办", "supervised"), ("已评价", "rated"), ("满意", "satisfied")]:
        assert int(summary[name]) == cases[key], name
    assert int(summary["信访批次"]) == snapshot["figures"]["petitionBatches"]
    assert int(summary["风险预警"]) == snapshot["warningsRaised"]
    channels = {row[0].value: int(row[1].value) for row in book["来源渠道"].iter_rows(min_row=2)}
    assert sum(channels.values()) == cases["total"]
    areas = [(row[0].value, int(row[1].value)) for row in book["区域分布"].iter_rows(min_row=2)]
    assert [(a["name"], a["figures"]["total"]) for a in snapshot["areas"]] == areas
    top = [(row[1].value, int(row[2].value)) for row in book["突出问题"].iter_rows(min_row=2)]
    assert top == [(c["name"], c["count"]) for c in snapshot["topCategories"]]

    # The PDF, read back as text.
    pdf = request("GET", base + f"/reports/{number}.pdf", headers={"Cookie": cookie})
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF"), pdf.headers
    printed = subprocess.run([PDFTOTEXT, "-layout", "-", "-"], input=pdf.body, capture_output=True, check=True).stdout
    printed = printed.decode("utf-8")
    flat = re.sub(r"\s+", "", printed)
    for expected in ["社会治理专报", "一、总体情况", "二、受理情况", "突出问题", "信访与调解", "风险预警", number,
                     f"共受理群众诉求和矛盾纠纷{cases['total']}件", f"已办结{cases['closed']}件"]:
        assert expected in flat, expected
    if snapshot["topCategories"]:
        assert snapshot["topCategories"][0]["name"] in flat

    # Listed, and each download audited.
    listed = request("GET", base + "/reports", headers={"Cookie": cookie, "Accept": "text/html"})
    assert f"/reports/{number}" in listed.text
    with sqlite3.connect(workdir / "db.sqlite") as db:
        formats = [json.loads(s)["format"] for (s,) in db.execute(
            "SELECT summary FROM audit_log WHERE action = 'report.download' AND object_id = ?", (number,))]
    assert sorted(formats) == ["pdf", "xlsx"]

    # Refusals: bad period, too long, unknown kind (422, nothing stored); an area outside (404).
    for fields, message in [
        ({"kind": "daily", "from": "2026-02-30"}, "格式不正确"),
        ({"kind": "special", "from": "2024-01-01", "to": "2025-06-30"}, "统计期间最长366天"),
        ({"kind": "yearly", "from": "2026-01-01"}, "没有这种报告类型"),
    ]:
        refused = post_form(base, cookie, fields)
        assert refused.status == 422, (fields, refused.status)
        assert message in refused.text, message
    outside = post_form(base, cookie, {"kind": "daily", "from": last.isoformat(), "area": city})
    assert outside.status == 404
    # A grid worker may not read reports; a township's dispatcher does not find the county's.
    grid = sign_in(base, "demo.gridworker", "Fq-GridWorker-2026")
    assert request("GET", base + "/reports", headers={"Cookie": grid, "Accept": "text/html"}).status == 403
    made = subprocess.run([str(sqlite_app.binary), "user", "create", "--username", "town.disp", "--name", "镇调度",
                           "--role", "dispatcher", "--area", township], cwd=sqlite_app.workdir, env=sqlite_app.env(),
                          input=PASSWORD + "\n", capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    outsider = sign_in(base, "town.disp", PASSWORD)
    for suffix in ["", ".pdf", ".xlsx"]:
        assert request("GET", base + f"/reports/{number}{suffix}", headers={"Cookie": outsider}).status == 404, suffix
    assert number not in request("GET", base + "/reports", headers={"Cookie": outsider, "Accept": "text/html"}).text
