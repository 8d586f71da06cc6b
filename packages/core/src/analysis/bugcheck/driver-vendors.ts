/**
 * Vendors of third-party drivers that commonly appear in blue screens, by file name (lower case,
 * without extension) or name prefix. Dumps do not record the vendor, so this table is how a report
 * can say "ctaud2k.sys (Creative)". Maintained by hand.
 */
const EXACT: Record<string, string> = {
  nvlddmkm: 'NVIDIA',
  nvhda64v: 'NVIDIA',
  nvvad64v: 'NVIDIA',
  atikmdag: 'AMD',
  atikmpag: 'AMD',
  amdkmdag: 'AMD',
  amdkmpfd: 'AMD',
  amdfendr: 'AMD',
  amdacpbus: 'AMD',
  igdkmd64: 'Intel',
  igdkmdn64: 'Intel',
  igdkmdnd64: 'Intel',
  iastora: 'Intel',
  iastorac: 'Intel',
  netwtw04: 'Intel',
  netwtw06: 'Intel',
  netwtw08: 'Intel',
  netwtw10: 'Intel',
  e1d68x64: 'Intel',
  e1r: 'Intel',
  ctaud2k: 'Creative',
  ctoss2k: 'Creative',
  ha20x2k: 'Creative',
  rtkvhd64: 'Realtek',
  rt640x64: 'Realtek',
  rtwlane: 'Realtek',
  rtux64w10: 'Realtek',
  athw8x: 'Qualcomm Atheros',
  athwbx: 'Qualcomm Atheros',
  bcmwl63a: 'Broadcom',
  klif: 'Kaspersky',
  kneps: 'Kaspersky',
  aswsp: 'Avast',
  aswsnx: 'Avast',
  avgsp: 'AVG',
  mfehidk: 'McAfee',
  epfwwfp: 'ESET',
  eamonm: 'ESET',
  bdselfpr: 'Bitdefender',
  vboxdrv: 'Oracle (VirtualBox)',
  vmci: 'VMware',
  vmx86: 'VMware',
  dtlitescsibus: 'Disc Soft (DAEMON Tools)',
  sptd: 'Duplex Secure',
  easyanticheat: 'Kamu (Easy Anti-Cheat)',
  bedaisy: 'BattlEye',
  vgk: 'Riot Games (Vanguard)',
  lgcorefilter: 'Logitech',
  cpuz: 'CPUID',
  gdrv: 'Gigabyte',
  asrdrv: 'ASRock',
  mbamswissarmy: 'Malwarebytes',
};

const PREFIXES: [string, string][] = [
  ['nv', 'NVIDIA'],
  ['ati', 'AMD'],
  ['amd', 'AMD'],
  ['igd', 'Intel'],
  ['rt', 'Realtek'],
  ['ct', 'Creative'],
  ['asw', 'Avast'],
  ['bc', 'Broadcom'],
  ['vbox', 'Oracle (VirtualBox)'],
  ['vm', 'VMware'],
];

/** The vendor of a third-party driver, or undefined. Inbox drivers are Microsoft's (see isInboxDriver). */
export function driverVendor(fileName: string): string | undefined {
  const stem = fileName.toLowerCase().replace(/\.(sys|dll|exe)$/, '');
  if (EXACT[stem]) return EXACT[stem];
  // Prefixes are weaker evidence: only for names at least 5 characters long.
  if (stem.length < 5) return undefined;
  return PREFIXES.find(([p]) => stem.startsWith(p))?.[1];
}
