import type { Culprit } from '../../report/model.js';
import { lookupBugCheck, hexCode, baseBugCheckCode, type BugCheckInfo } from './catalogue.js';
import { isCoreImage } from './core-images.js';
import { isInboxDriver } from './inbox-drivers.js';
import { driverVendor } from './driver-vendors.js';

/** A loaded driver as attribution sees it. */
export interface AttributionModule {
  name: string;
  base: bigint;
  size: bigint;
  timestamp?: number;
  version?: string;
}

/** Evidence gathered by the reader, strongest first within each kind. */
export interface AttributionInput {
  bugCheckCode: number;
  parameters: readonly bigint[];
  modules: readonly AttributionModule[];
  unloaded: readonly { name: string; start: bigint; end: bigint }[];
  /** Instruction pointers of saved contexts: the fault context a parameter points at, the header's. */
  contexts: readonly { label: string; ip: bigint }[];
  /** Faulting addresses of exception records. */
  exceptions: readonly { label: string; code: number; address: bigint }[];
  /** Return-address candidates found on the faulting stack, top first. */
  stackAddresses: readonly bigint[];
  /** Symbol for a module offset, when symbols are available. */
  symbolize?: (module: AttributionModule, offset: bigint) => string | undefined;
}

export interface Attribution {
  culprit: Culprit;
  /** `!analyze`-style failure bucket: 0x7E_amdppm.sys+0x334c. */
  bucket: string;
  bugCheck: BugCheckInfo;
  /** Where the fault itself happened, when known. */
  faultAddress?: { address: bigint; module?: string; offset?: bigint };
}

type Hit = { module: AttributionModule; offset: bigint; address: bigint; how: string };

