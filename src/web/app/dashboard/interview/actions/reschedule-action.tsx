import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { EMPLOYER_REASON_CODES } from '../../../api/interview-types.ts';
import type { Interview } from '../../../api/interview-types.ts';
import { formatDateTime } from '../../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../../ui/problem.tsx';
import { reasonLabel } from '../../shared/vocabulary.ts';
import { ActionFlow } from './action-flow.tsx';
import type { ActionProps } from './action-types.ts';
import { SlotPicker } from './slot-picker.tsx';
import { useRescheduleOptions } from './use-reschedule-options.ts';
import { NoticeAdvice } from './notice-advice.tsx';
import { toldFromPlan } from './who-is-told.ts';

/**
 * Move the interview to a time the whole panel is free: same interview, same calendar event, sequence + 1.
 * Opened from a time an attendee proposed in their calendar, the options start there and that time is
 * chosen when the whole panel is free then.
 */
export function RescheduleAction({ interview, zone, refresh, onDone, onClose, proposed }: ActionProps & { proposed?: string }) {
  const options = useRescheduleOptions(interview, proposed);
  const [picked, setStart] = useState<string | null>(null);
  const proposedFree = proposed !== undefined && (options.data?.options.some((o) => o.start === proposed) ?? false);
  const start = picked ?? (proposedFree ? proposed : '');
  const [reason, setReason] = useState('');
  const candidate = interview.candidate ?? { name: 'the candidate', timezone: zone };
  const chosen = options.data?.options.find((o) => o.start === start);
  return (
    <ActionFlow
      title={interview.start ? 'Reschedule the interview' : 'Set a time'}
      ready={chosen !== undefined}
      fields={
        <>
          {options.isPending && <Loading what="free panel times" />}
          <ProblemMessage error={options.error} />
          {proposed && options.data && (
            <p className={proposedFree ? 'success' : 'warning'}>
              {proposedFree
                ? `The time proposed, ${formatDateTime(proposed, zone)}, is free for the whole panel and chosen below.`
                : `The time proposed, ${formatDateTime(proposed, zone)}, is not among the times the whole panel is free: choose another, or ask the attendee.`}
            </p>
          )}
          {options.data && options.data.options.length === 0 && <p className="warning">The panel has no common free time in the next two weeks.</p>}
          {options.data && options.data.options.length > 0 && <SlotPicker options={options.data.options} value={start} onChange={setStart} zone={zone} candidate={candidate} />}
          <label>
            Reason (optional, shared with the candidate as a category)
            <select value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">No reason given</option>
              {EMPLOYER_REASON_CODES.filter((code) => code !== 'position_filled' && code !== 'position_closed').map((code) => (
                <option key={code} value={code}>
                  {reasonLabel(code)}
                </option>
              ))}
            </select>
          </label>
        </>
      }
      review={
        chosen && (
          <>
            <p>
              Move <strong>{interview.title}</strong> {interview.start ? <>from {formatDateTime(interview.start, zone)} </> : null}to{' '}
              <strong>{formatDateTime(chosen.start, zone)}</strong>, which is {formatDateTime(chosen.start, candidate.timezone)} for {candidate.name}
              {chosen.candidateBusy ? ', when they have another interview' : chosen.withinCandidateHours ? ', within their hours' : ', outside their reasonable hours'}.
              {reason && ` Reason: ${reasonLabel(reason)}.`}
            </p>
            <NoticeAdvice notice={options.data?.notice} />
            {(chosen.notice === 'late' || chosen.notice === 'missed') && (
              <p className="warning" data-notice-new-time={chosen.notice}>
                The new time itself is at short notice for {candidate.name}; the email apologises for that.
              </p>
            )}
          </>
        )
      }
      told={toldFromPlan(options.data?.told ?? [])}
      confirmLabel={interview.start ? 'Reschedule' : 'Set the time'}
      run={async (key) => {
        const updated = await api.post<Interview>(`/api/v1/interviews/${interview.id}/reschedule`, { start, ...(reason ? { reason } : {}) }, key);
        await refresh();
        return `The interview is now at ${formatDateTime(updated.start!, zone)}; the calendar event’s sequence is ${updated.sequence}.`;
      }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
