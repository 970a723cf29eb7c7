"""An admin paginator that does not count a whole large table on every page view."""

import json

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Below this many rows (by the planner's estimate) the exact count is cheap and is used instead.
EXACT_COUNT_BELOW = 10_000


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL, a large result's size is the planner's row estimate for the changelist's own query
    (EXPLAIN, no rows read); small results, and every result on other databases, are counted exactly.
    Only the number of pages shown can be off, never the rows on a page."""

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None or connections[queryset.db].vendor != "postgresql":
            return super().count
        estimate = _planner_rows(queryset)
        return estimate if estimate >= EXACT_COUNT_BELOW else super().count


def _planner_rows(queryset) -> int:
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (e.g. `id IN ()`): no query to plan
        return 0
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
