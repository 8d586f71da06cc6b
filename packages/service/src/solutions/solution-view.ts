import type { Selectable } from 'kysely';
import type { SolutionKind, SolutionsTable, SolutionStatus } from '../storage/schema.js';

/** A solution as the API shows it. */
export interface SolutionView {
  id: number;
  bucketId?: number;
  module?: string;
  versionRange?: { from?: string; to?: string };
  kind: SolutionKind;
  title: { en: string; ja?: string };
  text: { en: string; ja?: string };
  link?: string;
  fixedIn?: string;
  status: SolutionStatus;
  author: string;
  vendorId?: number;
  createdAt: string;
  updatedAt: string;
  deliveredCount: number;
}

export function solutionView(r: Selectable<SolutionsTable>, deliveredCount: number): SolutionView {
  const out: SolutionView = {
    id: r.id,
    kind: r.kind,
    title: r.title_ja ? { en: r.title_en, ja: r.title_ja } : { en: r.title_en },
    text: r.text_ja ? { en: r.text_en, ja: r.text_ja } : { en: r.text_en },
    status: r.status,
    author: r.author,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
    deliveredCount,
  };
  if (r.bucket_id !== null) out.bucketId = r.bucket_id;
  if (r.module !== null) out.module = r.module;
  if (r.version_from !== null || r.version_to !== null) {
    out.versionRange = {};
    if (r.version_from !== null) out.versionRange.from = r.version_from;
    if (r.version_to !== null) out.versionRange.to = r.version_to;
  }
  if (r.link !== null) out.link = r.link;
  if (r.fixed_in !== null) out.fixedIn = r.fixed_in;
  if (r.vendor_id !== null) out.vendorId = r.vendor_id;
  return out;
}

const localized = { type: 'object', properties: { en: { type: 'string', minLength: 1, maxLength: 4000 }, ja: { type: 'string', maxLength: 4000 } }, required: ['en'], additionalProperties: false } as const;
const versionText = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Writable fields: POST requires kind, title and text; PATCH takes any of them. */
export const solutionInputProperties = {
  bucketId: { type: 'integer', minimum: 1 },
  module: { type: 'string', minLength: 1, maxLength: 200 },
  versionRange: { type: 'object', properties: { from: versionText, to: versionText }, additionalProperties: false },
  kind: { type: 'string', enum: ['update', 'workaround', 'information', 'investigating'] },
  title: { ...localized, properties: { en: { type: 'string', minLength: 1, maxLength: 300 }, ja: { type: 'string', maxLength: 300 } } },
  text: localized,
  link: { type: 'string', maxLength: 2000 },
  fixedIn: versionText,
  status: { type: 'string', enum: ['published', 'draft'] },
} as const;

export const solutionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    bucketId: { type: 'integer' },
    module: { type: 'string' },
    versionRange: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
    kind: { type: 'string' },
    title: { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } } },
    text: { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } } },
    link: { type: 'string' },
    fixedIn: { type: 'string' },
    status: { type: 'string', enum: ['published', 'draft', 'withdrawn'] },
    author: { type: 'string' },
    vendorId: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    deliveredCount: { type: 'integer' },
  },
  required: ['id', 'kind', 'title', 'text', 'status', 'author', 'createdAt', 'updatedAt', 'deliveredCount'],
} as const;
