"""Full-text search expressions, shared by the GIN indexes (models) and the queries (selectors).

A query uses an index only when it repeats the index's expression exactly, so both come from here.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models.functions import Left

CONFIG = "english"
# to_tsvector refuses documents past 1 MB of lexemes: index the head of long texts only.
TEXT_PREFIX = 200_000


def search_vector(*fields: str) -> SearchVector:
    """The document of a row: the given text fields (long texts cut to their first TEXT_PREFIX characters)."""
    parts = [Left(field, TEXT_PREFIX) if field == "text" else field for field in fields]
    return SearchVector(*parts, config=CONFIG)


def search_index(name: str, *fields: str) -> GinIndex:
    """A GIN index over `search_vector(*fields)` (created on PostgreSQL only, see PostgresOnlyAddIndex)."""
    return GinIndex(search_vector(*fields), name=name)


def web_search_query(text: str) -> SearchQuery:
    """Web-search syntax: words, "quoted phrases", OR, -excluded."""
    return SearchQuery(text, search_type="websearch", config=CONFIG)
