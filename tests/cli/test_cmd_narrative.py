"""`caio narrative`: the consultant's words of a deliverable shown and edited headless."""

from __future__ import annotations

import json
from pathlib import Path

from caio_desktop.cli import main
from caio_desktop.operations.narrative import narrative
from caio_desktop.workspace import Workspace


def stored(path: Path, kind: str, lang: str) -> dict[str, str]:
    ws = Workspace.open(path, read_only=True)
    try:
        return narrative(ws, kind, lang)
    finally:
        ws.close()


def test_shows_every_field_and_what_is_left_to_the_data(workspace_file, capsys):
    assert main(["narrative", str(workspace_file), "steering"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["introduction — Introduction:", "  (empty: written from the data)"]  # a French file
    assert "executive_summary — Synthèse:" in out and "next_steps — Prochaines étapes:" in out


def test_set_set_file_and_clear_each_field(workspace_file, tmp_path, capsys, monkeypatch):
    steps = tmp_path / "etapes.txt"
    steps.write_text("Valider le budget\nLancer le pilote\n", encoding="utf-8")
    assert main(["narrative", str(workspace_file), "steering", "--set", "executive_summary=Le pilote = un succès.",
                 "--set-file", f"next_steps={steps}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Saved 2 fields of the steering narrative (fr)")
    assert "  Valider le budget\n  Lancer le pilote\n" in out
    assert stored(workspace_file, "steering", "fr") == {
        "executive_summary": "Le pilote = un succès.", "next_steps": "Valider le budget\nLancer le pilote"}
    assert stored(workspace_file, "steering", "en") == {}  # the other language has its own words

    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("Key one\nKey two"))
    assert main(["narrative", str(workspace_file), "steering", "--lang", "en", "--set-file", "key_messages=-"]) == 0
    assert stored(workspace_file, "steering", "en") == {"key_messages": "Key one\nKey two"}
    capsys.readouterr()

    assert main(["narrative", str(workspace_file), "steering", "--clear", "next_steps", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"kind": "steering", "lang": "fr", "fields": {
        "introduction": "", "executive_summary": "Le pilote = un succès.", "key_messages": "", "next_steps": ""}}


def test_each_field_edit_is_in_the_audit_trail(workspace_file):
    assert main(["narrative", str(workspace_file), "risks", "--set", "introduction=Bonjour"]) == 0
    ws = Workspace.open(workspace_file, read_only=True)
    try:
        trail = ws.audit_trail()
    finally:
        ws.close()
    assert any("narrative.risks.fr" in entry.operation and "Bonjour" in (entry.after or "") for entry in trail)


def test_refusals_are_one_line(workspace_file, tmp_path, capsys):
    for args, message in [
        (["budget"], "unknown deliverable 'budget'; choose one of diagnosis, roadmap, risks, steering, handover"),
        (["steering", "--set", "summary=x"],
         "unknown narrative field 'summary'; choose one of introduction, executive_summary, key_messages, next_steps"),
        (["steering", "--set", "introduction=a", "--clear", "introduction"], "introduction given more than once"),
        (["steering", "--set-file", f"introduction={tmp_path / 'none.txt'}"], "cannot read the text for introduction"),
        (["steering", "--set", "introduction=" + "x" * 20_001], "introduction is 20,001 characters long; at most 20,000"),
    ]:
        assert main(["narrative", str(workspace_file), *args]) == 1
        err = capsys.readouterr().err
        assert err.startswith("caio: error: ") and message in err and err.count("\n") == 1, err
    assert stored(workspace_file, "steering", "fr") == {}
