// Other people's cursors and selections as CodeMirror decorations: a caret
// with the person's name beside it, and their selection in their colour.
// Positions are in the local document; every transaction maps them, so they
// follow concurrent edits until the next `cursor` message replaces them.
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { safeColor, translucent } from '../../common/color';

export interface RemoteCursor {
  username: string;
  color: string;
  anchor: number;
  head: number;
}

/** Puts (or moves) one person's cursor. */
export const setRemoteCursor = StateEffect.define<RemoteCursor>({
  map: (c, mapping) => ({ ...c, anchor: mapping.mapPos(c.anchor, 1), head: mapping.mapPos(c.head, 1) }),
});

/** Removes the cursors of the named people (they left or went offline). */
export const removeRemoteCursors = StateEffect.define<string[]>();

class CaretWidget extends WidgetType {
  constructor(
    readonly username: string,
    readonly color: string,
  ) {
    super();
  }

  eq(other: CaretWidget): boolean {
    return other.username === this.username && other.color === this.color;
  }

  toDOM(): HTMLElement {
    const caret = document.createElement('span');
    caret.className = 'cm-remote-caret';
    caret.style.borderLeftColor = this.color;
    caret.setAttribute('data-user', this.username);
    // Not part of the text a screen reader reads; the user list says who is here.
    caret.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'cm-remote-label';
    label.style.backgroundColor = this.color;
    label.textContent = this.username;
    caret.appendChild(label);
    return caret;
  }

  ignoreEvent(): boolean {
    return true;
  }
}

type CursorMap = ReadonlyMap<string, RemoteCursor>;

const key = (name: string) => name.toLowerCase();

export const remoteCursorField = StateField.define<CursorMap>({
  create: () => new Map(),
  update(cursors, tr) {
    let next: Map<string, RemoteCursor> | null = null;
    if (tr.docChanged && cursors.size) {
      next = new Map();
      for (const [k, c] of cursors) {
        next.set(k, { ...c, anchor: tr.changes.mapPos(c.anchor, 1), head: tr.changes.mapPos(c.head, 1) });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(setRemoteCursor)) {
        next ??= new Map(cursors);
        const len = tr.state.doc.length;
        const c = effect.value;
        next.set(key(c.username), {
          ...c,
          anchor: Math.min(Math.max(c.anchor, 0), len),
          head: Math.min(Math.max(c.head, 0), len),
        });
      } else if (effect.is(removeRemoteCursors)) {
        next ??= new Map(cursors);
        for (const name of effect.value) next.delete(key(name));
      }
    }
    return next ?? cursors;
  },
  provide: (field) =>
    EditorView.decorations.compute([field], (state): DecorationSet => {
      const ranges: Range<Decoration>[] = [];
      for (const c of state.field(field).values()) {
        const color = safeColor(c.color) ?? '#888888';
        const from = Math.min(c.anchor, c.head);
        const to = Math.max(c.anchor, c.head);
        if (from < to) {
          ranges.push(
            Decoration.mark({
              class: 'cm-remote-selection',
              attributes: { style: `background-color: ${translucent(color)}` },
            }).range(from, to),
          );
        }
        ranges.push(Decoration.widget({ widget: new CaretWidget(c.username, color), side: 1 }).range(c.head));
      }
      return Decoration.set(ranges, true);
    }),
});

/** The names whose cursors are shown. */
export function remoteCursorNames(state: { field: (f: typeof remoteCursorField) => CursorMap }): string[] {
  return [...state.field(remoteCursorField).values()].map((c) => c.username);
}

export const remoteCursorTheme = EditorView.baseTheme({
  '.cm-remote-caret': {
    position: 'relative',
    borderLeft: '2px solid',
    marginLeft: '-1px',
    marginRight: '-1px',
    pointerEvents: 'none',
  },
  '.cm-remote-label': {
    position: 'absolute',
    top: '-1.35em',
    left: '-2px',
    padding: '0 4px',
    borderRadius: '3px 3px 3px 0',
    color: '#fff',
    fontSize: '0.72em',
    lineHeight: '1.4',
    fontFamily: 'system-ui, sans-serif',
    whiteSpace: 'nowrap',
    zIndex: '10',
    opacity: '0.92',
  },
});

export function remoteCursors(): Extension {
  return [remoteCursorField, remoteCursorTheme];
}
