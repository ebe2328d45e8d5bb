/** Exit statuses of `clawproof`, stable so scripts and CI can branch on them. */
export const EXIT_OK = 0;
/** The command ran and failed (port taken, app not built, ...). */
export const EXIT_FAILURE = 1;
/** The command line itself is wrong: unknown command or option, bad value. */
export const EXIT_USAGE = 2;
