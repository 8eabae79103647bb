"""The annotator's name dialog: what it accepts, and that it is wide enough to read."""

from PySide6.QtCore import Qt

from desktop.dialogs import AnnotatorDialog


def test_the_name_dialog_accepts_a_name_and_shows_its_whole_title(qtbot):
    dialog = AnnotatorDialog(None, ["Ana"])
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # blank: nothing to record
    qtbot.keyClicks(dialog.name, "  ")
    assert not ok.isEnabled()
    dialog.name.insert("Łukasz 🙂")  # typed by an input method: QTest types one UTF-16 unit per key
    assert ok.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == AnnotatorDialog.DialogCode.Accepted and dialog.value() == "Łukasz 🙂"
    # a window manager's title bar shows the title in bold beside an icon and three buttons (openbox
    # elided "Who is ann…" at 261 px): the dialog leaves room for them
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 200
