// Test-only (a *.test.ts so the platform-neutral build leaves it out): typed access to ../shared/corpus/signature/socorro_test_rules_cases.json, the literal
// parametrize tables of Socorro's socorro/signature/tests/test_rules.py.
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../testing/corpus.js';

export interface ParamTable {
  params: string[];
  rows: Record<string, unknown>[];
}

export interface EndToEndCase {
  test: string;
  crash_data: Record<string, unknown>;
  expected_signature: string;
  expected_normalized_frames?: string[];
}

export interface CustomListCase {
  test: string;
  irrelevant: string[];
  prefix: string[];
  sentinels?: 'default';
  input: string[];
  expected: string;
}

export interface SocorroCases {
  module_constants: Record<string, unknown>;
  cases: Record<string, ParamTable>;
  end_to_end: EndToEndCase[];
  generate_with_custom_lists: CustomListCase[];
}

export function loadSocorroCases(): SocorroCases {
  return JSON.parse(readFileSync(corpusPath('signature', 'socorro_test_rules_cases.json'), 'utf8')) as SocorroCases;
}

/** Tally of agreements with Socorro's expected answers, printed by the tests. */
export class Agreement {
  readonly disagreements: string[] = [];
  agreed = 0;
  total = 0;

  check(label: string, actual: unknown, expected: unknown): void {
    this.total += 1;
    if (JSON.stringify(actual) === JSON.stringify(expected)) this.agreed += 1;
    else this.disagreements.push(`${label}: got ${JSON.stringify(actual)}, Socorro expects ${JSON.stringify(expected)}`);
  }
}

