"""LibreOffice headless for the tests that open what we write (DOCX, PPTX, XLSX) as a user's office
suite would. `make test` installs it (tools/ensure-office.sh); where it truly cannot be installed the
test skips and says so, except in CI, where it must run."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def soffice_to_pdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """A function converting an office file to PDF with LibreOffice headless; returns the PDF's path.
    Fails the test if LibreOffice reports an error or writes nothing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; `make test` installs it (tools/ensure-office.sh)")
        pytest.skip("LibreOffice (soffice) is not installed and could not be installed here")
    profile = tmp_path_factory.mktemp("lo-profile")  # a private profile: no lock shared with a running office

    def convert(source: Path) -> Path:
        out_dir = source.parent / f"{source.stem}-pdf"
        out_dir.mkdir(exist_ok=True)
        result = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
            capture_output=True, text=True, timeout=180)
        pdf = out_dir / f"{source.stem}.pdf"
        assert result.returncode == 0, f"LibreOffice failed on {source.name}: {result.stderr}"
        assert pdf.is_file() and pdf.stat().st_size > 0, f"LibreOffice wrote no PDF for {source.name}: {result.stderr}"
        return pdf

    return convert
