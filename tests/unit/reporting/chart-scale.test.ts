import { describe, expect, it } from 'vitest';
import { axisTicks, labelInterval, niceStep, spreadLabels } from '~/components/charts/scale';

describe('chart axes', () => {
  it('picks round steps of 1, 2 or 5 times a power of ten', () => {
    // 37 / 4 = 9.25 → 10; 180 / 4 = 45 → 50; 7 / 4 = 1.75 → 2.
    expect(niceStep(37)).toBe(10);
    expect(niceStep(180)).toBe(50);
    expect(niceStep(7)).toBe(2);
  });
  it('never steps by less than one, since counts are whole', () => {
    expect(niceStep(2)).toBe(1);
    expect(niceStep(0)).toBe(1);
  });
  it('runs the ticks from zero to the first step at or above the largest value', () => {
    expect(axisTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(axisTicks(40)).toEqual([0, 10, 20, 30, 40]);
    // All zeros still gives an axis to draw on.
    expect(axisTicks(0)).toEqual([0, 1]);
  });
  it('labels every month of a year, and every third of three years', () => {
    expect(labelInterval(12)).toBe(1);
    expect(labelInterval(36)).toBe(3);
    expect(labelInterval(37)).toBe(4);
  });
});

describe('spreadLabels', () => {
  it('leaves labels far enough apart where they are', () => {
    expect(spreadLabels([100, 40, 70], 14)).toEqual([100, 40, 70]);
  });
  it('pushes a label down just enough to clear the one above, keeping the order', () => {
    // 50 and 52 end together: the second goes to 64; 60 is then pushed to 78.
    expect(spreadLabels([52, 50, 60], 14)).toEqual([64, 50, 78]);
  });
});
