import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkflowDocs } from './workflow-docs';

const DOCS = join(__dirname, '../../../../../../docs/workflows.md');

describe('docs/workflows.md', () => {
  it('is generated from the current definitions (npm run docs:workflows rewrites it)', () => {
    const rendered = renderWorkflowDocs();
    if (process.env['UPDATE_WORKFLOW_DOCS'] === '1')
      writeFileSync(DOCS, rendered);
    expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
  });
});
