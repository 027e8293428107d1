"""Tests for the shared reference-file loader: metadata validation and bilingual text."""

import datetime as dt

import pytest

from caio_desktop.reference.loader import (
    ReferenceDataError,
    Text,
    list_data_files,
    parse_reference_data,
    read_reference_file,
    text_of,
)

GOOD = {
    "id": "x",
    "version": "1",
    "source": {"title": "T", "url": "https://example.org"},
    "as_of": "2026-01-01",
    "licence": "CC0",
    "verification": {"status": "unverified", "sources": "a commentary"},
}


def test_text_fallback() -> None:
    text = Text(fr="Bonjour", en="Hello")
    assert text.get("fr") == "Bonjour"
    assert text.get("fr_FR") == "Bonjour"
    assert text.get("en") == "Hello"
    assert text.get("de") == "Hello"


def test_parse_good_header() -> None:
    meta = parse_reference_data(dict(GOOD), "x.yaml").meta
    assert meta.as_of == dt.date(2026, 1, 1)
    assert meta.source_url == "https://example.org"


@pytest.mark.parametrize("missing", ["id", "version", "source", "as_of", "licence", "verification"])
def test_missing_header_names_file_and_field(missing: str) -> None:
    data = {k: v for k, v in GOOD.items() if k != missing}
    with pytest.raises(ReferenceDataError, match=rf"bad\.yaml: .*{missing}"):
        parse_reference_data(data, "bad.yaml")


def test_bad_date_and_source() -> None:
    with pytest.raises(ReferenceDataError, match="bad.yaml.*as_of"):
        parse_reference_data({**GOOD, "as_of": "yesterday"}, "bad.yaml")
    with pytest.raises(ReferenceDataError, match="bad.yaml.*source"):
        parse_reference_data({**GOOD, "source": {"title": "T"}}, "bad.yaml")
    with pytest.raises(ReferenceDataError, match="bad.yaml.*mapping"):
        parse_reference_data(["not", "a", "mapping"], "bad.yaml")


def test_text_of_requires_both_languages() -> None:
    with pytest.raises(ReferenceDataError, match="here.*fr"):
        text_of({"en": "x"}, "here")
    with pytest.raises(ReferenceDataError, match="here.*en"):
        text_of({"fr": "x", "en": "  "}, "here")


def test_missing_file() -> None:
    with pytest.raises(ReferenceDataError, match="nope.yaml"):
        read_reference_file("nope.yaml")


def test_every_shipped_file_has_valid_metadata() -> None:
    files = list_data_files()
    assert "risk_matrix.yaml" in files
    for name in files:
        meta = read_reference_file(name).meta
        assert meta.id and meta.version and meta.licence and meta.source_title
        assert meta.source_url or meta.source_reference


@pytest.mark.parametrize(("verification", "message"), [
    ({"status": "probably"}, "verification status 'probably'"),
    ({"status": "verified"}, "must name the primary text"),
    ({"status": "unverified"}, "must name its sources"),
    ("unverified", "must be a mapping"),
])
def test_bad_verification_is_refused(verification: object, message: str) -> None:
    with pytest.raises(ReferenceDataError, match=rf"bad\.yaml.*{message}"):
        parse_reference_data({**GOOD, "verification": verification}, "bad.yaml")


def test_verification_header_is_read() -> None:
    meta = parse_reference_data(dict(GOOD), "x.yaml").meta
    assert meta.verification.unverified and meta.verification.sources == "a commentary"
    verified = parse_reference_data({**GOOD, "verification": {
        "status": "verified", "primary": "OJ L 119, 4.5.2016, EUR-Lex", "checked_on": "2026-12-01"}}, "x.yaml")
    assert not verified.meta.verification.unverified
    assert verified.meta.verification.checked_on == dt.date(2026, 12, 1)
    assert "OJ L 119" in verified.meta.verification.explanation("en")
