import { signatureHeader } from '../core/webhooks/signature.ts';
import type { AttemptResult } from '../core/webhooks/delivery-outcome.ts';
import { outboundRequest, OutboundResponseTooLarge, OutboundTimeout, OutboundUrlRefused } from '../net/outbound-request.ts';
import type { OutboundPolicy, Resolver } from '../net/outbound-request.ts';

/** The whole exchange, connecting included (the Standard Webhooks recommendation is 15 s at most). */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** What is read of an endpoint's answer: enough for an excerpt; an endpoint cannot exhaust memory. */
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;
/** How much of the answer is kept in the delivery log. */
const EXCERPT_CHARS = 200;

export interface WebhookRequest {
  url: string;
  webhookId: string;
  /** The body exactly as signed. */
  body: string;
  /** Every secret that signs (two during a rotation), `whsec_…`. */
  secrets: readonly string[];
  /** Unix seconds of this attempt: the `webhook-timestamp` header, also signed. */
  timestampSeconds: number;
}

/**
 * One signed POST to an endpoint, through the guarded outbound request: no redirect followed, the address
 * checked again at connect time, a deadline and a cap on the answer. Never rejects: every way an attempt
 * can go is an {@link AttemptResult}.
 */
export async function attemptDelivery(
  request: WebhookRequest,
  options: { policy: OutboundPolicy; timeoutMs?: number; maxResponseBytes?: number; resolve?: Resolver },
): Promise<AttemptResult> {
  try {
    const response = await outboundRequest(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Leeway',
        'webhook-id': request.webhookId,
        'webhook-timestamp': String(request.timestampSeconds),
        'webhook-signature': signatureHeader(request.secrets, request.webhookId, request.timestampSeconds, request.body),
      },
      body: request.body,
      timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      maxResponseBytes: options.maxResponseBytes ?? WEBHOOK_MAX_RESPONSE_BYTES,
      policy: options.policy,
      ...(options.resolve ? { resolve: options.resolve } : {}),
    });
    const retryAfter = response.headers['retry-after'];
    return {
      kind: 'response',
      status: response.status,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      bodyExcerpt: excerpt(response.body.toString('utf8')),
    };
  } catch (error) {
    return { kind: 'error', message: describeError(error) };
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** The failure in words for the delivery log; the reason for a refused address, never a stack. */
function describeError(error: unknown): string {
  if (error instanceof OutboundUrlRefused) return `Refused: ${error.message}`;
  if (error instanceof OutboundTimeout) return `Timed out: ${error.message}`;
  if (error instanceof OutboundResponseTooLarge) return `The answer was too large: ${error.message}`;
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
