/** Advice: plain-words explanations and fix advice for a verdict, as data (never markup). */
export type {
  AdviceFinding, Explanation, ExplainOptions, HeaderPlace, RequiredHeader, StackGuess, StackId, StackInfo, StackSnippet,
} from './types';
export { STACKS } from './stacks';
export { detectStack } from './detect-stack';
export { explain, guessStack } from './explain';
export { explainTitle } from './title';
export { mdnUrl } from './mdn';
