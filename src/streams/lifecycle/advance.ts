// The lifecycle as a small supervision tree (SPEC §3, §10, §11, §15, §17): the
// container's phase on top, one state per supervised program below, and the
// one pure function that moves them: advance(state, input) → the new state and
// the facts of the move, for the rules to turn into actions.
//
// The container:
//
//   starting ──ready──► running ──a program ends it, or a stop without a command──► shuttingDown ──no child left──► exiting
//       └──SIGTERM or SIGINT before any command has started──────────────────────────────┘          (-W: at once)
//
//   shuttingDown steps: services (stop the file's services one by one, dependents
//   first) ─► broadcast (SIGTERM to all) ─► sweep (until ECHILD)
//
// Each program (service-moves.ts, dependencies.ts):
//
//   waiting ─dependencies met─► starting ─spawned─► running ─exit─► backingOff ─restart timer─► starting
//                                                      │            (restart policy, Docker's backoff)
//                                                      ├─exit─► completed (a one-shot's 0) | exited | gaveUp: the last two end the container
//                                                      └─stop─► stopping ─exit─► stopped, or backingOff when it is to restart
//
// What ends a program's run is settled below, in its own state; what ends the
// container is handed up and acted on here, the first one deciding.
import { describeExit, exitStatusOf } from '../../posix/exit-status.js';
import { SIGKILL } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import type { InitEvent, Outcome } from '../events.js';
import { onControl } from './control.js';
import { startWaiting } from './dependencies.js';
import { note, patchService, setServiceTimer, setTimer, type Move } from './move.js';
import { endRun } from './service-moves.js';
import { beginShutdown, beginSweep, exitNow, serviceGone } from './shutdown.js';
import { onSignal, releaseHeldSigterm } from './signals.js';
import { probeEnded, probeStarted, runProbe, startHealth, timeOutProbe } from './health.js';
import { hookWithPid, probeWithPid, serviceWithPid, type Lifecycle } from './state.js';
import { hookEnded, hookStarted, startHooks } from './hooks.js';
import { signalStop } from './stop-service.js';
import type { Fact, Input, TimerInput } from './step.js';

/** Each interval between "still waiting" reports is twice the one before, up to a minute. */
const LAST_REPORT_INTERVAL_MS = 60_000;

/** What ends the container, handed up from below: the first one decides. */
function act(move: Move, ending: Outcome | undefined): void {
  if (ending) beginShutdown(move, ending);
}

function onSpawned(move: Move, index: number, pid: number): void {
  patchService(move, index, { status: 'running', pid, since: move.now, started: true });
  startHealth(move, index);
  startHooks(move, index, 'postStart');
  act(move, startWaiting(move));
}

/** A probe's result, and what follows from a change of health: those waiting for it, or its own restart or the container's end. */
function onProbeEnded(move: Move, index: number, code: number | null, output: string): Outcome | undefined {
  const ends = probeEnded(move, index, code, output);
  return startWaiting(move) ?? ends;
}

function onReaped(move: Move, event: Extract<InitEvent, { kind: 'reaped' }>, before: Lifecycle): void {
  const { config } = move;
  const { stop } = move.state;
  if (stop) {
    const killedNow = stop.killed === undefined ? 0 : event.exits.filter((exit) => exit.signal === SIGKILL).length;
    move.state = { ...move.state, stop: { ...stop, exited: stop.exited + event.exits.length - killedNow } };
  }
  // In the order reaped: when two programs end the container in one pass, the first reaped decides.
  let ending: Outcome | undefined;
  for (const exit of event.exits) {
    const prober = probeWithPid(move.state, exit.pid);
    if (prober !== -1) {
      ending ??= onProbeEnded(move, prober, exit.code, exit.output ?? '');
      continue;
    }
    const hooked = hookWithPid(move.state, exit.pid);
    if (hooked !== undefined) {
      hookEnded(move, hooked.service, hooked.kind, { ok: exit.code === 0, how: describeExit(exit, config.signalName), output: exit.output ?? '' }, signalStop);
      continue;
    }
    const index = serviceWithPid(move.state, exit.pid);
    if (index === -1) {
      note(move, { kind: 'orphan', exit });
      continue;
    }
    const ends = endRun(move, index, { status: exitStatusOf(exit), how: describeExit(exit, config.signalName) }, exit);
    ending ??= ends;
    serviceGone(move, index);
  }
  act(move, ending ?? startWaiting(move));
  // ECHILD counts only in a pass made after the sweep began (which asked for one).
  if (before.shutdown?.step === 'sweep' && event.childless && move.state.phase === 'shuttingDown') exitNow(move);
}

