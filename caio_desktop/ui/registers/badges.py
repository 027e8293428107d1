"""Colours that carry meaning in registers: risk levels from the risk matrix, AI Act tiers, quadrants.

Risk colours come from the reference risk matrix (a client's own policy may change them); the others
are fixed here so a tier looks the same on every page and in every chart.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor

from caio_desktop.domain.fields import Field, FieldKind
from caio_desktop.ui.theme import relative_luminance as _luminance

TIER_COLORS = {
    "prohibited": "#7B1F1F",
    "high": "#C62828",
    "limited": "#EF8A00",
    "minimal": "#2E7D32",
    "unclassified": "#78808A",
}
QUADRANT_COLORS = {  # the colours of the portfolio matrix's bubbles (charts/portfolio.py)
    "quick_win": "#3C8D5A",
    "strategic_bet": "#3D6A98",
    "incremental": "#C98A1B",
    "deprioritise": "#8A94A0",
}


@cache
def risk_level_colors() -> dict[str, str]:
    from caio_desktop.reference.risk_matrix import load_risk_matrix

    return {level.key: level.color for level in load_risk_matrix().levels}


def badge_color(field: Field, code: object) -> QColor | None:
    """The colour of a coded value when its field carries one (None for plain fields)."""
    if field.kind != FieldKind.CHOICE or not isinstance(code, str):
        return None
    palette = {"risk_level": risk_level_colors(), "ai_act_tier": TIER_COLORS,
               "quadrant": QUADRANT_COLORS}.get(field.choices or "")
    if not palette or code not in palette:
        return None
    return QColor(palette[code])


def text_on(color: QColor) -> QColor:
    """Near-black or white, whichever contrasts more with `color` (an orange "Limited" pill read white on
    orange at 2.5:1; it now reads dark). A badge carries its own background, so its text reads the same in
    the light and the dark scheme."""
    dark, light = QColor("#1B1B1B"), QColor("#FFFFFF")
    pill = _luminance(color)
    return dark if (pill + 0.05) / (_luminance(dark) + 0.05) >= (1.05) / (pill + 0.05) else light
