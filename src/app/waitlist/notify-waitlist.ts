import { planWaitlistEmail, renderWaitlistEmail } from '../../core/messages/render-waitlist.ts';
import type { WaitlistNotice, WaitlistRecipients } from '../../core/messages/render-waitlist.ts';
import type { Candidate, Organization } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';

/**
 * Who a waitlist email goes to, and who answers it: the organization's contact, else its first recruiter
 * or admin (as for interview emails), else nobody (the sender address, and no reply invited).
 */
export async function waitlistRecipients(ctx: AppContext, store: Store, organization: Organization, candidate: Candidate): Promise<WaitlistRecipients> {
  let replyTo = organization.contactEmail ? { name: `${organization.name} recruiting`, address: organization.contactEmail } : null;
  if (!replyTo) {
    const staff = (await store.members.list(organization.id)).find((m) => m.role === 'recruiter' || m.role === 'admin');
    if (staff) replyTo = { name: staff.name, address: staff.email };
  }
  return {
    candidate: { name: candidate.name, address: candidate.email, timezone: candidate.timezone },
    replyTo,
    sender: { name: organization.name, address: ctx.config.mailFrom.address },
  };
}

/** Writes the one email a waitlist notice sends into the outbox, in the caller's transaction. */
export async function notifyWaitlist(
  ctx: AppContext,
  store: Store,
  input: { organization: Organization; openingTitle: string; candidate: Candidate; notice: WaitlistNotice; link?: string | null; interviewId?: string | null },
): Promise<string> {
  const email = planWaitlistEmail(input.notice, await waitlistRecipients(ctx, store, input.organization, input.candidate));
  const rendered = renderWaitlistEmail(
    {
      notice: input.notice,
      organization: { name: input.organization.name, timezone: input.organization.timezone },
      openingTitle: input.openingTitle,
      candidate: { name: input.candidate.name, timezone: input.candidate.timezone },
      link: input.link ?? null,
    },
    email,
  );
  return enqueueEmail(
    store,
    { organizationId: input.organization.id, organizationName: input.organization.name, interviewId: input.interviewId ?? null, config: ctx.config, secrets: ctx.secrets, at: ctx.clock() },
    { kind: email.kind, to: email.to, replyTo: email.replyTo, subject: rendered.subject, text: rendered.text },
  );
}
