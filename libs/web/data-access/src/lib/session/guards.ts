import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import type { Permission } from '@portal/domain';
import { SessionStore } from './session.store';

export const LOGIN_PATH = '/login';
export const ACCOUNT_PATH = '/account';

/** Only internal paths are followed after login, so a crafted link cannot send users away. */
export function safeReturnUrl(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//')
    ? value
    : '/';
}

function loginTree(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree([LOGIN_PATH], {
    queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
  });
}

/** Logged-in users only; a user who must enrol a second factor may only reach the account page. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();
  switch (session.kind) {
    case 'authenticated':
      return true;
    case 'enrolment_required':
      return state.url.startsWith(ACCOUNT_PATH)
        ? true
        : router.createUrlTree([ACCOUNT_PATH]);
    case 'unknown':
    case 'anonymous':
      return loginTree(router, state.url);
  }
};

/** Login, registration and invitations: a logged-in user goes home instead. */
export const guestGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();
  switch (session.kind) {
    case 'authenticated':
      return router.createUrlTree(['/']);
    case 'enrolment_required':
      return router.createUrlTree([ACCOUNT_PATH]);
    case 'unknown':
    case 'anonymous':
      return true;
  }
};

/** A page that needs one permission (from `me.permissions`); without it the user goes home. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (_route, state) => {
    const router = inject(Router);
    const store = inject(SessionStore);
    const session = await store.ensureLoaded();
    if (session.kind !== 'authenticated') return loginTree(router, state.url);
    return store.can(permission) ? true : router.createUrlTree(['/']);
  };
}
