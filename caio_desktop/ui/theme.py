"""The look of the application: a light, quiet theme (Fusion style, one accent colour) with a dark
navigation sidebar, so that colour is left to what carries meaning (risk levels, tiers, charts)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1F4E79"
SIDEBAR = "#1E2A38"

STYLE = f"""
QMainWindow, QWidget#workbench {{ background: #F5F6F8; }}
QListWidget#sidebar {{
    background: {SIDEBAR}; color: #DCE3EA; border: none; padding-top: 8px; outline: none;
    font-size: 10.5pt;
}}
QListWidget#sidebar::item {{ padding: 9px 14px; border-left: 3px solid transparent; }}
QListWidget#sidebar::item:hover {{ background: #2A394B; }}
QListWidget#sidebar::item:selected {{ background: #2F4259; color: white; border-left: 3px solid #6FA8DC; }}
QLabel#sidebarTitle {{ background: {SIDEBAR}; color: white; font-weight: 600; padding: 14px 14px 4px 14px; }}
QLabel#sidebarSubtitle {{ background: {SIDEBAR}; color: #9FB0C2; padding: 0 14px 10px 14px; }}
QLabel#pageTitle {{ font-size: 16pt; font-weight: 600; color: #1B2631; }}
QLabel#pageSubtitle {{ color: #5D6D7E; }}
QLabel#formHeading {{ font-size: 11.5pt; font-weight: 600; color: #1B2631; padding-bottom: 6px; }}
QLabel#sectionTitle {{ font-weight: 600; color: #1B2631; font-size: 10.5pt; }}
QLabel#fieldLabel {{ color: #5D6D7E; font-size: 8.5pt; padding-top: 5px; }}
QLabel#countLabel {{ color: #5D6D7E; padding: 0 6px; }}
QLabel#filterChip {{ background: #E3ECF5; color: {ACCENT}; border-radius: 9px; padding: 2px 8px; }}
QLabel#figureValue {{ font-size: 20pt; font-weight: 600; color: {ACCENT}; }}
QLabel#figureLabel {{ color: #5D6D7E; }}
QFrame#card {{ background: white; border: 1px solid #DDE2E8; border-radius: 6px; }}
QFrame#card:hover {{ border-color: #9DB8D3; }}
QScrollArea#detailForm, QWidget#detailBody {{ background: white; }}
QTabWidget::pane {{ border: 1px solid #DDE2E8; background: white; top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; border: 1px solid transparent; color: #43505E; }}
QTabBar::tab:selected {{ background: white; border-color: #DDE2E8; border-bottom-color: white; color: #1B2631; }}
QTableView {{ background: white; alternate-background-color: #F7F9FB; gridline-color: #E6E9ED;
             selection-background-color: #CFE0F1; selection-color: #1B2631; border: 1px solid #DDE2E8; }}
QHeaderView::section {{ background: #EEF1F4; border: none; border-right: 1px solid #DDE2E8;
                       border-bottom: 1px solid #DDE2E8; padding: 4px 6px; font-weight: 600; color: #34495E; }}
QPushButton {{ padding: 4px 12px; }}
QPushButton:disabled {{ color: #A3ADB8; }}
QPushButton:checked {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; border-radius: 3px; }}
QPushButton#primaryButton {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; border-radius: 3px;
                             padding: 4px 14px; }}
QPushButton#primaryButton:disabled {{ background: #9DB0C4; border-color: #9DB0C4; }}
QPushButton#linkButton {{ border: none; color: {ACCENT}; text-align: left; padding: 2px 0; }}
QPushButton#linkButton:hover {{ text-decoration: underline; }}
QProgressBar {{ border: 1px solid #CDD5DE; border-radius: 3px; background: #EEF1F4; text-align: center;
               height: 14px; }}
QProgressBar::chunk {{ background: #4F81BD; border-radius: 2px; }}
QStatusBar {{ background: #EEF1F4; color: #43505E; }}
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#F5F6F8"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#F7F9FB"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#4F81BD"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1B2631"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1B2631"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1B2631"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#EEF1F4"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#FFFFE8"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    app.setStyleSheet(STYLE)
