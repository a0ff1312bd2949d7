import { describe, expect, test } from 'vitest';
import {
  formatImportError,
  importedStageOf,
  importedStepsOf,
  parseImportDate,
  validateHistoricalCsv,
  type ImportError,
} from '~/modules/importing/historical-csv';
import { ALL_STAGES } from '~/modules/pipeline/stages';

const context = {
  today: '2026-04-07',
  councilIds: ['derby-city', 'derbyshire', 'nottingham-city', 'nottinghamshire'],
};

const HEADER =
  'reference,council,route,enquiry_type,source,postcode,enquiry_date,application_date,approval_date,closed_date,' +
  'closed_reason,deregistration_date,deregistration_reason,mockingbird_joined_date';

type Row = Partial<Record<string, string>>;
const ORDER = HEADER.split(',');

/** One CSV line in header order; unspecified columns are empty. */
function line(values: Row): string {
  return ORDER.map((column) => values[column] ?? '').join(',');
}

const good: Row = { reference: 'DC-1', council: 'derby-city', enquiry_date: '2024-01-05' };

function csv(...rows: Row[]): string {
  return [HEADER, ...rows.map(line)].join('\n') + '\n';
}

function errorsOf(text: string): ImportError[] {
  const result = validateHistoricalCsv(text, context);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

/** The single error a one-row file produces, asserted to be the only one. */
function onlyError(row: Row): ImportError {
  const errors = errorsOf(csv(row));
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('the header row', () => {
  test('an empty file is refused on line 1', () => {
    expect(errorsOf('')).toEqual([{ line: 1, column: '', message: expect.stringContaining('header row') }]);
  });

  test('a file that starts with a record rather than the header is refused for its unknown columns', () => {
    const errors = errorsOf('DC-1,derby-city,2024-01-05\n');
    expect(errors.map((error) => [error.line, error.column])).toEqual([
      [1, 'DC-1'],
      [1, 'derby-city'],
      [1, '2024-01-05'],
      [1, 'reference'],
      [1, 'council'],
      [1, 'enquiry_date'],
    ]);
  });

  test('a missing required column is named', () => {
    expect(errorsOf('reference,council\nDC-1,derby-city\n')).toEqual([
      { line: 1, column: 'enquiry_date', message: 'the header row has no enquiry_date column, which is required' },
    ]);
  });

  test('an unknown column is an error, with a suggestion when it is a near miss', () => {
    const errors = errorsOf('reference,council,enquiry_date,Enquiry Type,notes\nDC-1,derby-city,2024-01-05,,x\n');
    expect(errors).toEqual([
      { line: 1, column: 'Enquiry Type', message: expect.stringContaining('did you mean enquiry_type?') },
      { line: 1, column: 'notes', message: expect.stringContaining('notes is not a column this import reads') },
    ]);
  });

  test('a column named twice is an error', () => {
    expect(errorsOf('reference,council,enquiry_date,council\nDC-1,derby-city,2024-01-05,derby-city\n')).toEqual([
      { line: 1, column: 'council', message: 'the header row names the council column twice' },
    ]);
  });

  test('columns may come in any order and optional ones may be left out', () => {
    const result = validateHistoricalCsv('enquiry_date,council,reference\n05/01/2024,derbyshire,DS-9\n', context);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          reference: 'DS-9',
          councilId: 'derbyshire',
          route: 'mainstream',
          interests: [],
          source: null,
          postcode: null,
          enquiryDate: '2024-01-05',
          applicationDate: null,
          approvalDate: null,
          closedDate: null,
          closedReason: null,
          deregistrationDate: null,
          deregistrationReason: null,
          mockingbirdJoinedDate: null,
        },
      ],
    });
  });

  test('a header with no records is refused', () => {
    expect(errorsOf(`${HEADER}\n`)).toEqual([{ line: 2, column: '', message: 'the file has a header row but no records' }]);
  });
});

