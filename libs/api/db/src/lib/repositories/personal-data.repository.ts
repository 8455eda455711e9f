import type { PersonalDataCipher } from '@portal/api-core';
import type { EntityManager } from 'typeorm';

/** Every column of personal data sealed at rest (see personalDataColumn). */
const SEALED_COLUMNS = [
  { table: 'organisations', column: 'contact_phone' },
  { table: 'users', column: 'phone' },
] as const;

const BATCH = 500;

// '!' escapes in LIKE: a backslash would need escaping itself in MySQL's string literals.
const likeLiteral = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * Sealing what is not sealed by the current key: values written before encryption, and values
 * under an older key after a rotation. Each row is rewritten only if it still holds what was
 * read, so a user saving their number meanwhile keeps theirs.
 */
export const PersonalDataRepository = {
  /** Returns how many values were sealed again; throws if one was sealed by a key not held. */
  async resealAll(
    em: EntityManager,
    cipher: PersonalDataCipher,
  ): Promise<number> {
    let resealed = 0;
    const current = `${likeLiteral(cipher.currentPrefix)}%`;
    for (const { table, column } of SEALED_COLUMNS) {
      let after = '';
      for (;;) {
        const rows: { id: string; value: string }[] = await em.query(
          `SELECT id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL AND ${column} NOT LIKE ? ESCAPE '!' AND id > ? ORDER BY id LIMIT ${BATCH}`,
          [current, after],
        );
        for (const row of rows) {
          await em.query(
            `UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${column} = ?`,
            [cipher.seal(cipher.open(row.value)), row.id, row.value],
          );
        }
        resealed += rows.length;
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1]?.id as string;
      }
    }
    return resealed;
  },
};
