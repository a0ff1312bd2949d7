import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { describedBy, Field, inputBorderClass, INPUT_BASE_CLASS } from '~/components/govuk/Field';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { handleDomainErrors } from '~/lib/http.server';
import { formatNumber } from '~/lib/uk';
import { assertCan, requireViewer } from '~/modules/auth/access.server';
import {
  decodeCsvBytes,
  IMPORT_COLUMNS,
  MAX_IMPORT_FILE_BYTES,
  NOT_UTF8_MESSAGE,
  REQUIRED_IMPORT_COLUMNS,
} from '~/modules/importing/historical-csv';
import { importHistorical } from '~/modules/importing/historical.server';

export const meta: MetaFunction = () => [{ title: 'Import historical records – Administration – Foster for East Midlands' }];

const ERRORS_SHOWN = 200;
const MAX_MEGABYTES = MAX_IMPORT_FILE_BYTES / 1024 / 1024;

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    assertCan(await requireViewer(request, { area: 'admin' }), 'import.run');
    return null;
  });

const refuseFile = (message: string) => data({ outcome: 'badFile' as const, message }, { status: 400 });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    assertCan(viewer, 'import.run');
    const tooLarge = `The file must be smaller than ${MAX_MEGABYTES} MB. Split it into smaller files and import each one`;
    if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_FILE_BYTES + 64 * 1024) return refuseFile(tooLarge);

    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_FILE_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return refuseFile(tooLarge);
      throw error;
    }
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return refuseFile('Select a CSV file to import');
    const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    if (text === null) return refuseFile(`The selected file cannot be read: ${NOT_UTF8_MESSAGE}`);

    const result = await importHistorical(viewer, text, { dryRun: form.get('dryRun') === 'yes', fileName: file.name });
    if (!result.ok) {
      const errors = result.errors.slice(0, ERRORS_SHOWN);
      return data({ outcome: 'refused' as const, errors, errorCount: result.errors.length }, { status: 400 });
    }
    return { outcome: 'done' as const, dryRun: result.dryRun, counts: result.counts };
  });

export default function AdminImport() {
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const fileError = result?.outcome === 'badFile' ? result.message : undefined;

  return (
    <>
      {fileError ? <ErrorSummary errors={{ file: fileError }} /> : null}
      {result?.outcome === 'refused' ? (
        <ErrorSummary
          title="Nothing was imported"
          errors={{
            'import-problems': `The file has ${formatNumber(result.errorCount)} ${result.errorCount === 1 ? 'problem' : 'problems'}. Correct them and upload the file again`,
          }}
        />
      ) : null}
      {result?.outcome === 'done' ? (
        <NotificationBanner variant="success" title={result.dryRun ? 'File checked' : 'Import complete'}>
          {result.dryRun
            ? `The file has no problems and nothing was written. Importing it would create ${formatNumber(result.counts.created)}, update ${formatNumber(result.counts.updated)} and leave ${formatNumber(result.counts.unchanged)} unchanged.`
            : `${formatNumber(result.counts.rows)} rows imported: ${formatNumber(result.counts.created)} created, ${formatNumber(result.counts.updated)} updated, ${formatNumber(result.counts.unchanged)} unchanged.`}
        </NotificationBanner>
      ) : null}

      <PageHeading caption="Administration">Import historical records</PageHeading>
      <p className="mb-4">
        Upload a council&apos;s records as a CSV file with a header row. The whole file is checked first: if any row has
        a problem, nothing is imported. Importing the same file again changes nothing.
      </p>
      <p className="mb-8">
        Columns, in any order: {IMPORT_COLUMNS.join(', ')}. Required: {REQUIRED_IMPORT_COLUMNS.join(', ')}. Dates are
        written as YYYY-MM-DD or DD/MM/YYYY. The import guide lists every code the reason columns accept.
      </p>

      <Form method="post" encType="multipart/form-data" noValidate>
        <Field id="file" label="CSV file" hint={`Up to ${MAX_MEGABYTES} MB, saved as CSV UTF-8`} error={fileError}>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={describedBy('file', { hint: true, error: fileError })}
            className={`${INPUT_BASE_CLASS} ${inputBorderClass(fileError)}`}
          />
        </Field>
        <Checkboxes
          name="dryRun"
          legend="Check only"
          items={[{ value: 'yes', label: 'Check the file without importing anything' }]}
        />
        <Button pending={submitting} pendingText="Checking the file…">
          Upload
        </Button>
      </Form>

      {result?.outcome === 'refused' ? (
        <section id="import-problems" tabIndex={-1}>
          <Table
            caption={
              result.errorCount > result.errors.length
                ? `The first ${formatNumber(result.errors.length)} of ${formatNumber(result.errorCount)} problems`
                : 'Problems in the file'
            }
            columns={[{ header: 'Line', numeric: true }, { header: 'Column' }, { header: 'Problem' }]}
            rows={result.errors.map((error, index) => ({
              id: String(index),
              cells: [String(error.line), error.column || '(whole line)', error.message],
            }))}
          />
        </section>
      ) : null}
    </>
  );
}
