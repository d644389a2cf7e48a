import type { Organization } from '../core/types.ts';
import { classifyNotice } from '../core/notice-policy.ts';
import type { AppContext } from './context.ts';
import { createInterview } from './interviews/create-interview.ts';
import { createMember } from './members.ts';
import type { MemberInput } from './members.ts';
import { createCandidate, createOpening } from './openings.ts';
import { createApiKey, createOrganization } from './organizations.ts';
import { findFreePanelSlots } from './slots.ts';

const EVERY_DAY_7_TO_22 = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['07:00', '22:00']] as Array<[string, string]>]),
);

export const DEMO_ORGANIZATION_NAME = 'Northwind Robotics (demo)';

const WEEKDAYS_9_TO_5 = {
  mon: [['09:00', '17:00']] as Array<[string, string]>,
  tue: [['09:00', '17:00']] as Array<[string, string]>,
  wed: [['09:00', '17:00']] as Array<[string, string]>,
  thu: [['09:00', '17:00']] as Array<[string, string]>,
  fri: [['09:00', '17:00']] as Array<[string, string]>,
};

export interface DemoSeed {
  organization: Organization;
  apiKey: string;
  candidateLinks: Array<{ label: string; url: string }>;
  created: boolean;
}

/**
 * A demo organization with interviewers, an opening, candidates and interviews at every notice distance
 * (ample, adequate, late, and an invitation waiting for a pick). Reused if it already exists; a fresh API
 * key is issued each time because keys are stored hashed.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeed> {
  const existing = (await ctx.store.organizations.list()).find((o) => o.name === DEMO_ORGANIZATION_NAME);
  if (existing) {
    return { organization: existing, apiKey: await createApiKey(ctx, existing.id, 'demo'), candidateLinks: [], created: false };
  }
  const { organization, apiKey } = await createOrganization(ctx, {
    name: DEMO_ORGANIZATION_NAME,
    timezone: 'America/New_York',
    contactEmail: 'recruiting@northwind.example',
    contactPhone: '+1 212 555 0134',
  });
  const orgId = organization.id;
  const team: MemberInput[] = [
    { name: 'Grace Hopper', email: 'grace@northwind.example', role: 'interviewer', timezone: 'America/New_York', workingHours: WEEKDAYS_9_TO_5 },
    { name: 'Alan Turing', email: 'alan@northwind.example', role: 'interviewer', timezone: 'Europe/London', workingHours: { ...WEEKDAYS_9_TO_5, mon: [['13:00', '18:00']] }, bufferMinutes: 10 },
    // On call every day, so the demo always has an interview less than a day away.
    { name: 'Katherine Johnson', email: 'katherine@northwind.example', role: 'interviewer', timezone: 'America/Chicago', workingHours: EVERY_DAY_7_TO_22 },
    { name: 'Rosalind Franklin', email: 'rosalind@northwind.example', role: 'recruiter', timezone: 'America/New_York', workingHours: WEEKDAYS_9_TO_5 },
  ];
  const interviewers = [];
  for (const input of team) interviewers.push(await createMember(ctx, orgId, input));
  const opening = await createOpening(ctx, orgId, { title: 'Robotics Software Engineer', department: 'Engineering', location: 'New York office, 5th floor' });
  const people = [
    { name: 'Jordan Lee', email: 'jordan.lee@example.com', timezone: 'America/New_York' },
    { name: 'Priya Raman', email: 'priya.raman@example.com', timezone: 'Asia/Kolkata' },
    { name: 'Mateo García', email: 'mateo.garcia@example.com', timezone: 'Europe/Madrid' },
    { name: 'Amara Okafor', email: 'amara.okafor@example.com', timezone: 'Africa/Lagos' },
  ];
  const candidates = [];
  for (const person of people) candidates.push(await createCandidate(ctx, orgId, person));

  const now = ctx.clock();
  const links: Array<{ label: string; url: string }> = [];
  // One interview at each notice distance from now, at the panel's first free time after it.
  const plans = [
    { hoursAhead: 96, candidate: candidates[0]!, panel: [interviewers[0]!.id, interviewers[2]!.id] },
    { hoursAhead: 30, candidate: candidates[1]!, panel: [interviewers[2]!.id] },
    { hoursAhead: 4, candidate: candidates[2]!, panel: [interviewers[2]!.id] },
  ];
  for (const plan of plans) {
    const from = new Date(Math.ceil((now.getTime() + plan.hoursAhead * 3_600_000) / 3_600_000) * 3_600_000);
    const [slot] = await findFreePanelSlots(ctx.store, orgId, {
      memberIds: plan.panel,
      durationMinutes: 60,
      from,
      to: new Date(from.getTime() + 7 * 86_400_000),
      stepMinutes: 60,
    });
    if (!slot) continue;
    const created = await createInterview(ctx, orgId, {
      openingId: opening.id,
      candidateId: plan.candidate.id,
      title: 'Technical interview',
      durationMinutes: 60,
      panel: plan.panel,
      start: new Date(slot.start),
    });
    const notice = classifyNotice({ at: now, start: new Date(slot.start), policy: organization.noticePolicy });
    links.push({ label: `${plan.candidate.name}, ${notice.class} notice (${Math.round(notice.hoursUntilStart)} h ahead)`, url: created.candidateLink });
  }
  const invited = await createInterview(ctx, orgId, {
    openingId: opening.id,
    candidateId: candidates[3]!.id,
    title: 'Panel interview',
    durationMinutes: 60,
    panel: [interviewers[0]!.id, interviewers[1]!.id],
    offer: { count: 4 },
  }).catch(() => null);
  if (invited) links.push({ label: `${candidates[3]!.name}, invitation to pick a time`, url: invited.candidateLink });
  return { organization, apiKey, candidateLinks: links, created: true };
}
