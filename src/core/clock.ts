/** The only source of "now" outside the core: passed in, so tests and replays control time. */
export type Clock = () => Date;
