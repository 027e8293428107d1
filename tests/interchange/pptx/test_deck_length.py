"""A month with many changes does not make the committee's deck longer than a committee sits through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pptx import Presentation

from caio_desktop.interchange.deliverables import export_deliverable


def test_since_the_last_committee_keeps_the_steering_deck_within_twenty_slides(tmp_path: Path) -> None:
    # The demo as `caio demo` builds it today, exported as of today: every row was created after its
    # last committee, so the "since the last committee" registers are long (30 new risks), and each
    # keeps one slide.
    from caio_desktop.demo import build_demo
    from caio_desktop.workspace import Workspace

    build_demo(tmp_path / "demo.caio", lang="fr")
    with Workspace.open(tmp_path / "demo.caio") as ws:
        out = export_deliverable(ws, "steering", tmp_path / "copil.pptx", fmt="pptx", as_of=dt.date.today())
    slides = Presentation(str(out)).slides
    assert 10 <= len(slides) <= 20
    texts = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in slides]
    assert any("lignes de plus dans le rapport" in text for text in texts)
