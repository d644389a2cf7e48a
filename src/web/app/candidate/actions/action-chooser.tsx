import type { CandidateAction } from '../../api/candidate-types.ts';

/** What each action is called on its button; an invitation's "reschedule" is picking any free time. */
export function actionLabel(action: CandidateAction, status: string): string {
  switch (action) {
    case 'accept':
      return 'Accept an offered time';
    case 'reschedule':
      return status === 'invited' ? 'Pick another time' : 'Reschedule';
    case 'cancel':
      return 'Cancel the interview';
    case 'decline':
      return 'Decline the invitation';
    case 'withdraw':
      return 'Withdraw from the process';
    case 'excuse_no_show':
      return 'Explain an emergency';
    case 'concern':
      return 'Report a concern';
  }
}

/**
 * The actions the server says are possible now, one open at a time: each button shows or hides its own
 * form, so the page never lays every form out at once.
 */
export function ActionChooser({
  actions,
  status,
  chosen,
  onChoose,
}: {
  actions: CandidateAction[];
  status: string;
  chosen: CandidateAction | null;
  onChoose: (action: CandidateAction | null) => void;
}) {
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">What would you like to do?</h2>
      <ul className="action-list">
        {actions.map((action) => (
          <li key={action}>
            <button
              type="button"
              className={action === chosen ? 'choice chosen' : 'choice'}
              aria-expanded={action === chosen}
              aria-controls={action === chosen ? 'action-panel' : undefined}
              onClick={() => onChoose(action === chosen ? null : action)}
            >
              {actionLabel(action, status)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
