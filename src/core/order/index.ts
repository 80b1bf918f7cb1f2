// Orders (приказы): heading rule, Russian formatting, requisites, names in cases, the document
// model and its builders, template placeholders, plain-text rendering.
export { orderHeadingFor, aboutPreposition, inflectHeadPhrase } from './heading';
export { toPrepositional, inflectWord, isNominativeAdjective, type InflectionCase } from './inflect';
export { formatOrderDate, numericDate, formatOrderNumber, parseOrderNumber, numberSign, periodText, type DateStyle } from './format';
export {
  requisitesSchema,
  validateRequisites,
  requisiteGaps,
  REQUISITE_LABELS,
  type Requisites,
  type RequisiteField,
  type RequisiteProblem,
  type RequisitesResult,
  type RequisiteGap,
} from './requisites';
export { organisationIn, organisationOf } from './organisation';
export { parsePersonName, personGender, signatureName, nameInCase, positionInCase, personInCase, type PersonName, type GrammaticalCase } from './names';
export * from './model';
export {
  buildApprovalOrder,
  buildRowOrder,
  isOrderRow,
  rowOrderHeading,
  orderDocName,
  selectAppendixRows,
  approvedWord,
  documentAgreement,
  defaultApprovalHeading,
  defaultPlanTitle,
  DEFAULT_BASIS,
  TABLE_HEADER,
  type OrderRow,
  type OrderRoadmap,
  type Person as OrderPerson,
  type AppendixRows,
  type ApprovalOrderOptions,
  type RowOrderOptions,
  type Agreement,
} from './build';
export {
  PLACEHOLDERS,
  placeholderValues,
  escapeForReplaceText,
  escapeReplacement,
  literalReplace,
  fillPlaceholders,
  unknownPlaceholders,
  type PlaceholderSpec,
  type PlaceholderKey,
} from './placeholders';
export { orderToText, blockToText } from './text';
export { approvalOrderOptionsSchema, appendixRowsSchema, type ApprovalOrderOptionsInput } from './schema';
