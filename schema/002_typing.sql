-- Typing: a member types while their updates keep coming; the flag drops two
-- seconds after the last one (or when they say so). The sweeps look for
-- raised flags and seat holds. typed_at is in no index, so refreshing it on
-- every update stays a HOT update.

ALTER TABLE members ADD COLUMN IF NOT EXISTS typed_at timestamptz;
CREATE INDEX IF NOT EXISTS members_typing ON members (room_id) WHERE typing;
CREATE INDEX IF NOT EXISTS members_hold ON members (hold_until) WHERE hold_until IS NOT NULL;
