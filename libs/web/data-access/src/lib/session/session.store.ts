import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginResponse, Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../api/auth.api';

/**
 * Who is using the portal. `enrolment_required`: logged in, but the account must set up a
 * second factor before the API serves anything else.
 */
export type SessionState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'authenticated'; readonly me: Me }
  | { readonly kind: 'enrolment_required'; readonly me: Me };

/** What a login step led to, for the page to decide where to go next. */
export type LoginOutcome =
  | 'authenticated'
  | 'second_factor_required'
  | 'enrolment_required';

const NO_PERMISSIONS: readonly Permission[] = [];

/** The session as signals. The web shows pages and menus from `permissions`, never from roles. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly auth = inject(AuthApi);
  private readonly state = signal<SessionState>({ kind: 'unknown' });
  private loading: Promise<SessionState> | null = null;

  readonly current = this.state.asReadonly();
  readonly me = computed(() => {
    const state = this.state();
    return state.kind === 'authenticated' || state.kind === 'enrolment_required'
      ? state.me
      : null;
  });
  readonly isAuthenticated = computed(
    () => this.state().kind === 'authenticated',
  );
  readonly enrolmentRequired = computed(
    () => this.state().kind === 'enrolment_required',
  );
  /** Usable permissions: none until a required second factor is set up. */
  readonly permissions = computed(() => {
    const state = this.state();
    return state.kind === 'authenticated'
      ? state.me.permissions
      : NO_PERMISSIONS;
  });

  can(permission: Permission): boolean {
    return this.permissions().includes(permission);
  }

  /** The session as the API knows it; asks once, later callers share the answer. */
  ensureLoaded(): Promise<SessionState> {
    const state = this.state();
    return state.kind === 'unknown' ? this.refresh() : Promise.resolve(state);
  }

  /** Asks the API again who is logged in (e.g. after enrolling a second factor). */
  refresh(): Promise<SessionState> {
    this.loading ??= firstValueFrom(this.auth.me())
      .then((me) => this.signIn(me))
      .catch((error: unknown) => {
        // 401 is the normal answer for a visitor; an unreachable API also leaves us logged out
        // (the login page then shows the network error when it is used).
        if (
          error instanceof HttpErrorResponse &&
          error.status !== 401 &&
          error.status !== 0
        ) {
          console.warn('Could not load the session', error.status);
        }
        return this.clear();
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** Takes the answer of a login, registration or invitation acceptance. */
  accept(response: LoginResponse): LoginOutcome {
    switch (response.status) {
      case 'authenticated':
        this.signIn(response.me);
        return 'authenticated';
      case 'second_factor_required':
        return 'second_factor_required';
      case 'second_factor_enrolment_required':
        this.state.set({ kind: 'enrolment_required', me: response.me });
        return 'enrolment_required';
    }
  }

  signIn(me: Me): SessionState {
    const wasRequired = this.state().kind === 'enrolment_required';
    const state: SessionState =
      wasRequired && !me.secondFactorEnabled
        ? { kind: 'enrolment_required', me }
        : { kind: 'authenticated', me };
    this.state.set(state);
    return state;
  }

  /** The API refused a call until a second factor is set up. */
  requireEnrolment(): void {
    const me = this.me();
    if (me) this.state.set({ kind: 'enrolment_required', me });
  }

  clear(): SessionState {
    const state: SessionState = { kind: 'anonymous' };
    this.state.set(state);
    return state;
  }

  /** Ends the session on the server; the local state is cleared even if that call fails. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.auth.logout());
    } catch {
      // The session cookie may already be gone; the user still leaves.
    } finally {
      this.clear();
    }
  }
}
