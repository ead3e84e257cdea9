-- The entries of an update batch (a JSON array, see the updates_batch
-- statement) as rows. PostgreSQL plans json_to_recordset for 100 rows
-- whatever the array holds. For so many, it joined a batch to sessions or
-- members by reading all of their rows, once those tables held a few
-- thousand, so every batch grew slower as former members and their
-- sessions piled up: 0.9 ms a batch at 12,000 sessions against 0.01 ms
-- through the index, 20,000 rows read per update at 20,000 former members.
-- Declared for 4 rows, the entries are joined through the indexes at every
-- size. PL/pgSQL, because PostgreSQL would inline a SQL function and lose
-- the estimate; it keeps its plan for the session and costs nothing
-- measurable.
CREATE OR REPLACE FUNCTION pair_batch_entries(entries json)
RETURNS TABLE (k int, room text, version bigint, member bigint, token text, units bigint,
               typing boolean, staged json)
LANGUAGE plpgsql STABLE STRICT ROWS 4 AS $$
BEGIN
    RETURN QUERY
    SELECT * FROM json_to_recordset(entries) AS x(k int, room text, version bigint,
        member bigint, token text, units bigint, typing boolean, staged json);
END
$$;
