import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../../api/client.ts';
import type { Opening, OpeningEnd, OpeningEndHow, OpeningEndInput, OpeningEndPreview } from '../../api/opening-types.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { ProblemMessage } from '../../ui/problem.tsx';
import { PreviewedMessageCard } from './previewed-message.tsx';
import { QueuedMessages } from './queued-messages.tsx';

interface Props {
  opening: Opening;
  zone: string;
  /** Candidates interviewing for the opening, to name the one hired. */
  candidates: Array<{ id: string; name: string }>;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const VERB: Record<OpeningEndHow, { action: string; done: string }> = {
  fill: { action: 'Fill the opening', done: 'filled' },
  close: { action: 'Close the opening', done: 'closed' },
};

/**
 * Ends an opening in three steps: say how (filled, with whom, or closed) and add words of your own;
 * read every email it will send; confirm. Then what the server did, and the emails as queued.
 */
export function EndOpening({ opening, zone, candidates }: Props) {
  const client = useQueryClient();
  const [how, setHow] = useState<OpeningEndHow>('fill');
  const [hired, setHired] = useState('');
  const [message, setMessage] = useState('');
  const input = (): OpeningEndInput => ({ ...(how === 'fill' ? { hiredCandidateId: hired || null } : {}), message: message.trim() || null });

  const preview = useMutation({
    mutationFn: (body: { how: OpeningEndHow; input: OpeningEndInput }) => api.post<OpeningEndPreview>(`/api/v1/openings/${opening.id}/${body.how}/preview`, body.input),
  });
  const end = useMutation({
    mutationFn: (body: { how: OpeningEndHow; input: OpeningEndInput }) => api.post<OpeningEnd>(`/api/v1/openings/${opening.id}/${body.how}`, body.input),
    onSuccess: () => {
      for (const key of [['opening', opening.id], ['openings'], ['interviews'], ['waitlist', opening.id], ['offers', opening.id], ['messages']]) {
        void client.invalidateQueries({ queryKey: key });
      }
    },
  });

  if (end.data && preview.data) {
    const result = end.data;
    const how = end.variables.how;
    return (
      <section className="card org-card" aria-labelledby="end-result">
        <FocusHeading id="end-result">Opening {VERB[how].done}</FocusHeading>
        <ul className="result-facts">
          <li>{plural(result.cancelledInterviews, 'interview or invitation', 'interviews and invitations')} cancelled</li>
          <li>{plural(result.notifiedCandidates, 'candidate')} told, with a calendar cancellation to whoever held each event</li>
          <li>{plural(result.closedWaitlistEntries, 'waitlist entry', 'waitlist entries')} closed</li>
        </ul>
        <QueuedMessages previewed={preview.data.messages} since={result.opening.endedAt ?? new Date(0).toISOString()} zone={zone} />
        <p>
          <Link href="/mailbox">Open the mailbox</Link> to see every email the organization has sent.
        </p>
      </section>
    );
  }

  const askPreview = (event: FormEvent) => {
    event.preventDefault();
    end.reset();
    preview.mutate({ how, input: input() });
  };

  const previewed = preview.data && preview.variables ? { data: preview.data, how: preview.variables.how, input: preview.variables.input } : null;

  return (
    <section className="card org-card" aria-labelledby="end-opening">
      <h2 id="end-opening">Fill or close this opening</h2>
      <p className="muted">
        Every remaining interview and invitation is cancelled and each candidate told kindly, with a calendar cancellation to whoever held the event;
        the waitlist is closed. You read every email before anything is sent.
      </p>
      {!previewed && (
        <form onSubmit={askPreview} className="stack">
          <fieldset>
            <legend>How did it end?</legend>
            <label className="inline">
              <input type="radio" name="how" value="fill" checked={how === 'fill'} onChange={() => setHow('fill')} />
              Filled: someone was hired
            </label>
            <label className="inline">
              <input type="radio" name="how" value="close" checked={how === 'close'} onChange={() => setHow('close')} />
              Closed without a hire
            </label>
          </fieldset>
          {how === 'fill' && (
            <div className="field">
              <label htmlFor="hired-candidate">Who was hired (optional)</label>
              <span id="hired-hint" className="hint">
                Their own interviews are left as they are and they hear nothing from this.
              </span>
              <select id="hired-candidate" aria-describedby="hired-hint" value={hired} onChange={(e) => setHired(e.target.value)}>
                <option value="">Nobody from this list</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="end-message">Words of your own (optional)</label>
            <span id="end-message-hint" className="hint">
              Added after the greeting of every remaining candidate’s email.
            </span>
            <textarea id="end-message" aria-describedby="end-message-hint" rows={3} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} />
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={preview.isPending}>
              {preview.isPending ? 'Preparing the preview…' : 'Preview the emails'}
            </button>
          </div>
          <ProblemMessage error={preview.error} />
        </form>
      )}
      {previewed && (
        <div className="stack">
          <FocusHeading level={3} id="end-preview">
            {previewed.data.messages.length === 0
              ? `${VERB[previewed.how].action}: nobody will be emailed`
              : `${VERB[previewed.how].action}: ${plural(previewed.data.messages.length, 'email')} will be sent`}
          </FocusHeading>
          <p>Nothing has been sent or changed yet. Read them, then confirm or go back.</p>
          {previewed.data.messages.length > 0 && (
            <ol className="message-list" aria-label="Emails it will send">
              {previewed.data.messages.map((m, index) => (
                <li key={index}>
                  <PreviewedMessageCard message={m} />
                </li>
              ))}
            </ol>
          )}
          <ProblemMessage error={end.error} />
          <div className="row">
            <button type="button" className="danger" disabled={end.isPending} onClick={() => end.mutate({ how: previewed.how, input: previewed.input })}>
              {end.isPending
                ? 'Sending…'
                : previewed.data.messages.length === 0
                  ? `${VERB[previewed.how].action}`
                  : `${VERB[previewed.how].action} and send ${plural(previewed.data.messages.length, 'email')}`}
            </button>
            <button type="button" onClick={() => preview.reset()} disabled={end.isPending}>
              Go back and change
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
