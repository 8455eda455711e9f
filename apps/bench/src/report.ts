import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import type { DatasetFacts } from './dataset';
import { ROOT } from './processes';

export interface Figure {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The raw ceiling measured in the same run (0 when the figure has none). */
  readonly ceiling: number;
  readonly ratio: number;
  readonly goal: string;
  readonly met: boolean;
}

export function figure(f: Omit<Figure, 'ratio'> & { ratio?: number }): Figure {
  return {
    ...f,
    ratio:
      f.ratio ??
      (f.ceiling ? Math.round((f.value / f.ceiling) * 100) / 100 : 0),
  };
}

/** Prints the table and writes bench/results/<timestamp>.json; returns the file. */
export function writeReport(
  dataset: DatasetFacts,
  figures: readonly Figure[],
  extra: Record<string, unknown>,
): string {
  const rows = figures.map((f) => [
    f.id,
    f.name,
    `${f.value} ${f.unit}`,
    f.ceiling ? String(f.ceiling) : '—',
    f.ratio ? f.ratio.toFixed(2) : '—',
    f.goal,
    f.met ? 'yes' : 'NO',
  ]);
  const head = ['id', 'figure', 'value', 'ceiling', 'ratio', 'goal', 'met'];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(
    `\n${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n\n`,
  );

  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    ...extra,
  };
  writeFileSync(
    file,
    JSON.stringify({ machine, dataset, figures }, null, 2) + '\n',
  );
  return file;
}
