"""The look of the application: a quiet theme (Fusion style, one accent colour) with a dark navigation
sidebar, so that colour is left to what carries meaning (risk levels, tiers, charts); light or dark.

The scheme follows the system's (QStyleHints.colorScheme, Qt 6.5+, followed live while "System" is
chosen) unless Preferences says Light or Dark (`ui/theme` in the settings). Both schemes are one style
sheet filled from one table of roles (`LIGHT`, `DARK`), so a widget styled for one is styled for both.
Charts keep their white paper in either scheme: they are the figures of the deliverables, and their
colours (risk levels, tiers, series) were chosen against white.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QPalette
from PySide6.QtWidgets import QApplication

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"  # no importlib.resources at start-up
EMOJI_FONT = "NotoEmoji-Regular.ttf"  # Noto Emoji, monochrome, SIL OFL 1.1 (OFL-NotoEmoji.txt beside it)
THEMES = ("system", "light", "dark")
ACCENT = "#1F4E79"
SIDEBAR = "#1E2A38"

# role → colour; every colour of the style sheet comes from here
LIGHT = {
    "window": "#F5F6F8", "base": "#FFFFFF", "alternate": "#F7F9FB", "text": "#1B2631", "muted": "#5D6D7E",
    "tab_text": "#43505E", "border": "#DDE2E8", "grid": "#E6E9ED", "header": "#EEF1F4", "header_text": "#34495E",
    "selection": "#CFE0F1", "selection_text": "#1B2631", "accent": ACCENT, "accent_text": ACCENT,
    "chip": "#E3ECF5", "card_hover": "#9DB8D3", "disabled": "#A3ADB8", "primary_disabled": "#9DB0C4",
    "progress": "#CDD5DE", "chunk": "#4F81BD", "button": "#EEF1F4", "tooltip": "#FFFFE8",
    "tooltip_text": "#1B2631", "highlight": "#4F81BD", "link": ACCENT, "sidebar": SIDEBAR,
    "sidebar_hover": "#2A394B", "sidebar_selected": "#2F4259",
    # rows of the import wizard (preview: rejected, warned; sheet: the header row) and its error text
    "row_rejected": "#F8D7DA", "row_warning": "#FFF3CD", "row_header": "#DCE8F5", "error_text": "#B00020",
}
DARK = {
    "window": "#1B1F24", "base": "#22272E", "alternate": "#272D35", "text": "#E3E8EE", "muted": "#9AA7B4",
    "tab_text": "#AEB9C5", "border": "#39424D", "grid": "#323A44", "header": "#2B323B", "header_text": "#CDD6E0",
    "selection": "#2F4D6E", "selection_text": "#F1F5F9", "accent": "#3D78B0", "accent_text": "#8CBBE8",
    "chip": "#2C3F55", "card_hover": "#5E7FA3", "disabled": "#6B7683", "primary_disabled": "#3A4A5C",
    "progress": "#46505C", "chunk": "#4F81BD", "button": "#2D343D", "tooltip": "#2D343D",
    "tooltip_text": "#E3E8EE", "highlight": "#3D78B0", "link": "#8CBBE8", "sidebar": "#141A21",
    "sidebar_hover": "#1F2934", "sidebar_selected": "#263445",
    # deep tints of the same hues: the light ones under the dark scheme's pale text read at about 1.2:1
    "row_rejected": "#5C2B31", "row_warning": "#4F4118", "row_header": "#24405E", "error_text": "#FF8A80",
}

STYLE = """
QMainWindow, QWidget#workbench {{ background: {window}; }}
QListWidget#sidebar {{
    background: {sidebar}; color: #DCE3EA; border: none; padding-top: 8px; outline: none;
    font-size: 10.5pt;
}}
QListWidget#sidebar::item {{ padding: 9px 14px; border-left: 3px solid transparent; }}
QListWidget#sidebar::item:hover {{ background: {sidebar_hover}; }}
QListWidget#sidebar::item:selected {{ background: {sidebar_selected}; color: white; border-left: 3px solid #6FA8DC; }}
QLabel#sidebarTitle {{ background: {sidebar}; color: white; font-weight: 600; padding: 14px 14px 4px 14px; }}
QLabel#sidebarSubtitle {{ background: {sidebar}; color: #9FB0C2; padding: 0 14px 10px 14px; }}
QLabel#pageTitle {{ font-size: 16pt; font-weight: 600; color: {text}; }}
QLabel#pageSubtitle {{ color: {muted}; }}
QLabel#formHeading {{ font-size: 11.5pt; font-weight: 600; color: {text}; padding-bottom: 6px; }}
QLabel#sectionTitle {{ font-weight: 600; color: {text}; font-size: 10.5pt; }}
QLabel#fieldLabel {{ color: {muted}; font-size: 8.5pt; padding-top: 5px; }}
QLabel#countLabel {{ color: {muted}; padding: 0 6px; }}
QLabel#filterChip {{ background: {chip}; color: {accent_text}; border-radius: 9px; padding: 2px 8px; }}
QLabel#figureValue {{ font-size: 20pt; font-weight: 600; color: {accent_text}; }}
QLabel#figureLabel {{ color: {muted}; }}
QFrame#card {{ background: {base}; border: 1px solid {border}; border-radius: 6px; }}
QFrame#card:hover {{ border-color: {card_hover}; }}
QScrollArea#detailForm, QWidget#detailBody {{ background: {base}; }}
QTabWidget::pane {{ border: 1px solid {border}; background: {base}; top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; border: 1px solid transparent; color: {tab_text}; }}
QTabBar::tab:selected {{ background: {base}; border-color: {border}; border-bottom-color: {base}; color: {text}; }}
QTableView {{ background: {base}; alternate-background-color: {alternate}; gridline-color: {grid};
             selection-background-color: {selection}; selection-color: {selection_text}; border: 1px solid {border}; }}
