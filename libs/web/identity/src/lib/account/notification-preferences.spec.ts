import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type NotificationPreferencesView } from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import { NotificationPreferences } from './notification-preferences';

const enterprise: NotificationPreferencesView = {
  statusChangeEmail: true,
  reminderEmail: true,
  dailyDigest: false,
  digestAvailable: false,
  digestTime: '08:00',
};

describe('NotificationPreferences', () => {
  let fixture: ComponentFixture<NotificationPreferences>;
  let http: HttpTestingController;
  const query = (testId: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(
      `[data-testid="${testId}"]`,
    );

  async function render(preferences: NotificationPreferencesView) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [NotificationPreferences],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationPreferences);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myNotificationPreferences).flush(preferences);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('hides the digest when it is not available and saves the two switches', async () => {
    await render(enterprise);
    expect(query('pref-digest')).toBeNull();
    expect(byTestId(fixture, 'pref-mandatory').textContent).toContain(
      '退回补正',
    );

    click(fixture, 'pref-reminder');
    click(fixture, 'pref-save');
    await fixture.whenStable();
    const put = http.expectOne(ApiRoutes.myNotificationPreferences);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      statusChangeEmail: true,
      reminderEmail: false,
    });
    put.flush({ ...enterprise, reminderEmail: false });
    await fixture.whenStable();
    expect(document.body.textContent).toContain('通知设置已保存');
  });

  it('offers a reviewer the daily digest with its time, in both languages', async () => {
    await render({ ...enterprise, digestAvailable: true, digestTime: '07:30' });
    expect(byTestId(fixture, 'pref-digest-hint').textContent).toContain(
      '07:30',
    );
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(byTestId(fixture, 'pref-digest-hint').textContent).toContain(
      'every day at 07:30',
    );
    expect(byTestId(fixture, 'pref-mandatory').textContent).toContain(
      'whatever these switches say',
    );

    click(fixture, 'pref-digest');
    click(fixture, 'pref-save');
    await fixture.whenStable();
    const put = http.expectOne(ApiRoutes.myNotificationPreferences);
    expect(put.request.body).toEqual({
      statusChangeEmail: true,
      reminderEmail: true,
      dailyDigest: true,
    });
    put.flush({ ...enterprise, digestAvailable: true, dailyDigest: true });
  });
});
