// What the applicant's own page says about documents and checks (DOMAIN.md §2.2 Stage 1, §7) in plain English: what
// each one is, what it needs from them, and how far it has got. Only dates and counts: a check's outcome and notes
// are for the assessing team, never the applicant. Pure, so the wording is tested without a database.

export type CheckRecord = { type: string; requestedOn: string | null; receivedOn: string | null };

export type DocumentProgress =
  | { state: 'notYet' }
  | { state: 'requested'; requestedOn: string | null; received: number; total: number }
  | { state: 'received'; receivedOn: string; total: number };

export type DocumentItem = { id: string; title: string; whatYouDo: string; progress: DocumentProgress };

type DocumentKind = { id: string; title: string; whatYouDo: string; always: boolean };

/** In the order people meet them. Those not `always` are listed only once the case has such a check. */
const DOCUMENT_KINDS: readonly DocumentKind[] = [
  {
    id: 'dbs',
    title: 'DBS check for every adult in your home',
    whatYouDo: 'Each adult fills in a DBS form and shows proof of identity, such as a passport or driving licence, and proof of address.',
    always: true,
  },
  {
    id: 'medical',
    title: 'Medical report from your GP',
    whatYouDo: 'You book a medical with your GP, who sends the report to us.',
    always: true,
  },
  {
    id: 'localAuthority',
    title: 'Checks with councils where you have lived',
    whatYouDo: 'Nothing: we ask the councils ourselves, using the addresses in your application.',
    always: true,
  },
  {
    id: 'personalReference',
    title: 'Personal references',
    whatYouDo: 'You give us the names and contact details of people who know you well; we contact them.',
    always: true,
  },
  {
    id: 'formerPartner',
    title: 'References from former partners',
    whatYouDo: 'You give us their contact details if you have them; we contact them.',
    always: false,
  },
  { id: 'employer', title: 'Employer reference', whatYouDo: 'You give us your employer’s contact details; we contact them.', always: false },
  {
    id: 'previousService',
    title: 'Reference from a fostering service you were with',
    whatYouDo: 'Nothing: we contact the service ourselves.',
    always: false,
  },
  {
    id: 'homeSafety',
    title: 'Home safety check',
    whatYouDo: 'Your worker walks round your home with you. There is nothing to send.',
    always: true,
  },
];

const earliest = (dates: string[]) => dates.reduce<string | null>((min, date) => (min === null || date < min ? date : min), null);
const latest = (dates: string[]) => dates.reduce<string | null>((max, date) => (max === null || date > max ? date : max), null);

export function progressOf(checks: readonly CheckRecord[]): DocumentProgress {
  if (checks.length === 0) return { state: 'notYet' };
  const receivedDates = checks.flatMap((check) => (check.receivedOn ? [check.receivedOn] : []));
  const lastReceived = latest(receivedDates);
  if (lastReceived && receivedDates.length === checks.length) return { state: 'received', receivedOn: lastReceived, total: checks.length };
  const openRequests = checks.flatMap((check) => (!check.receivedOn && check.requestedOn ? [check.requestedOn] : []));
  return { state: 'requested', requestedOn: earliest(openRequests), received: receivedDates.length, total: checks.length };
}

/** The documents list for the case's checks; types the applicant would not recognise ("other") are left out. */
export function documentsFor(checks: readonly CheckRecord[]): DocumentItem[] {
  return DOCUMENT_KINDS.flatMap((kind) => {
    const ofKind = checks.filter((check) => check.type === kind.id);
    if (!kind.always && ofKind.length === 0) return [];
    return [{ id: kind.id, title: kind.title, whatYouDo: kind.whatYouDo, progress: progressOf(ofKind) }];
  });
}

/** "Not asked for yet", "Asked for on 3 March 2026 (1 of 2 received)", "Received on 9 April 2026". */
export function progressInWords(progress: DocumentProgress, formatDate: (date: string) => string): string {
  switch (progress.state) {
    case 'notYet':
      return 'Not asked for yet';
    case 'received':
      return progress.total === 1
        ? `Received on ${formatDate(progress.receivedOn)}`
        : `All ${progress.total} received, the last on ${formatDate(progress.receivedOn)}`;
    case 'requested': {
      const asked = progress.requestedOn ? `Asked for on ${formatDate(progress.requestedOn)}` : 'Being arranged';
      return progress.total === 1 ? asked : `${asked} (${progress.received} of ${progress.total} received)`;
    }
  }
}
