// Source: signals the init catches, as events. The way of catching is passed
// in (src/syscalls/signal-listen.ts in the program, a fake in tests).
import { Observable } from 'rxjs';

/** Starts catching `signal`, calling `handler` for each receipt; returns a function that stops. */
export type ListenFn = (signal: number, handler: (signal: number) => void) => () => void;

export function caughtSignals(signals: readonly number[], listen: ListenFn): Observable<number> {
  return new Observable<number>((subscriber) => {
    const stops = signals.map((signal) => listen(signal, (caught) => subscriber.next(caught)));
    return () => {
      for (const stop of stops) stop();
    };
  });
}
