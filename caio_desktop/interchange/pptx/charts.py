"""Charts as native PowerPoint charts (chart parts with their data), so the client can restyle them.

Radar → a radar chart of current and target series; KPI trend → a line chart on a date axis with the
measurements and the target; value × feasibility or stakeholder quadrant → an XY scatter with one series
per colour and the two split lines as line series; roadmap Gantt → a stacked bar chart (an invisible
start series, then done and remaining durations, on a date axis). The plot area of the scatter and the
Gantt has a manual layout, so that the quadrant names and the report date's line, drawn as shapes, sit
where the axes put them. The heat map is a table (`heatmap.py`): PowerPoint has no such chart.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from lxml import etree
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from caio_desktop.interchange.deliverables import i18n
from caio_desktop.interchange.deliverables.nodes import (
    GanttChart,
    GanttRow,
    KpiTrend,
    QuadrantChart,
    RadarChart,
)
from caio_desktop.interchange.pptx import fit
from caio_desktop.interchange.pptx.deck import Box, Deck, Run, ink_on, rgb, tint
from caio_desktop.interchange.pptx.words import word

GREY = RGBColor(0x80, 0x86, 0x90)
EPOCH = dt.date(1899, 12, 30)  # day 0 of the serial dates office charts count in
GANTT_ROWS = 14
_GANTT_PLOT = (0.30, 0.07, 0.68, 0.86)  # x, y, w, h of the plot area, as fractions of the chart frame
_QUADRANT_PLOT = (0.06, 0.03, 0.92, 0.80)
_LANG_CODE = {"fr": "[$-40C]", "en": "[$-809]"}  # month names in the deck's language whatever the viewer's


def serial(day: dt.date) -> int:
    return (day - EPOCH).days


def month_format(lang: str) -> str:
    return f"{_LANG_CODE.get(lang, '')}mmm yy"


def _number(value: float | None, lang: str) -> str:
    return "—" if value is None else i18n.format_number(value, lang)


def _font(chart, size: float) -> None:  # noqa: ANN001
    chart.font.size = Pt(size)


def _plot_layout(chart, box: tuple[float, float, float, float]) -> None:  # noqa: ANN001
    """Fix the inner plot area at `box` (fractions of the chart frame)."""
    plot_area = chart._chartSpace.find(f".//{qn('c:plotArea')}")  # noqa: SLF001 - no public API
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = etree.Element(qn("c:layout"))
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    etree.SubElement(manual, qn("c:layoutTarget"), val="inner")
    etree.SubElement(manual, qn("c:xMode"), val="edge")
    etree.SubElement(manual, qn("c:yMode"), val="edge")
    for name, value in zip(("x", "y", "w", "h"), box, strict=False):
        etree.SubElement(manual, qn(f"c:{name}"), val=f"{value:.4f}")


def _month_ticks(axis) -> None:  # noqa: ANN001 - a python-pptx DateAxis
    """One tick label a month on a date axis (by default a label a day shows the same month again)."""
    element = axis._element  # noqa: SLF001 - python-pptx has no time-unit API
    base = element.find(qn("c:baseTimeUnit"))
    for name in ("c:majorUnit", "c:majorTimeUnit"):
        old = element.find(qn(name))
        if old is not None:
            element.remove(old)
    unit = etree.Element(qn("c:majorUnit"), val="1")
    time_unit = etree.Element(qn("c:majorTimeUnit"), val="months")
    if base is not None:
        base.addnext(unit)
    else:
        element.append(unit)
    unit.addnext(time_unit)


def _hide_legend_entries(chart, indexes: Sequence[int]) -> None:  # noqa: ANN001
    """Leave series `indexes` (helper series: split lines, the Gantt's offset) out of the legend."""
    legend = chart._chartSpace.find(f".//{qn('c:legend')}")  # noqa: SLF001
    if legend is None:
        return
    position = legend.find(qn("c:legendPos"))
    for index in sorted(indexes, reverse=True):
        entry = etree.Element(qn("c:legendEntry"))
        etree.SubElement(entry, qn("c:idx"), val=str(index))
        etree.SubElement(entry, qn("c:delete"), val="1")
        position.addnext(entry)


def _line(series, color: RGBColor | None, width: float, *, dash: bool = False) -> None:  # noqa: ANN001
    line = series.format.line
    line.width = Pt(width)
    if color is not None:
        line.color.rgb = color
    if dash:
        line.dash_style = MSO_LINE_DASH_STYLE.DASH


def caption_band(deck: Deck, slide, box: Box, caption: str) -> Box:  # noqa: ANN001
    """`caption` in a small bold line over a grid cell; the rest of the cell for the chart."""
    size = 13.0
    width = fit.pt(box.width) - fit.INSET_X_PT
    text = fit.clip(caption, width, size, 1, bold=True)
    band, rest = box.below(Inches(0.36), Inches(0.02))
    deck.text_box(slide, band, [Run(text, size, bold=True, color=MSO_THEME_COLOR.TEXT_2)])
    return rest


# --- radar --------------------------------------------------------------------------------------------
def radar(deck: Deck, slide, chart: RadarChart, box: Box) -> list[str]:  # noqa: ANN001
    data = CategoryChartData(number_format="0.0")
    data.categories = [label for label, _, _ in chart.axes]
    data.add_series(chart.legend[0], [current for _, current, _ in chart.axes])
    data.add_series(chart.legend[1], [target for _, _, target in chart.axes])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.RADAR_MARKERS, Emu(box.left), Emu(box.top), Emu(box.width),
                                   Emu(box.height), data)
    native = frame.chart
    _font(native, 12)
    axis = native.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, 5, 1
    native.has_legend = True
    native.legend.position = XL_LEGEND_POSITION.BOTTOM
    native.legend.include_in_layout = False
    current, target = native.plots[0].series
    _line(current, rgb(deck.accent_hex), 2.5)
    _line(target, GREY, 1.75, dash=True)
    current.marker.style, target.marker.style = XL_MARKER_STYLE.CIRCLE, XL_MARKER_STYLE.NONE
    current.marker.format.fill.solid()
    current.marker.format.fill.fore_color.rgb = rgb(deck.accent_hex)
    lang = deck.lang
    return [f"{word('series', lang)} {chart.legend[0]} / {chart.legend[1]}",
            *(f"{label}: {_number(c, lang)} / {_number(t, lang)}" for label, c, t in chart.axes)]


