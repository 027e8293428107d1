"""The theme: light or dark as Preferences says, else as the system says (followed live); readable text
in both schemes; emoji drawn from the shipped font instead of "▯"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QImage, QPainter, QPalette

from caio_desktop.ui import theme
from caio_desktop.ui.registers.badges import TIER_COLORS, risk_level_colors, text_on
from caio_desktop.ui.shell.preferences import PreferencesDialog


@pytest.fixture(autouse=True)
def _as_before(qapp) -> Iterator[None]:
    """The application as the other tests know it (font, palette, no style sheet)."""
    # widgets earlier tests closed (an import wizard) still await deletion: a style sheet set over them
    # polishes them half torn down, a crash in Qt
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    style = qapp.style().name()
    yield
    theme.set_theme_choice("system")
    qapp.setStyle(style)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def _window(qapp) -> QColor:  # noqa: ANN001
    return qapp.palette().color(QPalette.ColorRole.Window)


def test_light_and_dark_palettes_and_style_sheets(qapp) -> None:
    assert theme.apply_theme(qapp, "dark") == "dark"
    assert _window(qapp).lightness() < 60 and theme.is_dark(qapp)
    assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 200
    assert theme.DARK["base"] in qapp.styleSheet() and theme.LIGHT["base"] not in qapp.styleSheet()
    assert theme.apply_theme(qapp, "light") == "light"
    assert _window(qapp).lightness() > 230 and not theme.is_dark(qapp)
    assert theme.link_color(qapp) == QColor(theme.ACCENT)


def test_both_schemes_style_the_same_widgets() -> None:
    assert theme.LIGHT.keys() == theme.DARK.keys()
    assert theme.style_sheet(theme.LIGHT).count("{") == theme.style_sheet(theme.DARK).count("{")


@pytest.mark.parametrize("colors", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_text_reads_on_its_background_in_both_schemes(colors: dict[str, str]) -> None:
    for text, background in (("text", "base"), ("text", "window"), ("text", "alternate"), ("muted", "base"),
                             ("header_text", "header"), ("selection_text", "selection"), ("link", "base"),
                             ("accent_text", "chip"), ("tab_text", "window"), ("tooltip_text", "tooltip"),
                             ("text", "row_rejected"), ("text", "row_warning"), ("text", "row_header"),
                             ("error_text", "window"), ("error_text", "base")):
        assert theme.contrast(colors[text], colors[background]) >= 4.5, (text, background)
    assert theme.contrast("#FFFFFF", colors["accent"]) >= 4.5  # the primary button's label


def test_badges_read_in_either_scheme() -> None:
    """Badges are pills that carry their own background, so their text reads whatever the window."""
    for colour in [*risk_level_colors().values(), *TIER_COLORS.values()]:
        assert theme.contrast(text_on(QColor(colour)).name(), colour) >= 3.0, colour


def test_system_scheme_is_followed_live_while_system_is_chosen(qapp, monkeypatch) -> None:
    system = {"dark": False}
    # the offscreen platform has no scheme of its own: the system's answer and its signal are played here
    monkeypatch.setattr(theme, "system_is_dark", lambda app: system["dark"])
    hints = qapp.styleHints()
    theme.set_theme_choice("system")
    theme.apply_theme(qapp)
    assert not theme.is_dark(qapp)
    system["dark"] = True
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.is_dark(qapp)
    system["dark"] = False
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark(qapp)
    theme.set_theme_choice("dark")  # a choice of Dark holds whatever the system says
    theme.apply_theme(qapp)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.is_dark(qapp)


def test_the_system_scheme_signal_alone_switches_the_interface(qapp) -> None:
    """No stand-in for the system here: what colorSchemeChanged says is what the theme follows (the
    start-up reads the platform's palette instead of QStyleHints.colorScheme, see theme.system_is_dark)."""
    hints = qapp.styleHints()
    theme.set_theme_choice("system")
    theme.apply_theme(qapp)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.is_dark(qapp) and theme.system_is_dark(qapp)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark(qapp) and not theme.system_is_dark(qapp)


def test_preferences_theme_applies_at_once_and_is_kept(qtbot, qapp) -> None:
    dialog = PreferencesDialog("fr")
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == "system"
    assert [dialog.theme.itemData(i) for i in range(dialog.theme.count())] == ["system", "light", "dark"]
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.save()
    assert theme.is_dark(qapp)
    assert theme.theme_choice() == "dark"
    again = PreferencesDialog("fr")  # as after a restart: the settings say Dark
    qtbot.addWidget(again)
    assert again.theme.currentData() == "dark"
    qapp.setPalette(QPalette())
    from caio_desktop.ui.app import make_application

    make_application("fr")
    assert theme.is_dark(qapp)


def _drawn(font: QFont, text: str) -> QImage:
    image = QImage(64, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, 64, 40), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_emoji_are_drawn_from_the_shipped_font(qapp) -> None:
    theme.apply_theme(qapp, "light")
    family = theme.emoji_family()
    assert family == "Noto Emoji"
    assert QFontMetrics(QFont(family)).inFontUcs4(0x1F680)  # 🚀
    font = qapp.font()
    assert family in font.families()
    rocket = _drawn(font, "\U0001F680")
    assert rocket == _drawn(QFont(family, font.pointSize()), "\U0001F680")  # the emoji font's glyph
    assert rocket != _drawn(font, "\u0378")  # not the box of a character no font has
    latin = "Vue d'ensemble 17/08/2026"  # the text itself keeps its own font (the emoji font has digits)
    assert QFontMetrics(font).horizontalAdvance(latin) == QFontMetrics(
        QFont(QFontInfo(font).family(), font.pointSize())).horizontalAdvance(latin)
    from PySide6.QtWidgets import QLabel

    title = QLabel(latin)  # a page title: its style sheet sets a size, the family stays the text's
    title.setStyleSheet("font-size: 16pt; font-weight: 600;")
    title.ensurePolished()
    assert QFontInfo(title.font()).family() == QFontInfo(font).family()


def test_chart_fonts_fall_back_to_the_emoji_font() -> None:
    from caio_desktop.ui.charts import theme as chart_theme

    assert chart_theme.font(11).families()[-1] == theme.emoji_family()
