// The room link of the room page on screen, for thunks that need the
// network or the editor's text (save, limit, language, history). The room
// page registers it while mounted; nothing here is Redux state.
import type { RoomTransport } from './transport';

export interface RoomLink {
  readonly roomId: string;
  readonly transport: Pick<
    RoomTransport,
    'save' | 'changeLimit' | 'setLanguage' | 'history' | 'restore' | 'document'
  >;
  /** The editor's document, or null while it is not loaded. */
  text(): string | null;
  /** Resolves true once every local edit is confirmed by the server. */
  flush(timeoutMs: number): Promise<boolean>;
}

let active: RoomLink | null = null;

export function registerRoomLink(link: RoomLink): () => void {
  active = link;
  return () => {
    if (active === link) active = null;
  };
}

export function getRoomLink(roomId: string): RoomLink | null {
  return active && active.roomId === roomId ? active : null;
}