# --- KPI trend ------------------------------------------------------------------------------------------
def kpi_trend(deck: Deck, slide, chart: KpiTrend, box: Box, caption: str) -> list[str]:  # noqa: ANN001
    lang = deck.lang
    unit = f" ({chart.unit})" if chart.unit else ""
    inner = caption_band(deck, slide, box, caption or chart.name)
    notes = [f"{chart.name}{unit}: " + "; ".join(f"{i18n.format_short_date(d, lang)} {_number(v, lang)}"
                                                for d, v in chart.points),
             f"{word('target', lang)}: {chart.target_text or _number(chart.target, lang)}; "
             f"{word('baseline', lang)}: {_number(chart.baseline, lang)}"]
    if not chart.points:
        deck.text_box(slide, inner, [Run(word("no_measurement", lang), 12, italic=True,
                                         color=MSO_THEME_COLOR.TEXT_2, align=PP_ALIGN.CENTER)])
        return notes
    data = CategoryChartData(number_format="General")
    data.categories = [d for d, _ in chart.points]
    data.add_series(chart.name + unit, [v for _, v in chart.points])
    if chart.target is not None:
        data.add_series(chart.target_text or word("target", lang), [chart.target] * len(chart.points))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(inner.left), Emu(inner.top), Emu(inner.width),
                                   Emu(inner.height), data)
    native = frame.chart
    _font(native, 10)
    native.has_legend = chart.target is not None
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
        _hide_legend_entries(native, [0])  # the caption names the measured series; the legend says the target
    dates = native.category_axis.tick_labels
    dates.number_format, dates.number_format_is_linked = month_format(lang), False
    _month_ticks(native.category_axis)
    series = native.plots[0].series
    _line(series[0], rgb(deck.accent_hex), 2.25)
    series[0].smooth = False
    series[0].marker.style = XL_MARKER_STYLE.CIRCLE
    series[0].marker.format.fill.solid()
    series[0].marker.format.fill.fore_color.rgb = rgb(deck.accent_hex)
    if len(series) > 1:
        _line(series[1], GREY, 1.5, dash=True)
        series[1].smooth = False
        series[1].marker.style = XL_MARKER_STYLE.NONE
    return notes


