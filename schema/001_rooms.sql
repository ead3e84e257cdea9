-- Rooms, the people in them, their sessions, the update log, snapshots and
-- checkpoints. Every bound of the wire protocol is also a CHECK here, so a
-- bug in the application cannot store what the protocol forbids.

CREATE TABLE IF NOT EXISTS rooms (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    user_limit  integer NOT NULL CHECK (user_limit BETWEEN 1 AND 20),
    language    text NOT NULL DEFAULT 'python' CHECK (language ~ '^[a-z0-9+#-]{1,32}$'),
    version     bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    -- document length in UTF-16 code units, as the browser counts
    doc_length  bigint NOT NULL DEFAULT 0 CHECK (doc_length >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per person who joined. Whoever takes a name that is free again gets
-- a new row and the old one stops being current (its sessions revoked), so
-- the update log keeps pointing at whoever really wrote, and the room's user
-- list is its current rows: one per name.
CREATE TABLE IF NOT EXISTS members (
    id            bigserial PRIMARY KEY,
    room_id       text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    username      text NOT NULL CHECK (char_length(username) BETWEEN 3 AND 32),
    username_key  text NOT NULL CHECK (username_key = lower(username)),
    role          text NOT NULL CHECK (role IN ('owner', 'editor')),
    color         text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
    typing        boolean NOT NULL DEFAULT false,
    -- the seat is held without a WebSocket until then (join, reconnect)
    hold_until    timestamptz,
    left_at       timestamptz,
    current       boolean NOT NULL DEFAULT true,
    joined_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS members_current_name ON members (room_id, username_key)
    WHERE current;

-- Only a hash of each token is stored.
CREATE TABLE IF NOT EXISTS sessions (
    token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    member_id   bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
CREATE INDEX IF NOT EXISTS sessions_member ON sessions (member_id);

-- Open WebSockets, keyed by their Sec-WebSocket-Key, which pairs nchan's
-- subscribe hook with its unsubscribe hook.
CREATE TABLE IF NOT EXISTS ws_connections (
    ws_key     text PRIMARY KEY CHECK (length(ws_key) BETWEEN 1 AND 64),
    member_id  bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    opened_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ws_connections_member ON ws_connections (member_id);

-- The append-only log: update v turns version v into v + 1.
CREATE TABLE IF NOT EXISTS updates (
    room_id     text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    version     bigint NOT NULL CHECK (version >= 0),
    client_id   text NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND 64),
    member_id   bigint NOT NULL REFERENCES members (id),
    changes     json NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, version)
);

-- Full texts at some versions; any version is the nearest snapshot at or
-- below it plus the updates after.
CREATE TABLE IF NOT EXISTS snapshots (
    room_id     text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    version     bigint NOT NULL CHECK (version >= 0),
    content     text NOT NULL CHECK (octet_length(content) <= 2097152),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, version)
);

CREATE TABLE IF NOT EXISTS checkpoints (
    id          bigserial PRIMARY KEY,
    room_id     text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    version     bigint NOT NULL CHECK (version >= 0),
    label       text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 200),
    member_id   bigint NOT NULL REFERENCES members (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS checkpoints_room ON checkpoints (room_id, version);

-- A member is online from create or join until they leave, while a seat hold
-- lasts, or while one of their WebSockets is open.
CREATE OR REPLACE VIEW member_presence AS
SELECT m.*,
       (m.left_at IS NULL
        AND (coalesce(m.hold_until > now(), false)
             OR EXISTS (SELECT 1 FROM ws_connections w WHERE w.member_id = m.id))) AS online
FROM members m;

-- Timestamps on the wire: ISO 8601 in UTC with milliseconds.
CREATE OR REPLACE FUNCTION pair_iso(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS
$$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
