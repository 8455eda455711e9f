import { readFileSync } from 'node:fs';
import type { Pool } from 'mysql2/promise';

/** Statements the database served per request, over 100 requests one after another. */
export async function statementsPerRequest(
  pool: Pool,
  url: string,
  headers: Record<string, string>,
): Promise<number> {
  const questions = async () => {
    const [rows] = (await pool.query(
      "SHOW GLOBAL STATUS LIKE 'Questions'",
    )) as unknown as [{ Value: string }[]];
    return Number(rows[0]?.Value ?? 0);
  };
  const before = await questions();
  for (let i = 0; i < 100; i++) await fetch(url, { headers });
  const after = await questions();
  // One SHOW of ours is counted in the difference.
  return Math.round(((after - before - 1) / 100) * 10) / 10;
}

/** Resident memory of a process in MB (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    )?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}