# --- quadrant -------------------------------------------------------------------------------------------
def quadrant(deck: Deck, slide, chart: QuadrantChart, box: Box) -> list[str]:  # noqa: ANN001
    names = dict((color.upper(), text) for text, color in chart.legend)
    groups: dict[str, list] = {}
    for point in chart.points:
        key = point.color.upper() if chart.series_key == "color" else ""
        groups.setdefault(key, []).append(point)
    data = XyChartData()
    for key, points in groups.items():
        series = data.add_series(names.get(key) or (key if key else chart.axis_y))
        for p in points:
            series.add_data_point(p.x, p.y)
    low, high = 0.5, 5.5
    for name, ends in (("_x", ((chart.split, low), (chart.split, high))),
                       ("_y", ((low, chart.split), (high, chart.split)))):  # the split lines
        line = data.add_series(name)
        for x, y in ends:
            line.add_data_point(x, y)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, Emu(box.left), Emu(box.top), Emu(box.width),
                                   Emu(box.height), data)
    native = frame.chart
    _font(native, 10)
    for axis, title in ((native.category_axis, chart.axis_x), (native.value_axis, chart.axis_y)):
        # ticks would fall on the half scores (0.5, 1.5…): the quadrants are the scale, values are in the notes
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = low, high, 1
        axis.has_major_gridlines = False
        axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
        axis.major_tick_mark = XL_TICK_MARK.NONE
        axis.has_title = True
        axis.axis_title.text_frame.text = title
    plot_series = list(native.plots[0].series)
    for (key, points), series in zip(groups.items(), plot_series, strict=False):
        color = rgb(key) or rgb(deck.accent_hex)
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 15 if chart.label_inside else 9
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = color
        series.marker.format.line.fill.background()
        series.format.line.fill.background()
        for index, p in enumerate(points):
            label = series.points[index].data_label
            label.text_frame.text = p.text
            label.position = XL_LABEL_POSITION.CENTER if chart.label_inside else XL_LABEL_POSITION.RIGHT
            # the label's own text is rich text: its run carries the look (LibreOffice ignores txPr there)
            font = label.text_frame.paragraphs[0].runs[0].font
            font.size = Pt(8 if chart.label_inside else 9)
            font.bold = chart.label_inside
            if chart.label_inside:
                font.color.rgb = ink_on(key or deck.accent_hex)
    for series in plot_series[len(groups):]:
        series.marker.style = XL_MARKER_STYLE.NONE
        series.format.line.fill.solid()
        series.format.line.fill.fore_color.rgb = GREY
        series.format.line.width = Pt(1)
        series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    native.has_legend = chart.series_key == "color" and bool(chart.legend)
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
        _hide_legend_entries(native, [len(groups), len(groups) + 1])
    _plot_layout(native, _QUADRANT_PLOT)
    x, y, w, h = _QUADRANT_PLOT
    plot = Box(int(box.left + x * box.width), int(box.top + y * box.height), int(w * box.width), int(h * box.height))
    corner_w, corner_h = plot.width // 2 - Inches(0.1), Inches(0.32)
    corners = [(plot.left, plot.top, PP_ALIGN.LEFT), (plot.left + plot.width - corner_w, plot.top, PP_ALIGN.RIGHT),
               (plot.left, plot.bottom - corner_h, PP_ALIGN.LEFT),
               (plot.left + plot.width - corner_w, plot.bottom - corner_h, PP_ALIGN.RIGHT)]
    for (left, top, align), text in zip(corners, chart.corners, strict=False):
        size = 11.0
        text = fit.clip(text, fit.pt(corner_w) - fit.INSET_X_PT, size, 1, bold=True)
        deck.text_box(slide, Box(left, top, corner_w, corner_h), [Run(text, size, bold=True, color=GREY, align=align)])
    return [f"{chart.axis_x} × {chart.axis_y}", *(f"{p.text} {p.name}".strip() + f": {_number(p.x, deck.lang)} × "
                                                  f"{_number(p.y, deck.lang)}" for p in chart.points)]


# --- Gantt ----------------------------------------------------------------------------------------------
def gantt_pages(chart: GanttChart) -> list[list[GanttRow]]:
    """The rows in slides of at most `GANTT_ROWS`, as even as can be (bars keep one thickness from a
    slide to the next), a group title never left at the foot of a slide."""
    count = max(1, math.ceil(len(chart.rows) / GANTT_ROWS))
    per_slide = max(1, math.ceil(len(chart.rows) / count))
    pages: list[list[GanttRow]] = [[]]
    for row in chart.rows:
        page = pages[-1]
        if len(page) >= GANTT_ROWS or (len(page) >= per_slide and len(pages) < count):
            pages.append([page.pop()] if page[-1].is_group and len(page) > 1 else [])
        pages[-1].append(row)
    return [p for p in pages if p]


