// Roadmap recognition, validation and the add-on's sheet layout (pure).
// The Apps Script side does one read → these functions → one write:
//   «Распознать таблицу»: getValues() → recognizeRoadmap(cells, { firstRow }) → summarizeRecognition
//     for the user, itemsToRows(items) into a new sheet laid out by CANONICAL_COLUMNS.
//   «Проверить»: getValues() → rowsToItems(values, firstRow) → validateRoadmap(items, plan, today,
//     { firstRow }) → problemCell() for each problem (1-based cell for notes and selection).
export { recognizeRoadmap, type RoadmapItem } from './recognize';
export { validateRoadmap, type ValidatedItem, type ValidateOptions } from './validate';
export {
  CANONICAL_COLUMNS,
  CANONICAL_INDEX,
  STATUS_DONE,
  STATUS_VALUES,
  FIRST_HELPER_INDEX,
  canonicalHeaderRow,
  extraHeaderText,
  isHelperHeader,
  withExtras,
  findCanonicalHeader,
  helperValues,
  itemsToRows,
  rowsToItems,
  type CanonicalHeader,
  type CanonicalItem,
  type CanonicalKey,
  type CanonicalRead,
  type ColumnDef,
  type HelperValues,
  type StatusValue,
} from './layout';
export { FIELD_TITLES, fieldOfHeader } from './header';
export { levelOf, parseNumber } from './numbering';
export { cellText, guardFormula, looksLikeFormula, normalizeCell, stripHtml } from './text';
export { formatDayRu, parseDayText } from './day';
export { pluralRu, problemCell, summarizeRecognition } from './summary';
