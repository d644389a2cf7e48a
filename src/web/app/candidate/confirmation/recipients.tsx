import type { ActionOutcome, DeliveryGroup } from '../../api/candidate-types.ts';

const WHO: Record<DeliveryGroup['audience'], string> = {
  candidate: 'You',
  panelist: 'Interviewers',
  coordinator: 'Recruiting team',
  hr: 'HR',
};

/**
 * Who receives what, as the outbox was written: the server's sentences, then each group by name (never
 * an address), so the candidate knows exactly who heard from them. HR's sentence already names its reader.
 */
export function Recipients({ outcome }: { outcome: ActionOutcome }) {
  const named = outcome.recipients.filter((group) => group.audience !== 'candidate' && group.audience !== 'hr' && group.names.length > 0);
  return (
    <div className="recipients">
      <h3>Who receives what</h3>
      <p>{outcome.text}</p>
      {named.length > 0 && (
        <ul>
          {named.map((group) => (
            <li key={`${group.audience}-${group.kind}`}>
              {WHO[group.audience]}: {group.names.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
