// /r/{roomId}: the room when we are in it; otherwise a rejoin with the stored
// session's token; otherwise (or when that is refused) the join form with the
// Room ID filled in. A rejoin that fails because the server is unreachable
// or restarting is retried, so a reload during an outage lands back in the
// room (and sends the edits kept in localStorage) once the server is back.
import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { loadSession } from '../../common/storage';
import { Landing } from '../session/Landing';
import { joinRoom, selectSession } from '../session/sessionSlice';
import { RoomPage } from './RoomPage';
import { selectRoomId } from './roomSlice';

const isTransient = (status: number) => status === 0 || status >= 500 || status === 408 || status === 429;

export function RoomRoute({ roomId }: { roomId: string }) {
  const dispatch = useAppDispatch();
  const session = useAppSelector(selectSession);
  const loadedRoomId = useAppSelector(selectRoomId);
  const inRoom = session?.roomId === roomId && loadedRoomId === roomId;

  // Read once: the stored session decides between rejoining and the form.
  const [stored] = useState(() => (inRoom ? null : loadSession(roomId)));
  const [rejoining, setRejoining] = useState(stored !== null);
  const [retrying, setRetrying] = useState(false);
  const started = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    const leave = () => {
      alive.current = false;
    };
    // The ref keeps StrictMode's second effect run from joining twice.
    if (!stored || started.current) return leave;
    started.current = true;
    void (async () => {
      for (let attempt = 0; alive.current; attempt++) {
        const result = await dispatch(
          joinRoom({ roomId, username: stored.username, token: stored.token, mode: 'rejoin' }),
        );
        if (!joinRoom.rejected.match(result) || !isTransient(result.payload?.status ?? 0)) break;
        setRetrying(true);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** attempt)));
      }
      if (alive.current) setRejoining(false);
    })();
    return leave;
  }, [dispatch, roomId, stored]);

  if (inRoom && session) return <RoomPage session={session} />;
  if (rejoining) {
    return (
      <main className="landing">
        <p role="status" className="status">
          {retrying ? `The server is unreachable; rejoining room ${roomId} as soon as it is back…` : `Rejoining room ${roomId}…`}
        </p>
      </main>
    );
  }
  return <Landing initialRoomId={roomId} initialUsername={stored?.username ?? ''} />;
}
