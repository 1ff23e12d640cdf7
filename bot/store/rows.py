"""Plain INSERTs for the writes every suggestion makes. sqlite-utils' `table.insert` reads the
table's schema before each insert (0.4 ms each, measured; three per suggestion); these tables'
columns are fixed by the migrations in `bot.store.schema`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Inserts `row`; its rowid."""
    return db.conn.execute(_insert_sql(table, list(row)), list(row.values())).lastrowid


def insert_rows(db: Database, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Inserts `rows`, all with the first row's keys."""
    if rows:
        columns = list(rows[0])
        values = [[row[column] for column in columns] for row in rows]
        db.conn.executemany(_insert_sql(table, columns), values)


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f"[{column}]" for column in columns)
    return f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
