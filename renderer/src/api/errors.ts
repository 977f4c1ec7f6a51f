// The typed error a call to core can end in, as the renderer throws and shows it.
import type { ApiError } from '../../../shared/contract';

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** Anything a load or a call threw, as an ApiCallError. */
export const asApiError = (err: unknown): ApiCallError =>
  err instanceof ApiCallError ? err : new ApiCallError({ code: 'internal', message: String(err) });
