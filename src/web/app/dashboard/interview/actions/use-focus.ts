import { useEffect, useRef } from 'react';

/** Moves focus to the element when the key changes (a step's heading), so keyboard and screen-reader users follow. */
export function useFocusOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
