import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTER,
  hrefWithFilter,
  householdFilterToSearchParams,
  isFiltered,
  parseHouseholdCursor,
  parseHouseholdFilter,
  type HouseholdFilter,
} from '~/modules/households/filters';

const parse = (query: string) => parseHouseholdFilter(new URLSearchParams(query));

describe('parseHouseholdFilter', () => {
  it('gives the default filter for an empty query: everything, most recently updated first', () => {
    expect(parse('')).toEqual({
      councilId: undefined,
      route: undefined,
      ownerId: undefined,
      interest: undefined,
      stage: undefined,
      stageGroup: undefined,
      overdue: false,
      stalled: false,
      q: undefined,
      sort: 'updated',
      direction: 'desc',
    });
  });

  it('reads every filter the form sends', () => {
    const filter = parse(
      'council=derby-city&route=kinship&worker=cm0worker123&type=teenagers&group=assessment&stage=assessment.stage1' +
        '&overdue=1&stalled=on&q=+Okafor+&sort=nextDue-desc',
    );
    expect(filter).toEqual({
      councilId: 'derby-city',
      route: 'kinship',
      ownerId: 'cm0worker123',
      interest: 'teenagers',
      stage: 'assessment.stage1',
      stageGroup: 'assessment',
      overdue: true,
      stalled: true,
      q: 'Okafor',
      sort: 'nextDue',
      direction: 'desc',
    });
  });

  it('drops values it does not offer rather than refusing the page', () => {
    const filter = parse('council=derby city;drop&route=adoption&worker=&type=pets&group=nowhere&stage=enquiry.lost&overdue=maybe&sort=size-desc');
    expect(filter).toEqual(parse(''));
  });

  it('takes each sort’s natural direction when the link names only the sort', () => {
    expect(parse('sort=updated')).toMatchObject({ sort: 'updated', direction: 'desc' });
    expect(parse('sort=enquiryDate')).toMatchObject({ sort: 'enquiryDate', direction: 'desc' });
    expect(parse('sort=nextDue')).toMatchObject({ sort: 'nextDue', direction: 'asc' });
    expect(parse('sort=reference')).toMatchObject({ sort: 'reference', direction: 'asc' });
    expect(parse('sort=reference-sideways')).toMatchObject({ sort: 'reference', direction: 'asc' });
    expect(parse('sort=updated-asc')).toMatchObject({ sort: 'updated', direction: 'asc' });
  });

  it('keeps at most 100 characters of a search and ignores a blank one', () => {
    expect(parse(`q=${'a'.repeat(150)}`).q).toHaveLength(100);
    expect(parse('q=%20%20').q).toBeUndefined();
  });

  it('treats a missing or unticked checkbox as not filtering', () => {
    expect(parse('overdue=0&stalled=').overdue).toBe(false);
    expect(parse('overdue=0&stalled=').stalled).toBe(false);
    expect(parse('overdue=true').overdue).toBe(true);
  });
});

describe('parseHouseholdCursor', () => {
  it('reads a cursor going forwards or back, forwards winning when a link has both', () => {
    expect(parseHouseholdCursor(new URLSearchParams('after=abc123'))).toEqual({ direction: 'after', id: 'abc123' });
    expect(parseHouseholdCursor(new URLSearchParams('before=abc123'))).toEqual({ direction: 'before', id: 'abc123' });
    expect(parseHouseholdCursor(new URLSearchParams('after=a1&before=b2'))).toEqual({ direction: 'after', id: 'a1' });
  });

  it('ignores a missing or malformed cursor', () => {
    expect(parseHouseholdCursor(new URLSearchParams(''))).toBeUndefined();
    expect(parseHouseholdCursor(new URLSearchParams("after=x' OR 1=1"))).toBeUndefined();
  });
});

describe('householdFilterToSearchParams', () => {
  it('leaves out the defaults, so an unfiltered link is the bare path', () => {
    expect(householdFilterToSearchParams(DEFAULT_FILTER).toString()).toBe('');
    expect(hrefWithFilter('/hub/households', DEFAULT_FILTER)).toBe('/hub/households');
  });

  it('writes a filter that reads back the same, with the cursor', () => {
    const filter: HouseholdFilter = {
      councilId: 'nottingham-city',
      route: 'mainstream',
      ownerId: 'worker1',
      interest: 'siblingGroups',
      stage: 'enquiry.received',
      stageGroup: 'enquiry',
      overdue: true,
      stalled: false,
      q: 'DE22 1AB',
      sort: 'reference',
      direction: 'desc',
    };
    const href = hrefWithFilter('/hub/households', filter, { direction: 'after', id: 'h42' });
    expect(href).toBe(
      '/hub/households?council=nottingham-city&route=mainstream&worker=worker1&type=siblingGroups&group=enquiry' +
        '&stage=enquiry.received&overdue=1&q=DE22+1AB&sort=reference-desc&after=h42',
    );
    const params = new URL(href, 'http://localhost').searchParams;
    expect(parseHouseholdFilter(params)).toEqual(filter);
    expect(parseHouseholdCursor(params)).toEqual({ direction: 'after', id: 'h42' });
  });
});

describe('isFiltered', () => {
  it('is false for the default filter in any order, and true once anything narrows it', () => {
    expect(isFiltered(DEFAULT_FILTER)).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTER, sort: 'reference', direction: 'asc' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTER, stalled: true })).toBe(true);
    expect(isFiltered({ ...DEFAULT_FILTER, q: 'Okafor' })).toBe(true);
  });
});

