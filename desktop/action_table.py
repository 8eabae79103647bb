"""Every action of the main window and its shortcuts, in one table (after Picard's actions.py).

The menus, the shortcuts and the help overlay are all built from ``ACTIONS``, so
they cannot disagree. Where Qt defines a standard key (Open, Undo, Find...) it
is used, so the platform's own convention applies. The window binds each action
to its handler in one explicit table (``MainWindow._bind_actions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

Std = QKeySequence.StandardKey

MENUS = ("File", "Edit", "Claim", "View", "Team", "Help")
# a menu's title with its Alt key where the first letter is taken: Alt+T is the claim form's S&tance
MENU_TITLES = {"Team": "Tea&m"}


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    keys: tuple[str, ...] = ()
    standard: QKeySequence.StandardKey | None = None
    tip: str = ""
    checkable: bool = False
    # a bare key (A, 1, Enter…): acts only where claims are shown (the article text, the claims
    # table), never from a text field, a list of articles or a registry field
    local: bool = False
    # where a local action's keys act: "claims" (the article text, the claims table) or
    # "adjudication" (the adjudication view only: its 1, 2, 3 take versions, not stances)
    where: str = "claims"
    submenu: str = ""  # shown in a submenu of its menu (the nine "Take version" entries)
    in_help: bool = True  # listed in the keyboard overlay (take_2…take_9 are said by take_1's line)


SEPARATOR = None  # a None entry in ACTIONS draws a separator in its menu's list

ACTIONS: tuple[ActionSpec | tuple[str, None], ...] = (
    ActionSpec("new_project", "&New project…", "File", standard=Std.New, tip="Create an empty project file"),
    ActionSpec("open_project", "&Open project…", "File", standard=Std.Open, tip="Open a project file"),
    ("File", SEPARATOR),
    ActionSpec("import_files", "&Import articles…", "File", ("Ctrl+I",), tip="Import article files"),
    ActionSpec("import_folder", "Import &folder…", "File", ("Ctrl+Shift+I",), tip="Import every article in a folder"),
    ActionSpec("suggest", "&Suggest claims", "File", ("Ctrl+Shift+R",),
               tip="Run the language model on articles that have no suggestions yet"),
    ActionSpec("suggest_statements", "Suggest statements on&ly", "File",
               tip="Suggest only direct quotes and reported speech, not beliefs, intentions or evaluations "
               "(a project setting; takes effect on the next suggestions)", checkable=True),
    ActionSpec("train_model", "&Train suggestion model…", "File",
               tip="Learn from the project's confirmed claims; the next suggestions use the new model"),
    ActionSpec("export", "&Export…", "File", ("Ctrl+E",), tip="Export the project's claims"),
    ("File", SEPARATOR),
    ActionSpec("change_annotator", "Change &annotator…", "File", tip="Change the name recorded on your changes"),
    ActionSpec("quit", "&Quit", "File", standard=Std.Quit, tip="Close Quotedesk"),

    ActionSpec("undo", "&Undo", "Edit", standard=Std.Undo, tip="Undo your last change"),
    ActionSpec("redo", "&Redo", "Edit", standard=Std.Redo, tip="Redo the change you undid"),
    ("Edit", SEPARATOR),
    ActionSpec("find", "&Find…", "Edit", standard=Std.Find, tip="Search articles"),
    ActionSpec("find_claims", "Find &claims…", "Edit", ("Ctrl+Shift+F",), tip="Search all claims of the project"),

    ActionSpec("next_suggestion", "&Next claim", "Claim", ("J", "N"),
               tip="Select the next claim in the article", local=True),
    ActionSpec("prev_suggestion", "&Previous claim", "Claim", ("K", "P"), tip="Select the previous claim", local=True),
    ("Claim", SEPARATOR),
    ActionSpec("accept", "&Accept", "Claim", ("A", "Return"),
               tip="Confirm the selected claim and go to the next", local=True),
    ActionSpec("reject", "&Reject", "Claim", ("R", "Delete"),
               tip="Reject the selected claim and go to the next", local=True),
    ("Claim", SEPARATOR),
    ActionSpec("stance_favor", "Stance: in &favour", "Claim", ("1",), tip="The claim supports the topic", local=True),
    ActionSpec("stance_against", "Stance: &against", "Claim", ("2",), tip="The claim opposes the topic", local=True),
    ActionSpec("stance_neutral", "Stance: n&eutral", "Claim", ("3",), tip="The claim takes no side", local=True),
    ActionSpec("stance_none", "Stance: not judged", "Claim", ("0",), tip="Clear the stance", local=True),
    ("Claim", SEPARATOR),
    ActionSpec("focus_speaker", "Edit &speaker", "Claim", ("S",),
               tip="Type the speaker's name (with completion)", local=True),
    ActionSpec("speaker_from_selection", "Speaker from &selected name", "Claim", ("Shift+S",),
               tip="Make the name selected in the text the claim's speaker and mention", local=True),
    ActionSpec("edit_fields", "&Edit fields", "Claim", ("E",),
               tip="Move to the claim form, field by field (Tab)", local=True),
    ActionSpec("new_claim", "New claim from &selection", "Claim", ("M",),
               tip="Mark the selected text as a claim", local=True),
    ActionSpec("add_fragment", "Add selection to the &claim", "Claim", ("F",),
               tip="Add the selected text to the selected claim as another fragment (a quote split by its attribution)",
               local=True),
    ActionSpec("remove_fragment", "Remove the fragment at the c&ursor", "Claim", ("Shift+F",),
               tip="Take the fragment under the text cursor out of the selected split claim", local=True),
    ActionSpec("span_start_earlier", "Start one word earlier", "Claim", ("Alt+Left",),
               tip="Move the start of the selected claim back by a word", local=True),
    ActionSpec("span_start_later", "Start one word later", "Claim", ("Alt+Right",),
               tip="Move the start of the selected claim forward by a word", local=True),
    ActionSpec("span_end_earlier", "End one word earlier", "Claim", ("Alt+Shift+Left",),
               tip="Move the end of the selected claim back by a word", local=True),
    ActionSpec("span_end_later", "End one word later", "Claim", ("Alt+Shift+Right",),
               tip="Move the end of the selected claim forward by a word (or drag the end with the mouse)",
               local=True),
    ActionSpec("claim_history", "&History of the claim…", "Claim", ("H",),
               tip="Who changed what in the selected claim, the model's original suggestion first", local=True),
    ActionSpec("delete_claim", "&Delete claim", "Claim", ("Ctrl+Delete",), tip="Remove the claim entirely"),

    ActionSpec("next_article", "Next a&rticle", "View", ("Ctrl+Shift+N", "Ctrl+PgDown"), tip="Open the next article"),
    ActionSpec("prev_article", "Pre&vious article", "View", ("Ctrl+Shift+P", "Ctrl+PgUp"),
               tip="Open the previous article"),
    ActionSpec("edit_article", "Article deta&ils…", "View", ("Ctrl+Shift+D",),
               tip="Show and edit the article's title, publisher, author, source URL and date"),
    ActionSpec("mark_done", "Article &done", "View", ("Ctrl+D",), tip="Mark the article as finished", checkable=True),
    ("View", SEPARATOR),
    ActionSpec("show_rejected", "Show re&jected claims", "View", ("Ctrl+J",), tip="Show rejected claims in the text",
               checkable=True),
    ActionSpec("show_claims", "All &claims", "View", ("Ctrl+L",), tip="Show the table of all claims"),
    ActionSpec("show_article", "Article &text", "View", ("Ctrl+K",), tip="Show the article text"),

    ActionSpec("my_queue", "My &queue", "Team", ("Ctrl+Shift+Q",),
               tip="Show the articles assigned to you, what you finished and your progress"),
    ActionSpec("next_unfinished", "Next &unfinished in my queue", "Team", ("Ctrl+Shift+PgDown",),
               tip="Open the first article of your queue you have not finished"),
    ActionSpec("finish_assignment", "&Finished (my queue)", "Team", ("Ctrl+Return",), checkable=True,
               tip="Mark the shown article finished in your queue (again to reopen it)"),
    ("Team", SEPARATOR),
    ActionSpec("assign", "&Assign articles…", "Team",
               tip="Give articles to annotators, by hand or round-robin with N annotators per article"),
    ActionSpec("blind_mode", "&Blind annotation", "Team", checkable=True,
               tip="Each annotator decides in their own layer of an article; nobody sees the others' "
               "decisions until adjudication (a project setting, for everyone)"),
    ("Team", SEPARATOR),
    ActionSpec("agreement", "A&greement", "Team", ("Ctrl+Shift+G",),
               tip="Agreement between annotators per article and for the project"),
    ActionSpec("adjudicate", "A&djudication", "Team", ("Ctrl+Shift+J",),
               tip="Settle where annotators differ: take a version, edit the final claim or decide no claim"),
    *(ActionSpec(f"take_{n}", f"Take version {n}" + (" (2, 3…: the others)" if n == 1 else ""), "Team", (str(n),),
                 tip=f"Make annotator {n}'s version the final claim", local=True, where="adjudication",
                 submenu="Take &version", in_help=n == 1) for n in range(1, 10)),
    ActionSpec("adj_edit", "&Edit the final claim", "Team", ("E",),
               tip="Edit the final claim of the disagreement in the form beside it", local=True, where="adjudication"),
    ActionSpec("adj_no_claim", "&No claim", "Team", ("X", "R"),
               tip="Settle the disagreement as no claim: every version is set aside", local=True, where="adjudication"),
    ActionSpec("adj_next", "Ne&xt disagreement", "Team", ("J", "N"), tip="Go to the next disagreement", local=True,
               where="adjudication"),
    ActionSpec("adj_prev", "P&revious disagreement", "Team", ("K", "P"), tip="Go to the previous disagreement",
               local=True, where="adjudication"),

    ActionSpec("help", "&Keyboard shortcuts", "Help", ("?", "F1"), tip="Show every shortcut"),
    ActionSpec("about", "&About Quotedesk", "Help"),
)


def specs() -> list[ActionSpec]:
    return [a for a in ACTIONS if isinstance(a, ActionSpec)]


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    keys = list(QKeySequence.keyBindings(spec.standard)) if spec.standard is not None else []
    keys += [QKeySequence(k) for k in spec.keys]
    return keys


def shortcut_text(spec: ActionSpec) -> str:
    """The keys as the user reads them, e.g. "J, N" or "Ctrl+Z".

    Of a standard key only the platform's main binding is named (not the extra
    Undo/F14 keys some keyboards have).
    """
    keys = key_sequences(spec)
    if spec.standard is not None and keys:
        keys = keys[:1] + [QKeySequence(k) for k in spec.keys]
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


class _MenuFirst(QObject):
    """While a menu is open, a bare key is the menu's (its underlined letter), not a claim action's.

    Qt matches shortcuts before an open menu sees the key, and the text keeps the focus under the
    menu: Alt+M then A would accept the claim under the menu instead of choosing Assign articles….
    Here the key chooses the menu's entry with that letter instead, or does nothing.
    """

    def eventFilter(self, obj, event) -> bool:
        popup = QApplication.activePopupWidget()
        if event.type() != QEvent.Type.Shortcut or not isinstance(popup, QMenu):
            return False
        combo = event.key()[0]
        if combo.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl+…, Alt+…: a real shortcut, not a letter for the menu
        wanted = QKeySequence(QKeyCombination(Qt.KeyboardModifier.AltModifier, combo.key()))
        for action in popup.actions():
            if action.isEnabled() and action.isVisible() and not action.isSeparator() \
                    and QKeySequence.mnemonic(action.text()) == wanted:
                popup.setActiveAction(action)
                if action.menu() is None:
                    popup.hide()
                    action.trigger()
                break
        return True


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions = {}
    menu_first = _MenuFirst(parent)
    for spec in specs():
        act = QAction(spec.text, parent)
        act.setObjectName(f"action_{spec.name}")
        act.setShortcuts(key_sequences(spec))
        act.setCheckable(spec.checkable)
        keys = shortcut_text(spec)
        act.setToolTip(f"{spec.tip} ({keys})" if spec.tip and keys else spec.tip or spec.text.replace("&", ""))
        act.setStatusTip(spec.tip)
        if spec.local:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # see claim_views()
            act.installEventFilter(menu_first)
        else:
            parent.addAction(act)  # shortcuts work even while the menu bar is hidden
        actions[spec.name] = act
    return actions


def install_local(actions: dict[str, QAction], widgets: list[QWidget], where: str = "claims") -> None:
    """Give the bare-key actions of ``where`` to its widgets (those that show claims, or the
    adjudication view); their keys work only there."""
    for spec in specs():
        if spec.local and spec.where == where:
            for widget in widgets:
                widget.addAction(actions[spec.name])


def build_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    menus = {name: menubar.addMenu(MENU_TITLES.get(name, f"&{name}")) for name in MENUS}
    submenus: dict[tuple[str, str], QMenu] = {}
    for entry in ACTIONS:
        if isinstance(entry, ActionSpec) and entry.submenu:
            key = (entry.menu, entry.submenu)
            if key not in submenus:
                submenus[key] = menus[entry.menu].addMenu(entry.submenu)
            submenus[key].addAction(actions[entry.name])
        elif isinstance(entry, ActionSpec):
            menus[entry.menu].addAction(actions[entry.name])
        else:
            menus[entry[0]].addSeparator()
    return menus
