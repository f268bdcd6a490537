"""Hostile PDFs built in the test: a stream that inflates past pypdf's limit, a filter name
nobody implements. Written object by object with a correct cross-reference table, so pypdf
reaches the stream instead of failing earlier on the file's structure."""

from __future__ import annotations

import zlib


def pdf_with_content_stream(stream: bytes, filter_name: str = "FlateDecode") -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /%s >>\nstream\n" % (len(stream), filter_name.encode())
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def inflating_pdf(inflated_bytes: int = 80_000_000) -> bytes:
    """A page whose content stream is ~80 KB compressed and inflates to 80 MB (pypdf's limit
    is 75 MB)."""
    compressor = zlib.compressobj(9)
    chunk = b" " * 1_000_000
    parts = [compressor.compress(chunk) for _ in range(inflated_bytes // len(chunk))]
    parts.append(compressor.flush())
    return pdf_with_content_stream(b"".join(parts))


def unsupported_filter_pdf() -> bytes:
    """A page whose content stream names a filter that does not exist (a mutated FlateDecode)."""
    text = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"
    return pdf_with_content_stream(zlib.compress(text), filter_name="FlateDecodf")
