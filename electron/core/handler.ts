// How a feature declares its handlers: one function per method of its contract slice,
// called with the session and the already-validated input. Synchronous and asynchronous
// handlers are declared and called the same way.
import type { MethodName, ParsedInputOf, ResultOf } from '../../shared/contract';
import type { Store } from './db/open';
import { DomainError } from './errors';
import type { Session } from './session';

export type CoreContext = Session;

export type Handler<K extends MethodName> = (ctx: CoreContext, input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;

/** The handlers of one contract slice: exactly its methods. */
export type FeatureHandlers<Slice> = { readonly [K in keyof Slice & MethodName]: Handler<K> };

export function requireStore(ctx: CoreContext): Store {
  if (ctx.store) return ctx.store;
  const reason = ctx.status.state === 'problem' ? ctx.status.problem.message : 'The data file is not open.';
  throw new DomainError('store_unavailable', reason);
}

/** Adapts a core function (store, input) into a handler that first needs an open store. */
export const onStore =
  <K extends MethodName>(fn: (store: Store, input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>): Handler<K> =>
  (ctx, input) =>
    fn(requireStore(ctx), input);
