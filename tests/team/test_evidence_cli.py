"""`caio attach / attachments / detach / evidence-pack` on an engagement shared on a PostgreSQL server,
through its address (`postgresql://…?engagement=KEY`), as for a `.caio` file (issues 18 and 19)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from caio_desktop.cli import main
from caio_desktop.operations import create_row
from caio_desktop.operations.evidence import attachments, extract
from caio_desktop.team.workspace import TeamWorkspace


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def checklist(team_workspace: Any, team_url: str) -> tuple[str, list[int]]:
    """The engagement's address, with two AI Act requirements and a risk on it."""
    ids = [create_row(team_workspace, "compliance", {"framework": "ai_act", "reference": ref, "requirement": text,
                                                     "status": status}).row_ids[0]
           for ref, text, status in (("Art. 9", "Risk management system", "in_progress"),
                                     ("Art. 10", "Data governance", None))]
    ids.append(create_row(team_workspace, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0])
    return team_url, ids


def test_attach_list_and_detach_through_the_address(checklist: tuple[str, list[int]], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    url, ids = checklist
    (tmp_path / "dpia.pdf").write_bytes(b"%PDF dpia")
    (tmp_path / "notes.txt").write_text("n")
    code, out = _run(capsys, "attach", url, f"compliance:{ids[0]}", str(tmp_path / "dpia.pdf"),
                     str(tmp_path / "notes.txt"))
    assert code == 0 and out.count("attached as") == 2
    code, out = _run(capsys, "attach", url, f"risks:{ids[2]}", str(tmp_path / "notes.txt"), "--link")
    assert code == 0 and "(linked)" in out
    code, out = _run(capsys, "attachments", url, f"compliance:{ids[0]}", "--json")
    listed = json.loads(out)
    assert [a["name"] for a in listed] == ["dpia.pdf", "notes.txt"] and listed[0]["size"] == 9
    with TeamWorkspace.open(url, read_only=True) as ws:  # the bytes are on the server, as attached
        (dpia,) = [a for a in attachments(ws) if a.name == "dpia.pdf"]
        assert extract(ws, dpia, tmp_path / "opened.pdf").read_bytes() == b"%PDF dpia"
    code, out = _run(capsys, "detach", url, str(listed[0]["id"]))
    assert code == 0 and "dpia.pdf" in out
    code, out = _run(capsys, "attachments", url)
    assert out.count("\n") == 2 and "dpia.pdf" not in out and "linked" in out
    assert main(["attach", url, f"compliance:{ids[0]}", str(tmp_path / "absent.pdf")]) == 2  # said per file


def test_the_audit_pack_of_a_team_engagement_lists_its_files(checklist: tuple[str, list[int]], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    url, ids = checklist
    policy = tmp_path / "policy.pdf"
    policy.write_bytes(b"%PDF risk policy " * 100_000)  # 1.7 MB: two parts on the server
    main(["attach", url, f"compliance:{ids[0]}", str(policy)])
    main(["attach", url, f"risks:{ids[2]}", str(policy)])
    capsys.readouterr()
    code, out = _run(capsys, "evidence-pack", url, str(tmp_path / "pack.zip"))
    assert code == 0 and "2 requirements, 2 files, 1 without evidence" in out
    pack = zipfile.ZipFile(tmp_path / "pack.zip")
    members = [n for n in pack.namelist() if n.endswith("/policy.pdf")]
    assert len(members) == 2 and all(pack.read(n) == policy.read_bytes() for n in members)
    with pack.open("evidence-pack/index.xlsx") as handle:
        rows = list(load_workbook(io.BytesIO(handle.read())).active.iter_rows(values_only=True))[1:]
    by_ref = {row[1]: row for row in rows}
    assert set(by_ref) == {"Art. 9", "Art. 10", str(ids[2])}
    assert "evidence-pack/" + by_ref["Art. 9"][4] in members
    assert by_ref["Art. 9"][5] == hashlib.sha256(policy.read_bytes()).hexdigest()
    assert by_ref["Art. 10"][4] is None  # a gap
