/**
 * What an attribute takes in a framework's template (src/react/jsx.ts): its property's type, and for numbers
 * also the numeric strings HTML gives, so `series-limit="5"` passes and `series-limit="x"` is an error.
 */
export type AttributeValue<T> = T extends number ? T | `${number}` : T;
