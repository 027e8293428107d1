"""Charts in Word: the PDF's chart drawing rasterised at print resolution (see `raster`), centred, over a
numbered caption ("Figure 2 — Maturity by pillar") in the template's Caption style with a SEQ field,
which Word's "Insert Table of Figures" lists. Charts side by side (a FigureGrid) sit in a borderless
table, each over its own caption; a grid with a caption of its own has one numbered caption for all.
"""

from __future__ import annotations

from caio_desktop.interchange.deliverables.nodes import (
    Chart,
    Figure,
    FigureGrid,
    GanttChart,
    HeatMap,
    KpiTrend,
    QuadrantChart,
    RadarChart,
)
from caio_desktop.interchange.docx import raster, wml
from caio_desktop.interchange.docx.writer import Writer

# Share of the text width a chart alone takes: as wide as it reads well, at the PDF's type size.
_ALONE = {RadarChart: 0.72, HeatMap: 0.6, GanttChart: 1.0, QuadrantChart: 0.9, KpiTrend: 0.6}
GRID_GAP = 170  # twips between charts side by side


def _pictures(writer: Writer, chart: Chart, width_pt: float) -> list[tuple[bytes, float, float]]:
    return raster.chart_pngs(chart, width_pt=width_pt, lang=writer.content.lang, accent="#" + writer.accent)


def _drawn_title(chart: Chart) -> str:
    """The title a chart draws above itself (a heat map's, a KPI's name): not repeated under it."""
    if isinstance(chart, HeatMap):
        return chart.title
    return chart.name if isinstance(chart, KpiTrend) else ""


def caption_xml(writer: Writer, text: str) -> str:
    """A numbered figure caption paragraph."""
    writer.figures += 1
    runs = (wml.text_runs(writer.word("figure") + " ") + wml.field("SEQ Figure \\* ARABIC", str(writer.figures))
            + (wml.text_runs(" — " + text) if wml.clean(text).strip() else ""))
    return wml.paragraph(writer.styles["caption"], runs, align="center")


def figure(writer: Writer, item: Figure) -> None:
    """One chart, centred, kept on the page of its caption."""
    width_pt = writer.width_pt * _ALONE.get(type(item.chart), 1.0)
    for png, w, h in _pictures(writer, item.chart, width_pt):
        (paragraph,) = writer.add(wml.paragraph(writer.styles["normal"], "", align="center", keep_next=True))
        paragraph.append(writer.picture_run(png, width_pt=w, height_pt=h))
    writer.add(caption_xml(writer, item.caption))


def grid(writer: Writer, item: FigureGrid) -> None:
    """Charts `columns` a row in a borderless table; each cell a picture over its caption."""
    if not item.figures:
        return
    columns = max(1, min(item.columns, len(item.figures)))
    col = (writer.width - GRID_GAP * (columns - 1)) // columns
    cell_pt = col / 20
    rows = [item.figures[i:i + columns] for i in range(0, len(item.figures), columns)]
    grid_cols = "".join(f'<w:gridCol w:w="{col + (GRID_GAP if i < columns - 1 else 0)}"/>' for i in range(columns))
    (tbl,) = writer.add(
        f'<w:tbl><w:tblPr><w:tblW w:w="{writer.width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid></w:tbl>')
    own_captions = not wml.clean(item.caption).strip()
    for row in rows:
        tr = wml.element("<w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr>")
        tbl.append(tr)
        for i in range(columns):
            width = col + (GRID_GAP if i < columns - 1 else 0)
            tc = wml.element(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr></w:tc>')
            tr.append(tc)
            if i >= len(row):
                tc.append(wml.element(wml.paragraph(writer.styles["normal"], "")))
                continue
            fig = row[i]
            for png, w, h in _pictures(writer, fig.chart, cell_pt):
                p = wml.element(wml.paragraph(writer.styles["normal"], "", keep_next=True,
                                                  spacing='<w:spacing w:after="0"/>'))
                p.append(writer.picture_run(png, width_pt=w, height_pt=h))
                tc.append(p)
            if own_captions:
                tc.append(wml.element(caption_xml(writer, fig.caption)))
            elif wml.clean(fig.caption).strip() and fig.caption != _drawn_title(fig.chart):
                tc.append(wml.element(wml.paragraph(writer.styles["small"], wml.text_runs(fig.caption),
                                                     align="center")))
        writer.steps.step(0)
    if own_captions:
        writer.add(wml.paragraph(writer.styles["small"], ""))
    else:
        writer.add(caption_xml(writer, item.caption))
