"""One claim's history from the audit log: who changed what and when, the model's original suggestion first."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from db import AuditEntry, Project
from kernel import FRAGMENT_GAP, STANCE_LABELS

HIDDEN = {"annotator", "updated_at", "version", "created_at", "id", "article_id"}  # bookkeeping, not changes
NAMES = {"content_text": "content", "speaker_id": "speaker", "topic_id": "topic", "mention_text": "speaker mention",
         "cue_text": "reporting cue", "date_text": "date phrase", "verdict_rating": "verdict",
         "verdict_explanation": "explanation", "verdict_url": "evidence URL", "verdict_date": "verdict date",
         "date_assumed": "date assumed", "fragments": "fragments"}
SPAN_PARTS = ("start", "end", "cue_start", "cue_end", "mention_start", "mention_end")
ORIGINS = {"model": "Suggested by the model", "manual": "Marked by hand", "import": "Imported"}


def _value(project: Project, field: str, value) -> str:
    if field == "fragments":  # a split quote's pieces; None: the claim is in one piece
        if not isinstance(value, list):
            return "one piece"
        return FRAGMENT_GAP.join(f"“{piece.get('text', '')}”" for piece in value if isinstance(piece, dict))
    if value is None or value == "":
        return "—"
    if field == "stance":
        return STANCE_LABELS.get(value, str(value))
    if field == "speaker_id":
        try:
            return project.speaker(int(value)).name
        except Exception:  # a speaker merged away or deleted since
            return f"speaker {value}"
    if field == "topic_id":
        try:
            return project.topic(int(value)).name
        except Exception:
            return f"topic {value}"
    text = str(value)
    return text if len(text) <= 160 else text[:159] + "…"


def history_rows(project: Project, entries: list[AuditEntry]) -> list[tuple[str, str, str]]:
    """(when, who, what) per recorded change, oldest first; a change of several fields in one action
    is one row. The creation row says where the claim came from and what it said."""
    rows: list[tuple[str, str, str]] = []
    grouped: dict[object, list[AuditEntry]] = {}
    order: list[object] = []
    for e in entries:
        key = e.action_id if e.action_id is not None else ("entry", e.id)
        if key not in grouped:
            grouped[key] = []
            order.append(key)
        grouped[key].append(e)
    for key in order:
        group = grouped[key]
        first = group[0]
        when = f"{first.at:%Y-%m-%d %H:%M}"
        who = first.annotator or ("model" if first.kind == "create" else "—")
        parts = []
        refragmented = any(e.field == "fragments" for e in group)  # its pieces say it; the whole would repeat them
        for e in group:
            if e.kind == "create" and isinstance(e.new, dict):
                new = e.new
                origin = ORIGINS.get(new.get("origin"), "Created")
                model = " ".join(x for x in (new.get("model_name"), new.get("model_version")) if x)
                confidence = f", {new['confidence']:.0%}" if new.get("confidence") else ""
                head = f"<b>{origin}</b>" + (f" ({escape(model)}{confidence})" if model else "")
                fields = [escape(_value(project, "fragments", new["fragments"])) if new.get("fragments") else
                          f"“{escape(_value(project, 'content_text', new.get('content_text')))}”"]
                for field in ("speaker_id", "role", "date", "stance", "topic_id", "status"):
                    if new.get(field) not in (None, ""):
                        fields.append(f"{NAMES.get(field, field)}: {escape(_value(project, field, new[field]))}")
                parts.append(head + "<br>" + " · ".join(fields))
            elif e.kind == "delete":
                parts.append("<b>Deleted</b>")
            elif e.field and e.field not in HIDDEN and e.field not in SPAN_PARTS and not (
                    refragmented and e.field == "content_text"):
                name = NAMES.get(e.field, e.field.replace("_", " "))
                parts.append(f"{escape(name)}: {escape(_value(project, e.field, e.old))} → "
                             f"<b>{escape(_value(project, e.field, e.new))}</b>")
        if parts:
            rows.append((when, who, "<br>".join(parts)))
    return rows


class ClaimHistoryDialog(QDialog):
    """The history of one claim, as a table drawn by Qt (rich text: no Python per cell)."""

    def __init__(self, project: Project, claim_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"History of claim {claim_id}")
        self.rows = history_rows(project, project.claim_history(claim_id))
        browser = QTextBrowser(accessibleName="Claim history")
        cells = "".join(f'<tr><td valign="top">{when}</td><td valign="top">{escape(who)}</td>'
                        f'<td valign="top">{what}</td></tr>' for when, who, what in self.rows)
        browser.setHtml('<table width="100%" cellspacing="0" cellpadding="5" border="1" style="border-color:#ccc">'
                        "<tr><th align='left'>When (UTC)</th><th align='left'>Who</th><th align='left'>What</th></tr>"
                        f"{cells}</table>")
        self.browser = browser
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every recorded change to this claim, oldest first: the model's original "
                                "suggestion, then each person's edits."))
        layout.addWidget(browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)
