// Reads and checks a council's historical spreadsheet (docs/import-format.md) as a whole: either every row is good
// and comes back typed, or nothing is imported and every problem is listed by line and column. Pure: the caller
// supplies today's date and the council ids, so the same file always gives the same answer.
import { normalisePostcode } from '~/lib/uk';
import { isClosureReasonCode, type ClosureReasonCode } from '~/modules/codes/closure-reasons';
import { isDeregistrationReasonCode, type DeregistrationReasonCode } from '~/modules/codes/deregistration-reasons';
import {
  isEnquiryInterest,
  isEnquirySource,
  type EnquiryInterest,
  type EnquirySource,
} from '~/modules/codes/enquiry';
import { readCsvRecords } from '~/modules/importing/csv';

export const IMPORT_COLUMNS = [
  'reference',
  'council',
  'route',
  'enquiry_type',
  'source',
  'postcode',
  'enquiry_date',
  'application_date',
  'approval_date',
  'closed_date',
  'closed_reason',
  'deregistration_date',
  'deregistration_reason',
  'mockingbird_joined_date',
] as const;

type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['reference', 'council', 'enquiry_date'];

/** Uploads larger than this are refused before they are read. 100,000 rows take about 10 MB. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

const MAX_REFERENCE_LENGTH = 64;

/** Several interests go in one cell, separated by semicolons: `teenagers;siblingGroups`. */
const INTEREST_SEPARATOR = ';';

type ImportRoute = 'mainstream' | 'kinship';

export type ImportRow = {
  line: number;
  reference: string;
  councilId: string;
  route: ImportRoute;
  interests: EnquiryInterest[];
  source: EnquirySource | null;
  postcode: string | null;
  enquiryDate: string;
  applicationDate: string | null;
  approvalDate: string | null;
  closedDate: string | null;
  closedReason: ClosureReasonCode | null;
  deregistrationDate: string | null;
  deregistrationReason: DeregistrationReasonCode | null;
  mockingbirdJoinedDate: string | null;
};

/** `column` is '' when a problem belongs to the whole line or file rather than to one column. */
export type ImportError = { line: number; column: string; message: string };

type ValidationResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

type ValidationContext = {
  /** Europe/London calendar date, 'YYYY-MM-DD': later dates are refused. */
  today: string;
  councilIds: readonly string[];
};

/** 'Line 14, column approval_date: the approval date is before the application date' */
export function formatImportError(error: ImportError): string {
  return error.column === ''
    ? `Line ${error.line}: ${error.message}`
    : `Line ${error.line}, column ${error.column}: ${error.message}`;
}

export const IMPORT_EVENTS = ['IMPORT_ENQUIRY', 'IMPORT_APPLICATION', 'IMPORT_APPROVAL', 'IMPORT_CLOSED'] as const;
type ImportEvent = (typeof IMPORT_EVENTS)[number];

/** One dated step of an imported record's history, stored as a PipelineTransition with the stage it led to. */
export type ImportedStep = { event: ImportEvent; toStage: string; occurredOn: string; reasonCode: string | null };

// A kinship case starts as a council referral and has no hub application; councils record the start of the full
// (Form C) assessment as the application, so that is the stage an application date leads to (DOMAIN.md §3.2).
const FIRST_STAGE: Record<ImportRoute, string> = { mainstream: 'enquiry.received', kinship: 'kinship.referral' };
const APPLICATION_STAGE: Record<ImportRoute, string> = {
  mainstream: 'application.submitted',
  kinship: 'kinship.fullAssessment',
};

type StepFacts = Pick<
  ImportRow,
  'route' | 'enquiryDate' | 'applicationDate' | 'approvalDate' | 'closedDate' | 'closedReason'
>;

/** The record's dated steps in order. A deregistration ends the approval, not the recruitment case, so it adds no
 * step: the case stays approved and the ending is an Approval and Deregistration. */
export function importedStepsOf(row: StepFacts): ImportedStep[] {
  const steps: ImportedStep[] = [
    { event: 'IMPORT_ENQUIRY', toStage: FIRST_STAGE[row.route], occurredOn: row.enquiryDate, reasonCode: null },
  ];
  if (row.applicationDate) {
    steps.push({
      event: 'IMPORT_APPLICATION',
      toStage: APPLICATION_STAGE[row.route],
      occurredOn: row.applicationDate,
      reasonCode: null,
    });
  }
  if (row.approvalDate) {
    steps.push({ event: 'IMPORT_APPROVAL', toStage: 'approved', occurredOn: row.approvalDate, reasonCode: null });
  }
  if (row.closedDate) {
    steps.push({ event: 'IMPORT_CLOSED', toStage: 'closed', occurredOn: row.closedDate, reasonCode: row.closedReason });
  }
  return steps;
}

