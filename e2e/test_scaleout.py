"""Two `fengqiao serve` instances on one PostgreSQL database: either answers for reports taken by the other, and
the job queue hands every job to exactly one of them."""

import re
import time
from datetime import date, timedelta

from conftest import psql, request, sample_report

JOB_BATCHES = 8
JOBS_PER_BATCH = 5
JOBS_DONE_WITHIN_S = 90
FIRST_DAY = date(2026, 1, 1)


def test_two_instances_share_cases_and_jobs(postgres_app):
    app = postgres_app
    app.run("migrate")
    demo = app.run("demo", "--seed", "2", "--scale", "tiny", check=False)
    assert demo.returncode == 0, f"fengqiao demo --scale tiny exited {demo.returncode}:\n{demo.stdout}\n{demo.stderr}"

    # Started together: both check the (already applied) migrations at the same time.
    a = app.serve("--instance-name", "a", name="a", wait=False)
    b = app.serve("--instance-name", "b", name="b", wait=False)
    a.wait_healthy()
    b.wait_healthy()
    for server in (a, b):
        assert request("GET", server.url("/readyz")).status == 200
        home = request("GET", server.url("/"), headers={"Accept": "text/html"})
        assert home.status == 200, f"home page on PostgreSQL: {home}"
        assert re.search("[\u4e00-\u9fff]{4,}", home.text), "home page has no Chinese text"

    # Reports taken by one instance are read back from the other.
    for i in range(10):
        taker, reader = (a, b) if i % 2 == 0 else (b, a)
        created = request("POST", taker.url("/api/v1/reports"),
                          sample_report(description=f"扩容测试第{i}条:三单元楼道里每天晚上都有电动车充电"))
        assert created.status == 201, created
        report = created.json()
        read = request("GET", reader.url(f"/api/v1/reports/{report['trackingCode']}"))
        assert read.status == 200, read
        assert read.json()["number"] == report["number"]
        assert read.json()["state"] == "reported"
    assert request("GET", a.url("/api/v1/reports/ZZZZ-ZZZZ-ZZZZ")).status == 404

    # Due jobs, queued in batches so that both instances' polls see work: each runs once, on one instance.
    job_ids: list[str] = []
    for batch in range(JOB_BATCHES):
        days = [FIRST_DAY + timedelta(days=batch * JOBS_PER_BATCH + j) for j in range(JOBS_PER_BATCH)]
        values = ", ".join(f"""('case-counters.rebuild', NULL, '{{"day":"{d.isoformat()}"}}', 'queued', 0, 0, 0)"""
                           for d in days)
        rows = psql(app.database_url, "INSERT INTO jobs (kind, dedupe_key, payload, state, run_at, attempts, created_at) "
                                      f"VALUES {values} RETURNING id")
        job_ids += [r[0] for r in rows]
        time.sleep(0.3)
    assert len(job_ids) == JOB_BATCHES * JOBS_PER_BATCH
    id_list = ", ".join(job_ids)

    deadline = time.monotonic() + JOBS_DONE_WITHIN_S
    while True:
        states = dict(psql(app.database_url, f"SELECT state, COUNT(*) FROM jobs WHERE id IN ({id_list}) GROUP BY state"))
        if states.get("done") == str(len(job_ids)):
            break
        assert "failed" not in states, psql(app.database_url,
                                            f"SELECT id, payload, last_error FROM jobs WHERE id IN ({id_list}) AND state = 'failed'")
        assert time.monotonic() < deadline, f"jobs not done within {JOBS_DONE_WITHIN_S} s: {states}"
        time.sleep(0.5)

    jobs = psql(app.database_url, f"SELECT id, attempts, claimed_by FROM jobs WHERE id IN ({id_list}) ORDER BY id")
    twice = [j for j in jobs if j[1] != "1"]
    assert not twice, f"jobs claimed more than once (id, attempts, claimed_by): {twice}"
    workers = {j[2] for j in jobs}
    print("jobs per instance:", {w: sum(1 for j in jobs if j[2] == w) for w in sorted(workers)})
    assert workers <= {"a", "b"}, f"unexpected claimed_by values: {workers}"
    assert workers == {"a", "b"}, f"only {workers} ran jobs; per instance: " + str(
        {w: sum(1 for j in jobs if j[2] == w) for w in workers})

    for server in (a, b):
        rc = server.stop(timeout=15)
        assert rc == 0, f"instance exited {rc} after SIGTERM:\n{server.log()[-3000:]}"
        assert not server.error_lines(), "errors logged:\n" + "\n".join(server.error_lines()[:10])
