import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { remoteCursorField, remoteCursorNames, removeRemoteCursors, setRemoteCursor } from './remoteCursors';

describe('remote cursors', () => {
  it('follow concurrent changes and disappear when removed', () => {
    let state = EditorState.create({ doc: 'hello world', extensions: [remoteCursorField] });
    state = state.update({
      effects: [
        setRemoteCursor.of({ username: 'bob', color: '#3cb44b', anchor: 6, head: 11 }),
        setRemoteCursor.of({ username: 'carol', color: 'red', anchor: 0, head: 0 }),
      ],
    }).state;
    expect(remoteCursorNames(state)).toEqual(['bob', 'carol']);
    // Someone inserts before bob's selection: it moves with the text.
    state = state.update({ changes: { from: 0, insert: '>> ' } }).state;
    expect(state.field(remoteCursorField).get('bob')).toMatchObject({ anchor: 9, head: 14 });
    // Positions past the end are clamped.
    state = state.update({ effects: setRemoteCursor.of({ username: 'Bob', color: '#3cb44b', anchor: 99, head: 99 }) }).state;
    expect(state.field(remoteCursorField).get('bob')).toMatchObject({ anchor: 14, head: 14 });
    state = state.update({ effects: removeRemoteCursors.of(['BOB']) }).state;
    expect(remoteCursorNames(state)).toEqual(['carol']);
  });
});
