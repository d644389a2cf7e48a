import type { CliIO } from '../io.ts';

/**
 * A CLI's input and output for tests: what it writes to stdout and stderr is kept, chunk by chunk, and
 * it reads an empty stdin.
 *
 * @example
 * const io = recordingIo(); startUpkeep(ctx, io, 50); … expect(io.err).toEqual([]);
 */
export function recordingIo(env: Record<string, string | undefined> = {}): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { env, readStdin: async () => '', stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), out, err };
}
