"""Article import: text, Markdown, HTML, JSONL/CSV batches, folders and URLs -> IngestedArticle.

No Qt and no database here: callers store the articles (see desktop/importing.py).
"""
from .article import read_text
from .html import read_html
from .model import (MAX_BATCH_BYTES, MAX_FILE_BYTES, IngestedArticle, IngestError, IngestProblem,
                    IngestResult)
from .paths import read_file, read_paths
from .url import read_url

__all__ = ["IngestedArticle", "IngestError", "IngestResult", "IngestProblem", "MAX_FILE_BYTES",
           "MAX_BATCH_BYTES", "read_file", "read_html", "read_paths", "read_text", "read_url"]
