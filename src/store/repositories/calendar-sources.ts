import type { Executor } from '../executor.ts';

/** Members' calendar sources and the busy times read from them. */
export class CalendarSourceRepository {
  constructor(private readonly db: Executor) {}
}
