import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from '~/components/charts/BarChart';
import { LineChart } from '~/components/charts/LineChart';

describe('LineChart', () => {
  const html = renderToStaticMarkup(
    <LineChart
      chart={{
        id: 'example',
        title: 'Enquiries a month',
        categories: ['Apr 2025', 'May 2025', 'Jun 2025', 'Jul 2025'],
        series: [
          { key: 'a', label: 'Applications', values: [12, null, 14, 15] },
          { key: 'b', label: 'Approvals', values: [3, 4, 5, 6] },
        ],
        referenceLines: [{ label: 'Target 40', value: 40 }],
      }}
    />,
  );

  it('is an image named by its title and a description that points to the table', () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="example-title example-desc"');
    expect(html).toContain('<title id="example-title">Enquiries a month</title>');
    expect(html).toMatch(/<desc id="example-desc">[^<]*Hidden small numbers are gaps\.[^<]*table that follows/);
  });

  it('breaks a line at a hidden value instead of drawing it as zero', () => {
    // Applications: a point alone, then the last two joined; approvals: one line of four points.
    const lines = html.match(/<polyline points="[^"]*"/g) ?? [];
    expect(lines.map((line) => line.split(' ').length - 1)).toEqual([1, 2, 4]);
  });

  it('tells series apart by marker shape as well as colour, with a key and a label at each line’s end', () => {
    expect(html).toContain('<circle');
    expect(html).toContain('<rect');
    expect(html).toContain('aria-label="Key"');
    expect(html.match(/>Applications</g)?.length).toBe(2);
    expect(html).toContain('>Target 40<');
  });
});

describe('BarChart', () => {
  const html = renderToStaticMarkup(
    <BarChart
      chart={{
        id: 'years',
        title: 'Approvals and deregistrations',
        categories: ['2024/25', '2025/26'],
        series: [
          { key: 'approvals', label: 'Approvals', values: [65, 78] },
          { key: 'deregistrations', label: 'Deregistrations', values: [null, 45] },
        ],
      }}
    />,
  );

  it('prints each bar’s value, fills the second series with a pattern, and marks a hidden value x', () => {
    expect(html).toContain('>65<');
    expect(html).toContain('>45<');
    expect(html).toContain('fill="url(#years-hatched)"');
    expect(html).toMatch(/>x<\/text>/);
    // Three bars drawn: the hidden one has none.
    expect(html.match(/<rect[^>]*stroke-width="1"/g)).toHaveLength(3);
  });
});
