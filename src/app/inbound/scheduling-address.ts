import type { AppContext } from '../context.ts';

/**
 * The address invitations name as ORGANIZER, so the address calendar clients reply to: the sender address
 * (`LEEWAY_MAIL_FROM`). It is the same for every organization on a server; replies are told apart by the
 * event's UID. The SMTP listener accepts mail for this address only.
 */
export function schedulingAddress(ctx: Pick<AppContext, 'config'>): string {
  return ctx.config.mailFrom.address;
}
