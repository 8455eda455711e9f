import { DEMO_PASSWORD } from '@portal/api-db';
import { ApiRoutes } from '@portal/contracts';
import type { BenchContext, FigureGroup } from '../context';
import {
  companySessions,
  readyDrafts,
  submit,
  type ReadyDraft,
} from '../drafts';
import { rssMb } from '../measures';
import { figure, type Figure } from '../report';
import { sessionHeaders } from '../session';
import { errorText } from './mail';
import { COUNTY, REVIEWER } from './reads';

/** The deadline hour ×6 (full run): 15,000 submissions and 300,000 reads in 10 minutes. */
const FULL = { seconds: 600, submissions: 15_000, reads: 300_000 };
/** --quick: the same rates for a thirtieth of the time. */
const QUICK = { seconds: 20, submissions: 500, reads: 10_000 };
/** Requests in flight at most: past this the client, not the portal, would be the limit. */
const MAX_IN_FLIGHT = 512;

interface Sample {
  readonly ms: number;
  readonly ok: boolean;
}

/**
 * P7 and P9: the last hour before a call closes, six times over and compressed — companies submit
 * their ready drafts (high-tech with materials, innovation vouchers) while the county reviewer
 * reads the inbox and case details; both at fixed arrival rates (open loop: a slow answer does not
 * slow the schedule). Latency and errors of every request; the API's and the worker's resident
 * memory sampled every second, the maximum reported.
 */
export const deadline: FigureGroup = {
  ids: ['P7', 'P7-p99', 'P7-submit-p99', 'P7-errors', 'P9-api', 'P9-worker'],
  async measure(context) {
    const { base, pool, quick, log, api, worker } = context;
    const plan = quick ? QUICK : FULL;
    const companies = await companySessions(base, quick ? 100 : 1000);
    log(`P7: ${companies.length} companies logged in; making drafts`);
    const half = Math.ceil(plan.submissions / 2);
    const [highTech, vouchers] = await Promise.all([
      readyDrafts(base, pool, companies, 'high_tech', half, log, 8),
      readyDrafts(
        base,
        pool,
        companies,
        'innovation_voucher',
        plan.submissions - half,
        log,
        8,
      ),
    ]);
    const drafts = interleave(highTech, vouchers);
    log(`P7: ${drafts.length} ready drafts`);
    const reviewer = await sessionHeaders(base, REVIEWER, DEMO_PASSWORD);
    const [cases] = (await pool.query(
      "SELECT id FROM applications WHERE holder = 'county' AND county_code = ? ORDER BY state_entered_at DESC LIMIT 500",
      [COUNTY],
    )) as unknown as [{ id: string }[]];
    const reads = [
      `${base}${ApiRoutes.inbox}?view=todo&limit=20`,
      ...cases.map((c) => `${base}${ApiRoutes.application(c.id)}`),
    ];

    const memory = { api: rssMb(api.pid), worker: rssMb(worker.pid) };
    const sampler = setInterval(() => {
      memory.api = Math.max(memory.api, rssMb(api.pid));
      memory.worker = Math.max(memory.worker, rssMb(worker.pid));
    }, 1000);
    log(
      `P7: ${plan.submissions} submissions and ${plan.reads} reads in ${plan.seconds} s`,
    );
    const result = await run(context, plan, drafts, reads, reviewer).finally(
      () => clearInterval(sampler),
    );
    const all = [...result.submissions, ...result.reads];
    const errors = all.filter((s) => !s.ok).length;
    const p99 = percentile(all, 0.99);
    const submitP99 = percentile(result.submissions, 0.99);
    const readP99 = percentile(result.reads, 0.99);
    const offered = plan.submissions + plan.reads;
    const perSecond = Math.round(all.length / result.seconds);
    log(
      `P7: ${all.length} requests in ${result.seconds} s, p99 ${p99} ms (submissions ${submitP99}, reads ${readP99}), ${errors} errors, sends held back at ${MAX_IN_FLIGHT} in flight for ~${Math.round(result.throttledMs / 1000)} s`,
    );
    if (result.failures.length)
      log(`P7: requests without an answer: ${result.failures.join('; ')}`);
    const figures: Figure[] = [
      figure({
        id: 'P7',
        name: `deadline hour ×6${quick ? ' ÷30' : ''}: ${plan.submissions} submissions + ${plan.reads} reads offered in ${plan.seconds} s, done in ${result.seconds} s`,
        value: perSecond,
        unit: 'req/s',
        ceiling: Math.round(offered / plan.seconds),
        goal: 'all done within the window (ratio ≥ 0.98)',
        met: all.length === offered && result.seconds <= plan.seconds * 1.02,
      }),
      figure({
        id: 'P7-p99',
        name: `p99 latency of every request, from its send (reads p99 ${readP99} ms; sends held back at ${MAX_IN_FLIGHT} in flight for ~${Math.round(result.throttledMs / 1000)} s)`,
        value: p99,
        unit: 'ms',
        ceiling: 0,
        goal: '<= 200 ms',
        met: p99 <= 200,
      }),
      figure({
        id: 'P7-submit-p99',
        name: 'p99 latency of the submissions',
        value: submitP99,
        unit: 'ms',
        ceiling: 0,
        goal: 'informational (part of P7-p99)',
        met: true,
      }),
      figure({
        id: 'P7-errors',
        name: 'requests answered other than 2xx or failed',
        value: errors,
        unit: 'errors',
        ceiling: 0,
        goal: '0',
        met: errors === 0,
      }),
      figure({
        id: 'P9-api',
        name: 'API resident memory, maximum during P7 (sampled each second)',
        value: memory.api,
        unit: 'MB',
        ceiling: 0,
        goal: '<= 300 MB',
        met: memory.api <= 300,
      }),
      figure({
        id: 'P9-worker',
        name: 'worker resident memory, maximum during P7 (sampled each second)',
        value: memory.worker,
        unit: 'MB',
        ceiling: 0,
        goal: '<= 250 MB',
        met: memory.worker <= 250,
      }),
    ];
    return figures;
  },
};

