// Agreed and published minutes as they read: the printed document itself (core's print model and
// HTML, as in the PDF and the web version), not the form they were typed in. Nothing here edits:
// the minutes are the record, and a correction is recorded beside them (MinutesRecordPanel).
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import './minutesDocument.css';

export function MinutesDocument({ meetingId }: { meetingId: string }) {
  // A correction, a renamed board or the next meeting being set changes what the document says.
  const doc = useLiveQuery(() => call('getMinutesDocument', { meetingId }), [meetingId], {
    watches: ['meeting', 'board', 'correction'],
  });
  if (doc.error && !doc.data) {
    return (
      <p className="form-error" role="alert">
        The minutes could not be shown: {doc.error.message}
      </p>
    );
  }
  if (!doc.data) return <div className="minutes-document" aria-busy="true" />;
  return (
    // The HTML is built and escaped by core from the stored minutes (publication/minutesHtml.ts);
    // the page's Content-Security-Policy allows no inline script in any case.
    <article className="minutes-document" aria-label="The minutes" dangerouslySetInnerHTML={{ __html: doc.data.html }} />
  );
}
