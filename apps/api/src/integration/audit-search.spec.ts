import { AuditService } from '@portal/api-access';
import { AuditLogEntity, DEMO_PASSWORD } from '@portal/api-db';
import { DIALECTS, TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type AuditEntryView,
  type ErrorBody,
  type Page,
} from '@portal/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';

describe.each(DIALECTS)(
  'the auditor searches and exports the log on %s',
  (dialect) => {
    let t: TestApp;
    let auditor: TestClient;
    const search = async (params: Record<string, string>) => {
      const res = await auditor.get<Page<AuditEntryView>>(
        `${ApiRoutes.auditLog}?${new URLSearchParams(params)}`,
      );
      expect(res.status).toBe(200);
      return res.body;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const audit = t.app.get(AuditService);
      await audit.record({
        action: 'staff.deactivated',
        result: 'success',
        userEmail: 'admin.jiashan@example.com',
        objectType: 'user',
        objectId: 'u-42',
        detail: { reason: 'left, "for good"\n=HYPERLINK("x")' },
      });
      await audit.record({
        action: 'permission.denied',
        result: 'denied',
        userEmail: 'antai@example.com',
        objectType: 'application',
        objectId: 'app-7',
      });
      await audit.record({
        action: 'permission.denied',
        result: 'denied',
        objectType: 'application',
        objectId: '=1+2',
      });
      auditor = t.client();
      expect(
        (await auditor.login('auditor@example.com', DEMO_PASSWORD)).status,
      ).toBe(200);
    });
    afterAll(() => t.close());

    it('finds an action by its words in either language, not only by code', async () => {
      for (const words of ['停用账号', 'deactivated']) {
        const page = await search({ q: words });
        expect(page.items.map((e) => e.objectId)).toContain('u-42');
        expect(
          page.items.every(
            (e) =>
              e.action === 'staff.deactivated' ||
              JSON.stringify(e).includes(words),
          ),
        ).toBe(true);
      }
    });

    it('filters by actor, action, object, result and date range', async () => {
      expect(
        (await search({ actor: 'antai@' })).items.map((e) => e.objectId),
      ).toContain('app-7');
      expect(
        (await search({ actor: 'antai@' })).items.every(
          (e) => e.userEmail === 'antai@example.com',
        ),
      ).toBe(true);
      expect(
        (await search({ objectType: 'user', objectId: 'u-42' })).items,
      ).toHaveLength(1);
      expect(
        (
          await search({
            result: 'denied',
            action: 'permission.denied',
            actor: 'antai',
          })
        ).items.map((e) => e.objectId),
      ).toEqual(['app-7']);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const past = new Date(Date.now() - 3_600_000).toISOString();
      expect((await search({ from: future })).items).toEqual([]);
      expect(
        (await search({ from: past, to: future, objectId: 'u-42' })).items,
      ).toHaveLength(1);
      expect((await search({ to: past })).items).toEqual([]);
    });

    it('pages by keyset without gaps or repeats', async () => {
      const total = await t.dataSource.getRepository(AuditLogEntity).count();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<AuditEntryView> = await search({
          limit: '7',
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(total);
    });

    it('refuses a bad date or result with a message, and anyone but the auditor', async () => {
      const bad = await auditor.get<ErrorBody>(
        `${ApiRoutes.auditLog}?from=yesterday`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.fields?.[0]?.field).toBe('from');
      expect(
        (await auditor.get(`${ApiRoutes.auditLog}?result=maybe`)).status,
      ).toBe(400);
      const sysadmin = t.client();
      await sysadmin.login('sysadmin@example.com', DEMO_PASSWORD);
      expect((await sysadmin.get(ApiRoutes.auditLog)).status).toBe(403);
      expect((await sysadmin.get(ApiRoutes.auditLogCsv)).status).toBe(403);
    });

    it('exports the filtered log as CSV, escaped and formula-safe, and audits the export', async () => {
      const res = await auditor.get<string>(
        `${ApiRoutes.auditLogCsv}?objectId=u-42&lang=en`,
      );
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/csv');
      expect(String(res.headers['content-disposition'])).toMatch(
        /attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const text = res.body;
      expect(
        text.startsWith('\uFEFFID,Time (UTC),Actor,IP,Action,Action code,'),
      ).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines).toHaveLength(3); // header, the row, the final empty string
      expect(lines[1]).toContain(
        ',Account deactivated,staff.deactivated,user,u-42,success,',
      );
      // The detail holds a comma, quotes and a line break: quoted, quotes doubled.
      expect(lines[1]).toContain(
        '"{""reason"":""left, \\""for good\\""\\n=HYPERLINK(\\""x\\"")""}"',
      );
      const zh = await auditor.get<string>(
        `${ApiRoutes.auditLogCsv}?action=permission.denied`,
      );
      expect(zh.body).toContain('越权访问被拒绝');
      expect(zh.body.split('\r\n')[0]).toContain('操作人');
      const formula = await auditor.get<string>(
        `${ApiRoutes.auditLogCsv}?objectId=${encodeURIComponent('=1+2')}`,
      );
      expect(formula.body.split('\r\n')[1]).toContain(
        ",application,'=1+2,denied,",
      );
      const exported = await search({ action: 'audit.exported' });
      expect(exported.items.map((e) => [e.userEmail, e.detail])).toEqual([
        ['auditor@example.com', { filter: { objectId: '=1+2' } }],
        ['auditor@example.com', { filter: { action: 'permission.denied' } }],
        ['auditor@example.com', { filter: { objectId: 'u-42' } }],
      ]);
    });
  },
);
