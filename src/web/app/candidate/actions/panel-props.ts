import type { CandidateView } from '../../api/candidate-types.ts';
import type { Done } from '../confirmation/confirmation.tsx';

/** What every action's panel gets: the link, the interview as last read, and where to report the result. */
export interface PanelProps {
  token: string;
  view: CandidateView;
  onDone: (done: Done) => void;
}
