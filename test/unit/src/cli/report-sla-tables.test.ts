import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../src/cli/commands/report-sla.js';
import { CSV_TABLES } from '../../../../src/reports/report-csv.js';

describe('report sla --table', () => {
  it('offers exactly the tables the CSV writer knows', () => {
    expect([...TABLES]).toEqual([...CSV_TABLES]);
  });
});
