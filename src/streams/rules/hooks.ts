// Rules for lifecycle hooks (SPEC §17, Compose's post_start and pre_stop):
// run one; kill one whose program's run ended (its whole process group); say
// how each ended, at info level when it exited 0 and as a warning otherwise,
// with the end of what it wrote on one line.
import { SIGKILL } from '../../posix/signals.js';
import { debugLine, log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';
import { oneLine } from '../one-line.js';
import { hooksOf, type HookKind } from '../service.js';

const HOOK_KEYS: Readonly<Record<HookKind, string>> = { postStart: 'post_start', preStop: 'pre_stop' };

export const runHook: Rule<'hook'> = ({ service, hook, index }) => [{ type: 'hook', service, hook, index }];

export const killHook: Rule<'killHook'> = ({ service, pid }, _step, config) => [
  ...debugLine(config.logLevel, () => log('debug', `killing the hook of ${serviceLabel(config, service)} (pid ${pid}): its run ended`, { signal: 'SIGKILL', target: -pid })),
  { type: 'forward', signal: SIGKILL, target: -pid },
];

export const announceHookEnd: Rule<'hookEnded'> = ({ service, hook, index, ok, how, output }, _step, config) => {
  const argv = hooksOf(config.services[service]!, hook)[index]?.argv.join(' ') ?? '';
  const shown = oneLine(output);
  const line = `${HOOK_KEYS[hook]} hook ${index + 1} of ${serviceLabel(config, service)} (${argv}) ${how}${shown === '' ? '' : `: ${shown}`}`;
  return [log(ok ? 'info' : 'warn', line)];
};
