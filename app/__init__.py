"""The application layer, Qt-free: what the window and the command line both do.

The import loop (``importing``), the suggestion loop (``suggesting``), the jobs the window's task
runner runs (``jobs``), opening and seeding projects (``projects``), the helper process that runs
spaCy and writes suggestions to the project from a second process (``engine_process``), and the
command line (``cli``). It uses annotate, db and exports; desktop drives it and it never imports
desktop (the window is opened by ``desktop.cli``, the ``quotedesk`` entry point above both).
"""
