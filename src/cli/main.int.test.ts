import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TEAM } from '../app/demo/cast.ts';
import { startServer } from './commands/serve.ts';
import type { CliIO } from './io.ts';
import { main } from './main.ts';

function fakeIO(env: Record<string, string | undefined> = {}, stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readStdin: async () => stdin,
    env,
  };
  return io;
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('leeway (usage)', () => {
  it('prints help, and exits 2 with no command or an unknown one', async () => {
    const io = fakeIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toContain('Usage: leeway <command>');
    expect(await main([], fakeIO())).toBe(2);
    const unknown = fakeIO();
    expect(await main(['frobnicate'], unknown)).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
  });

  it('has --help for every command', async () => {
    for (const command of ['serve', 'migrate', 'org', 'key']) {
      const io = fakeIO();
      expect(await main([command, '--help'], io), command).toBe(0);
      expect(io.out).toContain(`leeway ${command}`);
    }
  });

  it('refuses bad flags and missing values with exit code 2 and a clear message', async () => {
    const bogus = fakeIO();
    expect(await main(['org', 'create', '--bogus'], bogus)).toBe(2);
    expect(bogus.err).toMatch(/Unknown option '--bogus'/);
    const missing = fakeIO();
    expect(await main(['org', 'create', '--timezone', 'UTC', '--data-dir', 'memory://'], missing)).toBe(2);
    expect(missing.err).toContain('--name is required');
    const port = fakeIO();
    expect(await main(['serve', '--port', 'abc'], port)).toBe(2);
    expect(port.err).toContain('Not a port number');
    const both = fakeIO();
    expect(await main(['migrate', '--data-dir', 'x', '--database-url', 'postgres://a/b'], both)).toBe(2);
    const url = fakeIO();
    expect(await main(['migrate', '--database-url', 'mysql://nope'], url)).toBe(2);
  });

  it('reports an invalid time zone as bad input', async () => {
    const io = fakeIO();
    expect(await main(['org', 'create', '--name', 'X', '--timezone', 'Mars/Base', '--data-dir', 'memory://'], io)).toBe(2);
    expect(io.err).toContain('timezone');
    // Each command opens an embedded database, which is slow on a busy machine.
  }, 120_000);
});

describe('leeway org, key and migrate on an embedded data folder', () => {
  it('creates an organization (JSON), then another key for it', async () => {
    const dir = tempDir();
    const migrate = fakeIO();
    expect(await main(['migrate', '--data-dir', dir], migrate)).toBe(0);
    expect(migrate.out).toContain('0001-foundation');
    const created = fakeIO();
    expect(await main(['org', 'create', '--name', 'Acme', '--timezone', 'Europe/London', '--json', '--data-dir', dir], created)).toBe(0);
    const json = JSON.parse(created.out) as { organization: { id: string; name: string }; apiKey: string };
    expect(json.organization.name).toBe('Acme');
    expect(json.apiKey).toMatch(/^lw_key_/);
    const key = fakeIO({ LEEWAY_DATA_DIR: dir });
    expect(await main(['key', 'create', '--org', json.organization.id, '--json'], key)).toBe(0);
    expect((JSON.parse(key.out) as { apiKey: string }).apiKey).not.toBe(json.apiKey);
    const unknownOrg = fakeIO({ LEEWAY_DATA_DIR: dir });
    expect(await main(['key', 'create', '--org', 'nope'], unknownOrg)).toBe(1);
    expect(unknownOrg.err).toContain('No such organization');
  }, 120_000);
});

/** What a demo start printed and served: every candidate link opens, and the printed sign-in works. */
async function checkDemoStart(url: string, out: string): Promise<string[]> {
  expect(out).toContain(`Open ${url}/ in a browser`);
  const links = [...out.matchAll(/^Candidate link:\s+.*: (\S+)$/gm)].map((m) => m[1]!);
  expect(links).toHaveLength(4);
  for (const link of links) {
    const token = link.slice(link.lastIndexOf('/') + 1);
    expect((await fetch(`${url}/api/v1/candidate/${token}`)).status, link).toBe(200);
  }
  const offers = [...out.matchAll(/^Waitlist offer:\s+.*: (\S+)$/gm)].map((m) => m[1]!);
  expect(offers).toHaveLength(1);
  const offerToken = offers[0]!.slice(offers[0]!.lastIndexOf('/') + 1);
  expect((await fetch(`${url}/api/v1/candidate/${offerToken}`)).status, offers[0]).toBe(200);
  const signIn = /Dashboard sign-in:\s+(\S+) \/ (\S+)/.exec(out);
  expect(signIn).not.toBeNull();
  const session = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: signIn![1], password: signIn![2] }),
  });
  expect(session.status).toBe(200);
  const demo = (await (await fetch(`${url}/api/v1/demo`)).json()) as {
    signIn: { email: string; password: string };
    candidateLinks: Array<{ url: string }>;
    offerLinks: Array<{ url: string }>;
  };
  expect(demo.offerLinks.map((l) => l.url)).toEqual(offers);
  expect(demo.signIn).toEqual({ email: signIn![1], password: signIn![2] });
  expect(demo.candidateLinks.map((l) => l.url)).toEqual(links);
  return links;
}

