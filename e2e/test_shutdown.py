"""SIGTERM under load: the server drains and exits 0, and every report it acknowledged (201) is in the database."""

import http.client
import json
import re
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass

from conftest import request, sample_report

THREADS = 8
LOAD_BEFORE_SIGNAL_S = 3.0
EXIT_WITHIN_S = 15.0


@dataclass
class Attempt:
    sent: float
    done: float
    status: int | None  # None: connection error
    body: bytes | None
    error: str | None


def cases_in(db_path) -> tuple[set[str], set[str]]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT number, tracking_code FROM cases").fetchall()
    # Tracking codes are shown grouped (K7QM-3WXP-9RTD); compare them without the dashes.
    return {r[0] for r in rows}, {r[1].replace("-", "").upper() for r in rows}


def test_sigterm_under_load_loses_no_acknowledged_report(sqlite_app):
    db_path = sqlite_app.workdir / "db.sqlite"
    sqlite_app.run("demo", "--seed", "1", "--scale", "small")
    demo_numbers, _ = cases_in(db_path)
    assert demo_numbers, "demo --scale small loaded no cases"

    # One client address posts thousands of reports: the per-address and per-phone limits are not under test here.
    server = sqlite_app.serve(name="shutdown", FENGQIAO_REPORT_LIMIT_IP="off", FENGQIAO_REPORT_LIMIT_PHONE="off")
    url = server.url("/api/v1/reports")
    attempts: list[Attempt] = []
    lock = threading.Lock()
    stop = threading.Event()

    def load(worker: int) -> None:
        conn = None
        seq = 0
        while not stop.is_set():
            seq += 1
            report = sample_report(description=f"停机测试 线程{worker} 第{seq}条:三单元楼道里每天晚上都有电动车充电")
            sent = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
                resp = request("POST", url, report, connection=conn)
                attempt = Attempt(sent, time.monotonic(), resp.status, resp.body, None)
                if resp.headers.get("connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as error:
                attempt = Attempt(sent, time.monotonic(), None, None, repr(error))
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.02)  # a refused connection returns at once; don't spin
            with lock:
                attempts.append(attempt)
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=load, args=(i,), daemon=True) for i in range(THREADS)]
    for t in threads:
        t.start()
    time.sleep(LOAD_BEFORE_SIGNAL_S)
    signalled_at = time.monotonic()
    server.signal(signal.SIGTERM)
    rc = server.wait_exit(EXIT_WITHIN_S)
    exit_s = time.monotonic() - signalled_at
    time.sleep(0.3)  # let the load see the closed port too
    stop.set()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a load thread hung on a request"

    log = server.log()
    assert rc is not None, f"fengqiao serve still running {EXIT_WITHIN_S:.0f} s after SIGTERM:\n{log[-3000:]}"
    assert rc == 0, f"fengqiao serve exited {rc} after SIGTERM:\n{log[-3000:]}"

    before = [a for a in attempts if a.done < signalled_at]
    created = [a for a in attempts if a.status == 201]
    summary = (f"{len(attempts)} requests, {len(before)} answered before SIGTERM, {len(created)} created; "
               f"exit {exit_s:.2f} s after SIGTERM")
    print(summary)

    server_errors = [(a.status, a.body[:200]) for a in attempts if a.status is not None and a.status >= 500]
    assert not server_errors, f"5xx answers ({summary}): {server_errors[:5]}"
    unexpected = [(a.status, a.body[:300]) for a in attempts if a.status not in (None, 201)]
    assert not unexpected, f"answers other than 201 ({summary}): {unexpected[:5]}"
    refused_before = [a.error for a in before if a.status is None]
    assert not refused_before, f"connection errors before SIGTERM ({summary}): {refused_before[:5]}"
    assert sum(1 for a in before if a.status == 201) >= 20, f"too little load to mean anything: {summary}"

    acknowledged = [json.loads(a.body) for a in created]
    numbers, tracking_codes = cases_in(db_path)
    lost = [r["number"] for r in acknowledged if r["number"] not in numbers]
    assert not lost, f"{len(lost)} acknowledged reports are not in the database ({summary}): {lost[:10]}"
    lost_codes = [r["trackingCode"] for r in acknowledged
                  if r["trackingCode"].replace("-", "").upper() not in tracking_codes]
    assert not lost_codes, f"acknowledged tracking codes missing from the database: {lost_codes[:10]}"
    assert len({r["number"] for r in acknowledged}) == len(acknowledged), "two reports got the same number"
    assert len(numbers) >= len(demo_numbers) + len(acknowledged)

    with sqlite3.connect(str(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    assert "Fatal error" not in log, log[-3000:]
    assert not server.error_lines(), "errors logged during the run:\n" + "\n".join(server.error_lines()[:10])
    assert re.search(r"(?i)shut(ting)?\s*down|stopp(ed|ing)|graceful|已停止|正在停止|关闭", log), \
        f"the log shows no shutdown:\n{log[-3000:]}"
