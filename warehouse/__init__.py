"""The partmon DuckDB warehouse: schema, loading, safe ad-hoc SQL, export and search."""
