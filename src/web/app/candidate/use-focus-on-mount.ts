import { useEffect, useRef } from 'react';

/**
 * Moves focus to an element when it appears (a step's heading, a confirmation), so keyboard and
 * screen-reader users land where the page changed instead of at the button that is now gone.
 */
export function useFocusOnMount<T extends HTMLElement>(key?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
