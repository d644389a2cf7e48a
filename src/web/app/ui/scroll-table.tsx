import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen. The scrolling box is focusable and named, so a
 * keyboard can scroll it even when the table holds nothing else to focus.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll org-table" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
