/**
 * The transform of every Node project's jest config: SWC strips the types (type checking is the
 * typecheck stage's job, once for the whole workspace) and emits the decorators and their
 * metadata as tsc does for the build (Nest's injection, TypeORM's columns, class-validator).
 */
module.exports = {
  '^.+\\.[tj]s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: true,
        },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};
