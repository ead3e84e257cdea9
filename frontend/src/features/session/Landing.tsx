// The landing page: create a room, or join one by id. Also shown at
// /r/{roomId} when there is no stored session for that room, with the Room ID
// filled in.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { navigate, roomPath } from '../../common/router';
import {
  createRoom,
  errorCleared,
  errorShown,
  joinRoom,
  selectSessionError,
  selectSessionPending,
} from './sessionSlice';
import { DEFAULT_LIMIT, LIMIT_MAX, LIMIT_MIN, parseLimit, validateRoomId, validateUsername } from './validation';

export interface LandingProps {
  initialRoomId?: string;
  initialUsername?: string;
}

export function Landing({ initialRoomId = '', initialUsername = '' }: LandingProps) {
  const dispatch = useAppDispatch();
  const pending = useAppSelector(selectSessionPending);
  const error = useAppSelector(selectSessionError);
  const [username, setUsername] = useState(initialUsername);
  const [limit, setLimit] = useState(String(DEFAULT_LIMIT));
  const [roomId, setRoomId] = useState(initialRoomId);
  const busy = pending !== null;

  /** The trimmed username, or null after showing why it is refused. */
  function checkedUsername(): string | null {
    const name = username.trim();
    const problem = validateUsername(name);
    if (problem) {
      dispatch(errorShown(problem));
      return null;
    }
    return name;
  }

  async function create(event?: FormEvent) {
    event?.preventDefault();
    dispatch(errorCleared());
    const name = checkedUsername();
    if (name === null) return;
    const parsed = parseLimit(limit);
    if ('error' in parsed) {
      dispatch(errorShown(parsed.error));
      return;
    }
    const result = await dispatch(createRoom({ username: name, limit: parsed.limit }));
    if (createRoom.fulfilled.match(result)) navigate(roomPath(result.payload.session.roomId));
  }

  async function join(event?: FormEvent) {
    event?.preventDefault();
    dispatch(errorCleared());
    const name = checkedUsername();
    if (name === null) return;
    const id = roomId.trim();
    const problem = validateRoomId(id);
    if (problem) {
      dispatch(errorShown(problem));
      return;
    }
    const result = await dispatch(joinRoom({ roomId: id, username: name }));
    if (joinRoom.fulfilled.match(result)) navigate(roomPath(result.payload.session.roomId));
  }

  // Enter in the shared Username field joins when a Room ID is given, else creates.
  function usernameKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || busy) return;
    event.preventDefault();
    void (roomId.trim() ? join() : create());
  }

  return (
    <main className="landing">
      <header className="landing-header">
        <h1>Pair</h1>
        <p className="tagline">Write code together, in real time.</p>
      </header>

      <div className="card">
        <div className="field">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            name="username"
            type="text"
            autoComplete="nickname"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            onKeyDown={usernameKeyDown}
          />
        </div>

        <div className="choices">
          <form className="choice" onSubmit={create} noValidate aria-labelledby="create-heading">
            <h2 id="create-heading">Create a room</h2>
            <div className="field">
              <label htmlFor="limit">Room limit</label>
              <input
                id="limit"
                name="limit"
                type="number"
                inputMode="numeric"
                min={LIMIT_MIN}
                max={LIMIT_MAX}
                step={1}
                value={limit}
                onChange={(e) => setLimit(e.target.value)}
              />
            </div>
            <button type="submit" className="primary" disabled={busy}>
              Create room
            </button>
          </form>

          <form className="choice" onSubmit={join} noValidate aria-labelledby="join-heading">
            <h2 id="join-heading">Join a room</h2>
            <div className="field">
              <label htmlFor="room-id">Room ID</label>
              <input
                id="room-id"
                name="roomId"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={roomId}
                onChange={(e) => setRoomId(e.target.value)}
              />
            </div>
            <button type="submit" disabled={busy}>
              Join room
            </button>
          </form>
        </div>

        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        {busy && (
          <p role="status" className="status">
            {pending === 'create' ? 'Creating room…' : 'Joining room…'}
          </p>
        )}
      </div>
    </main>
  );
}
