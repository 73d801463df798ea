import type { Row } from './report.ts';

/** The subjects the targets compare, by their labels in the rows. */
export interface TargetSubjects {
  api: string;
  dataloader: string;
  floor: string;
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/**
 * The per-request cost targets, each a ratio measured in this run: the API's server CPU per
 * request against the DataLoader baseline's, its throughput against the floor's, W4 against
 * DataLoader (which does no authorization), and peak memory against DataLoader's.
 */
export function targetsTable(rows: Row[], peakRss: Map<string, number>, subjects: TargetSubjects): string {
  const find = (workload: string, subject: string) =>
    rows.find((row) => row.workload === workload && row.subject === subject);
  const lines = ['| Target | Measured | Met |', '| --- | ---: | :---: |'];
  const add = (target: string, measured: string, met: boolean) =>
    lines.push(`| ${target} | ${measured} | ${met ? 'yes' : 'no'} |`);
  for (const workload of ['W1', 'W2', 'W3', 'W5']) {
    const api = find(workload, subjects.api);
    const dataloader = find(workload, subjects.dataloader);
    if (!api || !dataloader) continue;
    const ratio = api.cpuPerRequest / dataloader.cpuPerRequest;
    add(
      `${workload}: server CPU per request ≤ 0.5 × DataLoader's, 1 statement`,
      `${fixed(ratio)} × (${fixed(api.cpuPerRequest)} vs ${fixed(dataloader.cpuPerRequest)} ms), ${fixed(api.statementsPerRequest, 1)} statements`,
      ratio <= 0.5 && api.statementsPerRequest <= 1,
    );
  }
  for (const [workload, goal] of [
    ['W1', 0.8],
    ['W3', 0.8],
    ['W2', 0.5],
  ] as const) {
    const api = find(workload, subjects.api);
    if (api)
      add(
        `${workload}: throughput ≥ ${goal} × the floor's`,
        `${fixed(api.ratioToFloor)} ×`,
        api.ratioToFloor >= goal,
      );
  }
  const w4 = find('W4', subjects.api);
  const w4DataLoader = find('W4', subjects.dataloader);
  if (w4 && w4DataLoader) {
    add(
      'W4: one round trip per mutation, authorization included',
      `${fixed(w4.statementsPerRequest, 1)} statements`,
      w4.statementsPerRequest <= 1,
    );
    const ratio = w4.requestsPerSecond / w4DataLoader.requestsPerSecond;
    add(
      "W4: throughput ≥ DataLoader's (which does no authorization)",
      `${fixed(ratio)} × (${Math.round(w4.requestsPerSecond)} vs ${Math.round(w4DataLoader.requestsPerSecond)} req/s)`,
      ratio >= 1,
    );
  }
  const apiRss = peakRss.get(subjects.api);
  const dataloaderRss = peakRss.get(subjects.dataloader);
  if (apiRss && dataloaderRss) {
    add(
      "Peak RSS under load ≤ DataLoader's",
      `${Math.round(apiRss / 2 ** 20)} vs ${Math.round(dataloaderRss / 2 ** 20)} MiB`,
      apiRss <= dataloaderRss,
    );
  }
  return lines.join('\n');
}
