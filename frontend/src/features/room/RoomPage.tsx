// The room: header (id, connection, Disconnect), the people in it, the
// editor with its toolbar (language, Save, Download), and the history.
import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector, useAppStore } from '../../app/hooks';
import { navigate } from '../../common/router';
import type { StoredSession } from '../../common/types';
import { useRoomSession } from '../collab/useRoomSession';
import { ConnectionIndicator } from '../connection/ConnectionIndicator';
import { infoShown, problemShown, selectConnection, selectEditorReady, selectUnsent } from '../connection/connectionSlice';
import { Editor } from '../editor/Editor';
import { downloadName, LANGUAGES, languageInfo } from '../editor/languages';
import { HistoryPanel } from '../history/HistoryPanel';
import { PreviewPane } from '../history/PreviewPane';
import { selectIsOwner, selectOnlineCount } from '../presence/presenceSlice';
import { TypingIndicator } from '../presence/TypingIndicator';
import { leaveRoom, selectSessionPending } from '../session/sessionSlice';
import { LimitControl } from './LimitControl';
import {
  changeLanguage,
  saveCode,
  selectLanguage,
  selectLanguageError,
  selectLimit,
  selectSaveState,
  selectVersion,
} from './roomSlice';
import { UserList } from './UserList';

/** How long Disconnect waits for unsent edits to go out before leaving. */
const LEAVE_FLUSH_MS = 2000;

export function RoomPage({ session }: { session: StoredSession }) {
  const dispatch = useAppDispatch();
  const store = useAppStore();
  const { roomId, token, username } = session;
  const room = useRoomSession(roomId, token, username);

  const language = useAppSelector(selectLanguage);
  const languageError = useAppSelector(selectLanguageError);
  const version = useAppSelector(selectVersion);
  const limit = useAppSelector(selectLimit);
  const online = useAppSelector(selectOnlineCount);
  const isOwner = useAppSelector(selectIsOwner);
  const ready = useAppSelector(selectEditorReady);
  const unsent = useAppSelector(selectUnsent);
  const { problem, info } = useAppSelector(selectConnection);
  const save = useAppSelector(selectSaveState);
  const leaving = useAppSelector(selectSessionPending) === 'leave';
  const [copied, setCopied] = useState(false);
  const unsentRef = useRef(unsent);
  unsentRef.current = unsent;

  // Closing or reloading the tab with unsent edits asks first (they are in
  // localStorage too, and are sent on the next visit).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (store.getState().connection.unsent === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store]);

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

  async function disconnect() {
    if (room && unsentRef.current > 0) await room.flush(LEAVE_FLUSH_MS);
    const done = dispatch(leaveRoom());
    navigate('/');
    return done;
  }

  function download() {
    const text = room?.text();
    if (text == null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName(roomId, language);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const knownLanguage = LANGUAGES.some((l) => l.id === language);

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
          <ConnectionIndicator />
          <button type="button" className="danger" onClick={() => void disconnect()} disabled={leaving}>
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
          <TypingIndicator />
          {isOwner && <LimitControl />}
        </aside>

        <main className="document">
          <div className="doc-toolbar">
            <span className="language-select">
              <label htmlFor="room-language">Language</label>
              <select
                id="room-language"
                value={language}
                onChange={(e) => void dispatch(changeLanguage(e.target.value))}
                disabled={!ready}
              >
                {!knownLanguage && <option value={language}>{languageInfo(language).label}</option>}
                {LANGUAGES.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            </span>
            <button
              type="button"
              className="primary"
              onClick={() => void dispatch(saveCode())}
              disabled={!ready || save.status === 'pending'}
            >
              Save
            </button>
            <button type="button" onClick={download} disabled={!ready}>
              Download
            </button>
            <span className="version">Version {version}</span>
            <span className={`save-notice ${save.status}`} role="status" aria-label="Save status">
              {save.message ?? ''}
            </span>
          </div>
          {languageError && (
            <p role="alert" className="alert">
              {languageError}
            </p>
          )}
          {problem && (
            <p role="alert" className="alert notice">
              {problem}{' '}
              <button type="button" onClick={() => dispatch(problemShown(null))}>
                Dismiss
              </button>
            </p>
          )}
          {info && (
            <p role="status" className="info">
              {info}{' '}
              <button type="button" onClick={() => dispatch(infoShown(null))}>
                Dismiss
              </button>
            </p>
          )}
          <PreviewPane />
          <section className="code" aria-label="Code">
            {room && <Editor session={room} />}
          </section>
        </main>

        <HistoryPanel />
      </div>
    </div>
  );
}
