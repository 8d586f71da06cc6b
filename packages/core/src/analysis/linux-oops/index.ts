import type { FaultingInstruction, OopsReport } from '../../formats/linux-oops/types.js';
import type { Culprit } from '../../report/model.js';
import { attributeCulprit } from './culprit.js';
import { koopsHashes, satyrFrames, type KoopsHashes } from './koops-hash.js';
import { reportTitle, type TitleResult } from './title.js';

/** Everything analysis adds to one parsed report. */
export interface OopsAnalysis {
  title: TitleResult;
  culprit: Culprit;
  hashes: KoopsHashes;
  /** Bucketing key: the title, plus the culprit module when a module is blamed. */
  signature: string;
}

export function analyzeOops(r: OopsReport, satyrIp: FaultingInstruction | undefined, index: number): OopsAnalysis {
  const title = reportTitle(r);
  const culprit = attributeCulprit(r, title, index);
  const hashes = koopsHashes(satyrFrames(r, satyrIp));
  const moduleBlamed = r.modules.some((m) => m.name === culprit.name) || r.faulting?.module === culprit.name || r.frames.some((f) => f.module === culprit.name);
  const signature = moduleBlamed && !title.title.includes(`[${culprit.name}]`) ? `${title.title} [${culprit.name}]` : title.title;
  return { title, culprit, hashes, signature };
}
