"""Open311 GeoReport v2 with a real client library from PyPI, unchanged, against the real binary.

The issue asks for the `open311` package; its only release (1.1, 2011) is Python 2 code: `open311/__init__.py`
does `from open311 import Open311` and `open311/open311.py` does `from api import API` (implicit relative imports,
gone in Python 3), so `import open311` fails on Python 3.11 with a circular ImportError; `three` (0.8.0), the
other old wrapper, imports `itertools.ifilter`, also Python 2 only. `georeport` (0.3.1, 2025, Python >= 3.9) is a
maintained GeoReport v2 client: it lists services, reads definitions, lists and reads requests, in JSON and XML
(through xmltodict). It has no method to post a request, so the POST is sent the way the spec (and those older
wrappers) send it: a form-encoded body with `api_key`, here with `requests` itself. The request is then read back
through `georeport` in both formats.
"""

from __future__ import annotations

import sqlite3

import pytest
import requests
from georeport import GeoReport  # scripts/test installs it from PyPI


def query(app, sql: str, *args):
    with sqlite3.connect(app.workdir / "db.sqlite") as db:
        return db.execute(sql, args).fetchall()


def test_a_georeport_client_lists_services_posts_and_reads_back(sqlite_app):
    sqlite_app.run("demo", "--seed", "1", "--scale", "tiny")
    (root,) = query(sqlite_app, "SELECT code FROM areas WHERE parent_code IS NULL LIMIT 1")[0]
    lat, lon = query(sqlite_app, "SELECT lat, lon FROM cases WHERE lat IS NOT NULL AND grid_code IS NOT NULL LIMIT 1")[0]
    key = sqlite_app.run("token", "create", "--name", "open311-e2e", "--scope", "cases.report", "--area", root)
    api_key = key.stdout.strip()
    server = sqlite_app.serve()
    endpoint = server.url("/open311/v2")

    client = GeoReport(endpoint, api_key=api_key)
    services = client.get_service_list()
    codes = {service["service_code"]: service for service in services}
    assert codes["dispute.neighbour"]["service_name"] == "邻里纠纷", services[:3]
    assert codes["dispute.neighbour"]["group"] == "矛盾纠纷"
    definition = client.get_service_definition("dispute.neighbour")
    assert [a["code"] for a in definition["attributes"]] == ["urgency", "people_involved"], definition

    xml_client = GeoReport(endpoint, output_format="xml")
    xml_services = xml_client.get_service_list()
    assert any(s["service_code"] == "dispute.neighbour" and s["service_name"] == "邻里纠纷" for s in xml_services)
    xml_definition = xml_client.get_service_definition("dispute.neighbour")
    assert xml_definition["service_code"] == "dispute.neighbour", xml_definition

    fields = {
        "api_key": api_key, "service_code": "dispute.neighbour", "lat": str(lat), "long": str(lon),
        "address_string": "幸福小区3栋", "description": "楼上邻居每天深夜装修,影响休息", "first_name": "伟",
        "last_name": "张", "phone": "13812345678", "attribute[urgency]": "urgent",
    }
    refused = requests.post(f"{endpoint}/requests.json", data={k: v for k, v in fields.items() if k != "api_key"})
    assert refused.status_code == 403 and refused.json()[0]["code"] == 403, refused.text
    posted = requests.post(f"{endpoint}/requests.json", data=fields)
    assert posted.status_code == 201, posted.text
    receipt = posted.json()[0]
    number, token = receipt["service_request_id"], receipt["token"]
    county = number[:6]

    found = client.get_service_request(number)
    assert found["service_request_id"] == number and found["status"] == "open", found
    assert found["service_code"] == "dispute.neighbour" and found["description"] == fields["description"]
    assert abs(found["lat"] - lat) < 1e-9 and abs(found["long"] - lon) < 1e-9
    assert "13812345678" not in str(found) and "张伟" not in str(found), "no reporter data in public answers"
    listed = GeoReport(endpoint, jurisdiction=county).get_service_requests(service_code="dispute.neighbour", status="open")
    assert number in [r["service_request_id"] for r in listed], listed[:3]
    assert GeoReport(endpoint).get_service_requests(service_request_id=number, status="closed")[0]["service_request_id"] == number

    xml_found = GeoReport(endpoint, jurisdiction=county, output_format="xml").get_service_request(number)
    assert xml_found["service_request_id"] == number and xml_found["status"] == "open", xml_found
    assert xml_found["service_name"] == "邻里纠纷"

    by_token = requests.get(f"{endpoint}/tokens/{token}.json")
    assert by_token.status_code == 200 and by_token.json()[0]["service_request_id"] == number
    updates = requests.get(f"{endpoint}/servicerequestupdates.xml")
    assert updates.status_code == 200 and f"<service_request_id>{number}</service_request_id>" in updates.text
    (channel,) = query(sqlite_app, "SELECT channel FROM cases WHERE number = ?", number)[0]
    assert channel == "open311"

    # The client's own error handling: a 404 error array raises.
    with pytest.raises(requests.HTTPError):
        client.get_service_definition("no.such.service")
