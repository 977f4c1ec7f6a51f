// The briefing's chart on screen: opened, done and overdue per meeting, drawn from the same
// geometry as the PDF (shared/domain/briefingChart.ts), described in words for screen readers.
import type { MeetingCounts } from '../../../../shared/contract';
import { CHART_SERIES, chartGeometry } from '../../../../shared/domain/briefingChart';

export function BriefingChart({ meetings }: { meetings: readonly MeetingCounts[] }) {
  const g = chartGeometry(meetings);
  return (
    <figure className="briefing-chart">
      <svg role="img" aria-label={g.summary} width={g.width} height={g.height} viewBox={`0 0 ${g.width} ${g.height}`}>
        <line x1={0} y1={g.baseline} x2={g.width} y2={g.baseline} stroke="#94a3b8" strokeWidth={0.5} />
        {g.bars.map((b) => (
          <rect key={`${b.x}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.colour}>
            <title>{b.title}</title>
          </rect>
        ))}
        {g.labels.map((l) => (
          <text key={`${l.x}`} x={l.x} y={g.height - 3} fontSize={9} textAnchor="middle">
            {l.text}
          </text>
        ))}
      </svg>
      <figcaption className="chart-legend">
        {CHART_SERIES.map((s) => (
          <span key={s.key}>
            <span className="chart-key" style={{ background: s.colour }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
