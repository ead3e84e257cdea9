// The owner's control to raise the room's limit.
import { useState, type FormEvent } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { LIMIT_MAX, parseLimit } from '../session/validation';
import { changeLimit, limitErrorCleared, selectLimit, selectLimitChange } from './roomSlice';

export function LimitControl() {
  const dispatch = useAppDispatch();
  const limit = useAppSelector(selectLimit);
  const { status, error } = useAppSelector(selectLimitChange);
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    dispatch(limitErrorCleared());
    const parsed = parseLimit(value);
    if ('error' in parsed) {
      setLocalError(parsed.error);
      return;
    }
    setLocalError(null);
    const result = await dispatch(changeLimit(parsed.limit));
    if (changeLimit.fulfilled.match(result)) setValue('');
  }

  const message = localError ?? error;
  return (
    <form className="limit-control" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="new-limit">New limit</label>
        <input
          id="new-limit"
          type="number"
          inputMode="numeric"
          min={limit + 1}
          max={LIMIT_MAX}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" disabled={status === 'pending' || limit >= LIMIT_MAX}>
        Change limit
      </button>
      {message && (
        <p role="alert" className="alert">
          {message}
        </p>
      )}
    </form>
  );
}
