import { DEMO_PASSWORD } from '@portal/api-db';
import { FORMS, MINIMAL_PDF } from '@portal/api-testing';
import {
  ApiRoutes,
  type ActionResult,
  type ApplicationDetail,
} from '@portal/contracts';
import { APPLICATION_FORMS, type ApplicationType } from '@portal/domain';
import type { Pool } from 'mysql2/promise';
import { companyAdminEmail } from './dataset';
import { sessionHeaders } from './session';

/** A logged-in company administrator of the data set. */
export interface CompanySession {
  readonly email: string;
  readonly headers: Record<string, string>;
}

/** A draft with its form and every required material, ready to be submitted. */
export interface ReadyDraft {
  readonly id: string;
  readonly version: number;
  readonly company: CompanySession;
}

/** Logs in the administrators of the first `count` companies of the data set, 4 at a time. */
export async function companySessions(
  base: string,
  count: number,
): Promise<CompanySession[]> {
  const sessions: CompanySession[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const email = companyAdminEmail(next++);
        sessions.push({
          email,
          headers: await sessionHeaders(base, email, DEMO_PASSWORD),
        });
      }
    }),
  );
  return sessions;
}

/**
 * `count` ready drafts of `type` over HTTP, as a company files them (create, save the form, upload
 * each required material), spread over the companies in turn, `concurrency` at a time.
 */
export async function readyDrafts(
  base: string,
  pool: Pool,
  companies: readonly CompanySession[],
  type: ApplicationType,
  count: number,
  progress: (line: string) => void = () => undefined,
  concurrency = 16,
): Promise<ReadyDraft[]> {
  const [calls] = (await pool.query(
    "SELECT id FROM calls WHERE type = ? AND title LIKE '%(bench)' LIMIT 1",
    [type],
  )) as unknown as [{ id: string }[]];
  const callId = calls[0]?.id;
  if (!callId) throw new Error(`The data set has no ${type} call`);
  const form = FORMS[type];
  if (!form) throw new Error(`No complete form for ${type}`);
  const materials = APPLICATION_FORMS[type].materials.filter(
    (m) => m.required && (m.phase ?? 'application') === 'application',
  );
  const drafts: ReadyDraft[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const company = companies[next++ % companies.length] as CompanySession;
        const created = await send<ApplicationDetail>(
          base + ApiRoutes.applications,
          company.headers,
          { callId },
        );
        const saved = await send<ActionResult>(
          base + ApiRoutes.applicationForm(created.id),
          company.headers,
          { version: created.version, form },
          'PATCH',
        );
        for (const material of materials)
          await upload(
            base + ApiRoutes.applicationMaterials(created.id),
            company.headers,
            material.key,
          );
        drafts.push({ id: created.id, version: saved.version, company });
        if (drafts.length % 1000 === 0)
          progress(`${type} drafts ${drafts.length}/${count}`);
      }
    }),
  );
  return drafts;
}

/** Fires the draft's submission; resolves with the HTTP status. */
export async function submit(base: string, draft: ReadyDraft): Promise<number> {
  const response = await fetch(base + ApiRoutes.applicationActions(draft.id), {
    method: 'POST',
    headers: { ...draft.company.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'submit', version: draft.version }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function send<T>(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  method = 'POST',
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(
      `${method} ${url}: ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as T;
}

async function upload(
  url: string,
  headers: Record<string, string>,
  materialKey: string,
): Promise<void> {
  const body = new FormData();
  body.append('materialKey', materialKey);
  body.append(
    'file',
    new Blob([MINIMAL_PDF], { type: 'application/pdf' }),
    `${materialKey}.pdf`,
  );
  const response = await fetch(url, { method: 'POST', headers, body });
  if (!response.ok)
    throw new Error(`upload ${materialKey}: ${response.status}`);
  await response.arrayBuffer();
}
