"""A spaCy DocBin written as it fills, for exports of any size.

``DocBin.to_disk`` writes one zlib stream of one msgpack map whose values are the
token arrays, spaces and span groups of every Doc concatenated, their strings, and
each Doc's cats, flags and user data: the whole corpus held in memory twice at the end
(a 100,000-claim export peaked near 500 MB). ``DocBinFile`` keeps what ``DocBin.add``
keeps, but sends each part to an anonymous temporary file as each Doc comes, and at the
end writes the same map, piece by piece, through zlib: the bytes ``DocBin.to_disk``
compresses (tests/exports/test_training_stream.py compares them), at ``LEVEL``.
Only a sorted array of the hashes of the strings written so far (8 bytes each) and a few
numbers per Doc stay in memory; the strings themselves are read back at the end and sorted a share at a time.

``add`` collects a Doc's strings from its attribute arrays (each distinct value once)
instead of from nine attributes of every token in Python: the same set.
"""

from __future__ import annotations

import array
import contextlib
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import numpy
import srsly
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.tokens import Doc, DocBin

LEVEL = 1
"""zlib's level for the file. spaCy's DocBin uses the default (6): on the 120,000-claim export its 63 MB
of token arrays took 0.30 s of CPU to 4.2 MB, at 1 they take 0.11 s to 4.7 MB. ``DocBin.from_disk``
reads either."""

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


# a Doc's flags and its cats when it has none, packed once (srsly packs with a new Packer each time)
_FLAGS = {flag: srsly.msgpack_dumps({"has_unknown_spaces": flag}) for flag in (False, True)}
_NO_CATS = srsly.msgpack_dumps({})


def _distinct(values: numpy.ndarray) -> numpy.ndarray:
    """The distinct values, sorted, by sorting: ``numpy.unique`` uses a hash table allocated outside
    Python's allocator, and 10,000 of them left the heap 7 MB larger."""
    values = numpy.sort(values, axis=None)
    if len(values) < 2:
        return values
    return values[numpy.concatenate(([True], values[1:] != values[:-1]))]


class _Either:
    """Strings by hash from a dict, else from a string store."""

    def __init__(self, first: dict[int, str], then):
        self.first, self.then = first, then

    def __getitem__(self, key: int) -> str:
        text = self.first.get(key)
        return self.then[key] if text is None else text


class Packed(NamedTuple):
    """What ``DocBinFile.add`` keeps of one Doc, packed (``DocBinFile.pack``) to be appended later, maybe
    by another process: its parts as bytes, and the strings (hashes, UTF-8 texts) the packing side had
    not met before."""

    tokens: bytes
    spaces: bytes
    length: int
    flags: bytes
    cats: bytes
    user_data: bytes | None
    span_groups: bytes
    hashes: list[int]
    texts: list[bytes]


class Seen:
    """The hashes of the strings met so far: a sorted array (8 bytes each), and those met since it was
    last merged in a set."""

    def __init__(self, merge: int):
        self.merge = merge
        self._known = numpy.zeros(0, dtype=numpy.uint64)
        self._new: set[int] = set()  # (disjoint from _known)

    def unseen(self, hashes: numpy.ndarray) -> list[int]:
        """Those of these (distinct) hashes not met before, now met."""
        known = self._known
        if len(known):
            at = numpy.minimum(numpy.searchsorted(known, hashes), len(known) - 1)
            hashes = hashes[known[at] != hashes]
        new = self._new
        out = []
        for h in hashes.tolist():
            if h not in new:
                new.add(h)
                out.append(h)
        if len(new) >= self.merge:  # (one sort of the two)
            known = numpy.concatenate((known, numpy.fromiter(new, dtype=numpy.uint64, count=len(new))))
            known.sort()
            self._known = known
            new.clear()
        return out


