"""Read: bytes on disk → decoded text, or one named error.

Reads: a path.  Assigns: ``SourceText`` (name, text, encoding).  A PDF goes to
``read_pdf`` (its text layer, headlines marked by type size), an HTML page to
``read_html`` (its article text, the headline marked from the markup); everything
else is text.

Encodings are detected, never assumed: a BOM decides first, then strict
UTF-8 (by far the most common, and cheap to verify), then charset-normalizer.
GBK/GB2312 verdicts are decoded as GB18030, their superset: pages declared
GB2312 often hold GBK-only characters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import (BinaryInput, BrokenDocument, EmptyInput, InputTooLarge, MissingInput, UndecodableInput,
                      UnsupportedFormat)

# A page of text is ~10 KB; a whole converted issue rarely passes 2 MB.
MAX_BYTES = 20 * 1024 * 1024
# An e-paper page PDF carries its photos: a few MB, rarely 30.
MAX_PDF_BYTES = 100 * 1024 * 1024
PDF_MAGIC = b"%PDF-"

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}

# Magic numbers of files people drop into page folders by mistake.
MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
]

ENCODING_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
}


@dataclass(slots=True)
class SourceText:
    name: str
    text: str
    encoding: str
    path: Path | None = None


def read_source(path: str | Path, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one page file.  Raises an :class:`~banmian.errors.InputError` subclass."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise MissingInput("no such file", source=str(path)) from None
    if path.is_dir():
        raise UnsupportedFormat("is a directory", source=str(path))
    suffix = path.suffix.lower()
    limit = max(max_bytes, MAX_PDF_BYTES) if suffix == ".pdf" else max_bytes
    if size > limit:
        raise InputTooLarge(
            f"{size / 1048576:.1f} MB is larger than a page can be ({limit / 1048576:.0f} MB limit)",
            source=str(path),
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise MissingInput(f"cannot read ({e.strerror})", source=str(path)) from None
    if data.startswith(PDF_MAGIC) or (suffix == ".pdf" and data.strip()):
        if not data.startswith(PDF_MAGIC):
            raise BrokenDocument("named .pdf but is no PDF (no %PDF- header)", source=str(path))
        from .read_pdf import pdf_to_text  # (pypdfium2 loads only when a PDF comes)

        return SourceText(name=name, text=pdf_to_text(data, source=str(path)), encoding="pdf", path=path)
    if suffix in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        from .read_html import decode_html, html_to_text

        if encoding:
            markup, used = decode_bytes(data, encoding=encoding, source=str(path))
        else:
            markup, used = decode_html(data, source=str(path))
        return SourceText(name=name, text=html_to_text(markup, source=str(path)), encoding=used, path=path)
    text, used = decode_bytes(data, encoding=encoding, source=str(path))
    return SourceText(name=name, text=text, encoding=used, path=path)


def decode_bytes(data: bytes, encoding: str | None = None, source: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding)``."""
    if not data.strip(b" \t\r\n\x00\x0c"):
        raise EmptyInput("empty file (no text)", source=source)
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"not text: looks like {what}", source=source)
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise UndecodableInput(f"unknown encoding {encoding!r}", source=source) from None
        codec = ENCODING_ALIASES.get(codec, codec)
        try:
            return _clean(data.decode(codec), source), codec
        except UnicodeDecodeError as e:
            raise UndecodableInput(f"not valid {encoding} at byte {e.start}", source=source) from None

    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(codec), source), codec
            except UnicodeDecodeError as e:
                raise UndecodableInput(f"broken {codec} text at byte {e.start}", source=source) from None

    if b"\x00" in data[:4096]:
        if not _looks_like_utf16(data):
            raise BinaryInput("not text: contains NUL bytes", source=source)
        codec = "utf-16-le" if data[1:4096:2].count(b"\x00") > data[0:4096:2].count(b"\x00") else "utf-16-be"
        try:
            return _clean(data.decode(codec), source), codec
        except UnicodeDecodeError:
            raise UndecodableInput(f"looks like {codec} but does not decode", source=source) from None
    try:
        return _clean(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:262144] if len(data) > 262144 else data).best()
    if best is None:
        codec = _chinese_fallback(data)
        if codec is None:
            raise UndecodableInput("cannot tell the text encoding (try --encoding gb18030 or big5)", source=source)
    else:
        codec = ENCODING_ALIASES.get(best.encoding, best.encoding)
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise UndecodableInput(
            f"bytes are not valid in the detected encoding {codec} (try --encoding)", source=source
        ) from None
    return _clean(text, source), codec


def _chinese_fallback(data: bytes) -> str | None:
    """When the detector gives up (short or repetitive text), accept the Chinese
    encoding that decodes strictly into mostly Han characters."""
    for codec in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = [ch for ch in text if ord(ch) > 0x7F]
        han = sum(1 for ch in wide if "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
        if wide and han >= 0.8 * len(wide):
            return codec
    return None


def _looks_like_utf16(data: bytes) -> bool:
    """NULs fall on one byte parity in UTF-16 (ASCII and U+xx00 code units), on both in binaries."""
    head = data[:4096]
    even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
    return max(even, odd) > 0 and min(even, odd) * 10 <= max(even, odd)


def _clean(text: str, source: str | None) -> str:
    """Reject decoded text that is mostly control characters (binary in disguise)."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\x0c") or 0x7F <= ord(ch) < 0xA0)
    if sample and controls > max(8, len(sample) // 50):
        raise BinaryInput("not text: too many control characters", source=source)
    if not text.strip():
        raise EmptyInput("empty file (only whitespace)", source=source)
    return text
