import type { AppContext } from '../context.ts';
import { DEMO_SIGN_IN } from './cast.ts';
import { prepareDemoLinks } from './demo-links.ts';
import type { BookedNotice, DemoCandidateLink } from './demo-links.ts';
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
  };
}
