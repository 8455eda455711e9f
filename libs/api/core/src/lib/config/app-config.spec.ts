import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'portal-config-'));

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir }, '/srv');
    expect(config.database).toEqual({
      type: 'sqlite',
      file: join(dir, 'portal.sqlite'),
    });
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: null,
      port: 3000,
      publicUrl: 'http://localhost:3000',
      runWorkers: true,
      requireStaffSecondFactor: false,
      seedDemoData: true,
      apiDocs: true,
      mailDir: join(dir, 'mail'),
    });
  });

  it('generates a session secret once and keeps it under DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(
      first,
    );
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ RUN_WORKERS: 'maybe' }, 'RUN_WORKERS'],
    [{ PUBLIC_URL: 'portal' }, 'PUBLIC_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ QUEUE_LOCK_SECONDS: '1' }, 'QUEUE_LOCK_SECONDS'],
    [{ QUEUE_STALLED_CHECK_SECONDS: '2.5' }, 'QUEUE_STALLED_CHECK_SECONDS'],
    [{ MAIL_CLAIM_SECONDS: 'a minute' }, 'MAIL_CLAIM_SECONDS'],
    [{ REDISPATCH_AFTER_SECONDS: '0' }, 'REDISPATCH_AFTER_SECONDS'],
  ])('stops on %j naming %s', (env, variable) => {
    const call = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(new RegExp(`^Configuration error in ${variable}:`));
  });

  it('demands a session secret and a database in production, and refuses demo data there', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() }),
    ).toThrow(/SESSION_SECRET/);
    const secret = 'Jq3vX9pL2mR7tY5wB8nC4kF6hD1sG0aZ';
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }),
    ).toThrow(/PERSONAL_DATA_KEYS/);
    const keys = 'k1:9f86d081884c7d659a2feaa0c55ad015';
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: secret,
        PERSONAL_DATA_KEYS: keys,
      }),
    ).toThrow(/DATABASE_URL/);
    const production = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: secret,
      PERSONAL_DATA_KEYS: keys,
      DATABASE_URL: 'mysql://portal:pw@db:3306/portal',
      PUBLIC_URL: 'https://portal.kjj.example.gov.cn',
    });
    expect(production).toMatchObject({
      requireStaffSecondFactor: true,
      seedDemoData: false,
      apiDocs: false,
    });
    expect(production.database).toEqual({
      type: 'mysql',
      flavour: 'mysql',
      url: 'mysql://portal:pw@db:3306/portal',
    });
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: secret,
        PERSONAL_DATA_KEYS: keys,
        DATABASE_URL: 'mysql://db/p',
        SEED_DEMO_DATA: 'true',
      }),
    ).toThrow(/SEED_DEMO_DATA/);
  });

  it('refuses in production a guessable session secret, an http address without consent, and staff 2FA off without acknowledgement', () => {
    const base = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'Jq3vX9pL2mR7tY5wB8nC4kF6hD1sG0aZ',
      PERSONAL_DATA_KEYS: 'k1:9f86d081884c7d659a2feaa0c55ad015',
      DATABASE_URL: 'mysql://portal:pw@db:3306/portal',
      PUBLIC_URL: 'https://portal.kjj.example.gov.cn',
    };
    expect(() => loadConfig(base)).not.toThrow();
    expect(() =>
      loadConfig({ ...base, SESSION_SECRET: 'a'.repeat(32) }),
    ).toThrow(/^Configuration error in SESSION_SECRET: looks guessable/);
    expect(() =>
      loadConfig({ ...base, PUBLIC_URL: 'http://portal.kjj.example.gov.cn' }),
    ).toThrow(/^Configuration error in PUBLIC_URL: must be an https/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: undefined })).toThrow(
      /PUBLIC_URL/,
    );
    expect(
      loadConfig({
        ...base,
        PUBLIC_URL: 'http://localhost:8080',
        ALLOW_HTTP_PUBLIC_URL: 'true',
      }).publicUrl,
    ).toBe('http://localhost:8080');
    expect(() => loadConfig({ ...base, REQUIRE_STAFF_2FA: 'false' })).toThrow(
      /^Configuration error in REQUIRE_STAFF_2FA/,
    );
    expect(
      loadConfig({
        ...base,
        REQUIRE_STAFF_2FA: 'false',
        STAFF_2FA_OFF_ACKNOWLEDGED: 'true',
      }).requireStaffSecondFactor,
    ).toBe(false);
    // Outside production nothing of this applies: development runs on http://localhost.
    expect(() =>
      loadConfig({ DATA_DIR: dataDir(), SESSION_SECRET: 'a'.repeat(32) }),
    ).not.toThrow();
  });

  it("takes up a dead process's work after 30 s locks, 15 s stalled-checks and a minute's claims, or the periods set", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).recovery).toEqual({
      queueLockMs: 30_000,
      stalledCheckMs: 15_000,
      mailClaimMs: 60_000,
      redispatchAfterMs: 60_000,
    });
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        QUEUE_LOCK_SECONDS: '8',
        QUEUE_STALLED_CHECK_SECONDS: '1',
        MAIL_CLAIM_SECONDS: '8',
        REDISPATCH_AFTER_SECONDS: '5',
      }).recovery,
    ).toEqual({
      queueLockMs: 8_000,
      stalledCheckMs: 1_000,
      mailClaimMs: 8_000,
      redispatchAfterMs: 5_000,
    });
  });

  it('refuses in production an e-mail claim no longer than the SMTP socket timeout (a slow send could go out twice)', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'Jq3vX9pL2mR7tY5wB8nC4kF6hD1sG0aZ',
      PERSONAL_DATA_KEYS: 'k1:9f86d081884c7d659a2feaa0c55ad015',
      DATABASE_URL: 'mysql://db/p',
      PUBLIC_URL: 'https://portal.kjj.example.gov.cn',
    };
    expect(() =>
      loadConfig({ ...production, MAIL_CLAIM_SECONDS: '30' }),
    ).toThrow(
      /^Configuration error in MAIL_CLAIM_SECONDS: must be longer than the SMTP socket timeout/,
    );
    expect(
      loadConfig({ ...production, MAIL_CLAIM_SECONDS: '31' }).recovery
        .mailClaimMs,
    ).toBe(31_000);
  });

  it('offers the development clock outside production only: on by default there, off and refused in production', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).devClock).toBe(true);
    expect(
      loadConfig({ DATA_DIR: dataDir(), DEV_CLOCK: 'false' }).devClock,
    ).toBe(false);
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'Jq3vX9pL2mR7tY5wB8nC4kF6hD1sG0aZ',
      PERSONAL_DATA_KEYS: 'k1:9f86d081884c7d659a2feaa0c55ad015',
      DATABASE_URL: 'mysql://db/p',
      PUBLIC_URL: 'https://portal.kjj.example.gov.cn',
    };
    expect(loadConfig(production).devClock).toBe(false);
    expect(() => loadConfig({ ...production, DEV_CLOCK: 'true' })).toThrow(
      /^Configuration error in DEV_CLOCK: the development clock is never available/,
    );
  });

  it('reads mariadb:// as MySQL protocol with the MariaDB flavour', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mariadb://root@127.0.0.1:3306/test',
    });
    expect(config.database).toEqual({
      type: 'mysql',
      flavour: 'mariadb',
      url: 'mysql://root@127.0.0.1:3306/test',
    });
  });
});
