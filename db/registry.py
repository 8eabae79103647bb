"""Project verbs for the speaker registry, topics and fact-check analysis (stance changes).

Mixed into ``db.project.Project``; uses its ``_reading``/``_writing``/``_action`` helpers.
"""

from __future__ import annotations


class RegistryVerbs:
    pass
