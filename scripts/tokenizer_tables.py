"""Write ``extract/data/tokenizer_chars.json``: which characters camel-tools'
``simple_word_tokenize`` never cuts off a word and which it cuts off alone, for
the installed camel-tools, emoji, regex and Unicode database.

:mod:`rawabit.extract.words` reads the file instead of building camel-tools'
symbol set (about a second and a half per process) when the versions match,
and computes the tables afresh when they do not, so after upgrading any of
them every process that tokenizes starts about a second and a half later
until this is run again.

Usage::

    python scripts/tokenizer_tables.py
"""
from __future__ import annotations

import json
import sys

from rawabit.extract.words import TABLES_PATH, char_tables, versions


def main() -> int:
    kept, alone = char_tables()
    data = {"versions": versions(), "kept": kept, "alone": alone}
    TABLES_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TABLES_PATH} for {data['versions']}: {len(alone)} characters cut off alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
