// The single-file executable's koffi: bundled in, JavaScript and native addon
// alike (see native-addon.cts). build.sh (SEA=1) puts this module in place of
// syscalls/koffi.ts, which loads koffi from node_modules. Required, not
// imported: koffi's CommonJS entry loads its native addon with plain require
// calls, which the bundler can redirect; its ES module entry does not.
import type * as Koffi from 'koffi';

export const koffi = require('koffi') as typeof Koffi;
