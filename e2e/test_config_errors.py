"""Bad configuration: exit code 2, one line naming the setting, no crash output, and nothing written to disk."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import clean_env, free_port

DATABASE_URL = ("FENGQIAO_DATABASE_URL", "--database-url")
PORT = ("--port", "FENGQIAO_PORT")
LOG_LEVEL = ("FENGQIAO_LOG_LEVEL", "--log-level")
KEY_FILE = ("FENGQIAO_KEY_FILE", "--key-file")
PUBLIC_URL = ("FENGQIAO_PUBLIC_URL", "--public-url")

CRASH = re.compile(r"Fatal error|Stack dump|Current stack trace|backtrace|Segmentation fault|Illegal instruction|"
                   r"💣|Program crashed", re.IGNORECASE)


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def garbage_key(d: Path) -> Path:
    path = d / "garbage.key"
    path.write_bytes(b"this is not a key\n\x00\xff")
    return path


def directory_key(d: Path) -> Path:
    path = d / "key-is-a-directory"
    path.mkdir()
    return path


# (id, subcommand and flags, environment overrides, names that may identify the setting)
CASES = [
    ("mysql-url", ["serve"], {"FENGQIAO_DATABASE_URL": "mysql://x"}, DATABASE_URL),
    ("unreachable-postgres", ["serve"], {"FENGQIAO_DATABASE_URL": "postgres://nobody:wrong@127.0.0.1:1/none"}, DATABASE_URL),
    ("empty-sqlite-path", ["serve"], {"FENGQIAO_DATABASE_URL": "sqlite://"}, DATABASE_URL),
    ("migrate-mysql-url", ["migrate"], {"FENGQIAO_DATABASE_URL": "mysql://x"}, DATABASE_URL),
    ("demo-no-cases", ["demo", "--scale", "tiny", "--cases", "0"], {}, ("--cases",)),
    ("demo-scale-huge", ["demo", "--scale", "huge"], {}, ("--scale",)),
    ("risk-quality-seeds", ["risk-quality", "--seeds", "one,two"], {}, ("--seeds",)),
    ("demo-mysql-url", ["demo", "--seed", "1", "--scale", "tiny"], {"FENGQIAO_DATABASE_URL": "mysql://x"}, DATABASE_URL),
    ("port-70000", ["serve", "--port", "70000"], {}, PORT),
    ("log-level-loud", ["serve"], {"FENGQIAO_LOG_LEVEL": "loud"}, LOG_LEVEL),
    ("garbage-key-file", ["serve"], {"FENGQIAO_KEY_FILE": garbage_key}, KEY_FILE),
    ("unreadable-key-file", ["serve"], {"FENGQIAO_KEY_FILE": directory_key}, KEY_FILE),
    ("public-url-ftp", ["serve"], {"FENGQIAO_PUBLIC_URL": "ftp://zz.example.gov.cn"}, PUBLIC_URL),
    ("public-url-no-scheme", ["serve", "--public-url", "zz.example.gov.cn"], {}, PUBLIC_URL),
    ("report-limit-in-words", ["serve"], {"FENGQIAO_REPORT_LIMIT_IP": "lots"}, ("FENGQIAO_REPORT_LIMIT_IP",)),
    ("report-limit-zero", ["serve"], {"FENGQIAO_REPORT_LIMIT_PHONE": "0/day"}, ("FENGQIAO_REPORT_LIMIT_PHONE",)),
    ("trusted-proxy-hostname", ["serve"], {"FENGQIAO_TRUSTED_PROXIES": "proxy.local"}, ("FENGQIAO_TRUSTED_PROXIES",)),
]


@pytest.mark.parametrize("args, env, names", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_setting_exits_2_with_one_clear_line(fengqiao_bin, tmp_path, args, env, names):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    settings = {
        # Valid defaults, inside the watched directory: a server that opened the database or wrote a key before
        # checking the rest of its settings would leave a file behind.
        "FENGQIAO_DATABASE_URL": f"sqlite://{tmp_path}/data/db.sqlite",
        "FENGQIAO_KEY_FILE": str(tmp_path / "data" / "fengqiao.key"),
    }
    for key, value in env.items():
        settings[key] = str(value(tmp_path) if callable(value) else value)
    if "--port" not in args and args[0] == "serve":
        args = [*args, "--port", str(free_port())]
    before = tree(tmp_path)

    proc = subprocess.run([str(fengqiao_bin), *args], cwd=cwd, env=clean_env(**settings), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60)

    output = proc.stdout + proc.stderr
    lines = [line for line in output.splitlines() if line.strip()]
    shown = f"`fengqiao {' '.join(args)}` with {env}: exit {proc.returncode}\nstdout: {proc.stdout!r}\nstderr: {proc.stderr!r}"
    assert proc.returncode == 2, shown
    assert len(lines) == 1, shown
    assert any(name in lines[0] for name in names), f"the message names none of {names}: {shown}"
    assert not CRASH.search(output), shown
    assert tree(tmp_path) == before, f"files created: {sorted(set(tree(tmp_path)) - set(before))}; {shown}"


def test_good_settings_are_accepted(fengqiao_bin, tmp_path):
    """The same harness with valid settings succeeds, so the failures above are about the bad values."""
    env = clean_env(FENGQIAO_DATABASE_URL=f"sqlite://{tmp_path}/db.sqlite", FENGQIAO_KEY_FILE=str(tmp_path / "key"),
                    FENGQIAO_LOG_LEVEL="info")
    proc = subprocess.run([str(fengqiao_bin), "migrate"], cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "db.sqlite").exists()


def test_port_in_use_exits_2_naming_the_port(fengqiao_bin, tmp_path):
    """A port another process holds: the server says so in one line naming --port, exit 2, no crash."""
    import socket

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        result = subprocess.run(
            [str(fengqiao_bin), "serve", "--port", str(port)],
            cwd=tmp_path,
            env=clean_env(FENGQIAO_DATABASE_URL=f"sqlite://{tmp_path}/db.sqlite", FENGQIAO_KEY_FILE=str(tmp_path / "key")),
            capture_output=True, text=True, timeout=120,
        )
    finally:
        holder.close()
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert not CRASH.search(output), output
    last = output.strip().splitlines()[-1]
    assert "--port" in last and str(port) in last, output
    assert "枫桥平台已启动" not in output, "claimed to be running although it never listened"


def test_demo_into_a_database_with_data_is_refused_in_one_line(fengqiao_bin, tmp_path):
    env = clean_env(FENGQIAO_DATABASE_URL=f"sqlite://{tmp_path}/db.sqlite", FENGQIAO_KEY_FILE=str(tmp_path / "key"),
                    FENGQIAO_LOG_LEVEL="warning")
    first = subprocess.run([str(fengqiao_bin), "demo", "--scale", "tiny"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    again = subprocess.run([str(fengqiao_bin), "demo", "--scale", "tiny"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 1, again.stdout + again.stderr
    assert again.stderr.strip().count("\n") == 0 and "空数据库" in again.stderr, again.stderr
    assert not CRASH.search(again.stdout + again.stderr)


def test_an_https_public_url_makes_cookies_secure(sqlite_app):
    """Behind TLS (the public address is https) cookies carry Secure and answers carry HSTS; over plain http not."""
    from conftest import request
    for url, secure in [("https://zz.example.gov.cn", True), ("http://10.1.2.3:8080", False)]:
        server = sqlite_app.serve(FENGQIAO_PUBLIC_URL=url)
        page = request("GET", server.base + "/login", headers={"Accept": "text/html"})
        server.stop()
        assert page.status == 200, page
        cookie = page.headers.get("set-cookie", "")
        assert "fq_login_csrf=" in cookie, page.headers
        assert ("Secure" in cookie) == secure, (url, cookie)
        assert ("strict-transport-security" in page.headers) == secure, (url, page.headers)
