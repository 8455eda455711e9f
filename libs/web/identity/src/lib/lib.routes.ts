import type { Route } from '@angular/router';
import { authGuard, guestGuard } from '@portal/web-data-access';

/** Login, registration, invitations and the account page. */
export const identityRoutes: Route[] = [
  {
    path: 'login',
    title: 'titles.login',
    canActivate: [guestGuard],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    title: 'titles.register',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./register/register.page').then((m) => m.RegisterPage),
  },
  {
    path: 'invitation/:token',
    title: 'titles.invitation',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./invitation/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: 'account',
    title: 'titles.account',
    canActivate: [authGuard],
    loadComponent: () =>
      import('./account/account.page').then((m) => m.AccountPage),
  },
];
