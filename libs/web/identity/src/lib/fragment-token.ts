import type { ActivatedRoute } from '@angular/router';

/**
 * The token a mailed link carries in its fragment (`#token=…`). Browsers never send the
 * fragment to the server, so the token stays out of access logs; the page posts it in a body.
 */
export function fragmentToken(route: ActivatedRoute): string | null {
  const fragment = route.snapshot.fragment;
  if (!fragment) return null;
  const token = new URLSearchParams(fragment).get('token');
  return token && token.length <= 200 ? token : null;
}
