// winston is required here, in a CommonJS module, only when the first line at an
// enabled level is logged: a run that logs nothing never evaluates it. (The
// bundler keeps such a require lazy; an ESM import would be evaluated at start.)
import type * as Winston from 'winston';

export function loadWinston(): typeof Winston {
  return require('winston') as typeof Winston;
}
