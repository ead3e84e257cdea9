import { EditorState } from '@codemirror/state';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../common/api';
import { bestSuggestion, localWords, mergeCompletions, ServerCompleter, windowAround, wordBefore } from './autocomplete';

const doc = 'def compute_total(items):\n    total = 0\n    for item in items:\n        total += item\n    return total\ncomp';

describe('local words', () => {
  it('finds the partial word before the cursor', () => {
    const state = EditorState.create({ doc });
    expect(wordBefore(state, doc.length)).toEqual({ from: doc.length - 4, text: 'comp' });
    expect(wordBefore(state, doc.indexOf('(') + 1)).toBeNull();
  });

  it('lists longer words with the prefix, most frequent first, not the word being typed', () => {
    const state = EditorState.create({ doc });
    expect(localWords(state, 'comp', doc.length)).toEqual(['compute_total']);
    expect(localWords(state, 'it', doc.indexOf('items'))).toEqual(['item', 'items']);
    expect(localWords(state, 'tot', doc.length)).toEqual(['total']);
  });

  it('sends a window of a large document, never splitting a surrogate pair', () => {
    const big = EditorState.create({ doc: '😀'.repeat(20_000) });
    const { code, cursor } = windowAround(big, 20_001, 10, 10);
    expect(code.length).toBeLessThanOrEqual(20);
    expect(code.charCodeAt(0)).not.toBe(0xde00);
    expect(cursor).toBeGreaterThan(0);
    const small = EditorState.create({ doc: 'abc' });
    expect(windowAround(small, 2)).toEqual({ code: 'abc', cursor: 2 });
  });
});

describe('ServerCompleter', () => {
  it('returns the answer when the endpoint works', async () => {
    const answer = { suggestion: 'print', suggestions: [{ label: 'print', kind: 'function' }] };
    const completer = new ServerCompleter(vi.fn(async () => answer));
    expect(await completer.complete('pri', 3, 'python')).toEqual(answer);
  });

  it('goes quiet for a while after a 404, and after a 5xx', async () => {
    let now = 0;
    const fetcher = vi.fn(async () => {
      throw new ApiError(404, 'Not Found');
    });
    const completer = new ServerCompleter(fetcher, () => now);
    expect(await completer.complete('pri', 3, 'python')).toBeNull();
    expect(await completer.complete('pri', 3, 'python')).toBeNull();
    expect(fetcher).toHaveBeenCalledTimes(1);
    now += 5 * 60_000;
    expect(completer.available).toBe(true);

    const failing = vi.fn(async () => {
      throw new ApiError(503, 'down');
    });
    const c2 = new ServerCompleter(failing, () => now);
    await c2.complete('x', 1, 'go');
    expect(c2.available).toBe(false);
    now += 30_000;
    expect(c2.available).toBe(true);
  });

  it('ignores a malformed answer', async () => {
    const completer = new ServerCompleter(vi.fn(async () => ({ nope: 1 }) as never));
    expect(await completer.complete('x', 1, 'go')).toBeNull();
  });
});

describe('merging', () => {
  it('puts server suggestions first, drops duplicates and non-matching labels', () => {
    const server = {
      suggestion: 'compute',
      suggestions: [
        { label: 'compute', kind: 'function', detail: 'builtin' },
        { label: 'zzz', kind: 'keyword' },
        { label: 'compute' },
      ],
    };
    const merged = mergeCompletions(server, ['compute', 'computer'], 'comp');
    expect(merged.map((c) => c.label)).toEqual(['compute', 'computer']);
    expect(merged[0]).toMatchObject({ type: 'function', detail: 'builtin' });
    expect(mergeCompletions(null, ['a1', 'a2'], 'a').map((c) => c.label)).toEqual(['a1', 'a2']);
  });

  it("prefers the server's best word for ghost text, else the first local one", () => {
    expect(bestSuggestion({ suggestion: 'print', suggestions: [] }, ['private'], 'pri')).toBe('print');
    expect(bestSuggestion({ suggestion: '', suggestions: [] }, ['private'], 'pri')).toBe('private');
    expect(bestSuggestion({ suggestion: 'other', suggestions: [] }, [], 'pri')).toBeNull();
    expect(bestSuggestion(null, [], 'pri')).toBeNull();
  });
});

describe('ghost text', () => {
  it('shows the best local word after a pause and Tab (acceptGhost) inserts it', async () => {
    const { EditorView } = await import('@codemirror/view');
    const { acceptGhost, completionExtensions } = await import('./autocomplete');
    const fetcher = vi.fn(async () => {
      throw new ApiError(404, 'Not Found');
    });
    const parent = document.createElement('div');
    document.body.appendChild(parent);
    const view = new EditorView({
      state: EditorState.create({
        doc: 'compute_total = 1\n',
        extensions: completionExtensions({ completer: new ServerCompleter(fetcher), language: () => 'python', ghostDelayMs: 5 }),
      }),
      parent,
    });
    const end = view.state.doc.length;
    view.dispatch({ changes: { from: end, insert: 'comp' }, selection: { anchor: end + 4 }, userEvent: 'input.type' });
    await vi.waitFor(() => expect(parent.querySelector('.cm-ghost-text')?.textContent).toBe('ute_total'));
    expect(fetcher).toHaveBeenCalled();
    expect(acceptGhost(view)).toBe(true);
    expect(view.state.doc.toString()).toBe('compute_total = 1\ncompute_total');
    expect(parent.querySelector('.cm-ghost-text')).toBeNull();
    expect(acceptGhost(view)).toBe(false);
    view.destroy();
    parent.remove();
  });
});
