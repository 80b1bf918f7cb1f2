import type { CheckReport } from '../../contract/roadmap';
import { el } from './dom';

/** 'yyyy-MM-dd' → 'dd.MM.yyyy', as Russian officials write dates. */
export const ruDay = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The deadline colours with a swatch each and, where known, how many rows show it today. */
export function legendItems(legend: CheckReport['legend'], colours: CheckReport['colours']): HTMLElement[] {
  const counts = new Map(colours.map((c) => [c.key, c.count]));
  return legend.map((l) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = l.background;
    const count = counts.get(l.key);
    return el('li', {}, swatch, el('span', {}, l.label), count === undefined ? null : el('span', { class: 'count' }, String(count)));
  });
}
