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

/** A grouped bar chart of throughput relative to the floor, rendered to SVG without a browser. */
export async function throughputChart(rows: Row[]): Promise<string> {
  const spec: vegaLite.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Throughput relative to the hand-written SQL floor (higher is better)',
    width: 120,
    height: 220,
    data: { values: rows.map((row) => ({ ...row, ratio: row.ratioToFloor })) },
    mark: 'bar',
    encoding: {
      column: { field: 'workload', type: 'nominal', title: null },
      x: { field: 'subject', type: 'nominal', axis: { labelAngle: -40, title: null } },
      y: { field: 'ratio', type: 'quantitative', title: '× floor req/s' },
      color: { field: 'subject', type: 'nominal', legend: null },
    },
    config: { font: 'sans-serif' },
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
