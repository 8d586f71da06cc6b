/**
 * From normalised frames to a signature with the signature lists: start at the first sentinel,
 * skip irrelevant frames, keep prefix frames and stop after the first frame that is neither.
 * Socorro's CSignatureTool.generate (socorro/signature/rules.py; siglists/README.rst).
 */
import type { SignatureLists } from './siglists.js';

export interface FrameWalk {
  signature: string;
  notes: string[];
  debug: string[];
}

export const EMPTY_NO_CRASHING_THREAD = 'EMPTY: no crashing thread identified';
export const EMPTY_NO_FRAME_DATA = 'EMPTY: no frame data available';

export function walkNormalizedFrames(
  frames: readonly string[],
  lists: SignatureLists,
  crashingThread: number | null,
  delimiter = ' | ',
): FrameWalk {
  const notes: string[] = [];
  const debug: string[] = [];

  // The earliest frame equal to any sentinel becomes the top of the stack.
  let start = -1;
  for (const sentinel of lists.sentinels) {
    const at = frames.indexOf(sentinel);
    if (at >= 0 && (start < 0 || at < start)) start = at;
  }
  let source = frames;
  if (start >= 0) {
    debug.push(`sentinel; starting at "${frames[start]!}" index ${start}`);
    source = frames.slice(start);
  }

  const parts: string[] = [];
  for (let part of source) {
    if (lists.irrelevant.test(part)) {
      debug.push(`irrelevant; ignoring: "${part}"`);
      continue;
    }
    // A DLL without symbols is named by its module alone, and consecutive frames in it count once.
    if (!part.startsWith('(unloaded') && part.toLowerCase().includes('.dll')) {
      part = part.split('@')[0]!;
      if (parts.length > 0 && parts[parts.length - 1] === part) continue;
    }
    parts.push(part);
    if (!lists.prefix.test(part)) {
      debug.push(`not a prefix; stop: "${part}"`);
      break;
    }
    debug.push(`prefix; continue iterating: "${part}"`);
  }

  let signature = parts.join(delimiter);
  if (signature === '') {
    if (crashingThread === null) {
      notes.push('CSignatureTool: no crashing thread identified');
      signature = EMPTY_NO_CRASHING_THREAD;
    } else {
      notes.push(`CSignatureTool: no frame data for crashing thread (${crashingThread})`);
      // Every frame was irrelevant: the first one still says more than nothing.
      signature = source.length > 0 && source[0] !== '' ? source[0]! : EMPTY_NO_FRAME_DATA;
    }
  }
  return { signature, notes, debug };
}
