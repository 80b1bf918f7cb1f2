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
  planNameOf,
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
export { planName, planTitleProblem, cleanPlanTitle, sentenceCase, splitPlanTitle, expandAbbreviations, namesOrganisation, isDistrictBody, territoryOf, organisationPlace, type PlanName } from './plan-title';
export { suggestBasis, basisText, planSubject, actNamedIn, actsText, basisMemoryKey, BASIS_VERBS, ACTS, type Basis, type BasisVerb, type PlanSubject, type Act } from './basis';
export {
  ORDER_KINDS,
  ORDER_KIND_LABELS,
  kindHeading,
  kindPoints,
  suggestedKind,
  offeredKinds,
  responsiblePerson,
  addresseeIn,
  undeclinableName,
  deadlineWords,
  type OrderKind,
  type Addressee,
  type ApprovingOrder,
  type RowItem,
} from './row-order';
export { quote, nestInner } from './quotes';
export { orderChecklist, executorSpacingPt, ORDER_DATE, ORDER_NUMBER, SIGNATURE_NAME, type ChecklistItem } from './checklist';
