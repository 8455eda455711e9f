import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Shell } from './shell/shell';

/**
 * The shell is rendered here rather than as a route's component: the router shows a routed
 * component only once the whole route is resolved (route files, guards, the page's chunk), so
 * the header and footer would wait for the page. Here they paint as soon as the app boots.
 */
@Component({
  selector: 'app-root',
  imports: [Shell],
  template: '<app-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
