/** The JSON shapes of the service API (docs: /openapi.json and the answers contract). */
export type Role = 'admin' | 'developer' | 'read' | 'vendor';

/** `GET /api/me`: the token's role, and its vendor for a vendor token. */
export interface Me {
  role: Role;
  vendor?: { id: number; name: string; modules: string[] };
}

export interface Localised {
  en: string;
  ja?: string;
}

export type ReportStatus = 'queued' | 'processing' | 'processed' | 'failed';

/** Answers carry both languages (the service fills Japanese from English when a vendor wrote none). */
export interface Both {
  en: string;
  ja: string;
}

export interface AnswerSolution {
  id: number;
  kind: SolutionKind;
  title: Both;
  text: Both;
  link?: string;
  fixedIn?: string;
  applies: 'yes' | 'unknown-version' | 'no';
}

/** `received` while the report waits for analysis; the others once it is processed or failed. */
export type Verdict =
  | 'received'
  | 'new'
  | 'known'
  | 'update-available'
  | 'already-at-fixed-version'
  | 'version-unknown'
  | 'workaround'
  | 'information'
  | 'investigating'
  | 'failed';

/** `GET /api/reports/:id/answer` (no token: the id is the capability). */
export interface Answer {
  reportId: string;
  status: ReportStatus;
  verdict: Verdict;
  headline: Both;
  text: Both;
  culprit?: { name: string; version?: string; vendor?: string; thirdParty?: boolean };
  solutions: AnswerSolution[];
  reproducible: boolean;
  repeatCount: number;
  bucket?: { id: number; signature: string; count: number };
}

export interface ReportSummary {
  id: string;
  receivedAt: string;
  product: string | null;
  version: string | null;
  platform: string | null;
  status: ReportStatus;
  kind: string | null;
  /** The sender's own kind: 'vm-guest' from culprit vm watch. */
  clientKind?: string | null;
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

/** A VM guest's crash as `culprit vm watch` described it (service: vm-guests/vm-facts.ts). */
export interface VmFacts {
  key: string | null;
  name: string | null;
  uuid: string | null;
  qmp: string | null;
  host: string | null;
  guestOs: string | null;
  channel: string | null;
  title: string | null;
  signature: string | null;
  culprit: string | null;
  detectedAt: string | null;
  hostKeptRunning: boolean;
  otherGuests: { name: string; status: string }[];
  dumpPath: string | null;
  bugCheck: { code: string; parameters: string[] } | null;
}

export interface ReportDetail extends ReportSummary {
  annotations: Record<string, string>;
  /** vm-guest reports only. */
  vm?: VmFacts | null;
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
  windowReports: number;
  installs: number;
  culprit: { name: string; version: string | null; thirdParty?: boolean } | null;
  /** Installs that hit this bucket 3 times or more, and their reports from the third on. */
  reproducible: { installs: number; reports: number };
}

export interface Count {
  value: string | null;
  count: number;
}

/** One line of `versionSeries`: a version's reports per UTC day (days without any left out). */
export interface VersionLine {
  /** null: reports that carried no version. */
  version: string | null;
  /** The versions past the service's line limit, summed. */
  other?: boolean;
  points: { day: string; count: number }[];
}

export interface BucketDetail {
  bucket: Bucket;
  series: { day: string; count: number }[];
  versionSeries: VersionLine[];
  products: Count[];
  versions: Count[];
  osVersions: Count[];
  platforms: Count[];
  osNames: Count[];
  cpuArchs: Count[];
}

export type SolutionKind = 'update' | 'workaround' | 'information' | 'investigating';
export const SOLUTION_KINDS: readonly SolutionKind[] = ['update', 'workaround', 'information', 'investigating'];

/** A solution as `/api/solutions` shows it: absent optional fields are left out, times are ISO. */
export interface Solution {
  id: number;
  bucketId?: number;
  module?: string;
  versionRange?: { from?: string; to?: string };
  kind: SolutionKind;
  title: Localised;
  text: Localised;
  link?: string;
  fixedIn?: string;
  status: 'published' | 'draft' | 'withdrawn';
  author: string;
  vendorId?: number;
  createdAt: string;
  updatedAt: string;
  /** Answers that offered it (each report once). */
  deliveredCount: number;
}

export interface MissingSymbol {
  debugFile: string;
  debugId: string;
  codeFile: string;
  version: string | null;
  reports: number;
}
