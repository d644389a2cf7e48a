import type { Candidate, Member, Opening, Organization } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { createMember, updateMember } from '../members.ts';
import { createCandidate, createOpening } from '../openings.ts';
import { createApiKey, createOrganization } from '../organizations.ts';
import { hashPassword } from '../secrets.ts';
import {
  DEMO_CANDIDATES,
  DEMO_OPENING,
  DEMO_ORGANIZATION_NAME,
  DEMO_SIGN_IN,
  DEMO_TEAM,
  DEMO_TIMEZONE,
  DEMO_WAITLIST_CANDIDATES,
  DEMO_WITHDRAWING_CANDIDATE,
} from './cast.ts';

export interface DemoOrganization {
  organization: Organization;
  /** A fresh key on every start: keys are stored hashed, so an old one cannot be shown again. */
  apiKey: string;
  membersByEmail: Map<string, Member>;
  opening: Opening;
  candidates: Candidate[];
  withdrawingCandidate: Candidate;
  waitlistCandidates: Candidate[];
  created: boolean;
}

/**
 * Finds the demo organization or creates it, then makes sure its team, opening, candidates and recruiter
 * sign-in are there as the cast describes them: a data folder made by an older demo is brought up to date
 * rather than duplicated.
 */
export async function ensureDemoOrganization(ctx: AppContext): Promise<DemoOrganization> {
  const existing = (await ctx.store.organizations.list()).find((o) => o.name === DEMO_ORGANIZATION_NAME);
  let organization: Organization;
  let apiKey: string;
  if (existing) {
    organization = existing;
    apiKey = await createApiKey(ctx, existing.id, 'demo');
  } else {
    ({ organization, apiKey } = await createOrganization(ctx, {
      name: DEMO_ORGANIZATION_NAME,
      timezone: DEMO_TIMEZONE,
      contactEmail: 'recruiting@northwind.example',
      contactPhone: '+1 212 555 0134',
      adminEmail: DEMO_SIGN_IN.email,
      adminPassword: DEMO_SIGN_IN.password,
    }));
  }
  const orgId = organization.id;
  if (existing) await ensureSignIn(ctx, orgId);

  const members = await ctx.store.members.list(orgId, { limit: 1000 });
  const membersByEmail = new Map<string, Member>();
  for (const input of DEMO_TEAM) {
    const found = members.find((m) => m.email === input.email);
    // Older demos had someone "on call every day": the cast's hours replace whatever was stored.
    const member = found
      ? await updateMember(ctx, orgId, found.id, { timezone: input.timezone, workingHours: input.workingHours, bufferMinutes: input.bufferMinutes ?? 0 })
      : await createMember(ctx, orgId, input);
    membersByEmail.set(member.email, member);
  }

  const openings = await ctx.store.openings.list(orgId, { limit: 1000 });
  const opening = openings.find((o) => o.title === DEMO_OPENING.title && o.status === 'open') ?? (await createOpening(ctx, orgId, DEMO_OPENING));

  const ensureCandidate = async (person: { name: string; email: string; timezone: string }) =>
    (await ctx.store.candidates.findByEmail(orgId, person.email)) ?? (await createCandidate(ctx, orgId, person));
  const candidates: Candidate[] = [];
  for (const person of DEMO_CANDIDATES) candidates.push(await ensureCandidate(person));
  const withdrawingCandidate = await ensureCandidate(DEMO_WITHDRAWING_CANDIDATE);
  const waitlistCandidates: Candidate[] = [];
  for (const person of DEMO_WAITLIST_CANDIDATES) waitlistCandidates.push(await ensureCandidate(person));
  return { organization, apiKey, membersByEmail, opening, candidates, withdrawingCandidate, waitlistCandidates, created: !existing };
}

/** Demo data folders made before the dashboard had sign-in lack the recruiter's account. */
async function ensureSignIn(ctx: AppContext, organizationId: string): Promise<void> {
  const users = await ctx.store.users.findByEmail(DEMO_SIGN_IN.email);
  if (users.some((u) => u.organizationId === organizationId)) return;
  await ctx.store.users.create({ organizationId, email: DEMO_SIGN_IN.email, passwordHash: await hashPassword(DEMO_SIGN_IN.password), memberId: null });
}
