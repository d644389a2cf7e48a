import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { EngineSessions } from './engine-sessions.ts';
import { rawExchanges } from './raw-exchange.ts';
import type { WorkerOptions, WorkerReply, WorkerRequest } from './worker-messages.ts';

/**
 * The embedded engine on a thread of its own (see `embedded-engine.ts`). Sessions are scheduled here,
 * next to the engine, so an exchange queued behind another starts the moment the engine is free, without
 * a round trip to the main thread in between.
 */
const port = parentPort!;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const { dataDir } = workerData as WorkerOptions;
let engine: PGlite;
try {
  engine = await PGlite.create(dataDir, { extensions: { btree_gist } });
} catch (error) {
  post({ kind: 'failed', message: messageOf(error) });
  port.close();
  throw error;
}
const sessions = new EngineSessions(rawExchanges(engine));

port.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'exchange':
      sessions.exchange(request.session, request.message).then(
        // The answer is a copy of the engine's buffer, so it can be handed over rather than copied again.
        (reply) => post({ kind: 'reply', id: request.id, reply }, [reply.buffer as ArrayBuffer]),
        (error: unknown) => post({ kind: 'error', id: request.id, message: messageOf(error) }),
      );
      return;
    case 'end-session':
      void sessions.end(request.session, request.closing).then(() => post({ kind: 'done', id: request.id }));
      return;
    case 'close':
      void engine.close().finally(() => {
        post({ kind: 'closed' });
        port.close();
      });
      return;
  }
});
post({ kind: 'ready' });
