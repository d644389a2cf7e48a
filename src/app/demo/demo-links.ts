import { isDomainError } from '../../core/errors.ts';
import { classifyNotice, describeSpan } from '../../core/notice-policy.ts';
import type { Candidate, Interview, Member, NoticeClass, Opening, Organization } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { createInterview } from '../interviews/create-interview.ts';
import type { CreateInterviewInput } from '../interviews/create-interview.ts';
import { stillFreeOffers } from '../interviews/offers.ts';
import { reissueCandidateLink } from '../interviews/reissue-candidate-link.ts';
import { DEMO_PANELS } from './cast.ts';
import { demoInterviewInput } from './demo-interview.ts';
import { findDemoSlot } from './demo-slots.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A linked interview starts at least this far ahead, so it has not begun while a newcomer looks around. */
const MIN_LEAD = 3 * HOUR;

export type BookedNotice = 'ample' | 'adequate' | 'late';

export interface DemoCandidateLink {
  label: string;
  /** The notice a change made now would give, by the organization's policy; null for an invitation. */
  noticeClass: NoticeClass | null;
  hoursAhead: number | null;
  url: string;
  candidateName: string;
  candidateTimezone: string;
}

/** An interview a link leads to, as it was when listed: once it is cancelled or moved, the link is stale. */
export interface ListedInterview {
  id: string;
  status: Interview['status'];
  start: Date | null;
}

export interface DemoLinks {
  candidateLinks: DemoCandidateLink[];
  /** The interviews behind the links, in the same order. */
  listed: ListedInterview[];
  /** Notice distances that could not be had now (say, no weekday office hours within the late window). */
  unavailable: BookedNotice[];
}

export interface DemoCast {
  organization: Organization;
  opening: Opening;
  candidates: Candidate[];
  membersByEmail: Map<string, Member>;
}

const TARGETS: BookedNotice[] = ['ample', 'adequate', 'late'];

/**
 * Fresh candidate links at each notice distance from now, plus an invitation to pick a time. An existing
 * demo interview that sits at a distance now is reused with a new link; otherwise a new one is booked at
 * a plausible time. When a distance cannot be had, the nearest booking stands in and is labelled with the
 * class it really has.
 */