describe('required values and code lists', () => {
  test('a missing reference', () => {
    expect(onlyError({ ...good, reference: '' })).toMatchObject({ line: 2, column: 'reference' });
  });

  test('a missing council', () => {
    expect(onlyError({ ...good, council: '' })).toMatchObject({ line: 2, column: 'council' });
  });

  test('a council that is not one of the four ids', () => {
    expect(onlyError({ ...good, council: 'Derby' })).toEqual({
      line: 2,
      column: 'council',
      message: 'Derby is not a council id; use one of derby-city, derbyshire, nottingham-city, nottinghamshire',
    });
  });

  test('a missing enquiry date', () => {
    expect(onlyError({ ...good, enquiry_date: '' })).toMatchObject({ line: 2, column: 'enquiry_date' });
  });

  test('a route other than mainstream or kinship', () => {
    expect(onlyError({ ...good, route: 'adoption' })).toMatchObject({ line: 2, column: 'route' });
  });

  test('an unknown enquiry type, source or postcode', () => {
    expect(onlyError({ ...good, enquiry_type: 'teenagers;pets' })).toEqual({
      line: 2,
      column: 'enquiry_type',
      message: 'pets is not an enquiry type code (see the import guide)',
    });
    expect(onlyError({ ...good, source: 'Facebook' })).toMatchObject({ line: 2, column: 'source' });
    expect(onlyError({ ...good, postcode: 'DE1' })).toMatchObject({ line: 2, column: 'postcode' });
  });

  test('an unknown closed or deregistration reason code', () => {
    expect(onlyError({ ...good, closed_date: '2024-02-01', closed_reason: 'MOVED' })).toEqual({
      line: 2,
      column: 'closed_reason',
      message: 'MOVED is not a closure reason code (see the import guide)',
    });
    const approved = { ...good, application_date: '2024-03-01', approval_date: '2024-09-01' };
    expect(onlyError({ ...approved, deregistration_date: '2025-01-01', deregistration_reason: 'RESIGNED' })).toEqual({
      line: 2,
      column: 'deregistration_reason',
      message: 'RESIGNED is not a deregistration reason code (see the import guide)',
    });
  });
});

describe('dates', () => {
  test.each([
    ['2024/01/05', 'a wrong separator'],
    ['05-01-2024', 'day first with dashes'],
    ['5/1/2024', 'single-digit day and month'],
    ['05/01/24', 'a two-digit year'],
    ['5 January 2024', 'words'],
    ['2024-1-5', 'ISO without padding'],
  ])('%s (%s) is refused as a format', (text) => {
    expect(onlyError({ ...good, enquiry_date: text })).toEqual({
      line: 2,
      column: 'enquiry_date',
      message: `${text} is not a date in the form YYYY-MM-DD or DD/MM/YYYY, like 2024-01-05 or 05/01/2024`,
    });
  });

  test.each(['31/02/2024', '2023-02-29', '00/01/2024', '2024-13-01'])('%s is refused as not a real date', (text) => {
    expect(onlyError({ ...good, enquiry_date: text })).toEqual({
      line: 2,
      column: 'enquiry_date',
      message: `${text} is not a real date: check the day and month of the enquiry date`,
    });
  });

  test('29 February in a leap year is a real date', () => {
    expect(parseImportDate('29/02/2024')).toBe('2024-02-29');
  });

  test('a date after today is refused; today itself is accepted', () => {
    expect(onlyError({ ...good, enquiry_date: '08/04/2026' })).toEqual({
      line: 2,
      column: 'enquiry_date',
      message: 'the enquiry date is in the future',
    });
    expect(validateHistoricalCsv(csv({ ...good, enquiry_date: '2026-04-07' }), context).ok).toBe(true);
  });
});

