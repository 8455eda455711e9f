import { DIALECTS } from '@portal/api-testing';
import { APPLICATION_TYPES } from '@portal/domain';
import { expectNotifiedAsDefined } from '../testing/notified-as-defined';
import {
  coverageWalks,
  expectEveryTransitionFired,
  partnerIds,
  runWalk,
} from '../testing/walks';
import { workflowSuite } from '../testing/workflow-suite';

/**
 * Each type's walks fire every transition of its current definition — returns and
 * resubmissions at each level, withdrawals, rejections, declines and disputes, and the
 * system's own (automated check, scoring, notice and voucher expiry) — and the test checks
 * that from the events of the cases it filed. A type added to APPLICATION_TYPES without walks
 * fails here (and does not compile in coverageWalks).
 */
describe.each(DIALECTS)(
  'every transition of every workflow on %s',
  (dialect) => {
    const suite = workflowSuite(dialect);

    it.each(APPLICATION_TYPES)(
      "walks every transition of %s (returns and resubmissions at each level, withdrawals, rejections, declines and disputes, and the system's own), has fired each at least once, and e-mailed for every status change exactly the people its notify list names, once each",
      async (type) => {
        const walks = coverageWalks(await partnerIds(suite.t))[type] ?? [];
        expect(walks.length).toBeGreaterThan(0);
        const ids: string[] = [];
        for (const walk of walks) ids.push(await runWalk(suite, type, walk));
        await expectEveryTransitionFired(suite.t, type, ids);
        await expectNotifiedAsDefined(suite.t, suite.smtp, ids);
      },
    );
  },
);
