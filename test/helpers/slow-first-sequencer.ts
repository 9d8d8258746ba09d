import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Most of a fault test's time is waiting on real processes and real backoff; they go first so the rest fills the gaps. */
const GROUPS = ['/test/faults/', '/test/integration/'];
const groupOf = (file: TestSpecification) => {
  const index = GROUPS.findIndex((dir) => file.moduleId.includes(dir));
  return index === -1 ? GROUPS.length : index;
};

/**
 * Vitest's own order (failed first, then the longest by the last run's durations, else the largest
 * files), but the fault tests before the other integration tests before the unit tests: on a fresh
 * clone there are no durations yet, and one long fault file started last would set the suite's time.
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((file, index) => ({ file, index })).sort((a, b) => groupOf(a.file) - groupOf(b.file) || a.index - b.index).map(({ file }) => file);
  }
}
