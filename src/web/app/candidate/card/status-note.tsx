import type { CandidateView } from '../../api/candidate-types.ts';

/** Where the interview stands when it is no longer simply booked, as the server holds it now. */
const STATUS: Record<string, string> = {
  invited: 'You have been invited: choose a time for your interview below.',
  cancelled: 'This interview is cancelled.',
  declined: 'You declined this invitation.',
  withdrawn: 'You have withdrawn from this process.',
  completed: 'This interview has taken place. Thank you for your time.',
  no_show: 'This interview was marked as missed.',
  ended_early: 'This interview ended early.',
};

export function StatusNote({ view }: { view: CandidateView }) {
  const text = STATUS[view.interview.status];
  if (!text) return null;
  return (
    <p className={view.interview.status === 'invited' ? 'lead' : 'status-note'}>
      {text}
    </p>
  );
}
