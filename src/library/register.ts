// `node --import docker-container-init/register server.js`: the app becomes a
// good PID 1 before its own code runs, with the default options.
import { becomeInit } from './index.js';

becomeInit();
