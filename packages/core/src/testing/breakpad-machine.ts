// Test-only: reads Breakpad `minidump_stackwalk -m` output (pipe-separated) into records that
// tests compare with Culprit's report. Format: OS|name|version, CPU|arch|info|count,
// Crash|reason|address|thread, Module|name|version|debug file|debug id|base|end|main,
// then blank line and thread|frame|module|function|file|line|offset rows.
export interface BreakpadMachineOutput {
  os?: { name: string; version: string };
  cpu?: { arch: string; info: string; count: number };
  crash?: { reason: string; address: string; thread: string };
  modules: { name: string; version: string; debugFile: string; debugId: string; base: bigint; end: bigint; main: boolean }[];
  frames: { thread: number; frame: number; module: string; function: string; file: string; line: string; offset: string }[];
}

export function parseBreakpadMachine(text: string): BreakpadMachineOutput {
  const out: BreakpadMachineOutput = { modules: [], frames: [] };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = line.split('|');
    switch (f[0]) {
      case 'OS':
        out.os = { name: f[1], version: f.slice(2).join('|') };
        break;
      case 'CPU':
        out.cpu = { arch: f[1], info: f[2], count: Number(f[3]) };
        break;
      case 'Crash':
        out.crash = { reason: f[1], address: f[2], thread: f[3] ?? '' };
        break;
      case 'Module':
        out.modules.push({
          name: f[1],
          version: f[2],
          debugFile: f[3],
          debugId: f[4],
          base: BigInt(f[5]),
          end: BigInt(f[6]),
          main: f[7] === '1',
        });
        break;
      case 'GPU':
        break;
      default:
        if (/^\d+$/.test(f[0]) && f.length >= 7) {
          out.frames.push({ thread: Number(f[0]), frame: Number(f[1]), module: f[2], function: f[3], file: f[4], line: f[5], offset: f[6] });
        }
    }
  }
  return out;
}
