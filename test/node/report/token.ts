/** An access token no report output may hold: distinctive enough that any copy of it is a leak. */
export const TOKEN = 'sgp_canary0123456789abcdef0123456789abcdef';
