import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Focus moved to an element once the page has re-rendered: after an action removes the button that was
 * pressed (a deletion, "Enable again"), a keyboard or screen-reader user lands on its result instead of
 * on nothing. The element needs tabIndex={-1} unless it is focusable already.
 */
export function useFocusLater<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked > 0) ref.current?.focus();
  }, [asked]);
  return [ref, () => setAsked((n) => n + 1)];
}
