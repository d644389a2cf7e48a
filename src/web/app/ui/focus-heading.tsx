import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * A heading that takes focus when it appears, so that after an action (a screen, a confirmation) a
 * keyboard or screen-reader user lands on its result instead of staying on a button that is gone.
 */
export function FocusHeading({ level = 2, children, id }: { level?: 2 | 3; children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag ref={ref} tabIndex={-1} id={id}>
      {children}
    </Tag>
  );
}
