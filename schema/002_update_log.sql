-- Writing to a room's update log. A writer takes the room's advisory lock
-- before it reads the version and holds it until its update is committed AND
-- published, so messages leave in commit order. Reading the room after the
-- lock is granted needs a fresh snapshot, hence a function.

CREATE OR REPLACE FUNCTION pair_room_lock(p_room text)
RETURNS TABLE (version bigint, doc_length bigint)
LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_lock(hashtextextended(p_room, 0));
    RETURN QUERY SELECT r.version, r.doc_length FROM rooms r WHERE r.id = p_room;
END
$$;
