import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type CalendarYearView } from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { portalYear } from '../shared/year-select';
import { CalendarPage, groupPublished } from './calendar.page';

const YEAR = portalYear(null);
const VIEW: CalendarYearView = {
  year: YEAR,
  revision: 4,
  published: [
    { date: `${YEAR}-10-01`, kind: 'holiday', name: 'National Day,国庆节,3' },
    { date: `${YEAR}-10-02`, kind: 'holiday', name: 'National Day,国庆节,3' },
    { date: `${YEAR}-10-10`, kind: 'workday', name: 'National Day,国庆节,3' },
  ],
  overrides: [{ date: `${YEAR}-11-13`, kind: 'holiday', note: '台风停工' }],
};

describe('groupPublished', () => {
  it('groups a holiday’s days off and make-up days under its name in the reader’s language', () => {
    expect(groupPublished(VIEW.published, 'zh-CN')).toEqual([
      {
        name: '国庆节',
        off: [`${YEAR}-10-01`, `${YEAR}-10-02`],
        workdays: [`${YEAR}-10-10`],
      },
    ]);
    expect(groupPublished(VIEW.published, 'en')[0].name).toBe('National Day');
  });

  it('orders the holidays by their first day off, not by a make-up day before them', () => {
    const names = groupPublished(
      [
        { date: '2026-09-20', kind: 'workday', name: 'National Day,国庆节,3' },
        {
          date: '2026-09-25',
          kind: 'holiday',
          name: 'Mid-autumn Festival,中秋节,7',
        },
        { date: '2026-10-01', kind: 'holiday', name: 'National Day,国庆节,3' },
      ],
      'en',
    ).map((h) => h.name);
    expect(names).toEqual(['Mid-autumn Festival', 'National Day']);
  });
});

describe('CalendarPage', () => {
  let fixture: ComponentFixture<CalendarPage>;
  let http: HttpTestingController;
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CalendarPage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.calendarYear(YEAR)).flush(VIEW);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows the revision, the overrides and the published schedule', async () => {
    expect(byTestId(fixture, 'calendar-revision').textContent).toContain(
      '当前日历版本：4',
    );
    expect(byTestId(fixture, 'calendar-override').textContent).toContain(
      '台风停工',
    );
    expect(byTestId(fixture, 'calendar-published').textContent).toContain(
      `调休上班：${YEAR}-10-10`,
    );
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(byTestId(fixture, 'calendar-published').textContent).toContain(
      `Days off: ${YEAR}-10-01, ${YEAR}-10-02`,
    );
  });

  it('adds an override with its reason and shows the revision it created', async () => {
    click(fixture, 'calendar-add');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.calendarOverride(`${YEAR}-12-31`));
    expect(text()).toContain('请填写日期和原因');
    typeInto(fixture, 'calendar-date', `${YEAR}-12-31`);
    typeInto(fixture, 'calendar-note', '国务院办公厅通知');
    click(fixture, 'calendar-add');
    const put = http.expectOne(ApiRoutes.calendarOverride(`${YEAR}-12-31`));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      kind: 'holiday',
      note: '国务院办公厅通知',
    });
    put.flush({
      date: `${YEAR}-12-31`,
      kind: 'holiday',
      note: '国务院办公厅通知',
      revision: 5,
    });
    http.expectOne(ApiRoutes.calendarYear(YEAR)).flush({
      ...VIEW,
      revision: 5,
      overrides: [
        ...VIEW.overrides,
        { date: `${YEAR}-12-31`, kind: 'holiday', note: '国务院办公厅通知' },
      ],
    });
    await fixture.whenStable();
    expect(
      byTestId(fixture, 'calendar-created-revision').textContent,
    ).toContain('本次修改生成版本 5');
  });

  it('removes an override only after the confirmation', async () => {
    click(fixture, 'calendar-remove');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.calendarOverride(`${YEAR}-11-13`));
    click(fixture, 'calendar-remove-yes');
    const del = http.expectOne(ApiRoutes.calendarOverride(`${YEAR}-11-13`));
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    http
      .expectOne(ApiRoutes.calendarYear(YEAR))
      .flush({ ...VIEW, revision: 5, overrides: [] });
    await fixture.whenStable();
    expect(byTestId(fixture, 'calendar-no-overrides')).toBeTruthy();
    expect(
      byTestId(fixture, 'calendar-created-revision').textContent,
    ).toContain('5');
  });
});
