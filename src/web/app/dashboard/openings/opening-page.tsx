import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, withQuery } from '../../api/client.ts';
import type { InterviewPage } from '../../api/interview-types.ts';
import type { OpeningWithActivity } from '../../api/opening-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useOrganization } from '../shared/use-organization.ts';
import { calledOff, held, upcoming } from './activity.ts';
import { EndOpening } from './end-opening.tsx';
import { OpeningInterviews } from './opening-interviews.tsx';
import { OpeningStatusBadge } from './opening-status-badge.tsx';
import { StandingOffers } from './standing-offers.tsx';
import { useCandidatesById } from './use-directory.ts';
import { WaitlistSection } from './waitlist-section.tsx';

/** One opening: where it stands, its interviews, its waitlist and offers, and filling or closing it. */
export default function OpeningPage({ id }: { id: string }) {
  const opening = useQuery({
    queryKey: ['opening', id],
    queryFn: ({ signal }) => api.get<OpeningWithActivity>(`/api/v1/openings/${id}`, signal),
  });
  const organization = useOrganization();
  useTitle(opening.data ? opening.data.title : 'Opening');
  if (opening.isPending || organization.isPending) return <Loading what="the opening" />;
  if (opening.error || organization.error) {
    return (
      <>
        <h1>Opening</h1>
        <ProblemMessage error={opening.error ?? organization.error} />
        <p>
          <Link href="/openings">Back to the openings</Link>
        </p>
      </>
    );
  }
  return <OpeningView opening={opening.data} zone={organization.data.timezone} />;
}

function OpeningView({ opening, zone }: { opening: OpeningWithActivity; zone: string }) {
  // Shown while the opening is open, and kept after it ends here, so the result stays on screen.
  const [endable] = useState(opening.status === 'open');
  const interviews = useQuery({
    queryKey: ['interviews', { openingId: opening.id }],
    queryFn: ({ signal }) => api.get<InterviewPage>(withQuery('/api/v1/interviews', { openingId: opening.id, limit: 200 }), signal),
  });
  const hiredLookup = useCandidatesById(opening.hiredCandidateId ? [opening.hiredCandidateId] : []);
  const hired = opening.hiredCandidateId ? hiredLookup.get(opening.hiredCandidateId) : undefined;
  const interviewing = new Map<string, { id: string; name: string }>();
  for (const interview of interviews.data?.interviews ?? []) {
    if (interview.candidate) interviewing.set(interview.candidate.id, { id: interview.candidate.id, name: interview.candidate.name });
  }
  const a = opening.activity;

  return (
    <div>
      <p>
        <Link href="/openings">← All openings</Link>
      </p>
      <h1>{opening.title}</h1>
      <p className="row">
        <OpeningStatusBadge status={opening.status} />
        {[opening.department, opening.location].filter(Boolean).join(' · ')}
      </p>
      {opening.endedAt && (
        <p>
          {opening.status === 'filled' ? 'Filled' : 'Closed'} on <Time iso={opening.endedAt} zone={zone} />
          {opening.status === 'filled' && (hired ? `; ${hired.name} was hired.` : opening.hiredCandidateId ? '.' : ' without naming who was hired.')}
        </p>
      )}
      <p className="zone-note">
        {upcoming(a)} upcoming, {held(a)} held, {calledOff(a)} called off; {a.waiting} waiting for freed time. Times are in <strong>{zoneLabel(zone)} time</strong> ({zone}).
      </p>
      <OpeningInterviews openingId={opening.id} zone={zone} />
      <WaitlistSection openingId={opening.id} zone={zone} open={opening.status === 'open'} />
      <StandingOffers openingId={opening.id} zone={zone} />
      {endable && <EndOpening opening={opening} zone={zone} candidates={[...interviewing.values()]} />}
    </div>
  );
}
