import {
  DEMO_PASSWORD,
  LoginThrottleEntity,
  SessionEntity,
} from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import { sha256Hex } from '@portal/api-core';
import {
  ApiRoutes,
  type ErrorBody,
  type LoginResponse,
  type Me,
  type SecondFactorEnrolment,
} from '@portal/contracts';
import { authenticator } from 'otplib';
import { startTestApp, type TestApp } from '../testing/test-app';

const ANTAI = 'antai@example.com';
const REVIEWER = 'reviewer.jiashan@example.com';

describe.each(DIALECTS)(
  'log-in, sessions and second factor on %s',
  (dialect) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    async function auditActions(email: string): Promise<string[]> {
      const rows = await t.dataSource.query(
        'SELECT action, result FROM audit_log WHERE user_email = ? ORDER BY id',
        [email],
      );
      return (rows as { action: string; result: string }[]).map(
        (r) => `${r.action}:${r.result}`,
      );
    }

    it('logs in with the right password and answers /me', async () => {
      const client = t.client();
      const res = await client.login(ANTAI, DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('authenticated');
      const me = await client.get<Me>(ApiRoutes.me);
      expect(me.body.email).toBe(ANTAI);
      expect(me.body.permissions).toEqual(
        expect.arrayContaining([
          'company.profile.read',
          'company.members.manage',
        ]),
      );
      expect(me.body.permissions).not.toContain('company.verify');
      const cookie = res.headers['set-cookie'];
      expect(String(cookie)).toMatch(/portal_sid=[^;]+;.*HttpOnly/i);
      expect(String(cookie)).toMatch(/SameSite=Lax/i);
    });

    it('answers a wrong password and an unknown address the same way, and audits both', async () => {
      const wrong = await t.client().login(ANTAI, 'Wrong-password-123');
      const unknown = await t
        .client()
        .login('nobody@example.com', 'Wrong-password-123');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const w = wrong.body as unknown as ErrorBody;
      const u = unknown.body as unknown as ErrorBody;
      expect([w.code, w.message]).toEqual([u.code, u.message]);
      expect(await auditActions('nobody@example.com')).toEqual([
        'auth.login:failure',
      ]);
    });

    it('holds the client after 5 failures for an address, even for the right password, and unknown addresses alike', async () => {
      for (const email of ['lihua@example.com', 'ghost@example.com']) {
        const attacker = t.client().from('203.0.113.10');
        const answers: number[] = [];
        for (let i = 0; i < 5; i++)
          answers.push(
            (await attacker.login(email, 'Wrong-password-123')).status,
          );
        expect(answers).toEqual([401, 401, 401, 401, 423]);
        const locked = await attacker.login(email, DEMO_PASSWORD);
        expect(locked.status).toBe(423);
        expect((locked.body as unknown as ErrorBody).code).toBe(
          'ACCOUNT_LOCKED',
        );
      }
      // When the hold has run out, the right password works again from there.
      await t.dataSource
        .getRepository(LoginThrottleEntity)
        .update(
          { email: 'lihua@example.com', client: '203.0.113.10' },
          { lockedUntil: new Date(Date.now() - 1000) },
        );
      expect(
        (
          await t
            .client()
            .from('203.0.113.10')
            .login('lihua@example.com', DEMO_PASSWORD)
        ).status,
      ).toBe(200);
    });

    it('lets the owner in from another client while the guessing client is held, and holds it longer each time', async () => {
      const attacker = t.client().from('198.51.100.7');
      for (let i = 0; i < 5; i++)
        await attacker.login(REVIEWER, 'Wrong-password-123');
      const held = await attacker.login(REVIEWER, DEMO_PASSWORD);
      expect(held.status).toBe(423);

      const owner = t.client().from('192.0.2.44');
      const mine = await owner.login(REVIEWER, DEMO_PASSWORD);
      expect(mine.status).toBe(200);
      expect((await owner.get(ApiRoutes.me)).status).toBe(200);

      // The owner's success does not free the guessing client; past its hold, one more
      // wrong guess holds it twice as long (5, then 10 minutes).
      expect((await attacker.login(REVIEWER, DEMO_PASSWORD)).status).toBe(423);
      const rows = t.dataSource.getRepository(LoginThrottleEntity);
      await rows.update(
        { email: REVIEWER, client: '198.51.100.7' },
        { lockedUntil: new Date(Date.now() - 1000) },
      );
      expect(
        (await attacker.login(REVIEWER, 'Wrong-password-123')).status,
      ).toBe(423);
      const row = await rows.findOneByOrFail({
        email: REVIEWER,
        client: '198.51.100.7',
      });
      expect(row.failures).toBe(6);
      const holdMinutes =
        ((row.lockedUntil as Date).getTime() - Date.now()) / 60_000;
      expect(holdMinutes).toBeGreaterThan(9);
      expect(holdMinutes).toBeLessThanOrEqual(10);
    });

    it('locks an address for everyone at the ceiling of 50 failures from many clients', async () => {
      const email = 'jinghua@example.com';
      const answers: number[] = [];
      for (let i = 0; i < 50; i++)
        answers.push(
          (
            await t
              .client()
              .from(`100.64.0.${i + 1}`)
              .login(email, 'Wrong-password-123')
          ).status,
        );
      expect(answers.slice(0, 49).every((s) => s === 401)).toBe(true);
      expect(answers[49]).toBe(423);
      const fresh = await t
        .client()
        .from('100.64.1.1')
        .login(email, DEMO_PASSWORD);
      expect(fresh.status).toBe(423);
      await t.dataSource
        .getRepository(LoginThrottleEntity)
        .update({ email, client: '*' }, { lockedUntil: null, failures: 0 });
    });

    it('expires a session idle for 30 minutes', async () => {
      const client = t.client();
      await client.login('jinghua@example.com', DEMO_PASSWORD);
      expect((await client.get(ApiRoutes.me)).status).toBe(200);
      const id = sha256Hex(client.sessionCookie as string);
      await t.dataSource
        .getRepository(SessionEntity)
        .update({ id }, { lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) });
      const res = await client.get<ErrorBody>(ApiRoutes.me);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('SESSION_EXPIRED');
      // and it stays dead even if activity were faked afterwards
      expect((await client.get(ApiRoutes.me)).status).toBe(401);
    });

    it('ends a session 12 hours after log-in whatever the activity', async () => {
      const client = t.client();
      await client.login('jinghua@example.com', DEMO_PASSWORD);
      const id = sha256Hex(client.sessionCookie as string);
      await t.dataSource
        .getRepository(SessionEntity)
        .update({ id }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await client.get<ErrorBody>(ApiRoutes.me)).body.code).toBe(
        'SESSION_EXPIRED',
      );
    });

    it('logout revokes the session on the server, not only the cookie', async () => {
      const client = t.client();
      await client.login('shengze@example.com', DEMO_PASSWORD);
      const stolen = client.sessionCookie as string;
      expect((await client.post(ApiRoutes.logout)).status).toBe(204);
      const replay = t.client();
      replay.setCookie('portal_sid', stolen);
      const res = await replay.get<ErrorBody>(ApiRoutes.me);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_REQUIRED');
      expect(await auditActions('shengze@example.com')).toEqual([
        'auth.login:success',
        'auth.logout:success',
      ]);
    });

    it('enrols a TOTP second factor and then requires it at log-in', async () => {
      const client = t.client();
      await client.login('seed@example.com', DEMO_PASSWORD);
      const enrol = await client.post<SecondFactorEnrolment>(
        ApiRoutes.secondFactorEnrol,
      );
      expect(enrol.status).toBe(200);
      expect(enrol.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(
        (await client.post(ApiRoutes.secondFactorConfirm, { code: '000000' }))
          .status,
      ).toBe(401);
      const confirm = await client.post(ApiRoutes.secondFactorConfirm, {
        code: authenticator.generate(enrol.body.secret),
      });
      expect(confirm.status).toBe(204);

      const next = t.client();
      const login = await next.login('seed@example.com', DEMO_PASSWORD);
      expect(login.body.status).toBe('second_factor_required');
      const blocked = await next.get<ErrorBody>(ApiRoutes.myCompany);
      expect(blocked.status).toBe(401);
      expect(blocked.body.code).toBe('SECOND_FACTOR_REQUIRED');
      const bad = await next.post<ErrorBody>(ApiRoutes.loginSecondFactor, {
        code: '12345',
      });
      expect(bad.status).toBe(400);
      // The confirmation used the current step's code: the next step's is still accepted.
      const done = await next.post<LoginResponse>(ApiRoutes.loginSecondFactor, {
        code: totp(enrol.body.secret, 1),
      });
      expect(done.body.status).toBe('authenticated');
      expect((await next.get(ApiRoutes.myCompany)).status).toBe(200);
    });

    /** Logs in, enrols a second factor and confirms it with the current step's code. */
    async function enrolled(email: string): Promise<string> {
      const client = t.client();
      await client.login(email, DEMO_PASSWORD);
      const enrol = await client.post<SecondFactorEnrolment>(
        ApiRoutes.secondFactorEnrol,
      );
      const confirm = await client.post(ApiRoutes.secondFactorConfirm, {
        code: totp(enrol.body.secret),
      });
      expect(confirm.status).toBe(204);
      return enrol.body.secret;
    }

    it('accepts a second-factor code once: the same code cannot log in twice', async () => {
      const email = 'xiaozhong@example.com';
      const secret = await enrolled(email);
      const code = totp(secret, 1);

      const first = t.client();
      await first.login(email, DEMO_PASSWORD);
      const ok = await first.post<LoginResponse>(ApiRoutes.loginSecondFactor, {
        code,
      });
      expect(ok.body.status).toBe('authenticated');

      // Someone who saw the code (over a shoulder, in a phishing proxy) and has the password.
      const replay = t.client().from('203.0.113.77');
      await replay.login(email, DEMO_PASSWORD);
      const again = await replay.post<ErrorBody>(ApiRoutes.loginSecondFactor, {
        code,
      });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('SECOND_FACTOR_USED');
      expect((await replay.get(ApiRoutes.myCompany)).status).toBe(401);
      // Nor does the code that confirmed the enrolment (an earlier step).
      const older = await replay.post<ErrorBody>(ApiRoutes.loginSecondFactor, {
        code: totp(secret),
      });
      expect(older.body.code).toBe('SECOND_FACTOR_USED');
      const audit = await t.dataSource.query(
        "SELECT detail FROM audit_log WHERE action = 'auth.second_factor' AND user_email = ? AND result = 'failure'",
        [email],
      );
      expect(String((audit as { detail: string }[])[0]?.detail)).toContain(
        '"reason":"reused"',
      );
    });

    it('ends the half-logged-in session after 5 wrong codes: 6 wrong codes, then the right one, do not get in', async () => {
      const email = 'youan@example.com';
      const secret = await enrolled(email);
      const wrong = wrongCode(secret);

      const attacker = t.client().from('203.0.113.50');
      expect((await attacker.login(email, DEMO_PASSWORD)).body.status).toBe(
        'second_factor_required',
      );
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await attacker.post<ErrorBody>(
          ApiRoutes.loginSecondFactor,
          { code: wrong },
        );
        answers.push(`${res.status} ${res.body.code}`);
      }
      expect(answers).toEqual([
        '401 SECOND_FACTOR_INVALID',
        '401 SECOND_FACTOR_INVALID',
        '401 SECOND_FACTOR_INVALID',
        '401 SECOND_FACTOR_INVALID',
        // the 5th wrong code also holds this client, like a 5th wrong password
        '423 ACCOUNT_LOCKED',
        '401 AUTH_REQUIRED',
      ]);
      const right = await attacker.post<ErrorBody>(
        ApiRoutes.loginSecondFactor,
        { code: totp(secret, 1) },
      );
      expect(right.status).toBe(401);
      expect((await attacker.get(ApiRoutes.myCompany)).status).toBe(401);
      expect((await attacker.login(email, DEMO_PASSWORD)).status).toBe(423);

      // The owner, elsewhere, starts again with the password and gets in.
      const owner = t.client().from('192.0.2.80');
      await owner.login(email, DEMO_PASSWORD);
      const mine = await owner.post<LoginResponse>(
        ApiRoutes.loginSecondFactor,
        { code: totp(secret, 1) },
      );
      expect(mine.body.status).toBe('authenticated');
    });

    it('counts wrong codes per account, whichever session sends them', async () => {
      const email = 'admin.jiashan@example.com';
      const secret = await enrolled(email);
      const wrong = wrongCode(secret);
      const first = t.client().from('198.18.0.1');
      const second = t.client().from('198.18.0.2');
      await first.login(email, DEMO_PASSWORD);
      await second.login(email, DEMO_PASSWORD);
      for (let i = 0; i < 3; i++)
        await first.post(ApiRoutes.loginSecondFactor, { code: wrong });
      await second.post(ApiRoutes.loginSecondFactor, { code: wrong });
      const fifth = await second.post<ErrorBody>(ApiRoutes.loginSecondFactor, {
        code: wrong,
      });
      expect(fifth.status).toBe(401);
      expect(fifth.body.code).toBe('SECOND_FACTOR_ATTEMPTS_EXCEEDED');
      // Both half-logged-in sessions ended, the one that guessed less too.
      for (const client of [first, second]) {
        const res = await client.post<ErrorBody>(ApiRoutes.loginSecondFactor, {
          code: totp(secret, 1),
        });
        expect(res.body.code).toBe('AUTH_REQUIRED');
      }
    });

    it('keeps the active second factor while a new one is set up, and asks for the code or password first', async () => {
      const email = 'admin.jiaxing@example.com';
      const client = t.client();
      await client.login(email, DEMO_PASSWORD);
      const first = await client.post<SecondFactorEnrolment>(
        ApiRoutes.secondFactorEnrol,
      );
      await client.post(ApiRoutes.secondFactorConfirm, {
        code: totp(first.body.secret),
      });

      // A bodiless enrolment used to switch the factor off; now it is refused, saying why.
      const bare = await client.post<ErrorBody>(ApiRoutes.secondFactorEnrol);
      expect(bare.status).toBe(400);
      expect(bare.body.fields).toContainEqual(
        expect.objectContaining({
          field: 'currentCode',
          code: 'reauth.required',
        }),
      );
      const wrongPassword = await client.post<ErrorBody>(
        ApiRoutes.secondFactorEnrol,
        { password: 'Not-the-password-1' },
      );
      expect(wrongPassword.body.fields).toContainEqual(
        expect.objectContaining({ field: 'password', code: 'password.wrong' }),
      );
      const wrongCodeProof = await client.post<ErrorBody>(
        ApiRoutes.secondFactorEnrol,
        { currentCode: wrongCode(first.body.secret) },
      );
      expect(wrongCodeProof.body.fields).toContainEqual(
        expect.objectContaining({ field: 'currentCode', code: 'code.wrong' }),
      );
      const second = await client.post<SecondFactorEnrolment>(
        ApiRoutes.secondFactorEnrol,
        { password: DEMO_PASSWORD },
      );
      expect(second.status).toBe(200);
      expect(
        (await client.get<Me>(ApiRoutes.me)).body.secondFactorEnabled,
      ).toBe(true);

      // Until confirmed, log-in still asks for the old factor's code.
      const meanwhile = t.client();
      expect((await meanwhile.login(email, DEMO_PASSWORD)).body.status).toBe(
        'second_factor_required',
      );
      const old = await meanwhile.post<LoginResponse>(
        ApiRoutes.loginSecondFactor,
        { code: totp(first.body.secret, 1) },
      );
      expect(old.body.status).toBe('authenticated');

      const confirmed = await client.post(ApiRoutes.secondFactorConfirm, {
        code: totp(second.body.secret),
      });
      expect(confirmed.status).toBe(204);
      const after = t.client();
      await after.login(email, DEMO_PASSWORD);
      const byOld = await after.post<ErrorBody>(ApiRoutes.loginSecondFactor, {
        code: totp(first.body.secret, 1),
      });
      expect(byOld.body.code).toBe('SECOND_FACTOR_INVALID');
      const byNew = await after.post<LoginResponse>(
        ApiRoutes.loginSecondFactor,
        { code: totp(second.body.secret, 1) },
      );
      expect(byNew.body.status).toBe('authenticated');
    });

    it('writes an audit entry for every log-in attempt', async () => {
      const rows = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login'",
      );
      expect(Number((rows as { n: number | string }[])[0]?.n)).toBeGreaterThan(
        10,
      );
    });

    it('keeps the audit log append-only in the database itself', async () => {
      await expect(
        t.dataSource.query("UPDATE audit_log SET result = 'success'"),
      ).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(
        /append-only/,
      );
    });
  },
);

