// The room, read-only for now: header with the id and Disconnect, the users,
// and the document as a <pre>. The editor replaces the <pre> later.
import { useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { navigate } from '../../common/router';
import type { StoredSession } from '../../common/types';
import { useRoomConnection } from '../collab/useRoomConnection';
import { leaveRoom, selectSessionPending } from '../session/sessionSlice';
import {
  refreshDocument,
  selectCode,
  selectConnection,
  selectDocumentError,
  selectDocumentStatus,
  selectLanguage,
  selectLimit,
  selectOnlineCount,
  selectVersion,
  type ConnectionStatus,
} from './roomSlice';
import { UserList } from './UserList';

const CONNECTION_TEXT: Record<ConnectionStatus, string> = {
  idle: '',
  connecting: 'Connecting…',
  open: 'Live',
  closed: 'Offline',
};

export function RoomPage({ session }: { session: StoredSession }) {
  const dispatch = useAppDispatch();
  const { roomId, token } = session;
  useRoomConnection(roomId, token);

  const code = useAppSelector(selectCode);
  const language = useAppSelector(selectLanguage);
  const version = useAppSelector(selectVersion);
  const limit = useAppSelector(selectLimit);
  const online = useAppSelector(selectOnlineCount);
  const connection = useAppSelector(selectConnection);
  const documentStatus = useAppSelector(selectDocumentStatus);
  const documentError = useAppSelector(selectDocumentError);
  const leaving = useAppSelector(selectSessionPending) === 'leave';
  const [copied, setCopied] = useState(false);

  function copyRoomId() {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return;
    clipboard.writeText(roomId).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => {
        /* no clipboard permission: the id is on screen anyway */
      },
    );
  }

  function disconnect() {
    const done = dispatch(leaveRoom());
    navigate('/');
    return done;
  }

  return (
    <div className="room">
      <header className="topbar">
        <span className="brand">Pair</span>
        <div className="room-meta">
          <span className="room-id">
            <span className="label">Room ID</span> <code>{roomId}</code>
          </span>
          <button type="button" onClick={copyRoomId}>
            Copy room ID
          </button>
          <span className="copied" role="status">
            {copied ? 'Copied' : ''}
          </span>
          <button type="button" className="danger" onClick={disconnect} disabled={leaving}>
            Disconnect
          </button>
        </div>
      </header>

      <div className="room-body">
        <aside className="sidebar">
          <h2>Users</h2>
          <p className="online-count">
            {online} / {limit} online
          </p>
          <UserList />
        </aside>

        <main className="document">
          <div className="doc-toolbar">
            <span>
              Language: <strong className="language">{language || 'plain text'}</strong>
            </span>
            <span className="version">Version {version}</span>
            {connection !== 'idle' && (
              <span className={`connection ${connection}`} aria-label="Connection">
                {CONNECTION_TEXT[connection]}
              </span>
            )}
            <button
              type="button"
              onClick={() => void dispatch(refreshDocument())}
              disabled={documentStatus === 'loading'}
            >
              Refresh code
            </button>
          </div>
          {documentError && (
            <p role="alert" className="alert">
              {documentError}
            </p>
          )}
          <pre className="code" aria-label="Code">
            {code}
          </pre>
        </main>
      </div>
    </div>
  );
}
