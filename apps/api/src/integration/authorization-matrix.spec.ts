import { DEMO_PASSWORD } from '@portal/api-db';
import type { TestClient, TestResponse } from '@portal/api-testing';
import {
  ApiRoutes,
  type ApplicationDetail,
  type AttachmentView,
} from '@portal/contracts';
import { insertCall, MINIMAL_PDF } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

const FORM = {
  serviceCategory: 'testing',
  serviceDescription: '检测',
  plannedCostYuan: 100_000,
};
const PDF = MINIMAL_PDF;

/** Everyone the demo knows, by what they are to a Jiashan (330421) company's application. */
const ACTORS = {
  owner: 'antai@example.com',
  sameCountyCompany: 'shengze@example.com',
  otherCountyCompany: 'seed@example.com',
  countyReviewer: 'reviewer.jiashan@example.com',
  otherCountyReviewer: 'reviewer.haiyan@example.com',
  cityReviewer: 'reviewer.jiaxing@example.com',
  provinceReviewer: 'reviewer.zhejiang@example.com',
  bank: 'bank@example.com',
  provider: 'provider@example.com',
  expert: 'expert1@example.com',
  countyAdmin: 'admin.jiashan@example.com',
  auditor: 'auditor@example.com',
  systemAdmin: 'sysadmin@example.com',
} as const;
type ActorKey = keyof typeof ACTORS;

interface Context {
  readonly applicationId: string;
  readonly attachmentId: string;
  version(): Promise<number>;
}

interface Route {
  readonly name: string;
  readonly call: (client: TestClient, ctx: Context) => Promise<TestResponse>;
  /** The status each actor gets; the owner's success runs last, after every refusal. */
  readonly expect: Record<ActorKey, number>;
}

const READERS_IN_REGION = {
  countyReviewer: 200,
  cityReviewer: 200,
  provinceReviewer: 200,
  countyAdmin: 200,
};
const STRANGERS = {
  sameCountyCompany: 404,
  otherCountyCompany: 404,
  otherCountyReviewer: 404,
  bank: 404,
  provider: 404,
  expert: 404,
};
const NO_PERMISSION = { auditor: 403, systemAdmin: 403 };
/** The auditor reads every case of their region (each read audited) and changes none. */
const AUDITED_READ = { auditor: 200, systemAdmin: 403 };

/**
 * Every application route against every kind of user: another company's or another region's
 * case is the same 404 as a missing one; the wrong role or stage is 403; only the right party
 * gets through. Requests that would change the case use a stale-free version, so a refusal is a
 * refusal of access, not of the version.
 */
