"""What the HTTP benchmarks share: a free port, a release server on a SQLite file, signing in, and wrk runs."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(os.environ.get("FENGQIAO_BENCH_BIN", ROOT / ".build/release/fengqiao"))
OUT = ROOT / "bench/out"
THREADS, CONNECTIONS, WARMUP, DURATION = 2, 32, 3, 15


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, method: str, path: str, body: str | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response.status, response.getheaders(), response.read().decode()


def sign_in(port: int, username: str, password: str) -> str:
    """The session cookie of a demo account, signed in through the login form."""
    _, headers, _ = request(port, "GET", "/login", headers={"Accept": "text/html"})
    token = next(re.search(r"fq_login_csrf=([^;]+)", v).group(1) for k, v in headers if k == "Set-Cookie")
    status, headers, _ = request(port, "POST", "/login", body=f"_csrf={token}&username={username}&password={password}",
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Cookie": f"fq_login_csrf={token}"})
    assert status == 303, status
    for name, value in headers:
        match = re.match(r"fq_session=([^;]+)", value) if name == "Set-Cookie" else None
        if match:
            return "fq_session=" + match.group(1)
    raise SystemExit("bench: sign-in gave no session")


def load_demo(db: Path, key: Path, scale: str, cases: int | None = None) -> None:
    """A fresh SQLite file with `fengqiao demo --seed 1 --scale scale [--cases N]`."""
    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    key.unlink(missing_ok=True)
    extra = ["--cases", str(cases)] if cases else []
    print(f"==> fengqiao demo --scale {scale} {' '.join(extra)}", file=sys.stderr)
    subprocess.run([BIN, "demo", "--seed", "1", "--scale", scale, *extra, "--database-url", f"sqlite://{db}",
                    "--key-file", str(key)], check=True, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def server(db: Path, key: Path, log_name: str, jobs: bool = False, settings: dict | None = None):
    """A release `serve` on `db` (`--no-jobs` unless `jobs`), ready on the port it yields; stopped with SIGTERM
    afterwards. `settings` are extra FENGQIAO_* environment variables."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")} | (settings or {})
    log_path = OUT / log_name
    with open(log_path, "wb") as log:
        process = subprocess.Popen([BIN, "serve", "--port", str(port), "--database-url", f"sqlite://{db}",
                                    "--key-file", str(key), "--log-level", "warning"] + ([] if jobs else ["--no-jobs"]),
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(600):
                if process.poll() is not None:
                    raise SystemExit(f"bench: the server exited; see {log_path}")
                try:
                    if request(port, "GET", "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            yield port
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)


def wrk(port: int, path: str, cookie: str, out: Path) -> None:
    """A warm-up, then the measured wrk run, its --latency output written to `out`."""
    status = request(port, "GET", path, headers={"Cookie": cookie})[0]
    if status != 200:
        raise SystemExit(f"bench: {path} answered {status}")
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "--latency", "-H", f"Cookie: {cookie}"]
    print(f"==> wrk {path}", file=sys.stderr)
    subprocess.run(command + [f"-d{WARMUP}s", f"http://127.0.0.1:{port}{path}"], check=True, stdout=subprocess.DEVNULL)
    with open(out, "w") as f:
        subprocess.run(command + [f"-d{DURATION}s", f"http://127.0.0.1:{port}{path}"], check=True, stdout=f)


def commit() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