/** Fires submissions and reads at their fixed rates; every request timed from its send. */
async function run(
  { base }: BenchContext,
  plan: typeof FULL,
  drafts: readonly ReadyDraft[],
  reads: readonly string[],
  reviewer: Record<string, string>,
): Promise<{
  submissions: Sample[];
  reads: Sample[];
  seconds: number;
  throttledMs: number;
  failures: string[];
}> {
  const submissions: Sample[] = [];
  const readSamples: Sample[] = [];
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let throttledTicks = 0;
  const failures = new Set<string>();
  let submitted = 0;
  let read = 0;
  const timed = async (into: Sample[], work: () => Promise<number>) => {
    inFlight++;
    const started = performance.now();
    const status = await work().catch((error: unknown) => {
      failures.add(errorText(error));
      return 0;
    });
    into.push({
      ms: performance.now() - started,
      ok: status >= 200 && status < 300,
    });
    inFlight--;
  };
  const readOnce = async (url: string) => {
    const response = await fetch(url, { headers: reviewer });
    await response.arrayBuffer();
    return response.status;
  };
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = (performance.now() - started) / 1000;
      const dueSubmissions = Math.min(
        plan.submissions,
        Math.floor((elapsed / plan.seconds) * plan.submissions) + 1,
      );
      const dueReads = Math.min(
        plan.reads,
        Math.floor((elapsed / plan.seconds) * plan.reads) + 1,
      );
      // MAX_IN_FLIGHT reached: the portal answers slower than requests arrive.
      if (
        inFlight >= MAX_IN_FLIGHT &&
        (submitted < dueSubmissions || read < dueReads)
      )
        throttledTicks++;
      while (submitted < dueSubmissions && inFlight < MAX_IN_FLIGHT) {
        const draft = drafts[submitted++];
        if (draft) pending.push(timed(submissions, () => submit(base, draft)));
      }
      while (read < dueReads && inFlight < MAX_IN_FLIGHT) {
        // Half the reads are the inbox's first page, half a case's detail.
        const url =
          read % 2 === 0
            ? (reads[0] as string)
            : (reads[1 + ((read >> 1) % (reads.length - 1))] as string);
        read++;
        pending.push(timed(readSamples, () => readOnce(url)));
      }
      if (submitted >= plan.submissions && read >= plan.reads) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
  await Promise.all(pending);
  return {
    submissions,
    reads: readSamples,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    throttledMs: throttledTicks * 5,
    failures: [...failures],
  };
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i] as T);
    if (i < b.length) out.push(b[i] as T);
  }
  return out;
}

function percentile(samples: readonly Sample[], p: number): number {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return Math.round(sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0);
}
