export * from './decide-seat.ts';
export * from './load-calendar.ts';
export * from './rank-stand-ins.ts';
export * from './declined-seats.ts';
