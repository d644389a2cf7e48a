import type { AppContext } from '../context.ts';
import { DEMO_SIGN_IN } from './cast.ts';
import { prepareDemoLinks } from './demo-links.ts';
import type { BookedNotice, DemoCandidateLink, DemoCast, ListedInterview } from './demo-links.ts';
import { prepareDemoOffer } from './demo-offer.ts';
import type { DemoOfferLink } from './demo-offer.ts';
import { ensureDemoOrganization } from './demo-organization.ts';

export type { DemoCandidateLink } from './demo-links.ts';
export type { DemoOfferLink } from './demo-offer.ts';

/** What a newcomer is offered on the demo's landing page. */
export interface DemoLanding {
  organization: { name: string; timezone: string };
  /** The demo recruiter's dashboard sign-in: fixed, and for the demo only. */
  signIn: { email: string; password: string };
  candidateLinks: DemoCandidateLink[];
  /** A waitlist offer of freed time to claim or pass on; empty when none can be made at this start. */
  offerLinks: DemoOfferLink[];
}

export interface DemoSeed {
  landing: DemoLanding;
  organizationId: string;
  apiKey: string;
  /** Notice distances that could not be had at this start; their links show the class they really have. */
  unavailable: BookedNotice[];
  created: boolean;
  /** The interviews the candidate links lead to, as listed. */
  listed: ListedInterview[];
  cast: DemoCast;
}

/**
 * The demo organization (created once, reused after), with fresh links to interviews at every notice
 * distance from now, an invitation waiting for a pick, a waitlist offer of freed time, and a fresh API key.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeed> {
  const cast = await ensureDemoOrganization(ctx);
  const links = await prepareDemoLinks(ctx, cast);
  const offer = await prepareDemoOffer(ctx, cast);
  return {
    landing: {
      organization: { name: cast.organization.name, timezone: cast.organization.timezone },
      signIn: { email: DEMO_SIGN_IN.email, password: DEMO_SIGN_IN.password },
      candidateLinks: links.candidateLinks,
      offerLinks: offer ? [offer] : [],
    },
    organizationId: cast.organization.id,
    apiKey: cast.apiKey,
    unavailable: links.unavailable,
    created: cast.created,
    listed: links.listed,
    cast,
  };
}

/**
 * The demo with candidate links that still lead where they say: when an interview behind one has been
 * cancelled, moved or booked since they were listed (a newcomer tried the link), fresh links are made at
 * each notice distance from now, as at the start; otherwise the seed as it is.
 */
export async function refreshDemoLinks(ctx: AppContext, seed: DemoSeed): Promise<DemoSeed> {
  let stale = false;
  for (const listed of seed.listed) {
    const now = await ctx.store.interviews.get(seed.organizationId, listed.id);
    if (!now || now.status !== listed.status || now.start?.getTime() !== listed.start?.getTime()) stale = true;
  }
  if (!stale) return seed;
  const organization = (await ctx.store.organizations.get(seed.organizationId)) ?? seed.cast.organization;
  const links = await prepareDemoLinks(ctx, { ...seed.cast, organization });
  return { ...seed, landing: { ...seed.landing, candidateLinks: links.candidateLinks }, listed: links.listed, unavailable: links.unavailable };
}

/**
 * What the landing page asks for in demo mode: the seed once it is ready, its links made fresh whenever
 * they have gone stale. One refresh at a time, so two pages opened together do not book twice; a refresh
 * that fails leaves the links as they were.
 */
export function demoLanding(ctx: AppContext, seeded: Promise<DemoSeed>): () => Promise<DemoLanding> {
  let current = seeded;
  return async () => {
    const before = current;
    current = before.then((seed) =>
      refreshDemoLinks(ctx, seed).catch((error: unknown) => {
        ctx.log?.({ level: 'warn', event: 'demo_links_not_refreshed', error: error instanceof Error ? error.message : String(error) });
        return seed;
      }),
    );
    return (await current).landing;
  };
}