export function attributeBugCheck(input: AttributionInput): Attribution {
  const info = lookupBugCheck(input.bugCheckCode, input.parameters);
  const code = hexCode(baseBugCheckCode(input.bugCheckCode));
  const steps: string[] = [];
  steps.push(`Bug check ${hexCode(input.bugCheckCode)} ${info.name}${info.description ? `: ${info.description}` : '.'}`);

  if (info.noFault) {
    steps.push('This stop was requested on purpose, so there is no faulting driver to look for.');
    return {
      bugCheck: info,
      bucket: `${code}_${info.name}`,
      culprit: { name: 'none', confidence: 'none', summary: `Nothing to blame: ${info.description ?? 'the crash was requested on purpose.'}`, steps },
    };
  }

  const locate = (address: bigint): AttributionModule | undefined =>
    input.modules.find((m) => address >= m.base && address < m.base + m.size);
  const describe = (address: bigint): string => {
    const m = locate(address);
    if (m) return `${hex(address)} → ${m.name}+${hex(address - m.base)}`;
    const u = input.unloaded.find((d) => address >= d.start && address < d.end);
    return u ? `${hex(address)} → inside the unloaded driver ${u.name}` : `${hex(address)} → not inside any loaded driver`;
  };

  // 1-3: direct evidence of where the fault happened.
  const direct: Hit[] = [];
  const consider = (address: bigint, how: string): void => {
    if (address === 0n) return;
    steps.push(`${how}: ${describe(address)}${coreNote(locate(address))}.`);
    const m = locate(address);
    if (m) direct.push({ module: m, offset: address - m.base, address, how });
  };
  info.roles.forEach((role, i) => {
    if (role === 'code-address') consider(input.parameters[i] ?? 0n, `Parameter ${i + 1} is a code address`);
  });
  for (const c of input.contexts) consider(c.ip, `Instruction pointer of ${c.label}`);
  for (const e of input.exceptions) consider(e.address, `Exception ${hexCode(e.code)} in ${e.label} at`);
  if (direct.length === 0 && !info.roles.includes('code-address') && input.contexts.length === 0 && input.exceptions.length === 0) {
    steps.push('The bug check names no code address and the dump holds no fault context.');
  }

  const fault = direct[0];
  const unloadedFault = direct.length === 0 ? findUnloaded(input, info) : undefined;
  const blamedDirect = direct.find((h) => !isCoreImage(h.module.name));

  let blamed: Hit | undefined = blamedDirect;
  let confidence: Culprit['confidence'] = blamedDirect ? 'high' : 'none';

  // 4: the faulting stack, when the fault is in the core OS or unknown.
  if (!blamed) {
    let seen = 0;
    const coreSeen = new Set<string>();
    for (const address of input.stackAddresses) {
      const m = locate(address);
      if (!m) continue;
      seen++;
      if (isCoreImage(m.name)) {
        coreSeen.add(m.name);
        continue;
      }
      blamed = { module: m, offset: address - m.base, address, how: 'return address on the stack' };
      break;
    }
    if (coreSeen.size) steps.push(`Stack scan: skipped frames in core OS images (${[...coreSeen].join(', ')}).`);
    if (blamed) {
      steps.push(`Stack scan: the first return address outside the core OS is ${describe(blamed.address)}.`);
      confidence = fault ? 'medium' : 'low';
    } else {
      steps.push(input.stackAddresses.length ? `Stack scan: ${seen} addresses point into drivers, none outside the core OS.` : 'No stack addresses to scan.');
    }
  }

  if (unloadedFault && !blamed) {
    steps.push(`The fault address lies in ${unloadedFault.name}, a driver that was already unloaded: it left something behind (a callback, a timer) that ran after it was gone.`);
    return {
      bugCheck: info,
      bucket: `${code}_${unloadedFault.name}_unloaded`,
      culprit: {
        name: unloadedFault.name,
        thirdParty: !isInboxDriver(unloadedFault.name),
        confidence: 'medium',
        summary: `Probably caused by ${unloadedFault.name}, which had been unloaded but was still called.`,
        steps,
      },
    };
  }

  if (!blamed && fault) {
    blamed = fault;
    confidence = 'low';
    steps.push(`Only core OS code is involved: blaming ${fault.module.name} itself, which more often means memory corruption or hardware than a kernel bug.`);
  }

  if (!blamed) {
    steps.push('No driver could be tied to this crash.');
    return {
      bugCheck: info,
      bucket: `${code}_UNKNOWN`,
      culprit: { name: 'unknown', confidence: 'none', summary: `${info.name}: no driver could be identified from this dump.`, steps },
    };
  }

  const m = blamed.module;
  const inbox = isInboxDriver(m.name) || isCoreImage(m.name);
  const vendor = inbox ? 'Microsoft' : driverVendor(m.name);
  const stamp = m.timestamp !== undefined ? describeTimestamp(m.timestamp) : undefined;
  if (fault && blamed !== fault && isCoreImage(fault.module.name)) {
    steps.push(`The fault is inside ${fault.module.name} (${hex(fault.offset)}), reached from ${m.name}: as !analyze does, the calling driver is blamed.`);
  }
  steps.push(inbox ? `${m.name} ships with Windows (inbox driver).` : `${m.name} is not a Windows inbox driver: third-party${vendor ? `, from ${vendor}` : ''}.`);

  const symbol = input.symbolize?.(m, blamed.offset);
  const faultFrame = fault && fault.module === m ? fault : blamed;
  const bucket = `${code}_${m.name}${symbol ? `!${symbol}` : `+${hex(faultFrame.offset)}`}`;
  const facts = [vendor, m.version, stamp].filter(Boolean).join(', ');
  const advice = inbox
    ? 'a Windows driver: check Windows Update, and the hardware it drives'
    : `a third-party driver: an update${vendor ? ` from ${vendor}` : ''} may exist`;
  return {
    bugCheck: info,
    bucket,
    faultAddress: fault ? { address: fault.address, module: fault.module.name, offset: fault.offset } : undefined,
    culprit: {
      name: m.name,
      version: m.version,
      vendor,
      timestamp: m.timestamp,
      thirdParty: !inbox,
      confidence,
      summary: `Probably caused by ${m.name}${facts ? ` (${facts})` : ''}, ${advice}.`,
      steps,
    },
  };
}

function findUnloaded(input: AttributionInput, info: BugCheckInfo): { name: string } | undefined {
  const addresses = [
    ...info.roles.flatMap((r, i) => (r === 'code-address' ? [input.parameters[i] ?? 0n] : [])),
    ...input.contexts.map((c) => c.ip),
    ...input.exceptions.map((e) => e.address),
  ].filter((a) => a !== 0n);
  for (const a of addresses) {
    const u = input.unloaded.find((d) => a >= d.start && a < d.end);
    if (u) return u;
  }
  return undefined;
}

function coreNote(m: AttributionModule | undefined): string {
  return m && isCoreImage(m.name) ? ' (core OS image: look further)' : '';
}

function hex(v: bigint): string {
  return '0x' + v.toString(16);
}

/**
 * PE timestamps: seconds since 1970, except in reproducible builds (most Windows 10+ inbox drivers),
 * where the field is a hash. Only plausible dates are shown as dates.
 */
export function describeTimestamp(ts: number): string {
  const year = new Date(ts * 1000).getUTCFullYear();
  const hexStamp = '0x' + ts.toString(16).padStart(8, '0');
  return year >= 1995 && year <= 2035 ? `built ${new Date(ts * 1000).toISOString().slice(0, 10)}` : `timestamp ${hexStamp}`;
}
