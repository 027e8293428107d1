"""The five deliverables built from the demo engagement in both languages, read back from the PDF text;
edge cases (one risk, 1,000 risks, markup in a title, empty registers, failures) on small workspaces."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from caio_desktop.interchange.deliverables.i18n import text
from caio_desktop.interchange.pdf import (
    DELIVERABLE_KINDS,
    DeliverableCancelled,
    DeliverableError,
    build_deliverable,
)
from caio_desktop.operations import create_row
from caio_desktop.workspace import Workspace
from caio_desktop.workspace.queries import fetch_rows
from tests.conftest import DEMO_TODAY

# Sections each deliverable must show (fixed-text keys), and an accented French word it prints.
SECTIONS = {
    "diagnosis": ("executive_summary", "method", "maturity", "gaps", "ai_inventory", "interview_synthesis",
                  "recommendations"),
    "roadmap": ("vision", "portfolio", "vendor_selection", "roadmap_gantt", "initiatives", "kpis"),
    "risks": ("risk_heatmaps", "risk_register", "treatment_plan", "compliance_status"),
    "steering": ("headline", "progress_by_phase", "milestones", "kpi_trends", "top_risks", "decisions_to_take",
                 "actions_overdue"),
    "handover": ("executive_summary", "maturity", "risk_heatmaps", "what_remains_open", "governance"),
}
ACCENTED = {"diagnosis": "Synthèse", "roadmap": "Sélection des solutions", "risks": "Conformité par référentiel",
            "steering": "Décisions à prendre", "handover": "Gouvernance mise en place"}


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(value: str) -> str:
    """Text with any run of whitespace (line wraps, no-break spaces) as one space."""
    return " ".join(value.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def demo_pdfs(demo_template_fr: Path, demo_template_en: Path, tmp_path_factory: pytest.TempPathFactory):
    """Every deliverable in both languages, built once for this module (from each language's demo)."""
    folder = tmp_path_factory.mktemp("deliverables")
    built: dict[tuple[str, str], Path] = {}
    for lang, template in (("fr", demo_template_fr), ("en", demo_template_en)):
        ws = Workspace.open(template, read_only=True)
        try:
            for kind in DELIVERABLE_KINDS:
                built[kind, lang] = build_deliverable(ws, kind, folder / f"{kind}-{lang}.pdf", as_of=DEMO_TODAY)
            client = fetch_rows(ws, "engagement")[0]["client_name"]
            built["client", lang] = client
        finally:
            ws.close()
    return built


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", list(DELIVERABLE_KINDS))
def test_demo_deliverable_text(demo_pdfs, kind: str, lang: str) -> None:
    pages = pdf_pages(demo_pdfs[kind, lang])
    client = demo_pdfs["client", lang]
    whole = flat("\n".join(pages))
    title = DELIVERABLE_KINDS[kind][0 if lang == "fr" else 1]
    assert title in flat(pages[0]) and flat(client) in flat(pages[0])
    for number, page in enumerate(pages[1:], start=2):  # header and footer on every page after the cover
        assert f"page {number} / {len(pages)}" in page
        assert flat(client) in flat(page)
    for key in SECTIONS[kind]:
        assert flat(text(key, lang)) in whole, f"section {key!r} missing from {kind}/{lang}"
    contents = flat(pages[1])
    assert text("contents", lang) in contents
    if lang == "fr":
        assert ACCENTED[kind] in whole
    if kind in ("risks", "steering", "handover"):
        assert "R-001" in whole


def test_demo_deliverables_default_to_the_engagement_language(demo_file_en: Path, tmp_path: Path) -> None:
    with Workspace.open(demo_file_en) as ws:
        out = build_deliverable(ws, "steering", tmp_path / "copil.pdf", as_of=DEMO_TODAY)
    whole = flat(" ".join(pdf_pages(out)))
    assert "Steering committee report" in whole and "Decisions to take" in whole
    assert "Décisions à prendre" not in whole


def test_contents_and_outline_point_at_the_sections(demo_pdfs) -> None:
    reader = PdfReader(demo_pdfs["risks", "en"])
    pages = pdf_pages(demo_pdfs["risks", "en"])
    contents_numbers = set(pages[1].split())
    titled = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline
              if not isinstance(item, list)}
    assert "2  Risk register" in titled
    for title, page in titled.items():
        assert flat(title) in flat(pages[page - 1]), f"{title!r} is not on page {page}"
        assert str(page) in contents_numbers


