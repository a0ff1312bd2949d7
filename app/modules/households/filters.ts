import { isEnquiryInterest, type EnquiryInterest } from '~/modules/codes/enquiry';
import { isPipelineStage, STAGE_GROUPS } from '~/modules/pipeline/stages';

// The filters shared by the household list, the board and the CSV export, read from and written back to the URL.
// Parsing is forgiving: a value that is not one we offer is dropped, so an edited or stale link still shows a page.

export const HOUSEHOLD_SORTS = ['updated', 'enquiryDate', 'nextDue', 'reference'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export type HouseholdRoute = 'mainstream' | 'kinship';

export type HouseholdFilter = {
  councilId?: string;
  route?: HouseholdRoute;
  /** The worker who holds the case (Household.ownerId). */
  ownerId?: string;
  interest?: EnquiryInterest;
  stage?: string;
  stageGroup?: string;
  overdue: boolean;
  stalled: boolean;
  q?: string;
  sort: HouseholdSort;
  direction: SortDirection;
};

export type HouseholdCursor = { direction: 'after' | 'before'; id: string };

/** The direction each sort starts in when the link names only the sort: newest, soonest or A to Z first. */
const DEFAULT_DIRECTION: Record<HouseholdSort, SortDirection> = {
  updated: 'desc',
  enquiryDate: 'desc',
  nextDue: 'asc',
  reference: 'asc',
};

export const DEFAULT_FILTER: HouseholdFilter = { overdue: false, stalled: false, sort: 'updated', direction: 'desc' };

/** The choices of the "Sort by" select, as `sort` values in the URL. */
export const SORT_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'updated-desc', label: 'Most recently updated first' },
  { value: 'updated-asc', label: 'Least recently updated first' },
  { value: 'enquiryDate-desc', label: 'Newest enquiry first' },
  { value: 'enquiryDate-asc', label: 'Oldest enquiry first' },
  { value: 'nextDue-asc', label: 'Next deadline soonest first' },
  { value: 'nextDue-desc', label: 'Next deadline latest first' },
  { value: 'reference-asc', label: 'Reference, A to Z' },
  { value: 'reference-desc', label: 'Reference, Z to A' },
];

// Council slugs ('derby-city') and record ids (cuid, or the seed's 'seed-user-…'): anything else cannot match a row.
const ID_LIKE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_SEARCH_LENGTH = 100;
const TICKED = new Set(['1', 'true', 'on', 'yes']);

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

function idLike(params: URLSearchParams, name: string): string | undefined {
  const value = text(params, name);
  return value && ID_LIKE.test(value) ? value : undefined;
}

function isSort(value: string): value is HouseholdSort {
  return (HOUSEHOLD_SORTS as readonly string[]).includes(value);
}

function parseSort(raw: string | undefined): Pick<HouseholdFilter, 'sort' | 'direction'> {
  const [key = '', direction] = (raw ?? '').split('-');
  if (!isSort(key)) return { sort: DEFAULT_FILTER.sort, direction: DEFAULT_FILTER.direction };
  return { sort: key, direction: direction === 'asc' || direction === 'desc' ? direction : DEFAULT_DIRECTION[key] };
}

export function isStageGroup(value: string): boolean {
  return STAGE_GROUPS.some((group) => group.id === value);
}

/** The URL's search params → the filter. Unknown or malformed values are left out rather than refused. */
export function parseHouseholdFilter(params: URLSearchParams): HouseholdFilter {
  const route = text(params, 'route');
  const interest = text(params, 'type');
  const stage = text(params, 'stage');
  const stageGroup = text(params, 'group');
  const q = text(params, 'q')?.slice(0, MAX_SEARCH_LENGTH);
  return {
    councilId: idLike(params, 'council'),
    route: route === 'mainstream' || route === 'kinship' ? route : undefined,
    ownerId: idLike(params, 'worker'),
    interest: interest && isEnquiryInterest(interest) ? interest : undefined,
    stage: stage && isPipelineStage(stage) ? stage : undefined,
    stageGroup: stageGroup && isStageGroup(stageGroup) ? stageGroup : undefined,
    overdue: TICKED.has(params.get('overdue') ?? ''),
    stalled: TICKED.has(params.get('stalled') ?? ''),
    q,
    ...parseSort(text(params, 'sort')),
  };
}

/** `after=<id>` or `before=<id>`: the row the page starts after (or ends before). */
export function parseHouseholdCursor(params: URLSearchParams): HouseholdCursor | undefined {
  const after = idLike(params, 'after');
  if (after) return { direction: 'after', id: after };
  const before = idLike(params, 'before');
  return before ? { direction: 'before', id: before } : undefined;
}

/** The filter → search params, leaving out defaults, so links stay short and round-trip through the parser. */
export function householdFilterToSearchParams(filter: HouseholdFilter, cursor?: HouseholdCursor): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.councilId) params.set('council', filter.councilId);
  if (filter.route) params.set('route', filter.route);
  if (filter.ownerId) params.set('worker', filter.ownerId);
  if (filter.interest) params.set('type', filter.interest);
  if (filter.stageGroup) params.set('group', filter.stageGroup);
  if (filter.stage) params.set('stage', filter.stage);
  if (filter.overdue) params.set('overdue', '1');
  if (filter.stalled) params.set('stalled', '1');
  if (filter.q) params.set('q', filter.q);
  if (filter.sort !== DEFAULT_FILTER.sort || filter.direction !== DEFAULT_FILTER.direction) {
    params.set('sort', sortValue(filter));
  }
  if (cursor) params.set(cursor.direction, cursor.id);
  return params;
}

/** The "Sort by" select's value for a filter: 'nextDue-asc'. */
export function sortValue(filter: Pick<HouseholdFilter, 'sort' | 'direction'>): string {
  return `${filter.sort}-${filter.direction}`;
}

/** A path with the filter's query string, or the bare path when nothing is filtered. */
export function hrefWithFilter(path: string, filter: HouseholdFilter, cursor?: HouseholdCursor): string {
  const query = householdFilterToSearchParams(filter, cursor).toString();
  return query ? `${path}?${query}` : path;
}

/** True when any filter narrows the households (sort order does not). */
export function isFiltered(filter: HouseholdFilter): boolean {
  return Boolean(
    filter.councilId ||
      filter.route ||
      filter.ownerId ||
      filter.interest ||
      filter.stage ||
      filter.stageGroup ||
      filter.overdue ||
      filter.stalled ||
      filter.q,
  );
}
