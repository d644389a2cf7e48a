import { DomainError } from '../../core/errors.ts';
import { MAX_BUFFER_MINUTES } from '../../core/slots/index.ts';
import type { Candidate, Interview, Member, Opening, Organization } from '../../core/types.ts';
import { noBusyTime } from '../../store/index.ts';
import type { KeptPartiesCheck, PanelBusyRead, Store } from '../../store/index.ts';

const MINUTE = 60_000;

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
export type KnownParties = Partial<Pick<InterviewParties, 'organization' | 'opening' | 'candidate' | 'panel' | 'staff'>>;

/** The roles that hear about a change when the organization has no contact address of its own. */
const STAFF_ROLES: readonly Member['role'][] = ['recruiter', 'admin'];

/** Whether the organization's messages need its recruiters and admins (it lacks a contact or HR address). */
export function needsStaff(organization: Organization): boolean {
  return !(organization.contactEmail && organization.hrContactEmail);
}

/**
 * The panel and, when needed, the staff, in one round trip. For a use case that reads the panel before it
 * has an interview (a new booking).
 */
export async function loadPanelAndStaff(store: Store, organization: Organization, panelIds: readonly string[]): Promise<{ panel: Member[]; staff: Member[] }> {
  if (!needsStaff(organization)) return { panel: await store.members.getMany(organization.id, panelIds), staff: [] };
  const { panel, withRoles } = await store.members.getPanelAndRoles(organization.id, panelIds, STAFF_ROLES);
  return { panel, staff: withRoles };
}

/**
 * Everything a new interview starts from, in one round trip: the organization, the opening and the
 * candidate (null when the organization has none by that id), the panel in the order given (unknown ids
 * left out) and, when the organization needs them, its staff. The staff are read either way: whether they
 * are needed is known only from the organization read in the same statement. For a booking (`booking`:
 * the time asked for), the panel's busy time around it comes too, as far out as any buffer reaches, so
 * whether the panel is free needs no statement of its own.
 */
export async function loadNewInterviewParties(
  store: Store,
  ids: {
    organizationId: string;
    openingId: string;
    candidateId: string;
    panel: readonly string[];
    /** The time asked for, from its start and length. */
    booking?: { start: Date; durationMinutes: number };
    /** An interview being moved: its own bookings are not busy time. */
    excludeInterviewId?: string;
    /**
     * Answer from what was kept of earlier reads when all of it is there (see `KeptParties`): then nothing
     * is read, busy time included, and the statement that writes must take `check`.
     */
    kept?: boolean;
  },
): Promise<{
  organization: Organization;
  opening: Opening | null;
  candidate: Candidate | null;
  panel: Member[];
  staff: Member[];
  panelBusy?: PanelBusyRead;
  check?: KeptPartiesCheck;
}> {
  const reach = MAX_BUFFER_MINUTES * MINUTE;
  const busyWindow = ids.booking
    ? {
        from: new Date(ids.booking.start.getTime() - reach),
        to: new Date(ids.booking.start.getTime() + ids.booking.durationMinutes * MINUTE + reach),
        ...(ids.excludeInterviewId ? { excludeInterviewId: ids.excludeInterviewId } : {}),
      }
    : undefined;
  const read = await store.organizations.getForNewInterview(ids.organizationId, ids.openingId, ids.candidateId, {
    panel: ids.panel,
    roles: STAFF_ROLES,
    ...(busyWindow ? { busyWindow } : {}),
    ...(ids.kept ? { kept: true } : {}),
  });
  if (!read) throw new DomainError('NOT_FOUND', 'No such organization.');
  // Parties answered from what was kept come without busy time: the write that takes their check finds
  // the panel free of it or refuses. Here the panel is checked against its working hours alone.
  if (read.check && busyWindow) read.panelBusy = { ...busyWindow, byMember: new Map(ids.panel.map((memberId) => [memberId, noBusyTime()])) };
  const { withRoles, ...parties } = read;
  return { ...parties, staff: needsStaff(read.organization) ? withRoles : [] };
}

/** Everyone a new or moving interview concerns, as read with its panel's busy time. */
export type MoveParties = Awaited<ReturnType<typeof loadNewInterviewParties>>;

/**
 * The same read for an interview that exists: everyone it concerns as they stand and, when it is about to
 * move to `movingTo`, its panel's busy time around the new time without the interview's own bookings.
 * With `kept`, it is answered from kept parties when they are all there (see `loadNewInterviewParties`);
 * they come without busy time, so the write of a move then checks the panel free of it itself.
 */
export async function loadMoveParties(store: Store, interview: Interview, movingTo?: Date, options: { kept?: boolean } = {}): Promise<MoveParties> {
  return loadNewInterviewParties(store, {
    organizationId: interview.organizationId,
    openingId: interview.openingId,
    candidateId: interview.candidateId,
    panel: interview.panel,
    ...(movingTo ? { booking: { start: movingTo, durationMinutes: interview.durationMinutes }, excludeInterviewId: interview.id } : {}),
    ...(options.kept ? { kept: true } : {}),
  });
}

/** What a read for a move found, as records a later read need not fetch again. */
export function knownParties(read: MoveParties): KnownParties {
  return {
    organization: read.organization,
    panel: read.panel,
    staff: read.staff,
    ...(read.opening ? { opening: read.opening } : {}),
    ...(read.candidate ? { candidate: read.candidate } : {}),
  };
}

/** The check a write must take when the read was answered from kept parties: spread into the write's options. */
export function keptCheckOf(read: MoveParties): { keptParties?: KeptPartiesCheck } {
  return read.check ? { keptParties: read.check } : {};
}

export async function loadParties(store: Store, interview: Interview, known: KnownParties = {}): Promise<InterviewParties> {
  // Sequential on purpose: inside a transaction every query goes over the same connection. With none of
  // the three known, they are read in one statement.
  const { organization, opening, candidate } =
    known.organization || known.opening || known.candidate
      ? {
          organization: known.organization ?? (await store.organizations.get(interview.organizationId)),
          opening: known.opening ?? (await store.openings.get(interview.organizationId, interview.openingId)),
          candidate: known.candidate ?? (await store.candidates.get(interview.organizationId, interview.candidateId)),
        }
      : ((await store.organizations.getWithOpeningAndCandidate(interview.organizationId, interview.openingId, interview.candidateId)) ?? {
          organization: null,
          opening: null,
          candidate: null,
        });
  if (!organization || !opening || !candidate) {
    throw new Error(`Interview ${interview.id} refers to records that are gone.`);
  }
  let { panel, staff } = known;
  if (!needsStaff(organization)) staff = [];
  if (!panel && !staff) ({ panel, staff } = await loadPanelAndStaff(store, organization, interview.panel));
  panel ??= await store.members.getMany(interview.organizationId, interview.panel);
  staff ??= await store.members.listByRoles(interview.organizationId, STAFF_ROLES);
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
