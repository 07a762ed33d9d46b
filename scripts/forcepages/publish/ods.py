"""The OpenDocument spreadsheet writer: sheets of cells to the bytes of an .ods file, written as XML directly
(odfpy's DOM is too slow for the largest packages), with a fixed timestamp so the bytes depend only on the cells."""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from forcepages.publish.csvout import safe_text

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"')
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")  # as escape.clean_text

Cell = Any  # str (text), int/float (number) or None (empty)


class Sheet:
    """One worksheet: a name without spaces, rows of cells, which row is the header, column widths."""

    def __init__(self, name: str, rows: list[list[Cell]], header_row: int | None):
        self.name, self.rows, self.header_row = name, rows, header_row


def _text(value: str) -> str:
    return escape(_BAD_XML.sub("", value))


@lru_cache(maxsize=1 << 16, typed=True)  # typed: 1 and 1.0 are cached apart (their XML is the same, but kept exact)
def _common_cell(value: str | int | float, style: str) -> str:
    """_any_cell of a short text or a number, built once for each distinct value: tables repeat codes, dates,
    symbols and counts."""
    return _any_cell(value, style)


def _any_cell(value: Cell, style: str) -> str:
    """One cell's XML: empty, a number, or text (formula-like text neutralised)."""
    st = f' table:style-name="{style}"' if style else ""
    if value is None or value == "":
        return f"<table:table-cell{st}/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = repr(value) if isinstance(value, float) else str(value)
        shown = shown[:-2] if shown.endswith(".0") else shown
        return f'<table:table-cell{st} office:value-type="float" office:value="{shown}"><text:p>{shown}</text:p></table:table-cell>'
    text = str(safe_text(str(value)))
    return f'<table:table-cell{st} office:value-type="string"><text:p>{_text(text)}</text:p></table:table-cell>'


def _widths(sheet: Sheet) -> list[float]:
    """Column widths in cm from the longest text in each column (titles above the table not counted)."""
    start = sheet.header_row if sheet.header_row is not None else 0
    ncols = max((len(r) for r in sheet.rows), default=1)
    widths = []
    for c in range(ncols):
        longest = max((len(str(r[c])) for r in sheet.rows[start:start + 200] if c < len(r) and r[c] is not None), default=8)
        if sheet.header_row is None:
            longest = min(longest, 100)
        widths.append(round(min(max(longest, 8), 60) * 0.21 + 0.4, 2))
    return widths


def _content(sheets: list[Sheet]) -> str:
    styles, columns = [], []
    seen: dict[float, str] = {}
    for sheet in sheets:
        names = []
        for width in _widths(sheet):
            if width not in seen:
                seen[width] = f"co{len(seen) + 1}"
                styles.append(f'<style:style style:name="{seen[width]}" style:family="table-column">'
                              f'<style:table-column-properties style:column-width="{width}cm"/></style:style>')
            names.append(seen[width])
        columns.append(names)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<office:document-content {_NS} office:version="1.2">',
           "<office:automatic-styles>", *styles,
           '<style:style style:name="title" style:family="table-cell"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>',
           '<style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/>'
           '<style:text-properties fo:font-weight="bold"/></style:style>',
           "</office:automatic-styles>", "<office:body><office:spreadsheet>"]
    for sheet, names in zip(sheets, columns):
        out.append(f'<table:table table:name="{_text(sheet.name)}">')
        out.extend(f'<table:table-column table:style-name="{n}"/>' for n in names)
        for i, row in enumerate(sheet.rows):
            style = "title" if i == 0 else "head" if i == sheet.header_row else ""
            out.append("<table:table-row>" + "".join([  # each cell's XML (a large package has hundreds of thousands)
                _common_cell(v, style) if (v.__class__ is str and len(v) <= 100) or v.__class__ is int or (v.__class__ is float and v)
                else _any_cell(v, style) for v in row]) + "</table:table-row>")  # 0.0 and -0.0 are equal keys: not cached
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document-content>")
    return "\n".join(out)


def _meta(title: str, subject: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<office:document-meta {_NS} office:version="1.2"><office:meta>'
            f"<meta:generator>forcepages</meta:generator><dc:title>{_text(title)}</dc:title>"
            f"<dc:subject>{_text(subject)}</dc:subject><dc:language>en-GB</dc:language>"
            "</office:meta></office:document-meta>")


_STYLES = ('<?xml version="1.0" encoding="UTF-8"?>'
           f'<office:document-styles {_NS} office:version="1.2"><office:styles>'
           '<style:default-style style:family="table-cell"><style:text-properties fo:font-size="12pt"/></style:default-style>'
           "</office:styles></office:document-styles>")
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
             f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{MIMETYPE}"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
             '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
             "</manifest:manifest>")


def write_ods(sheets: list[Sheet], title: str, subject: str = "") -> bytes:
    """The .ods file's bytes: mimetype first and stored, then the XML parts, all with a fixed timestamp."""
    buffer = io.BytesIO()
    try:
        content = _content(sheets)
    finally:  # the cells repeat within a file; kept longer, the cache would hold memory for the rest of the build
        _common_cell.cache_clear()
    parts = [("mimetype", MIMETYPE, zipfile.ZIP_STORED), ("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED),
             ("content.xml", content, zipfile.ZIP_DEFLATED), ("meta.xml", _meta(title, subject), zipfile.ZIP_DEFLATED),
             ("styles.xml", _STYLES, zipfile.ZIP_DEFLATED)]
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text, method in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.create_system, info.external_attr = method, 3, 0o100644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
