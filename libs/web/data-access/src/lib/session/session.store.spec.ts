import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@portal/contracts';
import { SessionStore } from './session.store';
import { testMe } from './test-data';

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the logged-in user once for concurrent callers', async () => {
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    http.expectOne(ApiRoutes.me).flush(testMe(['company.profile.read']));
    expect((await first).kind).toBe('authenticated');
    expect(await second).toEqual(await first);
    expect(store.can('company.profile.read')).toBe(true);
    expect(store.can('audit.read')).toBe(false);
  });

  it('treats 401 from /me as a visitor', async () => {
    const loaded = store.ensureLoaded();
    http
      .expectOne(ApiRoutes.me)
      .flush(
        { code: 'AUTH_REQUIRED', message: 'no' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect((await loaded).kind).toBe('anonymous');
    expect(store.me()).toBeNull();
  });

  it('grants no permissions while a second factor must be enrolled', () => {
    const me = testMe(['audit.read']);
    expect(
      store.accept({ status: 'second_factor_enrolment_required', me }),
    ).toBe('enrolment_required');
    expect(store.me()).toEqual(me);
    expect(store.permissions()).toEqual([]);
    // Reloading /me before enrolling keeps the restriction; after enrolling lifts it.
    store.signIn(me);
    expect(store.enrolmentRequired()).toBe(true);
    store.signIn({ ...me, secondFactorEnabled: true });
    expect(store.isAuthenticated()).toBe(true);
    expect(store.can('audit.read')).toBe(true);
  });

  it('does not sign in when the second factor is still to come', () => {
    expect(store.accept({ status: 'second_factor_required' })).toBe(
      'second_factor_required',
    );
    expect(store.current().kind).toBe('unknown');
  });

  it('clears the session even when the logout call fails', async () => {
    store.signIn(testMe());
    const done = store.logout();
    http
      .expectOne(ApiRoutes.logout)
      .flush(null, { status: 500, statusText: 'Error' });
    await done;
    expect(store.current().kind).toBe('anonymous');
  });
});
