// The collaborative editor: a CodeMirror view whose state comes from the
// room session (the server's document, plus unsent edits kept from an
// earlier visit), in the room's language, with completion and the others'
// cursors. The document lives only in the view's state.
import { Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { ApiError } from '../../common/api';
import type { RoomSession } from '../collab/roomSession';
import { infoShown } from '../connection/connectionSlice';
import { remoteCursors } from '../presence/remoteCursors';
import { selectLanguage } from '../room/roomSlice';
import { completionExtensions, ServerCompleter } from './autocomplete';
import { loadLanguage } from './languages';
import { baseExtensions } from './setup';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function Editor({ session }: { session: RoomSession }) {
  const dispatch = useAppDispatch();
  const language = useAppSelector(selectLanguage);
  const parent = useRef<HTMLDivElement>(null);
  const languageRef = useRef(language);
  languageRef.current = language;
  const [view, setView] = useState<EditorView | null>(null);
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [languageSlot] = useState(() => new Compartment());

  useEffect(() => {
    let cancelled = false;
    let created: EditorView | null = null;
    session.onReset = () => setGeneration((g) => g + 1);
    const completer = new ServerCompleter((req) => session.transport.autocomplete(req));
    const extensions = [
      baseExtensions(),
      languageSlot.of([]),
      remoteCursors(),
      completionExtensions({ completer, language: () => languageRef.current }),
    ];

    void (async () => {
      // Until the document loads: retry what may pass (server restarting),
      // give up on what will not (the session's 401 is handled by the session).
      for (let attempt = 0; !cancelled; attempt++) {
        try {
          const opened = await session.open(extensions);
          if (cancelled || !parent.current) return;
          created = new EditorView({ state: opened.state, parent: parent.current });
          session.attach(created, opened);
          setLoadError(null);
          setView(created);
          if (opened.restored > 0) {
            const n = opened.restored;
            dispatch(infoShown(`${n} unsent edit${n === 1 ? '' : 's'} from your last visit restored and sent`));
          }
          return;
        } catch (err) {
          if (cancelled) return;
          const status = err instanceof ApiError ? err.status : -1;
          if (status === 401 || status === 403 || status === 404) {
            setLoadError(err instanceof ApiError && err.detail ? err.detail : 'The document cannot be loaded');
            return;
          }
          setLoadError('Loading the document…');
          await sleep(Math.min(5000, 300 * 2 ** attempt));
        }
      }
    })();

    return () => {
      cancelled = true;
      if (session.onReset) session.onReset = null;
      if (created) {
        session.detach();
        created.destroy();
      }
      setView(null);
    };
  }, [session, generation, languageSlot, dispatch]);

  useEffect(() => {
    if (!view) return;
    let current = true;
    loadLanguage(language).then(
      (ext) => {
        if (current) view.dispatch({ effects: languageSlot.reconfigure(ext) });
      },
      () => {
        /* the grammar did not load: plain text it stays */
      },
    );
    return () => {
      current = false;
    };
  }, [view, language, languageSlot]);

  return (
    <>
      {loadError && !view && (
        <p className="status editor-loading" role="status">
          {loadError}
        </p>
      )}
      <div className="editor" ref={parent} />
    </>
  );
}
