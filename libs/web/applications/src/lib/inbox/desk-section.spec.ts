import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, type InboxItem } from '@portal/contracts';
import { currentWorkflow } from '@portal/domain';
import { provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { testSummary } from '../shared/test-data';
import { DESK_PREVIEW, DeskSection } from './desk-section';

describe('DeskSection', () => {
  it('shows how many cases wait and are overdue, and the longest-waiting ones with their time left', async () => {
    TestBed.configureTestingModule({
      imports: [DeskSection],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DeskSection);
    await fixture.whenStable();
    const counts = http.match((r) => r.url === ApiRoutes.inboxCounts);
    expect(counts).toHaveLength(2);
    const overdue = counts.find((r) => r.request.params.get('overdue'));
    const all = counts.find((r) => !r.request.params.has('overdue'));
    all?.flush({ todo: 9, done: 30 });
    overdue?.flush({ todo: 2, done: 0 });
    const page = http.expectOne((r) => r.url === ApiRoutes.inbox);
    expect(page.request.params.get('order')).toBe('oldest');
    expect(page.request.params.get('limit')).toBe(String(DESK_PREVIEW));
    const summary = testSummary('e-1', { type: 'high_tech' });
    const item: InboxItem = {
      ...summary,
      workflowVersion: currentWorkflow('high_tech').version,
      dueInWorkingDays: -2,
    };
    page.flush({ items: [item], nextCursor: null });
    await fixture.whenStable();
    expect(byTestId(fixture, 'desk-waiting').textContent).toContain('9');
    expect(byTestId(fixture, 'desk-overdue').textContent).toContain('2');
    const row = byTestId(fixture, 'desk-case');
    expect(row.textContent).toContain('KJ-2026-e-1');
    expect(row.textContent).toContain('超期 2 个工作日');
    expect(row.querySelector('a')?.getAttribute('href')).toBe(
      '/applications/e-1',
    );
    http.verify();
  });
});
