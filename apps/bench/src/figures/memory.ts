import type { FigureGroup } from '../context';
import { rssMb } from '../measures';
import { figure } from '../report';

/** Resident memory of the API and the worker at the end of the run. */
export const memoryAfterRun: FigureGroup = {
  ids: ['RSS-api', 'RSS-worker'],
  async measure({ api, worker }) {
    return [
      figure({
        id: 'RSS-api',
        name: 'API resident memory after the run',
        value: rssMb(api.pid),
        unit: 'MB',
        ceiling: 0,
        goal: 'informational (P9 is under P7)',
        met: true,
      }),
      figure({
        id: 'RSS-worker',
        name: 'worker resident memory after the run',
        value: rssMb(worker.pid),
        unit: 'MB',
        ceiling: 0,
        goal: 'informational (P9 is under P7)',
        met: true,
      }),
    ];
  },
};
