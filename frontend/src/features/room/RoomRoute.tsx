// /r/{roomId}: the room when we are in it; otherwise a rejoin with the stored
// session's token; otherwise (or when that fails) the join form with the
// Room ID filled in.
import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { loadSession } from '../../common/storage';
import { Landing } from '../session/Landing';
import { joinRoom, selectSession } from '../session/sessionSlice';
import { RoomPage } from './RoomPage';
import { selectRoomId } from './roomSlice';

export function RoomRoute({ roomId }: { roomId: string }) {
  const dispatch = useAppDispatch();
  const session = useAppSelector(selectSession);
  const loadedRoomId = useAppSelector(selectRoomId);
  const inRoom = session?.roomId === roomId && loadedRoomId === roomId;

  // Read once: the stored session decides between rejoining and the form.
  const [stored] = useState(() => (inRoom ? null : loadSession(roomId)));
  const [rejoining, setRejoining] = useState(stored !== null);
  const started = useRef(false);

  useEffect(() => {
    // The ref keeps StrictMode's second effect run from joining twice.
    if (!stored || started.current) return;
    started.current = true;
    void dispatch(
      joinRoom({ roomId, username: stored.username, token: stored.token, mode: 'rejoin' }),
    ).finally(() => setRejoining(false));
  }, [dispatch, roomId, stored]);

  if (inRoom && session) return <RoomPage session={session} />;
  if (rejoining) {
    return (
      <main className="landing">
        <p role="status" className="status">
          Rejoining room {roomId}…
        </p>
      </main>
    );
  }
  return <Landing initialRoomId={roomId} initialUsername={stored?.username ?? ''} />;
}
