import type { CandidateView } from '../../api/candidate-types.ts';
import { formatClock, zoneLabel } from '../../ui/format-time.ts';
import { Time } from '../../ui/time.tsx';
import { ClockChangeWarning } from './clock-change-warning.tsx';

const FORMAT: Record<CandidateView['interview']['format'], string> = {
  video: 'Video call',
  in_person: 'In person',
  unspecified: 'Not stated yet',
};

/** What, with whom, how, where and when — in the candidate's zone and the organization's. */
export function InterviewCard({ view }: { view: CandidateView }) {
  const { interview } = view;
  const zones = interview.candidateTimezone !== interview.organizationTimezone;
  // Where to go and the call to join only while the interview is still on: a cancelled, declined or
  // withdrawn interview must not invite anyone to a call or a room.
  const upcoming = interview.status === 'invited' || interview.status === 'scheduled';
  return (
    <section className="card" aria-labelledby="interview-heading">
      <h2 id="interview-heading">{interview.title}</h2>
      <dl className="interview-facts">
        <dt>Company</dt>
        <dd>{interview.organization.name}</dd>
        <dt>Role</dt>
        <dd>{interview.opening.title}</dd>
        <dt>Panel</dt>
        <dd>{interview.panel.length > 0 ? interview.panel.map((member) => member.name).join(', ') : 'Not named yet'}</dd>
        <dt>Format</dt>
        <dd>{FORMAT[interview.format]}</dd>
        {upcoming && interview.location && (
          <>
            <dt>Place</dt>
            <dd>{interview.location}</dd>
          </>
        )}
        {upcoming && interview.videoUrl && (
          <>
            <dt>Video link</dt>
            <dd>
              <a href={interview.videoUrl} rel="noreferrer noopener" target="_blank">
                Join the video call<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </dd>
          </>
        )}
        <dt>When</dt>
        <dd>
          {interview.start ? (
            <>
              <Time iso={interview.start} zone={interview.candidateTimezone} />
              {interview.end && <> to {formatClock(interview.end, interview.candidateTimezone)}</>} ({interview.durationMinutes} min)
              {zones && (
                <span className="muted block">
                  For {interview.organization.name}: <Time iso={interview.start} zone={interview.organizationTimezone} />
                </span>
              )}
            </>
          ) : interview.status === 'invited' ? (
            <>No time picked yet ({interview.durationMinutes} min); times are shown in {zoneLabel(interview.candidateTimezone)} time.</>
          ) : (
            <>No time set</>
          )}
        </dd>
      </dl>
      {view.clockChanges.length > 0 && interview.start && <ClockChangeWarning changes={view.clockChanges} start={interview.start} zone={interview.candidateTimezone} />}
    </section>
  );
}
