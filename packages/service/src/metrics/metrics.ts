import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The service's Prometheus metrics, on a registry of its own (several services can share a process in tests). */
export class Metrics {
  readonly registry = new Registry();
  private readonly uploads = new Counter({ name: 'culprit_uploads_total', help: 'Reports accepted, by route', labelNames: ['route'], registers: [this.registry] });
  private readonly refused = new Counter({ name: 'culprit_uploads_refused_total', help: 'Uploads refused, by error code', labelNames: ['code'], registers: [this.registry] });
  private readonly bytes = new Counter({ name: 'culprit_upload_bytes_total', help: 'Bytes of dumps and attachments stored', registers: [this.registry] });
  private readonly processingSeconds = new Histogram({
    name: 'culprit_processing_seconds',
    help: 'Time from claiming a report to storing its result',
    labelNames: ['kind'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly commitReports = new Histogram({
    name: 'culprit_intake_commit_reports',
    help: 'Reports acknowledged together by one group commit (one journal write, one database transaction)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });
  private readonly commitSeconds = new Histogram({
    name: 'culprit_intake_commit_seconds',
    help: 'Time from the start of a group commit to its acknowledgement',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  private readonly failures = new Counter({ name: 'culprit_processing_failures_total', help: 'Failed analyses, by kind (parse, timeout, memory, crash, internal)', labelNames: ['kind'], registers: [this.registry] });

  constructor(queueDepth: () => Promise<number>) {
    new Gauge({
      name: 'culprit_queue_depth',
      help: 'Reports waiting for or in analysis',
      registers: [this.registry],
      async collect() {
        this.set(await queueDepth());
      },
    });
  }

  uploaded(route: string, bytes: number): void {
    this.uploads.inc({ route });
    this.bytes.inc(bytes);
  }

  committed(reports: number, seconds: number): void {
    this.commitReports.observe(reports);
    this.commitSeconds.observe(seconds);
  }

  refusedUpload(code: string): void {
    this.refused.inc({ code });
  }

  processed(kind: string, seconds: number): void {
    this.processingSeconds.observe({ kind }, seconds);
  }

  failed(kind: string): void {
    this.failures.inc({ kind });
  }
}
