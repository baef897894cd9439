/** Level 2, first choice: Groq (Llama 3.3 70B) in JSON mode. Skipped cleanly without a key. */
import type Groq from 'groq-sdk';
import { SYSTEM_PROMPT, parseAnswer, saneAgainstInput, userPrompt, type LlmProvider } from './llm.js';
import type { ResolverLog } from './types.js';
import { LIMITS } from '../limits.js';

export interface GroqOptions {
  apiKey: string | null | undefined;
  /** GROQ_BASE_URL; default groq-sdk's own (https://api.groq.com). */
  baseURL?: string | null;
  timeoutMs?: number;
  log?: ResolverLog;
}

export function groqProvider(o: GroqOptions): LlmProvider | null {
  if (!o.apiKey) return null;
  const apiKey = o.apiKey;
  // Imported on first use, not at host start (download/probe never need it). One attempt: the orchestrator has a budget and Gemini as a fallback.
  let client: Promise<Groq> | null = null;
  const getClient = (): Promise<Groq> =>
    (client ??= import('groq-sdk').then(({ default: Sdk }) => new Sdk({ apiKey, baseURL: o.baseURL ?? undefined, timeout: o.timeoutMs ?? LIMITS.slowProviderMs, maxRetries: 0 })));
  return async (text, signal) => {
    try {
      const res = await (await getClient()).chat.completions.create(
        {
          model: 'llama-3.3-70b-versatile',
          temperature: 0,
          max_tokens: 200,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: userPrompt(text) },
          ],
        },
        { signal },
      );
      const answer = parseAnswer(res.choices[0]?.message?.content);
      if (!answer) o.log?.({ level: 'warn', event: 'llm.bad_answer', provider: 'groq' });
      else if (!saneAgainstInput(answer, text)) o.log?.({ level: 'warn', event: 'llm.rejected', provider: 'groq', why: 'names a different song' });
      else return answer;
    } catch (e) {
      // The SDK's errors carry status and message only; never the key.
      o.log?.({ level: 'warn', event: 'llm.error', provider: 'groq', error: e instanceof Error ? e.message.slice(0, 200) : 'error' });
    }
    return null;
  };
}
