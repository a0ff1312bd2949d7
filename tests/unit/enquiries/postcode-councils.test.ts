import { describe, expect, it } from 'vitest';
import { councilForPostcode } from '~/modules/enquiries/postcode-councils';

// DOMAIN.md §8.1: a district mostly inside one council matches it; a shared one is ambiguous and left to staff;
// anything not in the table is outside the four councils.

describe('councilForPostcode', () => {
  it.each([
    ['DE1 2FS', 'derby-city'], // Derby Council House
    ['DE23 8AA', 'derby-city'],
    ['S40 1LP', 'derbyshire'], // Chesterfield
    ['SK17 6AA', 'derbyshire'], // Buxton
    ['NG10 1AA', 'derbyshire'], // Long Eaton: a Nottingham code, but mostly Derbyshire
    ['NG7 2RD', 'nottingham-city'],
    ['NG1 5FS', 'nottingham-city'],
    ['NG18 1AA', 'nottinghamshire'], // Mansfield
    ['S81 7AA', 'nottinghamshire'], // listed as mostly inside and as shared with Rotherham: mostly inside wins
  ])('matches %s to %s', (postcode, councilId) => {
    expect(councilForPostcode(postcode)).toEqual({ kind: 'match', councilId });
  });

  it.each([
    ['DE22 1AA', ['derby-city', 'derbyshire']],
    ['NG5 1AA', ['nottingham-city', 'nottinghamshire']],
    ['DE7 5AA', ['derbyshire', 'nottinghamshire']], // Ilkeston
    ['S80 1AA', ['derbyshire', 'nottinghamshire']], // Worksop, and Whitwell
    ['DE11 0AA', ['derbyshire']], // shared with Leicestershire
    ['NG13 8AA', ['nottinghamshire']], // shared with Leicestershire
  ])('leaves the shared district of %s to staff', (postcode, candidates) => {
    expect(councilForPostcode(postcode)).toEqual({ kind: 'ambiguous', candidates });
  });

  it.each(['LE1 6ZG', 'DE14 1AA', 'DE74 2SA', 'NG31 6AA', 'SW1A 1AA'])('puts %s outside the four councils', (postcode) => {
    expect(councilForPostcode(postcode)).toEqual({ kind: 'outside' });
  });

  it('reads lower case and missing or extra spaces', () => {
    expect(councilForPostcode('de12fs')).toEqual({ kind: 'match', councilId: 'derby-city' });
    expect(councilForPostcode('  ng7   2rd ')).toEqual({ kind: 'match', councilId: 'nottingham-city' });
    expect(councilForPostcode('de221aa')).toEqual({ kind: 'ambiguous', candidates: ['derby-city', 'derbyshire'] });
  });

  it('does not read a district from a prefix of a longer one', () => {
    // DE1 matches Derby City; DE12 and DE13 must not be taken for it.
    expect(councilForPostcode('DE12 7AA')).toEqual({ kind: 'ambiguous', candidates: ['derbyshire'] });
    expect(councilForPostcode('DE13 0AA')).toEqual({ kind: 'outside' });
  });

  it.each(['', 'DE1', 'not a postcode', 'DE1 2F', '12345'])('calls %j invalid rather than guessing', (raw) => {
    expect(councilForPostcode(raw)).toEqual({ kind: 'invalid' });
  });

  it('hands back a copy of the candidates, so a caller cannot change the table', () => {
    const first = councilForPostcode('NG5 1AA');
    if (first.kind !== 'ambiguous') throw new Error('expected ambiguous');
    first.candidates.push('somewhere-else');
    expect(councilForPostcode('NG5 1AA')).toEqual({ kind: 'ambiguous', candidates: ['nottingham-city', 'nottinghamshire'] });
  });
});
