/**
 * autocannon is CommonJS: imported statically here and this module lazily (src/projects/yaml.ts
 * says why), so it stays out of start-up and the bundle keeps its default export whole.
 */
import autocannon from 'autocannon';

export default autocannon;
