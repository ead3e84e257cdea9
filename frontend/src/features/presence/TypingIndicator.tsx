import { useAppSelector } from '../../app/hooks';
import { selectOthersTyping, typingSentence } from './presenceSlice';

/** "bob is typing…" (announced politely to screen readers). */
export function TypingIndicator() {
  const names = useAppSelector(selectOthersTyping);
  return (
    <p className="typing-indicator" aria-live="polite">
      {typingSentence(names)}
    </p>
  );
}
