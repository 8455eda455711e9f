import { PROGRAMMES } from '@portal/domain';
import { EngineModule } from './engine.module';

describe('EngineModule at boot', () => {
  it('stops the process on a definition that is not sound, naming the transition', () => {
    const programme = PROGRAMMES.transformation_loan;
    const [workflow] = programme.workflows;
    if (!workflow) throw new Error('no loan workflow');
    const restore = jest.replaceProperty(PROGRAMMES, 'transformation_loan', {
      ...programme,
      workflows: [
        {
          ...workflow,
          transitions: workflow.transitions.map((t) =>
            t.action === 'submit'
              ? { ...t, guards: ['unheard_of' as never] }
              : t,
          ),
        },
      ],
    });
    try {
      expect(() => new EngineModule().onModuleInit()).toThrow(
        'transformation_loan v1, transition "submit" from draft: has the unknown guard "unheard_of"',
      );
    } finally {
      restore.restore();
    }
    expect(() => new EngineModule().onModuleInit()).not.toThrow();
  });
});
