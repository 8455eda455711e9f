import { sha256Hex } from '@portal/api-core';
import { DEMO_PASSWORD, PasswordResetTokenEntity } from '@portal/api-db';
import { DIALECTS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ErrorBody,
  type InvitationView,
  type LoginResponse,
} from '@portal/contracts';
import { mailsTo, nextMailTo } from '../testing/mail';
import { startTestApp, type TestApp } from '../testing/test-app';

const NEW_PASSWORD = 'Quiet-Harbour-2027!';

describe.each(DIALECTS)(
  'changing and resetting passwords, mailed links on %s',
  (dialect) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    async function actions(email: string): Promise<string[]> {
      const rows = await t.dataSource.query(
        'SELECT action, result FROM audit_log WHERE user_email = ? ORDER BY id',
        [email],
      );
      return (rows as { action: string; result: string }[]).map(
        (r) => `${r.action}:${r.result}`,
      );
    }

    /** The link in the newest reset mail to `email`, once it arrives. */
    async function resetLink(email: string, already = 0): Promise<URL> {
      const mail = await nextMailTo(t.config.mailDir, email, already);
      const link = /https?:\/\/\S+reset-password\S*/.exec(mail.text)?.[0];
      expect(link).toBeDefined();
      return new URL(link as string);
    }

    const tokenOf = (link: URL) =>
      new URLSearchParams(link.hash.slice(1)).get('token') as string;

    it('changes a password with the current one and the policy; other sessions end, this one stays; audited and mailed', async () => {
      const email = 'antai@example.com';
      const elsewhere = t.client().from('192.0.2.10');
      await elsewhere.login(email, DEMO_PASSWORD);
      const here = t.client();
      await here.login(email, DEMO_PASSWORD);

      const fieldOf = async (body: unknown) =>
        (await here.post<ErrorBody>(ApiRoutes.passwordChange, body)).body
          .fields?.[0];
      expect(
        await fieldOf({
          currentPassword: 'Wrong-password-1',
          newPassword: NEW_PASSWORD,
        }),
      ).toMatchObject({ field: 'currentPassword', code: 'password.wrong' });
      expect(
        await fieldOf({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }),
      ).toMatchObject({ field: 'newPassword', code: 'password.too_short' });
      expect(
        await fieldOf({
          currentPassword: DEMO_PASSWORD,
          newPassword: DEMO_PASSWORD,
        }),
      ).toMatchObject({ field: 'newPassword', code: 'password.same' });
      expect(
        await fieldOf({
          currentPassword: DEMO_PASSWORD,
          newPassword: 'x',
          y: 1,
        }),
      ).toMatchObject({ field: 'y', code: 'unknown_field' });

      const changed = await here.post(ApiRoutes.passwordChange, {
        currentPassword: DEMO_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(changed.status).toBe(204);
      expect((await here.get(ApiRoutes.me)).status).toBe(200);
      expect((await elsewhere.get(ApiRoutes.me)).status).toBe(401);
      expect((await t.client().login(email, DEMO_PASSWORD)).status).toBe(401);
      expect((await t.client().login(email, NEW_PASSWORD)).status).toBe(200);
      expect(await actions(email)).toEqual(
        expect.arrayContaining([
          'auth.password_changed:failure',
          'auth.password_changed:success',
        ]),
      );
      const mail = await nextMailTo(t.config.mailDir, email);
      expect(mail.subject).toMatch(
        /^您的密码已更改 .* \/ Your password was changed/,
      );
      expect(mail.text).toContain('/forgot-password');
      // Not for anyone without a session.
      expect(
        (
          await t.client().post<ErrorBody>(ApiRoutes.passwordChange, {
            currentPassword: NEW_PASSWORD,
            newPassword: 'Another-Pass-2027!',
          })
        ).status,
      ).toBe(401);
    });

    it('answers a reset request alike for a known and an unknown address; only the owner gets a link, its token in the fragment and stored as a hash', async () => {
      const known = 'lihua@example.com';
      const unknown = 'nobody.here@example.com';
      const timed = async (email: string) => {
        const started = process.hrtime.bigint();
        const res = await t
          .client()
          .from('198.51.100.20')
          .post(ApiRoutes.passwordResetRequest, { email });
        return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      const a = await timed(known);
      const b = await timed(unknown);
      expect([a.res.status, b.res.status]).toEqual([202, 202]);
      expect(a.res.body).toEqual(b.res.body);
      expect(a.res.body).toEqual({ status: 'requested' });
      // Both take the same path (audit, enqueue); the look-up happens in the queue.
      expect(Math.abs(a.ms - b.ms)).toBeLessThan(150);

      const link = await resetLink(known);
      expect(link.pathname).toBe('/reset-password');
      expect(link.search).toBe('');
      expect(link.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(link);
      const rows = await t.dataSource
        .getRepository(PasswordResetTokenEntity)
        .find();
      expect(rows.map((r) => r.tokenHash)).toContain(sha256Hex(token));
      expect(JSON.stringify(rows)).not.toContain(token);

      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(mailsTo(t.config.mailDir, unknown)).toEqual([]);
      expect(await actions(unknown)).toEqual([
        'auth.password_reset_requested:success',
      ]);
    });

    it('completes a reset once: every session ends, the lockout is cleared, the link is used up', async () => {
      const email = 'lihua@example.com';
      const session = t.client();
      await session.login(email, DEMO_PASSWORD);
      const held = t.client().from('203.0.113.31');
      for (let i = 0; i < 5; i++) await held.login(email, 'Wrong-password-1');
      expect((await held.login(email, DEMO_PASSWORD)).status).toBe(423);

      const before = mailsTo(t.config.mailDir, email).length;
      await t.client().post(ApiRoutes.passwordResetRequest, { email });
      const token = tokenOf(await resetLink(email, before));

      const weak = await t
        .client()
        .post<ErrorBody>(ApiRoutes.passwordReset, { token, password: 'weak' });
      expect(weak.status).toBe(400);
      expect(weak.body.fields?.[0]).toMatchObject({
        field: 'password',
        code: 'password.too_short',
      });
      const done = await t
        .client()
        .post(ApiRoutes.passwordReset, { token, password: NEW_PASSWORD });
      expect(done.status).toBe(204);

      expect((await session.get<ErrorBody>(ApiRoutes.me)).status).toBe(401);
      expect((await held.login(email, NEW_PASSWORD)).status).toBe(200);
      const again = await t.client().post<ErrorBody>(ApiRoutes.passwordReset, {
        token,
        password: 'Yet-Another-2027!',
      });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('PASSWORD_RESET_INVALID');
      expect(await actions(email)).toEqual(
        expect.arrayContaining([
          'auth.password_reset_requested:success',
          'auth.password_reset_mailed:success',
          'auth.password_reset:success',
          'auth.password_reset:failure',
        ]),
      );
      const told = await nextMailTo(t.config.mailDir, email, before + 1);
      expect(told.subject).toContain('您的密码已更改');
    });

    it('refuses a link after 30 minutes, and an older link once a newer one was sent', async () => {
      const email = 'jinghua@example.com';
      await t.client().post(ApiRoutes.passwordResetRequest, { email });
      const first = tokenOf(await resetLink(email));
      await t.client().post(ApiRoutes.passwordResetRequest, { email });
      const second = tokenOf(await resetLink(email, 1));
      const older = await t.client().post<ErrorBody>(ApiRoutes.passwordReset, {
        token: first,
        password: NEW_PASSWORD,
      });
      expect(older.body.code).toBe('PASSWORD_RESET_INVALID');
      await t.dataSource
        .getRepository(PasswordResetTokenEntity)
        .update(
          { tokenHash: sha256Hex(second) },
          { expiresAt: new Date(Date.now() - 1000) },
        );
      const late = await t.client().post<ErrorBody>(ApiRoutes.passwordReset, {
        token: second,
        password: NEW_PASSWORD,
      });
      expect(late.body.code).toBe('PASSWORD_RESET_INVALID');
      expect((await t.client().login(email, DEMO_PASSWORD)).status).toBe(200);
    });

    it('sends at most 3 reset mails an hour per address, and takes at most 10 requests per client in 15 minutes', async () => {
      const email = 'xiaozhong@example.com';
      for (let i = 0; i < 5; i++) {
        const res = await t
          .client()
          .from(`198.18.1.${i + 1}`)
          .post(ApiRoutes.passwordResetRequest, { email });
        expect(res.status).toBe(202);
      }
      for (let i = 0; i < 100; i++) {
        const done = (await actions(email)).filter((a) =>
          a.startsWith('auth.password_reset_mailed'),
        );
        if (done.length === 5) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The five jobs run side by side: which three got a link is theirs to race for, not the order.
      expect(
        (await actions(email))
          .filter((a) => a.startsWith('auth.password_reset_mailed'))
          .sort(),
      ).toEqual([
        'auth.password_reset_mailed:failure',
        'auth.password_reset_mailed:failure',
        'auth.password_reset_mailed:success',
        'auth.password_reset_mailed:success',
        'auth.password_reset_mailed:success',
      ]);
      // The audit entry is written when the link is issued; the mail follows from the queue.
      for (let i = 0; i < 100; i++) {
        if (mailsTo(t.config.mailDir, email).length >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(mailsTo(t.config.mailDir, email)).toHaveLength(3);

      const client = t.client().from('198.18.2.1');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push(
          (
            await client.post(ApiRoutes.passwordResetRequest, {
              email: `someone${i}@example.org`,
            })
          ).status,
        );
      expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('validates every input with a 400 that names the field', async () => {
      const bad = await t
        .client()
        .post<ErrorBody>(ApiRoutes.passwordResetRequest, { email: 'nope' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields?.[0]).toMatchObject({
        field: 'email',
        code: 'email.invalid',
      });
      const noToken = await t
        .client()
        .post<ErrorBody>(ApiRoutes.passwordReset, { password: NEW_PASSWORD });
      expect(noToken.status).toBe(400);
      expect(noToken.body.fields?.[0]?.field).toBe('token');
      const unknown = await t
        .client()
        .post<ErrorBody>(ApiRoutes.passwordReset, {
          token: 'not-a-token',
          password: NEW_PASSWORD,
        });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('PASSWORD_RESET_INVALID');
    });

    it('mails invitation links with the token in the fragment only, and takes the token only in a body', async () => {
      const admin = t.client();
      await admin.login('shengze@example.com', DEMO_PASSWORD);
      const invitee = 'fragment.check@example.org';
      expect(
        (
          await admin.post(ApiRoutes.myCompanyInvitations, {
            email: invitee,
            role: 'enterprise_member',
          })
        ).status,
      ).toBe(201);
      const mail = await nextMailTo(t.config.mailDir, invitee);
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      for (const raw of links) {
        const link = new URL(raw);
        expect(link.pathname).toBe('/invitation');
        expect(link.search).toBe('');
        expect(link.hash).toMatch(/^#token=/);
      }
      const token = new URLSearchParams(
        new URL(links[0] as string).hash.slice(1),
      ).get('token') as string;

      // No route takes it in the path any more, and the OpenAPI document has no such route.
      expect(
        (await t.client().get(`/api/auth/invitations/${token}`)).status,
      ).toBe(404);
      const docs = await t
        .client()
        .get<{ paths: Record<string, unknown> }>(ApiRoutes.docsJson);
      expect(
        Object.keys(docs.body.paths).filter((p) => /token/i.test(p)),
      ).toEqual([]);
      const view = await t
        .client()
        .post<InvitationView>(ApiRoutes.invitation, { token });
      expect(view.body.email).toBe(invitee);
      const joined = await t
        .client()
        .post<LoginResponse>(ApiRoutes.invitationAccept, {
          token,
          name: '片段',
          password: NEW_PASSWORD,
        });
      expect(joined.body.status).toBe('authenticated');
    });
  },
);
