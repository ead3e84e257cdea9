import { useAppSelector } from '../../app/hooks';
import { selectConnectionText, selectLinkState } from './connectionSlice';

/** "Connected", "Reconnecting… · 2 unsent", "Offline": the link to the server at a glance. */
export function ConnectionIndicator() {
  const link = useAppSelector(selectLinkState);
  const text = useAppSelector(selectConnectionText);
  if (link === 'idle' && !text) return null;
  return (
    <span role="status" aria-label="Connection" className={`connection ${link}`}>
      {text}
    </span>
  );
}
