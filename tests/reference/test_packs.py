"""Reference data packs: a round trip (build, sign, install, the loaders read the new content) and every
refusal — unsigned, bad signature, unknown publisher, damaged, older, unknown — each leaving the content
in use as it was."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from caio_desktop.domain.ai_act import SystemFacts, classify
from caio_desktop.reference.ai_act import load_ai_act
from caio_desktop.reference.packs import (
    MANIFEST,
    PackError,
    check_pack,
    current_versions,
    install_pack,
    installed_manifest,
    sha256,
)
from caio_desktop.reference.signing import (
    PUBLISHERS_FILE_VARIABLE,
    SIGNATURE,
    shipped_publishers,
    sign_manifest,
    verify_manifest,
)
from tests.reference import pack_fixtures
from tests.reference.pack_fixtures import TEST_KEY, TEST_PUBLISHER, dump, shipped

# The fixtures, under their own names (pytest finds them in this module).
pack_dir = pack_fixtures.pack_dir
make_pack = pack_fixtures.make_pack

NEW_OBLIGATION = {"key": "hr_vendor_evidence", "article": "Art. 26(1)",
                  "text": {"fr": "Obtenir du fournisseur les preuves de conformité.",
                           "en": "Obtain the provider's evidence of conformity."}}


def newer_ai_act(version: str = "1.3.0") -> dict:
    data = copy.deepcopy(shipped("ai_act.yaml"))
    data["version"] = version
    deployer = data["obligations"]["high_risk"]["deployer"]
    deployer.append(dict(NEW_OBLIGATION))
    oversight = next(o for o in deployer if o["key"] == "hr_assign_oversight")
    oversight["text"] = {"fr": "Confier la supervision humaine à des personnes formées (texte révisé).",
                         "en": "Assign human oversight to trained people (revised text)."}
    return data


def test_round_trip_installs_and_the_loaders_read_the_new_content(pack_dir, make_pack) -> None:
    shipped_version = load_ai_act().meta.version
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})
    checked, changed = check_pack(pack)
    assert checked.manifest.version == "2026.12.1" and changed == {"eu_ai_act": (shipped_version, "1.3.0")}
    assert checked.publisher == TEST_PUBLISHER
    assert installed_manifest() is None  # checking installs nothing
    result = install_pack(pack)
    assert result.changed == {"eu_ai_act": (shipped_version, "1.3.0")}
    assert "eu_ai_act: 1.2.0 -> 1.3.0" in result.summary()
    assert f"signed by Test publisher ({TEST_PUBLISHER.key_id})" in result.summary()
    assert (pack_dir / "current" / MANIFEST).is_file()
    # The installed folder keeps the signed bytes as they came: it verifies again.
    installed = pack_dir / "current"
    assert verify_manifest((installed / MANIFEST).read_bytes(), (installed / SIGNATURE).read_bytes()) == TEST_PUBLISHER
    assert installed_manifest().version == "2026.12.1"
    assert load_ai_act().meta.version == "1.3.0" and current_versions()["eu_ai_act"] == "1.3.0"
    keys = {o.key for o in classify(SystemFacts(role="deployer", annex_iii_area=4)).obligations}
    assert "hr_vendor_evidence" in keys
    # A later pack replaces it; the replaced one is kept beside it.
    install_pack(make_pack("2026.12.2", {"ai_act.yaml": newer_ai_act("1.4.0")}, name="later.zip"))
    assert load_ai_act().meta.version == "1.4.0" and (pack_dir / "previous" / MANIFEST).is_file()


def _tampered(tmp_path: Path, pack: Path, edit, *, resign: bool = True) -> Path:  # noqa: ANN001
    """The pack with edit(manifest, files) applied, signed again by the test publisher (as a publisher
    who made a mistake would) unless `resign` is False (as a forger would: the old signature kept)."""
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        files = {n: archive.read(n) for n in archive.namelist() if n != MANIFEST}
    edit(manifest, files)
    manifest_bytes = json.dumps(manifest).encode("utf-8")
    if resign:
        files[SIGNATURE] = sign_manifest(manifest_bytes, TEST_KEY)
    out = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        for name, data in files.items():
            archive.writestr(name, data)
    return out


def _refused(pack: Path, message: str) -> None:
    before = load_ai_act().meta.version
    with pytest.raises(PackError, match=message):
        install_pack(pack)
    assert load_ai_act().meta.version == before


def test_bad_checksum_is_refused(pack_dir, make_pack, tmp_path) -> None:
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})

    def alter(manifest: dict, files: dict) -> None:
        files["ai_act.yaml"] = files["ai_act.yaml"].replace(b"2027-12-02", b"2029-12-02")

    _refused(_tampered(tmp_path, pack, alter), "bad checksum for ai_act.yaml")
    assert installed_manifest() is None


def test_older_pack_and_older_file_are_refused(pack_dir, make_pack) -> None:
    install_pack(make_pack("2026.12.2", {"ai_act.yaml": newer_ai_act("1.3.0")}))
    _refused(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act("1.4.0")}, name="old.zip"),
             "older version 2026.12.1 of the pack; version 2026.12.2 is installed")
    _refused(make_pack("2026.12.2", {"ai_act.yaml": newer_ai_act("1.4.0")}, name="same.zip"),
             "already installed")
    _refused(make_pack("2026.12.3", {"ai_act.yaml": newer_ai_act("1.1.0")}, name="older-file.zip"),
             r"older version of eu_ai_act \(1.1.0\) than the one in use \(1.3.0\)")


def test_unknown_schema_format_and_file_are_refused(pack_dir, make_pack, tmp_path) -> None:
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})
    _refused(_tampered(tmp_path, pack, lambda m, f: m.update(schema=2)), "unknown pack schema 2")
    _refused(_tampered(tmp_path, pack, lambda m, f: m.update(format="zip")), "unknown pack format")
    foreign = {"id": "tax_rules", "version": "1.0.0", "source": {"title": "T", "reference": "R"},
               "as_of": "2026-12-01", "licence": "L", "verification": {"status": "original"}}
    _refused(make_pack("2026.12.1", {"tax_rules.yaml": foreign}, name="foreign.zip"),
             "unknown reference file tax_rules.yaml")


def test_damaged_or_inconsistent_packs_are_refused(pack_dir, make_pack, tmp_path) -> None:
    not_zip = tmp_path / "pack.zip"
    not_zip.write_text("hello")
    _refused(not_zip, "not a zip file")
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, name="good.zip")

    def unlisted(manifest: dict, files: dict) -> None:
        files["extra.yaml"] = b"id: x"

    _refused(_tampered(tmp_path, pack, unlisted), "extra.yaml is in the pack but not in its manifest")

    def missing(manifest: dict, files: dict) -> None:
        del files["ai_act.yaml"]

    _refused(_tampered(tmp_path, pack, missing), "listed in the manifest but missing")

    def wrong_version(manifest: dict, files: dict) -> None:
        manifest["files"][0]["version"] = "9.9.9"

    _refused(_tampered(tmp_path, pack, wrong_version), "the manifest says eu_ai_act 9.9.9")
    # Content the loader rejects (a label without its French) never gets installed.
    broken = newer_ai_act()
    broken["tiers"]["high"] = {"en": "High risk"}
    _refused(make_pack("2026.12.1", {"ai_act.yaml": broken}, name="broken.zip"), "missing or empty 'fr' text")
    no_status = newer_ai_act()
    del no_status["verification"]
    _refused(make_pack("2026.12.1", {"ai_act.yaml": no_status}, name="nostatus.zip"), "verification")
    assert installed_manifest() is None


def test_checksum_helper_matches_the_manifest(make_pack) -> None:
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        assert manifest["files"][0]["sha256"] == sha256(archive.read("ai_act.yaml"))
        assert manifest["files"][0] == {**manifest["files"][0], "id": "eu_ai_act", "version": "1.3.0"}
    assert dump({"a": 1}) == b"a: 1\n"


# --- signatures ----------------------------------------------------------------------------------


def test_unsigned_pack_is_refused(pack_dir, make_pack) -> None:
    _refused(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, sign_key=None),
             r"pack.zip: unsigned pack \(no manifest.sig\): only packs signed by a trusted publisher are installed")
    assert installed_manifest() is None


def test_pack_signed_by_an_unknown_key_is_refused(pack_dir, make_pack) -> None:
    stranger = Ed25519PrivateKey.generate()
    _refused(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, sign_key=stranger),
             "signed with unknown key [0-9a-f]{16}: it is not a trusted publisher's")
    assert installed_manifest() is None


def test_bad_signature_is_refused(pack_dir, make_pack, tmp_path) -> None:
    pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})

    # A forger edits the manifest (a new date for a file whose checksum he also fixed) and keeps the
    # publisher's signature: the checksums agree, the signature does not.
    def forge(manifest: dict, files: dict) -> None:
        files["ai_act.yaml"] = files["ai_act.yaml"].replace(b"2027-12-02", b"2029-12-02")
        manifest["files"][0]["sha256"] = sha256(files["ai_act.yaml"])

    _refused(_tampered(tmp_path, pack, forge, resign=False),
             "bad signature: the manifest was altered after Test publisher .* signed it, or another key signed it")

    # Another key signs, claiming the trusted publisher's key id.
    def impostor(manifest: dict, files: dict) -> None:
        signature = json.loads(sign_manifest(json.dumps(manifest).encode("utf-8"), Ed25519PrivateKey.generate()))
        files[SIGNATURE] = json.dumps({**signature, "key_id": TEST_PUBLISHER.key_id}).encode("utf-8")

    _refused(_tampered(tmp_path, pack, impostor, resign=False), "bad signature")

    def garbage(manifest: dict, files: dict) -> None:
        files[SIGNATURE] = b"not json"

    _refused(_tampered(tmp_path, pack, garbage, resign=False), "manifest.sig is not valid JSON")

    def other_algorithm(manifest: dict, files: dict) -> None:
        files[SIGNATURE] = json.dumps({"algorithm": "rsa", "key_id": TEST_PUBLISHER.key_id,
                                       "signature": ""}).encode("utf-8")

    _refused(_tampered(tmp_path, pack, other_algorithm, resign=False), "not an ed25519 signature")
    assert installed_manifest() is None


def test_trust_comes_from_the_trusted_publishers_only(make_pack, tmp_path, monkeypatch) -> None:
    """Without the test's override the test key is not trusted (the shipped list is empty); a caller may
    name the trusted keys for one call, and verification still runs."""
    from caio_desktop.reference.loader import PACK_DIR_VARIABLE
    from caio_desktop.reference.packs import clear_caches

    assert shipped_publishers() == []
    monkeypatch.setenv(PACK_DIR_VARIABLE, str(tmp_path / "packs"))
    monkeypatch.setenv(PUBLISHERS_FILE_VARIABLE, str(tmp_path / "none.json"))  # no such file: no one
    clear_caches()
    try:
        pack = make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()})
        _refused(pack, "signed with unknown key")
        with pytest.raises(PackError, match="unknown key"):
            check_pack(pack, trusted={})
        stranger = Ed25519PrivateKey.generate()
        with pytest.raises(PackError, match="unknown key"):
            install_pack(make_pack("2026.12.1", {"ai_act.yaml": newer_ai_act()}, name="s.zip", sign_key=stranger),
                         trusted={TEST_PUBLISHER.key_id: TEST_PUBLISHER})
        assert install_pack(pack, trusted={TEST_PUBLISHER.key_id: TEST_PUBLISHER}).publisher == TEST_PUBLISHER
        assert load_ai_act().meta.version == "1.3.0"
    finally:
        clear_caches()
