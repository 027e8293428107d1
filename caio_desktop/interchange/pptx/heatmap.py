"""The risk heat map as a native table: 5 × 5 cells filled with their level's colour and the number of
risks in each, likelihood up the side (5 at the top) and impact along the bottom, as the PDF draws it."""

from __future__ import annotations

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches

from caio_desktop.interchange.deliverables.nodes import HeatMap
from caio_desktop.interchange.pptx import fit
from caio_desktop.interchange.pptx.deck import Box, Deck, Run, fill, ink_on, rgb, set_paragraph

LABEL_SIZE = 9.0
LABEL_SIZES = (9.0, 8.0, 7.0)


def label_size(labels: tuple[str, ...], width: float) -> float:
    """The largest of `LABEL_SIZES` at which every word of the axis labels fits its cell: a narrow cell
    otherwise breaks "Moderate" inside the word."""
    words = [w for label in labels for w in label.split()]
    for size in LABEL_SIZES:
        if all(fit.text_width(w, size) <= width for w in words):
            return size
    return LABEL_SIZES[-1]


def heat_map(deck: Deck, slide, chart: HeatMap, box: Box) -> list[str]:  # noqa: ANN001
    """The grid in `box` (square cells, centred), its axis titles, and the counts for the notes."""
    axis_w = Inches(0.35)
    label_w = Inches(1.1)
    label_h = Inches(0.45)
    cell = min((box.width - axis_w - label_w) // 5, (box.height - label_h - Inches(0.35)) // 5)
    width, height = label_w + 5 * cell, 5 * cell + label_h
    left = box.left + axis_w + (box.width - axis_w - width) // 2
    top = box.top + (box.height - height - Inches(0.35)) // 2
    frame = slide.shapes.add_table(6, 6, Emu(left), Emu(top), Emu(width), Emu(height))
    grid = frame.table
    grid.first_row = grid.horz_banding = False
    grid.columns[0].width = Emu(label_w)
    for c in range(1, 6):
        grid.columns[c].width = Emu(cell)
    for r in range(5):
        grid.rows[r].height = Emu(cell)
    grid.rows[5].height = Emu(label_h)
    count_size = 16.0 if cell > Inches(0.6) else 12.0
    label_width = fit.pt(label_w) - 8
    side_size = label_size(chart.likelihood_labels, label_width)
    foot_size = label_size(chart.impact_labels, fit.pt(cell) - 6)

    def write(target, text: str, size: float, *, bold: bool = False, ink=None, align=PP_ALIGN.CENTER) -> None:  # noqa: ANN001
        target.margin_left = target.margin_right = Inches(0.03)
        target.margin_top = target.margin_bottom = Inches(0.02)
        target.vertical_anchor = MSO_ANCHOR.MIDDLE
        target.text_frame.word_wrap = True
        set_paragraph(target.text_frame.paragraphs[0], Run(text, size, bold=bold, color=ink, align=align))

    for r in range(5):
        likelihood = 5 - r  # the top row is the most likely
        label = grid.cell(r, 0)
        fill(label, MSO_THEME_COLOR.BACKGROUND_1)
        write(label, fit.clip(chart.likelihood_labels[likelihood - 1], label_width, side_size, 2), side_size,
              ink=MSO_THEME_COLOR.TEXT_1, align=PP_ALIGN.RIGHT)
        for impact in range(1, 6):
            target = grid.cell(r, impact)
            color = chart.colors[likelihood - 1][impact - 1]
            fill(target, rgb(color) or MSO_THEME_COLOR.BACKGROUND_2)
            count = chart.counts[likelihood - 1][impact - 1]
            write(target, str(count) if count else "", count_size, bold=True, ink=ink_on(color))
    corner = grid.cell(5, 0)
    fill(corner, MSO_THEME_COLOR.BACKGROUND_1)
    write(corner, "", LABEL_SIZE)
    for impact in range(1, 6):
        target = grid.cell(5, impact)
        fill(target, MSO_THEME_COLOR.BACKGROUND_1)
        write(target, fit.clip(chart.impact_labels[impact - 1], fit.pt(cell) - 6, foot_size, 2), foot_size,
              ink=MSO_THEME_COLOR.TEXT_1)
    deck.text_box(slide, Box(left + label_w, top + height, 5 * cell, Inches(0.35)),
                  [Run(chart.axis_x, 11, bold=True, color=MSO_THEME_COLOR.TEXT_2, align=PP_ALIGN.CENTER)])
    side = slide.shapes.add_textbox(Emu(left - axis_w - (5 * cell - axis_w) // 2), Emu(top + (5 * cell - axis_w) // 2),
                                    Emu(5 * cell), Emu(axis_w))
    side.rotation = 270  # the likelihood axis title reads upwards beside the rows
    side.text_frame.word_wrap = True
    set_paragraph(side.text_frame.paragraphs[0], Run(chart.axis_y, 11, bold=True, color=MSO_THEME_COLOR.TEXT_2,
                                                     align=PP_ALIGN.CENTER))
    lines = [f"{chart.title} — {chart.axis_y} × {chart.axis_x}"]
    for likelihood in range(5, 0, -1):
        counts = chart.counts[likelihood - 1]
        lines.append(f"{chart.likelihood_labels[likelihood - 1]}: "
                     + ", ".join(f"{chart.impact_labels[i]} {counts[i]} ({chart.levels[likelihood - 1][i]})"
                                 for i in range(5) if counts[i]))
    return lines


