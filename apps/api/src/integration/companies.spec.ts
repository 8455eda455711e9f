import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, OrganisationEntity } from '@portal/api-db';
import { DIALECTS, plainText, TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type AuditEntryView,
  type CompanyView,
  type ErrorBody,
  type InvitationView,
  type LoginResponse,
  type MemberView,
  type NoticePage,
  type NoticeView,
  type Page,
} from '@portal/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';

describe.each(DIALECTS)(
  'companies, verification and isolation on %s',
  (dialect) => {
    let t: TestApp;
    let xiaozhong: OrganisationEntity; // pending, 嘉善县 (330421)
    let youan: OrganisationEntity; // pending, 海盐县 (330424)
    let antai: OrganisationEntity; // verified, 嘉善县

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const orgs = t.dataSource.getRepository(OrganisationEntity);
      xiaozhong = await orgs.findOneByOrFail({
        contactEmail: 'xiaozhong@example.com',
      });
      youan = await orgs.findOneByOrFail({ contactEmail: 'youan@example.com' });
      antai = await orgs.findOneByOrFail({ contactEmail: 'antai@example.com' });
    });
    afterAll(() => t.close());

    async function as(email: string): Promise<TestClient> {
      const client = t.client();
      const res = await client.login(email, DEMO_PASSWORD);
      expect(res.status).toBe(200);
      return client;
    }

    it('shows a county reviewer only the pending companies of their own county, phones masked', async () => {
      const reviewer = await as('reviewer.jiashan@example.com');
      const res = await reviewer.get<Page<CompanyView>>(
        `${ApiRoutes.companies}?status=pending`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((c) => c.id)).toEqual([xiaozhong.id]);
      expect(res.body.items[0]?.contactPhone).toBe('139****0005');
    });

    it('shows a city reviewer the companies of every county in the city', async () => {
      const reviewer = await as('reviewer.jiaxing@example.com');
      const res = await reviewer.get<Page<CompanyView>>(
        `${ApiRoutes.companies}?status=pending`,
      );
      expect(res.body.items.map((c) => c.id).sort()).toEqual(
        [xiaozhong.id, youan.id].sort(),
      );
    });

    it('pages by keyset without gaps or repeats', async () => {
      const reviewer = await as('reviewer.zhejiang@example.com');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url = `${ApiRoutes.companies}?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: Page<CompanyView> = (
          await reviewer.get<Page<CompanyView>>(url)
        ).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      const total = await t.dataSource
        .getRepository(OrganisationEntity)
        .countBy({ kind: 'enterprise' });
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      const bad = await reviewer.get<ErrorBody>(
        `${ApiRoutes.companies}?cursor=garbage`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.fields?.[0]?.field).toBe('cursor');
    });

    it('lets the county reviewer verify a company of their region and records who did it', async () => {
      const reviewer = await as('reviewer.jiashan@example.com');
      const res = await reviewer.post<CompanyView>(
        ApiRoutes.companyVerify(xiaozhong.id),
        { comment: '材料齐全' },
      );
      expect(res.status).toBe(200);
      expect(res.body.verificationStatus).toBe('verified');
      const again = await reviewer.post<ErrorBody>(
        ApiRoutes.companyVerify(xiaozhong.id),
        {},
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('COMPANY_NOT_PENDING');
      const company = await as('xiaozhong@example.com');
      expect(
        (await company.get<CompanyView>(ApiRoutes.myCompany)).body
          .verificationStatus,
      ).toBe('verified');
      // The company hears of it, by e-mail and in the portal.
      const mail = await waitForMail(t.config.mailDir, 'xiaozhong@example.com');
      expect(mail).toMatch(/核验结果: 已通过/);
      const notices = await waitForNotices(company, 'company_verification');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ link: '/company' });
      expect(notices[0]?.title).toMatch(/已通过核验/);
    });

    it("does not let a county reviewer verify, or even see, another county's company", async () => {
      const reviewer = await as('reviewer.jiashan@example.com');
      const verify = await reviewer.post<ErrorBody>(
        ApiRoutes.companyVerify(youan.id),
        {},
      );
      expect(verify.status).toBe(404);
      expect((await reviewer.get(ApiRoutes.company(youan.id))).status).toBe(
        404,
      );
      const stored = await t.dataSource
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ id: youan.id });
      expect(stored.verificationStatus).toBe('pending');
    });

    it('lets a city reviewer see but not verify (verification is county work)', async () => {
      const reviewer = await as('reviewer.jiaxing@example.com');
      expect((await reviewer.get(ApiRoutes.company(youan.id))).status).toBe(
        200,
      );
      const verify = await reviewer.post<ErrorBody>(
        ApiRoutes.companyVerify(youan.id),
        {},
      );
      expect(verify.status).toBe(403);
    });

    it('requires a comment to reject a registration', async () => {
      const reviewer = await as('reviewer.haiyan@example.com');
      const bare = await reviewer.post<ErrorBody>(
        ApiRoutes.companyRejectVerification(youan.id),
        {},
      );
      expect(bare.status).toBe(400);
      expect(bare.body.fields?.[0]?.field).toBe('comment');
      const res = await reviewer.post<CompanyView>(
        ApiRoutes.companyRejectVerification(youan.id),
        {
          comment: '营业执照与信用代码不一致',
        },
      );
      expect(res.body.verificationStatus).toBe('rejected');
      expect(res.body.verificationComment).toBe('营业执照与信用代码不一致');
      // Told why, so it knows what to fix.
      const mail = await waitForMail(t.config.mailDir, 'youan@example.com');
      expect(mail).toMatch(/未通过/);
      expect(mail).toContain('营业执照与信用代码不一致');
      const notices = await waitForNotices(
        await as('youan@example.com'),
        'company_verification',
      );
      expect(notices[0]?.body).toContain('营业执照与信用代码不一致');
    });

    it("never shows one company another company's data", async () => {
      const company = await as('antai@example.com');
      expect((await company.get(ApiRoutes.company(youan.id))).status).toBe(404);
      expect((await company.get(ApiRoutes.company(antai.id))).status).toBe(200);
      const list = await company.get<ErrorBody>(ApiRoutes.companies);
      expect(list.status).toBe(403);
      const verify = await company.post<ErrorBody>(
        ApiRoutes.companyVerify(antai.id),
        {},
      );
      expect(verify.status).toBe(403);
      const members = await company.get<MemberView[]>(
        ApiRoutes.myCompanyMembers,
      );
      expect(members.body.map((m) => m.email)).toEqual(['antai@example.com']);
    });

    it('rejects a malformed id with 400 and an anonymous caller with 401', async () => {
      const company = await as('antai@example.com');
      expect((await company.get(ApiRoutes.company('not-a-uuid'))).status).toBe(
        400,
      );
      expect(
        (await t.client().get<ErrorBody>(ApiRoutes.myCompany)).body.code,
      ).toBe('AUTH_REQUIRED');
    });

    it('invites a member by e-mail; the link lets them set a password and join', async () => {
      const admin = await as('antai@example.com');
      const invite = await admin.post<{ id: string }>(
        ApiRoutes.myCompanyInvitations,
        {
          email: 'new.member@example.org',
          role: 'enterprise_member',
        },
      );
      expect(invite.status).toBe(201);
      const mail = await waitForMail(
        t.config.mailDir,
        'new.member@example.org',
      );
      // The token rides in the fragment: browsers never send it, so no access log holds it.
      const link =
        /http:\/\/localhost:\d+\/invitation#token=([A-Za-z0-9._-]+)/.exec(
          mail,
        )?.[1];
      expect(link).toBeDefined();
      const token = link as string;

      const invitee = t.client();
      const view = await invitee.post<InvitationView>(ApiRoutes.invitation, {
        token,
      });
      expect(view.body).toMatchObject({
        email: 'new.member@example.org',
        role: 'enterprise_member',
      });
      const weak = await invitee.post<ErrorBody>(ApiRoutes.invitationAccept, {
        token,
        name: '新成员',
        password: 'short',
      });
      expect(weak.status).toBe(400);
      const joined = await invitee.post<LoginResponse>(
        ApiRoutes.invitationAccept,
        {
          token,
          name: '新成员',
          password: 'Member-Password-42',
        },
      );
      expect(joined.body.status).toBe('authenticated');
      expect(
        (await invitee.get<CompanyView>(ApiRoutes.myCompany)).body.id,
      ).toBe(antai.id);
      const reuse = await t
        .client()
        .post<ErrorBody>(ApiRoutes.invitationAccept, {
          token,
          name: 'x',
          password: 'Member-Password-42',
        });
      expect(reuse.body.code).toBe('INVITATION_INVALID');
      const forged = await t.client().post<ErrorBody>(ApiRoutes.invitation, {
        token: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      });
      expect(forged.status).toBe(404);

      const members = await admin.get<MemberView[]>(ApiRoutes.myCompanyMembers);
      expect(members.body.map((m) => m.email)).toContain(
        'new.member@example.org',
      );
      const member = t.client();
      expect(
        (await member.login('new.member@example.org', 'Member-Password-42'))
          .status,
      ).toBe(200);
      const cannotInvite = await member.post(ApiRoutes.myCompanyInvitations, {
        email: 'x@example.org',
        role: 'enterprise_member',
      });
      expect(cannotInvite.status).toBe(403);
      const cannotChangeContact = await member.put(ApiRoutes.myCompanyContact, {
        contactName: '新成员',
        contactPhone: '13900000000',
        contactEmail: 'new.member@example.org',
      });
      expect(cannotChangeContact.status).toBe(403);
    });

    it('lets the admin change the contact (validated, sealed, audited) and nothing the county verified', async () => {
      const admin = await as('shengze@example.com');
      const before = (await admin.get<CompanyView>(ApiRoutes.myCompany)).body;
      const bad = await admin.put<ErrorBody>(ApiRoutes.myCompanyContact, {
        contactName: ' ',
        contactPhone: '12345',
        contactEmail: 'not-an-address',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields?.map((f) => [f.field, f.code]).sort()).toEqual([
        ['contactEmail', 'email.invalid'],
        ['contactName', 'required'],
        ['contactPhone', 'phone.invalid'],
      ]);
      const renamed = await admin.put<ErrorBody>(ApiRoutes.myCompanyContact, {
        contactName: '李娜',
        contactPhone: '13700001111',
        contactEmail: 'li.na@example.org',
        name: '另一家公司',
      });
      expect(renamed.status).toBe(400);

      const res = await admin.put<CompanyView>(ApiRoutes.myCompanyContact, {
        contactName: ' 李娜 ',
        contactPhone: '13700001111',
        contactEmail: 'Li.Na@Example.org',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: before.name,
        creditCode: before.creditCode,
        regionCode: before.regionCode,
        verificationStatus: before.verificationStatus,
        contactName: '李娜',
        contactPhone: '13700001111',
        contactEmail: 'li.na@example.org',
      });
      const [raw] = (await t.dataSource.query(
        'SELECT contact_phone AS phone FROM organisations WHERE id = ?',
        [res.body.id],
      )) as { phone: string }[];
      expect(raw?.phone).not.toContain('13700001111');

      const auditor = await as('auditor@example.com');
      const trail = await auditor.get<Page<AuditEntryView>>(
        `${ApiRoutes.auditLog}?action=company.contact_updated`,
      );
      expect(trail.body.items).toHaveLength(1);
      expect(trail.body.items[0]).toMatchObject({
        userEmail: 'shengze@example.com',
        objectId: res.body.id,
      });
      expect(JSON.stringify(trail.body.items[0])).not.toContain('13700001111');

      const reviewer = await as('reviewer.jiashan@example.com');
      expect(
        (
          await reviewer.put(ApiRoutes.myCompanyContact, {
            contactName: 'x',
            contactPhone: '13700001111',
            contactEmail: 'x@example.org',
          })
        ).status,
      ).toBe(403);
    });

    it('lets the auditor read the trail, including the denials above, and nobody else', async () => {
      const auditor = await as('auditor@example.com');
      const res = await auditor.get<Page<AuditEntryView>>(
        `${ApiRoutes.auditLog}?action=permission.denied`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items[0]).toMatchObject({
        action: 'permission.denied',
        result: 'denied',
      });
      const verified = await auditor.get<Page<AuditEntryView>>(
        `${ApiRoutes.auditLog}?action=company.verified`,
      );
      expect(verified.body.items[0]).toMatchObject({
        userEmail: 'reviewer.jiashan@example.com',
        objectId: xiaozhong.id,
      });
      const sysadmin = await as('sysadmin@example.com');
      expect((await sysadmin.get(ApiRoutes.auditLog)).status).toBe(403);
    });

    it('shows the mail outbox to the system admin only', async () => {
      const sysadmin = await as('sysadmin@example.com');
      const outbox = await sysadmin.get<{ to: string; subject: string }[]>(
        ApiRoutes.mailOutbox,
      );
      expect(outbox.status).toBe(200);
      expect(outbox.body.map((m) => m.to)).toContain('new.member@example.org');
      expect(outbox.body[0]?.subject).toContain('Invitation');
      expect(
        (await (await as('antai@example.com')).get(ApiRoutes.mailOutbox))
          .status,
      ).toBe(403);
    });

    it('opens the queue dashboard for system admins only', async () => {
      expect((await t.client().get(ApiRoutes.queueDashboard)).status).toBe(401);
      expect(
        (
          await (
            await as('reviewer.jiashan@example.com')
          ).get(ApiRoutes.queueDashboard)
        ).status,
      ).toBe(403);
      const page = await (
        await as('sysadmin@example.com')
      ).get<string>(ApiRoutes.queueDashboard);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<html');
      const queues = await (
        await as('sysadmin@example.com')
      ).get<{ queues: { name: string }[] }>(
        `${ApiRoutes.queueDashboard}/api/queues`,
      );
      expect(queues.body.queues.map((q) => q.name)).toEqual(
        expect.arrayContaining(['notifications', 'workflow']),
      );
    });

    it('answers liveness without the database and sends the security headers', async () => {
      const live = await t.client().get(ApiRoutes.healthLive);
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      expect(live.headers['x-content-type-options']).toBe('nosniff');
      expect(live.headers['x-frame-options']).toBe('SAMEORIGIN');
      const policy = String(live.headers['content-security-policy']);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      // A material's preview is shown from a local copy the page made: blob: pictures and frames.
      expect(policy).toContain("img-src 'self' data: blob:");
      expect(policy).toContain("frame-src 'self' blob:");
      expect(live.headers['strict-transport-security']).toBeUndefined();
    });

    it('reports health and serves the OpenAPI document', async () => {
      const health = await t.client().get(ApiRoutes.health);
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'ok',
        database: 'up',
        redis: 'up',
      });
      const docs = await t.client().get<{
        openapi: string;
        paths: Record<string, unknown>;
      }>(ApiRoutes.docsJson);
      expect(docs.status).toBe(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/auth/register',
          '/api/companies/{id}/verify',
        ]),
      );
    });
  },
);

/** The .eml file the mail job wrote for `to`, waiting for the queue to process it. */
async function waitForNotices(
  client: TestClient,
  kind: NoticeView['kind'],
): Promise<NoticeView[]> {
  for (let i = 0; i < 100; i++) {
    const page = await client.get<NoticePage>(ApiRoutes.myNotices);
    const found = page.body.items.filter((n) => n.kind === kind);
    if (found.length) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No ${kind} notice within 10 s`);
}

async function waitForMail(dir: string, to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const files = (() => {
      try {
        return readdirSync(dir);
      } catch {
        return [] as string[];
      }
    })();
    for (const file of files) {
      const content = readFileSync(join(dir, file), 'utf8');
      if (content.includes(`To: ${to}`)) return plainText(content);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail to ${to} within 10 s`);
}
