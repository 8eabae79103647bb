"""A spaCy DocBin written as it fills, for exports of any size.

``DocBin.to_disk`` writes one zlib stream of one msgpack map whose values are the
token arrays, spaces and span groups of every Doc concatenated, their strings, and
each Doc's user data: the whole corpus held in memory twice at the end (a 100,000-claim
export peaked near 500 MB). ``DocBinFile`` keeps what ``DocBin.add`` keeps, but sends
the large parts to anonymous temporary files as each Doc comes, and at the end writes
the same map, piece by piece, through the same compression: the bytes are those
``DocBin.to_disk`` writes (tests/exports/test_training_stream.py compares them). Only
the strings, and a few numbers per Doc, stay in memory.

``add`` also collects a Doc's strings from its attribute arrays (each distinct value
once) instead of from nine attributes of every token in Python, the same set.
"""

from __future__ import annotations

import contextlib
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy
import srsly
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.tokens import Doc, DocBin

_STRING_ATTRS = [ORTH, TAG, LEMMA, NORM, MORPH, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID]  # those DocBin.add keeps


@contextlib.contextmanager
def msgpack_hooks_looked_up_once() -> Iterator[None]:
    """srsly looks up its msgpack encoders (a catalogue registry: a scan of every installed package's
    entry points) on each ``msgpack_dumps``, which spaCy calls several times per Doc (its span groups,
    its user data): most of a DocBin export's time. Within this block they are looked up once; the
    bytes written are the same (the same encoders, chained the same way)."""
    from srsly.msgpack import msgpack_encoders

    found = msgpack_encoders.get_all()
    msgpack_encoders.get_all = lambda: dict(found)  # an instance attribute, removed again below
    try:
        yield
    finally:
        del msgpack_encoders.get_all


def _bin_header(n: int) -> bytes:
    """msgpack's header of a byte string of n bytes (what ``msgpack_dumps`` writes before it)."""
    if n < 2**8:
        return b"\xc4" + n.to_bytes(1, "big")
    if n < 2**16:
        return b"\xc5" + n.to_bytes(2, "big")
    return b"\xc6" + n.to_bytes(4, "big")


def _array_header(n: int) -> bytes:
    if n < 16:
        return bytes([0x90 | n])
    if n < 2**16:
        return b"\xdc" + n.to_bytes(2, "big")
    return b"\xdd" + n.to_bytes(4, "big")


class DocBinFile:
    """``DocBin(attrs, store_user_data)`` whose ``add``ed Docs wait in temporary files in ``folder``."""

    def __init__(self, folder: Path, attrs=("ORTH", "SPACY"), store_user_data: bool = False):
        model = DocBin(attrs=list(attrs), store_user_data=store_user_data)
        self.version, self.attrs, self.store_user_data = model.version, model.attrs, store_user_data
        self._files = {name: tempfile.TemporaryFile(dir=folder, prefix=".docbin-")
                       for name in ("tokens", "spaces", "span_groups", "user_data")}
        self._sizes = dict.fromkeys(self._files, 0)
        self.lengths: list[int] = []
        self.cats: list[dict] = []
        self.flags: list[dict] = []
        self.strings: set[str] = set()

    def _put(self, name: str, data: bytes) -> None:
        self._files[name].write(data)
        self._sizes[name] += len(data)

    def add(self, doc: Doc) -> None:
        """What ``DocBin.add`` keeps of a Doc."""
        array = doc.to_array(self.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        self._put("tokens", array.tobytes("C"))
        spaces = doc.to_array(SPACY)
        self._put("spaces", numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool).tobytes("C"))
        self.lengths.append(array.shape[0])
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        if len(doc):
            store = doc.vocab.strings
            self.strings.update(store[h] for h in set(doc.to_array(_STRING_ATTRS).ravel().tolist()))
        self.cats.append(doc.cats)
        if self.store_user_data:
            data = srsly.msgpack_dumps(doc.user_data)
            self._put("user_data", _bin_header(len(data)) + data)
        groups = doc.spans.to_bytes()
        self._put("span_groups", _bin_header(len(groups)) + groups)
        for group in doc.spans.values():
            for span in group:
                self.strings.add(span.label_)
                if span.kb_id in span.doc.vocab.strings:
                    self.strings.add(span.kb_id_)
                if span.id in span.doc.vocab.strings:
                    self.strings.add(span.id_)

    def write(self, path: Path) -> None:
        """Write the DocBin file (``DocBin.to_disk``'s bytes) to ``path``, then drop the temporary files."""
        squeeze = zlib.compressobj()
        pack = srsly.msgpack_dumps
        try:
            with open(path, "wb") as out:
                def put(data: bytes) -> None:
                    out.write(squeeze.compress(data))

                def spill(name: str) -> None:
                    fh = self._files[name]
                    fh.seek(0)
                    while chunk := fh.read(1 << 20):
                        put(chunk)

                n = len(self.lengths)
                put(bytes([0x80 | (10 if self.store_user_data else 9)]))  # a map of 9 or 10 entries
                put(pack("version") + pack(self.version) + pack("attrs") + pack(self.attrs))
                for name in ("tokens", "spaces"):
                    put(pack(name) + _bin_header(self._sizes[name]))
                    spill(name)
                put(pack("lengths") + pack(numpy.asarray(self.lengths, dtype="int32").tobytes("C")))
                put(pack("strings") + pack(sorted(self.strings)))
                put(pack("cats") + pack(self.cats) + pack("flags") + pack(self.flags))
                put(pack("span_groups") + _array_header(n))
                spill("span_groups")
                if self.store_user_data:
                    put(pack("user_data") + _array_header(n))
                    spill("user_data")
                out.write(squeeze.flush())
        finally:
            self.close()

    def close(self) -> None:
        """Drop the temporary files (what they hold is no longer wanted: a full disk does not matter now)."""
        for fh in self._files.values():
            with contextlib.suppress(OSError):
                fh.close()


__all__ = ["DocBinFile"]
