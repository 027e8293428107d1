"""Label placement: free spots around points, never overlapping, and spreading of shared positions."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF

from caio_desktop.ui.charts.labels import place_labels, spread


def test_labels_go_right_first_then_elsewhere_and_never_overlap() -> None:
    points = [QPointF(100, 100), QPointF(240, 100), QPointF(100, 120), QPointF(95, 80)]
    rects = place_labels(points, [QSizeF(50, 14)] * 4, bounds=QRectF(0, 0, 400, 300), radius=6)
    assert rects[0].left() > 100 and abs(rects[0].center().y() - 100) < 1  # right of its point
    placed = [r for r in rects if r is not None]
    assert not any(a.intersects(b) for i, a in enumerate(placed) for b in placed[i + 1:])
    for rect in placed:
        for point in points:
            assert not rect.intersects(QRectF(point.x() - 6, point.y() - 6, 12, 12))


def test_a_label_without_room_is_left_out() -> None:
    rects = place_labels([QPointF(10, 10)], [QSizeF(500, 14)], bounds=QRectF(0, 0, 100, 100), radius=5)
    assert rects == [None]


def test_obstacles_are_kept_clear() -> None:
    caption = QRectF(105, 90, 80, 20)
    rects = place_labels([QPointF(100, 100)], [QSizeF(40, 14)], bounds=QRectF(0, 0, 400, 300), radius=5,
                         obstacles=[caption])
    assert not rects[0].intersects(caption)


def test_spread_keeps_shared_positions_apart_and_centred() -> None:
    assert spread(1, 10) == [QPointF(0, 0)]
    pair = spread(2, 10)
    assert abs(pair[0].y() - pair[1].y()) < 1e-9 and abs(pair[0].x() - pair[1].x()) >= 10  # side by side
    many = spread(9, 10)
    assert len(many) == 9
    assert all((a - b).manhattanLength() > 5 for i, a in enumerate(many) for b in many[i + 1:])


def test_beyond_the_limit_labels_are_left_to_tooltips() -> None:
    points = [QPointF(20 + 60 * (i % 10), 20 + 40 * (i // 10)) for i in range(30)]
    rects = place_labels(points, [QSizeF(20, 12)] * 30, bounds=QRectF(0, 0, 800, 600), radius=4, limit=12)
    assert all(r is not None for r in rects[:12]) and rects[12:] == [None] * 18


def _metrics():  # noqa: ANN202
    from PySide6.QtGui import QFontMetricsF

    from caio_desktop.ui.charts import theme

    return QFontMetricsF(theme.font(11))


def test_a_long_title_wraps_between_words_on_two_lines_at_most(qapp) -> None:
    from caio_desktop.ui.charts.labels import label_width, wrap_label

    metrics = _metrics()
    title = "Assistant de rédaction des réponses aux réclamations clients avec validation humaine systématique"
    label = wrap_label(title, 600, metrics)
    lines = label.split("\n")
    assert len(lines) == 2
    words = title.split()
    shown = " ".join(lines).removesuffix(" …").split()
    assert shown == words[:len(shown)]  # whole words, in order: none cut in the middle
    assert label.endswith(" …")
    assert all(metrics.horizontalAdvance(line) <= label_width(600) for line in lines)


def test_a_short_title_stays_as_it_is_and_a_single_long_word_is_elided(qapp) -> None:
    from caio_desktop.ui.charts.labels import label_size, wrap_label

    metrics = _metrics()
    assert wrap_label("Chatbot RH", 600, metrics) == "Chatbot RH"
    assert wrap_label("Tarification   dynamique", 600, metrics) == "Tarification dynamique"
    word = wrap_label("Anticonstitutionnellementissimeetencoreplusloin", 420, metrics)
    assert word.endswith("…") and "\n" not in word
    two = label_size("Assistant de rédaction\ndes réponses", metrics)
    assert two.height() == 2 * metrics.height()
