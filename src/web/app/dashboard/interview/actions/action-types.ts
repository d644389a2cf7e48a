import type { Interview } from '../../../api/interview-types.ts';

/** What every action form gets from the page. */
export interface ActionProps {
  interview: Interview;
  zone: string;
  /** Reads the page's data again; resolves once it has. */
  refresh: () => Promise<void>;
  onDone: (summary: string) => void;
  onClose: () => void;
}
