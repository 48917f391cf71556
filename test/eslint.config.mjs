import { config } from '@n8n/node-cli/eslint';

/**
 * Tests, the simulator, the harness and scripts/ are never shipped: they start servers and n8n,
 * read files and time things, which n8n's rules for node code forbid. The package's own code
 * (nodes/, credentials/) stays under the unchanged root eslint.config.mjs. ESLint finds this file
 * for files below test/ and scripts/ because `npm run lint` sets ESLINT_FLAGS=unstable_config_lookup_from_file.
 */
export default [
	...config,
	{
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			// cleanup-then-rethrow in test set-ups is not node code
			'@n8n/community-nodes/require-node-api-error': 'off',
			'no-console': 'off',
		},
	},
];
