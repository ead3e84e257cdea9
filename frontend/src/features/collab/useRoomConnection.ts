// Keeps a room's WebSocket open while the room page is shown and turns its
// messages into room actions. Document updates are not applied here (that is
// the editor's collab plugin, later): an `update` schedules a refetch.
import { useEffect } from 'react';
import { useAppDispatch } from '../../app/hooks';
import {
  connectionChanged,
  languageChanged,
  limitChanged,
  presenceReceived,
  refreshDocument,
} from '../room/roomSlice';
import { RoomTransport, socketUrl } from './transport';

const REFRESH_DELAY_MS = 250;

export function useRoomConnection(roomId: string, token: string): void {
  const dispatch = useAppDispatch();

  useEffect(() => {
    let refreshTimer: ReturnType<typeof setTimeout> | null = null;
    const scheduleRefresh = () => {
      if (refreshTimer !== null) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void dispatch(refreshDocument());
      }, REFRESH_DELAY_MS);
    };

    const transport = new RoomTransport(socketUrl(roomId, token), {
      status: (status) => dispatch(connectionChanged(status)),
      reopened: scheduleRefresh,
      message: (msg) => {
        switch (msg.type) {
          case 'presence':
            dispatch(presenceReceived({ users: msg.users, limit: msg.limit }));
            break;
          case 'limit':
            dispatch(limitChanged(msg.limit));
            break;
          case 'language':
            dispatch(languageChanged(msg.language));
            break;
          case 'update':
            scheduleRefresh();
            break;
          default:
            break; // cursors, typing and checkpoints belong to later features
        }
      },
    });
    transport.start();
    return () => {
      transport.stop();
      if (refreshTimer !== null) clearTimeout(refreshTimer);
      dispatch(connectionChanged('idle'));
    };
  }, [dispatch, roomId, token]);
}
