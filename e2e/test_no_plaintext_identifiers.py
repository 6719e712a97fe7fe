"""No personal identifier is stored or logged in plaintext: after the demo loads and staff reveal some ID numbers
and phones (the audited way), neither the database (the SQLite file and its WAL; a full pg_dump of the PostgreSQL
database) nor the server log contains any of them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import request
from test_map_pages import sign_in


def reveal_some(app) -> tuple[list[dict], list[str], str]:
    """Loads the tiny demo, reveals 25 people's identifiers as the demo leader; returns the people, the revealed
    plaintexts and the server log."""
    app.run("demo", "--seed", "3", "--scale", "tiny")
    server = app.serve()
    session = sign_in(server.base, "demo.leader", "Fq-Leader-2026")
    people = request("GET", server.base + "/api/v1/people?limit=25", headers={"Cookie": session}).json()["people"]
    assert len(people) == 25
    csrf_page = request("GET", server.base + f"/people/{people[0]['id']}", headers={"Cookie": session, "Accept": "text/html"})
    csrf = csrf_page.text.split('name="_csrf" value="', 1)[1].split('"', 1)[0]
    secrets: list[str] = []
    for person in people:
        revealed = request("POST", server.base + f"/api/v1/people/{person['id']}/reveal",
                           headers={"Cookie": session, "X-CSRF-Token": csrf})
        assert revealed.status == 200, revealed
        body = revealed.json()
        assert body["idNumber"][-4:] == person["idNumberMasked"][-4:]
        secrets.append(body["idNumber"])
        if body.get("phone"):
            secrets.append(body["phone"])
    server.stop()
    assert len(secrets) >= 25
    return people, secrets, server.log()


def assert_nothing_leaked(name: str, data: bytes, secrets: list[str]) -> None:
    leaked = [s for s in secrets if s.encode() in data]
    assert not leaked, f"{name} holds plaintext identifiers: {leaked[:3]}"


def test_revealed_identifiers_appear_nowhere_in_sqlite(sqlite_app, workdir):
    people, secrets, log = reveal_some(sqlite_app)
    db = workdir / "db.sqlite"
    files = [p for p in [db, db.with_name(db.name + "-wal"), *workdir.glob("*.log")] if p.exists()]
    assert db in files, f"no database at {db}: {list(workdir.iterdir())}"
    stored = b"".join(p.read_bytes() for p in files if p.name.startswith("db.sqlite"))
    # The check can see people: their masked numbers are there, in the clear, as they should be.
    assert people[0]["idNumberMasked"].encode() in stored
    for path in files:
        assert_nothing_leaked(path.name, path.read_bytes(), secrets)
    assert_nothing_leaked("the server log", log.encode(), secrets)


def pg_dump_binary() -> str:
    found = shutil.which("pg_dump") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), reverse=True)), None)
    assert found, "pg_dump not found (Debian's postgresql-client provides it)"
    return str(found)


def test_revealed_identifiers_appear_nowhere_in_postgres(postgres_app):
    people, secrets, log = reveal_some(postgres_app)
    dump = subprocess.run([pg_dump_binary(), "--data-only", "--no-owner", "-d", postgres_app.database_url],
                          capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    assert dump.returncode == 0, dump.stderr.decode(errors="replace")
    assert people[0]["idNumberMasked"].encode() in dump.stdout, "the dump holds the people (masked)"
    assert_nothing_leaked("the PostgreSQL database", dump.stdout, secrets)
    assert_nothing_leaked("the server log", log.encode(), secrets)
