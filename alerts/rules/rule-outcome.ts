/** What a duration/condition step concluded for one alarm type of one source. */
export type RuleOutcome = { type: string; kind: 'raise' | 'clear'; value: number | null };

/** What every rule step returns: the next state, and what it concluded (nothing, or one outcome per alarm it changes). */
export interface RuleStep<S, O = RuleOutcome> {
  state: S;
  outcomes: O[];
}
