import { DEMO_PASSWORD } from '@portal/api-db';
import { DIALECTS, type TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type CompanyYearFiguresView,
  type ErrorBody,
} from '@portal/contracts';
import type { HighTechSelfCheck } from '@portal/domain';
import { FORMS } from '@portal/api-testing';
import type { ApplicationDetail } from '@portal/contracts';
import { insertCall } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

const M = 1_000_000;
const figures = (overrides: Record<string, unknown> = {}) => ({
  totalRevenue: 40 * M,
  salesRevenue: 40 * M,
  highTechRevenue: 30 * M,
  rdExpense: 2.4 * M,
  rdExpenseDomestic: 2.4 * M,
  staff: 100,
  scienceTechStaff: 20,
  netAssets: 20 * M,
  totalAssets: 50 * M,
  totalCosts: 30 * M,
  ip: { classOne: 1, classTwo: 4 },
  ...overrides,
});

describe.each(DIALECTS)(
  'company yearly figures and the high-tech self-check on %s',
  (dialect) => {
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      admin = t.client();
      await admin.login('antai@example.com', DEMO_PASSWORD);
    });
    afterAll(() => t.close());

    it('prefills nothing of the self-check for a company without a tech-SME registration', async () => {
      const prefill = await admin.get(
        ApiRoutes.myCompanyHighTechSelfCheckPrefill,
      );
      expect(prefill.status).toBe(200);
      expect(prefill.body).toEqual({
        majorIncidentLastYear: null,
        registration: null,
      });
    });

    it('keeps one row per year: saving again replaces it', async () => {
      expect(
        (
          await admin.put<CompanyYearFiguresView>(
            ApiRoutes.myCompanyFiguresYear(2023),
            figures(),
          )
        ).status,
      ).toBe(200);
      const again = await admin.put<CompanyYearFiguresView>(
        ApiRoutes.myCompanyFiguresYear(2023),
        figures({ staff: 120 }),
      );
      expect(again.body).toMatchObject({
        year: 2023,
        staff: 120,
        totalRevenue: 40 * M,
      });
      const list = await admin.get<CompanyYearFiguresView[]>(
        ApiRoutes.myCompanyFigures,
      );
      expect(list.body.map((f) => [f.year, f.staff])).toEqual([[2023, 120]]);
    });

    it('refuses inconsistent or malformed figures with field messages, writing nothing', async () => {
      const res = await admin.put<ErrorBody>(
        ApiRoutes.myCompanyFiguresYear(2024),
        figures({
          rdExpenseDomestic: 3 * M,
          scienceTechStaff: 101,
          totalCosts: -1,
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.fields?.map((f) => f.field)).toEqual(['totalCosts']);
      const inconsistent = await admin.put<ErrorBody>(
        ApiRoutes.myCompanyFiguresYear(2024),
        figures({ rdExpenseDomestic: 3 * M, scienceTechStaff: 101 }),
      );
      expect(inconsistent.body.fields?.map((f) => f.code)).toEqual([
        'figures.exceeds_rd_expense',
        'figures.exceeds_staff',
      ]);
      const future = await admin.put<ErrorBody>(
        ApiRoutes.myCompanyFiguresYear(2999),
        figures(),
      );
      expect(future.body.fields?.[0]?.code).toBe('year.range');
      const list = await admin.get<CompanyYearFiguresView[]>(
        ApiRoutes.myCompanyFigures,
      );
      expect(list.body.map((f) => f.year)).toEqual([2023]);
    });

    it('runs the self-check on the three years before the application and explains every rule', async () => {
      await admin.put(ApiRoutes.myCompanyFiguresYear(2024), figures());
      await admin.put(ApiRoutes.myCompanyFiguresYear(2025), figures());
      const res = await admin.post<HighTechSelfCheck>(
        ApiRoutes.myCompanyHighTechSelfCheck,
        {
          registeredOn: '2019-05-10',
          field: 'biology_new_medicine',
          majorIncidentLastYear: false,
          applicationDate: '2026-06-01',
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.passed).toBe(true);
      expect(res.body.rules).toHaveLength(8);
      const early = await admin.post<HighTechSelfCheck>(
        ApiRoutes.myCompanyHighTechSelfCheck,
        {
          registeredOn: '2019-05-10',
          field: 'biology_new_medicine',
          majorIncidentLastYear: false,
          applicationDate: '2025-06-01',
        },
      );
      expect(early.body.passed).toBe(false);
      expect(
        early.body.rules.find((r) => r.rule === 'rd_intensity')?.explanation.en,
      ).toMatch(/missing/);
    });

    it('refuses a founding date after today in the self-check and in a high-tech form, saying so', async () => {
      const chinaToday = (days: number) =>
        new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
      const future = await admin.post<ErrorBody>(
        ApiRoutes.myCompanyHighTechSelfCheck,
        {
          registeredOn: chinaToday(1),
          field: null,
          majorIncidentLastYear: false,
        },
      );
      expect(future.status).toBe(400);
      expect(future.body.code).toBe('VALIDATION_FAILED');
      expect(future.body.fields).toEqual([
        expect.objectContaining({
          field: 'registeredOn',
          code: 'in_future',
          message: expect.stringMatching(/cannot be later than today/),
        }),
      ]);
      const today = await admin.post<HighTechSelfCheck>(
        ApiRoutes.myCompanyHighTechSelfCheck,
        {
          registeredOn: chinaToday(0),
          field: null,
          majorIncidentLastYear: false,
        },
      );
      expect(today.status).toBe(200);

      const callId = await insertCall(t.dataSource, 'high_tech', '330000');
      const draft = await admin.post<ApplicationDetail>(
        ApiRoutes.applications,
        { callId },
      );
      expect(draft.status).toBe(201);
      const saved = await admin.patch<ErrorBody>(
        ApiRoutes.applicationForm(draft.body.id),
        {
          version: draft.body.version,
          form: { ...FORMS.high_tech, registeredOn: chinaToday(30) },
        },
      );
      expect(saved.status).toBe(400);
      expect(saved.body.fields?.map((f) => [f.field, f.code])).toEqual([
        ['form.registeredOn', 'form.in_future'],
      ]);
      const kept = await admin.get<ApplicationDetail>(
        ApiRoutes.application(draft.body.id),
      );
      expect(kept.body.version).toBe(draft.body.version);
    });

    it("lets members read but not change figures, and never another company's", async () => {
      const other = t.client();
      await other.login('shengze@example.com', DEMO_PASSWORD);
      expect(
        (await other.get<CompanyYearFiguresView[]>(ApiRoutes.myCompanyFigures))
          .body,
      ).toEqual([]);
      const reviewer = t.client();
      await reviewer.login('reviewer.jiashan@example.com', DEMO_PASSWORD);
      expect(
        (await reviewer.put(ApiRoutes.myCompanyFiguresYear(2023), figures()))
          .status,
      ).toBe(403);
    });
  },
);
