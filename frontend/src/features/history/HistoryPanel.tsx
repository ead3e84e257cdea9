// The room's history: who edited last, the saved checkpoints (each can be
// previewed and restored) and who wrote how much.
import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { timeAgo, useNow } from '../../common/time';
import { selectEditorReady } from '../connection/connectionSlice';
import { selectLastEdit } from '../room/roomSlice';
import { fetchHistory, previewVersion, restoreVersion, selectHistory } from './historySlice';

export function HistoryPanel() {
  const dispatch = useAppDispatch();
  const history = useAppSelector(selectHistory);
  const lastEdit = useAppSelector(selectLastEdit);
  const ready = useAppSelector(selectEditorReady);
  const now = useNow(1000);

  useEffect(() => {
    if (ready) void dispatch(fetchHistory());
  }, [dispatch, ready]);

  return (
    <section className="history" aria-labelledby="history-heading">
      <div className="history-head">
        <h2 id="history-heading">History</h2>
        <button type="button" onClick={() => void dispatch(fetchHistory())} disabled={history.status === 'loading'}>
          Refresh history
        </button>
      </div>
      <p className="last-edit">
        {lastEdit ? `last edited by ${lastEdit.by} · ${timeAgo(lastEdit.at, now)}` : 'no edits yet'}
      </p>
      {history.error && (
        <p role="alert" className="alert">
          {history.error}
        </p>
      )}
      {history.notice && (
        <p role="status" className="status">
          {history.notice}
        </p>
      )}

      <h3>Checkpoints</h3>
      {history.checkpoints.length === 0 ? (
        <p className="empty">None yet: Save makes one.</p>
      ) : (
        <ol className="checkpoints" aria-label="Checkpoints">
          {history.checkpoints.map((cp) => (
            <li key={`${cp.version}-${cp.at}`} className="checkpoint">
              <div>
                <strong>Version {cp.version}</strong> · {cp.label} by {cp.username}
                <span className="when"> · {timeAgo(cp.at, now)}</span>
              </div>
              <div className="actions">
                <button
                  type="button"
                  aria-label={`Preview version ${cp.version}`}
                  onClick={() => void dispatch(previewVersion(cp.version))}
                >
                  Preview
                </button>
                <button
                  type="button"
                  aria-label={`Restore version ${cp.version}`}
                  disabled={history.restoring !== null}
                  onClick={() => void dispatch(restoreVersion(cp.version))}
                >
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}

      <h3>Contributors</h3>
      {history.contributors.length === 0 ? (
        <p className="empty">Nobody has edited yet.</p>
      ) : (
        <ul className="contributors" aria-label="Contributors">
          {history.contributors.map((c) => (
            <li key={c.username}>
              <strong>{c.username}</strong>: {c.updates} edit{c.updates === 1 ? '' : 's'}
              {c.lastAt ? `, last ${timeAgo(c.lastAt, now)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
