import type { Organization } from '../core/types.ts';
import { zonedToInstant } from '../core/zoned-time.ts';
import { formatInZone } from '../core/zoned-time.ts';
import type { AppContext } from './context.ts';
import { createInterview } from './interviews/create-interview.ts';
import { createMember } from './members.ts';
import { createCandidate, createOpening } from './openings.ts';
import { createApiKey, createOrganization } from './organizations.ts';

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
  const interviewers = await Promise.all([
    createMember(ctx, orgId, { name: 'Grace Hopper', email: 'grace@northwind.example', role: 'interviewer', timezone: 'America/New_York', workingHours: WEEKDAYS_9_TO_5 }),
    createMember(ctx, orgId, { name: 'Alan Turing', email: 'alan@northwind.example', role: 'interviewer', timezone: 'Europe/London', workingHours: { ...WEEKDAYS_9_TO_5, mon: [['13:00', '18:00']] }, bufferMinutes: 10 }),
    createMember(ctx, orgId, { name: 'Katherine Johnson', email: 'katherine@northwind.example', role: 'interviewer', timezone: 'America/Chicago', workingHours: WEEKDAYS_9_TO_5 }),
    createMember(ctx, orgId, { name: 'Rosalind Franklin', email: 'rosalind@northwind.example', role: 'recruiter', timezone: 'America/New_York', workingHours: WEEKDAYS_9_TO_5 }),
  ]);
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
  // Interviews 3, 1.5 and 0.5 days ahead, each on a weekday at a time the panel works.
  const plans = [
    { label: 'ample notice', daysAhead: 4, candidate: candidates[0]!, panel: [interviewers[0]!.id, interviewers[2]!.id] },
    { label: 'adequate notice', daysAhead: 1.6, candidate: candidates[1]!, panel: [interviewers[0]!.id] },
    { label: 'late notice', daysAhead: 0.6, candidate: candidates[2]!, panel: [interviewers[2]!.id] },
  ];
  for (const plan of plans) {
    const start = nextWorkingHour(new Date(now.getTime() + plan.daysAhead * 86_400_000), 'America/New_York');
    try {
      const created = await createInterview(ctx, orgId, {
        openingId: opening.id,
        candidateId: plan.candidate.id,
        title: 'Technical interview',
        durationMinutes: 60,
        panel: plan.panel,
        start,
      });
      links.push({ label: `${plan.candidate.name}, ${plan.label}`, url: created.candidateLink });
    } catch {
      // A demo time that happens to be unavailable is skipped; the others still show the flow.
    }
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

/**
 * The first whole hour at or after the instant that falls on a weekday between 10:00 and 15:00 in the
 * zone, so demo interviews land inside everyone's working hours.
 */
function nextWorkingHour(from: Date, timeZone: string): Date {
  let candidate = new Date(Math.ceil(from.getTime() / 3_600_000) * 3_600_000);
  for (let i = 0; i < 24 * 14; i += 1) {
    const local = formatInZone(candidate, timeZone);
    const hour = Number(local.slice(11, 13));
    const weekday = new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && hour >= 10 && hour <= 15) return zonedToInstant(local.slice(0, 16), timeZone);
    candidate = new Date(candidate.getTime() + 3_600_000);
  }
  return candidate;
}
