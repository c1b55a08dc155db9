/** A switch the user sets once and expects to stay set (Summary hints, YAML wrap), remembered in localStorage. */
import { useCallback, useState } from 'react';

function read(key: string, fallback: boolean): boolean {
  try {
    const saved = localStorage.getItem(key);
    return saved === 'on' ? true : saved === 'off' ? false : fallback;
  } catch {
    // Storage can be unavailable (privacy settings): the default applies.
    return fallback;
  }
}

export function useRememberedFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback(
    (on: boolean) => {
      setValue(on);
      try {
        localStorage.setItem(key, on ? 'on' : 'off');
      } catch {
        // Not remembered, but switched for this session.
      }
    },
    [key],
  );
  return [value, set];
}
