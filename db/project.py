"""The ``Project`` facade: the only way the rest of Quotedesk reads or writes a project.

Every verb runs in its own short transaction and takes and returns plain frozen
records (``db.records``); no ORM object leaves this package. Verbs that change
something return a ``Changes`` record. User changes to claims, speakers and
topics are undoable actions (``db.actions``), kept in the database so undo
survives a restart.

``Project`` holds no logic of its own beyond opening, configuration and search: each verb
hands over to one of its parts, which share one ``Store`` (sessions and the writer lock):

- ``articles`` (db/articles.py): adding, listing, editing, deleting articles
- ``claims`` (db/claims.py): the claims filter, reading claims, every claim write
- ``registry`` (db/registry.py): speakers, their roles, topics; merges and splits
- ``stances`` (db/stances.py): stance timelines and stance changes (fact-check queries)
- ``history`` (db/history.py): undo, redo, each claim's recorded history
- ``bulk`` (db/bulk.py): streaming claims and articles out, loading whole projects in
- ``team`` (db/team.py): blind annotation (a setting), assignments, queues, progress
- ``layers`` (db/layers.py): annotators' private claim layers and adjudication into final claims
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kernel import ClaimDraft, Span
from kernel.vocab import SYSTEM_ACTOR

from . import schema, search
from .actions import ensure_annotator
from .articles import Articles
from .bulk import Bulk, BulkArticle, BulkSpeaker, BulkTopic, LoadResult
from .claims import Claims
from .errors import InvalidValueError
from .feed import ChangeFeed
from .disagreements import Disagreements
from .history import History
from .layers import Layers
from .models import AnnotatorRow, ArticleRow, ClaimRow, ConfigRow, SpeakerRow, TopicRow
from .records import (
    Disagreement,
    Article,
    LayerValues,
    Progress,
    QueueItem,
    Settlement,
    ArticleSummary,
    AuditEntry,
    Changes,
    Claim,
    ClaimFilter,
    ClaimValues,
    HistoryItem,
    MergeProposal,
    NewArticle,
    ProjectInfo,
    SearchHit,
    Speaker,
    SpeakerRole,
    StanceChange,
    StancePoint,
    Topic,
)
from .registry import Registry
from .stances import Stances
from .store import Store, clean
from .team import Team


class Project:
    """A Quotedesk project on a database URL (a SQLite file by default)."""

    def __init__(self, engine, url: str):
        self._store = Store(engine, url)
        self._articles = Articles(self._store)
        self._claims = Claims(self._store)
        self._registry = Registry(self._store)
        self._stances = Stances(self._store)
        self._history = History(self._store)
        self._bulk = Bulk(self._store)
        self._team = Team(self._store)
        self._layers = Layers(self._store)
        self._disagreements = Disagreements(self._store)
        self.url = url

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, target: str | Path, *, create: bool = True) -> Project:
        """Open (creating or upgrading as needed) the project at a path or database URL."""
        url = schema.to_url(target)
        engine = schema.prepare(url, create=create)
        return cls(engine, url)

    def close(self) -> None:
        self._store.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        return schema.sqlite_path(self.url)

    def info(self) -> ProjectInfo:
        with self._store.reading() as s:
            by_status = dict(s.execute(select(ClaimRow.status, func.count()).where(ClaimRow.layer.is_(None))
                                       .group_by(ClaimRow.status)).all())
            layered = s.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.layer.is_not(None)))
            titles = tuple(t or "(untitled)" for t in s.scalars(select(ArticleRow.title).order_by(ArticleRow.id)))
            rev = s.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            return ProjectInfo(
                url=self.url,
                path=str(self.path) if self.path else None,
                schema_version=rev,
                articles=len(titles),
                claims=sum(by_status.values()),
                claims_by_status=by_status,
                speakers=s.scalar(select(func.count()).select_from(SpeakerRow)),
                topics=s.scalar(select(func.count()).select_from(TopicRow)),
                article_titles=titles,
                layer_claims=layered,
            )

    # ------------------------------------------------------------ config, annotators
    def get_config(self, key: str, default: Any = None) -> Any:
        with self._store.reading() as s:
            row = s.scalar(select(ConfigRow).where(ConfigRow.key == key))
            return default if row is None else row.value

    def set_config(self, key: str, value: Any) -> None:
        with self._store.writing() as s:
            row = s.scalar(select(ConfigRow).where(ConfigRow.key == key))
            if row is None:
                s.add(ConfigRow(key=key, value=value))
            else:
                row.value = value

    def annotators(self) -> list[str]:
        with self._store.reading() as s:
            # Projects written before the software's own name was kept out of the list may hold it.
            return list(s.scalars(select(AnnotatorRow.name).where(AnnotatorRow.name != SYSTEM_ACTOR)
                                  .order_by(AnnotatorRow.name)))

    def add_annotator(self, name: str) -> None:
        name = clean(name)
        if not name:
            raise InvalidValueError("An annotator needs a name.")
        with self._store.writing() as s:
            ensure_annotator(s, name)

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Claims, articles and speakers matching what the user typed."""
        with self._store.reading() as s:
            return search.hits(s, text, limit)

    # --------------------------------------------------------------- articles
    def add_article(self, new: NewArticle) -> tuple[Article, Changes]:
        """Store an imported article; raises DuplicateArticleError when its text is already here."""
        return self._articles.add(new)

    def article(self, article_id: int) -> Article:
        return self._articles.get(article_id)

    def articles(self, search_text: str | None = None, *, ids: Sequence[int] | None = None) -> list[ArticleSummary]:
        """The article list with claim counts, newest publication first (only ``ids`` when given)."""
        return self._articles.summaries(search_text, ids)

    def article_list_ids(self, search_text: str | None = None) -> list[int]:
        """The article list's ids in its order (what ``articles`` lists), without counting any claims."""
        return self._articles.listed_ids(search_text)

    def article_ids(self, *, lacking_suggestions: bool = False) -> list[int]:
        return self._articles.ids(lacking_suggestions=lacking_suggestions)

    def update_article(self, article_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                       **fields: Any) -> Changes:
        """Change article metadata (title, published date, done mark...), undoably.

        With ``expected_version`` an article changed elsewhere meanwhile raises ConflictError.
        """
        return self._articles.update(article_id, annotator=annotator, expected_version=expected_version, **fields)

    def delete_article(self, article_id: int) -> Changes:
        """Remove an article and its claims (their audit history stays)."""
        return self._articles.delete(article_id)

    # ------------------------------------------------------------------ claims
    def claim(self, claim_id: int) -> Claim:
        return self._claims.get(claim_id)

    def claims(self, f: ClaimFilter | None = None) -> list[Claim]:
        """Claims matching a filter, in article then text order."""
        return self._claims.matching(f)

    def claim_ids(self, f: ClaimFilter | None = None, *, sort: str | None = None,
                  descending: bool = False) -> list[int]:
        """Ids of the claims a filter selects, sorted in SQL by a column of the claims table
        (status, speaker, claim, stance, topic, date, article), then in article and text order."""
        return self._claims.ids(f, sort=sort, descending=descending)

    def count_claims(self, f: ClaimFilter | None = None) -> int:
        return self._claims.count(f)

    def save_suggestions(self, article_id: int, suggestions: Iterable[ClaimDraft], *, redo: bool = False) -> Changes:
        """Store model suggestions for an article.

        Never touches confirmed or rejected claims. With ``redo`` the article's
        earlier pending model suggestions are replaced; otherwise a suggestion
        whose span is already stored, or that overlaps a claim a person has
        decided on, is skipped, so running twice adds nothing.
        """
        return self._claims.save_suggestions(article_id, suggestions, redo=redo)

    def warm_saving(self, article_id: int) -> None:
        """Read what ``save_suggestions`` reads first, outside a write: a process about to store many
        suggestions calls it once, so its first store holds the write lock for milliseconds, not for the
        compiling of its statements."""
        self._claims.warm_saving(article_id)

    def add_claim(self, article_id: int, new: ClaimDraft, *, annotator: str | None = None,
                  layer: str | None = None) -> tuple[Claim, Changes]:
        """A claim marked by a person (origin manual, confirmed unless said otherwise); undoable.

        With ``layer`` (the annotator's own name) it goes into their private layer of the article
        (opened first if it was not); another annotator's layer is refused (NotYourLayerError).
        """
        if layer is not None and layer == annotator:
            opened = self._layers.open_layer(article_id, layer)
            claim, changes = self._claims.add(article_id, new, annotator=annotator, layer=layer)
            return claim, opened | changes
        return self._claims.add(article_id, new, annotator=annotator, layer=layer)

    def update_claim(self, claim_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                     label: str = "Edit claim", **fields: Any) -> Changes:
        """Change fields of a claim in one undoable action.

        Fields: content/cue/mention (Span or None), fragments (the content's pieces,
        content follows them), speaker (a name) or speaker_id,
        topic (a name) or topic_id, and kind, role, date, date_text, date_assumed,
        stance, verdict_rating, verdict_explanation, verdict_url, note, status.
        With ``expected_version`` a claim changed elsewhere meanwhile raises ConflictError.
        """
        return self._claims.update(claim_id, annotator=annotator, expected_version=expected_version, label=label,
                                   **fields)

    def add_fragment(self, claim_id: int, piece: Span, *, annotator: str | None = None,
                     expected_version: int | None = None) -> Changes:
        """Join a stretch of text to a claim's content as a fragment (merging with pieces it touches); undoable."""
        return self._claims.add_fragment(claim_id, piece, annotator=annotator, expected_version=expected_version)

    def remove_fragment(self, claim_id: int, index: int, *, annotator: str | None = None,
                        expected_version: int | None = None) -> Changes:
        """Remove the claim's content fragment at ``index`` (0-based); a claim keeps at least one; undoable."""
        return self._claims.remove_fragment(claim_id, index, annotator=annotator, expected_version=expected_version)

    def confirm_claim(self, claim_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                      **fields: Any) -> Changes:
        """Accept a claim; with ``expected_version`` a stale accept (e.g. after someone's reject) is a conflict."""
        return self._claims.update(claim_id, annotator=annotator, expected_version=expected_version,
                                   label="Accept claim", status="confirmed", **fields)

    def reject_claim(self, claim_id: int, *, annotator: str | None = None,
                     expected_version: int | None = None) -> Changes:
        return self._claims.update(claim_id, annotator=annotator, expected_version=expected_version,
                                   label="Reject claim", status="rejected")

    def delete_claim(self, claim_id: int, *, annotator: str | None = None,
                     expected_version: int | None = None) -> Changes:
        return self._claims.delete(claim_id, annotator=annotator, expected_version=expected_version)

    def change_feed(self, *, ignore=None) -> ChangeFeed:
        """Changes made by anyone since the feed was made, polled (``db.feed``)."""
        return ChangeFeed(self._store, ignore=ignore)

    # ------------------------------------------------------------- undo / redo
    def claim_history(self, claim_id: int) -> list[AuditEntry]:
        """Every recorded change to a claim, oldest first (including the model's original suggestion)."""
        return self._history.of_claim(claim_id)

    def history(self, annotator: str | None = None, *, limit: int = 100) -> list[HistoryItem]:
        """This annotator's recent actions, newest first (state done or undone)."""
        return self._history.items(annotator, limit=limit)

    def undo_label(self, annotator: str | None = None) -> str | None:
        return self._history.label(annotator, "done")

    def redo_label(self, annotator: str | None = None) -> str | None:
        return self._history.label(annotator, "undone")

    def undo(self, annotator: str | None = None) -> Changes:
        return self._history.undo_redo(annotator, undo=True)

    def redo(self, annotator: str | None = None) -> Changes:
        return self._history.undo_redo(annotator, undo=False)

    # ---------------------------------------------------------------- speakers
    def speakers(self) -> list[Speaker]:
        return self._registry.speakers()

    def speaker(self, speaker_id: int) -> Speaker:
        return self._registry.speaker(speaker_id)

    def find_speaker(self, name: str) -> Speaker | None:
        """The registry speaker with this name or alias (case-insensitive), if any."""
        return self._registry.find_speaker(name)

    def add_speaker(self, name: str, *, aliases: Sequence[str] = (), affiliation: str | None = None,
                    roles: Sequence[SpeakerRole] = (), annotator: str | None = None) -> tuple[Speaker, Changes]:
        return self._registry.add_speaker(name, aliases=aliases, affiliation=affiliation, roles=roles,
                                          annotator=annotator)

    def update_speaker(self, speaker_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                       **fields: Any) -> Changes:
        """Change name, aliases or affiliation of a speaker, undoably."""
        return self._registry.update_speaker(speaker_id, annotator=annotator, expected_version=expected_version,
                                             **fields)

    def add_speaker_role(self, speaker_id: int, role: str, start: dt.date | None = None,
                         end: dt.date | None = None, *, annotator: str | None = None) -> Changes:
        return self._registry.add_speaker_role(speaker_id, role, start, end, annotator=annotator)

    def merge_speakers(self, keep_id: int, other_id: int, *, annotator: str | None = None) -> Changes:
        """Fold speaker ``other_id`` into ``keep_id``: its claims, name (as an alias), aliases and roles follow."""
        return self._registry.merge_speakers(keep_id, other_id, annotator=annotator)

    def split_alias(self, speaker_id: int, alias: str, *, affiliation: str | None = None,
                    annotator: str | None = None) -> tuple[Speaker, Changes]:
        """Make an alias its own speaker again; claims whose speaker mention is that alias go with it."""
        return self._registry.split_alias(speaker_id, alias, affiliation=affiliation, annotator=annotator)

    def suggest_role(self, speaker_id: int, on_date: dt.date | None = None) -> str | None:
        """The role a speaker held on a date (the current one without a date), or None."""
        return self._registry.suggest_role(speaker_id, on_date)

    def speaker_merge_proposals(self) -> list[MergeProposal]:
        """Pairs of speakers that look like one person ("Meloni" / "Giorgia Meloni"), for a person to confirm."""
        return self._registry.speaker_merge_proposals()

    def dismiss_merge_proposal(self, speaker_a: int, speaker_b: int) -> None:
        """Remember that two speakers are different people, so they are not proposed for merging again."""
        self._registry.dismiss_merge_proposal(speaker_a, speaker_b)

    # ------------------------------------------------------------------ topics
    def topics(self) -> list[Topic]:
        return self._registry.topics()

    def topic(self, topic_id: int) -> Topic:
        return self._registry.topic(topic_id)

    def find_topic(self, name: str) -> Topic | None:
        return self._registry.find_topic(name)

    def add_topic(self, name: str, *, keywords: Sequence[str] = (), examples: Sequence[str] = (),
                  annotator: str | None = None) -> tuple[Topic, Changes]:
        return self._registry.add_topic(name, keywords=keywords, examples=examples, annotator=annotator)

    def update_topic(self, topic_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                     **fields: Any) -> Changes:
        return self._registry.update_topic(topic_id, annotator=annotator, expected_version=expected_version,
                                           **fields)

    def rename_topic(self, topic_id: int, name: str, *, annotator: str | None = None) -> Changes:
        return self._registry.rename_topic(topic_id, name, annotator=annotator)

    def merge_topics(self, keep_id: int, other_id: int, *, annotator: str | None = None) -> Changes:
        """Fold topic ``other_id`` into ``keep_id``: claims, keywords and examples follow; one undoable action."""
        return self._registry.merge_topics(keep_id, other_id, annotator=annotator)

    def remove_topic(self, topic_id: int, *, annotator: str | None = None) -> Changes:
        """Delete a topic; its claims lose the topic and their stance on it; one undoable action."""
        return self._registry.remove_topic(topic_id, annotator=annotator)

    # -------------------------------------------------------------- fact-check
    def stance_timeline(self, topic_id: int | None = None) -> list[StancePoint]:
        """Confirmed claims on a topic (or on any topic) in date order (statement date, else publication date)."""
        return self._stances.stance_timeline(topic_id)

    def stance_changes(self, topic_id: int | None = None, *, same_day: bool = False) -> list[StanceChange]:
        """Where a speaker, or speakers of one affiliation, changed stance on a topic, strongest first."""
        return self._stances.stance_changes(topic_id, same_day=same_day)

    # ---------------------------------------------------------------- in bulk
    def stream_claims(self, f: ClaimFilter | None = None, *, batch: int = 5000) -> Iterator[Claim]:
        """Matching claims in article then text order, from one consistent snapshot.

        The same records as ``claims()``, read without ORM objects so that a
        100,000-claim export stays quick and small in memory.
        """
        return self._bulk.stream_claims(f, batch=batch)

    def stream_claim_values(self, f: ClaimFilter | None = None, *, batch: int = 5000,
                            fields: Sequence[str] | None = None) -> Iterator[ClaimValues]:
        """Like ``stream_claims`` but ``ClaimValues`` rows (named tuples), the fastest way to serialise many.

        With ``fields`` (names of ``ClaimValues``' fields), only those columns are read, and each row
        is a named tuple of just them, in that order.
        """
        return self._bulk.stream_claim_values(f, batch=batch, fields=fields)

    def iter_articles(self, ids: Sequence[int] | None = None, *, batch: int = 500) -> Iterator[Article]:
        """Whole articles (with text) in id order, all of them or those with the given ids."""
        return self._bulk.iter_articles(ids, batch=batch)

    def claim_versions(self, ids: Iterable[int]) -> dict[int, int]:
        """Current version of each existing claim among ``ids`` (for conflict checks)."""
        return self._bulk.claim_versions(ids)

    def load_bulk(self, articles: Iterable[BulkArticle], *, speakers: Sequence[BulkSpeaker] = (),
                  topics: Sequence[BulkTopic] = (), audit: bool = True) -> LoadResult:
        """Load articles with their claims, and speakers and topics, in one transaction.

        Ids are kept where they are free in this project. Speakers and topics
        are matched by name (case-insensitive) to ones already here. An article
        whose text is already here gets the claims it lacks (matched by span);
        one with the same content hash but a different text is skipped. Not
        undoable: it is an import, not an edit. Claims get an audit entry.
        """
        return self._bulk.load_bulk(articles, speakers=speakers, topics=topics, audit=audit)

    # ------------------------------------------------------- teams: blind mode, assignments
    @property
    def blind(self) -> bool:
        """Blind annotation: each annotator works in their own layer of an article, unseen by the others."""
        return self._team.blind()

    def set_blind(self, on: bool, *, annotator: str | None = None) -> Changes:
        """Turn blind annotation on or off (an undoable action; ``Changes.settings`` holds "blind")."""
        return self._team.set_blind(on, annotator=annotator)

    def assign(self, article_ids: Sequence[int], annotators: Sequence[str], *, by: str | None = None) -> Changes:
        """Give each article to each annotator (pairs already assigned stay as they are); undoable by ``by``."""
        return self._team.assign(article_ids, annotators, by=by)

    def assign_round_robin(self, annotators: Sequence[str], *, per_article: int = 1,
                           article_ids: Sequence[int] | None = None, by: str | None = None) -> Changes:
        """Give each article (all, or ``article_ids``) ``per_article`` distinct annotators, the load spread
        evenly and deterministically (fewest assignments first, ties in the order given); undoable."""
        return self._team.assign_round_robin(annotators, per_article=per_article, article_ids=article_ids, by=by)

    def unassign(self, article_ids: Sequence[int], annotators: Sequence[str], *, by: str | None = None) -> Changes:
        """Take articles back from annotators (their layers stay); undoable."""
        return self._team.unassign(article_ids, annotators, by=by)

    def assigned_to(self, article_id: int) -> list[str]:
        """Who an article is assigned to, in the order they were assigned."""
        return self._team.assignments(article_id)

    def queue(self, annotator: str) -> list[QueueItem]:
        """An annotator's assigned articles, unfinished first, then by id, with claim counts of their layer
        (or of the final layer before they open theirs)."""
        return self._team.queue(annotator)

    def finish_assignment(self, article_id: int, annotator: str, finished: bool = True, *,
                          by: str | None = None) -> Changes:
        """Mark an annotator's assignment of an article finished (or, ``finished=False``, open again); undoable
        by ``by`` (default: the annotator)."""
        return self._team.finish(article_id, annotator, finished, by=by)

    def progress(self) -> Progress:
        """Per annotator: assigned, finished, claims decided; per assigned article: who has it, who finished."""
        return self._team.progress()

    # ------------------------------------------------------- teams: layers, adjudication
    def open_layer(self, article_id: int, annotator: str) -> Changes:
        """The annotator's private layer of an article, made the first time (the article's pending final
        suggestions are copied into it); again, or racing another process, it adds nothing."""
        return self._layers.open_layer(article_id, annotator)

    def has_layer(self, article_id: int, annotator: str) -> bool:
        return self._layers.is_open(article_id, annotator)

    def layer_annotators(self, article_id: int) -> list[str]:
        """Who has opened a layer of this article, by name."""
        return self._layers.annotators_of(article_id)

    def layer_annotators_by_article(self, article_ids: Sequence[int] | None = None) -> dict[int, tuple[str, ...]]:
        """Who has a layer of each article (all articles with one, or those of ``article_ids``), by name,
        including layers that hold no claim."""
        return self._layers.annotators_by_article(article_ids)

    def layer_claims(self, article_id: int, annotator: str) -> list[Claim]:
        """Every claim of an annotator's layer of an article (any status), in text order. For agreement and
        adjudication: the window and command line refuse it to other annotators while blind."""
        return self._layers.layer_claims(article_id, annotator)

    def layers(self, article_id: int, *, finished_only: bool = False) -> dict[str, list[Claim]]:
        """Each layer's decided claims (status confirmed) of an article, by annotator; empty lists included."""
        return self._layers.layers(article_id, finished_only=finished_only)

    def annotated_articles(self) -> list[int]:
        """Articles with at least two annotators' layers, in id order."""
        return self._layers.annotated_articles()

    def stream_layer_values(self, article_ids: Sequence[int] | None = None, *,
                            batch: int = 5000) -> Iterator[LayerValues]:
        """Every layer claim as light rows (``LayerValues``), in article, layer and text order."""
        return self._layers.stream_layer_values(article_ids, batch=batch)

    def settle(self, article_id: int, settlements: Sequence[Settlement], *, annotator: str | None = None,
               label: str = "Adjudicate") -> tuple[list[Claim], Changes]:
        """Several adjudication decisions on one article as one undoable action (``db.layers``)."""
        return self._layers.settle(article_id, settlements, annotator=annotator, label=label)

    def adjudicate(self, article_id: int, *, take: int | None = None, draft: ClaimDraft | None = None,
                   replaces: Sequence[int] = (), annotator: str | None = None) -> tuple[Claim, Changes]:
        """A final claim from an annotator's claim (``take``, every field copied) or an edited ``draft``,
        settling ``take`` and the layer claims in ``replaces``; one undoable action."""
        (claim,), changes = self._layers.settle(
            article_id, [Settlement(take=take, draft=draft, replaces=tuple(replaces))], annotator=annotator,
            label="Adjudicate claim" if draft is None else "Adjudicate edited claim")
        return claim, changes

    def adjudication_groups(self, article_id: int, *, finished_only: bool = False) -> list[Disagreement]:
        """Every group of matched claims of an article's layers, agreed or not, settled or not, in text order."""
        return self._disagreements.groups(article_id, finished_only=finished_only)

    def disagreements(self, article_id: int, *, open_only: bool = False,
                      finished_only: bool = False) -> list[Disagreement]:
        """Where an article's annotators differ (span, speaker, stance, verdict, or one lacks the claim), in
        text order, matched as ``quotedesk eval`` matches; ``open_only``: those not settled yet."""
        return self._disagreements.disagreements(article_id, open_only=open_only, finished_only=finished_only)

    def open_disagreement_counts(self, article_ids: Sequence[int] | None = None, *,
                                 finished_only: bool = False) -> dict[int, int]:
        """How many disagreements are not settled yet, per article with layers (all, or ``article_ids``): the
        same count as ``len(disagreements(id, open_only=True))``, read in bulk for a list of articles."""
        return self._disagreements.open_counts(article_ids, finished_only=finished_only)

    def adjudicate_agreed(self, article_id: int, *, annotator: str | None = None) -> Changes:
        """Settle every agreed, still open group of an article in one undoable action: the first version
        becomes the final claim (all are the same), or a rejected final claim where everyone rejected the
        suggestion. Empty Changes (and no action) when there is nothing to settle."""
        decisions = self._disagreements.agreed_settlements(article_id)
        if not decisions:
            return Changes()
        _, changes = self._layers.settle(article_id, decisions, annotator=annotator, label="Adjudicate agreed claims")
        return changes

    def reject_all(self, article_id: int, claim_ids: Sequence[int], *, annotator: str | None = None) -> Changes:
        """Settle annotators' claims as "no claim": a rejected final claim stands for the decision; undoable."""
        _, changes = self._layers.settle(article_id, [Settlement(replaces=tuple(claim_ids), reject=True)],
                                         annotator=annotator, label="Adjudicate: no claim")
        return changes
