// The row a sidebar showed, found again when the person acts: rows may have been inserted, sorted
// or edited since the sidebar opened. Found by the item's number and activity; an action on a row
// whose text has changed is refused (the person saw something else), with row and column named.
import { pluralRu } from './summary';
import { clipText } from './text';

export interface RowKey {
  /** 1-based sheet row the sidebar showed. */
  sheetRow: number;
  /** The item's number and activity as the sidebar showed them (absent from older sidebars: trust the row). */
  number?: string;
  activity?: string;
}

export interface ItemAt {
  number: string;
  activity: string;
  isSection?: boolean;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Index in `items` of the row the person meant, or a Russian refusal naming row and column. */
export function findShownRow(
  items: readonly ItemAt[],
  sheetRows: readonly number[],
  key: RowKey,
  where: { sheetName: string; numberTitle: string; activityTitle: string },
): { index: number } | { refusal: string } {
  const at = sheetRows.indexOf(key.sheetRow);
  const here = at >= 0 ? items[at] : undefined;
  const again = 'Выделите строку заново и откройте «Приказ по выделенной строке» ещё раз. Приказ не создан.';
  if (key.number === undefined || key.activity === undefined) {
    return here && !here.isSection ? { index: at } : { refusal: `Строка ${key.sheetRow} листа «${where.sheetName}» больше не содержит мероприятия. ${again}` };
  }
  const number = squash(key.number);
  const activity = squash(key.activity);
  const same = (it: ItemAt) => !it.isSection && squash(it.number) === number && squash(it.activity) === activity;
  if (here && same(here)) return { index: at };
  // Moved (rows inserted or sorted above it): the same number and text, once.
  const moved = items.flatMap((it, i) => (same(it) ? [i] : []));
  if (moved.length === 1) return { index: moved[0]! };
  const shown = `пункт ${number || 'без номера'} «${clipText(activity, 80)}»`;
  if (moved.length > 1) {
    return { refusal: `На листе «${where.sheetName}» ${shown} встречается ${moved.length} ${pluralRu(moved.length, ['раз', 'раза', 'раз'])}, а строка ${key.sheetRow} изменилась после открытия панели: непонятно, к какой строке относится приказ. ${again}` };
  }
  if (here && !here.isSection && squash(here.number) === number) {
    return { refusal: `Строка ${key.sheetRow} листа «${where.sheetName}», столбец «${where.activityTitle}»: текст изменился после открытия панели (было «${activity}», сейчас «${squash(here.activity)}»). ${again}` };
  }
  if (here && !here.isSection && squash(here.activity) === activity) {
    return { refusal: `Строка ${key.sheetRow} листа «${where.sheetName}», столбец «${where.numberTitle}»: номер изменился после открытия панели (был «${number}», сейчас «${squash(here.number)}»). ${again}` };
  }
  return { refusal: `Строка ${key.sheetRow} листа «${where.sheetName}»: ${shown} больше не найден ни в этой строке, ни в других (столбцы «${where.numberTitle}» и «${where.activityTitle}»). ${again}` };
}