def test_fonts_are_embedded_and_only_ours(demo_pdfs) -> None:
    for kind in DELIVERABLE_KINDS:
        reader = PdfReader(demo_pdfs[kind, "fr"])
        names = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                names.add(str(font["/BaseFont"]))
                assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{font['/BaseFont']} not embedded"
        assert names and all("SourceSansPro" in n for n in names), names


def test_french_formats_dates_and_numbers(demo_pdfs) -> None:
    whole = flat(" ".join(pdf_pages(demo_pdfs["steering", "fr"])))
    assert "16 mars 2026" in whole
    english = flat(" ".join(pdf_pages(demo_pdfs["steering", "en"])))
    assert "16 March 2026" in english


# --- small workspaces ------------------------------------------------------------------------------------
def add_risk(ws, **values) -> int:  # noqa: ANN001
    base = {"title": "Biais du modèle de tarification", "likelihood": 4, "impact": 5, "owner": "Directeur des risques"}
    return create_row(ws, "risks", {**base, **values}).row_ids[0]


def test_one_risk_and_markup_in_a_title_prints_literally(workspace, tmp_path: Path) -> None:
    add_risk(workspace, title='<b>R&D</b> <font color="red">pilote</font> & Cie « test » 🚀',
             residual_likelihood=2, residual_impact=3)
    out = build_deliverable(workspace, "risks", tmp_path / "risks.pdf", as_of=dt.date(2026, 3, 1))
    pages = pdf_pages(out)
    whole = flat(" ".join(pages))
    assert '<b>R&D</b> <font color="red">pilote</font> & Cie « test » ?' in whole
    assert "R-001" in whole and "Assurances du Rhône" in whole
    assert len(pages) <= 6
    assert text("empty", "fr") in whole  # no treatment actions, no compliance items: a sentence, no table


def test_empty_engagement_prints_sentences_not_empty_tables(workspace, tmp_path: Path) -> None:
    for kind in DELIVERABLE_KINDS:
        out = build_deliverable(workspace, kind, tmp_path / f"{kind}.pdf", as_of=dt.date(2026, 3, 1))
        whole = flat(" ".join(pdf_pages(out)))
        assert text("empty", "fr") in whole or text("no_assessment", "fr") in whole
        assert text("total", "fr") not in whole or kind != "risks"