def _milestones(slide, rows: Sequence[GanttRow], plot: Box, start: dt.date, end: dt.date,  # noqa: ANN001
                span_days: int) -> None:
    """Milestones as diamonds on their row (filled when reached), placed through the plot's manual layout."""
    size = min(Inches(0.16), plot.height // max(1, len(rows)) - Inches(0.02))
    for index, row in enumerate(rows):
        middle = plot.top + int(plot.height * (index + 0.5) / len(rows))
        for day, done in row.milestones:
            if not start <= day <= end:
                continue
            centre = plot.left + int(plot.width * (serial(day) - serial(start)) / span_days)
            mark = slide.shapes.add_shape(MSO_SHAPE.DIAMOND, Emu(centre - size // 2), Emu(middle - size // 2),
                                          Emu(size), Emu(size))
            style = mark._element.find(qn("p:style"))  # noqa: SLF001 - no theme shadow on a marker
            if style is not None:
                mark._element.remove(style)  # noqa: SLF001
            mark.line.color.rgb = RGBColor(0x22, 0x2A, 0x35)
            mark.line.width = Pt(1)
            mark.fill.solid()
            mark.fill.fore_color.rgb = RGBColor(0x22, 0x2A, 0x35) if done else RGBColor(0xFF, 0xFF, 0xFF)


def gantt(deck: Deck, slide, chart: GanttChart, rows: Sequence[GanttRow], box: Box) -> list[str]:  # noqa: ANN001
    lang = deck.lang
    start, end = chart.period
    label_width = fit.pt(box.width * (_GANTT_PLOT[0] - 0.02)) - 6
    labels = []
    for row in rows:
        text = row.text.upper() if row.is_group else row.text
        labels.append(fit.clip(text, label_width, 10, 2, bold=row.is_group))
    offsets, done, remaining = [], [], []
    for row in rows:
        if row.is_group or row.start is None or row.end is None:
            offsets.append(None), done.append(None), remaining.append(None)
            continue
        first, last = max(row.start, start), min(row.end, end)
        length = max(1, (last - first).days)
        share = min(1.0, max(0.0, float(row.progress or 0) / 100))  # progress is in percent
        offsets.append(serial(first))
        done.append(round(length * share, 1))
        remaining.append(round(length * (1 - share), 1))
    data = CategoryChartData(number_format="General")
    data.categories = labels
    data.add_series(word("start", lang), offsets)
    data.add_series(word("done", lang), done)
    data.add_series(word("remaining", lang), remaining)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, Emu(box.left), Emu(box.top), Emu(box.width),
                                   Emu(box.height), data)
    native = frame.chart
    _font(native, 10)
    native.has_legend = False
    plot = native.plots[0]
    plot.gap_width, plot.overlap = 45, 100
    offset_series, done_series, remaining_series = plot.series
    offset_series.format.fill.background()
    offset_series.format.line.fill.background()
    for index, row in enumerate(rows):
        if done[index] is None:
            continue
        for series, color in ((done_series, row.color), (remaining_series, tint(row.color, 0.6))):
            point = series.points[index].format
            point.fill.solid()
            point.fill.fore_color.rgb = rgb(color) or GREY
    categories = native.category_axis
    categories.reverse_order = True  # first row on top, as the roadmap is read
    categories.tick_labels.font.size = Pt(10)
    values = native.value_axis
    values.minimum_scale, values.maximum_scale = serial(start), serial(end)
    months = max(1, (end.year - start.year) * 12 + end.month - start.month)
    values.major_unit = 30.4375 * max(1, math.ceil(months / 12))
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = month_format(lang), False
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor(0xDD, 0xDD, 0xDD)
    _plot_layout(native, _GANTT_PLOT)
    notes = []
    x, y, w, h = _GANTT_PLOT
    span_days = max(1, serial(end) - serial(start))
    plot = Box(box.left + int(box.width * x), box.top + int(box.height * y), int(box.width * w), int(box.height * h))
    _milestones(slide, rows, plot, start, end, span_days)
    if chart.today is not None and start <= chart.today <= end:
        left = plot.left + int(plot.width * (serial(chart.today) - serial(start)) / span_days)
        top, bottom = plot.top, plot.bottom
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(left), Emu(top), Emu(left), Emu(bottom))
        connector.line.color.rgb = RGBColor(0xC0, 0x39, 0x2B)
        connector.line.width = Pt(1.5)
        connector.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        deck.text_box(slide, Box(left - Inches(1), bottom, Inches(2), Inches(0.3)),  # the dates are on top
                      [Run(chart.today_text, 10, bold=True, color=RGBColor(0xC0, 0x39, 0x2B), align=PP_ALIGN.CENTER)])
        notes.append(chart.today_text)
    for row in rows:
        if row.is_group:
            notes.append(row.text.upper())
            continue
        span = f"{i18n.format_short_date(row.start, lang)} → {i18n.format_short_date(row.end, lang)}"
        progress = f", {i18n.format_percent(row.progress, lang)}" if row.progress is not None else ""
        marks = "; ".join(f"{i18n.format_short_date(d, lang)} {word('done_short' if ok else 'due_short', lang)}"
                          for d, ok in row.milestones)
        notes.append(f"{row.text}: {span}{progress}" + (f" — {word('milestones', lang)}: {marks}" if marks else ""))
    return notes