describe('the order of events', () => {
  test('an enquiry after the application', () => {
    expect(onlyError({ ...good, enquiry_date: '2024-03-02', application_date: '2024-03-01' })).toEqual({
      line: 2,
      column: 'application_date',
      message: 'the application date is before the enquiry date',
    });
  });

  test('an approval without an application date', () => {
    expect(onlyError({ ...good, approval_date: '2024-09-01' })).toMatchObject({
      line: 2,
      column: 'approval_date',
      message: expect.stringContaining('an approval date needs an application date'),
    });
  });

  test('an approval before the application', () => {
    expect(onlyError({ ...good, application_date: '2024-03-01', approval_date: '2024-02-01' })).toEqual({
      line: 2,
      column: 'approval_date',
      message: 'the approval date is before the application date',
    });
  });

  test('a closed record that also has an approval', () => {
    const row = {
      ...good,
      application_date: '2024-03-01',
      approval_date: '2024-09-01',
      closed_date: '2024-10-01',
      closed_reason: 'NOT_NOW',
    };
    expect(onlyError(row)).toMatchObject({
      line: 2,
      column: 'closed_date',
      message: expect.stringContaining('a record with an approval date cannot be closed'),
    });
  });

  test('a closed date before the application', () => {
    const row = { ...good, application_date: '2024-03-01', closed_date: '2024-02-01', closed_reason: 'NOT_NOW' };
    expect(onlyError(row)).toEqual({
      line: 2,
      column: 'closed_date',
      message: 'the closed date is before the application date',
    });
  });

  test('a closed date without a reason, and a reason without a date', () => {
    expect(onlyError({ ...good, closed_date: '2024-02-01' })).toEqual({
      line: 2,
      column: 'closed_reason',
      message: 'a closed record needs a closed_reason code',
    });
    expect(onlyError({ ...good, closed_reason: 'NO_CONTACT' })).toMatchObject({ line: 2, column: 'closed_date' });
  });

  test('a deregistration without a reason', () => {
    const row = { ...good, application_date: '2024-03-01', approval_date: '2024-09-01', deregistration_date: '2025-06-01' };
    expect(onlyError(row)).toEqual({
      line: 2,
      column: 'deregistration_reason',
      message: 'a deregistered record needs a deregistration_reason code',
    });
  });

  test('a deregistration before the approval', () => {
    const row = {
      ...good,
      application_date: '2024-03-01',
      approval_date: '2024-09-01',
      deregistration_date: '2024-08-31',
      deregistration_reason: 'HEALTH',
    };
    expect(onlyError(row)).toEqual({
      line: 2,
      column: 'deregistration_date',
      message: 'the deregistration date is before the approval date',
    });
  });

  test('a deregistration without an approval', () => {
    expect(onlyError({ ...good, deregistration_date: '2025-06-01', deregistration_reason: 'HEALTH' })).toMatchObject({
      line: 2,
      column: 'deregistration_date',
      message: expect.stringContaining('needs an approval date'),
    });
  });

  test('a Mockingbird joining date outside the approval', () => {
    expect(onlyError({ ...good, mockingbird_joined_date: '2024-06-01' })).toMatchObject({
      line: 2,
      column: 'mockingbird_joined_date',
    });
    const approved = { ...good, application_date: '2024-03-01', approval_date: '2024-09-01' };
    expect(onlyError({ ...approved, mockingbird_joined_date: '2024-08-01' })).toEqual({
      line: 2,
      column: 'mockingbird_joined_date',
      message: 'the Mockingbird joining date is before the approval date',
    });
    const ended = { ...approved, deregistration_date: '2025-01-01', deregistration_reason: 'HEALTH' };
    expect(onlyError({ ...ended, mockingbird_joined_date: '2025-02-01' })).toEqual({
      line: 2,
      column: 'mockingbird_joined_date',
      message: 'the Mockingbird joining date is after the deregistration date',
    });
  });
});

describe('the whole file', () => {
  test('a duplicate reference is reported on its second line, naming the first', () => {
    const errors = errorsOf(csv(good, { ...good, reference: 'DC-2' }, good));
    expect(errors).toEqual([{ line: 4, column: 'reference', message: 'the reference DC-1 is already used on line 2' }]);
  });

  test('every error in the file is listed, with physical line numbers that count blank lines and quoted line breaks', () => {
    const text = [
      HEADER, //                                                                   line 1
      line(good), //                                                               line 2
      '', //                                                                       line 3 (blank, skipped)
      line({ ...good, reference: 'DC-2', postcode: '"DE1\n2FS"', council: 'x' }), // lines 4-5
      ',,,,,,,,,,,,,', //                                                          line 6 (empty cells, skipped)
      line({ ...good, reference: 'DC-3', application_date: '2024-03-01', approval_date: '2024-02-01' }), // line 7
      'DC-4,derby-city', //                                                        line 8
    ].join('\r\n');
    const messages = errorsOf(text).map(formatImportError);
    expect(messages).toEqual([
      'Line 4, column council: x is not a council id; use one of derby-city, derbyshire, nottingham-city, nottinghamshire',
      'Line 7, column approval_date: the approval date is before the application date',
      'Line 8: this line has 2 values but the header row has 14 columns',
    ]);
  });

  test('an unclosed quote is reported on the line where the quoted value starts', () => {
    expect(errorsOf(`${HEADER}\n${line(good)}\n"DC-2,derby-city\n`)).toEqual([
      { line: 3, column: '', message: 'a quoted value is never closed: a quote mark is missing' },
    ]);
  });

  test('a valid file comes back typed, with UK dates as ISO dates and codes checked', () => {
    const text =
      '\ufeff' +
      csv(
        {
          reference: ' NC/2019/0042 ',
          council: 'nottingham-city',
          route: 'kinship',
          enquiry_type: 'teenagers; siblingGroups;teenagers',
          source: 'socialMedia',
          postcode: 'ng1 5ab',
          enquiry_date: '03/02/2019',
          application_date: '14/05/2019',
          approval_date: '20/12/2019',
          deregistration_date: '31/01/2023',
          deregistration_reason: 'SGO_GRANTED',
          mockingbird_joined_date: '01/06/2021',
        },
        {
          reference: 'DS-7',
          council: 'derbyshire',
          route: 'mainstream',
          enquiry_date: '2024-01-05',
          application_date: '2024-02-10',
          closed_date: '2024-05-01',
          closed_reason: 'FINANCES',
        },
      );
    const result = validateHistoricalCsv(text, context);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          reference: 'NC/2019/0042',
          councilId: 'nottingham-city',
          route: 'kinship',
          interests: ['teenagers', 'siblingGroups'],
          source: 'socialMedia',
          postcode: 'NG1 5AB',
          enquiryDate: '2019-02-03',
          applicationDate: '2019-05-14',
          approvalDate: '2019-12-20',
          closedDate: null,
          closedReason: null,
          deregistrationDate: '2023-01-31',
          deregistrationReason: 'SGO_GRANTED',
          mockingbirdJoinedDate: '2021-06-01',
        },
        {
          line: 3,
          reference: 'DS-7',
          councilId: 'derbyshire',
          route: 'mainstream',
          interests: [],
          source: null,
          postcode: null,
          enquiryDate: '2024-01-05',
          applicationDate: '2024-02-10',
          approvalDate: null,
          closedDate: '2024-05-01',
          closedReason: 'FINANCES',
          deregistrationDate: null,
          deregistrationReason: null,
          mockingbirdJoinedDate: null,
        },
      ],
    });
  });
});

