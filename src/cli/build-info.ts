// Filled in by build.sh (esbuild --define); the fallbacks are for unbundled runs.
declare const __VERSION__: string | undefined;
declare const __BUILD_DATE__: string | undefined;

export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
export const BUILD_DATE = typeof __BUILD_DATE__ === 'string' ? __BUILD_DATE__ : 'an unknown date';
