import { useAppSelector } from '../../app/hooks';
import { safeColor } from '../../common/color';
import { selectUsersForDisplay } from '../presence/presenceSlice';
import { selectUsername } from '../session/sessionSlice';

export function UserList() {
  const users = useAppSelector(selectUsersForDisplay);
  const me = useAppSelector(selectUsername)?.toLowerCase();

  return (
    <ul className="users" aria-label="Users">
      {users.map((user) => {
        const state = user.online ? 'online' : 'offline';
        const typing = user.online && user.typing;
        const color = safeColor(user.color);
        return (
          <li
            key={user.username}
            aria-label={`${user.username}, ${state}${typing ? ', typing' : ''}`}
            className={`user ${state}`}
          >
            <span className="dot" aria-hidden="true" style={{ backgroundColor: color }} />
            <span className="name" style={{ color }}>
              {user.username}
            </span>
            {user.username.toLowerCase() === me && <span className="you">(you)</span>}
            {user.role === 'owner' && (
              <span className="badge" title="Room owner">
                owner
              </span>
            )}
            {typing && <span className="state typing-mark">typing…</span>}
            {!user.online && <span className="state">offline</span>}
          </li>
        );
      })}
    </ul>
  );
}
