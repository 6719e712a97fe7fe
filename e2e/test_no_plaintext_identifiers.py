"""No personal identifier is stored or logged in plaintext: after the demo loads and staff reveal some ID numbers
and phones (the audited way), neither the SQLite file, its WAL, nor the server log contains any of them."""

from __future__ import annotations

import json

from conftest import request
from test_map_pages import sign_in


def test_revealed_identifiers_appear_nowhere_at_rest(sqlite_app, workdir):
    sqlite_app.run("demo", "--seed", "3", "--scale", "tiny")
    server = sqlite_app.serve()
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

    db = workdir / "db.sqlite"
    files = [p for p in [db, db.with_name(db.name + "-wal"), *workdir.glob("*.log")] if p.exists()]
    assert db in files, f"no database at {db}: {list(workdir.iterdir())}"
    stored = b"".join(p.read_bytes() for p in files if p.name.startswith("db.sqlite"))
    # The check can see people: their masked numbers are there, in the clear, as they should be.
    assert people[0]["idNumberMasked"].encode() in stored
    for path in files:
        data = path.read_bytes()
        leaked = [s for s in secrets if s.encode() in data]
        assert not leaked, f"{path.name} holds plaintext identifiers: {leaked[:3]}"
    assert len(secrets) >= 25
