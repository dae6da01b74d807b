// Evaluated first: the V8 settings of an init. An init runs a few lines of
// JavaScript per signal or exit, now and then. V8's optimising compiler
// (TurboFan) buys nothing there, and its compile jobs stalled the event loop
// for up to 2 ms at a time on a 2-core machine: forwarded signals waited, and
// two of the same could reach the command together and merge. Without it the
// interpreter and the baseline compiler run everything, and the forwarding
// latency's p99 fell from about 800 to about 200 microseconds (npm run bench).
// Set through the binding behind the 'v8' module, which itself would load half
// of Node's streams.
import { quietBinding } from './syscalls/node-binding.js';

quietBinding<{ setFlagsFromString(flags: string): void }>('v8')?.setFlagsFromString('--no-opt');
