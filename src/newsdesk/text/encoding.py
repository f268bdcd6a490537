"""Decode bytes to text without trusting labels blindly.

Chinese sites and old files often mislabel their encoding (a GBK page declared as UTF-8, a
GB2312 label on text that uses GBK-only characters). We try, in order: a byte-order mark,
each declared encoding (HTTP header, meta tag) verified by a strict decode, UTF-8, then
charset-normalizer over the whole body. GB2312 and GBK labels are widened to GB18030, a
superset, so that rarer characters do not turn into mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
    "iso-8859-1": "cp1252",  # the usual mislabel; cp1252 decodes what latin-1 labels carry
    "latin-1": "cp1252",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    how: str  # "bom", "declared", "utf-8", "detected"


def canonical_encoding(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _WIDER.get(label, _WIDER.get(name, name))


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = len(_CONTROL.findall(text)) + text.count("\ufffd")
    return bad / len(text) < 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    # UTF-16 without a BOM: NULs sit on one side only (ASCII-range characters), and the text
    # decodes to printable CJK/Latin. Pure-CJK UTF-16 has few NULs, so judge by the decode.
    if len(data) < 4 or len(data) % 2 or 0 not in data:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    candidates = []
    if odd_nuls > even_nuls * 4:
        candidates.append("utf-16-le")
    if even_nuls > odd_nuls * 4:
        candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return encoding
    return None


def decode_bytes(data: bytes, declared: list[str | None] | tuple[str | None, ...] = ()) -> DecodedText:
    """Decode ``data``; ``declared`` are encoding labels from headers or meta tags, best first.

    Raises :class:`NotTextError` for binary content.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(data.decode(encoding, errors="replace"), encoding.replace("-sig", ""), "bom")

    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        if _looks_like_text(text):
            return DecodedText(text, utf16, "detected")

    if b"\x00" in data[:8192]:
        raise NotTextError("binary content (NUL bytes), not text")

    for label in declared:
        encoding = canonical_encoding(label)
        if not encoding:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # A strict decode can still "succeed" on the wrong single-byte codec: only trust a
        # declared single-byte label when the bytes are plain ASCII.
        if encoding in ("cp1252", "latin-1", "iso8859-1") and any(b > 0x7F for b in data):
            continue
        if _looks_like_text(text):
            return DecodedText(text, encoding, "declared")

    try:
        return DecodedText(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass

    # Common Chinese encodings decode strictly far less often by accident than detection
    # guesses right on short inputs, so try them before asking charset-normalizer.
    for encoding in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text) and _cjk_ratio(text) > 0.2:
            best = from_bytes(data).best()
            # Big5 bytes often also decode as GB18030 (into rare characters): let detection
            # arbitrate between the two when it has an opinion.
            if best is not None and canonical_encoding(best.encoding) in ("big5hkscs", "gb18030"):
                encoding = canonical_encoding(best.encoding)
                text = data.decode(encoding, errors="replace")
            return DecodedText(text, encoding, "detected")

    best = from_bytes(data).best()
    if best is None:
        raise NotTextError("not text in any recognised encoding")
    encoding = canonical_encoding(best.encoding) or best.encoding
    text = data.decode(encoding, errors="replace")
    if not _looks_like_text(text):
        raise NotTextError(f"not text (best guess {encoding} gives control characters)")
    return DecodedText(text, encoding, "detected")


def _cjk_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in sample if not ch.isspace())
    return cjk / max(letters, 1)
