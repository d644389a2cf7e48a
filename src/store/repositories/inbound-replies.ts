import type { Executor } from '../executor.ts';

/** Calendar replies received, and each attendee's answer. */
export class InboundReplyRepository {
  constructor(private readonly db: Executor) {}
}
