/** What the main thread asks of the embedded engine's thread. */
export type WorkerRequest =
  | { kind: 'exchange'; id: number; session: number; message: Uint8Array }
  | { kind: 'end-session'; id: number; session: number; closing?: Uint8Array }
  | { kind: 'close' };

/** What the engine's thread answers. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'reply'; id: number; reply: Uint8Array }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'done'; id: number }
  | { kind: 'closed' };

/** Where the engine's thread opens its database: a data folder, or none for one in memory. */
export interface WorkerOptions {
  dataDir: string | undefined;
}
