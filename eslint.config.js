import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-live/**', 'node_modules/**', 'test-results/**', '.preview-data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Sheet text reaches sidebars only as text.
    files: ['src/sidebar/**/*.ts', 'preview/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent / el(): sheet text must never be parsed as HTML.' },
        { property: 'outerHTML', message: 'Use textContent / el().' },
        { property: 'insertAdjacentHTML', message: 'Use el().' },
      ],
    },
  },
);
