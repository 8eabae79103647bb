"""Project verbs for bulk reading and loading whole projects (JSON import, exports, benchmarks).

Mixed into ``db.project.Project``; uses its ``_reading``/``_writing`` helpers.
"""

from __future__ import annotations


class TransferVerbs:
    pass
