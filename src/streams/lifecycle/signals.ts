// What a signal to the init means (SPEC §3.2, §4, §8, §11, §15, §17).
// - Before start-up is over: SIGTERM or SIGINT means the container is being
//   stopped (no command ever starts); any other is dropped.
// - Running: SIGTERM and SIGINT go to the commands (the main one and --run)
//   and SIGTERM starts the --grace clock; without a command they start the
//   shutdown (SIGINT not with -I). A stop before any command has started
//   stops the container. Every other signal goes to every live program.
//   --delay-term holds a SIGTERM first; a second one acts at once.
// - Shutting down: SIGTERM or SIGINT is broadcast again (unless -B), or ends
//   the ordered stop of the services early; any other is dropped.
import { SIGINT, SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import { takesStopSignals } from '../service.js';
import { note, setTimer, type Move } from './move.js';
import { beginShutdown, broadcastOrSweep, startStopClock } from './shutdown.js';
import { isLive } from './state.js';

const isStop = (signal: number): boolean => signal === SIGTERM || signal === SIGINT;

/** Without a command: whether the signal starts the shutdown. */
export function startsShutdown(signal: number, config: Pick<SupervisorConfig, 'shutdownOnSigint'>): boolean {
  return signal === SIGTERM || (signal === SIGINT && config.shutdownOnSigint);
}

function stopBeforeStart(move: Move, signal: number): void {
  beginShutdown(move, { status: 128 + signal, reason: `received ${move.config.signalName(signal)} before the command started` });
}

/** The live programs a signal reaches: the commands for a stop, every program otherwise. */
function targets(move: Move, stop: boolean): number[] {
  return move.state.services.flatMap((service, index) => (isLive(service) && (!stop || takesStopSignals(move.config.services[index]!)) ? [index] : []));
}

function takeEffect(move: Move, signal: number): void {
  const { config, state } = move;
  if (state.phase === 'starting') {
    if (isStop(signal)) stopBeforeStart(move, signal);
    else note(move, { kind: 'drop', signal, why: 'notStarted' });
    return;
  }
  if (state.phase !== 'running') return;
  const commands = config.services.flatMap((service, index) => (takesStopSignals(service) ? [index] : []));
  if (isStop(signal) && commands.length > 0) {
    if (commands.every((index) => !state.services[index]!.started)) return stopBeforeStart(move, signal);
    note(move, { kind: 'deliver', signal, services: targets(move, true) });
    if (signal === SIGTERM) startStopClock(move);
    return;
  }
  if (commands.length === 0 && startsShutdown(signal, config)) {
    return beginShutdown(move, { reason: `received ${config.signalName(signal)}`, status: 0 });
  }
  const reached = targets(move, false);
  if (reached.length > 0) note(move, { kind: 'deliver', signal, services: reached });
  else if (config.services.length === 0) note(move, { kind: 'drop', signal, why: 'noCommand' });
  else note(move, { kind: 'drop', signal, why: state.services.some((service) => service.started) ? 'noneRunning' : 'notStarted' });
}

function whileShuttingDown(move: Move, signal: number): void {
  if (!isStop(signal)) return note(move, { kind: 'drop', signal, why: 'shuttingDown' });
  // Asked again to stop: the services still to be stopped in order get the broadcast now, with everything else.
  if (move.state.shutdown?.step === 'services') return broadcastOrSweep(move);
  if (move.config.broadcast) note(move, { kind: 'broadcast' });
  else note(move, { kind: 'drop', signal, why: 'shuttingDown' });
}

export function onSignal(move: Move, signal: number): void {
  if (move.state.phase === 'shuttingDown') return whileShuttingDown(move, signal);
  if (signal !== SIGTERM || move.config.delayTermMs === 0) return takeEffect(move, signal);
  if (move.state.timers.delayTerm === undefined) {
    setTimer(move, 'delayTerm', move.now + move.config.delayTermMs);
    return note(move, { kind: 'hold', signal });
  }
  // A second SIGTERM during the delay acts at once, the held one first.
  setTimer(move, 'delayTerm', undefined);
  takeEffect(move, SIGTERM);
  takeEffect(move, SIGTERM);
}

/** --delay-term ran out: the held SIGTERM takes effect. */
export function releaseHeldSigterm(move: Move): void {
  takeEffect(move, SIGTERM);
}
