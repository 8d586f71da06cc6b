/**
 * Every failure that comes from the bytes of a file is a `CulpritParseError` with a stable code
 * and a location (format, stream or part, byte offset or line), so the CLI, the service and the
 * tests can say what is wrong and where without parsing messages.
 */
export type ParseErrorCode =
  | 'CULPRIT_ERR_TRUNCATED' // a read ran past the end of the file or of its enclosing part
  | 'CULPRIT_ERR_BAD_SIGNATURE' // magic number not the one the format requires
  | 'CULPRIT_ERR_BAD_VERSION' // a version the reader does not know
  | 'CULPRIT_ERR_LIMIT' // a count or size beyond a named limit
  | 'CULPRIT_ERR_BAD_VALUE' // a field whose value cannot be right
  | 'CULPRIT_ERR_UNKNOWN_FORMAT'; // no reader recognises the input

export interface ParseLocation {
  /** 'minidump', 'kernel-dump', 'linux-oops', 'breakpad-sym', ... */
  format: string;
  /** Stream, structure or section name, e.g. 'ModuleListStream'. */
  part?: string;
  /** Byte offset in the file where the problem was found. */
  offset?: number;
  /** Line number (1-based) for text formats. */
  line?: number;
}

export class CulpritParseError extends Error {
  override readonly name = 'CulpritParseError';
  constructor(
    readonly code: ParseErrorCode,
    readonly detail: string,
    readonly location: ParseLocation,
  ) {
    super(`${describeLocation(location)}: ${detail}`);
  }
}

export function describeLocation(loc: ParseLocation): string {
  let text = loc.format;
  if (loc.part) text += ` ${loc.part}`;
  if (loc.offset !== undefined) text += ` at offset 0x${loc.offset.toString(16)}`;
  if (loc.line !== undefined) text += ` line ${loc.line}`;
  return text;
}

/** A damaged part of a file that did not stop the analysis. */
export interface ReportWarning {
  code: string;
  message: string;
  part?: string;
  offset?: number;
  line?: number;
}

export function warningFromError(error: unknown, part?: string): ReportWarning {
  if (error instanceof CulpritParseError) {
    return {
      code: error.code,
      message: error.message,
      part: error.location.part ?? part,
      offset: error.location.offset,
      line: error.location.line,
    };
  }
  // Anything else escaping a reader is a bug in Culprit, but one damaged part still must not
  // take the whole report down.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'CULPRIT_ERR_INTERNAL', message: `${part ?? 'reader'}: ${message}`, part };
}
