// The editor's fixed extensions: what basicSetup gives (without its
// completion, which autocomplete.ts configures), Tab to indent, the theme,
// and the accessible name of the editable content.
import { closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';

export const EDITOR_LABEL = 'Code editor';

const theme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '0.9rem',
    backgroundColor: '#ffffff',
  },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
    lineHeight: '1.55',
  },
  // Room above the first line for the name labels of remote cursors.
  '.cm-content': { paddingTop: '1.4em', paddingBottom: '2em' },
  '&.cm-focused': { outline: 'none' },
  '.cm-gutters': { backgroundColor: '#f3f5f9', borderRight: '1px solid #d7dbe3', color: '#7a8396' },
});

/** Everything but the document, collab, language and completion. */
export function baseExtensions(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    closeBrackets(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      indentWithTab,
    ]),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': EDITOR_LABEL }),
  ];
}

/** A read-only editor's extensions (history previews). */
export function readOnlyExtensions(label: string): Extension {
  return [
    lineNumbers(),
    highlightSpecialChars(),
    drawSelection(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': label }),
  ];
}
