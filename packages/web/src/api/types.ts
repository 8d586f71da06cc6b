/** The JSON shapes of the service API (docs: /openapi.json and the answers contract). */
export type Role = 'admin' | 'developer' | 'read' | 'vendor' | 'unknown';

export interface Me {
  role: Role;
  vendor?: { id: string | number; name: string; modules: string[] };
}

export interface Localised {
  en: string;
  ja?: string;
}

export type ReportStatus = 'queued' | 'processing' | 'processed' | 'failed';

export interface AnswerSolution {
  id?: string | number;
  kind?: SolutionKind;
  title: Localised | string;
  text?: Localised | string;
  link?: string;
  url?: string;
  fixedIn?: string;
  applies?: 'yes' | 'unknown-version' | 'no';
}

/** `GET /api/reports/:id/answer` (and the older `/api/answers/:id`, whose fields differ a little). */
export interface Answer {
  reportId: string;
  status: ReportStatus;
  verdict: string;
  headline?: Localised;
  text: Localised | string;
  culprit?: { name: string; version?: string | null; vendor?: string; thirdParty?: boolean } | null;
  solutions: AnswerSolution[];
  reproducible?: boolean;
  repeatCount?: number;
  bucket?: { id: number; signature: string; count: number };
  /** Older answer fields. */
  bucketId?: number | null;
  bucketReports?: number | null;
  signature?: string | null;
}

export interface ReportSummary {
  id: string;
  receivedAt: string;
  product: string | null;
  version: string | null;
  platform: string | null;
  status: ReportStatus;
  kind: string | null;
  signature: string | null;
  bucketId: number | null;
  crashReason: string | null;
  osName: string | null;
  osVersion: string | null;
  cpuArch: string | null;
  culprit: { name: string; version: string | null } | null;
  guid?: string | null;
  dumpSize: number;
}

export interface ReportDetail extends ReportSummary {
  annotations: Record<string, string>;
  attachments: { name: string; filename: string; size: number }[];
  /** A CrashReport as JSON: 64-bit values are '0x…' strings. */
  result: unknown;
}

export interface Bucket {
  id: number;
  signature: string;
  kind: string | null;
  firstSeen: string;
  lastSeen: string;
  reports: number;
  windowReports?: number;
  installs?: number;
  culprit: { name: string; version: string | null; vendor?: string; thirdParty?: boolean } | null;
}

export interface Count {
  value: string | null;
  count: number;
}

export interface BucketDetail {
  bucket: Bucket;
  series: { day: string; count: number }[];
  products: Count[];
  versions: Count[];
  osVersions: Count[];
  platforms: Count[];
}

export type SolutionKind = 'update' | 'workaround' | 'information' | 'investigating';
export const SOLUTION_KINDS: readonly SolutionKind[] = ['update', 'workaround', 'information', 'investigating'];

export interface Solution {
  id: string | number;
  bucketId?: number | null;
  module?: string | null;
  versionRange?: { from?: string; to?: string } | null;
  kind: SolutionKind;
  title: Localised;
  text: Localised;
  link?: string | null;
  fixedIn?: string | null;
  status: 'published' | 'draft' | 'withdrawn';
  author?: string;
  createdAt?: string;
  updatedAt?: string;
  deliveredCount?: number;
}

export interface MissingSymbol {
  debugFile: string;
  debugId: string;
  codeFile: string;
  version: string | null;
  reports: number;
}
