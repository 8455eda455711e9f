import type { EntityManager } from 'typeorm';
import { ApplicationEventEntity } from '../entities/application-event.entity';
import { AttachmentEntity } from '../entities/attachment.entity';
import { hydrateRow } from '../rows';

/**
 * What belongs to a case besides its row, written out: the detail reads these on every page
 * view, and the query builder cost more CPU than the database spent on them.
 */
export const ApplicationEventsRepository = {
  /** The case's chain of events, oldest first. */
  async ofCase(
    em: EntityManager,
    applicationId: string,
  ): Promise<ApplicationEventEntity[]> {
    const rows: Record<string, unknown>[] = await em.query(
      'SELECT * FROM application_events WHERE application_id = ? ORDER BY seq ASC',
      [applicationId],
    );
    return rows.map((row) =>
      hydrateRow(em.connection, ApplicationEventEntity, row),
    );
  },

  /**
   * How many cases of a call in a region (a county, city or province code, by its level) have
   * had `action` fired by `party`, not counting `exceptId`: a call's quota in use.
   */
  async casesActedOnInCall(
    em: EntityManager,
    query: {
      readonly callId: string;
      readonly regionLevel: 'county' | 'city' | 'province';
      readonly regionCode: string;
      readonly action: string;
      readonly party: string;
      readonly exceptId: string;
    },
  ): Promise<number> {
    const [{ used }] = (await em.query(
      `SELECT COUNT(DISTINCT e.application_id) AS used FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.call_id = ? AND a.${query.regionLevel}_code = ? AND e.action = ? AND e.party = ? AND a.id <> ?`,
      [
        query.callId,
        query.regionCode,
        query.action,
        query.party,
        query.exceptId,
      ],
    )) as [{ used: number | string }];
    return Number(used);
  },
};

export const AttachmentsRepository = {
  /** The case's uploaded files, in upload order. */
  async ofCase(
    em: EntityManager,
    applicationId: string,
  ): Promise<AttachmentEntity[]> {
    const rows: Record<string, unknown>[] = await em.query(
      'SELECT * FROM attachments WHERE application_id = ? ORDER BY uploaded_at ASC',
      [applicationId],
    );
    return rows.map((row) => hydrateRow(em.connection, AttachmentEntity, row));
  },

  /** The material keys uploaded for the case (the automated check's completeness). */
  async materialKeys(
    em: EntityManager,
    applicationId: string,
  ): Promise<string[]> {
    const rows: Pick<AttachmentEntity, 'materialKey'>[] = await em.query(
      'SELECT material_key AS materialKey FROM attachments WHERE application_id = ?',
      [applicationId],
    );
    return rows.map((row) => row.materialKey);
  },
};
