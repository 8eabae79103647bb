"""Bytes to str: byte order marks, UTF-8, UTF-16 without a mark, legacy 8-bit encodings.

Refuses binary files (images, archives, ...) and UTF-8 that is broken in the middle, naming the
place, rather than importing mojibake.
"""
from __future__ import annotations

import codecs

from .model import IngestProblem

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_MAGIC = [(b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
          (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document, which are ZIP archives)"),
          (b"PK\x05\x06", "an empty ZIP archive"), (b"%PDF-", "a PDF document"),
          (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
          (b"Rar!\x1a\x07", "a RAR archive"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
          (b"\x7fELF", "a program (ELF executable)"), (b"SQLite format 3\x00", "an SQLite database"),
          (b"ID3\x03", "an MP3 audio file"), (b"ID3\x04", "an MP3 audio file")]
# Text can start like these ("MZ Bank said", "BMW's chief"): binary only if zero bytes follow.
_WEAK_MAGIC = [(b"MZ", "a Windows program"), (b"RIFF", "a RIFF media file (WAV/AVI/WebP)"), (b"BM", "a bitmap image")]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark: one byte of each pair barely varies (0 for Latin text,
    0x06 for Arabic, 0x04 for Cyrillic, ...), and the decoded text is printable."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    for high, enc in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        counts = sorted((high.count(b) for b in set(high)), reverse=True)
        if sum(counts[:3]) < 0.9 * len(high):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        probe = text[:2048]
        spaces = sum(c.isspace() for c in probe)
        if sum(c.isprintable() for c in probe) + spaces >= 0.95 * len(probe) and spaces >= 0.03 * len(probe):
            return text
    return None


def _where(data: bytes, pos: int) -> str:
    line = data.count(b"\n", 0, pos) + 1
    column = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return f"line {line}, column {column} (byte {pos + 1})"


def decode(data: bytes, label: str) -> tuple[str, str]:
    """(text, encoding name). Raises IngestProblem with a message for the person importing."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc + " (with byte order mark)"
            except UnicodeDecodeError as e:
                raise IngestProblem(f"{label} starts with a {enc.upper()} byte order mark but is not valid "
                                    f"{enc.upper()} at byte {e.start + len(bom) + 1}; re-save it as UTF-8.")
    for magic, kind in _MAGIC + _WEAK_MAGIC:
        if data.startswith(magic) and ((magic, kind) in _MAGIC or b"\x00" in data[:1024]):
            raise IngestProblem(f"{label} is {kind}, not text. Import .txt, .md, .html, .jsonl or .csv files.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16 (no byte order mark, detected)"
        if b"\x00" in data[:8192]:
            raise IngestProblem(f"{label} looks like a binary file (it contains zero bytes), not text.")
        if _has_utf8_sequences(data):
            raise IngestProblem(f"{label} is not valid UTF-8: the bytes at {_where(data, e.start)} are "
                                "broken (the file may be truncated or damaged). Re-save it as UTF-8.")
        return _legacy(data, label)
    if "\x00" in text:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16, "utf-16 (no byte order mark, detected)"
        raise IngestProblem(f"{label} looks like a binary file (it contains zero bytes), not text.")
    if _mostly_control(text):
        raise IngestProblem(f"{label} looks like a binary file (mostly control characters), not text.")
    return text, "utf-8"


def _has_utf8_sequences(data: bytes) -> bool:
    """True when the file holds well-formed multi-byte UTF-8, i.e. it is UTF-8 with damage."""
    sample = data[:1 << 20].decode("utf-8", errors="replace")
    return any(ord(c) > 0x7F and c != "\ufffd" for c in sample)


def _legacy(data: bytes, label: str) -> tuple[str, str]:
    """Windows-1252 (a superset of Latin-1's printable range) unless the text is clearly in another
    script, which charset-normalizer then names."""
    try:
        text = data.decode("cp1252")
        letters = [c for c in text[:65536] if c.isalpha()]
        if sum(ord(c) > 0x7F for c in letters) <= 0.3 * max(len(letters), 1):
            return _not_binary(text, label), "cp1252 (guessed)"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1 << 20]).best()
    if best is not None:
        try:
            return _not_binary(data.decode(best.encoding), label), best.encoding + " (guessed)"
        except (UnicodeDecodeError, LookupError):
            pass
    return _not_binary(data.decode("latin-1"), label), "latin-1 (guessed)"


def _not_binary(text: str, label: str) -> str:
    if _mostly_control(text):
        raise IngestProblem(f"{label} looks like a binary file, not text.")
    return text


def _mostly_control(text: str) -> bool:
    sample = text[:8192]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bool(sample) and bad > 0.05 * len(sample)
