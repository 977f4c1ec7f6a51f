// The renderer's one way to core: window.api in Electron (through preload), or fetch to the
// browser host with its per-run token. Both speak the contract in shared/contract. What each
// answer says it changed goes to the change feed, which keeps the live queries up to date
// (what changes outside any call comes through pushedChanges.ts).
import {
  BROWSER_TOKEN_HEADER,
  methodNames,
  type ApiClient,
  type ApiResponse,
  type InputOf,
  type MethodName,
  type ResultOf,
} from '../../../shared/contract';
import { changeFeed } from './changes';
import { listenForPushedChanges } from './pushedChanges';
import { ApiCallError } from './errors';

export { ApiCallError };

declare global {
  interface Window {
    api?: ApiClient;
  }
}

const TOKEN_KEY = 'matters-arising-token';
const KEEPALIVE_MAX_BYTES = 60_000;

/** The browser host puts the token in the address fragment; keep it for reloads, then tidy the address. */
export function takeBrowserToken(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function browserClient(token: string | null): ApiClient {
  const entries = methodNames.map((name) => [
    name,
    async (input: unknown): Promise<ApiResponse<unknown>> => {
      let response: Response;
      try {
        const body = JSON.stringify(input ?? {});
        response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [BROWSER_TOKEN_HEADER]: token ?? '' },
          body,
          // A save sent as the page closes still arrives (browsers allow this for small bodies).
          keepalive: body.length < KEEPALIVE_MAX_BYTES && new TextEncoder().encode(body).length < KEEPALIVE_MAX_BYTES,
        });
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'Matters Arising is not responding. Check that it is still running, then try again.' },
        };
      }
      return (await response.json()) as ApiResponse<unknown>;
    },
  ]);
  return Object.fromEntries(entries) as ApiClient;
}

const browserToken = window.api ? null : takeBrowserToken();
const client: ApiClient = window.api ?? browserClient(browserToken);
listenForPushedChanges(browserToken);

/** Fired when core says the data file is no longer usable; the shell then shows why. */
export const STORE_UNAVAILABLE_EVENT = 'matters-arising:store-unavailable';

export interface CallOptions {
  /**
   * Marks the call as a screen's own edit, already on that screen: the screen's live query,
   * given the same origin, does not load again for it. Every other query hears of it as usual.
   */
  origin?: string;
}

/** Calls a method and returns its value, or throws ApiCallError with the typed error. */
export async function call<K extends MethodName>(name: K, input: InputOf<K>, options: CallOptions = {}): Promise<ResultOf<K>> {
  const response = (await client[name](input)) as ApiResponse<ResultOf<K>>;
  if (response.changes) changeFeed.publish({ changes: response.changes, origin: options.origin ?? null });
  if (!response.ok) {
    if (response.error.code === 'store_unavailable') window.dispatchEvent(new Event(STORE_UNAVAILABLE_EVENT));
    throw new ApiCallError(response.error);
  }
  return response.value;
}
