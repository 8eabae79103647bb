"""``quotedesk suggest``: propose attributed claims for the project's articles."""
from __future__ import annotations

import sys

from annotate.cues import SCOPES
from app.cli import EXIT_FAILURE, EXIT_OK, add_db_argument
from app.projects import open_project


def register(sub) -> None:
    p = sub.add_parser("suggest", help="suggest attributed claims for articles lacking suggestions",
                       description="Run the suggestion engine over the articles that have no suggestions "
                       "yet (or all of them with --redo). Re-running adds nothing twice, and confirmed "
                       "or rejected claims are never touched.")
    add_db_argument(p)
    p.add_argument("--article", metavar="ID", type=int, action="append",
                   help="only this article (repeat for several)")
    p.add_argument("--model", metavar="NAME|DIR",
                   help="a trained attribution model directory (`quotedesk train`), or the spaCy "
                   "pipeline to use (default: the best installed, with the current trained model)")
    p.add_argument("--scope", choices=SCOPES, default=None,
                   help="what to suggest: 'all' attributions (beliefs, intentions, evaluations too) or "
                   "'statements' only (direct quotes and reported speech); default: the project's "
                   "setting (the window's Suggest statements only), else all")
    p.add_argument("--redo", action="store_true",
                   help="replace earlier pending suggestions, on every article")
    p.add_argument("--jobs", metavar="N", type=int, default=1,
                   help="parse in N worker processes, each with its own pipeline (0: one per core); "
                   "suggestions are still stored by this process alone")
    p.set_defaults(handler=run)


def _progress(stream=None):
    stream = stream or sys.stderr
    tty = stream.isatty()

    def report(done: int, total: int | None) -> None:
        line = f"suggest: {done}/{total if total is not None else '?'} articles"
        stream.write(("\r" + line) if tty else line + "\n")
        if tty and done == total:
            stream.write("\n")
        stream.flush()

    return report


def run(args) -> int:
    from annotate.spacy_pipelines import PipelineNotFound
    from app.pool_suggesting import PoolSuggester, default_jobs
    from app.suggesting import LocalModel, engine_for, project_scope, topic_specs
    from app.training import load_for_suggesting

    if args.jobs < 0:
        print(f"quotedesk: --jobs takes a number of processes (0 for one per core), not {args.jobs}.",
              file=sys.stderr)
        return EXIT_FAILURE
    jobs = args.jobs or default_jobs()
    try:
        nlp, note = load_for_suggesting(args.model)  # here too with --jobs: a bad name fails at once
    except PipelineNotFound as exc:
        print(f"quotedesk: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if note:
        print(f"quotedesk: {note}", file=sys.stderr)
    with open_project(args.db) as project:
        ids = args.article or project.article_ids(lacking_suggestions=not args.redo)
        if not ids:
            print("Every article already has suggestions (use --redo to suggest again).")
            return EXIT_OK
        if jobs == 1 or len(ids) == 1:
            summary = engine_for(project, LocalModel(nlp), args.scope).run_suggestions(
                project, ids, redo=args.redo, progress=_progress())
        else:
            del nlp  # each worker loads its own
            with PoolSuggester(min(jobs, len(ids)), args.model, topic_specs(project),
                               scope=args.scope or project_scope(project)) as pool:
                summary = pool.run_suggestions(project, ids, redo=args.redo, progress=_progress())
    print(summary.message)
    if summary.details:  # which articles failed, were skipped or lost a field, and where the log is
        print(summary.details, file=sys.stderr)
    return EXIT_FAILURE if (summary.failed or summary.skipped) and not summary.articles else EXIT_OK
