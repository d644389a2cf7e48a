import { useState } from 'react';
import type { CandidateActionResult } from '../../api/candidate-types.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { useLinkAction } from '../use-link.ts';
import type { PanelProps } from './panel-props.ts';

interface ConcernBody {
  category: string;
  details: string;
}

/** A confidential report to the organization (its HR contact, or its recruiting team); the panel never sees it. */
export function ConcernPanel({ token, view, onDone }: PanelProps) {
  const [category, setCategory] = useState(view.vocabulary.concerns[0]?.value ?? 'other');
  const [details, setDetails] = useState('');
  const report = useLinkAction<CandidateActionResult, ConcernBody>(token, '/concern', (result) => onDone({ action: 'concern', result }));
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (details.trim()) report.mutate({ category, details: details.trim() });
      }}
    >
      {/* Who at the organization reads it (HR, or recruiting where there is no HR contact) is not in the
          view, so it is not named here; the confirmation says who got it, from the server's answer. */}
      <p>Your report goes to {view.interview.organization.name} in confidence. The interviewers do not see it.</p>
      <label>
        What is it about?
        <select value={category} onChange={(event) => setCategory(event.target.value)}>
          {view.vocabulary.concerns.map((concern) => (
            <option key={concern.value} value={concern.value}>
              {concern.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        What happened?
        <textarea required rows={6} maxLength={10000} value={details} onChange={(event) => setDetails(event.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={report.isPending || details.trim() === ''}>
          {report.isPending ? 'Sending…' : 'Send the report'}
        </button>
      </div>
      <ProblemMessage error={report.error} />
    </form>
  );
}
