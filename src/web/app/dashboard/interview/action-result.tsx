import type { Interview, Message } from '../../api/interview-types.ts';
import { METHOD_WORDS } from '../shared/message-viewer.tsx';
import { MESSAGE_STATUS_LABELS } from '../shared/vocabulary.ts';
import { useFocusOn } from './actions/use-focus.ts';
import { messageIdsOf } from './message-links.ts';

export interface DoneAction {
  summary: string;
  /** How many history lines there were before: the lines after are this action's. */
  historyBefore: number;
  at: number;
}

/**
 * What an action did, from the server's answer and the page read again: the summary, and each email the
 * new history lines record as sent (recipient, subject, calendar method and sequence, status).
 */
export function ActionResult({ done, interview, messages, onDismiss }: { done: DoneAction; interview: Interview; messages: Message[]; onDismiss: () => void }) {
  const heading = useFocusOn<HTMLHeadingElement>(done.at);
  const entries = (interview.history ?? []).slice(done.historyBefore);
  const ids = new Set(entries.flatMap(messageIdsOf));
  const sent = messages.filter((m) => ids.has(m.messageId));
  return (
    <section className="success action-result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabIndex={-1} ref={heading}>
        Done
      </h3>
      <p>{done.summary}</p>
      {sent.length === 0 ? (
        <p>No email was written for this.</p>
      ) : (
        <>
          <p>{sent.length === 1 ? 'One email was written:' : `${sent.length} emails were written:`}</p>
          <ul>
            {sent.map((message) => (
              <li key={message.id}>
                To <strong>{message.to}</strong>: “{message.subject}”
                {message.icsMethod && ` · ${METHOD_WORDS[message.icsMethod]}${message.sequence !== null ? `, sequence ${message.sequence}` : ''}`} ·{' '}
                {MESSAGE_STATUS_LABELS[message.status]} · <a href={`#message-${message.id}`}>read it</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
