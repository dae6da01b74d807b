// The single-file executable's koffi: its native addon, carried as an asset
// (see native-addon.cts), is koffi's whole API; koffi's JavaScript entry is not
// needed (see syscalls/koffi.ts). build.sh (SEA=1) puts this module in place
// of syscalls/koffi.ts.
import type * as Koffi from 'koffi';

export const koffi = require('./native-addon.cjs') as typeof Koffi;
