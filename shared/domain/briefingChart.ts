// The briefing's small chart, as geometry both the screen (React) and the PDF (HTML) draw: for
// each meeting, three bars (opened, done, overdue), scaled to the largest count, labelled below.
import { format, parseISO } from 'date-fns';
import type { MeetingCounts } from '../contract/briefing';

export const CHART_SERIES = [
  { key: 'opened', label: 'Opened', colour: '#1f5fbf' },
  { key: 'done', label: 'Done', colour: '#2e7d32' },
  { key: 'overdue', label: 'Overdue', colour: '#b42318' },
] as const;

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
  value: number;
  /** "19 Feb 2014: 13 opened", for a tooltip and the accessible description. */
  title: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** The line the bars stand on. */
  baseline: number;
  bars: ChartBar[];
  labels: Array<{ x: number; text: string }>;
  /** The chart in words, for screen readers and the PDF's tags. */
  summary: string;
}

const BAR = 9;
const GAP = 2;
const GROUP_GAP = 18;
const PLOT = 90;
const TOP = 14;

export function chartGeometry(meetings: readonly MeetingCounts[]): ChartGeometry {
  const max = Math.max(1, ...meetings.flatMap((m) => CHART_SERIES.map((s) => m[s.key])));
  const groupWidth = CHART_SERIES.length * BAR + (CHART_SERIES.length - 1) * GAP;
  const baseline = TOP + PLOT;
  const bars: ChartBar[] = [];
  const labels: ChartGeometry['labels'] = [];
  meetings.forEach((m, i) => {
    const left = GROUP_GAP / 2 + i * (groupWidth + GROUP_GAP);
    const day = format(parseISO(m.date), 'd MMM yyyy');
    CHART_SERIES.forEach((s, j) => {
      const value = m[s.key];
      const height = Math.round((value / max) * PLOT);
      bars.push({ x: left + j * (BAR + GAP), y: baseline - height, width: BAR, height, colour: s.colour, value, title: `${day}: ${value} ${s.label.toLowerCase()}` });
    });
    labels.push({ x: left + groupWidth / 2, text: format(parseISO(m.date), 'MMM yy') });
  });
  const summary = meetings.length
    ? meetings.map((m) => `${format(parseISO(m.date), 'd MMMM yyyy')}: ${m.opened} opened, ${m.done} done, ${m.overdue} overdue`).join('; ')
    : 'No meeting yet.';
  return { width: Math.max(120, meetings.length * (groupWidth + GROUP_GAP)), height: baseline + 16, baseline, bars, labels, summary };
}
