"""The audit pack: every requirement of the compliance checklists with its evidence, as one zip.

    evidence-pack/
      index.xlsx, index.pdf            requirement, status, evidence file, checksum, date (gaps included)
      AI Act/Art. 9 Risk management system/DPIA.pdf
      other evidence/risks 12 Biais du modèle/analyse.xlsx

Every name in the zip is built from `clean_name` components under one root folder, so no entry can
point outside it whatever the stored names were (`..`, separators, control characters). Stored bytes
are streamed from the workspace into the zip chunk by chunk and checked against their checksum; the
zip is written under a temporary name (`atomic_output`) and appears only whole. A zip attached as
evidence is copied as bytes, never unpacked.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caio_desktop.domain.enums import ENUMERATIONS
from caio_desktop.domain.evidence import EVIDENCE_MODULES, clean_name, unique_name
from caio_desktop.domain.modules import module
from caio_desktop.interchange.atomic_file import atomic_output
from caio_desktop.operations.evidence import AttachmentInfo, attachments
from caio_desktop.workspace import evidence as store
from caio_desktop.workspace.queries import row_label

ROOT = "evidence-pack"
# The CLI's short names and the codes of the `framework` enumeration.
FRAMEWORK_CODES = {"ai_act": "ai_act", "iso42001": "iso42001", "gdpr": "gdpr", "nist": "nist_ai_rmf"}
_HEADERS = {
    "en": ("Framework", "Reference", "Requirement", "Status", "Evidence file", "SHA-256", "Date", "Attached by",
           "Note"),
    "fr": ("Référentiel", "Référence", "Exigence", "Statut", "Fichier de preuve", "SHA-256", "Date", "Joint par",
           "Remarque"),
}
_GAP = {"en": "no evidence", "fr": "aucune preuve"}
_MISSING = {"en": "linked file missing", "fr": "fichier lié introuvable"}
_OTHER = {"en": "other evidence", "fr": "autres preuves"}


@dataclass(frozen=True)
class PackSummary:
    requirements: int
    files: int
    gaps: int


@dataclass(frozen=True)
class IndexLine:
    """One line of the index: a requirement and one of its files (or none: a gap)."""

    framework: str
    reference: str
    requirement: str
    status: str
    file: str  # the path inside the pack, or empty
    sha256: str
    date: str
    who: str
    note: str


def _requirements(workspace: Any, framework: str | None) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from caio_desktop.operations.recorder import table

    t = table("compliance")
    statement = select(t).order_by(t.c.framework, t.c.id)
    if framework:
        statement = statement.where(t.c.framework == FRAMEWORK_CODES.get(framework, framework))
    with workspace.engine.connect() as conn:
        return [dict(r) for r in conn.execute(statement).mappings()]


def build_index(workspace: Any, *, framework: str | None = None, lang: str = "en"
                ) -> tuple[list[IndexLine], list[tuple[str, AttachmentInfo]]]:
    """The index lines and the files to pack (path in the zip, attachment), without writing anything."""
    frameworks = ENUMERATIONS["framework"]
    statuses = ENUMERATIONS["compliance_status"]
    by_row: dict[tuple[str, int], list[AttachmentInfo]] = {}
    for info in attachments(workspace):
        by_row.setdefault((info.module, info.row_id), []).append(info)
    lines: list[IndexLine] = []
    files: list[tuple[str, AttachmentInfo]] = []
    folders: set[str] = set()
    for req in _requirements(workspace, framework):
        fw = frameworks.label(req["framework"], lang)
        folder = f"{ROOT}/{clean_name(fw)}/" + unique_name(
            clean_name(f"{req['reference']} {str(req['requirement'])[:80]}", fallback=f"requirement {req['id']}"),
            folders)
        status = statuses.label(req["status"], lang) if req["status"] else ""
        found = by_row.get(("compliance", req["id"]), [])
        common = {"framework": fw, "reference": req["reference"], "requirement": req["requirement"], "status": status}
        if not found:
            lines.append(IndexLine(**common, file="", sha256="", date="", who="", note=_GAP[lang]))
        names: set[str] = set()
        for info in found:
            member = f"{folder}/{unique_name(clean_name(info.name), names)}"
            missing = info.missing
            if not missing:
                files.append((member, info))
            lines.append(IndexLine(**common, file="" if missing else member.removeprefix(f"{ROOT}/"),
                                   sha256=info.sha256 or "", date=f"{info.attached_at:%Y-%m-%d}",
                                   who=info.attached_by or "", note=_MISSING[lang] if missing else ""))
    if framework is None:  # evidence on the other registers (risks, decisions…), one folder per row
        for module_key in EVIDENCE_MODULES:
            if module_key == "compliance":
                continue
            mod = module(module_key)
            for (key, row_id), found in sorted(by_row.items()):
                if key != module_key:
                    continue
                label = _label(workspace, mod, row_id)
                folder = f"{ROOT}/{clean_name(_OTHER[lang])}/" + unique_name(
                    clean_name(f"{mod.label(lang)} {row_id} {label}"[:120]), folders)
                names = set()
                for info in found:
                    member = f"{folder}/{unique_name(clean_name(info.name), names)}"
                    if not info.missing:
                        files.append((member, info))
                    lines.append(IndexLine(
                        framework=mod.label(lang), reference=str(row_id), requirement=label, status="",
                        file="" if info.missing else member.removeprefix(f"{ROOT}/"), sha256=info.sha256 or "",
                        date=f"{info.attached_at:%Y-%m-%d}", who=info.attached_by or "",
                        note=_MISSING[lang] if info.missing else ""))
    return lines, files


def _label(workspace: Any, mod: Any, row_id: int) -> str:
    from sqlalchemy import select

    from caio_desktop.operations.recorder import table

    t = table(mod.key)
    with workspace.engine.connect() as conn:
        row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    return row_label(mod, dict(row)) if row else ""


def write_evidence_pack(workspace: Any, out: Path, *, framework: str | None = None, lang: str | None = None,
                        progress: Any = None) -> PackSummary:
    """Write the pack to `out` (whole or not at all); `progress(done, total)` after each file."""
    lang = lang or workspace.engagement().language
    lines, files = build_index(workspace, framework=framework, lang=lang)
    out = Path(out)
    with atomic_output(out) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED,
                                                    allowZip64=True) as pack:
        for done, (member, info) in enumerate(files, start=1):
            _copy_into(workspace, pack, member, info)
            if progress:
                progress(done, len(files))
        index_xlsx = tmp.with_name(tmp.name + ".xlsx")
        index_pdf = tmp.with_name(tmp.name + ".pdf")
        try:
            _write_workbook(lines, index_xlsx, lang)
            pack.write(index_xlsx, f"{ROOT}/index.xlsx")
            _write_pdf(lines, index_pdf, lang, title=workspace.engagement().client_name)
            pack.write(index_pdf, f"{ROOT}/index.pdf")
        finally:
            index_xlsx.unlink(missing_ok=True)
            index_pdf.unlink(missing_ok=True)
    gaps = sum(1 for line in lines if line.note == _GAP[lang])
    return PackSummary(requirements=len(_requirements(workspace, framework)), files=len(files), gaps=gaps)


def _copy_into(workspace: Any, pack: zipfile.ZipFile, member: str, info: AttachmentInfo) -> None:
    """Stream one attachment into the zip: stored bytes chunk by chunk (checked), a linked file as it is."""
    entry = zipfile.ZipInfo(member, date_time=info.attached_at.timetuple()[:6])  # the day it was attached
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16  # confidential client documents: owner only when unpacked
    with pack.open(entry, "w", force_zip64=True) as target:
        if info.link is not None:
            with open(info.link, "rb") as source:
                while chunk := source.read(store.CHUNK_BYTES):
                    target.write(chunk)
            return
        with workspace.engine.connect() as conn:
            for chunk in store.chunks(conn, info.sha256 or "", path=workspace.location):
                target.write(chunk)


def _write_workbook(lines: list[IndexLine], path: Path, lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Index"
    sheet.append(list(_HEADERS[lang]))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append([_cell(v) for v in (line.framework, line.reference, line.requirement, line.status, line.file,
                                          line.sha256, line.date, line.who, line.note)])
    for column, width in zip("ABCDEFGHI", (14, 14, 60, 14, 50, 66, 12, 16, 20), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.save(path)


def _cell(value: str) -> str:
    """A cell value that no spreadsheet reads as a formula (names and requirements are free text)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _write_pdf(lines: list[IndexLine], path: Path, lang: str, *, title: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    from caio_desktop.interchange.pdf.fonts import BOLD, REGULAR, markup, register_fonts

    register_fonts()
    small = ParagraphStyle("cell", fontName=REGULAR, fontSize=7, leading=8.5)
    heading = ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18)
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=28, rightMargin=28, topMargin=28,
                            bottomMargin=28, title=f"{title} — {'Audit pack' if lang == 'en' else 'Dossier de preuves'}")
    headers = _HEADERS[lang]
    rows = [[Paragraph(markup(h), small) for h in headers]]
    for line in lines:
        rows.append([Paragraph(markup(v), small) for v in (
            line.framework, line.reference, line.requirement, line.status, line.file, line.sha256[:16],
            line.date, line.who, line.note)])
    table = LongTable(rows, colWidths=(52, 52, 200, 52, 170, 70, 48, 56, 56), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    name = "Audit pack — index of evidence" if lang == "en" else "Dossier de preuves — index"
    doc.build([Paragraph(markup(f"{title}: {name}"), heading), Spacer(1, 8), table])
