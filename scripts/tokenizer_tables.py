"""Write ``extract/data/tokenizer_chars.json``: which characters camel-tools'
``simple_word_tokenize`` never cuts off a word and which it cuts off alone, for
the installed camel-tools, emoji, regex and Unicode database.

:mod:`rawabit.extract.reading.words` reads the file instead of building camel-tools'
symbol set (about a second and a half per process) when its key matches the
installed packages (:func:`~rawabit.extract.reading.words.table_key`: the versions of
camel-tools and emoji, and the Unicode data of regex, not its version). Under
any other key the tables are computed once per machine and kept in the user's
cache directory, so shipping new tables only spares that first second and a
half; run this after ``make lock`` moves camel-tools or emoji.

Usage::

    python scripts/tokenizer_tables.py
"""
from __future__ import annotations

import sys

from rawabit.extract.reading.words import TABLES_PATH, char_tables, table_key, write_tables


def main() -> int:
    key, tables = table_key(), char_tables()
    write_tables(TABLES_PATH, key, tables)
    print(f"wrote {TABLES_PATH} for {key}: {len(tables[1])} characters cut off alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
