"""One hash of an article's text, to find the same article again."""

from __future__ import annotations

import hashlib
import unicodedata


def content_hash(text: str) -> str:
    """Hash of the text as a reader sees it: NFC, case-folded, whitespace collapsed.

    Ingested text is already NFC (``annotate.ingest`` normalises every line), so for it this
    equals the hash without the NFC step that ingest used before: hashes stored by
    earlier versions stay valid and need no migration.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
