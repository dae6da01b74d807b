import test from 'ava';
import { exitWith } from '../../src/streams/operators/exit-status.js';
import { act, config } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('-e maps the final status to 0; other statuses pass', (t) => {
  marbles(t).run(({ expectObservable }) => {
    const cfg = config({ exitCodesToZero: new Set([143, 3]) });
    expectObservable(exitWith({ reason: 'r', status: 143 }, cfg)).toBe('(lx|)', {
      l: act.log('info', 'exiting with status 0 (status 143, mapped by -e 143)', { exitCode: 0 }),
      x: act.exit(0),
    });
    expectObservable(exitWith({ reason: 'r', status: 4 }, cfg)).toBe('(lx|)', {
      l: act.log('info', 'exiting with status 4', { exitCode: 4 }),
      x: act.exit(4),
    });
  });
});
