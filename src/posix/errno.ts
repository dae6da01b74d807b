// The errno values the init's code names, from the platform's table (not written by hand).
import { platformConstants } from './platform-constants.js';

const errno = platformConstants.errno;

export const ENOENT = errno['ENOENT']!;
export const ESRCH = errno['ESRCH']!;
export const EINTR = errno['EINTR']!;
export const ECHILD = errno['ECHILD']!;
export const EAGAIN = errno['EAGAIN']!;
export const ENOMEM = errno['ENOMEM']!;
export const ENOTDIR = errno['ENOTDIR']!;
export const ENAMETOOLONG = errno['ENAMETOOLONG']!;
export const EPIPE = errno['EPIPE']!;
export const EFBIG = errno['EFBIG']!;
export const ENOSYS = errno['ENOSYS']!;
