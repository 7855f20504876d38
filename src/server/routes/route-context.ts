import type { Store } from '../../store/store.js';
import type { LoginThrottle } from '../auth/login-throttle.js';

/** What every resource's routes are given: the store, and the server-wide settings they need. */
export interface RouteContext {
  store: Store;
  throttle: LoginThrottle;
  /** Force the Secure flag on cookies (behind a TLS proxy); by default it follows the request's protocol. */
  secureCookies?: boolean;
}
