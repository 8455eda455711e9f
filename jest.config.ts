import { dirname, join } from 'node:path';
import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

/** Options Jest takes only from the configuration of the run, never from a project's. */
const RUN_OPTIONS = ['forceExit', 'testTimeout'] as const;

/**
 * Every project's tests in one Jest run (`npm run test:jest`), its workers shared by all of
 * them. Each project's own config still runs it alone (`npx jest -c apps/api/jest.config.cts`);
 * here the options Jest reads only per run are lifted out of the projects and set once.
 */
export default async (): Promise<Config> => {
  const projects = (await getJestProjectsAsync()).map((entry) => {
    const path = entry.replace('<rootDir>/', `${__dirname}/`);
    const file = path.endsWith('.cts') ? path : join(path, 'jest.config.cts');
    const project = { ...require(file) } as Record<string, unknown>;
    for (const option of RUN_OPTIONS) delete project[option];
    return { rootDir: dirname(file), ...project } as Config;
  });
  return {
    projects,
    // The integration projects talk to real servers: their sockets may outlive close() by a
    // moment, and their suites boot the whole API, as their own configs say for runs alone.
    forceExit: true,
    testTimeout: 60_000,
  };
};