function onTimer(move: Move, input: TimerInput): void {
  if (!('service' in input)) {
    setTimer(move, input.name, undefined);
    switch (input.name) {
      case 'delayTerm':
        return releaseHeldSigterm(move);
      case 'grace':
        return note(move, { kind: 'killAll' });
      case 'report': {
        const every = Math.min(move.state.reportEvery * 2, LAST_REPORT_INTERVAL_MS);
        move.state = { ...move.state, reportEvery: every };
        setTimer(move, 'report', move.now + every);
        return note(move, { kind: 'report' });
      }
    }
  }
  const index = input.service;
  setServiceTimer(move, index, input.name, undefined);
  const service = move.state.services[index]!;
  switch (input.name) {
    case 'restart':
      if (service.status !== 'backingOff' || move.state.phase !== 'running') return;
      patchService(move, index, { status: 'starting', since: move.now });
      return note(move, { kind: 'start', service: index });
    case 'stopGrace':
      if (service.status === 'stopping') note(move, { kind: 'killService', service: index });
      return;
    case 'probe':
      return runProbe(move, index);
    case 'probeTimeout':
      return timeOutProbe(move, index);
  }
}

/** The state after `input`, at `now` on the scheduler's clock, and the facts of the move. Pure. */
export function advance(state: Lifecycle, input: Input, now: number, config: SupervisorConfig): { readonly state: Lifecycle; readonly facts: readonly Fact[] } {
  const move: Move = { state, facts: [], now, config };
  if (state.phase === 'exiting') return { state, facts: [] };
  switch (input.kind) {
    case 'ready':
      if (state.phase === 'starting') move.state = { ...state, phase: 'running' };
      act(move, startWaiting(move));
      break;
    case 'note':
    case 'remaining':
      break;
    case 'signal':
      if (input.atStartUp) note(move, { kind: 'drop', signal: input.signal, why: 'atStartUp' });
      else onSignal(move, input.signal);
      break;
    case 'timer':
      onTimer(move, input);
      break;
    case 'spawned':
      onSpawned(move, input.service, input.pid);
      break;
    case 'spawnFailed':
      act(move, endRun(move, input.service, { status: input.status, how: `could not be started (${input.reason})` }) ?? startWaiting(move));
      break;
    case 'reaped':
      onReaped(move, input, state);
      break;
    case 'signalled':
      // The opening broadcast is done: the sweep begins. (One sent again while it runs changes nothing.)
      if (state.shutdown?.step === 'broadcast') beginSweep(move, input.count);
      break;
    case 'killed':
      if (state.stop) move.state = { ...state, stop: { ...state.stop, killed: input.processes.length } };
      break;
    case 'control':
      note(move, { kind: 'reply', id: input.id, reply: onControl(move, input.request) });
      break;
    case 'probeStarted':
      probeStarted(move, input.service, input.pid);
      break;
    case 'hookStarted':
      hookStarted(move, input.service, input.hook, input.pid);
      break;
    case 'hookFailed':
      hookEnded(move, input.service, input.hook, { ok: false, how: `could not be started (${input.reason})`, output: '' }, signalStop);
      break;
    case 'probeFailed':
      act(move, onProbeEnded(move, input.service, null, `the probe could not be started (${input.reason})`));
      break;
  }
  return { state: move.state, facts: move.facts };
}
