"""Code point <-> UTF-16 conversion, the boundary between our offsets and Qt's."""

import pytest

from desktop.offsets import Utf16Map, from_utf16, to_utf16

TEXT = "Hi 👋 there, 𝔘nicode! שלום 🇮🇹 end"


def _reference_utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_every_code_point_offset_maps_to_its_utf16_position():
    m = Utf16Map(TEXT)
    for i in range(len(TEXT) + 1):
        assert m.to_utf16(i) == _reference_utf16(TEXT, i)
        assert m.from_utf16(m.to_utf16(i)) == i


def test_emoji_shifts_later_offsets_by_one_unit_each():
    text = "😀😀 said"
    assert to_utf16(text, 3) == 5
    assert from_utf16(text, 5) == 3


def test_position_inside_a_surrogate_pair_maps_to_that_character():
    text = "a😀b"
    assert from_utf16(text, 2) == 1  # between the two halves of the emoji
    assert from_utf16(text, 3) == 2


def test_ascii_and_bmp_text_is_identity():
    text = "Crosetto said – “yes”"
    m = Utf16Map(text)
    assert m.utf16_length == len(text)
    assert all(m.to_utf16(i) == i and m.from_utf16(i) == i for i in range(len(text) + 1))


def test_length_matches_qt_string_length(qapp):
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setPlainText(TEXT)
    assert doc.characterCount() - 1 == Utf16Map(TEXT).utf16_length


def test_offsets_outside_the_text_are_refused():
    m = Utf16Map("ab")
    with pytest.raises(ValueError):
        m.to_utf16(3)
    with pytest.raises(ValueError):
        m.from_utf16(-1)
