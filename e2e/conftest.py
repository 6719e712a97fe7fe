"""Fixtures for the end-to-end tests: they run the real `fengqiao` binary as a child process.

The binary comes from `FENGQIAO_BIN` (scripts/test sets it), else `.build/debug/fengqiao`. PostgreSQL tests use
`FENGQIAO_TEST_POSTGRES_URL` and the `psql` client; without that URL they are skipped.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# How long a debug build may take to answer /healthz after start (it migrates the database first).
STARTUP_TIMEOUT = float(os.environ.get("FENGQIAO_E2E_STARTUP_TIMEOUT", "120"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without any FENGQIAO_* setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")}
    env.update(extra)
    return env


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.body)

    def __repr__(self) -> str:
        return f"<Response {self.status} {self.text[:300]!r}>"


def request(method: str, url: str, body=None, headers: dict[str, str] | None = None, timeout: float = 30,
            connection: http.client.HTTPConnection | None = None) -> Response:
    """One HTTP request; returns any status (no exception for 4xx/5xx). Connection errors raise OSError."""
    parts = urllib.parse.urlsplit(url)
    headers = dict(headers or {})
    if body is not None and not isinstance(body, (bytes, str)):
        body = json.dumps(body, ensure_ascii=False)
        headers.setdefault("Content-Type", "application/json")
    if isinstance(body, str):
        body = body.encode("utf-8")
    conn = connection or http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
    finally:
        if connection is None:
            conn.close()


# A server caches a session or token it has seen for 2 s (RecentlySeen): a change made by another process, such
# as the command line, reaches it within that time.
CREDENTIAL_CACHE_SECONDS = 2


def after_credential_cache(check, what: str):
    """Polls `check()` (returns a truthy value when the change has arrived) for up to three times the credential
    cache's lifetime; returns the value, or fails naming `what`."""
    deadline = time.monotonic() + 3 * CREDENTIAL_CACHE_SECONDS
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            assert value, f"{what}: not seen within {3 * CREDENTIAL_CACHE_SECONDS} s"
            return value
        time.sleep(0.2)


def sample_report(**overrides) -> dict:
    report = {
        "kind": "safetyHazard",
        "category": "电动车楼道充电",
        "description": "三单元楼道里每天晚上都有电动车充电",
        "address": "沙河街道康乐小区3号楼",
        "contactPhone": "13812345678",
    }
    report.update(overrides)
    return report


