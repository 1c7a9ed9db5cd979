/** What a duration/condition step concluded for one alarm type of one source. */
export type RuleOutcome = { type: string; kind: 'raise' | 'clear'; value: number | null };