const ROUTES: Route[] = [
  {
    name: 'read the detail',
    call: (c, x) => c.get(ApiRoutes.application(x.applicationId)),
    expect: {
      owner: 200,
      ...READERS_IN_REGION,
      ...STRANGERS,
      ...AUDITED_READ,
    },
  },
  {
    name: 'download a material',
    call: (c, x) =>
      c.get(ApiRoutes.applicationMaterial(x.applicationId, x.attachmentId)),
    expect: {
      owner: 200,
      ...READERS_IN_REGION,
      ...STRANGERS,
      ...AUDITED_READ,
    },
  },
  {
    name: "read the company's voucher ledger",
    call: (c, x) => c.get(ApiRoutes.applicationVoucherLedger(x.applicationId)),
    expect: {
      owner: 200,
      ...READERS_IN_REGION,
      ...STRANGERS,
      ...AUDITED_READ,
    },
  },
  {
    name: 'autosave the form',
    call: async (c, x) =>
      c.patch(ApiRoutes.applicationForm(x.applicationId), {
        version: await x.version(),
        form: FORM,
      }),
    expect: {
      owner: 200,
      sameCountyCompany: 404,
      otherCountyCompany: 404,
      countyReviewer: 403,
      otherCountyReviewer: 403,
      cityReviewer: 403,
      provinceReviewer: 403,
      bank: 403,
      provider: 403,
      expert: 403,
      countyAdmin: 403,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'upload a material',
    call: (c, x) =>
      c.upload(
        ApiRoutes.applicationMaterials(x.applicationId),
        { materialKey: 'service_plan' },
        { name: 'plan.pdf', content: PDF },
      ),
    expect: {
      owner: 201,
      sameCountyCompany: 404,
      otherCountyCompany: 404,
      countyReviewer: 403,
      otherCountyReviewer: 403,
      cityReviewer: 403,
      provinceReviewer: 403,
      bank: 403,
      provider: 403,
      expert: 403,
      countyAdmin: 403,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'fire an action',
    call: async (c, x) =>
      c.post(ApiRoutes.applicationActions(x.applicationId), {
        action: 'submit',
        version: await x.version(),
      }),
    expect: {
      owner: 200,
      sameCountyCompany: 404,
      otherCountyCompany: 404,
      countyReviewer: 403,
      otherCountyReviewer: 404,
      cityReviewer: 403,
      provinceReviewer: 403,
      bank: 404,
      provider: 404,
      expert: 404,
      countyAdmin: 403,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'see the expert panel',
    call: (c, x) => c.get(ApiRoutes.applicationExperts(x.applicationId)),
    expect: {
      owner: 403,
      countyReviewer: 403,
      cityReviewer: 403,
      provinceReviewer: 200,
      countyAdmin: 403,
      ...STRANGERS,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'draw experts',
    call: (c, x) => c.post(ApiRoutes.applicationExpertDraw(x.applicationId)),
    expect: {
      owner: 403,
      countyReviewer: 403,
      cityReviewer: 403,
      // Not at provincial review: the province may not draw yet either.
      provinceReviewer: 403,
      countyAdmin: 403,
      ...STRANGERS,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'score as an expert',
    call: (c, x) =>
      c.put(ApiRoutes.applicationScore(x.applicationId), {
        score: {
          ip: 20,
          transformation: 20,
          rd_management: 15,
          growth: 15,
          standard_bonus: 0,
        },
        opinion: '评审意见：材料完整，技术先进。',
      }),
    expect: {
      owner: 403,
      countyReviewer: 403,
      cityReviewer: 403,
      provinceReviewer: 403,
      countyAdmin: 403,
      ...STRANGERS,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'work the inbox',
    call: (c) => c.get(ApiRoutes.inbox),
    expect: {
      owner: 403,
      sameCountyCompany: 403,
      otherCountyCompany: 403,
      countyReviewer: 200,
      otherCountyReviewer: 200,
      cityReviewer: 200,
      provinceReviewer: 200,
      bank: 200,
      provider: 200,
      expert: 200,
      countyAdmin: 403,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'open a call',
    call: (c) =>
      c.post(ApiRoutes.calls, {
        type: 'innovation_voucher',
        title: '2027年创新券',
        regionCode: '330421',
        opensAt: '2027-01-01T00:00:00+08:00',
        closesAt: '2027-06-30T17:00:00+08:00',
      }),
    expect: {
      owner: 403,
      sameCountyCompany: 403,
      otherCountyCompany: 403,
      countyReviewer: 403,
      otherCountyReviewer: 403,
      cityReviewer: 403,
      provinceReviewer: 403,
      bank: 403,
      provider: 403,
      expert: 403,
      countyAdmin: 201,
      ...NO_PERMISSION,
    },
  },
  {
    name: 'verify the event chains',
    call: (c) => c.get(ApiRoutes.eventChain),
    expect: {
      owner: 403,
      sameCountyCompany: 403,
      otherCountyCompany: 403,
      countyReviewer: 403,
      otherCountyReviewer: 403,
      cityReviewer: 403,
      provinceReviewer: 403,
      bank: 403,
      provider: 403,
      expert: 403,
      countyAdmin: 403,
      auditor: 200,
      systemAdmin: 403,
    },
  },
  {
    // A public notice is public: everyone reads it (anonymous readers: public-notices.spec.ts).
    name: 'read the public notices',
    call: (c) => c.get(ApiRoutes.publicNotices),
    expect: {
      owner: 200,
      sameCountyCompany: 200,
      otherCountyCompany: 200,
      countyReviewer: 200,
      otherCountyReviewer: 200,
      cityReviewer: 200,
      provinceReviewer: 200,
      bank: 200,
      provider: 200,
      expert: 200,
      countyAdmin: 200,
      auditor: 200,
      systemAdmin: 200,
    },
  },
];

describe('the authorization matrix: every application route × role × company × region', () => {
  let t: TestApp;
  const clients = new Map<ActorKey, TestClient>();
  let ctx: Context;

  beforeAll(async () => {
    t = await startTestApp('mariadb');
    for (const [key, email] of Object.entries(ACTORS)) {
      const client = t.client();
      expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
      clients.set(key as ActorKey, client);
    }
    const callId = await insertCall(
      t.dataSource,
      'innovation_voucher',
      '330421',
      { daysOpen: 1 },
    );
    const owner = clients.get('owner') as TestClient;
    const draft = await owner.post<ApplicationDetail>(ApiRoutes.applications, {
      callId,
    });
    await owner.patch(ApiRoutes.applicationForm(draft.body.id), {
      version: draft.body.version,
      form: FORM,
    });
    const licence = await owner.upload<AttachmentView>(
      ApiRoutes.applicationMaterials(draft.body.id),
      { materialKey: 'business_licence' },
      { name: 'licence.pdf', content: PDF },
    );
    ctx = {
      applicationId: draft.body.id,
      attachmentId: licence.body.id,
      version: async () =>
        (
          await owner.get<ApplicationDetail>(
            ApiRoutes.application(draft.body.id),
          )
        ).body.version,
    };
  });
  afterAll(() => t.close());

  it.each(ROUTES.map((r) => [r.name, r] as const))(
    '%s',
    async (_name, route) => {
      const keys = (Object.keys(ACTORS) as ActorKey[]).sort((a, b) =>
        a === 'owner' ? 1 : b === 'owner' ? -1 : 0,
      );
      const got: Partial<Record<ActorKey, number>> = {};
      for (const key of keys)
        got[key] = (
          await route.call(clients.get(key) as TestClient, ctx)
        ).status;
      expect(got).toEqual(route.expect);
    },
  );

  it('audits the refusals', async () => {
    const [denied] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE result = 'denied' AND action IN ('application.access_denied', 'permission.denied')",
    );
    expect(Number(denied.n)).toBeGreaterThan(20);
  });
});
