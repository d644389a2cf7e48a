import type { DecisionContext } from '../../core/decisions/decide.ts';
import { isReasonCode } from '../../core/reasons.ts';
import type { ReasonCode } from '../../core/reasons.ts';
import type { Organization } from '../../core/types.ts';

/** The organization's policy and number, and the moment, as the core's decisions take them. */
export function decisionContext(organization: Organization, now: Date): DecisionContext {
  return { now, policy: organization.noticePolicy, contactPhone: organization.contactPhone };
}

/** A reason as given: a known code, or none at all — never a default standing in for a missing one. */
export function givenReason(reason: string | null | undefined): ReasonCode | null {
  return reason !== null && reason !== undefined && isReasonCode(reason) ? reason : null;
}