describe('leeway serve', () => {
  it('serves the demo over a real socket and refuses a second process on the same folder', async () => {
    const dir = tempDir();
    const io = fakeIO();
    const handle = await startServer(['--port', '0', '--data-dir', dir, '--demo'], io);
    let firstLinks: string[];
    try {
      expect(handle).not.toBeNull();
      const health = await fetch(`${handle!.url}/healthz`);
      expect(await health.json()).toEqual({ ok: true, database: 'pglite' });
      const key = /Demo API key:\s+(\S+)/.exec(io.out)?.[1];
      expect(key).toMatch(/^lw_key_/);
      const interviews = (await (await fetch(`${handle!.url}/api/v1/interviews`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
        interviews: Array<{ status: string }>;
      };
      expect(interviews.interviews.length).toBeGreaterThanOrEqual(3);
      expect(interviews.interviews.map((i) => i.status)).toContain('invited');
      firstLinks = await checkDemoStart(handle!.url, io.out);

      const second = fakeIO();
      expect(await main(['serve', '--port', '0', '--data-dir', dir], second)).toBe(1);
      expect(second.err).toMatch(/in use by another Leeway process/);
    } finally {
      await handle?.close();
    }
    // The demo is reused, not duplicated, on the next start, and offers fresh links that work.
    const again = fakeIO();
    const reopened = await startServer(['--port', '0', '--data-dir', dir, '--demo'], again);
    try {
      const key = /Demo API key:\s+(\S+)/.exec(again.out)?.[1];
      const organization = (await (await fetch(`${reopened!.url}/api/v1/members`, { headers: { authorization: `Bearer ${key}` } })).json()) as { members: unknown[] };
      expect(organization.members).toHaveLength(DEMO_TEAM.length);
      const links = await checkDemoStart(reopened!.url, again.out);
      expect(links.filter((link) => firstLinks.includes(link))).toEqual([]);
    } finally {
      await reopened?.close();
    }
    // Without --demo there is no demo to show.
    const plain = fakeIO();
    const withoutDemo = await startServer(['--port', '0', '--data-dir', dir], plain);
    try {
      const response = await fetch(`${withoutDemo!.url}/api/v1/demo`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect(plain.out).not.toContain('Candidate link:');
    } finally {
      await withoutDemo?.close();
    }
    // Three starts of an embedded database, two of them preparing the demo.
  }, 180_000);

  it('runs from the leeway bin', () => {
    const result = spawnSync(process.execPath, [path.resolve('bin/leeway.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: leeway <command>');
    const bad = spawnSync(process.execPath, [path.resolve('bin/leeway.js'), 'serve', '--nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('leeway on PostgreSQL', () => {
  it('migrates, creates an organization and serves with --database-url', async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    const name = `leeway_cli_${Date.now().toString(36)}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      expect(await main(['migrate', '--database-url', url.toString()], fakeIO())).toBe(0);
      const created = fakeIO({ DATABASE_URL: url.toString() });
      expect(await main(['org', 'create', '--name', 'Pg Org', '--timezone', 'UTC', '--json'], created)).toBe(0);
      const apiKey = (JSON.parse(created.out) as { apiKey: string }).apiKey;
      const handle = await startServer(['--port', '0', '--database-url', url.toString()], fakeIO());
      try {
        expect(await (await fetch(`${handle!.url}/healthz`)).json()).toEqual({ ok: true, database: 'postgres' });
        const org = await fetch(`${handle!.url}/api/v1/organization`, { headers: { authorization: `Bearer ${apiKey}` } });
        expect(await org.json()).toMatchObject({ name: 'Pg Org' });
      } finally {
        await handle?.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('leeway serve with SMTP_URL', () => {
  it('delivers the demo invitations over SMTP with their calendars', async () => {
    const { startSmtpTestServer } = await import('../notify/testing/smtp-test-server.ts');
    const smtp = await startSmtpTestServer();
    const io = fakeIO({ SMTP_URL: smtp.url });
    const handle = await startServer(['--port', '0', '--data-dir', tempDir(), '--demo'], io);
    try {
      expect(io.out).toContain('Delivering email over SMTP');
      const received = await smtp.waitForMessages(6, 20_000);
      expect(received.some((m) => m.calendar?.method === 'REQUEST')).toBe(true);
      expect(received.every((m) => (m.parsed.messageId ?? '').endsWith('@leeway.localhost>'))).toBe(true);
      // Each link leads to this server (its port was chosen at start) and carries its token, not the redacted form.
      const links = received.flatMap((m) => (m.parsed.text ?? '').match(/https?:\/\/\S+\/(?:c|seat)\/\S+/g) ?? []);
      expect(links.length).toBeGreaterThan(0);
      const port = new URL(handle!.url).port;
      for (const link of links) expect(link).toMatch(new RegExp(`^http://localhost:${port}/(c|seat)/lw_(cand|seat|offer)_[A-Za-z0-9_-]{20,}$`));
    } finally {
      await handle?.close();
      await smtp.close();
    }
  }, 60_000);
});
