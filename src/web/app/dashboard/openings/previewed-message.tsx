import type { Audience, PreviewedMessage } from '../../api/opening-types.ts';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  candidate: 'Candidate',
  panelist: 'Panelist',
  coordinator: 'Coordinator',
  hr: 'HR contact',
};

/** One email a fill or close would send: to whom and in which role, its subject, calendar part and text. */
export function PreviewedMessageCard({ message }: { message: PreviewedMessage }) {
  return (
    <article className="message card" aria-label={`Email to ${message.to}: ${message.subject}`}>
      <h4 className="message-subject">{message.subject}</h4>
      <dl className="message-facts">
        <dt>To</dt>
        <dd>
          {message.to} <span className="badge">{AUDIENCE_LABELS[message.role]}</span>
        </dd>
        <dt>Calendar</dt>
        <dd>
          {message.icsMethod === 'CANCEL' ? (
            <span className="badge method-cancel">
              Calendar cancellation (CANCEL{message.sequence !== null ? `, sequence ${message.sequence}` : ''})
            </span>
          ) : message.icsMethod === 'REQUEST' ? (
            <span className="badge method-request">Calendar update (REQUEST{message.sequence !== null ? `, sequence ${message.sequence}` : ''})</span>
          ) : (
            <span className="muted">No calendar part</span>
          )}
        </dd>
      </dl>
      <details className="message-body">
        <summary>Show the text<span className="visually-hidden"> of the email to {message.to}</span></summary>
        <pre>{message.body}</pre>
      </details>
    </article>
  );
}
