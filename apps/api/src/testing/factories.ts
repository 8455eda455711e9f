import { randomUUID } from 'node:crypto';
import { CallEntity, GrantEntity } from '@portal/api-db';
import type { ApplicationType } from '@portal/domain';
import type { DataSource } from 'typeorm';
import { techSmeValidUntil } from '@portal/domain';

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

/**
 * A valid tech-SME registration on record for the company of `email` (a loan's precondition),
 * as the registration effect writes it. A fixture for the loan tests; tech-sme.spec walks the
 * real one through the API and the loan after it.
 */
export async function insertTechSmeRegistration(
  dataSource: DataSource,
  email: string,
): Promise<void> {
  const [membership]: { organisationId: string }[] = await dataSource.query(
    'SELECT m.organisation_id AS organisationId FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?',
    [email],
  );
  if (!membership) throw new Error(`${email} belongs to no organisation`);
  const year = new Date().getFullYear();
  await dataSource.getRepository(GrantEntity).insert({
    id: randomUUID(),
    series: 'tech_sme_registration',
    number: `${year}330421${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    organisationId: membership.organisationId,
    applicationId: randomUUID(),
    issuedOn: `${year}-01-02`,
    validUntil: techSmeValidUntil(year),
  });
}
