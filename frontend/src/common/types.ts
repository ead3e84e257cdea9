// Wire types shared by the API client and the slices. They mirror
// /work/shared/PROTOCOL.md (the contract); keep the two in step.

export type Role = 'owner' | 'editor';

/** An entry of a room's `users` array. */
export interface RoomUser {
  username: string;
  online: boolean;
  typing: boolean;
  color: string;
  role: Role;
}

/** The body of 201 `POST /rooms` and 200 `GET /rooms/{id}` (join). */
export interface RoomSnapshot {
  roomId: string;
  limit: number;
  users: RoomUser[];
  token: string;
  version: number;
  code: string;
  language: string;
}

/** The body of 200 `GET /rooms/{id}/document`. */
export interface RoomDocument {
  roomId: string;
  version: number;
  code: string;
  language: string;
  lastEditedBy: string | null;
  lastEditedAt: string | null;
}

/** What the browser keeps to rejoin a room after a reload. */
export interface StoredSession {
  roomId: string;
  username: string;
  token: string;
}
