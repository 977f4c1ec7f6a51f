// "Load sample board": two real meetings of a safeguarding board, in full (attendance, items,
// decisions, actions, matters arising, agreed minutes), so a new user sees every feature at once.
import { call } from '../../api/client';
import { navigate } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';

export function SampleBoardButton({ primary = false }: { primary?: boolean }) {
  const submit = useSubmit();
  return (
    <div className="sample-board">
      <button
        type="button"
        className={primary ? 'button primary' : 'button'}
        disabled={submit.busy}
        onClick={() =>
          void submit.run(async () => {
            const { board } = await call('loadSampleBoard', {});
            navigate({ name: 'board', boardId: board.id });
          })
        }
      >
        {submit.busy ? 'Loading the sample…' : 'Load sample board'}
      </button>
      {submit.error ? (
        <p className="form-error" role="alert">
          {submit.error.message}
        </p>
      ) : null}
    </div>
  );
}