describe('the history an imported record gets', () => {
  const enquiryOnly = {
    route: 'mainstream' as const,
    enquiryDate: '2024-01-05',
    applicationDate: null,
    approvalDate: null,
    closedDate: null,
    closedReason: null,
  };

  test('the stage follows from the latest date', () => {
    expect(importedStageOf(enquiryOnly)).toBe('enquiry.received');
    expect(importedStageOf({ ...enquiryOnly, applicationDate: '2024-02-01' })).toBe('application.submitted');
    expect(importedStageOf({ ...enquiryOnly, applicationDate: '2024-02-01', approvalDate: '2024-09-01' })).toBe('approved');
    expect(
      importedStageOf({ ...enquiryOnly, applicationDate: '2024-02-01', closedDate: '2024-03-01', closedReason: 'FINANCES' }),
    ).toBe('closed');
  });

  test('a kinship record starts as a referral and its application is the full assessment', () => {
    const kinship = { ...enquiryOnly, route: 'kinship' as const };
    expect(importedStageOf(kinship)).toBe('kinship.referral');
    expect(importedStageOf({ ...kinship, applicationDate: '2024-02-01' })).toBe('kinship.fullAssessment');
  });

  test('one step per dated event, each with the stage it led to', () => {
    expect(
      importedStepsOf({ ...enquiryOnly, applicationDate: '2024-02-01', closedDate: '2024-03-01', closedReason: 'FINANCES' }),
    ).toEqual([
      { event: 'IMPORT_ENQUIRY', toStage: 'enquiry.received', occurredOn: '2024-01-05', reasonCode: null },
      { event: 'IMPORT_APPLICATION', toStage: 'application.submitted', occurredOn: '2024-02-01', reasonCode: null },
      { event: 'IMPORT_CLOSED', toStage: 'closed', occurredOn: '2024-03-01', reasonCode: 'FINANCES' },
    ]);
  });

  test('every stage an import can lead to is a stage of the pipeline machine', () => {
    const stages = new Set<string>();
    for (const route of ['mainstream', 'kinship'] as const) {
      const full = { ...enquiryOnly, route, applicationDate: '2024-02-01', approvalDate: '2024-09-01' };
      const closed = { ...enquiryOnly, route, applicationDate: '2024-02-01', closedDate: '2024-03-01', closedReason: 'NOT_NOW' as const };
      for (const step of [...importedStepsOf(full), ...importedStepsOf(closed)]) stages.add(step.toStage);
    }
    expect([...stages].filter((stage) => !ALL_STAGES.includes(stage))).toEqual([]);
    expect(stages.size).toBe(6);
  });
});
