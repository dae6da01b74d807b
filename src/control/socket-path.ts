/** Where the running init listens for the control command unless --control names another place (SPEC §19). */
export const DEFAULT_CONTROL_SOCKET = '/run/docker-container-init/control.sock';