describe('staff second factor when REQUIRE_STAFF_2FA is on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('mariadb', { REQUIRE_STAFF_2FA: 'true' });
  });
  afterAll(() => t.close());

  it('lets a reviewer do nothing but enrol, then everything', async () => {
    const client = t.client();
    const login = await client.login(REVIEWER, DEMO_PASSWORD);
    expect(login.body.status).toBe('second_factor_enrolment_required');
    const blocked = await client.get<ErrorBody>(ApiRoutes.companies);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const enrol = await client.post<SecondFactorEnrolment>(
      ApiRoutes.secondFactorEnrol,
    );
    await client.post(ApiRoutes.secondFactorConfirm, {
      code: authenticator.generate(enrol.body.secret),
    });
    expect((await client.get(ApiRoutes.companies)).status).toBe(200);
  });

  it('does not ask an enterprise user to enrol', async () => {
    expect((await t.client().login(ANTAI, DEMO_PASSWORD)).body.status).toBe(
      'authenticated',
    );
  });
});

describe('rate limit on authentication endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with a wait time after the limit', async () => {
    const client = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.login(`rl${i}@example.com`, 'x')).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    const res = await client.login('rl@example.com', 'x');
    expect((res.body as unknown as ErrorBody).code).toBe('RATE_LIMITED');
  });
});

/** The code of the time step `offset` steps from now. */
function totp(secret: string, offset = 0): string {
  return authenticator
    .clone({ epoch: Date.now() + offset * 30_000 })
    .generate(secret);
}

/** A well-formed code that matches none of the steps the API accepts now. */
function wrongCode(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((o) => totp(secret, o)));
  return ['000000', '111111', '222222'].find((c) => !valid.has(c)) as string;
}
