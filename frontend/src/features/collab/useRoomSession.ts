// Keeps a RoomSession running while the room page is shown, and registers
// it for the room's thunks (save, history, …).
import { useEffect, useState } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { registerRoomLink } from './registry';
import { RoomSession } from './roomSession';

export function useRoomSession(roomId: string, token: string, username: string): RoomSession | null {
  const dispatch = useAppDispatch();
  const [session, setSession] = useState<RoomSession | null>(null);

  useEffect(() => {
    const s = new RoomSession({ roomId, token, username, dispatch });
    s.start();
    const unregister = registerRoomLink(s);
    setSession(s);
    return () => {
      unregister();
      s.stop();
      setSession((current) => (current === s ? null : current));
    };
  }, [dispatch, roomId, token, username]);

  return session;
}
