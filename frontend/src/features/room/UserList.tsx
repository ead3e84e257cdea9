import { useAppSelector } from '../../app/hooks';
import { selectUsername } from '../session/sessionSlice';
import { selectUsersForDisplay } from './roomSlice';

/** Accepts only colours that cannot smuggle anything into a style attribute. */
function safeColor(color: string): string | undefined {
  return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9.,%\s]+\))$/.test(color) ? color : undefined;
}

export function UserList() {
  const users = useAppSelector(selectUsersForDisplay);
  const me = useAppSelector(selectUsername)?.toLowerCase();

  return (
    <ul className="users" aria-label="Users">
      {users.map((user) => {
        const state = user.online ? 'online' : 'offline';
        const color = safeColor(user.color);
        return (
          <li key={user.username} aria-label={`${user.username}, ${state}`} className={`user ${state}`}>
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
            {!user.online && <span className="state">offline</span>}
          </li>
        );
      })}
    </ul>
  );
}
