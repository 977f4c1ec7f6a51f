// The board's choice to end agreed minutes with the chair's signature block, in every format.
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useSubmit } from '../../app/useSubmit';

export function SignatureBlockSetting({ boardId }: { boardId: string }) {
  const query = useLiveQuery(() => call('getPublishingSettings', { boardId }), [boardId], { watches: ['board'] });
  const submit = useSubmit();
  if (!query.data) return null;
  return (
    <section className="signature-setting" aria-labelledby="signature-setting-title">
      <h2 id="signature-setting-title" className="section-title">
        Signature block
      </h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={query.data.signatureBlock}
          disabled={submit.busy}
          onChange={(e) => {
            const signatureBlock = e.target.checked;
            void submit.run(async () => void (await call('setSignatureBlock', { boardId, signatureBlock })));
          }}
        />{' '}
        End agreed minutes with “Signed as a correct record … Chair … Date” (PDF, Word and HTML)
      </label>
      {submit.error ? (
        <p className="form-error" role="alert">
          {submit.error.message}
        </p>
      ) : null}
    </section>
  );
}