/** The stage an imported record rests at: the one its latest date led to. */
export function importedStageOf(row: StepFacts): string {
  const steps = importedStepsOf(row);
  return steps[steps.length - 1].toStage;
}

/** Spreadsheets saved in a legacy encoding would turn £ or é into replacement characters; refuse them instead. */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export const NOT_UTF8_MESSAGE =
  'the file is not saved as UTF-8 text. In Excel, choose "Save as", then "CSV UTF-8 (Comma delimited)"';

export function validateHistoricalCsv(text: string, context: ValidationContext): ValidationResult {
  const read = readCsvRecords(text);
  if (!read.ok) return { ok: false, errors: [{ line: read.line, column: '', message: read.message }] };

  const [header, ...body] = read.records;
  if (!header || isBlank(header.fields)) {
    return {
      ok: false,
      errors: [{ line: 1, column: '', message: `the first line must be the header row, naming the columns (${IMPORT_COLUMNS.join(', ')})` }],
    };
  }

  const headerCheck = checkHeader(header.fields);
  if (!headerCheck.ok) return { ok: false, errors: headerCheck.errors };

  const councils = new Set(context.councilIds);
  const firstLineOfReference = new Map<string, number>();
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];

  for (const record of body) {
    if (isBlank(record.fields)) continue;
    if (record.fields.length !== headerCheck.columns.length) {
      errors.push({
        line: record.line,
        column: '',
        message: `this line has ${record.fields.length} values but the header row has ${headerCheck.columns.length} columns`,
      });
      continue;
    }
    const cells = new Map<ImportColumn, string>();
    headerCheck.columns.forEach((column, index) => cells.set(column, record.fields[index].trim()));
    const result = checkRow(record.line, cells, { today: context.today, councils });
    errors.push(...result.errors);
    const reference = cells.get('reference') ?? '';
    const earlierLine = firstLineOfReference.get(reference);
    if (reference !== '' && earlierLine !== undefined) {
      errors.push({
        line: record.line,
        column: 'reference',
        message: `the reference ${reference} is already used on line ${earlierLine}`,
      });
    } else if (reference !== '') {
      firstLineOfReference.set(reference, record.line);
    }
    if (result.row) rows.push(result.row);
  }

  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) {
    return { ok: false, errors: [{ line: 2, column: '', message: 'the file has a header row but no records' }] };
  }
  return { ok: true, rows };
}

// ---------------------------------------------------------------- header