class DocBinFile:
    """``DocBin(attrs, store_user_data)`` whose ``add``ed Docs wait in temporary files in ``folder``.

    With ``tokenized_only``, every Doc added must come straight from a tokenizer (with spans and user
    data, but no tags, lemmas, morphology, parse or entities): of the token strings ``DocBin.add``
    keeps, such a Doc has only its words and their norms, every other one is the empty string, and
    reading only those two columns is a third of the time of reading all nine.

    ``add`` is ``pack`` then ``append``: a Doc can be packed in another process (with that process's
    own ``Seen``) and appended here, in order, with ``append(packed, foreign=True)``. The order of the
    strings does not matter (they are sorted at the end), only that each is written once.
    """

    MERGE = 4096  # new string hashes held in a set before they join the sorted array

    def __init__(self, folder: Path, attrs=("ORTH", "SPACY"), store_user_data: bool = False, *,
                 tokenized_only: bool = False):
        model = DocBin(attrs=list(attrs), store_user_data=store_user_data)
        self.version, self.attrs, self.store_user_data = model.version, model.attrs, store_user_data
        self._string_attrs = [ORTH, NORM] if tokenized_only else _STRING_ATTRS
        self._files = {name: tempfile.TemporaryFile(dir=folder, prefix=".docbin-")
                       for name in ("tokens", "spaces", "span_groups", "user_data", "cats", "flags", "strings")}
        self._sizes = dict.fromkeys(self._files, 0)
        self.lengths = array.array("i")  # DocBin's int32 lengths
        self.seen = Seen(self.MERGE)  # the strings written (or packed here to be written)
        self._count = 0  # strings written

    def _put(self, name: str, data: bytes) -> None:
        self._files[name].write(data)
        self._sizes[name] += len(data)

    def add(self, doc: Doc, strings: dict[int, str] | None = None) -> None:
        """What ``DocBin.add`` keeps of a Doc. ``strings``: the texts of span ids given as hashes, which the
        Doc's vocabulary does not hold (kept as ``DocBin.add`` keeps those given as text)."""
        self.append(self.pack(doc, strings, self.seen))

    def pack(self, doc: Doc, strings: dict[int, str] | None, seen: Seen) -> Packed:
        """``add``'s work on a Doc, up to writing it; the strings ``seen`` has not met are kept with it."""
        k = len(self.attrs)
        values = doc.to_array([*self.attrs, SPACY, *self._string_attrs])  # one pass over the tokens
        if len(values.shape) == 1:
            values = values.reshape((values.shape[0], 1 + k + len(self._string_attrs)))
        user_data = None
        if self.store_user_data:
            data = srsly.msgpack_dumps(doc.user_data)
            user_data = _bin_header(len(data)) + data
        groups = doc.spans.to_bytes()
        store = doc.vocab.strings
        labels = [0] if len(values) and self._string_attrs is not _STRING_ATTRS else []  # (the empty string's)
        for group in doc.spans.values():
            for span in group:
                labels.append(span.label)
                if span.kb_id in store:
                    labels.append(span.kb_id)
                if span.id in store or (strings is not None and span.id in strings):
                    labels.append(span.id)
        hashes = values[:, k + 1:].ravel()
        if labels:
            hashes = numpy.concatenate((hashes, numpy.asarray(labels, dtype=numpy.uint64)))
        new = seen.unseen(_distinct(hashes))
        texts = store if not strings else _Either(strings, store)
        return Packed(values[:, :k].tobytes("C"), values[:, k].astype(bool).tobytes("C"), values.shape[0],
                      _FLAGS[bool(doc.has_unknown_spaces)], srsly.msgpack_dumps(doc.cats) if doc.cats else _NO_CATS,
                      user_data, _bin_header(len(groups)) + groups, new, [texts[h].encode("utf-8") for h in new])

    def append(self, packed: Packed, *, foreign: bool = False) -> None:
        """Write a packed Doc after those appended before. ``foreign``: packed with another ``Seen`` than
        ``self.seen`` (in another process): its strings are checked against those written here."""
        self._put("tokens", packed.tokens)
        self._put("spaces", packed.spaces)
        self.lengths.append(packed.length)
        self._put("flags", packed.flags)
        self._put("cats", packed.cats)
        if self.store_user_data:
            self._put("user_data", packed.user_data)
        self._put("span_groups", packed.span_groups)
        texts = packed.texts
        if foreign and packed.hashes:
            keep = set(self.seen.unseen(numpy.asarray(packed.hashes, dtype=numpy.uint64)))
            texts = [text for h, text in zip(packed.hashes, texts) if h in keep]
        for text in texts:
            self._put("strings", len(text).to_bytes(4, "little") + text)
        self._count += len(texts)

    def _packed_strings(self) -> Iterator[bytes]:
        """The strings as ``msgpack_dumps(sorted(strings))`` packs them, in pieces: they are read back
        from their temporary file and sorted a first byte (of UTF-8, whose order is the strings' order) at a
        time, so only one such share of them is held as strings at once (all 225,000 of the benchmark's
        were an export's peak, +11 MB)."""
        fh = self._files["strings"]
        fh.seek(0)
        data = fh.read()
        shares: dict[int, array.array] = {}  # first byte (-1: the empty string) -> where its strings start
        at = 0
        for _ in range(self._count):
            n = int.from_bytes(data[at:at + 4], "little")
            first = data[at + 4] if n else -1
            share = shares.get(first)
            if share is None:
                share = shares[first] = array.array("q")
            share.append(at)
            at += 4 + n
        yield _array_header(self._count)
        for first in sorted(shares):
            strings = []
            for at in shares.pop(first):
                n = int.from_bytes(data[at:at + 4], "little")
                strings.append(data[at + 4:at + 4 + n].decode("utf-8"))
            strings.sort()
            packed = srsly.msgpack_dumps(strings)
            yield packed[len(_array_header(len(strings))):]

    def write(self, path: Path) -> None:
        """Write the DocBin file (``DocBin.to_disk``'s bytes) to ``path``, then drop the temporary files."""
        squeeze = zlib.compressobj(LEVEL)
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
                put(pack("strings"))
                for piece in self._packed_strings():
                    put(piece)
                for name in ("cats", "flags", "span_groups"):
                    put(pack(name) + _array_header(n))
                    spill(name)
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


__all__ = ["DocBinFile", "Packed", "Seen"]
