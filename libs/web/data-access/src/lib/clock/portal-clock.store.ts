import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import {
  ApiRoutes,
  type MoveClockRequest,
  type MoveClockResult,
  type PortalClockView,
} from '@portal/contracts';
import { type Observable, tap } from 'rxjs';

/**
 * The portal's clock as the API reads it: the shell shows a banner while a development clock
 * has moved it, and the system administrator's control moves it. Read once at start and after
 * each move (a move made elsewhere shows at the next page load).
 */
@Injectable({ providedIn: 'root' })
export class PortalClockStore {
  private readonly http = inject(HttpClient);
  private readonly current = signal<PortalClockView | null>(null);

  /** Null until read (or when the read failed: no banner then). */
  readonly clock = this.current.asReadonly();

  load(): void {
    this.http.get<PortalClockView>(ApiRoutes.clock).subscribe({
      next: (clock) => this.current.set(clock),
      error: () => this.current.set(null),
    });
  }

  /** Moves it forward (system administrators, where the API allows it); the banner follows. */
  move(request: MoveClockRequest): Observable<MoveClockResult> {
    return this.http
      .post<MoveClockResult>(ApiRoutes.adminClock, request)
      .pipe(tap((result) => this.current.set(result)));
  }
}
