/**
 * Culprit's own explanations of the bug checks people actually meet, in plain words for whoever is
 * looking at the blue screen. Names and parameter roles come from the generated catalogue; text here
 * is ours. `roles` overrides the generated roles where the documentation's table does not parse.
 */
export type BugCheckCategory =
  | 'driver' // a kernel-mode driver misbehaved
  | 'memory' // memory corruption: a driver or failing RAM
  | 'hardware' // the hardware reported the error
  | 'storage' // the disk or its driver
  | 'hang' // something held the CPU or a lock too long
  | 'manual' // someone asked for the crash: nothing to blame
  | 'system' // an OS component or critical process failed
  | 'unknown';

export interface BugCheckText {
  description: string;
  category: BugCheckCategory;
  labels?: string[];
  roles?: string;
}

export const BUGCHECK_DESCRIPTIONS: Readonly<Record<number, BugCheckText>> = {
  0x0a: {
    category: 'driver',
    description: 'Kernel code touched memory it may not touch at its current interrupt level: usually a driver using a bad or pageable pointer.',
    labels: ['memory address touched', 'IRQL at the time', 'access (bit 0 write, bit 3 execute)', 'instruction that touched it'],
  },
  0x1a: { category: 'memory', description: 'The memory manager found its own bookkeeping damaged: a driver overwrote memory, or RAM is failing.' },
  0x1e: {
    category: 'driver',
    description: 'Kernel-mode code raised an exception (for example an access violation) that nothing handled.',
    labels: ['exception code', 'address of the faulting instruction', 'exception parameter 0', 'exception parameter 1'],
  },
  0x24: { category: 'storage', description: 'The NTFS file system driver hit an error it cannot recover from: disk damage, or a filter driver.' },
  0x3b: {
    category: 'driver',
    description: 'An exception happened while the kernel was serving a system call from a program.',
    labels: ['exception code', 'address of the faulting instruction', 'address of the saved context', 'unused'],
  },
  0x3d: { category: 'driver', description: 'An exception happened inside an interrupt handler and was not handled.' },
  0x4e: { category: 'memory', description: 'The list of physical memory pages is damaged: a driver passed a bad memory descriptor, or RAM is failing.' },
  0x50: {
    category: 'driver',
    description: 'Kernel code touched an address that is not valid memory: usually a driver using a freed or wrong pointer.',
    labels: ['memory address touched', 'access (read, write or execute)', 'instruction that touched it', 'kind of page fault'],
  },
  0x7a: { category: 'storage', description: 'A page of kernel data could not be read back from the paging file: a disk, cable or storage driver problem.' },
  0x7b: { category: 'storage', description: 'Windows lost access to its boot disk while starting: a storage driver or disk controller setting.' },
  0x7e: {
    category: 'driver',
    description: 'A kernel system thread raised an exception that nothing handled; the faulting address points at the code responsible.',
    labels: ['exception code', 'address of the faulting instruction', 'address of the exception record', 'address of the saved context'],
  },
  0x7f: { category: 'hardware', description: 'The processor raised a trap the kernel cannot survive (double fault, for example a kernel stack overflow).', roles: 'vrrr' },
  0x8e: {
    category: 'driver',
    description: 'Kernel-mode code raised an exception that nothing handled.',
    labels: ['exception code', 'address of the faulting instruction', 'trap frame', 'reserved'],
  },
  0x9f: { category: 'driver', description: 'A driver did not finish a power request (sleep, wake, shut down) in time.' },
  0xa0: { category: 'system', description: 'The power manager hit an internal error.' },
  0xbe: { category: 'driver', description: 'A driver tried to write to read-only memory.' },
  0xc2: { category: 'driver', description: 'A driver made a bad memory pool request (wrong IRQL, double free, bad size).' },
  0xc4: { category: 'driver', description: 'Driver Verifier caught a driver breaking a kernel rule; the driver it names is at fault.' },
  0xc5: { category: 'driver', description: 'A driver damaged the kernel memory pool, then the system tripped over it.' },
  0xc7: { category: 'driver', description: 'A driver freed memory that still held an active timer.' },
  0xc9: { category: 'driver', description: 'Driver Verifier caught a driver mishandling an I/O request.' },
  0xd1: {
    category: 'driver',
    description: 'A driver touched pageable or invalid memory while running at a raised interrupt level; the last parameter is the driver code that did it.',
    labels: ['memory address touched', 'IRQL at the time', 'access (0 read, 1 write, 8 execute)', 'instruction that touched it'],
  },
  0xd5: { category: 'driver', description: 'A driver used memory after freeing it (caught by special pool).' },
  0xd6: { category: 'driver', description: 'A driver read or wrote past the end of its memory allocation.' },
  0xe2: { category: 'manual', description: 'Someone asked for this crash on purpose, from the keyboard or a debugger: nothing failed.' },
  0xea: { category: 'hang', description: 'A thread was stuck in a device driver (usually a display driver) waiting for the hardware.' },
  0xef: { category: 'system', description: 'A process Windows cannot run without (csrss, wininit, services...) ended.' },
  0xf4: { category: 'system', description: 'A critical process or thread ended: often a storage problem that made it fail.' },
  0xfc: { category: 'driver', description: 'Code tried to execute memory that is marked as data.' },
  0x101: { category: 'hang', description: 'A processor stopped answering the clock interrupt: a hardware, firmware or driver hang.' },
  0x109: { category: 'memory', description: 'Protected kernel code or data was modified: a driver patched the kernel, or memory is failing.' },
  0x116: { category: 'driver', description: 'The display driver stopped responding and could not be reset in time.' },
  0x117: { category: 'driver', description: 'The display driver stopped responding and was reset (a live report, not a crash).' },
  0x119: { category: 'driver', description: 'The graphics scheduler found the display driver in a state it cannot handle.' },
  0x124: { category: 'hardware', description: 'The hardware reported an error it could not correct (CPU, memory, bus): check cooling, overclocking and RAM.' },
  0x133: { category: 'hang', description: 'A deferred procedure call or interrupt handler ran too long: usually a driver stuck at raised IRQL.' },
  0x139: { category: 'memory', description: 'The kernel found one of its data structures corrupted (for example a damaged list) and stopped.', roles: 'vtEr' },
  0x13a: { category: 'memory', description: 'The kernel heap found a corrupted block.' },
  0x154: { category: 'storage', description: 'The memory compression store hit an unexpected error: often a storage or RAM problem.' },
  0x18b: { category: 'system', description: 'The Secure Kernel detected an error.' },
  0x1c8: { category: 'manual', description: 'The power button was held down to force a dump; nothing crashed on its own.' },
  0xdeaddead: { category: 'manual', description: 'Someone asked for this crash on purpose: nothing failed.' },
};
