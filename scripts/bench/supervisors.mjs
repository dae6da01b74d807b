// The supervisors npm run bench compares with the init's services (SPEC §17),
// each given the same programs in its own words: s6 (s6-svscan and a service
// folder each), runit (runsvdir), supervisord, and pm2-runtime (from the npm
// registry, cached like the Node.js lines). A program: { name, argv }, to be
// restarted whenever it exits. Each supervisor returns the argv that runs it
// as PID 1 (and any environment it needs).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const quote = (word) => `'${word.replaceAll("'", "'\\''")}'`;
const runScript = (argv) => `#!/bin/sh\nexec ${argv.map(quote).join(' ')}\n`;

/** pm2, installed once into a cache of its own (as scripts/with-node.sh keeps the Node.js lines). */
export function pm2Runtime() {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'docker-container-init', 'pm2');
  const runtime = join(cache, 'node_modules/pm2/bin/pm2-runtime');
  if (!existsSync(runtime)) {
    mkdirSync(cache, { recursive: true });
    const globalconfig = execFileSync('npm', ['config', 'get', 'globalconfig']).toString().trim();
    execFileSync('npm', ['install', '--prefix', cache, '--globalconfig', globalconfig, '--no-audit', '--no-fund', 'pm2@7'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return runtime;
}

/** `dci`: the init's npm package; `node`: the node binary for pm2. */
export function supervisors({ dci, node }) {
  return [
    {
      name: 'docker-container-init',
      build(dir, programs, { output = false } = {}) {
        const services = programs.map((p) => `  ${p.name}:\n    command: ${JSON.stringify(p.argv)}\n    restart: ${p.restart === false ? '"no"' : 'always'}\n`).join('');
        writeFileSync(join(dir, 'services.yaml'), `services:\n${services}`);
        return { argv: [dci, '--services', join(dir, 'services.yaml')], output };
      },
    },
    {
      name: 's6 (s6-svscan)',
      build(dir, programs) {
        for (const p of programs) {
          mkdirSync(join(dir, p.name), { recursive: true });
          writeFileSync(join(dir, p.name, 'run'), runScript(p.argv));
          chmodSync(join(dir, p.name, 'run'), 0o755);
        }
        return { argv: ['s6-svscan', dir] };
      },
    },
    {
      name: 'runit (runsvdir)',
      build(dir, programs) {
        for (const p of programs) {
          mkdirSync(join(dir, p.name), { recursive: true });
          writeFileSync(join(dir, p.name, 'run'), runScript(p.argv));
          chmodSync(join(dir, p.name, 'run'), 0o755);
        }
        return { argv: ['runsvdir', '-P', dir] };
      },
    },
    {
      name: 'supervisord',
      build(dir, programs) {
        const conf = [
          '[supervisord]',
          'nodaemon=true',
          'user=root',
          'logfile=/dev/null',
          'logfile_maxbytes=0',
          `pidfile=${join(dir, 'supervisord.pid')}`,
          ...programs.flatMap((p) => [
            `[program:${p.name}]`,
            `command=${p.argv.join(' ')}`,
            `autorestart=${p.restart === false ? 'false' : 'true'}`,
            'startsecs=0',
            'startretries=1000000',
            'stdout_logfile=/dev/stdout',
            'stdout_logfile_maxbytes=0',
            'redirect_stderr=true',
          ]),
        ].join('\n');
        writeFileSync(join(dir, 'supervisord.conf'), `${conf}\n`);
        return { argv: ['supervisord', '-c', join(dir, 'supervisord.conf')] };
      },
    },
    {
      name: 'pm2-runtime',
      build(dir, programs) {
        const apps = programs.map((p) => ({ name: p.name, script: p.argv[0], args: p.argv.slice(1), interpreter: 'none', autorestart: p.restart !== false, restart_delay: 0 }));
        writeFileSync(join(dir, 'ecosystem.json'), JSON.stringify({ apps }));
        return { argv: [node, pm2Runtime(), join(dir, 'ecosystem.json')], env: { PM2_HOME: join(dir, '.pm2') } };
      },
    },
  ];
}
