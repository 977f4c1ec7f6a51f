// Runs a form's API call, tracking busy state and the error (and which field it names).
import { useState } from 'react';
import { ApiCallError } from '../api/client';

export interface Submit {
  busy: boolean;
  error: ApiCallError | null;
  /** The error's message if it names this field. */
  fieldError: (field: string) => string | null;
  /** The error's message if it names no field shown in the form. */
  formError: (shownFields: readonly string[]) => string | null;
  run: (action: () => Promise<void>) => Promise<void>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  return {
    busy,
    error,
    fieldError: (field) => (error?.field === field ? error.message : null),
    formError: (shown) => (error && !(error.field && shown.includes(error.field)) ? error.message : null),
    run: async (action) => {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (err) {
        setError(err instanceof ApiCallError ? err : new ApiCallError({ code: 'internal', message: String(err) }));
      } finally {
        setBusy(false);
      }
    },
  };
}
