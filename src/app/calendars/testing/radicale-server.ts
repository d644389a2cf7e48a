import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RADICALE = '/usr/bin/radicale';

/** Whether Debian's radicale is installed (`apt-get install radicale`); tests that need it skip without. */
export const radicaleAvailable = existsSync(RADICALE);

export interface RadicaleServer {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  /** Creates a calendar collection with MKCALENDAR and answers its URL. */
  makeCalendar(user: { name: string; password: string }, calendar: string): Promise<string>;
  /** Stores one calendar object with PUT. */
  putEvent(user: { name: string; password: string }, calendarUrl: string, name: string, ics: string): Promise<void>;
  /** Changes a user's password on the server, as a member changing it elsewhere would. */
  setPassword(name: string, password: string): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real CalDAV server: radicale on a free loopback port with its storage in a temporary folder and plain
 * htpasswd users, each owning their own calendars.
 */
export async function startRadicale(users: Array<{ name: string; password: string }>): Promise<RadicaleServer> {
  const folder = await mkdtemp(join(tmpdir(), 'leeway-radicale-'));
  const htpasswd = join(folder, 'users');
  const passwords = new Map(users.map((u) => [u.name, u.password]));
  const writeUsers = () => writeFile(htpasswd, [...passwords].map(([name, password]) => `${name}:${password}`).join('\n') + '\n');
  await writeUsers();
  const port = await freePort();
  const child: ChildProcess = spawn(
    RADICALE,
    [
      '--config', '/dev/null',
      '--server-hosts', `127.0.0.1:${port}`,
      '--storage-filesystem-folder', join(folder, 'collections'),
      '--auth-type', 'htpasswd',
      '--auth-htpasswd-filename', htpasswd,
      '--auth-htpasswd-encryption', 'plain',
      '--rights-type', 'owner_only',
      '--logging-level', 'warning',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`radicale exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(`${baseUrl}/`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`radicale did not answer on ${baseUrl} within 10 s: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const auth = (user: { name: string; password: string }) => `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  return {
    baseUrl,
    async makeCalendar(user, calendar) {
      const url = `${baseUrl}/${user.name}/${calendar}/`;
      const response = await fetch(url, { method: 'MKCALENDAR', headers: { authorization: auth(user) } });
      if (response.status !== 201) throw new Error(`MKCALENDAR ${url}: ${response.status} ${await response.text()}`);
      return url;
    },
    async putEvent(user, calendarUrl, name, ics) {
      const response = await fetch(`${calendarUrl}${name}`, { method: 'PUT', headers: { authorization: auth(user), 'content-type': 'text/calendar; charset=utf-8' }, body: ics });
      if (response.status !== 201 && response.status !== 204) throw new Error(`PUT ${name}: ${response.status} ${await response.text()}`);
    },
    async setPassword(name, password) {
      passwords.set(name, password);
      await writeUsers();
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
