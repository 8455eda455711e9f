/** The same nested keys as `T`, every leaf a string: what each further language must provide. */
export type TranslationTree<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : TranslationTree<T[K]>;
};
