import { describe, expect, it } from 'vitest';
import { EngineSessions, leavesSessionIdle, simpleQuery } from './engine-sessions.ts';

/** A ReadyForQuery message with the given status byte. */
const ready = (status: 'I' | 'T' | 'E'): number[] => [0x5a, 0, 0, 0, 5, status.charCodeAt(0)];
const commandComplete = (tag: string): number[] => [0x43, 0, 0, 0, 4 + tag.length + 1, ...Buffer.from(tag), 0];

describe('leavesSessionIdle', () => {
  it('reads the status of the last ReadyForQuery', () => {
    expect(leavesSessionIdle(new Uint8Array([...commandComplete('SELECT 1'), ...ready('I')]))).toBe(true);
    expect(leavesSessionIdle(new Uint8Array([...commandComplete('BEGIN'), ...ready('T')]))).toBe(false);
    expect(leavesSessionIdle(new Uint8Array([...ready('E')]))).toBe(false);
  });

  it('holds a session whose answer ends without ReadyForQuery (an exchange that ended in Flush)', () => {
    expect(leavesSessionIdle(new Uint8Array([...ready('I'), ...commandComplete('SELECT 1')]))).toBe(false);
    expect(leavesSessionIdle(new Uint8Array([]))).toBe(false);
  });

  it('is not fooled by bytes inside another message that look like ReadyForQuery', () => {
    expect(leavesSessionIdle(new Uint8Array(commandComplete('Z\0\0\0\u0005I')))).toBe(false);
  });
});

describe('EngineSessions', () => {
  it('runs the exchanges of others only once the session in a transaction leaves it', async () => {
    const ran: string[] = [];
    const sessions = new EngineSessions(async (message) => {
      const text = Buffer.from(message.subarray(5, message.length - 1)).toString();
      ran.push(text);
      return new Uint8Array(ready(text === 'BEGIN' || text === 'INSERT' ? 'T' : 'I'));
    });
    await sessions.exchange(1, simpleQuery('BEGIN'));
    const other = sessions.exchange(2, simpleQuery('SELECT'));
    await sessions.exchange(1, simpleQuery('INSERT'));
    expect(ran).toEqual(['BEGIN', 'INSERT']);
    await sessions.exchange(1, simpleQuery('COMMIT'));
    await other;
    expect(ran).toEqual(['BEGIN', 'INSERT', 'COMMIT', 'SELECT']);
  });

  it('rolls back for a session that ends holding the engine', async () => {
    const ran: string[] = [];
    const sessions = new EngineSessions(async (message) => {
      const text = Buffer.from(message.subarray(5, message.length - 1)).toString();
      ran.push(text);
      return new Uint8Array(ready(text === 'BEGIN' ? 'T' : 'I'));
    });
    await sessions.exchange(1, simpleQuery('BEGIN'));
    await sessions.end(1);
    await sessions.exchange(2, simpleQuery('SELECT'));
    expect(ran).toEqual(['BEGIN', 'ROLLBACK', 'SELECT']);
  });

  it('lets the others go on when the engine fails to run an exchange', async () => {
    let fail = true;
    const sessions = new EngineSessions(async () => {
      if (fail) {
        fail = false;
        throw new Error('engine failure');
      }
      return new Uint8Array(ready('I'));
    });
    await expect(sessions.exchange(1, simpleQuery('BEGIN'))).rejects.toThrow('engine failure');
    await expect(sessions.exchange(2, simpleQuery('SELECT'))).resolves.toBeInstanceOf(Uint8Array);
  });
});
