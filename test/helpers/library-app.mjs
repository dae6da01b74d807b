// A Node.js app that runs as PID 1 and uses the library (SPEC §9), for the
// tests. Its argument picks what it does:
//   load      starts 51 children with spawn, exec, execFile and fork, with known
//             exit codes (some killed by a signal), while 1,000 orphans die
//             around it; prints one JSON line with what went wrong (nothing,
//             it should be) and how many orphans were reaped; then idles.
//   listener  listens for SIGTERM itself and says so when one comes; idles.
import { exec, execFile, fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const { becomeInit } = await import(process.env.DCI_LIBRARY);
const mode = process.argv[2];

if (mode === 'fork-child') process.exit(Number(process.argv[3]));

const init = becomeInit();
setInterval(() => {}, 1 << 30); // an app that keeps running

if (mode === 'listener') {
  process.on('SIGTERM', () => console.log('app got SIGTERM'));
  console.log('ready');
}

if (mode === 'load') {
  const problems = [];
  const waits = [];
  const expect = (what, child, code, signal) =>
    waits.push(
      new Promise((resolve) => {
        child.on('exit', (actualCode, actualSignal) => {
          if (actualCode !== code || actualSignal !== signal) problems.push({ what, code, signal, actualCode, actualSignal });
          resolve();
        });
      }),
    );
  // 1,000 orphans, released at once, each dying within half a second.
  expect('orphans helper', spawn(process.env.DCI_ORPHANS, ['1000', '0', '0', '500'], { stdio: 'ignore' }), 0, null);
  for (let i = 0; i < 20; i++) expect(`spawn ${i}`, spawn('sh', ['-c', `sleep 0.$((${i} % 5)); exit ${i + 1}`]), i + 1, null);
  for (let i = 0; i < 10; i++) {
    waits.push(
      new Promise((resolve) =>
        exec(`sleep 0.${i % 5}; exit ${30 + i}`, (error) => {
          if (error?.code !== 30 + i) problems.push({ what: `exec ${i}`, code: 30 + i, actual: error?.code });
          resolve();
        }),
      ),
    );
  }
  for (let i = 0; i < 10; i++) {
    waits.push(
      new Promise((resolve) =>
        execFile('sh', ['-c', `sleep 0.${i % 5}; exit ${50 + i}`], (error) => {
          if (error?.code !== 50 + i) problems.push({ what: `execFile ${i}`, code: 50 + i, actual: error?.code });
          resolve();
        }),
      ),
    );
  }
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < 5; i++) expect(`fork ${i}`, fork(self, ['fork-child', String(70 + i)], { stdio: 'ignore' }), 70 + i, null);
  for (let i = 0; i < 5; i++) {
    const child = spawn('sleep', ['5']);
    expect(`killed ${i}`, child, null, 'SIGTERM');
    setTimeout(() => child.kill('SIGTERM'), 100 * i);
  }
  await Promise.all(waits);
  // The orphans die within half a second of their release; give the reaper that long.
  const deadline = Date.now() + 5000;
  while (init.reaped < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  console.log(JSON.stringify({ problems, reaped: init.reaped }));
}