QHeaderView::section {{ background: {header}; border: none; border-right: 1px solid {border};
                       border-bottom: 1px solid {border}; padding: 4px 6px; font-weight: 600; color: {header_text}; }}
QHeaderView {{ background: {base}; }}
QTableCornerButton::section {{ background: {header}; border: none; border-right: 1px solid {border};
                              border-bottom: 1px solid {border}; }}
QPushButton {{ padding: 4px 12px; }}
QPushButton:disabled {{ color: {disabled}; }}
QPushButton:checked {{ background: {accent}; color: white; border: 1px solid {accent}; border-radius: 3px; }}
QPushButton#primaryButton {{ background: {accent}; color: white; border: 1px solid {accent}; border-radius: 3px;
                             padding: 4px 14px; }}
QPushButton#primaryButton:disabled {{ background: {primary_disabled}; border-color: {primary_disabled}; }}
QPushButton#linkButton {{ border: none; color: {accent_text}; text-align: left; padding: 2px 0; }}
QPushButton#linkButton:hover {{ text-decoration: underline; }}
QProgressBar {{ border: 1px solid {progress}; border-radius: 3px; background: {header}; text-align: center;
               height: 14px; }}
QProgressBar::chunk {{ background: {chunk}; border-radius: 2px; }}
QStatusBar {{ background: {header}; color: {tab_text}; }}
QToolTip {{ background: {tooltip}; color: {tooltip_text}; border: 1px solid {border}; }}
QLabel#errorText {{ color: {error_text}; }}
"""


def style_sheet(colors: dict[str, str]) -> str:
    return STYLE.format(**colors)


def theme_choice() -> str:
    """"system", "light" or "dark", as chosen in Preferences (the system's scheme until then)."""
    from caio_desktop.ui import settings

    value = settings.app_settings().value("ui/theme")
    return str(value) if value in THEMES else "system"


def set_theme_choice(choice: str) -> None:
    from caio_desktop.ui import settings

    if choice not in THEMES:
        raise ValueError(f"unknown theme {choice!r}; expected one of {', '.join(THEMES)}")
    settings.app_settings().setValue("ui/theme", choice)


# app id → whether the system is dark: first read off the platform's palette, then as the system tells.
_SYSTEM_DARK: dict[int, bool] = {}


def system_is_dark(app: QApplication) -> bool:
    """Whether the system asks for dark.

    At start-up this is read off the palette Qt gave the application from the platform (dark when the
    system is: Qt 6.5+ follows the scheme), not from `QStyleHints.colorScheme()`: returning a
    `Qt.ColorScheme` makes PySide6 build every enum of the `Qt` namespace, 30 ms of a cold start that
    otherwise names none (docs/performance.md). Once the system reports a change, its word is kept."""
    known = _SYSTEM_DARK.get(id(app))
    if known is None:
        known = _SYSTEM_DARK[id(app)] = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return known


def _scheme_changed(app: QApplication, scheme: object) -> None:
    from PySide6.QtCore import Qt  # (the change itself carries a Qt enum: its namespace exists by now)

    _SYSTEM_DARK[id(app)] = scheme == Qt.ColorScheme.Dark
    if theme_choice() == "system":
        apply_theme(app)


def is_dark(app: QApplication | None = None) -> bool:
    """Whether the interface is dark now (the palette's window colour says it, whoever set it)."""
    app = app or QApplication.instance()
    return app is not None and app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors(app: QApplication | None = None) -> dict[str, str]:
    """The role colours of the scheme shown (for widgets that paint or style themselves)."""
    return DARK if is_dark(app) else LIGHT


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of `color`, what a contrast ratio is computed from."""
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21 (text wants 4.5 on its background)."""
    high, low = sorted((relative_luminance(QColor(a)), relative_luminance(QColor(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def link_color(app: QApplication | None = None) -> QColor:
    """The colour of text that is a link or a marker in a table: the accent, lightened in dark."""
    return QColor(colors(app)["link"])


def palette_of(c: dict[str, str]) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, key in ((role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alternate"),
                      (role.Highlight, "highlight"), (role.Text, "text"), (role.WindowText, "text"),
                      (role.ButtonText, "text"), (role.Button, "button"), (role.ToolTipBase, "tooltip"),
                      (role.ToolTipText, "tooltip_text"), (role.PlaceholderText, "muted"), (role.Link, "link"),
                      (role.BrightText, "text")):
        palette.setColor(name, QColor(c[key]))
    palette.setColor(role.HighlightedText, QColor("white"))
    for name, key in ((role.Text, "disabled"), (role.WindowText, "disabled"), (role.ButtonText, "disabled")):
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor(c[key]))
    if c is DARK:  # Fusion draws bevels and frames from these: keep them in the dark range
        for name, value in ((role.Light, "#3A424D"), (role.Midlight, "#313842"), (role.Mid, "#2A3038"),
                            (role.Dark, "#15191E"), (role.Shadow, "#0C0F12")):
            palette.setColor(name, QColor(value))
    return palette


_FOLLOWING: list[QApplication] = []


def apply_theme(app: QApplication, choice: str | None = None) -> str:
    """Style `app` in the chosen scheme ("system" follows the system's, live); returns "light" or "dark"."""
    app.setStyle("Fusion")
    choice = choice or theme_choice()
    if id(app) not in _SYSTEM_DARK:  # before our palette replaces the platform's
        system_is_dark(app)
    dark = choice == "dark" or (choice == "system" and system_is_dark(app))
    c = DARK if dark else LIGHT
    app.setPalette(palette_of(c))
    font = with_emoji(QFont(app.font()))
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    app.setStyleSheet(style_sheet(c))
    hints = app.styleHints()
    if app not in _FOLLOWING and hasattr(hints, "colorSchemeChanged"):
        _FOLLOWING.append(app)  # once per application: a change of the system's scheme, while "System"
        hints.colorSchemeChanged.connect(lambda scheme: _scheme_changed(app, scheme))
    return "dark" if dark else "light"


@cache
def emoji_family() -> str:
    """The family of the shipped emoji font, registered once per process ("" if it cannot be read).

    A communication or a risk typed with an emoji ("Lancement 🚀") showed "▯": the interface's fonts
    have no emoji, and a laptop may have none either. Noto Emoji is monochrome, so an emoji takes the
    colour of the text around it like any other glyph (and reads in dark mode too)."""
    font_id = QFontDatabase.addApplicationFont(str(FONTS / EMOJI_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def with_emoji(font: QFont) -> QFont:
    """`font` with the emoji font as its last fallback: Qt draws each character from the first family
    of the list that has it. An alias ("Sans Serif") is first replaced by the family it resolves to, or
    Qt could take the emoji font, which has digits and spaces, as the text's font."""
    emoji = emoji_family()
    families = list(font.families()) or [font.family()]
    if emoji and emoji not in families:
        families[0] = QFontInfo(font).family() or families[0]
        font.setFamilies([*families, emoji])
    return font
