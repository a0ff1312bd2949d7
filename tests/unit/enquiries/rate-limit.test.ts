import { describe, expect, it } from 'vitest';
import { admitEnquiry } from '~/modules/enquiries/public-form.server';

// The per-IP limit at its normal setting (5 in ten minutes), driven by explicit clock times so the sliding window
// can be checked to the millisecond. Each test uses its own address: the table lives for the whole process.
const MINUTE = 60 * 1000;
const START = Date.UTC(2026, 10, 23, 19, 0, 0);

describe('admitEnquiry', () => {
  it('admits five from one address in ten minutes and refuses the sixth until the first leaves the window', () => {
    const address = '203.0.113.1';
    for (let index = 0; index < 5; index += 1) {
      expect(admitEnquiry(address, `key-${index}`, START + index * MINUTE)).toEqual({ allowed: true });
    }
    // At 5 minutes the oldest (at 0) leaves the window at 10 minutes: 300 seconds to wait.
    expect(admitEnquiry(address, 'key-5', START + 5 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 300 });
    // One millisecond before it leaves, still refused, with at least a second to wait.
    expect(admitEnquiry(address, 'key-5', START + 10 * MINUTE - 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Exactly ten minutes after the first, it has left: one more is admitted, and then the window is full again.
    expect(admitEnquiry(address, 'key-5', START + 10 * MINUTE)).toEqual({ allowed: true });
    // The next to leave is the one at 1 minute, at 11 minutes: 60 seconds from 10 minutes.
    expect(admitEnquiry(address, 'key-6', START + 10 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('lets a key already admitted through again without counting it, until it leaves the window', () => {
    const address = '203.0.113.2';
    for (let index = 0; index < 5; index += 1) expect(admitEnquiry(address, 'same-key', START)).toEqual({ allowed: true });
    for (let index = 1; index < 5; index += 1) expect(admitEnquiry(address, `key-${index}`, START + 1)).toEqual({ allowed: true });
    expect(admitEnquiry(address, 'same-key', START + 2)).toEqual({ allowed: true });
    expect(admitEnquiry(address, 'key-5', START + 2)).toEqual({ allowed: false, retryAfterSeconds: 600 });
    // Once 'same-key' has left the window it is a new admission again, and the four at START + 1 still fill it.
    expect(admitEnquiry(address, 'key-5', START + 10 * MINUTE)).toEqual({ allowed: true });
    expect(admitEnquiry(address, 'same-key', START + 10 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('counts enquiries without a key every time', () => {
    const address = '203.0.113.3';
    for (let index = 0; index < 5; index += 1) expect(admitEnquiry(address, undefined, START)).toEqual({ allowed: true });
    expect(admitEnquiry(address, undefined, START)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('keeps addresses apart', () => {
    for (let index = 0; index < 5; index += 1) expect(admitEnquiry('203.0.113.4', `key-${index}`, START)).toEqual({ allowed: true });
    expect(admitEnquiry('203.0.113.4', 'key-5', START)).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(admitEnquiry('203.0.113.5', 'key-5', START)).toEqual({ allowed: true });
  });

  it('stays correct over many windows for one address', () => {
    const address = '203.0.113.6';
    // Two admissions a minute for an hour: the window never holds more than five, and the sliding edge is exact.
    let admitted = 0;
    for (let minute = 0; minute < 60; minute += 1) {
      for (const second of [0, 30]) {
        if (admitEnquiry(address, `k-${minute}-${second}`, START + minute * MINUTE + second * 1000).allowed) admitted += 1;
      }
    }
    // Admitted at 0:00, 0:30, 1:00, 1:30, 2:00; then refused until 10:00, when 0:00 leaves; and so on, five per ten
    // minutes: 6 windows in the hour, 30 admissions.
    expect(admitted).toBe(30);
  });
});
