import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/index.ts';

export type { Clock } from '../core/clock.ts';

/** Configuration read once at the edge (CLI or server start) and passed down. */
export interface AppConfig {
  /** Base URL people reach the service at; candidate links are built on it. */
  publicUrl: string;
  /** The sender of every email. */
  mailFrom: { name: string; address: string };
  /** How long a candidate link stays valid after its interview's process ends. */
  candidateLinkGraceDays: number;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  publicUrl: 'http://localhost:3000',
  mailFrom: { name: 'Leeway', address: 'no-reply@leeway.localhost' },
  candidateLinkGraceDays: 14,
};

export interface AppContext {
  store: Store;
  clock: Clock;
  config: AppConfig;
}
