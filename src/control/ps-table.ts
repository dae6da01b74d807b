// `docker-container-init ps` as a table: one row per program, in start order.
import type { ServiceReport } from '../streams/control.js';

function duration(ms: number | null): string {
  if (ms === null) return '-';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}m`;
}

export function psTable(services: readonly ServiceReport[]): string {
  const rows = [
    ['SERVICE', 'STATE', 'PID', 'RESTARTS', 'UPTIME', 'LAST EXIT'],
    ...services.map((s) => [s.kind === 'service' ? s.name : `(command) ${s.name}`, s.state, s.pid === null ? '-' : String(s.pid), String(s.restarts), duration(s.uptimeMs), s.lastExit === null ? '-' : String(s.lastExit)]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n';
}
