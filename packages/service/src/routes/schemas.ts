/** JSON schemas shared by routes: Fastify validates requests with them and the OpenAPI document is built from them. */
export const nullableString = { type: ['string', 'null'] } as const;
const nullableInt = { type: ['integer', 'null'] } as const;

const localized = { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } }, required: ['en', 'ja'] } as const;

export const answerSchema = {
  type: 'object',
  properties: {
    reportId: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'processing', 'processed', 'failed'] },
    verdict: {
      type: 'string',
      description: "'received' while the report waits for analysis",
      enum: ['received', 'new', 'known', 'update-available', 'already-at-fixed-version', 'version-unknown', 'workaround', 'information', 'investigating', 'failed'],
    },
    headline: localized,
    text: localized,
    culprit: { type: 'object', properties: { name: { type: 'string' }, version: { type: 'string' }, vendor: { type: 'string' }, thirdParty: { type: 'boolean' } }, required: ['name'] },
    solutions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string', enum: ['update', 'workaround', 'information', 'investigating'] },
          title: localized,
          text: localized,
          link: { type: 'string' },
          fixedIn: { type: 'string' },
          applies: { type: 'string', enum: ['yes', 'unknown-version', 'no'] },
        },
        required: ['id', 'kind', 'title', 'text', 'applies'],
      },
    },
    reproducible: { type: 'boolean' },
    repeatCount: { type: 'integer' },
    bucket: { type: 'object', properties: { id: { type: 'integer' }, signature: { type: 'string' }, count: { type: 'integer' } }, required: ['id', 'signature', 'count'] },
  },
  required: ['reportId', 'status', 'verdict', 'headline', 'text', 'solutions', 'reproducible', 'repeatCount'],
} as const;

export const reportSummarySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    receivedAt: { type: 'string', format: 'date-time' },
    product: nullableString,
    version: nullableString,
    platform: nullableString,
    processType: nullableString,
    guid: nullableString,
    status: { type: 'string' },
    error: nullableString,
    kind: nullableString,
    clientKind: { ...nullableString, description: "what the sender said it is (the `kind` annotation): 'vm-guest' from culprit vm watch" },
    vmGuest: { ...nullableString, description: 'vm-guest reports: the guest (SMBIOS UUID, else name@host), the key of /api/vm-guests/{key}' },
    format: nullableString,
    signature: nullableString,
    bucketId: nullableInt,
    crashReason: nullableString,
    osName: nullableString,
    osVersion: nullableString,
    cpuArch: nullableString,
    culprit: { type: ['object', 'null'], properties: { name: { type: 'string' }, version: nullableString } },
    dumpSize: { type: 'integer' },
  },
  required: ['id', 'receivedAt', 'status', 'dumpSize'],
} as const;

const stringOrNull = nullableString;

/** vm-guests/vm-facts.ts `VmFacts`. */
export const vmFactsSchema = {
  type: 'object',
  properties: {
    key: stringOrNull,
    name: stringOrNull,
    uuid: stringOrNull,
    qmp: { ...stringOrNull, description: 'the QMP socket the watcher followed' },
    host: stringOrNull,
    guestOs: stringOrNull,
    channel: { ...stringOrNull, description: 'how the crash was caught: pvpanic, hyper-v, console, crash-loaded, guest-panic-shutdown, unexpected-reset, unexpected-shutdown' },
    title: stringOrNull,
    signature: { ...stringOrNull, description: "the watcher's own signature; the report's bucket comes from the service's analysis" },
    culprit: stringOrNull,
    detectedAt: stringOrNull,
    hostKeptRunning: { type: 'boolean' },
    otherGuests: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, status: { type: 'string' } }, required: ['name', 'status'] } },
    dumpPath: stringOrNull,
    bugCheck: { type: ['object', 'null'], properties: { code: { type: 'string' }, parameters: { type: 'array', items: { type: 'string' } } } },
  },
  required: ['key', 'name', 'host', 'channel', 'hostKeptRunning', 'otherGuests'],
} as const;

export const reportDetailSchema = {
  type: 'object',
  properties: {
    ...reportSummarySchema.properties,
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    attachments: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, filename: { type: 'string' }, size: { type: 'integer' } } },
    },
    answer: answerSchema,
    vm: { ...vmFactsSchema, type: ['object', 'null'], description: 'vm-guest reports: the VM, its host and how the crash was caught (from the annotations culprit vm watch sends); null otherwise' },
    result: { description: 'The processed report (CrashReport; 64-bit values as hex strings), null until processed.' },
  },
  required: [...reportSummarySchema.required, 'annotations', 'attachments', 'answer'],
} as const;

export const countsSchema = {
  type: 'array',
  items: { type: 'object', properties: { value: nullableString, count: { type: 'integer' } }, required: ['value', 'count'] },
} as const;

export const dailySchema = {
  type: 'array',
  items: { type: 'object', properties: { day: { type: 'string', description: 'YYYY-MM-DD (UTC)' }, count: { type: 'integer' } }, required: ['day', 'count'] },
} as const;

export const bucketSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    signature: { type: 'string' },
    kind: nullableString,
    firstSeen: { type: 'string', format: 'date-time' },
    lastSeen: { type: 'string', format: 'date-time' },
    reports: { type: 'integer', description: 'all reports in the bucket' },
    windowReports: { type: 'integer', description: 'reports received in the requested window' },
    installs: { type: 'integer', description: 'distinct install ids (guid) in the window' },
    culprit: {
      type: ['object', 'null'],
      properties: { name: { type: 'string' }, version: nullableString, thirdParty: { type: 'boolean', description: "not the operating system's own module; absent when unknown" } },
    },
    reproducible: {
      type: 'object',
      description: 'installs (guid) that hit this bucket 3 times or more, and the reports from their third on',
      properties: { installs: { type: 'integer' }, reports: { type: 'integer' } },
    },
  },
  required: ['id', 'signature', 'firstSeen', 'lastSeen', 'reports', 'windowReports', 'installs', 'culprit', 'reproducible'],
} as const;
