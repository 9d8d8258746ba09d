import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files of the full run on 2 cores (durations of `npm test`, 2026-12-02), then the fault tests, then the
 * other integration tests, then the unit tests: a long file started last would set the suite's time.
 */
const GROUPS = [
  /\/test\/(integration\/(scenario\/scenarios|resync\/(sweep|disaster)|demo\/demo|log-secrets|privacy\/stored-data|scenario\/simulate-cli|xurrent\/throughput)\.test\.ts)$/,
  /\/test\/faults\//,
  /\/test\/integration\//,
];
const groupOf = (file: TestSpecification) => {
  const index = GROUPS.findIndex((pattern) => pattern.test(file.moduleId));
  return index === -1 ? GROUPS.length : index;
};

/**
 * Vitest's own order (failed first, then the longest by the last run's durations, else the largest
 * files) within each group: a fresh clone has no durations cached. Projects keep their group order
 * (vitest.config.ts: the files that run alone come last).
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const order = (file: TestSpecification) => file.project.config.sequence.groupOrder;
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => order(a.file) - order(b.file) || groupOf(a.file) - groupOf(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
