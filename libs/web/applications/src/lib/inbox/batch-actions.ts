import type { InboxItem } from '@portal/contracts';
import {
  actionPayloadFields,
  availableActions,
  type Labels,
  type Party,
  workflowVersion,
} from '@portal/domain';

/** An action the reviewer may take on every selected case at once. */
export interface BatchChoice {
  readonly action: string;
  readonly label: Labels;
  readonly commentRequired: boolean;
  /** A return for supplement: the same items are listed for every case. */
  readonly itemsRequired: boolean;
}

/**
 * The actions open on every one of the cases to these parties, read from each case's own
 * definition and state. Actions that record terms (a loan's amount, a contract) are taken case
 * by case, so they are not offered here.
 */
export function commonBatchActions(
  items: readonly InboxItem[],
  parties: readonly Party[],
): BatchChoice[] {
  const [first, ...rest] = items.map((item) =>
    availableActions(
      workflowVersion(item.type, item.workflowVersion),
      item.status.state,
      parties,
    ).filter((t) => actionPayloadFields(t).length === 0),
  );
  if (!first) return [];
  return first
    .filter((t) =>
      rest.every((other) => other.some((o) => o.action === t.action)),
    )
    .map((t) => {
      const same = [
        t,
        ...rest.flatMap((other) => other.filter((o) => o.action === t.action)),
      ];
      return {
        action: t.action,
        label: t.label,
        commentRequired: same.some((s) => s.commentRequired),
        itemsRequired: same.some((s) =>
          s.guards.includes('supplement_items_listed'),
        ),
      };
    });
}
