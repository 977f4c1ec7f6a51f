// Errors a core function raises on purpose: each becomes a typed {code, message} for the UI.
import type { ApiErrorCode } from '../../shared/contract';

export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal'>,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `That ${what} no longer exists.`);
export const conflict = (message: string, field?: string): DomainError => new DomainError('conflict', message, field);
