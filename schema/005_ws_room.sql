-- Each socket row names its room, so the look-up for sockets nchan no
-- longer has (every 10 s) reads only the socket rows. Before, it joined
-- them to members: with a hundred sockets or more open, PostgreSQL read
-- every member ever stored, once for the rooms and once more for each room
-- checked, a cost that grew with the server's history. A member never
-- changes rooms, so the copy cannot go stale.
ALTER TABLE ws_connections ADD COLUMN IF NOT EXISTS room_id text;
UPDATE ws_connections w SET room_id = m.room_id
  FROM members m WHERE m.id = w.member_id AND w.room_id IS NULL;
ALTER TABLE ws_connections ALTER COLUMN room_id SET NOT NULL;
CREATE INDEX IF NOT EXISTS ws_connections_room ON ws_connections (room_id, opened_at);
