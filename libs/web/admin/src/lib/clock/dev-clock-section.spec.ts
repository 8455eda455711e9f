import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@portal/contracts';
import { PortalClockStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { DevClockSection } from './dev-clock-section';

describe('DevClockSection', () => {
  it('moves the clock forward by days and says where it stands and what ran', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [DevClockSection],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(PortalClockStore).load();
    http.expectOne(ApiRoutes.clock).flush({
      now: '2026-12-01T02:00:00.000Z',
      offsetMs: 0,
      moved: false,
      movable: true,
    });
    const fixture = TestBed.createComponent(DevClockSection);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(
      element.querySelector('[data-testid="dev-clock-now"]')?.textContent,
    ).toContain('2026-12-01 10:00');

    const days = element.querySelector<HTMLInputElement>(
      '[data-testid="dev-clock-days"]',
    );
    if (!days) throw new Error('no days field');
    days.value = '14';
    days.dispatchEvent(new Event('input'));
    element
      .querySelector<HTMLButtonElement>('[data-testid="dev-clock-move-by"]')
      ?.click();
    const move = http.expectOne(ApiRoutes.adminClock);
    expect(move.request.method).toBe('POST');
    expect(move.request.body).toEqual({ advanceDays: 14 });
    move.flush({
      now: '2026-12-15T02:00:00.000Z',
      offsetMs: 14 * 86_400_000,
      moved: true,
      movable: true,
      from: '2026-12-01T02:00:00.000Z',
      fired: 3,
      pending: 0,
    });
    await fixture.whenStable();
    expect(
      element.querySelector('[data-testid="dev-clock-result"]')?.textContent,
    ).toContain('时钟已拨至 2026-12-15 10:00，执行了 3 个到期任务。');
    http.verify();
  });
});
