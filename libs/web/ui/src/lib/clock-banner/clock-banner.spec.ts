import { TestBed } from '@angular/core/testing';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { ClockBanner } from './clock-banner';

describe('ClockBanner', () => {
  async function render(now: string) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ClockBanner],
      providers: [provideI18n()],
    });
    const fixture = TestBed.createComponent(ClockBanner);
    fixture.componentRef.setInput('now', now);
    await fixture.whenStable();
    return fixture;
  }

  it('says in Chinese that the development clock was moved, and to when in Beijing time', async () => {
    const fixture = await render('2027-01-05T02:00:00.000Z');
    const banner = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="clock-banner"]',
    );
    expect(banner?.getAttribute('role')).toBe('status');
    expect(banner?.textContent?.trim()).toBe(
      '开发时钟已拨快至 2027-01-05 10:00（演示用）',
    );
  });

  it('says it in English when the reader chose English', async () => {
    const fixture = await render('2027-01-05T02:00:00.000Z');
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe(
      'Development clock moved to 2027-01-05 10:00 (demo only)',
    );
  });
});
