"""Migration operations that apply on PostgreSQL only and stay out of the model state.

Full-text GIN indexes exist only on PostgreSQL. Kept out of the state (and of Meta.indexes), they are
never rebuilt by SQLite's table remakes, which would fail on them.
"""

from django.db import migrations

from attribution.search import search_index


class CreateSearchIndex(migrations.operations.base.Operation):
    """A GIN index over `search_vector(*fields)` of one model, on PostgreSQL only."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str, name: str, fields: list[str]):
        self.model_name, self.name, self.fields = model_name, name, list(fields)

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name, "name": self.name, "fields": self.fields}

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_index(model, search_index(self.name, *self.fields))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_index(model, search_index(self.name, *self.fields))

    def describe(self):
        return f"Create full-text index {self.name} on {self.model_name} (PostgreSQL only)"


class CreateGinIndex(migrations.operations.base.Operation):
    """A GIN index over one column (e.g. a stored tsvector) of one model, on PostgreSQL only."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str, name: str, field: str):
        self.model_name, self.name, self.field = model_name, name, field

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name, "name": self.name, "field": self.field}

    def state_forwards(self, app_label, state):
        pass

    def _index(self):
        from django.contrib.postgres.indexes import GinIndex

        return GinIndex(fields=[self.field], name=self.name)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(to_state.apps.get_model(app_label, self.model_name), self._index())

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(from_state.apps.get_model(app_label, self.model_name), self._index())

    def describe(self):
        return f"Create GIN index {self.name} on {self.model_name}.{self.field} (PostgreSQL only)"
