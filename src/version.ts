import pkg from '../package.json' with { type: 'json' };

/** spinwash's own version, as the report's `tool.version`. */
export const VERSION: string = pkg.version;
