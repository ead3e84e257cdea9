// A read-only view of one version of the document, with Restore and Close.
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { textOf } from '../collab/sync';
import { loadLanguage } from '../editor/languages';
import { readOnlyExtensions } from '../editor/setup';
import { selectLanguage } from '../room/roomSlice';
import { previewClosed, restoreVersion, selectHistory, selectPreview } from './historySlice';

export function PreviewPane() {
  const dispatch = useAppDispatch();
  const preview = useAppSelector(selectPreview);
  const restoring = useAppSelector(selectHistory).restoring;
  const language = useAppSelector(selectLanguage);
  const parent = useRef<HTMLDivElement>(null);

  const code = preview?.status === 'ready' ? preview.code : null;
  const version = preview?.version;

  useEffect(() => {
    if (code === null || version === undefined || !parent.current) return;
    const languageSlot = new Compartment();
    const view = new EditorView({
      state: EditorState.create({
        doc: textOf(code),
        extensions: [
          EditorState.lineSeparator.of('\n'),
          readOnlyExtensions(`Version ${version} (read-only)`),
          languageSlot.of([]),
        ],
      }),
      parent: parent.current,
    });
    let live = true;
    loadLanguage(language).then(
      (ext) => {
        if (live) view.dispatch({ effects: languageSlot.reconfigure(ext) });
      },
      () => {
        /* plain text it stays */
      },
    );
    return () => {
      live = false;
      view.destroy();
    };
  }, [code, version, language]);

  if (!preview) return null;
  return (
    <section className="preview" aria-label={`Preview of version ${preview.version}`}>
      <div className="preview-head">
        <strong>Preview of version {preview.version}</strong>
        <button
          type="button"
          onClick={() => void dispatch(restoreVersion(preview.version))}
          disabled={restoring !== null || preview.status !== 'ready'}
        >
          Restore this version
        </button>
        <button type="button" onClick={() => dispatch(previewClosed())}>
          Close preview
        </button>
      </div>
      {preview.status === 'loading' && <p className="status">Loading version {preview.version}…</p>}
      {preview.status === 'failed' && (
        <p role="alert" className="alert">
          {preview.error}
        </p>
      )}
      <div className="preview-editor" ref={parent} />
    </section>
  );
}
