import type { TestClient } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
  type AttachmentView,
  type ErrorBody,
} from '@portal/contracts';
import { APPLICATION_FORMS, type ApplicationType } from '@portal/domain';
import { FIGURES, FORMS, MINIMAL_PDF } from '@portal/api-testing';

export { FIGURES, FORMS };
const PDF = MINIMAL_PDF;

/** The company's figures for the three years before the demo's filing year, as the rules read them. */
export async function fileYearlyFigures(client: TestClient): Promise<void> {
  for (const year of [2023, 2024, 2025])
    expect(
      (await client.put(ApiRoutes.myCompanyFiguresYear(year), FIGURES)).status,
    ).toBe(200);
}

/** A draft with its form saved and every required material uploaded. */
export async function readyDraft(
  client: TestClient,
  type: ApplicationType,
  callId: string,
): Promise<ApplicationDetail> {
  const created = await client.post<ApplicationDetail>(ApiRoutes.applications, {
    callId,
  });
  expect(created.status).toBe(201);
  const saved = await client.patch<ActionResult>(
    ApiRoutes.applicationForm(created.body.id),
    {
      version: created.body.version,
      form: FORMS[type],
    },
  );
  expect(saved.status).toBe(200);
  for (const material of APPLICATION_FORMS[type].materials.filter(
    (m) => m.required && (m.phase ?? 'application') === 'application',
  )) {
    const uploaded = await client.upload<AttachmentView>(
      ApiRoutes.applicationMaterials(created.body.id),
      { materialKey: material.key },
      { name: `${material.key}.pdf`, content: PDF },
    );
    expect(uploaded.status).toBe(201);
  }
  return (
    await client.get<ApplicationDetail>(ApiRoutes.application(created.body.id))
  ).body;
}

/** Fires an action at the version the client currently sees. */
export async function act(
  client: TestClient,
  id: string,
  action: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const current = await client.get<ApplicationDetail>(
    ApiRoutes.application(id),
  );
  return client.post<ActionResult & ErrorBody>(
    ApiRoutes.applicationActions(id),
    { action, version: current.body.version, ...extra },
    { headers },
  );
}

/** Waits until Bull has moved the case to `state`. */
export async function expectState(
  client: TestClient,
  id: string,
  state: string,
): Promise<ApplicationDetail> {
  for (let i = 0; i < 100; i++) {
    const detail = await client.get<ApplicationDetail>(
      ApiRoutes.application(id),
    );
    if (detail.body.status.state === state) return detail.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  const last = await client.get<ApplicationDetail>(ApiRoutes.application(id));
  throw new Error(`Expected ${state}, still ${last.body.status.state}`);
}
