import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

export interface Row {
  workload: string;
  subject: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statementsPerRequest: number;
  /** CPU the server process spent per request (median over rounds), in milliseconds. */
  cpuPerRequest: number;
  ratioToFloor: number;
  failures: number;
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function markdownTable(rows: Row[], peakRss: Map<string, number>): string {
  const lines = [
    '| Workload | Subject | req/s (median) | × floor | p50 ms | p99 ms | SQL statements / request | server CPU ms / request | peak RSS MiB | failed requests |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.workload} | ${row.subject} | ${number(row.requestsPerSecond)} | ${number(row.ratioToFloor, 2)} | ${number(row.p50, 1)} | ${number(row.p99, 1)} | ${number(row.statementsPerRequest, 1)} | ${number(row.cpuPerRequest, 2)} | ${number((peakRss.get(row.subject) ?? 0) / 2 ** 20)} | ${row.failures} |`,
    );
  }
  return lines.join('\n');
}

type Measure = 'ratio' | 'cpuPerRequest';

/** One row of the chart: a bar per subject, one panel per workload, for one measure. */
function barsPerWorkload(measure: Measure, title: string, axisTitle: string, ownScale: boolean) {
  return {
    title,
    width: 120,
    height: 200,
    mark: 'bar',
    encoding: {
      column: { field: 'workload', type: 'nominal', title: null },
      x: { field: 'subject', type: 'nominal', axis: { labelAngle: -40, title: null } },
      y: { field: measure, type: 'quantitative', title: axisTitle },
      color: { field: 'subject', type: 'nominal', legend: null },
    },
    // CPU per request spans two orders of magnitude between W3 and W4: a scale shared across
    // workloads would flatten every bar but W3's.
    resolve: { scale: { y: ownScale ? 'independent' : 'shared' } },
  } as const;
}

/**
 * Two grouped bar charts, one above the other: throughput relative to the floor, and the server
 * CPU each request costs, since a subject can keep up with the floor on a machine with CPU to
 * spare and still cost many times its CPU. Rendered to SVG without a browser.
 */
export async function resultsChart(rows: Row[]): Promise<string> {
  const spec: vegaLite.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows.map((row) => ({ ...row, ratio: row.ratioToFloor })) },
    vconcat: [
      barsPerWorkload(
        'ratio',
        'Throughput relative to the hand-written SQL floor (higher is better)',
        '× floor req/s',
        false,
      ),
      barsPerWorkload(
        'cpuPerRequest',
        'Server CPU per request (lower is better; each workload on its own scale)',
        'CPU ms / request',
        true,
      ),
    ],
    config: { font: 'sans-serif' },
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
