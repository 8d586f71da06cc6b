// Test-only: a small imaginary machine for generated dumps: where the kernel and a few drivers
// live, in 64-bit and 32-bit address spaces.
import type { DriverSpec } from './triage-writer.js';

export interface Machine {
  is64: boolean;
  drivers: DriverSpec[];
  /** Base address of a driver by file name. */
  at(name: string, offset: number): bigint;
  stackBase: bigint;
  dataBase: bigint;
}

export function machine(is64: boolean): Machine {
  const k = is64 ? 0xfffff80470000000n : 0x80400000n;
  const layout: [string, number, number, number][] = [
    ['\\SystemRoot\\system32\\ntoskrnl.exe', 0x0, 0x1000000, 0x5f1e2d3c],
    ['\\SystemRoot\\system32\\hal.dll', 0x1000000, 0x60000, 0x1a7be8e9],
    ['\\SystemRoot\\System32\\drivers\\tcpip.sys', 0x2000000, 0x300000, 0x12345678],
    ['\\SystemRoot\\System32\\drivers\\ctaud2k.sys', 0x3000000, 0x80000, 0x5c3a1b00],
    ['\\SystemRoot\\System32\\DriverStore\\FileRepository\\nv_dispi.inf_amd64\\nvlddmkm.sys', 0x4000000, 0x2000000, 0x61a0c3f0],
    ['\\SystemRoot\\System32\\drivers\\Wdf01000.sys', 0x6000000, 0xd0000, 0x7a1b2c3d],
  ];
  const drivers = layout.map(([path, off, size, timestamp]) => ({ path, base: k + BigInt(off), size, timestamp }));
  return {
    is64,
    drivers,
    at(name, offset) {
      const d = drivers.find((x) => x.path.toLowerCase().endsWith('\\' + name.toLowerCase()));
      if (!d) throw new Error(`no driver ${name}`);
      return d.base + BigInt(offset);
    },
    stackBase: is64 ? 0xffff850429890000n : 0x9a000000n,
    dataBase: is64 ? 0xffff9b0002300000n : 0x8a000000n,
  };
}
