import {
  drawExperts,
  drawReplacement,
  EXPERT_DRAW_RULES,
  minimumTechnical,
  panelProblems,
  type ExpertCandidate,
  type ExpertDiscipline,
} from './expert-draw';

/** A small seeded PRNG, so every run of the suite draws the same panels. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANT = 'org-applicant';

function expert(
  id: string,
  discipline: ExpertDiscipline,
  overrides: Partial<ExpertCandidate> = {},
): ExpertCandidate {
  return {
    id,
    organisationId: `org-${id}`,
    discipline,
    conflictOrganisationIds: [],
    ...overrides,
  };
}

function pool(technical: number, finance: number): ExpertCandidate[] {
  return [
    ...Array.from({ length: technical }, (_, i) =>
      expert(`t${i}`, 'technical'),
    ),
    ...Array.from({ length: finance }, (_, i) => expert(`f${i}`, 'finance')),
  ];
}

const ids = (experts: readonly ExpertCandidate[]) => experts.map((e) => e.id);

function drawn(
  candidates: readonly ExpertCandidate[],
  seed: number,
  panelSize?: number,
): ExpertCandidate[] {
  const draw = drawExperts(candidates, {
    applicantOrganisationId: APPLICANT,
    panelSize,
    random: mulberry32(seed),
  });
  if (!draw.ok) throw new Error(`Draw failed: ${draw.reason}`);
  return draw.experts;
}

describe('expert draw (国科发火〔2016〕32号)', () => {
  it('keeps its thresholds as data', () => {
    expect(EXPERT_DRAW_RULES).toEqual({
      minimumPanel: 5,
      minimumTechnicalShare: 0.6,
      minimumFinance: 1,
    });
  });

  it('rounds the technical share up: 5 → 3, 6 → 4, 7 → 5, 10 → 6', () => {
    expect(minimumTechnical(5)).toBe(3);
    expect(minimumTechnical(6)).toBe(4);
    expect(minimumTechnical(7)).toBe(5);
    expect(minimumTechnical(10)).toBe(6);
  });

  it('satisfies every rule over many seeded draws, without duplicates', () => {
    const candidates = [
      ...pool(12, 4),
      expert('own', 'technical', { organisationId: APPLICANT }),
      expert('declared', 'finance', { conflictOrganisationIds: [APPLICANT] }),
    ];
    for (const panelSize of [5, 6, 7, 9]) {
      for (let seed = 1; seed <= 300; seed++) {
        const experts = drawn(candidates, seed, panelSize);
        expect(experts).toHaveLength(panelSize);
        expect(new Set(ids(experts)).size).toBe(panelSize);
        expect(panelProblems(experts, APPLICANT)).toEqual([]);
      }
    }
  });

  it('needs at least 5 technical experts on a panel of 7', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const experts = drawn(pool(10, 6), seed, 7);
      const technical = experts.filter((e) => e.discipline === 'technical');
      expect(technical.length).toBeGreaterThanOrEqual(5);
    }
    const draw = drawExperts(pool(4, 6), {
      applicantOrganisationId: APPLICANT,
      panelSize: 7,
      random: mulberry32(1),
    });
    expect(draw).toEqual({
      ok: false,
      reason: 'not_enough_technical',
      eligible: 10,
    });
  });

  it('never draws the applicant’s own experts or those who declared a conflict', () => {
    const own = expert('own', 'technical', { organisationId: APPLICANT });
    const declared = expert('declared', 'finance', {
      conflictOrganisationIds: ['org-other', APPLICANT],
    });
    const candidates = [own, declared, ...pool(4, 1)];
    for (let seed = 1; seed <= 200; seed++) {
      const experts = drawn(candidates, seed);
      expect(ids(experts)).not.toContain('own');
      expect(ids(experts)).not.toContain('declared');
    }
  });

  it('draws an expert without an employer', () => {
    const candidates = [
      ...pool(4, 0),
      expert('independent', 'finance', { organisationId: null }),
    ];
    expect(ids(drawn(candidates, 1))).toContain('independent');
  });

  it('draws an expert listed twice at most once, and not at all if one listing is conflicted', () => {
    const twice = [...pool(4, 1), expert('t0', 'technical')];
    expect(ids(drawn(twice, 1)).sort()).toEqual(['f0', 't0', 't1', 't2', 't3']);

    const candidates = [
      ...pool(6, 2),
      expert('t0', 'technical', { conflictOrganisationIds: [APPLICANT] }),
    ];
    for (let seed = 1; seed <= 100; seed++) {
      const experts = drawn(candidates, seed);
      expect(new Set(ids(experts)).size).toBe(5);
      expect(ids(experts)).not.toContain('t0');
    }
  });

  it('gives the same panel for the same random sequence', () => {
    const candidates = pool(15, 5);
    expect(ids(drawn(candidates, 42, 7))).toEqual(
      ids(drawn(candidates, 42, 7)),
    );
    const panels = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        ids(drawn(candidates, seed + 1, 7))
          .sort()
          .join(','),
      ),
    );
    expect(panels.size).toBeGreaterThan(1);
  });

  it('reaches every eligible expert over enough draws', () => {
    const candidates = pool(8, 3);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      for (const id of ids(drawn(candidates, seed))) seen.add(id);
    }
    expect(seen.size).toBe(candidates.length);
  });

  it('fills the seats left over from either discipline', () => {
    const disciplines = new Set<number>();
    for (let seed = 1; seed <= 200; seed++) {
      const experts = drawn(pool(6, 6), seed);
      disciplines.add(experts.filter((e) => e.discipline === 'finance').length);
    }
    expect([...disciplines].sort()).toEqual([1, 2]);
  });

  describe('refuses a draw that cannot meet the rules', () => {
    const attempt = (
      candidates: readonly ExpertCandidate[],
      panelSize?: number,
    ) =>
      drawExperts(candidates, {
        applicantOrganisationId: APPLICANT,
        panelSize,
        random: mulberry32(7),
      });

    it('a panel below five', () => {
      expect(attempt(pool(10, 5), 4)).toEqual({
        ok: false,
        reason: 'panel_too_small',
        eligible: 15,
      });
    });

    it('fewer eligible experts than seats, counting only the eligible', () => {
      const candidates = [
        ...pool(3, 1),
        expert('own', 'technical', { organisationId: APPLICANT }),
      ];
      expect(attempt(candidates)).toEqual({
        ok: false,
        reason: 'not_enough_eligible',
        eligible: 4,
      });
    });

    it('too few technical experts', () => {
      expect(attempt(pool(2, 5))).toEqual({
        ok: false,
        reason: 'not_enough_technical',
        eligible: 7,
      });
    });

    it('no finance expert', () => {
      const candidates = [
        ...pool(6, 0),
        expert('f-own', 'finance', { organisationId: APPLICANT }),
      ];
      expect(attempt(candidates)).toEqual({
        ok: false,
        reason: 'not_enough_finance',
        eligible: 6,
      });
    });

    it('a panel size that is not a whole number', () => {
      expect(() => attempt(pool(10, 5), 5.5)).toThrow(RangeError);
    });
  });

  describe('panel re-check (experts_drawn guard)', () => {
    it('accepts a panel that meets every rule', () => {
      expect(panelProblems(pool(4, 1), APPLICANT)).toEqual([]);
      expect(panelProblems(pool(5, 2), APPLICANT)).toEqual([]);
    });

    it('names each rule a panel breaks', () => {
      expect(panelProblems(pool(3, 1), APPLICANT)).toEqual(['too_few']);
      expect(panelProblems(pool(4, 3), APPLICANT)).toEqual(['technical_share']);
      expect(panelProblems(pool(5, 0), APPLICANT)).toEqual(['no_finance']);
      expect(
        panelProblems(
          [
            ...pool(4, 0),
            expert('f', 'finance', { conflictOrganisationIds: [APPLICANT] }),
          ],
          APPLICANT,
        ),
      ).toEqual(['conflict']);
      expect(
        panelProblems(
          [
            ...pool(4, 0),
            expert('f', 'finance', { organisationId: APPLICANT }),
          ],
          APPLICANT,
        ),
      ).toEqual(['conflict']);
      const panel = pool(4, 1);
      expect(panelProblems([...panel, panel[0]], APPLICANT)).toEqual([
        'duplicate',
      ]);
    });

    it('reports several problems at once', () => {
      expect(panelProblems([], APPLICANT)).toEqual(['too_few', 'no_finance']);
    });
  });
});

describe('replacing a recused panel member', () => {
  const panel = [
    expert('f0', 'finance'),
    expert('t0', 'technical'),
    expert('t1', 'technical'),
    expert('t2', 'technical'),
    expert('t3', 'technical'),
  ];
  const replace = (
    replacedId: string,
    candidates: readonly ExpertCandidate[],
    seed = 1,
  ) =>
    drawReplacement(panel, replacedId, candidates, {
      applicantOrganisationId: APPLICANT,
      random: mulberry32(seed),
    });

  it("takes the only finance expert's seat with a finance expert, never someone on the panel", () => {
    const candidates = [
      ...panel,
      expert('t9', 'technical'),
      expert('f9', 'finance'),
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const result = replace('f0', candidates, seed);
      expect(result).toEqual({
        ok: true,
        expert: expect.objectContaining({ id: 'f9' }),
      });
    }
  });

  it('keeps the technical share: a technical seat of a 3-of-5 panel goes to a technical expert', () => {
    const small = [
      expert('f0', 'finance'),
      expert('f1', 'finance'),
      expert('t0', 'technical'),
      expert('t1', 'technical'),
      expert('t2', 'technical'),
    ];
    const candidates = [
      ...small,
      expert('f9', 'finance'),
      expert('t9', 'technical'),
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const result = drawReplacement(small, 't1', candidates, {
        applicantOrganisationId: APPLICANT,
        random: mulberry32(seed),
      });
      expect(result.ok && result.expert.id).toBe('t9');
      const after = [
        ...small.filter((e) => e.id !== 't1'),
        expert('t9', 'technical'),
      ];
      expect(panelProblems(after, APPLICANT)).toEqual([]);
    }
  });

  it('draws from anyone eligible when the panel keeps its composition without the seat', () => {
    const candidates = [
      ...panel,
      expert('t9', 'technical'),
      expert('f9', 'finance'),
    ];
    const picked = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const result = replace('t3', candidates, seed);
      if (result.ok) picked.add(result.expert.id);
    }
    expect([...picked].sort()).toEqual(['f9', 't9']);
  });

  it('never picks an expert tied to the applicant', () => {
    const result = replace('t3', [
      ...panel,
      expert('t8', 'technical', { organisationId: APPLICANT }),
      expert('t9', 'technical', { conflictOrganisationIds: [APPLICANT] }),
    ]);
    expect(result).toEqual({
      ok: false,
      reason: 'not_enough_eligible',
      eligible: 0,
    });
  });

  it('says which discipline is missing, and refuses an expert not on the panel', () => {
    expect(replace('f0', [...panel, expert('t9', 'technical')])).toEqual({
      ok: false,
      reason: 'not_enough_finance',
      eligible: 1,
    });
    expect(replace('x', [...panel, expert('t9', 'technical')])).toMatchObject({
      ok: false,
      reason: 'not_on_panel',
    });
  });
});
