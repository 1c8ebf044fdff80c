"""The JSON API and the page through Starlette's test client: what a service and a person get back.

The expected figures are worked out here from the public rule values (kommunalt rusarbeid: 550 000 kr
in a position's year 2 in 2022, a flat 330 000 kr per 100 % position in 2023–2024, nothing after a
position's fourth year), never copied from the code under test.
"""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from nedtrapping.example import example_csv_text
from nedtrapping.web import create_app
from nedtrapping.web.service import Limits, download_name

CSV = example_csv_text().encode("utf-8")
#: The example's 2023 grant: Ruskonsulent 100 % + Erfaringskonsulent 50 % + Miljøterapeut 80 % of 330 000 (in
#: their year 3); Boveileder (first funded 2018) is past its four years.
GRANT_2023 = 330_000 + 165_000 + 264_000
#: A position first funded in 2020 is in year 3 in 2022, whose ladder step no public source gives.
WITH_UNKNOWN = CSV + "Eksempel kommune;Oppsøkende team;80;2020;640 000;3,5;\n".encode()


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Limits(max_body_bytes=2 * 1024 * 1024, max_positions=50)))


def test_example_csv_plans_to_the_2023_total(client: TestClient) -> None:
    r = client.post("/api/plan", content=CSV, headers={"content-type": "text/csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    document = r.json()
    assert document["document"] == "nedtrapping.plan"
    assert document["totals"]["2023"]["grant"] == str(GRANT_2023)
    assert document["problems"] == []


def test_plan_document_fits_the_shipped_schema(client: TestClient) -> None:
    pytest.importorskip("jsonschema")
    from nedtrapping.documents import validate

    r = client.post("/api/plan?explain=full", content=CSV, headers={"content-type": "text/csv"})
    validate(r.json(), "plan")


def test_bad_percentage_is_422_naming_row_and_column_in_bokmal(client: TestClient) -> None:
    bad = CSV.replace(b";50;", b";150;")
    r = client.post("/api/plan", content=bad, headers={"content-type": "text/csv"})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["type"] == "/problems/positions" and problem["status"] == 422
    assert "ingenting ble planlagt" in problem["detail"]
    [error] = problem["errors"]
    # the header is row 1: Erfaringskonsulent, the second position, is row 3
    assert (error["row"], error["column"], error["value"]) == (3, "stillingsprosent", "150")
    assert error["detail"].startswith("rad 3, kolonne «stillingsprosent»; fant «150»")


def test_every_bad_cell_is_listed_and_english_on_request(client: TestClient) -> None:
    bad = CSV.replace(b";50;", b";150;").replace(b";2018;", b";atten;")
    r = client.post("/api/plan?lang=en", content=bad, headers={"content-type": "text/csv"})
    assert r.status_code == 422
    places = [(e["row"], e["column"]) for e in r.json()["errors"]]
    assert places == [(3, "stillingsprosent"), (5, "første_tilskuddsår")]
    assert r.json()["errors"][0]["detail"].startswith("row 3, column «stillingsprosent»")
    assert r.json()["title"] == "Problems in the positions"


def test_positions_document_in_and_every_bad_position_named(client: TestClient) -> None:
    from nedtrapping.documents import positions_to_dict
    from nedtrapping.example import example_positions

    document = positions_to_dict(example_positions())
    r = client.post("/api/plan", json=document)
    assert r.status_code == 200 and r.json()["totals"]["2023"]["grant"] == str(GRANT_2023)
    document["positions"][1]["percent"] = "halv"
    document["positions"][3]["cost"] = {"kind": "gift"}
    r = client.post("/api/plan", json=document)
    assert r.status_code == 422 and r.json()["type"] == "/problems/document"
    fields = [e["field"] for e in r.json()["errors"]]
    assert fields == ["positions[1].percent", "positions[3].cost"]


def test_broken_json_is_a_problem_not_a_500(client: TestClient) -> None:
    for body in (b"{", b"[1, 2]", b'"text"', b"[" * 100_000, b'{"document": "nedtrapping.positions"}'):
        r = client.post("/api/plan", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 422, body[:20]
        assert r.headers["content-type"] == "application/problem+json"


def test_supplied_ladder_step_fills_the_unknown(client: TestClient) -> None:
    r = client.post("/api/plan", content=WITH_UNKNOWN, headers={"content-type": "text/csv"})
    assert r.status_code == 200
    assert r.json()["totals"]["2022"]["grant"] is None  # unknown, never 0
    [unknown] = r.json()["unknowns"]
    assert (unknown["rule_set"], unknown["path"]) == ("kommunalt-rusarbeid 2022", "ladder.step_3")
    r = client.post("/api/plan", params={"supply": "2022:ladder.step_3=450 000", "source": "Tilsagnsbrev 2022"},
                    content=WITH_UNKNOWN, headers={"content-type": "text/csv"})
    assert r.status_code == 200
    # 2022: 550 000 + 275 000 + 440 000 (year 2) + 0 (Boveileder) + 80 % of the supplied 450 000
    assert r.json()["totals"]["2022"]["grant"] == str(550_000 + 275_000 + 440_000 + 360_000)
    [supplied] = r.json()["supplied_rule_values"]
    assert supplied["source"]["document"] == "Tilsagnsbrev 2022"


def test_bad_supplied_values_are_all_listed(client: TestClient) -> None:
    r = client.post("/api/plan", params=[("supply", "2022:ladder.step_3=abc"), ("supply", "step=1"),
                                         ("supply", "2022:ladder.step_9=1")],
                    content=CSV, headers={"content-type": "text/csv"})
    assert r.status_code == 400
    errors = r.json()["errors"]
    assert [e["parameter"] for e in errors] == ["supply", "source", "supply", "supply"]
    assert {e["value"] for e in errors if "value" in e} == {"step=1", "2022:ladder.step_3=abc", "2022:ladder.step_9=1"}


def test_unknown_scheme_and_lang_are_named(client: TestClient) -> None:
    r = client.post("/api/plan?scheme=ingen", content=CSV, headers={"content-type": "text/csv"})
    assert r.status_code == 400 and r.json()["errors"][0]["parameter"] == "scheme"
    assert "kommunalt-rusarbeid" in r.json()["errors"][0]["expected"]
    r = client.get("/api/schemes?lang=de")
    assert r.status_code == 400 and r.json()["errors"][0]["parameter"] == "lang"


def test_unsupported_media_type_is_415(client: TestClient) -> None:
    r = client.post("/api/plan", content=b"<xml/>", headers={"content-type": "application/xml"})
    assert r.status_code == 415 and "application/xml" in r.json()["detail"]


def test_declared_body_over_the_limit_is_refused_unread(client: TestClient) -> None:
    r = client.post("/api/plan", content=b"x" * (2 * 1024 * 1024 + 1), headers={"content-type": "text/csv"})
    assert r.status_code == 413 and r.json()["type"] == "/problems/too-large"


def test_body_growing_past_the_limit_is_stopped(client: TestClient) -> None:
    def chunks():  # no Content-Length: counted while it streams
        for _ in range(40):
            yield b"k;s;100;2021;1\n" * 4096
    r = client.post("/api/plan", content=chunks(), headers={"content-type": "text/csv"})
    assert r.status_code == 413


def test_more_rows_than_allowed_is_refused_by_name(client: TestClient) -> None:
    rows = "".join(f"K;Stilling {i};100;2021;780000\n" for i in range(200))
    r = client.post("/api/plan", content=("kommune;stilling;stillingsprosent;første_tilskuddsår;årskostnad\n"
                                          + rows).encode(), headers={"content-type": "text/csv"})
    assert r.status_code == 422 and r.json()["type"] == "/problems/too-many-rows"
    assert "50" in r.json()["detail"]


def test_schemes_rules_and_calendar(client: TestClient) -> None:
    schemes = {s["id"]: s for s in client.get("/api/schemes").json()["schemes"]}
    assert schemes["kommunalt-rusarbeid"]["plannable"] is True
    assert 2023 in schemes["kommunalt-rusarbeid"]["years"]
    rules = client.get("/api/rules/kommunalt-rusarbeid/2022").json()
    values = {v["path"]: v for v in rules["values"]}
    assert values["ladder.step_3"]["value"] is None and values["ladder.step_3"]["status"] == "unknown"
    assert values["ladder.step_3"]["how_to_supply"]
    assert values["ladder.step_3"]["label"] == "trinn 3 i årsstigen"
    assert len(rules["digest"]) == 64
    r = client.get("/api/rules/kommunalt-rusarbeid/1999")
    assert r.status_code == 404 and r.json()["errors"][0]["parameter"] == "year"
    entries = client.get("/api/calendar").json()["entries"]
    assert entries and {"scheme_id", "deadline", "deadline_status"} <= set(entries[0])
    ics = client.get("/api/calendar?format=ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.count("BEGIN:VEVENT") == len(entries)


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    description = client.get("/openapi.json").json()
    assert description["openapi"].startswith("3.1")
    assert set(description["paths"]) == {"/api/plan", "/api/schemes", "/api/rules/{scheme}/{year}", "/api/calendar"}
    schema = description["components"]["schemas"]["PositionsDocument"]
    assert schema["properties"]["document"] == {"const": "nedtrapping.positions"}


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for r in (client.get("/"), client.get("/api/schemes"), client.get("/nowhere"),
              client.post("/api/plan", content=b"", headers={"content-type": "text/x"})):
        csp = r.headers["content-security-policy"]
        assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
        assert "set-cookie" not in r.headers


def test_page_is_bokmal_with_labelled_file_input(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and '<html lang="nb">' in r.text
    assert '<input type="file" id="file" name="file"' in r.text and '<label for="file">' in r.text
    assert "<script" not in r.text and " style=" not in r.text
    ids = set(re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', r.text))
    labels = set(re.findall(r'<label for="([^"]+)"', r.text))
    assert ids <= labels
    assert '<html lang="en">' in client.get("/?lang=en").text


def _total(page: str, year: int) -> str:
    totals = re.search(r'id="totals".*?</table>', page, re.S)
    assert totals is not None
    found = re.search(rf'data-year="{year}" data-figure="grant">([^<]*)<', totals.group(0))
    assert found is not None
    return unescape(found.group(1)).replace("\u00a0", " ").replace("\u202f", " ")


def test_page_upload_then_supply_then_download(client: TestClient) -> None:
    page = client.post("/plan", files={"file": ("stillinger.csv", CSV, "text/csv")}).text
    assert _total(page, 2023) == "759 000 kr"
    page = client.post("/plan", files={"file": ("stillinger.csv", WITH_UNKNOWN, "text/csv")}).text
    assert _total(page, 2022) == "ukjent"
    assert 'name="supply:2022:ladder.step_3"' in page
    document = unescape(re.search(r'name="positions_document" value="([^"]*)"', page).group(1))
    form = {"positions_document": document, "scheme": "kommunalt-rusarbeid",
            "supply:2022:ladder.step_3": "450 000", "source": "Tilsagnsbrev 2022, Eksempel kommune"}
    page = client.post("/plan", data=form).text
    assert _total(page, 2022) == "1 625 000 kr"
    assert 'value="450 000"' in page  # the supplied value stays in its box
    r = client.post("/download", data={**form, "format": "xlsx"})
    assert r.headers["content-disposition"] == 'attachment; filename="nedtrappingsplan-eksempel-kommune.xlsx"'
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(r.content), data_only=True).worksheets[0]
    grants = {(row[1], row[2]): row[4] for row in sheet.iter_rows(min_row=9, values_only=True) if row[2]}  # Plan: the header on row 8
    assert grants[("Oppsøkende team", 2022)] == 360_000
    for fmt, start in (("excel", "\ufeffKommune;"), ("json", "{"), ("markdown", "## Eksempel kommune")):
        r = client.post("/download", data={**form, "format": fmt})
        assert r.status_code == 200 and r.content.decode("utf-8").startswith(start), fmt
    document_out = json.loads(client.post("/download", data={**form, "format": "json"}).content)
    assert document_out["totals"]["2022"]["grant"] == "1625000" and document_out["problems"] == []


def test_page_keeps_the_plan_when_a_typed_value_is_wrong(client: TestClient) -> None:
    page = client.post("/plan", files={"file": ("s.csv", WITH_UNKNOWN, "text/csv")}).text
    document = unescape(re.search(r'name="positions_document" value="([^"]*)"', page).group(1))
    r = client.post("/plan", data={"positions_document": document, "supply:2022:ladder.step_3": "mange",
                                   "source": "Tilsagnsbrev"})
    assert r.status_code == 400
    assert 'id="problems"' in r.text and "«2022:ladder.step_3=mange»" in unescape(r.text)
    assert _total(r.text, 2023) == f"{(GRANT_2023 + 264_000):,} kr".replace(",", " ")


def test_page_without_a_file_says_what_to_do(client: TestClient) -> None:
    r = client.post("/plan", data={"scheme": "kommunalt-rusarbeid"})
    assert r.status_code == 422 and "Velg en fil" in r.text
    r = client.post("/plan", data={"example": "1"})
    assert r.status_code == 200 and _total(r.text, 2023) == "759 000 kr"


def test_page_shows_hostile_names_as_text(client: TestClient) -> None:
    evil = CSV.replace(b"Ruskonsulent", b"<img src=x onerror=alert(1)>")
    page = client.post("/plan", files={"file": ("<b>x</b>.csv", evil, "text/csv")}).text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>x</b>" not in page


def test_rules_and_calendar_pages(client: TestClient) -> None:
    page = client.get("/rules/kommunalt-rusarbeid/2022").text
    assert "trinn 3 i årsstigen" in page and "ukjent" in page
    assert client.get("/rules").status_code == 200
    page = client.get("/calendar").text
    assert 'href="/api/calendar?format=ics"' in page.replace("&amp;", "&")


@pytest.mark.parametrize(("stem", "suffix", "expected"), [
    ("nedtrappingsplan-Bodø kommune", ".xlsx", "nedtrappingsplan-bodo-kommune.xlsx"),
    ('../../etc/passwd"; x=', ".csv", "etc-passwd-x.csv"),
    ("Ærøy\r\nSet-Cookie: a=b", ".md", "aeroy-set-cookie-a-b.md"),
    ("", ".json", "nedtrappingsplan.json"),
])
def test_download_names_are_safe(stem: str, suffix: str, expected: str) -> None:
    assert download_name(stem, suffix) == expected


# --------------------------------------------------------------------------- never a server error for input

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_INPUT_STATUSES = {200, 400, 413, 415, 422}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=3000) | st.text(max_size=1500).map(str.encode),
       media=st.sampled_from(["text/csv", "application/json", "application/octet-stream",
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              "multipart/form-data; boundary=x", "text/plain; charset=latin-1"]))
def test_any_body_is_answered_never_a_server_error(client: TestClient, body: bytes, media: str) -> None:
    r = client.post("/api/plan", content=body, headers={"content-type": media})
    assert r.status_code in _INPUT_STATUSES, (r.status_code, r.text[:300])
    if r.status_code != 200:
        assert r.headers["content-type"] == "application/problem+json" and r.json()["detail"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from(["positions_document", "scheme", "source", "format", "example",
                                               "supply:2022:ladder.step_3", "supply:x", "supply:2022:nope"]),
                              st.text(max_size=200), max_size=6),
       path=st.sampled_from(["/plan", "/download"]))
def test_any_form_is_answered_never_a_server_error(client: TestClient, fields: dict[str, str], path: str) -> None:
    r = client.post(path, data=fields)
    assert r.status_code in _INPUT_STATUSES, (r.status_code, r.text[:300])


def test_broken_multipart_is_a_problem(client: TestClient) -> None:
    r = client.post("/api/plan", content=b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n",
                    headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code in (400, 422) and r.headers["content-type"] == "application/problem+json"


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colour_pairs_meet_wcag_aa(client: TestClient) -> None:
    """Every text colour of the style sheet on the background it is used on: at least 4.5:1 (WCAG 2 AA)."""
    css = client.get("/style.css").text
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    pairs = [("ink", "paper"), ("muted", "paper"), ("link", "paper"), ("warn-ink", "warn-bg"), ("bad-ink", "bad-bg"),
             ("ok-ink", "ok-bg"), ("accent", "paper")]
    for ink, paper in pairs:
        assert _contrast(colours[ink], colours[paper]) >= 4.5, (ink, paper)
    assert _contrast("#ffffff", colours["accent"]) >= 4.5  # the buttons' white text
    assert _contrast("#ffffff", "#083b6d") >= 4.5  # a button under the pointer
    assert _contrast(colours["link"], "#e6eef7") >= 4.5  # a download button under the pointer


def test_a_position_twice_in_a_document_is_named(client: TestClient) -> None:
    from nedtrapping.documents import positions_to_dict
    from nedtrapping.example import example_positions

    document = positions_to_dict(example_positions())
    document["positions"].append(document["positions"][0])
    r = client.post("/api/plan", json=document)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("1 feil i stillingene;")
    [error] = r.json()["errors"]
    assert error["field"] == "positions" and "Ruskonsulent" in error["expected"]


def test_page_says_too_much_data_in_bokmal(client: TestClient) -> None:
    big = b"x" * (2 * 1024 * 1024 + 10)
    r = client.post("/plan", files={"file": ("stor.csv", big, "text/csv")})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "For mye data" in r.text and "2 MB" in r.text
    assert client.get("/").status_code == 200
