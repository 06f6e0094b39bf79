import { readFileSync } from 'node:fs';

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** start → "Review the request" (candidate group quality, form api-review-form) → end */
export const reviewBpmn = read('review.bpmn');
export const reviewForm = JSON.parse(read('review-form.json')) as Record<string, unknown>;
/** start → exclusive gateway on `approved` (no default flow) → end approved / end rejected */
export const decisionBpmn = read('decision.bpmn');