function checkHeader(
  names: string[],
): { ok: true; columns: ImportColumn[] } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const columns: ImportColumn[] = [];
  const seen = new Set<string>();
  names.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      errors.push({ line: 1, column: `(column ${index + 1})`, message: `column ${index + 1} has no name in the header row` });
    } else if (!isImportColumn(name)) {
      errors.push({ line: 1, column: name, message: unknownColumnMessage(name) });
    } else if (seen.has(name)) {
      errors.push({ line: 1, column: name, message: `the header row names the ${name} column twice` });
    } else {
      seen.add(name);
      columns.push(name);
    }
  });
  for (const required of REQUIRED_IMPORT_COLUMNS) {
    if (!seen.has(required)) {
      errors.push({ line: 1, column: required, message: `the header row has no ${required} column, which is required` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

function isImportColumn(name: string): name is ImportColumn {
  return (IMPORT_COLUMNS as readonly string[]).includes(name);
}

function unknownColumnMessage(name: string): string {
  const simplified = simplify(name);
  const intended = IMPORT_COLUMNS.find((column) => simplify(column) === simplified);
  return intended
    ? `${name} is not a column this import reads; did you mean ${intended}? Column names must match exactly`
    : `${name} is not a column this import reads; remove it or rename it to one of ${IMPORT_COLUMNS.join(', ')}`;
}

function simplify(name: string) {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

function isBlank(fields: string[]) {
  return fields.every((field) => field.trim() === '');
}

// ---------------------------------------------------------------- one row

type RowContext = { today: string; councils: ReadonlySet<string> };

const DATE_COLUMNS = [
  'enquiry_date',
  'application_date',
  'approval_date',
  'closed_date',
  'deregistration_date',
  'mockingbird_joined_date',
] as const satisfies readonly ImportColumn[];

type DateColumn = (typeof DATE_COLUMNS)[number];

const DATE_NAMES: Record<DateColumn, string> = {
  enquiry_date: 'enquiry date',
  application_date: 'application date',
  approval_date: 'approval date',
  closed_date: 'closed date',
  deregistration_date: 'deregistration date',
  mockingbird_joined_date: 'Mockingbird joining date',
};

function checkRow(
  line: number,
  cells: Map<ImportColumn, string>,
  context: RowContext,
): { row: ImportRow | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: ImportColumn, message: string) => errors.push({ line, column, message });
  const cell = (column: ImportColumn) => cells.get(column) ?? '';

  const reference = cell('reference');
  if (reference === '') fail('reference', 'enter a reference: every record needs one');
  else if (reference.length > MAX_REFERENCE_LENGTH) {
    fail('reference', `the reference is longer than ${MAX_REFERENCE_LENGTH} characters`);
  }

  const councilId = cell('council');
  if (councilId === '') fail('council', `enter the council: one of ${[...context.councils].join(', ')}`);
  else if (!context.councils.has(councilId)) {
    fail('council', `${councilId} is not a council id; use one of ${[...context.councils].join(', ')}`);
  }

  const routeText = cell('route');
  let route: ImportRoute = 'mainstream';
  if (routeText === 'kinship') route = 'kinship';
  else if (routeText !== '' && routeText !== 'mainstream') {
    fail('route', `${routeText} is not a route; use mainstream, kinship, or leave it empty for mainstream`);
  }

  const interests: EnquiryInterest[] = [];
  for (const part of cell('enquiry_type').split(INTEREST_SEPARATOR)) {
    const code = part.trim();
    if (code === '') continue;
    if (!isEnquiryInterest(code)) fail('enquiry_type', `${code} is not an enquiry type code (see the import guide)`);
    else if (!interests.includes(code)) interests.push(code);
  }

  const sourceText = cell('source');
  let source: EnquirySource | null = null;
  if (sourceText !== '') {
    if (isEnquirySource(sourceText)) source = sourceText;
    else fail('source', `${sourceText} is not a source code (see the import guide)`);
  }

  const postcodeText = cell('postcode');
  let postcode: string | null = null;
  if (postcodeText !== '') {
    postcode = normalisePostcode(postcodeText);
    if (postcode === null) fail('postcode', `${postcodeText} is not a UK postcode, like DE1 2FS`);
  }

  const dates = {} as Record<DateColumn, string | null>;
  const badDates = new Set<DateColumn>();
  for (const column of DATE_COLUMNS) {
    const text = cell(column);
    const parsed = text === '' ? null : parseImportDate(text);
    dates[column] = parsed;
    if (text !== '' && parsed === null) {
      badDates.add(column);
      fail(column, dateFormatMessage(column, text));
    } else if (parsed !== null && parsed > context.today) {
      badDates.add(column);
      fail(column, `the ${DATE_NAMES[column]} is in the future`);
    }
  }
  if (dates.enquiry_date === null && !badDates.has('enquiry_date')) {
    fail('enquiry_date', 'enter the enquiry date: every record needs one');
  }

  const closedReasonText = cell('closed_reason');
  let closedReason: ClosureReasonCode | null = null;
  if (closedReasonText !== '') {
    if (isClosureReasonCode(closedReasonText)) closedReason = closedReasonText;
    else fail('closed_reason', `${closedReasonText} is not a closure reason code (see the import guide)`);
  }
  const deregistrationReasonText = cell('deregistration_reason');
  let deregistrationReason: DeregistrationReasonCode | null = null;
  if (deregistrationReasonText !== '') {
    if (isDeregistrationReasonCode(deregistrationReasonText)) deregistrationReason = deregistrationReasonText;
    else fail('deregistration_reason', `${deregistrationReasonText} is not a deregistration reason code (see the import guide)`);
  }

  checkSequence(dates, badDates, fail);
  checkEndings({ dates, badDates, closedReasonText, deregistrationReasonText }, fail);

  if (errors.length > 0 || dates.enquiry_date === null) return { row: null, errors };
  return {
    row: {
      line,
      reference,
      councilId,
      route,
      interests,
      source,
      postcode,
      enquiryDate: dates.enquiry_date,
      applicationDate: dates.application_date,
      approvalDate: dates.approval_date,
      closedDate: dates.closed_date,
      closedReason,
      deregistrationDate: dates.deregistration_date,
      deregistrationReason,
      mockingbirdJoinedDate: dates.mockingbird_joined_date,
    },
    errors,
  };
}

type Fail = (column: ImportColumn, message: string) => void;

/** enquiry ≤ application ≤ approval ≤ deregistration, and the Mockingbird dates inside the approval. */
function checkSequence(dates: Record<DateColumn, string | null>, badDates: ReadonlySet<DateColumn>, fail: Fail) {
  const known = (column: DateColumn) => (badDates.has(column) ? null : dates[column]);
  const notBefore = (later: DateColumn, earlier: DateColumn) => {
    const laterDate = known(later);
    const earlierDate = known(earlier);
    if (laterDate === null || earlierDate === null || laterDate >= earlierDate) return true;
    fail(later, `the ${DATE_NAMES[later]} is before the ${DATE_NAMES[earlier]}`);
    return false;
  };

  notBefore('application_date', 'enquiry_date');

  if (dates.approval_date !== null && dates.application_date === null && !badDates.has('application_date')) {
    fail('approval_date', 'an approval date needs an application date: enter the date the application was received');
  } else {
    notBefore('approval_date', 'application_date');
  }

  if (dates.deregistration_date !== null && dates.approval_date === null && !badDates.has('approval_date')) {
    fail('deregistration_date', 'a deregistration date needs an approval date: only an approval can end');
  } else {
    notBefore('deregistration_date', 'approval_date');
  }

  if (dates.mockingbird_joined_date !== null && dates.approval_date === null && !badDates.has('approval_date')) {
    fail('mockingbird_joined_date', 'a Mockingbird joining date needs an approval date: constellations are for approved carers');
  } else if (notBefore('mockingbird_joined_date', 'approval_date')) {
    const joined = known('mockingbird_joined_date');
    const ended = known('deregistration_date');
    if (joined !== null && ended !== null && joined > ended) {
      fail('mockingbird_joined_date', 'the Mockingbird joining date is after the deregistration date');
    }
  }
}

/** A record ends either before approval (closed) or after it (deregistered), and each ending needs its reason. */
function checkEndings(
  input: {
    dates: Record<DateColumn, string | null>;
    badDates: ReadonlySet<DateColumn>;
    closedReasonText: string;
    deregistrationReasonText: string;
  },
  fail: Fail,
) {
  const { dates, badDates } = input;
  const hasClosedDate = dates.closed_date !== null || badDates.has('closed_date');
  const hasDeregistrationDate = dates.deregistration_date !== null || badDates.has('deregistration_date');

  if (dates.closed_date !== null) {
    if (dates.approval_date !== null || badDates.has('approval_date')) {
      fail('closed_date', 'a record with an approval date cannot be closed; record the end of an approval with deregistration_date');
    } else {
      const latestEarlier = dates.application_date !== null && !badDates.has('application_date')
        ? ('application_date' as const)
        : ('enquiry_date' as const);
      const earlier = badDates.has(latestEarlier) ? null : dates[latestEarlier];
      if (earlier !== null && dates.closed_date < earlier) {
        fail('closed_date', `the closed date is before the ${DATE_NAMES[latestEarlier]}`);
      }
    }
  }
  if (hasClosedDate && input.closedReasonText === '') {
    fail('closed_reason', 'a closed record needs a closed_reason code');
  }
  if (!hasClosedDate && input.closedReasonText !== '') {
    fail('closed_date', 'a closed_reason needs a closed_date: enter the date the record was closed');
  }
  if (hasDeregistrationDate && input.deregistrationReasonText === '') {
    fail('deregistration_reason', 'a deregistered record needs a deregistration_reason code');
  }
  if (!hasDeregistrationDate && input.deregistrationReasonText !== '') {
    fail('deregistration_date', 'a deregistration_reason needs a deregistration_date: enter the date the approval ended');
  }
}

// ---------------------------------------------------------------- dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** 'YYYY-MM-DD' or 'DD/MM/YYYY' → 'YYYY-MM-DD'; null for any other shape or a day that does not exist. */
export function parseImportDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = UK_DATE.exec(text);
  if (uk) return realDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return null;
}

function realDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateFormatMessage(column: DateColumn, text: string): string {
  const shapeIsRight = ISO_DATE.test(text) || UK_DATE.test(text);
  return shapeIsRight
    ? `${text} is not a real date: check the day and month of the ${DATE_NAMES[column]}`
    : `${text} is not a date in the form YYYY-MM-DD or DD/MM/YYYY, like 2024-01-05 or 05/01/2024`;
}
