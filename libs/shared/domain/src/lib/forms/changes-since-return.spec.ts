import { changesSinceReturn } from './changes-since-return';

describe('changesSinceReturn', () => {
  const file = (id: string, materialKey: string, fileName: string) => ({
    id,
    materialKey,
    fileName,
  });

  it('lists each changed field with its value then and now, and leaves the unchanged out', () => {
    const changes = changesSinceReturn(
      {
        form: { name: '安泰', rdRatio: 4.2, staff: { total: 80, rd: 12 } },
        materials: [],
      },
      { name: '安泰', rdRatio: 5.1, staff: { rd: 12, total: 80 }, extra: 'x' },
      [],
    );
    expect(changes.fields).toEqual([
      { key: 'rdRatio', before: 4.2, after: 5.1 },
      { key: 'extra', before: undefined, after: 'x' },
    ]);
  });

  it('counts an empty text or list the same as a field left out, and a cleared field as changed', () => {
    const changes = changesSinceReturn(
      { form: { note: '', tags: [], a: 1 }, materials: [] },
      { note: null, a: undefined },
      [],
    );
    expect(changes.fields).toEqual([{ key: 'a', before: 1, after: undefined }]);
  });

  it('shows a replaced file as the old one removed and the new one added, and a new file as added', () => {
    const changes = changesSinceReturn(
      {
        form: {},
        materials: [
          file('1', 'audit', '审计报告.pdf'),
          file('2', 'licence', '执照.pdf'),
        ],
      },
      {},
      [
        file('2', 'licence', '执照.pdf'),
        file('3', 'audit', '审计报告-签章.pdf'),
        file('4', 'patent', '专利.pdf'),
      ],
    );
    expect(changes.materials).toEqual([
      { materialKey: 'audit', fileName: '审计报告.pdf', change: 'removed' },
      { materialKey: 'audit', fileName: '审计报告-签章.pdf', change: 'added' },
      { materialKey: 'patent', fileName: '专利.pdf', change: 'added' },
    ]);
  });
});
