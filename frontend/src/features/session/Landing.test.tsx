import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithStore } from '../../test/render';
import { jsonResponse, mockFetch, sampleRoom } from '../../test/http';
import { Landing } from './Landing';

afterEach(() => {
  vi.unstubAllGlobals();
});

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Landing', () => {
  it('has named controls and a default limit of 5', () => {
    renderWithStore(<Landing />);
    expect(screen.getByLabelText('Username')).toHaveProperty('value', '');
    expect(screen.getByLabelText('Room limit')).toHaveProperty('value', '5');
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', '');
    expect(screen.getByRole('button', { name: 'Create room' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join room' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a short username without calling the server', async () => {
    const calls = mockFetch(() => jsonResponse(201, sampleRoom()));
    renderWithStore(<Landing />);
    type('Username', '  ab  ');
    fireEvent.click(screen.getByRole('button', { name: 'Create room' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Username must be at least 3 characters');
    fireEvent.click(screen.getByRole('button', { name: 'Join room' }));
    expect(screen.getByRole('alert').textContent).toBe('Username must be at least 3 characters');
    expect(calls).toHaveLength(0);
  });

  it.each(['0', '21', ''])('refuses a room limit of "%s"', async (limit) => {
    const calls = mockFetch(() => jsonResponse(201, sampleRoom()));
    renderWithStore(<Landing />);
    type('Username', 'alice');
    type('Room limit', limit);
    fireEvent.click(screen.getByRole('button', { name: 'Create room' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Room limit must be between 1 and 20');
    expect(calls).toHaveLength(0);
  });

  it('creates a room with the trimmed name and goes to /r/{id}', async () => {
    const calls = mockFetch(() => jsonResponse(201, sampleRoom({ roomId: 'k3y', token: 'tk' })));
    renderWithStore(<Landing />);
    type('Username', '  alice ');
    type('Room limit', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Create room' }));
    await waitFor(() => expect(window.location.pathname).toBe('/r/k3y'));
    expect(calls[0]!.body).toEqual({ username: 'alice', limit: 3 });
    expect(JSON.parse(localStorage.getItem('pair.session.k3y')!)).toMatchObject({ username: 'alice', token: 'tk' });
  });

  it.each([
    [403, 'Room is full'],
    [409, 'Username already exists'],
    [404, 'Room not found'],
    [400, 'Invalid username'],
  ])('shows a %i on join as "%s"', async (status, message) => {
    mockFetch(() => jsonResponse(status, { detail: 'Invalid username' }));
    renderWithStore(<Landing initialRoomId="r1" />);
    type('Username', 'bob');
    fireEvent.click(screen.getByRole('button', { name: 'Join room' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(window.location.pathname).toBe('/');
  });

  it('shows a 409 on create as "Room ID already exists"', async () => {
    mockFetch(() => jsonResponse(409, { detail: 'exists' }));
    renderWithStore(<Landing />);
    type('Username', 'alice');
    fireEvent.click(screen.getByRole('button', { name: 'Create room' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Room ID already exists');
  });

  it('joins the room given in the Room ID field', async () => {
    const calls = mockFetch(() => jsonResponse(200, sampleRoom({ roomId: 'abc' })));
    renderWithStore(<Landing initialRoomId="abc" />);
    expect(screen.getByLabelText('Room ID')).toHaveProperty('value', 'abc');
    type('Username', 'bob');
    fireEvent.click(screen.getByRole('button', { name: 'Join room' }));
    await waitFor(() => expect(window.location.pathname).toBe('/r/abc'));
    expect(calls[0]!.url.pathname).toBe('/rooms/abc');
    expect(calls[0]!.url.searchParams.get('username')).toBe('bob');
  });

  it('asks for a Room ID before joining', async () => {
    const calls = mockFetch(() => jsonResponse(200, sampleRoom()));
    renderWithStore(<Landing />);
    type('Username', 'bob');
    fireEvent.click(screen.getByRole('button', { name: 'Join room' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a Room ID');
    expect(calls).toHaveLength(0);
  });
});
