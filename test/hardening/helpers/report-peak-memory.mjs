// Preloaded into a child process (node --import): when it exits, write its peak resident
// memory in kilobytes to the file named by DHR_PEAK_MEMORY_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.DHR_PEAK_MEMORY_FILE) writeFileSync(process.env.DHR_PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
