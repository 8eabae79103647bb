"""For `spacy train --code`: registers Quotedesk's factories explicitly."""
from annotate.registrations import register

register()
