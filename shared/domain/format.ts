// Small formatting rules shared by screens and exports.

/** 1536 -> "1.5 KB", 5_000_000 -> "4.8 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Where a deferred item went, as the minutes print it when it names a meeting of the board:
 * "the meeting of 10 April 2014". Agreed minutes keep the words as they were when agreed.
 */
export function deferredToMeetingText(meetingDateLabel: string): string {
  return `the meeting of ${meetingDateLabel}`;
}
