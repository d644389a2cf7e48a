import type { Message } from '../../api/interview-types.ts';
import { formatDateTime } from '../../ui/format-time.ts';
import { MESSAGE_STATUS_LABELS } from './vocabulary.ts';

type HeadingLevel = 2 | 3 | 4;

/** The calendar part in a few words: a REQUEST adds or updates the event, a CANCEL removes it. */
export const METHOD_WORDS: Record<'REQUEST' | 'CANCEL', string> = {
  REQUEST: 'REQUEST (invitation or update)',
  CANCEL: 'CANCEL (removes the event)',
};

function Heading({ level, children }: { level: HeadingLevel; children: string }) {
  const Tag = `h${level}` as const;
  return <Tag className="message-subject">{children}</Tag>;
}

/**
 * One email exactly as the outbox holds it: to whom, from whom, its calendar method and sequence, what
 * became of it, and the whole text on expanding. Times are stated in the given zone.
 */
export function MessageViewer({ message, zone, headingLevel = 3 }: { message: Message; zone: string; headingLevel?: HeadingLevel }) {
  return (
    <article id={`message-${message.id}`} tabIndex={-1} className="message card" aria-label={`Email to ${message.to}: ${message.subject}`}>
      <Heading level={headingLevel}>{message.subject}</Heading>
      <dl className="message-facts">
        <dt>To</dt>
        <dd>{message.to}</dd>
        {message.from && (
          <>
            <dt>From</dt>
            <dd>
              {message.from.name} &lt;{message.from.address}&gt;
            </dd>
          </>
        )}
        {message.replyTo && (
          <>
            <dt>Replies go to</dt>
            <dd>
              {message.replyTo.name} &lt;{message.replyTo.address}&gt;
            </dd>
          </>
        )}
        <dt>Calendar</dt>
        <dd>
          {message.icsMethod ? (
            <>
              <span className={`badge method-${message.icsMethod.toLowerCase()}`}>{METHOD_WORDS[message.icsMethod]}</span>{' '}
              {message.sequence !== null && <span>sequence {message.sequence}</span>}
            </>
          ) : (
            <span className="muted">No calendar part</span>
          )}
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge message-${message.status}`}>{MESSAGE_STATUS_LABELS[message.status]}</span>
          {message.sentAt ? (
            <> on <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, zone)}</time></>
          ) : (
            <> · written <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, zone)}</time></>
          )}
          {message.attempts > 1 && <span className="muted"> · {message.attempts} attempts</span>}
        </dd>
        {message.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="problem-text">{message.lastError}</dd>
          </>
        )}
      </dl>
      <details className="message-body">
        <summary>Show the text as sent</summary>
        {message.body === null ? <p className="muted">The text of this message was not kept.</p> : <pre>{message.body}</pre>}
      </details>
    </article>
  );
}

/** Several emails, oldest first as the outbox lists them. */
export function MessageList({ messages, zone, headingLevel = 3, empty = 'No emails.' }: { messages: Message[]; zone: string; headingLevel?: HeadingLevel; empty?: string }) {
  if (messages.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="message-list">
      {messages.map((message) => (
        <li key={message.id}>
          <MessageViewer message={message} zone={zone} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
