import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fitsHours } from '../../core/candidate-hours.ts';
import { classifyNotice } from '../../core/notice-policy.ts';
import type { OpenStore } from '../../store/index.ts';
import { testEngines } from '../../store/testing/engines.ts';
import type { AppContext } from '../context.ts';
import { DEFAULT_APP_CONFIG } from '../context.ts';
import { resolveCandidateLink } from '../interviews/candidate-link.ts';
import { createMember } from '../members.ts';
import { createOrganization } from '../organizations.ts';
import { startSession } from '../sessions.ts';
import { claimOffer, viewOffer } from '../waitlist/claim.ts';
import { DEMO_OFFICE_ADDRESS, DEMO_SIGN_IN, DEMO_TEAM } from './cast.ts';
import { seedDemo } from './seed-demo.ts';
import type { DemoSeed } from './seed-demo.ts';

// Each test prepares a whole demo on an embedded database: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const HOUR = 3_600_000;

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

describe.each(testEngines())('the demo ($name)', (engine) => {
  let opened: OpenStore;
  let now: Date;
  let ctx: AppContext;
  beforeAll(async () => {
    opened = await engine.open();
    ctx = { store: opened.store, clock: () => new Date(now), config: DEFAULT_APP_CONFIG };
  });
  afterAll(async () => opened?.close());

  /** Every link leads to its interview, which sits where the link says, at a plausible time and place. */
  async function checkLinks(seed: DemoSeed) {
    const members = await ctx.store.members.list(seed.organizationId);
    const organization = (await ctx.store.organizations.get(seed.organizationId))!;
    for (const link of seed.landing.candidateLinks) {
      const { interview } = await resolveCandidateLink(ctx, ctx.store, tokenOf(link.url));
      const candidate = (await ctx.store.candidates.get(seed.organizationId, interview.candidateId))!;
      expect(link.candidateName).toBe(candidate.name);
      expect(link.candidateTimezone).toBe(candidate.timezone);
      if (candidate.timezone === organization.timezone) {
        expect(interview.location).toBe(DEMO_OFFICE_ADDRESS);
        expect(interview.videoUrl).toBeNull();
      } else {
        expect(interview.videoUrl).toMatch(/^https:\/\/meet\.northwind\.example\//);
      }
      if (link.noticeClass === null) {
        expect(interview.status).toBe('invited');
        expect(link.label).toContain('invitation');
        continue;
      }
      expect(interview.status).toBe('scheduled');
      const notice = classifyNotice({ at: now, start: interview.start!, policy: organization.noticePolicy });
      expect(link.noticeClass).toBe(notice.class);
      expect(link.hoursAhead).toBe(notice.hoursUntilStart);
      expect(link.label).toContain(`${notice.class} notice`);
      expect(notice.hoursUntilStart).toBeGreaterThanOrEqual(3);
      const range = { start: interview.start!, end: interview.end! };
      for (const id of interview.panel) {
        const member = members.find((m) => m.id === id)!;
        // Office hours in the interviewer's own zone, which hold weekdays only.
        expect(fitsHours(range, member.workingHours, member.timezone), `${member.name} at ${interview.start!.toISOString()}`).toBe(true);
      }
      expect(fitsHours(range, organization.candidateHours, candidate.timezone)).toBe(true);
    }
  }

  /** The offer opens, stands, and is for time that is really free in the panel's and candidate's hours. */
  async function checkOffer(seed: DemoSeed) {
    expect(seed.landing.offerLinks).toHaveLength(1);
    const link = seed.landing.offerLinks[0]!;
    const view = await viewOffer(ctx, tokenOf(link.url));
    expect(view.offer.state).toBe('open');
    expect(view.offer.start).toBe(link.start);
    expect(view.offer.candidateTimezone).toBe(link.candidateTimezone);
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(now.getTime());
  }

  it('on a weekday offers a link at each notice distance and an invitation, and a recruiter sign-in that works', async () => {
    now = new Date('2026-12-02T15:07:00Z'); // a Wednesday
    const seed = await seedDemo(ctx);
    expect(seed.created).toBe(true);
    expect(seed.unavailable).toEqual([]);
    expect(seed.landing.candidateLinks.map((l) => l.noticeClass)).toEqual(['ample', 'adequate', 'late', null]);
    expect(new Set(seed.landing.candidateLinks.map((l) => l.candidateName)).size).toBe(4);
    await checkLinks(seed);
    await checkOffer(seed);
    const session = await startSession(ctx, seed.landing.signIn);
    expect(session.organizationId).toBe(seed.organizationId);
    expect(seed.landing.signIn).toEqual(DEMO_SIGN_IN);
    expect(seed.landing.signIn.password.length).toBeGreaterThanOrEqual(10);
  });

  it('on the next start reuses the organization and its interviews with fresh links, the old ones still working', async () => {
    const previous = await seedDemo(ctx);
    // Booked interviews and invitations are reused; only the waitlist's story (a booking withdrawn) is new.
    const linked = async () => (await ctx.store.interviews.list(previous.organizationId, { limit: 1000 })).filter((i) => i.status !== 'cancelled');
    const before = await linked();
    now = new Date(now.getTime() + 5 * 60_000);
    const seed = await seedDemo(ctx);
    expect(seed.created).toBe(false);
    expect(seed.organizationId).toBe(previous.organizationId);
    expect(await linked()).toHaveLength(before.length);
    expect((await ctx.store.members.list(seed.organizationId)).length).toBe(DEMO_TEAM.length);
    expect(seed.landing.candidateLinks.map((l) => l.url)).not.toEqual(previous.landing.candidateLinks.map((l) => l.url));
    await checkLinks(seed);
    for (const link of previous.landing.candidateLinks) await resolveCandidateLink(ctx, ctx.store, tokenOf(link.url));
    // The earlier offer still stands (its link unknown now): someone else on the waitlist gets this one.
    await checkOffer(seed);
    expect(seed.landing.offerLinks[0]!.candidateName).not.toBe(previous.landing.offerLinks[0]!.candidateName);
    const claimed = await claimOffer(ctx, tokenOf(seed.landing.offerLinks[0]!.url));
    expect(claimed.interview.status).toBe('scheduled');
  });

  it('days later books anew where the old interviews no longer sit at a distance, never offering one that has passed', async () => {
    for (const days of [1, 2, 3, 6]) {
      now = new Date(Date.parse('2026-12-02T15:12:00Z') + days * 24 * HOUR);
      const seed = await seedDemo(ctx);
      await checkLinks(seed);
      const booked = seed.landing.candidateLinks.filter((l) => l.noticeClass !== null);
      expect(booked).toHaveLength(3);
      // Honest when a distance cannot be had (a weekend): every class shown is the real one, checked above.
      for (const [i, wanted] of (['ample', 'adequate', 'late'] as const).entries()) {
        if (!seed.unavailable.includes(wanted)) expect(booked[i]!.noticeClass).toBe(wanted);
      }
    }
  });

  it('brings a data folder of an older demo up to date: the recruiter can sign in and nobody is on call every day', async () => {
    const other = await engine.open();
    try {
      now = new Date('2026-12-02T15:07:00Z');
      const older: AppContext = { store: other.store, clock: () => new Date(now), config: DEFAULT_APP_CONFIG };
      const { organization } = await createOrganization(older, { name: 'Northwind Robotics (demo)', timezone: 'America/New_York' });
      const everyDay: Array<[string, string]> = [['07:00', '22:00']];
      await createMember(older, organization.id, {
        name: 'Katherine Johnson',
        email: 'katherine@northwind.example',
        role: 'interviewer',
        timezone: 'America/Chicago',
        workingHours: { mon: everyDay, tue: everyDay, wed: everyDay, thu: everyDay, fri: everyDay, sat: everyDay, sun: everyDay },
      });
      const seed = await seedDemo(older);
      expect(seed.created).toBe(false);
      expect(seed.organizationId).toBe(organization.id);
      expect((await startSession(older, DEMO_SIGN_IN)).organizationId).toBe(organization.id);
      const katherine = (await other.store.members.list(organization.id)).find((m) => m.email === 'katherine@northwind.example')!;
      expect(katherine.workingHours.sat).toEqual([]);
      expect(katherine.workingHours.sun).toEqual([]);
      expect(await other.store.members.list(organization.id)).toHaveLength(DEMO_TEAM.length);
    } finally {
      await other.close();
    }
  });

  it('on a weekend says a late-notice time cannot be had rather than pretending', async () => {
    const other = await engine.open();
    try {
      now = new Date('2026-12-05T12:00:00Z'); // a Saturday: the first weekday office hours are a day and more away
      const weekend: AppContext = { store: other.store, clock: () => new Date(now), config: DEFAULT_APP_CONFIG };
      const seed = await seedDemo(weekend);
      expect(seed.unavailable).toContain('late');
      const links = seed.landing.candidateLinks;
      expect(links.some((l) => l.noticeClass === 'late')).toBe(false);
      expect(links.filter((l) => l.noticeClass !== null)).toHaveLength(3);
      expect(links.at(-1)!.noticeClass).toBeNull();
    } finally {
      await other.close();
    }
  });
});
