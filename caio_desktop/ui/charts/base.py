"""`ChartWidget`: what every chart shares — language, empty-state message, hover tooltips and highlight,
clickable marks, the footnote line and live refresh from an `AppContext`.

A chart computes a *layout* (geometry of every mark for the current size and data) lazily, and paints
from it; hit-testing for tooltips and clicks uses the same layout, so what is clicked is what is drawn.
Subclasses implement `_compute_layout(rect)` (returning a `ChartLayout`), `_paint(painter, layout)`,
`_empty_message()` and `refresh(workspace, lang)`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QToolTip, QWidget

from caio_desktop.ui.charts import theme

# "dans « Feuille de route et indicateurs »" / "under “Roadmap & KPIs”" in an empty message
_PAGE_NAME = re.compile(r"dans « [^»]+ »|under “[^”]+”")


@dataclass
class Hotspot:
    """A mark people can point at: its shape, a key naming it (e.g. a row id) and its tooltip — text, or
    a function giving it when first shown (when the text costs a query)."""

    shape: QRectF | QPainterPath
    key: Hashable
    tooltip: str | Callable[[], str]
    clickable: bool = True

    @property
    def text(self) -> str:
        if callable(self.tooltip):
            self.tooltip = self.tooltip()
        return self.tooltip

    def contains(self, point: QPointF) -> bool:
        return self.shape.contains(point)


@dataclass
class ChartLayout:
    """Geometry of a chart for one size; subclasses add their own fields."""

    rect: QRectF
    hotspots: list[Hotspot] = field(default_factory=list)


class ChartWidget(QWidget):
    """Base of the chart widgets (see the module docstring for how subclasses plug in).

    `tables` names the workspace tables a chart reads: `follow(context)` refreshes the chart when an
    edit, an undo or a redo touches one of them.
    """

    tables: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self._lang = lang
        self._layout_cache: ChartLayout | None = None
        self._hovered: Hashable | None = None
        self._highlighted: Hashable | None = None
        self._context: Any = None
        self._stale = False
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)
        # Where the rows a chart draws are added, when it sits beside their register: (fr, en), e.g.
        # ("dans le registre ci-dessous", "in the register below"). Its empty message then says that
        # instead of naming the page the person is already on.
        self.beside_register: tuple[str, str] | None = None

    # --- language and data -------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        """Switch the texts of the chart to "fr" or "en"."""
        if lang != self._lang:
            self._lang = lang
            self._changed()

    def fr_en(self, fr: str, en: str) -> str:
        """The French or English text, in the chart's language."""
        return fr if self._lang == "fr" else en

    def located(self, text: str) -> str:
        """An empty message's « Page » / “Page” made `beside_register` when the chart is beside it."""
        if self.beside_register is None:
            return text
        here = self.beside_register[0] if self._lang == "fr" else self.beside_register[1]
        return _PAGE_NAME.sub(here, text, count=1)

    def counted(self, n: int, fr: tuple[str, str], en: tuple[str, str]) -> str:
        """The singular or plural template ("{n} risque", "{n} risques") for `n`, filled in: French
        takes the singular for 0 and 1, English for 1 only."""
        one, many = fr if self._lang == "fr" else en
        singular = n <= 1 if self._lang == "fr" else n == 1
        return (one if singular else many).format(n=n)

    def locale(self) -> QLocale:
        """The Qt locale of the chart's language (month names), whatever the system's locale."""
        return QLocale(QLocale.Language.French if self._lang == "fr" else QLocale.Language.English,
                       QLocale.Country.France if self._lang == "fr" else QLocale.Country.UnitedKingdom)

    def date_text(self, day: dt.date) -> str:
        """A day as readers of the language write it: 20/02/2026, 20 Feb 2026."""
        return self.locale().toString(QDate(day.year, day.month, day.day),
                                      "dd/MM/yyyy" if self._lang == "fr" else "dd MMM yyyy")

    def month_text(self, day: dt.date) -> str:
        """A month on an axis: "févr. 26", "Feb 26"."""
        return self.locale().toString(QDate(day.year, day.month, 1), "MMM yy")

    def pair(self, label: str, value: object) -> str:
        """"Label : value" in French typography, "Label: value" in English (tooltip lines)."""
        return f"{label} : {value}" if self._lang == "fr" else f"{label}: {value}"

    @property
    def message(self) -> str:
        """What the chart says instead of drawing when there is nothing to show ("" when it draws)."""
        return self._empty_message()

    def _empty_message(self) -> str:
        raise NotImplementedError

    def caption(self) -> str:
        """The line at the top of the chart saying what it shows ("" for none)."""
        return ""

    def _paint_caption(self, painter: QPainter, rect: QRectF) -> None:
        painter.setFont(theme.font(13, bold=True))
        painter.setPen(theme.INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.caption())

    def footnote(self) -> str:
        """A line under the chart about what it leaves out (e.g. rows without scores); "" for none."""
        return ""

    def refresh(self, workspace: Any, lang: str) -> None:  # noqa: ARG002 - subclasses read the workspace
        raise NotImplementedError

    def clear(self) -> None:
        """Show no data (the workspace was closed)."""
        raise NotImplementedError

    def _changed(self) -> None:
        """The data, the language or an option changed: lay out again and repaint."""
        self._layout_cache = None
        self._hovered = None
        # Screen readers get what the picture says: its caption, and the empty-state text or footnote.
        self.setAccessibleName(self.caption())
        self.setAccessibleDescription(self.message or self.footnote())
        self.updateGeometry()
        self.update()

    # --- layout and hit-testing --------------------------------------------------------------------
    def chart_layout(self) -> ChartLayout:
        """The geometry of every mark at the current size (computed once per size and data)."""
        rect = QRectF(self.rect())
        if self._layout_cache is None or self._layout_cache.rect != rect:
            self._layout_cache = self._compute_layout(rect)
        return self._layout_cache

    def _compute_layout(self, rect: QRectF) -> ChartLayout:
        raise NotImplementedError

    def hotspot_at(self, point: QPointF) -> Hotspot | None:
        """The top-most mark under `point` (widget coordinates), if any."""
        if self.message:
            return None
        for hotspot in reversed(self.chart_layout().hotspots):
            if hotspot.contains(QPointF(point)):
                return hotspot
        return None

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip shown when hovering `point` ("" when nothing is there)."""
        hotspot = self.hotspot_at(point)
        return hotspot.text if hotspot else ""

    def set_highlighted(self, key: Hashable | None) -> None:
        """Mark one mark as the current one (e.g. the row selected in the table beside the chart)."""
        if key != self._highlighted:
            self._highlighted = key
            self.update()

    @property
    def highlighted(self) -> Hashable | None:
        return self._highlighted

    def marked(self, key: Hashable) -> bool:
        """Whether a mark is drawn emphasised: under the mouse or highlighted."""
        return key is not None and key in (self._hovered, self._highlighted)

    @property
    def hovered(self) -> Hashable | None:
        """Key of the mark under the mouse (drawn highlighted)."""
        return self._hovered

    # --- Qt events ---------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = self.tooltip_at(QPointF(help_event.pos()))
            if text:
                QToolTip.showText(help_event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        hotspot = self.hotspot_at(event.position())
        key = hotspot.key if hotspot else None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hotspot and hotspot.clickable
                       else Qt.CursorShape.ArrowCursor)
        if key != self._hovered:
            self._hovered = key
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if self._hovered is not None:
            self._hovered = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            hotspot = self.hotspot_at(event.position())
            self._clicked(hotspot.key if hotspot and hotspot.clickable else None)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            hotspot = self.hotspot_at(event.position())
            if hotspot and hotspot.clickable:
                self._double_clicked(hotspot.key)
        super().mouseDoubleClickEvent(event)

    def _clicked(self, key: Hashable | None) -> None:
        """A left click on the mark `key` (None: on the background)."""

    def _double_clicked(self, key: Hashable) -> None:
        """A double click on the mark `key`."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), theme.BACKGROUND)
        message = self.message
        if message:
            self._paint_message(painter, message)
        else:
            self._paint(painter, self.chart_layout())
        painter.end()

    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        raise NotImplementedError

    def _paint_message(self, painter: QPainter, message: str) -> None:
        """The empty state: the chart's caption, then a dashed frame holding a headline (the message's
        first line) and what would make the chart appear (the rest)."""
        frame = QRectF(self.rect()).adjusted(12, 12, -12, -12)
        if self.caption():
            self._paint_caption(painter, QRectF(frame.left() + 2, frame.top(), frame.width(), 22))
            frame.setTop(frame.top() + 30)
        painter.setPen(QPen(theme.GRID, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(theme.tint(theme.PANEL, 0.3))
        painter.drawRoundedRect(frame, 8, 8)
        headline, _, body = message.partition("\n")
        text_rect = frame.adjusted(24, 16, -24, -16)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        head_font, body_font = theme.font(15, bold=True), theme.font(13)
        head_h = QFontMetricsF(head_font).boundingRect(text_rect, int(flags), headline).height()
        body_h = QFontMetricsF(body_font).boundingRect(text_rect, int(flags), body).height() if body else 0.0
        top = text_rect.top() + max(0.0, (text_rect.height() - head_h - body_h - 8) / 2)
        painter.setFont(head_font)
        painter.setPen(theme.TEXT)
        painter.drawText(QRectF(text_rect.left(), top, text_rect.width(), head_h), flags, headline)
        if body:
            painter.setFont(body_font)
            painter.setPen(theme.MUTED)
            painter.drawText(QRectF(text_rect.left(), top + head_h + 8, text_rect.width(), body_h), flags, body)

    def _paint_footnote(self, painter: QPainter, rect: QRectF) -> None:
        note = self.footnote()
        if note:
            painter.setPen(theme.MUTED)
            painter.setFont(theme.font(11, italic=True))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note)

    # --- sizes -------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 440)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(320, 240)

    # --- live refresh ------------------------------------------------------------------------------
    def follow(self, context: Any) -> None:
        """Keep the chart in step with an `AppContext`: refresh when a workspace is opened or closed,
        when an edit, undo or redo touches one of `tables`, and when the language switches.

        A hidden chart only marks itself stale and refreshes when it is shown again, so that editing
        one page does not re-read every chart of the window.
        """
        self._context = context
        context.workspace_changed.connect(self._on_workspace_changed)
        context.data_changed.connect(self._on_data_changed)
        context.language_changed.connect(self._on_language_changed)
        self._refresh_from_context(now=True)

    def _refresh_from_context(self, *, now: bool = False) -> None:
        if not now and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._context.workspace is None:
            self._lang = self._context.lang
            self.clear()
        else:
            self.refresh(self._context.workspace, self._context.lang)

    def _on_workspace_changed(self, _workspace: object) -> None:
        # A file was opened or closed: the page's own table comes first, the charts right after it is
        # painted (an aggregate over a long register must not delay the first rows people see).
        QTimer.singleShot(0, self, self._refresh_from_context)

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if self.tables & set(tables):
            self._refresh_from_context()

    def _on_language_changed(self, lang: str) -> None:
        # Re-read rather than only relabel: some texts are formatted from the data (dates in captions).
        self._lang = lang
        self._refresh_from_context()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if self._stale and self._context is not None:
            self._refresh_from_context()
        super().showEvent(event)


def scrollable(chart: QWidget) -> QScrollArea:
    """`chart` inside a frameless scroll area that keeps its width and scrolls when it is taller."""
    area = QScrollArea()
    area.setWidget(chart)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area
