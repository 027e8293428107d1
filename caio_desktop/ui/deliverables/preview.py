"""The page preview of a deliverable: the PDF built into a temporary folder and rendered to images by
PDFium (pypdfium2), off the GUI thread. PySide6-Essentials has no QtPdf module, and an external tool
(pdftoppm) cannot be assumed on a consultant's laptop.

Images are QImages (safe to make in a worker thread); QPixmaps are made on the GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

PREVIEW_WIDTH = 460  # pixels: a page is readable at this width, and a 15-page pack renders quickly


def render_pages(pdf_path: Path, *, width: int = PREVIEW_WIDTH) -> list[QImage]:
    """Every page of `pdf_path` as an RGB image `width` pixels wide."""
    import pypdfium2 as pdfium

    from caio_desktop.interchange.docx.raster import PDFIUM_LOCK

    with PDFIUM_LOCK:  # PDFium is not thread-safe: a Word export rasterises its charts with it too
        return _render(pdfium.PdfDocument(str(pdf_path)), width)


def _render(document: object, width: int) -> list[QImage]:
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            scale = width / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB byte order, as QImage expects
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: the bitmap's buffer goes with the bitmap
            page.close()
        return images
    finally:
        document.close()


def _empty(document: Any) -> list[str]:
    """The sections of the deliverable with nothing to show (a warning beside Export, so never fatal)."""
    from caio_desktop.ui.deliverables.emptiness import empty_sections

    try:
        return empty_sections(document)
    except Exception:  # noqa: BLE001 - the notice is a courtesy; the preview goes on without it
        return []


class PreviewJob(QThread):
    """Builds one deliverable into a temporary folder and renders its pages."""

    rendered = Signal(int, object)  # generation, list[QImage]
    failed = Signal(int, str)  # generation, message

    def __init__(self, generation: int, workspace: Any, kind: str, *, lang: str, as_of: dt.date,
                 firm_logo: bytes | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = generation
        self._args = (workspace, kind, lang, as_of, firm_logo)
        self.empty_sections: list[str] = []  # titles of the sections with nothing to show, once rendered

    def run(self) -> None:
        from caio_desktop.interchange.deliverables import export_deliverable

        workspace, kind, lang, as_of, firm_logo = self._args
        folder = Path(tempfile.mkdtemp(prefix="caio-preview-"))
        found: list[list[str]] = []
        try:
            # The PDF stands for every format: they render the same content (the consultant's words too);
            # the sections with nothing to show are read from that same content, not built again.
            path = export_deliverable(workspace, kind, folder / f"{kind}.pdf", fmt="pdf", lang=lang, as_of=as_of,
                                      firm_logo=firm_logo, on_content=lambda d: found.append(_empty(d)))
            images = render_pages(path)
            self.empty_sections = found[0] if found else []
        except Exception as exc:  # noqa: BLE001 - shown in the preview area, not lost
            self.failed.emit(self.generation, str(exc))
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self.rendered.emit(self.generation, images)


class PagePreview(QScrollArea):
    """The pages one under the other, each on a light shadow-like border."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setObjectName("deliverablePreview")
        self._body = QWidget()
        self._body.setObjectName("previewBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setSpacing(14)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._body)
        self.setStyleSheet("QWidget#previewBody { background: #E9ECEF; }")
        self.page_labels: list[QLabel] = []
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._layout.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self._clear_pages()
        self.message.setText(text)
        self.message.show()

    def show_pages(self, images: list[QImage]) -> None:
        self._clear_pages()
        self.message.hide()
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("QLabel { border: 1px solid #C9CFD6; background: white; }")
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.verticalScrollBar().setValue(0)

    def _clear_pages(self) -> None:
        for label in self.page_labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
