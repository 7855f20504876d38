import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { CliIo } from '../src/cli/cli-io.js';
import { demoCommand, DEMO_USER } from '../src/cli/commands/demo.command.js';
import { usersAddCommand } from '../src/cli/commands/users.command.js';
import { Store } from '../src/store/store.js';
import { chronicle, scratchFolder } from './cli-harness.js';

function ioIn(cwd: string): CliIo & { out: () => string } {
  let out = '';
  return { stdout: (text) => (out += text), stderr: (text) => (out += text), interactive: false, env: {}, cwd, out: () => out };
}

describe('chronicle users', () => {
  let folder: string;
  let db: string;
  before(() => {
    folder = scratchFolder();
    db = join(folder, 'store.db');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('adds an account with a password read from the prompt or stdin, never from argv', async () => {
    const io = ioIn(folder);
    const prompts: string[] = [];
    const code = await usersAddCommand(io, 'alice', { db, role: 'admin', as: 'root' }, async (prompt) => {
      prompts.push(prompt);
      return 'a password nobody will guess';
    });
    expect(code).toBe(0);
    expect(prompts).toEqual(['password for alice: ']);
    expect(io.out()).toBe('added alice (admin)\n');
    const withArgv = await chronicle(['users', 'add', 'bob', '--role', 'viewer', '--password', 'hunter2hunter2'], { cwd: folder });
    expect(withArgv.code).not.toBe(0);
    expect(withArgv.stderr).toMatch(/unknown option '--password'/);
  });

  it('says what is wrong with a short password or an unknown role', async () => {
    await expect(usersAddCommand(ioIn(folder), 'carol', { db, role: 'analyst' }, async () => 'short')).rejects.toThrow(/at least 12 characters/);
    await expect(usersAddCommand(ioIn(folder), 'carol', { db, role: 'boss' }, async () => 'long enough password')).rejects.toThrow(/viewer, analyst, admin/);
    await expect(usersAddCommand(ioIn(folder), 'carol', { db, role: 'analyst' }, async () => Promise.reject(new Error('no password given on stdin')))).rejects.toThrow(/pipe it in/);
  });

  it('lists, enrols TOTP (URI printed once) and disables accounts, each audited', async () => {
    const totp = await chronicle(['users', 'totp', 'alice', '--db', db, '--as', 'root'], { cwd: folder });
    expect(totp.code).toBe(0);
    expect(totp.stdout).toMatch(/^otpauth:\/\/totp\/Chronicle:alice\?issuer=Chronicle&secret=[A-Z2-7]{32}&/m);
    const disable = await chronicle(['users', 'disable', 'alice', '--db', db, '--as', 'root'], { cwd: folder });
    expect(disable.code).toBe(0);
    const list = await chronicle(['users', 'list', '--db', db], { cwd: folder });
    expect(list.stdout).toMatch(/^alice\s+admin\s+totp\s+disabled$/m);
    expect(list.stdout).not.toMatch(/secret|argon/i);
    const again = await chronicle(['users', 'disable', 'alice', '--db', db], { cwd: folder });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already disabled/);
    expect((await chronicle(['users', 'totp', 'nobody', '--db', db], { cwd: folder })).stderr).toMatch(/no user is named nobody/);
    const audit = await chronicle(['audit', 'log', '--db', db, '--json'], { cwd: folder });
    const actions = (JSON.parse(audit.stdout) as { entries: { action: string; actor: string }[] }).entries.map((event) => `${event.action} by ${event.actor}`);
    expect(actions).toEqual(['user.add by root', 'user.totp by root', 'user.disable by root']);
    expect(audit.stdout).not.toMatch(/secret=/);
  });
});

describe('chronicle demo', () => {
  let folder: string;
  before(() => {
    folder = scratchFolder();
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('with --no-serve, captures the corpus, creates the demo login and returns', async () => {
    const run = await chronicle(['demo', '--no-serve'], { cwd: folder });
    expect(run.code).toBe(0);
    const password = /log in as demo with password (\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const store = await Store.open(join(folder, '.demo', 'chronicle.db'));
    try {
      expect(await store.users.get(DEMO_USER)).toMatchObject({ role: 'admin', disabled: false });
      // The sample victim lists are imported and linked, and the demo prints an estimate with its interval.
      expect((await store.persons.lists()).map((list) => list.name).sort()).toEqual(['diaspora', 'memorial', 'ngo']);
      expect(await store.persons.records()).toHaveLength(48);
      expect(run.stdout).toMatch(/48 records on 3 lists are \d+ persons/);
      expect(run.stdout).toMatch(/estimated \d+\.\d in all \(se \d+\.\d; 95% interval \d+\.\d–(\d+\.\d|∞); model \[/);
    } finally {
      await store.close();
    }
  });

  it('puts the demo store where --db says, before or after the command name', async () => {
    const after = await chronicle(['demo', '--no-serve', '--db', 'elsewhere/demo.db'], { cwd: folder });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`into a fresh store at ${join('elsewhere', 'demo.db')}`);
    expect(existsSync(join(folder, 'elsewhere', 'demo.db'))).toBe(true);
  });

  it('ends with the workspace running on the demo store; the printed login works', async () => {
    const io = ioIn(folder);
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = demoCommand(io, { port: '0' }, stopped);
    let address: string | undefined;
    for (let wait = 0; wait < 600 && !address; wait++) {
      address = /listening on (http:\/\/\S+) /.exec(io.out())?.[1];
      if (!address) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    try {
      expect(address).toBeDefined();
      const password = /Log in as demo with password (\S+)/.exec(io.out())![1]!;
      const login = await fetch(`${address}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_USER, password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const incidents = await fetch(`${address}/api/incidents`, { headers: { cookie } });
      expect(incidents.status).toBe(200);
      expect(((await incidents.json()) as { incidents: unknown[] }).incidents.length).toBeGreaterThan(3);
    } finally {
      stop();
      expect(await running).toBe(0);
    }
  });
});
