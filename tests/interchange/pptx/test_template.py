"""Templates: the client's .pptx/.potx gives the deck its masters, layouts (found by localized name or by
type) and theme; one lacking a layout is named in a warning and ours is used; the default template is
what its script makes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches

from caio_desktop.interchange.pptx import check_template, default_template
from caio_desktop.interchange.pptx.make_template import build
from caio_desktop.interchange.pptx.template import as_presentation_bytes
from tests.interchange.pptx.readback import open_deck, overflowing, titles
from tests.interchange.pptx.sample import sample_document

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
LATIN = f".//{{{A}}}fontScheme/*/{{{A}}}latin"  # the theme's major and minor fonts


def _theme(prs) -> etree._Element:  # noqa: ANN001
    return etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)


def _as_potx(prs, path: Path) -> Path:  # noqa: ANN001
    """Save `prs` as a template (.potx): the same package with the template content type."""
    from caio_desktop.interchange.pptx.make_template import _as_template

    buffer = io.BytesIO()
    prs.save(buffer)
    path.write_bytes(_as_template(buffer.getvalue()))
    return path


def client_template(path: Path, *, drop: tuple[str, ...] = ()) -> Path:
    """A 4:3 template in French with a house layout name, a Georgia theme named "Maison", one sample slide."""
    prs = Presentation()
    names = {"Title Slide": "Diapositive de titre", "Title and Content": "Corps maison", "Title Only": "Titre seul"}
    for layout in list(prs.slide_layouts):
        if layout.name in drop:
            prs.slide_layouts.remove(layout)
        elif layout.name in names:
            layout.element.cSld.set("name", names[layout.name])
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "SAMPLE SLIDE OF THE CLIENT"
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(theme_part.blob)
    theme.set("name", "Maison")
    for latin in theme.findall(LATIN):
        latin.set("typeface", "Georgia")
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _as_potx(prs, path)


def test_python_pptx_refuses_a_potx_that_we_open_in_memory(tmp_path):
    path = client_template(tmp_path / "client.potx")
    with pytest.raises(ValueError):
        Presentation(str(path))
    assert Presentation(io.BytesIO(as_presentation_bytes(path.read_bytes()))).slide_layouts
    assert check_template(path) == []


def test_deck_uses_the_client_template_layouts_theme_and_size(render_deck, tmp_path):
    path = client_template(tmp_path / "client.potx")
    before = path.read_bytes()
    out, warnings, _ = render_deck(sample_document(risks=25), template=path)
    assert warnings == []
    assert path.read_bytes() == before  # the user's file is only read
    prs = open_deck(out)
    layouts = {slide.slide_layout.name for slide in prs.slides}
    assert layouts == {"Diapositive de titre", "Corps maison", "Titre seul"}  # by name, and "obj" by type
    theme = _theme(prs)
    assert theme.get("name") == "Maison"
    assert {e.get("typeface") for e in theme.findall(LATIN)} == {"Georgia"}
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(7.5))
    assert "SAMPLE SLIDE OF THE CLIENT" not in titles(prs)  # the template's own slides are removed
    assert overflowing(prs) == []  # the 4:3 content area was read from the template


def test_template_lacking_a_layout_is_named_and_ours_is_used(render_deck, tmp_path):
    path = client_template(tmp_path / "short.potx", drop=("Title Only",))
    # "Title Only" also goes by its type: remove that too so that nothing can stand in for it
    missing = check_template(path)
    assert len(missing) == 1 and '"Title Only"' in missing[0] and "Titre seul" in missing[0]
    out, warnings, _ = render_deck(sample_document(), template=path)
    assert len(warnings) == 1
    assert "short.potx" in warnings[0] and '"Title Only"' in warnings[0] and "default CAIO template" in warnings[0]
    prs = open_deck(out)
    assert _theme(prs).get("name") == "CAIO"
    assert {slide.slide_layout.name for slide in prs.slides} <= {"Title Slide", "Title and Content", "Title Only"}


def test_a_file_that_is_no_presentation_falls_back(render_deck, tmp_path):
    path = tmp_path / "notes.pptx"
    path.write_text("not a presentation")
    assert check_template(path)[0].startswith("notes.pptx: not a PowerPoint")
    out, warnings, _ = render_deck(sample_document(), template=path)
    assert "notes.pptx" in warnings[0]
    assert _theme(open_deck(out)).get("name") == "CAIO"


def test_default_template_is_what_its_script_makes():
    shipped = default_template()
    assert shipped.read_bytes() == build(), "re-run python -m caio_desktop.interchange.pptx.make_template"
    assert check_template(shipped) == []
    prs = Presentation(io.BytesIO(as_presentation_bytes(shipped.read_bytes())))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9
    assert len(prs.slides) == 0
