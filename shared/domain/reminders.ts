// When owners are reminded of an action: a week before it is due, and on the day.

/** Days before a due date that the calendar's reminder goes off. */
export const REMIND_DAYS_BEFORE = 7;
