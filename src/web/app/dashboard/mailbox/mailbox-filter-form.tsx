import { useState } from 'react';
import type { FormEvent } from 'react';
import type { MailboxFilters } from './mailbox-filters.ts';

interface Props {
  filters: MailboxFilters;
  /** Kinds seen in the emails loaded so far: suggestions only, any kind may be typed. */
  knownKinds: string[];
  onApply: (filters: MailboxFilters) => void;
}

/** Narrows the mailbox to one recipient and/or one kind of email. */
export function MailboxFilterForm({ filters, knownKinds, onApply }: Props) {
  const [to, setTo] = useState(filters.to ?? '');
  const [kind, setKind] = useState(filters.kind ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...(to.trim() ? { to: to.trim() } : {}), ...(kind.trim() ? { kind: kind.trim() } : {}), ...(filters.interviewId ? { interviewId: filters.interviewId } : {}) });
  };
  const filtered = Boolean(filters.to || filters.kind || filters.interviewId);
  return (
    <div className="card">
      <form onSubmit={submit} className="row mailbox-filters" role="search" aria-label="Filter the mailbox">
        <label>
          Recipient email
          <input type="email" value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off" placeholder="Any recipient" />
        </label>
        <label>
          Kind of email
          <input value={kind} onChange={(e) => setKind(e.target.value)} list="mailbox-kinds" autoComplete="off" placeholder="Any kind" />
        </label>
        <datalist id="mailbox-kinds">
          {knownKinds.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <div className="row filter-buttons">
          <button type="submit" className="primary">
            Filter
          </button>
          {filtered && (
            <button
              type="button"
              onClick={() => {
                setTo('');
                setKind('');
                onApply({});
              }}
            >
              Show all emails
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
