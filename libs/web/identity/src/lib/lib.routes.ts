import type { Route } from '@angular/router';
import {
  NOTICE_CENTRE_PATH,
  authGuard,
  guestGuard,
} from '@portal/web-data-access';

/** Login, registration, password reset, invitations, the account page and the user's notices. */
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
    // The token is in the fragment (#token=…), which never reaches the server's logs.
    path: 'invitation',
    title: 'titles.invitation',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./invitation/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: 'forgot-password',
    title: 'titles.forgotPassword',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./forgot-password/forgot-password.page').then(
        (m) => m.ForgotPasswordPage,
      ),
  },
  {
    // The token is in the fragment (#token=…) like the invitation's. No guard: a link from
    // the mail works whoever is logged in on this browser.
    path: 'reset-password',
    title: 'titles.resetPassword',
    loadComponent: () =>
      import('./reset-password/reset-password.page').then(
        (m) => m.ResetPasswordPage,
      ),
  },
  {
    path: 'account',
    title: 'titles.account',
    canActivate: [authGuard],
    loadComponent: () =>
      import('./account/account.page').then((m) => m.AccountPage),
  },
  {
    // Not /notices: that is the public notice (公示) page of the applications feature.
    path: NOTICE_CENTRE_PATH.slice(1),
    title: 'titles.myNotices',
    canActivate: [authGuard],
    loadComponent: () =>
      import('./notices/notice-centre.page').then((m) => m.NoticeCentrePage),
  },
];
