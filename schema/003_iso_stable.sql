-- pair_iso is as stable as to_char, not immutable: declared so, PostgreSQL
-- inlines it into the statements that use it instead of running it as a SQL
-- function call (a parse and plan per row).
ALTER FUNCTION pair_iso(timestamptz) STABLE;
