// The action log table's columns: their headings, the sort each one offers, and their widths.
import type { ActionLogSortKey } from '../../../../shared/contract';

/** `width`: the column's share of a long (virtualised) log, whose columns are set once rather than measured from the rows drawn (wide enough at 1280 px for "Carried" and an "In progress" badge). */
export const COLUMNS: Array<{ key: ActionLogSortKey | null; label: string; className?: string; width: string }> = [
  { key: 'reference', label: 'Reference', width: '11%' },
  { key: null, label: 'Details', width: '23%' },
  { key: 'owner', label: 'Action', width: '11%' },
  { key: 'due', label: 'Due', width: '10%' },
  { key: 'status', label: 'Status', width: '11%' },
  { key: 'raised', label: 'Raised', width: '10%' },
  { key: 'carried', label: 'Carried', className: 'numeric', width: '8%' },
  { key: null, label: 'Latest update', width: '16%' },
];
