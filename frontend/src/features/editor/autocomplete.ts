// Completion for the editor: words from POST /autocomplete merged with the
// words of the document, in CodeMirror's completion popup, plus "ghost text"
// (the best completion shown faintly after the cursor after a short pause,
// accepted with Tab). While the endpoint is missing (404) or failing, only
// local words are used, silently.
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { Prec, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, ViewPlugin, WidgetType, type ViewUpdate } from '@codemirror/view';
import { ApiError } from '../../common/api';
import type { AutocompleteAnswer } from '../collab/messages';

export type AutocompleteFetch = (req: { code: string; cursorPosition: number; language: string }) => Promise<AutocompleteAnswer>;

const WORD = /[\p{L}\p{N}_$]/u;
const WORD_BEFORE = /[\p{L}_$][\p{L}\p{N}_$]*$/u;
const WORD_ALL = /[\p{L}_$][\p{L}\p{N}_$]*/gu;
/** How far around the cursor local words are collected (characters). */
const LOCAL_SCAN = 200_000;

/** The partial word before `pos`, or null. */
export function wordBefore(state: EditorState, pos: number): { from: number; text: string } | null {
  const line = state.doc.lineAt(pos);
  const before = line.text.slice(Math.max(0, pos - line.from - 100), pos - line.from);
  const m = WORD_BEFORE.exec(before);
  if (!m) return null;
  return { from: pos - m[0].length, text: m[0] };
}

/**
 * Words of the document that start with `prefix` (and are longer), most
 * frequent first, the word being typed at `at` excluded.
 */
export function localWords(state: EditorState, prefix: string, at: number, limit = 50): string[] {
  const from = Math.max(0, at - LOCAL_SCAN / 2);
  const text = state.doc.sliceString(from, Math.min(state.doc.length, at + LOCAL_SCAN / 2));
  const counts = new Map<string, number>();
  const lower = prefix.toLowerCase();
  for (const m of text.matchAll(WORD_ALL)) {
    const w = m[0];
    const start = from + (m.index ?? 0);
    if (start <= at && at <= start + w.length) continue; // the word being typed
    if (w.length <= prefix.length || !w.toLowerCase().startsWith(lower)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([w]) => w);
}

/** The text sent for completion: the document, or a window of it around the cursor when large. */
export function windowAround(state: EditorState, pos: number, before = 20_000, after = 5_000): { code: string; cursor: number } {
  if (state.doc.length <= before + after) return { code: state.doc.toString(), cursor: pos };
  let from = Math.max(0, pos - before);
  // Do not split a surrogate pair at the window's start.
  const first = state.doc.sliceString(from, from + 1).charCodeAt(0);
  if (first >= 0xdc00 && first <= 0xdfff) from++;
  let to = Math.min(state.doc.length, pos + after);
  const last = state.doc.sliceString(to - 1, to).charCodeAt(0);
  if (last >= 0xd800 && last <= 0xdbff) to--;
  return { code: state.doc.sliceString(from, to), cursor: pos - from };
}

/**
 * Calls the endpoint unless it is known to be missing or failing: after a
 * 404 it rests for 5 minutes, after another failure for 30 s. Returns null
 * whenever there is no answer to use.
 */
export class ServerCompleter {
  private restUntil = 0;
  constructor(
    private readonly fetcher: AutocompleteFetch,
    private readonly now: () => number = Date.now,
  ) {}

  get available(): boolean {
    return this.now() >= this.restUntil;
  }

  async complete(code: string, cursorPosition: number, language: string): Promise<AutocompleteAnswer | null> {
    if (!this.available) return null;
    try {
      const answer = await this.fetcher({ code, cursorPosition, language });
      if (!answer || typeof answer.suggestion !== 'string' || !Array.isArray(answer.suggestions)) return null;
      return answer;
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (status === 404 || status === 405) this.restUntil = this.now() + 5 * 60_000;
      else if (status !== 400) this.restUntil = this.now() + 30_000;
      return null;
    }
  }
}

const KIND_TYPES: Record<string, string> = {
  keyword: 'keyword',
  function: 'function',
  method: 'method',
  variable: 'variable',
  class: 'class',
  type: 'type',
  constant: 'constant',
  property: 'property',
  module: 'namespace',
  snippet: 'text',
};

/** Server suggestions first (deduplicated), then local words. */
export function mergeCompletions(server: AutocompleteAnswer | null, local: string[], prefix: string): Completion[] {
  const seen = new Set<string>();
  const out: Completion[] = [];
  const lower = prefix.toLowerCase();
  server?.suggestions.forEach((s, i) => {
    if (typeof s?.label !== 'string' || !s.label || seen.has(s.label)) return;
    if (!s.label.toLowerCase().startsWith(lower)) return;
    seen.add(s.label);
    out.push({ label: s.label, type: KIND_TYPES[s.kind ?? ''] ?? 'text', detail: s.detail, boost: 50 - Math.min(i, 49) });
  });
  for (const w of local) {
    if (seen.has(w)) continue;
    seen.add(w);
    out.push({ label: w, type: 'text', boost: -10 });
  }
  return out;
}

/** The best whole word for the partial word: the server's, else the most frequent local one. */
export function bestSuggestion(server: AutocompleteAnswer | null, local: string[], prefix: string): string | null {
  const s = server?.suggestion;
  if (s && s.length > prefix.length && s.toLowerCase().startsWith(prefix.toLowerCase())) return s;
  return local[0] ?? null;
}

// ---------------------------------------------------------------------------
// Ghost text

interface Ghost {
  pos: number;
  text: string;
}

const setGhost = StateEffect.define<Ghost | null>();

class GhostWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }
  eq(other: GhostWidget) {
    return other.text === this.text;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-ghost-text';
    span.setAttribute('aria-hidden', 'true');
    span.textContent = this.text;
    return span;
  }
  ignoreEvent() {
    return true;
  }
}

