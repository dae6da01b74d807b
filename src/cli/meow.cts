// meow is required here, in a CommonJS module, only when the command line has
// options for the init: evaluating its bundled dependencies costs tens of
// milliseconds that a plain `docker-container-init cmd args` run does not pay.
import type * as Meow from 'meow';

export function loadMeow(): typeof Meow.default {
  return (require('meow') as typeof Meow).default;
}
