import { randomUUID } from 'node:crypto';
import { CallEntity } from '@portal/api-db';
import type { ApplicationType } from '@portal/domain';
import type { DataSource } from 'typeorm';

/** The smallest file `file-type` recognises as a PDF: what tests upload as a material. */
export { MINIMAL_PDF } from '@portal/api-testing';

const DAY_MS = 86_400_000;

/** Inserts a call for a region, open from yesterday for `daysOpen` more days (negative: closed). */
export async function insertCall(
  dataSource: DataSource,
  type: ApplicationType,
  regionCode: string,
  { daysOpen = 30, title = `${type} call` } = {},
): Promise<string> {
  const now = Date.now();
  const id = randomUUID();
  await dataSource.getRepository(CallEntity).insert({
    id,
    type,
    title,
    regionCode,
    opensAt: new Date(now - (daysOpen > 0 ? 1 : 30) * DAY_MS),
    closesAt: new Date(now + daysOpen * DAY_MS),
    quotas: [],
    bureauId: randomUUID(),
    createdBy: randomUUID(),
    createdAt: new Date(),
  });
  return id;
}
