"""Validation of the shipped packages and network safety: nothing is ever fetched."""

from __future__ import annotations

import json
import socket

import pytest

from badcorpus import compose
from conftest import FIXTURE, ROOT
from forcepages.config import load_settings
from forcepages.errors import ValidationFailed
from forcepages.validate.load import validate_and_load


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network connection attempted to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(None, host))
    return attempts


def test_fixture_and_national_packages_are_valid(no_network):
    assert len(validate_and_load(load_settings(FIXTURE / "mkdocs.yml")).values) > 100
    assert len(validate_and_load(load_settings(ROOT / "mkdocs.yml")).values) > 10_000


@pytest.mark.parametrize("name", ["path-remote-url", "schema-as-url", "dialect-as-url"])
def test_urls_refused_before_frictionless(name, tmp_path, no_network):
    with pytest.raises(ValidationFailed) as caught:
        validate_and_load(load_settings(compose(name, tmp_path / "site")))
    assert any("URL" in p.message or "inside datapackage.json" in p.message for p in caught.value.problems)
    assert no_network == []


def test_remote_profile_and_schema_keys_are_never_fetched(fixture_copy, no_network):
    """$schema and profile pointing at URLs (package, resource and schema level) are ignored, not fetched."""
    file = fixture_copy.parent / "datapackages/crime/datapackage.json"
    descriptor = json.loads(file.read_text(encoding="utf-8"))
    remote = "https://example.org/evil/profile.json"
    descriptor["$schema"] = descriptor["profile"] = remote
    resource = descriptor["resources"][0]
    resource["$schema"] = resource["profile"] = remote
    resource["schema"]["$schema"] = remote
    file.write_text(json.dumps(descriptor), encoding="utf-8")
    data = validate_and_load(load_settings(fixture_copy))
    assert len(data.values) and no_network == []


def test_blank_line_keeps_row_numbers(fixture_copy):
    """A blank line is a row: later problems keep the row numbers a spreadsheet shows."""
    file = fixture_copy.parent / "datapackages/crime/values.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "")
    lines[10] = "burglery," + lines[10].split(",", 1)[1]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        validate_and_load(load_settings(fixture_copy))
    tuples = {p.as_tuple() for p in caught.value.problems}
    assert ("values.csv", 4, None, "blank-row") in tuples and ("values.csv", 11, "indicator_id", "indicator-unknown") in tuples


def test_validation_failed_pickles_whole_so_a_worker_can_raise_it():
    import pickle

    from forcepages.errors import Problem
    problems = [Problem("datapackages/crime/values.csv", 5, "value", "is not a number.", "Write a number.", code="number-invalid"),
                Problem("datapackages/a.csv", None, None, "is empty.", code="file-empty")]
    error = pickle.loads(pickle.dumps(ValidationFailed(problems)))
    assert isinstance(error, ValidationFailed)
    assert error.problems == ValidationFailed(problems).problems
    assert str(error) == "2 problem(s) in the data packages"
    assert [p.code for p in error.problems] == ["file-empty", "number-invalid"]


def test_non_resident_population_flag_is_optional_typed_and_checked():
    import pandas as pd

    from forcepages.validate import contract
    national = validate_and_load(load_settings(ROOT / "mkdocs.yml")).areas["non_resident_population"]
    assert national.dtype == bool and list(national.index[national]) == ["E23000034"]
    fixture = validate_and_load(load_settings(FIXTURE / "mkdocs.yml")).areas  # no such column: false everywhere
    assert fixture["non_resident_population"].dtype == bool and not fixture["non_resident_population"].any()
    frame = pd.DataFrame({"area_code": ["A1", "A2", "A3", "A4"], "non_resident_population": ["true", "", "FALSE", "maybe"]})
    problems = contract.check_areas(frame, "areas.csv")
    assert [(p.field, p.code) for p in problems] == [("non_resident_population", "boolean-invalid")] and '"maybe"' in problems[0].message
