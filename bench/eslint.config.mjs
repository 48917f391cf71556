// bench/ is tooling like test/: the same lint override (see test/eslint.config.mjs)
export { default } from '../test/eslint.config.mjs';
