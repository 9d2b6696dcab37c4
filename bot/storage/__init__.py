"""Storage: SQLAlchemy 2 models, the one home for queries, and Alembic migrations."""
