import { DomainError } from '../../core/errors.ts';
import type { Candidate, Interview, Member, Opening, Organization } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';

/** Everyone an interview concerns: what messages, calendars and views are made from. */
export interface InterviewParties {
  organization: Organization;
  opening: Opening;
  candidate: Candidate;
  panel: Member[];
  /** Recruiters and admins, oldest first: who hears when the organization has no contact address. */
  staff: Member[];
  interview: Interview;
}

/** Records the caller read in the same transaction: passed in, they are not read again. */
export type KnownParties = Partial<Pick<InterviewParties, 'organization' | 'opening' | 'candidate' | 'panel'>>;

export async function loadParties(store: Store, interview: Interview, known: KnownParties = {}): Promise<InterviewParties> {
  // Sequential on purpose: inside a transaction every query goes over the same connection.
  const organization = known.organization ?? (await store.organizations.get(interview.organizationId));
  const opening = known.opening ?? (await store.openings.get(interview.organizationId, interview.openingId));
  const candidate = known.candidate ?? (await store.candidates.get(interview.organizationId, interview.candidateId));
  const panel = known.panel ?? (await store.members.getMany(interview.organizationId, interview.panel));
  const staff = organization?.contactEmail && organization.hrContactEmail
    ? []
    : await store.members.listByRoles(interview.organizationId, ['recruiter', 'admin']);
  if (!organization || !opening || !candidate) {
    throw new Error(`Interview ${interview.id} refers to records that are gone.`);
  }
  return { organization, opening, candidate, panel, staff, interview };
}

export async function getInterviewOrThrow(
  store: Store,
  organizationId: string,
  interviewId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Interview> {
  const interview = await store.interviews.get(organizationId, interviewId, options);
  if (!interview) throw new DomainError('NOT_FOUND', 'No such interview.');
  return interview;
}
