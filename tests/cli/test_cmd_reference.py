"""`caio classify / reference list / checklist / risk-library`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caio_desktop.cli import main
from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows


def _facts(tmp_path: Path, data: object, name: str = "facts.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("facts", "tier", "articles"), [
    ({"role": "deployer", "annex_iii_area": 4, "annex_iii_point": "a"}, "high",
     ["Art. 6(2)", "Annex III, point 4(a)", "Art. 27"]),
    ({"role": "deployer", "annex_iii_area": 4, "art6_3_derogation": "d", "profiling": False}, "minimal",
     ["Art. 6(3)(d)"]),
    ({"role": "provider", "prohibited_practice": "c"}, "prohibited", ["Art. 5(1)(c)"]),
    ({"role": "provider", "art50_cases": ["50(1)"]}, "limited", ["Art. 50(1)"]),
])
def test_classify_prints_tier_and_articles(tmp_path, capsys, facts, tier, articles) -> None:
    assert main(["classify", "--facts", _facts(tmp_path, facts)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tier"] == tier
    assert result["articles"] == articles
    assert result["rationale"]["fr"] and result["rationale"]["en"]


@pytest.mark.parametrize("practice", ["non_consensual_intimate_content", "csam"])
def test_classify_new_prohibitions_with_their_date(tmp_path, capsys, practice) -> None:
    facts = _facts(tmp_path, {"role": "deployer", "prohibited_practice": practice})
    assert main(["classify", "--facts", facts, "--date", "2026-11-30", "--lang", "en"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tier"] == "prohibited" and result["articles"] == ["Art. 5(1)"]
    prohibition = result["prohibition"]
    assert prohibition["key"] == practice and prohibition["applies_from"] == "2026-12-02"
    assert prohibition["in_effect"] is False and prohibition["verification"]["status"] == "unverified"
    assert all(o["applies_from"] for o in result["obligations"])


def test_classify_dates_follow_the_amended_calendar(tmp_path, capsys) -> None:
    facts = _facts(tmp_path, {"role": "provider", "annex_i_product": True, "art50_cases": ["50(2)"],
                              "already_on_market": True})
    assert main(["classify", "--facts", facts, "--date", "2028-01-10"]) == 0
    result = json.loads(capsys.readouterr().out)
    dates = {o["key"]: (o["applies_from"], o["in_effect"]) for o in result["obligations"]}
    assert dates["hr_risk_management"] == ("2028-08-02", False)
    assert dates["transparency_50_2"] == ("2026-12-02", True)
    assert dates["ai_literacy"] == ("2025-02-02", True)


def test_classify_reads_a_file_saved_with_a_byte_order_mark(tmp_path, capsys) -> None:
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"role": "deployer", "annex_i_product": True}).encode())
    assert main(["classify", "--facts", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["tier"] == "high"


def test_classify_in_one_language(tmp_path, capsys) -> None:
    assert main(["classify", "--facts", _facts(tmp_path, {"role": "deployer", "annex_iii_area": 4}),
                 "--lang", "fr"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tier_label"] == "Haut risque"
    assert result["rationale"].startswith("Rôle retenu : déployeur.")
    oversight = next(o for o in result["obligations"] if o["article"] == "Art. 26(2)")
    assert oversight["text"].startswith("Confier la supervision humaine")


@pytest.mark.parametrize(("content", "message"), [
    ({"role": "boss"}, "invalid AI Act fact 'role'"),
    ({"role": "deployer", "annex_iii_area": 9}, "annex_iii_area"),
    ({"role": "deployer", "colour": "blue"}, "unknown AI Act fact key(s) ['colour']"),
    ("{not json", "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
])
def test_bad_facts_file_is_one_error_line(tmp_path, capsys, content, message) -> None:
    assert main(["classify", "--facts", _facts(tmp_path, content)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("caio: error:") and message in lines[0]


def test_reference_list_names_every_file(capsys) -> None:
    assert main(["reference", "list", "--json"]) == 0
    infos = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    assert set(infos) >= {"eu_ai_act", "gdpr", "iso_iec_42001", "maturity_model", "nist_ai_rmf",
                          "risk_library", "risk_matrix", "sector_rules"}
    assert all(i["version"] and i["as_of"] and i["source_title"] for i in infos.values())
    assert main(["reference", "list"]) == 0
    text = capsys.readouterr().out
    assert "eu_ai_act" in text and "as of 2026-12-03" in text and "Regulation (EU) 2024/1689" in text
    assert infos["eu_ai_act"]["verification"] == "unverified"
    assert infos["risk_matrix"]["verification"] == "original"


def test_reference_list_unverified_names_the_omnibus_and_its_sources(capsys) -> None:
    assert main(["reference", "list", "--unverified", "--json"]) == 0
    items = {(i["file_id"], i["path"]): i for i in json.loads(capsys.readouterr().out)}
    omnibus = items[("eu_ai_act", "amendments[digital_omnibus_ai]")]
    assert "2026/1744" in omnibus["citation"] and omnibus["sources"] and omnibus["status"] == "unverified"
    assert ("eu_ai_act", "added_prohibited_practices[csam]") in items
    assert ("eu_ai_act", "application_dates[high_risk_annex_iii]") in items
    assert all(i["sources"] for i in items.values())
    assert not any(i["file_id"] in {"risk_matrix", "maturity_model"} for i in items.values())
    assert main(["reference", "list", "--unverified", "--lang", "fr"]) == 0
    text = capsys.readouterr().out
    assert "eu_ai_act:amendments[digital_omnibus_ai]" in text
    assert "à confirmer au Journal officiel" in text and "unverified citation(s)" in text


def test_checklist_then_again_adds_nothing(workspace_file, capsys) -> None:
    ws = Workspace.open(workspace_file)
    try:
        create_row(ws, "ai_systems", {"name": "Chatbot", "ai_act_tier": "limited", "ai_act_role": "provider",
                                      "personal_data": True})
        create_row(ws, "ai_systems", {"name": "Inconnu"})
    finally:
        ws.close()
    assert main(["checklist", str(workspace_file)]) == 0
    out = capsys.readouterr().out
    ws = Workspace.open(workspace_file, read_only=True)
    try:
        added = len(fetch_rows(ws, "compliance"))
    finally:
        ws.close()
    assert added > 0
    assert f"2 AI system(s): {added} compliance item(s) added, 0 already present" in out
    assert "not classified (no AI Act items): Inconnu" in out
    ws = Workspace.open(workspace_file, read_only=True)
    try:  # the unclassified system gets no AI Act items, but the insurer's DORA items all the same
        chatbot = len(fetch_rows(ws, "compliance", where={"ai_system_id": 1}))
        assert {r["framework"] for r in fetch_rows(ws, "compliance", where={"ai_system_id": 2})} == {"dora"}
    finally:
        ws.close()
    assert main(["checklist", str(workspace_file), "--system", "1"]) == 0
    assert f"0 compliance item(s) added, {chatbot} already present" in capsys.readouterr().out
    assert main(["checklist", str(workspace_file), "--system", "99"]) == 1
    assert "ai_systems has no row 99" in capsys.readouterr().err


def test_checklist_judges_in_effect_on_the_engagement_date_or_date(workspace_file, capsys) -> None:
    import datetime as dt

    from caio_desktop.operations.rows import update_engagement

    ws = Workspace.open(workspace_file)
    try:
        update_engagement(ws, {"start_date": dt.date(2030, 1, 7), "end_date": dt.date(2030, 7, 7)})
        create_row(ws, "ai_systems", {"name": "Tri", "ai_act_tier": "high", "ai_act_role": "deployer",
                                      "annex_iii_area": 4})
    finally:
        ws.close()
    assert main(["checklist", str(workspace_file)]) == 0
    assert "in effect judged on 2030-01-07: every item already applies" in capsys.readouterr().out
    assert main(["checklist", str(workspace_file), "--date", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert "in effect judged on 2026-12-03: " in out and "apply only later (the first from 2027-12-02)" in out
    with pytest.raises(SystemExit):
        main(["checklist", str(workspace_file), "--date", "03/12/2026"])
    assert "is not a date" in capsys.readouterr().err


def test_risk_library_list_and_add(workspace_file, capsys) -> None:
    assert main(["risk-library", "list", "--lang", "fr", "--category", "cybersecurity"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("prompt_injection") for line in lines)
    assert all("Cybersécurité" in line for line in lines)
    assert main(["risk-library", "list", "--category", "nope"]) == 1
    assert "unknown category 'nope'" in capsys.readouterr().err

    assert main(["risk-library", "add", str(workspace_file), "prompt_injection", "shadow_ai"]) == 0
    assert "2 risk(s) added: prompt_injection, shadow_ai" in capsys.readouterr().out
    assert main(["risk-library", "add", str(workspace_file), "shadow_ai"]) == 0
    assert "already in the register (skipped): shadow_ai" in capsys.readouterr().out
    assert main(["risk-library", "add", str(workspace_file), "no_such_risk"]) == 1
    assert "no_such_risk" in capsys.readouterr().err
    ws = Workspace.open(workspace_file, read_only=True)
    try:
        assert [r["custom"]["library_key"] for r in fetch_rows(ws, "risks")] == ["prompt_injection", "shadow_ai"]
    finally:
        ws.close()


# --- reference data packs -------------------------------------------------------------------------

from tests.reference import pack_fixtures  # noqa: E402
from tests.reference.test_packs import newer_ai_act  # noqa: E402

pack_dir = pack_fixtures.pack_dir
make_pack = pack_fixtures.make_pack


def test_reference_update_installs_a_pack_and_list_shows_it(pack_dir, make_pack, capsys) -> None:
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})
    assert main(["reference", "update", str(pack), "--check"]) == 0
    assert "eu_ai_act 1.2.0 -> 1.3.0" in capsys.readouterr().out
    assert main(["reference", "update", str(pack)]) == 0
    assert "reference pack caio-reference 2026.12.1" in capsys.readouterr().out
    assert main(["reference", "list", "--json"]) == 0
    infos = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    assert infos["eu_ai_act"]["version"] == "1.3.0"
    assert main(["reference", "update", str(pack)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("caio: error: reference pack refused:") and "already installed" in err[0]


def test_reference_pack_builds_what_update_accepts(pack_dir, tmp_path, capsys) -> None:
    """keygen → trust → pack --sign-key → update: the whole publisher's path through the CLI."""
    import stat

    from tests.reference.pack_fixtures import dump

    key = tmp_path / "firm.pem"
    assert main(["reference", "keygen", str(key), "--name", "Cabinet Dupont"]) == 0
    out = capsys.readouterr().out
    assert "private key of Cabinet Dupont" in out and (tmp_path / "firm.publisher.json").is_file()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert main(["reference", "keygen", str(key), "--name", "Again"]) == 1  # never overwrites a key
    assert "already exists" in capsys.readouterr().err
    source = tmp_path / "ai_act.yaml"
    source.write_bytes(dump(newer_ai_act("1.5.0")))
    pack = tmp_path / "update.zip"
    assert main(["reference", "pack", str(pack), str(source), "--version", "2027.1.0", "--sign-key", str(key)]) == 0
    assert "1 file(s), signed" in capsys.readouterr().out
    # Not yet trusted on this machine: refused in one line, nothing installed.
    assert main(["reference", "update", str(pack)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "signed with unknown key" in err[0]
    assert main(["reference", "trust", str(tmp_path / "firm.publisher.json")]) == 0
    assert "trusted: Cabinet Dupont" in capsys.readouterr().out
    assert main(["reference", "update", str(pack), "--check"]) == 0
    assert "signed by Cabinet Dupont" in capsys.readouterr().out
    assert main(["reference", "update", str(pack)]) == 0
    assert "eu_ai_act: 1.2.0 -> 1.5.0" in capsys.readouterr().out


def test_reference_pack_signs_with_a_raw_base64_key(pack_dir, tmp_path, capsys) -> None:
    import base64

    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    from tests.reference.pack_fixtures import TEST_KEY, dump

    raw = tmp_path / "key.b64"
    raw.write_text(base64.b64encode(TEST_KEY.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())).decode())
    source = tmp_path / "ai_act.yaml"
    source.write_bytes(dump(newer_ai_act("1.5.0")))
    pack = tmp_path / "update.zip"
    assert main(["reference", "pack", str(pack), str(source), "--version", "2027.1.0", "--sign-key", str(raw)]) == 0
    assert main(["reference", "update", str(pack)]) == 0
    assert "signed by Test publisher" in capsys.readouterr().out


def test_reference_pack_refuses_a_bad_key_and_update_an_unsigned_pack(pack_dir, make_pack, tmp_path,
                                                                      capsys) -> None:
    from tests.reference.pack_fixtures import dump

    bad = tmp_path / "key.pem"
    bad.write_text("hello")
    source = tmp_path / "ai_act.yaml"
    source.write_bytes(dump(newer_ai_act("1.5.0")))
    assert main(["reference", "pack", str(tmp_path / "p.zip"), str(source), "--version", "1",
                 "--sign-key", str(bad)]) == 1
    assert "not an Ed25519 private key" in capsys.readouterr().err
    assert not (tmp_path / "p.zip").exists()
    unsigned = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, sign_key=None)
    assert main(["reference", "update", str(unsigned)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("caio: error: reference pack refused:") and "unsigned pack" in err[0]
    assert main(["reference", "trust", str(bad)]) == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_reference_update_refuses_a_damaged_pack_in_one_line(pack_dir, tmp_path, capsys) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK not really")
    assert main(["reference", "update", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a zip file" in err[0]


def test_checklist_after_a_reference_update_says_what_it_adds(pack_dir, make_pack, workspace_file, capsys) -> None:
    ws = Workspace.open(workspace_file)
    try:
        create_row(ws, "ai_systems", {"name": "Tri", "ai_act_tier": "high", "ai_act_role": "deployer",
                                      "annex_iii_area": 4})
    finally:
        ws.close()
    assert main(["checklist", str(workspace_file)]) == 0
    capsys.readouterr()
    assert main(["reference", "update", str(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}))]) == 0
    capsys.readouterr()
    assert main(["checklist", str(workspace_file)]) == 0  # same language: only the update changes texts
    out = capsys.readouterr().out
    assert "reference eu_ai_act updated since the last assessment (1.2.0 -> 1.3.0)" in out
    assert "1 item(s) added and 1 changed by the newer reference content" in out
