import { DEMO_PASSWORD } from '@portal/api-db';
import { DIALECTS, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type AuditEntryView,
  type ErrorBody,
  type LoginResponse,
  type MemberView,
  type Page,
} from '@portal/contracts';
import { nextMailTo } from '../testing/mail';
import { startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'Member-Password-42';

describe.each(DIALECTS)("a company's members on %s", (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = t.client();
    await admin.login('antai@example.com', DEMO_PASSWORD);
    const members = await admin.get<MemberView[]>(ApiRoutes.myCompanyMembers);
    adminId = members.body.find((m) => m.email === 'antai@example.com')
      ?.userId as string;
  });
  afterAll(() => t.close());

  /** Invites `email` to 安泰 with `role` and joins through the mail's link; the member, signed in. */
  async function join(
    email: string,
    role: 'enterprise_admin' | 'enterprise_member',
  ): Promise<{ client: TestClient; userId: string }> {
    expect(
      (await admin.post(ApiRoutes.myCompanyInvitations, { email, role }))
        .status,
    ).toBe(201);
    const mail = await nextMailTo(t.config.mailDir, email);
    const token = /invitation#token=([A-Za-z0-9._-]+)/.exec(mail.text)?.[1];
    const client = t.client();
    const joined = await client.post<LoginResponse>(
      ApiRoutes.invitationAccept,
      { token, name: email.split('@')[0], password: PASSWORD },
    );
    expect(joined.body.status).toBe('authenticated');
    const members = await admin.get<MemberView[]>(ApiRoutes.myCompanyMembers);
    const userId = members.body.find((m) => m.email === email)?.userId;
    expect(userId).toBeDefined();
    return { client, userId: userId as string };
  }

  const roleOf = async (userId: string) =>
    (await admin.get<MemberView[]>(ApiRoutes.myCompanyMembers)).body.find(
      (m) => m.userId === userId,
    )?.role;

  it('lets the admin change a role and remove a member, whose sessions end at once, audited', async () => {
    const member = await join(`m1.${dialect}@example.org`, 'enterprise_member');
    const promoted = await admin.put<MemberView[]>(
      ApiRoutes.myCompanyMemberRole(member.userId),
      { role: 'enterprise_admin' },
    );
    expect(promoted.status).toBe(200);
    expect(promoted.body.find((m) => m.userId === member.userId)?.role).toBe(
      'enterprise_admin',
    );
    // The new role counts at the member's next request: they may now invite.
    expect(
      (
        await member.client.post(ApiRoutes.myCompanyInvitations, {
          email: `by.m1.${dialect}@example.org`,
          role: 'enterprise_member',
        })
      ).status,
    ).toBe(201);
    await admin.put(ApiRoutes.myCompanyMemberRole(member.userId), {
      role: 'enterprise_member',
    });
    expect(await roleOf(member.userId)).toBe('enterprise_member');

    const removed = await admin.delete<MemberView[]>(
      ApiRoutes.myCompanyMember(member.userId),
    );
    expect(removed.status).toBe(200);
    expect(removed.body.map((m) => m.userId)).not.toContain(member.userId);
    const after = await member.client.get<ErrorBody>(ApiRoutes.myCompany);
    expect(after.status).toBe(401);

    const auditor = t.client();
    await auditor.login('auditor@example.com', DEMO_PASSWORD);
    for (const action of [
      'company.member_role_changed',
      'company.member_removed',
    ]) {
      const trail = await auditor.get<Page<AuditEntryView>>(
        `${ApiRoutes.auditLog}?action=${action}`,
      );
      expect(
        trail.body.items.some(
          (e) =>
            e.objectId === member.userId &&
            e.userEmail === 'antai@example.com' &&
            e.detail?.['email'] === `m1.${dialect}@example.org`,
        ),
      ).toBe(true);
    }
  });

  it('never leaves the company without an administrator', async () => {
    const self = await admin.put<ErrorBody>(
      ApiRoutes.myCompanyMemberRole(adminId),
      { role: 'enterprise_member' },
    );
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('LAST_ADMIN');
    expect(self.body.message).toMatch(/at least one administrator/);
    const leave = await admin.delete<ErrorBody>(
      ApiRoutes.myCompanyMember(adminId),
    );
    expect(leave.body.code).toBe('LAST_ADMIN');
    expect(await roleOf(adminId)).toBe('enterprise_admin');

    // With a second administrator, the first may step down; then the second is the last one.
    const second = await join(`a2.${dialect}@example.org`, 'enterprise_admin');
    const stepDown = await second.client.put<MemberView[]>(
      ApiRoutes.myCompanyMemberRole(adminId),
      { role: 'enterprise_member' },
    );
    expect(stepDown.status).toBe(200);
    const lastOne = await second.client.delete<ErrorBody>(
      ApiRoutes.myCompanyMember(second.userId),
    );
    expect(lastOne.body.code).toBe('LAST_ADMIN');
    // A member may not manage members at all.
    expect(
      (
        await admin.put(ApiRoutes.myCompanyMemberRole(second.userId), {
          role: 'enterprise_member',
        })
      ).status,
    ).toBe(403);
    // Put things back for the other specs' sake.
    await second.client.put(ApiRoutes.myCompanyMemberRole(adminId), {
      role: 'enterprise_admin',
    });
    expect(await roleOf(adminId)).toBe('enterprise_admin');
  });

  it("refuses another company's member, an unknown role and a malformed id", async () => {
    const other = t.client();
    await other.login('lihua@example.com', DEMO_PASSWORD);
    const theirs = await other.get<MemberView[]>(ApiRoutes.myCompanyMembers);
    const theirAdmin = theirs.body[0]?.userId as string;
    const remove = await admin.delete<ErrorBody>(
      ApiRoutes.myCompanyMember(theirAdmin),
    );
    expect(remove.status).toBe(404);
    const promote = await admin.put<ErrorBody>(
      ApiRoutes.myCompanyMemberRole(theirAdmin),
      { role: 'enterprise_member' },
    );
    expect(promote.status).toBe(404);
    expect(
      (await other.get<MemberView[]>(ApiRoutes.myCompanyMembers)).body,
    ).toEqual(theirs.body);

    const badRole = await admin.put<ErrorBody>(
      ApiRoutes.myCompanyMemberRole(adminId),
      { role: 'system_admin' },
    );
    expect(badRole.status).toBe(400);
    expect(badRole.body.fields?.[0]?.code).toBe('role.invalid');
    expect(
      (await admin.delete<ErrorBody>(ApiRoutes.myCompanyMember('nope'))).status,
    ).toBe(400);
  });
});