class Fengqiao:
    """Runs `fengqiao` subcommands with a given database, key file and working directory."""

    def __init__(self, binary: Path, workdir: Path, database_url: str, key_file: Path):
        self.binary = binary
        self.workdir = workdir
        self.database_url = database_url
        self.key_file = key_file
        self.servers: list[Server] = []

    def env(self, **extra: str) -> dict[str, str]:
        settings = {"FENGQIAO_DATABASE_URL": self.database_url, "FENGQIAO_KEY_FILE": str(self.key_file),
                    "FENGQIAO_LOG_LEVEL": "info"}
        settings.update(extra)
        return clean_env(**settings)

    def run(self, *args: str, timeout: float = 600, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([str(self.binary), *args], cwd=self.workdir, env=self.env(**env), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            pytest.fail(f"`fengqiao {' '.join(args)}` exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def serve(self, *args: str, name: str = "serve", wait: bool = True, **env: str) -> "Server":
        server = Server(self.binary, self.workdir, self.env(**env), list(args), name)
        self.servers.append(server)
        server.start()
        if wait:
            server.wait_healthy()
        return server


class Server:
    """One `fengqiao serve` process on 127.0.0.1 and a free port; its output goes to a log file."""

    def __init__(self, binary: Path, workdir: Path, env: dict[str, str], args: list[str], name: str):
        self.binary = binary
        self.workdir = workdir
        self.env = env
        self.port = free_port()
        self.args = ["serve", "--host", "127.0.0.1", "--port", str(self.port), *args]
        self.log_path = workdir / f"{name}-{self.port}.log"
        self.proc: subprocess.Popen | None = None
        self.base = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([str(self.binary), *self.args], cwd=self.workdir, env=self.env,
                                     stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def wait_healthy(self, timeout: float = STARTUP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"fengqiao serve exited {self.proc.returncode} before /healthz answered:\n{self.log()[-3000:]}")
            try:
                if request("GET", self.base + "/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"no 200 from {self.base}/healthz within {timeout:.0f} s:\n{self.log()[-3000:]}")
            time.sleep(0.2)

    def error_lines(self) -> list[str]:
        """Log lines at level error or critical (swift-log's stream format: `TIMESTAMP LEVEL label: …`)."""
        return [line for line in self.log().splitlines() if re.match(r"^\S+ (error|critical) ", line)]

    def url(self, path: str) -> str:
        return self.base + path

    def signal(self, sig: int = signal.SIGTERM) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)

    def wait_exit(self, timeout: float) -> int | None:
        """The exit code, or None when still running after `timeout` seconds."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout: float = 15) -> int | None:
        """SIGTERM, then the exit code (None if it had to be killed)."""
        self.signal(signal.SIGTERM)
        rc = self.wait_exit(timeout)
        if rc is None:
            self.kill()
        return rc

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def close(self) -> None:
        self.kill()
        if getattr(self, "_log", None):
            self._log.close()


@pytest.fixture(scope="session")
def fengqiao_bin() -> Path:
    path = Path(os.environ.get("FENGQIAO_BIN") or ROOT / ".build" / "debug" / "fengqiao")
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(f"no fengqiao executable at {path}: run `swift build` first or set FENGQIAO_BIN")
    return path


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    d = tmp_path / "work"
    d.mkdir()
    return d


@pytest.fixture
def sqlite_app(fengqiao_bin: Path, workdir: Path, request):
    """`fengqiao` on a fresh SQLite file in a temporary directory (also its working directory)."""
    app = Fengqiao(fengqiao_bin, workdir, f"sqlite://{workdir}/db.sqlite", workdir / "key")
    yield app
    _finish(app, request)


def _finish(app: Fengqiao, request) -> None:
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for server in app.servers:
        server.close()
        if failed:
            print(f"--- log of {' '.join(server.args)} ---\n{server.log()[-6000:]}")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


# --- PostgreSQL ------------------------------------------------------------------------------------

def psql_binary() -> str | None:
    found = shutil.which("psql")
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))
    return str(candidates[-1]) if candidates else None


def psql(url: str, sql: str, timeout: float = 60) -> list[list[str]]:
    """Runs SQL through the psql client; returns the rows of the last statement as lists of strings."""
    binary = psql_binary()
    if binary is None:
        pytest.fail("psql not found (install Debian's postgresql-client)")
    proc = subprocess.run([binary, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        pytest.fail(f"psql failed ({proc.returncode}) on {sql[:200]!r}:\n{proc.stderr}")
    return [line.split("\t") for line in proc.stdout.splitlines() if line]


def with_database(url: str, database: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, parts.fragment))


@pytest.fixture
def postgres_url() -> str:
    url = os.environ.get("FENGQIAO_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("FENGQIAO_TEST_POSTGRES_URL is not set (scripts/test sets it up; --sqlite-only skips it)")
    return url


@pytest.fixture
def postgres_app(fengqiao_bin: Path, workdir: Path, postgres_url: str, request):
    """`fengqiao` on a fresh PostgreSQL database (created here, dropped afterwards)."""
    name = "fq_scale_" + uuid.uuid4().hex[:12]
    psql(postgres_url, f'CREATE DATABASE "{name}"')
    app = Fengqiao(fengqiao_bin, workdir, with_database(postgres_url, name), workdir / "key")
    try:
        yield app
    finally:
        _finish(app, request)
        psql(postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