def test_thousand_risks_split_across_pages_with_repeated_headers(workspace, tmp_path: Path) -> None:
    from caio_desktop.operations.changes import ChangeSet
    from caio_desktop.operations.history import run_recorded
    from caio_desktop.reference.risk_matrix import load_risk_matrix

    matrix = load_risk_matrix()
    rows = []
    for n in range(1, 1001):
        li, im = n % 5 + 1, (n // 5) % 5 + 1
        rows.append({"code": f"R-{n:04d}", "title": f"Risque n°{n} : dérive du modèle « {n % 7} »", "likelihood": li,
                     "impact": im, "level": matrix.level_for(li, im), "owner": f"Équipe {n % 9}",
                     "status": "open", "treatment": "mitigate"})
    run_recorded(workspace, ChangeSet("add", "risks", "×1000", [], [], None, "risque", "risk"),
                 lambda rec: rec.insert_many("risks", rows))
    out = build_deliverable(workspace, "risks", tmp_path / "big.pdf", as_of=dt.date(2026, 3, 1))
    pages = pdf_pages(out)
    assert len(pages) > 25
    register_pages = [p for p in pages if "R-0" in p]
    assert len(register_pages) > 20
    assert all("Traitement" in p and "Prob." in p for p in register_pages)  # the header row repeats
    whole = flat(" ".join(pages))
    assert "R-0001" in whole and "R-1000" in whole


def test_failure_leaves_no_file_and_says_why(workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from caio_desktop.interchange.deliverables import risks

    add_risk(workspace)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "risks.pdf"
    target.write_bytes(b"previous issue")

    def broken(ctx):  # noqa: ANN001, ANN202
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(risks, "SECTIONS", (risks.SECTIONS[0], type(risks.SECTIONS[1])("risk_register", broken)))
    with pytest.raises(DeliverableError, match="risks deliverable.*disk on fire"):
        build_deliverable(workspace, "risks", target, as_of=dt.date(2026, 3, 1))
    assert sorted(p.name for p in folder.iterdir()) == ["risks.pdf"]
    assert target.read_bytes() == b"previous issue"


def test_cancel_from_progress_leaves_no_file(workspace, tmp_path: Path) -> None:
    add_risk(workspace)
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(DeliverableCancelled):
        build_deliverable(workspace, "risks", folder / "risks.pdf", as_of=dt.date(2026, 3, 1), progress=progress)
    assert list(folder.iterdir()) == []
    assert seen and seen[-1][0] == 2


def test_progress_reaches_the_total_and_file_is_private(workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    out = build_deliverable(workspace, "steering", tmp_path / "copil.pdf", as_of=dt.date(2026, 3, 1),
                            progress=lambda d, t: seen.append((d, t)) or True)
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_bad_requests_are_refused_clearly(workspace, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(DeliverableError, match="unknown deliverable 'budget'"):
        build_deliverable(workspace, "budget", tmp_path / "x.pdf")
    with pytest.raises(DeliverableError, match="does not exist"):
        build_deliverable(workspace, "risks", tmp_path / "missing" / "x.pdf")
    with pytest.raises(DeliverableError, match="unknown language 'de'"):
        build_deliverable(workspace, "risks", tmp_path / "x.pdf", lang="de")
    assert list(tmp_path.iterdir()) == []


def _png_logo() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 30, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def _cover_images(path: Path) -> int:
    resources = PdfReader(path).pages[0]["/Resources"]
    xobjects = resources.get("/XObject")
    return 0 if xobjects is None else sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


def test_cover_carries_the_client_logo_and_colour(workspace, tmp_path: Path) -> None:
    from caio_desktop.operations.branding import set_client_logo
    from caio_desktop.operations.rows import update_engagement

    update_engagement(workspace, {"primary_color": "#C0392B"})
    set_client_logo(workspace, _png_logo())
    out = build_deliverable(workspace, "diagnosis", tmp_path / "d.pdf", as_of=dt.date(2026, 3, 1))
    assert _cover_images(out) == 1
    cover_stream = PdfReader(out).pages[0].get_contents().get_data().decode("latin-1")
    assert ".752941 .223529 .168627 rg" in cover_stream  # the accent band in the client's colour


def test_unreadable_logo_falls_back_to_the_client_name(workspace, tmp_path: Path) -> None:
    from sqlalchemy import update

    from caio_desktop.workspace.models import Engagement

    with workspace.writing() as conn:  # a damaged file, as operations would never write it
        conn.execute(update(Engagement.__table__).values(client_logo=b"\x89PNG\r\n\x1a\nbroken", client_logo_type="png"))
    out = build_deliverable(workspace, "risks", tmp_path / "r.pdf", as_of=dt.date(2026, 3, 1))
    assert _cover_images(out) == 0
    assert "ASSURANCES DU RHÔNE" in pdf_pages(out)[0]


def test_very_long_texts_run_over_pages_instead_of_failing(workspace, tmp_path: Path) -> None:
    from caio_desktop.operations.rows import update_engagement

    notes = " ".join(f"point{n} de l'entretien" for n in range(2500)) + " FIN-DES-NOTES"
    update_engagement(workspace, {"client_name": "Groupe « Très Long » " * 20, "sponsor": "Direction " * 40})
    create_row(workspace, "interviews", {"interviewed_on": dt.date(2026, 1, 10), "person": "Jeanne", "notes": notes})
    add_risk(workspace, title="Risque " + "très " * 600 + "FIN-DU-TITRE")
    for kind in ("diagnosis", "risks"):
        out = build_deliverable(workspace, kind, tmp_path / f"{kind}.pdf", as_of=dt.date(2026, 3, 1))
        pages = pdf_pages(out)
        assert f"page {len(pages)} / {len(pages)}" in pages[-1]
        assert ("FIN-DES-NOTES" if kind == "diagnosis" else "FIN-DU-TITRE") in flat(" ".join(pages))


def test_every_register_filled_with_hostile_text_builds_every_deliverable(workspace, tmp_path: Path) -> None:
    from caio_desktop.domain.modules import MODULES
    from tests.operations.sample import sample_values

    text = '<b>x</b> & <font size="40">€</font> « ok » 🚀\nligne 2'
    for key, mod in MODULES.items():
        if mod.singleton or key == "maturity_ratings":
            continue
        for _ in range(2):
            create_row(workspace, key, sample_values(workspace, key, text=text))
    for n in range(60):  # more initiatives than one Gantt drawing holds
        create_row(workspace, "initiatives", {"title": f"Initiative {n}", "phase": "deployment",
                                              "start_date": dt.date(2026, 2, 1) + dt.timedelta(days=n),
                                              "end_date": dt.date(2026, 6, 1) + dt.timedelta(days=n)})
    for kind in DELIVERABLE_KINDS:
        out = build_deliverable(workspace, kind, tmp_path / f"{kind}.pdf", as_of=dt.date(2026, 4, 1))
        whole = flat(" ".join(pdf_pages(out)))
        assert '<b>x</b> & <font size="40">€</font> « ok » ?' in whole, kind
