import { parseRoute, usePathname } from './common/router';
import { RoomRoute } from './features/room/RoomRoute';
import { Landing } from './features/session/Landing';

export function App() {
  const route = parseRoute(usePathname());
  if (route.name === 'room') return <RoomRoute key={route.roomId} roomId={route.roomId} />;
  return <Landing />;
}
