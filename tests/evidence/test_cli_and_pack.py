"""`caio attach / attachments / detach / evidence-pack` and the audit pack they write (issue 18)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from caio_desktop.cli import main
from caio_desktop.cli.common import opened
from caio_desktop.operations import create_row
from caio_desktop.operations.evidence import attachments
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def fill_checklist(ws: Workspace) -> list[int]:
    """Three AI Act requirements, one GDPR requirement and a risk; their ids."""
    ids = [create_row(ws, "compliance", {"framework": fw, "reference": ref, "requirement": text,
                                         "status": status}).row_ids[0]
           for fw, ref, text, status in (
               ("ai_act", "Art. 9", "Risk management system", "in_progress"),
               ("ai_act", "Art. 10", "Data governance", None),
               ("ai_act", "../../Art. 11", "Technical documentation/..", None),
               ("gdpr", "Art. 35", "DPIA", None))]
    return [*ids, create_row(ws, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]]


@pytest.fixture
def checklist(workspace_file: Path) -> tuple[Path, list[int]]:
    """A workspace with three AI Act requirements, one GDPR requirement and a risk (`fill_checklist`);
    tests/team/test_evidence_cli.py runs the tests below with an engagement's address instead."""
    with Workspace.open(workspace_file) as ws:
        return workspace_file, fill_checklist(ws)


def test_attach_list_detach(checklist: tuple[Path, list[int]], tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = checklist
    (tmp_path / "dpia.pdf").write_bytes(b"%PDF dpia")
    (tmp_path / "notes.txt").write_text("n")
    code, out = _run(capsys, "attach", str(path), f"compliance:{ids[3]}", str(tmp_path / "dpia.pdf"),
                     str(tmp_path / "notes.txt"))
    assert code == 0 and out.count("attached as") == 2
    code, out = _run(capsys, "attach", str(path), f"risks:{ids[4]}", str(tmp_path / "notes.txt"), "--link")
    assert code == 0 and "(linked)" in out
    code, out = _run(capsys, "attachments", str(path), f"compliance:{ids[3]}", "--json")
    listed = json.loads(out)
    assert [a["name"] for a in listed] == ["dpia.pdf", "notes.txt"] and listed[0]["size"] == 9
    (tmp_path / "notes.txt").unlink()
    code, out = _run(capsys, "attachments", str(path))
    assert out.count("\n") == 3 and "missing" in out.splitlines()[-1]
    code, out = _run(capsys, "detach", str(path), str(listed[0]["id"]))
    assert code == 0 and "dpia.pdf" in out
    with opened(path, read_only=True) as ws:  # (a file or an address)
        assert [a.name for a in attachments(ws)] == ["notes.txt", "notes.txt"]
        with ws.engine.connect() as conn:  # the detached content reclaimed (a command is its own session)
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence_blobs").scalar_one() == 1


def test_attach_refusals(checklist: tuple[Path, list[int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = checklist
    assert main(["attach", str(path), "compliance:999", str(path)]) == 1
    assert "no row 999" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["attach", str(path), "engagement:1", str(path)])
    code, out = _run(capsys, "attach", str(path), f"compliance:{ids[0]}", str(tmp_path / "absent.pdf"))
    assert code == 2 and "refused: " in out and "not a file" in out
    assert main(["detach", str(path), "42"]) == 1


def _pack(path: Path, out: Path, *extra: str) -> zipfile.ZipFile:
    assert main(["evidence-pack", str(path), str(out), *extra]) == 0
    return zipfile.ZipFile(out)


def test_the_pack_lists_every_requirement_and_its_files(checklist: tuple[Path, list[int]], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = checklist
    (tmp_path / "policy.pdf").write_bytes(b"%PDF risk policy")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as inner:
        inner.writestr("zeros.bin", b"\0" * 20_000_000)  # a zip bomb is evidence bytes, never unpacked
    (tmp_path / "bomb.zip").write_bytes(bomb.getvalue())
    main(["attach", str(path), f"compliance:{ids[0]}", str(tmp_path / "policy.pdf"), str(tmp_path / "bomb.zip")])
    main(["attach", str(path), f"compliance:{ids[2]}", str(tmp_path / "policy.pdf")])
    main(["attach", str(path), f"risks:{ids[4]}", str(tmp_path / "policy.pdf")])
    capsys.readouterr()
    pack = _pack(path, tmp_path / "pack.zip")
    names = pack.namelist()
    assert all(n.startswith("evidence-pack/") and ".." not in n.split("/") and "\\" not in n for n in names)
    assert pack.read(next(n for n in names if n.endswith("bomb.zip"))) == bomb.getvalue()
    assert sum(n.endswith("/policy.pdf") for n in names) == 3
    with pack.open("evidence-pack/index.xlsx") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:7] == ("Framework", "Reference", "Requirement", "Status", "Evidence file", "SHA-256", "Date") \
        or rows[0][:7] == ("Référentiel", "Référence", "Exigence", "Statut", "Fichier de preuve", "SHA-256", "Date")
    by_ref: dict[str, list[tuple]] = {}
    for row in rows[1:]:
        by_ref.setdefault(row[1], []).append(row)
    assert set(by_ref) == {"Art. 9", "Art. 10", "../../Art. 11", "Art. 35", str(ids[4])}  # every requirement
    assert len(by_ref["Art. 9"]) == 2 and all(r[4] in names and len(r[5]) == 64 for r in [
        (*r[:4], "evidence-pack/" + r[4], *r[5:]) for r in by_ref["Art. 9"]])
    assert by_ref["Art. 10"][0][4] is None and by_ref["Art. 10"][0][8] in ("no evidence", "aucune preuve")
    pdf_text = pack.read("evidence-pack/index.pdf")
    assert pdf_text.startswith(b"%PDF")
    summary = capsys.readouterr().out
    assert "4 requirements, 4 files, 2 without evidence" in summary


def test_the_pack_of_one_framework_and_its_pdf_text(checklist: tuple[Path, list[int]], tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    path, ids = checklist
    pack = _pack(path, tmp_path / "gdpr.zip", "--framework", "gdpr")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pack.read("evidence-pack/index.pdf"))).pages)
    assert "Art. 35" in text and "Art. 9" not in text
    with opened(path, read_only=True) as ws:  # (a file or an address)
        assert len(fetch_rows(ws, "compliance")) == 4  # the pack reads, never writes


def test_a_damaged_file_fails_the_pack_and_leaves_nothing(checklist: tuple[Path, list[int]], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    path, ids = checklist
    (tmp_path / "dpia.pdf").write_bytes(b"%PDF original")
    main(["attach", str(path), f"compliance:{ids[3]}", str(tmp_path / "dpia.pdf")])
    raw = sqlite3.connect(path)
    raw.execute("UPDATE evidence_parts SET data = ?", (b"%PDF tampered",))
    raw.commit()
    raw.close()
    out = tmp_path / "packs"
    out.mkdir()
    assert main(["evidence-pack", str(path), str(out / "pack.zip")]) != 0
    assert "damaged" in capsys.readouterr().err
    assert list(out.iterdir()) == []  # no pack, no part left behind
