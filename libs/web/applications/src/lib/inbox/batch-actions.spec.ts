import type { InboxItem } from '@portal/contracts';
import {
  actionPayloadFields,
  APPLICATION_TYPES,
  currentWorkflow,
} from '@portal/domain';
import { commonBatchActions } from './batch-actions';

function item(
  type: InboxItem['type'],
  state: string,
  id = `${type}-${state}`,
): InboxItem {
  return {
    id,
    type,
    workflowVersion: currentWorkflow(type).version,
    status: { state },
  } as InboxItem;
}

describe('commonBatchActions', () => {
  it("offers a county reviewer the county desk's actions on two high-tech cases, a return needing items", () => {
    const choices = commonBatchActions(
      [
        item('high_tech', 'county_review', 'a'),
        item('high_tech', 'county_review', 'b'),
      ],
      ['county'],
    );
    const actions = choices.map((c) => c.action);
    expect(actions).toContain('recommend');
    const recommend = choices.find((c) => c.action === 'recommend');
    expect(recommend).toMatchObject({
      commentRequired: true,
      itemsRequired: false,
    });
    const returned = choices.find((c) => c.itemsRequired);
    expect(returned).toBeDefined();
  });

  it('offers only what every selected case allows', () => {
    const county = commonBatchActions(
      [item('high_tech', 'county_review')],
      ['county'],
    );
    const mixed = commonBatchActions(
      [item('high_tech', 'county_review'), item('high_tech', 'city_review')],
      ['county'],
    );
    expect(county.length).toBeGreaterThan(0);
    expect(mixed).toEqual([]);
  });

  it('leaves out actions that record terms (a payload), which are taken case by case', () => {
    const withTerms = APPLICATION_TYPES.flatMap((type) =>
      currentWorkflow(type)
        .transitions.filter((t) => actionPayloadFields(t).length > 0)
        .map((t) => ({ type, t })),
    );
    expect(withTerms.length).toBeGreaterThan(0);
    for (const { type, t } of withTerms) {
      const [state] = t.from;
      if (!state) continue;
      const offered = commonBatchActions([item(type, state)], t.by).map(
        (c) => c.action,
      );
      const sameNameWithoutTerms = currentWorkflow(type).transitions.some(
        (o) =>
          o.action === t.action &&
          o.from.includes(state) &&
          actionPayloadFields(o).length === 0,
      );
      if (!sameNameWithoutTerms) expect(offered).not.toContain(t.action);
    }
    expect(
      commonBatchActions([item('high_tech', 'county_review')], ['expert']),
    ).toEqual([]);
  });
});
