// When owners are reminded of an action: the board's "remind owners N days before due" before it
// is due (a week when the board has not said), and on the day.

/** Days before a due date that the calendar's reminder goes off when the board has no setting. */
export const REMIND_DAYS_BEFORE = 7;
