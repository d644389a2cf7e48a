import type { Audience, EmailKind, PlannedEmail } from '../messages/index.ts';

/** Who receives what after an action: one group per kind of email, with the calendar part it carries. */
export interface DeliveryGroup {
  audience: Audience;
  /** The email's kind, as the outbox lists it (`panel_cancellation`, `coordinator_cancellation`, …). */
  kind: EmailKind;
  /** How many people: one who gets two such emails (two interviews ending together) counts once. */
  count: number;
  /** How many emails: more than `count` when someone gets one per interview. */
  emails: number;
  /** The readers' names as the emails address them, each once; never their addresses. */
  names: string[];
  /** The calendar part: a REQUEST adds or updates the event, a CANCEL removes it; null for none. */
  calendar: 'REQUEST' | 'CANCEL' | null;
}

export interface DeliverySummary {
  recipients: DeliveryGroup[];
  /** The same, as sentences for the candidate ("The 2 interviewers get an email and a calendar cancellation."). */
  text: string;
}

const PART: Record<'REQUEST' | 'CANCEL', string> = { REQUEST: 'a calendar invitation', CANCEL: 'a calendar cancellation' };

function who(group: DeliveryGroup): string {
  switch (group.audience) {
    case 'candidate':
      return 'You';
    case 'panelist':
      return group.count === 1 ? 'The interviewer' : `The ${group.count} interviewers`;
    case 'coordinator':
      return 'The recruiting team';
    case 'hr':
      return group.names.join(', ');
  }
}

function sentence(group: DeliveryGroup): string {
  // HR's mailbox is named for who reads it: the HR contact, or the recruiting contact standing in for one.
  if (group.audience === 'hr') return `${group.names.join(', ')} gets your report by email, in confidence.`;
  const verb = group.audience === 'candidate' || (group.audience === 'panelist' && group.count > 1) ? 'get' : 'gets';
  const several = group.emails > group.count;
  const email = several ? 'emails' : group.count > 1 ? 'an email each' : 'an email';
  const part = group.calendar ? ` and ${several ? `${PART[group.calendar].slice(2)}s` : PART[group.calendar]}` : '';
  return `${who(group)} ${verb} ${email}${part}.`;
}

/**
 * What an action sends, to whom, from the emails the planner decided on (and the outbox holds): nothing
 * is said that is not in the plan. Groups keep the plan's order, so the candidate's own email comes first.
 *
 * @example
 * describeDeliveries(planned).text
 * // 'You get an email and a calendar cancellation. The recruiting team gets an email. The 2 interviewers get an email each and a calendar cancellation.'
 */
export function describeDeliveries(planned: readonly PlannedEmail[]): DeliverySummary {
  const groups: Array<DeliveryGroup & { addresses: Set<string> }> = [];
  for (const email of planned) {
    const calendar = email.calendar ?? null;
    const group = groups.find((g) => g.audience === email.audience && g.kind === email.kind && g.calendar === calendar);
    if (!group) {
      groups.push({ audience: email.audience, kind: email.kind, count: 1, emails: 1, names: [email.to.name], calendar, addresses: new Set([email.to.address.toLowerCase()]) });
      continue;
    }
    group.emails += 1;
    if (group.addresses.has(email.to.address.toLowerCase())) continue;
    group.addresses.add(email.to.address.toLowerCase());
    group.count += 1;
    group.names.push(email.to.name);
  }
  const recipients = groups.map(({ addresses: _addresses, ...group }) => group);
  return { recipients, text: recipients.length === 0 ? 'No email goes out.' : recipients.map(sentence).join(' ') };
}