export async function prepareDemoLinks(ctx: AppContext, cast: DemoCast): Promise<DemoLinks> {
  const now = ctx.clock();
  const policy = cast.organization.noticePolicy;
  const all = await ctx.store.interviews.list(cast.organization.id, { openingId: cast.opening.id, limit: 1000 });
  const upcoming = all
    .filter((i) => i.status === 'scheduled' && i.start && i.start.getTime() >= now.getTime() + MIN_LEAD)
    .sort((a, b) => a.start!.getTime() - b.start!.getTime());
  const classOf = (interview: Interview) => classifyNotice({ at: now, start: interview.start!, policy }).class;
  const used = new Set<string>();
  const usedCandidates = new Set<string>();
  const chosen = new Map<BookedNotice, Interview>();

  for (const target of TARGETS) {
    const match = upcoming.find((i) => !used.has(i.id) && !usedCandidates.has(i.candidateId) && classOf(i) === target);
    if (match) take(match, target);
  }
  function take(interview: Interview, target: BookedNotice) {
    used.add(interview.id);
    usedCandidates.add(interview.candidateId);
    chosen.set(target, interview);
  }

  const windows: Record<BookedNotice, { from: Date; to: Date }> = {
    late: { from: new Date(now.getTime() + MIN_LEAD), to: new Date(now.getTime() + (policy.adequateHours - 1) * HOUR) },
    adequate: { from: new Date(now.getTime() + (policy.adequateHours + 1) * HOUR), to: new Date(now.getTime() + (policy.ampleHours - 1) * HOUR) },
    // A day past the threshold, so the link still shows ample notice tomorrow.
    ample: { from: new Date(now.getTime() + (policy.ampleHours + 24) * HOUR), to: new Date(now.getTime() + (policy.ampleHours + 24) * HOUR + 14 * DAY) },
  };
  const unavailable: BookedNotice[] = [];
  for (const target of TARGETS) {
    if (chosen.has(target)) continue;
    const inWindow = await book(windows[target].from, windows[target].to);
    if (inWindow) {
      take(inWindow, target);
      continue;
    }
    unavailable.push(target);
    const nearest = upcoming.find((i) => !used.has(i.id) && !usedCandidates.has(i.candidateId));
    const standIn = nearest ?? (await book(windows[target].from, new Date(windows[target].from.getTime() + 14 * DAY)));
    if (standIn) take(standIn, target);
  }

  async function book(from: Date, to: Date): Promise<Interview | null> {
    const slot = await findDemoSlot(ctx, cast.organization, { candidates: preferredCandidates(), panels: panelIds(), from, to });
    if (!slot) return null;
    const created = await createInterview(ctx, cast.organization.id, {
      ...interviewBasics(slot.candidate, slot.panel),
      start: slot.start,
    });
    return created.interview;
  }

  /** Candidates with nothing open come first, so each person has one interview where possible. */
  function preferredCandidates(): Candidate[] {
    const open = new Set(all.filter((i) => i.status === 'invited' || (i.status === 'scheduled' && i.start && i.start > now)).map((i) => i.candidateId));
    const unused = cast.candidates.filter((c) => !usedCandidates.has(c.id));
    return [...unused.filter((c) => !open.has(c.id)), ...unused.filter((c) => open.has(c.id))];
  }
  function panelIds(): string[][] {
    return DEMO_PANELS.map((emails) => emails.map((email) => cast.membersByEmail.get(email)!.id));
  }
  function interviewBasics(candidate: Candidate, panel: string[]): CreateInterviewInput {
    return demoInterviewInput(cast.organization, cast.opening, candidate, panel);
  }

  const byId = new Map(cast.candidates.map((c) => [c.id, c]));
  const candidateLinks: DemoCandidateLink[] = [];
  const listed: ListedInterview[] = [];
  const list = (interview: Interview) => listed.push({ id: interview.id, status: interview.status, start: interview.start });
  for (const target of TARGETS) {
    const interview = chosen.get(target);
    if (!interview) continue;
    const candidate = byId.get(interview.candidateId)!;
    const notice = classifyNotice({ at: now, start: interview.start!, policy });
    const { candidateLink } = await reissueCandidateLink(ctx, cast.organization.id, interview.id);
    list(interview);
    candidateLinks.push({
      label: `${candidate.name}, ${notice.class} notice (${describeSpan(interview.start!.getTime() - now.getTime())} ahead)`,
      noticeClass: notice.class,
      hoursAhead: notice.hoursUntilStart,
      url: candidateLink,
      candidateName: candidate.name,
      candidateTimezone: candidate.timezone,
    });
  }

  const invitation = await findOrCreateInvitation();
  if (invitation) {
    const candidate = byId.get(invitation.candidateId)!;
    const { candidateLink } = await reissueCandidateLink(ctx, cast.organization.id, invitation.id);
    list(invitation);
    candidateLinks.push({
      label: `${candidate.name}, invitation to pick a time`,
      noticeClass: null,
      hoursAhead: null,
      url: candidateLink,
      candidateName: candidate.name,
      candidateTimezone: candidate.timezone,
    });
  }

  /** An invitation that still has a time to pick, or a new one for someone not yet booked above. */
  async function findOrCreateInvitation(): Promise<Interview | null> {
    for (const interview of all.filter((i) => i.status === 'invited' && !usedCandidates.has(i.candidateId))) {
      if ((await stillFreeOffers(ctx.store, interview, interview.offeredSlots, new Date(now.getTime() + MIN_LEAD))).length > 0) return interview;
    }
    for (const candidate of preferredCandidates()) {
      for (const panel of panelIds()) {
        try {
          return (await createInterview(ctx, cast.organization.id, { ...interviewBasics(candidate, panel), offer: { count: 4 } })).interview;
        } catch (error) {
          if (!isDomainError(error, 'OUTSIDE_AVAILABILITY')) throw error;
        }
      }
    }
    return null;
  }

  return { candidateLinks, listed, unavailable };
}
