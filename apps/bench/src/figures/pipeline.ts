import { ApiRoutes } from '@portal/contracts';
import type { FigureGroup } from '../context';
import { load } from '../load';
import { figure } from '../report';

/** C0 and P0: the framework's limit, and the portal's whole global pipeline on a route without a database (liveness). */
export const pipeline: FigureGroup = {
  ids: ['C0', 'P0', 'P0-csrf'],
  async measure({ base, bareBase, seconds }) {
    const ceiling = await load(`${bareBase}/ping`, {
      connections: 100,
      seconds,
    });
    const p0 = await load(`${base}${ApiRoutes.healthLive}`, {
      connections: 100,
      seconds,
    });
    // The first call of every browser: the same pipeline plus a new secret, a signed cookie and a token.
    const csrf = await load(`${base}${ApiRoutes.csrf}`, {
      connections: 100,
      seconds,
    });
    return [
      figure({
        id: 'C0',
        name: 'bare NestJS-on-Fastify route',
        value: ceiling.requestsPerSecond,
        unit: 'req/s',
        ceiling: 0,
        goal: 'ceiling',
        met: ceiling.errors === 0,
      }),
      figure({
        id: 'P0',
        name: 'no-database route through the global pipeline',
        value: p0.requestsPerSecond,
        unit: 'req/s',
        ceiling: ceiling.requestsPerSecond,
        goal: '>= 0.30 x C0',
        met:
          p0.errors === 0 &&
          p0.requestsPerSecond >= 0.3 * ceiling.requestsPerSecond,
      }),
      figure({
        id: 'P0-csrf',
        name: 'CSRF token route (new secret per client) through the same pipeline',
        value: csrf.requestsPerSecond,
        unit: 'req/s',
        ceiling: ceiling.requestsPerSecond,
        goal: 'informational',
        met: csrf.errors === 0,
      }),
    ];
  },
};
