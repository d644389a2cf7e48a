import type { PGlite } from '@electric-sql/pglite';
import type { RunExchange } from './engine-sessions.ts';

/**
 * Runs exchanges on a PGlite as a server would: the messages in, the answer's bytes out, nothing parsed or
 * kept by PGlite itself. (Its `execProtocolRaw` also parses every answer into a list of results that only
 * its other entry points empty, so a long-lived caller of it grows without bound.) The engine hands the
 * answer over in views of its own memory, which are copied as they come.
 */
export function rawExchanges(engine: PGlite): RunExchange {
  return async (message) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    await engine.execProtocolRawStream(message, {
      onRawData: (chunk: Uint8Array) => {
        chunks.push(chunk.slice());
        length += chunk.length;
      },
    });
    if (chunks.length === 1) return chunks[0]!;
    const reply = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      reply.set(chunk, at);
      at += chunk.length;
    }
    return reply;
  };
}