const ghostField = StateField.define<Ghost | null>({
  create: () => null,
  update(ghost, tr) {
    for (const e of tr.effects) if (e.is(setGhost)) return e.value;
    if (ghost && (tr.docChanged || tr.selection)) return null;
    return ghost;
  },
  provide: (f) =>
    EditorView.decorations.from(f, (ghost) =>
      ghost ? Decoration.set([Decoration.widget({ widget: new GhostWidget(ghost.text), side: 1 }).range(ghost.pos)]) : Decoration.none,
    ),
});

/** Inserts the ghost text; false (so Tab does its usual thing) when there is none. */
export function acceptGhost(view: EditorView): boolean {
  const ghost = view.state.field(ghostField, false);
  if (!ghost || view.state.selection.main.head !== ghost.pos) return false;
  view.dispatch({
    changes: { from: ghost.pos, insert: ghost.text },
    selection: { anchor: ghost.pos + ghost.text.length },
    userEvent: 'input.complete',
  });
  return true;
}

function dismissGhost(view: EditorView): boolean {
  if (!view.state.field(ghostField, false)) return false;
  view.dispatch({ effects: setGhost.of(null) });
  return true;
}

export interface CompletionOptions {
  completer: ServerCompleter;
  language: () => string;
  /** The pause after typing before ghost text is looked up (ms). */
  ghostDelayMs?: number;
}

/** Completion popup and ghost text for the editor. */
export function completionExtensions({ completer, language, ghostDelayMs = 400 }: CompletionOptions): Extension {
  async function source(ctx: CompletionContext): Promise<CompletionResult | null> {
    const word = wordBefore(ctx.state, ctx.pos);
    if (!word && !ctx.explicit) return null;
    const prefix = word?.text ?? '';
    if (!ctx.explicit && prefix.length < 2) return null;
    const local = localWords(ctx.state, prefix, ctx.pos);
    const win = windowAround(ctx.state, ctx.pos);
    const server = await completer.complete(win.code, win.cursor, language());
    if (ctx.aborted) return null;
    const options = mergeCompletions(server, local, prefix);
    if (!options.length) return null;
    return { from: word?.from ?? ctx.pos, options, validFor: /^[\p{L}\p{N}_$]*$/u };
  }

  const ghostPlugin = ViewPlugin.fromClass(
    class {
      timer: ReturnType<typeof setTimeout> | null = null;
      seq = 0;
      constructor(readonly view: EditorView) {}

      update(u: ViewUpdate) {
        const typed = u.transactions.some((tr) => tr.isUserEvent('input.type'));
        if (u.docChanged || u.selectionSet) this.cancel();
        if (typed) this.schedule();
      }

      cancel() {
        this.seq++;
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
      }

      schedule() {
        const seq = this.seq;
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.lookup(seq);
        }, ghostDelayMs);
      }

      async lookup(seq: number) {
        const { state } = this.view;
        const sel = state.selection.main;
        if (!sel.empty) return;
        const pos = sel.head;
        const next = state.doc.sliceString(pos, pos + 1);
        if (next && WORD.test(next)) return; // in the middle of a word
        const word = wordBefore(state, pos);
        if (!word || word.text.length < 2) return;
        const local = localWords(state, word.text, pos, 5);
        const win = windowAround(state, pos);
        const server = await completer.complete(win.code, win.cursor, language());
        if (seq !== this.seq || this.view.state.selection.main.head !== pos) return;
        const best = bestSuggestion(server, local, word.text);
        if (!best) return;
        const rest = best.slice(word.text.length);
        if (rest) this.view.dispatch({ effects: setGhost.of({ pos, text: rest }) });
      }

      destroy() {
        this.cancel();
      }
    },
  );

  return [
    autocompletion({ override: [source], activateOnTypingDelay: 150, icons: false }),
    ghostField,
    ghostPlugin,
    Prec.highest(
      keymap.of([
        { key: 'Tab', run: acceptGhost },
        { key: 'Escape', run: dismissGhost },
      ]),
    ),
    EditorView.baseTheme({
      '.cm-ghost-text': { opacity: '0.45', fontStyle: 'italic', pointerEvents: 'none' },
    }),
  ];
}
