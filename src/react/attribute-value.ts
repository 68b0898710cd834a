/**
 * What an attribute takes in React's JSX (src/react/jsx.ts): its property's type, and for numbers also the numeric
 * strings HTML gives, so `series-limit="5"` passes and `series-limit="x"` is an error. (Vue's templates bind
 * numbers, `:series-limit="5"`, so its types take the property's type as it is.)
 */
export type AttributeValue<T> = T extends number ? T | `${number}` : T;
